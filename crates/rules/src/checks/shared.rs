//! 共同居住型賃貸住宅 (shared house) rules, STANDARDS.md §1, and the 参考編 guidance.

use super::{count, per, sqm, text, verdict, Ctx, Draft, Texts, EPSILON_M2};
use crate::facts::{Facts, Item, PrivateRoom};
use crate::numbers;
use crate::profile::{ParamKey, RuleId};
use crate::report::{m2, num, Status};
use madori_plan::{FixtureKind, RoomKind};

/// SH-AREA: whole dwelling 壁芯 area ≥ `per_person`·A + `base` (A ≥ 2).
///
/// A is the sum of the private rooms' occupancy. The whole area counts every room except
/// balconies, on every storey.
pub fn area(ctx: &mut Ctx<'_, '_>) {
    let per_person = ctx.value(ParamKey::ShAreaPerPersonM2);
    let base = ctx.value(ParamKey::ShAreaBaseM2);
    area_rule(ctx, RuleId::ShArea, per_person, base);
}

pub(crate) fn area_rule(ctx: &mut Ctx<'_, '_>, rule: RuleId, per_person: f64, base: f64) {
    let residents = ctx.facts.residents;
    let whole = ctx.facts.whole_m2();
    if residents == 0 {
        ctx.push(
            rule,
            Draft {
                status: Status::Unavailable,
                element_ids: vec![],
                measured: sqm(whole),
                required: None,
                text: text(move || Texts {
                    formula: format!(
                        "{} × A + {} ㎡ (A 未入力)",
                        num(per_person, 2),
                        num(base, 2)
                    ),
                    ja: "入居者数 A が分かりません: 専用居室に入居者を入力してください".into(),
                    en:
                        "The number of residents A is unknown: enter occupancy on the private rooms"
                            .into(),
                    hint_ja: "各専用居室の「入居者」を 1 人に設定します".into(),
                    hint_en: "Set each private room's occupancy to 1 person".into(),
                }),
            },
        );
        return;
    }
    let required = per_person * f64::from(residents) + base;
    let ok = super::meets(whole, required);
    // The most residents this area houses, by the same predicate as the verdict.
    let max_residents = (0..=residents)
        .rev()
        .find(|&n| super::meets(whole, per_person * f64::from(n) + base))
        .unwrap_or(0);
    let status = if residents < 2 {
        Status::Warning
    } else {
        verdict(ok)
    };
    ctx.push(rule, Draft {
        status,
        element_ids: vec![],
        measured: sqm(whole),
        required: sqm(required),
        text: text(move || {
            let (have, need) = numbers::compared(whole, required, ok);
            let short = numbers::shortfall(required - whole);
            let (ja, en) = if residents < 2 {
                (
                    format!("共同居住型は入居者 2 人以上が前提です (A = {residents})"),
                    format!("a shared house has at least 2 residents (A = {residents})"),
                )
            } else if ok {
                (
                    format!("住戸全体 {have} ㎡ は {residents} 人に必要な {need} ㎡ 以上です"),
                    format!("the whole {have} ㎡ meets the {need} ㎡ needed for {residents} residents"),
                )
            } else {
                (
                    format!("住戸全体 {have} ㎡ は {residents} 人に必要な {need} ㎡ に {short} ㎡ 足りません"),
                    format!("the whole {have} ㎡ is {short} ㎡ short of the {need} ㎡ needed for {residents} residents"),
                )
            };
            let (hint_ja, hint_en) = if ok {
                (String::new(), String::new())
            } else if max_residents >= 2 {
                (
                    format!("延床を +{short} ㎡ 増やすか、入居者を {max_residents} 人にします"),
                    format!("add {short} ㎡ of floor area, or house {max_residents} residents"),
                )
            } else {
                (
                    format!("延床を +{short} ㎡ 増やします (この面積では 2 人の共同居住型も成り立ちません)"),
                    format!("add {short} ㎡ of floor area (this area cannot house a shared house of 2)"),
                )
            };
            Texts {
                formula: format!(
                    "{} × {residents} + {} = {need} ㎡ {} {have} ㎡",
                    num(per_person, 2),
                    num(base, 2),
                    if ok { "≤" } else { ">" }
                ),
                ja,
                en,
                hint_ja,
                hint_en,
            }
        }),
    });
}

/// The room-size limit in force and how many rooms may use the relaxed size.
pub(crate) struct RoomLimits {
    pub(crate) min_m2: f64,
    pub(crate) relaxed_min_m2: f64,
    pub(crate) relaxed_allowed: usize,
}

