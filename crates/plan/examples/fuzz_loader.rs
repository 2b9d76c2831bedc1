//! Fuzzes the plan loader with mutations of the shipped templates.
//!
//! ```text
//! cargo run --release -p madori-plan --example fuzz_loader -- [EXECUTIONS] [SEED]
//! ```
//!
//! Each input is a template's JSON text changed by a few mutations: on the parsed JSON (a
//! node replaced by an awkward number, string or value, a field deleted, an array element
//! duplicated or deleted, an array blown up to thousands of items, a vertex repeated, a
//! polygon emptied or removed) and on the text (bytes flipped, spans deleted or duplicated,
//! numbers replaced by `1e308`, `-1`, `4294967296`, `i64::MIN` and the like, a byte-order
//! mark). Each input goes through `from_json` and `from_json_with_repairs` under
//! `catch_unwind`. A run fails ("crash") on a panic, on a refusal without a problem, on a
//! problem from the typed deserialisation step (the pre-check must have caught it first), or
//! when a loaded plan does not come back equal through `to_json` and `from_json`. Crashing
//! inputs are written to `target/fuzz_loader/`.
//!
//! The workspace's release profile aborts on panic, so there a crash ends the run; run
//! without `--release` (overflow checks on) or with `CARGO_PROFILE_RELEASE_PANIC=unwind` to
//! keep going and collect every crash. The random generator is a small xorshift
//! (`examples/support/rng.rs`, shared with `fuzz_share`), so a seed always gives the same
//! inputs.

use madori_plan::format::{from_json, from_json_with_repairs, to_json};
use madori_plan::templates::TEMPLATES;
use serde_json::Value;
use std::panic::catch_unwind;

#[path = "support/rng.rs"]
mod rng;
pub use rng::Rng;

/// Numbers at the edges of every type and limit the loader knows.
const NUMBERS: &[&str] = &[
    "1e308",
    "-1e308",
    "-1",
    "0",
    "-0",
    "0.5",
    "2.0",
    "1e-320",
    "17",
    "18",
    "20",
    "21",
    "100",
    "101",
    "255",
    "256",
    "1000",
    "1001",
    "20000",
    "20001",
    "100000",
    "100001",
    "1000000",
    "1000001",
    "-1000000",
    "-1000001",
    "2147483648",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "-9223372036854775808",
    "18446744073709551616",
];

/// Values that are wrong in most places and right in a few.
const VALUES: &[&str] = &[
    "null",
    "true",
    "false",
    "\"\"",
    "\"private\"",
    "\"storage\"",
    "\"corridor\"",
    "\"wash_basin\"",
    "\"kitchen\"",
    "\"window\"",
    "\"door\"",
    "\"sliding\"",
    "\"1981-02-31\"",
    "\"2024-02-29\"",
    "\"2023-02-29\"",
    "\"1981-13-01\"",
    "\"r1\"",
    "\"1f\"",
    "[]",
    "{}",
    "[0, 0]",
    "[[0, 0], [0, 0], [0, 0]]",
    "{\"persons\": 4294967295}",
    "{\"single_parent\": {\"children_ages\": [17, 18, 255]}}",
    "{\"type\": \"wash_basin\", \"bowls\": 4294967295}",
];

/// What one input did.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// `from_json` loaded it.
    Loaded,
    /// `from_json` refused it and `from_json_with_repairs` loaded it.
    Repaired,
    /// Both refused it.
    Refused,
}

/// Figures of a run.
#[derive(Debug, Default)]
pub struct Stats {
    /// Inputs run.
    pub executions: u64,
    /// Inputs `from_json` loaded.
    pub loads: u64,
    /// Inputs only `from_json_with_repairs` loaded.
    pub repaired: u64,
    /// Inputs both refused.
    pub refusals: u64,
    /// Inputs that crashed, with what went wrong.
    pub crashes: Vec<(String, String)>,
}

/// Gives a random room an outline defect that a repair fixes (or not, when combined with
/// other mutations).
fn damage_room(rng: &mut Rng, value: &mut Value) {
    let storeys = value["storeys"].as_array().map_or(0, Vec::len);
    let s = rng.below(storeys);
    let rooms = value["storeys"][s]["rooms"].as_array().map_or(0, Vec::len);
    let r = rng.below(rooms);
    let Some(room) = value
        .pointer_mut(&format!("/storeys/{s}/rooms/{r}"))
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    let choice = rng.below(4);
    if choice == 0 {
        room.remove("polygon");
        return;
    }
    let Some(polygon) = room.get_mut("polygon").and_then(Value::as_array_mut) else {
        return;
    };
    match choice {
        1 if !polygon.is_empty() => {
            let first = polygon[0].clone();
            polygon.push(first);
        }
        2 if !polygon.is_empty() => {
            let i = rng.below(polygon.len());
            let copy = polygon[i].clone();
            polygon.insert(i, copy);
        }
        _ => polygon.truncate(rng.below(3)),
    }
}

