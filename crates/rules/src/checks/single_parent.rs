//! 共同居住型 for single-parent households (ひとり親世帯向け), STANDARDS.md §2.
//!
//! B counts single residents (rooms with a number of persons), C counts single-parent
//! households (rooms with a single-parent occupancy).

use super::shared::{sanitary_item, Users};
use super::{count, sqm, text, verdict, Ctx, Draft, Texts};
use crate::facts::{Item, PrivateRoom};
use crate::numbers;
use crate::profile::{ParamKey, RuleId};
use crate::report::{num, Status};
use madori_plan::{FixtureKind, Occupancy};

/// `(B, C)`: single residents and single-parent households.
pub fn households(ctx: &Ctx<'_, '_>) -> (u32, u32) {
    ctx.facts
        .private_rooms
        .iter()
        .fold((0u32, 0u32), |(b, c), p| match &p.room.occupancy {
            Some(o) if o.is_single_parent_household() => (b, c.saturating_add(1)),
            Some(o) => (b.saturating_add(o.persons()), c),
            None => (b, c),
        })
}

fn whole_needed(b: u32, c: u32, per_single: f64, per_household: f64, base: f64) -> f64 {
    per_single * f64::from(b) + per_household * f64::from(c) + base
}

/// SP-AREA: whole area ≥ 15·B + 22·C + 10 ㎡, with B ≥ 1 and C ≥ 1, or B = 0 and C ≥ 2.
pub fn area(ctx: &mut Ctx<'_, '_>) {
    let (b, c) = households(ctx);
    let (ps, ph, base) = (
        ctx.value(ParamKey::SpAreaPerSingleM2),
        ctx.value(ParamKey::SpAreaPerHouseholdM2),
        ctx.value(ParamKey::SpAreaBaseM2),
    );
    let whole = ctx.facts.whole_m2();
    let needed = whole_needed(b, c, ps, ph, base);
    let composition_ok = (b >= 1 && c >= 1) || (b == 0 && c >= 2);
    let ok = super::meets(whole, needed);
    let formula = move || {
        let (have, need) = numbers::compared(whole, needed, ok);
        format!(
            "{} × {b} + {} × {c} + {} = {need} ㎡ {} {have} ㎡",
            num(ps, 2),
            num(ph, 2),
            num(base, 2),
            if ok { "≤" } else { ">" },
        )
    };
    // A composition the standard does not describe (one household alone) is a warning, but a
    // household whose area falls short fails whatever the composition.
    if !composition_ok && (c == 0 || ok) {
        ctx.push(RuleId::SpArea, Draft {
            status: if c == 0 { Status::Unavailable } else { Status::Warning },
            element_ids: vec![],
            measured: sqm(whole),
            required: sqm(needed),
            text: text(move || Texts {
                formula: formula(),
                ja: format!("ひとり親世帯向けは 単身 B ≥ 1 かつ 世帯 C ≥ 1、または B = 0 かつ C ≥ 2 が前提です (B = {b}, C = {c})"),
                en: format!("the single-parent standard needs B ≥ 1 and C ≥ 1, or B = 0 and C ≥ 2 (B = {b}, C = {c})"),
                hint_ja: "居室の入居者に「ひとり親世帯」を設定します".into(),
                hint_en: "set single-parent occupancy on the household rooms".into(),
            }),
        });
        return;
    }
    ctx.push(
        RuleId::SpArea,
        Draft {
            status: verdict(ok),
            element_ids: vec![],
            measured: sqm(whole),
            required: sqm(needed),
            text: text(move || {
                let (have, need) = numbers::compared(whole, needed, ok);
                let short = numbers::shortfall(needed - whole);
                Texts {
                    formula: formula(),
                    ja: if ok {
                        format!("住戸全体 {have} ㎡ は必要な {need} ㎡ 以上です")
                    } else if composition_ok {
                        format!("住戸全体 {have} ㎡ は必要な {need} ㎡ に {short} ㎡ 足りません")
                    } else {
                        format!("住戸全体 {have} ㎡ は必要な {need} ㎡ に {short} ㎡ 足りません (また、世帯 1 つだけの構成は基準の前提外です)")
                    },
                    en: if ok {
                        format!("the whole {have} ㎡ meets the {need} ㎡ needed")
                    } else if composition_ok {
                        format!("the whole {have} ㎡ is {short} ㎡ short of {need} ㎡")
                    } else {
                        format!("the whole {have} ㎡ is {short} ㎡ short of {need} ㎡ (and one household alone is outside the standard's premise)")
                    },
                    hint_ja: if ok {
                        String::new()
                    } else {
                        format!("延床を +{short} ㎡ 増やすか世帯数を減らします")
                    },
                    hint_en: if ok {
                        String::new()
                    } else {
                        format!("add {short} ㎡ or house fewer households")
                    },
                }
            }),
        },
    );
}

