//! Benchmark: validation of large plans, whole and incremental. Prints figures; asserts
//! nothing about time.
//!
//! Run: `cargo bench -p madori-plan --bench validate`

use madori_plan::templates::{irregular, synthetic};
use madori_plan::validate::{validate, validate_touched, Touched};
use madori_plan::{Plan, PointMm};
use std::hint::black_box;

#[path = "measure.rs"]
mod measure;
use measure::measure;

fn describe(name: &str, plan: &Plan) {
    let rooms = plan.rooms().count();
    let vertices: usize = plan.rooms().map(|(_, r)| r.polygon.len()).sum();
    println!(
        "{name}: {rooms} rooms, {vertices} vertices, {} storeys",
        plan.storeys.len()
    );
}

/// The plan with a partition between two rooms of storey 1 moved by one millimetre (every
/// vertex at the moved points moves, as the editor's vertex move does).
fn one_wall_moved(plan: &Plan) -> Plan {
    let mut next = plan.clone();
    let storey = &mut next.storeys[1];
    let from = storey.rooms[20].polygon[1];
    for room in &mut storey.rooms {
        for v in &mut room.polygon {
            if *v == from {
                v.x += 1;
            }
        }
    }
    next
}

fn main() {
    let plan = irregular(641, 4, 1);
    let stress = irregular(2000, 4, 1);
    let grid = synthetic(641, 4);
    describe("irregular", &plan);
    describe("stress", &stress);
    describe("grid", &grid);
    assert!(validate(&plan).is_empty() && validate(&stress).is_empty());
    measure("whole validation, irregular 641 rooms", 200, || {
        black_box(validate(black_box(&plan)));
    });
    measure("whole validation, irregular 2,000 rooms", 50, || {
        black_box(validate(black_box(&stress)));
    });
    measure("whole validation, grid 641 rooms (synthetic)", 200, || {
        black_box(validate(black_box(&grid)));
    });
    let next = one_wall_moved(&plan);
    let touched = Touched::between(&plan, &next);
    println!(
        "one vertex move touches rooms {:?} of storey {}",
        touched.storeys[0].rooms, touched.storeys[0].index
    );
    assert!(validate_touched(&next, &touched).is_empty());
    measure(
        "diff before/after (Touched::between), 641 rooms",
        2000,
        || {
            black_box(Touched::between(black_box(&plan), black_box(&next)));
        },
    );
    measure("incremental validation after one move", 2000, || {
        black_box(validate_touched(black_box(&next), &touched));
    });
    measure("diff + incremental validation", 2000, || {
        let t = Touched::between(black_box(&plan), black_box(&next));
        black_box(validate_touched(black_box(&next), &t));
    });
    let stress_next = one_wall_moved(&stress);
    measure("diff + incremental validation, 2,000 rooms", 1000, || {
        let t = Touched::between(black_box(&stress), black_box(&stress_next));
        black_box(validate_touched(black_box(&stress_next), &t));
    });
    // One room of 100,000 vertices: a comb whose teeth almost touch.
    let mut comb = vec![PointMm::new(0, 0)];
    for t in 0..25_000 {
        let x = 4 * t;
        comb.extend([
            PointMm::new(x + 1, 0),
            PointMm::new(x + 1, 1000),
            PointMm::new(x + 3, 1000),
            PointMm::new(x + 3, 0),
        ]);
    }
    comb.extend([
        PointMm::new(100_000, 0),
        PointMm::new(100_000, -10),
        PointMm::new(0, -10),
    ]);
    let mut big = synthetic(1, 1);
    big.storeys[0].rooms[0].polygon = comb;
    big.storeys[0].openings.clear();
    big.storeys[0].fixtures.clear();
    assert!(validate(&big).is_empty());
    measure("whole validation, one room of 100,002 vertices", 10, || {
        black_box(validate(black_box(&big)));
    });
}
