//! Validation: every problem of a plan at once, each with a path and a clear message.
//!
//! A plan that passes [`validate`] is safe for every other crate: rooms are simple polygons
//! with positive area inside ±[`MAX_COORDINATE_MM`], rooms of one storey do not overlap,
//! ids are unique, every reference resolves, and every count and quantity lies within the
//! limits below, so sums over a plan cannot overflow and work stays bounded. Nothing here
//! panics on user data.
//!
//! # Limits
//! Each limit is far above any real dwelling and far below where arithmetic or time would
//! suffer. The file loader ([`crate::format`]) checks the same limits on the raw JSON before
//! it builds a plan, with the same messages.
//!
//! | what | limit | why |
//! |---|---|---|
//! | storeys | [`MAX_STOREYS`] | the tallest Japanese residential towers have about 60 |
//! | rooms per plan | [`MAX_ROOMS`] | a large block of flats as one plan; checks stay well under a second |
//! | vertices per room | [`MAX_VERTICES_PER_ROOM`] | the self-intersection test is quadratic in a room's vertices |
//! | vertices per plan | [`MAX_VERTICES`] | twenty per room at the room limit |
//! | openings, fixtures per storey | [`MAX_OPENINGS_PER_STOREY`], [`MAX_FIXTURES_PER_STOREY`] | five per room at the room limit |
//! | persons in a room | [`MAX_PERSONS_PER_ROOM`] | sums over every room stay far from `u32::MAX` |
//! | children in a room, their ages | [`MAX_CHILDREN`], 0..=[`MAX_CHILD_AGE`] | a child is under 18 (児童福祉法) |
//! | wash basin bowls, kitchen burners | [`MAX_BOWLS`], [`MAX_BURNERS`] | counts summed over a plan |
//! | opening offset, width, window height | [`MAX_OPENING_MM`] mm | 100 m: anything longer is a typing mistake |
//! | coordinates | ±[`MAX_COORDINATE_MM`] mm | exact `i128` predicates and `f64` areas |

use crate::geometry::{self, Location, PointMm, MAX_COORDINATE_MM};
use crate::model::{FixtureKind, Occupancy, OpeningKind, Plan, RoomKind};
use crate::spatial::StoreyIndex;
pub use crate::touched::{StoreyTouched, Touched};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fmt::Display;

/// One thing wrong with a plan file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Where in the file, e.g. `storeys[0].rooms[2].polygon[1]`; empty for the whole file.
    pub path: String,
    /// What is wrong, in Japanese.
    pub message_ja: String,
    /// What is wrong, in English.
    pub message_en: String,
    /// Whether opening the file with repairs
    /// ([`crate::format::from_json_with_repairs`]) fixes this problem.
    #[serde(default)]
    pub repairable: bool,
}

