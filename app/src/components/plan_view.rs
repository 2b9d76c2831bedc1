//! The drawing: the storey's rooms as SVG in world millimetres (y down), with the storey
//! below shown faintly, rooms coloured by their worst finding, and labels in ㎡ and 帖.

use crate::state::AppState;
use leptos::prelude::*;
use madori_plan::geometry::bounds;
use madori_plan::{FixtureKind, OpeningKind, Plan, PointMm, Storey};
use madori_rules::area::{label_position_mm, m2_to_jo};

/// Margin around the plan, mm.
const MARGIN_MM: i64 = 1200;
/// Label text height, mm at 1:1.
const LABEL_MM: f64 = 190.0;

fn points_attr(polygon: &[PointMm]) -> String {
    polygon
        .iter()
        .map(|p| format!("{},{}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The SVG viewBox covering every storey, so switching storeys keeps the scale.
pub fn view_box(plan: &Plan) -> String {
    let all: Vec<PointMm> = plan
        .rooms()
        .flat_map(|(_, r)| r.polygon.iter().copied())
        .collect();
    let (lo, hi) = bounds(&all).unwrap_or((PointMm::new(0, 0), PointMm::new(9100, 9100)));
    format!(
        "{} {} {} {}",
        lo.x - MARGIN_MM,
        lo.y - MARGIN_MM,
        hi.x - lo.x + 2 * MARGIN_MM,
        hi.y - lo.y + 2 * MARGIN_MM
    )
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

fn openings_view(storey: &Storey) -> impl IntoView {
    storey
        .openings
        .iter()
        .filter_map(|o| {
            let room = storey.rooms.iter().find(|r| r.id == o.room)?;
            let n = room.polygon.len();
            let (a, b) = (room.polygon.get(o.edge)?, room.polygon[(o.edge + 1) % n]);
            let len = madori_plan::geometry::distance_mm(*a, b);
            let (ux, uy) = ((b.x - a.x) as f64 / len, (b.y - a.y) as f64 / len);
            let start = f64::from(o.offset_mm);
            let end = start + f64::from(o.width_mm);
            let class = match o.kind {
                OpeningKind::Door { .. } => "door",
                OpeningKind::Window { .. } => "window",
            };
            Some(view! {
                <line
                    class=class
                    data-testid=format!("opening-{}", o.id)
                    x1=a.x as f64 + ux * start
                    y1=a.y as f64 + uy * start
                    x2=a.x as f64 + ux * end
                    y2=a.y as f64 + uy * end
                />
            })
        })
        .collect_view()
}

/// The canvas with storey tabs.
#[component]
pub fn PlanView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let storey_tabs = move || {
        state.plan.with(|plan| {
            plan.storeys
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let name = s.name.clone();
                    view! {
                        <button
                            class:active=move || state.storey.get() == i
                            data-testid=format!("storey-tab-{}", s.id)
                            on:click=move |_| state.storey.set(i)
                        >
                            {name}
                        </button>
                    }
                })
                .collect_view()
        })
    };
    let below = move || {
        let index = state.storey.get();
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
    let rooms = move || {
        let index = state.storey.get();
        let report = state.report.get();
        let areas = state.areas.get();
        let show_interior = state.show_interior.get();
        let highlighted = state.highlighted.get();
        state.plan.with(|plan| {
            let Some(storey) = plan.storeys.get(index) else {
                return ().into_any();
            };
            let room_areas = &areas.storeys[index].rooms;
            let rooms = storey
                .rooms
                .iter()
                .zip(room_areas)
                .map(|(room, area)| {
                    let status = report.worst_for(&room.id).map_or("none", |s| s.as_str());
                    let (lx, ly) = label_position_mm(&room.polygon);
                    let interior = show_interior.then(|| {
                        let text = area.interior_m2.map_or("内法 —".to_owned(), |a| format!("内法 {a:.1}㎡"));
                        view! { <tspan x=lx dy=LABEL_MM * 1.2 class="interior">{text}</tspan> }
                    });
                    let area_text = if room.kind.counts_as_floor_area() {
                        format!("{:.1}㎡ {:.1}帖", area.wall_centre_m2, m2_to_jo(area.wall_centre_m2))
                    } else {
                        format!("({:.1}㎡)", area.wall_centre_m2)
                    };
                    view! {
                        <g
                            class=format!("room kind-{} status-{status}", room.kind.as_str())
                            class:highlighted=highlighted.contains(&room.id)
                            data-testid=format!("room-{}", room.id)
                            data-status=status
                        >
                            <polygon points=points_attr(&room.polygon) />
                            <text x=lx y=ly - LABEL_MM * 0.4 font-size=LABEL_MM text-anchor="middle" data-testid=format!("room-label-{}", room.id)>
                                <tspan x=lx>{room.name.clone()}</tspan>
                                <tspan x=lx dy=LABEL_MM * 1.2 data-testid=format!("room-area-{}", room.id)>{area_text}</tspan>
                                {interior}
                            </text>
                        </g>
                    }
                })
                .collect_view();
            let fixtures = storey
                .fixtures
                .iter()
                .map(|f| {
                    view! {
                        <g class="fixture" data-testid=format!("fixture-{}", f.id)>
                            <circle cx=f.at.x cy=f.at.y r=200 />
                            <text x=f.at.x y=f.at.y + 60 font-size=170 text-anchor="middle">{fixture_glyph(&f.kind)}</text>
                        </g>
                    }
                })
                .collect_view();
            view! { {rooms} {openings_view(storey)} {fixtures} }.into_any()
        })
    };
    view! {
        <main class="canvas-area">
            <nav class="storeys" data-testid="storey-tabs">{storey_tabs}</nav>
            <svg
                class="plan"
                data-testid="plan-canvas"
                viewBox=move || state.plan.with(view_box)
                preserveAspectRatio="xMidYMid meet"
            >
                <g class="below-layer">{below}</g>
                <g class="rooms-layer">{rooms}</g>
            </svg>
        </main>
    }
}
