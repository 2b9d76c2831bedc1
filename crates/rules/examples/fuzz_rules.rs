//! Fuzzes the rules with random profile values on real and generated plans.
//!
//! ```text
//! cargo run --release -p madori-rules --example fuzz_rules -- [EXECUTIONS] [SEED]
//! ```
//!
//! Each execution takes a plan (a shipped template, a template with random occupancy and
//! facts, or an irregular generated plan), a profile of the catalogue with a random local
//! override, and sets random values: inside each parameter's range (at its ends, just inside,
//! anywhere), where they must be accepted, and outside it (just beyond, negative, huge,
//! NaN, ∞), where they must be refused and change nothing. It then checks and counts capacity
//! under `catch_unwind` and asserts what the report promises: every measured and required
//! number finite, every finding's words rendered without a non-finite number, no status
//! `fail` from an advisory rule, and a recommended capacity never above the capacity. A run
//! fails ("crash") on a panic or a broken promise.
//!
//! The random generator is a small xorshift, so a seed always gives the same inputs. The
//! workspace's release profile aborts on panic and turns overflow checks off; run without
//! `--release` to have overflow checks on and every crash collected.

use madori_plan::{format, templates, Occupancy, Plan, RoomKind};
use madori_rules::profile::{self, ParamKey, Profile};
use madori_rules::{capacity, check};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// xorshift64*: small, deterministic, good enough to pick values.
pub struct Rng(u64);

