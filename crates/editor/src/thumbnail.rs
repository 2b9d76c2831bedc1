//! A small picture of a plan for the plan library: every storey side by side, each room's
//! outline filled by its kind, as an SVG string the page shows as an image.
//!
//! Plain text so it is made and tested natively, and stored with the library entry instead
//! of being redrawn from the whole plan each time the library opens.

use madori_plan::geometry::bounds;
use madori_plan::{Plan, RoomKind};
use std::fmt::Write;

/// Room outlines of more vertices than this are drawn through every n-th vertex: a
/// thumbnail is a few dozen pixels wide, and its text stays small for any plan.
const MAX_POINTS_PER_ROOM: usize = 64;

/// The plan's storeys side by side in a `width_px` × `height_px` picture.
pub fn svg(plan: &Plan, width_px: u32, height_px: u32) -> String {
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width_px}\" height=\"{height_px}\" viewBox=\"0 0 {width_px} {height_px}\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
    );
    let boxes: Vec<_> = plan
        .storeys
        .iter()
        .map(|s| {
            let points: Vec<_> = s
                .rooms
                .iter()
                .flat_map(|r| r.polygon.iter().copied())
                .collect();
            bounds(&points)
        })
        .collect();
    let drawn = boxes.iter().filter(|b| b.is_some()).count().max(1);
    let cell_w = f64::from(width_px) / drawn as f64;
    let cell_h = f64::from(height_px);
    let mut cell = 0.0;
    for (storey, bounds) in plan.storeys.iter().zip(&boxes) {
        let Some((lo, hi)) = bounds else {
            continue;
        };
        let (w, h) = ((hi.x - lo.x).max(1) as f64, (hi.y - lo.y).max(1) as f64);
        let scale = ((cell_w - 4.0) / w).min((cell_h - 4.0) / h).max(0.0);
        let dx = cell * cell_w + (cell_w - w * scale) / 2.0;
        let dy = (cell_h - h * scale) / 2.0;
        for room in &storey.rooms {
            let step = room.polygon.len().div_ceil(MAX_POINTS_PER_ROOM).max(1);
            let _ = write!(
                out,
                "<polygon fill=\"{}\" stroke=\"#333\" stroke-width=\"0.6\" points=\"",
                fill(room.kind)
            );
            for p in room.polygon.iter().step_by(step) {
                let x = dx + (p.x - lo.x) as f64 * scale;
                let y = dy + (p.y - lo.y) as f64 * scale;
                let _ = write!(out, "{x:.1},{y:.1} ");
            }
            out.push_str("\"/>");
        }
        cell += 1.0;
    }
    out.push_str("</svg>");
    out
}

/// A pale colour per kind of room, as on the canvas: private rooms, shared living rooms,
/// wet rooms, circulation.
fn fill(kind: RoomKind) -> &'static str {
    use RoomKind::*;
    match kind {
        Private => "#dbeafe",
        Ldk | Dk | Living | Dining | Kitchen => "#fef3c7",
        Toilet | Washroom | Bath | ShowerRoom | Laundry => "#cffafe",
        Entrance | Corridor | Stairs => "#f3f4f6",
        Storage | Balcony | Other => "#ffffff",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(name: &str) -> Plan {
        madori_plan::format::from_json(madori_plan::templates::get(name).unwrap()).unwrap()
    }

    #[test]
    fn every_room_of_every_storey_is_drawn_inside_the_picture() {
        let plan = template("wooden-house-shared");
        let text = svg(&plan, 120, 90);
        let rooms: usize = plan.storeys.iter().map(|s| s.rooms.len()).sum();
        assert_eq!(text.matches("<polygon").count(), rooms);
        let numbers = text
            .split("points=\"")
            .skip(1)
            .flat_map(|s| s.split('"').next().unwrap().split_whitespace())
            .flat_map(|xy| {
                xy.split(',')
                    .map(|n| n.parse::<f64>().unwrap())
                    .collect::<Vec<_>>()
            });
        for n in numbers {
            assert!((0.0..=120.0).contains(&n), "{n} outside the picture");
        }
        assert!(text.starts_with("<svg") && text.ends_with("</svg>"));
    }

    #[test]
    fn a_large_plan_stays_a_small_picture() {
        let plan = madori_plan::templates::irregular(641, 2, 1);
        let text = svg(&plan, 120, 90);
        let vertices: usize = plan
            .rooms()
            .map(|(_, r)| r.polygon.len().min(MAX_POINTS_PER_ROOM))
            .sum();
        assert_eq!(text.matches("<polygon").count(), 641);
        // Each point is at most "xxx.x,yyy.y " (12 bytes).
        assert!(
            text.len() < 200 + 641 * 100 + vertices * 12,
            "{} bytes",
            text.len()
        );
    }

    #[test]
    fn an_empty_plan_is_a_blank_picture() {
        let text = svg(&crate::empty_plan(), 120, 90);
        assert!(!text.contains("<polygon"));
    }
}
