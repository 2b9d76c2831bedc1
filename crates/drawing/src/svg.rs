//! The drawing as an SVG sheet whose user unit is the plan millimetre and whose `width` and
//! `height` are paper millimetres (`extent / scale`), so a sheet printed at 100 % is exactly
//! to scale: a 3640 mm wall is 36.4 mm long on paper at 1:100.
//!
//! Each layer is a `<g class="layer-…" data-layer="壁…">`. Line weights follow [`Pen`]
//! (太線 0.5 mm for wall outlines, 中線 0.25 mm, 細線 0.13 mm) converted to plan mm, and
//! text heights are paper mm converted the same way. Text uses the system's Japanese fonts
//! (Hiragino Sans, Yu Gothic, Noto Sans CJK JP, IPAGothic, then any sans-serif).

use crate::geom::{add, mul, sub, unit};
use crate::{Anchor, Dimension, Drawing, Layer, Mark, Pen, Pt, Segment, Shape, Text, WallKind};
use std::fmt::Write;

/// The font stack for every text of a sheet.
pub const FONT_FAMILY: &str =
    "'Hiragino Sans','Yu Gothic','Noto Sans CJK JP','IPAGothic',sans-serif";

/// How the sheet is written.
#[derive(Clone, Debug, PartialEq)]
pub struct SvgOptions {
    /// Layers left out.
    pub hidden: Vec<Layer>,
    /// The fill of wall bodies (a CSS colour).
    pub wall_fill: String,
    /// A background colour, or none for a transparent sheet.
    pub background: Option<String>,
}

impl Default for SvgOptions {
    fn default() -> Self {
        Self {
            hidden: Vec::new(),
            wall_fill: "#b8b8b8".into(),
            background: Some("#ffffff".into()),
        }
    }
}