/// The room-size limits in force for `rooms` rooms. The relaxed size comes from the profile
/// (a study suggestion or a local plan); under 豊島区「家族的な住まい方」 it is in force only
/// while every certification condition holds (TOSHIMA-FAMILY says which do not), otherwise
/// every room is held to the full size.
pub(crate) fn room_limits(ctx: &Ctx<'_, '_>, rooms: usize) -> RoomLimits {
    let min_m2 = ctx.value(ParamKey::ShRoomMinM2);
    let toshima_blocks = super::local::Toshima::of(ctx).is_some_and(|toshima| !toshima.holds());
    let relaxed_min_m2 = if toshima_blocks {
        min_m2
    } else {
        ctx.value(ParamKey::ShRoomRelaxedMinM2).min(min_m2)
    };
    let share = ctx.value(ParamKey::ShRoomRelaxedShare);
    let relaxed_allowed = if relaxed_min_m2 < min_m2 {
        ((share * rooms as f64) + 1e-9).floor() as usize
    } else {
        0
    };
    RoomLimits {
        min_m2,
        relaxed_min_m2,
        relaxed_allowed,
    }
}

/// Whether a room (by index into private rooms) may use the relaxed size: the largest
/// rooms below the full size take the allowance first.
fn relaxed_rooms(ctx: &Ctx<'_, '_>, indices: &[usize], limits: &RoomLimits) -> Vec<bool> {
    let rooms = &ctx.facts.private_rooms;
    let mut candidates: Vec<usize> = indices
        .iter()
        .copied()
        .filter(|&i| {
            let a = rooms[i].area_m2;
            a + EPSILON_M2 < limits.min_m2 && a + EPSILON_M2 >= limits.relaxed_min_m2
        })
        .collect();
    // Largest first (`!` reverses the key's order); equal areas keep their order.
    madori_plan::order::sort_by_i64_key(&mut candidates, |&i| {
        !madori_plan::order::f64_key(rooms[i].area_m2)
    });
    let mut relaxed = vec![false; rooms.len()];
    for &i in candidates.iter().take(limits.relaxed_allowed) {
        relaxed[i] = true;
    }
    relaxed
}

/// The private rooms that the SH room-size rule covers in this profile: all of them, except
/// in the single-parent profile, where single-parent household rooms follow SP-ROOM.
pub(crate) fn single_rooms(ctx: &Ctx<'_, '_>) -> Vec<usize> {
    ctx.facts
        .private_rooms
        .iter()
        .enumerate()
        .filter(|(_, p)| covers(ctx, p))
        .map(|(i, _)| i)
        .collect()
}

/// Whether SH-ROOM covers this private room (see [`single_rooms`]).
pub(crate) fn covers(ctx: &Ctx<'_, '_>, p: &PrivateRoom<'_>) -> bool {
    !(ctx.profile.has_rule(RuleId::SpRoom)
        && p.room
            .occupancy
            .as_ref()
            .is_some_and(madori_plan::Occupancy::is_single_parent_household))
}

/// SH-ROOM: each private room ≥ 9 ㎡, its own 収納 included; with a local relaxation, a
/// share of the rooms may be ≥ 7 ㎡ instead.
pub fn rooms(ctx: &mut Ctx<'_, '_>) {
    let (indices, limits, relaxed) = room_context(ctx);
    let facts = ctx.facts;
    for i in indices {
        let draft = room_finding(&facts.private_rooms[i], &limits, relaxed[i]);
        ctx.push(RuleId::ShRoom, draft);
    }
}

/// What SH-ROOM decides for the whole plan before looking at a room: the rooms it covers
/// (indices into the private rooms), the limits, and which rooms use the relaxed size.
pub(crate) fn room_context(ctx: &Ctx<'_, '_>) -> (Vec<usize>, RoomLimits, Vec<bool>) {
    let indices = single_rooms(ctx);
    let limits = room_limits(ctx, indices.len());
    let relaxed = relaxed_rooms(ctx, &indices, &limits);
    (indices, limits, relaxed)
}

