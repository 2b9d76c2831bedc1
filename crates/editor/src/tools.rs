//! Tools as explicit state machines. Each pointer or key event moves the active tool from
//! one [`Mode`] to the next; drags run as gestures (one undo step each, Esc aborts).

use crate::commands::{edge_normal, Command};
use crate::snap::{snap, Grid};
use crate::viewport::WorldMm;
use crate::{fresh_id, Editor, Selection};
use madori_plan::geometry::{distance_mm, locate, Location, MAX_COORDINATE_MM};
use madori_plan::{
    Fixture, FixtureKind, Opening, OpeningKind, PointMm, Room, RoomKind, Storey, WindowOperation,
};

/// The tools of the toolbar.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Tool {
    /// Select, drag vertices, walls, rooms and fixtures.
    #[default]
    Select,
    /// Draw a rectangular room by dragging.
    Room,
    /// Draw a polygon room by clicking corners.
    Polygon,
    /// Split a room with a line (two clicks).
    Split,
    /// Place a door on a wall.
    Door,
    /// Place a window on a wall.
    Window,
    /// Place a fixture in a room.
    Fixture(FixtureKind),
}

impl Tool {
    /// A stable id for buttons and tests.
    pub fn id(&self) -> &'static str {
        match self {
            Self::Select => "select",
            Self::Room => "room",
            Self::Polygon => "polygon",
            Self::Split => "split",
            Self::Door => "door",
            Self::Window => "window",
            Self::Fixture(kind) => match kind {
                FixtureKind::Toilet => "fixture-toilet",
                FixtureKind::WashBasin { .. } => "fixture-wash-basin",
                FixtureKind::Bath { .. } => "fixture-bath",
                FixtureKind::Shower => "fixture-shower",
                FixtureKind::WashingMachine => "fixture-washing-machine",
                FixtureKind::Kitchen { .. } => "fixture-kitchen",
                FixtureKind::Stairs => "fixture-stairs",
            },
        }
    }
}

/// What the pointer is over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hit {
    /// A vertex.
    Vertex(PointMm),
    /// An opening.
    Opening(String),
    /// A fixture.
    Fixture(String),
    /// An edge of a room.
    Edge {
        /// Room id.
        room: String,
        /// Edge index.
        edge: usize,
    },
    /// Inside a room.
    Room(String),
    /// Nothing.
    Empty,
}

/// The active tool's state.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Mode {
    /// Waiting.
    #[default]
    Idle,
    /// Pointer down on something, not yet moved far enough to drag.
    Pressing {
        /// Where the pointer went down.
        at: WorldMm,
        /// What it went down on.
        hit: Hit,
    },
    /// Dragging a vertex.
    DraggingVertex {
        /// Its original position.
        from: PointMm,
    },
    /// Dragging a wall perpendicular to itself.
    DraggingEdge {
        /// Room id.
        room: String,
        /// Edge index.
        edge: usize,
        /// Where the drag started.
        start: WorldMm,
    },
    /// Moving a room.
    DraggingRoom {
        /// Room id.
        room: String,
        /// Where the drag started.
        start: WorldMm,
    },
    /// Sliding a door or window along its wall.
    DraggingOpening {
        /// Opening id.
        id: String,
        /// Where the drag started.
        start: WorldMm,
    },
    /// Moving a fixture.
    DraggingFixture {
        /// Fixture id.
        id: String,
    },
    /// Drawing a rectangle from a corner.
    DrawingRect {
        /// The first corner.
        start: PointMm,
    },
    /// Clicking the corners of a polygon.
    DrawingPolygon {
        /// Corners so far.
        points: Vec<PointMm>,
    },
    /// Waiting for the cut line's second point.
    Splitting {
        /// The first point.
        first: PointMm,
    },
}

/// Keys the tools understand (the app maps the keyboard to these and to undo/redo).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// Esc: abort the gesture or drawing, or clear the selection.
    Escape,
    /// Remove the last polygon corner.
    Backspace,
    /// Delete the selection.
    Delete,
    /// Close the polygon being drawn.
    Enter,
    /// Nudge the selection by one grid step.
    Arrow {
        /// −1, 0 or 1.
        dx: i64,
        /// −1, 0 or 1.
        dy: i64,
    },
}

