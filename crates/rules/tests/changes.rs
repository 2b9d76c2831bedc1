//! The change list from one state of a dwelling to another: the template pairs (現況 →
//! 改修案) told exactly, a split, a merge and a moved wall made with the editor's own
//! commands, and properties: a plan compared with itself has no changes, and after random
//! editor commands every room whose outline changed is mentioned.

use madori_editor::{Command, Editor, RoomPatch};
use madori_plan::geometry::{orientation, signed_area_twice_mm2};
use madori_plan::{
    format, templates, variant_plan, DoorOperation, Occupancy, OpeningKind, Plan, PointMm,
    RoomKind, Variant,
};
use madori_rules::changes::{change_list, ChangeKind, ChangeList, Piece};
use proptest::prelude::*;
use std::collections::HashMap;

fn template(name: &str) -> Plan {
    format::from_json(templates::get(name).unwrap()).unwrap()
}

fn p(x: i64, y: i64) -> PointMm {
    PointMm::new(x, y)
}

fn kinds(list: &ChangeList) -> Vec<ChangeKind> {
    list.changes.iter().map(|c| c.kind.clone()).collect()
}

fn renamed(room: &str, before: &str, after: &str) -> ChangeKind {
    ChangeKind::RoomRenamed {
        room: room.into(),
        before: before.into(),
        after: after.into(),
    }
}

fn one_person(room: &str) -> ChangeKind {
    ChangeKind::OccupancyChanged {
        room: room.into(),
        before: None,
        after: Some(Occupancy::Persons(1)),
    }
}

fn opening_changed(opening: &str, room: &str) -> ChangeKind {
    ChangeKind::OpeningChanged {
        opening: opening.into(),
        room: room.into(),
    }
}

#[test]
fn kodan_3dk_to_a_shared_house_renames_three_rooms_gives_them_a_resident_and_a_lock() {
    let list = change_list(&template("kodan-3dk"), &template("kodan-3dk-shared"));
    assert_eq!(
        kinds(&list),
        [
            renamed("r1", "和室1 (6帖)", "個室A"),
            one_person("r1"),
            renamed("r2", "和室2 (6帖)", "個室B"),
            one_person("r2"),
            renamed("dk", "DK", "共用LDK (旧DK)"),
            ChangeKind::UseChanged {
                room: "dk".into(),
                before: RoomKind::Dk,
                after: RoomKind::Ldk,
            },
            renamed("r3", "洋室 (4.5帖)", "個室C"),
            one_person("r3"),
            opening_changed("1f-d7", "r3"),
        ]
    );
    assert!(list.changes.iter().all(|c| c.storey == "1f"));
    let words: Vec<(&str, &str)> = list
        .changes
        .iter()
        .map(|c| (c.ja.as_str(), c.en.as_str()))
        .collect();
    assert_eq!(
        words[1],
        (
            "個室A の入居: 未入力 → 1人",
            "個室A occupancy: not entered → 1 person"
        )
    );
    assert_eq!(
        words[5],
        (
            "共用LDK (旧DK) の用途: DK → LDK",
            "共用LDK (旧DK) use: DK → LDK"
        )
    );
    assert_eq!(
        words[8],
        (
            "個室C の扉 1f-d7 の施錠を変更",
            "door 1f-d7 of 個室C: lock changed"
        )
    );
    assert_eq!(list.rooms(), ["r1", "r2", "dk", "r3"]);
}

#[test]
fn caretaker_2k_to_a_shared_house_adds_a_wash_basin_and_a_washing_machine_place() {
    let list = change_list(&template("caretaker-2k"), &template("caretaker-2k-shared"));
    assert_eq!(
        kinds(&list),
        [
            renamed("r6", "和室 (6帖)", "個室A"),
            one_person("r6"),
            renamed("r45", "和室 (4.5帖)", "個室B"),
            one_person("r45"),
            ChangeKind::FixtureAdded {
                fixture: "1f-f4".into(),
                room: "k".into(),
            },
            ChangeKind::FixtureAdded {
                fixture: "1f-f5".into(),
                room: "ent".into(),
            },
        ]
    );
    assert_eq!(list.changes[4].ja, "台所 に洗面台 1f-f4 を新設");
    assert_eq!(
        list.changes[5].en,
        "washing machine place 1f-f5 added to 玄関"
    );
}