/// SH-ROOM's finding on one room it covers; `relaxed`: the room may use the relaxed size.
pub(crate) fn room_finding(p: &PrivateRoom<'_>, limits: &RoomLimits, relaxed: bool) -> Draft {
    let (min_m2, relaxed_min_m2) = (limits.min_m2, limits.relaxed_min_m2);
    let (area, storage) = (p.area_m2, p.storage_m2);
    let full = area + EPSILON_M2 >= min_m2;
    let uses_relaxation = !full && relaxed;
    let ok = full || uses_relaxation;
    let limit = if uses_relaxation {
        relaxed_min_m2
    } else {
        min_m2
    };
    let name = p.room.name.clone();
    Draft {
        status: verdict(ok),
        element_ids: vec![p.room.id.clone()],
        measured: sqm(area),
        required: sqm(limit),
        text: text(move || {
            let (have, need) = numbers::compared(area, limit, ok);
            let short = numbers::shortfall(limit - area);
            let breakdown = if storage > 0.0 {
                format!(" (居室 {} + 収納 {})", m2(area - storage), m2(storage))
            } else {
                String::new()
            };
            let full_size = num(min_m2, 2);
            let (ja, en) = if uses_relaxation {
                (
                        format!("{name} {have} ㎡ は地域の緩和 {need} ㎡ を満たします ({full_size} ㎡ 未満)"),
                        format!("{name} {have} ㎡ meets the local relaxation of {need} ㎡ (below {full_size} ㎡)"),
                    )
            } else if ok {
                (
                    format!("{name} {have} ㎡ は {need} ㎡ 以上です"),
                    format!("{name} {have} ㎡ is at least {need} ㎡"),
                )
            } else {
                (
                    format!("{name} {have} ㎡ は {need} ㎡ に {short} ㎡ 足りません"),
                    format!("{name} {have} ㎡ is {short} ㎡ short of {need} ㎡"),
                )
            };
            let (hint_ja, hint_en) = if ok {
                (String::new(), String::new())
            } else {
                (
                        format!("{name} を +{short} ㎡ 広げる (隣室との壁を動かす、収納を含める) か、居室以外の用途にします"),
                        format!("enlarge {name} by {short} ㎡ (move a partition, attach its storage) or give it another use"),
                    )
            };
            Texts {
                formula: format!(
                    "{have}{breakdown} ㎡ {} {need} ㎡",
                    if ok { "≥" } else { "<" }
                ),
                ja,
                en,
                hint_ja,
                hint_en,
            }
        }),
    }
}

/// SH-ROOM-RELAX: when a local relaxation is in force, how many rooms use it against how
/// many may.
pub fn relaxation(ctx: &mut Ctx<'_, '_>) {
    let indices = single_rooms(ctx);
    let limits = room_limits(ctx, indices.len());
    if limits.relaxed_min_m2 >= limits.min_m2 {
        return;
    }
    let rooms = &ctx.facts.private_rooms;
    let using: Vec<String> = indices
        .iter()
        .filter(|&&i| {
            rooms[i].area_m2 + EPSILON_M2 < limits.min_m2
                && rooms[i].area_m2 + EPSILON_M2 >= limits.relaxed_min_m2
        })
        .map(|&i| rooms[i].room.id.clone())
        .collect();
    let used = using.len();
    let allowed = limits.relaxed_allowed;
    let ok = used <= allowed;
    let (min_m2, relaxed_min_m2, total) = (limits.min_m2, limits.relaxed_min_m2, indices.len());
    let share = ctx.value(ParamKey::ShRoomRelaxedShare);
    ctx.push(RuleId::ShRoomRelax, Draft {
        status: if ok { Status::Info } else { Status::Fail },
        element_ids: using,
        measured: count(used as u32, "室"),
        required: count(allowed as u32, "室"),
        text: text(move || Texts {
            formula: format!(
                "{} ㎡ 以上 {} ㎡ 未満の居室 {used} 室 {} 緩和できる {allowed} 室 (全 {total} 室 × {})",
                num(relaxed_min_m2, 2),
                num(min_m2, 2),
                if ok { "≤" } else { ">" },
                num(share, 3)
            ),
            ja: format!("地域の緩和 ({} ㎡) を {used} 室が使っています (上限 {allowed} 室)", num(relaxed_min_m2, 2)),
            en: format!(
                "{} the local relaxation to {} ㎡ (at most {allowed} may)",
                crate::report::plural(used as u32, "room uses", "rooms use"),
                num(relaxed_min_m2, 2)
            ),
            hint_ja: if ok { String::new() } else { "緩和の上限を超える居室を広げます".into() },
            hint_en: if ok { String::new() } else { "enlarge the rooms beyond the relaxation's allowance".into() },
        }),
    });
}

