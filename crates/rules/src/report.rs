//! The report: plain data, one [`Finding`] per rule (per room for per-room rules).

use crate::profile::{Param, RuleId};
use serde::Serialize;

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

/// One verdict of one rule on the plan or one of its elements.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// The rule.
    #[serde(skip)]
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
    /// The computation with the plan's numbers.
    pub formula: String,
    /// Japanese message.
    pub message_ja: String,
    /// English message.
    pub message_en: String,
    /// What to change, in Japanese.
    pub hint: String,
    /// What to change, in English.
    pub hint_en: String,
    /// The source of the rule.
    pub citation: &'static str,
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

    /// The worst status of any finding naming this element, if any names it.
    pub fn worst_for(&self, element_id: &str) -> Option<Status> {
        self.findings
            .iter()
            .filter(|f| f.element_ids.iter().any(|e| e == element_id))
            .map(|f| f.status)
            .min()
    }

    /// The report as the documented JSON (see `docs/report-format.md`).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Formats a number with up to `decimals` decimals, dropping trailing zeros (`15`, `7.5`).
pub fn num(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// Formats an area in ㎡ with two decimals, as tables show it.
pub fn m2(value: f64) -> String {
    format!("{value:.2}")
}
