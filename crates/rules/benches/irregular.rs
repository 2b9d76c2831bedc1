//! Benchmark: a full check of the irregular 641-room plan (L-shapes, notched corridors,
//! corridors wrapping cores, T-junctions; `templates::irregular`). Prints figures; asserts
//! nothing about time.
//!
//! Run: `cargo bench -p madori-rules --bench irregular`

use madori_plan::templates::irregular;
use madori_rules::{check, profile, PlanAreas};
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
        "{name:<44} mean {:>9.1} µs   p50 {:>9.1} µs   p95 {:>9.1} µs   ({iterations} runs)",
        mean.as_secs_f64() * 1e6,
        pct(0.5).as_secs_f64() * 1e6,
        pct(0.95).as_secs_f64() * 1e6
    );
}

fn main() {
    let plan = irregular(641, 4, 1);
    let vertices: usize = plan.rooms().map(|(_, r)| r.polygon.len()).sum();
    println!("plan: {} rooms, {vertices} vertices", plan.rooms().count());
    for id in ["sh-single", "building-code"] {
        let p = profile::profile(id).unwrap();
        println!("profile {id}: {} findings", check(&plan, &p).findings.len());
        measure(&format!("full check (areas + rules), {id}"), 200, || {
            black_box(check(black_box(&plan), &p));
        });
    }
    measure("areas only (壁芯 + 内法 + exterior walls)", 200, || {
        black_box(PlanAreas::compute(black_box(&plan)));
    });
}
