//! 寸法: dimension chains around the storey and the dimensions of a selected room.
//!
//! Around the storey (its wall-centre bounding box), as is common practice on a 平面図:
//! * the **top** and **left** sides carry a chain through every wall-centre line position
//!   (each x of a vertical wall, each y of a horizontal wall, plus the extent's ends) at
//!   [`paper::CHAIN_OFFSET_MM`] on paper from the outline, and the overall dimension
//!   [`paper::OVERALL_STEP_MM`] further out;
//! * the **bottom** and **right** sides carry only the overall dimension, at the chain's
//!   distance, so no chain is repeated on the opposite side.
//!
//! Values are whole millimetres between wall centres (exact: coordinates are integers),
//! printed without thousands separators. Text sits on the outer side of horizontal lines and
//! reads from the bottom on vertical ones.

use crate::geom::{self, add, angle_deg, mul, perp, sub, unit};
use crate::walls::Walls;
use crate::{paper, Anchor, Pt, Rect, Scale, Text};
use madori_plan::Plan;

/// What a dimension measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DimensionRole {
    /// One step of a chain between wall-centre lines.
    Chain,
    /// The storey's overall size on one side.
    Overall,
    /// One edge of a selected room.
    Room,
}

/// The side of the storey a dimension stands on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// Above (north with the default orientation).
    Top,
    /// Below.
    Bottom,
    /// Left.
    Left,
    /// Right.
    Right,
}

/// A linear dimension.
#[derive(Clone, Debug, PartialEq)]
pub struct Dimension {
    /// What it measures.
    pub role: DimensionRole,
    /// The side of the storey it stands on (`None` for a room's dimension).
    pub side: Option<Side>,
    /// The measured points.
    pub from: Pt,
    /// The other measured point.
    pub to: Pt,
    /// The dimension line's ends (the measured points moved out).
    pub line_from: Pt,
    /// The other end of the dimension line.
    pub line_to: Pt,
    /// The measured length, whole mm.
    pub value_mm: i64,
    /// The value as printed, placed beside the line.
    pub text: Text,
}

impl Dimension {
    /// The box around the value's text (its width estimated from the characters).
    pub fn text_bounds(&self) -> Rect {
        geom::text_bounds(&self.text)
    }

    /// The box around the dimension (extension lines, line and text).
    pub fn bounds(&self) -> Rect {
        Rect::around([self.from, self.to, self.line_from, self.line_to])
            .unwrap_or(Rect {
                min: self.from,
                max: self.from,
            })
            .union(&geom::text_bounds(&self.text))
    }
}

/// A dimension from `from` to `to` with its line moved by `shift`.
fn dimension(
    role: DimensionRole,
    side: Option<Side>,
    from: Pt,
    to: Pt,
    shift: Pt,
    value_mm: i64,
    scale: Scale,
) -> Dimension {
    let (line_from, line_to) = (add(from, shift), add(to, shift));
    let mut d = unit(sub(line_to, line_from));
    if d.x < -1e-9 || (d.x.abs() <= 1e-9 && d.y > 0.0) {
        d = mul(d, -1.0);
    }
    // "Up" in the text's own frame.
    let up = Pt::new(d.y, -d.x);
    let height = scale.plan_mm(paper::DIMENSION_TEXT_MM);
    let middle = mul(add(line_from, line_to), 0.5);
    Dimension {
        role,
        side,
        from,
        to,
        line_from,
        line_to,
        value_mm,
        text: Text {
            at: add(middle, mul(up, scale.plan_mm(0.8) + height / 2.0)),
            text: value_mm.to_string(),
            height,
            angle_deg: angle_deg(d),
            anchor: Anchor::Middle,
        },
    }
}

/// Texts of a chain that would overlap the one before (a short step between two walls close
/// together) move out by a text height and a half, up to [`MAX_STAGGER`] rows, so every
/// value stays readable and stays with its step; a row of texts never runs into the overall
/// dimension beyond it (its rows lie within the 7 mm between the two lines).
fn stagger(chain: &mut [Dimension], scale: Scale) {
    let height = scale.plan_mm(paper::DIMENSION_TEXT_MM);
    let mut placed: Vec<Rect> = Vec::new();
    for d in chain.iter_mut() {
        let dir = unit(sub(d.line_to, d.line_from));
        let dir = if dir.x < -1e-9 || (dir.x.abs() <= 1e-9 && dir.y > 0.0) {
            mul(dir, -1.0)
        } else {
            dir
        };
        let up = Pt::new(dir.y, -dir.x);
        let base = d.text.at;
        for row in 0..=MAX_STAGGER {
            d.text.at = add(base, mul(up, row as f64 * height * 1.5));
            let bounds = geom::text_bounds(&d.text);
            if !placed.iter().any(|p| p.overlaps(&bounds)) {
                break;
            }
        }
        placed.push(geom::text_bounds(&d.text));
    }
}

