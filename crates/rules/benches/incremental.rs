//! Benchmark: re-checking after one wall moves, incrementally (`Checker::update`) against a
//! full check, on the irregular 641-room plan and a 2,000-room one. Prints figures; asserts
//! nothing about time.
//!
//! Run: `cargo bench -p madori-rules --bench incremental`

use madori_plan::templates::{irregular, synthetic};
use madori_plan::touched::Touched;
use madori_plan::{Plan, PointMm};
use madori_rules::{check, profile, Checker, Profile};
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
        "{name:<56} mean {:>8.1} µs   p50 {:>8.1} µs   p95 {:>8.1} µs   ({iterations} runs)",
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

fn main() {
    let sh = profile::profile("sh-single").unwrap();
    let building = profile::profile("building-code").unwrap();
    let plan = irregular(641, 4, 1);
    bench("irregular 641", &plan, &sh, 2000);
    bench("irregular 641", &plan, &building, 2000);
    let stress = irregular(2000, 4, 1);
    bench("irregular 2,000", &stress, &sh, 1000);
    let grid = synthetic(641, 4);
    bench("grid 641", &grid, &sh, 2000);
}
