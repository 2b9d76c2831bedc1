//! A short run of the DXF fuzzer (`examples/fuzz_dxf.rs`), so the test suite covers it, and
//! the inputs it once crashed on.

#[path = "../examples/fuzz_dxf.rs"]
#[allow(dead_code)]
mod fuzz_dxf;

#[test]
fn fuzzing_the_importer_finds_no_crash() {
    let stats = fuzz_dxf::run(2_000, 7);
    assert_eq!(stats.executions, 2_000);
    assert!(
        stats.crashes.is_empty(),
        "{} crashes; the first: {:?}",
        stats.crashes.len(),
        stats.crashes.first().map(|c| &c.1)
    );
    // The mutations reach both outcomes.
    assert!(stats.imported > 0 && stats.refused > 0, "{stats:?}");
}

#[test]
fn the_small_seed_imports() {
    assert_eq!(
        fuzz_dxf::run_one(&fuzz_dxf::small_seed(), true),
        Ok(fuzz_dxf::Outcome::Imported)
    );
}

/// Every file in `tests/regressions/` (inputs that once crashed the importer or the `dxf`
/// crate, or took it seconds: `door_array_32767_slow.dxf` is 32,767 door swings from one
/// INSERT array, which met two quadratic steps) is refused or imported as a valid plan,
/// without a panic.
#[test]
fn regressions_stay_fixed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut files = 0;
    for entry in std::fs::read_dir(dir).expect("the regressions folder") {
        let path = entry.expect("an entry").path();
        let bytes = std::fs::read(&path).expect("a file");
        let outcome = fuzz_dxf::run_one(&bytes, true);
        assert!(outcome.is_ok(), "{}: {outcome:?}", path.display());
        files += 1;
    }
    assert!(files >= 1);
}
