//! Benchmark: a full check of a 641-room, 4-storey plan (the size of the largest plan in
//! FloorspaceJS's performance suite). Prints figures; asserts nothing about time.
//!
//! Run: `cargo bench -p madori-rules --bench check`

use madori_plan::templates::synthetic;
use madori_rules::{check, check_with_areas, profile, PlanAreas};
use std::hint::black_box;

#[path = "../../plan/benches/measure.rs"]
mod measure;
use measure::measure;

fn main() {
    let plan = synthetic(641, 4);
    let rooms: usize = plan.storeys.iter().map(|s| s.rooms.len()).sum();
    println!("plan: {rooms} rooms, {} storeys", plan.storeys.len());
    for id in ["sh-single", "sn-existing", "building-code"] {
        let p = profile::profile(id).unwrap();
        let report = check(&plan, &p);
        println!("profile {id}: {} findings", report.findings.len());
        measure(&format!("full check (areas + rules), {id}"), 500, || {
            black_box(check(black_box(&plan), &p));
        });
    }
    let p = profile::profile("sh-single").unwrap();
    measure("full check + render every finding's words", 200, || {
        let report = check(black_box(&plan), &p);
        black_box(
            report
                .findings
                .iter()
                .map(|f| f.formula().len())
                .sum::<usize>(),
        );
    });
    let areas = PlanAreas::compute(&plan);
    measure("areas only (壁芯 + 内法 + exterior walls)", 500, || {
        black_box(PlanAreas::compute(black_box(&plan)));
    });
    measure("rules only (areas cached), sh-single", 500, || {
        black_box(check_with_areas(black_box(&plan), &areas, &p));
    });
    measure("validation (file load check)", 50, || {
        black_box(madori_plan::validate::validate(black_box(&plan)));
    });
}
