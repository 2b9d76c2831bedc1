//! 改修 marks (issue 10): a proposal's 平面図 shows the walls it takes out dashed and the
//! walls it adds hatched, each at the wall's thickness, exactly where the change list says.

use madori_drawing::renovation::{mark, HATCH_SPACING_MM};
use madori_drawing::{storey_drawing, svg, DrawingOptions, Pt, SvgOptions};
use madori_editor::{Command, Editor};
use madori_plan::{format, templates, Plan, PointMm};

/// The shared wooden house, and the same with 1980 mm of its LDK partitioned off.
fn existing_and_proposed() -> (Plan, Plan) {
    let before = format::from_json(templates::get("wooden-house-shared").unwrap()).unwrap();
    let ldk = &before.storeys[0]
        .rooms
        .iter()
        .find(|r| r.id == "ldk")
        .unwrap()
        .polygon;
    let max_x = ldk.iter().map(|p| p.x).max().unwrap();
    let (min_y, max_y) = (
        ldk.iter().map(|p| p.y).min().unwrap(),
        ldk.iter().map(|p| p.y).max().unwrap(),
    );
    let x = max_x - 1980;
    let mut ed = Editor::new(before.clone());
    ed.apply(Command::SplitRoom {
        room: "ldk".into(),
        a: PointMm::new(x, min_y),
        b: PointMm::new(x, max_y),
        new_id: "new".into(),
    })
    .unwrap();
    (before, ed.plan)
}

fn inside(p: Pt, outline: &[Pt]) -> bool {
    let xs = outline.iter().map(|q| q.x);
    let ys = outline.iter().map(|q| q.y);
    let (x0, x1) = (
        xs.clone().fold(f64::MAX, f64::min),
        xs.fold(f64::MIN, f64::max),
    );
    let (y0, y1) = (
        ys.clone().fold(f64::MAX, f64::min),
        ys.fold(f64::MIN, f64::max),
    );
    (x0 - 1e-6..=x1 + 1e-6).contains(&p.x) && (y0 - 1e-6..=y1 + 1e-6).contains(&p.y)
}

#[test]
fn a_new_partition_is_hatched_at_its_thickness_along_its_whole_length() {
    let (before, after) = existing_and_proposed();
    let options = DrawingOptions::default();
    let mut drawing = storey_drawing(&after, 0, &options);
    mark(&mut drawing, &before, &after);
    assert_eq!(drawing.renovation.len(), 1, "{:?}", drawing.renovation);
    let wall = &drawing.renovation[0];
    assert!(wall.added);
    assert!((wall.centre.length() - 4550.0).abs() < 1e-9);
    // As thick as the new wall's body in the drawing (a wooden partition).
    let width =
        (wall.outline[0].x - wall.outline[3].x).hypot(wall.outline[0].y - wall.outline[3].y);
    let body = drawing
        .walls
        .iter()
        .find(|b| {
            b.centre.is_some_and(|c| {
                (c.a.x - wall.centre.a.x).abs() < 1e-9 && (c.b.x - wall.centre.a.x).abs() < 1e-9
            })
        })
        .expect("the new wall's body");
    assert!((width - f64::from(body.thickness_mm)).abs() < 1e-9);
    // Hatch lines lie inside the outline, 1.5 mm apart on paper along the wall.
    let spacing = options.scale.plan_mm(HATCH_SPACING_MM);
    assert!(!wall.hatch.is_empty());
    for h in &wall.hatch {
        assert!(
            inside(h.a, &wall.outline) && inside(h.b, &wall.outline),
            "{h:?}"
        );
        // 45°: equal runs along and across the wall.
        assert!(
            ((h.b.x - h.a.x).abs() - (h.b.y - h.a.y).abs()).abs() < 1e-6,
            "{h:?}"
        );
    }
    let expected = (4550.0 + width) / spacing;
    assert!(
        (wall.hatch.len() as f64 - expected).abs() <= 1.0,
        "{} vs {expected}",
        wall.hatch.len()
    );
    let sheet = svg(&drawing, &SvgOptions::default());
    assert!(sheet.contains(r#"data-layer="改修""#));
    assert!(sheet.contains(r#"class="wall-added""#));
    assert!(!sheet.contains(r#"class="wall-removed""#));
}

#[test]
fn a_wall_taken_out_is_dashed_and_an_unchanged_plan_has_no_marks() {
    let (existing, proposed) = existing_and_proposed();
    // Going from the proposal back to the existing plan takes its partition out.
    let mut gone = storey_drawing(&existing, 0, &DrawingOptions::default());
    mark(&mut gone, &proposed, &existing);
    assert_eq!(gone.renovation.len(), 1);
    assert!(!gone.renovation[0].added);
    assert!(gone.renovation[0].hatch.is_empty());
    let sheet = svg(&gone, &SvgOptions::default());
    assert!(sheet.contains(r#"class="wall-removed""#));
    assert!(
        sheet.contains(r#"stroke-dasharray="200 100""#),
        "2 mm dashes at 1:100"
    );
    let mut same = storey_drawing(&existing, 0, &DrawingOptions::default());
    mark(&mut same, &existing, &existing);
    assert!(same.renovation.is_empty());
    assert!(!svg(&same, &SvgOptions::default()).contains("wall-added"));
}
