//! The top bar: plan, tools, grid, history, view, standard and language.

use crate::i18n::{t, Key, Lang};
use crate::state::{load_template, AppState};
use leptos::prelude::*;
use madori_editor::snap::Grid;
use madori_editor::tools::Tool;
use madori_editor::Transform;
use madori_plan::templates;
use madori_plan::FixtureKind;
use madori_rules::profile::{catalogue, local_overrides_for};

/// The drawing tools with their label key and hotkey.
pub const TOOLS: [(Tool, Key, &str); 6] = [
    (Tool::Select, Key::ToolSelect, "V"),
    (Tool::Room, Key::ToolRoom, "R"),
    (Tool::Polygon, Key::ToolPolygon, "P"),
    (Tool::Split, Key::ToolSplit, "S"),
    (Tool::Door, Key::ToolDoor, "D"),
    (Tool::Window, Key::ToolWindow, "W"),
];

/// The fixture palette.
pub fn fixture_palette() -> [(FixtureKind, Key); 7] {
    [
        (FixtureKind::Toilet, Key::FixtureToilet),
        (FixtureKind::WashBasin { bowls: 1 }, Key::FixtureWashBasin),
        (FixtureKind::Bath { tub: true }, Key::FixtureBath),
        (FixtureKind::Shower, Key::FixtureShower),
        (FixtureKind::WashingMachine, Key::FixtureWashingMachine),
        (
            FixtureKind::Kitchen {
                burners: 2,
                sink: true,
            },
            Key::FixtureKitchen,
        ),
        (FixtureKind::Stairs, Key::FixtureStairs),
    ]
}

