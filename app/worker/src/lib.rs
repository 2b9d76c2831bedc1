//! The worker's protocol, in plain Rust so it is tested natively: a request (JSON text) and
//! bytes in, a reply (JSON text) out. `main.rs` only moves messages. The worker holds what
//! the page needs only sometimes (the DXF importer with its Shift_JIS tables, the drawing of
//! a sheet), so the page's first download stays small.
//!
//! Requests:
//! - `{"op": "survey"}` with a DXF's bytes: layers with counts and roles, encoding, proposed
//!   unit;
//! - `{"op": "import", "unit": "cm" | "paper:100" | null, "layers": [{"name": "壁", "role":
//!   "walls"}] | null, "snap_mm": 50, "plan_name": "…"}` with a DXF's bytes: the plan as
//!   plan-format JSON (`plan_json`, read by the page with the same loader as a file) and
//!   what the import found;
//! - `{"op": "sheet", "plan_json": "…", "storey": 0, "scale": 100, "rounding": "truncate" |
//!   "nearest" | "up", "interior": false, "module": 910 | 455 | 1000 | 500 | 0, "hidden":
//!   ["room-name", …], "embed": false}`: the storey's 平面図 as SVG at exact paper size
//!   (`madori_drawing`); with `embed` the SVG is placed in plan millimetres instead (its
//!   `x`, `y`, `width`, `height` are the sheet's extent in mm), to lay over the editor's
//!   canvas, whose user unit is the millimetre, and has no background;
//! - `{"op": "dxf", "plan_json": "…", "format": "r12" | "r2007"}`: every storey as a DXF
//!   drawing in mm with layers by meaning (`madori_cad::export_dxf`: R12 with Shift_JIS text
//!   for Jw_cad, or R2007 with UTF-8), its bytes in base64 (`base64`);
//! - `{"op": "print", "today": "2026/11/26", "scale": 100, "width_mm": 400, "height_mm": 253}`
//!   with a valid plan's JSON: every printed sheet (each storey's 平面図, or why it does not
//!   fit the paper's `width_mm` × `height_mm` at the scale, then the 求積表 and the findings
//!   report) as HTML in both languages, `{"ja": "…", "en": "…"}` ([`mod@print`]); with
//!   `"compare": 0` (a saved state's index) every 平面図 is marked against that state (walls
//!   taken out dashed, new walls hatched) and the two are printed side by side per storey;
//! - `{"op": "problems"}` with a file's text: every problem [`format::from_json`] finds, each
//!   marked `repairable` or not (`[]` when the file loads). The page loads files without
//!   finding repairs (`format::from_json_unmarked`, a chunk loaded on demand), so the
//!   repairs stay out of its code;
//! - `{"op": "repair"}` with a file's text: the plan opened with repairs
//!   ([`format::from_json_with_repairs`]) as plan-format JSON and the repairs made
//!   (`{"plan_json": "…", "repairs": [{"path", "ja", "en"}]}`), or the problems no repair
//!   fixes (`{"problems": […]}`);
//! - `{"op": "share_link"}` with a valid plan's JSON: its share-link data
//!   (`{"data": "1…"}`, [`share::encode`]), or why it is too large;
//! - `{"op": "share_open", "fragment": "#plan=1…"}`: the plan a link holds as plan-format
//!   JSON (`{"plan_json": "…"}`) or the link's problems (`{"problems": […]}`,
//!   [`share::decode`]).
//! - `{"op": "ghosts", "storey": 0, "room": "r3", "edge": 2, "range_mm": 1820}` with a valid
//!   plan's JSON: where verdicts flip while that wall moves up to `range_mm` either way at
//!   the 5 mm snap step (`madori_editor::whatif::wall_ghosts`): `{"ghosts": [{"d_mm": 37,
//!   "wall": [[x, y], [x, y]] | null, "ja": "…", "en": "…"}], "complete": bool}`;
//! - `{"op": "compare", "index": 0}` with a valid plan's JSON: what changed from saved state
//!   `index` to the plan (`madori_rules::changes`), and each one's failures and capacity
//!   under its own check settings: `{"name": "現況", "changes": [{"storey": "1f", "ja": "…",
//!   "en": "…", "wall": null | {"from": [x, y], "to": [x, y], "added": bool}}], "before":
//!   {"fails": 2, "failing": ["SH-ROOM", …], "capacity": 3 | null}, "after": {…}}`;
//! - `{"op": "explain", "rule": "SH-ROOM" | null}`, with a valid plan's JSON when a rule is
//!   named: every rule's title (`{"titles": [{"id", "ja", "en"}]}`, for the workshop's lists)
//!   and the named rule explained for this plan (`madori_rules::explain`: why it exists, its
//!   text with the numbers in force, the formulas of its findings that do not pass, source
//!   and confidence) as `"explained"`;
//! - `{"op": "suggest"}` with a valid plan's JSON: the smallest changes that let one more
//!   person live in it under its own check settings, best first, each checked with the full
//!   rules ([`madori_editor::suggest::Suggestions`] as JSON; an edit's `command()` makes it).
//!
//! A problem is `{"path": "…", "ja": "…", "en": "…", "repairable": bool}`.
//!
//! Replies: `{"ok": {…}}` or `{"err": {"ja": "…", "en": "…"}}`.

pub mod print;

use madori_cad::{ImportOptions, LayerChoice, LayerRole, LayerSummary, Unit, UnitProposal, Unused};
use madori_plan::{format, share, Plan, Problem};
use serde_json::{json, Value};

/// Answers one request about `bytes`.
pub fn respond(request: &str, bytes: &[u8]) -> String {
    let reply = match serde_json::from_str::<Value>(request) {
        Ok(request) => match request.get("op").and_then(Value::as_str) {
            Some("survey") => survey(bytes),
            Some("import") => import(&request, bytes),
            Some("sheet") => sheet(&request),
            Some("dxf") => dxf(&request),
            Some("print") => print_sheets(&request, bytes),
            Some("problems") => problems(bytes),
            Some("repair") => repair(bytes),
            Some("share_link") => share_link(bytes),
            Some("share_open") => share_open(&request),
            Some("suggest") => suggest(bytes),
            Some("ghosts") => ghosts(&request, bytes),
            Some("compare") => compare(&request, bytes),
            Some("explain") => explain(&request, bytes),
            _ => error("不明な要求です", "unknown request"),
        },
        Err(_) => error("要求が JSON ではありません", "the request is not JSON"),
    };
    reply.to_string()
}

