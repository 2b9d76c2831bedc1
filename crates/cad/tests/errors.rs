//! Every refusal gives its reason in Japanese and English, at each limit exactly; what
//! cannot be used is listed, not fatal.

#[path = "common/dxf.rs"]
mod dxf;

use madori_cad::{
    import, survey, ErrorKind, ImportError, ImportOptions, LayerChoice, LayerRole, Reason, Unit,
    MAX_BYTES, MAX_FILE_ENTITIES, MAX_PRIMITIVES,
};

fn refused(bytes: &[u8], options: &ImportOptions, kind: ErrorKind) -> ImportError {
    let error = import(bytes, options).expect_err("refused");
    assert_eq!(error.kind, kind, "{error}");
    assert!(!error.message_ja.is_empty() && !error.message_en.is_empty());
    assert!(error.to_string().contains(&error.message_en));
    assert!(error.to_string().contains(&error.message_ja));
    error
}

/// A 3,640 × 2,730 room drawn with single lines on layer WALL.
fn room() -> dxf::Writer {
    let mut w = dxf::Writer::default();
    w.rect("WALL", 0.0, 0.0, 3640.0, 2730.0);
    w
}

#[test]
fn size_limit_exactly() {
    let error = refused(
        &vec![b' '; MAX_BYTES + 1],
        &ImportOptions::default(),
        ErrorKind::TooLarge,
    );
    assert!(error.message_en.contains(&MAX_BYTES.to_string()));
    // At the limit the size passes (and the spaces fail later, as not a drawing).
    let error = import(&vec![b' '; MAX_BYTES], &ImportOptions::default()).expect_err("no drawing");
    assert_ne!(error.kind, ErrorKind::TooLarge);
}

#[test]
fn binary_dxf_and_dxb_are_refused() {
    let error = refused(
        b"AutoCAD Binary DXF\r\n\x1a\x00\x00\x00SECTION\x00",
        &ImportOptions::default(),
        ErrorKind::Unsupported,
    );
    assert!(error.message_en.contains("ASCII DXF"));
    refused(
        b"AutoCAD DXB 1.0\r\n\x1a\x00",
        &ImportOptions::default(),
        ErrorKind::Unsupported,
    );
}

#[test]
fn unreadable_text_is_a_parse_error() {
    let error = refused(
        b"hello\nworld\n",
        &ImportOptions::default(),
        ErrorKind::Parse,
    );
    assert!(error.message_en.starts_with("not a readable DXF file"));
    assert!(error.message_ja.starts_with("DXF として読めません"));
}

#[test]
fn entity_limit_exactly() {
    let at = "0\nLINE\n".repeat(MAX_FILE_ENTITIES);
    // At the limit the pre-scan passes; the crate then says what is wrong.
    let error = import(at.as_bytes(), &ImportOptions::default()).expect_err("not a drawing");
    assert_eq!(error.kind, ErrorKind::Parse);
    let over = "0\nLINE\n".repeat(MAX_FILE_ENTITIES + 1);
    let error = refused(
        over.as_bytes(),
        &ImportOptions::default(),
        ErrorKind::TooMany,
    );
    assert!(error.message_en.contains(&MAX_FILE_ENTITIES.to_string()));
}

#[test]
fn a_colour_the_dxf_crate_cannot_negate_is_refused() {
    // dxf 0.6.2 reads colour -32768 as i16::MIN and takes abs(): an overflow.
    let table = |colour: &str| {
        let mut bytes =
            b"0\nSECTION\n2\nTABLES\n0\nTABLE\n2\nLAYER\n0\nLAYER\n2\nWALL\n70\n0\n62\n".to_vec();
        bytes.extend_from_slice(colour.as_bytes());
        bytes.extend_from_slice(b"\n0\nENDTAB\n0\nENDSEC\n0\nSECTION\n2\nENTITIES\n");
        bytes.extend_from_slice(room().text.as_bytes());
        bytes.extend_from_slice(b"0\nENDSEC\n0\nEOF\n");
        bytes
    };
    for bad in ["-32768", "-32768.0", "-1e9"] {
        let error = refused(&table(bad), &ImportOptions::default(), ErrorKind::Parse);
        assert!(error.message_en.contains("colour number"), "{error}");
    }
    let ok = import(&table("-32767"), &ImportOptions::default()).expect("a layer turned off");
    assert_eq!(ok.plan.storeys[0].rooms.len(), 1);
}

