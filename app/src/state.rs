//! The page's shared state, provided once by context. Editing logic lives in
//! `madori-editor`; this module only holds it in signals and derives what the page shows.

use crate::i18n::Lang;
use leptos::prelude::*;
use madori_editor::viewport::{ScreenPx, Viewport, WorldMm};
use madori_editor::Editor;
use madori_plan::touched::Touched;
use madori_plan::{templates, Plan};
use madori_plan::{CheckSettings, CheckValue};
use madori_rules::profile::{self, Profile, Resolved};
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
    /// The plan's check settings (saved with it; changed only through `SetCheck`, so every
    /// change is an undo step).
    pub check: Memo<Option<CheckSettings>>,
    /// The settings resolved against the catalogue, with what could not be applied.
    resolved: Memo<Resolved>,
    /// The profile id in force.
    pub profile_id: Memo<String>,
    /// The chosen local override id, if any.
    pub local_id: Memo<Option<String>>,
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
    pub file_repairs: RwSignal<Vec<crate::file::RepairNote>>,
    /// Why the chosen local override was dropped (it does not apply to the profile), `(ja, en)`.
    pub local_note: RwSignal<Option<(String, String)>>,
    /// The plan as last opened or saved, to tell whether there are unsaved changes.
    saved: StoredValue<Arc<Plan>>,
    /// A plan waiting to replace the one on screen until the user says what to do with the
    /// unsaved changes.
    pub pending: RwSignal<Option<Arc<Plan>>>,
    /// The id of the plan on screen in the plan library (autosave writes there).
    pub plan_id: RwSignal<String>,
    /// The plan as opened, so an untouched template is not written into the library.
    opened: StoredValue<Arc<Plan>>,
    /// Why the browser's storage failed, shown with an offer to save a file instead.
    pub storage_error: RwSignal<Option<String>>,
    /// An autosave is scheduled or running (a reload now could lose the last change).
    pub saving: RwSignal<bool>,
    /// The saved state compared with the plan on screen, by index in `Plan::variants`.
    pub compare_state: RwSignal<Option<usize>>,
    /// The worker's comparison of that state with the plan on screen (kept up to date by
    /// `components::states::install`).
    pub comparison: RwSignal<Option<crate::components::states::Compared>>,
    /// Draw the plan as Japanese plans are drawn (図面表示), from the worker.
    pub drawing_view: RwSignal<bool>,
    /// Workshop mode (発表モード): full screen, large type, what to discuss and why.
    pub workshop: RwSignal<bool>,
    /// Paper for printing (`A3`, `A4`, landscape).
    pub print_paper: RwSignal<String>,
    /// Print scale (1:n).
    pub print_scale: RwSignal<u32>,
    /// The printed sheets (each storey's 平面図, the 求積表, the findings report), drawn by
    /// the worker as HTML `(ja, en)` when 印刷 was chosen, or why they are not `(ja, en)`.
    pub print_pages: RwSignal<Option<PrintPages>>,
    /// A DXF drawing being imported (the dialog is open while this is set).
    pub import: RwSignal<Option<crate::components::import::Session>>,
    /// The plan on screen came from a share link: kept in the library even unchanged.
    pub shared: RwSignal<bool>,
    /// Underlay pictures read so far, by image id (`data:` URLs).
    pub images: RwSignal<std::collections::HashMap<String, String>>,
    /// Clicks being collected for the underlay (scale, level, move).
    pub underlay_pick: RwSignal<Option<crate::components::underlay::Pick>>,
    /// Why the last underlay change was refused, `(ja, en)`.
    pub underlay_error: RwSignal<Option<(String, String)>>,
    /// A perspective correction is being drawn.
    pub underlay_straightening: RwSignal<bool>,
    /// The plan on screen has an entry in the library (opened from it, or autosaved once),
    /// so a change of view alone is saved too.
    pub in_library: RwSignal<bool>,
}

/// The printed sheets as HTML `(ja, en)`, or why there are none `(ja, en)`.
pub type PrintPages = Result<(String, String), (String, String)>;

/// A new library id: the time and a random part, so two tabs never collide.
pub fn new_plan_id() -> String {
    let random = (js_sys::Math::random() * 1e9) as u64;
    format!("plan-{}-{random}", js_sys::Date::now() as u64)
}

/// The template shown on a first visit ([`templates::FIRST`], in the first download).
/// Templates are tested natively to load, so a failure here is a build defect; an empty plan
/// is shown rather than a panic.
pub fn first_template() -> Plan {
    madori_plan::canonical::from_json(templates::FIRST.1)
        .unwrap_or_else(|_| madori_editor::empty_plan())
}

on_demand! {
    /// The shipped templates' texts, loaded the first time one is chosen.
    pub fn template_texts() -> fn(&str) -> Option<&'static str> {
        templates::get
    }
}

/// Loads a shipped template by name (`None`: no such template, or its code could not be
/// fetched).
pub async fn load_template(name: &str) -> Option<Plan> {
    let get = template_texts().await.ok()?;
    get(name).and_then(|text| madori_plan::canonical::from_json(text).ok())
}

