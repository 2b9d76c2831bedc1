//! Plans as this program writes them for itself: [`to_json`] writes a plan as compact JSON in
//! the current format version (the same content as [`crate::format::to_json_compact`]), and
//! [`from_json`] reads back such a text (every field `to_json` writes, the optional ones left
//! out or not).
//!
//! The app writes its own plans (autosave, the library, questions to the worker) with this
//! writer, and reads them (and templates, and the worker's answers) with this reader; user
//! files go through [`crate::format`]. The writer and the reader are a few kilobytes where
//! serde's derives for the whole model are tens, and the page's first download holds only
//! these.
//!
//! Reading: The full loader migrates old
//! versions and lists every problem with its path and a repair; that is most of the code the
//! serde derives and the pre-check generate, and the page loads it on demand. This reader is
//! a few kilobytes: it takes a value apart field by field and stops at the first thing
//! `to_json` would not have written, saying where. It never guesses: an unknown field, an
//! old version or a wrong type is refused (the caller then uses the full loader), and it
//! does not validate (the caller does, as for any plan).
//!
//! Every struct is built with all its fields named, and taken apart the same way for
//! writing, so a field added to the model does not compile until both handle it; the tests
//! read back every template and plans with every optional field set, and compare both ways
//! with serde's.

use crate::format::FORMAT_VERSION;
use crate::geometry::PointMm;
use crate::model::*;
use serde_json::{Map, Value};
use std::fmt::Write;

/// Where a text stops being a plan as `to_json` writes it: a path such as
/// `storeys[0].rooms[2].kind` (empty: the text itself, e.g. not JSON).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotCanonical {
    /// The path of the first value not as written.
    pub path: String,
}

type Read<T> = Result<T, NotCanonical>;

impl NotCanonical {
    fn here() -> Self {
        Self {
            path: String::new(),
        }
    }

    /// The same place, seen from the object holding it under `key`.
    fn under(mut self, key: &str) -> Self {
        self.path = match self.path.chars().next() {
            None => key.to_owned(),
            Some('[') => format!("{key}{}", self.path),
            Some(_) => format!("{key}.{}", self.path),
        };
        self
    }

    /// The same place, seen from the array holding it at `index`.
    fn at(mut self, index: usize) -> Self {
        self.path = match self.path.chars().next() {
            None | Some('[') => format!("[{index}]{}", self.path),
            Some(_) => format!("[{index}].{}", self.path),
        };
        self
    }
}

/// Reads a plan from JSON this program wrote (see the module documentation).
pub fn from_json(text: &str) -> Result<Plan, NotCanonical> {
    let value: Value = serde_json::from_str(text).map_err(|_| NotCanonical::here())?;
    plan(&value)
}

/// Reads a plan from a JSON value this program wrote.
pub fn plan(v: &Value) -> Read<Plan> {
    let o = Object::new(
        v,
        &[
            "format_version",
            "name",
            "dwelling",
            "storeys",
            "check",
            "variants",
            "images",
        ],
    )?;
    let format_version = o.required("format_version", number::<u32>)?;
    if format_version != FORMAT_VERSION {
        return Err(NotCanonical::here().under("format_version"));
    }
    Ok(Plan {
        format_version,
        name: o.required("name", string)?,
        dwelling: o.required("dwelling", dwelling)?,
        storeys: o.required("storeys", |v| list(v, storey))?,
        check: o.optional("check", check)?,
        variants: o.or_default("variants", |v| list(v, variant))?,
        images: o.or_default("images", |v| list(v, image))?,
    })
}

fn check(v: &Value) -> Read<CheckSettings> {
    let o = Object::new(v, &["profile", "local_override", "values"])?;
    Ok(CheckSettings {
        profile: o.required("profile", string)?,
        local_override: o.optional("local_override", string)?,
        values: o.or_default("values", |v| list(v, check_value))?,
    })
}

fn check_value(v: &Value) -> Read<CheckValue> {
    let o = Object::new(v, &["key", "value", "source"])?;
    Ok(CheckValue {
        key: o.required("key", string)?,
        value: o.required("value", float)?,
        source: o.required("source", string)?,
    })
}

