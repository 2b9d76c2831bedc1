//! `madori`: check dwelling plans against Japanese residential standards from a terminal.
//!
//! Exit codes: 0 no failures, 1 failures, 2 invalid input (every problem is printed).
//!
//! Output goes through one buffered writer whose errors are values, never panics: when the
//! reader of standard output goes away (`madori check plan.json | head -1`) the command stops
//! writing and exits quietly with the status it would have had.

use madori_plan::{format, templates, Plan};
use madori_rules::profile::{self, LocalOverride, Profile};
use madori_rules::{Report, Status};
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

const USAGE: &str = "\
madori — 間取りを居住基準で確かめる / check floor plans against residential standards

USAGE:
  madori check PLAN.json [--profile ID] [--local ID ...] [--set key=value ...] [--format text|json]
  madori capacity PLAN.json [--profile ID] [--local ID ...] [--set key=value ...] [--format text|json]
  madori suggest PLAN.json [--profile ID] [--local ID ...] [--set key=value ...] [--format text|json]
  madori profiles [--params]     one profile a line: id, then name (--params: with their values)
  madori locals                  local overrides (地域の緩和・強化): id, then name
  madori template [NAME]         list template names, or print one plan as JSON
  madori COMMAND --help          one command's usage

PLAN.json may be `-` for standard input. Without --profile, the plan's saved check
settings choose it (check: profile, local override, values), or else its target household
(dwelling.target_household; sh-single when none).
Exit codes: 0 no failures, 1 failures, 2 invalid input or usage.";

const CHECK_USAGE: &str = "\
madori check — 間取りを基準で判定する / check a plan against a profile's rules

USAGE:
  madori check PLAN.json [--profile ID] [--local ID ...] [--set key=value ...] [--format text|json]

  PLAN.json          the plan file, or `-` for standard input
  --profile ID       the rules to apply (default: the plan's saved settings, else its target household)
  --local ID         apply a local override (地域の緩和・強化); `madori locals` lists them
  --set key=value    change one parameter; `madori profiles --params` lists them
  --format text|json a readable report (default) or the JSON report
  -h, --help         this text

Exit codes: 0 no failures, 1 failures, 2 invalid input or usage.";

const CAPACITY_USAGE: &str = "\
madori capacity — 何人まで住めるか / the most residents a plan supports

USAGE:
  madori capacity PLAN.json [--profile ID] [--local ID ...] [--set key=value ...] [--format text|json]

  PLAN.json          the plan file, or `-` for standard input
  --profile ID       the rules that limit the number (default: the plan's saved settings, else its target household)
  --local ID         apply a local override; `madori locals` lists them
  --set key=value    change one parameter; `madori profiles --params` lists them
  --format text|json the limit and what lifts it (default), or JSON
  -h, --help         this text

Exit codes: 0 done, 2 invalid input or usage.";

const SUGGEST_USAGE: &str = "\
madori suggest — あと 1 人のための変更 / the smallest changes that let one more live there

USAGE:
  madori suggest PLAN.json [--profile ID] [--local ID ...] [--set key=value ...] [--format text|json]

  PLAN.json          the plan file, or `-` for standard input
  --profile ID       the rules that limit the number (default: the plan's saved settings, else its target household)
  --local ID         apply a local override; `madori locals` lists them
  --set key=value    change one parameter; `madori profiles --params` lists them
  --format text|json the ranked changes (default), or JSON (each with the edit that makes it)
  -h, --help         this text

Each change is checked with the full rules: the capacity after it is what the check gives.
Exit codes: 0 done, 2 invalid input or usage.";

const PROFILES_USAGE: &str = "\
madori profiles — 基準の一覧 / the profiles (sets of rules)

USAGE:
  madori profiles [--params]

  one profile a line: id, a tab, then its Japanese / English name
  --params           also every parameter with its value, unit and source
  -h, --help         this text";

const LOCALS_USAGE: &str = "\
madori locals — 地域の緩和・強化 / local overrides

USAGE:
  madori locals

  one override a line: id, a tab, its Japanese / English name, a tab, the parameters it sets
  -h, --help         this text";

const TEMPLATE_USAGE: &str = "\
madori template — ひな形 / shipped plans

USAGE:
  madori template [NAME]

  without NAME: one template name a line; with NAME: that plan as JSON on standard output
  -h, --help         this text";

/// The usage text of a command, `None` for an unknown command.
fn command_usage(command: &str) -> Option<&'static str> {
    Some(match command {
        "check" => CHECK_USAGE,
        "capacity" => CAPACITY_USAGE,
        "suggest" => SUGGEST_USAGE,
        "profiles" => PROFILES_USAGE,
        "locals" => LOCALS_USAGE,
        "template" => TEMPLATE_USAGE,
        _ => return None,
    })
}

enum Format {
    Text,
    Json,
}

struct Options {
    plan: Option<String>,
    profile: Option<String>,
    locals: Vec<String>,
    sets: Vec<String>,
    format: Format,
    params: bool,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        plan: None,
        profile: None,
        locals: Vec::new(),
        sets: Vec::new(),
        format: Format::Text,
        params: false,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value / {name} に値が必要です"))
        };
        match arg.as_str() {
            "--profile" => options.profile = Some(value("--profile")?),
            "--local" => options.locals.push(value("--local")?),
            "--set" => options.sets.push(value("--set")?),
            "--format" => {
                options.format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => {
                        return Err(format!(
                            "unknown format \"{other}\" (text or json) / 形式は text か json です"
                        ))
                    }
                }
            }
            "--params" => options.params = true,
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag} / 不明なオプションです"))
            }
            path if options.plan.is_none() => options.plan = Some(path.to_owned()),
            extra => return Err(format!("unexpected argument \"{extra}\" / 余分な引数です")),
        }
    }
    Ok(options)
}

