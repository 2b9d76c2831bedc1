//! The two-storey wooden house the fixtures draw, on the 910 mm grid: the ground truth
//! shared by `examples/make_fixtures.rs` (which draws it) and the tests (which compute the
//! expected 壁芯 areas from it).
//!
//! Coordinates are plan millimetres (x right, y down) of wall centres; each storey is 8 × 10
//! modules (7,280 × 9,100 mm). Exterior walls are 150 mm thick, interior walls 120 mm.
#![allow(dead_code)]

/// The module.
pub const M: i64 = 910;
/// Exterior wall thickness.
pub const EXTERIOR_MM: i64 = 150;
/// Interior wall thickness.
pub const INTERIOR_MM: i64 = 120;

/// A straight segment between two points, mm.
pub type Segment = ((i64, i64), (i64, i64));

/// A room: its label (empty: none) and its rectangle `[x0, y0, x1, y1]` in mm.
pub struct RoomDef {
    pub label: &'static str,
    pub rect: [i64; 4],
}

/// A door or window on a wall.
pub struct OpeningDef {
    /// The wall is horizontal (y fixed) or vertical (x fixed).
    pub horizontal: bool,
    /// The fixed coordinate of the wall's centre line.
    pub at: i64,
    /// Start and end along the wall (start < end).
    pub from: i64,
    pub to: i64,
    /// A door: the hinge at `from` (else at `to`), and the side the leaf opens to (+1:
    /// towards +y or +x, -1: the other way). `None` for a window.
    pub door: Option<(bool, i64)>,
}

const fn r(label: &'static str, x0: i64, y0: i64, x1: i64, y1: i64) -> RoomDef {
    RoomDef {
        label,
        rect: [x0 * M, y0 * M, x1 * M, y1 * M],
    }
}

const fn door(
    horizontal: bool,
    at: i64,
    from: i64,
    to: i64,
    hinge_at_from: bool,
    side: i64,
) -> OpeningDef {
    OpeningDef {
        horizontal,
        at,
        from,
        to,
        door: Some((hinge_at_from, side)),
    }
}

const fn window(horizontal: bool, at: i64, from: i64, to: i64) -> OpeningDef {
    OpeningDef {
        horizontal,
        at,
        from,
        to,
        door: None,
    }
}

/// 1F rooms.
pub const FIRST: [RoomDef; 12] = [
    r("LDK", 0, 0, 5, 5),
    r("和室 6帖", 5, 0, 8, 4),
    r("押入", 5, 4, 8, 5),
    r("洗面脱衣", 0, 5, 2, 7),
    r("浴室", 0, 7, 2, 10),
    r("廊下", 2, 5, 8, 6),
    r("便所", 2, 6, 3, 8),
    r("階段", 3, 6, 5, 8),
    r("玄関", 5, 6, 8, 8),
    r("洋室 4.5帖", 2, 8, 5, 10),
    r("収納", 5, 8, 6, 10),
    r("書斎", 6, 8, 8, 10),
];

/// 2F rooms (one without a label).
pub const SECOND: [RoomDef; 10] = [
    r("洋室1 8帖", 0, 0, 4, 4),
    r("洋室2 8帖", 4, 0, 8, 4),
    r("CL", 0, 4, 2, 5),
    r("ホール", 2, 4, 5, 6),
    r("トイレ", 0, 5, 2, 6),
    r("納戸", 5, 4, 8, 6),
    r("洋室3 6帖", 0, 6, 3, 10),
    r("階段", 3, 6, 5, 8),
    r("", 3, 8, 5, 10),
    r("主寝室", 5, 6, 8, 10),
];

/// 1F doors and windows.
pub const FIRST_OPENINGS: [OpeningDef; 11] = [
    // 玄関 door in the east wall, opening outwards.
    door(false, 8 * M, 5760, 6540, true, 1),
    // LDK ↔ 廊下, into 廊下.
    door(true, 5 * M, 2400, 3180, true, 1),
    // LDK ↔ 和室, into 和室.
    door(false, 5 * M, 1200, 1980, true, 1),
    // 廊下 ↔ 洗面脱衣, into 洗面脱衣.
    door(false, 2 * M, 4620, 5400, true, -1),
    // 洗面脱衣 ↔ 浴室, into 洗面脱衣.
    door(true, 7 * M, 600, 1380, true, -1),
    // 便所 ↔ 廊下, into 廊下.
    door(true, 6 * M, 1900, 2600, true, -1),
    // 階段 ↔ 洋室, into 洋室.
    door(true, 8 * M, 3000, 3780, true, 1),
    window(true, 0, 455, 2145),
    window(false, 0, 910, 2600),
    window(true, 0, 5005, 6695),
    window(true, 10 * M, 5700, 6900),
];

