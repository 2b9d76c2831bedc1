//! The underlay's geometry: placing a scanned or photographed 間取り図 under a storey,
//! calibrating its scale from one known length, levelling it along a wall, moving it, and
//! mapping between its pixels and plan millimetres.
//!
//! [`madori_plan::Underlay`] puts the image's pixel `(u, v)` at
//! `origin + R(rotation_deg) · (u, v) · mm_per_px` in the plan (y down, so a positive angle
//! turns the picture clockwise on screen). What a user does, in order:
//!
//! 1. [`place`]: the picture appears centred on the view, its long side about
//!    [`DEFAULT_LONG_SIDE_MM`] long, half transparent.
//! 2. [`calibrate`]: two clicks at the ends of a wall whose length is known and the typed
//!    length set the scale; the first click stays where it was, so the picture grows or
//!    shrinks about the point the user is looking at.
//! 3. [`level`]: two clicks along a wall turn the picture until that wall is horizontal or
//!    vertical (whichever is nearer), about the first click. A phone photo is rarely square.
//! 4. [`moved`]: a drag puts the picture where the plan's rooms are (or are to be drawn).
//!
//! Each result goes to the plan through [`crate::Command::SetUnderlay`], one undo step; a
//! drag previews `moved(origin_underlay, total_delta)` like any gesture. The app draws the
//! picture as an `<image>` with [`svg_transform`] and maps clicks with [`world_to_image`].
//!
//! Nothing here makes NaN or infinity. Picked points and typed lengths are checked first and
//! refused with a [`CalibrationError`] (Japanese and English). An underlay the validator
//! would refuse (a scale outside [`UNDERLAY_MM_PER_PX`] or not a number, a rotation that is
//! not finite; the file format cannot hold these, but a hand-built value could) is read with
//! its scale clamped into range (1 mm/px when not a number) and its rotation as 0°, so the
//! mappings stay finite for finite points.

use crate::commands::{EditError, MAX_DISTANCE_MM};
use crate::viewport::WorldMm;
use madori_plan::geometry::MAX_COORDINATE_MM;
use madori_plan::validate::UNDERLAY_MM_PER_PX;
use madori_plan::{PointMm, Underlay};

/// The length a newly placed picture's long side spans before calibration, mm. A house or
/// flat drawn on one sheet is around 10 m across, so the picture starts near its true size
/// and the calibration clicks land on a readable drawing.
pub const DEFAULT_LONG_SIDE_MM: f64 = 10_000.0;

/// The opacity of a newly placed picture, percent: the plan's walls stay readable above it.
pub const DEFAULT_OPACITY_PERCENT: u8 = 50;

/// The least distance between the two picked points, image pixels. Closer clicks are a
/// double click or a slip, and a length measured over so few pixels would carry a click's
/// ±1 px error as ±20 % of the scale.
pub const MIN_PICK_DISTANCE_PX: f64 = 5.0;

/// Which of the two picked points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// The first point (`a`), which stays fixed in the plan.
    First,
    /// The second point (`b`).
    Second,
}

/// Why a calibration or levelling was refused. The underlay is unchanged.
#[derive(Clone, Debug, PartialEq)]
pub enum CalibrationError {
    /// A picked point is not on the picture (or is not a finite number).
    PointOffPicture {
        /// Which point.
        pick: Pick,
        /// The point, image pixels.
        point_px: (f64, f64),
        /// The picture's width, px.
        width_px: u32,
        /// The picture's height, px.
        height_px: u32,
    },
    /// The two points are closer than [`MIN_PICK_DISTANCE_PX`].
    PointsTooClose {
        /// Their distance, image pixels.
        distance_px: f64,
    },
    /// The typed length is 0 mm.
    ZeroLength,
    /// The typed length is longer than any distance in a plan ([`MAX_DISTANCE_MM`]).
    LengthTooLong {
        /// The typed length, mm.
        real_mm: u32,
    },
    /// The scale the length gives is outside [`UNDERLAY_MM_PER_PX`].
    ScaleOutOfRange {
        /// The scale it would give, mm per px.
        mm_per_px: f64,
    },
    /// Keeping the first point fixed would put the picture's top-left corner beyond
    /// ±[`MAX_COORDINATE_MM`].
    OutsidePlan {
        /// Where the corner would go, mm.
        origin: WorldMm,
    },
    /// The four corners of a perspective correction do not make a convex quadrilateral of
    /// at least [`crate::perspective::MIN_AREA_PX2`].
    CornersNotAQuadrilateral {
        /// The area they enclose, px².
        area_px2: f64,
    },
}

impl CalibrationError {
    /// What is wrong, in Japanese.
    pub fn message_ja(&self) -> String {
        match self {
            Self::PointOffPicture {
                pick,
                point_px,
                width_px,
                height_px,
            } => format!(
                "{}の点 ({:.1}, {:.1}) px が下絵 ({width_px} × {height_px} px) の外です",
                match pick {
                    Pick::First => "1つ目",
                    Pick::Second => "2つ目",
                },
                point_px.0,
                point_px.1
            ),
            Self::PointsTooClose { distance_px } => format!(
                "2点が近すぎます ({distance_px:.1} px、{MIN_PICK_DISTANCE_PX} px 以上離してください)"
            ),
            Self::ZeroLength => "実際の長さが 0 mm です".into(),
            Self::LengthTooLong { real_mm } => format!(
                "実際の長さ {real_mm} mm が図面の範囲 {MAX_DISTANCE_MM} mm を超えています"
            ),
            Self::ScaleOutOfRange { mm_per_px } => format!(
                "縮尺 {mm_per_px} mm/px は {}〜{} mm/px の範囲外です (長さか点を確かめてください)",
                UNDERLAY_MM_PER_PX.0, UNDERLAY_MM_PER_PX.1
            ),
            Self::OutsidePlan { origin } => format!(
                "下絵の左上が ({:.0}, {:.0}) mm になり、図面の範囲 ±{MAX_COORDINATE_MM} mm を超えます",
                origin.x, origin.y
            ),
            Self::CornersNotAQuadrilateral { area_px2 } => format!(
                "4 つの角が凸の四角形になりません (面積 {area_px2:.0} px²)。用紙の角を左上・右上・右下・左下の順にクリックしてください"
            ),
        }
    }

