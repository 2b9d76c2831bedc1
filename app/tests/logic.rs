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
