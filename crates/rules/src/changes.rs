//! What changes from one state of a dwelling to another (現況 → 計画案): the list a
//! presenter reads out and the app draws (removed walls dashed, new walls hatched).
//!
//! [`change_list`] compares two validated plans storey by storey (matched by storey id) and
//! element by element (matched by id, which [`Plan::variants`] keeps where an element
//! persists). Rooms:
//!
//! * **split**: a room whose id survives with a smaller area, its new outline inside its old
//!   one, plus rooms new to the storey lying inside its old outline;
//! * **merged**: the reverse, a room whose id survives with a larger area, its old outline
//!   inside its new one, plus rooms gone from the storey whose old outlines lie inside it;
//! * otherwise **added**, **removed**, **resized** (壁芯 ㎡ before and after), **moved** (the
//!   same outline shifted) or **reshaped** (another outline of the same area); and,
//!   independently, **renamed**, **use changed** (kind) and **occupancy changed**.
//!
//! Outlines compare as point sets: a vertex added in the middle of a straight wall (the
//! editor inserts one where a neighbour's wall moves) is no change. "Inside" is decided with
//! the exact integer predicates of [`madori_plan::geometry`], never with float areas.
//!
//! Doors, windows and fixtures are added, removed or changed (moved, resized, their data),
//! each with its room. Walls are the union of the storey's room edges (壁芯), collinear
//! edges joined; a wall segment of `before` not covered in `after` is **removed**, one of
//! `after` not covered in `before` is **added**, in exact integer millimetres.
//!
//! Each change has Japanese and English words. Areas print with [`crate::numbers::area`]
//! under the rounding `after`'s check settings choose, as the rest of the app prints them.

use crate::area::{edge_span, wall_centre_area_m2, LineKey};
use crate::numbers;
use madori_plan::geometry::{locate, orientation, signed_area_twice_mm2, Location};
use madori_plan::{
    DoorOperation, Fixture, FixtureKind, Occupancy, Opening, OpeningKind, Plan, PointMm, Room,
    RoomKind, Storey,
};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Every change from one state to another, in reading order: per storey (those of `after`
/// in order, then storeys removed), rooms in plan order, then openings, fixtures and walls.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChangeList {
    /// The changes.
    pub changes: Vec<Change>,
}

impl ChangeList {
    /// Whether the two states are the same (as far as the list tells).
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Number of changes.
    pub fn len(&self) -> usize {
        self.changes.len()
    }

    /// Ids of every room some change is about, each once, in list order.
    pub fn rooms(&self) -> Vec<&str> {
        let mut seen = HashSet::new();
        self.changes
            .iter()
            .flat_map(Change::rooms)
            .filter(|id| seen.insert(*id))
            .collect()
    }
}

/// One change, with its words.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The storey's id (in `after`; in `before` for a storey that is gone).
    pub storey: String,
    /// What changed.
    pub kind: ChangeKind,
    /// Japanese words, e.g. `個室A を分割: 9.93 ㎡ → 4.96 ㎡、新しい部屋 個室D 4.96 ㎡`.
    pub ja: String,
    /// English words.
    pub en: String,
}

impl Change {
    /// Ids of the rooms this change is about (the room of an opening or fixture included).
    pub fn rooms(&self) -> Vec<&str> {
        use ChangeKind::*;
        match &self.kind {
            StoreyAdded | StoreyRemoved | WallRemoved { .. } | WallAdded { .. } => Vec::new(),
            RoomAdded { room }
            | RoomRemoved { room }
            | RoomResized { room, .. }
            | RoomMoved { room, .. }
            | RoomReshaped { room, .. }
            | RoomRenamed { room, .. }
            | UseChanged { room, .. }
            | OccupancyChanged { room, .. }
            | OpeningAdded { room, .. }
            | OpeningRemoved { room, .. }
            | OpeningChanged { room, .. }
            | FixtureAdded { room, .. }
            | FixtureRemoved { room, .. }
            | FixtureChanged { room, .. } => vec![room.as_str()],
            RoomSplit { room, into, .. } => std::iter::once(room.as_str())
                .chain(into.iter().map(|p| p.id.as_str()))
                .collect(),
            RoomsMerged { room, from, .. } => std::iter::once(room.as_str())
                .chain(from.iter().map(|p| p.id.as_str()))
                .collect(),
        }
    }
}

/// A room taking part in a split or merge, with its 壁芯 area (after a split, before a
/// merge).
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    /// Room id.
    pub id: String,
    /// Wall-centre area, ㎡.
    pub area_m2: f64,
}

