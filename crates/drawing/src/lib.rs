//! A storey of a [`madori_plan::Plan`] drawn as a 平面図 in Japanese plan conventions, as
//! plain data ([`Drawing`]) plus an SVG writer ([`svg::svg`]), so the screen, the printed
//! sheet and a later DXF export share one drawing model.
//!
//! Coordinates are plan millimetres in the plan's frame (x right, **y down**); a point that
//! is not a whole millimetre (a mitre, a door arc) is an `f64`. Sizes that belong to the
//! paper (text heights, dimension offsets, line weights) are given in paper millimetres in
//! [`DrawingOptions`] and [`Pen`] and turned into plan millimetres with the scale, so a sheet
//! printed at 100 % measures true: a 3640 mm wall is 36.4 mm long at 1:100.
//!
//! What is drawn, by [`Layer`]:
//! * 壁 – each wall once, at its thickness around its wall-centre line (a wall two rooms share
//!   is one body), corners mitred, openings cut out ([`walls`]).
//! * 壁芯 – the wall-centre lines.
//! * 建具 – doors as they open: 開き戸 (a leaf and a quarter arc, swinging into the room that
//!   owns the opening), 引戸 (a leaf across the opening within the wall and an arrow), 引違い戸
//!   (two overlapping leaves within the wall), 折れ戸 (two folded leaves); windows (三本線;
//!   引違い as two overlapping sashes) ([`openings`]).
//! * 設備 – fixtures at true size against their room's nearest wall ([`fixtures`]).
//! * 室名 – room name, area and 帖, kept clear of fixtures ([`labels`]).
//! * 寸法 – chains and overall dimensions outside the storey ([`dimensions`]).
//! * 通り芯 – the module grid and the 通り芯 symbols on grid lines that carry walls ([`grid`]).
//! * 注記 – title, north arrow and scale bar.
//! * 改修 – on a proposal, the walls it takes out (dashed) and adds (hatched) against the
//!   state it changes ([`renovation`]).
//!
//! ```
//! use madori_drawing::{storey_drawing, svg, DrawingOptions, SvgOptions};
//! let plan = madori_plan::format::from_json(madori_plan::templates::get("kodan-3dk").unwrap()).unwrap();
//! let drawing = storey_drawing(&plan, 0, &DrawingOptions::default());
//! assert_eq!(drawing.labels.len(), plan.storeys[0].rooms.len());
//! let sheet = svg::svg(&drawing, &SvgOptions::default());
//! assert!(sheet.contains("和室1"));
//! ```

pub mod dimensions;
pub mod fixtures;
mod geom;
pub mod grid;
pub mod labels;
pub mod openings;
pub mod renovation;
pub mod svg;
pub mod walls;

pub use dimensions::{room_dimensions, Dimension, DimensionRole, Side};
pub use fixtures::FixtureSymbol;
pub use grid::{AxisLabel, GridLine, Module};
pub use labels::{LabelLine, RoomLabel};
pub use openings::{OpeningSymbol, OpeningSymbolKind};
pub use svg::{svg, SvgOptions};
pub use walls::{WallBody, WallKind};

use madori_plan::Plan;
use madori_rules::numbers::Rounding;

/// A point in plan millimetres (x right, y down).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Pt {
    /// Horizontal position, mm.
    pub x: f64,
    /// Vertical position, mm, growing downwards.
    pub y: f64,
}

impl Pt {
    /// The point `(x, y)`.
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }
}

impl From<madori_plan::PointMm> for Pt {
    fn from(p: madori_plan::PointMm) -> Self {
        Self::new(p.x as f64, p.y as f64)
    }
}

/// A straight line from `a` to `b`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    /// Start.
    pub a: Pt,
    /// End.
    pub b: Pt,
}

impl Segment {
    /// Its length, mm.
    pub fn length(&self) -> f64 {
        (self.b.x - self.a.x).hypot(self.b.y - self.a.y)
    }
}

