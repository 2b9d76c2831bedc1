//! Drawing by typed lengths (as in Jw_cad or AutoCAD: start a wall, type 3640, Enter) and
//! the live readout beside the pointer.

use madori_editor::snap::Grid;
use madori_editor::tools::{Key, Measure, Mode, Readout, Tool, MAX_TYPED_LENGTH_MM};
use madori_editor::{empty_plan, Editor};
use madori_plan::geometry::{distance_mm, MAX_COORDINATE_MM};
use madori_plan::{Plan, PointMm};
use proptest::prelude::*;

fn p(x: i64, y: i64) -> PointMm {
    PointMm::new(x, y)
}

/// Types `text` character by character; every character must be taken.
fn type_text(ed: &mut Editor, text: &str) {
    for c in text.chars() {
        assert!(ed.type_char(c), "{c:?} was not taken");
    }
}

fn only_room(plan: &Plan) -> &madori_plan::Room {
    let rooms = &plan.storeys[0].rooms;
    assert_eq!(rooms.len(), 1, "{rooms:?}");
    &rooms[0]
}

fn room_area_m2(plan: &Plan) -> f64 {
    madori_rules::area::wall_centre_area_m2(&only_room(plan).polygon)
}

fn polygon_points(ed: &Editor) -> Vec<PointMm> {
    match &ed.mode {
        Mode::DrawingPolygon { points } => points.clone(),
        other => panic!("not drawing a polygon: {other:?}"),
    }
}

fn en(ed: &Editor) -> String {
    ed.message
        .as_ref()
        .map(|m| m.message_en.clone())
        .unwrap_or_default()
}

#[test]
fn a_polygon_typed_side_by_side_has_exact_dimensions_and_is_one_undo_step() {
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Polygon).click(0.0, 0.0);
    // The pointer only shows the direction; the typed number is the length.
    ed.drag(3000.0, 100.0);
    type_text(&mut ed, "3640");
    assert_eq!(ed.typed(), "3640");
    ed.press(Key::Enter);
    assert_eq!(polygon_points(&ed), vec![p(0, 0), p(3640, 0)]);
    assert_eq!(ed.typed(), "", "Enter used the typed length");
    ed.drag(3700.0, 2000.0);
    type_text(&mut ed, "2730");
    ed.press(Key::Enter);
    ed.drag(100.0, 2800.0);
    type_text(&mut ed, "3640");
    ed.press(Key::Enter);
    assert_eq!(
        polygon_points(&ed),
        vec![p(0, 0), p(3640, 0), p(3640, 2730), p(0, 2730)]
    );
    // The last side lands on the first corner: the polygon closes.
    ed.drag(0.0, 100.0);
    type_text(&mut ed, "2730");
    ed.press(Key::Enter);
    assert_eq!(ed.mode, Mode::Idle);
    let room = only_room(&ed.plan);
    assert_eq!(
        room.polygon,
        vec![p(0, 0), p(3640, 0), p(3640, 2730), p(0, 2730)]
    );
    assert_eq!(room_area_m2(&ed.plan), 9.9372);
    assert_eq!(ed.history().len(), 1, "{:?}", ed.history());
    assert!(ed.undo());
    assert!(ed.plan.storeys[0].rooms.is_empty());
}

#[test]
fn the_direction_locks_to_an_axis_within_a_few_degrees_or_under_shift() {
    let mut ed = Editor::new(empty_plan());
    ed.snap.grid = Grid::Off;
    // 100 / 3000 is 1.9°: straight along x.
    ed.tool(Tool::Polygon).click(0.0, 0.0).drag(3000.0, 100.0);
    type_text(&mut ed, "3640");
    ed.press(Key::Enter);
    assert_eq!(polygon_points(&ed)[1], p(3640, 0));
    // 1000 / 3000 with Shift: the orthogonal lock keeps it along x.
    ed.drag_shift(3640.0 + 3000.0, 1000.0);
    type_text(&mut ed, "910");
    ed.press(Key::Enter);
    assert_eq!(polygon_points(&ed)[2], p(4550, 0));
    // 30° below +x, no lock: the corner is 2000 mm along that direction, to the mm.
    let (c, s) = (30f64.to_radians().cos(), 30f64.to_radians().sin());
    ed.drag(4550.0 + 5000.0 * c, 5000.0 * s);
    type_text(&mut ed, "2000");
    ed.press(Key::Enter);
    let corner = polygon_points(&ed)[3];
    assert_eq!(
        corner,
        p(
            4550 + (2000.0 * c).round() as i64,
            (2000.0 * s).round() as i64
        )
    );
    assert!((distance_mm(p(4550, 0), corner) - 2000.0).abs() < 0.5);
}

