//! The drawing model against exact expectations: wall bodies, openings, dimensions, symbols,
//! labels and the SVG sheet; property tests on random grids of rooms.

use geo::{Area, BooleanOps, Coord, LineString, Polygon};
use madori_drawing::{
    room_dimensions, storey_drawing, svg, DimensionRole, Drawing, DrawingOptions, Pt, Scale, Side,
    SvgOptions, WallKind,
};
use madori_plan::*;
use proptest::prelude::*;

fn rect(x0: i64, y0: i64, x1: i64, y1: i64) -> Vec<PointMm> {
    vec![
        PointMm::new(x0, y0),
        PointMm::new(x1, y0),
        PointMm::new(x1, y1),
        PointMm::new(x0, y1),
    ]
}

fn room(id: &str, polygon: Vec<PointMm>) -> Room {
    Room {
        id: id.into(),
        name: format!("室{id}"),
        kind: RoomKind::Private,
        polygon,
        wall_thickness_mm: Vec::new(),
        belongs_to: None,
        occupancy: None,
        lockable: false,
        mechanical_ventilation: false,
        ceiling_height_mm: None,
    }
}

fn plan_of(rooms: Vec<Room>, openings: Vec<Opening>) -> Plan {
    Plan {
        format_version: format::FORMAT_VERSION,
        name: "test".into(),
        dwelling: Dwelling::default(),
        storeys: vec![Storey {
            id: "1f".into(),
            name: "1F".into(),
            ceiling_height_mm: None,
            rooms,
            openings,
            fixtures: Vec::new(),
            underlay: None,
        }],
        check: None,
        variants: Vec::new(),
        images: Vec::new(),
    }
}

fn template(name: &str) -> Plan {
    format::from_json(templates::get(name).unwrap()).unwrap()
}

fn area(points: &[Pt]) -> f64 {
    let n = points.len();
    (0..n)
        .map(|i| {
            let (a, b) = (points[i], points[(i + 1) % n]);
            a.x * b.y - b.x * a.y
        })
        .sum::<f64>()
        .abs()
        / 2.0
}

fn to_geo(points: &[Pt]) -> Polygon<f64> {
    Polygon::new(
        LineString::new(points.iter().map(|p| Coord { x: p.x, y: p.y }).collect()),
        vec![],
    )
}

fn window(room: &str, edge: usize, offset_mm: u32, width_mm: u32) -> Opening {
    Opening {
        id: format!("{room}-{edge}-{offset_mm}"),
        room: room.into(),
        edge,
        offset_mm,
        width_mm,
        kind: OpeningKind::Window {
            height_mm: Some(1100),
            exterior: true,
            operation: WindowOperation::Sliding,
        },
    }
}

/// The closed outline polylines as sorted corner lists.
fn outline_loops(d: &Drawing) -> Vec<Vec<(i64, i64)>> {
    let mut loops: Vec<Vec<(i64, i64)>> =
        d.wall_outline.iter().filter_map(closed_corners).collect();
    loops.sort();
    loops
}

/// A closed polyline's corners rounded to whole mm, sorted; `None` for any other shape.
fn closed_corners(shape: &madori_drawing::Shape) -> Option<Vec<(i64, i64)>> {
    let madori_drawing::Shape::Polyline {
        points,
        closed: true,
    } = shape
    else {
        return None;
    };
    let mut v: Vec<(i64, i64)> = points
        .iter()
        .map(|p| (p.x.round() as i64, p.y.round() as i64))
        .collect();
    v.sort_unstable();
    Some(v)
}

#[test]
fn a_room_with_120_and_150_walls_has_exact_outer_and_inner_rectangles() {
    let mut r = room("a", rect(0, 0, 3640, 2730));
    r.wall_thickness_mm = vec![Some(150), Some(120), Some(150), Some(120)];
    let plan = plan_of(vec![r], Vec::new());
    let d = storey_drawing(&plan, 0, &DrawingOptions::default());
    assert_eq!(d.walls.len(), 4);
    // Outer faces: 60 out for the 120 walls (left, right), 75 out for the 150 walls.
    let outer = (-60.0, -75.0, 3700.0, 2805.0);
    let inner = (60.0, 75.0, 3580.0, 2655.0);
    let bounds = d
        .walls
        .iter()
        .map(|w| w.bounds)
        .reduce(|a, b| a.union(&b))
        .unwrap();
    assert_eq!(
        (bounds.min.x, bounds.min.y, bounds.max.x, bounds.max.y),
        outer
    );
    let walls_area: f64 = d.walls.iter().map(|w| area(&w.polygon)).sum();
    let expected =
        (outer.2 - outer.0) * (outer.3 - outer.1) - (inner.2 - inner.0) * (inner.3 - inner.1);
    assert_eq!(walls_area, expected);
    assert_eq!(
        outline_loops(&d),
        vec![
            vec![(-60, -75), (-60, 2805), (3700, -75), (3700, 2805)],
            vec![(60, 75), (60, 2655), (3580, 75), (3580, 2655)],
        ]
    );
    let mut thickness: Vec<u32> = d.walls.iter().map(|w| w.thickness_mm).collect();
    thickness.sort_unstable();
    assert_eq!(thickness, [120, 120, 150, 150]);
    assert!(d.walls.iter().all(|w| w.kind == WallKind::Exterior));
}

