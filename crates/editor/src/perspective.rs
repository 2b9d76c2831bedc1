//! Four-point perspective correction (台形補正) for a phone photo of a paper 間取り図: the
//! user clicks the paper's four corners on the underlay, and the picture is redrawn as if
//! taken straight from above, so walls drawn parallel on paper are parallel in the picture
//! and one calibration (two clicks and a length) then holds over the whole sheet.
//!
//! [`rectify`] takes the corners in image pixels (in the order 左上, 右上, 右下, 左下 of the
//! paper; clicked the other way round they are put in that order), checks they make a
//! convex quadrilateral large enough to mean something, chooses the output size (the mean of
//! opposite sides, so lengths stay near the photo's pixels and the scale stays near what it
//! was) and returns the projective map from output pixels to photo pixels. [`warp`] then
//! resamples the picture bilinearly. Both are plain arithmetic on finite numbers; the map is
//! solved by Gaussian elimination with partial pivoting and refused when singular.
//!
//! The app reads the picture's pixels from a canvas, warps them, stores the result as a new
//! picture and places it with [`placed`] so the paper's first corner stays where it was in
//! the plan: one `Command::SetUnderlay`, one undo step.

use crate::underlay::{image_to_world, CalibrationError, Pick};
use madori_plan::geometry::MAX_COORDINATE_MM;
use madori_plan::validate::MAX_UNDERLAY_PX;
use madori_plan::{PointMm, Underlay};

/// The most pixels a corrected picture may have (16 MP: 64 MiB of RGBA while warping).
pub const MAX_PIXELS: u64 = 16_000_000;

/// The least area of the clicked quadrilateral, px²: smaller is a slip, not a sheet.
pub const MIN_AREA_PX2: f64 = 400.0;

/// A projective map `(x, y) → ((h0 x + h1 y + h2) / w, (h3 x + h4 y + h5) / w)` with
/// `w = h6 x + h7 y + 1`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Homography(pub [f64; 8]);

impl Homography {
    /// The map taking each `from[i]` to `to[i]`; `None` when no such map exists (three
    /// points on a line) or it is not finite.
    pub fn between(from: [(f64, f64); 4], to: [(f64, f64); 4]) -> Option<Self> {
        // Two rows per point pair: the unknowns h0..h7.
        let mut a = [[0.0_f64; 9]; 8];
        for (i, (&(x, y), &(u, v))) in from.iter().zip(&to).enumerate() {
            a[2 * i] = [x, y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y, u];
            a[2 * i + 1] = [0.0, 0.0, 0.0, x, y, 1.0, -v * x, -v * y, v];
        }
        let h = solve(a)?;
        h.iter().all(|v| v.is_finite()).then_some(Self(h))
    }

    /// Where `p` goes; `None` where the map sends it to infinity.
    pub fn apply(&self, (x, y): (f64, f64)) -> Option<(f64, f64)> {
        let h = &self.0;
        let w = h[6] * x + h[7] * y + 1.0;
        if w.abs() < 1e-12 {
            return None;
        }
        let p = (
            (h[0] * x + h[1] * y + h[2]) / w,
            (h[3] * x + h[4] * y + h[5]) / w,
        );
        (p.0.is_finite() && p.1.is_finite()).then_some(p)
    }
}

/// Solves the 8 × 8 system whose augmented rows are `a`; `None` when it is singular.
fn solve(mut a: [[f64; 9]; 8]) -> Option<[f64; 8]> {
    for col in 0..8 {
        let pivot = (col..8).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-9 {
            return None;
        }
        a.swap(col, pivot);
        let pivot_row = a[col];
        for (r, row) in a.iter_mut().enumerate() {
            if r != col {
                let k = row[col] / pivot_row[col];
                for (v, p) in row.iter_mut().zip(&pivot_row).skip(col) {
                    *v -= k * p;
                }
            }
        }
    }
    let mut h = [0.0; 8];
    for (i, v) in h.iter_mut().enumerate() {
        *v = a[i][8] / a[i][i];
    }
    Some(h)
}

/// A correction ready to apply: the output size and the map from output pixels to photo
/// pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rectification {
    /// Output width, px.
    pub width_px: u32,
    /// Output height, px.
    pub height_px: u32,
    /// Output pixel → photo pixel.
    pub to_photo: Homography,
    /// The paper's first corner (左上) in the photo, px.
    pub first_corner_px: (f64, f64),
}

