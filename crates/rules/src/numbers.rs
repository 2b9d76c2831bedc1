//! Numbers on screen and paper (STANDARDS.md §9): a printed number never contradicts its
//! verdict.
//!
//! * Areas print to 0.01 ㎡ with the rounding in force ([`Rounding`]: 切捨 by default, as
//!   確認申請 truncates; 四捨五入 and 切上 for authorities that ask for them).
//! * A requirement prints rounded **up**, and a shortfall rounds up to at least 0.01 ㎡, so a
//!   hint applied literally fixes its finding.
//! * 帖 round down: one 帖 needs a full 1.62 ㎡.
//! * When a measured value and its requirement would print in an order that contradicts the
//!   verdict (8.997 ㎡ failing 9 ㎡ shown as "9.00" under 四捨五入), both print with more
//!   decimals until they agree ("8.997 < 9").
//!
//! The rounding is a profile parameter (`report.rounding`), so it is recorded in every report
//! with its source. A check runs inside [`with_rounding`]; a finding's words remember the mode
//! they were checked with and render with it, however late they are read.

use std::cell::Cell;

/// How areas are rounded for display.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Rounding {
    /// 切捨: towards zero (確認申請 practice, the default).
    #[default]
    Truncate,
    /// 四捨五入: to nearest, half away from zero.
    Nearest,
    /// 切上: away from zero.
    Up,
}

impl Rounding {
    /// Every mode, in the order of the parameter's values 0, 1, 2.
    pub const ALL: [Rounding; 3] = [Self::Truncate, Self::Nearest, Self::Up];

    /// The mode for a `report.rounding` parameter value (0 切捨, 1 四捨五入, 2 切上).
    pub fn from_param(value: f64) -> Self {
        if value >= 1.5 {
            Self::Up
        } else if value >= 0.5 {
            Self::Nearest
        } else {
            Self::Truncate
        }
    }

    /// Japanese name.
    pub const fn ja(self) -> &'static str {
        match self {
            Self::Truncate => "切捨",
            Self::Nearest => "四捨五入",
            Self::Up => "切上",
        }
    }

    /// English name.
    pub const fn en(self) -> &'static str {
        match self {
            Self::Truncate => "truncate",
            Self::Nearest => "round to nearest",
            Self::Up => "round up",
        }
    }
}

thread_local! {
    static ROUNDING: Cell<Rounding> = const { Cell::new(Rounding::Truncate) };
}

/// The rounding in force on this thread.
pub fn rounding() -> Rounding {
    ROUNDING.with(Cell::get)
}

/// Runs `f` with `mode` in force, restoring the previous mode afterwards.
pub fn with_rounding<R>(mode: Rounding, f: impl FnOnce() -> R) -> R {
    struct Restore(Rounding);
    impl Drop for Restore {
        fn drop(&mut self) {
            ROUNDING.with(|r| r.set(self.0));
        }
    }
    let _restore = Restore(ROUNDING.with(|r| r.replace(mode)));
    f()
}

/// Tolerance in ㎡ under which a value counts as sitting exactly on a rounding step: the
/// checks' own tolerance, so float noise (9.94 stored as 9.93999…) never drops a digit.
const STEP_TOLERANCE_M2: f64 = 1e-9;

/// `value` rounded to `decimals` decimals (at most 6) with `mode`, as a scaled integer.
fn scaled(value: f64, decimals: u32, mode: Rounding) -> Option<i64> {
    let scale = 10_f64.powi(decimals.min(6) as i32);
    let x = value * scale;
    let tolerance = STEP_TOLERANCE_M2 * scale;
    let r = match mode {
        Rounding::Truncate => {
            if x >= 0.0 {
                (x + tolerance).floor()
            } else {
                (x - tolerance).ceil()
            }
        }
        Rounding::Nearest => x.round(),
        Rounding::Up => {
            if x >= 0.0 {
                (x - tolerance).ceil()
            } else {
                (x + tolerance).floor()
            }
        }
    };
    (r.is_finite() && r.abs() <= 9e15).then_some(r as i64)
}

fn render_scaled(n: i64, decimals: u32) -> String {
    let decimals = decimals.min(6);
    let scale = 10_i64.pow(decimals);
    let sign = if n < 0 { "-" } else { "" };
    let (whole, fraction) = (
        n.unsigned_abs() / scale as u64,
        n.unsigned_abs() % scale as u64,
    );
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!(
            "{sign}{whole}.{fraction:0width$}",
            width = decimals as usize
        )
    }
}

