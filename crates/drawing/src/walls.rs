//! Wall bodies: each wall once, at its thickness around its wall-centre line, corners
//! joined, openings cut out.
//!
//! How:
//! 1. Every room edge is put on its supporting line (an exact integer key, as
//!    `madori_rules::area` keys shared edges), so a wall two rooms share, or that one room's
//!    long edge shares with two rooms' short ones (a T-junction with vertices on one side
//!    only), is one stretch of one line.
//! 2. Along each line the stretch covered by room edges is cut where the covering changes;
//!    each piece takes the thickest covering edge's thickness, an entered thickness winning
//!    over a default one. Thicknesses come from `madori_rules::area::wall_thicknesses_mm`
//!    with `madori_rules::area::exterior_edges` (exterior: less than half the edge shared),
//!    exactly as the 内法 area is measured. Runs of one thickness are the 壁芯 lines.
//! 3. Runs are split where another run ends on them (T-junctions), so walls meet only at
//!    their ends, at nodes. Around each node the walls are ordered by angle; between two
//!    neighbours the facing wall faces meet at one point (a mitre), or, for two walls on one
//!    line, at the perpendicular through the node (a step where the thickness changes). Each
//!    wall's end is the fan `right face point → node → left face point`, so the ends around
//!    a node tile the joint without overlap or gap, whatever the number of walls. A mitre
//!    longer than [`MITRE_LIMIT`] half-thicknesses (a very sharp corner) is cut square.
//! 4. Openings are cut out of every wall on their line: the body is clipped to the parts
//!    before and after each opening (square jambs at exactly the opening's ends).
//!
//! The outline of the walls (their faces, the jambs, steps and free ends, but not the joints
//! between bodies) is chained into polylines for a thick pen.

use crate::geom::{self, add, dot, mul, perp, sub, unit};
use crate::{Pt, Rect, Segment, Shape};
use madori_plan::{Construction, PointMm, RoomKind, Storey};
use std::collections::HashMap;

/// A mitre may reach at most this many half-thicknesses from its node; sharper corners are
/// cut square on each wall.
pub const MITRE_LIMIT: f64 = 6.0;

/// What a wall separates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WallKind {
    /// Rooms (one, or a room and a balcony) from the outside.
    Exterior,
    /// Two rooms of the storey.
    Interior,
    /// A balcony's edge that no room shares: its parapet (手すり壁).
    Balcony,
}

/// One wall body: a polygon around a stretch of wall-centre line, to be filled.
#[derive(Clone, Debug, PartialEq)]
pub struct WallBody {
    /// The body's outline (closed; either winding).
    pub polygon: Vec<Pt>,
    /// The wall's thickness, mm.
    pub thickness_mm: u32,
    /// What the wall separates.
    pub kind: WallKind,
    /// The stretch of wall-centre line the body is built on; `None` for the corner left of a
    /// wall whose opening starts right at the corner.
    pub centre: Option<Segment>,
    /// The polygon's bounding box.
    pub bounds: Rect,
}

/// The line key of an edge: the reduced direction (pointing right, or down when vertical)
/// and the line's offset, exact, equal for every collinear edge.
pub(crate) type LineKey = (i64, i64, i128);

/// A supporting line with its unit direction.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line {
    pub key: LineKey,
    /// Unit direction (the key's direction).
    pub u: Pt,
}

impl Line {
    /// The line through `a` and `b` (`None` when they are equal).
    pub(crate) fn through(a: PointMm, b: PointMm) -> Option<Line> {
        let (mut dx, mut dy) = (b.x - a.x, b.y - a.y);
        if dx == 0 && dy == 0 {
            return None;
        }
        let g = gcd(dx.unsigned_abs(), dy.unsigned_abs()).max(1) as i64;
        (dx, dy) = (dx / g, dy / g);
        if dx < 0 || (dx == 0 && dy < 0) {
            (dx, dy) = (-dx, -dy);
        }
        let offset = i128::from(dy) * i128::from(a.x) - i128::from(dx) * i128::from(a.y);
        Some(Line {
            key: (dx, dy, offset),
            u: unit(Pt::new(dx as f64, dy as f64)),
        })
    }

    /// The exact position of a point of the line along it (in units of the reduced
    /// direction's length).
    fn s(&self, p: PointMm) -> i128 {
        i128::from(self.key.0) * i128::from(p.x) + i128::from(self.key.1) * i128::from(p.y)
    }

