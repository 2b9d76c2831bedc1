//! "Open with repairs": each kind of defect, the exact repaired plan and the list of repairs.

use madori_plan::format::{from_json, from_json_with_repairs, to_json};
use madori_plan::geometry::{first_self_intersection, signed_area_twice_mm2};
use madori_plan::repair::RepairKind;
use madori_plan::{Plan, PointMm, Problem, Repair};
use proptest::prelude::*;
use serde_json::{json, Value};

fn plan(rooms: Value, openings: Value, fixtures: Value) -> String {
    json!({
        "format_version": 2,
        "name": "t",
        "dwelling": {"construction": "wooden", "status": "existing"},
        "storeys": [{"id": "1f", "name": "1F", "rooms": rooms, "openings": openings, "fixtures": fixtures}]
    })
    .to_string()
}

fn typed(text: &str) -> Plan {
    serde_json::from_str(text).unwrap()
}

fn kinds(repairs: &[Repair]) -> Vec<(&str, RepairKind)> {
    repairs.iter().map(|r| (r.path.as_str(), r.kind)).collect()
}

fn flagged(problems: &[Problem]) -> Vec<(&str, bool)> {
    problems
        .iter()
        .map(|p| (p.path.as_str(), p.repairable))
        .collect()
}

fn door(id: &str, room: &str, edge: usize, offset: u32) -> Value {
    json!({"id": id, "room": room, "edge": edge, "offset_mm": offset, "width_mm": 800, "kind": {"type": "door"}})
}

#[test]
fn a_repeated_vertex_is_removed_with_its_zero_length_edge() {
    let text = plan(
        json!([{"id": "r", "name": "洋室", "kind": "private",
            "polygon": [[0, 0], [0, 0], [3000, 0], [3000, 3000], [0, 3000]],
            "wall_thickness_mm": [100, 120, 130, 140, 150]}]),
        json!([door("d", "r", 2, 1000)]),
        json!([]),
    );
    let strict = from_json(&text).unwrap_err();
    assert_eq!(flagged(&strict), [("storeys[0].rooms[0].polygon[1]", true)]);
    let (repaired, repairs) = from_json_with_repairs(&text).unwrap();
    let expected = plan(
        json!([{"id": "r", "name": "洋室", "kind": "private",
            "polygon": [[0, 0], [3000, 0], [3000, 3000], [0, 3000]],
            "wall_thickness_mm": [120, 130, 140, 150]}]),
        json!([door("d", "r", 1, 1000)]),
        json!([]),
    );
    assert_eq!(repaired, typed(&expected));
    assert_eq!(
        kinds(&repairs),
        [
            (
                "storeys[0].rooms[0].polygon[0]",
                RepairKind::RepeatedVertexRemoved
            ),
            ("storeys[0].openings[0]", RepairKind::OpeningMoved),
        ]
    );
    assert!(
        repairs[0].message_en.contains("(0, 0)"),
        "{}",
        repairs[0].message_en
    );
    assert!(repairs[0].message_ja.contains("削除"));
    assert_eq!(from_json(&to_json(&repaired)).unwrap(), repaired);
}

#[test]
fn a_closing_vertex_repeating_the_first_is_removed() {
    let text = plan(
        json!([{"id": "r", "name": "洋室", "kind": "private",
            "polygon": [[0, 0], [3000, 0], [3000, 3000], [0, 3000], [0, 0]]}]),
        json!([door("d", "r", 4, 0), door("d2", "r", 3, 100)]),
        json!([]),
    );
    let (repaired, repairs) = from_json_with_repairs(&text).unwrap();
    let expected = plan(
        json!([{"id": "r", "name": "洋室", "kind": "private",
            "polygon": [[0, 0], [3000, 0], [3000, 3000], [0, 3000]]}]),
        json!([door("d2", "r", 3, 100)]),
        json!([]),
    );
    assert_eq!(repaired, typed(&expected));
    assert_eq!(
        kinds(&repairs),
        [
            (
                "storeys[0].rooms[0].polygon[4]",
                RepairKind::RepeatedVertexRemoved
            ),
            ("storeys[0].openings[0]", RepairKind::OpeningRemoved),
        ]
    );
    assert!(repairs[0].message_en.contains("repeated the first vertex"));
    assert!(repairs[1].message_en.contains("zero length"));
}