fn variant(v: &Value) -> Read<Variant> {
    let o = Object::new(v, &["id", "name", "note", "dwelling", "check", "storeys"])?;
    Ok(Variant {
        id: o.required("id", string)?,
        name: o.required("name", string)?,
        note: o.or_default("note", string)?,
        dwelling: o.required("dwelling", dwelling)?,
        check: o.optional("check", check)?,
        storeys: o.required("storeys", |v| list(v, storey))?,
    })
}

fn image(v: &Value) -> Read<EmbeddedImage> {
    let o = Object::new(v, &["id", "data_url"])?;
    Ok(EmbeddedImage {
        id: o.required("id", string)?,
        data_url: o.required("data_url", string)?,
    })
}

fn dwelling(v: &Value) -> Read<Dwelling> {
    let o = Object::new(
        v,
        &[
            "construction",
            "status",
            "year_built",
            "construction_started",
            "permit_date",
            "seismic_assessment_passed",
            "fire_resistant",
            "target_household",
        ],
    )?;
    Ok(Dwelling {
        construction: o.required("construction", |v| {
            named(
                v,
                &[
                    ("wooden", Construction::Wooden),
                    ("rc", Construction::Rc),
                    ("steel", Construction::Steel),
                ],
            )
        })?,
        status: o.required("status", |v| {
            named(
                v,
                &[
                    ("existing", BuildingStatus::Existing),
                    ("new", BuildingStatus::New),
                ],
            )
        })?,
        year_built: o.optional("year_built", |v| {
            v.as_i64()
                .and_then(|n| i32::try_from(n).ok())
                .ok_or_else(NotCanonical::here)
        })?,
        construction_started: o.optional("construction_started", string)?,
        permit_date: o.optional("permit_date", string)?,
        seismic_assessment_passed: o.optional("seismic_assessment_passed", boolean)?,
        fire_resistant: o.or_default("fire_resistant", boolean)?,
        target_household: o.optional("target_household", |v| {
            named(
                v,
                &[
                    ("shared_single", HouseholdTarget::SharedSingle),
                    ("shared_single_parent", HouseholdTarget::SharedSingleParent),
                    ("shared_elderly", HouseholdTarget::SharedElderly),
                    ("household", HouseholdTarget::Household),
                ],
            )
        })?,
    })
}

fn storey(v: &Value) -> Read<Storey> {
    let o = Object::new(
        v,
        &[
            "id",
            "name",
            "ceiling_height_mm",
            "rooms",
            "openings",
            "fixtures",
            "underlay",
        ],
    )?;
    Ok(Storey {
        id: o.required("id", string)?,
        name: o.required("name", string)?,
        ceiling_height_mm: o.optional("ceiling_height_mm", number::<u32>)?,
        rooms: o.or_default("rooms", |v| list(v, room))?,
        openings: o.or_default("openings", |v| list(v, opening))?,
        fixtures: o.or_default("fixtures", |v| list(v, fixture))?,
        underlay: o.optional("underlay", underlay)?,
    })
}

fn underlay(v: &Value) -> Read<Underlay> {
    let o = Object::new(
        v,
        &[
            "image",
            "width_px",
            "height_px",
            "origin",
            "mm_per_px",
            "rotation_deg",
            "opacity_percent",
            "hidden",
            "locked",
        ],
    )?;
    Ok(Underlay {
        image: o.required("image", string)?,
        width_px: o.required("width_px", number::<u32>)?,
        height_px: o.required("height_px", number::<u32>)?,
        origin: o.required("origin", point)?,
        mm_per_px: o.required("mm_per_px", float)?,
        rotation_deg: o.or_default("rotation_deg", float)?,
        opacity_percent: o.required("opacity_percent", number::<u8>)?,
        hidden: o.or_default("hidden", boolean)?,
        locked: o.or_default("locked", boolean)?,
    })
}

