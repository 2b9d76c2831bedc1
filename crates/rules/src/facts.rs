//! Facts derived once per check from a plan and its areas, shared by every rule.

use crate::area::PlanAreas;
use madori_plan::{FixtureKind, Opening, OpeningKind, Plan, PointMm, Room, RoomKind};
use std::collections::HashMap;

/// A sanitary or household item the standards count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Item {
    /// 便所 (rooms with a toilet).
    Toilet,
    /// 洗面設備 (wash basin bowls).
    WashBowl,
    /// 浴室又はシャワー室 (rooms with a bath or a shower).
    BathOrShower,
    /// Bathroom with a tub.
    Tub,
    /// 洗濯機置場 (washing machine places) or a laundry room.
    Laundry,
    /// Kitchen unit.
    Kitchen,
}

impl Item {
    /// Every item, in index order.
    pub const ALL: [Item; 6] = [
        Self::Toilet,
        Self::WashBowl,
        Self::BathOrShower,
        Self::Tub,
        Self::Laundry,
        Self::Kitchen,
    ];

    /// What SH-SANITARY counts: 便所, 洗面設備, 浴室又はシャワー室.
    pub const SH_SANITARY: [Item; 3] = [Self::Toilet, Self::WashBowl, Self::BathOrShower];

    /// What SP-SANITARY counts: SH-SANITARY's items and the washing machine.
    pub const SP_SANITARY: [Item; 4] = [
        Self::Toilet,
        Self::WashBowl,
        Self::BathOrShower,
        Self::Laundry,
    ];

    /// Japanese name.
    pub const fn ja(self) -> &'static str {
        match self {
            Self::Toilet => "便所",
            Self::WashBowl => "洗面設備",
            Self::BathOrShower => "浴室又はシャワー室",
            Self::Tub => "浴槽のある浴室",
            Self::Laundry => "洗濯機置場",
            Self::Kitchen => "台所設備",
        }
    }

    /// English name.
    pub const fn en(self) -> &'static str {
        match self {
            Self::Toilet => "toilet",
            Self::WashBowl => "wash bowl",
            Self::BathOrShower => "bath or shower room",
            Self::Tub => "bath with tub",
            Self::Laundry => "washing machine place",
            Self::Kitchen => "kitchen unit",
        }
    }

    /// English plural.
    pub const fn en_plural(self) -> &'static str {
        match self {
            Self::Toilet => "toilets",
            Self::WashBowl => "wash bowls",
            Self::BathOrShower => "bath or shower rooms",
            Self::Tub => "baths with tub",
            Self::Laundry => "washing machine places",
            Self::Kitchen => "kitchen units",
        }
    }

    /// `n` of the item in English, singular or plural (`1 toilet`, `2 toilets`).
    pub fn en_count(self, n: u32) -> String {
        format!("{n} {}", if n == 1 { self.en() } else { self.en_plural() })
    }

    /// The Japanese counter word for the item (箇所 for spaces, 台 for units).
    pub const fn ja_counter(self) -> &'static str {
        match self {
            Self::Toilet | Self::BathOrShower | Self::Tub | Self::Laundry => "箇所",
            Self::WashBowl => "ボウル",
            Self::Kitchen => "台",
        }
    }
}

/// A count per [`Item`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ItemCounts([u32; 6]);

impl ItemCounts {
    /// The count of one item.
    pub fn get(&self, item: Item) -> u32 {
        self.0[item as usize]
    }

    fn add(&mut self, item: Item, n: u32) {
        let count = &mut self.0[item as usize];
        *count = count.saturating_add(n);
    }
}

/// Exterior window area of one room.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct WindowArea {
    /// Glazed area (width × height), ㎡.
    pub glazed_m2: f64,
    /// Area that opens, ㎡ (sliding windows half, fixed none).
    pub openable_m2: f64,
    /// An exterior window of the room has no height yet, so its areas are not known.
    pub height_unknown: bool,
}

