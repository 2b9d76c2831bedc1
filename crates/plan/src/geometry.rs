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

/// How two edges of one outline meet where they must not.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Contact {
    /// The edges cross at a point inside both (not a vertex), given in mm (it need not be
    /// a whole millimetre).
    Cross {
        /// Horizontal position of the crossing, mm.
        x: f64,
        /// Vertical position of the crossing, mm.
        y: f64,
    },
    /// The edges share exactly one point, which is a vertex of at least one of them.
    Touch {
        /// The shared point.
        at: PointMm,
    },
    /// The edges lie on one line and share a stretch of positive length.
    Overlap {
        /// One end of the shared stretch.
        from: PointMm,
        /// The other end.
        to: PointMm,
    },
}

/// A defect of an outline: edges `first < second` meet as `contact` says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SelfIntersection {
    /// The lower edge index (edge `i` runs from vertex `i` to vertex `i + 1`).
    pub first: usize,
    /// The higher edge index.
    pub second: usize,
    /// How they meet.
    pub contact: Contact,
}

fn lex_less(a: PointMm, b: PointMm) -> bool {
    (a.x, a.y) < (b.x, b.y)
}

/// How edges `i` and `j` of `polygon` meet where an outline must not, if they do.
///
/// Adjacent edges (sharing a vertex) may meet at that vertex; they are a defect only when
/// they fold back over each other along one line (a spike of zero width), or when one has
/// zero length. Any other pair must not share a single point. Exact (`i128`) for every
/// coordinate up to ±[`MAX_COORDINATE_MM`]; indices out of range give `None`.
pub fn edge_contact(polygon: &[PointMm], i: usize, j: usize) -> Option<Contact> {
    let n = polygon.len();
    if i == j || i >= n || j >= n || n < 2 {
        return None;
    }
    let (i, j) = (i.min(j), i.max(j));
    let (a1, a2) = (polygon[i], polygon[(i + 1) % n]);
    let (b1, b2) = (polygon[j], polygon[(j + 1) % n]);
    let adjacent = j == i + 1 || (i == 0 && j == n - 1);
    if adjacent {
        // The shared vertex and the far ends of both edges.
        let (shared, other_a, other_b) = if j == i + 1 {
            (a2, a1, b2)
        } else {
            (a1, a2, b1)
        };
        if other_a == shared || other_b == shared {
            return Some(Contact::Touch { at: shared });
        }
        let collinear = orientation(shared, other_a, other_b) == 0;
        let dot = i128::from(other_a.x - shared.x) * i128::from(other_b.x - shared.x)
            + i128::from(other_a.y - shared.y) * i128::from(other_b.y - shared.y);
        if !(collinear && dot > 0) {
            return None;
        }
        // Folding back: the shared stretch runs from the vertex to the nearer far end.
        let len2 =
            |p: PointMm| i128::from(p.x - shared.x).pow(2) + i128::from(p.y - shared.y).pow(2);
        let to = if len2(other_a) <= len2(other_b) {
            other_a
        } else {
            other_b
        };
        return Some(Contact::Overlap { from: shared, to });
    }
    let d1 = orientation(b1, b2, a1);
    let d2 = orientation(b1, b2, a2);
    let d3 = orientation(a1, a2, b1);
    let d4 = orientation(a1, a2, b2);
    if d1 == 0 && d2 == 0 {
        // On one line: points of a line are ordered lexicographically along it.
        let (amin, amax) = if lex_less(a2, a1) { (a2, a1) } else { (a1, a2) };
        let (bmin, bmax) = if lex_less(b2, b1) { (b2, b1) } else { (b1, b2) };
        let from = if lex_less(amin, bmin) { bmin } else { amin };
        let to = if lex_less(amax, bmax) { amax } else { bmax };
        return if lex_less(from, to) {
            Some(Contact::Overlap { from, to })
        } else if from == to {
            Some(Contact::Touch { at: from })
        } else {
            None
        };
    }
    if d1 * d2 < 0 && d3 * d4 < 0 {
        // a1 + t (a2 - a1) with t = num / den, computed exactly and divided once.
        let (ax, ay) = (i128::from(a2.x - a1.x), i128::from(a2.y - a1.y));
        let (bx, by) = (i128::from(b2.x - b1.x), i128::from(b2.y - b1.y));
        let (cx, cy) = (i128::from(b1.x - a1.x), i128::from(b1.y - a1.y));
        let den = ax * by - ay * bx;
        let num = cx * by - cy * bx;
        let x = (i128::from(a1.x) * den + ax * num) as f64 / den as f64;
        let y = (i128::from(a1.y) * den + ay * num) as f64 / den as f64;
        return Some(Contact::Cross { x, y });
    }
    [
        (d1, b1, b2, a1),
        (d2, b1, b2, a2),
        (d3, a1, a2, b1),
        (d4, a1, a2, b2),
    ]
    .into_iter()
    .find(|&(d, s, t, p)| d == 0 && on_segment(s, t, p))
    .map(|(_, _, _, p)| Contact::Touch { at: p })
}

