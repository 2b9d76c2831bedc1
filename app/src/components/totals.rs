//! The bottom bar: total floor area per storey, residents, capacity and zoom.

use crate::i18n::{counted, t, Key};
use crate::state::AppState;
use leptos::prelude::*;
use madori_rules::numbers;

/// The totals bar.
#[component]
pub fn TotalsBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    // Areas print as the report rounds them (STANDARDS.md §9: 切捨 by default), 帖 round down.
    let rounding = move || state.profile.with(|p| p.rounding());
    let area_text = move || {
        let mode = rounding();
        state.with_report(|report| {
            numbers::with_rounding(mode, || {
                let totals = &report.totals;
                let storeys: Vec<String> = totals
                    .storeys
                    .iter()
                    .map(|s| format!("{} {}", s.name, numbers::area(s.wall_centre_m2)))
                    .collect();
                format!(
                    "{} {}㎡ ({}帖; {})",
                    t(lang.get(), Key::TotalFloorArea),
                    numbers::area(totals.dwelling_wall_centre_m2),
                    numbers::jo(totals.dwelling_wall_centre_m2),
                    storeys.join(" / ")
                )
            })
        })
    };
    let interior_text = move || {
        let mode = rounding();
        let value = state.with_report(|r| r.totals.dwelling_interior_m2);
        let value = value.map_or_else(
            || t(lang.get(), Key::Unavailable).to_owned(),
            |a| format!("{}㎡", numbers::with_rounding(mode, || numbers::area(a))),
        );
        format!("{} {value}", t(lang.get(), Key::InteriorArea))
    };
    let residents_text = move || {
        let l = lang.get();
        let residents = state.with_report(|r| r.totals.residents);
        format!(
            "{} {}",
            t(l, Key::Residents),
            counted(l, residents, Key::Persons)
        )
    };
    let capacity_text = move || {
        let l = lang.get();
        state.capacity.with(|capacity| match capacity.max {
            Some(max) => {
                let unit = if capacity.unit == "世帯" {
                    Key::Households
                } else {
                    Key::Persons
                };
                let recommended = capacity
                    .recommended
                    .filter(|r| *r < max)
                    .map(|r| format!("; {} {}", t(l, Key::Recommended), counted(l, r, unit)))
                    .unwrap_or_default();
                // A limit resting on a missing input says so (入力不足).
                let depends = state.with_report(|r| {
                    r.missing.iter().any(|m| {
                        capacity
                            .limiting
                            .iter()
                            .any(|rule| m.affects.contains(rule))
                    })
                });
                let depends = if depends {
                    format!(" — {}", t(l, Key::DependsOnMissing))
                } else {
                    String::new()
                };
                format!(
                    "{} {} ({} {}{recommended}){depends}",
                    t(l, Key::Capacity),
                    counted(l, max, unit),
                    t(l, Key::LimitedBy),
                    capacity.limiting.join(", ")
                )
            }
            None => format!("{} {}", t(l, Key::Capacity), t(l, Key::NotApplicable)),
        })
    };
    let next_text = move || {
        let l = lang.get();
        state.capacity.with(|c| {
            let mut steps: Vec<String> = Vec::new();
            for limit in c.limits.iter().filter(|limit| {
                limit.binding && c.limiting.contains(&limit.rule_id) && Some(limit.max) == c.max
            }) {
                let step = crate::i18n::pick(l, &limit.next_ja, &limit.next_en).to_owned();
                if !step.is_empty() && !steps.contains(&step) {
                    steps.push(step);
                }
            }
            steps.join(" / ")
        })
    };
    let zoom_text = move || format!("{:.0}%", state.viewport.with(|v| v.zoom_percent()));
    view! {
        <footer class="totals" data-testid="totals">
            <span data-testid="totals-area">{area_text}</span>
            <span data-testid="totals-interior">{interior_text}</span>
            <span data-testid="totals-residents">{residents_text}</span>
            <span data-testid="totals-capacity">{capacity_text}</span>
            <span class="next" data-testid="totals-next">{move || { let n = next_text(); (!n.is_empty()).then(|| format!("{}: {n}", t(lang.get(), Key::OneMore))) }}</span>
            <span class="zoom" data-testid="zoom-level">{zoom_text}</span>
        </footer>
    }
}
