//! DXF export: the round trip through the importer on every template and both formats,
//! the bytes of the R12 file (Shift_JIS text, sections, layers), determinism.

use madori_cad::{export_dxf, import, reimport_layers, ExportOptions, Format, ImportOptions, Unit};
use madori_plan::templates::TEMPLATES;
use madori_plan::{Plan, Storey};

fn template(name: &str) -> Plan {
    madori_plan::format::from_json(madori_plan::templates::get(name).expect("a template"))
        .expect("a valid template")
}

fn options(format: Format) -> ExportOptions {
    ExportOptions {
        format,
        ..ExportOptions::default()
    }
}

fn reimport(bytes: &[u8]) -> madori_cad::Import {
    import(
        bytes,
        &ImportOptions {
            layers: Some(reimport_layers()),
            unit: Some(Unit::Millimetre),
            ..ImportOptions::default()
        },
    )
    .expect("the export imports")
}

/// Twice the 壁芯 area, mm² (exact).
fn area2(polygon: &[madori_plan::PointMm]) -> i128 {
    madori_plan::geometry::signed_area_twice_mm2(polygon).abs()
}

/// The storey's rooms as (name, twice the area), sorted.
fn rooms(storey: &Storey) -> Vec<(String, i128)> {
    let mut v: Vec<(String, i128)> = storey
        .rooms
        .iter()
        .map(|r| (r.name.clone(), area2(&r.polygon)))
        .collect();
    v.sort();
    v
}

fn assert_round_trip(name: &str, format: Format) {
    let plan = template(name);
    let bytes = export_dxf(&plan, &options(format));
    let back = reimport(&bytes).plan;
    assert_eq!(
        back.storeys.len(),
        plan.storeys.len(),
        "{name} {format:?}: storeys"
    );
    for (s, (before, after)) in plan.storeys.iter().zip(&back.storeys).enumerate() {
        assert_eq!(
            rooms(after),
            rooms(before),
            "{name} {format:?} storey {s}: rooms (name, 2 × 壁芯 area mm²)"
        );
        for room in &before.rooms {
            let Some(kind) = madori_cad::text::room_kind(&room.name) else {
                continue;
            };
            let found = after
                .rooms
                .iter()
                .find(|r| r.name == room.name)
                .expect("the room is there");
            assert_eq!(found.kind, kind, "{name} {format:?}: {}", room.name);
            assert_eq!(found.kind, room.kind, "{name} {format:?}: {}", room.name);
        }
    }
}

#[test]
fn every_template_round_trips_in_r12_shift_jis() {
    for (name, _) in TEMPLATES {
        assert_round_trip(name, Format::R12ShiftJis);
    }
}

#[test]
fn every_template_round_trips_in_r2007_utf8() {
    for (name, _) in TEMPLATES {
        assert_round_trip(name, Format::R2007Utf8);
    }
}
