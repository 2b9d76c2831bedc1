//! Where verdicts flip while a wall moves: the "ghost" lines drawn beside a wall being
//! dragged, each saying what happens there (「ここで 個室A が 9 ㎡ に達します」,
//! 「ここで定員が 4 人になります」).
//!
//! [`wall_limits`] moves one wall perpendicular to itself by offsets `d` within a range and
//! finds, in each direction, every offset at which some finding's status changes (a finding
//! is its rule and elements) or the capacity changes: the smallest `|d|` with a state other
//! than the one at `d ∓ 1 mm`. The wall is moved by a closure the caller gives (the app
//! passes the editor's `MoveEdge` with validation; this crate does not depend on the editor),
//! which returns `None` where the wall cannot go.
//!
//! Statuses are monotone in `d` for the area rules over most ranges, but not in general
//! (a wall sliding along a neighbour turns its edges exterior, which changes 内法 areas;
//! rooms swap which one takes SH-ROOM's relaxed size), so the search does not assume it:
//! it scans outward from 0 at a step ([`Search::step_mm`], the snap step) in both directions
//! at once, and bisects each change found between two samples to the exact millimetre,
//! per finding. A finding that flips and flips back within one step is not seen; everything
//! else in the range is found, nearest first. Each plan is checked with the incremental
//! [`Checker`], updated from the plan checked before it (`Touched::between`), so one
//! evaluation costs about what one frame of a drag costs. Work is bounded:
//! [`Search::max_evaluations`] plans at most, words included, and [`WallLimits`] says how
//! many were used and how far the search got.

use crate::numbers;
use crate::profile::Profile;
use crate::report::{Quantity, Status};
use crate::Checker;
use madori_plan::touched::Touched;
use madori_plan::{Plan, PointMm};
use std::collections::HashMap;
use std::rc::Rc;

/// How far and how finely to search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Search {
    /// Offsets searched, mm: `range_mm.0 ≤ d ≤ range_mm.1` (a positive bound below 0 or a
    /// negative one above it searches nothing on that side).
    pub range_mm: (i64, i64),
    /// Scan step, mm (at least 1): a finding that flips and flips back within one step may
    /// go unseen.
    pub step_mm: i64,
    /// The most plans moved and checked, the words' checks included.
    pub max_evaluations: usize,
    /// Look for capacity changes only (findings' flips are neither bisected nor reported):
    /// what the capacity suggestions need, at a fraction of the evaluations on a large plan.
    pub capacity_only: bool,
}

impl Search {
    /// The snap step the editor uses, mm.
    pub const DEFAULT_STEP_MM: i64 = 5;
    /// Evaluations allowed by default: a ±910 mm range at 5 mm with room for bisections.
    pub const DEFAULT_MAX_EVALUATIONS: usize = 600;

    /// A search of `range_mm` at the snap step within the default budget.
    pub const fn new(range_mm: (i64, i64)) -> Self {
        Self {
            range_mm,
            step_mm: Self::DEFAULT_STEP_MM,
            max_evaluations: Self::DEFAULT_MAX_EVALUATIONS,
            capacity_only: false,
        }
    }
}

/// What flips at a ghost.
#[derive(Clone, Debug, PartialEq)]
pub enum Flip {
    /// A finding's status changes (`None`: the finding is not in that report).
    Finding {
        /// The rule's id, e.g. `SH-ROOM`.
        rule_id: &'static str,
        /// The finding's elements.
        element_ids: Vec<String>,
        /// Status 1 mm nearer to the wall's place.
        before: Option<Status>,
        /// Status at the ghost.
        after: Option<Status>,
    },
    /// The capacity changes.
    Capacity {
        /// Capacity 1 mm nearer to the wall's place.
        before: Option<u32>,
        /// Capacity at the ghost.
        after: Option<u32>,
        /// What it counts (`人` or `世帯`).
        unit: &'static str,
    },
}

