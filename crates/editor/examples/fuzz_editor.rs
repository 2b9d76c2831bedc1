//! A fuzz harness for the editor: random sequences of every command, drags with the tools,
//! undo, redo and cancel on the shipped templates and on generated irregular plans, each step
//! under `catch_unwind`, with the editor's invariants checked after every step.
//!
//! Invariants:
//! * no step panics (overflow included when built with overflow checks);
//! * the plan the editor shows always passes the whole [`validate`] (so a value beyond a
//!   validation bound, such as a huge wall thickness or coordinate, is refused);
//! * a refused command changes nothing and leaves a message;
//! * every 50th step, `madori_rules::check` and `madori_rules::capacity` run for every profile
//!   of the catalogue without panic, every finding's measured and required values are finite
//!   and its words render;
//! * at the end of each execution, undoing everything returns the starting plan and redoing
//!   everything returns the final plan (`==`).
//!
//! Deterministic: the same steps and seed give the same run. Std only.
//!
//! Run (panics must unwind to be caught, and overflow checks make overflow a panic):
//!
//! ```text
//! CARGO_PROFILE_BENCH_PANIC=unwind CARGO_PROFILE_BENCH_OVERFLOW_CHECKS=true \
//!   cargo run -p madori-editor --profile bench --example fuzz_editor -- 500000 1
//! ```
//!
//! Arguments: steps (default 20,000) and seed (default 1). Prints executions, steps per
//! second and failures; exits with status 1 when a step failed.

use madori_editor::snap::Grid;
use madori_editor::tools::{Key, Tool};
use madori_editor::{Command, Editor, RoomPatch, Transform};
use madori_plan::validate::validate;
use madori_plan::{
    format, templates, BuildingStatus, Construction, DoorOperation, Dwelling, Fixture, FixtureKind,
    HouseholdTarget, Occupancy, Opening, OpeningKind, Plan, PointMm, Room, RoomKind,
    WindowOperation,
};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Mutex;
use std::time::Instant;

/// Steps per execution: one editor session on one plan, ending with undo-all and redo-all.
pub const STEPS_PER_EXECUTION: usize = 200;
/// Rules and capacity run on every this many steps.
pub const RULES_EVERY: usize = 50;

/// Which typed counts the plan's validation bounds on this build.
///
/// A count beyond a bound is generated and must be refused: the invariant that every shown
/// plan passes the whole validation checks exactly that. Where validation sets no bound
/// (yet), generated counts stay plausible, so that the run tests the editor rather than
/// reporting, at every checkpoint, what the missing bound lets through to the rules.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bounds {
    /// `Occupancy::Persons`.
    pub persons: bool,
    /// `Occupancy::Household::adults`.
    pub adults: bool,
    /// How many children a room lists.
    pub children: bool,
    /// A child's age.
    pub ages: bool,
    /// Wash basin bowls.
    pub bowls: bool,
    /// Kitchen burners.
    pub burners: bool,
}

impl Bounds {
    /// Asks validation: does it refuse each count at its extreme?
    pub fn probe() -> Self {
        let refused = |occupancy: Option<Occupancy>, kind: FixtureKind| {
            let mut plan = madori_editor::empty_plan();
            let polygon = vec![
                PointMm::new(0, 0),
                PointMm::new(3640, 0),
                PointMm::new(3640, 2730),
                PointMm::new(0, 2730),
            ];
            plan.storeys[0].rooms.push(Room {
                id: "r".into(),
                name: "r".into(),
                kind: RoomKind::Private,
                polygon,
                wall_thickness_mm: Vec::new(),
                belongs_to: None,
                occupancy,
                lockable: false,
                mechanical_ventilation: false,
                ceiling_height_mm: None,
            });
            plan.storeys[0].fixtures.push(Fixture {
                id: "f".into(),
                room: "r".into(),
                at: PointMm::new(1000, 1000),
                kind,
            });
            !validate(&plan).is_empty()
        };
        let household = |adults: u32, children_ages: Vec<u8>| {
            Some(Occupancy::Household {
                adults,
                children_ages,
            })
        };
        Self {
            persons: refused(Some(Occupancy::Persons(u32::MAX)), FixtureKind::Toilet),
            adults: refused(household(u32::MAX, vec![]), FixtureKind::Toilet),
            children: refused(household(1, vec![1; 300]), FixtureKind::Toilet),
            ages: refused(household(1, vec![u8::MAX]), FixtureKind::Toilet),
            bowls: refused(None, FixtureKind::WashBasin { bowls: u32::MAX }),
            burners: refused(
                None,
                FixtureKind::Kitchen {
                    burners: u32::MAX,
                    sink: true,
                },
            ),
        }
    }
}

