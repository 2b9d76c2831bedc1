//! Every change to a plan is a [`Command`]. Applying one returns a new plan or an
//! [`EditError`]; the editor validates the result and keeps the old plan on any problem.

use madori_plan::geometry::{
    distance_mm, locate, orientation, signed_area_twice_mm2, Location, MAX_COORDINATE_MM,
};
use madori_plan::{
    Fixture, FixtureKind, Opening, OpeningKind, Plan, PointMm, Room, RoomKind, Storey,
};

/// Why a command could not be applied. Nothing changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditError {
    /// Japanese message.
    pub message_ja: String,
    /// English message.
    pub message_en: String,
}

impl EditError {
    /// An error with both messages.
    pub fn new(ja: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            message_ja: ja.into(),
            message_en: en.into(),
        }
    }
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} / {}", self.message_en, self.message_ja)
    }
}

/// Changes to one room's properties; `None` leaves a property as it is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RoomPatch {
    /// New name.
    pub name: Option<String>,
    /// New kind.
    pub kind: Option<RoomKind>,
    /// New occupancy (`Some(None)` clears it).
    pub occupancy: Option<Option<madori_plan::Occupancy>>,
    /// Lockable door.
    pub lockable: Option<bool>,
    /// Wall thickness for every edge, mm (`Some(None)` returns to the defaults).
    pub wall_thickness_mm: Option<Option<u32>>,
    /// The room this one belongs to (`Some(None)` clears it).
    pub belongs_to: Option<Option<String>>,
}

/// Whole-plan transforms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transform {
    /// Rotate 90° clockwise on screen.
    RotateClockwise,
    /// Mirror left to right.
    MirrorHorizontal,
}

/// A change to the plan. Each is one undo step.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Adds a room to a storey.
    AddRoom {
        /// Storey index.
        storey: usize,
        /// The room (its id must be new).
        room: Room,
    },
    /// Deletes rooms, openings or fixtures by id (a room takes its openings and fixtures).
    Delete {
        /// Ids to delete.
        ids: Vec<String>,
    },
    /// Moves every vertex at `from` on a storey to `to` (rooms sharing it stay joined).
    MoveVertex {
        /// Storey index.
        storey: usize,
        /// Where the vertex is.
        from: PointMm,
        /// Where it goes.
        to: PointMm,
    },
    /// Moves an edge perpendicular to itself by `offset_mm` along [`edge_normal`]; every
    /// vertex on that wall (of any room) moves with it, so neighbours stay joined.
    MoveEdge {
        /// Room id.
        room: String,
        /// Edge index.
        edge: usize,
        /// Signed distance along the edge's unit normal, mm.
        offset_mm: i64,
    },
    /// Sets an edge's length by moving the edge after it (or its end vertex).
    SetEdgeLength {
        /// Room id.
        room: String,
        /// Edge index.
        edge: usize,
        /// New length, mm.
        length_mm: i64,
    },
    /// Sets a rectangular room's width and depth by moving its right and bottom walls.
    SetRoomSize {
        /// Room id.
        room: String,
        /// Width (x), mm.
        width_mm: i64,
        /// Depth (y), mm.
        depth_mm: i64,
    },
    /// Changes a room's properties.
    UpdateRoom {
        /// Room id.
        room: String,
        /// What changes.
        patch: RoomPatch,
    },
    /// Splits a room along the line through `a` and `b`.
    SplitRoom {
        /// Room id.
        room: String,
        /// A point of the cut line.
        a: PointMm,
        /// Another point of the cut line.
        b: PointMm,
        /// Id for the new room.
        new_id: String,
    },
    /// Merges room `b` into room `a` (removes the partition between them).
    MergeRooms {
        /// The room that stays.
        a: String,
        /// The room that joins it.
        b: String,
    },
    /// Moves a room (and its fixtures) by a distance; it leaves shared walls behind.
    MoveRoom {
        /// Room id.
        room: String,
        /// Distance, mm.
        delta: PointMm,
    },
    /// Copies a room (and its fixtures) next to the storey's rooms.
    DuplicateRoom {
        /// Room id.
        room: String,
        /// Id for the copy.
        new_id: String,
    },
    /// Rotates or mirrors the whole plan.
    TransformPlan(Transform),
    /// Adds a door or window.
    AddOpening {
        /// Storey index.
        storey: usize,
        /// The opening (its id must be new).
        opening: Opening,
    },
    /// Adds a fixture.
    AddFixture {
        /// Storey index.
        storey: usize,
        /// The fixture (its id must be new).
        fixture: Fixture,
    },
    /// Moves a fixture (into whichever room of its storey contains the new point).
    MoveFixture {
        /// Fixture id.
        id: String,
        /// New position.
        to: PointMm,
    },
    /// Changes a fixture's kind data (e.g. wash basin bowls).
    UpdateFixture {
        /// Fixture id.
        id: String,
        /// New kind.
        kind: FixtureKind,
    },
    /// Slides a door or window along its wall.
    MoveOpening {
        /// Opening id.
        id: String,
        /// New distance from the edge's start vertex, mm.
        offset_mm: u32,
    },
    /// Changes an opening's kind data (lockable door, window size).
    UpdateOpening {
        /// Opening id.
        id: String,
        /// New width, mm.
        width_mm: u32,
        /// New kind.
        kind: OpeningKind,
    },
    /// Adds a storey on top.
    AddStorey {
        /// Id for the storey.
        id: String,
        /// Name (e.g. `3F`).
        name: String,
    },
    /// Replaces the building facts (structure, age, seismic data).
    UpdateDwelling(madori_plan::Dwelling),
    /// Sets a storey's ceiling height (`None` clears it).
    SetCeilingHeight {
        /// Storey index.
        storey: usize,
        /// Height, mm.
        height_mm: Option<u32>,
    },
    /// Renames a storey.
    RenameStorey {
        /// Storey index.
        storey: usize,
        /// New name.
        name: String,
    },
    /// Renames the plan (the file name follows it).
    RenamePlan {
        /// New name.
        name: String,
    },
    /// Sets how the plan is checked (profile, local override, changed values); `None`
    /// returns to the target household's profile with nothing changed.
    SetCheck(Option<madori_plan::CheckSettings>),
    /// Saves the plan as it is now as a named state (現況, 計画案A …) with a note.
    SaveState {
        /// The state's id (unique among the plan's states).
        id: String,
        /// Its name.
        name: String,
        /// One sentence a presenter shows with it.
        note: String,
    },
    /// Saves as a named state the plan as `change` would make it, leaving the plan being
    /// worked on as it is: a suggested change kept as a proposal (計画案) to compare later.
    SaveProposal {
        /// The state's id (unique among the plan's states).
        id: String,
        /// Its name.
        name: String,
        /// One sentence a presenter shows with it.
        note: String,
        /// The change the proposal makes.
        change: Box<Command>,
    },
    /// Renames a saved state or changes its note.
    UpdateState {
        /// Its index in `Plan::variants`.
        index: usize,
        /// New name.
        name: String,
        /// New note.
        note: String,
    },
    /// Removes a saved state.
    RemoveState {
        /// Its index in `Plan::variants`.
        index: usize,
    },
    /// Replaces the plan being worked on (storeys, building facts, check settings) with a
    /// saved state; one undo step brings the work back.
    OpenState {
        /// Its index in `Plan::variants`.
        index: usize,
    },
    /// Several commands as one undo step, applied in order (a suggested change that splits a
    /// room and gives the new room its use). Any failing fails the whole.
    Batch(Vec<Command>),
    /// Places, changes or removes (`None`) a storey's underlay picture.
    SetUnderlay {
        /// Storey index.
        storey: usize,
        /// The underlay.
        underlay: Option<madori_plan::Underlay>,
    },
}

