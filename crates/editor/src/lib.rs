//! Madori's headless editor: everything a user does to a plan, without a DOM.
//!
//! * Every change is a [`Command`] applied through [`Editor::apply`]; the result is validated
//!   and an invalid result changes nothing and leaves a message.
//! * Undo and redo keep whole-plan snapshots, one per command or gesture.
//! * A gesture (a drag) is a transaction: [`Editor::begin_gesture`], any number of
//!   [`Editor::preview`]s computed from the gesture's origin plan, then [`Editor::commit`]
//!   (one undo step) or [`Editor::cancel`] (Esc).
//! * Tools are explicit state machines fed with pointer and key events in world millimetres
//!   ([`tools`]); the app converts screen pixels with a [`viewport::Viewport`].
//!
//! ```
//! use madori_editor::{Editor, tools::Tool};
//! let mut ed = Editor::new(madori_editor::empty_plan());
//! ed.tool(Tool::Room).down(0.0, 0.0).drag(3640.0, 2730.0).up();
//! assert_eq!(ed.plan.storeys[0].rooms.len(), 1);
//! ed.undo();
//! assert!(ed.plan.storeys[0].rooms.is_empty());
//! ```

pub mod commands;
pub mod snap;
pub mod tools;
pub mod viewport;

pub use commands::{Command, EditError, RoomPatch, Transform};
use madori_plan::{Plan, PointMm};
use snap::SnapSettings;
use tools::{Mode, Tool};

/// Undo steps kept; older ones are dropped.
pub const HISTORY_LIMIT: usize = 200;

/// What is selected.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Selection {
    /// Nothing.
    #[default]
    None,
    /// A room.
    Room(String),
    /// One edge of a room.
    Edge {
        /// Room id.
        room: String,
        /// Edge index.
        edge: usize,
    },
    /// A vertex (every room's vertex at that point).
    Vertex(PointMm),
    /// A door or window.
    Opening(String),
    /// A fixture.
    Fixture(String),
}

/// One undo step: the plan before and after, and what it was.
#[derive(Clone, Debug)]
struct Step {
    label: &'static str,
    before: Plan,
    after: Plan,
}

/// A gesture in progress.
#[derive(Clone, Debug)]
struct Gesture {
    label: &'static str,
    origin: Plan,
}

/// The editor: the plan, its history, the selection and the active tool.
#[derive(Clone, Debug)]
pub struct Editor {
    /// The plan as shown (during a gesture, the gesture's preview).
    pub plan: Plan,
    /// Index of the storey being edited.
    pub storey: usize,
    /// The selection.
    pub selection: Selection,
    /// The active tool.
    pub tool: Tool,
    /// The tool's state.
    pub mode: Mode,
    /// Snapping settings.
    pub snap: SnapSettings,
    /// The last snap, for the indicator.
    pub last_snap: Option<snap::Snapped>,
    /// How far from the pointer a vertex or edge is hit or snapped, mm (the app sets it
    /// from the zoom so it is a constant number of pixels).
    pub tolerance_mm: f64,
    /// The last refused change, for the status bar.
    pub message: Option<EditError>,
    /// Where the pointer last was, world mm.
    pub pointer: viewport::WorldMm,
    undo_stack: Vec<Step>,
    redo_stack: Vec<Step>,
    gesture: Option<Gesture>,
}

/// A plan with one empty storey, for a new drawing.
pub fn empty_plan() -> Plan {
    Plan {
        format_version: madori_plan::format::FORMAT_VERSION,
        name: "新しい間取り".into(),
        dwelling: madori_plan::Dwelling::default(),
        storeys: vec![madori_plan::Storey {
            id: "1f".into(),
            name: "1F".into(),
            ceiling_height_mm: Some(2400),
            rooms: vec![],
            openings: vec![],
            fixtures: vec![],
        }],
    }
}

/// Every id in a plan.
pub fn all_ids(plan: &Plan) -> impl Iterator<Item = &str> {
    plan.storeys.iter().flat_map(|s| {
        std::iter::once(s.id.as_str())
            .chain(s.rooms.iter().map(|r| r.id.as_str()))
            .chain(s.openings.iter().map(|o| o.id.as_str()))
            .chain(s.fixtures.iter().map(|f| f.id.as_str()))
    })
}

/// A fresh id `prefix<n>` not used in the plan.
pub fn fresh_id(plan: &Plan, prefix: &str) -> String {
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|candidate| !all_ids(plan).any(|id| id == candidate))
        .unwrap_or_else(|| prefix.to_owned())
}

impl Editor {
    /// An editor on `plan`, with the select tool.
    pub fn new(plan: Plan) -> Self {
        Self {
            plan,
            storey: 0,
            selection: Selection::None,
            tool: Tool::Select,
            mode: Mode::Idle,
            snap: SnapSettings::default(),
            last_snap: None,
            tolerance_mm: 150.0,
            message: None,
            pointer: viewport::WorldMm::default(),
            undo_stack: Vec::new(),
            redo_stack: Vec::new(),
            gesture: None,
        }
    }

    /// Replaces the plan (opening a file or a template): history starts afresh.
    pub fn load(&mut self, plan: Plan) {
        *self = Self {
            snap: self.snap,
            tolerance_mm: self.tolerance_mm,
            ..Self::new(plan)
        };
    }