/// What changed. Room, opening and fixture fields are ids.
#[derive(Clone, Debug, PartialEq)]
pub enum ChangeKind {
    /// A storey new in `after` (its rooms and walls are listed as added).
    StoreyAdded,
    /// A storey of `before` gone from `after` (its rooms and walls are listed as removed).
    StoreyRemoved,
    /// A room new to the storey.
    RoomAdded {
        /// Room id.
        room: String,
    },
    /// A room gone from the storey.
    RoomRemoved {
        /// Room id.
        room: String,
    },
    /// `room` kept its id and became smaller; the rooms `into`, new to the storey, lie inside
    /// its old outline.
    RoomSplit {
        /// The room that keeps its id.
        room: String,
        /// Its 壁芯 area before, ㎡.
        before_m2: f64,
        /// Its 壁芯 area after, ㎡.
        after_m2: f64,
        /// The new rooms, in `after`'s order.
        into: Vec<Piece>,
    },
    /// `room` kept its id and became larger; the rooms `from`, gone from the storey, lay
    /// inside its new outline.
    RoomsMerged {
        /// The room that keeps its id.
        room: String,
        /// Its 壁芯 area before, ㎡.
        before_m2: f64,
        /// Its 壁芯 area after, ㎡.
        after_m2: f64,
        /// The rooms that joined it, in `before`'s order.
        from: Vec<Piece>,
    },
    /// The room's 壁芯 area changed.
    RoomResized {
        /// Room id.
        room: String,
        /// Area before, ㎡.
        before_m2: f64,
        /// Area after, ㎡.
        after_m2: f64,
    },
    /// The same outline, shifted.
    RoomMoved {
        /// Room id.
        room: String,
        /// The shift, mm.
        by: PointMm,
    },
    /// Another outline of the same area.
    RoomReshaped {
        /// Room id.
        room: String,
        /// The (unchanged) area, ㎡.
        area_m2: f64,
    },
    /// The room's name changed.
    RoomRenamed {
        /// Room id.
        room: String,
        /// Name before.
        before: String,
        /// Name after.
        after: String,
    },
    /// The room's use (kind) changed.
    UseChanged {
        /// Room id.
        room: String,
        /// Kind before.
        before: RoomKind,
        /// Kind after.
        after: RoomKind,
    },
    /// Who lives in the room changed.
    OccupancyChanged {
        /// Room id.
        room: String,
        /// Occupancy before.
        before: Option<Occupancy>,
        /// Occupancy after.
        after: Option<Occupancy>,
    },
    /// A door or window new to the storey.
    OpeningAdded {
        /// Opening id.
        opening: String,
        /// Its room.
        room: String,
    },
    /// A door or window gone from the storey.
    OpeningRemoved {
        /// Opening id.
        opening: String,
        /// Its room (in `before`).
        room: String,
    },
    /// A door or window kept but moved, resized or with other data.
    OpeningChanged {
        /// Opening id.
        opening: String,
        /// Its room (in `after`).
        room: String,
    },
    /// A fixture new to the storey.
    FixtureAdded {
        /// Fixture id.
        fixture: String,
        /// Its room.
        room: String,
    },
    /// A fixture gone from the storey.
    FixtureRemoved {
        /// Fixture id.
        fixture: String,
        /// Its room (in `before`).
        room: String,
    },
    /// A fixture kept but moved or with other data.
    FixtureChanged {
        /// Fixture id.
        fixture: String,
        /// Its room (in `after`).
        room: String,
    },
    /// A stretch of wall centre line of `before` that `after` does not have.
    WallRemoved {
        /// One end, mm.
        from: PointMm,
        /// The other end, mm.
        to: PointMm,
    },
    /// A stretch of wall centre line of `after` that `before` did not have.
    WallAdded {
        /// One end, mm.
        from: PointMm,
        /// The other end, mm.
        to: PointMm,
    },
}

/// The changes from `before` to `after` (both validated; see the module docs).
pub fn change_list(before: &Plan, after: &Plan) -> ChangeList {
    let rounding = crate::profile::resolve(after.check.as_ref(), after)
        .profile
        .rounding();
    numbers::with_rounding(rounding, || {
        let mut out = Vec::new();
        let empty = |s: &Storey| Storey {
            rooms: Vec::new(),
            openings: Vec::new(),
            fixtures: Vec::new(),
            ..s.clone()
        };
        let old_by_id: HashMap<&str, &Storey> =
            before.storeys.iter().map(|s| (s.id.as_str(), s)).collect();
        let new_ids: HashSet<&str> = after.storeys.iter().map(|s| s.id.as_str()).collect();
        for storey in &after.storeys {
            match old_by_id.get(storey.id.as_str()) {
                Some(old) => storey_changes(old, storey, &mut out),
                None => {
                    out.push(Change {
                        storey: storey.id.clone(),
                        kind: ChangeKind::StoreyAdded,
                        ja: format!("階 {} を追加", storey.name),
                        en: format!("storey {} added", storey.name),
                    });
                    storey_changes(&empty(storey), storey, &mut out);
                }
            }
        }
        for storey in before
            .storeys
            .iter()
            .filter(|s| !new_ids.contains(s.id.as_str()))
        {
            out.push(Change {
                storey: storey.id.clone(),
                kind: ChangeKind::StoreyRemoved,
                ja: format!("階 {} を撤去", storey.name),
                en: format!("storey {} removed", storey.name),
            });
            storey_changes(storey, &empty(storey), &mut out);
        }
        ChangeList { changes: out }
    })
}