/// An axis-aligned rectangle, `min` top-left and `max` bottom-right.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Smallest x and y.
    pub min: Pt,
    /// Largest x and y.
    pub max: Pt,
}

impl Rect {
    /// The rectangle of centre `c` and size `w × h`.
    pub fn centred(c: Pt, w: f64, h: f64) -> Self {
        Self {
            min: Pt::new(c.x - w / 2.0, c.y - h / 2.0),
            max: Pt::new(c.x + w / 2.0, c.y + h / 2.0),
        }
    }

    /// The smallest rectangle holding every point (`None` for none).
    pub fn around(points: impl IntoIterator<Item = Pt>) -> Option<Self> {
        let mut points = points.into_iter();
        let first = points.next()?;
        let mut r = Self {
            min: first,
            max: first,
        };
        for p in points {
            r.include(p);
        }
        Some(r)
    }

    /// Grows the rectangle to hold `p`.
    pub fn include(&mut self, p: Pt) {
        self.min.x = self.min.x.min(p.x);
        self.min.y = self.min.y.min(p.y);
        self.max.x = self.max.x.max(p.x);
        self.max.y = self.max.y.max(p.y);
    }

    /// The smallest rectangle holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        let mut r = *self;
        r.include(other.min);
        r.include(other.max);
        r
    }

    /// Width, mm.
    pub fn width(&self) -> f64 {
        self.max.x - self.min.x
    }

    /// Height, mm.
    pub fn height(&self) -> f64 {
        self.max.y - self.min.y
    }

    /// The centre.
    pub fn centre(&self) -> Pt {
        Pt::new(
            (self.min.x + self.max.x) / 2.0,
            (self.min.y + self.max.y) / 2.0,
        )
    }

    /// Whether the interiors share a point (rectangles that only touch do not overlap).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.min.x < other.max.x
            && other.min.x < self.max.x
            && self.min.y < other.max.y
            && other.min.y < self.max.y
    }

    /// The rectangle grown by `d` on every side.
    pub fn expanded(&self, d: f64) -> Rect {
        Rect {
            min: Pt::new(self.min.x - d, self.min.y - d),
            max: Pt::new(self.max.x + d, self.max.y + d),
        }
    }
}

/// The layers of a drawing, by meaning (a DXF export names its layers after these).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Layer {
    /// 壁芯: wall-centre lines.
    WallCentre,
    /// 壁: wall bodies and their outline.
    Wall,
    /// 改修: walls taken out (dashed) and new walls (hatched) against an earlier state.
    Renovation,
    /// 建具: doors and windows.
    Opening,
    /// 設備: fixtures.
    Fixture,
    /// 室名: room names, areas and 帖.
    RoomName,
    /// 寸法: dimensions.
    Dimension,
    /// 通り芯: the module grid and its 通り芯 symbols.
    Axis,
    /// 注記: title, north arrow, scale bar.
    Annotation,
}

impl Layer {
    /// Every layer, in drawing order (lowest first).
    pub const ALL: [Layer; 9] = [
        Self::Axis,
        Self::WallCentre,
        Self::Wall,
        Self::Renovation,
        Self::Opening,
        Self::Fixture,
        Self::RoomName,
        Self::Dimension,
        Self::Annotation,
    ];

    /// The layer's Japanese name.
    pub const fn ja(self) -> &'static str {
        match self {
            Self::WallCentre => "壁芯",
            Self::Wall => "壁",
            Self::Renovation => "改修",
            Self::Opening => "建具",
            Self::Fixture => "設備",
            Self::RoomName => "室名",
            Self::Dimension => "寸法",
            Self::Axis => "通り芯",
            Self::Annotation => "注記",
        }
    }

    /// An ASCII name for ids, CSS classes and DXF layer names.
    pub const fn id(self) -> &'static str {
        match self {
            Self::WallCentre => "wall-centre",
            Self::Wall => "wall",
            Self::Renovation => "renovation",
            Self::Opening => "opening",
            Self::Fixture => "fixture",
            Self::RoomName => "room-name",
            Self::Dimension => "dimension",
            Self::Axis => "axis",
            Self::Annotation => "annotation",
        }
    }
}