#[test]
fn a_rectangle_typed_as_width_and_depth_is_exact() {
    for typed in [
        "3640,2730",
        "3640x2730",
        "3640×2730",
        "３６４０，２７３０",
        "3640X2730",
    ] {
        let mut ed = Editor::new(empty_plan());
        // First corner by a click; the pointer shows the quadrant.
        ed.tool(Tool::Room).click(0.0, 0.0).drag(500.0, 400.0);
        assert!(
            ed.in_gesture(),
            "{typed}: a click waits for the opposite corner"
        );
        type_text(&mut ed, typed);
        assert_eq!(ed.typed(), "3640,2730", "{typed}");
        ed.press(Key::Enter);
        assert_eq!(ed.mode, Mode::Idle, "{typed}");
        assert_eq!(
            only_room(&ed.plan).polygon,
            vec![p(0, 0), p(3640, 0), p(3640, 2730), p(0, 2730)],
            "{typed}"
        );
        assert_eq!(room_area_m2(&ed.plan), 9.9372, "{typed}");
        assert_eq!(
            madori_rules::numbers::area(room_area_m2(&ed.plan)),
            "9.93",
            "{typed}"
        );
        assert_eq!(ed.history().len(), 1, "{typed}: one undo step");
        assert!(!ed.in_gesture());
    }
}

#[test]
fn a_rectangle_goes_towards_the_pointer_quadrant_and_can_be_typed_while_dragging() {
    let mut ed = Editor::new(empty_plan());
    // Dragging up and left from (9100, 9100), then typing before letting go.
    ed.tool(Tool::Room)
        .down(9100.0, 9100.0)
        .drag(7000.0, 8000.0);
    type_text(&mut ed, "3640,2730");
    ed.press(Key::Enter);
    ed.up();
    let (lo, hi) = madori_plan::geometry::bounds(&only_room(&ed.plan).polygon).unwrap();
    assert_eq!((lo, hi), (p(9100 - 3640, 9100 - 2730), p(9100, 9100)));
    assert_eq!(ed.history().len(), 1);
    assert_eq!(
        ed.mode,
        Mode::Idle,
        "the release after Enter starts nothing"
    );
}

#[test]
fn a_typed_width_alone_keeps_the_depth_the_pointer_shows() {
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Room).click(0.0, 0.0).drag(2000.0, 1820.0);
    type_text(&mut ed, "3640");
    ed.press(Key::Enter);
    let (lo, hi) = madori_plan::geometry::bounds(&only_room(&ed.plan).polygon).unwrap();
    assert_eq!((lo, hi), (p(0, 0), p(3640, 1820)));
    // Without a depth on screen, the width alone is not enough.
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Room).click(0.0, 0.0);
    type_text(&mut ed, "3640");
    ed.press(Key::Enter);
    assert!(en(&ed).contains("depth"), "{}", en(&ed));
    assert!(ed.plan.storeys[0].rooms.is_empty());
    assert_eq!(ed.typed(), "3640", "the typed text stays to be edited");
}

#[test]
fn enter_with_nothing_typed_leaves_a_rectangle_or_drag_going() {
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Room).down(0.0, 0.0).drag(3640.0, 2730.0);
    ed.press(Key::Enter);
    assert!(matches!(ed.mode, Mode::DrawingRect { .. }));
    ed.up();
    assert_eq!(only_room(&ed.plan).polygon.len(), 4);
    assert_eq!(ed.history().len(), 1, "the release still commits");
    ed.tool(Tool::Select)
        .down(3640.0, 1365.0)
        .drag(4550.0, 1365.0);
    ed.press(Key::Enter);
    ed.up();
    assert!(!ed.in_gesture());
    assert_eq!(ed.history().len(), 2, "the wall drag still commits");
}