/// The changes on one storey (`new.id` names it).
fn storey_changes(old: &Storey, new: &Storey, out: &mut Vec<Change>) {
    let at = |kind: ChangeKind, ja: String, en: String| Change {
        storey: new.id.clone(),
        kind,
        ja,
        en,
    };
    let old_rooms: HashMap<&str, &Room> = old.rooms.iter().map(|r| (r.id.as_str(), r)).collect();
    let new_rooms: HashMap<&str, &Room> = new.rooms.iter().map(|r| (r.id.as_str(), r)).collect();
    let added: Vec<&Room> = new
        .rooms
        .iter()
        .filter(|r| !old_rooms.contains_key(r.id.as_str()))
        .collect();
    let removed: Vec<&Room> = old
        .rooms
        .iter()
        .filter(|r| !new_rooms.contains_key(r.id.as_str()))
        .collect();
    // Added rooms that are pieces of a split and removed rooms that joined a merge are told
    // with it, not again on their own.
    let mut claimed: HashSet<&str> = HashSet::new();
    for room in &new.rooms {
        let Some(was) = old_rooms.get(room.id.as_str()) else {
            continue;
        };
        let name = &room.name;
        let (a0, a1) = (area2(&was.polygon), area2(&room.polygon));
        let (m0, m1) = (
            wall_centre_area_m2(&was.polygon),
            wall_centre_area_m2(&room.polygon),
        );
        let (s0, s1) = (numbers::area(m0), numbers::area(m1));
        let split = if a1 < a0 && within(&room.polygon, &was.polygon) {
            pieces(&added, &was.polygon, &claimed)
        } else {
            Vec::new()
        };
        let merged = if a1 > a0 && within(&was.polygon, &room.polygon) {
            pieces(&removed, &room.polygon, &claimed)
        } else {
            Vec::new()
        };
        if !split.is_empty() {
            claimed.extend(split.iter().map(|p| p.0));
            let listed = |sep: &str| {
                split
                    .iter()
                    .map(|(_, n, m)| format!("{n} {} ㎡", numbers::area(*m)))
                    .collect::<Vec<_>>()
                    .join(sep)
            };
            out.push(at(
                ChangeKind::RoomSplit {
                    room: room.id.clone(),
                    before_m2: m0,
                    after_m2: m1,
                    into: split.iter().map(|&(id, _, m)| piece(id, m)).collect(),
                },
                format!(
                    "{name} を分割: {s0} ㎡ → {s1} ㎡、新しい部屋 {}（壁芯）",
                    listed("、")
                ),
                format!(
                    "{name} split: {s0} ㎡ → {s1} ㎡, new {} (wall centre)",
                    listed(", ")
                ),
            ));
        } else if !merged.is_empty() {
            claimed.extend(merged.iter().map(|p| p.0));
            let names = |sep: &str| {
                merged
                    .iter()
                    .map(|(_, n, _)| *n)
                    .collect::<Vec<_>>()
                    .join(sep)
            };
            out.push(at(
                ChangeKind::RoomsMerged {
                    room: room.id.clone(),
                    before_m2: m0,
                    after_m2: m1,
                    from: merged.iter().map(|&(id, _, m)| piece(id, m)).collect(),
                },
                format!(
                    "{} を {name} に統合: {s0} ㎡ → {s1} ㎡（壁芯）",
                    names("・")
                ),
                format!(
                    "{} merged into {name}: {s0} ㎡ → {s1} ㎡ (wall centre)",
                    names(", ")
                ),
            ));
        } else if a0 != a1 {
            out.push(at(
                ChangeKind::RoomResized {
                    room: room.id.clone(),
                    before_m2: m0,
                    after_m2: m1,
                },
                format!("{name} の面積: {s0} ㎡ → {s1} ㎡（壁芯）"),
                format!("{name}: {s0} ㎡ → {s1} ㎡ (wall centre)"),
            ));
        } else {
            let (c0, c1) = (canonical(&was.polygon), canonical(&room.polygon));
            if c0 != c1 {
                match shift(&c0, &c1) {
                    Some(by) => out.push(at(
                        ChangeKind::RoomMoved {
                            room: room.id.clone(),
                            by,
                        },
                        format!("{name} を移動 ({}, {}) mm", by.x, by.y),
                        format!("{name} moved by ({}, {}) mm", by.x, by.y),
                    )),
                    None => out.push(at(
                        ChangeKind::RoomReshaped {
                            room: room.id.clone(),
                            area_m2: m1,
                        },
                        format!("{name} の形を変更（面積は {s1} ㎡ のまま）"),
                        format!("{name} reshaped (still {s1} ㎡)"),
                    )),
                }
            }
        }
        if was.name != room.name {
            out.push(at(
                ChangeKind::RoomRenamed {
                    room: room.id.clone(),
                    before: was.name.clone(),
                    after: room.name.clone(),
                },
                format!("室名: {} → {}", was.name, room.name),
                format!("renamed: {} → {}", was.name, room.name),
            ));
        }
        if was.kind != room.kind {
            let (k0, k1) = (kind_words(was.kind), kind_words(room.kind));
            out.push(at(
                ChangeKind::UseChanged {
                    room: room.id.clone(),
                    before: was.kind,
                    after: room.kind,
                },
                format!("{name} の用途: {} → {}", k0.0, k1.0),
                format!("{name} use: {} → {}", k0.1, k1.1),
            ));
        }
        if was.occupancy != room.occupancy {
            let (o0, o1) = (
                occupancy_words(was.occupancy.as_ref()),
                occupancy_words(room.occupancy.as_ref()),
            );
            out.push(at(
                ChangeKind::OccupancyChanged {
                    room: room.id.clone(),
                    before: was.occupancy.clone(),
                    after: room.occupancy.clone(),
                },
                format!("{name} の入居: {} → {}", o0.0, o1.0),
                format!("{name} occupancy: {} → {}", o0.1, o1.1),
            ));
        }
    }
    for room in added.iter().filter(|r| !claimed.contains(r.id.as_str())) {
        let area = numbers::area(wall_centre_area_m2(&room.polygon));
        let kind = kind_words(room.kind);
        out.push(at(
            ChangeKind::RoomAdded {
                room: room.id.clone(),
            },
            format!("{} を新設（{}、{area} ㎡）", room.name, kind.0),
            format!("{} added ({}, {area} ㎡)", room.name, kind.1),
        ));
    }
    for room in removed.iter().filter(|r| !claimed.contains(r.id.as_str())) {
        let area = numbers::area(wall_centre_area_m2(&room.polygon));
        out.push(at(
            ChangeKind::RoomRemoved {
                room: room.id.clone(),
            },
            format!("{} を撤去（{area} ㎡）", room.name),
            format!("{} removed ({area} ㎡)", room.name),
        ));
    }
    openings(old, new, &old_rooms, &new_rooms, out);
    fixtures(old, new, &old_rooms, &new_rooms, out);
    walls(old, new, out);
}

