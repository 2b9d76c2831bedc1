//! The page's shared state, provided once by context. Logic lives in plain functions here;
//! components only read signals and call these.

use crate::i18n::Lang;
use leptos::prelude::*;
use madori_plan::{format, templates, Plan};
use madori_rules::profile::{self, Profile};
use madori_rules::{Capacity, PlanAreas, Report};

/// Everything the page shows, derived from a plan, a profile and view options.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The plan on screen.
    pub plan: RwSignal<Plan>,
    /// The chosen profile id.
    pub profile_id: RwSignal<String>,
    /// The chosen local override id, if any.
    pub local_id: RwSignal<Option<String>>,
    /// Display language.
    pub lang: RwSignal<Lang>,
    /// Index of the storey shown.
    pub storey: RwSignal<usize>,
    /// Element ids highlighted by clicking a finding.
    pub highlighted: RwSignal<Vec<String>>,
    /// Show 内法 areas on the canvas.
    pub show_interior: RwSignal<bool>,
    /// Areas of the plan (recomputed when the plan changes).
    pub areas: Memo<PlanAreas>,
    /// The report (recomputed when the plan or profile changes).
    pub report: Memo<Report>,
    /// Capacity under the profile.
    pub capacity: Memo<Capacity>,
}

/// The template shown first.
pub const FIRST_TEMPLATE: &str = "wooden-house-shared";

/// Loads a shipped template. Templates are tested natively to load, so a failure here is a
/// build defect; an empty plan is shown rather than a panic.
pub fn load_template(name: &str) -> Plan {
    templates::get(name)
        .and_then(|text| format::from_json(text).ok())
        .unwrap_or_else(|| Plan {
            format_version: format::FORMAT_VERSION,
            name: name.to_owned(),
            dwelling: Default::default(),
            storeys: vec![],
        })
}

/// The profile with its local override applied; the national profile if the override
/// does not fit it.
pub fn resolve_profile(id: &str, local: Option<&str>) -> Profile {
    let mut chosen = profile::profile(id).unwrap_or_else(|| profile::catalogue().remove(0));
    if let Some(local) = local.and_then(profile::local_override) {
        // An override that names a value the profile does not use leaves it unchanged.
        let _ = chosen.apply_local(local);
    }
    chosen
}

impl AppState {
    /// Creates the state with the first template and the shared-house profile.
    pub fn new() -> Self {
        let plan = RwSignal::new(load_template(FIRST_TEMPLATE));
        let profile_id = RwSignal::new("sh-single".to_owned());
        let local_id = RwSignal::new(None::<String>);
        let areas = Memo::new(move |_| plan.with(PlanAreas::compute));
        let chosen =
            Memo::new(move |_| resolve_profile(&profile_id.get(), local_id.get().as_deref()));
        let report = Memo::new(move |_| {
            plan.with(|p| {
                areas.with(|a| chosen.with(|prof| madori_rules::check_with_areas(p, a, prof)))
            })
        });
        let capacity =
            Memo::new(move |_| plan.with(|p| chosen.with(|prof| madori_rules::capacity(p, prof))));
        Self {
            plan,
            profile_id,
            local_id,
            lang: RwSignal::new(Lang::Ja),
            storey: RwSignal::new(0),
            highlighted: RwSignal::new(Vec::new()),
            show_interior: RwSignal::new(false),
            areas,
            report,
            capacity,
        }
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}