/// Line weights as Japanese drawings use them, in paper millimetres.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pen {
    /// 太線 0.5 mm: wall outlines.
    Thick,
    /// 中線 0.25 mm: door leaves, sashes, fixture outlines.
    Medium,
    /// 細線 0.13 mm: arcs, details, dimensions, centre lines.
    Thin,
    /// A filled shape (arrowheads, scale bar blocks), outlined thinly.
    Fill,
}

impl Pen {
    /// The line weight on paper, mm.
    pub const fn paper_mm(self) -> f64 {
        match self {
            Self::Thick => 0.5,
            Self::Medium => 0.25,
            Self::Thin | Self::Fill => 0.13,
        }
    }
}

/// How text is anchored horizontally at its point (vertically it is always centred).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The point is the text's start.
    Start,
    /// The point is the text's middle.
    Middle,
    /// The point is the text's end.
    End,
}

/// A line of text.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    /// The anchor point, plan mm.
    pub at: Pt,
    /// The words.
    pub text: String,
    /// Character height in plan mm (paper mm × scale).
    pub height: f64,
    /// Rotation in degrees, clockwise on screen (y down); 0 reads left to right.
    pub angle_deg: f64,
    /// Horizontal anchoring.
    pub anchor: Anchor,
}

/// A drawing primitive. Angles are degrees measured from +x towards +y (clockwise on
/// screen, as y points down).
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A straight line.
    Line(Segment),
    /// Connected lines, closed back to the first point when `closed`.
    Polyline {
        /// The vertices.
        points: Vec<Pt>,
        /// Whether the last point joins the first.
        closed: bool,
    },
    /// A circle.
    Circle {
        /// Centre.
        centre: Pt,
        /// Radius, mm.
        radius: f64,
    },
    /// An ellipse whose `rx` axis points along `angle_deg`.
    Ellipse {
        /// Centre.
        centre: Pt,
        /// Semi-axis along `angle_deg`, mm.
        rx: f64,
        /// The other semi-axis, mm.
        ry: f64,
        /// Direction of the `rx` axis.
        angle_deg: f64,
    },
    /// A circular arc from `start_deg` turning by `sweep_deg` (positive: clockwise on screen).
    Arc {
        /// Centre.
        centre: Pt,
        /// Radius, mm.
        radius: f64,
        /// Angle of the start point.
        start_deg: f64,
        /// Signed turn to the end point.
        sweep_deg: f64,
    },
    /// Text.
    Text(Text),
}

/// A shape with its line weight.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// The line weight.
    pub pen: Pen,
    /// What is drawn.
    pub shape: Shape,
}

/// The drawing scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Scale {
    /// 1:50.
    S50,
    /// 1:100, the usual scale of a 平面図.
    #[default]
    S100,
    /// 1:200.
    S200,
}

impl Scale {
    /// Every scale, in picker order.
    pub const ALL: [Scale; 3] = [Self::S50, Self::S100, Self::S200];

    /// The denominator: plan millimetres per paper millimetre.
    pub const fn denominator(self) -> u32 {
        match self {
            Self::S50 => 50,
            Self::S100 => 100,
            Self::S200 => 200,
        }
    }

    /// Plan millimetres for `paper_mm` on paper.
    pub fn plan_mm(self, paper_mm: f64) -> f64 {
        paper_mm * f64::from(self.denominator())
    }
}

/// Which area a room label shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum AreaBasis {
    /// 壁芯面積 (the building code's measure).
    #[default]
    WallCentre,
    /// 内法面積, inside the wall faces.
    Interior,
}

