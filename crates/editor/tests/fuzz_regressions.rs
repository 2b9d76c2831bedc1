//! Stories reproducing what the editor's fuzz harness (`examples/fuzz_editor.rs`) found, and
//! the typed values the UI can send: each is refused with a message and changes nothing, or
//! stays a valid plan; none panics or overflows.

use madori_editor::commands::MAX_DISTANCE_MM;
use madori_editor::snap::Grid;
use madori_editor::tools::Tool;
use madori_editor::{empty_plan, Command, Editor, RoomPatch};
use madori_plan::geometry::MAX_COORDINATE_MM;
use madori_plan::validate::{validate, MAX_CEILING_HEIGHT_MM, MAX_WALL_THICKNESS_MM};
use madori_plan::{format, templates, Fixture, FixtureKind, Occupancy, Plan, PointMm, RoomKind};

mod common;
use common::rect_room;

/// Two rooms sharing the wall x = 2730, and a fixture in the first.
fn two_rooms() -> Editor {
    let mut plan = empty_plan();
    plan.storeys[0].rooms = vec![
        rect_room("a", 0, 0, 2730, 3640),
        rect_room("b", 2730, 0, 2730, 3640),
    ];
    plan.storeys[0].fixtures.push(Fixture {
        id: "wc".into(),
        room: "a".into(),
        at: PointMm::new(500, 500),
        kind: FixtureKind::Toilet,
    });
    Editor::new(plan)
}

/// Applies `command`, expecting a refusal whose English message contains `says`, with the
/// plan and the history unchanged.
fn refused(ed: &mut Editor, command: Command, says: &str) {
    let before = ed.plan.clone();
    let steps = ed.history().len();
    let error = ed.apply(command).expect_err("refused");
    assert!(
        error.message_en.contains(says),
        "{:?} should say {says:?}",
        error.message_en
    );
    assert_eq!(ed.message.as_ref(), Some(&error));
    assert_eq!(ed.plan, before);
    assert_eq!(ed.history().len(), steps);
}

fn still_valid(plan: &Plan) {
    assert_eq!(validate(plan), vec![]);
}

// ---------- pointer events far beyond the plan ----------

#[test]
fn pressing_far_beyond_the_plan_selects_nothing() {
    // Found: hit testing compared the pointer with each outline in i64 and overflowed.
    let mut ed = two_rooms();
    let before = ed.plan.clone();
    ed.tool(Tool::Select).down(-1e15, 1.8).drag(1e300, 0.0).up();
    ed.down(f64::MAX, f64::MIN).up();
    assert_eq!(ed.plan, before);
    assert_eq!(ed.selection, madori_editor::Selection::None);
}

#[test]
fn dragging_a_wall_or_a_room_to_a_huge_pointer_position_stops_at_the_last_valid_preview() {
    // Found: the wall's offset and the room's delta were computed from the raw pointer
    // and overflowed when added to the coordinates.
    for grid in [Grid::Shaku910, Grid::Off] {
        let mut ed = two_rooms();
        ed.snap.grid = grid;
        ed.tolerance_mm = 5.0;
        ed.tool(Tool::Select)
            .down(2730.0, 1820.0)
            .drag(3640.0, 1820.0);
        assert_eq!(
            ed.plan.storeys[0].rooms[0].polygon[1],
            PointMm::new(3640, 0)
        );
        ed.drag(1e300, 1820.0).drag(f64::INFINITY, 0.0).up();
        still_valid(&ed.plan);
        assert_eq!(ed.history().len(), 1);

        let mut ed = two_rooms();
        ed.snap.grid = grid;
        ed.tool(Tool::Select)
            .down(1000.0, 2000.0)
            .drag(-1e300, 2000.0)
            .up();
        still_valid(&ed.plan);
        assert!(ed.message.as_ref().unwrap().message_en.contains("beyond"));
    }
}

