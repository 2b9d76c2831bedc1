//! Workshop mode (発表モード): for a room of housing and welfare staff around a projector. The
//! page goes full screen with large type; the side shows only what fails or needs care, each
//! with the rule's plain-language reason, its text with this plan's numbers, the formula and
//! the source, and the same plan checked under a second profile side by side (e.g. the
//! national standard and a local relaxation). The explainer's words
//! (`madori_rules::explain`) come from the worker, so they stay out of the first download.

use crate::i18n::{pick, status_label, t, Key, Lang};
use crate::state::AppState;
use leptos::prelude::*;
use madori_rules::profile::{catalogue, RuleId};
use madori_rules::Status;
use serde_json::Value;

/// A rule's title: `(id, ja, en)`.
pub type Title = (String, String, String);

/// Rule titles from the worker.
type Titles = RwSignal<Vec<Title>>;

/// A rule's title in `l`, or its id until the titles have come.
fn title(titles: Titles, rule: RuleId, l: Lang) -> String {
    titles.with(|list| {
        list.iter()
            .find(|(id, _, _)| id == rule.as_str())
            .map_or_else(
                || rule.as_str().to_owned(),
                |(_, ja, en)| pick(l, ja, en).to_owned(),
            )
    })
}

/// One rule explained for the plan, as the worker wrote it.
#[derive(Clone, Debug, PartialEq)]
pub struct Explained {
    /// The rule's id.
    pub id: String,
    /// Title `(ja, en)`.
    pub title: (String, String),
    /// Why it exists `(ja, en)`.
    pub why: (String, String),
    /// Its text with the numbers in force `(ja, en)`.
    pub text: (String, String),
    /// The formulas of its findings that do not pass, with this plan's numbers.
    pub formulas: Vec<String>,
    /// Where it comes from.
    pub source: String,
    /// How sure the rule's reading is `(ja, en)`.
    pub confidence: (String, String),
}

/// The worker's `explain` reply, read by hand (see `capacity::read_suggestions`): the titles
/// and the explained rule, if one was asked for.
pub fn read_explain(v: &Value) -> Option<(Vec<Title>, Option<Explained>)> {
    let s = |v: &Value| v.as_str().map(str::to_owned);
    let titles = v["titles"]
        .as_array()?
        .iter()
        .map(|t| Some((s(&t["id"])?, s(&t["ja"])?, s(&t["en"])?)))
        .collect::<Option<Vec<_>>>()?;
    let x = &v["explained"];
    let explained = if x.is_null() {
        None
    } else {
        Some(Explained {
            id: s(&x["id"])?,
            title: (s(&x["title_ja"])?, s(&x["title_en"])?),
            why: (s(&x["why_ja"])?, s(&x["why_en"])?),
            text: (s(&x["text_ja"])?, s(&x["text_en"])?),
            formulas: x["formulas"]
                .as_array()?
                .iter()
                .map(s)
                .collect::<Option<Vec<_>>>()?,
            source: s(&x["source"])?,
            confidence: (s(&x["confidence_ja"])?, s(&x["confidence_en"])?),
        })
    };
    Some((titles, explained))
}

/// The button that enters and leaves workshop mode (and full screen).
#[component]
pub fn WorkshopToggle() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <button data-testid="workshop-toggle" class:active=move || state.workshop.get() on:click=move |_| {
            let on = !state.workshop.get_untracked();
            state.workshop.set(on);
            let document = web_sys::window().and_then(|w| w.document());
            if let Some(document) = document {
                if on {
                    if let Some(root) = document.document_element() {
                        // Refused without a user gesture or in some frames: the mode works anyway.
                        let _ = root.request_fullscreen();
                    }
                } else if document.fullscreen_element().is_some() {
                    document.exit_fullscreen();
                }
            }
        }>{move || t(lang.get(), Key::Workshop)}</button>
    }
}

/// The rules of the report that fail, warn or are unavailable, once each, worst first.
fn rules_to_discuss(state: AppState) -> Vec<(RuleId, Status)> {
    state.with_report(|report| {
        let mut rules: Vec<(RuleId, Status)> = Vec::new();
        for f in &report.findings {
            if matches!(f.status, Status::Pass | Status::Info) {
                continue;
            }
            match rules.iter_mut().find(|(r, _)| *r == f.rule) {
                Some((_, worst)) if rank(f.status) > rank(*worst) => *worst = f.status,
                Some(_) => {}
                None => rules.push((f.rule, f.status)),
            }
        }
        rules.sort_by_key(|(_, s)| std::cmp::Reverse(rank(*s)));
        rules
    })
}

fn rank(status: Status) -> u8 {
    match status {
        Status::Fail => 3,
        Status::Unavailable => 2,
        Status::Warning => 1,
        _ => 0,
    }
}

on_demand! {
    /// The workshop side panel, loaded the first time workshop mode is entered.
    pub fn workshop() -> crate::on_demand::Build {
        |()| view! { <WorkshopPanel /> }.into_any()
    }
}

