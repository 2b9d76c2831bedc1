//! Tracing a photo or scan: a picture under the storey (下絵), a phone photo of paper
//! straightened from the paper's four corners (台形補正), its scale set by two clicks and a
//! typed length, levelled along a wall, moved by two clicks (a point on the picture, then
//! where it belongs), with opacity, hide and lock. Every change is one undo step
//! (`Command::SetUnderlay`); the geometry is `madori_editor::underlay`. The picture itself
//! is kept in the browser's image store (`crate::storage`), referred to by id.

use crate::i18n::{t, Key};
use crate::state::AppState;
use leptos::prelude::*;
use madori_editor::underlay::{self as geometry, CalibrationError};
use madori_editor::viewport::WorldMm;
use madori_editor::Command;
use madori_plan::Underlay;
use wasm_bindgen::JsCast;

/// What the next canvas clicks are for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickMode {
    /// Two points a known length apart, then the length.
    Scale,
    /// Two points along a wall that should be level.
    Level,
    /// A point on the picture, then where it belongs.
    Move,
    /// The paper's four corners (左上, 右上, 右下, 左下): perspective correction.
    Corners,
}

/// A pick in progress: its mode and the points clicked so far (plan mm).
#[derive(Clone, Debug, PartialEq)]
pub struct Pick {
    /// What the clicks are for.
    pub mode: PickMode,
    /// The points clicked so far.
    pub points: Vec<WorldMm>,
}

/// Takes a canvas click when a pick is in progress (returns whether it did, so the editor
/// does not also act on it). A pick starts in the 下絵 panel, so its code is there already.
pub fn take_click(state: AppState, at: WorldMm) -> bool {
    if state.underlay_pick.with_untracked(Option::is_none) {
        return false;
    }
    leptos::task::spawn_local(async move {
        if let Ok(take) = click().await {
            take(state, at);
        }
    });
    true
}

on_demand! {
    chunk underlay;
    /// What a canvas click does during a pick.
    pub fn click() -> fn(AppState, WorldMm) {
        pick_click
    }
}

/// Adds a clicked point to the pick in progress; the last one applies it (one undo step).
fn pick_click(state: AppState, at: WorldMm) {
    let Some(mut pick) = state.underlay_pick.get_untracked() else {
        return;
    };
    let needed = if pick.mode == PickMode::Corners { 4 } else { 2 };
    if pick.points.len() < needed {
        pick.points.push(at);
    }
    if let (PickMode::Corners, &[a, b, c, d]) = (pick.mode, &pick.points[..]) {
        state.underlay_pick.set(None);
        leptos::task::spawn_local(straighten(state, [a, b, c, d]));
        return;
    }
    let (a, b) = match pick.points[..] {
        [a, b] if matches!(pick.mode, PickMode::Level | PickMode::Move) => (a, b),
        _ => {
            state.underlay_pick.set(Some(pick));
            return;
        }
    };
    state.underlay_pick.set(None);
    let mode = pick.mode;
    apply(state, |u| {
        if mode == PickMode::Level {
            geometry::level(
                u,
                geometry::world_to_image(u, a),
                geometry::world_to_image(u, b),
            )
        } else {
            Ok(geometry::moved(u, WorldMm::new(b.x - a.x, b.y - a.y)))
        }
    });
}