/// Checks the four clicked corners (photo pixels, on a `width_px` × `height_px` picture) and
/// plans the correction (see the module docs).
pub fn rectify(
    corners_px: [(f64, f64); 4],
    width_px: u32,
    height_px: u32,
) -> Result<Rectification, CalibrationError> {
    for (i, p) in corners_px.iter().enumerate() {
        let on = (0.0..=f64::from(width_px)).contains(&p.0)
            && (0.0..=f64::from(height_px)).contains(&p.1);
        if !on {
            return Err(CalibrationError::PointOffPicture {
                pick: if i == 0 { Pick::First } else { Pick::Second },
                point_px: *p,
                width_px,
                height_px,
            });
        }
    }
    // Clockwise on screen (y down) from the first corner; the other way round is reversed.
    let [a, b, c, d] = corners_px;
    let corners = if signed_area(&corners_px) < 0.0 {
        [a, d, c, b]
    } else {
        corners_px
    };
    let area = signed_area(&corners);
    if !convex(&corners) || area < MIN_AREA_PX2 {
        return Err(CalibrationError::CornersNotAQuadrilateral {
            area_px2: area.abs(),
        });
    }
    let len = |p: (f64, f64), q: (f64, f64)| (q.0 - p.0).hypot(q.1 - p.1);
    let [a, b, c, d] = corners;
    let mut w = (len(a, b) + len(d, c)) / 2.0;
    let mut h = (len(a, d) + len(b, c)) / 2.0;
    // Within the picture limits, keeping the sheet's proportions.
    let max_side = f64::from(MAX_UNDERLAY_PX);
    let shrink = (max_side / w.max(h))
        .min((MAX_PIXELS as f64 / (w * h)).sqrt())
        .min(1.0);
    w = (w * shrink).round().max(1.0);
    h = (h * shrink).round().max(1.0);
    let out = [(0.0, 0.0), (w, 0.0), (w, h), (0.0, h)];
    let to_photo = Homography::between(out, corners)
        .ok_or(CalibrationError::CornersNotAQuadrilateral { area_px2: area })?;
    Ok(Rectification {
        width_px: w as u32,
        height_px: h as u32,
        to_photo,
        first_corner_px: a,
    })
}

/// The signed area of the quadrilateral, px² (positive clockwise on screen, y down).
fn signed_area(p: &[(f64, f64); 4]) -> f64 {
    let mut s = 0.0;
    for i in 0..4 {
        let (a, b) = (p[i], p[(i + 1) % 4]);
        s += a.0 * b.1 - b.0 * a.1;
    }
    s / 2.0
}

/// Whether every turn of the quadrilateral goes the same way (strictly).
fn convex(p: &[(f64, f64); 4]) -> bool {
    let turns: Vec<f64> = (0..4)
        .map(|i| {
            let (a, b, c) = (p[i], p[(i + 1) % 4], p[(i + 2) % 4]);
            (b.0 - a.0) * (c.1 - b.1) - (b.1 - a.1) * (c.0 - b.0)
        })
        .collect();
    turns.iter().all(|t| *t > 0.0) || turns.iter().all(|t| *t < 0.0)
}

/// The corrected picture: RGBA pixels `width_px` × `height_px` of `r`, each sampled
/// bilinearly from `photo` (RGBA, `photo_width` × `photo_height`) where the map sends its
/// centre; outside the photo, transparent. `None` when `photo` is not that size.
pub fn warp(
    photo: &[u8],
    photo_width: u32,
    photo_height: u32,
    r: &Rectification,
) -> Option<Vec<u8>> {
    let (pw, ph) = (photo_width as usize, photo_height as usize);
    if photo.len() != pw.checked_mul(ph)?.checked_mul(4)? {
        return None;
    }
    let (w, h) = (r.width_px as usize, r.height_px as usize);
    let mut out = vec![0_u8; w.checked_mul(h)?.checked_mul(4)?];
    let pixel = |x: usize, y: usize, c: usize| f64::from(photo[(y * pw + x) * 4 + c]);
    for y in 0..h {
        for x in 0..w {
            let Some((u, v)) = r.to_photo.apply((x as f64 + 0.5, y as f64 + 0.5)) else {
                continue;
            };
            // Pixel centres sit at +0.5.
            let (u, v) = (u - 0.5, v - 0.5);
            if u < -0.5 || v < -0.5 || u > pw as f64 - 0.5 || v > ph as f64 - 0.5 {
                continue;
            }
            let (x0, y0) = (u.floor().max(0.0), v.floor().max(0.0));
            let (fx, fy) = ((u - x0).clamp(0.0, 1.0), (v - y0).clamp(0.0, 1.0));
            let (x0, y0) = ((x0 as usize).min(pw - 1), (y0 as usize).min(ph - 1));
            let (x1, y1) = ((x0 + 1).min(pw - 1), (y0 + 1).min(ph - 1));
            for c in 0..4 {
                let top = pixel(x0, y0, c) * (1.0 - fx) + pixel(x1, y0, c) * fx;
                let bottom = pixel(x0, y1, c) * (1.0 - fx) + pixel(x1, y1, c) * fx;
                let value = top * (1.0 - fy) + bottom * fy;
                out[(y * w + x) * 4 + c] = value.round().clamp(0.0, 255.0) as u8;
            }
        }
    }
    Some(out)
}

/// The underlay of the corrected picture `image_id`: the paper's first corner stays where
/// it was in the plan, the scale and rotation as they were (the output keeps the photo's
/// pixel lengths on average), the other settings unchanged.
pub fn placed(old: &Underlay, image_id: impl Into<String>, r: &Rectification) -> Underlay {
    let corner = image_to_world(old, r.first_corner_px);
    let limit = MAX_COORDINATE_MM as f64;
    let axis = |v: f64| v.round().clamp(-limit, limit) as i64;
    Underlay {
        image: image_id.into(),
        width_px: r.width_px,
        height_px: r.height_px,
        origin: PointMm::new(axis(corner.x), axis(corner.y)),
        ..old.clone()
    }
}