/// A small deterministic generator (SplitMix64), with the bounds that decide which extreme
/// counts it draws.
pub struct Rng {
    state: u64,
    bounds: Bounds,
}

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64, bounds: Bounds) -> Self {
        Self {
            state: seed,
            bounds,
        }
    }

    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }

    /// A signed distance: mostly plan-sized, sometimes extreme.
    fn offset(&mut self) -> i64 {
        match self.below(20) {
            0 => [i64::MAX, i64::MIN, i64::MAX / 2, -i64::MAX][self.below(4)],
            1 => [1_000_001, -1_000_001, 2_000_000, 1 << 40][self.below(4)],
            2 => 0,
            3..=5 => [-1, 1, -2, 2][self.below(4)],
            6..=12 => [-910, 910, -455, 455, -1820, 1820, 3640, -3640][self.below(8)],
            _ => self.below(6001) as i64 - 3000,
        }
    }

    /// An unsigned size: mostly plausible, sometimes zero or extreme.
    fn size(&mut self, plausible: u32) -> u32 {
        match self.below(12) {
            0 => 0,
            1 => u32::MAX,
            2 => [101, 1_001, 20_001, 100_001, 1 << 31][self.below(5)],
            _ => 1 + self.below(plausible as usize) as u32,
        }
    }

    /// A count (persons, bowls, burners): mostly small, sometimes beyond every bound when
    /// validation has one (`bounded`).
    fn count(&mut self, bounded: bool) -> u32 {
        match self.below(10) {
            0 if bounded => u32::MAX,
            1 if bounded => [21, 101, 1_000, 1 << 31][self.below(4)],
            0 | 1 => [20, 100][self.below(2)],
            2 => 0,
            _ => 1 + self.below(4) as u32,
        }
    }

    /// A pointer coordinate near `v`, mostly a plausible drag, sometimes extreme.
    fn pointer(&mut self, v: f64) -> f64 {
        match self.below(40) {
            0 => [1e15, -1e15, 1e300, f64::MAX][self.below(4)],
            1 => [f64::NAN, f64::INFINITY, f64::NEG_INFINITY][self.below(3)],
            _ => v + self.offset().clamp(-5000, 5000) as f64 + self.below(100) as f64 / 10.0,
        }
    }
}

/// One step that failed, with what led to it.
#[derive(Clone, Debug)]
pub struct Failure {
    /// Which execution (its plan and seed can be derived from the run's seed).
    pub execution: usize,
    /// The step within the execution.
    pub step: usize,
    /// The plan the execution started from.
    pub plan: String,
    /// What went wrong.
    pub what: String,
    /// The last actions of the execution, oldest first.
    pub actions: Vec<String>,
}

