//! The plan file format: JSON with a `format_version`, one migration per older version,
//! and a loader that reports every problem it can find at once.
//!
//! The format is documented field by field in `docs/plan-format.md` and as a JSON Schema in
//! `docs/plan.schema.json`. Only this module reads or writes plan files.
//!
//! Loading runs in stages, each bounded in time and memory by the one before:
//! 1. the text's size ([`MAX_FILE_BYTES`], refused before parsing) and a UTF-8 byte-order
//!    mark (skipped: Windows Notepad writes one);
//! 2. JSON syntax, then [`migrate`] to the current version;
//! 3. a pre-check of the parsed JSON against every field of the model: types, required and
//!    unknown fields, names of kinds, the ranges of numbers and coordinates, and the count
//!    limits of [`crate::validate`]. Every problem is reported with its path, so the typed
//!    step after it cannot fail on a well-formed file, and no arithmetic ever sees a number
//!    out of range;
//! 4. typed deserialisation, element by element, so that even an unforeseen error keeps the
//!    path of the element it comes from;
//! 5. [`validate`]: geometry, references, ids.
//!
//! [`from_json`] is strict. Its problems say which of them a repair would fix
//! ([`Problem::repairable`]); [`from_json_with_repairs`] applies those repairs
//! ([`crate::repair`]) and lists each one, after the user agrees.

use crate::geometry::MAX_COORDINATE_MM;
use crate::model::{DoorOperation, FixtureKind, Plan, RoomKind, Storey};
use crate::repair::{self, Repair};
use crate::validate::{
    out_of_range, too_many, validate, what, Problem, MAX_BOWLS, MAX_BURNERS, MAX_CEILING_HEIGHT_MM,
    MAX_CHECK_VALUES, MAX_CHILDREN, MAX_CHILD_AGE, MAX_FIXTURES_PER_STOREY, MAX_IMAGES,
    MAX_OPENINGS_PER_STOREY, MAX_OPENING_MM, MAX_PERSONS_PER_ROOM, MAX_ROOMS, MAX_STOREYS,
    MAX_UNDERLAY_PX, MAX_VARIANTS, MAX_VERTICES, MAX_VERTICES_PER_ROOM, MAX_WALL_THICKNESS_MM,
    MAX_YEAR_BUILT, MIN_YEAR_BUILT,
};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// The version this build writes. Older files are migrated up to it on load.
pub const FORMAT_VERSION: u32 = 2;

/// The largest plan file read, in bytes of UTF-8 text: 20 MiB. Larger text is refused before
/// it is parsed. A plan at every count limit written by [`to_json`] takes about 12 MiB
/// (200 000 pretty-printed vertices of about 50 bytes each, plus rooms and openings).
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// The most problems listed for one file; a last problem counts the others. Bounds the
/// memory a hostile file can make the loader spend on messages.
pub const MAX_PROBLEMS: usize = 1_000;

/// A migration takes a file of version `n` to version `n + 1`.
type Migration = fn(Value) -> Result<Value, Problem>;

/// `MIGRATIONS[i]` upgrades version `i + 1` to `i + 2`. Each format change appends one
/// function and keeps a file of the old version under `crates/plan/tests/loader/`.
const MIGRATIONS: &[Migration] = &[v1_to_v2];

/// Version 2 added the check settings (`check`), variants, embedded images and a storey's
/// `underlay`, all optional: a version 1 file is a version 2 file without them, checked
/// with the profile its target household names, as version 1 files always were.
fn v1_to_v2(value: Value) -> Result<Value, Problem> {
    Ok(value)
}

/// Loads a plan from JSON text: parses, migrates, checks and validates.
///
/// Returns every problem found (at most [`MAX_PROBLEMS`] listed): a size or JSON syntax
/// problem alone (nothing else can be read), every field problem, or every geometry and
/// reference problem. Problems that [`from_json_with_repairs`] would fix are marked
/// [`Problem::repairable`].
pub fn from_json(text: &str) -> Result<Plan, Vec<Problem>> {
    checked(text, |plan, problems| {
        let repaired = repair::repair(plan);
        for problem in problems {
            problem.repairable = repaired.fixes(&problem.path);
        }
    })
}

/// [`from_json`] without finding out which geometry problems a repair would fix: the same
/// plan, or the same problems in the same order, but only the pre-check's own marks (a
/// missing `polygon`) say [`Problem::repairable`].
///
/// The page loads with this, so [`crate::repair`] (about 18 KB of its gzipped download,
/// needed only for broken files) stays out of it; when a file is refused the page asks the
/// worker, which calls [`from_json`], which problems a repair fixes.
pub fn from_json_unmarked(text: &str) -> Result<Plan, Vec<Problem>> {
    checked(text, |_, _| {})
}

/// Loads and validates; on problems, `mark` sees the plan as read and the validation
/// problems before they are listed.
fn checked(text: &str, mark: impl FnOnce(Plan, &mut [Problem])) -> Result<Plan, Vec<Problem>> {
    let Loaded { plan, missing } = load(text)?;
    let mut problems = validate(&plan);
    if problems.is_empty() && missing.is_empty() {
        return Ok(plan);
    }
    // A room without a polygon was read as one with no vertex: its "fewer than 3 vertices"
    // problem says again what the missing polygon already says.
    problems.retain(|p| !missing.iter().any(|m| m.path == p.path));
    mark(plan, &mut problems);
    let mut all = missing;
    all.extend(problems);
    Err(capped(all))
}

