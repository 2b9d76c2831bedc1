//! The standards explained: for each rule, why it exists (in plain Japanese and English, to
//! be read aloud at a workshop), the rule as STANDARDS.md states it with the numbers in force,
//! its source and how sure the sources are.
//!
//! Words are kept apart from logic: the checks decide verdicts and write each finding's
//! formula; this module holds the words about the rules, as a table with one entry per
//! [`RuleId`] (the matches are exhaustive, so a new rule without an explanation does not
//! compile). Numbers never live in the words: a rule's text is written from the profile's
//! parameters ([`Explanation::text`]), so a local relaxation shows its own number, and the
//! titles and reasons carry no numbers at all. The source is [`RuleId::citation`], the same
//! string every finding of the rule carries.
//!
//! ```
//! use madori_plan::{format, templates};
//! use madori_rules::{check, explain::explain_with, profile, RuleId, Status};
//! let plan = format::from_json(templates::get("kodan-3dk-shared").unwrap()).unwrap();
//! let report = check(&plan, &profile::profile("sh-single").unwrap());
//! let room = explain_with(&report, RuleId::ShRoom);
//! assert!(room.text_ja.contains("9 ㎡"));
//! let failing = room.findings.iter().find(|f| f.status == Status::Fail).unwrap();
//! assert_eq!(failing.formula, "7.45 ㎡ < 9 ㎡"); // a 4.5帖 room
//! ```

use crate::checks::building::ratio_text;
use crate::profile::{
    Param, ParamKey, Profile, RuleId, LOCAL_OVERRIDES, UNCONFIRMED_AREA_BASIS,
    UNCONFIRMED_ARTICLES, UNCONFIRMED_DAYLIGHT_DORMITORY, UNCONFIRMED_LEVELS_2026,
    UNCONFIRMED_LOCAL_LIMITS, UNCONFIRMED_SP_SANITARY, UNCONFIRMED_TOKYO_ARTICLE,
};
use crate::report::{num, Report, Status};
use serde::Serialize;

/// How sure STANDARDS.md is of a rule's numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Level {
    /// H: the same number in two or more independent or official sources.
    #[serde(rename = "H")]
    High,
    /// M-H: rated between M and H.
    #[serde(rename = "M-H")]
    MediumHigh,
    /// M: one good source.
    #[serde(rename = "M")]
    Medium,
    /// L: inference; verify before relying on it.
    #[serde(rename = "L")]
    Low,
}

impl Level {
    /// The code STANDARDS.md uses (`H`, `M-H`, `M`, `L`).
    pub const fn code(self) -> &'static str {
        match self {
            Self::High => "H",
            Self::MediumHigh => "M-H",
            Self::Medium => "M",
            Self::Low => "L",
        }
    }

    /// What the level means, in Japanese.
    pub const fn meaning_ja(self) -> &'static str {
        match self {
            Self::High => "同じ数値が 2 つ以上の独立した、または公的な出典にあります",
            Self::MediumHigh => "確かさは M と H の間です",
            Self::Medium => "よい出典が 1 つあります",
            Self::Low => "推定です。頼る前に確かめてください",
        }
    }

    /// What the level means, in English.
    pub const fn meaning_en(self) -> &'static str {
        match self {
            Self::High => "the same number in two or more independent or official sources",
            Self::MediumHigh => "rated between M and H",
            Self::Medium => "one good source",
            Self::Low => "inference; verify before relying on it",
        }
    }
}

/// How sure the sources are of a rule, as STANDARDS.md rates it, and what they leave
/// unconfirmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Confidence {
    /// The rating.
    pub level: Level,
    /// What the rating rests on when STANDARDS.md qualifies it (e.g. "H that it was not
    /// adopted"), in Japanese; empty when the level says it all.
    pub note_ja: &'static str,
    /// The same note in English.
    pub note_en: &'static str,
    /// Points STANDARDS.md marks unconfirmed for this rule, `(ja, en)`: the entries of
    /// [`crate::profile::UNCONFIRMED`] that concern it.
    pub unconfirmed: &'static [(&'static str, &'static str)],
}

impl Confidence {
    /// The rating with its meaning, note and unconfirmed points, in Japanese.
    pub fn summary_ja(&self) -> String {
        let mut out = format!("確度 {}: {}", self.level.code(), self.level.meaning_ja());
        if !self.note_ja.is_empty() {
            out.push_str(&format!("。{}", self.note_ja));
        }
        if !self.unconfirmed.is_empty() {
            let points: Vec<&str> = self.unconfirmed.iter().map(|(ja, _)| *ja).collect();
            out.push_str(&format!("。未確認: {}", points.join("、")));
        }
        out
    }

    /// The rating with its meaning, note and unconfirmed points, in English.
    pub fn summary_en(&self) -> String {
        let mut out = format!(
            "confidence {}: {}",
            self.level.code(),
            self.level.meaning_en()
        );
        if !self.note_en.is_empty() {
            out.push_str(&format!("; {}", self.note_en));
        }
        if !self.unconfirmed.is_empty() {
            let points: Vec<&str> = self.unconfirmed.iter().map(|(_, en)| *en).collect();
            out.push_str(&format!("; unconfirmed: {}", points.join("; ")));
        }
        out
    }
}

/// One rule explained.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    /// The rule.
    pub rule: RuleId,
    /// Short Japanese title.
    pub title_ja: &'static str,
    /// Short English title.
    pub title_en: &'static str,
    /// Why the rule exists, in one to three plain Japanese sentences.
    pub why_ja: &'static str,
    /// Why the rule exists, in plain English.
    pub why_en: &'static str,
    /// The rule as STANDARDS.md states it, with the national default numbers, or for a rule
    /// only a local override adds, that override's (see [`Explanation::text`] for a profile's
    /// numbers).
    pub text_ja: String,
    /// The rule in English, with the national default numbers.
    pub text_en: String,
    /// Where the rule comes from: [`RuleId::citation`], as its findings cite it.
    pub source: &'static str,
    /// How sure the sources are.
    pub confidence: Confidence,
}

impl Explanation {
    /// The rule's text `(ja, en)` with the values in force in `profile`: a changed parameter
    /// ([`Profile::set`]) or a local override shows its own number.
    pub fn text(&self, profile: &Profile) -> (String, String) {
        render(self.rule, &Values(&profile.params))
    }
}

/// A rule explained with one plan's report: the rule's text with the report's values, those
/// values with their sources, and the rule's findings with their formulas.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExplainedRule {
    /// The rule's explanation (its `text_*` hold the national defaults).
    pub explanation: Explanation,
    /// The rule's text with the values the report used, in Japanese.
    pub text_ja: String,
    /// The rule's text with the values the report used, in English.
    pub text_en: String,
    /// The values of the rule's parameters the report used, each with where it came from
    /// (the national source, a local override or the user).
    pub params: Vec<Param>,
    /// The rule's findings on the plan, in report order; empty when the report's profile does
    /// not check the rule or the plan gives it nothing to check.
    pub findings: Vec<PlanFinding>,
}