impl Command {
    /// A short Japanese label for the undo history.
    pub fn label(&self) -> &'static str {
        match self {
            Self::AddRoom { .. } => "部屋を追加",
            Self::Delete { .. } => "削除",
            Self::MoveVertex { .. } => "頂点を移動",
            Self::MoveEdge { .. } => "壁を移動",
            Self::SetEdgeLength { .. } => "辺の長さ",
            Self::SetRoomSize { .. } => "部屋の寸法",
            Self::UpdateRoom { .. } => "部屋の設定",
            Self::SplitRoom { .. } => "部屋を分割",
            Self::MergeRooms { .. } => "部屋を結合",
            Self::MoveRoom { .. } => "部屋を移動",
            Self::DuplicateRoom { .. } => "部屋を複製",
            Self::TransformPlan(_) => "回転・反転",
            Self::AddOpening { .. } => "建具を追加",
            Self::AddFixture { .. } => "設備を追加",
            Self::MoveFixture { .. } => "設備を移動",
            Self::UpdateFixture { .. } => "設備の設定",
            Self::UpdateOpening { .. } => "建具の設定",
            Self::MoveOpening { .. } => "建具を移動",
            Self::AddStorey { .. } => "階を追加",
            Self::RenameStorey { .. } => "階の名前",
            Self::RenamePlan { .. } => "間取りの名前",
            Self::SetCheck(_) => "基準の設定",
            Self::SetUnderlay { .. } => "下絵",
            Self::Batch(_) => "まとめて変更",
            Self::SaveState { .. } => "状態を保存",
            Self::SaveProposal { .. } => "案として保存",
            Self::UpdateState { .. } => "状態の名前",
            Self::RemoveState { .. } => "状態を削除",
            Self::OpenState { .. } => "状態を開く",
            Self::UpdateDwelling(_) => "建物の情報",
            Self::SetCeilingHeight { .. } => "天井高",
        }
    }

    /// Applies the command to a copy of `plan`. The caller validates the result.
    pub fn apply(&self, plan: &Plan) -> Result<Plan, EditError> {
        let mut plan = plan.clone();
        self.apply_in_place(&mut plan)?;
        Ok(plan)
    }

    /// Applies the command to `plan` itself, without copying it first: a drag step costs
    /// what the edit changes rather than a copy of the whole plan. **On an error the plan may
    /// be partly changed**; the caller restores it (the editor computes previews in a second
    /// buffer for this reason). The caller validates the result.
    pub fn apply_in_place(&self, plan: &mut Plan) -> Result<(), EditError> {
        self.check_inputs()?;
        match self {
            Self::AddRoom { storey, room } => {
                ensure_new_id(plan, &room.id)?;
                storey_mut(plan, *storey)?.rooms.push(room.clone());
            }
            Self::Delete { ids } => delete(plan, ids)?,
            Self::MoveVertex { storey, from, to } => {
                let storey = storey_mut(plan, *storey)?;
                let mut moved = false;
                for room in &mut storey.rooms {
                    for v in &mut room.polygon {
                        if *v == *from {
                            *v = *to;
                            moved = true;
                        }
                    }
                }
                if !moved {
                    return Err(EditError::new(
                        "その位置に頂点がありません",
                        "there is no vertex there",
                    ));
                }
            }
            Self::MoveEdge {
                room,
                edge,
                offset_mm,
            } => move_edge(plan, room, *edge, *offset_mm)?,
            Self::SetEdgeLength {
                room,
                edge,
                length_mm,
            } => set_edge_length(plan, room, *edge, *length_mm)?,
            Self::SetRoomSize {
                room,
                width_mm,
                depth_mm,
            } => set_room_size(plan, room, *width_mm, *depth_mm)?,
            Self::UpdateRoom { room, patch } => {
                let (_, r) = find_room_mut(plan, room)?;
                if let Some(name) = &patch.name {
                    if name.trim().is_empty() {
                        return Err(EditError::new("名前が空です", "the name is empty"));
                    }
                    r.name = name.clone();
                }
                if let Some(kind) = patch.kind {
                    r.kind = kind;
                    if kind != RoomKind::Private {
                        r.occupancy = None;
                    }
                }
                if let Some(occupancy) = &patch.occupancy {
                    r.occupancy = occupancy.clone();
                }
                if let Some(lockable) = patch.lockable {
                    r.lockable = lockable;
                }
                if let Some(thickness) = patch.wall_thickness_mm {
                    r.wall_thickness_mm = match thickness {
                        Some(t) => vec![Some(t); r.polygon.len()],
                        None => Vec::new(),
                    };
                }
                if let Some(owner) = &patch.belongs_to {
                    r.belongs_to = owner.clone();
                }
            }
            Self::SplitRoom { room, a, b, new_id } => split_room(plan, room, *a, *b, new_id)?,
            Self::MergeRooms { a, b } => merge_rooms(plan, a, b)?,
            Self::MoveRoom { room, delta } => {
                let (s, r) = find_room_mut(plan, room)?;
                for v in &mut r.polygon {
                    v.x += delta.x;
                    v.y += delta.y;
                }
                for f in plan.storeys[s]
                    .fixtures
                    .iter_mut()
                    .filter(|f| f.room == *room)
                {
                    f.at.x += delta.x;
                    f.at.y += delta.y;
                }
            }
            Self::DuplicateRoom { room, new_id } => duplicate_room(plan, room, new_id)?,
            Self::TransformPlan(t) => transform(plan, *t),
            Self::AddOpening { storey, opening } => {
                ensure_new_id(plan, &opening.id)?;
                storey_mut(plan, *storey)?.openings.push(opening.clone());
            }
            Self::AddFixture { storey, fixture } => {
                ensure_new_id(plan, &fixture.id)?;
                storey_mut(plan, *storey)?.fixtures.push(fixture.clone());
            }
            Self::MoveFixture { id, to } => {
                let storey = plan
                    .storeys
                    .iter_mut()
                    .find(|s| s.fixtures.iter().any(|f| f.id == *id))
                    .ok_or_else(|| not_found(id))?;
                let room = storey
                    .rooms
                    .iter()
                    .find(|r| locate(&r.polygon, *to) == Location::Inside)
                    .map(|r| r.id.clone())
                    .ok_or_else(|| {
                        EditError::new(
                            "設備は部屋の中に置きます",
                            "a fixture must stand inside a room",
                        )
                    })?;
                let fixture = storey
                    .fixtures
                    .iter_mut()
                    .find(|f| f.id == *id)
                    .ok_or_else(|| not_found(id))?;
                fixture.at = *to;
                fixture.room = room;
            }
            Self::UpdateFixture { id, kind } => {
                let fixture = plan
                    .storeys
                    .iter_mut()
                    .flat_map(|s| &mut s.fixtures)
                    .find(|f| f.id == *id)
                    .ok_or_else(|| not_found(id))?;
                fixture.kind = kind.clone();
            }
            Self::MoveOpening { id, offset_mm } => {
                let opening = opening_mut(plan, id)?;
                opening.offset_mm = *offset_mm;
            }
            Self::UpdateOpening { id, width_mm, kind } => {
                let opening = opening_mut(plan, id)?;
                opening.width_mm = *width_mm;
                opening.kind = kind.clone();
            }
            Self::AddStorey { id, name } => {
                ensure_new_id(plan, id)?;
                let ceiling = plan.storeys.last().and_then(|s| s.ceiling_height_mm);
                plan.storeys.push(Storey {
                    id: id.clone(),
                    name: name.clone(),
                    ceiling_height_mm: ceiling,
                    rooms: vec![],
                    openings: vec![],
                    fixtures: vec![],
                    underlay: None,
                });
            }
            Self::UpdateDwelling(dwelling) => plan.dwelling = dwelling.clone(),
            Self::SetCeilingHeight { storey, height_mm } => {
                storey_mut(plan, *storey)?.ceiling_height_mm = *height_mm
            }
            Self::RenameStorey { storey, name } => {
                if name.trim().is_empty() {
                    return Err(EditError::new("名前が空です", "the name is empty"));
                }
                storey_mut(plan, *storey)?.name = name.clone();
            }
            Self::RenamePlan { name } => {
                if name.trim().is_empty() {
                    return Err(EditError::new("名前が空です", "the name is empty"));
                }
                plan.name = name.trim().to_owned();
            }
            Self::SetCheck(check) => plan.check.clone_from(check),
            Self::Batch(commands) => {
                for command in commands {
                    command.apply_in_place(plan)?;
                }
            }
            Self::SetUnderlay { storey, underlay } => {
                storey_mut(plan, *storey)?.underlay.clone_from(underlay)
            }
            Self::SaveState { id, name, note } => {
                let state = state_of(plan, id, name, note)?;
                plan.variants.push(state);
            }
            Self::SaveProposal {
                id,
                name,
                note,
                change,
            } => {
                let mut proposed = plan.clone();
                change.apply_in_place(&mut proposed)?;
                let state = state_of(&proposed, id, name, note)?;
                plan.variants.push(state);
            }
            Self::UpdateState { index, name, note } => {
                if name.trim().is_empty() {
                    return Err(EditError::new("名前が空です", "the name is empty"));
                }
                let state = state_mut(plan, *index)?;
                state.name = name.trim().to_owned();
                state.note.clone_from(note);
            }
            Self::RemoveState { index } => {
                state_mut(plan, *index)?;
                plan.variants.remove(*index);
            }
            Self::OpenState { index } => {
                let state = state_mut(plan, *index)?.clone();
                plan.dwelling = state.dwelling;
                plan.check = state.check;
                plan.storeys = state.storeys;
            }
        }
        Ok(())
    }
}

