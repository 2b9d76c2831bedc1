//! One module per family of rules. Each check reads [`Facts`] and the profile's values and
//! pushes findings; none of them fails on user data.

pub mod building;
pub mod local;
pub mod shared;
pub mod single_parent;
pub mod unit;

use crate::facts::Facts;
use crate::profile::{ParamKey, Profile, RuleId, RuleUse};
pub use crate::report::Texts;
use crate::report::{Finding, Quantity, Status, Text};

/// Tolerance for comparing areas, ㎡: far below any drawing precision, above f64 noise, so a
/// room of exactly 9.00 ㎡ meets "≥ 9 ㎡".
pub const EPSILON_M2: f64 = 1e-9;

/// What a check needs, and where it writes.
pub struct Ctx<'a, 'p> {
    /// Facts of the plan.
    pub facts: &'a Facts<'p>,
    /// The profile in force.
    pub profile: &'a Profile,
    /// Findings so far.
    pub out: Vec<Finding>,
}

/// The parts of a finding a check decides; [`Ctx::push`] adds the rule's id and citation.
pub struct Draft {
    /// Verdict.
    pub status: Status,
    /// Elements concerned.
    pub element_ids: Vec<String>,
    /// What the plan has.
    pub measured: Option<Quantity>,
    /// What the rule asks for.
    pub required: Option<Quantity>,
    /// The words, rendered when first read.
    pub text: Text,
}

/// Wraps a closure that renders a finding's words.
pub fn text(render: impl Fn() -> Texts + Send + Sync + 'static) -> Text {
    Text::new(render)
}

impl Ctx<'_, '_> {
    /// A parameter value in force.
    pub fn value(&self, key: ParamKey) -> f64 {
        self.profile.value(key)
    }

    /// Records a finding of `rule`.
    pub fn push(&mut self, rule: RuleId, draft: Draft) {
        self.out.push(finding(rule, draft));
    }
}

/// The finding of `rule` a draft makes: the rule's id and citation added.
pub fn finding(rule: RuleId, draft: Draft) -> Finding {
    Finding {
        rule,
        rule_id: rule.as_str(),
        status: draft.status,
        element_ids: draft.element_ids,
        measured: draft.measured,
        required: draft.required,
        citation: rule.citation(),
        text: draft.text,
    }
}

/// An advisory rule's failures report as warnings.
pub fn advise(rule_use: RuleUse, findings: &mut [Finding]) {
    if rule_use.advisory {
        for finding in findings {
            if finding.status == Status::Fail {
                finding.status = Status::Warning;
            }
        }
    }
}

/// An area quantity.
pub fn sqm(value: f64) -> Option<Quantity> {
    Some(Quantity { value, unit: "㎡" })
}

/// A count quantity.
pub fn count(value: u32, unit: &'static str) -> Option<Quantity> {
    Some(Quantity {
        value: f64::from(value),
        unit,
    })
}

/// Whether a measured area meets a required one (`have ≥ need`, within [`EPSILON_M2`]). Every
/// area verdict and the capacity use this one predicate.
pub fn meets(have_m2: f64, need_m2: f64) -> bool {
    have_m2 + EPSILON_M2 >= need_m2
}

/// `ceil(a / b)` for positive `b`, as the standards' "1 per b residents".
pub fn per(a: u32, b: f64) -> u32 {
    if a == 0 {
        0
    } else {
        (f64::from(a) / b.max(1.0) - 1e-9).ceil().max(1.0) as u32
    }
}

/// Pass or fail.
pub fn verdict(ok: bool) -> Status {
    if ok {
        Status::Pass
    } else {
        Status::Fail
    }
}

/// Checks the plan with every rule of the profile, in profile order.
pub fn run(ctx: &mut Ctx<'_, '_>) {
    for rule_use in ctx.profile.rules.clone() {
        let start = ctx.out.len();
        run_rule(ctx, rule_use.rule);
        advise(rule_use, &mut ctx.out[start..]);
    }
}

/// Checks one rule (as binding: the caller turns an advisory rule's failures into warnings).
pub fn run_rule(ctx: &mut Ctx<'_, '_>, rule: RuleId) {
    match rule {
        RuleId::ShArea => shared::area(ctx),
        RuleId::ShRoom => shared::rooms(ctx),
        RuleId::ShRoomRelax => shared::relaxation(ctx),
        RuleId::ShOcc => shared::occupancy(ctx),
        RuleId::ShCommon => shared::common(ctx),
        RuleId::ShSanitary => shared::sanitary(ctx),
        RuleId::ShGuideKitchen => shared::guide_kitchen(ctx),
        RuleId::ShGuidePrivacy => shared::guide_privacy(ctx),
        RuleId::ShGuideSeparate => shared::guide_separate(ctx),
        RuleId::ShGuideLaundry => shared::guide_laundry(ctx),
        RuleId::ShGuideElderlyToilets => shared::guide_elderly_toilets(ctx),
        RuleId::ShGuideElderlyFloors => shared::guide_elderly_floors(ctx),
        RuleId::SpArea => single_parent::area(ctx),
        RuleId::SpRoom => single_parent::rooms(ctx),
        RuleId::SpOcc => single_parent::occupancy(ctx),
        RuleId::SpBath => single_parent::bath(ctx),
        RuleId::SpSanitary => single_parent::sanitary(ctx),
        RuleId::SpKitchen => single_parent::kitchen(ctx),
        RuleId::SnAreaNew => unit::sn_area(ctx, RuleId::SnAreaNew),
        RuleId::SnAreaExisting => unit::sn_area(ctx, RuleId::SnAreaExisting),
        RuleId::SnArea => unit::sn_area(ctx, RuleId::SnArea),
        RuleId::SupportArea => unit::sn_area(ctx, RuleId::SupportArea),
        RuleId::SnEquip => unit::sn_equip(ctx),
        RuleId::SnSeismic => unit::seismic(ctx),
        RuleId::LaMin | RuleId::LaUrban | RuleId::LaGeneral => unit::level(ctx, rule),
        RuleId::BsDaylight => building::daylight(ctx),
        RuleId::BsVent => building::ventilation(ctx),
        RuleId::BsCeiling => building::ceiling(ctx),
        RuleId::BsChangeOfUse => building::change_of_use(ctx),
        RuleId::BsEmergencyLight => building::emergency_light(ctx),
        RuleId::BsTwoStairs => building::two_stairs(ctx),
        RuleId::ToshimaFamily => local::toshima_family(ctx),
        RuleId::TokyoRoom7 => local::tokyo_room(ctx),
    }
}
