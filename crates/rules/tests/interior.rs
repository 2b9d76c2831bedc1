//! 内法 (interior) areas against values worked out by hand: steps where a straight wall changes
//! thickness, merged rooms, L-shapes and 45° walls, rooms thinner than their walls, and
//! properties over random rectangles and random star-shaped rooms.

use approx::assert_relative_eq;
use geo::{Area, Contains, Coord, LineString, Polygon, Validation};
use madori_plan::geometry::{first_self_intersection, signed_area_twice_mm2};
use madori_plan::{format, PointMm};
use madori_rules::area::{interior_polygon, wall_centre_area_m2, PlanAreas, MM2_PER_M2};
use proptest::prelude::*;

fn pts(points: &[(i64, i64)]) -> Vec<PointMm> {
    points.iter().map(|&(x, y)| PointMm::new(x, y)).collect()
}

fn geo_polygon(points: &[(f64, f64)]) -> Polygon<f64> {
    let coords = points.iter().map(|&(x, y)| Coord { x, y }).collect();
    Polygon::new(LineString::new(coords), vec![])
}

fn wall_centre_geo(polygon: &[PointMm]) -> Polygon<f64> {
    let points: Vec<(f64, f64)> = polygon.iter().map(|p| (p.x as f64, p.y as f64)).collect();
    geo_polygon(&points)
}

/// The 内法 area in mm², or `None`.
fn interior_mm2(polygon: &[PointMm], thickness_mm: &[u32]) -> Option<f64> {
    interior_polygon(polygon, thickness_mm).map(|p| geo_polygon(&p).unsigned_area())
}

/// Both windings give the same interior area.
fn interior_mm2_both_windings(polygon: &[PointMm], thickness_mm: &[u32]) -> Option<f64> {
    let forward = interior_mm2(polygon, thickness_mm);
    // Reversing the vertices reverses the edges: edge i of the reversed outline is edge
    // n-2-i of the original (mod n).
    let n = polygon.len();
    let reversed: Vec<PointMm> = polygon.iter().rev().copied().collect();
    let reversed_thickness: Vec<u32> = (0..n).map(|i| thickness_mm[(2 * n - 2 - i) % n]).collect();
    let backward = interior_mm2(&reversed, &reversed_thickness);
    match (forward, backward) {
        (Some(f), Some(b)) => assert_relative_eq!(f, b, max_relative = 1e-12),
        (f, b) => assert_eq!(f.is_some(), b.is_some()),
    }
    forward
}

/// A room whose top wall is 2000 mm at 100 mm then 1000 mm at 300 mm, other walls 100 mm,
/// on a 3000 × 2000 wall-centre rectangle.
///
/// Inside the walls the room is 50..2950 wide and reaches down to 1950. Along the top the
/// 100 mm wall leaves the face at 50 for x ≤ 2000, the 300 mm wall at 150 beyond it, with a
/// step at x = 2000:
///
/// (2000 − 50) × (1950 − 50) + (2950 − 2000) × (1950 − 150)
///   = 1950 × 1900 + 950 × 1800 = 3 705 000 + 1 710 000 = 5 415 000 mm² = 5.415 ㎡.
///
/// Averaging the two faces (the old code) gave 5.34 ㎡: it put the vertex half-way along the
/// first edge as well as half-way between the faces.
#[test]
fn a_straight_wall_that_thickens_makes_a_step() {
    let room = pts(&[(0, 0), (2000, 0), (3000, 0), (3000, 2000), (0, 2000)]);
    let thickness = [100, 300, 100, 100, 100];
    let exact = 1950.0 * 1900.0 + 950.0 * 1800.0;
    assert_eq!(exact, 5_415_000.0);
    let area = interior_mm2_both_windings(&room, &thickness).unwrap();
    assert_relative_eq!(area, exact, max_relative = 1e-12);
    assert_relative_eq!(area / MM2_PER_M2, 5.415, max_relative = 1e-12);
    let outline = interior_polygon(&room, &thickness).unwrap();
    assert_eq!(
        outline,
        vec![
            (50.0, 50.0),
            (2000.0, 50.0),
            (2000.0, 150.0),
            (2950.0, 150.0),
            (2950.0, 1950.0),
            (50.0, 1950.0),
        ],
        "the step is two vertices on the perpendicular through (2000, 0)"
    );
}

/// One plan from JSON (the loader validates it).
fn plan(json: &str) -> madori_plan::Plan {
    format::from_json(json).unwrap_or_else(|problems| panic!("{problems:?}"))
}

