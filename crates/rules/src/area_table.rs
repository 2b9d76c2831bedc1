//! 求積表 (area calculation table), the native model: for every storey, every room that counts
//! as floor area with its 符号, 計算式 and 面積, a subtotal per storey and the 延べ面積, each
//! also in 帖 and 坪 (STANDARDS.md §9). Printing comes later; this is plain data.
//!
//! * **符号**: storeys take letters in plan order (A, B, … Z, AA, AB …) and their counted rooms
//!   numbers in room order, so the third counted room of the second storey is `B3`. A room
//!   split into parts numbers them `B3-1`, `B3-2` …. Each line also carries the room's id and
//!   name, so a reader can find it on the drawing.
//! * **計算式**: an axis-aligned rectangle is `3.640 × 2.730` (metres, three decimals, exact from
//!   whole millimetres). A room whose edges are all axis-aligned is cut exactly into rectangles
//!   by sweeping vertical slabs between its distinct x coordinates, merging a slab's strip
//!   into the previous one where they span the same y interval; each rectangle is a line
//!   `a × b`. Any other room is measured by the coordinate method (座標法),
//!   `½ × |Σ xᵢ(yᵢ₊₁ − yᵢ₋₁)|`, with every term listed in metres.
//! * **Exact areas**: every area is an integer (twice the area in mm², `i128`) until it is
//!   printed, so parts add up exactly to their room and rooms to their storey. A ㎡ value is
//!   exact to 0.000 000 5 ㎡ (half a mm²) and is printed exactly in `exact_m2`.
//! * **Rounding**: a printed area has two decimals, rounded with the table's [`Rounding`]
//!   (切捨 by default, as 確認申請 truncates below 0.01 ㎡; 四捨五入 or 切上 where an
//!   authority asks), on the exact integer, so a value sitting on a step is never pushed off
//!   it by float noise.
//! * **Subtotals follow 確認申請 practice**: a storey's 床面積 is its exact area rounded once
//!   (the per-floor truncation of 住指発第87号), not the sum of the rounded room lines, which
//!   may be up to 0.01 ㎡ per room smaller under 切捨. The 延べ面積 is the sum of the printed
//!   storey subtotals, so adding the printed subtotals gives the printed total. The table says
//!   so in [`AreaTable::note_ja`] / [`AreaTable::note_en`], and every line carries its exact
//!   value, so adding the exact lines gives the exact subtotal.
//! * **帖 and 坪** are computed from the exact area and rounded **down** whatever the mode
//!   (1帖 needs a full 1.62 ㎡; 1坪 = 400/121 ㎡, two decimals), so they never overstate.
//! * **Balconies** (バルコニー, not floor area: [`madori_plan::RoomKind::counts_as_floor_area`])
//!   are left out of the lines and the sums; [`StoreyTable::excluded`] names them, so a reader
//!   sees they were left out on purpose.
//!
//! The decomposition is quadratic in a room's vertices (each slab looks at every horizontal
//! edge, and matches its strips to the previous slab's in one pass), like the validator's own self-intersection test, and bounded by
//! [`madori_plan::validate::MAX_VERTICES_PER_ROOM`]. An outline a validated plan cannot contain
//! (self-intersecting, so the slabs do not add up to its area) falls back to the coordinate
//! method instead of printing a wrong decomposition.
//!
//! ```
//! use madori_plan::{format, templates};
//! use madori_rules::{area_table::area_table, numbers::Rounding};
//! let plan = format::from_json(templates::get("kodan-3dk").unwrap()).unwrap();
//! let table = area_table(&plan, Rounding::Truncate);
//! assert_eq!(table.storeys[0].rooms[0].label, "A1");
//! assert!((table.total.exact_m2_value - 57.967).abs() < 0.001);
//! ```

use madori_plan::{Plan, PointMm, Room};
use serde::Serialize;

use crate::numbers::{self, Rounding};

