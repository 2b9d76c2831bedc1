//! DXF import: a drawing opened or dropped on the page is read by the import worker (its own
//! wasm, `app/worker`, downloaded only now, so the page's first download stays small), then
//! shown as a preview the user checks before it becomes a plan: the text encoding found, the
//! unit (proposed from the drawing itself, changeable, with the evidence), the layers with
//! what they hold (each can be left out or given another role), the scale check ("the
//! longest wall is 9,100 mm"), the rooms found, and everything not used. Nothing changes
//! until 「この図面で開く」; any failure leaves the current plan untouched.

use crate::i18n::{pick, t, Key, Lang};
use crate::state::AppState;
use leptos::prelude::*;
use serde_json::{json, Value};

/// The largest drawing read, bytes (the importer's own limit, checked before reading).
pub const MAX_DXF_BYTES: f64 = 32.0 * 1024.0 * 1024.0;

/// Units offered besides the proposed one.
const UNITS: [&str; 6] = ["mm", "cm", "m", "paper:50", "paper:100", "paper:200"];

/// A layer as the dialog shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerRow {
    /// The layer's name.
    pub name: String,
    /// What it holds, e.g. `LINE 120, ARC 8`.
    pub counts: String,
    /// Its role in the protocol (`walls`, `reference`, `openings`, `labels`, `ignore`).
    pub role: String,
    /// Used in the import.
    pub selected: bool,
}

/// A drawing being imported.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    /// The file's name.
    pub file_name: String,
    /// The drawing's bytes (sent to the worker for each preview).
    pub bytes: Vec<u8>,
    /// The encoding line, `(ja, en)`.
    pub encoding: (String, String),
    /// The proposed unit and why, `(unit, ja, en)`.
    pub proposal: (String, String, String),
    /// The unit chosen.
    pub unit: String,
    /// The layers.
    pub layers: Vec<LayerRow>,
    /// The last preview: the plan as file text and the worker's report.
    pub preview: Option<(String, Value)>,
    /// Why the last request failed, `(ja, en)`.
    pub error: Option<(String, String)>,
    /// A request is running.
    pub busy: bool,
}

fn pair(value: &Value) -> (String, String) {
    (
        value["ja"].as_str().unwrap_or_default().to_owned(),
        value["en"].as_str().unwrap_or_default().to_owned(),
    )
}

/// Reads a DXF file and opens the import dialog with a first preview (the dialog's code is
/// loaded on demand, the first time a drawing is opened).
pub fn load_dxf(state: AppState, file: web_sys::File) {
    crate::on_demand::when_loaded(state, dxf_loader, move |load| load(state, file));
}

on_demand! {
    chunk import;
    /// Reads a drawing and opens the import dialog.
    pub fn dxf_loader() -> fn(AppState, web_sys::File) {
        load_dxf_now
    }
}

fn load_dxf_now(state: AppState, file: web_sys::File) {
    let file_name = file.name();
    if file.size() > MAX_DXF_BYTES {
        state.file_problems.set(vec![madori_plan::Problem::new(
            "",
            "図面ファイルが 32 MiB を超えています",
            "the drawing is larger than 32 MiB",
        )]);
        return;
    }
    leptos::task::spawn_local(async move {
        let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
            state.file_problems.set(vec![madori_plan::Problem::new(
                "",
                "図面ファイルを読めません",
                "the drawing file could not be read",
            )]);
            return;
        };
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        match crate::worker::ask(&json!({"op": "survey"}), &bytes).await {
            Ok(survey) => {
                let layers = survey["layers"]
                    .as_array()
                    .map(|layers| layers.iter().map(layer_row).collect())
                    .unwrap_or_default();
                let proposal = &survey["proposal"];
                let unit = proposal["unit"].as_str().unwrap_or("mm").to_owned();
                state.import.set(Some(Session {
                    file_name,
                    bytes,
                    encoding: pair(&survey["encoding"]),
                    proposal: (unit.clone(), pair(proposal).0, pair(proposal).1),
                    unit,
                    layers,
                    preview: None,
                    error: None,
                    busy: false,
                }));
                preview(state).await;
            }
            Err(why) => state.show_failure(why),
        }
    });
}

