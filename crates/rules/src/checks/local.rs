//! Rules a local override adds (STANDARDS.md §6): the conditions of 豊島区「家族的な住まい方」
//! and the 東京都建築安全条例 bedroom minimum.
//!
//! 豊島区 certifies a house where a group lives like a family: its rooms may then be 7 ㎡,
//! and the house stays a 住宅 (not a 寄宿舎). The plan shows some of the conditions (how many
//! residents, how many rooms, how big each room is); the others are facts about the people
//! and the lease that only the user can declare (profile parameters, 0 until declared). The
//! 7 ㎡ relaxation and the 住宅 treatment hold only when every condition does, so choosing
//! the override never relaxes anything silently.

use super::building::bedrooms_wall_centre;
use super::{count, sqm, text, verdict, Ctx, Draft, Texts, EPSILON_M2};
use crate::numbers;
use crate::profile::{ParamKey, RuleId};
use crate::report::Status;

/// The declarations 豊島区 asks for that a plan cannot show, with their words.
const DECLARATIONS: [(ParamKey, &str, &str); 4] = [
    (
        ParamKey::ToshimaAllAdults,
        "入居者は全員 18 歳以上",
        "every resident is 18 or over",
    ),
    (
        ParamKey::ToshimaUnrelated,
        "入居者どうしに親族関係がない",
        "no resident is related to another",
    ),
    (
        ParamKey::ToshimaJointLease,
        "全員が連名で 1 つの賃貸借契約を結ぶ",
        "one joint lease signed by all",
    ),
    (
        ParamKey::ToshimaNobodyElse,
        "入居者以外は住まない",
        "nobody else lives there",
    ),
];

/// What the plan and the declarations say about the 豊島区 conditions.
pub(crate) struct Toshima {
    residents: u32,
    rooms: u32,
    min_residents: u32,
    room_min_m2: f64,
    /// Private rooms below `room_min_m2`: id, name, area on the profile's basis.
    small_rooms: Vec<(String, String, f64)>,
    /// The smallest private room's area, if any.
    smallest_m2: Option<f64>,
    declared: [bool; 4],
}

impl Toshima {
    /// The conditions, when the profile carries the 豊島区 override (its rule).
    pub(crate) fn of(ctx: &Ctx<'_, '_>) -> Option<Self> {
        if !ctx.profile.has_rule(RuleId::ToshimaFamily) {
            return None;
        }
        let facts = ctx.facts;
        let room_min_m2 = ctx.value(ParamKey::ShRoomRelaxedMinM2);
        let small_rooms = facts
            .private_rooms
            .iter()
            .filter(|p| p.area_m2 + EPSILON_M2 < room_min_m2)
            .map(|p| (p.room.id.clone(), p.room.name.clone(), p.area_m2))
            .collect();
        let smallest_m2 = facts
            .private_rooms
            .iter()
            .map(|p| p.area_m2)
            .min_by(f64::total_cmp);
        Some(Self {
            residents: facts.residents,
            rooms: u32::try_from(facts.private_rooms.len()).unwrap_or(u32::MAX),
            min_residents: ctx.value(ParamKey::ToshimaMinResidents) as u32,
            room_min_m2,
            small_rooms,
            smallest_m2,
            declared: DECLARATIONS.map(|(key, _, _)| ctx.value(key) >= 0.5),
        })
    }

    fn enough_residents(&self) -> bool {
        self.residents >= self.min_residents
    }

    fn within_rooms(&self) -> bool {
        self.residents > 0 && self.residents <= self.rooms
    }

    /// Whether every condition holds: the plan's and every declaration.
    pub(crate) fn holds(&self) -> bool {
        self.enough_residents()
            && self.within_rooms()
            && self.small_rooms.is_empty()
            && self.declared.iter().all(|d| *d)
    }

