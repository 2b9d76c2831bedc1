//! Where a room's label goes: a point inside the room, in the middle of its widest stretch
//! at mid-height.

use geo::{Contains, Coord, LineString, Point, Polygon};
use madori_plan::geometry::{first_self_intersection, signed_area_twice_mm2};
use madori_plan::PointMm;
use madori_rules::area::label_position_mm;
use proptest::prelude::*;

fn pts(points: &[(i64, i64)]) -> Vec<PointMm> {
    points.iter().map(|&(x, y)| PointMm::new(x, y)).collect()
}

#[test]
fn a_rectangle_is_labelled_at_its_centre() {
    let room = pts(&[(0, 0), (3640, 0), (3640, 2730), (0, 2730)]);
    assert_eq!(label_position_mm(&room), (1820.0, 1365.0));
    let mut reversed = room.clone();
    reversed.reverse();
    assert_eq!(label_position_mm(&reversed), (1820.0, 1365.0));
}

#[test]
fn an_l_shaped_corridor_is_labelled_inside_its_arm_not_at_its_centroid() {
    // Heights 0, 1000, 3000: the middle (1500) lies in the band 1000..3000, whose middle line
    // y = 2000 crosses only the vertical arm, 0..1000.
    let room = pts(&[
        (0, 0),
        (3000, 0),
        (3000, 1000),
        (1000, 1000),
        (1000, 3000),
        (0, 3000),
    ]);
    assert_eq!(label_position_mm(&room), (500.0, 2000.0));
}

#[test]
fn of_two_arms_on_the_line_the_wider_one_takes_the_label() {
    // A U open at the top: arms 0..1000 and 1500..3000 at y = 1000.
    let room = pts(&[
        (0, 0),
        (1000, 0),
        (1000, 1500),
        (1500, 1500),
        (1500, 0),
        (3000, 0),
        (3000, 2000),
        (0, 2000),
    ]);
    // Heights 0, 1500, 2000: the middle (1000) lies in the band 0..1500, line y = 750.
    assert_eq!(label_position_mm(&room), (2250.0, 750.0));
}

#[test]
fn empty_and_flat_outlines_give_a_point_without_panicking() {
    assert_eq!(label_position_mm(&[]), (0.0, 0.0));
    assert_eq!(label_position_mm(&pts(&[(5, 7)])), (5.0, 7.0));
    assert_eq!(
        label_position_mm(&pts(&[(10, 20), (30, 20), (50, 20)])),
        (10.0, 20.0)
    );
    // Coordinates at the ends of i64 neither overflow nor give a non-finite point.
    let huge = pts(&[
        (i64::MIN, i64::MIN),
        (i64::MAX, i64::MIN),
        (i64::MAX, i64::MAX),
    ]);
    let (x, y) = label_position_mm(&huge);
    assert!(x.is_finite() && y.is_finite());
}

fn to_geo(polygon: &[PointMm]) -> Polygon<f64> {
    let coords = polygon
        .iter()
        .map(|p| Coord {
            x: p.x as f64,
            y: p.y as f64,
        })
        .collect();
    Polygon::new(LineString::new(coords), vec![])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any star-shaped polygon (vertices at increasing angles around (-1000, 6000), at random
    /// distances, so it is simple and lies on both sides of x = 0; kept when rounding to mm
    /// leaves it simple): the label point lies strictly inside it.
    #[test]
    fn the_label_of_any_star_shaped_polygon_is_inside_it(
        mut spokes in prop::collection::vec((0u32..3600, 100i64..5000), 3..=12),
    ) {
        spokes.sort_unstable_by_key(|s| s.0);
        spokes.dedup_by_key(|s| s.0);
        let room: Vec<PointMm> = spokes
            .iter()
            .map(|&(tenths, r)| {
                let angle = f64::from(tenths).to_radians() / 10.0;
                PointMm::new(
                    -1000 + (r as f64 * angle.cos()).round() as i64,
                    6000 + (r as f64 * angle.sin()).round() as i64,
                )
            })
            .collect();
        prop_assume!(room.len() >= 3);
        prop_assume!(signed_area_twice_mm2(&room) != 0 && first_self_intersection(&room).is_none());
        let (x, y) = label_position_mm(&room);
        prop_assert!(to_geo(&room).contains(&Point::new(x, y)), "({x}, {y}) outside {room:?}");
    }
}
