//! Helpers shared by the browser tests: mount the real app, wait for effects, find elements
//! by `data-testid`, and drive them.

#![allow(dead_code)] // Each test file uses a different subset.

use gloo::timers::future::TimeoutFuture;
use leptos::prelude::*;
use madori_app::App;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlElement, HtmlSelectElement, PointerEvent, PointerEventInit, SvgGraphicsElement,
};

/// Mounts a fresh app in its own 1200 × 800 container and returns the container.
pub fn mount() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    container
        .set_attribute("style", "width: 1200px; height: 800px; position: relative")
        .unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), || view! { <App /> }).forget();
    container
}

/// Mounts a fresh app like [`mount`], with a page state the test can read.
pub fn mount_with_state() -> (HtmlElement, madori_app::state::AppState) {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    container
        .set_attribute("style", "width: 1200px; height: 800px; position: relative")
        .unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let state = madori_app::state::AppState::new();
    leptos::mount::mount_to(container.clone(), move || view! { <App state=state /> }).forget();
    (container, state)
}

/// Lets the reactive system flush its effects.
pub async fn settle() {
    TimeoutFuture::new(20).await;
}

/// The element with this `data-testid`; panics with its name if there is none.
pub fn query(root: &Element, test_id: &str) -> Element {
    try_query(root, test_id).unwrap_or_else(|| panic!("no element {test_id}"))
}

/// The element with this `data-testid`, if any.
pub fn try_query(root: &Element, test_id: &str) -> Option<Element> {
    root.query_selector(&format!("[data-testid=\"{test_id}\"]"))
        .unwrap()
}

/// Number of elements matching a CSS selector.
pub fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

/// Text of the element with this `data-testid`.
pub fn text(root: &Element, test_id: &str) -> String {
    query(root, test_id).text_content().unwrap_or_default()
}

/// Opens the folding side panel with this `data-testid` as a user does, by its summary, and
/// waits for its body (built the first time it opens, its code loaded on demand).
pub async fn open_panel(root: &Element, test_id: &str) {
    let summary: web_sys::HtmlElement = query(root, test_id)
        .query_selector("summary")
        .unwrap()
        .unwrap_or_else(|| panic!("{test_id} has no summary"))
        .unchecked_into();
    summary.click();
    settle().await;
    settle().await;
}

/// Clicks the element with this `data-testid`.
pub async fn click(root: &Element, test_id: &str) {
    query(root, test_id).unchecked_into::<HtmlElement>().click();
    settle().await;
}

/// Picks `value` in the select with this `data-testid`.
pub async fn choose(root: &Element, test_id: &str, value: &str) {
    let select: HtmlSelectElement = query(root, test_id).unchecked_into();
    select.set_value(value);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
}

/// Client pixel position of a world point, through the canvas's own transform.
pub fn client_of(root: &Element, x: f64, y: f64) -> (f64, f64) {
    let svg: SvgGraphicsElement = query(root, "plan-canvas").unchecked_into();
    let m = svg.get_screen_ctm().unwrap();
    (
        f64::from(m.a()) * x + f64::from(m.e()),
        f64::from(m.d()) * y + f64::from(m.f()),
    )
}

pub fn pointer(root: &Element, kind: &str, x: f64, y: f64) {
    let (cx, cy) = client_of(root, x, y);
    let init = PointerEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_client_x(cx.round() as i32);
    init.set_client_y(cy.round() as i32);
    init.set_pointer_id(1);
    init.set_pointer_type("mouse");
    init.set_button(0);
    init.set_is_primary(true);
    let event = PointerEvent::new_with_event_init_dict(kind, &init).unwrap();
    query(root, "plan-canvas").dispatch_event(&event).unwrap();
}

/// A key pressed on the page, as the keyboard sends it to the body (`ctrl`, `shift` held).
pub async fn key(key: &str, ctrl: bool, shift: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_ctrl_key(ctrl);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap()
        .dispatch_event(&event)
        .unwrap();
    settle().await;
}

/// A drag in world millimetres, in several moves, as one gesture.
pub async fn drag(root: &Element, from: (f64, f64), to: (f64, f64)) {
    pointer(root, "pointerdown", from.0, from.1);
    for i in 1..=5 {
        let f = f64::from(i) / 5.0;
        pointer(
            root,
            "pointermove",
            from.0 + (to.0 - from.0) * f,
            from.1 + (to.1 - from.1) * f,
        );
    }
    pointer(root, "pointerup", to.0, to.1);
    settle().await;
}

/// Mounts a fresh app with autosave, as the real page does: the plan last worked on comes
/// back from the browser's storage, and changes are written there.
pub fn mount_persistent() -> (HtmlElement, madori_app::state::AppState) {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    container
        .set_attribute("style", "width: 1200px; height: 800px; position: relative")
        .unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let state = madori_app::state::AppState::new();
    leptos::mount::mount_to(container.clone(), move || {
        madori_app::autosave::install(state);
        view! { <App state=state /> }
    })
    .forget();
    (container, state)
}
