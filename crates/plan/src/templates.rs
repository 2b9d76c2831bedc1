//! Plans shipped with Madori, used by the app, the command line and the tests.
//!
//! Each is a JSON file under `crates/plan/templates/`, so a user can open one as a
//! starting point and a reviewer can read the numbers.

/// Template names with their file contents, in menu order.
pub const TEMPLATES: [(&str, &str); 6] = [
    ("kodan-3dk", include_str!("../templates/kodan-3dk.json")),
    (
        "kodan-3dk-shared",
        include_str!("../templates/kodan-3dk-shared.json"),
    ),
    (
        "wooden-house-4ldk",
        include_str!("../templates/wooden-house-4ldk.json"),
    ),
    (
        "wooden-house-shared",
        include_str!("../templates/wooden-house-shared.json"),
    ),
    (
        "caretaker-2k",
        include_str!("../templates/caretaker-2k.json"),
    ),
    (
        "caretaker-2k-shared",
        include_str!("../templates/caretaker-2k-shared.json"),
    ),
];

/// The templates' names, in menu order (a menu needs no plan text).
pub const NAMES: [&str; 6] = [
    "kodan-3dk",
    "kodan-3dk-shared",
    "wooden-house-4ldk",
    "wooden-house-shared",
    "caretaker-2k",
    "caretaker-2k-shared",
];

/// The template the app opens on a first visit, and its text: the app's first download
/// holds this one; the others come when one is chosen.
pub const FIRST: (&str, &str) = (
    "wooden-house-shared",
    include_str!("../templates/wooden-house-shared.json"),
);

/// The JSON text of the template with this name.
pub fn get(name: &str) -> Option<&'static str> {
    TEMPLATES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// A large synthetic plan for benchmarks and speed tests: `storeys` storeys holding `rooms`
/// rooms in all, each storey a grid of 6帖 private rooms (2730 × 3640 mm, one resident,
/// a window each) with a toilet, a wash basin and a shower in every fifth room, and a
/// kitchen in every twentieth. The largest plan in FloorspaceJS's performance suite has 641
/// rooms on 4 storeys.
pub fn synthetic(rooms: usize, storeys: usize) -> crate::Plan {
    use crate::model::*;
    use crate::PointMm;
    let storeys = storeys.max(1);
    let columns = 16;
    let (w, h) = (2730_i64, 3640_i64);
    let mut plan = Plan {
        format_version: crate::format::FORMAT_VERSION,
        name: format!("synthetic {rooms} rooms / {storeys} storeys"),
        dwelling: Dwelling::default(),
        storeys: Vec::new(),
        check: None,
        variants: Vec::new(),
        images: Vec::new(),
    };
    for s in 0..storeys {
        let count = rooms / storeys + usize::from(s < rooms % storeys);
        let mut storey = Storey {
            id: format!("s{s}"),
            name: format!("{}F", s + 1),
            ceiling_height_mm: Some(2400),
            rooms: Vec::new(),
            openings: Vec::new(),
            fixtures: Vec::new(),
            underlay: None,
        };
        for i in 0..count {
            let (x, y) = ((i % columns) as i64 * w, (i / columns) as i64 * h);
            let id = format!("s{s}r{i}");
            storey.rooms.push(Room {
                id: id.clone(),
                name: format!("{}{:03}", s + 1, i + 1),
                kind: RoomKind::Private,
                polygon: vec![
                    PointMm::new(x, y),
                    PointMm::new(x + w, y),
                    PointMm::new(x + w, y + h),
                    PointMm::new(x, y + h),
                ],
                wall_thickness_mm: Vec::new(),
                belongs_to: None,
                occupancy: Some(Occupancy::Persons(1)),
                lockable: true,
                mechanical_ventilation: false,
                ceiling_height_mm: None,
            });
            storey.openings.push(Opening {
                id: format!("{id}w"),
                room: id.clone(),
                edge: 0,
                offset_mm: 500,
                width_mm: 1690,
                kind: OpeningKind::Window {
                    height_mm: Some(1100),
                    exterior: true,
                    operation: WindowOperation::Sliding,
                },
            });
            let centre = PointMm::new(x + w / 2, y + h / 2);
            let mut add = |suffix: &str, kind: FixtureKind| {
                storey.fixtures.push(Fixture {
                    id: format!("{id}{suffix}"),
                    room: id.clone(),
                    at: centre,
                    kind,
                });
            };
            if i % 5 == 0 {
                add("t", FixtureKind::Toilet);
                add("b", FixtureKind::WashBasin { bowls: 1 });
                add("s", FixtureKind::Shower);
            }
            if i % 20 == 0 {
                add(
                    "k",
                    FixtureKind::Kitchen {
                        burners: 2,
                        sink: true,
                    },
                );
                add("m", FixtureKind::WashingMachine);
            }
        }
        plan.storeys.push(storey);
    }
    plan
}

