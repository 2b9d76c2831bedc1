//! `Command::Batch`: several commands as one undo step; any failing fails the whole and
//! changes nothing.

use madori_editor::{Command, Editor, RoomPatch};
use madori_plan::{format, templates, RoomKind};

fn house() -> Editor {
    Editor::new(format::from_json(templates::get("wooden-house-shared").unwrap()).unwrap())
}

fn rename(room: &str, name: &str) -> Command {
    Command::UpdateRoom {
        room: room.into(),
        patch: RoomPatch {
            name: Some(name.into()),
            ..RoomPatch::default()
        },
    }
}

#[test]
fn a_batch_is_one_undo_step() {
    let mut ed = house();
    let before = ed.plan.clone();
    ed.apply(Command::Batch(vec![
        rename("y1", "個室A"),
        Command::UpdateRoom {
            room: "nando".into(),
            patch: RoomPatch {
                kind: Some(RoomKind::Other),
                ..RoomPatch::default()
            },
        },
    ]))
    .unwrap();
    assert_eq!(ed.plan.room("y1").unwrap().name, "個室A");
    assert_eq!(ed.plan.room("nando").unwrap().kind, RoomKind::Other);
    ed.undo();
    assert_eq!(ed.plan, before, "one undo takes both back");
    assert!(!ed.can_undo());
}

#[test]
fn a_batch_with_a_failing_part_changes_nothing() {
    let mut ed = house();
    let before = ed.plan.clone();
    // The second part names a room that does not exist; the first must not stay applied.
    let refused = ed.apply(Command::Batch(vec![
        rename("y1", "個室A"),
        rename("nowhere", "x"),
    ]));
    assert!(refused.is_err());
    assert_eq!(ed.plan, before);
    assert!(!ed.can_undo());
    // A part whose result the validator refuses (an empty name) fails the whole too.
    let refused = ed.apply(Command::Batch(vec![
        rename("y1", "個室A"),
        rename("y2", " "),
    ]));
    assert!(refused.is_err());
    assert_eq!(ed.plan, before);
    // An empty batch changes nothing and records no step.
    ed.apply(Command::Batch(Vec::new())).unwrap();
    assert!(!ed.can_undo());
}