#[test]
fn a_wall_two_rooms_share_is_one_body_at_the_interior_thickness() {
    let plan = plan_of(
        vec![
            room("a", rect(0, 0, 3640, 2730)),
            room("b", rect(3640, 0, 7280, 2730)),
        ],
        Vec::new(),
    );
    let d = storey_drawing(&plan, 0, &DrawingOptions::default());
    let on_shared: Vec<_> = d
        .walls
        .iter()
        .filter(|w| w.centre.is_some_and(|c| c.a.x == 3640.0 && c.b.x == 3640.0))
        .collect();
    assert_eq!(on_shared.len(), 1);
    assert_eq!(on_shared[0].thickness_mm, 120);
    assert_eq!(on_shared[0].kind, WallKind::Interior);
    let c = on_shared[0].centre.unwrap();
    assert_eq!((c.a.y.min(c.b.y), c.a.y.max(c.b.y)), (0.0, 2730.0));
    // Top and bottom are one line each from 0 to 7280, split where the shared wall meets.
    assert_eq!(d.walls.len(), 7);
    assert_eq!(d.wall_centres.len(), 5);
    // The union: 7580 × 3030 outside minus two rooms' insides.
    let walls_area: f64 = d.walls.iter().map(|w| area(&w.polygon)).sum();
    let inside = 2.0 * (3640.0 - 75.0 - 60.0) * (2730.0 - 150.0);
    assert_eq!(walls_area, 7430.0 * 2880.0 - inside);
}

#[test]
fn an_opening_leaves_a_gap_exactly_its_width_at_its_offset() {
    // Edge 0 runs left to right, edge 2 right to left: offsets count from each edge's start.
    let plan = plan_of(
        vec![room("a", rect(0, 0, 3640, 2730))],
        vec![window("a", 0, 1000, 1690), window("a", 2, 400, 900)],
    );
    let d = storey_drawing(&plan, 0, &DrawingOptions::default());
    for (y, gap) in [(0.0, (1000.0, 2690.0)), (2730.0, (2340.0, 3240.0))] {
        let mut spans: Vec<(f64, f64)> = d
            .walls
            .iter()
            .filter(|w| w.centre.is_some_and(|c| c.a.y == y && c.b.y == y))
            .map(|w| (w.bounds.min.x, w.bounds.max.x))
            .collect();
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert_eq!(spans.len(), 2, "two bodies on y = {y}");
        assert_eq!((spans[0].1, spans[1].0), gap, "the gap on y = {y}");
        let jambs = d
            .wall_outline
            .iter()
            .filter_map(|s| match s {
                madori_drawing::Shape::Polyline { points, .. } => Some(points),
                _ => None,
            })
            .flat_map(|p| p.iter())
            .filter(|p| (p.x == gap.0 || p.x == gap.1) && (p.y - y).abs() == 75.0)
            .count();
        assert_eq!(jambs, 4, "both jambs square across the wall on y = {y}");
    }
    let symbol = &d.openings[0];
    assert_eq!(symbol.span.a, Pt::new(1000.0, 0.0));
    assert_eq!(symbol.span.b, Pt::new(2690.0, 0.0));
    // 引違い: two faces and two sashes.
    assert_eq!(symbol.marks.len(), 4);
}

#[test]
fn a_door_swings_into_its_room_with_a_quarter_arc() {
    let mut door = window("a", 1, 500, 780);
    door.kind = OpeningKind::Door {
        lockable: Some(true),
        operation: None,
    };
    let plan = plan_of(vec![room("a", rect(0, 0, 3640, 2730))], vec![door]);
    let d = storey_drawing(&plan, 0, &DrawingOptions::default());
    let o = &d.openings[0];
    assert_eq!(
        o.kind,
        madori_drawing::OpeningSymbolKind::Door(DoorOperation::Hinged)
    );
    let (leaf, arc) = (&o.marks[0].shape, &o.marks[1].shape);
    // Edge 1 is the right wall (x = 3640, downwards); the room lies to the left.
    match leaf {
        madori_drawing::Shape::Line(s) => {
            assert_eq!(s.a, Pt::new(3640.0 - 75.0, 500.0));
            assert_eq!(s.b, Pt::new(3640.0 - 75.0 - 780.0, 500.0));
        }
        other => panic!("leaf {other:?}"),
    }
    match arc {
        madori_drawing::Shape::Arc {
            radius, sweep_deg, ..
        } => {
            assert_eq!(*radius, 780.0);
            assert_eq!(sweep_deg.abs(), 90.0);
        }
        other => panic!("arc {other:?}"),
    }
    assert!(o.bounds.max.x <= 3640.0 && o.bounds.min.x >= 3640.0 - 75.0 - 780.0 - 1e-9);
}