/// Loads a plan, applying every repair [`crate::repair::repair`] knows, and lists each
/// repair with its path in the file as it was. Refuses (with every problem, paths again in
/// the file as it was) only what no repair fixes.
///
/// The app calls this after the user agrees to open a file that [`from_json`] refused with
/// repairable problems.
pub fn from_json_with_repairs(text: &str) -> Result<(Plan, Vec<Repair>), Vec<Problem>> {
    let Loaded { plan, .. } = load(text)?;
    let repaired = repair::repair(plan);
    let mut problems = repaired.refused.clone();
    problems.extend(
        validate(&repaired.plan)
            .into_iter()
            .map(|p| repaired.explain(p)),
    );
    if problems.is_empty() {
        Ok((repaired.plan, repaired.repairs))
    } else {
        Err(capped(problems))
    }
}

/// Writes a plan as pretty JSON in the current format version.
pub fn to_json(plan: &Plan) -> String {
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string_pretty(&current(plan)).unwrap_or_default()
}

/// Writes a plan as JSON without whitespace (the same content as [`to_json`]), for
/// [`crate::share`] links, where every byte counts.
pub fn to_json_compact(plan: &Plan) -> String {
    serde_json::to_string(&current(plan)).unwrap_or_default()
}

/// The plan marked with the current format version, copied only when it is marked with
/// another one.
fn current(plan: &Plan) -> std::borrow::Cow<'_, Plan> {
    if plan.format_version == FORMAT_VERSION {
        std::borrow::Cow::Borrowed(plan)
    } else {
        let mut plan = plan.clone();
        plan.format_version = FORMAT_VERSION;
        std::borrow::Cow::Owned(plan)
    }
}

/// Upgrades a parsed file to [`FORMAT_VERSION`].
pub fn migrate(mut value: Value) -> Result<Value, Problem> {
    let version = value
        .get("format_version")
        .and_then(Value::as_u64)
        .ok_or_else(|| {
            Problem::new(
                "format_version",
                "format_version (正の整数) がありません: Madori の間取りファイルではないようです",
                "missing format_version (a positive integer): this does not look like a Madori plan",
            )
        })?;
    let newest = u64::from(FORMAT_VERSION);
    if version == 0 || version > newest {
        return Err(Problem::new(
            "format_version",
            format!("形式バージョン {version} は読めません (このアプリは 1〜{newest})。新しい Madori で作られたファイルかもしれません"),
            format!("format version {version} is not readable here (this build reads 1..{newest}); it may come from a newer Madori"),
        ));
    }
    // 1 <= version <= FORMAT_VERSION, so the slice is within the list.
    for migration in &MIGRATIONS[(version as usize - 1)..] {
        value = migration(value)?;
    }
    if let Some(object) = value.as_object_mut() {
        object.insert("format_version".into(), Value::from(FORMAT_VERSION));
    }
    Ok(value)
}

/// A plan that passed the pre-check and typed deserialisation, not yet validated.
struct Loaded {
    plan: Plan,
    /// One repairable problem per room that had no `polygon` (read as an empty one).
    missing: Vec<Problem>,
}

/// Stages 1 to 4 of loading (see the module documentation).
fn load(text: &str) -> Result<Loaded, Vec<Problem>> {
    if text.len() > MAX_FILE_BYTES {
        let mib = |bytes: usize| bytes as f64 / (1024.0 * 1024.0);
        return Err(vec![Problem::new(
            "",
            format!(
                "ファイルが大きすぎます ({:.1} MiB、上限 {:.0} MiB)",
                mib(text.len()),
                mib(MAX_FILE_BYTES)
            ),
            format!(
                "the file is too large ({:.1} MiB; at most {:.0} MiB is read)",
                mib(text.len()),
                mib(MAX_FILE_BYTES)
            ),
        )]);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| {
        vec![Problem::new(
            "",
            format!(
                "JSON として読めません ({} 行 {} 列): {e}",
                e.line(),
                e.column()
            ),
            format!(
                "not valid JSON (line {}, column {}): {e}",
                e.line(),
                e.column()
            ),
        )]
    })?;
    let mut value = migrate(value).map_err(|p| vec![p])?;
    let mut check = Precheck::default();
    check.plan(&value);
    if check.hidden > 0 || check.problems.iter().any(|p| !p.repairable) {
        return Err(capped_with(check.problems, check.hidden));
    }
    let missing = check.problems;
    fill_missing_polygons(&mut value);
    let plan = typed_plan(value)?;
    Ok(Loaded { plan, missing })
}

/// Keeps at most [`MAX_PROBLEMS`] problems and counts the rest in a last one.
fn capped(mut problems: Vec<Problem>) -> Vec<Problem> {
    let hidden = problems.len().saturating_sub(MAX_PROBLEMS);
    problems.truncate(MAX_PROBLEMS);
    capped_with(problems, hidden)
}

