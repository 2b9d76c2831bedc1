//! Rules for a self-contained unit: セーフティネット住宅 (§3) and 居住面積水準 (§4).

use super::{count, sqm, text, verdict, Ctx, Draft, Texts, EPSILON_M2};
use crate::profile::{ParamKey, RuleId};
use crate::report::{m2, num, Status};
use madori_plan::{validate::parse_date, FixtureKind, Occupancy, RoomKind};

/// SN-AREA-NEW / SN-AREA-EXISTING: the unit's 壁芯 area ≥ the minimum (25 / 18 ㎡), or the
/// lower minimum (18 / 13 ㎡) when `sn.shared_facilities` says equal shared kitchen, storage
/// or bath are provided.
pub fn sn_area(ctx: &mut Ctx<'_, '_>, rule: RuleId) {
    let (min_key, shared_key) = if rule == RuleId::SnAreaNew {
        (ParamKey::SnNewMinM2, ParamKey::SnNewSharedMinM2)
    } else {
        (ParamKey::SnExistingMinM2, ParamKey::SnExistingSharedMinM2)
    };
    let shared = ctx.value(ParamKey::SnSharedFacilities) >= 0.5;
    let limit = ctx.value(if shared { shared_key } else { min_key });
    let whole = ctx.facts.whole_m2();
    let ok = whole + EPSILON_M2 >= limit;
    let basis = if shared {
        "共用設備あり"
    } else {
        "共用設備なし"
    };
    ctx.push(rule, Draft {
        status: verdict(ok),
        element_ids: vec![],
        measured: sqm(whole),
        required: sqm(limit),
        text: text(move || Texts {
            formula: format!("{} ㎡ {} {} ㎡ ({basis})", m2(whole), if ok { "≥" } else { "<" }, num(limit, 2)),
            ja: if ok { format!("住戸面積 {} ㎡ は {} ㎡ 以上です", m2(whole), num(limit, 2)) } else { format!("住戸面積 {} ㎡ は {} ㎡ に {} ㎡ 足りません", m2(whole), num(limit, 2), m2(limit - whole)) },
            en: if ok { format!("the unit's {} ㎡ meets {} ㎡", m2(whole), num(limit, 2)) } else { format!("the unit's {} ㎡ is {} ㎡ short of {} ㎡", m2(whole), m2(limit - whole), num(limit, 2)) },
            hint_ja: if ok || shared { if ok { String::new() } else { format!("+{} ㎡ 広げます", m2(limit - whole)) } } else { format!("+{} ㎡ 広げるか、同等以上の共用台所・収納・浴室を設けて緩和値を使います", m2(limit - whole)) },
            hint_en: if ok || shared { if ok { String::new() } else { format!("add {} ㎡", m2(limit - whole)) } } else { format!("add {} ㎡, or provide equal shared kitchen, storage or bath to use the lower minimum", m2(limit - whole)) },
        }),
    });
}

/// SN-EQUIP: 台所, 便所, 収納設備, 浴室又はシャワー室 in the unit. Kitchen, storage and bath may
/// be shared when `sn.shared_facilities` is set; the toilet may not.
pub fn sn_equip(ctx: &mut Ctx<'_, '_>) {
    let plan = ctx.facts.plan;
    let fixtures = || plan.storeys.iter().flat_map(|s| &s.fixtures);
    let kitchen = fixtures().any(|f| matches!(f.kind, FixtureKind::Kitchen { .. }));
    let toilet = fixtures().any(|f| f.kind == FixtureKind::Toilet);
    let bath = fixtures().any(|f| matches!(f.kind, FixtureKind::Bath { .. } | FixtureKind::Shower));
    let storage = plan.rooms().any(|(_, r)| r.kind == RoomKind::Storage);
    let shared = ctx.value(ParamKey::SnSharedFacilities) >= 0.5;
    let mut missing_ja = Vec::new();
    let mut missing_en = Vec::new();
    let mut shared_ja = Vec::new();
    for (present, may_share, ja, en) in [
        (kitchen, true, "台所", "kitchen"),
        (toilet, false, "便所", "toilet"),
        (storage, true, "収納設備", "storage"),
        (bath, true, "浴室又はシャワー室", "bath or shower"),
    ] {
        if present {
            continue;
        }
        if may_share && shared {
            shared_ja.push(ja);
        } else {
            missing_ja.push(ja);
            missing_en.push(en);
        }
    }
    let ok = missing_ja.is_empty();
    let present = [kitchen, toilet, storage, bath]
        .iter()
        .filter(|p| **p)
        .count() as u32;
    ctx.push(
        RuleId::SnEquip,
        Draft {
            status: verdict(ok),
            element_ids: vec![],
            measured: count(present, "種"),
            required: count(4, "種"),
            text: text(move || Texts {
                formula: format!(
                    "住戸内 {present} / 4 種{}",
                    if shared_ja.is_empty() {
                        String::new()
                    } else {
                        format!(" + 共用 {}", shared_ja.join("・"))
                    }
                ),
                ja: if ok {
                    "台所・便所・収納・浴室がそろっています (共用を含む)".into()
                } else {
                    format!("住戸にありません: {}", missing_ja.join("、"))
                },
                en: if ok {
                    "kitchen, toilet, storage and bath are provided (shared ones included)".into()
                } else {
                    format!("the unit lacks: {}", missing_en.join(", "))
                },
                hint_ja: if ok {
                    String::new()
                } else {
                    format!("{} を設けます (便所は共用不可)", missing_ja.join("、"))
                },
                hint_en: if ok {
                    String::new()
                } else {
                    format!(
                        "provide {} (the toilet cannot be shared)",
                        missing_en.join(", ")
                    )
                },
            }),
        },
    );
}

