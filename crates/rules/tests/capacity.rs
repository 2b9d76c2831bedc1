//! Capacity agrees with the check: for every template and profile, and for random small
//! shared houses, the capacity equals the largest count for which some assignment of
//! occupants to the private rooms passes the check (no binding rule fails), found by brute
//! force; and each limit's "one more" hint, applied literally, lifts that limit by one.

use madori_plan::{
    format, templates, FixtureKind, Occupancy, Plan, PointMm, Room, RoomKind, Storey,
};
use madori_rules::profile::{self, Profile};
use madori_rules::{capacity, check};
use proptest::prelude::*;

fn template(name: &str) -> Plan {
    format::from_json(templates::get(name).unwrap()).unwrap()
}

fn passes(plan: &Plan, profile: &Profile) -> bool {
    !check(plan, profile).has_failures()
}

/// Indices `(storey, room)` of the private rooms.
fn private_rooms(plan: &Plan) -> Vec<(usize, usize)> {
    plan.storeys
        .iter()
        .enumerate()
        .flat_map(|(s, storey)| {
            storey
                .rooms
                .iter()
                .enumerate()
                .filter(|(_, r)| r.kind == RoomKind::Private)
                .map(move |(r, _)| (s, r))
        })
        .collect()
}

/// The largest count that passes, trying every assignment: shared-house profiles put one
/// person in or leave vacant each private room; the single-parent profile keeps the single
/// residents as entered and puts a household in or leaves vacant every other room.
fn brute_force(plan: &Plan, profile: &Profile) -> u32 {
    let rooms = private_rooms(plan);
    let single_parent = profile.has_rule(madori_rules::RuleId::SpArea);
    let free: Vec<(usize, usize)> = rooms
        .iter()
        .copied()
        .filter(|&(s, r)| {
            !single_parent
                || plan.storeys[s].rooms[r]
                    .occupancy
                    .as_ref()
                    .is_none_or(Occupancy::is_single_parent_household)
        })
        .collect();
    assert!(free.len() <= 12, "too many rooms to brute-force");
    let mut best = None;
    for mask in 0u32..(1 << free.len()) {
        let mut trial = plan.clone();
        for (k, &(s, r)) in free.iter().enumerate() {
            let occupied = mask & (1 << k) != 0;
            trial.storeys[s].rooms[r].occupancy = occupied.then(|| {
                if single_parent {
                    Occupancy::SingleParent {
                        children_ages: vec![5],
                    }
                } else {
                    Occupancy::Persons(1)
                }
            });
        }
        if passes(&trial, profile) {
            best = best.max(Some(mask.count_ones()));
        }
    }
    best.unwrap_or(0)
}

/// Profiles whose capacity counts residents in private rooms.
fn shared_profiles() -> Vec<Profile> {
    [
        "sh-single",
        "sh-elderly",
        "sh-single-parent",
        "support-shared",
    ]
    .into_iter()
    .map(|id| profile::profile(id).unwrap())
    .collect()
}

/// Keeps SN-SEISMIC from deciding every case: the brute force is about counts.
fn built_to_new_code(mut plan: Plan) -> Plan {
    plan.dwelling.construction_started = Some("1990-04-01".into());
    plan
}

#[test]
fn capacity_equals_the_brute_force_count_on_every_template() {
    for (name, _) in templates::TEMPLATES {
        let plan = built_to_new_code(template(name));
        for profile in shared_profiles() {
            let cap = capacity(&plan, &profile);
            assert_eq!(
                cap.max,
                Some(brute_force(&plan, &profile)),
                "{name} under {}: {cap:#?}",
                profile.id
            );
        }
    }
}

#[test]
fn a_failure_whatever_the_count_makes_capacity_zero_and_says_why() {
    // The wooden house built in 1975 with no assessment fails SN-SEISMIC for any count.
    let mut plan = template("wooden-house-shared");
    plan.dwelling.construction_started = Some("1975-04-01".into());
    plan.dwelling.seismic_assessment_passed = None;
    let cap = capacity(&plan, &profile::profile("support-shared").unwrap());
    assert_eq!(cap.max, Some(0));
    assert_eq!(cap.limiting, ["SN-SEISMIC"]);
}