/// A merged wooden room, 7200 × 3000 at wall centre, whose top side is one straight line:
/// its first 4015 mm are shared with the neighbour above (an interior wall, 120 mm by
/// default), the remaining 3185 mm are exterior (150 mm), as are its other three sides. The
/// polygon has a vertex where the neighbour's wall ends, so the side is two collinear edges.
///
/// Inside: x from 75 to 7125, bottom face at 2925; top face at 60 over the shared part and
/// at 75 beyond the step at x = 4015:
///
/// (4015 − 75) × (2925 − 60) + (7125 − 4015) × (2925 − 75)
///   = 3940 × 2865 + 3110 × 2850 = 11 288 100 + 8 863 500 = 20 151 600 mm² = 20.1516 ㎡.
#[test]
fn merged_room_with_a_shared_and_an_exterior_wall_on_one_line() {
    let json = |room: &str| {
        format!(
            r#"{{"format_version": 1, "name": "merged",
            "dwelling": {{"construction": "wooden", "status": "existing"}},
            "storeys": [{{"id": "1f", "name": "1F", "rooms": [
              {{"id": "ldk", "name": "LDK", "kind": "ldk", "polygon": {room}}},
              {{"id": "w", "name": "和室", "kind": "private",
                "polygon": [[0, -2000], [4015, -2000], [4015, 0], [0, 0]]}}
            ]}}]}}"#
        )
    };
    let exact = 3940.0 * 2865.0 + 3110.0 * 2850.0;
    assert_eq!(exact, 20_151_600.0);
    // Both windings, starting at different corners.
    for room in [
        "[[0, 0], [4015, 0], [7200, 0], [7200, 3000], [0, 3000]]",
        "[[7200, 3000], [7200, 0], [4015, 0], [0, 0], [0, 3000]]",
    ] {
        let areas = PlanAreas::compute(&plan(&json(room)));
        let storey = &areas.storeys[0];
        let shared_edge = if room.starts_with("[[0") { 0 } else { 2 };
        for (edge, &exterior) in storey.exterior[0].iter().enumerate() {
            assert_eq!(exterior, edge != shared_edge, "edge {edge} of {room}");
        }
        assert_relative_eq!(
            storey.rooms[0].interior_m2.unwrap(),
            20.1516,
            max_relative = 1e-12
        );
        assert_relative_eq!(storey.rooms[0].wall_centre_m2, 21.6, max_relative = 1e-12);
    }
}

/// An L-shaped room: 4000 wide for its top 2000, 2000 wide below, 4000 tall, every wall
/// 100 mm. Inside: the top arm 50..3950 × 50..1950, the lower arm 50..1950 × 1950..3950:
/// 3900 × 1900 + 1900 × 2000 = 7 410 000 + 3 800 000 = 11 210 000 mm².
///
/// Then its left side becomes two edges, the lower 2000 mm at 300 mm: the lower arm loses a
/// 100 mm strip from y = 2000 down to the bottom face at 3950, 100 × 1950 = 195 000 mm²,
/// leaving 11 015 000 mm².
#[test]
fn l_shaped_room_with_and_without_a_step() {
    let l = pts(&[
        (0, 0),
        (4000, 0),
        (4000, 2000),
        (2000, 2000),
        (2000, 4000),
        (0, 4000),
    ]);
    let uniform = interior_mm2_both_windings(&l, &[100; 6]).unwrap();
    assert_relative_eq!(
        uniform,
        3900.0 * 1900.0 + 1900.0 * 2000.0,
        max_relative = 1e-12
    );
    assert_eq!(3900.0 * 1900.0 + 1900.0 * 2000.0, 11_210_000.0);

    let mut split = l.clone();
    split.push(PointMm::new(0, 2000));
    let stepped = interior_mm2_both_windings(&split, &[100, 100, 100, 100, 100, 300, 100]).unwrap();
    assert_relative_eq!(stepped, 11_210_000.0 - 100.0 * 1950.0, max_relative = 1e-12);
    assert_relative_eq!(stepped, 11_015_000.0, max_relative = 1e-12);
}

