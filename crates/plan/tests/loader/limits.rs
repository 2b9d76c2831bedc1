//! The loader's limits, type checks, dates and byte-order mark, at each boundary.

use madori_plan::format::{from_json, to_json, MAX_FILE_BYTES, MAX_PROBLEMS};
use madori_plan::validate::{
    parse_date, validate, MAX_BOWLS, MAX_BURNERS, MAX_CHILDREN, MAX_CHILD_AGE,
    MAX_OPENINGS_PER_STOREY, MAX_OPENING_MM, MAX_PERSONS_PER_ROOM, MAX_ROOMS, MAX_STOREYS,
    MAX_VERTICES, MAX_VERTICES_PER_ROOM,
};
use madori_plan::{templates, Problem};
use serde_json::{json, Value};

fn template_value(name: &str) -> Value {
    serde_json::from_str(templates::get(name).unwrap()).unwrap()
}

fn problems_of(value: &Value) -> Vec<Problem> {
    from_json(&value.to_string()).expect_err("the file should be refused")
}

fn paths(problems: &[Problem]) -> Vec<&str> {
    problems.iter().map(|p| p.path.as_str()).collect()
}

/// The problems of a template changed by `mutate` (empty when it loads).
fn after(mutate: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut value = template_value("kodan-3dk-shared");
    mutate(&mut value);
    from_json(&value.to_string()).err().unwrap_or_default()
}

fn has(problems: &[Problem], path: &str) -> bool {
    problems.iter().any(|p| p.path == path)
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = templates::get("kodan-3dk").unwrap();
    let with_bom = format!("\u{feff}{text}");
    assert_eq!(from_json(&with_bom).unwrap(), from_json(text).unwrap());
    // Only at the start: elsewhere it is not JSON.
    assert!(from_json(&format!("{text}\u{feff}")).is_err());
}

#[test]
fn files_over_the_size_limit_are_refused_before_parsing() {
    let text = templates::get("kodan-3dk").unwrap();
    let padded = |len: usize| format!("{text}{}", " ".repeat(len - text.len()));
    assert!(from_json(&padded(MAX_FILE_BYTES)).is_ok());
    let problems = from_json(&padded(MAX_FILE_BYTES + 1)).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message_en.contains("too large"), "{problems:?}");
}

#[test]
fn dates_must_exist() {
    for good in [
        "2024-02-29",
        "2000-02-29",
        "1981-05-31",
        "1981-12-31",
        "1981-04-30",
        "0001-01-01",
    ] {
        assert!(parse_date(good).is_some(), "{good}");
    }
    for bad in [
        "1981-02-31",
        "2023-02-29",
        "1900-02-29",
        "1981-13-01",
        "1981-00-10",
        "1981-01-00",
        "1981-04-31",
        "1981-1-01",
        "+981-01-01",
        "1981-+1-01",
        "1981/06/01",
        "１９８１-01-01",
        "",
    ] {
        assert!(parse_date(bad).is_none(), "{bad}");
        let problems = after(|v| v["dwelling"]["construction_started"] = json!(bad));
        assert_eq!(paths(&problems), ["dwelling.construction_started"], "{bad}");
    }
    assert!(after(|v| v["dwelling"]["construction_started"] = json!("2024-02-29")).is_empty());
}

#[test]
fn coordinates_beyond_the_range_are_refused_with_a_path_before_any_arithmetic() {
    let max = 1_000_000_i64;
    for bad in [
        json!(i64::MIN),
        json!(i64::MAX),
        json!(max + 1),
        json!(-max - 1),
        json!(u64::MAX),
    ] {
        let problems = after(|v| v["storeys"][0]["rooms"][0]["polygon"][1][1] = bad.clone());
        assert_eq!(
            paths(&problems),
            ["storeys[0].rooms[0].polygon[1]"],
            "{bad}"
        );
        let problems = after(|v| v["storeys"][0]["fixtures"][0]["at"][0] = bad.clone());
        assert_eq!(paths(&problems), ["storeys[0].fixtures[0].at"], "{bad}");
    }
    // Exactly at the limit: a store room at the far corner loads.
    let problems = after(|v| {
        v["storeys"][0]["rooms"].as_array_mut().unwrap().push(json!({
            "id": "far", "name": "far", "kind": "storage",
            "polygon": [[max - 1000, max - 1000], [max, max - 1000], [max, max], [max - 1000, max]]
        }))
    });
    assert_eq!(problems, []);
}