/// SH-OCC: each private room holds at most one person.
pub fn occupancy(ctx: &mut Ctx<'_, '_>) {
    let facts = ctx.facts;
    for p in &facts.private_rooms {
        let draft = occupancy_finding(ctx, p);
        ctx.push(RuleId::ShOcc, draft);
    }
}

/// SH-OCC's finding on one private room.
pub(crate) fn occupancy_finding(ctx: &Ctx<'_, '_>, p: &PrivateRoom<'_>) -> Draft {
    let max = ctx.value(ParamKey::ShOccMaxPersons);
    let name = p.room.name.clone();
    let Some(occ) = &p.room.occupancy else {
        return Draft {
            status: Status::Info,
            element_ids: vec![p.room.id.clone()],
            measured: None,
            required: count(max as u32, "人"),
            text: text(move || Texts {
                formula: "入居者 未入力".into(),
                ja: format!("{name}: 入居者が未入力です (空室として扱います)"),
                en: format!("{name}: no occupancy entered (treated as vacant)"),
                hint_ja: "入居者を入力すると定員と面積を確認できます".into(),
                hint_en: "enter the occupancy to check capacity and area".into(),
            }),
        };
    };
    let persons = occ.persons();
    let ok = f64::from(persons) <= max + 1e-9;
    let draft = Draft {
        status: verdict(ok),
        element_ids: vec![p.room.id.clone()],
        measured: count(persons, "人"),
        required: count(max as u32, "人"),
        text: text(move || Texts {
            formula: format!(
                "{persons} 人 {} {} 人",
                if ok { "≤" } else { ">" },
                num(max, 0)
            ),
            ja: format!("{name}: {persons} 人 (上限 {} 人)", num(max, 0)),
            en: format!(
                "{name}: {} (at most {})",
                crate::report::plural(persons, "person", "persons"),
                num(max, 0)
            ),
            hint_ja: if ok {
                String::new()
            } else {
                "1 室 1 人にします: 居室を分けるか入居者を減らします".into()
            },
            hint_en: if ok {
                String::new()
            } else {
                "one person per room: split the room or house fewer people".into()
            },
        }),
    };
    draft
}

/// One common facility of SH-COMMON and how to tell it is there.
struct Facility {
    ja: &'static str,
    en: &'static str,
    room_kinds: &'static [RoomKind],
    item: Option<Item>,
}

const FACILITIES: [Facility; 7] = [
    Facility {
        ja: "居間",
        en: "living room",
        room_kinds: &[RoomKind::Living, RoomKind::Ldk],
        item: None,
    },
    Facility {
        ja: "食堂",
        en: "dining room",
        room_kinds: &[RoomKind::Dining, RoomKind::Ldk, RoomKind::Dk],
        item: None,
    },
    Facility {
        ja: "台所",
        en: "kitchen",
        room_kinds: &[],
        item: Some(Item::Kitchen),
    },
    Facility {
        ja: "便所",
        en: "toilet",
        room_kinds: &[],
        item: Some(Item::Toilet),
    },
    Facility {
        ja: "洗面設備",
        en: "wash basin",
        room_kinds: &[],
        item: Some(Item::WashBowl),
    },
    Facility {
        ja: "浴室又はシャワー室",
        en: "bath or shower",
        room_kinds: &[],
        item: Some(Item::BathOrShower),
    },
    Facility {
        ja: "洗濯室又は洗濯場",
        en: "laundry place",
        room_kinds: &[],
        item: Some(Item::Laundry),
    },
];

