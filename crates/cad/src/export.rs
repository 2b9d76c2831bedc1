//! DXF export: every storey of a plan as the 平面図 of [`madori_drawing`], side by side as
//! Jw_cad users lay out 1F and 2F, in millimetres, on layers named by meaning.
//!
//! # What is written
//! Each storey is drawn by [`madori_drawing::storey_drawing`] and placed to the right of the
//! one before it ([`STOREY_GAP_PAPER_MM`] of paper between their sheets), the first at the
//! plan's own coordinates. The plan's y axis points down and DXF's up, so y is negated: a
//! plan point `(x, y)` of storey `k` is `(x + dx_k, −y)` in the file, `dx_k` a whole number
//! of millimetres. Layers (colour, linetype):
//!
//! | layer | holds | colour | linetype |
//! |---|---|---|---|
//! | 通り芯 | grid lines that carry walls, with their symbols (when a module is drawn) | 1 | CENTER |
//! | 壁芯 | wall-centre lines, each stretch of shared wall once | 6 | CENTER |
//! | 壁 | the outline of the wall bodies (faces, jambs, steps) | 7 | CONTINUOUS |
//! | 建具 | door leaves and swing arcs, window lines | 3 | CONTINUOUS |
//! | 設備 | fixtures | 4 | CONTINUOUS |
//! | 室名 | room names, ㎡ and 帖 | 7 | CONTINUOUS |
//! | 寸法 | dimension lines, ticks and values (as lines and texts, no DIMENSION blocks) | 2 | CONTINUOUS |
//! | 注記 | the title (「1階平面図」…), north arrow and scale bar | 7 | CONTINUOUS |
//!
//! Only grid lines that carry a wall are written: the full module grid is a drawing aid,
//! which every CAD program has its own of. Filled shapes (arrowheads, scale bar blocks) are
//! written as their outlines.
//!
//! # Formats
//! * [`Format::R12ShiftJis`] (the default): `AC1009`, ASCII DXF with Shift_JIS text and
//!   layer names and `$DWGCODEPAGE` = `ANSI_932`, what Jw_cad reads best. Polylines and
//!   ellipses are written as LINEs (R12 has no LWPOLYLINE or ELLIPSE, and Jw_cad keeps
//!   lines anyway). A character Shift_JIS cannot hold is written as a `\U+XXXX` escape
//!   (AutoCAD shows it; [`crate::import`] reads it back), and one beyond the Basic
//!   Multilingual Plane, which that escape cannot name, as 〓 (the geta mark that Japanese
//!   typesetting uses for a missing character).
//! * [`Format::R2007Utf8`]: `AC1021` with UTF-8 text, the structure AutoCAD requires of a
//!   DXF from R13 on (handles, owners, subclass markers, the nine symbol tables, the model
//!   and paper space blocks and the root dictionary), LWPOLYLINE, ELLIPSE and line weights
//!   (0.50 / 0.25 / 0.13 mm) from the drawing's pens.
//!
//! Both declare `$INSUNITS` = 4 (millimetres) and `$MEASUREMENT` = 1 (metric). Handles are
//! numbered in writing order, so the same plan and options always give the same bytes.
//!
//! # Why group codes are written here, not with the `dxf` crate's writer
//! Read in `dxf` 0.6.2's source (`code_pair_writer.rs`, `drawing.rs`, the header spec):
//! * for every version up to R2004 it writes each non-ASCII character as a `\U+XXXX`
//!   escape (`escape_unicode_to_ascii`), so an R12 file would hold no Shift_JIS at all;
//!   Jw_cad shows such escapes as they are, and layer names would become `\U+58C1`;
//! * it has no way to write a file in another encoding (only reading takes an encoding);
//! * a new drawing's header takes the creation time (`Local::now()`, `Utc::now()`) and random
//!   GUIDs (`Uuid::new_v4()`), so two exports of one plan would differ;
//! * it writes every header variable of the version (hundreds), which Jw_cad does not need.
//!
//! Writing the few group codes a 平面図 needs is short, makes every byte known (as the
//! fixture generator `examples/make_fixtures.rs` does), and the output is read back with the
//! same `dxf` crate by [`crate::import`] in the round-trip tests.
//!
//! # Reading an export back
//! [`reimport_layers`] gives the layer choices under which [`crate::import`] recovers the
//! plan: the 壁芯 lines as reference lines (single centre lines, so no two close parallel
//! walls are ever taken for one wall's faces), 建具 for doors and windows, 室名 and 注記 for
//! texts (the titles order the storeys), everything else ignored. Rooms then come back
//! exactly: the same count per storey, names, kinds (where the name implies one) and 壁芯
//! areas to the square millimetre, with no rounding, because wall centres are whole
//! millimetres written as such and no wall thickness is involved; doors and windows come
//! back with their widths (doors of 450 mm and more, the importer's smallest swing). Tested
//! on every template and on `templates::irregular` plans (`tests/export.rs`). Limits: a
//! storey whose extent is under a quarter of the largest one's is taken by the importer for
//! a detail, not a storey; storeys come back aligned to their top-left corner, named
//! `1F`, `2F`….