fn error(ja: &str, en: &str) -> Value {
    json!({"err": {"ja": ja, "en": en}})
}

/// The text of a file or plan sent as bytes.
fn text(bytes: &[u8]) -> Result<&str, Value> {
    std::str::from_utf8(bytes).map_err(|_| {
        error(
            "文字として読めません (UTF-8 ではありません)",
            "the text could not be read (it is not UTF-8)",
        )
    })
}

/// A plan the page sent: always valid there, so a refusal here is a protocol error.
fn valid_plan(bytes: &[u8]) -> Result<Plan, Value> {
    format::from_json(text(bytes)?)
        .map_err(|_| error("間取りを読めません", "the plan could not be read"))
}

fn problem_list(problems: &[Problem]) -> Value {
    problems
        .iter()
        .map(|p| {
            json!({"path": p.path, "ja": p.message_ja, "en": p.message_en, "repairable": p.repairable})
        })
        .collect()
}

fn problems(bytes: &[u8]) -> Value {
    let text = match text(bytes) {
        Ok(text) => text,
        Err(e) => return e,
    };
    let problems = format::from_json(text).err().unwrap_or_default();
    json!({"ok": {"problems": problem_list(&problems)}})
}

fn repair(bytes: &[u8]) -> Value {
    let text = match text(bytes) {
        Ok(text) => text,
        Err(e) => return e,
    };
    match format::from_json_with_repairs(text) {
        Ok((plan, repairs)) => json!({"ok": {
            "plan_json": format::to_json(&plan),
            "repairs": repairs
                .iter()
                .map(|r| json!({"path": r.path, "ja": r.message_ja, "en": r.message_en}))
                .collect::<Vec<_>>(),
        }}),
        Err(problems) => json!({"ok": {"problems": problem_list(&problems)}}),
    }
}

fn share_link(bytes: &[u8]) -> Value {
    let plan = match valid_plan(bytes) {
        Ok(plan) => plan,
        Err(e) => return e,
    };
    match share::encode(&plan) {
        Ok(data) => json!({"ok": {"data": data}}),
        Err(e) => error(&e.message_ja(), &e.message_en()),
    }
}

/// Every rule of every profile, with the rules only a local override adds.
fn known_rules() -> Vec<madori_rules::RuleId> {
    use madori_rules::profile::{catalogue, local_overrides_for};
    let mut rules = Vec::new();
    for profile in catalogue() {
        let mut with_locals = vec![profile.clone()];
        for local in local_overrides_for(profile.id) {
            let mut p = profile.clone();
            if p.apply_local(local).is_ok() {
                with_locals.push(p);
            }
        }
        for rule in with_locals.iter().flat_map(|p| &p.rules).map(|r| r.rule) {
            if !rules.contains(&rule) {
                rules.push(rule);
            }
        }
    }
    rules
}

fn explain(request: &Value, bytes: &[u8]) -> Value {
    use madori_rules::explain::{explain, explain_with};
    let rules = known_rules();
    let titles: Vec<Value> = rules
        .iter()
        .map(|r| {
            let e = explain(*r);
            json!({"id": r.as_str(), "ja": e.title_ja, "en": e.title_en})
        })
        .collect();
    let explained = match request["rule"].as_str() {
        None => Value::Null,
        Some(id) => {
            let Some(rule) = rules.iter().find(|r| r.as_str() == id) else {
                return error("その基準はありません", "no such rule");
            };
            let plan = match valid_plan(bytes) {
                Ok(plan) => plan,
                Err(e) => return e,
            };
            let profile = madori_rules::profile::resolve(plan.check.as_ref(), &plan).profile;
            let report = madori_rules::check(&plan, &profile);
            let x = explain_with(&report, *rule);
            let e = &x.explanation;
            let formulas: Vec<&str> = x
                .findings
                .iter()
                .filter(|f| f.status != madori_rules::Status::Pass)
                .map(|f| f.formula.as_str())
                .collect();
            json!({
                "id": id, "title_ja": e.title_ja, "title_en": e.title_en,
                "why_ja": e.why_ja, "why_en": e.why_en,
                "text_ja": x.text_ja, "text_en": x.text_en,
                "formulas": formulas, "source": e.source,
                "confidence_ja": e.confidence.summary_ja(), "confidence_en": e.confidence.summary_en(),
            })
        }
    };
    json!({"ok": {"titles": titles, "explained": explained}})
}

fn compare(request: &Value, bytes: &[u8]) -> Value {
    use madori_rules::changes::{change_list, ChangeKind};
    let plan = match valid_plan(bytes) {
        Ok(plan) => plan,
        Err(e) => return e,
    };
    let index = request["index"]
        .as_u64()
        .and_then(|i| usize::try_from(i).ok());
    let Some(before) = index.and_then(|i| madori_plan::variant_plan(&plan, i)) else {
        return error(
            "比べる状態がありません",
            "the state to compare with is not in the plan",
        );
    };
    let summary = |p: &Plan| {
        let profile = madori_rules::profile::resolve(p.check.as_ref(), p).profile;
        let report = madori_rules::check(p, &profile);
        let mut failing: Vec<&str> = Vec::new();
        for f in &report.findings {
            if f.status == madori_rules::Status::Fail && !failing.contains(&f.rule_id) {
                failing.push(f.rule_id);
            }
        }
        json!({
            "fails": report.count(madori_rules::Status::Fail),
            "failing": failing,
            "capacity": madori_rules::capacity(p, &profile).max,
        })
    };
    let list = change_list(&before, &plan);
    let changes: Vec<Value> = list
        .changes
        .iter()
        .map(|c| {
            let wall = match c.kind {
                ChangeKind::WallRemoved { from, to } => {
                    json!({"from": [from.x, from.y], "to": [to.x, to.y], "added": false})
                }
                ChangeKind::WallAdded { from, to } => {
                    json!({"from": [from.x, from.y], "to": [to.x, to.y], "added": true})
                }
                _ => Value::Null,
            };
            json!({"storey": c.storey, "ja": c.ja, "en": c.en, "wall": wall})
        })
        .collect();
    json!({"ok": {
        "name": before.name,
        "changes": changes,
        "before": summary(&before),
        "after": summary(&plan),
    }})
}

