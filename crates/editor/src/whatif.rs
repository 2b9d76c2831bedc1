//! What-if with the editor's own edits: [`madori_rules::whatif::wall_limits`] with the wall
//! moved as a drag moves it (`Command::MoveEdge` applied in place, then the validation of
//! what it touched), so a ghost line is exactly where a drag would flip the verdict. Used by
//! the worker for the ghosts of a wall being dragged and by [`crate::suggest`].

use crate::Command;
use madori_plan::touched::Touched;
use madori_plan::validate::validate_touched;
use madori_plan::Plan;
use madori_rules::profile::Profile;
use madori_rules::whatif::{wall_limits, Search, WallLimits};

/// Where verdicts flip while the wall `edge` of room `room` on storey `storey` moves by the
/// offsets of `search` (see `madori_rules::whatif`).
pub fn wall_ghosts(
    plan: &Plan,
    profile: &Profile,
    storey: usize,
    room: &str,
    edge: usize,
    search: Search,
) -> WallLimits {
    wall_limits(plan, profile, storey, room, edge, search, |d, moved| {
        let command = Command::MoveEdge {
            room: room.to_owned(),
            edge,
            offset_mm: d,
        };
        command.apply_in_place(moved).is_ok()
            && validate_touched(moved, &Touched::between(plan, moved)).is_empty()
    })
}