/// A 4000 × 4000 room with its bottom-right corner cut at 45° from (4000, 2000) to
/// (2000, 4000), walls 100 mm. Inside: the square 50..3950 less the corner beyond the
/// diagonal's face x + y = c, c = 6000 − 50√2 (a 45° face moves √2 × 50 along each axis).
/// The cut-off corner is a right isosceles triangle with legs 7900 − c:
/// 3900² − (1900 + 50√2)² / 2.
///
/// Then the diagonal becomes two edges meeting at (3000, 3000), the second at 300 mm. The
/// step lies on y = x (the perpendicular through (3000, 3000)); each half of the square
/// loses a right isosceles triangle with its right angle on y = x, of area k², where
/// k = 3950 − c/2 and c = 6000 − h√2 for that half's face h = 50 or 150.
#[test]
fn room_with_a_45_degree_wall_with_and_without_a_step() {
    let root2 = std::f64::consts::SQRT_2;
    let chamfered = pts(&[(0, 0), (4000, 0), (4000, 2000), (2000, 4000), (0, 4000)]);
    let uniform = interior_mm2_both_windings(&chamfered, &[100; 5]).unwrap();
    let expected = 3900.0_f64.powi(2) - (1900.0 + 50.0 * root2).powi(2) / 2.0;
    assert_relative_eq!(uniform, expected, max_relative = 1e-12);

    let split = pts(&[
        (0, 0),
        (4000, 0),
        (4000, 2000),
        (3000, 3000),
        (2000, 4000),
        (0, 4000),
    ]);
    let k = |h: f64| 3950.0 - (6000.0 - h * root2) / 2.0;
    // With equal walls the two halves make the same triangle as the single diagonal.
    let same = interior_mm2_both_windings(&split, &[100; 6]).unwrap();
    assert_relative_eq!(
        same,
        3900.0_f64.powi(2) - 2.0 * k(50.0).powi(2),
        max_relative = 1e-12
    );
    assert_relative_eq!(same, uniform, max_relative = 1e-12);
    let stepped = interior_mm2_both_windings(&split, &[100, 100, 100, 300, 100, 100]).unwrap();
    let expected = 3900.0_f64.powi(2) - k(50.0).powi(2) - k(150.0).powi(2);
    assert_relative_eq!(stepped, expected, max_relative = 1e-12);
}

/// A room exactly as narrow as its walls has no floor; one millimetre more has a sliver.
#[test]
fn no_interior_when_the_room_is_thinner_than_its_walls() {
    let rect = |w: i64, h: i64| pts(&[(0, 0), (w, 0), (w, h), (0, h)]);
    assert_eq!(
        interior_mm2_both_windings(&rect(3000, 100), &[100; 4]),
        None
    );
    assert_relative_eq!(
        interior_mm2_both_windings(&rect(3000, 101), &[100; 4]).unwrap(),
        2900.0,
        max_relative = 1e-12
    );
    // The thick part of a stepped wall fills the room: 400 deep, faces at 50 (bottom) and
    // 350 (the 700 mm part of the top wall).
    let stepped = pts(&[(0, 0), (2000, 0), (3000, 0), (3000, 400), (0, 400)]);
    assert_eq!(
        interior_mm2_both_windings(&stepped, &[100, 700, 100, 100, 100]),
        None
    );
    // At 698 mm the thick part leaves 1 mm: 1950 × 300 + 950 × 1.
    assert_relative_eq!(
        interior_mm2_both_windings(&stepped, &[100, 698, 100, 100, 100]).unwrap(),
        1950.0 * 300.0 + 950.0,
        max_relative = 1e-12
    );
}

/// Two 1100 mm square rooms joined by a 10 m corridor 100 mm wide, all walls 1000 mm: the
/// corridor's faces cross each other. Without the crossing test the offset outline's shoelace
/// area was about 9 ㎡ against 3.42 ㎡ at wall centre; the walls leave no usable corridor, so
/// there is no 内法 area.
#[test]
fn a_neck_narrower_than_its_walls_has_no_interior() {
    let dumbbell = pts(&[
        (0, 0),
        (1100, 0),
        (1100, 500),
        (11_100, 500),
        (11_100, 0),
        (12_200, 0),
        (12_200, 1100),
        (11_100, 1100),
        (11_100, 600),
        (1100, 600),
        (1100, 1100),
        (0, 1100),
    ]);
    assert_eq!(first_self_intersection(&dumbbell), None);
    assert_relative_eq!(wall_centre_area_m2(&dumbbell), 3.42, max_relative = 1e-12);
    assert_eq!(interior_mm2_both_windings(&dumbbell, &[1000; 12]), None);
    // With 90 mm walls the corridor keeps 10 mm (faces at 545 and 555) and runs between
    // the rooms' inner faces at x = 1055 and 11 145: 2 × 1010² + 10 090 × 10 = 2 141 100 mm².
    let area = interior_mm2_both_windings(&dumbbell, &[90; 12]).unwrap();
    assert_relative_eq!(
        area,
        2.0 * 1010.0 * 1010.0 + 10_090.0 * 10.0,
        max_relative = 1e-12
    );
}

