//! Re-checking after an edit, doing only the work the edit calls for.
//!
//! The editor checks the plan on every frame of a drag. A full check of a 641-room plan
//! costs about a millisecond, most of it areas and per-room findings that the edit did not
//! change. A [`Checker`] keeps what the last check derived and, given what an edit touched
//! ([`Touched::between`]), recomputes:
//!
//! * **areas** of the touched rooms and of the rooms whose walls' exterior/interior status
//!   changed: edges are indexed by the line they lie on, so a moved wall re-examines only the
//!   edges on its old and new lines (the exterior test of [`crate::area`]);
//! * **facts** ([`StoreyFacts`]) of the touched storeys;
//! * **per-room findings** (SH-ROOM, SH-OCC, SH-G-PRIVACY, SP-ROOM, SP-OCC, BS-DAYLIGHT,
//!   BS-VENT, BS-CEILING) of the rooms that were touched or whose facts or areas changed.
//!   Where a value a per-room rule reads for every room changes (whether any window exists,
//!   SH-ROOM's limits and which rooms take the relaxed size, SP-ROOM's limit, which depends
//!   on the whole area), that rule's findings are made again for every room;
//! * **dwelling findings** (few per rule): those that read areas after an area changed, all
//!   of them after any other change (a room's kind, name or occupancy, an opening, a
//!   fixture, a storey's fields);
//! * totals by summing the kept room areas in plan order (exactly the sums a full check
//!   makes), and the 入力不足 list after anything but a pure geometry change.
//!
//! Rooms added to or removed from a storey (anywhere in its list: the editor appends a drawn,
//! added or duplicated room, inserts a split's second part after the first, and deletes) are
//! followed: what is kept per room moves to the rooms' new indices, a removed room's edges
//! leave their lines (its neighbours' walls may turn exterior), a new room is measured like a
//! changed one, and the per-room rules' findings of removed rooms are dropped and those of new
//! rooms made at their place. Rooms put in another order, storeys added or removed, or a
//! change of the building's facts rebuild the checker (the cost of a full check); so does
//! [`Checker::set_profile`]'s change of rules.
//!
//! The report is the one a full [`crate::check`] would give, finding for finding, in the
//! same order and with the same words (`tests/incremental.rs` checks this over random edit
//! sequences). The findings stay in one `Vec` updated in place, so an update does not copy
//! thousands of findings: [`Checker::report`] lends it.

use crate::area::{self, LineKey, PlanAreas};
use crate::checks::{self, building, shared, single_parent, Ctx};
use crate::facts::{Facts, PrivateRoom, StoreyFacts};
use crate::profile::{ParamKey, Profile, RuleId, RuleUse};
use crate::report::{Finding, Report};
use madori_plan::touched::{StoreyTouched, Touched};
use madori_plan::{Plan, Room, Storey};
use std::borrow::Cow;
use std::collections::HashMap;

/// One room edge on its line: the span along the line, and its room and edge.
#[derive(Clone, Copy, Debug)]
struct Span {
    lo: i128,
    hi: i128,
    room: usize,
    edge: usize,
}

/// The edges of one storey's rooms grouped by the line they lie on.
#[derive(Clone, Debug, Default)]
struct Walls {
    lines: HashMap<LineKey, Vec<Span>>,
    /// The lines of each room's edges, so a changed room's old spans can be taken out.
    room_lines: Vec<Vec<LineKey>>,
}

impl Walls {
    fn new(storey: &Storey) -> Self {
        let mut walls = Self {
            lines: HashMap::new(),
            room_lines: vec![Vec::new(); storey.rooms.len()],
        };
        for r in 0..storey.rooms.len() {
            walls.insert(storey, r, &mut Vec::new());
        }
        walls
    }

    /// Adds room `r`'s edges (none for a room that is not floor area, as in
    /// [`area::exterior_edges`]), noting their lines in `lines`.
    fn insert(&mut self, storey: &Storey, r: usize, lines: &mut Vec<LineKey>) {
        let room = &storey.rooms[r];
        if !room.kind.counts_as_floor_area() {
            return;
        }
        let n = room.polygon.len();
        let mut keys = Vec::with_capacity(n);
        for edge in 0..n {
            let (key, lo, hi) = area::edge_span(room.polygon[edge], room.polygon[(edge + 1) % n]);
            self.lines.entry(key).or_default().push(Span {
                lo,
                hi,
                room: r,
                edge,
            });
            keys.push(key);
        }
        madori_plan::order::sort_by_i64_keys(&mut keys, |k| area::line_keys(k, 0));
        keys.dedup();
        lines.extend_from_slice(&keys);
        self.room_lines[r] = keys;
    }

    /// Follows the rooms to their new indices (`map`, see [`room_map`]) in a storey that now
    /// has `len` rooms: takes out the edges of the rooms removed and returns their lines,
    /// whose other edges may have become exterior. The rooms added have no edges yet.
    fn reindex(&mut self, map: &[Option<usize>], len: usize) -> Vec<LineKey> {
        let mut lines = Vec::new();
        let mut room_lines = vec![Vec::new(); len];
        for (old, keys) in std::mem::take(&mut self.room_lines).into_iter().enumerate() {
            match map.get(old).copied().flatten() {
                Some(new) => room_lines[new] = keys,
                None => {
                    for key in keys {
                        if let Some(spans) = self.lines.get_mut(&key) {
                            spans.retain(|s| s.room != old);
                            if spans.is_empty() {
                                self.lines.remove(&key);
                            }
                        }
                        lines.push(key);
                    }
                }
            }
        }
        self.room_lines = room_lines;
        // Appending rooms moves no room: the spans keep their indices.
        let shifted = map
            .iter()
            .enumerate()
            .any(|(old, new)| new.is_some_and(|new| new != old));
        if shifted {
            for span in self.lines.values_mut().flatten() {
                if let Some(new) = map.get(span.room).copied().flatten() {
                    span.room = new;
                }
            }
        }
        lines
    }

