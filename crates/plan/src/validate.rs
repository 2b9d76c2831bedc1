//! Validation: every problem of a plan at once, each with a path and a clear message.
//!
//! A plan that passes [`validate`] is safe for every other crate: rooms are simple polygons
//! with positive area inside ±[`MAX_COORDINATE_MM`], rooms of one storey do not overlap,
//! ids are unique and every reference resolves. Nothing here panics on user data.

use crate::geometry::{self, Location, PointMm, MAX_COORDINATE_MM};
use crate::model::{FixtureKind, OpeningKind, Plan, RoomKind};
use geo::{Coord, LineString, Polygon, Relate};
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
    let mut problems = Vec::new();
    if plan.storeys.is_empty() {
        problems.push(Problem::new(
            "storeys",
            "階が一つもありません",
            "the plan has no storey",
        ));
    }
    check_dwelling(plan, &mut problems);
    check_ids(plan, &mut problems);
    for (s, storey) in plan.storeys.iter().enumerate() {
        let room_index: HashMap<&str, usize> = storey
            .rooms
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        let mut shape_ok = vec![false; storey.rooms.len()];
        for (r, room) in storey.rooms.iter().enumerate() {
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
        if let Some(h) = storey.ceiling_height_mm {
            check_ceiling(&format!("storeys[{s}].ceiling_height_mm"), h, &mut problems);
        }
        check_overlaps(s, storey, &shape_ok, &mut problems);
        for (o, opening) in storey.openings.iter().enumerate() {
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
            if let OpeningKind::Window { height_mm: 0, .. } = opening.kind {
                problems.push(Problem::new(
                    format!("{path}.kind.height_mm"),
                    "窓の高さが 0 です",
                    "the window height is 0",
                ));
            }
        }
        for (f, fixture) in storey.fixtures.iter().enumerate() {
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
    if let Some((a, b)) = geometry::first_self_intersection(polygon) {
        problems.push(Problem::new(
            format!("{path}.polygon"),
            format!("辺 {a} と辺 {b} が交差しています (自己交差)"),
            format!("edges {a} and {b} cross (the outline intersects itself)"),
        ));
        return false;
    }
    true
}

fn to_geo(polygon: &[PointMm]) -> Polygon<f64> {
    let coords: Vec<Coord<f64>> = polygon
        .iter()
        .map(|p| Coord {
            x: p.x as f64,
            y: p.y as f64,
        })
        .collect();
    Polygon::new(LineString::new(coords), vec![])
}

fn check_overlaps(
    s: usize,
    storey: &crate::model::Storey,
    shape_ok: &[bool],
    problems: &mut Vec<Problem>,
) {
    let mut boxes: Vec<(usize, PointMm, PointMm)> = storey
        .rooms
        .iter()
        .enumerate()
        .filter(|(i, _)| shape_ok[*i])
        .filter_map(|(i, r)| geometry::bounds(&r.polygon).map(|(lo, hi)| (i, lo, hi)))
        .collect();
    boxes.sort_by_key(|b| b.1.x);
    let mut reported: HashSet<(usize, usize)> = HashSet::new();
    for (k, &(i, lo_i, hi_i)) in boxes.iter().enumerate() {
        for &(j, lo_j, hi_j) in &boxes[k + 1..] {
            if lo_j.x >= hi_i.x {
                break;
            }
            if lo_j.y >= hi_i.y || hi_j.y <= lo_i.y {
                continue;
            }
            let a = to_geo(&storey.rooms[i].polygon);
            let b = to_geo(&storey.rooms[j].polygon);
            let interiors_meet = a.relate(&b).matches("T********").unwrap_or(false);
            if interiors_meet && reported.insert((i.min(j), i.max(j))) {
                let (first, second) = (&storey.rooms[i.min(j)], &storey.rooms[i.max(j)]);
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
