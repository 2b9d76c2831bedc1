//! The editor's fuzz harness (`examples/fuzz_editor.rs`), short: random commands, drags,
//! undo, redo and cancel on every template and on irregular plans, with the invariants
//! checked after every step. The long run is `cargo run --example fuzz_editor` (see there).

#[path = "../examples/fuzz_editor.rs"]
mod fuzz_editor;

#[test]
fn four_thousand_random_steps_keep_every_invariant() {
    const STEPS: usize = 4_000;
    let summary = fuzz_editor::run(STEPS, 7);
    assert_eq!(summary.steps, STEPS);
    assert_eq!(
        summary.executions,
        STEPS / fuzz_editor::STEPS_PER_EXECUTION,
        "every execution ran to its end"
    );
    assert!(
        summary.accepted > 100 && summary.refused > 100,
        "commands were both accepted and refused: {summary:?}"
    );
    for (name, accepted, _) in summary.by_variant {
        assert!(accepted > 0, "{name} was never accepted: {summary:?}");
    }
    assert_eq!(summary.rule_checks, STEPS / fuzz_editor::RULES_EVERY);
    assert!(summary.failures.is_empty(), "{:#?}", summary.failures);
}