    /// Replaces the edges of `rooms` by their edges in `storey` and brings `exterior` up to
    /// date, looking at the lines of their edges and at `lines` (those of removed rooms).
    /// Returns the rooms whose exterior flags changed, with `rooms` themselves.
    fn replace(
        &mut self,
        storey: &Storey,
        rooms: &[usize],
        mut lines: Vec<LineKey>,
        exterior: &mut [Vec<bool>],
    ) -> Vec<usize> {
        for &r in rooms {
            for key in std::mem::take(&mut self.room_lines[r]) {
                if let Some(spans) = self.lines.get_mut(&key) {
                    spans.retain(|s| s.room != r);
                    if spans.is_empty() {
                        self.lines.remove(&key);
                    }
                }
                lines.push(key);
            }
            self.insert(storey, r, &mut lines);
            exterior[r] = vec![true; storey.rooms[r].polygon.len()];
        }
        madori_plan::order::sort_by_i64_keys(&mut lines, |k| area::line_keys(k, 0));
        lines.dedup();
        let mut changed = rooms.to_vec();
        for key in &lines {
            let Some(spans) = self.lines.get(key) else {
                continue;
            };
            for a in spans {
                // The same sum as the full pass: every other room's overlap along the line.
                let shared: i128 = spans
                    .iter()
                    .filter(|b| b.room != a.room)
                    .map(|b| (a.hi.min(b.hi) - a.lo.max(b.lo)).max(0))
                    .sum();
                let ext = area::is_exterior(a.lo, a.hi, shared);
                let flag = &mut exterior[a.room][a.edge];
                if *flag != ext {
                    *flag = ext;
                    changed.push(a.room);
                }
            }
        }
        madori_plan::order::sort_by_i64_key(&mut changed, |&r| r as i64);
        changed.dedup();
        changed
    }
}

/// Where each room of a storey went in an edit: for each room of the last plan, in order,
/// its index in the new plan, or `None` when it was removed.
type RoomMap = Vec<Option<usize>>;

/// The [`RoomMap`] from rooms `old` to rooms `new`, matched by id; `None` when the rooms
/// found in both are not in the same order (the checker then starts again). Rooms added
/// anywhere (an appended room, a split's second part inserted after the first) and rooms
/// removed keep the others in order.
fn room_map(old: &[Room], new: &[Room]) -> Option<RoomMap> {
    let at: HashMap<&str, usize> = new
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut last: Option<usize> = None;
    let mut map = Vec::with_capacity(old.len());
    for room in old {
        let new = at.get(room.id.as_str()).copied();
        if let Some(n) = new {
            if last.is_some_and(|l| n <= l) {
                return None;
            }
            last = Some(n);
        }
        map.push(new);
    }
    Some(map)
}

/// Moves `items` (one per room of the last plan) to the rooms' new indices (`map`), giving
/// each of the `len` new rooms that has no item `fill(index)` and dropping removed rooms'.
fn follow<T>(items: &mut Vec<T>, map: &[Option<usize>], len: usize, fill: impl Fn(usize) -> T) {
    let mut moved: Vec<Option<T>> = (0..len).map(|_| None).collect();
    for (old, item) in std::mem::take(items).into_iter().enumerate() {
        if let Some(slot) = map
            .get(old)
            .copied()
            .flatten()
            .and_then(|new| moved.get_mut(new))
        {
            *slot = Some(item);
        }
    }
    *items = moved
        .into_iter()
        .enumerate()
        .map(|(i, item)| item.unwrap_or_else(|| fill(i)))
        .collect();
}

/// A rule that makes at most one finding per room, from that room's facts and a few values
/// of the whole plan ([`Context`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PerRoom {
    ShRoom,
    ShOcc,
    ShPrivacy,
    SpRoom,
    SpOcc,
    Daylight,
    Vent,
    Ceiling,
}

impl PerRoom {
    fn of(rule: RuleId) -> Option<Self> {
        Some(match rule {
            RuleId::ShRoom => Self::ShRoom,
            RuleId::ShOcc => Self::ShOcc,
            RuleId::ShGuidePrivacy => Self::ShPrivacy,
            RuleId::SpRoom => Self::SpRoom,
            RuleId::SpOcc => Self::SpOcc,
            RuleId::BsDaylight => Self::Daylight,
            RuleId::BsVent => Self::Vent,
            RuleId::BsCeiling => Self::Ceiling,
            _ => return None,
        })
    }
}

/// What a per-room rule reads from the whole plan. When it changes, every room's finding of
/// the rule is made again.
#[derive(Clone, Debug, PartialEq)]
enum Context {
    /// Nothing beyond the room and the profile.
    Room,
    /// Whether the plan has any window (daylight, ventilation, privacy).
    AnyWindow(bool),
    /// SH-ROOM's limits; which rooms take the relaxed size is kept per room.
    ShRoom { min_m2: f64, relaxed_min_m2: f64 },
    /// SP-ROOM's limits (they depend on the whole area and the households).
    SpRoom(single_parent::RoomLimits),
}