#[test]
fn three_vacant_eleven_square_metre_rooms_house_two_households() {
    // 76 ㎡ with three vacant 11 ㎡ rooms: 3 households need 15·0 + 24·3 + 10 = 82 ㎡ for
    // 10 ㎡ rooms, so their rooms need 12 ㎡ and none has it; 2 households need 58 ㎡.
    let mut b = Builder::new();
    for i in 0..3 {
        b.room(&format!("p{i}"), RoomKind::Private, 3667, 3000, None);
    }
    // 76 − 3 × 11.001 = 42.997 ㎡ of common space.
    b.room("ldk", RoomKind::Ldk, 8599, 5000, None);
    b.common_sanitary("ldk");
    let plan = built_to_new_code(b.plan);
    let profile = profile::profile("sh-single-parent").unwrap();
    let cap = capacity(&plan, &profile);
    assert_eq!(cap.max, Some(2));
    assert_eq!(brute_force(&plan, &profile), 2);
}

#[test]
fn recommendations_never_limit_capacity() {
    // The wooden house under the single-parent profile: SP-SANITARY is only recommended.
    let plan = built_to_new_code(template("wooden-house-shared"));
    let profile = profile::profile("sh-single-parent").unwrap();
    let cap = capacity(&plan, &profile);
    assert!(!cap.limiting.contains(&"SP-SANITARY"));
    assert!(cap
        .limits
        .iter()
        .filter(|l| l.rule_id == "SP-SANITARY")
        .all(|l| !l.binding));
    assert!(cap.recommended.unwrap() <= cap.max.unwrap());
}

/// Adds a separate `other` room of exactly `m2` (given to 0.01 ㎡) beside the plan.
fn add_area(plan: &mut Plan, m2: f64) {
    let hundredths = (m2 * 100.0).round() as i64;
    let storey = &mut plan.storeys[0];
    let right = storey
        .rooms
        .iter()
        .flat_map(|r| r.polygon.iter().map(|p| p.x))
        .max()
        .unwrap_or(0);
    // 100 mm × (hundredths × 100) mm = hundredths × 0.01 ㎡.
    storey.rooms.push(room(
        "added",
        RoomKind::Other,
        right + 1000,
        0,
        100,
        hundredths * 100,
    ));
}

/// The number after `+` and before ` ㎡` in a hint.
fn hint_m2(hint: &str) -> Option<f64> {
    let start = hint.find('+')? + 1;
    let end = start + hint[start..].find(" ㎡")?;
    hint[start..end].parse().ok()
}

#[test]
fn an_area_hint_applied_literally_lifts_its_limit_by_one() {
    let all: Vec<Profile> = profile::catalogue();
    for (name, _) in templates::TEMPLATES {
        for profile in &all {
            let plan = template(name);
            let cap = capacity(&plan, profile);
            for limit in cap.limits.iter().filter(|l| l.next_ja.contains("延床 +")) {
                let Some(added) = hint_m2(&limit.next_ja) else {
                    panic!("{name}/{}: no amount in {}", profile.id, limit.next_ja);
                };
                let mut bigger = plan.clone();
                add_area(&mut bigger, added);
                let after = capacity(&bigger, profile);
                let lifted = after
                    .limits
                    .iter()
                    .find(|l| l.rule_id == limit.rule_id && l.basis_ja.contains("≥"))
                    .unwrap();
                assert_eq!(
                    lifted.max,
                    limit.max + 1,
                    "{name}/{}: {} applied gives {}",
                    profile.id,
                    limit.next_ja,
                    lifted.basis_ja
                );
                // And not a hundredth less would have done.
                let mut short = plan.clone();
                add_area(&mut short, added - 0.01);
                let before = capacity(&short, profile);
                let same = before
                    .limits
                    .iter()
                    .find(|l| l.rule_id == limit.rule_id && l.basis_ja.contains("≥"))
                    .unwrap();
                assert_eq!(
                    same.max, limit.max,
                    "{name}/{}: {}",
                    profile.id, limit.next_ja
                );
            }
        }
    }
}

