//! Fuzzes the DXF importer with mutations of the fixtures.
//!
//! ```text
//! CARGO_PROFILE_RELEASE_PANIC=unwind \
//!   cargo run --release -p madori-cad --example fuzz_dxf -- [EXECUTIONS] [SEED]
//! ```
//!
//! Each input is one of the committed fixtures (or a small drawing with blocks, arcs and
//! texts made here) changed by a few byte-level mutations: bytes flipped, bytes or DXF
//! tokens inserted, spans deleted, spans spliced in from elsewhere (in the same input or
//! another seed), numbers replaced by awkward ones (`1e308`, `nan`, `-32768`, …), lines
//! duplicated. Each input goes through [`madori_cad::import`] (and every eighth through
//! [`madori_cad::survey`]) under `catch_unwind`, which here only detects panics: the app's
//! release build aborts on panic, so the importer must not panic at all. A run fails
//! ("crash") on a panic, on a refusal without words, or on an imported plan that
//! [`madori_plan::validate::validate`] rejects. Crashing inputs are written to
//! `target/fuzz_dxf/`; each one found becomes a file in `tests/regressions/`.
//!
//! The random generator is a small xorshift, so a seed always gives the same inputs.

use std::panic::catch_unwind;
use std::time::{Duration, Instant};

/// xorshift64*: small, deterministic, good enough to pick mutations.
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

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Numbers at the edges of what DXF readers parse.
const NUMBERS: &[&str] = &[
    "1e308",
    "-1e308",
    "1e-320",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "0",
    "-0",
    "0.0",
    "1",
    "-1",
    "32767",
    "32768",
    "-32767",
    "-32768",
    "-32769",
    "65535",
    "2147483647",
    "2147483648",
    "-2147483649",
    "9223372036854775807",
    "1e20",
    "90",
    "89.9",
    "180",
    "360",
    "-90",
    "0.001",
];

/// Tokens that open structure in a DXF file.
const TOKENS: &[&str] = &[
    "\n",
    "\r\n",
    "0\nLINE\n",
    "0\nARC\n",
    "0\nINSERT\n2\nB\n",
    "0\nBLOCK\n2\nB\n",
    "0\nENDBLK\n",
    "0\nSECTION\n2\nENTITIES\n",
    "0\nSECTION\n2\nBLOCKS\n",
    "0\nENDSEC\n",
    "0\nEOF\n",
    "0\nPOLYLINE\n66\n1\n70\n1\n",
    "0\nVERTEX\n10\n1\n20\n1\n",
    "0\nSEQEND\n",
    "0\nLWPOLYLINE\n90\n3\n70\n1\n",
    "42\n1e308\n",
    "62\n-7\n",
    "70\n100\n71\n100\n",
    "210\n0\n220\n0\n230\n-1\n",
    "1\n{\\fX;\\P\\S1^2;\\U+6D0B}\n",
    "1\n\\M+1976D%%c\n",
    "9\n$INSUNITS\n70\n6\n",
    "9\n$ACADVER\n1\nAC1021\n",
    "\u{feff}",
];

/// A small drawing that reaches blocks, arrays, mirrors, polylines with bulges, MTEXT and
/// an attribute: more paths per byte than the fixtures.
pub fn small_seed() -> Vec<u8> {
    let mut s = String::from(
        "0\nSECTION\n2\nHEADER\n9\n$ACADVER\n1\nAC1015\n9\n$INSUNITS\n70\n4\n0\nENDSEC\n",
    );
    s.push_str("0\nSECTION\n2\nBLOCKS\n0\nBLOCK\n8\n0\n2\nD\n70\n0\n10\n0\n20\n0\n30\n0\n3\nD\n");
    s.push_str("0\nARC\n8\n0\n10\n0\n20\n0\n40\n800\n50\n0\n51\n90\n0\nLINE\n8\n0\n10\n0\n20\n0\n11\n0\n21\n800\n");
    s.push_str("0\nINSERT\n8\n0\n2\nE\n10\n0\n20\n0\n0\nENDBLK\n8\n0\n");
    s.push_str("0\nBLOCK\n8\n0\n2\nE\n70\n0\n10\n0\n20\n0\n30\n0\n3\nE\n0\nCIRCLE\n8\n0\n10\n0\n20\n0\n40\n50\n0\nENDBLK\n8\n0\n0\nENDSEC\n");
    s.push_str("0\nSECTION\n2\nENTITIES\n");
    s.push_str("0\nLWPOLYLINE\n8\nWALL\n90\n4\n70\n1\n10\n0\n20\n0\n10\n3640\n20\n0\n10\n3640\n20\n2730\n10\n0\n20\n2730\n");
    s.push_str(
        "0\nLWPOLYLINE\n8\nWALL\n90\n2\n70\n0\n10\n0\n20\n4000\n42\n0.2\n10\n3640\n20\n4000\n",
    );
    s.push_str("0\nLINE\n8\nWALL\n10\n1820\n20\n0\n11\n1820\n21\n2730\n");
    s.push_str("0\nINSERT\n8\nDOOR\n2\nD\n10\n1820\n20\n900\n41\n-1\n42\n1\n50\n90\n70\n2\n71\n1\n44\n900\n");
    s.push_str("0\nMTEXT\n8\nTEXT\n10\n900\n20\n1300\n40\n200\n71\n5\n1\n{\\fMS;洋室}\\P6帖\n");
    s.push_str(
        "0\nTEXT\n8\nTEXT\n10\n2700\n20\n1300\n40\n200\n1\nLDK\n72\n1\n11\n2700\n21\n1300\n73\n2\n",
    );
    s.push_str("0\nENDSEC\n0\nEOF\n");
    s.into_bytes()
}

