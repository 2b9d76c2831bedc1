//! Repairs: what "open with repairs" changes in a plan the strict loader refuses.
//!
//! The strict loader ([`crate::format::from_json`]) refuses a plan with any problem and marks
//! the problems a repair would fix. After the user agrees,
//! [`crate::format::from_json_with_repairs`] runs [`repair`] and lists every change, each with
//! its path in the file as it was and a Japanese and an English message. A repair only ever
//! removes or splits what cannot be a room; it never guesses a number.
//!
//! The repairs, in the order they run on each storey:
//! 1. **Repeated vertices.** A vertex equal to the next one (also a last vertex repeating the
//!    first: the outline closes itself) is removed, with the zero-length edge it started and
//!    that edge's wall thickness. Openings are renumbered to the remaining edges; one on a
//!    zero-length edge is removed.
//! 2. **Rooms without an outline** (no polygon, an empty one, or fewer than 3 distinct
//!    vertices) are removed, with the openings and fixtures on them; a `belongs_to` naming
//!    one is removed.
//! 3. **Rooms whose outline visits a vertex twice.** Rooms have no holes, so a ring around a
//!    core that touches the outer wall at one vertex is split into two simple rooms, named
//!    `…(1)` (keeping the id, the occupancy and every reference) and `…(2)`. The outline is cut
//!    into its outer ring and its inner ring (the hole) at the repeated vertex; then a
//!    horizontal or vertical segment from a vertex of the hole to the outer ring (or from a
//!    vertex of the outer ring to the hole) with whole-millimetre ends cuts the region in
//!    two. The shortest such cut that crosses no door or window is chosen; one that crosses
//!    a door or window removes it. The result must be two simple polygons whose exact areas
//!    add up to the outer ring's minus the hole's, or the room is refused with the reason.
//!    An outline that is two loops side by side, touching at the vertex, becomes those two
//!    loops.
//!
//! Openings and fixtures follow the piece of the room they lie in.

use crate::geometry::{self, Location, PointMm, MAX_COORDINATE_MM};
use crate::model::{Fixture, Opening, Plan, Room, Storey};
use crate::validate::{Problem, MAX_VERTICES_PER_ROOM};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// What a repair did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RepairKind {
    /// A vertex equal to the next one was removed.
    RepeatedVertexRemoved,
    /// A room with fewer than 3 distinct vertices was removed.
    RoomWithoutOutlineRemoved,
    /// A room whose outline visits a vertex twice was split into two rooms.
    RoomSplit,
    /// An opening was removed (its room or its edge is gone, or a split crossed it).
    OpeningRemoved,
    /// An opening moved to another edge number or to the second piece of a split room.
    OpeningMoved,
    /// A fixture was removed with its room.
    FixtureRemoved,
    /// A fixture moved to the second piece of a split room.
    FixtureMoved,
    /// A `belongs_to` naming a removed room was removed.
    BelongsToRemoved,
}

/// One change made by [`repair`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Repair {
    /// Where in the file as it was, e.g. `storeys[0].rooms[2].polygon[4]`.
    pub path: String,
    /// What was done.
    pub kind: RepairKind,
    /// What was done and why, in Japanese.
    pub message_ja: String,
    /// What was done and why, in English.
    pub message_en: String,
}

impl Repair {
    fn new(path: String, kind: RepairKind, ja: String, en: String) -> Self {
        Self {
            path,
            kind,
            message_ja: ja,
            message_en: en,
        }
    }

    /// Whether a problem at `path` of the plan before repairs is one this repair removes.
    fn fixes(&self, path: &str) -> bool {
        match self.kind {
            // A removed vertex fixes the problems of its room's outline.
            RepairKind::RepeatedVertexRemoved => {
                let polygon = self.path.rsplit_once('[').map_or("", |(p, _)| p);
                within(path, polygon)
            }
            RepairKind::RoomSplit => within(path, &format!("{}.polygon", self.path)),
            RepairKind::OpeningMoved | RepairKind::FixtureMoved => false,
            RepairKind::RoomWithoutOutlineRemoved
            | RepairKind::OpeningRemoved
            | RepairKind::FixtureRemoved
            | RepairKind::BelongsToRemoved => within(path, &self.path),
        }
    }
}