/// An edge in the sweep's status, ordered bottom to top where the sweep line crosses it.
///
/// The order compares two edges at the later of their left ends, which is exact and never
/// changes while both are in the status as long as no two edges have met so far: the sweep
/// stops at the first contact, so the order is consistent for every comparison it makes.
#[derive(Clone, Copy, Debug)]
struct SweepEdge {
    left: PointMm,
    right: PointMm,
    index: usize,
}

impl SweepEdge {
    fn geometric(&self, other: &Self) -> std::cmp::Ordering {
        use std::cmp::Ordering::*;
        let sign = |o: i128| match o {
            1 => Greater,
            -1 => Less,
            _ => Equal,
        };
        if self.left == other.left {
            // Both start here: the steeper one lies above.
            sign(orientation(other.left, other.right, self.right))
        } else if lex_less(other.left, self.left) {
            sign(orientation(other.left, other.right, self.left))
        } else {
            sign(orientation(self.left, self.right, other.left)).reverse()
        }
    }
}

impl PartialEq for SweepEdge {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
    }
}
impl Eq for SweepEdge {}
impl PartialOrd for SweepEdge {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for SweepEdge {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        if self.index == other.index {
            return std::cmp::Ordering::Equal;
        }
        self.geometric(other)
            .then_with(|| self.index.cmp(&other.index))
    }
}

