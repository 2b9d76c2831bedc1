//! The smallest changes that let one more person live in the plan: the capacity panel's
//! ranked list, each a ready edit that can be previewed with one click and kept as a
//! proposal (計画案).
//!
//! [`one_more`] tries, in order of effort, every change of these kinds, **checks each with the
//! full rules** (the incremental [`Checker`], the same one the editor shows) and keeps those
//! after which the capacity is larger than now:
//!
//! 1. a room used differently (用途の変更: a 居間, 納戸 or LDK becomes a 専用居室, a private
//!    room too small to live in becomes a 納戸, or a room becomes the LDK the shared house
//!    lacks), no building work;
//! 2. a wash basin given one more bowl, or a small spare room (収納, その他) made a common
//!    便所 or シャワー室 with its fixture (設備);
//! 3. a partition moved (間仕切りの移動): each interior wall is searched with
//!    [`whatif::wall_limits`] for the nearest offset, either way within ±1820 mm, where the
//!    capacity grows, rounded up to the 5 mm snap step when that still works;
//! 4. a private room split in two through its middle (間仕切りの新設);
//! 5. an exterior wall moved out (増築), the largest change, last.
//!
//! When no change alone is enough (two rooms too small, each keeping the house from counting
//! anyone), pairs of the one-check changes that each put a failing finding right are tried
//! together (`Edit::Both`, one undo step).
//!
//! Within a kind, fewer new warnings and then smaller is better (less floor moved or added);
//! a change that makes a rule fail that passed before comes after every change that does
//! not. Each says which rules it newly fails or warns about (a room partitioned off without
//! a window warns BS-DAYLIGHT). Rules no
//! plan change can satisfy (SN-SEISMIC rests on the construction date and a seismic
//! diagnosis) are named apart and left out of the search, so the list still shows what the
//! plan itself needs. Work is bounded ([`Budget`]); what was not searched is counted.

use crate::commands::{Command, RoomPatch};
use crate::fresh_id;
use crate::whatif::wall_ghosts;
use madori_plan::touched::Touched;
use madori_plan::validate::validate_touched;
use madori_plan::{Construction, Fixture, FixtureKind, Plan, PointMm, RoomKind};
use madori_rules::area::{exterior_edges, label_position_mm, wall_centre_area_m2};
use madori_rules::changes::kind_words;
use madori_rules::numbers;
use madori_rules::profile::{ParamKey, Profile, RuleId};
use madori_rules::whatif::{self, Flip};
use madori_rules::{Checker, Status};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// How far either way a wall is searched, mm (two 910 modules).
pub const WALL_RANGE_MM: i64 = 1_820;
/// The snap step offsets are rounded up to, mm.
pub const STEP_MM: i64 = 5;
/// Suggestions listed at most.
pub const MAX_SUGGESTIONS: usize = 8;
/// Rules no change to the plan satisfies: they rest on the building's facts.
const NOT_BY_PLAN: [RuleId; 1] = [RuleId::SnSeismic];

/// How much work a search may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    /// Walls searched at most (the walls of private rooms first).
    pub walls: usize,
    /// Plans moved and checked per wall.
    pub evaluations_per_wall: usize,
    /// Plans changed and checked in all (see [`Budget::for_plan`]).
    pub checks: usize,
}

impl Default for Budget {
    fn default() -> Self {
        Self {
            walls: 100,
            // ±1820 mm at 10 mm is 364 samples, with room for the bisections.
            evaluations_per_wall: 400,
            checks: 100_000,
        }
    }
}

impl Budget {
    /// Room-checks a search may spend: a check costs about its plan's size (the copy, what
    /// changed, the capacity); a million room-checks take about 1.8 s natively.
    pub const ROOM_CHECKS: usize = 1_000_000;

    /// The default budget with its checks scaled to `plan`'s size: every change of a house
    /// is tried, and a 641-room plan stops after about 1 560 checks (about 2 s natively, a
    /// few seconds in the worker) and says so.
    pub fn for_plan(plan: &Plan) -> Self {
        let rooms = plan.rooms().count().max(1);
        Self {
            checks: (Self::ROOM_CHECKS / rooms).clamp(1_000, 100_000),
            ..Self::default()
        }
    }
}

