//! Exact geometry: the sweep against the quadratic oracle, room overlaps against `geo`, the
//! irregular plan generator, and incremental validation against whole-plan validation.

use madori_plan::geometry::{
    edge_contact, first_self_intersection, interiors_overlap, Contact, SelfIntersection,
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