/// What a per-room rule reads from the whole plan, as [`context`] finds it.
struct Whole {
    context: Context,
    /// Per room (`[storey][room]`), whether SH-ROOM lets it take the relaxed size (empty for
    /// other rules).
    flags: Vec<Vec<bool>>,
    /// SH-ROOM's limits.
    sh_limits: Option<shared::RoomLimits>,
}

/// What `rule` reads from the whole plan of `ctx`.
fn context(rule: PerRoom, ctx: &Ctx<'_, '_>) -> Whole {
    let just = |context| Whole {
        context,
        flags: Vec::new(),
        sh_limits: None,
    };
    match rule {
        PerRoom::ShOcc | PerRoom::SpOcc | PerRoom::Ceiling => just(Context::Room),
        PerRoom::ShPrivacy | PerRoom::Daylight | PerRoom::Vent => {
            just(Context::AnyWindow(ctx.facts.any_window))
        }
        PerRoom::SpRoom => just(Context::SpRoom(single_parent::RoomLimits::of(ctx))),
        PerRoom::ShRoom => {
            let (indices, limits, relaxed) = shared::room_context(ctx);
            let mut flags: Vec<Vec<bool>> = ctx
                .facts
                .plan
                .storeys
                .iter()
                .map(|s| vec![false; s.rooms.len()])
                .collect();
            for k in indices {
                let p = &ctx.facts.private_rooms[k];
                flags[p.storey][p.room_index] = relaxed[k];
            }
            Whole {
                context: Context::ShRoom {
                    min_m2: limits.min_m2,
                    relaxed_min_m2: limits.relaxed_min_m2,
                },
                flags,
                sh_limits: Some(limits),
            }
        }
    }
}

/// Everything a per-room finding is made from.
struct Inputs<'c, 'a, 'p> {
    ctx: &'c Ctx<'a, 'p>,
    storeys: &'c [StoreyFacts],
    whole: &'c Whole,
}

impl Inputs<'_, '_, '_> {
    /// The finding of `rule` on room `i` of storey `s`, if the rule makes one there.
    fn finding(&self, rule: PerRoom, rule_id: RuleId, s: usize, i: usize) -> Option<Finding> {
        let facts = self.ctx.facts;
        let room: &Room = &facts.plan.storeys[s].rooms[i];
        let room_facts = &self.storeys[s].rooms[i];
        let private = || {
            room_facts
                .private
                .as_ref()
                .map(|p| PrivateRoom::new(room, s, i, p))
        };
        let wall_centre_m2 = facts.areas.storeys[s].rooms[i].wall_centre_m2;
        let draft = match rule {
            PerRoom::ShRoom => {
                let p = private()?;
                let limits = self.whole.sh_limits.as_ref()?;
                let relaxed = self.whole.flags[s][i];
                shared::covers(self.ctx, &p).then(|| shared::room_finding(&p, limits, relaxed))?
            }
            PerRoom::ShOcc => shared::occupancy_finding(self.ctx, &private()?),
            PerRoom::ShPrivacy => shared::privacy_finding(facts, &private()?),
            PerRoom::SpRoom => {
                let Context::SpRoom(limits) = &self.whole.context else {
                    return None;
                };
                single_parent::room_finding(&private()?, limits)?
            }
            PerRoom::SpOcc => single_parent::occupancy_finding(&private()?)?,
            PerRoom::Daylight => room.kind.is_habitable().then(|| {
                building::daylight_finding(self.ctx, room, wall_centre_m2, room_facts.windows)
            })?,
            PerRoom::Vent => room.kind.is_habitable().then(|| {
                building::ventilation_finding(self.ctx, room, wall_centre_m2, room_facts.windows)
            })?,
            PerRoom::Ceiling => room
                .kind
                .is_habitable()
                .then(|| building::ceiling_finding(self.ctx, s, room))?,
        };
        Some(checks::finding(rule_id, draft))
    }
}

/// The findings of one rule of the profile: a contiguous run of the report's findings.
#[derive(Clone, Debug)]
struct Segment {
    rule: RuleUse,
    len: usize,
    per_room: Option<PerRoomState>,
}

/// What a per-room rule's segment was made from.
#[derive(Clone, Debug)]
struct PerRoomState {
    rule: PerRoom,
    context: Context,
    flags: Vec<Vec<bool>>,
    /// Whether each room has a finding, `[storey][room]`.
    present: Vec<Vec<bool>>,
}

/// Rules whose findings depend on neither areas nor room geometry: after an edit that only
/// moved walls, they are kept.
fn reads_no_area(rule: RuleId) -> bool {
    matches!(
        rule,
        RuleId::ShCommon
            | RuleId::ShSanitary
            | RuleId::ShGuideKitchen
            | RuleId::ShGuideSeparate
            | RuleId::ShGuideLaundry
            | RuleId::ShGuideElderlyToilets
            | RuleId::ShGuideElderlyFloors
            | RuleId::SpBath
            | RuleId::SpSanitary
            | RuleId::SpKitchen
            | RuleId::SnEquip
            | RuleId::SnSeismic
    )
}

