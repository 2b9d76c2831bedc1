//! Validation: every problem of a plan at once, each with a path and a clear message.
//!
//! A plan that passes [`validate`] is safe for every other crate: rooms are simple polygons
//! with positive area inside ±[`MAX_COORDINATE_MM`], rooms of one storey do not overlap,
//! ids are unique and every reference resolves. Nothing here panics on user data.

use crate::geometry::{self, Location, PointMm, MAX_COORDINATE_MM};
use crate::model::{FixtureKind, OpeningKind, Plan, RoomKind};
use crate::spatial::StoreyIndex;
pub use crate::touched::{StoreyTouched, Touched};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// One thing wrong with a plan file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Where in the file, e.g. `storeys[0].rooms[2].polygon[1]`; empty for the whole file.
    pub path: String,
    /// What is wrong, in Japanese.
    pub message_ja: String,
    /// What is wrong, in English.
    pub message_en: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, ja: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message_ja: ja.into(),
            message_en: en.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            write!(f, "{} / {}", self.message_en, self.message_ja)
        } else {
            write!(
                f,
                "{}: {} / {}",
                self.path, self.message_en, self.message_ja
            )
        }
    }
}

/// Largest wall thickness accepted, mm: thicker is a typing mistake.
pub const MAX_WALL_THICKNESS_MM: u32 = 1_000;
/// Largest ceiling height accepted, mm.
pub const MAX_CEILING_HEIGHT_MM: u32 = 20_000;

/// Checks a plan and returns every problem found (empty when the plan is valid).
pub fn validate(plan: &Plan) -> Vec<Problem> {
    validate_scoped(plan, None)
}

/// Checks only what an edit changed: the touched rooms' shapes and fields, their overlaps
/// with the rooms near them (from a spatial index of the storey), the openings and fixtures
/// that are touched or stand in touched rooms, the storey and building fields that changed,
/// and ids when ids changed (see [`Touched::between`]).
///
/// **Contract:** if the plan before the edit was valid ([`validate`] found nothing), this
/// finds a problem exactly when [`validate`] of the edited plan does (it reports the problems
/// that involve the changed parts, which are all of them). The editor relies on this for
/// every command and every drag step; `crates/editor/tests` checks it on random edits.
pub fn validate_touched(plan: &Plan, touched: &Touched) -> Vec<Problem> {
    if touched.whole {
        return validate(plan);
    }
    validate_scoped(plan, Some(touched))
}

/// The elements of one storey in scope of a validation pass.
struct Focus<'a> {
    all: bool,
    fields: bool,
    rooms: Vec<bool>,
    room_ids: HashSet<&'a str>,
    openings: Vec<bool>,
    fixtures: Vec<bool>,
}

impl<'a> Focus<'a> {
    /// What to check on storey `s`: everything without a scope, nothing if the scope does
    /// not name the storey.
    fn of(scope: Option<&Touched>, s: usize, storey: &'a crate::model::Storey) -> Option<Self> {
        let Some(touched) = scope else {
            return Some(Self::everything());
        };
        let change = touched.storeys.iter().find(|c| c.index == s)?;
        if change.all {
            return Some(Self::everything());
        }
        let mask = |len: usize, picked: &[usize]| {
            let mut mask = vec![false; len];
            for &i in picked {
                if let Some(m) = mask.get_mut(i) {
                    *m = true;
                }
            }
            mask
        };
        Some(Self {
            all: false,
            fields: change.fields,
            rooms: mask(storey.rooms.len(), &change.rooms),
            room_ids: change
                .rooms
                .iter()
                .filter_map(|&r| storey.rooms.get(r).map(|room| room.id.as_str()))
                .collect(),
            openings: mask(storey.openings.len(), &change.openings),
            fixtures: mask(storey.fixtures.len(), &change.fixtures),
        })
    }

    fn everything() -> Self {
        Self {
            all: true,
            fields: true,
            rooms: Vec::new(),
            room_ids: HashSet::new(),
            openings: Vec::new(),
            fixtures: Vec::new(),
        }
    }

    fn room(&self, r: usize) -> bool {
        self.all || self.rooms[r]
    }

    /// An opening or fixture is checked when it changed or its room did.
    fn placed(&self, mask: &[bool], i: usize, room: &str) -> bool {
        self.all || mask[i] || self.room_ids.contains(room)
    }
}

