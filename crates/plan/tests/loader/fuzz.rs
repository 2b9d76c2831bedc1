//! A short run of the loader fuzzer (`examples/fuzz_loader.rs`), so the test suite covers it.

#[path = "../../examples/fuzz_loader.rs"]
#[allow(dead_code)]
mod fuzz_loader;

#[test]
fn fuzzing_the_loader_finds_no_crash() {
    let stats = fuzz_loader::run(2_000, 7);
    assert_eq!(stats.executions, 2_000);
    assert!(
        stats.crashes.is_empty(),
        "{} crashes; the first: {:?}",
        stats.crashes.len(),
        stats.crashes.first()
    );
    // The mutations reach every outcome: loads, repaired loads and refusals.
    assert!(
        stats.loads > 0 && stats.repaired > 0 && stats.refusals > 0,
        "{stats:?}"
    );
}