/// A deterministic pseudo-random sequence (SplitMix64), so a seed gives the same plan on
/// every platform and in every version of Rust.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Column width of the generated rooms, mm (a 6帖 room's short side).
const COLUMN_MM: i64 = 2730;
/// Depth of a row of rooms, mm.
const ROW_MM: i64 = 3640;
/// Corridor width, mm.
const CORRIDOR_MM: i64 = 1820;
/// A band: a row of rooms, a corridor and a second row, mm.
const BAND_MM: i64 = 2 * ROW_MM + CORRIDOR_MM;
/// Farthest a stepped partition strays from its column line, mm.
const JOG_MM: i64 = 455;
/// Depth of a notch into a corridor or a neighbour, mm.
const NOTCH_MM: i64 = 455;
/// Most columns in a band and per corridor segment (keeps corridors under 40 vertices).
const MAX_COLUMNS: usize = 12;
const COLUMNS_PER_CORRIDOR: usize = 4;

/// Rooms a band of `m` columns holds: two rows and its corridor segments.
fn band_rooms(m: usize) -> usize {
    2 * m + m.div_ceil(COLUMNS_PER_CORRIDOR)
}

/// A stepped partition at `x` from `top` to `bottom`, listed top to bottom: `steps` jogs
/// sideways (each to a different offset within ±[`JOG_MM`]), or a straight wall (on `x`
/// itself when `outer`, the band's ends).
fn partition(
    rng: &mut Rng,
    x: i64,
    (top, bottom): (i64, i64),
    steps: usize,
    outer: bool,
) -> Vec<crate::PointMm> {
    use crate::PointMm;
    const OFFSETS: [i64; 5] = [-JOG_MM, -JOG_MM / 2, 0, JOG_MM / 2, JOG_MM];
    let mut offset = if outer { 0 } else { OFFSETS[rng.below(5)] };
    let mut points = vec![PointMm::new(x + offset, top)];
    for j in 1..=steps as i64 {
        let y = top + (bottom - top) * j / (steps as i64 + 1);
        points.push(PointMm::new(x + offset, y));
        let next = loop {
            let o = OFFSETS[rng.below(5)];
            if o != offset {
                break o;
            }
        };
        offset = next;
        points.push(PointMm::new(x + offset, y));
    }
    points.push(PointMm::new(x + offset, bottom));
    points
}

/// A sideways stretch `[a, b]` inside column `i`, clear of the stepped partitions.
fn stretch_in_column(rng: &mut Rng, i: usize) -> (i64, i64) {
    let lo = i as i64 * COLUMN_MM + JOG_MM + 150;
    let hi = (i as i64 + 1) * COLUMN_MM - JOG_MM - 150;
    let width = [455, 910, 1365][rng.below(3)].min(hi - lo);
    let a = lo + rng.below((hi - lo - width) as usize + 1) as i64;
    (a, a + width)
}

/// One row room's outline: its top edge (with an optional bump of `dy` over `[a, b]`), the
/// right partition top to bottom, its bottom edge (optional bump) and the left partition
/// bottom to top.
fn row_outline(
    left: &[crate::PointMm],
    right: &[crate::PointMm],
    top_bump: Option<(i64, i64, i64)>,
    bottom_bump: Option<(i64, i64, i64)>,
) -> Vec<crate::PointMm> {
    use crate::PointMm;
    let (top, bottom) = (right[0].y, right[right.len() - 1].y);
    let mut out = vec![left[0]];
    if let Some((a, b, dy)) = top_bump {
        out.extend([
            PointMm::new(a, top),
            PointMm::new(a, top + dy),
            PointMm::new(b, top + dy),
            PointMm::new(b, top),
        ]);
    }
    out.extend_from_slice(right);
    if let Some((a, b, dy)) = bottom_bump {
        out.extend([
            PointMm::new(b, bottom),
            PointMm::new(b, bottom + dy),
            PointMm::new(a, bottom + dy),
            PointMm::new(a, bottom),
        ]);
    }
    out.extend(left.iter().rev().take(left.len() - 1));
    out
}

