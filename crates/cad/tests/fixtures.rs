//! The committed DXF fixtures imported end to end: rooms, names, kinds, 壁芯 areas (exact,
//! from the layout in `common/house.rs`), wall thicknesses, doors and windows, encoding,
//! unit and what was left unused.

#[path = "common/house.rs"]
mod house;

use house::{RoomDef, EXTERIOR_MM, FIRST, INTERIOR_MM, SECOND};
use madori_cad::{
    import, survey, ImportOptions, LayerRole, Reason, TextEncoding, Unit, WallDrawing,
};
use madori_plan::geometry::{bounds, signed_area_twice_mm2};
use madori_plan::{OpeningKind, RoomKind, Storey};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("the fixture exists (cargo run -p madori-cad --example make_fixtures)")
}

/// The kind each label must give (written out, not computed by the importer's table).
fn expected_kind(label: &str) -> RoomKind {
    match label {
        "LDK" => RoomKind::Ldk,
        "和室 6帖" | "洋室 4.5帖" | "書斎" | "洋室1 8帖" | "洋室2 8帖" | "洋室3 6帖" | "主寝室" => {
            RoomKind::Private
        }
        "押入" | "収納" | "CL" | "納戸" => RoomKind::Storage,
        "洗面脱衣" => RoomKind::Washroom,
        "浴室" => RoomKind::Bath,
        "廊下" | "ホール" => RoomKind::Corridor,
        "便所" | "トイレ" => RoomKind::Toilet,
        "階段" => RoomKind::Stairs,
        "玄関" => RoomKind::Entrance,
        "" => RoomKind::Other,
        other => panic!("no expected kind for {other}"),
    }
}

/// Every room of the layout is found once, with its name, kind, exact 壁芯 area and its
/// rectangle (the storey aligned to its bounding box), and nothing else is.
fn assert_rooms(storey: &Storey, defs: &[RoomDef]) {
    assert_eq!(storey.rooms.len(), defs.len(), "rooms of {}", storey.name);
    for def in defs {
        let name = if def.label.is_empty() {
            "室1"
        } else {
            def.label
        };
        let room = storey
            .rooms
            .iter()
            .find(|r| r.name == name)
            .unwrap_or_else(|| panic!("{} has no room {name}", storey.name));
        assert_eq!(room.kind, expected_kind(def.label), "{name}");
        let [x0, y0, x1, y1] = def.rect;
        assert_eq!(
            signed_area_twice_mm2(&room.polygon).abs(),
            2 * i128::from((x1 - x0) * (y1 - y0)),
            "{name}: 壁芯 area"
        );
        let (lo, hi) = bounds(&room.polygon).expect("a polygon");
        assert_eq!([lo.x, lo.y, hi.x, hi.y], def.rect, "{name}: rectangle");
        assert_eq!(
            ((x1 - x0) * (y1 - y0)) as f64 / 1e6,
            house::area_m2(def),
            "{name}"
        );
    }
}

/// Each edge of each room is 150 mm thick on the building's outline, 120 mm inside.
fn assert_thicknesses(storey: &Storey) {
    for room in &storey.rooms {
        assert_eq!(
            room.wall_thickness_mm.len(),
            room.polygon.len(),
            "{}",
            room.name
        );
        for (e, t) in room.wall_thickness_mm.iter().enumerate() {
            let a = room.polygon[e];
            let b = room.polygon[(e + 1) % room.polygon.len()];
            let outline = (a.x == b.x && (a.x == 0 || a.x == 7280))
                || (a.y == b.y && (a.y == 0 || a.y == 9100));
            let expected = if outline { EXTERIOR_MM } else { INTERIOR_MM } as u32;
            assert_eq!(*t, Some(expected), "{} edge {e}", room.name);
        }
    }
}

/// Openings as (room name, door?, offset, width), sorted.
fn openings(storey: &Storey) -> Vec<(String, bool, u32, u32)> {
    let mut out: Vec<_> = storey
        .openings
        .iter()
        .map(|o| {
            let room = storey.rooms.iter().find(|r| r.id == o.room).expect("room");
            (
                room.name.clone(),
                matches!(o.kind, OpeningKind::Door { .. }),
                o.offset_mm,
                o.width_mm,
            )
        })
        .collect();
    out.sort();
    out
}

fn s(name: &str, door: bool, offset: u32, width: u32) -> (String, bool, u32, u32) {
    (name.to_owned(), door, offset, width)
}

/// The 1F doors (each on the room it opens into, or the only room on its wall) and
/// windows, offsets from the edge's start vertex.
fn first_openings() -> Vec<(String, bool, u32, u32)> {
    let mut v = vec![
        s("玄関", true, 300, 780),
        s("廊下", true, 580, 780),
        s("和室 6帖", true, 1660, 780),
        s("洗面脱衣", true, 70, 780),
        s("洗面脱衣", true, 440, 780),
        s("廊下", true, 130, 700),
        s("洋室 4.5帖", true, 270, 780),
        s("LDK", false, 455, 1690),
        s("LDK", false, 1950, 1690),
        s("和室 6帖", false, 455, 1690),
        s("書斎", false, 380, 1200),
    ];
    v.sort();
    v
}

