//! The `madori` command as a user runs it: exit codes, output formats, errors.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Output, Stdio};

fn madori(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_madori"))
        .args(args)
        .output()
        .expect("runs")
}

fn madori_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_madori"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    // A command that refuses its arguments exits without reading: a broken pipe is expected.
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn template(name: &str) -> String {
    stdout(&madori(&["template", name]))
}

#[test]
fn templates_list_and_print() {
    let out = madori(&["template"]);
    assert!(out.status.success());
    let names: Vec<String> = stdout(&out).lines().map(str::to_owned).collect();
    assert_eq!(names.len(), 6);
    assert!(names.contains(&"kodan-3dk".to_owned()));
    let plan: serde_json::Value = serde_json::from_str(&template("kodan-3dk")).unwrap();
    assert_eq!(plan["format_version"], 2);
    assert_eq!(madori(&["template", "castle"]).status.code(), Some(2));
}

#[test]
fn profiles_one_a_line_id_then_name() {
    let out = stdout(&madori(&["profiles"]));
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with("sh-single\t共同居住型 (単身者)"),
        "{first}"
    );
    assert_eq!(out.lines().count(), 12);
    assert!(stdout(&madori(&["locals"])).contains("toshima-7m2"));
}

#[test]
fn check_exit_codes() {
    // Passing plan: 0.
    let out = madori_stdin(
        &["check", "-", "--profile", "sh-single"],
        &template("wooden-house-shared"),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    // A 4.5帖 private room fails SH-ROOM: 1.
    let out = madori_stdin(&["check", "-"], &template("kodan-3dk-shared"));
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("SH-ROOM"));
    // Toshima's 7 ㎡ holds only under its conditions: 3 residents are fewer than 4.
    let out = madori_stdin(
        &["check", "-", "--local", "toshima-7m2"],
        &template("kodan-3dk-shared"),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("TOSHIMA-FAMILY"));
    // With --set the rooms pass; the 1971 building's 旧耐震 (SN-SEISMIC) is the one failure.
    let out = madori_stdin(
        &["check", "-", "--set", "sh.room.min=7"],
        &template("kodan-3dk-shared"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("FAIL (1)\n  SN-SEISMIC"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("sh.room.min = 7 ㎡ (--set"));
}

#[test]
fn invalid_input_exits_2_with_every_message() {
    let mut plan: serde_json::Value = serde_json::from_str(&template("kodan-3dk")).unwrap();
    plan["storeys"][0]["rooms"][0]["kind"] = "dungeon".into();
    plan["storeys"][0]["fixtures"][0]["kind"]["type"] = "jacuzzi".into();
    let out = madori_stdin(&["check", "-"], &plan.to_string());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2 problems / 2 件の問題"), "{err}");
    assert!(err.contains("storeys[0].rooms[0].kind"));
    assert!(err.contains("storeys[0].fixtures[0].kind.type"));
    assert_eq!(
        madori_stdin(&["check", "-"], "not json").status.code(),
        Some(2)
    );
    assert_eq!(
        madori(&["check", "/no/such/file.json"]).status.code(),
        Some(2)
    );
    assert_eq!(
        madori(&["check", "x.json", "--profile", "nope"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        madori_stdin(
            &["check", "-", "--set", "sh.room.min=seven"],
            &template("kodan-3dk")
        )
        .status
        .code(),
        Some(2)
    );
    assert_eq!(madori(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn json_report_is_the_documented_format() {
    let out = madori_stdin(
        &["check", "-", "--format", "json"],
        &template("kodan-3dk-shared"),
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["profile"]["id"], "sh-single");
    let room = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "SH-ROOM" && f["element_ids"][0] == "r3")
        .unwrap();
    assert_eq!(room["status"], "fail");
    assert_eq!(room["measured"]["value"].as_f64().unwrap(), 7.4529);
    assert_eq!(room["required"]["value"].as_f64().unwrap(), 9.0);
    assert_eq!(room["formula"], "7.45 ㎡ < 9 ㎡");
    assert!(room["citation"].as_str().unwrap().contains("施行規則"));
    assert!(
        report["totals"]["dwelling_wall_centre_m2"]
            .as_f64()
            .unwrap()
            > 57.9
    );
}

#[test]
fn capacity_names_the_limit() {
    let out = madori_stdin(
        &["capacity", "-", "--profile", "sh-single"],
        &template("wooden-house-shared"),
    );
    assert!(out.status.success());
    assert!(
        stdout(&out).contains("4 人 / 4 persons (limited by SH-ROOM)"),
        "{}",
        stdout(&out)
    );
    let out = madori_stdin(
        &[
            "capacity",
            "-",
            "--profile",
            "sh-single",
            "--format",
            "json",
        ],
        &template("kodan-3dk-shared"),
    );
    let cap: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Its 4.5帖 private room fails SH-ROOM whoever lives where: capacity 0, and why.
    assert_eq!(cap["max"], 0);
    assert_eq!(cap["limiting"][0], "SH-ROOM");
    // Without --profile the plan's target household chooses: a single-parent plan is
    // checked and counted as one, and the report says so.
    let mut plan: serde_json::Value =
        serde_json::from_str(&template("wooden-house-shared")).unwrap();
    plan["dwelling"]["target_household"] = "shared_single_parent".into();
    let out = madori_stdin(&["capacity", "-", "--format", "json"], &plan.to_string());
    let cap: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(cap["profile"], "sh-single-parent");
    assert_eq!(cap["unit"], "世帯");
    let out = madori_stdin(&["check", "-"], &plan.to_string());
    assert!(
        stdout(&out)
            .lines()
            .next()
            .unwrap()
            .ends_with("(sh-single-parent)"),
        "{}",
        stdout(&out)
    );
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A 20 × 20 grid of 3 m private rooms: its text report is about 390 KB and its JSON report
/// about 1.5 MB, far more than a pipe holds, so a reader that stops early leaves the command
/// writing into a closed pipe.
fn grid_plan() -> String {
    let mut rooms = Vec::new();
    for i in 0..20_i64 {
        for j in 0..20_i64 {
            let (x, y) = (i * 3000, j * 3000);
            rooms.push(serde_json::json!({
                "id": format!("r{i}-{j}"),
                "name": format!("個室{i}-{j}"),
                "kind": "private",
                "polygon": [[x, y], [x + 3000, y], [x + 3000, y + 3000], [x, y + 3000]],
                "occupancy": {"persons": 1},
                "lockable": true
            }));
        }
    }
    serde_json::json!({
        "format_version": 1,
        "name": "grid",
        "dwelling": {"construction": "wooden", "status": "existing"},
        "storeys": [{"id": "1f", "name": "1F", "rooms": rooms}]
    })
    .to_string()
}

/// Runs `madori args` on `input`, reads `lines` lines of its output and closes the pipe.
fn madori_head(args: &[&str], input: &str, lines: usize) -> (Vec<String>, Output) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_madori"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input.as_bytes()).unwrap();
    drop(stdin);
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut read = Vec::new();
    for _ in 0..lines {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        read.push(line);
    }
    drop(reader);
    (read, child.wait_with_output().unwrap())
}

#[test]
fn a_closed_output_pipe_ends_quietly_with_the_usual_status() {
    let plan = grid_plan();
    // The whole report, for the verdict: the grid lacks shared rooms, so it fails (1).
    let full = madori_stdin(&["check", "-"], &plan);
    assert_eq!(full.status.code(), Some(1));
    assert!(full.stdout.len() > 300_000, "{}", full.stdout.len());
    for format in ["text", "json"] {
        let (lines, out) = madori_head(&["check", "-", "--format", format], &plan, 1);
        assert!(!lines[0].is_empty());
        assert_eq!(
            out.status.code(),
            Some(1),
            "{format}: the verdict's status, not a panic (101) or an abort (134)"
        );
        assert_eq!(stderr(&out), "", "{format}: nothing on standard error");
    }
    // A reader that closes before the first line.
    let (_, out) = madori_head(&["profiles", "--params"], "", 0);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), "");
}

#[test]
fn every_command_has_help() {
    let top: &[&[&str]] = &[&[], &["--help"], &["-h"], &["help"]];
    for args in top {
        let out = madori(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(stdout(&out).starts_with("madori — "), "{args:?}");
        assert!(stdout(&out).contains("madori COMMAND --help"));
        assert_eq!(stderr(&out), "");
    }
    for command in [
        "check", "capacity", "suggest", "profiles", "locals", "template",
    ] {
        let title = format!("madori {command} — ");
        for args in [
            vec![command, "--help"],
            vec![command, "-h"],
            vec!["help", command],
            // Help wins over anything else on the line.
            vec![command, "--bogus", "x.json", "-h"],
        ] {
            let out = madori(&args);
            assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
            let text = stdout(&out);
            assert!(text.starts_with(&title), "{args:?}: {text}");
            assert!(text.contains(&format!("  madori {command}")), "{text}");
            assert!(text.contains("-h, --help"), "{text}");
            assert_eq!(stderr(&out), "");
        }
    }
    // Unknown commands and options still fail, with the usage on standard error.
    let out = madori(&["help", "frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown command \"frobnicate\""));
    let out = madori(&["check", "--bogus"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown option --bogus"));
    assert!(stderr(&out).contains("madori check PLAN.json"));
}

#[test]
fn text_report_cites_every_finding() {
    let plan = template("kodan-3dk-shared");
    let text = stdout(&madori_stdin(&["check", "-"], &plan));
    let json: serde_json::Value =
        serde_json::from_slice(&madori_stdin(&["check", "-", "--format", "json"], &plan).stdout)
            .unwrap();
    let findings = json["findings"].as_array().unwrap();
    let cited = findings
        .iter()
        .filter(|f| !f["citation"].as_str().unwrap().is_empty())
        .count();
    assert!(cited > 0);
    assert_eq!(text.matches("出典 source: ").count(), cited);
    // The failing SH-ROOM finding: message, formula, hint, then its source.
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.trim_start().starts_with("SH-ROOM") && l.contains("個室C"))
        .unwrap();
    let room = findings
        .iter()
        .find(|f| f["rule_id"] == "SH-ROOM" && f["element_ids"][0] == "r3")
        .unwrap();
    assert_eq!(
        lines[at + 3].trim(),
        format!("出典 source: {}", room["citation"].as_str().unwrap())
    );
}

#[test]
fn counts_in_english_agree_with_their_number() {
    let mut plan: serde_json::Value = serde_json::from_str(&template("kodan-3dk")).unwrap();
    plan["storeys"][0]["rooms"][0]["kind"] = "dungeon".into();
    let err = stderr(&madori_stdin(&["check", "-"], &plan.to_string()));
    assert!(err.contains("-: 1 problem / 1 件の問題"), "{err}");
    // One private room left (r2; r1 and the 4.5帖 r3 become storage) in a building started
    // after 1981: a capacity of one person.
    let mut plan: serde_json::Value = serde_json::from_str(&template("kodan-3dk-shared")).unwrap();
    plan["dwelling"]["construction_started"] = "1990-04-01".into();
    for r in [0, 3] {
        plan["storeys"][0]["rooms"][r]["kind"] = "storage".into();
        plan["storeys"][0]["rooms"][r]
            .as_object_mut()
            .unwrap()
            .remove("occupancy");
    }
    let out = madori_stdin(
        &["capacity", "-", "--profile", "sh-single"],
        &plan.to_string(),
    );
    assert!(
        stdout(&out).starts_with("定員上限 capacity: 1 人 / 1 person (limited by SH-ROOM)"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn file_errors_name_the_file_in_english_and_japanese() {
    let out = madori(&["check", "/no/such/plan.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "madori: /no/such/plan.json: no such file / ファイルがありません\n"
    );
    let dir = env!("CARGO_TARGET_TMPDIR");
    let out = madori(&["check", dir]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!("madori: {dir}: is a folder, not a plan file / フォルダーです (間取りファイルを指定してください)\n")
    );
    // Shift_JIS bytes, as an old Windows editor saves: the first bad byte is at offset 1.
    let sjis = format!("{dir}/sjis-plan.json");
    std::fs::write(&sjis, b"{\x93\xfa\x96\x7b}").unwrap();
    let out = madori(&["check", &sjis]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "madori: {sjis}: not UTF-8 text (invalid byte at offset 1)"
        )),
        "{err}"
    );
    assert!(
        err.contains("UTF-8 のテキストではありません (先頭から 1 バイトの位置)"),
        "{err}"
    );
    // The same from standard input.
    let mut child = Command::new(env!("CARGO_BIN_EXE_madori"))
        .args(["check", "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"\xff").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("madori: standard input (標準入力): not UTF-8 text"));
    // Any other failure keeps the system's words beside both languages.
    let below_a_file = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml/plan.json");
    let out = madori(&["check", below_a_file]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!("madori: {below_a_file}: cannot be read (")),
        "{err}"
    );
    assert!(err.contains(" / 読み込めません ("), "{err}");
}

#[test]
fn an_endless_input_is_refused_after_the_size_limit() {
    // /dev/zero never ends: reading stops just past the loader's limit.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_madori"))
        .args(["check", "/dev/zero"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("larger than 20 MiB"), "{err}");
}

/// A template with saved check settings (format 2).
fn with_check(name: &str, check: serde_json::Value) -> String {
    let mut plan: serde_json::Value = serde_json::from_str(&template(name)).unwrap();
    plan["check"] = check;
    plan.to_string()
}

#[test]
fn saved_check_settings_choose_the_profile_unless_the_command_line_does() {
    let text = with_check(
        "kodan-3dk-shared",
        serde_json::json!({"profile": "sh-elderly", "values": [
            {"key": "sh.room.min", "value": 7.0, "source": "協議 2026"}]}),
    );
    let out = madori_stdin(&["check", "-", "--format", "json"], &text);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["profile"]["id"], "sh-elderly");
    let param = report["profile"]["params"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["key"] == "sh.room.min")
        .unwrap();
    assert_eq!(param["value"].as_f64(), Some(7.0));
    assert_eq!(param["source"], "協議 2026");
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    // --profile wins over the saved settings.
    let out = madori_stdin(
        &["check", "-", "--format", "json", "--profile", "sh-single"],
        &text,
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["profile"]["id"], "sh-single");
}

#[test]
fn saved_settings_this_version_does_not_know_are_named_not_replaced_silently() {
    let text = with_check(
        "kodan-3dk-shared",
        serde_json::json!({"profile": "sh-future", "local_override": "atlantis",
            "values": [{"key": "no.such_key", "value": 1.0, "source": "x"}]}),
    );
    let out = madori_stdin(&["check", "-", "--format", "json"], &text);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["profile"]["id"], "sh-single");
    let err = stderr(&out);
    for named in ["sh-future", "atlantis", "no.such_key"] {
        assert!(err.contains(named), "{named} not named in: {err}");
    }
}

#[test]
fn suggest_lists_the_smallest_changes_with_the_capacity_after_each() {
    let out = madori_stdin(&["suggest", "-"], &template("wooden-house-shared"));
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("定員上限 capacity: 4\n"), "{text}");
    assert!(
        text.contains(" 1. [間仕切りの新設 / new partition] 4 → 5  共用LDK の一部"),
        "{text}"
    );
    assert!(
        text.contains("newly to check: SH-G-PRIVACY, BS-DAYLIGHT, BS-VENT"),
        "{text}"
    );
    // JSON carries each edit, ready to apply.
    let out = madori_stdin(
        &["suggest", "-", "--format", "json"],
        &template("wooden-house-shared"),
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["capacity"], 4);
    assert_eq!(json["list"][0]["edit"]["type"], "split_off");
    assert_eq!(json["list"][0]["capacity_after"], 5);
    // A rule no plan change meets is named apart; a profile without a count says so.
    let out = madori_stdin(&["suggest", "-"], &template("kodan-3dk-shared"));
    assert!(
        stdout(&out).contains("SN-SEISMIC は間取りでは解消できません"),
        "{}",
        stdout(&out)
    );
    let out = madori_stdin(&["suggest", "-"], &template("kodan-3dk"));
    assert!(stdout(&out).contains("does not depend on the number of residents"));
    // Bad input: exit 2, nothing on standard output.
    let out = madori_stdin(&["suggest", "-"], "{");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
}