fn room(v: &Value) -> Read<Room> {
    let o = Object::new(
        v,
        &[
            "id",
            "name",
            "kind",
            "polygon",
            "wall_thickness_mm",
            "belongs_to",
            "occupancy",
            "lockable",
            "mechanical_ventilation",
            "ceiling_height_mm",
        ],
    )?;
    Ok(Room {
        id: o.required("id", string)?,
        name: o.required("name", string)?,
        kind: o.required("kind", |v| {
            let name = v.as_str().ok_or_else(NotCanonical::here)?;
            RoomKind::ALL
                .into_iter()
                .find(|k| k.as_str() == name)
                .ok_or_else(NotCanonical::here)
        })?,
        polygon: o.required("polygon", |v| list(v, point))?,
        wall_thickness_mm: o.or_default("wall_thickness_mm", |v| {
            list(v, |v| match v {
                Value::Null => Ok(None),
                v => number::<u32>(v).map(Some),
            })
        })?,
        belongs_to: o.optional("belongs_to", string)?,
        occupancy: o.optional("occupancy", occupancy)?,
        lockable: o.or_default("lockable", boolean)?,
        mechanical_ventilation: o.or_default("mechanical_ventilation", boolean)?,
        ceiling_height_mm: o.optional("ceiling_height_mm", number::<u32>)?,
    })
}

/// `{"persons": 2}`, `{"single_parent": {"children_ages": [..]}}` or
/// `{"household": {"adults": 2, "children_ages": [..]}}`.
fn occupancy(v: &Value) -> Read<Occupancy> {
    let map = v.as_object().ok_or_else(NotCanonical::here)?;
    let mut entries = map.iter();
    let (Some((tag, inner)), None) = (entries.next(), entries.next()) else {
        return Err(NotCanonical::here());
    };
    let ages = |o: &Object| o.required("children_ages", |v| list(v, number::<u8>));
    let read = match tag.as_str() {
        "persons" => number::<u32>(inner).map(Occupancy::Persons),
        "single_parent" => Object::new(inner, &["children_ages"]).and_then(|o| {
            Ok(Occupancy::SingleParent {
                children_ages: ages(&o)?,
            })
        }),
        "household" => Object::new(inner, &["adults", "children_ages"]).and_then(|o| {
            Ok(Occupancy::Household {
                adults: o.required("adults", number::<u32>)?,
                children_ages: ages(&o)?,
            })
        }),
        _ => Err(NotCanonical::here()),
    };
    read.map_err(|e| e.under(tag))
}

fn opening(v: &Value) -> Read<Opening> {
    let o = Object::new(v, &["id", "room", "edge", "offset_mm", "width_mm", "kind"])?;
    Ok(Opening {
        id: o.required("id", string)?,
        room: o.required("room", string)?,
        edge: o.required("edge", number::<usize>)?,
        offset_mm: o.required("offset_mm", number::<u32>)?,
        width_mm: o.required("width_mm", number::<u32>)?,
        kind: o.required("kind", opening_kind)?,
    })
}

fn opening_kind(v: &Value) -> Read<OpeningKind> {
    let tag = v
        .get("type")
        .and_then(Value::as_str)
        .ok_or_else(|| NotCanonical::here().under("type"))?;
    match tag {
        "door" => {
            let o = Object::new(v, &["type", "lockable", "operation"])?;
            Ok(OpeningKind::Door {
                lockable: o.optional("lockable", boolean)?,
                operation: o.optional("operation", |v| {
                    let name = v.as_str().ok_or_else(NotCanonical::here)?;
                    DoorOperation::ALL
                        .into_iter()
                        .find(|d| d.as_str() == name)
                        .ok_or_else(NotCanonical::here)
                })?,
            })
        }
        "window" => {
            let o = Object::new(v, &["type", "height_mm", "exterior", "operation"])?;
            Ok(OpeningKind::Window {
                height_mm: o.optional("height_mm", number::<u32>)?,
                exterior: o.required("exterior", boolean)?,
                operation: o.required("operation", |v| {
                    named(
                        v,
                        &[
                            ("fixed", WindowOperation::Fixed),
                            ("sliding", WindowOperation::Sliding),
                            ("casement", WindowOperation::Casement),
                        ],
                    )
                })?,
            })
        }
        _ => Err(NotCanonical::here().under("type")),
    }
}

fn fixture(v: &Value) -> Read<Fixture> {
    let o = Object::new(v, &["id", "room", "at", "kind"])?;
    Ok(Fixture {
        id: o.required("id", string)?,
        room: o.required("room", string)?,
        at: o.required("at", point)?,
        kind: o.required("kind", fixture_kind)?,
    })
}