/// Why a command stopped without its normal result.
enum Failure {
    /// Bad arguments: the message, then the usage text that applies.
    Usage(String, &'static str),
    /// Input that cannot be used (a file that cannot be read, an unknown profile): the
    /// message alone.
    Input(String),
    /// Writing standard output failed for a reason other than a closed reader.
    Write(io::Error),
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Self::Input(message)
    }
}

/// Writes a line to standard error. A closed standard error is ignored: there is nowhere
/// left to report to, and it must not panic.
fn say(text: &str) {
    let _ = writeln!(io::stderr().lock(), "{text}");
}

/// The command's status once its output is written. A reader that closed standard output
/// early (`| head -1`) wanted no more: that ends the command quietly with its usual status.
fn finish(written: io::Result<()>, code: ExitCode) -> Result<ExitCode, Failure> {
    match written {
        Ok(()) => Ok(code),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(code),
        Err(e) => Err(Failure::Write(e)),
    }
}

/// `"1 problem"`, `"2 problems"`.
fn count_en(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn main() -> ExitCode {
    let mut out = BufWriter::new(io::stdout().lock());
    let result = arguments().and_then(|args| run(&args, &mut out));
    let result = result.and_then(|code| finish(out.flush(), code));
    match result {
        Ok(code) => code,
        Err(Failure::Usage(message, usage)) => {
            say(&format!("madori: {message}\n\n{usage}"));
            ExitCode::from(2)
        }
        Err(Failure::Input(message)) => {
            say(&format!("madori: {message}"));
            ExitCode::from(2)
        }
        Err(Failure::Write(e)) => {
            say(&format!(
                "madori: cannot write the output / 出力を書けません: {e}"
            ));
            ExitCode::from(2)
        }
    }
}

/// The command line after the program name; an argument that is not UTF-8 is a usage error
/// (`std::env::args` would panic on it).
fn arguments() -> Result<Vec<String>, Failure> {
    std::env::args_os()
        .skip(1)
        .enumerate()
        .map(|(i, arg)| {
            arg.into_string().map_err(|raw| {
                Failure::Usage(
                    format!(
                        "argument {} ({}) is not UTF-8 text / 引数が UTF-8 ではありません",
                        i + 1,
                        raw.to_string_lossy()
                    ),
                    USAGE,
                )
            })
        })
        .collect()
}

fn run(args: &[String], out: &mut impl Write) -> Result<ExitCode, Failure> {
    let Some((command, rest)) = args.split_first() else {
        return finish(writeln!(out, "{USAGE}"), ExitCode::SUCCESS);
    };
    if let "help" | "--help" | "-h" = command.as_str() {
        let usage = match rest.first() {
            None => USAGE,
            Some(topic) => command_usage(topic).ok_or_else(|| {
                Failure::Usage(
                    format!("unknown command \"{topic}\" / 不明なコマンドです"),
                    USAGE,
                )
            })?,
        };
        return finish(writeln!(out, "{usage}"), ExitCode::SUCCESS);
    }
    let usage = command_usage(command).ok_or_else(|| {
        Failure::Usage(
            format!("unknown command \"{command}\" / 不明なコマンドです"),
            USAGE,
        )
    })?;
    if rest.iter().any(|a| a == "--help" || a == "-h") {
        return finish(writeln!(out, "{usage}"), ExitCode::SUCCESS);
    }
    let options = parse(rest).map_err(|message| Failure::Usage(message, usage))?;
    match command.as_str() {
        "check" => check(&options, out),
        "capacity" => capacity(&options, out),
        "suggest" => suggest(&options, out),
        "profiles" => finish(profiles(&options, out), ExitCode::SUCCESS),
        "locals" => finish(locals(out), ExitCode::SUCCESS),
        _ => template(&options, out),
    }
}

fn profiles(options: &Options, out: &mut impl Write) -> io::Result<()> {
    for p in profile::catalogue() {
        writeln!(out, "{}\t{} / {}", p.id, p.name_ja, p.name_en)?;
        if options.params {
            for param in &p.params {
                writeln!(
                    out,
                    "  {} = {} {}\t({})",
                    param.name, param.value, param.unit, param.source
                )?;
            }
        }
    }
    Ok(())
}

fn locals(out: &mut impl Write) -> io::Result<()> {
    for l in &profile::LOCAL_OVERRIDES {
        let sets: Vec<String> = l.sets.iter().map(|(k, v)| format!("{k}={v}")).collect();
        writeln!(
            out,
            "{}\t{} / {}\t{}",
            l.id,
            l.name_ja,
            l.name_en,
            sets.join(" ")
        )?;
    }
    Ok(())
}

fn template(options: &Options, out: &mut impl Write) -> Result<ExitCode, Failure> {
    let written = match options.plan.as_deref() {
        None => templates::TEMPLATES
            .iter()
            .try_for_each(|(name, _)| writeln!(out, "{name}")),
        Some(name) => match templates::get(name) {
            Some(text) => out.write_all(text.as_bytes()),
            None => {
                return Err(Failure::Input(format!(
                    "no template \"{name}\"; `madori template` lists them / そのひな形はありません"
                )))
            }
        },
    };
    finish(written, ExitCode::SUCCESS)
}

/// Why a plan file could not be read, in English and Japanese, with its path.
fn read_error(path: &str, e: &io::Error) -> String {
    let (en, ja) = match e.kind() {
        io::ErrorKind::NotFound => ("no such file", "ファイルがありません"),
        io::ErrorKind::PermissionDenied => {
            ("no permission to read it", "読み取りの権限がありません")
        }
        io::ErrorKind::IsADirectory => (
            "is a folder, not a plan file",
            "フォルダーです (間取りファイルを指定してください)",
        ),
        _ => {
            return format!("{path}: cannot be read ({e}) / 読み込めません ({e})");
        }
    };
    format!("{path}: {en} / {ja}")
}

/// The plan's text: the file's bytes, which must be UTF-8.
/// Reads a plan file or standard input, at most one byte more than the loader accepts
/// (`format::MAX_FILE_BYTES`), so `/dev/zero` or a huge file costs bounded memory and time.
fn read_plan_text(path: &str) -> Result<String, String> {
    let limit = format::MAX_FILE_BYTES as u64 + 1;
    let read = |name: &str, source: &mut dyn io::Read| {
        let mut bytes = Vec::new();
        io::Read::read_to_end(&mut io::Read::take(source, limit), &mut bytes)
            .map_err(|e| read_error(name, &e))?;
        if bytes.len() as u64 >= limit {
            return Err(format!(
                "{name}: larger than {} MiB; a plan file is far smaller / {} MiB を超えています",
                format::MAX_FILE_BYTES >> 20,
                format::MAX_FILE_BYTES >> 20
            ));
        }
        Ok(bytes)
    };
    let (name, bytes) = if path == "-" {
        let name = "standard input (標準入力)";
        (name, read(name, &mut io::stdin().lock())?)
    } else {
        let mut file = std::fs::File::open(path).map_err(|e| read_error(path, &e))?;
        (path, read(path, &mut file)?)
    };
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!(
            "{name}: not UTF-8 text (invalid byte at offset {at}); save the plan as UTF-8 / \
             UTF-8 のテキストではありません (先頭から {at} バイトの位置); UTF-8 で保存してください"
        )
    })
}

