//! The plan data model. Field names here are the file format's field names.

use crate::geometry::PointMm;
use serde::{Deserialize, Serialize};

/// A whole dwelling (a house, or one unit of a block), possibly over several storeys.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The file format version this plan was written in; see [`crate::format`].
    pub format_version: u32,
    /// A human name for the plan, shown in the title bar.
    pub name: String,
    /// Facts about the building that the rules need.
    pub dwelling: Dwelling,
    /// Storeys from the lowest up.
    pub storeys: Vec<Storey>,
    /// How the plan is checked: profile, local override and edited values (format 2). `None`
    /// takes the profile `dwelling.target_household` names, with nothing changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<CheckSettings>,
    /// Other states of the same dwelling (format 2): a plan's own `storeys` are its existing
    /// state (現況) or its only one; each variant is a proposal (計画案) with its own storeys,
    /// building facts and check settings. Element ids are kept where an element persists
    /// from one state to another, so states can be compared element by element.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<Variant>,
    /// Underlay images embedded in the file (format 2), each referred to by the `image` of a
    /// storey's [`Underlay`]. A file carries them only when saved with its underlays; the app
    /// keeps images in its own store while editing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<EmbeddedImage>,
}

/// How a plan is checked, saved with it so a reopened plan is checked as it was saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct CheckSettings {
    /// The profile id (`sh-single`, `sn-unit`, …); an id this build does not know is
    /// reported when the plan is checked, never silently replaced.
    pub profile: String,
    /// A local override id (`toshima`, `kanagawa`, …), if one is chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_override: Option<String>,
    /// Values changed from the profile's, in the order they were set (a later value of the
    /// same key wins). The area basis (`area.basis_interior`), the rounding
    /// (`report.rounding`) and local declarations are values like any other.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<CheckValue>,
}

/// One value changed from the profile's, with where it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckValue {
    /// The parameter's key, e.g. `sh.room.min`.
    pub key: String,
    /// The value, in the parameter's unit.
    pub value: f64,
    /// Where the value comes from (an ordinance, a consultation, "set on screen").
    pub source: String,
}

/// Another state of the dwelling (see [`Plan::variants`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    /// Unique among the plan's variants.
    pub id: String,
    /// Display name, e.g. `計画案A: 3人のシェアハウス`.
    pub name: String,
    /// One sentence a presenter shows with this state.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The building facts of this state (a conversion may change the target household).
    pub dwelling: Dwelling,
    /// How this state is checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<CheckSettings>,
    /// This state's storeys, from the lowest up.
    pub storeys: Vec<Storey>,
}

/// An image embedded in a plan file as a `data:` URL.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmbeddedImage {
    /// The id underlays refer to.
    pub id: String,
    /// `data:image/png;base64,…` or `data:image/jpeg;base64,…`.
    pub data_url: String,
}

/// A picture under a storey (a scanned or photographed 間取り図) to trace over.
///
/// The image's pixel `(u, v)` lies at `origin + R(rotation) · (u, v) · mm_per_px` in the
/// plan: scaled about its top-left corner, then turned by `rotation_deg` (clockwise on
/// screen, as y points down), then moved to `origin`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Underlay {
    /// The image's id (in the app's image store, or in the file's `images`).
    pub image: String,
    /// The image's size in pixels.
    pub width_px: u32,
    /// The image's height in pixels.
    pub height_px: u32,
    /// Where the image's top-left corner lies, mm.
    pub origin: PointMm,
    /// Millimetres of plan per image pixel, set by calibration.
    pub mm_per_px: f64,
    /// Rotation in degrees, clockwise on screen.
    #[serde(default)]
    pub rotation_deg: f64,
    /// Opacity in percent (0-100).
    pub opacity_percent: u8,
    /// Hidden from view (kept with the plan).
    #[serde(default)]
    pub hidden: bool,
    /// Locked: cannot be moved by a drag.
    #[serde(default)]
    pub locked: bool,
}