#[test]
fn rooms_without_an_outline_are_removed_with_what_refers_to_them() {
    let square = json!([[0, 0], [3000, 0], [3000, 3000], [0, 3000]]);
    let text = plan(
        json!([
            {"id": "a", "name": "A", "kind": "private", "polygon": square},
            {"id": "b", "name": "B", "kind": "private"},
            {"id": "c", "name": "C", "kind": "storage", "polygon": [], "belongs_to": "a"},
            {"id": "d", "name": "D", "kind": "storage", "belongs_to": "b",
                "polygon": [[3000, 0], [4000, 0], [4000, 1000], [3000, 1000]]},
            {"id": "e", "name": "E", "kind": "other", "polygon": [[0, 0], [5, 5], [0, 0], [5, 5]]}
        ]),
        json!([
            door("d1", "a", 0, 100),
            door("d2", "b", 0, 100),
            door("d3", "c", 1, 0)
        ]),
        json!([
            {"id": "f1", "room": "b", "at": [10, 10], "kind": {"type": "toilet"}},
            {"id": "f2", "room": "a", "at": [10, 10], "kind": {"type": "toilet"}}
        ]),
    );
    let strict = from_json(&text).unwrap_err();
    assert_eq!(
        flagged(&strict),
        [
            ("storeys[0].rooms[1].polygon", true),
            ("storeys[0].rooms[2].polygon", true),
            ("storeys[0].rooms[4].polygon", true),
            ("storeys[0].openings[1].edge", true),
            ("storeys[0].openings[2].edge", true),
        ],
        "{strict:#?}"
    );
    let (repaired, repairs) = from_json_with_repairs(&text).unwrap();
    let expected = plan(
        json!([
            {"id": "a", "name": "A", "kind": "private", "polygon": square},
            {"id": "d", "name": "D", "kind": "storage",
                "polygon": [[3000, 0], [4000, 0], [4000, 1000], [3000, 1000]]}
        ]),
        json!([door("d1", "a", 0, 100)]),
        json!([{"id": "f2", "room": "a", "at": [10, 10], "kind": {"type": "toilet"}}]),
    );
    assert_eq!(repaired, typed(&expected));
    assert_eq!(
        kinds(&repairs),
        [
            ("storeys[0].rooms[1]", RepairKind::RoomWithoutOutlineRemoved),
            ("storeys[0].rooms[2]", RepairKind::RoomWithoutOutlineRemoved),
            ("storeys[0].rooms[4]", RepairKind::RoomWithoutOutlineRemoved),
            ("storeys[0].openings[1]", RepairKind::OpeningRemoved),
            ("storeys[0].openings[2]", RepairKind::OpeningRemoved),
            ("storeys[0].fixtures[0]", RepairKind::FixtureRemoved),
            (
                "storeys[0].rooms[3].belongs_to",
                RepairKind::BelongsToRemoved
            ),
        ]
    );
    for r in &repairs {
        assert!(!r.message_ja.is_empty() && !r.message_en.is_empty());
    }
}

/// An L-shaped corridor around a core (2000..4000 × 2000..4000) whose outline goes round the
/// outer wall, reaches the core's corner (4000, 2000) and goes round the core.
fn ring_room() -> Value {
    json!({"id": "c", "name": "廊下", "kind": "corridor",
        "polygon": [[4000, 2000], [6000, 2000], [6000, 6000], [0, 6000], [0, 0], [4000, 0],
                    [4000, 2000], [2000, 2000], [2000, 4000], [4000, 4000]],
        "wall_thickness_mm": [100, 110, 120, 130, 140, 150, 160, 170, 180, 190]})
}

