//! The browser's own storage (IndexedDB, through `rexie`): autosave and the plan library.
//!
//! Stores, in one database `madori` (version 1):
//! - `entries`: one small record per plan for the library list (id, name, last change,
//!   thumbnail), so listing never reads whole plans;
//! - `plans`: the plan itself as plan-format JSON (the same text a saved file holds, so a
//!   stored plan is read by the same loader and the same migrations as a file), with the view
//!   it was left in;
//! - `images`: underlay images as `data:` URLs, by id, shared by every plan that uses them;
//! - `meta`: the id of the plan last worked on, opened again on the next load.
//!
//! Every function returns a message on failure (private browsing, quota, a blocked upgrade);
//! the page shows it and offers a file save instead. Nothing here panics.

use js_sys::{Object, Reflect};
use rexie::{ObjectStore, Rexie, TransactionMode};
use wasm_bindgen::JsValue;

const DATABASE: &str = "madori";
const ENTRIES: &str = "entries";
const PLANS: &str = "plans";
const IMAGES: &str = "images";
const META: &str = "meta";
const LAST: &str = "last";

/// A plan in the library list.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The plan's id in the library (not inside the plan file).
    pub id: String,
    /// The plan's name.
    pub name: String,
    /// When it last changed, milliseconds since 1970 (JavaScript time).
    pub updated_ms: f64,
    /// A small SVG picture of it.
    pub thumbnail: String,
}

/// Where the user was looking: restored with the plan.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// The storey shown.
    pub storey: usize,
    /// The world point at the canvas's top-left corner, mm.
    pub origin_mm: (f64, f64),
    /// Screen pixels per millimetre.
    pub px_per_mm: f64,
}

/// A stored plan: its file text and its view.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    /// Plan-format JSON.
    pub json: String,
    /// The view it was left in, if one was stored.
    pub view: Option<View>,
}

fn message(e: impl std::fmt::Display) -> String {
    format!("ブラウザの保存領域を使えません / the browser's storage is not available: {e}")
}

async fn open() -> Result<Rexie, String> {
    Rexie::builder(DATABASE)
        .version(1)
        .add_object_store(ObjectStore::new(ENTRIES).key_path("id"))
        .add_object_store(ObjectStore::new(PLANS).key_path("id"))
        .add_object_store(ObjectStore::new(IMAGES).key_path("id"))
        .add_object_store(ObjectStore::new(META).key_path("key"))
        .build()
        .await
        .map_err(message)
}

/// The record under `key` in `store`, if any (one read-only transaction).
async fn get_one(store: &str, key: &str) -> Result<Option<JsValue>, String> {
    let db = open().await?;
    let tx = db
        .transaction(&[store], TransactionMode::ReadOnly)
        .map_err(message)?;
    tx.store(store)
        .map_err(message)?
        .get(JsValue::from_str(key))
        .await
        .map_err(message)
}

/// Writes one record into `store` (one transaction, waited for).
async fn put_one(store: &str, value: &JsValue) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction(&[store], TransactionMode::ReadWrite)
        .map_err(message)?;
    tx.store(store)
        .map_err(message)?
        .put(value, None)
        .await
        .map_err(message)?;
    tx.done().await.map_err(message)?;
    Ok(())
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

fn field(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn text(value: &JsValue, key: &str) -> Option<String> {
    field(value, key).as_string()
}

fn number(value: &JsValue, key: &str) -> Option<f64> {
    field(value, key).as_f64().filter(|n| n.is_finite())
}

/// Saves a plan (entry and text in one transaction) and records it as the last one.
pub async fn put(entry: &Entry, stored: &Stored) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction(&[ENTRIES, PLANS, META], TransactionMode::ReadWrite)
        .map_err(message)?;
    let id = JsValue::from_str(&entry.id);
    let entry_value = object(&[
        ("id", id.clone()),
        ("name", JsValue::from_str(&entry.name)),
        ("updated", JsValue::from_f64(entry.updated_ms)),
        ("thumbnail", JsValue::from_str(&entry.thumbnail)),
    ]);
    let mut plan_fields = vec![
        ("id", id.clone()),
        ("json", JsValue::from_str(&stored.json)),
    ];
    if let Some(view) = stored.view {
        plan_fields.extend([
            ("storey", JsValue::from_f64(view.storey as f64)),
            ("x", JsValue::from_f64(view.origin_mm.0)),
            ("y", JsValue::from_f64(view.origin_mm.1)),
            ("scale", JsValue::from_f64(view.px_per_mm)),
        ]);
    }
    let last = object(&[("key", JsValue::from_str(LAST)), ("id", id)]);
    for (store, value) in [
        (ENTRIES, entry_value),
        (PLANS, object(&plan_fields)),
        (META, last),
    ] {
        tx.store(store)
            .map_err(message)?
            .put(&value, None)
            .await
            .map_err(message)?;
    }
    tx.done().await.map_err(message)?;
    Ok(())
}