/// Whether `path` is `scope` or lies inside it.
fn within(path: &str, scope: &str) -> bool {
    path.strip_prefix(scope)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

/// A repaired plan (not yet validated), what was changed, and what could not be.
#[derive(Clone, Debug)]
pub struct Repaired {
    /// The plan after every repair.
    pub plan: Plan,
    /// Every change, in order.
    pub repairs: Vec<Repair>,
    /// Rooms whose outline visits a vertex twice but could not be split, with the reason;
    /// they are left as they were (paths in the plan before repairs).
    pub refused: Vec<Problem>,
    /// Per storey, where each element of the repaired plan came from.
    origins: Vec<Origins>,
}

/// Where the rooms, openings and fixtures of a repaired storey came from.
#[derive(Clone, Debug, Default)]
struct Origins {
    /// Original index of each room, and whether its outline changed.
    rooms: Vec<(usize, bool)>,
    openings: Vec<usize>,
    fixtures: Vec<usize>,
}

impl Repaired {
    /// Whether a problem at `path` of the plan before repairs is one of the repairs fixes.
    pub fn fixes(&self, path: &str) -> bool {
        self.repairs.iter().any(|r| r.fixes(path))
    }

    /// The path in the plan before repairs of the element at `path` in the repaired plan,
    /// and whether that element is a room whose outline changed. Vertex and edge indices of
    /// a changed outline have no counterpart, so they are dropped (`…polygon[3]` becomes
    /// `…polygon`).
    pub fn original_path(&self, path: &str) -> (String, bool) {
        let unchanged = (path.to_owned(), false);
        let Some((s, rest)) = index_after(path, "storeys[") else {
            return unchanged;
        };
        let Some(origins) = self.origins.get(s) else {
            return unchanged;
        };
        if let Some((r, tail)) = index_after(rest, ".rooms[") {
            let Some(&(original, changed)) = origins.rooms.get(r) else {
                return unchanged;
            };
            let tail = match tail {
                _ if !changed => tail,
                t if t.starts_with(".polygon[") => ".polygon",
                t if t.starts_with(".wall_thickness_mm[") => ".wall_thickness_mm",
                t => t,
            };
            return (format!("storeys[{s}].rooms[{original}]{tail}"), changed);
        }
        for (collection, list) in [
            (".openings[", &origins.openings),
            (".fixtures[", &origins.fixtures),
        ] {
            if let Some((i, tail)) = index_after(rest, collection) {
                if let Some(original) = list.get(i) {
                    return (format!("storeys[{s}]{collection}{original}]{tail}"), false);
                }
            }
        }
        unchanged
    }

    /// A problem of the repaired plan, with its path in the plan before repairs; a problem
    /// of a changed outline says so (its numbers refer to the repaired outline).
    pub fn explain(&self, mut problem: Problem) -> Problem {
        let (path, changed) = self.original_path(&problem.path);
        problem.path = path;
        if changed {
            problem.message_ja.push_str(" (修復後の外形で)");
            problem.message_en.push_str(" (on the repaired outline)");
        }
        problem
    }
}

/// `path` starts with `prefix`, a number and `]`: the number and what follows.
fn index_after<'p>(path: &'p str, prefix: &str) -> Option<(usize, &'p str)> {
    let rest = path.strip_prefix(prefix)?;
    let end = rest.find(']')?;
    Some((rest[..end].parse().ok()?, &rest[end + 1..]))
}

/// Applies every repair to a plan (see the module documentation). Rooms with more than
/// [`MAX_VERTICES_PER_ROOM`] vertices or with a vertex beyond ±[`MAX_COORDINATE_MM`] are
/// left for validation to refuse, so the work stays bounded and no arithmetic overflows.
pub fn repair(mut plan: Plan) -> Repaired {
    let mut ids: HashSet<String> = HashSet::new();
    for storey in &plan.storeys {
        ids.insert(storey.id.clone());
        ids.extend(storey.rooms.iter().map(|r| r.id.clone()));
        ids.extend(storey.openings.iter().map(|o| o.id.clone()));
        ids.extend(storey.fixtures.iter().map(|f| f.id.clone()));
    }
    let mut out = Out::default();
    let mut origins = Vec::with_capacity(plan.storeys.len());
    for (s, storey) in plan.storeys.iter_mut().enumerate() {
        origins.push(repair_storey(s, storey, &mut ids, &mut out));
    }
    Repaired {
        plan,
        repairs: out.repairs,
        refused: out.refused,
        origins,
    }
}

#[derive(Default)]
struct Out {
    repairs: Vec<Repair>,
    refused: Vec<Problem>,
}

fn usable(room: &Room) -> bool {
    let range = -MAX_COORDINATE_MM..=MAX_COORDINATE_MM;
    room.polygon.len() <= MAX_VERTICES_PER_ROOM
        && room
            .polygon
            .iter()
            .all(|p| range.contains(&p.x) && range.contains(&p.y))
}