#[test]
fn a_pointer_that_is_not_a_number_is_ignored() {
    let mut ed = two_rooms();
    ed.tool(Tool::Select)
        .down(2730.0, 1820.0)
        .drag(3640.0, 1820.0);
    let preview = ed.plan.clone();
    let pointer = ed.pointer;
    ed.drag(f64::NAN, 1820.0);
    assert_eq!(ed.plan, preview);
    assert_eq!(ed.pointer, pointer);
    ed.up();
    assert_eq!(ed.plan, preview);
}

#[test]
fn placing_a_fixture_or_splitting_far_away_says_why_and_changes_nothing() {
    // Found: the fixture tool located a pointer at 9.2e18 mm in a room (overflow), and the
    // split tool added two far points to find the cut's middle (overflow).
    let mut ed = two_rooms();
    let before = ed.plan.clone();
    ed.tool(Tool::Fixture(FixtureKind::Toilet))
        .down(9.2e18, 0.0);
    assert_eq!(ed.plan, before);
    assert!(ed.message.is_some());
    ed.tool(Tool::Split).down(5458.0, 1e300);
    ed.down(7907.9, 1e300);
    assert_eq!(ed.plan, before);
    assert!(ed.message.is_some());
}

// ---------- commands with points and distances beyond the range ----------

#[test]
fn points_beyond_the_coordinate_range_are_refused_before_anything_is_computed() {
    // Found: MoveVertex to i64::MIN overflowed in validation (|i64::MIN|), MoveFixture to
    // i64::MAX overflowed locating the fixture, MoveEdge by i64::MAX overflowed moving
    // the outline.
    let mut ed = two_rooms();
    let far = [
        i64::MIN,
        i64::MAX,
        -MAX_COORDINATE_MM - 1,
        MAX_COORDINATE_MM + 1,
    ];
    for v in far {
        refused(
            &mut ed,
            Command::MoveVertex {
                storey: 0,
                from: PointMm::new(0, 0),
                to: PointMm::new(v, 0),
            },
            "beyond ±1000000 mm",
        );
        refused(
            &mut ed,
            Command::MoveFixture {
                id: "wc".into(),
                to: PointMm::new(0, v),
            },
            "beyond ±1000000 mm",
        );
        refused(
            &mut ed,
            Command::SplitRoom {
                room: "a".into(),
                a: PointMm::new(1000, v),
                b: PointMm::new(1000, 0),
                new_id: "c".into(),
            },
            "beyond ±1000000 mm",
        );
        let mut fixture = ed.plan.storeys[0].fixtures[0].clone();
        fixture.id = "f2".into();
        fixture.at = PointMm::new(v, v);
        refused(
            &mut ed,
            Command::AddFixture { storey: 0, fixture },
            "beyond ±1000000 mm",
        );
    }
    for d in [
        i64::MIN,
        i64::MAX,
        -MAX_DISTANCE_MM - 1,
        MAX_DISTANCE_MM + 1,
    ] {
        refused(
            &mut ed,
            Command::MoveEdge {
                room: "a".into(),
                edge: 1,
                offset_mm: d,
            },
            "beyond ±2000000 mm",
        );
        refused(
            &mut ed,
            Command::MoveRoom {
                room: "a".into(),
                delta: PointMm::new(0, d),
            },
            "beyond ±2000000 mm",
        );
        refused(
            &mut ed,
            Command::SetEdgeLength {
                room: "a".into(),
                edge: 0,
                length_mm: d.max(MAX_DISTANCE_MM + 1),
            },
            "beyond ±2000000 mm",
        );
        refused(
            &mut ed,
            Command::SetRoomSize {
                room: "a".into(),
                width_mm: 2730,
                depth_mm: d.max(MAX_DISTANCE_MM + 1),
            },
            "beyond ±2000000 mm",
        );
    }
}