/// A ready change, which [`Edit::command`] turns into the editor's command.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Edit {
    /// Use a room differently.
    UseAs {
        /// Room id.
        room: String,
        /// Its new use.
        kind: RoomKind,
    },
    /// Give a wash basin one more bowl.
    AddBowl {
        /// Fixture id.
        fixture: String,
        /// Bowls after the change.
        bowls: u32,
    },
    /// Make a small room a 便所 or シャワー室 with its fixture, in one undo step.
    WetRoom {
        /// Storey index.
        storey: usize,
        /// Room id.
        room: String,
        /// Its new use ([`RoomKind::Toilet`] or [`RoomKind::ShowerRoom`]).
        kind: RoomKind,
        /// The fixture placed in it (a toilet or a shower).
        fixture: Fixture,
    },
    /// Two changes together, in one undo step (when neither alone is enough).
    Both {
        /// The first change.
        first: Box<Edit>,
        /// The second change.
        second: Box<Edit>,
    },
    /// Move the wall `edge` of `room` along its normal (the editor's `MoveEdge`).
    MoveWall {
        /// Room id.
        room: String,
        /// Edge index.
        edge: usize,
        /// Signed distance, mm.
        offset_mm: i64,
    },
    /// Split a room along the line through `a` and `b`.
    Split {
        /// Room id.
        room: String,
        /// A point of the cut.
        a: PointMm,
        /// Another point of the cut.
        b: PointMm,
        /// The new room's id.
        new_id: String,
    },
    /// Partition a private room off a larger room: split it along the line through `a` and
    /// `b` (the smaller piece becomes room `new_id`) and make that piece a private room called
    /// `name`, in one undo step.
    SplitOff {
        /// Room id.
        room: String,
        /// A point of the cut.
        a: PointMm,
        /// Another point of the cut.
        b: PointMm,
        /// The new room's id.
        new_id: String,
        /// The new room's name.
        name: String,
    },
}

impl Edit {
    /// The room the change is about (the first one's, for two).
    pub fn room(&self) -> &str {
        match self {
            Self::UseAs { room, .. }
            | Self::WetRoom { room, .. }
            | Self::MoveWall { room, .. }
            | Self::Split { room, .. }
            | Self::SplitOff { room, .. } => room,
            Self::AddBowl { fixture, .. } => fixture,
            Self::Both { first, .. } => first.room(),
        }
    }

    /// The rooms the change touches, as the plan after it names them (a room partitioned
    /// off included): what the app highlights while previewing it.
    pub fn rooms(&self) -> Vec<String> {
        match self {
            Self::Split { room, new_id, .. } | Self::SplitOff { room, new_id, .. } => {
                vec![room.clone(), new_id.clone()]
            }
            Self::Both { first, second } => {
                let mut rooms = first.rooms();
                rooms.extend(second.rooms());
                rooms
            }
            Self::AddBowl { .. } => Vec::new(),
            other => vec![other.room().to_owned()],
        }
    }

    /// The editor's command for this change.
    pub fn command(&self) -> Command {
        match self {
            Self::UseAs { room, kind } => Command::UpdateRoom {
                room: room.clone(),
                patch: RoomPatch {
                    kind: Some(*kind),
                    ..RoomPatch::default()
                },
            },
            Self::AddBowl { fixture, bowls } => Command::UpdateFixture {
                id: fixture.clone(),
                kind: FixtureKind::WashBasin { bowls: *bowls },
            },
            Self::WetRoom {
                storey,
                room,
                kind,
                fixture,
            } => Command::Batch(vec![
                Command::UpdateRoom {
                    room: room.clone(),
                    patch: RoomPatch {
                        kind: Some(*kind),
                        ..RoomPatch::default()
                    },
                },
                Command::AddFixture {
                    storey: *storey,
                    fixture: fixture.clone(),
                },
            ]),
            Self::Both { first, second } => Command::Batch(vec![first.command(), second.command()]),
            Self::MoveWall {
                room,
                edge,
                offset_mm,
            } => Command::MoveEdge {
                room: room.clone(),
                edge: *edge,
                offset_mm: *offset_mm,
            },
            Self::Split { room, a, b, new_id } => Command::SplitRoom {
                room: room.clone(),
                a: *a,
                b: *b,
                new_id: new_id.clone(),
            },
            Self::SplitOff {
                room,
                a,
                b,
                new_id,
                name,
            } => Command::Batch(vec![
                Command::SplitRoom {
                    room: room.clone(),
                    a: *a,
                    b: *b,
                    new_id: new_id.clone(),
                },
                Command::UpdateRoom {
                    room: new_id.clone(),
                    patch: RoomPatch {
                        name: Some(name.clone()),
                        kind: Some(RoomKind::Private),
                        ..RoomPatch::default()
                    },
                },
            ]),
        }
    }
}

