//! The incremental checker against a full check: after every edit of random edit sequences
//! on irregular plans, under several profiles and both area bases, `Checker::update` gives
//! exactly the report `check` gives (same findings in the same order, statuses, ids,
//! quantities, words, totals and 入力不足 list).

use madori_plan::touched::Touched;
use madori_plan::validate::validate;
use madori_plan::{
    templates, Fixture, FixtureKind, Occupancy, Opening, OpeningKind, Plan, PointMm, Room,
    RoomKind, WindowOperation,
};
use madori_rules::profile::{self, local_override, Profile};
use madori_rules::{check, Checker, Report};
use proptest::prelude::*;

/// The profiles compared: sh-single, sh-single-parent, sn-unit, building-code, la-min, and
/// sh-single with SH-ROOM's relaxed size in force two ways, each on the wall-centre basis
/// and (where it has one) the interior basis.
fn profiles() -> Vec<Profile> {
    let mut out = Vec::new();
    let bases = [
        ("sh-single", None),
        ("sh-single-parent", None),
        ("sn-unit", None),
        ("building-code", None),
        ("la-min", None),
        ("sh-single", Some("relax-7m2-third")),
        ("sh-single", Some("toshima-7m2")),
    ];
    for (id, local) in bases {
        let mut p = profile::profile(id).unwrap();
        if let Some(local) = local {
            p.apply_local(local_override(local).unwrap()).unwrap();
        }
        // The building code always measures at wall centre: it has no basis to choose.
        let mut interior = p.clone();
        if interior.set("area.basis_interior", 1.0, "test").is_ok() {
            out.push(interior);
        }
        out.push(p);
    }
    out
}

/// Asserts that two reports are the same, words included, naming the first difference.
fn assert_same(incremental: &Report, full: &Report, what: &str) {
    assert_eq!(incremental.totals, full.totals, "totals after {what}");
    assert_eq!(incremental.missing, full.missing, "missing after {what}");
    assert_eq!(
        incremental.findings.len(),
        full.findings.len(),
        "finding count after {what}"
    );
    for (k, (a, b)) in incremental.findings.iter().zip(&full.findings).enumerate() {
        let at = format!(
            "finding {k} ({} {:?}) after {what}",
            b.rule_id, b.element_ids
        );
        assert_eq!(a.rule_id, b.rule_id, "{at}");
        assert_eq!(a.status, b.status, "{at}");
        assert_eq!(a.element_ids, b.element_ids, "{at}");
        assert_eq!(a.measured, b.measured, "{at}");
        assert_eq!(a.required, b.required, "{at}");
        assert_eq!(a.citation, b.citation, "{at}");
        assert_eq!(a.formula(), b.formula(), "{at}");
        assert_eq!(a.message_ja(), b.message_ja(), "{at}");
        assert_eq!(a.message_en(), b.message_en(), "{at}");
        assert_eq!(a.hint(), b.hint(), "{at}");
        assert_eq!(a.hint_en(), b.hint_en(), "{at}");
    }
    assert_eq!(incremental, full, "report after {what}");
}

/// A small deterministic generator for the details of one edit.
struct Pick(u64);

impl Pick {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn of<T: Clone>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())].clone()
    }
}

const KINDS: [RoomKind; 8] = [
    RoomKind::Private,
    RoomKind::Corridor,
    RoomKind::Storage,
    RoomKind::Balcony,
    RoomKind::Toilet,
    RoomKind::Laundry,
    RoomKind::Ldk,
    RoomKind::Other,
];

fn occupancy(pick: &mut Pick) -> Option<Occupancy> {
    match pick.below(5) {
        0 => None,
        1 => Some(Occupancy::SingleParent {
            children_ages: vec![4],
        }),
        2 => Some(Occupancy::Persons(2)),
        _ => Some(Occupancy::Persons(1)),
    }
}

