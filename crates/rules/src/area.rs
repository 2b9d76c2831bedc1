//! Floor areas: 壁芯 (wall-centre) and 内法 (interior) per room, storey and dwelling.
//!
//! * 壁芯 area is the area of the room polygon itself, because the model stores wall-centre
//!   vertices (建築基準法施行令2条1項3号: 「壁その他の区画の中心線で囲まれた部分」). Computed with
//!   [`geo::Area`].
//! * 内法 area offsets every edge inward by half its wall thickness (the entered thickness, or the
//!   construction's default for an interior or exterior wall) and measures the result. It is
//!   `None` when a room is too narrow for its walls (an offset edge would turn over).
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
/// `None` when an edge would turn over (the room is narrower than its walls).
pub fn interior_polygon(polygon: &[PointMm], thickness_mm: &[u32]) -> Option<Vec<(f64, f64)>> {
    let n = polygon.len();
    if n < 3 || thickness_mm.len() != n {
        return None;
    }
    let sign = if madori_plan::geometry::signed_area_twice_mm2(polygon) > 0 {
        1.0
    } else {
        -1.0
    };
    // Offset line of each edge: a point on it and its direction.
    let lines: Vec<((f64, f64), (f64, f64))> = (0..n)
        .map(|i| {
            let a = polygon[i];
            let b = polygon[(i + 1) % n];
            let (dx, dy) = ((b.x - a.x) as f64, (b.y - a.y) as f64);
            let len = dx.hypot(dy);
            // With y down and positive signed area, the interior lies on (-dy, dx).
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
            // Collinear neighbours: the vertex lies between the two offset lines.
            out.push(((p.0 + q.0) / 2.0, (p.1 + q.1) / 2.0));
        } else {
            let t = ((q.0 - p.0) * e.1 - (q.1 - p.1) * e.0) / cross;
            out.push((p.0 + d.0 * t, p.1 + d.1 * t));
        }
    }
    // Every offset edge must keep its direction, or the room is thinner than its walls.
    for i in 0..n {
        let (a, b) = (out[i], out[(i + 1) % n]);
        let d = lines[i].1;
        if (b.0 - a.0) * d.0 + (b.1 - a.1) * d.1 <= 0.0 {
            return None;
        }
    }
    Some(out)
}

/// Whether each edge of each room of a storey is exterior (see the module docs).
/// `result[room][edge]`.
pub fn exterior_edges(storey: &Storey) -> Vec<Vec<bool>> {
    /// An edge on its supporting line: the line's key, the span along it, and its owner.
    struct Span {
        line: (i64, i64, i128),
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
            let (a, b) = (r.polygon[edge], r.polygon[(edge + 1) % n]);
            let (mut dx, mut dy) = (b.x - a.x, b.y - a.y);
            let g = gcd(dx.unsigned_abs(), dy.unsigned_abs()).max(1) as i64;
            (dx, dy) = (dx / g, dy / g);
            if dx < 0 || (dx == 0 && dy < 0) {
                (dx, dy) = (-dx, -dy);
            }
            let offset = i128::from(dy) * i128::from(a.x) - i128::from(dx) * i128::from(a.y);
            let t =
                |p: PointMm| i128::from(dx) * i128::from(p.x) + i128::from(dy) * i128::from(p.y);
            let (ta, tb) = (t(a), t(b));
            spans.push(Span {
                line: (dx, dy, offset),
                lo: ta.min(tb),
                hi: ta.max(tb),
                room,
                edge,
            });
        }
    }
    // Collinear edges end up next to each other, ordered along their line, so each edge
    // meets only the edges that overlap it.
    spans.sort_unstable_by(|a, b| a.line.cmp(&b.line).then(a.lo.cmp(&b.lo)));
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
        if 2 * shared >= span.hi - span.lo {
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
                    .map(|(room, ext)| {
                        let thickness = wall_thicknesses_mm(room, ext, construction);
                        RoomArea {
                            wall_centre_m2: wall_centre_area_m2(&room.polygon),
                            interior_m2: interior_polygon(&room.polygon, &thickness)
                                .map(|p| to_geo(p).unsigned_area() / MM2_PER_M2),
                        }
                    })
                    .collect();
                let floor = || {
                    storey
                        .rooms
                        .iter()
                        .zip(&rooms)
                        .filter(|(room, _)| room.kind.counts_as_floor_area())
                };
                StoreyArea {
                    id: storey.id.clone(),
                    name: storey.name.clone(),
                    wall_centre_m2: floor().map(|(_, a)| a.wall_centre_m2).sum(),
                    interior_m2: floor().map(|(_, a)| a.interior_m2).sum(),
                    rooms,
                    exterior,
                }
            })
            .collect();
        Self {
            dwelling_wall_centre_m2: storeys.iter().map(|s| s.wall_centre_m2).sum(),
            dwelling_interior_m2: storeys.iter().map(|s| s.interior_m2).sum(),
            storeys,
        }
    }
}

/// A point inside the room for its label, mm ([`geo::InteriorPoint`]): unlike the centroid it
/// stays inside an L-shaped corridor.
pub fn label_position_mm(polygon: &[PointMm]) -> (f64, f64) {
    use geo::InteriorPoint;
    to_geo(polygon.iter().map(|p| (p.x as f64, p.y as f64)))
        .interior_point()
        .map_or((0.0, 0.0), |p| (p.x(), p.y()))
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
                let rooms: Vec<RoomArea> = s
                    .rooms
                    .iter()
                    .map(|r| RoomArea {
                        wall_centre_m2: r.interior_m2.unwrap_or(0.0),
                        interior_m2: r.interior_m2,
                    })
                    .collect();
                let floor: f64 = storey
                    .rooms
                    .iter()
                    .zip(&rooms)
                    .filter(|(room, _)| room.kind.counts_as_floor_area())
                    .map(|(_, a)| a.wall_centre_m2)
                    .sum();
                StoreyArea {
                    wall_centre_m2: floor,
                    rooms,
                    ..s.clone()
                }
            })
            .collect();
        PlanAreas {
            dwelling_wall_centre_m2: storeys.iter().map(|s| s.wall_centre_m2).sum(),
            dwelling_interior_m2: self.dwelling_interior_m2,
            storeys,
        }
    }
}
