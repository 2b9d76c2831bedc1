//! Existing and proposed (現況 → 計画案): the plan on screen can be saved as a named state with
//! a note; any saved state can be opened again (one undo step brings the work back) or
//! compared with the plan on screen: the change list (rooms added, split, merged, resized
//! with ㎡ before and after, uses, doors, windows and fixtures), each one's capacity and
//! failures, and on the drawing the walls taken out (dashed) and the new walls (hatched).

use crate::i18n::{pick, t, Key, Lang};
use crate::state::AppState;
use leptos::prelude::*;
use madori_editor::Command;
use madori_plan::{variant_plan, Plan};
use madori_rules::changes::{change_list, ChangeKind, ChangeList};

/// The changes from saved state `index` to the plan on screen, if both exist.
fn changes_from(state: AppState, index: usize) -> Option<(Plan, ChangeList)> {
    state.plan.with(|working| {
        let before = variant_plan(working, index)?;
        let list = change_list(&before, working);
        Some((before, list))
    })
}

/// Failures and capacity of a plan under its own saved check settings.
fn summary(plan: &Plan) -> (usize, Option<u32>) {
    let profile = madori_rules::profile::resolve(plan.check.as_ref(), plan).profile;
    let report = madori_rules::check(plan, &profile);
    (
        report.count(madori_rules::Status::Fail),
        madori_rules::capacity(plan, &profile).max,
    )
}

/// The states panel.
#[component]
pub fn StatesPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let new_name = RwSignal::new(String::new());
    let list = move || {
        let l = lang.get();
        let states: Vec<(String, String)> = state.plan.with(|p| {
            p.variants
                .iter()
                .map(|v| (v.name.clone(), v.note.clone()))
                .collect()
        });
        states
            .into_iter()
            .enumerate()
            .map(|(index, (name, note))| {
                let comparing = move || state.compare_state.get() == Some(index);
                let (name2, note2) = (name.clone(), note.clone());
                view! {
                    <li class="saved-state" class:comparing=comparing data-testid="saved-state">
                        <input class="name" data-testid="state-name" prop:value=name.clone() on:change=move |ev| {
                            state.run(Command::UpdateState { index, name: event_target_value(&ev), note: note2.clone() });
                        } />
                        <textarea class="note" data-testid="state-note" rows="2" placeholder=t(l, Key::StateNote) prop:value=note.clone() on:change=move |ev| {
                            state.run(Command::UpdateState { index, name: name2.clone(), note: event_target_value(&ev) });
                        }></textarea>
                        <div class="row">
                            <button data-testid="state-open" on:click=move |_| {
                                state.compare_state.set(None);
                                state.run(Command::OpenState { index });
                            }>{t(l, Key::Open)}</button>
                            <button data-testid="state-compare" class:active=comparing on:click=move |_| {
                                state.compare_state.update(|c| *c = if *c == Some(index) { None } else { Some(index) });
                            }>{t(l, Key::Compare)}</button>
                            <button data-testid="state-remove" on:click=move |_| {
                                state.compare_state.set(None);
                                state.run(Command::RemoveState { index });
                            }>{t(l, Key::Delete)}</button>
                        </div>
                    </li>
                }
            })
            .collect_view()
    };
    let comparison = move || {
        let l = lang.get();
        let index = state.compare_state.get()?;
        let (before, list) = changes_from(state, index)?;
        let (before_fails, before_capacity) = summary(&before);
        let (after_fails, after_capacity) = state.plan.with(|p| summary(p));
        let count = |n: Option<u32>| n.map_or_else(|| "—".to_owned(), |n| n.to_string());
        let rows = if list.is_empty() {
            view! { <li>{t(l, Key::NoChanges)}</li> }.into_any()
        } else {
            list.changes
                .iter()
                .map(|c| view! { <li data-testid="change">{pick(l, &c.ja, &c.en).to_owned()}</li> })
                .collect_view()
                .into_any()
        };
        let picture = |plan: &Plan| {
            format!(
                "data:image/svg+xml;charset=utf-8,{}",
                String::from(js_sys::encode_uri_component(
                    &madori_editor::thumbnail::svg(plan, 320, 240)
                ))
            )
        };
        let (before_picture, after_picture) = (picture(&before), state.plan.with(|p| picture(p)));
        Some(view! {
            <div class="comparison" data-testid="state-comparison">
                // The two states side by side, each drawn whole (every storey).
                <div class="side-by-side" data-testid="side-by-side">
                    <figure><img src=before_picture alt="" width="320" height="240" /><figcaption>{before.name.clone()}</figcaption></figure>
                    <figure><img src=after_picture alt="" width="320" height="240" /><figcaption>{t(l, Key::OnScreen)}</figcaption></figure>
                </div>
                <table>
                    <tr><th></th><th>{before.name.clone()}</th><th>{t(l, Key::OnScreen)}</th></tr>
                    <tr data-testid="compare-capacity"><td>{t(l, Key::Capacity)}</td><td>{count(before_capacity)}</td><td>{count(after_capacity)}</td></tr>
                    <tr><td>{t(l, Key::Failed)}</td><td>{before_fails}</td><td>{after_fails}</td></tr>
                </table>
                <ol class="changes" data-testid="change-list">{rows}</ol>
            </div>
        })
    };
    let save = move |l: Lang| {
        let count = state.plan.with_untracked(|p| p.variants.len());
        let typed = new_name.get_untracked();
        let name = if !typed.trim().is_empty() {
            typed
        } else if count == 0 {
            pick(l, "現況", "Existing").to_owned()
        } else {
            format!("{} {count}", pick(l, "計画案", "Proposal"))
        };
        let id = format!("state-{}-{}", js_sys::Date::now() as u64, count);
        state.run(Command::SaveState {
            id,
            name,
            note: String::new(),
        });
        new_name.set(String::new());
    };
    view! {
        <details class="states" data-testid="states-panel">
            <summary>{move || t(lang.get(), Key::States)}</summary>
            <ul class="saved-states">{list}</ul>
            <div class="row">
                <input data-testid="state-new-name" placeholder=move || t(lang.get(), Key::StateNamePlaceholder)
                    prop:value=move || new_name.get() on:input=move |ev| new_name.set(event_target_value(&ev)) />
                <button data-testid="state-save" on:click=move |_| save(lang.get_untracked())>{move || t(lang.get(), Key::SaveState)}</button>
            </div>
            {comparison}
        </details>
    }
}