/// Applies edit number `kind` to a copy of `plan`, its details drawn from `seed`. Returns a
/// name for the edit and the edited plan (which may be invalid: the caller skips those).
fn edit(plan: &Plan, kind: u8, seed: u64) -> (String, Plan) {
    let mut pick = Pick(seed | 1);
    let mut next = plan.clone();
    let s = pick.below(next.storeys.len());
    let storey = &mut next.storeys[s];
    let n = storey.rooms.len();
    let r = pick.below(n);
    let name = match kind % 13 {
        0 => {
            // Move a vertex and every room's vertex at the same point (a shared wall end).
            let room = &storey.rooms[r];
            let from = room.polygon[pick.below(room.polygon.len())];
            let d = pick.of(&[-455, -100, -5, 5, 100, 455]);
            let (dx, dy) = match pick.below(3) {
                0 => (d, 0),
                1 => (0, d),
                _ => (d, d / 2),
            };
            for room in &mut storey.rooms {
                for v in &mut room.polygon {
                    if *v == from {
                        *v = PointMm::new(v.x + dx, v.y + dy);
                    }
                }
            }
            format!("moving vertex {from:?} of storey {s} by ({dx}, {dy})")
        }
        1 => {
            let d = pick.of(&[-910, -1, 1, 910, 20_000]);
            for v in &mut storey.rooms[r].polygon {
                *v = PointMm::new(v.x + d, v.y);
            }
            format!("translating room {r} of storey {s} by {d}")
        }
        2 => {
            // A room against the storey's right-hand side, level with one of its vertices.
            let right = storey
                .rooms
                .iter()
                .flat_map(|room| &room.polygon)
                .map(|p| p.x)
                .max()
                .unwrap_or(0);
            let at = storey.rooms[r].polygon[0];
            let (w, h) = (pick.of(&[1820, 2730, 3640]), pick.of(&[1820, 3640]));
            let kind = pick.of(&KINDS);
            storey.rooms.push(Room {
                id: format!("new{seed}"),
                name: format!("new room {seed}"),
                kind,
                polygon: vec![
                    PointMm::new(right, at.y),
                    PointMm::new(right + w, at.y),
                    PointMm::new(right + w, at.y + h),
                    PointMm::new(right, at.y + h),
                ],
                wall_thickness_mm: Vec::new(),
                belongs_to: None,
                occupancy: (kind == RoomKind::Private).then_some(Occupancy::Persons(1)),
                lockable: pick.below(2) == 0,
                mechanical_ventilation: false,
                ceiling_height_mm: None,
            });
            format!("adding a {kind:?} room to storey {s}")
        }
        3 => {
            let id = storey.rooms.remove(r).id;
            storey.openings.retain(|o| o.room != id);
            storey.fixtures.retain(|f| f.room != id);
            for room in &mut storey.rooms {
                if room.belongs_to.as_deref() == Some(id.as_str()) {
                    room.belongs_to = None;
                }
            }
            format!("removing room {id}")
        }
        4 => {
            let room = &mut storey.rooms[r];
            room.occupancy = occupancy(&mut pick);
            format!("occupancy of {} to {:?}", room.id, room.occupancy)
        }
        5 => {
            let room = &storey.rooms[r];
            let (x, y) = madori_rules::area::label_position_mm(&room.polygon);
            let kind = pick.of(&[
                FixtureKind::Toilet,
                FixtureKind::Shower,
                FixtureKind::Bath { tub: true },
                FixtureKind::WashBasin { bowls: 2 },
                FixtureKind::WashingMachine,
                FixtureKind::Kitchen {
                    burners: 2,
                    sink: true,
                },
            ]);
            let name = format!("adding a {kind:?} to {}", room.id);
            let fixture = Fixture {
                id: format!("fx{seed}"),
                room: room.id.clone(),
                at: PointMm::new(x.round() as i64, y.round() as i64),
                kind,
            };
            let at = pick.below(storey.fixtures.len() + 1);
            storey.fixtures.insert(at, fixture);
            name
        }
        6 => {
            if storey.fixtures.is_empty() {
                return ("nothing".into(), next);
            }
            let f = storey.fixtures.remove(pick.below(storey.fixtures.len()));
            format!("removing fixture {}", f.id)
        }
        7 => {
            let room = &storey.rooms[r];
            let edge = pick.below(room.polygon.len());
            let (a, b) = (
                room.polygon[edge],
                room.polygon[(edge + 1) % room.polygon.len()],
            );
            let len = ((b.x - a.x) as f64).hypot((b.y - a.y) as f64) as u32;
            let width = (len / 2).clamp(1, 780);
            let kind = if pick.below(2) == 0 {
                OpeningKind::Door {
                    lockable: pick.of(&[None, Some(true), Some(false)]),
                    operation: None,
                }
            } else {
                OpeningKind::Window {
                    height_mm: pick.of(&[None, Some(1100), Some(1800)]),
                    exterior: pick.below(3) > 0,
                    operation: pick.of(&[
                        WindowOperation::Fixed,
                        WindowOperation::Sliding,
                        WindowOperation::Casement,
                    ]),
                }
            };
            let opening = Opening {
                id: format!("op{seed}"),
                room: room.id.clone(),
                edge,
                offset_mm: (len - width) / 2,
                width_mm: width,
                kind,
            };
            let name = format!("adding {:?} to {} edge {edge}", opening.kind, room.id);
            let at = pick.below(storey.openings.len() + 1);
            storey.openings.insert(at, opening);
            name
        }
        8 => {
            if storey.openings.is_empty() {
                return ("nothing".into(), next);
            }
            let o = storey.openings.remove(pick.below(storey.openings.len()));
            format!("removing opening {}", o.id)
        }
        9 => {
            let room = &mut storey.rooms[r];
            room.kind = pick.of(&KINDS);
            room.occupancy = if room.kind == RoomKind::Private {
                occupancy(&mut pick)
            } else {
                None
            };
            room.name = format!("{:?} {seed}", room.kind);
            format!("kind of {} to {:?}", room.id, room.kind)
        }
        10 => {
            // A storage room belonging to a private room, or no longer belonging.
            let owner = storey
                .rooms
                .iter()
                .filter(|room| room.kind == RoomKind::Private)
                .map(|room| room.id.clone())
                .nth(pick.below(4));
            let room = &mut storey.rooms[r];
            room.kind = RoomKind::Storage;
            room.occupancy = None;
            room.belongs_to = owner.filter(|o| *o != room.id);
            format!("{} storage of {:?}", room.id, room.belongs_to)
        }
        11 => {
            let height = pick.of(&[None, Some(2000), Some(2100), Some(2400)]);
            if pick.below(2) == 0 {
                storey.ceiling_height_mm = height;
                format!("ceiling of storey {s} to {height:?}")
            } else {
                storey.rooms[r].ceiling_height_mm = height;
                format!("ceiling of room {r} to {height:?}")
            }
        }
        _ => {
            let room = &mut storey.rooms[r];
            let n = room.polygon.len();
            room.wall_thickness_mm = (0..n)
                .map(|_| pick.of(&[None, Some(100), Some(300)]))
                .collect();
            format!("wall thicknesses of {}", room.id)
        }
    };
    (name, next)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn incremental_equals_full_check_after_random_edits(
        rooms in 40usize..80,
        seed in 0u64..1000,
        profile_index in 0usize..14,
        edits in prop::collection::vec((0u8..13, any::<u64>()), 1..12),
    ) {
        let mut all = profiles();
        let profile = all.swap_remove(profile_index % all.len());
        let mut plan = templates::irregular(rooms, 2, seed);
        let mut checker = Checker::new(&plan, &profile);
        assert_same(checker.report(), &check(&plan, &profile), "the first check");
        for (kind, detail) in edits {
            let (what, next) = edit(&plan, kind, detail);
            if !validate(&next).is_empty() {
                continue;
            }
            let touched = Touched::between(&plan, &next);
            let report = checker.update(&next, &touched).clone();
            assert_same(&report, &check(&next, &profile), &what);
            plan = next;
        }
    }
}