fn repair_storey(
    s: usize,
    storey: &mut Storey,
    ids: &mut HashSet<String>,
    out: &mut Out,
) -> Origins {
    let count = storey.rooms.len();
    // 1. Repeated vertices; find the rooms without an outline.
    let mut edge_maps: Vec<Option<Vec<Option<usize>>>> = vec![None; count];
    let mut removed = vec![false; count];
    for (r, room) in storey.rooms.iter_mut().enumerate() {
        if room.polygon.len() > MAX_VERTICES_PER_ROOM {
            continue;
        }
        let distinct: HashSet<PointMm> = room.polygon.iter().copied().collect();
        if distinct.len() < 3 {
            removed[r] = true;
            out.repairs.push(Repair::new(
                format!("storeys[{s}].rooms[{r}]"),
                RepairKind::RoomWithoutOutlineRemoved,
                format!(
                    "部屋「{}」には外形 (異なる 3 つ以上の頂点) がないので削除しました",
                    room.name
                ),
                format!(
                    "removed room \"{}\": it has no outline (fewer than 3 distinct vertices)",
                    room.name
                ),
            ));
            continue;
        }
        edge_maps[r] = remove_repeated_vertices(&format!("storeys[{s}].rooms[{r}]"), room, out);
    }
    let index: HashMap<String, usize> = storey
        .rooms
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i))
        .collect();
    let room_of = |id: &str| index.get(id).copied();

    // 2. Openings, fixtures and belongs_to that follow.
    let mut opening_origins = Vec::with_capacity(storey.openings.len());
    let openings = std::mem::take(&mut storey.openings);
    for (o, mut opening) in openings.into_iter().enumerate() {
        let path = format!("storeys[{s}].openings[{o}]");
        let Some(r) = room_of(&opening.room) else {
            storey.openings.push(opening);
            opening_origins.push(o);
            continue;
        };
        if removed[r] {
            out.repairs.push(Repair::new(
                path,
                RepairKind::OpeningRemoved,
                format!("開口 \"{}\" は部屋が削除されたので削除しました", opening.id),
                format!("removed opening \"{}\": its room was removed", opening.id),
            ));
            continue;
        }
        let new_edge = edge_maps[r]
            .as_ref()
            .and_then(|map| map.get(opening.edge).copied());
        match new_edge {
            Some(None) => {
                out.repairs.push(Repair::new(
                    path,
                    RepairKind::OpeningRemoved,
                    format!(
                        "開口 \"{}\" は長さ 0 の辺 {} (同じ頂点の間) にあったので削除しました",
                        opening.id, opening.edge
                    ),
                    format!(
                        "removed opening \"{}\": it sat on edge {}, of zero length (between repeated vertices)",
                        opening.id, opening.edge
                    ),
                ));
                continue;
            }
            Some(Some(edge)) if edge != opening.edge => {
                out.repairs.push(Repair::new(
                    path,
                    RepairKind::OpeningMoved,
                    format!(
                        "開口 \"{}\" の辺の番号を {} から {} にしました (重複した頂点を削除したため)",
                        opening.id, opening.edge, edge
                    ),
                    format!(
                        "opening \"{}\" is now on edge {} instead of {} (repeated vertices were removed)",
                        opening.id, edge, opening.edge
                    ),
                ));
                opening.edge = edge;
            }
            _ => {}
        }
        storey.openings.push(opening);
        opening_origins.push(o);
    }
    let mut fixture_origins = Vec::with_capacity(storey.fixtures.len());
    let fixtures = std::mem::take(&mut storey.fixtures);
    for (f, fixture) in fixtures.into_iter().enumerate() {
        if room_of(&fixture.room).is_some_and(|r| removed[r]) {
            out.repairs.push(Repair::new(
                format!("storeys[{s}].fixtures[{f}]"),
                RepairKind::FixtureRemoved,
                format!("設備 \"{}\" は部屋が削除されたので削除しました", fixture.id),
                format!("removed fixture \"{}\": its room was removed", fixture.id),
            ));
            continue;
        }
        storey.fixtures.push(fixture);
        fixture_origins.push(f);
    }
    for (r, room) in storey.rooms.iter_mut().enumerate() {
        let owner_removed = room
            .belongs_to
            .as_deref()
            .and_then(room_of)
            .is_some_and(|owner| removed[owner]);
        if owner_removed && !removed[r] {
            let owner = room.belongs_to.take().unwrap_or_default();
            out.repairs.push(Repair::new(
                format!("storeys[{s}].rooms[{r}].belongs_to"),
                RepairKind::BelongsToRemoved,
                format!(
                    "部屋「{}」の所属先 \"{owner}\" が削除されたので所属をなくしました",
                    room.name
                ),
                format!(
                    "room \"{}\" no longer belongs to \"{owner}\", which was removed",
                    room.name
                ),
            ));
        }
    }

    // 3. Rooms whose outline visits a vertex twice.
    let rooms = std::mem::take(&mut storey.rooms);
    let mut room_origins = Vec::with_capacity(rooms.len());
    for (r, room) in rooms.into_iter().enumerate() {
        if removed[r] {
            continue;
        }
        let changed = edge_maps[r].is_some();
        let owns_its_id = room_of(&room.id) == Some(r);
        if !usable(&room) || !owns_its_id || repeated_vertex(&room.polygon).is_none() {
            storey.rooms.push(room);
            room_origins.push((r, changed));
            continue;
        }
        let path = format!("storeys[{s}].rooms[{r}]");
        match split_room(
            &path,
            &room,
            storey,
            (&opening_origins, &fixture_origins),
            ids,
        ) {
            Ok(split) => {
                out.repairs.extend(split.repairs);
                storey.openings = split.openings;
                opening_origins = split.opening_origins;
                storey.fixtures = split.fixtures;
                storey.rooms.extend(split.rooms);
                room_origins.extend([(r, true), (r, true)]);
            }
            Err(why) => {
                out.refused.push(Problem::new(
                    format!("{path}.polygon"),
                    format!(
                        "部屋「{}」の外形は同じ頂点を 2 回通りますが、2 つの部屋に分けられません: {}",
                        room.name, why.0
                    ),
                    format!(
                        "the outline of room \"{}\" visits a vertex twice but cannot be split into two rooms: {}",
                        room.name, why.1
                    ),
                ));
                storey.rooms.push(room);
                room_origins.push((r, changed));
            }
        }
    }
    Origins {
        rooms: room_origins,
        openings: opening_origins,
        fixtures: fixture_origins,
    }
}

