//! Speed on plans that look like real ones, in the browser (measurements, not tests that can
//! flake; ignored by default, run by `scripts/bench.sh` in release mode):
//! `cargo test -p madori-app --target wasm32-unknown-unknown --release --test real_plan_speed -- --include-ignored --nocapture`
//!
//! On the irregular 641-room, 4-storey plan (`templates::irregular(641, 4, 1)`) and the
//! 2,000-room stress plan it prints, as p50 / p95 / max:
//! * dragging a shared wall: from the pointer event to the DOM updated (the dragged room's
//!   area label changed and the effects queued behind it run), and to the next animation
//!   frame after that update;
//! * adding a room with the room tool (pointer up to the new room on screen, and to the next
//!   frame);
//! * opening the plan through the file chooser (change event to the plan on screen).

use gloo::timers::future::TimeoutFuture;
use leptos::prelude::*;
use madori_app::App;
use madori_plan::templates::{irregular, shared_wall};
use madori_plan::Plan;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{pointer, query, try_query};

async fn microtask() {
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL)).await;
}

/// Resolves at the next animation frame.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let callback = Closure::once_into_js(move |_: f64| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let _ = web_sys::window()
            .unwrap()
            .request_animation_frame(callback.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

/// `p50 / p95 / max` of samples in ms.
fn summary(samples: &mut [f64]) -> String {
    samples.sort_by(f64::total_cmp);
    let pct = |p: f64| samples[((samples.len() as f64 * p) as usize).min(samples.len() - 1)];
    format!(
        "p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms ({} samples)",
        pct(0.5),
        pct(0.95),
        samples.last().copied().unwrap_or_default(),
        samples.len()
    )
}

/// Waits until `changed()` holds (polling microtasks), then lets queued effects run.
async fn until(changed: impl Fn() -> bool) -> bool {
    for _ in 0..20_000 {
        if changed() {
            for _ in 0..50 {
                microtask().await;
            }
            return true;
        }
        microtask().await;
    }
    false
}

fn mount(plan: Plan) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    root.set_attribute("style", "width: 1400px; height: 900px; position: relative")
        .unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    leptos::mount::mount_to(root.clone(), move || view! { <App plan=plan.clone() /> }).forget();
    root
}

async fn choose(root: &HtmlElement, test_id: &str, value: &str) {
    let select: HtmlSelectElement = query(root, test_id).unchecked_into();
    select.set_value(value);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    TimeoutFuture::new(30).await;
}

/// Drags a shared wall of storey 1 back and forth by 10 mm steps; prints the figures.
async fn drag_a_wall(name: &str, plan: Plan, moves: usize) {
    let (room, _, a, b) = shared_wall(&plan, 1).expect("the plan has a shared wall");
    let storey_id = plan.storeys[1].id.clone();
    let root = mount(plan);
    TimeoutFuture::new(100).await;
    choose(&root, "grid-select", "off").await;
    query(&root, &format!("storey-tab-{storey_id}"))
        .unchecked_into::<HtmlElement>()
        .click();
    TimeoutFuture::new(50).await;
    // Zoom in so that a 20 mm step is several pixels (pointer events carry whole pixels).
    for _ in 0..14 {
        query(&root, "zoom-in")
            .unchecked_into::<HtmlElement>()
            .click();
    }
    TimeoutFuture::new(50).await;
    let (x, y) = (a.x as f64, (a.y + b.y) as f64 / 2.0);
    let label = format!("room-area-{room}");
    pointer(&root, "pointerdown", x, y);
    pointer(&root, "pointermove", x - 80.0, y);
    TimeoutFuture::new(50).await;
    let mut to_dom = Vec::new();
    let mut to_frame = Vec::new();
    for i in 0..moves + 20 {
        let phase = (i % 12) as f64;
        // Steps of 10 mm between x − 60 and x + 60: both rooms keep their shape.
        let dx = if phase < 6.0 {
            phase * 10.0
        } else {
            (12.0 - phase) * 10.0
        } - 30.0;
        let before = try_query(&root, &label)
            .and_then(|e| e.text_content())
            .unwrap_or_default();
        let t0 = now();
        pointer(&root, "pointermove", x + dx, y);
        let changed = until(|| {
            try_query(&root, &label)
                .and_then(|e| e.text_content())
                .unwrap_or_default()
                != before
        })
        .await;
        let t_dom = now();
        next_frame().await;
        let t_frame = now();
        assert!(changed, "{name}: move {i} did not update the drawing");
        if i >= 20 {
            to_dom.push(t_dom - t0);
            to_frame.push(t_frame - t0);
        }
    }
    pointer(&root, "pointerup", x, y);
    TimeoutFuture::new(50).await;
    console_log!(
        "{name}: drag of a shared wall, pointer → DOM updated: {}",
        summary(&mut to_dom)
    );
    console_log!(
        "{name}: drag of a shared wall, pointer → next frame after the update: {}",
        summary(&mut to_frame)
    );
    root.remove();
}