/// One place where something flips.
#[derive(Clone, Debug, PartialEq)]
pub struct Ghost {
    /// The offset, mm: the state at `d_mm` differs from the state at `d_mm − sign(d_mm)`.
    pub d_mm: i64,
    /// The wall at that offset, to draw: the edge moved along its normal by `d_mm` rounded as
    /// the editor's `MoveEdge` rounds it. `None` when the room or edge is not found.
    pub wall_mm: Option<(PointMm, PointMm)>,
    /// What flips.
    pub flip: Flip,
    /// Japanese words, e.g. `ここで 個室A が 9 ㎡ に達します（SH-ROOM）`.
    pub ja: String,
    /// English words, e.g. `here 個室A reaches 9 ㎡ (SH-ROOM)`.
    pub en: String,
}

/// The result of [`wall_limits`].
#[derive(Clone, Debug, PartialEq)]
pub struct WallLimits {
    /// Every flip found, by increasing `d_mm` (several may share an offset).
    pub ghosts: Vec<Ghost>,
    /// Plans moved and checked.
    pub evaluations: usize,
    /// The offsets searched through, `(most negative, most positive)`: the range, cut where
    /// the wall cannot go further or where the budget ran out.
    pub reach_mm: (i64, i64),
    /// Whether the whole range was searched (the budget did not run out).
    pub complete: bool,
}

/// Where verdicts flip while the wall `edge` of room `room_id` on storey `storey` moves by
/// offsets within `search.range_mm` (see the module docs); `plan` is checked with `profile`.
///
/// `move_wall(d, copy)` receives a copy equal to `plan` and moves the wall by `d` mm in
/// place, returning whether the result is valid (the app: `Command::MoveEdge` applied in
/// place, then `validate_touched`, as a drag step). Working in place on two buffers that are
/// brought back to `plan` element by element keeps a 641-room plan from being copied for
/// every offset tried.
pub fn wall_limits(
    plan: &Plan,
    profile: &Profile,
    storey: usize,
    room_id: &str,
    edge: usize,
    search: Search,
    move_wall: impl FnMut(i64, &mut Plan) -> bool,
) -> WallLimits {
    let mut run = Run::new(plan, profile, search.max_evaluations, move_wall);
    run.capacity_only = search.capacity_only;
    let step = search.step_mm.max(1);
    let limits = [
        search.range_mm.0.min(0).saturating_neg(),
        search.range_mm.1.max(0),
    ];
    let base = run.base.clone();
    let mut sides = [
        Side::new(-1, limits[0], &base),
        Side::new(1, limits[1], &base),
    ];
    while !run.exhausted && sides.iter().any(|s| !s.done) {
        for side in sides.iter_mut().filter(|s| !s.done) {
            side.advance(&mut run, step);
        }
    }
    let reach_mm = (-sides[0].pos, sides[1].pos);
    let found = std::mem::take(&mut run.found);
    let ghosts = run.words(found, plan, storey, room_id, edge);
    WallLimits {
        ghosts,
        evaluations: run.evaluations,
        reach_mm,
        complete: !run.exhausted,
    }
}

/// Evaluations a bisection over `length` mm takes at most: ⌈log2(length)⌉.
fn bisection_depth(length: i64) -> usize {
    let length = length.max(1).unsigned_abs();
    (u64::BITS - (length - 1).leading_zeros()) as usize
}

/// The verdicts of one moved plan: each finding's status by key (see [`Run::keys`]), and
/// the capacity.
#[derive(Clone, Debug, PartialEq)]
struct State {
    statuses: Vec<Option<Status>>,
    capacity: Option<u32>,
}

impl State {
    fn status(&self, key: usize) -> Option<Status> {
        self.statuses.get(key).copied().flatten()
    }
}

/// One direction of the scan.
struct Side {
    sign: i64,
    /// How far the scan got (|d|).
    pos: i64,
    limit: i64,
    last: Rc<State>,
    done: bool,
}

impl Side {
    fn new(sign: i64, limit: i64, base: &Rc<State>) -> Self {
        Self {
            sign,
            pos: 0,
            limit,
            last: base.clone(),
            done: limit == 0,
        }
    }

