//! Madori's headless editor: everything a user does to a plan, without a DOM.
//!
//! * Every change is a [`Command`] applied through [`Editor::apply`]; the result is validated
//!   and an invalid result changes nothing and leaves a message.
//! * Undo and redo keep what each command or gesture changed ([`history`]), within a memory
//!   budget ([`history::HISTORY_BUDGET_BYTES`]).
//! * A gesture (a drag) is a transaction: [`Editor::begin_gesture`], any number of
//!   [`Editor::preview`]s computed from the gesture's origin plan, then [`Editor::commit`]
//!   (one undo step) or [`Editor::cancel`] (Esc). A preview costs what the edit changes, not
//!   a copy of the plan (see [`Editor::preview`]).
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
pub mod history;
pub mod perspective;
pub mod snap;
pub mod suggest;
pub mod thumbnail;
pub mod tools;
pub mod underlay;
pub mod viewport;
pub mod whatif;

pub use commands::{Command, EditError, RoomPatch, Transform};
use history::{Delta, HISTORY_BUDGET_BYTES};
use madori_plan::validate::Touched;
use madori_plan::{Plan, PointMm};
use snap::SnapSettings;
use std::collections::VecDeque;
use tools::{Mode, Tool};

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

/// One undo step: what it was, what it changed, and the memory that takes.
#[derive(Clone, Debug)]
struct Step {
    label: &'static str,
    delta: Delta,
    bytes: usize,
}

/// A gesture in progress.
///
/// Each preview is computed in `scratch`, a second plan buffer: `scratch` is first made equal
/// to `origin` again by copying back only the parts that differ (`scratch_dirty` says where
/// to look), then the command is applied to it in place and only what it changed is
/// validated. A valid result is swapped with the shown plan, whose own difference from
/// `origin` (`shown_dirty`) becomes the scratch's. So a drag step never copies the whole
/// plan; it costs a comparison of the plan and the rooms the edit touches.
#[derive(Clone, Debug)]
struct Gesture {
    label: &'static str,
    origin: Plan,
    scratch: Plan,
    /// Where `scratch` may differ from `origin` (`None`: anywhere).
    scratch_dirty: Option<Touched>,
    /// Where the shown plan differs from `origin`.
    shown_dirty: Option<Touched>,
}

/// The editor: the plan, its history, the selection and the active tool.
#[derive(Clone, Debug)]
pub struct Editor {
    /// The plan as shown (during a gesture, the gesture's preview). Read it freely; change
    /// it only through [`Editor::apply`], gestures, [`Editor::load`], undo and redo, because
    /// the history stores differences from it.
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
    /// A length being typed while drawing (see [`Editor::type_char`]): ASCII digits, and
    /// `,` between a rectangle's width and depth.
    typed: String,
    undo_stack: VecDeque<Step>,
    redo_stack: Vec<Step>,
    /// Estimated bytes held by both stacks.
    history_bytes: usize,
    gesture: Option<Gesture>,
}

/// The first problem validation finds in what `command` changed (`touched`, on the result
/// `next`), as the command's refusal.
fn refusal(command: &Command, next: &Plan, touched: &Touched) -> Result<(), EditError> {
    match madori_plan::validate::validate_touched(next, touched).first() {
        None => Ok(()),
        Some(first) => Err(EditError::new(
            format!("{}: {}", command.label(), first.message_ja),
            format!("{}: {}", command.label(), first.message_en),
        )),
    }
}

