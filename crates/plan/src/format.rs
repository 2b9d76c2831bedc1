//! The plan file format: JSON with a `format_version`, one migration per older version,
//! and a loader that reports every problem it can find at once.
//!
//! The format is documented field by field in `docs/plan-format.md` and as a JSON Schema in
//! `docs/plan.schema.json`. Only this module reads or writes plan files.

use crate::model::{FixtureKind, Plan, RoomKind};
use crate::validate::{validate, Problem};
use serde_json::Value;

/// The version this build writes. Older files are migrated up to it on load.
pub const FORMAT_VERSION: u32 = 1;

/// A migration takes a file of version `n` to version `n + 1`.
type Migration = fn(Value) -> Result<Value, Problem>;

/// `MIGRATIONS[i]` upgrades version `i + 1` to `i + 2`. Version 1 is the first released
/// format, so the list is empty; each format change appends one function and keeps a
/// fixture of the old version under `tests/fixtures/`.
const MIGRATIONS: &[Migration] = &[];

/// Loads a plan from JSON text: parses, migrates, checks and validates.
///
/// Returns every problem found: a JSON syntax error alone (nothing else can be read), or all
/// field, geometry and reference problems together.
pub fn from_json(text: &str) -> Result<Plan, Vec<Problem>> {
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
    let value = migrate(value).map_err(|p| vec![p])?;
    let problems = precheck(&value);
    if !problems.is_empty() {
        return Err(problems);
    }
    let plan: Plan = serde_json::from_value(value).map_err(|e| {
        vec![Problem::new(
            "",
            format!("ファイルの形式が違います: {e}"),
            format!("the file does not match the plan format: {e}"),
        )]
    })?;
    let problems = validate(&plan);
    if problems.is_empty() {
        Ok(plan)
    } else {
        Err(problems)
    }
}

/// Writes a plan as pretty JSON in the current format version.
pub fn to_json(plan: &Plan) -> String {
    let mut plan = plan.clone();
    plan.format_version = FORMAT_VERSION;
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string_pretty(&plan).unwrap_or_default()
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
    for migration in &MIGRATIONS[(version as usize - 1)..] {
        value = migration(value)?;
    }
    if let Some(object) = value.as_object_mut() {
        object.insert("format_version".into(), Value::from(FORMAT_VERSION));
    }
    Ok(value)
}

/// Checks what typed deserialisation would stop at first, so that all of it is reported at
/// once: coordinates that are not whole millimetres in range, unknown room kinds and fixture
/// types, and missing arrays.
fn precheck(value: &Value) -> Vec<Problem> {
    let mut problems = Vec::new();
    let Some(storeys) = value.get("storeys").and_then(Value::as_array) else {
        problems.push(Problem::new(
            "storeys",
            "storeys (階の配列) がありません",
            "missing storeys (an array of storeys)",
        ));
        return problems;
    };
    for (s, storey) in storeys.iter().enumerate() {
        let rooms = storey.get("rooms").and_then(Value::as_array);
        for (r, room) in rooms.into_iter().flatten().enumerate() {
            let path = format!("storeys[{s}].rooms[{r}]");
            match room.get("kind").and_then(Value::as_str) {
                Some(kind) if RoomKind::ALL.iter().any(|k| k.as_str() == kind) => {}
                other => problems.push(Problem::new(
                    format!("{path}.kind"),
                    format!("部屋の種類 {} は不明です", describe(other)),
                    format!(
                        "unknown room kind {}; expected one of {}",
                        describe(other),
                        RoomKind::ALL.map(RoomKind::as_str).join(", ")
                    ),
                )),
            }
            match room.get("polygon").and_then(Value::as_array) {
                None => problems.push(Problem::new(
                    format!("{path}.polygon"),
                    "polygon (頂点の配列) がありません",
                    "missing polygon (an array of [x, y] vertices in mm)",
                )),
                Some(points) => {
                    for (i, point) in points.iter().enumerate() {
                        check_point(&format!("{path}.polygon[{i}]"), point, &mut problems);
                    }
                }
            }
        }
        let fixtures = storey.get("fixtures").and_then(Value::as_array);
        for (f, fixture) in fixtures.into_iter().flatten().enumerate() {
            let path = format!("storeys[{s}].fixtures[{f}]");
            let kind = fixture.get("kind").and_then(|k| k.get("type"));
            match kind.and_then(Value::as_str) {
                Some(t) if FixtureKind::TYPE_NAMES.contains(&t) => {}
                other => problems.push(Problem::new(
                    format!("{path}.kind.type"),
                    format!("設備の種類 {} は不明です", describe(other)),
                    format!(
                        "unknown fixture type {}; expected one of {}",
                        describe(other),
                        FixtureKind::TYPE_NAMES.join(", ")
                    ),
                )),
            }
            match fixture.get("at") {
                Some(point) => check_point(&format!("{path}.at"), point, &mut problems),
                None => problems.push(Problem::new(
                    format!("{path}.at"),
                    "設備の位置 at がありません",
                    "missing fixture position `at`",
                )),
            }
        }
    }
    problems
}

fn describe(kind: Option<&str>) -> String {
    kind.map_or_else(|| "(なし / none)".to_owned(), |k| format!("\"{k}\""))
}

fn check_point(path: &str, point: &Value, problems: &mut Vec<Problem>) {
    let coords = point.as_array().filter(|a| a.len() == 2);
    let Some(coords) = coords else {
        problems.push(Problem::new(
            path,
            "頂点は [x, y] (mm の整数 2 つ) で書きます",
            "a point is written [x, y], two whole millimetre numbers",
        ));
        return;
    };
    for (axis, c) in ["x", "y"].iter().zip(coords) {
        let whole = c.as_i64().is_some();
        if !whole {
            problems.push(Problem::new(
                path,
                format!("{axis} 座標 {c} は mm の整数ではありません"),
                format!("{axis} coordinate {c} is not a whole number of millimetres"),
            ));
        }
    }
}