/// SH-COMMON: common 居間, 食堂, 台所, 便所, 洗面設備, 浴室又はシャワー室, 洗濯室又は洗濯場.
/// An equipment item is not needed in common space when every private room has its own.
/// Equipment counts from placed fixtures (a 便所 room without a toilet fixture does not count).
pub fn common(ctx: &mut Ctx<'_, '_>) {
    let facts = ctx.facts;
    let mut missing_ja = Vec::new();
    let mut missing_en = Vec::new();
    let mut providers = Vec::new();
    for facility in &FACILITIES {
        let present = match facility.item {
            None => match facts.has_common_room(facility.room_kinds) {
                Some(room) => {
                    providers.push(room.id.clone());
                    true
                }
                None => false,
            },
            Some(item) => {
                let every_room_own = !facts.private_rooms.is_empty()
                    && facts.private_rooms.iter().all(|p| p.own.get(item) > 0);
                providers.extend(facts.common_providers[item as usize].iter().cloned());
                facts.common_count(item) > 0 || every_room_own
            }
        };
        if !present {
            missing_ja.push(facility.ja);
            missing_en.push(facility.en);
        }
    }
    let present = (FACILITIES.len() - missing_ja.len()) as u32;
    let ok = missing_ja.is_empty();
    // A DK is a 食堂 and a 台所, not a 居間: say how to make a living room count.
    let dk_without_living = missing_ja
        .contains(&"居間")
        .then(|| {
            facts
                .has_common_room(&[RoomKind::Dk])
                .map(|r| r.name.clone())
        })
        .flatten();
    let (living_ja, living_en) = match &dk_without_living {
        Some(dk) => (
            format!("。{dk} は DK (食堂・台所) で居間になりません: 居間として使える広さなら用途を LDK にするか、別の部屋を居間にします"),
            format!(". {dk} is a DK (dining and kitchen), not a living room: mark it LDK if it is large enough to be one, or give another room the living use"),
        ),
        None => (String::new(), String::new()),
    };
    ctx.push(
        RuleId::ShCommon,
        Draft {
            status: verdict(ok),
            element_ids: providers,
            measured: count(present, "種"),
            required: count(FACILITIES.len() as u32, "種"),
            text: text(move || Texts {
                formula: format!("共用設備 {present} / {} 種", FACILITIES.len()),
                ja: if ok {
                    "共用の居間・食堂・台所・便所・洗面・浴室・洗濯場がそろっています".into()
                } else {
                    format!("共用部にありません: {}", missing_ja.join("、"))
                },
                en: if ok {
                    "common living, dining, kitchen, toilet, wash basin, bath and laundry are all there"
                        .into()
                } else {
                    format!("missing in common space: {}", missing_en.join(", "))
                },
                hint_ja: if ok {
                    String::new()
                } else {
                    format!(
                        "{} を共用部に設けます (全居室に専用があれば不要){living_ja}",
                        missing_ja.join("、")
                    )
                },
                hint_en: if ok {
                    String::new()
                } else {
                    format!(
                        "provide {} in common space (not needed if every private room has its own){living_en}",
                        missing_en.join(", ")
                    )
                },
            }),
        },
    );
}

/// SH-SANITARY: 便所, 洗面設備 (bowls) and 浴室又はシャワー室 each ≥ ceil(A / 5), where A
/// counts the residents whose rooms lack their own. Toilets and baths count as spaces: a
/// bathroom with a tub and a shower is one 浴室 (facts.rs).
pub fn sanitary(ctx: &mut Ctx<'_, '_>) {
    let per_item = ctx.value(ParamKey::ShSanitaryResidentsPerItem);
    for item in Item::SH_SANITARY {
        let users = ctx.facts.residents_without_own(item);
        sanitary_item(
            ctx,
            RuleId::ShSanitary,
            item,
            &[Users::persons(users, per_item)],
        );
    }
}

/// One group of users of a common item and how many share one: `⌈count ÷ per⌉` items.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Users {
    pub(crate) count: u32,
    pub(crate) per: f64,
    pub(crate) unit_ja: &'static str,
    pub(crate) one_en: &'static str,
    pub(crate) many_en: &'static str,
}

impl Users {
    /// Residents (persons).
    pub(crate) fn persons(count: u32, per: f64) -> Self {
        Self {
            count,
            per,
            unit_ja: "人",
            one_en: "resident",
            many_en: "residents",
        }
    }

    /// Single-parent households.
    pub(crate) fn households(count: u32, per: f64) -> Self {
        Self {
            count,
            per,
            unit_ja: "世帯",
            one_en: "household",
            many_en: "households",
        }
    }

    fn needed(self) -> u32 {
        super::per(self.count, self.per)
    }

    fn term_ja(self) -> String {
        format!("⌈{} {} ÷ {}⌉", self.count, self.unit_ja, num(self.per, 2))
    }

    fn term_en(self) -> String {
        format!(
            "⌈{} {} ÷ {}⌉",
            self.count,
            if self.count == 1 {
                self.one_en
            } else {
                self.many_en
            },
            num(self.per, 2)
        )
    }
}

/// A common item needed by groups of users: `Σ ⌈count ÷ per⌉ ≤ have`. Unavailable while no
/// resident is entered.
pub(crate) fn sanitary_item(ctx: &mut Ctx<'_, '_>, rule: RuleId, item: Item, groups: &[Users]) {
    sanitary_item_noted(ctx, rule, item, groups, ("", ""));
}