/// SP-ROOM: each single-parent household room ≥ 12 ㎡, or ≥ 10 ㎡ when the whole area is at
/// least 15·B + 24·C + 10 ㎡.
pub fn rooms(ctx: &mut Ctx<'_, '_>) {
    let limits = RoomLimits::of(ctx);
    let facts = ctx.facts;
    for p in &facts.private_rooms {
        if let Some(draft) = room_finding(p, &limits) {
            ctx.push(RuleId::SpRoom, draft);
        }
    }
}

/// What SP-ROOM decides for the whole plan before looking at a room.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct RoomLimits {
    /// The reduced minimum, ㎡.
    reduced: f64,
    /// The whole area that lets household rooms use the reduced minimum, ㎡.
    large: f64,
    /// The whole area, ㎡.
    whole: f64,
    /// Whether the whole area reaches `large`.
    large_enough: bool,
    /// The minimum in force, ㎡.
    limit: f64,
}

impl RoomLimits {
    /// The limits for the plan of `ctx`.
    pub(crate) fn of(ctx: &Ctx<'_, '_>) -> Self {
        let (b, c) = households(ctx);
        let min = ctx.value(ParamKey::SpRoomMinM2);
        let reduced = ctx.value(ParamKey::SpRoomReducedMinM2).min(min);
        let large = whole_needed(
            b,
            c,
            ctx.value(ParamKey::SpAreaPerSingleM2),
            ctx.value(ParamKey::SpAreaPerHouseholdLargeM2),
            ctx.value(ParamKey::SpAreaBaseM2),
        );
        let whole = ctx.facts.whole_m2();
        let large_enough = super::meets(whole, large);
        let limit = if large_enough { reduced } else { min };
        Self {
            reduced,
            large,
            whole,
            large_enough,
            limit,
        }
    }
}

/// SP-ROOM's finding on one private room: `None` unless a single-parent household lives in it.
pub(crate) fn room_finding(p: &PrivateRoom<'_>, limits: &RoomLimits) -> Option<Draft> {
    let RoomLimits {
        reduced,
        large,
        whole,
        large_enough,
        limit,
    } = *limits;
    let household = p
        .room
        .occupancy
        .as_ref()
        .is_some_and(Occupancy::is_single_parent_household);
    if !household {
        return None;
    }
    let ok = super::meets(p.area_m2, limit);
    let name = p.room.name.clone();
    let area = p.area_m2;
    // The smallest change: enlarge the room, or (when the room already has the reduced
    // size) add whole floor area so that the reduced size applies to every room.
    let via_whole = (!ok && super::meets(area, reduced)).then_some(large - whole);
    Some(Draft {
        status: verdict(ok),
        element_ids: vec![p.room.id.clone()],
        measured: sqm(area),
        required: sqm(limit),
        text: text(move || {
            let (have, need) = numbers::compared(area, limit, ok);
            let (whole_have, large_need) = numbers::compared(whole, large, large_enough);
            let why = format!(
                "全体 {whole_have} ㎡ {} {large_need} ㎡ のため {} ㎡",
                if large_enough { "≥" } else { "<" },
                numbers::required(limit)
            );
            let room_short = limit - area;
            let (hint_ja, hint_en) = match via_whole {
                        _ if ok => (String::new(), String::new()),
                        Some(w) if w <= room_short => (
                            format!(
                                "延床を +{} ㎡ 増やすと世帯居室は {} ㎡ で足ります (または {name} を +{} ㎡ 広げる)",
                                numbers::shortfall(w),
                                numbers::required(reduced),
                                numbers::shortfall(room_short)
                            ),
                            format!(
                                "add {} ㎡ of whole floor area so that {} ㎡ household rooms suffice (or enlarge {name} by {} ㎡)",
                                numbers::shortfall(w),
                                numbers::required(reduced),
                                numbers::shortfall(room_short)
                            ),
                        ),
                        _ => (
                            format!("{name} を +{} ㎡ 広げます", numbers::shortfall(room_short)),
                            format!("enlarge {name} by {} ㎡", numbers::shortfall(room_short)),
                        ),
                    };
            Texts {
                formula: format!("{have} ㎡ {} {need} ㎡ ({why})", if ok { "≥" } else { "<" },),
                ja: if ok {
                    format!("{name} {have} ㎡ は世帯居室の {need} ㎡ 以上です")
                } else {
                    format!("{name} {have} ㎡ は世帯居室の {need} ㎡ に足りません")
                },
                en: if ok {
                    format!("{name} {have} ㎡ meets the household room minimum of {need} ㎡")
                } else {
                    format!("{name} {have} ㎡ is below the household room minimum of {need} ㎡")
                },
                hint_ja,
                hint_en,
            }
        }),
    })
}

/// SP-OCC: one household per room (one single person, or one single-parent household).
pub fn occupancy(ctx: &mut Ctx<'_, '_>) {
    let facts = ctx.facts;
    for p in &facts.private_rooms {
        if let Some(draft) = occupancy_finding(p) {
            ctx.push(RuleId::SpOcc, draft);
        }
    }
}