/// Largest distance a command moves something by or sets, mm: the span of the coordinate
/// range (±[`MAX_COORDINATE_MM`]), so that no sum of a coordinate and a distance can
/// overflow and every result beyond the range is left for validation to refuse.
pub const MAX_DISTANCE_MM: i64 = 2 * MAX_COORDINATE_MM;

impl Command {
    /// Refuses typed or computed inputs beyond the coordinate range before anything is
    /// computed with them (a point beyond ±[`MAX_COORDINATE_MM`], a distance beyond
    /// ±[`MAX_DISTANCE_MM`]): the plan's exact predicates and sums rely on the range.
    fn check_inputs(&self) -> Result<(), EditError> {
        let point = |p: &PointMm| {
            if p.x.unsigned_abs() > MAX_COORDINATE_MM.unsigned_abs()
                || p.y.unsigned_abs() > MAX_COORDINATE_MM.unsigned_abs()
            {
                Err(EditError::new(
                    format!(
                        "座標 ({}, {}) が範囲 ±{MAX_COORDINATE_MM} mm を超えています",
                        p.x, p.y
                    ),
                    format!(
                        "coordinate ({}, {}) is beyond ±{MAX_COORDINATE_MM} mm",
                        p.x, p.y
                    ),
                ))
            } else {
                Ok(())
            }
        };
        let distance = |d: i64| {
            if d.unsigned_abs() > MAX_DISTANCE_MM.unsigned_abs() {
                Err(EditError::new(
                    format!("距離 {d} mm が範囲 ±{MAX_DISTANCE_MM} mm を超えています"),
                    format!("distance {d} mm is beyond ±{MAX_DISTANCE_MM} mm"),
                ))
            } else {
                Ok(())
            }
        };
        match self {
            Self::AddRoom { room, .. } => room.polygon.iter().try_for_each(point),
            Self::MoveVertex { from, to, .. } => point(from).and(point(to)),
            Self::MoveEdge { offset_mm, .. } => distance(*offset_mm),
            Self::SetEdgeLength { length_mm, .. } => distance(*length_mm),
            Self::SetRoomSize {
                width_mm, depth_mm, ..
            } => distance(*width_mm).and(distance(*depth_mm)),
            Self::SplitRoom { a, b, .. } => point(a).and(point(b)),
            Self::MoveRoom { delta, .. } => distance(delta.x).and(distance(delta.y)),
            Self::AddFixture { fixture, .. } => point(&fixture.at),
            Self::MoveFixture { to, .. } => point(to),
            Self::Batch(commands) => commands.iter().try_for_each(Self::check_inputs),
            Self::SaveProposal { change, .. } => change.check_inputs(),
            _ => Ok(()),
        }
    }
}