fn validate_scoped(plan: &Plan, scope: Option<&Touched>) -> Vec<Problem> {
    let mut problems = Vec::new();
    if scope.is_none() && plan.storeys.is_empty() {
        problems.push(Problem::new(
            "storeys",
            "階が一つもありません",
            "the plan has no storey",
        ));
    }
    if scope.is_none_or(|t| t.dwelling) {
        check_dwelling(plan, &mut problems);
    }
    if scope.is_none_or(|t| t.ids) {
        check_ids(plan, &mut problems);
    }
    for (s, storey) in plan.storeys.iter().enumerate() {
        let Some(focus) = Focus::of(scope, s, storey) else {
            continue;
        };
        let room_index: HashMap<&str, usize> = storey
            .rooms
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        // Rooms out of scope were valid before the edit and did not change.
        let mut shape_ok = vec![true; storey.rooms.len()];
        for (r, room) in storey.rooms.iter().enumerate() {
            if !focus.room(r) {
                continue;
            }
            let path = format!("storeys[{s}].rooms[{r}]");
            shape_ok[r] = check_room_shape(&path, &room.polygon, &mut problems);
            if !room.wall_thickness_mm.is_empty()
                && room.wall_thickness_mm.len() != room.polygon.len()
            {
                problems.push(Problem::new(
                    format!("{path}.wall_thickness_mm"),
                    format!(
                        "壁厚は辺の数 ({}) だけ必要ですが {} 個あります",
                        room.polygon.len(),
                        room.wall_thickness_mm.len()
                    ),
                    format!(
                        "needs one thickness per edge ({}), found {}",
                        room.polygon.len(),
                        room.wall_thickness_mm.len()
                    ),
                ));
            }
            for (e, t) in room.wall_thickness_mm.iter().enumerate() {
                if let Some(t) = *t {
                    if t == 0 || t > MAX_WALL_THICKNESS_MM {
                        problems.push(Problem::new(
                            format!("{path}.wall_thickness_mm[{e}]"),
                            format!("壁厚 {t} mm は 1〜{MAX_WALL_THICKNESS_MM} mm の範囲外です"),
                            format!(
                                "wall thickness {t} mm is outside 1..{MAX_WALL_THICKNESS_MM} mm"
                            ),
                        ));
                    }
                }
            }
            if let Some(owner) = &room.belongs_to {
                match room_index.get(owner.as_str()) {
                    None => problems.push(Problem::new(
                        format!("{path}.belongs_to"),
                        format!("同じ階に部屋 \"{owner}\" がありません"),
                        format!("no room \"{owner}\" on the same storey"),
                    )),
                    Some(&i) if i == r => problems.push(Problem::new(
                        format!("{path}.belongs_to"),
                        "部屋が自分自身に属しています",
                        "a room cannot belong to itself",
                    )),
                    Some(_) => {}
                }
            }
            if room.occupancy.is_some() && room.kind != RoomKind::Private {
                problems.push(Problem::new(
                    format!("{path}.occupancy"),
                    "入居者は専用居室にだけ設定できます",
                    "occupancy can only be set on a private room",
                ));
            }
            if let Some(h) = room.ceiling_height_mm {
                check_ceiling(&format!("{path}.ceiling_height_mm"), h, &mut problems);
            }
        }
        if let (Some(h), true) = (storey.ceiling_height_mm, focus.fields) {
            check_ceiling(&format!("storeys[{s}].ceiling_height_mm"), h, &mut problems);
        }
        let only = (!focus.all).then_some(focus.rooms.as_slice());
        check_overlaps(s, storey, &shape_ok, only, &mut problems);
        for (o, opening) in storey.openings.iter().enumerate() {
            if !focus.placed(&focus.openings, o, &opening.room) {
                continue;
            }
            let path = format!("storeys[{s}].openings[{o}]");
            let Some(&r) = room_index.get(opening.room.as_str()) else {
                problems.push(unknown_room(&path, &opening.room));
                continue;
            };
            let polygon = &storey.rooms[r].polygon;
            if opening.edge >= polygon.len() {
                problems.push(Problem::new(
                    format!("{path}.edge"),
                    format!(
                        "辺 {} はありません (部屋の辺は {} 本)",
                        opening.edge,
                        polygon.len()
                    ),
                    format!(
                        "edge {} does not exist (the room has {} edges)",
                        opening.edge,
                        polygon.len()
                    ),
                ));
            } else if shape_ok[r] {
                let a = polygon[opening.edge];
                let b = polygon[(opening.edge + 1) % polygon.len()];
                let edge_mm = geometry::distance_mm(a, b);
                let end = f64::from(opening.offset_mm) + f64::from(opening.width_mm);
                if opening.width_mm == 0 || end > edge_mm + 0.5 {
                    problems.push(Problem::new(
                        format!("{path}.width_mm"),
                        format!(
                            "開口 (位置 {} + 幅 {} mm) が辺の長さ {:.0} mm に収まりません",
                            opening.offset_mm, opening.width_mm, edge_mm
                        ),
                        format!(
                            "the opening (offset {} + width {} mm) does not fit on the {:.0} mm edge",
                            opening.offset_mm, opening.width_mm, edge_mm
                        ),
                    ));
                }
            }
            if let OpeningKind::Window {
                height_mm: Some(0), ..
            } = opening.kind
            {
                problems.push(Problem::new(
                    format!("{path}.kind.height_mm"),
                    "窓の高さが 0 です",
                    "the window height is 0",
                ));
            }
        }
        for (f, fixture) in storey.fixtures.iter().enumerate() {
            if !focus.placed(&focus.fixtures, f, &fixture.room) {
                continue;
            }
            let path = format!("storeys[{s}].fixtures[{f}]");
            let Some(&r) = room_index.get(fixture.room.as_str()) else {
                problems.push(unknown_room(&path, &fixture.room));
                continue;
            };
            let room = &storey.rooms[r];
            if shape_ok[r] && geometry::locate(&room.polygon, fixture.at) == Location::Outside {
                problems.push(Problem::new(
                    format!("{path}.at"),
                    format!(
                        "設備が部屋「{}」の外 ({}, {}) にあります",
                        room.name, fixture.at.x, fixture.at.y
                    ),
                    format!(
                        "the fixture at ({}, {}) lies outside its room \"{}\"",
                        fixture.at.x, fixture.at.y, room.name
                    ),
                ));
            }
            if let FixtureKind::WashBasin { bowls: 0 } = fixture.kind {
                problems.push(Problem::new(
                    format!("{path}.kind.bowls"),
                    "洗面台のボウル数が 0 です",
                    "a wash basin needs at least one bowl",
                ));
            }
        }
    }
    problems
}

