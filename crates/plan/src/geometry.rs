//! Exact integer geometry on millimetre coordinates.
//!
//! Predicates here use `i128` arithmetic, so they are exact for every coordinate the
//! validator accepts (|x|, |y| ≤ [`MAX_COORDINATE_MM`]).

use serde::{Deserialize, Serialize};

/// The largest absolute coordinate a plan may use: 1 km. Anything beyond is certainly a
/// unit mistake (metres typed as millimetres the other way round, or a corrupt file).
pub const MAX_COORDINATE_MM: i64 = 1_000_000;

/// A point in world millimetres (x right, y down). Serialised as `[x, y]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(from = "[i64; 2]", into = "[i64; 2]")]
pub struct PointMm {
    /// Horizontal position, millimetres, growing to the right.
    pub x: i64,
    /// Vertical position, millimetres, growing downwards.
    pub y: i64,
}

impl PointMm {
    /// A point at `(x, y)` millimetres.
    pub const fn new(x: i64, y: i64) -> Self {
        Self { x, y }
    }
}

impl From<[i64; 2]> for PointMm {
    fn from([x, y]: [i64; 2]) -> Self {
        Self { x, y }
    }
}

impl From<PointMm> for [i64; 2] {
    fn from(p: PointMm) -> Self {
        [p.x, p.y]
    }
}

/// Twice the signed area of a polygon in mm², exact. Positive when the vertices run
/// clockwise on screen (counter-clockwise in a y-up frame); the sign only tells winding.
pub fn signed_area_twice_mm2(polygon: &[PointMm]) -> i128 {
    let n = polygon.len();
    (0..n)
        .map(|i| {
            let a = polygon[i];
            let b = polygon[(i + 1) % n];
            i128::from(a.x) * i128::from(b.y) - i128::from(b.x) * i128::from(a.y)
        })
        .sum()
}

/// Orientation of `c` relative to the directed line `a → b`: the sign of the cross product.
pub fn orientation(a: PointMm, b: PointMm, c: PointMm) -> i128 {
    let abx = i128::from(b.x - a.x);
    let aby = i128::from(b.y - a.y);
    let acx = i128::from(c.x - a.x);
    let acy = i128::from(c.y - a.y);
    (abx * acy - aby * acx).signum()
}

fn on_segment(a: PointMm, b: PointMm, p: PointMm) -> bool {
    p.x >= a.x.min(b.x) && p.x <= a.x.max(b.x) && p.y >= a.y.min(b.y) && p.y <= a.y.max(b.y)
}

/// Whether the closed segments `a1–a2` and `b1–b2` share at least one point.
pub fn segments_intersect(a1: PointMm, a2: PointMm, b1: PointMm, b2: PointMm) -> bool {
    let d1 = orientation(b1, b2, a1);
    let d2 = orientation(b1, b2, a2);
    let d3 = orientation(a1, a2, b1);
    let d4 = orientation(a1, a2, b2);
    if d1 * d2 < 0 && d3 * d4 < 0 {
        return true;
    }
    (d1 == 0 && on_segment(b1, b2, a1))
        || (d2 == 0 && on_segment(b1, b2, a2))
        || (d3 == 0 && on_segment(a1, a2, b1))
        || (d4 == 0 && on_segment(a1, a2, b2))
}

/// The index of the first pair of edges that touch where they must not, if any: two
/// non-adjacent edges sharing a point, or two adjacent edges folding back over each other.
pub fn first_self_intersection(polygon: &[PointMm]) -> Option<(usize, usize)> {
    let n = polygon.len();
    for i in 0..n {
        let (a1, a2) = (polygon[i], polygon[(i + 1) % n]);
        for j in (i + 1)..n {
            let (b1, b2) = (polygon[j], polygon[(j + 1) % n]);
            let adjacent = j == i + 1 || (i == 0 && j == n - 1);
            if adjacent {
                // Adjacent edges share one vertex; they are wrong only if they fold back
                // along the same line (a spike of zero width).
                let shared = if j == i + 1 { a2 } else { a1 };
                let other_a = if j == i + 1 { a1 } else { a2 };
                let other_b = if j == i + 1 { b2 } else { b1 };
                let collinear = orientation(shared, other_a, other_b) == 0;
                let folds_back = collinear
                    && (i128::from(other_a.x - shared.x) * i128::from(other_b.x - shared.x)
                        + i128::from(other_a.y - shared.y) * i128::from(other_b.y - shared.y))
                        > 0;
                if folds_back {
                    return Some((i, j));
                }
            } else if segments_intersect(a1, a2, b1, b2) {
                return Some((i, j));
            }
        }
    }
    None
}

/// Where a point lies relative to a polygon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    /// Strictly inside.
    Inside,
    /// On an edge or a vertex.
    Boundary,
    /// Strictly outside.
    Outside,
}

/// Locates `p` relative to a simple polygon, exactly (crossing-number test).
pub fn locate(polygon: &[PointMm], p: PointMm) -> Location {
    let n = polygon.len();
    let mut inside = false;
    for i in 0..n {
        let a = polygon[i];
        let b = polygon[(i + 1) % n];
        if orientation(a, b, p) == 0 && on_segment(a, b, p) {
            return Location::Boundary;
        }
        if (a.y > p.y) != (b.y > p.y) {
            // x coordinate of the crossing compared exactly: p.x < a.x + (p.y-a.y)(b.x-a.x)/(b.y-a.y)
            let lhs = i128::from(p.x - a.x) * i128::from(b.y - a.y);
            let rhs = i128::from(p.y - a.y) * i128::from(b.x - a.x);
            let crosses = if b.y > a.y { lhs < rhs } else { lhs > rhs };
            if crosses {
                inside = !inside;
            }
        }
    }
    if inside {
        Location::Inside
    } else {
        Location::Outside
    }
}

/// Axis-aligned bounding box `(min, max)` of a non-empty point list.
pub fn bounds(points: &[PointMm]) -> Option<(PointMm, PointMm)> {
    let first = *points.first()?;
    Some(points.iter().fold((first, first), |(lo, hi), p| {
        (
            PointMm::new(lo.x.min(p.x), lo.y.min(p.y)),
            PointMm::new(hi.x.max(p.x), hi.y.max(p.y)),
        )
    }))
}

/// Length of the segment `a–b` in millimetres.
pub fn distance_mm(a: PointMm, b: PointMm) -> f64 {
    let dx = (b.x - a.x) as f64;
    let dy = (b.y - a.y) as f64;
    dx.hypot(dy)
}