/// Where a value typed in 基準値 comes from, as saved with the plan.
pub const SET_ON_SCREEN: &str = "画面で変更 / set on screen";

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
        let editor = RwSignal::new(Editor::new(first_template()));
        let plan = Memo::new(move |_| editor.with(|e| Arc::new(e.plan.clone())));
        let check = Memo::new(move |_| editor.with(|e| e.plan.check.clone()));
        let target = Memo::new(move |_| editor.with(|e| e.plan.dwelling.target_household));
        let resolved = Memo::new(move |_| {
            target.track();
            check.with(|settings| {
                editor.with_untracked(|e| profile::resolve(settings.as_ref(), &e.plan))
            })
        });
        let profile = Memo::new(move |_| resolved.with(|r| r.profile.clone()));
        let profile_id = Memo::new(move |_| profile.with(|p| p.id.to_owned()));
        let local_id =
            Memo::new(move |_| check.with(|c| c.as_ref().and_then(|c| c.local_override.clone())));
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
            check,
            resolved,
            profile_id,
            local_id,
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
            plan_id: RwSignal::new(new_plan_id()),
            opened: StoredValue::new(plan.get_untracked()),
            storage_error: RwSignal::new(None),
            saving: RwSignal::new(false),
            in_library: RwSignal::new(false),
            import: RwSignal::new(None),
            workshop: RwSignal::new(false),
            drawing_view: RwSignal::new(false),
            compare_state: RwSignal::new(None),
            comparison: RwSignal::new(None),
            print_paper: RwSignal::new("A3".to_owned()),
            print_scale: RwSignal::new(100),
            print_pages: RwSignal::new(None),
            shared: RwSignal::new(false),
            images: RwSignal::new(std::collections::HashMap::new()),
            underlay_pick: RwSignal::new(None),
            underlay_error: RwSignal::new(None),
            underlay_straightening: RwSignal::new(false),
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

    /// Whether the plan on screen is worth keeping in the library: it changed since it was
    /// opened, or it came from the library.
    pub fn worth_autosaving(&self) -> bool {
        if self.shared.get_untracked() {
            return true;
        }
        let now = self.plan.get_untracked();
        self.opened
            .with_value(|opened| !Arc::ptr_eq(opened, &now) && **opened != *now)
    }

    /// Whether leaving the page now could lose work: a change not yet in the browser's
    /// storage (an autosave pending, or storage failing) that is not saved in a file either.
    pub fn at_risk(&self) -> bool {
        self.unsaved()
            && (self.saving.get_untracked() || self.storage_error.get_untracked().is_some())
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

    /// The check settings in force, explicit (a plan without saved settings has its target
    /// household's profile and nothing changed).
    fn settings(&self) -> CheckSettings {
        self.check.get_untracked().unwrap_or_else(|| CheckSettings {
            profile: self.profile_id.get_untracked(),
            ..CheckSettings::default()
        })
    }

    /// Saves new check settings with the plan (one undo step).
    fn set_check(&self, settings: CheckSettings) {
        self.run(madori_editor::Command::SetCheck(Some(settings)));
    }

    /// What of the plan's saved check settings could not be applied, `(ja, en)` each.
    pub fn check_notes(&self) -> Vec<(String, String)> {
        self.resolved.with(|r| r.notes.clone())
    }

    /// Chooses a local override (or none).
    pub fn choose_local(&self, id: Option<String>) {
        self.local_note.set(None);
        let mut settings = self.settings();
        settings.local_override = id;
        self.set_check(settings);
    }

    /// Changes one value of the profile (the 基準値 panel), recorded as set on screen.
    pub fn set_value(&self, key: &str, value: f64) {
        let mut settings = self.settings();
        settings.values.retain(|v| v.key != key);
        settings.values.push(CheckValue {
            key: key.to_owned(),
            value,
            source: SET_ON_SCREEN.to_owned(),
        });
        self.set_check(settings);
    }

    /// Returns every value to the profile's own.
    pub fn reset_values(&self) {
        let mut settings = self.settings();
        settings.values.clear();
        self.set_check(settings);
    }

    /// Switches to another profile. User-edited values belong to the old profile and are
    /// dropped; a local override that does not apply to the new profile is dropped too, and
    /// [`AppState::local_note`] says why (the dropdown then shows none).
    pub fn choose_profile(&self, id: &str) {
        let mut settings = CheckSettings {
            profile: id.to_owned(),
            local_override: None,
            values: Vec::new(),
        };
        let Some(local) = self.local_id.get_untracked() else {
            self.local_note.set(None);
            self.set_check(settings);
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
        if refusal.is_none() {
            settings.local_override = Some(local);
        }
        self.local_note.set(refusal);
        self.set_check(settings);
    }

    /// Opens a plan (template, new or a file): fresh history, fitted view, and the check
    /// settings saved with it (or its target household's profile).
    pub fn open(&self, plan: Plan) {
        self.open_as(new_plan_id(), plan);
        self.fit();
    }

    /// Opens a plan under a library id (a new plan gets a new one; a plan from the library
    /// keeps its own, so autosave goes on writing the same entry).
    pub fn open_as(&self, id: String, plan: Plan) {
        self.pending.set(None);
        self.local_note.set(None);
        self.editor.update(|e| e.load(plan));
        self.plan_id.set(id);
        self.in_library.set(false);
        self.shared.set(false);
        self.underlay_pick.set(None);
        self.underlay_error.set(None);
        self.compare_state.set(None);
        self.mark_saved();
        self.opened.set_value(self.plan.get_untracked());
        self.highlighted.set(Vec::new());
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

    /// Shows a failure that concerns no part of a file (the worker did not answer, a
    /// download could not be made) where file problems are shown, `(ja, en)`.
    pub fn show_failure(&self, (ja, en): (String, String)) {
        self.file_problems
            .set(vec![madori_plan::Problem::new("", ja, en)]);
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