/// `plan` as a saved state called `name`, checked to have a name and an unused `id`.
fn state_of(
    plan: &Plan,
    id: &str,
    name: &str,
    note: &str,
) -> Result<madori_plan::Variant, EditError> {
    if name.trim().is_empty() {
        return Err(EditError::new("名前が空です", "the name is empty"));
    }
    if plan.variants.iter().any(|v| v.id == id) {
        return Err(EditError::new(
            format!("状態の id \"{id}\" はもう使われています"),
            format!("the state id \"{id}\" is already used"),
        ));
    }
    Ok(madori_plan::Variant {
        id: id.to_owned(),
        name: name.trim().to_owned(),
        note: note.to_owned(),
        dwelling: plan.dwelling.clone(),
        check: plan.check.clone(),
        storeys: plan.storeys.clone(),
    })
}

fn not_found(id: &str) -> EditError {
    EditError::new(
        format!("\"{id}\" が見つかりません"),
        format!("\"{id}\" not found"),
    )
}

fn ensure_new_id(plan: &Plan, id: &str) -> Result<(), EditError> {
    if crate::all_ids(plan).any(|existing| existing == id) {
        Err(EditError::new(
            format!("id \"{id}\" は使われています"),
            format!("id \"{id}\" is already used"),
        ))
    } else {
        Ok(())
    }
}

fn state_mut(plan: &mut Plan, index: usize) -> Result<&mut madori_plan::Variant, EditError> {
    plan.variants
        .get_mut(index)
        .ok_or_else(|| EditError::new("その状態はありません", "no such saved state"))
}

fn storey_mut(plan: &mut Plan, index: usize) -> Result<&mut Storey, EditError> {
    plan.storeys
        .get_mut(index)
        .ok_or_else(|| EditError::new("その階はありません", "no such storey"))
}

/// The storey index and room with this id.
pub fn find_room_mut<'a>(plan: &'a mut Plan, id: &str) -> Result<(usize, &'a mut Room), EditError> {
    let s = plan
        .storeys
        .iter()
        .position(|s| s.rooms.iter().any(|r| r.id == id))
        .ok_or_else(|| not_found(id))?;
    let room = plan.storeys[s]
        .rooms
        .iter_mut()
        .find(|r| r.id == id)
        .ok_or_else(|| not_found(id))?;
    Ok((s, room))
}

/// The door or window with this id.
fn opening_mut<'a>(plan: &'a mut Plan, id: &str) -> Result<&'a mut Opening, EditError> {
    plan.storeys
        .iter_mut()
        .flat_map(|s| &mut s.openings)
        .find(|o| o.id == id)
        .ok_or_else(|| not_found(id))
}

fn delete(plan: &mut Plan, ids: &[String]) -> Result<(), EditError> {
    if ids.is_empty() {
        return Err(EditError::new("選択されていません", "nothing selected"));
    }
    for id in ids {
        if !crate::all_ids(plan).any(|e| e == id) {
            return Err(not_found(id));
        }
    }
    for storey in &mut plan.storeys {
        let removed_rooms: Vec<String> = storey
            .rooms
            .iter()
            .filter(|r| ids.contains(&r.id))
            .map(|r| r.id.clone())
            .collect();
        storey.rooms.retain(|r| !removed_rooms.contains(&r.id));
        storey
            .openings
            .retain(|o| !ids.contains(&o.id) && !removed_rooms.contains(&o.room));
        storey
            .fixtures
            .retain(|f| !ids.contains(&f.id) && !removed_rooms.contains(&f.room));
        for room in &mut storey.rooms {
            if room
                .belongs_to
                .as_ref()
                .is_some_and(|o| removed_rooms.contains(o))
            {
                room.belongs_to = None;
            }
        }
    }
    Ok(())
}

/// The unit normal of an edge pointing to its right on screen (y down): for an edge running
/// right, the normal points down.
pub fn edge_normal(a: PointMm, b: PointMm) -> (f64, f64) {
    let (dx, dy) = ((b.x - a.x) as f64, (b.y - a.y) as f64);
    let len = dx.hypot(dy).max(1e-9);
    (-dy / len, dx / len)
}

fn on_segment_strictly(a: PointMm, b: PointMm, p: PointMm) -> bool {
    orientation(a, b, p) == 0
        && p != a
        && p != b
        && p.x >= a.x.min(b.x)
        && p.x <= a.x.max(b.x)
        && p.y >= a.y.min(b.y)
        && p.y <= a.y.max(b.y)
}

/// Inserts `p` as a vertex into every edge of the storey's rooms that passes through it
/// (not at an end), keeping openings on their wall.
fn insert_vertex_everywhere(storey: &mut Storey, p: PointMm) {
    for r in 0..storey.rooms.len() {
        let n = storey.rooms[r].polygon.len();
        let hit = (0..n).find(|&e| {
            let poly = &storey.rooms[r].polygon;
            on_segment_strictly(poly[e], poly[(e + 1) % n], p)
        });
        if let Some(e) = hit {
            insert_vertex(storey, r, e, p);
        }
    }
}