fn capped_with(mut problems: Vec<Problem>, hidden: usize) -> Vec<Problem> {
    if hidden > 0 {
        problems.push(Problem::new(
            "",
            format!(
                "ほかに {hidden} 件の問題があります (最初の {MAX_PROBLEMS} 件だけを示しました)"
            ),
            format!("{hidden} more problems are not listed (only the first {MAX_PROBLEMS} are)"),
        ));
    }
    problems
}

/// A room whose `polygon` is missing or `null` gets an empty one, which the pre-check has
/// already reported (repairably).
fn fill_missing_polygons(value: &mut Value) {
    let storeys = value.get_mut("storeys").and_then(Value::as_array_mut);
    for storey in storeys.into_iter().flatten() {
        let rooms = storey.get_mut("rooms").and_then(Value::as_array_mut);
        for room in rooms.into_iter().flatten() {
            if let Some(room) = room.as_object_mut() {
                if room.get("polygon").is_none_or(Value::is_null) {
                    room.insert("polygon".into(), Value::Array(Vec::new()));
                }
            }
        }
    }
}

/// Typed deserialisation of one element; an error keeps the element's path.
fn typed<T: DeserializeOwned>(path: &str, value: Value, problems: &mut Vec<Problem>) -> Option<T> {
    serde_json::from_value(value)
        .map_err(|e| {
            problems.push(Problem::new(
                path,
                format!("間取りの形式に合いません: {e}"),
                format!("does not match the plan format: {e}"),
            ));
        })
        .ok()
}

/// Builds the plan element by element (after the pre-check passed, nothing here fails on
/// any known input; if something does, its problem still has the element's path).
fn typed_plan(value: Value) -> Result<Plan, Vec<Problem>> {
    let mut problems = Vec::new();
    let Value::Object(mut top) = value else {
        return Err(vec![Problem::new(
            "",
            "間取りは JSON のオブジェクトです",
            "a plan is a JSON object",
        )]);
    };
    let storeys = take_array(&mut top, "storeys");
    top.insert("storeys".into(), Value::Array(Vec::new()));
    let plan: Option<Plan> = typed("", Value::Object(top), &mut problems);
    let mut typed_storeys = Vec::with_capacity(storeys.len());
    for (s, storey) in storeys.into_iter().enumerate() {
        let path = format!("storeys[{s}]");
        let Value::Object(mut storey) = storey else {
            problems.push(Problem::new(
                path,
                "階は JSON のオブジェクトです",
                "a storey is a JSON object",
            ));
            continue;
        };
        let rooms = take_array(&mut storey, "rooms");
        let openings = take_array(&mut storey, "openings");
        let fixtures = take_array(&mut storey, "fixtures");
        let Some(mut typed_storey) = typed::<Storey>(&path, Value::Object(storey), &mut problems)
        else {
            continue;
        };
        typed_storey.rooms = elements(&format!("{path}.rooms"), rooms, &mut problems);
        typed_storey.openings = elements(&format!("{path}.openings"), openings, &mut problems);
        typed_storey.fixtures = elements(&format!("{path}.fixtures"), fixtures, &mut problems);
        typed_storeys.push(typed_storey);
    }
    match plan {
        Some(mut plan) if problems.is_empty() => {
            plan.storeys = typed_storeys;
            Ok(plan)
        }
        _ => Err(capped(problems)),
    }
}

fn take_array(map: &mut Map<String, Value>, key: &str) -> Vec<Value> {
    match map.remove(key) {
        Some(Value::Array(items)) => items,
        _ => Vec::new(),
    }
}

fn elements<T: DeserializeOwned>(
    path: &str,
    items: Vec<Value>,
    problems: &mut Vec<Problem>,
) -> Vec<T> {
    items
        .into_iter()
        .enumerate()
        .filter_map(|(i, item)| typed(&format!("{path}[{i}]"), item, problems))
        .collect()
}

// ---------------------------------------------------------------------------------------
// The pre-check: every field of the model, with its path.

/// The pre-check's findings: at most [`MAX_PROBLEMS`] problems, and a count of the rest.
#[derive(Default)]
struct Precheck {
    problems: Vec<Problem>,
    hidden: usize,
    rooms: usize,
    vertices: usize,
}

/// What a field holds.
#[derive(Clone, Copy)]
enum Kind {
    Str,
    Bool,
    /// Any JSON number (JSON has no infinities or NaN); its range is [`validate`]'s.
    Num,
    /// A whole number of the model's type, see [`Int`].
    Int(Int),
    /// One of these names, the thing named `(ja, en)`.
    Choice(&'static [&'static str], (&'static str, &'static str)),
    /// Checked by a function of the pre-check.
    With(fn(&mut Precheck, &str, &Value)),
}

/// A whole number field. The pre-check refuses a number its type in the model cannot hold
/// (`fits`), with the same message [`validate`] gives for one outside `lo..=hi`; a number
/// that fits but lies outside `lo..=hi` is left to [`validate`], so that it does not hide the
/// plan's other problems.
#[derive(Clone, Copy)]
struct Int {
    lo: i64,
    hi: i64,
    fits: (i64, i64),
    what: (&'static str, &'static str),
    unit: &'static str,
}

