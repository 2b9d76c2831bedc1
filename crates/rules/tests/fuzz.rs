//! A short run of the rules fuzzer (`examples/fuzz_rules.rs`), so the test suite covers it.

#[path = "../examples/fuzz_rules.rs"]
#[allow(dead_code)]
mod fuzz_rules;

#[test]
fn fuzzing_the_rules_with_random_profile_values_finds_nothing() {
    let stats = fuzz_rules::run(1_500, 11);
    assert_eq!(stats.executions, 1_500);
    assert!(
        stats.crashes.is_empty(),
        "{} crashes; the first: {:?}",
        stats.crashes.len(),
        stats.crashes.first()
    );
    // Both kinds of values are tried, and checks ran.
    assert!(
        stats.accepted > 0 && stats.refused > 0 && stats.findings > 0,
        "{stats:?}"
    );
}