/// The rooms among `candidates` not yet `claimed` that lie inside `outer`: id, name, area.
fn pieces<'a>(
    candidates: &[&'a Room],
    outer: &[PointMm],
    claimed: &HashSet<&str>,
) -> Vec<(&'a str, &'a str, f64)> {
    candidates
        .iter()
        .filter(|c| !claimed.contains(c.id.as_str()) && within(&c.polygon, outer))
        .map(|c| {
            (
                c.id.as_str(),
                c.name.as_str(),
                wall_centre_area_m2(&c.polygon),
            )
        })
        .collect()
}

fn piece(id: &str, area_m2: f64) -> Piece {
    Piece {
        id: id.to_owned(),
        area_m2,
    }
}

/// A room's name for the words (its id when the room is not found).
fn room_name<'a>(rooms: &HashMap<&str, &'a Room>, id: &'a str) -> &'a str {
    rooms.get(id).map_or(id, |r| r.name.as_str())
}

fn openings(
    old: &Storey,
    new: &Storey,
    old_rooms: &HashMap<&str, &Room>,
    new_rooms: &HashMap<&str, &Room>,
    out: &mut Vec<Change>,
) {
    let before: HashMap<&str, &Opening> = old.openings.iter().map(|o| (o.id.as_str(), o)).collect();
    let after: HashSet<&str> = new.openings.iter().map(|o| o.id.as_str()).collect();
    let what = |o: &Opening| match o.kind {
        OpeningKind::Door { .. } => ("扉", "door"),
        OpeningKind::Window { .. } => ("窓", "window"),
    };
    let change = |kind: ChangeKind, ja: String, en: String| Change {
        storey: new.id.clone(),
        kind,
        ja,
        en,
    };
    for o in old
        .openings
        .iter()
        .filter(|o| !after.contains(o.id.as_str()))
    {
        let (w, room) = (what(o), room_name(old_rooms, &o.room));
        out.push(change(
            ChangeKind::OpeningRemoved {
                opening: o.id.clone(),
                room: o.room.clone(),
            },
            format!("{room} の{} {} を撤去", w.0, o.id),
            format!("{} {} of {room} removed", w.1, o.id),
        ));
    }
    for o in &new.openings {
        let (w, room) = (what(o), room_name(new_rooms, &o.room));
        match before.get(o.id.as_str()) {
            None => out.push(change(
                ChangeKind::OpeningAdded {
                    opening: o.id.clone(),
                    room: o.room.clone(),
                },
                format!("{room} に{} {} を新設（幅 {} mm）", w.0, o.id, o.width_mm),
                format!("{} {} added to {room} ({} mm wide)", w.1, o.id, o.width_mm),
            )),
            Some(was) if *was != o => {
                let mut parts: Vec<(String, String)> = Vec::new();
                if was.room != o.room {
                    parts.push(moved_to(room_name(old_rooms, &was.room), room));
                }
                // Edges are renumbered when a wall gains a vertex (a split, a neighbour's
                // moved wall): an opening moved only if it stands elsewhere on the plan.
                let (p0, p1) = (place(old_rooms, was), place(new_rooms, o));
                let moved = match (p0, p1) {
                    (Some(p), Some(q)) => !same_place(p, q),
                    _ => (was.edge, was.offset_mm) != (o.edge, o.offset_mm),
                };
                if moved {
                    parts.push(("位置".into(), "position".into()));
                }
                if was.width_mm != o.width_mm {
                    parts.push((
                        format!("幅（{} → {} mm）", was.width_mm, o.width_mm),
                        format!("width ({} → {} mm)", was.width_mm, o.width_mm),
                    ));
                }
                match (&was.kind, &o.kind) {
                    (
                        OpeningKind::Door {
                            lockable: lock_before,
                            operation: operation_before,
                        },
                        OpeningKind::Door {
                            lockable: lock_after,
                            operation: operation_after,
                        },
                    ) => {
                        if lock_before != lock_after {
                            parts.push(("施錠".into(), "lock".into()));
                        }
                        // An absent operation is a 開き戸, so writing it out changes nothing.
                        let hinged = |o: &Option<DoorOperation>| o.unwrap_or(DoorOperation::Hinged);
                        if hinged(operation_before) != hinged(operation_after) {
                            parts.push(("開き方".into(), "operation".into()));
                        }
                    }
                    (OpeningKind::Window { .. }, OpeningKind::Window { .. }) => {
                        if was.kind != o.kind {
                            parts.push(("窓の仕様".into(), "window data".into()));
                        }
                    }
                    _ => parts.push(("種類".into(), "type".into())),
                }
                if parts.is_empty() {
                    // Only its edge's number changed.
                    continue;
                }
                let ja: Vec<&str> = parts.iter().map(|p| p.0.as_str()).collect();
                let en: Vec<&str> = parts.iter().map(|p| p.1.as_str()).collect();
                out.push(change(
                    ChangeKind::OpeningChanged {
                        opening: o.id.clone(),
                        room: o.room.clone(),
                    },
                    format!("{room} の{} {} の{}を変更", w.0, o.id, ja.join("・")),
                    format!("{} {} of {room}: {} changed", w.1, o.id, en.join(", ")),
                ));
            }
            Some(_) => {}
        }
    }
}