/// [`sanitary_item`] with a remark appended to the message (`(ja, en)`, empty for none).
pub(crate) fn sanitary_item_noted(
    ctx: &mut Ctx<'_, '_>,
    rule: RuleId,
    item: Item,
    groups: &[Users],
    remark: (&'static str, &'static str),
) {
    let have = ctx.facts.common_count(item);
    let ids = ctx.facts.common_providers[item as usize].clone();
    if ctx.facts.residents == 0 {
        ctx.push(
            rule,
            Draft {
                status: Status::Unavailable,
                element_ids: ids,
                measured: count(have, item.ja_counter()),
                required: None,
                text: text(move || Texts {
                    formula: format!(
                        "{}: {have} {} (必要数は入居者数による)",
                        item.ja(),
                        item.ja_counter()
                    ),
                    ja: format!(
                        "{}: 入居者数が分からないため必要数を決められません",
                        item.ja()
                    ),
                    en: format!(
                        "{}: the number needed depends on residents, which are not entered",
                        item.en()
                    ),
                    hint_ja: "専用居室に入居者を入力します".into(),
                    hint_en: "enter the occupancy of the private rooms".into(),
                }),
            },
        );
        return;
    }
    let groups: Vec<Users> = groups.to_vec();
    let need = groups
        .iter()
        .fold(0u32, |sum, g| sum.saturating_add(g.needed()));
    let ok = have >= need;
    ctx.push(
        rule,
        Draft {
            status: verdict(ok),
            element_ids: ids,
            measured: count(have, item.ja_counter()),
            required: count(need, item.ja_counter()),
            text: text(move || {
                let terms_ja: Vec<String> = groups.iter().map(|g| g.term_ja()).collect();
                let terms_en: Vec<String> = groups.iter().map(|g| g.term_en()).collect();
                let counter = item.ja_counter();
                Texts {
                    formula: format!(
                        "{}: {} = {need} {} {have}",
                        item.ja(),
                        terms_ja.join(" + "),
                        if ok { "≤" } else { ">" }
                    ),
                    ja: format!("{} {have} {counter} (必要 {need}){}", item.ja(), remark.0),
                    en: format!(
                        "{} (needs {need}): {}{}",
                        item.en_count(have),
                        terms_en.join(" + "),
                        remark.1
                    ),
                    hint_ja: if ok {
                        String::new()
                    } else {
                        format!(
                            "共用の{}をあと {} {counter}設けます",
                            item.ja(),
                            need - have
                        )
                    },
                    hint_en: if ok {
                        String::new()
                    } else {
                        format!("add {} in common space", item.en_count(need - have))
                    },
                }
            }),
        },
    );
}

/// SH-G-LAUNDRY (guidance): the 参考編 study proposed one laundry place per 5 residents
/// (「トイレ、浴室・脱衣室、洗面所、洗濯室は5人につき1箇所」); the official rule asks only that one
/// is present (SH-COMMON). Reported as the study's proposal, never as the standard.
pub fn guide_laundry(ctx: &mut Ctx<'_, '_>) {
    let per_item = ctx.value(ParamKey::ShSanitaryResidentsPerItem);
    let users = ctx.facts.residents_without_own(Item::Laundry);
    sanitary_item_noted(
        ctx,
        RuleId::ShGuideLaundry,
        Item::Laundry,
        &[Users::persons(users, per_item)],
        (
            ": 参考編の提案 (5 人に 1 箇所)。基準は共用の洗濯場があること (SH-COMMON) のみです",
            ": the 参考編 study's proposal (one per 5 residents); the standard asks only that one is present (SH-COMMON)",
        ),
    );
}

