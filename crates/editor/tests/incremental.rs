//! The safety net of incremental validation: after random commands and drags on irregular
//! plans, validating only what changed accepts exactly what validating the whole plan
//! accepts, and every plan the editor shows is valid.

use madori_editor::tools::Tool;
use madori_editor::{Command, Editor, RoomPatch, Transform};
use madori_plan::validate::{validate, validate_touched, Touched};
use madori_plan::{templates, FixtureKind, Plan, PointMm, RoomKind};
use proptest::prelude::*;

/// One random edit, as raw numbers resolved against the plan when it runs.
#[derive(Clone, Debug)]
struct Op {
    kind: u8,
    room: usize,
    item: usize,
    dx: i64,
    dy: i64,
}

fn op() -> impl Strategy<Value = Op> {
    let step = prop::sample::select(vec![
        -3000i64, -910, -455, -227, -1, 0, 1, 227, 455, 910, 3000,
    ]);
    (0u8..14, any::<usize>(), any::<usize>(), step.clone(), step).prop_map(
        |(kind, room, item, dx, dy)| Op {
            kind,
            room,
            item,
            dx,
            dy,
        },
    )
}

fn command(plan: &Plan, storey: usize, op: &Op) -> Option<Command> {
    let rooms = &plan.storeys.get(storey)?.rooms;
    let room = rooms.get(op.room % rooms.len().max(1))?;
    let id = room.id.clone();
    let n = room.polygon.len();
    let vertex = room.polygon[op.item % n];
    let shift = |p: PointMm| PointMm::new(p.x + op.dx, p.y + op.dy);
    let (lo, hi) = madori_plan::geometry::bounds(&room.polygon)?;
    let other = rooms[(op.room / 7).wrapping_add(op.item) % rooms.len()]
        .id
        .clone();
    Some(match op.kind {
        0 | 1 => Command::MoveEdge {
            room: id,
            edge: op.item % n,
            offset_mm: op.dx,
        },
        2 | 3 => Command::MoveVertex {
            storey,
            from: vertex,
            to: shift(vertex),
        },
        4 => Command::MoveRoom {
            room: id,
            delta: PointMm::new(op.dx, op.dy),
        },
        5 => Command::SetEdgeLength {
            room: id,
            edge: op.item % n,
            length_mm: op.dx.abs().max(1) + 455,
        },
        6 => {
            let x = (lo.x + hi.x) / 2 + op.dx.signum() * 100;
            Command::SplitRoom {
                room: id,
                a: PointMm::new(x, lo.y - 10),
                b: PointMm::new(x, hi.y + 10),
                new_id: format!("cut{}", op.item % 1000),
            }
        }
        7 => Command::MergeRooms { a: id, b: other },
        8 => Command::Delete { ids: vec![id] },
        9 => Command::DuplicateRoom {
            room: id,
            new_id: format!("dup{}", op.item % 1000),
        },
        10 => {
            let at = shift(lo);
            let mut room = room.clone();
            room.id = format!("new{}", op.item % 1000);
            room.polygon = vec![
                at,
                PointMm::new(at.x + 910, at.y),
                PointMm::new(at.x + 910, at.y + 910),
                PointMm::new(at.x, at.y + 910),
            ];
            Command::AddRoom { storey, room }
        }
        11 => {
            let fixtures = &plan.storeys[storey].fixtures;
            let f = fixtures.get(op.item % fixtures.len().max(1))?;
            if op.dy > 0 {
                Command::MoveFixture {
                    id: f.id.clone(),
                    to: shift(f.at),
                }
            } else {
                Command::UpdateFixture {
                    id: f.id.clone(),
                    kind: FixtureKind::WashBasin {
                        bowls: (op.dx.rem_euclid(3)) as u32,
                    },
                }
            }
        }
        12 => {
            let openings = &plan.storeys[storey].openings;
            let o = openings.get(op.item % openings.len().max(1))?;
            Command::MoveOpening {
                id: o.id.clone(),
                offset_mm: (o.offset_mm as i64 + op.dx).max(0) as u32,
            }
        }
        _ => match op.item % 4 {
            0 => Command::UpdateRoom {
                room: id,
                patch: RoomPatch {
                    kind: Some(RoomKind::Storage),
                    belongs_to: Some(Some(other)),
                    ..RoomPatch::default()
                },
            },
            1 => Command::UpdateRoom {
                room: id,
                patch: RoomPatch {
                    wall_thickness_mm: Some(Some(op.dx.unsigned_abs() as u32)),
                    ..RoomPatch::default()
                },
            },
            2 => Command::TransformPlan(Transform::RotateClockwise),
            _ => Command::SetCeilingHeight {
                storey,
                height_mm: Some(op.dx.unsigned_abs() as u32 * 10),
            },
        },
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every command of a random sequence: the incremental verdict equals the whole verdict,
    /// the editor accepts exactly the valid results, and its plan stays valid throughout.
    #[test]
    fn incremental_equals_whole_after_random_commands(seed in 0u64..1000, storey in 0usize..2, ops in prop::collection::vec(op(), 1..12)) {
        let mut ed = Editor::new(templates::irregular(90, 2, seed));
        for op in &ops {
            let Some(command) = command(&ed.plan, storey, op) else { continue };
            let base = ed.plan.clone();
            let Ok(next) = command.apply(&base) else { continue };
            let whole = validate(&next);
            let part = validate_touched(&next, &Touched::between(&base, &next));
            prop_assert_eq!(whole.is_empty(), part.is_empty(), "{:?}: {:?} vs {:?}", command, whole, part);
            prop_assert_eq!(ed.apply(command).is_ok(), whole.is_empty());
            prop_assert!(validate(&ed.plan).is_empty());
        }
    }

    /// Dragging walls, corners and rooms with the select tool: every preview the editor
    /// shows is a valid plan, and so is the committed result.
    #[test]
    fn every_drag_preview_is_valid(seed in 0u64..1000, ops in prop::collection::vec(op(), 1..6)) {
        let mut ed = Editor::new(templates::irregular(90, 2, seed));
        ed.tool(Tool::Select);
        ed.tolerance_mm = 1.0;
        for op in &ops {
            let rooms = &ed.plan.storeys[0].rooms;
            let room = &rooms[op.room % rooms.len()];
            let n = room.polygon.len();
            let (a, b) = (room.polygon[op.item % n], room.polygon[(op.item % n + 1) % n]);
            // The middle of an edge grabs the wall; a corner grabs the vertex.
            let (x, y) = if op.kind % 2 == 0 {
                ((a.x + b.x) as f64 / 2.0, (a.y + b.y) as f64 / 2.0)
            } else {
                (a.x as f64, a.y as f64)
            };
            ed.down(x, y);
            for k in 1..=4 {
                let f = k as f64 / 4.0;
                ed.drag(x + op.dx as f64 * f, y + op.dy as f64 * f);
                prop_assert!(validate(&ed.plan).is_empty(), "{:?}", validate(&ed.plan));
            }
            ed.up();
            prop_assert!(validate(&ed.plan).is_empty());
        }
    }
}