/// The whole 求積表.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AreaTable {
    /// The rounding applied to printed ㎡ (`切捨`, `四捨五入`, `切上`).
    pub rounding_ja: &'static str,
    /// The rounding in English.
    pub rounding_en: &'static str,
    /// How the subtotals and the total are rounded, in Japanese.
    pub note_ja: String,
    /// How the subtotals and the total are rounded, in English.
    pub note_en: String,
    /// One table per storey, in plan order.
    pub storeys: Vec<StoreyTable>,
    /// 延べ面積: the sum of the printed storey subtotals.
    pub total: AreaSum,
}

/// The lines and subtotal of one storey.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoreyTable {
    /// Storey id.
    pub id: String,
    /// Storey name, e.g. `1F`.
    pub name: String,
    /// The storey's letter in the 符号 (`A` for the first storey).
    pub letter: String,
    /// One line per room counted as floor area, in room order.
    pub rooms: Vec<RoomLine>,
    /// Rooms left out because they are not floor area (バルコニー): `(id, name)`.
    pub excluded: Vec<(String, String)>,
    /// The storey's 床面積: its exact area rounded once.
    pub subtotal: AreaSum,
}

/// How a room's area is worked out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// One axis-aligned rectangle: `a × b`.
    Rectangle,
    /// An axis-aligned outline cut into rectangles, one part each.
    Rectangles,
    /// 座標法: `½ × |Σ xᵢ(yᵢ₊₁ − yᵢ₋₁)|`.
    Coordinates,
}

/// One room's line.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomLine {
    /// 符号, e.g. `A1`.
    pub label: String,
    /// Room id.
    pub room_id: String,
    /// Room name.
    pub room_name: String,
    /// How the area is worked out.
    pub method: Method,
    /// 計算式, e.g. `3.640 × 2.730` or `1.820 × 2.730 + 1.820 × 0.910`.
    pub formula: String,
    /// The rectangles of a [`Method::Rectangles`] room (empty otherwise).
    pub parts: Vec<Part>,
    /// The terms `xᵢ × (yᵢ₊₁ − yᵢ₋₁)` of a [`Method::Coordinates`] room, in metres, each with
    /// its exact value in ㎡ (empty otherwise).
    pub terms: Vec<Term>,
    /// The area, printed with two decimals and the table's rounding.
    pub area_m2: String,
    /// The exact area in ㎡, without trailing zeros.
    pub exact_m2: String,
    /// The exact area as a number, ㎡.
    pub exact_m2_value: f64,
}

/// One rectangle of a room cut into rectangles.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Part {
    /// 符号, e.g. `A3-1`.
    pub label: String,
    /// `a × b` in metres.
    pub formula: String,
    /// Width, mm.
    pub width_mm: i64,
    /// Height, mm.
    pub height_mm: i64,
    /// The exact area in ㎡, without trailing zeros.
    pub exact_m2: String,
}

/// One term of the coordinate method.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Term {
    /// `xᵢ × (yᵢ₊₁ − yᵢ₋₁)` in metres.
    pub formula: String,
    /// Its exact value in ㎡ (signed), without trailing zeros.
    pub value_m2: String,
}

/// A subtotal or total in ㎡, 帖 and 坪.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AreaSum {
    /// Printed ㎡ (two decimals).
    pub area_m2: String,
    /// The exact sum in ㎡, without trailing zeros.
    pub exact_m2: String,
    /// The exact sum as a number, ㎡.
    pub exact_m2_value: f64,
    /// 帖 (1帖 = 1.62 ㎡), one decimal, rounded down.
    pub jo: String,
    /// 坪 (400/121 ㎡), two decimals, rounded down.
    pub tsubo: String,
}

/// Decimals of an exact ㎡ value. Exact areas are kept as twice the area in mm² (units of
/// 0.5 mm² = 5 × 10⁻⁷ ㎡), so `twice × 5` is the area in units of 10⁻⁷ ㎡.
const DECIMALS_EXACT: u32 = 7;

