//! The 求積表 model against hand-worked numbers: a 3640 × 2730 room, an L-shaped room cut into
//! rectangles, a room with a 45° wall by the coordinate method, the shipped templates against
//! [`PlanAreas`], the rounding setting, and a property over random staircase outlines.

use madori_plan::geometry::{first_self_intersection, signed_area_twice_mm2};
use madori_plan::{format, templates, Dwelling, Plan, PointMm, Room, RoomKind, Storey};
use madori_rules::area::{wall_centre_area_m2, PlanAreas};
use madori_rules::area_table::{area_table, AreaTable, Method};
use madori_rules::numbers::Rounding;
use proptest::prelude::*;

fn pts(points: &[(i64, i64)]) -> Vec<PointMm> {
    points.iter().map(|&(x, y)| PointMm::new(x, y)).collect()
}

fn rect(x: i64, y: i64, w: i64, h: i64) -> Vec<PointMm> {
    pts(&[(x, y), (x + w, y), (x + w, y + h), (x, y + h)])
}

fn room(id: &str, kind: RoomKind, polygon: Vec<PointMm>) -> Room {
    Room {
        id: id.into(),
        name: format!("室{id}"),
        kind,
        polygon,
        wall_thickness_mm: vec![],
        belongs_to: None,
        occupancy: None,
        lockable: false,
        mechanical_ventilation: false,
        ceiling_height_mm: None,
    }
}

/// A plan with one storey per list of rooms.
fn plan(storeys: Vec<Vec<Room>>) -> Plan {
    Plan {
        format_version: format::FORMAT_VERSION,
        name: "test".into(),
        dwelling: Dwelling::default(),
        storeys: storeys
            .into_iter()
            .enumerate()
            .map(|(i, rooms)| Storey {
                id: format!("s{}", i + 1),
                name: format!("{}F", i + 1),
                ceiling_height_mm: Some(2400),
                rooms,
                openings: vec![],
                fixtures: vec![],
                underlay: None,
            })
            .collect(),
        check: None,
        variants: Vec::new(),
        images: Vec::new(),
    }
}

fn one_room(polygon: Vec<PointMm>) -> Plan {
    plan(vec![vec![room("a", RoomKind::Private, polygon)]])
}

/// A printed two-decimal number in hundredths.
fn hundredths(text: &str) -> i64 {
    let (whole, fraction) = text.split_once('.').unwrap();
    assert_eq!(fraction.len(), 2, "{text}");
    whole.parse::<i64>().unwrap() * 100 + fraction.parse::<i64>().unwrap()
}

#[test]
fn a_3640_by_2730_room_is_one_line() {
    let table = area_table(&one_room(rect(0, 0, 3640, 2730)), Rounding::Truncate);
    let line = &table.storeys[0].rooms[0];
    assert_eq!(line.label, "A1");
    assert_eq!(
        (line.room_id.as_str(), line.room_name.as_str()),
        ("a", "室a")
    );
    assert_eq!(line.method, Method::Rectangle);
    assert_eq!(line.formula, "3.640 × 2.730");
    assert_eq!(line.area_m2, "9.93", "9.9372 truncated");
    assert_eq!(line.exact_m2, "9.9372");
    assert!(line.parts.is_empty() && line.terms.is_empty());
    let subtotal = &table.storeys[0].subtotal;
    assert_eq!(subtotal.area_m2, "9.93");
    assert_eq!(subtotal.jo, "6.1", "9.9372 / 1.62 = 6.134…, rounded down");
    assert_eq!(
        subtotal.tsubo, "3.00",
        "9.9372 × 121 / 400 = 3.006…, rounded down"
    );
    assert_eq!(table.total, *subtotal);
    assert_eq!(table.rounding_ja, "切捨");
}

#[test]
fn a_rectangle_with_a_vertex_in_the_middle_of_a_wall_is_still_one_rectangle() {
    let polygon = pts(&[(0, 0), (1820, 0), (3640, 0), (3640, 2730), (0, 2730)]);
    let line = &area_table(&one_room(polygon), Rounding::Truncate).storeys[0].rooms[0];
    assert_eq!(line.method, Method::Rectangle);
    assert_eq!(line.formula, "3.640 × 2.730");
}