/// Redraws the current storey's picture as the paper seen from above, from its four clicked
/// corners (`madori_editor::perspective`): the pixels are read from a canvas, warped, kept
/// as a new picture in the browser's store, and the underlay switched to it with the
/// paper's first corner where it was, in one undo step (the old picture stays in the store,
/// so undo shows it again).
pub async fn straighten(state: AppState, corners: [WorldMm; 4]) {
    use madori_editor::perspective::{placed, rectify, warp};
    let failed = |ja: &str, en: &str| {
        state
            .underlay_error
            .set(Some((ja.to_owned(), en.to_owned())))
    };
    let storey = state.editor.with_untracked(|e| e.storey);
    let Some(old) = state
        .plan
        .with_untracked(|p| p.storeys.get(storey).and_then(|s| s.underlay.clone()))
    else {
        return;
    };
    let Some(data_url) = state.images.with_untracked(|i| i.get(&old.image).cloned()) else {
        return failed(
            "この下絵の画像がこのブラウザにありません",
            "this picture is not in this browser",
        );
    };
    let px = corners.map(|p| geometry::world_to_image(&old, p));
    let plan = match rectify(px, old.width_px, old.height_px) {
        Ok(plan) => plan,
        Err(e) => {
            return state
                .underlay_error
                .set(Some((e.message_ja(), e.message_en())))
        }
    };
    state.underlay_straightening.set(true);
    let result = redraw(&data_url, old.width_px, old.height_px, |photo| {
        warp(photo, old.width_px, old.height_px, &plan)
            .map(|pixels| (pixels, plan.width_px, plan.height_px))
    })
    .await;
    state.underlay_straightening.set(false);
    let Some(corrected) = result else {
        return failed(
            "画像を補正できませんでした",
            "the picture could not be straightened",
        );
    };
    let id = format!(
        "img-{}-{}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 1e9) as u64
    );
    if let Err(e) = crate::storage::put_image(&id, &corrected).await {
        state.storage_error.set(Some(e));
    }
    state.images.update(|images| {
        images.insert(id.clone(), corrected);
    });
    state.underlay_error.set(None);
    state.run(Command::SetUnderlay {
        storey,
        underlay: Some(placed(&old, id, &plan)),
    });
}

/// The picture `data_url` (`width` × `height` px) redrawn by `change` from its RGBA pixels to
/// new pixels of a new size, as a JPEG `data:` URL (a photo stays a few MB, not tens).
async fn redraw(
    data_url: &str,
    width: u32,
    height: u32,
    change: impl FnOnce(&[u8]) -> Option<(Vec<u8>, u32, u32)>,
) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let image = web_sys::HtmlImageElement::new().ok()?;
    let decoded = js_sys::Promise::new(&mut |resolve, reject| {
        image.set_onload(Some(&resolve));
        image.set_onerror(Some(&reject));
    });
    image.set_src(data_url);
    wasm_bindgen_futures::JsFuture::from(decoded).await.ok()?;
    let canvas = |w: u32,
                  h: u32|
     -> Option<(
        web_sys::HtmlCanvasElement,
        web_sys::CanvasRenderingContext2d,
    )> {
        let canvas: web_sys::HtmlCanvasElement =
            document.create_element("canvas").ok()?.dyn_into().ok()?;
        canvas.set_width(w);
        canvas.set_height(h);
        let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some((canvas, context))
    };
    let (_, source) = canvas(width, height)?;
    source
        .draw_image_with_html_image_element(&image, 0.0, 0.0)
        .ok()?;
    let photo = source
        .get_image_data(0.0, 0.0, f64::from(width), f64::from(height))
        .ok()?
        .data();
    let (pixels, w, h) = change(&photo)?;
    let (target, context) = canvas(w, h)?;
    let data =
        web_sys::ImageData::new_with_u8_clamped_array_and_sh(wasm_bindgen::Clamped(&pixels), w, h)
            .ok()?;
    context.put_image_data(&data, 0.0, 0.0).ok()?;
    target.to_data_url_with_type("image/jpeg").ok()
}

/// Changes the current storey's underlay through one command, or shows why not.
fn apply(state: AppState, change: impl FnOnce(&Underlay) -> Result<Underlay, CalibrationError>) {
    let storey = state.editor.with_untracked(|e| e.storey);
    let Some(current) = state
        .plan
        .with_untracked(|p| p.storeys.get(storey).and_then(|s| s.underlay.clone()))
    else {
        return;
    };
    match change(&current) {
        Ok(underlay) => {
            state.underlay_error.set(None);
            state.run(Command::SetUnderlay {
                storey,
                underlay: Some(underlay),
            });
        }
        Err(e) => state
            .underlay_error
            .set(Some((e.message_ja(), e.message_en()))),
    }
}

/// Reads a picture file and places it under the current storey, centred on the view (the
/// 下絵 code is loaded on demand, the first time a picture is dropped or chosen).
pub fn load_image(state: AppState, file: web_sys::File) {
    leptos::task::spawn_local(async move {
        match image_loader().await {
            Ok(load) => load(state, file),
            Err(crate::on_demand::Unavailable) => state
                .underlay_error
                .set(Some(crate::on_demand::not_loaded())),
        }
    });
}

on_demand! {
    chunk underlay;
    /// Places a picture file under the current storey.
    pub fn image_loader() -> fn(AppState, web_sys::File) {
        load_image_now
    }
}