/// One finding of a rule on the plan, as the explainer shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanFinding {
    /// The id the finding carries: the rule's own, or for SN-AREA the rule it applied
    /// (`SN-AREA-NEW` or `SN-AREA-EXISTING`).
    pub rule_id: &'static str,
    /// The verdict.
    pub status: Status,
    /// The rooms, openings, fixtures or storeys concerned.
    pub element_ids: Vec<String>,
    /// The computation with the plan's numbers ([`crate::Finding::formula`]).
    pub formula: String,
}

/// The explanation of `rule`, with the national default numbers (for a rule that only a
/// local override adds, the numbers that override sets).
pub fn explain(rule: RuleId) -> Explanation {
    let words = words(rule);
    let (text_ja, text_en) = render(rule, &Values(&default_values(rule)));
    Explanation {
        rule,
        title_ja: words.title_ja,
        title_en: words.title_en,
        why_ja: words.why_ja,
        why_en: words.why_en,
        text_ja,
        text_en,
        source: rule.citation(),
        confidence: words.confidence,
    }
}

/// The explanation of `rule` with this plan's numbers: its text with the values the report
/// used, those values, and its findings (status, elements, formula).
pub fn explain_with(report: &Report, rule: RuleId) -> ExplainedRule {
    let params = &report.profile.params;
    let (text_ja, text_en) = render(rule, &Values(params));
    ExplainedRule {
        explanation: explain(rule),
        text_ja,
        text_en,
        params: rule
            .params()
            .iter()
            .filter_map(|key| params.iter().find(|p| p.key == *key).cloned())
            .collect(),
        findings: report
            .findings
            .iter()
            .filter(|f| reported_under(rule, f.rule))
            .map(|f| PlanFinding {
                rule_id: f.rule_id,
                status: f.status,
                element_ids: f.element_ids.clone(),
                formula: f.formula().to_owned(),
            })
            .collect(),
    }
}

/// The values a rule's text shows when no profile is given: the national defaults, except
/// that a rule only a local override adds (TOSHIMA-FAMILY) shows the values that override
/// sets: its 7 ㎡ rooms, not the national 9 ㎡ that the relaxed size defaults to.
fn default_values(rule: RuleId) -> Vec<Param> {
    let Some(local) = LOCAL_OVERRIDES
        .iter()
        .find(|l| l.adds_rules.iter().any(|(added, _)| *added == rule))
    else {
        return Vec::new();
    };
    local
        .sets
        .iter()
        .filter_map(|&(name, value)| {
            let key = ParamKey::from_key(name)?;
            let info = key.describe();
            Some(Param {
                key,
                name: info.key,
                value,
                unit: info.unit,
                source: local.source.to_owned(),
            })
        })
        .collect()
}

/// Whether a finding of `found` belongs to `rule`: its own findings, and for SN-AREA those it
/// reports under the rule it applied (`checks::unit::sn_area`).
fn reported_under(rule: RuleId, found: RuleId) -> bool {
    found == rule
        || (rule == RuleId::SnArea && matches!(found, RuleId::SnAreaNew | RuleId::SnAreaExisting))
}

/// The parameter values a text is written from; a key the list lacks has its national
/// default, as [`Profile::value`] reads it.
struct Values<'a>(&'a [Param]);

impl Values<'_> {
    fn get(&self, key: ParamKey) -> f64 {
        self.0
            .iter()
            .find(|p| p.key == key)
            .map_or_else(|| key.describe().default, |p| p.value)
    }

    /// Whether the values carry `key` (a local override adds some).
    fn has(&self, key: ParamKey) -> bool {
        self.0.iter().any(|p| p.key == key)
    }

    /// A value as printed in a rule's text (`15`, `7.5`, `0.3333`).
    fn n(&self, key: ParamKey) -> String {
        num(self.get(key), 4)
    }

    /// A yes/no parameter.
    fn yes(&self, key: ParamKey) -> bool {
        self.get(key) >= 0.5
    }
}

/// How areas are measured, `(ja, en)`, from `area.basis_interior`.
fn basis(v: &Values<'_>) -> (&'static str, &'static str) {
    if v.yes(ParamKey::AreaBasisInterior) {
        (
            "面積は内法 (壁の内側) で測る",
            "areas measured inside the walls (内法)",
        )
    } else {
        (
            "面積は壁芯 (壁の中心線) で測る",
            "areas measured at wall centre lines (壁芯)",
        )
    }
}

/// The plan's assumption about equal shared facilities (`sn.shared_facilities`), `(ja, en)`.
fn shared_facilities(v: &Values<'_>) -> (&'static str, &'static str) {
    if v.yes(ParamKey::SnSharedFacilities) {
        (
            "この計画の前提: 同等以上の共用の台所・収納・浴室がある",
            "this plan assumes equal shared kitchen, storage or bath",
        )
    } else {
        (
            "この計画の前提: 共用の台所・収納・浴室はない",
            "this plan assumes no shared kitchen, storage or bath",
        )
    }
}

/// The room-size relaxation in force, `(ja, en)`, or `None` (the relaxed size is not below
/// the full size, or no room may use it), read as `checks::shared::room_limits` reads it.
fn room_relaxation(v: &Values<'_>) -> Option<(String, String)> {
    let min = v.get(ParamKey::ShRoomMinM2);
    let relaxed = v.get(ParamKey::ShRoomRelaxedMinM2);
    let share = v.get(ParamKey::ShRoomRelaxedShare);
    if relaxed >= min || share <= 0.0 {
        return None;
    }
    let relaxed = num(relaxed, 4);
    let (who_ja, who_en) = if share >= 1.0 {
        ("すべての居室".to_owned(), "every room".to_owned())
    } else {
        let share = ratio_text(share);
        (
            format!("居室の {share} まで"),
            format!("up to {share} of the rooms"),
        )
    };
    let (when_ja, when_en) = if v.has(ParamKey::ToshimaMinResidents) {
        (
            "豊島区「家族的な住まい方」の条件をすべて満たす間は",
            "while every condition of Toshima's family-like living holds, ",
        )
    } else {
        ("", "")
    };
    Some((
        format!("{when_ja}{who_ja}は {relaxed} ㎡ 以上でよい"),
        format!("{when_en}{who_en} may be at least {relaxed} ㎡"),
    ))
}