    /// Scans one step further, bisecting every change between the last sample and the new
    /// one; where the wall cannot go, scans up to the last place it can. A step the budget
    /// cannot finish is not taken (what it found is dropped) and the run is exhausted.
    fn advance<F: FnMut(i64, &mut Plan) -> bool>(&mut self, run: &mut Run<'_, F>, step: i64) {
        let depth = bisection_depth(step);
        // The sample, the bisection of where the wall stops and the sample there.
        if !run.room_for(2 + depth) {
            run.exhausted = true;
            return;
        }
        let mut next = self.pos.saturating_add(step).min(self.limit);
        let mut state = run.eval(self.sign * next);
        if state.is_none() {
            // The furthest place the wall can go in this step, assuming one stretch.
            let (mut lo, mut hi) = (self.pos, next);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if run.eval(self.sign * mid).is_some() {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            self.done = true;
            if lo == self.pos {
                return;
            }
            next = lo;
            state = run.eval(self.sign * next);
        }
        let Some(state) = state else {
            self.done = true;
            return;
        };
        let kept = run.found.len();
        let keys: Vec<usize> = if run.capacity_only {
            vec![CAPACITY]
        } else {
            (0..run.keys.len()).chain([CAPACITY]).collect()
        };
        for key in keys {
            let (was, now) = (run.get(&self.last, key), run.get(&state, key));
            if was == now {
                continue;
            }
            // A bisection, and the words of a new offset.
            if !run.room_for(depth + 2) {
                run.found.truncate(kept);
                run.exhausted = true;
                return;
            }
            // The first offset after `pos` where this key differs from its state at `pos`.
            let (mut lo, mut hi) = (self.pos, next);
            let mut settled = true;
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                match run.eval(self.sign * mid) {
                    Some(s) if run.get(&s, key) == was => lo = mid,
                    Some(_) => hi = mid,
                    None => {
                        settled = false;
                        break;
                    }
                }
            }
            if settled {
                run.found.push((self.sign * hi, key));
            }
        }
        run.cache.clear();
        self.pos = next;
        self.last = state;
        if next >= self.limit {
            self.done = true;
        }
    }
}

/// A finding's measured and required quantities.
type Quantities = (Option<Quantity>, Option<Quantity>);

/// A state with its findings' quantities by key.
type Snapshot = (State, HashMap<usize, Quantities>);

/// The key of the capacity among the findings' keys.
const CAPACITY: usize = usize::MAX;

/// A key's value in a state: a finding's status or the capacity, comparable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Value {
    Status(Option<Status>),
    Capacity(Option<u32>),
}