/// On the drawing, while comparing: the walls the plan on screen took out of the saved state
/// (dashed) and the walls it added (hatched), on the storey shown.
pub fn compare_layer(state: AppState) -> impl IntoView {
    move || {
        let index = state.compare_state.get()?;
        let storey_id = state.plan.with(|p| {
            p.storeys
                .get(state.editor.with(|e| e.storey))
                .map(|s| s.id.clone())
        })?;
        let (_, list) = changes_from(state, index)?;
        let (width, dash, gap) = state
            .viewport
            .with(|v| (v.px_to_mm(3.0), v.px_to_mm(9.0), v.px_to_mm(5.0)));
        let walls = list
            .changes
            .into_iter()
            .filter(|c| c.storey == storey_id)
            .filter_map(|c| match c.kind {
                ChangeKind::WallRemoved { from, to } => Some((from, to, "wall-removed")),
                ChangeKind::WallAdded { from, to } => Some((from, to, "wall-added")),
                _ => None,
            })
            .map(|(a, b, class)| {
                view! {
                    <line class=class data-testid=class x1=a.x.to_string() y1=a.y.to_string() x2=b.x.to_string() y2=b.y.to_string()
                        stroke-width=(width * if class == "wall-added" { 3.0 } else { 1.0 }).to_string()
                        // Removed walls dashed; new walls hatched (short dense dashes across a wide stroke).
                        stroke-dasharray=if class == "wall-added" { format!("{} {}", width, width) } else { format!("{dash} {gap}") } />
                }
            })
            .collect_view();
        Some(view! { <g class="compare-layer">{walls}</g> })
    }
}