#[test]
fn the_wooden_house_becomes_a_four_room_share_house_over_two_storeys() {
    let list = change_list(
        &template("wooden-house-4ldk"),
        &template("wooden-house-shared"),
    );
    let on = |storey: &str| -> Vec<ChangeKind> {
        list.changes
            .iter()
            .filter(|c| c.storey == storey)
            .map(|c| c.kind.clone())
            .collect()
    };
    assert_eq!(
        on("1f"),
        [
            renamed("ldk", "LDK", "共用LDK"),
            renamed("wa", "和室 (6帖)", "個室1 (和室)"),
            one_person("wa"),
            opening_changed("1f-d8", "wa"),
            ChangeKind::FixtureChanged {
                fixture: "1f-f2".into(),
                room: "wash".into(),
            },
        ]
    );
    assert_eq!(
        on("2f"),
        [
            renamed("y1", "洋室1", "個室2"),
            one_person("y1"),
            renamed("y2", "洋室2", "個室3"),
            one_person("y2"),
            renamed("y3", "洋室3", "個室4"),
            one_person("y3"),
            opening_changed("2f-d7", "y1"),
            opening_changed("2f-d8", "y2"),
            opening_changed("2f-d9", "y3"),
            ChangeKind::FixtureAdded {
                fixture: "2f-f3".into(),
                room: "wc2".into(),
            },
        ]
    );
    assert_eq!(list.len(), 15);
    assert_eq!(
        list.changes[4].ja, "洗面所 の洗面台 1f-f2 の仕様を変更",
        "a second bowl"
    );
}

/// The shared-house template after `command`, applied through the editor.
fn edited(command: Command) -> (Plan, Plan) {
    let base = template("kodan-3dk-shared");
    let mut editor = Editor::new(base.clone());
    editor.apply(command).unwrap();
    (base, editor.plan)
}

#[test]
fn a_split_room_keeps_its_id_names_its_new_piece_and_gains_a_wall() {
    let (before, after) = edited(Command::SplitRoom {
        room: "r1".into(),
        a: p(0, 1820),
        b: p(2730, 1820),
        new_id: "r1b".into(),
    });
    let list = change_list(&before, &after);
    assert_eq!(
        kinds(&list),
        [
            ChangeKind::RoomSplit {
                room: "r1".into(),
                before_m2: 9.9372,
                after_m2: 4.9686,
                into: vec![Piece {
                    id: "r1b".into(),
                    area_m2: 4.9686,
                }],
            },
            ChangeKind::WallAdded {
                from: p(0, 1820),
                to: p(2730, 1820),
            },
        ],
        "the window renumbered onto another edge stays where it was: no change"
    );
    assert_eq!(
        list.changes[0].ja,
        "個室A を分割: 9.93 ㎡ → 4.96 ㎡、新しい部屋 個室A (2) 4.96 ㎡（壁芯）"
    );
    assert_eq!(
        list.changes[1].en,
        "wall added: (0, 1820)–(2730, 1820), 2730 mm"
    );
    assert_eq!(list.rooms(), ["r1", "r1b"]);
}

#[test]
fn merged_rooms_lose_their_partition_and_the_window_follows_the_room() {
    let (before, after) = edited(Command::MergeRooms {
        a: "r1".into(),
        b: "r2".into(),
    });
    let list = change_list(&before, &after);
    assert_eq!(
        kinds(&list),
        [
            ChangeKind::RoomsMerged {
                room: "r1".into(),
                before_m2: 9.9372,
                after_m2: 19.8744,
                from: vec![Piece {
                    id: "r2".into(),
                    area_m2: 9.9372,
                }],
            },
            opening_changed("1f-w2", "r1"),
            ChangeKind::WallRemoved {
                from: p(2730, 0),
                to: p(2730, 3640),
            },
        ]
    );
    assert_eq!(
        list.changes[0].ja,
        "個室B を 個室A に統合: 9.93 ㎡ → 19.87 ㎡（壁芯）"
    );
    assert_eq!(
        list.changes[1].en,
        "window 1f-w2 of 個室A: room (個室B → 個室A) changed"
    );
}

