//! 建築基準法 checks a conversion should surface, STANDARDS.md §5. A shared house run by an
//! operator is legally a 寄宿舎 (国住指第4877号).

use super::local::{not_a_dormitory, toshima_certified};
use super::{count, sqm, text, verdict, Ctx, Draft, Texts, EPSILON_M2};
use crate::facts::{Facts, WindowArea};
use crate::numbers;
use crate::profile::{ParamKey, RuleId};
use crate::report::{m2, num, Status};
use madori_plan::RoomKind;

/// Habitable rooms (居室) with their storey index, 壁芯 area and windows.
fn habitable<'p>(ctx: &Ctx<'_, 'p>) -> Vec<(usize, &'p madori_plan::Room, f64, WindowArea)> {
    let facts = ctx.facts;
    facts
        .plan
        .storeys
        .iter()
        .enumerate()
        .flat_map(|(s, storey)| {
            storey
                .rooms
                .iter()
                .zip(&facts.areas.storeys[s].rooms)
                .zip(&facts.room_windows[s])
                .filter(|((r, _), _)| r.kind.is_habitable())
                .map(move |((r, a), w)| (s, r, a.wall_centre_m2, *w))
        })
        .collect()
}

/// A bedroom (private room) with its legal floor area.
pub(crate) struct Bedroom<'p> {
    /// Index of its storey.
    pub(crate) storey: usize,
    /// The room.
    pub(crate) room: &'p madori_plan::Room,
    /// Its own 壁芯 area, ㎡.
    pub(crate) room_m2: f64,
    /// 壁芯 area of the storage rooms that belong to it, ㎡.
    pub(crate) storage_m2: f64,
}

/// Every private room with its 壁芯 area and its storage's, whatever the profile's area
/// basis: the building code measures legal floor area (施行令2条1項3号), never 内法.
pub(crate) fn bedrooms_wall_centre<'p>(facts: &Facts<'p>) -> Vec<Bedroom<'p>> {
    let mut out = Vec::new();
    for (s, storey) in facts.plan.storeys.iter().enumerate() {
        let areas = &facts.areas.storeys[s].rooms;
        // Storage area by the id of the room it belongs to: one pass, not one per bedroom.
        let mut storage: std::collections::HashMap<&str, f64> = std::collections::HashMap::new();
        for (room, area) in storey.rooms.iter().zip(areas) {
            if let (RoomKind::Storage, Some(owner)) = (room.kind, room.belongs_to.as_deref()) {
                *storage.entry(owner).or_default() += area.wall_centre_m2;
            }
        }
        for (room, area) in storey.rooms.iter().zip(areas) {
            if room.kind == RoomKind::Private {
                out.push(Bedroom {
                    storey: s,
                    room,
                    room_m2: area.wall_centre_m2,
                    storage_m2: storage.get(room.id.as_str()).copied().unwrap_or(0.0),
                });
            }
        }
    }
    out
}

fn no_windows(room: &madori_plan::Room, area: f64) -> Draft {
    let room_name = room.name.clone();
    Draft {
        status: Status::Unavailable,
        element_ids: vec![room.id.clone()],
        measured: None,
        required: None,
        text: text(move || Texts {
            formula: format!("{} ㎡ の居室, 窓 未入力", m2(area)),
            ja: format!("{}: 窓が入力されていないため判定できません", room_name),
            en: format!(
                "{}: no windows entered in the plan, so this cannot be checked",
                room_name
            ),
            hint_ja: "外壁に窓 (幅 × 高さ) を配置します".into(),
            hint_en: "place windows (width × height) on exterior walls".into(),
        }),
    }
}

