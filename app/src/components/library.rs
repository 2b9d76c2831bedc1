//! The plan library: every plan kept in the browser, newest first, with a thumbnail; open,
//! rename, duplicate, delete. Plans arrive here by autosave (`crate::autosave`).

use crate::autosave;
use crate::i18n::{t, Key};
use crate::state::{new_plan_id, AppState};
use crate::storage::{self, Entry};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

/// The library button and, when open, its list (loaded on demand).
#[component]
pub fn Library() -> impl IntoView {
    crate::on_demand::menu_button("library-anchor", "library-button", Key::Library, library)
}

on_demand! {
    /// The library's list, loaded the first time the library is opened.
    pub fn library() -> crate::on_demand::Build<RwSignal<bool>> {
        |shown| view! { <LibraryList shown=shown /> }.into_any()
    }
}

/// The library's list of plans; `shown` closes it.
#[component]
fn LibraryList(shown: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let entries = RwSignal::new(Vec::<Entry>::new());
    // The entry whose deletion waits for a second click.
    let deleting = RwSignal::new(None::<String>);
    let refresh = move || {
        spawn_local(async move {
            match storage::list().await {
                Ok(list) => entries.set(list),
                Err(e) => state.storage_error.set(Some(e)),
            }
        })
    };
    let row = move |entry: Entry| {
        let current = state.plan_id.with(|id| *id == entry.id);
        let when = js_sys::Date::new(&JsValue::from_f64(entry.updated_ms))
            .to_locale_string("ja-JP", &JsValue::UNDEFINED)
            .as_string()
            .unwrap_or_default();
        let thumbnail = format!(
            "data:image/svg+xml;charset=utf-8,{}",
            String::from(js_sys::encode_uri_component(&entry.thumbnail))
        );
        let (id_open, id_rename, id_copy, id_delete) = (
            entry.id.clone(),
            entry.id.clone(),
            entry.id.clone(),
            entry.id.clone(),
        );
        let asking = {
            let id = entry.id.clone();
            move || deleting.with(|d| d.as_deref() == Some(id.as_str()))
        };
        view! {
            <li class:current=current data-testid="library-entry">
                <img src=thumbnail alt="" width="120" height="90" />
                <div>
                    <input
                        data-testid="library-name"
                        prop:value=entry.name.clone()
                        on:change=move |ev| {
                            let name = event_target_value(&ev).trim().to_owned();
                            if name.is_empty() {
                                return;
                            }
                            if current {
                                state.run(madori_editor::Command::RenamePlan { name });
                                return;
                            }
                            let id = id_rename.clone();
                            spawn_local(async move {
                                if let Err(e) = storage::rename(&id, &name).await {
                                    state.storage_error.set(Some(e));
                                }
                                refresh();
                            });
                        }
                    />
                    <div class="when">{when}</div>
                    <button data-testid="library-open-entry" disabled=current on:click=move |_| {
                        let id = id_open.clone();
                        spawn_local(async move {
                            // The plan on screen is written first, with its last change.
                            if state.saving.get_untracked() {
                                autosave::save_now(state).await;
                            }
                            autosave::open_stored(state, id).await;
                            shown.set(false);
                        });
                    }>{move || t(lang.get(), Key::Open)}</button>
                    <button data-testid="library-duplicate" on:click=move |_| {
                        let id = id_copy.clone();
                        spawn_local(async move {
                            if let Err(e) = duplicate(&id, t(lang.get_untracked(), Key::CopySuffix)).await {
                                state.storage_error.set(Some(e));
                            }
                            refresh();
                        });
                    }>{move || t(lang.get(), Key::Duplicate)}</button>
                    {move || if asking() {
                        let id = id_delete.clone();
                        view! {
                            <button class="danger" data-testid="library-confirm-delete" on:click=move |_| {
                                let id = id.clone();
                                deleting.set(None);
                                spawn_local(async move {
                                    if let Err(e) = storage::delete(&id).await {
                                        state.storage_error.set(Some(e));
                                    }
                                    refresh();
                                });
                            }>{t(lang.get(), Key::ConfirmDelete)}</button>
                        }.into_any()
                    } else {
                        let id = id_delete.clone();
                        view! {
                            // The plan on screen is not deleted from under the user.
                            <button data-testid="library-delete" disabled=current title=move || if current { t(lang.get(), Key::CurrentPlan) } else { "" }
                                on:click=move |_| deleting.set(Some(id.clone()))>{t(lang.get(), Key::Delete)}</button>
                        }.into_any()
                    }}
                </div>
            </li>
        }
    };
    refresh();
    view! {
        <div class="library" data-testid="library" role="dialog">
            <h3>{move || t(lang.get(), Key::Library)}</h3>
            <p class="hint">{move || t(lang.get(), Key::LibraryHint)}</p>
            <ul>{move || entries.get().into_iter().map(row).collect_view()}</ul>
            <button data-testid="library-close" on:click=move |_| shown.set(false)>{move || t(lang.get(), Key::Close)}</button>
        </div>
    }
}

/// Copies a library plan under a new id and a name with `suffix`.
async fn duplicate(id: &str, suffix: &str) -> Result<(), String> {
    let Some(stored) = storage::get(id).await? else {
        return Ok(());
    };
    let mut plan = crate::file::read_own(&stored.json)
        .await
        .map_err(|_| "the stored plan does not load / 保存された間取りを読めません".to_owned())?;
    plan.name = format!("{}{suffix}", plan.name);
    let entry = Entry {
        id: new_plan_id(),
        name: plan.name.clone(),
        updated_ms: js_sys::Date::now(),
        thumbnail: madori_editor::thumbnail::svg(
            &plan,
            autosave::THUMBNAIL_PX.0,
            autosave::THUMBNAIL_PX.1,
        ),
    };
    let current = storage::last().await?;
    storage::put(
        &entry,
        &storage::Stored {
            json: madori_plan::canonical::to_json(&plan),
            view: stored.view,
        },
    )
    .await?;
    // A copy is not the plan last worked on.
    if let Some(current) = current {
        storage::set_last(&current).await?;
    }
    Ok(())
}