/// A number for an attribute: rounded to 0.01, no trailing zeros (`36.4`, `3640`). Written
/// digit by digit: float formatting would dominate the time of a large sheet.
fn num(v: f64) -> String {
    let hundredths = (v * 100.0).round();
    if !hundredths.is_finite() || hundredths.abs() >= 9e15 {
        return "0".into();
    }
    let n = hundredths as i64;
    let (whole, frac) = (n.unsigned_abs() / 100, n.unsigned_abs() % 100);
    let sign = if n < 0 { "-" } else { "" };
    match frac {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}

/// Text made safe inside SVG or HTML elements and quoted attributes (the printed sheets'
/// HTML uses it too). `'` becomes `&#39;`, which XML and every HTML read alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Writes a drawing as an SVG document.
pub fn svg(drawing: &Drawing, options: &SvgOptions) -> String {
    let scale = f64::from(drawing.scale.denominator());
    let e = drawing.extent;
    let mut s = String::with_capacity(64 * 1024);
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}mm" height="{}mm" viewBox="{} {} {} {}" font-family="{FONT_FAMILY}" data-scale="1:{}">"#,
        e.width() / scale,
        e.height() / scale,
        num(e.min.x),
        num(e.min.y),
        num(e.width()),
        num(e.height()),
        drawing.scale.denominator(),
    );
    if let Some(bg) = &options.background {
        let _ = write!(
            s,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
            num(e.min.x),
            num(e.min.y),
            num(e.width()),
            num(e.height()),
            escape(bg)
        );
    }
    let w = |pen: Pen| num(pen.paper_mm() * scale);
    for layer in Layer::ALL {
        if options.hidden.contains(&layer) {
            continue;
        }
        let _ = write!(
            s,
            r##"<g class="layer-{}" data-layer="{}" fill="none" stroke="#000" stroke-width="{}">"##,
            layer.id(),
            layer.ja(),
            w(Pen::Thin)
        );
        match layer {
            Layer::Axis => {
                for g in &drawing.grid {
                    let style = if g.carries_walls {
                        format!(
                            r##" stroke="#666" stroke-dasharray="{} {} {} {}""##,
                            num(8.0 * scale),
                            num(1.0 * scale),
                            num(0.5 * scale),
                            num(1.0 * scale)
                        )
                    } else {
                        format!(r##" stroke="#ccc" stroke-width="{}""##, num(0.08 * scale))
                    };
                    let _ = write!(s, "{}", line_el(&g.line, &style));
                    if let Some(l) = &g.label {
                        let _ = write!(
                            s,
                            r#"<circle cx="{}" cy="{}" r="{}"/>"#,
                            num(l.centre.x),
                            num(l.centre.y),
                            num(l.radius)
                        );
                        s.push_str(&text_el(&Text {
                            at: l.centre,
                            text: l.text.clone(),
                            height: l.height,
                            angle_deg: 0.0,
                            anchor: Anchor::Middle,
                        }));
                    }
                }
            }
            Layer::WallCentre => {
                let mut d = String::new();
                for c in &drawing.wall_centres {
                    let _ = write!(
                        d,
                        "M{} {}L{} {}",
                        num(c.a.x),
                        num(c.a.y),
                        num(c.b.x),
                        num(c.b.y)
                    );
                }
                let _ = write!(
                    s,
                    r##"<path d="{d}" stroke="#555" stroke-dasharray="{} {} {} {}"/>"##,
                    num(6.0 * scale),
                    num(1.0 * scale),
                    num(0.5 * scale),
                    num(1.0 * scale)
                );
            }
            Layer::Renovation => {
                // Taken out: the wall's outline dashed, no fill. New: outlined and hatched.
                let (mut removed, mut added, mut hatch) =
                    (String::new(), String::new(), String::new());
                for r in &drawing.renovation {
                    if r.added {
                        path_points(&mut added, &r.outline, true);
                        for h in &r.hatch {
                            let _ = write!(
                                hatch,
                                "M{} {}L{} {}",
                                num(h.a.x),
                                num(h.a.y),
                                num(h.b.x),
                                num(h.b.y)
                            );
                        }
                    } else {
                        path_points(&mut removed, &r.outline, true);
                    }
                }
                if !removed.is_empty() {
                    let _ = write!(
                        s,
                        r##"<path class="wall-removed" d="{removed}" fill="#fff" stroke-width="{}" stroke-dasharray="{} {}"/>"##,
                        w(Pen::Medium),
                        num(2.0 * scale),
                        num(1.0 * scale)
                    );
                }
                if !added.is_empty() {
                    let _ = write!(
                        s,
                        r##"<path class="wall-added" d="{added}" fill="#fff" stroke-width="{}"/><path class="wall-added-hatch" d="{hatch}"/>"##,
                        w(Pen::Medium)
                    );
                }
            }
            Layer::Wall => {
                let mut solid = String::new();
                let mut parapet = String::new();
                for b in &drawing.walls {
                    let d = if b.kind == WallKind::Balcony {
                        &mut parapet
                    } else {
                        &mut solid
                    };
                    path_points(d, &b.polygon, true);
                }
                let fill = escape(&options.wall_fill);
                let _ = write!(
                    s,
                    r#"<path d="{solid}" fill="{fill}" stroke="{fill}" stroke-width="{}"/>"#,
                    num(0.05 * scale)
                );
                if !parapet.is_empty() {
                    // A balcony's parapet is drawn lighter than the building's walls.
                    let _ = write!(s, r##"<path d="{parapet}" fill="#e4e4e4" stroke="none"/>"##);
                }
                let mut d = String::new();
                for o in &drawing.wall_outline {
                    if let Shape::Polyline { points, closed } = o {
                        path_points(&mut d, points, *closed);
                    }
                }
                let _ = write!(
                    s,
                    r#"<path d="{d}" stroke-width="{}" stroke-linejoin="miter" stroke-miterlimit="8"/>"#,
                    w(Pen::Thick)
                );
            }
            Layer::Opening => {
                for o in &drawing.openings {
                    let _ = write!(s, r#"<g data-opening="{}">"#, escape(&o.id));
                    for m in &o.marks {
                        s.push_str(&mark_el(m, scale));
                    }
                    s.push_str("</g>");
                }
            }
            Layer::Fixture => {
                for f in &drawing.fixtures {
                    let _ = write!(s, r#"<g data-fixture="{}">"#, escape(&f.id));
                    for m in &f.marks {
                        s.push_str(&mark_el(m, scale));
                    }
                    s.push_str("</g>");
                }
            }
            Layer::RoomName => {
                for l in &drawing.labels {
                    let _ = write!(s, r#"<g data-room="{}">"#, escape(&l.room));
                    for line in &l.lines {
                        s.push_str(&text_el(&Text {
                            at: line.at,
                            text: line.text.clone(),
                            height: line.height,
                            angle_deg: 0.0,
                            anchor: Anchor::Middle,
                        }));
                    }
                    s.push_str("</g>");
                }
            }
            Layer::Dimension => {
                for d in &drawing.dimensions {
                    dimension_el(&mut s, d, scale);
                }
            }
            Layer::Annotation => {
                for m in &drawing.annotations {
                    s.push_str(&mark_el(m, scale));
                }
            }
        }
        s.push_str("</g>");
    }
    s.push_str("</svg>");
    s
}

fn path_points(d: &mut String, points: &[Pt], closed: bool) {
    for (i, p) in points.iter().enumerate() {
        let _ = write!(
            d,
            "{}{} {}",
            if i == 0 { 'M' } else { 'L' },
            num(p.x),
            num(p.y)
        );
    }
    if closed && !points.is_empty() {
        d.push('Z');
    }
}

fn line_el(l: &Segment, extra: &str) -> String {
    format!(
        r#"<line x1="{}" y1="{}" x2="{}" y2="{}"{extra}/>"#,
        num(l.a.x),
        num(l.a.y),
        num(l.b.x),
        num(l.b.y)
    )
}

fn text_el(t: &Text) -> String {
    let anchor = match t.anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    };
    let rotate = if t.angle_deg.abs() > 1e-9 {
        format!(
            r#" transform="rotate({} {} {})""#,
            num(t.angle_deg),
            num(t.at.x),
            num(t.at.y)
        )
    } else {
        String::new()
    };
    format!(
        r##"<text x="{}" y="{}" font-size="{}" text-anchor="{anchor}" dominant-baseline="central" fill="#000" stroke="none"{rotate}>{}</text>"##,
        num(t.at.x),
        num(t.at.y),
        num(t.height),
        escape(&t.text)
    )
}

fn mark_el(m: &Mark, scale: f64) -> String {
    let sw = num(m.pen.paper_mm() * scale);
    let fill = if m.pen == Pen::Fill { "#000" } else { "none" };
    let style = format!(r#" stroke-width="{sw}" fill="{fill}""#);
    match &m.shape {
        Shape::Line(l) => line_el(l, &format!(r#" stroke-width="{sw}""#)),
        Shape::Polyline { points, closed } => {
            let pts: Vec<String> = points
                .iter()
                .map(|p| format!("{},{}", num(p.x), num(p.y)))
                .collect();
            format!(
                r#"<{} points="{}"{style}/>"#,
                if *closed { "polygon" } else { "polyline" },
                pts.join(" ")
            )
        }
        Shape::Circle { centre, radius } => format!(
            r#"<circle cx="{}" cy="{}" r="{}"{style}/>"#,
            num(centre.x),
            num(centre.y),
            num(*radius)
        ),
        Shape::Ellipse {
            centre,
            rx,
            ry,
            angle_deg,
        } => format!(
            r#"<ellipse cx="{}" cy="{}" rx="{}" ry="{}" transform="rotate({} {} {})"{style}/>"#,
            num(centre.x),
            num(centre.y),
            num(*rx),
            num(*ry),
            num(*angle_deg),
            num(centre.x),
            num(centre.y)
        ),
        Shape::Arc {
            centre,
            radius,
            start_deg,
            sweep_deg,
        } => {
            let at = |deg: f64| {
                let a = deg.to_radians();
                Pt::new(centre.x + radius * a.cos(), centre.y + radius * a.sin())
            };
            let (p, q) = (at(*start_deg), at(start_deg + sweep_deg));
            format!(
                r#"<path d="M{} {}A{} {} 0 {} {} {} {}"{style}/>"#,
                num(p.x),
                num(p.y),
                num(*radius),
                num(*radius),
                u8::from(sweep_deg.abs() > 180.0),
                u8::from(*sweep_deg > 0.0),
                num(q.x),
                num(q.y)
            )
        }
        Shape::Text(t) => text_el(t),
    }
}

/// Extension lines (from just off the measured point to just past the line), the line, a
/// 45° tick at each end, and the value.
fn dimension_el(s: &mut String, d: &Dimension, scale: f64) {
    let k = |paper: f64| paper * scale;
    let mut path = String::new();
    for (p, q) in [(d.from, d.line_from), (d.to, d.line_to)] {
        let dir = unit(sub(q, p));
        if dir == Pt::default() {
            continue;
        }
        let (a, b) = (add(p, mul(dir, k(1.5))), add(q, mul(dir, k(1.5))));
        let _ = write!(path, "M{} {}L{} {}", num(a.x), num(a.y), num(b.x), num(b.y));
    }
    let (a, b) = (d.line_from, d.line_to);
    let _ = write!(path, "M{} {}L{} {}", num(a.x), num(a.y), num(b.x), num(b.y));
    let _ = write!(s, r#"<path d="{path}"/>"#);
    let along = unit(sub(b, a));
    let tick = mul(unit(Pt::new(along.x + along.y, along.y - along.x)), k(1.0));
    let mut ticks = String::new();
    for p in [a, b] {
        let (t0, t1) = (sub(p, tick), add(p, tick));
        let _ = write!(
            ticks,
            "M{} {}L{} {}",
            num(t0.x),
            num(t0.y),
            num(t1.x),
            num(t1.y)
        );
    }
    let _ = write!(
        s,
        r#"<path d="{ticks}" stroke-width="{}"/>"#,
        num(Pen::Medium.paper_mm() * scale)
    );
    s.push_str(&text_el(&d.text));
}
