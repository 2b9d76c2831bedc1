//! Exact geometry: the sweep against the quadratic oracle, room overlaps against `geo`, the
//! irregular plan generator, and incremental validation against whole-plan validation.

use madori_plan::geometry::{
    edge_contact, first_self_intersection, interiors_overlap, SelfIntersection,
};
use madori_plan::templates::{irregular, synthetic};
use madori_plan::validate::{validate, validate_touched, Touched};
use madori_plan::{Plan, PointMm};
use proptest::prelude::*;

fn p(x: i64, y: i64) -> PointMm {
    PointMm::new(x, y)
}

fn poly(points: &[(i64, i64)]) -> Vec<PointMm> {
    points.iter().map(|&(x, y)| p(x, y)).collect()
}

/// The test oracle: every pair of edges, in index order.
fn quadratic(polygon: &[PointMm]) -> Option<SelfIntersection> {
    let n = polygon.len();
    if n < 3 {
        return None;
    }
    (0..n).find_map(|i| {
        ((i + 1)..n).find_map(|j| {
            edge_contact(polygon, i, j).map(|contact| SelfIntersection {
                first: i,
                second: j,
                contact,
            })
        })
    })
}

fn bbox_pairs(plan: &Plan) -> usize {
    plan.storeys
        .iter()
        .map(|s| {
            let boxes: Vec<_> = s
                .rooms
                .iter()
                .map(|r| madori_plan::geometry::bounds(&r.polygon).unwrap())
                .collect();
            let mut count = 0;
            for i in 0..boxes.len() {
                for j in (i + 1)..boxes.len() {
                    let (a, b) = (boxes[i], boxes[j]);
                    if a.0.x < b.1.x && b.0.x < a.1.x && a.0.y < b.1.y && b.0.y < a.1.y {
                        count += 1;
                    }
                }
            }
            count
        })
        .sum()
}

#[test]
fn irregular_plan_is_valid_and_has_the_shape_of_a_real_one() {
    for seed in [1, 2, 641] {
        let plan = irregular(641, 4, seed);
        assert_eq!(validate(&plan), vec![], "seed {seed}");
        let rooms: Vec<_> = plan.rooms().map(|(_, r)| r).collect();
        assert_eq!(rooms.len(), 641);
        assert_eq!(plan.storeys.len(), 4);
        let vertices: usize = rooms.iter().map(|r| r.polygon.len()).sum();
        let pairs = bbox_pairs(&plan);
        println!("seed {seed}: {vertices} vertices, {pairs} bbox pairs");
        assert!(vertices >= 6000, "{vertices} vertices");
        assert!(rooms.iter().all(|r| (4..=40).contains(&r.polygon.len())));
        assert!(pairs >= 1000, "{pairs} pairs");
    }
}

// ---------- self-intersection: sweep against the oracle ----------

fn polygon_strategy(coord: i64, max_len: usize) -> impl Strategy<Value = Vec<PointMm>> {
    prop::collection::vec((0..=coord, 0..=coord), 3..=max_len)
        .prop_map(|v| v.into_iter().map(|(x, y)| p(x, y)).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// On tiny grids most polygons touch, overlap or repeat points: the sweep finds a defect
    /// exactly when the oracle does, and what it reports is exactly a defect of that pair.
    #[test]
    fn sweep_agrees_with_the_quadratic_oracle(polygon in polygon_strategy(4, 9)) {
        let fast = first_self_intersection(&polygon);
        let slow = quadratic(&polygon);
        prop_assert_eq!(fast.is_some(), slow.is_some(), "{:?} vs {:?}", fast, slow);
        if let Some(d) = fast {
            prop_assert!(d.first < d.second);
            prop_assert_eq!(edge_contact(&polygon, d.first, d.second), Some(d.contact));
        }
    }

    #[test]
    fn sweep_agrees_on_larger_polygons(polygon in polygon_strategy(60, 24)) {
        let fast = first_self_intersection(&polygon);
        prop_assert_eq!(fast.is_some(), quadratic(&polygon).is_some());
        if let Some(d) = fast {
            prop_assert_eq!(edge_contact(&polygon, d.first, d.second), Some(d.contact));
        }
    }
}

fn shape_message(points: &[(i64, i64)]) -> (String, String) {
    let plan = one_room_plan(poly(points));
    let problems = validate(&plan);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, "storeys[0].rooms[0].polygon");
    (
        problems[0].message_ja.clone(),
        problems[0].message_en.clone(),
    )
}

