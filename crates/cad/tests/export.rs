//! DXF export: the round trip through the importer on every template and both formats,
//! the bytes of the R12 file (Shift_JIS text, sections, layers), determinism.

use madori_cad::export::LAYERS;
use madori_cad::{
    export_dxf, import, reimport_layers, survey, ExportOptions, Format, ImportOptions,
    TextEncoding, Unit,
};
use madori_drawing::{DrawingOptions, Module, Scale};
use madori_plan::templates::TEMPLATES;
use madori_plan::{DoorOperation, OpeningKind, Plan, Storey};
use proptest::prelude::*;

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
    let surveyed = survey(bytes).expect("the export reads");
    import(
        bytes,
        &ImportOptions {
            layers: Some(reimport_layers(&surveyed)),
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
fn rooms_of(storey: &Storey) -> Vec<(String, i128)> {
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
            rooms_of(after),
            rooms_of(before),
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

/// Doors and windows per storey as (door?, width mm), sorted.
fn openings(storey: &Storey) -> Vec<(bool, u32)> {
    let mut v: Vec<(bool, u32)> = storey
        .openings
        .iter()
        .map(|o| (matches!(o.kind, OpeningKind::Door { .. }), o.width_mm))
        .collect();
    v.sort_unstable();
    v
}

#[test]
fn doors_and_windows_come_back_with_their_widths() {
    for (name, _) in TEMPLATES {
        let plan = template(name);
        for format in [Format::R12ShiftJis, Format::R2007Utf8] {
            let back = reimport(&export_dxf(&plan, &options(format))).plan;
            for (before, after) in plan.storeys.iter().zip(&back.storeys) {
                assert_eq!(
                    openings(after),
                    openings(before),
                    "{name} {format:?} {}",
                    before.name
                );
            }
        }
    }
}

/// Every template with its doors set to `operation`.
fn with_doors(name: &str, operation: DoorOperation) -> Plan {
    let mut plan = template(name);
    for o in plan.storeys.iter_mut().flat_map(|s| &mut s.openings) {
        if let OpeningKind::Door { operation: op, .. } = &mut o.kind {
            *op = Some(operation);
        }
    }
    plan
}

/// Doors that slide or fold are drawn through the same drawing model: the rooms come back
/// exactly, and so does every opening's width. The importer reads door arcs as doors and
/// lines along a wall as sashes, so a 引戸 or 引違い戸 (its leaves lie along the wall) comes
/// back as a 引違い window of its width and a 折れ戸 (leaves across the wall, no arc) is
/// listed as unused; hinged doors stay doors.
#[test]
fn templates_whose_doors_slide_or_fold_round_trip_their_rooms() {
    for (name, _) in TEMPLATES {
        for operation in DoorOperation::ALL {
            let plan = with_doors(name, operation);
            for format in [Format::R12ShiftJis, Format::R2007Utf8] {
                let back = reimport(&export_dxf(&plan, &options(format))).plan;
                let what = format!("{name} {format:?} {}", operation.as_str());
                assert_eq!(back.storeys.len(), plan.storeys.len(), "{what}");
                for (before, after) in plan.storeys.iter().zip(&back.storeys) {
                    assert_eq!(rooms_of(after), rooms_of(before), "{what}");
                    let expected: Vec<(bool, u32)> = match operation {
                        DoorOperation::Hinged => openings(before),
                        DoorOperation::Sliding | DoorOperation::DoubleSliding => {
                            let mut v: Vec<(bool, u32)> = before
                                .openings
                                .iter()
                                .map(|o| (false, o.width_mm))
                                .collect();
                            v.sort_unstable();
                            v
                        }
                        DoorOperation::Folding => openings(before)
                            .into_iter()
                            .filter(|(door, _)| !door)
                            .collect(),
                    };
                    assert_eq!(openings(after), expected, "{what} {}", before.name);
                }
            }
        }
    }
}

/// The byte offset of `needle` in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn r12_is_shift_jis_with_header_layers_and_eof() {
    let plan = template("kodan-3dk");
    let bytes = export_dxf(&plan, &ExportOptions::default());
    assert!(std::str::from_utf8(&bytes).is_err(), "not UTF-8");
    // 洋室 in Shift_JIS, as the label of 洋室 (4.5帖).
    assert!(
        find(&bytes, &[0x97, 0x6D, 0x8E, 0xBA]).is_some(),
        "洋室 in Shift_JIS"
    );
    assert!(find(&bytes, "洋室".as_bytes()).is_none(), "no UTF-8 洋室");
    assert!(bytes.starts_with(b"  0\r\nSECTION\r\n  2\r\nHEADER\r\n"));
    assert!(bytes.ends_with(b"  0\r\nEOF\r\n"));
    for header in [
        &b"  9\r\n$ACADVER\r\n  1\r\nAC1009\r\n"[..],
        b"  9\r\n$DWGCODEPAGE\r\n  3\r\nANSI_932\r\n",
        b"  9\r\n$INSUNITS\r\n 70\r\n4\r\n",
        b"  9\r\n$MEASUREMENT\r\n 70\r\n1\r\n",
    ] {
        assert!(
            find(&bytes, header).is_some(),
            "{}",
            String::from_utf8_lossy(header)
        );
    }
    let tables = find(&bytes, b"  2\r\nTABLES\r\n").expect("a TABLES section");
    let layer_table = find(&bytes, b"  0\r\nTABLE\r\n  2\r\nLAYER\r\n").expect("a LAYER table");
    let entities = find(&bytes, b"  2\r\nENTITIES\r\n").expect("an ENTITIES section");
    assert!(tables < layer_table && layer_table < entities);
    for (layer, _, _) in LAYERS {
        let (name, _, unmappable) = encoding_rs::SHIFT_JIS.encode(layer.ja());
        assert!(!unmappable);
        let mut entry = b"  0\r\nLAYER\r\n  2\r\n".to_vec();
        entry.extend_from_slice(&name);
        entry.extend_from_slice(b"\r\n");
        let at = find(&bytes, &entry).unwrap_or_else(|| panic!("layer {}", layer.ja()));
        assert!(layer_table < at && at < entities, "{}", layer.ja());
        // And the entities use it, by the same bytes.
        let mut used = b"  8\r\n".to_vec();
        used.extend_from_slice(&name);
        used.extend_from_slice(b"\r\n");
        assert!(
            find(&bytes[entities..], &used).is_some(),
            "entities on {}",
            layer.ja()
        );
    }
    // The importer reads the layer names back in Japanese.
    let surveyed = survey(&bytes).expect("a readable file");
    assert_eq!(surveyed.version, "R12");
    assert_eq!(surveyed.encoding.encoding, TextEncoding::ShiftJis);
    assert!(!surveyed.encoding.replaced_bytes);
    assert_eq!(
        surveyed.encoding.declared_code_page.as_deref(),
        Some("ANSI_932")
    );
    assert_eq!(surveyed.units.unit, Unit::Millimetre);
    let mut names: Vec<&str> = surveyed.layers.iter().map(|l| l.name.as_str()).collect();
    names.sort_unstable();
    let mut expected: Vec<&str> = LAYERS.iter().map(|(l, _, _)| l.ja()).collect();
    expected.sort_unstable();
    assert_eq!(names, expected);
}

#[test]
fn r2007_is_utf8_with_handles_and_the_required_structure() {
    let plan = template("wooden-house-4ldk");
    let bytes = export_dxf(&plan, &options(Format::R2007Utf8));
    let text = std::str::from_utf8(&bytes).expect("UTF-8");
    assert!(text.starts_with("  0\r\nSECTION\r\n  2\r\nHEADER\r\n"));
    assert!(text.ends_with("  0\r\nEOF\r\n"));
    assert!(text.contains("  9\r\n$ACADVER\r\n  1\r\nAC1021\r\n"));
    assert!(text.contains("  1\r\n洋室1\r\n"));
    for section in [
        "HEADER", "CLASSES", "TABLES", "BLOCKS", "ENTITIES", "OBJECTS",
    ] {
        assert!(
            text.contains(&format!("  0\r\nSECTION\r\n  2\r\n{section}\r\n")),
            "{section}"
        );
    }
    for table in [
        "VPORT",
        "LTYPE",
        "LAYER",
        "STYLE",
        "VIEW",
        "UCS",
        "APPID",
        "DIMSTYLE",
        "BLOCK_RECORD",
    ] {
        assert!(
            text.contains(&format!("  0\r\nTABLE\r\n  2\r\n{table}\r\n")),
            "{table}"
        );
    }
    // Every handle is unique and below the seed (the header's own `5` is the seed).
    let lines: Vec<&str> = text.split("\r\n").collect();
    let body = lines.iter().position(|l| *l == "CLASSES").expect("CLASSES") - 3;
    let mut handles: Vec<u32> = lines[body..]
        .chunks(2)
        .filter(|p| p.len() == 2 && matches!(p[0].trim(), "5" | "105"))
        .map(|p| u32::from_str_radix(p[1], 16).expect("a hex handle"))
        .collect();
    let seed = lines
        .windows(4)
        .find(|w| w[0].trim() == "9" && w[1] == "$HANDSEED")
        .map(|w| u32::from_str_radix(w[3], 16).expect("a hex seed"))
        .expect("$HANDSEED");
    let count = handles.len();
    handles.sort_unstable();
    handles.dedup();
    assert_eq!(handles.len(), count, "unique handles");
    assert!(handles.iter().all(|&h| h > 0 && h < seed));
    let surveyed = survey(&bytes).expect("a readable file");
    assert_eq!(surveyed.version, "R2007");
    assert_eq!(surveyed.encoding.encoding, TextEncoding::Utf8);
    assert_eq!(surveyed.units.unit, Unit::Millimetre);
}

#[test]
fn the_same_plan_gives_the_same_bytes() {
    let plan = template("wooden-house-shared");
    for format in [Format::R12ShiftJis, Format::R2007Utf8] {
        let a = export_dxf(&plan, &options(format));
        let b = export_dxf(&plan.clone(), &options(format));
        assert_eq!(a, b, "{format:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// Plans that look like real ones (L-shaped and zigzag rooms, notches, T-junctions with
    /// vertices on one side only) come back with every room's name and exact 壁芯 area, in
    /// either format, at any scale, with or without the grid.
    #[test]
    fn irregular_plans_round_trip(
        seed in any::<u64>(),
        per_storey in 8usize..20,
        storeys in 1usize..=3,
        r12 in any::<bool>(),
        scale in prop::sample::select(Scale::ALL.to_vec()),
        module in prop::sample::select(Module::ALL.to_vec()),
    ) {
        // At least 8 rooms a storey: with fewer, `irregular` leaves storeys of balconies
        // only, which the importer takes for details beside the drawing (a cluster under a
        // quarter of the largest one's box is not a storey).
        let plan = madori_plan::templates::irregular(per_storey * storeys, storeys, seed);
        let format = if r12 { Format::R12ShiftJis } else { Format::R2007Utf8 };
        let options = ExportOptions {
            format,
            drawing: DrawingOptions { scale, module, ..DrawingOptions::default() },
        };
        let back = reimport(&export_dxf(&plan, &options)).plan;
        prop_assert_eq!(back.storeys.len(), plan.storeys.len());
        for (before, after) in plan.storeys.iter().zip(&back.storeys) {
            prop_assert_eq!(rooms_of(after), rooms_of(before), "{}", before.name);
        }
    }
}

#[test]
fn names_beyond_shift_jis_come_back_through_escapes() {
    let mut plan = template("kodan-3dk");
    plan.storeys[0].rooms[0].name = "Caf\u{e9} 和室".into();
    plan.storeys[0].rooms[1].name = "\u{20BB7}の和室".into();
    let r12 = export_dxf(&plan, &ExportOptions::default());
    assert!(find(&r12, b"Caf\\U+00E9 ").is_some());
    let back = reimport(&r12).plan;
    let names: Vec<&str> = back.storeys[0]
        .rooms
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert!(names.contains(&"Caf\u{e9} 和室"), "{names:?}");
    // Beyond the BMP, R12 writes the geta mark; R2007 keeps the character.
    assert!(names.contains(&"〓の和室"), "{names:?}");
    let back = reimport(&export_dxf(&plan, &options(Format::R2007Utf8))).plan;
    assert!(back.storeys[0]
        .rooms
        .iter()
        .any(|r| r.name == "\u{20BB7}の和室"));
}

#[test]
fn titles_number_the_storeys_and_keep_other_names() {
    let mut plan = template("wooden-house-4ldk");
    plan.storeys[1].name = "ロフト階".into();
    let bytes = export_dxf(&plan, &options(Format::R2007Utf8));
    let text = String::from_utf8(bytes).expect("UTF-8");
    assert!(text.contains("\r\n1階平面図  S=1:100\r\n"));
    assert!(text.contains("\r\n2階平面図 ロフト階  S=1:100\r\n"));
}
