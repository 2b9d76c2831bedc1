//! Capacity: the most residents (or households) a plan supports under a profile, the rule
//! that limits it, and the smallest change that would allow one more.
//!
//! Capacity is **the largest count for which the check passes** (no binding rule fails) when
//! the private rooms are occupied in the best possible way; a test brute-forces every
//! assignment of occupants to rooms on the templates and on random plans and compares.
//! Consequences:
//! * a binding rule that fails whatever the count (a private room under 9 ㎡, a missing common
//!   facility, SN-SEISMIC) makes the capacity 0 and is named as the reason;
//! * residents whose room has its own toilet, basin or bath do not use the common ones, so
//!   rooms with their own come first;
//! * recommendations (SP-SANITARY, SP-KITCHEN, the 参考編 guidance) never limit capacity: they
//!   give a separate `recommended` figure.
//!
//! Every predicate here is the check's own ([`meets`], [`per`]), so the two cannot drift.

use crate::checks::{meets, per, shared, single_parent, Ctx};
use crate::facts::{Item, PrivateRoom};
use crate::numbers;
use crate::profile::{ParamKey, RuleId};
use crate::report::{m2, plural, Status};
use serde::Serialize;

/// The most any count here reaches: plans hold at most this many people (validation bounds
/// rooms and occupancy far below it), so loops over counts stay bounded.
const MAX_COUNT: u32 = 100_000;

/// One rule's limit on the number of residents (or households).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Limit {
    /// The rule.
    pub rule_id: &'static str,
    /// The most it allows.
    pub max: u32,
    /// Whether the rule is binding; a recommendation's limit only feeds `recommended`.
    pub binding: bool,
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
    /// The most residents (or households) for which the check passes; `None` when the
    /// profile's rules do not depend on the number of residents.
    pub max: Option<u32>,
    /// The most that also meets every recommendation (`None` when no recommendation counts).
    pub recommended: Option<u32>,
    /// What `max` counts: `人` (persons) or `世帯` (households).
    pub unit: &'static str,
    /// Every limit considered, binding ones first, smallest first.
    pub limits: Vec<Limit>,
    /// Ids of the binding rules whose limit equals `max`, each once.
    pub limiting: Vec<&'static str>,
    /// Why `max` is `None`, or a remark on the result (e.g. a shared house needs two).
    pub note_ja: String,
    /// The same in English.
    pub note_en: String,
}

/// Rules that fail or pass whatever the number of residents: when one of them fails, no
/// count passes the check.
const COUNT_INDEPENDENT: [RuleId; 5] = [
    RuleId::ShRoom,
    RuleId::ShRoomRelax,
    RuleId::ShCommon,
    RuleId::SpBath,
    RuleId::SnSeismic,
];

