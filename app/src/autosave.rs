//! Autosave: every change is written to the browser's storage shortly after it is made, and
//! the plan last worked on comes back, with its view and check settings, when the page loads.
//!
//! Saving waits [`AUTOSAVE_DELAY_MS`] after the last change, so a drag (a change per pointer
//! move) is written once, after it ends, and never costs a frame while it runs. The plan is
//! stored as plan-format JSON (`storage`), so what comes back goes through the same loader,
//! limits and migrations as a file.

use crate::state::AppState;
use crate::storage::{self, Entry, Stored, View};
use leptos::prelude::*;
use madori_editor::viewport::WorldMm;
use std::time::Duration;

/// How long after the last change the plan is written, milliseconds.
pub const AUTOSAVE_DELAY_MS: u64 = 800;

/// Thumbnail size in the library, pixels.
pub const THUMBNAIL_PX: (u32, u32) = (120, 90);

/// Opens a shared link in the address, or else restores the last plan; then saves every
/// change.
pub fn install(state: AppState) {
    if !crate::share::open_from_address(state) {
        restore(state);
    }
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        state.plan.track();
        state.viewport.track();
        if !state.worth_autosaving() && !state.in_library.get_untracked() {
            return;
        }
        state.saving.set(true);
        if let Some(old) = timer.get_value() {
            old.clear();
        }
        let handle = set_timeout_with_handle(
            move || leptos::task::spawn_local(save_now(state)),
            Duration::from_millis(AUTOSAVE_DELAY_MS),
        );
        timer.set_value(handle.ok());
    });
}

/// Writes the plan on screen to the library now.
pub async fn save_now(state: AppState) {
    let id = state.plan_id.get_untracked();
    let (json, entry) = state.plan.with_untracked(|plan| {
        (
            madori_plan::canonical::to_json(plan),
            Entry {
                id: id.clone(),
                name: plan.name.clone(),
                updated_ms: js_sys::Date::now(),
                thumbnail: madori_editor::thumbnail::svg(plan, THUMBNAIL_PX.0, THUMBNAIL_PX.1),
            },
        )
    });
    let view = state.viewport.with_untracked(|v| View {
        storey: state.editor.with_untracked(|e| e.storey),
        origin_mm: (v.origin.x, v.origin.y),
        px_per_mm: v.px_per_mm,
    });
    let result = storage::put(
        &entry,
        &Stored {
            json,
            view: Some(view),
        },
    )
    .await;
    // The plan may have been replaced while this was written: only then is its state stale.
    if state.plan_id.get_untracked() == id {
        match result {
            Ok(()) => {
                state.storage_error.set(None);
                state.in_library.set(true);
            }
            Err(e) => state.storage_error.set(Some(e)),
        }
        state.saving.set(false);
    }
}

/// Opens the plan last worked on, if the library has one.
fn restore(state: AppState) {
    leptos::task::spawn_local(async move {
        let last = match storage::last().await {
            Ok(last) => last,
            Err(e) => {
                state.storage_error.set(Some(e));
                return;
            }
        };
        if let Some(id) = last {
            open_stored(state, id).await;
        }
    });
}

/// Opens a plan of the library with the view it was left in.
pub async fn open_stored(state: AppState, id: String) {
    let stored = match storage::get(&id).await {
        Ok(Some(stored)) => stored,
        Ok(None) => return,
        Err(e) => {
            state.storage_error.set(Some(e));
            return;
        }
    };
    match crate::file::read_own(&stored.json).await {
        Ok(plan) => {
            state.open_as(id, plan);
            state.in_library.set(true);
            match stored.view {
                Some(view) => {
                    state.editor.update(|e| {
                        e.storey = view.storey.min(e.plan.storeys.len().saturating_sub(1));
                    });
                    state.viewport.update(|v| {
                        v.origin = WorldMm::new(view.origin_mm.0, view.origin_mm.1);
                        v.px_per_mm = view.px_per_mm;
                    });
                }
                None => state.fit(),
            }
        }
        Err(problems) => {
            // A stored plan that no longer loads (e.g. written by a newer version) is shown
            // like a file that does not open; it stays in the library untouched.
            state.file_problems.set(problems);
        }
    }
}
