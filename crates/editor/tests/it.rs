//! Editor stories: what a user does with the pointer and keyboard, and what the plan becomes.

use madori_editor::snap::{snap, Grid, SnapKind, SnapSettings};
use madori_editor::tools::{Key, Tool};
use madori_editor::viewport::{ScreenPx, Viewport, WorldMm};
use madori_editor::{empty_plan, Command, Editor, RoomPatch, Selection, Transform};
use madori_plan::{format, templates, FixtureKind, OpeningKind, Plan, PointMm, RoomKind};
use madori_rules::PlanAreas;
use proptest::prelude::*;

fn area(plan: &Plan) -> f64 {
    PlanAreas::compute(plan).dwelling_wall_centre_m2
}

fn room_area(plan: &Plan, id: &str) -> f64 {
    madori_rules::area::wall_centre_area_m2(&plan.room(id).expect("room").polygon)
}

fn bbox(plan: &Plan, id: &str) -> (PointMm, PointMm) {
    madori_plan::geometry::bounds(&plan.room(id).unwrap().polygon).unwrap()
}

/// Two 6帖 rooms side by side sharing the wall x = 2730, drawn with the room tool.
fn two_rooms() -> Editor {
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Room).down(0.0, 0.0).drag(2730.0, 3640.0).up();
    ed.tool(Tool::Room)
        .down(2730.0, 0.0)
        .drag(5460.0, 3640.0)
        .up();
    ed.tool(Tool::Select);
    ed
}

fn template_editor(name: &str) -> Editor {
    Editor::new(format::from_json(templates::get(name).unwrap()).unwrap())
}

// ---------- drawing ----------

#[test]
fn drag_draws_a_room_snapped_to_the_910_grid_as_one_undo_step() {
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Room)
        .down(10.0, -20.0)
        .drag(1500.0, 1000.0)
        .drag(3600.0, 2700.0)
        .up();
    let rooms = &ed.plan.storeys[0].rooms;
    assert_eq!(rooms.len(), 1);
    assert_eq!(
        bbox(&ed.plan, &rooms[0].id),
        (PointMm::new(0, 0), PointMm::new(3640, 2730))
    );
    assert_eq!(ed.history(), ["部屋を描く"]);
    assert_eq!(ed.selection, Selection::Room(rooms[0].id.clone()));
    assert!(ed.undo());
    assert!(ed.plan.storeys[0].rooms.is_empty());
    assert!(ed.redo());
    assert_eq!(ed.plan.storeys[0].rooms.len(), 1);
}

#[test]
fn escape_aborts_a_drawing_drag() {
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Room).down(0.0, 0.0).drag(3640.0, 2730.0);
    assert_eq!(
        ed.plan.storeys[0].rooms.len(),
        1,
        "the preview shows while dragging"
    );
    ed.press(Key::Escape);
    assert!(ed.plan.storeys[0].rooms.is_empty());
    assert!(!ed.can_undo());
}

#[test]
fn a_click_without_drag_draws_nothing() {
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Room).click(910.0, 910.0);
    assert!(ed.plan.storeys[0].rooms.is_empty());
    assert!(!ed.can_undo());
}

#[test]
fn drawing_over_a_room_is_refused_with_a_message() {
    let mut ed = two_rooms();
    let before = ed.plan.clone();
    ed.tool(Tool::Room)
        .down(910.0, 910.0)
        .drag(4550.0, 2730.0)
        .up();
    assert_eq!(ed.plan, before);
    assert!(ed.message.as_ref().unwrap().message_en.contains("overlap"));
    assert_eq!(ed.history().len(), 2);
}

#[test]
fn polygon_by_clicks_closed_by_double_click_or_first_corner() {
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Polygon)
        .click(0.0, 0.0)
        .click(3640.0, 0.0)
        .click(3640.0, 1820.0)
        .click(1820.0, 1820.0)
        .click(1820.0, 3640.0)
        .click(0.0, 3640.0);
    ed.double_click(WorldMm::new(0.0, 3640.0));
    let room = &ed.plan.storeys[0].rooms[0];
    assert_eq!(room.polygon.len(), 6);
    // L shape: 3640 × 1820 + 1820 × 1820.
    assert!((room_area(&ed.plan, &room.id) - (6.6248 + 3.3124)).abs() < 1e-9);
    assert_eq!(ed.history().len(), 1);
    // Closing by clicking the first corner, after taking one corner back with Backspace.
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Polygon)
        .click(0.0, 0.0)
        .click(2730.0, 0.0)
        .click(5000.0, 5000.0)
        .press(Key::Backspace)
        .click(2730.0, 2730.0)
        .click(0.0, 2730.0)
        .click(0.0, 0.0);
    assert_eq!(ed.plan.storeys[0].rooms[0].polygon.len(), 4);
    // Esc throws the corners away; fewer than three corners cannot close.
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Polygon)
        .click(0.0, 0.0)
        .click(2730.0, 0.0)
        .press(Key::Enter);
    assert!(ed.plan.storeys[0].rooms.is_empty());
    assert!(ed.message.is_some());
    ed.press(Key::Escape);
    assert_eq!(ed.mode, madori_editor::tools::Mode::Idle);
}

