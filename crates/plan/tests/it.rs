//! Integration tests of the plan crate: templates, round trips, migrations and validation.

use madori_plan::format::{from_json, to_json, FORMAT_VERSION};
use madori_plan::geometry::{first_self_intersection, locate, signed_area_twice_mm2, Location};
use madori_plan::{templates, PointMm, Problem};
use proptest::prelude::*;
use serde_json::{json, Value};

#[path = "loader/format_v2.rs"]
mod format_v2;
#[path = "loader/fuzz.rs"]
mod fuzz;
#[path = "loader/limits.rs"]
mod limits;
#[path = "loader/regressions.rs"]
mod regressions;
#[path = "loader/repairs.rs"]
mod repairs;

fn template_value(name: &str) -> Value {
    serde_json::from_str(templates::get(name).unwrap()).unwrap()
}

fn problems_of(value: &Value) -> Vec<Problem> {
    from_json(&value.to_string()).expect_err("the file should be rejected")
}

fn paths(problems: &[Problem]) -> Vec<&str> {
    problems.iter().map(|p| p.path.as_str()).collect()
}

#[test]
fn every_template_loads_and_round_trips() {
    for (name, text) in templates::TEMPLATES {
        let plan = from_json(text).unwrap_or_else(|p| panic!("{name}: {p:?}"));
        assert!(!plan.storeys.is_empty(), "{name}");
        let again = from_json(&to_json(&plan)).unwrap();
        assert_eq!(plan, again, "{name} changes in a save and load");
    }
}

#[test]
fn the_template_names_and_the_first_template_are_the_templates() {
    let names: Vec<&str> = templates::TEMPLATES.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, templates::NAMES);
    assert_eq!(templates::get(templates::FIRST.0), Some(templates::FIRST.1));
}

#[test]
fn unknown_template_is_none() {
    assert!(templates::get("castle").is_none());
}

#[test]
fn invalid_json_reports_line_and_column() {
    let problems = from_json("{\"format_version\": 1,\n  \"name\": }").unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].message_en.contains("line 2"),
        "{}",
        problems[0].message_en
    );
}

#[test]
fn missing_and_future_format_versions_are_rejected() {
    let mut value = template_value("kodan-3dk");
    value.as_object_mut().unwrap().remove("format_version");
    assert_eq!(paths(&problems_of(&value)), ["format_version"]);
    value["format_version"] = json!(FORMAT_VERSION + 1);
    let problems = problems_of(&value);
    assert!(problems[0].message_en.contains("newer Madori"));
    value["format_version"] = json!(0);
    assert_eq!(paths(&problems_of(&value)), ["format_version"]);
}

