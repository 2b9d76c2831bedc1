//! Benchmark: one drag step of a shared wall on the irregular 641-room plan, driven as the
//! select tool does (pointer down on the wall, then moves: each move previews a `MoveEdge`
//! from the gesture's origin and validates it), the same for a corner, the parts of a step
//! (what the preview used to do: copy the plan and apply; comparing the plans; validating
//! what changed; the R-tree that validation builds), and the undo history's memory after 200
//! wall moves. Prints figures; asserts nothing about time.
//!
//! Run: `cargo bench -p madori-editor --bench drag`

use madori_editor::snap::Grid;
use madori_editor::tools::Tool;
use madori_editor::{Command, Editor};
use madori_plan::spatial::StoreyIndex;
use madori_plan::templates::irregular;
use madori_plan::validate::{validate_touched, Touched};
use madori_plan::Plan;
use std::hint::black_box;

#[path = "../../plan/benches/measure.rs"]
mod measure;
use measure::measure;

fn main() {
    let plan = irregular(641, 4, 1);
    let (room, edge, a, b) =
        madori_plan::templates::shared_wall(&plan, 1).expect("the generated plan has shared walls");
    println!("dragging edge {edge} of {room}: {a:?}–{b:?}");
    let mut ed = Editor::new(plan.clone());
    ed.set_storey(1);
    ed.snap.grid = Grid::Off;
    ed.tolerance_mm = 5.0;
    ed.tool(Tool::Select);
    let (x, y) = (a.x as f64, (a.y + b.y) as f64 / 2.0);
    ed.down(x, y).drag(x + 50.0, y);
    assert!(ed.in_gesture(), "the drag started");
    let mut step = 0;
    measure(
        "drag step of a shared wall (preview + validation)",
        500,
        || {
            step += 1;
            let dx = if step % 2 == 0 { 120.0 } else { -120.0 };
            ed.drag(x + dx, y);
        },
    );
    assert!(ed.message.is_none(), "{:?}", ed.message);
    let moved = ed.plan.clone();
    assert!(madori_plan::validate::validate(&moved).is_empty());
    ed.up();
    // The same wall's top corner, dragged along the wall's line.
    ed.down(a.x as f64, a.y as f64)
        .drag(a.x as f64, a.y as f64 + 50.0);
    assert!(ed.in_gesture(), "the corner drag started");
    let mut step = 0;
    measure(
        "drag step of a shared corner (preview + validation)",
        500,
        || {
            step += 1;
            let dy = if step % 2 == 0 { 120.0 } else { 60.0 };
            ed.drag(a.x as f64, a.y as f64 + dy);
        },
    );
    assert!(ed.message.is_none(), "{:?}", ed.message);
    ed.up();
    let mut step = 0;
    measure(
        "previous preview (copy, apply, compare, validate)",
        500,
        || {
            step += 1;
            let command = Command::MoveEdge {
                room: room.clone(),
                edge,
                offset_mm: if step % 2 == 0 { 120 } else { -120 },
            };
            let next = command.apply(&plan).unwrap();
            let touched = Touched::between(&plan, &next);
            black_box(validate_touched(&next, &touched));
            black_box(next);
        },
    );
    let command = Command::MoveEdge {
        room: room.clone(),
        edge,
        offset_mm: 120,
    };
    measure("MoveEdge applied to a copy (no validation)", 500, || {
        black_box(command.apply(black_box(&plan)).unwrap());
    });
    measure("plan clone", 500, || {
        black_box(black_box(&plan).clone());
    });
    let moved = command.apply(&plan).unwrap();
    measure("Touched::between", 500, || {
        black_box(Touched::between(black_box(&plan), black_box(&moved)));
    });
    let touched = Touched::between(&plan, &moved);
    measure("validate_touched", 500, || {
        black_box(validate_touched(black_box(&moved), black_box(&touched)));
    });
    measure("StoreyIndex::new (storey 1)", 500, || {
        black_box(StoreyIndex::new(&moved.storeys[1].rooms, |_| true));
    });
    history_memory(&plan, &room, edge);
}

/// Memory the undo history holds after 200 wall moves, against the two whole plans per step
/// it used to keep.
fn history_memory(plan: &Plan, room: &str, edge: usize) {
    let mut ed = Editor::new(plan.clone());
    for step in 0..200 {
        ed.apply(Command::MoveEdge {
            room: room.to_owned(),
            edge,
            offset_mm: if step % 2 == 0 { 120 } else { -120 },
        })
        .expect("the wall moves back and forth");
    }
    let snapshots = 200 * 2 * madori_editor::history::bytes(plan);
    println!(
        "history after 200 wall moves: {:.2} MB ({} steps); two whole plans per step: {:.1} MB",
        ed.history_bytes() as f64 / 1e6,
        ed.history().len(),
        snapshots as f64 / 1e6
    );
}