/// What kind of work a change is, from the least to the most.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effort {
    /// 用途の変更: no building work.
    Use,
    /// 設備: a fixture changed.
    Fixture,
    /// 間仕切りの移動.
    Partition,
    /// 間仕切りの新設.
    NewPartition,
    /// 増築: the floor grows.
    Extension,
}

impl Effort {
    /// Its id in JSON (`new_partition`).
    pub fn id(self) -> &'static str {
        match self {
            Self::Use => "use",
            Self::Fixture => "fixture",
            Self::Partition => "partition",
            Self::NewPartition => "new_partition",
            Self::Extension => "extension",
        }
    }

    /// Japanese and English words.
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Self::Use => ("用途の変更", "change of use"),
            Self::Fixture => ("設備", "fixture"),
            Self::Partition => ("間仕切りの移動", "partition moved"),
            Self::NewPartition => ("間仕切りの新設", "new partition"),
            Self::Extension => ("増築", "extension"),
        }
    }
}

/// One change that lets more people live in the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    /// The change.
    pub edit: Edit,
    /// Its kind of work.
    pub effort: Effort,
    /// Floor moved, divided or added, ㎡ (0 for a change of use or a fixture).
    pub size_m2: f64,
    /// Capacity after the change (with the rules no plan change satisfies left out).
    pub capacity_after: u32,
    /// Rules that fail after the change and did not before.
    pub new_failures: Vec<String>,
    /// Rules that warn after the change and did not before (a room partitioned off without
    /// a window: BS-DAYLIGHT, BS-VENT), to check before building it.
    pub new_warnings: Vec<String>,
    /// Japanese words, e.g. `壁を 185 mm 動かす: 個室C 7.45 → 9.03 ㎡、収納 2.10 → 0.52 ㎡`.
    pub ja: String,
    /// English words.
    pub en: String,
}

/// A rule that no plan change satisfies, failing now.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Precondition {
    /// The rule's id.
    pub rule_id: String,
    /// What fails, Japanese.
    pub ja: String,
    /// What fails, English.
    pub en: String,
}

/// The result of [`one_more`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Suggestions {
    /// Capacity now (`None`: the profile does not count residents).
    pub capacity: Option<u32>,
    /// Capacity now with [`Suggestions::preconditions`] left out: what the changes improve on.
    pub capacity_by_plan: Option<u32>,
    /// Failing rules no plan change satisfies.
    pub preconditions: Vec<Precondition>,
    /// The changes, best first, at most [`MAX_SUGGESTIONS`].
    pub list: Vec<Suggestion>,
    /// Walls searched.
    pub walls_searched: usize,
    /// Walls in the plan (interior and exterior, each once).
    pub walls_total: usize,
    /// Whether every change was tried (the budget of checks did not run out).
    pub complete: bool,
}

/// The smallest changes after which the capacity under `profile` is larger (module docs).
pub fn one_more(plan: &Plan, profile: &Profile, budget: Budget) -> Suggestions {
    let full = Checker::new(plan, profile);
    let capacity = full.capacity(plan).max;
    let preconditions: Vec<Precondition> = full
        .report()
        .findings
        .iter()
        .filter(|f| f.status == Status::Fail && NOT_BY_PLAN.contains(&f.rule))
        .map(|f| Precondition {
            rule_id: f.rule_id.to_owned(),
            ja: f.message_ja().to_owned(),
            en: f.message_en().to_owned(),
        })
        .collect();
    let mut by_plan = profile.clone();
    by_plan.rules.retain(|r| !NOT_BY_PLAN.contains(&r.rule));
    let mut search = Finder::new(plan, by_plan, budget.checks);
    let mut out = Suggestions {
        capacity,
        capacity_by_plan: search.now,
        preconditions,
        list: Vec::new(),
        walls_searched: 0,
        walls_total: 0,
        complete: true,
    };
    if search.now.is_none() {
        return out;
    }
    // The changes that cost one check each first; the walls spend what is left.
    search.uses();
    search.bowls();
    search.wet_rooms();
    search.splits();
    search.split_offs();
    search.pairs();
    let walls = walls(plan, &search);
    out.walls_total = walls.len();
    for wall in walls.iter().take(budget.walls) {
        if search.left == 0 {
            search.ran_out = true;
            break;
        }
        search.wall(wall, budget.evaluations_per_wall.min(search.left));
        out.walls_searched += 1;
    }
    out.complete = !search.ran_out;
    let mut list = search.found;
    list.sort_by(|a, b| {
        let key = |s: &Suggestion| (!s.new_failures.is_empty(), s.effort, s.new_warnings.len());
        key(a).cmp(&key(b)).then(a.size_m2.total_cmp(&b.size_m2))
    });
    list.truncate(MAX_SUGGESTIONS);
    out.list = list;
    out
}

