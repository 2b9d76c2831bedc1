//! Printing through the browser's own print (vector, the system's Japanese fonts, no PDF
//! library): the sheets below exist only on paper (`@media print`). The 印刷 menu chooses the
//! paper and the scale; a storey that does not fit at the chosen scale says so instead of
//! being shrunk, because a drawing's scale must be exact.
//!
//! Sheets: each storey's 平面図 at exact scale with a title block, the 求積表
//! (`madori_rules::area_table`, with the plan's rounding), and the findings report (the
//! profile and every value used with its source, capacity and the rule that binds it, each
//! finding with its formula, hint and citation, and what the plan still lacks). The worker
//! draws all of them when 印刷 is chosen (the 平面図 as SVG, the 求積表 and the report as
//! HTML in both languages), so none of that code is in the page's first download. While a
//! saved state is compared (状態 → 比較), every 平面図 is marked against it (walls taken out
//! dashed, new walls hatched) and the two are printed side by side at the same scale.

use crate::i18n::{pick, t, Key};
use crate::state::AppState;
use leptos::prelude::*;

/// Paper sizes offered, `(name, long side mm, short side mm)`, printed landscape.
pub const PAPERS: [(&str, f64, f64); 2] = [("A3", 420.0, 297.0), ("A4", 297.0, 210.0)];

/// Scales offered (1:n).
pub const SCALES: [u32; 3] = [50, 100, 200];

/// Page margin on every side, mm (inside what printers can reach).
pub const MARGIN_MM: f64 = 10.0;

/// Height kept for the title block at the foot of a plan sheet, mm.
pub const TITLE_BLOCK_MM: f64 = 24.0;

/// The print button and, when open, its menu (loaded on demand).
#[component]
pub fn PrintMenu() -> impl IntoView {
    crate::on_demand::menu_button("print-anchor", "print-button", Key::Print, print_menu)
}

on_demand! {
    chunk print_menu;
    /// The print menu, loaded the first time it is opened.
    pub fn print_menu() -> crate::on_demand::Build<RwSignal<bool>> {
        |shown| view! { <PrintChoices shown=shown /> }.into_any()
    }
}

