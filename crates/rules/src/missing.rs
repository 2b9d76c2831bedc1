//! What the plan still lacks for a trustworthy check (入力不足), listed before the verdicts.
//!
//! Permit pre-checks find that most applications bounce for missing information, not for a
//! failed rule. Each item names the elements concerned (so the app can select them), says
//! what to enter, and lists the rules whose verdicts depend on it, so a verdict resting on a
//! missing input can say so.

use crate::profile::{Profile, RuleId};
use madori_plan::{OpeningKind, Plan, PointMm, RoomKind};
use serde::Serialize;

/// One kind of missing input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MissingKind {
    /// A room whose use is `other` (用途 未設定).
    RoomKind,
    /// A private room with no occupancy entered.
    Occupancy,
    /// A private room with no door on its walls.
    Door,
    /// No window anywhere in the plan.
    Windows,
    /// No ceiling height for a habitable room (neither the room's nor its storey's).
    CeilingHeight,
    /// No date for the start of building work (着工日), which decides 新耐震.
    ConstructionStart,
}

/// One missing input.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MissingInput {
    /// What is missing.
    pub kind: MissingKind,
    /// The rooms, storeys or openings concerned (empty for the whole plan).
    pub element_ids: Vec<String>,
    /// What is missing, in Japanese.
    pub message_ja: String,
    /// The same in English.
    pub message_en: String,
    /// Rules of the profile whose verdicts depend on it.
    pub affects: Vec<&'static str>,
}

/// The rules of `profile` among `rules`, by id.
fn affected(profile: &Profile, rules: &[RuleId]) -> Vec<&'static str> {
    rules
        .iter()
        .filter(|r| profile.has_rule(**r))
        .map(|r| r.as_str())
        .collect()
}

/// Whether the segment `a`–`b` lies on the outline (within 1 mm), so a door drawn on a
/// neighbour's side of a shared wall also serves this room.
fn on_outline(polygon: &[PointMm], a: (f64, f64), b: (f64, f64)) -> bool {
    let n = polygon.len();
    (0..n).any(|i| {
        let (p, q) = (polygon[i], polygon[(i + 1) % n]);
        let near = |pt: (f64, f64)| distance_to_segment_mm(pt, p, q) <= 1.0;
        near(a) && near(b)
    })
}

/// A point in world millimetres, as floats (an opening's ends fall between whole mm).
type Pt = (f64, f64);

