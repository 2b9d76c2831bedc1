//! The standards explainer: every rule explained in both languages, its source the citation
//! its findings carry, its text written from the profile's numbers, and a plan's formulas.

use madori_plan::{format, templates, Occupancy, Plan};
use madori_rules::explain::{explain, explain_with, Level};
use madori_rules::profile::{self, catalogue, local_override, ParamKey, Profile, UNCONFIRMED};
use madori_rules::{check, RuleId, Status};
use std::collections::BTreeSet;

fn template(name: &str) -> Plan {
    format::from_json(templates::get(name).unwrap()).unwrap()
}

fn catalogue_profile(id: &str) -> Profile {
    profile::profile(id).unwrap()
}

fn with_local(id: &str, local: &str) -> Profile {
    let mut p = catalogue_profile(id);
    p.apply_local(local_override(local).unwrap()).unwrap();
    p
}

/// Every rule a catalogue profile checks, and every rule a local override adds.
fn every_rule() -> BTreeSet<RuleId> {
    catalogue()
        .iter()
        .flat_map(|p| p.rules.iter().map(|r| r.rule))
        .chain(
            profile::LOCAL_OVERRIDES
                .iter()
                .flat_map(|l| l.adds_rules.iter().map(|(r, _)| *r)),
        )
        .collect()
}

/// Every catalogue profile, and each with every local override that applies to it.
fn every_profile() -> Vec<Profile> {
    let mut out = Vec::new();
    for p in catalogue() {
        for local in &profile::LOCAL_OVERRIDES {
            let mut q = p.clone();
            if q.apply_local(local).is_ok() {
                out.push(q);
            }
        }
        out.push(p);
    }
    out
}

fn filled(text: &str) -> bool {
    !text.trim().is_empty()
        && !text.contains('{')
        && !text.contains('}')
        && !text
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|word| word == "NaN" || word == "inf")
}

#[test]
fn every_rule_of_every_profile_is_explained_in_both_languages() {
    let rules = every_rule();
    assert_eq!(
        rules.len(),
        35,
        "every RuleId is in a profile or added by an override"
    );
    for p in every_profile() {
        for rule in p.rules.iter().map(|r| r.rule) {
            let e = explain(rule);
            assert_eq!(e.rule, rule);
            for (field, text) in [
                ("title_ja", e.title_ja),
                ("title_en", e.title_en),
                ("why_ja", e.why_ja),
                ("why_en", e.why_en),
                ("text_ja", e.text_ja.as_str()),
                ("text_en", e.text_en.as_str()),
                ("source", e.source),
            ] {
                assert!(filled(text), "{} {field}: {text:?}", rule.as_str());
            }
            assert!(filled(&e.confidence.summary_ja()), "{}", rule.as_str());
            assert!(filled(&e.confidence.summary_en()), "{}", rule.as_str());
            for (ja, en) in e.confidence.unconfirmed {
                assert!(filled(ja) && filled(en), "{}", rule.as_str());
            }
            let (ja, en) = e.text(&p);
            assert!(filled(&ja) && filled(&en), "{} in {}", rule.as_str(), p.id);
            // Japanese words are Japanese, English words are not.
            for text in [e.title_ja, e.why_ja, ja.as_str()] {
                assert!(
                    text.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)
                        || ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{}: {text}",
                    rule.as_str()
                );
            }
            for text in [e.title_en, e.why_en, en.as_str()] {
                assert!(
                    !text.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
                    "{} has kana in English: {text}",
                    rule.as_str()
                );
            }
        }
    }
}

#[test]
fn titles_and_reasons_carry_no_numbers() {
    // Numbers belong to the rule's text, written from the profile; a reason read aloud never
    // states a number the profile could have changed.
    for rule in every_rule() {
        let e = explain(rule);
        for text in [e.title_ja, e.title_en, e.why_ja, e.why_en] {
            assert!(
                !text
                    .chars()
                    .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)),
                "{}: {text}",
                rule.as_str()
            );
        }
    }
}