/// A unit-area rule's minimums, `(ja, en)`: the 神奈川県 tiers when the profile carries them
/// (they replace the new / existing split, as `checks::unit` applies them), otherwise the
/// national ones for `new` and / or `existing` units.
fn unit_minimums(v: &Values<'_>, new: bool, existing: bool) -> (String, String) {
    use ParamKey::*;
    let (shared_ja, shared_en) = shared_facilities(v);
    let (basis_ja, basis_en) = basis(v);
    if v.has(KanagawaUntil1995M2) {
        return (
            format!(
                "神奈川県の区分 (建築確認の年による; 新築・既存の区分に代わる): 1995 年 (H7) 以前 ≥ {} ㎡、1996〜2005 年 (H8〜H17) ≥ {} ㎡、2006 年 (H18) 以降 ≥ {} ㎡; 共用の台所等がある住戸 ≥ {} ㎡。{shared_ja}。{basis_ja}",
                v.n(KanagawaUntil1995M2),
                v.n(Kanagawa1996To2005M2),
                v.n(KanagawaFrom2006M2),
                v.n(KanagawaSharedM2)
            ),
            format!(
                "Kanagawa's tiers (by the building permit year; they replace the new / existing split): permit up to 1995 ≥ {} ㎡, 1996-2005 ≥ {} ㎡, from 2006 ≥ {} ㎡; a unit with a shared kitchen etc. ≥ {} ㎡; {shared_en}; {basis_en}",
                v.n(KanagawaUntil1995M2),
                v.n(Kanagawa1996To2005M2),
                v.n(KanagawaFrom2006M2),
                v.n(KanagawaSharedM2)
            ),
        );
    }
    let mut ja = Vec::new();
    let mut en = Vec::new();
    if new {
        ja.push(format!(
            "新築住戸 ≥ {} ㎡ (共用の台所・収納・浴室が同等以上の環境を確保する場合 ≥ {} ㎡)",
            v.n(SnNewMinM2),
            v.n(SnNewSharedMinM2)
        ));
        en.push(format!(
            "a new unit ≥ {} ㎡ ({} ㎡ where a shared kitchen, storage or bath gives an equal environment)",
            v.n(SnNewMinM2),
            v.n(SnNewSharedMinM2)
        ));
    }
    if existing {
        ja.push(format!(
            "既存住戸 (竣工後 1 年超または入居歴あり; 2025-10-01 から) ≥ {} ㎡ (共用設備がある場合 ≥ {} ㎡)",
            v.n(SnExistingMinM2),
            v.n(SnExistingSharedMinM2)
        ));
        en.push(format!(
            "an existing unit (completed over a year ago or lived in; from 2025-10-01) ≥ {} ㎡ ({} ㎡ with shared facilities)",
            v.n(SnExistingMinM2),
            v.n(SnExistingSharedMinM2)
        ));
    }
    let (which_ja, which_en) = if new && existing {
        (
            "。新築か既存かは計画の dwelling.status による",
            "; new or existing as the plan's dwelling.status says",
        )
    } else {
        ("", "")
    };
    (
        format!("{}{which_ja}。{shared_ja}。{basis_ja}", ja.join("、")),
        format!("{}{which_en}; {shared_en}; {basis_en}", en.join(", ")),
    )
}

/// A 居住面積水準 rule's text `(ja, en)` from its three parameters.
fn level_text(
    v: &Values<'_>,
    single: ParamKey,
    per_person: ParamKey,
    base: ParamKey,
) -> (String, String) {
    let (basis_ja, basis_en) = basis(v);
    let (single, per_person, base) = (v.n(single), v.n(per_person), v.n(base));
    (
        format!(
            "単身 ≥ {single} ㎡; 2 人以上の世帯 ≥ {per_person} × N + {base} ㎡ (N: 世帯人数。3 歳未満は 0.25 人、3〜5 歳は 0.5 人、6〜9 歳は 0.75 人と数え、2 人以上の世帯で合計が 2 未満なら 2; N が 4 を超えると 5 % 減)。計画の注記: 短期の単身者、および共用の台所・浴室があり各個室にミニキッチン・便所・洗面がある場合は例外 (情報)。{basis_ja}"
        ),
        format!(
            "single person ≥ {single} ㎡; a household of two or more ≥ {per_person} × N + {base} ㎡ (N: household size, children under 3 counting 0.25, 3-5 counting 0.5, 6-9 counting 0.75, a total under 2 counting as 2 for two or more people; 5 % less when N is over 4). The plan notes exceptions: short-stay singles, and shared kitchen and bath with each private room having a mini kitchen, toilet and washbasin (information); {basis_en}"
        ),
    )
}

