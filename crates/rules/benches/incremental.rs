//! Benchmark: re-checking after one wall moves, and after a room is appended to a storey (the
//! editor's AddRoom, DuplicateRoom and drawing) or removed again, incrementally
//! (`Checker::update`) against a full check, on the irregular 641-room plan and a 2,000-room
//! one. Prints figures; asserts nothing about time.
//!
//! Run: `cargo bench -p madori-rules --bench incremental`

use madori_plan::templates::{irregular, synthetic};
use madori_plan::touched::Touched;
use madori_plan::{Occupancy, Plan, PointMm, Room, RoomKind};
use madori_rules::{check, profile, Checker, Profile};
use std::hint::black_box;
use std::time::{Duration, Instant};

#[path = "../../plan/benches/measure.rs"]
mod measure;
use measure::measure;

fn print_figures(name: &str, mut samples: Vec<Duration>) {
    let iterations = samples.len();
    samples.sort();
    let mean = samples.iter().sum::<Duration>() / iterations as u32;
    let pct = |p: f64| samples[((iterations as f64 * p) as usize).min(iterations - 1)];
    println!(
        "{name:<72} mean {:>8.1} µs   p50 {:>8.1} µs   p95 {:>8.1} µs   ({iterations} runs)",
        mean.as_secs_f64() * 1e6,
        pct(0.5).as_secs_f64() * 1e6,
        pct(0.95).as_secs_f64() * 1e6
    );
}

/// The plan with one interior partition of storey 1 moved 5 mm sideways: both ends of a
/// vertical edge shared with a neighbour move, in every room that has a vertex there (as the
/// editor's wall move does once the ends are shared).
fn one_wall_moved(plan: &Plan) -> Plan {
    let storey = &plan.storeys[1];
    let exterior = madori_rules::area::exterior_edges(storey);
    let (a, b) = storey
        .rooms
        .iter()
        .zip(&exterior)
        .skip(20)
        .find_map(|(room, ext)| {
            let n = room.polygon.len();
            (0..n).find_map(|e| {
                let (a, b) = (room.polygon[e], room.polygon[(e + 1) % n]);
                (a.x == b.x && !ext[e]).then_some((a, b))
            })
        })
        .expect("a shared vertical wall");
    let mut next = plan.clone();
    for room in &mut next.storeys[1].rooms {
        for v in &mut room.polygon {
            if *v == a || *v == b {
                *v = PointMm::new(v.x + 5, v.y);
            }
        }
    }
    assert!(madori_plan::validate::validate(&next).is_empty());
    next
}

fn bench(name: &str, plan: &Plan, profile: &Profile, iterations: usize) {
    let moved = one_wall_moved(plan);
    let there = Touched::between(plan, &moved);
    let back = Touched::between(&moved, plan);
    let rooms: Vec<usize> = there.storeys.iter().map(|s| s.rooms.len()).collect();
    println!(
        "{name}: {} rooms, profile {}, the move touches {rooms:?} rooms",
        plan.rooms().count(),
        profile.id
    );
    let mut checker = Checker::new(plan, profile);
    assert_eq!(*checker.update(&moved, &there), check(&moved, profile));
    assert_eq!(*checker.update(plan, &back), check(plan, profile));
    measure(&format!("  full check, {name}"), iterations / 4, || {
        black_box(check(black_box(&moved), profile));
    });
    let mut forth = true;
    measure(&format!("  incremental update, {name}"), iterations, || {
        let (p, t) = if forth {
            (&moved, &there)
        } else {
            (plan, &back)
        };
        forth = !forth;
        black_box(checker.update(black_box(p), t));
    });
    measure(
        &format!("  Touched::between + incremental update, {name}"),
        iterations,
        || {
            let (before, after) = if forth {
                (plan, &moved)
            } else {
                (&moved, plan)
            };
            forth = !forth;
            let t = Touched::between(before, after);
            black_box(checker.update(black_box(after), &t));
        },
    );
}

/// The plan with a private room appended to storey 1, against the storey's right-hand side
/// and level with its fifth room (what the editor's AddRoom makes of a drawn rectangle).
fn one_room_added(plan: &Plan) -> Plan {
    let mut next = plan.clone();
    let storey = &mut next.storeys[1];
    let right = storey
        .rooms
        .iter()
        .flat_map(|room| &room.polygon)
        .map(|p| p.x)
        .max()
        .expect("a room");
    let y = storey.rooms[4].polygon[0].y;
    let (w, h) = (2730, 3640);
    storey.rooms.push(Room {
        id: "bench-added".into(),
        name: "added".into(),
        kind: RoomKind::Private,
        polygon: vec![
            PointMm::new(right, y),
            PointMm::new(right + w, y),
            PointMm::new(right + w, y + h),
            PointMm::new(right, y + h),
        ],
        wall_thickness_mm: Vec::new(),
        belongs_to: None,
        occupancy: Some(Occupancy::Persons(1)),
        lockable: true,
        mechanical_ventilation: false,
        ceiling_height_mm: None,
    });
    assert!(madori_plan::validate::validate(&next).is_empty());
    next
}

/// Adding a room and removing it again, each timed on its own (the other step untimed).
fn bench_add(name: &str, plan: &Plan, profile: &Profile, iterations: usize) {
    let added = one_room_added(plan);
    println!(
        "{name}: {} rooms, profile {}, a room appended to storey 1 and removed",
        plan.rooms().count(),
        profile.id
    );
    let mut checker = Checker::new(plan, profile);
    let t = Touched::between(plan, &added);
    assert_eq!(*checker.update(&added, &t), check(&added, profile));
    let t = Touched::between(&added, plan);
    assert_eq!(*checker.update(plan, &t), check(plan, profile));
    measure(
        &format!("  full check after the add, {name}"),
        iterations / 4,
        || {
            black_box(check(black_box(&added), profile));
        },
    );
    let (mut adds, mut removes) = (Vec::new(), Vec::new());
    for i in 0..iterations + iterations / 10 {
        let start = Instant::now();
        let t = Touched::between(plan, &added);
        black_box(checker.update(black_box(&added), &t));
        let add = start.elapsed();
        let start = Instant::now();
        let t = Touched::between(&added, plan);
        black_box(checker.update(black_box(plan), &t));
        let remove = start.elapsed();
        // The first tenth warms up.
        if i >= iterations / 10 {
            adds.push(add);
            removes.push(remove);
        }
    }
    print_figures(
        &format!("  add a room (appended): Touched::between + update, {name}"),
        adds,
    );
    print_figures(
        &format!("  remove it again: Touched::between + update, {name}"),
        removes,
    );
}

fn main() {
    let sh = profile::profile("sh-single").unwrap();
    let building = profile::profile("building-code").unwrap();
    let plan = irregular(641, 4, 1);
    bench("irregular 641", &plan, &sh, 2000);
    bench("irregular 641", &plan, &building, 2000);
    bench_add("irregular 641", &plan, &sh, 1000);
    bench_add("irregular 641", &plan, &building, 1000);
    let stress = irregular(2000, 4, 1);
    bench("irregular 2,000", &stress, &sh, 1000);
    bench_add("irregular 2,000", &stress, &sh, 500);
    let grid = synthetic(641, 4);
    bench("grid 641", &grid, &sh, 2000);
}