/// The moving plan, its checker and what was learned.
struct Run<'p, F> {
    move_wall: F,
    /// Only the capacity's changes are looked for ([`Search::capacity_only`]).
    capacity_only: bool,
    profile: &'p Profile,
    checker: Checker,
    /// The plan as given, which `move_wall` starts from.
    origin: &'p Plan,
    /// The plan with the wall at offset 0 (what `move_wall(0)` makes of it, such as vertices
    /// inserted into neighbours' walls, changes no verdict).
    zero: Plan,
    /// The plan the checker last checked.
    shown: Plan,
    /// The buffer the next offset is made in.
    scratch: Plan,
    /// Findings by their rule id and elements, in the order first seen.
    keys: Vec<(&'static str, Vec<String>)>,
    index: HashMap<(&'static str, Vec<String>), usize>,
    /// States of the offsets evaluated during the current step (`None`: the wall cannot go).
    cache: HashMap<i64, Option<Rc<State>>>,
    base: Rc<State>,
    evaluations: usize,
    budget: usize,
    /// The flips found: offset and key.
    found: Vec<(i64, usize)>,
    /// The budget ran out before the range was searched.
    exhausted: bool,
}

impl<'p, F: FnMut(i64, &mut Plan) -> bool> Run<'p, F> {
    fn new(plan: &'p Plan, profile: &'p Profile, budget: usize, mut move_wall: F) -> Self {
        let mut zero = plan.clone();
        if !move_wall(0, &mut zero) {
            zero.clone_from(plan);
        }
        let checker = Checker::new(&zero, profile);
        let keys: Vec<(&'static str, Vec<String>)> = checker
            .report()
            .findings
            .iter()
            .map(|f| (f.rule_id, f.element_ids.clone()))
            .collect();
        let index = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (k.clone(), i))
            .collect();
        let mut run = Self {
            move_wall,
            capacity_only: false,
            profile,
            checker,
            origin: plan,
            shown: zero.clone(),
            scratch: plan.clone(),
            zero,
            keys,
            index,
            cache: HashMap::new(),
            base: Rc::new(State {
                statuses: Vec::new(),
                capacity: None,
            }),
            evaluations: 1,
            budget,
            found: Vec::new(),
            exhausted: false,
        };
        run.base = Rc::new(run.state());
        run
    }

    /// Whether `n` more evaluations fit in the budget beside the two that the words of each
    /// offset found so far take.
    fn room_for(&self, n: usize) -> bool {
        let mut offsets: Vec<i64> = self.found.iter().map(|f| f.0).collect();
        offsets.sort_unstable();
        offsets.dedup();
        self.evaluations + n + 2 * offsets.len() <= self.budget
    }

    /// The state of the plan the checker holds. Findings are matched to keys by position
    /// first (a moved wall leaves the report's order alone), by rule and elements otherwise.
    fn state(&mut self) -> State {
        let mut statuses = vec![None; self.keys.len()];
        for (i, f) in self.checker.report().findings.iter().enumerate() {
            let key = match self.keys.get(i) {
                Some(k) if k.0 == f.rule_id && k.1 == f.element_ids => i,
                _ => {
                    let key = (f.rule_id, f.element_ids.clone());
                    match self.index.get(&key) {
                        Some(&k) => k,
                        None => {
                            self.keys.push(key.clone());
                            self.index.insert(key, self.keys.len() - 1);
                            statuses.push(None);
                            self.keys.len() - 1
                        }
                    }
                }
            };
            statuses[key] = Some(f.status);
        }
        State {
            statuses,
            capacity: self.checker.capacity(&self.shown).max,
        }
    }

    /// Moves the wall by `d`, checks the result and returns its state (cached within a step).
    fn eval(&mut self, d: i64) -> Option<Rc<State>> {
        if d == 0 {
            return Some(self.base.clone());
        }
        if let Some(state) = self.cache.get(&d) {
            return state.clone();
        }
        let state = self.check_at(d).map(|()| Rc::new(self.state()));
        self.cache.insert(d, state.clone());
        state
    }

    /// Brings the checker to the plan moved by `d`; `None` where the wall cannot go.
    fn check_at(&mut self, d: i64) -> Option<()> {
        self.evaluations += 1;
        if d == 0 {
            self.scratch.clone_from(&self.zero);
        } else {
            restore(&mut self.scratch, self.origin);
            if !(self.move_wall)(d, &mut self.scratch) {
                return None;
            }
        }
        let touched = Touched::between(&self.shown, &self.scratch);
        self.checker.update(&self.scratch, &touched);
        std::mem::swap(&mut self.shown, &mut self.scratch);
        Some(())
    }

    /// Key `key`'s value in `state` ([`CAPACITY`] or a finding's).
    fn get(&self, state: &State, key: usize) -> Value {
        if key == CAPACITY {
            Value::Capacity(state.capacity)
        } else {
            Value::Status(state.status(key))
        }
    }

    /// The state of the plan moved by `d` and the measured and required quantities of each
    /// finding there, by key (`None` where the wall cannot go).
    fn snapshot(&mut self, d: i64) -> Option<Snapshot> {
        self.check_at(d)?;
        let quantities = self
            .checker
            .report()
            .findings
            .iter()
            .filter_map(|f| {
                let i = *self.index.get(&(f.rule_id, f.element_ids.clone()))?;
                Some((i, (f.measured, f.required)))
            })
            .collect();
        Some((self.state(), quantities))
    }

    /// The ghosts of the flips `found` (offset, key), with their words.
    fn words(
        &mut self,
        mut found: Vec<(i64, usize)>,
        plan: &Plan,
        storey: usize,
        room_id: &str,
        edge: usize,
    ) -> Vec<Ghost> {
        found.sort_unstable();
        found.dedup();
        let rounding = self.profile.rounding();
        let names = Names::new(plan, storey);
        let unit = self.checker.capacity(&self.shown).unit;
        let mut ghosts = Vec::with_capacity(found.len());
        let mut i = 0;
        while i < found.len() {
            let d = found[i].0;
            let at: Vec<usize> = found[i..]
                .iter()
                .take_while(|f| f.0 == d)
                .map(|f| f.1)
                .collect();
            i += at.len();
            let before = self.snapshot(d - d.signum());
            let after = self.snapshot(d);
            for key in at {
                let (ja, en, flip) = numbers::with_rounding(rounding, || {
                    self.flip_words(key, before.as_ref(), after.as_ref(), &names, unit)
                });
                ghosts.push(Ghost {
                    d_mm: d,
                    wall_mm: wall_at(plan, storey, room_id, edge, d),
                    flip,
                    ja,
                    en,
                });
            }
        }
        ghosts
    }

    /// The flip of `key` between the snapshots 1 mm apart, with its words.
    fn flip_words(
        &self,
        key: usize,
        s0: Option<&Snapshot>,
        s1: Option<&Snapshot>,
        names: &Names<'_>,
        unit: &'static str,
    ) -> (String, String, Flip) {
        if key == CAPACITY {
            let (before, after) = (s0.and_then(|s| s.0.capacity), s1.and_then(|s| s.0.capacity));
            let n = after.map_or_else(|| "—".to_owned(), |n| n.to_string());
            let en_unit = if unit == "世帯" {
                "households"
            } else {
                "persons"
            };
            return (
                format!("ここで定員が {n} {unit}になります"),
                format!("here the capacity becomes {n} {en_unit}"),
                Flip::Capacity {
                    before,
                    after,
                    unit,
                },
            );
        }
        let (rule_id, element_ids) = &self.keys[key];
        let before = s0.and_then(|s| s.0.status(key));
        let after = s1.and_then(|s| s.0.status(key));
        let name = names.of(element_ids);
        let flip = Flip::Finding {
            rule_id,
            element_ids: element_ids.clone(),
            before,
            after,
        };
        let quantities = |s: Option<&Snapshot>| s.and_then(|s| s.1.get(&key).copied());
        let measured = |s: Option<&Snapshot>| quantities(s).and_then(|q| q.0).map(|m| m.value);
        let required = quantities(s1).and_then(|q| q.1);
        let (m0, m1) = (measured(s0), measured(s1));
        let passes = after == Some(Status::Pass) && before != Some(Status::Pass);
        let lapses = before == Some(Status::Pass) && after != Some(Status::Pass);
        if let (Some(req), Some(m0), Some(m1)) = (required, m0, m1) {
            let amount = if req.unit == "㎡" {
                numbers::required(req.value)
            } else {
                crate::report::num(req.value, 2)
            };
            let unit = req.unit;
            if passes && m1 > m0 {
                return (
                    format!("ここで {name} が {amount} {unit} に達します（{rule_id}）"),
                    format!("here {name} reaches {amount} {unit} ({rule_id})"),
                    flip,
                );
            }
            if lapses && m1 < m0 {
                return (
                    format!("ここで {name} が {amount} {unit} を下回ります（{rule_id}）"),
                    format!("here {name} falls below {amount} {unit} ({rule_id})"),
                    flip,
                );
            }
        }
        let (b, a) = (status_words(before), status_words(after));
        (
            format!(
                "ここで {rule_id}（{name}）が {} から {} になります",
                b.0, a.0
            ),
            format!("here {rule_id} ({name}) turns from {} to {}", b.1, a.1),
            flip,
        )
    }
}

/// Makes `plan` equal to `origin` again, copying only the elements that differ (a moved
/// wall changes a few rooms of one storey).
fn restore(plan: &mut Plan, origin: &Plan) {
    let touched = Touched::between(origin, plan);
    if plan.name != origin.name || plan.format_version != origin.format_version {
        plan.clone_from(origin);
        return;
    }
    if touched.whole || touched.dwelling || touched.ids {
        plan.clone_from(origin);
        return;
    }
    for change in &touched.storeys {
        let (Some(into), Some(from)) = (
            plan.storeys.get_mut(change.index),
            origin.storeys.get(change.index),
        ) else {
            plan.clone_from(origin);
            return;
        };
        if change.all || change.fields {
            into.clone_from(from);
            continue;
        }
        for &r in &change.rooms {
            into.rooms[r].clone_from(&from.rooms[r]);
        }
        for &o in &change.openings {
            into.openings[o].clone_from(&from.openings[o]);
        }
        for &f in &change.fixtures {
            into.fixtures[f].clone_from(&from.fixtures[f]);
        }
    }
}

/// The words of a status (`None`: the finding is not made there).
fn status_words(status: Option<Status>) -> (&'static str, &'static str) {
    match status {
        Some(Status::Pass) => ("適合", "pass"),
        Some(Status::Fail) => ("不適合", "fail"),
        Some(Status::Warning) => ("注意", "warning"),
        Some(Status::Info) => ("参考", "info"),
        Some(Status::Unavailable) => ("判定不能", "unavailable"),
        None => ("なし", "none"),
    }
}

/// Names of elements for the words: rooms and storeys by their names.
struct Names<'a> {
    by_id: HashMap<&'a str, &'a str>,
}

