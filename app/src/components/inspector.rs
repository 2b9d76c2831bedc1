//! The inspector: properties of the selected room, wall, opening or fixture. Every change is
//! an editor command (one undo step); refused values leave the plan as it was.

use crate::i18n::{room_kind, t, Key};
use crate::state::AppState;
use leptos::prelude::*;
use madori_editor::{Command, RoomPatch, Selection};
use madori_plan::{FixtureKind, Occupancy, OpeningKind, RoomKind, WindowOperation};

/// A length typed into a millimetre field. Whole millimetres only: anything else is refused
/// with the reason in the status line, and the field shows the value in force again, so it
/// never displays a number that is not the plan's.
fn typed_mm(state: AppState, ev: &leptos::ev::Event, in_force: i64) -> Option<i64> {
    let text = event_target_value(ev);
    let value = text.trim().parse::<i64>().ok();
    if value.is_none() {
        state.editor.update(|e| {
            e.message = Some(madori_editor::EditError::new(
                format!(
                    "長さは mm の整数で入力します (「{}」は使えません): {in_force} mm のままです",
                    text.trim()
                ),
                format!(
                    "lengths are whole millimetres (\"{}\" is not one): it stays {in_force} mm",
                    text.trim()
                ),
            ));
        });
        event_target::<web_sys::HtmlInputElement>(ev).set_value(&in_force.to_string());
    }
    value
}

/// Parses children's ages such as `3, 8` (full-width commas too).
pub fn parse_ages(text: &str) -> Option<Vec<u8>> {
    text.split([',', '、', '，', ' '])
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.trim().parse::<u8>().ok())
        .collect()
}

/// The inspector panel: the building's facts while nothing is selected, else the fields of
/// what is (loaded on demand, the first time something is selected).
#[component]
pub fn Inspector() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let selected = move || {
        state
            .editor
            .with(|e| !matches!(e.selection, Selection::None))
    };
    view! {
        <section class="inspector" data-testid="inspector">
            <h2>{move || t(lang.get(), Key::Inspector)}</h2>
            {crate::on_demand::on_demand_view(selected, (), inspector)}
            {move || (!selected()).then(|| view! {
                <p class="hint">{t(lang.get(), Key::NothingSelected)}</p>
                {building_fields(state)}
            })}
        </section>
    }
}

on_demand! {
    /// The fields of what is selected, loaded the first time something is selected.
    pub fn inspector() -> crate::on_demand::Build {
        |()| view! { <SelectionFields /> }.into_any()
    }
}