#[test]
fn a_rectangle_by_two_clicks_and_a_refused_second_click() {
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Room).click(0.0, 0.0).drag(3000.0, 2000.0);
    assert_eq!(ed.plan.storeys[0].rooms.len(), 1, "the preview follows");
    ed.click(3640.0, 2730.0);
    assert_eq!(
        only_room(&ed.plan).polygon,
        vec![p(0, 0), p(3640, 0), p(3640, 2730), p(0, 2730)]
    );
    assert_eq!(ed.history().len(), 1);
    // A second rectangle whose second click would overlap the first: nothing is committed,
    // and the drawing still waits for a corner.
    let before = ed.plan.clone();
    ed.tool(Tool::Room).click(4550.0, 0.0).click(1820.0, 910.0);
    assert!(en(&ed).contains("overlap"), "{}", en(&ed));
    assert!(matches!(ed.mode, Mode::DrawingRect { .. }));
    assert_eq!(ed.history().len(), 1);
    ed.press(Key::Escape);
    assert_eq!(ed.plan, before);
    assert_eq!(ed.mode, Mode::Idle);
}

#[test]
fn backspace_edits_and_escape_clears_the_length_before_cancelling() {
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Polygon).click(0.0, 0.0).click(3640.0, 0.0);
    ed.drag(3640.0, 2000.0);
    type_text(&mut ed, "2731");
    ed.press(Key::Backspace);
    assert_eq!(ed.typed(), "273");
    assert_eq!(
        polygon_points(&ed).len(),
        2,
        "Backspace edited the text only"
    );
    type_text(&mut ed, "0");
    assert_eq!(ed.readout().unwrap().typed, "2730");
    ed.press(Key::Escape);
    assert_eq!(ed.typed(), "");
    assert_eq!(
        polygon_points(&ed).len(),
        2,
        "the first Esc clears the text only"
    );
    // With nothing typed, Backspace removes the last corner as before, and Esc cancels.
    ed.press(Key::Backspace);
    assert_eq!(polygon_points(&ed), vec![p(0, 0)]);
    type_text(&mut ed, "91");
    ed.press(Key::Escape);
    ed.press(Key::Escape);
    assert_eq!(ed.mode, Mode::Idle);
    assert!(ed.plan.storeys[0].rooms.is_empty());
    assert!(!ed.can_undo());
    // Esc on a rectangle: first the text, then the drawing.
    ed.tool(Tool::Room).click(0.0, 0.0).drag(2000.0, 2000.0);
    type_text(&mut ed, "3640");
    ed.press(Key::Escape);
    assert!(ed.in_gesture(), "still drawing");
    ed.press(Key::Escape);
    assert!(!ed.in_gesture());
    assert!(ed.plan.storeys[0].rooms.is_empty());
    assert!(!ed.can_undo());
}

#[test]
fn a_zero_or_absurd_length_is_refused_with_a_message_and_changes_nothing() {
    for typed in ["0", "10000000", "1000001"] {
        let mut ed = Editor::new(empty_plan());
        ed.tool(Tool::Polygon).click(0.0, 0.0).drag(3000.0, 0.0);
        type_text(&mut ed, typed);
        let mode = ed.mode.clone();
        ed.press(Key::Enter);
        assert!(
            en(&ed).contains("type 1 to 1000000 mm"),
            "{typed}: {}",
            en(&ed)
        );
        assert!(!ed.message.as_ref().unwrap().message_ja.is_empty());
        assert_eq!(ed.mode, mode, "{typed}");
        assert_eq!(ed.typed(), typed, "{typed}: the text stays to be edited");
        // A rectangle refuses it too, as width or as depth.
        for rect in [format!("{typed},2730"), format!("3640,{typed}")] {
            let mut ed = Editor::new(empty_plan());
            ed.tool(Tool::Room).click(0.0, 0.0).drag(500.0, 500.0);
            let shown = ed.plan.clone();
            type_text(&mut ed, &rect);
            ed.press(Key::Enter);
            assert!(en(&ed).contains("cannot be drawn"), "{rect}: {}", en(&ed));
            assert_eq!(ed.plan, shown, "{rect}");
            assert!(!ed.can_undo(), "{rect}");
            assert!(matches!(ed.mode, Mode::DrawingRect { .. }), "{rect}");
        }
    }
}