fn unknown_room(path: &str, id: &str) -> Problem {
    Problem::new(
        format!("{path}.room"),
        format!("同じ階に部屋 \"{id}\" がありません"),
        format!("no room \"{id}\" on the same storey"),
    )
}

fn check_ceiling(path: &str, height_mm: u32, problems: &mut Vec<Problem>) {
    if height_mm == 0 || height_mm > MAX_CEILING_HEIGHT_MM {
        problems.push(Problem::new(
            path,
            format!("天井高 {height_mm} mm は 1〜{MAX_CEILING_HEIGHT_MM} mm の範囲外です"),
            format!("ceiling height {height_mm} mm is outside 1..{MAX_CEILING_HEIGHT_MM} mm"),
        ));
    }
}

fn check_dwelling(plan: &Plan, problems: &mut Vec<Problem>) {
    if let Some(year) = plan.dwelling.year_built {
        if !(1800..=2100).contains(&year) {
            problems.push(Problem::new(
                "dwelling.year_built",
                format!("建築年 {year} は 1800〜2100 の範囲外です"),
                format!("year built {year} is outside 1800..2100"),
            ));
        }
    }
    if let Some(date) = &plan.dwelling.construction_started {
        if parse_date(date).is_none() {
            problems.push(Problem::new(
                "dwelling.construction_started",
                format!("日付 \"{date}\" は YYYY-MM-DD 形式ではありません"),
                format!("date \"{date}\" is not a YYYY-MM-DD date"),
            ));
        }
    }
}

/// Parses a `YYYY-MM-DD` date into `(year, month, day)`, checking month and day ranges.
pub fn parse_date(text: &str) -> Option<(i32, u32, u32)> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

fn check_ids(plan: &Plan, problems: &mut Vec<Problem>) {
    let mut ids: Vec<(&str, String)> = Vec::new();
    for (s, storey) in plan.storeys.iter().enumerate() {
        ids.push((&storey.id, format!("storeys[{s}]")));
        for (i, room) in storey.rooms.iter().enumerate() {
            ids.push((&room.id, format!("storeys[{s}].rooms[{i}]")));
        }
        for (i, opening) in storey.openings.iter().enumerate() {
            ids.push((&opening.id, format!("storeys[{s}].openings[{i}]")));
        }
        for (i, fixture) in storey.fixtures.iter().enumerate() {
            ids.push((&fixture.id, format!("storeys[{s}].fixtures[{i}]")));
        }
    }
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for (id, path) in &ids {
        if id.trim().is_empty() {
            problems.push(Problem::new(
                format!("{path}.id"),
                "id が空です",
                "the id is empty",
            ));
        } else if let Some(first) = seen.get(id) {
            problems.push(Problem::new(
                format!("{path}.id"),
                format!("id \"{id}\" が {first} と重複しています"),
                format!("id \"{id}\" is already used by {first}"),
            ));
        } else {
            seen.insert(id, path);
        }
    }
}

