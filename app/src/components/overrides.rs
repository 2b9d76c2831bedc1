//! Every number of the chosen profile, editable: a local government's relaxation is typed
//! in and the plan is re-checked at once. Each row shows where its value comes from. A value
//! outside the parameter's range is refused with the reason and changes nothing; yes/no
//! values (豊島区's declarations, shared facilities) are checkboxes.

use crate::i18n::{pick, t, Key};
use crate::state::AppState;
use leptos::prelude::*;
use madori_rules::report::num;

on_demand! {
    /// The overrides panel's body, loaded the first time the panel is opened.
    pub fn overrides() -> crate::on_demand::Build {
        |()| view! { <OverridesPanel /> }.into_any()
    }
}

/// The overrides panel.
#[component]
fn OverridesPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    // The last refused value: `(key, reason)`.
    let refused = RwSignal::new(None::<(&'static str, String)>);
    let set = move |key: &'static str, value: f64| {
        let check = state
            .profile
            .with_untracked(|p| p.clone().set(key, value, crate::state::SET_ON_SCREEN));
        match check {
            Ok(()) => {
                refused.set(None);
                state.set_value(key, value);
            }
            Err(e) => refused.set(Some((key, e.to_string()))),
        }
    };
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
                    let yes_no = info.integer && info.min == 0.0 && info.max == 1.0;
                    let input = if yes_no {
                        view! {
                            <input
                                type="checkbox"
                                data-testid=format!("param-{key}")
                                prop:checked={p.value >= 0.5}
                                on:change=move |ev| {
                                    let value = if event_target_checked(&ev) { 1.0 } else { 0.0 };
                                    set(key, value);
                                }
                            />
                        }
                        .into_any()
                    } else {
                        view! {
                            <input
                                type="number"
                                step="any"
                                min=num(info.min, 4)
                                max=num(info.max, 4)
                                data-testid=format!("param-{key}")
                                prop:value=num(p.value, 4)
                                on:change=move |ev| {
                                    match madori_rules::numbers::parse_decimal(event_target_value(&ev).trim()) {
                                        Some(value) => set(key, value),
                                        None => refused.set(Some((key, "数値ではありません / not a number".into()))),
                                    }
                                }
                            />
                            " " {p.unit}
                        }
                        .into_any()
                    };
                    let note = refused.get().filter(|(k, _)| *k == key).map(|(_, why)| {
                        view! { <div class="refused" data-testid=format!("param-refused-{key}")>{why}</div> }
                    });
                    view! {
                        <tr class:changed=changed>
                            <td title=key>{pick(l, info.label_ja, info.label_en)}</td>
                            <td class="num">{input}{note}</td>
                            <td class="source">{p.source.clone()}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <>
            <table>{rows}</table>
            <button data-testid="reset-overrides" on:click=move |_| {
                state.reset_values();
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
        </>
    }
}
