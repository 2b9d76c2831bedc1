//! Small float helpers on [`Pt`] for derived geometry (the plan's own predicates are exact
//! integer ones in `madori_plan::geometry`).

use crate::{Mark, Pt, Rect, Shape, Text};

pub(crate) fn add(a: Pt, b: Pt) -> Pt {
    Pt::new(a.x + b.x, a.y + b.y)
}

pub(crate) fn sub(a: Pt, b: Pt) -> Pt {
    Pt::new(a.x - b.x, a.y - b.y)
}

pub(crate) fn mul(a: Pt, k: f64) -> Pt {
    Pt::new(a.x * k, a.y * k)
}

pub(crate) fn dot(a: Pt, b: Pt) -> f64 {
    a.x * b.x + a.y * b.y
}

pub(crate) fn cross(a: Pt, b: Pt) -> f64 {
    a.x * b.y - a.y * b.x
}

/// The unit vector of `v` (zero stays zero).
pub(crate) fn unit(v: Pt) -> Pt {
    let len = v.x.hypot(v.y);
    if len > 0.0 {
        Pt::new(v.x / len, v.y / len)
    } else {
        Pt::default()
    }
}

/// `v` turned a quarter towards +y from +x (clockwise on screen).
pub(crate) fn perp(v: Pt) -> Pt {
    Pt::new(-v.y, v.x)
}

/// `origin + u·s + n·d`: a point in a local frame.
pub(crate) fn local(origin: Pt, u: Pt, n: Pt, s: f64, d: f64) -> Pt {
    Pt::new(origin.x + u.x * s + n.x * d, origin.y + u.y * s + n.y * d)
}

/// Twice the signed area of a polygon.
pub(crate) fn area2(points: &[Pt]) -> f64 {
    let n = points.len();
    (0..n).map(|i| cross(points[i], points[(i + 1) % n])).sum()
}

/// The angle of `v` in degrees, from +x towards +y.
pub(crate) fn angle_deg(v: Pt) -> f64 {
    v.y.atan2(v.x).to_degrees()
}

/// Whether `p` lies inside the polygon or on its boundary within `eps`.
pub(crate) fn inside_or_on(polygon: &[Pt], p: Pt, eps: f64) -> bool {
    let n = polygon.len();
    let mut inside = false;
    for i in 0..n {
        let (a, b) = (polygon[i], polygon[(i + 1) % n]);
        if distance2_to_segment(p, a, b) <= eps * eps {
            return true;
        }
        if (a.y > p.y) != (b.y > p.y) {
            let x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
            if p.x < x {
                inside = !inside;
            }
        }
    }
    inside
}

/// Distance from `p` to the segment `a–b`.
pub(crate) fn distance_to_segment(p: Pt, a: Pt, b: Pt) -> f64 {
    distance2_to_segment(p, a, b).sqrt()
}