// ---------- shared walls ----------

#[test]
fn dragging_a_shared_wall_resizes_both_rooms() {
    let mut ed = two_rooms();
    let total = area(&ed.plan);
    // Grab the shared wall at x = 2730 and drag it one 910 step right.
    ed.down(2730.0, 1820.0)
        .drag(3000.0, 1820.0)
        .drag(3640.0, 1900.0)
        .up();
    assert_eq!(bbox(&ed.plan, "room1").1.x, 3640);
    assert_eq!(bbox(&ed.plan, "room2").0.x, 3640);
    assert!((area(&ed.plan) - total).abs() < 1e-9, "no gap, no overlap");
    assert_eq!(ed.history().last(), Some(&"壁を移動"));
    assert_eq!(ed.history().len(), 3);
    ed.undo();
    assert_eq!(bbox(&ed.plan, "room1").1.x, 2730);
}

#[test]
fn dragging_a_shared_corner_moves_it_in_both_rooms() {
    let mut ed = two_rooms();
    ed.down(2730.0, 3640.0)
        .drag(3000.0, 3700.0)
        .drag(3640.0, 4550.0)
        .up();
    assert!(ed
        .plan
        .room("room1")
        .unwrap()
        .polygon
        .contains(&PointMm::new(3640, 4550)));
    assert!(ed
        .plan
        .room("room2")
        .unwrap()
        .polygon
        .contains(&PointMm::new(3640, 4550)));
    assert_eq!(ed.selection, Selection::Vertex(PointMm::new(3640, 4550)));
    // Shift locks the drag to horizontal.
    let mut ed = two_rooms();
    ed.down(2730.0, 3640.0)
        .drag_shift(3000.0, 3700.0)
        .drag_shift(3640.0, 3800.0)
        .up();
    assert!(ed
        .plan
        .room("room1")
        .unwrap()
        .polygon
        .contains(&PointMm::new(3640, 3640)));
}

#[test]
fn pushing_a_wall_into_a_long_corridor_notches_the_corridor() {
    // A corridor under two rooms: moving the first room's bottom wall down takes corridor area.
    let mut ed = two_rooms();
    ed.tool(Tool::Room)
        .down(0.0, 3640.0)
        .drag(5460.0, 5460.0)
        .up()
        .tool(Tool::Select);
    let total = area(&ed.plan);
    ed.down(1365.0, 3640.0)
        .drag(1365.0, 4000.0)
        .drag(1365.0, 4550.0)
        .up();
    assert_eq!(bbox(&ed.plan, "room1").1.y, 4550);
    assert_eq!(bbox(&ed.plan, "room2").1.y, 3640, "the other room stays");
    assert_eq!(
        ed.plan.room("room3").unwrap().polygon.len(),
        6,
        "the corridor gains a notch"
    );
    assert!((area(&ed.plan) - total).abs() < 1e-9);
}

#[test]
fn a_drag_into_a_neighbour_stops_at_the_last_valid_position() {
    let mut ed = two_rooms();
    // Drag room1's left wall through room2 entirely: the preview refuses the overlap.
    ed.down(0.0, 1820.0).drag(300.0, 1820.0).drag(910.0, 1820.0);
    assert_eq!(bbox(&ed.plan, "room1").0.x, 910);
    ed.drag(9000.0, 1820.0);
    assert_eq!(
        bbox(&ed.plan, "room1").0.x,
        910,
        "stays at the last valid preview"
    );
    assert!(ed.message.is_some());
    ed.up();
    assert_eq!(bbox(&ed.plan, "room1").0.x, 910);
}

