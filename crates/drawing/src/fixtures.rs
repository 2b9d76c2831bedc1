//! 設備: fixtures as symbols at true size, their backs against the nearest wall of their room.
//!
//! A fixture's `at` (its centre in the plan) picks the wall: the room edge nearest to it. The
//! symbol stands with its back on that wall's face (the wall-centre line moved in by half the
//! drawn wall thickness), centred where `at` projects onto the wall, slid along the wall as
//! little as needed to stay clear of the walls at the wall's ends. Sizes (along the wall ×
//! into the room):
//!
//! | fixture | size, mm |
//! |---|---|
//! | 便器 | 400 × 700 (tank and bowl) |
//! | 洗面台 | 600 per bowl × 450 |
//! | 浴室 with a tub (ユニットバス 1216) | 1600 × 1200: tub 750 wide and washing place |
//! | 浴室 without a tub, シャワー | 900 × 900 pan with a drain |
//! | 洗濯機置場 | 640 × 640 pan |
//! | キッチン | 2550 (3 or more burners), 1800 (2), 1200 (1 or none) × 650: burners and sink |
//! | 階段 | the wall's clear width (750–1200) × up to 12 treads of 227.5 (13 risers), fewer when the room is shorter, with an arrow and UP (DN on the top storey) |

use crate::geom::{self, add, dot, mul, perp, sub, unit};
use crate::walls::Walls;
use crate::{Anchor, Mark, Pen, Pt, Rect, Shape, Text};
use madori_plan::{FixtureKind, Storey};
use std::collections::HashMap;

/// A fixture symbol.
#[derive(Clone, Debug, PartialEq)]
pub struct FixtureSymbol {
    /// The fixture's id.
    pub id: String,
    /// The room it stands in.
    pub room: String,
    /// What it is.
    pub kind: FixtureKind,
    /// The middle of the symbol's back, on the wall face.
    pub origin: Pt,
    /// Unit vector along the wall.
    pub along: Pt,
    /// Unit vector from the wall into the room.
    pub into: Pt,
    /// Size along the wall, mm.
    pub length_mm: f64,
    /// Size into the room, mm.
    pub depth_mm: f64,
    /// The four corners of the symbol's footprint.
    pub footprint: [Pt; 4],
    /// The lines that draw it.
    pub marks: Vec<Mark>,
    /// The footprint's bounding box.
    pub bounds: Rect,
}

/// The tread depth of drawn stairs (a quarter of 910), mm.
pub const TREAD_MM: f64 = 227.5;
/// The most treads drawn (13 risers: 2900 mm storey height at 223 mm a riser).
pub const MAX_TREADS: u32 = 12;

/// The wall a fixture stands against, in the wall's frame.
struct WallFrame {
    /// The edge's start vertex.
    a: Pt,
    /// Along the wall.
    u: Pt,
    /// Into the room.
    n: Pt,
    /// Half the wall's thickness.
    h: f64,
    /// The stretch of the wall's face clear of the walls at its ends, along `u` from `a`.
    lo: f64,
    hi: f64,
    /// Where the fixture's `at` projects.
    at: f64,
}

impl WallFrame {
    /// The nearest wall of a room to `at`.
    fn nearest(polygon: &[Pt], halves: &[f64], sign: f64, at: Pt) -> Option<WallFrame> {
        let n = polygon.len();
        let e = (0..n)
            .filter(|&i| polygon[i] != polygon[(i + 1) % n])
            .min_by(|&i, &j| {
                let d = |k: usize| geom::distance_to_segment(at, polygon[k], polygon[(k + 1) % n]);
                d(i).total_cmp(&d(j))
            })?;
        let frame = |k: usize| {
            let u = unit(sub(polygon[(k + 1) % n], polygon[k]));
            (u, mul(perp(u), sign), halves.get(k).copied().unwrap_or(0.0))
        };
        let (a, b) = (polygon[e], polygon[(e + 1) % n]);
        let len = (b.x - a.x).hypot(b.y - a.y);
        let (u, nrm, h) = frame(e);
        let (_, n_prev, h_prev) = frame((e + n - 1) % n);
        let (_, n_next, h_next) = frame((e + 1) % n);
        let lo = if dot(u, n_prev) > 1e-9 {
            ((h_prev - h * dot(nrm, n_prev)) / dot(u, n_prev)).clamp(0.0, len)
        } else {
            0.0
        };
        let hi = if dot(u, n_next) < -1e-9 {
            (len + (h_next - h * dot(nrm, n_next)) / dot(u, n_next)).clamp(lo, len)
        } else {
            len
        };
        Some(WallFrame {
            a,
            u,
            n: nrm,
            h,
            lo,
            hi,
            at: dot(sub(at, a), u).clamp(0.0, len),
        })
    }

