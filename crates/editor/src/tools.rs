//! Tools as explicit state machines. Each pointer or key event moves the active tool from
//! one [`Mode`] to the next; drags run as gestures (one undo step each, Esc aborts).

use crate::commands::{edge_normal, Command};
use crate::snap::{snap, Grid};
use crate::viewport::WorldMm;
use crate::{fresh_id, Editor, Selection};
use madori_plan::geometry::{
    distance_mm, locate, signed_area_twice_mm2, Location, MAX_COORDINATE_MM,
};
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
        /// Where it is shown now (the last valid preview).
        to: PointMm,
    },
    /// Dragging a wall perpendicular to itself.
    DraggingEdge {
        /// Room id.
        room: String,
        /// Edge index.
        edge: usize,
        /// Where the drag started.
        start: WorldMm,
        /// How far the wall is shown moved along its normal (the last valid preview), mm.
        offset_mm: i64,
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
    /// Drawing a rectangle from a corner: by dragging, or by a click at each corner (a
    /// press released where it started leaves this mode waiting for the second click).
    DrawingRect {
        /// The first corner.
        start: PointMm,
        /// The opposite corner as last shown (`start` until the pointer moves).
        corner: PointMm,
        /// Whether the press that set `start` is still held (a drag); false once it was
        /// released where it was pressed, waiting for the second click.
        held: bool,
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

/// What the readout beside the pointer shows while drawing or dragging: plain numbers, which
/// the app words and draws ([`Editor::readout`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Readout {
    /// The point the tool would use now, whole mm (the snapped pointer, the rectangle's
    /// opposite corner, the dragged vertex; the pointer itself while a wall is dragged):
    /// the coordinates the readout shows.
    pub at: PointMm,
    /// The length(s) being drawn.
    pub measure: Measure,
    /// The length typed so far ([`Editor::type_char`]); empty when none.
    pub typed: String,
}

/// The lengths a [`Readout`] shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Measure {
    /// A rectangle being drawn.
    Rect {
        /// Its extent along x, mm.
        width_mm: i64,
        /// Its extent along y, mm.
        depth_mm: i64,
        /// Its area, ㎡ (print it with `madori_rules::numbers::area`, as the room label).
        area_m2: f64,
    },
    /// The segment from the last point to the pointer: a polygon side or a cut line.
    Segment {
        /// Its length, rounded to whole mm.
        length_mm: i64,
        /// Its direction in degrees anticlockwise from +x as seen on screen, in [0, 360);
        /// `None` when it is horizontal or vertical (or has no length).
        angle_deg: Option<f64>,
    },
    /// A wall dragged along its normal.
    Offset {
        /// How far it moved, mm: positive out of the room whose wall was picked (the room
        /// grows), negative into it.
        offset_mm: i64,
    },
    /// A vertex dragged.
    Move {
        /// Movement along x, mm.
        dx_mm: i64,
        /// Movement along y, mm.
        dy_mm: i64,
    },
}

/// The longest text a typed length keeps, characters (`1000000,1000000` is 15).
pub const MAX_TYPED_CHARS: usize = 16;
/// The longest length that can be typed, mm: the span of the plan's coordinate range on one
/// side of the origin, far beyond any building.
pub const MAX_TYPED_LENGTH_MM: i64 = MAX_COORDINATE_MM;
/// A direction within this many degrees of horizontal or vertical is taken as exactly that
/// when a length is typed, so a wall typed with the pointer roughly along an axis is
/// straight (the pointer is rarely exactly on it).
pub const AXIS_LOCK_DEG: f64 = 3.0;

/// A typed character as it enters a length: ASCII and full-width digits as ASCII digits; the
/// separators between width and depth (`,` `，` `、` `x` `X` `ｘ` `Ｘ` `×` `*` `＊`) as `,`.
fn length_char(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_digit(u32::from(c) - u32::from('０'), 10),
        ',' | '，' | '、' | 'x' | 'X' | 'ｘ' | 'Ｘ' | '×' | '*' | '＊' => Some(','),
        _ => None,
    }
}