/// Modifier keys held during a pointer event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Modifiers {
    /// Shift: orthogonal lock.
    pub shift: bool,
}

/// A pointer position the tools can compute with: `None` when not a number; otherwise
/// clamped to the plan's coordinate range (±[`MAX_COORDINATE_MM`]; a point beyond it is far
/// off any canvas), so that every sum and exact predicate on it stays in range.
fn within_range(p: WorldMm) -> Option<WorldMm> {
    let limit = MAX_COORDINATE_MM as f64;
    (p.x.is_finite() && p.y.is_finite())
        .then(|| WorldMm::new(p.x.clamp(-limit, limit), p.y.clamp(-limit, limit)))
}

fn distance_to_segment(a: PointMm, b: PointMm, p: WorldMm) -> f64 {
    crate::snap::nearest_on_segment(a, b, p).1
}

/// What is under `p` on a storey, within `tolerance_mm` for vertices, edges and openings.
pub fn hit_test(storey: &Storey, p: WorldMm, tolerance_mm: f64) -> Hit {
    let vertex = storey
        .rooms
        .iter()
        .flat_map(|r| r.polygon.iter().copied())
        .map(|v| (v, (v.x as f64 - p.x).hypot(v.y as f64 - p.y)))
        .filter(|(_, d)| *d <= tolerance_mm)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((v, _)) = vertex {
        return Hit::Vertex(v);
    }
    for opening in &storey.openings {
        let Some(room) = storey.rooms.iter().find(|r| r.id == opening.room) else {
            continue;
        };
        let n = room.polygon.len();
        let Some(&a) = room.polygon.get(opening.edge) else {
            continue;
        };
        let b = room.polygon[(opening.edge + 1) % n];
        let len = distance_mm(a, b);
        let (ux, uy) = ((b.x - a.x) as f64 / len, (b.y - a.y) as f64 / len);
        let s = f64::from(opening.offset_mm);
        let e = s + f64::from(opening.width_mm);
        let start = PointMm::new(
            (a.x as f64 + ux * s).round() as i64,
            (a.y as f64 + uy * s).round() as i64,
        );
        let end = PointMm::new(
            (a.x as f64 + ux * e).round() as i64,
            (a.y as f64 + uy * e).round() as i64,
        );
        if distance_to_segment(start, end, p) <= tolerance_mm {
            return Hit::Opening(opening.id.clone());
        }
    }
    let radius = tolerance_mm.max(250.0);
    if let Some(f) = storey
        .fixtures
        .iter()
        .find(|f| (f.at.x as f64 - p.x).hypot(f.at.y as f64 - p.y) <= radius)
    {
        return Hit::Fixture(f.id.clone());
    }
    let edge = storey
        .rooms
        .iter()
        .flat_map(|r| {
            let n = r.polygon.len();
            (0..n).map(move |e| {
                (
                    r,
                    e,
                    distance_to_segment(r.polygon[e], r.polygon[(e + 1) % n], p),
                )
            })
        })
        .filter(|(_, _, d)| *d <= tolerance_mm)
        .min_by(|a, b| a.2.total_cmp(&b.2));
    if let Some((room, edge, _)) = edge {
        return Hit::Edge {
            room: room.id.clone(),
            edge,
        };
    }
    let inside = storey
        .rooms
        .iter()
        .find(|r| locate(&r.polygon, p.round()) == Location::Inside);
    inside.map_or(Hit::Empty, |r| Hit::Room(r.id.clone()))
}

fn rect(a: PointMm, b: PointMm) -> Vec<PointMm> {
    let (lo, hi) = (
        PointMm::new(a.x.min(b.x), a.y.min(b.y)),
        PointMm::new(a.x.max(b.x), a.y.max(b.y)),
    );
    vec![lo, PointMm::new(hi.x, lo.y), hi, PointMm::new(lo.x, hi.y)]
}