/// Every plan in the library, the most recently changed first.
pub async fn list() -> Result<Vec<Entry>, String> {
    let db = open().await?;
    let tx = db
        .transaction(&[ENTRIES], TransactionMode::ReadOnly)
        .map_err(message)?;
    let values = tx
        .store(ENTRIES)
        .map_err(message)?
        .get_all(None, None)
        .await
        .map_err(message)?;
    let mut entries: Vec<Entry> = values
        .iter()
        .filter_map(|v| {
            Some(Entry {
                id: text(v, "id")?,
                name: text(v, "name").unwrap_or_default(),
                updated_ms: number(v, "updated").unwrap_or(0.0),
                thumbnail: text(v, "thumbnail").unwrap_or_default(),
            })
        })
        .collect();
    // Newest first, through the one shared sort (`!key` orders the other way round).
    madori_plan::order::sort_by_i64_key(&mut entries, |e| {
        !madori_plan::order::f64_key(e.updated_ms)
    });
    Ok(entries)
}

/// A stored plan by id.
pub async fn get(id: &str) -> Result<Option<Stored>, String> {
    let value = get_one(PLANS, id).await?;
    Ok(value.and_then(|v| {
        let json = text(&v, "json")?;
        let view = match (number(&v, "x"), number(&v, "y"), number(&v, "scale")) {
            (Some(x), Some(y), Some(scale)) if scale > 0.0 => Some(View {
                storey: number(&v, "storey").map_or(0, |s| s.max(0.0) as usize),
                origin_mm: (x, y),
                px_per_mm: scale,
            }),
            _ => None,
        };
        Some(Stored { json, view })
    }))
}

/// The id of the plan last worked on, if any.
pub async fn last() -> Result<Option<String>, String> {
    let value = get_one(META, LAST).await?;
    Ok(value.and_then(|v| text(&v, "id")))
}

/// Records which plan was worked on last.
pub async fn set_last(id: &str) -> Result<(), String> {
    let last = object(&[
        ("key", JsValue::from_str(LAST)),
        ("id", JsValue::from_str(id)),
    ]);
    put_one(META, &last).await
}

/// Renames a library entry (the stored plan's own name follows when it is next opened and
/// saved; the app renames the open plan through its command).
pub async fn rename(id: &str, name: &str) -> Result<(), String> {
    let Some(stored) = get(id).await? else {
        return Ok(());
    };
    let mut plan = crate::file::read_own(&stored.json)
        .await
        .map_err(|_| message("the stored plan does not load"))?;
    plan.name = name.to_owned();
    let entry = list()
        .await?
        .into_iter()
        .find(|e| e.id == id)
        .map(|e| Entry {
            name: name.to_owned(),
            ..e
        });
    let Some(entry) = entry else {
        return Ok(());
    };
    let current = last().await?;
    put(
        &entry,
        &Stored {
            json: madori_plan::canonical::to_json(&plan),
            view: stored.view,
        },
    )
    .await?;
    match current {
        Some(current) => set_last(&current).await,
        None => Ok(()),
    }
}

/// Removes a plan from the library.
pub async fn delete(id: &str) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction(&[ENTRIES, PLANS], TransactionMode::ReadWrite)
        .map_err(message)?;
    for store in [ENTRIES, PLANS] {
        tx.store(store)
            .map_err(message)?
            .delete(JsValue::from_str(id))
            .await
            .map_err(message)?;
    }
    tx.done().await.map_err(message)?;
    Ok(())
}

/// Stores an underlay image.
pub async fn put_image(id: &str, data_url: &str) -> Result<(), String> {
    let value = object(&[
        ("id", JsValue::from_str(id)),
        ("data_url", JsValue::from_str(data_url)),
    ]);
    put_one(IMAGES, &value).await
}

/// An underlay image by id.
pub async fn get_image(id: &str) -> Result<Option<String>, String> {
    let value = get_one(IMAGES, id).await?;
    Ok(value.and_then(|v| text(&v, "data_url")))
}
