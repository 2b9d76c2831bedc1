//! The undo history stores what each step changed and is bounded by memory; gestures compute
//! each preview from their origin in a second buffer. These tests hold both to the plain
//! meaning: undo and redo restore exactly the plans the user saw, and a preview is exactly
//! the command applied to the gesture's origin.

use madori_editor::history::{bytes, HISTORY_BUDGET_BYTES};
use madori_editor::{empty_plan, Command, Editor, RoomPatch, Transform};
use madori_plan::{templates, Dwelling, Plan, PointMm};
use proptest::prelude::*;

mod common;
use common::rect_room;

/// Two rooms sharing the wall x = 2730.
fn two_rooms() -> Editor {
    let mut plan = empty_plan();
    plan.storeys[0].rooms = vec![
        rect_room("a", 0, 0, 2730, 3640),
        rect_room("b", 2730, 0, 2730, 3640),
    ];
    Editor::new(plan)
}

#[test]
fn a_small_plan_undoes_and_redoes_fifteen_hundred_steps_exactly() {
    let mut ed = two_rooms();
    let mut seen = vec![ed.plan.clone()];
    for step in 0..1_500 {
        // The shared wall moves right and back by 10 mm; every fifth step renames a room.
        let command = if step % 5 == 4 {
            Command::UpdateRoom {
                room: "a".into(),
                patch: RoomPatch {
                    name: Some(format!("洋室{step}")),
                    ..RoomPatch::default()
                },
            }
        } else {
            Command::MoveEdge {
                room: "a".into(),
                edge: 1,
                offset_mm: if step % 2 == 0 { 10 } else { -10 },
            }
        };
        ed.apply(command).unwrap();
        seen.push(ed.plan.clone());
    }
    assert_eq!(ed.history().len(), 1_500, "no step was dropped");
    let per_step = ed.history_bytes() / 1_500;
    assert!(
        HISTORY_BUDGET_BYTES / per_step >= 10_000,
        "the budget holds ten thousand such steps ({per_step} bytes each)"
    );
    for expected in seen.iter().rev().skip(1) {
        assert!(ed.undo());
        assert_eq!(&ed.plan, expected);
    }
    assert!(!ed.undo());
    for expected in seen.iter().skip(1) {
        assert!(ed.redo());
        assert_eq!(&ed.plan, expected);
    }
    assert!(!ed.redo());
}

#[test]
fn history_of_two_hundred_wall_moves_on_641_rooms_holds_a_fraction_of_the_snapshots() {
    let plan = templates::irregular(641, 4, 1);
    let mut ed = Editor::new(plan.clone());
    // A shared wall of storey 1 (the drag benchmark's).
    let room = plan.storeys[1].rooms[0].id.clone();
    for step in 0..200 {
        ed.apply(Command::MoveEdge {
            room: room.clone(),
            edge: 1,
            offset_mm: if step % 2 == 0 { 120 } else { -120 },
        })
        .unwrap();
    }
    let snapshots = 200 * 2 * bytes(&plan);
    eprintln!(
        "history after 200 wall moves on 641 rooms: {} bytes; two whole plans per step: {} bytes",
        ed.history_bytes(),
        snapshots
    );
    assert_eq!(ed.history().len(), 200);
    assert!(
        ed.history_bytes() * 100 < snapshots,
        "{} bytes against {snapshots}",
        ed.history_bytes()
    );
    while ed.undo() {}
    assert_eq!(ed.plan, plan);
}

#[test]
fn a_large_plan_keeps_the_newest_steps_within_the_memory_budget() {
    let plan = templates::irregular(641, 4, 1);
    let mut ed = Editor::new(plan.clone());
    // Mirroring changes every room and fixture: the largest step there is.
    ed.apply(Command::TransformPlan(Transform::MirrorHorizontal))
        .unwrap();
    let per_step = ed.history_bytes();
    let steps = HISTORY_BUDGET_BYTES / per_step + 5;
    for _ in 1..steps {
        ed.apply(Command::TransformPlan(Transform::MirrorHorizontal))
            .unwrap();
        assert!(ed.history_bytes() <= HISTORY_BUDGET_BYTES);
    }
    let kept = ed.history().len();
    assert_eq!(
        kept,
        HISTORY_BUDGET_BYTES / per_step,
        "the oldest were dropped"
    );
    while ed.undo() {}
    // Undoing every kept step leaves the plan as it was `steps - kept` mirrors in.
    let mirrored = (steps - kept) % 2 == 1;
    let expected = if mirrored {
        Command::TransformPlan(Transform::MirrorHorizontal)
            .apply(&plan)
            .unwrap()
    } else {
        plan
    };
    assert_eq!(ed.plan, expected);
}