/// The first defect found in an outline, if any: two non-adjacent edges sharing a point,
/// two adjacent edges folding back over each other, or a zero-length edge.
///
/// `O(n log n)`: a Shamos–Hoey sweep over the edges in lexicographic (x, then y) order with
/// exact `i128` predicates. Adjacent edges and repeated vertices are settled first, in
/// `O(n log n)`; after that every vertex belongs to exactly two edges, the ones meeting there
/// legitimately, so any contact the sweep finds between neighbours in its status is a defect.
/// Some defect is always found when there is one (the leftmost contact's edges are neighbours
/// in the status before the sweep passes it); which one is reported when there are several is
/// not specified, except that an overlap is reported as such rather than as the touch where
/// it begins. The returned contact is exactly [`edge_contact`] of the returned pair.
pub fn first_self_intersection(polygon: &[PointMm]) -> Option<SelfIntersection> {
    let n = polygon.len();
    if n < 3 {
        return None;
    }
    let defect = |i: usize, j: usize, contact: Contact| SelfIntersection {
        first: i.min(j),
        second: i.max(j),
        contact,
    };
    let found = |i: usize, j: usize| {
        let contact = edge_contact(polygon, i, j)?;
        // Two edges along one line first meet where one's end touches the other: say that
        // they overlap when the touching edge's neighbour carries on along the other edge.
        if let Contact::Touch { at } = contact {
            for (e, other) in [(i, j), (j, i)] {
                for k in [(e + n - 1) % n, (e + 1) % n] {
                    let shares = polygon[k] == at || polygon[(k + 1) % n] == at;
                    if let (true, Some(overlap @ Contact::Overlap { .. })) =
                        (shares && k != other, edge_contact(polygon, k, other))
                    {
                        return Some(defect(k, other, overlap));
                    }
                }
            }
        }
        Some(defect(i, j, contact))
    };
    // Adjacent edges: folding back, or a zero-length edge.
    if let Some(hit) = (0..n).find_map(|i| found(i, (i + 1) % n)) {
        return Some(hit);
    }
    // A point visited twice: the edges starting there meet.
    let mut order: Vec<usize> = (0..n).collect();
    crate::order::sort_by_i64_keys(&mut order, |&i| [polygon[i].x, polygon[i].y]);
    if let Some(hit) = order
        .windows(2)
        .find(|w| polygon[w[0]] == polygon[w[1]])
        .and_then(|w| found(w[0], w[1]))
    {
        return Some(hit);
    }
    // Each vertex (in sweep order) ends the edges whose right end it is, then starts the
    // edges whose left end it is.
    let edge = |i: usize| {
        let (a, b) = (polygon[i], polygon[(i + 1) % n]);
        let (left, right) = if lex_less(a, b) { (a, b) } else { (b, a) };
        SweepEdge {
            left,
            right,
            index: i,
        }
    };
    let mut status: std::collections::BTreeSet<SweepEdge> = std::collections::BTreeSet::new();
    for &v in &order {
        let incident = [edge((v + n - 1) % n), edge(v)];
        for e in incident.iter().filter(|e| e.right == polygon[v]) {
            let below = status.range(..*e).next_back().copied();
            let above = status
                .range((std::ops::Bound::Excluded(*e), std::ops::Bound::Unbounded))
                .next()
                .copied();
            status.remove(e);
            if let (Some(b), Some(a)) = (below, above) {
                if let Some(hit) = found(b.index, a.index) {
                    return Some(hit);
                }
            }
        }
        for e in incident.iter().filter(|e| e.left == polygon[v]) {
            let below = status.range(..=*e).next_back().copied();
            let above = status
                .range((std::ops::Bound::Excluded(*e), std::ops::Bound::Unbounded))
                .next()
                .copied();
            for other in [below, above].into_iter().flatten() {
                if let Some(hit) = found(e.index, other.index) {
                    return Some(hit);
                }
            }
            status.insert(*e);
        }
    }
    None
}

/// Whether the interiors of two simple polygons share a point, exactly.
///
/// Rooms sharing walls, corners or parts of walls (T-junctions where one room's corner lies
/// in the middle of another's wall) do not overlap. The interiors of two simple polygons
/// meet exactly when a point of one boundary lies inside the other or the polygons are
/// equal; for closed simple polygons that happens exactly when (a) two edges cross at a
/// point inside both, or (b) a vertex of one lies strictly inside the other, or (c) at a
/// vertex of one lying on the other's boundary, the two interiors' wedges around that point
/// meet (this also settles equal polygons and shared stretches of wall with both rooms on the
/// same side). Only edges and vertices inside the intersection of the two bounding boxes can
/// take part, so the work is proportional to the parts that are near each other.
pub fn interiors_overlap(a: &[PointMm], b: &[PointMm]) -> bool {
    let (Some((alo, ahi)), Some((blo, bhi))) = (bounds(a), bounds(b)) else {
        return false;
    };
    let lo = PointMm::new(alo.x.max(blo.x), alo.y.max(blo.y));
    let hi = PointMm::new(ahi.x.min(bhi.x), ahi.y.min(bhi.y));
    if a.len() < 3 || b.len() < 3 || lo.x >= hi.x || lo.y >= hi.y {
        return false;
    }
    let near = |p: PointMm, q: PointMm| {
        p.x.max(q.x) >= lo.x && p.x.min(q.x) <= hi.x && p.y.max(q.y) >= lo.y && p.y.min(q.y) <= hi.y
    };
    let edges_near = |poly: &[PointMm]| -> Vec<(PointMm, PointMm)> {
        let n = poly.len();
        (0..n)
            .map(|i| (poly[i], poly[(i + 1) % n]))
            .filter(|&(p, q)| near(p, q))
            .collect()
    };
    let (ea, eb) = (edges_near(a), edges_near(b));
    for &(a1, a2) in &ea {
        for &(b1, b2) in &eb {
            let d1 = orientation(b1, b2, a1) * orientation(b1, b2, a2);
            let d2 = orientation(a1, a2, b1) * orientation(a1, a2, b2);
            if d1 < 0 && d2 < 0 {
                return true;
            }
        }
    }
    vertex_inside_or_wedges_meet(a, b, lo, hi) || vertex_inside_or_wedges_meet(b, a, lo, hi)
}