/// Makes `plan` equal to `origin` again, copying only the elements that differ. `dirty` says
/// where they may differ (from [`Touched::between`] of `origin` and `plan`); `None` means
/// anywhere, and everything is compared.
fn restore(plan: &mut Plan, origin: &Plan, dirty: Option<&Touched>) {
    fn list<T: Clone + PartialEq>(into: &mut Vec<T>, from: &[T]) {
        into.truncate(from.len());
        for (slot, item) in into.iter_mut().zip(from) {
            if slot != item {
                slot.clone_from(item);
            }
        }
        let kept = into.len();
        into.extend_from_slice(&from[kept..]);
    }
    fn storey(into: &mut madori_plan::Storey, from: &madori_plan::Storey) {
        if into.id != from.id {
            into.id.clone_from(&from.id);
        }
        if into.name != from.name {
            into.name.clone_from(&from.name);
        }
        into.ceiling_height_mm = from.ceiling_height_mm;
        list(&mut into.rooms, &from.rooms);
        list(&mut into.openings, &from.openings);
        list(&mut into.fixtures, &from.fixtures);
    }
    plan.format_version = origin.format_version;
    if plan.name != origin.name {
        plan.name.clone_from(&origin.name);
    }
    let everywhere = dirty.is_none_or(|t| t.whole);
    if everywhere || dirty.is_some_and(|t| t.dwelling) {
        plan.dwelling.clone_from(&origin.dwelling);
    }
    plan.storeys.truncate(origin.storeys.len());
    match dirty {
        Some(touched) if !everywhere => {
            for change in &touched.storeys {
                if let (Some(into), Some(from)) = (
                    plan.storeys.get_mut(change.index),
                    origin.storeys.get(change.index),
                ) {
                    storey(into, from);
                }
            }
        }
        _ => {
            for (into, from) in plan.storeys.iter_mut().zip(&origin.storeys) {
                storey(into, from);
            }
        }
    }
    let kept = plan.storeys.len();
    plan.storeys.extend_from_slice(&origin.storeys[kept..]);
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
            underlay: None,
        }],
        check: None,
        variants: Vec::new(),
        images: Vec::new(),
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
            typed: String::new(),
            undo_stack: VecDeque::new(),
            redo_stack: Vec::new(),
            history_bytes: 0,
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
        let touched = Touched::between(base, &next);
        refusal(command, &next, &touched)?;
        Ok(next)
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
                self.push_step(command.label(), &before);
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

    /// Records the step from `before` to the current plan (nothing if they are equal),
    /// drops the redo steps, and drops the oldest steps while the history holds more than
    /// [`HISTORY_BUDGET_BYTES`] (the newest step is always kept).
    fn push_step(&mut self, label: &'static str, before: &Plan) {
        let delta = Delta::between(before, &self.plan);
        if delta.is_empty() {
            return;
        }
        for dropped in self.redo_stack.drain(..) {
            self.history_bytes -= dropped.bytes;
        }
        let bytes = std::mem::size_of::<Step>() + delta.bytes();
        self.history_bytes += bytes;
        self.undo_stack.push_back(Step {
            label,
            delta,
            bytes,
        });
        while self.history_bytes > HISTORY_BUDGET_BYTES && self.undo_stack.len() > 1 {
            if let Some(oldest) = self.undo_stack.pop_front() {
                self.history_bytes -= oldest.bytes;
            }
        }
    }

    /// Estimated memory the undo and redo history holds, bytes (see [`history::Bytes`]);
    /// at most [`HISTORY_BUDGET_BYTES`] unless the newest step alone is larger.
    pub fn history_bytes(&self) -> usize {
        self.history_bytes
    }

    /// Starts a gesture: previews apply to the plan as it is now.
    pub fn begin_gesture(&mut self, label: &'static str) {
        if self.gesture.is_none() {
            self.gesture = Some(Gesture {
                label,
                origin: self.plan.clone(),
                scratch: self.plan.clone(),
                scratch_dirty: Some(Touched::default()),
                shown_dirty: Some(Touched::default()),
            });
        }
    }

    /// Shows `command` applied to the gesture's origin. An invalid result keeps the last
    /// valid preview (the drag stops at the obstacle) and returns the reason.
    ///
    /// The result is computed in the gesture's second plan buffer, so the step
    /// copies only what differs from the origin, never the whole plan. The shown plan must
    /// not be changed by other means during a gesture.
    pub fn preview(&mut self, command: &Command) -> Result<(), EditError> {
        let Some(gesture) = &mut self.gesture else {
            return Err(EditError::new(
                "操作中ではありません",
                "no gesture in progress",
            ));
        };
        restore(
            &mut gesture.scratch,
            &gesture.origin,
            gesture.scratch_dirty.as_ref(),
        );
        gesture.scratch_dirty = None;
        let result = command.apply_in_place(&mut gesture.scratch).and_then(|()| {
            let touched = Touched::between(&gesture.origin, &gesture.scratch);
            let verdict = refusal(command, &gesture.scratch, &touched);
            gesture.scratch_dirty = Some(touched);
            verdict
        });
        match result {
            Ok(()) => {
                std::mem::swap(&mut self.plan, &mut gesture.scratch);
                std::mem::swap(&mut gesture.scratch_dirty, &mut gesture.shown_dirty);
                self.message = None;
                Ok(())
            }
            Err(e) => {
                self.message = Some(e.clone());
                Err(e)
            }
        }
    }

    /// The plan as it was when the gesture in progress began (`None` outside a gesture): what
    /// a what-if search starts from while the drag previews other positions.
    pub fn gesture_origin(&self) -> Option<&Plan> {
        self.gesture.as_ref().map(|g| &g.origin)
    }

    /// Shows the gesture's origin again, as if nothing had been previewed (a rectangle dragged
    /// back to no width). The gesture goes on.
    pub fn preview_origin(&mut self) {
        if let Some(gesture) = &mut self.gesture {
            restore(
                &mut self.plan,
                &gesture.origin,
                gesture.shown_dirty.as_ref(),
            );
            // The shown plan is the origin now; the next step may copy more than it needs,
            // which is rare and correct.
            gesture.shown_dirty = None;
        }
    }

    /// Ends the gesture as one undo step (none if nothing changed).
    pub fn commit(&mut self) {
        if let Some(gesture) = self.gesture.take() {
            self.push_step(gesture.label, &gesture.origin);
        }
        self.prune_selection();
    }

    /// Abandons the gesture and any drawing, restoring the plan as it was before it.
    pub fn cancel(&mut self) {
        if let Some(gesture) = self.gesture.take() {
            self.plan = gesture.origin;
        }
        self.mode = Mode::Idle;
        self.typed.clear();
    }

    /// Whether a gesture is in progress.
    pub fn in_gesture(&self) -> bool {
        self.gesture.is_some()
    }

    /// Undoes the last step; false if there is none.
    pub fn undo(&mut self) -> bool {
        self.cancel();
        match self.undo_stack.pop_back() {
            Some(step) => {
                step.delta.write(&mut self.plan, false);
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
                step.delta.write(&mut self.plan, true);
                self.undo_stack.push_back(step);
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