/// A wall to search: a room's edge, once per segment.
struct Wall {
    storey: usize,
    room: String,
    edge: usize,
    exterior: bool,
    /// Search order: lower first.
    priority: (u8, i64),
}

/// Every wall of the plan once, interior walls of private rooms first (the rooms failing a
/// rule first, then the smallest), then other interior walls, then exterior walls.
fn walls(plan: &Plan, search: &Finder<'_>) -> Vec<Wall> {
    let failing: HashSet<&str> = search
        .failing
        .iter()
        .flat_map(|(_, ids)| ids.iter().map(String::as_str))
        .collect();
    // Only a wooden house grows outward in a renovation; an apartment's outer walls stay.
    let extend = plan.dwelling.construction == Construction::Wooden;
    // Each segment once (a 641-room plan has some 11 000 edges: a set, not a list).
    let mut seen: HashSet<(PointMm, PointMm)> = HashSet::new();
    let mut out = Vec::new();
    for (s, storey) in plan.storeys.iter().enumerate() {
        let exterior = exterior_edges(storey);
        for (r, room) in storey.rooms.iter().enumerate() {
            let n = room.polygon.len();
            let area_mm2 = (wall_centre_area_m2(&room.polygon) * 1e6) as i64;
            for e in 0..n {
                let (a, b) = (room.polygon[e], room.polygon[(e + 1) % n]);
                let key = if (a.x, a.y) <= (b.x, b.y) {
                    (a, b)
                } else {
                    (b, a)
                };
                if !seen.insert(key) {
                    continue;
                }
                let outside = exterior
                    .get(r)
                    .and_then(|x| x.get(e))
                    .copied()
                    .unwrap_or(true);
                if outside && !extend {
                    continue;
                }
                let group = match (outside, room.kind == RoomKind::Private) {
                    (false, true) if failing.contains(&room.id.as_str()) => 0,
                    (false, true) => 1,
                    (false, false) => 2,
                    (true, _) => 3,
                };
                out.push(Wall {
                    storey: s,
                    room: room.id.clone(),
                    edge: e,
                    exterior: outside,
                    priority: (group, area_mm2),
                });
            }
        }
    }
    out.sort_by_key(|w| w.priority);
    out
}

/// The search's state: the plan, a checker on it and what was found.
struct Finder<'p> {
    plan: &'p Plan,
    profile: Profile,
    probe: Checker,
    /// Capacity now.
    now: Option<u32>,
    /// Failing findings now: rule id and elements.
    failing: HashSet<FindingKey>,
    /// Warning findings now: rule id and elements.
    warning: HashSet<FindingKey>,
    found: Vec<Suggestion>,
    /// Changes that put something right but are not enough alone: edit, effort, size, words.
    halves: Vec<(Edit, Effort, f64, (String, String))>,
    /// Checks left in the budget.
    left: usize,
    /// A change was not tried for want of budget.
    ran_out: bool,
}

impl<'p> Finder<'p> {
    fn new(plan: &'p Plan, profile: Profile, checks: usize) -> Self {
        let probe = Checker::new(plan, &profile);
        let now = probe.capacity(plan).max;
        let failing = findings(&probe, Status::Fail).into_iter().collect();
        let warning = findings(&probe, Status::Warning).into_iter().collect();
        Self {
            plan,
            profile,
            probe,
            now,
            failing,
            warning,
            found: Vec::new(),
            halves: Vec::new(),
            left: checks,
            ran_out: false,
        }
    }

    /// Applies `edit` to a copy of the plan and checks it: the copy, its capacity and the
    /// rules it newly fails and newly warns about, when the edit is valid and the capacity
    /// grows.
    fn try_edit(&mut self, edit: &Edit) -> Option<Checked> {
        self.check_edit(edit)
            .filter(|c| self.now.is_some_and(|now| c.capacity > now))
    }