/// Removes every vertex equal to the next one; returns the old-edge → new-edge map when a
/// vertex was removed (`None` for a removed zero-length edge).
fn remove_repeated_vertices(
    path: &str,
    room: &mut Room,
    out: &mut Out,
) -> Option<Vec<Option<usize>>> {
    let n = room.polygon.len();
    let keep: Vec<bool> = (0..n)
        .map(|i| room.polygon[i] != room.polygon[(i + 1) % n])
        .collect();
    if keep.iter().all(|k| *k) {
        return None;
    }
    let mut map = Vec::with_capacity(n);
    let mut next = 0;
    for (i, k) in keep.iter().enumerate() {
        if *k {
            map.push(Some(next));
            next += 1;
        } else {
            let p = room.polygon[i];
            let (ja, en) = if i + 1 == n {
                (
                    "最初の頂点の繰り返し (外形は自動で閉じます)",
                    "repeated the first vertex (an outline closes itself)",
                )
            } else {
                ("次の頂点と同じ", "repeated the next vertex")
            };
            out.repairs.push(Repair::new(
                format!("{path}.polygon[{i}]"),
                RepairKind::RepeatedVertexRemoved,
                format!(
                    "部屋「{}」の頂点 {i} ({}, {}) は{ja}なので削除しました",
                    room.name, p.x, p.y
                ),
                format!(
                    "removed vertex {i} ({}, {}) of room \"{}\": it {en}",
                    p.x, p.y, room.name
                ),
            ));
            map.push(None);
        }
    }
    if room.wall_thickness_mm.len() == n {
        let mut k = keep.iter();
        room.wall_thickness_mm
            .retain(|_| k.next().copied().unwrap_or(true));
    }
    let mut k = keep.iter();
    room.polygon.retain(|_| k.next().copied().unwrap_or(true));
    Some(map)
}

/// The first vertex that the outline visits twice (not consecutively), if any.
fn repeated_vertex(polygon: &[PointMm]) -> Option<PointMm> {
    let mut seen = HashSet::with_capacity(polygon.len());
    polygon.iter().copied().find(|p| !seen.insert(*p))
}

// ---------------------------------------------------------------------------------------
// Splitting a room whose outline visits a vertex twice.

/// Why a room cannot be split, in Japanese and English.
type Why = (String, String);

fn why(ja: impl Into<String>, en: impl Into<String>) -> Why {
    (ja.into(), en.into())
}

/// Where an edge of a piece comes from: a stretch of an edge of the original outline, from
/// `from_mm` to `to_mm` measured along it from its start vertex (`from_mm > to_mm` when the
/// piece runs it backwards). `None` for the cut.
#[derive(Clone, Copy, Debug)]
struct Source {
    edge: usize,
    from_mm: f64,
    to_mm: f64,
}

impl Source {
    /// The stretch `[lo, hi]` of the original edge.
    fn span(self) -> (f64, f64) {
        (self.from_mm.min(self.to_mm), self.from_mm.max(self.to_mm))
    }
}

/// A closed loop: each vertex with the source of the edge leaving it.
type Ring = Vec<(PointMm, Option<Source>)>;

fn points(ring: &[(PointMm, Option<Source>)]) -> Vec<PointMm> {
    ring.iter().map(|(p, _)| *p).collect()
}

/// The room split in two, with the openings and fixtures of the storey updated.
struct Split {
    rooms: [Room; 2],
    openings: Vec<Opening>,
    opening_origins: Vec<usize>,
    fixtures: Vec<Fixture>,
    repairs: Vec<Repair>,
}

/// A cut from a vertex of one ring to a point of the other.
#[derive(Clone, Copy, Debug)]
struct Cut {
    /// The vertex where the cut starts: on the hole when `from_hole`, else on the outer ring.
    from_hole: bool,
    from: usize,
    /// The point where it ends, on the other ring: at vertex `to`, or inside the edge leaving
    /// vertex `to` when `inside_edge`.
    to: usize,
    inside_edge: bool,
    point: PointMm,
    length_mm: i64,
}

/// At most this many vertices of each ring are tried as the start of a cut, so the search
/// stays linear in the room's vertices.
const MAX_CUT_STARTS: usize = 64;