/// The paper, the scale, pictures and printing; `shown` closes the menu.
#[component]
fn PrintChoices(shown: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
                <div class="print-menu" data-testid="print-menu">
                    <label>{move || t(lang.get(), Key::Paper)}
                        <select data-testid="print-paper" on:change=move |ev| state.print_paper.set(event_target_value(&ev))>
                            {PAPERS.iter().map(|(name, _, _)| view! {
                                <option value=*name selected=move || state.print_paper.with(|p| p == name)>{*name}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label>{move || t(lang.get(), Key::Scale)}
                        <select data-testid="print-scale" on:change=move |ev| {
                            if let Ok(n) = event_target_value(&ev).parse::<u32>() { state.print_scale.set(n); }
                        }>
                            {SCALES.iter().map(|n| view! {
                                <option value=n.to_string() selected=move || state.print_scale.get() == *n>{format!("1:{n}")}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <button data-testid="export-svg" on:click=move |_| {
                        shown.set(false);
                        leptos::task::spawn_local(export_picture(state, Picture::Svg));
                    }>{move || t(lang.get(), Key::ExportSvg)}</button>
                    <button data-testid="export-png" on:click=move |_| {
                        shown.set(false);
                        leptos::task::spawn_local(export_picture(state, Picture::Png));
                    }>{move || t(lang.get(), Key::ExportPng)}</button>
                    {move || state.compare_state.get().map(|_| view! {
                        <p class="print-compare-note" data-testid="print-compare-note">{t(lang.get(), Key::PrintComparing)}</p>
                    })}
                    <button data-testid="print-now" on:click=move |_| {
                        shown.set(false);
                        leptos::task::spawn_local(prepare_and_print(state));
                    }>{move || t(lang.get(), Key::PrintNow)}</button>
                </div>
    }
}

/// The sheets, present in the page from 印刷 until the plan next changes, and shown only on
/// paper. Their code comes with the print menu's, which asks for them.
#[component]
pub fn PrintSheets() -> impl IntoView {
    let state = expect_context::<AppState>();
    crate::on_demand::on_demand_view(move || state.print_pages.with(Option::is_some), (), sheets)
}

on_demand! {
    chunk print_menu;
    /// The printed sheets.
    pub fn sheets() -> crate::on_demand::Build {
        |()| view! { <Sheets /> }.into_any()
    }
}

#[component]
fn Sheets() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let page_style = move || {
        let paper = state.print_paper.get();
        format!("@page {{ size: {paper} landscape; margin: {MARGIN_MM}mm; }}")
    };
    // The sheets exist only from 印刷 until the plan next changes: they are the plan as it was
    // when printed, drawn once by the worker, and never kept up to date with edits. (They
    // are made when there are pages: the first run only starts tracking the plan.)
    Effect::new(move |ran: Option<()>| {
        state.plan.track();
        if ran.is_some() && state.print_pages.with_untracked(Option::is_some) {
            state.print_pages.set(None);
        }
    });
    view! {
        <style>{page_style}</style>
        <div class="print-only" data-testid="print-sheets">
            {move || state.print_pages.get().map(|pages| match pages {
                Ok((ja, en)) => view! {
                    <div class="print-pages" inner_html=pick(lang.get(), &ja, &en).to_owned()></div>
                }.into_any(),
                Err((ja, en)) => view! {
                    <p class="does-not-fit">{pick(lang.get(), &ja, &en).to_owned()}</p>
                }.into_any(),
            })}
        </div>
    }
}

/// Today's date as the title blocks print it.
fn today() -> String {
    js_sys::Date::new_0()
        .to_locale_date_string("ja-JP", &wasm_bindgen::JsValue::UNDEFINED)
        .as_string()
        .unwrap_or_default()
}

/// Has the worker draw every sheet for the chosen paper and scale, then opens the browser's
/// print dialog. A storey larger than the paper at the scale gets a note instead of a shrunk
/// drawing.
pub async fn prepare_and_print(state: AppState) {
    let scale = state.print_scale.get_untracked();
    let (long, short) = state.print_paper.with_untracked(|p| {
        PAPERS
            .iter()
            .find(|(name, _, _)| name == p)
            .map_or((PAPERS[0].1, PAPERS[0].2), |(_, a, b)| (*a, *b))
    });
    let plan_json = state
        .plan
        .with_untracked(|p| madori_plan::canonical::to_json(p));
    let request = serde_json::json!({
        "op": "print", "today": today(), "scale": scale,
        "width_mm": long - 2.0 * MARGIN_MM,
        "height_mm": short - 2.0 * MARGIN_MM - TITLE_BLOCK_MM,
        // While a saved state is compared, the sheets show the renovation against it.
        "compare": state.compare_state.get_untracked(),
    });
    let pages = crate::worker::ask(&request, plan_json.as_bytes())
        .await
        .map(|reply| {
            (
                reply["ja"].as_str().unwrap_or_default().to_owned(),
                reply["en"].as_str().unwrap_or_default().to_owned(),
            )
        });
    state.print_pages.set(Some(pages));
    // Let the sheets reach the page before the print dialog reads it.
    next_frame().await;
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// A picture format for the drawing of the storey on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picture {
    /// The sheet's SVG (vector, sized in paper mm).
    Svg,
    /// A raster of the sheet at [`PNG_PX_PER_PAPER_MM`].
    Png,
}

/// PNG resolution: 8 px per paper mm is about 200 dpi.
pub const PNG_PX_PER_PAPER_MM: f64 = 8.0;

/// Downloads the current storey's sheet (at the print scale) as SVG or PNG.
pub async fn export_picture(state: AppState, picture: Picture) {
    let storey = state.editor.with_untracked(|e| e.storey);
    let (plan_json, base) = state.plan.with_untracked(|p| {
        let storey_name = p
            .storeys
            .get(storey)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        (
            madori_plan::canonical::to_json(p),
            crate::file::file_name(&format!("{} {storey_name}", p.name))
                .trim_end_matches(".madori.json")
                .to_owned(),
        )
    });
    let request = serde_json::json!({
        "op": "sheet", "plan_json": plan_json, "storey": storey,
        "scale": state.print_scale.get_untracked(),
    });
    let reply = match crate::worker::ask(&request, &[]).await {
        Ok(reply) => reply,
        Err(why) => {
            state.show_failure(why);
            return;
        }
    };
    let svg = reply["svg"].as_str().unwrap_or_default().to_owned();
    let _ = match picture {
        Picture::Svg => crate::file::download_text(&svg, "image/svg+xml", &format!("{base}.svg")),
        Picture::Png => {
            let size = (
                reply["width_mm"].as_f64().unwrap_or(0.0) * PNG_PX_PER_PAPER_MM,
                reply["height_mm"].as_f64().unwrap_or(0.0) * PNG_PX_PER_PAPER_MM,
            );
            match raster(&svg, size).await {
                Some(blob) => crate::file::download_blob(&blob, &format!("{base}.png")),
                None => Ok(()),
            }
        }
    };
}

/// Draws an SVG document onto a white canvas of `size` pixels and returns it as a PNG blob.
async fn raster(svg: &str, (width, height): (f64, f64)) -> Option<web_sys::Blob> {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()?.document()?;
    let image = web_sys::HtmlImageElement::new().ok()?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        image.set_onload(Some(&resolve));
        image.set_onerror(Some(&reject));
    });
    image.set_src(&format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(svg))
    ));
    wasm_bindgen_futures::JsFuture::from(loaded).await.ok()?;
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").ok()?.unchecked_into();
    canvas.set_width(width.clamp(1.0, 16_384.0) as u32);
    canvas.set_height(height.clamp(1.0, 16_384.0) as u32);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok()??.unchecked_into();
    context.set_fill_style_str("#fff");
    context.fill_rect(0.0, 0.0, width, height);
    context
        .draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, width, height)
        .ok()?;
    let blob = js_sys::Promise::new(&mut |resolve, _| {
        let _ = canvas.to_blob(&resolve);
    });
    wasm_bindgen_futures::JsFuture::from(blob)
        .await
        .ok()?
        .dyn_into::<web_sys::Blob>()
        .ok()
}

/// Waits for the next animation frame.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