#[test]
fn source_is_the_citation_the_findings_carry() {
    // The templates as shipped, and kodan-3dk-shared with one room let to a single-parent
    // household (no template has one, and SP-ROOM speaks only of such rooms).
    let mut plans: Vec<(String, Plan)> = templates::TEMPLATES
        .iter()
        .map(|(name, _)| (name.to_string(), template(name)))
        .collect();
    let mut household = template("kodan-3dk-shared");
    let room = household.storeys[0]
        .rooms
        .iter_mut()
        .find(|r| r.id == "r3")
        .unwrap();
    room.occupancy = Some(Occupancy::SingleParent {
        children_ages: vec![4],
    });
    plans.push(("kodan-3dk-shared (single-parent r3)".into(), household));

    let mut covered = BTreeSet::new();
    for p in every_profile() {
        for (name, plan) in &plans {
            let report = check(plan, &p);
            for f in &report.findings {
                assert_eq!(
                    explain(f.rule).source,
                    f.citation,
                    "{} on {name} under {}",
                    f.rule_id,
                    p.id
                );
            }
            for rule in p.rules.iter().map(|r| r.rule) {
                let explained = explain_with(&report, rule);
                for finding in &explained.findings {
                    let carried = report
                        .findings
                        .iter()
                        .find(|f| f.rule_id == finding.rule_id)
                        .unwrap();
                    assert_eq!(explained.explanation.source, carried.citation);
                    covered.insert(rule);
                }
            }
        }
    }
    let missing: Vec<&str> = every_rule()
        .difference(&covered)
        .map(|r| r.as_str())
        .collect();
    assert!(missing.is_empty(), "no template finding for {missing:?}");
}

/// A value that no rule text prints by default, within the parameter's range, and how the
/// text prints it (`None` for a yes/no value, which changes words rather than a number).
fn distinctive(key: ParamKey) -> (f64, Option<&'static str>) {
    let info = key.describe();
    match key {
        ParamKey::BsCeilingMinMm => (3170.0, Some("3170")),
        ParamKey::BsDaylightRatio | ParamKey::BsVentRatio | ParamKey::ShRoomRelaxedShare => {
            (0.37, Some("0.37"))
        }
        _ if info.unit == "0/1" => (1.0 - info.default, None),
        _ if info.integer => (37.0, Some("37")),
        _ => (123.45, Some("123.45")),
    }
}

#[test]
fn text_shows_every_number_a_profile_sets() {
    for p in catalogue() {
        for rule in p.rules.iter().map(|r| r.rule) {
            let e = explain(rule);
            let before = e.text(&p);
            assert_eq!(
                before,
                (e.text_ja.clone(), e.text_en.clone()),
                "a catalogue profile holds the national defaults"
            );
            for &key in rule.params() {
                let (value, printed) = distinctive(key);
                let mut changed = p.clone();
                changed.set(key.describe().key, value, "test").unwrap();
                let after = e.text(&changed);
                // The relaxed room size shows only while a relaxation is in force (none is in
                // a catalogue profile); SP-ROOM reads sh.room.min for the single residents'
                // rooms, which SH-ROOM explains.
                let silent = matches!(
                    (rule, key),
                    (
                        RuleId::ShRoom | RuleId::ShRoomRelax,
                        ParamKey::ShRoomRelaxedMinM2 | ParamKey::ShRoomRelaxedShare
                    ) | (RuleId::SpRoom, ParamKey::ShRoomMinM2)
                );
                let name = format!("{} {} in {}", rule.as_str(), key.describe().key, p.id);
                if silent {
                    assert_eq!(after, before, "{name}");
                    continue;
                }
                assert_ne!(after.0, before.0, "{name}");
                assert_ne!(after.1, before.1, "{name}");
                if let Some(printed) = printed {
                    assert!(after.0.contains(printed), "{name}: {}", after.0);
                    assert!(after.1.contains(printed), "{name}: {}", after.1);
                }
            }
        }
    }
}

#[test]
fn area_basis_is_said_in_the_text() {
    let mut p = catalogue_profile("sh-single");
    let e = explain(RuleId::ShRoom);
    assert!(e.text(&p).0.contains("壁芯"));
    assert!(e.text(&p).1.contains("wall centre"));
    p.set("area.basis_interior", 1.0, "test").unwrap();
    assert!(e.text(&p).0.contains("内法"));
    assert!(e.text(&p).1.contains("inside the walls"));
}