impl Rng {
    /// A generator for this seed (any seed, 0 included).
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// What a run found.
#[derive(Debug, Default)]
pub struct Stats {
    /// Executions run.
    pub executions: u64,
    /// Values set inside their range (all accepted).
    pub accepted: u64,
    /// Values set outside their range (all refused).
    pub refused: u64,
    /// Findings checked.
    pub findings: u64,
    /// What went wrong, with the input that did it.
    pub crashes: Vec<String>,
}

/// A value for `key`: inside its range (`true`) or outside it (`false`).
fn value_for(rng: &mut Rng, key: ParamKey) -> (f64, bool) {
    let (min, max, integer) = key.range();
    let inside = |rng: &mut Rng| {
        let v = match rng.below(4) {
            0 => min,
            1 => max,
            _ => min + (max - min) * rng.unit(),
        };
        if integer {
            v.round().clamp(min, max)
        } else {
            v
        }
    };
    match rng.below(8) {
        0 => (max + if integer { 1.0 } else { 0.001 }, false),
        1 if min > 0.0 => (min - if integer { 1.0 } else { min.min(0.001) }, false),
        2 => (-1.0, false),
        3 => (
            [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e308][rng.below(4)],
            false,
        ),
        _ => (inside(rng), true),
    }
}

/// A plan for this execution.
fn plan_for(rng: &mut Rng, plans: &[Plan]) -> Plan {
    let mut plan = plans[rng.below(plans.len())].clone();
    if rng.below(2) == 0 {
        // Random occupancy (within validation's bounds) and dates.
        for storey in &mut plan.storeys {
            for room in &mut storey.rooms {
                if room.kind != RoomKind::Private {
                    continue;
                }
                room.occupancy = match rng.below(5) {
                    0 => None,
                    1 => Some(Occupancy::Persons(rng.below(101) as u32)),
                    2 => Some(Occupancy::SingleParent {
                        children_ages: (0..rng.below(4)).map(|_| rng.below(18) as u8).collect(),
                    }),
                    3 => Some(Occupancy::Household {
                        adults: 1 + rng.below(100) as u32,
                        children_ages: (0..rng.below(21)).map(|_| rng.below(18) as u8).collect(),
                    }),
                    _ => Some(Occupancy::Persons(1)),
                };
            }
        }
        let dates = [
            None,
            Some("1981-05-31"),
            Some("1981-06-01"),
            Some("2006-01-01"),
        ];
        plan.dwelling.construction_started = dates[rng.below(dates.len())].map(Into::into);
        plan.dwelling.permit_date = dates[rng.below(dates.len())].map(Into::into);
    }
    plan
}

/// One execution; `Err` says what broke.
fn run_one(rng: &mut Rng, plans: &[Plan], stats: &mut Stats) -> Result<(), String> {
    let plan = plan_for(rng, plans);
    let catalogue = profile::catalogue();
    let mut chosen: Profile = catalogue[rng.below(catalogue.len())].clone();
    let locals = profile::local_overrides_for(chosen.id);
    if !locals.is_empty() && rng.below(2) == 0 {
        let local = locals[rng.below(locals.len())];
        chosen
            .apply_local(local)
            .map_err(|e| format!("{} refused {} it offers: {e}", chosen.id, local.id))?;
    }
    for _ in 0..=rng.below(4) {
        let param = chosen.params[rng.below(chosen.params.len())].clone();
        let (value, inside) = value_for(rng, param.key);
        let before = chosen.clone();
        match (chosen.set(param.name, value, "fuzz"), inside) {
            (Ok(()), true) => stats.accepted += 1,
            (Err(_), false) if chosen == before => stats.refused += 1,
            (Err(_), false) => {
                return Err(format!(
                    "a refused {} = {value} changed the profile",
                    param.name
                ))
            }
            (Ok(()), false) => {
                return Err(format!(
                    "{} = {value} is outside its range but accepted",
                    param.name
                ))
            }
            (Err(e), true) => {
                return Err(format!(
                    "{} = {value} is inside its range but refused: {e}",
                    param.name
                ))
            }
        }
    }
    if !madori_plan::validate::validate(&plan).is_empty() {
        return Ok(());
    }
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let report = check(&plan, &chosen);
        let cap = capacity(&plan, &chosen);
        (report, cap)
    }));
    let (report, cap) =
        outcome.map_err(|_| format!("panic checking {} under {}", plan.name, chosen.id))?;
    for f in &report.findings {
        stats.findings += 1;
        for q in [f.measured, f.required].into_iter().flatten() {
            if !q.value.is_finite() {
                return Err(format!("{}: {} is not finite", f.rule_id, q.value));
            }
        }
        let words = catch_unwind(AssertUnwindSafe(|| {
            [
                f.formula(),
                f.message_ja(),
                f.message_en(),
                f.hint(),
                f.hint_en(),
            ]
            .iter()
            .any(|t| {
                t.split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == "NaN" || w == "inf")
            })
        }))
        .map_err(|_| format!("{}: rendering its words panicked", f.rule_id))?;
        if words {
            return Err(format!(
                "{}: words print a non-finite number: {}",
                f.rule_id,
                f.formula()
            ));
        }
        let advisory = chosen.rules.iter().any(|r| r.advisory && r.rule == f.rule);
        if advisory && f.status == madori_rules::Status::Fail {
            return Err(format!("{}: an advisory rule failed", f.rule_id));
        }
    }
    if let (Some(max), Some(recommended)) = (cap.max, cap.recommended) {
        if recommended > max {
            return Err(format!("recommended {recommended} above capacity {max}"));
        }
    }
    Ok(())
}

/// Runs `executions` executions from `seed`.
pub fn run(executions: u64, seed: u64) -> Stats {
    let mut plans: Vec<Plan> = templates::TEMPLATES
        .iter()
        .filter_map(|(_, text)| format::from_json(text).ok())
        .collect();
    plans.push(templates::irregular(60, 2, seed));
    let mut rng = Rng::new(seed);
    let mut stats = Stats::default();
    for _ in 0..executions {
        stats.executions += 1;
        if let Err(e) = run_one(&mut rng, &plans, &mut stats) {
            stats.crashes.push(e);
        }
    }
    stats
}

fn main() {
    let mut args = std::env::args().skip(1);
    let executions = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let start = std::time::Instant::now();
    let stats = run(executions, seed);
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "fuzz_rules: {} executions in {seconds:.1} s ({:.0}/s), {} values accepted, {} refused, {} findings checked, {} crashes",
        stats.executions,
        stats.executions as f64 / seconds.max(1e-9),
        stats.accepted,
        stats.refused,
        stats.findings,
        stats.crashes.len()
    );
    for crash in stats.crashes.iter().take(20) {
        println!("  {crash}");
    }
    if !stats.crashes.is_empty() {
        std::process::exit(1);
    }
}
