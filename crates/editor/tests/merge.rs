//! Merging two rooms: the outline of the pair without the wall they share, exact in integer
//! mm, or a clear refusal that changes nothing.

use madori_editor::{empty_plan, Command, Editor};
use madori_plan::geometry::signed_area_twice_mm2;
use madori_plan::validate::validate;
use madori_plan::{Plan, PointMm, Room};
use proptest::prelude::*;

mod common;
use common::rect_room;

fn p(x: i64, y: i64) -> PointMm {
    PointMm::new(x, y)
}

fn plan_of(rooms: Vec<Room>) -> Plan {
    let mut plan = empty_plan();
    plan.storeys[0].rooms = rooms;
    assert!(validate(&plan).is_empty(), "{:?}", validate(&plan));
    plan
}

fn merge(ed: &mut Editor) -> Result<(), madori_editor::EditError> {
    ed.apply(Command::MergeRooms {
        a: "a".into(),
        b: "b".into(),
    })
}

fn refused(rooms: Vec<Room>, message_en: &str) {
    let plan = plan_of(rooms);
    let mut ed = Editor::new(plan.clone());
    let error = merge(&mut ed).expect_err("the merge is refused");
    assert_eq!(error.message_en, message_en);
    assert_eq!(ed.plan, plan, "a refused merge changes nothing");
}

#[test]
fn rooms_sharing_part_of_a_wall_merge_into_an_l_shape_that_runs_like_the_first_room() {
    let mut b = rect_room("b", 2000, 500, 1000, 1500);
    // The second room runs the other way round; the merged room keeps the first one's way.
    b.polygon.reverse();
    let mut ed = Editor::new(plan_of(vec![rect_room("a", 0, 0, 2000, 1000), b]));
    merge(&mut ed).unwrap();
    let rooms = &ed.plan.storeys[0].rooms;
    assert_eq!(rooms.len(), 1);
    assert_eq!(
        rooms[0].polygon,
        [
            p(0, 0),
            p(2000, 0),
            p(2000, 500),
            p(3000, 500),
            p(3000, 2000),
            p(2000, 2000),
            p(2000, 1000),
            p(0, 1000),
        ]
    );
}

#[test]
fn rooms_meeting_only_at_a_corner_cannot_merge() {
    refused(
        vec![
            rect_room("a", 0, 0, 1000, 1000),
            rect_room("b", 1000, 1000, 1000, 1000),
        ],
        "rooms that do not share a wall cannot merge",
    );
}

#[test]
fn a_room_closing_a_notch_would_enclose_a_hole() {
    // A U open at the bottom, and a room across the bottom touching both arms.
    let mut a = rect_room("a", 0, 0, 3000, 2000);
    a.polygon = vec![
        p(0, 0),
        p(3000, 0),
        p(3000, 2000),
        p(2000, 2000),
        p(2000, 1000),
        p(1000, 1000),
        p(1000, 2000),
        p(0, 2000),
    ];
    refused(
        vec![a, rect_room("b", 0, 2000, 3000, 1000)],
        "merging would enclose a hole",
    );
}

#[test]
fn a_room_sharing_a_wall_and_touching_again_at_a_corner_would_enclose_a_hole() {
    // `b` shares the wall x = 1000 with `a` and comes back round to touch `a`'s corner
    // (0, 1000) with a point: the space between them is closed off.
    let mut b = rect_room("b", 1000, 0, 1000, 2000);
    b.polygon = vec![
        p(1000, 0),
        p(2000, 0),
        p(2000, 2000),
        p(-500, 2000),
        p(-500, 1500),
        p(0, 1000),
        p(500, 1500),
        p(1500, 1500),
        p(1500, 1000),
        p(1000, 1000),
    ];
    refused(
        vec![rect_room("a", 0, 0, 1000, 1000), b],
        "merging would enclose a hole",
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Two rectangles side by side sharing any length of the wall between them merge into
    /// one room whose area is exactly theirs, with no vertex left on a straight wall, that
    /// runs like the first room; the vertex lists may start anywhere and run either way.
    #[test]
    fn side_by_side_rectangles_merge_exactly(
        w1 in 1i64..60, d1 in 1i64..60, w2 in 1i64..60, d2 in 1i64..60,
        align in 0u8..3, offset in 0i64..1000, start_a in 0usize..4, start_b in 0usize..4,
        reverse_a: bool, reverse_b: bool,
    ) {
        let (w1, d1, w2, d2) = (w1 * 100, d1 * 100, w2 * 100, d2 * 100);
        // `b`'s top: level with `a`'s, or its bottom level with `a`'s, or anywhere strictly
        // between `-d2` and `d1`, so that the two always share some of the wall x = w1.
        let y = match align {
            0 => 0,
            1 => d1 - d2,
            _ => -d2 + 1 + offset * (d1 + d2 - 2) / 999,
        };
        let mut a = rect_room("a", 0, 0, w1, d1);
        let mut b = rect_room("b", w1, y, w2, d2);
        a.polygon.rotate_left(start_a);
        b.polygon.rotate_left(start_b);
        if reverse_a {
            a.polygon.reverse();
        }
        if reverse_b {
            b.polygon.reverse();
        }
        let sign_a = signed_area_twice_mm2(&a.polygon).signum();
        let expected = 2 * (w1 * d1 + w2 * d2);
        let mut ed = Editor::new(plan_of(vec![a, b]));
        merge(&mut ed).unwrap();
        let rooms = &ed.plan.storeys[0].rooms;
        prop_assert_eq!(rooms.len(), 1);
        let outline = &rooms[0].polygon;
        prop_assert_eq!(signed_area_twice_mm2(outline), i128::from(expected) * sign_a);
        let aligned = usize::from(y == 0) + usize::from(y + d2 == d1);
        prop_assert_eq!(outline.len(), 8 - 2 * aligned);
        prop_assert!(validate(&ed.plan).is_empty());
    }
}