/// The workshop side panel: what to discuss, the explainer, and two profiles compared.
#[component]
fn WorkshopPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let open_rule = RwSignal::new(None::<RuleId>);
    let titles: Titles = RwSignal::new(Vec::new());
    let explained = RwSignal::new(None::<Result<Explained, (String, String)>>);
    let latest = crate::worker::Latest::new();
    // The titles once, then the open rule for the plan on screen, again when the plan changes
    // (the scenario stepper opens another state); a newer answer supersedes an older one.
    Effect::new(move |_| {
        let rule = open_rule.get();
        state.plan.track();
        if state.editor.with(|e| e.gesture_origin().is_some()) {
            return;
        }
        let make = move || {
            let plan_json = rule.map(|_| {
                state
                    .plan
                    .with_untracked(|p| madori_plan::canonical::to_json(p))
            });
            let request = serde_json::json!({"op": "explain", "rule": rule.map(RuleId::as_str)});
            (request, plan_json.unwrap_or_default().into_bytes())
        };
        let answer = move |reply: crate::worker::Reply| match reply.map(|v| read_explain(&v)) {
            Ok(Some((list, x))) => {
                titles.set(list);
                explained.set(x.map(Ok));
            }
            Ok(None) => explained.set(Some(Err((
                "作業用のワーカーの答えを読めません".into(),
                "the worker's reply could not be read".into(),
            )))),
            Err(why) => explained.set(rule.map(|_| Err(why))),
        };
        latest.ask_later(std::time::Duration::ZERO, make, answer);
    });
    let discuss = move || {
        let l = lang.get();
        let rules = rules_to_discuss(state);
        if rules.is_empty() {
            return view! { <p class="all-clear" data-testid="workshop-all-clear">{t(l, Key::WorkshopAllClear)}</p> }.into_any();
        }
        rules
            .into_iter()
            .map(|(rule, status)| {
                view! {
                    <li class=format!("discuss {}", status_class(status)) data-testid="workshop-rule">
                        <button on:click=move |_| open_rule.set(Some(rule))>
                            <span class="status">{status_label(l, status)}</span>
                            " " {move || title(titles, rule, lang.get())}
                        </button>
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    let explainer = move || {
        let l = lang.get();
        let rule = open_rule.get()?;
        let shown = explained
            .get()
            .filter(|x| x.as_ref().map_or(true, |x| x.id == rule.as_str()));
        Some(match shown {
            None => view! { <p class="busy" data-testid="workshop-explaining">{t(l, Key::Comparing)}</p> }.into_any(),
            Some(Err((ja, en))) => view! { <p class="error" role="alert">{pick(l, &ja, &en).to_owned()}</p> }.into_any(),
            Some(Ok(x)) => {
                let formulas = x
                    .formulas
                    .iter()
                    .map(|f| view! { <li class="formula">{f.clone()}</li> })
                    .collect_view();
                view! {
                    <div class="explainer" data-testid="workshop-explainer">
                        <h3>{pick(l, &x.title.0, &x.title.1).to_owned()} <small>{format!(" {}", x.id)}</small></h3>
                        <p class="why" data-testid="workshop-why">{pick(l, &x.why.0, &x.why.1).to_owned()}</p>
                        <p class="text">{pick(l, &x.text.0, &x.text.1).to_owned()}</p>
                        <ul class="formulas">{formulas}</ul>
                        <p class="source">{x.source.clone()}</p>
                        <p class="confidence">{pick(l, &x.confidence.0, &x.confidence.1).to_owned()}</p>
                        <button on:click=move |_| open_rule.set(None)>{t(l, Key::Close)}</button>
                    </div>
                }
                .into_any()
            }
        })
    };
    view! {
        <aside class="workshop-panel" data-testid="workshop-panel">
            <ScenarioStepper />
            <h2>{move || t(lang.get(), Key::WorkshopDiscuss)}</h2>
            <ul class="discuss-list">{discuss}</ul>
            {explainer}
            // What it would take for one more: the question a room of staff asks next.
            {crate::on_demand::folding_panel("capacity-panel", "capacity-panel", Key::OneMoreTitle, crate::components::capacity::capacity)}
            <ProfilesCompared titles=titles />
        </aside>
    }
}

/// Steps through the plan's saved states (現況 → 計画案 …) in order, opening each and showing
/// the presenter's sentence for it. Each step is an undoable command like any other.
#[component]
pub fn ScenarioStepper() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let step = RwSignal::new(None::<usize>);
    let go = move |to: usize| {
        step.set(Some(to));
        state.run(madori_editor::Command::OpenState { index: to });
    };
    move || {
        let l = lang.get();
        let states: Vec<(String, String)> = state.plan.with(|p| {
            p.variants
                .iter()
                .map(|v| (v.name.clone(), v.note.clone()))
                .collect()
        });
        if states.is_empty() {
            return None;
        }
        let n = states.len();
        let at = step.get().filter(|&i| i < n);
        let (name, note) = at.map(|i| states[i].clone()).unwrap_or_default();
        Some(view! {
            <section class="scenario" data-testid="scenario">
                <h2>{t(l, Key::Scenario)}</h2>
                <div class="row">
                    <button data-testid="scenario-prev" disabled=at.is_none_or(|i| i == 0) on:click=move |_| {
                        if let Some(i) = step.get_untracked() { go(i.saturating_sub(1)); }
                    }>"◀"</button>
                    <span class="step" data-testid="scenario-step">{at.map_or_else(|| format!("0 / {n}"), |i| format!("{} / {n}", i + 1))}</span>
                    <button data-testid="scenario-next" disabled=at.is_some_and(|i| i + 1 >= n) on:click=move |_| {
                        go(step.get_untracked().map_or(0, |i| i + 1));
                    }>"▶"</button>
                </div>
                {at.map(|_| view! {
                    <h3 data-testid="scenario-name">{name}</h3>
                    <p class="note" data-testid="scenario-note">{note}</p>
                })}
            </section>
        })
    }
}

fn status_class(status: Status) -> &'static str {
    match status {
        Status::Fail => "fail",
        Status::Warning => "warning",
        Status::Unavailable => "unavailable",
        _ => "info",
    }
}

/// The plan under the profile in force and under a second one, rule by rule, with each
/// one's capacity. Rules whose verdicts differ come first.
#[component]
pub fn ProfilesCompared(
    /// Rule titles from the worker.
    titles: Titles,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let other = RwSignal::new(None::<String>);
    let table = move || {
        let l = lang.get();
        let id = other.get()?;
        let mut second = madori_rules::profile::profile(&id)?;
        // The same local override, where it applies to the second profile too.
        if let Some(local) = state
            .local_id
            .get()
            .and_then(|l| madori_rules::profile::local_override(&l))
        {
            let _ = second.apply_local(local);
        }
        let first = state.profile.get();
        let (rows, capacities) = state.plan.with(|plan| {
            let a = state.with_report(worst_by_rule);
            let b = worst_by_rule(&madori_rules::check(plan, &second));
            let mut rules: Vec<RuleId> = a.iter().chain(&b).map(|(r, _)| *r).collect();
            rules.sort_by_key(|r| r.as_str());
            rules.dedup();
            let status = |list: &[(RuleId, Status)], r: RuleId| {
                list.iter().find(|(x, _)| *x == r).map(|(_, s)| *s)
            };
            let mut rows: Vec<(RuleId, Option<Status>, Option<Status>)> = rules
                .into_iter()
                .map(|r| (r, status(&a, r), status(&b, r)))
                .collect();
            rows.sort_by_key(|(_, x, y)| x == y);
            let capacities = (
                state.capacity.get().max,
                madori_rules::capacity(plan, &second).max,
            );
            (rows, capacities)
        });
        let cell = move |s: Option<Status>| {
            s.map_or_else(|| "—".to_owned(), |s| status_label(l, s).to_owned())
        };
        let count = |n: Option<u32>| n.map_or_else(|| "—".to_owned(), |n| n.to_string());
        Some(view! {
            <table class="compare" data-testid="workshop-compare">
                <thead><tr>
                    <th></th>
                    <th>{pick(l, first.name_ja, first.name_en).to_owned()}</th>
                    <th>{pick(l, second.name_ja, second.name_en).to_owned()}</th>
                </tr></thead>
                <tbody>
                    <tr class="capacity" data-testid="workshop-compare-capacity">
                        <td>{t(l, Key::Capacity)}</td><td>{count(capacities.0)}</td><td>{count(capacities.1)}</td>
                    </tr>
                    {rows.into_iter().map(|(rule, a, b)| view! {
                        <tr class:differs=a != b>
                            <td>{title(titles, rule, l)}</td>
                            <td>{cell(a)}</td><td>{cell(b)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        })
    };
    view! {
        <div class="profiles-compared">
            <label>{move || t(lang.get(), Key::CompareWith)}
                <select data-testid="workshop-compare-select" on:change=move |ev| {
                    let id = event_target_value(&ev);
                    other.set((!id.is_empty()).then_some(id));
                }>
                    <option value="">"—"</option>
                    {catalogue().into_iter().map(|p| view! {
                        <option value=p.id>{move || pick(lang.get(), p.name_ja, p.name_en).to_owned()}</option>
                    }).collect_view()}
                </select>
            </label>
            {table}
        </div>
    }
}

/// The worst verdict of each rule in a report.
fn worst_by_rule(report: &madori_rules::Report) -> Vec<(RuleId, Status)> {
    let mut out: Vec<(RuleId, Status)> = Vec::new();
    for f in &report.findings {
        match out.iter_mut().find(|(r, _)| *r == f.rule) {
            Some((_, worst)) if rank(f.status) > rank(*worst) => *worst = f.status,
            Some(_) => {}
            None => out.push((f.rule, f.status)),
        }
    }
    out
}
