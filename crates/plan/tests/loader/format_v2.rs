//! Format version 2: the migration from version 1, and the check settings, underlays,
//! variants and embedded images it added, each with its limits.

use madori_plan::format::{from_json, to_json, FORMAT_VERSION};
use madori_plan::validate::{MAX_UNDERLAY_PX, MAX_VARIANTS, UNDERLAY_MM_PER_PX};
use madori_plan::{
    templates, CheckSettings, CheckValue, DoorOperation, EmbeddedImage, OpeningKind, Plan, PointMm,
    Underlay, Variant,
};
use serde_json::{json, Value};

fn template(name: &str) -> Plan {
    from_json(templates::get(name).unwrap()).unwrap()
}

/// A plan using every part of version 2.
fn full() -> Plan {
    let mut plan = template("wooden-house-shared");
    plan.check = Some(CheckSettings {
        profile: "sh-single".into(),
        local_override: Some("toshima".into()),
        values: vec![CheckValue {
            key: "area.basis_interior".into(),
            value: 1.0,
            source: "豊島区との協議 2026-10".into(),
        }],
    });
    plan.storeys[0].underlay = Some(Underlay {
        image: "img-1".into(),
        width_px: 4032,
        height_px: 3024,
        origin: PointMm::new(-1200, -800),
        mm_per_px: 7.4231,
        rotation_deg: -1.25,
        opacity_percent: 40,
        hidden: false,
        locked: true,
    });
    plan.images = vec![EmbeddedImage {
        id: "img-1".into(),
        data_url: "data:image/png;base64,iVBORw0KGgo=".into(),
    }];
    let existing = template("kodan-3dk");
    plan.variants = vec![Variant {
        id: "proposal-a".into(),
        name: "計画案A".into(),
        note: "和室を二つの個室に分けます".into(),
        dwelling: existing.dwelling.clone(),
        check: None,
        storeys: existing.storeys.clone(),
    }];
    plan
}

fn with(plan: &Plan, path: &[&str], value: Value) -> String {
    let mut json: Value = serde_json::from_str(&to_json(plan)).unwrap();
    let mut at = &mut json;
    for key in &path[..path.len() - 1] {
        at = match key.parse::<usize>() {
            Ok(i) => &mut at[i],
            Err(_) => &mut at[*key],
        };
    }
    at[path[path.len() - 1]] = value;
    json.to_string()
}

fn paths(text: &str) -> Vec<String> {
    from_json(text)
        .unwrap_err()
        .into_iter()
        .map(|p| p.path)
        .collect()
}

#[test]
fn a_version_1_file_opens_as_version_2_with_nothing_added() {
    let v1 = include_str!("v1-wooden-house-shared.json");
    assert!(v1.contains("\"format_version\": 1"));
    let plan = from_json(v1).unwrap();
    assert_eq!(plan.format_version, FORMAT_VERSION);
    assert_eq!(FORMAT_VERSION, 2);
    assert_eq!(plan.check, None);
    assert!(plan.variants.is_empty() && plan.images.is_empty());
    assert!(plan.storeys.iter().all(|s| s.underlay.is_none()));
    assert_eq!(plan, template("wooden-house-shared"));
    // Written again, it is a version 2 file without the new fields.
    let text = to_json(&plan);
    assert!(text.contains("\"format_version\": 2"));
    for absent in ["\"check\"", "\"variants\"", "\"images\"", "\"underlay\""] {
        assert!(
            !text.contains(absent),
            "{absent} written for a plan without it"
        );
    }
}

#[test]
fn every_part_of_version_2_survives_a_round_trip() {
    let plan = full();
    let text = to_json(&plan);
    assert_eq!(from_json(&text).unwrap(), plan);
}

#[test]
fn underlay_numbers_are_checked_at_their_limits() {
    let plan = full();
    let u = ["storeys", "0", "underlay"];
    let at = |key: &str, value: Value| {
        let mut path = u.to_vec();
        path.push(key);
        with(&plan, &path, value)
    };
    let (lo, hi) = UNDERLAY_MM_PER_PX;
    for ok in [json!(lo), json!(hi), json!(1)] {
        assert!(from_json(&at("mm_per_px", ok.clone())).is_ok(), "{ok}");
    }
    for bad in [json!(0), json!(lo / 2.0), json!(hi + 0.5), json!(-3)] {
        assert_eq!(
            paths(&at("mm_per_px", bad)),
            ["storeys[0].underlay.mm_per_px"]
        );
    }
    assert!(from_json(&at("rotation_deg", json!(360))).is_ok());
    assert!(from_json(&at("rotation_deg", json!(-360))).is_ok());
    assert_eq!(
        paths(&at("rotation_deg", json!(360.001))),
        ["storeys[0].underlay.rotation_deg"]
    );
    assert!(from_json(&at("opacity_percent", json!(100))).is_ok());
    assert!(from_json(&at("opacity_percent", json!(0))).is_ok());
    assert_eq!(
        paths(&at("opacity_percent", json!(101))),
        ["storeys[0].underlay.opacity_percent"]
    );
    assert!(from_json(&at("width_px", json!(MAX_UNDERLAY_PX))).is_ok());
    assert_eq!(
        paths(&at("width_px", json!(MAX_UNDERLAY_PX + 1))),
        ["storeys[0].underlay.width_px"]
    );
    assert_eq!(
        paths(&at("height_px", json!(0))),
        ["storeys[0].underlay.height_px"]
    );
    assert_eq!(
        paths(&at("mm_per_px", json!("7"))),
        ["storeys[0].underlay.mm_per_px"]
    );
    assert_eq!(paths(&at("extra", json!(1))), ["storeys[0].underlay.extra"]);
    assert_eq!(
        paths(&at("origin", json!([2_000_000, 0]))),
        ["storeys[0].underlay.origin"]
    );
}