    /// Applies `edit` to a copy of the plan and checks it, whatever the capacity: `None` when
    /// it cannot be made or the budget has run out.
    fn check_edit(&mut self, edit: &Edit) -> Option<Checked> {
        if self.left == 0 {
            self.ran_out = true;
            return None;
        }
        self.left -= 1;
        let mut after = self.plan.clone();
        edit.command().apply_in_place(&mut after).ok()?;
        let touched = Touched::between(self.plan, &after);
        if !validate_touched(&after, &touched).is_empty() {
            return None;
        }
        self.probe.update(&after, &touched);
        let capacity = self.probe.capacity(&after).max;
        let failing = findings(&self.probe, Status::Fail);
        let still: HashSet<&FindingKey> = failing.iter().collect();
        let fixed = self.failing.iter().filter(|f| !still.contains(f)).count();
        let new_failures = new_rules(&failing, &self.failing);
        let new_warnings = new_rules(&findings(&self.probe, Status::Warning), &self.warning);
        self.probe
            .update(self.plan, &Touched::between(&after, self.plan));
        Some(Checked {
            plan: after,
            capacity: capacity.unwrap_or(0),
            fixed,
            new_failures,
            new_warnings,
        })
    }

    /// Tries `edit` and keeps it when the capacity grows; a change that puts a failing
    /// finding right without new failures but is not enough alone is kept for pairing.
    fn keep(&mut self, edit: Edit, effort: Effort, size_m2: f64, words: (String, String)) {
        let Some(checked) = self.check_edit(&edit) else {
            return;
        };
        if self.now.is_some_and(|now| checked.capacity > now) {
            self.push(edit, effort, size_m2, checked, words);
        } else if checked.fixed > 0 && checked.new_failures.is_empty() {
            self.halves.push((edit, effort, size_m2, words));
        }
    }

    /// When no change alone lets more people live in the plan: pairs of changes that each
    /// put something right (two rooms too small, each made a 納戸; a room too small and a
    /// missing LDK), on different rooms, tried together.
    fn pairs(&mut self) {
        if !self.found.is_empty() {
            return;
        }
        let halves = std::mem::take(&mut self.halves);
        for (i, a) in halves.iter().enumerate() {
            for b in &halves[i + 1..] {
                if a.0.room() == b.0.room() {
                    continue;
                }
                let edit = Edit::Both {
                    first: Box::new(a.0.clone()),
                    second: Box::new(b.0.clone()),
                };
                let words = (
                    format!("{}、そして {}", a.3 .0, b.3 .0),
                    format!("{}, and {}", a.3 .1, b.3 .1),
                );
                self.keep(edit, a.1.max(b.1), a.2 + b.2, words);
                if self.left == 0 {
                    return;
                }
            }
        }
    }

    /// Records a change that was checked.
    fn push(
        &mut self,
        edit: Edit,
        effort: Effort,
        size_m2: f64,
        checked: Checked,
        (ja, en): (String, String),
    ) {
        self.found.push(Suggestion {
            edit,
            effort,
            size_m2,
            capacity_after: checked.capacity,
            new_failures: checked.new_failures,
            new_warnings: checked.new_warnings,
            ja,
            en,
        });
    }

    /// Rooms used differently: as a private room, as storage, or as the LDK.
    fn uses(&mut self) {
        let plan = self.plan;
        for room in plan.storeys.iter().flat_map(|s| &s.rooms) {
            if room.belongs_to.is_some() || !convertible(room.kind) {
                continue;
            }
            // A room too small to live in that keeps the house from counting anyone becomes
            // a 納戸 (収納); a spare room becomes a private room; a room the house lacks, the LDK.
            for kind in [RoomKind::Private, RoomKind::Storage, RoomKind::Ldk] {
                if kind == room.kind {
                    continue;
                }
                let (from_ja, from_en) = kind_words(room.kind);
                let (to_ja, to_en) = kind_words(kind);
                let words = (
                    format!("{} を {from_ja} から {to_ja} に", room.name),
                    format!("use {} as {to_en} instead of {from_en}", room.name),
                );
                let edit = Edit::UseAs {
                    room: room.id.clone(),
                    kind,
                };
                self.keep(edit, Effort::Use, 0.0, words);
            }
        }
    }

    /// Each wash basin with one more bowl.
    fn bowls(&mut self) {
        let plan = self.plan;
        for storey in &plan.storeys {
            for fixture in &storey.fixtures {
                let FixtureKind::WashBasin { bowls } = fixture.kind else {
                    continue;
                };
                let room = storey
                    .rooms
                    .iter()
                    .find(|r| r.id == fixture.room)
                    .map_or(fixture.room.as_str(), |r| r.name.as_str());
                let more = bowls.saturating_add(1);
                let words = (
                    format!("{room} の洗面台を {bowls} → {more} ボウルに"),
                    format!("wash basin in {room}: {bowls} → {more} bowls"),
                );
                let edit = Edit::AddBowl {
                    fixture: fixture.id.clone(),
                    bowls: more,
                };
                self.keep(edit, Effort::Fixture, 0.0, words);
            }
        }
    }