/// Whether two rooms differ in anything but their outline and wall thicknesses (which only
/// change areas and the doors a wall carries, both followed room by room).
fn differs_beyond_geometry(a: &Room, b: &Room) -> bool {
    let Room {
        id,
        name,
        kind,
        polygon: _,
        wall_thickness_mm: _,
        belongs_to,
        occupancy,
        lockable,
        mechanical_ventilation,
        ceiling_height_mm,
    } = a;
    *id != b.id
        || *name != b.name
        || *kind != b.kind
        || *belongs_to != b.belongs_to
        || *occupancy != b.occupancy
        || *lockable != b.lockable
        || *mechanical_ventilation != b.mechanical_ventilation
        || *ceiling_height_mm != b.ceiling_height_mm
}

/// A room without its outline: what [`differs_beyond_geometry`] compares.
fn without_geometry(room: &Room) -> Room {
    Room {
        id: room.id.clone(),
        name: room.name.clone(),
        kind: room.kind,
        polygon: Vec::new(),
        wall_thickness_mm: Vec::new(),
        belongs_to: room.belongs_to.clone(),
        occupancy: room.occupancy.clone(),
        lockable: room.lockable,
        mechanical_ventilation: room.mechanical_ventilation,
        ceiling_height_mm: room.ceiling_height_mm,
    }
}

/// A check kept between edits (see the module documentation).
///
/// ```
/// use madori_plan::{templates, touched::Touched};
/// use madori_rules::{check, profile, Checker};
/// let plan = templates::irregular(60, 2, 7);
/// let sh = profile::profile("sh-single").unwrap();
/// let mut checker = Checker::new(&plan, &sh);
/// let mut next = plan.clone();
/// next.storeys[0].rooms[3].name = "renamed".into();
/// let report = checker.update(&next, &Touched::between(&plan, &next));
/// assert_eq!(*report, check(&next, &sh));
/// ```
#[derive(Clone, Debug)]
pub struct Checker {
    profile: Profile,
    /// Wall-centre areas of the last plan.
    areas: PlanAreas,
    /// The areas on the profile's basis when it is interior (`area.basis_interior`).
    interior: Option<PlanAreas>,
    walls: Vec<Walls>,
    facts: Vec<StoreyFacts>,
    /// The last plan's rooms without their outlines, `[storey][room]`.
    rooms: Vec<Vec<Room>>,
    /// How many openings and fixtures each storey of the last plan had: [`Touched`] lists
    /// new and changed elements, and only flags a removal ([`Touched::ids`]).
    counts: Vec<(usize, usize)>,
    segments: Vec<Segment>,
    report: Report,
}

impl Checker {
    /// Checks `plan` (validated) against `profile` and keeps what the check derived.
    pub fn new(plan: &Plan, profile: &Profile) -> Self {
        let areas = PlanAreas::compute(plan);
        let walls = plan.storeys.iter().map(Walls::new).collect();
        Self::with_areas(plan, profile, areas, walls)
    }

    fn with_areas(plan: &Plan, profile: &Profile, areas: PlanAreas, walls: Vec<Walls>) -> Self {
        crate::numbers::with_rounding(profile.rounding(), || {
            let interior = (profile.value(ParamKey::AreaBasisInterior) >= 0.5).then(|| {
                let mut basis = areas.interior_as_basis(plan);
                for storey in &mut basis.storeys {
                    // Nothing reads the basis's exterior flags; the wall-centre ones are kept.
                    storey.exterior = Vec::new();
                }
                basis
            });
            let basis = interior.as_ref().unwrap_or(&areas);
            let facts: Vec<StoreyFacts> = (0..plan.storeys.len())
                .map(|s| StoreyFacts::derive(plan, s, &basis.storeys[s].rooms))
                .collect();
            let all_facts = Facts::assemble(plan, &areas, Cow::Borrowed(basis), &facts);
            let mut ctx = Ctx {
                facts: &all_facts,
                profile,
                out: Vec::new(),
            };
            let mut findings = Vec::new();
            let mut segments = Vec::new();
            for rule_use in profile.rules.clone() {
                let start = findings.len();
                let per_room = match PerRoom::of(rule_use.rule) {
                    None => {
                        checks::run_rule(&mut ctx, rule_use.rule);
                        findings.append(&mut ctx.out);
                        None
                    }
                    Some(rule) => {
                        let whole = context(rule, &ctx);
                        let inputs = Inputs {
                            ctx: &ctx,
                            storeys: &facts,
                            whole: &whole,
                        };
                        let mut present = Vec::with_capacity(plan.storeys.len());
                        for (s, storey) in plan.storeys.iter().enumerate() {
                            present.push(
                                (0..storey.rooms.len())
                                    .map(|i| {
                                        let f = inputs.finding(rule, rule_use.rule, s, i);
                                        let some = f.is_some();
                                        findings.extend(f);
                                        some
                                    })
                                    .collect(),
                            );
                        }
                        Some(PerRoomState {
                            rule,
                            context: whole.context,
                            flags: whole.flags,
                            present,
                        })
                    }
                };
                checks::advise(rule_use, &mut findings[start..]);
                segments.push(Segment {
                    rule: rule_use,
                    len: findings.len() - start,
                    per_room,
                });
            }
            let report = Report {
                profile: crate::profile_used(profile),
                totals: crate::totals(&areas, all_facts.residents),
                missing: crate::missing::missing_inputs(&all_facts, profile),
                findings,
            };
            drop(all_facts);
            Self {
                profile: profile.clone(),
                counts: plan
                    .storeys
                    .iter()
                    .map(|s| (s.openings.len(), s.fixtures.len()))
                    .collect(),
                rooms: plan
                    .storeys
                    .iter()
                    .map(|s| s.rooms.iter().map(without_geometry).collect())
                    .collect(),
                areas,
                interior,
                walls,
                facts,
                segments,
                report,
            }
        })
    }

