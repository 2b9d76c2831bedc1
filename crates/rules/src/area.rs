//! Floor areas: 壁芯 (wall-centre) and 内法 (interior) per room, storey and dwelling.
//!
//! * 壁芯 area is the area of the room polygon itself, because the model stores wall-centre
//!   vertices (建築基準法施行令2条1項3号: 「壁その他の区画の中心線で囲まれた部分」). Computed with
//!   [`geo::Area`].
//! * 内法 area offsets every edge inward by half its wall thickness (the entered thickness, or the
//!   construction's default for an interior or exterior wall) and measures the result: faces
//!   meet at a mitre in a corner and make a step where a straight wall changes thickness. It
//!   is `None` when a room is too narrow for its walls (an offset edge would turn over, or the
//!   offset outline would cross itself), so it never exceeds the 壁芯 area.
//! * 帖 uses the advertising convention 1帖 = 1.62 ㎡ of 壁芯 area; 1 坪 = 400/121 ㎡.
//!
//! An edge counts as **exterior** when less than half its length is shared with an edge of
//! another room (not a balcony) on the same storey.
//!
//! ```
//! use madori_plan::{format, templates};
//! let plan = format::from_json(templates::get("kodan-3dk").unwrap()).unwrap();
//! let areas = madori_rules::area::PlanAreas::compute(&plan);
//! assert!((areas.dwelling_wall_centre_m2 - 57.967).abs() < 0.001);
//! ```

use geo::{Area, Coord, LineString, Polygon};
use madori_plan::{Construction, PointMm, Room, Storey};

/// Square millimetres in one square metre.
pub const MM2_PER_M2: f64 = 1_000_000.0;
/// ㎡ in one 帖 (不動産の表示に関する公正競争規約施行規則).
pub const M2_PER_JO: f64 = 1.62;
/// ㎡ in one 坪.
pub const M2_PER_TSUBO: f64 = 400.0 / 121.0;

/// Converts ㎡ to 帖.
pub fn m2_to_jo(m2: f64) -> f64 {
    m2 / M2_PER_JO
}

/// Converts ㎡ to 坪.
pub fn m2_to_tsubo(m2: f64) -> f64 {
    m2 / M2_PER_TSUBO
}

fn to_geo(polygon: impl IntoIterator<Item = (f64, f64)>) -> Polygon<f64> {
    let coords: Vec<Coord<f64>> = polygon.into_iter().map(|(x, y)| Coord { x, y }).collect();
    Polygon::new(LineString::new(coords), vec![])
}

/// The 壁芯 area of a wall-centre polygon, ㎡.
pub fn wall_centre_area_m2(polygon: &[PointMm]) -> f64 {
    to_geo(polygon.iter().map(|p| (p.x as f64, p.y as f64))).unsigned_area() / MM2_PER_M2
}