/// A room whose outside windows do not all have a height yet, and whose known windows do not
/// already meet the rule: the verdict waits for the heights.
fn height_unknown(room: &madori_plan::Room, area: f64) -> Draft {
    let room_name = room.name.clone();
    Draft {
        status: Status::Unavailable,
        element_ids: vec![room.id.clone()],
        measured: None,
        required: None,
        text: text(move || Texts {
            formula: format!("{} ㎡ の居室, 窓の高さ 未入力", m2(area)),
            ja: format!(
                "{}: 窓の高さが入力されていないため判定できません",
                room_name
            ),
            en: format!(
                "{}: a window's height is not entered, so this cannot be checked",
                room_name
            ),
            hint_ja: "窓を選んで高さ (mm) を入力します".into(),
            hint_en: "select the window and enter its height (mm)".into(),
        }),
    }
}

/// BS-DAYLIGHT: window area ≥ 1/7 of a 居室's floor area. The raw window area is used: the
/// 採光補正係数 (which depends on neighbouring buildings) is not modelled, so a pass here is
/// necessary, not sufficient.
pub fn daylight(ctx: &mut Ctx<'_, '_>) {
    for (_, room, area, windows) in habitable(ctx) {
        let draft = daylight_finding(ctx, room, area, windows);
        ctx.push(RuleId::BsDaylight, draft);
    }
}

/// BS-DAYLIGHT's finding on one habitable room of `area` ㎡ (壁芯) with `windows`.
pub(crate) fn daylight_finding(
    ctx: &Ctx<'_, '_>,
    room: &madori_plan::Room,
    area: f64,
    windows: WindowArea,
) -> Draft {
    let ratio = ctx.value(ParamKey::BsDaylightRatio);
    if !ctx.facts.any_window {
        return no_windows(room, area);
    }
    let have = windows.glazed_m2;
    let need = area * ratio;
    let ok = have + EPSILON_M2 >= need;
    if windows.height_unknown && !ok {
        return height_unknown(room, area);
    }
    let room_name = room.name.clone();
    Draft {
        status: verdict(ok),
        element_ids: vec![room.id.clone()],
        measured: sqm(have),
        required: sqm(need),
        text: text(move || Texts {
            formula: {
                let (have, need) = numbers::compared(have, need, ok);
                format!(
                    "{} ㎡ × {} = {need} ㎡ {} 窓 {have} ㎡",
                    m2(area),
                    ratio_text(ratio),
                    if ok { "≤" } else { ">" }
                )
            },
            ja: {
                let (have, need) = numbers::compared(have, need, ok);
                format!("{}: 採光に有効な窓 {have} ㎡ / 必要 {need} ㎡ (採光補正係数は考慮していません)", room_name)
            },
            en: {
                let (have, need) = numbers::compared(have, need, ok);
                format!("{}: window area {have} ㎡ against {need} ㎡ needed (the daylight correction factor is not modelled)", room_name)
            },
            hint_ja: if ok {
                String::new()
            } else {
                format!("外窓を +{} ㎡ 大きくします (住宅の居室は 50lx 以上の照明で 1/10 まで緩和可, 寄宿舎の寝室は 1/7 のまま)", numbers::shortfall(need - have))
            },
            hint_en: if ok {
                String::new()
            } else {
                format!("add {} ㎡ of exterior window (dwelling rooms may use 1/10 with ≥ 50 lx lighting; dormitory bedrooms stay at 1/7)", numbers::shortfall(need - have))
            },
        }),
    }
}

/// A measured area and a threshold printed so that their order agrees with `over` (measured
/// strictly above the threshold, or not): 0.01 ㎡ first, more decimals (up to 6) only when
/// the rounded figures would say otherwise (200.004 ㎡ over 200 ㎡ prints as 200.004 > 200).
fn beside(measured_m2: f64, threshold_m2: f64, over: bool) -> (String, String) {
    let mode = numbers::rounding();
    for decimals in 2..=6 {
        let measured = numbers::fixed_with(measured_m2, decimals, mode);
        let threshold = num(threshold_m2, decimals);
        let (Some(m), Some(t)) = (
            numbers::parse_decimal(&measured),
            numbers::parse_decimal(&threshold),
        ) else {
            break;
        };
        if (m > t) == over {
            return (measured, threshold);
        }
    }
    (
        numbers::fixed_with(measured_m2, 6, numbers::Rounding::Truncate),
        num(threshold_m2, 6),
    )
}

