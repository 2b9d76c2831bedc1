//! Benchmark: where verdicts flip while one wall moves (`whatif::wall_limits`) on the
//! irregular 641-room plan, for a shared wall of a private room, the wall moved by the
//! editor's `MoveEdge` and validated as a drag step is. Prints figures, the evaluations used
//! and the ghosts found; asserts nothing about time.
//!
//! Run: `cargo bench -p madori-rules --bench whatif`

use madori_editor::Command;
use madori_plan::templates::irregular;
use madori_plan::touched::Touched;
use madori_plan::validate::validate_touched;
use madori_plan::Plan;
use madori_rules::whatif::{wall_limits, Search};
use madori_rules::{profile, Checker};
use std::hint::black_box;

#[path = "../../plan/benches/measure.rs"]
mod measure;
use measure::measure;

/// Moves `room`'s `edge` by `d` in place, validated as the editor validates a drag step.
fn move_in_place(origin: &Plan, room: &str, edge: usize, d: i64, plan: &mut Plan) -> bool {
    let command = Command::MoveEdge {
        room: room.into(),
        edge,
        offset_mm: d,
    };
    command.apply_in_place(plan).is_ok()
        && validate_touched(plan, &Touched::between(origin, plan)).is_empty()
}

/// The plan with the wall moved, or `None` where it cannot go.
fn moved(plan: &Plan, room: &str, edge: usize, d: i64) -> Option<Plan> {
    let mut next = plan.clone();
    move_in_place(plan, room, edge, d, &mut next).then_some(next)
}

fn main() {
    let plan = irregular(641, 2, 1);
    let sh = profile::profile("sh-single").unwrap();
    // The first private room on storey 0 with an interior wall that moves both ways.
    let storey = 0;
    let exterior = madori_rules::area::exterior_edges(&plan.storeys[storey]);
    let (room, edge) = plan.storeys[storey]
        .rooms
        .iter()
        .zip(&exterior)
        .filter(|(r, _)| r.kind == madori_plan::RoomKind::Private)
        .find_map(|(r, ext)| {
            (0..r.polygon.len())
                .find(|&e| {
                    !ext[e]
                        && moved(&plan, &r.id, e, 100).is_some()
                        && moved(&plan, &r.id, e, -100).is_some()
                })
                .map(|e| (r.id.clone(), e))
        })
        .expect("a private room with a movable interior wall");
    println!(
        "{} rooms, profile {}, room {room} edge {edge}",
        plan.rooms().count(),
        sh.id
    );
    let mut scratch = plan.clone();
    measure("  copying the plan back (clone_from)", 200, || {
        scratch.clone_from(&plan);
        black_box(&scratch);
    });
    measure("  MoveEdge in place, no validation", 200, || {
        scratch.clone_from(&plan);
        let command = Command::MoveEdge {
            room: room.clone(),
            edge,
            offset_mm: 5,
        };
        black_box(command.apply_in_place(&mut scratch).is_ok());
    });
    measure("  one MoveEdge in place + validate_touched", 200, || {
        scratch.clone_from(&plan);
        black_box(move_in_place(&plan, &room, edge, 5, &mut scratch));
    });
    let next = moved(&plan, &room, edge, 5).unwrap();
    let (there, back) = (
        Touched::between(&plan, &next),
        Touched::between(&next, &plan),
    );
    let mut checker = Checker::new(&plan, &sh);
    let mut forth = true;
    measure("  one Checker::update (5 mm)", 200, || {
        if forth {
            checker.update(&next, &there);
        } else {
            checker.update(&plan, &back);
        }
        forth = !forth;
    });
    measure("  one Checker::capacity", 200, || {
        black_box(checker.capacity(&plan));
    });
    for (range, step_mm) in [((-455, 455), 5), ((-910, 910), 5), ((-455, 455), 25)] {
        let search = Search {
            step_mm,
            ..Search::new(range)
        };
        let result = wall_limits(&plan, &sh, storey, &room, edge, search, |d, p| {
            move_in_place(&plan, &room, edge, d, p)
        });
        println!(
            "  range {range:?} at {} mm: {} evaluations (budget {}), reach {:?}, complete {}, {} ghosts",
            search.step_mm,
            result.evaluations,
            search.max_evaluations,
            result.reach_mm,
            result.complete,
            result.ghosts.len()
        );
        let inside = std::cell::Cell::new(std::time::Duration::ZERO);
        let start = std::time::Instant::now();
        wall_limits(&plan, &sh, storey, &room, edge, search, |d, p| {
            let t = std::time::Instant::now();
            let ok = move_in_place(&plan, &room, edge, d, p);
            inside.set(inside.get() + t.elapsed());
            ok
        });
        println!(
            "  one run: {:.1} ms, of which moving and validating the wall {:.1} ms",
            start.elapsed().as_secs_f64() * 1e3,
            inside.get().as_secs_f64() * 1e3
        );
        for g in &result.ghosts {
            println!("    {:>5} mm  {} / {}", g.d_mm, g.ja, g.en);
        }
        measure(
            &format!("  wall_limits {range:?} at {step_mm} mm"),
            20,
            || {
                black_box(wall_limits(
                    &plan,
                    &sh,
                    storey,
                    &room,
                    edge,
                    search,
                    |d, p| move_in_place(&plan, &room, edge, d, p),
                ));
            },
        );
    }
}