/// The lengths in a typed text (`3640` or `3640,2730`), each 1 to [`MAX_TYPED_LENGTH_MM`].
fn parse_lengths(text: &str) -> Result<Vec<i64>, crate::EditError> {
    text.split(',')
        .map(|part| {
            if part.is_empty() {
                return Err(crate::EditError::new(
                    format!("「{text}」: 長さを数字で入力してください"),
                    format!("“{text}”: type the length in digits"),
                ));
            }
            // Only digits reach the buffer; a number too large for i64 is too long anyway.
            match part.parse::<i64>() {
                Ok(mm) if (1..=MAX_TYPED_LENGTH_MM).contains(&mm) => Ok(mm),
                _ => Err(crate::EditError::new(
                    format!("長さ {part} mm は描けません: 1〜{MAX_TYPED_LENGTH_MM} mm で入力してください"),
                    format!("a length of {part} mm cannot be drawn: type 1 to {MAX_TYPED_LENGTH_MM} mm"),
                )),
            }
        })
        .collect()
}

/// The opposite corner of a rectangle from `start` for a pointer snapped to `snapped`; with
/// Shift a square (the larger side).
fn rect_corner(start: PointMm, snapped: PointMm, shift: bool) -> PointMm {
    if !shift {
        return snapped;
    }
    let side = (snapped.x - start.x).abs().max((snapped.y - start.y).abs());
    PointMm::new(
        start.x + side * (snapped.x - start.x).signum(),
        start.y + side * (snapped.y - start.y).signum(),
    )
}

