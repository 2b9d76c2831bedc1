//! From a [`dxf::Drawing`] to flat primitives in drawing units (DXF world coordinates,
//! y up): straight segments, arcs and texts, each with its layer. Blocks are expanded with
//! their transforms (nested up to [`MAX_BLOCK_DEPTH`], within [`MAX_PRIMITIVES`]); entities
//! on layer `0` inside a block take the layer of the INSERT, as DXF defines.

use crate::text;
use crate::unused::{Reason, UnusedLog};
use crate::{ErrorKind, ImportError, MAX_BLOCK_DEPTH, MAX_PRIMITIVES};
use dxf::entities::{Entity, EntityType};
use dxf::enums::{AttachmentPoint, HorizontalTextJustification, VerticalTextJustification};
use std::collections::{BTreeMap, HashMap};

/// Coordinates beyond this (in drawing units) are refused as corrupt: 10¹² is a million
/// kilometres in millimetres.
const MAX_ABS_COORDINATE: f64 = 1e12;

/// A point in drawing units.
pub type Xy = [f64; 2];

/// One primitive.
#[derive(Clone, Debug)]
pub enum Shape {
    /// A straight segment.
    Seg(Xy, Xy),
    /// An arc running counter-clockwise (DXF sense, y up) from `start` to `end` degrees.
    Arc {
        /// Centre.
        centre: Xy,
        /// Radius.
        radius: f64,
        /// Start angle, degrees.
        start: f64,
        /// End angle, degrees.
        end: f64,
    },
    /// A text, at the estimated centre of its box.
    Text {
        /// Estimated centre.
        centre: Xy,
        /// Plain text.
        value: String,
    },
}

/// A primitive with where it came from.
#[derive(Clone, Debug)]
pub struct Item {
    /// The geometry.
    pub shape: Shape,
    /// Index into [`Extracted::layers`].
    pub layer: usize,
    /// The DXF entity type it came from.
    pub entity: &'static str,
}

/// Everything the drawing holds, flattened.
pub struct Extracted {
    /// Layer names, in first-seen order.
    pub layers: Vec<String>,
    /// Entity counts by layer and type (after block expansion; INSERTs count too).
    pub counts: Vec<BTreeMap<&'static str, usize>>,
    /// The primitives.
    pub items: Vec<Item>,
    /// What could not be read.
    pub unused: UnusedLog,
    /// `$INSUNITS` as the header says it.
    pub insunits: dxf::enums::Units,
    /// `$ACADVER`.
    pub version: String,
}

/// A 2D affine map `(x, y) → (a x + b y + c, d x + e y + f)`.
#[derive(Clone, Copy, Debug)]
struct Affine([f64; 6]);

impl Affine {
    const IDENTITY: Self = Self([1.0, 0.0, 0.0, 0.0, 1.0, 0.0]);

    fn apply(&self, p: Xy) -> Xy {
        let [a, b, c, d, e, f] = self.0;
        [a * p[0] + b * p[1] + c, d * p[0] + e * p[1] + f]
    }

    fn apply_vector(&self, v: Xy) -> Xy {
        let [a, b, _, d, e, _] = self.0;
        [a * v[0] + b * v[1], d * v[0] + e * v[1]]
    }

    /// `self ∘ other`: first `other`, then `self`.
    fn then_after(&self, other: &Self) -> Self {
        let [a, b, c, d, e, f] = self.0;
        let [p, q, r, s, t, u] = other.0;
        Self([
            a * p + b * s,
            a * q + b * t,
            a * r + b * u + c,
            d * p + e * s,
            d * q + e * t,
            d * r + e * u + f,
        ])
    }

    fn determinant(&self) -> f64 {
        self.0[0] * self.0[4] - self.0[1] * self.0[3]
    }

    /// The scale of a similarity (uniform scale, rotation, mirror), or `None` when x and y
    /// scale differently.
    fn uniform_scale(&self) -> Option<f64> {
        let [a, b, _, d, e, _] = self.0;
        let sx = a.hypot(d);
        let sy = b.hypot(e);
        let dot = a * b + d * e;
        ((sx - sy).abs() <= 1e-9 * sx.max(sy) && dot.abs() <= 1e-9 * sx * sy).then_some(sx)
    }
}

/// The map from an entity's object coordinate system to world coordinates for the plain
/// cases: extrusion +Z (identity) or -Z (x mirrored, by the DXF arbitrary-axis algorithm).
fn ocs(normal: &dxf::Vector) -> Option<Affine> {
    let planar = normal.x.abs() < 1e-9 && normal.y.abs() < 1e-9;
    match () {
        _ if planar && normal.z > 0.0 => Some(Affine::IDENTITY),
        _ if planar && normal.z < 0.0 => Some(Affine([-1.0, 0.0, 0.0, 0.0, 1.0, 0.0])),
        _ => None,
    }
}