fn load_image_now(state: AppState, file: web_sys::File) {
    if file.size() > madori_plan::format::MAX_FILE_BYTES as f64 {
        state.underlay_error.set(Some((
            format!(
                "画像が {} MiB を超えています",
                madori_plan::format::MAX_FILE_BYTES >> 20
            ),
            format!(
                "the picture is larger than {} MiB",
                madori_plan::format::MAX_FILE_BYTES >> 20
            ),
        )));
        return;
    }
    leptos::task::spawn_local(async move {
        match read_picture(&file).await {
            Ok((data_url, width_px, height_px)) => {
                let id = format!(
                    "img-{}-{}",
                    js_sys::Date::now() as u64,
                    (js_sys::Math::random() * 1e9) as u64
                );
                if let Err(e) = crate::storage::put_image(&id, &data_url).await {
                    state.storage_error.set(Some(e));
                }
                state.images.update(|images| {
                    images.insert(id.clone(), data_url);
                });
                let centre = state.viewport.with_untracked(|v| {
                    v.to_world(madori_editor::viewport::ScreenPx::new(
                        v.size.x / 2.0,
                        v.size.y / 2.0,
                    ))
                });
                let storey = state.editor.with_untracked(|e| e.storey);
                state.underlay_error.set(None);
                state.run(Command::SetUnderlay {
                    storey,
                    underlay: Some(geometry::place(id, width_px, height_px, centre, None)),
                });
            }
            Err((ja, en)) => state.underlay_error.set(Some((ja, en))),
        }
    });
}

/// The picture as a `data:` URL and its size in pixels (decoded by the browser, so only a
/// picture the browser can show is accepted).
async fn read_picture(file: &web_sys::File) -> Result<(String, u32, u32), (String, String)> {
    let unreadable = || {
        (
            "画像として読めません (PNG か JPEG を選んでください)".to_owned(),
            "not readable as a picture (choose a PNG or JPEG)".to_owned(),
        )
    };
    let reader = web_sys::FileReader::new().map_err(|_| unreadable())?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        reader.set_onload(Some(&resolve));
        reader.set_onerror(Some(&reject));
    });
    reader.read_as_data_url(file).map_err(|_| unreadable())?;
    wasm_bindgen_futures::JsFuture::from(loaded)
        .await
        .map_err(|_| unreadable())?;
    let data_url = reader
        .result()
        .ok()
        .and_then(|r| r.as_string())
        .ok_or_else(unreadable)?;
    if !madori_plan::validate::IMAGE_DATA_PREFIXES
        .iter()
        .any(|p| data_url.starts_with(p))
    {
        return Err(unreadable());
    }
    let image = web_sys::HtmlImageElement::new().map_err(|_| unreadable())?;
    let decoded = js_sys::Promise::new(&mut |resolve, reject| {
        image.set_onload(Some(&resolve));
        image.set_onerror(Some(&reject));
    });
    image.set_src(&data_url);
    wasm_bindgen_futures::JsFuture::from(decoded)
        .await
        .map_err(|_| unreadable())?;
    let (w, h) = (image.natural_width(), image.natural_height());
    let max = madori_plan::validate::MAX_UNDERLAY_PX;
    if w == 0 || h == 0 || w > max || h > max {
        return Err((
            format!("画像の大きさ {w} × {h} px は扱えません (1〜{max} px)"),
            format!("a {w} × {h} px picture is not supported (1..{max} px)"),
        ));
    }
    Ok((data_url, w, h))
}

/// The current storey's picture in the canvas (under the rooms), and the points of a pick
/// in progress, drawn by the 下絵 code (loaded when a storey first shows a picture).
pub fn underlay_layer(state: AppState) -> impl IntoView {
    let shown = move || {
        let storey = state.editor.with(|e| e.storey);
        state.underlay_pick.with(Option::is_some)
            || state
                .plan
                .with(|p| p.storeys.get(storey).is_some_and(|s| s.underlay.is_some()))
    };
    crate::on_demand::on_demand_view(shown, state, layer)
}

on_demand! {
    chunk underlay;
    /// The picture layer.
    pub fn layer() -> crate::on_demand::Build<AppState> {
        |state| picture_layer(state).into_any()
    }
}