const U32: (i64, i64) = (0, u32::MAX as i64);
const U8: (i64, i64) = (0, u8::MAX as i64);
const I32: (i64, i64) = (i32::MIN as i64, i32::MAX as i64);

const fn int(
    (lo, hi): (i64, i64),
    fits: (i64, i64),
    what: (&'static str, &'static str),
    unit: &'static str,
) -> Kind {
    Kind::Int(Int {
        lo,
        hi,
        fits,
        what,
        unit,
    })
}

/// One field of an object: its key, whether it must be present, whether `null` stands for
/// "absent" (an `Option` in the model), and what it holds.
struct Field {
    key: &'static str,
    required: bool,
    nullable: bool,
    kind: Kind,
}

const fn req(key: &'static str, kind: Kind) -> Field {
    Field {
        key,
        required: true,
        nullable: false,
        kind,
    }
}

/// A field with a default: may be absent, but not `null`.
const fn opt(key: &'static str, kind: Kind) -> Field {
    Field {
        key,
        required: false,
        nullable: false,
        kind,
    }
}

/// An optional field (`Option` in the model): absent or `null` means none.
const fn maybe(key: &'static str, kind: Kind) -> Field {
    Field {
        key,
        required: false,
        nullable: true,
        kind,
    }
}

const MM: &str = " mm";
const NONE: &str = "";
/// The room kinds' names, in the model's order.
const ROOM_KINDS: [&str; RoomKind::ALL.len()] = {
    let mut names = [""; RoomKind::ALL.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = RoomKind::ALL[i].as_str();
        i += 1;
    }
    names
};

const PLAN_FIELDS: &[Field] = &[
    req(
        "format_version",
        int(
            (1, FORMAT_VERSION as i64),
            U32,
            ("形式バージョン", "format version"),
            NONE,
        ),
    ),
    req("name", Kind::Str),
    req("dwelling", Kind::With(Precheck::dwelling)),
    req("storeys", Kind::With(Precheck::storeys)),
    maybe("check", Kind::With(Precheck::check)),
    opt("variants", Kind::With(Precheck::variants)),
    opt("images", Kind::With(Precheck::images)),
];

const CHECK_FIELDS: &[Field] = &[
    req("profile", Kind::Str),
    maybe("local_override", Kind::Str),
    opt("values", Kind::With(Precheck::check_values)),
];

const CHECK_VALUE_FIELDS: &[Field] = &[
    req("key", Kind::Str),
    req("value", Kind::Num),
    req("source", Kind::Str),
];

const VARIANT_FIELDS: &[Field] = &[
    req("id", Kind::Str),
    req("name", Kind::Str),
    opt("note", Kind::Str),
    req("dwelling", Kind::With(Precheck::dwelling)),
    maybe("check", Kind::With(Precheck::check)),
    req("storeys", Kind::With(Precheck::storeys)),
];

const IMAGE_FIELDS: &[Field] = &[req("id", Kind::Str), req("data_url", Kind::Str)];

const UNDERLAY_FIELDS: &[Field] = &[
    req("image", Kind::Str),
    req(
        "width_px",
        int((1, MAX_UNDERLAY_PX as i64), U32, what::UNDERLAY_PX, " px"),
    ),
    req(
        "height_px",
        int((1, MAX_UNDERLAY_PX as i64), U32, what::UNDERLAY_PX, " px"),
    ),
    req("origin", Kind::With(Precheck::point)),
    req("mm_per_px", Kind::Num),
    opt("rotation_deg", Kind::Num),
    req(
        "opacity_percent",
        int((0, 100), U8, what::UNDERLAY_OPACITY, " %"),
    ),
    opt("hidden", Kind::Bool),
    opt("locked", Kind::Bool),
];

const DWELLING_FIELDS: &[Field] = &[
    req(
        "construction",
        Kind::Choice(&["wooden", "rc", "steel"], ("構造", "construction")),
    ),
    req(
        "status",
        Kind::Choice(&["existing", "new"], ("既存/新築", "status")),
    ),
    maybe(
        "year_built",
        int(
            (MIN_YEAR_BUILT as i64, MAX_YEAR_BUILT as i64),
            I32,
            what::YEAR,
            NONE,
        ),
    ),
    maybe("construction_started", Kind::With(Precheck::date)),
    maybe("permit_date", Kind::With(Precheck::date)),
    maybe("seismic_assessment_passed", Kind::Bool),
    opt("fire_resistant", Kind::Bool),
    maybe(
        "target_household",
        Kind::Choice(
            &[
                "shared_single",
                "shared_single_parent",
                "shared_elderly",
                "household",
            ],
            ("対象世帯", "target household"),
        ),
    ),
];

const STOREY_FIELDS: &[Field] = &[
    req("id", Kind::Str),
    req("name", Kind::Str),
    maybe(
        "ceiling_height_mm",
        int((1, MAX_CEILING_HEIGHT_MM as i64), U32, what::CEILING, MM),
    ),
    opt("rooms", Kind::With(Precheck::rooms)),
    opt("openings", Kind::With(Precheck::openings)),
    opt("fixtures", Kind::With(Precheck::fixtures)),
    maybe("underlay", Kind::With(Precheck::underlay)),
];