impl Problem {
    /// A problem at `path` (not repairable).
    pub fn new(path: impl Into<String>, ja: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message_ja: ja.into(),
            message_en: en.into(),
            repairable: false,
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

/// Most variants (proposals) in one plan: each is a whole plan's worth of storeys.
pub const MAX_VARIANTS: usize = 20;
/// Most embedded images in one plan.
pub const MAX_IMAGES: usize = 100;
/// Most changed check values in one plan's settings (each parameter at most a few times).
pub const MAX_CHECK_VALUES: usize = 1_000;
/// Largest underlay image side accepted, pixels (a 600 dpi A1 scan is about 20 000).
pub const MAX_UNDERLAY_PX: u32 = 40_000;
/// Underlay scale limits, millimetres of plan per pixel: from a 1:1 scan at 25 400 dpi to
/// 10 m per pixel; anything outside is a calibration mistake.
pub const UNDERLAY_MM_PER_PX: (f64, f64) = (0.001, 10_000.0);
/// The media types an embedded image may have, as the start of its `data:` URL.
pub const IMAGE_DATA_PREFIXES: [&str; 3] = [
    "data:image/png;base64,",
    "data:image/jpeg;base64,",
    "data:image/webp;base64,",
];

/// Largest wall thickness accepted, mm: thicker is a typing mistake.
pub const MAX_WALL_THICKNESS_MM: u32 = 1_000;
/// Largest ceiling height accepted, mm.
pub const MAX_CEILING_HEIGHT_MM: u32 = 20_000;
/// Most storeys a plan may have.
pub const MAX_STOREYS: usize = 100;
/// Most rooms a plan may have, over all storeys.
pub const MAX_ROOMS: usize = 10_000;
/// Most vertices one room may have.
pub const MAX_VERTICES_PER_ROOM: usize = 10_000;
/// Most vertices a plan may have, over all rooms.
pub const MAX_VERTICES: usize = 200_000;
/// Most openings one storey may have.
pub const MAX_OPENINGS_PER_STOREY: usize = 50_000;
/// Most fixtures one storey may have.
pub const MAX_FIXTURES_PER_STOREY: usize = 50_000;
/// Most persons one room's occupancy may name.
pub const MAX_PERSONS_PER_ROOM: u32 = 100;
/// Most children a single-parent occupancy may list.
pub const MAX_CHILDREN: usize = 20;
/// Oldest age of a child, years: 18 and over is an adult (児童福祉法 第4条).
pub const MAX_CHILD_AGE: u8 = 17;
/// Most bowls one wash basin may have.
pub const MAX_BOWLS: u32 = 20;
/// Most burners one kitchen may have.
pub const MAX_BURNERS: u32 = 20;
/// Largest opening offset, width and window height, mm.
pub const MAX_OPENING_MM: u32 = 100_000;
/// Earliest `year_built` accepted.
pub const MIN_YEAR_BUILT: i32 = 1800;
/// Latest `year_built` accepted.
pub const MAX_YEAR_BUILT: i32 = 2100;

/// A number outside its range; `unit` is empty or starts with a space (` mm`).
pub(crate) fn out_of_range(
    path: impl Into<String>,
    (what_ja, what_en): (&str, &str),
    value: impl Display,
    (lo, hi): (impl Display, impl Display),
    unit: &str,
) -> Problem {
    Problem::new(
        path,
        format!("{what_ja} {value}{unit} は {lo}〜{hi}{unit} の範囲外です"),
        format!("{what_en} {value}{unit} is outside {lo}..{hi}{unit}"),
    )
}

/// A list longer than its limit.
pub(crate) fn too_many(
    path: impl Into<String>,
    (what_ja, what_en): (&str, &str),
    count: usize,
    max: usize,
) -> Problem {
    Problem::new(
        path,
        format!("{what_ja}が {count} 個あります (上限 {max})"),
        format!("{count} {what_en}; at most {max} are allowed"),
    )
}

/// A point beyond ±[`MAX_COORDINATE_MM`] (checked before any arithmetic on it).
pub(crate) fn point_out_of_range(path: impl Into<String>, p: PointMm) -> Option<Problem> {
    let range = -MAX_COORDINATE_MM..=MAX_COORDINATE_MM;
    (!range.contains(&p.x) || !range.contains(&p.y)).then(|| {
        Problem::new(
            path,
            format!(
                "座標 ({}, {}) が範囲 ±{MAX_COORDINATE_MM} mm を超えています",
                p.x, p.y
            ),
            format!(
                "coordinate ({}, {}) is beyond ±{MAX_COORDINATE_MM} mm",
                p.x, p.y
            ),
        )
    })
}

/// Names of the limited things, Japanese and English, shared with the file pre-check.
pub(crate) mod what {
    pub const STOREYS: (&str, &str) = ("階", "storeys");
    pub const ROOMS: (&str, &str) = ("部屋 (全階)", "rooms in the plan");
    pub const VERTICES: (&str, &str) = ("頂点 (全部屋)", "vertices in the plan");
    pub const ROOM_VERTICES: (&str, &str) = ("部屋の頂点", "vertices in the room");
    pub const OPENINGS: (&str, &str) = ("この階の開口", "openings on the storey");
    pub const FIXTURES: (&str, &str) = ("この階の設備", "fixtures on the storey");
    pub const CHILDREN: (&str, &str) = ("子ども", "children");
    pub const PERSONS: (&str, &str) = ("入居者数", "persons");
    pub const CHILD_AGE: (&str, &str) = ("子どもの年齢", "child's age");
    pub const BOWLS: (&str, &str) = ("ボウル数", "bowls");
    pub const BURNERS: (&str, &str) = ("コンロの口数", "burners");
    pub const OFFSET: (&str, &str) = ("開口の位置", "opening offset");
    pub const WIDTH: (&str, &str) = ("開口の幅", "opening width");
    pub const HEIGHT: (&str, &str) = ("窓の高さ", "window height");
    pub const WALL: (&str, &str) = ("壁厚", "wall thickness");
    pub const CEILING: (&str, &str) = ("天井高", "ceiling height");
    pub const YEAR: (&str, &str) = ("建築年", "year built");
    pub const IMAGES: (&str, &str) = ("画像", "images");
    pub const VARIANTS: (&str, &str) = ("計画案", "variants");
    pub const CHECK_VALUES: (&str, &str) = ("変更した基準値", "changed values");
    pub const UNDERLAY_PX: (&str, &str) = ("下絵の画素数", "underlay size");
    pub const UNDERLAY_SCALE: (&str, &str) = ("下絵の縮尺", "underlay scale");
    pub const UNDERLAY_ROTATION: (&str, &str) = ("下絵の回転", "underlay rotation");
    pub const UNDERLAY_OPACITY: (&str, &str) = ("下絵の不透明度", "underlay opacity");
}

/// Checks the counts that bound the work of every other check; returns whether they hold.
fn check_limits(plan: &Plan, problems: &mut Vec<Problem>) -> bool {
    let before = problems.len();
    if plan.storeys.len() > MAX_STOREYS {
        problems.push(too_many(
            "storeys",
            what::STOREYS,
            plan.storeys.len(),
            MAX_STOREYS,
        ));
    }
    let rooms: usize = plan.storeys.iter().map(|s| s.rooms.len()).sum();
    if rooms > MAX_ROOMS {
        problems.push(too_many("storeys", what::ROOMS, rooms, MAX_ROOMS));
    }
    let mut vertices = 0_usize;
    for (s, storey) in plan.storeys.iter().enumerate() {
        for (r, room) in storey.rooms.iter().enumerate() {
            vertices = vertices.saturating_add(room.polygon.len());
            if room.polygon.len() > MAX_VERTICES_PER_ROOM {
                problems.push(too_many(
                    format!("storeys[{s}].rooms[{r}].polygon"),
                    what::ROOM_VERTICES,
                    room.polygon.len(),
                    MAX_VERTICES_PER_ROOM,
                ));
            }
        }
        if storey.openings.len() > MAX_OPENINGS_PER_STOREY {
            problems.push(too_many(
                format!("storeys[{s}].openings"),
                what::OPENINGS,
                storey.openings.len(),
                MAX_OPENINGS_PER_STOREY,
            ));
        }
        if storey.fixtures.len() > MAX_FIXTURES_PER_STOREY {
            problems.push(too_many(
                format!("storeys[{s}].fixtures"),
                what::FIXTURES,
                storey.fixtures.len(),
                MAX_FIXTURES_PER_STOREY,
            ));
        }
    }
    if vertices > MAX_VERTICES {
        problems.push(too_many("storeys", what::VERTICES, vertices, MAX_VERTICES));
    }
    problems.len() == before
}

/// Checks a plan and returns every problem found (empty when the plan is valid).
///
/// A plan over the count limits gets only those problems: the other checks would take time
/// growing with its size squared.
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
    // Counts and sizes first: beyond them nothing else is worth checking (and checking
    // could cost unbounded time).
    if !check_limits(plan, &mut problems) {
        return problems;
    }
    if scope.is_none() && plan.storeys.is_empty() {
        problems.push(Problem::new(
            "storeys",
            "階が一つもありません",
            "the plan has no storey",
        ));
    }
    if scope.is_none_or(|t| t.dwelling) {
        check_dwelling(plan, &mut problems);
        check_head(plan, &mut problems);
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
                        problems.push(out_of_range(
                            format!("{path}.wall_thickness_mm[{e}]"),
                            what::WALL,
                            t,
                            (1, MAX_WALL_THICKNESS_MM),
                            " mm",
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
            if let Some(occupancy) = &room.occupancy {
                if room.kind != RoomKind::Private {
                    problems.push(Problem::new(
                        format!("{path}.occupancy"),
                        "入居者は専用居室にだけ設定できます",
                        "occupancy can only be set on a private room",
                    ));
                }
                check_occupancy(&format!("{path}.occupancy"), occupancy, &mut problems);
            }
            if let Some(h) = room.ceiling_height_mm {
                check_ceiling(&format!("{path}.ceiling_height_mm"), h, &mut problems);
            }
        }
        if let (Some(h), true) = (storey.ceiling_height_mm, focus.fields) {
            check_ceiling(&format!("storeys[{s}].ceiling_height_mm"), h, &mut problems);
        }
        if let (Some(underlay), true) = (&storey.underlay, focus.fields) {
            check_underlay(&format!("storeys[{s}].underlay"), underlay, &mut problems);
        }
        let only = (!focus.all).then_some(focus.rooms.as_slice());
        check_overlaps(s, storey, &shape_ok, only, &mut problems);
        for (o, opening) in storey.openings.iter().enumerate() {
            if !focus.placed(&focus.openings, o, &opening.room) {
                continue;
            }
            let path = format!("storeys[{s}].openings[{o}]");
            check_opening_numbers(&path, opening, &mut problems);
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
        }
        for (f, fixture) in storey.fixtures.iter().enumerate() {
            if !focus.placed(&focus.fixtures, f, &fixture.room) {
                continue;
            }
            let path = format!("storeys[{s}].fixtures[{f}]");
            check_fixture_kind(&path, &fixture.kind, &mut problems);
            // The range is checked before `locate` does any arithmetic on the point.
            let out_of_range = point_out_of_range(format!("{path}.at"), fixture.at);
            let at_ok = out_of_range.is_none();
            problems.extend(out_of_range);
            let Some(&r) = room_index.get(fixture.room.as_str()) else {
                problems.push(unknown_room(&path, &fixture.room));
                continue;
            };
            let room = &storey.rooms[r];
            if at_ok
                && shape_ok[r]
                && geometry::locate(&room.polygon, fixture.at) == Location::Outside
            {
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
        }
    }
    problems
}

fn check_occupancy(path: &str, occupancy: &Occupancy, problems: &mut Vec<Problem>) {
    let (adults_path, children_path) = match occupancy {
        Occupancy::Persons(_) => (format!("{path}.persons"), String::new()),
        Occupancy::SingleParent { .. } => {
            (String::new(), format!("{path}.single_parent.children_ages"))
        }
        Occupancy::Household { .. } => (
            format!("{path}.household.adults"),
            format!("{path}.household.children_ages"),
        ),
    };
    let adults = occupancy.adults();
    if !adults_path.is_empty() && adults > MAX_PERSONS_PER_ROOM {
        problems.push(out_of_range(
            adults_path.clone(),
            what::PERSONS,
            adults,
            (0, MAX_PERSONS_PER_ROOM),
            "",
        ));
    }
    if let Occupancy::Household { adults: 0, .. } = occupancy {
        problems.push(Problem::new(
            adults_path,
            "世帯には大人が 1 人以上必要です",
            "a household needs at least one adult",
        ));
    }
    let children_ages = occupancy.children_ages();
    if children_ages.len() > MAX_CHILDREN {
        problems.push(too_many(
            children_path.as_str(),
            what::CHILDREN,
            children_ages.len(),
            MAX_CHILDREN,
        ));
    }
    for (i, age) in children_ages.iter().enumerate() {
        if *age > MAX_CHILD_AGE {
            problems.push(out_of_range(
                format!("{children_path}[{i}]"),
                what::CHILD_AGE,
                age,
                (0, MAX_CHILD_AGE),
                "",
            ));
        }
    }
}

fn check_opening_numbers(path: &str, opening: &crate::model::Opening, problems: &mut Vec<Problem>) {
    if opening.offset_mm > MAX_OPENING_MM {
        problems.push(out_of_range(
            format!("{path}.offset_mm"),
            what::OFFSET,
            opening.offset_mm,
            (0, MAX_OPENING_MM),
            " mm",
        ));
    }
    if opening.width_mm > MAX_OPENING_MM {
        problems.push(out_of_range(
            format!("{path}.width_mm"),
            what::WIDTH,
            opening.width_mm,
            (1, MAX_OPENING_MM),
            " mm",
        ));
    }
    if let OpeningKind::Window {
        height_mm: Some(height_mm),
        ..
    } = opening.kind
    {
        if height_mm == 0 || height_mm > MAX_OPENING_MM {
            problems.push(out_of_range(
                format!("{path}.kind.height_mm"),
                what::HEIGHT,
                height_mm,
                (1, MAX_OPENING_MM),
                " mm",
            ));
        }
    }
}

fn check_fixture_kind(path: &str, kind: &FixtureKind, problems: &mut Vec<Problem>) {
    match *kind {
        FixtureKind::WashBasin { bowls } if bowls == 0 || bowls > MAX_BOWLS => {
            problems.push(out_of_range(
                format!("{path}.kind.bowls"),
                what::BOWLS,
                bowls,
                (1, MAX_BOWLS),
                "",
            ));
        }
        FixtureKind::Kitchen { burners, .. } if burners > MAX_BURNERS => {
            problems.push(out_of_range(
                format!("{path}.kind.burners"),
                what::BURNERS,
                burners,
                (0, MAX_BURNERS),
                "",
            ));
        }
        _ => {}
    }
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
        problems.push(out_of_range(
            path,
            what::CEILING,
            height_mm,
            (1, MAX_CEILING_HEIGHT_MM),
            " mm",
        ));
    }
}

/// The plan-level parts of format 2: check settings, embedded images and variants (each
/// variant validated as a plan of its own, its paths under `variants[i]`).
fn check_head(plan: &Plan, problems: &mut Vec<Problem>) {
    if let Some(check) = &plan.check {
        check_settings("check", check, problems);
    }
    if plan.images.len() > MAX_IMAGES {
        problems.push(too_many(
            "images",
            what::IMAGES,
            plan.images.len(),
            MAX_IMAGES,
        ));
    } else {
        let mut seen = HashSet::new();
        for (i, image) in plan.images.iter().enumerate() {
            let path = format!("images[{i}]");
            if image.id.trim().is_empty() || !seen.insert(image.id.as_str()) {
                problems.push(Problem::new(
                    format!("{path}.id"),
                    format!("画像の id \"{}\" が空か重複しています", image.id),
                    format!("the image id \"{}\" is empty or used twice", image.id),
                ));
            }
            if !IMAGE_DATA_PREFIXES
                .iter()
                .any(|prefix| image.data_url.starts_with(prefix))
            {
                problems.push(Problem::new(
                    format!("{path}.data_url"),
                    "画像は data:image/png, jpeg または webp の base64 で書きます",
                    "an image is a base64 data: URL of a PNG, JPEG or WebP",
                ));
            }
        }
    }
    if plan.variants.len() > MAX_VARIANTS {
        problems.push(too_many(
            "variants",
            what::VARIANTS,
            plan.variants.len(),
            MAX_VARIANTS,
        ));
        return;
    }
    let mut seen = HashSet::new();
    for (v, variant) in plan.variants.iter().enumerate() {
        let path = format!("variants[{v}]");
        if variant.id.trim().is_empty() || !seen.insert(variant.id.as_str()) {
            problems.push(Problem::new(
                format!("{path}.id"),
                format!("案の id \"{}\" が空か重複しています", variant.id),
                format!("the variant id \"{}\" is empty or used twice", variant.id),
            ));
        }
        let Some(state) = crate::model::variant_plan(plan, v) else {
            continue;
        };
        problems.extend(validate(&state).into_iter().map(|mut p| {
            p.path = if p.path.is_empty() {
                path.clone()
            } else {
                format!("{path}.{}", p.path)
            };
            p
        }));
    }
}

/// Check settings: keys named, values finite, sources bounded.
fn check_settings(path: &str, check: &crate::model::CheckSettings, problems: &mut Vec<Problem>) {
    if check.profile.trim().is_empty() {
        problems.push(Problem::new(
            format!("{path}.profile"),
            "基準 (プロファイル) の id が空です",
            "the profile id is empty",
        ));
    }
    if check.values.len() > MAX_CHECK_VALUES {
        problems.push(too_many(
            format!("{path}.values"),
            what::CHECK_VALUES,
            check.values.len(),
            MAX_CHECK_VALUES,
        ));
        return;
    }
    for (i, value) in check.values.iter().enumerate() {
        if value.key.trim().is_empty() {
            problems.push(Problem::new(
                format!("{path}.values[{i}].key"),
                "基準値の名前が空です",
                "the value's key is empty",
            ));
        }
        if !value.value.is_finite() {
            problems.push(Problem::new(
                format!("{path}.values[{i}].value"),
                "基準値は有限の数で書きます",
                "a value must be a finite number",
            ));
        }
    }
}

/// An underlay's numbers: a size, a scale and an angle that can be drawn.
fn check_underlay(path: &str, underlay: &crate::model::Underlay, problems: &mut Vec<Problem>) {
    if underlay.image.trim().is_empty() {
        problems.push(Problem::new(
            format!("{path}.image"),
            "下絵の画像 id が空です",
            "the underlay's image id is empty",
        ));
    }
    for (key, px) in [
        ("width_px", underlay.width_px),
        ("height_px", underlay.height_px),
    ] {
        if px == 0 || px > MAX_UNDERLAY_PX {
            problems.push(out_of_range(
                format!("{path}.{key}"),
                what::UNDERLAY_PX,
                px,
                (1, MAX_UNDERLAY_PX),
                " px",
            ));
        }
    }
    if let Some(problem) = point_out_of_range(format!("{path}.origin"), underlay.origin) {
        problems.push(problem);
    }
    let (lo, hi) = UNDERLAY_MM_PER_PX;
    if !(lo..=hi).contains(&underlay.mm_per_px) {
        problems.push(out_of_range(
            format!("{path}.mm_per_px"),
            what::UNDERLAY_SCALE,
            underlay.mm_per_px,
            (lo, hi),
            " mm/px",
        ));
    }
    if !(-360.0..=360.0).contains(&underlay.rotation_deg) {
        problems.push(out_of_range(
            format!("{path}.rotation_deg"),
            what::UNDERLAY_ROTATION,
            underlay.rotation_deg,
            (-360, 360),
            "°",
        ));
    }
    if underlay.opacity_percent > 100 {
        problems.push(out_of_range(
            format!("{path}.opacity_percent"),
            what::UNDERLAY_OPACITY,
            underlay.opacity_percent,
            (0, 100),
            " %",
        ));
    }
}

fn check_dwelling(plan: &Plan, problems: &mut Vec<Problem>) {
    if let Some(year) = plan.dwelling.year_built {
        if !(MIN_YEAR_BUILT..=MAX_YEAR_BUILT).contains(&year) {
            problems.push(out_of_range(
                "dwelling.year_built",
                what::YEAR,
                year,
                (MIN_YEAR_BUILT, MAX_YEAR_BUILT),
                "",
            ));
        }
    }
    if let Some(date) = &plan.dwelling.permit_date {
        if let Some(problem) = date_problem("dwelling.permit_date", date) {
            problems.push(problem);
        }
    }
    if let Some(date) = &plan.dwelling.construction_started {
        if let Some(problem) = date_problem("dwelling.construction_started", date) {
            problems.push(problem);
        }
    }
}

/// Why `text` is not a `YYYY-MM-DD` date that exists, as a problem at `path`.
pub(crate) fn date_problem(path: &str, text: &str) -> Option<Problem> {
    if parse_date(text).is_some() {
        return None;
    }
    let shown: String = text.chars().take(40).collect();
    Some(Problem::new(
        path,
        format!("日付 \"{shown}\" は YYYY-MM-DD 形式の実在する日付ではありません"),
        format!("date \"{shown}\" is not a YYYY-MM-DD date that exists"),
    ))
}

/// Whether `year` is a leap year of the Gregorian calendar.
const fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Parses a `YYYY-MM-DD` date into `(year, month, day)`: four, two and two ASCII digits, a
/// month 01-12 and a day that exists in that month (29 February only in leap years).
pub fn parse_date(text: &str) -> Option<(i32, u32, u32)> {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    if bytes.len() != 10
        || bytes[4] != b'-'
        || bytes[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return None;
    }
    // Ten ASCII bytes, so these slices fall on character boundaries and parse.
    let y: i32 = text[0..4].parse().ok()?;
    let m: u32 = text[5..7].parse().ok()?;
    let d: u32 = text[8..10].parse().ok()?;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(y) => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
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
        if p.x.unsigned_abs() > MAX_COORDINATE_MM.unsigned_abs()
            || p.y.unsigned_abs() > MAX_COORDINATE_MM.unsigned_abs()
        {
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
        // Room indices are below `isize::MAX`, so `as i64` keeps them exactly.
        crate::order::sort_by_i64_key(&mut others, |&j| j as i64);
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