#[test]
fn lengths_at_the_limits() {
    // 1 mm and the largest length are accepted.
    let mut ed = Editor::new(empty_plan());
    ed.snap.grid = Grid::Off;
    ed.tool(Tool::Polygon).click(0.0, 0.0).drag(3000.0, 0.0);
    type_text(&mut ed, "1");
    ed.press(Key::Enter);
    assert_eq!(polygon_points(&ed)[1], p(1, 0));
    ed.press(Key::Backspace).press(Key::Backspace);
    ed.click(0.0, 0.0).drag(0.0, 3000.0);
    type_text(&mut ed, &MAX_TYPED_LENGTH_MM.to_string());
    ed.press(Key::Enter);
    assert_eq!(polygon_points(&ed)[1], p(0, MAX_COORDINATE_MM));
    // A length that fits but would leave the coordinate range is refused.
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Polygon).click(910.0, 0.0).drag(3000.0, 0.0);
    type_text(&mut ed, &MAX_TYPED_LENGTH_MM.to_string());
    ed.press(Key::Enter);
    assert!(en(&ed).contains("drawing range"), "{}", en(&ed));
    assert_eq!(polygon_points(&ed), vec![p(910, 0)]);
    // An empty width before the separator cannot be typed; an empty depth is refused.
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Room).click(0.0, 0.0).drag(500.0, 500.0);
    assert!(!ed.type_char(','));
    type_text(&mut ed, "3640,");
    assert!(!ed.type_char(','), "one separator");
    ed.press(Key::Enter);
    assert!(en(&ed).contains("type the length in digits"), "{}", en(&ed));
    // The text is bounded.
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Polygon).click(0.0, 0.0);
    type_text(
        &mut ed,
        &"1".repeat(madori_editor::tools::MAX_TYPED_CHARS + 5),
    );
    assert_eq!(ed.typed().len(), madori_editor::tools::MAX_TYPED_CHARS);
    assert!(en(&ed).contains("at most"), "{}", en(&ed));
}

#[test]
fn digits_are_not_taken_unless_a_drawing_is_in_progress() {
    let mut ed = Editor::new(empty_plan());
    assert!(!ed.type_char('3'), "select tool, idle");
    ed.tool(Tool::Room);
    assert!(!ed.type_char('3'), "room tool before its first corner");
    ed.tool(Tool::Polygon);
    assert!(!ed.type_char('3'), "polygon tool before its first corner");
    ed.click(0.0, 0.0);
    assert!(!ed.type_char('v'), "letters stay shortcuts");
    assert!(!ed.type_char(','), "a polygon side is one length");
    assert!(ed.type_char('3'));
    assert_eq!(ed.typed(), "3");
    // Choosing another tool ends the drawing and drops the text.
    ed.tool(Tool::Select);
    assert_eq!(ed.typed(), "");
    assert!(!ed.type_char('3'));
    // Enter and arrows still do what they did.
    ed.tool(Tool::Room).down(0.0, 0.0).drag(3640.0, 2730.0).up();
    ed.tool(Tool::Select).click(1000.0, 1000.0);
    ed.press(Key::Arrow { dx: 1, dy: 0 });
    let (lo, _) = madori_plan::geometry::bounds(&only_room(&ed.plan).polygon).unwrap();
    assert_eq!(lo, p(910, 0));
}

#[test]
fn a_cut_by_typed_length() {
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Room).down(0.0, 0.0).drag(3640.0, 2730.0).up();
    ed.tool(Tool::Split).click(1820.0, 0.0).drag(1820.0, 2000.0);
    let readout = ed.readout().unwrap();
    assert_eq!(
        readout.measure,
        Measure::Segment {
            length_mm: 1820,
            angle_deg: None
        }
    );
    type_text(&mut ed, "2730");
    ed.press(Key::Enter);
    assert_eq!(ed.plan.storeys[0].rooms.len(), 2);
    assert_eq!(ed.mode, Mode::Idle);
    assert_eq!(ed.history().len(), 2);
    // A cut whose middle is outside every room is refused and the cut goes on.
    ed.tool(Tool::Split).click(0.0, 0.0).drag(-2000.0, 0.0);
    type_text(&mut ed, "910");
    ed.press(Key::Enter);
    assert!(en(&ed).contains("middle of the cut"), "{}", en(&ed));
    assert_eq!(ed.mode, Mode::Splitting { first: p(0, 0) });
    assert_eq!(ed.typed(), "910");
}

