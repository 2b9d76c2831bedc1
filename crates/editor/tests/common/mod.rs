//! Builders shared by the editor's test files.

use madori_plan::{PointMm, Room, RoomKind};

/// A private rectangular room `w × d` mm with its corner at `(x, y)`.
pub fn rect_room(id: &str, x: i64, y: i64, w: i64, d: i64) -> Room {
    Room {
        id: id.into(),
        name: id.into(),
        kind: RoomKind::Private,
        polygon: vec![
            PointMm::new(x, y),
            PointMm::new(x + w, y),
            PointMm::new(x + w, y + d),
            PointMm::new(x, y + d),
        ],
        wall_thickness_mm: Vec::new(),
        belongs_to: None,
        occupancy: None,
        lockable: false,
        mechanical_ventilation: false,
        ceiling_height_mm: None,
    }
}