#[test]
fn escape_during_a_wall_drag_restores_the_plan() {
    let mut ed = two_rooms();
    let before = ed.plan.clone();
    ed.down(2730.0, 1820.0).drag(3640.0, 1820.0);
    assert_ne!(ed.plan, before);
    ed.press(Key::Escape);
    assert_eq!(ed.plan, before);
    assert_eq!(ed.history().len(), 2);
}

// ---------- typed sizes ----------

#[test]
fn typed_edge_length_and_room_size() {
    let mut ed = two_rooms();
    // room1's top edge runs from (0,0) to (2730,0); make it 3185 long: the shared wall moves.
    ed.apply(Command::SetEdgeLength {
        room: "room1".into(),
        edge: 0,
        length_mm: 3185,
    })
    .unwrap();
    assert_eq!(
        bbox(&ed.plan, "room1"),
        (PointMm::new(0, 0), PointMm::new(3185, 3640))
    );
    assert_eq!(bbox(&ed.plan, "room2").0.x, 3185);
    ed.apply(Command::SetRoomSize {
        room: "room2".into(),
        width_mm: 3640,
        depth_mm: 4550,
    })
    .unwrap();
    assert_eq!(
        bbox(&ed.plan, "room2"),
        (PointMm::new(3185, 0), PointMm::new(6825, 4550))
    );
    // Nonsense changes nothing and says why.
    let before = ed.plan.clone();
    assert!(ed
        .apply(Command::SetRoomSize {
            room: "room2".into(),
            width_mm: 0,
            depth_mm: 10
        })
        .is_err());
    assert!(ed
        .apply(Command::SetEdgeLength {
            room: "room1".into(),
            edge: 0,
            length_mm: -5
        })
        .is_err());
    assert!(ed
        .apply(Command::SetEdgeLength {
            room: "nope".into(),
            edge: 0,
            length_mm: 5
        })
        .is_err());
    assert_eq!(ed.plan, before);
}

// ---------- split, merge, move, duplicate, transforms ----------

#[test]
fn split_a_12_jo_ldk_into_two_rooms_and_merge_them_back() {
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Room).down(0.0, 0.0).drag(5460.0, 3640.0).up();
    ed.apply(Command::AddFixture {
        storey: 0,
        fixture: madori_plan::Fixture {
            id: "wc".into(),
            room: "room1".into(),
            at: PointMm::new(5000, 500),
            kind: FixtureKind::Toilet,
        },
    })
    .unwrap();
    let total = area(&ed.plan);
    ed.tool(Tool::Split)
        .click(2730.0, -500.0)
        .click(2730.0, 4000.0);
    assert_eq!(ed.plan.storeys[0].rooms.len(), 2);
    assert!((area(&ed.plan) - total).abs() < 1e-9);
    assert!((room_area(&ed.plan, "room1") - 9.9372).abs() < 1e-9);
    assert!((room_area(&ed.plan, "room2") - 9.9372).abs() < 1e-9);
    let wc_room = &ed.plan.storeys[0].fixtures[0].room;
    assert!(
        madori_plan::geometry::locate(
            &ed.plan.room(wc_room).unwrap().polygon,
            PointMm::new(5000, 500)
        ) == madori_plan::geometry::Location::Inside
    );
    ed.apply(Command::MergeRooms {
        a: "room1".into(),
        b: "room2".into(),
    })
    .unwrap();
    assert_eq!(ed.plan.storeys[0].rooms.len(), 1);
    assert_eq!(
        ed.plan.storeys[0].rooms[0].polygon.len(),
        4,
        "the partition's vertices are gone"
    );
    assert!((area(&ed.plan) - total).abs() < 1e-9);
    assert_eq!(ed.plan.storeys[0].fixtures[0].room, "room1");
    // A cut that misses the room changes nothing.
    let before = ed.plan.clone();
    ed.tool(Tool::Split)
        .click(9000.0, 0.0)
        .click(9000.0, 5000.0);
    assert_eq!(ed.plan, before);
    assert!(ed.message.is_some());
}

#[test]
fn rooms_that_do_not_touch_cannot_merge() {
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Room).down(0.0, 0.0).drag(910.0, 910.0).up();
    ed.tool(Tool::Room)
        .down(3640.0, 0.0)
        .drag(4550.0, 910.0)
        .up();
    assert!(ed
        .apply(Command::MergeRooms {
            a: "room1".into(),
            b: "room2".into()
        })
        .is_err());
}