    /// The position along the line in mm (any point, projected).
    pub(crate) fn t(&self, p: Pt) -> f64 {
        dot(p, self.u)
    }

    /// The point of the line at position `t` mm.
    pub(crate) fn at(&self, t: f64) -> Pt {
        // The line's point nearest the origin, plus t along it.
        let (dx, dy, off) = self.key;
        let d2 = (dx as f64).powi(2) + (dy as f64).powi(2);
        let base = Pt::new(dy as f64 * off as f64 / d2, -(dx as f64) * off as f64 / d2);
        add(base, mul(self.u, t))
    }
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// A straight wall of one thickness between two nodes.
#[derive(Clone, Debug)]
struct Piece {
    line: Line,
    a: PointMm,
    b: PointMm,
    half: f64,
    thickness_mm: u32,
    kind: WallKind,
    /// `[start, end]` face points: `(right, left)` as seen looking out of the node along
    /// the wall.
    ends: [(Pt, Pt); 2],
}

/// The walls of a storey and what the other parts of the drawing need from them.
#[derive(Clone, Debug, Default)]
pub(crate) struct Walls {
    pub bodies: Vec<WallBody>,
    pub outline: Vec<Shape>,
    pub centres: Vec<Segment>,
    /// Half the drawn thickness of every room edge, `[room][edge]` (the thickest wall along
    /// it), mm.
    pub edge_half: Vec<Vec<f64>>,
    /// x of every vertical wall-centre line, sorted, distinct.
    pub vertical_x: Vec<i64>,
    /// y of every horizontal wall-centre line, sorted, distinct.
    pub horizontal_y: Vec<i64>,
    /// Whether each room edge is exterior, `[room][edge]` (`madori_rules::area::exterior_edges`).
    pub exterior: Vec<Vec<bool>>,
    /// The structure, whose defaults set the thicknesses.
    pub construction: Construction,
    /// Every run as `(line, t0, t1, half thickness)`, sorted by line then position.
    runs_by_line: Vec<(LineKey, f64, f64, f64)>,
}

impl Walls {
    /// Half the thickness of the wall on `line` at position `t`, if there is one.
    pub(crate) fn half_at(&self, line: &Line, t: f64) -> Option<f64> {
        let from = self.runs_by_line.partition_point(|r| r.0 < line.key);
        self.runs_by_line[from..]
            .iter()
            .take_while(|r| r.0 == line.key)
            .find(|&&(_, t0, t1, _)| t0 <= t && t <= t1)
            .map(|&(_, _, _, h)| h)
    }
}

/// One room edge on its line.
#[derive(Clone, Copy)]
struct Span {
    line: Line,
    s0: i128,
    s1: i128,
    p0: PointMm,
    p1: PointMm,
    room: usize,
    edge: usize,
    thickness_mm: u32,
    entered: bool,
    balcony: bool,
}

/// A maximal stretch of one line with one thickness and kind.
struct Run {
    line: Line,
    s0: i128,
    s1: i128,
    p0: PointMm,
    p1: PointMm,
    thickness_mm: u32,
    kind: WallKind,
}

/// Builds the walls of a storey.
pub(crate) fn build(storey: &Storey, construction: Construction) -> Walls {
    let exterior = madori_rules::area::exterior_edges(storey);
    let mut edge_half: Vec<Vec<f64>> = storey
        .rooms
        .iter()
        .map(|r| vec![0.0; r.polygon.len()])
        .collect();
    let mut spans: Vec<Span> = Vec::new();
    for (ri, room) in storey.rooms.iter().enumerate() {
        let ext = exterior.get(ri).map(Vec::as_slice).unwrap_or(&[]);
        let thickness = madori_rules::area::wall_thicknesses_mm(room, ext, construction);
        let n = room.polygon.len();
        for e in 0..n {
            let (a, b) = (room.polygon[e], room.polygon[(e + 1) % n]);
            let Some(line) = Line::through(a, b) else {
                continue;
            };
            let (sa, sb) = (line.s(a), line.s(b));
            let (s0, s1, p0, p1) = if sa < sb {
                (sa, sb, a, b)
            } else {
                (sb, sa, b, a)
            };
            spans.push(Span {
                line,
                s0,
                s1,
                p0,
                p1,
                room: ri,
                edge: e,
                thickness_mm: thickness.get(e).copied().unwrap_or(0),
                entered: room.wall_thickness_mm.get(e).copied().flatten().is_some(),
                balcony: room.kind == RoomKind::Balcony,
            });
        }
    }
    // Sorted through an index: a span is large to move.
    let mut order: Vec<(LineKey, i128, u32)> = spans
        .iter()
        .enumerate()
        .map(|(i, s)| (s.line.key, s.s0, i as u32))
        .collect();
    order.sort_unstable();
    let spans: Vec<Span> = order.iter().map(|&(_, _, i)| spans[i as usize]).collect();
    let runs = runs_of(&spans, &mut edge_half);
    let mut walls = Walls {
        edge_half,
        exterior,
        construction,
        ..Walls::default()
    };
    // Runs come out by line and along each line, so this list is sorted for `half_at`.
    for r in &runs {
        walls.centres.push(Segment {
            a: r.p0.into(),
            b: r.p1.into(),
        });
        walls.runs_by_line.push((
            r.line.key,
            r.line.t(r.p0.into()),
            r.line.t(r.p1.into()),
            f64::from(r.thickness_mm) / 2.0,
        ));
        match r.line.key {
            (0, 1, x) => walls.vertical_x.push(x as i64),
            (1, 0, y) => walls.horizontal_y.push(-y as i64),
            _ => {}
        }
    }
    for v in [&mut walls.vertical_x, &mut walls.horizontal_y] {
        v.sort_unstable();
        v.dedup();
    }
    let vertices: Vec<PointMm> = storey
        .rooms
        .iter()
        .flat_map(|r| r.polygon.iter().copied())
        .collect();
    let mut pieces = split_at_junctions(&runs, vertices);
    let gaps = join(&mut pieces);
    cut(storey, &pieces, gaps, &mut walls);
    walls
}

/// The runs of every line: elementary stretches between edge ends, each with the thickest
/// covering edge, merged while thickness and kind stay the same. Records each edge's drawn
/// half thickness in `edge_half`.
fn runs_of(spans: &[Span], edge_half: &mut [Vec<f64>]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    // Buffers reused from line to line and stretch to stretch.
    let mut stops: Vec<(i128, PointMm)> = Vec::new();
    let (mut active, mut covering, mut rooms) = (Vec::new(), Vec::new(), Vec::<usize>::new());
    let mut start = 0;
    while start < spans.len() {
        let key = spans[start].line.key;
        let end = start
            + spans[start..]
                .iter()
                .take_while(|s| s.line.key == key)
                .count();
        let group = &spans[start..end];
        stops.clear();
        stops.extend(group.iter().flat_map(|s| [(s.s0, s.p0), (s.s1, s.p1)]));
        stops.sort_unstable_by_key(|&(s, _)| s);
        stops.dedup_by_key(|&mut (s, _)| s);
        active.clear();
        let mut next = 0;
        let mut open: Option<Run> = None;
        for w in stops.windows(2) {
            let ((lo, plo), (hi, phi)) = (w[0], w[1]);
            while next < group.len() && group[next].s0 <= lo {
                active.push(next);
                next += 1;
            }
            active.retain(|&i| group[i].s1 > lo);
            covering.clear();
            covering.extend(active.iter().copied().filter(|&i| group[i].s1 >= hi));
            let Some(best) = covering
                .iter()
                .map(|&i| &group[i])
                .max_by_key(|s| (s.entered, s.thickness_mm))
            else {
                if let Some(run) = open.take() {
                    runs.push(run);
                }
                continue;
            };
            let thickness_mm = best.thickness_mm;
            rooms.clear();
            rooms.extend(
                covering
                    .iter()
                    .map(|&i| &group[i])
                    .filter(|s| !s.balcony)
                    .map(|s| s.room),
            );
            rooms.sort_unstable();
            rooms.dedup();
            let kind = match rooms.len() {
                0 => WallKind::Balcony,
                1 => WallKind::Exterior,
                _ => WallKind::Interior,
            };
            for &i in &covering {
                let h = &mut edge_half[group[i].room][group[i].edge];
                *h = h.max(f64::from(thickness_mm) / 2.0);
            }
            match &mut open {
                Some(run)
                    if run.s1 == lo && run.thickness_mm == thickness_mm && run.kind == kind =>
                {
                    run.s1 = hi;
                    run.p1 = phi;
                }
                _ => {
                    if let Some(run) = open.take() {
                        runs.push(run);
                    }
                    open = Some(Run {
                        line: group[0].line,
                        s0: lo,
                        s1: hi,
                        p0: plo,
                        p1: phi,
                        thickness_mm,
                        kind,
                    });
                }
            }
        }
        if let Some(run) = open.take() {
            runs.push(run);
        }
        start = end;
    }
    runs
}

/// Splits every run at the room vertices inside it, so walls meet only at their ends: every
/// junction (a wall ending on another, two walls crossing) is a vertex of the rooms around it.
fn split_at_junctions(runs: &[Run], vertices: Vec<PointMm>) -> Vec<Piece> {
    // Every vertex, sorted by (x, y) and by (y, x) for the vertical and horizontal lookups.
    let mut by_x: Vec<(i64, i64)> = vertices.into_iter().map(|p| (p.x, p.y)).collect();
    by_x.sort_unstable();
    by_x.dedup();
    let mut by_y: Vec<(i64, i64)> = by_x.iter().map(|&(x, y)| (y, x)).collect();
    by_y.sort_unstable();
    /// The minor coordinates strictly between `lo` and `hi` on the line `major`.
    fn within(
        sorted: &[(i64, i64)],
        major: i64,
        lo: i64,
        hi: i64,
    ) -> impl Iterator<Item = i64> + '_ {
        let from = sorted.partition_point(|&p| p < (major, lo.saturating_add(1)));
        sorted[from..]
            .iter()
            .take_while(move |&&(m, v)| m == major && v < hi)
            .map(|&(_, v)| v)
    }
    let mut pieces = Vec::with_capacity(runs.len() * 2);
    let mut sloping: Vec<PointMm> = Vec::new();
    for r in runs {
        let mut from = r.p0;
        let mut push = |to: PointMm| {
            pieces.push(Piece {
                line: r.line,
                a: from,
                b: to,
                half: f64::from(r.thickness_mm) / 2.0,
                thickness_mm: r.thickness_mm,
                kind: r.kind,
                ends: [(Pt::default(), Pt::default()); 2],
            });
            from = to;
        };
        match r.line.key {
            (0, 1, _) => {
                within(&by_x, r.p0.x, r.p0.y, r.p1.y).for_each(|y| push(PointMm::new(r.p0.x, y)))
            }
            (1, 0, _) => {
                within(&by_y, r.p0.y, r.p0.x, r.p1.x).for_each(|x| push(PointMm::new(x, r.p0.y)))
            }
            _ => {
                // A sloping wall: the vertices within its x range that lie on it.
                let (x0, x1) = (r.p0.x.min(r.p1.x), r.p0.x.max(r.p1.x));
                let first = by_x.partition_point(|&p| p < (x0, i64::MIN));
                sloping.clear();
                sloping.extend(
                    by_x[first..]
                        .iter()
                        .take_while(|&&(x, _)| x <= x1)
                        .map(|&(x, y)| PointMm::new(x, y))
                        .filter(|&p| {
                            let s = r.line.s(p);
                            Line::through(r.p0, p).is_some_and(|l| l.key == r.line.key)
                                && s > r.s0
                                && s < r.s1
                        }),
                );
                sloping.sort_unstable_by_key(|&p| r.line.s(p));
                sloping.iter().for_each(|&p| push(p));
            }
        }
        push(r.p1);
    }
    pieces
}

