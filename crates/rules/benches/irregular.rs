//! Benchmark: a full check of the irregular 641-room plan (L-shapes, notched corridors,
//! corridors wrapping cores, T-junctions; `templates::irregular`). Prints figures; asserts
//! nothing about time.
//!
//! Run: `cargo bench -p madori-rules --bench irregular`

use madori_plan::templates::irregular;
use madori_rules::{check, profile, PlanAreas};
use std::hint::black_box;

#[path = "../../plan/benches/measure.rs"]
mod measure;
use measure::measure;

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