fn fixture_kind(v: &Value) -> Read<FixtureKind> {
    let tag = v
        .get("type")
        .and_then(Value::as_str)
        .ok_or_else(|| NotCanonical::here().under("type"))?;
    let only_type = |kind: FixtureKind| Object::new(v, &["type"]).map(|_| kind);
    match tag {
        "toilet" => only_type(FixtureKind::Toilet),
        "shower" => only_type(FixtureKind::Shower),
        "washing_machine" => only_type(FixtureKind::WashingMachine),
        "stairs" => only_type(FixtureKind::Stairs),
        "wash_basin" => {
            let o = Object::new(v, &["type", "bowls"])?;
            Ok(FixtureKind::WashBasin {
                bowls: o.required("bowls", number::<u32>)?,
            })
        }
        "bath" => {
            let o = Object::new(v, &["type", "tub"])?;
            Ok(FixtureKind::Bath {
                tub: o.required("tub", boolean)?,
            })
        }
        "kitchen" => {
            let o = Object::new(v, &["type", "burners", "sink"])?;
            Ok(FixtureKind::Kitchen {
                burners: o.required("burners", number::<u32>)?,
                sink: o.required("sink", boolean)?,
            })
        }
        _ => Err(NotCanonical::here().under("type")),
    }
}

/// An object with only the `known` fields.
struct Object<'a>(&'a Map<String, Value>);

impl<'a> Object<'a> {
    fn new(v: &'a Value, known: &[&str]) -> Read<Self> {
        let map = v.as_object().ok_or_else(NotCanonical::here)?;
        match map.keys().find(|k| !known.contains(&k.as_str())) {
            Some(unknown) => Err(NotCanonical::here().under(unknown)),
            None => Ok(Self(map)),
        }
    }

    /// A field `to_json` always writes.
    fn required<T>(&self, key: &str, read: impl FnOnce(&Value) -> Read<T>) -> Read<T> {
        let v = self
            .0
            .get(key)
            .ok_or_else(|| NotCanonical::here().under(key))?;
        read(v).map_err(|e| e.under(key))
    }

    /// An optional field, left out (or `null`) when there is none.
    fn optional<T>(&self, key: &str, read: impl FnOnce(&Value) -> Read<T>) -> Read<Option<T>> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => read(v).map(Some).map_err(|e| e.under(key)),
        }
    }

    /// A field whose absence means its default (`false`, empty).
    fn or_default<T: Default>(&self, key: &str, read: impl FnOnce(&Value) -> Read<T>) -> Read<T> {
        match self.0.get(key) {
            None => Ok(T::default()),
            Some(v) => read(v).map_err(|e| e.under(key)),
        }
    }
}

fn list<T>(v: &Value, read: impl Fn(&Value) -> Read<T>) -> Read<Vec<T>> {
    let items = v.as_array().ok_or_else(NotCanonical::here)?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| read(item).map_err(|e| e.at(i)))
        .collect()
}

fn string(v: &Value) -> Read<String> {
    v.as_str().map(str::to_owned).ok_or_else(NotCanonical::here)
}

fn boolean(v: &Value) -> Read<bool> {
    v.as_bool().ok_or_else(NotCanonical::here)
}

/// A whole number that fits `T` (a negative or fractional one does not).
fn number<T: TryFrom<u64>>(v: &Value) -> Read<T> {
    v.as_u64()
        .and_then(|n| T::try_from(n).ok())
        .ok_or_else(NotCanonical::here)
}

fn float(v: &Value) -> Read<f64> {
    v.as_f64().ok_or_else(NotCanonical::here)
}

/// `[x, y]` in whole millimetres.
fn point(v: &Value) -> Read<PointMm> {
    match v.as_array().map(Vec::as_slice) {
        Some([x, y]) => {
            let coordinate =
                |c: &Value, i: usize| c.as_i64().ok_or_else(|| NotCanonical::here().at(i));
            Ok(PointMm::new(coordinate(x, 0)?, coordinate(y, 1)?))
        }
        _ => Err(NotCanonical::here()),
    }
}

/// One of `names`, by its name in the file.
fn named<T: Copy>(v: &Value, names: &[(&str, T)]) -> Read<T> {
    let name = v.as_str().ok_or_else(NotCanonical::here)?;
    names
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .ok_or_else(NotCanonical::here)
}