    /// The report of the last plan checked.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The wall-centre areas of the last plan checked (what [`crate::capacity_with_areas`]
    /// and the canvas's labels need).
    pub fn areas(&self) -> &PlanAreas {
        &self.areas
    }

    /// The profile in force.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// The capacity of `plan` (the plan last checked) under the profile in force, from the
    /// facts kept: one pass over the private rooms, not a new derivation of the plan.
    pub fn capacity(&self, plan: &Plan) -> crate::Capacity {
        crate::numbers::with_rounding(self.profile.rounding(), || {
            let basis = self.interior.as_ref().unwrap_or(&self.areas);
            let facts = Facts::assemble(plan, &self.areas, Cow::Borrowed(basis), &self.facts);
            let ctx = crate::checks::Ctx {
                facts: &facts,
                profile: &self.profile,
                out: Vec::new(),
            };
            crate::capacity::capacity(&ctx)
        })
    }

    /// Checks `plan` against another profile. The areas are kept (they do not depend on the
    /// profile); facts and findings are made again. `plan` is the plan last checked.
    pub fn set_profile(&mut self, plan: &Plan, profile: &Profile) -> &Report {
        let empty = PlanAreas {
            storeys: Vec::new(),
            dwelling_wall_centre_m2: 0.0,
            dwelling_interior_m2: None,
        };
        let areas = std::mem::replace(&mut self.areas, empty);
        let walls = std::mem::take(&mut self.walls);
        *self = Self::with_areas(plan, profile, areas, walls);
        &self.report
    }

    /// Brings the check up to date with `plan`, which differs from the plan last checked as
    /// `touched` says ([`Touched::between`] the two). Returns the new report.
    pub fn update(&mut self, plan: &Plan, touched: &Touched) -> &Report {
        if touched.is_empty() {
            return &self.report;
        }
        let Some(moves) = self.room_moves(plan, touched) else {
            *self = Self::new(plan, &self.profile);
            return &self.report;
        };
        let rounding = self.profile.rounding();
        crate::numbers::with_rounding(rounding, || self.apply(plan, touched, &moves));
        &self.report
    }

    /// Where the rooms of the last plan are in `plan`: per storey, `None` when its rooms are
    /// the same rooms in the same places, else the [`room_map`] of the storey. `None` when the
    /// checker must start again: storeys were added or removed, the building's facts changed
    /// (which change every interior area), or rooms kept by an edit changed their order.
    fn room_moves(&self, plan: &Plan, touched: &Touched) -> Option<Vec<Option<RoomMap>>> {
        if touched.whole || touched.dwelling || plan.storeys.len() != self.rooms.len() {
            return None;
        }
        let mut moves = vec![None; plan.storeys.len()];
        // Rooms only put in another order are no change to [`Touched`]'s storeys, only to
        // its ids: then every storey is looked at.
        let storeys: Vec<usize> = if touched.ids {
            (0..plan.storeys.len()).collect()
        } else {
            touched.storeys.iter().map(|st| st.index).collect()
        };
        for s in storeys {
            let (new, old) = (&plan.storeys.get(s)?.rooms, &self.rooms[s]);
            let same = new.len() == old.len()
                && (!touched.ids || new.iter().zip(old).all(|(a, b)| a.id == b.id));
            if !same {
                moves[s] = Some(room_map(old, new)?);
            }
        }
        Some(moves)
    }

    /// Moves what is kept per room of storey `s` to the rooms' indices in `storey` (`map`).
    /// Returns the rooms added (by increasing index; what is kept for them is a placeholder
    /// until they are measured) and the lines of the removed rooms' edges.
    fn reindex_storey(
        &mut self,
        storey: &Storey,
        s: usize,
        map: &[Option<usize>],
    ) -> (Vec<usize>, Vec<LineKey>) {
        let len = storey.rooms.len();
        let mut kept = vec![false; len];
        for &new in map.iter().flatten() {
            kept[new] = true;
        }
        let added = (0..len).filter(|&i| !kept[i]).collect();
        follow(&mut self.rooms[s], map, len, |i| {
            without_geometry(&storey.rooms[i])
        });
        let unmeasured = |_| area::RoomArea {
            wall_centre_m2: 0.0,
            interior_m2: None,
        };
        let areas = &mut self.areas.storeys[s];
        follow(&mut areas.rooms, map, len, unmeasured);
        follow(&mut areas.exterior, map, len, |_| Vec::new());
        if let Some(interior) = &mut self.interior {
            follow(&mut interior.storeys[s].rooms, map, len, unmeasured);
        }
        follow(&mut self.facts[s].rooms, map, len, |_| Default::default());
        let lines = self.walls[s].reindex(map, len);
        (added, lines)
    }