/// The fields of the room, wall, opening, fixture or vertex selected.
#[component]
fn SelectionFields() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let editor = state.editor;
    let body = move || {
        let selection = editor.with(|e| e.selection.clone());
        let l = lang.get();
        state.plan.with(|plan| match selection {
            Selection::Room(id) => plan.room(&id).cloned().map(|room| room_fields(state, room).into_any()),
            Selection::Edge { room, edge } => plan.room(&room).cloned().map(|r| {
                let n = r.polygon.len();
                let length = madori_plan::geometry::distance_mm(r.polygon[edge % n], r.polygon[(edge + 1) % n]).round() as i64;
                let neighbour = plan
                    .storeys
                    .iter()
                    .flat_map(|s| &s.rooms)
                    .find(|o| o.id != r.id && { let (a, b) = (r.polygon[edge % n], r.polygon[(edge + 1) % n]); o.polygon.contains(&a) && o.polygon.contains(&b) })
                    .map(|o| o.id.clone());
                let room_id = r.id.clone();
                let room_for_merge = r.id.clone();
                view! {
                    <div class="fields" data-testid="inspector-edge">
                        <p>{r.name.clone()} " — " {format!("#{}", edge + 1)}</p>
                        <label>
                            {t(l, Key::EdgeLength)}
                            <input
                                type="number"
                                data-testid="edge-length"
                                prop:value=length.to_string()
                                on:change=move |ev| {
                                    if let Some(length_mm) = typed_mm(state, &ev, length) {
                                        state.run(Command::SetEdgeLength { room: room_id.clone(), edge, length_mm });
                                    }
                                }
                            />
                        </label>
                        {neighbour.map(|b| view! {
                            <button data-testid="merge" on:click=move |_| state.run(Command::MergeRooms { a: room_for_merge.clone(), b: b.clone() })>
                                {t(l, Key::MergeAcross)}
                            </button>
                        })}
                    </div>
                }
                .into_any()
            }),
            Selection::Opening(id) => plan.storeys.iter().flat_map(|s| &s.openings).find(|o| o.id == id).cloned().map(|o| opening_fields(state, o).into_any()),
            Selection::Fixture(id) => plan.storeys.iter().flat_map(|s| &s.fixtures).find(|f| f.id == id).cloned().map(|f| {
                let fid = f.id.clone();
                let delete_id = f.id.clone();
                let extra = match f.kind {
                    FixtureKind::WashBasin { bowls } => Some(view! {
                        <label>{t(l, Key::Bowls)}
                            <input type="number" min="1" data-testid="fixture-bowls" prop:value=bowls.to_string() on:change=move |ev| {
                                if let Ok(bowls) = event_target_value(&ev).trim().parse::<u32>() {
                                    state.run(Command::UpdateFixture { id: fid.clone(), kind: FixtureKind::WashBasin { bowls } });
                                }
                            } />
                        </label>
                    }.into_any()),
                    FixtureKind::Bath { tub } => Some(view! {
                        <label><input type="checkbox" data-testid="fixture-tub" prop:checked=tub on:change=move |ev| {
                            state.run(Command::UpdateFixture { id: fid.clone(), kind: FixtureKind::Bath { tub: event_target_checked(&ev) } });
                        } />{t(l, Key::Tub)}</label>
                    }.into_any()),
                    _ => None,
                };
                view! {
                    <div class="fields" data-testid="inspector-fixture">
                        <p>{f.id.clone()}</p>
                        {extra}
                        <button data-testid="delete" on:click=move |_| state.run(Command::Delete { ids: vec![delete_id.clone()] })>{t(l, Key::Delete)}</button>
                    </div>
                }
                .into_any()
            }),
            Selection::Vertex(p) => Some(view! { <p data-testid="inspector-vertex">{t(l, Key::Vertex)} {format!(" ({}, {})", p.x, p.y)}</p> }.into_any()),
            Selection::None => None,
        })
    };
    body
}