fn finite(p: Xy) -> bool {
    p.iter()
        .all(|v| v.is_finite() && v.abs() <= MAX_ABS_COORDINATE)
}

struct Walker<'a> {
    blocks: HashMap<&'a str, &'a dxf::Block>,
    /// Entities visited, blocks expanded: bounded even when a block holds nothing the
    /// import uses (an array of empty blocks would otherwise loop for ever).
    visits: usize,
    out: Extracted,
    layer_index: HashMap<String, usize>,
}

/// Flattens the drawing's model space.
pub fn extract(drawing: &dxf::Drawing) -> Result<Extracted, ImportError> {
    let mut walker = Walker {
        blocks: drawing.blocks().map(|b| (b.name.as_str(), b)).collect(),
        visits: 0,
        out: Extracted {
            layers: Vec::new(),
            counts: Vec::new(),
            items: Vec::new(),
            unused: UnusedLog::default(),
            insunits: drawing.header.default_drawing_units,
            version: format!("{:?}", drawing.header.version),
        },
        layer_index: HashMap::new(),
    };
    for entity in drawing.entities() {
        walker.entity(entity, &Affine::IDENTITY, None, 0)?;
    }
    Ok(walker.out)
}

/// The DXF type name of an entity.
pub fn type_name(specific: &EntityType) -> &'static str {
    match specific {
        EntityType::Line(_) => "LINE",
        EntityType::LwPolyline(_) => "LWPOLYLINE",
        EntityType::Polyline(_) => "POLYLINE",
        EntityType::Arc(_) => "ARC",
        EntityType::Circle(_) => "CIRCLE",
        EntityType::Insert(_) => "INSERT",
        EntityType::Text(_) => "TEXT",
        EntityType::MText(_) => "MTEXT",
        EntityType::Attribute(_) => "ATTRIB",
        EntityType::AttributeDefinition(_) => "ATTDEF",
        EntityType::RotatedDimension(_)
        | EntityType::RadialDimension(_)
        | EntityType::DiameterDimension(_)
        | EntityType::AngularThreePointDimension(_)
        | EntityType::OrdinateDimension(_) => "DIMENSION",
        EntityType::Ellipse(_) => "ELLIPSE",
        EntityType::Spline(_) => "SPLINE",
        EntityType::Solid(_) => "SOLID",
        EntityType::Trace(_) => "TRACE",
        EntityType::ModelPoint(_) => "POINT",
        EntityType::Leader(_) => "LEADER",
        EntityType::MLine(_) => "MLINE",
        EntityType::Ray(_) => "RAY",
        EntityType::XLine(_) => "XLINE",
        EntityType::Face3D(_) => "3DFACE",
        EntityType::Image(_) => "IMAGE",
        EntityType::Wipeout(_) => "WIPEOUT",
        EntityType::Region(_) => "REGION",
        EntityType::Shape(_) => "SHAPE",
        EntityType::Tolerance(_) => "TOLERANCE",
        _ => "OTHER",
    }
}