/// A door on the top wall of a 3640 × 2730 room (edge 0, left to right; the room lies below,
/// so "into the room" is +y), 1000 mm from the corner, 800 wide, opening as given.
fn door_drawing(operation: Option<DoorOperation>) -> Drawing {
    let mut door = window("a", 0, 1000, 800);
    door.kind = OpeningKind::Door {
        lockable: None,
        operation,
    };
    storey_drawing(
        &plan_of(vec![room("a", rect(0, 0, 3640, 2730))], vec![door]),
        0,
        &DrawingOptions::default(),
    )
}

/// Every point of a mark (an arc by its centre and both ends).
fn mark_points(shape: &madori_drawing::Shape) -> Vec<Pt> {
    match shape {
        madori_drawing::Shape::Line(s) => vec![s.a, s.b],
        madori_drawing::Shape::Polyline { points, .. } => points.clone(),
        madori_drawing::Shape::Arc {
            centre,
            radius,
            start_deg,
            sweep_deg,
        } => [*start_deg, start_deg + sweep_deg]
            .iter()
            .map(|a| {
                let r = a.to_radians();
                Pt::new(centre.x + radius * r.cos(), centre.y + radius * r.sin())
            })
            .chain([*centre])
            .collect(),
        other => panic!("an opening mark {other:?}"),
    }
}

/// A closed polyline's corners rounded to whole mm, sorted (the shape must be one).
fn corners(shape: &madori_drawing::Shape) -> Vec<(i64, i64)> {
    closed_corners(shape).unwrap_or_else(|| panic!("a closed polyline, not {shape:?}"))
}

#[test]
fn each_door_operation_draws_its_own_symbol_in_a_gap_its_width() {
    use madori_drawing::{OpeningSymbolKind, Pen, Shape};
    // The top wall is exterior, 150 thick: its faces at y = ±75.
    let h = 75.0;
    for operation in [None].into_iter().chain(DoorOperation::ALL.map(Some)) {
        let d = door_drawing(operation);
        let o = &d.openings[0];
        let drawn_as = operation.unwrap_or(DoorOperation::Hinged);
        assert_eq!(o.kind, OpeningSymbolKind::Door(drawn_as));
        assert_eq!(
            (o.span.a, o.span.b),
            (Pt::new(1000.0, 0.0), Pt::new(1800.0, 0.0))
        );
        // The wall leaves the opening's width whatever the door.
        let mut spans: Vec<(f64, f64)> = d
            .walls
            .iter()
            .filter(|w| w.centre.is_some_and(|c| c.a.y == 0.0 && c.b.y == 0.0))
            .map(|w| (w.bounds.min.x, w.bounds.max.x))
            .collect();
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert_eq!(spans.len(), 2, "{operation:?}");
        assert_eq!((spans[0].1, spans[1].0), (1000.0, 1800.0), "{operation:?}");
        let arcs = o
            .marks
            .iter()
            .filter(|m| matches!(m.shape, Shape::Arc { .. }))
            .count();
        assert_eq!(
            arcs,
            usize::from(drawn_as == DoorOperation::Hinged),
            "{operation:?}"
        );
        let points: Vec<Pt> = o.marks.iter().flat_map(|m| mark_points(&m.shape)).collect();
        let within_span = points.iter().all(|p| (1000.0..=1800.0).contains(&p.x));
        let within_wall = points.iter().all(|p| p.y.abs() <= h);
        assert!(within_span, "{operation:?}: {points:?}");
        match drawn_as {
            DoorOperation::Hinged => {
                assert_eq!(o.marks.len(), 2);
                assert!(!within_wall, "a swing reaches into the room");
            }
            DoorOperation::Sliding => {
                assert_eq!(o.marks.len(), 3);
                assert!(within_wall, "{points:?}");
                // The leaf closed across the whole opening on the room's side of the centre
                // line (a third of the half thickness in, 30 thick), …
                assert_eq!(o.marks[0].pen, Pen::Medium);
                assert_eq!(
                    corners(&o.marks[0].shape),
                    [(1000, 10), (1000, 40), (1800, 10), (1800, 40)]
                );
                // … and on the other side an arrow towards the start, where it slides.
                match o.marks[1].shape {
                    Shape::Line(s) => {
                        assert_eq!((s.a, s.b), (Pt::new(1600.0, -25.0), Pt::new(1200.0, -25.0)))
                    }
                    ref other => panic!("the arrow's shaft {other:?}"),
                }
                assert_eq!(o.marks[2].pen, Pen::Fill);
                assert_eq!(
                    corners(&o.marks[2].shape),
                    [(1200, -25), (1250, -50), (1250, 0)]
                );
            }
            DoorOperation::DoubleSliding => {
                assert_eq!(o.marks.len(), 2);
                assert!(within_wall, "{points:?}");
                // Each leaf a little over half the width, overlapping 80 mm at the centre,
                // one on either side of the centre line.
                assert_eq!(
                    corners(&o.marks[0].shape),
                    [(1000, 10), (1000, 40), (1440, 10), (1440, 40)]
                );
                assert_eq!(
                    corners(&o.marks[1].shape),
                    [(1360, -40), (1360, -10), (1800, -40), (1800, -10)]
                );
            }
            DoorOperation::Folding => {
                assert_eq!(o.marks.len(), 2);
                // Two leaves of 400 folded at 60° from the hinge on the room's wall face,
                // the free end on the face at the middle of the opening.
                let ends: Vec<Pt> = o.marks.iter().flat_map(|m| mark_points(&m.shape)).collect();
                let depth = 400.0 * 60_f64.to_radians().sin();
                let expected = [
                    Pt::new(1000.0, h),
                    Pt::new(1200.0, h + depth),
                    Pt::new(1200.0, h + depth),
                    Pt::new(1400.0, h),
                ];
                for (p, q) in ends.iter().zip(expected) {
                    assert!(
                        (p.x - q.x).abs() < 1e-9 && (p.y - q.y).abs() < 1e-9,
                        "{ends:?}"
                    );
                }
            }
        }
        assert_eq!(
            o.kind.reaches_into_room(),
            matches!(drawn_as, DoorOperation::Hinged | DoorOperation::Folding)
        );
    }
}