/// Splits edge `e` of room `r` at `p`, renumbering the room's openings and wall thicknesses.
fn insert_vertex(storey: &mut Storey, r: usize, e: usize, p: PointMm) {
    let room = &mut storey.rooms[r];
    let first_len = distance_mm(room.polygon[e], p);
    room.polygon.insert(e + 1, p);
    if !room.wall_thickness_mm.is_empty() {
        let t = room.wall_thickness_mm[e];
        room.wall_thickness_mm.insert(e + 1, t);
    }
    let id = room.id.clone();
    for opening in storey.openings.iter_mut().filter(|o| o.room == id) {
        if opening.edge > e {
            opening.edge += 1;
        } else if opening.edge == e && f64::from(opening.offset_mm) >= first_len - 0.5 {
            opening.edge = e + 1;
            opening.offset_mm = (f64::from(opening.offset_mm) - first_len).round().max(0.0) as u32;
        }
    }
}

fn move_edge(plan: &mut Plan, room_id: &str, edge: usize, offset_mm: i64) -> Result<(), EditError> {
    let (s, room) = find_room_mut(plan, room_id)?;
    let n = room.polygon.len();
    if edge >= n {
        return Err(EditError::new("その辺はありません", "no such edge"));
    }
    let (a, b) = (room.polygon[edge], room.polygon[(edge + 1) % n]);
    let (nx, ny) = edge_normal(a, b);
    let delta = PointMm::new(
        (nx * offset_mm as f64).round() as i64,
        (ny * offset_mm as f64).round() as i64,
    );
    let storey = &mut plan.storeys[s];
    // Neighbours sharing part of this wall get vertices at its ends, so the part that moves
    // is exactly this edge (a corridor gains a notch rather than a slanted wall).
    insert_vertex_everywhere(storey, a);
    insert_vertex_everywhere(storey, b);
    // Only an outline with an edge on the wall's line changes: a cheap test first, so a
    // drag step does not rebuild every outline of the storey.
    let on_line = |v: &&PointMm| orientation(a, b, **v) == 0;
    for room in &mut storey.rooms {
        if room.polygon.iter().filter(on_line).nth(1).is_none() {
            continue;
        }
        room.polygon = moved_outline(&room.polygon, a, b, delta);
        if !room.wall_thickness_mm.is_empty() && room.wall_thickness_mm.len() != room.polygon.len()
        {
            room.wall_thickness_mm.clear();
        }
    }
    let on_wall = |p: PointMm| p == a || p == b || on_segment_strictly(a, b, p);
    for fixture in &mut storey.fixtures {
        if on_wall(fixture.at) {
            fixture.at.x += delta.x;
            fixture.at.y += delta.y;
        }
    }
    Ok(())
}

/// Whether edge `p → q` lies on the wall `a → b` over a positive length.
fn overlaps_wall(p: PointMm, q: PointMm, a: PointMm, b: PointMm) -> bool {
    if orientation(a, b, p) != 0 || orientation(a, b, q) != 0 {
        return false;
    }
    let (dx, dy) = (i128::from(b.x - a.x), i128::from(b.y - a.y));
    let t = |v: PointMm| i128::from(v.x - a.x) * dx + i128::from(v.y - a.y) * dy;
    let (lo, hi) = (t(p).min(t(q)), t(p).max(t(q)));
    hi.min(t(b)) - lo.max(0) > 0
}

/// A room outline after the wall `a → b` moves by `delta`: vertices whose edges lie on the
/// wall move; where the outline carries on along the wall's line past its end, the vertex is
/// doubled so that only the wall's part moves (a step); corners meeting the wall stretch.
fn moved_outline(polygon: &[PointMm], a: PointMm, b: PointMm, delta: PointMm) -> Vec<PointMm> {
    let n = polygon.len();
    let shift = |v: PointMm| PointMm::new(v.x + delta.x, v.y + delta.y);
    let on_line = |v: PointMm| orientation(a, b, v) == 0;
    let mut out = Vec::with_capacity(n + 2);
    for i in 0..n {
        let (prev, v, next) = (polygon[(i + n - 1) % n], polygon[i], polygon[(i + 1) % n]);
        let incoming = overlaps_wall(prev, v, a, b);
        let outgoing = overlaps_wall(v, next, a, b);
        match (incoming, outgoing) {
            (false, false) => out.push(v),
            (true, true) => out.push(shift(v)),
            (true, false) if on_line(next) => out.extend([shift(v), v]),
            (false, true) if on_line(prev) => out.extend([v, shift(v)]),
            _ => out.push(shift(v)),
        }
    }
    out.dedup();
    if out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    out
}

fn set_edge_length(
    plan: &mut Plan,
    room_id: &str,
    edge: usize,
    length_mm: i64,
) -> Result<(), EditError> {
    if length_mm <= 0 {
        return Err(EditError::new(
            "長さは 1 mm 以上です",
            "the length must be at least 1 mm",
        ));
    }
    let (_, room) = find_room_mut(plan, room_id)?;
    let n = room.polygon.len();
    if edge >= n {
        return Err(EditError::new("その辺はありません", "no such edge"));
    }
    let (a, b, c) = (
        room.polygon[edge],
        room.polygon[(edge + 1) % n],
        room.polygon[(edge + 2) % n],
    );
    let current = distance_mm(a, b);
    let delta = length_mm as f64 - current;
    let (dx, dy) = (
        ((b.x - a.x) as f64) / current,
        ((b.y - a.y) as f64) / current,
    );
    // If the next edge is perpendicular, move it as a wall: the room stays rectangular.
    let next = ((c.x - b.x) as f64, (c.y - b.y) as f64);
    if (next.0 * dx + next.1 * dy).abs() < 1e-9 {
        let (nx, ny) = edge_normal(b, c);
        // Moving edge b→c along its normal by `offset` shifts it by offset·(nx, ny); we need
        // a shift of delta along (dx, dy).
        let offset = delta * (dx * nx + dy * ny);
        move_edge(plan, room_id, (edge + 1) % n, offset.round() as i64)
    } else {
        let to = PointMm::new(
            (b.x as f64 + dx * delta).round() as i64,
            (b.y as f64 + dy * delta).round() as i64,
        );
        let storey = plan
            .storeys
            .iter()
            .position(|s| s.rooms.iter().any(|r| r.id == room_id))
            .unwrap_or(0);
        Command::MoveVertex {
            storey,
            from: b,
            to,
        }
        .apply_in_place(plan)
    }
}