#[test]
fn an_l_shaped_room_is_cut_into_rectangles_that_add_up_exactly() {
    // 3640 square less its 1820 × 1820 lower-right quarter: 13.2496 − 3.3124 = 9.9372 ㎡.
    let polygon = pts(&[
        (0, 0),
        (3640, 0),
        (3640, 1820),
        (1820, 1820),
        (1820, 3640),
        (0, 3640),
    ]);
    let twice = signed_area_twice_mm2(&polygon).abs();
    let table = area_table(&one_room(polygon), Rounding::Truncate);
    let line = &table.storeys[0].rooms[0];
    assert_eq!(line.method, Method::Rectangles);
    assert_eq!(line.formula, "1.820 × 3.640 + 1.820 × 1.820");
    let labels: Vec<&str> = line.parts.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["A1-1", "A1-2"]);
    let exact: Vec<&str> = line.parts.iter().map(|p| p.exact_m2.as_str()).collect();
    assert_eq!(exact, ["6.6248", "3.3124"]);
    let sum: i128 = line
        .parts
        .iter()
        .map(|p| 2 * i128::from(p.width_mm) * i128::from(p.height_mm))
        .sum();
    assert_eq!(sum, twice);
    assert_eq!(line.exact_m2, "9.9372");
    assert_eq!(line.area_m2, "9.93");
}

#[test]
fn a_room_with_a_45_degree_wall_uses_the_coordinate_method() {
    // 3640 square less a right triangle of legs 1820: 13.2496 − 1.6562 = 11.5934 ㎡.
    let polygon = pts(&[(0, 0), (3640, 0), (3640, 1820), (1820, 3640), (0, 3640)]);
    let expected = wall_centre_area_m2(&polygon);
    let line = area_table(&one_room(polygon), Rounding::Truncate).storeys[0].rooms[0].clone();
    assert_eq!(line.method, Method::Coordinates);
    assert!(line.parts.is_empty());
    assert!((line.exact_m2_value - expected).abs() < 1e-12);
    assert_eq!(line.exact_m2, "11.5934");
    assert_eq!(line.area_m2, "11.59");
    assert_eq!(line.formula, "½ × |Σ xᵢ(yᵢ₊₁ − yᵢ₋₁)| = ½ × |23.1868|");
    let terms: Vec<(&str, &str)> = line
        .terms
        .iter()
        .map(|t| (t.formula.as_str(), t.value_m2.as_str()))
        .collect();
    assert_eq!(
        terms,
        [
            ("0.000 × (0.000 − 3.640)", "0"),
            ("3.640 × (1.820 − 0.000)", "6.6248"),
            ("3.640 × (3.640 − 0.000)", "13.2496"),
            ("1.820 × (3.640 − 1.820)", "3.3124"),
            ("0.000 × (0.000 − 3.640)", "0"),
        ]
    );
}

#[test]
fn a_reversed_outline_gives_the_same_lines() {
    let mut polygon = pts(&[
        (0, 0),
        (3640, 0),
        (3640, 1820),
        (1820, 1820),
        (1820, 3640),
        (0, 3640),
    ]);
    let forward = area_table(&one_room(polygon.clone()), Rounding::Truncate);
    polygon.reverse();
    let backward = area_table(&one_room(polygon), Rounding::Truncate);
    assert_eq!(forward, backward);
}