use crate::{LayerChoice, LayerRole, Survey};
use madori_drawing::{
    paper, storey_drawing, Anchor, Dimension, Drawing, DrawingOptions, Layer, Mark, Pen, Pt, Shape,
    Text,
};
use madori_plan::Plan;
use std::fmt::Write as _;

/// Paper between two storeys' sheets, mm (each sheet already has its own margin).
pub const STOREY_GAP_PAPER_MM: f64 = 20.0;
/// Segments of an ellipse written as lines in R12.
pub const ELLIPSE_SEGMENTS: usize = 64;

/// The DXF version and text encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    /// AutoCAD R12 (`AC1009`) with Shift_JIS text: what Jw_cad reads best.
    #[default]
    R12ShiftJis,
    /// AutoCAD 2007 (`AC1021`) with UTF-8 text.
    R2007Utf8,
}

/// How to export.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ExportOptions {
    /// The DXF version and encoding.
    pub format: Format,
    /// What the 平面図 shows: scale (text heights and offsets), module grid and 通り芯
    /// symbols, north, the area shown and its rounding.
    pub drawing: DrawingOptions,
}

/// The layers written, in drawing order, with their colour (AutoCAD colour index) and
/// linetype.
pub const LAYERS: [(Layer, i32, &str); 8] = [
    (Layer::Axis, 1, "CENTER"),
    (Layer::WallCentre, 6, "CENTER"),
    (Layer::Wall, 7, "CONTINUOUS"),
    (Layer::Opening, 3, "CONTINUOUS"),
    (Layer::Fixture, 4, "CONTINUOUS"),
    (Layer::RoomName, 7, "CONTINUOUS"),
    (Layer::Dimension, 2, "CONTINUOUS"),
    (Layer::Annotation, 7, "CONTINUOUS"),
];

/// The role [`crate::import`] should give one of the export's layers to read it back.
pub fn reimport_role(layer: Layer) -> LayerRole {
    match layer {
        Layer::WallCentre => LayerRole::ReferenceLines,
        Layer::Opening => LayerRole::Openings,
        Layer::RoomName | Layer::Annotation => LayerRole::Labels,
        Layer::Axis | Layer::Wall | Layer::Renovation | Layer::Fixture | Layer::Dimension => {
            LayerRole::Ignore
        }
    }
}

/// The layer choices under which [`crate::import`] reads an export back (see the module
/// doc), for the layers the surveyed drawing holds: the export's layers by
/// [`reimport_role`], any other layer (added in a CAD program) as guessed. The import
/// refuses choices naming a layer the drawing lacks (a plan without fixtures has no 設備),
/// hence the survey.
pub fn reimport_layers(survey: &Survey) -> Vec<LayerChoice> {
    survey
        .layers
        .iter()
        .filter_map(|summary| {
            let ours = LAYERS
                .iter()
                .find(|(layer, _, _)| layer.ja() == summary.name)
                .map(|&(layer, _, _)| reimport_role(layer));
            let role = match ours {
                Some(role) => role,
                None if summary.selected => summary.role,
                None => return None,
            };
            Some(LayerChoice {
                name: summary.name.clone(),
                role,
            })
        })
        .collect()
}

/// One storey's sheet, placed.
struct Sheet {
    drawing: Drawing,
    /// Shift to the right, whole mm.
    dx: f64,
    /// The title, e.g. 「1階平面図  S=1:100」.
    title: String,
}

