//! A spatial index of one storey's rooms, so that the rooms whose outlines could overlap a
//! given room are found without looking at every other room.
//!
//! **Why an R-tree (`rstar`) and not a uniform grid:** rooms differ in size by two orders of
//! magnitude (a 1 m² closet beside a 60 m corridor wrapping a stair core). A uniform grid
//! sized for the small rooms puts a long corridor into hundreds of cells, and one sized for
//! the corridors puts dozens of small rooms into each cell; an R-tree adapts to both, with
//! `O(log n)` queries whatever the mix. `rstar` is already in the build through `geo`, so it
//! adds no code to the WebAssembly bundle that was not there, and bulk loading 160 boxes
//! takes microseconds.

use crate::geometry::{bounds, PointMm, MAX_COORDINATE_MM};
use crate::model::Room;
use rstar::{RTree, RTreeObject, AABB};

/// One room's bounding box in the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct RoomBox {
    lo: PointMm,
    hi: PointMm,
    room: usize,
}

impl RTreeObject for RoomBox {
    type Envelope = AABB<[i64; 2]>;

    fn envelope(&self) -> Self::Envelope {
        AABB::from_corners([self.lo.x, self.lo.y], [self.hi.x, self.hi.y])
    }
}

/// The bounding boxes of one storey's rooms, by room index.
#[derive(Debug)]
pub struct StoreyIndex {
    tree: RTree<RoomBox>,
}

/// The bounding box of a polygon whose coordinates all lie within ±[`MAX_COORDINATE_MM`].
pub fn room_box(polygon: &[PointMm]) -> Option<(PointMm, PointMm)> {
    let (lo, hi) = bounds(polygon)?;
    let inside = |v: i64| v.abs() <= MAX_COORDINATE_MM;
    (inside(lo.x) && inside(lo.y) && inside(hi.x) && inside(hi.y)).then_some((lo, hi))
}

impl StoreyIndex {
    /// Indexes the rooms for which `include(index)` holds and whose coordinates are within
    /// range (others cannot be compared exactly and are reported by shape validation).
    pub fn new(rooms: &[Room], include: impl Fn(usize) -> bool) -> Self {
        let boxes = rooms
            .iter()
            .enumerate()
            .filter(|(i, _)| include(*i))
            .filter_map(|(room, r)| room_box(&r.polygon).map(|(lo, hi)| RoomBox { lo, hi, room }))
            .collect();
        Self {
            tree: RTree::bulk_load(boxes),
        }
    }

    /// Indices of the indexed rooms whose bounding box shares an area (not just an edge or a
    /// corner) with the box `lo`–`hi`: the only rooms whose interiors can meet a room with
    /// that box.
    pub fn overlapping(&self, lo: PointMm, hi: PointMm) -> impl Iterator<Item = usize> + '_ {
        let query = AABB::from_corners([lo.x, lo.y], [hi.x, hi.y]);
        self.tree
            .locate_in_envelope_intersecting(&query)
            .filter(move |b| b.lo.x < hi.x && lo.x < b.hi.x && b.lo.y < hi.y && lo.y < b.hi.y)
            .map(|b| b.room)
    }

    /// How many rooms are indexed.
    pub fn len(&self) -> usize {
        self.tree.size()
    }

    /// Whether no room is indexed.
    pub fn is_empty(&self) -> bool {
        self.tree.size() == 0
    }
}