const ROOM_FIELDS: &[Field] = &[
    req("id", Kind::Str),
    req("name", Kind::Str),
    req(
        "kind",
        Kind::Choice(&ROOM_KINDS, ("部屋の種類", "room kind")),
    ),
    // A missing or null polygon is a repairable problem, reported by `room`.
    maybe("polygon", Kind::With(Precheck::polygon)),
    opt("wall_thickness_mm", Kind::With(Precheck::wall_thickness)),
    maybe("belongs_to", Kind::Str),
    maybe("occupancy", Kind::With(Precheck::occupancy)),
    opt("lockable", Kind::Bool),
    opt("mechanical_ventilation", Kind::Bool),
    maybe(
        "ceiling_height_mm",
        int((1, MAX_CEILING_HEIGHT_MM as i64), U32, what::CEILING, MM),
    ),
];

const OPENING_FIELDS: &[Field] = &[
    req("id", Kind::Str),
    req("room", Kind::Str),
    req(
        "edge",
        int(
            (0, MAX_VERTICES_PER_ROOM as i64 - 1),
            U32,
            ("辺の番号", "edge index"),
            NONE,
        ),
    ),
    req(
        "offset_mm",
        int((0, MAX_OPENING_MM as i64), U32, what::OFFSET, MM),
    ),
    req(
        "width_mm",
        int((1, MAX_OPENING_MM as i64), U32, what::WIDTH, MM),
    ),
    req("kind", Kind::With(Precheck::opening_kind)),
];

const OPENING_TYPES: &[&str] = &["door", "window"];
const DOOR_FIELDS: &[Field] = &[
    req(
        "type",
        Kind::Choice(OPENING_TYPES, ("開口の種類", "opening type")),
    ),
    maybe("lockable", Kind::Bool),
    maybe(
        "operation",
        Kind::Choice(&DOOR_OPERATIONS, ("扉の開き方", "door operation")),
    ),
];
/// The door operations' names, in the model's order.
const DOOR_OPERATIONS: [&str; DoorOperation::ALL.len()] = {
    let mut names = [""; DoorOperation::ALL.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = DoorOperation::ALL[i].as_str();
        i += 1;
    }
    names
};
const WINDOW_FIELDS: &[Field] = &[
    req(
        "type",
        Kind::Choice(OPENING_TYPES, ("開口の種類", "opening type")),
    ),
    maybe(
        "height_mm",
        int((1, MAX_OPENING_MM as i64), U32, what::HEIGHT, MM),
    ),
    req("exterior", Kind::Bool),
    req(
        "operation",
        Kind::Choice(
            &["fixed", "sliding", "casement"],
            ("窓の開き方", "window operation"),
        ),
    ),
];

const FIXTURE_FIELDS: &[Field] = &[
    req("id", Kind::Str),
    req("room", Kind::Str),
    req("at", Kind::With(Precheck::point)),
    req("kind", Kind::With(Precheck::fixture_kind)),
];

const FIXTURE_TYPE: Kind = Kind::Choice(&FixtureKind::TYPE_NAMES, ("設備の種類", "fixture type"));
const PLAIN_FIXTURE_FIELDS: &[Field] = &[req("type", FIXTURE_TYPE)];
const WASH_BASIN_FIELDS: &[Field] = &[
    req("type", FIXTURE_TYPE),
    req("bowls", int((1, MAX_BOWLS as i64), U32, what::BOWLS, NONE)),
];
const BATH_FIELDS: &[Field] = &[req("type", FIXTURE_TYPE), req("tub", Kind::Bool)];
const KITCHEN_FIELDS: &[Field] = &[
    req("type", FIXTURE_TYPE),
    req(
        "burners",
        int((0, MAX_BURNERS as i64), U32, what::BURNERS, NONE),
    ),
    req("sink", Kind::Bool),
];

const SINGLE_PARENT_FIELDS: &[Field] = &[req("children_ages", Kind::With(Precheck::children))];
const HOUSEHOLD_FIELDS: &[Field] = &[
    req(
        "adults",
        int((1, MAX_PERSONS_PER_ROOM as i64), U32, what::PERSONS, NONE),
    ),
    req("children_ages", Kind::With(Precheck::children)),
];

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// A short description of a JSON value for messages, in Japanese and English.
fn found(value: &Value) -> (String, String) {
    match value {
        Value::Null => ("null".into(), "null".into()),
        Value::Bool(b) => (format!("真偽値 {b}"), format!("the boolean {b}")),
        Value::Number(n) => (format!("数 {n}"), format!("the number {n}")),
        Value::String(s) => {
            let mut shown: String = s.chars().take(30).collect();
            if shown.len() < s.len() {
                shown.push('…');
            }
            (
                format!("文字列 \"{shown}\""),
                format!("the string \"{shown}\""),
            )
        }
        Value::Array(_) => ("配列".into(), "an array".into()),
        Value::Object(_) => ("オブジェクト".into(), "an object".into()),
    }
}