#[test]
fn a_moved_wall_is_one_wall_removed_one_added_and_two_rooms_resized() {
    let (before, after) = edited(Command::MoveEdge {
        room: "r1".into(),
        edge: 1,
        offset_mm: 455,
    });
    let list = change_list(&before, &after);
    assert_eq!(
        kinds(&list),
        [
            ChangeKind::RoomResized {
                room: "r1".into(),
                before_m2: 9.9372,
                after_m2: 8.281,
            },
            ChangeKind::RoomResized {
                room: "r2".into(),
                before_m2: 9.9372,
                after_m2: 11.5934,
            },
            ChangeKind::WallRemoved {
                from: p(2730, 0),
                to: p(2730, 3640),
            },
            ChangeKind::WallAdded {
                from: p(2275, 0),
                to: p(2275, 3640),
            },
        ],
        "the balcony gains a vertex where the wall met it, which is no change"
    );
    assert_eq!(
        list.changes[0].ja,
        "個室A の面積: 9.93 ㎡ → 8.28 ㎡（壁芯）"
    );
    assert_eq!(
        list.changes[1].en,
        "個室B: 9.93 ㎡ → 11.59 ㎡ (wall centre)"
    );
}

#[test]
fn areas_print_with_the_rounding_the_proposal_is_checked_with() {
    // 2731 × 3640 = 9.94084 ㎡: 9.94 truncated, 9.95 rounded up.
    let (before, mut after) = edited(Command::MoveEdge {
        room: "r1".into(),
        edge: 1,
        offset_mm: -1,
    });
    assert_eq!(
        change_list(&before, &after).changes[0].ja,
        "個室A の面積: 9.93 ㎡ → 9.94 ㎡（壁芯）"
    );
    after.check = Some(madori_plan::CheckSettings {
        profile: "sh-single".into(),
        local_override: None,
        values: vec![madori_plan::CheckValue {
            key: "report.rounding".into(),
            value: 2.0,
            source: "test".into(),
        }],
    });
    assert_eq!(
        change_list(&before, &after).changes[0].ja,
        "個室A の面積: 9.94 ㎡ → 9.95 ㎡（壁芯）"
    );
}

#[test]
fn a_moved_room_a_removed_room_and_a_new_storey_are_told() {
    let (before, after) = edited(Command::MoveRoom {
        room: "balc".into(),
        delta: p(0, -100),
    });
    let list = change_list(&before, &after);
    assert_eq!(
        list.changes[0].kind,
        ChangeKind::RoomMoved {
            room: "balc".into(),
            by: p(0, -100),
        }
    );
    assert_eq!(list.changes[0].ja, "バルコニー を移動 (0, -100) mm");
    let removed: Vec<(PointMm, PointMm)> = list
        .changes
        .iter()
        .filter_map(|c| match c.kind {
            ChangeKind::WallRemoved { from, to } => Some((from, to)),
            _ => None,
        })
        .collect();
    assert_eq!(
        removed,
        [
            (p(0, -1200), p(5460, -1200)),
            (p(0, -100), p(0, 0)),
            (p(5460, -100), p(5460, 0)),
        ],
        "the far side and the stretch of the sides left behind; the near side was on the rooms' wall"
    );

    let (before, after) = edited(Command::Delete {
        ids: vec!["wc".into()],
    });
    assert_eq!(
        kinds(&change_list(&before, &after)),
        [
            ChangeKind::RoomRemoved { room: "wc".into() },
            ChangeKind::FixtureRemoved {
                fixture: "1f-f1".into(),
                room: "wc".into(),
            },
        ],
        "every wall of the toilet is a neighbour's wall too"
    );

    let (before, after) = edited(Command::AddStorey {
        id: "2f".into(),
        name: "2F".into(),
    });
    let list = change_list(&before, &after);
    assert_eq!(kinds(&list), [ChangeKind::StoreyAdded]);
    assert_eq!(
        (list.changes[0].ja.as_str(), list.changes[0].storey.as_str()),
        ("階 2F を追加", "2f")
    );
    let list = change_list(&after, &before);
    assert_eq!(kinds(&list), [ChangeKind::StoreyRemoved]);
}