/// A ratio as a unit fraction (`1/7`) when it is one, otherwise as a decimal (`0.37`); the
/// findings and the rule explanations ([`crate::explain`]) print ratios the same way.
pub(crate) fn ratio_text(ratio: f64) -> String {
    if ratio > 0.0 && ((1.0 / ratio) - (1.0 / ratio).round()).abs() < 1e-9 {
        format!("1/{}", (1.0 / ratio).round())
    } else {
        num(ratio, 4)
    }
}

/// BS-VENT: openable area ≥ 1/20 of a 居室's floor area (sliding windows open half their
/// area), unless the room has mechanical ventilation.
pub fn ventilation(ctx: &mut Ctx<'_, '_>) {
    for (_, room, area, windows) in habitable(ctx) {
        let draft = ventilation_finding(ctx, room, area, windows);
        ctx.push(RuleId::BsVent, draft);
    }
}

/// BS-VENT's finding on one habitable room of `area` ㎡ (壁芯) with `windows`.
pub(crate) fn ventilation_finding(
    ctx: &Ctx<'_, '_>,
    room: &madori_plan::Room,
    area: f64,
    windows: WindowArea,
) -> Draft {
    let ratio = ctx.value(ParamKey::BsVentRatio);
    if room.mechanical_ventilation {
        let room_name = room.name.clone();
        return Draft {
            status: Status::Pass,
            element_ids: vec![room.id.clone()],
            measured: None,
            required: None,
            text: text(move || Texts {
                formula: "機械換気あり".into(),
                ja: format!("{}: 機械換気設備があります", room_name),
                en: format!("{}: has mechanical ventilation", room_name),
                hint_ja: String::new(),
                hint_en: String::new(),
            }),
        };
    }
    if !ctx.facts.any_window {
        return no_windows(room, area);
    }
    let have = windows.openable_m2;
    let need = area * ratio;
    let ok = have + EPSILON_M2 >= need;
    if windows.height_unknown && !ok {
        return height_unknown(room, area);
    }
    let room_name = room.name.clone();
    Draft {
        status: verdict(ok),
        element_ids: vec![room.id.clone()],
        measured: sqm(have),
        required: sqm(need),
        text: text(move || {
            let (have_text, need_text) = numbers::compared(have, need, ok);
            Texts {
                formula: format!(
                    "{} ㎡ × {} = {need_text} ㎡ {} 開放 {have_text} ㎡",
                    m2(area),
                    ratio_text(ratio),
                    if ok { "≤" } else { ">" },
                ),
                ja: format!(
                    "{}: 換気に有効な開口 {have_text} ㎡ / 必要 {need_text} ㎡",
                    room_name
                ),
                en: format!(
                    "{}: openable area {have_text} ㎡ against {need_text} ㎡ needed",
                    room_name
                ),
                hint_ja: if ok {
                    String::new()
                } else {
                    format!(
                        "開く窓を +{} ㎡ 大きくするか機械換気を設けます",
                        numbers::shortfall(need - have)
                    )
                },
                hint_en: if ok {
                    String::new()
                } else {
                    format!(
                        "enlarge the opening windows by {} ㎡ or add mechanical ventilation",
                        numbers::shortfall(need - have)
                    )
                },
            }
        }),
    }
}

/// BS-CEILING: a 居室's ceiling height ≥ 2.1 m, when heights are entered.
pub fn ceiling(ctx: &mut Ctx<'_, '_>) {
    for (s, room, _, _) in habitable(ctx) {
        let draft = ceiling_finding(ctx, s, room);
        ctx.push(RuleId::BsCeiling, draft);
    }
}