/// The words for an element now in another room.
fn moved_to(from: &str, to: &str) -> (String, String) {
    (
        format!("部屋（{from} → {to}）"),
        format!("room ({from} → {to})"),
    )
}

/// Where an opening stands: the ends of its width on its room's edge, mm.
type Place = ((f64, f64), (f64, f64));

fn place(rooms: &HashMap<&str, &Room>, o: &Opening) -> Option<Place> {
    let polygon = &rooms.get(o.room.as_str())?.polygon;
    let a = *polygon.get(o.edge)?;
    let b = polygon[(o.edge + 1) % polygon.len()];
    let length = madori_plan::geometry::distance_mm(a, b);
    if length <= 0.0 {
        return None;
    }
    let (ux, uy) = ((b.x - a.x) as f64 / length, (b.y - a.y) as f64 / length);
    let at = |d: f64| (a.x as f64 + ux * d, a.y as f64 + uy * d);
    let start = f64::from(o.offset_mm);
    Some((at(start), at(start + f64::from(o.width_mm))))
}

/// Whether two places are the same within half a millimetre (either way round: the wall may
/// run the other way in another room's outline).
fn same_place(p: Place, q: Place) -> bool {
    let near = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).hypot(a.1 - b.1) < 0.5;
    (near(p.0, q.0) && near(p.1, q.1)) || (near(p.0, q.1) && near(p.1, q.0))
}

fn fixtures(
    old: &Storey,
    new: &Storey,
    old_rooms: &HashMap<&str, &Room>,
    new_rooms: &HashMap<&str, &Room>,
    out: &mut Vec<Change>,
) {
    let before: HashMap<&str, &Fixture> = old.fixtures.iter().map(|f| (f.id.as_str(), f)).collect();
    let after: HashSet<&str> = new.fixtures.iter().map(|f| f.id.as_str()).collect();
    let change = |kind: ChangeKind, ja: String, en: String| Change {
        storey: new.id.clone(),
        kind,
        ja,
        en,
    };
    for f in old
        .fixtures
        .iter()
        .filter(|f| !after.contains(f.id.as_str()))
    {
        let (w, room) = (fixture_words(&f.kind), room_name(old_rooms, &f.room));
        out.push(change(
            ChangeKind::FixtureRemoved {
                fixture: f.id.clone(),
                room: f.room.clone(),
            },
            format!("{room} の{} {} を撤去", w.0, f.id),
            format!("{} {} of {room} removed", w.1, f.id),
        ));
    }
    for f in &new.fixtures {
        let (w, room) = (fixture_words(&f.kind), room_name(new_rooms, &f.room));
        match before.get(f.id.as_str()) {
            None => out.push(change(
                ChangeKind::FixtureAdded {
                    fixture: f.id.clone(),
                    room: f.room.clone(),
                },
                format!("{room} に{} {} を新設", w.0, f.id),
                format!("{} {} added to {room}", w.1, f.id),
            )),
            Some(was) if *was != f => {
                let mut parts: Vec<(String, String)> = Vec::new();
                if was.room != f.room {
                    parts.push(moved_to(room_name(old_rooms, &was.room), room));
                }
                if was.at != f.at {
                    parts.push(("位置".into(), "position".into()));
                }
                if was.kind != f.kind {
                    parts.push(("仕様".into(), "data".into()));
                }
                let ja: Vec<&str> = parts.iter().map(|p| p.0.as_str()).collect();
                let en: Vec<&str> = parts.iter().map(|p| p.1.as_str()).collect();
                out.push(change(
                    ChangeKind::FixtureChanged {
                        fixture: f.id.clone(),
                        room: f.room.clone(),
                    },
                    format!("{room} の{} {} の{}を変更", w.0, f.id, ja.join("・")),
                    format!("{} {} of {room}: {} changed", w.1, f.id, en.join(", ")),
                ));
            }
            Some(_) => {}
        }
    }
}