/// An exact angular order of integer directions, from +x towards +y.
fn angle_order(a: (i64, i64), b: (i64, i64)) -> std::cmp::Ordering {
    let half = |d: (i64, i64)| u8::from(!(d.1 > 0 || (d.1 == 0 && d.0 > 0)));
    half(a).cmp(&half(b)).then_with(|| {
        let c = i128::from(a.0) * i128::from(b.1) - i128::from(a.1) * i128::from(b.0);
        0.cmp(&c)
    })
}

/// Computes every piece's end points from the walls meeting at its nodes, and returns the
/// outline segments the joints themselves add: free ends, steps where the thickness changes
/// along a line, and the two sides of a corner cut square.
fn join(pieces: &mut [Piece]) -> Vec<Segment> {
    let mut gaps = Vec::new();
    // (node, piece, which end)
    let mut ends: Vec<(PointMm, usize, usize)> = pieces
        .iter()
        .enumerate()
        .flat_map(|(i, p)| [(p.a, i, 0), (p.b, i, 1)])
        .collect();
    ends.sort_unstable_by_key(|&(p, i, e)| (p.x, p.y, i, e));
    let mut start = 0;
    while start < ends.len() {
        let node = ends[start].0;
        let count = ends[start..].iter().take_while(|e| e.0 == node).count();
        let mut at: Vec<(usize, usize, (i64, i64))> = ends[start..start + count]
            .iter()
            .map(|&(_, i, e)| {
                let (dx, dy, _) = pieces[i].line.key;
                (i, e, if e == 0 { (dx, dy) } else { (-dx, -dy) })
            })
            .collect();
        at.sort_unstable_by(|a, b| angle_order(a.2, b.2));
        let c = Pt::from(node);
        let k = at.len();
        for g in 0..k {
            let (i, ei, di) = at[g];
            let (j, ej, dj) = at[(g + 1) % k];
            let outward = |piece: usize, end: usize| {
                let u = pieces[piece].line.u;
                if end == 0 {
                    u
                } else {
                    mul(u, -1.0)
                }
            };
            let (wi, wj) = (outward(i, ei), outward(j, ej));
            let (hi, hj) = (pieces[i].half, pieces[j].half);
            let qi = add(c, mul(perp(wi), hi));
            let qj = sub(c, mul(perp(wj), hj));
            let exact_cross =
                i128::from(di.0) * i128::from(dj.1) - i128::from(di.1) * i128::from(dj.0);
            let point = if k == 1 || exact_cross == 0 {
                // A free end, or two walls on one line: square at the node.
                (k > 1 && hi == hj).then_some(qi)
            } else {
                let r = sub(mul(perp(wj), -hj), mul(perp(wi), hi));
                let den = geom::cross(wi, wj);
                let lambda = geom::cross(r, wj) / den;
                let mu = -geom::cross(wi, r) / den;
                let limit = MITRE_LIMIT * hi.max(hj);
                (lambda.abs() <= limit && mu.abs() <= limit).then(|| add(qi, mul(wi, lambda)))
            };
            let (left_i, right_j) = point.map_or((qi, qj), |p| (p, p));
            pieces[i].ends[ei].1 = left_i;
            pieces[j].ends[ej].0 = right_j;
            if point.is_none() {
                if k > 1 && exact_cross == 0 {
                    // A step: the faces of the thicker and the thinner wall are joined
                    // along the perpendicular through the node.
                    gaps.push(Segment { a: qi, b: qj });
                } else {
                    gaps.push(Segment { a: qi, b: c });
                    gaps.push(Segment { a: c, b: qj });
                }
            }
        }
        start += count;
    }
    gaps
}

