//! DXF import: a drawing of a Japanese dwelling plan (Jw_cad, AutoCAD, …) into a
//! [`madori_plan::Plan`].
//!
//! # Pipeline
//! 1. **Bytes → text** ([`text::decode`]): the encoding is told from the bytes (valid UTF-8
//!    with non-ASCII → UTF-8, else Shift_JIS), never from `$DWGCODEPAGE`, which Jw_cad omits
//!    and AutoCAD 2007+ sets to `ANSI_932` over UTF-8 text. The text is handed to the `dxf`
//!    crate as UTF-8 (see `input` for how that crate decodes).
//! 2. **Pre-scan and parse** (`input`): size and entity limits, inputs known to make the
//!    `dxf` crate panic are refused before it sees them (the app is built with
//!    `panic = "abort"`, so nothing may panic).
//! 3. **Flatten** (`extract`): LINE, LWPOLYLINE / POLYLINE (bulges become arcs), ARC,
//!    TEXT, MTEXT, ATTRIB and INSERT (blocks expanded with insertion point, scale, rotation
//!    and arrays, nested up to [`MAX_BLOCK_DEPTH`]); everything else is listed as unused.
//! 4. **Units** ([`units`]): the caller's choice, else the unit that makes door swings,
//!    wall thicknesses, the 455 mm module and the extent look like a dwelling.
//! 5. **Layers**: each layer gets a role ([`LayerRole`], guessed from its name and content,
//!    which the caller can change): walls, reference lines (通り芯), openings (建具),
//!    labels, or ignored.
//! 6. **Walls** ([`walls`]): parallel face lines a wall's thickness apart become wall-centre
//!    (壁芯) lines carrying the thickness. If no wall is drawn double, single lines (wall
//!    layers and reference lines) are the centres.
//! 7. **Storeys**: centre lines are clustered by proximity; two (or more) clusters side by
//!    side are storeys, ordered by their "1階 / 2階平面図" labels, else left to right, and
//!    aligned by their bounding boxes.
//! 8. **Rooms** ([`graph`]): per storey, collinear pieces merge, gaps within the snap
//!    close, openings between free wall ends are bridged, free ends extend to the wall
//!    they meet; segments split where they cross; the bounded faces of the planar graph are
//!    the rooms (too small or thin faces dropped). This part is written by hand: see the
//!    [`graph`] module for why.
//! 9. **Names, doors, windows**: texts inside a room name it ([`text::room_kind`]; a label
//!    such as 「洋室 6帖」 is kept whole; rooms without one are numbered 室1, 室2, …). A 90°
//!    arc of a door's radius is a door swing; its leaf (the line from the hinge to one end
//!    of the arc) tells the open end, so the chord from the hinge to the other end lies on
//!    the wall: it is added as a wall-centre piece (a 780 mm door in a 910 mm wall leaves
//!    piers of a few millimetres, and the wall would vanish), and the door becomes an
//!    opening on the edge under it, on the room it opens into. Lines on an opening layer
//!    lying along a wall edge, inside the wall, are window sashes: overlapping ones make one
//!    window, recorded as 引違い (sliding, the usual Japanese sash) with its height unknown
//!    and exterior when no room lies beyond the wall. Sliding doors drawn as lines are
//!    therefore read as windows; symbols that match nothing are listed as unused.
//! 10. **Validation**: the plan is checked with [`madori_plan::validate::validate`]; rooms
//!     or openings that fail are dropped and listed, so the result is always valid.
//!
//! All work is bounded (bytes, entities, expanded primitives, segments, pair tests, faces)
//! and every failure is an [`ImportError`] with Japanese and English words.

pub mod export;
pub(crate) mod extract;
pub mod graph;
pub(crate) mod input;
pub mod text;
pub mod units;
pub mod unused;
pub mod walls;

pub use export::{export_dxf, reimport_layers, ExportOptions, Format};
use extract::{Item, Shape};
use graph::{CleanOptions, Face, Seg};
use madori_plan::geometry::{self, Location, MAX_COORDINATE_MM};
use madori_plan::{
    Dwelling, Opening, OpeningKind, Plan, PointMm, Room, RoomKind, Storey, WindowOperation,
};
use std::collections::{BTreeMap, HashMap};
pub use text::{EncodingReport, TextEncoding};
pub use units::{Unit, UnitProposal};
pub use unused::{Reason, Unused};

/// Files larger than this are refused before reading (32 MiB).
pub const MAX_BYTES: usize = 32 * 1024 * 1024;
/// Objects (group-code-0 records) a file may hold. The `dxf` crate keeps about 1 kB per
/// entity (816 bytes for the struct alone), so this bounds its memory near 150 MB; a
/// Jw_cad dwelling drawing has some thousands to tens of thousands.
pub const MAX_FILE_ENTITIES: usize = 150_000;
/// Primitives after block expansion; also the entities visited while expanding blocks (an
/// array of blocks that hold nothing usable must stop too).
pub const MAX_PRIMITIVES: usize = 1_000_000;
/// How deep blocks may nest.
pub const MAX_BLOCK_DEPTH: usize = 8;
/// Rooms (faces) one import may produce: the plan's own limit.
pub const MAX_FACES: usize = madori_plan::validate::MAX_ROOMS;
/// Entries in the list of what was not used.
pub const MAX_UNUSED_ENTRIES: usize = 200;
/// Faces smaller than this (mm², 0.1 ㎡) are not rooms.
pub const MIN_ROOM_AREA_MM2: f64 = 100_000.0;
/// Faces thinner than this (twice the area over the perimeter, mm) are not rooms.
pub const MIN_ROOM_WIDTH_MM: f64 = 150.0;
/// Clusters of wall lines farther apart than this (mm) are separate drawings (storeys).
pub const CLUSTER_GAP_MM: i64 = 1_000;

/// What went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// Over the byte limit.
    TooLarge,
    /// Binary DXF or DXB.
    Unsupported,
    /// Not readable as DXF.
    Parse,
    /// Over a count limit.
    TooMany,
    /// Too dense to analyse within the time bound.
    TooComplex,
    /// An option out of range, or a layer the drawing does not have.
    BadOption,
    /// No geometry on the chosen layers.
    Empty,
    /// No closed room outline found.
    NoRooms,
    /// The drawing does not fit the plan's coordinate range in the chosen unit.
    OutOfRange,
}