fn mutate_value(rng: &mut Rng, value: &mut Value) {
    if rng.below(4) == 0 {
        damage_room(rng, value);
        return;
    }
    // A random walk down the tree picks the node to change, as a JSON pointer.
    let mut pointer = String::new();
    let mut walk: &Value = value;
    for _ in 0..rng.below(8) {
        let next = match walk {
            Value::Array(a) if !a.is_empty() => {
                let i = rng.below(a.len());
                pointer.push_str(&format!("/{i}"));
                &a[i]
            }
            Value::Object(o) if !o.is_empty() => {
                let Some((key, v)) = o.iter().nth(rng.below(o.len())) else {
                    break;
                };
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
                v
            }
            _ => break,
        };
        walk = next;
    }
    let Some(node) = value.pointer_mut(&pointer) else {
        return;
    };
    let parse = |text: &&str| serde_json::from_str(text).unwrap_or(Value::Null);
    match rng.below(10) {
        0 | 1 => *node = parse(rng.pick(NUMBERS)),
        2 => *node = parse(rng.pick(VALUES)),
        3 => match node {
            Value::Object(o) if !o.is_empty() => {
                let key = o
                    .keys()
                    .nth(rng.below(o.len()))
                    .cloned()
                    .unwrap_or_default();
                o.remove(&key);
            }
            Value::Array(a) if !a.is_empty() => {
                a.remove(rng.below(a.len()));
            }
            _ => *node = Value::Null,
        },
        4 | 5 => {
            // Repeat an element next to itself, or the first at the end (closing a polygon).
            if let Value::Array(a) = node {
                if !a.is_empty() {
                    let i = rng.below(a.len());
                    let copy = a[i].clone();
                    if rng.below(2) == 0 {
                        a.insert(i, copy);
                    } else {
                        let first = a[0].clone();
                        a.push(first);
                    }
                }
            }
        }
        6 => {
            // Blow an array up: sometimes thousands or past a limit.
            if let Value::Array(a) = node {
                if let Some(first) = a.first().cloned() {
                    // Identical rooms all overlap each other, which validation checks
                    // pair by pair, so most blow-ups stay small.
                    let n = match rng.below(20) {
                        0 => 10_001,
                        1 => rng.below(3_000),
                        _ => rng.below(100),
                    };
                    a.extend(std::iter::repeat_n(first, n));
                }
            }
        }
        7 => {
            // A room without an outline.
            if let Value::Object(o) = node {
                if o.contains_key("polygon") {
                    if rng.below(2) == 0 {
                        o.remove("polygon");
                    } else {
                        o.insert("polygon".into(), Value::Array(Vec::new()));
                    }
                }
            }
        }
        _ => {
            // Swap in a value from elsewhere in the document.
            *node = parse(rng.pick(VALUES));
        }
    }
}

fn mutate_text(rng: &mut Rng, text: &mut Vec<u8>) {
    if text.is_empty() {
        return;
    }
    match rng.below(6) {
        0 => {
            let i = rng.below(text.len());
            text[i] = if rng.below(2) == 0 {
                *rng.pick(b" {}[],:\"-0123456789.e")
            } else {
                (rng.next_u64() & 0xff) as u8
            };
        }
        1 => {
            let start = rng.below(text.len());
            let end = (start + 1 + rng.below(64)).min(text.len());
            text.drain(start..end);
        }
        2 => {
            let start = rng.below(text.len());
            let end = (start + 1 + rng.below(256)).min(text.len());
            let span = text[start..end].to_vec();
            let at = rng.below(text.len());
            text.splice(at..at, span);
        }
        3 | 4 => {
            // Replace a run of digits with an awkward number.
            let i = rng.below(text.len());
            if let Some(start) = (i..text.len()).find(|&k| text[k].is_ascii_digit()) {
                let end = (start..text.len())
                    .find(|&k| !text[k].is_ascii_digit())
                    .unwrap_or(text.len());
                let number = rng.pick(NUMBERS).as_bytes().to_vec();
                text.splice(start..end, number);
            }
        }
        _ => {
            text.splice(0..0, "\u{feff}".bytes());
        }
    }
}