/// The walls of `old` that `new` lacks (removed) and the reverse (added).
fn walls(old: &Storey, new: &Storey, out: &mut Vec<Change>) {
    let (a, b) = (wall_lines(old), wall_lines(new));
    let mut push = |removed: bool, from: PointMm, to: PointMm| {
        let length = madori_plan::geometry::distance_mm(from, to).round();
        let (kind, ja, en) = if removed {
            (
                ChangeKind::WallRemoved { from, to },
                format!(
                    "壁を撤去: ({}, {})–({}, {})、{length} mm",
                    from.x, from.y, to.x, to.y
                ),
                format!(
                    "wall removed: ({}, {})–({}, {}), {length} mm",
                    from.x, from.y, to.x, to.y
                ),
            )
        } else {
            (
                ChangeKind::WallAdded { from, to },
                format!(
                    "壁を新設: ({}, {})–({}, {})、{length} mm",
                    from.x, from.y, to.x, to.y
                ),
                format!(
                    "wall added: ({}, {})–({}, {}), {length} mm",
                    from.x, from.y, to.x, to.y
                ),
            )
        };
        out.push(Change {
            storey: new.id.clone(),
            kind,
            ja,
            en,
        });
    };
    for (removed, (x, y)) in [(true, (&a, &b)), (false, (&b, &a))] {
        let mut segments: Vec<(PointMm, PointMm)> = Vec::new();
        for (key, spans) in x {
            let other = y.get(key).map_or(&[][..], Vec::as_slice);
            for (lo, hi) in subtract(spans, other) {
                if let (Some(from), Some(to)) = (point_on(*key, lo), point_on(*key, hi)) {
                    segments.push((from, to));
                }
            }
        }
        // Reading order: top to bottom, then left to right.
        segments.sort_unstable_by_key(|(f, t)| (f.y, f.x, t.y, t.x));
        for (from, to) in segments {
            push(removed, from, to);
        }
    }
}

/// The storey's wall centre lines: every room edge, grouped by line, joined where they
/// overlap or meet, as sorted disjoint spans.
fn wall_lines(storey: &Storey) -> BTreeMap<LineKey, Vec<(i128, i128)>> {
    let mut lines: BTreeMap<LineKey, Vec<(i128, i128)>> = BTreeMap::new();
    for room in &storey.rooms {
        let n = room.polygon.len();
        for e in 0..n {
            let (key, lo, hi) = edge_span(room.polygon[e], room.polygon[(e + 1) % n]);
            if lo < hi {
                lines.entry(key).or_default().push((lo, hi));
            }
        }
    }
    for spans in lines.values_mut() {
        spans.sort_unstable();
        let mut joined: Vec<(i128, i128)> = Vec::with_capacity(spans.len());
        for &(lo, hi) in spans.iter() {
            match joined.last_mut() {
                Some(last) if lo <= last.1 => last.1 = last.1.max(hi),
                _ => joined.push((lo, hi)),
            }
        }
        *spans = joined;
    }
    lines
}

/// The parts of the sorted disjoint spans `a` not covered by the sorted disjoint spans `b`.
fn subtract(a: &[(i128, i128)], b: &[(i128, i128)]) -> Vec<(i128, i128)> {
    let mut out = Vec::new();
    let mut j = 0;
    for &(lo, hi) in a {
        let mut start = lo;
        while j < b.len() && b[j].1 <= start {
            j += 1;
        }
        let mut k = j;
        while start < hi && k < b.len() && b[k].0 < hi {
            if b[k].0 > start {
                out.push((start, b[k].0));
            }
            start = start.max(b[k].1);
            k += 1;
        }
        if start < hi {
            out.push((start, hi));
        }
    }
    out
}

/// The point at parameter `t` on the line `key` (see [`edge_span`]): exact, because every
/// span end is the parameter of a vertex.
fn point_on((dx, dy, offset): LineKey, t: i128) -> Option<PointMm> {
    let (dx, dy) = (i128::from(dx), i128::from(dy));
    let len2 = dx * dx + dy * dy;
    if len2 == 0 {
        return None;
    }
    let x = (dx * t + dy * offset) / len2;
    let y = (dy * t - dx * offset) / len2;
    Some(PointMm::new(i64::try_from(x).ok()?, i64::try_from(y).ok()?))
}

