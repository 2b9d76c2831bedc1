//! The plan drawn as Japanese plans are drawn, on screen (図面表示): walls at their thickness
//! with openings cut, doors with swings, windows, fixtures at true size, the grid with its
//! 通り芯, dimension chains, north arrow and scale bar — the same drawing as the printed sheet
//! (`madori_drawing`, made in the worker). It follows the plan a moment after each change;
//! while a gesture runs it steps aside and the editor's own symbols show the live preview,
//! so a drag never waits for it.

use crate::state::AppState;
use leptos::prelude::*;
use std::time::Duration;

/// How long after the last change the drawing is asked for, ms.
pub const REDRAW_DELAY_MS: u64 = 120;

/// The toggle.
#[component]
pub fn DrawingToggle() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <label class="toggle">
            <input type="checkbox" data-testid="drawing-toggle" prop:checked=move || state.drawing_view.get()
                on:change=move |ev| state.drawing_view.set(event_target_checked(&ev)) />
            {move || crate::i18n::t(lang.get(), crate::i18n::Key::DrawingView)}
        </label>
    }
}

/// The drawing, under the editor's highlights, for the storey on screen, while 図面表示 is
/// on (its code loads the first time it is turned on).
pub fn drawing_layer(state: AppState) -> impl IntoView {
    crate::on_demand::on_demand_view(move || state.drawing_view.get(), state, drawing)
}

on_demand! {
    /// The drawing layer's code.
    pub fn drawing() -> crate::on_demand::Build<AppState> {
        |state| drawn(state).into_any()
    }
}

fn drawn(state: AppState) -> impl IntoView {
    let svg = RwSignal::new(None::<(usize, String)>);
    let latest = crate::worker::Latest::new();
    let gesture = Memo::new(move |_| state.editor.with(|e| e.gesture_origin().is_some()));
    Effect::new(move |_| {
        state.plan.track();
        let storey = state.editor.with(|e| e.storey);
        if !state.drawing_view.get() || gesture.get() {
            return;
        }
        let make = move || {
            let plan_json = state
                .plan
                .with_untracked(|p| madori_plan::canonical::to_json(p));
            let request = serde_json::json!({
                "op": "sheet", "plan_json": plan_json, "storey": storey, "scale": 100,
                "embed": true, "hidden": ["room-name", "wall-centre"],
            });
            (request, Vec::new())
        };
        let answer = move |reply: crate::worker::Reply| {
            if let Ok(reply) = reply {
                svg.set(reply["svg"].as_str().map(|s| (storey, s.to_owned())));
            }
        };
        latest.ask_later(Duration::from_millis(REDRAW_DELAY_MS), make, answer);
    });
    move || {
        let storey = state.editor.with(|e| e.storey);
        let shown = state.drawing_view.get() && !gesture.get();
        let markup = svg.with(|s| {
            s.as_ref()
                .filter(|(at, _)| *at == storey)
                .map(|(_, m)| m.clone())
        });
        (shown && markup.is_some())
            .then(|| view! { <g class="drawing-layer" data-testid="drawing-layer" inner_html=markup.unwrap_or_default()></g> })
    }
}
