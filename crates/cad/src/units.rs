//! Drawing units: what `$INSUNITS` says, and what the drawing itself suggests.
//!
//! Headers lie: Jw_cad writes `$INSUNITS` = 4 (mm) for drawings kept at paper scale, and
//! drawings made in centimetres keep the template's millimetres. So the unit is proposed
//! from the geometry, scoring each candidate by how many features land where a Japanese
//! dwelling puts them:
//!
//! - door swings (90° arcs) of radius 550-1,100 mm;
//! - the spacing of parallel wall lines, 75-300 mm (walls are 100-180 mm thick);
//! - the 910 / 455 mm module: wall centres (midpoints of close parallel lines, and single
//!   lines) fall on a common residue modulo 455 mm;
//! - the drawing's extent, 3-200 m.

use crate::extract::{Item, Shape};

/// A drawing unit the caller can choose.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Unit {
    /// Millimetres.
    Millimetre,
    /// Centimetres.
    Centimetre,
    /// Metres.
    Metre,
    /// Inches.
    Inch,
    /// Feet.
    Foot,
    /// Millimetres on paper at 1:`scale` (one drawing unit is `scale` mm of building).
    PaperMm {
        /// The denominator of the scale, 1..=10,000.
        scale: u32,
    },
}

impl Unit {
    /// Millimetres of building per drawing unit.
    pub fn mm_per_unit(self) -> f64 {
        match self {
            Self::Millimetre => 1.0,
            Self::Centimetre => 10.0,
            Self::Metre => 1000.0,
            Self::Inch => 25.4,
            Self::Foot => 304.8,
            Self::PaperMm { scale } => f64::from(scale.clamp(1, 10_000)),
        }
    }

    /// The unit's name in Japanese.
    pub fn name_ja(self) -> String {
        match self {
            Self::Millimetre => "mm".into(),
            Self::Centimetre => "cm".into(),
            Self::Metre => "m".into(),
            Self::Inch => "インチ".into(),
            Self::Foot => "フィート".into(),
            Self::PaperMm { scale } => format!("図面上の mm (縮尺 1/{scale})"),
        }
    }

    /// The unit's name in English.
    pub fn name_en(self) -> String {
        match self {
            Self::Millimetre => "mm".into(),
            Self::Centimetre => "cm".into(),
            Self::Metre => "m".into(),
            Self::Inch => "inches".into(),
            Self::Foot => "feet".into(),
            Self::PaperMm { scale } => format!("paper mm at 1:{scale}"),
        }
    }

    /// The unit `$INSUNITS` names, if it is one a plan is drawn in.
    pub(crate) fn from_header(units: dxf::enums::Units) -> Option<Self> {
        use dxf::enums::Units as U;
        match units {
            U::Millimeters => Some(Self::Millimetre),
            U::Centimeters => Some(Self::Centimetre),
            U::Meters => Some(Self::Metre),
            U::Inches => Some(Self::Inch),
            U::Feet => Some(Self::Foot),
            _ => None,
        }
    }
}

/// The candidates tried, in the order that breaks ties after the header's own unit.
pub const CANDIDATES: [Unit; 8] = [
    Unit::Millimetre,
    Unit::Centimetre,
    Unit::PaperMm { scale: 100 },
    Unit::PaperMm { scale: 50 },
    Unit::PaperMm { scale: 200 },
    Unit::Metre,
    Unit::Inch,
    Unit::Foot,
];

/// The unit proposed for a drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitProposal {
    /// The unit that fits the drawing best.
    pub unit: Unit,
    /// What `$INSUNITS` says, when it names a length unit.
    pub header: Option<Unit>,
    /// The evidence, in Japanese.
    pub reason_ja: String,
    /// The evidence, in English.
    pub reason_en: String,
}

/// Features of a drawing, in drawing units.
struct Features {
    door_radii: Vec<f64>,
    spacings: Vec<f64>,
    centres: Vec<f64>,
    extent: f64,
}

