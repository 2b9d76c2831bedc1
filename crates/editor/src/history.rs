//! The undo history: each step stores only what it changed, and the history is bounded by
//! an estimate of the memory it holds rather than by a number of steps.
//!
//! **Why deltas:** a step used to keep two whole plans. On a 641-room plan one plan is about
//! half a megabyte, so 200 steps held about 200 MB, while a wall move changes a handful of
//! rooms. A step's delta keeps, for each storey that changed, the rooms, openings and fixtures
//! that differ (both sides, so one delta serves undo and redo), plus the storey's own fields
//! and the plan's name and building facts when they changed. Undo and redo write those parts
//! back, which restores the plan exactly (`==`).
//!
//! **Why a memory budget:** a fixed number of steps is either too few for small edits on a
//! small plan or too many for whole-plan transforms on a large one. [`HISTORY_BUDGET_BYTES`]
//! bounds the estimate ([`Bytes`]) of what the history holds; the oldest steps are dropped
//! first, and the newest step is always kept so the last edit can be undone.

use madori_plan::{
    CheckSettings, Dwelling, EmbeddedImage, Fixture, Opening, Plan, Room, Storey, Underlay, Variant,
};

/// Memory the undo and redo history may hold (estimated, see [`Bytes`]), bytes.
pub const HISTORY_BUDGET_BYTES: usize = 64 * 1024 * 1024;

/// An estimate of the memory a value owns on the heap: string and list lengths (allocator
/// slack is not counted). [`bytes`] adds the value's own size.
pub trait Bytes {
    /// Estimated heap bytes.
    fn heap_bytes(&self) -> usize;
}

/// Estimated bytes of a value: its own size plus what it owns on the heap.
pub fn bytes<T: Bytes>(value: &T) -> usize {
    std::mem::size_of::<T>() + value.heap_bytes()
}

impl Bytes for String {
    fn heap_bytes(&self) -> usize {
        self.len()
    }
}

impl<T: Bytes> Bytes for Vec<T> {
    fn heap_bytes(&self) -> usize {
        self.iter().map(bytes).sum()
    }
}

impl<T: Bytes> Bytes for Option<T> {
    fn heap_bytes(&self) -> usize {
        self.as_ref().map_or(0, Bytes::heap_bytes)
    }
}

impl<T: Bytes> Bytes for (usize, T, T) {
    fn heap_bytes(&self) -> usize {
        self.1.heap_bytes() + self.2.heap_bytes()
    }
}

impl Bytes for Room {
    fn heap_bytes(&self) -> usize {
        self.id.len()
            + self.name.len()
            + std::mem::size_of_val(self.polygon.as_slice())
            + std::mem::size_of_val(self.wall_thickness_mm.as_slice())
            + self.belongs_to.heap_bytes()
            + self
                .occupancy
                .as_ref()
                .map_or(0, |o| std::mem::size_of_val(o.children_ages()))
    }
}

impl Bytes for Opening {
    fn heap_bytes(&self) -> usize {
        self.id.len() + self.room.len()
    }
}

impl Bytes for Fixture {
    fn heap_bytes(&self) -> usize {
        self.id.len() + self.room.len()
    }
}

impl Bytes for Storey {
    fn heap_bytes(&self) -> usize {
        self.id.len()
            + self.name.len()
            + self.underlay.heap_bytes()
            + self.rooms.heap_bytes()
            + self.openings.heap_bytes()
            + self.fixtures.heap_bytes()
    }
}

impl Bytes for Dwelling {
    fn heap_bytes(&self) -> usize {
        self.construction_started.heap_bytes()
    }
}

impl Bytes for Underlay {
    fn heap_bytes(&self) -> usize {
        self.image.len()
    }
}

impl Bytes for CheckSettings {
    fn heap_bytes(&self) -> usize {
        self.profile.len()
            + self.local_override.heap_bytes()
            + self
                .values
                .iter()
                .map(|v| std::mem::size_of_val(v) + v.key.len() + v.source.len())
                .sum::<usize>()
    }
}

impl Bytes for Variant {
    fn heap_bytes(&self) -> usize {
        self.id.len()
            + self.name.len()
            + self.note.len()
            + self.dwelling.heap_bytes()
            + self.check.heap_bytes()
            + self.storeys.heap_bytes()
    }
}

impl Bytes for EmbeddedImage {
    fn heap_bytes(&self) -> usize {
        self.id.len() + self.data_url.len()
    }
}

impl Bytes for Plan {
    fn heap_bytes(&self) -> usize {
        self.name.len()
            + self.dwelling.heap_bytes()
            + self.storeys.heap_bytes()
            + self.check.heap_bytes()
            + self.variants.heap_bytes()
            + self.images.heap_bytes()
    }
}