/// One fuzz input from a template.
pub fn input(rng: &mut Rng, templates: &[Value]) -> String {
    let mut value = rng.pick(templates).clone();
    for _ in 0..1 + rng.below(3) {
        mutate_value(rng, &mut value);
    }
    let text = if rng.below(2) == 0 {
        value.to_string()
    } else {
        serde_json::to_string_pretty(&value).unwrap_or_default()
    };
    let mut bytes = text.into_bytes();
    for _ in 0..rng.below(3) {
        mutate_text(rng, &mut bytes);
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Runs one input through both loaders; an error says what went wrong.
pub fn run_one(text: &str) -> Result<Outcome, String> {
    let typed_step = |problems: &[madori_plan::Problem]| {
        problems
            .iter()
            .find(|p| p.message_en.contains("does not match the plan format"))
            .map(|p| format!("a problem from the typed step: {p}"))
    };
    let round_trip = |plan: &madori_plan::Plan| match from_json(&to_json(plan)) {
        Ok(again) if again == *plan => Ok(()),
        Ok(_) => Err("the plan changes through to_json and from_json".to_owned()),
        Err(p) => Err(format!("to_json wrote a plan from_json refuses: {p:?}")),
    };
    let strict = catch_unwind(|| from_json(text)).map_err(panic_message)?;
    let repaired = catch_unwind(|| from_json_with_repairs(text)).map_err(panic_message)?;
    match (strict, repaired) {
        (Ok(plan), Ok((again, repairs))) => {
            round_trip(&plan)?;
            if again != plan || !repairs.is_empty() {
                return Err("a valid plan was changed by the repairs".into());
            }
            Ok(Outcome::Loaded)
        }
        (Ok(_), Err(p)) => Err(format!("loaded strictly but refused with repairs: {p:?}")),
        (Err(p), Ok((plan, _))) => {
            if let Some(e) = typed_step(&p) {
                return Err(e);
            }
            if !p.iter().any(|p| p.repairable) {
                return Err(format!(
                    "repairs loaded a plan refused as unrepairable: {p:?}"
                ));
            }
            round_trip(&plan)?;
            Ok(Outcome::Repaired)
        }
        (Err(a), Err(b)) => {
            if a.is_empty() || b.is_empty() {
                return Err("refused without a problem".into());
            }
            if let Some(e) = typed_step(&a).or_else(|| typed_step(&b)) {
                return Err(e);
            }
            Ok(Outcome::Refused)
        }
    }
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    let text = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    format!("panic: {text}")
}

/// Runs `executions` inputs from `seed`.
pub fn run(executions: u64, seed: u64) -> Stats {
    let templates: Vec<Value> = TEMPLATES
        .iter()
        .filter_map(|(_, text)| serde_json::from_str(text).ok())
        .collect();
    let mut rng = Rng::new(seed);
    let mut stats = Stats::default();
    for _ in 0..executions {
        let text = input(&mut rng, &templates);
        stats.executions += 1;
        match run_one(&text) {
            Ok(Outcome::Loaded) => stats.loads += 1,
            Ok(Outcome::Repaired) => stats.repaired += 1,
            Ok(Outcome::Refused) => stats.refusals += 1,
            Err(what) => stats.crashes.push((text, what)),
        }
    }
    stats
}

fn main() {
    let mut args = std::env::args().skip(1);
    let executions = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    if cfg!(panic = "abort") {
        eprintln!(
            "note: this build aborts on panic; a panic ends the run (see the example's docs)"
        );
    }
    // Panics are counted, not printed.
    std::panic::set_hook(Box::new(|_| {}));
    let start = std::time::Instant::now();
    let stats = run(executions, seed);
    let seconds = start.elapsed().as_secs_f64();
    let _ = std::panic::take_hook();
    println!("executions {}", stats.executions);
    println!("loads      {}", stats.loads);
    println!("repaired   {}", stats.repaired);
    println!("refusals   {}", stats.refusals);
    println!("crashes    {}", stats.crashes.len());
    println!(
        "exec/s     {:.0} ({seconds:.1} s, seed {seed})",
        stats.executions as f64 / seconds.max(1e-9)
    );
    if !stats.crashes.is_empty() {
        let dir = std::path::Path::new("target/fuzz_loader");
        let _ = std::fs::create_dir_all(dir);
        for (i, (text, what)) in stats.crashes.iter().enumerate() {
            let path = dir.join(format!("crash-{seed}-{i}.json"));
            let _ = std::fs::write(&path, text);
            println!("{}: {what}", path.display());
        }
        std::process::exit(1);
    }
}
