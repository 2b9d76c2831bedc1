//! Property: a grid of rectangular rooms drawn as single wall-centre lines, each line split
//! at random points, with gaps up to 30 mm, overlaps, duplicates, reversed pieces and ends
//! stopping short of the corner, imports as exactly those rooms with exactly those areas.

#[path = "common/dxf.rs"]
mod dxf;

use madori_cad::{import, ImportOptions, Unit, WallDrawing};
use madori_plan::geometry::{bounds, signed_area_twice_mm2};
use proptest::prelude::*;

/// How one line is drawn: cut points (fractions), what happens at each cut (gap > 0,
/// overlap < 0), duplicated pieces, reversed pieces, and the two end trims.
#[derive(Clone, Debug)]
struct Strokes {
    cuts: Vec<(u16, i16, bool, bool)>,
    trims: (u8, u8),
}

fn strokes() -> impl Strategy<Value = Strokes> {
    (
        prop::collection::vec(
            (1u16..1000, -200i16..=30, any::<bool>(), any::<bool>()),
            0..4,
        ),
        (0u8..=30, 0u8..=30),
    )
        .prop_map(|(cuts, trims)| Strokes { cuts, trims })
}

/// Draws the line from `from` to `to` (along x when `horizontal`) at `at`.
fn draw(w: &mut dxf::Writer, horizontal: bool, at: i64, from: i64, to: i64, how: &Strokes) {
    let start = from + i64::from(how.trims.0);
    let end = to - i64::from(how.trims.1);
    let mut cuts: Vec<(i64, i64, bool, bool)> = how
        .cuts
        .iter()
        .map(|&(f, g, dup, rev)| {
            (
                start + (end - start) * i64::from(f) / 1000,
                i64::from(g),
                dup,
                rev,
            )
        })
        .collect();
    cuts.sort_by_key(|c| c.0);
    let point = |s: i64| {
        if horizontal {
            (s as f64, at as f64)
        } else {
            (at as f64, s as f64)
        }
    };
    let mut p = start;
    let (mut dup, mut rev) = (false, false);
    for &(cut, gap, d, r) in cuts.iter().chain(std::iter::once(&(end, 0, false, false))) {
        let q = cut.max(p + 1);
        let (a, b) = if rev { (q, p) } else { (p, q) };
        w.line("WALL", point(a), point(b));
        if dup {
            w.line("WALL", point(b), point(a));
        }
        // The next piece starts after a gap (gap > 0) or overlapping (gap < 0).
        p = (q + gap).clamp(start, end.max(start));
        dup = d;
        rev = r;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn broken_grid_lines_give_back_the_rooms(
        widths in prop::collection::vec(90i64..=455, 1..=4),
        heights in prop::collection::vec(90i64..=455, 1..=4),
        offset in (-100_000i64..=100_000, -100_000i64..=100_000),
        lines in prop::collection::vec(strokes(), 10),
    ) {
        let xs: Vec<i64> = std::iter::once(0).chain(widths.iter().scan(0, |s, w| { *s += w * 10; Some(*s) })).collect();
        let ys: Vec<i64> = std::iter::once(0).chain(heights.iter().scan(0, |s, h| { *s += h * 10; Some(*s) })).collect();
        let mut w = dxf::Writer::default();
        let mut k = 0;
        for &x in &xs {
            draw(&mut w, false, x + offset.0, ys[0] + offset.1, ys[ys.len() - 1] + offset.1, &lines[k % lines.len()]);
            k += 1;
        }
        for &y in &ys {
            draw(&mut w, true, y + offset.1, xs[0] + offset.0, xs[xs.len() - 1] + offset.0, &lines[k % lines.len()]);
            k += 1;
        }
        let options = ImportOptions { unit: Some(Unit::Millimetre), ..ImportOptions::default() };
        let result = import(&dxf::file("", &w.text), &options).expect("imports");
        prop_assert_eq!(result.walls, WallDrawing::CentreLines);
        prop_assert_eq!(result.plan.storeys.len(), 1);
        let storey = &result.plan.storeys[0];
        // DXF is y up, the plan y down: the drawing's top row is the plan's first.
        let height = ys[ys.len() - 1];
        let mut expected: Vec<[i64; 4]> = Vec::new();
        for i in 0..xs.len() - 1 {
            for j in 0..ys.len() - 1 {
                expected.push([xs[i], height - ys[j + 1], xs[i + 1], height - ys[j]]);
            }
        }
        expected.sort_unstable();
        let mut found: Vec<[i64; 4]> = storey
            .rooms
            .iter()
            .map(|r| {
                let (lo, hi) = bounds(&r.polygon).expect("polygon");
                [lo.x, lo.y, hi.x, hi.y]
            })
            .collect();
        found.sort_unstable();
        prop_assert_eq!(&found, &expected);
        for room in &storey.rooms {
            let (lo, hi) = bounds(&room.polygon).expect("polygon");
            prop_assert_eq!(
                signed_area_twice_mm2(&room.polygon).abs(),
                2 * i128::from(hi.x - lo.x) * i128::from(hi.y - lo.y)
            );
        }
        prop_assert!(madori_plan::validate::validate(&result.plan).is_empty());
    }
}
