//! What-if while dragging a wall: ghost lines where a verdict flips (the room reaches 9 ㎡,
//! the dwelling passes 15A + 10 for one more resident, a neighbour falls below its minimum,
//! capacity changes), found when the drag starts (`madori_rules::whatif::wall_limits`, the
//! editor's own `MoveEdge` and validation), so the user sees how far the wall may move.

use crate::state::AppState;
use leptos::prelude::*;
use madori_editor::tools::Mode;
use madori_editor::Command;
use madori_plan::touched::Touched;
use madori_plan::validate::validate_touched;
use madori_rules::whatif::{wall_limits, Ghost, Search};

/// How far either way the ghosts are looked for, mm (two 910 modules).
pub const RANGE_MM: i64 = 1_820;

/// Above this many rooms the search steps 25 mm within a smaller budget, so starting a drag
/// on a large plan stays quick (a flip is then placed to the millimetre by bisection still,
/// but one that flips back within 25 mm may go unseen).
pub const LARGE_PLAN_ROOMS: usize = 300;

/// The ghosts of the wall being dragged, found when its drag starts.
pub fn ghost_layer(state: AppState) -> impl IntoView {
    let dragged = Memo::new(move |_| {
        state.editor.with(|e| match &e.mode {
            Mode::DraggingEdge { room, edge, .. } => Some((e.storey, room.clone(), *edge)),
            _ => None,
        })
    });
    let ghosts = RwSignal::new(Vec::<Ghost>::new());
    Effect::new(move |_| {
        let Some((storey, room, edge)) = dragged.get() else {
            ghosts.set(Vec::new());
            return;
        };
        // The plan before the drag (the one shown may already be a preview).
        let origin = state
            .editor
            .with_untracked(|e| e.gesture_origin().cloned())
            .unwrap_or_else(|| state.plan.get_untracked().as_ref().clone());
        let profile = state.profile.get_untracked();
        let rooms = origin.storeys.iter().map(|s| s.rooms.len()).sum::<usize>();
        let mut search = Search::new((-RANGE_MM, RANGE_MM));
        if rooms > LARGE_PLAN_ROOMS {
            search.step_mm = 25;
            search.max_evaluations = 120;
        }
        let found = wall_limits(&origin, &profile, storey, &room, edge, search, |d, plan| {
            let command = Command::MoveEdge {
                room: room.clone(),
                edge,
                offset_mm: d,
            };
            command.apply_in_place(plan).is_ok()
                && validate_touched(plan, &Touched::between(&origin, plan)).is_empty()
        });
        ghosts.set(found.ghosts);
    });
    move || {
        let lang = state.lang.get();
        let (width, text_mm) = state.viewport.with(|v| (v.px_to_mm(2.0), v.px_to_mm(13.0)));
        ghosts
            .get()
            .into_iter()
            .filter_map(|g| {
                let (a, b) = g.wall_mm?;
                let words = if lang == crate::i18n::Lang::Ja { g.ja } else { g.en };
                let (mx, my) = ((a.x + b.x) as f64 / 2.0, (a.y + b.y) as f64 / 2.0);
                Some(view! {
                    <g class="ghost" data-testid="ghost">
                        <line x1=a.x.to_string() y1=a.y.to_string() x2=b.x.to_string() y2=b.y.to_string()
                            stroke-width=width.to_string() stroke-dasharray=format!("{} {}", width * 3.0, width * 2.0) />
                        <text x=mx.to_string() y=(my - text_mm * 0.4).to_string() font-size=text_mm.to_string() text-anchor="middle">{words}</text>
                    </g>
                })
            })
            .collect_view()
    }
}