/// A refusal, in Japanese and English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// What kind of failure.
    pub kind: ErrorKind,
    /// In Japanese.
    pub message_ja: String,
    /// In English.
    pub message_en: String,
}

impl ImportError {
    pub(crate) fn new(kind: ErrorKind, ja: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            kind,
            message_ja: ja.into(),
            message_en: en.into(),
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} / {}", self.message_en, self.message_ja)
    }
}

impl std::error::Error for ImportError {}

/// What a layer is used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayerRole {
    /// Wall lines: double lines (faces) or single centre lines.
    Walls,
    /// Reference lines (通り芯): wall centres when no wall is drawn double.
    ReferenceLines,
    /// Doors and windows (建具): arcs are door swings, lines along a wall are windows.
    Openings,
    /// Texts only (室名).
    Labels,
    /// Not used (dimensions, furniture, hatching, frames).
    Ignore,
}

/// One layer, for a layer picker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayerSummary {
    /// The layer's name.
    pub name: String,
    /// Entities by DXF type (blocks expanded; INSERTs count too), by name.
    pub counts: BTreeMap<String, usize>,
    /// The role guessed from the name and content.
    pub role: LayerRole,
    /// Whether the import uses the layer by default: every layer holding geometry or text
    /// that is not [`LayerRole::Ignore`].
    pub selected: bool,
}

/// What a drawing holds, before importing: for choosing layers and the unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Survey {
    /// `$ACADVER` as the `dxf` crate names it (e.g. `R12`, `R2007`).
    pub version: String,
    /// How the text was read.
    pub encoding: EncodingReport,
    /// Every layer that holds something.
    pub layers: Vec<LayerSummary>,
    /// The unit proposed.
    pub units: UnitProposal,
}

/// A layer and the role the caller gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayerChoice {
    /// The layer's name.
    pub name: String,
    /// Its role.
    pub role: LayerRole,
}

/// How to import.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportOptions {
    /// The layers to use with their roles; `None` takes [`Survey::layers`] as guessed.
    pub layers: Option<Vec<LayerChoice>>,
    /// The drawing unit; `None` takes the proposed one.
    pub unit: Option<Unit>,
    /// Gaps up to this close, mm (0..=500).
    pub snap_mm: u32,
    /// Parallel lines this far apart are a wall's faces, mm (10..=1,000 each, min ≤ max).
    pub wall_thickness_mm: (u32, u32),
    /// Collinear wall gaps up to this are bridged (doorways, windows), mm (0..=10,000).
    pub max_opening_mm: u32,
    /// The plan's name.
    pub plan_name: String,
}

impl Default for ImportOptions {
    fn default() -> Self {
        Self {
            layers: None,
            unit: None,
            snap_mm: 50,
            wall_thickness_mm: (60, 300),
            max_opening_mm: 3_640,
            plan_name: "DXF".into(),
        }
    }
}

/// How the walls were drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WallDrawing {
    /// Double lines (faces), turned into centre lines with their thickness.
    DoubleLines,
    /// Single lines taken as wall centres (thickness unknown: the construction's default).
    CentreLines,
}

/// The result of an import.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    /// The plan; it passes [`madori_plan::validate::validate`].
    pub plan: Plan,
    /// How the text was read.
    pub encoding: EncodingReport,
    /// The unit used.
    pub unit: Unit,
    /// Whether the caller chose the unit (else it is `proposal.unit`).
    pub unit_from_caller: bool,
    /// The unit the drawing suggests, with the evidence.
    pub proposal: UnitProposal,
    /// How the walls were drawn.
    pub walls: WallDrawing,
    /// The longest straight wall, mm: a check of the scale an owner can read.
    pub longest_wall_mm: u32,
    /// The scale check in Japanese, e.g. 「最も長い壁は 9,100 mm です」.
    pub scale_check_ja: String,
    /// The scale check in English, e.g. "the longest wall is 9,100 mm".
    pub scale_check_en: String,
    /// The layers and the roles used.
    pub layers: Vec<LayerSummary>,
    /// What was not used, most frequent first, at most [`MAX_UNUSED_ENTRIES`].
    pub unused: Vec<Unused>,
    /// Entries left off `unused`.
    pub unused_left_off: usize,
}

/// Reads a drawing and summarises it: layers with counts and guessed roles, the
/// encoding, the proposed unit.
pub fn survey(bytes: &[u8]) -> Result<Survey, ImportError> {
    let parsed = input::parse(bytes)?;
    let extracted = extract::extract(&parsed.drawing)?;
    let layers = summarise(&extracted);
    let units = propose_for(&extracted, &layers);
    Ok(Survey {
        version: extracted.version.clone(),
        encoding: parsed.encoding,
        layers,
        units,
    })
}

fn summarise(extracted: &extract::Extracted) -> Vec<LayerSummary> {
    extracted
        .layers
        .iter()
        .zip(&extracted.counts)
        .map(|(name, counts)| {
            let counts: BTreeMap<String, usize> =
                counts.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect();
            let role = guess_role(name, &counts);
            LayerSummary {
                name: name.clone(),
                selected: role != LayerRole::Ignore,
                counts,
                role,
            }
        })
        .collect()
}

/// A layer's role from its name (Japanese and English CAD habits) and what it holds.
fn guess_role(name: &str, counts: &BTreeMap<String, usize>) -> LayerRole {
    let lower = name.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    let only_text = counts
        .keys()
        .all(|k| matches!(k.as_str(), "TEXT" | "MTEXT" | "ATTRIB"));
    if has(&[
        "寸法",
        "dim",
        "家具",
        "furn",
        "hatch",
        "ハッチ",
        "図枠",
        "frame",
        "title",
        "凡例",
        "設備",
        "注記",
    ]) {
        LayerRole::Ignore
    } else if only_text || has(&["文字", "室名", "text", "label"]) {
        LayerRole::Labels
    } else if has(&[
        "通り芯",
        "通芯",
        "芯",
        "基準線",
        "grid",
        "center",
        "centre",
        "axis",
    ]) {
        LayerRole::ReferenceLines
    } else if has(&["建具", "開口", "窓", "扉", "door", "window", "opening"]) {
        LayerRole::Openings
    } else {
        LayerRole::Walls
    }
}