/// Facts about the building as a whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Dwelling {
    /// The structure, which sets default wall thicknesses.
    pub construction: Construction,
    /// Whether the dwelling already exists (a conversion) or is newly built. `existing`
    /// means completed more than a year ago or already lived in (the セーフティネット住宅
    /// definition); it chooses the new or existing minimum of the SN and 居住サポート unit
    /// area rules.
    pub status: BuildingStatus,
    /// Year the building was completed, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_built: Option<i32>,
    /// Date building work started (着工), `YYYY-MM-DD`, which decides 新耐震 (work started
    /// after 1981-05-31). Not the permit date: see `permit_date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub construction_started: Option<String>,
    /// Date of the building permit (建築確認日), `YYYY-MM-DD`. Local plans that grade unit
    /// areas by permit year (神奈川県: ≤ 1995, 1996-2005, ≥ 2006) read it; optional, and
    /// distinct from `construction_started` (着工), which decides 新耐震.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permit_date: Option<String>,
    /// Outcome of a seismic assessment (耐震診断), if one was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seismic_assessment_passed: Option<bool>,
    /// Whether the structure is 準耐火 / 耐火 (relaxes the two-stairs threshold).
    #[serde(default)]
    pub fire_resistant: bool,
    /// The household type the plan is meant for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_household: Option<HouseholdTarget>,
}

/// Building structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Construction {
    /// 木造.
    #[default]
    Wooden,
    /// 鉄筋コンクリート造.
    Rc,
    /// 鉄骨造.
    Steel,
}

impl Construction {
    /// Every variant, for pickers and validation messages.
    pub const ALL: [Construction; 3] = [Self::Wooden, Self::Rc, Self::Steel];

    /// Typical wall thickness in mm when a wall has none entered. These are common practice,
    /// not regulation (STANDARDS.md §0): wooden 120 interior / 150 exterior, RC 150 / 180,
    /// steel frame with light-gauge partitions 100 / 150.
    pub const fn default_wall_thickness_mm(self, exterior: bool) -> u32 {
        match (self, exterior) {
            (Self::Wooden, false) => 120,
            (Self::Wooden, true) => 150,
            (Self::Rc, false) => 150,
            (Self::Rc, true) => 180,
            (Self::Steel, false) => 100,
            (Self::Steel, true) => 150,
        }
    }
}

/// Existing building (conversion) or new build.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum BuildingStatus {
    /// 既存 (completed more than a year ago, or lived in).
    #[default]
    Existing,
    /// 新築.
    New,
}

/// Who the plan is meant for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HouseholdTarget {
    /// Shared house for single people.
    SharedSingle,
    /// Shared house for single-parent households.
    SharedSingleParent,
    /// Shared house for older people.
    SharedElderly,
    /// A self-contained unit for one household.
    Household,
}

/// One floor of the dwelling.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Storey {
    /// Unique id within the plan.
    pub id: String,
    /// Display name, e.g. `1F`.
    pub name: String,
    /// Ceiling height for rooms of this storey that do not set their own, mm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ceiling_height_mm: Option<u32>,
    /// Rooms, each a wall-centre polygon.
    #[serde(default)]
    pub rooms: Vec<Room>,
    /// Doors and windows, each on one room edge.
    #[serde(default)]
    pub openings: Vec<Opening>,
    /// Fixtures placed inside rooms.
    #[serde(default)]
    pub fixtures: Vec<Fixture>,
    /// A picture to trace over (format 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub underlay: Option<Underlay>,
}