/// Part (b) and (c) of [`interiors_overlap`] for the vertices of `a` inside the box.
fn vertex_inside_or_wedges_meet(a: &[PointMm], b: &[PointMm], lo: PointMm, hi: PointMm) -> bool {
    let n = a.len();
    let a_ccw = signed_area_twice_mm2(a) > 0;
    let b_ccw = signed_area_twice_mm2(b) > 0;
    (0..n).any(|i| {
        let v = a[i];
        if v.x < lo.x || v.x > hi.x || v.y < lo.y || v.y > hi.y {
            return false;
        }
        match locate(b, v) {
            Location::Inside => true,
            Location::Outside => false,
            Location::Boundary => {
                let mine = wedge(v, a[(i + n - 1) % n], a[(i + 1) % n], a_ccw);
                boundary_wedge(b, v, b_ccw).is_some_and(|theirs| wedges_meet(mine, theirs))
            }
        }
    })
}

/// Directions as exact integer vectors.
type Dir = (i128, i128);

/// The open wedge of a polygon's interior at `v` between its edges to `prev` and `next`,
/// as a counter-clockwise (in the x-right, y-up sense of [`orientation`]) arc from its
/// first to its second direction.
fn wedge(v: PointMm, prev: PointMm, next: PointMm, ccw: bool) -> (Dir, Dir) {
    let d = |p: PointMm| (i128::from(p.x - v.x), i128::from(p.y - v.y));
    if ccw {
        (d(next), d(prev))
    } else {
        (d(prev), d(next))
    }
}

/// The interior wedge of `polygon` at a point `v` of its boundary: its corner if `v` is a
/// vertex, a half-plane if `v` lies inside an edge.
fn boundary_wedge(polygon: &[PointMm], v: PointMm, ccw: bool) -> Option<(Dir, Dir)> {
    let n = polygon.len();
    if let Some(k) = polygon.iter().position(|&p| p == v) {
        return Some(wedge(
            v,
            polygon[(k + n - 1) % n],
            polygon[(k + 1) % n],
            ccw,
        ));
    }
    (0..n).find_map(|k| {
        let (p, q) = (polygon[k], polygon[(k + 1) % n]);
        (orientation(p, q, v) == 0 && on_segment(p, q, v)).then(|| wedge(v, p, q, ccw))
    })
}

fn cross(a: Dir, b: Dir) -> i128 {
    a.0 * b.1 - a.1 * b.0
}

/// Whether the counter-clockwise angle from `s` to `a` is smaller than from `s` to `b`
/// (angles in `[0, 2π)`).
fn angle_less(s: Dir, a: Dir, b: Dir) -> bool {
    let half = |v: Dir| {
        let c = cross(s, v);
        let upper = c > 0 || (c == 0 && s.0 * v.0 + s.1 * v.1 > 0);
        u8::from(!upper)
    };
    let (ha, hb) = (half(a), half(b));
    ha < hb || (ha == hb && cross(a, b) > 0)
}

/// Whether two open wedges (counter-clockwise arcs `start → end`) share a direction: one
/// wedge's start lies in the other, counting the start itself.
fn wedges_meet(w1: (Dir, Dir), w2: (Dir, Dir)) -> bool {
    angle_less(w1.0, w2.0, w1.1) || angle_less(w2.0, w1.0, w2.1)
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
