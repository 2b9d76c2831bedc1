//! Fuzzes share links (`madori_plan::share::decode`) with mutations of valid links.
//!
//! ```text
//! cargo run --release -p madori-plan --example fuzz_share -- [EXECUTIONS] [SEED]
//! ```
//!
//! The valid links are those of the shipped templates and of one plan using every part of
//! format 2 (check settings, an underlay, a variant). Each input is one of:
//! - a link changed as text: characters replaced (inside and outside base64url), spans
//!   deleted or repeated, cut short, another version character, `#`, `plan=` or a URL put
//!   before it, text put after it;
//! - a link whose deflate stream is changed as bytes (bits flipped, bytes replaced, spans
//!   deleted, repeated or inserted, cut short) and written again as base64url, so the
//!   change reaches the inflater and, when the stream still inflates, the JSON loader;
//! - a link of a plan's JSON changed as text (bytes replaced, spans deleted or repeated,
//!   numbers replaced by awkward ones) and compressed again, so the change reaches the
//!   loader's checks;
//! - rarely, a decompression bomb (zeros or spaces inflating past
//!   `format::MAX_FILE_BYTES`), its stream sometimes changed.
//!
//! A run fails on a panic (caught with `catch_unwind` only to count it), on a refusal
//! without a problem, or when a loaded plan does not come back equal through `encode` and
//! `decode`. Failing inputs are written to `target/fuzz_share/`. The run prints its
//! executions, executions per second, where inputs were refused, the slowest input and the
//! peak resident memory during the run (on Linux).
//!
//! As with `fuzz_loader`, the release profile aborts on panic: run with
//! `CARGO_PROFILE_RELEASE_PANIC=unwind` (or without `--release`) to collect every failure.
//! The random generator is `examples/support/rng.rs`, shared with `fuzz_loader`.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use madori_plan::format::{from_json, to_json_compact, MAX_FILE_BYTES};
use madori_plan::share::{decode, encode, VERSION};
use madori_plan::templates::TEMPLATES;
use madori_plan::{CheckSettings, CheckValue, Plan, PointMm, Problem, Underlay, Variant};
use std::panic::catch_unwind;
use std::time::{Duration, Instant};

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

/// Where an input was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The link itself: no data, version, characters, length, base64url.
    Link,
    /// The deflate stream: damaged, cut short, a bomb, or not UTF-8.
    Inflate,
    /// The plan's JSON, by `format::from_json`.
    Plan,
}

/// Figures of a run.
#[derive(Debug, Default)]
pub struct Stats {
    /// Inputs run.
    pub executions: u64,
    /// Inputs that loaded (and came back equal through `encode` and `decode`).
    pub loads: u64,
    /// Inputs refused at the link, the inflater and the loader.
    pub refused_link: u64,
    /// See [`Stats::refused_link`].
    pub refused_inflate: u64,
    /// See [`Stats::refused_link`].
    pub refused_plan: u64,
    /// Decompression bombs run (each refused, or the run fails).
    pub bombs: u64,
    /// The slowest input's time.
    pub slowest: Duration,
    /// Inputs that failed, with what went wrong.
    pub failures: Vec<(String, String)>,
}

/// The valid material mutations start from.
pub struct Seeds {
    links: Vec<String>,
    deflated: Vec<Vec<u8>>,
    json: Vec<String>,
    bombs: Vec<Vec<u8>>,
}

