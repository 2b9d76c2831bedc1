//! 室名: each room's name, area and 帖, placed inside the room and clear of its fixtures.
//!
//! The area is the 壁芯 area by default ([`crate::AreaBasis`]), printed to 0.01 ㎡ with the
//! rounding in force (STANDARDS.md §9, `madori_rules::numbers::fixed_with`: 切捨 by default);
//! 帖 are the same area over 1.62 ㎡, rounded down to 0.1 帖 (`madori_rules::numbers::jo`).
//! A balcony shows no 帖 (it is not floor area).
//!
//! The label starts at the room's label point (`madori_rules::area::label_position_mm`, inside
//! even an L-shaped room) and moves, never the fixtures: it takes the nearest position where
//! its box lies inside the wall faces and clear of every fixture of the room, and of the swing of
//! the room's doors where that is possible too. When the full
//! label (name 2.5 mm, area and 帖 2.0 mm on paper, three lines) fits nowhere, it tries two
//! lines (area and 帖 together), then three smaller lines (2.0 / 1.6 mm), then the name alone
//! (2.0 mm); when nothing fits clear, the full label stands at the label point and
//! [`RoomLabel::clear`] is false. Text widths are estimated (whole-width characters as wide as
//! high, others 0.6), erring wide.

use crate::fixtures::FixtureSymbol;
use crate::geom;
use crate::openings::OpeningSymbol;
use crate::walls::Walls;
use crate::{paper, AreaBasis, DrawingOptions, Pt, Rect};
use geo::Area;
use madori_plan::{RoomKind, Storey};
use madori_rules::area;
use madori_rules::numbers;
use std::collections::HashMap;

/// Line pitch (from one line's top to the next one's) as a multiple of the text height.
pub const LINE_PITCH: f64 = 1.25;
/// Blank paper around a label's text, mm.
pub const PAD_PAPER_MM: f64 = 0.5;

/// One line of a label.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelLine {
    /// The words.
    pub text: String,
    /// Character height, plan mm.
    pub height: f64,
    /// The line's centre.
    pub at: Pt,
}

/// A room's label.
#[derive(Clone, Debug, PartialEq)]
pub struct RoomLabel {
    /// The room's id.
    pub room: String,
    /// The label's centre.
    pub at: Pt,
    /// Its lines, top to bottom.
    pub lines: Vec<LabelLine>,
    /// The box the label keeps clear (text plus a little paper).
    pub bounds: Rect,
    /// The area shown, ㎡ (`None` when the 内法 basis is asked for and the walls leave no floor).
    pub area_m2: Option<f64>,
    /// Whether the label lies inside the room and clear of its fixtures.
    pub clear: bool,
}

