//! Share links: the plan in the page address's fragment (`#plan=…`, `madori_plan::share`),
//! so a link opens the same plan in another browser with nothing sent to a server (the
//! fragment never leaves the browser). A link opens as a copy: a new library entry.

use crate::state::AppState;
use leptos::prelude::*;
use madori_plan::share;

/// The link to the plan on screen, or why there is none (`(ja, en)`: too large).
pub fn link(state: AppState) -> Result<String, (String, String)> {
    let data = state
        .plan
        .with_untracked(|p| share::encode(p))
        .map_err(|e| (e.message_ja(), e.message_en()))?;
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
    Ok(format!("{base}#{}{data}", share::FRAGMENT_PREFIX))
}

/// Opens the plan in the page address's fragment, if there is one, as a new plan, and
/// removes the fragment (a reload then shows the autosaved copy, not the link again).
/// Returns whether the address held a link.
pub fn open_from_address(state: AppState) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let hash = window.location().hash().unwrap_or_default();
    if !hash
        .trim_start_matches('#')
        .starts_with(share::FRAGMENT_PREFIX)
    {
        return false;
    }
    match share::decode(&hash) {
        Ok(plan) => {
            state.open(plan);
            // Kept in the library at once, as a copy.
            state.shared.set(true);
        }
        Err(problems) => state.file_problems.set(problems),
    }
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