fn load(options: &Options) -> Result<Result<Plan, ExitCode>, Failure> {
    let path = options.plan.as_deref().ok_or_else(|| {
        Failure::Usage(
            "missing PLAN.json / 間取りファイルを指定してください".into(),
            USAGE,
        )
    })?;
    let text = read_plan_text(path)?;
    Ok(format::from_json(&text).map_err(|problems| {
        say(&format!(
            "{path}: {} / {} 件の問題",
            count_en(problems.len(), "problem", "problems"),
            problems.len()
        ));
        for problem in &problems {
            say(&format!("  {problem}"));
        }
        ExitCode::from(2)
    }))
}

/// The profile of `--profile`; without it, the plan's saved check settings (format 2), or
/// the profile its target household names. `--local` and `--set` apply on top. Saved
/// settings that cannot be applied are listed on standard error.
fn build_profile(options: &Options, plan: &Plan) -> Result<Profile, String> {
    let mut profile = match options.profile.as_deref() {
        Some(id) => profile::profile(id).ok_or_else(|| {
            format!("unknown profile \"{id}\"; `madori profiles` lists them / 不明な基準です")
        })?,
        None => {
            let resolved = profile::resolve(plan.check.as_ref(), plan);
            for (ja, en) in &resolved.notes {
                eprintln!("note: {en} / {ja}");
            }
            resolved.profile
        }
    };
    for local in &options.locals {
        let local: &LocalOverride = profile::local_override(local).ok_or_else(|| {
            format!(
                "unknown local override \"{local}\"; `madori locals` lists them / 不明な地域設定です"
            )
        })?;
        profile.apply_local(local).map_err(|e| e.to_string())?;
    }
    for set in &options.sets {
        let (key, value) = set.split_once('=').ok_or_else(|| {
            format!("--set takes key=value, got \"{set}\" / --set は key=value の形です")
        })?;
        let value: f64 = value.trim().parse().map_err(|_| {
            format!("--set {key}: \"{value}\" is not a number / 数値ではありません")
        })?;
        profile
            .set(key.trim(), value, "--set (利用者の指定)")
            .map_err(|e| e.to_string())?;
    }
    Ok(profile)
}