// ---------- random small shared houses ----------

fn room(id: &str, kind: RoomKind, x: i64, y: i64, w: i64, h: i64) -> Room {
    Room {
        id: id.into(),
        name: id.into(),
        kind,
        polygon: vec![
            PointMm::new(x, y),
            PointMm::new(x + w, y),
            PointMm::new(x + w, y + h),
            PointMm::new(x, y + h),
        ],
        wall_thickness_mm: vec![],
        belongs_to: None,
        occupancy: None,
        lockable: true,
        mechanical_ventilation: false,
        ceiling_height_mm: None,
    }
}

/// Rooms in a row along y = 0, en-suite rooms in a second row below their owner.
struct Builder {
    plan: Plan,
    next_x: i64,
}

impl Builder {
    fn new() -> Self {
        Self {
            plan: Plan {
                format_version: format::FORMAT_VERSION,
                name: "test".into(),
                dwelling: Default::default(),
                storeys: vec![Storey {
                    id: "s1".into(),
                    name: "1F".into(),
                    ceiling_height_mm: Some(2400),
                    rooms: vec![],
                    openings: vec![],
                    fixtures: vec![],
                    underlay: None,
                }],
                check: None,
                variants: Vec::new(),
                images: Vec::new(),
            },
            next_x: 0,
        }
    }

    fn room(&mut self, id: &str, kind: RoomKind, w: i64, h: i64, owner: Option<&str>) {
        let (x, y) = match owner {
            // Below its owner's left corner.
            Some(o) => {
                let owner = self.plan.storeys[0]
                    .rooms
                    .iter()
                    .find(|r| r.id == o)
                    .unwrap();
                (owner.polygon[0].x, 20_000)
            }
            None => {
                let x = self.next_x;
                self.next_x += w;
                (x, 0)
            }
        };
        let mut r = room(id, kind, x, y, w, h);
        r.belongs_to = owner.map(Into::into);
        self.plan.storeys[0].rooms.push(r);
    }

    fn fixture(&mut self, room: &str, kind: FixtureKind) {
        let storey = &mut self.plan.storeys[0];
        let r = storey.rooms.iter().find(|r| r.id == room).unwrap();
        let at = PointMm::new(
            (r.polygon[0].x + r.polygon[2].x) / 2,
            (r.polygon[0].y + r.polygon[2].y) / 2,
        );
        let id = format!("f{}", storey.fixtures.len() + 1);
        storey.fixtures.push(madori_plan::Fixture {
            id,
            room: room.into(),
            at,
            kind,
        });
    }

    fn common_sanitary(&mut self, ldk: &str) {
        for kind in [
            FixtureKind::Toilet,
            FixtureKind::WashBasin { bowls: 1 },
            FixtureKind::Bath { tub: true },
            FixtureKind::WashingMachine,
            FixtureKind::Kitchen {
                burners: 2,
                sink: true,
            },
        ] {
            self.fixture(ldk, kind);
        }
    }
}

/// A private room: width in mm (depth 3000), and which of toilet, basin, shower it has of
/// its own in an en-suite room.
type RoomSpec = (i64, [bool; 3]);

fn arbitrary_house() -> impl Strategy<Value = (Vec<RoomSpec>, i64, u32, u32)> {
    (
        prop::collection::vec(
            (
                2950i64..4400,
                prop::array::uniform3(prop::bool::weighted(0.35)),
            ),
            1..10,
        ),
        3000i64..16_000,
        1u32..3,
        0u32..3,
    )
}

