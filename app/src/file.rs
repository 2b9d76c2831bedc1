//! Saving a plan as a JSON file and opening one: the only file I/O of the app. The format
//! itself belongs to `madori_plan::format`.

use crate::state::AppState;
use leptos::prelude::*;
use madori_plan::{canonical, format, validate::validate, Plan, Problem};
use wasm_bindgen::{JsCast, JsValue};

on_demand! {
    /// The full loader ([`format::from_json_unmarked`]: older versions migrated, every
    /// problem listed with its path), loaded the first time a file is opened or a stored
    /// plan is not as this version writes it. Plans the app wrote itself are read by the
    /// small [`canonical`] reader in the first download.
    pub fn loader() -> fn(&str) -> Result<Plan, Vec<Problem>> {
        format::from_json_unmarked
    }
}

/// Reads a plan text with the full loader; when it cannot be fetched, says so.
pub async fn load(text: &str) -> Result<Plan, Vec<Problem>> {
    match loader().await {
        Ok(load) => load(text),
        Err(crate::on_demand::Unavailable) => Err(vec![Problem::new(
            "",
            "ファイルを読む部分を読み込めませんでした (ネットワークを確認してください)",
            "the part that reads files could not be loaded (check the network)",
        )]),
    }
}

/// Reads a plan the app wrote (autosave, the library, the worker's answers): the small
/// reader, then validation; a text it does not take (an older version, a damaged entry) goes
/// to the full loader, which migrates it or says what is wrong.
pub async fn read_own(text: &str) -> Result<Plan, Vec<Problem>> {
    match canonical::from_json(text) {
        Ok(plan) => {
            let problems = validate(&plan);
            if problems.is_empty() {
                Ok(plan)
            } else {
                Err(problems)
            }
        }
        Err(_) => load(text).await,
    }
}

/// A file name for a plan: its name with characters file systems dislike replaced.
pub fn file_name(plan_name: &str) -> String {
    let cleaned: String = plan_name
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim();
    format!(
        "{}.madori.json",
        if cleaned.is_empty() { "plan" } else { cleaned }
    )
}

on_demand! {
    chunk files;
    /// The plan file as people read it (pretty JSON, [`format::to_json`]), loaded the first
    /// time a plan is saved to a file; the app's own copies are compact ([`canonical`]).
    pub fn file_writer() -> fn(&Plan) -> String {
        format::to_json
    }
}

/// Downloads the plan as a JSON file.
pub fn save(state: AppState) {
    leptos::task::spawn_local(async move {
        saved(state).await;
    });
}

/// Downloads the plan as a JSON file; whether it was offered.
pub async fn saved(state: AppState) -> bool {
    let plan = state.plan.get_untracked();
    match file_writer().await {
        Ok(write) => download(state, &write(&plan), &file_name(&plan.name)).is_ok(),
        Err(crate::on_demand::Unavailable) => {
            state.show_failure(crate::on_demand::not_loaded());
            false
        }
    }
}

/// Downloads the plan with its underlay pictures embedded (`images` of the plan format), so
/// the file carries everything to another browser or machine.
pub fn save_with_underlays(state: AppState) {
    leptos::task::spawn_local(async move {
        let mut plan = state.plan.get_untracked().as_ref().clone();
        // Each picture once, in the order of the storeys using it (at most one per storey,
        // so the quadratic check is bounded by the storey limit).
        let mut ids: Vec<String> = Vec::new();
        for id in plan
            .storeys
            .iter()
            .filter_map(|s| s.underlay.as_ref().map(|u| &u.image))
        {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        for id in ids {
            let known = state.images.with_untracked(|i| i.get(&id).cloned());
            let data_url = match known {
                Some(d) => Some(d),
                None => crate::storage::get_image(&id).await.ok().flatten(),
            };
            if let Some(data_url) = data_url {
                plan.images
                    .push(madori_plan::EmbeddedImage { id, data_url });
            }
        }
        match file_writer().await {
            Ok(write) => {
                let _ = download(state, &write(&plan), &file_name(&plan.name));
            }
            Err(crate::on_demand::Unavailable) => {
                state.show_failure(crate::on_demand::not_loaded())
            }
        }
    });
}

fn download(state: AppState, json: &str, name: &str) -> Result<(), JsValue> {
    download_text(json, "application/json", name)?;
    state.mark_saved();
    Ok(())
}

/// Offers text as a file download.
pub fn download_text(text: &str, media_type: &str, name: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    download_blob(&blob, name)
}

/// Offers a blob as a file download.
pub fn download_blob(blob: &web_sys::Blob, name: &str) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}