/// A rectangle against the right-hand side of storey `s`, level with a vertex of room `r`:
/// it shares that side's walls where the rooms there reach it.
fn room_at_right(plan: &Plan, s: usize, r: usize, id: &str, kind: RoomKind) -> Room {
    let storey = &plan.storeys[s];
    let right = storey
        .rooms
        .iter()
        .flat_map(|room| &room.polygon)
        .map(|p| p.x)
        .max()
        .unwrap_or(0);
    let at = storey.rooms[r].polygon[0];
    Room {
        id: id.into(),
        name: format!("room {id}"),
        kind,
        polygon: vec![
            PointMm::new(right, at.y),
            PointMm::new(right + 2730, at.y),
            PointMm::new(right + 2730, at.y + 3640),
            PointMm::new(right, at.y + 3640),
        ],
        wall_thickness_mm: Vec::new(),
        belongs_to: None,
        occupancy: (kind == RoomKind::Private).then_some(Occupancy::Persons(1)),
        lockable: false,
        mechanical_ventilation: false,
        ceiling_height_mm: None,
    }
}

/// Removes room `r` of storey `s` with what refers to it, as the editor's Delete does.
fn remove_room(plan: &mut Plan, s: usize, r: usize) -> String {
    let storey = &mut plan.storeys[s];
    let id = storey.rooms.remove(r).id;
    storey.openings.retain(|o| o.room != id);
    storey.fixtures.retain(|f| f.room != id);
    for room in &mut storey.rooms {
        if room.belongs_to.as_deref() == Some(id.as_str()) {
            room.belongs_to = None;
        }
    }
    id
}

