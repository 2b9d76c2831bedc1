//! Facts derived once per check from a plan and its areas, shared by every rule.

use crate::area::PlanAreas;
use madori_plan::{FixtureKind, OpeningKind, Plan, Room, RoomKind};
use std::collections::HashMap;

/// A sanitary or household item the standards count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Item {
    /// 便所 (toilet fixtures).
    Toilet,
    /// 洗面設備 (wash basin bowls).
    WashBowl,
    /// 浴室又はシャワー (bath or shower fixtures).
    BathOrShower,
    /// Bath with a tub.
    Tub,
    /// 洗濯機置場 (washing machine places) or a laundry room.
    Laundry,
    /// Kitchen unit.
    Kitchen,
}

impl Item {
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
            Self::BathOrShower => "bath or shower",
            Self::Tub => "bath with tub",
            Self::Laundry => "washing machine place",
            Self::Kitchen => "kitchen unit",
        }
    }
}

/// A private room with what the rules need to know about it.
#[derive(Clone, Debug)]
pub struct PrivateRoom<'a> {
    /// The room.
    pub room: &'a Room,
    /// Index of its storey.
    pub storey: usize,
    /// 壁芯 area including storage belonging to it, ㎡.
    pub area_m2: f64,
    /// Area of storage belonging to it, ㎡.
    pub storage_m2: f64,
    /// Items the room has for itself (in it, or in a room belonging to it).
    pub own: HashMap<Item, u32>,
    /// Lockable by flag or by a lockable door on its edges.
    pub lockable: bool,
    /// Exterior window area on its edges, ㎡.
    pub exterior_window_m2: f64,
}

/// Facts about a plan.
#[derive(Clone, Debug)]
pub struct Facts<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// Its areas.
    pub areas: &'a PlanAreas,
    /// Private rooms in plan order.
    pub private_rooms: Vec<PrivateRoom<'a>>,
    /// Items in common space, with the ids of the fixtures or rooms providing them.
    pub common: HashMap<Item, (u32, Vec<String>)>,
    /// Whether the plan has any window at all (otherwise daylight is unavailable, not failed).
    pub any_window: bool,
    /// Residents: sum of private rooms' persons.
    pub residents: u32,
}

fn item_counts(kind: &FixtureKind) -> &'static [(Item, u32)] {
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

impl<'a> Facts<'a> {
    /// Derives the facts of a validated plan.
    pub fn derive(plan: &'a Plan, areas: &'a PlanAreas) -> Self {
        let mut private_rooms = Vec::new();
        let mut common: HashMap<Item, (u32, Vec<String>)> = HashMap::new();
        let mut any_window = false;
        for (s, storey) in plan.storeys.iter().enumerate() {
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
            let mut own: HashMap<usize, HashMap<Item, u32>> = HashMap::new();
            for fixture in &storey.fixtures {
                let Some(&r) = index.get(fixture.room.as_str()) else {
                    continue;
                };
                let mut items: Vec<(Item, u32)> = item_counts(&fixture.kind).to_vec();
                if let FixtureKind::WashBasin { bowls } = fixture.kind {
                    items.push((Item::WashBowl, bowls));
                }
                for (item, n) in items {
                    match owner(r) {
                        Some(o) => *own.entry(o).or_default().entry(item).or_default() += n,
                        None => {
                            let entry = common.entry(item).or_default();
                            entry.0 += n;
                            entry.1.push(fixture.id.clone());
                        }
                    }
                }
            }
            for (i, room) in storey.rooms.iter().enumerate() {
                if room.kind == RoomKind::Laundry && owner(i).is_none() {
                    let entry = common.entry(Item::Laundry).or_default();
                    entry.0 = entry.0.max(1);
                    entry.1.push(room.id.clone());
                }
            }
            let mut lockable: Vec<bool> = storey.rooms.iter().map(|r| r.lockable).collect();
            let mut window_m2 = vec![0.0; storey.rooms.len()];
            for opening in &storey.openings {
                let Some(&r) = index.get(opening.room.as_str()) else {
                    continue;
                };
                match opening.kind {
                    OpeningKind::Door { lockable: true } => lockable[r] = true,
                    OpeningKind::Door { lockable: false } => {}
                    OpeningKind::Window {
                        height_mm,
                        exterior,
                        ..
                    } => {
                        any_window = true;
                        if exterior {
                            window_m2[r] +=
                                f64::from(opening.width_mm) * f64::from(height_mm) / 1e6;
                        }
                    }
                }
            }
            let room_areas = &areas.storeys[s].rooms;
            for (i, room) in storey.rooms.iter().enumerate() {
                if room.kind != RoomKind::Private {
                    continue;
                }
                let storage_m2: f64 = storey
                    .rooms
                    .iter()
                    .zip(room_areas)
                    .filter(|(r, _)| {
                        r.kind == RoomKind::Storage && r.belongs_to.as_deref() == Some(&room.id)
                    })
                    .map(|(_, a)| a.wall_centre_m2)
                    .sum();
                private_rooms.push(PrivateRoom {
                    room,
                    storey: s,
                    area_m2: room_areas[i].wall_centre_m2 + storage_m2,
                    storage_m2,
                    own: own.remove(&i).unwrap_or_default(),
                    lockable: lockable[i],
                    exterior_window_m2: window_m2[i],
                });
            }
        }
        let residents = private_rooms
            .iter()
            .filter_map(|p| p.room.occupancy.as_ref())
            .map(|o| o.persons())
            .sum();
        Self {
            plan,
            areas,
            private_rooms,
            common,
            any_window,
            residents,
        }
    }

    /// Count of an item in common space.
    pub fn common_count(&self, item: Item) -> u32 {
        self.common.get(&item).map_or(0, |c| c.0)
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
            .filter(|p| p.own.get(&item).copied().unwrap_or(0) == 0)
            .filter_map(|p| p.room.occupancy.as_ref())
            .map(|o| o.persons())
            .sum()
    }
}
