//! One component per file.

pub mod capacity;
pub mod dialogs;
pub mod drawing_layer;
pub mod export;
pub mod findings;
pub mod ghosts;
pub mod import;
pub mod inspector;
pub mod library;
pub mod overrides;
pub mod plan_view;
pub mod print;
pub mod states;
pub mod toolbar;
pub mod totals;
pub mod underlay;
pub mod workshop;
