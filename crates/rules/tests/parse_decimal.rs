//! Reading typed numbers: `parse_decimal` agrees with `str::parse::<f64>` on what people
//! type, and refuses what is not a plain decimal number.

use madori_rules::numbers::parse_decimal;
use proptest::prelude::*;

#[test]
fn plain_decimals_read_as_the_standard_parser_reads_them() {
    for text in [
        "0",
        "-0",
        "+0",
        "7",
        "7.5",
        ".5",
        "7.",
        "-2.25",
        "+13",
        "0.1",
        "0.0005",
        "9.9372",
        "57.967",
        "1e3",
        "2.5E-2",
        "1e22",
        "1e-22",
        "123456789012345",
        "0.000000000000001",
        "00012.500",
        "1.62",
        "400",
        "4.55e2",
        "-1e+2",
    ] {
        let expected: f64 = text.parse().unwrap();
        let got = parse_decimal(text).unwrap_or_else(|| panic!("{text} refused"));
        assert_eq!(got.to_bits(), expected.to_bits(), "{text}");
    }
}

#[test]
fn text_that_is_not_a_plain_decimal_is_refused() {
    for text in [
        "", "-", "+", ".", "-.", "1.2.3", "e5", "1e", "1e+", "1e-", "abc", "inf", "-inf", "NaN",
        " 1", "1 ", "1,5", "0x10", "1e5.0", "--1", "1-", "١",
    ] {
        assert_eq!(parse_decimal(text), None, "{text:?}");
    }
}

#[test]
fn long_huge_and_tiny_numbers_stay_close_and_never_panic() {
    let pi = parse_decimal("3.14159265358979323846264338327950288").unwrap();
    assert!((pi - std::f64::consts::PI).abs() <= 2.0 * f64::EPSILON * std::f64::consts::PI);
    assert_eq!(parse_decimal("1e400"), Some(f64::INFINITY));
    assert_eq!(
        parse_decimal("-1e99999999999999999999"),
        Some(f64::NEG_INFINITY)
    );
    assert_eq!(parse_decimal("1e-400"), Some(0.0));
    let huge = parse_decimal("123456789012345678901234567890").unwrap();
    assert!((huge / 1.234_567_890_123_456_8e29 - 1.0).abs() < 1e-15);
    let tiny = parse_decimal("4.9e-324").unwrap();
    assert!(tiny > 0.0 && tiny < 1e-323);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// Up to 15 significant digits with the point anywhere and an exponent up to ±22 minus
    /// the decimals: bit for bit what `str::parse` gives.
    #[test]
    fn short_decimals_match_the_standard_parser_exactly(
        digits in "[0-9]{1,15}", point in 0usize..16, exponent in -7i32..=7, negative: bool,
    ) {
        let point = point.min(digits.len());
        let mut text = format!("{}{}.{}", if negative { "-" } else { "" }, &digits[..point], &digits[point..]);
        if exponent != 0 {
            text.push_str(&format!("e{exponent}"));
        }
        let expected: f64 = text.parse().unwrap();
        prop_assert_eq!(parse_decimal(&text).map(f64::to_bits), Some(expected.to_bits()), "{}", text);
    }

    /// Any text: no panic, and whatever is accepted the standard parser also accepts, with
    /// a value within a few units in the last place.
    #[test]
    fn any_text_is_read_or_refused_without_panicking(text in "[-+0-9.eE]{0,40}") {
        if let Some(value) = parse_decimal(&text) {
            let expected: f64 = text.parse().unwrap();
            if expected.is_finite() && expected != 0.0 {
                prop_assert!((value / expected - 1.0).abs() < 1e-14, "{} {} {}", text, value, expected);
            } else {
                prop_assert!(value == expected || (value.abs() < 1e-300 && expected.abs() < 1e-300));
            }
        }
    }
}
