//! Keyboard shortcuts: undo/redo, delete, Esc, Enter, arrows, tool hotkeys; and lengths
//! typed while drawing, which the editor takes before any shortcut.

use crate::state::AppState;
use leptos::prelude::*;
use madori_editor::tools::{Key, Tool};
use wasm_bindgen::JsCast;

/// Whether the key went to a text field, select or button (then it is not a shortcut).
pub fn typing_in_field(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"))
}

/// What a key press does to the editor, if anything.
pub enum Shortcut {
    /// Undo.
    Undo,
    /// Redo.
    Redo,
    /// A key for the active tool.
    Key(Key),
    /// Choose a tool.
    Tool(Tool),
}

/// Maps a key press to a shortcut: Ctrl/Cmd+Z undo, Shift+Ctrl/Cmd+Z or Ctrl+Y redo,
/// Delete/Backspace, Esc, Enter, arrows (one grid step), V R P S D W for the tools.
pub fn shortcut(key: &str, ctrl: bool, shift: bool) -> Option<Shortcut> {
    Some(match (key, ctrl, shift) {
        ("z" | "Z", true, false) => Shortcut::Undo,
        ("z" | "Z", true, true) | ("y" | "Y", true, _) => Shortcut::Redo,
        ("Delete", _, _) => Shortcut::Key(Key::Delete),
        ("Backspace", _, _) => Shortcut::Key(Key::Backspace),
        ("Escape", _, _) => Shortcut::Key(Key::Escape),
        ("Enter", _, _) => Shortcut::Key(Key::Enter),
        ("ArrowLeft", _, _) => Shortcut::Key(Key::Arrow { dx: -1, dy: 0 }),
        ("ArrowRight", _, _) => Shortcut::Key(Key::Arrow { dx: 1, dy: 0 }),
        ("ArrowUp", _, _) => Shortcut::Key(Key::Arrow { dx: 0, dy: -1 }),
        ("ArrowDown", _, _) => Shortcut::Key(Key::Arrow { dx: 0, dy: 1 }),
        ("v" | "V", false, _) => Shortcut::Tool(Tool::Select),
        ("r" | "R", false, _) => Shortcut::Tool(Tool::Room),
        ("p" | "P", false, _) => Shortcut::Tool(Tool::Polygon),
        ("s" | "S", false, _) => Shortcut::Tool(Tool::Split),
        ("d" | "D", false, _) => Shortcut::Tool(Tool::Door),
        ("w" | "W", false, _) => Shortcut::Tool(Tool::Window),
        _ => return None,
    })
}

/// The character a key press types, if it types one without Ctrl, Cmd or Alt. While a
/// drawing is in progress the editor may take it as part of a length
/// ([`madori_editor::Editor::type_char`]); otherwise it stays a shortcut.
pub fn typed_char(key: &str, ctrl_or_alt: bool) -> Option<char> {
    let mut chars = key.chars();
    let c = chars.next()?;
    (chars.next().is_none() && !ctrl_or_alt).then_some(c)
}

/// Listens on the window for shortcuts for as long as the calling component lives.
pub fn install(state: AppState) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if typing_in_field(&ev) {
            return;
        }
        if let Some(c) = typed_char(&ev.key(), ev.ctrl_key() || ev.meta_key() || ev.alt_key()) {
            // Only a character the drawing takes notifies the page (and is not a shortcut).
            let mut taken = false;
            state.editor.maybe_update(|e| {
                taken = e.type_char(c);
                taken
            });
            if taken {
                ev.prevent_default();
                return;
            }
        }
        let Some(action) = shortcut(&ev.key(), ev.ctrl_key() || ev.meta_key(), ev.shift_key())
        else {
            return;
        };
        ev.prevent_default();
        state.editor.update(|e| match action {
            Shortcut::Undo => {
                e.undo();
            }
            Shortcut::Redo => {
                e.redo();
            }
            Shortcut::Key(key) => e.key(key),
            Shortcut::Tool(tool) => {
                e.tool(tool);
            }
        });
    });
    on_cleanup(move || handle.remove());
}