/// Computes the capacity (see the module docs).
pub fn capacity(ctx: &Ctx<'_, '_>) -> Capacity {
    let profile = ctx.profile;
    let (unit, mut limits, recommended_limits) = if profile.has_rule(RuleId::ShArea) {
        ("人", shared_limits(ctx), Vec::new())
    } else if profile.has_rule(RuleId::SpArea) {
        let (binding, advisory) = single_parent_limits(ctx);
        ("世帯", binding, advisory)
    } else if let Some(rule) = [RuleId::LaMin, RuleId::LaUrban, RuleId::LaGeneral]
        .into_iter()
        .find(|r| profile.has_rule(*r))
    {
        ("人", vec![level_limit(ctx, rule)], Vec::new())
    } else {
        return Capacity {
            profile: profile.id,
            max: None,
            recommended: None,
            unit: "人",
            limits: Vec::new(),
            limiting: Vec::new(),
            note_ja: "この基準は入居者数によらず、住戸の面積と設備で判定します".into(),
            note_en: "this profile does not depend on the number of residents".into(),
        };
    };
    let mut blocking = blockers(ctx);
    if profile.has_rule(RuleId::SpArea) {
        blocking.extend(single_parent_blockers(ctx));
    }
    // A shared house of fewer than two fails the premise of SH-AREA: say so when the
    // count-dependent limits (not a rule failing whatever the count) leave fewer than two.
    let below_two = limits.iter().map(|l| l.max).min().unwrap_or(0) < 2;
    limits.extend(blocking);
    madori_plan::order::sort_by_i64_key(&mut limits, |l| i64::from(l.max));
    let max = limits.iter().map(|l| l.max).min().unwrap_or(0);
    let mut limiting: Vec<&'static str> = Vec::new();
    for limit in limits.iter().filter(|l| l.max == max) {
        if !limiting.contains(&limit.rule_id) {
            limiting.push(limit.rule_id);
        }
    }
    let recommended = (!recommended_limits.is_empty()).then(|| {
        recommended_limits
            .iter()
            .map(|l| l.max)
            .min()
            .unwrap_or(max)
            .min(max)
    });
    let mut note = (String::new(), String::new());
    if profile.has_rule(RuleId::ShArea) && below_two {
        note = (
            "共同居住型は 2 人以上が前提です: この計画では成り立ちません".into(),
            "a shared house needs at least 2 residents: this plan does not support one".into(),
        );
    }
    limits.extend(recommended_limits);
    Capacity {
        profile: profile.id,
        max: Some(max),
        recommended,
        unit,
        limits,
        limiting,
        note_ja: note.0,
        note_en: note.1,
    }
}

/// The binding, count-independent rules of the profile that fail on this plan: each makes
/// the capacity 0.
fn blockers(ctx: &Ctx<'_, '_>) -> Vec<Limit> {
    let mut probe = Ctx {
        facts: ctx.facts,
        profile: ctx.profile,
        out: Vec::new(),
    };
    for rule_use in &ctx.profile.rules {
        let single_parent = ctx.profile.has_rule(RuleId::SpArea);
        // In the single-parent profile, room sizes depend on who lives where: see
        // `single_parent_blockers`.
        let assignment_dependent = single_parent && rule_use.rule == RuleId::ShRoom;
        if rule_use.advisory || assignment_dependent || !COUNT_INDEPENDENT.contains(&rule_use.rule)
        {
            continue;
        }
        crate::checks::run_rule(&mut probe, rule_use.rule);
    }
    probe
        .out
        .iter()
        .filter(|f| f.status == Status::Fail)
        .map(|f| Limit {
            rule_id: f.rule_id,
            max: 0,
            binding: true,
            basis_ja: f.message_ja().to_owned(),
            basis_en: f.message_en().to_owned(),
            next_ja: f.hint().to_owned(),
            next_en: f.hint_en().to_owned(),
        })
        .collect()
}

