//! Views and actions whose code loads on demand. A function declared with `on_demand!`
//! returns a view's constructor ([`Build`]) or an action (a plain function pointer); in the
//! release build it is a split point, and its code (with everything only it reaches) is a
//! chunk the browser fetches the first time it is called, so the page's first download holds
//! what the editor needs to show a plan and its verdicts. The chunks are kept by the service
//! worker like the page (`public/sw.js`).

use crate::i18n::{t, Key, Lang};
use crate::state::AppState;
use leptos::prelude::*;
use std::future::Future;

/// A view's constructor, from a chunk, given what the view shares with the page (`()` when
/// it takes what it needs from the context).
pub type Build<A = ()> = fn(A) -> AnyView;

/// A chunk that could not be fetched (offline before it was ever kept, or a failed request).
/// The failure is not remembered: showing the view again asks again.
#[derive(Debug, Clone, Copy)]
pub struct Unavailable;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// What to show when a chunk could not be fetched, `(ja, en)`.
pub fn not_loaded() -> (String, String) {
    (
        t(Lang::Ja, Key::NotLoaded).to_owned(),
        t(Lang::En, Key::NotLoaded).to_owned(),
    )
}

/// Runs `act` with what `load` gives once its chunk is here (an action started by a click or
/// a dropped file); when the chunk cannot be fetched, says so ([`not_loaded`]).
pub fn when_loaded<T, F>(state: AppState, load: fn() -> F, act: impl FnOnce(T) + 'static)
where
    T: 'static,
    F: Future<Output = Result<T, Unavailable>> + 'static,
{
    leptos::task::spawn_local(async move {
        match load().await {
            Ok(loaded) => act(loaded),
            Err(Unavailable) => state.show_failure(not_loaded()),
        }
    });
}

/// Where a view's code is.
enum Code<A> {
    NotAsked,
    Loading,
    Loaded(Build<A>),
    Failed,
}

// Derived `Clone` would ask `A: Clone`; a constructor is a plain function pointer.
impl<A> Clone for Code<A> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<A> Copy for Code<A> {}

/// Shows the view `load` gives (built with `arg`) while `shown()` holds. The first time, its
/// code is fetched (nothing shows in its place meanwhile; a failure says so and is asked
/// again the next time); afterwards it shows at once. The view is built anew only when
/// `shown()` turns true, not each time what it reads changes.
pub fn on_demand_view<A, F>(
    shown: impl Fn() -> bool + Send + Sync + 'static,
    arg: A,
    load: fn() -> F,
) -> impl IntoView
where
    A: Copy + Send + Sync + 'static,
    F: Future<Output = Result<Build<A>, Unavailable>> + 'static,
{
    let state = expect_context::<AppState>();
    let code = RwSignal::new(Code::<A>::NotAsked);
    let shown = Memo::new(move |_| shown());
    move || {
        if !shown.get() {
            if matches!(code.get_untracked(), Code::Failed) {
                code.set(Code::NotAsked);
            }
            return None;
        }
        match code.get() {
            Code::Loaded(build) => Some(build(arg)),
            Code::Loading => None,
            Code::Failed => Some(
                view! {
                    <p class="error" role="alert" data-testid="on-demand-failed">
                        {move || t(state.lang.get(), Key::NotLoaded)}
                    </p>
                }
                .into_any(),
            ),
            Code::NotAsked => {
                code.set(Code::Loading);
                leptos::task::spawn_local(async move {
                    code.set(match load().await {
                        Ok(build) => Code::Loaded(build),
                        Err(Unavailable) => Code::Failed,
                    });
                });
                None
            }
        }
    }
}

/// A button that opens and closes a menu or dialog whose code loads the first time it
/// opens; the view is given the open signal, to close itself.
pub fn menu_button<F>(
    class: &'static str,
    test_id: &'static str,
    label: Key,
    load: fn() -> F,
) -> impl IntoView
where
    F: Future<Output = Result<Build<RwSignal<bool>>, Unavailable>> + 'static,
{
    let state = expect_context::<AppState>();
    let open = RwSignal::new(false);
    view! {
        <span class=class>
            <button data-testid=test_id on:click=move |_| open.update(|o| *o = !*o)>
                {move || t(state.lang.get(), label)}
            </button>
            {on_demand_view(move || open.get(), open, load)}
        </span>
    }
}

/// A folding side panel (`<details>`) whose body loads the first time it is opened, and then
/// stays (closing only folds it, so what it holds, like a search's results, is kept).
pub fn folding_panel<F>(
    class: &'static str,
    test_id: &'static str,
    title: Key,
    load: fn() -> F,
) -> impl IntoView
where
    F: Future<Output = Result<Build, Unavailable>> + 'static,
{
    let state = expect_context::<AppState>();
    let opened = RwSignal::new(false);
    view! {
        <details class=class data-testid=test_id on:toggle=move |_| opened.set(true)>
            <summary>{move || t(state.lang.get(), title)}</summary>
            {on_demand_view(move || opened.get(), (), load)}
        </details>
    }
}