/// Twice the unsigned area, exact.
fn area2(polygon: &[PointMm]) -> i128 {
    signed_area_twice_mm2(polygon).abs()
}

/// Whether the simple polygon `inner` lies inside the closed simple polygon `outer`: its
/// boundary does, which for polygons without holes puts its interior inside too. Each edge
/// of `inner` is cut at `outer`'s vertices lying on it; a proper crossing fails at once, and
/// otherwise each piece meets `outer`'s boundary only at its ends (or runs along it), so its
/// midpoint (exact, in doubled coordinates) tells on which side it lies.
fn within(inner: &[PointMm], outer: &[PointMm]) -> bool {
    let (n, m) = (inner.len(), outer.len());
    if n < 3 || m < 3 {
        return false;
    }
    let doubled: Vec<PointMm> = outer
        .iter()
        .map(|p| PointMm::new(p.x * 2, p.y * 2))
        .collect();
    for i in 0..n {
        let (a, b) = (inner[i], inner[(i + 1) % n]);
        for j in 0..m {
            let (c, d) = (outer[j], outer[(j + 1) % m]);
            let proper = orientation(c, d, a) * orientation(c, d, b) < 0
                && orientation(a, b, c) * orientation(a, b, d) < 0;
            if proper {
                return false;
            }
        }
        let (dx, dy) = (i128::from(b.x - a.x), i128::from(b.y - a.y));
        let t = |p: PointMm| i128::from(p.x - a.x) * dx + i128::from(p.y - a.y) * dy;
        let end = t(b);
        let mut cuts: Vec<(i128, PointMm)> = vec![(0, a), (end, b)];
        cuts.extend(
            outer
                .iter()
                .filter(|&&p| orientation(a, b, p) == 0 && t(p) > 0 && t(p) < end)
                .map(|&p| (t(p), p)),
        );
        cuts.sort_unstable_by_key(|c| c.0);
        cuts.dedup_by_key(|c| c.0);
        if locate(outer, a) == Location::Outside {
            return false;
        }
        for w in cuts.windows(2) {
            let mid = PointMm::new(w[0].1.x + w[1].1.x, w[0].1.y + w[1].1.y);
            if locate(&doubled, mid) == Location::Outside {
                return false;
            }
        }
    }
    true
}

/// An outline as a point set: collinear vertices dropped, counter-clockwise on screen
/// (positive [`signed_area_twice_mm2`]), starting at its smallest vertex.
fn canonical(polygon: &[PointMm]) -> Vec<PointMm> {
    let n = polygon.len();
    let mut points: Vec<PointMm> = (0..n)
        .filter(|&i| orientation(polygon[(i + n - 1) % n], polygon[i], polygon[(i + 1) % n]) != 0)
        .map(|i| polygon[i])
        .collect();
    if signed_area_twice_mm2(&points) < 0 {
        points.reverse();
    }
    if let Some(start) = (0..points.len()).min_by_key(|&i| (points[i].x, points[i].y)) {
        points.rotate_left(start);
    }
    points
}

/// The shift taking canonical outline `a` to `b`, if `b` is `a` shifted.
fn shift(a: &[PointMm], b: &[PointMm]) -> Option<PointMm> {
    if a.len() != b.len() || a.is_empty() {
        return None;
    }
    let by = PointMm::new(b[0].x - a[0].x, b[0].y - a[0].y);
    a.iter()
        .zip(b)
        .all(|(p, q)| q.x - p.x == by.x && q.y - p.y == by.y)
        .then_some(by)
}

/// A room kind's words, as the app names it.
pub fn kind_words(kind: RoomKind) -> (&'static str, &'static str) {
    use RoomKind::*;
    match kind {
        Private => ("専用居室", "private room"),
        Ldk => ("LDK", "LDK"),
        Dk => ("DK", "DK"),
        Living => ("居間", "living"),
        Dining => ("食堂", "dining"),
        Kitchen => ("台所", "kitchen"),
        Toilet => ("便所", "toilet"),
        Washroom => ("洗面所", "washroom"),
        Bath => ("浴室", "bath"),
        ShowerRoom => ("シャワー室", "shower room"),
        Laundry => ("洗濯室", "laundry"),
        Entrance => ("玄関", "entrance"),
        Corridor => ("廊下", "corridor"),
        Stairs => ("階段", "stairs"),
        Storage => ("収納", "storage"),
        Balcony => ("バルコニー", "balcony"),
        Other => ("その他", "other"),
    }
}