    /// The conditions not met, `(ja, en)`.
    fn unmet(&self) -> (Vec<String>, Vec<String>) {
        let mut ja = Vec::new();
        let mut en = Vec::new();
        if !self.enough_residents() {
            ja.push(format!("入居者 {} 人以上", self.min_residents));
            en.push(format!("at least {} residents", self.min_residents));
        }
        if !self.within_rooms() {
            ja.push("入居者数が居室数以下".to_owned());
            en.push("no more residents than rooms".to_owned());
        }
        if !self.small_rooms.is_empty() {
            ja.push(format!(
                "各室 {} ㎡ 以上",
                numbers::required(self.room_min_m2)
            ));
            en.push(format!(
                "every room at least {} ㎡",
                numbers::required(self.room_min_m2)
            ));
        }
        for (declared, (_, what_ja, what_en)) in self.declared.iter().zip(DECLARATIONS) {
            if !declared {
                ja.push(format!("{what_ja} (未申告)"));
                en.push(format!("{what_en} (not declared)"));
            }
        }
        (ja, en)
    }
}

/// Whether the 豊島区 override is applied and every one of its conditions holds: the house is
/// then a certified 住宅, not a 寄宿舎.
pub(crate) fn toshima_certified(ctx: &Ctx<'_, '_>) -> bool {
    Toshima::of(ctx).is_some_and(|t| t.holds())
}

/// The finding a 寄宿舎 building-code point gives for a certified 豊島区 house: not applicable.
pub(crate) fn not_a_dormitory() -> Draft {
    Draft {
        status: Status::Info,
        element_ids: vec![],
        measured: None,
        required: None,
        text: text(|| Texts {
            formula: "豊島区「家族的な住まい方」認定の条件をすべて満たす".into(),
            ja: "対象外: 豊島区認定の住宅は寄宿舎ではない".into(),
            en: "not applicable: a house certified by Toshima is a dwelling, not a dormitory"
                .into(),
            hint_ja: String::new(),
            hint_en: String::new(),
        }),
    }
}