/// BS-CEILING's finding on one habitable room of storey `s`.
pub(crate) fn ceiling_finding(ctx: &Ctx<'_, '_>, s: usize, room: &madori_plan::Room) -> Draft {
    let min = ctx.value(ParamKey::BsCeilingMinMm);
    let plan = ctx.facts.plan;
    let height = room.ceiling_height_mm.or(plan.storeys[s].ceiling_height_mm);
    let Some(height) = height else {
        let room_name = room.name.clone();
        return Draft {
            status: Status::Unavailable,
            element_ids: vec![room.id.clone()],
            measured: None,
            required: Some(crate::report::Quantity {
                value: min,
                unit: "mm",
            }),
            text: text(move || Texts {
                formula: "天井高 未入力".into(),
                ja: format!("{}: 天井高が入力されていません", room_name),
                en: format!("{}: no ceiling height entered", room_name),
                hint_ja: "階または部屋に天井高を入力します".into(),
                hint_en: "enter the ceiling height on the storey or room".into(),
            }),
        };
    };
    let ok = f64::from(height) >= min;
    let room_name = room.name.clone();
    Draft {
        status: verdict(ok),
        element_ids: vec![room.id.clone()],
        measured: Some(crate::report::Quantity {
            value: f64::from(height),
            unit: "mm",
        }),
        required: Some(crate::report::Quantity {
            value: min,
            unit: "mm",
        }),
        text: text(move || Texts {
            formula: format!(
                "{height} mm {} {} mm",
                if ok { "≥" } else { "<" },
                num(min, 0)
            ),
            ja: format!("{}: 天井高 {height} mm", room_name),
            en: format!("{}: ceiling height {height} mm", room_name),
            hint_ja: if ok {
                String::new()
            } else {
                "天井を上げるか居室以外の用途にします".into()
            },
            hint_en: if ok {
                String::new()
            } else {
                "raise the ceiling or give the room another use".into()
            },
        }),
    }
}

/// BS-CHANGE-OF-USE: converting to 寄宿舎 over 200 ㎡ needs a 用途変更 application; below it,
/// none, but the building must still comply. Always information.
pub fn change_of_use(ctx: &mut Ctx<'_, '_>) {
    if toshima_certified(ctx) {
        ctx.push(RuleId::BsChangeOfUse, not_a_dormitory());
        return;
    }
    let threshold = ctx.value(ParamKey::BsChangeOfUseM2);
    let whole = ctx.facts.areas.dwelling_wall_centre_m2;
    let needed = whole > threshold + EPSILON_M2;
    ctx.push(
        RuleId::BsChangeOfUse,
        Draft {
            status: Status::Info,
            element_ids: vec![],
            measured: sqm(whole),
            required: sqm(threshold),
            text: text(move || Texts {
                formula: {
                    let (have, limit) = beside(whole, threshold, needed);
                    format!(
                        "寄宿舎部分 {have} ㎡ {} {limit} ㎡",
                        if needed { ">" } else { "≤" }
                    )
                },
                ja: if needed {
                    "用途変更の確認申請が必要です".into()
                } else {
                    "確認申請は不要ですが、寄宿舎として法に適合させる必要があります".into()
                },
                en: if needed {
                    "a change-of-use building permit application is needed".into()
                } else {
                    "no application is needed, but the building must still comply as a dormitory"
                        .into()
                },
                hint_ja: "特定行政庁・指定確認検査機関に相談します".into(),
                hint_en: "consult the building authority or a designated inspection body".into(),
            }),
        },
    );
}

