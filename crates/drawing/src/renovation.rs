//! 改修: a proposal's 平面図 marked against the state it changes, as renovation drawings
//! are: walls taken out (撤去) outlined dashed where they stood, new walls (新設) outlined and
//! hatched at 45°.
//!
//! Which walls are meant is `madori_rules::changes` (the stretches of wall-centre line one
//! plan has and the other has not), so the printed marks, the change list and the marks on
//! screen agree. Each mark is as thick as the wall it marks: a new wall's body in this
//! drawing, a removed wall's body in the drawing of the state before.

use crate::geom::{add, mul, perp, sub, unit};
use crate::walls::{self, WallBody};
use crate::{Drawing, Pt, Rect, Segment};
use madori_plan::Plan;
use madori_rules::changes::{change_list, ChangeKind};

/// Hatch spacing on paper, mm, measured along the wall.
pub const HATCH_SPACING_MM: f64 = 1.5;

/// Thickness used when no wall body is found for a stretch, mm (a timber partition).
const FALLBACK_THICKNESS_MM: f64 = 120.0;

/// One wall taken out or added.
#[derive(Clone, Debug, PartialEq)]
pub struct RenovationWall {
    /// The stretch of wall-centre line.
    pub centre: Segment,
    /// Whether it is new (otherwise taken out).
    pub added: bool,
    /// The wall's outline at its thickness (closed, four corners).
    pub outline: Vec<Pt>,
    /// Hatch lines inside the outline (new walls only).
    pub hatch: Vec<Segment>,
}

/// Marks `drawing` (storey `storey` of `after`) with the walls `after` takes out of or adds
/// to `before`, on the same storey (by id).
pub fn mark(drawing: &mut Drawing, before: &Plan, after: &Plan) {
    let Some(storey) = after.storeys.iter().find(|s| s.id == drawing.storey_id) else {
        return;
    };
    let old_bodies = before
        .storeys
        .iter()
        .find(|s| s.id == storey.id)
        .map(|s| walls::build(s, before.dwelling.construction).bodies)
        .unwrap_or_default();
    let spacing = drawing.scale.plan_mm(HATCH_SPACING_MM);
    let list = change_list(before, after);
    for change in list.changes.iter().filter(|c| c.storey == storey.id) {
        let (from, to, added) = match change.kind {
            ChangeKind::WallRemoved { from, to } => (from, to, false),
            ChangeKind::WallAdded { from, to } => (from, to, true),
            _ => continue,
        };
        let centre = Segment {
            a: from.into(),
            b: to.into(),
        };
        let bodies = if added { &drawing.walls } else { &old_bodies };
        let thickness = thickness_along(bodies, centre).unwrap_or(FALLBACK_THICKNESS_MM);
        let outline = outline(centre, thickness);
        let hatch = if added {
            hatch(centre, thickness, spacing)
        } else {
            Vec::new()
        };
        if let Some(r) = Rect::around(outline.iter().copied()) {
            let margin = drawing.scale.plan_mm(crate::paper::MARGIN_MM);
            drawing.extent = drawing.extent.union(&r.expanded(margin));
        }
        drawing.renovation.push(RenovationWall {
            centre,
            added,
            outline,
            hatch,
        });
    }
}

/// The thickness of the wall body whose centre line holds `centre` over some length.
fn thickness_along(bodies: &[WallBody], centre: Segment) -> Option<f64> {
    let u = unit(sub(centre.b, centre.a));
    bodies.iter().find_map(|body| {
        let c = body.centre?;
        let v = unit(sub(c.b, c.a));
        let parallel = (u.x * v.y - u.y * v.x).abs() < 1e-9;
        let off = sub(centre.a, c.a);
        let on_line = (off.x * v.y - off.y * v.x).abs() < 0.5;
        if !parallel || !on_line {
            return None;
        }
        // Overlap along the line.
        let t = |p: Pt| (p.x - c.a.x) * v.x + (p.y - c.a.y) * v.y;
        let (lo, hi) = (t(centre.a).min(t(centre.b)), t(centre.a).max(t(centre.b)));
        let overlap = hi.min(c.length()) - lo.max(0.0);
        (overlap > 0.5).then_some(f64::from(body.thickness_mm))
    })
}

/// The rectangle `thickness` wide around `centre`.
fn outline(centre: Segment, thickness: f64) -> Vec<Pt> {
    let n = mul(perp(unit(sub(centre.b, centre.a))), thickness / 2.0);
    vec![
        add(centre.a, n),
        add(centre.b, n),
        sub(centre.b, n),
        sub(centre.a, n),
    ]
}

/// 45° lines `spacing` apart along the wall, clipped to its rectangle: in the wall's frame
/// (`s` along it from `a`, `t` across it), the lines `s = t + c`.
fn hatch(centre: Segment, thickness: f64, spacing: f64) -> Vec<Segment> {
    let length = centre.length();
    let u = unit(sub(centre.b, centre.a));
    let n = perp(u);
    let h = thickness / 2.0;
    let at = |s: f64, t: f64| add(centre.a, add(mul(u, s), mul(n, t)));
    let mut out = Vec::new();
    if !spacing.is_finite() || spacing <= 0.0 || !length.is_finite() || length <= 0.0 {
        return out;
    }
    let mut c = -h + spacing / 2.0;
    // Bounded: a wall is at most the plan's coordinate range long.
    while c < length + h && out.len() < 100_000 {
        let (t0, t1) = ((-h).max(-c), h.min(length - c));
        if t1 > t0 {
            out.push(Segment {
                a: at(t0 + c, t0),
                b: at(t1 + c, t1),
            });
        }
        c += spacing;
    }
    out
}