fn second_openings() -> Vec<(String, bool, u32, u32)> {
    let mut v = vec![
        s("洋室1 8帖", true, 860, 780),
        s("洋室2 8帖", true, 110, 720),
        s("主寝室", true, 820, 780),
        s("ホール", true, 140, 700),
        s("洋室1 8帖", false, 910, 1690),
        s("洋室2 8帖", false, 1365, 1690),
        s("主寝室", false, 540, 1690),
        s("洋室3 6帖", false, 910, 1690),
    ];
    v.sort();
    v
}

fn has_unused(
    result: &madori_cad::Import,
    entity: &str,
    layer: &str,
    reason: Reason,
    count: usize,
) {
    assert!(
        result.unused.iter().any(|u| u.entity == entity
            && u.layer == layer
            && u.reason == reason
            && u.count == count),
        "expected {count} × {entity} on {layer} for {reason:?}, got {:#?}",
        result.unused
    );
}

fn assert_windows_exterior(storey: &Storey) {
    for o in &storey.openings {
        if let OpeningKind::Window {
            exterior,
            height_mm,
            ..
        } = o.kind
        {
            assert!(exterior, "{}", o.id);
            assert_eq!(
                height_mm, None,
                "a window's height is not in a plan drawing"
            );
        }
    }
}

#[test]
fn jw_cad_r12_shift_jis_two_storeys() {
    let bytes = fixture("house_r12_sjis.dxf");
    let result = import(&bytes, &ImportOptions::default()).expect("imports");
    assert!(madori_plan::validate::validate(&result.plan).is_empty());
    assert_eq!(result.encoding.encoding, TextEncoding::ShiftJis);
    assert_eq!(result.encoding.declared_code_page, None);
    assert!(!result.encoding.replaced_bytes);
    assert_eq!(result.unit, Unit::Millimetre);
    assert!(!result.unit_from_caller);
    assert_eq!(result.proposal.header, None);
    assert_eq!(result.walls, WallDrawing::DoubleLines);
    assert_eq!(result.longest_wall_mm, 9_100);
    assert_eq!(result.scale_check_en, "the longest wall is 9,100 mm");
    assert_eq!(result.scale_check_ja, "最も長い壁は 9,100 mm です");
    let storeys = &result.plan.storeys;
    assert_eq!(
        storeys
            .iter()
            .map(|s| (s.id.as_str(), s.name.as_str()))
            .collect::<Vec<_>>(),
        [("1f", "1F"), ("2f", "2F")]
    );
    assert_rooms(&storeys[0], &FIRST);
    assert_rooms(&storeys[1], &SECOND);
    for storey in storeys {
        assert_thicknesses(storey);
        assert_windows_exterior(storey);
    }
    assert_eq!(openings(&storeys[0]), first_openings());
    assert_eq!(openings(&storeys[1]), second_openings());
    // Grid lines are not walls here, their bubbles and labels are listed, the dimension
    // layer is not chosen, the jambs are not walls, the area note is not a name.
    has_unused(&result, "LINE", "通り芯", Reason::ReferenceLineIgnored, 14);
    has_unused(&result, "CIRCLE", "通り芯", Reason::Circle, 14);
    has_unused(&result, "TEXT", "通り芯", Reason::TextOutsideRooms, 14);
    has_unused(&result, "LINE", "寸法", Reason::LayerNotChosen, 2);
    has_unused(&result, "TEXT", "寸法", Reason::LayerNotChosen, 2);
    has_unused(&result, "TEXT", "文字", Reason::ExtraText, 1);
    assert!(result
        .unused
        .iter()
        .any(|u| u.reason == Reason::NotAWall && u.layer == "壁"));
    assert!(!result
        .unused
        .iter()
        .any(|u| matches!(u.reason, Reason::DoorNotOnWall | Reason::WindowNotOnWall)));
    assert_eq!(result.unused_left_off, 0);
}

#[test]
fn r2007_utf8_declaring_ansi_932_in_centimetres() {
    let bytes = fixture("house_r2007_cm.dxf");
    let result = import(&bytes, &ImportOptions::default()).expect("imports");
    assert!(madori_plan::validate::validate(&result.plan).is_empty());
    assert_eq!(result.encoding.encoding, TextEncoding::Utf8);
    assert_eq!(
        result.encoding.declared_code_page.as_deref(),
        Some("ANSI_932")
    );
    // $INSUNITS says mm; the door swings, wall thicknesses and module say cm.
    assert_eq!(result.proposal.header, Some(Unit::Millimetre));
    assert_eq!(result.unit, Unit::Centimetre);
    assert!(
        result
            .proposal
            .reason_en
            .starts_with("cm: 100% of 11 door swings"),
        "{}",
        result.proposal.reason_en
    );
    assert_eq!(result.walls, WallDrawing::DoubleLines);
    assert_eq!(result.longest_wall_mm, 9_100);
    let storeys = &result.plan.storeys;
    assert_rooms(&storeys[0], &FIRST);
    assert_rooms(&storeys[1], &SECOND);
    for storey in storeys {
        assert_thicknesses(storey);
    }
    assert_eq!(openings(&storeys[0]), first_openings());
    assert_eq!(openings(&storeys[1]), second_openings());
    has_unused(&result, "LINE", "通り芯", Reason::ReferenceLineIgnored, 14);
}