/// `value` with exactly `decimals` decimals, rounded with `mode`. Non-finite or huge values
/// print as the standard formatter does (validation keeps them out of real plans).
pub fn fixed_with(value: f64, decimals: u32, mode: Rounding) -> String {
    match scaled(value, decimals, mode) {
        Some(n) => render_scaled(n, decimals),
        None => format!("{value:.prec$}", prec = decimals.min(6) as usize),
    }
}

/// Drops trailing zeros after the decimal point (`15.00` → `15`, `7.50` → `7.5`).
fn trim(text: String) -> String {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// Most significant digits [`parse_decimal`] keeps: below 2^63, so they fit a `u64`.
const MAX_DIGITS: u32 = 18;

/// Reads a decimal number as people type it: an optional sign, digits with at most one
/// decimal point (`7`, `7.5`, `.5`, `7.`) and an optional exponent (`1e3`, `2.5E-2`). `None`
/// for anything else (empty text, letters, `inf`, `NaN`, two points, a bare sign).
///
/// Exact (the nearest `f64`, as `str::parse` gives) for up to 15 significant digits times a
/// power of ten up to 10²² either way, which covers every figure a plan or a profile holds:
/// both numbers are then exact `f64`s and one IEEE multiplication or division rounds
/// correctly. Longer or far larger or smaller numbers are within a few units in the last
/// place (digits past the 18th are dropped). Written out rather than using `str::parse`,
/// whose correctly rounded algorithm and its 10 KB table of powers are the largest single
/// cost of the app's wasm after its own code.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (negative, rest) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let (mantissa_text, exponent_text) = match rest.find(['e', 'E']) {
        Some(at) => (&rest[..at], Some(&rest[at + 1..])),
        None => (rest, None),
    };
    let mut mantissa: u64 = 0;
    let (mut digits, mut any_digit, mut point) = (0u32, false, false);
    // Power of ten to apply to `mantissa`: minus the decimals kept, plus the digits dropped.
    let mut scale: i64 = 0;
    for byte in mantissa_text.bytes() {
        match byte {
            b'.' if !point => point = true,
            b'0'..=b'9' => {
                any_digit = true;
                if digits < MAX_DIGITS {
                    mantissa = mantissa * 10 + u64::from(byte - b'0');
                    digits += u32::from(mantissa != 0);
                    scale -= i64::from(point);
                } else {
                    scale += i64::from(!point);
                }
            }
            _ => return None,
        }
    }
    if !any_digit {
        return None;
    }
    if let Some(exponent_text) = exponent_text {
        let (negative_exponent, digits_text) = match exponent_text.as_bytes().first() {
            Some(b'-') => (true, &exponent_text[1..]),
            Some(b'+') => (false, &exponent_text[1..]),
            _ => (false, exponent_text),
        };
        if digits_text.is_empty() || !digits_text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        // Past ±10 000 every value is 0 or infinite anyway; saturating keeps it bounded.
        let exponent = digits_text
            .bytes()
            .fold(0i64, |e, b| (e * 10 + i64::from(b - b'0')).min(10_000));
        scale += if negative_exponent {
            -exponent
        } else {
            exponent
        };
    }
    let magnitude = mantissa as f64;
    let value = if mantissa == 0 {
        0.0
    } else if (0..=22).contains(&scale) {
        magnitude * 10f64.powi(scale as i32)
    } else if (-22..0).contains(&scale) {
        magnitude / 10f64.powi(-scale as i32)
    } else {
        // Far from 1: two steps so that 10^scale itself neither overflows nor underflows
        // before the digits are applied.
        let half = (scale / 2).clamp(-400, 400) as i32;
        let rest = (scale - i64::from(half)).clamp(-400, 400) as i32;
        magnitude * 10f64.powi(half) * 10f64.powi(rest)
    };
    Some(if negative { -value } else { value })
}

/// An area in ㎡ with two decimals, rounded with the mode in force.
pub fn area(value_m2: f64) -> String {
    fixed_with(value_m2, 2, rounding())
}