fn new_room(id: String, polygon: Vec<PointMm>) -> Room {
    Room {
        name: format!(
            "居室{}",
            id.trim_start_matches(|c: char| !c.is_ascii_digit())
        ),
        id,
        kind: RoomKind::Private,
        polygon,
        wall_thickness_mm: vec![],
        belongs_to: None,
        occupancy: Some(madori_plan::Occupancy::Persons(1)),
        lockable: false,
        mechanical_ventilation: false,
        ceiling_height_mm: None,
    }
}

/// Default door width, mm (a common 780 mm leaf).
pub const DOOR_WIDTH_MM: u32 = 780;
/// Default window width, mm (a common 1690 mm 引違い); its height is left for the user.
pub const WINDOW_WIDTH_MM: u32 = 1690;

impl Editor {
    fn snapping_storey(&self) -> Option<&Storey> {
        self.gesture
            .as_ref()
            .map_or(self.plan.storeys.get(self.storey), |g| {
                g.origin.storeys.get(self.storey)
            })
    }

    fn snap_point(&mut self, p: WorldMm, anchor: Option<PointMm>, shift: bool) -> PointMm {
        let snapped = snap(
            self.snapping_storey(),
            self.snap,
            p,
            self.tolerance_mm,
            anchor,
            shift,
        );
        self.last_snap = Some(snapped);
        snapped.point
    }

    /// Chooses a tool (ending any gesture or drawing in progress).
    pub fn tool(&mut self, tool: Tool) -> &mut Self {
        self.cancel();
        self.tool = tool;
        self.mode = Mode::Idle;
        self
    }

    /// Pointer pressed at `p`.
    pub fn pointer_down(&mut self, p: WorldMm, mods: Modifiers) {
        let Some(p) = within_range(p) else { return };
        self.pointer = p;
        let Some(storey) = self.plan.storeys.get(self.storey) else {
            return;
        };
        match self.tool.clone() {
            Tool::Select => {
                let hit = hit_test(storey, p, self.tolerance_mm);
                self.mode = Mode::Pressing { at: p, hit };
            }
            Tool::Room => {
                let start = self.snap_point(p, None, false);
                self.begin_gesture("部屋を描く");
                self.mode = Mode::DrawingRect { start };
            }
            Tool::Polygon => {
                let anchor = match &self.mode {
                    Mode::DrawingPolygon { points } => points.last().copied(),
                    _ => None,
                };
                let point = self.snap_point(p, anchor, mods.shift);
                let mut points = match std::mem::take(&mut self.mode) {
                    Mode::DrawingPolygon { points } => points,
                    _ => Vec::new(),
                };
                let closes = points.len() >= 3 && points.first() == Some(&point);
                if closes {
                    self.finish_polygon(points);
                } else {
                    if points.last() != Some(&point) {
                        points.push(point);
                    }
                    self.mode = Mode::DrawingPolygon { points };
                }
            }
            Tool::Split => {
                let point = self.snap_point(
                    p,
                    match self.mode {
                        Mode::Splitting { first } => Some(first),
                        _ => None,
                    },
                    mods.shift,
                );
                match std::mem::take(&mut self.mode) {
                    Mode::Splitting { first } => self.split_between(first, point),
                    _ => self.mode = Mode::Splitting { first: point },
                }
            }
            Tool::Door | Tool::Window => self.place_opening(p),
            Tool::Fixture(kind) => self.place_fixture(p, kind),
        }
    }