/// The rule as STANDARDS.md states it, `(ja, en)`, with the numbers of `v`.
fn render(rule: RuleId, v: &Values<'_>) -> (String, String) {
    use ParamKey::*;
    let (basis_ja, basis_en) = basis(v);
    match rule {
        RuleId::ShArea => (
            format!(
                "住戸全体の床面積 ≥ {} × A + {} ㎡ (A: 入居者数、2 人以上)。{basis_ja}",
                v.n(ShAreaPerPersonM2),
                v.n(ShAreaBaseM2)
            ),
            format!(
                "whole dwelling floor area ≥ {} × A + {} ㎡ (A: number of residents, at least 2); {basis_en}",
                v.n(ShAreaPerPersonM2),
                v.n(ShAreaBaseM2)
            ),
        ),
        RuleId::ShRoom => {
            let (relax_ja, relax_en) = room_relaxation(v)
                .map(|(ja, en)| (format!("。緩和: {ja}"), format!("; relaxation: {en}")))
                .unwrap_or_default();
            (
                format!(
                    "各専用居室 ≥ {} ㎡ (その居室の収納設備の床面積を含む){relax_ja}。{basis_ja}",
                    v.n(ShRoomMinM2)
                ),
                format!(
                    "each private room ≥ {} ㎡, its own built-in storage included{relax_en}; {basis_en}",
                    v.n(ShRoomMinM2)
                ),
            )
        }
        RuleId::ShRoomRelax => match room_relaxation(v) {
            Some((ja, en)) => (
                format!(
                    "地域の緩和または参考編の提案: {ja} (残りの居室は {} ㎡ 以上)。{basis_ja}",
                    v.n(ShRoomMinM2)
                ),
                format!(
                    "local relaxation or the study's suggestion: {en} (the other rooms at least {} ㎡); {basis_en}",
                    v.n(ShRoomMinM2)
                ),
            ),
            None => (
                format!(
                    "緩和なし: すべての専用居室が {} ㎡ 以上。{basis_ja}",
                    v.n(ShRoomMinM2)
                ),
                format!(
                    "no relaxation in force: every private room at least {} ㎡; {basis_en}",
                    v.n(ShRoomMinM2)
                ),
            ),
        },
        RuleId::ShOcc => (
            format!("専用居室 1 室の入居者 ≤ {} 人", v.n(ShOccMaxPersons)),
            format!(
                "persons in each private room ≤ {}",
                v.n(ShOccMaxPersons)
            ),
        ),
        RuleId::ShCommon => (
            "共用の居間・食堂・台所・便所・洗面設備・浴室又はシャワー室・洗濯室又は洗濯場があること。すべての専用居室に備わる設備は共用部に要らない。洗濯場を設けにくい場合は「共同して利用可能な場所に備えることで足りる」".to_owned(),
            "a common living room, dining room, kitchen, toilet, wash basin, bath or shower room, and laundry room or place; an item every private room has is not needed in common space; where a laundry place is hard to fit, one in a jointly usable place suffices".to_owned(),
        ),
        RuleId::ShSanitary => {
            let n = v.n(ShSanitaryResidentsPerItem);
            (
                format!("便所・洗面設備 (洗面器の数)・浴室又はシャワー室を それぞれ ⌈A ÷ {n}⌉ 以上 (A: 入居者数、自室に専用の設備がある入居者は数えない): A/{n} 人が同時に使える数、「又はこれと同等以上の機能が確保されていること」。浴槽とシャワーのある浴室は 1 室と数える。洗濯場は数えず、あることだけを求める (SH-COMMON)"),
                format!("toilets, wash bowls, and bath or shower rooms each at least ⌈A ÷ {n}⌉ (A: residents, not counting those with their own in their room): enough for A/{n} people at once, or an equal or better function; a bathroom with both a tub and a shower is one; laundry is not counted, only asked to be present (SH-COMMON)"),
            )
        }
        RuleId::ShGuideKitchen => {
            let n = v.n(ShKitchenResidentsPerUnit);
            (
                format!("推奨: 台所設備 (2 口以上のコンロ・シンク・調理台) を入居者 {n} 人までにつき 1 つ、少なくとも 1 つ"),
                format!("recommended: one kitchen unit (a stove with two or more burners, a sink and a worktop) per {n} residents, and at least one"),
            )
        }
        RuleId::ShGuidePrivacy => (
            "推奨: 専用居室は施錠でき、外気に面した窓があること。廊下や内側の縁側にだけ面した窓はプライバシーと防犯の上で数えない".to_owned(),
            "recommended: each private room lockable, with a window to the outside; a window only onto a corridor or an inner veranda does not count for privacy and security".to_owned(),
        ),
        RuleId::ShGuideSeparate => (
            "推奨: 便所・洗面所・浴室 (脱衣室) はそれぞれ別の空間に".to_owned(),
            "recommended: toilet, washroom and bath (with its dressing room) each in its own space".to_owned(),
        ),
        RuleId::ShGuideLaundry => {
            let n = v.n(ShSanitaryResidentsPerItem);
            (
                format!("参考編の提案 (基準ではない): 洗濯室を入居者 {n} 人につき 1 箇所。基準は共用の洗濯場があることだけを求める (SH-COMMON)"),
                format!("the study's proposal (not the standard): one laundry room per {n} residents; the standard asks only that one is present (SH-COMMON)"),
            )
        }
        RuleId::ShGuideElderlyToilets => {
            let n = v.n(ShElderlyResidentsPerToilet);
            (
                format!("推奨 (高齢者): 便所を入居者 {n} 人につき 1 つ"),
                format!("recommended for older residents: one toilet per {n} residents"),
            )
        }
        RuleId::ShGuideElderlyFloors => (
            "推奨 (高齢者): 専用居室のある各階に便所".to_owned(),
            "recommended for older residents: a toilet on every floor that has private rooms".to_owned(),
        ),
        RuleId::SpArea => {
            let (ps, ph, base) = (
                v.n(SpAreaPerSingleM2),
                v.n(SpAreaPerHouseholdM2),
                v.n(SpAreaBaseM2),
            );
            (
                format!("住戸全体 ≥ {ps} × B + {ph} × C + {base} ㎡ (B: 単身の入居者、C: ひとり親世帯; B ≥ 1 かつ C ≥ 1、または B = 0 かつ C ≥ 2)。{basis_ja}"),
                format!("whole dwelling area ≥ {ps} × B + {ph} × C + {base} ㎡ (B: single residents, C: single-parent households; B ≥ 1 and C ≥ 1, or B = 0 and C ≥ 2); {basis_en}"),
            )
        }
        RuleId::SpRoom => {
            let (min, reduced) = (v.n(SpRoomMinM2), v.n(SpRoomReducedMinM2));
            let (ps, pl, base) = (
                v.n(SpAreaPerSingleM2),
                v.n(SpAreaPerHouseholdLargeM2),
                v.n(SpAreaBaseM2),
            );
            (
                format!("ひとり親世帯の居室 ≥ {min} ㎡。住戸全体が {ps} × B + {pl} × C + {base} ㎡ 以上なら ≥ {reduced} ㎡。{basis_ja}"),
                format!("each single-parent household's room ≥ {min} ㎡, or ≥ {reduced} ㎡ when the whole area is at least {ps} × B + {pl} × C + {base} ㎡; {basis_en}"),
            )
        }
        RuleId::SpOcc => (
            "1 室に 1 世帯 (単身者 1 人、またはひとり親世帯 1 つ)".to_owned(),
            "one household per room (one single person, or one single-parent household)".to_owned(),
        ),
        RuleId::SpBath => (
            "浴槽のある浴室を 1 つ以上".to_owned(),
            "at least one bath with a bathtub".to_owned(),
        ),
        RuleId::SpSanitary => {
            let (h, n) = (v.n(SpHouseholdsPerItem), v.n(ShSanitaryResidentsPerItem));
            (
                format!("推奨 (参考編の提案、公式の数ではない): 便所・洗面設備・浴室・洗濯機を それぞれ ⌈C ÷ {h}⌉ 以上 (C: ひとり親世帯); 同じ住宅の単身者には SH-SANITARY にならい ⌈B ÷ {n}⌉ を加える。定員の計算には使わない"),
                format!("recommended (the study's proposal, not an official count): toilets, wash basins, baths and washing machines each at least ⌈C ÷ {h}⌉ (C: single-parent households), plus ⌈B ÷ {n}⌉ for single residents in the same house, as in SH-SANITARY; never limits capacity"),
            )
        }
        RuleId::SpKitchen => {
            let k = v.n(SpHouseholdsPerKitchen);
            (
                format!("推奨 (基準ではない): 台所設備を {k} 世帯につき 1 つ"),
                format!("recommended (not a standard): one kitchen unit per {k} households"),
            )
        }
        RuleId::SnAreaNew => unit_minimums(v, true, false),
        RuleId::SnAreaExisting => unit_minimums(v, false, true),
        RuleId::SnArea => unit_minimums(v, true, true),
        RuleId::SupportArea => {
            let (ja, en) = unit_minimums(v, true, true);
            (
                format!("居住サポート住宅の住戸: セーフティネット住宅と同じ区分。{ja}"),
                format!("a residential support housing unit, on the safety-net split: {en}"),
            )
        }
        RuleId::SnEquip => {
            let (shared_ja, shared_en) = shared_facilities(v);
            (
                format!("住戸に台所・便所・収納設備・浴室又はシャワー室。台所・収納・浴室は同等以上なら共用でよいが、便所は共用できない。{shared_ja}"),
                format!("the unit has a kitchen, toilet, storage, and bath or shower; kitchen, storage and bath may be shared if equal, the toilet may not; {shared_en}"),
            )
        }
        RuleId::SnSeismic => (
            "新耐震基準 (1981-05-31 より後に着工) であるか、耐震診断で安全が確かめられていること".to_owned(),
            "built under the 1981 seismic code (building work started after 1981-05-31), or found safe by a seismic assessment".to_owned(),
        ),
        RuleId::LaMin => level_text(v, LaMinSingleM2, LaMinPerPersonM2, LaMinBaseM2),
        RuleId::LaUrban => level_text(v, LaUrbanSingleM2, LaUrbanPerPersonM2, LaUrbanBaseM2),
        RuleId::LaGeneral => {
            level_text(v, LaGeneralSingleM2, LaGeneralPerPersonM2, LaGeneralBaseM2)
        }
        RuleId::BsDaylight => {
            let ratio = ratio_text(v.get(BsDaylightRatio));
            (
                format!("居室の採光に有効な窓の面積 ≥ 床面積 × {ratio}。住宅の居室は 50 lx 以上の照明を設ければ 1/10 まで緩和 (2023-04-01 から); 寄宿舎の寝室には緩和を使わない。この確認は窓の面積そのものを使い、採光補正係数は見ていない"),
                format!("a habitable room's window area ≥ floor area × {ratio}; rooms of a house may use 1/10 with lighting of 50 lx or more (from 2023-04-01), dormitory bedrooms may not; this check uses the raw window area, without the daylight correction factor"),
            )
        }
        RuleId::BsVent => {
            let ratio = ratio_text(v.get(BsVentRatio));
            (
                format!("居室の換気に有効な開口の面積 ≥ 床面積 × {ratio}、または機械換気設備"),
                format!("a habitable room's openable area ≥ floor area × {ratio}, or mechanical ventilation"),
            )
        }
        RuleId::BsCeiling => {
            let mm = v.get(BsCeilingMinMm);
            let (m, mm) = (num(mm / 1000.0, 3), num(mm, 0));
            (
                format!("居室の天井の高さ ≥ {m} m ({mm} mm)"),
                format!("a habitable room's ceiling height ≥ {m} m ({mm} mm)"),
            )
        }
        RuleId::BsChangeOfUse => {
            let t = v.n(BsChangeOfUseM2);
            (
                format!("寄宿舎に用途を変える部分が {t} ㎡ を超えると用途変更の確認申請が必要 (2019-06-25 から)。それ以下なら申請は不要だが、法に適合させる必要がある (情報)"),
                format!("converting more than {t} ㎡ to a dormitory needs a change-of-use application (from 2019-06-25); below that no application, but the building must still comply (information)"),
            )
        }
        RuleId::BsEmergencyLight => (
            "寄宿舎の共用室・廊下・階段に非常用照明 (寝室は不要) (情報)".to_owned(),
            "a dormitory needs emergency lighting in common rooms, corridors and stairs, not in bedrooms (information)".to_owned(),
        ),
        RuleId::BsTwoStairs => {
            let (t, tf) = (v.n(BsTwoStairsM2), v.n(BsTwoStairsFireResistantM2));
            (
                format!("寄宿舎の寝室の床面積の合計が {t} ㎡ を超える階 (準耐火構造・不燃材料なら {tf} ㎡) には直通階段が 2 つ必要 (情報; 寝室の面積は壁芯、その収納を含む)"),
                format!("a floor whose dormitory bedrooms total more than {t} ㎡ ({tf} ㎡ with fire-resistant or non-combustible structure) needs two direct stairs (information; bedroom areas at wall centre lines, their storage included)"),
            )
        }
        RuleId::ToshimaFamily => {
            let (n, room) = (v.n(ToshimaMinResidents), v.n(ShRoomRelaxedMinM2));
            (
                format!("豊島区「家族的な住まい方」の認定の条件: 入居者 {n} 人以上かつ居室数以下; 全員 18 歳以上で互いに親族でない; 各室 {room} ㎡ 以上; 全員連名の 1 つの賃貸借契約; 入居者のほかは住まない。計画で確かめられない条件は申告による。認定された住宅は寄宿舎ではなく住宅。{basis_ja}"),
                format!("the conditions of Toshima's certified family-like living: at least {n} residents and no more than the rooms; everyone 18 or over and none related; every room at least {room} ㎡; one joint lease signed by all; nobody else lives there. Conditions the plan cannot show are declared. A certified house is a dwelling, not a dormitory; {basis_en}"),
            )
        }
        RuleId::TokyoRoom7 => {
            let min = v.n(TokyoRoomMinM2);
            (
                format!("東京都建築安全条例: 寄宿舎の寝室 ≥ {min} ㎡ (寝室そのものの壁芯面積、収納を除く; 条番号 未確認のため情報)"),
                format!("Tokyo building safety ordinance: dormitory bedrooms ≥ {min} ㎡ (the bedroom's own wall-centre area, storage left out; information, as the article number is unconfirmed)"),
            )
        }
    }
}

