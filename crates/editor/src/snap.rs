//! Snapping: to existing vertices, to edges, to the module grid, and the orthogonal lock.

use crate::viewport::WorldMm;
use madori_plan::{PointMm, Storey};

/// Module grids of Japanese construction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Grid {
    /// 尺モジュール 910 mm (半間 910, 一間 1820).
    #[default]
    Shaku910,
    /// 尺モジュール half step 455 mm.
    Shaku455,
    /// メーターモジュール 1000 mm.
    Metre1000,
    /// メーターモジュール half step 500 mm.
    Metre500,
    /// No grid: whole millimetres.
    Off,
}

impl Grid {
    /// Every grid, in picker order.
    pub const ALL: [Grid; 5] = [
        Self::Shaku910,
        Self::Shaku455,
        Self::Metre1000,
        Self::Metre500,
        Self::Off,
    ];

    /// The step in mm (1 when off).
    pub const fn step_mm(self) -> i64 {
        match self {
            Self::Shaku910 => 910,
            Self::Shaku455 => 455,
            Self::Metre1000 => 1000,
            Self::Metre500 => 500,
            Self::Off => 1,
        }
    }

    /// A stable id for pickers and tests.
    pub const fn id(self) -> &'static str {
        match self {
            Self::Shaku910 => "910",
            Self::Shaku455 => "455",
            Self::Metre1000 => "1000",
            Self::Metre500 => "500",
            Self::Off => "off",
        }
    }

    /// The grid with this id.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.id() == id)
    }

    /// Rounds a coordinate to the nearest grid line.
    pub fn round(self, value: f64) -> i64 {
        let step = self.step_mm() as f64;
        ((value / step).round() * step) as i64
    }
}

/// What a point snapped to, for the on-screen indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnapKind {
    /// An existing vertex.
    Vertex,
    /// The nearest point of an existing edge.
    Edge,
    /// A grid intersection (or grid line, under the orthogonal lock).
    Grid,
    /// Nothing: the pointer rounded to a millimetre.
    Free,
}

/// A snapped point and what it snapped to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Snapped {
    /// The point, whole millimetres.
    pub point: PointMm,
    /// What it snapped to.
    pub kind: SnapKind,
}

/// Snapping settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SnapSettings {
    /// The module grid.
    pub grid: Grid,
    /// Snap to existing vertices.
    pub vertices: bool,
    /// Snap to existing edges.
    pub edges: bool,
}

impl Default for SnapSettings {
    fn default() -> Self {
        Self {
            grid: Grid::Shaku910,
            vertices: true,
            edges: true,
        }
    }
}

/// The point of segment `a–b` nearest to `p`, and its distance, mm.
pub fn nearest_on_segment(a: PointMm, b: PointMm, p: WorldMm) -> (WorldMm, f64) {
    let (ax, ay, bx, by) = (a.x as f64, a.y as f64, b.x as f64, b.y as f64);
    let (dx, dy) = (bx - ax, by - ay);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.x - ax) * dx + (p.y - ay) * dy) / len2).clamp(0.0, 1.0)
    };
    let q = WorldMm::new(ax + t * dx, ay + t * dy);
    (q, (q.x - p.x).hypot(q.y - p.y))
}

/// Snaps a pointer position on a storey. Vertices within `tolerance_mm` win, then edges, then
/// the grid. With `ortho` and an `anchor`, the point is first locked to the horizontal or
/// vertical through the anchor (whichever is nearer), and only the free coordinate snaps.
pub fn snap(
    storey: Option<&Storey>,
    settings: SnapSettings,
    raw: WorldMm,
    tolerance_mm: f64,
    anchor: Option<PointMm>,
    ortho: bool,
) -> Snapped {
    if let (true, Some(anchor)) = (ortho, anchor) {
        let horizontal = (raw.x - anchor.x as f64).abs() >= (raw.y - anchor.y as f64).abs();
        let point = if horizontal {
            PointMm::new(settings.grid.round(raw.x), anchor.y)
        } else {
            PointMm::new(anchor.x, settings.grid.round(raw.y))
        };
        return Snapped {
            point,
            kind: if settings.grid == Grid::Off {
                SnapKind::Free
            } else {
                SnapKind::Grid
            },
        };
    }
    if let Some(storey) = storey {
        if settings.vertices {
            let nearest = storey
                .rooms
                .iter()
                .flat_map(|r| r.polygon.iter().copied())
                .map(|v| (v, (v.x as f64 - raw.x).hypot(v.y as f64 - raw.y)))
                .min_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((v, d)) = nearest {
                if d <= tolerance_mm {
                    return Snapped {
                        point: v,
                        kind: SnapKind::Vertex,
                    };
                }
            }
        }
        if settings.edges {
            let nearest = storey
                .rooms
                .iter()
                .flat_map(|r| {
                    (0..r.polygon.len())
                        .map(move |i| (r.polygon[i], r.polygon[(i + 1) % r.polygon.len()]))
                })
                .map(|(a, b)| (a, b, nearest_on_segment(a, b, raw)))
                .min_by(|x, y| x.2 .1.total_cmp(&y.2 .1));
            if let Some((a, b, (q, d))) = nearest {
                if d <= tolerance_mm {
                    // On an axis-aligned edge, keep the free coordinate on the grid.
                    let point = if a.x == b.x {
                        PointMm::new(a.x, settings.grid.round(q.y))
                    } else if a.y == b.y {
                        PointMm::new(settings.grid.round(q.x), a.y)
                    } else {
                        q.round()
                    };
                    return Snapped {
                        point,
                        kind: SnapKind::Edge,
                    };
                }
            }
        }
    }
    let point = PointMm::new(settings.grid.round(raw.x), settings.grid.round(raw.y));
    Snapped {
        point,
        kind: if settings.grid == Grid::Off {
            SnapKind::Free
        } else {
            SnapKind::Grid
        },
    }
}