/// The most plans moved and checked for one wall's ghosts: ±1820 mm at 5 mm is 728 steps,
/// with room for the bisections (about 0.3 s on a 641-room plan, off the page's thread).
const GHOST_EVALUATIONS: usize = 1_200;

fn ghosts(request: &Value, bytes: &[u8]) -> Value {
    use madori_rules::whatif::Search;
    let plan = match valid_plan(bytes) {
        Ok(plan) => plan,
        Err(e) => return e,
    };
    let (Some(storey), Some(room), Some(edge)) = (
        request["storey"]
            .as_u64()
            .and_then(|s| usize::try_from(s).ok()),
        request["room"].as_str(),
        request["edge"]
            .as_u64()
            .and_then(|e| usize::try_from(e).ok()),
    ) else {
        return error("壁の指定がありません", "the wall is not given");
    };
    let range = request["range_mm"]
        .as_i64()
        .unwrap_or(1_820)
        .clamp(0, 10_000);
    let profile = madori_rules::profile::resolve(plan.check.as_ref(), &plan).profile;
    let mut search = Search::new((-range, range));
    search.max_evaluations = GHOST_EVALUATIONS;
    let found = madori_editor::whatif::wall_ghosts(&plan, &profile, storey, room, edge, search);
    let ghosts: Vec<Value> = found
        .ghosts
        .iter()
        .map(|g| {
            let wall = g.wall_mm.map(|(a, b)| json!([[a.x, a.y], [b.x, b.y]]));
            json!({"d_mm": g.d_mm, "wall": wall, "ja": g.ja, "en": g.en})
        })
        .collect();
    json!({"ok": {"ghosts": ghosts, "complete": found.complete}})
}

fn suggest(bytes: &[u8]) -> Value {
    use madori_editor::suggest::{one_more, Budget};
    let plan = match valid_plan(bytes) {
        Ok(plan) => plan,
        Err(e) => return e,
    };
    let profile = madori_rules::profile::resolve(plan.check.as_ref(), &plan).profile;
    json!({"ok": one_more(&plan, &profile, Budget::for_plan(&plan))})
}

fn share_open(request: &Value) -> Value {
    let fragment = request["fragment"].as_str().unwrap_or_default();
    match share::decode(fragment) {
        Ok(plan) => json!({"ok": {"plan_json": format::to_json(&plan)}}),
        Err(problems) => json!({"ok": {"problems": problem_list(&problems)}}),
    }
}

fn print_sheets(request: &Value, bytes: &[u8]) -> Value {
    let plan = match valid_plan(bytes) {
        Ok(plan) => plan,
        Err(e) => return e,
    };
    let today = request["today"].as_str().unwrap_or_default();
    let Some(scale) = scale(&request["scale"]) else {
        return bad_scale();
    };
    let room = (
        request["width_mm"].as_f64().unwrap_or(f64::INFINITY),
        request["height_mm"].as_f64().unwrap_or(f64::INFINITY),
    );
    let mut sheets = print::Sheets::new(plan);
    if let Some(index) = request["compare"].as_u64() {
        match usize::try_from(index)
            .ok()
            .and_then(|i| sheets.compared_with(i))
        {
            Some(compared) => sheets = compared,
            None => {
                return error(
                    "比べる状態がありません",
                    "the state to compare with is not in the plan",
                )
            }
        }
    }
    json!({"ok": {
        "ja": sheets.html(print::Lang::Ja, today, scale, room),
        "en": sheets.html(print::Lang::En, today, scale, room),
    }})
}

/// A print scale (1:50, 1:100 by default, 1:200).
fn scale(value: &Value) -> Option<madori_drawing::Scale> {
    use madori_drawing::Scale;
    match value.as_u64() {
        Some(50) => Some(Scale::S50),
        Some(200) => Some(Scale::S200),
        Some(100) | None => Some(Scale::S100),
        Some(_) => None,
    }
}

fn bad_scale() -> Value {
    error(
        "縮尺は 1:50、1:100、1:200 です",
        "the scale is 1:50, 1:100 or 1:200",
    )
}

fn survey(bytes: &[u8]) -> Value {
    match madori_cad::survey(bytes) {
        Ok(s) => json!({"ok": {
            "version": s.version,
            "encoding": encoding(&s.encoding),
            "layers": s.layers.iter().map(layer).collect::<Vec<_>>(),
            "proposal": proposal(&s.units),
        }}),
        Err(e) => error(&e.message_ja, &e.message_en),
    }
}

fn import(request: &Value, bytes: &[u8]) -> Value {
    let mut options = ImportOptions::default();
    if let Some(unit) = request.get("unit").and_then(Value::as_str) {
        match parse_unit(unit) {
            Some(unit) => options.unit = Some(unit),
            None => return error("単位が不明です", "unknown unit"),
        }
    }
    if let Some(layers) = request.get("layers").and_then(Value::as_array) {
        let mut chosen = Vec::with_capacity(layers.len());
        for l in layers {
            let (Some(name), Some(role)) = (
                l.get("name").and_then(Value::as_str),
                l.get("role").and_then(Value::as_str).and_then(parse_role),
            ) else {
                return error("画層の指定が読めません", "a layer choice is not readable");
            };
            chosen.push(LayerChoice {
                name: name.to_owned(),
                role,
            });
        }
        options.layers = Some(chosen);
    }
    if let Some(snap) = request.get("snap_mm").and_then(Value::as_u64) {
        options.snap_mm = u32::try_from(snap).unwrap_or(u32::MAX);
    }
    if let Some(name) = request.get("plan_name").and_then(Value::as_str) {
        options.plan_name = name.to_owned();
    }
    match madori_cad::import(bytes, &options) {
        Ok(i) => json!({"ok": {
            "plan_json": madori_plan::format::to_json(&i.plan),
            "encoding": encoding(&i.encoding),
            "unit": unit_name(i.unit),
            "unit_from_caller": i.unit_from_caller,
            "proposal": proposal(&i.proposal),
            "double_lines": matches!(i.walls, madori_cad::WallDrawing::DoubleLines),
            "longest_wall_mm": i.longest_wall_mm,
            "scale_check": {"ja": i.scale_check_ja, "en": i.scale_check_en},
            "layers": i.layers.iter().map(layer).collect::<Vec<_>>(),
            "unused": i.unused.iter().map(unused).collect::<Vec<_>>(),
            "unused_left_off": i.unused_left_off,
        }}),
        Err(e) => error(&e.message_ja, &e.message_en),
    }
}