/// The 内法 polygon: each edge moved inward by half its wall thickness (mm, one per edge).
///
/// Where two edges meet at an angle the inner faces meet at a mitre (the two offset lines
/// intersect). Where two consecutive edges lie on one straight line with different
/// thicknesses, the walls do not merge: each inner face stops on the perpendicular through
/// the shared vertex and the outline makes a **step** there (two vertices, the end of one
/// face and the start of the next), as a drawing joins a thick wall to a thinner one that
/// continues it.
///
/// `None` when the walls leave no room: an offset edge turns over or shrinks to nothing, or
/// the offset outline crosses or touches itself (somewhere the room is narrower than its
/// walls). Also `None` for outlines a validated plan cannot contain (fewer than 3 vertices,
/// repeated or back-folding vertices, zero area, coordinates beyond
/// [`madori_plan::geometry::MAX_COORDINATE_MM`], where `f64` no longer resolves a wall), or
/// when `thickness_mm` does not have one value per edge.
pub fn interior_polygon(polygon: &[PointMm], thickness_mm: &[u32]) -> Option<Vec<(f64, f64)>> {
    use madori_plan::geometry::MAX_COORDINATE_MM;
    let n = polygon.len();
    let in_range = |p: &PointMm| {
        p.x.unsigned_abs() <= MAX_COORDINATE_MM.unsigned_abs()
            && p.y.unsigned_abs() <= MAX_COORDINATE_MM.unsigned_abs()
    };
    if n < 3 || thickness_mm.len() != n || !polygon.iter().all(in_range) {
        return None;
    }
    let sign = match madori_plan::geometry::signed_area_twice_mm2(polygon).signum() {
        0 => return None,
        s => s as f64,
    };
    let edges = polygon
        .iter()
        .zip(polygon.iter().cycle().skip(1))
        .zip(thickness_mm)
        .map(|((a, b), &t)| OffsetEdge::new(*a, *b, t, sign))
        .collect::<Option<Vec<_>>>()?;
    // Each corner gives one point (a mitre) or two (a step). A vertex in the middle of a
    // straight wall of one thickness is no corner: the wall's face runs straight past it,
    // even where a short piece of the wall lies inside a corner's walls.
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(2 * n);
    let mut corners = 0;
    // The direction of the wall that ends at the first corner, checked once the outline closes.
    let mut closing_dir = (0.0, 0.0);
    for (i, v) in polygon.iter().enumerate() {
        let (a, b) = (&edges[(i + n - 1) % n], &edges[i]);
        if a.continues_into(b) {
            continue;
        }
        corners += 1;
        let v = (v.x as f64, v.y as f64);
        let a_end = add(v, scale(a.normal, a.half_mm));
        let b_start = add(v, scale(b.normal, b.half_mm));
        let first = out.len();
        let (cross_exact, dot_exact) = a.exact_cross_dot(b);
        if cross_exact == 0 {
            if dot_exact < 0 {
                // The outline folds back on itself.
                return None;
            }
            out.push(a_end);
            out.push(b_start);
        } else {
            // The mitre: the point a_end + s·a.dir that lies on b's offset line.
            let s = cross(sub(b_start, a_end), b.dir) / cross(a.dir, b.dir);
            out.push(add(a_end, scale(a.dir, s)));
        }
        // Every wall's face must keep its direction, or the room is thinner than its walls.
        match first.checked_sub(1) {
            Some(previous) if dot(sub(out[first], out[previous]), a.dir) <= 0.0 => return None,
            Some(_) => {}
            None => closing_dir = a.dir,
        }
    }
    if corners < 3 || dot(sub(out[0], out[out.len() - 1]), closing_dir) <= 0.0 {
        return None;
    }
    if crosses_itself(&out) {
        return None;
    }
    Some(out)
}

/// One wall-centre edge with what offsetting it needs.
struct OffsetEdge {
    /// The edge vector in whole millimetres, for exact collinearity tests.
    raw: (i64, i64),
    /// Unit direction.
    dir: (f64, f64),
    /// Unit normal pointing into the room.
    normal: (f64, f64),
    /// Half the wall thickness, mm.
    half_mm: f64,
}

impl OffsetEdge {
    /// `None` for a zero-length edge. `sign` is the polygon's winding (±1): with y down and
    /// positive signed area the room lies on the left-hand normal `(-dy, dx)`.
    fn new(a: PointMm, b: PointMm, thickness_mm: u32, sign: f64) -> Option<Self> {
        let raw = (b.x - a.x, b.y - a.y);
        if raw == (0, 0) {
            return None;
        }
        let len = (raw.0 as f64).hypot(raw.1 as f64);
        let dir = (raw.0 as f64 / len, raw.1 as f64 / len);
        Some(Self {
            raw,
            dir,
            normal: (-dir.1 * sign, dir.0 * sign),
            half_mm: f64::from(thickness_mm) / 2.0,
        })
    }

    /// The cross and dot products of the two edge vectors, exact.
    fn exact_cross_dot(&self, next: &Self) -> (i128, i128) {
        let (a, b) = (self.raw, next.raw);
        (
            i128::from(a.0) * i128::from(b.1) - i128::from(a.1) * i128::from(b.0),
            i128::from(a.0) * i128::from(b.0) + i128::from(a.1) * i128::from(b.1),
        )
    }

    /// Whether `next` carries on this wall: same direction, same thickness.
    fn continues_into(&self, next: &Self) -> bool {
        let (cross, dot) = self.exact_cross_dot(next);
        cross == 0 && dot > 0 && self.half_mm == next.half_mm
    }
}

fn add(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 + b.0, a.1 + b.1)
}

fn sub(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 - b.0, a.1 - b.1)
}

fn scale(a: (f64, f64), k: f64) -> (f64, f64) {
    (a.0 * k, a.1 * k)
}

fn dot(a: (f64, f64), b: (f64, f64)) -> f64 {
    a.0 * b.0 + a.1 * b.1
}

fn cross(a: (f64, f64), b: (f64, f64)) -> f64 {
    a.0 * b.1 - a.1 * b.0
}