#[test]
fn a_ring_room_is_split_into_two_simple_rooms() {
    let window = json!({"id": "w", "room": "c", "edge": 2, "offset_mm": 1000, "width_mm": 1500,
        "kind": {"type": "window", "height_mm": 1100, "exterior": true, "operation": "sliding"}});
    let text = plan(
        json!([ring_room()]),
        json!([door("d1", "c", 3, 500), window, door("d2", "c", 3, 5000)]),
        json!([
            {"id": "f1", "room": "c", "at": [1000, 5000], "kind": {"type": "washing_machine"}},
            {"id": "f2", "room": "c", "at": [1000, 1000], "kind": {"type": "toilet"}}
        ]),
    );
    let strict = from_json(&text).unwrap_err();
    assert_eq!(flagged(&strict), [("storeys[0].rooms[0].polygon", true)]);
    let (repaired, repairs) = from_json_with_repairs(&text).unwrap();
    let moved_window = json!({"id": "w", "room": "c-2", "edge": 5, "offset_mm": 1000, "width_mm": 1500,
        "kind": {"type": "window", "height_mm": 1100, "exterior": true, "operation": "sliding"}});
    let expected = plan(
        json!([
            {"id": "c", "name": "廊下(1)", "kind": "corridor",
                "polygon": [[0, 2000], [0, 0], [4000, 0], [4000, 2000], [2000, 2000]],
                "wall_thickness_mm": [130, 140, 150, 160, null]},
            {"id": "c-2", "name": "廊下(2)", "kind": "corridor",
                "polygon": [[2000, 2000], [2000, 4000], [4000, 4000], [4000, 2000], [6000, 2000],
                            [6000, 6000], [0, 6000], [0, 2000]],
                "wall_thickness_mm": [170, 180, 190, 100, 110, 120, 130, null]}
        ]),
        json!([
            door("d1", "c-2", 6, 500),
            moved_window,
            door("d2", "c", 0, 1000)
        ]),
        json!([
            {"id": "f1", "room": "c-2", "at": [1000, 5000], "kind": {"type": "washing_machine"}},
            {"id": "f2", "room": "c", "at": [1000, 1000], "kind": {"type": "toilet"}}
        ]),
    );
    assert_eq!(repaired, typed(&expected));
    assert_eq!(
        kinds(&repairs),
        [
            ("storeys[0].rooms[0]", RepairKind::RoomSplit),
            ("storeys[0].openings[0]", RepairKind::OpeningMoved),
            ("storeys[0].openings[1]", RepairKind::OpeningMoved),
            ("storeys[0].openings[2]", RepairKind::OpeningMoved),
            ("storeys[0].fixtures[0]", RepairKind::FixtureMoved),
        ]
    );
    assert!(
        repairs[0].message_en.contains("(2000, 2000)–(0, 2000)")
            && repairs[0].message_en.contains("\"廊下(2)\" (id c-2)"),
        "{}",
        repairs[0].message_en
    );
    // Exact areas: 32 m² outer − 4 m² core = 8 + 20 m².
    let areas: Vec<i128> = repaired.storeys[0]
        .rooms
        .iter()
        .map(|r| signed_area_twice_mm2(&r.polygon).abs() / 2)
        .collect();
    assert_eq!(areas, [8_000_000, 20_000_000]);
    assert_eq!(from_json(&to_json(&repaired)).unwrap(), repaired);
}

#[test]
fn a_split_avoids_cutting_through_a_door() {
    // A door on the outer wall at (0, 1500..2500) sits where the shortest cut from the core's
    // corner (2000, 2000) would meet the wall, so the cut goes up to (2000, 0) instead.
    let text = plan(
        json!([ring_room()]),
        json!([door("d", "c", 3, 3500)]),
        json!([]),
    );
    let (repaired, repairs) = from_json_with_repairs(&text).unwrap();
    assert!(
        repairs[0].message_en.contains("(2000, 2000)–(2000, 0)"),
        "{}",
        repairs[0].message_en
    );
    assert_eq!(repaired.storeys[0].openings.len(), 1);
    assert!(from_json(&to_json(&repaired)).is_ok());
}

#[test]
fn two_loops_touching_at_a_vertex_become_two_rooms() {
    let text = plan(
        json!([{"id": "x", "name": "X", "kind": "other", "occupancy": null,
            "polygon": [[0, 0], [1000, 0], [1000, 1000], [2000, 1000], [2000, 2000], [1000, 2000], [1000, 1000], [0, 1000]]}]),
        json!([]),
        json!([]),
    );
    let (repaired, repairs) = from_json_with_repairs(&text).unwrap();
    let polygons: Vec<Vec<PointMm>> = repaired.storeys[0]
        .rooms
        .iter()
        .map(|r| r.polygon.clone())
        .collect();
    let p = |x, y| PointMm::new(x, y);
    assert_eq!(
        polygons,
        [
            vec![p(1000, 1000), p(2000, 1000), p(2000, 2000), p(1000, 2000)],
            vec![p(1000, 1000), p(0, 1000), p(0, 0), p(1000, 0)],
        ]
    );
    assert_eq!(
        kinds(&repairs),
        [("storeys[0].rooms[0]", RepairKind::RoomSplit)]
    );
    assert!(repairs[0]
        .message_en
        .contains("two outlines touching at (1000, 1000)"));
}