fn set_room_size(
    plan: &mut Plan,
    room_id: &str,
    width_mm: i64,
    depth_mm: i64,
) -> Result<(), EditError> {
    if width_mm <= 0 || depth_mm <= 0 {
        return Err(EditError::new(
            "寸法は 1 mm 以上です",
            "sizes must be at least 1 mm",
        ));
    }
    let (_, room) = find_room_mut(plan, room_id)?;
    let (lo, hi) =
        madori_plan::geometry::bounds(&room.polygon).ok_or_else(|| not_found(room_id))?;
    let rectangular = room.polygon.len() == 4
        && room
            .polygon
            .iter()
            .all(|p| (p.x == lo.x || p.x == hi.x) && (p.y == lo.y || p.y == hi.y));
    if !rectangular {
        return Err(EditError::new(
            "幅・奥行は長方形の部屋だけ指定できます (辺の長さを指定してください)",
            "width and depth apply to rectangular rooms only (set edge lengths instead)",
        ));
    }
    let n = room.polygon.len();
    let edge_at = |room: &Room, pick: &dyn Fn(PointMm, PointMm) -> bool| {
        (0..n).find(|&e| pick(room.polygon[e], room.polygon[(e + 1) % n]))
    };
    let right =
        edge_at(room, &|a, b| a.x == hi.x && b.x == hi.x).ok_or_else(|| not_found(room_id))?;
    let bottom =
        edge_at(room, &|a, b| a.y == hi.y && b.y == hi.y).ok_or_else(|| not_found(room_id))?;
    let right_normal = edge_normal(room.polygon[right], room.polygon[(right + 1) % n]);
    let bottom_normal = edge_normal(room.polygon[bottom], room.polygon[(bottom + 1) % n]);
    let dw = (width_mm - (hi.x - lo.x)) as f64;
    let dd = (depth_mm - (hi.y - lo.y)) as f64;
    if dw != 0.0 {
        move_edge(plan, room_id, right, (dw * right_normal.0).round() as i64)?;
    }
    // Moving the right wall may have inserted vertices: find the bottom edge again.
    let (_, room) = find_room_mut(plan, room_id)?;
    let n = room.polygon.len();
    let bottom = (0..n)
        .find(|&e| room.polygon[e].y == hi.y && room.polygon[(e + 1) % n].y == hi.y)
        .unwrap_or(bottom);
    if dd != 0.0 {
        move_edge(plan, room_id, bottom, (dd * bottom_normal.1).round() as i64)?;
    }
    Ok(())
}

/// Where an opening lies: its start and end points in world mm.
fn opening_span(room: &Room, opening: &Opening) -> Option<((f64, f64), (f64, f64))> {
    let n = room.polygon.len();
    let (a, b) = (
        *room.polygon.get(opening.edge)?,
        room.polygon[(opening.edge + 1) % n],
    );
    let len = distance_mm(a, b);
    let (ux, uy) = ((b.x - a.x) as f64 / len, (b.y - a.y) as f64 / len);
    let s = f64::from(opening.offset_mm);
    let e = s + f64::from(opening.width_mm);
    Some((
        (a.x as f64 + ux * s, a.y as f64 + uy * s),
        (a.x as f64 + ux * e, a.y as f64 + uy * e),
    ))
}

/// The edge of `polygon` that contains the span, with the offset of its start from the
/// edge's start vertex.
fn locate_span(polygon: &[PointMm], span: ((f64, f64), (f64, f64))) -> Option<(usize, u32)> {
    let n = polygon.len();
    (0..n).find_map(|e| {
        let (a, b) = (polygon[e], polygon[(e + 1) % n]);
        let len = distance_mm(a, b);
        let (ux, uy) = ((b.x - a.x) as f64 / len, (b.y - a.y) as f64 / len);
        let along = |p: (f64, f64)| (p.0 - a.x as f64) * ux + (p.1 - a.y as f64) * uy;
        let across = |p: (f64, f64)| ((p.0 - a.x as f64) * uy - (p.1 - a.y as f64) * ux).abs();
        let (s, t) = (along(span.0), along(span.1));
        let fits =
            across(span.0) < 1.0 && across(span.1) < 1.0 && s.min(t) > -1.0 && s.max(t) < len + 1.0;
        fits.then(|| (e, s.min(t).max(0.0).round() as u32))
    })
}

/// Re-anchors the openings of `old_id` onto whichever of `rooms` now holds their wall;
/// openings whose wall disappeared are removed.
fn reattach_openings(storey: &mut Storey, old: &Room, rooms: &[String]) {
    let mut kept = Vec::new();
    for mut opening in std::mem::take(&mut storey.openings) {
        if opening.room != old.id {
            kept.push(opening);
            continue;
        }
        let Some(span) = opening_span(old, &opening) else {
            continue;
        };
        let home = rooms.iter().find_map(|id| {
            let room = storey.rooms.iter().find(|r| r.id == *id)?;
            locate_span(&room.polygon, span).map(|(edge, offset)| (id.clone(), edge, offset))
        });
        if let Some((room, edge, offset)) = home {
            opening.room = room;
            opening.edge = edge;
            opening.offset_mm = offset;
            kept.push(opening);
        }
    }
    storey.openings = kept;
}