#[test]
fn a_hinged_door_is_drawn_as_a_door_without_an_operation() {
    assert_eq!(
        door_drawing(Some(DoorOperation::Hinged)).openings,
        door_drawing(None).openings
    );
}

#[test]
fn dimension_chains_sum_to_the_overall_and_stand_only_on_top_and_left() {
    for (name, top, left) in [
        // The 公団 balcony is 1200 deep, off the 910 module.
        (
            "kodan-3dk",
            vec![2730, 910, 1820, 1820, 1820],
            vec![1200, 3640, 1820, 910],
        ),
        (
            "wooden-house-4ldk",
            vec![1820, 910, 1820, 1820, 910],
            vec![3640, 910, 1820, 910, 910],
        ),
    ] {
        let plan = template(name);
        let d = storey_drawing(&plan, 0, &DrawingOptions::default());
        let values = |role: DimensionRole, side: Side| -> Vec<i64> {
            d.dimensions
                .iter()
                .filter(|x| x.role == role && x.side == Some(side))
                .map(|x| x.value_mm)
                .collect()
        };
        assert_eq!(values(DimensionRole::Chain, Side::Top), top, "{name}");
        assert_eq!(values(DimensionRole::Chain, Side::Left), left, "{name}");
        assert!(top.iter().all(|v| v % 910 == 0));
        for side in [Side::Top, Side::Left] {
            let chain = values(DimensionRole::Chain, side);
            let overall = values(DimensionRole::Overall, side);
            assert_eq!(overall.len(), 1);
            assert_eq!(chain.iter().sum::<i64>(), overall[0], "{name} {side:?}");
        }
        for side in [Side::Bottom, Side::Right] {
            assert!(values(DimensionRole::Chain, side).is_empty());
            assert_eq!(values(DimensionRole::Overall, side).len(), 1);
        }
        // Each chain stands outside the outline, and the overall further out.
        let b = d.plan_bounds.unwrap();
        for dim in &d.dimensions {
            match dim.side {
                Some(Side::Top) => assert!(dim.line_from.y < b.min.y),
                Some(Side::Left) => assert!(dim.line_from.x < b.min.x),
                Some(Side::Bottom) => assert!(dim.line_from.y > b.max.y),
                Some(Side::Right) => assert!(dim.line_from.x > b.max.x),
                None => panic!("an outline dimension has a side"),
            }
        }
    }
    // The offsets are paper millimetres: 10 mm at 1:100 is 1000 mm, at 1:50 500 mm.
    let plan = template("kodan-3dk");
    for (scale, offset) in [
        (Scale::S50, 500.0),
        (Scale::S100, 1000.0),
        (Scale::S200, 2000.0),
    ] {
        let d = storey_drawing(
            &plan,
            0,
            &DrawingOptions {
                scale,
                ..DrawingOptions::default()
            },
        );
        let chain = d
            .dimensions
            .iter()
            .find(|x| x.role == DimensionRole::Chain && x.side == Some(Side::Top))
            .unwrap();
        assert_eq!(chain.from.y - chain.line_from.y, offset);
    }
}

