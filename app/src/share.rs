//! Share links: the plan in the page address's fragment (`#plan=…`, `madori_plan::share`),
//! so a link opens the same plan in another browser with nothing sent to a server (the
//! fragment never leaves the browser). A link opens as a copy: a new library entry.
//!
//! The worker makes and reads the links (compression and base64 are not in the page's
//! first download), so both directions wait for it.

use crate::i18n::{t, Key, Lang};
use crate::on_demand::{on_demand_view, when_loaded, Build};
use crate::state::AppState;
use leptos::prelude::*;
use madori_plan::share::FRAGMENT_PREFIX;

/// The last link made, or why none could be (`(ja, en)`), shown until closed.
type Shared = RwSignal<Option<Result<String, (String, String)>>>;

/// The share button; making the link and the box showing it load on demand.
#[component]
pub fn ShareButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let shown: Shared = RwSignal::new(None);
    view! {
        <button data-testid="share-link" on:click=move |_| {
            when_loaded(state, sharer, move |share| share(state, shown));
        }>{move || t(lang.get(), Key::ShareLink)}</button>
        {on_demand_view(move || shown.with(Option::is_some), shown, share_box)}
    }
}

on_demand! {
    chunk files;
    /// Makes the link (through the worker), copies it and shows it.
    pub fn sharer() -> fn(AppState, Shared) {
        |state, shown| {
            leptos::task::spawn_local(async move {
                let made = link(state).await;
                if let (Ok(link), Some(w)) = (&made, web_sys::window()) {
                    let _ = w.navigator().clipboard().write_text(link);
                }
                shown.set(Some(made));
            })
        }
    }
}

on_demand! {
    chunk files;
    /// The box with the link, or why there is none.
    pub fn share_box() -> Build<Shared> {
        |shown| view! { <ShareBox shown=shown /> }.into_any()
    }
}

#[component]
fn ShareBox(shown: Shared) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    move || {
        shown.get().map(|made| match made {
            Ok(link) => view! {
                <span class="share" data-testid="share-box">
                    {move || t(lang.get(), Key::ShareCopied)}
                    <input readonly data-testid="share-url" prop:value=link />
                    <button on:click=move |_| shown.set(None)>"×"</button>
                </span>
            }
            .into_any(),
            Err((ja, en)) => view! {
                <span class="share refused" data-testid="share-refused">
                    {if lang.get() == Lang::Ja { ja } else { en }}
                    <button on:click=move |_| shown.set(None)>"×"</button>
                </span>
            }
            .into_any(),
        })
    }
}

/// The link to the plan on screen, or why there is none (`(ja, en)`: too large).
pub async fn link(state: AppState) -> Result<String, (String, String)> {
    let json = state
        .plan
        .with_untracked(|p| madori_plan::canonical::to_json(p));
    let reply =
        crate::worker::ask(&serde_json::json!({"op": "share_link"}), json.as_bytes()).await?;
    let data = reply["data"].as_str().unwrap_or_default();
    let location = web_sys::window().map(|w| w.location()).ok_or_else(|| {
        (
            "ページの場所が分かりません".to_owned(),
            "no page location".to_owned(),
        )
    })?;
    let base = format!(
        "{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    Ok(format!("{base}#{FRAGMENT_PREFIX}{data}"))
}

/// Opens the plan in the page address's fragment, if there is one, as a new plan (once the
/// worker has read it), and removes the fragment at once (a reload then shows the autosaved
/// copy, not the link again). Returns whether the address held a link.
pub fn open_from_address(state: AppState) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let hash = window.location().hash().unwrap_or_default();
    if !hash.trim_start_matches('#').starts_with(FRAGMENT_PREFIX) {
        return false;
    }
    when_loaded(state, link_opener, move |open| open(state, hash));
    if let Ok(history) = window.history() {
        let clean = format!(
            "{}{}",
            window.location().pathname().unwrap_or_default(),
            window.location().search().unwrap_or_default()
        );
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
    }
    true
}

on_demand! {
    chunk files;
    /// Opens the plan a link holds.
    pub fn link_opener() -> fn(AppState, String) {
        |state, hash| leptos::task::spawn_local(open_link(state, hash))
    }
}

/// Asks the worker for the plan in the link `hash` and opens it as a copy.
async fn open_link(state: AppState, hash: String) {
    let request = serde_json::json!({"op": "share_open", "fragment": hash});
    let reply = match crate::worker::ask(&request, &[]).await {
        Ok(reply) => reply,
        Err(why) => {
            state.show_failure(why);
            return;
        }
    };
    let Some(plan_json) = reply["plan_json"].as_str() else {
        state
            .file_problems
            .set(crate::file::problems_from(&reply["problems"]));
        return;
    };
    match crate::file::read_own(plan_json).await {
        Ok(plan) => {
            state.open(plan);
            // Kept in the library at once, as a copy.
            state.shared.set(true);
        }
        Err(problems) => state.file_problems.set(problems),
    }
}