/// The labels of every room of a storey, in room order.
pub(crate) fn place(
    storey: &Storey,
    walls: &Walls,
    fixtures: &[FixtureSymbol],
    openings: &[OpeningSymbol],
    options: &DrawingOptions,
) -> Vec<RoomLabel> {
    let k = |paper_mm: f64| options.scale.plan_mm(paper_mm);
    let mut boxes: HashMap<&str, Vec<Rect>> = HashMap::new();
    for f in fixtures {
        boxes.entry(f.room.as_str()).or_default().push(f.bounds);
    }
    // Door swings (and folded 折れ戸 leaves) are kept clear too where possible, fixtures
    // always first.
    let mut swings: HashMap<&str, Vec<Rect>> = HashMap::new();
    for o in openings {
        if o.kind.reaches_into_room() {
            swings.entry(o.room.as_str()).or_default().push(o.bounds);
        }
    }
    let drawn_thickness = |ri: usize| -> Vec<u32> {
        walls.edge_half[ri]
            .iter()
            .map(|h| (h * 2.0).round() as u32)
            .collect()
    };
    storey
        .rooms
        .iter()
        .enumerate()
        .map(|(ri, room)| {
            let centre: Vec<Pt> = room.polygon.iter().map(|&p| p.into()).collect();
            let drawn = drawn_thickness(ri);
            let area_m2 = match options.area_basis {
                AreaBasis::WallCentre => Some(area::wall_centre_area_m2(&room.polygon)),
                AreaBasis::Interior => {
                    let thickness = area::wall_thicknesses_mm(
                        room,
                        walls.exterior.get(ri).map(Vec::as_slice).unwrap_or(&[]),
                        walls.construction,
                    );
                    area::interior_polygon(&room.polygon, &thickness).map(|p| {
                        let coords: Vec<geo::Coord<f64>> =
                            p.into_iter().map(|(x, y)| geo::Coord { x, y }).collect();
                        geo::Polygon::new(geo::LineString::new(coords), vec![]).unsigned_area()
                            / area::MM2_PER_M2
                    })
                }
            };
            let area_text = area_m2.map_or_else(
                || "—㎡".to_owned(),
                |m2| format!("{}㎡", numbers::fixed_with(m2, 2, options.rounding)),
            );
            let jo_text = (room.kind != RoomKind::Balcony).then(|| {
                area_m2.map_or_else(|| "—帖".to_owned(), |m2| format!("{}帖", numbers::jo(m2)))
            });
            let name = room.name.clone();
            let (big, small) = (paper::ROOM_NAME_MM, paper::AREA_MM);
            let mut layouts: Vec<Vec<(String, f64)>> = Vec::with_capacity(4);
            let mut full = vec![(name.clone(), k(big)), (area_text.clone(), k(small))];
            if let Some(jo) = &jo_text {
                full.push((jo.clone(), k(small)));
            }
            layouts.push(full);
            if let Some(jo) = &jo_text {
                layouts.push(vec![
                    (name.clone(), k(big)),
                    (format!("{area_text} {jo}"), k(small)),
                ]);
            }
            let mut smaller = vec![(name.clone(), k(2.0)), (area_text.clone(), k(1.6))];
            if let Some(jo) = &jo_text {
                smaller.push((jo.clone(), k(1.6)));
            }
            layouts.push(smaller);
            layouts.push(vec![(name, k(2.0))]);
            let (x, y) = area::label_position_mm(&room.polygon);
            let start = Pt::new(x, y);
            let fixtures = boxes
                .get(room.id.as_str())
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let doors = swings
                .get(room.id.as_str())
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let both: Vec<Rect> = fixtures.iter().chain(doors).copied().collect();
            let pad = k(PAD_PAPER_MM);
            // Most labels fit at their start, which the wall-centre outline can tell when the
            // box grown by the thickest wall lies inside it; the faces' outline is computed
            // only for the others.
            let (w0, h0) = size(&layouts[0], pad);
            let first = Rect::centred(start, w0, h0);
            let thickest = walls.edge_half[ri].iter().copied().fold(0.0, f64::max);
            let mut found = (!both.iter().any(|o| o.overlaps(&first))
                && geom::rect_inside(&centre, &first.expanded(thickest)))
            .then_some((&layouts[0], start));
            let inside: Vec<Pt> = if found.is_some() {
                Vec::new()
            } else {
                area::interior_polygon(&room.polygon, &drawn)
                    .map(|p| p.into_iter().map(|(x, y)| Pt::new(x, y)).collect())
                    .unwrap_or_else(|| centre.clone())
            };
            for obstacles in [&both[..], fixtures] {
                if found.is_some() {
                    break;
                }
                found = layouts.iter().find_map(|lines| {
                    let (w, h) = size(lines, pad);
                    spot(&inside, obstacles, start, w, h).map(|at| (lines, at))
                });
                if found.is_some() || doors.is_empty() {
                    break;
                }
            }
            let (lines, at, clear) = match found {
                Some((lines, at)) => (lines, at, true),
                None => (&layouts[0], start, false),
            };
            let (w, h) = size(lines, pad);
            let bounds = Rect::centred(at, w, h);
            let mut top = bounds.min.y + pad;
            let lines = lines
                .iter()
                .map(|(text, height)| {
                    let line = LabelLine {
                        text: text.clone(),
                        height: *height,
                        at: Pt::new(at.x, top + height / 2.0),
                    };
                    top += height * LINE_PITCH;
                    line
                })
                .collect();
            RoomLabel {
                room: room.id.clone(),
                at,
                lines,
                bounds,
                area_m2,
                clear,
            }
        })
        .collect()
}

/// The box of a label's lines with `pad` around.
fn size(lines: &[(String, f64)], pad: f64) -> (f64, f64) {
    let w = lines
        .iter()
        .map(|(t, h)| geom::text_width(t, *h))
        .fold(0.0, f64::max);
    // Lines stand a pitch apart; the box ends at the last line's text.
    let h: f64 = lines.iter().map(|(_, h)| h * LINE_PITCH).sum::<f64>()
        - lines.last().map_or(0.0, |(_, h)| h * (LINE_PITCH - 1.0));
    (w + 2.0 * pad, h + 2.0 * pad)
}

/// The nearest centre to `start` for a `w × h` box inside `region` and clear of `obstacles`.
/// Tries the start, the places just beside each obstacle, and a 9 × 9 grid over the region.
fn spot(region: &[Pt], obstacles: &[Rect], start: Pt, w: f64, h: f64) -> Option<Pt> {
    let fits = |c: Pt| {
        let r = Rect::centred(c, w, h);
        !obstacles.iter().any(|o| o.overlaps(&r)) && geom::rect_inside(region, &r)
    };
    if fits(start) {
        return Some(start);
    }
    let mut candidates: Vec<Pt> = Vec::new();
    for o in obstacles {
        let xs = [o.min.x - w / 2.0, start.x, o.max.x + w / 2.0];
        let ys = [o.min.y - h / 2.0, start.y, o.max.y + h / 2.0];
        for &x in &xs {
            for &y in &ys {
                candidates.push(Pt::new(x, y));
            }
        }
    }
    if let Some(b) = Rect::around(region.iter().copied()) {
        const STEPS: u32 = 8;
        for i in 0..=STEPS {
            for j in 0..=STEPS {
                let fx = f64::from(i) / f64::from(STEPS);
                let fy = f64::from(j) / f64::from(STEPS);
                candidates.push(Pt::new(
                    b.min.x + w / 2.0 + fx * (b.width() - w).max(0.0),
                    b.min.y + h / 2.0 + fy * (b.height() - h).max(0.0),
                ));
            }
        }
    }
    let d2 = |p: &Pt| (p.x - start.x).powi(2) + (p.y - start.y).powi(2);
    candidates.sort_by(|a, b| d2(a).total_cmp(&d2(b)));
    candidates.into_iter().find(|&c| fits(c))
}