fn layer_row(l: &Value) -> LayerRow {
    let counts = l["counts"]
        .as_object()
        .map(|c| {
            c.iter()
                .map(|(k, v)| format!("{k} {}", v.as_u64().unwrap_or(0)))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    LayerRow {
        name: l["name"].as_str().unwrap_or_default().to_owned(),
        counts,
        role: l["role"].as_str().unwrap_or("ignore").to_owned(),
        selected: l["selected"].as_bool().unwrap_or(false),
    }
}

/// Imports with the dialog's choices and shows the result.
async fn preview(state: AppState) {
    let Some(session) = state.import.get_untracked() else {
        return;
    };
    state.import.update(|s| {
        if let Some(s) = s {
            s.busy = true;
        }
    });
    let layers: Vec<Value> = session
        .layers
        .iter()
        .map(|l| json!({"name": l.name, "role": if l.selected { l.role.as_str() } else { "ignore" }}))
        .collect();
    let name = session
        .file_name
        .rsplit_once('.')
        .map_or(session.file_name.as_str(), |(stem, _)| stem)
        .to_owned();
    let request =
        json!({"op": "import", "unit": session.unit, "layers": layers, "plan_name": name});
    let result = crate::worker::ask(&request, &session.bytes).await;
    state.import.update(|s| {
        let Some(s) = s else { return };
        s.busy = false;
        match result {
            Ok(report) => {
                s.error = None;
                let plan_json = report["plan_json"].as_str().unwrap_or_default().to_owned();
                s.preview = Some((plan_json, report));
            }
            Err(e) => {
                s.preview = None;
                s.error = Some(e);
            }
        }
    });
}

/// Opens the previewed plan (asking first over unsaved changes, like any other plan).
fn accept(state: AppState) {
    let Some((plan_json, _)) = state
        .import
        .with_untracked(|s| s.as_ref().and_then(|s| s.preview.clone()))
    else {
        return;
    };
    leptos::task::spawn_local(async move {
        match crate::file::read_own(&plan_json).await {
            Ok(plan) => {
                state.import.set(None);
                state.replace(plan);
            }
            Err(problems) => state.file_problems.set(problems),
        }
    });
}

/// The import dialog, while a drawing is being imported (loaded on demand).
#[component]
pub fn ImportDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    crate::on_demand::on_demand_view(move || state.import.with(Option::is_some), (), import)
}

on_demand! {
    /// The import dialog's form, loaded the first time a drawing is imported.
    pub fn import() -> crate::on_demand::Build {
        |()| view! { <ImportForm /> }.into_any()
    }
}

/// The layers, the unit, the preview and what was not used.
#[component]
fn ImportForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let edit = move |f: Box<dyn FnOnce(&mut Session)>| {
        state.import.update(|s| {
            if let Some(s) = s {
                f(s);
            }
        });
        leptos::task::spawn_local(preview(state));
    };
    move || {
        let l = lang.get();
        state.import.get().map(|s| {
            let roles = ["walls", "reference", "openings", "labels", "ignore"];
            let layer_rows = s
                .layers
                .iter()
                .enumerate()
                .map(|(i, row)| {
                    let name = row.name.clone();
                    view! {
                        <tr data-testid="import-layer">
                            <td><label><input type="checkbox" prop:checked=row.selected on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                edit(Box::new(move |s| s.layers[i].selected = on));
                            } />{name}</label></td>
                            <td class="counts">{row.counts.clone()}</td>
                            <td><select on:change=move |ev| {
                                let role = event_target_value(&ev);
                                edit(Box::new(move |s| s.layers[i].role = role));
                            }>
                                {roles.iter().map(|r| view! {
                                    <option value=*r selected=row.role == *r>{role_label(l, r)}</option>
                                }).collect_view()}
                            </select></td>
                        </tr>
                    }
                })
                .collect_view();
            let mut units: Vec<String> = vec![s.proposal.0.clone()];
            units.extend(UNITS.iter().map(|u| (*u).to_owned()).filter(|u| *u != s.proposal.0));
            let unit_options = units
                .into_iter()
                .map(|u| {
                    let selected = u == s.unit;
                    view! { <option value=u.clone() selected=selected>{unit_label(l, &u)}</option> }
                })
                .collect_view();
            let preview_box = s.preview.as_ref().map(|(plan_json, report)| {
                // The worker wrote it; it validated it too.
                let plan = madori_plan::canonical::from_json(plan_json).ok();
                let (thumbnail, rooms, storeys) = plan.as_ref().map_or((String::new(), 0, 0), |p| {
                    (
                        format!(
                            "data:image/svg+xml;charset=utf-8,{}",
                            String::from(js_sys::encode_uri_component(&madori_editor::thumbnail::svg(p, 480, 300)))
                        ),
                        p.storeys.iter().map(|s| s.rooms.len()).sum::<usize>(),
                        p.storeys.len(),
                    )
                });
                let check = pair(&report["scale_check"]);
                let unused = report["unused"]
                    .as_array()
                    .map(|list| {
                        list.iter()
                            .map(|u| {
                                view! {
                                    <li>{format!(
                                        "{} × {} ({}): {}{}",
                                        u["entity"].as_str().unwrap_or_default(),
                                        u["count"].as_u64().unwrap_or(0),
                                        u["layer"].as_str().unwrap_or_default(),
                                        pick(l, u["ja"].as_str().unwrap_or_default(), u["en"].as_str().unwrap_or_default()),
                                        u["example"].as_str().filter(|e| !e.is_empty()).map(|e| format!(" 「{e}」")).unwrap_or_default(),
                                    )}</li>
                                }
                            })
                            .collect_view()
                    });
                view! {
                    <div class="import-preview" data-testid="import-preview">
                        <img src=thumbnail alt="" width="480" height="300" />
                        <p data-testid="import-scale-check">{pick(l, &check.0, &check.1).to_owned()}</p>
                        <p data-testid="import-summary">{format!("{}: {rooms} / {}: {storeys}", t(l, Key::ImportRooms), t(l, Key::ImportStoreys))}</p>
                        <details>
                            <summary>{t(l, Key::ImportUnused)}</summary>
                            <ul data-testid="import-unused">{unused}</ul>
                        </details>
                    </div>
                }
            });
            let error = s.error.as_ref().map(|(ja, en)| view! {
                <p class="refused" data-testid="import-error">{pick(l, ja, en).to_owned()}</p>
            });
            let can_open = s.preview.is_some() && !s.busy;
            view! {
                <div class="import-dialog file-problems" data-testid="import-dialog" role="dialog">
                    <h3>{format!("{}: {}", t(l, Key::ImportTitle), s.file_name)}</h3>
                    <p data-testid="import-encoding">{format!("{}: {}", t(l, Key::ImportEncoding), pick(l, &s.encoding.0, &s.encoding.1))}</p>
                    <label>{t(l, Key::ImportUnit)}
                        <select data-testid="import-unit" on:change=move |ev| {
                            let unit = event_target_value(&ev);
                            edit(Box::new(move |s| s.unit = unit));
                        }>{unit_options}</select>
                    </label>
                    <p class="note">{pick(l, &s.proposal.1, &s.proposal.2).to_owned()}</p>
                    <table class="import-layers">{layer_rows}</table>
                    {error}
                    {preview_box}
                    <button data-testid="import-open" disabled=!can_open on:click=move |_| accept(state)>{t(l, Key::ImportOpen)}</button>
                    <button data-testid="import-cancel" on:click=move |_| state.import.set(None)>{t(l, Key::Cancel)}</button>
                </div>
            }
        })
    }
}

fn role_label(l: Lang, role: &str) -> &'static str {
    match role {
        "walls" => pick(l, "壁", "walls"),
        "reference" => pick(l, "通り芯", "reference lines"),
        "openings" => pick(l, "建具", "doors and windows"),
        "labels" => pick(l, "室名", "room names"),
        _ => pick(l, "使わない", "not used"),
    }
}

fn unit_label(l: Lang, unit: &str) -> String {
    match unit.strip_prefix("paper:") {
        Some(scale) => format!("{} 1:{scale}", pick(l, "図面上の mm", "paper mm at")),
        None => unit.to_owned(),
    }
}