#[test]
fn moving_a_room_takes_its_fixtures_and_arrow_keys_nudge_by_a_grid_step() {
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Room).down(0.0, 0.0).drag(1820.0, 1820.0).up();
    ed.tool(Tool::Fixture(FixtureKind::Toilet))
        .click(900.0, 900.0);
    ed.tool(Tool::Select)
        .down(500.0, 500.0)
        .drag(1000.0, 600.0)
        .drag(4140.0, 500.0)
        .up();
    assert_eq!(bbox(&ed.plan, "room1").0, PointMm::new(3640, 0));
    assert_eq!(ed.plan.storeys[0].fixtures[0].at, PointMm::new(4540, 900));
    ed.selection = Selection::Room("room1".into());
    ed.press(Key::Arrow { dx: 0, dy: 1 });
    assert_eq!(bbox(&ed.plan, "room1").0, PointMm::new(3640, 910));
    ed.snap.grid = Grid::Metre500;
    ed.press(Key::Arrow { dx: -1, dy: 0 });
    assert_eq!(bbox(&ed.plan, "room1").0, PointMm::new(3140, 910));
}

#[test]
fn duplicate_delete_and_whole_plan_transforms() {
    let mut ed = template_editor("kodan-3dk-shared");
    let original = ed.plan.clone();
    ed.apply(Command::DuplicateRoom {
        room: "r1".into(),
        new_id: "r1b".into(),
    })
    .unwrap();
    assert!((room_area(&ed.plan, "r1b") - room_area(&ed.plan, "r1")).abs() < 1e-9);
    ed.selection = Selection::Room("r1b".into());
    ed.press(Key::Delete);
    assert!(ed.plan.room("r1b").is_none());
    for _ in 0..4 {
        ed.apply(Command::TransformPlan(Transform::RotateClockwise))
            .unwrap();
    }
    assert_eq!(ed.plan, original, "four quarter turns return the plan");
    ed.apply(Command::TransformPlan(Transform::RotateClockwise))
        .unwrap();
    assert!((area(&ed.plan) - area(&original)).abs() < 1e-9);
    ed.undo();
    ed.apply(Command::TransformPlan(Transform::MirrorHorizontal))
        .unwrap();
    ed.apply(Command::TransformPlan(Transform::MirrorHorizontal))
        .unwrap();
    assert_eq!(ed.plan, original);
    // Deleting a room takes its openings and fixtures.
    ed.apply(Command::Delete {
        ids: vec!["wc".into()],
    })
    .unwrap();
    assert!(ed.plan.storeys[0].fixtures.iter().all(|f| f.room != "wc"));
}

// ---------- openings and fixtures ----------

#[test]
fn doors_and_windows_go_on_walls() {
    let mut ed = two_rooms();
    ed.tool(Tool::Window).click(1365.0, 30.0);
    let window = ed.plan.storeys[0].openings.last().unwrap().clone();
    assert_eq!(
        (window.room.as_str(), window.edge, window.width_mm),
        ("room1", 0, 1690)
    );
    assert!(
        matches!(
            window.kind,
            OpeningKind::Window {
                exterior: true,
                height_mm: None,
                ..
            }
        ),
        "the height is the user's to enter, never guessed"
    );
    assert_eq!(
        window.offset_mm, 520,
        "centred on the click, kept on the wall"
    );
    ed.tool(Tool::Door).click(2730.0, 1820.0);
    let door = ed.plan.storeys[0].openings.last().unwrap().clone();
    assert!(
        matches!(
            door.kind,
            OpeningKind::Door {
                lockable: None,
                operation: None
            }
        ),
        "whether the door locks is the user's to say; a placed door is a 開き戸"
    );
    ed.tool(Tool::Window).click(2700.0, 1820.0);
    let inner = ed.plan.storeys[0].openings.last().unwrap();
    assert!(matches!(
        inner.kind,
        OpeningKind::Window {
            exterior: false,
            ..
        }
    ));
    // Far from any wall: nothing, and a message.
    let before = ed.plan.clone();
    ed.tool(Tool::Door).click(1365.0, 1820.0);
    assert_eq!(ed.plan, before);
    assert!(ed.message.is_some());
    // Until its height is entered the window's daylight is unknown; then it counts.
    let daylight = |ed: &Editor| {
        let report = madori_rules::check(
            &ed.plan,
            &madori_rules::profile::profile("building-code").unwrap(),
        );
        let status = report
            .of(madori_rules::RuleId::BsDaylight)
            .find(|f| f.element_ids == ["room1"])
            .unwrap()
            .status;
        status
    };
    assert_eq!(daylight(&ed), madori_rules::Status::Unavailable);
    ed.apply(Command::UpdateOpening {
        id: window.id.clone(),
        width_mm: window.width_mm,
        kind: OpeningKind::Window {
            height_mm: Some(1100),
            exterior: true,
            operation: madori_plan::WindowOperation::Sliding,
        },
    })
    .unwrap();
    assert_eq!(daylight(&ed), madori_rules::Status::Pass);
}