#[test]
fn readouts_for_each_tool() {
    let mut ed = Editor::new(empty_plan());
    assert_eq!(ed.readout(), None, "nothing in progress");
    // Rectangle: width × depth and area, at the opposite corner.
    ed.tool(Tool::Room).down(0.0, 0.0).drag(3640.0, 2730.0);
    assert_eq!(
        ed.readout(),
        Some(Readout {
            at: p(3640, 2730),
            measure: Measure::Rect {
                width_mm: 3640,
                depth_mm: 2730,
                area_m2: 9.9372
            },
            typed: String::new(),
        })
    );
    type_text(&mut ed, "45");
    assert_eq!(ed.readout().unwrap().typed, "45");
    ed.press(Key::Escape).press(Key::Escape).up();
    assert_eq!(ed.readout(), None, "Esc ended the drawing");
    assert!(ed.plan.storeys[0].rooms.is_empty());
    // Polygon: the rubber band's length, and its angle when not orthogonal.
    ed.tool(Tool::Polygon).click(0.0, 0.0);
    ed.drag(2730.0, 0.0);
    assert_eq!(
        ed.readout().unwrap().measure,
        Measure::Segment {
            length_mm: 2730,
            angle_deg: None
        }
    );
    ed.drag(2730.0, 2730.0);
    let readout = ed.readout().unwrap();
    assert_eq!(readout.at, p(2730, 2730));
    let Measure::Segment {
        length_mm,
        angle_deg: Some(angle),
    } = readout.measure
    else {
        panic!("{readout:?}")
    };
    assert_eq!(length_mm, 3861, "2730 √2 = 3860.8");
    assert!(
        (angle - 315.0).abs() < 1e-9,
        "down-right on screen: {angle}"
    );
    ed.drag(-910.0, -1820.0);
    let Measure::Segment {
        angle_deg: Some(angle),
        ..
    } = ed.readout().unwrap().measure
    else {
        panic!()
    };
    // Up and to the left on screen: 180° − atan(1820 / 910).
    assert!(
        (angle - (180.0 - 2f64.atan().to_degrees())).abs() < 1e-9,
        "{angle}"
    );
    ed.press(Key::Escape);
    // Select tool: a dragged wall shows its offset, a dragged vertex its movement.
    ed.tool(Tool::Room).down(0.0, 0.0).drag(3640.0, 2730.0).up();
    ed.tool(Tool::Select)
        .down(3640.0, 1365.0)
        .drag(4000.0, 1365.0)
        .drag(4550.0, 1365.0);
    let readout = ed.readout().unwrap();
    assert_eq!(readout.at, p(4550, 1365));
    let Measure::Offset { offset_mm } = readout.measure else {
        panic!("{readout:?}")
    };
    assert_eq!(offset_mm, 910, "positive: the room grows");
    ed.up();
    assert_eq!(ed.readout(), None);
    // The same wall back in: negative.
    ed.down(4550.0, 1365.0)
        .drag(4000.0, 1365.0)
        .drag(3640.0, 1365.0);
    let Measure::Offset { offset_mm } = ed.readout().unwrap().measure else {
        panic!()
    };
    assert_eq!(offset_mm, -910, "negative: the room shrinks");
    ed.press(Key::Escape);
    ed.down(4550.0, 2730.0)
        .drag(5000.0, 3000.0)
        .drag(5460.0, 3640.0);
    assert_eq!(
        ed.readout(),
        Some(Readout {
            at: p(5460, 3640),
            measure: Measure::Move {
                dx_mm: 910,
                dy_mm: 910
            },
            typed: String::new(),
        })
    );
    ed.up();
    // Moving a room shows no readout (only drawing and wall or vertex drags do).
    ed.down(1000.0, 1000.0).drag(2000.0, 1000.0);
    assert!(ed.in_gesture());
    assert_eq!(ed.readout(), None);
}