impl Precheck {
    fn push(&mut self, problem: Problem) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(problem);
        } else {
            self.hidden += 1;
        }
    }

    fn wrong_type(&mut self, path: &str, expected: (&str, &str), value: &Value) {
        let (ja, en) = found(value);
        self.push(Problem::new(
            path,
            format!("{} で書きます ({ja} は使えません)", expected.0),
            format!("must be {}, found {en}", expected.1),
        ));
    }

    /// Checks an object against its fields; returns it when it is an object.
    fn object<'v>(
        &mut self,
        path: &str,
        value: &'v Value,
        fields: &[Field],
    ) -> Option<&'v Map<String, Value>> {
        let Some(map) = value.as_object() else {
            self.wrong_type(path, ("オブジェクト {…}", "an object {…}"), value);
            return None;
        };
        for key in map.keys() {
            if !fields.iter().any(|f| f.key == key) {
                let shown: String = key.chars().take(30).collect();
                self.push(Problem::new(
                    join(path, &shown),
                    format!("項目 \"{shown}\" は間取りの形式にありません"),
                    format!("unknown field \"{shown}\""),
                ));
            }
        }
        for field in fields {
            let path = join(path, field.key);
            match map.get(field.key) {
                None if field.required => self.push(Problem::new(
                    path,
                    format!("{} がありません", field.key),
                    format!("missing {}", field.key),
                )),
                None => {}
                Some(Value::Null) if field.nullable => {}
                Some(value) => self.value(&path, value, field.kind),
            }
        }
        Some(map)
    }

    fn value(&mut self, path: &str, value: &Value, kind: Kind) {
        match kind {
            Kind::Str => {
                if !value.is_string() {
                    self.wrong_type(path, ("文字列 \"…\"", "a string \"…\""), value);
                }
            }
            Kind::Bool => {
                if !value.is_boolean() {
                    self.wrong_type(path, ("true か false", "true or false"), value);
                }
            }
            Kind::Num => {
                if !value.is_number() {
                    self.wrong_type(path, ("数", "a number"), value);
                }
            }
            Kind::Int(spec) => self.integer(path, value, spec),
            Kind::Choice(names, (what_ja, what_en)) => {
                if !value.as_str().is_some_and(|s| names.contains(&s)) {
                    let (ja, en) = found(value);
                    self.push(Problem::new(
                        path,
                        format!(
                            "{what_ja} {ja} は不明です ({} のいずれか)",
                            names.join(", ")
                        ),
                        format!(
                            "unknown {what_en} {en}; expected one of {}",
                            names.join(", ")
                        ),
                    ));
                }
            }
            Kind::With(check) => check(self, path, value),
        }
    }

    fn integer(&mut self, path: &str, value: &Value, spec: Int) {
        let Int {
            lo,
            hi,
            fits,
            what,
            unit,
        } = spec;
        match value.as_i64() {
            Some(n) if (fits.0..=fits.1).contains(&n) => {}
            Some(n) => self.push(out_of_range(path, what, n, (lo, hi), unit)),
            None => {
                let (ja, en) = found(value);
                self.push(Problem::new(
                    path,
                    format!(
                        "{} は {lo}〜{hi}{unit} の整数で書きます ({ja} は使えません)",
                        what.0
                    ),
                    format!(
                        "{} must be a whole number {lo}..{hi}{unit}, found {en}",
                        what.1
                    ),
                ));
            }
        }
    }

    /// An array of at most `max` items, each checked by `item`; a longer one is reported
    /// alone (its items are not looked at).
    fn array(
        &mut self,
        path: &str,
        value: &Value,
        (max, what): (usize, (&str, &str)),
        mut item: impl FnMut(&mut Self, &str, &Value),
    ) -> usize {
        let Some(items) = value.as_array() else {
            self.wrong_type(path, ("配列 […]", "an array […]"), value);
            return 0;
        };
        if items.len() > max {
            self.push(too_many(path, what, items.len(), max));
            return items.len();
        }
        for (i, value) in items.iter().enumerate() {
            item(self, &format!("{path}[{i}]"), value);
        }
        items.len()
    }

    fn plan(&mut self, value: &Value) {
        self.object("", value, PLAN_FIELDS);
        self.limits("storeys");
    }

    /// The plan-wide count limits, over the rooms and vertices counted since they were 0.
    fn limits(&mut self, path: &str) {
        if self.rooms > MAX_ROOMS {
            self.push(too_many(path, what::ROOMS, self.rooms, MAX_ROOMS));
        }
        if self.vertices > MAX_VERTICES {
            self.push(too_many(path, what::VERTICES, self.vertices, MAX_VERTICES));
        }
    }

    fn dwelling(&mut self, path: &str, value: &Value) {
        self.object(path, value, DWELLING_FIELDS);
    }

    fn check(&mut self, path: &str, value: &Value) {
        self.object(path, value, CHECK_FIELDS);
    }

    fn check_values(&mut self, path: &str, value: &Value) {
        self.array(
            path,
            value,
            (MAX_CHECK_VALUES, what::CHECK_VALUES),
            |check, path, v| {
                check.object(path, v, CHECK_VALUE_FIELDS);
            },
        );
    }

    fn images(&mut self, path: &str, value: &Value) {
        self.array(path, value, (MAX_IMAGES, what::IMAGES), |check, path, v| {
            check.object(path, v, IMAGE_FIELDS);
        });
    }

    fn underlay(&mut self, path: &str, value: &Value) {
        self.object(path, value, UNDERLAY_FIELDS);
    }

    /// Each variant is a plan's worth of storeys with the plan's count limits of its own.
    fn variants(&mut self, path: &str, value: &Value) {
        self.array(
            path,
            value,
            (MAX_VARIANTS, what::VARIANTS),
            |check, path, v| {
                let outer = (check.rooms, check.vertices);
                (check.rooms, check.vertices) = (0, 0);
                check.object(path, v, VARIANT_FIELDS);
                check.limits(&join(path, "storeys"));
                (check.rooms, check.vertices) = outer;
            },
        );
    }

    /// A date is a string here; whether it exists is [`validate`]'s to say.
    fn date(&mut self, path: &str, value: &Value) {
        if !value.is_string() {
            self.wrong_type(
                path,
                ("文字列 \"YYYY-MM-DD\"", "a string \"YYYY-MM-DD\""),
                value,
            );
        }
    }

    fn storeys(&mut self, path: &str, value: &Value) {
        self.array(
            path,
            value,
            (MAX_STOREYS, what::STOREYS),
            |check, path, storey| {
                check.object(path, storey, STOREY_FIELDS);
            },
        );
    }

    /// Rooms count toward the plan's limit ([`MAX_ROOMS`], reported once by `plan`), so a
    /// storey's list has no limit of its own; the file size bounds the walk.
    fn rooms(&mut self, path: &str, value: &Value) {
        let count = self.array(path, value, (usize::MAX, what::ROOMS), Self::room);
        self.rooms = self.rooms.saturating_add(count);
    }

    fn room(&mut self, path: &str, value: &Value) {
        let Some(room) = self.object(path, value, ROOM_FIELDS) else {
            return;
        };
        if room.get("polygon").is_none_or(Value::is_null) {
            let mut problem = Problem::new(
                join(path, "polygon"),
                "polygon (頂点の配列) がありません: 外形のない部屋です",
                "missing polygon (an array of [x, y] vertices in mm): the room has no outline",
            );
            problem.repairable = true;
            self.push(problem);
        }
    }

    fn polygon(&mut self, path: &str, value: &Value) {
        let count = self.array(
            path,
            value,
            (MAX_VERTICES_PER_ROOM, what::ROOM_VERTICES),
            Self::point,
        );
        self.vertices = self.vertices.saturating_add(count);
    }

    fn point(&mut self, path: &str, value: &Value) {
        let Some(coords) = value.as_array().filter(|a| a.len() == 2) else {
            let (ja, en) = found(value);
            self.push(Problem::new(
                path,
                format!("点は [x, y] (mm の整数 2 つ) で書きます ({ja} は使えません)"),
                format!("a point is written [x, y], two whole millimetre numbers; found {en}"),
            ));
            return;
        };
        let max = MAX_COORDINATE_MM;
        for (axis, c) in ["x", "y"].iter().zip(coords) {
            if !c.as_i64().is_some_and(|c| (-max..=max).contains(&c)) {
                let (ja, en) = found(c);
                self.push(Problem::new(
                    path,
                    format!("{axis} 座標は ±{max} mm 以内の整数です ({ja} は使えません)"),
                    format!("the {axis} coordinate must be a whole number of millimetres within ±{max}, found {en}"),
                ));
            }
        }
    }

    fn wall_thickness(&mut self, path: &str, value: &Value) {
        let kind = int((1, MAX_WALL_THICKNESS_MM as i64), U32, what::WALL, MM);
        self.array(
            path,
            value,
            (MAX_VERTICES_PER_ROOM, what::ROOM_VERTICES),
            |check, path, t| {
                if !t.is_null() {
                    check.value(path, t, kind);
                }
            },
        );
    }

    fn occupancy(&mut self, path: &str, value: &Value) {
        const KINDS: &[&str] = &["persons", "single_parent", "household"];
        let map = value.as_object();
        let Some((key, inner)) = map.filter(|m| m.len() == 1).and_then(|m| m.iter().next()) else {
            let (ja, en) = found(value);
            self.push(Problem::new(
                path,
                format!("入居者は {{\"persons\": n}}、{{\"single_parent\": {{\"children_ages\": […]}}}} か {{\"household\": {{\"adults\": n, \"children_ages\": […]}}}} で書きます ({ja} は使えません)"),
                format!("occupancy is {{\"persons\": n}}, {{\"single_parent\": {{\"children_ages\": […]}}}} or {{\"household\": {{\"adults\": n, \"children_ages\": […]}}}}, found {en}"),
            ));
            return;
        };
        let inner_path = join(path, key);
        match key.as_str() {
            "persons" => self.value(
                &inner_path,
                inner,
                int(
                    (0, i64::from(MAX_PERSONS_PER_ROOM)),
                    U32,
                    what::PERSONS,
                    NONE,
                ),
            ),
            "single_parent" => {
                self.object(&inner_path, inner, SINGLE_PARENT_FIELDS);
            }
            "household" => {
                self.object(&inner_path, inner, HOUSEHOLD_FIELDS);
            }
            other => {
                let shown: String = other.chars().take(30).collect();
                self.push(Problem::new(
                    inner_path,
                    format!(
                        "入居者の種類 \"{shown}\" は不明です ({} のいずれか)",
                        KINDS.join(", ")
                    ),
                    format!(
                        "unknown occupancy \"{shown}\"; expected one of {}",
                        KINDS.join(", ")
                    ),
                ));
            }
        }
    }

    fn children(&mut self, path: &str, value: &Value) {
        let age = int((0, i64::from(MAX_CHILD_AGE)), U8, what::CHILD_AGE, NONE);
        self.array(
            path,
            value,
            (MAX_CHILDREN, what::CHILDREN),
            |check, path, v| {
                check.value(path, v, age);
            },
        );
    }

    fn openings(&mut self, path: &str, value: &Value) {
        self.array(
            path,
            value,
            (MAX_OPENINGS_PER_STOREY, what::OPENINGS),
            |check, path, o| {
                check.object(path, o, OPENING_FIELDS);
            },
        );
    }

    fn opening_kind(&mut self, path: &str, value: &Value) {
        let fields = match value.get("type").and_then(Value::as_str) {
            Some("door") => DOOR_FIELDS,
            Some("window") => WINDOW_FIELDS,
            // An unknown type: `tagged` reports only the type.
            _ => DOOR_FIELDS,
        };
        self.tagged(path, value, fields);
    }

    fn fixtures(&mut self, path: &str, value: &Value) {
        self.array(
            path,
            value,
            (MAX_FIXTURES_PER_STOREY, what::FIXTURES),
            |check, path, f| {
                check.object(path, f, FIXTURE_FIELDS);
            },
        );
    }

    fn fixture_kind(&mut self, path: &str, value: &Value) {
        let fields = match value.get("type").and_then(Value::as_str) {
            Some("wash_basin") => WASH_BASIN_FIELDS,
            Some("bath") => BATH_FIELDS,
            Some("kitchen") => KITCHEN_FIELDS,
            _ => PLAIN_FIXTURE_FIELDS,
        };
        self.tagged(path, value, fields);
    }

    /// A `{"type": …}` object whose other fields depend on its type: when the type is
    /// unknown, only that is reported.
    fn tagged(&mut self, path: &str, value: &Value, fields: &[Field]) {
        if let Some(map) = value.as_object() {
            let known = match fields[0].kind {
                Kind::Choice(names, _) => map
                    .get("type")
                    .and_then(Value::as_str)
                    .is_some_and(|t| names.contains(&t)),
                _ => false,
            };
            if !known {
                let type_only = &fields[..1];
                let mut probe = Map::new();
                if let Some(t) = map.get("type") {
                    probe.insert("type".into(), t.clone());
                }
                self.object(path, &Value::Object(probe), type_only);
                return;
            }
        }
        self.object(path, value, fields);
    }
}