#[test]
fn fixtures_are_placed_in_rooms_moved_and_deleted() {
    let mut ed = two_rooms();
    ed.tool(Tool::Fixture(FixtureKind::WashBasin { bowls: 2 }))
        .click(1000.0, 1000.0);
    let id = ed.plan.storeys[0].fixtures[0].id.clone();
    assert_eq!(ed.plan.storeys[0].fixtures[0].room, "room1");
    // Outside every room: refused.
    let before = ed.plan.clone();
    ed.click(-2000.0, -2000.0);
    assert_eq!(ed.plan, before);
    // Drag it into the other room.
    ed.tool(Tool::Select)
        .down(1000.0, 1000.0)
        .drag(1500.0, 1000.0)
        .drag(4000.0, 1500.0)
        .up();
    assert_eq!(ed.plan.storeys[0].fixtures[0].room, "room2");
    assert_eq!(ed.plan.storeys[0].fixtures[0].at, PointMm::new(4000, 1500));
    ed.apply(Command::UpdateFixture {
        id: id.clone(),
        kind: FixtureKind::WashBasin { bowls: 3 },
    })
    .unwrap();
    ed.selection = Selection::Fixture(id);
    ed.press(Key::Delete);
    assert!(ed.plan.storeys[0].fixtures.is_empty());
}

// ---------- room properties, storeys, selection ----------

#[test]
fn inspector_changes_are_commands() {
    let mut ed = two_rooms();
    ed.apply(Command::UpdateRoom {
        room: "room2".into(),
        patch: RoomPatch {
            kind: Some(RoomKind::Ldk),
            name: Some("LDK".into()),
            ..Default::default()
        },
    })
    .unwrap();
    let room = ed.plan.room("room2").unwrap();
    assert_eq!(
        (room.kind, room.name.as_str(), room.occupancy.is_none()),
        (RoomKind::Ldk, "LDK", true)
    );
    ed.apply(Command::UpdateRoom {
        room: "room1".into(),
        patch: RoomPatch {
            occupancy: Some(Some(madori_plan::Occupancy::SingleParent {
                children_ages: vec![3, 8],
            })),
            lockable: Some(true),
            wall_thickness_mm: Some(Some(150)),
            ..Default::default()
        },
    })
    .unwrap();
    assert_eq!(
        ed.plan.room("room1").unwrap().wall_thickness_mm,
        vec![Some(150); 4]
    );
    let before = ed.plan.clone();
    assert!(ed
        .apply(Command::UpdateRoom {
            room: "room1".into(),
            patch: RoomPatch {
                name: Some("  ".into()),
                ..Default::default()
            }
        })
        .is_err());
    // Occupancy on a non-private room is refused by validation.
    assert!(ed
        .apply(Command::UpdateRoom {
            room: "room2".into(),
            patch: RoomPatch {
                occupancy: Some(Some(madori_plan::Occupancy::Persons(1))),
                ..Default::default()
            }
        })
        .is_err());
    assert_eq!(ed.plan, before);
}

#[test]
fn storeys_are_added_renamed_and_switched() {
    let mut ed = two_rooms();
    ed.apply(Command::AddStorey {
        id: "2f".into(),
        name: "2F".into(),
    })
    .unwrap();
    ed.set_storey(1);
    ed.tool(Tool::Room).down(0.0, 0.0).drag(2730.0, 2730.0).up();
    assert_eq!(ed.plan.storeys[1].rooms.len(), 1);
    assert_eq!(ed.plan.storeys[0].rooms.len(), 2);
    ed.apply(Command::RenameStorey {
        storey: 1,
        name: "2階".into(),
    })
    .unwrap();
    assert_eq!(ed.plan.storeys[1].name, "2階");
    assert!(
        ed.apply(Command::AddStorey {
            id: "2f".into(),
            name: "again".into()
        })
        .is_err(),
        "ids stay unique"
    );
    ed.undo();
    ed.undo();
    assert_eq!(ed.plan.storeys[1].rooms.len(), 0);
}

