//! The canvas: the current storey's rooms as SVG in world millimetres (y down), the storey
//! below faintly, rooms coloured by their worst finding, labels in ㎡ and 帖, dimensions of
//! the selection, the snap indicator; pointer, pen and touch input go to the editor.

use crate::i18n::{t, Key};
use crate::state::AppState;
use leptos::prelude::*;
use madori_editor::snap::SnapKind;
use madori_editor::tools::{Measure, Mode, Modifiers, Readout};
use madori_editor::viewport::ScreenPx;
use madori_editor::Selection;
use madori_plan::geometry::distance_mm;
use madori_plan::{FixtureKind, OpeningKind, PointMm, Room};
use madori_rules::area::label_position_mm;
use madori_rules::numbers;
use std::hash::{DefaultHasher, Hash, Hasher};
use wasm_bindgen::JsCast;

/// Label text height on screen, px.
const LABEL_PX: f64 = 12.0;
/// How near (px) the pointer must be to hit or snap to a vertex or wall; larger for touch.
const HIT_PX: f64 = 8.0;
/// See [`HIT_PX`].
const HIT_TOUCH_PX: f64 = 16.0;

fn points_attr(polygon: &[PointMm]) -> String {
    polygon
        .iter()
        .map(|p| format!("{},{}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ")
}

fn fixture_glyph(kind: &FixtureKind) -> &'static str {
    match kind {
        FixtureKind::Toilet => "便",
        FixtureKind::WashBasin { .. } => "洗",
        FixtureKind::Bath { .. } => "浴",
        FixtureKind::Shower => "シ",
        FixtureKind::WashingMachine => "濯",
        FixtureKind::Kitchen { .. } => "台",
        FixtureKind::Stairs => "階",
    }
}

/// Everything one room's drawing depends on; its hash keys the row so only changed rooms
/// are redrawn while dragging.
#[derive(Clone, Hash)]
struct RoomView {
    id: String,
    points: String,
    name: String,
    kind: &'static str,
    status: &'static str,
    label: (i64, i64),
    area_text: String,
    interior_text: Option<String>,
    highlighted: bool,
    selected: bool,
    font_mm: i64,
}

/// A door or window as drawn.
#[derive(Clone, Hash)]
struct OpeningView {
    id: String,
    door: bool,
    from: (i64, i64),
    to: (i64, i64),
    selected: bool,
}

/// A fixture as drawn.
#[derive(Clone, Hash)]
struct FixtureView {
    id: String,
    at: (i64, i64),
    glyph: &'static str,
    font_mm: i64,
    selected: bool,
}

/// Where a room's label goes: its usual point (`label_position_mm`) unless a fixture symbol
/// (a circle of radius `1.1 · font` around its point) would cover the label's text block; then
/// the first of a few nearby points (above, below, left, right, further out) that is inside
/// the room and clear of every symbol. `block` is the label's half width and its extent
/// above and below the point, mm.
pub fn label_clear_of_fixtures(
    polygon: &[madori_plan::PointMm],
    fixtures: &[(f64, f64)],
    font_mm: f64,
    block: (f64, f64, f64),
) -> (f64, f64) {
    let (x0, y0) = label_position_mm(polygon);
    let (half_width, above, below) = block;
    let radius = font_mm * 1.1;
    let clear = |(x, y): (f64, f64)| {
        fixtures.iter().all(|&(fx, fy)| {
            // Distance from the symbol's centre to the label's box.
            let dx = (fx - x).abs() - half_width;
            let dy = if fy < y - above {
                y - above - fy
            } else if fy > y + below {
                fy - y - below
            } else {
                0.0
            };
            dx.max(0.0).hypot(dy) > radius
        })
    };
    if clear((x0, y0)) {
        return (x0, y0);
    }
    let step_y = above + below + radius;
    let step_x = half_width + radius;
    let inside = |(x, y): (f64, f64)| {
        madori_plan::geometry::locate(
            polygon,
            madori_plan::PointMm::new(x.round() as i64, y.round() as i64),
        ) == madori_plan::geometry::Location::Inside
    };
    [1.0, 2.0]
        .iter()
        .flat_map(|k| {
            [
                (x0, y0 - k * step_y),
                (x0, y0 + k * step_y),
                (x0 - k * step_x, y0),
                (x0 + k * step_x, y0),
            ]
        })
        .find(|&p| inside(p) && clear(p))
        .unwrap_or((x0, y0))
}