/// A large plan that looks like a real one, for benchmarks and tests of the incremental
/// validation: `storeys` storeys holding `rooms` rooms in all, deterministic by `seed`.
///
/// Each storey is a stack of bands (a row of rooms, a notched corridor, a second row) beside
/// a stair and lift core with a lobby, wrapped by a U-shaped corridor. Partitions between
/// neighbouring rooms step sideways up to seven times (L-shapes and zigzags, 4–40 vertices a
/// room), most rooms push a notch into their corridor, rooms push tongues into the room of
/// the next band, and rows meet corridors and the core's corridor at T-junctions (a room's
/// corner in the middle of its neighbour's wall, so shared walls have vertices on one side
/// only). Most rooms are private with one resident, a door and a window; the rest are
/// kitchens, toilets, washrooms, shower rooms, laundries and storage with their fixtures.
/// `irregular(641, 4, seed)` has over 6,000 vertices and over 1,000 pairs of neighbours
/// whose bounding boxes overlap, like the 4-storey plan that prompted it.
pub fn irregular(rooms: usize, storeys: usize, seed: u64) -> crate::Plan {
    use crate::model::*;
    let storeys = storeys.max(1);
    let mut rng = Rng(seed);
    let mut plan = Plan {
        format_version: crate::format::FORMAT_VERSION,
        name: format!("irregular {rooms} rooms / {storeys} storeys (seed {seed})"),
        dwelling: Dwelling {
            construction: Construction::Rc,
            ..Dwelling::default()
        },
        storeys: Vec::new(),
        check: None,
        variants: Vec::new(),
        images: Vec::new(),
    };
    for s in 0..storeys {
        let quota = rooms / storeys + usize::from(s < rooms % storeys);
        plan.storeys.push(irregular_storey(&mut rng, s, quota));
    }
    plan
}