/// SN-SEISMIC: building work started after 1981-05-31 (新耐震), or a passed seismic
/// assessment. A completion year alone decides only for buildings completed by 1980.
pub fn seismic(ctx: &mut Ctx<'_, '_>) {
    let dwelling = &ctx.facts.plan.dwelling;
    let started = dwelling
        .construction_started
        .as_deref()
        .and_then(parse_date);
    let after_cutoff = started.map(|(y, m, d)| (y, m, d) > (1981, 5, 31));
    let (status, formula, ja, en) = match (after_cutoff, dwelling.seismic_assessment_passed, dwelling.year_built) {
        (Some(true), _, _) => (Status::Pass, format!("着工 {} > 1981-05-31", dwelling.construction_started.as_deref().unwrap_or_default()), "新耐震基準の建物です".to_owned(), "built to the 1981 seismic code".to_owned()),
        (_, Some(true), _) => (Status::Pass, "耐震診断: 適合".into(), "耐震診断で安全が確かめられています".into(), "a seismic assessment found it safe".into()),
        (Some(false), _, _) => (Status::Fail, format!("着工 {} ≤ 1981-05-31", dwelling.construction_started.as_deref().unwrap_or_default()), "旧耐震の建物で耐震診断の適合がありません".into(), "built before the 1981 seismic code, with no passed assessment".into()),
        (None, Some(false), _) => (Status::Fail, "耐震診断: 不適合".into(), "耐震診断で不適合です".into(), "the seismic assessment failed".into()),
        (None, None, Some(year)) if year <= 1980 => (Status::Fail, format!("竣工 {year} 年 ≤ 1980 年"), "1980 年以前の竣工で旧耐震です".into(), "completed by 1980, so built before the 1981 seismic code".into()),
        (None, None, year) => (
            Status::Unavailable,
            year.map_or_else(|| "着工日・竣工年 未入力".to_owned(), |y| format!("竣工 {y} 年 (着工日 未入力)")),
            "着工日 (建築確認日) が分からないため新耐震か判定できません".into(),
            "the start of building work (building permit date) is unknown, so the seismic code cannot be decided".into(),
        ),
    };
    let failed_or_unknown = status != Status::Pass;
    ctx.push(
        RuleId::SnSeismic,
        Draft {
            status,
            element_ids: vec![],
            measured: None,
            required: None,
            text: text(move || Texts {
                formula: formula.clone(),
                ja: ja.clone(),
                en: en.clone(),
                hint_ja: if failed_or_unknown {
                    "建築確認日を入力するか、耐震診断・耐震改修を行います".into()
                } else {
                    String::new()
                },
                hint_en: if failed_or_unknown {
                    "enter the building permit date, or have a seismic assessment or retrofit"
                        .into()
                } else {
                    String::new()
                },
            }),
        },
    );
}

/// The household size N of 居住面積水準: children under 3 count 0.25, 3-5 count 0.5, 6-9
/// count 0.75; a total under 2 counts as 2 when there are two or more people. Returns
/// `(persons, weighted N)`.
pub fn household_size(occupancies: impl Iterator<Item = Occupancy>) -> (u32, f64) {
    let mut persons: u32 = 0;
    let mut weighted = 0.0;
    for occupancy in occupancies {
        persons = persons.saturating_add(occupancy.persons());
        weighted += f64::from(occupancy.adults());
        for &age in occupancy.children_ages() {
            weighted += match age {
                0..=2 => 0.25,
                3..=5 => 0.5,
                6..=9 => 0.75,
                _ => 1.0,
            };
        }
    }
    if persons >= 2 && weighted < 2.0 {
        weighted = 2.0;
    }
    (persons, weighted)
}