fn picture_layer(state: AppState) -> impl IntoView {
    let current = move || {
        let storey = state.editor.with(|e| e.storey);
        state
            .plan
            .with(|p| p.storeys.get(storey).and_then(|s| s.underlay.clone()))
    };
    // Pictures are read from the browser's store when first shown.
    Effect::new(move |_| {
        if let Some(u) = current() {
            if !state.images.with_untracked(|i| i.contains_key(&u.image)) {
                leptos::task::spawn_local(async move {
                    if let Ok(Some(data_url)) = crate::storage::get_image(&u.image).await {
                        state.images.update(|i| {
                            i.insert(u.image.clone(), data_url);
                        });
                    }
                });
            }
        }
    });
    let picture = move || {
        let u = current().filter(|u| !u.hidden)?;
        let href = state.images.with(|i| i.get(&u.image).cloned());
        Some(match href {
            Some(href) => view! {
                <image
                    data-testid="underlay-image"
                    href=href
                    x="0"
                    y="0"
                    width=u.width_px.to_string()
                    height=u.height_px.to_string()
                    preserveAspectRatio="none"
                    opacity=(f64::from(u.opacity_percent) / 100.0).to_string()
                    transform=geometry::svg_transform(&u)
                />
            }
            .into_any(),
            // The picture is not in this browser (a plan saved without it): its outline
            // keeps the place.
            None => {
                let points = geometry::corners(&u)
                    .iter()
                    .map(|p| format!("{},{}", p.x, p.y))
                    .collect::<Vec<_>>()
                    .join(" ");
                view! { <polygon class="underlay-missing" data-testid="underlay-missing" points=points /> }
                    .into_any()
            }
        })
    };
    let marks = move || {
        let r = state.viewport.with(|v| v.px_to_mm(5.0));
        state.underlay_pick.with(|pick| {
            pick.as_ref().map(|pick| {
                pick.points
                    .iter()
                    .map(|p| view! { <circle class="underlay-pick" cx=p.x.to_string() cy=p.y.to_string() r=r.to_string() /> })
                    .collect_view()
            })
        })
    };
    view! { <g class="underlay-layer">{picture}{marks}</g> }
}

on_demand! {
    chunk underlay;
    /// The 下絵 panel's body, loaded the first time the panel is opened.
    pub fn underlay() -> crate::on_demand::Build {
        |()| view! { <UnderlayPanel /> }.into_any()
    }
}

