//! Capacity: the most residents a plan supports under a profile, the rule that limits it,
//! and the smallest change that would allow one more.

use crate::checks::{shared, single_parent, Ctx, EPSILON_M2};
use crate::facts::Item;
use crate::profile::{ParamKey, RuleId};
use crate::report::m2;
use serde::Serialize;

/// One rule's limit on the number of residents (or households).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Limit {
    /// The rule.
    pub rule_id: &'static str,
    /// The most it allows.
    pub max: u32,
    /// How the limit follows from the plan, in Japanese.
    pub basis_ja: String,
    /// The same in English.
    pub basis_en: String,
    /// The smallest change that lifts this limit by one, in Japanese.
    pub next_ja: String,
    /// The same in English.
    pub next_en: String,
}

/// The capacity of a plan under a profile.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Capacity {
    /// Profile id.
    pub profile: &'static str,
    /// The most residents (or households); `None` when the profile's rules do not depend on
    /// the number of residents.
    pub max: Option<u32>,
    /// What `max` counts: `人` (persons) or `世帯` (households).
    pub unit: &'static str,
    /// Every limit considered, smallest first.
    pub limits: Vec<Limit>,
    /// Ids of the rules whose limit equals `max`.
    pub limiting: Vec<&'static str>,
    /// Why `max` is `None`, or a remark on the result (e.g. a shared house needs two).
    pub note_ja: String,
    /// The same in English.
    pub note_en: String,
}

fn area_limit(
    rule: RuleId,
    whole: f64,
    per: f64,
    base: f64,
    fixed: f64,
    what_ja: &str,
    what_en: &str,
) -> Limit {
    let max = if per > 0.0 {
        (((whole - base - fixed) / per) + 1e-9).floor().max(0.0) as u32
    } else {
        u32::MAX
    };
    let short = (per * f64::from(max + 1) + base + fixed - whole).max(0.0);
    Limit {
        rule_id: rule.as_str(),
        max,
        basis_ja: format!(
            "({} − {} − {}) ÷ {} ⇒ {max}",
            m2(whole),
            m2(base),
            m2(fixed),
            m2(per)
        ),
        basis_en: format!(
            "({} − {} − {}) ÷ {} ⇒ {max}",
            m2(whole),
            m2(base),
            m2(fixed),
            m2(per)
        ),
        next_ja: format!("{what_ja}: 延床 +{} ㎡", crate::numbers::shortfall(short)),
        next_en: format!(
            "{what_en}: +{} ㎡ whole floor area",
            crate::numbers::shortfall(short)
        ),
    }
}

fn item_limit(ctx: &Ctx<'_, '_>, rule: RuleId, item: Item, per_item: f64) -> Limit {
    let have = ctx.facts.common_count(item);
    let own: u32 = ctx
        .facts
        .private_rooms
        .iter()
        .filter(|p| p.own.get(item) > 0)
        .filter_map(|p| p.room.occupancy.as_ref())
        .map(|o| o.persons())
        .sum();
    let max = (f64::from(have) * per_item + 1e-9).floor() as u32 + own;
    Limit {
        rule_id: rule.as_str(),
        max,
        basis_ja: format!("{} {have} × {} 人 ⇒ {max}", item.ja(), m2(per_item)),
        basis_en: format!("{} × {have}, {} each ⇒ {max}", item.en(), m2(per_item)),
        next_ja: format!("{} を 1 つ追加", item.ja()),
        next_en: format!("add a {}", item.en()),
    }
}

/// Computes the capacity (see the module docs).
pub fn capacity(ctx: &Ctx<'_, '_>) -> Capacity {
    let profile = ctx.profile;
    let whole = ctx.facts.whole_m2();
    let mut limits = Vec::new();
    let mut unit = "人";
    let mut note = (String::new(), String::new());
    if profile.has_rule(RuleId::ShArea) {
        limits.push(area_limit(
            RuleId::ShArea,
            whole,
            ctx.value(ParamKey::ShAreaPerPersonM2),
            ctx.value(ParamKey::ShAreaBaseM2),
            0.0,
            "もう 1 人",
            "one more resident",
        ));
        limits.push(room_limit(ctx));
        let per_item = ctx.value(ParamKey::ShSanitaryResidentsPerItem);
        for item in Item::SH_SANITARY {
            limits.push(item_limit(ctx, RuleId::ShSanitary, item, per_item));
        }
        if let Some(limit) = common_limit(ctx) {
            limits.push(limit);
        }
    } else if profile.has_rule(RuleId::SpArea) {
        unit = "世帯";
        let (b, _) = single_parent::households(ctx);
        let fixed = ctx.value(ParamKey::SpAreaPerSingleM2) * f64::from(b);
        limits.push(area_limit(
            RuleId::SpArea,
            whole,
            ctx.value(ParamKey::SpAreaPerHouseholdM2),
            ctx.value(ParamKey::SpAreaBaseM2),
            fixed,
            "もう 1 世帯",
            "one more household",
        ));
        let min = ctx
            .value(ParamKey::SpRoomReducedMinM2)
            .min(ctx.value(ParamKey::SpRoomMinM2));
        let rooms = ctx.facts.private_rooms.iter().filter(|p| p.area_m2 + EPSILON_M2 >= min && !matches!(p.room.occupancy, Some(madori_plan::Occupancy::Persons(n)) if n > 0)).count() as u32;
        limits.push(Limit {
            rule_id: RuleId::SpRoom.as_str(),
            max: rooms,
            basis_ja: format!("{} ㎡ 以上の空き・世帯居室 {rooms} 室", m2(min)),
            basis_en: format!("{rooms} free or household rooms of at least {} ㎡", m2(min)),
            next_ja: format!("{} ㎡ 以上の居室を 1 室追加", m2(min)),
            next_en: format!("add a room of at least {} ㎡", m2(min)),
        });
        let per_item = ctx.value(ParamKey::SpHouseholdsPerItem);
        for item in Item::SP_SANITARY {
            let mut limit = item_limit(ctx, RuleId::SpSanitary, item, per_item);
            limit.basis_ja = limit.basis_ja.replace(" 人 ", " 世帯 ");
            limits.push(limit);
        }
    } else if let Some(rule) = [RuleId::LaMin, RuleId::LaUrban, RuleId::LaGeneral]
        .into_iter()
        .find(|r| profile.has_rule(*r))
    {
        limits.push(level_limit(ctx, rule, whole));
    } else {
        note = (
            "この基準は入居者数によらず、住戸の面積と設備で判定します".into(),
            "this profile does not depend on the number of residents".into(),
        );
    }
    limits.sort_by_key(|l| l.max);
    let max = limits.first().map(|l| l.max);
    let limiting: Vec<&'static str> = limits
        .iter()
        .filter(|l| Some(l.max) == max)
        .map(|l| l.rule_id)
        .collect();
    if profile.has_rule(RuleId::ShArea) && max.is_some_and(|m| m < 2) {
        note = (
            "共同居住型は 2 人以上が前提です: この計画では成り立ちません".into(),
            "a shared house needs at least 2 residents: this plan does not support one".into(),
        );
    }
    Capacity {
        profile: profile.id,
        max,
        unit,
        limits,
        limiting,
        note_ja: note.0,
        note_en: note.1,
    }
}