#[test]
fn a_selected_room_gets_its_edges_dimensioned_outside_it() {
    let plan = template("kodan-3dk");
    let dims = room_dimensions(&plan, 0, "r1");
    let values: Vec<i64> = dims.iter().map(|d| d.value_mm).collect();
    assert_eq!(values, [2730, 3640, 2730, 3640]);
    let r = &plan.storeys[0].rooms[0];
    for d in &dims {
        let mid = Pt::new(
            (d.line_from.x + d.line_to.x) / 2.0,
            (d.line_from.y + d.line_to.y) / 2.0,
        );
        let inside = mid.x > 0.0 && mid.x < 2730.0 && mid.y > 0.0 && mid.y < 3640.0;
        assert!(!inside, "{d:?} stands outside {}", r.name);
    }
    assert!(room_dimensions(&plan, 0, "nope").is_empty());
    assert!(room_dimensions(&plan, 7, "r1").is_empty());
}

fn inside_or_on(polygon: &[PointMm], p: Pt) -> bool {
    let n = polygon.len();
    let mut inside = false;
    for i in 0..n {
        let (a, b) = (Pt::from(polygon[i]), Pt::from(polygon[(i + 1) % n]));
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let t = (((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
        if (a.x + t * dx - p.x).hypot(a.y + t * dy - p.y) < 1e-6 {
            return true;
        }
        if (a.y > p.y) != (b.y > p.y) && p.x < a.x + (p.y - a.y) * dx / dy {
            inside = !inside;
        }
    }
    inside
}

#[test]
fn fixtures_stand_in_their_rooms_and_labels_keep_clear_of_them_on_every_template() {
    for (name, _) in templates::TEMPLATES {
        let plan = template(name);
        for scale in [Scale::S50, Scale::S100] {
            for (s, storey) in plan.storeys.iter().enumerate() {
                let d = storey_drawing(
                    &plan,
                    s,
                    &DrawingOptions {
                        scale,
                        ..DrawingOptions::default()
                    },
                );
                assert_eq!(d.fixtures.len(), storey.fixtures.len());
                for f in &d.fixtures {
                    let room = storey.rooms.iter().find(|r| r.id == f.room).unwrap();
                    for c in f.footprint {
                        assert!(
                            inside_or_on(&room.polygon, c),
                            "{name}: {} corner {c:?} outside {}",
                            f.id,
                            room.name
                        );
                    }
                }
                assert_eq!(d.labels.len(), storey.rooms.len());
                for l in &d.labels {
                    assert!(l.clear, "{name} {scale:?}: label of {} not clear", l.room);
                    for f in d.fixtures.iter().filter(|f| f.room == l.room) {
                        assert!(
                            !l.bounds.overlaps(&f.bounds),
                            "{name} {scale:?}: label of {} over {}",
                            l.room,
                            f.id
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn fixtures_face_their_nearest_wall_at_true_size() {
    let plan = template("kodan-3dk");
    let d = storey_drawing(&plan, 0, &DrawingOptions::default());
    let toilet = d.fixtures.iter().find(|f| f.id == "1f-f1").unwrap();
    // The toilet at (3185, 5150) is 310 from the bottom wall (y = 5460, 150 thick).
    assert_eq!(toilet.into, Pt::new(0.0, -1.0));
    assert_eq!(toilet.origin, Pt::new(3185.0, 5460.0 - 75.0));
    assert_eq!((toilet.length_mm, toilet.depth_mm), (400.0, 700.0));
    let kitchen = d.fixtures.iter().find(|f| f.id == "1f-f5").unwrap();
    assert_eq!((kitchen.length_mm, kitchen.depth_mm), (1800.0, 650.0));
    // Against the right wall (x = 9100, 180 thick), slid down clear of the top wall.
    assert_eq!(kitchen.into, Pt::new(-1.0, 0.0));
    assert_eq!(kitchen.bounds.max.x, 9100.0 - 90.0);
    assert_eq!(kitchen.bounds.min.y, 90.0);
    let label = d.labels.iter().find(|l| l.room == "wc").unwrap();
    assert_eq!(label.lines[0].text, "便所");
    assert_eq!(label.lines[1].text, "1.65㎡");
    assert_eq!(label.lines[2].text, "1.0帖");
}

#[test]
fn areas_follow_the_rounding_and_jo_round_down() {
    // 2730 × 3640 = 9.9372 ㎡: 9.93 ㎡ truncated, 9.94 rounded up; 6.1 帖 either way.
    let plan = template("kodan-3dk");
    for (rounding, text) in [
        (madori_rules::numbers::Rounding::Truncate, "9.93㎡"),
        (madori_rules::numbers::Rounding::Up, "9.94㎡"),
    ] {
        let d = storey_drawing(
            &plan,
            0,
            &DrawingOptions {
                rounding,
                ..DrawingOptions::default()
            },
        );
        let l = d.labels.iter().find(|l| l.room == "r1").unwrap();
        assert_eq!(l.lines[1].text, text);
        assert_eq!(l.lines[2].text, "6.1帖");
    }
    let interior = storey_drawing(
        &plan,
        0,
        &DrawingOptions {
            area_basis: madori_drawing::AreaBasis::Interior,
            ..DrawingOptions::default()
        },
    );
    let l = interior.labels.iter().find(|l| l.room == "r1").unwrap();
    assert!(l.area_m2.unwrap() < 9.9372);
}

#[test]
fn the_svg_is_to_scale_on_paper() {
    let plan = plan_of(vec![room("a", rect(0, 0, 3640, 2730))], Vec::new());
    for scale in Scale::ALL {
        let d = storey_drawing(
            &plan,
            0,
            &DrawingOptions {
                scale,
                ..DrawingOptions::default()
            },
        );
        let sheet = svg(&d, &SvgOptions::default());
        let k = f64::from(scale.denominator());
        let (w, h) = (d.extent.width() / k, d.extent.height() / k);
        assert_eq!(w.fract(), 0.0, "whole paper millimetres");
        assert!(sheet.contains(&format!(r#"width="{w}mm" height="{h}mm""#)));
        assert!(sheet.contains(&format!(
            r#"viewBox="{} {} {} {}""#,
            d.extent.min.x,
            d.extent.min.y,
            d.extent.width(),
            d.extent.height()
        )));
        // The 3640 mm wall's centre line is 3640 user units (36.4 mm on paper at 1:100).
        assert!(sheet.contains("M0 0L3640 0"));
        assert!(sheet.contains(">3640</text>"));
        // Walls 0.5 mm, dimensions 0.13 mm on paper.
        assert!(sheet.contains(&format!(r#"stroke-width="{}" stroke-linejoin"#, 0.5 * k)));
    }
    for (name, _) in templates::TEMPLATES {
        let plan = template(name);
        for s in 0..plan.storeys.len() {
            let sheet = svg(
                &storey_drawing(&plan, s, &DrawingOptions::default()),
                &SvgOptions::default(),
            );
            for r in &plan.storeys[s].rooms {
                assert!(
                    sheet.contains(&format!(">{}</text>", r.name)),
                    "{name}: {}",
                    r.name
                );
            }
            assert!(sheet.contains("Hiragino Sans"));
        }
    }
}

#[test]
fn grid_lines_that_carry_walls_get_axis_symbols() {
    let plan = template("kodan-3dk");
    let d = storey_drawing(&plan, 0, &DrawingOptions::default());
    let labels: Vec<(String, i64)> = d
        .grid
        .iter()
        .filter_map(|g| g.label.as_ref().map(|l| (l.text.clone(), g.at_mm)))
        .collect();
    let xs: Vec<_> = labels.iter().filter(|l| l.0.starts_with('X')).collect();
    assert_eq!(xs[0], &("X1".to_owned(), 0));
    assert_eq!(xs.last().unwrap(), &&("X6".to_owned(), 9100));
    // Y1 at the bottom.
    let y1 = labels.iter().find(|l| l.0 == "Y1").unwrap();
    assert_eq!(y1.1, 6370);
    assert!(d.grid.iter().all(|g| g.at_mm % 910 == 0));
    let off = storey_drawing(
        &plan,
        0,
        &DrawingOptions {
            module: madori_drawing::Module::Off,
            ..DrawingOptions::default()
        },
    );
    assert!(off.grid.is_empty());
}

#[test]
fn bad_indices_and_odd_options_give_a_drawing_not_a_panic() {
    let plan = template("kodan-3dk");
    let empty = storey_drawing(&plan, 9, &DrawingOptions::default());
    assert!(empty.walls.is_empty() && empty.labels.is_empty());
    assert!(empty.extent.width() > 0.0);
    let d = storey_drawing(
        &plan,
        0,
        &DrawingOptions {
            north_deg: f64::NAN,
            ..DrawingOptions::default()
        },
    );
    assert!(!svg(&d, &SvgOptions::default()).contains("NaN"));
}

/// A grid of cells (column widths × row heights), some left empty, each other cell a room.
fn grid_plan(columns: &[i64], rows: &[i64], empty: &[bool], thick: &[Option<u32>]) -> Plan {
    let mut rooms = Vec::new();
    let mut y = 0;
    for (j, h) in rows.iter().enumerate() {
        let mut x = 0;
        for (i, w) in columns.iter().enumerate() {
            let k = j * columns.len() + i;
            if !empty.get(k).copied().unwrap_or(false)
                || rooms.is_empty() && k + 1 == columns.len() * rows.len()
            {
                let mut r = room(&format!("c{k}"), rect(x, y, x + w, y + h));
                r.wall_thickness_mm = (0..4)
                    .map(|e| thick.get(k * 4 + e).copied().flatten())
                    .collect();
                rooms.push(r);
            }
            x += w;
        }
        y += h;
    }
    plan_of(rooms, Vec::new())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// On any wall of a room of either winding, at any offset and width, a sliding door's
    /// marks stay within the opening's span and the wall's thickness, a folding door's within
    /// the first half of the span and on the room's side, and no door but a hinged one has
    /// an arc.
    #[test]
    fn door_symbols_stay_where_their_operation_puts_them(
        w in 900_i64..6000,
        h in 900_i64..6000,
        reversed in any::<bool>(),
        edge in 0_usize..4,
        share in 0.0_f64..1.0,
        at in 0.0_f64..1.0,
        thickness in prop::sample::select(vec![60_u32, 90, 120, 150, 240]),
        operation in prop::sample::select(DoorOperation::ALL.to_vec()),
    ) {
        let mut polygon = rect(0, 0, w, h);
        if reversed {
            polygon.reverse();
        }
        let (a, b) = (polygon[edge], polygon[(edge + 1) % 4]);
        let len = (b.x - a.x).abs() + (b.y - a.y).abs();
        let width = ((len as f64 * share) as u32).clamp(1, len as u32);
        let offset = ((len as u32 - width) as f64 * at) as u32;
        let mut r = room("a", polygon);
        r.wall_thickness_mm = vec![Some(thickness); 4];
        let mut door = window("a", edge, offset, width);
        door.kind = OpeningKind::Door { lockable: None, operation: Some(operation) };
        let d = storey_drawing(&plan_of(vec![r], vec![door]), 0, &DrawingOptions::default());
        let o = &d.openings[0];
        // Local frame: `s` along the edge from the opening's start, `n` into the room (the
        // room is the rectangle, so into it is towards its centre).
        let (pa, pb) = (Pt::from(a), Pt::from(b));
        let len_f = len as f64;
        let u = Pt::new((pb.x - pa.x) / len_f, (pb.y - pa.y) / len_f);
        let mid = Pt::new(w as f64 / 2.0, h as f64 / 2.0);
        let side = (mid.x - pa.x) * -u.y + (mid.y - pa.y) * u.x;
        let n = if side > 0.0 { Pt::new(-u.y, u.x) } else { Pt::new(u.y, -u.x) };
        let start = Pt::new(pa.x + u.x * f64::from(offset), pa.y + u.y * f64::from(offset));
        let half = f64::from(thickness) / 2.0;
        let width = f64::from(width);
        let eps = 1e-6;
        let arcs = o.marks.iter().filter(|m| matches!(m.shape, madori_drawing::Shape::Arc { .. })).count();
        prop_assert_eq!(arcs, usize::from(operation == DoorOperation::Hinged));
        for p in o.marks.iter().flat_map(|m| mark_points(&m.shape)) {
            prop_assert!(p.x.is_finite() && p.y.is_finite());
            let (dx, dy) = (p.x - start.x, p.y - start.y);
            let (s, into) = (dx * u.x + dy * u.y, dx * n.x + dy * n.y);
            match operation {
                DoorOperation::Sliding | DoorOperation::DoubleSliding => {
                    prop_assert!(-eps <= s && s <= width + eps, "{:?} s {}", operation, s);
                    prop_assert!(into.abs() <= half + eps, "{:?} across {}", operation, into);
                }
                DoorOperation::Folding => {
                    prop_assert!(-eps <= s && s <= width / 2.0 + eps, "folding s {}", s);
                    prop_assert!(half - eps <= into && into <= half + width / 2.0 + eps, "folding into {}", into);
                }
                DoorOperation::Hinged => {
                    prop_assert!(into >= half - eps, "hinged into {}", into);
                }
            }
        }
    }

    #[test]
    fn every_wall_centre_is_covered_once_and_bodies_never_overlap(
        columns in prop::collection::vec(prop::sample::select(vec![455_i64, 910, 1365, 1820, 2730]), 1..5),
        rows in prop::collection::vec(prop::sample::select(vec![455_i64, 910, 1820, 3640]), 1..4),
        empty in prop::collection::vec(prop::bool::weighted(0.25), 16),
        thick in prop::collection::vec(prop::option::weighted(0.2, prop::sample::select(vec![90_u32, 120, 180, 240])), 64),
    ) {
        let plan = grid_plan(&columns, &rows, &empty, &thick);
        let d = storey_drawing(&plan, 0, &DrawingOptions::default());
        for w in &d.walls {
            prop_assert!(w.polygon.iter().all(|p| p.x.is_finite() && p.y.is_finite()));
            prop_assert!(area(&w.polygon) > 0.0);
        }
        // Every room edge's centre line is covered by body centres exactly once.
        for r in &plan.storeys[0].rooms {
            for e in 0..4 {
                let (a, b) = (Pt::from(r.polygon[e]), Pt::from(r.polygon[(e + 1) % 4]));
                let horizontal = a.y == b.y;
                let (lo, hi) = if horizontal { (a.x.min(b.x), a.x.max(b.x)) } else { (a.y.min(b.y), a.y.max(b.y)) };
                let mut spans: Vec<(f64, f64)> = d.walls.iter().filter_map(|w| w.centre).filter(|c| {
                    if horizontal { c.a.y == a.y && c.b.y == a.y } else { c.a.x == a.x && c.b.x == a.x }
                }).map(|c| {
                    let (p, q) = if horizontal { (c.a.x, c.b.x) } else { (c.a.y, c.b.y) };
                    (p.min(q).max(lo), p.max(q).min(hi))
                }).filter(|(p, q)| q > p).collect();
                spans.sort_by(|x, y| x.0.total_cmp(&y.0));
                let covered: f64 = spans.iter().map(|(p, q)| q - p).sum();
                prop_assert_eq!(covered, hi - lo, "edge {} of {}", e, r.id);
                for w in spans.windows(2) {
                    prop_assert!(w[0].1 <= w[1].0, "centres overlap on edge {} of {}", e, r.id);
                }
            }
        }
        // No two bodies overlap by more than rounding.
        let polys: Vec<Polygon<f64>> = d.walls.iter().map(|w| to_geo(&w.polygon)).collect();
        for i in 0..polys.len() {
            for j in (i + 1)..polys.len() {
                if d.walls[i].bounds.overlaps(&d.walls[j].bounds) {
                    let shared = polys[i].intersection(&polys[j]).unsigned_area();
                    prop_assert!(shared < 1.0, "bodies {} and {} share {} mm²", i, j, shared);
                }
            }
        }
    }
}

#[test]
fn crowded_chain_values_move_out_a_row_and_never_overlap() {
    // Walls at 2730, 2880 and 3030 along the top: two 150 mm steps whose values, 3.6 mm wide
    // on paper at 1:100, would run into each other on one row.
    let rooms = vec![
        room("a", rect(0, 0, 2730, 1820)),
        room("c", rect(2730, 0, 5460, 1820)),
        room("b", rect(0, 1820, 2880, 3640)),
        room("d", rect(2880, 1820, 5460, 3640)),
        room("e", rect(0, 3640, 3030, 5460)),
        room("f", rect(3030, 3640, 5460, 5460)),
    ];
    let plan = plan_of(rooms, Vec::new());
    assert!(validate::validate(&plan).is_empty());
    let d = storey_drawing(&plan, 0, &DrawingOptions::default());
    let top: Vec<&madori_drawing::Dimension> = d
        .dimensions
        .iter()
        .filter(|x| x.role == DimensionRole::Chain && x.side == Some(Side::Top))
        .collect();
    assert_eq!(
        top.iter().map(|x| x.value_mm).collect::<Vec<_>>(),
        [2730, 150, 150, 2430]
    );
    for (i, a) in top.iter().enumerate() {
        for b in &top[i + 1..] {
            assert!(
                !a.text_bounds().overlaps(&b.text_bounds()),
                "{} and {}",
                a.value_mm,
                b.value_mm
            );
        }
    }
    // The second 150 moved out one row; every value stays between its chain and the overall.
    assert!(top[2].text.at.y < top[1].text.at.y);
    let overall = d
        .dimensions
        .iter()
        .find(|x| x.role == DimensionRole::Overall && x.side == Some(Side::Top))
        .unwrap();
    for x in &top {
        let b = x.text_bounds();
        assert!(
            b.max.y < x.line_from.y && b.min.y > overall.line_from.y,
            "{}",
            x.value_mm
        );
    }
    // Roomy chains keep one row (the templates).
    let d = storey_drawing(&template("kodan-3dk"), 0, &DrawingOptions::default());
    let rows: std::collections::BTreeSet<i64> = d
        .dimensions
        .iter()
        .filter(|x| x.role == DimensionRole::Chain && x.side == Some(Side::Top))
        .map(|x| x.text.at.y.round() as i64)
        .collect();
    assert_eq!(rows.len(), 1);
}
