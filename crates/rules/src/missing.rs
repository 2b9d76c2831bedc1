//! What the plan still lacks for a trustworthy check (入力不足), listed before the verdicts.
//!
//! Permit pre-checks find that most applications bounce for missing information, not for a
//! failed rule. Each item names the elements concerned (so the app can select them), says
//! what to enter, and lists the rules whose verdicts depend on it, so a verdict resting on a
//! missing input can say so.

use crate::facts::{Facts, PrivateRoom};
use crate::profile::{Profile, RuleId};
use madori_plan::{OpeningKind, RoomKind};
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
    /// A private room whose doors do not say whether they lock.
    DoorLock,
    /// No window anywhere in the plan.
    Windows,
    /// A window without a height.
    WindowHeight,
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

/// Everything the plan lacks for the checks of `profile`, in a stable order.
pub fn missing_inputs(facts: &Facts<'_>, profile: &Profile) -> Vec<MissingInput> {
    let plan = facts.plan;
    let mut untyped = Vec::new();
    let mut no_ceiling = Vec::new();
    let mut no_height = Vec::new();
    for storey in &plan.storeys {
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
        }
        no_height.extend(
            storey
                .openings
                .iter()
                .filter(|o| {
                    matches!(
                        o.kind,
                        OpeningKind::Window {
                            height_mm: None,
                            ..
                        }
                    )
                })
                .map(|o| o.id.clone()),
        );
    }
    let private = |keep: &dyn Fn(&PrivateRoom<'_>) -> bool| -> Vec<String> {
        facts
            .private_rooms
            .iter()
            .filter(|p| keep(p))
            .map(|p| p.room.id.clone())
            .collect()
    };
    let no_occupancy = private(&|p| p.room.occupancy.is_none());
    let no_door = private(&|p| !p.has_door);
    let unknown_lock = private(&|p| p.has_door && p.lockable.is_none());
    let mut out = Vec::new();
    let mut push = |kind, ids: Vec<String>, ja: String, en: String, rules: &[RuleId]| {
        out.push(MissingInput {
            kind,
            element_ids: ids,
            message_ja: ja,
            message_en: en,
            affects: affected(profile, rules),
        });
    };
    let rooms_en =
        |n: usize, what: &str| crate::report::plural(n as u32, what, &format!("{what}s"));
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
                rooms_en(n, "room")
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
                rooms_en(n, "private room")
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
                rooms_en(n, "private room")
            ),
            &[RuleId::ShGuidePrivacy],
        );
    }
    if !unknown_lock.is_empty() {
        let n = unknown_lock.len();
        push(
            MissingKind::DoorLock,
            unknown_lock,
            format!("扉の施錠が未入力の専用居室が {n} 室あります"),
            format!(
                "{} whose door lock is not entered",
                rooms_en(n, "private room")
            ),
            &[RuleId::ShGuidePrivacy],
        );
    }
    if !facts.any_window {
        push(
            MissingKind::Windows,
            Vec::new(),
            "窓が一つも入力されていません: 採光・換気・外窓を判定できません".into(),
            "no window is entered: daylight, ventilation and outside windows cannot be checked"
                .into(),
            &[RuleId::BsDaylight, RuleId::BsVent, RuleId::ShGuidePrivacy],
        );
    }
    if !no_height.is_empty() {
        let n = no_height.len();
        push(
            MissingKind::WindowHeight,
            no_height,
            format!("高さが未入力の窓が {n} つあります"),
            format!("{} without a height", rooms_en(n, "window")),
            &[RuleId::BsDaylight, RuleId::BsVent],
        );
    }
    if !no_ceiling.is_empty() {
        let n = no_ceiling.len();
        push(
            MissingKind::CeilingHeight,
            no_ceiling,
            format!("天井高が未入力の居室が {n} 室あります"),
            format!("{} without a ceiling height", rooms_en(n, "habitable room")),
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