/// A private room with what the rules need to know about it.
#[derive(Clone, Debug)]
pub struct PrivateRoom<'a> {
    /// The room.
    pub room: &'a Room,
    /// Index of its storey.
    pub storey: usize,
    /// Index of the room in its storey.
    pub room_index: usize,
    /// 壁芯 area including storage belonging to it, ㎡.
    pub area_m2: f64,
    /// Area of storage belonging to it, ㎡.
    pub storage_m2: f64,
    /// Items the room has for itself (in it, or in a room belonging to it).
    pub own: ItemCounts,
    /// Lockable by flag or by a lockable door on its walls (`None`: its doors' locks are not
    /// entered).
    pub lockable: Option<bool>,
    /// A door on its walls, drawn on its own side or on a neighbour's side of a shared wall.
    pub has_door: bool,
    /// Exterior window area on its edges, ㎡.
    pub exterior_window_m2: f64,
}

/// Facts about a plan.
#[derive(Clone, Debug)]
pub struct Facts<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// Its areas at wall centre (the legal floor area, used by the building-code rules).
    pub areas: &'a PlanAreas,
    /// The areas the standards' size rules use: the wall-centre areas, or the interior ones
    /// when the profile's `area.basis_interior` is set.
    pub basis: std::borrow::Cow<'a, PlanAreas>,
    /// Private rooms in plan order.
    pub private_rooms: Vec<PrivateRoom<'a>>,
    /// Items in common space.
    pub common: ItemCounts,
    /// Ids of the fixtures or rooms providing each common item, by item index.
    pub common_providers: [Vec<String>; 6],
    /// Exterior window areas of every room, `[storey][room]`.
    pub room_windows: Vec<Vec<WindowArea>>,
    /// Whether the plan has any window at all (otherwise daylight is unavailable, not failed).
    pub any_window: bool,
    /// Residents: sum of private rooms' persons.
    pub residents: u32,
}

/// What one fixture provides: the items it adds, each with how many it adds. Toilets and
/// baths or showers are counted as spaces (a room counts once, however many fixtures it
/// holds: a bathroom with a tub and a shower is one 浴室), so they are marked `per_room`;
/// wash basins count bowls and kitchens and washing machines count units.
fn provides(kind: &FixtureKind) -> &'static [(Item, u32)] {
    match kind {
        FixtureKind::Toilet => &[(Item::Toilet, 1)],
        FixtureKind::WashBasin { .. } => &[],
        FixtureKind::Bath { tub: true } => &[(Item::BathOrShower, 1), (Item::Tub, 1)],
        FixtureKind::Bath { tub: false } | FixtureKind::Shower => &[(Item::BathOrShower, 1)],
        FixtureKind::WashingMachine => &[(Item::Laundry, 1)],
        FixtureKind::Kitchen { .. } => &[(Item::Kitchen, 1)],
        FixtureKind::Stairs => &[],
    }
}

impl Item {
    /// Whether the standards count this item by spaces (rooms) rather than by fixtures.
    pub const fn counted_per_room(self) -> bool {
        matches!(self, Self::Toilet | Self::BathOrShower | Self::Tub)
    }
}

/// Whether a room locks, given what is known so far and one more door: a lockable door
/// settles it; an unknown lock leaves it unknown unless another door locks.
fn merge_lock(known: Option<bool>, door: Option<bool>) -> Option<bool> {
    match (known, door) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (None, _) | (_, None) => None,
        (Some(false), Some(false)) => Some(false),
    }
}

/// A point in world millimetres, as floats (an opening's ends fall between whole mm).
type Pt = (f64, f64);

/// The end points of an opening on its room's edge, mm.
fn door_segment(polygon: &[PointMm], opening: &Opening) -> Option<(Pt, Pt)> {
    let n = polygon.len();
    let p = *polygon.get(opening.edge)?;
    let q = polygon[(opening.edge + 1) % n];
    let (dx, dy) = ((q.x - p.x) as f64, (q.y - p.y) as f64);
    let len = dx.hypot(dy);
    if len <= 0.0 {
        return None;
    }
    let at = |d: f64| (p.x as f64 + dx * d / len, p.y as f64 + dy * d / len);
    let start = f64::from(opening.offset_mm);
    Some((at(start), at(start + f64::from(opening.width_mm))))
}