    /// Pointer moved to `p` (button held or not).
    pub fn pointer_move(&mut self, p: WorldMm, mods: Modifiers) {
        let Some(p) = within_range(p) else { return };
        self.pointer = p;
        match self.mode.clone() {
            Mode::Pressing { at, hit } => {
                let moved = (p.x - at.x).hypot(p.y - at.y);
                if moved < self.tolerance_mm / 3.0 {
                    return;
                }
                self.mode = match hit {
                    Hit::Vertex(from) => {
                        self.begin_gesture("頂点を移動");
                        self.selection = Selection::Vertex(from);
                        Mode::DraggingVertex { from }
                    }
                    Hit::Edge { room, edge } => {
                        self.begin_gesture("壁を移動");
                        self.selection = Selection::Edge {
                            room: room.clone(),
                            edge,
                        };
                        Mode::DraggingEdge {
                            room,
                            edge,
                            start: at,
                        }
                    }
                    Hit::Room(room) => {
                        self.begin_gesture("部屋を移動");
                        self.selection = Selection::Room(room.clone());
                        Mode::DraggingRoom { room, start: at }
                    }
                    Hit::Fixture(id) => {
                        self.begin_gesture("設備を移動");
                        self.selection = Selection::Fixture(id.clone());
                        Mode::DraggingFixture { id }
                    }
                    Hit::Opening(id) => {
                        self.begin_gesture("建具を移動");
                        self.selection = Selection::Opening(id.clone());
                        Mode::DraggingOpening { id, start: at }
                    }
                    Hit::Empty => Mode::Idle,
                };
                self.pointer_move(p, mods);
            }
            Mode::DraggingVertex { from } => {
                let to = self.snap_point(p, Some(from), mods.shift);
                let _ = self.preview(&Command::MoveVertex {
                    storey: self.storey,
                    from,
                    to,
                });
                self.selection = Selection::Vertex(to);
            }
            Mode::DraggingEdge { room, edge, start } => {
                let offset = self.edge_offset(&room, edge, start, p);
                let _ = self.preview(&Command::MoveEdge {
                    room,
                    edge,
                    offset_mm: offset,
                });
            }
            Mode::DraggingRoom { room, start } => {
                let grid = self.snap.grid;
                let mut delta = PointMm::new(grid.round(p.x - start.x), grid.round(p.y - start.y));
                if mods.shift {
                    if delta.x.abs() >= delta.y.abs() {
                        delta.y = 0
                    } else {
                        delta.x = 0
                    }
                }
                let _ = self.preview(&Command::MoveRoom { room, delta });
            }
            Mode::DraggingOpening { id, start } => {
                if let Some(offset_mm) = self.opening_offset(&id, start, p) {
                    let _ = self.preview(&Command::MoveOpening { id, offset_mm });
                }
            }
            Mode::DraggingFixture { id } => {
                let to = p.round();
                let _ = self.preview(&Command::MoveFixture { id, to });
            }
            Mode::DrawingRect { start } => {
                let mut corner = self.snap_point(p, None, false);
                if mods.shift {
                    // Shift draws a square.
                    let side = (corner.x - start.x).abs().max((corner.y - start.y).abs());
                    corner = PointMm::new(
                        start.x + side * (corner.x - start.x).signum(),
                        start.y + side * (corner.y - start.y).signum(),
                    );
                }
                if corner.x != start.x && corner.y != start.y {
                    let id = fresh_id(
                        self.gesture.as_ref().map_or(&self.plan, |g| &g.origin),
                        "room",
                    );
                    let room = new_room(id.clone(), rect(start, corner));
                    if self
                        .preview(&Command::AddRoom {
                            storey: self.storey,
                            room,
                        })
                        .is_ok()
                    {
                        self.selection = Selection::Room(id);
                    }
                }
            }
            Mode::DrawingPolygon { points } => {
                self.snap_point(p, points.last().copied(), mods.shift);
            }
            Mode::Splitting { first } => {
                self.snap_point(p, Some(first), mods.shift);
            }
            Mode::Idle => {
                if !matches!(self.tool, Tool::Select) {
                    self.snap_point(p, None, false);
                }
            }
        }
    }

