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
use madori_plan::{Plan, PointMm};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn measure(name: &str, iterations: usize, mut f: impl FnMut()) {
    for _ in 0..iterations / 10 {
        f();
    }
    let mut samples: Vec<Duration> = (0..iterations)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    samples.sort();
    let mean = samples.iter().sum::<Duration>() / iterations as u32;
    let pct = |p: f64| samples[((iterations as f64 * p) as usize).min(iterations - 1)];
    println!(
        "{name:<52} mean {:>9.1} µs   p50 {:>9.1} µs   p95 {:>9.1} µs   ({iterations} runs)",
        mean.as_secs_f64() * 1e6,
        pct(0.5).as_secs_f64() * 1e6,
        pct(0.95).as_secs_f64() * 1e6
    );
}

/// A vertical wall of storey 1 shared by two rooms with no door or window on it: its room,
/// edge index and end points.
fn shared_wall(plan: &Plan) -> (String, usize, PointMm, PointMm) {
    let storey = &plan.storeys[1];
    let ends = |room: &madori_plan::Room, e: usize| {
        let n = room.polygon.len();
        (room.polygon[e], room.polygon[(e + 1) % n])
    };
    let has_opening = |a: PointMm, b: PointMm| {
        storey.openings.iter().any(|o| {
            storey.rooms.iter().any(|r| {
                r.id == o.room && o.edge < r.polygon.len() && {
                    let (p, q) = ends(r, o.edge);
                    (p == a && q == b) || (p == b && q == a)
                }
            })
        })
    };
    for room in &storey.rooms {
        for e in 0..room.polygon.len() {
            let (a, b) = ends(room, e);
            let shared = storey.rooms.iter().any(|other| {
                other.id != room.id && other.polygon.contains(&a) && other.polygon.contains(&b)
            });
            if a.x == b.x && (a.y - b.y).abs() >= 1800 && shared && !has_opening(a, b) {
                return (room.id.clone(), e, a, b);
            }
        }
    }
    panic!("the generated plan has shared walls")
}

fn main() {
    let plan = irregular(641, 4, 1);
    let (room, edge, a, b) = shared_wall(&plan);
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