/// The body polygon of a piece, before openings.
fn body(p: &Piece) -> Vec<Pt> {
    let ([ra, la], [rb, lb]) = ([p.ends[0].0, p.ends[0].1], [p.ends[1].0, p.ends[1].1]);
    let mut poly = vec![ra, p.a.into(), la, rb, p.b.into(), lb];
    geom::simplify(&mut poly);
    poly
}

/// Cuts the openings out of the pieces and writes bodies and outline.
fn cut(storey: &Storey, pieces: &[Piece], gaps: Vec<Segment>, walls: &mut Walls) {
    // Every opening as `(line, from, to)` along its line, sorted by line.
    let mut cuts: Vec<(LineKey, f64, f64)> = Vec::with_capacity(storey.openings.len());
    let rooms: HashMap<&str, usize> = storey
        .rooms
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    for o in &storey.openings {
        let Some(room) = rooms.get(o.room.as_str()).map(|&i| &storey.rooms[i]) else {
            continue;
        };
        let n = room.polygon.len();
        if o.edge >= n {
            continue;
        }
        let (a, b) = (room.polygon[o.edge], room.polygon[(o.edge + 1) % n]);
        let Some(line) = Line::through(a, b) else {
            continue;
        };
        let (ta, tb) = (line.t(a.into()), line.t(b.into()));
        let dir = if tb >= ta { 1.0 } else { -1.0 };
        let t1 = ta + dir * f64::from(o.offset_mm);
        let t2 = t1 + dir * f64::from(o.width_mm);
        cuts.push((line.key, t1.min(t2), t1.max(t2)));
    }
    cuts.sort_unstable_by_key(|c| c.0);
    let mut outline: Vec<Segment> = Vec::new();
    for p in pieces {
        let line = &p.line;
        let (ta, tb) = (line.t(p.a.into()), line.t(p.b.into()));
        // An opening cuts only the straight part of the wall, never into the joint with
        // another wall (a door drawn up to a corner stops at the other wall's face).
        let u = line.u;
        let reach = |node: PointMm, (right, left): (Pt, Pt), out: f64| {
            let c = Pt::from(node);
            (dot(sub(right, c), u) * out)
                .max(dot(sub(left, c), u) * out)
                .max(0.0)
        };
        let (from, to) = (
            ta + reach(p.a, p.ends[0], 1.0),
            tb - reach(p.b, p.ends[1], -1.0),
        );
        let first = cuts.partition_point(|c| c.0 < line.key);
        let mut mine: Vec<(f64, f64)> = cuts[first..]
            .iter()
            .take_while(|c| c.0 == line.key)
            .map(|&(_, lo, hi)| (lo.max(from), hi.min(to)))
            .filter(|&(lo, hi)| hi > lo && hi > ta && lo < tb)
            .collect();
        mine.sort_unstable_by(|x, y| x.0.total_cmp(&y.0));
        let mut merged: Vec<(f64, f64)> = Vec::with_capacity(mine.len());
        for c in mine {
            match merged.last_mut() {
                Some(last) if c.0 <= last.1 => last.1 = last.1.max(c.1),
                _ => merged.push(c),
            }
        }
        // The kept ranges along the line.
        let mut kept: Vec<(f64, f64)> = Vec::with_capacity(merged.len() + 1);
        let mut from = f64::NEG_INFINITY;
        for &(lo, hi) in &merged {
            kept.push((from, lo));
            from = hi;
        }
        kept.push((from, f64::INFINITY));
        let whole = body(p);
        for &(lo, hi) in &kept {
            let mut poly = if lo.is_finite() {
                geom::clip(&whole, u, lo, true)
            } else {
                whole.clone()
            };
            if hi.is_finite() {
                poly = geom::clip(&poly, u, hi, false);
            }
            if lo.is_finite() || hi.is_finite() {
                geom::simplify(&mut poly);
            }
            if poly.len() < 3 || geom::area2(&poly).abs() < 2.0 {
                continue;
            }
            let (c0, c1) = (ta.max(lo), tb.min(hi));
            let centre = (c1 > c0).then(|| Segment {
                a: line.at(c0),
                b: line.at(c1),
            });
            // Jambs: where the body was cut.
            for limit in [lo, hi].into_iter().filter(|v| v.is_finite()) {
                if let Some(j) = section(&poly, u, limit) {
                    outline.push(j);
                }
            }
            let bounds = Rect::around(poly.iter().copied()).unwrap_or(Rect {
                min: Pt::default(),
                max: Pt::default(),
            });
            walls.bodies.push(WallBody {
                polygon: poly,
                thickness_mm: p.thickness_mm,
                kind: p.kind,
                centre,
                bounds,
            });
        }
        // The two faces, cut the same way.
        let faces = [(p.ends[0].1, p.ends[1].0), (p.ends[1].1, p.ends[0].0)];
        for (fa, fb) in faces {
            let (sa, sb) = (dot(fa, u), dot(fb, u));
            for &(lo, hi) in &kept {
                let (x0, x1) = (sa.min(sb).max(lo), sa.max(sb).min(hi));
                if x1 - x0 > 1e-9 {
                    let at = |t: f64| {
                        let mut p = add(fa, mul(sub(fb, fa), (t - sa) / (sb - sa)));
                        // Exact on axis-aligned walls, so jambs meet their faces exactly.
                        if u.y == 0.0 {
                            p.x = t / u.x;
                        } else if u.x == 0.0 {
                            p.y = t / u.y;
                        }
                        p
                    };
                    outline.push(Segment {
                        a: at(x0),
                        b: at(x1),
                    });
                }
            }
        }
    }
    outline.extend(gaps);
    walls.outline = chain(outline);
}