/// Who lives in a room, in words.
fn occupancy_words(occupancy: Option<&Occupancy>) -> (String, String) {
    let persons = |n: u32| crate::report::plural(n, "person", "persons");
    let children =
        |n: usize| crate::report::plural(u32::try_from(n).unwrap_or(u32::MAX), "child", "children");
    match occupancy {
        None => ("未入力".into(), "not entered".into()),
        Some(Occupancy::Persons(n)) => (format!("{n}人"), persons(*n)),
        Some(Occupancy::SingleParent { children_ages }) => (
            format!("ひとり親世帯（子 {}人）", children_ages.len()),
            format!(
                "single-parent household ({})",
                children(children_ages.len())
            ),
        ),
        Some(Occupancy::Household {
            adults,
            children_ages,
        }) => (
            format!("世帯（大人 {adults}人・子 {}人）", children_ages.len()),
            format!(
                "household ({}, {})",
                crate::report::plural(*adults, "adult", "adults"),
                children(children_ages.len())
            ),
        ),
    }
}

/// A fixture's words.
fn fixture_words(kind: &FixtureKind) -> (&'static str, &'static str) {
    match kind {
        FixtureKind::Toilet => ("便器", "toilet"),
        FixtureKind::WashBasin { .. } => ("洗面台", "wash basin"),
        FixtureKind::Bath { .. } => ("浴槽・浴室", "bath"),
        FixtureKind::Shower => ("シャワー", "shower"),
        FixtureKind::WashingMachine => ("洗濯機置場", "washing machine place"),
        FixtureKind::Kitchen { .. } => ("台所設備", "kitchen unit"),
        FixtureKind::Stairs => ("階段", "stairs"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x0: i64, y0: i64, x1: i64, y1: i64) -> Vec<PointMm> {
        vec![
            PointMm::new(x0, y0),
            PointMm::new(x1, y0),
            PointMm::new(x1, y1),
            PointMm::new(x0, y1),
        ]
    }

    #[test]
    fn within_is_exact_at_the_boundary_and_sees_notches() {
        let outer = rect(0, 0, 3000, 3000);
        assert!(within(&rect(0, 0, 3000, 1500), &outer), "sharing walls");
        assert!(within(&outer, &outer));
        assert!(!within(&rect(0, 0, 3001, 1500), &outer), "1 mm out");
        // A U shape: a rectangle spanning its gap has every vertex on the boundary and
        // crosses nothing properly, but its top edge runs outside.
        let u = vec![
            PointMm::new(0, 0),
            PointMm::new(1000, 0),
            PointMm::new(1000, 2000),
            PointMm::new(2000, 2000),
            PointMm::new(2000, 0),
            PointMm::new(3000, 0),
            PointMm::new(3000, 3000),
            PointMm::new(0, 3000),
        ];
        assert!(!within(&rect(1000, 0, 2000, 2000), &u));
        assert!(within(&rect(0, 2000, 3000, 3000), &u));
        assert!(!within(&rect(500, 1000, 2500, 2500), &u));
        // Two blocks joined below, with vertices where a line crosses the gap's sides: the
        // rectangle's long edges leave the outline only between two of its vertices (no
        // proper crossing) while their midpoints lie inside the wider block.
        let blocks: Vec<PointMm> = [
            (0, 0),
            (4000, 0),
            (4000, 1000),
            (4000, 2000),
            (4000, 3000),
            (5000, 3000),
            (5000, 2000),
            (5000, 1000),
            (5000, 0),
            (6000, 0),
            (6000, 4000),
            (0, 4000),
        ]
        .into_iter()
        .map(|(x, y)| PointMm::new(x, y))
        .collect();
        assert!(!within(&rect(0, 1000, 6000, 2000), &blocks));
        assert!(within(&rect(0, 3000, 6000, 4000), &blocks));
        assert!(within(&rect(0, 1000, 4000, 2000), &blocks));
    }

    #[test]
    fn subtract_spans() {
        assert_eq!(subtract(&[(0, 10)], &[(2, 3), (5, 12)]), [(0, 2), (3, 5)]);
        assert_eq!(subtract(&[(0, 10), (20, 30)], &[(0, 25)]), [(25, 30)]);
        assert_eq!(subtract(&[(0, 10)], &[]), [(0, 10)]);
        assert!(subtract(&[(0, 10)], &[(-5, 10)]).is_empty());
    }

    #[test]
    fn points_come_back_from_their_line() {
        for (a, b) in [
            (PointMm::new(3, 7), PointMm::new(-9, 12)),
            (PointMm::new(0, 5), PointMm::new(0, -5)),
            (PointMm::new(-4, 2), PointMm::new(10, 2)),
        ] {
            let (key, lo, hi) = edge_span(a, b);
            let ends = [point_on(key, lo).unwrap(), point_on(key, hi).unwrap()];
            assert!(
                ends.contains(&a) && ends.contains(&b),
                "{a:?} {b:?} {ends:?}"
            );
        }
    }

    #[test]
    fn outlines_compare_as_point_sets() {
        let mut with_midpoint = rect(0, 0, 2000, 1000);
        with_midpoint.insert(1, PointMm::new(1000, 0));
        with_midpoint.reverse();
        assert_eq!(
            canonical(&with_midpoint),
            canonical(&rect(0, 0, 2000, 1000))
        );
        assert_eq!(
            shift(
                &canonical(&rect(0, 0, 2000, 1000)),
                &canonical(&rect(5, -3, 2005, 997))
            ),
            Some(PointMm::new(5, -3))
        );
    }
}