/// A room: a simple polygon of wall-centre vertices.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Room {
    /// Unique id within the plan.
    pub id: String,
    /// Display name, e.g. `洋室1`.
    pub name: String,
    /// What the room is used for.
    pub kind: RoomKind,
    /// Wall-centre vertices in mm; the polygon closes itself (do not repeat the first vertex).
    pub polygon: Vec<PointMm>,
    /// Wall thickness per edge (edge `i` runs from vertex `i` to `i + 1`), mm; `null` or a
    /// missing list takes the construction's default for an interior or exterior wall.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wall_thickness_mm: Vec<Option<u32>>,
    /// The room this one belongs to: a 収納 counts toward its room's area; a 便所, 洗面所 or
    /// 浴室 belonging to a private room is that room's own (en-suite).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub belongs_to: Option<String>,
    /// Who lives in the room (private rooms only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occupancy: Option<Occupancy>,
    /// The room's door can be locked (also true when a lockable door sits on its edge).
    #[serde(default)]
    pub lockable: bool,
    /// The room has mechanical ventilation (換気設備), which replaces the 1/20 opening rule.
    #[serde(default)]
    pub mechanical_ventilation: bool,
    /// Ceiling height, mm, overriding the storey's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ceiling_height_mm: Option<u32>,
}

/// What a room is used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum RoomKind {
    /// 専用居室: a resident's own room.
    Private,
    /// LDK: living, dining and kitchen in one.
    Ldk,
    /// DK: dining and kitchen.
    Dk,
    /// 居間.
    Living,
    /// 食堂.
    Dining,
    /// 台所.
    Kitchen,
    /// 便所.
    Toilet,
    /// 洗面所 / 脱衣所.
    Washroom,
    /// 浴室.
    Bath,
    /// シャワー室.
    ShowerRoom,
    /// 洗濯室 / 洗濯場.
    Laundry,
    /// 玄関.
    Entrance,
    /// 廊下 / ホール.
    Corridor,
    /// 階段.
    Stairs,
    /// 収納 (押入, クローゼット, 納戸).
    Storage,
    /// バルコニー: not floor area.
    Balcony,
    /// Anything else.
    Other,
}

impl RoomKind {
    /// Every kind, in picker order.
    pub const ALL: [RoomKind; 17] = [
        Self::Private,
        Self::Ldk,
        Self::Dk,
        Self::Living,
        Self::Dining,
        Self::Kitchen,
        Self::Toilet,
        Self::Washroom,
        Self::Bath,
        Self::ShowerRoom,
        Self::Laundry,
        Self::Entrance,
        Self::Corridor,
        Self::Stairs,
        Self::Storage,
        Self::Balcony,
        Self::Other,
    ];

    /// The kind's name in the file format.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Private => "private",
            Self::Ldk => "ldk",
            Self::Dk => "dk",
            Self::Living => "living",
            Self::Dining => "dining",
            Self::Kitchen => "kitchen",
            Self::Toilet => "toilet",
            Self::Washroom => "washroom",
            Self::Bath => "bath",
            Self::ShowerRoom => "shower_room",
            Self::Laundry => "laundry",
            Self::Entrance => "entrance",
            Self::Corridor => "corridor",
            Self::Stairs => "stairs",
            Self::Storage => "storage",
            Self::Balcony => "balcony",
            Self::Other => "other",
        }
    }

    /// A 居室 in the sense of 建築基準法 (a room for living, working or sleeping), which needs
    /// daylight and ventilation. 台所 alone is treated as a 居室, as is common practice.
    pub const fn is_habitable(self) -> bool {
        matches!(
            self,
            Self::Private | Self::Ldk | Self::Dk | Self::Living | Self::Dining | Self::Kitchen
        )
    }

    /// Whether the room is counted in floor area (バルコニー is not).
    pub const fn counts_as_floor_area(self) -> bool {
        !matches!(self, Self::Balcony)
    }
}

/// Who lives in a private room.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Occupancy {
    /// A number of unrelated adults (a shared house room normally has 1).
    Persons(u32),
    /// A single-parent household: one parent and children of these ages (years).
    SingleParent {
        /// Each child's age in whole years.
        children_ages: Vec<u8>,
    },
    /// A family household: adults and children of these ages (years), e.g. a couple with two
    /// children. 居住面積水準 weighs the children by age.
    Household {
        /// Adults (18 or over).
        adults: u32,
        /// Each child's age in whole years.
        children_ages: Vec<u8>,
    },
}

impl Occupancy {
    /// Everyone in the room, children included (widened so no count overflows).
    pub fn persons(&self) -> u32 {
        self.adults()
            .saturating_add(u32::try_from(self.children_ages().len()).unwrap_or(u32::MAX))
    }