fn split_room(
    path: &str,
    room: &Room,
    storey: &Storey,
    origins: (&[usize], &[usize]),
    ids: &mut HashSet<String>,
) -> Result<Split, Why> {
    let polygon = &room.polygon;
    if !room.wall_thickness_mm.is_empty() && room.wall_thickness_mm.len() != polygon.len() {
        return Err(why(
            "壁厚が辺ごとに 1 つずつありません",
            "wall_thickness_mm does not have one entry per edge",
        ));
    }
    let (outer, hole, areas) = rings(polygon)?;
    let (pieces, cut_line) = match areas {
        None => ([outer, hole], None),
        Some((outer_area, hole_area)) => {
            let cut = choose_cut(room, storey, &outer, &hole)?;
            let start = if cut.from_hole {
                hole[cut.from].0
            } else {
                outer[cut.from].0
            };
            let pieces = cut_ring(outer, hole, cut);
            for piece in &pieces {
                let pts = points(piece);
                if pts.len() < 3
                    || geometry::signed_area_twice_mm2(&pts) == 0
                    || geometry::first_self_intersection(&pts).is_some()
                {
                    return Err(why(
                        "切断した結果が 2 つの単純な多角形になりません",
                        "cutting it does not give two simple polygons",
                    ));
                }
            }
            let areas = pieces
                .each_ref()
                .map(|p| geometry::signed_area_twice_mm2(&points(p)).abs());
            let expected = outer_area.abs() - hole_area.abs();
            if areas[0] + areas[1] != expected {
                let half = |a: i128| a as f64 / 2.0;
                return Err(why(
                    format!(
                        "切断した 2 つの面積 ({} + {} mm²) が外周 − 穴 ({} mm²) と一致しません",
                        half(areas[0]),
                        half(areas[1]),
                        half(expected)
                    ),
                    format!(
                        "the two pieces' areas ({} + {} mm²) differ from the outer ring's minus the hole's ({} mm²)",
                        half(areas[0]),
                        half(areas[1]),
                        half(expected)
                    ),
                ));
            }
            (pieces, Some((start, cut.point)))
        }
    };
    Ok(apply_split(
        path, room, storey, origins, pieces, cut_line, ids,
    ))
}

/// The two loops of an outline that visits one vertex twice, each starting at that vertex:
/// `(outer, hole, Some((outer area, hole area)))` with the hole running the other way round,
/// or `(first, second, None)` when the loops lie side by side.
#[allow(clippy::type_complexity)]
fn rings(polygon: &[PointMm]) -> Result<(Ring, Ring, Option<(i128, i128)>), Why> {
    let n = polygon.len();
    let mut visits: HashMap<PointMm, Vec<usize>> = HashMap::new();
    for (i, p) in polygon.iter().enumerate() {
        visits.entry(*p).or_default().push(i);
    }
    let repeated: Vec<&Vec<usize>> = visits.values().filter(|v| v.len() > 1).collect();
    let [twice] = repeated.as_slice() else {
        return Err(why(
            "2 回通る頂点が 2 つ以上あります",
            "more than one vertex is visited twice",
        ));
    };
    let &[i, j] = twice.as_slice() else {
        return Err(why(
            "3 回以上通る頂点があります",
            "a vertex is visited more than twice",
        ));
    };
    let whole = |k: usize| {
        let (a, b) = (polygon[k], polygon[(k + 1) % n]);
        let source = Source {
            edge: k,
            from_mm: 0.0,
            to_mm: geometry::distance_mm(a, b),
        };
        (a, Some(source))
    };
    let first: Ring = (i..j).map(whole).collect();
    let second: Ring = (j..n).chain(0..i).map(whole).collect();
    if first.len() < 3 || second.len() < 3 {
        return Err(why(
            "同じ頂点で分けた輪の一方の頂点が 3 つ未満です (とげ状の外形)",
            "one of the two loops at the repeated vertex has fewer than 3 vertices (a spike)",
        ));
    }
    let (pa, pb) = (points(&first), points(&second));
    let (area_a, area_b) = (
        geometry::signed_area_twice_mm2(&pa),
        geometry::signed_area_twice_mm2(&pb),
    );
    for (pts, area) in [(&pa, area_a), (&pb, area_b)] {
        if area == 0 || geometry::first_self_intersection(pts).is_some() {
            return Err(why(
                "同じ頂点で分けた輪の一方が単純な多角形ではありません",
                "one of the two loops at the repeated vertex is not a simple polygon",
            ));
        }
    }
    loops_meet_only_at(polygon[i], &pa, &pb)?;
    // The loops meet only at the shared vertex, so each lies wholly inside or outside the
    // other: one vertex besides the shared one tells which.
    let opposite = |outer: i128, hole: Ring, hole_area: i128| {
        if outer.signum() == hole_area.signum() {
            reversed(hole)
        } else {
            hole
        }
    };
    if geometry::locate(&pa, pb[1]) == Location::Inside {
        Ok((
            first,
            opposite(area_a, second, area_b),
            Some((area_a, area_b)),
        ))
    } else if geometry::locate(&pb, pa[1]) == Location::Inside {
        Ok((
            second,
            opposite(area_b, first, area_a),
            Some((area_b, area_a)),
        ))
    } else {
        Ok((first, second, None))
    }
}

/// Checks that two loops sharing vertex `p` touch nowhere else and share no wall.
fn loops_meet_only_at(p: PointMm, a: &[PointMm], b: &[PointMm]) -> Result<(), Why> {
    let edges = |pts: &[PointMm]| -> Vec<(PointMm, PointMm)> {
        (0..pts.len())
            .map(|k| (pts[k], pts[(k + 1) % pts.len()]))
            .collect()
    };
    let other_end = |(s, e): (PointMm, PointMm)| {
        if s == p {
            Some(e)
        } else if e == p {
            Some(s)
        } else {
            None
        }
    };
    let (edges_a, edges_b) = (edges(a), edges(b));
    for &(a1, a2) in &edges_a {
        for &(b1, b2) in &edges_b {
            let apart = a1.x.max(a2.x) < b1.x.min(b2.x)
                || b1.x.max(b2.x) < a1.x.min(a2.x)
                || a1.y.max(a2.y) < b1.y.min(b2.y)
                || b1.y.max(b2.y) < a1.y.min(a2.y);
            if apart || !geometry::segments_intersect(a1, a2, b1, b2) {
                continue;
            }
            let (Some(oa), Some(ob)) = (other_end((a1, a2)), other_end((b1, b2))) else {
                return Err(why(
                    "同じ頂点で分けた 2 つの輪が、その頂点以外でも交わるか接しています",
                    "the two loops at the repeated vertex cross or touch somewhere else too",
                ));
            };
            let dot = i128::from(oa.x - p.x) * i128::from(ob.x - p.x)
                + i128::from(oa.y - p.y) * i128::from(ob.y - p.y);
            if geometry::orientation(p, oa, ob) == 0 && dot > 0 {
                return Err(why(
                    "同じ頂点で分けた 2 つの輪が壁を共有しています",
                    "the two loops at the repeated vertex share a wall",
                ));
            }
        }
    }
    Ok(())
}