/// Whether a closed outline touches itself: two non-adjacent edges share a point, or two
/// adjacent edges fold back over each other. Quadratic in the number of vertices, like the
/// plan validator's own test on the wall-centre outline.
fn crosses_itself(points: &[(f64, f64)]) -> bool {
    let m = points.len();
    let edge = |i: usize| (points[i], points[(i + 1) % m]);
    (0..m).any(|i| {
        let (a1, a2) = edge(i);
        let (b1, b2) = edge((i + 1) % m);
        let folds_back =
            cross(sub(a2, a1), sub(b2, b1)) == 0.0 && dot(sub(a2, a1), sub(b2, b1)) < 0.0;
        folds_back
            || ((i + 2)..m).filter(|&j| !(i == 0 && j == m - 1)).any(|j| {
                let (b1, b2) = edge(j);
                segments_meet(a1, a2, b1, b2)
            })
    })
}

/// Whether the closed segments `a1–a2` and `b1–b2` share a point.
fn segments_meet(a1: (f64, f64), a2: (f64, f64), b1: (f64, f64), b2: (f64, f64)) -> bool {
    let side = |p: (f64, f64), q: (f64, f64), r: (f64, f64)| cross(sub(q, p), sub(r, p));
    let within = |p: (f64, f64), q: (f64, f64), r: (f64, f64)| {
        r.0 >= p.0.min(q.0) && r.0 <= p.0.max(q.0) && r.1 >= p.1.min(q.1) && r.1 <= p.1.max(q.1)
    };
    let (d1, d2) = (side(b1, b2, a1), side(b1, b2, a2));
    let (d3, d4) = (side(a1, a2, b1), side(a1, a2, b2));
    if ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
    {
        return true;
    }
    (d1 == 0.0 && within(b1, b2, a1))
        || (d2 == 0.0 && within(b1, b2, a2))
        || (d3 == 0.0 && within(a1, a2, b1))
        || (d4 == 0.0 && within(a1, a2, b2))
}

/// The line an edge lies on, as a key equal for every collinear edge: the reduced direction
/// (pointing right, or down when vertical) and the offset of the line, exact.
pub(crate) type LineKey = (i64, i64, i128);

/// `i64` keys that order as `(line, lo)` does, for `madori_plan::order::sort_by_i64_keys`
/// (the app's one shared sort rather than a sort routine of its own).
pub(crate) fn line_keys(line: &LineKey, lo: i128) -> [i64; 6] {
    let [offset_hi, offset_lo] = madori_plan::order::i128_keys(line.2);
    let [lo_hi, lo_lo] = madori_plan::order::i128_keys(lo);
    [line.0, line.1, offset_hi, offset_lo, lo_hi, lo_lo]
}

/// An edge on its supporting line: the line's key and the span `lo..hi` along it.
pub(crate) fn edge_span(a: PointMm, b: PointMm) -> (LineKey, i128, i128) {
    let (mut dx, mut dy) = (b.x - a.x, b.y - a.y);
    let g = gcd(dx.unsigned_abs(), dy.unsigned_abs()).max(1) as i64;
    (dx, dy) = (dx / g, dy / g);
    if dx < 0 || (dx == 0 && dy < 0) {
        (dx, dy) = (-dx, -dy);
    }
    let offset = i128::from(dy) * i128::from(a.x) - i128::from(dx) * i128::from(a.y);
    let t = |p: PointMm| i128::from(dx) * i128::from(p.x) + i128::from(dy) * i128::from(p.y);
    let (ta, tb) = (t(a), t(b));
    ((dx, dy, offset), ta.min(tb), ta.max(tb))
}

/// Whether an edge spanning `lo..hi` whose spans shared with other rooms' edges on its line
/// add up to `shared` is exterior: less than half of it is shared.
pub(crate) fn is_exterior(lo: i128, hi: i128, shared: i128) -> bool {
    2 * shared < hi - lo
}