/// What a run found.
#[derive(Debug, Default)]
pub struct Summary {
    /// Executions (editor sessions) run.
    pub executions: usize,
    /// Steps run.
    pub steps: usize,
    /// Commands the editor accepted and refused.
    pub accepted: usize,
    /// See `accepted`.
    pub refused: usize,
    /// Accepted and refused commands by variant (see [`a_command`]), with the variant's
    /// name.
    pub by_variant: [(&'static str, usize, usize); COMMAND_VARIANTS],
    /// Rules and capacity checkpoints.
    pub rule_checks: usize,
    /// Failed steps (an execution stops at its first failure).
    pub failures: Vec<Failure>,
    /// Which counts validation bounds, so the run generated values beyond them.
    pub bounds: Bounds,
}

/// The plans executions start from: the shipped templates and generated irregular plans.
fn start_plan(rng: &mut Rng, execution: usize) -> (String, Plan) {
    let choice = execution % (templates::TEMPLATES.len() + 1);
    match templates::TEMPLATES.get(choice) {
        Some((name, text)) => (
            (*name).to_owned(),
            format::from_json(text).expect("a shipped template loads"),
        ),
        None => {
            let seed = rng.next() % 10_000;
            (
                format!("irregular(60, 2, {seed})"),
                templates::irregular(60, 2, seed),
            )
        }
    }
}

fn room_ids(plan: &Plan, storey: usize) -> Vec<String> {
    plan.storeys
        .get(storey)
        .map(|s| s.rooms.iter().map(|r| r.id.clone()).collect())
        .unwrap_or_default()
}

/// An id: mostly an existing one of the right kind, sometimes unknown or empty.
fn some_id(rng: &mut Rng, existing: &[String]) -> String {
    match rng.below(10) {
        0 => "no-such-id".to_owned(),
        1 => String::new(),
        _ => rng.pick(existing).cloned().unwrap_or_default(),
    }
}

/// A new id, or sometimes one already used.
fn new_id(rng: &mut Rng, plan: &Plan, prefix: &str) -> String {
    if rng.chance(10) {
        if let Some(id) = madori_editor::all_ids(plan).next() {
            return id.to_owned();
        }
    }
    madori_editor::fresh_id(plan, prefix)
}

fn a_point(rng: &mut Rng, plan: &Plan, storey: usize) -> PointMm {
    let vertices: Vec<PointMm> = plan
        .storeys
        .get(storey)
        .map(|s| {
            s.rooms
                .iter()
                .flat_map(|r| r.polygon.iter().copied())
                .collect()
        })
        .unwrap_or_default();
    let base = rng.pick(&vertices).copied().unwrap_or_default();
    PointMm::new(
        base.x.saturating_add(rng.offset()),
        base.y.saturating_add(rng.offset()),
    )
}

fn a_kind(rng: &mut Rng) -> RoomKind {
    RoomKind::ALL[rng.below(RoomKind::ALL.len())]
}

fn a_fixture_kind(rng: &mut Rng) -> FixtureKind {
    match rng.below(7) {
        0 => FixtureKind::Toilet,
        1 => FixtureKind::WashBasin {
            bowls: rng.count(rng.bounds.bowls),
        },
        2 => FixtureKind::Bath {
            tub: rng.chance(50),
        },
        3 => FixtureKind::Shower,
        4 => FixtureKind::WashingMachine,
        5 => FixtureKind::Kitchen {
            burners: rng.count(rng.bounds.burners),
            sink: rng.chance(50),
        },
        _ => FixtureKind::Stairs,
    }
}

fn an_opening_kind(rng: &mut Rng) -> OpeningKind {
    if rng.chance(50) {
        // One draw for both fields: `k % 3` is the draw's value modulo 3 as before the
        // operation existed, so a seed still gives the same sequence of commands.
        let k = rng.below(15);
        OpeningKind::Door {
            lockable: [None, Some(true), Some(false)][k % 3],
            operation: [
                None,
                Some(DoorOperation::Hinged),
                Some(DoorOperation::Sliding),
                Some(DoorOperation::DoubleSliding),
                Some(DoorOperation::Folding),
            ][k / 3],
        }
    } else {
        OpeningKind::Window {
            height_mm: (!rng.chance(20)).then(|| rng.size(2000)),
            exterior: rng.chance(50),
            operation: [
                WindowOperation::Fixed,
                WindowOperation::Sliding,
                WindowOperation::Casement,
            ][rng.below(3)],
        }
    }
}

fn an_occupancy(rng: &mut Rng) -> Option<Occupancy> {
    let ages = |rng: &mut Rng| -> Vec<u8> {
        let n = if rng.bounds.children && rng.chance(5) {
            300
        } else {
            rng.below(4)
        };
        (0..n)
            .map(|_| {
                if rng.bounds.ages && rng.chance(10) {
                    u8::MAX
                } else {
                    rng.below(18) as u8
                }
            })
            .collect()
    };
    match rng.below(4) {
        0 => None,
        1 => Some(Occupancy::Persons(rng.count(rng.bounds.persons))),
        2 => Some(Occupancy::SingleParent {
            children_ages: ages(rng),
        }),
        _ => Some(Occupancy::Household {
            adults: rng.count(rng.bounds.adults),
            children_ages: ages(rng),
        }),
    }
}

fn a_dwelling(rng: &mut Rng, current: &Dwelling) -> Dwelling {
    let mut d = current.clone();
    match rng.below(7) {
        0 => d.construction = Construction::ALL[rng.below(3)],
        1 => {
            d.status = if rng.chance(50) {
                BuildingStatus::New
            } else {
                BuildingStatus::Existing
            }
        }
        2 => {
            d.year_built = [
                None,
                Some(1975),
                Some(2100),
                Some(2101),
                Some(i32::MIN),
                Some(i32::MAX),
            ][rng.below(6)]
        }
        3 => {
            d.construction_started = [
                None,
                Some("1981-06-01"),
                Some("2024-02-30"),
                Some("9999-99-99"),
                Some(""),
                Some("-1-1-1"),
            ][rng.below(6)]
            .map(str::to_owned)
        }
        4 => d.seismic_assessment_passed = [None, Some(true), Some(false)][rng.below(3)],
        5 => d.fire_resistant = !d.fire_resistant,
        _ => {
            d.target_household = [
                None,
                Some(HouseholdTarget::SharedSingle),
                Some(HouseholdTarget::SharedSingleParent),
                Some(HouseholdTarget::SharedElderly),
                Some(HouseholdTarget::Household),
            ][rng.below(5)]
        }
    }
    d
}

/// A random command of the variant numbered `variant` (0..22, every [`Command`] variant).
fn a_command(rng: &mut Rng, plan: &Plan, storey: usize, variant: usize) -> Command {
    let rooms = room_ids(plan, storey);
    let room = some_id(rng, &rooms);
    let edges = plan.room(&room).map_or(4, |r| r.polygon.len());
    let edge = if rng.chance(5) {
        edges + rng.below(3)
    } else {
        rng.below(edges)
    };
    let any_storey = if rng.chance(5) {
        plan.storeys.len() + rng.below(2)
    } else {
        storey
    };
    let fixtures: Vec<String> = plan
        .storeys
        .iter()
        .flat_map(|s| s.fixtures.iter().map(|f| f.id.clone()))
        .collect();
    let openings: Vec<String> = plan
        .storeys
        .iter()
        .flat_map(|s| s.openings.iter().map(|o| o.id.clone()))
        .collect();
    match variant {
        0 => {
            let at = a_point(rng, plan, storey);
            let (w, d) = (rng.offset(), rng.offset());
            let far = |a: i64, b: i64| a.saturating_add(b);
            let mut r = Room {
                id: new_id(rng, plan, "room"),
                name: "fuzz".into(),
                kind: a_kind(rng),
                polygon: vec![
                    at,
                    PointMm::new(far(at.x, w), at.y),
                    PointMm::new(far(at.x, w), far(at.y, d)),
                    PointMm::new(at.x, far(at.y, d)),
                ],
                wall_thickness_mm: Vec::new(),
                belongs_to: None,
                occupancy: None,
                lockable: false,
                mechanical_ventilation: false,
                ceiling_height_mm: None,
            };
            if rng.chance(20) {
                r.polygon.truncate(rng.below(4));
            }
            Command::AddRoom {
                storey: any_storey,
                room: r,
            }
        }
        1 => {
            let mut ids: Vec<String> = (0..1 + rng.below(3))
                .map(|_| {
                    let all: Vec<String> = madori_editor::all_ids(plan)
                        .filter(|id| !plan.storeys.iter().any(|s| s.id == *id))
                        .map(str::to_owned)
                        .collect();
                    some_id(rng, &all)
                })
                .collect();
            if rng.chance(5) {
                ids.clear();
            }
            Command::Delete { ids }
        }
        2 => {
            let from = plan
                .room(&room)
                .and_then(|r| rng.pick(&r.polygon).copied())
                .unwrap_or_default();
            Command::MoveVertex {
                storey: any_storey,
                from,
                to: PointMm::new(
                    from.x.saturating_add(rng.offset()),
                    from.y.saturating_add(rng.offset()),
                ),
            }
        }
        3 => Command::MoveEdge {
            room,
            edge,
            offset_mm: rng.offset(),
        },
        4 => Command::SetEdgeLength {
            room,
            edge,
            length_mm: rng.offset(),
        },
        5 => {
            // Mostly a little smaller than the room is (what a user types to fit a room),
            // sometimes anything.
            let (lo, hi) = plan
                .room(&room)
                .and_then(|r| madori_plan::geometry::bounds(&r.polygon))
                .unwrap_or_default();
            let mut near = |now: i64| {
                if rng.chance(70) {
                    now - rng.below(400) as i64
                } else {
                    rng.offset()
                }
            };
            Command::SetRoomSize {
                width_mm: near(hi.x - lo.x),
                depth_mm: near(hi.y - lo.y),
                room,
            }
        }
        6 => {
            let mut patch = RoomPatch::default();
            for _ in 0..1 + rng.below(3) {
                match rng.below(6) {
                    0 => {
                        patch.name =
                            Some(["", "  ", "洋室", &"長".repeat(200)][rng.below(4)].to_owned())
                    }
                    1 => patch.kind = Some(a_kind(rng)),
                    2 => patch.occupancy = Some(an_occupancy(rng)),
                    3 => patch.lockable = Some(rng.chance(50)),
                    4 => patch.wall_thickness_mm = Some((!rng.chance(20)).then(|| rng.size(300))),
                    _ => {
                        patch.belongs_to = Some(match rng.below(3) {
                            0 => None,
                            1 => Some(room.clone()),
                            _ => Some(some_id(rng, &rooms)),
                        })
                    }
                }
            }
            Command::UpdateRoom { room, patch }
        }
        7 => {
            let (a, b) = match plan
                .room(&room)
                .and_then(|r| madori_plan::geometry::bounds(&r.polygon))
            {
                Some((lo, hi)) if rng.chance(80) => {
                    let x = lo.x + (hi.x - lo.x) * (1 + rng.below(3) as i64) / 4;
                    let y = lo.y + (hi.y - lo.y) * (1 + rng.below(3) as i64) / 4;
                    if rng.chance(50) {
                        (PointMm::new(x, lo.y - 10), PointMm::new(x, hi.y + 10))
                    } else {
                        (PointMm::new(lo.x - 10, y), PointMm::new(hi.x + 10, y))
                    }
                }
                _ => (a_point(rng, plan, storey), a_point(rng, plan, storey)),
            };
            Command::SplitRoom {
                room,
                a,
                b,
                new_id: new_id(rng, plan, "room"),
            }
        }
        8 => Command::MergeRooms {
            a: room,
            b: some_id(rng, &rooms),
        },
        9 => Command::MoveRoom {
            room,
            delta: PointMm::new(rng.offset(), rng.offset()),
        },
        10 => Command::DuplicateRoom {
            room,
            new_id: new_id(rng, plan, "room"),
        },
        11 => Command::TransformPlan(if rng.chance(50) {
            Transform::RotateClockwise
        } else {
            Transform::MirrorHorizontal
        }),
        12 => Command::AddOpening {
            storey: any_storey,
            opening: Opening {
                id: new_id(rng, plan, "door"),
                room,
                edge,
                offset_mm: rng.size(3000),
                width_mm: rng.size(1800),
                kind: an_opening_kind(rng),
            },
        },
        13 => {
            let at = plan
                .room(&room)
                .map(|r| inside_point(&r.polygon))
                .filter(|_| rng.chance(80))
                .unwrap_or_else(|| a_point(rng, plan, storey));
            Command::AddFixture {
                storey: any_storey,
                fixture: Fixture {
                    id: new_id(rng, plan, "fixture"),
                    room,
                    at,
                    kind: a_fixture_kind(rng),
                },
            }
        }
        14 => Command::MoveFixture {
            id: some_id(rng, &fixtures),
            to: a_point(rng, plan, storey),
        },
        15 => Command::UpdateFixture {
            id: some_id(rng, &fixtures),
            kind: a_fixture_kind(rng),
        },
        16 => Command::MoveOpening {
            id: some_id(rng, &openings),
            offset_mm: rng.size(4000),
        },
        17 => Command::UpdateOpening {
            id: some_id(rng, &openings),
            width_mm: rng.size(1800),
            kind: an_opening_kind(rng),
        },
        18 => Command::AddStorey {
            id: new_id(rng, plan, "storey"),
            name: format!("{}F", plan.storeys.len() + 1),
        },
        19 => Command::UpdateDwelling(a_dwelling(rng, &plan.dwelling)),
        20 => Command::SetCeilingHeight {
            storey: any_storey,
            height_mm: (!rng.chance(10)).then(|| rng.size(3000)),
        },
        21 => Command::RenameStorey {
            storey: any_storey,
            name: ["", " ", "2F", "屋階"][rng.below(4)].to_owned(),
        },
        22 => Command::RenamePlan {
            name: ["", "  ", "公団 3DK 改修案", &"長".repeat(300)][rng.below(4)].to_owned(),
        },
        23 => Command::SetCheck((!rng.chance(20)).then(|| {
            madori_plan::CheckSettings {
                profile: ["sh-single", "sn-unit", "", "unknown"][rng.below(4)].to_owned(),
                local_override: rng.chance(50).then(|| "toshima".to_owned()),
                values: (0..rng.below(3))
                    .map(|_| madori_plan::CheckValue {
                        key: ["sh.room.min", "", "report.rounding"][rng.below(3)].to_owned(),
                        value: [7.0, 0.0, -1.0, 1e300, f64::NAN][rng.below(5)],
                        source: "fuzz".to_owned(),
                    })
                    .collect(),
            }
        })),
        25 => Command::SaveState {
            id: ["state-a", "state-b", ""][rng.below(3)].to_owned(),
            name: ["現況", "", "計画案A"][rng.below(3)].to_owned(),
            note: "fuzz".to_owned(),
        },
        26 => Command::UpdateState {
            index: rng.below(3),
            name: ["", "計画案B"][rng.below(2)].to_owned(),
            note: String::new(),
        },
        27 => Command::RemoveState {
            index: rng.below(3),
        },
        28 => Command::OpenState {
            index: rng.below(3),
        },
        _ => Command::SetUnderlay {
            storey: any_storey,
            underlay: (!rng.chance(20)).then(|| madori_plan::Underlay {
                image: ["img", ""][rng.below(2)].to_owned(),
                width_px: [0, 1, 4000, 50_000][rng.below(4)],
                height_px: rng.size(5000),
                origin: a_point(rng, plan, storey),
                mm_per_px: [0.0, 0.001, 7.5, 1e9, f64::INFINITY][rng.below(5)],
                rotation_deg: [0.0, -1.5, 400.0, f64::NAN][rng.below(4)],
                opacity_percent: [0, 40, 100, 255][rng.below(4)],
                hidden: rng.chance(20),
                locked: rng.chance(20),
            }),
        },
    }
}

/// The variant's name, for the tally.
fn command_name(command: &Command) -> &'static str {
    match command {
        Command::AddRoom { .. } => "AddRoom",
        Command::Delete { .. } => "Delete",
        Command::MoveVertex { .. } => "MoveVertex",
        Command::MoveEdge { .. } => "MoveEdge",
        Command::SetEdgeLength { .. } => "SetEdgeLength",
        Command::SetRoomSize { .. } => "SetRoomSize",
        Command::UpdateRoom { .. } => "UpdateRoom",
        Command::SplitRoom { .. } => "SplitRoom",
        Command::MergeRooms { .. } => "MergeRooms",
        Command::MoveRoom { .. } => "MoveRoom",
        Command::DuplicateRoom { .. } => "DuplicateRoom",
        Command::TransformPlan(_) => "TransformPlan",
        Command::AddOpening { .. } => "AddOpening",
        Command::AddFixture { .. } => "AddFixture",
        Command::MoveFixture { .. } => "MoveFixture",
        Command::UpdateFixture { .. } => "UpdateFixture",
        Command::MoveOpening { .. } => "MoveOpening",
        Command::UpdateOpening { .. } => "UpdateOpening",
        Command::AddStorey { .. } => "AddStorey",
        Command::UpdateDwelling(_) => "UpdateDwelling",
        Command::SetCeilingHeight { .. } => "SetCeilingHeight",
        Command::RenameStorey { .. } => "RenameStorey",
        Command::RenamePlan { .. } => "RenamePlan",
        Command::SetCheck(_) => "SetCheck",
        Command::SetUnderlay { .. } => "SetUnderlay",
        Command::Batch(_) => "Batch",
        Command::SaveState { .. } => "SaveState",
        Command::SaveProposal { .. } => "SaveProposal",
        Command::UpdateState { .. } => "UpdateState",
        Command::RemoveState { .. } => "RemoveState",
        Command::OpenState { .. } => "OpenState",
    }
}

/// The number of [`Command`] variants [`a_command`] draws from.
pub const COMMAND_VARIANTS: usize = 29;

/// A point inside a simple polygon (the middle of an interior cut near its first vertex),
/// or its first vertex.
fn inside_point(polygon: &[PointMm]) -> PointMm {
    use madori_plan::geometry::{locate, Location};
    let first = polygon.first().copied().unwrap_or_default();
    for &(dx, dy) in &[(50, 50), (50, -50), (-50, 50), (-50, -50)] {
        let p = PointMm::new(first.x.saturating_add(dx), first.y.saturating_add(dy));
        if locate(polygon, p) == Location::Inside {
            return p;
        }
    }
    first
}

/// One random step. Returns what it did, for the log.
fn step(rng: &mut Rng, ed: &mut Editor, summary: &mut Summary) -> Result<String, String> {
    let busy = ed.in_gesture() || ed.mode != madori_editor::tools::Mode::Idle;
    // A gesture in progress usually carries on: more moves, then release or Esc.
    if busy && rng.chance(80) {
        let (x, y) = (ed.pointer.x, ed.pointer.y);
        return Ok(match rng.below(10) {
            0..=5 => {
                let (x, y) = (rng.pointer(x), rng.pointer(y));
                if rng.chance(20) {
                    ed.drag_shift(x, y);
                } else {
                    ed.drag(x, y);
                }
                format!("drag({x}, {y})")
            }
            6 | 7 => {
                ed.up();
                "up".into()
            }
            8 => {
                ed.press(Key::Escape);
                "Esc".into()
            }
            _ => {
                let (x, y) = (rng.pointer(x), rng.pointer(y));
                ed.down(x, y);
                format!("down({x}, {y})")
            }
        });
    }
    match rng.below(100) {
        0..=39 => {
            let variant = rng.below(COMMAND_VARIANTS);
            let command = a_command(rng, &ed.plan, ed.storey, variant);
            let label = format!("{command:?}");
            summary.by_variant[variant].0 = command_name(&command);
            // A command during a gesture first cancels it, so compare with the plan after that.
            let in_gesture = ed.in_gesture();
            let before = ed.plan.clone();
            let history = ed.history().len();
            match ed.apply(command) {
                Ok(()) => {
                    summary.accepted += 1;
                    summary.by_variant[variant].1 += 1;
                }
                Err(e) => {
                    summary.refused += 1;
                    summary.by_variant[variant].2 += 1;
                    if in_gesture {
                        return Ok(format!("apply during a gesture {label}"));
                    }
                    if ed.plan != before {
                        return Err(format!("a refused command changed the plan ({e})"));
                    }
                    if ed.history().len() != history || ed.message.as_ref() != Some(&e) {
                        return Err(
                            "a refused command changed the history or lost its message".into()
                        );
                    }
                }
            }
            Ok(format!("apply {label}"))
        }
        40..=69 => {
            // Press on something to drag it: a wall's middle, a corner, a room, a fixture, an
            // opening.
            ed.tool(Tool::Select);
            let Some(storey) = ed.current_storey() else {
                return Ok("no storey".into());
            };
            let target = match rng.below(5) {
                0 | 1 => rng.pick(&storey.rooms).map(|r| {
                    let n = r.polygon.len();
                    let e = rng.below(n);
                    let (a, b) = (r.polygon[e], r.polygon[(e + 1) % n]);
                    ((a.x + b.x) as f64 / 2.0, (a.y + b.y) as f64 / 2.0)
                }),
                2 => rng
                    .pick(&storey.rooms)
                    .and_then(|r| rng.pick(&r.polygon))
                    .map(|p| (p.x as f64, p.y as f64)),
                3 => rng.pick(&storey.rooms).map(|r| {
                    let p = inside_point(&r.polygon);
                    (p.x as f64, p.y as f64)
                }),
                _ => rng
                    .pick(&storey.fixtures)
                    .map(|f| (f.at.x as f64, f.at.y as f64)),
            };
            let (x, y) = target.unwrap_or((0.0, 0.0));
            ed.down(x, y);
            Ok(format!("select down({x}, {y})"))
        }
        70..=79 => {
            let tools = [
                Tool::Room,
                Tool::Polygon,
                Tool::Split,
                Tool::Door,
                Tool::Window,
                Tool::Fixture(a_fixture_kind(rng)),
            ];
            let tool = tools[rng.below(tools.len())].clone();
            let p = a_point(rng, &ed.plan, ed.storey);
            let (x, y) = (p.x as f64, p.y as f64);
            ed.tool(tool.clone());
            ed.down(x, y);
            if matches!(tool, Tool::Polygon) && rng.chance(50) {
                ed.press(if rng.chance(50) {
                    Key::Enter
                } else {
                    Key::Backspace
                });
            }
            Ok(format!("{} down({x}, {y})", tool.id()))
        }
        80..=87 => {
            let n = 1 + rng.below(3);
            for _ in 0..n {
                ed.undo();
            }
            Ok(format!("undo ×{n}"))
        }
        88..=93 => {
            let n = 1 + rng.below(3);
            for _ in 0..n {
                ed.redo();
            }
            Ok(format!("redo ×{n}"))
        }
        94 => {
            let key = [
                Key::Escape,
                Key::Delete,
                Key::Backspace,
                Key::Arrow { dx: 1, dy: 0 },
                Key::Arrow { dx: 0, dy: -1 },
            ][rng.below(5)];
            ed.press(key);
            Ok(format!("key {key:?}"))
        }
        95 => {
            ed.cancel();
            Ok("cancel".into())
        }
        96 | 97 => {
            let s = rng.below(ed.plan.storeys.len() + 1);
            ed.set_storey(s);
            Ok(format!("storey {s}"))
        }
        _ => {
            ed.snap.grid = Grid::ALL[rng.below(Grid::ALL.len())];
            ed.tolerance_mm = [1.0, 5.0, 150.0, 600.0][rng.below(4)];
            Ok(format!(
                "grid {:?}, tolerance {}",
                ed.snap.grid, ed.tolerance_mm
            ))
        }
    }
}

/// Rules and capacity for every profile: no panic, finite quantities, words render.
fn check_rules(plan: &Plan) -> Result<(), String> {
    for profile in madori_rules::profile::catalogue() {
        let report = madori_rules::check(plan, &profile);
        for finding in &report.findings {
            for (name, q) in [
                ("measured", &finding.measured),
                ("required", &finding.required),
            ] {
                if let Some(q) = q {
                    if !q.value.is_finite() {
                        return Err(format!(
                            "{} {:?}: {name} is {} under profile {}",
                            finding.rule_id, finding.status, q.value, profile.id
                        ));
                    }
                }
            }
            let words = finding.formula().len()
                + finding.message_ja().len()
                + finding.message_en().len()
                + finding.hint().len();
            std::hint::black_box(words);
        }
        if !report.totals.dwelling_wall_centre_m2.is_finite() {
            return Err(format!("the total area is not finite under {}", profile.id));
        }
        let capacity = madori_rules::capacity(plan, &profile);
        std::hint::black_box(capacity);
    }
    Ok(())
}

/// The message and place of the last panic, kept by the panic hook while a run is going.
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Runs `steps` steps from `seed`.
pub fn run(steps: usize, seed: u64) -> Summary {
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        // Where in Madori's code the panic came from (the first frames under `crates/`).
        let trace = std::backtrace::Backtrace::force_capture().to_string();
        let ours: Vec<&str> = trace
            .lines()
            .filter(|l| l.contains("crates/") && !l.contains("fuzz_editor"))
            .map(str::trim)
            .take(3)
            .collect();
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(format!(
                "panic at {place}: {message} [{}]",
                ours.join(" < ")
            ));
        }
    }));
    let mut summary = Summary {
        bounds: Bounds::probe(),
        ..Summary::default()
    };
    let mut execution = 0;
    while summary.steps < steps {
        let mut rng = Rng::new(
            seed.wrapping_mul(1_000_003).wrapping_add(execution as u64),
            summary.bounds,
        );
        let (name, start) = start_plan(&mut rng, execution);
        let length = STEPS_PER_EXECUTION.min(steps - summary.steps);
        if let Err((step, what, actions)) = execute(&mut rng, start, length, &mut summary) {
            summary.failures.push(Failure {
                execution,
                step,
                plan: name,
                what,
                actions,
            });
        }
        summary.executions += 1;
        execution += 1;
    }
    std::panic::set_hook(previous_hook);
    summary
}