fn sheet(request: &Value) -> Value {
    use madori_drawing::{AreaBasis, DrawingOptions, Module, SvgOptions};
    use madori_rules::numbers::Rounding;
    let Some(plan) = request["plan_json"]
        .as_str()
        .and_then(|text| madori_plan::format::from_json(text).ok())
    else {
        return error("間取りを読めません", "the plan could not be read");
    };
    let storey = request["storey"].as_u64().unwrap_or(0) as usize;
    if storey >= plan.storeys.len() {
        return error("その階はありません", "no such storey");
    }
    let Some(scale) = scale(&request["scale"]) else {
        return bad_scale();
    };
    let rounding = match request["rounding"].as_str() {
        Some("nearest") => Rounding::Nearest,
        Some("up") => Rounding::Up,
        _ => Rounding::Truncate,
    };
    let module = match request["module"].as_u64() {
        Some(455) => Module::Shaku455,
        Some(1000) => Module::Metre1000,
        Some(500) => Module::Metre500,
        Some(0) => Module::Off,
        _ => Module::Shaku910,
    };
    let options = DrawingOptions {
        scale,
        module,
        area_basis: if request["interior"].as_bool() == Some(true) {
            AreaBasis::Interior
        } else {
            AreaBasis::WallCentre
        },
        rounding,
        ..DrawingOptions::default()
    };
    let drawing = madori_drawing::storey_drawing(&plan, storey, &options);
    let denominator = f64::from(scale.denominator());
    let hidden = request["hidden"]
        .as_array()
        .map(|names| {
            madori_drawing::Layer::ALL
                .into_iter()
                .filter(|layer| names.iter().any(|n| n.as_str() == Some(layer.id())))
                .collect()
        })
        .unwrap_or_default();
    let embed = request["embed"].as_bool() == Some(true);
    let svg_options = SvgOptions {
        hidden,
        background: if embed {
            None
        } else {
            SvgOptions::default().background
        },
        ..SvgOptions::default()
    };
    let mut svg = madori_drawing::svg(&drawing, &svg_options);
    if embed {
        // The sheet's size in paper mm becomes its place in plan mm.
        let e = drawing.extent;
        let paper = format!(
            r#"width="{}mm" height="{}mm""#,
            e.width() / denominator,
            e.height() / denominator
        );
        let plan_mm = format!(
            r#"x="{}" y="{}" width="{}" height="{}""#,
            e.min.x,
            e.min.y,
            e.width(),
            e.height()
        );
        svg = svg.replacen(&paper, &plan_mm, 1);
    }
    json!({"ok": {
        "svg": svg,
        "width_mm": drawing.extent.width() / denominator,
        "height_mm": drawing.extent.height() / denominator,
        "storey_name": drawing.storey_name,
    }})
}

fn dxf(request: &Value) -> Value {
    use base64::Engine;
    let Some(plan) = request["plan_json"]
        .as_str()
        .and_then(|text| madori_plan::format::from_json(text).ok())
    else {
        return error("間取りを読めません", "the plan could not be read");
    };
    let format = match request["format"].as_str() {
        Some("r2007") => madori_cad::Format::R2007Utf8,
        Some("r12") | None => madori_cad::Format::R12ShiftJis,
        Some(_) => return error("DXF の形式が不明です", "unknown DXF format"),
    };
    let bytes = madori_cad::export_dxf(
        &plan,
        &madori_cad::ExportOptions {
            format,
            ..madori_cad::ExportOptions::default()
        },
    );
    json!({"ok": {"base64": base64::engine::general_purpose::STANDARD.encode(&bytes), "bytes": bytes.len()}})
}

fn encoding(e: &madori_cad::EncodingReport) -> Value {
    json!({
        "name": match e.encoding {
            madori_cad::TextEncoding::Ascii => "ASCII",
            madori_cad::TextEncoding::Utf8 => "UTF-8",
            madori_cad::TextEncoding::ShiftJis => "Shift_JIS",
        },
        "declared": e.declared_code_page,
        "replaced_bytes": e.replaced_bytes,
        "ja": e.reason_ja,
        "en": e.reason_en,
    })
}

fn proposal(p: &UnitProposal) -> Value {
    json!({
        "unit": unit_name(p.unit),
        "header": p.header.map(unit_name),
        "ja": p.reason_ja,
        "en": p.reason_en,
    })
}

fn layer(l: &LayerSummary) -> Value {
    json!({
        "name": l.name,
        "counts": l.counts,
        "role": role_name(l.role),
        "selected": l.selected,
    })
}

fn unused(u: &Unused) -> Value {
    json!({
        "entity": u.entity,
        "layer": u.layer,
        "ja": u.reason.ja(),
        "en": u.reason.en(),
        "count": u.count,
        "example": u.example,
    })
}

/// A unit's name in the protocol: `mm`, `cm`, `m`, `in`, `ft` or `paper:N` (1:N).
pub fn unit_name(unit: Unit) -> String {
    match unit {
        Unit::Millimetre => "mm".into(),
        Unit::Centimetre => "cm".into(),
        Unit::Metre => "m".into(),
        Unit::Inch => "in".into(),
        Unit::Foot => "ft".into(),
        Unit::PaperMm { scale } => format!("paper:{scale}"),
    }
}

/// Reads a unit's protocol name.
pub fn parse_unit(name: &str) -> Option<Unit> {
    Some(match name {
        "mm" => Unit::Millimetre,
        "cm" => Unit::Centimetre,
        "m" => Unit::Metre,
        "in" => Unit::Inch,
        "ft" => Unit::Foot,
        other => {
            let scale: u32 = other.strip_prefix("paper:")?.parse().ok()?;
            if !(1..=10_000).contains(&scale) {
                return None;
            }
            Unit::PaperMm { scale }
        }
    })
}

/// A layer role's protocol name.
pub fn role_name(role: LayerRole) -> &'static str {
    match role {
        LayerRole::Walls => "walls",
        LayerRole::ReferenceLines => "reference",
        LayerRole::Openings => "openings",
        LayerRole::Labels => "labels",
        LayerRole::Ignore => "ignore",
    }
}