/// The 下絵 panel: load a picture, then scale, level, move, fade, hide, lock or remove it.
#[component]
fn UnderlayPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let current = move || {
        let storey = state.editor.with(|e| e.storey);
        state
            .plan
            .with(|p| p.storeys.get(storey).and_then(|s| s.underlay.clone()))
    };
    let length = RwSignal::new(String::new());
    let set = move |change: Box<dyn FnOnce(&mut Underlay)>| {
        apply(state, move |u| {
            let mut u = u.clone();
            change(&mut u);
            Ok(u)
        })
    };
    let start = move |mode: PickMode| {
        state.underlay_error.set(None);
        state.underlay_pick.set(Some(Pick {
            mode,
            points: Vec::new(),
        }))
    };
    let calibrate = move || {
        let Some(pick) = state.underlay_pick.get_untracked() else {
            return;
        };
        let Ok(real_mm) = length.get_untracked().trim().parse::<u32>() else {
            state.underlay_error.set(Some((
                "長さは mm の整数で入力します".into(),
                "type the length in whole millimetres".into(),
            )));
            return;
        };
        if let [a, b] = pick.points[..] {
            state.underlay_pick.set(None);
            apply(state, |u| {
                geometry::calibrate(
                    u,
                    geometry::world_to_image(u, a),
                    geometry::world_to_image(u, b),
                    real_mm,
                )
            });
        }
    };
    let controls = move || {
        let l = lang.get();
        let Some(u) = current() else {
            return view! {
                <label class="file-button">
                    {t(l, Key::UnderlayLoad)}
                    <input type="file" accept="image/png,image/jpeg" data-testid="underlay-file" on:change=move |ev| {
                        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                                load_image(state, file);
                            }
                            input.set_value("");
                        }
                    } />
                </label>
            }
            .into_any();
        };
        let locked = u.locked;
        let missing = !state.images.with(|i| i.contains_key(&u.image));
        view! {
            <div class="underlay-controls">
                {missing.then(|| view! { <p class="note" data-testid="underlay-not-here">{t(l, Key::UnderlayNotHere)}</p> })}
                <div class="row">
                    <button data-testid="underlay-scale" disabled=locked on:click=move |_| start(PickMode::Scale)>{t(l, Key::UnderlayScale)}</button>
                    <button data-testid="underlay-level" disabled=locked on:click=move |_| start(PickMode::Level)>{t(l, Key::UnderlayLevel)}</button>
                    <button data-testid="underlay-move" disabled=locked on:click=move |_| start(PickMode::Move)>{t(l, Key::UnderlayMove)}</button>
                    <button data-testid="underlay-corners" disabled=locked || missing on:click=move |_| start(PickMode::Corners)>{t(l, Key::UnderlayCorners)}</button>
                </div>
                {move || state.underlay_straightening.get().then(|| view! {
                    <p class="busy" data-testid="underlay-straightening">{t(lang.get(), Key::UnderlayStraightening)}</p>
                })}
                <label>{t(l, Key::UnderlayOpacity)}
                    <input type="range" min="0" max="100" data-testid="underlay-opacity" prop:value=u.opacity_percent.to_string() on:change=move |ev| {
                        if let Ok(percent) = event_target_value(&ev).parse::<u8>() {
                            set(Box::new(move |u| u.opacity_percent = percent.min(100)));
                        }
                    } />
                </label>
                <label><input type="checkbox" data-testid="underlay-hidden" prop:checked=u.hidden on:change=move |ev| {
                    let hidden = event_target_checked(&ev);
                    set(Box::new(move |u| u.hidden = hidden));
                } />{t(l, Key::UnderlayHide)}</label>
                <label><input type="checkbox" data-testid="underlay-locked" prop:checked=u.locked on:change=move |ev| {
                    let locked = event_target_checked(&ev);
                    set(Box::new(move |u| u.locked = locked));
                } />{t(l, Key::UnderlayLock)}</label>
                <div class="scale" data-testid="underlay-scale-value">{format!("1 px = {:.3} mm", u.mm_per_px)}</div>
                <button data-testid="save-with-underlay" on:click=move |_| crate::file::save_with_underlays(state)>{t(l, Key::SaveWithUnderlay)}</button>
                <button data-testid="underlay-remove" on:click=move |_| {
                    let storey = state.editor.with_untracked(|e| e.storey);
                    state.underlay_pick.set(None);
                    state.run(Command::SetUnderlay { storey, underlay: None });
                }>{t(l, Key::UnderlayRemove)}</button>
            </div>
        }
        .into_any()
    };
    let pick_status = move || {
        let l = lang.get();
        state.underlay_pick.get().map(|pick| {
            let step = match (pick.mode, pick.points.len()) {
                (PickMode::Corners, 0) => t(l, Key::UnderlayCornerTopLeft),
                (PickMode::Corners, 1) => t(l, Key::UnderlayCornerTopRight),
                (PickMode::Corners, 2) => t(l, Key::UnderlayCornerBottomRight),
                (PickMode::Corners, _) => t(l, Key::UnderlayCornerBottomLeft),
                (PickMode::Move, 0) => t(l, Key::UnderlayPickFrom),
                (PickMode::Move, _) => t(l, Key::UnderlayPickTo),
                (_, 0) => t(l, Key::UnderlayPickFirst),
                (_, 1) => t(l, Key::UnderlayPickSecond),
                _ => t(l, Key::UnderlayTypeLength),
            };
            let asking_length = pick.mode == PickMode::Scale && pick.points.len() == 2;
            view! {
                <div class="underlay-pick-status" data-testid="underlay-pick-status">
                    {step}
                    {asking_length.then(|| view! {
                        <input type="text" inputmode="numeric" data-testid="underlay-length" placeholder="3640"
                            prop:value=move || length.get()
                            on:input=move |ev| length.set(event_target_value(&ev))
                            on:keydown=move |ev| if ev.key() == "Enter" { calibrate() } />
                        " mm "
                        <button data-testid="underlay-length-ok" on:click=move |_| calibrate()>"OK"</button>
                    })}
                    <button data-testid="underlay-pick-cancel" on:click=move |_| state.underlay_pick.set(None)>{t(l, Key::Cancel)}</button>
                </div>
            }
        })
    };
    let error = move || {
        state.underlay_error.get().map(|(ja, en)| {
            view! { <div class="refused" data-testid="underlay-error">{if lang.get() == crate::i18n::Lang::Ja { ja } else { en }}</div> }
        })
    };
    view! {
        <>
            {controls}
            {pick_status}
            {error}
        </>
    }
}
