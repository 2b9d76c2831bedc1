//! Writes a storey's 平面図 as SVG to standard output, to look at or print.
//!
//! `cargo run -p madori-drawing --example sheet -- TEMPLATE [STOREY] [SCALE]`, e.g.
//! `… -- wooden-house-4ldk 1 100 > 2f.svg`; `irregular` draws the 641-room storey.

use madori_drawing::{storey_drawing, svg, DrawingOptions, Scale, SvgOptions};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let name = args.first().map_or("kodan-3dk", String::as_str);
    let storey: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let scale = match args.get(2).map(String::as_str) {
        Some("50") => Scale::S50,
        Some("200") => Scale::S200,
        _ => Scale::S100,
    };
    let plan = if name == "irregular" {
        madori_plan::templates::irregular(641, 1, 1)
    } else {
        let Some(json) = madori_plan::templates::get(name) else {
            eprintln!("no template named {name}");
            std::process::exit(2);
        };
        match madori_plan::format::from_json(json) {
            Ok(plan) => plan,
            Err(problems) => {
                eprintln!("{problems:?}");
                std::process::exit(1);
            }
        }
    };
    let options = DrawingOptions {
        scale,
        ..DrawingOptions::default()
    };
    let drawing = storey_drawing(&plan, storey, &options);
    println!("{}", svg(&drawing, &SvgOptions::default()));
}
