//! Speed in the browser (a measurement, not a test that can flake): dragging a shared wall
//! of the 641-room, 4-storey plan, time from pointer event to updated DOM over 500 moves.
//! Prints p50 / p95 / max. Run by `scripts/bench.sh` in release mode:
//! `cargo test -p madori-app --target wasm32-unknown-unknown --release --test drag_speed -- --include-ignored`

use gloo::timers::future::TimeoutFuture;
use leptos::prelude::*;
use madori_app::App;
use madori_plan::templates::synthetic;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{pointer, query};

async fn microtask() {
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL)).await;
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 * p) as usize).min(sorted.len() - 1)]
}

#[wasm_bindgen_test]
#[ignore = "a measurement; run by scripts/bench.sh"]
async fn drag_a_wall_of_a_641_room_plan() {
    let window = web_sys::window().unwrap();
    let performance = window.performance().unwrap();
    let plan = synthetic(641, 4);

    // Re-checking alone, in wasm.
    let profile = madori_rules::profile::profile("sh-single").unwrap();
    let mut checks: Vec<f64> = (0..50)
        .map(|_| {
            let t0 = performance.now();
            let report = madori_rules::check(&plan, &profile);
            std::hint::black_box(report.findings.len());
            performance.now() - t0
        })
        .collect();
    checks.sort_by(f64::total_cmp);

    let document = window.document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    root.set_attribute("style", "width: 1400px; height: 900px; position: relative")
        .unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let start = performance.now();
    leptos::mount::mount_to(root.clone(), move || view! { <App plan=plan.clone() /> }).forget();
    TimeoutFuture::new(50).await;
    let first_render = performance.now() - start;

    // Millimetre precision, so every move changes the drawing.
    let grid: HtmlSelectElement = query(&root, "grid-select").unchecked_into();
    grid.set_value("off");
    grid.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    TimeoutFuture::new(20).await;

    // Zoom in about three times, as one would to work on a wall.
    for _ in 0..5 {
        query(&root, "zoom-in")
            .unchecked_into::<HtmlElement>()
            .click();
    }
    TimeoutFuture::new(20).await;

    // Grab the wall shared by the first two rooms (x = 2730) and move it back and forth.
    pointer(&root, "pointerdown", 2730.0, 1820.0);
    pointer(&root, "pointermove", 2400.0, 1820.0);
    TimeoutFuture::new(50).await;
    let label = query(&root, "dim-s0r0-0");
    let mut samples = Vec::new();
    for i in 0..520 {
        let phase = (i % 36) as f64;
        // Steps of 50 mm (5 px at this zoom, so every move changes the plan) between 2330 and
        // 3230 mm: both rooms keep room for their 500 + 1690 mm windows.
        let x = 2330.0
            + if phase < 18.0 {
                phase * 50.0
            } else {
                (36.0 - phase) * 50.0
            };
        let before = label.text_content().unwrap_or_default();
        let t0 = performance.now();
        pointer(&root, "pointermove", x, 1820.0);
        for _ in 0..10_000 {
            if label.text_content().unwrap_or_default() != before {
                break;
            }
            microtask().await;
        }
        // Let the effects still queued behind the label (findings, totals) run too.
        for _ in 0..50 {
            microtask().await;
        }
        let elapsed = performance.now() - t0;
        assert_ne!(
            label.text_content().unwrap_or_default(),
            before,
            "move {i} did not update the drawing"
        );
        if i >= 20 {
            samples.push(elapsed);
        }
    }
    pointer(&root, "pointerup", 2730.0, 1820.0);
    samples.sort_by(f64::total_cmp);
    console_log!(
        "drag of a shared wall, 641 rooms / 4 storeys, {} moves: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        samples.len(),
        percentile(&samples, 0.5),
        percentile(&samples, 0.95),
        samples.last().copied().unwrap_or_default()
    );
    console_log!(
        "full re-check in wasm (sh-single, 641 rooms): p50 {:.2} ms, p95 {:.2} ms; first render {:.0} ms",
        percentile(&checks, 0.5),
        percentile(&checks, 0.95),
        first_render
    );
    root.remove();
}
