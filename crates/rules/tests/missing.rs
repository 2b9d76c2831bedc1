//! 入力不足: what the plan lacks for a trustworthy check, listed before the verdicts.

use madori_plan::{format, templates, Opening, OpeningKind, Plan, PointMm, Room, RoomKind, Storey};
use madori_rules::missing::MissingKind;
use madori_rules::{check, profile};

fn rect_room(id: &str, kind: RoomKind, x: i64, w: i64, h: i64) -> Room {
    Room {
        id: id.into(),
        name: id.into(),
        kind,
        polygon: vec![
            PointMm::new(x, 0),
            PointMm::new(x + w, 0),
            PointMm::new(x + w, h),
            PointMm::new(x, h),
        ],
        wall_thickness_mm: vec![],
        belongs_to: None,
        occupancy: None,
        lockable: false,
        mechanical_ventilation: false,
        ceiling_height_mm: None,
    }
}

/// A private room `p` beside a corridor `c` (sharing the wall x = 3000), and a room of use
/// `other`; no windows, no ceiling height, no dates.
fn bare_plan() -> Plan {
    Plan {
        format_version: format::FORMAT_VERSION,
        name: "bare".into(),
        dwelling: Default::default(),
        storeys: vec![Storey {
            id: "s1".into(),
            name: "1F".into(),
            ceiling_height_mm: None,
            rooms: vec![
                rect_room("p", RoomKind::Private, 0, 3000, 3000),
                rect_room("c", RoomKind::Corridor, 3000, 1000, 3000),
                rect_room("x", RoomKind::Other, 4000, 2000, 3000),
            ],
            openings: vec![],
            fixtures: vec![],
            underlay: None,
        }],
        check: None,
        variants: Vec::new(),
        images: Vec::new(),
    }
}

fn kinds(plan: &Plan) -> Vec<(MissingKind, Vec<String>)> {
    let report = check(plan, &profile::profile("support-shared").unwrap());
    report
        .missing
        .iter()
        .map(|m| (m.kind, m.element_ids.clone()))
        .collect()
}

#[test]
fn a_bare_plan_lacks_every_input_and_names_its_elements() {
    let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        kinds(&bare_plan()),
        vec![
            (MissingKind::RoomKind, ids(&["x"])),
            (MissingKind::Occupancy, ids(&["p"])),
            (MissingKind::Door, ids(&["p"])),
            (MissingKind::Windows, vec![]),
            (MissingKind::CeilingHeight, ids(&["p"])),
            (MissingKind::ConstructionStart, vec![]),
        ]
    );
    let report = check(&bare_plan(), &profile::profile("support-shared").unwrap());
    let seismic = report
        .missing
        .iter()
        .find(|m| m.kind == MissingKind::ConstructionStart)
        .unwrap();
    assert_eq!(seismic.affects, ["SN-SEISMIC"]);
    assert!(seismic.message_ja.contains("着工日"));
}

#[test]
fn a_door_drawn_on_the_neighbours_side_of_a_shared_wall_serves_both_rooms() {
    let mut plan = bare_plan();
    // The corridor's edge 3 runs from (3000, 3000) up to (3000, 0): the shared wall.
    plan.storeys[0].openings.push(Opening {
        id: "d1".into(),
        room: "c".into(),
        edge: 3,
        offset_mm: 1000,
        width_mm: 800,
        kind: OpeningKind::Door {
            lockable: Some(true),
            operation: None,
        },
    });
    assert!(!kinds(&plan).iter().any(|(k, _)| *k == MissingKind::Door));
    // A door on the corridor's far wall does not.
    plan.storeys[0].openings[0].edge = 1;
    assert!(kinds(&plan).iter().any(|(k, _)| *k == MissingKind::Door));
}

#[test]
fn filling_in_the_inputs_empties_the_list() {
    let mut plan = bare_plan();
    plan.storeys[0].rooms.pop();
    plan.storeys[0].ceiling_height_mm = Some(2400);
    plan.storeys[0].rooms[0].occupancy = Some(madori_plan::Occupancy::Persons(1));
    plan.dwelling.construction_started = Some("1990-04-01".into());
    for (id, edge, kind) in [
        (
            "d1",
            1,
            OpeningKind::Door {
                lockable: Some(true),
                operation: None,
            },
        ),
        (
            "w1",
            0,
            OpeningKind::Window {
                height_mm: Some(1100),
                exterior: true,
                operation: madori_plan::WindowOperation::Sliding,
            },
        ),
    ] {
        plan.storeys[0].openings.push(Opening {
            id: id.into(),
            room: "p".into(),
            edge,
            offset_mm: 500,
            width_mm: 800,
            kind,
        });
    }
    assert_eq!(kinds(&plan), vec![]);
}

#[test]
fn templates_list_what_they_lack() {
    let plan = format::from_json(templates::get("wooden-house-shared").unwrap()).unwrap();
    let report = check(&plan, &profile::profile("sh-single").unwrap());
    // Every private room of the template has a door and an occupancy.
    assert!(
        report
            .missing
            .iter()
            .all(|m| !matches!(m.kind, MissingKind::Door | MissingKind::Occupancy)),
        "{:#?}",
        report.missing
    );
}

#[test]
fn unknown_window_heights_and_door_locks_are_missing_not_guessed() {
    let mut plan = bare_plan();
    plan.storeys[0].ceiling_height_mm = Some(2400);
    plan.storeys[0].rooms[0].occupancy = Some(madori_plan::Occupancy::Persons(1));
    for (id, edge, kind) in [
        (
            "d1",
            1,
            OpeningKind::Door {
                lockable: None,
                operation: None,
            },
        ),
        (
            "w1",
            0,
            OpeningKind::Window {
                height_mm: None,
                exterior: true,
                operation: madori_plan::WindowOperation::Sliding,
            },
        ),
    ] {
        plan.storeys[0].openings.push(Opening {
            id: id.into(),
            room: "p".into(),
            edge,
            offset_mm: 500,
            width_mm: 800,
            kind,
        });
    }
    let found = kinds(&plan);
    assert!(found.contains(&(MissingKind::DoorLock, vec!["p".to_string()])));
    assert!(found.contains(&(MissingKind::WindowHeight, vec!["w1".to_string()])));
    let report = check(&plan, &profile::profile("sh-single").unwrap());
    let status = |rule| {
        report
            .of(rule)
            .find(|f| f.element_ids == ["p"])
            .unwrap()
            .status
    };
    use madori_rules::{RuleId, Status};
    assert_eq!(status(RuleId::ShGuidePrivacy), Status::Unavailable);
    assert_eq!(status(RuleId::BsDaylight), Status::Unavailable);
    // A lockable door drawn on the corridor's side of the shared wall locks the room.
    plan.storeys[0].openings[0] = Opening {
        id: "d1".into(),
        room: "c".into(),
        edge: 3,
        offset_mm: 1000,
        width_mm: 800,
        kind: OpeningKind::Door {
            lockable: Some(true),
            operation: None,
        },
    };
    if let OpeningKind::Window { height_mm, .. } = &mut plan.storeys[0].openings[1].kind {
        *height_mm = Some(1100);
    }
    let report = check(&plan, &profile::profile("sh-single").unwrap());
    let privacy = report
        .of(RuleId::ShGuidePrivacy)
        .find(|f| f.element_ids == ["p"])
        .unwrap();
    assert_eq!(privacy.status, Status::Pass, "{}", privacy.message_en());
}