impl Seeds {
    /// Links, deflate streams and JSON of every template and of a plan using every part of
    /// format 2, and three bombs.
    pub fn new() -> Self {
        let mut plans: Vec<Plan> = TEMPLATES
            .iter()
            .filter_map(|(_, text)| from_json(text).ok())
            .collect();
        if let (Some(existing), Some(base)) = (plans.first().cloned(), plans.last().cloned()) {
            plans.push(full(base, existing));
        }
        let links: Vec<String> = plans.iter().filter_map(|p| encode(p).ok()).collect();
        let deflated = links
            .iter()
            .filter_map(|l| URL_SAFE_NO_PAD.decode(&l[VERSION.len_utf8()..]).ok())
            .collect();
        let json = plans.iter().map(to_json_compact).collect();
        let compress = |bytes: &[u8]| miniz_oxide::deflate::compress_to_vec(bytes, 10);
        let mut spaces = vec![b' '; MAX_FILE_BYTES - 4];
        spaces.extend_from_slice(b"null");
        let bombs = vec![
            // Exactly at the limit: inflates, then the loader refuses it (no format_version).
            compress(&spaces),
            compress(&vec![0; MAX_FILE_BYTES + 1]),
            // About the most a link of MAX_LINK_CHARS can expand to.
            compress(&vec![b'0'; 40_000_000]),
        ];
        Self {
            links,
            deflated,
            json,
            bombs,
        }
    }
}

impl Default for Seeds {
    fn default() -> Self {
        Self::new()
    }
}

/// A plan with check settings, an underlay and a variant.
fn full(mut plan: Plan, existing: Plan) -> Plan {
    plan.check = Some(CheckSettings {
        profile: "sh-single".into(),
        local_override: Some("toshima".into()),
        values: vec![CheckValue {
            key: "area.basis_interior".into(),
            value: 1.0,
            source: "豊島区との協議".into(),
        }],
    });
    plan.storeys[0].underlay = Some(Underlay {
        image: "img-1".into(),
        width_px: 4032,
        height_px: 3024,
        origin: PointMm::new(-1200, -800),
        mm_per_px: 7.4231,
        rotation_deg: -1.25,
        opacity_percent: 40,
        hidden: false,
        locked: true,
    });
    plan.variants = vec![Variant {
        id: "proposal-a".into(),
        name: "計画案A".into(),
        note: String::new(),
        dwelling: existing.dwelling,
        check: None,
        storeys: existing.storeys,
    }];
    plan
}

/// Characters outside base64url, and some that are inside it.
const AWKWARD: &[&str] = &[
    "=", "%", "%3D", " ", "\n", "#", "+", "/", ".", "é", "\u{0}", "ー", "\u{feff}", "A", "_", "-",
    "0", "2", "z",
];

/// Numbers at the edges of the loader's limits.
const NUMBERS: &[&str] = &[
    "1e308",
    "-1",
    "0",
    "0.5",
    "4294967296",
    "9223372036854775807",
    "-9223372036854775808",
    "1000001",
];

fn span(rng: &mut Rng, len: usize, most: usize) -> (usize, usize) {
    let start = rng.below(len);
    (start, (start + 1 + rng.below(most)).min(len))
}

