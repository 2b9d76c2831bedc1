//! What the import did not use, and why: counted per entity type, layer and reason, so the
//! list stays short however large the drawing.

use std::collections::BTreeMap;

/// Why something in the drawing was not used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    /// Its layer was not chosen.
    LayerNotChosen,
    /// An entity type the importer does not read (dimensions, hatches, splines, …).
    UnsupportedType,
    /// Geometry its layer's role does not use (lines on a labels layer, anything on an
    /// ignored layer, arcs on a reference-line layer).
    NotForRole,
    /// Drawn in paper space (title blocks, viewports), not on the plan.
    PaperSpace,
    /// Not in the plan's plane (an extrusion direction other than ±Z), or a 3D mesh.
    NotPlanar,
    /// A coordinate that is not a number or is astronomically large.
    BadCoordinate,
    /// An INSERT of a block that the file does not define.
    MissingBlock,
    /// Blocks nested deeper than the limit (or a block that inserts itself).
    NestedTooDeep,
    /// A block inserted with different x and y scales: its arcs would be ellipses.
    NonUniformScale,
    /// A circle: a column or a fixture symbol, not a wall.
    Circle,
    /// An arc that is not a 90° door swing of a door's size.
    NotADoorArc,
    /// A door swing with no wall edge under its hinge and leaf.
    DoorNotOnWall,
    /// A window symbol with no wall edge under it, or one crossing a wall junction.
    WindowNotOnWall,
    /// A line that is neither a wall face (no parallel partner at a wall's thickness) nor
    /// part of a door or window symbol: jambs, hatching, furniture.
    NotAWall,
    /// A reference line (通り芯) while the walls are drawn as double lines: it would cut
    /// rooms in two.
    ReferenceLineIgnored,
    /// A text that lies in no room.
    TextOutsideRooms,
    /// A text inside a room that already took another label.
    ExtraText,
    /// A text with nothing but white space or formatting.
    EmptyText,
    /// A room outline that failed validation and was dropped.
    RoomInvalid,
    /// A face too small or too thin to be a room (a wall body, a gap between lines).
    FaceTooSmall,
    /// A room overlapping a larger one (an island drawn inside a room): the smaller is
    /// dropped.
    RoomOverlaps,
    /// Geometry in a cluster too small to be a storey (a site plan detail, a legend).
    SmallCluster,
}

impl Reason {
    /// The reason in Japanese.
    pub const fn ja(self) -> &'static str {
        match self {
            Self::LayerNotChosen => "選ばれていないレイヤーです",
            Self::UnsupportedType => "読み込まない種類の図形です",
            Self::NotForRole => "レイヤーの用途では使わない図形です",
            Self::PaperSpace => "ペーパー空間の図形です",
            Self::NotPlanar => "平面上にない図形です",
            Self::BadCoordinate => "座標が数値でないか大きすぎます",
            Self::MissingBlock => "定義のないブロックの挿入です",
            Self::NestedTooDeep => "ブロックの入れ子が深すぎます",
            Self::NonUniformScale => "縦横の倍率が異なるブロック内の円弧です",
            Self::Circle => "円は壁として使いません",
            Self::NotADoorArc => "扉の開き (90° の円弧) ではありません",
            Self::DoorNotOnWall => "扉の位置に壁が見つかりません",
            Self::WindowNotOnWall => "窓の位置に壁の辺が見つかりません",
            Self::NotAWall => "壁の線 (平行な相手の線) でも建具でもない線です",
            Self::ReferenceLineIgnored => "壁が二重線で描かれているため通り芯は使いません",
            Self::TextOutsideRooms => "どの部屋の中にもない文字です",
            Self::ExtraText => "部屋には別の室名が付いています",
            Self::EmptyText => "空の文字です",
            Self::RoomInvalid => "部屋の形が正しくないため外しました",
            Self::FaceTooSmall => "部屋としては小さすぎるか細すぎます (壁の中など)",
            Self::RoomOverlaps => "より大きな部屋と重なるため外しました",
            Self::SmallCluster => "階として扱うには小さすぎる図形のまとまりです",
        }
    }

    /// The reason in English.
    pub const fn en(self) -> &'static str {
        match self {
            Self::LayerNotChosen => "its layer was not chosen",
            Self::UnsupportedType => "an entity type the importer does not read",
            Self::NotForRole => "its layer's role does not use it",
            Self::PaperSpace => "drawn in paper space",
            Self::NotPlanar => "not in the plan's plane",
            Self::BadCoordinate => "a coordinate is not a number or is too large",
            Self::MissingBlock => "inserts a block the file does not define",
            Self::NestedTooDeep => "blocks nested too deep",
            Self::NonUniformScale => "an arc in a block scaled differently in x and y",
            Self::Circle => "circles are not walls",
            Self::NotADoorArc => "not a door swing (a 90° arc)",
            Self::DoorNotOnWall => "no wall under the door",
            Self::WindowNotOnWall => "no single wall edge under the window",
            Self::NotAWall => "neither a wall face (no parallel partner) nor a door or window",
            Self::ReferenceLineIgnored => {
                "reference lines are not used when walls are drawn as double lines"
            }
            Self::TextOutsideRooms => "the text lies in no room",
            Self::ExtraText => "the room already has a name",
            Self::EmptyText => "the text is empty",
            Self::RoomInvalid => "the room outline is invalid and was dropped",
            Self::FaceTooSmall => "too small or thin for a room (inside a wall)",
            Self::RoomOverlaps => "overlaps a larger room and was dropped",
            Self::SmallCluster => "a cluster of geometry too small to be a storey",
        }
    }
}

/// Entities (or rooms) not used for one reason, on one layer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unused {
    /// The DXF entity type (`LINE`, `ARC`, …), or `ROOM` for a dropped room outline.
    pub entity: String,
    /// The layer it was on (for a room, the storey's name).
    pub layer: String,
    /// Why it was not used.
    pub reason: Reason,
    /// How many.
    pub count: usize,
    /// An example, such as the text of a label or a point in mm; may be empty.
    pub example: String,
}

/// Collects what was not used.
#[derive(Default)]
pub(crate) struct UnusedLog {
    entries: BTreeMap<(String, String, Reason), (usize, String)>,
}

impl UnusedLog {
    pub(crate) fn add(&mut self, entity: &str, layer: &str, reason: Reason, example: &str) {
        let key = (entity.to_owned(), layer.to_owned(), reason);
        let entry = self
            .entries
            .entry(key)
            .or_insert_with(|| (0, example.chars().take(80).collect::<String>()));
        entry.0 = entry.0.saturating_add(1);
    }

    /// The entries, most frequent first, at most `limit`; and how many were left off.
    pub(crate) fn finish(self, limit: usize) -> (Vec<Unused>, usize) {
        let mut list: Vec<Unused> = self
            .entries
            .into_iter()
            .map(|((entity, layer, reason), (count, example))| Unused {
                entity,
                layer,
                reason,
                count,
                example,
            })
            .collect();
        list.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| (&a.entity, &a.layer, a.reason).cmp(&(&b.entity, &b.layer, b.reason)))
        });
        let left_off = list.len().saturating_sub(limit);
        list.truncate(limit);
        (list, left_off)
    }
}