/// SH-G-KITCHEN (guidance): one full kitchen unit (≥ 2 burners and a sink) per 12 residents.
pub fn guide_kitchen(ctx: &mut Ctx<'_, '_>) {
    let per_unit = ctx.value(ParamKey::ShKitchenResidentsPerUnit);
    let residents = ctx.facts.residents;
    let full_units: Vec<String> = ctx
        .facts
        .plan
        .storeys
        .iter()
        .flat_map(|s| &s.fixtures)
        .filter(|f| matches!(f.kind, FixtureKind::Kitchen { burners, sink: true } if burners >= 2))
        .map(|f| f.id.clone())
        .collect();
    let have = full_units.len() as u32;
    let need = per(residents, per_unit).max(1);
    let ok = have >= need;
    ctx.push(
        RuleId::ShGuideKitchen,
        Draft {
            status: verdict(ok),
            element_ids: full_units,
            measured: count(have, "台"),
            required: count(need, "台"),
            text: text(move || Texts {
                formula: format!(
                    "max(1, ⌈{residents} 人 ÷ {}⌉) = {need} 台 {} {have} 台 (2口以上コンロ + シンク)",
                    num(per_unit, 2),
                    if ok { "≤" } else { ">" }
                ),
                ja: format!("台所設備 {have} 台 (推奨 {need} 台)"),
                en: format!("{have} kitchen units (recommended {need})"),
                hint_ja: if ok {
                    String::new()
                } else {
                    "2口以上のコンロとシンクのある台所設備を追加します".into()
                },
                hint_en: if ok {
                    String::new()
                } else {
                    "add a kitchen unit with at least two burners and a sink".into()
                },
            }),
        },
    );
}

/// SH-G-PRIVACY (guidance): each private room lockable, with a window to the outside (a window
/// only onto a corridor does not count). What the plan does not say (a door's lock, a
/// window's height, no windows at all) makes the finding unavailable, never a guess.
pub fn guide_privacy(ctx: &mut Ctx<'_, '_>) {
    let facts = ctx.facts;
    for p in &facts.private_rooms {
        ctx.push(RuleId::ShGuidePrivacy, privacy_finding(facts, p));
    }
}

/// SH-G-PRIVACY's finding on one private room.
pub(crate) fn privacy_finding(facts: &Facts<'_>, p: &PrivateRoom<'_>) -> Draft {
    let any_window = facts.any_window;
    let name = p.room.name.clone();
    let lockable = p.lockable;
    let windows = facts.room_windows[p.storey]
        .get(p.room_index)
        .copied()
        .unwrap_or_default();
    // Some(true): an outside window; None: not known (no windows entered, or an outside
    // window without a height still counts as a window).
    let window = if p.exterior_window_m2 > 0.0 || windows.height_unknown {
        Some(true)
    } else if any_window {
        Some(false)
    } else {
        None
    };
    let mut lacks_ja = Vec::new();
    let mut lacks_en = Vec::new();
    if lockable == Some(false) {
        lacks_ja.push("施錠できる扉");
        lacks_en.push("a lockable door");
    }
    if window == Some(false) {
        lacks_ja.push("外気に面した窓");
        lacks_en.push("a window to the outside");
    }
    let status = if !lacks_ja.is_empty() {
        Status::Fail
    } else if lockable.is_none() || window.is_none() {
        Status::Unavailable
    } else {
        Status::Pass
    };
    let said = |v: Option<bool>| match v {
        Some(true) => "あり",
        Some(false) => "なし",
        None => "未入力",
    };
    let draft = Draft {
        status,
        element_ids: vec![p.room.id.clone()],
        measured: None,
        required: None,
        text: text(move || {
            let mut unknown_ja = Vec::new();
            let mut unknown_en = Vec::new();
            if lockable.is_none() {
                unknown_ja.push("扉の施錠");
                unknown_en.push("whether its door locks");
            }
            if window.is_none() {
                unknown_ja.push("外窓");
                unknown_en.push("its outside windows");
            }
            Texts {
                formula: format!("施錠 {} / 外窓 {}", said(lockable), said(window)),
                ja: match status {
                    Status::Pass => format!("{name}: 施錠でき、外気に面した窓があります"),
                    Status::Unavailable => format!(
                        "{name}: {} が入力されていないため確認できません",
                        unknown_ja.join("・")
                    ),
                    _ => format!("{name}: {} がありません", lacks_ja.join("・")),
                },
                en: match status {
                    Status::Pass => format!("{name}: lockable with a window to the outside"),
                    Status::Unavailable => format!(
                        "{name}: {} not entered, so this cannot be checked",
                        unknown_en.join(" and ")
                    ),
                    _ => format!("{name}: lacks {}", lacks_en.join(" and ")),
                },
                hint_ja: if !lacks_ja.is_empty() {
                    format!("{} を設けます", lacks_ja.join("・"))
                } else if status == Status::Unavailable {
                    format!("{} を入力します", unknown_ja.join("・"))
                } else {
                    String::new()
                },
                hint_en: if !lacks_en.is_empty() {
                    format!("provide {}", lacks_en.join(" and "))
                } else if status == Status::Unavailable {
                    format!("enter {}", unknown_en.join(" and "))
                } else {
                    String::new()
                },
            }
        }),
    };
    draft
}