/// Reads a layer role's protocol name.
pub fn parse_role(name: &str) -> Option<LayerRole> {
    Some(match name {
        "walls" => LayerRole::Walls,
        "reference" => LayerRole::ReferenceLines,
        "openings" => LayerRole::Openings,
        "labels" => LayerRole::Labels,
        "ignore" => LayerRole::Ignore,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUSE: &[u8] = include_bytes!("../../../crates/cad/tests/fixtures/house_r12_sjis.dxf");

    fn reply(request: &str, bytes: &[u8]) -> Value {
        serde_json::from_str(&respond(request, bytes)).unwrap()
    }

    /// The shared wooden house in an editor, saved as its state 現況.
    fn house_with_existing_state() -> madori_editor::Editor {
        let text = madori_plan::templates::get("wooden-house-shared").unwrap();
        let mut ed = madori_editor::Editor::new(format::from_json(text).unwrap());
        ed.apply(madori_editor::Command::SaveState {
            id: "existing".into(),
            name: "現況".into(),
            note: String::new(),
        })
        .unwrap();
        ed
    }

    #[test]
    fn a_comparison_lists_the_changes_with_walls_and_each_side_s_numbers() {
        let mut ed = house_with_existing_state();
        let r = reply(
            r#"{"op": "compare", "index": 0}"#,
            format::to_json(&ed.plan).as_bytes(),
        );
        assert_eq!(r["ok"]["changes"].as_array().unwrap().len(), 0, "{r}");
        assert_eq!(r["ok"]["before"]["capacity"], 4);
        let found = madori_editor::suggest::one_more(
            &ed.plan,
            &madori_rules::profile::resolve(ed.plan.check.as_ref(), &ed.plan).profile,
            madori_editor::suggest::Budget::default(),
        );
        ed.apply(found.list[0].edit.command()).unwrap();
        let r = reply(
            r#"{"op": "compare", "index": 0}"#,
            format::to_json(&ed.plan).as_bytes(),
        );
        let ok = &r["ok"];
        assert_eq!(ok["name"], "現況");
        assert_eq!(
            (
                ok["before"]["capacity"].as_u64(),
                ok["after"]["capacity"].as_u64()
            ),
            (Some(4), Some(5))
        );
        let changes = ok["changes"].as_array().unwrap();
        let walls: Vec<&Value> = changes.iter().filter(|c| c["wall"].is_object()).collect();
        assert_eq!(walls.len(), 1, "{changes:?}");
        assert_eq!(walls[0]["wall"]["added"], true);
        assert_eq!(walls[0]["storey"], "1f");
        assert!(changes
            .iter()
            .any(|c| c["ja"].as_str().unwrap().contains("個室5")));
        assert!(reply(
            r#"{"op": "compare", "index": 9}"#,
            format::to_json(&ed.plan).as_bytes()
        )["err"]["ja"]
            .is_string());
    }

    #[test]
    fn a_rule_is_explained_with_this_plan_s_numbers() {
        let text = madori_plan::templates::get("kodan-3dk-shared").unwrap();
        let r = reply(r#"{"op": "explain", "rule": "SH-ROOM"}"#, text.as_bytes());
        let x = &r["ok"]["explained"];
        assert!(x["why_ja"].as_str().unwrap().chars().count() > 20);
        let formulas: Vec<&str> = x["formulas"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(
            formulas.iter().any(|f| f.contains("7.45 ㎡ < 9 ㎡")),
            "{formulas:?}"
        );
        assert!(x["confidence_ja"].as_str().unwrap().starts_with("確度"));
        // Titles of every rule, those only a local override adds included, without a plan.
        let r = reply(r#"{"op": "explain"}"#, b"");
        let titles = r["ok"]["titles"].as_array().unwrap();
        for id in ["SH-ROOM", "SH-AREA", "SN-SEISMIC", "BS-DAYLIGHT"] {
            assert!(titles.iter().any(|t| t["id"] == id), "{id}");
        }
        assert!(titles.len() > 20, "{}", titles.len());
        assert!(r["ok"]["explained"].is_null());
        assert!(
            reply(r#"{"op": "explain", "rule": "XX"}"#, text.as_bytes())["err"]["ja"].is_string()
        );
    }

    #[test]
    fn ghosts_are_where_a_drag_flips_the_verdict() {
        let mut plan =
            format::from_json(madori_plan::templates::get("kodan-3dk-shared").unwrap()).unwrap();
        plan.dwelling.seismic_assessment_passed = Some(true);
        // 個室C (r3) is 2730 × 2730 = 7.45 ㎡: its bottom wall (edge 2) moved out 567 mm makes
        // 2730 × 3297 = 9.0008 ㎡, the first millimetre at 9 ㎡.
        let r = reply(
            r#"{"op": "ghosts", "storey": 0, "room": "r3", "edge": 2, "range_mm": 1820}"#,
            format::to_json(&plan).as_bytes(),
        );
        let ghosts = r["ok"]["ghosts"].as_array().unwrap();
        let at_9 = ghosts
            .iter()
            .find(|g| g["ja"].as_str().unwrap().contains("9 ㎡"))
            .unwrap_or_else(|| panic!("{r}"));
        assert_eq!(at_9["d_mm"].as_i64().unwrap().abs(), 567, "{at_9}");
        assert!(at_9["wall"].is_array());
        assert_eq!(r["ok"]["complete"], true);
        let r = reply(
            r#"{"op": "ghosts", "storey": 0}"#,
            format::to_json(&plan).as_bytes(),
        );
        assert!(r["err"]["ja"].is_string());
    }

    #[test]
    fn suggestions_come_checked_and_ready_to_apply() {
        use madori_editor::suggest::{Edit, Suggestions};
        let text = madori_plan::templates::get("wooden-house-shared").unwrap();
        let r = reply(r#"{"op": "suggest"}"#, text.as_bytes());
        let found: Suggestions = serde_json::from_value(r["ok"].clone()).unwrap();
        assert_eq!(found.capacity, Some(4));
        let first = &found.list[0];
        assert!(matches!(first.edit, Edit::SplitOff { .. }), "{first:?}");
        let plan = format::from_json(text).unwrap();
        let after = first.edit.command().apply(&plan).unwrap();
        let profile = madori_rules::profile::resolve(plan.check.as_ref(), &plan).profile;
        assert_eq!(madori_rules::capacity(&after, &profile).max, Some(5));
        let r = reply(r#"{"op": "suggest"}"#, b"{}");
        assert!(r["err"]["ja"].is_string());
    }

    #[test]
    fn a_survey_lists_layers_encoding_and_unit() {
        let r = reply(r#"{"op": "survey"}"#, HOUSE);
        let ok = &r["ok"];
        assert_eq!(ok["encoding"]["name"], "Shift_JIS");
        assert!(ok["layers"].as_array().unwrap().len() >= 3);
        assert_eq!(ok["proposal"]["unit"], "mm");
    }

    #[test]
    fn an_import_gives_a_plan_the_loader_accepts() {
        let r = reply(r#"{"op": "import", "plan_name": "木造2階建て"}"#, HOUSE);
        let plan = madori_plan::format::from_json(r["ok"]["plan_json"].as_str().unwrap()).unwrap();
        assert_eq!(plan.name, "木造2階建て");
        assert_eq!(plan.storeys.len(), 2);
        assert!(plan.storeys.iter().all(|s| !s.rooms.is_empty()));
    }

    #[test]
    fn the_caller_may_choose_the_unit_and_layers() {
        let survey = reply(r#"{"op": "survey"}"#, HOUSE);
        let layers: Vec<Value> = survey["ok"]["layers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| json!({"name": l["name"], "role": l["role"]}))
            .collect();
        let request = json!({"op": "import", "unit": "mm", "layers": layers}).to_string();
        let r = reply(&request, HOUSE);
        assert_eq!(r["ok"]["unit"], "mm");
        assert_eq!(r["ok"]["unit_from_caller"], true);
    }

    #[test]
    fn bad_requests_and_bad_drawings_say_why_in_both_languages() {
        for (request, bytes) in [
            ("not json", HOUSE),
            (r#"{"op": "paint"}"#, HOUSE),
            (r#"{"op": "import", "unit": "furlong"}"#, HOUSE),
            (r#"{"op": "import", "unit": "paper:0"}"#, HOUSE),
            (
                r#"{"op": "import", "layers": [{"name": "壁", "role": "roof"}]}"#,
                HOUSE,
            ),
            (
                r#"{"op": "survey"}"#,
                b"0\nSECTION\n2\nENTITIES\n0\nLINE\n".as_slice(),
            ),
            (r#"{"op": "import"}"#, b"".as_slice()),
        ] {
            let r = reply(request, bytes);
            let err = &r["err"];
            assert!(
                !err["ja"].as_str().unwrap_or("").is_empty()
                    && !err["en"].as_str().unwrap_or("").is_empty(),
                "{request}: {r}"
            );
        }
    }

    #[test]
    fn a_sheet_is_an_svg_at_exact_paper_size() {
        let plan = madori_plan::templates::get("kodan-3dk").unwrap();
        for (scale, factor) in [(50, 2.0), (100, 1.0), (200, 0.5)] {
            let request = json!({"op": "sheet", "plan_json": plan, "storey": 0, "scale": scale});
            let r = reply(&request.to_string(), b"");
            let ok = &r["ok"];
            let svg = ok["svg"].as_str().unwrap();
            let width = ok["width_mm"].as_f64().unwrap();
            assert!(svg.starts_with("<svg") && svg.contains(&format!("width=\"{width}mm\"")));
            assert!(svg.contains("data-scale=\"1:") && svg.contains(&format!("1:{scale}")));
            let at_100 = reply(
                &json!({"op": "sheet", "plan_json": plan, "storey": 0, "scale": 100}).to_string(),
                b"",
            )["ok"]["width_mm"]
                .as_f64()
                .unwrap();
            // Paper margins and text are fixed on paper; the drawing itself scales.
            assert!(width > 0.0 && (width - at_100 * factor).abs() < at_100 * factor * 0.5);
        }
        for bad in [
            json!({"op": "sheet", "plan_json": "{", "storey": 0}),
            json!({"op": "sheet", "plan_json": plan, "storey": 9}),
            json!({"op": "sheet", "plan_json": plan, "scale": 30}),
        ] {
            assert!(
                reply(&bad.to_string(), b"")["err"]["en"].is_string(),
                "{bad}"
            );
        }
    }

    fn kodan() -> &'static str {
        madori_plan::templates::get("kodan-3dk").unwrap()
    }

    /// kodan-3dk with its first room's second vertex repeated (a repairable defect).
    fn repeated_vertex() -> String {
        let mut plan: Value = serde_json::from_str(kodan()).unwrap();
        let vertex = plan["storeys"][0]["rooms"][0]["polygon"][1].clone();
        plan["storeys"][0]["rooms"][0]["polygon"]
            .as_array_mut()
            .unwrap()
            .insert(1, vertex);
        plan.to_string()
    }

    #[test]
    fn problems_say_which_a_repair_fixes() {
        let r = reply(r#"{"op": "problems"}"#, repeated_vertex().as_bytes());
        let problems = r["ok"]["problems"].as_array().unwrap();
        assert_eq!(problems.len(), 1, "{r}");
        assert_eq!(problems[0]["path"], "storeys[0].rooms[0].polygon[2]");
        assert_eq!(problems[0]["repairable"], true);
        assert!(!problems[0]["ja"].as_str().unwrap().is_empty());
        assert!(!problems[0]["en"].as_str().unwrap().is_empty());
        // The same problems as the loader's, marks included.
        let loader = format::from_json(&repeated_vertex()).unwrap_err();
        assert_eq!(problems[0]["en"], loader[0].message_en.as_str());
        // A file that loads has none; a file no repair fixes has unmarked ones.
        let r = reply(r#"{"op": "problems"}"#, kodan().as_bytes());
        assert_eq!(r["ok"]["problems"], json!([]));
        let r = reply(r#"{"op": "problems"}"#, b"{ not json");
        assert_eq!(r["ok"]["problems"][0]["repairable"], false);
        assert!(reply(r#"{"op": "problems"}"#, &[0xff, 0xfe, 0x00])["err"]["en"].is_string());
    }

    #[test]
    fn a_repair_gives_the_plan_and_lists_each_repair() {
        let r = reply(r#"{"op": "repair"}"#, repeated_vertex().as_bytes());
        let ok = &r["ok"];
        let plan = format::from_json(ok["plan_json"].as_str().unwrap()).unwrap();
        assert_eq!(plan, format::from_json(kodan()).unwrap());
        assert_eq!(ok["repairs"].as_array().unwrap().len(), 1, "{r}");
        assert_eq!(ok["repairs"][0]["path"], "storeys[0].rooms[0].polygon[1]");
        assert!(!ok["repairs"][0]["ja"].as_str().unwrap().is_empty());
        // What no repair fixes is listed, and no plan is given.
        let r = reply(r#"{"op": "repair"}"#, b"{ not json");
        assert!(r["ok"]["plan_json"].is_null());
        assert_eq!(r["ok"]["problems"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn a_share_link_opens_the_same_plan_and_a_broken_one_says_why() {
        let r = reply(r#"{"op": "share_link"}"#, kodan().as_bytes());
        let data = r["ok"]["data"].as_str().unwrap();
        assert_eq!(
            Ok(data.to_owned()),
            share::encode(&format::from_json(kodan()).unwrap())
        );
        let fragment = format!("#{}{data}", share::FRAGMENT_PREFIX);
        let r = reply(
            &json!({"op": "share_open", "fragment": fragment}).to_string(),
            b"",
        );
        let opened = format::from_json(r["ok"]["plan_json"].as_str().unwrap()).unwrap();
        assert_eq!(opened, format::from_json(kodan()).unwrap());
        let broken = format!("#{}1!!!!", share::FRAGMENT_PREFIX);
        let r = reply(
            &json!({"op": "share_open", "fragment": broken}).to_string(),
            b"",
        );
        assert!(r["ok"]["plan_json"].is_null());
        assert!(!r["ok"]["problems"].as_array().unwrap().is_empty());
        // Too large for a link: the reason, in both languages.
        let big = format::to_json(&madori_plan::templates::irregular(1_000, 2, 1));
        let r = reply(r#"{"op": "share_link"}"#, big.as_bytes());
        assert!(
            r["err"]["ja"].as_str().unwrap().contains("大きすぎます"),
            "{r}"
        );
        assert!(r["err"]["en"].as_str().unwrap().contains("too large"));
        // The page sends only valid plans; anything else is refused, not encoded.
        assert!(reply(r#"{"op": "share_link"}"#, b"{}")["err"]["en"].is_string());
    }

    #[test]
    fn a_proposal_prints_marked_against_its_saved_state_and_side_by_side() {
        let mut ed = house_with_existing_state();
        // 1980 mm of the 4550 mm square LDK partitioned off.
        let ldk = &ed.plan.storeys[0]
            .rooms
            .iter()
            .find(|r| r.id == "ldk")
            .unwrap()
            .polygon;
        let x = ldk.iter().map(|p| p.x).max().unwrap() - 1980;
        let (y0, y1) = (
            ldk.iter().map(|p| p.y).min().unwrap(),
            ldk.iter().map(|p| p.y).max().unwrap(),
        );
        ed.apply(madori_editor::Command::SplitRoom {
            room: "ldk".into(),
            a: madori_plan::PointMm::new(x, y0),
            b: madori_plan::PointMm::new(x, y1),
            new_id: "new".into(),
        })
        .unwrap();
        let plan_json = format::to_json(&ed.plan);
        let ask = |compare: &str, width: u32| {
            reply(
                &format!(
                    r#"{{"op": "print", "scale": 100, "width_mm": {width}, "height_mm": 253{compare}}}"#
                ),
                plan_json.as_bytes(),
            )
        };
        let r = ask(r#", "compare": 0"#, 400);
        let ja = r["ok"]["ja"].as_str().unwrap();
        // The 1F sheet marks the new partition; both storeys get a comparison, 1F's side by
        // side on A3 (two 1:100 drawings of a 9 m house fit 400 mm).
        assert_eq!(
            ja.matches(r#"class="wall-added""#).count(),
            2,
            "1F plan + 1F proposal"
        );
        assert!(ja.contains("改修 (「現況」から): 破線 = 撤去する壁、ハッチ = 新設する壁"));
        assert_eq!(ja.matches("data-testid=\"print-compare-sheet\"").count(), 2);
        assert!(ja.contains("<figcaption>現況</figcaption>"));
        assert!(r["ok"]["en"]
            .as_str()
            .unwrap()
            .contains("dashed = walls taken out"));
        // On narrow paper the two go on sheets of their own, never shrunk.
        let r = ask(r#", "compare": 0"#, 200);
        let ja = r["ok"]["ja"].as_str().unwrap();
        assert_eq!(ja.matches("data-testid=\"print-compare-sheet\"").count(), 4);
        // Without a comparison nothing is marked; an unknown state is refused.
        let r = ask("", 400);
        assert!(!r["ok"]["ja"].as_str().unwrap().contains("wall-added"));
        assert!(r["ok"]["ja"].as_str().unwrap().contains("print-plan-sheet"));
        assert!(ask(r#", "compare": 3"#, 400)["err"]["ja"].is_string());
    }

    #[test]
    fn the_printed_sheets_hold_the_area_table_and_the_report_in_both_languages() {
        let text = madori_plan::templates::get("kodan-3dk-shared").unwrap();
        let plan = format::from_json(text).unwrap();
        let r = reply(
            r#"{"op": "print", "today": "2026/11/26", "scale": 100, "width_mm": 400, "height_mm": 253}"#,
            text.as_bytes(),
        );
        let (ja, en) = (
            r["ok"]["ja"].as_str().unwrap(),
            r["ok"]["en"].as_str().unwrap(),
        );
        for expected in [
            "求積表",
            "符号",
            "計算式",
            "延べ面積",
            "判定に使った値と出典",
            "2026/11/26",
        ] {
            assert!(ja.contains(expected), "{expected}");
        }
        for expected in [
            "Area table",
            "Ref.",
            "Calculation",
            "Total floor area",
            "Values used and their sources",
        ] {
            assert!(en.contains(expected), "{expected}");
        }
        // The report is the one the plan's settings give: its capacity and every finding
        // that did not pass.
        let profile = madori_rules::profile::resolve(plan.check.as_ref(), &plan).profile;
        let report = madori_rules::check(&plan, &profile);
        let capacity = madori_rules::capacity(&plan, &profile);
        let not_passed = report
            .findings
            .iter()
            .filter(|f| f.status != madori_rules::Status::Pass)
            .count();
        assert!(not_passed > 0);
        assert_eq!(ja.matches("<li class=\"finding\">").count(), not_passed);
        assert_eq!(en.matches("<li class=\"finding\">").count(), not_passed);
        let max = capacity.max.unwrap();
        assert!(
            ja.contains(&format!("定員上限: {max} {}", capacity.unit)),
            "{ja}"
        );
        assert!(ja.contains(profile.name_ja) && en.contains(profile.name_en));
        let area = madori_rules::area_table::area_table(&plan, profile.rounding());
        for room in area.storeys.iter().flat_map(|s| &s.rooms) {
            assert!(ja.contains(&format!("<td>{}</td>", print::escape(&room.room_name))));
            assert!(
                ja.contains(&print::escape(&room.formula)),
                "{}",
                room.formula
            );
        }
        assert!(ja.contains(&format!(
            "<td class=\"num\" data-testid=\"print-total\">{} ㎡ ({} 帖, {} 坪)</td>",
            area.total.area_m2, area.total.jo, area.total.tsubo
        )));
        // A 平面図 per storey (the drawing as the sheet op gives it), then the two tables.
        let storeys = plan.storeys.len();
        assert_eq!(ja.matches("<section class=\"sheet ").count(), storeys + 2);
        assert_eq!(
            ja.matches("data-testid=\"title-block\"").count(),
            storeys + 2
        );
        assert_eq!(ja.matches("<div class=\"drawing\"><svg").count(), storeys);
        let sheet = reply(
            &json!({"op": "sheet", "plan_json": text, "storey": 0, "scale": 100}).to_string(),
            b"",
        );
        assert!(ja.contains(sheet["ok"]["svg"].as_str().unwrap()));
        assert!(
            ja.contains("平面図 ") && ja.contains("<td>1:100</td>") && en.contains("Floor plan ")
        );
        // A storey larger than the paper at the scale says so, with its size, instead.
        let r = reply(
            r#"{"op": "print", "scale": 50, "width_mm": 100, "height_mm": 100}"#,
            text.as_bytes(),
        );
        let ja = r["ok"]["ja"].as_str().unwrap();
        assert_eq!(
            ja.matches("data-testid=\"print-does-not-fit\"").count(),
            storeys
        );
        assert!(ja.contains("1:50 で") && !ja.contains("<svg"));
        assert!(r["ok"]["en"]
            .as_str()
            .unwrap()
            .contains("does not fit the paper"));
        // A refused plan or scale is a protocol error.
        assert!(reply(r#"{"op": "print"}"#, b"{")["err"]["en"].is_string());
        assert!(reply(r#"{"op": "print", "scale": 30}"#, text.as_bytes())["err"]["en"].is_string());
    }

    #[test]
    fn printed_text_from_the_plan_is_escaped() {
        let mut plan = format::from_json(kodan()).unwrap();
        plan.name = "<script>alert('x')</script> & \"A\"".to_owned();
        plan.storeys[0].rooms[0].name = "<b>洋室</b>".to_owned();
        let r = reply(
            &json!({"op": "print", "today": "<i>"}).to_string(),
            format::to_json(&plan).as_bytes(),
        );
        let ja = r["ok"]["ja"].as_str().unwrap();
        assert!(!ja.contains("<script>") && !ja.contains("<b>") && !ja.contains("<i>"));
        assert!(ja.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;A&quot;"));
        assert!(ja.contains("&lt;b&gt;洋室&lt;/b&gt;") && ja.contains("&lt;i&gt;"));
        assert_eq!(print::escape("a<>&\"'b"), "a&lt;&gt;&amp;&quot;&#39;b");
    }

    #[test]
    fn an_embedded_sheet_is_placed_in_plan_millimetres_without_the_hidden_layers() {
        let plan = madori_plan::templates::get("kodan-3dk").unwrap();
        let request = json!({"op": "sheet", "plan_json": plan, "storey": 0, "embed": true,
            "hidden": ["room-name", "wall-centre"]});
        let r = reply(&request.to_string(), b"");
        let svg = r["ok"]["svg"].as_str().unwrap();
        assert!(!svg.contains("mm\""), "no paper size left: {}", &svg[..200]);
        assert!(svg.contains(" x=\"") && svg.contains(" width=\""));
        let full = reply(
            &json!({"op": "sheet", "plan_json": plan, "storey": 0}).to_string(),
            b"",
        );
        let full = full["ok"]["svg"].as_str().unwrap();
        let name = &madori_plan::format::from_json(plan).unwrap().storeys[0].rooms[0].name;
        assert!(
            full.contains(name.as_str()) && !svg.contains(name.as_str()),
            "room names hidden"
        );
    }

    #[test]
    fn a_dxf_export_reads_back_through_the_importer() {
        use base64::Engine;
        let plan_json = madori_plan::templates::get("wooden-house-shared").unwrap();
        let plan = madori_plan::format::from_json(plan_json).unwrap();
        for format in ["r12", "r2007"] {
            let r = reply(
                &json!({"op": "dxf", "plan_json": plan_json, "format": format}).to_string(),
                b"",
            );
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(r["ok"]["base64"].as_str().unwrap())
                .unwrap();
            assert_eq!(bytes.len() as u64, r["ok"]["bytes"].as_u64().unwrap());
            let survey = madori_cad::survey(&bytes).unwrap();
            let options = madori_cad::ImportOptions {
                layers: Some(madori_cad::reimport_layers(&survey)),
                ..madori_cad::ImportOptions::default()
            };
            let back = madori_cad::import(&bytes, &options).unwrap().plan;
            assert_eq!(back.storeys.len(), plan.storeys.len(), "{format}");
            for (a, b) in back.storeys.iter().zip(&plan.storeys) {
                assert_eq!(a.rooms.len(), b.rooms.len(), "{format}");
            }
        }
        assert!(reply(
            &json!({"op": "dxf", "plan_json": plan_json, "format": "r14"}).to_string(),
            b""
        )["err"]
            .is_object());
    }

    #[test]
    fn unit_and_role_names_round_trip() {
        for unit in [
            Unit::Millimetre,
            Unit::Centimetre,
            Unit::Metre,
            Unit::Inch,
            Unit::Foot,
            Unit::PaperMm { scale: 1 },
            Unit::PaperMm { scale: 10_000 },
        ] {
            assert_eq!(parse_unit(&unit_name(unit)), Some(unit));
        }
        assert_eq!(parse_unit("paper:10001"), None);
        for role in [
            LayerRole::Walls,
            LayerRole::ReferenceLines,
            LayerRole::Openings,
            LayerRole::Labels,
            LayerRole::Ignore,
        ] {
            assert_eq!(parse_role(role_name(role)), Some(role));
        }
    }
}