fn room_fields(state: AppState, room: madori_plan::Room) -> impl IntoView {
    let l = state.lang.get_untracked();
    let id = room.id.clone();
    let patch =
        move |id: String, patch: RoomPatch| state.run(Command::UpdateRoom { room: id, patch });
    let (lo, hi) = madori_plan::geometry::bounds(&room.polygon).unwrap_or_default();
    let rectangular = room.polygon.len() == 4
        && room
            .polygon
            .iter()
            .all(|p| (p.x == lo.x || p.x == hi.x) && (p.y == lo.y || p.y == hi.y));
    let (width, depth) = (hi.x - lo.x, hi.y - lo.y);
    let occupancy_kind = match &room.occupancy {
        None => "none",
        Some(Occupancy::Persons(_)) => "persons",
        Some(Occupancy::SingleParent { .. }) => "single_parent",
        Some(Occupancy::Household { .. }) => "household",
    };
    let persons = match &room.occupancy {
        Some(Occupancy::Persons(n)) => *n,
        _ => 1,
    };
    let adults = room.occupancy.as_ref().map_or(2, Occupancy::adults);
    let ages = room
        .occupancy
        .as_ref()
        .map(|o| {
            o.children_ages()
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(",")
        })
        .unwrap_or_default();
    let household_ages = ages.clone();
    let id_household = id.clone();
    let private = room.kind == RoomKind::Private;
    let thickness = room
        .wall_thickness_mm
        .first()
        .copied()
        .flatten()
        .map(|t| t.to_string())
        .unwrap_or_default();
    let (id1, id2, id3, id4, id5, id6, id7, id8, id9, id10) = (
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
    );
    view! {
        <div class="fields" data-testid="inspector-room">
            <label>{t(l, Key::Name)}
                <input data-testid="room-name" prop:value=room.name.clone() on:change=move |ev| patch(id1.clone(), RoomPatch { name: Some(event_target_value(&ev)), ..Default::default() }) />
            </label>
            <label>{t(l, Key::Kind)}
                <select data-testid="room-kind" on:change=move |ev| {
                    if let Some(kind) = RoomKind::ALL.into_iter().find(|k| k.as_str() == event_target_value(&ev)) {
                        patch(id2.clone(), RoomPatch { kind: Some(kind), ..Default::default() });
                    }
                }>
                    {RoomKind::ALL.into_iter().map(|k| view! { <option value=k.as_str() selected=k == room.kind>{room_kind(l, k)}</option> }).collect_view()}
                </select>
            </label>
            {private.then(|| view! {
                <label>{t(l, Key::Occupancy)}
                    <select data-testid="room-occupancy" on:change=move |ev| {
                        let occupancy = match event_target_value(&ev).as_str() {
                            "persons" => Some(Occupancy::Persons(1)),
                            "single_parent" => Some(Occupancy::SingleParent { children_ages: vec![] }),
                            "household" => Some(Occupancy::Household { adults: 2, children_ages: vec![] }),
                            _ => None,
                        };
                        patch(id3.clone(), RoomPatch { occupancy: Some(occupancy), ..Default::default() });
                    }>
                        <option value="none" selected=occupancy_kind == "none">{t(l, Key::Vacant)}</option>
                        <option value="persons" selected=occupancy_kind == "persons">{t(l, Key::Persons)}</option>
                        <option value="single_parent" selected=occupancy_kind == "single_parent">{t(l, Key::SingleParent)}</option>
                        <option value="household" selected=occupancy_kind == "household">{t(l, Key::Household)}</option>
                    </select>
                </label>
                {(occupancy_kind == "household").then(|| {
                    let (id_adults, id_ages) = (id_household.clone(), id_household.clone());
                    let ages_now = household_ages.clone();
                    let adults_ages = household_ages.clone();
                    view! {
                        <label>{t(l, Key::Adults)}
                            <input type="number" min="1" data-testid="room-adults" prop:value=adults.to_string() on:change=move |ev| {
                                if let (Ok(adults), Some(children_ages)) = (event_target_value(&ev).trim().parse::<u32>(), parse_ages(&adults_ages)) {
                                    patch(id_adults.clone(), RoomPatch { occupancy: Some(Some(Occupancy::Household { adults, children_ages })), ..Default::default() });
                                }
                            } />
                        </label>
                        <label>{t(l, Key::ChildrenAges)}
                            <input data-testid="room-household-children" prop:value=ages_now on:change=move |ev| {
                                if let Some(children_ages) = parse_ages(&event_target_value(&ev)) {
                                    patch(id_ages.clone(), RoomPatch { occupancy: Some(Some(Occupancy::Household { adults, children_ages })), ..Default::default() });
                                }
                            } />
                        </label>
                    }
                })}
                {(occupancy_kind == "persons").then(|| view! {
                    <label>{t(l, Key::Residents)}
                        <input type="number" min="0" data-testid="room-persons" prop:value=persons.to_string() on:change=move |ev| {
                            if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
                                patch(id4.clone(), RoomPatch { occupancy: Some(Some(Occupancy::Persons(n))), ..Default::default() });
                            }
                        } />
                    </label>
                })}
                {(occupancy_kind == "single_parent").then(|| view! {
                    <label>{t(l, Key::ChildrenAges)}
                        <input data-testid="room-children" prop:value=ages.clone() on:change=move |ev| {
                            if let Some(children_ages) = parse_ages(&event_target_value(&ev)) {
                                patch(id5.clone(), RoomPatch { occupancy: Some(Some(Occupancy::SingleParent { children_ages })), ..Default::default() });
                            }
                        } />
                    </label>
                })}
                <label><input type="checkbox" data-testid="room-lockable" prop:checked=room.lockable on:change=move |ev| patch(id6.clone(), RoomPatch { lockable: Some(event_target_checked(&ev)), ..Default::default() }) />{t(l, Key::Lockable)}</label>
            })}
            <label>{t(l, Key::WallThickness)}
                <input type="number" min="1" data-testid="room-wall-thickness" placeholder="120 / 150" prop:value=thickness on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let thickness = if value.trim().is_empty() { Some(None) } else { value.trim().parse::<u32>().ok().map(Some) };
                    if let Some(thickness) = thickness {
                        patch(id7.clone(), RoomPatch { wall_thickness_mm: Some(thickness), ..Default::default() });
                    }
                } />
            </label>
            {rectangular.then(|| view! {
                <label>{t(l, Key::Width)}
                    <input type="number" data-testid="room-width" prop:value=width.to_string() on:change=move |ev| {
                        if let Some(width_mm) = typed_mm(state, &ev, width) {
                            state.run(Command::SetRoomSize { room: id8.clone(), width_mm, depth_mm: depth });
                        }
                    } />
                </label>
                <label>{t(l, Key::Depth)}
                    <input type="number" data-testid="room-depth" prop:value=depth.to_string() on:change=move |ev| {
                        if let Some(depth_mm) = typed_mm(state, &ev, depth) {
                            state.run(Command::SetRoomSize { room: id9.clone(), width_mm: width, depth_mm });
                        }
                    } />
                </label>
            })}
            <div class="buttons">
                <button data-testid="duplicate" on:click=move |_| {
                    let new_id = state.plan.with_untracked(|p| madori_editor::fresh_id(p, "room"));
                    state.run(Command::DuplicateRoom { room: id10.clone(), new_id });
                }>{t(l, Key::Duplicate)}</button>
                <button data-testid="delete" on:click=move |_| state.run(Command::Delete { ids: vec![id.clone()] })>{t(l, Key::Delete)}</button>
            </div>
        </div>
    }
}

