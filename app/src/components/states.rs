//! Existing and proposed (現況 → 計画案): the plan on screen can be saved as a named state with
//! a note; any saved state can be opened again (one undo step brings the work back) or
//! compared with the plan on screen: the two side by side, the change list (rooms added,
//! split, merged, resized with ㎡ before and after, uses, doors, windows and fixtures), each
//! one's capacity and failures, and on the drawing the walls taken out (dashed) and the new
//! walls (hatched). The comparison is made by the worker (`madori_rules::changes`), a moment
//! after each change and never during a gesture, so its code stays out of the first download.

use crate::i18n::{pick, t, Key, Lang};
use crate::state::AppState;
use leptos::prelude::*;
use madori_editor::Command;
use madori_plan::{variant_plan, Plan, PointMm};
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;

/// How long after the last change the comparison is asked for, ms.
pub const COMPARE_DELAY_MS: u64 = 120;

/// A comparison of saved state `index` with the plan on screen, as the worker made it.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The saved state's index in `Plan::variants`.
    pub index: usize,
    /// The saved state's name.
    pub name: String,
    /// What changed, in order.
    pub changes: Vec<ChangeRow>,
    /// Failures and capacity of the saved state.
    pub before: Summary,
    /// Failures and capacity of the plan on screen.
    pub after: Summary,
}

/// What the page knows of the comparison asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Compared {
    /// The worker's comparison.
    Ready(Arc<Comparison>),
    /// Why there is none for state `.0`, `(ja, en)`.
    Failed(usize, (String, String)),
}

impl Compared {
    /// The comparison of state `index`, if that is what this is.
    pub fn of(&self, index: usize) -> Option<&Arc<Comparison>> {
        match self {
            Self::Ready(c) if c.index == index => Some(c),
            _ => None,
        }
    }
}

/// One change: its storey, words and, for a wall, its ends and whether it is new.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeRow {
    /// The storey's id.
    pub storey: String,
    /// Japanese words.
    pub ja: String,
    /// English words.
    pub en: String,
    /// A wall taken out (`false`) or added (`true`), with its ends.
    pub wall: Option<(PointMm, PointMm, bool)>,
}

/// A plan's failures and capacity under its own check settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Findings that fail.
    pub fails: usize,
    /// The rules that fail, once each, in report order.
    pub failing: Vec<String>,
    /// Capacity (`None`: the profile does not count residents).
    pub capacity: Option<u32>,
}