/// The segment where the line `dot(p, u) = limit` crosses the polygon, from one extreme
/// crossing to the other.
fn section(poly: &[Pt], u: Pt, limit: f64) -> Option<Segment> {
    let n = poly.len();
    let v = perp(u);
    let mut lo: Option<(f64, Pt)> = None;
    let mut hi: Option<(f64, Pt)> = None;
    for i in 0..n {
        let (p, q) = (poly[i], poly[(i + 1) % n]);
        let (sp, sq) = (dot(p, u) - limit, dot(q, u) - limit);
        let hits: Vec<Pt> = if sp.abs() <= 1e-9 {
            vec![p]
        } else if (sp < 0.0) != (sq < 0.0) && sq.abs() > 1e-9 {
            vec![add(p, mul(sub(q, p), sp / (sp - sq)))]
        } else {
            Vec::new()
        };
        for h in hits {
            let k = dot(h, v);
            if lo.is_none_or(|(m, _)| k < m) {
                lo = Some((k, h));
            }
            if hi.is_none_or(|(m, _)| k > m) {
                hi = Some((k, h));
            }
        }
    }
    let ((a, pa), (b, pb)) = (lo?, hi?);
    (b - a > 1e-9).then_some(Segment { a: pa, b: pb })
}

/// A hasher for point keys: one multiply and rotate per word (the points are our own, so
/// no protection against chosen collisions is needed, and the default hasher would dominate
/// the time of chaining a large storey's outline).
#[derive(Default)]
struct PointHasher(u64);

