//! 建具: door and window symbols in the gaps the walls leave for them.
//!
//! * A door is drawn as it opens (`OpeningKind::Door::operation`; absent is a 開き戸). The
//!   plan records no hinge or sliding side, so every door opens towards the opening's start
//!   (the end nearer the edge's start vertex) and, where it leaves the wall, into the room
//!   that owns the opening:
//!   - 開き戸: the leaf drawn open at 90° from the hinge at the start, on the wall face of
//!     the room, with a quarter arc to the far jamb.
//!   - 引戸 (片引き): the leaf closed across the opening as a thin rectangle on the room's
//!     side of the wall-centre line, and on the other side an arrow towards the start, where
//!     the leaf slides. Doors have no sill, so the wall faces are not continued across.
//!   - 引違い戸: two leaves, thin rectangles on either side of the centre line, each a little
//!     over half the width, overlapping in the middle (the 引違い window's sashes as doors).
//!   - 折れ戸: two leaves of half the width each, folded to a point in the room from the
//!     hinge at the start, the free end on the track along the room's wall face.
//!
//!   Sliding doors stay within the opening's span and the wall's thickness, as a 引違い
//!   window does; a hinged or folding door reaches into its room.
//! * A window is the usual 三本線 within the wall thickness: both wall faces continued across
//!   the opening thinly and the glass on the centre line; a 引違い window draws its two sashes
//!   instead of the glass line, each a little over half the width, overlapping in the middle
//!   on either side of the centre line.

use crate::geom::{self, add, angle_deg, cross, mul, perp, unit};
use crate::walls::{Line, Walls};
use crate::{Mark, Pen, Pt, Rect, Segment, Shape};
use madori_plan::{DoorOperation, OpeningKind, Storey, WindowOperation};
use std::collections::HashMap;

/// How an opening is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpeningSymbolKind {
    /// A door that opens as given (a door without an operation is a 開き戸, `Hinged`).
    Door(DoorOperation),
    /// A window that opens as given.
    Window(WindowOperation),
}

impl OpeningSymbolKind {
    /// Whether the symbol reaches into the room (a 開き戸's swing, a 折れ戸's folded
    /// leaves), so room labels keep clear of it; the others stay within the wall.
    pub const fn reaches_into_room(self) -> bool {
        matches!(
            self,
            Self::Door(DoorOperation::Hinged | DoorOperation::Folding)
        )
    }
}

/// A door or window symbol.
#[derive(Clone, Debug, PartialEq)]
pub struct OpeningSymbol {
    /// The opening's id.
    pub id: String,
    /// The room that owns it.
    pub room: String,
    /// How it is drawn.
    pub kind: OpeningSymbolKind,
    /// The opening on the wall-centre line, from its start (offset side) to its end.
    pub span: Segment,
    /// The lines and arcs that draw it.
    pub marks: Vec<Mark>,
    /// The box around the marks.
    pub bounds: Rect,
}

/// How far the two sashes of a 引違い window, or the two leaves of a 引違い戸, overlap, mm.
const SASH_OVERLAP_MM: f64 = 40.0;

/// The thickness a sliding door's leaf is drawn at, mm (a 引戸 leaf is 30-40 mm), at most
/// half the wall's half thickness so that two leaves fit side by side in any wall.
const LEAF_THICKNESS_MM: f64 = 30.0;

/// The angle a 折れ戸's first leaf is drawn at from the wall, degrees.
const FOLD_DEG: f64 = 60.0;

