//! The app's own small logic: keyboard shortcuts, typed children's ages, translations.

use madori_app::components::inspector::parse_ages;
use madori_app::i18n::{room_kind, status_label, t, Key, Lang};
use madori_app::keyboard::{shortcut, Shortcut};
use madori_editor::tools::{Key as ToolKey, Tool};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn shortcuts() {
    assert!(matches!(shortcut("z", true, false), Some(Shortcut::Undo)));
    assert!(matches!(shortcut("Z", true, true), Some(Shortcut::Redo)));
    assert!(matches!(shortcut("y", true, false), Some(Shortcut::Redo)));
    assert!(matches!(
        shortcut("Delete", false, false),
        Some(Shortcut::Key(ToolKey::Delete))
    ));
    assert!(matches!(
        shortcut("Escape", false, false),
        Some(Shortcut::Key(ToolKey::Escape))
    ));
    assert!(matches!(
        shortcut("ArrowLeft", false, false),
        Some(Shortcut::Key(ToolKey::Arrow { dx: -1, dy: 0 }))
    ));
    assert!(matches!(
        shortcut("r", false, false),
        Some(Shortcut::Tool(Tool::Room))
    ));
    assert!(matches!(
        shortcut("p", false, false),
        Some(Shortcut::Tool(Tool::Polygon))
    ));
    assert!(
        shortcut("r", true, false).is_none(),
        "Ctrl+R stays the browser's"
    );
    assert!(shortcut("q", false, false).is_none());
}

#[wasm_bindgen_test]
fn children_ages_accept_japanese_commas_and_reject_nonsense() {
    assert_eq!(parse_ages("3,8"), Some(vec![3, 8]));
    assert_eq!(parse_ages("3、 8"), Some(vec![3, 8]));
    assert_eq!(parse_ages(""), Some(vec![]));
    assert_eq!(parse_ages("three"), None);
    assert_eq!(parse_ages("300"), None);
}

#[wasm_bindgen_test]
fn labels_come_in_both_languages() {
    assert_eq!(t(Lang::Ja, Key::ToolRoom), "部屋");
    assert_eq!(t(Lang::En, Key::ToolRoom), "Room");
    assert_eq!(
        status_label(Lang::Ja, madori_rules::Status::Fail),
        "✗ 不適合"
    );
    assert_eq!(
        status_label(Lang::En, madori_rules::Status::Unavailable),
        "? Unavailable"
    );
    for kind in madori_plan::RoomKind::ALL {
        assert!(!room_kind(Lang::Ja, kind).is_empty() && !room_kind(Lang::En, kind).is_empty());
    }
    // The properties panel is 属性 (not 検査, which reads as the check).
    assert_eq!(t(Lang::Ja, Key::Inspector), "属性");
    // Every shipped template has a name of its own in both languages, never its id.
    let mut names = std::collections::HashSet::new();
    for (id, _) in madori_plan::templates::TEMPLATES {
        for lang in [Lang::Ja, Lang::En] {
            let name = madori_app::i18n::template_name(lang, id);
            assert!(name != id && name != "ひな形" && name != "template", "{id}");
            assert!(names.insert(name), "{id}: {name} is not unique");
        }
    }
}

#[wasm_bindgen_test]
fn room_labels_keep_clear_of_fixture_symbols() {
    use madori_app::components::plan_view::label_clear_of_fixtures;
    use madori_plan::PointMm;
    let room = [
        PointMm::new(0, 0),
        PointMm::new(3640, 0),
        PointMm::new(3640, 2730),
        PointMm::new(0, 2730),
    ];
    let font = 150.0;
    let block = (450.0, 210.0, 150.0);
    let centre = madori_rules::area::label_position_mm(&room);
    // Nothing in the way: the usual place.
    assert_eq!(label_clear_of_fixtures(&room, &[], font, block), centre);
    // A toilet symbol on the label point: the label moves, stays in the room, and the symbol's
    // circle no longer touches its box.
    let (x, y) = label_clear_of_fixtures(&room, &[centre], font, block);
    assert_ne!((x, y), centre);
    assert!(x > 0.0 && x < 3640.0 && y > 0.0 && y < 2730.0);
    let dx = ((centre.0 - x).abs() - block.0).max(0.0);
    let dy = if centre.1 < y - block.1 {
        y - block.1 - centre.1
    } else if centre.1 > y + block.2 {
        centre.1 - y - block.2
    } else {
        0.0
    };
    assert!(dx.hypot(dy) > font * 1.1, "({x}, {y})");
}

