//! 通り芯: the module grid over the storey and the 通り芯 symbols on its lines that carry walls.
//!
//! Grid lines lie at whole multiples of the module (counted from the plan's origin, as the
//! editor snaps) and span the storey's wall-centre extent. A line carrying a wall-centre line
//! gets a symbol when asked: X1, X2… from left to right at the top, Y1, Y2… from the bottom
//! up at the left (as 通り芯 are numbered from the south-west corner of a sheet with north up),
//! in a circle beyond the dimensions.

use crate::walls::Walls;
use crate::{paper, DrawingOptions, Pt, Rect, Segment};

/// The module of the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Module {
    /// 尺モジュール 910 mm.
    #[default]
    Shaku910,
    /// 尺モジュール half step 455 mm.
    Shaku455,
    /// メーターモジュール 1000 mm.
    Metre1000,
    /// メーターモジュール half step 500 mm.
    Metre500,
    /// No grid.
    Off,
}

impl Module {
    /// Every module, in picker order.
    pub const ALL: [Module; 5] = [
        Self::Shaku910,
        Self::Shaku455,
        Self::Metre1000,
        Self::Metre500,
        Self::Off,
    ];

    /// The step in mm, `None` when off.
    pub const fn step_mm(self) -> Option<i64> {
        match self {
            Self::Shaku910 => Some(910),
            Self::Shaku455 => Some(455),
            Self::Metre1000 => Some(1000),
            Self::Metre500 => Some(500),
            Self::Off => None,
        }
    }
}

/// A 通り芯 symbol: a name in a circle.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisLabel {
    /// X1, X2… or Y1, Y2….
    pub text: String,
    /// The circle's centre.
    pub centre: Pt,
    /// The circle's radius, plan mm.
    pub radius: f64,
    /// Text height, plan mm.
    pub height: f64,
}

/// One grid line.
#[derive(Clone, Debug, PartialEq)]
pub struct GridLine {
    /// A line of constant x (drawn top to bottom) or of constant y.
    pub vertical: bool,
    /// Its x (vertical) or y, mm.
    pub at_mm: i64,
    /// Where it is drawn.
    pub line: Segment,
    /// Whether a wall-centre line lies on it.
    pub carries_walls: bool,
    /// Its 通り芯 symbol.
    pub label: Option<AxisLabel>,
}

impl GridLine {
    /// The box around the line and its symbol.
    pub fn bounds(&self) -> Rect {
        let r = Rect::around([self.line.a, self.line.b]).unwrap_or(Rect {
            min: self.line.a,
            max: self.line.a,
        });
        match &self.label {
            Some(l) => r.union(&Rect::centred(l.centre, 2.0 * l.radius, 2.0 * l.radius)),
            None => r,
        }
    }
}

/// The grid over the storey's wall-centre bounds `b`.
pub(crate) fn lines(b: Rect, walls: &Walls, options: &DrawingOptions) -> Vec<GridLine> {
    let Some(step) = options.module.step_mm() else {
        return Vec::new();
    };
    let k = |paper_mm: f64| options.scale.plan_mm(paper_mm);
    let overhang = k(3.0);
    let radius = k(paper::AXIS_RADIUS_MM);
    let label_distance = k(paper::CHAIN_OFFSET_MM + paper::OVERALL_STEP_MM + 6.0) + radius;
    let positions = |lo: f64, hi: f64| {
        let first = (lo as i64).div_euclid(step) + i64::from((lo as i64).rem_euclid(step) != 0);
        let last = (hi as i64).div_euclid(step);
        (first..=last).map(move |i| i * step)
    };
    let mut out = Vec::new();
    let mut numbered = 0;
    for x in positions(b.min.x, b.max.x) {
        let carries = walls.vertical_x.binary_search(&x).is_ok();
        let labelled = carries && options.axis_labels;
        let centre = Pt::new(x as f64, b.min.y - label_distance);
        let top = if labelled {
            centre.y + radius
        } else {
            b.min.y - overhang
        };
        out.push(GridLine {
            vertical: true,
            at_mm: x,
            line: Segment {
                a: Pt::new(x as f64, top),
                b: Pt::new(x as f64, b.max.y + overhang),
            },
            carries_walls: carries,
            label: labelled.then(|| {
                numbered += 1;
                AxisLabel {
                    text: format!("X{numbered}"),
                    centre,
                    radius,
                    height: k(paper::AXIS_TEXT_MM),
                }
            }),
        });
    }
    let ys: Vec<i64> = positions(b.min.y, b.max.y).collect();
    let mut numbered = 0;
    let mut horizontal: Vec<GridLine> = ys
        .iter()
        .rev()
        .map(|&y| {
            let carries = walls.horizontal_y.binary_search(&y).is_ok();
            let labelled = carries && options.axis_labels;
            let centre = Pt::new(b.min.x - label_distance, y as f64);
            let left = if labelled {
                centre.x + radius
            } else {
                b.min.x - overhang
            };
            GridLine {
                vertical: false,
                at_mm: y,
                line: Segment {
                    a: Pt::new(left, y as f64),
                    b: Pt::new(b.max.x + overhang, y as f64),
                },
                carries_walls: carries,
                label: labelled.then(|| {
                    numbered += 1;
                    AxisLabel {
                        text: format!("Y{numbered}"),
                        centre,
                        radius,
                        height: k(paper::AXIS_TEXT_MM),
                    }
                }),
            }
        })
        .collect();
    horizontal.reverse();
    out.extend(horizontal);
    out
}