    /// Pointer released at `p`.
    pub fn pointer_up(&mut self, p: WorldMm, mods: Modifiers) {
        let p = within_range(p).unwrap_or(self.pointer);
        self.pointer_move(p, mods);
        match std::mem::take(&mut self.mode) {
            Mode::Pressing { hit, .. } => {
                self.selection = match hit {
                    Hit::Vertex(v) => Selection::Vertex(v),
                    Hit::Opening(id) => Selection::Opening(id),
                    Hit::Fixture(id) => Selection::Fixture(id),
                    Hit::Edge { room, edge } => Selection::Edge { room, edge },
                    Hit::Room(id) => Selection::Room(id),
                    Hit::Empty => Selection::None,
                };
            }
            Mode::DraggingVertex { .. }
            | Mode::DraggingOpening { .. }
            | Mode::DraggingEdge { .. }
            | Mode::DraggingRoom { .. }
            | Mode::DraggingFixture { .. } => self.commit(),
            Mode::DrawingRect { .. } => {
                let drew_something = self.gesture.as_ref().is_some_and(|g| g.origin != self.plan);
                if drew_something {
                    self.commit();
                } else {
                    self.cancel();
                }
            }
            other => self.mode = other,
        }
    }

    /// Double click: closes a polygon being drawn.
    pub fn double_click(&mut self, _p: WorldMm) {
        if let Mode::DrawingPolygon { points } = std::mem::take(&mut self.mode) {
            self.finish_polygon(points);
        }
    }

    /// A key press.
    pub fn key(&mut self, key: Key) {
        match key {
            Key::Escape => {
                if self.in_gesture() || self.mode != Mode::Idle {
                    self.cancel();
                } else {
                    self.selection = Selection::None;
                }
            }
            Key::Backspace => {
                if let Mode::DrawingPolygon { points } = &mut self.mode {
                    points.pop();
                    if points.is_empty() {
                        self.mode = Mode::Idle;
                    }
                } else {
                    self.delete_selection();
                }
            }
            Key::Delete => self.delete_selection(),
            Key::Enter => {
                if let Mode::DrawingPolygon { points } = std::mem::take(&mut self.mode) {
                    self.finish_polygon(points);
                }
            }
            Key::Arrow { dx, dy } => self.nudge(dx, dy),
        }
    }

    fn finish_polygon(&mut self, mut points: Vec<PointMm>) {
        if points.len() >= 2 && points.first() == points.last() {
            points.pop();
        }
        if points.len() < 3 {
            self.message = Some(crate::EditError::new(
                "角を 3 つ以上クリックしてください",
                "click at least three corners",
            ));
            self.mode = Mode::DrawingPolygon { points };
            return;
        }
        let id = fresh_id(&self.plan, "room");
        let room = new_room(id.clone(), points.clone());
        match self.apply(Command::AddRoom {
            storey: self.storey,
            room,
        }) {
            Ok(()) => {
                self.selection = Selection::Room(id);
                self.mode = Mode::Idle;
            }
            Err(_) => self.mode = Mode::DrawingPolygon { points },
        }
    }

    fn split_between(&mut self, a: PointMm, b: PointMm) {
        let mid = WorldMm::new((a.x + b.x) as f64 / 2.0, (a.y + b.y) as f64 / 2.0);
        let Some(storey) = self.current_storey() else {
            return;
        };
        let room = storey
            .rooms
            .iter()
            .find(|r| locate(&r.polygon, mid.round()) == Location::Inside)
            .map(|r| r.id.clone());
        let Some(room) = room else {
            self.message = Some(crate::EditError::new(
                "分割線の中点が部屋の中にありません",
                "the middle of the cut is not inside a room",
            ));
            return;
        };
        let new_id = fresh_id(&self.plan, "room");
        if self
            .apply(Command::SplitRoom {
                room,
                a,
                b,
                new_id: new_id.clone(),
            })
            .is_ok()
        {
            self.selection = Selection::Room(new_id);
        }
    }