#[test]
fn the_newest_step_is_kept_even_beyond_the_budget_and_undoes() {
    // One step larger than nothing else: the history never drops the last edit.
    let plan = templates::irregular(641, 4, 2);
    let mut ed = Editor::new(plan.clone());
    ed.apply(Command::TransformPlan(Transform::RotateClockwise))
        .unwrap();
    assert_eq!(ed.history().len(), 1);
    assert!(ed.undo());
    assert_eq!(ed.plan, plan);
}

#[test]
fn a_command_that_changes_nothing_adds_no_step_and_keeps_redo() {
    let mut ed = two_rooms();
    ed.apply(Command::MoveEdge {
        room: "a".into(),
        edge: 1,
        offset_mm: 455,
    })
    .unwrap();
    ed.undo();
    assert!(ed.can_redo());
    ed.apply(Command::UpdateRoom {
        room: "a".into(),
        patch: RoomPatch {
            name: Some("a".into()),
            ..RoomPatch::default()
        },
    })
    .unwrap();
    assert!(!ed.can_undo(), "renaming to the same name is no step");
    assert!(ed.can_redo());
    assert_eq!(ed.history_bytes() > 0, ed.can_redo());
}

#[test]
fn a_new_step_drops_the_redo_steps_and_their_memory() {
    let mut ed = two_rooms();
    for offset in [455, -455, 910] {
        ed.apply(Command::MoveEdge {
            room: "a".into(),
            edge: 1,
            offset_mm: offset,
        })
        .unwrap();
    }
    let three = ed.history_bytes();
    ed.undo();
    ed.undo();
    assert_eq!(ed.history_bytes(), three, "undone steps are kept for redo");
    ed.apply(Command::UpdateDwelling(Dwelling {
        fire_resistant: true,
        ..Dwelling::default()
    }))
    .unwrap();
    assert!(!ed.can_redo());
    assert_eq!(ed.history().len(), 2);
    assert!(ed.history_bytes() < three);
}

/// One random edit for the model test, resolved against the plan when it runs.
#[derive(Clone, Debug)]
enum Op {
    Command {
        kind: u8,
        room: usize,
        item: usize,
        d: i64,
    },
    Undo,
    Redo,
}

fn op() -> impl Strategy<Value = Op> {
    let d = prop::sample::select(vec![-1820i64, -455, -1, 1, 455, 910, 1820]);
    prop_oneof![
        6 => (0u8..10, any::<usize>(), any::<usize>(), d)
            .prop_map(|(kind, room, item, d)| Op::Command { kind, room, item, d }),
        2 => Just(Op::Undo),
        1 => Just(Op::Redo),
    ]
}