/// The same loop run the other way round, still starting at its first vertex.
fn reversed(ring: Ring) -> Ring {
    let k = ring.len();
    (0..k)
        .map(|t| {
            let v = if t == 0 { 0 } else { k - t };
            // The edge arriving at `v` in the old order leaves it in the new one.
            let source = ring[(v + k - 1) % k].1.map(|s| Source {
                edge: s.edge,
                from_mm: s.to_mm,
                to_mm: s.from_mm,
            });
            (ring[v].0, source)
        })
        .collect()
}

/// The cut to use: preferably one that crosses no opening of the room, then the shortest.
fn choose_cut(room: &Room, storey: &Storey, outer: &Ring, hole: &Ring) -> Result<Cut, Why> {
    let crosses = |cut: &Cut| -> bool {
        let target = if cut.from_hole { outer } else { hole };
        let (start, source) = target[cut.to];
        let Some(source) = source.filter(|_| cut.inside_edge) else {
            return false;
        };
        let along = source.from_mm
            + (source.to_mm - source.from_mm).signum() * geometry::distance_mm(start, cut.point);
        storey.openings.iter().any(|o| {
            o.room == room.id
                && o.edge == source.edge
                && f64::from(o.offset_mm) < along
                && along < f64::from(o.offset_mm) + f64::from(o.width_mm)
        })
    };
    // The first of the shortest cuts that cross nothing, else the first of the shortest.
    cuts(outer, hole)
        .into_iter()
        .min_by_key(|c| (crosses(c), c.length_mm))
        .ok_or_else(|| {
        why(
            "穴の頂点から外周へ (または外周の頂点から穴へ)、端が mm の整数になる水平・垂直の切断線が見つかりません",
            "no horizontal or vertical cut with whole-millimetre ends joins a vertex of the hole to the outer ring (or a vertex of the outer ring to the hole)",
        )
    })
}

/// Every horizontal or vertical cut through the region from a vertex of the hole to the
/// outer ring; when there is none, from a vertex of the outer ring to the hole.
fn cuts(outer: &Ring, hole: &Ring) -> Vec<Cut> {
    // Rings at twice the scale, to locate the midpoint of a cut exactly.
    let doubled = |ring: &Ring| -> Vec<PointMm> {
        ring.iter()
            .map(|(p, _)| PointMm::new(p.x * 2, p.y * 2))
            .collect()
    };
    let (outer2, hole2) = (doubled(outer), doubled(hole));
    let mut found = Vec::new();
    for from_hole in [true, false] {
        let start_ring = if from_hole { hole } else { outer };
        for (from, &(start, _)) in start_ring
            .iter()
            .enumerate()
            .take(MAX_CUT_STARTS + 1)
            .skip(1)
        {
            for direction in [(-1, 0), (1, 0), (0, -1), (0, 1)] {
                let cut = cast(start, direction, outer, hole).and_then(|hit| {
                    let cut = Cut {
                        from_hole,
                        from,
                        ..hit
                    };
                    let ends_on_other = hit.from_hole != from_hole;
                    let mid = PointMm::new(start.x + hit.point.x, start.y + hit.point.y);
                    let through_region = geometry::locate(&outer2, mid) == Location::Inside
                        && geometry::locate(&hole2, mid) == Location::Outside;
                    (ends_on_other && through_region).then_some(cut)
                });
                found.extend(cut);
            }
        }
        if !found.is_empty() {
            break;
        }
    }
    found
}

