//! Out to CAD: the plan as a DXF drawing (every storey, millimetres, layers by meaning),
//! written by the worker (`madori_cad::export_dxf`): R12 with Shift_JIS text, what Jw_cad
//! reads best, or R2007 with UTF-8 for newer CAD.

use crate::i18n::{t, Key};
use crate::state::AppState;
use leptos::prelude::*;

/// The two DXF buttons.
#[component]
pub fn DxfExport() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <span class="group dxf-export">
            <button data-testid="export-dxf" title=move || t(lang.get(), Key::ExportDxfHint) on:click=move |_| {
                export(state, Dxf::R12);
            }>{move || t(lang.get(), Key::ExportDxf)}</button>
            <button data-testid="export-dxf-2007" on:click=move |_| {
                export(state, Dxf::R2007);
            }>"R2007"</button>
        </span>
    }
}

/// The two kinds of DXF written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dxf {
    /// R12 with Shift_JIS text (Jw_cad).
    R12,
    /// R2007 with UTF-8 text.
    R2007,
}

/// Downloads the plan as DXF (the code that asks for it loads on demand).
fn export(state: AppState, format: Dxf) {
    crate::on_demand::when_loaded(state, exporter, move |export| export(state, format));
}

on_demand! {
    chunk files;
    /// Writes the plan as DXF, through the worker.
    pub fn exporter() -> fn(AppState, Dxf) {
        |state, format| {
            leptos::task::spawn_local(export_dxf(
                state,
                match format {
                    Dxf::R12 => "r12",
                    Dxf::R2007 => "r2007",
                },
            ))
        }
    }
}

/// Downloads the plan as DXF in `format` (`r12` or `r2007`).
pub async fn export_dxf(state: AppState, format: &str) {
    let (plan_json, name) = state.plan.with_untracked(|p| {
        (
            madori_plan::canonical::to_json(p),
            crate::file::file_name(&p.name)
                .trim_end_matches(".madori.json")
                .to_owned(),
        )
    });
    let request = serde_json::json!({"op": "dxf", "plan_json": plan_json, "format": format});
    match crate::worker::ask(&request, &[]).await {
        Ok(reply) => {
            let text = reply["base64"].as_str().unwrap_or_default();
            let Some(binary) = web_sys::window().and_then(|w| w.atob(text).ok()) else {
                return;
            };
            // atob gives one char per byte (0-255).
            let bytes: Vec<u8> = binary.chars().map(|c| c as u32 as u8).collect();
            let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
            let options = web_sys::BlobPropertyBag::new();
            options.set_type("application/dxf");
            if let Ok(blob) =
                web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
            {
                let suffix = if format == "r2007" { "-r2007" } else { "" };
                let _ = crate::file::download_blob(&blob, &format!("{name}{suffix}.dxf"));
            }
        }
        Err(why) => state.show_failure(why),
    }
}
