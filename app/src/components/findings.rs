//! The findings panel: grouped by status, each row with its formula, hint and citation.
//! Rows are keyed by their verdict, so while a wall is dragged only the findings whose
//! numbers change are redrawn. Clicking a row selects and highlights the rooms it names.

use crate::i18n::{pick, status_label, t, Key};
use crate::state::AppState;
use leptos::prelude::*;
use madori_editor::Selection;
use madori_rules::{Finding, Status};
use std::hash::{DefaultHasher, Hash, Hasher};

/// A row's identity before its words: rule, elements, verdict, numbers, language and its
/// position among the rule's findings, so equal-looking rows stay distinct. Cheap, so it is
/// computed for every finding of a report.
fn row_key(f: &Finding, ordinal: usize, lang: crate::i18n::Lang) -> u64 {
    let mut h = DefaultHasher::new();
    f.rule_id.hash(&mut h);
    ordinal.hash(&mut h);
    f.element_ids.hash(&mut h);
    f.status.hash(&mut h);
    for q in [f.measured, f.required].into_iter().flatten() {
        q.value.to_bits().hash(&mut h);
    }
    (lang == crate::i18n::Lang::Ja).hash(&mut h);
    h.finish()
}

/// The key of a row on screen: its identity and every word it shows (message, formula,
/// hint), so a renamed room or a new window redraws the row even when the verdict and the
/// numbers stay. Only rows on screen render their words, which keeps a drag fast.
fn shown_key(identity: u64, f: &Finding) -> u64 {
    let mut h = DefaultHasher::new();
    identity.hash(&mut h);
    f.text.get().hash(&mut h);
    h.finish()
}

/// Highlights `ids` and selects the first of them that is a room, a door or window, or a
/// fixture, switching to its storey and bringing it into view.
fn select_elements(state: AppState, ids: Vec<String>) {
    leptos::task::spawn_local(async move {
        if let Ok(select) = selector().await {
            select(state, ids);
        }
    });
}

on_demand! {
    chunk inspector;
    /// Selects what a finding is about (loaded the first time one is clicked).
    pub fn selector() -> fn(AppState, Vec<String>) {
        select_now
    }
}

fn select_now(state: AppState, ids: Vec<String>) {
    let target = state.plan.with_untracked(|plan| {
        ids.iter().find_map(|id| {
            plan.storeys.iter().enumerate().find_map(|(s, storey)| {
                let room_at = |room: &str| {
                    storey
                        .rooms
                        .iter()
                        .find(|r| r.id == room)
                        .map(|r| madori_rules::area::label_position_mm(&r.polygon))
                };
                if let Some(at) = room_at(id) {
                    return Some((s, Selection::Room(id.clone()), at));
                }
                if let Some(o) = storey.openings.iter().find(|o| o.id == *id) {
                    return room_at(&o.room).map(|at| (s, Selection::Opening(id.clone()), at));
                }
                storey.fixtures.iter().find(|f| f.id == *id).map(|f| {
                    (
                        s,
                        Selection::Fixture(id.clone()),
                        (f.at.x as f64, f.at.y as f64),
                    )
                })
            })
        })
    });
    state.highlighted.set(ids);
    if let Some((storey, selection, (x, y))) = target {
        state.editor.update(|e| {
            e.set_storey(storey);
            e.selection = selection;
        });
        // Bring it into view if it is off screen.
        state.viewport.update(|v| {
            let p = v.to_screen(madori_editor::viewport::WorldMm::new(x, y));
            if p.x < 0.0 || p.y < 0.0 || p.x > v.size.x || p.y > v.size.y {
                v.pan_by(v.size.x / 2.0 - p.x, v.size.y / 2.0 - p.y);
            }
        });
    }
}

fn row(state: AppState, f: Finding, depends_on_missing: bool) -> impl IntoView {
    let l = state.lang.get_untracked();
    let ids = f.element_ids.clone();
    let selected = {
        let ids = ids.clone();
        move || !ids.is_empty() && state.highlighted.with(|h| *h == ids)
    };
    view! {
        <li
            class="finding"
            class:selected=selected
            data-testid="finding-row"
            data-rule=f.rule_id
            data-status=f.status.as_str()
            on:click=move |_| select_elements(state, ids.clone())
        >
            <div class="finding-head">
                <code>{f.rule_id}</code>
                " "
                <span>{pick(l, f.message_ja(), f.message_en()).to_owned()}</span>
                {depends_on_missing.then(|| view! { <span class="depends" data-testid="depends-on-missing">{t(l, Key::DependsOnMissing)}</span> })}
            </div>
            <div class="formula" title=t(l, Key::Formula)>{f.formula().to_owned()}</div>
            {(!f.hint().is_empty()).then(|| view! { <div class="hint">"→ " {pick(l, f.hint(), f.hint_en()).to_owned()}</div> })}
            <details class="citation">
                <summary>{t(l, Key::Source)}</summary>
                {f.citation}
            </details>
        </li>
    }
}