#[test]
fn a_variant_is_checked_as_a_plan_of_its_own() {
    let mut plan = template("kodan-3dk");
    let proposal = template("kodan-3dk-shared");
    plan.variants.push(Variant {
        id: "a".into(),
        name: "計画案A".into(),
        note: String::new(),
        dwelling: proposal.dwelling.clone(),
        check: Some(madori_plan::CheckSettings {
            profile: "sh-single".into(),
            ..Default::default()
        }),
        storeys: proposal.storeys.clone(),
    });
    assert!(madori_plan::validate::validate(&plan).is_empty());
    let state = variant_plan(&plan, 0).unwrap();
    assert_eq!(state.name, "計画案A");
    assert_eq!(state.storeys, proposal.storeys);
    assert_eq!(state.dwelling, proposal.dwelling);
    assert_eq!(state.check.as_ref().unwrap().profile, "sh-single");
    assert!(state.variants.is_empty());
    assert_eq!(variant_plan(&plan, 1), None);
    assert_eq!(
        change_list(&plan, &state),
        change_list(&template("kodan-3dk"), &proposal)
    );
}

/// An outline as a point set (collinear vertices dropped, one winding, smallest vertex
/// first), the test's own definition of "the outline changed".
fn shape(polygon: &[PointMm]) -> Vec<PointMm> {
    let n = polygon.len();
    let mut out: Vec<PointMm> = (0..n)
        .filter(|&i| orientation(polygon[(i + n - 1) % n], polygon[i], polygon[(i + 1) % n]) != 0)
        .map(|i| polygon[i])
        .collect();
    if signed_area_twice_mm2(&out) < 0 {
        out.reverse();
    }
    let start = (0..out.len())
        .min_by_key(|&i| (out[i].x, out[i].y))
        .unwrap_or(0);
    out.rotate_left(start);
    out
}

/// Rooms whose outline differs between the plans, or that exist in only one, by storey id.
fn changed_rooms(before: &Plan, after: &Plan) -> Vec<String> {
    let index = |plan: &Plan| -> HashMap<(String, String), Vec<PointMm>> {
        plan.storeys
            .iter()
            .flat_map(|s| {
                s.rooms
                    .iter()
                    .map(move |r| ((s.id.clone(), r.id.clone()), shape(&r.polygon)))
            })
            .collect()
    };
    let (a, b) = (index(before), index(after));
    let mut out: Vec<String> = a
        .iter()
        .filter(|(k, v)| b.get(*k) != Some(*v))
        .chain(b.iter().filter(|(k, _)| !a.contains_key(*k)))
        .map(|((_, room), _)| room.clone())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A random editor command on `plan`, its details drawn from `seed`.
fn command(plan: &Plan, kind: u8, seed: u64) -> Command {
    let mut x = seed | 1;
    let mut next = move |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n.max(1) as u64) as usize
    };
    let storey = &plan.storeys[next(plan.storeys.len())];
    let rooms = &storey.rooms;
    let room = &rooms[next(rooms.len())];
    let id = room.id.clone();
    let vertex = room.polygon[next(room.polygon.len())];
    let (lo, hi) = madori_plan::geometry::bounds(&room.polygon).unwrap();
    let offsets = [-910, -455, -100, -5, 5, 100, 455, 910];
    match kind % 9 {
        0 | 1 => Command::MoveEdge {
            room: id,
            edge: next(room.polygon.len()),
            offset_mm: offsets[next(offsets.len())],
        },
        2 => Command::MoveVertex {
            storey: plan.storeys.iter().position(|s| s.id == storey.id).unwrap(),
            from: vertex,
            to: p(
                vertex.x + offsets[next(offsets.len())],
                vertex.y + offsets[next(offsets.len())] / 2,
            ),
        },
        3 => {
            let (a, b) = if next(2) == 0 {
                let y = (lo.y + hi.y) / 2;
                (p(lo.x - 10, y), p(hi.x + 10, y))
            } else {
                let x = (lo.x + hi.x) / 2;
                (p(x, lo.y - 10), p(x, hi.y + 10))
            };
            Command::SplitRoom {
                room: id,
                a,
                b,
                new_id: madori_editor::fresh_id(plan, "cut"),
            }
        }
        4 => Command::MergeRooms {
            a: id,
            b: rooms[next(rooms.len())].id.clone(),
        },
        5 => Command::MoveRoom {
            room: id,
            delta: p(offsets[next(offsets.len())], offsets[next(offsets.len())]),
        },
        6 => Command::Delete { ids: vec![id] },
        7 => Command::DuplicateRoom {
            room: id,
            new_id: madori_editor::fresh_id(plan, "copy"),
        },
        _ => Command::UpdateRoom {
            room: id,
            patch: RoomPatch {
                name: Some(format!("room {}", next(100))),
                kind: Some(RoomKind::ALL[next(RoomKind::ALL.len())]),
                occupancy: Some(Some(Occupancy::Persons(1 + next(2) as u32))),
                ..RoomPatch::default()
            },
        },
    }
}