    /// The middle of the back of a symbol `length` long.
    fn origin(&self, length: f64) -> Pt {
        let c = if self.hi - self.lo >= length {
            self.at
                .clamp(self.lo + length / 2.0, self.hi - length / 2.0)
        } else {
            (self.lo + self.hi) / 2.0
        };
        add(add(self.a, mul(self.u, c)), mul(self.n, self.h))
    }
}

/// How far the room reaches from `origin` along `n` before the next wall's face.
fn depth_from(polygon: &[Pt], halves: &[f64], origin: Pt, n: Pt) -> Option<f64> {
    let m = polygon.len();
    (0..m)
        .filter_map(|i| {
            let (p, q) = (polygon[i], polygon[(i + 1) % m]);
            let e = sub(q, p);
            let den = geom::cross(n, e);
            if den.abs() < 1e-12 {
                return None;
            }
            let w = sub(p, origin);
            let d = geom::cross(w, e) / den;
            let s = geom::cross(w, n) / den;
            (d > 1.0 && (0.0..=1.0).contains(&s)).then(|| d - halves.get(i).copied().unwrap_or(0.0))
        })
        .min_by(f64::total_cmp)
}

/// The symbols of a storey's fixtures; `stair_word` is written on stairs (UP or DN).
pub(crate) fn symbols(storey: &Storey, walls: &Walls, stair_word: &str) -> Vec<FixtureSymbol> {
    let rooms: HashMap<&str, usize> = storey
        .rooms
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut out = Vec::with_capacity(storey.fixtures.len());
    for f in &storey.fixtures {
        let Some(&ri) = rooms.get(f.room.as_str()) else {
            continue;
        };
        let room = &storey.rooms[ri];
        let polygon: Vec<Pt> = room.polygon.iter().map(|&p| p.into()).collect();
        let halves = walls.edge_half.get(ri).map(Vec::as_slice).unwrap_or(&[]);
        let sign = if madori_plan::geometry::signed_area_twice_mm2(&room.polygon) >= 0 {
            1.0
        } else {
            -1.0
        };
        let Some(wall) = WallFrame::nearest(&polygon, halves, sign, f.at.into()) else {
            continue;
        };
        let (length, depth) = match &f.kind {
            FixtureKind::Toilet => (400.0, 700.0),
            FixtureKind::WashBasin { bowls } => (600.0 * f64::from((*bowls).clamp(1, 20)), 450.0),
            FixtureKind::Bath { tub: true } => (1600.0, 1200.0),
            FixtureKind::Bath { tub: false } | FixtureKind::Shower => (900.0, 900.0),
            FixtureKind::WashingMachine => (640.0, 640.0),
            FixtureKind::Kitchen { burners, .. } => (
                match burners {
                    0 | 1 => 1200.0,
                    2 => 1800.0,
                    _ => 2550.0,
                },
                650.0,
            ),
            FixtureKind::Stairs => {
                let span = wall.hi - wall.lo;
                let width = if span >= 600.0 {
                    span.min(1200.0)
                } else {
                    750.0
                };
                let origin = wall.origin(width);
                let reach = depth_from(&polygon, halves, origin, wall.n)
                    .unwrap_or(f64::from(MAX_TREADS) * TREAD_MM);
                let treads = ((reach / TREAD_MM).floor() as u32).clamp(1, MAX_TREADS);
                (width, f64::from(treads) * TREAD_MM)
            }
        };
        let origin = wall.origin(length);
        let (u, n) = (wall.u, wall.n);
        let at = |s: f64, d: f64| geom::local(origin, u, n, s, d);
        let footprint = [
            at(-length / 2.0, 0.0),
            at(length / 2.0, 0.0),
            at(length / 2.0, depth),
            at(-length / 2.0, depth),
        ];
        let marks = draw(&f.kind, length, depth, &at, u, stair_word);
        out.push(FixtureSymbol {
            id: f.id.clone(),
            room: f.room.clone(),
            kind: f.kind.clone(),
            origin,
            along: u,
            into: n,
            length_mm: length,
            depth_mm: depth,
            bounds: Rect::around(footprint).unwrap_or(Rect {
                min: origin,
                max: origin,
            }),
            footprint,
            marks,
        });
    }
    out
}