/// How one list (a storey's rooms, openings or fixtures) changed.
#[derive(Clone, Debug)]
enum ListDelta<T> {
    /// The same length: the elements that differ, by index, before and after.
    Elements(Vec<(usize, T, T)>),
    /// A different length: elements `at..at + before.len()` became `after` (the common
    /// start and end of the two lists are not stored).
    Splice {
        at: usize,
        before: Vec<T>,
        after: Vec<T>,
    },
}

impl<T: Clone + PartialEq + Bytes> ListDelta<T> {
    /// `None` when the lists are equal.
    fn between(old: &[T], new: &[T]) -> Option<Self> {
        if old.len() == new.len() {
            let changed: Vec<(usize, T, T)> = old
                .iter()
                .zip(new)
                .enumerate()
                .filter(|(_, (a, b))| a != b)
                .map(|(i, (a, b))| (i, a.clone(), b.clone()))
                .collect();
            return (!changed.is_empty()).then_some(Self::Elements(changed));
        }
        let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
        let room = old.len().min(new.len()) - prefix;
        let suffix = old
            .iter()
            .rev()
            .zip(new.iter().rev())
            .take(room)
            .take_while(|(a, b)| a == b)
            .count();
        Some(Self::Splice {
            at: prefix,
            before: old[prefix..old.len() - suffix].to_vec(),
            after: new[prefix..new.len() - suffix].to_vec(),
        })
    }

    /// Writes the `after` side (`forward`) or the `before` side into `list`.
    fn write(&self, list: &mut Vec<T>, forward: bool) {
        match self {
            Self::Elements(changed) => {
                for (i, before, after) in changed {
                    if let Some(slot) = list.get_mut(*i) {
                        slot.clone_from(if forward { after } else { before });
                    }
                }
            }
            Self::Splice { at, before, after } => {
                let (from, to) = if forward {
                    (before, after)
                } else {
                    (after, before)
                };
                let end = at.saturating_add(from.len()).min(list.len());
                list.splice((*at).min(end)..end, to.iter().cloned());
            }
        }
    }

    fn heap_bytes(&self) -> usize {
        match self {
            Self::Elements(changed) => changed.heap_bytes(),
            Self::Splice { before, after, .. } => before.heap_bytes() + after.heap_bytes(),
        }
    }
}

/// A storey's own fields.
#[derive(Clone, Debug, PartialEq)]
struct StoreyFields {
    id: String,
    name: String,
    ceiling_height_mm: Option<u32>,
    underlay: Option<Underlay>,
}

impl StoreyFields {
    fn of(storey: &Storey) -> Self {
        Self {
            id: storey.id.clone(),
            name: storey.name.clone(),
            ceiling_height_mm: storey.ceiling_height_mm,
            underlay: storey.underlay.clone(),
        }
    }

    fn write(&self, storey: &mut Storey) {
        storey.id.clone_from(&self.id);
        storey.name.clone_from(&self.name);
        storey.ceiling_height_mm = self.ceiling_height_mm;
        storey.underlay.clone_from(&self.underlay);
    }

    fn heap_bytes(&self) -> usize {
        self.id.len() + self.name.len() + self.underlay.heap_bytes()
    }
}

/// How one storey changed.
#[derive(Clone, Debug)]
enum StoreyDelta {
    /// The storey exists on one side only (added or removed).
    Whole {
        before: Option<Storey>,
        after: Option<Storey>,
    },
    /// The storey exists on both sides: what differs.
    Edited {
        fields: Option<(StoreyFields, StoreyFields)>,
        rooms: Option<ListDelta<Room>>,
        openings: Option<ListDelta<Opening>>,
        fixtures: Option<ListDelta<Fixture>>,
    },
}

/// The plan's own fields.
#[derive(Clone, Debug, PartialEq)]
struct Head {
    format_version: u32,
    name: String,
    dwelling: Dwelling,
    check: Option<CheckSettings>,
    variants: Vec<Variant>,
    images: Vec<EmbeddedImage>,
}

impl Head {
    fn of(plan: &Plan) -> Self {
        Self {
            format_version: plan.format_version,
            name: plan.name.clone(),
            dwelling: plan.dwelling.clone(),
            check: plan.check.clone(),
            variants: plan.variants.clone(),
            images: plan.images.clone(),
        }
    }

    /// Whether the plan-level fields of two plans differ.
    fn differs(before: &Plan, after: &Plan) -> bool {
        before.format_version != after.format_version
            || before.name != after.name
            || before.dwelling != after.dwelling
            || before.check != after.check
            || before.variants != after.variants
            || before.images != after.images
    }

    fn write(self, plan: &mut Plan) {
        plan.format_version = self.format_version;
        plan.name = self.name;
        plan.dwelling = self.dwelling;
        plan.check = self.check;
        plan.variants = self.variants;
        plan.images = self.images;
    }