/// Writes every storey of `plan` as one DXF file.
pub fn export_dxf(plan: &Plan, options: &ExportOptions) -> Vec<u8> {
    let sheets = layout(plan, &options.drawing);
    let modern = options.format == Format::R2007Utf8;
    let mut w = Writer::new(modern);
    w.section("ENTITIES");
    for sheet in &sheets {
        w.sheet(sheet);
    }
    w.pair(0, "ENDSEC");
    let entities = std::mem::take(&mut w.text);
    let scale = f64::from(options.drawing.scale.denominator());
    let extent = sheets.iter().fold(None::<(Pt, Pt)>, |acc, s| {
        let e = s.drawing.extent;
        let (lo, hi) = (
            Pt::new(e.min.x + s.dx, -e.max.y),
            Pt::new(e.max.x + s.dx, -e.min.y),
        );
        Some(match acc {
            None => (lo, hi),
            Some((a, b)) => (
                Pt::new(a.x.min(lo.x), a.y.min(lo.y)),
                Pt::new(b.x.max(hi.x), b.y.max(hi.y)),
            ),
        })
    });
    let (lo, hi) = extent.unwrap_or_default();
    // Handles of the structure are taken after the entities', so the seed covers both.
    let structure = w.structure(lo, hi, scale);
    let mut out = String::with_capacity(entities.len() + structure.tables.len() + 4096);
    out.push_str(&w.header(lo, hi, scale));
    out.push_str(&structure.tables);
    out.push_str(&entities);
    out.push_str(&structure.objects);
    let _ = write!(out, "{:>3}\r\nEOF\r\n", 0);
    match options.format {
        Format::R2007Utf8 => out.into_bytes(),
        Format::R12ShiftJis => {
            // Every text value went through `text_value`, which left only characters
            // Shift_JIS holds.
            let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(&out);
            bytes.into_owned()
        }
    }
}

/// Draws every storey and places the sheets side by side.
fn layout(plan: &Plan, options: &DrawingOptions) -> Vec<Sheet> {
    let numbers = storey_numbers(plan);
    let gap = options.scale.plan_mm(STOREY_GAP_PAPER_MM);
    let mut sheets: Vec<Sheet> = Vec::with_capacity(plan.storeys.len());
    for (index, storey) in plan.storeys.iter().enumerate() {
        let drawing = storey_drawing(plan, index, options);
        let dx = match sheets.last() {
            None => 0.0,
            // Extents are whole paper millimetres, so dx is a whole number of mm.
            Some(prev) => prev.dx + prev.drawing.extent.max.x + gap - drawing.extent.min.x,
        };
        let n = numbers[index];
        let name = storey.name.trim();
        let plain = name.is_empty() || name == format!("{n}F") || name == format!("{n}階");
        let title = if plain {
            format!("{n}階平面図  S=1:{}", options.scale.denominator())
        } else {
            format!("{n}階平面図 {name}  S=1:{}", options.scale.denominator())
        };
        sheets.push(Sheet { drawing, dx, title });
    }
    sheets
}

/// The floor number of each storey: from the names ("1F", "2階") when every storey has one
/// and they rise in the plan's order, else the position (1, 2, …), so the titles always
/// order the storeys as the plan does.
fn storey_numbers(plan: &Plan) -> Vec<u32> {
    let named: Option<Vec<u32>> = plan
        .storeys
        .iter()
        .map(|s| crate::text::storey_number(&s.name))
        .collect();
    match named {
        Some(n) if n.windows(2).all(|w| w[0] < w[1]) => n,
        _ => (1..).take(plan.storeys.len()).collect(),
    }
}