#[test]
fn clicking_selects_and_escape_clears() {
    let mut ed = two_rooms();
    ed.click(1000.0, 1000.0);
    assert_eq!(ed.selection, Selection::Room("room1".into()));
    ed.click(2730.0, 1000.0);
    assert!(matches!(ed.selection, Selection::Edge { .. }));
    ed.click(0.0, 0.0);
    assert_eq!(ed.selection, Selection::Vertex(PointMm::new(0, 0)));
    ed.press(Key::Escape);
    assert_eq!(ed.selection, Selection::None);
    ed.click(-5000.0, -5000.0);
    assert_eq!(ed.selection, Selection::None);
    // Undoing the room that is selected clears the selection.
    ed.click(4000.0, 1000.0);
    ed.undo();
    assert_eq!(ed.selection, Selection::None);
}

#[test]
fn every_edit_of_a_template_keeps_it_valid_and_checkable() {
    let mut ed = template_editor("wooden-house-shared");
    ed.set_storey(1);
    // Widen 個室2 (y2) into 個室3's side: the partition at x = 3640 moves right by 455.
    ed.snap.grid = Grid::Shaku455;
    ed.down(3640.0, 1820.0)
        .drag(3900.0, 1820.0)
        .drag(4095.0, 1820.0)
        .up();
    assert_eq!(bbox(&ed.plan, "y1").1.x, 4095);
    assert!(madori_plan::validate::validate(&ed.plan).is_empty());
    let report = madori_rules::check(
        &ed.plan,
        &madori_rules::profile::profile("sh-single").unwrap(),
    );
    let y2 = report
        .of(madori_rules::RuleId::ShRoom)
        .find(|f| f.element_ids == ["y2"])
        .unwrap();
    assert!((y2.measured.unwrap().value - 3.185 * 3.64).abs() < 1e-9);
    // The plan still saves and loads.
    assert_eq!(
        format::from_json(&format::to_json(&ed.plan)).unwrap(),
        ed.plan
    );
}

// ---------- snapping and the viewport ----------

#[test]
fn snapping_prefers_vertices_then_edges_then_the_grid() {
    let ed = two_rooms();
    let storey = Some(&ed.plan.storeys[0]);
    let settings = SnapSettings::default();
    let at = |x: f64, y: f64| {
        let s = snap(storey, settings, WorldMm::new(x, y), 100.0, None, false);
        (s.point, s.kind)
    };
    assert_eq!(
        at(2700.0, 3600.0),
        (PointMm::new(2730, 3640), SnapKind::Vertex)
    );
    assert_eq!(
        at(2760.0, 1500.0),
        (PointMm::new(2730, 1820), SnapKind::Edge)
    );
    assert_eq!(
        at(7000.0, 1500.0),
        (PointMm::new(7280, 1820), SnapKind::Grid)
    );
    let metre = SnapSettings {
        grid: Grid::Metre1000,
        ..settings
    };
    assert_eq!(
        snap(
            storey,
            metre,
            WorldMm::new(7400.0, 1600.0),
            100.0,
            None,
            false
        )
        .point,
        PointMm::new(7000, 2000)
    );
    let off = SnapSettings {
        grid: Grid::Off,
        vertices: false,
        edges: false,
    };
    let s = snap(
        storey,
        off,
        WorldMm::new(2700.4, 3600.6),
        100.0,
        None,
        false,
    );
    assert_eq!(
        (s.point, s.kind),
        (PointMm::new(2700, 3601), SnapKind::Free)
    );
    // Orthogonal lock keeps the anchor's y for a mostly horizontal move.
    let s = snap(
        storey,
        settings,
        WorldMm::new(5000.0, 400.0),
        100.0,
        Some(PointMm::new(0, 0)),
        true,
    );
    assert_eq!(s.point, PointMm::new(4550, 0));
    assert_eq!(Grid::from_id("455"), Some(Grid::Shaku455));
}