/// Applies room-list edit number `kind` to a copy of `plan`: rooms inserted anywhere, several
/// removed at once, one removed and one added together, a split's shape (a room changed and a
/// new one inserted after it), an id changed in place, two rooms swapped (the checker starts
/// again for that one). Returns a name for the edit and the edited plan (maybe invalid).
fn room_list_edit(plan: &Plan, kind: u8, seed: u64) -> (String, Plan) {
    let mut pick = Pick(seed | 1);
    let mut next = plan.clone();
    let s = pick.below(next.storeys.len());
    let n = next.storeys[s].rooms.len();
    let r = pick.below(n);
    let name = match kind % 6 {
        0 => {
            let kind = pick.of(&KINDS);
            let room = room_at_right(&next, s, r, &format!("ins{seed}"), kind);
            let at = pick.below(n + 1);
            next.storeys[s].rooms.insert(at, room);
            format!("inserting a {kind:?} room at {at} of storey {s}")
        }
        1 => {
            let count = 2 + pick.below(3);
            let mut gone = Vec::new();
            for _ in 0..count {
                let len = next.storeys[s].rooms.len();
                if len > 1 {
                    gone.push(remove_room(&mut next, s, pick.below(len)));
                }
            }
            format!("removing rooms {gone:?} of storey {s}")
        }
        2 => {
            let id = remove_room(&mut next, s, r);
            let len = next.storeys[s].rooms.len();
            let kind = pick.of(&KINDS);
            let room = room_at_right(&next, s, pick.below(len), &format!("rep{seed}"), kind);
            next.storeys[s].rooms.push(room);
            format!("removing {id} and appending a {kind:?} room on storey {s}")
        }
        3 => {
            // A split's shape: the room keeps its place with new walls, its second part
            // comes right after it.
            let room = room_at_right(&next, s, r, &format!("part{seed}"), RoomKind::Private);
            let storey = &mut next.storeys[s];
            let edges = storey.rooms[r].polygon.len();
            storey.rooms[r].wall_thickness_mm = vec![Some(250); edges];
            storey.rooms.insert(r + 1, room);
            format!("splitting room {r} of storey {s}")
        }
        4 => {
            let storey = &mut next.storeys[s];
            let old = std::mem::replace(&mut storey.rooms[r].id, format!("renamed{seed}"));
            let new = storey.rooms[r].id.clone();
            for o in storey.openings.iter_mut().filter(|o| o.room == old) {
                o.room.clone_from(&new);
            }
            for f in storey.fixtures.iter_mut().filter(|f| f.room == old) {
                f.room.clone_from(&new);
            }
            for room in &mut storey.rooms {
                if room.belongs_to.as_deref() == Some(old.as_str()) {
                    room.belongs_to = Some(new.clone());
                }
            }
            format!("renaming room {old} to {new}")
        }
        _ => {
            let other = pick.below(n);
            next.storeys[s].rooms.swap(r, other);
            format!("swapping rooms {r} and {other} of storey {s}")
        }
    };
    (name, next)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Room lists edited every way (mixed with the other edits): each report equals a full
    /// check's.
    #[test]
    fn incremental_equals_full_check_after_room_list_edits(
        rooms in 40usize..80,
        seed in 0u64..1000,
        profile_index in 0usize..14,
        edits in prop::collection::vec((any::<bool>(), 0u8..13, any::<u64>()), 1..12),
    ) {
        let mut all = profiles();
        let profile = all.swap_remove(profile_index % all.len());
        let mut plan = templates::irregular(rooms, 3, seed);
        let mut checker = Checker::new(&plan, &profile);
        for (list, kind, detail) in edits {
            let (what, next) = if list {
                room_list_edit(&plan, kind, detail)
            } else {
                edit(&plan, kind, detail)
            };
            if !validate(&next).is_empty() {
                continue;
            }
            let touched = Touched::between(&plan, &next);
            let report = checker.update(&next, &touched).clone();
            assert_same(&report, &check(&next, &profile), &what);
            plan = next;
        }
    }
}