fn one_room_plan(polygon: Vec<PointMm>) -> Plan {
    let mut plan = synthetic(1, 1);
    plan.storeys[0].rooms[0].polygon = polygon;
    plan.storeys[0].openings.clear();
    plan.storeys[0].fixtures.clear();
    plan
}

#[test]
fn messages_say_whether_edges_cross_touch_or_overlap_and_where() {
    // A bow tie crosses in the middle of two edges, not at a whole millimetre.
    let (ja, en) = shape_message(&[(0, 0), (1001, 1000), (1001, 0), (0, 2000)]);
    assert_eq!(
        en,
        "edges 0 and 2 cross at (667.3, 666.7) (the outline intersects itself)"
    );
    assert_eq!(
        ja,
        "辺 0 と辺 2 が (667.3, 666.7) で交差しています (自己交差)"
    );
    let (_, en) = shape_message(&[(0, 0), (2000, 2000), (2000, 0), (0, 3000)]);
    assert!(
        en.starts_with("edges 0 and 2 cross at (1200, 1200)"),
        "{en}"
    );
    // A vertex on another edge touches it: not a crossing.
    let (ja, en) = shape_message(&[(0, 0), (2000, 0), (2000, 2000), (1000, 0), (0, 2000)]);
    assert_eq!(
        en,
        "edges 0 and 3 touch at (1000, 0) (the outline touches itself)"
    );
    assert_eq!(
        ja,
        "辺 0 と辺 3 が頂点 (1000, 0) で接しています (輪郭が自分自身に触れています)"
    );
    // An outline through the same point twice (two squares meeting at a corner).
    let (_, en) = shape_message(&[
        (0, 0),
        (1000, 0),
        (1000, 1000),
        (2000, 1000),
        (2000, 2000),
        (1000, 2000),
        (1000, 1000),
        (0, 1000),
    ]);
    assert_eq!(
        en,
        "edges 2 and 6 touch at (1000, 1000) (the outline touches itself)"
    );
    // Two edges along one line share a stretch.
    let (ja, en) = shape_message(&[
        (0, 0),
        (3000, 0),
        (3000, 1000),
        (2000, 1000),
        (2000, 0),
        (1000, 0),
        (1000, -2000),
        (0, -2000),
    ]);
    assert_eq!(en, "edges 0 and 4 overlap from (1000, 0) to (2000, 0)");
    assert_eq!(ja, "辺 0 と辺 4 が (1000, 0)〜(2000, 0) で重なっています");
    // A spike folding back on itself.
    let (_, en) = shape_message(&[
        (0, 0),
        (2000, 0),
        (2000, 1000),
        (2000, 3000),
        (2000, 2000),
        (0, 2000),
    ]);
    assert_eq!(
        en,
        "edges 2 and 3 overlap from (2000, 3000) to (2000, 2000)"
    );
}

/// A comb with `teeth` teeth: 4 · teeth + 2 vertices, every tooth's tip one unit from the
/// next tooth, so the sweep status is as wide as the polygon is long.
fn comb(teeth: i64) -> Vec<PointMm> {
    let mut points = vec![p(0, 0)];
    for t in 0..teeth {
        let x = 4 * t;
        points.extend([p(x + 1, 0), p(x + 1, 1000), p(x + 3, 1000), p(x + 3, 0)]);
    }
    points.extend([p(4 * teeth, 0), p(4 * teeth, -10)]);
    points.push(p(0, -10));
    points
}

