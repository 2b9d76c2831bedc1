//! What-if while dragging a wall: ghost lines where a verdict flips (the room reaches 9 ㎡,
//! the dwelling passes 15A + 10 for one more resident, a neighbour falls below its minimum,
//! capacity changes), so the user sees how far the wall may move.
//!
//! The worker finds them when the drag starts (`madori_editor::whatif::wall_ghosts`: the
//! editor's own `MoveEdge` and validation, at the 5 mm snap step over ±1820 mm, on the plan
//! as it was before the drag), off the page's thread, so starting a drag on a 641-room plan
//! costs the page only writing the plan out; the lines appear when the answer comes (a
//! moment later) and only if that drag is still going on.

use crate::state::AppState;
use leptos::prelude::*;
use madori_editor::tools::Mode;
use madori_plan::PointMm;
use serde_json::Value;

/// How far either way the ghosts are looked for, mm (two 910 modules).
pub const RANGE_MM: i64 = 1_820;

/// One ghost as the worker found it: the wall at the offset and its words `(ja, en)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Ghost {
    /// The wall at that offset.
    pub wall: (PointMm, PointMm),
    /// Japanese words.
    pub ja: String,
    /// English words.
    pub en: String,
}

/// The ghosts of the worker's reply that have a wall to draw.
pub fn read_ghosts(reply: &Value) -> Vec<Ghost> {
    let point = |v: &Value| Some(PointMm::new(v[0].as_i64()?, v[1].as_i64()?));
    reply["ghosts"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|g| {
                    Some(Ghost {
                        wall: (point(&g["wall"][0])?, point(&g["wall"][1])?),
                        ja: g["ja"].as_str()?.to_owned(),
                        en: g["en"].as_str()?.to_owned(),
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The ghosts of the wall being dragged, asked of the worker when its drag starts (their
/// code loads with the first such drag; the worker's answer takes longer anyway).
pub fn ghost_layer(state: AppState) -> impl IntoView {
    let dragging = move || {
        state
            .editor
            .with(|e| matches!(e.mode, Mode::DraggingEdge { .. }))
    };
    crate::on_demand::on_demand_view(dragging, state, ghosts)
}

on_demand! {
    /// The ghosts' code.
    pub fn ghosts() -> crate::on_demand::Build<AppState> {
        |state| ghosts_of_the_drag(state).into_any()
    }
}

fn ghosts_of_the_drag(state: AppState) -> impl IntoView {
    let dragged = Memo::new(move |_| {
        state.editor.with(|e| match &e.mode {
            Mode::DraggingEdge { room, edge, .. } => Some((e.storey, room.clone(), *edge)),
            _ => None,
        })
    });
    let ghosts = RwSignal::new(Vec::<Ghost>::new());
    Effect::new(move |_| {
        ghosts.set(Vec::new());
        let Some((storey, room, edge)) = dragged.get() else {
            return;
        };
        // The plan before the drag (the one shown may already be a preview).
        let origin = state
            .editor
            .with_untracked(|e| e.gesture_origin().map(madori_plan::canonical::to_json))
            .unwrap_or_else(|| {
                state
                    .plan
                    .with_untracked(|p| madori_plan::canonical::to_json(p))
            });
        let asked = (storey, room.clone(), edge);
        leptos::task::spawn_local(async move {
            let request = serde_json::json!({
                "op": "ghosts", "storey": storey, "room": room, "edge": edge, "range_mm": RANGE_MM,
            });
            let Ok(reply) = crate::worker::ask(&request, origin.as_bytes()).await else {
                return;
            };
            // Only for the drag still going on.
            if dragged.get_untracked().as_ref() == Some(&asked) {
                ghosts.set(read_ghosts(&reply));
            }
        });
    });
    move || {
        let lang = state.lang.get();
        let (width, text_mm) = state.viewport.with(|v| (v.px_to_mm(2.0), v.px_to_mm(13.0)));
        ghosts
            .get()
            .into_iter()
            .map(|g| {
                let (a, b) = g.wall;
                let words = if lang == crate::i18n::Lang::Ja { g.ja } else { g.en };
                let (mx, my) = ((a.x + b.x) as f64 / 2.0, (a.y + b.y) as f64 / 2.0);
                view! {
                    <g class="ghost" data-testid="ghost">
                        <line x1=a.x.to_string() y1=a.y.to_string() x2=b.x.to_string() y2=b.y.to_string()
                            stroke-width=width.to_string() stroke-dasharray=format!("{} {}", width * 3.0, width * 2.0) />
                        <text x=mx.to_string() y=(my - text_mm * 0.4).to_string() font-size=text_mm.to_string() text-anchor="middle">{words}</text>
                    </g>
                }
            })
            .collect_view()
    }
}