/// Distance from `pt` to the segment `a`–`b`, mm.
fn distance_to_segment_mm(pt: Pt, a: PointMm, b: PointMm) -> f64 {
    let (ax, ay, bx, by) = (a.x as f64, a.y as f64, b.x as f64, b.y as f64);
    let (dx, dy) = (bx - ax, by - ay);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((pt.0 - ax) * dx + (pt.1 - ay) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (pt.0 - ax - t * dx).hypot(pt.1 - ay - t * dy)
}

/// Whether the segment `a`–`b` lies on one edge of the outline (within 1 mm).
fn on_outline(polygon: &[PointMm], a: Pt, b: Pt) -> bool {
    let n = polygon.len();
    (0..n).any(|i| {
        let (p, q) = (polygon[i], polygon[(i + 1) % n]);
        distance_to_segment_mm(a, p, q) <= 1.0 && distance_to_segment_mm(b, p, q) <= 1.0
    })
}

/// What the rules need to know about one private room, owned (no borrow of the plan) so
/// that it can be kept between checks ([`crate::incremental::Checker`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PrivateFacts {
    /// Area on the profile's basis including storage belonging to it, ㎡.
    pub area_m2: f64,
    /// Area of storage belonging to it, ㎡.
    pub storage_m2: f64,
    /// Items the room has for itself.
    pub own: ItemCounts,
    /// Lockable (`None`: its doors' locks are not entered).
    pub lockable: Option<bool>,
    /// A door on its walls.
    pub has_door: bool,
    /// Exterior window area on its edges, ㎡.
    pub exterior_window_m2: f64,
}

/// What the rules need to know about one room.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RoomFacts {
    /// Its exterior windows.
    pub windows: WindowArea,
    /// For a private room, what the private-room rules read.
    pub private: Option<PrivateFacts>,
}

/// What one storey contributes to the [`Facts`], owned so that it can be kept between checks
/// and derived again only for a storey an edit touched.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoreyFacts {
    /// Per room, in the storey's room order.
    pub rooms: Vec<RoomFacts>,
    /// Items in common space provided by the storey's fixtures.
    pub common: ItemCounts,
    /// Ids of the fixtures, then of the laundry rooms, providing each common item.
    pub common_providers: [Vec<String>; 6],
    /// A laundry room that belongs to no private room is on the storey (it counts as one
    /// laundry place when no fixture provides one, [`Facts::assemble`]).
    pub common_laundry_room: bool,
    /// A window is on the storey.
    pub any_window: bool,
}