#[test]
fn a_hundred_thousand_vertex_room_validates_and_its_defects_are_found() {
    let polygon = comb(25_000);
    assert!(polygon.len() > 100_000);
    assert_eq!(first_self_intersection(&polygon), None);
    // A plan caps a room at MAX_VERTICES_PER_ROOM; a room just under it validates.
    let largest = comb(2_499);
    assert!(largest.len() <= madori_plan::validate::MAX_VERTICES_PER_ROOM);
    assert_eq!(validate(&one_room_plan(largest)), vec![]);
    assert!(!validate(&one_room_plan(polygon.clone())).is_empty());
    // Bend one tooth's tip so it touches the next tooth.
    let mut bent = polygon.clone();
    let k = 2 + 4 * 20_000 + 1; // tooth 20 000's right top corner (x + 3, 1000)
    assert_eq!(bent[k], p(4 * 20_000 + 3, 1000));
    bent[k] = p(4 * 20_000 + 5, 1000);
    let defect = first_self_intersection(&bent).expect("a defect");
    assert_eq!(
        edge_contact(&bent, defect.first, defect.second),
        Some(defect.contact)
    );
    assert!(quadratic_near(&bent, k));
}

/// The oracle, restricted to edges near vertex `k` (the whole oracle is quadratic).
fn quadratic_near(polygon: &[PointMm], k: usize) -> bool {
    (k - 8..k + 8).any(|i| (k - 8..k + 8).any(|j| i < j && edge_contact(polygon, i, j).is_some()))
}

// ---------- overlaps between rooms ----------

fn rect(x0: i64, y0: i64, x1: i64, y1: i64) -> Vec<PointMm> {
    poly(&[(x0, y0), (x1, y0), (x1, y1), (x0, y1)])
}

#[test]
fn rooms_overlap_only_when_their_interiors_share_area() {
    let core = rect(1000, 1000, 2000, 3000);
    // A corridor wrapping the core on three sides, in both windings.
    let wrap = poly(&[
        (0, 0),
        (3000, 0),
        (3000, 1000),
        (1000, 1000),
        (1000, 3000),
        (3000, 3000),
        (3000, 4000),
        (0, 4000),
    ]);
    let lobby = rect(2000, 1000, 3000, 3000);
    for corridor in [wrap.clone(), wrap.iter().rev().copied().collect()] {
        assert!(!interiors_overlap(&corridor, &core));
        assert!(!interiors_overlap(&core, &corridor));
        assert!(!interiors_overlap(&corridor, &lobby));
    }
    // T-junction: a room's corner in the middle of its neighbour's wall.
    let long = rect(0, 0, 6000, 1000);
    assert!(!interiors_overlap(&long, &rect(1000, 1000, 2000, 2000)));
    assert!(!interiors_overlap(&long, &rect(-500, 1000, 500, 2000)));
    // Sharing part of a wall, from either side.
    assert!(!interiors_overlap(&long, &rect(5000, -1000, 7000, 0)));
    // Identical rooms, in either winding.
    assert!(interiors_overlap(&core, &core));
    assert!(interiors_overlap(
        &core,
        &core.iter().rev().copied().collect::<Vec<_>>()
    ));
    // Inside and touching the boundary; a triangle with every vertex on the other's outline.
    assert!(interiors_overlap(&long, &rect(0, 0, 1000, 1000)));
    assert!(interiors_overlap(
        &rect(0, 0, 2000, 2000),
        &poly(&[(0, 0), (2000, 0), (0, 2000)])
    ));
    // A room pushed one millimetre into its neighbour; a room entirely inside another.
    assert!(interiors_overlap(&core, &rect(1999, 1000, 3000, 3000)));
    assert!(interiors_overlap(&long, &rect(100, 100, 200, 200)));
    // Crossing like a plus sign: no vertex inside the other.
    assert!(interiors_overlap(
        &rect(0, 1000, 3000, 2000),
        &rect(1000, 0, 2000, 3000)
    ));
    // Corner to corner only.
    assert!(!interiors_overlap(
        &rect(0, 0, 1000, 1000),
        &rect(1000, 1000, 2000, 2000)
    ));
}