#[test]
fn a_refused_wall_drag_reads_the_offset_shown_not_the_pointer() {
    // Two rooms with a 910 mm gap: room1's right wall closes the gap and stops at room2.
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Room).down(0.0, 0.0).drag(1820.0, 2730.0).up();
    ed.tool(Tool::Room)
        .down(2730.0, 0.0)
        .drag(4550.0, 2730.0)
        .up();
    ed.tool(Tool::Select)
        .down(1820.0, 1365.0)
        .drag(2300.0, 1365.0)
        .drag(2730.0, 1365.0);
    let Measure::Offset { offset_mm } = ed.readout().unwrap().measure else {
        panic!()
    };
    assert_eq!(offset_mm, 910);
    // Further, the rooms would overlap: refused, the wall stays where it was shown.
    ed.drag(3640.0, 1365.0);
    assert!(ed.message.is_some());
    let Measure::Offset { offset_mm: after } = ed.readout().unwrap().measure else {
        panic!()
    };
    assert_eq!(after, offset_mm);
}

proptest! {
    /// A typed length lands that far from the last corner, exactly on the axis when the
    /// pointer is within the lock angle of it.
    #[test]
    fn a_typed_length_lands_at_that_distance(
        angle in 0.0f64..360.0,
        length in 1i64..=200_000,
        start in (-50_000i64..50_000, -50_000i64..50_000),
    ) {
        let mut ed = Editor::new(empty_plan());
        ed.snap.grid = Grid::Off;
        let (x0, y0) = (start.0 as f64, start.1 as f64);
        ed.tool(Tool::Polygon).click(x0, y0);
        let (c, s) = (angle.to_radians().cos(), angle.to_radians().sin());
        ed.drag(x0 + 100_000.0 * c, y0 + 100_000.0 * s);
        type_text(&mut ed, &length.to_string());
        ed.press(Key::Enter);
        let points = polygon_points(&ed);
        prop_assert_eq!(points.len(), 2);
        let end = points[1];
        let d = distance_mm(points[0], end);
        prop_assert!((d - length as f64).abs() <= 0.71, "{} vs {}", d, length);
        // Distance from the nearest axis direction, degrees.
        let off_axis = (angle % 90.0).min(90.0 - angle % 90.0);
        if off_axis < AXIS_MARGIN {
            prop_assert!(end.x == points[0].x || end.y == points[0].y, "{:?}", end);
            prop_assert_eq!(d, length as f64);
        }
        // (A short side may still round onto the axis.)
        if off_axis > 3.0 + AXIS_MARGIN_OUT && length as f64 * off_axis.to_radians().sin() > 1.0 {
            prop_assert!(end.x != points[0].x && end.y != points[0].y, "{:?}", end);
        }
    }
}

/// Inside the lock angle with room for the pointer's rounding to whole mm.
const AXIS_MARGIN: f64 = 2.99;
/// Outside it likewise.
const AXIS_MARGIN_OUT: f64 = 0.01;

#[test]
fn a_rectangle_dragged_back_to_no_width_shows_no_room() {
    let mut ed = madori_editor::Editor::new(madori_editor::empty_plan());
    ed.tool(madori_editor::tools::Tool::Room)
        .down(0.0, 0.0)
        .drag(3640.0, 2730.0);
    assert_eq!(
        ed.plan.storeys[0].rooms.len(),
        1,
        "the preview shows the room"
    );
    ed.drag(0.0, 2730.0);
    assert!(
        ed.plan.storeys[0].rooms.is_empty(),
        "no width: the preview shows nothing, not the last room"
    );
    ed.drag(2730.0, 2730.0).up();
    assert_eq!(ed.plan.storeys[0].rooms.len(), 1);
    let area = madori_rules::area::wall_centre_area_m2(&ed.plan.storeys[0].rooms[0].polygon);
    assert!((area - 7.4529).abs() < 1e-9, "{area}");
    ed.undo();
    assert!(ed.plan.storeys[0].rooms.is_empty(), "one undo step");
}