/// The key of a drawn element: the hash of everything it shows.
fn keyed<T: Hash>(item: &T) -> u64 {
    let mut h = DefaultHasher::new();
    item.hash(&mut h);
    h.finish()
}

fn opening_view(o: OpeningView) -> impl IntoView {
    view! {
        <line
            class=if o.door { "door" } else { "window" }
            class:selected=o.selected
            data-testid=format!("opening-{}", o.id)
            x1=o.from.0
            y1=o.from.1
            x2=o.to.0
            y2=o.to.1
        />
    }
}

fn fixture_view(f: FixtureView) -> impl IntoView {
    let font = f.font_mm as f64;
    view! {
        <g class="fixture" class:selected=f.selected data-testid=format!("fixture-{}", f.id)>
            <circle cx=f.at.0 cy=f.at.1 r=font * 1.1 />
            <text x=f.at.0 y=f.at.1 as f64 + font * 0.35 font-size=font text-anchor="middle">{f.glyph}</text>
        </g>
    }
}

fn room_view(view: RoomView) -> impl IntoView {
    let font = view.font_mm as f64;
    let (lx, ly) = (view.label.0 as f64, view.label.1 as f64);
    view! {
        <g
            class=format!("room kind-{} status-{}", view.kind, view.status)
            class:highlighted=view.highlighted
            class:selected=view.selected
            data-testid=format!("room-{}", view.id)
            data-status=view.status
        >
            <polygon points=view.points />
            <text x=lx y=ly - font * 0.4 font-size=font text-anchor="middle" data-testid=format!("room-label-{}", view.id)>
                <tspan x=lx>{view.name}</tspan>
                <tspan x=lx dy=font * 1.2 data-testid=format!("room-area-{}", view.id)>{view.area_text}</tspan>
                {view.interior_text.map(|text| view! { <tspan x=lx dy=font * 1.2 class="interior">{text}</tspan> })}
            </text>
        </g>
    }
}

/// Edge lengths (mm) drawn just outside each edge of a room.
fn dimensions(room: &Room, font_mm: f64) -> impl IntoView {
    let n = room.polygon.len();
    let sign = if madori_plan::geometry::signed_area_twice_mm2(&room.polygon) > 0 {
        -1.0
    } else {
        1.0
    };
    (0..n)
        .map(|e| {
            let (a, b) = (room.polygon[e], room.polygon[(e + 1) % n]);
            let len = distance_mm(a, b);
            let (nx, ny) = madori_editor::commands::edge_normal(a, b);
            let mid = ((a.x + b.x) as f64 / 2.0 + nx * sign * font_mm, (a.y + b.y) as f64 / 2.0 + ny * sign * font_mm + font_mm * 0.35);
            view! {
                <text class="dimension" x=mid.0 y=mid.1 font-size=font_mm text-anchor="middle" data-testid=format!("dim-{}-{e}", room.id)>
                    {format!("{len:.0}")}
                </text>
            }
        })
        .collect_view()
}

/// The readout's first line: the length(s) being drawn, in words of `lang`.
fn measure_text(lang: crate::i18n::Lang, measure: Measure) -> String {
    match measure {
        Measure::Rect {
            width_mm,
            depth_mm,
            area_m2,
        } => format!(
            "{} {width_mm} × {depth_mm} mm  {}㎡",
            t(lang, Key::ReadoutSize),
            numbers::area(area_m2)
        ),
        Measure::Segment {
            length_mm,
            angle_deg,
        } => {
            let length = format!("{} {length_mm} mm", t(lang, Key::ReadoutLength));
            match angle_deg {
                Some(deg) => format!("{length}  {} {deg:.1}°", t(lang, Key::ReadoutAngle)),
                None => length,
            }
        }
        Measure::Offset { offset_mm } => {
            format!("{} {offset_mm:+} mm", t(lang, Key::ReadoutWallMoved))
        }
        Measure::Move { dx_mm, dy_mm } => format!(
            "{} x {dx_mm:+}, y {dy_mm:+} mm",
            t(lang, Key::ReadoutVertexMoved)
        ),
    }
}