#[test]
fn the_caller_chooses_the_unit() {
    let bytes = fixture("house_r2007_cm.dxf");
    let options = ImportOptions {
        unit: Some(Unit::PaperMm { scale: 10 }),
        ..ImportOptions::default()
    };
    let result = import(&bytes, &options).expect("imports");
    assert!(result.unit_from_caller);
    assert_eq!(result.unit, Unit::PaperMm { scale: 10 });
    assert_rooms(&result.plan.storeys[0], &FIRST);
    // In metres the 1F would span 9.1 km.
    let metres = ImportOptions {
        unit: Some(Unit::Metre),
        ..ImportOptions::default()
    };
    let error = import(&fixture("house_r12_sjis.dxf"), &metres).expect_err("too large");
    assert_eq!(error.kind, madori_cad::ErrorKind::OutOfRange);
    assert!(error.message_en.contains("check the unit"), "{error}");
    assert!(
        error.message_ja.contains("単位を確かめてください"),
        "{error}"
    );
}

#[test]
fn single_centre_lines_with_gaps_and_duplicates() {
    let bytes = fixture("gaps_r12.dxf");
    let result = import(&bytes, &ImportOptions::default()).expect("imports");
    assert!(madori_plan::validate::validate(&result.plan).is_empty());
    assert_eq!(result.encoding.encoding, TextEncoding::Utf8);
    assert_eq!(result.unit, Unit::Millimetre);
    assert_eq!(result.walls, WallDrawing::CentreLines);
    assert_eq!(result.plan.storeys.len(), 1);
    let storey = &result.plan.storeys[0];
    assert_rooms(storey, &FIRST);
    // Thickness unknown: the construction's defaults apply.
    assert!(storey.rooms.iter().all(|r| r.wall_thickness_mm.is_empty()));
    let found = openings(storey);
    assert_eq!(found.iter().filter(|o| o.1).count(), 7, "{found:?}");
    assert_eq!(found.iter().filter(|o| !o.1).count(), 4, "{found:?}");
    assert_eq!(
        found.iter().map(|o| o.3).collect::<Vec<_>>(),
        openings_widths(&first_openings())
    );
}

fn openings_widths(list: &[(String, bool, u32, u32)]) -> Vec<u32> {
    list.iter().map(|o| o.3).collect()
}

#[test]
fn survey_lists_layers_with_counts_and_roles() {
    let survey = survey(&fixture("house_r12_sjis.dxf")).expect("reads");
    assert_eq!(survey.version, "R12");
    assert_eq!(survey.encoding.encoding, TextEncoding::ShiftJis);
    let layer = |name: &str| survey.layers.iter().find(|l| l.name == name).expect(name);
    assert_eq!(layer("壁").role, LayerRole::Walls);
    assert_eq!(layer("壁").counts.get("LINE"), Some(&170));
    assert_eq!(layer("建具").role, LayerRole::Openings);
    assert_eq!(layer("建具").counts.get("INSERT"), Some(&11));
    assert_eq!(layer("建具").counts.get("ARC"), Some(&11));
    assert_eq!(layer("文字").role, LayerRole::Labels);
    assert_eq!(layer("文字").counts.get("TEXT"), Some(&24));
    assert_eq!(layer("通り芯").role, LayerRole::ReferenceLines);
    assert_eq!(layer("寸法").role, LayerRole::Ignore);
    assert!(!layer("寸法").selected);
    assert!(layer("壁").selected);
    assert_eq!(survey.units.unit, Unit::Millimetre);
}

#[test]
fn chosen_layers_and_roles_are_used() {
    let bytes = fixture("house_r12_sjis.dxf");
    // Without the labels layer the rooms are numbered, and the layer is listed as unused.
    let layers = ["壁", "建具", "通り芯"]
        .into_iter()
        .map(|name| madori_cad::LayerChoice {
            name: name.into(),
            role: match name {
                "壁" => LayerRole::Walls,
                "建具" => LayerRole::Openings,
                _ => LayerRole::ReferenceLines,
            },
        })
        .collect();
    let options = ImportOptions {
        layers: Some(layers),
        ..ImportOptions::default()
    };
    let result = import(&bytes, &options).expect("imports");
    let first = &result.plan.storeys[0];
    assert_eq!(first.rooms.len(), 12);
    assert!(first
        .rooms
        .iter()
        .all(|r| r.name.starts_with('室') && r.kind == RoomKind::Other));
    has_unused(&result, "TEXT", "文字", Reason::LayerNotChosen, 24);
    // Without labels nothing says which cluster is the 1F: left to right.
    assert_eq!(result.plan.storeys[1].rooms.len(), 10);
}