fn room_limit(ctx: &Ctx<'_, '_>) -> Limit {
    let indices = shared::single_rooms(ctx);
    let limits = shared::room_limits(ctx, indices.len());
    let rooms = &ctx.facts.private_rooms;
    let full = indices
        .iter()
        .filter(|&&i| rooms[i].area_m2 + EPSILON_M2 >= limits.min_m2)
        .count();
    let relaxable = indices
        .iter()
        .filter(|&&i| {
            rooms[i].area_m2 + EPSILON_M2 < limits.min_m2
                && rooms[i].area_m2 + EPSILON_M2 >= limits.relaxed_min_m2
        })
        .count();
    let qualifying = full + relaxable.min(limits.relaxed_allowed);
    let per_room = ctx.value(ParamKey::ShOccMaxPersons).floor().max(1.0) as u32;
    let max = qualifying as u32 * per_room;
    // The cheapest way to one more room: enlarge the largest room that falls short.
    let nearest = indices
        .iter()
        .map(|&i| &rooms[i])
        .filter(|p| p.area_m2 + EPSILON_M2 < limits.min_m2)
        .max_by(|a, b| a.area_m2.total_cmp(&b.area_m2));
    let (next_ja, next_en) = match nearest {
        Some(p) if qualifying < indices.len() => (
            format!(
                "{} を +{} ㎡ 広げる",
                p.room.name,
                crate::numbers::shortfall(limits.min_m2 - p.area_m2)
            ),
            format!(
                "enlarge {} by {} ㎡",
                p.room.name,
                crate::numbers::shortfall(limits.min_m2 - p.area_m2)
            ),
        ),
        _ => (
            format!("{} ㎡ 以上の専用居室を 1 室追加", m2(limits.min_m2)),
            format!("add a private room of at least {} ㎡", m2(limits.min_m2)),
        ),
    };
    Limit {
        rule_id: RuleId::ShRoom.as_str(),
        max,
        basis_ja: format!("基準を満たす専用居室 {qualifying} 室 × {per_room} 人"),
        basis_en: format!("{qualifying} private rooms meeting the size × {per_room} person"),
        next_ja,
        next_en,
    }
}

fn common_limit(ctx: &Ctx<'_, '_>) -> Option<Limit> {
    let mut probe = Ctx {
        facts: ctx.facts,
        profile: ctx.profile,
        out: Vec::new(),
    };
    shared::common(&mut probe);
    let finding = probe.out.pop()?;
    (finding.status == crate::report::Status::Fail).then(|| Limit {
        rule_id: RuleId::ShCommon.as_str(),
        max: 0,
        basis_ja: finding.message_ja().to_owned(),
        basis_en: finding.message_en().to_owned(),
        next_ja: finding.hint().to_owned(),
        next_en: finding.hint_en().to_owned(),
    })
}

fn level_limit(ctx: &Ctx<'_, '_>, rule: RuleId, whole: f64) -> Limit {
    let values = crate::checks::unit::LevelValues::of(ctx, rule);
    // Adults only: n adults weigh n.
    let required = |n: u32| values.required_m2(n, f64::from(n));
    let mut max = 0;
    while max < 1000 && required(max + 1) <= whole + EPSILON_M2 {
        max += 1;
    }
    Limit {
        rule_id: rule.as_str(),
        max,
        basis_ja: format!("{} ㎡ で大人 {max} 人まで", m2(whole)),
        basis_en: format!("{} ㎡ houses up to {max} adults", m2(whole)),
        next_ja: format!(
            "もう 1 人: +{} ㎡",
            m2((required(max + 1) - whole).max(0.0))
        ),
        next_en: format!("one more: +{} ㎡", m2((required(max + 1) - whole).max(0.0))),
    }
}