    /// What is wrong, in English.
    pub fn message_en(&self) -> String {
        match self {
            Self::PointOffPicture {
                pick,
                point_px,
                width_px,
                height_px,
            } => format!(
                "the {} point ({:.1}, {:.1}) px is off the picture ({width_px} × {height_px} px)",
                match pick {
                    Pick::First => "first",
                    Pick::Second => "second",
                },
                point_px.0,
                point_px.1
            ),
            Self::PointsTooClose { distance_px } => format!(
                "the two points are too close ({distance_px:.1} px; pick them at least \
                 {MIN_PICK_DISTANCE_PX} px apart)"
            ),
            Self::ZeroLength => "the real length is 0 mm".into(),
            Self::LengthTooLong { real_mm } => format!(
                "the real length {real_mm} mm is beyond the plan's range of {MAX_DISTANCE_MM} mm"
            ),
            Self::ScaleOutOfRange { mm_per_px } => format!(
                "the scale {mm_per_px} mm/px is outside {}..{} mm/px (check the length and \
                 the points)",
                UNDERLAY_MM_PER_PX.0, UNDERLAY_MM_PER_PX.1
            ),
            Self::OutsidePlan { origin } => format!(
                "the picture's top-left corner would lie at ({:.0}, {:.0}) mm, beyond the \
                 plan's range of ±{MAX_COORDINATE_MM} mm",
                origin.x, origin.y
            ),
            Self::CornersNotAQuadrilateral { area_px2 } => format!(
                "the four corners do not make a convex quadrilateral (area {area_px2:.0} px²): \
                 click the paper's corners top left, top right, bottom right, bottom left"
            ),
        }
    }
}

impl std::fmt::Display for CalibrationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} / {}", self.message_en(), self.message_ja())
    }
}

impl std::error::Error for CalibrationError {}

/// The editor shows a refused calibration like a refused command (`Editor::message`).
impl From<CalibrationError> for EditError {
    fn from(e: CalibrationError) -> Self {
        EditError::new(e.message_ja(), e.message_en())
    }
}

/// A first placement of a `width_px` × `height_px` picture: centred on `view_centre`,
/// unrotated, [`DEFAULT_OPACITY_PERCENT`] opaque, at `initial_mm_per_px` or else at the scale
/// that makes its long side [`DEFAULT_LONG_SIDE_MM`] long.
///
/// The scale is clamped into [`UNDERLAY_MM_PER_PX`] (a NaN scale counts as not given); a
/// view centre that is not finite counts as 0 and the origin is clamped into
/// ±[`MAX_COORDINATE_MM`]. The pixel size is kept as given: a size the plan cannot hold
/// (0, or beyond `MAX_UNDERLAY_PX`) is refused with its path when the underlay is set.
pub fn place(
    image_id: impl Into<String>,
    width_px: u32,
    height_px: u32,
    view_centre: WorldMm,
    initial_mm_per_px: Option<f64>,
) -> Underlay {
    let (lo, hi) = UNDERLAY_MM_PER_PX;
    let long_side_px = f64::from(width_px.max(height_px).max(1));
    let mm_per_px = match initial_mm_per_px {
        Some(s) if !s.is_nan() => s,
        _ => DEFAULT_LONG_SIDE_MM / long_side_px,
    }
    .clamp(lo, hi);
    let corner = |centre: f64, size_px: u32| {
        let centre = if centre.is_finite() { centre } else { 0.0 };
        to_coordinate(centre - f64::from(size_px) * mm_per_px / 2.0)
    };
    Underlay {
        image: image_id.into(),
        width_px,
        height_px,
        origin: PointMm::new(
            corner(view_centre.x, width_px),
            corner(view_centre.y, height_px),
        ),
        mm_per_px,
        rotation_deg: 0.0,
        opacity_percent: DEFAULT_OPACITY_PERCENT,
        hidden: false,
        locked: false,
    }
}

/// Where the image's pixel position `px` lies in the plan.
pub fn image_to_world(u: &Underlay, px: (f64, f64)) -> WorldMm {
    let s = scale_of(u);
    let (x, y) = rotate(rotation_of(u), (px.0 * s, px.1 * s));
    WorldMm::new(u.origin.x as f64 + x, u.origin.y as f64 + y)
}

/// The image pixel position under the plan point `p` (the inverse of [`image_to_world`]);
/// it may lie off the picture.
pub fn world_to_image(u: &Underlay, p: WorldMm) -> (f64, f64) {
    let s = scale_of(u);
    let (x, y) = rotate(
        -rotation_of(u),
        (p.x - u.origin.x as f64, p.y - u.origin.y as f64),
    );
    (x / s, y / s)
}