/// The first point where a ray from vertex `v` along `direction` (a unit axis vector) meets
/// the rings, if it is a whole-millimetre point of one ring only, other than the shared
/// vertex. The result's `from_hole` tells which ring it ends on (the caller fills `from`).
/// A ray that runs along a wall from `v` gives nothing.
fn cast(v: PointMm, direction: (i64, i64), outer: &Ring, hole: &Ring) -> Option<Cut> {
    let horizontal = direction.0 != 0;
    let along = |p: PointMm| -> i128 {
        i128::from(if horizontal {
            p.x * direction.0
        } else {
            p.y * direction.1
        })
    };
    let across = |p: PointMm| -> i128 { i128::from(if horizontal { p.y } else { p.x }) };
    let (vu, vw) = (along(v), across(v));
    // The nearest hit as the fraction num / den (den > 0) of the distance along the ray, and
    // every (on the hole, edge position) that reaches it.
    let mut best: Option<(i128, i128)> = None;
    let mut hits: Vec<(bool, usize)> = Vec::new();
    for (on_hole, ring) in [(false, outer), (true, hole)] {
        let len = ring.len();
        for k in 0..len {
            let (a, b) = (ring[k].0, ring[(k + 1) % len].0);
            if a == v || b == v {
                let other = if a == v { b } else { a };
                if across(other) == vw && along(other) > vu {
                    return None;
                }
                continue;
            }
            let (au, aw, bu, bw) = (along(a), across(a), along(b), across(b));
            let (num, den) = if aw == vw && bw == vw {
                if au <= vu && bu <= vu {
                    continue;
                }
                if au <= vu || bu <= vu {
                    // The wall runs through the start of the ray.
                    return None;
                }
                (au.min(bu) - vu, 1)
            } else if (aw - vw).signum() * (bw - vw).signum() > 0 {
                continue;
            } else {
                let den = bw - aw;
                let num = au * den + (vw - aw) * (bu - au) - vu * den;
                let (num, den) = if den < 0 { (-num, -den) } else { (num, den) };
                if num <= 0 {
                    continue;
                }
                (num, den)
            };
            match best {
                Some((bn, bd)) if num * bd > bn * den => {}
                Some((bn, bd)) if num * bd == bn * den => hits.push((on_hole, k)),
                _ => {
                    best = Some((num, den));
                    hits.clear();
                    hits.push((on_hole, k));
                }
            }
        }
    }
    let (num, den) = best?;
    if num % den != 0 {
        return None;
    }
    let t = num / den;
    let u = vu + t;
    let point = if horizontal {
        PointMm::new(i64::try_from(u * i128::from(direction.0)).ok()?, v.y)
    } else {
        PointMm::new(v.x, i64::try_from(u * i128::from(direction.1)).ok()?)
    };
    let on_hole = hits[0].0;
    if hits.iter().any(|h| h.0 != on_hole) || point == outer[0].0 {
        return None;
    }
    let ring = if on_hole { hole } else { outer };
    let (to, inside_edge) = match ring.iter().position(|(p, _)| *p == point) {
        Some(vertex) => (vertex, false),
        None => (hits[0].1, true),
    };
    Some(Cut {
        from_hole: on_hole,
        from: 0,
        to,
        inside_edge,
        point,
        length_mm: i64::try_from(t).ok()?,
    })
}

/// Inserts `point` into the edge leaving vertex `k`; returns its index.
fn insert(ring: &mut Ring, k: usize, point: PointMm) -> usize {
    let (start, source) = ring[k];
    let (first, second) = match source {
        Some(s) => {
            let at =
                s.from_mm + (s.to_mm - s.from_mm).signum() * geometry::distance_mm(start, point);
            (
                Some(Source { to_mm: at, ..s }),
                Some(Source { from_mm: at, ..s }),
            )
        }
        None => (None, None),
    };
    ring[k].1 = first;
    ring.insert(k + 1, (point, second));
    k + 1
}

/// Cuts the region between the outer ring and the hole (running the other way round, both
/// starting at the shared vertex) along `cut` into two loops.
fn cut_ring(mut outer: Ring, mut hole: Ring, cut: Cut) -> [Ring; 2] {
    let target = if cut.from_hole { &mut outer } else { &mut hole };
    let end = if cut.inside_edge {
        insert(target, cut.to, cut.point)
    } else {
        cut.to
    };
    let (s, v) = if cut.from_hole {
        (end, cut.from)
    } else {
        (cut.from, end)
    };
    // Each piece: one arc of each ring between the shared vertex and the cut, closed by the
    // cut (an edge with no source).
    let close = |mut ring: Ring| {
        if let Some(last) = ring.last_mut() {
            last.1 = None;
        }
        ring
    };
    let first = outer[s..].iter().chain(&hole[..=v]).copied().collect();
    let second = hole[v..].iter().chain(&outer[..=s]).copied().collect();
    [close(first), close(second)]
}