    fn heap_bytes(&self) -> usize {
        self.name.len()
            + self.dwelling.heap_bytes()
            + self.check.heap_bytes()
            + self.variants.heap_bytes()
            + self.images.heap_bytes()
    }
}

/// What one undo step changed, both sides, so the same delta undoes and redoes it.
#[derive(Clone, Debug)]
pub(crate) struct Delta {
    head: Option<(Head, Head)>,
    /// Number of storeys before and after.
    storeys_len: (usize, usize),
    /// Storeys that differ, by increasing index.
    storeys: Vec<(usize, StoreyDelta)>,
}

impl Delta {
    /// What differs between `before` and `after`.
    pub(crate) fn between(before: &Plan, after: &Plan) -> Self {
        let head = Head::differs(before, after).then(|| (Head::of(before), Head::of(after)));
        let count = before.storeys.len().max(after.storeys.len());
        let storeys = (0..count)
            .filter_map(|s| {
                let delta = match (before.storeys.get(s), after.storeys.get(s)) {
                    (Some(old), Some(new)) => {
                        let (a, b) = (StoreyFields::of(old), StoreyFields::of(new));
                        let edited = StoreyDelta::Edited {
                            fields: (a != b).then_some((a, b)),
                            rooms: ListDelta::between(&old.rooms, &new.rooms),
                            openings: ListDelta::between(&old.openings, &new.openings),
                            fixtures: ListDelta::between(&old.fixtures, &new.fixtures),
                        };
                        match edited {
                            StoreyDelta::Edited {
                                fields: None,
                                rooms: None,
                                openings: None,
                                fixtures: None,
                            } => return None,
                            edited => edited,
                        }
                    }
                    (old, new) => StoreyDelta::Whole {
                        before: old.cloned(),
                        after: new.cloned(),
                    },
                };
                Some((s, delta))
            })
            .collect();
        Self {
            head,
            storeys_len: (before.storeys.len(), after.storeys.len()),
            storeys,
        }
    }

    /// Whether nothing changed.
    pub(crate) fn is_empty(&self) -> bool {
        self.head.is_none() && self.storeys.is_empty()
    }

    /// Turns the plan as it was before the step into the plan after it (`forward`), or back.
    pub(crate) fn write(&self, plan: &mut Plan, forward: bool) {
        let pick = |pair: &(Head, Head)| if forward { &pair.1 } else { &pair.0 }.clone();
        if let Some(head) = self.head.as_ref().map(pick) {
            head.write(plan);
        }
        let len = if forward {
            self.storeys_len.1
        } else {
            self.storeys_len.0
        };
        plan.storeys.truncate(len);
        for (s, delta) in &self.storeys {
            match delta {
                StoreyDelta::Whole { before, after } => {
                    let Some(storey) = (if forward { after } else { before }) else {
                        continue;
                    };
                    match plan.storeys.get_mut(*s) {
                        Some(slot) => slot.clone_from(storey),
                        None => plan.storeys.push(storey.clone()),
                    }
                }
                StoreyDelta::Edited {
                    fields,
                    rooms,
                    openings,
                    fixtures,
                } => {
                    let Some(storey) = plan.storeys.get_mut(*s) else {
                        continue;
                    };
                    if let Some((before, after)) = fields {
                        if forward { after } else { before }.write(storey);
                    }
                    if let Some(d) = rooms {
                        d.write(&mut storey.rooms, forward);
                    }
                    if let Some(d) = openings {
                        d.write(&mut storey.openings, forward);
                    }
                    if let Some(d) = fixtures {
                        d.write(&mut storey.fixtures, forward);
                    }
                }
            }
        }
    }

    /// Estimated bytes held (see [`Bytes`]).
    pub(crate) fn bytes(&self) -> usize {
        let head = self
            .head
            .as_ref()
            .map_or(0, |(a, b)| a.heap_bytes() + b.heap_bytes());
        let storeys: usize = self
            .storeys
            .iter()
            .map(|(_, delta)| {
                std::mem::size_of::<(usize, StoreyDelta)>()
                    + match delta {
                        StoreyDelta::Whole { before, after } => {
                            before.heap_bytes() + after.heap_bytes()
                        }
                        StoreyDelta::Edited {
                            fields,
                            rooms,
                            openings,
                            fixtures,
                        } => {
                            fields
                                .as_ref()
                                .map_or(0, |(a, b)| a.heap_bytes() + b.heap_bytes())
                                + rooms.as_ref().map_or(0, ListDelta::heap_bytes)
                                + openings.as_ref().map_or(0, ListDelta::heap_bytes)
                                + fixtures.as_ref().map_or(0, ListDelta::heap_bytes)
                        }
                    }
            })
            .sum();
        std::mem::size_of::<Self>() + head + storeys
    }
}
