//! Encodings whatever the header declares, and units whatever `$INSUNITS` says.

#[path = "common/dxf.rs"]
mod dxf;
#[path = "common/house.rs"]
mod house;

use madori_cad::{import, survey, ImportOptions, TextEncoding, Unit};

/// One 3,640 × 2,730 room labelled `label`, with `header` variables, as UTF-8 text.
fn labelled_room(header: &str, label: &str) -> String {
    let mut w = dxf::Writer::default();
    w.rect("WALL", 0.0, 0.0, 3640.0, 2730.0);
    w.text("TEXT", (1820.0, 1365.0), label);
    format!(
        "0\nSECTION\n2\nHEADER\n{header}0\nENDSEC\n0\nSECTION\n2\nENTITIES\n{}0\nENDSEC\n0\nEOF\n",
        w.text
    )
}

fn name_of(bytes: &[u8]) -> (String, madori_cad::EncodingReport) {
    let result = import(bytes, &ImportOptions::default()).expect("imports");
    (
        result.plan.storeys[0].rooms[0].name.clone(),
        result.encoding,
    )
}

#[test]
fn shift_jis_is_read_whatever_the_code_page_says() {
    for header in [
        "9\n$ACADVER\n1\nAC1009\n",
        "9\n$ACADVER\n1\nAC1009\n9\n$DWGCODEPAGE\n3\nANSI_932\n",
        "9\n$ACADVER\n1\nAC1015\n9\n$DWGCODEPAGE\n3\nANSI_1252\n",
    ] {
        let text = labelled_room(header, "洋室 6帖");
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
        let (name, report) = name_of(&sjis);
        assert_eq!(name, "洋室 6帖", "{header}");
        assert_eq!(report.encoding, TextEncoding::ShiftJis);
        assert!(report.reason_en.contains("read as Shift_JIS"));
    }
}

#[test]
fn utf8_is_read_once_even_when_the_header_says_932() {
    // R2007 makes the dxf crate switch to UTF-8 itself; R2000 does not. Either way the
    // text is decoded once.
    for version in ["AC1021", "AC1015"] {
        let header = format!("9\n$ACADVER\n1\n{version}\n9\n$DWGCODEPAGE\n3\nANSI_932\n");
        let (name, report) = name_of(labelled_room(&header, "和室").as_bytes());
        assert_eq!(name, "和室", "{version}");
        assert_eq!(report.encoding, TextEncoding::Utf8);
        assert_eq!(report.declared_code_page.as_deref(), Some("ANSI_932"));
    }
}

#[test]
fn escapes_in_ascii_files_are_resolved() {
    let text = labelled_room("9\n$ACADVER\n1\nAC1009\n", "\\U+6D0B\\U+5BA4 \\M+1976D");
    let (name, report) = name_of(text.as_bytes());
    assert_eq!(report.encoding, TextEncoding::Ascii);
    assert_eq!(name, "洋室 洋");
}

#[test]
fn invalid_shift_jis_bytes_are_replaced_and_reported() {
    let mut bytes = labelled_room("9\n$ACADVER\n1\nAC1009\n", "LDK").into_bytes();
    // A Shift_JIS lead byte followed by a byte no trail byte can be, inside the label.
    let at = bytes
        .windows(3)
        .position(|w| w == b"LDK")
        .expect("the label");
    bytes.splice(at + 3..at + 3, [0x81, 0x20]);
    let (name, report) = name_of(&bytes);
    assert_eq!(report.encoding, TextEncoding::ShiftJis);
    assert!(report.replaced_bytes);
    assert!(name.starts_with("LDK"));
}

/// The 1F of the house as single centre lines with door swings, drawn at `1 / scale` of
/// millimetres, with `$INSUNITS` = mm.
fn paper_drawing(scale: f64) -> Vec<u8> {
    let mut w = dxf::Writer::default();
    for (a, b) in house::centre_runs(&house::walls(&house::FIRST)) {
        w.line(
            "WALL",
            (a.0 as f64 / scale, -a.1 as f64 / scale),
            (b.0 as f64 / scale, -b.1 as f64 / scale),
        );
    }
    for o in house::FIRST_OPENINGS.iter().filter(|o| o.door.is_some()) {
        let (x, y) = if o.horizontal {
            (o.from, o.at)
        } else {
            (o.at, o.from)
        };
        w.arc(
            "DOOR",
            (x as f64 / scale, -y as f64 / scale),
            (o.to - o.from) as f64 / scale,
            0.0,
            90.0,
        );
    }
    let header = "0\nSECTION\n2\nHEADER\n9\n$ACADVER\n1\nAC1015\n9\n$INSUNITS\n70\n4\n0\nENDSEC\n";
    format!(
        "{header}0\nSECTION\n2\nENTITIES\n{}0\nENDSEC\n0\nEOF\n",
        w.text
    )
    .into_bytes()
}

#[test]
fn a_drawing_at_paper_scale_is_recognised() {
    let bytes = paper_drawing(100.0);
    let proposal = survey(&bytes).expect("reads").units;
    assert_eq!(proposal.header, Some(Unit::Millimetre));
    assert_eq!(proposal.unit, Unit::PaperMm { scale: 100 });
    assert!(
        proposal.reason_en.starts_with("paper mm at 1:100"),
        "{}",
        proposal.reason_en
    );
    assert!(proposal.reason_ja.starts_with("図面上の mm (縮尺 1/100)"));
    let result = import(&bytes, &ImportOptions::default()).expect("imports");
    let mut areas: Vec<i128> = result.plan.storeys[0]
        .rooms
        .iter()
        .map(|r| madori_plan::geometry::signed_area_twice_mm2(&r.polygon).abs())
        .collect();
    areas.sort_unstable();
    let mut expected: Vec<i128> = house::FIRST
        .iter()
        .map(|r| 2 * i128::from((r.rect[2] - r.rect[0]) * (r.rect[3] - r.rect[1])))
        .collect();
    expected.sort_unstable();
    assert_eq!(areas, expected);
    // At 1:1 the header is right and stays.
    assert_eq!(
        survey(&paper_drawing(1.0)).expect("reads").units.unit,
        Unit::Millimetre
    );
}