fn opening_fields(state: AppState, opening: madori_plan::Opening) -> impl IntoView {
    let l = state.lang.get_untracked();
    let (id, id2, id3, id4, id5) = (
        opening.id.clone(),
        opening.id.clone(),
        opening.id.clone(),
        opening.id.clone(),
        opening.id.clone(),
    );
    let kind = opening.kind.clone();
    let width = opening.width_mm;
    let id_operation = opening.id.clone();
    let update = move |id: String, width_mm: u32, kind: OpeningKind| {
        state.run(Command::UpdateOpening { id, width_mm, kind })
    };
    let kind_fields = match kind.clone() {
        // Whether a door locks is a choice with "not entered", so an unknown lock is never
        // shown as "no lock".
        OpeningKind::Door { lockable, operation } => view! {
            <label>{t(l, Key::Lockable)}
                <select data-testid="opening-lockable" on:change=move |ev| {
                    let lockable = match event_target_value(&ev).as_str() {
                        "yes" => Some(true),
                        "no" => Some(false),
                        _ => None,
                    };
                    update(id2.clone(), width, OpeningKind::Door { lockable, operation });
                }>
                    <option value="" selected=lockable.is_none()>{t(l, Key::NotEntered)}</option>
                    <option value="yes" selected=lockable == Some(true)>{t(l, Key::Yes)}</option>
                    <option value="no" selected=lockable == Some(false)>{t(l, Key::No)}</option>
                </select>
            </label>
            <label>{t(l, Key::DoorOperation)}
                <select data-testid="door-operation" on:change={
                    let id = id_operation;
                    move |ev| {
                        let chosen = event_target_value(&ev);
                        let operation = madori_plan::DoorOperation::ALL
                            .into_iter()
                            .find(|o| o.as_str() == chosen)
                            .filter(|o| *o != madori_plan::DoorOperation::Hinged);
                        update(id.clone(), width, OpeningKind::Door { lockable, operation });
                    }
                }>
                    {madori_plan::DoorOperation::ALL.into_iter().map(|o| {
                        let current = operation.unwrap_or(madori_plan::DoorOperation::Hinged) == o;
                        view! { <option value=o.as_str() selected=current>{crate::i18n::door_operation(l, o)}</option> }
                    }).collect_view()}
                </select>
            </label>
        }.into_any(),
        OpeningKind::Window { height_mm, exterior, operation } => view! {
            <label>{t(l, Key::Height)}
                <input type="number" min="1" data-testid="opening-height" placeholder=t(l, Key::NotEntered) prop:value=height_mm.map(|h| h.to_string()).unwrap_or_default() on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let height_mm = if value.trim().is_empty() { Some(None) } else { value.trim().parse::<u32>().ok().map(Some) };
                    if let Some(height_mm) = height_mm {
                        update(id2.clone(), width, OpeningKind::Window { height_mm, exterior, operation });
                    }
                } />
            </label>
            <label><input type="checkbox" data-testid="opening-exterior" prop:checked=exterior on:change=move |ev| update(id3.clone(), width, OpeningKind::Window { height_mm, exterior: event_target_checked(&ev), operation }) />{t(l, Key::Exterior)}</label>
            <label>{t(l, Key::Operation)}
                <select data-testid="opening-operation" on:change=move |ev| {
                    let operation = match event_target_value(&ev).as_str() {
                        "fixed" => WindowOperation::Fixed,
                        "casement" => WindowOperation::Casement,
                        _ => WindowOperation::Sliding,
                    };
                    update(id5.clone(), width, OpeningKind::Window { height_mm, exterior, operation });
                }>
                    <option value="sliding" selected=operation == WindowOperation::Sliding>{t(l, Key::Sliding)}</option>
                    <option value="casement" selected=operation == WindowOperation::Casement>{t(l, Key::Casement)}</option>
                    <option value="fixed" selected=operation == WindowOperation::Fixed>{t(l, Key::Fixed)}</option>
                </select>
            </label>
        }.into_any(),
    };
    let title = match opening.kind {
        OpeningKind::Door { .. } => t(l, Key::Door),
        OpeningKind::Window { .. } => t(l, Key::Window),
    };
    view! {
        <div class="fields" data-testid="inspector-opening">
            <p>{title} " " {opening.id.clone()}</p>
            <label>{t(l, Key::Width)}
                <input type="number" data-testid="opening-width" prop:value=width.to_string() on:change=move |ev| {
                    if let Ok(width_mm) = event_target_value(&ev).trim().parse::<u32>() {
                        update(id.clone(), width_mm, kind.clone());
                    }
                } />
            </label>
            {kind_fields}
            <button data-testid="delete" on:click=move |_| state.run(Command::Delete { ids: vec![id4.clone()] })>{t(l, Key::Delete)}</button>
        </div>
    }
}

