//! What an edit changed, so that validation can look only there
//! ([`crate::validate::validate_touched`]).
//!
//! [`Touched::between`] compares the plan before and after an edit: `O(rooms + openings +
//! fixtures)` equality tests that stop at the first differing byte, which costs a few
//! microseconds on a 641-room plan (see `cargo bench -p madori-plan --bench validate`) —
//! far less than validating, and exact whatever the edit was (moving a shared wall moves
//! the neighbours' vertices too; those rooms differ and are included).

use crate::model::{Plan, Storey};
use std::collections::{HashMap, HashSet};

/// The parts of a plan that an edit changed. Elements are named by their index in the plan
/// *after* the edit (ids can collide in an edited plan; finding that is the validation's job).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Touched {
    /// Validate everything (a storey was removed, so indices no longer line up).
    pub whole: bool,
    /// The plan's own fields changed: building facts, check settings, variants or images.
    pub dwelling: bool,
    /// Ids were added, removed or changed somewhere: uniqueness is checked again.
    pub ids: bool,
    /// Storeys with changes, by increasing index.
    pub storeys: Vec<StoreyTouched>,
}

/// What changed on one storey.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoreyTouched {
    /// Index of the storey.
    pub index: usize,
    /// Check every element of the storey (it is new, or a room id disappeared, so any
    /// reference on the storey may now be dangling).
    pub all: bool,
    /// The storey's own fields (id, name, ceiling height, underlay) changed.
    pub fields: bool,
    /// Rooms that are new or differ, by index. Their openings and fixtures are checked too.
    pub rooms: Vec<usize>,
    /// Openings that are new or differ, by index.
    pub openings: Vec<usize>,
    /// Fixtures that are new or differ, by index.
    pub fixtures: Vec<usize>,
}

impl Touched {
    /// Everything: the same as validating the whole plan.
    pub fn whole() -> Self {
        Self {
            whole: true,
            ..Self::default()
        }
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        !self.whole && !self.dwelling && !self.ids && self.storeys.is_empty()
    }

    /// What differs between `before` and `after` (see the module documentation).
    pub fn between(before: &Plan, after: &Plan) -> Self {
        if after.storeys.len() < before.storeys.len() {
            return Self::whole();
        }
        let mut touched = Self {
            dwelling: before.dwelling != after.dwelling
                || before.check != after.check
                || before.variants != after.variants
                || before.images != after.images,
            ..Self::default()
        };
        for (s, new) in after.storeys.iter().enumerate() {
            let change = match before.storeys.get(s) {
                None => {
                    touched.ids = true;
                    Some(StoreyTouched {
                        index: s,
                        all: true,
                        fields: true,
                        ..StoreyTouched::default()
                    })
                }
                Some(old) => diff_storey(s, old, new, &mut touched.ids),
            };
            touched.storeys.extend(change);
        }
        touched
    }
}

fn diff_storey(s: usize, old: &Storey, new: &Storey, ids: &mut bool) -> Option<StoreyTouched> {
    if old.id != new.id {
        *ids = true;
    }
    let fields = old.id != new.id
        || old.name != new.name
        || old.ceiling_height_mm != new.ceiling_height_mm
        || old.underlay != new.underlay;
    let (rooms, lost_room) = diff_list(&old.rooms, &new.rooms, |r| &r.id, ids);
    let (openings, _) = diff_list(&old.openings, &new.openings, |o| &o.id, ids);
    let (fixtures, _) = diff_list(&old.fixtures, &new.fixtures, |f| &f.id, ids);
    let change = StoreyTouched {
        index: s,
        all: lost_room,
        fields,
        rooms,
        openings,
        fixtures,
    };
    let unchanged = !change.all
        && !change.fields
        && change.rooms.is_empty()
        && change.openings.is_empty()
        && change.fixtures.is_empty();
    (!unchanged).then_some(change)
}

/// Indices in `new` of the elements that are new or differ from the element with the same
/// id in `old`, and whether an id of `old` is gone. When the ids are the same in the same
/// order (every drag), elements are compared in place without hashing.
fn diff_list<T: PartialEq>(
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> &str,
    ids: &mut bool,
) -> (Vec<usize>, bool) {
    if old.len() == new.len() && old.iter().zip(new).all(|(a, b)| id(a) == id(b)) {
        let changed = (0..new.len()).filter(|&i| old[i] != new[i]).collect();
        return (changed, false);
    }
    *ids = true;
    let by_id: HashMap<&str, &T> = old.iter().map(|e| (id(e), e)).collect();
    let changed = new
        .iter()
        .enumerate()
        .filter(|(_, e)| by_id.get(id(e)).is_none_or(|o| *o != *e))
        .map(|(i, _)| i)
        .collect();
    let kept: HashSet<&str> = new.iter().map(&id).collect();
    let lost = old.iter().any(|e| !kept.contains(id(e)));
    (changed, lost)
}