impl<'a> Names<'a> {
    fn new(plan: &'a Plan, storey: usize) -> Self {
        let mut by_id = HashMap::new();
        for s in &plan.storeys {
            by_id.insert(s.id.as_str(), s.name.as_str());
        }
        // The wall's storey last, so its rooms' names win (ids are unique in a valid plan).
        let storeys = plan
            .storeys
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != storey)
            .chain(plan.storeys.get(storey).map(|s| (storey, s)));
        for (_, s) in storeys {
            for r in &s.rooms {
                by_id.insert(r.id.as_str(), r.name.as_str());
            }
        }
        Self { by_id }
    }

    fn of(&self, ids: &[String]) -> String {
        if ids.is_empty() {
            return "住戸".to_owned();
        }
        ids.iter()
            .map(|id| self.by_id.get(id.as_str()).copied().unwrap_or(id.as_str()))
            .collect::<Vec<_>>()
            .join("・")
    }
}

/// The wall `edge` of the room moved by `d` along its normal, rounded as the editor rounds
/// it (the normal points to the edge's right on screen).
fn wall_at(
    plan: &Plan,
    storey: usize,
    room_id: &str,
    edge: usize,
    d: i64,
) -> Option<(PointMm, PointMm)> {
    let room = plan
        .storeys
        .get(storey)?
        .rooms
        .iter()
        .find(|r| r.id == room_id)?;
    let n = room.polygon.len();
    let a = *room.polygon.get(edge)?;
    let b = room.polygon[(edge + 1) % n];
    let (dx, dy) = ((b.x - a.x) as f64, (b.y - a.y) as f64);
    let len = dx.hypot(dy);
    if len <= 0.0 {
        return None;
    }
    let (nx, ny) = (-dy / len, dx / len);
    let shift = PointMm::new(
        (nx * d as f64).round() as i64,
        (ny * d as f64).round() as i64,
    );
    Some((
        PointMm::new(a.x + shift.x, a.y + shift.y),
        PointMm::new(b.x + shift.x, b.y + shift.y),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bisection_depth_is_the_ceiling_of_log2() {
        let depths: Vec<usize> = [1, 2, 3, 4, 5, 8, 9, 1024, 1025]
            .into_iter()
            .map(bisection_depth)
            .collect();
        assert_eq!(depths, [0, 1, 2, 2, 3, 3, 4, 10, 11]);
        assert_eq!(bisection_depth(0), 0);
        assert_eq!(bisection_depth(i64::MAX), 63);
    }
}