/// Checks one room outline; returns whether it is a usable simple polygon.
fn check_room_shape(path: &str, polygon: &[PointMm], problems: &mut Vec<Problem>) -> bool {
    let before = problems.len();
    if polygon.len() < 3 {
        problems.push(Problem::new(
            format!("{path}.polygon"),
            format!("部屋の頂点は 3 つ以上必要です ({} 個)", polygon.len()),
            format!("a room needs at least 3 vertices, found {}", polygon.len()),
        ));
        return false;
    }
    for (i, p) in polygon.iter().enumerate() {
        if p.x.abs() > MAX_COORDINATE_MM || p.y.abs() > MAX_COORDINATE_MM {
            problems.push(Problem::new(
                format!("{path}.polygon[{i}]"),
                format!(
                    "座標 ({}, {}) が範囲 ±{MAX_COORDINATE_MM} mm を超えています",
                    p.x, p.y
                ),
                format!(
                    "coordinate ({}, {}) is beyond ±{MAX_COORDINATE_MM} mm",
                    p.x, p.y
                ),
            ));
        }
    }
    if problems.len() > before {
        return false;
    }
    for i in 0..polygon.len() {
        if polygon[i] == polygon[(i + 1) % polygon.len()] {
            problems.push(Problem::new(
                format!("{path}.polygon[{}]", (i + 1) % polygon.len()),
                "同じ頂点が続いています",
                "repeats the previous vertex",
            ));
        }
    }
    if problems.len() > before {
        return false;
    }
    if geometry::signed_area_twice_mm2(polygon) == 0 {
        problems.push(Problem::new(
            format!("{path}.polygon"),
            "部屋の面積が 0 です",
            "the room has zero area",
        ));
        return false;
    }
    if let Some(defect) = geometry::first_self_intersection(polygon) {
        problems.push(self_intersection_problem(path, defect));
        return false;
    }
    true
}

/// Says exactly how an outline meets itself: edges crossing, touching at a vertex, or lying
/// over each other, with the point.
fn self_intersection_problem(path: &str, defect: geometry::SelfIntersection) -> Problem {
    let (a, b) = (defect.first, defect.second);
    let (ja, en) = match defect.contact {
        geometry::Contact::Cross { x, y } => {
            let at = format!("({}, {})", mm(x), mm(y));
            (
                format!("辺 {a} と辺 {b} が {at} で交差しています (自己交差)"),
                format!("edges {a} and {b} cross at {at} (the outline intersects itself)"),
            )
        }
        geometry::Contact::Touch { at } => (
            format!(
                "辺 {a} と辺 {b} が頂点 ({}, {}) で接しています (輪郭が自分自身に触れています)",
                at.x, at.y
            ),
            format!(
                "edges {a} and {b} touch at ({}, {}) (the outline touches itself)",
                at.x, at.y
            ),
        ),
        geometry::Contact::Overlap { from, to } => (
            format!(
                "辺 {a} と辺 {b} が ({}, {})〜({}, {}) で重なっています",
                from.x, from.y, to.x, to.y
            ),
            format!(
                "edges {a} and {b} overlap from ({}, {}) to ({}, {})",
                from.x, from.y, to.x, to.y
            ),
        ),
    };
    Problem::new(format!("{path}.polygon"), ja, en)
}

/// A coordinate for a message: whole millimetres as integers, otherwise one decimal.
fn mm(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// Reports every pair of rooms of storey `s` whose interiors meet. With `only`, just the
/// pairs involving those rooms (by index; the others are taken as already checked).
///
/// Candidates come from a [`StoreyIndex`] of the rooms' bounding boxes; each candidate pair
/// is then decided exactly with [`geometry::interiors_overlap`] (integer predicates, so rooms
/// sharing walls, corners or T-junctions never count and any shared area always does).
fn check_overlaps(
    s: usize,
    storey: &crate::model::Storey,
    shape_ok: &[bool],
    only: Option<&[bool]>,
    problems: &mut Vec<Problem>,
) {
    let ok = |i: usize| shape_ok.get(i).copied().unwrap_or(false);
    let index = StoreyIndex::new(&storey.rooms, ok);
    let focus = |i: usize| only.is_none_or(|o| o.get(i).copied().unwrap_or(false));
    for (i, room) in storey.rooms.iter().enumerate() {
        if !ok(i) || !focus(i) {
            continue;
        }
        let Some((lo, hi)) = crate::spatial::room_box(&room.polygon) else {
            continue;
        };
        let mut others: Vec<usize> = index
            .overlapping(lo, hi)
            // Each pair once: from its lower index, or from the one room in focus.
            .filter(|&j| j != i && (j > i || !focus(j)))
            .collect();
        others.sort_unstable();
        for j in others {
            let other = &storey.rooms[j];
            if geometry::interiors_overlap(&room.polygon, &other.polygon) {
                let (first, second) = if i < j { (room, other) } else { (other, room) };
                problems.push(Problem::new(
                    format!("storeys[{s}].rooms[{}].polygon", i.max(j)),
                    format!(
                        "部屋「{}」と「{}」が重なっています",
                        first.name, second.name
                    ),
                    format!("rooms \"{}\" and \"{}\" overlap", first.name, second.name),
                ));
            }
        }
    }
}
