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
                    height_mm: 1100,
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