#[test]
fn check_settings_are_checked_with_their_paths() {
    let plan = full();
    assert_eq!(
        paths(&with(&plan, &["check", "values", "0", "value"], json!("1"))),
        ["check.values[0].value"]
    );
    assert_eq!(
        paths(&with(&plan, &["check", "profile"], json!(" "))),
        ["check.profile"]
    );
    assert_eq!(
        paths(&with(&plan, &["check", "values", "0", "key"], json!(""))),
        ["check.values[0].key"]
    );
    assert_eq!(
        paths(&with(
            &plan,
            &["check", "values", "0", "source"],
            Value::Null
        )),
        ["check.values[0].source"]
    );
}

#[test]
fn variants_are_validated_as_plans_of_their_own() {
    let plan = full();
    // A broken room in a variant is reported under the variant's path.
    let text = with(
        &plan,
        &["variants", "0", "storeys", "0", "rooms", "0", "polygon"],
        json!([[0, 0], [1000, 0]]),
    );
    assert_eq!(paths(&text), ["variants[0].storeys[0].rooms[0].polygon"]);
    // Ids are unique within a state, not across states: the variant may reuse them.
    let mut same_ids = plan.clone();
    same_ids.variants[0].storeys = plan.storeys.clone();
    assert!(from_json(&to_json(&same_ids)).is_ok());
    // Variant ids are unique among variants.
    let mut twice = plan.clone();
    twice.variants.push(twice.variants[0].clone());
    assert_eq!(paths(&to_json(&twice)), ["variants[1].id"]);
    // At the limit, and one over.
    let mut many = plan.clone();
    many.variants = (0..MAX_VARIANTS)
        .map(|i| Variant {
            id: format!("v{i}"),
            ..plan.variants[0].clone()
        })
        .collect();
    assert!(from_json(&to_json(&many)).is_ok());
    many.variants.push(Variant {
        id: "one-more".into(),
        ..plan.variants[0].clone()
    });
    assert_eq!(paths(&to_json(&many)), ["variants"]);
}

#[test]
fn embedded_images_must_be_image_data_urls_with_unique_ids() {
    let plan = full();
    assert_eq!(
        paths(&with(
            &plan,
            &["images", "0", "data_url"],
            json!("https://example.com/a.png")
        )),
        ["images[0].data_url"]
    );
    assert_eq!(
        paths(&with(
            &plan,
            &["images", "0", "data_url"],
            json!("data:text/html;base64,AA==")
        )),
        ["images[0].data_url"]
    );
    let mut twice = plan.clone();
    twice.images.push(twice.images[0].clone());
    assert_eq!(paths(&to_json(&twice)), ["images[1].id"]);
}

#[test]
fn a_door_operation_is_an_optional_field_of_version_2() {
    let plan = template("kodan-3dk-shared");
    // Openings 5 and 6 are the template's doors.
    let door = ["storeys", "0", "openings", "6", "kind", "operation"];
    for operation in DoorOperation::ALL {
        let loaded = from_json(&with(&plan, &door, json!(operation.as_str()))).unwrap();
        assert_eq!(
            loaded.storeys[0].openings[6].kind,
            OpeningKind::Door {
                lockable: Some(true),
                operation: Some(operation),
            }
        );
        assert_eq!(from_json(&to_json(&loaded)).unwrap(), loaded);
    }
    // `null` is absent: a 開き戸, as files without the field always meant.
    assert_eq!(from_json(&with(&plan, &door, json!(null))).unwrap(), plan);
    // A window's operation is not a door's, nor the reverse; each is refused with its path
    // and the names the type takes.
    let problems = from_json(&with(&plan, &door, json!("casement"))).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, "storeys[0].openings[6].kind.operation");
    assert!(
        problems[0]
            .message_en
            .contains("casement\"; expected one of hinged, sliding, double_sliding, folding"),
        "{}",
        problems[0].message_en
    );
    assert!(problems[0].message_ja.contains("扉の開き方"));
    let window = ["storeys", "0", "openings", "0", "kind", "operation"];
    assert_eq!(
        paths(&with(&plan, &window, json!("double_sliding"))),
        ["storeys[0].openings[0].kind.operation"]
    );
    assert_eq!(
        paths(&with(&plan, &door, json!(1))),
        ["storeys[0].openings[6].kind.operation"]
    );
}