/// Whether each edge of each room of a storey is exterior (see the module docs).
/// `result[room][edge]`.
pub fn exterior_edges(storey: &Storey) -> Vec<Vec<bool>> {
    /// An edge on its supporting line: the line's key, the span along it, and its owner.
    struct Span {
        line: LineKey,
        lo: i128,
        hi: i128,
        room: usize,
        edge: usize,
    }
    let mut spans: Vec<Span> = Vec::new();
    for (room, r) in storey.rooms.iter().enumerate() {
        if !r.kind.counts_as_floor_area() {
            continue;
        }
        let n = r.polygon.len();
        for edge in 0..n {
            let (line, lo, hi) = edge_span(r.polygon[edge], r.polygon[(edge + 1) % n]);
            spans.push(Span {
                line,
                lo,
                hi,
                room,
                edge,
            });
        }
    }
    // Collinear edges end up next to each other, ordered along their line, so each edge
    // meets only the edges that overlap it.
    madori_plan::order::sort_by_i64_keys(&mut spans, |s| line_keys(&s.line, s.lo));
    let mut shared = vec![0_i128; spans.len()];
    for i in 0..spans.len() {
        for j in (i + 1)..spans.len() {
            let (a, b) = (&spans[i], &spans[j]);
            if b.line != a.line || b.lo >= a.hi {
                break;
            }
            if a.room != b.room {
                let overlap = a.hi.min(b.hi) - b.lo;
                shared[i] += overlap;
                shared[j] += overlap;
            }
        }
    }
    let mut exterior: Vec<Vec<bool>> = storey
        .rooms
        .iter()
        .map(|r| vec![true; r.polygon.len()])
        .collect();
    for (span, shared) in spans.iter().zip(shared) {
        if !is_exterior(span.lo, span.hi, shared) {
            exterior[span.room][span.edge] = false;
        }
    }
    exterior
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Wall thickness of every edge of a room: the entered value or the default.
pub fn wall_thicknesses_mm(room: &Room, exterior: &[bool], construction: Construction) -> Vec<u32> {
    (0..room.polygon.len())
        .map(|e| {
            room.wall_thickness_mm
                .get(e)
                .copied()
                .flatten()
                .unwrap_or_else(|| {
                    construction.default_wall_thickness_mm(exterior.get(e).copied().unwrap_or(true))
                })
        })
        .collect()
}

/// Areas of one room.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RoomArea {
    /// 壁芯 area, ㎡.
    pub wall_centre_m2: f64,
    /// 内法 area, ㎡; `None` when the walls leave no room (see [`interior_polygon`]).
    pub interior_m2: Option<f64>,
}

/// Areas of one storey.
#[derive(Clone, Debug, PartialEq)]
pub struct StoreyArea {
    /// Storey id.
    pub id: String,
    /// Storey name.
    pub name: String,
    /// Sum of 壁芯 floor area (balconies excluded), ㎡.
    pub wall_centre_m2: f64,
    /// Sum of 内法 floor area, ㎡; `None` if any room's is unavailable.
    pub interior_m2: Option<f64>,
    /// Each room's areas, in the storey's room order.
    pub rooms: Vec<RoomArea>,
    /// Whether each room edge is exterior, `[room][edge]`.
    pub exterior: Vec<Vec<bool>>,
}

/// Areas of a whole plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanAreas {
    /// Per storey, in plan order.
    pub storeys: Vec<StoreyArea>,
    /// 延床面積 at wall centre (balconies excluded), ㎡.
    pub dwelling_wall_centre_m2: f64,
    /// 延床面積 inside walls, ㎡; `None` if any room's is unavailable.
    pub dwelling_interior_m2: Option<f64>,
}

/// The areas of one room whose edges are exterior as `exterior` says.
pub(crate) fn room_area(room: &Room, exterior: &[bool], construction: Construction) -> RoomArea {
    let thickness = wall_thicknesses_mm(room, exterior, construction);
    RoomArea {
        wall_centre_m2: wall_centre_area_m2(&room.polygon),
        interior_m2: interior_polygon(&room.polygon, &thickness)
            .map(|p| to_geo(p).unsigned_area() / MM2_PER_M2),
    }
}

/// A storey's floor area (balconies excluded): `(壁芯, 内法)`, summed in room order so that
/// a sum kept between checks equals a fresh one to the last bit.
pub(crate) fn storey_sums(storey: &Storey, rooms: &[RoomArea]) -> (f64, Option<f64>) {
    let floor = || {
        storey
            .rooms
            .iter()
            .zip(rooms)
            .filter(|(room, _)| room.kind.counts_as_floor_area())
    };
    (
        floor().map(|(_, a)| a.wall_centre_m2).sum(),
        floor().map(|(_, a)| a.interior_m2).sum(),
    )
}

/// The dwelling's floor area from its storeys' `(壁芯, 内法)`, in storey order.
pub(crate) fn dwelling_sums(storeys: &[StoreyArea]) -> (f64, Option<f64>) {
    (
        storeys.iter().map(|s| s.wall_centre_m2).sum(),
        storeys.iter().map(|s| s.interior_m2).sum(),
    )
}

/// A room's areas measured inside the walls ([`PlanAreas::interior_as_basis`]).
pub(crate) fn interior_basis_room(area: &RoomArea) -> RoomArea {
    RoomArea {
        wall_centre_m2: area.interior_m2.unwrap_or(0.0),
        interior_m2: area.interior_m2,
    }
}