/// The fixed words of one rule: titles, reasons and confidence.
struct Words {
    title_ja: &'static str,
    title_en: &'static str,
    why_ja: &'static str,
    why_en: &'static str,
    confidence: Confidence,
}

const fn rated(level: Level, unconfirmed: &'static [(&'static str, &'static str)]) -> Confidence {
    Confidence {
        level,
        note_ja: "",
        note_en: "",
        unconfirmed,
    }
}

const fn noted(
    level: Level,
    note_ja: &'static str,
    note_en: &'static str,
    unconfirmed: &'static [(&'static str, &'static str)],
) -> Confidence {
    Confidence {
        level,
        note_ja,
        note_en,
        unconfirmed,
    }
}

/// The shared-house standard's unconfirmed article numbers.
const SH_POINTS: &[(&str, &str)] = &[UNCONFIRMED_ARTICLES];
/// ... and, for a rule local governments relax, how far they may.
const SH_LOCAL_POINTS: &[(&str, &str)] = &[UNCONFIRMED_ARTICLES, UNCONFIRMED_LOCAL_LIMITS];
/// Unit areas: the basis of measurement and local limits.
const UNIT_POINTS: &[(&str, &str)] = &[UNCONFIRMED_AREA_BASIS, UNCONFIRMED_LOCAL_LIMITS];
const LEVEL_POINTS: &[(&str, &str)] = &[UNCONFIRMED_LEVELS_2026];
const NONE: &[(&str, &str)] = &[];

const GUIDANCE_NOTE: (&str, &str) = (
    "国の参考編による推奨で、基準ではありません",
    "guidance from the national study, not a standard",
);

const LA_WHY_MIN: (&str, &str) = (
    "国の住生活基本計画が示す、世帯の人数に応じて健康で文化的な住生活に欠かせない広さです。小さな子どもは年齢に応じて少なく数えます。",
    "The national housing plan's floor area a household needs for a healthy and cultured life, growing with the number of people; young children count for less according to age.",
);