/// What to draw and how.
#[derive(Clone, Debug, PartialEq)]
pub struct DrawingOptions {
    /// The paper scale, which sets text heights, offsets and line weights in plan mm.
    pub scale: Scale,
    /// The module grid drawn under the plan (`Off`: none, and no 通り芯 symbols).
    pub module: Module,
    /// Whether grid lines that carry walls get 通り芯 symbols (X1, X2… / Y1, Y2…).
    pub axis_labels: bool,
    /// Where north points, degrees clockwise from up on the sheet (0: up).
    pub north_deg: f64,
    /// The area room labels show.
    pub area_basis: AreaBasis,
    /// How areas are rounded to 0.01 ㎡ (STANDARDS.md §9: 切捨 by default).
    pub rounding: Rounding,
}

impl Default for DrawingOptions {
    fn default() -> Self {
        Self {
            scale: Scale::S100,
            module: Module::Shaku910,
            axis_labels: true,
            north_deg: 0.0,
            area_basis: AreaBasis::WallCentre,
            rounding: Rounding::Truncate,
        }
    }
}

/// Paper sizes, in paper millimetres.
pub mod paper {
    /// Room name height.
    pub const ROOM_NAME_MM: f64 = 2.5;
    /// Area and 帖 text height.
    pub const AREA_MM: f64 = 2.0;
    /// Dimension text height.
    pub const DIMENSION_TEXT_MM: f64 = 2.0;
    /// From the storey's wall-centre outline to the chain dimension line.
    pub const CHAIN_OFFSET_MM: f64 = 10.0;
    /// From the chain to the overall dimension line.
    pub const OVERALL_STEP_MM: f64 = 7.0;
    /// 通り芯 symbol radius.
    pub const AXIS_RADIUS_MM: f64 = 4.0;
    /// 通り芯 symbol text height.
    pub const AXIS_TEXT_MM: f64 = 2.5;
    /// Title text height.
    pub const TITLE_MM: f64 = 4.0;
    /// Blank paper around everything drawn.
    pub const MARGIN_MM: f64 = 10.0;
}

/// A storey drawn as a 平面図.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawing {
    /// The storey's id (empty when the index was out of range).
    pub storey_id: String,
    /// The storey's name.
    pub storey_name: String,
    /// The scale the paper sizes were computed for.
    pub scale: Scale,
    /// The storey's wall-centre bounding box (`None` for a storey without rooms).
    pub plan_bounds: Option<Rect>,
    /// The sheet: everything drawn plus a margin, in whole paper millimetres.
    pub extent: Rect,
    /// 壁: wall bodies, each once.
    pub walls: Vec<WallBody>,
    /// 壁: the outline of all wall bodies together, as polylines.
    pub wall_outline: Vec<Shape>,
    /// 壁芯: wall-centre lines, one per straight wall of one thickness.
    pub wall_centres: Vec<Segment>,
    /// 建具.
    pub openings: Vec<OpeningSymbol>,
    /// 設備.
    pub fixtures: Vec<FixtureSymbol>,
    /// 室名, one per room in the storey's order.
    pub labels: Vec<RoomLabel>,
    /// 通り芯: module grid lines, some with a symbol.
    pub grid: Vec<GridLine>,
    /// 寸法.
    pub dimensions: Vec<Dimension>,
    /// 注記: title, north arrow, scale bar.
    pub annotations: Vec<Mark>,
    /// 改修: walls taken out and added against an earlier state ([`renovation::mark`]);
    /// empty unless marked.
    pub renovation: Vec<renovation::RenovationWall>,
}