/// The squared distance from `p` to the segment `a–b`.
pub(crate) fn distance2_to_segment(p: Pt, a: Pt, b: Pt) -> f64 {
    let ab = sub(b, a);
    let len2 = dot(ab, ab);
    let t = if len2 > 0.0 {
        (dot(sub(p, a), ab) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let q = add(a, mul(ab, t));
    (p.x - q.x).powi(2) + (p.y - q.y).powi(2)
}

/// Whether the segment `a–b` passes through the open interior of `r` (shrunk by `eps`).
pub(crate) fn segment_enters(a: Pt, b: Pt, r: &Rect, eps: f64) -> bool {
    let r = r.expanded(-eps);
    if r.width() <= 0.0 || r.height() <= 0.0 {
        return false;
    }
    // Liang–Barsky clipping against the closed rectangle, then the clipped chord's middle.
    let d = sub(b, a);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-d.x, a.x - r.min.x),
        (d.x, r.max.x - a.x),
        (-d.y, a.y - r.min.y),
        (d.y, r.max.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    if t0 > t1 {
        return false;
    }
    let m = add(a, mul(d, (t0 + t1) / 2.0));
    m.x > r.min.x && m.x < r.max.x && m.y > r.min.y && m.y < r.max.y
}

/// Whether the rectangle lies inside the polygon (touching its boundary is inside).
pub(crate) fn rect_inside(polygon: &[Pt], r: &Rect) -> bool {
    let corners = [
        r.min,
        Pt::new(r.max.x, r.min.y),
        r.max,
        Pt::new(r.min.x, r.max.y),
    ];
    let n = polygon.len();
    corners.iter().all(|&c| inside_or_on(polygon, c, 1e-6))
        && !(0..n).any(|i| segment_enters(polygon[i], polygon[(i + 1) % n], r, 1e-6))
}

/// The polygon's part on the side `dot(p, axis) ≤ limit` (or `≥` when `keep_above`),
/// Sutherland–Hodgman against one line.
pub(crate) fn clip(polygon: &[Pt], axis: Pt, limit: f64, keep_above: bool) -> Vec<Pt> {
    let side = |p: Pt| {
        let v = dot(p, axis) - limit;
        if keep_above {
            v
        } else {
            -v
        }
    };
    let n = polygon.len();
    let mut out = Vec::with_capacity(n + 2);
    for i in 0..n {
        let (p, q) = (polygon[i], polygon[(i + 1) % n]);
        let (sp, sq) = (side(p), side(q));
        if sp >= 0.0 {
            out.push(p);
        }
        if (sp >= 0.0) != (sq >= 0.0) {
            let t = sp / (sp - sq);
            let mut x = add(p, mul(sub(q, p), t));
            // On an axis-aligned line the crossing's coordinate is the limit itself, exactly.
            if axis.y == 0.0 {
                x.x = limit / axis.x;
            } else if axis.x == 0.0 {
                x.y = limit / axis.y;
            }
            out.push(x);
        }
    }
    out
}

/// Drops vertices repeated or lying on the line through their neighbours.
pub(crate) fn simplify(points: &mut Vec<Pt>) {
    let mut i = 0;
    while points.len() >= 3 && i < points.len() {
        let n = points.len();
        let (p, q, r) = (points[(i + n - 1) % n], points[i], points[(i + 1) % n]);
        let (a, b) = (sub(q, p), sub(r, q));
        let (la2, lb2) = (dot(a, a), dot(b, b));
        let same = la2 < 1e-18;
        let straight = cross(a, b).powi(2) <= 1e-18 * (la2 * lb2).max(1.0) && dot(a, b) >= 0.0;
        if same || straight {
            points.remove(i);
            i = i.saturating_sub(1);
        } else {
            i += 1;
        }
    }
}

/// An estimate of a text's width: whole-width characters (kana, kanji, ㎡) as wide as the
/// text is high, others 0.6 of it. Real widths depend on the font; the estimate errs wide.
pub(crate) fn text_width(text: &str, height: f64) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.6 } else { 1.0 })
        .sum::<f64>()
        * height
}

/// The box a text covers (its rotation taken into account).
pub(crate) fn text_bounds(t: &Text) -> Rect {
    let w = text_width(&t.text, t.height);
    let x0 = match t.anchor {
        crate::Anchor::Start => 0.0,
        crate::Anchor::Middle => -w / 2.0,
        crate::Anchor::End => -w,
    };
    let a = t.angle_deg.to_radians();
    let (u, n) = (Pt::new(a.cos(), a.sin()), Pt::new(-a.sin(), a.cos()));
    let h = t.height / 2.0;
    Rect::around([
        local(t.at, u, n, x0, -h),
        local(t.at, u, n, x0 + w, -h),
        local(t.at, u, n, x0, h),
        local(t.at, u, n, x0 + w, h),
    ])
    .unwrap_or(Rect {
        min: t.at,
        max: t.at,
    })
}

/// The box a shape covers (lines as their centre lines).
pub(crate) fn shape_bounds(s: &Shape) -> Rect {
    let point = |p: Pt| Rect { min: p, max: p };
    match s {
        Shape::Line(seg) => Rect::around([seg.a, seg.b]).unwrap_or(point(seg.a)),
        Shape::Polyline { points, .. } => {
            Rect::around(points.iter().copied()).unwrap_or(point(Pt::default()))
        }
        Shape::Circle { centre, radius } => Rect::centred(*centre, 2.0 * radius, 2.0 * radius),
        Shape::Ellipse { centre, rx, ry, .. } => {
            let r = rx.max(*ry);
            Rect::centred(*centre, 2.0 * r, 2.0 * r)
        }
        Shape::Arc {
            centre,
            radius,
            start_deg,
            sweep_deg,
        } => Rect::around((0..=8).map(|i| {
            let a = (start_deg + sweep_deg * f64::from(i) / 8.0).to_radians();
            Pt::new(centre.x + radius * a.cos(), centre.y + radius * a.sin())
        }))
        .unwrap_or(point(*centre)),
        Shape::Text(t) => text_bounds(t),
    }
}

/// The box a mark covers.
pub(crate) fn mark_bounds(m: &Mark) -> Rect {
    shape_bounds(&m.shape)
}

/// The box around several marks.
pub(crate) fn marks_bounds(marks: &[Mark]) -> Rect {
    marks
        .iter()
        .map(mark_bounds)
        .reduce(|a, b| a.union(&b))
        .unwrap_or(Rect {
            min: Pt::default(),
            max: Pt::default(),
        })
}