fn irregular_storey(rng: &mut Rng, s: usize, quota: usize) -> crate::Storey {
    use crate::model::*;
    use crate::PointMm;
    let with_core = quota >= 4 + band_rooms(1);
    let mut left = quota - if with_core { 4 } else { 0 };
    let mut bands: Vec<usize> = Vec::new();
    while left >= band_rooms(1) {
        let m = (1..=MAX_COLUMNS)
            .rev()
            .find(|&m| band_rooms(m) <= left)
            .unwrap_or(1);
        bands.push(m);
        left -= band_rooms(m);
    }
    let mut storey = Storey {
        id: format!("s{s}"),
        name: format!("{}F", s + 1),
        ceiling_height_mm: Some(2400),
        rooms: Vec::new(),
        openings: Vec::new(),
        fixtures: Vec::new(),
        underlay: None,
    };
    let add_room = |storey: &mut Storey, id: String, kind: RoomKind, polygon: Vec<PointMm>| {
        storey.rooms.push(Room {
            name: id.clone(),
            id,
            kind,
            polygon,
            wall_thickness_mm: Vec::new(),
            belongs_to: None,
            occupancy: (kind == RoomKind::Private).then_some(Occupancy::Persons(1)),
            lockable: kind == RoomKind::Private,
            mechanical_ventilation: false,
            ceiling_height_mm: None,
        });
    };
    // Tongues from band b + 1's first row up into band b's second row, per column.
    let tongues: Vec<Vec<Option<(i64, i64)>>> = bands
        .windows(2)
        .map(|w| {
            (0..w[0].min(w[1]))
                .map(|i| rng.chance(60).then(|| stretch_in_column(rng, i)))
                .collect()
        })
        .collect();
    for (b, &m) in bands.iter().enumerate() {
        let y0 = b as i64 * BAND_MM;
        let corridor = (y0 + ROW_MM, y0 + ROW_MM + CORRIDOR_MM);
        let mut notches: [Vec<Option<(i64, i64)>>; 2] = [Vec::new(), Vec::new()];
        for (row, top) in [y0, corridor.1].into_iter().enumerate() {
            let bottom = top + ROW_MM;
            let walls: Vec<Vec<PointMm>> = (0..=m)
                .map(|i| {
                    let outer = i == 0 || i == m;
                    let steps = if outer {
                        0
                    } else {
                        [0, 0, 1, 1, 1, 1, 2, 7][rng.below(8)]
                    };
                    partition(rng, i as i64 * COLUMN_MM, (top, bottom), steps, outer)
                })
                .collect();
            for i in 0..m {
                let notch = rng.chance(90).then(|| stretch_in_column(rng, i));
                notches[row].push(notch);
                let (top_bump, bottom_bump) = if row == 0 {
                    let tongue = b
                        .checked_sub(1)
                        .and_then(|p| tongues[p].get(i).copied().flatten());
                    (
                        tongue.map(|(a, c)| (a, c, -NOTCH_MM)),
                        notch.map(|(a, c)| (a, c, NOTCH_MM)),
                    )
                } else {
                    let dent = tongues.get(b).and_then(|t| t.get(i).copied().flatten());
                    (
                        notch.map(|(a, c)| (a, c, -NOTCH_MM)),
                        dent.map(|(a, c)| (a, c, -NOTCH_MM)),
                    )
                };
                let polygon = row_outline(&walls[i], &walls[i + 1], top_bump, bottom_bump);
                let id = format!("s{s}b{b}{}{i}", ["n", "s"][row]);
                let kind = match rng.below(20) {
                    0 => RoomKind::Kitchen,
                    1 => RoomKind::Toilet,
                    2 => RoomKind::Washroom,
                    3 => RoomKind::ShowerRoom,
                    4 => RoomKind::Laundry,
                    5 => RoomKind::Storage,
                    _ => RoomKind::Private,
                };
                let door_edge = longest_edge(&polygon);
                add_room(&mut storey, id.clone(), kind, polygon.clone());
                let centre = PointMm::new(i as i64 * COLUMN_MM + COLUMN_MM / 2, top + ROW_MM / 2);
                place_door(&mut storey, &id, &polygon, door_edge);
                if kind == RoomKind::Private {
                    let exterior = (b == 0 && row == 0) || (b + 1 == bands.len() && row == 1);
                    place_window(&mut storey, &id, &polygon, exterior);
                }
                let fixture = match kind {
                    RoomKind::Kitchen => Some(FixtureKind::Kitchen {
                        burners: 2,
                        sink: true,
                    }),
                    RoomKind::Toilet => Some(FixtureKind::Toilet),
                    RoomKind::Washroom => Some(FixtureKind::WashBasin { bowls: 1 }),
                    RoomKind::ShowerRoom => Some(FixtureKind::Shower),
                    RoomKind::Laundry => Some(FixtureKind::WashingMachine),
                    _ => None,
                };
                if let Some(kind) = fixture {
                    storey.fixtures.push(Fixture {
                        id: format!("{id}f"),
                        room: id.clone(),
                        at: centre,
                        kind,
                    });
                }
            }
        }
        for k in 0..m.div_ceil(COLUMNS_PER_CORRIDOR) {
            let (first, last) = (
                k * COLUMNS_PER_CORRIDOR,
                ((k + 1) * COLUMNS_PER_CORRIDOR).min(m),
            );
            let (xa, xb) = (first as i64 * COLUMN_MM, last as i64 * COLUMN_MM);
            let (c0, c1) = corridor;
            let mut polygon = vec![PointMm::new(xa, c0)];
            for &(a, c) in notches[0][first..last].iter().flatten() {
                polygon.extend([
                    PointMm::new(a, c0),
                    PointMm::new(a, c0 + NOTCH_MM),
                    PointMm::new(c, c0 + NOTCH_MM),
                    PointMm::new(c, c0),
                ]);
            }
            polygon.extend([PointMm::new(xb, c0), PointMm::new(xb, c1)]);
            for &(a, c) in notches[1][first..last].iter().rev().flatten() {
                polygon.extend([
                    PointMm::new(c, c1),
                    PointMm::new(c, c1 - NOTCH_MM),
                    PointMm::new(a, c1 - NOTCH_MM),
                    PointMm::new(a, c1),
                ]);
            }
            polygon.push(PointMm::new(xa, c1));
            add_room(
                &mut storey,
                format!("s{s}b{b}c{k}"),
                RoomKind::Corridor,
                polygon,
            );
        }
    }
    if with_core {
        let height = bands.len() as i64 * BAND_MM;
        let (x0, stairs_x, lift_x, lobby_x) = (-2 * COLUMN_MM, -4 * 910, -2275, -910);
        let (cy0, cy1) = (height / 2 - COLUMN_MM, height / 2 + COLUMN_MM);
        let rect = |a: i64, b: i64| {
            vec![
                PointMm::new(a, cy0),
                PointMm::new(b, cy0),
                PointMm::new(b, cy1),
                PointMm::new(a, cy1),
            ]
        };
        add_room(
            &mut storey,
            format!("s{s}core-corridor"),
            RoomKind::Corridor,
            vec![
                PointMm::new(x0, 0),
                PointMm::new(0, 0),
                PointMm::new(0, cy0),
                PointMm::new(stairs_x, cy0),
                PointMm::new(stairs_x, cy1),
                PointMm::new(0, cy1),
                PointMm::new(0, height),
                PointMm::new(x0, height),
            ],
        );
        add_room(
            &mut storey,
            format!("s{s}core-stairs"),
            RoomKind::Stairs,
            rect(stairs_x, lift_x),
        );
        storey.fixtures.push(Fixture {
            id: format!("s{s}core-stairs-f"),
            room: format!("s{s}core-stairs"),
            at: PointMm::new((stairs_x + lift_x) / 2, height / 2),
            kind: FixtureKind::Stairs,
        });
        add_room(
            &mut storey,
            format!("s{s}core-lift"),
            RoomKind::Other,
            rect(lift_x, lobby_x),
        );
        add_room(
            &mut storey,
            format!("s{s}core-lobby"),
            RoomKind::Entrance,
            rect(lobby_x, 0),
        );
    }
    for i in 0..left {
        let x = i as i64 * COLUMN_MM;
        add_room(
            &mut storey,
            format!("s{s}balcony{i}"),
            RoomKind::Balcony,
            vec![
                PointMm::new(x, -1000),
                PointMm::new(x + COLUMN_MM, -1000),
                PointMm::new(x + COLUMN_MM, 0),
                PointMm::new(x, 0),
            ],
        );
    }
    storey
}