impl PlanAreas {
    /// Computes every area of a (validated) plan.
    pub fn compute(plan: &madori_plan::Plan) -> Self {
        let construction = plan.dwelling.construction;
        let storeys: Vec<StoreyArea> = plan
            .storeys
            .iter()
            .map(|storey| {
                let exterior = exterior_edges(storey);
                let rooms: Vec<RoomArea> = storey
                    .rooms
                    .iter()
                    .zip(&exterior)
                    .map(|(room, ext)| room_area(room, ext, construction))
                    .collect();
                let (wall_centre_m2, interior_m2) = storey_sums(storey, &rooms);
                StoreyArea {
                    id: storey.id.clone(),
                    name: storey.name.clone(),
                    wall_centre_m2,
                    interior_m2,
                    rooms,
                    exterior,
                }
            })
            .collect();
        let (dwelling_wall_centre_m2, dwelling_interior_m2) = dwelling_sums(&storeys);
        Self {
            dwelling_wall_centre_m2,
            dwelling_interior_m2,
            storeys,
        }
    }
}

/// A point inside the room for its label, mm: the middle of the widest stretch of the room
/// along a horizontal line at mid-height. Unlike the centroid it stays inside an L-shaped
/// corridor. The line runs halfway between the two vertex heights around the room's middle,
/// so it passes through no vertex and crosses each edge it meets once; an empty or flat
/// polygon gives its first vertex (or the origin). Written out rather than taken from `geo`
/// (whose interior point pulls its whole relate machinery into the app's wasm); time
/// O(n log n) for n vertices.
pub fn label_position_mm(polygon: &[PointMm]) -> (f64, f64) {
    let Some(first) = polygon.first() else {
        return (0.0, 0.0);
    };
    let mut heights: Vec<i64> = polygon.iter().map(|p| p.y).collect();
    madori_plan::order::sort_by_i64_key(&mut heights, |&h| h);
    heights.dedup();
    // Twice the middle height, and the band of heights [low, high] holding it (i128: no
    // overflow on any i64 coordinates).
    let middle2 = i128::from(heights[0]) + i128::from(heights[heights.len() - 1]);
    let Some((low, high)) = heights
        .windows(2)
        .map(|w| (w[0], w[1]))
        .find(|&(_, high)| 2 * i128::from(high) > middle2)
    else {
        return (first.x as f64, first.y as f64);
    };
    let line2 = i128::from(low) + i128::from(high);
    let y = (low as f64 + high as f64) / 2.0;
    // The crossings as integer keys in `f64::total_cmp` order, so they sort with the integer
    // sort the heights use: one sort routine in the wasm instead of two.
    let key = madori_plan::order::f64_key;
    let mut crossings: Vec<i64> = (0..polygon.len())
        .filter_map(|i| {
            let (a, b) = (polygon[i], polygon[(i + 1) % polygon.len()]);
            let (above_a, above_b) = (2 * i128::from(a.y) < line2, 2 * i128::from(b.y) < line2);
            (above_a != above_b).then(|| {
                let (ax, ay, bx, by) = (a.x as f64, a.y as f64, b.x as f64, b.y as f64);
                key(ax + (bx - ax) * (y - ay) / (by - ay))
            })
        })
        .collect();
    madori_plan::order::sort_by_i64_key(&mut crossings, |&c| c);
    // The key is its own inverse: applied to a key it gives back the number's bits.
    let crossings: Vec<f64> = crossings
        .into_iter()
        .map(|k| f64::from_bits(key(f64::from_bits(k as u64)) as u64))
        .collect();
    crossings
        .chunks_exact(2)
        .max_by(|p, q| (p[1] - p[0]).total_cmp(&(q[1] - q[0])))
        .map_or((first.x as f64, first.y as f64), |p| {
            ((p[0] + p[1]) / 2.0, y)
        })
}

impl PlanAreas {
    /// The same plan measured inside the walls: every room's area becomes its 内法 area (0
    /// where the walls leave no floor), for profiles that measure rooms at the wall faces.
    pub fn interior_as_basis(&self, plan: &madori_plan::Plan) -> PlanAreas {
        let storeys: Vec<StoreyArea> = self
            .storeys
            .iter()
            .zip(&plan.storeys)
            .map(|(s, storey)| {
                let rooms: Vec<RoomArea> = s.rooms.iter().map(interior_basis_room).collect();
                let (floor, _) = storey_sums(storey, &rooms);
                StoreyArea {
                    wall_centre_m2: floor,
                    rooms,
                    ..s.clone()
                }
            })
            .collect();
        let (dwelling_wall_centre_m2, _) = dwelling_sums(&storeys);
        PlanAreas {
            dwelling_wall_centre_m2,
            dwelling_interior_m2: self.dwelling_interior_m2,
            storeys,
        }
    }
}
