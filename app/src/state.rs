//! The page's shared state, provided once by context. Editing logic lives in
//! `madori-editor`; this module only holds it in signals and derives what the page shows.

use crate::i18n::Lang;
use leptos::prelude::*;
use madori_editor::viewport::{ScreenPx, Viewport, WorldMm};
use madori_editor::Editor;
use madori_plan::touched::Touched;
use madori_plan::{format, templates, Plan};
use madori_rules::profile::{self, Profile};
use madori_rules::{Capacity, Checker, PlanAreas, Report};
use std::sync::Arc;

/// Everything the page shows.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The editor: plan, history, selection, tool.
    pub editor: RwSignal<Editor>,
    /// The plan, changing only when the plan itself changes (not on hover or selection);
    /// shared with the checker (an `Arc`), so a move copies the plan once, not twice.
    pub plan: Memo<Arc<Plan>>,
    /// The chosen profile id.
    pub profile_id: RwSignal<String>,
    /// The chosen local override id, if any.
    pub local_id: RwSignal<Option<String>>,
    /// Values the user changed in the overrides panel: `(key, value)`.
    pub overrides: RwSignal<Vec<(String, f64)>>,
    /// Display language.
    pub lang: RwSignal<Lang>,
    /// Element ids highlighted by clicking a finding.
    pub highlighted: RwSignal<Vec<String>>,
    /// Show 内法 areas on the canvas.
    pub show_interior: RwSignal<bool>,
    /// World ↔ screen mapping of the canvas.
    pub viewport: RwSignal<Viewport>,
    /// The profile in force (catalogue entry + local override + user values).
    pub profile: Memo<Profile>,
    /// The incremental checker and the plan it last checked: a move re-checks only what it
    /// touched (`madori_rules::Checker`). Read it through [`AppState::with_report`].
    checked: StoredValue<(Arc<Plan>, Checker)>,
    /// Changes whenever the checker has checked a new plan or profile: what report readers
    /// track.
    report: Memo<u64>,
    /// Capacity under the profile.
    pub capacity: Memo<Capacity>,
    /// Problems of the last file that failed to open (every one, with its path).
    pub file_problems: RwSignal<Vec<madori_plan::Problem>>,
    /// The text of that file, kept so the user can agree to open it with repairs.
    pub refused_text: RwSignal<Option<String>>,
    /// The repairs made to the last file opened with repairs, listed for the user.
    pub file_repairs: RwSignal<Vec<madori_plan::Repair>>,
    /// Why the chosen local override was dropped (it does not apply to the profile), `(ja, en)`.
    pub local_note: RwSignal<Option<(String, String)>>,
    /// The plan as last opened or saved, to tell whether there are unsaved changes.
    saved: StoredValue<Arc<Plan>>,
    /// A plan waiting to replace the one on screen until the user says what to do with the
    /// unsaved changes.
    pub pending: RwSignal<Option<Arc<Plan>>>,
}

/// The template shown first.
pub const FIRST_TEMPLATE: &str = "wooden-house-shared";

/// Loads a shipped template. Templates are tested natively to load, so a failure here is a
/// build defect; an empty plan is shown rather than a panic.
pub fn load_template(name: &str) -> Plan {
    templates::get(name)
        .and_then(|text| format::from_json(text).ok())
        .unwrap_or_else(madori_editor::empty_plan)
}

/// The profile with its local override and the user's values applied. Values that do not
/// fit the profile are skipped (the overrides panel only offers the profile's own); the local
/// override is only ever chosen among those that apply ([`AppState::choose_profile`]).
pub fn resolve_profile(id: &str, local: Option<&str>, overrides: &[(String, f64)]) -> Profile {
    let mut chosen = profile::profile(id).unwrap_or_else(|| profile::catalogue().remove(0));
    if let Some(local) = local.and_then(profile::local_override) {
        let _ = chosen.apply_local(local);
    }
    for (key, value) in overrides {
        let _ = chosen.set(key, *value, "画面で変更 / set on screen");
    }
    chosen
}

/// The world rectangle covering every storey (so switching storeys keeps the scale).
pub fn plan_bounds(plan: &Plan) -> (WorldMm, WorldMm) {
    let all: Vec<madori_plan::PointMm> = plan
        .rooms()
        .flat_map(|(_, r)| r.polygon.iter().copied())
        .collect();
    match madori_plan::geometry::bounds(&all) {
        Some((lo, hi)) => (lo.into(), hi.into()),
        None => (WorldMm::new(0.0, 0.0), WorldMm::new(9100.0, 7280.0)),
    }
}

