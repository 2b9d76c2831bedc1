//! The capacity panel (定員を増やす): the smallest changes that let one more person live in
//! the plan, ranked, each checked with the full rules, found by the worker
//! (`madori_editor::suggest`). One click previews a change on the plan (one undo step); it is
//! then kept as a proposal (a saved state, the plan on screen going back), applied, or taken
//! back.

use crate::i18n::{counted, pick, t, Key, Lang};
use crate::state::AppState;
use leptos::prelude::*;
use madori_editor::suggest::{Edit, Effort, Precondition, Suggestion, Suggestions};
use madori_editor::Command;
use madori_plan::Plan;
use serde_json::Value;
use std::sync::Arc;

/// Where the search is.
#[derive(Clone)]
enum Search {
    Idle,
    Busy,
    /// The changes found for this plan.
    Done(Arc<Plan>, Arc<Suggestions>),
    Failed((String, String)),
}

/// A change shown on the plan: its index in the list and the plan it made.
type Preview = Option<(usize, Arc<Plan>)>;

on_demand! {
    /// The capacity panel's body, loaded the first time the panel is opened.
    pub fn capacity() -> crate::on_demand::Build {
        |()| view! { <CapacityPanel /> }.into_any()
    }
}

/// The capacity panel.
#[component]
fn CapacityPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let search = RwSignal::new(Search::Idle);
    // The long lane: a search on a large plan takes seconds, and ghosts must not wait. A
    // newer search, or stopping, supersedes the answer of the one before.
    let latest = crate::worker::Latest::on(crate::worker::Lane::Long);
    let preview = RwSignal::new(Preview::None);
    let kept = RwSignal::new(None::<String>);
    // Another change ends a preview: the previewed change stays, like any edit.
    Effect::new(move |_| {
        let plan = state.plan.get();
        let ended = preview.with_untracked(|p| {
            p.as_ref()
                .is_some_and(|(_, shown)| !same_layout(shown, &plan))
        });
        if ended {
            preview.set(None);
        }
    });
    // When a preview ends (taken back, kept, applied or ended by another edit), its rooms
    // stop standing out.
    Effect::new(move |was_previewing: Option<bool>| {
        let previewing = preview.with(Option::is_some);
        if was_previewing == Some(true) && !previewing {
            state.highlighted.set(Vec::new());
        }
        previewing
    });
    let find = move || {
        let plan = state.plan.get_untracked();
        search.set(Search::Busy);
        preview.set(None);
        kept.set(None);
        let for_plan = plan.clone();
        let make = move || {
            let text = madori_plan::canonical::to_json(&plan);
            (serde_json::json!({"op": "suggest"}), text.into_bytes())
        };
        let answer = move |reply: crate::worker::Reply| {
            search.set(match reply {
                Ok(value) => match read_suggestions(&value) {
                    Some(found) => Search::Done(for_plan, Arc::new(found)),
                    None => Search::Failed((
                        "作業用のワーカーの答えを読めません".into(),
                        "the worker's reply could not be read".into(),
                    )),
                },
                Err(e) => Search::Failed(e),
            });
        };
        latest.ask_later(std::time::Duration::ZERO, make, answer);
    };
    let take_back = move || {
        if preview.get_untracked().is_some() {
            preview.set(None);
            state.editor.update(|e| {
                e.undo();
            });
        }
    };
    let show = move |index: usize, suggestion: &Suggestion| {
        take_back();
        kept.set(None);
        let applied = state
            .editor
            .try_update(|e| e.apply(suggestion.edit.command()).is_ok())
            .unwrap_or(false);
        if applied {
            preview.set(Some((index, state.plan.get_untracked())));
            // The rooms it changes stand out on the plan while it is previewed.
            state.highlighted.set(suggestion.edit.rooms());
        }
    };
    let keep = move |suggestion: &Suggestion, l: Lang| {
        take_back();
        let count = state.plan.with_untracked(|p| p.variants.len());
        let name = format!("{} {}", pick(l, "計画案", "Proposal"), count + 1);
        state.run(Command::SaveProposal {
            id: format!("state-{}-{count}", js_sys::Date::now() as u64),
            name: name.clone(),
            note: pick(l, &suggestion.ja, &suggestion.en).to_owned(),
            change: Box::new(suggestion.edit.command()),
        });
        kept.set(Some(name));
    };
    let results = move || {
        let l = lang.get();
        match search.get() {
            Search::Idle => ().into_any(),
            Search::Busy => view! {
                <p class="busy" data-testid="one-more-busy">{t(l, Key::OneMoreSearching)} " "
                    <button data-testid="one-more-stop" on:click=move |_| {
                        latest.forget();
                        crate::worker::stop(crate::worker::Lane::Long);
                        search.set(Search::Idle);
                    }>{t(l, Key::Stop)}</button>
                </p>
            }
            .into_any(),
            Search::Failed((ja, en)) => {
                view! { <p class="error" role="alert">{pick(l, &ja, &en).to_owned()}</p> }
                    .into_any()
            }
            Search::Done(for_plan, found) => {
                let previewing = preview.get();
                let fresh = previewing.is_some() || state.plan.with(|p| same_layout(p, &for_plan));
                if !fresh {
                    return view! { <p class="stale" data-testid="one-more-stale">{t(l, Key::OneMoreStale)}</p> }.into_any();
                }
                found_view(
                    l,
                    &found,
                    previewing.map(|p| p.0),
                    show,
                    keep,
                    take_back,
                    preview,
                )
            }
        }
    };
    // The capacity now and the limits that bind it, live (the page's own check).
    let now = move || {
        let l = lang.get();
        state.capacity.with(|c| {
            let Some(max) = c.max else {
                return view! { <p data-testid="capacity-now">{t(l, Key::OneMoreNoCount)}</p> }.into_any();
            };
            let unit = if c.unit == "世帯" { Key::Households } else { Key::Persons };
            let binding = c
                .limits
                .iter()
                .filter(|limit| limit.binding && limit.max == max)
                .map(|limit| {
                    view! {
                        <li data-testid="capacity-binding">
                            <strong>{limit.rule_id}</strong> " " {pick(l, &limit.basis_ja, &limit.basis_en).to_owned()}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <p class="now" data-testid="capacity-now">{format!("{} {} — {}", t(l, Key::Capacity), counted(l, max, unit), t(l, Key::LimitedBy))}</p>
                <ul class="binding">{binding}</ul>
            }
            .into_any()
        })
    };
    view! {
        <>
            {now}
            <button class="find" data-testid="one-more-find" on:click=move |_| find()
                disabled=move || matches!(search.get(), Search::Busy)>
                {move || t(lang.get(), Key::OneMoreFind)}
            </button>
            {move || kept.get().map(|name| view! {
                <p class="kept" data-testid="one-more-kept">{format!("「{name}」{}", t(lang.get(), Key::OneMoreKept))}</p>
            })}
            {results}
        </>
    }
}

/// Whether two plans have the same rooms, building facts and check settings: what the
/// changes found depend on (saving or renaming a state leaves the list valid).
fn same_layout(a: &Plan, b: &Plan) -> bool {
    a.storeys == b.storeys && a.dwelling == b.dwelling && a.check == b.check
}

/// The list: the capacity now, what no plan change solves, then each change.
fn found_view(
    l: Lang,
    found: &Suggestions,
    previewing: Option<usize>,
    show: impl Fn(usize, &Suggestion) + Copy + Send + Sync + 'static,
    keep: impl Fn(&Suggestion, Lang) + Copy + Send + Sync + 'static,
    take_back: impl Fn() + Copy + Send + Sync + 'static,
    preview: RwSignal<Preview>,
) -> AnyView {
    let Some(now) = found.capacity_by_plan else {
        return view! { <p>{t(l, Key::OneMoreNoCount)}</p> }.into_any();
    };
    let preconditions = found
        .preconditions
        .iter()
        .map(|p| {
            view! {
                <li class="precondition" data-testid="one-more-precondition">
                    <strong>{p.rule_id.clone()}</strong> " " {pick(l, &p.ja, &p.en).to_owned()}
                </li>
            }
        })
        .collect_view();
    let rows = found
        .list
        .iter()
        .enumerate()
        .map(|(index, s)| {
            let (effort_ja, effort_en) = s.effort.words();
            let shown = previewing == Some(index);
            let failures = (!s.new_failures.is_empty()).then(|| {
                view! { <span class="new-failures">{format!("✗ {}: {}", t(l, Key::OneMoreNewFailures), s.new_failures.join(", "))}</span> }
            });
            let warnings = (!s.new_warnings.is_empty()).then(|| {
                view! { <span class="new-warnings" data-testid="suggestion-warnings">{format!("⚠ {}: {}", t(l, Key::OneMoreNewWarnings), s.new_warnings.join(", "))}</span> }
            });
            let (a, b) = (s.clone(), s.clone());
            let actions = if shown {
                view! {
                    <span class="previewing" data-testid="one-more-previewing">{t(l, Key::OneMorePreviewing)}</span>
                    <button data-testid="one-more-keep" on:click=move |_| keep(&a, l)>{t(l, Key::OneMoreKeep)}</button>
                    <button data-testid="one-more-apply" on:click=move |_| preview.set(None)>{t(l, Key::OneMoreApply)}</button>
                    <button data-testid="one-more-back" on:click=move |_| take_back()>{t(l, Key::OneMoreBack)}</button>
                }
                .into_any()
            } else {
                view! { <button data-testid="one-more-preview" on:click=move |_| show(index, &b)>{t(l, Key::OneMorePreview)}</button> }.into_any()
            };
            view! {
                <li class="suggestion" class:shown=shown data-testid="suggestion">
                    <span class="effort">{pick(l, effort_ja, effort_en)}</span>
                    <span class="words">{pick(l, &s.ja, &s.en).to_owned()}</span>
                    <span class="gain" data-testid="suggestion-gain">{format!("{} {now} → {}", t(l, Key::Capacity), s.capacity_after)}</span>
                    {failures}
                    {warnings}
                    <span class="actions">{actions}</span>
                </li>
            }
        })
        .collect_view();
    let empty = found
        .list
        .is_empty()
        .then(|| view! { <p data-testid="one-more-none">{t(l, Key::OneMoreNone)}</p> });
    let partial = (!found.complete || found.walls_searched < found.walls_total).then(|| {
        let cut = if found.complete { "" } else { t(l, Key::OneMorePartial) };
        view! {
            <p class="partial" data-testid="one-more-partial">{format!("{cut}{} {}/{}", t(l, Key::OneMoreWallsSearched), found.walls_searched, found.walls_total)}</p>
        }
    });
    view! {
        <div class="one-more" data-testid="one-more">
            {(!found.preconditions.is_empty()).then(|| view! {
                <p class="note">{t(l, Key::OneMorePreconditions)}</p>
                <ul>{preconditions}</ul>
            })}
            <ol class="suggestions">{rows}</ol>
            {empty}
            {partial}
        </div>
    }
    .into_any()
}

/// The worker's reply read by hand from JSON (derived deserialisers for these types would
/// add about 15 KB to the page's first download; the plan loader's `Value` code is there
/// already).
pub fn read_suggestions(v: &Value) -> Option<Suggestions> {
    let count = |v: &Value| v.as_u64().and_then(|n| u32::try_from(n).ok());
    let strings = |v: &Value| -> Option<Vec<String>> {
        v.as_array()?
            .iter()
            .map(|s| s.as_str().map(str::to_owned))
            .collect()
    };
    let text = |v: &Value| v.as_str().map(str::to_owned);
    let preconditions = v["preconditions"]
        .as_array()?
        .iter()
        .map(|p| {
            Some(Precondition {
                rule_id: text(&p["rule_id"])?,
                ja: text(&p["ja"])?,
                en: text(&p["en"])?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let list = v["list"]
        .as_array()?
        .iter()
        .map(|s| {
            Some(Suggestion {
                edit: edit(&s["edit"])?,
                effort: effort(s["effort"].as_str()?)?,
                size_m2: s["size_m2"].as_f64()?,
                capacity_after: count(&s["capacity_after"])?,
                new_failures: strings(&s["new_failures"])?,
                new_warnings: strings(&s["new_warnings"])?,
                ja: text(&s["ja"])?,
                en: text(&s["en"])?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Suggestions {
        capacity: count(&v["capacity"]),
        capacity_by_plan: count(&v["capacity_by_plan"]),
        preconditions,
        list,
        walls_searched: v["walls_searched"].as_u64()? as usize,
        walls_total: v["walls_total"].as_u64()? as usize,
        complete: v["complete"].as_bool()?,
    })
}

fn effort(name: &str) -> Option<Effort> {
    [
        Effort::Use,
        Effort::Fixture,
        Effort::Partition,
        Effort::NewPartition,
        Effort::Extension,
    ]
    .into_iter()
    .find(|e| e.id() == name)
}

fn edit(v: &Value) -> Option<Edit> {
    let text = |key: &str| v[key].as_str().map(str::to_owned);
    let point = |key: &str| serde_json::from_value(v[key].clone()).ok();
    Some(match v["type"].as_str()? {
        "use_as" => Edit::UseAs {
            room: text("room")?,
            kind: serde_json::from_value(v["kind"].clone()).ok()?,
        },
        "add_bowl" => Edit::AddBowl {
            fixture: text("fixture")?,
            bowls: u32::try_from(v["bowls"].as_u64()?).ok()?,
        },
        "wet_room" => Edit::WetRoom {
            storey: usize::try_from(v["storey"].as_u64()?).ok()?,
            room: text("room")?,
            kind: serde_json::from_value(v["kind"].clone()).ok()?,
            fixture: serde_json::from_value(v["fixture"].clone()).ok()?,
        },
        "both" => Edit::Both {
            first: Box::new(edit(&v["first"])?),
            second: Box::new(edit(&v["second"])?),
        },
        "move_wall" => Edit::MoveWall {
            room: text("room")?,
            edge: usize::try_from(v["edge"].as_u64()?).ok()?,
            offset_mm: v["offset_mm"].as_i64()?,
        },
        "split" => Edit::Split {
            room: text("room")?,
            a: point("a")?,
            b: point("b")?,
            new_id: text("new_id")?,
        },
        "split_off" => Edit::SplitOff {
            room: text("room")?,
            a: point("a")?,
            b: point("b")?,
            new_id: text("new_id")?,
            name: text("name")?,
        },
        _ => return None,
    })
}