/// Rows a crowded chain's texts may move out to.
pub const MAX_STAGGER: usize = 1;

/// The chains and overall dimensions around a storey whose wall-centre bounds are `b`.
pub(crate) fn outline_chains(b: Rect, walls: &Walls, scale: Scale) -> Vec<Dimension> {
    let k = |paper_mm: f64| scale.plan_mm(paper_mm);
    let (x0, x1, y0, y1) = (
        b.min.x as i64,
        b.max.x as i64,
        b.min.y as i64,
        b.max.y as i64,
    );
    let stops = |lines: &[i64], lo: i64, hi: i64| {
        let mut v: Vec<i64> = lines
            .iter()
            .copied()
            .filter(|&p| p > lo && p < hi)
            .collect();
        v.insert(0, lo);
        v.push(hi);
        v
    };
    let chain = k(paper::CHAIN_OFFSET_MM);
    let overall = k(paper::CHAIN_OFFSET_MM + paper::OVERALL_STEP_MM);
    let mut out = Vec::new();
    let xs = stops(&walls.vertical_x, x0, x1);
    for w in xs.windows(2) {
        out.push(dimension(
            DimensionRole::Chain,
            Some(Side::Top),
            Pt::new(w[0] as f64, b.min.y),
            Pt::new(w[1] as f64, b.min.y),
            Pt::new(0.0, -chain),
            w[1] - w[0],
            scale,
        ));
    }
    stagger(&mut out, scale);
    let first_left = out.len();
    let ys = stops(&walls.horizontal_y, y0, y1);
    for w in ys.windows(2) {
        out.push(dimension(
            DimensionRole::Chain,
            Some(Side::Left),
            Pt::new(b.min.x, w[0] as f64),
            Pt::new(b.min.x, w[1] as f64),
            Pt::new(-chain, 0.0),
            w[1] - w[0],
            scale,
        ));
    }
    stagger(&mut out[first_left..], scale);
    let sides = [
        (
            Side::Top,
            b.min,
            Pt::new(b.max.x, b.min.y),
            Pt::new(0.0, -overall),
            x1 - x0,
        ),
        (
            Side::Left,
            b.min,
            Pt::new(b.min.x, b.max.y),
            Pt::new(-overall, 0.0),
            y1 - y0,
        ),
        (
            Side::Bottom,
            Pt::new(b.min.x, b.max.y),
            b.max,
            Pt::new(0.0, chain),
            x1 - x0,
        ),
        (
            Side::Right,
            Pt::new(b.max.x, b.min.y),
            b.max,
            Pt::new(chain, 0.0),
            y1 - y0,
        ),
    ];
    for (side, from, to, shift, value) in sides {
        out.push(dimension(
            DimensionRole::Overall,
            Some(side),
            from,
            to,
            shift,
            value,
            scale,
        ));
    }
    out
}

/// How far outside a room's wall-centre line its dimension lines stand, mm.
pub const ROOM_DIMENSION_OFFSET_MM: f64 = 600.0;

/// The dimensions of one room of a storey: every edge's wall-centre length, on a line
/// [`ROOM_DIMENSION_OFFSET_MM`] outside the room, text sized for 1:100. Empty when the storey
/// or the room does not exist.
pub fn room_dimensions(plan: &Plan, storey: usize, room_id: &str) -> Vec<Dimension> {
    let Some(room) = plan
        .storeys
        .get(storey)
        .and_then(|s| s.rooms.iter().find(|r| r.id == room_id))
    else {
        return Vec::new();
    };
    let sign = if madori_plan::geometry::signed_area_twice_mm2(&room.polygon) >= 0 {
        1.0
    } else {
        -1.0
    };
    let n = room.polygon.len();
    (0..n)
        .filter_map(|e| {
            let (a, b) = (room.polygon[e], room.polygon[(e + 1) % n]);
            let (dx, dy) = (b.x - a.x, b.y - a.y);
            if dx == 0 && dy == 0 {
                return None;
            }
            let value = if dx == 0 || dy == 0 {
                dx.abs() + dy.abs()
            } else {
                (dx as f64).hypot(dy as f64).round() as i64
            };
            let (pa, pb) = (Pt::from(a), Pt::from(b));
            let outward = mul(perp(unit(sub(pb, pa))), -sign);
            Some(dimension(
                DimensionRole::Room,
                None,
                pa,
                pb,
                mul(outward, ROOM_DIMENSION_OFFSET_MM),
                value,
                Scale::S100,
            ))
        })
        .collect()
}
