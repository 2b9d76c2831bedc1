//! Splitting rooms: readable names, and the residents stay in the first piece (issue 11).

use madori_editor::commands::piece_name;
use madori_editor::tools::Tool;
use madori_editor::{empty_plan, Command, Editor, RoomPatch};
use madori_plan::Occupancy;

#[test]
fn pieces_get_readable_names_and_only_the_first_keeps_the_residents() {
    let mut ed = Editor::new(empty_plan());
    ed.tool(Tool::Room).down(0.0, 0.0).drag(7280.0, 3640.0).up();
    let id = ed.plan.storeys[0].rooms[0].id.clone();
    ed.apply(Command::UpdateRoom {
        room: id.clone(),
        patch: RoomPatch {
            name: Some("居室1".into()),
            occupancy: Some(Some(Occupancy::Persons(1))),
            ..Default::default()
        },
    })
    .unwrap();
    // Three cuts across the room, each through the piece on the right.
    for x in [1820.0, 3640.0, 5460.0] {
        ed.tool(Tool::Split).click(x, -500.0).click(x, 4000.0);
    }
    let rooms = &ed.plan.storeys[0].rooms;
    assert_eq!(rooms.len(), 4);
    let mut names: Vec<&str> = rooms.iter().map(|r| r.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["居室1", "居室1 (2)", "居室1 (3)", "居室1 (4)"]);
    let residents: u32 = rooms
        .iter()
        .filter_map(|r| r.occupancy.as_ref())
        .map(Occupancy::persons)
        .sum();
    assert_eq!(residents, 1, "a cut does not create residents");
    // One undo step per cut.
    ed.undo();
    assert_eq!(ed.plan.storeys[0].rooms.len(), 3);
}

#[test]
fn piece_names_take_the_next_free_number() {
    let names = ["洋室", "洋室 (2)", "和室 (3)", "LDK (a)"];
    assert_eq!(piece_name(names.into_iter(), "洋室"), "洋室 (3)");
    assert_eq!(piece_name(names.into_iter(), "洋室 (2)"), "洋室 (3)");
    assert_eq!(piece_name(names.into_iter(), "和室 (3)"), "和室 (2)");
    assert_eq!(piece_name(names.into_iter(), "LDK (a)"), "LDK (a) (2)");
}