fn build_house(rooms: &[RoomSpec], ldk_w: i64, toilet_rooms: u32, singles: u32) -> Plan {
    let mut b = Builder::new();
    for (i, (w, own)) in rooms.iter().enumerate() {
        let id = format!("p{i}");
        b.room(&id, RoomKind::Private, *w, 3000, None);
        if own.iter().any(|o| *o) {
            let ensuite = format!("e{i}");
            b.room(&ensuite, RoomKind::Washroom, 1000, 1000, Some(&id));
            for (k, kind) in [
                FixtureKind::Toilet,
                FixtureKind::WashBasin { bowls: 1 },
                FixtureKind::Shower,
            ]
            .into_iter()
            .enumerate()
            {
                if own[k] {
                    b.fixture(&ensuite, kind);
                }
            }
        }
        if (i as u32) < singles {
            b.plan.storeys[0]
                .rooms
                .iter_mut()
                .find(|r| r.id == id)
                .unwrap()
                .occupancy = Some(Occupancy::Persons(1));
        }
    }
    b.room("ldk", RoomKind::Ldk, ldk_w, 5000, None);
    b.common_sanitary("ldk");
    for t in 1..toilet_rooms {
        let id = format!("wc{t}");
        b.room(&id, RoomKind::Toilet, 910, 1820, None);
        b.fixture(&id, FixtureKind::Toilet);
    }
    built_to_new_code(b.plan)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// On random houses (rooms of 8.85-13.2 ㎡, some with en-suite toilets, basins or
    /// showers, one or two toilet rooms, some single residents), capacity equals the largest
    /// count the check passes.
    #[test]
    fn capacity_equals_the_brute_force_count((rooms, ldk_w, toilets, singles) in arbitrary_house()) {
        let plan = build_house(&rooms, ldk_w, toilets, singles);
        prop_assert!(madori_plan::validate::validate(&plan).is_empty());
        for profile in shared_profiles() {
            let cap = capacity(&plan, &profile);
            prop_assert_eq!(cap.max, Some(brute_force(&plan, &profile)), "{}", profile.id);
        }
    }
}

#[test]
fn capacity_is_bounded_for_absurd_profile_values() {
    // Values at the edge of what profiles accept must not overflow or loop for long.
    let plan = template("wooden-house-shared");
    let mut profile = profile::profile("sh-single").unwrap();
    profile.set("sh.occ.max_persons", 100.0, "test").unwrap();
    let cap = capacity(&plan, &profile);
    assert!(cap.max.is_some());
    assert!(check(&plan, &profile)
        .findings
        .iter()
        .all(|f| f.measured.is_none_or(|q| q.value.is_finite())));
}

#[test]
fn sanitary_items_limit_together_when_rooms_lack_different_ones() {
    // One resident per common item; three rooms have their own toilet (they need the common
    // bath), three their own shower (they need the common toilet). Each item alone allows
    // 3 + 1 = 4, together only 1 + 1 = 2.
    let mut b = Builder::new();
    for i in 0..6 {
        let id = format!("p{i}");
        b.room(&id, RoomKind::Private, 3000, 3000, None);
        let ensuite = format!("e{i}");
        b.room(&ensuite, RoomKind::Washroom, 1000, 1000, Some(&id));
        b.fixture(
            &ensuite,
            if i < 3 {
                FixtureKind::Toilet
            } else {
                FixtureKind::Shower
            },
        );
    }
    b.room("ldk", RoomKind::Ldk, 12_000, 5000, None);
    b.common_sanitary("ldk");
    b.fixture("ldk", FixtureKind::WashBasin { bowls: 9 });
    let plan = built_to_new_code(b.plan);
    let mut profile = profile::profile("sh-single").unwrap();
    profile
        .set("sh.sanitary.residents_per_item", 1.0, "test")
        .unwrap();
    let cap = capacity(&plan, &profile);
    assert_eq!(cap.max, Some(2));
    assert_eq!(brute_force(&plan, &profile), 2);
    let toilet = cap
        .limits
        .iter()
        .find(|l| l.basis_en.starts_with("1 toilet"))
        .unwrap();
    assert_eq!(toilet.max, 4);
    assert_eq!(cap.limiting, ["SH-SANITARY"]);
}