/// The seeds: the fixtures and the small drawing.
pub fn seeds() -> Vec<Vec<u8>> {
    vec![
        include_bytes!("../tests/fixtures/house_r12_sjis.dxf").to_vec(),
        include_bytes!("../tests/fixtures/house_r2007_cm.dxf").to_vec(),
        include_bytes!("../tests/fixtures/gaps_r12.dxf").to_vec(),
        small_seed(),
    ]
}

fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>, seeds: &[Vec<u8>]) {
    if bytes.is_empty() {
        bytes.extend_from_slice(rng.pick(TOKENS).as_bytes());
        return;
    }
    match rng.below(8) {
        0 => {
            // Flip a byte.
            let i = rng.below(bytes.len());
            bytes[i] = (rng.next() & 0xff) as u8;
        }
        1 => {
            // Insert a token or a few random bytes.
            let at = rng.below(bytes.len() + 1);
            let insert: Vec<u8> = if rng.below(2) == 0 {
                rng.pick(TOKENS).as_bytes().to_vec()
            } else {
                (0..1 + rng.below(4))
                    .map(|_| (rng.next() & 0xff) as u8)
                    .collect()
            };
            bytes.splice(at..at, insert);
        }
        2 => {
            // Delete a span.
            let start = rng.below(bytes.len());
            let end = (start + 1 + rng.below(128)).min(bytes.len());
            bytes.drain(start..end);
        }
        3 => {
            // Splice in a span from this input or another seed.
            let source = if rng.below(2) == 0 {
                bytes.clone()
            } else {
                rng.pick(seeds).clone()
            };
            if source.is_empty() {
                return;
            }
            let start = rng.below(source.len());
            let end = (start + 1 + rng.below(512)).min(source.len());
            let at = rng.below(bytes.len() + 1);
            bytes.splice(at..at, source[start..end].iter().copied());
        }
        4 | 5 => {
            // Replace a number.
            let i = rng.below(bytes.len());
            if let Some(start) = (i..bytes.len()).find(|&k| bytes[k].is_ascii_digit()) {
                let end = (start..bytes.len())
                    .find(|&k| !(bytes[k].is_ascii_digit() || bytes[k] == b'.' || bytes[k] == b'-'))
                    .unwrap_or(bytes.len());
                let number = rng.pick(NUMBERS).as_bytes().to_vec();
                bytes.splice(start..end, number);
            }
        }
        6 => {
            // Duplicate a line pair (a group code and its value) somewhere else.
            let lines: Vec<usize> = std::iter::once(0)
                .chain(
                    bytes
                        .iter()
                        .enumerate()
                        .filter(|(_, b)| **b == b'\n')
                        .map(|(i, _)| i + 1),
                )
                .collect();
            if lines.len() > 3 {
                let k = rng.below(lines.len() - 2);
                let span = bytes[lines[k]..lines[k + 2]].to_vec();
                let at = lines[rng.below(lines.len())];
                bytes.splice(at..at, span);
            }
        }
        _ => {
            // Truncate.
            let keep = rng.below(bytes.len());
            bytes.truncate(keep);
        }
    }
}