fn edge_length_mm(polygon: &[crate::PointMm], e: usize) -> u32 {
    let (a, b) = (polygon[e], polygon[(e + 1) % polygon.len()]);
    crate::geometry::distance_mm(a, b).floor() as u32
}

/// The longest wall after the first (which carries the window).
fn longest_edge(polygon: &[crate::PointMm]) -> usize {
    (1..polygon.len())
        .max_by_key(|&e| edge_length_mm(polygon, e))
        .unwrap_or(0)
}

/// A 780 mm door (narrower on a short wall) in the middle of the room's longest wall.
fn place_door(storey: &mut crate::Storey, room: &str, polygon: &[crate::PointMm], edge: usize) {
    let len = edge_length_mm(polygon, edge);
    let width = 780.min(len / 2).max(1);
    storey.openings.push(crate::Opening {
        id: format!("{room}d"),
        room: room.to_owned(),
        edge,
        offset_mm: (len - width) / 2,
        width_mm: width,
        kind: crate::OpeningKind::Door {
            lockable: Some(true),
            operation: None,
        },
    });
}

/// A sliding window centred on the room's first wall (its top edge, or the first part of it).
fn place_window(
    storey: &mut crate::Storey,
    room: &str,
    polygon: &[crate::PointMm],
    exterior: bool,
) {
    let len = edge_length_mm(polygon, 0);
    let width = 1690.min(len / 2).max(1);
    storey.openings.push(crate::Opening {
        id: format!("{room}w"),
        room: room.to_owned(),
        edge: 0,
        offset_mm: (len - width) / 2,
        width_mm: width,
        kind: crate::OpeningKind::Window {
            height_mm: Some(1100),
            exterior,
            operation: crate::WindowOperation::Sliding,
        },
    });
}

/// A straight vertical wall of storey `storey` shared by two rooms, at least 1800 mm long and
/// free of doors and windows, for benchmarks that drag a wall: `(room id, edge, start, end)`.
pub fn shared_wall(
    plan: &crate::Plan,
    storey: usize,
) -> Option<(String, usize, crate::PointMm, crate::PointMm)> {
    let storey = plan.storeys.get(storey)?;
    let ends = |room: &crate::Room, e: usize| {
        let n = room.polygon.len();
        (room.polygon[e], room.polygon[(e + 1) % n])
    };
    let has_opening = |a: crate::PointMm, b: crate::PointMm| {
        storey.openings.iter().any(|o| {
            storey.rooms.iter().any(|r| {
                r.id == o.room && o.edge < r.polygon.len() && {
                    let (p, q) = ends(r, o.edge);
                    (p == a && q == b) || (p == b && q == a)
                }
            })
        })
    };
    storey.rooms.iter().find_map(|room| {
        (0..room.polygon.len()).find_map(|e| {
            let (a, b) = ends(room, e);
            let shared = storey.rooms.iter().any(|other| {
                other.id != room.id && other.polygon.contains(&a) && other.polygon.contains(&b)
            });
            (a.x == b.x && (a.y - b.y).abs() >= 1800 && shared && !has_opening(a, b))
                .then(|| (room.id.clone(), e, a, b))
        })
    })
}
