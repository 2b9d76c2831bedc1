//! The report: plain data, one [`Finding`] per rule (per room for per-room rules).

use crate::numbers::{rounding, with_rounding, Rounding};
use crate::profile::{Param, RuleId};
use serde::Serialize;
use std::sync::{Arc, OnceLock};

/// A finding's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The rule is not met.
    Fail,
    /// Advisory rule or guidance not met, or met only under a condition the plan cannot show.
    Warning,
    /// The plan lacks what the rule needs; the finding says what.
    Unavailable,
    /// Information to act on (e.g. an application needed), not a verdict.
    Info,
    /// The rule is met.
    Pass,
}

impl Status {
    /// Every status, worst first.
    pub const ALL: [Status; 5] = [
        Self::Fail,
        Self::Warning,
        Self::Unavailable,
        Self::Info,
        Self::Pass,
    ];

    /// The status word in the report format.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Fail => "fail",
            Self::Warning => "warning",
            Self::Unavailable => "unavailable",
            Self::Info => "info",
            Self::Pass => "pass",
        }
    }
}

/// A measured or required amount with its unit.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Quantity {
    /// The amount.
    pub value: f64,
    /// Its unit (`㎡`, `人`, `箇所`, `mm`, `世帯`).
    pub unit: &'static str,
}

/// A finding's words: the formula with the plan's numbers, the message and the hint.
#[derive(Clone, Debug, PartialEq, Eq, Default, Hash)]
pub struct Texts {
    /// The computation with the plan's numbers, e.g. `15 × 3 + 10 = 55 ㎡ ≤ 57.97 ㎡`.
    pub formula: String,
    /// Japanese message.
    pub ja: String,
    /// English message.
    pub en: String,
    /// What to change, in Japanese (empty when nothing needs changing).
    pub hint_ja: String,
    /// What to change, in English.
    pub hint_en: String,
}

/// A render closure and the words it produced, in one allocation.
struct Lazy<F> {
    render: F,
    rendered: OnceLock<Texts>,
    rounding: Rounding,
}

trait Words: Send + Sync {
    fn words(&self) -> &Texts;
}

impl<F: Fn() -> Texts + Send + Sync> Words for Lazy<F> {
    fn words(&self) -> &Texts {
        self.rendered
            .get_or_init(|| with_rounding(self.rounding, &self.render))
    }
}

/// A finding's words, rendered on first read and kept.
///
/// A check of a large plan yields thousands of findings and formatting their text took most
/// of its time, while a screen shows a few dozen: verdicts and numbers are computed eagerly,
/// words lazily. The words render with the rounding that was in force when the finding was
/// made ([`crate::numbers`]), however late they are read.
#[derive(Clone)]
pub struct Text(Arc<dyn Words>);

impl Text {
    /// Words rendered by `render` when first needed.
    pub fn new(render: impl Fn() -> Texts + Send + Sync + 'static) -> Self {
        Self(Arc::new(Lazy {
            render,
            rendered: OnceLock::new(),
            rounding: rounding(),
        }))
    }

    /// The words.
    pub fn get(&self) -> &Texts {
        self.0.words()
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.get() == other.get()
    }
}

/// One verdict of one rule on the plan or one of its elements.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// The rule.
    pub rule: RuleId,
    /// The rule's id (e.g. `SH-ROOM`).
    pub rule_id: &'static str,
    /// The verdict.
    pub status: Status,
    /// Ids of the rooms, openings, fixtures or storeys concerned.
    pub element_ids: Vec<String>,
    /// What the plan has.
    pub measured: Option<Quantity>,
    /// What the rule asks for.
    pub required: Option<Quantity>,
    /// The source of the rule.
    pub citation: &'static str,
    /// The formula, messages and hint.
    pub text: Text,
}

impl Finding {
    /// The computation with the plan's numbers.
    pub fn formula(&self) -> &str {
        &self.text.get().formula
    }

    /// Japanese message.
    pub fn message_ja(&self) -> &str {
        &self.text.get().ja
    }

    /// English message.
    pub fn message_en(&self) -> &str {
        &self.text.get().en
    }

    /// What to change, in Japanese.
    pub fn hint(&self) -> &str {
        &self.text.get().hint_ja
    }

    /// What to change, in English.
    pub fn hint_en(&self) -> &str {
        &self.text.get().hint_en
    }
}

/// The documented JSON shape of a finding (see `docs/report-format.md`).
#[derive(Serialize)]
struct FindingJson<'a> {
    rule_id: &'a str,
    status: Status,
    element_ids: &'a [String],
    measured: Option<Quantity>,
    required: Option<Quantity>,
    formula: &'a str,
    message_ja: &'a str,
    message_en: &'a str,
    hint: &'a str,
    hint_en: &'a str,
    citation: &'a str,
}

impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let t = self.text.get();
        FindingJson {
            rule_id: self.rule_id,
            status: self.status,
            element_ids: &self.element_ids,
            measured: self.measured,
            required: self.required,
            formula: &t.formula,
            message_ja: &t.ja,
            message_en: &t.en,
            hint: &t.hint_ja,
            hint_en: &t.hint_en,
            citation: self.citation,
        }
        .serialize(serializer)
    }
}