#[test]
fn local_overrides_show_their_own_numbers() {
    let room = explain(RuleId::ShRoom);
    let relax = explain(RuleId::ShRoomRelax);

    let national = catalogue_profile("sh-single");
    let (ja, en) = room.text(&national);
    assert!(
        ja.contains("各専用居室 ≥ 9 ㎡") && !ja.contains("緩和"),
        "{ja}"
    );
    assert!(en.contains("each private room ≥ 9 ㎡") && !en.contains("relaxation"));
    assert!(relax.text(&national).0.starts_with("緩和なし"));

    let nerima = with_local("sh-single", "nerima-12m2");
    let (ja, en) = room.text(&nerima);
    assert!(ja.contains("≥ 12 ㎡") && !ja.contains("9 ㎡"), "{ja}");
    assert!(en.contains("≥ 12 ㎡"), "{en}");

    let otsu = with_local("sh-single", "otsu-shared");
    let (ja, en) = explain(RuleId::ShArea).text(&otsu);
    assert!(ja.contains("15 × A + 7 ㎡"), "{ja}");
    assert!(en.contains("15 × A + 7 ㎡"), "{en}");

    let third = with_local("sh-single", "relax-7m2-third");
    let (ja, en) = room.text(&third);
    assert!(ja.contains("居室の 1/3 までは 7 ㎡ 以上でよい"), "{ja}");
    assert!(
        en.contains("up to 1/3 of the rooms may be at least 7 ㎡"),
        "{en}"
    );
    let (ja, en) = relax.text(&third);
    assert!(
        ja.contains("1/3") && ja.contains("7 ㎡") && ja.contains("9 ㎡"),
        "{ja}"
    );
    assert!(en.contains("1/3") && en.contains("7 ㎡"), "{en}");

    let half = with_local("sh-single", "relax-7m2-half");
    assert!(room.text(&half).0.contains("居室の 1/2 まで"));

    let toshima = with_local("sh-single", "toshima-7m2");
    let (ja, en) = room.text(&toshima);
    assert!(
        ja.contains("豊島区") && ja.contains("すべての居室は 7 ㎡ 以上でよい"),
        "{ja}"
    );
    assert!(en.contains("Toshima") && en.contains("every room may be at least 7 ㎡"));
    let family = explain(RuleId::ToshimaFamily);
    // Without a profile, the rule only the override adds shows the override's numbers.
    assert!(
        family.text_ja.contains("各室 7 ㎡ 以上"),
        "{}",
        family.text_ja
    );
    assert_eq!(
        family.text(&toshima),
        (family.text_ja.clone(), family.text_en.clone())
    );
    let (ja, en) = family.text(&toshima);
    assert!(
        ja.contains("入居者 4 人以上") && ja.contains("各室 7 ㎡ 以上"),
        "{ja}"
    );
    assert!(
        en.contains("at least 4 residents") && en.contains("at least 7 ㎡"),
        "{en}"
    );

    let mut tokyo = with_local("sh-single", "tokyo");
    let bedroom = explain(RuleId::TokyoRoom7);
    assert!(bedroom.text(&tokyo).0.contains("≥ 7 ㎡"));
    tokyo.set("tokyo.room.min", 7.5, "test").unwrap();
    assert!(bedroom.text(&tokyo).0.contains("≥ 7.5 ㎡"));
    assert!(bedroom.text(&tokyo).1.contains("≥ 7.5 ㎡"));

    // 神奈川県's tiers replace the national new / existing split, as the check applies them.
    let unit = explain(RuleId::SnArea);
    let (ja, _) = unit.text(&catalogue_profile("sn-unit"));
    assert!(
        ja.contains("新築住戸 ≥ 25 ㎡") && ja.contains("既存住戸"),
        "{ja}"
    );
    let kanagawa = with_local("sn-unit", "kanagawa");
    let (ja, en) = unit.text(&kanagawa);
    for tier in ["≥ 16 ㎡", "≥ 18 ㎡", "≥ 25 ㎡", "≥ 13 ㎡"] {
        assert!(ja.contains(tier) && en.contains(tier), "{tier}: {ja}");
    }
    assert!(
        ja.contains("神奈川県") && !ja.contains("新築住戸 ≥"),
        "{ja}"
    );
}

#[test]
fn explain_with_carries_the_failing_room_and_the_values_used() {
    let plan = template("kodan-3dk-shared");
    let mut p = catalogue_profile("sh-single");
    let report = check(&plan, &p);
    let room = explain_with(&report, RuleId::ShRoom);
    assert!(
        room.text_ja.contains("各専用居室 ≥ 9 ㎡"),
        "{}",
        room.text_ja
    );
    assert!(room.text_en.contains("each private room ≥ 9 ㎡"));
    let c = room
        .findings
        .iter()
        .find(|f| f.element_ids == ["r3"])
        .unwrap();
    assert_eq!(c.status, Status::Fail);
    assert_eq!(c.rule_id, "SH-ROOM");
    assert_eq!(c.formula, "7.45 ㎡ < 9 ㎡");
    // One finding per private room, as the report has them.
    assert_eq!(room.findings.len(), report.of(RuleId::ShRoom).count());
    let min = room
        .params
        .iter()
        .find(|q| q.name == "sh.room.min")
        .unwrap();
    assert_eq!(min.value, 9.0);
    assert!(
        min.source.contains("共同居住型住宅の基準"),
        "{}",
        min.source
    );
    let keys: Vec<&str> = room.params.iter().map(|q| q.name).collect();
    assert_eq!(
        keys,
        [
            "sh.room.min",
            "sh.room.relaxed_min",
            "sh.room.relaxed_share",
            "area.basis_interior"
        ]
    );

    // A workshop lowers the minimum to 7 ㎡: the text and the formula both follow.
    p.set("sh.room.min", 7.0, "workshop").unwrap();
    let report = check(&plan, &p);
    let room = explain_with(&report, RuleId::ShRoom);
    assert!(
        room.text_ja.contains("各専用居室 ≥ 7 ㎡"),
        "{}",
        room.text_ja
    );
    let c = room
        .findings
        .iter()
        .find(|f| f.element_ids == ["r3"])
        .unwrap();
    assert_eq!(c.status, Status::Pass);
    assert_eq!(c.formula, "7.45 ㎡ ≥ 7 ㎡");
    let min = room
        .params
        .iter()
        .find(|q| q.name == "sh.room.min")
        .unwrap();
    assert_eq!((min.value, min.source.as_str()), (7.0, "workshop"));
}