/// Makes the two rooms of a split and moves the openings and fixtures to them.
fn apply_split(
    path: &str,
    room: &Room,
    storey: &Storey,
    (opening_origins, fixture_origins): (&[usize], &[usize]),
    pieces: [Ring; 2],
    cut_line: Option<(PointMm, PointMm)>,
    ids: &mut HashSet<String>,
) -> Split {
    let fresh = (2..)
        .map(|k| format!("{}-{k}", room.id))
        .find(|id| !ids.contains(id))
        .unwrap_or_default();
    ids.insert(fresh.clone());
    let mut rooms = [0, 1].map(|k| {
        let mut piece = room.clone();
        piece.name = format!("{}({})", room.name, k + 1);
        piece.polygon = points(&pieces[k]);
        if !room.wall_thickness_mm.is_empty() {
            piece.wall_thickness_mm = pieces[k]
                .iter()
                .map(|(_, source)| {
                    source.and_then(|s| room.wall_thickness_mm.get(s.edge).copied().flatten())
                })
                .collect();
        }
        piece
    });
    rooms[1].id = fresh;
    rooms[1].occupancy = None;
    let shared = repeated_vertex(&room.polygon).unwrap_or_default();
    let (ja, en) = match cut_line {
        Some((a, b)) => (
            format!(
                "部屋「{}」は中庭を囲む輪の形で、外形が頂点 ({}, {}) を 2 回通ります。部屋は穴を持てないので、({}, {})–({}, {}) で",
                room.name, shared.x, shared.y, a.x, a.y, b.x, b.y
            ),
            format!(
                "room \"{}\" is a ring around a core, its outline visiting ({}, {}) twice; rooms have no holes, so it was split along ({}, {})–({}, {}) into",
                room.name, shared.x, shared.y, a.x, a.y, b.x, b.y
            ),
        ),
        None => (
            format!(
                "部屋「{}」の外形は頂点 ({}, {}) で接する 2 つの輪なので",
                room.name, shared.x, shared.y
            ),
            format!(
                "room \"{}\" is two outlines touching at ({}, {}), so it was split into",
                room.name, shared.x, shared.y
            ),
        ),
    };
    let kept = if room.occupancy.is_some() {
        (
            "。入居者は (1) に残しました",
            "; its occupancy stays with (1)",
        )
    } else {
        ("", "")
    };
    let mut repairs = vec![Repair::new(
        path.to_owned(),
        RepairKind::RoomSplit,
        format!(
            "{ja}「{}」(id {}) と「{}」(id {}) に分けました{}",
            rooms[0].name, rooms[0].id, rooms[1].name, rooms[1].id, kept.0
        ),
        format!(
            "{en} \"{}\" (id {}) and \"{}\" (id {}){}",
            rooms[0].name, rooms[0].id, rooms[1].name, rooms[1].id, kept.1
        ),
    )];

    let mut openings = Vec::with_capacity(storey.openings.len());
    let mut origins = Vec::with_capacity(storey.openings.len());
    for (opening, &o) in storey.openings.iter().zip(opening_origins) {
        let path = format!(
            "{}.openings[{o}]",
            path.split(".rooms[").next().unwrap_or("")
        );
        if opening.room != room.id || opening.edge >= room.polygon.len() {
            openings.push(opening.clone());
            origins.push(o);
            continue;
        }
        let (near, far) = (
            f64::from(opening.offset_mm),
            f64::from(opening.offset_mm) + f64::from(opening.width_mm),
        );
        let place = pieces.iter().enumerate().find_map(|(k, piece)| {
            piece.iter().enumerate().find_map(|(e, (_, source))| {
                let s = source.filter(|s| s.edge == opening.edge)?;
                let (lo, hi) = s.span();
                (near >= lo - 0.5 && far <= hi + 0.5).then(|| {
                    let offset = if s.from_mm <= s.to_mm {
                        near - s.from_mm
                    } else {
                        s.from_mm - far
                    };
                    // Whole millimetres towards the edge's start, so the opening still fits.
                    (k, e, offset.max(0.0).floor() as u32)
                })
            })
        });
        let Some((k, edge, offset_mm)) = place else {
            repairs.push(Repair::new(
                path,
                RepairKind::OpeningRemoved,
                format!(
                    "開口 \"{}\" は部屋を分ける線が横切るので削除しました",
                    opening.id
                ),
                format!(
                    "removed opening \"{}\": the cut splitting its room crosses it",
                    opening.id
                ),
            ));
            continue;
        };
        let mut moved = opening.clone();
        moved.room.clone_from(&rooms[k].id);
        moved.edge = edge;
        moved.offset_mm = offset_mm;
        if moved != *opening {
            repairs.push(Repair::new(
                path,
                RepairKind::OpeningMoved,
                format!(
                    "開口 \"{}\" は「{}」の辺 {edge} (位置 {offset_mm} mm) に移りました (部屋を分けたため)",
                    opening.id, rooms[k].name
                ),
                format!(
                    "opening \"{}\" is now on edge {edge} of \"{}\" at {offset_mm} mm (its room was split)",
                    opening.id, rooms[k].name
                ),
            ));
        }
        openings.push(moved);
        origins.push(o);
    }

    let storey_path = path.split(".rooms[").next().unwrap_or("");
    let range = -MAX_COORDINATE_MM..=MAX_COORDINATE_MM;
    let mut fixtures = storey.fixtures.clone();
    for (f, fixture) in fixtures.iter_mut().enumerate() {
        let at = fixture.at;
        if fixture.room != room.id || !range.contains(&at.x) || !range.contains(&at.y) {
            continue;
        }
        let in_first = geometry::locate(&rooms[0].polygon, at) != Location::Outside;
        if !in_first && geometry::locate(&rooms[1].polygon, at) != Location::Outside {
            fixture.room.clone_from(&rooms[1].id);
            repairs.push(Repair::new(
                format!(
                    "{storey_path}.fixtures[{}]",
                    fixture_origins.get(f).unwrap_or(&f)
                ),
                RepairKind::FixtureMoved,
                format!(
                    "設備 \"{}\" は「{}」に移りました (部屋を分けたため)",
                    fixture.id, rooms[1].name
                ),
                format!(
                    "fixture \"{}\" is now in \"{}\" (its room was split)",
                    fixture.id, rooms[1].name
                ),
            ));
        }
    }
    Split {
        rooms,
        openings,
        opening_origins: origins,
        fixtures,
        repairs,
    }
}