    /// Small spare rooms (収納, その他 that no private room owns) made a common 便所 or
    /// シャワー室 with its fixture at the room's label point: what a shared house short of
    /// toilets or baths does first.
    fn wet_rooms(&mut self) {
        /// The least floor for each, ㎡: a 便所 of 0.8 × 1.5 m, a shower room of 0.9 × 1.8 m.
        const MIN_TOILET_M2: f64 = 1.2;
        const MIN_SHOWER_M2: f64 = 1.6;
        let plan = self.plan;
        for (s, storey) in plan.storeys.iter().enumerate() {
            for room in &storey.rooms {
                if room.belongs_to.is_some()
                    || !matches!(room.kind, RoomKind::Storage | RoomKind::Other)
                {
                    continue;
                }
                let area = wall_centre_area_m2(&room.polygon);
                let (x, y) = label_position_mm(&room.polygon);
                let at = PointMm::new(x.round() as i64, y.round() as i64);
                let options = [
                    (
                        RoomKind::Toilet,
                        FixtureKind::Toilet,
                        MIN_TOILET_M2,
                        ("便所", "a toilet"),
                    ),
                    (
                        RoomKind::ShowerRoom,
                        FixtureKind::Shower,
                        MIN_SHOWER_M2,
                        ("シャワー室", "a shower room"),
                    ),
                ];
                for (kind, fixture, min, (ja, en)) in options {
                    if area < min {
                        continue;
                    }
                    let words = (
                        format!("{} ({} ㎡) を共用の{ja}に", room.name, numbers::area(area)),
                        format!(
                            "make {} ({} ㎡) {en} for all",
                            room.name,
                            numbers::area(area)
                        ),
                    );
                    let edit = Edit::WetRoom {
                        storey: s,
                        room: room.id.clone(),
                        kind,
                        fixture: Fixture {
                            id: fresh_id(plan, "fx-"),
                            room: room.id.clone(),
                            at,
                            kind: fixture,
                        },
                    };
                    self.keep(edit, Effort::Fixture, area, words);
                }
            }
        }
    }

    /// The nearest offset either way at which the capacity grows, kept with its words.
    fn wall(&mut self, wall: &Wall, evaluations: usize) {
        let plan = self.plan;
        let Some(now) = self.now else { return };
        let edge = wall.edge;
        let search = whatif::Search {
            range_mm: (-WALL_RANGE_MM, WALL_RANGE_MM),
            step_mm: 10,
            max_evaluations: evaluations,
            capacity_only: true,
        };
        let limits = wall_ghosts(plan, &self.profile, wall.storey, &wall.room, edge, search);
        self.left = self.left.saturating_sub(limits.evaluations);
        if !limits.complete {
            self.ran_out = true;
        }
        let grows = |flip: &Flip| matches!(flip, Flip::Capacity { after: Some(c), .. } if *c > now);
        let nearest_out = limits.ghosts.iter().find(|g| g.d_mm > 0 && grows(&g.flip));
        let nearest_in = limits
            .ghosts
            .iter()
            .rev()
            .find(|g| g.d_mm < 0 && grows(&g.flip));
        let offsets: Vec<i64> = [nearest_in, nearest_out]
            .into_iter()
            .flatten()
            .map(|g| g.d_mm)
            .collect();
        for exact in offsets {
            // The snap step reads better and is usually as good; the exact millimetre else.
            let rounded = exact.signum() * (exact.abs() + STEP_MM - 1) / STEP_MM * STEP_MM;
            let tries = if rounded == exact {
                vec![exact]
            } else {
                vec![rounded, exact]
            };
            for offset in tries {
                let edit = Edit::MoveWall {
                    room: wall.room.clone(),
                    edge,
                    offset_mm: offset,
                };
                let Some(checked) = self.try_edit(&edit) else {
                    continue;
                };
                let (words, size_m2) = wall_words(plan, &checked.plan, wall, offset);
                let effort = if wall.exterior {
                    Effort::Extension
                } else {
                    Effort::Partition
                };
                self.push(edit, effort, size_m2, checked, words);
                break;
            }
        }
    }

