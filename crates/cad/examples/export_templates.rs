//! Exports every template as DXF in both formats into a folder (default `target/dxf-export`)
//! and prints each file's size, to open them in a CAD program.
//!
//! Run: `cargo run -p madori-cad --example export_templates -- [folder]`.

use madori_cad::{export_dxf, ExportOptions, Format};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/dxf-export")
        });
    std::fs::create_dir_all(&dir).expect("create the output folder");
    for (name, json) in madori_plan::templates::TEMPLATES {
        let plan = madori_plan::format::from_json(json).expect("a valid template");
        for (format, suffix) in [
            (Format::R12ShiftJis, "r12_sjis"),
            (Format::R2007Utf8, "r2007_utf8"),
        ] {
            let bytes = export_dxf(
                &plan,
                &ExportOptions {
                    format,
                    ..ExportOptions::default()
                },
            );
            let file = dir.join(format!("{name}_{suffix}.dxf"));
            std::fs::write(&file, &bytes).expect("write the file");
            println!("{}: {} bytes", file.display(), bytes.len());
        }
    }
}