impl Walker<'_> {
    fn layer(&mut self, name: &str) -> usize {
        if let Some(&i) = self.layer_index.get(name) {
            return i;
        }
        let i = self.out.layers.len();
        self.out.layers.push(name.to_owned());
        self.out.counts.push(BTreeMap::new());
        self.layer_index.insert(name.to_owned(), i);
        i
    }

    fn push(
        &mut self,
        shape: Shape,
        layer: usize,
        entity: &'static str,
    ) -> Result<(), ImportError> {
        if self.out.items.len() >= MAX_PRIMITIVES {
            return Err(ImportError::new(
                ErrorKind::TooMany,
                format!("ブロックを展開した図形が多すぎます (上限 {MAX_PRIMITIVES} 個)"),
                format!(
                    "too many objects once blocks are expanded (the limit is {MAX_PRIMITIVES})"
                ),
            ));
        }
        self.out.items.push(Item {
            shape,
            layer,
            entity,
        });
        Ok(())
    }

    fn skip(&mut self, entity: &'static str, layer: usize, reason: Reason) {
        let name = self.out.layers[layer].clone();
        self.out.unused.add(entity, &name, reason, "");
    }

    fn entity(
        &mut self,
        entity: &Entity,
        transform: &Affine,
        parent_layer: Option<usize>,
        depth: usize,
    ) -> Result<(), ImportError> {
        self.visits += 1;
        if self.visits > MAX_PRIMITIVES {
            return Err(too_many());
        }
        let name = type_name(&entity.specific);
        let own = entity.common.layer.as_str();
        let layer = match parent_layer {
            Some(parent) if own == "0" => parent,
            _ => self.layer(own),
        };
        let count = self.out.counts[layer].entry(name).or_insert(0);
        *count = count.saturating_add(1);
        if entity.common.is_in_paper_space {
            self.skip(name, layer, Reason::PaperSpace);
            return Ok(());
        }
        match &entity.specific {
            EntityType::Line(line) => {
                let a = transform.apply([line.p1.x, line.p1.y]);
                let b = transform.apply([line.p2.x, line.p2.y]);
                self.segment(a, b, layer, name)?;
            }
            EntityType::LwPolyline(poly) => {
                let Some(local) = ocs(&poly.extrusion_direction) else {
                    self.skip(name, layer, Reason::NotPlanar);
                    return Ok(());
                };
                let map = transform.then_after(&local);
                let vertices: Vec<(Xy, f64)> = poly
                    .vertices
                    .iter()
                    .map(|v| ([v.x, v.y], v.bulge))
                    .collect();
                self.polyline(&vertices, poly.is_closed(), &map, layer, name)?;
            }
            EntityType::Polyline(poly) => {
                // 3D polylines, polygon meshes and polyface meshes are not plan lines.
                if poly.flags & (8 | 16 | 64) != 0 {
                    self.skip(name, layer, Reason::NotPlanar);
                    return Ok(());
                }
                let Some(local) = ocs(&poly.normal) else {
                    self.skip(name, layer, Reason::NotPlanar);
                    return Ok(());
                };
                let map = transform.then_after(&local);
                let vertices: Vec<(Xy, f64)> = poly
                    .vertices()
                    .map(|v| ([v.location.x, v.location.y], v.bulge))
                    .collect();
                self.polyline(&vertices, poly.is_closed(), &map, layer, name)?;
            }
            EntityType::Arc(arc) => {
                let Some(local) = ocs(&arc.normal) else {
                    self.skip(name, layer, Reason::NotPlanar);
                    return Ok(());
                };
                let map = transform.then_after(&local);
                self.arc(
                    [arc.center.x, arc.center.y],
                    arc.radius,
                    arc.start_angle,
                    arc.end_angle,
                    &map,
                    layer,
                    name,
                )?;
            }
            EntityType::Circle(_) => self.skip(name, layer, Reason::Circle),
            EntityType::Text(t) => {
                let Some(local) = ocs(&t.normal) else {
                    self.skip(name, layer, Reason::NotPlanar);
                    return Ok(());
                };
                let map = transform.then_after(&local);
                let centre = text_centre(
                    [t.location.x, t.location.y],
                    [t.second_alignment_point.x, t.second_alignment_point.y],
                    t.horizontal_text_justification,
                    t.vertical_text_justification,
                    t.text_height,
                    t.rotation,
                    &t.value,
                );
                self.text(map.apply(centre), &t.value, layer, name)?;
            }
            EntityType::Attribute(t) => {
                let centre = text_centre(
                    [t.location.x, t.location.y],
                    [t.second_alignment_point.x, t.second_alignment_point.y],
                    t.horizontal_text_justification,
                    t.vertical_text_justification,
                    t.text_height,
                    t.rotation,
                    &t.value,
                );
                self.text(transform.apply(centre), &t.value, layer, name)?;
            }
            EntityType::MText(t) => {
                let mut value: String = t.extended_text.concat();
                value.push_str(&t.text);
                let plain = text::plain(&value);
                let height = t.initial_text_height.max(0.0);
                let width =
                    estimated_width(&plain, height).min(if t.reference_rectangle_width > 0.0 {
                        t.reference_rectangle_width
                    } else {
                        f64::MAX
                    });
                let (fx, fy) = match t.attachment_point {
                    AttachmentPoint::TopLeft => (0.5, -0.5),
                    AttachmentPoint::TopCenter => (0.0, -0.5),
                    AttachmentPoint::TopRight => (-0.5, -0.5),
                    AttachmentPoint::MiddleLeft => (0.5, 0.0),
                    AttachmentPoint::MiddleCenter => (0.0, 0.0),
                    AttachmentPoint::MiddleRight => (-0.5, 0.0),
                    AttachmentPoint::BottomLeft => (0.5, 0.5),
                    AttachmentPoint::BottomCenter => (0.0, 0.5),
                    AttachmentPoint::BottomRight => (-0.5, 0.5),
                };
                let axis = [t.x_axis_direction.x, t.x_axis_direction.y];
                let angle = if axis[0].hypot(axis[1]) > 1e-9 {
                    axis[1].atan2(axis[0])
                } else {
                    t.rotation_angle
                };
                let (s, c) = angle.sin_cos();
                let (dx, dy) = (fx * width, fy * height);
                let local = [
                    t.insertion_point.x + c * dx - s * dy,
                    t.insertion_point.y + s * dx + c * dy,
                ];
                self.text(transform.apply(local), &value, layer, name)?;
            }
            EntityType::Insert(insert) => self.insert(insert, transform, layer, depth)?,
            _ => self.skip(name, layer, Reason::UnsupportedType),
        }
        Ok(())
    }

    fn segment(
        &mut self,
        a: Xy,
        b: Xy,
        layer: usize,
        name: &'static str,
    ) -> Result<(), ImportError> {
        if !finite(a) || !finite(b) {
            self.skip(name, layer, Reason::BadCoordinate);
            return Ok(());
        }
        if a != b {
            self.push(Shape::Seg(a, b), layer, name)?;
        }
        Ok(())
    }

    fn polyline(
        &mut self,
        vertices: &[(Xy, f64)],
        closed: bool,
        map: &Affine,
        layer: usize,
        name: &'static str,
    ) -> Result<(), ImportError> {
        let n = vertices.len();
        let edges = if closed { n } else { n.saturating_sub(1) };
        for i in 0..edges {
            let (p, bulge) = vertices[i];
            let (q, _) = vertices[(i + 1) % n];
            if !bulge.is_finite() || bulge.abs() < 1e-9 {
                self.segment(map.apply(p), map.apply(q), layer, name)?;
                continue;
            }
            // A bulge is tan(sweep / 4); the centre lies off the chord's midpoint.
            let sweep = 4.0 * bulge.atan();
            let (dx, dy) = (q[0] - p[0], q[1] - p[1]);
            let chord = dx.hypot(dy);
            if chord <= 0.0 {
                continue;
            }
            let offset = (chord / 2.0) / (sweep / 2.0).tan();
            let centre = [
                (p[0] + q[0]) / 2.0 - dy / chord * offset,
                (p[1] + q[1]) / 2.0 + dx / chord * offset,
            ];
            let radius = (p[0] - centre[0]).hypot(p[1] - centre[1]);
            let angle = |v: Xy| (v[1] - centre[1]).atan2(v[0] - centre[0]).to_degrees();
            let (start, end) = if sweep > 0.0 {
                (angle(p), angle(q))
            } else {
                (angle(q), angle(p))
            };
            self.arc(centre, radius, start, end, map, layer, name)?;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn arc(
        &mut self,
        centre: Xy,
        radius: f64,
        start: f64,
        end: f64,
        map: &Affine,
        layer: usize,
        name: &'static str,
    ) -> Result<(), ImportError> {
        let Some(scale) = map.uniform_scale() else {
            self.skip(name, layer, Reason::NonUniformScale);
            return Ok(());
        };
        if !start.is_finite() || !end.is_finite() || !radius.is_finite() {
            self.skip(name, layer, Reason::BadCoordinate);
            return Ok(());
        }
        let direction = |deg: f64| {
            let (s, c) = deg.to_radians().sin_cos();
            let v = map.apply_vector([c, s]);
            v[1].atan2(v[0]).to_degrees()
        };
        let (mut a0, mut a1) = (direction(start), direction(end));
        if map.determinant() < 0.0 {
            // A mirror turns counter-clockwise into clockwise.
            std::mem::swap(&mut a0, &mut a1);
        }
        let c = map.apply(centre);
        let r = radius.abs() * scale;
        if !finite(c) || !r.is_finite() || r > MAX_ABS_COORDINATE {
            self.skip(name, layer, Reason::BadCoordinate);
            return Ok(());
        }
        self.push(
            Shape::Arc {
                centre: c,
                radius: r,
                start: a0,
                end: a1,
            },
            layer,
            name,
        )
    }

    fn text(
        &mut self,
        at: Xy,
        raw: &str,
        layer: usize,
        name: &'static str,
    ) -> Result<(), ImportError> {
        let value = text::plain(raw);
        if value.is_empty() {
            self.skip(name, layer, Reason::EmptyText);
            return Ok(());
        }
        if !finite(at) {
            self.skip(name, layer, Reason::BadCoordinate);
            return Ok(());
        }
        self.push(Shape::Text { centre: at, value }, layer, name)
    }

    fn insert(
        &mut self,
        insert: &dxf::entities::Insert,
        transform: &Affine,
        layer: usize,
        depth: usize,
    ) -> Result<(), ImportError> {
        for attribute in insert.attributes() {
            let entity = Entity::new(EntityType::Attribute(attribute.clone()));
            let mut entity = entity;
            entity.common.layer = self.out.layers[layer].clone();
            self.entity(&entity, transform, Some(layer), depth)?;
        }
        let Some(block) = self.blocks.get(insert.name.as_str()).copied() else {
            let layer_name = self.out.layers[layer].clone();
            self.out
                .unused
                .add("INSERT", &layer_name, Reason::MissingBlock, &insert.name);
            return Ok(());
        };
        if depth >= MAX_BLOCK_DEPTH {
            let layer_name = self.out.layers[layer].clone();
            self.out
                .unused
                .add("INSERT", &layer_name, Reason::NestedTooDeep, &insert.name);
            return Ok(());
        }
        let Some(local) = ocs(&insert.extrusion_direction) else {
            self.skip("INSERT", layer, Reason::NotPlanar);
            return Ok(());
        };
        let (s, c) = insert.rotation.to_radians().sin_cos();
        let (sx, sy) = (insert.x_scale_factor, insert.y_scale_factor);
        let base = [block.base_point.x, block.base_point.y];
        let columns = i64::from(insert.column_count.max(1));
        let rows = i64::from(insert.row_count.max(1));
        for row in 0..rows {
            for column in 0..columns {
                // Array offsets are in the insert's rotated frame, unscaled.
                let ox = column as f64 * insert.column_spacing;
                let oy = row as f64 * insert.row_spacing;
                let tx = insert.location.x + c * ox - s * oy;
                let ty = insert.location.y + s * ox + c * oy;
                let place = Affine([
                    c * sx,
                    -s * sy,
                    tx - (c * sx * base[0] - s * sy * base[1]),
                    s * sx,
                    c * sy,
                    ty - (s * sx * base[0] + c * sy * base[1]),
                ]);
                if place.0.iter().any(|v| !v.is_finite()) {
                    self.skip("INSERT", layer, Reason::BadCoordinate);
                    return Ok(());
                }
                let map = transform.then_after(&local.then_after(&place));
                self.visits += 1;
                if self.visits > MAX_PRIMITIVES {
                    return Err(too_many());
                }
                for entity in &block.entities {
                    self.entity(entity, &map, Some(layer), depth + 1)?;
                }
            }
        }
        Ok(())
    }
}

fn too_many() -> ImportError {
    ImportError::new(
        ErrorKind::TooMany,
        format!("ブロックを展開した図形が多すぎます (上限 {MAX_PRIMITIVES} 個)"),
        format!("too many objects once blocks are expanded (the limit is {MAX_PRIMITIVES})"),
    )
}

/// Width of a text of `height`: full-width characters are square, others about 0.6 wide.
fn estimated_width(value: &str, height: f64) -> f64 {
    value
        .chars()
        .map(|c| if c.is_ascii() { 0.6 } else { 1.0 })
        .sum::<f64>()
        * height
}

/// The centre of a TEXT's box in its own coordinates, from its justification.
fn text_centre(
    location: Xy,
    second: Xy,
    horizontal: HorizontalTextJustification,
    vertical: VerticalTextJustification,
    height: f64,
    rotation_deg: f64,
    raw: &str,
) -> Xy {
    let height = if height.is_finite() {
        height.max(0.0)
    } else {
        0.0
    };
    let width = estimated_width(&text::plain(raw), height);
    let aligned_default = horizontal == HorizontalTextJustification::Left
        && vertical == VerticalTextJustification::Baseline;
    let (anchor, fx) = match horizontal {
        _ if aligned_default => (location, 0.5),
        HorizontalTextJustification::Left => (second, 0.5),
        HorizontalTextJustification::Center | HorizontalTextJustification::Middle => (second, 0.0),
        HorizontalTextJustification::Right => (second, -0.5),
        HorizontalTextJustification::Aligned | HorizontalTextJustification::Fit => (
            [
                (location[0] + second[0]) / 2.0,
                (location[1] + second[1]) / 2.0,
            ],
            0.0,
        ),
    };
    let fy = match vertical {
        _ if horizontal == HorizontalTextJustification::Middle => 0.0,
        VerticalTextJustification::Baseline | VerticalTextJustification::Bottom => 0.5,
        VerticalTextJustification::Middle => 0.0,
        VerticalTextJustification::Top => -0.5,
    };
    let angle = if rotation_deg.is_finite() {
        rotation_deg.to_radians()
    } else {
        0.0
    };
    let (s, c) = angle.sin_cos();
    let (dx, dy) = (fx * width, fy * height);
    [anchor[0] + c * dx - s * dy, anchor[1] + s * dx + c * dy]
}