fn propose_for(extracted: &extract::Extracted, layers: &[LayerSummary]) -> UnitProposal {
    let items: Vec<&Item> = extracted
        .items
        .iter()
        .filter(|i| {
            let l = &layers[i.layer];
            l.selected
                && matches!(
                    l.role,
                    LayerRole::Walls | LayerRole::ReferenceLines | LayerRole::Openings
                )
        })
        .collect();
    units::propose(&items, extracted.insunits)
}

fn check_options(options: &ImportOptions) -> Result<(), ImportError> {
    let bad = |ja: String, en: String| Err(ImportError::new(ErrorKind::BadOption, ja, en));
    let (min_t, max_t) = options.wall_thickness_mm;
    if options.snap_mm > 500 {
        return bad(
            format!(
                "スナップ距離 {} mm は 0〜500 mm にしてください",
                options.snap_mm
            ),
            format!("the snap distance {} mm must be 0-500 mm", options.snap_mm),
        );
    }
    if !(10..=1_000).contains(&min_t) || !(10..=1_000).contains(&max_t) || min_t > max_t {
        return bad(
            format!("壁厚の範囲 {min_t}〜{max_t} mm は 10〜1000 mm の中で小さい順にしてください"),
            format!(
                "the wall thickness range {min_t}-{max_t} mm must lie in 10-1000 mm, smaller first"
            ),
        );
    }
    if options.max_opening_mm > 10_000 {
        return bad(
            format!(
                "開口幅の上限 {} mm は 10000 mm 以下にしてください",
                options.max_opening_mm
            ),
            format!(
                "the largest opening {} mm must be at most 10000 mm",
                options.max_opening_mm
            ),
        );
    }
    if let Some(Unit::PaperMm { scale }) = options.unit {
        if !(1..=10_000).contains(&scale) {
            return bad(
                format!("縮尺 1/{scale} は 1/1〜1/10000 にしてください"),
                format!("the scale 1:{scale} must be between 1:1 and 1:10000"),
            );
        }
    }
    Ok(())
}

/// A door swing in plan millimetres (y down).
#[derive(Clone, Debug)]
struct Door {
    hinge: [f64; 2],
    radius: f64,
    ends: [[f64; 2]; 2],
    /// Which end the leaf line reaches (the open position), when a leaf was found.
    open_end: Option<usize>,
    layer: usize,
}