/// A segment's readout.
fn segment(a: PointMm, b: PointMm) -> Measure {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let angle_deg = (dx != 0 && dy != 0).then(|| {
        // Screen y points down: anticlockwise on screen is towards −y.
        let deg = (-dy as f64).atan2(dx as f64).to_degrees();
        if deg < 0.0 {
            deg + 360.0
        } else {
            deg
        }
    });
    Measure::Segment {
        length_mm: distance_mm(a, b).round() as i64,
        angle_deg,
    }
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
        // A click places the point itself: a half-typed length is dropped.
        self.typed.clear();
        let Some(storey) = self.plan.storeys.get(self.storey) else {
            return;
        };
        match self.tool.clone() {
            Tool::Select => {
                let hit = hit_test(storey, p, self.tolerance_mm);
                self.mode = Mode::Pressing { at: p, hit };
            }
            Tool::Room => {
                let snapped = self.snap_point(p, None, false);
                match self.mode {
                    // The second click of a click-click rectangle.
                    Mode::DrawingRect { start, .. } => {
                        let corner = rect_corner(start, snapped, mods.shift);
                        self.mode = Mode::DrawingRect {
                            start,
                            corner,
                            held: false,
                        };
                        self.finish_rect(start, corner);
                    }
                    _ => {
                        self.begin_gesture("部屋を描く");
                        self.mode = Mode::DrawingRect {
                            start: snapped,
                            corner: snapped,
                            held: true,
                        };
                    }
                }
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
                    Mode::Splitting { first } => {
                        self.split_between(first, point);
                    }
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
                        Mode::DraggingVertex { from, to: from }
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
                            offset_mm: 0,
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
            Mode::DraggingVertex { from, .. } => {
                let to = self.snap_point(p, Some(from), mods.shift);
                let shown = self.preview(&Command::MoveVertex {
                    storey: self.storey,
                    from,
                    to,
                });
                self.selection = Selection::Vertex(to);
                if shown.is_ok() {
                    self.mode = Mode::DraggingVertex { from, to };
                }
            }
            Mode::DraggingEdge {
                room, edge, start, ..
            } => {
                let offset = self.edge_offset(&room, edge, start, p);
                let shown = self.preview(&Command::MoveEdge {
                    room: room.clone(),
                    edge,
                    offset_mm: offset,
                });
                if shown.is_ok() {
                    self.mode = Mode::DraggingEdge {
                        room,
                        edge,
                        start,
                        offset_mm: offset,
                    };
                }
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
            Mode::DrawingRect { start, held, .. } => {
                let snapped = self.snap_point(p, None, false);
                let corner = rect_corner(start, snapped, mods.shift);
                self.mode = Mode::DrawingRect {
                    start,
                    corner,
                    held,
                };
                let _ = self.preview_rect(start, corner);
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
            Mode::DrawingRect {
                start,
                corner,
                held,
            } => {
                let drew_something = self.gesture.as_ref().is_some_and(|g| g.origin != self.plan);
                if !held || corner == start {
                    // Released where it was pressed (a click), or after a refused second
                    // click: wait for the opposite corner (a click or a typed size).
                    self.mode = Mode::DrawingRect {
                        start,
                        corner,
                        held: false,
                    };
                } else if drew_something {
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

    /// A key press. While a length is being typed, Esc clears it, Backspace removes its
    /// last character and Enter applies it ([`Editor::type_char`]).
    pub fn key(&mut self, key: Key) {
        if !self.takes_lengths() {
            self.typed.clear();
        }
        match key {
            Key::Escape if !self.typed.is_empty() => self.typed.clear(),
            Key::Backspace if !self.typed.is_empty() => {
                self.typed.pop();
            }
            Key::Enter if !self.typed.is_empty() => self.apply_typed(),
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
                // Only a polygon closes; any other drawing or drag carries on.
                if let Mode::DrawingPolygon { points } = &self.mode {
                    let points = points.clone();
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

    /// Splits the room under the middle of `a–b`; false (with a message) if it cannot.
    fn split_between(&mut self, a: PointMm, b: PointMm) -> bool {
        let mid = WorldMm::new((a.x + b.x) as f64 / 2.0, (a.y + b.y) as f64 / 2.0);
        let Some(storey) = self.current_storey() else {
            return false;
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
            return false;
        };
        let new_id = fresh_id(&self.plan, "room");
        let split = self
            .apply(Command::SplitRoom {
                room,
                a,
                b,
                new_id: new_id.clone(),
            })
            .is_ok();
        if split {
            self.selection = Selection::Room(new_id);
        }
        split
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
            OpeningKind::Door {
                lockable: None,
                operation: None,
            }
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

    /// Shows the rectangle `start`–`corner` as the gesture's preview (a degenerate one shows
    /// nothing new); the preview room is selected.
    fn preview_rect(&mut self, start: PointMm, corner: PointMm) -> Result<(), crate::EditError> {
        if corner.x == start.x || corner.y == start.y {
            // No width or no depth: no room on screen (not the last one that had both).
            self.preview_origin();
            if matches!(self.selection, Selection::Room(_)) {
                self.selection = Selection::None;
            }
            return Ok(());
        }
        let id = fresh_id(
            self.gesture.as_ref().map_or(&self.plan, |g| &g.origin),
            "room",
        );
        let room = new_room(id.clone(), rect(start, corner));
        self.preview(&Command::AddRoom {
            storey: self.storey,
            room,
        })?;
        self.selection = Selection::Room(id);
        Ok(())
    }

    /// Ends a rectangle at `corner` as one undo step. If it cannot be drawn (degenerate, or
    /// refused with a message) the drawing goes on and nothing is committed.
    fn finish_rect(&mut self, start: PointMm, corner: PointMm) -> bool {
        if corner.x == start.x || corner.y == start.y {
            self.message = Some(crate::EditError::new(
                "幅と奥行きのある矩形にしてください",
                "a rectangle needs both a width and a depth",
            ));
            return false;
        }
        if self.preview_rect(start, corner).is_err() {
            return false;
        }
        self.commit();
        self.mode = Mode::Idle;
        self.typed.clear();
        true
    }

    /// Whether a drawing is in progress that a typed length can continue: a rectangle
    /// (dragged, or after its first click), a polygon with a corner, a cut with its first
    /// point.
    pub fn takes_lengths(&self) -> bool {
        match &self.mode {
            Mode::DrawingRect { .. } | Mode::Splitting { .. } => true,
            Mode::DrawingPolygon { points } => !points.is_empty(),
            _ => false,
        }
    }

    /// A character typed while drawing. Digits build a length (`3640`); a rectangle takes
    /// width and depth (`3640,2730`, also `3640x2730`, `3640×2730`); full-width digits and
    /// commas count as their ASCII forms. Returns whether the character was taken: false
    /// when nothing is being drawn or it has no place in the length, so the key keeps its
    /// usual meaning (tool shortcuts). Enter applies the length, Backspace edits it and Esc
    /// clears it ([`Editor::key`]).
    pub fn type_char(&mut self, c: char) -> bool {
        if !self.takes_lengths() {
            return false;
        }
        let Some(c) = length_char(c) else {
            return false;
        };
        if c == ','
            && (!matches!(self.mode, Mode::DrawingRect { .. })
                || self.typed.is_empty()
                || self.typed.contains(','))
        {
            return false;
        }
        if self.typed.len() >= MAX_TYPED_CHARS {
            self.message = Some(crate::EditError::new(
                format!("入力できる長さは {MAX_TYPED_CHARS} 文字までです"),
                format!("a typed length has at most {MAX_TYPED_CHARS} characters"),
            ));
            return true;
        }
        self.typed.push(c);
        true
    }

    /// The length typed so far (ASCII digits, `,` between width and depth); empty when none.
    pub fn typed(&self) -> &str {
        if self.takes_lengths() {
            &self.typed
        } else {
            ""
        }
    }

    /// Where a typed `length_mm` from `from` ends: towards the snapped pointer (the raw
    /// pointer if that is `from` itself), exactly along an axis when within
    /// [`AXIS_LOCK_DEG`] of it (Shift's orthogonal lock already puts the snapped pointer on
    /// one). `None`, with a message, when the pointer gives no direction or the end would
    /// leave the plan's coordinate range.
    fn typed_end(&mut self, from: PointMm, length_mm: i64) -> Option<PointMm> {
        let snapped = self.last_snap.map(|s| s.point).filter(|p| *p != from);
        let (dx, dy) = match snapped {
            Some(p) => ((p.x - from.x) as f64, (p.y - from.y) as f64),
            None => (
                self.pointer.x - from.x as f64,
                self.pointer.y - from.y as f64,
            ),
        };
        if dx == 0.0 && dy == 0.0 {
            self.message = Some(crate::EditError::new(
                "ポインタを動かして方向を示してください",
                "move the pointer to show the direction",
            ));
            return None;
        }
        let lock = AXIS_LOCK_DEG.to_radians().tan();
        let (x, y) = if dy.abs() <= dx.abs() * lock {
            (
                from.x as i128 + length_mm as i128 * dx.signum() as i128,
                from.y as i128,
            )
        } else if dx.abs() <= dy.abs() * lock {
            (
                from.x as i128,
                from.y as i128 + length_mm as i128 * dy.signum() as i128,
            )
        } else {
            let len = dx.hypot(dy);
            let l = length_mm as f64;
            (
                from.x as i128 + (l * dx / len).round() as i128,
                from.y as i128 + (l * dy / len).round() as i128,
            )
        };
        let limit = i128::from(MAX_COORDINATE_MM);
        if x.abs() > limit || y.abs() > limit {
            self.message = Some(crate::EditError::new(
                format!("長さ {length_mm} mm では図面の範囲 (±{MAX_COORDINATE_MM} mm) を超えます"),
                format!(
                    "a length of {length_mm} mm leaves the drawing range (±{MAX_COORDINATE_MM} mm)"
                ),
            ));
            return None;
        }
        // Both within ±MAX_COORDINATE_MM, so they fit i64.
        Some(PointMm::new(x as i64, y as i64))
    }

    /// Applies the typed length (Enter): the polygon's next corner, the cut's end, or the
    /// rectangle's size, through the same commands as the pointer (one undo step for the
    /// finished room). A length that cannot be used is refused with a message, and the
    /// drawing and the typed text stay as they were.
    fn apply_typed(&mut self) {
        let lengths = match parse_lengths(&self.typed) {
            Ok(lengths) => lengths,
            Err(e) => {
                self.message = Some(e);
                return;
            }
        };
        let one = |lengths: &[i64]| match lengths {
            [length] => Ok(*length),
            _ => Err(crate::EditError::new(
                "長さを 1 つ入力してください (幅,奥行は矩形だけです)",
                "type one length (width,depth is for rectangles)",
            )),
        };
        match self.mode.clone() {
            Mode::DrawingPolygon { mut points } => {
                let length = match one(&lengths) {
                    Ok(length) => length,
                    Err(e) => return self.message = Some(e),
                };
                let Some(&last) = points.last() else { return };
                let Some(end) = self.typed_end(last, length) else {
                    return;
                };
                self.typed.clear();
                self.message = None;
                if points.len() >= 3 && points.first() == Some(&end) {
                    self.finish_polygon(points);
                } else {
                    points.push(end);
                    self.mode = Mode::DrawingPolygon { points };
                }
            }
            Mode::Splitting { first } => {
                let length = match one(&lengths) {
                    Ok(length) => length,
                    Err(e) => return self.message = Some(e),
                };
                let Some(end) = self.typed_end(first, length) else {
                    return;
                };
                if self.split_between(first, end) {
                    self.mode = Mode::Idle;
                    self.typed.clear();
                }
            }
            Mode::DrawingRect { start, corner, .. } => {
                let (width, depth) = match lengths[..] {
                    [width, depth] => (width, depth),
                    // The width alone keeps the depth the pointer shows.
                    [width] if corner.y != start.y => (width, (corner.y - start.y).abs()),
                    _ => {
                        self.message = Some(crate::EditError::new(
                            "奥行も入力してください (例 3640,2730)",
                            "type the depth too (e.g. 3640,2730)",
                        ));
                        return;
                    }
                };
                // Towards the pointer's quadrant (right and down when level with the start).
                let sx = if self.pointer.x < start.x as f64 {
                    -1
                } else {
                    1
                };
                let sy = if self.pointer.y < start.y as f64 {
                    -1
                } else {
                    1
                };
                let (x, y) = (
                    i128::from(start.x) + i128::from(sx * width),
                    i128::from(start.y) + i128::from(sy * depth),
                );
                let limit = i128::from(MAX_COORDINATE_MM);
                if x.abs() > limit || y.abs() > limit {
                    self.message = Some(crate::EditError::new(
                        format!("{width} × {depth} mm では図面の範囲 (±{MAX_COORDINATE_MM} mm) を超えます"),
                        format!("{width} × {depth} mm leaves the drawing range (±{MAX_COORDINATE_MM} mm)"),
                    ));
                    return;
                }
                // Both within ±MAX_COORDINATE_MM, so they fit i64.
                let end = PointMm::new(x as i64, y as i64);
                self.finish_rect(start, end);
            }
            _ => {}
        }
    }

    /// The readout beside the pointer while a room, polygon or cut is drawn or a wall or
    /// vertex is dragged; `None` otherwise.
    pub fn readout(&self) -> Option<Readout> {
        let snapped = self.last_snap.map_or(self.pointer.round(), |s| s.point);
        let (at, measure) = match &self.mode {
            Mode::DrawingRect { start, corner, .. } => {
                let (width_mm, depth_mm) = ((corner.x - start.x).abs(), (corner.y - start.y).abs());
                (
                    *corner,
                    Measure::Rect {
                        width_mm,
                        depth_mm,
                        area_m2: width_mm as f64 * depth_mm as f64 / 1e6,
                    },
                )
            }
            Mode::DrawingPolygon { points } => (snapped, segment(*points.last()?, snapped)),
            Mode::Splitting { first } => (snapped, segment(*first, snapped)),
            Mode::DraggingEdge {
                room, offset_mm, ..
            } => {
                // `edge_normal` points into a polygon of positive signed area (y down).
                let origin = self.gesture.as_ref().map_or(&self.plan, |g| &g.origin);
                let inward = origin
                    .room(room)
                    .is_some_and(|r| signed_area_twice_mm2(&r.polygon) > 0);
                (
                    self.pointer.round(),
                    Measure::Offset {
                        offset_mm: if inward { -offset_mm } else { *offset_mm },
                    },
                )
            }
            Mode::DraggingVertex { from, to } => (
                *to,
                Measure::Move {
                    dx_mm: to.x - from.x,
                    dy_mm: to.y - from.y,
                },
            ),
            _ => return None,
        };
        Some(Readout {
            at,
            measure,
            typed: self.typed().to_owned(),
        })
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