/// The index of the template's first private room.
fn private(v: &Value) -> usize {
    v["storeys"][0]["rooms"]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r["kind"] == "private")
        .unwrap()
}

#[test]
fn counts_and_quantities_are_bounded_at_each_limit() {
    type Case = (&'static str, i64, fn(&mut Value, Value));
    let cases: Vec<Case> = vec![
        (
            "occupancy.persons",
            i64::from(MAX_PERSONS_PER_ROOM),
            |v, n| {
                let r = private(v);
                v["storeys"][0]["rooms"][r]["occupancy"] = json!({"persons": n});
            },
        ),
        ("kind.bowls", i64::from(MAX_BOWLS), |v, n| {
            v["storeys"][0]["fixtures"][0]["kind"] = json!({"type": "wash_basin", "bowls": n});
        }),
        ("kind.burners", i64::from(MAX_BURNERS), |v, n| {
            v["storeys"][0]["fixtures"][0]["kind"] =
                json!({"type": "kitchen", "burners": n, "sink": true});
        }),
        (
            "occupancy.single_parent.children_ages[0]",
            i64::from(MAX_CHILD_AGE),
            |v, n| {
                let r = private(v);
                v["storeys"][0]["rooms"][r]["occupancy"] =
                    json!({"single_parent": {"children_ages": [n]}});
            },
        ),
    ];
    for (field, max, set) in cases {
        for (n, refused) in [
            (max, false),
            (max + 1, true),
            (4_294_967_295, true),
            (4_294_967_296, true),
        ] {
            let mut value = template_value("kodan-3dk-shared");
            set(&mut value, json!(n));
            let problems = from_json(&value.to_string()).err().unwrap_or_default();
            let hit = problems.iter().any(|p| p.path.ends_with(field));
            assert_eq!(hit, refused, "{field} = {n}: {problems:#?}");
            assert!(problems.iter().all(|p| !p.path.is_empty()), "{problems:#?}");
        }
    }
    // Children: 20 load, 21 do not.
    for (count, refused) in [(MAX_CHILDREN, false), (MAX_CHILDREN + 1, true)] {
        let problems = after(|v| {
            let r = private(v);
            v["storeys"][0]["rooms"][r]["occupancy"] =
                json!({"single_parent": {"children_ages": vec![3; count]}});
        });
        assert_eq!(
            problems.iter().any(|p| p.path.ends_with("children_ages")),
            refused
        );
    }
    // Opening numbers: the range is checked before whether the opening fits its edge.
    for field in ["offset_mm", "width_mm"] {
        let at = |n: u64| after(|v| v["storeys"][0]["openings"][0][field] = json!(n));
        let path = format!("storeys[0].openings[0].{field}");
        let over = at(u64::from(MAX_OPENING_MM) + 1);
        assert!(
            over.iter()
                .any(|p| p.path == path && p.message_en.contains("outside")),
            "{over:#?}"
        );
        assert!(!at(u64::from(MAX_OPENING_MM))
            .iter()
            .any(|p| p.message_en.contains("outside")));
        assert!(has(&at(4_294_967_296), &path));
    }
    assert!(has(
        &after(|v| v["storeys"][0]["openings"][0]["edge"] = json!(4_294_967_296_u64)),
        "storeys[0].openings[0].edge"
    ));
}

#[test]
fn type_errors_are_all_reported_with_their_paths() {
    let problems = after(|v| {
        v["name"] = json!(5);
        v["dwelling"]["fire_resistant"] = json!("yes");
        v["dwelling"]["year_built"] = json!(1975.5);
        v["storeys"][0]["rooms"][0]["kind"] = json!(7);
        v["storeys"][0]["rooms"][0]["lockable"] = json!("true");
        v["storeys"][0]["rooms"][1]["polygon"][0] = json!(["a", 0]);
        v["storeys"][0]["rooms"][2]["colour"] = json!("red");
        v["storeys"][0]["rooms"][3]["occupancy"] = json!({"persons": -1});
        v["storeys"][0]["openings"][0]["offset_mm"] = json!(-1);
        v["storeys"][0]["openings"][1]["width_mm"] = json!(1.5);
        v["storeys"][0]["openings"][2]["kind"] = json!({"type": "window", "height_mm": 900});
        v["storeys"][0]["fixtures"][0]["kind"] = json!({"type": "wash_basin", "bowls": "2"});
        v["storeys"][0]["fixtures"][1]["room"] = json!(null);
        v["storeys"][0].as_object_mut().unwrap().remove("id");
    });
    let mut got = paths(&problems);
    got.sort();
    let mut expected = vec![
        "name",
        "dwelling.fire_resistant",
        "dwelling.year_built",
        "storeys[0].id",
        "storeys[0].rooms[0].kind",
        "storeys[0].rooms[0].lockable",
        "storeys[0].rooms[1].polygon[0]",
        "storeys[0].rooms[2].colour",
        "storeys[0].rooms[3].occupancy.persons",
        "storeys[0].openings[0].offset_mm",
        "storeys[0].openings[1].width_mm",
        "storeys[0].openings[2].kind.exterior",
        "storeys[0].openings[2].kind.operation",
        "storeys[0].fixtures[0].kind.bowls",
        "storeys[0].fixtures[1].room",
    ];
    expected.sort();
    assert_eq!(got, expected, "{problems:#?}");
    for p in &problems {
        assert!(!p.message_ja.is_empty() && !p.message_en.is_empty());
        assert!(!p.repairable);
        assert!(
            !p.message_en.contains("does not match the plan format"),
            "{p}"
        );
    }
}

#[test]
fn too_many_storeys_rooms_vertices_or_openings_are_refused() {
    let storeys = |n: usize| {
        let mut value = template_value("kodan-3dk");
        value["storeys"] = (0..n)
            .map(|s| json!({"id": format!("s{s}"), "name": "F"}))
            .collect();
        value
    };
    assert!(from_json(&storeys(MAX_STOREYS).to_string()).is_ok());
    assert_eq!(paths(&problems_of(&storeys(MAX_STOREYS + 1))), ["storeys"]);

    // A room at the vertex limit gets the shape's problems, not the limit's.
    let room =
        |n: usize| json!({"id": "big", "name": "big", "kind": "other", "polygon": vec![[0, 0]; n]});
    let with_room = |n: usize| {
        let mut value = template_value("kodan-3dk");
        value["storeys"][0]["rooms"]
            .as_array_mut()
            .unwrap()
            .push(room(n));
        value
    };
    let limit = |p: &Problem| p.message_en.contains("at most");
    assert!(!problems_of(&with_room(MAX_VERTICES_PER_ROOM))
        .iter()
        .any(limit));
    let over = problems_of(&with_room(MAX_VERTICES_PER_ROOM + 1));
    let last = template_value("kodan-3dk")["storeys"][0]["rooms"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(paths(&over), [format!("storeys[0].rooms[{last}].polygon")]);

    let many_rooms = |rooms: usize, vertices: usize| {
        let mut value = template_value("kodan-3dk");
        value["storeys"][0]["rooms"] = (0..rooms)
            .map(|i| json!({"id": format!("r{i}"), "name": "r", "kind": "other", "polygon": vec![[0, 0]; vertices]}))
            .collect();
        value["storeys"][0]["openings"] = json!([]);
        value["storeys"][0]["fixtures"] = json!([]);
        value
    };
    let total = MAX_VERTICES / MAX_VERTICES_PER_ROOM;
    assert!(!problems_of(&many_rooms(total, MAX_VERTICES_PER_ROOM))
        .iter()
        .any(limit));
    let over = problems_of(&many_rooms(total + 1, MAX_VERTICES_PER_ROOM));
    assert_eq!(paths(&over), ["storeys"]);
    assert!(over[0].message_en.contains("vertices in the plan"));
    let over = problems_of(&many_rooms(MAX_ROOMS + 1, 0));
    assert_eq!(paths(&over), ["storeys"]);
    assert!(over[0].message_en.contains("rooms in the plan"));

    let mut value = template_value("kodan-3dk");
    let opening = value["storeys"][0]["openings"][0].clone();
    value["storeys"][0]["openings"] = json!(vec![opening; MAX_OPENINGS_PER_STOREY + 1]);
    assert_eq!(paths(&problems_of(&value)), ["storeys[0].openings"]);
}

#[test]
fn validation_applies_the_same_limits_to_a_plan_built_in_code() {
    let mut plan = templates::synthetic(MAX_ROOMS + 1, 1);
    assert_eq!(paths(&validate(&plan)), ["storeys"]);
    plan = from_json(templates::get("kodan-3dk-shared").unwrap()).unwrap();
    let private = plan.storeys[0]
        .rooms
        .iter()
        .position(|r| r.kind == madori_plan::RoomKind::Private)
        .unwrap();
    plan.storeys[0].rooms[private].occupancy = Some(madori_plan::Occupancy::Persons(u32::MAX));
    plan.storeys[0].fixtures[0].at = madori_plan::PointMm::new(i64::MIN, 0);
    let problems = validate(&plan);
    assert!(has(
        &problems,
        &format!("storeys[0].rooms[{private}].occupancy.persons")
    ));
    assert!(has(&problems, "storeys[0].fixtures[0].at"));
    // What the loader refuses, to_json then from_json refuses too.
    assert!(from_json(&to_json(&plan)).is_err());
}

#[test]
fn the_problem_list_is_capped() {
    let mut value = template_value("kodan-3dk");
    value["storeys"][0]["rooms"][0]["polygon"] = json!(vec![[0.5, 0.5]; 2_000]);
    let problems = problems_of(&value);
    assert_eq!(problems.len(), MAX_PROBLEMS + 1);
    let last = problems.last().unwrap();
    assert_eq!(last.path, "");
    assert!(
        last.message_en.contains("3000 more problems"),
        "{}",
        last.message_en
    );
}

#[test]
fn the_schema_states_the_same_bounds() {
    let schema: Value =
        serde_json::from_str(include_str!("../../../../docs/plan.schema.json")).unwrap();
    let defs = &schema["$defs"];
    let persons = &defs["room"]["properties"]["occupancy"]["oneOf"][0]["properties"]["persons"];
    assert_eq!(persons["maximum"], json!(MAX_PERSONS_PER_ROOM));
    let children = &defs["room"]["properties"]["occupancy"]["oneOf"][1]["properties"]
        ["single_parent"]["properties"]["children_ages"];
    assert_eq!(children["maxItems"], json!(MAX_CHILDREN));
    assert_eq!(children["items"]["maximum"], json!(MAX_CHILD_AGE));
    assert_eq!(
        defs["opening"]["properties"]["width_mm"]["maximum"],
        json!(MAX_OPENING_MM)
    );
    assert_eq!(
        defs["opening"]["properties"]["offset_mm"]["maximum"],
        json!(MAX_OPENING_MM)
    );
    assert_eq!(
        defs["room"]["properties"]["polygon"]["maxItems"],
        json!(MAX_VERTICES_PER_ROOM)
    );
    assert_eq!(
        schema["properties"]["storeys"]["maxItems"],
        json!(MAX_STOREYS)
    );
    let kinds = defs["fixture"]["properties"]["kind"]["oneOf"]
        .as_array()
        .unwrap();
    let bound = |field: &str| {
        kinds
            .iter()
            .find_map(|k| k["properties"].get(field))
            .map(|f| f["maximum"].clone())
    };
    assert_eq!(bound("bowls"), Some(json!(MAX_BOWLS)));
    assert_eq!(bound("burners"), Some(json!(MAX_BURNERS)));
}