/// The readout beside the pointer: what is being drawn, the snapped coordinates, and the
/// typed length (or how to type one). Drawn in screen-constant size below and to the right of
/// the pointer (left / above near the canvas's right / bottom edge), with a white halo so it
/// reads over walls, and never catching the pointer.
fn readout_view(
    lang: crate::i18n::Lang,
    readout: Readout,
    anchor: (f64, f64),
    flip: (bool, bool),
    font: f64,
    takes_lengths: bool,
) -> impl IntoView {
    let mut lines = vec![
        ("readout-measure", measure_text(lang, readout.measure)),
        (
            "readout-at",
            format!(
                "{} {}, {} mm",
                t(lang, Key::ReadoutAt),
                readout.at.x,
                readout.at.y
            ),
        ),
    ];
    if !readout.typed.is_empty() {
        lines.push((
            "readout-typed",
            format!("{} {}▏ Enter", t(lang, Key::ReadoutTyped), readout.typed),
        ));
    } else if takes_lengths {
        lines.push(("readout-hint", t(lang, Key::ReadoutTypeHint).to_owned()));
    }
    let step = font * 1.3;
    let x = anchor.0 + if flip.0 { -font * 1.2 } else { font * 1.4 };
    let first_y = if flip.1 {
        anchor.1 - font * 0.8 - step * (lines.len() as f64 - 1.0)
    } else {
        anchor.1 + font * 2.2
    };
    view! {
        <g class="readout" data-testid="readout">
            {lines
                .into_iter()
                .enumerate()
                .map(|(i, (id, text))| {
                    view! {
                        <text
                            class=id
                            data-testid=id
                            x=x
                            y=first_y + step * i as f64
                            font-size=font
                            stroke-width=font * 0.3
                            text-anchor=if flip.0 { "end" } else { "start" }
                        >
                            {text}
                        </text>
                    }
                })
                .collect_view()}
        </g>
    }
}