    /// Moves the per-room rules' findings and what they were made from to the rooms' new
    /// indices (`moves`, from [`Self::room_moves`]), dropping the findings of removed rooms.
    /// Rooms added have no finding until they are checked.
    fn reindex_findings(&mut self, plan: &Plan, moves: &[Option<RoomMap>]) {
        // Indices in the report's findings of those to drop, increasing.
        let mut dropped = Vec::new();
        let mut start = 0;
        for segment in &mut self.segments {
            let next = start + segment.len;
            if let Some(state) = &mut segment.per_room {
                let before = dropped.len();
                let mut index = start;
                for (s, present) in state.present.iter_mut().enumerate() {
                    let Some(map) = moves.get(s).and_then(Option::as_ref) else {
                        index += present.iter().filter(|p| **p).count();
                        continue;
                    };
                    for (old, &p) in present.iter().enumerate() {
                        if p && map.get(old).copied().flatten().is_none() {
                            dropped.push(index);
                        }
                        index += usize::from(p);
                    }
                    let len = plan.storeys[s].rooms.len();
                    follow(present, map, len, |_| false);
                    if let Some(flags) = state.flags.get_mut(s) {
                        follow(flags, map, len, |_| false);
                    }
                }
                segment.len -= dropped.len() - before;
            }
            start = next;
        }
        if dropped.len() <= FEW_CHANGES {
            // From the last, so that the places noted before it stay right.
            for at in dropped.into_iter().rev() {
                self.report.findings.remove(at);
            }
        } else {
            let mut dropped = dropped.into_iter().peekable();
            let mut index = 0;
            self.report.findings.retain(|_| {
                let keep = dropped.next_if_eq(&index).is_none();
                index += 1;
                keep
            });
        }
    }

    fn apply(&mut self, plan: &Plan, touched: &Touched, moves: &[Option<RoomMap>]) {
        let construction = plan.dwelling.construction;
        // Anything but moved walls: every dwelling rule and the 入力不足 list are made again.
        let mut structural = touched.ids;
        let mut area_changed = false;
        // Per storey, the rooms added and the lines of the rooms removed.
        let mut added: Vec<Vec<usize>> = vec![Vec::new(); plan.storeys.len()];
        let mut removed_lines: Vec<Vec<LineKey>> = vec![Vec::new(); plan.storeys.len()];
        for (s, map) in moves.iter().enumerate() {
            if let Some(map) = map {
                // A room more or less changes the sums even where no other area changes.
                structural = true;
                area_changed = true;
                (added[s], removed_lines[s]) = self.reindex_storey(&plan.storeys[s], s, map);
            }
        }
        if moves.iter().any(Option::is_some) {
            self.reindex_findings(plan, moves);
        }
        let mut doors_changed = false;
        // Rooms whose findings are made again, `[storey][room]`.
        let mut dirty: Vec<Vec<bool>> = plan
            .storeys
            .iter()
            .map(|s| vec![false; s.rooms.len()])
            .collect();
        // The storeys to look at: those listed, and those that lost an opening or a fixture
        // or whose rooms moved (see `room_moves`).
        let mut storeys: Vec<StoreyTouched> = touched.storeys.clone();
        if touched.ids {
            for (s, storey) in plan.storeys.iter().enumerate() {
                let counts = (storey.openings.len(), storey.fixtures.len());
                let changed = counts != self.counts[s] || moves[s].is_some();
                if changed && !storeys.iter().any(|st| st.index == s) {
                    storeys.push(StoreyTouched {
                        index: s,
                        ..StoreyTouched::default()
                    });
                }
                self.counts[s] = counts;
            }
        }
        for st in &storeys {
            let StoreyTouched {
                index: s,
                fields,
                ref rooms,
                ref openings,
                ref fixtures,
                ..
            } = *st;
            let storey = &plan.storeys[s];
            structural |= fields || !openings.is_empty() || !fixtures.is_empty();
            if fields {
                dirty[s].fill(true);
                self.areas.storeys[s].id.clone_from(&storey.id);
                self.areas.storeys[s].name.clone_from(&storey.name);
                if let Some(interior) = &mut self.interior {
                    interior.storeys[s].id.clone_from(&storey.id);
                    interior.storeys[s].name.clone_from(&storey.name);
                }
            }
            // The rooms added are new, whether or not `touched` lists them.
            let rooms: Cow<[usize]> = if added[s].is_empty() {
                Cow::Borrowed(rooms)
            } else {
                let mut all = [rooms.as_slice(), &added[s]].concat();
                madori_plan::order::sort_by_i64_key(&mut all, |&r| r as i64);
                all.dedup();
                Cow::Owned(all)
            };
            for &r in rooms.iter() {
                dirty[s][r] = true;
                if differs_beyond_geometry(&storey.rooms[r], &self.rooms[s][r]) {
                    structural = true;
                    self.rooms[s][r] = without_geometry(&storey.rooms[r]);
                }
            }
            if !rooms.is_empty() || moves[s].is_some() {
                let areas = &mut self.areas.storeys[s];
                let lines = std::mem::take(&mut removed_lines[s]);
                for r in self.walls[s].replace(storey, &rooms, lines, &mut areas.exterior) {
                    let new = area::room_area(&storey.rooms[r], &areas.exterior[r], construction);
                    if added[s].binary_search(&r).is_ok() || new != areas.rooms[r] {
                        area_changed = true;
                        dirty[s][r] = true;
                        areas.rooms[r] = new;
                        if let Some(interior) = &mut self.interior {
                            interior.storeys[s].rooms[r] = area::interior_basis_room(&new);
                        }
                    }
                }
                // A room's kind decides whether its area counts: the sums can change with no
                // area changing (a balcony sharing no wall made a private room).
                let sums = area::storey_sums(storey, &areas.rooms);
                area_changed |= sums != (areas.wall_centre_m2, areas.interior_m2);
                (areas.wall_centre_m2, areas.interior_m2) = sums;
                if let Some(interior) = &mut self.interior {
                    let basis = &mut interior.storeys[s];
                    let floor = area::storey_sums(storey, &basis.rooms).0;
                    area_changed |= floor != basis.wall_centre_m2;
                    basis.wall_centre_m2 = floor;
                    basis.interior_m2 = areas.interior_m2;
                }
            }
            let basis = self.interior.as_ref().unwrap_or(&self.areas);
            let facts = StoreyFacts::derive(plan, s, &basis.storeys[s].rooms);
            for (i, (new, old)) in facts.rooms.iter().zip(&self.facts[s].rooms).enumerate() {
                if new != old {
                    dirty[s][i] = true;
                    let doors =
                        |f: &crate::facts::RoomFacts| f.private.map(|p| (p.has_door, p.lockable));
                    doors_changed |= doors(new) != doors(old);
                }
            }
            structural |= facts.common != self.facts[s].common
                || facts.common_providers != self.facts[s].common_providers
                || facts.common_laundry_room != self.facts[s].common_laundry_room
                || facts.any_window != self.facts[s].any_window;
            self.facts[s] = facts;
        }
        if area_changed {
            (
                self.areas.dwelling_wall_centre_m2,
                self.areas.dwelling_interior_m2,
            ) = area::dwelling_sums(&self.areas.storeys);
            if let Some(interior) = &mut self.interior {
                interior.dwelling_wall_centre_m2 = area::dwelling_sums(&interior.storeys).0;
                interior.dwelling_interior_m2 = self.areas.dwelling_interior_m2;
            }
        }
        let basis = self.interior.as_ref().unwrap_or(&self.areas);
        let facts = Facts::assemble(plan, &self.areas, Cow::Borrowed(basis), &self.facts);
        let mut ctx = Ctx {
            facts: &facts,
            profile: &self.profile,
            out: Vec::new(),
        };
        let findings = &mut self.report.findings;
        let mut start = 0;
        for segment in &mut self.segments {
            let rule_use = segment.rule;
            match &mut segment.per_room {
                None if structural || (area_changed && !reads_no_area(rule_use.rule)) => {
                    checks::run_rule(&mut ctx, rule_use.rule);
                    let mut fresh = std::mem::take(&mut ctx.out);
                    checks::advise(rule_use, &mut fresh);
                    let len = fresh.len();
                    findings.splice(start..start + segment.len, fresh);
                    segment.len = len;
                }
                None => {}
                Some(state) => {
                    let at = Place {
                        findings,
                        start,
                        len: segment.len,
                    };
                    segment.len = update_per_room(state, rule_use, &ctx, &self.facts, &dirty, at);
                }
            }
            start += segment.len;
        }
        if structural || area_changed {
            self.report.totals = crate::totals(&self.areas, facts.residents);
        }
        if structural || doors_changed {
            self.report.missing = crate::missing::missing_inputs(&facts, &self.profile);
        }
    }
}