/// Draws storey `storey` of a validated plan. A storey index out of range gives an empty
/// drawing (with its north arrow and scale bar).
pub fn storey_drawing(plan: &Plan, storey: usize, options: &DrawingOptions) -> Drawing {
    let scale = options.scale;
    let Some(st) = plan.storeys.get(storey) else {
        return finish(Drawing::empty(scale), options, None);
    };
    let construction = plan.dwelling.construction;
    let walls = walls::build(st, construction);
    let openings = openings::symbols(st, &walls);
    let stair_word = if storey + 1 < plan.storeys.len() || plan.storeys.len() == 1 {
        "UP"
    } else {
        "DN"
    };
    let fixtures = fixtures::symbols(st, &walls, stair_word);
    let labels = labels::place(st, &walls, &fixtures, &openings, options);
    let plan_bounds = Rect::around(
        st.rooms
            .iter()
            .flat_map(|r| r.polygon.iter().map(|&p| p.into())),
    );
    let grid = plan_bounds
        .map(|b| grid::lines(b, &walls, options))
        .unwrap_or_default();
    let dimensions = plan_bounds
        .map(|b| dimensions::outline_chains(b, &walls, scale))
        .unwrap_or_default();
    let drawing = Drawing {
        storey_id: st.id.clone(),
        storey_name: st.name.clone(),
        scale,
        plan_bounds,
        extent: Rect::centred(Pt::default(), 0.0, 0.0),
        wall_outline: walls.outline,
        wall_centres: walls.centres,
        walls: walls.bodies,
        openings,
        fixtures,
        labels,
        grid,
        dimensions,
        annotations: Vec::new(),
        renovation: Vec::new(),
    };
    finish(drawing, options, plan_bounds)
}

impl Drawing {
    fn empty(scale: Scale) -> Self {
        Self {
            storey_id: String::new(),
            storey_name: String::new(),
            scale,
            plan_bounds: None,
            extent: Rect::centred(Pt::default(), 0.0, 0.0),
            walls: Vec::new(),
            wall_outline: Vec::new(),
            wall_centres: Vec::new(),
            openings: Vec::new(),
            fixtures: Vec::new(),
            labels: Vec::new(),
            grid: Vec::new(),
            dimensions: Vec::new(),
            annotations: Vec::new(),
            renovation: Vec::new(),
        }
    }
}

/// Adds the title, north arrow and scale bar, and computes the sheet's extent.
fn finish(mut drawing: Drawing, options: &DrawingOptions, bounds: Option<Rect>) -> Drawing {
    let scale = options.scale;
    let k = |paper: f64| scale.plan_mm(paper);
    let b = bounds.unwrap_or(Rect::centred(Pt::default(), k(60.0), k(40.0)));
    let mut used = b;
    for r in drawing
        .walls
        .iter()
        .map(|w| w.bounds)
        .chain(drawing.openings.iter().map(|o| o.bounds))
        .chain(drawing.fixtures.iter().map(|f| f.bounds))
        .chain(drawing.labels.iter().map(|l| l.bounds))
        .chain(drawing.dimensions.iter().map(|d| d.bounds()))
        .chain(drawing.grid.iter().map(|g| g.bounds()))
    {
        used = used.union(&r);
    }
    let title = format!(
        "{} 平面図  S=1:{}",
        drawing.storey_name,
        scale.denominator()
    );
    let below = used.max.y + k(4.0);
    drawing.annotations.push(Mark {
        pen: Pen::Thin,
        shape: Shape::Text(Text {
            at: Pt::new(b.min.x, below + k(paper::TITLE_MM / 2.0)),
            text: title,
            height: k(paper::TITLE_MM),
            angle_deg: 0.0,
            anchor: Anchor::Start,
        }),
    });
    drawing.annotations.extend(annotations::scale_bar(
        Pt::new(b.min.x, below + k(paper::TITLE_MM + 4.0)),
        scale,
    ));
    let north_centre = Pt::new(used.max.x + k(10.0), used.min.y + k(10.0));
    drawing.annotations.extend(annotations::north_arrow(
        north_centre,
        options.north_deg,
        scale,
    ));
    for m in &drawing.annotations {
        used = used.union(&geom::mark_bounds(m));
    }
    let margin = k(paper::MARGIN_MM);
    let unit = f64::from(scale.denominator());
    // Whole paper millimetres, so the sheet's size in mm is exact.
    drawing.extent = Rect {
        min: Pt::new(
            ((used.min.x - margin) / unit).floor() * unit,
            ((used.min.y - margin) / unit).floor() * unit,
        ),
        max: Pt::new(
            ((used.max.x + margin) / unit).ceil() * unit,
            ((used.max.y + margin) / unit).ceil() * unit,
        ),
    };
    drawing
}