/// A required area, rounded up to 0.01 ㎡ and without trailing zeros (`55`, `12.04`): a
/// plan that meets the printed requirement meets the real one.
pub fn required(value_m2: f64) -> String {
    trim(fixed_with(value_m2, 2, Rounding::Up))
}

/// How much is missing, rounded up to 0.01 ㎡ and at least 0.01 ㎡ (`0.01` for 0.003 ㎡):
/// adding the printed amount fixes the finding.
pub fn shortfall(value_m2: f64) -> String {
    let up = scaled(value_m2, 2, Rounding::Up).map_or(1, |n| n.max(1));
    render_scaled(up, 2)
}

/// The shortfall as a number of ㎡ (the amount [`shortfall`] prints).
pub fn shortfall_m2(value_m2: f64) -> f64 {
    scaled(value_m2, 2, Rounding::Up).map_or(0.01, |n| n.max(1) as f64 / 100.0)
}

/// An area in 帖, rounded down to 0.1 帖 (1 帖 = 1.62 ㎡ of wall-centre area).
pub fn jo(value_m2: f64) -> String {
    fixed_with(crate::area::m2_to_jo(value_m2), 1, Rounding::Truncate)
}

/// A measured area and its requirement, printed so that their order agrees with the verdict:
/// `ok` means measured ≥ required. Starts at 0.01 ㎡ (measured with the mode in force,
/// required rounded up) and adds decimals, up to 6, until the printed numbers agree.
pub fn compared(measured_m2: f64, required_m2: f64, ok: bool) -> (String, String) {
    let mode = rounding();
    for decimals in 2..=6 {
        let (Some(m), Some(r)) = (
            scaled(measured_m2, decimals, mode),
            scaled(required_m2, decimals, Rounding::Up),
        ) else {
            break;
        };
        if (m >= r) == ok {
            return (render_scaled(m, decimals), trim(render_scaled(r, decimals)));
        }
    }
    (
        fixed_with(measured_m2, 6, Rounding::Truncate),
        trim(fixed_with(required_m2, 6, Rounding::Nearest)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_truncate_by_default_and_follow_the_mode() {
        assert_eq!(area(8.997), "8.99");
        assert_eq!(area(39.996), "39.99");
        assert_eq!(area(9.94), "9.94");
        assert_eq!(area(9.0 - 1e-12), "9.00");
        with_rounding(Rounding::Nearest, || assert_eq!(area(8.997), "9.00"));
        with_rounding(Rounding::Up, || assert_eq!(area(8.991), "9.00"));
        with_rounding(Rounding::Up, || assert_eq!(area(8.99), "8.99"));
        assert_eq!(rounding(), Rounding::Truncate, "the mode is restored");
    }

    #[test]
    fn shortfalls_round_up_to_at_least_one_hundredth() {
        assert_eq!(shortfall(0.003), "0.01");
        assert_eq!(shortfall(0.0), "0.01");
        assert_eq!(shortfall(12.033), "12.04");
        assert_eq!(shortfall(2.0), "2.00");
        assert_eq!(shortfall(0.01 + 1e-12), "0.01");
        assert!((shortfall_m2(12.033) - 12.04).abs() < 1e-12);
    }

    #[test]
    fn jo_rounds_down() {
        assert_eq!(jo(16.19), "9.9");
        assert_eq!(jo(16.2), "10.0");
        assert_eq!(jo(9.9372), "6.1");
    }

    #[test]
    fn compared_numbers_agree_with_the_verdict() {
        assert_eq!(compared(8.997, 9.0, false), ("8.99".into(), "9".into()));
        with_rounding(Rounding::Nearest, || {
            assert_eq!(compared(8.997, 9.0, false), ("8.997".into(), "9".into()));
        });
        assert_eq!(compared(39.996, 40.0, false), ("39.99".into(), "40".into()));
        assert_eq!(
            compared(12.035, 12.0333, true),
            ("12.035".into(), "12.034".into())
        );
        assert_eq!(compared(9.0, 9.0, true), ("9.00".into(), "9".into()));
        assert_eq!(compared(55.0, 55.0, true), ("55.00".into(), "55".into()));
    }

    #[test]
    fn requirements_round_up() {
        assert_eq!(required(55.0), "55");
        assert_eq!(required(12.0333), "12.04");
        assert_eq!(required(7.5), "7.5");
    }
}
