//! `madori`: check dwelling plans against Japanese residential standards from a terminal.
//!
//! Exit codes: 0 no failures, 1 failures, 2 invalid input (every problem is printed).

use madori_plan::{format, templates, Plan};
use madori_rules::profile::{self, LocalOverride, Profile};
use madori_rules::{Report, Status};
use std::process::ExitCode;

const USAGE: &str = "\
madori — 間取りを居住基準で確かめる / check floor plans against residential standards

USAGE:
  madori check PLAN.json [--profile ID] [--local ID ...] [--set key=value ...] [--format text|json]
  madori capacity PLAN.json --profile ID [--local ID ...] [--set key=value ...] [--format text|json]
  madori profiles [--params]     one profile a line: id, then name (--params: with their values)
  madori locals                  local overrides (地域の緩和・強化): id, then name
  madori template [NAME]         list template names, or print one plan as JSON

PLAN.json may be `-` for standard input. The default profile is sh-single.
Exit codes: 0 no failures, 1 failures, 2 invalid input or usage.";

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
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match arg.as_str() {
            "--profile" => options.profile = Some(value("--profile")?),
            "--local" => options.locals.push(value("--local")?),
            "--set" => options.sets.push(value("--set")?),
            "--format" => {
                options.format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => return Err(format!("unknown format \"{other}\" (text or json)")),
                }
            }
            "--params" => options.params = true,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path if options.plan.is_none() => options.plan = Some(path.to_owned()),
            extra => return Err(format!("unexpected argument \"{extra}\"")),
        }
    }
    Ok(options)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("madori: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some((command, rest)) = args.split_first() else {
        println!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    };
    let options = parse(rest)?;
    match command.as_str() {
        "check" => check(&options),
        "capacity" => capacity(&options),
        "profiles" => {
            for p in profile::catalogue() {
                println!("{}\t{} / {}", p.id, p.name_ja, p.name_en);
                if options.params {
                    for param in &p.params {
                        println!(
                            "  {} = {} {}\t({})",
                            param.name, param.value, param.unit, param.source
                        );
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        "locals" => {
            for l in &profile::LOCAL_OVERRIDES {
                let sets: Vec<String> = l.sets.iter().map(|(k, v)| format!("{k}={v}")).collect();
                println!(
                    "{}\t{} / {}\t{}",
                    l.id,
                    l.name_ja,
                    l.name_en,
                    sets.join(" ")
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        "template" => match options.plan.as_deref() {
            None => {
                for (name, _) in templates::TEMPLATES {
                    println!("{name}");
                }
                Ok(ExitCode::SUCCESS)
            }
            Some(name) => match templates::get(name) {
                Some(text) => {
                    print!("{text}");
                    Ok(ExitCode::SUCCESS)
                }
                None => Err(format!(
                    "no template \"{name}\"; `madori template` lists them"
                )),
            },
        },
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command \"{other}\"")),
    }
}

fn load(options: &Options) -> Result<Result<Plan, ExitCode>, String> {
    let path = options.plan.as_deref().ok_or("missing PLAN.json")?;
    let text = if path == "-" {
        std::io::read_to_string(std::io::stdin())
            .map_err(|e| format!("cannot read standard input: {e}"))?
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?
    };
    Ok(format::from_json(&text).map_err(|problems| {
        eprintln!(
            "{path}: {} problem(s) / {} 件の問題",
            problems.len(),
            problems.len()
        );
        for problem in &problems {
            eprintln!("  {problem}");
        }
        ExitCode::from(2)
    }))
}

fn build_profile(options: &Options) -> Result<Profile, String> {
    let id = options.profile.as_deref().unwrap_or("sh-single");
    let mut profile = profile::profile(id)
        .ok_or_else(|| format!("unknown profile \"{id}\"; `madori profiles` lists them"))?;
    for local in &options.locals {
        let local: &LocalOverride = profile::local_override(local).ok_or_else(|| {
            format!("unknown local override \"{local}\"; `madori locals` lists them")
        })?;
        profile.apply_local(local).map_err(|e| e.to_string())?;
    }
    for set in &options.sets {
        let (key, value) = set
            .split_once('=')
            .ok_or_else(|| format!("--set takes key=value, got \"{set}\""))?;
        let value: f64 = value
            .trim()
            .parse()
            .map_err(|_| format!("--set {key}: \"{value}\" is not a number"))?;
        profile
            .set(key.trim(), value, "--set (利用者の指定)")
            .map_err(|e| e.to_string())?;
    }
    Ok(profile)
}

fn check(options: &Options) -> Result<ExitCode, String> {
    let profile = build_profile(options)?;
    let plan = match load(options)? {
        Ok(plan) => plan,
        Err(code) => return Ok(code),
    };
    let report = madori_rules::check(&plan, &profile);
    match options.format {
        Format::Json => println!("{}", report.to_json()),
        Format::Text => print_report(&plan, &report),
    }
    Ok(if report.has_failures() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
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

fn print_report(plan: &Plan, report: &Report) {
    let totals = &report.totals;
    println!(
        "{} — {} / {}",
        plan.name, report.profile.name_ja, report.profile.name_en
    );
    let storeys: Vec<String> = totals
        .storeys
        .iter()
        .map(|s| format!("{} {:.2}", s.name, s.wall_centre_m2))
        .collect();
    let interior = totals
        .dwelling_interior_m2
        .map_or("判定不能".to_owned(), |a| format!("{a:.2} ㎡"));
    println!(
        "延床 (壁芯) {:.2} ㎡ ({}) | 内法 {} | {:.1} 帖 | 入居者 {} 人",
        totals.dwelling_wall_centre_m2,
        storeys.join(" / "),
        interior,
        madori_rules::area::m2_to_jo(totals.dwelling_wall_centre_m2),
        totals.residents
    );
    for status in Status::ALL {
        let n = report.count(status);
        if n == 0 {
            continue;
        }
        println!("\n{} ({n})", status_word(status));
        for f in report.findings.iter().filter(|f| f.status == status) {
            println!("  {:<18} {}", f.rule_id, f.message_ja());
            println!("  {:<18} {}", "", f.formula());
            if !f.hint().is_empty() {
                println!("  {:<18} → {}", "", f.hint());
            }
        }
    }
    println!("\n使用した値 / values used:");
    for p in &report.profile.params {
        println!(
            "  {} = {} {} ({})",
            p.name,
            madori_rules::report::num(p.value, 4),
            p.unit,
            p.source
        );
    }
}

fn capacity(options: &Options) -> Result<ExitCode, String> {
    if options.profile.is_none() {
        return Err("capacity needs --profile ID".into());
    }
    let profile = build_profile(options)?;
    let plan = match load(options)? {
        Ok(plan) => plan,
        Err(code) => return Ok(code),
    };
    let capacity = madori_rules::capacity(&plan, &profile);
    match options.format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&capacity).unwrap_or_default()
        ),
        Format::Text => {
            match capacity.max {
                Some(max) => println!(
                    "定員上限 capacity: {max} {} (limited by {})",
                    capacity.unit,
                    capacity.limiting.join(", ")
                ),
                None => println!("定員上限 capacity: — ({})", capacity.note_en),
            }
            if !capacity.note_ja.is_empty() {
                println!("{}", capacity.note_ja);
            }
            for limit in &capacity.limits {
                println!(
                    "  {:<14} {:>4}  {}  → {}",
                    limit.rule_id, limit.max, limit.basis_ja, limit.next_ja
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