    /// Adults in the room.
    pub fn adults(&self) -> u32 {
        match self {
            Self::Persons(n) => *n,
            Self::SingleParent { .. } => 1,
            Self::Household { adults, .. } => *adults,
        }
    }

    /// The children's ages (none for unrelated adults).
    pub fn children_ages(&self) -> &[u8] {
        match self {
            Self::Persons(_) => &[],
            Self::SingleParent { children_ages } | Self::Household { children_ages, .. } => {
                children_ages
            }
        }
    }

    /// One household of one parent with children, however it was entered.
    pub fn is_single_parent_household(&self) -> bool {
        match self {
            Self::Persons(_) => false,
            Self::SingleParent { .. } => true,
            Self::Household {
                adults,
                children_ages,
            } => *adults == 1 && !children_ages.is_empty(),
        }
    }
}

/// A door or window on one edge of a room.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opening {
    /// Unique id within the plan.
    pub id: String,
    /// The room whose edge carries the opening.
    pub room: String,
    /// Index of the edge (from vertex `edge` to vertex `edge + 1`).
    pub edge: usize,
    /// Distance from the edge's start vertex to the opening's near side, mm.
    pub offset_mm: u32,
    /// Opening width along the wall, mm.
    pub width_mm: u32,
    /// Door or window, with its own data.
    pub kind: OpeningKind,
}

/// A door or a window.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "snake_case",
    deny_unknown_fields,
    try_from = "OpeningFields"
)]
pub enum OpeningKind {
    /// A door.
    Door {
        /// The door can be locked from outside the room; `None` (absent in the file) when
        /// not known, which the check lists as a missing input.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lockable: Option<bool>,
        /// How the door opens, which the drawing shows; `None` (absent in the file) is a
        /// 開き戸, what every door meant before the field existed. No rule reads it: a door
        /// is a door for privacy and locks whatever its operation.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        operation: Option<DoorOperation>,
    },
    /// A window.
    Window {
        /// Height of the glazed opening, mm; `None` (absent in the file) when not known yet:
        /// the room's daylight and ventilation are then unavailable, never guessed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        height_mm: Option<u32>,
        /// The window faces the outside (not a corridor or an inner 縁側).
        exterior: bool,
        /// How it opens, which sets the openable share for ventilation.
        operation: WindowOperation,
    },
}

/// How a window opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowOperation {
    /// 嵌め殺し: does not open.
    Fixed,
    /// 引違い: half the area opens.
    Sliding,
    /// 開き / 滑り出し: the whole area opens.
    Casement,
}

impl WindowOperation {
    /// Share of the window's area that opens for ventilation.
    pub const fn openable_share(self) -> f64 {
        match self {
            Self::Fixed => 0.0,
            Self::Sliding => 0.5,
            Self::Casement => 1.0,
        }
    }
}

/// How a door opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DoorOperation {
    /// 開き戸: one leaf on hinges.
    Hinged,
    /// 引戸 (片引き): one leaf sliding along the wall beside the opening.
    Sliding,
    /// 引違い戸: two leaves on parallel tracks passing each other.
    DoubleSliding,
    /// 折れ戸: leaves that fold against each other at the jamb.
    Folding,
}

impl DoorOperation {
    /// Every operation, in picker order.
    pub const ALL: [DoorOperation; 4] = [
        Self::Hinged,
        Self::Sliding,
        Self::DoubleSliding,
        Self::Folding,
    ];

    /// The operation's name in the file format.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Hinged => "hinged",
            Self::Sliding => "sliding",
            Self::DoubleSliding => "double_sliding",
            Self::Folding => "folding",
        }
    }
}

/// Equipment placed in a room.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fixture {
    /// Unique id within the plan.
    pub id: String,
    /// The room the fixture stands in.
    pub room: String,
    /// Where it stands (its centre), mm.
    pub at: PointMm,
    /// What it is.
    pub kind: FixtureKind,
}

