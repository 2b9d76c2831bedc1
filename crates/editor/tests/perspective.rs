//! Four-point perspective correction (issue 8, stretch): a phone photo of a sheet, taken at
//! an angle, comes out as the sheet seen from above.

use madori_editor::perspective::{placed, rectify, warp, Homography, MIN_AREA_PX2};
use madori_editor::underlay::{image_to_world, place, CalibrationError};
use madori_editor::viewport::WorldMm;
use proptest::prelude::*;

/// The sheet: 200 × 100 units, quadrants red (top left), green (top right), blue (bottom
/// right), white (bottom left).
const SHEET: (f64, f64) = (200.0, 100.0);
const RED: [u8; 4] = [255, 0, 0, 255];
const GREEN: [u8; 4] = [0, 255, 0, 255];
const BLUE: [u8; 4] = [0, 0, 255, 255];
const WHITE: [u8; 4] = [255, 255, 255, 255];
const GREY: [u8; 4] = [90, 90, 90, 255];

/// Where the sheet's corners fall in the 400 × 300 photo: seen at an angle.
const PHOTO_CORNERS: [(f64, f64); 4] = [(60.0, 40.0), (330.0, 70.0), (300.0, 262.0), (38.0, 228.0)];

fn sheet_colour(x: f64, y: f64) -> [u8; 4] {
    match (x < SHEET.0 / 2.0, y < SHEET.1 / 2.0) {
        (true, true) => RED,
        (false, true) => GREEN,
        (false, false) => BLUE,
        (true, false) => WHITE,
    }
}

/// The photo, drawn by mapping each photo pixel back onto the sheet.
fn photo() -> (Vec<u8>, u32, u32) {
    let (w, h) = (400_u32, 300_u32);
    let sheet = [(0.0, 0.0), (SHEET.0, 0.0), SHEET, (0.0, SHEET.1)];
    let to_sheet = Homography::between(PHOTO_CORNERS, sheet).unwrap();
    let mut out = Vec::with_capacity((w * h * 4) as usize);
    for y in 0..h {
        for x in 0..w {
            let (u, v) = to_sheet
                .apply((f64::from(x) + 0.5, f64::from(y) + 0.5))
                .unwrap();
            let inside = (0.0..SHEET.0).contains(&u) && (0.0..SHEET.1).contains(&v);
            out.extend_from_slice(&if inside { sheet_colour(u, v) } else { GREY });
        }
    }
    (out, w, h)
}

fn at(pixels: &[u8], width: u32, x: u32, y: u32) -> [u8; 4] {
    let i = ((y * width + x) * 4) as usize;
    [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]]
}

#[test]
fn a_photo_taken_at_an_angle_comes_out_as_the_sheet_seen_from_above() {
    let (pixels, w, h) = photo();
    let r = rectify(PHOTO_CORNERS, w, h).unwrap();
    // The mean of opposite sides of the quadrilateral.
    let len = |a: (f64, f64), b: (f64, f64)| (b.0 - a.0).hypot(b.1 - a.1);
    let [a, b, c, d] = PHOTO_CORNERS;
    assert_eq!(r.width_px, ((len(a, b) + len(d, c)) / 2.0).round() as u32);
    assert_eq!(r.height_px, ((len(a, d) + len(b, c)) / 2.0).round() as u32);
    let out = warp(&pixels, w, h, &r).unwrap();
    let (ow, oh) = (r.width_px, r.height_px);
    // Each quadrant's middle has its colour.
    assert_eq!(at(&out, ow, ow / 4, oh / 4), RED);
    assert_eq!(at(&out, ow, 3 * ow / 4, oh / 4), GREEN);
    assert_eq!(at(&out, ow, 3 * ow / 4, 3 * oh / 4), BLUE);
    assert_eq!(at(&out, ow, ow / 4, 3 * oh / 4), WHITE);
    // The line between red and green, slanted in the photo, is upright at the middle in
    // every row: the sheet's straight lines come out straight and square.
    for y in (oh / 10)..(oh / 2 - 3) {
        let first_green = (0..ow).find(|&x| at(&out, ow, x, y)[1] > 128).unwrap();
        assert!(
            first_green.abs_diff(ow / 2) <= 2,
            "row {y}: {first_green} vs {}",
            ow / 2
        );
    }
    // The sheet fills the corrected picture: the grey table shows only in the edge pixels.
    for (x, y) in [(2, 2), (ow - 3, 2), (ow - 3, oh - 3), (2, oh - 3)] {
        assert_ne!(at(&out, ow, x, y), GREY, "({x}, {y})");
    }
}

#[test]
fn corners_clicked_the_other_way_round_give_the_same_picture() {
    let [a, b, c, d] = PHOTO_CORNERS;
    let clockwise = rectify([a, b, c, d], 400, 300).unwrap();
    let other_way = rectify([a, d, c, b], 400, 300).unwrap();
    assert_eq!(clockwise, other_way);
}

