//! Plans that once broke Madori (`tests/regressions/`, from the shared regression set): each
//! must load, or be refused with messages that carry paths.

use madori_plan::format::{from_json, from_json_with_repairs, to_json};

fn regressions() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/regressions");
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_regression_loads_or_is_refused_with_paths() {
    let files = regressions();
    assert!(files.len() >= 15, "{} files", files.len());
    for (name, text) in &files {
        match from_json(text) {
            Ok(plan) => assert_eq!(from_json(&to_json(&plan)).unwrap(), plan, "{name}"),
            Err(problems) => {
                assert!(!problems.is_empty(), "{name}");
                for p in &problems {
                    assert!(!p.path.is_empty(), "{name}: a problem without a path: {p}");
                    assert!(
                        !p.message_ja.is_empty() && !p.message_en.is_empty(),
                        "{name}"
                    );
                }
            }
        }
        // Opening with repairs never panics either, and what it loads is valid.
        if let Ok((plan, _)) = from_json_with_repairs(text) {
            assert_eq!(from_json(&to_json(&plan)).unwrap(), plan, "{name}");
        }
    }
}

#[test]
fn coordinates_at_the_integer_limit_are_refused_with_their_path() {
    for (name, path) in [
        (
            "overflow-core-src-num-mod-rs-418-5-negate-with-overflow.json",
            "storeys[0].rooms[0].polygon[2]",
        ),
        (
            "overflow-plan-src-geometry-rs-58-26-subtract-with-overflow.json",
            "storeys[0].fixtures[0].at",
        ),
        (
            "overflow-plan-src-geometry-rs-59-26-subtract-with-overflow.json",
            "storeys[0].fixtures[0].at",
        ),
        (
            "release-accepted-coordinate-out-of-range.json",
            "storeys[0].rooms[0].polygon[2]",
        ),
        (
            "release-accepted-fixture-out-of-range.json",
            "storeys[0].fixtures[0].at",
        ),
        (
            "release-interior-area-exceeds-wall-centre.json",
            "storeys[0].rooms[0].polygon[2]",
        ),
    ] {
        let text = regressions()
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t)
            .unwrap_or_else(|| panic!("{name} is missing"));
        let problems = from_json(&text).unwrap_err();
        assert!(
            problems
                .iter()
                .any(|p| p.path == path && p.message_en.contains("-9223372036854775808")),
            "{name}: {problems:#?}"
        );
    }
}

#[test]
fn counts_at_the_integer_limit_are_refused_with_their_path() {
    for (name, path) in [
        (
            "overflow-core-src-iter-traits-accum-rs-204-1-add-with-overflow.json",
            "storeys[0].rooms[1].occupancy.persons",
        ),
        (
            "overflow-rules-src-capacity-rs-94-15-add-with-overflow.json",
            "storeys[0].rooms[0].occupancy.persons",
        ),
        (
            "overflow-rules-src-facts-rs-82-9-add-with-overflow.json",
            "storeys[0].fixtures[1].kind.bowls",
        ),
    ] {
        let text = regressions()
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t)
            .unwrap_or_else(|| panic!("{name} is missing"));
        let problems = from_json(&text).unwrap_err();
        assert!(
            problems.iter().any(|p| p.path == path),
            "{name}: {problems:#?}"
        );
    }
}