fn check(options: &Options, out: &mut impl Write) -> Result<ExitCode, Failure> {
    let plan = match load(options)? {
        Ok(plan) => plan,
        Err(code) => return Ok(code),
    };
    let profile = build_profile(options, &plan)?;
    let report = madori_rules::check(&plan, &profile);
    let code = if report.has_failures() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    let written = match options.format {
        Format::Json => writeln!(out, "{}", report.to_json()),
        Format::Text => print_report(out, &plan, &report),
    };
    finish(written, code)
}

fn status_word(status: Status) -> &'static str {
    match status {
        Status::Pass => "✓ 適合 pass",
        Status::Fail => "✗ 不適合 FAIL",
        Status::Warning => "⚠ 注意 warning",
        Status::Info => "ℹ 参考 info",
        Status::Unavailable => "? 判定不能 unavailable",
    }
}

fn print_report(out: &mut impl Write, plan: &Plan, report: &Report) -> io::Result<()> {
    let totals = &report.totals;
    writeln!(
        out,
        "{} — {} / {} ({})",
        plan.name, report.profile.name_ja, report.profile.name_en, report.profile.id
    )?;
    // Areas print as the report rounds them (STANDARDS.md §9), 帖 round down.
    let rounding = madori_rules::numbers::Rounding::from_param(
        report
            .profile
            .params
            .iter()
            .find(|p| p.name == "report.rounding")
            .map_or(0.0, |p| p.value),
    );
    let line = madori_rules::numbers::with_rounding(rounding, || {
        use madori_rules::numbers::{area, jo};
        let storeys: Vec<String> = totals
            .storeys
            .iter()
            .map(|s| format!("{} {}", s.name, area(s.wall_centre_m2)))
            .collect();
        let interior = totals
            .dwelling_interior_m2
            .map_or("判定不能".to_owned(), |a| format!("{} ㎡", area(a)));
        format!(
            "延床 (壁芯) {} ㎡ ({}) | 内法 {} | {} 帖 | 入居者 {} 人",
            area(totals.dwelling_wall_centre_m2),
            storeys.join(" / "),
            interior,
            jo(totals.dwelling_wall_centre_m2),
            totals.residents
        )
    });
    writeln!(out, "{line}")?;
    if !report.missing.is_empty() {
        writeln!(
            out,
            "
! 入力不足 missing inputs ({})",
            report.missing.len()
        )?;
        for m in &report.missing {
            writeln!(out, "  {} / {}", m.message_ja, m.message_en)?;
        }
    }
    for status in Status::ALL {
        let n = report.count(status);
        if n == 0 {
            continue;
        }
        writeln!(out, "\n{} ({n})", status_word(status))?;
        for f in report.findings.iter().filter(|f| f.status == status) {
            writeln!(out, "  {:<18} {}", f.rule_id, f.message_ja())?;
            writeln!(out, "  {:<18} {}", "", f.formula())?;
            if !f.hint().is_empty() {
                writeln!(out, "  {:<18} → {}", "", f.hint())?;
            }
            if !f.citation.is_empty() {
                writeln!(out, "  {:<18} 出典 source: {}", "", f.citation)?;
            }
        }
    }
    writeln!(out, "\n使用した値 / values used:")?;
    for p in &report.profile.params {
        writeln!(
            out,
            "  {} = {} {} ({})",
            p.name,
            madori_rules::report::num(p.value, 4),
            p.unit,
            p.source
        )?;
    }
    Ok(())
}

