//! Madori's browser app (Leptos CSR). The only crate that touches the DOM: it renders the
//! editor's plan, the findings and the totals, and forwards pointer and key events to
//! `madori-editor`.

/// Declares `fn $name() -> Build<A> { constructor }`: a view's constructor
/// ([`on_demand::Build`]) whose code loads on demand. In the release build (feature `split`)
/// the function is a split point that `wasm-split-cli` moves, with all only it reaches, into
/// its own chunk (named after the function), fetched the first time it is called; elsewhere
/// (tests, `trunk serve`) it is a plain `async fn`. Either way callers `.await` a
/// `Result<Build<A>, Unavailable>` (see [`on_demand::on_demand_view`]). Functions whose code
/// goes together name one chunk: `on_demand! { chunk underlay; pub fn … }`.
macro_rules! on_demand {
    ($(#[$meta:meta])* $vis:vis fn $name:ident() -> $build:ty $body:block) => {
        on_demand! { chunk $name; $(#[$meta])* $vis fn $name() -> $build $body }
    };
    (chunk $chunk:ident; $(#[$meta:meta])* $vis:vis fn $name:ident() -> $build:ty $body:block) => {
        $(#[$meta])*
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name() -> Result<$build, $crate::on_demand::Unavailable> {
            let build: $build = $body;
            Ok(build)
        }

        $(#[$meta])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name() -> Result<$build, $crate::on_demand::Unavailable> {
            let build: $build = $body;
            Ok(build)
        }
    };
}

pub mod autosave;
pub mod components;
pub mod file;
pub mod i18n;
pub mod keyboard;
pub mod on_demand;
pub mod share;
pub mod state;
pub mod storage;
pub mod worker;

use components::{
    findings::FindingsPanel, inspector::Inspector, plan_view::PlanView, toolbar::Toolbar,
    totals::TotalsBar,
};
use leptos::prelude::*;
use on_demand::folding_panel;
use state::AppState;

/// The whole page, showing the first template, or `plan` when given (tests and benchmarks).
#[component]
pub fn App(
    /// A plan to open instead of the first template.
    #[prop(optional)]
    plan: Option<madori_plan::Plan>,
    /// The page state to use, so a test can read what the page shows it (a new one if none).
    #[prop(optional)]
    state: Option<AppState>,
) -> impl IntoView {
    let state = state.unwrap_or_default();
    if let Some(plan) = plan {
        state.open(plan);
    }
    provide_context(state);
    let side_open = RwSignal::new(false);
    keyboard::install(state);
    components::states::install(state);
    follow_language(state);
    warn_before_leaving(state);
    view! {
        <div
            class="app"
            class:workshop=move || state.workshop.get()
            class:side-open=move || side_open.get()
            data-testid="app"
            // A plan or a picture dropped anywhere on the page opens as if chosen.
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                    file::open_file(state, file);
                }
            }
        >
            <Toolbar />
            <div class="workspace">
                <PlanView />
                // On a tablet the side panels fold away so the plan has the width; this opens them.
                <button class="side-toggle" data-testid="side-toggle" on:click=move |_| side_open.update(|o| *o = !*o)>
                    {move || i18n::t(state.lang.get(), i18n::Key::Panels)}
                </button>
                {move || if state.workshop.get() {
                    on_demand::on_demand_view(|| true, (), components::workshop::workshop).into_any()
                } else {
                    view! {
                <aside class="side">
                            <Inspector />
                            {folding_panel("overrides", "overrides-panel", i18n::Key::Overrides, components::overrides::overrides)}
                            {folding_panel("underlay", "underlay-panel", i18n::Key::Underlay, components::underlay::underlay)}
                            {folding_panel("capacity-panel", "capacity-panel", i18n::Key::OneMoreTitle, components::capacity::capacity)}
                            {folding_panel("states", "states-panel", i18n::Key::States, components::states::states)}
                            <FindingsPanel />
                        </aside>
                    }.into_any()
                }}
            </div>
            <TotalsBar />
            <components::import::ImportDialog />
            <components::print::PrintSheets />
            {on_demand::on_demand_view(move || state.storage_error.with(Option::is_some), state, storage_error)}
        </div>
    }
}

on_demand! {
    chunk files;
    /// Says that the browser's storage failed, and offers a file save (loaded when it fails).
    pub fn storage_error() -> on_demand::Build<AppState> {
        |state| {
            view! {
                <div class="storage-error" data-testid="storage-error" role="alert">
                    <strong>{move || i18n::t(state.lang.get(), i18n::Key::StorageFailed)}</strong>
                    " " {move || state.storage_error.get().unwrap_or_default()} " "
                    <button data-testid="storage-error-save" on:click=move |_| file::save(state)>
                        {move || i18n::t(state.lang.get(), i18n::Key::SaveToFile)}
                    </button>
                </div>
            }
            .into_any()
        }
    }
}

/// Keeps the page's `<html lang>` on the language shown, so screen readers, hyphenation and
/// the browser's font choice for CJK text follow the switch.
fn follow_language(state: AppState) {
    Effect::new(move |_| {
        let code = match state.lang.get() {
            i18n::Lang::Ja => "ja",
            i18n::Lang::En => "en",
        };
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element());
        if let Some(root) = root {
            let _ = root.set_attribute("lang", code);
        }
    });
}

/// Asks the browser to confirm a reload or a closed tab while a change is neither in the
/// browser's storage nor in a saved file.
fn warn_before_leaving(state: AppState) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
        move |ev: web_sys::BeforeUnloadEvent| {
            if state.at_risk() {
                ev.prevent_default();
                ev.set_return_value("unsaved");
            }
        },
    );
    let _ =
        window.add_event_listener_with_callback("beforeunload", listener.as_ref().unchecked_ref());
    // The page lives as long as the listener: the closure is handed to the browser for good.
    listener.forget();
}

/// Mounts the app on the page body, with autosave: the plan last worked on comes back.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| {
        let state = AppState::new();
        autosave::install(state);
        view! { <App state=state /> }
    });
}