/// SH-G-SEPARATE (guidance): toilet, washing and bathing each in its own space, so one
/// resident's bath does not block another's toilet. Flags rooms where a toilet shares a room
/// with a bath or shower.
pub fn guide_separate(ctx: &mut Ctx<'_, '_>) {
    let mut combined = Vec::new();
    for storey in &ctx.facts.plan.storeys {
        let index: std::collections::HashMap<&str, usize> = storey
            .rooms
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        // Per room: has a toilet, has a bath or shower.
        let mut has = vec![(false, false); storey.rooms.len()];
        for fixture in &storey.fixtures {
            let Some(&r) = index.get(fixture.room.as_str()) else {
                continue;
            };
            match fixture.kind {
                FixtureKind::Toilet => has[r].0 = true,
                FixtureKind::Bath { .. } | FixtureKind::Shower => has[r].1 = true,
                _ => {}
            }
        }
        combined.extend(
            storey
                .rooms
                .iter()
                .zip(&has)
                .filter(|(_, h)| h.0 && h.1)
                .map(|(room, _)| room.id.clone()),
        );
    }
    let ok = combined.is_empty();
    ctx.push(
        RuleId::ShGuideSeparate,
        Draft {
            status: verdict(ok),
            element_ids: combined.clone(),
            measured: count(combined.len() as u32, "室"),
            required: count(0, "室"),
            text: text(move || Texts {
                formula: format!("便所と浴室が同室: {} 室", combined.len()),
                ja: if ok {
                    "便所・洗面・浴室は別々の空間です".into()
                } else {
                    "便所と浴室 (シャワー) が同じ部屋にあります".into()
                },
                en: if ok {
                    "toilet, washing and bathing are in separate spaces".into()
                } else {
                    "a toilet shares a room with a bath or shower".into()
                },
                hint_ja: if ok {
                    String::new()
                } else {
                    "便所を別室に分けます (3点ユニットの解消)".into()
                },
                hint_en: if ok {
                    String::new()
                } else {
                    "move the toilet to its own room".into()
                },
            }),
        },
    );
}

/// SH-G-ELDERLY-TOILETS (guidance for older residents): a toilet per 4 residents.
pub fn guide_elderly_toilets(ctx: &mut Ctx<'_, '_>) {
    let per_toilet = ctx.value(ParamKey::ShElderlyResidentsPerToilet);
    let users = ctx.facts.residents_without_own(Item::Toilet);
    sanitary_item(
        ctx,
        RuleId::ShGuideElderlyToilets,
        Item::Toilet,
        &[Users::persons(users, per_toilet)],
    );
}

/// SH-G-ELDERLY-FLOORS (guidance for older residents): a toilet on every floor that has
/// occupied private rooms.
pub fn guide_elderly_floors(ctx: &mut Ctx<'_, '_>) {
    let plan = ctx.facts.plan;
    for (s, storey) in plan.storeys.iter().enumerate() {
        let residents: u32 = ctx
            .facts
            .private_rooms
            .iter()
            .filter(|p| p.storey == s)
            .filter_map(|p| p.room.occupancy.as_ref())
            .map(|o| o.persons())
            .sum();
        if residents == 0 {
            continue;
        }
        let toilets = storey
            .fixtures
            .iter()
            .filter(|f| f.kind == FixtureKind::Toilet)
            .count() as u32;
        let ok = toilets > 0;
        let name = storey.name.clone();
        ctx.push(
            RuleId::ShGuideElderlyFloors,
            Draft {
                status: verdict(ok),
                element_ids: vec![storey.id.clone()],
                measured: count(toilets, "箇所"),
                required: count(1, "箇所"),
                text: text(move || Texts {
                    formula: format!("{name}: 入居者 {residents} 人, 便所 {toilets} 箇所"),
                    ja: if ok {
                        format!("{name} に便所があります")
                    } else {
                        format!("{name} には居室がありますが便所がありません")
                    },
                    en: if ok {
                        format!("{name} has a toilet")
                    } else {
                        format!("{name} has occupied rooms but no toilet")
                    },
                    hint_ja: if ok {
                        String::new()
                    } else {
                        format!("{name} に便所を設けます")
                    },
                    hint_en: if ok {
                        String::new()
                    } else {
                        format!("add a toilet on {name}")
                    },
                }),
            },
        );
    }
}