fn any_plan() -> impl Strategy<Value = Plan> {
    prop_oneof![
        prop::sample::select(templates::TEMPLATES.map(|(name, _)| name).to_vec())
            .prop_map(template),
        (4usize..40, 1usize..3, any::<u64>())
            .prop_map(|(r, s, seed)| { templates::irregular(r, s, seed) }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_plan_compared_with_itself_has_no_changes(plan in any_plan()) {
        prop_assert!(change_list(&plan, &plan).is_empty());
    }

    #[test]
    fn every_room_whose_outline_changed_is_mentioned(
        plan in any_plan(),
        edits in prop::collection::vec((any::<u8>(), any::<u64>()), 1..8),
    ) {
        let mut editor = Editor::new(plan.clone());
        for (kind, seed) in edits {
            let cmd = command(&editor.plan, kind, seed);
            // Refused commands change nothing; that is the editor's business.
            let _ = editor.apply(cmd);
        }
        let list = change_list(&plan, &editor.plan);
        let mentioned = list.rooms();
        for room in changed_rooms(&plan, &editor.plan) {
            prop_assert!(
                mentioned.contains(&room.as_str()),
                "room {} changed its outline but the list says {:?}",
                room,
                list.changes.iter().map(|c| &c.en).collect::<Vec<_>>()
            );
        }
        prop_assert!(change_list(&editor.plan, &editor.plan).is_empty());
        // Every resize tells the real areas.
        for change in &list.changes {
            if let ChangeKind::RoomResized { room, before_m2, after_m2 } = &change.kind {
                let area = |plan: &Plan| {
                    plan.storeys.iter().find(|s| s.id == change.storey)
                        .and_then(|s| s.rooms.iter().find(|r| &r.id == room))
                        .map(|r| madori_rules::area::wall_centre_area_m2(&r.polygon))
                };
                prop_assert_eq!(area(&plan), Some(*before_m2));
                prop_assert_eq!(area(&editor.plan), Some(*after_m2));
            }
        }
    }
}

#[test]
fn a_doors_new_operation_is_told_apart_from_its_lock() {
    let before = template("kodan-3dk-shared");
    let door = before.storeys[0]
        .openings
        .iter()
        .position(|o| o.id == "1f-d7")
        .unwrap();
    let with = |lockable, operation| {
        let mut plan = before.clone();
        plan.storeys[0].openings[door].kind = OpeningKind::Door {
            lockable,
            operation,
        };
        plan
    };
    let words = |after: &Plan| -> Vec<(String, String)> {
        change_list(&before, after)
            .changes
            .into_iter()
            .map(|c| (c.ja, c.en))
            .collect()
    };
    assert_eq!(
        words(&with(Some(true), Some(DoorOperation::Sliding))),
        [(
            "個室C の扉 1f-d7 の開き方を変更".to_string(),
            "door 1f-d7 of 個室C: operation changed".to_string()
        )]
    );
    assert_eq!(
        words(&with(Some(false), Some(DoorOperation::Folding))),
        [(
            "個室C の扉 1f-d7 の施錠・開き方を変更".to_string(),
            "door 1f-d7 of 個室C: lock, operation changed".to_string()
        )]
    );
    // An absent operation is a 開き戸: writing it out is no change.
    assert_eq!(words(&with(Some(true), Some(DoorOperation::Hinged))), []);
}