fn panic_text() -> String {
    LAST_PANIC
        .lock()
        .ok()
        .and_then(|mut last| last.take())
        .unwrap_or_else(|| "panic".into())
}

/// One execution: `length` steps on `start`, then undo-all and redo-all.
fn execute(
    rng: &mut Rng,
    start: Plan,
    length: usize,
    summary: &mut Summary,
) -> Result<(), (usize, String, Vec<String>)> {
    let mut ed = Editor::new(start.clone());
    let mut log: Vec<String> = Vec::new();
    for k in 0..length {
        summary.steps += 1;
        let outcome = catch_unwind(AssertUnwindSafe(|| step(rng, &mut ed, summary)));
        let fail = |what: String, log: &[String]| {
            let tail = log[log.len().saturating_sub(12)..].to_vec();
            Err((k, what, tail))
        };
        match outcome {
            Err(_) => return fail(panic_text(), &log),
            Ok(Err(what)) => return fail(what, &log),
            Ok(Ok(action)) => log.push(action),
        }
        let problems = validate(&ed.plan);
        if let Some(first) = problems.first() {
            return fail(format!("the shown plan is invalid: {first}"), &log);
        }
        if (k + 1) % RULES_EVERY == 0 {
            summary.rule_checks += 1;
            match catch_unwind(AssertUnwindSafe(|| check_rules(&ed.plan))) {
                Err(_) => return fail(format!("rules: {}", panic_text()), &log),
                Ok(Err(what)) => return fail(what, &log),
                Ok(Ok(())) => {}
            }
        }
    }
    let round_trip = catch_unwind(AssertUnwindSafe(|| {
        ed.cancel();
        let end = ed.plan.clone();
        let mut undone = 0;
        while ed.undo() {
            undone += 1;
        }
        if ed.plan != start {
            return Err("undo all did not return to the starting plan".to_owned());
        }
        // Redo as many steps as were undone (steps undone earlier and never redone stay).
        for _ in 0..undone {
            ed.redo();
        }
        if ed.plan != end {
            return Err("redo all did not return to the final plan".to_owned());
        }
        Ok(())
    }));
    let what = match round_trip {
        Err(_) => panic_text(),
        Ok(Err(what)) => what,
        Ok(Ok(())) => return Ok(()),
    };
    let tail = log[log.len().saturating_sub(12)..].to_vec();
    Err((length, what, tail))
}

#[cfg_attr(test, allow(dead_code))]
fn main() {
    let mut args = std::env::args().skip(1);
    let steps = args.next().and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    if cfg!(panic = "abort") {
        eprintln!("warning: built with panic = \"abort\": a panic ends the run (see the header)");
    }
    let started = Instant::now();
    let summary = run(steps, seed);
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{} executions, {} steps in {:.1} s ({:.0} steps/s); commands accepted {}, refused {}; \
         rules checkpoints {}; failures {}",
        summary.executions,
        summary.steps,
        seconds,
        summary.steps as f64 / seconds,
        summary.accepted,
        summary.refused,
        summary.rule_checks,
        summary.failures.len()
    );
    for (name, accepted, refused) in &summary.by_variant {
        println!("  {name:<17} accepted {accepted:>7}  refused {refused:>7}");
    }
    println!(
        "counts validation bounds (values beyond them generated and expected refused): {:?}",
        summary.bounds
    );
    for failure in summary.failures.iter().take(20) {
        println!(
            "\nexecution {} step {} on {}: {}",
            failure.execution, failure.step, failure.plan, failure.what
        );
        for action in &failure.actions {
            println!("    {action}");
        }
    }
    if !summary.failures.is_empty() {
        std::process::exit(1);
    }
}