impl StoreyFacts {
    /// Derives the facts of storey `s` of a validated plan; `room_areas` are its rooms' areas
    /// on the profile's basis.
    pub fn derive(plan: &Plan, s: usize, room_areas: &[crate::area::RoomArea]) -> Self {
        let storey = &plan.storeys[s];
        let mut out = Self::default();
        let index: HashMap<&str, usize> = storey
            .rooms
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        // The private room each room serves, if any (itself, or the room it belongs to).
        let owner = |i: usize| -> Option<usize> {
            let room = &storey.rooms[i];
            if room.kind == RoomKind::Private {
                return Some(i);
            }
            let o = *index.get(room.belongs_to.as_deref()?)?;
            (storey.rooms[o].kind == RoomKind::Private).then_some(o)
        };
        let mut own = vec![ItemCounts::default(); storey.rooms.len()];
        // Items counted per room: which rooms already provide them.
        let mut room_has = vec![[false; Item::ALL.len()]; storey.rooms.len()];
        for fixture in &storey.fixtures {
            let Some(&r) = index.get(fixture.room.as_str()) else {
                continue;
            };
            let mut items: Vec<(Item, u32)> = provides(&fixture.kind).to_vec();
            if let FixtureKind::WashBasin { bowls } = fixture.kind {
                items.push((Item::WashBowl, bowls));
            }
            for (item, n) in items {
                let counted = if item.counted_per_room() {
                    let first = !room_has[r][item as usize];
                    room_has[r][item as usize] = true;
                    u32::from(first)
                } else {
                    n
                };
                match owner(r) {
                    Some(o) => own[o].add(item, counted),
                    None => {
                        out.common.add(item, counted);
                        out.common_providers[item as usize].push(fixture.id.clone());
                    }
                }
            }
        }
        for (i, room) in storey.rooms.iter().enumerate() {
            if room.kind == RoomKind::Laundry && owner(i).is_none() {
                out.common_laundry_room = true;
                out.common_providers[Item::Laundry as usize].push(room.id.clone());
            }
        }
        let mut windows = vec![WindowArea::default(); storey.rooms.len()];
        // Doors per room: whether any, and whether one locks (`None`: not entered).
        let mut doors: Vec<Option<Option<bool>>> = vec![None; storey.rooms.len()];
        let mut foreign_doors = Vec::new();
        for opening in &storey.openings {
            let Some(&r) = index.get(opening.room.as_str()) else {
                continue;
            };
            match opening.kind {
                OpeningKind::Door { lockable, .. } => {
                    doors[r] = Some(merge_lock(doors[r].flatten(), lockable));
                    if storey.rooms[r].kind != RoomKind::Private {
                        foreign_doors.push(opening);
                    }
                }
                OpeningKind::Window {
                    height_mm,
                    exterior,
                    operation,
                } => {
                    out.any_window = true;
                    match (exterior, height_mm) {
                        (false, _) => {}
                        (true, None) => windows[r].height_unknown = true,
                        (true, Some(height_mm)) => {
                            let area = f64::from(opening.width_mm) * f64::from(height_mm) / 1e6;
                            windows[r].glazed_m2 += area;
                            windows[r].openable_m2 += area * operation.openable_share();
                        }
                    }
                }
            }
        }
        // A door on a corridor's side of a wall it shares with a private room serves the
        // private room too, and its lock is the private room's. Only rooms without a door
        // of their own are searched, so the usual plan costs nothing here.
        for (r, room) in storey.rooms.iter().enumerate() {
            if room.kind != RoomKind::Private || doors[r].is_some() {
                continue;
            }
            for opening in &foreign_doors {
                let OpeningKind::Door { lockable, .. } = opening.kind else {
                    continue;
                };
                let Some(&o) = index.get(opening.room.as_str()) else {
                    continue;
                };
                let serves = door_segment(&storey.rooms[o].polygon, opening)
                    .is_some_and(|(a, b)| on_outline(&room.polygon, a, b));
                if serves {
                    doors[r] = Some(merge_lock(doors[r].flatten(), lockable));
                }
            }
        }
        let mut storage = vec![0.0; storey.rooms.len()];
        for (room, area) in storey.rooms.iter().zip(room_areas) {
            let owner = room.belongs_to.as_deref().and_then(|o| index.get(o));
            if let (RoomKind::Storage, Some(&o)) = (room.kind, owner) {
                storage[o] += area.wall_centre_m2;
            }
        }
        out.rooms = storey
            .rooms
            .iter()
            .enumerate()
            .map(|(i, room)| RoomFacts {
                windows: windows[i],
                private: (room.kind == RoomKind::Private).then(|| PrivateFacts {
                    area_m2: room_areas[i].wall_centre_m2 + storage[i],
                    storage_m2: storage[i],
                    own: own[i],
                    lockable: if room.lockable {
                        Some(true)
                    } else {
                        doors[i].unwrap_or(Some(false))
                    },
                    has_door: doors[i].is_some(),
                    exterior_window_m2: windows[i].glazed_m2,
                }),
            })
            .collect();
        out
    }
}