/// TOSHIMA-FAMILY: a summary (whether the 7 ㎡ relaxation and the 住宅 treatment are in
/// force, and why not), then each plan condition (pass / fail; unavailable without residents)
/// and each declaration (pass when declared, unavailable "未申告" otherwise).
pub fn toshima_family(ctx: &mut Ctx<'_, '_>) {
    let Some(t) = Toshima::of(ctx) else {
        return;
    };
    let holds = t.holds();
    let (unmet_ja, unmet_en) = t.unmet();
    let full_min = ctx.value(ParamKey::ShRoomMinM2);
    let relaxed = t.room_min_m2;
    ctx.push(
        RuleId::ToshimaFamily,
        Draft {
            status: Status::Info,
            element_ids: vec![],
            measured: None,
            required: None,
            text: text(move || {
                let (full, relaxed) = (numbers::required(full_min), numbers::required(relaxed));
                if holds {
                    Texts {
                        formula: "認定の条件: すべて満たす".into(),
                        ja: format!("「家族的な住まい方」の条件をすべて満たします: 各室 {relaxed} ㎡ を適用し、寄宿舎ではなく住宅として扱います"),
                        en: format!("every condition of Toshima's family-like living holds: rooms may be {relaxed} ㎡, and the house is a dwelling, not a dormitory"),
                        hint_ja: String::new(),
                        hint_en: String::new(),
                    }
                } else {
                    Texts {
                        formula: format!("満たさない条件: {}", unmet_ja.join("、")),
                        ja: format!("「家族的な住まい方」の条件を満たさないため {relaxed} ㎡ の緩和は使えません: 専用居室は {full} ㎡ で判定し、寄宿舎として扱います"),
                        en: format!("Toshima's family-like living conditions do not all hold ({}), so the {relaxed} ㎡ relaxation is not in force: private rooms are checked at {full} ㎡ and the house counts as a dormitory", unmet_en.join("; ")),
                        hint_ja: format!("条件をすべて満たすと各室 {relaxed} ㎡ を使えます; それまでは各室 {full} ㎡ 以上にします"),
                        hint_en: format!("meet every condition to use {relaxed} ㎡ rooms; until then, make each room at least {full} ㎡"),
                    }
                }
            }),
        },
    );

    let (residents, rooms, min_residents) = (t.residents, t.rooms, t.min_residents);
    let no_residents = residents == 0;
    let unknown = || {
        text(|| Texts {
            formula: "入居者 未入力".into(),
            ja: "入居者数が分かりません: 専用居室に入居者を入力してください".into(),
            en: "the number of residents is unknown: enter occupancy on the private rooms".into(),
            hint_ja: "各専用居室の入居者を入力します".into(),
            hint_en: "enter each private room's occupancy".into(),
        })
    };
    let ok = t.enough_residents();
    ctx.push(
        RuleId::ToshimaFamily,
        Draft {
            status: if no_residents {
                Status::Unavailable
            } else {
                verdict(ok)
            },
            element_ids: vec![],
            measured: count(residents, "人"),
            required: count(min_residents, "人"),
            text: if no_residents {
                unknown()
            } else {
                text(move || Texts {
                    formula: format!(
                        "入居者 {residents} 人 {} {min_residents} 人",
                        if ok { "≥" } else { "<" }
                    ),
                    ja: format!("入居者は {min_residents} 人以上が条件です ({residents} 人)"),
                    en: format!("needs at least {min_residents} residents ({residents})"),
                    hint_ja: if ok {
                        String::new()
                    } else {
                        format!("入居者を {min_residents} 人以上にします")
                    },
                    hint_en: if ok {
                        String::new()
                    } else {
                        format!("have at least {min_residents} residents")
                    },
                })
            },
        },
    );

    let ok = t.within_rooms();
    ctx.push(
        RuleId::ToshimaFamily,
        Draft {
            status: if no_residents {
                Status::Unavailable
            } else {
                verdict(ok)
            },
            element_ids: vec![],
            measured: count(residents, "人"),
            required: count(rooms, "室"),
            text: if no_residents {
                unknown()
            } else {
                text(move || Texts {
                    formula: format!(
                        "入居者 {residents} 人 {} 居室 {rooms} 室",
                        if ok { "≤" } else { ">" }
                    ),
                    ja: format!(
                        "入居者数は居室数以下が条件です (入居者 {residents} 人, 居室 {rooms} 室)"
                    ),
                    en: format!(
                        "needs no more residents than rooms ({residents} residents, {rooms} rooms)"
                    ),
                    hint_ja: if ok {
                        String::new()
                    } else {
                        "居室を増やすか入居者を減らします".into()
                    },
                    hint_en: if ok {
                        String::new()
                    } else {
                        "add rooms or house fewer residents".into()
                    },
                })
            },
        },
    );

    let ok = t.small_rooms.is_empty();
    let small = t.small_rooms.clone();
    let smallest = t.smallest_m2;
    ctx.push(
        RuleId::ToshimaFamily,
        Draft {
            status: verdict(ok),
            element_ids: small.iter().map(|(id, _, _)| id.clone()).collect(),
            measured: smallest.and_then(sqm),
            required: sqm(relaxed),
            text: text(move || {
                let need = numbers::required(relaxed);
                let (list, shortfalls) = below_minimum(&small, relaxed);
                let (list, hint) = (list.join("、"), shortfalls.join("、"));
                Texts {
                    formula: if ok {
                        smallest.map_or_else(
                            || "専用居室なし".to_owned(),
                            |a| {
                                let (have, need) = numbers::compared(a, relaxed, true);
                                format!("最小の居室 {have} ㎡ ≥ {need} ㎡")
                            },
                        )
                    } else {
                        list
                    },
                    ja: format!("各居室 {need} ㎡ 以上が条件です"),
                    en: format!("every room needs at least {need} ㎡"),
                    hint_ja: if ok {
                        String::new()
                    } else {
                        format!("広げる: {hint}")
                    },
                    hint_en: if ok {
                        String::new()
                    } else {
                        format!("enlarge: {hint}")
                    },
                }
            }),
        },
    );

    for (declared, (key, what_ja, what_en)) in t.declared.into_iter().zip(DECLARATIONS) {
        let name = key.describe().key;
        ctx.push(
            RuleId::ToshimaFamily,
            Draft {
                status: if declared {
                    Status::Pass
                } else {
                    Status::Unavailable
                },
                element_ids: vec![],
                measured: None,
                required: None,
                text: text(move || Texts {
                    formula: format!("{name} = {}", u8::from(declared)),
                    ja: if declared {
                        format!("申告済み: {what_ja}")
                    } else {
                        format!("未申告: {what_ja}")
                    },
                    en: if declared {
                        format!("declared: {what_en}")
                    } else {
                        format!("not declared: {what_en}")
                    },
                    hint_ja: if declared {
                        String::new()
                    } else {
                        format!("事実であれば申告します ({name} = 1)")
                    },
                    hint_en: if declared {
                        String::new()
                    } else {
                        format!("declare it if true ({name} = 1)")
                    },
                }),
            },
        );
    }
}