/// Fixture types that the standards count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "snake_case",
    deny_unknown_fields,
    try_from = "FixtureFields"
)]
pub enum FixtureKind {
    /// 便器.
    Toilet,
    /// 洗面台 with this many bowls (each bowl counts as one 洗面設備).
    WashBasin {
        /// Number of bowls.
        bowls: u32,
    },
    /// 浴室 unit: with a bathtub (浴槽) or shower only.
    Bath {
        /// Has a bathtub.
        tub: bool,
    },
    /// シャワー.
    Shower,
    /// 洗濯機置場.
    WashingMachine,
    /// Kitchen unit (コンロ + シンク + 調理台).
    Kitchen {
        /// Number of burners.
        burners: u32,
        /// Has a sink.
        sink: bool,
    },
    /// Stairs.
    Stairs,
}

impl FixtureKind {
    /// The `type` tags the file format accepts.
    pub const TYPE_NAMES: [&'static str; 7] = [
        "toilet",
        "wash_basin",
        "bath",
        "shower",
        "washing_machine",
        "kitchen",
        "stairs",
    ];
}

// The two `{"type": …}` enums are read through a flat struct of every field any type has,
// then checked for the type. Serde's own reading of an internally tagged enum first copies
// each object into a generic buffer and reads it again, which was the largest part of the
// loader in the app's wasm. The loader's pre-check has already refused unknown or missing
// fields for the type (with paths); the checks below keep a direct deserialisation as strict.

/// Every field of an opening's `kind` object, as read before its `type` is checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OpeningFields {
    #[serde(rename = "type")]
    kind: OpeningType,
    lockable: Option<bool>,
    height_mm: Option<u32>,
    exterior: Option<bool>,
    operation: Option<OperationName>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum OpeningType {
    Door,
    Window,
}

/// Every name a door's or a window's `operation` may have (`sliding` is both), sorted to
/// the opening's own type after its `type` is read.
#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum OperationName {
    Fixed,
    Sliding,
    Casement,
    Hinged,
    DoubleSliding,
    Folding,
}

impl OperationName {
    fn door(self) -> Result<DoorOperation, String> {
        match self {
            Self::Hinged => Ok(DoorOperation::Hinged),
            Self::Sliding => Ok(DoorOperation::Sliding),
            Self::DoubleSliding => Ok(DoorOperation::DoubleSliding),
            Self::Folding => Ok(DoorOperation::Folding),
            Self::Fixed | Self::Casement => {
                Err(self.unknown("`hinged`, `sliding`, `double_sliding`, `folding`"))
            }
        }
    }

    fn window(self) -> Result<WindowOperation, String> {
        match self {
            Self::Fixed => Ok(WindowOperation::Fixed),
            Self::Sliding => Ok(WindowOperation::Sliding),
            Self::Casement => Ok(WindowOperation::Casement),
            Self::Hinged | Self::DoubleSliding | Self::Folding => {
                Err(self.unknown("`fixed`, `sliding`, `casement`"))
            }
        }
    }

    /// A name of the other type's operations, worded as serde words an unknown variant.
    fn unknown(self, expected: &str) -> String {
        let name = match self {
            Self::Fixed => "fixed",
            Self::Sliding => "sliding",
            Self::Casement => "casement",
            Self::Hinged => "hinged",
            Self::DoubleSliding => "double_sliding",
            Self::Folding => "folding",
        };
        format!("unknown variant `{name}`, expected one of {expected}")
    }
}

/// The error for a field of another type, or a missing one, as serde words them.
fn field_error(problem: &str, field: &str) -> String {
    format!("{problem} field `{field}`")
}

impl TryFrom<OpeningFields> for OpeningKind {
    type Error = String;