/// Every template: the table's exact sums equal [`PlanAreas`] before rounding, each line's
/// exact area is the room's wall-centre area, the printed total is the sum of the printed
/// subtotals, and balconies are named apart.
#[test]
fn templates_agree_with_plan_areas() {
    for (name, json) in templates::TEMPLATES {
        let plan = format::from_json(json).unwrap();
        let areas = PlanAreas::compute(&plan);
        let table = area_table(&plan, Rounding::Truncate);
        assert!(
            (table.total.exact_m2_value - areas.dwelling_wall_centre_m2).abs() < 1e-9,
            "{name}"
        );
        assert_eq!(table.storeys.len(), plan.storeys.len());
        let mut printed_total = 0;
        for ((storey_table, storey_area), storey) in
            table.storeys.iter().zip(&areas.storeys).zip(&plan.storeys)
        {
            assert!(
                (storey_table.subtotal.exact_m2_value - storey_area.wall_centre_m2).abs() < 1e-9,
                "{name} {}",
                storey.id
            );
            let counted: Vec<&Room> = storey
                .rooms
                .iter()
                .filter(|r| r.kind.counts_as_floor_area())
                .collect();
            assert_eq!(storey_table.rooms.len(), counted.len());
            for (i, (line, room)) in storey_table.rooms.iter().zip(&counted).enumerate() {
                assert_eq!(line.room_id, room.id);
                assert_eq!(line.label, format!("{}{}", storey_table.letter, i + 1));
                assert!((line.exact_m2_value - wall_centre_area_m2(&room.polygon)).abs() < 1e-9);
                // Under 切捨 a printed line never exceeds its exact area.
                assert!(hundredths(&line.area_m2) as f64 / 100.0 <= line.exact_m2_value + 1e-12);
            }
            let balconies: Vec<&str> = storey
                .rooms
                .iter()
                .filter(|r| r.kind == RoomKind::Balcony)
                .map(|r| r.id.as_str())
                .collect();
            let excluded: Vec<&str> = storey_table
                .excluded
                .iter()
                .map(|(id, _)| id.as_str())
                .collect();
            assert_eq!(excluded, balconies, "{name}");
            printed_total += hundredths(&storey_table.subtotal.area_m2);
        }
        assert_eq!(hundredths(&table.total.area_m2), printed_total, "{name}");
    }
}

#[test]
fn the_kodan_template_has_its_balcony_apart() {
    let plan = format::from_json(templates::get("kodan-3dk").unwrap()).unwrap();
    let table = area_table(&plan, Rounding::Truncate);
    assert_eq!(table.storeys[0].excluded.len(), 1);
    assert_eq!(table.total.area_m2, "57.96", "57.967… truncated");
}

fn printed(table: &AreaTable) -> (Vec<String>, String, String) {
    (
        table.storeys[0]
            .rooms
            .iter()
            .map(|l| l.area_m2.clone())
            .collect(),
        table.storeys[0].subtotal.area_m2.clone(),
        table.total.area_m2.clone(),
    )
}

#[test]
fn the_rounding_setting_changes_the_printed_numbers() {
    // 9.9372, 9.932 and exactly 9.93 ㎡; the storey's exact sum is 29.7992 ㎡.
    let plan = plan(vec![vec![
        room("a", RoomKind::Private, rect(0, 0, 3640, 2730)),
        room("b", RoomKind::Private, rect(3640, 0, 1000, 9932)),
        room("c", RoomKind::Private, rect(4640, 0, 1000, 9930)),
    ]]);
    let strings = |v: [&str; 3], s: &str| {
        (
            v.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>(),
            s.to_owned(),
            s.to_owned(),
        )
    };
    assert_eq!(
        printed(&area_table(&plan, Rounding::Truncate)),
        strings(["9.93", "9.93", "9.93"], "29.79")
    );
    assert_eq!(
        printed(&area_table(&plan, Rounding::Nearest)),
        strings(["9.94", "9.93", "9.93"], "29.80")
    );
    assert_eq!(
        printed(&area_table(&plan, Rounding::Up)),
        strings(["9.94", "9.94", "9.93"], "29.80")
    );
    // 帖 and 坪 round down whatever the mode.
    for mode in Rounding::ALL {
        let table = area_table(&plan, mode);
        assert_eq!(table.total.jo, "18.3", "29.7992 / 1.62 = 18.394…");
        assert_eq!(table.total.tsubo, "9.01", "29.7992 × 121 / 400 = 9.0142…");
        assert_eq!(table.rounding_ja, mode.ja());
        assert!(table.note_ja.contains(mode.ja()));
    }
}