/// The largest `n` in `0..=upper` for which `ok(n)` holds, for a predicate that holds up to
/// some point and not after.
fn largest(upper: u32, ok: impl Fn(u32) -> bool) -> u32 {
    let (mut lo, mut hi) = (0, upper.min(MAX_COUNT));
    if !ok(0) {
        return 0;
    }
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        if ok(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    lo
}

/// The SH-AREA style limit: the most `n` with `whole ≥ per · n + fixed`.
fn area_limit(
    rule: RuleId,
    whole: f64,
    per_unit: f64,
    fixed: f64,
    upper: u32,
    what: (&str, &str),
) -> Limit {
    let needed = |n: u32| per_unit * f64::from(n) + fixed;
    let max = largest(upper, |n| meets(whole, needed(n)));
    let short = needed(max.saturating_add(1)) - whole;
    let next_ok = max < upper;
    Limit {
        rule_id: rule.as_str(),
        max,
        binding: true,
        basis_ja: format!(
            "{} ≥ {} × {max} + {} ⇒ {max}",
            m2(whole),
            numbers::required(per_unit),
            numbers::required(fixed)
        ),
        basis_en: format!(
            "{} ≥ {} × {max} + {} ⇒ {max}",
            m2(whole),
            numbers::required(per_unit),
            numbers::required(fixed)
        ),
        next_ja: if next_ok {
            format!("{}: 延床 +{} ㎡", what.0, numbers::shortfall(short))
        } else {
            String::new()
        },
        next_en: if next_ok {
            format!(
                "{}: +{} ㎡ whole floor area",
                what.1,
                numbers::shortfall(short)
            )
        } else {
            String::new()
        },
    }
}

/// Shared-house limits (SH profiles): area, rooms, and the sanitary items jointly.
fn shared_limits(ctx: &Ctx<'_, '_>) -> Vec<Limit> {
    let rooms = &ctx.facts.private_rooms;
    let per_room = occupancy_limit(ctx);
    let slots = u32::try_from(rooms.len())
        .unwrap_or(u32::MAX)
        .saturating_mul(per_room)
        .min(MAX_COUNT);
    let mut limits = vec![
        area_limit(
            RuleId::ShArea,
            ctx.facts.whole_m2(),
            ctx.value(ParamKey::ShAreaPerPersonM2),
            ctx.value(ParamKey::ShAreaBaseM2),
            MAX_COUNT,
            ("もう 1 人", "one more resident"),
        ),
        Limit {
            rule_id: RuleId::ShRoom.as_str(),
            max: slots,
            binding: true,
            basis_ja: format!("専用居室 {} 室 × {per_room} 人", rooms.len()),
            basis_en: format!(
                "{} × {per_room} per room",
                plural(rooms.len() as u32, "private room", "private rooms")
            ),
            next_ja: format!(
                "{} ㎡ 以上の専用居室を 1 室追加",
                numbers::required(ctx.value(ParamKey::ShRoomMinM2))
            ),
            next_en: format!(
                "add a private room of at least {} ㎡",
                numbers::required(ctx.value(ParamKey::ShRoomMinM2))
            ),
        },
    ];
    let per_item = ctx.value(ParamKey::ShSanitaryResidentsPerItem);
    let users_cap = |item: Item| largest(MAX_COUNT, |u| per(u, per_item) <= common(ctx, item));
    let caps = Item::SH_SANITARY.map(users_cap);
    let joint = sanitary_joint(rooms, per_room, caps);
    for (k, item) in Item::SH_SANITARY.into_iter().enumerate() {
        let own_slots = rooms.iter().filter(|p| p.own.get(item) > 0).count() as u32 * per_room;
        let max = own_slots.saturating_add(caps[k]);
        let have = common(ctx, item);
        limits.push(Limit {
            rule_id: RuleId::ShSanitary.as_str(),
            max,
            binding: true,
            basis_ja: format!(
                "共用の{} {have} × {} 人{} ⇒ {max}",
                item.ja(),
                numbers::required(per_item),
                if own_slots > 0 {
                    format!(" + 専用のある居室 {own_slots} 人")
                } else {
                    String::new()
                }
            ),
            basis_en: format!(
                "{} in common × {} residents each{} ⇒ {max}",
                item.en_count(have),
                numbers::required(per_item),
                if own_slots > 0 {
                    format!(" + {own_slots} in rooms with their own")
                } else {
                    String::new()
                }
            ),
            next_ja: format!("共用の{}を 1 {}追加", item.ja(), item.ja_counter()),
            next_en: format!("add {} in common space", item.en_count(1)),
        });
    }
    // The joint figure never exceeds the rooms; it is a limit of its own only when the items
    // together allow fewer than each alone and the rooms do.
    let each = limits[2..].iter().map(|l| l.max).min().unwrap_or(u32::MAX);
    if joint < each.min(slots) {
        limits.push(Limit {
            rule_id: RuleId::ShSanitary.as_str(),
            max: joint,
            binding: true,
            basis_ja: format!("便所・洗面・浴室を合わせて ⇒ {joint}"),
            basis_en: format!("toilets, basins and baths together ⇒ {joint}"),
            next_ja: "共用の便所・洗面・浴室を 1 つずつ追加".into(),
            next_en: "add one common toilet, wash bowl and bath or shower room".into(),
        });
    }
    limits
}

/// Persons a private room may hold (SH-OCC), at least 1.
fn occupancy_limit(ctx: &Ctx<'_, '_>) -> u32 {
    let max = ctx.value(ParamKey::ShOccMaxPersons);
    if max >= f64::from(MAX_COUNT) {
        MAX_COUNT
    } else {
        (max + 1e-9).floor().max(1.0) as u32
    }
}

/// Common count of an item.
fn common(ctx: &Ctx<'_, '_>, item: Item) -> u32 {
    ctx.facts.common_count(item)
}

/// The most residents the sanitary items allow together: rooms are typed by which of the
/// three items they have of their own; residents of a room lacking an item use the common
/// ones, at most `caps[item]` of them. Rooms lacking fewer items come first (a room lacking
/// one item never costs more than one lacking that item and others); among rooms lacking
/// two, every split is tried, so the result is exact.
fn sanitary_joint(rooms: &[PrivateRoom<'_>], per_room: u32, caps: [u32; 3]) -> u32 {
    // counts[mask]: slots in rooms lacking the items of `mask` (bit k = SH_SANITARY[k]).
    let mut counts = [0u32; 8];
    for p in rooms {
        let mask = Item::SH_SANITARY
            .iter()
            .enumerate()
            .filter(|(_, item)| p.own.get(**item) == 0)
            .fold(0usize, |m, (k, _)| m | (1 << k));
        counts[mask] = counts[mask].saturating_add(per_room);
    }
    let mut remaining = caps;
    let mut total = counts[0];
    for k in 0..3 {
        let take = counts[1 << k].min(remaining[k]);
        remaining[k] -= take;
        total = total.saturating_add(take);
    }
    // Rooms lacking two items (masks 0b011, 0b101, 0b110) and all three (0b111).
    let (c01, c02, c12, c_all) = (counts[0b011], counts[0b101], counts[0b110], counts[0b111]);
    let mut best = 0u32;
    for a in 0..=c01.min(remaining[0]).min(remaining[1]) {
        for b in 0..=c02.min(remaining[0] - a).min(remaining[2]) {
            let r0 = remaining[0] - a - b;
            let r1 = remaining[1] - a;
            let r2 = remaining[2] - b;
            // Mask 0b110 uses items 1 and 2; all-lacking rooms use all three.
            let c = c12.min(r1).min(r2);
            let d = c_all.min(r0).min(r1 - c).min(r2 - c);
            best = best.max(a + b + c + d);
        }
    }
    total.saturating_add(best)
}

/// Single-parent profile: households C with the single residents B as entered. Returns the
/// binding limits and the recommendations' limits.
fn single_parent_limits(ctx: &Ctx<'_, '_>) -> (Vec<Limit>, Vec<Limit>) {
    let (b, _) = single_parent::households(ctx);
    let whole = ctx.facts.whole_m2();
    let per_single = ctx.value(ParamKey::SpAreaPerSingleM2);
    let fixed = per_single * f64::from(b) + ctx.value(ParamKey::SpAreaBaseM2);
    let candidates: Vec<&PrivateRoom<'_>> = household_candidates(ctx).collect();
    let upper = candidates.len() as u32;
    let area = area_limit(
        RuleId::SpArea,
        whole,
        ctx.value(ParamKey::SpAreaPerHouseholdM2),
        fixed,
        upper,
        ("もう 1 世帯", "one more household"),
    );
    let min = ctx.value(ParamKey::SpRoomMinM2);
    let reduced = ctx.value(ParamKey::SpRoomReducedMinM2).min(min);
    let per_large = ctx.value(ParamKey::SpAreaPerHouseholdLargeM2);
    let room_limit = |c: u32| {
        if meets(whole, per_large * f64::from(c) + fixed) {
            reduced
        } else {
            min
        }
    };
    let rooms_fit = |c: u32| {
        let limit = room_limit(c);
        candidates
            .iter()
            .filter(|p| meets(p.area_m2, limit))
            .count() as u32
            >= c
    };
    let rooms_max = largest(upper, rooms_fit);
    // The smallest change for one more household room: enlarge the largest candidate that
    // falls short, or raise the whole area so that 10 ㎡ rooms count, whichever is smaller.
    let next = rooms_max.saturating_add(1);
    let (next_ja, next_en) = if next > upper {
        (
            format!(
                "{} ㎡ 以上の居室を 1 室追加",
                numbers::required(room_limit(next))
            ),
            format!(
                "add a room of at least {} ㎡",
                numbers::required(room_limit(next))
            ),
        )
    } else {
        let limit = room_limit(next);
        let enlarge = candidates
            .iter()
            .filter(|p| !meets(p.area_m2, limit))
            .max_by(|x, y| x.area_m2.total_cmp(&y.area_m2))
            .map(|p| (p.room.name.clone(), limit - p.area_m2));
        let whole_short = per_large * f64::from(next) + fixed - whole;
        let reduced_rooms = candidates
            .iter()
            .filter(|p| meets(p.area_m2, reduced))
            .count() as u32;
        let by_whole = (limit > reduced && reduced_rooms >= next).then_some(whole_short);
        match (enlarge, by_whole) {
            (Some((_, room_short)), Some(w)) if w <= room_short => whole_hint(w, reduced),
            (None, Some(w)) => whole_hint(w, reduced),
            (Some((name, room_short)), _) => (
                format!("{name} を +{} ㎡ 広げる", numbers::shortfall(room_short)),
                format!("enlarge {name} by {} ㎡", numbers::shortfall(room_short)),
            ),
            (None, None) => (String::new(), String::new()),
        }
    };
    let rooms = Limit {
        rule_id: RuleId::SpRoom.as_str(),
        max: rooms_max,
        binding: true,
        basis_ja: format!(
            "世帯居室にできる居室 {rooms_max} 室 ({} ㎡ 以上)",
            numbers::required(room_limit(rooms_max.max(1)))
        ),
        basis_en: format!(
            "{} of at least {} ㎡ for households",
            plural(rooms_max, "room", "rooms"),
            numbers::required(room_limit(rooms_max.max(1)))
        ),
        next_ja,
        next_en,
    };
    let mut advisory = Vec::new();
    if ctx.profile.has_rule(RuleId::SpSanitary) {
        let per_household = ctx.value(ParamKey::SpHouseholdsPerItem);
        let per_single = ctx.value(ParamKey::ShSanitaryResidentsPerItem);
        for item in Item::SP_SANITARY {
            let singles = single_parent::singles_without_own(ctx, item);
            let have = common(ctx, item);
            let max = largest(upper, |c| {
                per(c, per_household).saturating_add(per(singles, per_single)) <= have
            });
            advisory.push(Limit {
                rule_id: RuleId::SpSanitary.as_str(),
                max,
                binding: false,
                basis_ja: format!(
                    "{} {have} (推奨: ⌈世帯 ÷ {}⌉ + ⌈単身 {singles} 人 ÷ {}⌉) ⇒ {max}",
                    item.ja(),
                    numbers::required(per_household),
                    numbers::required(per_single)
                ),
                basis_en: format!(
                    "{} (recommended: ⌈households ÷ {}⌉ + ⌈{singles} singles ÷ {}⌉) ⇒ {max}",
                    item.en_count(have),
                    numbers::required(per_household),
                    numbers::required(per_single)
                ),
                next_ja: format!("共用の{}を 1 {}追加", item.ja(), item.ja_counter()),
                next_en: format!("add {} in common space", item.en_count(1)),
            });
        }
    }
    (vec![area, rooms], advisory)
}

fn whole_hint(short: f64, reduced: f64) -> (String, String) {
    (
        format!(
            "延床を +{} ㎡ 増やし、{} ㎡ の世帯居室を使えるようにする",
            numbers::shortfall(short),
            numbers::required(reduced)
        ),
        format!(
            "add {} ㎡ of whole floor area so that {} ㎡ household rooms count",
            numbers::shortfall(short),
            numbers::required(reduced)
        ),
    )
}

/// Rooms that can take a single-parent household: those not let to single residents.
fn household_candidates<'c>(ctx: &'c Ctx<'_, '_>) -> impl Iterator<Item = &'c PrivateRoom<'c>> {
    ctx.facts.private_rooms.iter().filter(|p| {
        p.room
            .occupancy
            .as_ref()
            .is_none_or(madori_plan::Occupancy::is_single_parent_household)
    })
}

/// Single-parent profile: rooms that fail whatever the households. A room let to single
/// residents follows SH-ROOM; a room free for households that is smaller than SH-ROOM's
/// minimum fails SH-ROOM when left vacant and SP-ROOM when let.
fn single_parent_blockers(ctx: &Ctx<'_, '_>) -> Vec<Limit> {
    let sh_min = shared::room_limits(ctx, shared::single_rooms(ctx).len()).min_m2;
    let sp_min = ctx
        .value(ParamKey::SpRoomReducedMinM2)
        .min(ctx.value(ParamKey::SpRoomMinM2));
    ctx.facts
        .private_rooms
        .iter()
        .filter(|p| {
            let for_households = p
                .room
                .occupancy
                .as_ref()
                .is_none_or(madori_plan::Occupancy::is_single_parent_household);
            let least = if for_households {
                sh_min.min(sp_min)
            } else {
                sh_min
            };
            !meets(p.area_m2, least)
        })
        .map(|p| {
            let short = sh_min - p.area_m2;
            Limit {
                rule_id: RuleId::ShRoom.as_str(),
                max: 0,
                binding: true,
                basis_ja: format!(
                    "{} {} ㎡ は専用居室の {} ㎡ に足りません",
                    p.room.name,
                    m2(p.area_m2),
                    numbers::required(sh_min)
                ),
                basis_en: format!(
                    "{} {} ㎡ is below the private room minimum of {} ㎡",
                    p.room.name,
                    m2(p.area_m2),
                    numbers::required(sh_min)
                ),
                next_ja: format!(
                    "{} を +{} ㎡ 広げるか、居室以外の用途にします",
                    p.room.name,
                    numbers::shortfall(short)
                ),
                next_en: format!(
                    "enlarge {} by {} ㎡ or give it another use",
                    p.room.name,
                    numbers::shortfall(short)
                ),
            }
        })
        .collect()
}

/// 居住面積水準: the most adults the unit's area houses.
fn level_limit(ctx: &Ctx<'_, '_>, rule: RuleId) -> Limit {
    let values = crate::checks::unit::LevelValues::of(ctx, rule);
    let whole = ctx.facts.whole_m2();
    // Adults only: n adults weigh n.
    let required = |n: u32| values.required_m2(n, f64::from(n));
    let max = largest(1000, |n| meets(whole, required(n)));
    let short = required(max.saturating_add(1)) - whole;
    Limit {
        rule_id: rule.as_str(),
        max,
        binding: true,
        basis_ja: format!("{} ㎡ で大人 {max} 人まで", m2(whole)),
        basis_en: format!(
            "{} ㎡ houses up to {}",
            m2(whole),
            plural(max, "adult", "adults")
        ),
        next_ja: format!("もう 1 人: +{} ㎡", numbers::shortfall(short)),
        next_en: format!("one more: +{} ㎡", numbers::shortfall(short)),
    }
}