/// What a capacity counts, in English: `人` persons, `世帯` households.
fn capacity_unit_en(unit: &str, n: u32) -> String {
    let n = n as usize;
    match unit {
        "人" => count_en(n, "person", "persons"),
        "世帯" => count_en(n, "household", "households"),
        other => format!("{n} {other}"),
    }
}

fn capacity(options: &Options, out: &mut impl Write) -> Result<ExitCode, Failure> {
    let plan = match load(options)? {
        Ok(plan) => plan,
        Err(code) => return Ok(code),
    };
    let profile = build_profile(options, &plan)?;
    let capacity = madori_rules::capacity(&plan, &profile);
    let written = match options.format {
        Format::Json => serde_json::to_string_pretty(&capacity)
            .map_err(io::Error::other)
            .and_then(|json| writeln!(out, "{json}")),
        Format::Text => print_capacity(out, &capacity),
    };
    finish(written, ExitCode::SUCCESS)
}

fn suggest(options: &Options, out: &mut impl Write) -> Result<ExitCode, Failure> {
    use madori_editor::suggest::{one_more, Budget};
    let plan = match load(options)? {
        Ok(plan) => plan,
        Err(code) => return Ok(code),
    };
    let profile = build_profile(options, &plan)?;
    let found = one_more(&plan, &profile, Budget::for_plan(&plan));
    let written = match options.format {
        Format::Json => serde_json::to_string_pretty(&found)
            .map_err(io::Error::other)
            .and_then(|json| writeln!(out, "{json}")),
        Format::Text => print_suggestions(out, &found),
    };
    finish(written, ExitCode::SUCCESS)
}

fn print_suggestions(
    out: &mut impl Write,
    found: &madori_editor::suggest::Suggestions,
) -> io::Result<()> {
    let count = |n: Option<u32>| n.map_or_else(|| "—".to_owned(), |n| n.to_string());
    let Some(now) = found.capacity_by_plan else {
        return writeln!(
            out,
            "この基準は入居者数によらず判定します / this profile does not depend on the number of residents"
        );
    };
    writeln!(out, "定員上限 capacity: {}", count(found.capacity))?;
    for p in &found.preconditions {
        writeln!(
            out,
            "  {} は間取りでは解消できません (満たすものとして探しました) / not met by the plan (assumed met): {}",
            p.rule_id, p.ja
        )?;
    }
    if found.list.is_empty() {
        writeln!(
            out,
            "一つの変更で定員が増える案は見つかりませんでした / no single change raises the capacity"
        )?;
    }
    for (i, s) in found.list.iter().enumerate() {
        let (effort_ja, effort_en) = s.effort.words();
        writeln!(
            out,
            "{:>2}. [{effort_ja} / {effort_en}] {now} → {}  {}",
            i + 1,
            s.capacity_after,
            s.ja
        )?;
        writeln!(out, "    {}", s.en)?;
        if !s.new_failures.is_empty() {
            writeln!(
                out,
                "    新たに不適合 / newly failing: {}",
                s.new_failures.join(", ")
            )?;
        }
        if !s.new_warnings.is_empty() {
            writeln!(
                out,
                "    新たに要確認 / newly to check: {}",
                s.new_warnings.join(", ")
            )?;
        }
    }
    if !found.complete {
        writeln!(
            out,
            "大きな間取りのため調べる量に上限を設けました / a large plan: the search was bounded"
        )?;
    }
    Ok(())
}

fn print_capacity(out: &mut impl Write, capacity: &madori_rules::Capacity) -> io::Result<()> {
    match capacity.max {
        Some(max) => writeln!(
            out,
            "定員上限 capacity: {max} {} / {} (limited by {})",
            capacity.unit,
            capacity_unit_en(capacity.unit, max),
            capacity.limiting.join(", ")
        )?,
        None => writeln!(out, "定員上限 capacity: — ({})", capacity.note_en)?,
    }
    if !capacity.note_ja.is_empty() {
        writeln!(out, "{}", capacity.note_ja)?;
    }
    for limit in &capacity.limits {
        writeln!(
            out,
            "  {:<14} {:>4}  {}  → {}",
            limit.rule_id, limit.max, limit.basis_ja, limit.next_ja
        )?;
    }
    Ok(())
}