/// Rows drawn per group before "show all": a 600-room plan has thousands of passes, and a
/// person reads the first screenful.
pub const ROWS_SHOWN: usize = 100;

/// The findings panel. Failures, warnings and unavailable checks are open; information and
/// passes start folded (click the heading).
#[component]
pub fn FindingsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    // Every finding's key once per report; groups filter this list.
    let keyed = Memo::new(move |_| {
        let l = lang.get();
        state.with_report(|r| {
            let mut ordinal: std::collections::HashMap<&str, usize> =
                std::collections::HashMap::new();
            r.findings
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    let n = ordinal.entry(f.rule_id).or_default();
                    *n += 1;
                    (f.status, row_key(f, *n, l), i)
                })
                .collect::<Vec<_>>()
        })
    });
    let groups = Status::ALL
        .into_iter()
        .map(|status| {
            let open = RwSignal::new(matches!(status, Status::Fail | Status::Warning | Status::Unavailable));
            let show_all = RwSignal::new(false);
            let count = move || state.with_report(|r| r.count(status));
            let items = move || {
                if !open.get() {
                    return Vec::new();
                }
                let limit = if show_all.get() { usize::MAX } else { ROWS_SHOWN };
                state.with_report(|r| {
                    keyed.with(|k| {
                        k.iter()
                            .filter(|(s, _, _)| *s == status)
                            .take(limit)
                            .map(|(_, key, i)| (shown_key(*key, &r.findings[*i]), *i))
                            .collect::<Vec<_>>()
                    })
                })
            };
            let hidden = move || if open.get() && !show_all.get() { count().saturating_sub(ROWS_SHOWN) } else { 0 };
            view! {
                <section
                    class=format!("group status-{}", status.as_str())
                    class:empty=move || count() == 0
                    data-testid=format!("findings-{}", status.as_str())
                >
                    <h3 data-testid=format!("toggle-{}", status.as_str()) on:click=move |_| open.update(|o| *o = !*o)>
                        {move || if open.get() { "▾ " } else { "▸ " }}
                        {move || status_label(lang.get(), status)}
                        " "
                        <span class="count" data-testid=format!("count-{}", status.as_str())>{count}</span>
                    </h3>
                    <ul>
                        <For
                            each=items
                            key=|(key, _)| *key
                            children=move |(_, i)| state.with_report_untracked(|r| {
                                r.findings.get(i).cloned().map(|f| {
                                    let depends = r.missing.iter().any(|m| m.affects.contains(&f.rule_id));
                                    row(state, f, depends)
                                })
                            })
                        />
                    </ul>
                    {move || (hidden() > 0).then(|| view! {
                        <button class="show-all" data-testid=format!("show-all-{}", status.as_str()) on:click=move |_| show_all.set(true)>
                            {move || format!("{} (+{})", t(lang.get(), Key::ShowMore), hidden())}
                        </button>
                    })}
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="findings" data-testid="findings-panel">
            <h2>{move || t(lang.get(), Key::Findings)}</h2>
            <MissingInputs/>
            {groups}
        </div>
    }
}

/// 入力不足: what the plan lacks for a trustworthy check, above the verdicts. Clicking an item
/// selects and highlights its elements.
#[component]
fn MissingInputs() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let items = move || {
        let l = lang.get();
        state.with_report(|r| {
            r.missing
                .iter()
                .map(|m| {
                    (
                        pick(l, &m.message_ja, &m.message_en).to_owned(),
                        m.element_ids.clone(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="group missing" class:empty=move || state.with_report(|r| r.missing.is_empty()) data-testid="missing-inputs">
            <h3>
                "! " {move || t(lang.get(), Key::MissingInputs)} " "
                <span class="count" data-testid="count-missing">{move || state.with_report(|r| r.missing.len())}</span>
            </h3>
            <ul>
                {move || items().into_iter().map(|(text, ids)| {
                    let click_ids = ids.clone();
                    view! {
                        <li class="finding missing-item" data-testid="missing-item" on:click=move |_| select_elements(state, click_ids.clone())>
                            {text}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