fn command(plan: &Plan, kind: u8, room: usize, item: usize, d: i64) -> Option<Command> {
    let storey = room % plan.storeys.len();
    let rooms = &plan.storeys[storey].rooms;
    let r = rooms.get(room % rooms.len().max(1))?;
    let id = r.id.clone();
    let n = r.polygon.len();
    let v = r.polygon[item % n];
    Some(match kind {
        0 => Command::MoveEdge {
            room: id,
            edge: item % n,
            offset_mm: d,
        },
        1 => Command::MoveVertex {
            storey,
            from: v,
            to: PointMm::new(v.x + d, v.y),
        },
        2 => Command::MoveRoom {
            room: id,
            delta: PointMm::new(d, -d),
        },
        3 => Command::Delete { ids: vec![id] },
        4 => Command::DuplicateRoom {
            room: id,
            new_id: madori_editor::fresh_id(plan, "dup"),
        },
        5 => Command::MergeRooms {
            a: id,
            b: rooms[item % rooms.len()].id.clone(),
        },
        6 => Command::AddStorey {
            id: madori_editor::fresh_id(plan, "s"),
            name: "追加".into(),
        },
        7 => Command::SetCeilingHeight {
            storey,
            height_mm: Some(2400 + d.unsigned_abs() as u32),
        },
        8 => Command::UpdateDwelling(Dwelling {
            year_built: Some(1990 + (item % 30) as i32),
            ..plan.dwelling.clone()
        }),
        _ => Command::TransformPlan(Transform::RotateClockwise),
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Against a model that keeps every plan: after each command, undo and redo, the editor
    /// shows exactly the model's plan; undo-all returns the start and redo-all the end.
    #[test]
    fn undo_and_redo_follow_a_model_of_whole_plans(seed in 0u64..500, ops in prop::collection::vec(op(), 1..40)) {
        let start = templates::irregular(40, 2, seed);
        let mut ed = Editor::new(start.clone());
        let mut model = vec![start.clone()];
        let mut at = 0;
        for op in &ops {
            match *op {
                Op::Command { kind, room, item, d } => {
                    let Some(c) = command(&ed.plan, kind, room, item, d) else { continue };
                    let before = ed.plan.clone();
                    if ed.apply(c).is_ok() && ed.plan != before {
                        model.truncate(at + 1);
                        model.push(ed.plan.clone());
                        at += 1;
                    }
                }
                Op::Undo => {
                    prop_assert_eq!(ed.undo(), at > 0);
                    at = at.saturating_sub(1);
                }
                Op::Redo => {
                    prop_assert_eq!(ed.redo(), at + 1 < model.len());
                    at = (at + 1).min(model.len() - 1);
                }
            }
            prop_assert!(ed.plan == model[at], "after {:?}", op);
        }
        while ed.undo() {}
        prop_assert!(ed.plan == start);
        while ed.redo() {}
        prop_assert!(&ed.plan == model.last().unwrap());
    }

    /// During a drag, each preview is exactly the command applied to the gesture's origin,
    /// whatever came before it (refused steps, commands that failed half-way); a refused
    /// step keeps the last valid preview; commit is one step and undo restores the origin.
    #[test]
    fn every_preview_is_the_command_applied_to_the_origin(seed in 0u64..500, steps in prop::collection::vec((0u8..4, any::<usize>(), -4000i64..4000), 1..16)) {
        let origin = templates::irregular(40, 2, seed);
        let mut ed = Editor::new(origin.clone());
        ed.begin_gesture("drag");
        let mut shown = origin.clone();
        for &(kind, pick, d) in &steps {
            let rooms = &origin.storeys[0].rooms;
            let room = &rooms[pick % rooms.len()];
            let n = room.polygon.len();
            let v = room.polygon[pick % n];
            let command = match kind {
                0 => Command::MoveEdge { room: room.id.clone(), edge: pick % n, offset_mm: d },
                1 => Command::MoveVertex { storey: 0, from: v, to: PointMm::new(v.x + d, v.y - d) },
                2 => Command::MoveRoom { room: room.id.clone(), delta: PointMm::new(d, 0) },
                // Fails inside `apply` after moving the edge part of the way for large `d`.
                _ => Command::SetRoomSize { room: room.id.clone(), width_mm: d, depth_mm: d.abs() + 1 },
            };
            let expected = command.apply(&origin).ok().filter(|p| madori_plan::validate::validate(p).is_empty());
            match ed.preview(&command) {
                Ok(()) => {
                    let expected = expected.expect("the editor accepted a valid result");
                    prop_assert!(ed.plan == expected);
                    shown = expected;
                }
                Err(_) => {
                    prop_assert!(expected.is_none(), "the editor refused a valid result");
                    prop_assert!(ed.plan == shown, "a refused step keeps the last preview");
                }
            }
        }
        ed.commit();
        prop_assert_eq!(ed.history().len(), usize::from(shown != origin));
        ed.undo();
        prop_assert!(ed.plan == origin);
    }
}