    /// Private rooms large enough for two, split through the middle across their longer side.
    fn splits(&mut self) {
        let plan = self.plan;
        for room in plan.storeys.iter().flat_map(|s| &s.rooms) {
            if room.kind != RoomKind::Private || room.polygon.len() < 3 {
                continue;
            }
            let area = wall_centre_area_m2(&room.polygon);
            let (min, max) = bounds(&room.polygon);
            let (w, h) = (max.x - min.x, max.y - min.y);
            let round = |v: i64| (v + STEP_MM / 2).div_euclid(STEP_MM) * STEP_MM;
            let (a, b, cut_mm) = if w >= h {
                let x = round(min.x + w / 2);
                (PointMm::new(x, min.y), PointMm::new(x, max.y), h)
            } else {
                let y = round(min.y + h / 2);
                (PointMm::new(min.x, y), PointMm::new(max.x, y), w)
            };
            let new_id = fresh_id(plan, &format!("{}-", room.id));
            let words = (
                format!(
                    "{} ({} ㎡) を 2 室に分ける (間仕切り {cut_mm} mm)",
                    room.name,
                    numbers::area(area)
                ),
                format!(
                    "split {} ({} ㎡) in two (a {cut_mm} mm partition)",
                    room.name,
                    numbers::area(area)
                ),
            );
            let edit = Edit::Split {
                room: room.id.clone(),
                a,
                b,
                new_id,
            };
            self.keep(edit, Effort::NewPartition, area, words);
        }
    }
}

impl Finder<'_> {
    /// A private room of the profile's minimum area partitioned off one end of each large
    /// common room (LDK, 居間, 食堂, DK, その他), across its longer side.
    fn split_offs(&mut self) {
        let plan = self.plan;
        let min_m2 = self.profile.value(ParamKey::ShRoomMinM2);
        if !min_m2.is_finite() || min_m2 <= 0.0 {
            return;
        }
        // The next private room's number, 個室5 beside four, never a name already used.
        let names: Vec<&str> = plan.rooms().map(|(_, r)| r.name.as_str()).collect();
        let privates = plan
            .rooms()
            .filter(|(_, r)| r.kind == RoomKind::Private)
            .count();
        let name = (privates + 1..)
            .map(|k| format!("個室{k}"))
            .find(|n| !names.contains(&n.as_str()))
            .unwrap_or_default();
        for room in plan.storeys.iter().flat_map(|s| &s.rooms) {
            let common = matches!(
                room.kind,
                RoomKind::Ldk
                    | RoomKind::Living
                    | RoomKind::Dining
                    | RoomKind::Dk
                    | RoomKind::Other
            );
            let area = wall_centre_area_m2(&room.polygon);
            // What stays of the common room must still be a room (3 ㎡, a small kitchen).
            if !common || room.belongs_to.is_some() || area < min_m2 + 3.0 {
                continue;
            }
            let (min, max) = bounds(&room.polygon);
            let (w, h) = (max.x - min.x, max.y - min.y);
            let across = w.min(h).max(1);
            // The slice's depth: the minimum area over the room's width, up to the snap step.
            let depth = ((min_m2 * 1e6 / across as f64) as i64 / STEP_MM + 1) * STEP_MM;
            if depth >= w.max(h) {
                continue;
            }
            let cuts = if w >= h {
                [
                    (
                        PointMm::new(min.x + depth, min.y),
                        PointMm::new(min.x + depth, max.y),
                    ),
                    (
                        PointMm::new(max.x - depth, min.y),
                        PointMm::new(max.x - depth, max.y),
                    ),
                ]
            } else {
                [
                    (
                        PointMm::new(min.x, min.y + depth),
                        PointMm::new(max.x, min.y + depth),
                    ),
                    (
                        PointMm::new(min.x, max.y - depth),
                        PointMm::new(max.x, max.y - depth),
                    ),
                ]
            };
            let slice_m2 = depth as f64 * across as f64 / 1e6;
            for (a, b) in cuts {
                let new_id = fresh_id(plan, &format!("{}-", room.id));
                let words = (
                    format!(
                        "{} の一部 ({depth} × {across} mm, {} ㎡) を間仕切って {name} に",
                        room.name,
                        numbers::area(slice_m2)
                    ),
                    format!(
                        "partition {depth} × {across} mm ({} ㎡) off {} as {name}",
                        numbers::area(slice_m2),
                        room.name
                    ),
                );
                let edit = Edit::SplitOff {
                    room: room.id.clone(),
                    a,
                    b,
                    new_id,
                    name: name.clone(),
                };
                self.keep(edit, Effort::NewPartition, slice_m2, words);
            }
        }
    }
}