    fn place_opening(&mut self, p: WorldMm) {
        let Some(storey) = self.current_storey() else {
            return;
        };
        let tolerance = self.tolerance_mm.max(300.0);
        let nearest = storey
            .rooms
            .iter()
            .enumerate()
            .filter(|(_, r)| r.kind.counts_as_floor_area())
            .flat_map(|(i, r)| {
                let n = r.polygon.len();
                (0..n).map(move |e| {
                    (
                        i,
                        e,
                        distance_to_segment(r.polygon[e], r.polygon[(e + 1) % n], p),
                    )
                })
            })
            .filter(|(_, _, d)| *d <= tolerance)
            .min_by(|a, b| a.2.total_cmp(&b.2));
        let Some((r, e, _)) = nearest else {
            self.message = Some(crate::EditError::new(
                "壁の近くをクリックしてください",
                "click near a wall",
            ));
            return;
        };
        let room = &storey.rooms[r];
        let n = room.polygon.len();
        let (a, b) = (room.polygon[e], room.polygon[(e + 1) % n]);
        let len = distance_mm(a, b);
        let door = self.tool == Tool::Door;
        let width = if door { DOOR_WIDTH_MM } else { WINDOW_WIDTH_MM }.min(len.floor() as u32);
        let (ux, uy) = ((b.x - a.x) as f64 / len, (b.y - a.y) as f64 / len);
        let along = (p.x - a.x as f64) * ux + (p.y - a.y as f64) * uy;
        let offset = (along - f64::from(width) / 2.0)
            .clamp(0.0, (len - f64::from(width)).max(0.0))
            .round() as u32;
        let exterior = madori_rules::area::exterior_edges(storey)[r][e];
        // What the user has not said is left unknown (the check lists it as missing), never
        // guessed: whether the door locks, how tall the window is.
        let kind = if door {
            OpeningKind::Door { lockable: None }
        } else {
            OpeningKind::Window {
                height_mm: None,
                exterior,
                operation: WindowOperation::Sliding,
            }
        };
        let id = fresh_id(&self.plan, if door { "door" } else { "window" });
        let opening = Opening {
            id: id.clone(),
            room: room.id.clone(),
            edge: e,
            offset_mm: offset,
            width_mm: width,
            kind,
        };
        if self
            .apply(Command::AddOpening {
                storey: self.storey,
                opening,
            })
            .is_ok()
        {
            self.selection = Selection::Opening(id);
        }
    }

    fn place_fixture(&mut self, p: WorldMm, kind: FixtureKind) {
        let at = p.round();
        let Some(storey) = self.current_storey() else {
            return;
        };
        let Some(room) = storey
            .rooms
            .iter()
            .find(|r| locate(&r.polygon, at) == Location::Inside)
        else {
            self.message = Some(crate::EditError::new(
                "設備は部屋の中に置きます",
                "place fixtures inside a room",
            ));
            return;
        };
        let id = fresh_id(&self.plan, "fixture");
        let fixture = Fixture {
            id: id.clone(),
            room: room.id.clone(),
            at,
            kind,
        };
        if self
            .apply(Command::AddFixture {
                storey: self.storey,
                fixture,
            })
            .is_ok()
        {
            self.selection = Selection::Fixture(id);
        }
    }

    /// How far an edge moves for a drag from `start` to `p`: along its normal, with the
    /// moved wall landing on the grid when the edge is horizontal or vertical.
    fn edge_offset(&self, room: &str, edge: usize, start: WorldMm, p: WorldMm) -> i64 {
        let origin = self.gesture.as_ref().map_or(&self.plan, |g| &g.origin);
        let Some(r) = origin.room(room) else { return 0 };
        let n = r.polygon.len();
        let (a, b) = (r.polygon[edge % n], r.polygon[(edge + 1) % n]);
        let (nx, ny) = edge_normal(a, b);
        let raw = (p.x - start.x) * nx + (p.y - start.y) * ny;
        let grid = self.snap.grid;
        if grid == Grid::Off {
            return raw.round() as i64;
        }
        if a.y == b.y {
            let target = grid.round(a.y as f64 + raw * ny);
            (target - a.y) * ny.signum() as i64
        } else if a.x == b.x {
            let target = grid.round(a.x as f64 + raw * nx);
            (target - a.x) * nx.signum() as i64
        } else {
            raw.round() as i64
        }
    }