/// The canvas with storey tabs.
#[component]
pub fn PlanView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let editor = state.editor;
    let lang = state.lang;
    let svg_ref: NodeRef<leptos::svg::Svg> = NodeRef::new();
    let panning = StoredValue::new(None::<ScreenPx>);
    let touches = StoredValue::new(Vec::<(i32, ScreenPx)>::new());
    let space_held = RwSignal::new(false);

    let measure = move || {
        if let Some(svg) = svg_ref.get_untracked() {
            let r = svg.get_bounding_client_rect();
            if r.width() > 0.0 && r.height() > 0.0 {
                state
                    .viewport
                    .update(|v| v.size = ScreenPx::new(r.width(), r.height()));
                return true;
            }
        }
        false
    };
    // Keep the viewport's size equal to the canvas's, whatever changes it (window, panels,
    // rotation), so screen ↔ world stays exact; fit the plan the first time it has a size.
    let fitted = StoredValue::new(false);
    Effect::new(move |_| {
        let Some(svg) = svg_ref.get() else { return };
        let on_resize = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            if measure() && !fitted.get_value() {
                fitted.set_value(true);
                state.fit();
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&svg);
            // The observer calls back for as long as the canvas lives; it is disconnected
            // with it, and the small closure goes with the page.
            on_resize.forget();
            on_cleanup(move || observer.disconnect());
        }
    });
    let keys_down = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == " " && !crate::keyboard::typing_in_field(&ev) {
            space_held.set(true);
        }
    });
    let keys_up = window_event_listener(leptos::ev::keyup, move |ev| {
        if ev.key() == " " {
            space_held.set(false);
        }
    });
    on_cleanup(move || {
        keys_down.remove();
        keys_up.remove();
    });

    let screen_of = move |client_x: i32, client_y: i32| -> ScreenPx {
        svg_ref.get_untracked().map_or(ScreenPx::default(), |svg| {
            let r = svg.get_bounding_client_rect();
            ScreenPx::new(
                f64::from(client_x) - r.left(),
                f64::from(client_y) - r.top(),
            )
        })
    };
    let world_of = move |p: ScreenPx| state.viewport.with_untracked(|v| v.to_world(p));

    let on_down = move |ev: leptos::ev::PointerEvent| {
        // The default is prevented below (no text selection while drawing), which also keeps
        // focus where it was: hand the keyboard back to the editor, so shortcuts work after
        // any panel control.
        if let Some(active) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = active.blur();
        }
        let p = screen_of(ev.client_x(), ev.client_y());
        if let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = target.set_pointer_capture(ev.pointer_id());
        }
        ev.prevent_default();
        let touch = ev.pointer_type() == "touch";
        if touch {
            touches.update_value(|t| t.push((ev.pointer_id(), p)));
            if touches.with_value(|t| t.len()) >= 2 {
                editor.update(|e| e.cancel());
                return;
            }
        }
        if ev.button() == 1 || space_held.get_untracked() {
            panning.set_value(Some(p));
            return;
        }
        let tolerance = state
            .viewport
            .with_untracked(|v| v.px_to_mm(if touch { HIT_TOUCH_PX } else { HIT_PX }));
        let world = world_of(p);
        if crate::components::underlay::take_click(state, world) {
            return;
        }
        let mods = Modifiers {
            shift: ev.shift_key(),
        };
        editor.update(|e| {
            e.tolerance_mm = tolerance;
            e.pointer_down(world, mods);
        });
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let p = screen_of(ev.client_x(), ev.client_y());
        if ev.pointer_type() == "touch" && touches.with_value(|t| t.len()) >= 2 {
            let before = touches.get_value();
            touches.update_value(|t| {
                if let Some(entry) = t.iter_mut().find(|(id, _)| *id == ev.pointer_id()) {
                    entry.1 = p;
                }
            });
            let after = touches.get_value();
            let (a0, b0, a1, b1) = (before[0].1, before[1].1, after[0].1, after[1].1);
            let d0 = (a0.x - b0.x).hypot(a0.y - b0.y).max(1.0);
            let d1 = (a1.x - b1.x).hypot(a1.y - b1.y).max(1.0);
            let mid0 = ScreenPx::new((a0.x + b0.x) / 2.0, (a0.y + b0.y) / 2.0);
            let mid1 = ScreenPx::new((a1.x + b1.x) / 2.0, (a1.y + b1.y) / 2.0);
            state.viewport.update(|v| {
                v.pan_by(mid1.x - mid0.x, mid1.y - mid0.y);
                v.zoom_at(mid1, d1 / d0);
            });
            return;
        }
        if let Some(last) = panning.get_value() {
            state
                .viewport
                .update(|v| v.pan_by(p.x - last.x, p.y - last.y));
            panning.set_value(Some(p));
            return;
        }
        let world = world_of(p);
        let mods = Modifiers {
            shift: ev.shift_key(),
        };
        editor.update(|e| e.pointer_move(world, mods));
    };
    let on_up = move |ev: leptos::ev::PointerEvent| {
        let p = screen_of(ev.client_x(), ev.client_y());
        let was_pinching = touches.with_value(|t| t.len()) >= 2;
        touches.update_value(|t| t.retain(|(id, _)| *id != ev.pointer_id()));
        if was_pinching {
            return;
        }
        if panning.get_value().is_some() {
            panning.set_value(None);
            return;
        }
        let world = world_of(p);
        let mods = Modifiers {
            shift: ev.shift_key(),
        };
        editor.update(|e| e.pointer_up(world, mods));
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        let p = screen_of(ev.client_x(), ev.client_y());
        let factor = (-ev.delta_y() * 0.0015).exp();
        state.viewport.update(|v| v.zoom_at(p, factor));
    };
    let on_dblclick = move |ev: leptos::ev::MouseEvent| {
        let world = world_of(screen_of(ev.client_x(), ev.client_y()));
        editor.update(|e| e.double_click(world));
    };

    let font_mm = move || state.viewport.with(|v| v.px_to_mm(LABEL_PX));
    let storey_index = move || editor.with(|e| e.storey);

    let rooms = move || {
        let index = storey_index();
        let show_interior = state.show_interior.get();
        let highlighted = state.highlighted.get();
        let selected = editor.with(|e| match &e.selection {
            Selection::Room(id) => Some(id.clone()),
            _ => None,
        });
        let font = font_mm().round() as i64;
        let rounding = state.profile.with(|p| p.rounding());
        state.with_report_and_areas(|report, areas| {
            state.plan.with(|plan| {
                numbers::with_rounding(rounding, || {
                    let Some(storey) = plan.storeys.get(index) else {
                        return Vec::new();
                    };
                    let Some(room_areas) = areas.storeys.get(index).map(|s| &s.rooms) else {
                        return Vec::new();
                    };
                    // Each room's colour: the worst status of the findings naming it, one pass
                    // over the findings (not one per room).
                    let colours = report.worst_by_element();
                    // Fixture symbols by room, so labels keep clear of them.
                    let mut symbols: std::collections::HashMap<&str, Vec<(f64, f64)>> =
                        Default::default();
                    for f in &storey.fixtures {
                        symbols
                            .entry(f.room.as_str())
                            .or_default()
                            .push((f.at.x as f64, f.at.y as f64));
                    }
                    storey
                        .rooms
                        .iter()
                        .zip(room_areas)
                        .map(|(room, area)| {
                            let font_f = font as f64;
                            // Half the label's width: its name (full-width characters) or the
                            // area line ("9.93㎡ 6.1帖", about six ems), whichever is wider.
                            let name_ems = room.name.chars().count() as f64;
                            let block = (
                                font_f * (name_ems * 0.5).max(3.0),
                                font_f * 1.4,
                                font_f * if show_interior { 2.2 } else { 1.0 },
                            );
                            let (lx, ly) = match symbols.get(room.id.as_str()) {
                                Some(at) => {
                                    label_clear_of_fixtures(&room.polygon, at, font_f, block)
                                }
                                None => label_position_mm(&room.polygon),
                            };
                            RoomView {
                                id: room.id.clone(),
                                points: points_attr(&room.polygon),
                                name: room.name.clone(),
                                kind: room.kind.as_str(),
                                status: colours
                                    .get(room.id.as_str())
                                    .map_or("none", |s| s.as_str()),
                                label: (lx.round() as i64, ly.round() as i64),
                                area_text: if room.kind.counts_as_floor_area() {
                                    // A narrow room (a 910 mm toilet) gets the ㎡ alone.
                                    let (lo, hi) = madori_plan::geometry::bounds(&room.polygon)
                                        .unwrap_or_default();
                                    if ((hi.x - lo.x) as f64) < font as f64 * 6.5 {
                                        format!("{}㎡", numbers::area(area.wall_centre_m2))
                                    } else {
                                        format!(
                                            "{}㎡ {}帖",
                                            numbers::area(area.wall_centre_m2),
                                            numbers::jo(area.wall_centre_m2)
                                        )
                                    }
                                } else {
                                    format!("({}㎡)", numbers::area(area.wall_centre_m2))
                                },
                                interior_text: show_interior.then(|| {
                                    let word = t(lang.get(), Key::InteriorShort);
                                    area.interior_m2.map_or(format!("{word} —"), |a| {
                                        format!("{word} {}㎡", numbers::area(a))
                                    })
                                }),
                                highlighted: highlighted.contains(&room.id),
                                selected: selected.as_deref() == Some(room.id.as_str()),
                                font_mm: font,
                            }
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    };

    let below = move || {
        let index = storey_index();
        state.plan.with(|plan| {
            index
                .checked_sub(1)
                .and_then(|i| plan.storeys.get(i))
                .map(|s| {
                    s.rooms
                        .iter()
                        .map(|r| view! { <polygon class="below" points=points_attr(&r.polygon) /> })
                        .collect_view()
                })
        })
    };

    let openings = move || {
        let index = storey_index();
        let selected = editor.with(|e| match &e.selection {
            Selection::Opening(id) => Some(id.clone()),
            _ => None,
        });
        state.plan.with(|plan| {
            let Some(storey) = plan.storeys.get(index) else {
                return Vec::new();
            };
            // Rooms by id once, rather than a search per opening on every frame of a drag.
            let rooms: std::collections::HashMap<&str, &Room> =
                storey.rooms.iter().map(|r| (r.id.as_str(), r)).collect();
            storey
                .openings
                .iter()
                .filter_map(|o| {
                    let room = *rooms.get(o.room.as_str())?;
                    let n = room.polygon.len();
                    let (a, b) = (*room.polygon.get(o.edge)?, room.polygon[(o.edge + 1) % n]);
                    let len = distance_mm(a, b);
                    let (ux, uy) = ((b.x - a.x) as f64 / len, (b.y - a.y) as f64 / len);
                    let (s, e) = (f64::from(o.offset_mm), f64::from(o.offset_mm + o.width_mm));
                    Some(OpeningView {
                        id: o.id.clone(),
                        door: matches!(o.kind, OpeningKind::Door { .. }),
                        from: (
                            (a.x as f64 + ux * s).round() as i64,
                            (a.y as f64 + uy * s).round() as i64,
                        ),
                        to: (
                            (a.x as f64 + ux * e).round() as i64,
                            (a.y as f64 + uy * e).round() as i64,
                        ),
                        selected: selected.as_deref() == Some(o.id.as_str()),
                    })
                })
                .collect::<Vec<_>>()
        })
    };

    let fixtures = move || {
        let index = storey_index();
        let font = font_mm().round() as i64;
        let selected = editor.with(|e| match &e.selection {
            Selection::Fixture(id) => Some(id.clone()),
            _ => None,
        });
        state.plan.with(|plan| {
            let Some(storey) = plan.storeys.get(index) else {
                return Vec::new();
            };
            storey
                .fixtures
                .iter()
                .map(|f| FixtureView {
                    id: f.id.clone(),
                    at: (f.at.x, f.at.y),
                    glyph: fixture_glyph(&f.kind),
                    font_mm: font,
                    selected: selected.as_deref() == Some(f.id.as_str()),
                })
                .collect::<Vec<_>>()
        })
    };

    // Dimensions and handles of the selection; the polygon or cut being drawn; the snap;
    // the readout beside the pointer.
    let overlay = move || {
        let font = font_mm();
        let index = storey_index();
        let (selection, mode, snap, pointer) =
            editor.with(|e| (e.selection.clone(), e.mode.clone(), e.last_snap, e.pointer));
        let (readout, takes_lengths) = editor.with(|e| (e.readout(), e.takes_lengths()));
        let rounding = state.profile.with(|p| p.rounding());
        state.plan.with(|plan| {
            let storey = plan.storeys.get(index)?;
            let mut parts = Vec::new();
            let dim_rooms: Vec<&Room> = match &selection {
                Selection::Room(id) | Selection::Edge { room: id, .. } => storey.rooms.iter().filter(|r| r.id == *id).collect(),
                Selection::Vertex(p) => storey.rooms.iter().filter(|r| r.polygon.contains(p)).collect(),
                _ => Vec::new(),
            };
            for room in dim_rooms {
                parts.push(dimensions(room, font).into_any());
            }
            if let Selection::Edge { room, edge } = &selection {
                if let Some(r) = storey.rooms.iter().find(|r| r.id == *room) {
                    let n = r.polygon.len();
                    let (a, b) = (r.polygon[edge % n], r.polygon[(edge + 1) % n]);
                    parts.push(view! { <line class="selected-edge" data-testid="selected-edge" x1=a.x y1=a.y x2=b.x y2=b.y /> }.into_any());
                }
            }
            if let Selection::Vertex(p) = selection {
                parts.push(view! { <circle class="selected-vertex" cx=p.x cy=p.y r=font * 0.6 /> }.into_any());
            }
            match mode {
                Mode::DrawingPolygon { points } => {
                    let mut all = points.clone();
                    all.push(snap.map_or(pointer.round(), |s| s.point));
                    parts.push(view! { <polyline class="drawing" data-testid="drawing" points=points_attr(&all) /> }.into_any());
                }
                Mode::Splitting { first } => {
                    let end = snap.map_or(pointer.round(), |s| s.point);
                    parts.push(view! { <line class="drawing" data-testid="drawing" x1=first.x y1=first.y x2=end.x y2=end.y /> }.into_any());
                }
                _ => {}
            }
            let drawing_tool = !matches!(editor.with(|e| e.tool.clone()), madori_editor::tools::Tool::Select) || editor.with(|e| e.in_gesture());
            if let (Some(s), true) = (snap, drawing_tool) {
                let class = match s.kind {
                    SnapKind::Vertex => "snap snap-vertex",
                    SnapKind::Edge => "snap snap-edge",
                    SnapKind::Grid => "snap snap-grid",
                    SnapKind::Free => "snap snap-free",
                };
                parts.push(view! { <rect class=class data-testid="snap-indicator" x=s.point.x as f64 - font * 0.4 y=s.point.y as f64 - font * 0.4 width=font * 0.8 height=font * 0.8 /> }.into_any());
            }
            if let Some(readout) = readout {
                // Beside the pointer, on the side with room for it.
                let flip = state.viewport.with(|v| {
                    let at = v.to_screen(pointer);
                    (at.x > v.size.x - 320.0, at.y > v.size.y - 90.0)
                });
                let view = numbers::with_rounding(rounding, || {
                    readout_view(lang.get(), readout, (pointer.x, pointer.y), flip, font, takes_lengths)
                });
                parts.push(view.into_any());
            }
            Some(parts)
        })
    };

    let storey_tabs = move || {
        let current = storey_index();
        state.plan.with(|plan| {
            plan.storeys
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    view! {
                        <button
                            class:active=current == i
                            data-testid=format!("storey-tab-{}", s.id)
                            on:click=move |_| editor.update(|e| e.set_storey(i))
                        >
                            {s.name.clone()}
                        </button>
                    }
                })
                .collect_view()
        })
    };
    let add_storey = move |_| {
        let (id, name) = state.plan.with_untracked(|p| {
            (
                madori_editor::fresh_id(p, "storey"),
                format!("{}F", p.storeys.len() + 1),
            )
        });
        state.run(madori_editor::Command::AddStorey { id, name });
        let last = state
            .plan
            .with_untracked(|p| p.storeys.len().saturating_sub(1));
        editor.update(|e| e.set_storey(last));
    };
    let rename_storey = move |ev: leptos::ev::Event| {
        let name = event_target_value(&ev);
        let storey = editor.with_untracked(|e| e.storey);
        state.run(madori_editor::Command::RenameStorey { storey, name });
    };

    view! {
        <main class="canvas-area">
            <nav class="storeys" data-testid="storey-tabs">
                {storey_tabs}
                <button data-testid="add-storey" on:click=add_storey>{move || t(lang.get(), Key::AddStorey)}</button>
                <input
                    class="storey-name"
                    data-testid="storey-name"
                    title=move || t(lang.get(), Key::RenameStorey)
                    prop:value=move || state.plan.with(|p| p.storeys.get(storey_index()).map(|s| s.name.clone()).unwrap_or_default())
                    on:change=rename_storey
                />
            </nav>
            <svg
                class="plan"
                class:drawn=move || state.drawing_view.get() && !state.editor.with(|e| e.gesture_origin().is_some())
                class:panning=move || space_held.get()
                data-testid="plan-canvas"
                node_ref=svg_ref
                viewBox=move || state.viewport.with(|v| v.view_box())
                preserveAspectRatio="xMinYMin meet"
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_up
                on:wheel=on_wheel
                on:dblclick=on_dblclick
                on:contextmenu=|ev| ev.prevent_default()
            >
                {crate::components::underlay::underlay_layer(state)}
                <g class="below-layer">{below}</g>
                <g class="rooms-layer">
                    <For each=rooms key=keyed children=room_view />
                </g>
                {crate::components::drawing_layer::drawing_layer(state)}
                {crate::components::states::compare_layer(state)}
                <g class="ghost-layer">{crate::components::ghosts::ghost_layer(state)}</g>
                <g class="openings-layer">
                    <For each=openings key=keyed children=opening_view />
                </g>
                <g class="fixtures-layer">
                    <For each=fixtures key=keyed children=fixture_view />
                </g>
                <g class="overlay-layer">{overlay}</g>
            </svg>
            {crate::components::dialogs::file_dialogs(state)}
            <div class="status-line" data-testid="status-message">
                {move || editor.with(|e| e.message.as_ref().map(|m| crate::i18n::pick(lang.get(), &m.message_ja, &m.message_en).to_owned()))}
            </div>
        </main>
    }
}