/// BS-EMERGENCY-LIGHT: in a 寄宿舎, common rooms, corridors and stairs need 非常用照明
/// (bedrooms are exempt). Information listing those spaces.
pub fn emergency_light(ctx: &mut Ctx<'_, '_>) {
    if toshima_certified(ctx) {
        ctx.push(RuleId::BsEmergencyLight, not_a_dormitory());
        return;
    }
    let spaces: Vec<&madori_plan::Room> = ctx
        .facts
        .plan
        .rooms()
        .map(|(_, r)| r)
        .filter(|r| {
            matches!(
                r.kind,
                RoomKind::Ldk
                    | RoomKind::Dk
                    | RoomKind::Living
                    | RoomKind::Dining
                    | RoomKind::Kitchen
                    | RoomKind::Corridor
                    | RoomKind::Stairs
                    | RoomKind::Entrance
            )
        })
        .collect();
    let names: Vec<String> = spaces.iter().map(|r| r.name.clone()).collect();
    ctx.push(RuleId::BsEmergencyLight, Draft {
        status: Status::Info,
        element_ids: spaces.iter().map(|r| r.id.clone()).collect(),
        measured: count(spaces.len() as u32, "室"),
        required: None,
        text: text(move || Texts {
            formula: format!("対象 {} 室: {}", names.len(), names.join("、")),
            ja: "寄宿舎の共用室・廊下・階段には非常用照明が必要です (寝室は除く)".into(),
            en: "a dormitory needs emergency lighting in common rooms, corridors and stairs (not bedrooms)".into(),
            hint_ja: format!("非常用照明を設ける場所: {}", names.join("、")),
            hint_en: "install emergency lights in the listed spaces".into(),
        }),
    });
}

/// BS-TWO-STAIRS: an upper floor whose 寄宿舎 bedrooms total more than 100 ㎡ (200 ㎡ with
/// 準耐火 / 耐火 structure) needs two direct stairs. Information per upper storey. Bedroom
/// areas are 壁芯 (legal floor area) with the storage that belongs to each bedroom, whatever
/// the profile's `area.basis_interior`.
pub fn two_stairs(ctx: &mut Ctx<'_, '_>) {
    if toshima_certified(ctx) {
        ctx.push(RuleId::BsTwoStairs, not_a_dormitory());
        return;
    }
    let fire_resistant = ctx.facts.plan.dwelling.fire_resistant;
    let threshold = ctx.value(if fire_resistant {
        ParamKey::BsTwoStairsFireResistantM2
    } else {
        ParamKey::BsTwoStairsM2
    });
    let facts = ctx.facts;
    let all_bedrooms = bedrooms_wall_centre(facts);
    for (s, storey) in facts.plan.storeys.iter().enumerate().skip(1) {
        let bedrooms: f64 = all_bedrooms
            .iter()
            .filter(|b| b.storey == s)
            .map(|b| b.room_m2 + b.storage_m2)
            .sum();
        let stairs = storey
            .rooms
            .iter()
            .filter(|r| r.kind == RoomKind::Stairs)
            .count() as u32;
        let needs_two = bedrooms > threshold + EPSILON_M2;
        let ok = !needs_two || stairs >= 2;
        let storey_name = storey.name.clone();
        ctx.push(
            RuleId::BsTwoStairs,
            Draft {
                status: if ok { Status::Info } else { Status::Fail },
                element_ids: vec![storey.id.clone()],
                measured: sqm(bedrooms),
                required: sqm(threshold),
                text: text(move || Texts {
                    formula: {
                        let (have, limit) = beside(bedrooms, threshold, needs_two);
                        format!(
                            "{}: 寝室 {have} ㎡ (壁芯) {} {limit} ㎡, 階段 {stairs}",
                            storey_name,
                            if needs_two { ">" } else { "≤" },
                        )
                    },
                    ja: if needs_two {
                        format!("{}: 2 以上の直通階段が必要です", storey_name)
                    } else {
                        format!("{}: 直通階段は 1 つで足ります", storey_name)
                    },
                    en: if needs_two {
                        format!("{}: needs two direct stairs", storey_name)
                    } else {
                        format!("{}: one direct stair is enough", storey_name)
                    },
                    hint_ja: if ok {
                        String::new()
                    } else {
                        "直通階段を追加するか寝室を減らします".into()
                    },
                    hint_en: if ok {
                        String::new()
                    } else {
                        "add a second direct stair or reduce bedrooms on this floor".into()
                    },
                }),
            },
        );
    }
}