/// Facts about the building, shown when nothing is selected: they decide SN-SEISMIC, wall
/// defaults, the two-stairs threshold and the ceiling check.
fn building_fields(state: AppState) -> impl IntoView {
    use madori_plan::{BuildingStatus, Construction};
    let l = state.lang.get();
    let dwelling = state.plan.with(|p| p.dwelling.clone());
    let storey = state.editor.with(|e| e.storey);
    let ceiling = state
        .plan
        .with(|p| p.storeys.get(storey).and_then(|s| s.ceiling_height_mm));
    let update = move |change: &dyn Fn(&mut madori_plan::Dwelling)| {
        let mut next = state.plan.with_untracked(|p| p.dwelling.clone());
        change(&mut next);
        state.run(Command::UpdateDwelling(next));
    };
    let construction = dwelling.construction;
    let status = dwelling.status;
    let seismic = match dwelling.seismic_assessment_passed {
        None => "none",
        Some(true) => "passed",
        Some(false) => "failed",
    };
    let plan_name = state.plan.with(|p| p.name.clone());
    view! {
        <div class="fields" data-testid="inspector-building">
            <label>{t(l, Key::PlanName)}
                <input data-testid="plan-name" prop:value=plan_name on:change=move |ev| {
                    state.run(Command::RenamePlan { name: event_target_value(&ev) });
                } />
            </label>
            <h3>{t(l, Key::Building)}</h3>
            <label>{t(l, Key::Construction)}
                <select data-testid="building-construction" on:change=move |ev| {
                    let value = event_target_value(&ev);
                    if let Some(c) = Construction::ALL.into_iter().find(|c| format!("{c:?}") == value) {
                        update(&|d| d.construction = c);
                    }
                }>
                    {Construction::ALL.into_iter().map(|c| {
                        let key = match c { Construction::Wooden => Key::Wooden, Construction::Rc => Key::Rc, Construction::Steel => Key::Steel };
                        view! { <option value=format!("{c:?}") selected=c == construction>{t(l, key)}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label>
                <select data-testid="building-status" on:change=move |ev| {
                    let existing = event_target_value(&ev) == "existing";
                    update(&|d| d.status = if existing { BuildingStatus::Existing } else { BuildingStatus::New });
                }>
                    <option value="existing" selected=status == BuildingStatus::Existing>{t(l, Key::Existing)}</option>
                    <option value="new" selected=status == BuildingStatus::New>{t(l, Key::NewBuild)}</option>
                </select>
            </label>
            <label>{t(l, Key::YearBuilt)}
                <input type="number" data-testid="building-year" prop:value=dwelling.year_built.map(|y| y.to_string()).unwrap_or_default() on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let year = value.trim().parse::<i32>().ok();
                    if year.is_some() || value.trim().is_empty() {
                        update(&|d| d.year_built = year);
                    }
                } />
            </label>
            <label>{t(l, Key::ConstructionStarted)}
                <input type="date" data-testid="building-started" prop:value=dwelling.construction_started.clone().unwrap_or_default() on:change=move |ev| {
                    let value = event_target_value(&ev);
                    update(&|d| d.construction_started = (!value.trim().is_empty()).then(|| value.trim().to_owned()));
                } />
            </label>
            <label>{t(l, Key::PermitDate)}
                <input type="date" data-testid="building-permit" prop:value=dwelling.permit_date.clone().unwrap_or_default() on:change=move |ev| {
                    let value = event_target_value(&ev);
                    update(&|d| d.permit_date = (!value.trim().is_empty()).then(|| value.trim().to_owned()));
                } />
            </label>
            <label>{t(l, Key::SeismicAssessment)}
                <select data-testid="building-seismic" on:change=move |ev| {
                    let value = match event_target_value(&ev).as_str() { "passed" => Some(true), "failed" => Some(false), _ => None };
                    update(&|d| d.seismic_assessment_passed = value);
                }>
                    <option value="none" selected=seismic == "none">{t(l, Key::NotDone)}</option>
                    <option value="passed" selected=seismic == "passed">{t(l, Key::Passed)}</option>
                    <option value="failed" selected=seismic == "failed">{t(l, Key::Failed)}</option>
                </select>
            </label>
            <label><input type="checkbox" data-testid="building-fire-resistant" prop:checked=dwelling.fire_resistant on:change=move |ev| {
                let checked = event_target_checked(&ev);
                update(&|d| d.fire_resistant = checked);
            } />{t(l, Key::FireResistant)}</label>
            <label>{t(l, Key::CeilingHeight)}
                <input type="number" data-testid="storey-ceiling" prop:value=ceiling.map(|c| c.to_string()).unwrap_or_default() on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let height = value.trim().parse::<u32>().ok();
                    if height.is_some() || value.trim().is_empty() {
                        state.run(Command::SetCeilingHeight { storey, height_mm: height });
                    }
                } />
            </label>
        </div>
    }
}
