//! World millimetres ↔ screen pixels.
//!
//! World space is the plan's: millimetres, x right, y down. Screen space is CSS pixels
//! relative to the canvas's top-left corner, also y down, so the mapping is a uniform scale
//! and a translation (no flip). The two spaces have their own point types so a pixel can
//! never be used as a millimetre.

/// A position in world millimetres, not yet snapped to whole millimetres.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct WorldMm {
    /// x, mm.
    pub x: f64,
    /// y, mm (down).
    pub y: f64,
}

impl WorldMm {
    /// A world position.
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    /// The nearest whole-millimetre point.
    pub fn round(self) -> madori_plan::PointMm {
        madori_plan::PointMm::new(self.x.round() as i64, self.y.round() as i64)
    }
}

impl From<madori_plan::PointMm> for WorldMm {
    fn from(p: madori_plan::PointMm) -> Self {
        Self::new(p.x as f64, p.y as f64)
    }
}

/// A position in screen pixels relative to the canvas.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct ScreenPx {
    /// x, px.
    pub x: f64,
    /// y, px (down).
    pub y: f64,
}

impl ScreenPx {
    /// A screen position.
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }
}

/// The visible part of the world: which world point sits at the canvas's top-left, and how
/// many pixels one millimetre takes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// World position at the canvas's top-left pixel.
    pub origin: WorldMm,
    /// Scale, px per mm.
    pub px_per_mm: f64,
    /// Canvas size, px.
    pub size: ScreenPx,
}

/// Zoom limits, px per mm: from a 200 m site on a phone to 1 mm ≈ 2 px.
pub const MIN_PX_PER_MM: f64 = 0.002;
/// See [`MIN_PX_PER_MM`].
pub const MAX_PX_PER_MM: f64 = 2.0;

impl Viewport {
    /// A viewport of `size` px showing the world from `origin` at `px_per_mm`.
    pub fn new(origin: WorldMm, px_per_mm: f64, size: ScreenPx) -> Self {
        Self {
            origin,
            px_per_mm: px_per_mm.clamp(MIN_PX_PER_MM, MAX_PX_PER_MM),
            size,
        }
    }

    /// Screen position of a world point.
    pub fn to_screen(&self, p: WorldMm) -> ScreenPx {
        ScreenPx::new(
            (p.x - self.origin.x) * self.px_per_mm,
            (p.y - self.origin.y) * self.px_per_mm,
        )
    }

    /// World position under a screen point.
    pub fn to_world(&self, p: ScreenPx) -> WorldMm {
        WorldMm::new(
            self.origin.x + p.x / self.px_per_mm,
            self.origin.y + p.y / self.px_per_mm,
        )
    }

    /// A screen distance in world millimetres (for hit tolerances).
    pub fn px_to_mm(&self, px: f64) -> f64 {
        px / self.px_per_mm
    }

    /// Zooms by `factor` keeping the world point under `anchor` fixed (wheel, pinch).
    pub fn zoom_at(&mut self, anchor: ScreenPx, factor: f64) {
        if !factor.is_finite() || factor <= 0.0 {
            return;
        }
        let fixed = self.to_world(anchor);
        self.px_per_mm = (self.px_per_mm * factor).clamp(MIN_PX_PER_MM, MAX_PX_PER_MM);
        self.origin = WorldMm::new(
            fixed.x - anchor.x / self.px_per_mm,
            fixed.y - anchor.y / self.px_per_mm,
        );
    }

    /// Moves the view by a screen distance (the world follows the pointer).
    pub fn pan_by(&mut self, dx_px: f64, dy_px: f64) {
        if dx_px.is_finite() && dy_px.is_finite() {
            self.origin.x -= dx_px / self.px_per_mm;
            self.origin.y -= dy_px / self.px_per_mm;
        }
    }

    /// Shows the world rectangle `lo..hi` whole and centred, with `margin_px` around it.
    pub fn fit(&mut self, lo: WorldMm, hi: WorldMm, margin_px: f64) {
        let width = (hi.x - lo.x).max(1.0);
        let height = (hi.y - lo.y).max(1.0);
        let usable = ScreenPx::new(
            (self.size.x - 2.0 * margin_px).max(1.0),
            (self.size.y - 2.0 * margin_px).max(1.0),
        );
        self.px_per_mm = (usable.x / width)
            .min(usable.y / height)
            .clamp(MIN_PX_PER_MM, MAX_PX_PER_MM);
        let centre = WorldMm::new((lo.x + hi.x) / 2.0, (lo.y + hi.y) / 2.0);
        self.origin = WorldMm::new(
            centre.x - self.size.x / 2.0 / self.px_per_mm,
            centre.y - self.size.y / 2.0 / self.px_per_mm,
        );
    }

    /// The SVG `viewBox` showing exactly this viewport.
    pub fn view_box(&self) -> String {
        format!(
            "{} {} {} {}",
            self.origin.x,
            self.origin.y,
            self.size.x / self.px_per_mm,
            self.size.y / self.px_per_mm
        )
    }

    /// Zoom as a percentage of 1:100 on a 96 dpi screen (1 mm = 0.0378 px), as drawing tools
    /// show it.
    pub fn zoom_percent(&self) -> f64 {
        self.px_per_mm / (96.0 / 25.4 / 100.0) * 100.0
    }
}

impl Default for Viewport {
    fn default() -> Self {
        Self::new(
            WorldMm::new(-1000.0, -1000.0),
            0.06,
            ScreenPx::new(800.0, 600.0),
        )
    }
}