/// A change checked: the plan it makes, the capacity and the rules newly failing or warning.
struct Checked {
    plan: Plan,
    capacity: u32,
    /// Findings failing before that pass after.
    fixed: usize,
    new_failures: Vec<String>,
    new_warnings: Vec<String>,
}

/// A finding told apart from the others: its rule id and elements.
type FindingKey = (&'static str, Vec<String>);

/// The findings of the checker's report with `status`, in report order.
fn findings(checker: &Checker, status: Status) -> Vec<FindingKey> {
    checker
        .report()
        .findings
        .iter()
        .filter(|f| f.status == status)
        .map(|f| (f.rule_id, f.element_ids.clone()))
        .collect()
}

/// The rule ids, once each and in report order, of the findings in `now` that were not in
/// `before` (sets: a large plan has thousands of findings, checked for every change tried).
fn new_rules(now: &[FindingKey], before: &HashSet<FindingKey>) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for key in now {
        if !before.contains(key) && !ids.iter().any(|id| id == key.0) {
            ids.push(key.0.to_owned());
        }
    }
    ids
}

/// Uses a room can change from: rooms people could live or gather in (not wet rooms,
/// circulation or outdoor space).
fn convertible(kind: RoomKind) -> bool {
    matches!(
        kind,
        RoomKind::Private
            | RoomKind::Ldk
            | RoomKind::Dk
            | RoomKind::Living
            | RoomKind::Dining
            | RoomKind::Storage
            | RoomKind::Other
    )
}

/// The bounding box of an outline.
fn bounds(polygon: &[PointMm]) -> (PointMm, PointMm) {
    let mut min = PointMm::new(i64::MAX, i64::MAX);
    let mut max = PointMm::new(i64::MIN, i64::MIN);
    for p in polygon {
        min = PointMm::new(min.x.min(p.x), min.y.min(p.y));
        max = PointMm::new(max.x.max(p.x), max.y.max(p.y));
    }
    (min, max)
}

/// The words of a moved wall (the rooms whose area changed, before and after) and the floor
/// moved or added, ㎡.
fn wall_words(before: &Plan, after: &Plan, wall: &Wall, offset: i64) -> ((String, String), f64) {
    let (Some(old), Some(new)) = (
        before.storeys.get(wall.storey),
        after.storeys.get(wall.storey),
    ) else {
        return ((String::new(), String::new()), 0.0);
    };
    let mut changed: Vec<String> = Vec::new();
    let mut moved = 0.0_f64;
    let mut total = (0.0, 0.0);
    for room in &old.rooms {
        let Some(now) = new.rooms.iter().find(|r| r.id == room.id) else {
            continue;
        };
        let (a, b) = (
            wall_centre_area_m2(&room.polygon),
            wall_centre_area_m2(&now.polygon),
        );
        total = (total.0 + a, total.1 + b);
        if numbers::area(a) != numbers::area(b) {
            moved = moved.max((b - a).abs());
            changed.push(format!(
                "{} {} → {} ㎡",
                room.name,
                numbers::area(a),
                numbers::area(b)
            ));
        }
    }
    let distance = offset.unsigned_abs();
    let rooms = changed.join("、");
    let (name, length) =
        old.rooms
            .iter()
            .find(|r| r.id == wall.room)
            .map_or((String::new(), 0.0), |r| {
                let n = r.polygon.len().max(1);
                let (a, b) = (r.polygon[wall.edge % n], r.polygon[(wall.edge + 1) % n]);
                (
                    r.name.clone(),
                    ((a.x - b.x) as f64).hypot((a.y - b.y) as f64),
                )
            });
    if wall.exterior {
        let added = (total.1 - total.0).abs();
        (
            (
                format!(
                    "{name} の外壁 (長さ {length:.0} mm) を {distance} mm 外へ (増築 {} ㎡): {rooms}",
                    numbers::area(added)
                ),
                format!(
                    "move the outside wall of {name} ({length:.0} mm long) {distance} mm out (extension {} ㎡): {}",
                    numbers::area(added),
                    changed.join(", ")
                ),
            ),
            added,
        )
    } else {
        (
            (
                format!("{name} の壁 (長さ {length:.0} mm) を {distance} mm 動かす: {rooms}"),
                format!(
                    "move a wall of {name} ({length:.0} mm long) {distance} mm: {}",
                    changed.join(", ")
                ),
            ),
            moved,
        )
    }
}