#[test]
fn an_outline_that_cannot_be_split_is_refused_with_the_reason() {
    // A vertex visited three times.
    let text = plan(
        json!([{"id": "x", "name": "X", "kind": "other",
            "polygon": [[0, 0], [1000, 0], [1000, 1000], [0, 0], [-1000, 0], [-1000, -1000], [0, 0], [0, 1000], [-500, 1000]]}]),
        json!([]),
        json!([]),
    );
    let strict = from_json(&text).unwrap_err();
    assert!(strict.iter().all(|p| !p.repairable), "{strict:#?}");
    let problems = from_json_with_repairs(&text).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.path == "storeys[0].rooms[0].polygon"
                && p.message_en.contains("visited more than twice")),
        "{problems:#?}"
    );
    // A spike: the loop at the repeated vertex has two vertices.
    let text = plan(
        json!([{"id": "x", "name": "X", "kind": "other",
            "polygon": [[0, 0], [1000, 0], [2000, 0], [1000, 0], [1000, 1000]]}]),
        json!([]),
        json!([]),
    );
    let problems = from_json_with_repairs(&text).unwrap_err();
    assert!(
        problems.iter().any(|p| p.message_en.contains("a spike")),
        "{problems:#?}"
    );
}

#[test]
fn problems_left_after_repairs_keep_the_paths_of_the_file() {
    let square = |x: i64| json!([[x, 0], [x + 1000, 0], [x + 1000, 1000], [x, 1000]]);
    let text = plan(
        json!([
            {"id": "a", "name": "A", "kind": "private", "polygon": square(0)},
            {"id": "b", "name": "B", "kind": "private"},
            {"id": "c", "name": "C", "kind": "corridor", "polygon": square(1000), "occupancy": {"persons": 1}}
        ]),
        json!([]),
        json!([]),
    );
    let strict = from_json(&text).unwrap_err();
    assert_eq!(
        flagged(&strict),
        [
            ("storeys[0].rooms[1].polygon", true),
            ("storeys[0].rooms[2].occupancy", false)
        ]
    );
    // Room c is rooms[1] once b is gone, but the problem names it as in the file.
    let problems = from_json_with_repairs(&text).unwrap_err();
    assert_eq!(
        flagged(&problems),
        [("storeys[0].rooms[2].occupancy", false)]
    );
}

#[test]
fn a_valid_plan_needs_no_repair() {
    for (name, text) in madori_plan::templates::TEMPLATES {
        let (plan, repairs) = from_json_with_repairs(text).unwrap();
        assert!(repairs.is_empty(), "{name}");
        assert_eq!(plan, from_json(text).unwrap(), "{name}");
    }
}

/// The page's loader (`from_json_unmarked`, which leaves the repairs out of the page) gives
/// the same plan or the same problems as `from_json`; only the repair marks that need
/// `repair` to find are left to the worker, and a missing polygon stays marked.
#[test]
fn the_unmarked_loader_differs_only_in_the_repair_marks() {
    let square = json!([[0, 0], [3000, 0], [3000, 3000], [0, 3000]]);
    let texts = [
        // A repeated vertex (marked only by `from_json`).
        plan(
            json!([{"id": "r", "name": "R", "kind": "private",
                "polygon": [[0, 0], [0, 0], [3000, 0], [3000, 3000], [0, 3000]]}]),
            json!([]),
            json!([]),
        ),
        // A missing polygon (marked by the pre-check) beside a room with one of 2 vertices.
        plan(
            json!([
                {"id": "a", "name": "A", "kind": "private", "polygon": square},
                {"id": "b", "name": "B", "kind": "private"},
                {"id": "c", "name": "C", "kind": "other", "polygon": [[5000, 0], [6000, 0]]}
            ]),
            json!([door("d", "b", 0, 100)]),
            json!([]),
        ),
        // A ring room and a problem no repair fixes.
        plan(
            json!([
                {"id": "x", "name": "X", "kind": "corridor", "polygon": ring_room(), "occupancy": {"persons": 1}}
            ]),
            json!([]),
            json!([]),
        ),
        "{ not json".to_owned(),
    ];
    for text in &texts {
        let marked = from_json(text).unwrap_err();
        let unmarked = madori_plan::format::from_json_unmarked(text).unwrap_err();
        assert_eq!(marked.len(), unmarked.len(), "{text}");
        for (m, u) in marked.iter().zip(&unmarked) {
            assert_eq!(
                (&m.path, &m.message_ja, &m.message_en),
                (&u.path, &u.message_ja, &u.message_en)
            );
            let precheck_mark = u.path.ends_with(".polygon") && m.message_en.contains("missing");
            assert_eq!(u.repairable, precheck_mark, "{u:?}");
            assert!(!u.repairable || m.repairable);
        }
    }
    assert!(flagged(&from_json(&texts[0]).unwrap_err())
        .iter()
        .any(|(_, repairable)| *repairable));
    assert_eq!(
        flagged(&madori_plan::format::from_json_unmarked(&texts[1]).unwrap_err()),
        [
            ("storeys[0].rooms[1].polygon", true),
            ("storeys[0].rooms[2].polygon", false),
            ("storeys[0].openings[0].edge", false)
        ]
    );
    for (name, text) in madori_plan::templates::TEMPLATES {
        assert_eq!(
            madori_plan::format::from_json_unmarked(text).unwrap(),
            from_json(text).unwrap(),
            "{name}"
        );
    }
}

