//! The bottom bar: total floor area per storey, residents, capacity and zoom.

use crate::i18n::{t, Key};
use crate::state::AppState;
use leptos::prelude::*;
use madori_rules::area::m2_to_jo;

/// The totals bar.
#[component]
pub fn TotalsBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let area_text = move || {
        state.report.with(|report| {
            let totals = &report.totals;
            let storeys: Vec<String> = totals
                .storeys
                .iter()
                .map(|s| format!("{} {:.2}", s.name, s.wall_centre_m2))
                .collect();
            format!(
                "{} {:.2}㎡ ({:.1}帖; {})",
                t(lang.get(), Key::TotalFloorArea),
                totals.dwelling_wall_centre_m2,
                m2_to_jo(totals.dwelling_wall_centre_m2),
                storeys.join(" / ")
            )
        })
    };
    let interior_text = move || {
        let value = state.report.with(|r| r.totals.dwelling_interior_m2);
        let value = value.map_or_else(
            || t(lang.get(), Key::Unavailable).to_owned(),
            |a| format!("{a:.2}㎡"),
        );
        format!("{} {value}", t(lang.get(), Key::InteriorArea))
    };
    let residents_text = move || {
        format!(
            "{} {}{}",
            t(lang.get(), Key::Residents),
            state.report.with(|r| r.totals.residents),
            t(lang.get(), Key::Persons)
        )
    };
    let capacity_text = move || {
        let l = lang.get();
        state.capacity.with(|capacity| match capacity.max {
            Some(max) => {
                let unit = if capacity.unit == "世帯" {
                    t(l, Key::Households)
                } else {
                    t(l, Key::Persons)
                };
                format!(
                    "{} {max}{unit} ({} {})",
                    t(l, Key::Capacity),
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
            c.limits
                .iter()
                .filter(|limit| c.limiting.contains(&limit.rule_id))
                .map(|limit| crate::i18n::pick(l, &limit.next_ja, &limit.next_en).to_owned())
                .collect::<Vec<_>>()
                .join(" / ")
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