#[test]
fn coordinates_exactly_at_the_limit_are_accepted_and_one_beyond_is_refused() {
    let mut ed = Editor::new(empty_plan());
    let at_limit = rect_room(
        "edge",
        MAX_COORDINATE_MM - 910,
        -MAX_COORDINATE_MM,
        910,
        910,
    );
    ed.apply(Command::AddRoom {
        storey: 0,
        room: at_limit,
    })
    .expect("a room touching the limit is valid");
    let beyond = rect_room("far", MAX_COORDINATE_MM - 909, 0, 910, 910);
    refused(
        &mut ed,
        Command::AddRoom {
            storey: 0,
            room: beyond,
        },
        "coordinate (1000001, 0) is beyond ±1000000 mm",
    );
    // A move by exactly the largest distance passes the input check; the result lies
    // beyond the range, which validation refuses.
    refused(
        &mut ed,
        Command::MoveRoom {
            room: "edge".into(),
            delta: PointMm::new(0, MAX_DISTANCE_MM),
        },
        "is beyond ±1000000 mm",
    );
    ed.apply(Command::MoveRoom {
        room: "edge".into(),
        delta: PointMm::new(-(2 * MAX_COORDINATE_MM - 910), 0),
    })
    .expect("across the whole range to the other limit");
    assert_eq!(
        ed.plan.storeys[0].rooms[0].polygon[0],
        PointMm::new(-MAX_COORDINATE_MM, -MAX_COORDINATE_MM)
    );
}

// ---------- typed values from the inspector ----------

#[test]
fn typed_wall_thickness_and_ceiling_height_are_refused_beyond_their_bounds() {
    let mut ed = two_rooms();
    let thickness = |t: u32| Command::UpdateRoom {
        room: "a".into(),
        patch: RoomPatch {
            wall_thickness_mm: Some(Some(t)),
            ..RoomPatch::default()
        },
    };
    ed.apply(thickness(MAX_WALL_THICKNESS_MM)).unwrap();
    for t in [0, MAX_WALL_THICKNESS_MM + 1, u32::MAX] {
        refused(&mut ed, thickness(t), "wall thickness");
    }
    let ceiling = |h: u32| Command::SetCeilingHeight {
        storey: 0,
        height_mm: Some(h),
    };
    ed.apply(ceiling(MAX_CEILING_HEIGHT_MM)).unwrap();
    for h in [0, MAX_CEILING_HEIGHT_MM + 1, u32::MAX] {
        refused(&mut ed, ceiling(h), "ceiling height");
    }
    still_valid(&ed.plan);
}

#[test]
fn huge_typed_counts_are_refused_exactly_when_validation_bounds_them() {
    // The bounds themselves (persons, children, bowls, burners) belong to validation; the
    // editor must turn each into a refusal with a message and never keep the value.
    let mut ed =
        Editor::new(format::from_json(templates::get("kodan-3dk-shared").unwrap()).unwrap());
    let private = ed
        .plan
        .rooms()
        .find(|(_, r)| r.kind == RoomKind::Private)
        .map(|(_, r)| r.id.clone())
        .unwrap();
    let occupancies = [
        Occupancy::Persons(u32::MAX),
        Occupancy::Household {
            adults: u32::MAX,
            children_ages: vec![],
        },
        Occupancy::SingleParent {
            children_ages: vec![u8::MAX; 300],
        },
    ];
    for occupancy in occupancies {
        let command = Command::UpdateRoom {
            room: private.clone(),
            patch: RoomPatch {
                occupancy: Some(Some(occupancy)),
                ..RoomPatch::default()
            },
        };
        let whole = validate(&command.apply(&ed.plan).unwrap());
        let before = ed.plan.clone();
        match ed.apply(command) {
            Ok(()) => {
                assert!(whole.is_empty());
                ed.undo();
            }
            Err(e) => {
                assert!(!whole.is_empty());
                assert!(e.message_en.contains(&whole[0].message_en));
                assert_eq!(ed.plan, before);
            }
        }
    }
    still_valid(&ed.plan);
}