#[test]
fn zoom_keeps_the_point_under_the_pointer() {
    let mut v = Viewport::new(
        WorldMm::new(-1000.0, -1000.0),
        0.1,
        ScreenPx::new(800.0, 600.0),
    );
    let anchor = ScreenPx::new(300.0, 200.0);
    let before = v.to_world(anchor);
    v.zoom_at(anchor, 1.5);
    let after = v.to_world(anchor);
    assert!((before.x - after.x).abs() < 1e-9 && (before.y - after.y).abs() < 1e-9);
    assert!((v.px_per_mm - 0.15).abs() < 1e-12);
    v.zoom_at(anchor, 1e9);
    assert_eq!(v.px_per_mm, madori_editor::viewport::MAX_PX_PER_MM);
    v.zoom_at(anchor, f64::NAN);
    assert_eq!(v.px_per_mm, madori_editor::viewport::MAX_PX_PER_MM);
    v.fit(WorldMm::new(0.0, 0.0), WorldMm::new(9100.0, 6370.0), 20.0);
    let lo = v.to_screen(WorldMm::new(0.0, 0.0));
    let hi = v.to_screen(WorldMm::new(9100.0, 6370.0));
    assert!(
        lo.x >= 19.9 && lo.y >= 19.9 && hi.x <= 780.1 && hi.y <= 580.1,
        "{lo:?} {hi:?}"
    );
    assert!(
        (hi.x - lo.x - 760.0).abs() < 1e-6 || (hi.y - lo.y - 560.0).abs() < 1e-6,
        "fills one axis"
    );
}

proptest! {
    #[test]
    fn viewport_round_trips(ox in -1e6f64..1e6, oy in -1e6f64..1e6, scale in 0.002f64..2.0, x in -1e6f64..1e6, y in -1e6f64..1e6, dx in -500f64..500.0, dy in -500f64..500.0) {
        let mut v = Viewport::new(WorldMm::new(ox, oy), scale, ScreenPx::new(1024.0, 768.0));
        let w = WorldMm::new(x, y);
        let back = v.to_world(v.to_screen(w));
        prop_assert!((back.x - x).abs() < 1e-6 && (back.y - y).abs() < 1e-6);
        let s = v.to_screen(w);
        v.pan_by(dx, dy);
        let moved = v.to_screen(w);
        prop_assert!((moved.x - s.x - dx).abs() < 1e-6 && (moved.y - s.y - dy).abs() < 1e-6);
    }

    /// Moving a shared wall and moving it back restores the plan, and never changes the total.
    #[test]
    fn wall_moves_keep_the_total_area(steps in -2i64..=2) {
        let mut ed = two_rooms();
        let original = ed.plan.clone();
        let total = area(&ed.plan);
        let offset = steps * 910;
        if ed.apply(Command::MoveEdge { room: "room1".into(), edge: 1, offset_mm: offset }).is_ok() {
            prop_assert!((area(&ed.plan) - total).abs() < 1e-9);
            ed.apply(Command::MoveEdge { room: "room1".into(), edge: 1, offset_mm: -offset }).ok();
            if offset != 0 {
                prop_assert_eq!(ed.plan.storeys[0].rooms.iter().map(|r| r.polygon.len()).sum::<usize>(), 8);
                prop_assert!((area(&ed.plan) - total).abs() < 1e-9);
            }
        }
        prop_assert!(madori_plan::validate::validate(&ed.plan).is_empty());
        let _ = original;
    }

    /// Splitting a rectangle anywhere along the grid keeps its area.
    #[test]
    fn splitting_keeps_the_area(cut in 1i64..6) {
        let mut ed = Editor::new(empty_plan());
        ed.tool(Tool::Room).down(0.0, 0.0).drag(5460.0, 3640.0).up();
        let x = (cut * 910) as f64;
        ed.tool(Tool::Split).click(x, -910.0).click(x, 4550.0);
        prop_assert_eq!(ed.plan.storeys[0].rooms.len(), 2);
        prop_assert!((area(&ed.plan) - 5.46 * 3.64).abs() < 1e-9);
    }
}

#[test]
fn shift_draws_a_square() {
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Room)
        .down(0.0, 0.0)
        .drag_shift(3640.0, 2730.0);
    ed.pointer_up(
        WorldMm::new(3640.0, 2730.0),
        madori_editor::tools::Modifiers { shift: true },
    );
    assert_eq!(
        bbox(&ed.plan, "room1"),
        (PointMm::new(0, 0), PointMm::new(3640, 3640))
    );
}

