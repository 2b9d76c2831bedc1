//! The dwelling plan: Madori's data model, its JSON file format and its validation.
//!
//! Everything here is plain Rust with no web dependency, so the editor, the rules and the
//! command line share one definition of a plan.
//!
//! Coordinates are **integer millimetres on wall centre lines (壁芯)**, in a world frame whose
//! x axis points right and whose y axis points **down** (the same orientation as SVG and
//! screen pixels). A room's vertices may be listed in either winding; code that needs a
//! winding asks [`geometry::signed_area_twice_mm2`].
//!
//! ```
//! let plan = madori_plan::format::from_json(madori_plan::templates::get("kodan-3dk").unwrap()).unwrap();
//! assert_eq!(plan.storeys.len(), 1);
//! ```

pub mod canonical;
pub mod format;
pub mod geometry;
pub mod model;
pub mod order;
pub mod repair;
pub mod share;
pub mod spatial;
pub mod templates;
pub mod touched;
pub mod validate;

pub use geometry::PointMm;
pub use model::*;
pub use repair::Repair;
pub use validate::Problem;