/// Where a segment's findings are: `findings[start..start + len]`.
struct Place<'f> {
    findings: &'f mut Vec<Finding>,
    start: usize,
    len: usize,
}

/// Up to how many rooms gaining or losing a per-room finding are handled by inserting and
/// removing findings one by one (each moves the findings after it in one block) rather than
/// by making the rule's findings again (which moves each of them).
const FEW_CHANGES: usize = 4;

/// Brings one per-room rule's findings up to date: the rooms marked in `dirty`, or every room
/// when the rule's [`Context`] changed or SH-ROOM's relaxed size moved to another room.
/// Findings that keep their place are written in place; a few rooms gaining or losing a
/// finding insert or remove it ([`FEW_CHANGES`]); more rebuild the segment, moving (not
/// copying) the findings kept. Returns the segment's new length.
fn update_per_room(
    state: &mut PerRoomState,
    rule_use: RuleUse,
    ctx: &Ctx<'_, '_>,
    storeys: &[StoreyFacts],
    dirty: &[Vec<bool>],
    at: Place<'_>,
) -> usize {
    let whole = context(state.rule, ctx);
    let everything = whole.context != state.context;
    let inputs = Inputs {
        ctx,
        storeys,
        whole: &whole,
    };
    let flag = |flags: &[Vec<bool>], s: usize, i: usize| {
        flags
            .get(s)
            .and_then(|f| f.get(i))
            .copied()
            .unwrap_or(false)
    };
    // The rooms to redo, in plan order, with their new findings.
    let mut redo: Vec<(usize, usize, Option<Finding>)> = Vec::new();
    for (s, rooms) in dirty.iter().enumerate() {
        for (i, &is_dirty) in rooms.iter().enumerate() {
            if everything || is_dirty || flag(&state.flags, s, i) != flag(&whole.flags, s, i) {
                let mut f = inputs.finding(state.rule, rule_use.rule, s, i);
                checks::advise(rule_use, f.as_mut_slice());
                redo.push((s, i, f));
            }
        }
    }
    state.context = whole.context;
    state.flags = whole.flags;
    let Place {
        findings,
        start,
        len,
    } = at;
    // Findings of rooms that keep one are overwritten in place. A room that gains or loses
    // one is noted with the place of its finding in `findings` as they are now.
    let mut changes: Vec<(usize, Option<Finding>)> = Vec::new();
    let mut next = 0;
    let mut index = start;
    'storeys: for (s, rooms) in state.present.iter_mut().enumerate() {
        for (i, present) in rooms.iter_mut().enumerate() {
            let Some((rs, ri, f)) = redo.get_mut(next) else {
                break 'storeys;
            };
            let was = *present;
            if (*rs, *ri) == (s, i) {
                next += 1;
                match (was, f.take()) {
                    (true, Some(f)) => findings[index] = f,
                    (false, None) => {}
                    (_, f) => {
                        *present = f.is_some();
                        changes.push((index, f));
                    }
                }
            }
            index += usize::from(was);
        }
    }
    let gained = changes.iter().filter(|(_, f)| f.is_some()).count();
    let new_len = len + gained - (changes.len() - gained);
    if changes.len() <= FEW_CHANGES {
        // Each insertion or removal moves the findings after it in one block: from the
        // last, so that the places noted before it stay right.
        for (at, f) in changes.into_iter().rev() {
            match f {
                Some(f) => findings.insert(at, f),
                None => {
                    findings.remove(at);
                }
            }
        }
        return new_len;
    }
    // Many changes: the segment is made again in one pass, moving (not copying) its findings.
    let mut fresh = Vec::with_capacity(new_len);
    let mut old = findings.drain(start..start + len);
    let mut at = start;
    for (place, f) in changes {
        while at < place {
            fresh.extend(old.next());
            at += 1;
        }
        match f {
            Some(f) => fresh.push(f),
            None => {
                old.next();
                at += 1;
            }
        }
    }
    fresh.extend(old);
    findings.splice(start..start, fresh);
    new_len
}

