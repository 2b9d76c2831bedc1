//! Rules for a self-contained unit: セーフティネット住宅 (§3) and 居住面積水準 (§4).

use super::{count, sqm, text, verdict, Ctx, Draft, Texts, EPSILON_M2};
use crate::numbers;
use crate::profile::{ParamKey, RuleId};
use crate::report::{m2, num, Status};
use madori_plan::{validate::parse_date, BuildingStatus, FixtureKind, Occupancy, RoomKind};

/// Which minimum a unit area rule applies, and why.
struct UnitMinimum {
    /// The rule the finding is reported under.
    rule: RuleId,
    /// The minimum, ㎡, or why it cannot be known (`(ja, en)`).
    limit: Result<f64, (String, String)>,
    /// Why this minimum: new or existing and who chose it, the local tier (`(ja, en)`).
    why: (String, String),
    /// Whether equal shared kitchen, storage or bath are provided.
    shared: bool,
}

/// Picks the minimum for `rule`:
/// * SN-AREA-NEW / SN-AREA-EXISTING: new or existing as the profile says (`sn-new`,
///   `sn-existing`); the finding names the choice, and the plan's status when it differs.
/// * SN-AREA and SUPPORT-AREA: new or existing as the plan's `dwelling.status` says
///   (`existing` = completed more than a year ago or lived in). SN-AREA reports under the
///   rule applied (SN-AREA-NEW or SN-AREA-EXISTING).
/// * With the 神奈川県 override (its tier parameters in the profile), the tier of the
///   plan's `permit_date` (建築確認日) replaces the new / existing split: ≤ 1995 16 ㎡,
///   1996-2005 18 ㎡, ≥ 2006 25 ㎡, 13 ㎡ with shared kitchen etc.; no date, no verdict.
fn unit_minimum(ctx: &Ctx<'_, '_>, rule: RuleId) -> UnitMinimum {
    let dwelling = &ctx.facts.plan.dwelling;
    let plan_new = dwelling.status == BuildingStatus::New;
    let plan_words = if plan_new {
        ("計画は新築", "the plan says new")
    } else {
        ("計画は既存", "the plan says existing")
    };
    let profile_id = ctx.profile.id;
    let (new, why) = match rule {
        RuleId::SnAreaNew | RuleId::SnAreaExisting => {
            let new = rule == RuleId::SnAreaNew;
            let (what_ja, what_en) = if new {
                ("新築", "new")
            } else {
                ("既存", "existing")
            };
            let differs = if new == plan_new {
                (String::new(), String::new())
            } else {
                (format!("; {}", plan_words.0), format!("; {}", plan_words.1))
            };
            (
                new,
                (
                    format!(
                        "{what_ja}住戸: プロファイル {profile_id} で指定{}",
                        differs.0
                    ),
                    format!(
                        "{what_en} unit: chosen by profile {profile_id}{}",
                        differs.1
                    ),
                ),
            )
        }
        _ => (
            plan_new,
            if plan_new {
                (
                    "新築住戸: 計画の dwelling.status = new".to_owned(),
                    "new unit: the plan's dwelling.status is new".to_owned(),
                )
            } else {
                (
                    "既存住戸 (竣工後 1 年超または入居歴あり): 計画の dwelling.status = existing".to_owned(),
                    "existing unit (completed over a year ago or lived in): the plan's dwelling.status is existing".to_owned(),
                )
            },
        ),
    };
    let reported = match rule {
        RuleId::SnArea if new => RuleId::SnAreaNew,
        RuleId::SnArea => RuleId::SnAreaExisting,
        other => other,
    };
    let shared = ctx.value(ParamKey::SnSharedFacilities) >= 0.5;
    if ctx.profile.has_param(ParamKey::KanagawaUntil1995M2) {
        let permit = dwelling.permit_date.clone();
        let year = permit.as_deref().and_then(parse_date).map(|(y, _, _)| y);
        let limit = match (permit, year) {
            (Some(date), Some(year)) => {
                let (key, tier_ja, tier_en) = match year {
                    ..=1995 => (ParamKey::KanagawaUntil1995M2, "H7 (1995) 以前", "up to 1995"),
                    1996..=2005 => (
                        ParamKey::Kanagawa1996To2005M2,
                        "H8〜H17 (1996〜2005)",
                        "1996-2005",
                    ),
                    _ => (ParamKey::KanagawaFrom2006M2, "H18 (2006) 以降", "from 2006"),
                };
                let key = if shared {
                    ParamKey::KanagawaSharedM2
                } else {
                    key
                };
                return UnitMinimum {
                    rule: reported,
                    limit: Ok(ctx.value(key)),
                    why: (
                        format!("神奈川県 建築確認 {tier_ja} の区分 (建築確認日 {date}); {}", why.0),
                        format!("Kanagawa tier for permits {tier_en} (permit date {date}); {}", why.1),
                    ),
                    shared,
                };
            }
            (None, _) => Err((
                "神奈川県の面積は建築確認の年で決まりますが、建築確認日 (permit_date) が未入力です".to_owned(),
                "Kanagawa grades unit areas by permit year, and the building permit date (permit_date) is not entered".to_owned(),
            )),
            (Some(date), None) => Err((
                format!("建築確認日 \"{date}\" が YYYY-MM-DD ではないため神奈川県の区分を決められません"),
                format!("the building permit date \"{date}\" is not YYYY-MM-DD, so the Kanagawa tier cannot be chosen"),
            )),
        };
        return UnitMinimum {
            rule: reported,
            limit,
            why,
            shared,
        };
    }
    let key = match (new, shared) {
        (true, false) => ParamKey::SnNewMinM2,
        (true, true) => ParamKey::SnNewSharedMinM2,
        (false, false) => ParamKey::SnExistingMinM2,
        (false, true) => ParamKey::SnExistingSharedMinM2,
    };
    UnitMinimum {
        rule: reported,
        limit: Ok(ctx.value(key)),
        why,
        shared,
    }
}

