//! The one timing loop every benchmark of the workspace uses (included with `#[path]`, since
//! benches of different crates share no library): warm up, time each run, print mean, p50
//! and p95. Benchmarks print figures; nothing here asserts a time.

use std::time::{Duration, Instant};

/// Runs `f` `iterations` times after a tenth as many warm-up runs, and prints its figures.
pub fn measure(name: &str, iterations: usize, mut f: impl FnMut()) {
    let iterations = iterations.max(1);
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