fn features(items: &[&Item]) -> Features {
    let mut door_radii = Vec::new();
    // Axis-parallel segments as (offset, from, to), horizontal and vertical apart.
    let mut lines: [Vec<(f64, f64, f64)>; 2] = [Vec::new(), Vec::new()];
    let (mut lo, mut hi) = ([f64::MAX; 2], [f64::MIN; 2]);
    for item in items {
        match &item.shape {
            Shape::Arc {
                radius, start, end, ..
            } => {
                let sweep = (end - start).rem_euclid(360.0);
                if (75.0..=105.0).contains(&sweep) {
                    door_radii.push(*radius);
                }
            }
            Shape::Seg(a, b) => {
                for p in [a, b] {
                    for k in 0..2 {
                        lo[k] = lo[k].min(p[k]);
                        hi[k] = hi[k].max(p[k]);
                    }
                }
                let (dx, dy) = ((b[0] - a[0]).abs(), (b[1] - a[1]).abs());
                if dy <= dx * 1e-3 {
                    lines[0].push((a[1], a[0].min(b[0]), a[0].max(b[0])));
                } else if dx <= dy * 1e-3 {
                    lines[1].push((a[0], a[1].min(b[1]), a[1].max(b[1])));
                }
            }
            Shape::Text { .. } => {}
        }
    }
    let mut spacings = Vec::new();
    let mut centres = Vec::new();
    for group in &mut lines {
        group.sort_by(|a, b| a.0.total_cmp(&b.0));
        for i in 0..group.len() {
            let (rho, from, to) = group[i];
            centres.push(rho);
            // The nearest parallel line above that overlaps this one (a few tried).
            if let Some(&(other, _, _)) = group[i + 1..]
                .iter()
                .take(16)
                .find(|&&(o, f, t)| o > rho && f < to && t > from)
            {
                spacings.push(other - rho);
                centres.push((other + rho) / 2.0);
            }
        }
    }
    let extent = if lo[0] <= hi[0] {
        (hi[0] - lo[0]).max(hi[1] - lo[1])
    } else {
        0.0
    };
    Features {
        door_radii,
        spacings,
        centres,
        extent,
    }
}

fn fraction(values: &[f64], hit: impl Fn(f64) -> bool) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.iter().filter(|&&v| hit(v)).count() as f64 / values.len() as f64
}

/// The share of `values` (mm) that fall on the most common residue modulo 455 mm.
fn module_share(values: &[f64]) -> f64 {
    if values.len() < 4 {
        return 0.0;
    }
    let mut buckets = [0usize; 228];
    for v in values {
        let r = v.rem_euclid(455.0);
        let b = ((r / 2.0).round() as usize) % 228;
        buckets[b] += 1;
    }
    // A residue and its neighbours (rounding), wrapping round.
    let best = (0..228)
        .map(|b| buckets[b] + buckets[(b + 1) % 228] + buckets[(b + 227) % 228])
        .max()
        .unwrap_or(0);
    best as f64 / values.len() as f64
}

/// Proposes the unit that makes the drawing look most like a dwelling.
pub(crate) fn propose(items: &[&Item], insunits: dxf::enums::Units) -> UnitProposal {
    let header = Unit::from_header(insunits);
    let f = features(items);
    let score = |unit: Unit| {
        let s = unit.mm_per_unit();
        let doors = fraction(&f.door_radii, |r| (550.0..=1100.0).contains(&(r * s)));
        let walls = fraction(&f.spacings, |d| (75.0..=300.0).contains(&(d * s)));
        let centres: Vec<f64> = f.centres.iter().map(|c| c * s).collect();
        let module = module_share(&centres);
        let extent = f64::from(u8::from((3_000.0..=200_000.0).contains(&(f.extent * s))));
        (
            3.0 * doors + 2.0 * walls + 2.0 * module + extent,
            doors,
            walls,
            module,
        )
    };
    let mut order: Vec<Unit> = header.into_iter().collect();
    order.extend(CANDIDATES.iter().copied().filter(|u| Some(*u) != header));
    let mut best = order[0];
    let mut best_score = score(best);
    for &unit in &order[1..] {
        let s = score(unit);
        if s.0 > best_score.0 + 1e-9 {
            best = unit;
            best_score = s;
        }
    }
    let (_, doors, walls, module) = best_score;
    let s = best.mm_per_unit();
    let header_ja = header.map_or_else(|| "指定なし".to_owned(), |u| u.name_ja());
    let header_en = header.map_or_else(|| "none".to_owned(), |u| u.name_en());
    let pct = |v: f64| (v * 100.0).round();
    let reason_ja = format!(
        "{}: 扉の円弧 {} 個中 {}% が半径 550〜1100 mm、平行線 {} 組中 {}% が間隔 75〜300 mm (壁厚)、壁芯の {}% が 455 mm モジュールに乗り、図面の大きさは {:.1} m ($INSUNITS: {header_ja})",
        best.name_ja(),
        f.door_radii.len(),
        pct(doors),
        f.spacings.len(),
        pct(walls),
        pct(module),
        f.extent * s / 1000.0,
    );
    let reason_en = format!(
        "{}: {}% of {} door swings have a radius of 550-1100 mm, {}% of {} parallel line pairs are 75-300 mm apart (wall thickness), {}% of wall centres sit on the 455 mm module, and the drawing spans {:.1} m ($INSUNITS: {header_en})",
        best.name_en(),
        pct(doors),
        f.door_radii.len(),
        pct(walls),
        f.spacings.len(),
        pct(module),
        f.extent * s / 1000.0,
    );
    UnitProposal {
        unit: best,
        header,
        reason_ja,
        reason_en,
    }
}
