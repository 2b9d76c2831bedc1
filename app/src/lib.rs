//! Madori's browser app (Leptos CSR). The only crate that touches the DOM: it renders the
//! plan, the findings and the totals from `madori-plan` and `madori-rules`, and forwards
//! events to them.

pub mod components;
pub mod i18n;
pub mod state;

use components::{
    findings::FindingsPanel, plan_view::PlanView, toolbar::Toolbar, totals::TotalsBar,
};
use leptos::prelude::*;
use state::AppState;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    provide_context(AppState::new());
    view! {
        <div class="app" data-testid="app">
            <Toolbar />
            <div class="workspace">
                <PlanView />
                <FindingsPanel />
            </div>
            <TotalsBar />
        </div>
    }
}

/// Mounts the app on the page body.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