#[cfg(test)]
mod tests {
    use super::*;
    use madori_plan::templates;

    fn ids(plan: &Plan, s: usize) -> Vec<String> {
        plan.storeys[s].rooms.iter().map(|r| r.id.clone()).collect()
    }

    #[test]
    fn room_map_follows_insertions_and_removals_and_refuses_a_new_order() {
        let plan = templates::irregular(20, 1, 3);
        let old = &plan.storeys[0].rooms;
        let mut new = old.clone();
        let mut extra = old[0].clone();
        extra.id = "extra".into();
        new.insert(2, extra);
        new.remove(5); // old room 4
        let map = room_map(old, &new).unwrap();
        assert_eq!(map.len(), old.len());
        assert_eq!(
            &map[..6],
            &[Some(0), Some(1), Some(3), Some(4), None, Some(5)]
        );
        assert_eq!(map[old.len() - 1], Some(new.len() - 1));
        // The same rooms: every room stays where it was.
        let same = room_map(old, old).unwrap();
        assert!(same.iter().enumerate().all(|(i, m)| *m == Some(i)));
        // Two rooms swapped.
        let mut swapped = old.clone();
        swapped.swap(1, 7);
        assert_eq!(room_map(old, &swapped), None);
    }

    #[test]
    fn follow_moves_items_and_fills_the_new_rooms() {
        let mut items = vec!['a', 'b', 'c', 'd'];
        follow(&mut items, &[Some(0), None, Some(2), Some(4)], 5, |_| '+');
        assert_eq!(items, ['a', '+', 'c', '+', 'd']);
    }

    /// Appending, inserting and removing rooms are followed; storeys added or removed, the
    /// building's facts and rooms put in another order start the checker again.
    #[test]
    fn only_a_new_room_order_or_storey_list_or_building_starts_again() {
        let sh = crate::profile::profile("sh-single").unwrap();
        let plan = templates::irregular(60, 2, 4);
        let checker = Checker::new(&plan, &sh);
        let moves = |next: &Plan| checker.room_moves(next, &Touched::between(&plan, next));

        let mut appended = plan.clone();
        let mut room = appended.storeys[1].rooms[0].clone();
        room.id = "appended".into();
        appended.storeys[1].rooms.push(room.clone());
        let m = moves(&appended).expect("followed");
        assert!(m[0].is_none());
        let map = m[1].as_ref().unwrap();
        assert!(map.iter().enumerate().all(|(i, m)| *m == Some(i)));
        assert_eq!(ids(&appended, 1).last().unwrap(), "appended");

        let mut inserted = plan.clone();
        inserted.storeys[0].rooms.insert(3, room);
        assert_eq!(moves(&inserted).unwrap()[0].as_ref().unwrap()[3], Some(4));

        let mut removed = plan.clone();
        removed.storeys[1].rooms.remove(0);
        assert_eq!(moves(&removed).unwrap()[1].as_ref().unwrap()[0], None);

        let mut swapped = plan.clone();
        swapped.storeys[1].rooms.swap(2, 3);
        assert!(moves(&swapped).is_none());

        let mut building = plan.clone();
        building.dwelling.construction = madori_plan::Construction::Wooden;
        assert!(moves(&building).is_none());

        let mut fewer = plan.clone();
        fewer.storeys.pop();
        assert!(moves(&fewer).is_none());
    }
}