/// Writes a plan as compact JSON in the current format version (see the module
/// documentation): what [`crate::format::to_json_compact`] writes, keys in the same order.
pub fn to_json(plan: &Plan) -> String {
    let mut out = Json(String::with_capacity(256));
    out.plan(plan);
    out.0
}

/// A JSON text being written. Each value method writes one value; `field` writes a key
/// and its value inside an object, a comma before all but the first.
struct Json(String);

impl Json {
    fn object(&mut self, fields: impl FnOnce(&mut Fields)) {
        self.0.push('{');
        fields(&mut Fields {
            out: self,
            first: true,
        });
        self.0.push('}');
    }

    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Self, &T)) {
        self.0.push('[');
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            item(self, x);
        }
        self.0.push(']');
    }

    fn string(&mut self, s: &str) {
        self.0.push('"');
        for c in s.chars() {
            match c {
                '"' => self.0.push_str("\\\""),
                '\\' => self.0.push_str("\\\\"),
                '\n' => self.0.push_str("\\n"),
                '\r' => self.0.push_str("\\r"),
                '\t' => self.0.push_str("\\t"),
                '\u{8}' => self.0.push_str("\\b"),
                '\u{c}' => self.0.push_str("\\f"),
                c if u32::from(c) < 0x20 => {
                    let _ = write!(self.0, "\\u{:04x}", u32::from(c));
                }
                c => self.0.push(c),
            }
        }
        self.0.push('"');
    }

    fn number(&mut self, n: impl std::fmt::Display) {
        let _ = write!(self.0, "{n}");
    }

    /// A finite number as JSON (the model's numbers are finite: validation bounds them); a
    /// non-finite one, which JSON cannot hold, is written as `null`, as serde writes it.
    fn float(&mut self, x: f64) {
        if x.is_finite() {
            let _ = write!(self.0, "{x:?}");
        } else {
            self.0.push_str("null");
        }
    }

    fn boolean(&mut self, b: bool) {
        self.0.push_str(if b { "true" } else { "false" });
    }

    fn point(&mut self, p: PointMm) {
        let _ = write!(self.0, "[{},{}]", p.x, p.y);
    }

    fn plan(&mut self, plan: &Plan) {
        let Plan {
            format_version: _,
            name,
            dwelling,
            storeys,
            check,
            variants,
            images,
        } = plan;
        self.object(|o| {
            o.field("format_version", |j| j.number(FORMAT_VERSION));
            o.field("name", |j| j.string(name));
            o.field("dwelling", |j| j.dwelling(dwelling));
            o.field("storeys", |j| j.list(storeys, Self::storey));
            if let Some(check) = check {
                o.field("check", |j| j.check(check));
            }
            if !variants.is_empty() {
                o.field("variants", |j| j.list(variants, Self::variant));
            }
            if !images.is_empty() {
                o.field("images", |j| {
                    j.list(images, |j, image| {
                        let EmbeddedImage { id, data_url } = image;
                        j.object(|o| {
                            o.field("id", |j| j.string(id));
                            o.field("data_url", |j| j.string(data_url));
                        })
                    })
                });
            }
        })
    }

    fn check(&mut self, check: &CheckSettings) {
        let CheckSettings {
            profile,
            local_override,
            values,
        } = check;
        self.object(|o| {
            o.field("profile", |j| j.string(profile));
            if let Some(local) = local_override {
                o.field("local_override", |j| j.string(local));
            }
            if !values.is_empty() {
                o.field("values", |j| {
                    j.list(values, |j, v| {
                        let CheckValue { key, value, source } = v;
                        j.object(|o| {
                            o.field("key", |j| j.string(key));
                            o.field("value", |j| j.float(*value));
                            o.field("source", |j| j.string(source));
                        })
                    })
                });
            }
        })
    }

    fn variant(&mut self, variant: &Variant) {
        let Variant {
            id,
            name,
            note,
            dwelling,
            check,
            storeys,
        } = variant;
        self.object(|o| {
            o.field("id", |j| j.string(id));
            o.field("name", |j| j.string(name));
            if !note.is_empty() {
                o.field("note", |j| j.string(note));
            }
            o.field("dwelling", |j| j.dwelling(dwelling));
            if let Some(check) = check {
                o.field("check", |j| j.check(check));
            }
            o.field("storeys", |j| j.list(storeys, Self::storey));
        })
    }

    fn dwelling(&mut self, dwelling: &Dwelling) {
        let Dwelling {
            construction,
            status,
            year_built,
            construction_started,
            permit_date,
            seismic_assessment_passed,
            fire_resistant,
            target_household,
        } = dwelling;
        self.object(|o| {
            o.field("construction", |j| {
                j.string(match construction {
                    Construction::Wooden => "wooden",
                    Construction::Rc => "rc",
                    Construction::Steel => "steel",
                })
            });
            o.field("status", |j| {
                j.string(match status {
                    BuildingStatus::Existing => "existing",
                    BuildingStatus::New => "new",
                })
            });
            if let Some(year) = year_built {
                o.field("year_built", |j| j.number(year));
            }
            if let Some(date) = construction_started {
                o.field("construction_started", |j| j.string(date));
            }
            if let Some(date) = permit_date {
                o.field("permit_date", |j| j.string(date));
            }
            if let Some(passed) = seismic_assessment_passed {
                o.field("seismic_assessment_passed", |j| j.boolean(*passed));
            }
            o.field("fire_resistant", |j| j.boolean(*fire_resistant));
            if let Some(target) = target_household {
                o.field("target_household", |j| {
                    j.string(match target {
                        HouseholdTarget::SharedSingle => "shared_single",
                        HouseholdTarget::SharedSingleParent => "shared_single_parent",
                        HouseholdTarget::SharedElderly => "shared_elderly",
                        HouseholdTarget::Household => "household",
                    })
                });
            }
        })
    }

    fn storey(&mut self, storey: &Storey) {
        let Storey {
            id,
            name,
            ceiling_height_mm,
            rooms,
            openings,
            fixtures,
            underlay,
        } = storey;
        self.object(|o| {
            o.field("id", |j| j.string(id));
            o.field("name", |j| j.string(name));
            if let Some(height) = ceiling_height_mm {
                o.field("ceiling_height_mm", |j| j.number(height));
            }
            o.field("rooms", |j| j.list(rooms, Self::room));
            o.field("openings", |j| j.list(openings, Self::opening));
            o.field("fixtures", |j| j.list(fixtures, Self::fixture));
            if let Some(underlay) = underlay {
                o.field("underlay", |j| j.underlay(underlay));
            }
        })
    }

    fn underlay(&mut self, underlay: &Underlay) {
        let Underlay {
            image,
            width_px,
            height_px,
            origin,
            mm_per_px,
            rotation_deg,
            opacity_percent,
            hidden,
            locked,
        } = underlay;
        self.object(|o| {
            o.field("image", |j| j.string(image));
            o.field("width_px", |j| j.number(width_px));
            o.field("height_px", |j| j.number(height_px));
            o.field("origin", |j| j.point(*origin));
            o.field("mm_per_px", |j| j.float(*mm_per_px));
            o.field("rotation_deg", |j| j.float(*rotation_deg));
            o.field("opacity_percent", |j| j.number(opacity_percent));
            o.field("hidden", |j| j.boolean(*hidden));
            o.field("locked", |j| j.boolean(*locked));
        })
    }

    fn room(&mut self, room: &Room) {
        let Room {
            id,
            name,
            kind,
            polygon,
            wall_thickness_mm,
            belongs_to,
            occupancy,
            lockable,
            mechanical_ventilation,
            ceiling_height_mm,
        } = room;
        self.object(|o| {
            o.field("id", |j| j.string(id));
            o.field("name", |j| j.string(name));
            o.field("kind", |j| j.string(kind.as_str()));
            o.field("polygon", |j| j.list(polygon, |j, p| j.point(*p)));
            if !wall_thickness_mm.is_empty() {
                o.field("wall_thickness_mm", |j| {
                    j.list(wall_thickness_mm, |j, t| match t {
                        Some(t) => j.number(t),
                        None => j.0.push_str("null"),
                    })
                });
            }
            if let Some(unit) = belongs_to {
                o.field("belongs_to", |j| j.string(unit));
            }
            if let Some(occupancy) = occupancy {
                o.field("occupancy", |j| j.occupancy(occupancy));
            }
            o.field("lockable", |j| j.boolean(*lockable));
            o.field("mechanical_ventilation", |j| {
                j.boolean(*mechanical_ventilation)
            });
            if let Some(height) = ceiling_height_mm {
                o.field("ceiling_height_mm", |j| j.number(height));
            }
        })
    }

    fn occupancy(&mut self, occupancy: &Occupancy) {
        let ages = |j: &mut Self, ages: &[u8]| j.list(ages, |j, a| j.number(a));
        self.object(|o| match occupancy {
            Occupancy::Persons(n) => o.field("persons", |j| j.number(n)),
            Occupancy::SingleParent { children_ages } => o.field("single_parent", |j| {
                j.object(|o| o.field("children_ages", |j| ages(j, children_ages)))
            }),
            Occupancy::Household {
                adults,
                children_ages,
            } => o.field("household", |j| {
                j.object(|o| {
                    o.field("adults", |j| j.number(adults));
                    o.field("children_ages", |j| ages(j, children_ages));
                })
            }),
        })
    }

    fn opening(&mut self, opening: &Opening) {
        let Opening {
            id,
            room,
            edge,
            offset_mm,
            width_mm,
            kind,
        } = opening;
        self.object(|o| {
            o.field("id", |j| j.string(id));
            o.field("room", |j| j.string(room));
            o.field("edge", |j| j.number(edge));
            o.field("offset_mm", |j| j.number(offset_mm));
            o.field("width_mm", |j| j.number(width_mm));
            o.field("kind", |j| {
                j.object(|o| match kind {
                    OpeningKind::Door {
                        lockable,
                        operation,
                    } => {
                        o.field("type", |j| j.string("door"));
                        if let Some(lockable) = lockable {
                            o.field("lockable", |j| j.boolean(*lockable));
                        }
                        if let Some(operation) = operation {
                            o.field("operation", |j| j.string(operation.as_str()));
                        }
                    }
                    OpeningKind::Window {
                        height_mm,
                        exterior,
                        operation,
                    } => {
                        o.field("type", |j| j.string("window"));
                        if let Some(height) = height_mm {
                            o.field("height_mm", |j| j.number(height));
                        }
                        o.field("exterior", |j| j.boolean(*exterior));
                        o.field("operation", |j| {
                            j.string(match operation {
                                WindowOperation::Fixed => "fixed",
                                WindowOperation::Sliding => "sliding",
                                WindowOperation::Casement => "casement",
                            })
                        });
                    }
                })
            });
        })
    }

    fn fixture(&mut self, fixture: &Fixture) {
        let Fixture { id, room, at, kind } = fixture;
        self.object(|o| {
            o.field("id", |j| j.string(id));
            o.field("room", |j| j.string(room));
            o.field("at", |j| j.point(*at));
            o.field("kind", |j| {
                j.object(|o| {
                    let name = match kind {
                        FixtureKind::Toilet => "toilet",
                        FixtureKind::WashBasin { .. } => "wash_basin",
                        FixtureKind::Bath { .. } => "bath",
                        FixtureKind::Shower => "shower",
                        FixtureKind::WashingMachine => "washing_machine",
                        FixtureKind::Kitchen { .. } => "kitchen",
                        FixtureKind::Stairs => "stairs",
                    };
                    o.field("type", |j| j.string(name));
                    match kind {
                        FixtureKind::WashBasin { bowls } => o.field("bowls", |j| j.number(bowls)),
                        FixtureKind::Bath { tub } => o.field("tub", |j| j.boolean(*tub)),
                        FixtureKind::Kitchen { burners, sink } => {
                            o.field("burners", |j| j.number(burners));
                            o.field("sink", |j| j.boolean(*sink));
                        }
                        FixtureKind::Toilet
                        | FixtureKind::Shower
                        | FixtureKind::WashingMachine
                        | FixtureKind::Stairs => {}
                    }
                })
            });
        })
    }
}

/// The fields of an object being written.
struct Fields<'a> {
    out: &'a mut Json,
    first: bool,
}

impl Fields<'_> {
    fn field(&mut self, key: &str, value: impl FnOnce(&mut Json)) {
        if !self.first {
            self.out.0.push(',');
        }
        self.first = false;
        self.out.string(key);
        self.out.0.push(':');
        value(self.out);
    }
}