#[test]
fn corners_that_make_no_sheet_are_refused_with_words() {
    // Crossed (a bow tie), collinear, tiny, off the picture.
    let crossed = rectify(
        [(10.0, 10.0), (200.0, 200.0), (200.0, 10.0), (10.0, 200.0)],
        400,
        300,
    );
    assert!(matches!(
        crossed,
        Err(CalibrationError::CornersNotAQuadrilateral { .. })
    ));
    let flat = rectify(
        [(10.0, 10.0), (100.0, 10.0), (200.0, 10.0), (300.0, 10.0)],
        400,
        300,
    );
    assert!(matches!(
        flat,
        Err(CalibrationError::CornersNotAQuadrilateral { .. })
    ));
    let side = MIN_AREA_PX2.sqrt() - 1.0;
    let tiny = rectify(
        [(0.0, 0.0), (side, 0.0), (side, side), (0.0, side)],
        400,
        300,
    );
    assert!(matches!(
        tiny,
        Err(CalibrationError::CornersNotAQuadrilateral { .. })
    ));
    let exactly = MIN_AREA_PX2.sqrt();
    assert!(rectify(
        [
            (0.0, 0.0),
            (exactly, 0.0),
            (exactly, exactly),
            (0.0, exactly)
        ],
        400,
        300
    )
    .is_ok());
    let off = rectify(
        [(10.0, 10.0), (500.0, 10.0), (200.0, 200.0), (10.0, 200.0)],
        400,
        300,
    );
    let Err(e) = off else { panic!() };
    assert!(matches!(e, CalibrationError::PointOffPicture { .. }));
    assert!(e.message_ja().contains("外"));
    let crossed = crossed.unwrap_err();
    assert!(crossed.message_ja().contains("左上・右上・右下・左下"));
    assert!(crossed.message_en().contains("top left"));
}

#[test]
fn a_huge_sheet_is_drawn_within_the_picture_limits_and_a_wrong_buffer_is_refused() {
    let max = madori_plan::validate::MAX_UNDERLAY_PX;
    let side = f64::from(max);
    let r = rectify(
        [(0.0, 0.0), (side, 0.0), (side, side), (0.0, side)],
        max,
        max,
    )
    .unwrap();
    assert!(
        u64::from(r.width_px) * u64::from(r.height_px) <= madori_editor::perspective::MAX_PIXELS
    );
    assert!(r.width_px <= max && r.height_px <= max);
    let small = rectify(PHOTO_CORNERS, 400, 300).unwrap();
    assert!(warp(&[0; 16], 400, 300, &small).is_none());
}

#[test]
fn the_first_corner_stays_where_it_was_in_the_plan() {
    let mut old = place("photo", 400, 300, WorldMm::new(1000.0, 2000.0), Some(12.5));
    old.rotation_deg = 7.0;
    let r = rectify(PHOTO_CORNERS, 400, 300).unwrap();
    let new = placed(&old, "photo-straight", &r);
    let was = image_to_world(&old, PHOTO_CORNERS[0]);
    let now = image_to_world(&new, (0.0, 0.0));
    assert!(
        (was.x - now.x).abs() <= 0.5 && (was.y - now.y).abs() <= 0.5,
        "{was:?} {now:?}"
    );
    assert_eq!((new.width_px, new.height_px), (r.width_px, r.height_px));
    assert_eq!(new.image, "photo-straight");
    assert_eq!(
        (new.mm_per_px, new.rotation_deg),
        (old.mm_per_px, old.rotation_deg)
    );
}

proptest! {
    /// The map takes each corner to its image, and the map back undoes it anywhere inside.
    #[test]
    fn a_homography_maps_its_corners_and_its_inverse_undoes_it(
        jitter in proptest::collection::vec(-40.0_f64..40.0, 8),
        x in 0.0_f64..1.0, y in 0.0_f64..1.0,
    ) {
        let square = [(0.0, 0.0), (300.0, 0.0), (300.0, 200.0), (0.0, 200.0)];
        let mut quad = square;
        for (i, p) in quad.iter_mut().enumerate() {
            p.0 += jitter[2 * i] + 50.0;
            p.1 += jitter[2 * i + 1] + 50.0;
        }
        let forward = Homography::between(square, quad).unwrap();
        let back = Homography::between(quad, square).unwrap();
        for (s, q) in square.iter().zip(&quad) {
            let p = forward.apply(*s).unwrap();
            prop_assert!((p.0 - q.0).abs() < 1e-6 && (p.1 - q.1).abs() < 1e-6);
        }
        let p = (x * 300.0, y * 200.0);
        let there = forward.apply(p).unwrap();
        let again = back.apply(there).unwrap();
        prop_assert!((again.0 - p.0).abs() < 1e-6 && (again.1 - p.1).abs() < 1e-6);
    }
}