#[test]
fn building_facts_and_ceiling_heights_are_commands() {
    let mut ed = two_rooms();
    let mut dwelling = ed.plan.dwelling.clone();
    dwelling.construction_started = Some("1981-06-01".into());
    ed.apply(Command::UpdateDwelling(dwelling.clone())).unwrap();
    let report = madori_rules::check(
        &ed.plan,
        &madori_rules::profile::profile("sn-existing").unwrap(),
    );
    assert_eq!(
        report
            .of(madori_rules::RuleId::SnSeismic)
            .next()
            .unwrap()
            .status,
        madori_rules::Status::Pass
    );
    // A malformed date is refused by validation and changes nothing.
    dwelling.construction_started = Some("June 1981".into());
    assert!(ed.apply(Command::UpdateDwelling(dwelling)).is_err());
    assert_eq!(
        ed.plan.dwelling.construction_started.as_deref(),
        Some("1981-06-01")
    );
    ed.apply(Command::SetCeilingHeight {
        storey: 0,
        height_mm: Some(2050),
    })
    .unwrap();
    let report = madori_rules::check(
        &ed.plan,
        &madori_rules::profile::profile("building-code").unwrap(),
    );
    assert!(report
        .of(madori_rules::RuleId::BsCeiling)
        .all(|f| f.status == madori_rules::Status::Fail));
    assert!(ed
        .apply(Command::SetCeilingHeight {
            storey: 0,
            height_mm: Some(0)
        })
        .is_err());
}

#[test]
fn doors_and_windows_slide_along_their_wall() {
    let mut ed = two_rooms();
    ed.tool(Tool::Window).click(1365.0, 30.0);
    let id = ed.plan.storeys[0].openings[0].id.clone();
    assert_eq!(ed.plan.storeys[0].openings[0].offset_mm, 520);
    // Drag it 300 mm right (the drag's sideways wobble is ignored): one undo step.
    ed.tool(Tool::Select)
        .down(1365.0, 0.0)
        .drag(1500.0, 40.0)
        .drag(1665.0, 60.0)
        .up();
    assert_eq!(ed.plan.storeys[0].openings[0].offset_mm, 820);
    assert_eq!(ed.selection, Selection::Opening(id));
    assert_eq!(ed.history().last(), Some(&"建具を移動"));
    // It stops at the end of the wall: 2730 − 1690 = 1040.
    ed.down(1800.0, 0.0)
        .drag(2500.0, 0.0)
        .drag(9000.0, 0.0)
        .up();
    assert_eq!(ed.plan.storeys[0].openings[0].offset_mm, 1040);
    ed.undo();
    assert_eq!(ed.plan.storeys[0].openings[0].offset_mm, 820);
}

#[test]
fn saved_states_are_kept_opened_and_undone_each_in_one_step() {
    let mut ed = template_editor("kodan-3dk");
    let existing = ed.plan.clone();
    ed.apply(Command::SaveState {
        id: "genkyo".into(),
        name: "現況".into(),
        note: "公団 3DK の今の間取り".into(),
    })
    .unwrap();
    assert_eq!(ed.plan.variants.len(), 1);
    assert_eq!(ed.plan.variants[0].storeys, existing.storeys);
    // The work goes on: a room renamed, the profile changed; then saved as a proposal.
    let room = ed.plan.storeys[0].rooms[0].id.clone();
    ed.apply(Command::UpdateRoom {
        room: room.clone(),
        patch: RoomPatch {
            name: Some("個室A".into()),
            ..RoomPatch::default()
        },
    })
    .unwrap();
    ed.apply(Command::SaveState {
        id: "plan-a".into(),
        name: "計画案A".into(),
        note: String::new(),
    })
    .unwrap();
    assert!(ed
        .apply(Command::SaveState {
            id: "plan-a".into(),
            name: "again".into(),
            note: String::new(),
        })
        .is_err());
    // Opening 現況 brings its storeys back; one undo returns to the work.
    let work = ed.plan.storeys.clone();
    ed.apply(Command::OpenState { index: 0 }).unwrap();
    assert_eq!(ed.plan.storeys, existing.storeys);
    assert_eq!(
        ed.plan.variants.len(),
        2,
        "opening a state keeps every state"
    );
    ed.undo();
    assert_eq!(ed.plan.storeys, work);
    ed.apply(Command::UpdateState {
        index: 1,
        name: "計画案A: 3人".into(),
        note: "和室を個室に".into(),
    })
    .unwrap();
    assert_eq!(ed.plan.variants[1].note, "和室を個室に");
    assert!(ed
        .apply(Command::UpdateState {
            index: 1,
            name: " ".into(),
            note: String::new(),
        })
        .is_err());
    ed.apply(Command::RemoveState { index: 0 }).unwrap();
    assert_eq!(ed.plan.variants.len(), 1);
    assert!(ed.apply(Command::OpenState { index: 5 }).is_err());
    // Every state survives the file format.
    let text = format::to_json(&ed.plan);
    assert_eq!(format::from_json(&text).unwrap(), ed.plan);
}