impl AppState {
    /// Creates the state with the first template and the shared-house profile.
    pub fn new() -> Self {
        let editor = RwSignal::new(Editor::new(load_template(FIRST_TEMPLATE)));
        let plan = Memo::new(move |_| editor.with(|e| Arc::new(e.plan.clone())));
        let first = editor.with_untracked(|e| profile::default_profile_id(&e.plan));
        let profile_id = RwSignal::new(first.to_owned());
        let local_id = RwSignal::new(None::<String>);
        let overrides = RwSignal::new(Vec::<(String, f64)>::new());
        let profile = Memo::new(move |_| {
            resolve_profile(
                &profile_id.get(),
                local_id.get().as_deref(),
                &overrides.get(),
            )
        });
        let checked = StoredValue::new(plan.with_untracked(|p| {
            profile.with_untracked(|prof| (Arc::clone(p), Checker::new(p, prof)))
        }));
        // Brings the checker up to date with the plan and the profile; the value only counts
        // updates (comparing reports would render every finding's words).
        let report = Memo::new_with_compare(
            move |version: Option<&u64>| {
                plan.with(|p| {
                    profile.with(|prof| {
                        checked.update_value(|(last, checker)| {
                            if checker.profile() != prof {
                                checker.set_profile(last, prof);
                            }
                            let touched = Touched::between(last, p);
                            if !touched.is_empty() {
                                checker.update(p, &touched);
                            }
                            *last = Arc::clone(p);
                        });
                    })
                });
                version.map_or(0, |v| v.wrapping_add(1))
            },
            |_, _| true,
        );
        let capacity = Memo::new(move |_| {
            report.get();
            plan.with(|p| checked.with_value(|(_, checker)| checker.capacity(p)))
        });
        let mut viewport = Viewport::new(WorldMm::new(0.0, 0.0), 0.06, ScreenPx::new(900.0, 700.0));
        let (lo, hi) = plan.with_untracked(|p| plan_bounds(p));
        viewport.fit(lo, hi, 40.0);
        Self {
            editor,
            plan,
            profile_id,
            local_id,
            overrides,
            lang: RwSignal::new(Lang::Ja),
            highlighted: RwSignal::new(Vec::new()),
            show_interior: RwSignal::new(false),
            viewport: RwSignal::new(viewport),
            profile,
            checked,
            report,
            capacity,
            file_problems: RwSignal::new(Vec::new()),
            refused_text: RwSignal::new(None),
            file_repairs: RwSignal::new(Vec::new()),
            local_note: RwSignal::new(None),
            saved: StoredValue::new(plan.get_untracked()),
            pending: RwSignal::new(None),
        }
    }

    /// Whether the plan on screen differs from the one last opened or saved.
    pub fn unsaved(&self) -> bool {
        let now = self.plan.get_untracked();
        self.saved
            .with_value(|saved| !Arc::ptr_eq(saved, &now) && **saved != *now)
    }

    /// Records the plan on screen as saved.
    pub fn mark_saved(&self) {
        self.saved.set_value(self.plan.get_untracked());
    }

    /// Replaces the plan (a template, 新規, a file): at once when nothing is unsaved,
    /// otherwise it waits in [`AppState::pending`] and the page asks first.
    pub fn replace(&self, plan: Plan) {
        if self.unsaved() {
            self.pending.set(Some(Arc::new(plan)));
        } else {
            self.open(plan);
        }
    }

    /// Switches to another profile. User-edited values belong to the old profile and are
    /// dropped; a local override that does not apply to the new profile is dropped too, and
    /// [`AppState::local_note`] says why (the dropdown then shows none).
    pub fn choose_profile(&self, id: &str) {
        self.overrides.set(Vec::new());
        self.profile_id.set(id.to_owned());
        let Some(local) = self.local_id.get_untracked() else {
            self.local_note.set(None);
            return;
        };
        let refusal = match (profile::profile(id), profile::local_override(&local)) {
            (Some(p), Some(l)) => l.applies_to(&p).err().map(|e| {
                let text = e.to_string();
                (
                    format!("「{}」は外しました: {text}", l.name_ja),
                    format!("\"{}\" was removed: {text}", l.name_en),
                )
            }),
            _ => None,
        };
        if refusal.is_some() {
            self.local_id.set(None);
        }
        self.local_note.set(refusal);
    }

    /// Opens a plan (template or new): fresh history, fitted view, and the profile its target
    /// household names (`dwelling.target_household`).
    pub fn open(&self, plan: Plan) {
        self.pending.set(None);
        self.choose_profile(profile::default_profile_id(&plan));
        self.editor.update(|e| e.load(plan));
        self.mark_saved();
        self.highlighted.set(Vec::new());
        self.fit();
    }

    /// Reads the report of the plan and profile on screen (tracked: a reader re-runs when
    /// the report changes).
    pub fn with_report<T>(&self, f: impl FnOnce(&Report) -> T) -> T {
        // Reading the memo (not only tracking it) brings the checker up to date first.
        self.report.get();
        self.checked.with_value(|(_, checker)| f(checker.report()))
    }

    /// [`AppState::with_report`] without tracking.
    pub fn with_report_untracked<T>(&self, f: impl FnOnce(&Report) -> T) -> T {
        self.report.get_untracked();
        self.checked.with_value(|(_, checker)| f(checker.report()))
    }

    /// Reads the report and the wall-centre areas of the plan on screen (tracked like
    /// [`AppState::with_report`]).
    pub fn with_report_and_areas<T>(&self, f: impl FnOnce(&Report, &PlanAreas) -> T) -> T {
        self.report.get();
        self.checked
            .with_value(|(_, checker)| f(checker.report(), checker.areas()))
    }

    /// Fits the whole plan in the canvas.
    pub fn fit(&self) {
        let (lo, hi) = self.plan.with_untracked(|p| plan_bounds(p));
        self.viewport.update(|v| v.fit(lo, hi, 40.0));
    }

    /// Runs a command through the editor (one undo step); a refusal shows in the status bar.
    pub fn run(&self, command: madori_editor::Command) {
        self.editor.update(|e| {
            let _ = e.apply(command);
        });
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}