/// The storey subtotal is the exact floor area rounded once (確認申請 practice), so it can
/// differ from the sum of the rounded lines; the 延べ面積 is the sum of the printed subtotals.
#[test]
fn subtotals_round_the_exact_sum_and_the_total_adds_the_subtotals() {
    let plan = plan(vec![
        vec![
            room("a", RoomKind::Private, rect(0, 0, 3640, 2730)),
            room("b", RoomKind::Private, rect(3640, 0, 3640, 2730)),
        ],
        vec![room("c", RoomKind::Private, rect(0, 0, 3640, 2730))],
    ]);
    let table = area_table(&plan, Rounding::Truncate);
    // Lines 9.93 + 9.93, exact 19.8744 → 19.87.
    assert_eq!(table.storeys[0].subtotal.area_m2, "19.87");
    assert_eq!(table.storeys[0].subtotal.exact_m2, "19.8744");
    assert_eq!(table.storeys[1].rooms[0].label, "B1");
    assert_eq!(table.storeys[1].subtotal.area_m2, "9.93");
    // 19.87 + 9.93, not the exact 29.8116 truncated (29.81).
    assert_eq!(table.total.area_m2, "29.80");
    assert_eq!(table.total.exact_m2, "29.8116");
    assert!(table.note_en.contains("sum of the storey subtotals"));
}

#[test]
fn jo_counts_only_full_tatami() {
    // 16.2 ㎡ is exactly 10帖; a millimetre less is 9.9帖.
    let exact = area_table(&one_room(rect(0, 0, 4000, 4050)), Rounding::Up);
    assert_eq!(exact.total.jo, "10.0");
    let less = area_table(&one_room(rect(0, 0, 4000, 4049)), Rounding::Up);
    assert_eq!(less.total.jo, "9.9");
    assert_eq!(less.total.area_m2, "16.20", "16.196 rounded up");
}

#[test]
fn an_empty_storey_has_a_zero_subtotal() {
    let table = area_table(&plan(vec![vec![]]), Rounding::Truncate);
    assert_eq!(table.storeys[0].subtotal.area_m2, "0.00");
    assert_eq!(table.total.jo, "0.0");
    assert_eq!(table.total.tsubo, "0.00");
}

/// A staircase outline: columns `x[i]..x[i+1]` spanning `lo[i]..hi[i]`, each overlapping the
/// next, traced along the tops left to right and back along the bottoms.
fn staircase(widths: &[i64], rises: &[(i64, i64)]) -> (Vec<PointMm>, i128) {
    let mut x = vec![0_i64];
    for w in widths {
        x.push(x.last().unwrap() + w);
    }
    let mut spans = vec![(0_i64, rises[0].1 + 1)];
    for &(a, b) in &rises[1..widths.len()] {
        let (lo, hi) = *spans.last().unwrap();
        let next_lo = hi - 1 - a;
        let next_hi = next_lo.max(lo) + 1 + b;
        spans.push((next_lo, next_hi));
    }
    let mut polygon = Vec::new();
    for (i, &(lo, _)) in spans.iter().enumerate() {
        polygon.push(PointMm::new(x[i], lo));
        polygon.push(PointMm::new(x[i + 1], lo));
    }
    for (i, &(_, hi)) in spans.iter().enumerate().rev() {
        polygon.push(PointMm::new(x[i + 1], hi));
        polygon.push(PointMm::new(x[i], hi));
    }
    polygon.dedup();
    if polygon.first() == polygon.last() {
        polygon.pop();
    }
    let twice: i128 = widths
        .iter()
        .zip(&spans)
        .map(|(&w, &(lo, hi))| 2 * i128::from(w) * i128::from(hi - lo))
        .sum();
    (polygon, twice)
}

