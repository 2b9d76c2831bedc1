//! Madori's rules: wall-centre areas and checks against Japanese residential standards.
//!
//! [`check`] turns a validated [`Plan`] and a [`Profile`] into a [`Report`] of findings;
//! [`capacity::capacity`] says how many residents the plan supports. Rules are data-driven:
//! every number comes from the profile, and every finding carries the formula with the
//! plan's numbers and its citation. See `STANDARDS.md` for the rules and their sources;
//! [`explain`] says why each rule exists, in words a workshop can hear.
//!
//! ```
//! use madori_plan::{format, templates};
//! use madori_rules::{check, profile, Status};
//! let plan = format::from_json(templates::get("kodan-3dk-shared").unwrap()).unwrap();
//! let report = check(&plan, &profile::profile("sh-single").unwrap());
//! let room_c = report.findings.iter().find(|f| f.rule_id == "SH-ROOM" && f.element_ids == ["r3"]).unwrap();
//! assert_eq!(room_c.status, Status::Fail); // a 4.5帖 room is 7.45 ㎡ < 9 ㎡
//! ```

pub mod area;
pub mod area_table;
pub mod capacity;
pub mod changes;
pub mod checks;
pub mod explain;
pub mod facts;
pub mod incremental;
pub mod missing;
pub mod numbers;
pub mod profile;
pub mod report;
pub mod whatif;

pub use area::PlanAreas;
pub use capacity::Capacity;
pub use incremental::Checker;
pub use profile::{Profile, RuleId};
pub use report::{Finding, Report, Status};

use madori_plan::Plan;

/// Checks a validated plan against a profile.
pub fn check(plan: &Plan, profile: &Profile) -> Report {
    check_with_areas(plan, &PlanAreas::compute(plan), profile)
}

/// Checks a plan whose areas are already computed (the editor keeps them between frames).
pub fn check_with_areas(plan: &Plan, areas: &PlanAreas, profile: &Profile) -> Report {
    numbers::with_rounding(profile.rounding(), || check_inner(plan, areas, profile))
}

fn check_inner(plan: &Plan, areas: &PlanAreas, profile: &Profile) -> Report {
    let facts = facts::Facts::derive(
        plan,
        areas,
        profile.value(profile::ParamKey::AreaBasisInterior) >= 0.5,
    );
    let mut ctx = checks::Ctx {
        facts: &facts,
        profile,
        out: Vec::new(),
    };
    checks::run(&mut ctx);
    Report {
        profile: profile_used(profile),
        totals: totals(areas, facts.residents),
        missing: missing::missing_inputs(&facts, profile),
        findings: ctx.out,
    }
}

/// The profile as the report names it.
fn profile_used(profile: &Profile) -> report::ProfileUsed {
    report::ProfileUsed {
        id: profile.id,
        name_ja: profile.name_ja,
        name_en: profile.name_en,
        params: profile.params.clone(),
        local_overrides: profile.local_overrides.clone(),
    }
}

/// The report's totals: areas per storey and for the dwelling, and the residents.
fn totals(areas: &PlanAreas, residents: u32) -> report::Totals {
    report::Totals {
        storeys: areas
            .storeys
            .iter()
            .map(|s| report::StoreyTotal {
                id: s.id.clone(),
                name: s.name.clone(),
                wall_centre_m2: s.wall_centre_m2,
                interior_m2: s.interior_m2,
            })
            .collect(),
        dwelling_wall_centre_m2: areas.dwelling_wall_centre_m2,
        dwelling_interior_m2: areas.dwelling_interior_m2,
        residents,
    }
}

/// The capacity of a validated plan under a profile.
pub fn capacity(plan: &Plan, profile: &Profile) -> Capacity {
    capacity_with_areas(plan, &PlanAreas::compute(plan), profile)
}

/// The capacity of a plan whose areas are already computed.
pub fn capacity_with_areas(plan: &Plan, areas: &PlanAreas, profile: &Profile) -> Capacity {
    numbers::with_rounding(profile.rounding(), || capacity_inner(plan, areas, profile))
}

fn capacity_inner(plan: &Plan, areas: &PlanAreas, profile: &Profile) -> Capacity {
    let facts = facts::Facts::derive(
        plan,
        areas,
        profile.value(profile::ParamKey::AreaBasisInterior) >= 0.5,
    );
    let ctx = checks::Ctx {
        facts: &facts,
        profile,
        out: Vec::new(),
    };
    capacity::capacity(&ctx)
}