/// Each case mutates a valid template and names the path of the problem it must cause.
#[test]
fn validation_reports_each_problem_with_its_path() {
    type Mutation = fn(&mut Value);
    let cases: Vec<(&str, Mutation, &str)> = vec![
        (
            "self-intersecting room",
            |v| {
                v["storeys"][0]["rooms"][0]["polygon"] =
                    json!([[0, 0], [2730, 3640], [2730, 0], [0, 3640]])
            },
            "storeys[0].rooms[0].polygon",
        ),
        (
            "zero-area room",
            |v| v["storeys"][0]["rooms"][0]["polygon"] = json!([[0, 0], [1000, 0], [2000, 0]]),
            "storeys[0].rooms[0].polygon",
        ),
        (
            "two vertices",
            |v| v["storeys"][0]["rooms"][0]["polygon"] = json!([[0, 0], [1000, 0]]),
            "storeys[0].rooms[0].polygon",
        ),
        (
            "repeated vertex",
            |v| {
                v["storeys"][0]["rooms"][0]["polygon"] =
                    json!([[0, 0], [0, 0], [2730, 0], [2730, 3640], [0, 3640]])
            },
            "storeys[0].rooms[0].polygon[1]",
        ),
        (
            "overlapping rooms",
            |v| {
                v["storeys"][0]["rooms"][1]["polygon"] =
                    json!([[2000, 0], [5460, 0], [5460, 3640], [2000, 3640]])
            },
            "storeys[0].rooms[1].polygon",
        ),
        (
            "identical rooms",
            |v| {
                v["storeys"][0]["rooms"][1]["polygon"] =
                    v["storeys"][0]["rooms"][0]["polygon"].clone()
            },
            "storeys[0].rooms[1].polygon",
        ),
        (
            "huge coordinate",
            |v| v["storeys"][0]["rooms"][0]["polygon"][1] = json!([99_000_000, 0]),
            "storeys[0].rooms[0].polygon[1]",
        ),
        (
            "fractional coordinate",
            |v| v["storeys"][0]["rooms"][0]["polygon"][1] = json!([2730.5, 0]),
            "storeys[0].rooms[0].polygon[1]",
        ),
        (
            "enormous number",
            |v| v["storeys"][0]["rooms"][0]["polygon"][1] = json!([1e300, 0]),
            "storeys[0].rooms[0].polygon[1]",
        ),
        (
            "unknown room kind",
            |v| v["storeys"][0]["rooms"][0]["kind"] = json!("dungeon"),
            "storeys[0].rooms[0].kind",
        ),
        (
            "duplicate id",
            |v| v["storeys"][0]["rooms"][1]["id"] = json!("r1"),
            "storeys[0].rooms[1].id",
        ),
        (
            "fixture outside its room",
            |v| v["storeys"][0]["fixtures"][0]["at"] = json!([100, 100]),
            "storeys[0].fixtures[0].at",
        ),
        (
            "unknown fixture type",
            |v| v["storeys"][0]["fixtures"][0]["kind"] = json!({"type": "jacuzzi"}),
            "storeys[0].fixtures[0].kind.type",
        ),
        (
            "fixture in a missing room",
            |v| v["storeys"][0]["fixtures"][0]["room"] = json!("nowhere"),
            "storeys[0].fixtures[0].room",
        ),
        (
            "opening off the edge",
            |v| v["storeys"][0]["openings"][0]["offset_mm"] = json!(2000),
            "storeys[0].openings[0].width_mm",
        ),
        (
            "opening on a missing edge",
            |v| v["storeys"][0]["openings"][0]["edge"] = json!(9),
            "storeys[0].openings[0].edge",
        ),
        (
            "belongs to a missing room",
            |v| v["storeys"][0]["rooms"][0]["belongs_to"] = json!("ghost"),
            "storeys[0].rooms[0].belongs_to",
        ),
        (
            "occupancy on a corridor",
            |v| v["storeys"][0]["rooms"][8]["occupancy"] = json!({"persons": 1}),
            "storeys[0].rooms[8].occupancy",
        ),
        (
            "wall thickness list too short",
            |v| v["storeys"][0]["rooms"][0]["wall_thickness_mm"] = json!([120]),
            "storeys[0].rooms[0].wall_thickness_mm",
        ),
        (
            "absurd wall thickness",
            |v| v["storeys"][0]["rooms"][0]["wall_thickness_mm"] = json!([120, 5000, null, null]),
            "storeys[0].rooms[0].wall_thickness_mm[1]",
        ),
        (
            "bad start date",
            |v| v["dwelling"]["construction_started"] = json!("1981/06/01"),
            "dwelling.construction_started",
        ),
        ("no storeys", |v| v["storeys"] = json!([]), "storeys"),
        (
            "zero ceiling",
            |v| v["storeys"][0]["ceiling_height_mm"] = json!(0),
            "storeys[0].ceiling_height_mm",
        ),
    ];
    for (what, mutate, expected_path) in cases {
        let mut value = template_value("kodan-3dk");
        mutate(&mut value);
        let problems = problems_of(&value);
        assert!(
            paths(&problems).contains(&expected_path),
            "{what}: expected a problem at {expected_path}, got {problems:#?}"
        );
        for p in &problems {
            assert!(
                !p.message_en.is_empty() && !p.message_ja.is_empty(),
                "{what}: empty message"
            );
        }
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut value = template_value("kodan-3dk");
    value["storeys"][0]["rooms"][0]["kind"] = json!("dungeon");
    value["storeys"][0]["rooms"][2]["polygon"][0] = json!([0.5, 0]);
    value["storeys"][0]["fixtures"][1]["kind"] = json!({"type": "hot_tub"});
    assert_eq!(problems_of(&value).len(), 3);

    let mut value = template_value("kodan-3dk");
    value["storeys"][0]["fixtures"][1]["id"] = value["storeys"][0]["fixtures"][0]["id"].clone();
    value["storeys"][0]["fixtures"][0]["at"] = json!([100, 100]);
    value["dwelling"]["year_built"] = json!(3000);
    assert_eq!(problems_of(&value).len(), 3);
}

#[test]
fn rooms_sharing_a_wall_do_not_overlap() {
    // The templates are full of rooms sharing walls and vertices; they must stay valid.
    assert!(from_json(templates::get("wooden-house-4ldk").unwrap()).is_ok());
    // A room inside another, touching its boundary, overlaps.
    let mut value = template_value("kodan-3dk");
    value["storeys"][0]["rooms"][1]["polygon"] =
        json!([[0, 0], [1000, 0], [1000, 1000], [0, 1000]]);
    assert!(paths(&problems_of(&value)).contains(&"storeys[0].rooms[1].polygon"));
}

#[test]
fn garbage_never_panics() {
    for text in [
        "",
        "null",
        "[]",
        "{}",
        "{\"format_version\": 1}",
        "{\"format_version\": 1, \"storeys\": 5}",
        "{\"format_version\": 1, \"storeys\": [{\"rooms\": [{\"polygon\": 3}]}]}",
        "{\"format_version\": \"1\"}",
    ] {
        assert!(from_json(text).is_err(), "{text}");
    }
}

fn rect(x: i64, y: i64, w: i64, h: i64) -> Vec<PointMm> {
    vec![
        PointMm::new(x, y),
        PointMm::new(x + w, y),
        PointMm::new(x + w, y + h),
        PointMm::new(x, y + h),
    ]
}

proptest! {
    #[test]
    fn rectangles_are_simple_with_exact_area(x in -100_000i64..100_000, y in -100_000i64..100_000, w in 1i64..50_000, h in 1i64..50_000) {
        let r = rect(x, y, w, h);
        prop_assert_eq!(first_self_intersection(&r), None);
        prop_assert_eq!(signed_area_twice_mm2(&r).abs(), 2 * i128::from(w) * i128::from(h));
    }

    #[test]
    fn point_location_in_a_rectangle(x in -1000i64..1000, y in -1000i64..1000, px in -2000i64..2000, py in -2000i64..2000) {
        let r = rect(x, y, 500, 700);
        let expected = if px > x && px < x + 500 && py > y && py < y + 700 {
            Location::Inside
        } else if px >= x && px <= x + 500 && py >= y && py <= y + 700 {
            Location::Boundary
        } else {
            Location::Outside
        };
        prop_assert_eq!(locate(&r, PointMm::new(px, py)), expected);
    }

    #[test]
    fn reversing_winding_negates_area(x in -1000i64..1000, y in -1000i64..1000, w in 1i64..5000, h in 1i64..5000) {
        let r = rect(x, y, w, h);
        let mut reversed = r.clone();
        reversed.reverse();
        prop_assert_eq!(signed_area_twice_mm2(&r), -signed_area_twice_mm2(&reversed));
    }
}

/// The JSON Schema in docs/ must list exactly the kinds the code accepts.
#[test]
fn json_schema_matches_the_model() {
    let schema: Value =
        serde_json::from_str(include_str!("../../../docs/plan.schema.json")).unwrap();
    let kinds: Vec<&str> = schema["$defs"]["room"]["properties"]["kind"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        madori_plan::RoomKind::ALL.map(madori_plan::RoomKind::as_str)
    );
    let mut fixture_types: Vec<&str> = schema["$defs"]["fixture"]["properties"]["kind"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|alt| {
            let t = &alt["properties"]["type"];
            t.get("enum")
                .and_then(Value::as_array)
                .map(|a| a.iter().map(|v| v.as_str().unwrap()).collect::<Vec<_>>())
                .unwrap_or_else(|| vec![t["const"].as_str().unwrap()])
        })
        .collect();
    fixture_types.sort();
    let mut expected = madori_plan::FixtureKind::TYPE_NAMES.to_vec();
    expected.sort();
    assert_eq!(fixture_types, expected);
    let opening_kinds = schema["$defs"]["opening"]["properties"]["kind"]["oneOf"]
        .as_array()
        .unwrap();
    let door_operations: Vec<&Value> = opening_kinds
        .iter()
        .find(|k| k["properties"]["type"]["const"] == "door")
        .unwrap()["properties"]["operation"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .collect();
    let mut expected: Vec<Value> = madori_plan::DoorOperation::ALL
        .map(|o| json!(o.as_str()))
        .to_vec();
    expected.push(Value::Null);
    assert_eq!(door_operations, expected.iter().collect::<Vec<_>>());
    assert_eq!(
        schema["properties"]["format_version"]["const"],
        json!(FORMAT_VERSION)
    );
    // Every template uses only properties the schema names.
    let room_props = schema["$defs"]["room"]["properties"].as_object().unwrap();
    for (name, text) in templates::TEMPLATES {
        let plan: Value = serde_json::from_str(text).unwrap();
        for storey in plan["storeys"].as_array().unwrap() {
            for room in storey["rooms"].as_array().unwrap() {
                for key in room.as_object().unwrap().keys() {
                    assert!(
                        room_props.contains_key(key),
                        "{name}: room property {key} is not in the schema"
                    );
                }
            }
        }
    }
}

#[test]
fn unknown_inputs_and_family_households_load_and_round_trip() {
    let mut plan: serde_json::Value =
        serde_json::from_str(templates::get("kodan-3dk-shared").unwrap()).unwrap();
    plan["storeys"][0]["rooms"][0]["occupancy"] =
        serde_json::json!({"household": {"adults": 2, "children_ages": [2, 7]}});
    plan["dwelling"]["permit_date"] = "1971-02-01".into();
    for opening in plan["storeys"][0]["openings"].as_array_mut().unwrap() {
        let kind = opening["kind"].as_object_mut().unwrap();
        kind.remove("height_mm");
        kind.remove("lockable");
    }
    let loaded = madori_plan::format::from_json(&plan.to_string()).unwrap();
    assert_eq!(
        loaded.storeys[0].rooms[0].occupancy,
        Some(madori_plan::Occupancy::Household {
            adults: 2,
            children_ages: vec![2, 7]
        })
    );
    assert!(loaded.storeys[0].openings.iter().all(|o| matches!(
        o.kind,
        madori_plan::OpeningKind::Window {
            height_mm: None,
            ..
        } | madori_plan::OpeningKind::Door { lockable: None, .. }
    )));
    assert_eq!(
        madori_plan::format::from_json(&madori_plan::format::to_json(&loaded)).unwrap(),
        loaded
    );
    // A household needs an adult; a permit date must exist.
    plan["storeys"][0]["rooms"][0]["occupancy"]["household"]["adults"] = 0.into();
    plan["dwelling"]["permit_date"] = "1971-02-30".into();
    let problems = madori_plan::format::from_json(&plan.to_string()).unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert!(
        paths.contains(&"storeys[0].rooms[0].occupancy.household.adults"),
        "{paths:?}"
    );
    assert!(paths.contains(&"dwelling.permit_date"), "{paths:?}");
}