fn to_geo(polygon: &[PointMm]) -> geo::Polygon<f64> {
    geo::Polygon::new(
        geo::LineString::new(
            polygon
                .iter()
                .map(|p| geo::Coord {
                    x: p.x as f64,
                    y: p.y as f64,
                })
                .collect(),
        ),
        vec![],
    )
}

fn simple(polygon: &[PointMm]) -> bool {
    madori_plan::geometry::signed_area_twice_mm2(polygon) != 0
        && first_self_intersection(polygon).is_none()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// On a tiny grid rooms share walls, corners and T-junctions all the time: the exact test
    /// agrees with `geo`'s DE-9IM relate on whether the interiors meet.
    #[test]
    fn overlap_agrees_with_geo_relate(a in polygon_strategy(4, 6), b in polygon_strategy(4, 6)) {
        use geo::Relate;
        if simple(&a) && simple(&b) {
            let expected = to_geo(&a).relate(&to_geo(&b)).matches("T********").unwrap();
            prop_assert_eq!(interiors_overlap(&a, &b), expected);
            prop_assert_eq!(interiors_overlap(&b, &a), expected);
        }
    }
}

// ---------- incremental validation ----------

#[test]
fn touched_names_exactly_what_changed() {
    let before = irregular(200, 2, 7);
    assert!(Touched::between(&before, &before).is_empty());
    let mut after = before.clone();
    after.storeys[1].rooms[5].polygon[0].x += 1;
    after.storeys[1].fixtures[0].at.y += 1;
    let t = Touched::between(&before, &after);
    assert_eq!(t.storeys.len(), 1);
    assert_eq!(
        (
            t.storeys[0].index,
            t.storeys[0].rooms.clone(),
            t.storeys[0].fixtures.clone()
        ),
        (1, vec![5], vec![0])
    );
    assert!(!t.ids && !t.whole && !t.storeys[0].all);
    // Deleting a room: every reference on its storey is checked again.
    let mut after = before.clone();
    after.storeys[0].rooms.remove(3);
    let t = Touched::between(&before, &after);
    assert!(t.ids && t.storeys[0].all);
}

/// Moves vertex `v` of room `r` (and every vertex at the same point on the storey, as the
/// editor does, when `shared`) by `(dx, dy)`.
fn moved(plan: &Plan, s: usize, r: usize, v: usize, (dx, dy): (i64, i64), shared: bool) -> Plan {
    let mut next = plan.clone();
    let storey = &mut next.storeys[s];
    let r = r % storey.rooms.len();
    let v = v % storey.rooms[r].polygon.len();
    let from = storey.rooms[r].polygon[v];
    let to = p(from.x + dx, from.y + dy);
    for (i, room) in storey.rooms.iter_mut().enumerate() {
        for q in &mut room.polygon {
            if *q == from && (shared || i == r) {
                *q = to;
            }
        }
    }
    next
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Incremental validation accepts exactly what whole-plan validation accepts after a
    /// random vertex move on an irregular plan (into neighbours, across corridors, folding
    /// outlines), and finds every problem about the moved rooms.
    #[test]
    fn incremental_verdict_equals_the_whole_verdict(
        s in 0usize..2, r in 0usize..400, v in 0usize..40,
        dx in prop::sample::select(vec![-3000i64, -910, -455, -1, 0, 1, 227, 455, 910, 3000]),
        dy in prop::sample::select(vec![-3000i64, -910, -455, -1, 0, 1, 227, 455, 910, 3000]),
        shared in any::<bool>(),
    ) {
        let before = irregular(160, 2, 11);
        let after = moved(&before, s, r, v, (dx, dy), shared);
        let whole = validate(&after);
        let touched = validate_touched(&after, &Touched::between(&before, &after));
        prop_assert_eq!(whole.is_empty(), touched.is_empty(), "{:?} vs {:?}", whole, touched);
        for problem in &touched {
            prop_assert!(whole.contains(problem), "{:?} not in {:?}", problem, whole);
        }
    }
}