/// The numbers of one 居住面積水準 rule.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LevelValues {
    /// Area for a single person, ㎡.
    pub(crate) single: f64,
    /// Area per person of the weighted household size N, ㎡.
    pub(crate) per_person: f64,
    /// Base area, ㎡.
    pub(crate) base: f64,
}

impl LevelValues {
    /// The values in force for `rule` (LA-MIN, LA-URBAN or LA-GENERAL).
    pub(crate) fn of(ctx: &Ctx<'_, '_>, rule: RuleId) -> Self {
        let (single, per_person, base) = match rule {
            RuleId::LaMin => (
                ParamKey::LaMinSingleM2,
                ParamKey::LaMinPerPersonM2,
                ParamKey::LaMinBaseM2,
            ),
            RuleId::LaUrban => (
                ParamKey::LaUrbanSingleM2,
                ParamKey::LaUrbanPerPersonM2,
                ParamKey::LaUrbanBaseM2,
            ),
            _ => (
                ParamKey::LaGeneralSingleM2,
                ParamKey::LaGeneralPerPersonM2,
                ParamKey::LaGeneralBaseM2,
            ),
        };
        Self {
            single: ctx.value(single),
            per_person: ctx.value(per_person),
            base: ctx.value(base),
        }
    }

    /// Area a household of `persons` people with weighted size `n` needs: the single value
    /// for one person, otherwise `per_person · n + base`, less 5 % when `n` > 4.
    pub(crate) fn required_m2(self, persons: u32, n: f64) -> f64 {
        match persons {
            0 => 0.0,
            1 => self.single,
            _ if n > 4.0 => (self.per_person * n + self.base) * 0.95,
            _ => self.per_person * n + self.base,
        }
    }
}

/// LA-MIN / LA-URBAN / LA-GENERAL: single: 25 / 40 / 55 ㎡; two or more: 10N+10, 20N+15,
/// 25N+25 ㎡, less 5 % when N > 4. The household is everyone entered in the private rooms.
pub fn level(ctx: &mut Ctx<'_, '_>, rule: RuleId) {
    let values = LevelValues::of(ctx, rule);
    let LevelValues {
        per_person, base, ..
    } = values;
    let (persons, n) = household_size(
        ctx.facts
            .private_rooms
            .iter()
            .filter_map(|p| p.room.occupancy.clone()),
    );
    let whole = ctx.facts.whole_m2();
    if persons == 0 {
        ctx.push(
            rule,
            Draft {
                status: Status::Unavailable,
                element_ids: vec![],
                measured: sqm(whole),
                required: None,
                text: text(move || Texts {
                    formula: "世帯人数 未入力".into(),
                    ja: "世帯人数が分かりません: 居室に入居者を入力してください".into(),
                    en: "the household size is unknown: enter occupancy on the rooms".into(),
                    hint_ja: "居室の入居者を入力します".into(),
                    hint_en: "enter the occupancy of the rooms".into(),
                }),
            },
        );
        return;
    }
    let required = values.required_m2(persons, n);
    let formula_head = if persons == 1 {
        "単身".to_owned()
    } else if n > 4.0 {
        format!(
            "({} × {} + {}) × 0.95",
            num(per_person, 2),
            num(n, 2),
            num(base, 2)
        )
    } else {
        format!("{} × {} + {}", num(per_person, 2), num(n, 2), num(base, 2))
    };
    let ok = whole + EPSILON_M2 >= required;
    ctx.push(
        rule,
        Draft {
            status: verdict(ok),
            element_ids: vec![],
            measured: sqm(whole),
            required: sqm(required),
            text: text(move || Texts {
                formula: format!(
                    "{formula_head} = {} ㎡ {} {} ㎡",
                    m2(required),
                    if ok { "≤" } else { ">" },
                    m2(whole)
                ),
                ja: format!(
                    "{persons} 人世帯 (N = {}): 必要 {} ㎡, 住戸 {} ㎡",
                    num(n, 2),
                    m2(required),
                    m2(whole)
                ),
                en: format!(
                    "household of {persons} (N = {}): needs {} ㎡, the unit has {} ㎡",
                    num(n, 2),
                    m2(required),
                    m2(whole)
                ),
                hint_ja: if ok {
                    String::new()
                } else {
                    format!("+{} ㎡ 必要です", m2(required - whole))
                },
                hint_en: if ok {
                    String::new()
                } else {
                    format!("needs {} ㎡ more", m2(required - whole))
                },
            }),
        },
    );
}