/// Distance from `pt` to the segment `a`–`b`, mm.
fn distance_to_segment_mm(pt: (f64, f64), a: PointMm, b: PointMm) -> f64 {
    let (ax, ay, bx, by) = (a.x as f64, a.y as f64, b.x as f64, b.y as f64);
    let (dx, dy) = (bx - ax, by - ay);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((pt.0 - ax) * dx + (pt.1 - ay) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (pt.0 - ax - t * dx).hypot(pt.1 - ay - t * dy)
}

/// The end points of an opening on its room's edge, mm.
fn opening_segment(
    plan_polygon: &[PointMm],
    edge: usize,
    offset_mm: u32,
    width_mm: u32,
) -> Option<((f64, f64), (f64, f64))> {
    let n = plan_polygon.len();
    let (p, q) = (plan_polygon.get(edge)?, plan_polygon[(edge + 1) % n]);
    let (dx, dy) = ((q.x - p.x) as f64, (q.y - p.y) as f64);
    let len = dx.hypot(dy);
    if len <= 0.0 {
        return None;
    }
    let at = |d: f64| (p.x as f64 + dx * d / len, p.y as f64 + dy * d / len);
    Some((
        at(f64::from(offset_mm)),
        at(f64::from(offset_mm) + f64::from(width_mm)),
    ))
}

/// Everything the plan lacks for the checks of `profile`, in a stable order.
pub fn missing_inputs(plan: &Plan, profile: &Profile) -> Vec<MissingInput> {
    let mut out = Vec::new();
    let mut untyped = Vec::new();
    let mut no_occupancy = Vec::new();
    let mut no_door = Vec::new();
    let mut no_ceiling = Vec::new();
    let mut any_window = false;
    for storey in &plan.storeys {
        let doors: Vec<(&str, Pt, Pt)> = storey
            .openings
            .iter()
            .filter(|o| matches!(o.kind, OpeningKind::Door { .. }))
            .filter_map(|o| {
                let room = storey.rooms.iter().find(|r| r.id == o.room)?;
                let (a, b) = opening_segment(&room.polygon, o.edge, o.offset_mm, o.width_mm)?;
                Some((o.room.as_str(), a, b))
            })
            .collect();
        any_window |= storey
            .openings
            .iter()
            .any(|o| matches!(o.kind, OpeningKind::Window { .. }));
        for room in &storey.rooms {
            if room.kind == RoomKind::Other {
                untyped.push(room.id.clone());
            }
            if room.kind.is_habitable()
                && room.ceiling_height_mm.is_none()
                && storey.ceiling_height_mm.is_none()
            {
                no_ceiling.push(room.id.clone());
            }
            if room.kind != RoomKind::Private {
                continue;
            }
            if room.occupancy.is_none() {
                no_occupancy.push(room.id.clone());
            }
            // A door on the room's own edge serves it; otherwise look for a door drawn on a
            // neighbour's side of a shared wall (rare, so the slower test runs only then).
            let has_door = doors.iter().any(|(owner, _, _)| *owner == room.id)
                || doors
                    .iter()
                    .any(|&(_, a, b)| on_outline(&room.polygon, a, b));
            if !has_door {
                no_door.push(room.id.clone());
            }
        }
    }
    let mut push = |kind, ids: Vec<String>, ja: String, en: String, rules: &[RuleId]| {
        out.push(MissingInput {
            kind,
            element_ids: ids,
            message_ja: ja,
            message_en: en,
            affects: affected(profile, rules),
        });
    };
    if !untyped.is_empty() {
        let n = untyped.len();
        push(
            MissingKind::RoomKind,
            untyped,
            format!(
                "用途が「その他」の部屋が {n} 室あります: 居室・水回りなどの用途を選んでください"
            ),
            format!(
                "{} marked \"other\": choose what each is used for",
                crate::capacity::plural(n as u32, "room is", "rooms are")
            ),
            &[
                RuleId::ShCommon,
                RuleId::BsDaylight,
                RuleId::BsVent,
                RuleId::BsEmergencyLight,
            ],
        );
    }
    if !no_occupancy.is_empty() {
        let n = no_occupancy.len();
        push(
            MissingKind::Occupancy,
            no_occupancy,
            format!("入居者が未入力の専用居室が {n} 室あります (空室として扱います)"),
            format!(
                "{} without occupancy (treated as vacant)",
                crate::capacity::plural(n as u32, "private room", "private rooms")
            ),
            &[
                RuleId::ShArea,
                RuleId::ShSanitary,
                RuleId::SpArea,
                RuleId::SpSanitary,
                RuleId::LaMin,
                RuleId::LaUrban,
                RuleId::LaGeneral,
            ],
        );
    }
    if !no_door.is_empty() {
        let n = no_door.len();
        push(
            MissingKind::Door,
            no_door,
            format!("扉のない専用居室が {n} 室あります: 出入口と施錠を確認できません"),
            format!(
                "{} without a door: access and locking cannot be checked",
                crate::capacity::plural(n as u32, "private room", "private rooms")
            ),
            &[RuleId::ShGuidePrivacy],
        );
    }
    if !any_window {
        push(
            MissingKind::Windows,
            Vec::new(),
            "窓が一つも入力されていません: 採光・換気・外窓を判定できません".into(),
            "no window is entered: daylight, ventilation and outside windows cannot be checked"
                .into(),
            &[RuleId::BsDaylight, RuleId::BsVent, RuleId::ShGuidePrivacy],
        );
    }
    if !no_ceiling.is_empty() {
        let n = no_ceiling.len();
        push(
            MissingKind::CeilingHeight,
            no_ceiling,
            format!("天井高が未入力の居室が {n} 室あります"),
            format!(
                "{} without a ceiling height",
                crate::capacity::plural(n as u32, "habitable room", "habitable rooms")
            ),
            &[RuleId::BsCeiling],
        );
    }
    let dwelling = &plan.dwelling;
    if dwelling.construction_started.is_none() && dwelling.seismic_assessment_passed.is_none() {
        push(
            MissingKind::ConstructionStart,
            Vec::new(),
            "着工日 (建築工事の着手日) が未入力です: 新耐震 (1981-06-01 以降の着工) か判定できません".into(),
            "the date building work started is not entered: whether the 1981 seismic code applies cannot be decided".into(),
            &[RuleId::SnSeismic],
        );
    }
    out
}