    /// Applies `command` to `base` and validates only what it changed
    /// ([`madori_plan::validate::validate_touched`]): `base` is the editor's plan or a
    /// gesture's origin, which every earlier step validated, so the verdict is the same as
    /// validating the whole result, at a cost that follows the size of the edit.
    fn checked(&self, base: &Plan, command: &Command) -> Result<Plan, EditError> {
        let next = command.apply(base)?;
        let touched = madori_plan::validate::Touched::between(base, &next);
        let problems = madori_plan::validate::validate_touched(&next, &touched);
        match problems.first() {
            None => Ok(next),
            Some(first) => Err(EditError::new(
                format!("{}: {}", command.label(), first.message_ja),
                format!("{}: {}", command.label(), first.message_en),
            )),
        }
    }

    /// Applies a command as one undo step. On error nothing changes and the message is kept
    /// in [`Editor::message`].
    pub fn apply(&mut self, command: Command) -> Result<(), EditError> {
        if self.gesture.is_some() {
            self.cancel();
        }
        match self.checked(&self.plan, &command) {
            Ok(next) => {
                let before = std::mem::replace(&mut self.plan, next);
                self.push_step(command.label(), before);
                self.message = None;
                self.prune_selection();
                Ok(())
            }
            Err(e) => {
                self.message = Some(e.clone());
                Err(e)
            }
        }
    }

    fn push_step(&mut self, label: &'static str, before: Plan) {
        self.undo_stack.push(Step {
            label,
            before,
            after: self.plan.clone(),
        });
        if self.undo_stack.len() > HISTORY_LIMIT {
            self.undo_stack.remove(0);
        }
        self.redo_stack.clear();
    }

    /// Starts a gesture: previews apply to the plan as it is now.
    pub fn begin_gesture(&mut self, label: &'static str) {
        if self.gesture.is_none() {
            self.gesture = Some(Gesture {
                label,
                origin: self.plan.clone(),
            });
        }
    }

    /// Shows `command` applied to the gesture's origin. An invalid result keeps the last
    /// valid preview (the drag stops at the obstacle) and returns the reason.
    pub fn preview(&mut self, command: &Command) -> Result<(), EditError> {
        let Some(gesture) = &self.gesture else {
            return Err(EditError::new(
                "操作中ではありません",
                "no gesture in progress",
            ));
        };
        match self.checked(&gesture.origin, command) {
            Ok(next) => {
                self.plan = next;
                self.message = None;
                Ok(())
            }
            Err(e) => {
                self.message = Some(e.clone());
                Err(e)
            }
        }
    }

    /// Ends the gesture as one undo step (none if nothing changed).
    pub fn commit(&mut self) {
        if let Some(gesture) = self.gesture.take() {
            if gesture.origin != self.plan {
                self.push_step(gesture.label, gesture.origin);
            }
        }
        self.prune_selection();
    }

    /// Abandons the gesture, restoring the plan as it was before it.
    pub fn cancel(&mut self) {
        if let Some(gesture) = self.gesture.take() {
            self.plan = gesture.origin;
        }
        self.mode = Mode::Idle;
    }

    /// Whether a gesture is in progress.
    pub fn in_gesture(&self) -> bool {
        self.gesture.is_some()
    }

    /// Undoes the last step; false if there is none.
    pub fn undo(&mut self) -> bool {
        self.cancel();
        match self.undo_stack.pop() {
            Some(step) => {
                self.plan = step.before.clone();
                self.redo_stack.push(step);
                self.prune_selection();
                true
            }
            None => false,
        }
    }

    /// Redoes the last undone step; false if there is none.
    pub fn redo(&mut self) -> bool {
        self.cancel();
        match self.redo_stack.pop() {
            Some(step) => {
                self.plan = step.after.clone();
                self.undo_stack.push(step);
                self.prune_selection();
                true
            }
            None => false,
        }
    }

    /// Labels of the undo steps, oldest first.
    pub fn history(&self) -> Vec<&'static str> {
        self.undo_stack.iter().map(|s| s.label).collect()
    }

    /// Whether undo / redo would do something.
    pub fn can_undo(&self) -> bool {
        !self.undo_stack.is_empty()
    }

    /// See [`Editor::can_undo`].
    pub fn can_redo(&self) -> bool {
        !self.redo_stack.is_empty()
    }

    /// The storey being edited.
    pub fn current_storey(&self) -> Option<&madori_plan::Storey> {
        self.plan.storeys.get(self.storey)
    }

    /// Switches storey, ending any gesture and selection.
    pub fn set_storey(&mut self, index: usize) {
        if index < self.plan.storeys.len() {
            self.cancel();
            self.storey = index;
            self.selection = Selection::None;
        }
    }

    /// Clears a selection whose element no longer exists (after undo, delete, merge).
    fn prune_selection(&mut self) {
        let exists = |id: &str| all_ids(&self.plan).any(|e| e == id);
        let keep = match &self.selection {
            Selection::None => true,
            Selection::Room(id) | Selection::Opening(id) | Selection::Fixture(id) => exists(id),
            Selection::Edge { room, edge } => self
                .plan
                .room(room)
                .is_some_and(|r| *edge < r.polygon.len()),
            Selection::Vertex(p) => self.plan.rooms().any(|(_, r)| r.polygon.contains(p)),
        };
        if !keep {
            self.selection = Selection::None;
        }
        if self.storey >= self.plan.storeys.len() {
            self.storey = self.plan.storeys.len().saturating_sub(1);
        }
    }
}