fn mutate_link(rng: &mut Rng, link: &mut String) {
    let chars: Vec<char> = link.chars().collect();
    if chars.is_empty() {
        link.push(VERSION);
        return;
    }
    let mut out: Vec<char> = chars.clone();
    match rng.below(9) {
        0 | 1 => {
            let i = rng.below(out.len());
            let with: Vec<char> = rng.pick(AWKWARD).chars().collect();
            out.splice(i..=i, with);
        }
        2 => {
            let i = rng.below(out.len());
            out[i] = char::from(
                *rng.pick(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            );
        }
        3 => {
            let (start, end) = span(rng, out.len(), 64);
            out.drain(start..end);
        }
        4 => {
            let (start, end) = span(rng, out.len(), 256);
            let copy = out[start..end].to_vec();
            let at = rng.below(out.len());
            out.splice(at..at, copy);
        }
        5 => out.truncate(rng.below(out.len())),
        6 => out[0] = *rng.pick(&['0', '2', '9', 'a', 'Z', '-', '#', ' ']),
        7 => {
            let before = rng.pick(&["#", "plan=", "#plan=", "https://madori.example/#plan=", " "]);
            out.splice(0..0, before.chars());
        }
        _ => out.extend(rng.pick(&["=", "==", "\n", "&x=1", "A", "thanks"]).chars()),
    }
    *link = out.into_iter().collect();
}

fn mutate_bytes(rng: &mut Rng, bytes: &mut Vec<u8>) {
    if bytes.is_empty() {
        bytes.push((rng.next_u64() & 0xff) as u8);
        return;
    }
    match rng.below(6) {
        0 | 1 => {
            let i = rng.below(bytes.len());
            bytes[i] ^= 1 << rng.below(8);
        }
        2 => {
            let i = rng.below(bytes.len());
            bytes[i] = (rng.next_u64() & 0xff) as u8;
        }
        3 => {
            let (start, end) = span(rng, bytes.len(), 32);
            bytes.drain(start..end);
        }
        4 => {
            let (start, end) = span(rng, bytes.len(), 128);
            let copy = bytes[start..end].to_vec();
            let at = rng.below(bytes.len());
            bytes.splice(at..at, copy);
        }
        _ => bytes.truncate(rng.below(bytes.len())),
    }
}

fn mutate_json(rng: &mut Rng, text: &mut Vec<u8>) {
    if text.is_empty() {
        return;
    }
    match rng.below(4) {
        0 => {
            let i = rng.below(text.len());
            text[i] = *rng.pick(b" {}[],:\"-0123456789.e");
        }
        1 => {
            let (start, end) = span(rng, text.len(), 64);
            text.drain(start..end);
        }
        2 => {
            let (start, end) = span(rng, text.len(), 256);
            let copy = text[start..end].to_vec();
            let at = rng.below(text.len());
            text.splice(at..at, copy);
        }
        _ => {
            let i = rng.below(text.len());
            if let Some(start) = (i..text.len()).find(|&k| text[k].is_ascii_digit()) {
                let end = (start..text.len())
                    .find(|&k| !text[k].is_ascii_digit())
                    .unwrap_or(text.len());
                text.splice(start..end, rng.pick(NUMBERS).bytes());
            }
        }
    }
}

fn link_of(deflated: &[u8]) -> String {
    let mut link = String::from(VERSION);
    URL_SAFE_NO_PAD.encode_string(deflated, &mut link);
    link
}

/// One fuzz input, and whether it is a bomb.
pub fn input(rng: &mut Rng, seeds: &Seeds) -> (String, bool) {
    let roll = rng.below(2_000);
    if roll < 1 {
        let mut bomb = rng.pick(&seeds.bombs).clone();
        if rng.below(2) == 0 {
            mutate_bytes(rng, &mut bomb);
        }
        return (link_of(&bomb), true);
    }
    let text = match roll % 20 {
        0..=7 => {
            let mut link = rng.pick(&seeds.links).clone();
            for _ in 0..1 + rng.below(3) {
                mutate_link(rng, &mut link);
            }
            link
        }
        8..=15 => {
            let mut bytes = rng.pick(&seeds.deflated).clone();
            for _ in 0..1 + rng.below(3) {
                mutate_bytes(rng, &mut bytes);
            }
            link_of(&bytes)
        }
        _ => {
            let mut text = rng.pick(&seeds.json).clone().into_bytes();
            for _ in 0..1 + rng.below(2) {
                mutate_json(rng, &mut text);
            }
            link_of(&miniz_oxide::deflate::compress_to_vec(&text, 1))
        }
    };
    (text, false)
}

/// Where a refusal comes from, by its messages.
fn stage(problems: &[Problem]) -> Stage {
    let [only] = problems else {
        return Stage::Plan;
    };
    let en = only.message_en.as_str();
    if !en.contains("share link") {
        Stage::Plan
    } else if [
        "compressed data",
        "ends too early",
        "expands to",
        "not text",
    ]
    .iter()
    .any(|m| en.contains(m))
    {
        Stage::Inflate
    } else {
        Stage::Link
    }
}

/// Runs one input; an error says what went wrong.
pub fn run_one(link: &str) -> Result<Option<Stage>, String> {
    match catch_unwind(|| decode(link)).map_err(panic_message)? {
        Ok(plan) => {
            // A link may hold what `encode` would not write (another compression level),
            // so re-encoding may be refused as too large; otherwise it must round-trip.
            if let Ok(again) = catch_unwind(|| encode(&plan)).map_err(panic_message)? {
                match catch_unwind(|| decode(&again)).map_err(panic_message)? {
                    Ok(back) if back == plan => {}
                    Ok(_) => return Err("the plan changes through encode and decode".into()),
                    Err(p) => return Err(format!("encode wrote a link decode refuses: {p:?}")),
                }
            }
            Ok(None)
        }
        Err(problems) if problems.is_empty() => Err("refused without a problem".into()),
        Err(problems) => Ok(Some(stage(&problems))),
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
    run_from(&Seeds::new(), executions, seed)
}

/// Runs `executions` inputs from `seed`, mutating these seeds.
pub fn run_from(seeds: &Seeds, executions: u64, seed: u64) -> Stats {
    let mut rng = Rng::new(seed);
    let mut stats = Stats::default();
    for _ in 0..executions {
        let (link, bomb) = input(&mut rng, seeds);
        stats.executions += 1;
        let start = Instant::now();
        let outcome = run_one(&link);
        stats.slowest = stats.slowest.max(start.elapsed());
        if bomb {
            stats.bombs += 1;
        }
        match outcome {
            Ok(None) if bomb => stats
                .failures
                .push((link, "a decompression bomb loaded".into())),
            Ok(None) => stats.loads += 1,
            Ok(Some(Stage::Link)) => stats.refused_link += 1,
            Ok(Some(Stage::Inflate)) => stats.refused_inflate += 1,
            Ok(Some(Stage::Plan)) => stats.refused_plan += 1,
            Err(what) => stats.failures.push((link, what)),
        }
    }
    stats
}

/// Starts the count of [`peak_kib`] again (Linux: writing 5 to `clear_refs`), so the peak
/// is the run's and not that of building the seeds' bombs.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// The process's peak resident memory in KiB (`VmHWM`), where Linux tells it.
fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
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
    let seeds = Seeds::new();
    let peak_is_the_runs = reset_peak();
    let start = Instant::now();
    let stats = run_from(&seeds, executions, seed);
    let seconds = start.elapsed().as_secs_f64();
    let _ = std::panic::take_hook();
    println!("executions      {}", stats.executions);
    println!(
        "exec/s          {:.0} ({seconds:.1} s, seed {seed})",
        stats.executions as f64 / seconds.max(1e-9)
    );
    println!("loads           {}", stats.loads);
    println!("refused: link   {}", stats.refused_link);
    println!("refused: deflate {}", stats.refused_inflate);
    println!("refused: plan   {}", stats.refused_plan);
    println!("bombs           {}", stats.bombs);
    println!(
        "slowest input   {:.1} ms",
        stats.slowest.as_secs_f64() * 1e3
    );
    if let Some(kib) = peak_kib() {
        let of = if peak_is_the_runs {
            "during the run"
        } else {
            "the whole process"
        };
        println!("peak memory     {:.1} MiB ({of})", kib as f64 / 1024.0);
    }
    println!("failures        {}", stats.failures.len());
    if !stats.failures.is_empty() {
        let dir = std::path::Path::new("target/fuzz_share");
        let _ = std::fs::create_dir_all(dir);
        for (i, (link, what)) in stats.failures.iter().enumerate() {
            let path = dir.join(format!("failure-{seed}-{i}.txt"));
            let _ = std::fs::write(&path, link);
            println!("{}: {what}", path.display());
        }
        std::process::exit(1);
    }
}
