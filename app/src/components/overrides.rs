//! Every number of the chosen profile, editable: a local government's relaxation is typed
//! in and the plan is re-checked at once. Each row shows where its value comes from.

use crate::i18n::{pick, t, Key};
use crate::state::AppState;
use leptos::prelude::*;
use madori_rules::report::num;

/// The overrides panel.
#[component]
pub fn OverridesPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let rows = move || {
        let l = lang.get();
        state.profile.with(|profile| {
            profile
                .params
                .iter()
                .map(|p| {
                    let key = p.name;
                    let info = p.key.describe();
                    let changed = (p.value - info.default).abs() > 1e-12;
                    view! {
                        <tr class:changed=changed>
                            <td title=key>{pick(l, info.label_ja, info.label_en)}</td>
                            <td class="num">
                                <input
                                    type="number"
                                    step="any"
                                    data-testid=format!("param-{key}")
                                    prop:value=num(p.value, 4)
                                    on:change=move |ev| {
                                        if let Ok(value) = event_target_value(&ev).trim().parse::<f64>() {
                                            state.overrides.update(|o| {
                                                o.retain(|(k, _)| k != key);
                                                o.push((key.to_owned(), value));
                                            });
                                        }
                                    }
                                />
                                " " {p.unit}
                            </td>
                            <td class="source">{p.source.clone()}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <details class="overrides" data-testid="overrides-panel">
            <summary>{move || t(lang.get(), Key::Overrides)}</summary>
            <table>{rows}</table>
            <button data-testid="reset-overrides" on:click=move |_| {
                state.overrides.set(Vec::new());
            }>{move || t(lang.get(), Key::Reset)}</button>
            <h4>{move || t(lang.get(), Key::Unconfirmed)}</h4>
            <ul class="unconfirmed" data-testid="unconfirmed">
                {move || {
                    let l = lang.get();
                    madori_rules::profile::UNCONFIRMED
                        .iter()
                        .map(|(ja, en)| view! { <li>{pick(l, ja, en)}</li> })
                        .collect_view()
                }}
            </ul>
        </details>
    }
}