/// The 求積表 of a validated plan, printed with `rounding`.
pub fn area_table(plan: &Plan, rounding: Rounding) -> AreaTable {
    let mut total_hundredths: i128 = 0;
    let mut total_twice: i128 = 0;
    let storeys = plan
        .storeys
        .iter()
        .enumerate()
        .map(|(index, storey)| {
            let letter = storey_letter(index);
            let mut rooms = Vec::new();
            let mut excluded = Vec::new();
            let mut twice_sum: i128 = 0;
            for room in &storey.rooms {
                if !room.kind.counts_as_floor_area() {
                    excluded.push((room.id.clone(), room.name.clone()));
                    continue;
                }
                let label = format!("{letter}{}", rooms.len() + 1);
                let (line, twice) = room_line(room, label, rounding);
                twice_sum += twice;
                rooms.push(line);
            }
            let hundredths = round_hundredths(twice_sum, rounding);
            total_hundredths += hundredths;
            total_twice += twice_sum;
            StoreyTable {
                id: storey.id.clone(),
                name: storey.name.clone(),
                letter,
                rooms,
                excluded,
                subtotal: area_sum(hundredths, twice_sum),
            }
        })
        .collect();
    let mode_ja = rounding.ja();
    let mode_en = rounding.en();
    AreaTable {
        rounding_ja: mode_ja,
        rounding_en: mode_en,
        note_ja: format!(
            "各室の面積は0.01㎡未満を{mode_ja}。各階の小計は各室の端数処理前の面積の合計を0.01㎡未満{mode_ja}、\
             延べ面積は各階小計の合計。帖(1.62㎡)・坪(400/121㎡)は端数処理前の面積から切捨。"
        ),
        note_en: format!(
            "Room areas to 0.01 ㎡ ({mode_en}). Each storey's subtotal is the exact sum of its rooms \
             rounded once ({mode_en}); the total floor area is the sum of the storey subtotals. \
             帖 (1.62 ㎡) and 坪 (400/121 ㎡) are rounded down from the exact areas."
        ),
        storeys,
        total: area_sum(total_hundredths, total_twice),
    }
}

/// A storey's letter: A … Z, then AA, AB … (bijective base 26).
fn storey_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        n -= 1;
        letters.push(char::from(b'A' + (n % 26) as u8));
        n /= 26;
    }
    letters.iter().rev().collect()
}

/// A room's line and its exact twice-area in mm².
fn room_line(room: &Room, label: String, rounding: Rounding) -> (RoomLine, i128) {
    let twice = madori_plan::geometry::signed_area_twice_mm2(&room.polygon).abs();
    let rectangles = rectilinear_rectangles(&room.polygon).filter(|r| {
        r.iter()
            .map(|&(w, h)| 2 * i128::from(w) * i128::from(h))
            .sum::<i128>()
            == twice
    });
    let (method, formula, parts, terms) = match rectangles {
        Some(r) if r.len() == 1 => (
            Method::Rectangle,
            format!("{} × {}", metres(r[0].0), metres(r[0].1)),
            Vec::new(),
            Vec::new(),
        ),
        Some(r) => {
            let parts: Vec<Part> = r
                .iter()
                .enumerate()
                .map(|(i, &(w, h))| Part {
                    label: format!("{label}-{}", i + 1),
                    formula: format!("{} × {}", metres(w), metres(h)),
                    width_mm: w,
                    height_mm: h,
                    exact_m2: exact_text(2 * i128::from(w) * i128::from(h)),
                })
                .collect();
            let formula = parts
                .iter()
                .map(|p| p.formula.as_str())
                .collect::<Vec<_>>()
                .join(" + ");
            (Method::Rectangles, formula, parts, Vec::new())
        }
        None => {
            let terms = coordinate_terms(&room.polygon);
            let formula = format!(
                "½ × |Σ xᵢ(yᵢ₊₁ − yᵢ₋₁)| = ½ × |{}|",
                exact_text(2 * madori_plan::geometry::signed_area_twice_mm2(&room.polygon))
            );
            (Method::Coordinates, formula, Vec::new(), terms)
        }
    };
    let line = RoomLine {
        label,
        room_id: room.id.clone(),
        room_name: room.name.clone(),
        method,
        formula,
        parts,
        terms,
        area_m2: hundredths_text(round_hundredths(twice, rounding)),
        exact_m2: exact_text(twice),
        exact_m2_value: twice_to_m2(twice),
    };
    (line, twice)
}