/// The toolbar.
#[component]
pub fn Toolbar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let editor = state.editor;
    let tool_buttons = TOOLS
        .into_iter()
        .map(|(tool, key, hotkey)| {
            let id = tool.id();
            let active = {
                let tool = tool.clone();
                move || editor.with(|e| e.tool == tool)
            };
            view! {
                <button
                    class="tool"
                    class:active=active
                    data-testid=format!("tool-{id}")
                    title=move || format!("{} ({hotkey})", t(lang.get(), key))
                    on:click=move |_| {
                        editor.update(|e| {
                            e.tool(tool.clone());
                        })
                    }
                >
                    {move || t(lang.get(), key)}
                </button>
            }
        })
        .collect_view();
    let fixture_select = move |ev: leptos::ev::Event| {
        let index: Option<usize> = event_target_value(&ev).parse().ok();
        if let Some((kind, _)) = index.and_then(|i| fixture_palette().into_iter().nth(i)) {
            editor.update(|e| {
                e.tool(Tool::Fixture(kind));
            });
        }
    };
    view! {
        <header class="toolbar" data-testid="toolbar">
            <strong class="brand">{move || t(lang.get(), Key::AppTitle)}</strong>
            // A menu of templates to open, not a display of the plan on screen (which may have
            // been edited, or come from a file): it goes back to its title after each choice.
            <select
                data-testid="template-select"
                title=move || t(lang.get(), Key::Template)
                on:change=move |ev| {
                    let name = event_target_value(&ev);
                    event_target::<web_sys::HtmlSelectElement>(&ev).set_value("");
                    leptos::task::spawn_local(async move {
                        match load_template(&name).await {
                            Some(plan) => state.replace(plan),
                            None => state.show_failure(crate::on_demand::not_loaded()),
                        }
                    });
                }
            >
                <option value="" selected disabled>{move || format!("{}…", t(lang.get(), Key::Template))}</option>
                {templates::NAMES
                    .iter()
                    .map(|name| {
                        view! { <option value=*name>{move || crate::i18n::template_name(lang.get(), name)}</option> }
                    })
                    .collect_view()}
            </select>
            // 新規 asks for the structure first: it sets the default wall thicknesses, so a
            // plan started in the wrong one has every 内法 wrong.
            {crate::on_demand::menu_button("new-plan", "new-plan", Key::NewPlan, new_plan_menu)}
            <crate::components::workshop::WorkshopToggle />
            <crate::components::library::Library />
            <crate::components::print::PrintMenu />
            <crate::components::export::DxfExport />
            <crate::share::ShareButton />
            <button data-testid="save-plan" on:click=move |_| {
                crate::file::save(state);
            }>{move || t(lang.get(), Key::Save)}</button>
            <label class="file-button" data-testid="open-plan-button">
                {move || t(lang.get(), Key::Open)}
                <input
                    type="file"
                    accept=".json,.dxf,.png,.jpg,.jpeg,application/json,image/png,image/jpeg"
                    data-testid="open-plan"
                    on:change=move |ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            crate::file::open_chosen(state, input);
                        }
                    }
                />
            </label>
            <span class="group" role="toolbar">{tool_buttons}</span>
            <select
                data-testid="fixture-select"
                class:active=move || editor.with(|e| matches!(e.tool, Tool::Fixture(_)))
                on:change=fixture_select
            >
                <option value="">{move || t(lang.get(), Key::Fixtures)}</option>
                {fixture_palette()
                    .into_iter()
                    .enumerate()
                    .map(|(i, (_, key))| view! { <option value=i.to_string()>{move || t(lang.get(), key)}</option> })
                    .collect_view()}
            </select>
            <label>
                {move || t(lang.get(), Key::Grid)}
                <select
                    data-testid="grid-select"
                    on:change=move |ev| {
                        if let Some(grid) = Grid::from_id(&event_target_value(&ev)) {
                            editor.update(|e| e.snap.grid = grid);
                        }
                    }
                >
                    {Grid::ALL
                        .into_iter()
                        .map(|g| {
                            let label = move || if g == Grid::Off { t(lang.get(), Key::GridOff).to_owned() } else { g.id().to_owned() };
                            view! { <option value=g.id() selected=g == Grid::Shaku910>{label}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            <span class="group">
                <button
                    data-testid="undo"
                    title="Ctrl+Z"
                    disabled=move || !editor.with(|e| e.can_undo())
                    on:click=move |_| {
                        editor.update(|e| {
                            e.undo();
                        })
                    }
                >
                    "↶ " {move || t(lang.get(), Key::Undo)}
                </button>
                <button
                    data-testid="redo"
                    title="Ctrl+Shift+Z / Ctrl+Y"
                    disabled=move || !editor.with(|e| e.can_redo())
                    on:click=move |_| {
                        editor.update(|e| {
                            e.redo();
                        })
                    }
                >
                    "↷ " {move || t(lang.get(), Key::Redo)}
                </button>
            </span>
            <span class="group">
                <button data-testid="zoom-out" title=move || t(lang.get(), Key::ZoomOut) on:click=move |_| zoom(state, 1.0 / 1.25)>"−"</button>
                <button data-testid="zoom-fit" on:click=move |_| state.fit()>{move || t(lang.get(), Key::ZoomFit)}</button>
                <button data-testid="zoom-in" title=move || t(lang.get(), Key::ZoomIn) on:click=move |_| zoom(state, 1.25)>"+"</button>
                <button data-testid="rotate" on:click=move |_| state.run(madori_editor::Command::TransformPlan(Transform::RotateClockwise))>{move || t(lang.get(), Key::Rotate)}</button>
                <button data-testid="mirror" on:click=move |_| state.run(madori_editor::Command::TransformPlan(Transform::MirrorHorizontal))>{move || t(lang.get(), Key::Mirror)}</button>
            </span>
            <label>
                {move || t(lang.get(), Key::Standard)}
                <select data-testid="profile-select" prop:value=move || state.profile_id.get() on:change=move |ev| {
                    state.choose_profile(&event_target_value(&ev));
                }>
                    {catalogue()
                        .into_iter()
                        .map(|p| {
                view! {
                                <option value=p.id selected=move || state.profile_id.with(|id| id == p.id)>
                                    {move || if lang.get() == Lang::Ja { p.name_ja } else { p.name_en }}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label>
                {move || t(lang.get(), Key::LocalOverride)}
                <select data-testid="local-select" prop:value=move || state.local_id.get().unwrap_or_default() on:change=move |ev| {
                    let id = event_target_value(&ev);
                    state.choose_local((!id.is_empty()).then_some(id));
                }>
                    <option value="" selected=move || state.local_id.with(Option::is_none)>{move || t(lang.get(), Key::NoLocalOverride)}</option>
                    // Only the overrides that apply to the profile in force are offered.
                    {move || local_overrides_for(&state.profile_id.get())
                        .into_iter()
                        .map(|l| view! { <option value=l.id selected=move || state.local_id.with(|c| c.as_deref() == Some(l.id))>{move || if lang.get() == Lang::Ja { l.name_ja } else { l.name_en }}</option> })
                        .collect_view()}
                </select>
            </label>
            {move || state.local_note.get().map(|(ja, en)| view! {
                <span class="note" data-testid="local-note">{if lang.get() == Lang::Ja { ja } else { en }}</span>
            })}
            {move || state.check_notes().into_iter().map(|(ja, en)| view! {
                <span class="note" data-testid="check-note">{if lang.get() == Lang::Ja { ja } else { en }}</span>
            }).collect_view()}
            <crate::components::drawing_layer::DrawingToggle />
            <label class="toggle">
                <input type="checkbox" data-testid="interior-toggle" on:change=move |ev| state.show_interior.set(event_target_checked(&ev)) />
                {move || t(lang.get(), Key::ShowInterior)}
            </label>
            <button data-testid="lang-toggle" on:click=move |_| lang.update(|l| *l = if *l == Lang::Ja { Lang::En } else { Lang::Ja })>
                {move || t(lang.get(), Key::Language)}
            </button>
        </header>
    }
}

/// Zooms about the canvas centre (the buttons).
fn zoom(state: AppState, factor: f64) {
    state.viewport.update(|v| {
        let centre = madori_editor::viewport::ScreenPx::new(v.size.x / 2.0, v.size.y / 2.0);
        v.zoom_at(centre, factor);
    });
}

on_demand! {
    chunk files;
    /// The structures a new plan may start with, loaded the first time 新規 is clicked.
    pub fn new_plan_menu() -> crate::on_demand::Build<RwSignal<bool>> {
        |asking| view! { <NewPlanMenu asking=asking /> }.into_any()
    }
}

/// 新規 asks for the structure first; `asking` closes the menu.
#[component]
fn NewPlanMenu(asking: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <span class="menu" data-testid="new-plan-menu" title=move || t(lang.get(), Key::NewPlanAsk)>
            {madori_plan::Construction::ALL.into_iter().map(|construction| {
                let (label, id) = match construction {
                    madori_plan::Construction::Wooden => (Key::Wooden, "wooden"),
                    madori_plan::Construction::Rc => (Key::Rc, "rc"),
                    madori_plan::Construction::Steel => (Key::Steel, "steel"),
                };
                view! {
                    <button data-testid=format!("new-plan-{id}") on:click=move |_| {
                        asking.set(false);
                        let mut plan = madori_editor::empty_plan();
                        plan.dwelling.construction = construction;
                        state.replace(plan);
                    }>{move || t(lang.get(), label)}</button>
                }
            }).collect_view()}
        </span>
    }
}