/// One fuzz input.
pub fn input(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut bytes = rng.pick(seeds).clone();
    for _ in 0..1 + rng.below(4) {
        mutate(rng, &mut bytes, seeds);
    }
    bytes
}

/// What one input did.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Imported as a valid plan.
    Imported,
    /// Refused with words.
    Refused,
}

/// Runs one input; an error says what went wrong.
pub fn run_one(bytes: &[u8], survey_too: bool) -> Result<Outcome, String> {
    if survey_too {
        match catch_unwind(|| madori_cad::survey(bytes)).map_err(panic_message)? {
            Ok(_) => {}
            Err(e) if e.message_en.is_empty() || e.message_ja.is_empty() => {
                return Err("survey refused without words".into())
            }
            Err(_) => {}
        }
    }
    let options = madori_cad::ImportOptions::default();
    match catch_unwind(|| madori_cad::import(bytes, &options)).map_err(panic_message)? {
        Ok(result) => {
            let problems = madori_plan::validate::validate(&result.plan);
            if let Some(p) = problems.first() {
                return Err(format!("an invalid plan: {p}"));
            }
            Ok(Outcome::Imported)
        }
        Err(e) if e.message_en.is_empty() || e.message_ja.is_empty() => {
            Err("refused without words".into())
        }
        Err(_) => Ok(Outcome::Refused),
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

/// An input taking longer than this is kept and reported: the importer's work must stay
/// bounded on any input.
pub const SLOW: Duration = Duration::from_millis(500);

/// Figures of a run.
#[derive(Debug, Default)]
pub struct Stats {
    /// Inputs run.
    pub executions: u64,
    /// Inputs imported.
    pub imported: u64,
    /// Inputs refused.
    pub refused: u64,
    /// The slowest input's time.
    pub slowest: Duration,
    /// Inputs that took more than [`SLOW`]: their number in the run and their bytes.
    pub slow: Vec<(u64, Vec<u8>)>,
    /// Inputs that crashed: the bytes and what went wrong.
    pub crashes: Vec<(Vec<u8>, String)>,
}

/// Runs `executions` inputs from `seed`.
pub fn run(executions: u64, seed: u64) -> Stats {
    let seeds = seeds();
    let mut rng = Rng::new(seed);
    let mut stats = Stats::default();
    for n in 0..executions {
        let bytes = input(&mut rng, &seeds);
        let started = Instant::now();
        let outcome = run_one(&bytes, n % 8 == 0);
        let took = started.elapsed();
        stats.slowest = stats.slowest.max(took);
        if took > SLOW && stats.slow.len() < 20 {
            stats.slow.push((n, bytes.clone()));
        }
        stats.executions += 1;
        match outcome {
            Ok(Outcome::Imported) => stats.imported += 1,
            Ok(Outcome::Refused) => stats.refused += 1,
            Err(why) => stats.crashes.push((bytes, why)),
        }
    }
    stats
}

fn main() {
    let mut args = std::env::args().skip(1);
    let executions: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    // Panics are expected to be caught and reported, not printed one by one.
    std::panic::set_hook(Box::new(|_| {}));
    let started = Instant::now();
    let stats = run(executions, seed);
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "executions: {}  imported: {}  refused: {}  crashes: {}",
        stats.executions,
        stats.imported,
        stats.refused,
        stats.crashes.len()
    );
    println!(
        "{:.1} s, {:.0} executions/s, slowest input {:.1} ms",
        seconds,
        stats.executions as f64 / seconds.max(1e-9),
        stats.slowest.as_secs_f64() * 1000.0
    );
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/fuzz_dxf");
    if !stats.slow.is_empty() {
        let _ = std::fs::create_dir_all(&dir);
        println!(
            "slow inputs (> {} ms): {}",
            SLOW.as_millis(),
            stats.slow.len()
        );
        for (n, bytes) in &stats.slow {
            let _ = std::fs::write(dir.join(format!("slow-{seed}-{n}.dxf")), bytes);
        }
    }
    if !stats.crashes.is_empty() {
        let _ = std::fs::create_dir_all(&dir);
        for (i, (bytes, why)) in stats.crashes.iter().enumerate().take(50) {
            println!("crash {i}: {why}");
            let _ = std::fs::write(dir.join(format!("crash-{seed}-{i}.dxf")), bytes);
        }
        std::process::exit(1);
    }
}
