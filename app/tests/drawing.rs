//! Drawing in the real app by typed lengths, with the readout beside the pointer.

use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::*;

/// Types `text` one key at a time.
async fn type_keys(text: &str) {
    for c in text.chars() {
        key(&c.to_string(), false, false).await;
    }
}

async fn click_at(root: &Element, x: f64, y: f64) {
    pointer(root, "pointerdown", x, y);
    pointer(root, "pointerup", x, y);
    settle().await;
}

async fn move_to(root: &Element, x: f64, y: f64) {
    pointer(root, "pointermove", x, y);
    settle().await;
}

fn rooms(root: &Element) -> u32 {
    count(root, "g.room")
}

#[wasm_bindgen_test]
async fn a_room_drawn_by_typed_lengths_with_the_readout_showing_length_and_coordinates() {
    let root = mount();
    settle().await;
    click(&root, "new-plan").await;
    click(&root, "new-plan-wooden").await;
    // Nothing is being drawn: digits do nothing and letters stay shortcuts.
    type_keys("3640").await;
    assert!(try_query(&root, "readout").is_none());
    assert_eq!(rooms(&root), 0);
    key("p", false, false).await;
    assert!(
        query(&root, "tool-polygon").class_list().contains("active"),
        "P chose the polygon tool"
    );

    // Polygon: first corner by a click, then each side by its length.
    click_at(&root, 0.0, 0.0).await;
    move_to(&root, 3000.0, 100.0).await;
    assert_eq!(text(&root, "readout-measure"), "長さ 2730 mm");
    assert_eq!(text(&root, "readout-at"), "座標 2730, 0 mm");
    assert!(text(&root, "readout-hint").contains("Enter"));
    type_keys("3641").await;
    key("Backspace", false, false).await;
    type_keys("0").await;
    assert!(
        text(&root, "readout-typed").contains("3640"),
        "{}",
        text(&root, "readout-typed")
    );
    key("Enter", false, false).await;
    assert!(try_query(&root, "readout-typed").is_none());
    move_to(&root, 3640.0, 2000.0).await;
    assert_eq!(text(&root, "readout-measure"), "長さ 1820 mm");
    assert_eq!(text(&root, "readout-at"), "座標 3640, 1820 mm");
    type_keys("2730").await;
    key("Enter", false, false).await;
    move_to(&root, 1000.0, 2730.0).await;
    type_keys("3640").await;
    key("Enter", false, false).await;
    move_to(&root, 0.0, 1000.0).await;
    type_keys("2730").await;
    key("Enter", false, false).await;
    assert_eq!(rooms(&root), 1, "the last side closed the polygon");
    assert_eq!(text(&root, "room-area-room1"), "9.93㎡ 6.1帖");
    assert!(
        try_query(&root, "readout").is_none(),
        "nothing is being drawn"
    );

    // Rectangle: a click, then width,depth towards the pointer.
    key("r", false, false).await;
    click_at(&root, 4550.0, 0.0).await;
    move_to(&root, 6370.0, 1820.0).await;
    assert_eq!(
        text(&root, "readout-measure"),
        "幅 × 奥行 1820 × 1820 mm  3.31㎡"
    );
    assert_eq!(text(&root, "readout-at"), "座標 6370, 1820 mm");
    type_keys("3640,2730").await;
    assert!(text(&root, "readout-typed").contains("3640,2730"));
    key("Enter", false, false).await;
    assert_eq!(rooms(&root), 2);
    assert_eq!(text(&root, "room-area-room2"), "9.93㎡ 6.1帖");
    assert!(try_query(&root, "readout").is_none());

    // A zero length is refused with a message and draws nothing.
    click_at(&root, 9100.0, 0.0).await;
    move_to(&root, 10000.0, 1000.0).await;
    type_keys("0,2730").await;
    key("Enter", false, false).await;
    assert!(
        text(&root, "status-message").contains("1〜1000000 mm"),
        "{}",
        text(&root, "status-message")
    );
    // Esc clears the typed text, then the drawing.
    key("Escape", false, false).await;
    assert!(try_query(&root, "readout-typed").is_none());
    assert!(try_query(&root, "readout").is_some());
    key("Escape", false, false).await;
    assert!(try_query(&root, "readout").is_none());
    assert_eq!(rooms(&root), 2);

    // Dragging a wall with the select tool reads its offset.
    key("v", false, false).await;
    pointer(&root, "pointerdown", 8190.0, 1365.0);
    pointer(&root, "pointermove", 8600.0, 1365.0);
    pointer(&root, "pointermove", 9100.0, 1365.0);
    settle().await;
    assert_eq!(text(&root, "readout-measure"), "壁の移動 +910 mm");
    pointer(&root, "pointerup", 9100.0, 1365.0);
    settle().await;
    assert!(try_query(&root, "readout").is_none());
    root.remove();
}

#[wasm_bindgen_test]
fn only_a_single_character_without_ctrl_or_alt_is_typed() {
    use madori_app::keyboard::typed_char;
    assert_eq!(typed_char("3", false), Some('3'));
    assert_eq!(typed_char("３", false), Some('３'));
    assert_eq!(typed_char(",", false), Some(','));
    assert_eq!(typed_char("3", true), None, "Ctrl+3 is not typing");
    assert_eq!(typed_char("Enter", false), None);
    assert_eq!(typed_char("ArrowLeft", false), None);
    assert_eq!(typed_char("", false), None);
}