/// 2F doors and windows.
pub const SECOND_OPENINGS: [OpeningDef; 8] = [
    // 洋室1 ↔ ホール, into 洋室1.
    door(true, 4 * M, 2000, 2780, true, -1),
    // 洋室2 ↔ ホール, into 洋室2 (hinge at the far end).
    door(true, 4 * M, 3720, 4440, false, -1),
    // unlabelled room ↔ 主寝室, into 主寝室.
    door(false, 5 * M, 7500, 8280, true, 1),
    // トイレ ↔ ホール, into ホール.
    door(false, 2 * M, 4620, 5320, true, 1),
    window(true, 0, 910, 2600),
    window(true, 0, 5005, 6695),
    window(false, 8 * M, 6000, 7690),
    window(false, 0, 6500, 8190),
];

/// Where the 2F is drawn beside the 1F (plan x offset, mm).
pub const SECOND_OFFSET_X: i64 = 12_740;

/// A room's 壁芯 area in ㎡.
pub fn area_m2(room: &RoomDef) -> f64 {
    let [x0, y0, x1, y1] = room.rect;
    ((x1 - x0) * (y1 - y0)) as f64 / 1e6
}

/// An atomic wall: centre from `a` to `b` (axis-parallel) and its thickness.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Wall {
    pub a: (i64, i64),
    pub b: (i64, i64),
    pub thickness: i64,
}

/// The walls of a storey: every stretch of room edge between grid coordinates, exterior
/// (one room beside it) or interior (two).
pub fn walls(rooms: &[RoomDef]) -> Vec<Wall> {
    let mut xs: Vec<i64> = rooms.iter().flat_map(|r| [r.rect[0], r.rect[2]]).collect();
    let mut ys: Vec<i64> = rooms.iter().flat_map(|r| [r.rect[1], r.rect[3]]).collect();
    xs.sort_unstable();
    xs.dedup();
    ys.sort_unstable();
    ys.dedup();
    let mut out = Vec::new();
    for &y in &ys {
        for w in xs.windows(2) {
            let (x0, x1) = (w[0], w[1]);
            let beside = rooms
                .iter()
                .filter(|r| {
                    (r.rect[1] == y || r.rect[3] == y) && r.rect[0] <= x0 && x1 <= r.rect[2]
                })
                .count();
            if beside > 0 {
                out.push(Wall {
                    a: (x0, y),
                    b: (x1, y),
                    thickness: if beside == 1 {
                        EXTERIOR_MM
                    } else {
                        INTERIOR_MM
                    },
                });
            }
        }
    }
    for &x in &xs {
        for w in ys.windows(2) {
            let (y0, y1) = (w[0], w[1]);
            let beside = rooms
                .iter()
                .filter(|r| {
                    (r.rect[0] == x || r.rect[2] == x) && r.rect[1] <= y0 && y1 <= r.rect[3]
                })
                .count();
            if beside > 0 {
                out.push(Wall {
                    a: (x, y0),
                    b: (x, y1),
                    thickness: if beside == 1 {
                        EXTERIOR_MM
                    } else {
                        INTERIOR_MM
                    },
                });
            }
        }
    }
    out
}