/// The marks of a fixture `length × depth` in its frame (`at(s, d)`: `s` along the wall from
/// the middle, `d` into the room from the wall face).
fn draw(
    kind: &FixtureKind,
    length: f64,
    depth: f64,
    at: &dyn Fn(f64, f64) -> Pt,
    u: Pt,
    stair_word: &str,
) -> Vec<Mark> {
    let rect = |pen: Pen, s0: f64, d0: f64, s1: f64, d1: f64| Mark {
        pen,
        shape: Shape::Polyline {
            points: vec![at(s0, d0), at(s1, d0), at(s1, d1), at(s0, d1)],
            closed: true,
        },
    };
    let circle = |s: f64, d: f64, r: f64| Mark {
        pen: Pen::Thin,
        shape: Shape::Circle {
            centre: at(s, d),
            radius: r,
        },
    };
    let ellipse = |s: f64, d: f64, rx: f64, ry: f64| Mark {
        pen: Pen::Thin,
        shape: Shape::Ellipse {
            centre: at(s, d),
            rx,
            ry,
            angle_deg: geom::angle_deg(u),
        },
    };
    let line = |pen: Pen, s0: f64, d0: f64, s1: f64, d1: f64| Mark {
        pen,
        shape: Shape::Line(crate::Segment {
            a: at(s0, d0),
            b: at(s1, d1),
        }),
    };
    let (l2, mut marks) = (length / 2.0, Vec::new());
    match kind {
        FixtureKind::Toilet => {
            marks.push(rect(Pen::Medium, -l2, 0.0, l2, 200.0));
            marks.push(ellipse(0.0, 450.0, 180.0, 250.0));
            marks.push(ellipse(0.0, 460.0, 120.0, 170.0));
        }
        FixtureKind::WashBasin { bowls } => {
            marks.push(rect(Pen::Medium, -l2, 0.0, l2, depth));
            for i in 0..(*bowls).clamp(1, 20) {
                let s = -l2 + 300.0 + 600.0 * f64::from(i);
                marks.push(ellipse(s, 250.0, 220.0, 150.0));
                marks.push(circle(s, 60.0, 25.0));
            }
        }
        FixtureKind::Bath { tub: true } => {
            marks.push(rect(Pen::Medium, -l2, 0.0, l2, depth));
            let tub_end = -l2 + 750.0;
            marks.push(line(Pen::Medium, tub_end, 0.0, tub_end, depth));
            marks.push(rect(
                Pen::Thin,
                -l2 + 70.0,
                70.0,
                tub_end - 70.0,
                depth - 70.0,
            ));
            marks.push(circle((tub_end + l2) / 2.0, depth / 2.0, 40.0));
        }
        FixtureKind::Bath { tub: false } | FixtureKind::Shower => {
            marks.push(rect(Pen::Medium, -l2, 0.0, l2, depth));
            marks.push(circle(0.0, depth / 2.0, 40.0));
            marks.push(circle(0.0, 80.0, 50.0));
        }
        FixtureKind::WashingMachine => {
            marks.push(rect(Pen::Medium, -l2, 0.0, l2, depth));
            marks.push(rect(Pen::Thin, -l2 + 40.0, 40.0, l2 - 40.0, depth - 40.0));
            marks.push(circle(l2 - 120.0, depth - 120.0, 40.0));
        }
        FixtureKind::Kitchen { burners, sink } => {
            marks.push(rect(Pen::Medium, -l2, 0.0, l2, depth));
            let stove = 600.0_f64.min(length * 0.4);
            let s0 = -l2 + 75.0 + stove / 2.0;
            let r = (stove / 6.0).min(100.0);
            let spots: &[(f64, f64)] = match burners {
                0 => &[],
                1 => &[(0.0, 0.5)],
                2 => &[(-0.25, 0.5), (0.25, 0.5)],
                3 => &[(-0.25, 0.65), (0.25, 0.65), (0.0, 0.3)],
                _ => &[(-0.25, 0.65), (0.25, 0.65), (-0.25, 0.3), (0.25, 0.3)],
            };
            for &(ds, dd) in spots {
                marks.push(circle(s0 + ds * stove, dd * depth, r));
            }
            if *sink {
                let w = 750.0_f64.min(length * 0.4);
                let right = l2 - 100.0;
                marks.push(rect(Pen::Thin, right - w, 100.0, right, depth - 100.0));
                marks.push(circle(right - w / 2.0, depth / 2.0, 35.0));
            }
        }
        FixtureKind::Stairs => {
            marks.push(rect(Pen::Medium, -l2, 0.0, l2, depth));
            let treads = (depth / TREAD_MM).round() as u32;
            for i in 1..treads {
                let d = f64::from(i) * TREAD_MM;
                marks.push(line(Pen::Thin, -l2, d, l2, d));
            }
            let (d0, d1) = (TREAD_MM / 2.0, depth - TREAD_MM / 2.0);
            marks.push(line(Pen::Thin, 0.0, d0, 0.0, d1));
            marks.push(Mark {
                pen: Pen::Fill,
                shape: Shape::Polyline {
                    points: vec![
                        at(0.0, d1 + 60.0),
                        at(-50.0, d1 - 80.0),
                        at(50.0, d1 - 80.0),
                    ],
                    closed: true,
                },
            });
            marks.push(Mark {
                pen: Pen::Thin,
                shape: Shape::Text(Text {
                    at: at(l2 / 2.0, d0),
                    text: stair_word.to_owned(),
                    height: 120.0_f64.min(length / 4.0),
                    angle_deg: 0.0,
                    anchor: Anchor::Middle,
                }),
            });
        }
    }
    marks
}