/// The words of `rule`.
fn words(rule: RuleId) -> Words {
    use Level::*;
    match rule {
        RuleId::ShArea => Words {
            title_ja: "住戸全体の広さ (共同居住型)",
            title_en: "Whole floor area of a shared house",
            why_ja: "一緒に暮らす人が増えるほど、居間・台所・廊下など皆で使う場所にも広さが要ります。人数に見合った全体の広さを求めて詰め込みすぎ (過密) を防ぎ、健康で落ち着いた共同生活を守ります。",
            why_en: "The more people share a house, the more room the living room, kitchen and corridors need. Asking for a whole floor area in proportion to the number of residents prevents overcrowding and keeps shared life healthy and calm.",
            confidence: rated(High, SH_LOCAL_POINTS),
        },
        RuleId::ShRoom => Words {
            title_ja: "専用居室の広さ",
            title_en: "Size of each private room",
            why_ja: "専用居室は、入居者が眠り、着替え、ひとりで過ごすただ一つの場所です。最低限の広さを決めて、健康とプライバシーを保てないほど狭い部屋に人が住むことを防ぎます。その部屋の収納も広さに数えます。",
            why_en: "A private room is the one place where a resident sleeps, dresses and has time alone. A minimum size keeps people out of rooms too small for health and privacy; the room's own built-in storage counts towards it.",
            confidence: rated(High, SH_LOCAL_POINTS),
        },
        RuleId::ShRoomRelax => Words {
            title_ja: "専用居室の広さの緩和",
            title_en: "Relaxed size for some private rooms",
            why_ja: "既存の住宅を活かすと、一部の部屋がわずかに基準に届かないことがあります。地域の計画や条例による緩和、または国の参考編の提案 (採用した地域計画は見つかっていません) を使うとき、何室が緩和を使い、何室まで使えるかを示します。",
            why_en: "When an existing house is reused, some rooms may fall slightly short. Where a local plan or ordinance relaxes the size, or the national study's suggestion is used (no local plan is known to have adopted it), this shows how many rooms use the relaxation and how many may.",
            confidence: noted(
                Low,
                "緩和の数値は参考編の提案 (地域計画での採用例なし) か、適用した地域の出典によります",
                "the relaxed numbers are the study's suggestion (no local plan adopted it) or come from the local source applied",
                &[UNCONFIRMED_LOCAL_LIMITS],
            ),
        },
        RuleId::ShOcc => Words {
            title_ja: "専用居室の定員",
            title_en: "Persons per private room",
            why_ja: "共同居住型の専用居室はひとりで使う部屋です。一つの部屋に何人も住むと、眠りや着替えのプライバシーがなくなり、過密になります。",
            why_en: "A private room in a shared house is for one person. Putting several people in one room takes away privacy for sleeping and dressing and leads to overcrowding.",
            confidence: rated(High, SH_POINTS),
        },
        RuleId::ShCommon => Words {
            title_ja: "共用の設備",
            title_en: "Common facilities",
            why_ja: "専用居室には台所や浴室がないことが多いため、食べる・洗う・入浴する・洗濯するといった暮らしの基本を共用部で必ずできるようにします。すべての部屋に専用の設備があれば、その設備は共用部に要りません。",
            why_en: "Private rooms usually have no kitchen or bath, so this makes sure the basics of daily life (cooking and eating, washing, bathing and laundry) can always be done in common space. An item every private room already has is not needed in common space.",
            confidence: rated(High, SH_POINTS),
        },
        RuleId::ShSanitary => Words {
            title_ja: "便所・洗面・浴室の数",
            title_en: "Number of toilets, wash bowls and baths",
            why_ja: "朝や夜に皆が同時に使う設備が足りないと、順番待ちが続き、清潔も保てません。入居者の人数に応じて、同時に使える数をそろえるための基準です。",
            why_en: "When toilets, basins and baths are too few, residents queue at busy times in the morning and evening, and hygiene suffers. This asks for enough of each for the residents to use them at the same time.",
            confidence: rated(High, SH_POINTS),
        },
        RuleId::ShGuideKitchen => Words {
            title_ja: "台所の数 (推奨)",
            title_en: "Kitchen units (guidance)",
            why_ja: "大勢で一つの台所を使うと、食事の時間に調理が重なります。人数に見合った調理設備を勧める目安で、基準ではありません。",
            why_en: "When many people share one kitchen, cooking clashes at meal times. This is a rule of thumb for enough cooking units for the residents; it is not a standard.",
            confidence: noted(
                Low,
                "一事業者の発言による目安です。参考編自身の基準は「台所1つ」です",
                "one operator's remark; the study's own criterion is one kitchen",
                NONE,
            ),
        },
        RuleId::ShGuidePrivacy => Words {
            title_ja: "居室の鍵と外の窓 (推奨)",
            title_en: "A lock and an outside window (guidance)",
            why_ja: "専用居室は入居者の私的な空間で、鍵がかかることがプライバシーと防犯の前提です。外気に面した窓は風と光を入れます。廊下や内側の縁側にだけ面した窓は、プライバシーと防犯の役に立たないため数えません。",
            why_en: "A private room is a resident's own space, and a lock is the basis of privacy and security. A window to the outside lets in air and light; a window only onto a corridor or an inner veranda does not count, as it gives neither privacy nor security.",
            confidence: noted(Medium, GUIDANCE_NOTE.0, GUIDANCE_NOTE.1, NONE),
        },
        RuleId::ShGuideSeparate => Words {
            title_ja: "水回りを別々に (推奨)",
            title_en: "Toilet, washing and bathing apart (guidance)",
            why_ja: "便所と浴室が同じ部屋だと、誰かが入浴している間は便所を使えません。共同生活では、それぞれを別の空間にすると待ちが減り、使いやすく清潔です。",
            why_en: "When the toilet is in the bathroom, nobody can use it while someone bathes. In shared living, giving each its own space cuts waiting and keeps things clean and convenient.",
            confidence: noted(Medium, GUIDANCE_NOTE.0, GUIDANCE_NOTE.1, NONE),
        },
        RuleId::ShGuideLaundry => Words {
            title_ja: "洗濯場の数 (参考編の提案)",
            title_en: "Laundry places (the study's proposal)",
            why_ja: "洗濯機の順番待ちは共同生活の不満になりがちです。国の参考編は人数に応じた数を提案しましたが基準には採用されず、基準は共用の洗濯場があることだけを求めます。ここでは提案として示します。",
            why_en: "Waiting for the washing machine is a common complaint in shared living. The national study proposed a number per residents, but the standard did not adopt it and asks only that a laundry place exists; this shows the proposal as guidance.",
            confidence: noted(
                High,
                "確かなのは、この提案が基準に採用されなかったことです",
                "what is certain is that the proposal was not adopted",
                NONE,
            ),
        },
        RuleId::ShGuideElderlyToilets => Words {
            title_ja: "高齢者: 便所の数 (推奨)",
            title_en: "Older residents: number of toilets (guidance)",
            why_ja: "年を重ねると便所を使う回数が増え、待つことや我慢することが大きな負担になります。高齢の入居者には、基準より多めの便所を勧める目安です。",
            why_en: "Older people need the toilet more often, and waiting is a real burden for them. This rule of thumb recommends more toilets for older residents than the standard asks.",
            confidence: noted(Medium, GUIDANCE_NOTE.0, GUIDANCE_NOTE.1, NONE),
        },
        RuleId::ShGuideElderlyFloors => Words {
            title_ja: "高齢者: 各階の便所 (推奨)",
            title_en: "Older residents: a toilet on each floor (guidance)",
            why_ja: "階段の上り下りは高齢者には負担が大きく、夜は特に危険です。居室のある階ごとに便所があれば、階段を使わずに済みます。",
            why_en: "Stairs are hard for older people, and dangerous at night. A toilet on every floor with private rooms means nobody has to take the stairs to reach one.",
            confidence: noted(Medium, GUIDANCE_NOTE.0, GUIDANCE_NOTE.1, NONE),
        },
        RuleId::SpArea => Words {
            title_ja: "ひとり親世帯向け: 住戸全体の広さ",
            title_en: "Single-parent shared house: whole floor area",
            why_ja: "子どもと暮らす世帯には、単身者より広い生活の場が要ります。子どもが遊び、学び、育つ場所を確保するため、世帯ごとに単身者より多くの面積を数えます。",
            why_en: "A household with children needs more living space than a single person. To leave room for children to play, study and grow, each single-parent household counts for more area than a single resident.",
            confidence: rated(High, SH_POINTS),
        },
        RuleId::SpRoom => Words {
            title_ja: "ひとり親世帯の居室の広さ",
            title_en: "Size of a single-parent household's room",
            why_ja: "親と子が一つの部屋で寝起きするため、単身者の部屋より広さが要ります。住戸全体にゆとりがあれば共用部で補えるので、部屋は少し小さくてもかまいません。",
            why_en: "A parent and children sleep and live in one room, so it must be larger than a single person's. Where the whole house is more generous, the common space makes up for it and the room may be somewhat smaller.",
            confidence: rated(High, SH_POINTS),
        },
        RuleId::SpOcc => Words {
            title_ja: "一つの部屋に一つの世帯",
            title_en: "One household per room",
            why_ja: "一つの部屋に別々の世帯が住むと、どちらの家族もプライバシーと安心を保てません。一つの部屋には単身者ひとりか、ひとり親世帯ひとつだけが住みます。",
            why_en: "If separate households share one room, neither family has privacy or peace of mind. Each room houses one single person or one single-parent household.",
            confidence: rated(High, SH_POINTS),
        },
        RuleId::SpBath => Words {
            title_ja: "浴槽のある浴室",
            title_en: "A bath with a tub",
            why_ja: "小さな子どもを入浴させるには、シャワーだけでなく浴槽が要ります。子育て世帯が暮らせるよう、浴槽のある浴室を少なくとも一つ求めます。",
            why_en: "Bathing small children needs a bathtub, not only a shower. So that families with children can live there, at least one bath with a tub is required.",
            confidence: rated(High, SH_POINTS),
        },
        RuleId::SpSanitary => Words {
            title_ja: "ひとり親世帯: 水回りの数 (推奨)",
            title_en: "Single-parent households: sanitary items (recommendation)",
            why_ja: "子どもの支度や入浴が重なる朝晩は、水回りが混み合います。国の参考編は世帯数に応じた数を提案しましたが、公式な数は見つかっていないため推奨として示し、定員の計算には使いません。",
            why_en: "Mornings and evenings, when children are washed and got ready, crowd the toilets, basins and baths. The national study proposed a number per household, but no official count was found, so this is a recommendation and never limits capacity.",
            confidence: noted(
                Low,
                "参考編の提案です",
                "the study's proposal",
                &[UNCONFIRMED_SP_SANITARY],
            ),
        },
        RuleId::SpKitchen => Words {
            title_ja: "ひとり親世帯: 台所の数 (推奨)",
            title_en: "Single-parent households: kitchen units (recommendation)",
            why_ja: "子どものための食事づくりは時間が重なりやすく、台所が一つでは足りなくなります。世帯数に応じた台所の数を勧める目安で、基準ではありません。",
            why_en: "Families cook for their children at the same times of day, so one kitchen soon runs short. This is a rule of thumb for kitchens per household; it is not a standard.",
            confidence: noted(Medium, "基準ではない推奨です", "a recommendation, not a standard", NONE),
        },
        RuleId::SnAreaNew => Words {
            title_ja: "セーフティネット住宅の広さ (新築)",
            title_en: "Safety-net housing unit area (new)",
            why_ja: "住まいを見つけにくい人 (住宅確保要配慮者) に貸す住宅として登録するには、健康に暮らせる最低限の広さが要ります。台所・収納・浴室を同等以上に共用で備えれば、その分だけ住戸は小さくてもかまいません。",
            why_en: "To be registered as housing for people who have difficulty finding a home, a unit needs at least the space to live healthily. Where an equal shared kitchen, storage or bath is provided, the unit itself may be smaller.",
            confidence: rated(High, UNIT_POINTS),
        },
        RuleId::SnAreaExisting => Words {
            title_ja: "セーフティネット住宅の広さ (既存)",
            title_en: "Safety-net housing unit area (existing)",
            why_ja: "住まいを見つけにくい人に貸す住宅として登録するには、健康に暮らせる最低限の広さが要ります。すでに建っている住宅には、新築より小さい広さが定められています。",
            why_en: "To be registered as housing for people who have difficulty finding a home, a unit needs at least the space to live healthily. Homes that already exist have a smaller minimum than new ones.",
            confidence: rated(MediumHigh, UNIT_POINTS),
        },
        RuleId::SnArea => Words {
            title_ja: "セーフティネット住宅の広さ (計画の新築・既存に従う)",
            title_en: "Safety-net housing unit area (new or existing as the plan says)",
            why_ja: "住まいを見つけにくい人に貸す住宅として登録するには、健康に暮らせる最低限の広さが要ります。新築か、すでに建っている住宅かで最低の広さが変わるため、計画に入力された区分で確かめます。",
            why_en: "To be registered as housing for people who have difficulty finding a home, a unit needs at least the space to live healthily. The minimum differs for new and existing homes, so the plan's own status decides which applies.",
            confidence: noted(
                MediumHigh,
                "新築の数値は H、既存の数値は M-H です",
                "the new-unit numbers are H, the existing-unit numbers M-H",
                UNIT_POINTS,
            ),
        },
        RuleId::SupportArea => Words {
            title_ja: "居住サポート住宅の広さ",
            title_en: "Residential support housing unit area",
            why_ja: "居住サポート住宅 (居住安定援助賃貸住宅) も、住まいを見つけにくい人が健康に暮らせる最低限の広さを求めます。数値はセーフティネット住宅と同じで、新築か既存かで変わります。",
            why_en: "Residential support housing also needs at least the space for people who have difficulty finding a home to live healthily. It uses the safety-net numbers, which differ for new and existing homes.",
            confidence: rated(High, UNIT_POINTS),
        },
        RuleId::SnEquip => Words {
            title_ja: "住戸の設備",
            title_en: "Facilities of a unit",
            why_ja: "暮らしに欠かせない台所・便所・収納・浴室を使えることを求めます。台所・収納・浴室は同等以上なら共用でもかまいませんが、便所は共用にできません。",
            why_en: "A home needs a kitchen, toilet, storage and a bath or shower. Kitchen, storage and bath may be shared if they are as good, but the toilet may not.",
            confidence: rated(MediumHigh, NONE),
        },
        RuleId::SnSeismic => Words {
            title_ja: "耐震性",
            title_en: "Earthquake resistance",
            why_ja: "地震の多い日本では、古い基準で建てられた建物は大地震で倒れるおそれがあります。住む人の命を守るため、新しい耐震基準の建物か、耐震診断で安全が確かめられた建物であることを求めます。",
            why_en: "Japan has frequent earthquakes, and buildings built to the old seismic code may collapse in a major one. To protect residents' lives, the building must be built to the current code or found safe by a seismic assessment.",
            confidence: rated(High, NONE),
        },
        RuleId::LaMin => Words {
            title_ja: "最低居住面積水準",
            title_en: "Minimum floor area level",
            why_ja: LA_WHY_MIN.0,
            why_en: LA_WHY_MIN.1,
            confidence: rated(High, LEVEL_POINTS),
        },
        RuleId::LaUrban => Words {
            title_ja: "誘導居住面積水準 (都市居住型)",
            title_en: "Target floor area level (urban)",
            why_ja: "国の住生活基本計画が、都市の中心やその周辺の共同住宅でゆとりある暮らしを送るために目標とする広さです。最低限ではなく、目指す水準です。",
            why_en: "The national housing plan's target for comfortable living in apartments in and around city centres: a level to aim for, not a minimum.",
            confidence: rated(High, LEVEL_POINTS),
        },
        RuleId::LaGeneral => Words {
            title_ja: "誘導居住面積水準 (一般型)",
            title_en: "Target floor area level (general)",
            why_ja: "国の住生活基本計画が、郊外や都市部以外の戸建て住宅でゆとりある暮らしを送るために目標とする広さです。最低限ではなく、目指す水準です。",
            why_en: "The national housing plan's target for comfortable living in detached houses in suburbs and outside cities: a level to aim for, not a minimum.",
            confidence: rated(High, LEVEL_POINTS),
        },
        RuleId::BsDaylight => Words {
            title_ja: "採光",
            title_en: "Daylight",
            why_ja: "日の光は健康な暮らしに欠かせません。人が長い時間を過ごす居室には、床面積に見合った大きさの窓を求めます。",
            why_en: "Daylight is essential to healthy living. Rooms where people spend long hours need windows in proportion to their floor area.",
            confidence: rated(High, &[UNCONFIRMED_DAYLIGHT_DORMITORY]),
        },
        RuleId::BsVent => Words {
            title_ja: "換気",
            title_en: "Ventilation",
            why_ja: "空気を入れ替えられない部屋には湿気や汚れた空気がこもり、結露やカビ、体調不良のもとになります。居室には床面積に見合った開く窓か、機械換気を求めます。",
            why_en: "A room that cannot be aired keeps damp and stale air, which brings condensation, mould and ill health. Habitable rooms need opening windows in proportion to their floor area, or mechanical ventilation.",
            confidence: rated(High, NONE),
        },
        RuleId::BsCeiling => Words {
            title_ja: "天井の高さ",
            title_en: "Ceiling height",
            why_ja: "天井が低すぎる部屋は圧迫感があり、空気の量も少なくなります。人が暮らす居室として使える最低の天井の高さです。",
            why_en: "A room with too low a ceiling feels cramped and holds less air. This is the lowest ceiling a room people live in may have.",
            confidence: rated(High, NONE),
        },
        RuleId::BsChangeOfUse => Words {
            title_ja: "用途変更の確認申請",
            title_en: "Change-of-use application",
            why_ja: "事業者が運営するシェアハウスは法律上「寄宿舎」で、防火や避難の決まりが住宅と違います。一定の広さを超えて寄宿舎に変えるときは確認申請が要り、申請が要らない広さでも法に適合させなければなりません。",
            why_en: "A shared house run by an operator is legally a dormitory, with fire and escape rules different from a house. Converting more than a set area needs a building application; below it none is needed, but the building must still comply.",
            confidence: rated(High, NONE),
        },
        RuleId::BsEmergencyLight => Words {
            title_ja: "非常用照明",
            title_en: "Emergency lighting",
            why_ja: "火事や停電で明かりが消えると、暗い廊下や階段では逃げ遅れるおそれがあります。寄宿舎では皆が通る共用室・廊下・階段に非常用照明が要ります。",
            why_en: "When fire or a power cut puts the lights out, people can be trapped in dark corridors and stairs. A dormitory needs emergency lights in the common rooms, corridors and stairs everyone passes through.",
            confidence: rated(High, NONE),
        },
        RuleId::BsTwoStairs => Words {
            title_ja: "二つの直通階段",
            title_en: "Two direct stairs",
            why_ja: "上の階に寝室が多いと、火事で一つの階段が煙にふさがれたとき逃げ道がなくなります。寝室の広さが一定を超える階には、地上へ通じる階段を二つ求めます。",
            why_en: "With many bedrooms upstairs, a single stair blocked by smoke in a fire leaves no way out. A floor with more than a set area of bedrooms needs two stairs leading down to the ground.",
            confidence: rated(Medium, NONE),
        },
        RuleId::ToshimaFamily => Words {
            title_ja: "豊島区「家族的な住まい方」",
            title_en: "Toshima's family-like living",
            why_ja: "豊島区は、血縁のない大人どうしが一つの契約で家族のように暮らす家を、区の認定を受ければ寄宿舎ではなく住宅として扱い、小さめの部屋も認めます。その条件を、計画で確かめられるものと入居者の申告によるものに分けて示します。",
            why_en: "Toshima treats a house where unrelated adults live together like a family, under one joint lease, as a dwelling rather than a dormitory once the ward certifies it, and accepts smaller rooms there. This lists its conditions: those the plan can show and those the residents must declare.",
            confidence: rated(High, NONE),
        },
        RuleId::TokyoRoom7 => Words {
            title_ja: "東京都: 寄宿舎の寝室の広さ",
            title_en: "Tokyo: dormitory bedroom size",
            why_ja: "東京都は建築安全条例で、寄宿舎の寝室に最低の広さを定め、狭い寝室への詰め込みを防いでいます。条番号を確かめられていないため、情報として示します。",
            why_en: "Tokyo's building safety ordinance sets a minimum size for dormitory bedrooms, against crowding people into tiny rooms. Its article number is not confirmed, so this is shown as information.",
            confidence: rated(Medium, &[UNCONFIRMED_TOKYO_ARTICLE]),
        },
    }
}