/// The face lines of double-line walls with the openings cut out (jambs included): the
/// boundary of the union of wall bodies, as maximal axis-parallel segments.
pub fn faces(walls: &[Wall], openings: &[OpeningDef]) -> Vec<Segment> {
    // Half the thickest wall meeting each point across, for how far a body extends.
    let reach = |p: (i64, i64), horizontal: bool| {
        walls
            .iter()
            .filter(|w| (w.a == p || w.b == p) && (w.a.1 == w.b.1) != horizontal)
            .map(|w| w.thickness / 2)
            .max()
            .unwrap_or(0)
    };
    // Bodies as [x0, y0, x1, y1].
    let mut bodies = Vec::new();
    for w in walls {
        let h = w.a.1 == w.b.1;
        let t = w.thickness / 2;
        let (ea, eb) = (reach(w.a, h), reach(w.b, h));
        bodies.push(if h {
            [
                w.a.0.min(w.b.0) - ea,
                w.a.1 - t,
                w.a.0.max(w.b.0) + eb,
                w.a.1 + t,
            ]
        } else {
            [
                w.a.0 - t,
                w.a.1.min(w.b.1) - ea,
                w.a.0 + t,
                w.a.1.max(w.b.1) + eb,
            ]
        });
    }
    let thickness_at = |o: &OpeningDef| {
        walls
            .iter()
            .filter(|w| {
                let h = w.a.1 == w.b.1;
                h == o.horizontal
                    && if h {
                        w.a.1 == o.at && w.a.0.min(w.b.0) <= o.from && o.to <= w.a.0.max(w.b.0)
                    } else {
                        w.a.0 == o.at && w.a.1.min(w.b.1) <= o.from && o.to <= w.a.1.max(w.b.1)
                    }
            })
            .map(|w| w.thickness)
            .max()
            .unwrap_or(INTERIOR_MM)
    };
    let holes: Vec<[i64; 4]> = openings
        .iter()
        .map(|o| {
            let t = thickness_at(o) / 2;
            if o.horizontal {
                [o.from, o.at - t, o.to, o.at + t]
            } else {
                [o.at - t, o.from, o.at + t, o.to]
            }
        })
        .collect();
    let mut xs: Vec<i64> = bodies
        .iter()
        .chain(&holes)
        .flat_map(|b| [b[0], b[2]])
        .collect();
    let mut ys: Vec<i64> = bodies
        .iter()
        .chain(&holes)
        .flat_map(|b| [b[1], b[3]])
        .collect();
    xs.sort_unstable();
    xs.dedup();
    ys.sort_unstable();
    ys.dedup();
    let inside = |b: &[i64; 4], x: f64, y: f64| {
        (b[0] as f64) < x && x < b[2] as f64 && (b[1] as f64) < y && y < b[3] as f64
    };
    let filled = |i: isize, j: isize| {
        if i < 0 || j < 0 || i as usize + 1 >= xs.len() || j as usize + 1 >= ys.len() {
            return false;
        }
        let (i, j) = (i as usize, j as usize);
        let x = (xs[i] + xs[i + 1]) as f64 / 2.0;
        let y = (ys[j] + ys[j + 1]) as f64 / 2.0;
        bodies.iter().any(|b| inside(b, x, y)) && !holes.iter().any(|b| inside(b, x, y))
    };
    let mut out = Vec::new();
    // Vertical boundaries at xs[i], merged along y.
    for (i, &x) in xs.iter().enumerate() {
        let mut start: Option<i64> = None;
        for j in 0..=ys.len() {
            let edge = j + 1 < ys.len()
                && filled(i as isize - 1, j as isize) != filled(i as isize, j as isize);
            match (edge, start) {
                (true, None) => start = Some(ys[j]),
                (false, Some(s)) => {
                    out.push(((x, s), (x, ys[j])));
                    start = None;
                }
                _ => {}
            }
        }
    }
    for (j, &y) in ys.iter().enumerate() {
        let mut start: Option<i64> = None;
        for i in 0..=xs.len() {
            let edge = i + 1 < xs.len()
                && filled(i as isize, j as isize - 1) != filled(i as isize, j as isize);
            match (edge, start) {
                (true, None) => start = Some(xs[i]),
                (false, Some(s)) => {
                    out.push(((s, y), (xs[i], y)));
                    start = None;
                }
                _ => {}
            }
        }
    }
    out
}

/// Merged straight runs of wall centres (for single-line drawings).
pub fn centre_runs(walls: &[Wall]) -> Vec<Segment> {
    let mut runs: Vec<Segment> = Vec::new();
    let mut sorted: Vec<Wall> = walls.to_vec();
    sorted.sort_by_key(|w| {
        (
            w.a.1 == w.b.1,
            if w.a.1 == w.b.1 { w.a.1 } else { w.a.0 },
            w.a.0.min(w.b.0),
            w.a.1.min(w.b.1),
        )
    });
    for w in sorted {
        let (a, b) = (w.a.min(w.b), w.a.max(w.b));
        match runs.last_mut() {
            Some(last)
                if last.1 == a
                    && ((last.0 .0 == b.0 && a.0 == b.0) || (last.0 .1 == b.1 && a.1 == b.1)) =>
            {
                last.1 = b
            }
            _ => runs.push((a, b)),
        }
    }
    runs
}