/// Floor-area totals of one storey.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoreyTotal {
    /// Storey id.
    pub id: String,
    /// Storey name.
    pub name: String,
    /// 壁芯 floor area, ㎡.
    pub wall_centre_m2: f64,
    /// 内法 floor area, ㎡ (`null` when unavailable).
    pub interior_m2: Option<f64>,
}

/// Totals of the plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Totals {
    /// Per storey.
    pub storeys: Vec<StoreyTotal>,
    /// 延床面積 at wall centre, ㎡.
    pub dwelling_wall_centre_m2: f64,
    /// 延床面積 inside walls, ㎡.
    pub dwelling_interior_m2: Option<f64>,
    /// Residents entered (sum of private rooms' occupancy).
    pub residents: u32,
}

/// The profile as used: id, names and every value in force with its source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProfileUsed {
    /// Profile id.
    pub id: &'static str,
    /// Japanese name.
    pub name_ja: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// Values used.
    pub params: Vec<Param>,
    /// Local overrides applied.
    pub local_overrides: Vec<&'static str>,
}

/// The result of checking a plan against a profile.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// The profile and its values.
    pub profile: ProfileUsed,
    /// Areas and residents.
    pub totals: Totals,
    /// What the plan lacks for a trustworthy check (入力不足), shown before the findings.
    pub missing: Vec<crate::missing::MissingInput>,
    /// Findings in profile order.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Number of findings with this status.
    pub fn count(&self, status: Status) -> usize {
        self.findings.iter().filter(|f| f.status == status).count()
    }

    /// Whether any finding fails.
    pub fn has_failures(&self) -> bool {
        self.findings.iter().any(|f| f.status == Status::Fail)
    }

    /// Findings of one rule.
    pub fn of(&self, rule: RuleId) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.rule == rule)
    }

    /// The worst status of the findings naming this element (for colouring it): information
    /// only counts when nothing else names the element, so a relaxation note does not hide
    /// a pass. `None` when no finding names it.
    pub fn worst_for(&self, element_id: &str) -> Option<Status> {
        self.worst_by_element().get(element_id).copied()
    }

    /// [`Report::worst_for`] of every element the findings name, in one pass over the
    /// findings (the canvas colours every room of a storey on each move).
    pub fn worst_by_element(&self) -> std::collections::HashMap<&str, Status> {
        let mut verdicts: std::collections::HashMap<&str, Status> = Default::default();
        let mut infos: std::collections::HashMap<&str, Status> = Default::default();
        for f in &self.findings {
            let map = if f.status == Status::Info {
                &mut infos
            } else {
                &mut verdicts
            };
            for id in &f.element_ids {
                let worst = map.entry(id.as_str()).or_insert(f.status);
                *worst = (*worst).min(f.status);
            }
        }
        for (id, status) in infos {
            verdicts.entry(id).or_insert(status);
        }
        verdicts
    }

    /// The report as the documented JSON (see `docs/report-format.md`).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Formats `value` with exactly `decimals` decimals (at most 6), rounding half away from
/// zero. Integer arithmetic instead of `{:.2}`: a check formats thousands of numbers and the
/// float formatter dominated its time.
pub fn fixed(value: f64, decimals: u32) -> String {
    let decimals = decimals.min(6);
    let scale = 10_i64.pow(decimals);
    let scaled = (value * scale as f64).round();
    if !scaled.is_finite() || scaled.abs() > 9e15 {
        return format!("{value:.prec$}", prec = decimals as usize);
    }
    let scaled = scaled as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, fraction) = (scaled.abs() / scale, scaled.abs() % scale);
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!(
            "{sign}{whole}.{fraction:0width$}",
            width = decimals as usize
        )
    }
}

/// Formats a number with up to `decimals` decimals, dropping trailing zeros (`15`, `7.5`).
pub fn num(value: f64, decimals: u32) -> String {
    let text = fixed(value, decimals);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// `n` with the singular or plural English noun (`1 room`, `2 rooms`).
pub fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Formats an area in ㎡ with two decimals, rounded as the report says
/// ([`crate::numbers::area`]).
pub fn m2(value: f64) -> String {
    crate::numbers::area(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_matches_the_standard_formatter_on_plan_numbers() {
        for v in [
            0.0,
            9.9372,
            7.4529,
            57.967,
            115.934,
            1.0 / 7.0,
            0.005_000_1,
            12.0,
            1e7 + 0.25,
            -0.25,
            -2.34567,
        ] {
            assert_eq!(fixed(v, 2), format!("{v:.2}"), "{v}");
        }
        assert_eq!(fixed(-0.001, 2), "0.00");
        assert_eq!(fixed(f64::NAN, 2), "NaN");
        assert_eq!(num(15.0, 2), "15");
        assert_eq!(num(7.5, 2), "7.5");
        assert_eq!(num(1.0 / 3.0, 3), "0.333");
    }
}