    /// Where an opening lands when dragged from `start` to `p`: its original offset plus the
    /// movement along its wall, kept on the wall (whole millimetres).
    fn opening_offset(&self, id: &str, start: WorldMm, p: WorldMm) -> Option<u32> {
        let origin = self.gesture.as_ref().map_or(&self.plan, |g| &g.origin);
        let storey = origin
            .storeys
            .iter()
            .find(|s| s.openings.iter().any(|o| o.id == id))?;
        let opening = storey.openings.iter().find(|o| o.id == id)?;
        let room = storey.rooms.iter().find(|r| r.id == opening.room)?;
        let n = room.polygon.len();
        let (a, b) = (
            *room.polygon.get(opening.edge)?,
            room.polygon[(opening.edge + 1) % n],
        );
        let len = distance_mm(a, b);
        let (ux, uy) = ((b.x - a.x) as f64 / len, (b.y - a.y) as f64 / len);
        let along = (p.x - start.x) * ux + (p.y - start.y) * uy;
        let max = (len - f64::from(opening.width_mm)).max(0.0);
        Some(
            (f64::from(opening.offset_mm) + along)
                .clamp(0.0, max)
                .round() as u32,
        )
    }

    /// Deletes the selected room, opening or fixture.
    pub fn delete_selection(&mut self) {
        let id = match &self.selection {
            Selection::Room(id) | Selection::Opening(id) | Selection::Fixture(id) => id.clone(),
            _ => return,
        };
        if self.apply(Command::Delete { ids: vec![id] }).is_ok() {
            self.selection = Selection::None;
        }
    }

    fn nudge(&mut self, dx: i64, dy: i64) {
        let step = self.snap.grid.step_mm();
        let delta = PointMm::new(dx * step, dy * step);
        let _ = match self.selection.clone() {
            Selection::Room(room) => self.apply(Command::MoveRoom { room, delta }),
            Selection::Fixture(id) => {
                let Some(f) = self
                    .plan
                    .storeys
                    .iter()
                    .flat_map(|s| &s.fixtures)
                    .find(|f| f.id == id)
                else {
                    return;
                };
                let to = PointMm::new(f.at.x + delta.x, f.at.y + delta.y);
                self.apply(Command::MoveFixture { id, to })
            }
            Selection::Vertex(from) => {
                let to = PointMm::new(from.x + delta.x, from.y + delta.y);
                let result = self.apply(Command::MoveVertex {
                    storey: self.storey,
                    from,
                    to,
                });
                if result.is_ok() {
                    self.selection = Selection::Vertex(to);
                }
                result
            }
            Selection::Edge { room, edge } => {
                let Some(r) = self.plan.room(&room) else {
                    return;
                };
                let n = r.polygon.len();
                let (nx, ny) = edge_normal(r.polygon[edge % n], r.polygon[(edge + 1) % n]);
                let offset = (delta.x as f64 * nx + delta.y as f64 * ny).round() as i64;
                if offset == 0 {
                    return;
                }
                self.apply(Command::MoveEdge {
                    room,
                    edge,
                    offset_mm: offset,
                })
            }
            _ => return,
        };
    }

    // ----- Story-style helpers: the same events with world coordinates in mm. -----

    /// Presses at `(x, y)` mm.
    pub fn down(&mut self, x: f64, y: f64) -> &mut Self {
        self.pointer_down(WorldMm::new(x, y), Modifiers::default());
        self
    }

    /// Moves (dragging if pressed) to `(x, y)` mm.
    pub fn drag(&mut self, x: f64, y: f64) -> &mut Self {
        self.pointer_move(WorldMm::new(x, y), Modifiers::default());
        self
    }

    /// Moves to `(x, y)` with Shift held.
    pub fn drag_shift(&mut self, x: f64, y: f64) -> &mut Self {
        self.pointer_move(WorldMm::new(x, y), Modifiers { shift: true });
        self
    }

    /// Releases where the pointer last was.
    pub fn up(&mut self) -> &mut Self {
        self.pointer_up(self.pointer, Modifiers::default());
        self
    }

    /// Presses and releases at `(x, y)` mm.
    pub fn click(&mut self, x: f64, y: f64) -> &mut Self {
        self.pointer_down(WorldMm::new(x, y), Modifiers::default());
        self.pointer_up(WorldMm::new(x, y), Modifiers::default());
        self
    }

    /// Presses a key.
    pub fn press(&mut self, key: Key) -> &mut Self {
        self.key(key);
        self
    }
}