proptest! {
    #[test]
    fn staircases_decompose_exactly(
        widths in prop::collection::vec(1_i64..4000, 1..12),
        rises in prop::collection::vec((0_i64..4000, 0_i64..4000), 12),
        transpose in any::<bool>(),
        reverse in any::<bool>(),
        (dx, dy) in (-500_000_i64..500_000, -500_000_i64..500_000),
    ) {
        let (mut polygon, twice) = staircase(&widths, &rises);
        for p in &mut polygon {
            if transpose {
                (p.x, p.y) = (p.y, p.x);
            }
            p.x += dx;
            p.y += dy;
        }
        if reverse {
            polygon.reverse();
        }
        prop_assert!(first_self_intersection(&polygon).is_none());
        prop_assert_eq!(signed_area_twice_mm2(&polygon).abs(), twice);
        let table = area_table(&one_room(polygon.clone()), Rounding::Truncate);
        let line = &table.storeys[0].rooms[0];
        prop_assert_ne!(line.method, Method::Coordinates);
        let sum: i128 = if line.method == Method::Rectangle {
            prop_assert!(line.parts.is_empty());
            twice
        } else {
            line.parts
                .iter()
                .map(|p| {
                    assert!(p.width_mm > 0 && p.height_mm > 0);
                    2 * i128::from(p.width_mm) * i128::from(p.height_mm)
                })
                .sum()
        };
        prop_assert_eq!(sum, twice);
        prop_assert!((line.exact_m2_value - wall_centre_area_m2(&polygon)).abs() < 1e-6);
        prop_assert_eq!(
            hundredths(&line.area_m2),
            i64::try_from(twice / 20_000).unwrap(),
            "truncated to 0.01 ㎡ = 20 000 half-mm²"
        );
    }
}

/// An outline that crosses itself (a validated plan never holds one) is not cut into slabs
/// that would add up to something else than its signed area: it falls back to 座標法.
#[test]
fn a_self_crossing_outline_falls_back_to_coordinates() {
    // Loops of 2 ㎡ and 1 ㎡ wound in opposite senses: the signed area is 1 ㎡, while the
    // slabs would cover 3 ㎡.
    let polygon = pts(&[
        (0, 0),
        (2000, 0),
        (2000, 2000),
        (1000, 2000),
        (1000, -1000),
        (0, -1000),
    ]);
    assert!(first_self_intersection(&polygon).is_some());
    let line = area_table(&one_room(polygon), Rounding::Truncate).storeys[0].rooms[0].clone();
    assert_eq!(line.method, Method::Coordinates);
    assert_eq!(line.exact_m2, "1");
}

#[test]
fn the_table_serialises_as_plain_data() {
    let polygon = pts(&[
        (0, 0),
        (3640, 0),
        (3640, 1820),
        (1820, 1820),
        (1820, 3640),
        (0, 3640),
    ]);
    let json = serde_json::to_value(area_table(&one_room(polygon), Rounding::Truncate)).unwrap();
    let line = &json["storeys"][0]["rooms"][0];
    assert_eq!(line["method"], "rectangles");
    assert_eq!(line["parts"][1]["formula"], "1.820 × 1.820");
    assert_eq!(json["total"]["area_m2"], "9.93");
    assert_eq!(json["rounding_ja"], "切捨");
}

/// A C-shaped room opening to the right, with an extra vertex on its top wall at x = 2000:
/// the slabs either side of x = 2000 hold the same two strips, which merge into two 2 × 1 m
/// rectangles rather than four 1 × 1 m ones.
#[test]
fn strips_spanning_the_same_interval_merge_across_slabs() {
    let polygon = pts(&[
        (0, 0),
        (2000, 0),
        (3000, 0),
        (3000, 1000),
        (1000, 1000),
        (1000, 2000),
        (3000, 2000),
        (3000, 3000),
        (0, 3000),
    ]);
    let line = &area_table(&one_room(polygon), Rounding::Truncate).storeys[0].rooms[0];
    assert_eq!(line.method, Method::Rectangles);
    assert_eq!(
        line.formula,
        "1.000 × 3.000 + 2.000 × 1.000 + 2.000 × 1.000"
    );
    assert_eq!(line.exact_m2, "7");
}