/// SN-AREA-NEW / SN-AREA-EXISTING / SN-AREA / SUPPORT-AREA: the unit's area (on the
/// profile's basis) ≥ the minimum `unit_minimum` picks: new 25 ㎡ (18 ㎡ with equal shared
/// kitchen, storage or bath, `sn.shared_facilities`), existing 18 ㎡ (13 ㎡). The finding
/// says which minimum it used and why.
pub fn sn_area(ctx: &mut Ctx<'_, '_>, rule: RuleId) {
    let UnitMinimum {
        rule: reported,
        limit,
        why: (why_ja, why_en),
        shared,
    } = unit_minimum(ctx, rule);
    let whole = ctx.facts.whole_m2();
    let limit = match limit {
        Ok(limit) => limit,
        Err((ja, en)) => {
            ctx.push(
                reported,
                Draft {
                    status: Status::Unavailable,
                    element_ids: vec![],
                    measured: sqm(whole),
                    required: None,
                    text: text(move || Texts {
                        formula: format!("住戸 {} ㎡, 神奈川県の区分 不明 (建築確認日)", m2(whole)),
                        ja: ja.clone(),
                        en: en.clone(),
                        hint_ja: "建築確認日 (YYYY-MM-DD) を入力します".into(),
                        hint_en: "enter the building permit date (YYYY-MM-DD)".into(),
                    }),
                },
            );
            return;
        }
    };
    let ok = whole + EPSILON_M2 >= limit;
    let (shared_ja, shared_en) = if shared {
        ("共用設備あり", "with shared facilities")
    } else {
        ("共用設備なし", "no shared facilities")
    };
    ctx.push(reported, Draft {
        status: verdict(ok),
        element_ids: vec![],
        measured: sqm(whole),
        required: sqm(limit),
        text: text(move || {
            let (have, need) = numbers::compared(whole, limit, ok);
            let short = numbers::shortfall(limit - whole);
            Texts {
                formula: format!("{have} ㎡ {} {need} ㎡ ({why_ja}; {shared_ja})", if ok { "≥" } else { "<" }),
                ja: if ok { format!("住戸面積 {have} ㎡ は {need} ㎡ 以上です ({why_ja})") } else { format!("住戸面積 {have} ㎡ は {need} ㎡ に {short} ㎡ 足りません ({why_ja})") },
                en: if ok { format!("the unit's {have} ㎡ meets {need} ㎡ ({why_en}; {shared_en})") } else { format!("the unit's {have} ㎡ is {short} ㎡ short of {need} ㎡ ({why_en}; {shared_en})") },
                hint_ja: if ok { String::new() } else if shared { format!("+{short} ㎡ 広げます") } else { format!("+{short} ㎡ 広げるか、同等以上の共用台所・収納・浴室を設けて緩和値を使います") },
                hint_en: if ok { String::new() } else if shared { format!("add {short} ㎡") } else { format!("add {short} ㎡, or provide equal shared kitchen, storage or bath to use the lower minimum") },
            }
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

/// SN-SEISMIC: building work started (着工, `construction_started`) after 1981-05-31
/// (新耐震), or a passed seismic assessment. A completion year alone decides only for
/// buildings completed by 1980. The building permit date (建築確認日, `permit_date`) is a
/// different date and is not read here: the cut-off is stated for the start of work.
pub fn seismic(ctx: &mut Ctx<'_, '_>) {
    let dwelling = &ctx.facts.plan.dwelling;
    let started = dwelling
        .construction_started
        .as_deref()
        .and_then(parse_date);
    let after_cutoff = started.map(|(y, m, d)| (y, m, d) > (1981, 5, 31));
    let (status, formula, ja, en) = match (after_cutoff, dwelling.seismic_assessment_passed, dwelling.year_built) {
        (Some(true), _, _) => (Status::Pass, format!("着工日 {} > 1981-05-31", dwelling.construction_started.as_deref().unwrap_or_default()), "1981-06-01 以降に着工した新耐震基準の建物です".to_owned(), "building work started on or after 1981-06-01, under the 1981 seismic code".to_owned()),
        (_, Some(true), _) => (Status::Pass, "耐震診断: 適合".into(), "耐震診断で安全が確かめられています".into(), "a seismic assessment found it safe".into()),
        (Some(false), _, _) => (Status::Fail, format!("着工日 {} ≤ 1981-05-31", dwelling.construction_started.as_deref().unwrap_or_default()), "1981-05-31 以前に着工した旧耐震の建物で、耐震診断の適合がありません".into(), "building work started by 1981-05-31 (before the 1981 seismic code), with no passed assessment".into()),
        (None, Some(false), _) => (Status::Fail, "耐震診断: 不適合".into(), "耐震診断で不適合です".into(), "the seismic assessment failed".into()),
        (None, None, Some(year)) if year <= 1980 => (Status::Fail, format!("竣工 {year} 年 ≤ 1980 年"), "1980 年以前の竣工で旧耐震です".into(), "completed by 1980, so built before the 1981 seismic code".into()),
        (None, None, year) => (
            Status::Unavailable,
            year.map_or_else(|| "着工日・竣工年 未入力".to_owned(), |y| format!("竣工 {y} 年 (着工日 未入力)")),
            "工事の着工日 (construction_started) が分からないため新耐震か判定できません (建築確認日ではなく着工日で判断します)".into(),
            "the date building work started (construction_started) is unknown, so the seismic code cannot be decided (it is the start of work that counts, not the permit date)".into(),
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
                    "工事の着工日を入力するか、耐震診断・耐震改修を行います".into()
                } else {
                    String::new()
                },
                hint_en: if failed_or_unknown {
                    "enter the date building work started, or have a seismic assessment or retrofit"
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
    let ok = super::meets(whole, required);
    ctx.push(
        rule,
        Draft {
            status: verdict(ok),
            element_ids: vec![],
            measured: sqm(whole),
            required: sqm(required),
            text: text(move || {
                let (have, need) = crate::numbers::compared(whole, required, ok);
                let short = crate::numbers::shortfall(required - whole);
                let household_en = crate::report::plural(persons, "person", "persons");
                Texts {
                    formula: format!(
                        "{formula_head} = {need} ㎡ {} {have} ㎡",
                        if ok { "≤" } else { ">" },
                    ),
                    ja: format!(
                        "{persons} 人世帯 (N = {}): 必要 {need} ㎡, 住戸 {have} ㎡",
                        num(n, 2),
                    ),
                    en: format!(
                        "household of {household_en} (N = {}): needs {need} ㎡, the unit has {have} ㎡",
                        num(n, 2),
                    ),
                    hint_ja: if ok {
                        String::new()
                    } else {
                        format!("+{short} ㎡ 必要です")
                    },
                    hint_en: if ok {
                        String::new()
                    } else {
                        format!("needs {short} ㎡ more")
                    },
                }
            }),
        },
    );
}