/// Opens a plan from text: the plan replaces the current one, or every problem is listed and
/// nothing changes. When the problems can be repaired the text is kept, so the user can agree
/// to [`open_repaired`].
///
/// The page loads with the full loader ([`loader`], fetched the first time a file is opened)
/// without finding out which problems a repair fixes (the repairs are the worker's), so a
/// refused file's problems are listed at once and the worker is asked which of them a repair
/// fixes; the offer follows its answer.
pub fn open_text(state: AppState, text: String) {
    state.file_repairs.set(Vec::new());
    state.refused_text.set(None);
    leptos::task::spawn_local(async move { opened(state, text).await });
}

/// Shows the plan `text` holds, or its problems, asking the worker which a repair fixes.
async fn opened(state: AppState, text: String) {
    match load(&text).await {
        Ok(plan) => {
            state.file_problems.set(Vec::new());
            state.replace(keep_images(state, plan));
        }
        Err(mut problems) => {
            // Until the worker says, nothing is offered as repairable.
            for problem in &mut problems {
                problem.repairable = false;
            }
            state.file_problems.set(problems.clone());
            // A problem of the whole file (its size, its JSON syntax) leaves no plan to repair.
            if problems.iter().all(|p| p.path.is_empty()) {
                return;
            }
            let request = serde_json::json!({"op": "problems"});
            let Ok(reply) = crate::worker::ask(&request, text.as_bytes()).await else {
                return;
            };
            let marked = problems_from(&reply["problems"]);
            // Only while the same list is shown (no other file opened, not closed), and
            // only if the worker found the same problems.
            let same = |a: &[Problem], b: &[Problem]| {
                a.len() == b.len()
                    && a.iter().zip(b).all(|(a, b)| {
                        (&a.path, &a.message_ja, &a.message_en)
                            == (&b.path, &b.message_ja, &b.message_en)
                    })
            };
            if !same(&marked, &problems)
                || !state.file_problems.with_untracked(|now| *now == problems)
            {
                return;
            }
            let repairable = marked.iter().any(|p| p.repairable);
            state.refused_text.set(repairable.then_some(text));
            state.file_problems.set(marked);
        }
    }
}

/// Opens the refused file with its repairs (made by the worker), after the user agreed: the
/// plan replaces the current one and every repair is listed; what cannot be repaired is
/// listed and nothing changes.
pub fn open_repaired(state: AppState) {
    let Some(text) = state.refused_text.get_untracked() else {
        return;
    };
    leptos::task::spawn_local(async move {
        let request = serde_json::json!({"op": "repair"});
        let reply = crate::worker::ask(&request, text.as_bytes()).await;
        state.refused_text.set(None);
        let reply = match reply {
            Ok(reply) => reply,
            Err(why) => {
                state.show_failure(why);
                return;
            }
        };
        let Some(plan_json) = reply["plan_json"].as_str() else {
            state.file_problems.set(problems_from(&reply["problems"]));
            return;
        };
        match read_own(plan_json).await {
            Ok(plan) => {
                state.file_problems.set(Vec::new());
                state.replace(keep_images(state, plan));
                state.file_repairs.set(
                    reply["repairs"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|r| RepairNote {
                            path: text_of(&r["path"]),
                            message_ja: text_of(&r["ja"]),
                            message_en: text_of(&r["en"]),
                        })
                        .collect(),
                );
            }
            Err(problems) => state.file_problems.set(problems),
        }
    });
}

/// A repair made to a file opened with repairs: where in the file as it was, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepairNote {
    /// The path in the file, e.g. `storeys[0].rooms[2].polygon[4]`.
    pub path: String,
    /// What was done and why, in Japanese.
    pub message_ja: String,
    /// What was done and why, in English.
    pub message_en: String,
}