/// Every room-list edit, each applied until one is valid, on every profile, one after the
/// other on the same checker.
#[test]
fn every_room_list_edit_matches_a_full_check_on_every_profile() {
    for profile in profiles() {
        let mut plan = templates::irregular(60, 2, 9);
        let mut checker = Checker::new(&plan, &profile);
        for kind in 0..6u8 {
            let mut applied = false;
            for detail in 1..40u64 {
                let (what, next) = room_list_edit(&plan, kind, detail * 7919);
                if !validate(&next).is_empty() {
                    continue;
                }
                let touched = Touched::between(&plan, &next);
                let report = checker.update(&next, &touched).clone();
                assert_same(&report, &check(&next, &profile), &what);
                plan = next;
                applied = true;
                break;
            }
            assert!(applied, "room-list edit {kind} never made a valid plan");
        }
    }
}

/// A room appended against neighbours that share its wall turns their walls interior, and
/// removing it turns them exterior again: the neighbours' areas follow, and so does every
/// finding, with the room's own findings added at its place and dropped again.
#[test]
fn appending_and_removing_a_room_follows_the_neighbours_walls() {
    let sh = profile::profile("sh-single").unwrap();
    let plan = templates::irregular(641, 4, 1);
    let mut checker = Checker::new(&plan, &sh);
    // The room reaching down from the top of storey 1's right-hand side.
    let r = (0..plan.storeys[1].rooms.len())
        .min_by_key(|&r| {
            let polygon = &plan.storeys[1].rooms[r].polygon;
            let right = polygon.iter().map(|p| p.x).max();
            (std::cmp::Reverse(right), polygon[0].y)
        })
        .unwrap();
    let mut added = plan.clone();
    let room = room_at_right(&plan, 1, r, "appended", RoomKind::Private);
    added.storeys[1].rooms.push(room);
    assert!(validate(&added).is_empty());
    let report = checker
        .update(&added, &Touched::between(&plan, &added))
        .clone();
    assert_same(&report, &check(&added, &sh), "appending a room");
    assert!(report
        .findings
        .iter()
        .any(|f| f.rule_id == "SH-ROOM" && f.element_ids == ["appended"]));
    let report = checker
        .update(&plan, &Touched::between(&added, &plan))
        .clone();
    assert_same(&report, &check(&plan, &sh), "removing it again");
    assert!(!report
        .findings
        .iter()
        .any(|f| f.element_ids.iter().any(|id| id == "appended")));
    assert_eq!(*checker.areas(), madori_rules::PlanAreas::compute(&plan));
}