/// `release-interior-area-exceeds-wall-centre.json`: a vertex at y = i64::MIN, outside the
/// ±1 km a valid plan may use. There `f64` cannot resolve a wall (9.2 × 10¹⁸ + 90 rounds
/// back to 9.2 × 10¹⁸), so the offset outline came out no smaller than the wall-centre one.
/// Refusing such plans is the loader's job; the area code refuses to measure them.
#[test]
fn coordinates_beyond_the_valid_range_have_no_interior() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/release-interior-area-exceeds-wall-centre.json"
    ))
    .unwrap();
    let file: serde_json::Value = serde_json::from_str(&text).unwrap();
    let polygon: Vec<PointMm> =
        serde_json::from_value(file["storeys"][0]["rooms"][0]["polygon"].clone()).unwrap();
    assert_eq!(polygon[2], PointMm::new(5460, i64::MIN));
    assert_eq!(interior_polygon(&polygon, &[180; 3]), None);
    // Exactly at the limit a room is measured; one millimetre beyond it is not.
    let max = madori_plan::geometry::MAX_COORDINATE_MM;
    let at_limit = pts(&[
        (max - 3000, max - 2000),
        (max, max - 2000),
        (max, max),
        (max - 3000, max),
    ]);
    assert_relative_eq!(
        interior_mm2(&at_limit, &[100; 4]).unwrap(),
        2900.0 * 1900.0,
        max_relative = 1e-9
    );
    let beyond: Vec<PointMm> = at_limit
        .iter()
        .map(|p| PointMm::new(p.x + 1, p.y))
        .collect();
    assert_eq!(interior_polygon(&beyond, &[100; 4]), None);
}

/// The interior outline as the code did it before steps, kept here as the reference for
/// the equal-thickness property: offset lines of consecutive edges intersected, and for
/// collinear neighbours the midpoint of the previous edge's offset start and this vertex's
/// offset.
fn averaging_reference(polygon: &[PointMm], thickness_mm: &[u32]) -> Option<Vec<(f64, f64)>> {
    let n = polygon.len();
    let sign = if signed_area_twice_mm2(polygon) > 0 {
        1.0
    } else {
        -1.0
    };
    let lines: Vec<((f64, f64), (f64, f64))> = (0..n)
        .map(|i| {
            let (a, b) = (polygon[i], polygon[(i + 1) % n]);
            let (dx, dy) = ((b.x - a.x) as f64, (b.y - a.y) as f64);
            let len = dx.hypot(dy);
            let (nx, ny) = (-dy / len * sign, dx / len * sign);
            let half = f64::from(thickness_mm[i]) / 2.0;
            ((a.x as f64 + nx * half, a.y as f64 + ny * half), (dx, dy))
        })
        .collect();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let (p, d) = lines[(i + n - 1) % n];
        let (q, e) = lines[i];
        let cross = d.0 * e.1 - d.1 * e.0;
        if cross.abs() < 1e-9 {
            out.push(((p.0 + q.0) / 2.0, (p.1 + q.1) / 2.0));
        } else {
            let t = ((q.0 - p.0) * e.1 - (q.1 - p.1) * e.0) / cross;
            out.push((p.0 + d.0 * t, p.1 + d.1 * t));
        }
    }
    for i in 0..n {
        let (a, b) = (out[i], out[(i + 1) % n]);
        let d = lines[i].1;
        if (b.0 - a.0) * d.0 + (b.1 - a.1) * d.1 <= 0.0 {
            return None;
        }
    }
    Some(out)
}

/// A star-shaped room (vertices sorted by angle around the origin, so the outline is
/// simple), coordinates even so every edge can be split at its midpoint; `splits[i]` splits
/// edge i into two collinear edges. `None` if rounding made the outline invalid.
fn star_room(corners: &[(u16, u16)], splits: &[bool]) -> Option<Vec<PointMm>> {
    let mut corners: Vec<(u16, u16)> = corners.to_vec();
    corners.sort_unstable();
    corners.dedup_by_key(|c| c.0);
    let outline: Vec<PointMm> = corners
        .iter()
        .map(|&(tenth_degree, radius)| {
            let angle = f64::from(tenth_degree).to_radians() / 10.0;
            let r = f64::from(radius);
            PointMm::new(
                2 * (r * angle.cos()).round() as i64,
                2 * (r * angle.sin()).round() as i64,
            )
        })
        .collect();
    let n = outline.len();
    let mut room = Vec::with_capacity(2 * n);
    for i in 0..n {
        let (a, b) = (outline[i], outline[(i + 1) % n]);
        room.push(a);
        if splits.get(i).copied().unwrap_or(false) {
            room.push(PointMm::new((a.x + b.x) / 2, (a.y + b.y) / 2));
        }
    }
    let repeated = (0..room.len()).any(|i| room[i] == room[(i + 1) % room.len()]);
    let valid = room.len() >= 3
        && !repeated
        && signed_area_twice_mm2(&room) != 0
        && first_self_intersection(&room).is_none();
    valid.then_some(room)
}