/// SP-OCC's finding on one private room: `None` while its occupancy is not entered.
pub(crate) fn occupancy_finding(p: &PrivateRoom<'_>) -> Option<Draft> {
    let (ok, what) = match &p.room.occupancy {
        None => return None,
        Some(o) if o.is_single_parent_household() => (
            true,
            format!("ひとり親世帯 (子 {} 人)", o.children_ages().len()),
        ),
        Some(o) => (o.persons() <= 1, format!("{} 人", o.persons())),
    };
    let name = p.room.name.clone();
    Some(Draft {
        status: verdict(ok),
        element_ids: vec![p.room.id.clone()],
        measured: None,
        required: None,
        text: text(move || Texts {
            formula: format!("{name}: {what}"),
            ja: if ok {
                format!("{name}: 1 世帯です")
            } else {
                format!("{name}: 単身者が複数います")
            },
            en: if ok {
                format!("{name}: one household")
            } else {
                format!("{name}: several unrelated persons")
            },
            hint_ja: if ok {
                String::new()
            } else {
                "1 室 1 世帯にします".into()
            },
            hint_en: if ok {
                String::new()
            } else {
                "one household per room".into()
            },
        }),
    })
}

/// SP-BATH: at least one bath with a bathtub.
pub fn bath(ctx: &mut Ctx<'_, '_>) {
    let tubs: Vec<String> = ctx
        .facts
        .plan
        .storeys
        .iter()
        .flat_map(|s| &s.fixtures)
        .filter(|f| f.kind == FixtureKind::Bath { tub: true })
        .map(|f| f.id.clone())
        .collect();
    let ok = !tubs.is_empty();
    ctx.push(
        RuleId::SpBath,
        Draft {
            status: verdict(ok),
            element_ids: tubs.clone(),
            measured: count(tubs.len() as u32, "箇所"),
            required: count(1, "箇所"),
            text: text(move || Texts {
                formula: format!(
                    "浴槽のある浴室 {} 箇所 {} 1",
                    tubs.len(),
                    if ok { "≥" } else { "<" }
                ),
                ja: if ok {
                    "浴槽のある浴室があります".into()
                } else {
                    "浴槽のある浴室がありません (シャワーのみ)".into()
                },
                en: if ok {
                    "there is a bath with a tub".into()
                } else {
                    "no bath with a tub (showers only)".into()
                },
                hint_ja: if ok {
                    String::new()
                } else {
                    "浴槽のある浴室を 1 つ以上設けます".into()
                },
                hint_en: if ok {
                    String::new()
                } else {
                    "provide at least one bath with a tub".into()
                },
            }),
        },
    );
}

/// Single residents (persons, B) whose rooms lack their own `item`.
pub fn singles_without_own(ctx: &Ctx<'_, '_>, item: Item) -> u32 {
    ctx.facts
        .private_rooms
        .iter()
        .filter(|p| p.own.get(item) == 0)
        .filter_map(|p| p.room.occupancy.as_ref())
        .filter(|o| !o.is_single_parent_household())
        .fold(0u32, |sum, o| sum.saturating_add(o.persons()))
}

/// Single-parent households (C) whose rooms lack their own `item`.
fn households_without_own(ctx: &Ctx<'_, '_>, item: Item) -> u32 {
    ctx.facts
        .private_rooms
        .iter()
        .filter(|p| p.own.get(item) == 0)
        .filter(|p| {
            p.room
                .occupancy
                .as_ref()
                .is_some_and(Occupancy::is_single_parent_household)
        })
        .count() as u32
}

/// SP-SANITARY (recommendation, STANDARDS.md §2): 便所, 洗面設備, 浴室, 洗濯機 each ≥
/// ⌈C / 3⌉ for the households plus ⌈B / 5⌉ for the single residents sharing the house. The
/// per-household count is the 参考編 proposal (no official count was found), so the profile
/// reports it as a warning and capacity never counts it.
pub fn sanitary(ctx: &mut Ctx<'_, '_>) {
    let per_household = ctx.value(ParamKey::SpHouseholdsPerItem);
    let per_single = ctx.value(ParamKey::ShSanitaryResidentsPerItem);
    for item in Item::SP_SANITARY {
        let groups = [
            Users::households(households_without_own(ctx, item), per_household),
            Users::persons(singles_without_own(ctx, item), per_single),
        ];
        sanitary_item(ctx, RuleId::SpSanitary, item, &groups);
    }
}

/// SP-KITCHEN (recommendation, not a standard): one kitchen unit per 4 households.
pub fn kitchen(ctx: &mut Ctx<'_, '_>) {
    let (_, c) = households(ctx);
    let per_unit = ctx.value(ParamKey::SpHouseholdsPerKitchen);
    sanitary_item(
        ctx,
        RuleId::SpKitchen,
        Item::Kitchen,
        &[Users::households(c, per_unit)],
    );
}
