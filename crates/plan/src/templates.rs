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