/// Sets the scale so that the image points `a_px` and `b_px` lie `real_mm` apart in the plan,
/// keeping `a_px` where it is in the plan (to the nearest whole millimetre of the origin, so
/// within 0.71 mm) and the rotation unchanged.
///
/// Refused when a point is off the picture, the points are closer than
/// [`MIN_PICK_DISTANCE_PX`], `real_mm` is 0 or beyond [`MAX_DISTANCE_MM`], the scale would
/// leave [`UNDERLAY_MM_PER_PX`], or the picture's corner would leave the plan's range.
pub fn calibrate(
    u: &Underlay,
    a_px: (f64, f64),
    b_px: (f64, f64),
    real_mm: u32,
) -> Result<Underlay, CalibrationError> {
    let distance_px = picked_distance(u, a_px, b_px)?;
    if real_mm == 0 {
        return Err(CalibrationError::ZeroLength);
    }
    if i64::from(real_mm) > MAX_DISTANCE_MM {
        return Err(CalibrationError::LengthTooLong { real_mm });
    }
    let mm_per_px = f64::from(real_mm) / distance_px;
    if !(UNDERLAY_MM_PER_PX.0..=UNDERLAY_MM_PER_PX.1).contains(&mm_per_px) {
        return Err(CalibrationError::ScaleOutOfRange { mm_per_px });
    }
    keeping(u, a_px, mm_per_px, rotation_of(u))
}

/// Turns the picture about `a_px` (which stays where it is in the plan, within 0.71 mm) so
/// that the image segment `a_px`→`b_px` runs horizontally or vertically in the plan,
/// whichever needs the smaller turn (at most 45°). The rotation comes out in (-180°, 180°].
///
/// Refused when a point is off the picture, the points are closer than
/// [`MIN_PICK_DISTANCE_PX`] (too short to give a direction), or the picture's corner would
/// leave the plan's range.
pub fn level(
    u: &Underlay,
    a_px: (f64, f64),
    b_px: (f64, f64),
) -> Result<Underlay, CalibrationError> {
    picked_distance(u, a_px, b_px)?;
    let in_image_deg = (b_px.1 - a_px.1).atan2(b_px.0 - a_px.0).to_degrees();
    let in_plan_deg = rotation_of(u) + in_image_deg;
    let target_deg = (in_plan_deg / 90.0).round() * 90.0;
    keeping(
        u,
        a_px,
        scale_of(u),
        normalised_deg(target_deg - in_image_deg),
    )
}

/// The underlay moved by `delta` mm: the origin rounded to whole millimetres and clamped into
/// ±[`MAX_COORDINATE_MM`]; a component that is not a number leaves that coordinate as it is.
pub fn moved(u: &Underlay, delta: WorldMm) -> Underlay {
    let axis = |at: i64, by: f64| {
        let to = at as f64 + by;
        if to.is_nan() {
            at
        } else {
            to_coordinate(to)
        }
    };
    Underlay {
        origin: PointMm::new(axis(u.origin.x, delta.x), axis(u.origin.y, delta.y)),
        ..u.clone()
    }
}

/// The picture's corners in the plan: top-left, top-right, bottom-right, bottom-left of the
/// image (for its outline, hit-testing and fitting the view).
pub fn corners(u: &Underlay) -> [WorldMm; 4] {
    let (w, h) = (f64::from(u.width_px), f64::from(u.height_px));
    [(0.0, 0.0), (w, 0.0), (w, h), (0.0, h)].map(|px| image_to_world(u, px))
}

/// The SVG `transform` for the picture's `<image x="0" y="0" width="{width_px}"
/// height="{height_px}" preserveAspectRatio="none">` inside the plan's SVG, whose user units
/// are millimetres: `translate(origin) rotate(rotation_deg) scale(mm_per_px)`, which SVG
/// applies right to left, as [`image_to_world`] does.
pub fn svg_transform(u: &Underlay) -> String {
    format!(
        "translate({} {}) rotate({}) scale({})",
        u.origin.x,
        u.origin.y,
        rotation_of(u),
        scale_of(u)
    )
}

/// The scale the mappings use: the underlay's, clamped into range (1 mm/px if not a number).
fn scale_of(u: &Underlay) -> f64 {
    if u.mm_per_px.is_nan() {
        1.0
    } else {
        u.mm_per_px
            .clamp(UNDERLAY_MM_PER_PX.0, UNDERLAY_MM_PER_PX.1)
    }
}

/// The rotation the mappings use: the underlay's, or 0° if not finite.
fn rotation_of(u: &Underlay) -> f64 {
    if u.rotation_deg.is_finite() {
        u.rotation_deg
    } else {
        0.0
    }
}

/// `v` turned by `deg` (clockwise on screen: the frame is y-down).
fn rotate(deg: f64, (x, y): (f64, f64)) -> (f64, f64) {
    let (sin, cos) = deg.to_radians().sin_cos();
    (x * cos - y * sin, x * sin + y * cos)
}

/// `deg` in (-180, 180].
fn normalised_deg(deg: f64) -> f64 {
    // `rem_euclid` gives [0, 360], 360 only for a tiny negative `deg` (rounding).
    let r = deg.rem_euclid(360.0);
    if r > 180.0 {
        r - 360.0
    } else {
        r
    }
}

/// A whole-millimetre coordinate within the plan's range (a finite or infinite `v`).
fn to_coordinate(v: f64) -> i64 {
    let limit = MAX_COORDINATE_MM as f64;
    v.round().clamp(-limit, limit) as i64
}

