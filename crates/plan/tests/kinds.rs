//! The `{"type": …}` objects of openings and fixtures: every kind writes and reads back as
//! itself, and reading one directly (without the loader's pre-check) is as strict as the
//! format: a field of another type, a missing field or an unknown type is refused.

use madori_plan::{DoorOperation, FixtureKind, OpeningKind, WindowOperation};

fn read<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

#[test]
fn every_kind_writes_and_reads_back_as_itself() {
    let fixtures = [
        FixtureKind::Toilet,
        FixtureKind::WashBasin { bowls: 2 },
        FixtureKind::Bath { tub: false },
        FixtureKind::Shower,
        FixtureKind::WashingMachine,
        FixtureKind::Kitchen {
            burners: 3,
            sink: true,
        },
        FixtureKind::Stairs,
    ];
    for kind in fixtures {
        let json = serde_json::to_string(&kind).unwrap();
        assert_eq!(read::<FixtureKind>(&json), Ok(kind), "{json}");
    }
    let openings = [
        OpeningKind::Door {
            lockable: None,
            operation: None,
        },
        OpeningKind::Door {
            lockable: Some(true),
            operation: None,
        },
        OpeningKind::Door {
            lockable: None,
            operation: Some(DoorOperation::Hinged),
        },
        OpeningKind::Door {
            lockable: Some(false),
            operation: Some(DoorOperation::Sliding),
        },
        OpeningKind::Door {
            lockable: None,
            operation: Some(DoorOperation::DoubleSliding),
        },
        OpeningKind::Door {
            lockable: Some(true),
            operation: Some(DoorOperation::Folding),
        },
        OpeningKind::Window {
            height_mm: None,
            exterior: true,
            operation: WindowOperation::Sliding,
        },
        OpeningKind::Window {
            height_mm: Some(1100),
            exterior: false,
            operation: WindowOperation::Fixed,
        },
    ];
    for kind in openings {
        let json = serde_json::to_string(&kind).unwrap();
        assert_eq!(read::<OpeningKind>(&json), Ok(kind), "{json}");
    }
    assert_eq!(
        serde_json::to_string(&FixtureKind::WashBasin { bowls: 2 }).unwrap(),
        r#"{"type":"wash_basin","bowls":2}"#
    );
    // A door whose operation is not given writes none: files that never had the field read
    // and write as before.
    assert_eq!(
        serde_json::to_string(&OpeningKind::Door {
            lockable: Some(true),
            operation: None,
        })
        .unwrap(),
        r#"{"type":"door","lockable":true}"#
    );
    assert_eq!(
        serde_json::to_string(&OpeningKind::Door {
            lockable: None,
            operation: Some(DoorOperation::DoubleSliding),
        })
        .unwrap(),
        r#"{"type":"door","operation":"double_sliding"}"#
    );
    for operation in DoorOperation::ALL {
        assert_eq!(
            serde_json::to_string(&operation).unwrap(),
            format!("\"{}\"", operation.as_str())
        );
    }
}

#[test]
fn a_null_optional_field_reads_as_absent() {
    assert_eq!(
        read::<OpeningKind>(r#"{"type":"door","lockable":null,"operation":null}"#),
        Ok(OpeningKind::Door {
            lockable: None,
            operation: None
        })
    );
}

fn refused<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str, says: &str) {
    match read::<T>(json) {
        Ok(kind) => panic!("{json} read as {kind:?}"),
        Err(error) => assert!(error.contains(says), "{json}: {error}"),
    }
}

#[test]
fn fields_of_another_type_missing_fields_and_unknown_types_are_refused() {
    let fixture = refused::<FixtureKind>;
    fixture(r#"{"type":"toilet","bowls":1}"#, "unknown field `bowls`");
    fixture(
        r#"{"type":"bath","tub":true,"sink":true}"#,
        "unknown field `sink`",
    );
    fixture(r#"{"type":"wash_basin"}"#, "missing field `bowls`");
    fixture(r#"{"type":"bath"}"#, "missing field `tub`");
    fixture(r#"{"type":"kitchen","burners":2}"#, "missing field `sink`");
    fixture(
        r#"{"type":"kitchen","sink":true}"#,
        "missing field `burners`",
    );
    fixture(r#"{"type":"sauna"}"#, "unknown variant `sauna`");
    fixture(r#"{"bowls":1}"#, "missing field `type`");
    fixture(
        r#"{"type":"toilet","colour":"white"}"#,
        "unknown field `colour`",
    );
    let opening = refused::<OpeningKind>;
    opening(
        r#"{"type":"door","exterior":true}"#,
        "unknown field `exterior`",
    );
    opening(
        r#"{"type":"door","height_mm":900}"#,
        "unknown field `height_mm`",
    );
    opening(
        r#"{"type":"window","exterior":true,"operation":"sliding","lockable":true}"#,
        "unknown field `lockable`",
    );
    opening(
        r#"{"type":"window","operation":"sliding"}"#,
        "missing field `exterior`",
    );
    opening(
        r#"{"type":"window","exterior":false}"#,
        "missing field `operation`",
    );
    opening(r#"{"type":"hatch"}"#, "unknown variant `hatch`");
    // `operation` is both types' field with names of its own for each (`sliding` is both).
    opening(
        r#"{"type":"door","operation":"casement"}"#,
        "unknown variant `casement`, expected one of `hinged`, `sliding`, `double_sliding`, `folding`",
    );
    opening(
        r#"{"type":"window","exterior":true,"operation":"double_sliding"}"#,
        "unknown variant `double_sliding`, expected one of `fixed`, `sliding`, `casement`",
    );
    opening(
        r#"{"type":"door","operation":"revolving"}"#,
        "unknown variant `revolving`",
    );
}