/// An outer ring with a notch at its top right, and a rectangular core whose top-right corner
/// is the notch's corner P; `turn` rotates the outline's start, `reverse_all` and
/// `reverse_hole` change how it runs round.
fn ring_outline(
    (w, h): (i64, i64),
    (px, py): (i64, i64),
    (hx, hy): (i64, i64),
    turn: usize,
    reverse_all: bool,
    reverse_hole: bool,
) -> Vec<[i64; 2]> {
    let outer = [[px, py], [w, py], [w, h], [0, h], [0, 0], [px, 0]];
    let mut hole = vec![[px, py], [hx, py], [hx, hy], [px, hy]];
    if reverse_hole {
        hole[1..].reverse();
    }
    let mut outline: Vec<[i64; 2]> = outer.iter().chain(&hole).copied().collect();
    if reverse_all {
        outline.reverse();
    }
    let turn = turn % outline.len();
    outline.rotate_left(turn);
    outline
}

proptest! {
    #[test]
    fn ring_rooms_split_into_two_valid_rooms_with_exact_areas(
        w in 3i64..20_000, h in 3i64..20_000, fx in 0.05f64..0.95, fy in 0.05f64..0.95,
        gx in 0.05f64..0.95, gy in 0.05f64..0.95, turn in 0usize..10,
        reverse_all: bool, reverse_hole: bool,
    ) {
        let px = ((w as f64 * fx) as i64).clamp(2, w - 1);
        let py = ((h as f64 * fy) as i64).clamp(1, h - 2);
        let hx = ((px as f64 * gx) as i64).clamp(1, px - 1);
        let hy = (py + ((h - py) as f64 * gy) as i64).clamp(py + 1, h - 1);
        let outline = ring_outline((w, h), (px, py), (hx, hy), turn, reverse_all, reverse_hole);
        let text = plan(json!([{"id": "c", "name": "C", "kind": "corridor", "polygon": outline}]), json!([]), json!([]));
        let (repaired, repairs) = from_json_with_repairs(&text).unwrap();
        prop_assert_eq!(kinds(&repairs), [("storeys[0].rooms[0]", RepairKind::RoomSplit)]);
        let rooms = &repaired.storeys[0].rooms;
        prop_assert_eq!(rooms.len(), 2);
        let total: i128 = rooms.iter().map(|r| signed_area_twice_mm2(&r.polygon).abs()).sum();
        let outer = 2 * (i128::from(w) * i128::from(h) - i128::from(w - px) * i128::from(py));
        let core = 2 * i128::from(px - hx) * i128::from(hy - py);
        prop_assert_eq!(total, outer - core);
        for room in rooms {
            prop_assert_eq!(first_self_intersection(&room.polygon), None);
        }
        prop_assert_eq!(from_json(&to_json(&repaired)).unwrap(), repaired);
    }

    #[test]
    fn repeated_vertices_anywhere_leave_the_rectangle(
        x in -100_000i64..100_000, y in -100_000i64..100_000, w in 1i64..50_000, h in 1i64..50_000,
        repeats in proptest::collection::vec(0usize..4, 1..6), close: bool,
    ) {
        let rect = vec![[x, y], [x + w, y], [x + w, y + h], [x, y + h]];
        let mut polygon = rect.clone();
        for &i in &repeats {
            let at = polygon.iter().position(|p| *p == rect[i]).unwrap_or(0);
            polygon.insert(at, rect[i]);
        }
        if close {
            polygon.push(polygon[0]);
        }
        let text = plan(json!([{"id": "r", "name": "R", "kind": "private", "polygon": polygon}]), json!([]), json!([]));
        let (repaired, repairs) = from_json_with_repairs(&text).unwrap();
        let expected: Vec<PointMm> = rect.iter().map(|&[x, y]| PointMm::new(x, y)).collect();
        let got = &repaired.storeys[0].rooms[0].polygon;
        // The same cycle of vertices, whichever copy of a repeated first vertex was kept.
        let start = got.iter().position(|p| *p == expected[0]).unwrap();
        let mut turned = got.clone();
        turned.rotate_left(start);
        prop_assert_eq!(turned, expected);
        prop_assert_eq!(repairs.len(), repeats.len() + usize::from(close));
        prop_assert!(repairs.iter().all(|r| r.kind == RepairKind::RepeatedVertexRemoved));
    }
}
