//! The top bar: template, standard profile, local override and language.

use crate::i18n::{t, Key, Lang};
use crate::state::{load_template, AppState};
use leptos::prelude::*;
use madori_plan::templates::TEMPLATES;
use madori_rules::profile::{catalogue, LOCAL_OVERRIDES};

/// The toolbar.
#[component]
pub fn Toolbar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let profiles = catalogue();
    let on_template = move |ev: leptos::ev::Event| {
        let name = event_target_value(&ev);
        state.plan.set(load_template(&name));
        state.storey.set(0);
        state.highlighted.set(Vec::new());
    };
    let on_profile = move |ev: leptos::ev::Event| state.profile_id.set(event_target_value(&ev));
    let on_local = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        state.local_id.set((!id.is_empty()).then_some(id));
    };
    let toggle_lang = move |_| {
        lang.update(|l| *l = if *l == Lang::Ja { Lang::En } else { Lang::Ja });
    };
    view! {
        <header class="toolbar" data-testid="toolbar">
            <strong class="brand">{move || t(lang.get(), Key::AppTitle)}</strong>
            <label>
                {move || t(lang.get(), Key::Template)}
                <select data-testid="template-select" on:change=on_template>
                    {TEMPLATES
                        .iter()
                        .map(|(name, _)| {
                            let selected = *name == crate::state::FIRST_TEMPLATE;
                            view! { <option value=*name selected=selected>{*name}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            <label>
                {move || t(lang.get(), Key::Standard)}
                <select data-testid="profile-select" on:change=on_profile>
                    {profiles
                        .into_iter()
                        .map(|p| {
                            let selected = p.id == "sh-single";
                            view! {
                                <option value=p.id selected=selected>
                                    {move || if lang.get() == Lang::Ja { p.name_ja } else { p.name_en }}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label>
                {move || t(lang.get(), Key::LocalOverride)}
                <select data-testid="local-select" on:change=on_local>
                    <option value="">{move || t(lang.get(), Key::NoLocalOverride)}</option>
                    {LOCAL_OVERRIDES
                        .iter()
                        .map(|l| {
                            view! {
                                <option value=l.id>
                                    {move || if lang.get() == Lang::Ja { l.name_ja } else { l.name_en }}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="toggle">
                <input
                    type="checkbox"
                    data-testid="interior-toggle"
                    on:change=move |ev| state.show_interior.set(event_target_checked(&ev))
                />
                {move || t(lang.get(), Key::ShowInterior)}
            </label>
            <button data-testid="lang-toggle" on:click=toggle_lang>
                {move || t(lang.get(), Key::Language)}
            </button>
        </header>
    }
}