/// Every kind of edit, each applied until one is valid, on every profile: a deterministic
/// sweep so that no edit kind is left to chance.
#[test]
fn every_edit_kind_matches_a_full_check_on_every_profile() {
    for profile in profiles() {
        let mut plan = templates::irregular(60, 2, 3);
        let mut checker = Checker::new(&plan, &profile);
        for kind in 0..13u8 {
            let mut applied = false;
            for detail in 1..40u64 {
                let (what, next) = edit(&plan, kind, detail * 7919);
                if what == "nothing" || !validate(&next).is_empty() {
                    continue;
                }
                let touched = Touched::between(&plan, &next);
                let report = checker.update(&next, &touched).clone();
                assert_same(&report, &check(&next, &profile), &what);
                plan = next;
                applied = true;
                break;
            }
            assert!(applied, "edit kind {kind} never made a valid plan");
        }
    }
}

/// A profile change makes the report the new profile's, keeping the areas.
#[test]
fn a_profile_change_gives_the_new_profiles_report() {
    let plan = templates::irregular(50, 2, 11);
    let sh = profile::profile("sh-single").unwrap();
    let building = profile::profile("building-code").unwrap();
    let mut checker = Checker::new(&plan, &sh);
    let report = checker.set_profile(&plan, &building).clone();
    assert_same(&report, &check(&plan, &building), "a profile change");
    assert_eq!(checker.profile().id, "building-code");
    assert_eq!(*checker.areas(), madori_rules::PlanAreas::compute(&plan));
}

/// Nothing touched: the report stays as it was.
#[test]
fn an_empty_edit_keeps_the_report() {
    let plan = templates::irregular(50, 2, 5);
    let sh = profile::profile("sh-single").unwrap();
    let mut checker = Checker::new(&plan, &sh);
    let before = checker.report().clone();
    let after = checker.update(&plan, &Touched::between(&plan, &plan));
    assert_eq!(*after, before);
}

#[test]
fn the_checkers_capacity_equals_a_full_capacity_after_an_edit() {
    for (name, text) in madori_plan::templates::TEMPLATES {
        let plan = madori_plan::format::from_json(text).unwrap();
        for profile in madori_rules::profile::catalogue() {
            let mut checker = madori_rules::Checker::new(&plan, &profile);
            assert_eq!(
                checker.capacity(&plan),
                madori_rules::capacity(&plan, &profile),
                "{name} {}",
                profile.id
            );
            let mut next = plan.clone();
            if let Some(room) = next.storeys[0]
                .rooms
                .iter_mut()
                .find(|r| r.kind == madori_plan::RoomKind::Private)
            {
                room.occupancy = None;
            }
            checker.update(&next, &madori_plan::touched::Touched::between(&plan, &next));
            assert_eq!(
                checker.capacity(&next),
                madori_rules::capacity(&next, &profile),
                "{name} {} after an edit",
                profile.id
            );
        }
    }
}

/// A balcony that shares no wall, made a private room: no area changes (its walls stay
/// exterior), but it now counts, so the storey's and the dwelling's floor areas grow.
#[test]
fn a_lone_balcony_made_a_room_counts_in_the_dwelling_area() {
    let sh = profile::profile("sh-single").unwrap();
    let mut plan = templates::irregular(40, 2, 2);
    let mut balcony = room_at_right(&plan, 0, 0, "lone", RoomKind::Balcony);
    for v in &mut balcony.polygon {
        *v = PointMm::new(v.x + 5_000, v.y);
    }
    plan.storeys[0].rooms.push(balcony);
    assert!(validate(&plan).is_empty());
    let mut checker = Checker::new(&plan, &sh);
    let mut next = plan.clone();
    let room = next.storeys[0].rooms.last_mut().unwrap();
    room.kind = RoomKind::Private;
    room.occupancy = Some(Occupancy::Persons(1));
    let report = checker
        .update(&next, &Touched::between(&plan, &next))
        .clone();
    let full = check(&next, &sh);
    assert!(full.totals.dwelling_wall_centre_m2 > check(&plan, &sh).totals.dwelling_wall_centre_m2);
    assert_same(&report, &full, "making a lone balcony a private room");
}