    fn try_from(f: OpeningFields) -> Result<Self, String> {
        match f.kind {
            OpeningType::Door => match (f.height_mm, f.exterior) {
                (None, None) => Ok(Self::Door {
                    lockable: f.lockable,
                    operation: f.operation.map(OperationName::door).transpose()?,
                }),
                (Some(_), _) => Err(field_error("unknown", "height_mm")),
                (_, Some(_)) => Err(field_error("unknown", "exterior")),
            },
            OpeningType::Window => match (f.lockable, f.exterior, f.operation) {
                (Some(_), ..) => Err(field_error("unknown", "lockable")),
                (_, Some(exterior), Some(operation)) => Ok(Self::Window {
                    height_mm: f.height_mm,
                    exterior,
                    operation: operation.window()?,
                }),
                (_, None, _) => Err(field_error("missing", "exterior")),
                (_, _, None) => Err(field_error("missing", "operation")),
            },
        }
    }
}

/// Every field of a fixture's `kind` object, as read before its `type` is checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FixtureFields {
    #[serde(rename = "type")]
    kind: FixtureType,
    bowls: Option<u32>,
    tub: Option<bool>,
    burners: Option<u32>,
    sink: Option<bool>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum FixtureType {
    Toilet,
    WashBasin,
    Bath,
    Shower,
    WashingMachine,
    Kitchen,
    Stairs,
}

impl TryFrom<FixtureFields> for FixtureKind {
    type Error = String;

    fn try_from(f: FixtureFields) -> Result<Self, String> {
        let FixtureFields {
            kind,
            bowls,
            tub,
            burners,
            sink,
        } = f;
        // The fields the type takes, taken out; any other one left is unknown.
        let (kind, taken) = match kind {
            FixtureType::Toilet => (Ok(Self::Toilet), [false; 4]),
            FixtureType::Shower => (Ok(Self::Shower), [false; 4]),
            FixtureType::WashingMachine => (Ok(Self::WashingMachine), [false; 4]),
            FixtureType::Stairs => (Ok(Self::Stairs), [false; 4]),
            FixtureType::WashBasin => (
                bowls
                    .map(|bowls| Self::WashBasin { bowls })
                    .ok_or_else(|| field_error("missing", "bowls")),
                [true, false, false, false],
            ),
            FixtureType::Bath => (
                tub.map(|tub| Self::Bath { tub })
                    .ok_or_else(|| field_error("missing", "tub")),
                [false, true, false, false],
            ),
            FixtureType::Kitchen => (
                match (burners, sink) {
                    (Some(burners), Some(sink)) => Ok(Self::Kitchen { burners, sink }),
                    (None, _) => Err(field_error("missing", "burners")),
                    (_, None) => Err(field_error("missing", "sink")),
                },
                [false, false, true, true],
            ),
        };
        let present = [
            bowls.is_some(),
            tub.is_some(),
            burners.is_some(),
            sink.is_some(),
        ];
        let names = ["bowls", "tub", "burners", "sink"];
        match (0..4).find(|&i| present[i] && !taken[i]) {
            Some(i) => Err(field_error("unknown", names[i])),
            None => kind,
        }
    }
}

impl Plan {
    /// Every room of every storey with its storey.
    pub fn rooms(&self) -> impl Iterator<Item = (&Storey, &Room)> {
        self.storeys
            .iter()
            .flat_map(|storey| storey.rooms.iter().map(move |room| (storey, room)))
    }

    /// The room with this id, if any.
    pub fn room(&self, id: &str) -> Option<&Room> {
        self.rooms().map(|(_, r)| r).find(|r| r.id == id)
    }
}

/// Variant `variant` of `plan` as a plan of its own, to check, compare or show: the
/// variant's storeys, building facts and check settings under its name, with no variants
/// of its own. Embedded images stay with `plan` (underlays refer to them by id and the app
/// keeps them in its store), so they are not copied. `None` when there is no such variant.
/// Validation checks each variant as exactly this plan, so a variant of a valid plan gives
/// a valid plan.
pub fn variant_plan(plan: &Plan, variant: usize) -> Option<Plan> {
    let v = plan.variants.get(variant)?;
    Some(Plan {
        format_version: plan.format_version,
        name: v.name.clone(),
        dwelling: v.dwelling.clone(),
        storeys: v.storeys.clone(),
        check: v.check.clone(),
        variants: Vec::new(),
        images: Vec::new(),
    })
}
