//! Benchmark: drawing one storey (walls, openings, fixtures, labels, grid, dimensions) and
//! writing its SVG, on the templates and on an irregular 641-room storey. Prints figures;
//! asserts nothing about time.
//!
//! Run: `cargo bench -p madori-drawing --bench drawing`

use madori_drawing::{storey_drawing, svg, DrawingOptions, SvgOptions};
use madori_plan::templates::irregular;
use std::hint::black_box;

#[path = "../../plan/benches/measure.rs"]
mod measure;
use measure::measure;

fn main() {
    let options = DrawingOptions::default();
    let plan = irregular(641, 1, 1);
    let storey = &plan.storeys[0];
    let vertices: usize = storey.rooms.iter().map(|r| r.polygon.len()).sum();
    let drawing = storey_drawing(&plan, 0, &options);
    println!(
        "storey: {} rooms, {vertices} vertices, {} openings, {} fixtures -> {} wall bodies, {} outline polylines, {} dimensions, {} labels not clear",
        storey.rooms.len(),
        storey.openings.len(),
        storey.fixtures.len(),
        drawing.walls.len(),
        drawing.wall_outline.len(),
        drawing.dimensions.len(),
        drawing.labels.iter().filter(|l| !l.clear).count(),
    );
    let sheet = svg(&drawing, &SvgOptions::default());
    println!("svg: {} bytes", sheet.len());
    measure(
        "storey_drawing, irregular 641 rooms (1 storey)",
        100,
        || {
            black_box(storey_drawing(black_box(&plan), 0, &options));
        },
    );
    measure("svg, irregular 641 rooms", 100, || {
        black_box(svg(black_box(&drawing), &SvgOptions::default()));
    });
    for (name, json) in madori_plan::templates::TEMPLATES {
        let plan = madori_plan::format::from_json(json).expect("templates load");
        measure(&format!("storey_drawing + svg, {name} 1F"), 1000, || {
            let d = storey_drawing(black_box(&plan), 0, &options);
            black_box(svg(&d, &SvgOptions::default()));
        });
    }
}