fn split_room(
    plan: &mut Plan,
    room_id: &str,
    a: PointMm,
    b: PointMm,
    new_id: &str,
) -> Result<(), EditError> {
    ensure_new_id(plan, new_id)?;
    if a == b {
        return Err(EditError::new(
            "分割線の 2 点が同じです",
            "the two points of the cut are the same",
        ));
    }
    let (s, room) = find_room_mut(plan, room_id)?;
    let original = room.clone();
    let poly = &original.polygon;
    let n = poly.len();
    // Where the cut line crosses the outline: (edge, point, position along the cut).
    let (ax, ay, bx, by) = (a.x as f64, a.y as f64, b.x as f64, b.y as f64);
    let mut crossings: Vec<(usize, PointMm, f64)> = Vec::new();
    for e in 0..n {
        let (p, q) = (poly[e], poly[(e + 1) % n]);
        let (px, py, qx, qy) = (p.x as f64, p.y as f64, q.x as f64, q.y as f64);
        let denom = (bx - ax) * (qy - py) - (by - ay) * (qx - px);
        if denom.abs() < 1e-12 {
            continue;
        }
        let u = ((px - ax) * (qy - py) - (py - ay) * (qx - px)) / denom;
        let v = ((px - ax) * (by - ay) - (py - ay) * (bx - ax)) / denom;
        // Count a crossing at an edge's start vertex once (v in [0, 1)).
        if (0.0..1.0).contains(&v) {
            let point = PointMm::new(
                (ax + u * (bx - ax)).round() as i64,
                (ay + u * (by - ay)).round() as i64,
            );
            crossings.push((e, point, u));
        }
    }
    madori_plan::order::sort_by_i64_key(&mut crossings, |c| madori_plan::order::f64_key(c.2));
    crossings.dedup_by(|x, y| x.1 == y.1);
    if crossings.len() != 2 {
        return Err(EditError::new(
            "分割線は部屋の輪郭とちょうど 2 点で交わる必要があります",
            "the cut must cross the room's outline at exactly two points",
        ));
    }
    let (e1, p1, _) = crossings[0];
    let (e2, p2, _) = crossings[1];
    // Walk the outline from p1 to p2 and from p2 back to p1.
    let walk = |from_edge: usize, from: PointMm, to_edge: usize, to: PointMm| -> Vec<PointMm> {
        let mut out = vec![from];
        let mut e = from_edge;
        loop {
            let next = poly[(e + 1) % n];
            if e == to_edge {
                break;
            }
            if out.last() != Some(&next) {
                out.push(next);
            }
            e = (e + 1) % n;
        }
        if out.last() != Some(&to) {
            out.push(to);
        }
        out
    };
    let first = walk(e1, p1, e2, p2);
    let second = walk(e2, p2, e1, p1);
    if first.len() < 3
        || second.len() < 3
        || signed_area_twice_mm2(&first) == 0
        || signed_area_twice_mm2(&second) == 0
    {
        return Err(EditError::new(
            "分割線が部屋の中を通っていません",
            "the cut does not pass through the room",
        ));
    }
    let (keep, other) =
        if signed_area_twice_mm2(&first).abs() >= signed_area_twice_mm2(&second).abs() {
            (first, second)
        } else {
            (second, first)
        };
    let storey = &mut plan.storeys[s];
    let index = storey
        .rooms
        .iter()
        .position(|r| r.id == room_id)
        .ok_or_else(|| not_found(room_id))?;
    storey.rooms[index].polygon = keep;
    storey.rooms[index].wall_thickness_mm.clear();
    let mut new_room = original.clone();
    new_room.id = new_id.to_owned();
    new_room.name = piece_name(plan.rooms().map(|(_, r)| r.name.as_str()), &original.name);
    new_room.polygon = other;
    // The residents stay in the first piece: a cut does not create people.
    new_room.occupancy = None;
    let storey = &mut plan.storeys[s];
    storey.rooms.insert(index + 1, new_room);
    // Neighbours whose walls the cut ends on get a vertex there, keeping walls shared.
    for p in [p1, p2] {
        for r in 0..storey.rooms.len() {
            if r == index || r == index + 1 {
                continue;
            }
            let m = storey.rooms[r].polygon.len();
            if let Some(e) = (0..m).find(|&e| {
                on_segment_strictly(
                    storey.rooms[r].polygon[e],
                    storey.rooms[r].polygon[(e + 1) % m],
                    p,
                )
            }) {
                insert_vertex(storey, r, e, p);
            }
        }
    }
    for fixture in storey.fixtures.iter_mut().filter(|f| f.room == room_id) {
        if locate(&storey.rooms[index + 1].polygon, fixture.at) != Location::Outside {
            fixture.room = new_id.to_owned();
        }
    }
    reattach_openings(storey, &original, &[room_id.to_owned(), new_id.to_owned()]);
    Ok(())
}

/// The outline of two rooms that share a wall, as one polygon running the same way as `a`,
/// starting at `a`'s first vertex that stays on the outline.
///
/// Exact and small (integer mm, no general boolean operation): the editor's plan is always
/// valid, so the two rooms' interiors never overlap and they can only touch along their
/// boundaries. Both outlines are turned to run the same way and each edge is cut at the other
/// room's vertices on it; a wall the rooms share then shows up as the same piece in opposite
/// directions, and dropping those pieces leaves the outline of the union. `Err(true)` when
/// the rooms share no wall, `Err(false)` when what remains is not a single loop (the two rooms
/// would enclose a hole, or meet again at a corner, which closes one off). Time O((n + m)²)
/// for rooms of n and m vertices.
fn union_of_touching(a: &[PointMm], b: &[PointMm]) -> Result<Vec<PointMm>, bool> {
    let turn = |p: &[PointMm]| signed_area_twice_mm2(p).signum();
    let (sa, sb) = (turn(a), turn(b));
    if sa == 0 || sb == 0 {
        return Err(true);
    }
    let mut b = b.to_vec();
    if sa != sb {
        b.reverse();
    }
    // Each directed edge of one room cut at the other's vertices that lie inside it.
    let pieces = |p: &[PointMm], other: &[PointMm]| -> Vec<(PointMm, PointMm)> {
        let mut out = Vec::new();
        for i in 0..p.len() {
            let (from, to) = (p[i], p[(i + 1) % p.len()]);
            let mut cuts: Vec<PointMm> = other
                .iter()
                .copied()
                .filter(|&v| on_segment_strictly(from, to, v))
                .collect();
            // Take the cuts from `from` to `to`, nearest first: the edge is straight, so the
            // distance from `from` orders them. An edge holds few of the other room's
            // vertices, so picking the nearest each time (O(c²)) costs less than a sort
            // would add to the wasm.
            let d = |v: &PointMm| v.x.abs_diff(from.x).saturating_add(v.y.abs_diff(from.y));
            let mut start = from;
            while let Some(k) = (0..cuts.len()).min_by_key(|&k| d(&cuts[k])) {
                let c = cuts.swap_remove(k);
                out.push((start, c));
                start = c;
            }
            out.push((start, to));
        }
        out
    };
    let mut edges = pieces(a, &b);
    let mut others = pieces(&b, a);
    let before = edges.len() + others.len();
    edges.retain(|&(p, q)| {
        if let Some(k) = others.iter().position(|&e| e == (q, p)) {
            others.swap_remove(k);
            false
        } else {
            true
        }
    });
    if edges.len() + others.len() == before {
        return Err(true);
    }
    edges.extend(others);
    // Walk the remaining pieces from the first one left of `a`; each end must lead to
    // exactly one next piece, and the walk must use every piece.
    let mut outline = Vec::with_capacity(edges.len());
    let Some(&(first, _)) = edges.first() else {
        return Err(false);
    };
    let mut at = first;
    for _ in 0..edges.len() {
        let mut next = edges.iter().filter(|e| e.0 == at);
        let (Some(&(_, to)), None) = (next.next(), next.next()) else {
            return Err(false);
        };
        outline.push(at);
        at = to;
        if at == first {
            break;
        }
    }
    if at != first || outline.len() != edges.len() {
        return Err(false);
    }
    // Drop vertices left in the middle of straight walls by the removed partition.
    let mut i = 0;
    while outline.len() > 3 && i < outline.len() {
        let m = outline.len();
        let (prev, cur, next) = (outline[(i + m - 1) % m], outline[i], outline[(i + 1) % m]);
        if orientation(prev, cur, next) == 0 {
            outline.remove(i);
        } else {
            i += 1;
        }
    }
    Ok(outline)
}