impl std::hash::Hasher for PointHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_i64(&mut self, v: i64) {
        self.write_u64(v as u64);
    }
}

type PointMap<V> = HashMap<(i64, i64), V, std::hash::BuildHasherDefault<PointHasher>>;

/// Chains segments meeting end to end into polylines (closed where they come back).
/// Endpoints are matched at 0.1 µm.
fn chain(segments: Vec<Segment>) -> Vec<Shape> {
    let key = |p: Pt| ((p.x * 1e4).round() as i64, (p.y * 1e4).round() as i64);
    // Each distinct endpoint is a node, holding up to two segments inline; nodes with more
    // (walls touching at a corner) keep the rest in `extra`.
    let mut nodes: PointMap<usize> = PointMap::default();
    nodes.reserve(segments.len());
    let mut incident: Vec<[usize; 2]> = Vec::with_capacity(segments.len());
    let mut count: Vec<u8> = Vec::with_capacity(segments.len());
    let mut extra: Vec<(usize, usize)> = Vec::new();
    let mut node_of = vec![[0_usize; 2]; segments.len()];
    for (i, s) in segments.iter().enumerate() {
        for (e, p) in [s.a, s.b].into_iter().enumerate() {
            let next = incident.len();
            let n = *nodes.entry(key(p)).or_insert(next);
            if n == next {
                incident.push([usize::MAX; 2]);
                count.push(0);
            }
            match count[n] {
                0 | 1 => incident[n][usize::from(count[n])] = i,
                _ => extra.push((n, i)),
            }
            count[n] = count[n].saturating_add(1);
            node_of[i][e] = n;
        }
    }
    let mut used = vec![false; segments.len()];
    let next_at = |n: usize, used: &[bool]| {
        incident[n]
            .iter()
            .copied()
            .filter(|&i| i != usize::MAX)
            .chain(extra.iter().filter(|&&(m, _)| m == n).map(|&(_, i)| i))
            .find(|&i| !used[i])
    };
    let mut out = Vec::new();
    // Open chains start at nodes with other than two segments; then the loops.
    let open_first = (0..segments.len())
        .filter(|&i| count[node_of[i][0]] != 2 || count[node_of[i][1]] != 2)
        .chain(0..segments.len());
    for first in open_first {
        if used[first] {
            continue;
        }
        used[first] = true;
        let s = segments[first];
        let [na, nb] = node_of[first];
        let forward = count[na] != 2 || count[nb] == 2;
        let (mut points, start_node, mut node) = if forward {
            (vec![s.a, s.b], na, nb)
        } else {
            (vec![s.b, s.a], nb, na)
        };
        while let Some(next) = next_at(node, &used) {
            used[next] = true;
            let t = segments[next];
            let far_end = usize::from(node_of[next][0] == node);
            points.push(if far_end == 1 { t.b } else { t.a });
            node = node_of[next][far_end];
        }
        let closed = points.len() > 3 && node == start_node;
        if closed {
            points.pop();
            geom::simplify(&mut points);
        }
        out.push(Shape::Polyline { points, closed });
    }
    out
}