/// The terms `xᵢ × (yᵢ₊₁ − yᵢ₋₁)` of the coordinate method; they add up to twice the signed
/// area.
fn coordinate_terms(polygon: &[PointMm]) -> Vec<Term> {
    let n = polygon.len();
    (0..n)
        .map(|i| {
            let p = polygon[i];
            let next = polygon[(i + 1) % n];
            let prev = polygon[(i + n - 1) % n];
            let dy = i128::from(next.y) - i128::from(prev.y);
            Term {
                formula: format!(
                    "{} × ({} − {})",
                    metres(p.x),
                    metres(next.y),
                    metres(prev.y)
                ),
                // The term in mm² is twice itself in half-mm² units.
                value_m2: exact_text(2 * i128::from(p.x) * dy),
            }
        })
        .collect()
}

/// The rectangles `(width_mm, height_mm)` of an outline whose edges are all axis-aligned, cut
/// by vertical slabs between its distinct x coordinates; a slab's strip that spans the same y
/// interval as a strip of the previous slab widens that rectangle. `None` when an edge is
/// slanted, or for fewer than 4 vertices.
fn rectilinear_rectangles(polygon: &[PointMm]) -> Option<Vec<(i64, i64)>> {
    let n = polygon.len();
    if n < 4 {
        return None;
    }
    let edges = || (0..n).map(|i| (polygon[i], polygon[(i + 1) % n]));
    if !edges().all(|(a, b)| a.x == b.x || a.y == b.y) {
        return None;
    }
    // Horizontal edges as (x_lo, x_hi, y).
    let horizontal: Vec<(i64, i64, i64)> = edges()
        .filter(|(a, b)| a.y == b.y && a.x != b.x)
        .map(|(a, b)| (a.x.min(b.x), a.x.max(b.x), a.y))
        .collect();
    let mut xs: Vec<i64> = polygon.iter().map(|p| p.x).collect();
    xs.sort_unstable();
    xs.dedup();
    // Rectangles as (x0, x1, y0, y1); `open` holds the indices of those reaching the current
    // slab's left side.
    let mut rects: Vec<(i64, i64, i64, i64)> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for slab in xs.windows(2) {
        let (x0, x1) = (slab[0], slab[1]);
        let mut ys: Vec<i64> = horizontal
            .iter()
            .filter(|&&(lo, hi, _)| lo <= x0 && x1 <= hi)
            .map(|&(_, _, y)| y)
            .collect();
        ys.sort_unstable();
        if !ys.len().is_multiple_of(2) {
            return None;
        }
        let mut next_open = Vec::with_capacity(ys.len() / 2);
        // `open` is in y order, as the strips of each slab are: one pass matches them.
        let mut candidates = open.iter().peekable();
        for pair in ys.chunks_exact(2) {
            let (y0, y1) = (pair[0], pair[1]);
            if y0 == y1 {
                continue;
            }
            while candidates.next_if(|&&i| rects[i].2 < y0).is_some() {}
            match candidates.next_if(|&&i| rects[i].2 == y0 && rects[i].3 == y1) {
                Some(&i) => {
                    rects[i].1 = x1;
                    next_open.push(i);
                }
                None => {
                    rects.push((x0, x1, y0, y1));
                    next_open.push(rects.len() - 1);
                }
            }
        }
        open = next_open;
    }
    if rects.is_empty() {
        return None;
    }
    Some(
        rects
            .into_iter()
            .map(|(x0, x1, y0, y1)| (x1 - x0, y1 - y0))
            .collect(),
    )
}

