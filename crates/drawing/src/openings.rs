//! 建具: door and window symbols in the gaps the walls leave for them.
//!
//! * A door is a 開き戸: its leaf drawn open at 90° from the hinge at the opening's start
//!   (the end nearer the edge's start vertex), on the wall face of the room that owns the
//!   opening, with a quarter arc to the far jamb. The plan model records no door operation
//!   (引戸, 引違い戸 and the swing side are not in `OpeningKind::Door`), so every door is drawn
//!   as a 開き戸 swinging into its room.
//! * A window is the usual 三本線 within the wall thickness: both wall faces continued across
//!   the opening thinly and the glass on the centre line; a 引違い window draws its two sashes
//!   instead of the glass line, each a little over half the width, overlapping in the middle
//!   on either side of the centre line.

use crate::geom::{self, add, angle_deg, cross, mul, perp, unit};
use crate::walls::{Line, Walls};
use crate::{Mark, Pen, Pt, Rect, Segment, Shape};
use madori_plan::{OpeningKind, Storey, WindowOperation};
use std::collections::HashMap;

/// How an opening is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpeningSymbolKind {
    /// 開き戸.
    SwingDoor,
    /// A window that opens as given.
    Window(WindowOperation),
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

/// How far the two sashes of a 引違い window overlap, mm.
const SASH_OVERLAP_MM: f64 = 40.0;

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
        let (kind, marks) = match &o.kind {
            OpeningKind::Door { .. } => {
                let hinge = at(0.0, h);
                let tip = at(0.0, h + width);
                let sweep = if cross(inward, u) > 0.0 { 90.0 } else { -90.0 };
                (
                    OpeningSymbolKind::SwingDoor,
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
                    ],
                )
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