fn merge_rooms(plan: &mut Plan, a: &str, b: &str) -> Result<(), EditError> {
    if a == b {
        return Err(EditError::new(
            "同じ部屋は結合できません",
            "a room cannot merge with itself",
        ));
    }
    let s = plan
        .storeys
        .iter()
        .position(|s| s.rooms.iter().any(|r| r.id == a))
        .ok_or_else(|| not_found(a))?;
    let storey = &mut plan.storeys[s];
    let ia = storey
        .rooms
        .iter()
        .position(|r| r.id == a)
        .ok_or_else(|| not_found(a))?;
    let ib = storey.rooms.iter().position(|r| r.id == b).ok_or_else(|| {
        EditError::new(
            "結合する部屋は同じ階で隣り合っている必要があります",
            "rooms to merge must be neighbours on the same storey",
        )
    })?;
    let outline = union_of_touching(&storey.rooms[ia].polygon, &storey.rooms[ib].polygon).map_err(
        |no_shared_wall| {
            if no_shared_wall {
                EditError::new(
                    "隣り合っていない部屋は結合できません",
                    "rooms that do not share a wall cannot merge",
                )
            } else {
                EditError::new("結合すると中庭ができます", "merging would enclose a hole")
            }
        },
    )?;
    let old_a = storey.rooms[ia].clone();
    let old_b = storey.rooms[ib].clone();
    storey.rooms[ia].polygon = outline;
    storey.rooms[ia].wall_thickness_mm.clear();
    storey.rooms.remove(ib);
    for fixture in storey.fixtures.iter_mut().filter(|f| f.room == b) {
        fixture.room = a.to_owned();
    }
    for room in &mut storey.rooms {
        if room.belongs_to.as_deref() == Some(b) {
            room.belongs_to = Some(a.to_owned());
        }
    }
    reattach_openings(storey, &old_a, &[a.to_owned()]);
    reattach_openings(storey, &old_b, &[a.to_owned()]);
    Ok(())
}

/// The name of a new piece cut from a room named `name`: the name without a piece number,
/// then the smallest number from 2 that no room uses yet (`洋室`, `洋室 (2)`, `洋室 (3)`;
/// cutting `洋室 (2)` again gives `洋室 (3)`, never `洋室 (2) (2)`).
pub fn piece_name<'a>(names: impl Iterator<Item = &'a str>, name: &str) -> String {
    let base = match name.rsplit_once(" (") {
        Some((base, number))
            if number
                .strip_suffix(')')
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())) =>
        {
            base
        }
        _ => name,
    };
    let taken: std::collections::HashSet<&str> = names.collect();
    (2..)
        .map(|k| format!("{base} ({k})"))
        .find(|candidate| !taken.contains(candidate.as_str()))
        .unwrap_or_else(|| base.to_owned())
}

fn duplicate_room(plan: &mut Plan, room_id: &str, new_id: &str) -> Result<(), EditError> {
    ensure_new_id(plan, new_id)?;
    let (s, room) = find_room_mut(plan, room_id)?;
    let mut copy = room.clone();
    let storey = &mut plan.storeys[s];
    let all: Vec<PointMm> = storey
        .rooms
        .iter()
        .flat_map(|r| r.polygon.iter().copied())
        .collect();
    let (_, hi) = madori_plan::geometry::bounds(&all).ok_or_else(|| not_found(room_id))?;
    let (lo, _) = madori_plan::geometry::bounds(&copy.polygon).ok_or_else(|| not_found(room_id))?;
    let dx = hi.x - lo.x + 910;
    for v in &mut copy.polygon {
        v.x += dx;
    }
    copy.id = new_id.to_owned();
    copy.name = format!("{} (複製)", copy.name);
    copy.belongs_to = None;
    let fixtures: Vec<Fixture> = storey
        .fixtures
        .iter()
        .filter(|f| f.room == room_id)
        .enumerate()
        .map(|(i, f)| Fixture {
            id: format!("{new_id}-f{}", i + 1),
            room: new_id.to_owned(),
            at: PointMm::new(f.at.x + dx, f.at.y),
            kind: f.kind.clone(),
        })
        .collect();
    storey.rooms.push(copy);
    storey.fixtures.extend(fixtures);
    Ok(())
}

fn transform(plan: &mut Plan, t: Transform) {
    let all: Vec<PointMm> = plan
        .storeys
        .iter()
        .flat_map(|s| s.rooms.iter().flat_map(|r| r.polygon.iter().copied()))
        .collect();
    let Some((lo, hi)) = madori_plan::geometry::bounds(&all) else {
        return;
    };
    // Keep the plan's top-left corner where it was.
    let map = |p: PointMm| match t {
        Transform::RotateClockwise => PointMm::new(lo.x + (hi.y - p.y), lo.y + (p.x - lo.x)),
        Transform::MirrorHorizontal => PointMm::new(lo.x + hi.x - p.x, p.y),
    };
    for storey in &mut plan.storeys {
        for room in &mut storey.rooms {
            for v in &mut room.polygon {
                *v = map(*v);
            }
        }
        for fixture in &mut storey.fixtures {
            fixture.at = map(fixture.at);
        }
    }
}