/// A length in whole mm as metres with three decimals (`3640` → `3.640`).
fn metres(mm: i64) -> String {
    let sign = if mm < 0 { "-" } else { "" };
    let abs = mm.unsigned_abs();
    format!("{sign}{}.{:03}", abs / 1000, abs % 1000)
}

/// Twice an area in mm² as ㎡ (one conversion, at the end).
fn twice_to_m2(twice: i128) -> f64 {
    twice as f64 / (2.0 * crate::area::MM2_PER_M2)
}

/// Twice an area in mm² rounded to 0.01 ㎡ with `mode`, in hundredths of a ㎡.
///
/// 0.01 ㎡ is 10 000 mm², or 20 000 half-mm² units.
fn round_hundredths(twice: i128, mode: Rounding) -> i128 {
    const STEP: i128 = 20_000;
    let (q, r) = (twice.div_euclid(STEP), twice.rem_euclid(STEP));
    let magnitude_up = match mode {
        Rounding::Truncate => false,
        Rounding::Up => r != 0,
        Rounding::Nearest => 2 * r >= STEP,
    };
    // Areas here are never negative; `div_euclid` keeps the rule right for them anyway.
    q + i128::from(magnitude_up)
}

/// Hundredths of a ㎡ as text with two decimals.
fn hundredths_text(hundredths: i128) -> String {
    let sign = if hundredths < 0 { "-" } else { "" };
    let abs = hundredths.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// Twice a (signed) area in mm² as exact ㎡ text, without trailing zeros (`9.9372`).
fn exact_text(twice: i128) -> String {
    // twice × 5 is the value in units of 10⁻⁷ ㎡.
    let units = twice * 5;
    let scale = 10_u128.pow(DECIMALS_EXACT);
    let sign = if units < 0 { "-" } else { "" };
    let abs = units.unsigned_abs();
    let text = format!(
        "{sign}{}.{:0width$}",
        abs / scale,
        abs % scale,
        width = DECIMALS_EXACT as usize
    );
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A subtotal or total from its printed hundredths and its exact twice-area.
fn area_sum(hundredths: i128, twice: i128) -> AreaSum {
    let exact = twice_to_m2(twice);
    AreaSum {
        area_m2: hundredths_text(hundredths),
        exact_m2: exact_text(twice),
        exact_m2_value: exact,
        jo: numbers::jo(exact),
        tsubo: numbers::fixed_with(crate::area::m2_to_tsubo(exact), 2, Rounding::Truncate),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storey_letters_run_past_z() {
        assert_eq!(storey_letter(0), "A");
        assert_eq!(storey_letter(25), "Z");
        assert_eq!(storey_letter(26), "AA");
        assert_eq!(storey_letter(27), "AB");
        assert_eq!(storey_letter(26 + 26 * 26), "AAA");
    }

    #[test]
    fn rounding_is_exact_on_the_step() {
        // 9.935 ㎡ exactly = 9 935 000 mm², twice 19 870 000.
        assert_eq!(round_hundredths(19_870_000, Rounding::Truncate), 993);
        assert_eq!(round_hundredths(19_870_000, Rounding::Nearest), 994);
        assert_eq!(round_hundredths(19_870_000, Rounding::Up), 994);
        // 9.93 ㎡ exactly stays 9.93 in every mode.
        for mode in Rounding::ALL {
            assert_eq!(round_hundredths(19_860_000, mode), 993);
        }
        // Half a mm² above 9.93 ㎡ rounds up only under 切上.
        assert_eq!(round_hundredths(19_860_001, Rounding::Up), 994);
        assert_eq!(round_hundredths(19_860_001, Rounding::Nearest), 993);
    }

    #[test]
    fn exact_text_keeps_half_square_millimetres() {
        assert_eq!(exact_text(1), "0.0000005");
        assert_eq!(exact_text(2 * 9_937_200), "9.9372");
        assert_eq!(exact_text(2_000_000), "1");
        assert_eq!(exact_text(-3), "-0.0000015");
        assert_eq!(metres(3640), "3.640");
        assert_eq!(metres(-5), "-0.005");
    }
}