/// The worker's comparison reply, read by hand (see `capacity::read_suggestions`).
pub fn read_comparison(index: usize, v: &Value) -> Option<Comparison> {
    let point = |v: &Value| Some(PointMm::new(v[0].as_i64()?, v[1].as_i64()?));
    let summary = |v: &Value| {
        Some(Summary {
            fails: usize::try_from(v["fails"].as_u64()?).ok()?,
            failing: v["failing"]
                .as_array()?
                .iter()
                .map(|r| r.as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()?,
            capacity: v["capacity"].as_u64().and_then(|c| u32::try_from(c).ok()),
        })
    };
    let changes = v["changes"]
        .as_array()?
        .iter()
        .map(|c| {
            let wall = &c["wall"];
            Some(ChangeRow {
                storey: c["storey"].as_str()?.to_owned(),
                ja: c["ja"].as_str()?.to_owned(),
                en: c["en"].as_str()?.to_owned(),
                wall: if wall.is_null() {
                    None
                } else {
                    Some((
                        point(&wall["from"])?,
                        point(&wall["to"])?,
                        wall["added"].as_bool()?,
                    ))
                },
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Comparison {
        index,
        name: v["name"].as_str()?.to_owned(),
        changes,
        before: summary(&v["before"])?,
        after: summary(&v["after"])?,
    })
}

on_demand! {
    chunk states;
    /// Reads the worker's comparison into `state.comparison`.
    pub fn comparison_reader() -> fn(AppState, usize, crate::worker::Reply) {
        |state, index, reply| {
            let found = reply.and_then(|v| {
                read_comparison(index, &v).ok_or_else(|| {
                    (
                        "作業用のワーカーの答えを読めません".to_owned(),
                        "the worker's reply could not be read".to_owned(),
                    )
                })
            });
            state.comparison.set(Some(match found {
                Ok(c) => Compared::Ready(Arc::new(c)),
                Err(why) => Compared::Failed(index, why),
            }));
        }
    }
}

/// Keeps `state.comparison` up to date: asks the worker a moment after the plan or the state
/// compared changes, never during a gesture; a newer question supersedes an older answer.
pub fn install(state: AppState) {
    let latest = crate::worker::Latest::new();
    let gesture = Memo::new(move |_| state.editor.with(|e| e.gesture_origin().is_some()));
    Effect::new(move |_| {
        state.plan.track();
        let Some(index) = state.compare_state.get() else {
            state.comparison.set(None);
            return;
        };
        if gesture.get() {
            return;
        }
        let make = move || {
            let plan_json = state
                .plan
                .with_untracked(|p| madori_plan::canonical::to_json(p));
            let request = serde_json::json!({"op": "compare", "index": index});
            (request, plan_json.into_bytes())
        };
        // A state is compared from the states panel, so the code that reads the answer
        // (with the panel's) is there already.
        let answer = move |reply: crate::worker::Reply| {
            leptos::task::spawn_local(async move {
                if let Ok(show) = comparison_reader().await {
                    show(state, index, reply);
                }
            });
        };
        latest.ask_later(Duration::from_millis(COMPARE_DELAY_MS), make, answer);
    });
}

on_demand! {
    chunk states;
    /// The states panel's body, loaded the first time the panel is opened.
    pub fn states() -> crate::on_demand::Build {
        |()| view! { <StatesPanel /> }.into_any()
    }
}

/// The states panel.
#[component]
fn StatesPanel() -> impl IntoView {
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
        let found = match state.comparison.get() {
            Some(Compared::Failed(at, (ja, en))) if at == index => {
                return Some(view! { <p class="error" role="alert" data-testid="state-compare-failed">{pick(l, &ja, &en).to_owned()}</p> }.into_any());
            }
            Some(compared) => compared.of(index).cloned(),
            None => None,
        };
        let Some(found) = found else {
            return Some(
                view! { <p class="busy" data-testid="state-comparing">{t(l, Key::Comparing)}</p> }
                    .into_any(),
            );
        };
        let before = state.plan.with(|working| variant_plan(working, index))?;
        let count = |n: Option<u32>| n.map_or_else(|| "—".to_owned(), |n| n.to_string());
        let rows = if found.changes.is_empty() {
            view! { <li>{t(l, Key::NoChanges)}</li> }.into_any()
        } else {
            found
                .changes
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
                    <figure><img src=before_picture alt="" width="320" height="240" /><figcaption>{found.name.clone()}</figcaption></figure>
                    <figure><img src=after_picture alt="" width="320" height="240" /><figcaption>{t(l, Key::OnScreen)}</figcaption></figure>
                </div>
                <table>
                    <tr><th></th><th>{found.name.clone()}</th><th>{t(l, Key::OnScreen)}</th></tr>
                    <tr data-testid="compare-capacity"><td>{t(l, Key::Capacity)}</td><td>{count(found.before.capacity)}</td><td>{count(found.after.capacity)}</td></tr>
                    <tr data-testid="compare-fails"><td>{t(l, Key::Failed)}</td><td>{found.before.fails}</td><td>{found.after.fails}</td></tr>
                    <tr class="rules" data-testid="compare-failing"><td></td><td>{found.before.failing.join(", ")}</td><td>{found.after.failing.join(", ")}</td></tr>
                </table>
                <ol class="changes" data-testid="change-list">{rows}</ol>
            </div>
        }.into_any())
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
        <>
            <ul class="saved-states">{list}</ul>
            <div class="row">
                <input data-testid="state-new-name" placeholder=move || t(lang.get(), Key::StateNamePlaceholder)
                    prop:value=move || new_name.get() on:input=move |ev| new_name.set(event_target_value(&ev)) />
                <button data-testid="state-save" on:click=move |_| save(lang.get_untracked())>{move || t(lang.get(), Key::SaveState)}</button>
            </div>
            {comparison}
        </>
    }
}

/// On the drawing, while comparing: the walls the plan on screen took out of the saved state
/// (dashed) and the walls it added (hatched), on the storey shown; not during a gesture,
/// when they would lag behind the drag.
pub fn compare_layer(state: AppState) -> impl IntoView {
    crate::on_demand::on_demand_view(
        move || state.compare_state.with(Option::is_some),
        state,
        compare,
    )
}

on_demand! {
    chunk states;
    /// The walls taken out and added, on the plan.
    pub fn compare() -> crate::on_demand::Build<AppState> {
        |state| compared_walls(state).into_any()
    }
}

fn compared_walls(state: AppState) -> impl IntoView {
    move || {
        let index = state.compare_state.get()?;
        if state.editor.with(|e| e.gesture_origin().is_some()) {
            return None;
        }
        let storey_id = state.plan.with(|p| {
            p.storeys
                .get(state.editor.with(|e| e.storey))
                .map(|s| s.id.clone())
        })?;
        let found = state
            .comparison
            .with(|c| c.as_ref().and_then(|c| c.of(index).cloned()))?;
        let (width, dash, gap) = state
            .viewport
            .with(|v| (v.px_to_mm(3.0), v.px_to_mm(9.0), v.px_to_mm(5.0)));
        let walls = found
            .changes
            .iter()
            .filter(|c| c.storey == storey_id)
            .filter_map(|c| c.wall)
            .map(|(a, b, added)| {
                let class = if added { "wall-added" } else { "wall-removed" };
                view! {
                    <line class=class data-testid=class x1=a.x.to_string() y1=a.y.to_string() x2=b.x.to_string() y2=b.y.to_string()
                        stroke-width=(width * if added { 3.0 } else { 1.0 }).to_string()
                        // Removed walls dashed; new walls hatched (short dense dashes across a wide stroke).
                        stroke-dasharray=if added { format!("{} {}", width, width) } else { format!("{dash} {gap}") } />
                }
            })
            .collect_view();
        Some(view! { <g class="compare-layer">{walls}</g> })
    }
}