/// Imports the drawing as a plan.
pub fn import(bytes: &[u8], options: &ImportOptions) -> Result<Import, ImportError> {
    check_options(options)?;
    let input::Parsed { drawing, encoding } = input::parse(bytes)?;
    let mut extracted = extract::extract(&drawing)?;
    // The flattened primitives are all that is needed from here on.
    drop(drawing);
    let mut layers = summarise(&extracted);
    if let Some(choices) = &options.layers {
        for choice in choices {
            if !layers.iter().any(|l| l.name == choice.name) {
                let shown: String = choice.name.chars().take(60).collect();
                return Err(ImportError::new(
                    ErrorKind::BadOption,
                    format!("図面にレイヤー「{shown}」はありません"),
                    format!("the drawing has no layer \"{shown}\""),
                ));
            }
        }
        for layer in &mut layers {
            match choices.iter().find(|c| c.name == layer.name) {
                Some(c) => {
                    layer.role = c.role;
                    // A layer given the role `Ignore` is not used, texts included.
                    layer.selected = c.role != LayerRole::Ignore;
                }
                None => layer.selected = false,
            }
        }
    }
    let proposal = propose_for(&extracted, &layers);
    let unit = options.unit.unwrap_or(proposal.unit);
    let scale = unit.mm_per_unit();
    let mut log = std::mem::take(&mut extracted.unused);
    let layer_names = extracted.layers.clone();
    let to_mm = |p: [f64; 2]| [p[0] * scale, -p[1] * scale];
    let round = |p: [f64; 2]| PointMm::new(p[0].round() as i64, p[1].round() as i64);

    // Sort the primitives by layer role.
    let mut wall_lines: Vec<(Seg, &'static str)> = Vec::new();
    let mut reference_lines: Vec<Seg> = Vec::new();
    let mut opening_lines: Vec<([f64; 2], [f64; 2], usize)> = Vec::new();
    let mut doors: Vec<Door> = Vec::new();
    let mut texts: Vec<([f64; 2], String, usize, &'static str)> = Vec::new();
    for item in &extracted.items {
        let layer = &layers[item.layer];
        let name = &layer_names[item.layer];
        if !layer.selected {
            log.add(item.entity, name, Reason::LayerNotChosen, "");
            continue;
        }
        match &item.shape {
            Shape::Text { .. } if layer.role == LayerRole::Ignore => {
                log.add(item.entity, name, Reason::NotForRole, "");
            }
            Shape::Text { centre, value } => {
                texts.push((to_mm(*centre), value.clone(), item.layer, item.entity))
            }
            Shape::Arc {
                centre,
                radius,
                start,
                end,
            } => {
                let sweep = (end - start).rem_euclid(360.0);
                let r = radius * scale;
                let usable = matches!(layer.role, LayerRole::Walls | LayerRole::Openings);
                if usable && (75.0..=105.0).contains(&sweep) && (450.0..=1_300.0).contains(&r) {
                    let at = |deg: f64| {
                        let (s, c) = deg.to_radians().sin_cos();
                        to_mm([centre[0] + radius * c, centre[1] + radius * s])
                    };
                    doors.push(Door {
                        hinge: to_mm(*centre),
                        radius: r,
                        ends: [at(*start), at(*end)],
                        open_end: None,
                        layer: item.layer,
                    });
                } else if usable {
                    log.add(item.entity, name, Reason::NotADoorArc, "");
                } else {
                    log.add(item.entity, name, Reason::NotForRole, "");
                }
            }
            Shape::Seg(a, b) => {
                let (a, b) = (to_mm(*a), to_mm(*b));
                match layer.role {
                    LayerRole::Walls => {
                        let s = Seg {
                            a: round(a),
                            b: round(b),
                            thickness: None,
                            tag: item.layer,
                        };
                        if s.a != s.b {
                            wall_lines.push((s, item.entity));
                        }
                    }
                    LayerRole::ReferenceLines => {
                        let s = Seg {
                            a: round(a),
                            b: round(b),
                            thickness: None,
                            tag: item.layer,
                        };
                        if s.a != s.b {
                            reference_lines.push(s);
                        }
                    }
                    LayerRole::Openings => opening_lines.push((a, b, item.layer)),
                    LayerRole::Labels | LayerRole::Ignore => {
                        log.add(item.entity, name, Reason::NotForRole, "");
                    }
                }
            }
        }
    }

    // Door leaves: a line from the hinge to an end of the swing belongs to the door. Hinges
    // are hashed in 100 mm cells (the tolerance is at most 65 mm, so the 3 × 3 cells
    // around a point hold every candidate); a cell offers at most 64 doors, so stacked
    // copies cannot make this quadratic.
    let cell = |p: [f64; 2]| ((p[0] / 100.0).floor() as i64, (p[1] / 100.0).floor() as i64);
    let mut hinges: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (d, door) in doors.iter().enumerate() {
        let list = hinges.entry(cell(door.hinge)).or_default();
        if list.len() < 64 {
            list.push(d);
        }
    }
    let near = |p: [f64; 2], q: [f64; 2], tol: f64| (p[0] - q[0]).hypot(p[1] - q[1]) <= tol;
    let is_leaf = |a: [f64; 2], b: [f64; 2], doors: &mut [Door]| {
        for (p, q) in [(a, b), (b, a)] {
            let (cx, cy) = cell(p);
            for dx in -1..=1 {
                for dy in -1..=1 {
                    for &d in hinges
                        .get(&(cx + dx, cy + dy))
                        .map_or(&[][..], Vec::as_slice)
                    {
                        let door = &mut doors[d];
                        let tol = (door.radius * 0.05).max(20.0);
                        if !near(p, door.hinge, tol) {
                            continue;
                        }
                        if let Some(k) = door.ends.iter().position(|e| near(q, *e, tol)) {
                            door.open_end = Some(k);
                            return true;
                        }
                    }
                }
            }
        }
        false
    };
    wall_lines.retain(|(s, _)| {
        let f = |p: PointMm| [p.x as f64, p.y as f64];
        !is_leaf(f(s.a), f(s.b), &mut doors)
    });
    opening_lines.retain(|&(a, b, _)| !is_leaf(a, b, &mut doors));

    // Walls: double lines if any pair up, else single centre lines.
    let faces: Vec<Seg> = wall_lines.iter().map(|(s, _)| *s).collect();
    let paired = walls::pair(
        &faces,
        f64::from(options.snap_mm),
        f64::from(options.wall_thickness_mm.0),
        f64::from(options.wall_thickness_mm.1),
    )?;
    let (mode, mut centres) = if paired.centres.is_empty() {
        let mut all = faces;
        all.extend(reference_lines.iter().copied());
        (WallDrawing::CentreLines, all)
    } else {
        for (line, used) in paired.lines.iter().zip(&paired.used) {
            if !used {
                log.add("LINE", &layer_names[line.tag], Reason::NotAWall, "");
            }
        }
        for line in &reference_lines {
            log.add(
                "LINE",
                &layer_names[line.tag],
                Reason::ReferenceLineIgnored,
                "",
            );
        }
        (WallDrawing::DoubleLines, paired.centres)
    };
    // A door stands in a wall: its closed position (hinge to the closed end) is on the
    // wall's centre line. This keeps a wall whose whole length is a door (a 780 door in a
    // 910 module leaves piers of a few mm) from vanishing.
    if !centres.is_empty() {
        for door in &doors {
            if let Some(open) = door.open_end {
                let chord = Seg {
                    a: round(door.hinge),
                    b: round(door.ends[1 - open]),
                    thickness: None,
                    tag: door.layer,
                };
                if chord.a != chord.b {
                    centres.push(chord);
                }
            }
        }
    }
    if centres.is_empty() {
        return Err(ImportError::new(
            ErrorKind::Empty,
            "選んだレイヤーに壁の線がありません",
            "the chosen layers hold no wall lines",
        ));
    }
    check_extent(&centres, unit)?;

    // Storeys: clusters of centre lines.
    let clusters = cluster(&centres)?;
    let snap = f64::from(options.snap_mm);
    let clean_options = CleanOptions {
        snap_mm: snap,
        bridge_mm: f64::from(options.max_opening_mm),
        extend_mm: match mode {
            WallDrawing::DoubleLines => f64::from(options.wall_thickness_mm.1) / 2.0 + snap,
            WallDrawing::CentreLines => snap,
        },
    };
    let mut longest = 0.0f64;
    let mut groups: Vec<(Vec<Face>, (PointMm, PointMm))> = Vec::new();
    let mut face_count = 0usize;
    for members in clusters {
        let segs: Vec<Seg> = members.iter().map(|&i| centres[i]).collect();
        let (cleaned, run) = graph::clean(&segs, clean_options)?;
        longest = longest.max(run);
        let graph = graph::build(&cleaned)?;
        let mut found = Vec::new();
        for face in graph::faces(&graph) {
            face_count += 1;
            if face_count > MAX_FACES * 2 {
                return Err(ImportError::new(
                    ErrorKind::TooMany,
                    format!("閉じた領域が多すぎます (上限 {MAX_FACES})"),
                    format!("too many closed outlines (the limit is {MAX_FACES})"),
                ));
            }
            let area2 = geometry::signed_area_twice_mm2(&face.polygon) as f64;
            let perimeter: f64 = (0..face.polygon.len())
                .map(|k| {
                    geometry::distance_mm(
                        face.polygon[k],
                        face.polygon[(k + 1) % face.polygon.len()],
                    )
                })
                .sum();
            if area2 / 2.0 < MIN_ROOM_AREA_MM2 || area2 / perimeter.max(1.0) < MIN_ROOM_WIDTH_MM {
                log.add(
                    "ROOM",
                    "",
                    Reason::FaceTooSmall,
                    &describe_at(&face.polygon),
                );
                continue;
            }
            found.push(face);
        }
        drop_overlaps(&mut found, &mut log)?;
        if found.is_empty() {
            continue;
        }
        let all: Vec<PointMm> = found
            .iter()
            .flat_map(|f| f.polygon.iter().copied())
            .collect();
        let bounds = geometry::bounds(&all).unwrap_or_default();
        groups.push((found, bounds));
    }
    if groups.is_empty() {
        return Err(ImportError::new(
            ErrorKind::NoRooms,
            "閉じた部屋の輪郭が見つかりません (レイヤーの選択、単位、スナップ距離を確かめてください)",
            "no closed room outline was found (check the chosen layers, the unit and the snap distance)",
        ));
    }
    let rooms_total: usize = groups.iter().map(|g| g.0.len()).sum();
    if rooms_total > MAX_FACES {
        return Err(ImportError::new(
            ErrorKind::TooMany,
            format!("部屋が多すぎます ({rooms_total} 室、上限 {MAX_FACES})"),
            format!("too many rooms ({rooms_total}, the limit is {MAX_FACES})"),
        ));
    }
    // Small clusters beside a storey (a detail, a legend) are not storeys.
    let box_area = |b: &(PointMm, PointMm)| ((b.1.x - b.0.x) as f64) * ((b.1.y - b.0.y) as f64);
    let largest = groups.iter().map(|g| box_area(&g.1)).fold(0.0, f64::max);
    groups.retain(|g| {
        let keep = box_area(&g.1) >= 0.25 * largest;
        if !keep {
            for f in &g.0 {
                log.add("ROOM", "", Reason::SmallCluster, &describe_at(&f.polygon));
            }
        }
        keep
    });

    // Which room of each cluster holds each text (the first found).
    let mut budget = 0usize;
    let indexes = groups
        .iter()
        .map(|g| RoomIndex::new(&g.0))
        .collect::<Result<Vec<_>, _>>()?;
    let mut holder: Vec<Option<(usize, usize)>> = vec![None; texts.len()];
    for (t, (at, _, _, _)) in texts.iter().enumerate() {
        let p = round(*at);
        for (g, index) in indexes.iter().enumerate() {
            let found = index
                .near(p, 0, &mut budget)?
                .into_iter()
                .find(|&r| geometry::locate(&groups[g].0[r].polygon, p) == Location::Inside);
            if let Some(r) = found {
                holder[t] = Some((g, r));
                break;
            }
        }
    }

    // Storey order: by "N階" labels outside rooms, else left to right.
    let mut numbers: Vec<Option<u32>> = vec![None; groups.len()];
    for (t, (at, value, _, _)) in texts.iter().enumerate() {
        let p = round(*at);
        let Some(n) = text::storey_number(value) else {
            continue;
        };
        if holder[t].is_some() {
            continue;
        }
        let nearest = groups
            .iter()
            .enumerate()
            .map(|(g, grp)| (g, box_distance(p, grp.1)))
            .filter(|&(_, d)| d <= 5_000.0)
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((g, _)) = nearest {
            numbers[g].get_or_insert(n);
        }
    }
    let mut order: Vec<usize> = (0..groups.len()).collect();
    let labelled = {
        let mut seen: Vec<u32> = numbers.iter().flatten().copied().collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len() == groups.len()
    };
    if labelled {
        order.sort_by_key(|&g| numbers[g]);
    } else {
        order.sort_by_key(|&g| (groups[g].1 .0.x, groups[g].1 .0.y));
    }

    // Rooms with names, doors and windows, per storey.
    let mut storeys = Vec::new();
    let mut text_used = vec![false; texts.len()];
    let mut door_used = vec![false; doors.len()];
    let mut window_used = vec![false; opening_lines.len()];
    for (s, &g) in order.iter().enumerate() {
        let (faces, bounds) = &groups[g];
        let number = if labelled {
            numbers[g].unwrap_or(s as u32 + 1)
        } else {
            s as u32 + 1
        };
        let storey_id = format!("{number}f");
        let storey_name = format!("{number}F");
        let mut rooms = Vec::new();
        let mut unnamed = 0usize;
        let mut inside_room: Vec<Vec<usize>> = vec![Vec::new(); faces.len()];
        for (t, held) in holder.iter().enumerate() {
            if let Some((hg, r)) = *held {
                if hg == g {
                    inside_room[r].push(t);
                }
            }
        }
        for (r, face) in faces.iter().enumerate() {
            let inside = &inside_room[r];
            let named = inside
                .iter()
                .copied()
                .find(|&t| text::room_kind(&texts[t].1).is_some())
                .or_else(|| inside.iter().copied().find(|&t| is_name_like(&texts[t].1)));
            for &t in inside {
                text_used[t] = true;
                if Some(t) != named {
                    let (_, value, layer, entity) = &texts[t];
                    log.add(entity, &layer_names[*layer], Reason::ExtraText, value);
                }
            }
            let (name, kind) = match named {
                Some(t) => (
                    texts[t].1.clone(),
                    text::room_kind(&texts[t].1).unwrap_or(RoomKind::Other),
                ),
                None => {
                    unnamed += 1;
                    (format!("室{unnamed}"), RoomKind::Other)
                }
            };
            let thickness = if face.thickness.iter().all(Option::is_none) {
                Vec::new()
            } else {
                face.thickness.clone()
            };
            rooms.push(Room {
                id: format!("{storey_id}-r{}", r + 1),
                name,
                kind,
                polygon: face.polygon.clone(),
                wall_thickness_mm: thickness,
                belongs_to: None,
                occupancy: None,
                lockable: false,
                mechanical_ventilation: false,
                ceiling_height_mm: None,
            });
        }
        let mut openings = Vec::new();
        for (d, door) in doors.iter().enumerate() {
            if door_used[d] {
                continue;
            }
            if let Some((room, edge, offset, width)) = place_door(
                door,
                &rooms,
                &indexes[g],
                options.wall_thickness_mm.1,
                &mut budget,
            )? {
                door_used[d] = true;
                openings.push(Opening {
                    id: format!("{storey_id}-d{}", openings.len() + 1),
                    room: rooms[room].id.clone(),
                    edge,
                    offset_mm: offset,
                    width_mm: width,
                    kind: OpeningKind::Door {
                        lockable: None,
                        operation: None,
                    },
                });
            }
        }
        for (room, edge, offset, width, exterior) in place_windows(
            &opening_lines,
            &mut window_used,
            &rooms,
            &indexes[g],
            options.wall_thickness_mm.1,
            &mut budget,
        )? {
            openings.push(Opening {
                id: format!("{storey_id}-w{}", openings.len() + 1),
                room: rooms[room].id.clone(),
                edge,
                offset_mm: offset,
                width_mm: width,
                kind: OpeningKind::Window {
                    height_mm: None,
                    exterior,
                    operation: WindowOperation::Sliding,
                },
            });
        }
        // Align storeys by their bounding boxes: the top-left corner becomes (0, 0).
        let origin = bounds.0;
        for room in &mut rooms {
            for p in &mut room.polygon {
                *p = PointMm::new(p.x - origin.x, p.y - origin.y);
            }
        }
        let extent = (bounds.1.x - bounds.0.x).max(bounds.1.y - bounds.0.y);
        if extent > MAX_COORDINATE_MM {
            return Err(out_of_range(extent as f64, unit));
        }
        storeys.push(Storey {
            id: storey_id,
            name: storey_name,
            ceiling_height_mm: None,
            rooms,
            openings,
            fixtures: Vec::new(),
            underlay: None,
        });
    }
    for (t, (_, value, layer, entity)) in texts.iter().enumerate() {
        if !text_used[t] && text::storey_number(value).is_none() {
            log.add(
                entity,
                &layer_names[*layer],
                Reason::TextOutsideRooms,
                value,
            );
        }
    }
    for (d, door) in doors.iter().enumerate() {
        if !door_used[d] {
            let at = round(door.hinge);
            log.add(
                "ARC",
                &layer_names[door.layer],
                Reason::DoorNotOnWall,
                &format!("({}, {})", at.x, at.y),
            );
        }
    }
    for (w, &(_, _, layer)) in opening_lines.iter().enumerate() {
        if !window_used[w] {
            log.add("LINE", &layer_names[layer], Reason::WindowNotOnWall, "");
        }
    }
    let mut plan = Plan {
        format_version: madori_plan::format::FORMAT_VERSION,
        name: options.plan_name.chars().take(200).collect(),
        dwelling: Dwelling::default(),
        storeys,
        check: None,
        variants: Vec::new(),
        images: Vec::new(),
    };
    repair(&mut plan, &mut log)?;
    let longest_wall_mm = longest.round().clamp(0.0, f64::from(u32::MAX)) as u32;
    let (unused, unused_left_off) = log.finish(MAX_UNUSED_ENTRIES);
    Ok(Import {
        plan,
        encoding,
        unit,
        unit_from_caller: options.unit.is_some(),
        proposal,
        walls: mode,
        longest_wall_mm,
        scale_check_ja: format!("最も長い壁は {} mm です", thousands(longest_wall_mm)),
        scale_check_en: format!("the longest wall is {} mm", thousands(longest_wall_mm)),
        layers,
        unused,
        unused_left_off,
    })
}

/// A label that can name a room: not only digits, areas and punctuation ("6帖", "3640").
fn is_name_like(value: &str) -> bool {
    value.chars().any(|c| {
        !(c.is_ascii_digit()
            || c.is_whitespace()
            || ".,:()（）帖畳㎡m²約+-×x*/".contains(c)
            || ('０'..='９').contains(&c))
    })
}

fn describe_at(polygon: &[PointMm]) -> String {
    polygon
        .first()
        .map(|p| format!("({}, {})", p.x, p.y))
        .unwrap_or_default()
}

fn thousands(v: u32) -> String {
    let digits = v.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn out_of_range(extent_mm: f64, unit: Unit) -> ImportError {
    ImportError::new(
        ErrorKind::OutOfRange,
        format!(
            "単位を{}とすると図面の大きさが {:.0} m になり、上限 {} m を超えます。単位を確かめてください",
            unit.name_ja(),
            extent_mm / 1000.0,
            MAX_COORDINATE_MM / 1000
        ),
        format!(
            "in {} the drawing spans {:.0} m, beyond the limit of {} m: check the unit",
            unit.name_en(),
            extent_mm / 1000.0,
            MAX_COORDINATE_MM / 1000
        ),
    )
}

/// Refuses wall geometry spanning more than 100 times the plan's coordinate range (a
/// wrong unit or stray far-away lines), before any work grows with the extent.
fn check_extent(segs: &[Seg], unit: Unit) -> Result<(), ImportError> {
    let points: Vec<PointMm> = segs.iter().flat_map(|s| [s.a, s.b]).collect();
    if let Some((lo, hi)) = geometry::bounds(&points) {
        let extent = (hi.x as f64 - lo.x as f64).max(hi.y as f64 - lo.y as f64);
        if extent > 100.0 * MAX_COORDINATE_MM as f64 {
            return Err(out_of_range(extent, unit));
        }
    }
    Ok(())
}

fn box_distance(p: PointMm, b: (PointMm, PointMm)) -> f64 {
    let dx = (b.0.x - p.x).max(p.x - b.1.x).max(0) as f64;
    let dy = (b.0.y - p.y).max(p.y - b.1.y).max(0) as f64;
    dx.hypot(dy)
}

/// Groups segments lying within [`CLUSTER_GAP_MM`] of each other (union-find over the
/// spatial grid).
fn cluster(segs: &[Seg]) -> Result<Vec<Vec<usize>>, ImportError> {
    let half = CLUSTER_GAP_MM / 2;
    let grid = graph::Grid::new(segs, half)?;
    let mut parent: Vec<usize> = (0..segs.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut budget = 0usize;
    for (i, s) in segs.iter().enumerate() {
        let (lo, hi) = (
            PointMm::new(s.a.x.min(s.b.x) - half, s.a.y.min(s.b.y) - half),
            PointMm::new(s.a.x.max(s.b.x) + half, s.a.y.max(s.b.y) + half),
        );
        for j in grid.near(s.a, s.b, half, &mut budget)? {
            let o = &segs[j];
            let overlap = o.a.x.min(o.b.x) - half <= hi.x
                && o.a.x.max(o.b.x) + half >= lo.x
                && o.a.y.min(o.b.y) - half <= hi.y
                && o.a.y.max(o.b.y) + half >= lo.y;
            if overlap {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..segs.len() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    Ok(groups.into_values().collect())
}

/// The rooms of a storey by bounding box in a uniform grid, so that finding the rooms near
/// a point costs about the rooms there, not every room (texts, doors and windows are looked
/// up this way).
struct RoomIndex {
    grid: graph::Grid,
}

impl RoomIndex {
    fn new(faces: &[Face]) -> Result<Self, ImportError> {
        // Each room's box as its diagonal: the grid indexes segments by their boxes.
        let boxes: Vec<Seg> = faces
            .iter()
            .map(|f| {
                let (lo, hi) = geometry::bounds(&f.polygon).unwrap_or_default();
                Seg {
                    a: lo,
                    b: hi,
                    thickness: None,
                    tag: 0,
                }
            })
            .collect();
        Ok(Self {
            grid: graph::Grid::new(&boxes, 0)?,
        })
    }

    /// Rooms whose boxes may lie within `reach` of `p`, in index order.
    fn near(&self, p: PointMm, reach: i64, budget: &mut usize) -> Result<Vec<usize>, ImportError> {
        self.grid.near(p, p, reach.max(0), budget)
    }
}

/// Drops the smaller of two overlapping faces (an island drawn inside a room).
fn drop_overlaps(faces: &mut Vec<Face>, log: &mut unused::UnusedLog) -> Result<(), ImportError> {
    let area = |f: &Face| geometry::signed_area_twice_mm2(&f.polygon);
    faces.sort_by_key(|f| std::cmp::Reverse(area(f)));
    let index = RoomIndex::new(faces)?;
    let mut budget = 0usize;
    let mut keep = vec![true; faces.len()];
    for i in 0..faces.len() {
        if !keep[i] {
            continue;
        }
        let (lo, hi) = geometry::bounds(&faces[i].polygon).unwrap_or_default();
        for j in index.grid.near(lo, hi, 0, &mut budget)? {
            if j <= i || !keep[j] {
                continue;
            }
            let (a, b) = (
                (lo, hi),
                geometry::bounds(&faces[j].polygon).unwrap_or_default(),
            );
            let touch = a.0.x < b.1.x && b.0.x < a.1.x && a.0.y < b.1.y && b.0.y < a.1.y;
            if touch && geometry::interiors_overlap(&faces[i].polygon, &faces[j].polygon) {
                keep[j] = false;
                log.add(
                    "ROOM",
                    "",
                    Reason::RoomOverlaps,
                    &describe_at(&faces[j].polygon),
                );
            }
        }
    }
    let mut k = 0;
    faces.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    // Back to reading order: top to bottom, left to right.
    faces.sort_by_key(|f| {
        let (lo, _) = geometry::bounds(&f.polygon).unwrap_or_default();
        (lo.y, lo.x)
    });
    Ok(())
}

/// Where `p` falls along edge `a`→`b`: (distance along, distance across with the room's
/// side positive).
fn along_across(a: PointMm, b: PointMm, p: [f64; 2]) -> Option<(f64, f64, f64)> {
    let (dx, dy) = ((b.x - a.x) as f64, (b.y - a.y) as f64);
    let len = dx.hypot(dy);
    if len <= 0.0 {
        return None;
    }
    let (ux, uy) = (dx / len, dy / len);
    let (px, py) = (p[0] - a.x as f64, p[1] - a.y as f64);
    // Rooms run counter-clockwise in raw coordinates: the interior is on the left
    // (positive cross product).
    Some((px * ux + py * uy, ux * py - uy * px, len))
}

/// The room, edge, offset and width for a door swing: the edge under the hinge along
/// which the closed end lies, on the room the door opens into when there is a choice.
fn place_door(
    door: &Door,
    rooms: &[Room],
    index: &RoomIndex,
    max_thickness: u32,
    budget: &mut usize,
) -> Result<Option<(usize, usize, u32, u32)>, ImportError> {
    let mut fallback = None;
    let reach = (door.radius + f64::from(max_thickness)).ceil() as i64;
    let hinge = PointMm::new(door.hinge[0].round() as i64, door.hinge[1].round() as i64);
    for r in index.near(hinge, reach, budget)? {
        let room = &rooms[r];
        let n = room.polygon.len();
        for e in 0..n {
            let (a, b) = (room.polygon[e], room.polygon[(e + 1) % n]);
            let half = room
                .wall_thickness_mm
                .get(e)
                .copied()
                .flatten()
                .unwrap_or(max_thickness)
                / 2;
            let tol = f64::from(half) + 30.0;
            let Some((th, ch, len)) = along_across(a, b, door.hinge) else {
                continue;
            };
            if ch.abs() > tol {
                continue;
            }
            for closed in 0..2 {
                if door.open_end.is_some_and(|o| o == closed) {
                    continue;
                }
                let Some((te, ce, _)) = along_across(a, b, door.ends[closed]) else {
                    continue;
                };
                if ce.abs() > tol || ((te - th).abs() - door.radius).abs() > door.radius * 0.15 {
                    continue;
                }
                let lo = th.min(te).max(0.0);
                let hi = th.max(te).min(len);
                if th.min(te) < -5.0 || th.max(te) > len + 5.0 || hi - lo < 100.0 {
                    continue;
                }
                let offset = lo.round() as u32;
                let width =
                    ((hi - lo).round() as u32).min((len.floor() as u32).saturating_sub(offset));
                let open = door.ends[1 - closed];
                let into_room = along_across(a, b, open).is_some_and(|(_, c, _)| c > 0.0);
                let found = (r, e, offset, width);
                if into_room {
                    return Ok(Some(found));
                }
                fallback = fallback.or(Some(found));
            }
        }
    }
    Ok(fallback)
}

/// A window's room, edge, offset and width (mm), and whether it faces outside.
type WindowPlace = (usize, usize, u32, u32, bool);

/// Windows from lines on opening layers lying along a room edge, within the wall: lines
/// on one edge that overlap (or nearly touch) make one window.
fn place_windows(
    lines: &[([f64; 2], [f64; 2], usize)],
    used: &mut [bool],
    rooms: &[Room],
    index: &RoomIndex,
    max_thickness: u32,
    budget: &mut usize,
) -> Result<Vec<WindowPlace>, ImportError> {
    let mut spans: BTreeMap<(usize, usize), Vec<(f64, f64)>> = BTreeMap::new();
    let mut lengths: HashMap<(usize, usize), f64> = HashMap::new();
    for (w, &(p, q, _)) in lines.iter().enumerate() {
        if used[w] {
            continue;
        }
        let mid = PointMm::new(
            ((p[0] + q[0]) / 2.0).round() as i64,
            ((p[1] + q[1]) / 2.0).round() as i64,
        );
        let reach =
            ((p[0] - q[0]).hypot(p[1] - q[1]) / 2.0 + f64::from(max_thickness)).ceil() as i64;
        'rooms: for r in index.near(mid, reach, budget)? {
            let room = &rooms[r];
            let n = room.polygon.len();
            for e in 0..n {
                let (a, b) = (room.polygon[e], room.polygon[(e + 1) % n]);
                let half = room
                    .wall_thickness_mm
                    .get(e)
                    .copied()
                    .flatten()
                    .unwrap_or(max_thickness)
                    / 2;
                let tol = f64::from(half) + 10.0;
                let (Some((tp, cp, len)), Some((tq, cq, _))) =
                    (along_across(a, b, p), along_across(a, b, q))
                else {
                    continue;
                };
                if cp.abs() > tol || cq.abs() > tol || (tq - tp).abs() < 100.0 {
                    continue;
                }
                let (lo, hi) = (tp.min(tq), tp.max(tq));
                if lo < -5.0 || hi > len + 5.0 {
                    continue;
                }
                spans
                    .entry((r, e))
                    .or_default()
                    .push((lo.max(0.0), hi.min(len)));
                lengths.insert((r, e), len);
                used[w] = true;
                break 'rooms;
            }
        }
    }
    let mut out = Vec::new();
    for ((r, e), mut list) in spans {
        list.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut merged: Vec<(f64, f64)> = Vec::new();
        for (lo, hi) in list {
            match merged.last_mut() {
                Some(last) if lo <= last.1 + 50.0 => last.1 = last.1.max(hi),
                _ => merged.push((lo, hi)),
            }
        }
        let len = lengths.get(&(r, e)).copied().unwrap_or(0.0);
        let room = &rooms[r];
        let n = room.polygon.len();
        let (a, b) = (room.polygon[e], room.polygon[(e + 1) % n]);
        for (lo, hi) in merged {
            let offset = lo.round() as u32;
            let width = ((hi - lo).round() as u32).min((len.floor() as u32).saturating_sub(offset));
            if width == 0 {
                continue;
            }
            // Exterior when the point just outside the wall is in no other room.
            let mid = (lo + hi) / 2.0;
            let (dx, dy) = ((b.x - a.x) as f64 / len, (b.y - a.y) as f64 / len);
            let reach = f64::from(max_thickness) / 2.0 + 20.0;
            let outside = PointMm::new(
                (a.x as f64 + dx * mid + dy * reach).round() as i64,
                (a.y as f64 + dy * mid - dx * reach).round() as i64,
            );
            let exterior = !index.near(outside, 0, budget)?.into_iter().any(|o| {
                o != r && geometry::locate(&rooms[o].polygon, outside) == Location::Inside
            });
            out.push((r, e, offset, width, exterior));
        }
    }
    Ok(out)
}

/// Validates the plan and drops what fails (rooms with their openings, or openings),
/// listing each; refuses if problems remain that dropping cannot fix.
fn repair(plan: &mut Plan, log: &mut unused::UnusedLog) -> Result<(), ImportError> {
    for _ in 0..8 {
        let problems = madori_plan::validate::validate(plan);
        if problems.is_empty() {
            return Ok(());
        }
        let mut drop_rooms: Vec<(usize, usize)> = Vec::new();
        let mut drop_openings: Vec<(usize, usize)> = Vec::new();
        for problem in &problems {
            match parse_path(&problem.path) {
                Some((s, "rooms", i)) => drop_rooms.push((s, i)),
                Some((s, "openings", i)) => drop_openings.push((s, i)),
                _ => {
                    return Err(ImportError::new(
                        ErrorKind::NoRooms,
                        format!(
                            "読み込んだ図面が正しい間取りになりません: {}",
                            problem.message_ja
                        ),
                        format!(
                            "the imported drawing is not a valid plan: {}",
                            problem.message_en
                        ),
                    ))
                }
            }
            let storey = parse_path(&problem.path)
                .and_then(|(s, _, _)| plan.storeys.get(s))
                .map_or(String::new(), |st| st.name.clone());
            let entity = if problem.path.contains(".openings[") {
                "OPENING"
            } else {
                "ROOM"
            };
            log.add(entity, &storey, Reason::RoomInvalid, &problem.message_en);
        }
        drop_rooms.sort_unstable();
        drop_rooms.dedup();
        for &(s, i) in drop_rooms.iter().rev() {
            if let Some(storey) = plan.storeys.get_mut(s) {
                if i < storey.rooms.len() {
                    let id = storey.rooms.remove(i).id;
                    storey.openings.retain(|o| o.room != id);
                }
            }
        }
        drop_openings.sort_unstable();
        drop_openings.dedup();
        for &(s, i) in drop_openings.iter().rev() {
            if let Some(storey) = plan.storeys.get_mut(s) {
                if i < storey.openings.len() {
                    storey.openings.remove(i);
                }
            }
        }
        plan.storeys.retain(|s| !s.rooms.is_empty());
        if plan.storeys.is_empty() {
            return Err(ImportError::new(
                ErrorKind::NoRooms,
                "正しい部屋の輪郭が一つも残りませんでした",
                "no valid room outline remained",
            ));
        }
    }
    Err(ImportError::new(
        ErrorKind::NoRooms,
        "読み込んだ図面を正しい間取りにできませんでした",
        "the imported drawing could not be made a valid plan",
    ))
}

/// `storeys[s].rooms[i]…` → `(s, "rooms", i)`.
fn parse_path(path: &str) -> Option<(usize, &str, usize)> {
    let rest = path.strip_prefix("storeys[")?;
    let (s, rest) = rest.split_once(']')?;
    let rest = rest.strip_prefix('.')?;
    let (kind, rest) = rest.split_once('[')?;
    let (i, _) = rest.split_once(']')?;
    Some((s.parse().ok()?, kind, i.parse().ok()?))
}