/// Tests of the pre-check's internals; the loader as a whole is tested in `tests/`.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_model_field_is_in_the_precheck() {
        // Serialise a plan with every optional field set and check that the pre-check knows
        // every key, so a field added to the model without a check fails here.
        let text = crate::templates::get("kodan-3dk-shared").unwrap_or_default();
        let mut plan = from_json(text).unwrap_or_else(|p| panic!("{p:?}"));
        plan.dwelling.year_built = Some(1975);
        plan.dwelling.construction_started = Some("1974-04-01".into());
        plan.dwelling.seismic_assessment_passed = Some(true);
        plan.dwelling.target_household = Some(crate::model::HouseholdTarget::SharedSingle);
        let room = &mut plan.storeys[0].rooms[0];
        room.wall_thickness_mm = vec![Some(120); room.polygon.len()];
        room.ceiling_height_mm = Some(2400);
        room.mechanical_ventilation = true;
        room.lockable = true;
        let door = plan.storeys[0]
            .openings
            .iter_mut()
            .find(|o| matches!(o.kind, crate::OpeningKind::Door { .. }));
        door.unwrap_or_else(|| panic!("the template has a door"))
            .kind = crate::OpeningKind::Door {
            lockable: Some(true),
            operation: Some(DoorOperation::DoubleSliding),
        };
        plan.check = Some(crate::model::CheckSettings {
            profile: "sh-single".into(),
            local_override: Some("toshima".into()),
            values: vec![crate::model::CheckValue {
                key: "report.rounding".into(),
                value: 1.0,
                source: "test".into(),
            }],
        });
        plan.storeys[0].underlay = Some(crate::model::Underlay {
            image: "i".into(),
            width_px: 10,
            height_px: 10,
            origin: crate::PointMm::new(0, 0),
            mm_per_px: 1.0,
            rotation_deg: 1.0,
            opacity_percent: 50,
            hidden: true,
            locked: true,
        });
        plan.images = vec![crate::model::EmbeddedImage {
            id: "i".into(),
            data_url: "data:image/png;base64,AA==".into(),
        }];
        plan.variants = vec![crate::model::Variant {
            id: "v".into(),
            name: "v".into(),
            note: "n".into(),
            dwelling: plan.dwelling.clone(),
            check: plan.check.clone(),
            storeys: plan.storeys.clone(),
        }];
        let value: Value = serde_json::from_str(&to_json(&plan)).unwrap_or_default();
        let mut check = Precheck::default();
        check.plan(&value);
        assert_eq!(check.problems, Vec::<Problem>::new());
    }
}