mod annotations {
    //! North arrow and scale bar.
    use super::{Anchor, Mark, Pen, Pt, Scale, Segment, Shape, Text};

    /// A north arrow centred at `c`: a circle, an arrow towards north and an N at its tip.
    pub(crate) fn north_arrow(c: Pt, north_deg: f64, scale: Scale) -> Vec<Mark> {
        let k = |paper: f64| scale.plan_mm(paper);
        let deg = if north_deg.is_finite() {
            north_deg.rem_euclid(360.0)
        } else {
            0.0
        };
        // North at `deg` clockwise from up: up is -y.
        let a = deg.to_radians();
        let (dx, dy) = (a.sin(), -a.cos());
        let at = |r: f64, side: f64| Pt::new(c.x + dx * r + (-dy) * side, c.y + dy * r + dx * side);
        let r = k(6.0);
        vec![
            Mark {
                pen: Pen::Thin,
                shape: Shape::Circle {
                    centre: c,
                    radius: r,
                },
            },
            Mark {
                pen: Pen::Fill,
                shape: Shape::Polyline {
                    points: vec![
                        at(r, 0.0),
                        at(-r * 0.7, k(2.2)),
                        at(-r * 0.35, 0.0),
                        at(-r * 0.7, -k(2.2)),
                    ],
                    closed: true,
                },
            },
            Mark {
                pen: Pen::Thin,
                shape: Shape::Text(Text {
                    at: at(r + k(3.0), 0.0),
                    text: "N".into(),
                    height: k(3.0),
                    angle_deg: 0.0,
                    anchor: Anchor::Middle,
                }),
            },
        ]
    }

    /// A scale bar starting at `at`: alternate filled metres and a length that reads well at
    /// the scale (2 m at 1:50, 5 m at 1:100, 10 m at 1:200), numbered in metres.
    pub(crate) fn scale_bar(at: Pt, scale: Scale) -> Vec<Mark> {
        let k = |paper: f64| scale.plan_mm(paper);
        let (metres, step) = match scale {
            Scale::S50 => (2_u32, 500.0),
            Scale::S100 => (5, 1000.0),
            Scale::S200 => (10, 2000.0),
        };
        let total = f64::from(metres) * 1000.0;
        let h = k(1.5);
        let mut out = Vec::new();
        let blocks = (total / step) as usize;
        for i in 0..blocks {
            let x0 = at.x + i as f64 * step;
            let rect = vec![
                Pt::new(x0, at.y),
                Pt::new(x0 + step, at.y),
                Pt::new(x0 + step, at.y + h),
                Pt::new(x0, at.y + h),
            ];
            out.push(Mark {
                pen: if i % 2 == 0 { Pen::Fill } else { Pen::Thin },
                shape: Shape::Polyline {
                    points: rect,
                    closed: true,
                },
            });
        }
        let mut label = |x: f64, text: String| {
            out.push(Mark {
                pen: Pen::Thin,
                shape: Shape::Text(Text {
                    at: Pt::new(x, at.y + h + k(2.5)),
                    text,
                    height: k(2.0),
                    angle_deg: 0.0,
                    anchor: Anchor::Middle,
                }),
            });
        };
        label(at.x, "0".into());
        label(at.x + total / 2.0, format!("{}", f64::from(metres) / 2.0));
        label(at.x + total, format!("{metres}m"));
        out.push(Mark {
            pen: Pen::Thin,
            shape: Shape::Line(Segment {
                a: Pt::new(at.x, at.y + h),
                b: Pt::new(at.x + total, at.y + h),
            }),
        });
        out
    }
}