/// Opening through the file chooser, and adding rooms, on `plan`.
async fn open_and_add(name: &str, plan: Plan) {
    let text = madori_plan::format::to_json(&plan);
    let root = mount(madori_editor::empty_plan());
    TimeoutFuture::new(50).await;
    // Open through the file chooser, as a user would.
    let transfer = web_sys::DataTransfer::new().unwrap();
    let parts = js_sys::Array::of1(&JsValue::from_str(&text));
    let file = web_sys::File::new_with_str_sequence(&parts, "real.madori.json").unwrap();
    transfer.items().add_with_file(&file).unwrap();
    let input: web_sys::HtmlInputElement = query(&root, "open-plan").unchecked_into();
    input.set_files(transfer.files().as_ref());
    let first_room = format!("room-{}", plan.storeys[0].rooms[0].id);
    let t0 = now();
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    // Reading the file is real I/O (a task, not a microtask): poll every millisecond.
    let mut opened = false;
    for _ in 0..5_000 {
        if try_query(&root, &first_room).is_some() {
            opened = true;
            break;
        }
        TimeoutFuture::new(1).await;
    }
    let t_dom = now();
    next_frame().await;
    let t_frame = now();
    assert!(opened, "{name}: the plan did not open");
    console_log!(
        "{name}: open through the file chooser ({} KB): {:.1} ms to the plan on screen, {:.1} ms to the next frame",
        text.len() / 1024,
        t_dom - t0,
        t_frame - t0
    );

    // Add rooms beyond the plan's right edge with the room tool, grid off.
    choose(&root, "grid-select", "off").await;
    query(&root, "tool-room")
        .unchecked_into::<HtmlElement>()
        .click();
    TimeoutFuture::new(30).await;
    let right = plan.storeys[0]
        .rooms
        .iter()
        .flat_map(|r| r.polygon.iter().map(|p| p.x))
        .max()
        .unwrap_or(0) as f64;
    let mut to_dom = Vec::new();
    let mut to_frame = Vec::new();
    for i in 0..30 {
        let x0 = right + 3000.0 + f64::from(i) * 3000.0;
        let count = || root.query_selector_all("g.room").unwrap().length();
        let before = count();
        pointer(&root, "pointerdown", x0, 0.0);
        pointer(&root, "pointermove", x0 + 2730.0, 3640.0);
        let t0 = now();
        pointer(&root, "pointerup", x0 + 2730.0, 3640.0);
        let added = until(|| count() > before).await;
        let t_dom = now();
        next_frame().await;
        let t_frame = now();
        assert!(added, "{name}: room {i} was not added");
        to_dom.push(t_dom - t0);
        to_frame.push(t_frame - t0);
    }
    console_log!(
        "{name}: add a room, pointer up → DOM updated: {}",
        summary(&mut to_dom)
    );
    console_log!(
        "{name}: add a room, pointer up → next frame: {}",
        summary(&mut to_frame)
    );
    root.remove();
}

#[wasm_bindgen_test]
#[ignore = "a measurement; run by scripts/bench.sh"]
async fn irregular_641_room_plan() {
    drag_a_wall("irregular 641 rooms", irregular(641, 4, 1), 300).await;
    open_and_add("irregular 641 rooms", irregular(641, 4, 1)).await;
}

#[wasm_bindgen_test]
#[ignore = "a measurement; run by scripts/bench.sh"]
async fn irregular_2000_room_plan() {
    drag_a_wall("irregular 2000 rooms", irregular(2000, 4, 2), 200).await;
}