impl<'a> PrivateRoom<'a> {
    /// The private room `room_index` of storey `storey` with its facts.
    pub fn new(room: &'a Room, storey: usize, room_index: usize, facts: &PrivateFacts) -> Self {
        Self {
            room,
            storey,
            room_index,
            area_m2: facts.area_m2,
            storage_m2: facts.storage_m2,
            own: facts.own,
            lockable: facts.lockable,
            has_door: facts.has_door,
            exterior_window_m2: facts.exterior_window_m2,
        }
    }
}

impl<'a> Facts<'a> {
    /// Derives the facts of a validated plan.
    pub fn derive(plan: &'a Plan, areas: &'a PlanAreas, interior_basis: bool) -> Self {
        let basis = if interior_basis {
            std::borrow::Cow::Owned(areas.interior_as_basis(plan))
        } else {
            std::borrow::Cow::Borrowed(areas)
        };
        let storeys: Vec<StoreyFacts> = (0..plan.storeys.len())
            .map(|s| StoreyFacts::derive(plan, s, &basis.storeys[s].rooms))
            .collect();
        Self::assemble(plan, areas, basis, &storeys)
    }

    /// The facts of a plan from its storeys' facts (one per storey, in plan order, each
    /// derived from the same plan and `basis`).
    pub fn assemble(
        plan: &'a Plan,
        areas: &'a PlanAreas,
        basis: std::borrow::Cow<'a, PlanAreas>,
        storeys: &[StoreyFacts],
    ) -> Self {
        let mut private_rooms = Vec::new();
        let mut common = ItemCounts::default();
        let mut common_providers: [Vec<String>; 6] = Default::default();
        let mut any_window = false;
        let mut room_windows = Vec::with_capacity(plan.storeys.len());
        for (s, (storey, facts)) in plan.storeys.iter().zip(storeys).enumerate() {
            for item in Item::ALL {
                common.add(item, facts.common.get(item));
            }
            // A laundry room counts as one place only when nothing before it provides one.
            if facts.common_laundry_room && common.get(Item::Laundry) == 0 {
                common.add(Item::Laundry, 1);
            }
            for (all, more) in common_providers.iter_mut().zip(&facts.common_providers) {
                all.extend(more.iter().cloned());
            }
            any_window |= facts.any_window;
            for (i, (room, room_facts)) in storey.rooms.iter().zip(&facts.rooms).enumerate() {
                if let Some(p) = &room_facts.private {
                    private_rooms.push(PrivateRoom::new(room, s, i, p));
                }
            }
            room_windows.push(facts.rooms.iter().map(|r| r.windows).collect());
        }
        let residents = private_rooms
            .iter()
            .filter_map(|p| p.room.occupancy.as_ref())
            .fold(0u32, |sum, o| sum.saturating_add(o.persons()));
        Self {
            plan,
            areas,
            basis,
            private_rooms,
            common,
            common_providers,
            room_windows,
            any_window,
            residents,
        }
    }

    /// The whole dwelling's area on the profile's basis (balconies excluded), ㎡.
    pub fn whole_m2(&self) -> f64 {
        self.basis.dwelling_wall_centre_m2
    }

    /// Count of an item in common space.
    pub fn common_count(&self, item: Item) -> u32 {
        self.common.get(item)
    }

    /// Whether there is a common room of one of these kinds (not belonging to a private room).
    pub fn has_common_room(&self, kinds: &[RoomKind]) -> Option<&'a Room> {
        self.plan
            .rooms()
            .map(|(_, r)| r)
            .find(|r| kinds.contains(&r.kind) && r.belongs_to.is_none())
    }

    /// Residents (persons) of rooms without their own `item`.
    pub fn residents_without_own(&self, item: Item) -> u32 {
        self.private_rooms
            .iter()
            .filter(|p| p.own.get(item) == 0)
            .filter_map(|p| p.room.occupancy.as_ref())
            .fold(0u32, |sum, o| sum.saturating_add(o.persons()))
    }
}