#[test]
fn explain_with_sn_area_shows_the_rule_it_applied() {
    let report = check(&template("kodan-3dk"), &catalogue_profile("sn-unit"));
    let unit = explain_with(&report, RuleId::SnArea);
    assert_eq!(unit.findings.len(), 1);
    let applied = &unit.findings[0];
    assert!(
        ["SN-AREA-NEW", "SN-AREA-EXISTING"].contains(&applied.rule_id),
        "{}",
        applied.rule_id
    );
    let carried = report
        .findings
        .iter()
        .find(|f| f.rule_id == applied.rule_id)
        .unwrap();
    assert_eq!(applied.formula, carried.formula());
    assert_eq!(applied.status, carried.status);
    assert!(
        unit.text_ja.contains("新築住戸 ≥ 25 ㎡")
            && unit
                .text_ja
                .contains("既存住戸 (竣工後 1 年超または入居歴あり; 2025-10-01 から) ≥ 18 ㎡")
    );
}

#[test]
fn explain_with_a_rule_the_profile_does_not_check() {
    let report = check(
        &template("kodan-3dk-shared"),
        &catalogue_profile("sh-single"),
    );
    let level = explain_with(&report, RuleId::LaMin);
    assert!(level.findings.is_empty());
    // Only the area basis, which sh-single also uses, is among the report's values.
    let keys: Vec<&str> = level.params.iter().map(|q| q.name).collect();
    assert_eq!(keys, ["area.basis_interior"]);
    assert_eq!(level.text_ja, level.explanation.text_ja);
    assert!(level.text_ja.contains("単身 ≥ 25 ㎡") && level.text_ja.contains("10 × N + 10 ㎡"));
}

#[test]
fn confidence_is_as_standards_rates_it() {
    let level = |rule: RuleId| explain(rule).confidence.level;
    assert_eq!(level(RuleId::ShArea), Level::High);
    assert_eq!(level(RuleId::ShRoom), Level::High);
    assert_eq!(level(RuleId::ShRoomRelax), Level::Low);
    assert_eq!(level(RuleId::SpSanitary), Level::Low);
    assert_eq!(level(RuleId::SpKitchen), Level::Medium);
    assert_eq!(level(RuleId::SnAreaNew), Level::High);
    assert_eq!(level(RuleId::SnAreaExisting), Level::MediumHigh);
    assert_eq!(level(RuleId::SnEquip), Level::MediumHigh);
    assert_eq!(level(RuleId::BsTwoStairs), Level::Medium);
    assert_eq!(level(RuleId::TokyoRoom7), Level::Medium);
    assert_eq!(level(RuleId::ShGuideKitchen), Level::Low);

    let tokyo = explain(RuleId::TokyoRoom7).confidence;
    assert!(tokyo.summary_ja().contains("未確認") && tokyo.summary_ja().contains("条番号"));
    assert!(tokyo.summary_en().contains("unconfirmed"));
    let daylight = explain(RuleId::BsDaylight).confidence;
    assert!(daylight.summary_ja().contains("寄宿舎の寝室"));
    assert!(explain(RuleId::SpSanitary)
        .confidence
        .summary_en()
        .contains("single-parent households"));
    assert!(explain(RuleId::LaGeneral)
        .confidence
        .summary_ja()
        .contains("2026"));
    assert!(!explain(RuleId::SnSeismic)
        .confidence
        .summary_ja()
        .contains("未確認"));
    let laundry = explain(RuleId::ShGuideLaundry).confidence;
    assert_eq!(laundry.level, Level::High);
    assert!(laundry.summary_en().contains("not adopted"));

    // Every point of STANDARDS.md §8 and TOKYO-ROOM-7 is said beside some rule; the 神奈川県
    // and 練馬区 points concern local overrides, not a rule of their own.
    for point in UNCONFIRMED {
        let said = every_rule()
            .into_iter()
            .any(|r| explain(r).confidence.unconfirmed.contains(&point));
        let local = point.1.contains("Kanagawa") || point.1.contains("Nerima");
        assert_eq!(said, !local, "{}", point.1);
    }
}
