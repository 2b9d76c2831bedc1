//! Prints how long `survey` and `import` take on the fixtures (and on any files named).
//!
//! ```text
//! cargo run --profile bench -p madori-cad --example bench_import -- [FILES…]
//! ```

use std::time::Instant;

fn time(label: &str, bytes: &[u8]) {
    let runs = 50;
    let started = Instant::now();
    for _ in 0..runs {
        let _ = std::hint::black_box(madori_cad::survey(bytes));
    }
    let survey_ms = started.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
    let started = Instant::now();
    let mut outcome = String::new();
    for _ in 0..runs {
        outcome = match madori_cad::import(bytes, &madori_cad::ImportOptions::default()) {
            Ok(result) => {
                let rooms: Vec<usize> = result.plan.storeys.iter().map(|s| s.rooms.len()).collect();
                format!("rooms per storey {rooms:?}")
            }
            Err(e) => format!("refused: {}", e.message_en),
        };
    }
    let import_ms = started.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
    println!(
        "{label} ({} bytes): survey {survey_ms:.2} ms, import {import_ms:.2} ms, {outcome}",
        bytes.len()
    );
}

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for name in ["house_r12_sjis.dxf", "house_r2007_cm.dxf", "gaps_r12.dxf"] {
        let bytes = std::fs::read(dir.join(name)).expect("a fixture");
        time(name, &bytes);
    }
    for path in std::env::args().skip(1) {
        match std::fs::read(&path) {
            Ok(bytes) => time(&path, &bytes),
            Err(e) => println!("{path}: {e}"),
        }
    }
}