/// The symbols of a storey's openings (openings whose room or edge is missing are skipped:
/// a validated plan has none).
pub(crate) fn symbols(storey: &Storey, walls: &Walls) -> Vec<OpeningSymbol> {
    let rooms: HashMap<&str, usize> = storey
        .rooms
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut out = Vec::with_capacity(storey.openings.len());
    for o in &storey.openings {
        let Some(&ri) = rooms.get(o.room.as_str()) else {
            continue;
        };
        let room = &storey.rooms[ri];
        let n = room.polygon.len();
        if o.edge >= n {
            continue;
        }
        let (a, b) = (room.polygon[o.edge], room.polygon[(o.edge + 1) % n]);
        let Some(line) = Line::through(a, b) else {
            continue;
        };
        let (pa, pb) = (Pt::from(a), Pt::from(b));
        let u = unit(geom::sub(pb, pa));
        let sign = if madori_plan::geometry::signed_area_twice_mm2(&room.polygon) >= 0 {
            1.0
        } else {
            -1.0
        };
        let inward = mul(perp(u), sign);
        let width = f64::from(o.width_mm);
        let start = add(pa, mul(u, f64::from(o.offset_mm)));
        let end = add(start, mul(u, width));
        let middle = add(start, mul(u, width / 2.0));
        let h = walls
            .half_at(&line, line.t(middle))
            .or_else(|| walls.edge_half.get(ri).and_then(|e| e.get(o.edge)).copied())
            .unwrap_or(0.0);
        let at = |s: f64, d: f64| geom::local(start, u, inward, s, d);
        let line_mark = |pen: Pen, p: Pt, q: Pt| Mark {
            pen,
            shape: Shape::Line(Segment { a: p, b: q }),
        };
        // A thin rectangle along the wall from `s0` to `s1`, centred `d` from the centre line.
        let leaf = |s0: f64, s1: f64, d: f64| {
            let t = LEAF_THICKNESS_MM.min(h / 2.0) / 2.0;
            Mark {
                pen: Pen::Medium,
                shape: Shape::Polyline {
                    points: vec![at(s0, d - t), at(s1, d - t), at(s1, d + t), at(s0, d + t)],
                    closed: true,
                },
            }
        };
        let (kind, marks) = match &o.kind {
            OpeningKind::Door { operation, .. } => {
                let operation = operation.unwrap_or(DoorOperation::Hinged);
                let marks = match operation {
                    DoorOperation::Hinged => {
                        let hinge = at(0.0, h);
                        let tip = at(0.0, h + width);
                        let sweep = if cross(inward, u) > 0.0 { 90.0 } else { -90.0 };
                        vec![
                            line_mark(Pen::Medium, hinge, tip),
                            Mark {
                                pen: Pen::Thin,
                                shape: Shape::Arc {
                                    centre: hinge,
                                    radius: width,
                                    start_deg: angle_deg(inward),
                                    sweep_deg: sweep,
                                },
                            },
                        ]
                    }
                    DoorOperation::Sliding => {
                        // The arrow on the other side of the centre line, from three
                        // quarters of the width to one quarter, its head a filled triangle
                        // no wider than a third of the wall's half thickness each way.
                        let d = -h / 3.0;
                        let head = (2.0 * h / 3.0).min(width / 4.0);
                        let tip = at(width / 4.0, d);
                        vec![
                            leaf(0.0, width, h / 3.0),
                            line_mark(Pen::Thin, at(3.0 * width / 4.0, d), tip),
                            Mark {
                                pen: Pen::Fill,
                                shape: Shape::Polyline {
                                    points: vec![
                                        tip,
                                        at(width / 4.0 + head, d + head / 2.0),
                                        at(width / 4.0 + head, d - head / 2.0),
                                    ],
                                    closed: true,
                                },
                            },
                        ]
                    }
                    DoorOperation::DoubleSliding => {
                        let overlap = SASH_OVERLAP_MM.min(width / 4.0);
                        vec![
                            leaf(0.0, width / 2.0 + overlap, h / 3.0),
                            leaf(width / 2.0 - overlap, width, -h / 3.0),
                        ]
                    }
                    DoorOperation::Folding => {
                        let (leaf_len, fold) = (width / 2.0, FOLD_DEG.to_radians());
                        let (along, into) = (leaf_len * fold.cos(), leaf_len * fold.sin());
                        let apex = at(along, h + into);
                        vec![
                            line_mark(Pen::Medium, at(0.0, h), apex),
                            line_mark(Pen::Medium, apex, at(2.0 * along, h)),
                        ]
                    }
                };
                (OpeningSymbolKind::Door(operation), marks)
            }
            OpeningKind::Window { operation, .. } => {
                let mut marks = vec![
                    line_mark(Pen::Thin, at(0.0, h), at(width, h)),
                    line_mark(Pen::Thin, at(0.0, -h), at(width, -h)),
                ];
                match operation {
                    WindowOperation::Sliding => {
                        let overlap = SASH_OVERLAP_MM.min(width / 4.0);
                        let d = h / 3.0;
                        marks.push(line_mark(
                            Pen::Medium,
                            at(0.0, d),
                            at(width / 2.0 + overlap, d),
                        ));
                        marks.push(line_mark(
                            Pen::Medium,
                            at(width / 2.0 - overlap, -d),
                            at(width, -d),
                        ));
                    }
                    WindowOperation::Fixed | WindowOperation::Casement => {
                        marks.push(line_mark(Pen::Medium, start, end));
                    }
                }
                (OpeningSymbolKind::Window(*operation), marks)
            }
        };
        out.push(OpeningSymbol {
            id: o.id.clone(),
            room: o.room.clone(),
            kind,
            span: Segment { a: start, b: end },
            bounds: geom::marks_bounds(&marks),
            marks,
        });
    }
    out
}