/// Checks the two picked points and returns their distance, px.
fn picked_distance(
    u: &Underlay,
    a_px: (f64, f64),
    b_px: (f64, f64),
) -> Result<f64, CalibrationError> {
    for (pick, p) in [(Pick::First, a_px), (Pick::Second, b_px)] {
        let on = (0.0..=f64::from(u.width_px)).contains(&p.0)
            && (0.0..=f64::from(u.height_px)).contains(&p.1);
        if !on {
            return Err(CalibrationError::PointOffPicture {
                pick,
                point_px: p,
                width_px: u.width_px,
                height_px: u.height_px,
            });
        }
    }
    let distance_px = (b_px.0 - a_px.0).hypot(b_px.1 - a_px.1);
    if distance_px < MIN_PICK_DISTANCE_PX {
        return Err(CalibrationError::PointsTooClose { distance_px });
    }
    Ok(distance_px)
}

/// `u` at a new scale and rotation, moved so that the image point `fixed_px` (on the
/// picture) stays where it is in the plan.
fn keeping(
    u: &Underlay,
    fixed_px: (f64, f64),
    mm_per_px: f64,
    rotation_deg: f64,
) -> Result<Underlay, CalibrationError> {
    let fixed = image_to_world(u, fixed_px);
    let (dx, dy) = rotate(
        rotation_deg,
        (fixed_px.0 * mm_per_px, fixed_px.1 * mm_per_px),
    );
    let origin = WorldMm::new((fixed.x - dx).round(), (fixed.y - dy).round());
    let limit = MAX_COORDINATE_MM as f64;
    if origin.x.abs() > limit || origin.y.abs() > limit {
        return Err(CalibrationError::OutsidePlan { origin });
    }
    Ok(Underlay {
        origin: PointMm::new(origin.x as i64, origin.y as i64),
        mm_per_px,
        rotation_deg,
        ..u.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use madori_plan::validate::MAX_UNDERLAY_PX;
    use proptest::prelude::*;

    const LIMIT: i64 = MAX_COORDINATE_MM;

    fn underlay(origin: (i64, i64), mm_per_px: f64, rotation_deg: f64) -> Underlay {
        Underlay {
            image: "scan".into(),
            width_px: 2000,
            height_px: 1500,
            origin: PointMm::new(origin.0, origin.1),
            mm_per_px,
            rotation_deg,
            opacity_percent: 50,
            hidden: false,
            locked: false,
        }
    }

    fn dist(a: WorldMm, b: WorldMm) -> f64 {
        (a.x - b.x).hypot(a.y - b.y)
    }

    /// Applies an SVG transform list of `translate(x y)`, `rotate(deg)` and `scale(s)` to a
    /// point the way a browser does: the rightmost function first.
    fn apply_svg(transform: &str, p: (f64, f64)) -> (f64, f64) {
        let functions: Vec<(&str, Vec<f64>)> = transform
            .split(')')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(|f| {
                let (name, args) = f.split_once('(').expect("a function");
                let args = args
                    .split_whitespace()
                    .map(|a| a.parse::<f64>().expect("a number"))
                    .collect();
                (name.trim(), args)
            })
            .collect();
        functions
            .iter()
            .rev()
            .fold(p, |(x, y), (name, args)| match *name {
                "translate" => (x + args[0], y + args[1]),
                "rotate" => {
                    let (sin, cos) = args[0].to_radians().sin_cos();
                    (x * cos - y * sin, x * sin + y * cos)
                }
                "scale" => (x * args[0], y * args[0]),
                other => panic!("unexpected SVG function {other}"),
            })
    }

    #[test]
    fn a_placed_picture_is_centred_ten_metres_long_and_half_opaque() {
        let u = place("scan", 2000, 1500, WorldMm::new(3640.0, 4095.0), None);
        assert_eq!(u.image, "scan");
        assert_eq!((u.width_px, u.height_px), (2000, 1500));
        assert_eq!(u.mm_per_px, 5.0);
        assert_eq!(u.origin, PointMm::new(3640 - 5000, 4095 - 3750));
        assert_eq!(u.rotation_deg, 0.0);
        assert_eq!(u.opacity_percent, 50);
        assert!(!u.hidden && !u.locked);
        let [tl, tr, br, _] = corners(&u);
        assert_eq!(dist(tl, tr), DEFAULT_LONG_SIDE_MM);
        let centre = WorldMm::new((tl.x + br.x) / 2.0, (tl.y + br.y) / 2.0);
        assert!(dist(centre, WorldMm::new(3640.0, 4095.0)) <= 0.5f64.hypot(0.5));
        // A portrait picture's long side is its height.
        let portrait = place("p", 1000, 4000, WorldMm::default(), None);
        assert_eq!(portrait.mm_per_px, 2.5);
        // The result is a valid underlay: the editor accepts it as one undo step.
        let mut ed = crate::Editor::new(crate::empty_plan());
        ed.apply(crate::Command::SetUnderlay {
            storey: 0,
            underlay: Some(u.clone()),
        })
        .expect("accepted");
        assert_eq!(ed.plan.storeys[0].underlay, Some(u));
        ed.undo();
        assert_eq!(ed.plan.storeys[0].underlay, None);
    }

    #[test]
    fn a_given_starting_scale_is_used_within_the_limits() {
        let (lo, hi) = UNDERLAY_MM_PER_PX;
        let scale = |s: Option<f64>| place("s", 2000, 1500, WorldMm::default(), s).mm_per_px;
        assert_eq!(scale(Some(2.0)), 2.0);
        assert_eq!(scale(Some(lo)), lo);
        assert_eq!(scale(Some(hi)), hi);
        assert_eq!(scale(Some(lo / 2.0)), lo);
        assert_eq!(scale(Some(0.0)), lo);
        assert_eq!(scale(Some(-3.0)), lo);
        assert_eq!(scale(Some(hi * 2.0)), hi);
        assert_eq!(scale(Some(f64::INFINITY)), hi);
        assert_eq!(scale(Some(f64::NAN)), 5.0);
    }

    #[test]
    fn placing_degenerate_sizes_and_views_stays_finite_and_in_range() {
        let (_, hi) = UNDERLAY_MM_PER_PX;
        // One pixel spans 10 m: exactly the largest scale.
        assert_eq!(place("s", 1, 1, WorldMm::default(), None).mm_per_px, hi);
        assert_eq!(place("s", 0, 0, WorldMm::default(), None).mm_per_px, hi);
        let nowhere = place("s", 2000, 1500, WorldMm::new(f64::NAN, f64::INFINITY), None);
        assert_eq!(nowhere.origin, PointMm::new(-5000, -3750));
        let far = place("s", 2000, 1500, WorldMm::new(1e12, -1e12), None);
        assert_eq!(far.origin, PointMm::new(LIMIT, -LIMIT));
        let largest = place(
            "s",
            MAX_UNDERLAY_PX,
            MAX_UNDERLAY_PX,
            WorldMm::default(),
            None,
        );
        assert_eq!(largest.mm_per_px, 0.25);
        assert_eq!(largest.origin, PointMm::new(-5000, -5000));
    }

    #[test]
    fn pixels_map_by_scale_then_clockwise_rotation_then_origin() {
        let u = underlay((100, 200), 2.0, 90.0);
        let p = image_to_world(&u, (10.0, 0.0));
        assert!(dist(p, WorldMm::new(100.0, 220.0)) < 1e-12, "{p:?}");
        let q = image_to_world(&u, (0.0, 10.0));
        assert!(dist(q, WorldMm::new(80.0, 200.0)) < 1e-12, "{q:?}");
        let (x, y) = world_to_image(&u, WorldMm::new(80.0, 200.0));
        assert!((x - 0.0).abs() < 1e-12 && (y - 10.0).abs() < 1e-12);
        let plain = underlay((-7, 3), 0.5, 0.0);
        assert_eq!(image_to_world(&plain, (4.0, 6.0)), WorldMm::new(-5.0, 6.0));
        assert_eq!(world_to_image(&plain, WorldMm::new(-5.0, 6.0)), (4.0, 6.0));
    }

    #[test]
    fn the_svg_transform_is_exact_text() {
        let u = underlay((-1360, 345), 0.125, -3.5);
        assert_eq!(
            svg_transform(&u),
            "translate(-1360 345) rotate(-3.5) scale(0.125)"
        );
        assert_eq!(
            svg_transform(&underlay((0, 0), 0.001, 0.0)),
            "translate(0 0) rotate(0) scale(0.001)"
        );
    }

    #[test]
    fn an_underlay_the_validator_would_refuse_still_maps_to_finite_numbers() {
        let (lo, hi) = UNDERLAY_MM_PER_PX;
        for (scale, rotation) in [
            (f64::NAN, f64::NAN),
            (0.0, f64::INFINITY),
            (-1.0, f64::NEG_INFINITY),
            (f64::INFINITY, 1e300),
        ] {
            let u = underlay((LIMIT, -LIMIT), scale, rotation);
            for c in corners(&u) {
                assert!(
                    c.x.is_finite() && c.y.is_finite(),
                    "{scale} {rotation}: {c:?}"
                );
                let (x, y) = world_to_image(&u, c);
                assert!(x.is_finite() && y.is_finite());
            }
            let t = svg_transform(&u);
            assert!(!t.contains("NaN") && !t.contains("inf"), "{t}");
            // Both keep the top-left pixel fixed, so the origin stays where it is.
            for result in [
                calibrate(&u, (0.0, 0.0), (100.0, 0.0), 1000),
                level(&u, (0.0, 0.0), (100.0, 3.0)),
            ] {
                let c = result.expect("a picture at the plan's edge");
                assert_eq!(c.origin, u.origin);
                assert!((lo..=hi).contains(&c.mm_per_px));
                assert!(c.rotation_deg.is_finite());
            }
        }
        assert_eq!(scale_of(&underlay((0, 0), f64::NAN, 0.0)), 1.0);
        assert_eq!(rotation_of(&underlay((0, 0), 1.0, f64::NAN)), 0.0);
    }

    #[test]
    fn calibration_scales_about_the_first_point() {
        let u = underlay((-1360, 345), 5.0, 3.0);
        let (a, b) = ((400.0, 150.0), (1500.0, 220.0));
        let before = image_to_world(&u, a);
        let c = calibrate(&u, a, b, 7280).expect("calibrated");
        let d = (1100.0f64).hypot(70.0);
        assert_eq!(c.mm_per_px, 7280.0 / d);
        assert_eq!(c.rotation_deg, 3.0);
        assert!(dist(image_to_world(&c, a), before) <= 0.5f64.hypot(0.5));
        let length = dist(image_to_world(&c, a), image_to_world(&c, b));
        assert!((length / 7280.0 - 1.0).abs() < 1e-12, "{length}");
        assert_eq!(
            (c.image.as_str(), c.width_px, c.height_px, c.opacity_percent),
            ("scan", 2000, 1500, 50)
        );
    }

    #[test]
    fn calibration_limits_hold_exactly_at_their_boundaries() {
        let u = underlay((0, 0), 1.0, 0.0);
        let (lo, hi) = UNDERLAY_MM_PER_PX;
        // Scale: 1 mm over 1000 px is exactly the smallest, over 1001 px too small.
        let c = calibrate(&u, (0.0, 0.0), (1000.0, 0.0), 1).expect("smallest scale");
        assert_eq!(c.mm_per_px, lo);
        assert_eq!(
            calibrate(&u, (0.0, 0.0), (1001.0, 0.0), 1),
            Err(CalibrationError::ScaleOutOfRange {
                mm_per_px: 1.0 / 1001.0
            })
        );
        // 2 km over 200 px is exactly the largest scale, over 199 px too large.
        let max_mm = MAX_DISTANCE_MM as u32;
        let c = calibrate(&u, (0.0, 0.0), (0.0, 200.0), max_mm).expect("largest scale");
        assert_eq!(c.mm_per_px, hi);
        assert_eq!(
            calibrate(&u, (0.0, 0.0), (0.0, 199.0), max_mm),
            Err(CalibrationError::ScaleOutOfRange {
                mm_per_px: 2_000_000.0 / 199.0
            })
        );
        // Length: 0 and one beyond the plan's range are refused.
        assert_eq!(
            calibrate(&u, (0.0, 0.0), (1000.0, 0.0), 0),
            Err(CalibrationError::ZeroLength)
        );
        assert_eq!(
            calibrate(&u, (0.0, 0.0), (1000.0, 0.0), max_mm + 1),
            Err(CalibrationError::LengthTooLong {
                real_mm: max_mm + 1
            })
        );
        assert_eq!(
            calibrate(&u, (0.0, 0.0), (1000.0, 0.0), u32::MAX),
            Err(CalibrationError::LengthTooLong { real_mm: u32::MAX })
        );
        // Points: exactly the least distance apart is enough, a little less is not.
        assert!(calibrate(&u, (10.0, 10.0), (13.0, 14.0), 50).is_ok());
        assert_eq!(
            calibrate(&u, (10.0, 10.0), (14.75, 10.0), 50),
            Err(CalibrationError::PointsTooClose { distance_px: 4.75 })
        );
        assert_eq!(
            calibrate(&u, (10.0, 10.0), (10.0, 10.0), 50),
            Err(CalibrationError::PointsTooClose { distance_px: 0.0 })
        );
    }

    #[test]
    fn picked_points_must_lie_on_the_picture() {
        let u = underlay((0, 0), 1.0, 0.0);
        // The picture's edges count as on it.
        assert!(calibrate(&u, (0.0, 0.0), (2000.0, 1500.0), 2500).is_ok());
        for (a, b, pick) in [
            ((-0.001, 0.0), (100.0, 0.0), Pick::First),
            ((0.0, 1500.001), (100.0, 0.0), Pick::First),
            ((0.0, 0.0), (2000.001, 0.0), Pick::Second),
            ((f64::NAN, 0.0), (100.0, 0.0), Pick::First),
            ((0.0, 0.0), (100.0, f64::INFINITY), Pick::Second),
        ] {
            for result in [calibrate(&u, a, b, 1000), level(&u, a, b)] {
                match result {
                    Err(CalibrationError::PointOffPicture {
                        pick: p,
                        width_px: 2000,
                        height_px: 1500,
                        ..
                    }) => assert_eq!(p, pick),
                    other => panic!("{a:?} {b:?}: {other:?}"),
                }
            }
        }
    }

    #[test]
    fn calibration_refuses_to_push_the_picture_out_of_the_plan() {
        let mut u = underlay((0, 0), 1.0, 0.0);
        u.width_px = MAX_UNDERLAY_PX;
        // Growing 50 times about the right edge would put the top-left corner at -1 960 km.
        let result = calibrate(&u, (40_000.0, 0.0), (0.0, 0.0), 2_000_000);
        assert_eq!(
            result,
            Err(CalibrationError::OutsidePlan {
                origin: WorldMm::new(-1_960_000.0, 0.0)
            })
        );
        // Exactly at the limit is allowed.
        let edge = calibrate(&u, (40_000.0, 0.0), (0.0, 0.0), 1_040_000).expect("at the limit");
        assert_eq!(edge.origin, PointMm::new(-LIMIT, 0));
    }

    #[test]
    fn levelling_turns_a_wall_to_the_nearer_axis_about_the_first_point() {
        // A wall drawn 3° off horizontal in the photo of an unrotated picture.
        let u = underlay((500, -200), 4.0, 0.0);
        let a = (100.0, 100.0);
        let b = (
            100.0 + 1000.0 * 3f64.to_radians().cos(),
            100.0 + 1000.0 * 3f64.to_radians().sin(),
        );
        let l = level(&u, a, b).expect("levelled");
        assert!((l.rotation_deg + 3.0).abs() < 1e-12, "{}", l.rotation_deg);
        assert!(dist(image_to_world(&l, a), image_to_world(&u, a)) <= 0.5f64.hypot(0.5));
        assert_eq!(l.mm_per_px, 4.0);
        // A wall at 87° in the image becomes vertical: a turn of +3°.
        let v = level(
            &u,
            (100.0, 100.0),
            (
                100.0 + 50.0 * 87f64.to_radians().cos(),
                100.0 + 50.0 * 87f64.to_radians().sin(),
            ),
        )
        .expect("levelled");
        assert!((v.rotation_deg - 3.0).abs() < 1e-12, "{}", v.rotation_deg);
        // Levelling a level picture changes nothing.
        let again = level(&l, a, b).expect("levelled");
        assert!((again.rotation_deg - l.rotation_deg).abs() < 1e-12);
        assert!(dist(image_to_world(&again, a), image_to_world(&l, a)) <= 1.0);
        // Too short a segment gives no direction.
        assert_eq!(
            level(&u, (0.0, 0.0), (3.0, 4.0 - 1e-9)),
            Err(CalibrationError::PointsTooClose {
                distance_px: 3f64.hypot(4.0 - 1e-9)
            })
        );
    }

    #[test]
    fn levelled_rotation_lies_in_the_half_open_range() {
        let horizontal = ((0.0, 0.0), (100.0, 0.0));
        let rotation = |deg: f64| {
            level(&underlay((0, 0), 1.0, deg), horizontal.0, horizontal.1)
                .expect("levelled")
                .rotation_deg
        };
        // -178° turns to -180°, written as 180°; 180° stays 180°.
        assert_eq!(rotation(-178.0), 180.0);
        assert_eq!(rotation(180.0), 180.0);
        assert_eq!(rotation(-180.0), 180.0);
        assert_eq!(rotation(350.0), 0.0);
        assert_eq!(rotation(-350.0), 0.0);
        assert_eq!(rotation(360.0), 0.0);
        assert_eq!(rotation(-91.0), -90.0);
        assert_eq!(rotation(271.0), -90.0);
        assert_eq!(normalised_deg(-1e-300), 0.0);
        assert_eq!(normalised_deg(540.0), 180.0);
        assert_eq!(normalised_deg(-540.0), 180.0);
    }

    #[test]
    fn moving_rounds_and_clamps_the_origin() {
        let u = underlay((10, -10), 2.0, 7.0);
        let m = moved(&u, WorldMm::new(0.5, -0.5));
        assert_eq!(m.origin, PointMm::new(11, -11));
        assert_eq!((m.mm_per_px, m.rotation_deg), (2.0, 7.0));
        assert_eq!(
            moved(&u, WorldMm::new(0.49, 1234.51)).origin,
            PointMm::new(10, 1225)
        );
        let edge = underlay((LIMIT - 5, -LIMIT + 5), 2.0, 0.0);
        assert_eq!(
            moved(&edge, WorldMm::new(5.0, -5.0)).origin,
            PointMm::new(LIMIT, -LIMIT)
        );
        assert_eq!(
            moved(&edge, WorldMm::new(6.0, -6.0)).origin,
            PointMm::new(LIMIT, -LIMIT)
        );
        assert_eq!(
            moved(&u, WorldMm::new(f64::INFINITY, f64::NEG_INFINITY)).origin,
            PointMm::new(LIMIT, -LIMIT)
        );
        assert_eq!(
            moved(&u, WorldMm::new(f64::NAN, 3.0)).origin,
            PointMm::new(10, -7)
        );
    }

    #[test]
    fn every_refusal_says_why_in_both_languages() {
        let errors = [
            CalibrationError::PointOffPicture {
                pick: Pick::Second,
                point_px: (-3.0, 12.5),
                width_px: 2000,
                height_px: 1500,
            },
            CalibrationError::PointsTooClose { distance_px: 2.5 },
            CalibrationError::ZeroLength,
            CalibrationError::LengthTooLong { real_mm: 3_000_000 },
            CalibrationError::ScaleOutOfRange { mm_per_px: 0.0005 },
            CalibrationError::OutsidePlan {
                origin: WorldMm::new(-1_960_000.0, 0.0),
            },
        ];
        let expected = [
            (
                "2つ目の点 (-3.0, 12.5) px が下絵 (2000 × 1500 px) の外です",
                "the second point (-3.0, 12.5) px is off the picture (2000 × 1500 px)",
            ),
            ("2.5 px", "2.5 px"),
            ("0 mm", "0 mm"),
            ("3000000 mm", "3000000 mm"),
            ("0.0005 mm/px", "0.0005 mm/px"),
            ("(-1960000, 0) mm", "(-1960000, 0) mm"),
        ];
        for (e, (ja, en)) in errors.iter().zip(expected) {
            let (message_ja, message_en) = (e.message_ja(), e.message_en());
            assert!(message_ja.contains(ja), "{message_ja}");
            assert!(message_en.contains(en), "{message_en}");
            assert_ne!(message_ja, message_en);
            assert_eq!(e.to_string(), format!("{message_en} / {message_ja}"));
            let edit: EditError = e.clone().into();
            assert_eq!((edit.message_ja, edit.message_en), (message_ja, message_en));
        }
    }

    /// An underlay anywhere in the plan, at any valid scale (log-uniform) and rotation.
    fn any_underlay(max_origin: i64, max_scale: f64) -> impl Strategy<Value = Underlay> {
        let (lo, _) = UNDERLAY_MM_PER_PX;
        (
            1..=MAX_UNDERLAY_PX,
            1..=MAX_UNDERLAY_PX,
            -max_origin..=max_origin,
            -max_origin..=max_origin,
            lo.ln()..=max_scale.ln(),
            -360.0..=360.0f64,
        )
            .prop_map(move |(w, h, x, y, ln_scale, rotation)| Underlay {
                width_px: w,
                height_px: h,
                ..underlay((x, y), ln_scale.exp().clamp(lo, max_scale), rotation)
            })
    }

    /// A point on the picture, as fractions of its size.
    fn on_picture(u: &Underlay, (fu, fv): (f64, f64)) -> (f64, f64) {
        (fu * f64::from(u.width_px), fv * f64::from(u.height_px))
    }

    proptest! {
        #[test]
        fn image_and_world_round_trip(
            u in any_underlay(LIMIT, UNDERLAY_MM_PER_PX.1),
            f in (0.0..=1.0f64, 0.0..=1.0f64),
            p in (-1e6..=1e6f64, -1e6..=1e6f64),
        ) {
            let s = u.mm_per_px;
            let o = (u.origin.x as f64).abs() + (u.origin.y as f64).abs();
            let px = on_picture(&u, f);
            let (x, y) = world_to_image(&u, image_to_world(&u, px));
            // Rounding of the world coordinates (up to |origin| + |px|·scale), seen in pixels.
            let tol = 1e-12 * (1.0 + o / s + px.0 + px.1);
            prop_assert!((x - px.0).abs() <= tol && (y - px.1).abs() <= tol,
                "{px:?} -> ({x}, {y}), tolerance {tol}");
            let w = WorldMm::new(p.0, p.1);
            let back = image_to_world(&u, world_to_image(&u, w));
            let tol = 1e-12 * (1.0 + o + p.0.abs() + p.1.abs());
            prop_assert!(dist(back, w) <= tol, "{w:?} -> {back:?}");
        }

        #[test]
        fn corners_and_svg_transform_agree_with_image_to_world(
            u in any_underlay(LIMIT, UNDERLAY_MM_PER_PX.1),
        ) {
            let t = svg_transform(&u);
            let (w, h) = (f64::from(u.width_px), f64::from(u.height_px));
            for (corner, px) in corners(&u).into_iter().zip([(0.0, 0.0), (w, 0.0), (w, h), (0.0, h)]) {
                prop_assert_eq!(corner, image_to_world(&u, px));
                let (x, y) = apply_svg(&t, px);
                let tol = 1e-9 * (1.0 + corner.x.abs() + corner.y.abs());
                prop_assert!(dist(WorldMm::new(x, y), corner) <= tol, "{t}: {px:?}");
            }
        }

        #[test]
        fn calibration_gives_the_typed_length(
            u in any_underlay(200_000, 50.0),
            fa in (0.0..=1.0f64, 0.0..=1.0f64),
            fb in (0.0..=1.0f64, 0.0..=1.0f64),
            ln_target in UNDERLAY_MM_PER_PX.0.ln()..=UNDERLAY_MM_PER_PX.1.ln(),
        ) {
            let (a, b) = (on_picture(&u, fa), on_picture(&u, fb));
            let d = (b.0 - a.0).hypot(b.1 - a.1);
            let real_mm = (d * ln_target.exp()).round().clamp(1.0, MAX_DISTANCE_MM as f64) as u32;
            match calibrate(&u, a, b, real_mm) {
                Ok(c) => {
                    let (wa, wb) = (image_to_world(&c, a), image_to_world(&c, b));
                    let length = dist(wa, wb);
                    prop_assert!((length / f64::from(real_mm) - 1.0).abs() <= 1e-6,
                        "{length} mm for {real_mm} mm");
                    prop_assert!(dist(wa, image_to_world(&u, a)) <= 0.5f64.hypot(0.5) + 1e-6);
                    prop_assert_eq!(c.mm_per_px, f64::from(real_mm) / d);
                    prop_assert_eq!(c.rotation_deg, u.rotation_deg);
                }
                Err(CalibrationError::PointsTooClose { distance_px }) => {
                    prop_assert!(distance_px < MIN_PICK_DISTANCE_PX);
                    prop_assert_eq!(distance_px, d);
                }
                Err(CalibrationError::ScaleOutOfRange { mm_per_px }) => {
                    prop_assert!(!(UNDERLAY_MM_PER_PX.0..=UNDERLAY_MM_PER_PX.1).contains(&mm_per_px));
                    prop_assert_eq!(mm_per_px, f64::from(real_mm) / d);
                }
                Err(CalibrationError::OutsidePlan { origin }) => {
                    prop_assert!(origin.x.abs().max(origin.y.abs()) > LIMIT as f64);
                }
                Err(other) => prop_assert!(false, "unexpected {other:?}"),
            }
        }

        #[test]
        fn levelling_makes_the_segment_horizontal_or_vertical(
            u in any_underlay(200_000, 50.0),
            fa in (0.0..=1.0f64, 0.0..=1.0f64),
            fb in (0.0..=1.0f64, 0.0..=1.0f64),
        ) {
            let (a, b) = (on_picture(&u, fa), on_picture(&u, fb));
            match level(&u, a, b) {
                Ok(l) => {
                    prop_assert!(l.rotation_deg > -180.0 && l.rotation_deg <= 180.0);
                    let turn = normalised_deg(l.rotation_deg - u.rotation_deg);
                    prop_assert!(turn.abs() <= 45.0 + 1e-9, "turned {turn}°");
                    prop_assert_eq!(l.mm_per_px, u.mm_per_px);
                    let (wa, wb) = (image_to_world(&l, a), image_to_world(&l, b));
                    prop_assert!(dist(wa, image_to_world(&u, a)) <= 0.5f64.hypot(0.5) + 1e-6);
                    let angle = (wb.y - wa.y).atan2(wb.x - wa.x).to_degrees();
                    let off_axis = (angle - (angle / 90.0).round() * 90.0).abs();
                    // 1e-9° plus what the rounding of the coordinates themselves allows.
                    let size = wa.x.abs().max(wa.y.abs()).max(wb.x.abs()).max(wb.y.abs());
                    let tol = 1e-9 + 1e-13 * size / dist(wa, wb);
                    prop_assert!(off_axis <= tol, "{angle}° is {off_axis}° off an axis");
                }
                Err(CalibrationError::PointsTooClose { distance_px }) => {
                    prop_assert!(distance_px < MIN_PICK_DISTANCE_PX);
                }
                Err(CalibrationError::OutsidePlan { origin }) => {
                    prop_assert!(origin.x.abs().max(origin.y.abs()) > LIMIT as f64);
                }
                Err(other) => prop_assert!(false, "unexpected {other:?}"),
            }
        }
    }
}