/// A number as DXF text: at most 4 decimals (0.1 µm in mm), no trailing zeros, never `-0`;
/// a value that is not finite (never in a drawing of a validated plan) is written as 0.
fn num(v: f64) -> String {
    if !v.is_finite() {
        return "0".into();
    }
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

/// A text value as it may stand on a DXF line: control characters (line breaks) become
/// spaces; in R12, characters Shift_JIS cannot hold become `\U+XXXX` (or 〓 beyond the
/// Basic Multilingual Plane).
fn text_value(s: &str, modern: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut buf = [0u8; 4];
    for c in s.chars() {
        if c.is_control() {
            out.push(' ');
        } else if modern || c.is_ascii() {
            out.push(c);
        } else {
            let (_, _, unmappable) = encoding_rs::SHIFT_JIS.encode(c.encode_utf8(&mut buf));
            match u32::from(c) {
                _ if !unmappable => out.push(c),
                code @ 0..=0xFFFF => {
                    let _ = write!(out, "\\U+{code:04X}");
                }
                _ => out.push('〓'),
            }
        }
    }
    out
}

/// The line weight of a pen, hundredths of a mm (R2007 group 370).
fn lineweight(pen: Pen) -> i32 {
    match pen {
        Pen::Thick => 50,
        Pen::Medium => 25,
        Pen::Thin | Pen::Fill => 13,
    }
}

/// The sections around the entities: tables (and blocks), objects.
struct Structure {
    tables: String,
    objects: String,
}

/// Group-code text.
struct Writer {
    text: String,
    modern: bool,
    /// The next handle (R2007).
    handle: u32,
    /// The shift of the sheet being written.
    dx: f64,
}

/// Fixed handles of the R2007 structure (entities are numbered from [`FIRST_ENTITY`]).
mod handle {
    pub const VPORT_TABLE: u32 = 0x1;
    pub const LTYPE_TABLE: u32 = 0x2;
    pub const LAYER_TABLE: u32 = 0x3;
    pub const STYLE_TABLE: u32 = 0x4;
    pub const VIEW_TABLE: u32 = 0x5;
    pub const UCS_TABLE: u32 = 0x6;
    pub const APPID_TABLE: u32 = 0x7;
    pub const DIMSTYLE_TABLE: u32 = 0x8;
    pub const BLOCK_RECORD_TABLE: u32 = 0x9;
    pub const ROOT_DICTIONARY: u32 = 0xA;
    pub const GROUP_DICTIONARY: u32 = 0xB;
    pub const MODEL_SPACE: u32 = 0xC;
    pub const PAPER_SPACE: u32 = 0xD;
    /// The first handle given out in order (table records, blocks, entities).
    pub const FIRST_FREE: u32 = 0x20;
}
use handle::FIRST_FREE as FIRST_ENTITY;

impl Writer {
    fn new(modern: bool) -> Self {
        Self {
            text: String::with_capacity(256 * 1024),
            modern,
            handle: FIRST_ENTITY,
            dx: 0.0,
        }
    }

    fn pair(&mut self, code: i32, value: &str) {
        let _ = write!(self.text, "{code:>3}\r\n{value}\r\n");
    }

    fn f(&mut self, code: i32, v: f64) {
        self.pair(code, &num(v));
    }

    fn int(&mut self, code: i32, v: i64) {
        self.pair(code, &v.to_string());
    }

    fn hex(&mut self, code: i32, h: u32) {
        self.pair(code, &format!("{h:X}"));
    }

    fn next_handle(&mut self) -> u32 {
        let h = self.handle;
        self.handle += 1;
        h
    }

    fn section(&mut self, name: &str) {
        self.pair(0, "SECTION");
        self.pair(2, name);
    }

    /// A plan point of the current sheet in DXF coordinates.
    fn xy(&self, p: Pt) -> (f64, f64) {
        (p.x + self.dx, -p.y)
    }

    fn point(&mut self, code: i32, p: Pt) {
        let (x, y) = self.xy(p);
        self.f(code, x);
        self.f(code + 10, y);
        self.f(code + 20, 0.0);
    }

    /// Starts an entity: type, then (R2007) handle, owner, subclass, line weight; layer.
    fn entity(&mut self, kind: &str, layer: Layer, pen: Pen, subclass: &str) {
        self.pair(0, kind);
        if self.modern {
            let h = self.next_handle();
            self.hex(5, h);
            self.hex(330, handle::MODEL_SPACE);
            self.pair(100, "AcDbEntity");
        }
        self.pair(8, layer.ja());
        if self.modern {
            self.int(370, i64::from(lineweight(pen)));
            self.pair(100, subclass);
        }
    }

    fn line(&mut self, layer: Layer, pen: Pen, a: Pt, b: Pt) {
        self.entity("LINE", layer, pen, "AcDbLine");
        self.point(10, a);
        self.point(11, b);
    }

    fn polyline(&mut self, layer: Layer, pen: Pen, points: &[Pt], closed: bool) {
        if points.len() < 2 {
            return;
        }
        if !self.modern {
            let n = points.len();
            let edges = if closed && n > 2 { n } else { n - 1 };
            for i in 0..edges {
                self.line(layer, pen, points[i], points[(i + 1) % n]);
            }
            return;
        }
        self.entity("LWPOLYLINE", layer, pen, "AcDbPolyline");
        self.int(90, points.len() as i64);
        self.int(70, i64::from(closed));
        self.f(43, 0.0);
        for &p in points {
            let (x, y) = self.xy(p);
            self.f(10, x);
            self.f(20, y);
        }
    }

    fn circle(&mut self, layer: Layer, pen: Pen, centre: Pt, radius: f64) {
        self.entity("CIRCLE", layer, pen, "AcDbCircle");
        self.point(10, centre);
        self.f(40, radius);
    }

    /// An arc of the drawing (y down, `sweep_deg` positive clockwise on screen) as a DXF
    /// ARC (y up, counter-clockwise from start to end).
    fn arc(&mut self, layer: Layer, pen: Pen, centre: Pt, radius: f64, start: f64, sweep: f64) {
        if sweep.abs() >= 360.0 {
            self.circle(layer, pen, centre, radius);
            return;
        }
        // Angle a (y down) is −a (y up): the arc runs from −start to −start−sweep.
        let (a0, a1) = (-start, -start - sweep);
        let (from, to) = if sweep > 0.0 { (a1, a0) } else { (a0, a1) };
        self.entity("ARC", layer, pen, "AcDbCircle");
        self.point(10, centre);
        self.f(40, radius);
        if self.modern {
            self.pair(100, "AcDbArc");
        }
        self.f(50, from.rem_euclid(360.0));
        self.f(51, to.rem_euclid(360.0));
    }

    fn ellipse(&mut self, layer: Layer, pen: Pen, centre: Pt, rx: f64, ry: f64, angle: f64) {
        let a = angle.to_radians();
        let (u, v) = (
            Pt::new(a.cos(), a.sin()),
            Pt::new(-a.sin(), a.cos()), // a quarter turn on, y down
        );
        if !self.modern {
            let points: Vec<Pt> = (0..ELLIPSE_SEGMENTS)
                .map(|k| {
                    let t = std::f64::consts::TAU * k as f64 / ELLIPSE_SEGMENTS as f64;
                    let (s, c) = t.sin_cos();
                    Pt::new(
                        centre.x + u.x * rx * c + v.x * ry * s,
                        centre.y + u.y * rx * c + v.y * ry * s,
                    )
                })
                .collect();
            self.polyline(layer, pen, &points, true);
            return;
        }
        let (major, axis, minor) = if rx >= ry { (rx, u, ry) } else { (ry, v, rx) };
        if major <= 0.0 {
            return;
        }
        self.entity("ELLIPSE", layer, pen, "AcDbEllipse");
        self.point(10, centre);
        // The major axis's end relative to the centre, y up.
        self.f(11, axis.x * major);
        self.f(21, -axis.y * major);
        self.f(31, 0.0);
        self.f(40, minor / major);
        self.f(41, 0.0);
        self.f(42, std::f64::consts::TAU);
    }

    /// A TEXT centred vertically on its point, anchored horizontally as the drawing says.
    fn text(&mut self, layer: Layer, pen: Pen, t: &Text) {
        let value = text_value(&t.text, self.modern);
        if value.trim().is_empty() {
            return;
        }
        self.entity("TEXT", layer, pen, "AcDbText");
        self.point(10, t.at);
        self.f(40, t.height);
        self.pair(1, &value);
        let rotation = (-t.angle_deg).rem_euclid(360.0);
        if rotation.is_finite() && rotation != 0.0 {
            self.f(50, rotation);
        }
        self.pair(7, "STANDARD");
        let horizontal = match t.anchor {
            Anchor::Start => "0",
            Anchor::Middle => "1",
            Anchor::End => "2",
        };
        self.pair(72, horizontal);
        self.point(11, t.at);
        if self.modern {
            self.pair(100, "AcDbText");
        }
        self.pair(73, "2");
    }

    fn mark(&mut self, layer: Layer, m: &Mark) {
        let pen = m.pen;
        match &m.shape {
            Shape::Line(s) => self.line(layer, pen, s.a, s.b),
            Shape::Polyline { points, closed } => self.polyline(layer, pen, points, *closed),
            Shape::Circle { centre, radius } => self.circle(layer, pen, *centre, *radius),
            Shape::Ellipse {
                centre,
                rx,
                ry,
                angle_deg,
            } => self.ellipse(layer, pen, *centre, *rx, *ry, *angle_deg),
            Shape::Arc {
                centre,
                radius,
                start_deg,
                sweep_deg,
            } => self.arc(layer, pen, *centre, *radius, *start_deg, *sweep_deg),
            Shape::Text(t) => self.text(layer, pen, t),
        }
    }

    /// Extension lines (from just off the measured point to just past the line), the line,
    /// a 45° tick at each end and the value, as the drawing's SVG draws them.
    fn dimension(&mut self, d: &Dimension, scale: f64) {
        let layer = Layer::Dimension;
        let k = |paper_mm: f64| paper_mm * scale;
        let unit = |v: Pt| {
            let len = v.x.hypot(v.y);
            (len > 0.0).then(|| Pt::new(v.x / len, v.y / len))
        };
        for (p, q) in [(d.from, d.line_from), (d.to, d.line_to)] {
            if let Some(dir) = unit(Pt::new(q.x - p.x, q.y - p.y)) {
                let off = k(1.5);
                self.line(
                    layer,
                    Pen::Thin,
                    Pt::new(p.x + dir.x * off, p.y + dir.y * off),
                    Pt::new(q.x + dir.x * off, q.y + dir.y * off),
                );
            }
        }
        let (a, b) = (d.line_from, d.line_to);
        self.line(layer, Pen::Thin, a, b);
        if let Some(along) = unit(Pt::new(b.x - a.x, b.y - a.y)) {
            if let Some(t) = unit(Pt::new(along.x + along.y, along.y - along.x)) {
                let t = Pt::new(t.x * k(1.0), t.y * k(1.0));
                for p in [a, b] {
                    self.line(
                        layer,
                        Pen::Medium,
                        Pt::new(p.x - t.x, p.y - t.y),
                        Pt::new(p.x + t.x, p.y + t.y),
                    );
                }
            }
        }
        self.text(layer, Pen::Thin, &d.text);
    }

    /// One storey's entities, layer by layer.
    fn sheet(&mut self, sheet: &Sheet) {
        self.dx = sheet.dx;
        let d = &sheet.drawing;
        let scale = f64::from(d.scale.denominator());
        for (layer, _, _) in LAYERS {
            match layer {
                Layer::Axis => {
                    for g in d.grid.iter().filter(|g| g.carries_walls) {
                        self.line(layer, Pen::Thin, g.line.a, g.line.b);
                        if let Some(l) = &g.label {
                            self.circle(layer, Pen::Thin, l.centre, l.radius);
                            self.text(
                                layer,
                                Pen::Thin,
                                &Text {
                                    at: l.centre,
                                    text: l.text.clone(),
                                    height: l.height,
                                    angle_deg: 0.0,
                                    anchor: Anchor::Middle,
                                },
                            );
                        }
                    }
                }
                Layer::WallCentre => {
                    for c in &d.wall_centres {
                        self.line(layer, Pen::Thin, c.a, c.b);
                    }
                }
                Layer::Wall => {
                    for shape in &d.wall_outline {
                        self.mark(
                            layer,
                            &Mark {
                                pen: Pen::Thick,
                                shape: shape.clone(),
                            },
                        );
                    }
                }
                Layer::Opening => {
                    for m in d.openings.iter().flat_map(|o| &o.marks) {
                        self.mark(layer, m);
                    }
                }
                Layer::Fixture => {
                    for m in d.fixtures.iter().flat_map(|f| &f.marks) {
                        self.mark(layer, m);
                    }
                }
                Layer::RoomName => {
                    for line in d.labels.iter().flat_map(|l| &l.lines) {
                        self.text(
                            layer,
                            Pen::Thin,
                            &Text {
                                at: line.at,
                                text: line.text.clone(),
                                height: line.height,
                                angle_deg: 0.0,
                                anchor: Anchor::Middle,
                            },
                        );
                    }
                }
                Layer::Dimension => {
                    for dim in &d.dimensions {
                        self.dimension(dim, scale);
                    }
                }
                // Exported drawings are not marked against an earlier state.
                Layer::Renovation => {}
                Layer::Annotation => {
                    for m in &d.annotations {
                        match &m.shape {
                            // The drawing's title names the storey; the export's says
                            // 「n階平面図」, which the importer orders storeys by.
                            Shape::Text(t) if t.text.contains("平面図") => {
                                let title = Text {
                                    text: sheet.title.clone(),
                                    ..t.clone()
                                };
                                self.text(layer, m.pen, &title);
                            }
                            _ => self.mark(layer, m),
                        }
                    }
                }
            }
        }
    }

    /// The HEADER section.
    fn header(&self, lo: Pt, hi: Pt, scale: f64) -> String {
        let mut h = Writer::new(self.modern);
        h.section("HEADER");
        h.pair(9, "$ACADVER");
        h.pair(1, if self.modern { "AC1021" } else { "AC1009" });
        h.pair(9, "$DWGCODEPAGE");
        h.pair(3, "ANSI_932");
        h.pair(9, "$INSBASE");
        for (code, v) in [(10, 0.0), (20, 0.0), (30, 0.0)] {
            h.f(code, v);
        }
        h.pair(9, "$EXTMIN");
        for (code, v) in [(10, lo.x), (20, lo.y), (30, 0.0)] {
            h.f(code, v);
        }
        h.pair(9, "$EXTMAX");
        for (code, v) in [(10, hi.x), (20, hi.y), (30, 0.0)] {
            h.f(code, v);
        }
        h.pair(9, "$LTSCALE");
        h.f(40, scale);
        h.pair(9, "$MEASUREMENT");
        h.pair(70, "1");
        h.pair(9, "$INSUNITS");
        h.pair(70, "4");
        if self.modern {
            h.pair(9, "$HANDSEED");
            h.hex(5, self.handle);
        }
        h.pair(0, "ENDSEC");
        h.text
    }

    /// Starts a table (R2007: with its handle and subclass).
    fn table(&mut self, name: &str, own: u32, count: usize) {
        self.pair(0, "TABLE");
        self.pair(2, name);
        if self.modern {
            self.hex(5, own);
            self.pair(330, "0");
            self.pair(100, "AcDbSymbolTable");
        }
        self.int(70, count as i64);
    }

    /// Starts a table record (R2007: handle, owner, subclasses).
    fn record(&mut self, kind: &str, table: u32, subclass: &str, handle_code: i32) -> u32 {
        self.pair(0, kind);
        let h = self.next_handle();
        if self.modern {
            self.hex(handle_code, h);
            self.hex(330, table);
            self.pair(100, "AcDbSymbolTableRecord");
            self.pair(100, subclass);
        }
        h
    }

    /// TABLES (and in R2007 CLASSES before it and BLOCKS after it), then OBJECTS.
    fn structure(&mut self, lo: Pt, hi: Pt, scale: f64) -> Structure {
        let modern = self.modern;
        if modern {
            self.section("CLASSES");
            self.pair(0, "ENDSEC");
        }
        self.section("TABLES");

        // VPORT: the view opens on the whole drawing.
        self.table("VPORT", handle::VPORT_TABLE, 1);
        self.record("VPORT", handle::VPORT_TABLE, "AcDbViewportTableRecord", 5);
        self.pair(2, "*ACTIVE");
        self.pair(70, "0");
        let (w, h) = ((hi.x - lo.x).max(1.0), (hi.y - lo.y).max(1.0));
        for (code, v) in [
            (10, 0.0),
            (20, 0.0),
            (11, 1.0),
            (21, 1.0),
            (12, (lo.x + hi.x) / 2.0),
            (22, (lo.y + hi.y) / 2.0),
            (13, 0.0),
            (23, 0.0),
            (14, 10.0),
            (24, 10.0),
            (15, 10.0),
            (25, 10.0),
            (16, 0.0),
            (26, 0.0),
            (36, 1.0),
            (17, 0.0),
            (27, 0.0),
            (37, 0.0),
            (40, h * 1.1),
            (41, w / h),
            (42, 50.0),
            (43, 0.0),
            (44, 0.0),
            (50, 0.0),
            (51, 0.0),
        ] {
            self.f(code, v);
        }
        for (code, v) in [
            (71, 0),
            (72, 100),
            (73, 1),
            (74, 3),
            (75, 0),
            (76, 0),
            (77, 0),
            (78, 0),
        ] {
            self.int(code, v);
        }
        self.pair(0, "ENDTAB");

        // LTYPE: ByBlock, ByLayer (R2007), CONTINUOUS and CENTER (一点鎖線: 8, 1, 0.5, 1 mm
        // on paper, scaled by $LTSCALE).
        let mut linetypes: Vec<(&str, &str, Vec<f64>)> = Vec::new();
        if modern {
            linetypes.push(("ByBlock", "", Vec::new()));
            linetypes.push(("ByLayer", "", Vec::new()));
        }
        linetypes.push(("CONTINUOUS", "Solid line", Vec::new()));
        linetypes.push((
            "CENTER",
            "Center ____ _ ____ _ ____",
            vec![8.0, -1.0, 0.5, -1.0],
        ));
        self.table("LTYPE", handle::LTYPE_TABLE, linetypes.len());
        for (name, description, pattern) in &linetypes {
            self.record("LTYPE", handle::LTYPE_TABLE, "AcDbLinetypeTableRecord", 5);
            self.pair(2, name);
            self.pair(70, "0");
            self.pair(3, description);
            self.pair(72, "65");
            self.int(73, pattern.len() as i64);
            self.f(40, pattern.iter().map(|v| v.abs()).sum());
            for &v in pattern {
                self.f(49, v);
                if modern {
                    self.pair(74, "0");
                }
            }
        }
        self.pair(0, "ENDTAB");

        // LAYER: 0 and the layers by meaning.
        self.table("LAYER", handle::LAYER_TABLE, LAYERS.len() + 1);
        let layers = std::iter::once(("0", 7, "CONTINUOUS"))
            .chain(LAYERS.iter().map(|&(l, c, t)| (l.ja(), c, t)));
        for (name, colour, linetype) in layers {
            self.record("LAYER", handle::LAYER_TABLE, "AcDbLayerTableRecord", 5);
            self.pair(2, name);
            self.pair(70, "0");
            self.int(62, i64::from(colour));
            self.pair(6, linetype);
            if modern {
                self.pair(370, "-3");
            }
        }
        self.pair(0, "ENDTAB");

        // STYLE: STANDARD with a Japanese font (R12: a big font for double-byte text).
        self.table("STYLE", handle::STYLE_TABLE, 1);
        self.record("STYLE", handle::STYLE_TABLE, "AcDbTextStyleTableRecord", 5);
        self.pair(2, "STANDARD");
        self.pair(70, "0");
        self.f(40, 0.0);
        self.f(41, 1.0);
        self.f(50, 0.0);
        self.pair(71, "0");
        self.f(42, scale * paper::ROOM_NAME_MM);
        if modern {
            self.pair(3, "msgothic.ttc");
            self.pair(4, "");
        } else {
            self.pair(3, "txt");
            self.pair(4, "extfont2");
        }
        self.pair(0, "ENDTAB");

        self.table("VIEW", handle::VIEW_TABLE, 0);
        self.pair(0, "ENDTAB");
        self.table("UCS", handle::UCS_TABLE, 0);
        self.pair(0, "ENDTAB");
        self.table("APPID", handle::APPID_TABLE, 1);
        self.record("APPID", handle::APPID_TABLE, "AcDbRegAppTableRecord", 5);
        self.pair(2, "ACAD");
        self.pair(70, "0");
        self.pair(0, "ENDTAB");
        self.table("DIMSTYLE", handle::DIMSTYLE_TABLE, 1);
        if modern {
            self.pair(100, "AcDbDimStyleTable");
        }
        self.record(
            "DIMSTYLE",
            handle::DIMSTYLE_TABLE,
            "AcDbDimStyleTableRecord",
            105,
        );
        self.pair(2, "STANDARD");
        self.pair(70, "0");
        self.pair(0, "ENDTAB");

        if modern {
            self.table("BLOCK_RECORD", handle::BLOCK_RECORD_TABLE, 2);
            for (name, own) in [
                ("*Model_Space", handle::MODEL_SPACE),
                ("*Paper_Space", handle::PAPER_SPACE),
            ] {
                self.pair(0, "BLOCK_RECORD");
                self.hex(5, own);
                self.hex(330, handle::BLOCK_RECORD_TABLE);
                self.pair(100, "AcDbSymbolTableRecord");
                self.pair(100, "AcDbBlockTableRecord");
                self.pair(2, name);
                self.pair(70, "0");
                self.pair(280, "1");
                self.pair(281, "0");
            }
            self.pair(0, "ENDTAB");
        }
        self.pair(0, "ENDSEC");

        if modern {
            self.section("BLOCKS");
            for (name, own, paper_space) in [
                ("*Model_Space", handle::MODEL_SPACE, false),
                ("*Paper_Space", handle::PAPER_SPACE, true),
            ] {
                self.pair(0, "BLOCK");
                let h = self.next_handle();
                self.hex(5, h);
                self.hex(330, own);
                self.pair(100, "AcDbEntity");
                if paper_space {
                    self.pair(67, "1");
                }
                self.pair(8, "0");
                self.pair(100, "AcDbBlockBegin");
                self.pair(2, name);
                self.pair(70, "0");
                for code in [10, 20, 30] {
                    self.f(code, 0.0);
                }
                self.pair(3, name);
                self.pair(1, "");
                self.pair(0, "ENDBLK");
                let h = self.next_handle();
                self.hex(5, h);
                self.hex(330, own);
                self.pair(100, "AcDbEntity");
                if paper_space {
                    self.pair(67, "1");
                }
                self.pair(8, "0");
                self.pair(100, "AcDbBlockEnd");
            }
            self.pair(0, "ENDSEC");
        }
        let tables = std::mem::take(&mut self.text);

        if modern {
            self.section("OBJECTS");
            self.pair(0, "DICTIONARY");
            self.hex(5, handle::ROOT_DICTIONARY);
            self.pair(330, "0");
            self.pair(100, "AcDbDictionary");
            self.pair(281, "1");
            self.pair(3, "ACAD_GROUP");
            self.hex(350, handle::GROUP_DICTIONARY);
            self.pair(0, "DICTIONARY");
            self.hex(5, handle::GROUP_DICTIONARY);
            self.hex(330, handle::ROOT_DICTIONARY);
            self.pair(100, "AcDbDictionary");
            self.pair(281, "1");
            self.pair(0, "ENDSEC");
        }
        let objects = std::mem::take(&mut self.text);
        Structure { tables, objects }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_never_negative_zero() {
        assert_eq!(num(3640.0), "3640");
        assert_eq!(num(-0.0), "0");
        assert_eq!(num(-0.00001), "0");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(1.0 / 3.0), "0.3333");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(f64::INFINITY), "0");
    }

    #[test]
    fn text_values_fit_their_encoding() {
        assert_eq!(text_value("洋室\n6帖", false), "洋室 6帖");
        assert_eq!(text_value("12.34㎡", false), "12.34㎡");
        // U+00E9 is not in Shift_JIS; U+20BB7 is beyond the BMP.
        assert_eq!(text_value("caf\u{e9}", false), "caf\\U+00E9");
        assert_eq!(text_value("\u{20BB7}野家", false), "〓野家");
        assert_eq!(text_value("caf\u{e9}\u{20BB7}", true), "caf\u{e9}\u{20BB7}");
    }
}