/// The capacity panel reads the worker's suggestions by hand: every kind of change comes
/// back as the worker wrote it.
#[wasm_bindgen_test]
fn suggestions_read_back_as_the_worker_wrote_them() {
    use madori_app::components::capacity::read_suggestions;
    use madori_editor::suggest::{one_more, Budget, Edit, Effort, Suggestion, Suggestions};
    use madori_plan::{format, templates, PointMm, RoomKind};
    let plan = format::from_json(templates::get("wooden-house-shared").unwrap()).unwrap();
    let profile = madori_rules::profile::resolve(plan.check.as_ref(), &plan).profile;
    let mut found = one_more(&plan, &profile, Budget::default());
    assert!(!found.list.is_empty());
    // One of every kind, so each branch of the reader is exercised.
    let edits = [
        (
            Effort::Use,
            Edit::UseAs {
                room: "r".into(),
                kind: RoomKind::Ldk,
            },
        ),
        (
            Effort::Fixture,
            Edit::AddBowl {
                fixture: "f".into(),
                bowls: 2,
            },
        ),
        (
            Effort::Partition,
            Edit::MoveWall {
                room: "r".into(),
                edge: 3,
                offset_mm: -455,
            },
        ),
        (
            Effort::Use,
            Edit::Both {
                first: Box::new(Edit::UseAs {
                    room: "a".into(),
                    kind: RoomKind::Storage,
                }),
                second: Box::new(Edit::AddBowl {
                    fixture: "f".into(),
                    bowls: 3,
                }),
            },
        ),
        (
            Effort::NewPartition,
            Edit::Split {
                room: "r".into(),
                a: PointMm::new(0, 1),
                b: PointMm::new(2, 3),
                new_id: "n".into(),
            },
        ),
        (
            Effort::Extension,
            Edit::SplitOff {
                room: "r".into(),
                a: PointMm::new(-4, 5),
                b: PointMm::new(6, -7),
                new_id: "n".into(),
                name: "個室9".into(),
            },
        ),
    ];
    for (effort, edit) in edits {
        found.list.push(Suggestion {
            edit,
            effort,
            size_m2: 1.25,
            capacity_after: 7,
            new_failures: vec!["SH-COMMON".into()],
            new_warnings: vec!["BS-DAYLIGHT".into()],
            ja: "言葉".into(),
            en: "words".into(),
        });
    }
    let value = serde_json::to_value(&found).unwrap();
    let read: Suggestions = read_suggestions(&value).expect("reads");
    assert_eq!(read, found);
    assert!(read_suggestions(&serde_json::json!({"list": [{"edit": {"type": "nuke"}}]})).is_none());
}

/// The page's readers of the worker's replies (comparison, ghosts, explainer) read what the
/// worker's own protocol writes.
#[wasm_bindgen_test]
fn the_page_reads_what_the_worker_writes() {
    use madori_app::components::{
        ghosts::read_ghosts, states::read_comparison, workshop::read_explain,
    };
    use madori_editor::{Command, Editor};
    use madori_plan::{format, templates, PointMm};
    let ask = |request: &str, plan: &madori_plan::Plan| -> serde_json::Value {
        let reply: serde_json::Value = serde_json::from_str(&madori_worker::respond(
            request,
            format::to_json(plan).as_bytes(),
        ))
        .unwrap();
        reply["ok"].clone()
    };
    // A comparison: 現況 saved, then 1980 mm of the LDK partitioned off.
    let mut ed =
        Editor::new(format::from_json(templates::get("wooden-house-shared").unwrap()).unwrap());
    ed.apply(Command::SaveState {
        id: "s".into(),
        name: "現況".into(),
        note: String::new(),
    })
    .unwrap();
    ed.apply(Command::SplitRoom {
        room: "ldk".into(),
        a: PointMm::new(2570, 0),
        b: PointMm::new(2570, 4550),
        new_id: "new".into(),
    })
    .unwrap();
    let compared =
        read_comparison(0, &ask(r#"{"op": "compare", "index": 0}"#, &ed.plan)).expect("reads");
    assert_eq!(compared.name, "現況");
    assert_eq!(compared.before.capacity, Some(4));
    assert!(compared
        .changes
        .iter()
        .any(|c| matches!(c.wall, Some((_, _, true)))));
    assert!(compared.after.fails >= compared.after.failing.len());
    // Ghosts: 個室C of the 3DK reaches 9 ㎡ when its bottom wall moves.
    let kodan = format::from_json(templates::get("kodan-3dk-shared").unwrap()).unwrap();
    let ghosts = read_ghosts(&ask(
        r#"{"op": "ghosts", "storey": 0, "room": "r3", "edge": 2, "range_mm": 1820}"#,
        &kodan,
    ));
    assert!(ghosts.iter().any(|g| g.ja.contains("9 ㎡")), "{ghosts:?}");
    // The explainer, with this plan's numbers.
    let (titles, explained) =
        read_explain(&ask(r#"{"op": "explain", "rule": "SH-ROOM"}"#, &kodan)).expect("reads");
    assert!(titles
        .iter()
        .any(|(id, ja, _)| id == "SH-ROOM" && !ja.is_empty()));
    let explained = explained.expect("SH-ROOM explained");
    assert!(
        explained
            .formulas
            .iter()
            .any(|f| f.contains("7.45 ㎡ < 9 ㎡")),
        "{:?}",
        explained.formulas
    );
}

/// A plan the app wrote is read by the small reader; one it did not write as this version
/// does (a version 1 entry kept from before) goes to the full loader and comes back
/// migrated; a damaged one gives its problems, with paths.
#[wasm_bindgen_test]
async fn stored_plans_are_read_by_the_small_reader_or_else_the_full_loader() {
    use madori_app::file::read_own;
    let template = madori_app::state::load_template("kodan-3dk").await.unwrap();
    let own = madori_plan::format::to_json(&template);
    assert_eq!(read_own(&own).await.unwrap(), template);
    let v1 = include_str!("../../crates/plan/tests/loader/v1-wooden-house-shared.json");
    assert!(
        madori_plan::canonical::from_json(v1).is_err(),
        "version 1 is not as written now"
    );
    let migrated = read_own(v1).await.unwrap();
    assert_eq!(migrated.format_version, madori_plan::format::FORMAT_VERSION);
    assert_eq!(
        migrated.storeys,
        madori_plan::format::from_json(v1).unwrap().storeys
    );
    let damaged = own.replacen("\"kind\": \"private\"", "\"kind\": 7", 1);
    assert_ne!(damaged, own);
    let problems = read_own(&damaged).await.unwrap_err();
    assert!(
        problems.iter().any(|p| p.path.ends_with(".kind")),
        "{problems:?}"
    );
}