fn star_strategy() -> impl Strategy<Value = (Vec<(u16, u16)>, Vec<bool>, Vec<u32>)> {
    (
        prop::collection::vec((0u16..3600, 300u16..4000), 3..9),
        prop::collection::vec(any::<bool>(), 9),
        prop::collection::vec(1u32..=1000, 18),
    )
}

proptest! {
    /// A rectangle with uniform walls t: (w − t)(h − t), or nothing when t fills it.
    #[test]
    fn uniform_rectangle_is_w_minus_t_by_h_minus_t(w in 1i64..20_000, h in 1i64..20_000, t in 1u32..=1000) {
        let room = pts(&[(0, 0), (w, 0), (w, h), (0, h)]);
        let t64 = i64::from(t);
        match interior_mm2_both_windings(&room, &[t; 4]) {
            Some(area) => {
                prop_assert!(w > t64 && h > t64);
                let exact = ((w - t64) * (h - t64)) as f64;
                prop_assert!((area - exact).abs() <= exact * 1e-12, "{area} vs {exact}");
            }
            None => prop_assert!(w <= t64 || h <= t64),
        }
    }

    /// A rectangle whose top side is two edges (split at `a`) with any five thicknesses:
    /// the two parts of the top face at depths h1 and h2 with a step at x = a.
    #[test]
    fn stepped_rectangle_matches_the_decomposition(
        w in 2i64..12_000, h in 1i64..12_000, a in 1i64..12_000, t in prop::array::uniform5(1u32..=1000),
    ) {
        let a = 1 + a % (w - 1);
        let room = pts(&[(0, 0), (a, 0), (w, 0), (w, h), (0, h)]);
        // Half-thicknesses: top-left part, top-right part, right, bottom, left.
        let [h1, h2, hr, hb, hl] = t.map(|t| f64::from(t) / 2.0);
        let (w, h, a) = (w as f64, h as f64, a as f64);
        // Equal top walls are one wall: the split may then lie inside the corner's walls.
        let widths = if h1 == h2 { [w - hr - hl; 2] } else { [a - hl, w - hr - a] };
        let area = interior_mm2_both_windings(&room, &t);
        if widths.iter().chain(&[h - hb - h1, h - hb - h2]).all(|&p| p > 0.0) {
            let exact = (a - hl) * (h - hb - h1) + (w - hr - a) * (h - hb - h2);
            let area = area.unwrap();
            prop_assert!((area - exact).abs() <= 1e-9 * exact.max(1.0), "{area} vs {exact}");
        } else {
            prop_assert_eq!(area, None);
        }
    }

    /// Whatever the walls, the 内法 outline is a valid polygon inside the wall-centre one,
    /// so its area is smaller.
    #[test]
    fn interior_lies_inside_the_wall_centre_outline((corners, splits, thickness) in star_strategy()) {
        let Some(room) = star_room(&corners, &splits) else { return Ok(()) };
        let thickness = &thickness[..room.len()];
        if let Some(inner) = interior_polygon(&room, thickness) {
            let inner = geo_polygon(&inner);
            let outer = wall_centre_geo(&room);
            prop_assert!(inner.is_valid(), "{inner:?}");
            prop_assert!(outer.contains(&inner), "{inner:?} not inside {outer:?}");
            prop_assert!(inner.unsigned_area() < outer.unsigned_area());
        }
    }

    /// With every wall equally thick the steps never appear: wherever the averaging code
    /// gave a valid outline, the area is the same.
    #[test]
    fn equal_walls_measure_as_before((corners, splits, thickness) in star_strategy()) {
        let Some(room) = star_room(&corners, &splits) else { return Ok(()) };
        let same = vec![thickness[0]; room.len()];
        let Some(old) = averaging_reference(&room, &same) else { return Ok(()) };
        let old = geo_polygon(&old);
        if !old.is_valid() {
            return Ok(());
        }
        let new = interior_polygon(&room, &same);
        prop_assert!(new.is_some(), "{room:?}");
        let new = new.unwrap();
        prop_assert!(new.len() <= room.len());
        let (old, new) = (old.unsigned_area(), geo_polygon(&new).unsigned_area());
        prop_assert!((old - new).abs() <= 1e-9 * old, "{old} vs {new}");
    }
}
