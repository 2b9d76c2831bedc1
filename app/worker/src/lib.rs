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
//!   for Jw_cad, or R2007 with UTF-8), its bytes in base64 (`base64`).
//!
//! Replies: `{"ok": {…}}` or `{"err": {"ja": "…", "en": "…"}}`.

use madori_cad::{ImportOptions, LayerChoice, LayerRole, LayerSummary, Unit, UnitProposal, Unused};
use serde_json::{json, Value};

/// Answers one request about `bytes`.
pub fn respond(request: &str, bytes: &[u8]) -> String {
    let reply = match serde_json::from_str::<Value>(request) {
        Ok(request) => match request.get("op").and_then(Value::as_str) {
            Some("survey") => survey(bytes),
            Some("import") => import(&request, bytes),
            Some("sheet") => sheet(&request),
            Some("dxf") => dxf(&request),
            _ => error("不明な要求です", "unknown request"),
        },
        Err(_) => error("要求が JSON ではありません", "the request is not JSON"),
    };
    reply.to_string()
}

fn error(ja: &str, en: &str) -> Value {
    json!({"err": {"ja": ja, "en": en}})
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
    use madori_drawing::{AreaBasis, DrawingOptions, Module, Scale, SvgOptions};
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
    let scale = match request["scale"].as_u64() {
        Some(50) => Scale::S50,
        Some(200) => Scale::S200,
        Some(100) | None => Scale::S100,
        Some(_) => {
            return error(
                "縮尺は 1:50、1:100、1:200 です",
                "the scale is 1:50, 1:100 or 1:200",
            )
        }
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