/// Problems as the worker lists them (`{"path", "ja", "en", "repairable"}` each).
pub fn problems_from(list: &serde_json::Value) -> Vec<Problem> {
    list.as_array()
        .into_iter()
        .flatten()
        .map(|p| {
            let mut problem =
                Problem::new(text_of(&p["path"]), text_of(&p["ja"]), text_of(&p["en"]));
            problem.repairable = p["repairable"].as_bool() == Some(true);
            problem
        })
        .collect()
}

fn text_of(value: &serde_json::Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}

/// Moves the underlay images a file carries into the browser's image store: the plan being
/// edited refers to them by id and stays small (an undo step never copies a picture).
pub fn keep_images(state: AppState, mut plan: madori_plan::Plan) -> madori_plan::Plan {
    for image in std::mem::take(&mut plan.images) {
        leptos::task::spawn_local(async move {
            if let Err(e) = crate::storage::put_image(&image.id, &image.data_url).await {
                state.storage_error.set(Some(e));
            }
        });
    }
    plan
}

/// What a file is, from its name and media type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A Madori plan (JSON).
    Plan,
    /// A picture to trace (PNG or JPEG).
    Image,
    /// A CAD drawing (DXF).
    Dxf,
}

/// Tells a plan, a picture and a CAD drawing apart (`None` for anything else).
pub fn file_kind(name: &str, media_type: &str) -> Option<FileKind> {
    let name = name.to_ascii_lowercase();
    if name.ends_with(".json") || media_type == "application/json" {
        Some(FileKind::Plan)
    } else if name.ends_with(".dxf") {
        Some(FileKind::Dxf)
    } else if matches!(media_type, "image/png" | "image/jpeg")
        || [".png", ".jpg", ".jpeg"].iter().any(|e| name.ends_with(e))
    {
        Some(FileKind::Image)
    } else {
        None
    }
}

/// Reads the file chosen in an `<input type=file>` and opens it.
pub fn open_chosen(state: AppState, input: web_sys::HtmlInputElement) {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    open_file(state, file);
    input.set_value("");
}

/// Opens a file chosen or dropped on the page: a plan replaces the current one, a picture
/// becomes the storey's underlay, a DXF drawing is imported after a preview. The code that
/// reads files loads on demand, the first time one is opened.
pub fn open_file(state: AppState, file: web_sys::File) {
    crate::on_demand::when_loaded(state, file_opener, move |open| open(state, file));
}

on_demand! {
    chunk files;
    /// Opens a file by its kind.
    pub fn file_opener() -> fn(AppState, web_sys::File) {
        open_file_now
    }
}

fn open_file_now(state: AppState, file: web_sys::File) {
    match file_kind(&file.name(), &file.type_()) {
        Some(FileKind::Plan) => open_plan_file(state, file),
        Some(FileKind::Image) => crate::components::underlay::load_image(state, file),
        Some(FileKind::Dxf) => crate::components::import::load_dxf(state, file),
        None => {
            let shown: String = file.name().chars().take(60).collect();
            state.file_problems.set(vec![Problem::new(
                "",
                format!("「{shown}」は開けません: 間取り (.json)、図面 (.dxf)、画像 (.png, .jpg) を開けます"),
                format!("\"{shown}\" cannot be opened: Madori opens plans (.json), drawings (.dxf) and pictures (.png, .jpg)"),
            )]);
        }
    }
}

/// Reads a plan file and opens it.
fn open_plan_file(state: AppState, file: web_sys::File) {
    // Refuse a huge file before reading it into memory.
    if file.size() > format::MAX_FILE_BYTES as f64 {
        state.file_problems.set(vec![Problem::new(
            "",
            format!(
                "ファイルが {} MiB を超えています: 間取りファイルはずっと小さいはずです",
                format::MAX_FILE_BYTES >> 20
            ),
            format!(
                "the file is larger than {} MiB; a plan file is far smaller",
                format::MAX_FILE_BYTES >> 20
            ),
        )]);
        return;
    }
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        match text.ok().and_then(|t| t.as_string()) {
            Some(text) => open_text(state, text),
            None => state.file_problems.set(vec![Problem::new(
                "",
                "ファイルを文字として読めません",
                "the file could not be read as text",
            )]),
        }
    });
}