/// TOKYO-ROOM-7: 東京都建築安全条例 asks 寄宿舎 bedrooms of at least 7 ㎡ (the article number
/// is unconfirmed, so this is information: a room below it is a warning, never a fail). A
/// building ordinance measures legal floor area, so the bedroom's own 壁芯 area is used, its
/// storage left out. A certified 豊島区 house is not a 寄宿舎: not applicable.
pub fn tokyo_room(ctx: &mut Ctx<'_, '_>) {
    if toshima_certified(ctx) {
        ctx.push(RuleId::TokyoRoom7, not_a_dormitory());
        return;
    }
    let min = ctx.value(ParamKey::TokyoRoomMinM2);
    let rooms = bedrooms_wall_centre(ctx.facts);
    let small: Vec<(String, String, f64)> = rooms
        .iter()
        .filter(|b| b.room_m2 + EPSILON_M2 < min)
        .map(|b| (b.room.id.clone(), b.room.name.clone(), b.room_m2))
        .collect();
    let smallest = rooms.iter().map(|b| b.room_m2).min_by(f64::total_cmp);
    let ok = small.is_empty();
    ctx.push(
        RuleId::TokyoRoom7,
        Draft {
            status: if ok { Status::Info } else { Status::Warning },
            element_ids: small.iter().map(|(id, _, _)| id.clone()).collect(),
            measured: smallest.and_then(sqm),
            required: sqm(min),
            text: text(move || {
                let need = numbers::required(min);
                let (list, shortfalls) = below_minimum(&small, min);
                let list = list.join("、");
                Texts {
                    formula: if ok {
                        smallest.map_or_else(
                            || "寝室なし".to_owned(),
                            |a| {
                                let (have, need) = numbers::compared(a, min, true);
                                format!("最小の寝室 {have} ㎡ ≥ {need} ㎡ (壁芯, 収納を除く)")
                            },
                        )
                    } else {
                        format!("{list} (壁芯, 収納を除く)")
                    },
                    ja: format!("東京都建築安全条例: 寄宿舎の寝室は {need} ㎡ 以上 (条番号 未確認)"),
                    en: format!("Tokyo building safety ordinance: dormitory bedrooms at least {need} ㎡ (article number unconfirmed)"),
                    hint_ja: if ok {
                        String::new()
                    } else {
                        format!("広げる: {}", shortfalls.join("、"))
                    },
                    hint_en: if ok {
                        String::new()
                    } else {
                        format!("enlarge: {}", shortfalls.join(", "))
                    },
                }
            }),
        },
    );
}

/// Rooms `(id, name, area)` below `min_m2`, as both local rules print them: each as
/// `name have ㎡ < need ㎡` (numbers that agree with the verdict) and each shortfall as
/// `name +x ㎡` (rounded up, so enlarging by it is enough).
fn below_minimum(small: &[(String, String, f64)], min_m2: f64) -> (Vec<String>, Vec<String>) {
    small
        .iter()
        .map(|(_, name, area)| {
            let (have, need) = numbers::compared(*area, min_m2, false);
            (
                format!("{name} {have} ㎡ < {need} ㎡"),
                format!("{name} +{} ㎡", numbers::shortfall(min_m2 - area)),
            )
        })
        .unzip()
}