#[test]
fn options_out_of_range() {
    let bytes = dxf::file("", &room().text);
    let base = ImportOptions::default();
    for (options, word) in [
        (
            ImportOptions {
                snap_mm: 501,
                ..base.clone()
            },
            "snap",
        ),
        (
            ImportOptions {
                wall_thickness_mm: (9, 300),
                ..base.clone()
            },
            "wall thickness",
        ),
        (
            ImportOptions {
                wall_thickness_mm: (60, 1_001),
                ..base.clone()
            },
            "wall thickness",
        ),
        (
            ImportOptions {
                wall_thickness_mm: (300, 60),
                ..base.clone()
            },
            "wall thickness",
        ),
        (
            ImportOptions {
                max_opening_mm: 10_001,
                ..base.clone()
            },
            "opening",
        ),
        (
            ImportOptions {
                unit: Some(Unit::PaperMm { scale: 0 }),
                ..base.clone()
            },
            "scale",
        ),
        (
            ImportOptions {
                unit: Some(Unit::PaperMm { scale: 10_001 }),
                ..base.clone()
            },
            "scale",
        ),
    ] {
        let error = refused(&bytes, &options, ErrorKind::BadOption);
        assert!(error.message_en.contains(word), "{error}");
    }
    // Each limit itself is accepted.
    for options in [
        ImportOptions {
            snap_mm: 500,
            ..base.clone()
        },
        ImportOptions {
            wall_thickness_mm: (10, 1_000),
            ..base.clone()
        },
        ImportOptions {
            max_opening_mm: 10_000,
            ..base.clone()
        },
        ImportOptions {
            unit: Some(Unit::PaperMm { scale: 1 }),
            ..base.clone()
        },
    ] {
        import(&bytes, &options).expect("accepted");
    }
    let unknown = ImportOptions {
        layers: Some(vec![LayerChoice {
            name: "柱".into(),
            role: LayerRole::Walls,
        }]),
        ..base
    };
    let error = refused(&bytes, &unknown, ErrorKind::BadOption);
    assert!(error.message_ja.contains("レイヤー「柱」はありません"));
}

#[test]
fn nothing_to_import() {
    let mut texts = dxf::Writer::default();
    texts.text("TEXT", (0.0, 0.0), "洋室");
    let error = refused(
        &dxf::file("", &texts.text),
        &ImportOptions::default(),
        ErrorKind::Empty,
    );
    assert!(error.message_en.contains("no wall lines"));
    let mut one = dxf::Writer::default();
    one.line("WALL", (0.0, 0.0), (3640.0, 0.0));
    let error = refused(
        &dxf::file("", &one.text),
        &ImportOptions::default(),
        ErrorKind::NoRooms,
    );
    assert!(error.message_en.contains("no closed room outline"));
}

#[test]
fn dense_parallel_lines_are_too_complex() {
    // 35,000 lines 4 mm apart: each has some 60 partners at a wall's thickness.
    let mut w = dxf::Writer::default();
    for k in 0..35_000 {
        let y = f64::from(k) * 4.0;
        w.line("WALL", (0.0, y), (1000.0, y));
    }
    let options = ImportOptions {
        unit: Some(Unit::Millimetre),
        ..ImportOptions::default()
    };
    let error = refused(&dxf::file("", &w.text), &options, ErrorKind::TooComplex);
    assert!(error.message_en.contains("parallel lines"));
}

#[test]
fn block_expansion_is_bounded() {
    let mut inside = dxf::Writer::default();
    for k in 0..101 {
        inside.line("0", (f64::from(k), 0.0), (f64::from(k), 10.0));
    }
    let blocks = dxf::block("MANY", &inside.text);
    let mut w = room();
    w.insert("WALL", "MANY", (0.0, 0.0));
    w.pair(70, 100).pair(71, 100).pair(44, 200).pair(45, 200);
    let error = refused(
        &dxf::file(&blocks, &w.text),
        &ImportOptions::default(),
        ErrorKind::TooMany,
    );
    assert!(error.message_en.contains(&MAX_PRIMITIVES.to_string()));
}

#[test]
fn an_array_of_blocks_holding_nothing_usable_stops() {
    let mut inside = dxf::Writer::default();
    inside
        .pair(0, "CIRCLE")
        .pair(8, "0")
        .pair(10, 0)
        .pair(20, 0)
        .pair(40, 50);
    let blocks = dxf::block("EMPTY", &inside.text);
    let mut w = room();
    w.insert("WALL", "EMPTY", (0.0, 0.0));
    w.pair(70, 32767).pair(71, 32767).pair(44, 1).pair(45, 1);
    // 32767² instances that push nothing: the visits, not the primitives, hit the limit.
    let error = refused(
        &dxf::file(&blocks, &w.text),
        &ImportOptions::default(),
        ErrorKind::TooMany,
    );
    assert!(error.message_en.contains("blocks are expanded"));
}

#[test]
fn blocks_that_cannot_be_expanded_are_listed() {
    let mut own = dxf::Writer::default();
    own.insert("0", "SELF", (10.0, 10.0));
    let blocks = dxf::block("SELF", &own.text);
    let mut w = room();
    w.insert("WALL", "SELF", (0.0, 0.0));
    w.insert("WALL", "NOPE", (0.0, 0.0));
    // A door swing far from any wall.
    w.arc("DOOR", (20_000.0, 20_000.0), 800.0, 0.0, 90.0);
    let result = import(&dxf::file(&blocks, &w.text), &ImportOptions::default()).expect("imports");
    let has = |reason: Reason| result.unused.iter().any(|u| u.reason == reason);
    assert!(has(Reason::NestedTooDeep));
    assert!(has(Reason::MissingBlock));
    assert!(has(Reason::DoorNotOnWall));
    assert_eq!(result.plan.storeys[0].rooms.len(), 1);
}

#[test]
fn survey_refuses_like_import() {
    let error = survey(b"hello\n").expect_err("refused");
    assert_eq!(error.kind, ErrorKind::Parse);
}
