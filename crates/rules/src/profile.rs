//! Standard profiles: which rules apply, with which numbers, from which source.
//!
//! Every number a rule uses is a [`Param`] that a profile carries with its source, so a
//! local government's relaxation or strengthening is a data change ([`Profile::set`] or a
//! [`LocalOverride`]), and every report lists the values it used.

use serde::Serialize;

/// Identifies one rule of STANDARDS.md (or one piece of its guidance).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum RuleId {
    /// Whole area ≥ 15·A + 10 ㎡.
    ShArea,
    /// Each private room ≥ 9 ㎡ including its storage, with optional local relaxation.
    ShRoom,
    /// Summary of a local room-size relaxation in use.
    ShRoomRelax,
    /// One person per private room.
    ShOcc,
    /// Common living, dining, kitchen, toilet, washing, bathing and laundry present.
    ShCommon,
    /// Toilets, wash bowls, baths or showers each ≥ ceil(A / 5).
    ShSanitary,
    /// Guidance: one kitchen unit per 12 residents.
    ShGuideKitchen,
    /// Guidance: private rooms lockable with an outside window.
    ShGuidePrivacy,
    /// Guidance: toilet, washing and bathing each in its own space.
    ShGuideSeparate,
    /// Guidance (the 参考編 study's proposal, not adopted): a laundry place per 5 residents.
    ShGuideLaundry,
    /// Guidance for older residents: a toilet per 4 residents.
    ShGuideElderlyToilets,
    /// Guidance for older residents: a toilet on every floor with private rooms.
    ShGuideElderlyFloors,
    /// Single-parent shared house: whole area ≥ 15·B + 22·C + 10 ㎡.
    SpArea,
    /// Single-parent household room ≥ 12 ㎡ (10 ㎡ with a larger whole area).
    SpRoom,
    /// One household per room.
    SpOcc,
    /// At least one bath with a bathtub.
    SpBath,
    /// Toilets, wash bowls, baths, washing machines ≥ ceil(C / 3).
    SpSanitary,
    /// Recommendation: one kitchen unit per 4 households.
    SpKitchen,
    /// SN ordinary new unit ≥ 25 ㎡ (18 ㎡ with shared facilities).
    SnAreaNew,
    /// SN ordinary existing unit ≥ 18 ㎡ (13 ㎡ with shared facilities).
    SnAreaExisting,
    /// Unit has kitchen, toilet, storage and bath or shower.
    SnEquip,
    /// 新耐震 or a passed seismic assessment.
    SnSeismic,
    /// 最低居住面積水準.
    LaMin,
    /// 誘導居住面積水準 (都市居住型).
    LaUrban,
    /// 誘導居住面積水準 (一般型).
    LaGeneral,
    /// 採光: window area ≥ 1/7 of a 居室's floor area.
    BsDaylight,
    /// 換気: openable area ≥ 1/20 of a 居室's floor area.
    BsVent,
    /// 天井高 ≥ 2.1 m.
    BsCeiling,
    /// 用途変更 application above 200 ㎡.
    BsChangeOfUse,
    /// 非常用照明 in common rooms, corridors and stairs.
    BsEmergencyLight,
    /// Two direct stairs above a bedroom-area threshold.
    BsTwoStairs,
}

impl RuleId {
    /// The rule's id as written in STANDARDS.md (guidance items use `-G-`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::ShArea => "SH-AREA",
            Self::ShRoom => "SH-ROOM",
            Self::ShRoomRelax => "SH-ROOM-RELAX",
            Self::ShOcc => "SH-OCC",
            Self::ShCommon => "SH-COMMON",
            Self::ShSanitary => "SH-SANITARY",
            Self::ShGuideKitchen => "SH-G-KITCHEN",
            Self::ShGuidePrivacy => "SH-G-PRIVACY",
            Self::ShGuideSeparate => "SH-G-SEPARATE",
            Self::ShGuideLaundry => "SH-G-LAUNDRY",
            Self::ShGuideElderlyToilets => "SH-G-ELDERLY-TOILETS",
            Self::ShGuideElderlyFloors => "SH-G-ELDERLY-FLOORS",
            Self::SpArea => "SP-AREA",
            Self::SpRoom => "SP-ROOM",
            Self::SpOcc => "SP-OCC",
            Self::SpBath => "SP-BATH",
            Self::SpSanitary => "SP-SANITARY",
            Self::SpKitchen => "SP-KITCHEN",
            Self::SnAreaNew => "SN-AREA-NEW",
            Self::SnAreaExisting => "SN-AREA-EXISTING",
            Self::SnEquip => "SN-EQUIP",
            Self::SnSeismic => "SN-SEISMIC",
            Self::LaMin => "LA-MIN",
            Self::LaUrban => "LA-URBAN",
            Self::LaGeneral => "LA-GENERAL",
            Self::BsDaylight => "BS-DAYLIGHT",
            Self::BsVent => "BS-VENT",
            Self::BsCeiling => "BS-CEILING",
            Self::BsChangeOfUse => "BS-CHANGE-OF-USE",
            Self::BsEmergencyLight => "BS-EMERGENCY-LIGHT",
            Self::BsTwoStairs => "BS-TWO-STAIRS",
        }
    }

    /// Where the rule comes from, as shown in every finding.
    pub const fn citation(self) -> &'static str {
        match self {
            Self::ShArea | Self::ShRoom | Self::ShOcc | Self::ShCommon | Self::ShSanitary => {
                "住宅セーフティネット法10条・施行規則 (平成29年国土交通省令第63号), 共同居住型住宅の基準 (国土交通大臣告示 2017); 居住サポート住宅 (令和6年法律第43号) も同じ数値"
            }
            Self::ShRoomRelax => {
                "賃貸住宅供給促進計画による地域の緩和 (住宅セーフティネット法5条・6条); 例: 豊島区 7㎡"
            }
            Self::ShGuideKitchen
            | Self::ShGuidePrivacy
            | Self::ShGuideSeparate
            | Self::ShGuideLaundry
            | Self::ShGuideElderlyToilets
            | Self::ShGuideElderlyFloors => {
                "国土交通省「既存ストックの活用による共同居住型賃貸住宅の居住水準」参考編 (推奨)"
            }
            Self::SpArea | Self::SpRoom | Self::SpOcc | Self::SpBath => {
                "共同居住型住宅の基準 (ひとり親世帯向け, 2021-04-01 施行)"
            }
            Self::SpSanitary | Self::SpKitchen => {
                "国土交通省 共同居住型賃貸住宅 参考編 (ひとり親世帯向けの提案)"
            }
            Self::SnAreaNew | Self::SnAreaExisting | Self::SnEquip | Self::SnSeismic => {
                "住宅セーフティネット法施行規則 (平成29年国土交通省令第63号) 登録基準; 既存住宅の面積基準は 2025-10-01 改正"
            }
            Self::LaMin | Self::LaUrban | Self::LaGeneral => {
                "住生活基本計画 (全国計画) 別紙 居住面積水準 (2021-03-19 閣議決定)"
            }
            Self::BsDaylight => "建築基準法28条1項, 施行令19条; 令和5年国土交通省告示第86号 (住宅の居室 1/10)",
            Self::BsVent => "建築基準法28条2項",
            Self::BsCeiling => "建築基準法施行令21条",
            Self::BsChangeOfUse => "建築基準法87条 (2019-06-25 改正で 200㎡ 超); 国住指第4877号 (シェアハウスは寄宿舎)",
            Self::BsEmergencyLight => "建築基準法施行令126条の4",
            Self::BsTwoStairs => "建築基準法施行令121条",
        }
    }

    /// The parameters the rule reads.
    pub const fn params(self) -> &'static [ParamKey] {
        use ParamKey::*;
        match self {
            Self::ShArea => &[ShAreaPerPersonM2, ShAreaBaseM2, AreaBasisInterior],
            Self::ShRoom | Self::ShRoomRelax => &[
                ShRoomMinM2,
                ShRoomRelaxedMinM2,
                ShRoomRelaxedShare,
                AreaBasisInterior,
            ],
            Self::ShOcc => &[ShOccMaxPersons],
            Self::ShCommon | Self::ShGuidePrivacy | Self::ShGuideSeparate | Self::SpBath => &[],
            Self::ShSanitary | Self::ShGuideLaundry => &[ShSanitaryResidentsPerItem],
            Self::ShGuideKitchen => &[ShKitchenResidentsPerUnit],
            Self::ShGuideElderlyToilets => &[ShElderlyResidentsPerToilet],
            Self::ShGuideElderlyFloors => &[],
            Self::SpArea => &[
                SpAreaPerSingleM2,
                SpAreaPerHouseholdM2,
                SpAreaBaseM2,
                AreaBasisInterior,
            ],
            Self::SpRoom => &[
                SpRoomMinM2,
                SpRoomReducedMinM2,
                SpAreaPerSingleM2,
                SpAreaPerHouseholdLargeM2,
                SpAreaBaseM2,
                ShRoomMinM2,
                AreaBasisInterior,
            ],
            Self::SpOcc => &[],
            Self::SpSanitary => &[SpHouseholdsPerItem, ShSanitaryResidentsPerItem],
            Self::SpKitchen => &[SpHouseholdsPerKitchen],
            Self::SnAreaNew => &[
                SnNewMinM2,
                SnNewSharedMinM2,
                SnSharedFacilities,
                AreaBasisInterior,
            ],
            Self::SnAreaExisting => &[
                SnExistingMinM2,
                SnExistingSharedMinM2,
                SnSharedFacilities,
                AreaBasisInterior,
            ],
            Self::SnEquip => &[SnSharedFacilities],
            Self::SnSeismic => &[],
            Self::LaMin => &[
                LaMinSingleM2,
                LaMinPerPersonM2,
                LaMinBaseM2,
                AreaBasisInterior,
            ],
            Self::LaUrban => &[
                LaUrbanSingleM2,
                LaUrbanPerPersonM2,
                LaUrbanBaseM2,
                AreaBasisInterior,
            ],
            Self::LaGeneral => &[
                LaGeneralSingleM2,
                LaGeneralPerPersonM2,
                LaGeneralBaseM2,
                AreaBasisInterior,
            ],
            Self::BsDaylight => &[BsDaylightRatio],
            Self::BsVent => &[BsVentRatio],
            Self::BsCeiling => &[BsCeilingMinMm],
            Self::BsChangeOfUse => &[BsChangeOfUseM2],
            Self::BsEmergencyLight => &[],
            Self::BsTwoStairs => &[BsTwoStairsM2, BsTwoStairsFireResistantM2],
        }
    }
}

/// One overridable number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[allow(missing_docs)] // Each key is documented by `ParamKey::describe`.
pub enum ParamKey {
    ShAreaPerPersonM2,
    ShAreaBaseM2,
    ShRoomMinM2,
    ShRoomRelaxedMinM2,
    ShRoomRelaxedShare,
    ShOccMaxPersons,
    ShSanitaryResidentsPerItem,
    ShKitchenResidentsPerUnit,
    ShElderlyResidentsPerToilet,
    SpAreaPerSingleM2,
    SpAreaPerHouseholdM2,
    SpAreaPerHouseholdLargeM2,
    SpAreaBaseM2,
    SpRoomMinM2,
    SpRoomReducedMinM2,
    SpHouseholdsPerItem,
    SpHouseholdsPerKitchen,
    SnNewMinM2,
    SnNewSharedMinM2,
    SnExistingMinM2,
    SnExistingSharedMinM2,
    SnSharedFacilities,
    LaMinSingleM2,
    LaMinPerPersonM2,
    LaMinBaseM2,
    LaUrbanSingleM2,
    LaUrbanPerPersonM2,
    LaUrbanBaseM2,
    LaGeneralSingleM2,
    LaGeneralPerPersonM2,
    LaGeneralBaseM2,
    BsDaylightRatio,
    BsVentRatio,
    BsCeilingMinMm,
    BsChangeOfUseM2,
    BsTwoStairsM2,
    BsTwoStairsFireResistantM2,
    AreaBasisInterior,
    ReportRounding,
}

/// What a parameter means: its key in files and on the command line, unit, national default
/// and source.
#[derive(Clone, Copy, Debug)]
pub struct ParamInfo {
    /// Key for `--set key=value`.
    pub key: &'static str,
    /// Unit shown after the value.
    pub unit: &'static str,
    /// National default.
    pub default: f64,
    /// Japanese label.
    pub label_ja: &'static str,
    /// English label.
    pub label_en: &'static str,
    /// Where the default comes from.
    pub source: &'static str,
}

const SH_SRC: &str = "共同居住型住宅の基準 (国土交通大臣告示 2017)";
const SP_SRC: &str = "共同居住型住宅の基準 ひとり親世帯向け (2021)";
const GUIDE_SRC: &str = "国土交通省 共同居住型賃貸住宅 参考編";
const SN_SRC: &str = "住宅セーフティネット法施行規則 登録基準";
const LA_SRC: &str = "住生活基本計画 別紙 居住面積水準";

impl ParamKey {
    /// Every key, in display order.
    pub const ALL: [ParamKey; 39] = {
        use ParamKey::*;
        [
            ShAreaPerPersonM2,
            ShAreaBaseM2,
            ShRoomMinM2,
            ShRoomRelaxedMinM2,
            ShRoomRelaxedShare,
            ShOccMaxPersons,
            ShSanitaryResidentsPerItem,
            ShKitchenResidentsPerUnit,
            ShElderlyResidentsPerToilet,
            SpAreaPerSingleM2,
            SpAreaPerHouseholdM2,
            SpAreaPerHouseholdLargeM2,
            SpAreaBaseM2,
            SpRoomMinM2,
            SpRoomReducedMinM2,
            SpHouseholdsPerItem,
            SpHouseholdsPerKitchen,
            SnNewMinM2,
            SnNewSharedMinM2,
            SnExistingMinM2,
            SnExistingSharedMinM2,
            SnSharedFacilities,
            LaMinSingleM2,
            LaMinPerPersonM2,
            LaMinBaseM2,
            LaUrbanSingleM2,
            LaUrbanPerPersonM2,
            LaUrbanBaseM2,
            LaGeneralSingleM2,
            LaGeneralPerPersonM2,
            LaGeneralBaseM2,
            BsDaylightRatio,
            BsVentRatio,
            BsCeilingMinMm,
            BsChangeOfUseM2,
            BsTwoStairsM2,
            BsTwoStairsFireResistantM2,
            AreaBasisInterior,
            ReportRounding,
        ]
    };

    /// The parameter's description and national default.
    pub const fn describe(self) -> ParamInfo {
        use ParamKey::*;
        let (key, unit, default, label_ja, label_en, source) = match self {
            ShAreaPerPersonM2 => (
                "sh.area.per_person",
                "㎡",
                15.0,
                "住戸全体: 1人あたり",
                "whole area per resident",
                SH_SRC,
            ),
            ShAreaBaseM2 => (
                "sh.area.base",
                "㎡",
                10.0,
                "住戸全体: 加算",
                "whole area base",
                SH_SRC,
            ),
            ShRoomMinM2 => (
                "sh.room.min",
                "㎡",
                9.0,
                "専用居室の最小面積",
                "private room minimum",
                SH_SRC,
            ),
            ShRoomRelaxedMinM2 => (
                "sh.room.relaxed_min",
                "㎡",
                9.0,
                "緩和後の専用居室面積",
                "relaxed private room minimum",
                "緩和なし (国の基準)",
            ),
            ShRoomRelaxedShare => (
                "sh.room.relaxed_share",
                "",
                0.0,
                "緩和を使える居室の割合",
                "share of rooms that may use the relaxation",
                "緩和なし (国の基準)",
            ),
            ShOccMaxPersons => (
                "sh.occ.max_persons",
                "人",
                1.0,
                "専用居室の定員",
                "persons per private room",
                SH_SRC,
            ),
            ShSanitaryResidentsPerItem => (
                "sh.sanitary.residents_per_item",
                "人",
                5.0,
                "便所・洗面・浴室 1 つあたりの人数",
                "residents per toilet, bowl, bath",
                SH_SRC,
            ),
            ShKitchenResidentsPerUnit => (
                "sh.kitchen.residents_per_unit",
                "人",
                12.0,
                "台所 1 つあたりの人数 (推奨)",
                "residents per kitchen unit (guidance)",
                GUIDE_SRC,
            ),
            ShElderlyResidentsPerToilet => (
                "sh.elderly.residents_per_toilet",
                "人",
                4.0,
                "高齢者: 便所 1 つあたりの人数 (推奨)",
                "older residents per toilet (guidance)",
                GUIDE_SRC,
            ),
            SpAreaPerSingleM2 => (
                "sp.area.per_single",
                "㎡",
                15.0,
                "単身者 1 人あたり",
                "per single resident",
                SP_SRC,
            ),
            SpAreaPerHouseholdM2 => (
                "sp.area.per_household",
                "㎡",
                22.0,
                "ひとり親世帯 1 世帯あたり",
                "per single-parent household",
                SP_SRC,
            ),
            SpAreaPerHouseholdLargeM2 => (
                "sp.area.per_household_large",
                "㎡",
                24.0,
                "10㎡居室を使う場合の 1 世帯あたり",
                "per household when rooms use 10 ㎡",
                SP_SRC,
            ),
            SpAreaBaseM2 => (
                "sp.area.base",
                "㎡",
                10.0,
                "住戸全体: 加算",
                "whole area base",
                SP_SRC,
            ),
            SpRoomMinM2 => (
                "sp.room.min",
                "㎡",
                12.0,
                "世帯居室の最小面積",
                "household room minimum",
                SP_SRC,
            ),
            SpRoomReducedMinM2 => (
                "sp.room.reduced_min",
                "㎡",
                10.0,
                "全体面積が大きい場合の世帯居室",
                "household room minimum with larger whole area",
                SP_SRC,
            ),
            SpHouseholdsPerItem => (
                "sp.sanitary.households_per_item",
                "世帯",
                3.0,
                "設備 1 つあたりの世帯数",
                "households per sanitary item",
                GUIDE_SRC,
            ),
            SpHouseholdsPerKitchen => (
                "sp.kitchen.households_per_unit",
                "世帯",
                4.0,
                "台所 1 つあたりの世帯数 (推奨)",
                "households per kitchen unit (guidance)",
                GUIDE_SRC,
            ),
            SnNewMinM2 => (
                "sn.new.min",
                "㎡",
                25.0,
                "新築住戸の最小面積",
                "new unit minimum",
                SN_SRC,
            ),
            SnNewSharedMinM2 => (
                "sn.new.shared_min",
                "㎡",
                18.0,
                "共用設備がある場合 (新築)",
                "new unit with shared facilities",
                SN_SRC,
            ),
            SnExistingMinM2 => (
                "sn.existing.min",
                "㎡",
                18.0,
                "既存住戸の最小面積",
                "existing unit minimum",
                SN_SRC,
            ),
            SnExistingSharedMinM2 => (
                "sn.existing.shared_min",
                "㎡",
                13.0,
                "共用設備がある場合 (既存)",
                "existing unit with shared facilities",
                SN_SRC,
            ),
            SnSharedFacilities => (
                "sn.shared_facilities",
                "0/1",
                0.0,
                "同等以上の共用台所・収納・浴室がある",
                "equal shared kitchen, storage, bath provided",
                "計画の前提 (既定: なし)",
            ),
            LaMinSingleM2 => (
                "la.min.single",
                "㎡",
                25.0,
                "最低: 単身",
                "minimum: single",
                LA_SRC,
            ),
            LaMinPerPersonM2 => (
                "la.min.per_person",
                "㎡",
                10.0,
                "最低: 1人あたり",
                "minimum: per person",
                LA_SRC,
            ),
            LaMinBaseM2 => (
                "la.min.base",
                "㎡",
                10.0,
                "最低: 加算",
                "minimum: base",
                LA_SRC,
            ),
            LaUrbanSingleM2 => (
                "la.urban.single",
                "㎡",
                40.0,
                "誘導 (都市): 単身",
                "target (urban): single",
                LA_SRC,
            ),
            LaUrbanPerPersonM2 => (
                "la.urban.per_person",
                "㎡",
                20.0,
                "誘導 (都市): 1人あたり",
                "target (urban): per person",
                LA_SRC,
            ),
            LaUrbanBaseM2 => (
                "la.urban.base",
                "㎡",
                15.0,
                "誘導 (都市): 加算",
                "target (urban): base",
                LA_SRC,
            ),
            LaGeneralSingleM2 => (
                "la.general.single",
                "㎡",
                55.0,
                "誘導 (一般): 単身",
                "target (general): single",
                LA_SRC,
            ),
            LaGeneralPerPersonM2 => (
                "la.general.per_person",
                "㎡",
                25.0,
                "誘導 (一般): 1人あたり",
                "target (general): per person",
                LA_SRC,
            ),
            LaGeneralBaseM2 => (
                "la.general.base",
                "㎡",
                25.0,
                "誘導 (一般): 加算",
                "target (general): base",
                LA_SRC,
            ),
            BsDaylightRatio => (
                "bs.daylight.ratio",
                "",
                1.0 / 7.0,
                "採光: 窓面積 / 床面積",
                "daylight: window / floor area",
                "建築基準法28条1項",
            ),
            BsVentRatio => (
                "bs.vent.ratio",
                "",
                1.0 / 20.0,
                "換気: 開放面積 / 床面積",
                "ventilation: openable / floor area",
                "建築基準法28条2項",
            ),
            BsCeilingMinMm => (
                "bs.ceiling.min",
                "mm",
                2100.0,
                "居室の天井高",
                "habitable room ceiling height",
                "建築基準法施行令21条",
            ),
            BsChangeOfUseM2 => (
                "bs.change_of_use.threshold",
                "㎡",
                200.0,
                "用途変更の確認申請が必要な面積",
                "change-of-use application above",
                "建築基準法87条",
            ),
            BsTwoStairsM2 => (
                "bs.two_stairs.threshold",
                "㎡",
                100.0,
                "2直通階段: 寝室の床面積",
                "two stairs: bedroom area above",
                "建築基準法施行令121条",
            ),
            BsTwoStairsFireResistantM2 => (
                "bs.two_stairs.threshold_fire_resistant",
                "㎡",
                200.0,
                "2直通階段: 準耐火・耐火の場合",
                "two stairs: with fire-resistant structure",
                "建築基準法施行令121条",
            ),
            AreaBasisInterior => (
                "area.basis_interior",
                "0/1",
                0.0,
                "面積の測り方 (0 = 壁芯, 1 = 内法)",
                "area basis (0 = wall centre, 1 = interior)",
                "未確認: SN・居住サポート住宅の面積が壁芯か内法か (STANDARDS.md §8; 既定 壁芯)",
            ),
            ReportRounding => (
                "report.rounding",
                "0/1/2",
                0.0,
                "面積の端数 (0 = 切捨, 1 = 四捨五入, 2 = 切上; 0.01 ㎡ 単位)",
                "area rounding (0 = truncate, 1 = nearest, 2 = up; to 0.01 ㎡)",
                "確認申請の慣行: 0.01 ㎡ 未満切捨 (昭和41年 住指発第87号); 行政庁により異なる (STANDARDS.md §9)",
            ),
        };
        ParamInfo {
            key,
            unit,
            default,
            label_ja,
            label_en,
            source,
        }
    }

    /// The key for a `--set` name.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.describe().key == key)
    }
}

/// A parameter's value in a profile and where that value came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Param {
    /// Which parameter.
    #[serde(skip)]
    pub key: ParamKey,
    /// Its `--set` key.
    #[serde(rename = "key")]
    pub name: &'static str,
    /// Value in force.
    pub value: f64,
    /// Unit.
    pub unit: &'static str,
    /// Source of the value in force (the national source, a local override, or the user).
    pub source: String,
}

/// A rule in a profile, and whether a failure is binding or advisory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RuleUse {
    /// The rule.
    pub rule: RuleId,
    /// When true a failure reports as a warning, not a fail (guidance and advisory checks).
    pub advisory: bool,
}

/// A set of rules with their numbers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Profile {
    /// Stable id for the command line.
    pub id: &'static str,
    /// Japanese name.
    pub name_ja: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// Rules in report order.
    #[serde(skip)]
    pub rules: Vec<RuleUse>,
    /// Every parameter the rules read, with its value and source.
    pub params: Vec<Param>,
    /// Local overrides applied, by id.
    pub local_overrides: Vec<&'static str>,
}

/// A problem setting a parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetError(pub String);

impl std::fmt::Display for SetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Profile {
    fn new(
        id: &'static str,
        name_ja: &'static str,
        name_en: &'static str,
        rules: &[(RuleId, bool)],
    ) -> Self {
        let rules: Vec<RuleUse> = rules
            .iter()
            .map(|&(rule, advisory)| RuleUse { rule, advisory })
            .collect();
        // Every profile prints areas, so every profile carries the rounding.
        let mut keys: Vec<ParamKey> = rules
            .iter()
            .flat_map(|r| r.rule.params().iter().copied())
            .chain([ParamKey::ReportRounding])
            .collect();
        keys.sort();
        keys.dedup();
        let params = keys
            .into_iter()
            .map(|key| {
                let info = key.describe();
                Param {
                    key,
                    name: info.key,
                    value: info.default,
                    unit: info.unit,
                    source: info.source.to_owned(),
                }
            })
            .collect();
        Self {
            id,
            name_ja,
            name_en,
            rules,
            params,
            local_overrides: Vec::new(),
        }
    }

    /// The value in force for a parameter; the national default if the profile lacks it.
    pub fn value(&self, key: ParamKey) -> f64 {
        self.params
            .iter()
            .find(|p| p.key == key)
            .map_or_else(|| key.describe().default, |p| p.value)
    }

    /// How areas are rounded for display (`report.rounding`).
    pub fn rounding(&self) -> crate::numbers::Rounding {
        crate::numbers::Rounding::from_param(self.value(ParamKey::ReportRounding))
    }

    /// Whether the profile checks this rule.
    pub fn has_rule(&self, rule: RuleId) -> bool {
        self.rules.iter().any(|r| r.rule == rule)
    }

    /// Overrides a parameter by its key, recording `source`. Rejects unknown keys, keys this
    /// profile does not use, and values that are not finite, are negative, or (for shares and
    /// counts) out of range. Nothing changes on error.
    pub fn set(&mut self, key: &str, value: f64, source: &str) -> Result<(), SetError> {
        let param_key = ParamKey::from_key(key).ok_or_else(|| {
            SetError(format!("unknown parameter \"{key}\"; `madori profiles --params` lists them / 不明な項目です"))
        })?;
        if !value.is_finite() || value < 0.0 {
            return Err(SetError(format!(
                "{key} = {value}: needs a finite number ≥ 0 / 0 以上の数値が必要です"
            )));
        }
        let per_item = matches!(
            param_key,
            ParamKey::ShSanitaryResidentsPerItem
                | ParamKey::ShKitchenResidentsPerUnit
                | ParamKey::ShElderlyResidentsPerToilet
                | ParamKey::SpHouseholdsPerItem
                | ParamKey::SpHouseholdsPerKitchen
                | ParamKey::ShOccMaxPersons
        );
        if per_item && value < 1.0 {
            return Err(SetError(format!(
                "{key} = {value}: needs at least 1 / 1 以上が必要です"
            )));
        }
        let fraction = matches!(
            param_key,
            ParamKey::ShRoomRelaxedShare
                | ParamKey::SnSharedFacilities
                | ParamKey::AreaBasisInterior
        );
        if param_key == ParamKey::ReportRounding && !matches!(value, 0.0 | 1.0 | 2.0) {
            return Err(SetError(format!(
                "{key} = {value}: needs 0 (切捨), 1 (四捨五入) or 2 (切上) / 0・1・2 のいずれかです"
            )));
        }
        if fraction && value > 1.0 {
            return Err(SetError(format!(
                "{key} = {value}: needs a value from 0 to 1 / 0〜1 の値が必要です"
            )));
        }
        let param = self
            .params
            .iter_mut()
            .find(|p| p.key == param_key)
            .ok_or_else(|| {
                SetError(format!(
                    "profile {} does not use {key} / この基準では使いません",
                    self.id
                ))
            })?;
        param.value = value;
        param.source = source.to_owned();
        Ok(())
    }

    /// Applies a local override's values.
    pub fn apply_local(&mut self, local: &LocalOverride) -> Result<(), SetError> {
        let mut changed = self.clone();
        for &(key, value) in local.sets {
            changed.set(key, value, local.source)?;
        }
        changed.local_overrides.push(local.id);
        *self = changed;
        Ok(())
    }
}

/// The profile catalogue.
pub fn catalogue() -> Vec<Profile> {
    use RuleId::*;
    let building_shared = [
        (BsDaylight, true),
        (BsVent, true),
        (BsCeiling, true),
        (BsChangeOfUse, true),
        (BsEmergencyLight, true),
        (BsTwoStairs, true),
    ];
    let building_unit = [(BsDaylight, true), (BsVent, true), (BsCeiling, true)];
    let shared_core = [
        (ShArea, false),
        (ShRoom, false),
        (ShRoomRelax, false),
        (ShOcc, false),
        (ShCommon, false),
        (ShSanitary, false),
        (ShGuideKitchen, true),
        (ShGuidePrivacy, true),
        (ShGuideSeparate, true),
        (ShGuideLaundry, true),
    ];
    let with = |a: &[(RuleId, bool)], b: &[(RuleId, bool)]| [a, b].concat();
    vec![
        Profile::new(
            "sh-single",
            "共同居住型 (単身者)",
            "Shared house (single residents)",
            &with(&shared_core, &building_shared),
        ),
        Profile::new(
            "sh-single-parent",
            "共同居住型 (ひとり親世帯)",
            "Shared house (single-parent households)",
            &with(
                &[
                    (SpArea, false),
                    (SpRoom, false),
                    (ShRoom, false),
                    (ShRoomRelax, false),
                    (SpOcc, false),
                    (ShCommon, false),
                    (SpBath, false),
                    (SpSanitary, true),
                    (SpKitchen, true),
                    (ShGuidePrivacy, true),
                ],
                &building_shared,
            ),
        ),
        Profile::new(
            "sh-elderly",
            "共同居住型 (高齢者)",
            "Shared house (older residents)",
            &with(
                &with(
                    &shared_core,
                    &[(ShGuideElderlyToilets, true), (ShGuideElderlyFloors, true)],
                ),
                &building_shared,
            ),
        ),
        Profile::new(
            "sn-new",
            "セーフティネット住宅 (新築住戸)",
            "Safety-net housing unit (new)",
            &with(
                &[(SnAreaNew, false), (SnEquip, false), (SnSeismic, false)],
                &building_unit,
            ),
        ),
        Profile::new(
            "sn-existing",
            "セーフティネット住宅 (既存住戸)",
            "Safety-net housing unit (existing)",
            &with(
                &[
                    (SnAreaExisting, false),
                    (SnEquip, false),
                    (SnSeismic, false),
                ],
                &building_unit,
            ),
        ),
        Profile::new(
            "support-unit",
            "居住サポート住宅 (住戸)",
            "Residential support housing (unit)",
            &with(
                &[
                    (SnAreaExisting, false),
                    (SnEquip, false),
                    (SnSeismic, false),
                ],
                &building_unit,
            ),
        ),
        Profile::new(
            "support-shared",
            "居住サポート住宅 (共同居住型)",
            "Residential support housing (shared)",
            &with(&with(&shared_core, &[(SnSeismic, false)]), &building_shared),
        ),
        Profile::new(
            "la-min",
            "最低居住面積水準",
            "Minimum floor area level",
            &[(LaMin, false)],
        ),
        Profile::new(
            "la-urban",
            "誘導居住面積水準 (都市居住型)",
            "Target floor area level (urban)",
            &[(LaUrban, false)],
        ),
        Profile::new(
            "la-general",
            "誘導居住面積水準 (一般型)",
            "Target floor area level (general)",
            &[(LaGeneral, false)],
        ),
        Profile::new(
            "building-code",
            "建築基準法 (寄宿舎への用途変更の確認)",
            "Building Standards Act (conversion to dormitory)",
            &[
                (BsDaylight, false),
                (BsVent, false),
                (BsCeiling, false),
                (BsChangeOfUse, false),
                (BsEmergencyLight, false),
                (BsTwoStairs, false),
            ],
        ),
    ]
}

/// The profile with this id.
pub fn profile(id: &str) -> Option<Profile> {
    catalogue().into_iter().find(|p| p.id == id)
}

/// A local government's relaxation or strengthening (STANDARDS.md §6), applied on top of a
/// profile.
#[derive(Clone, Copy, Debug)]
pub struct LocalOverride {
    /// Stable id.
    pub id: &'static str,
    /// Japanese name.
    pub name_ja: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// Parameters it sets.
    pub sets: &'static [(&'static str, f64)],
    /// Citation recorded as each value's source.
    pub source: &'static str,
}

/// The local overrides of STANDARDS.md §6.
pub const LOCAL_OVERRIDES: [LocalOverride; 9] = [
    LocalOverride {
        id: "toshima-7m2",
        name_ja: "豊島区: 専用居室 7㎡",
        name_en: "Toshima: private rooms 7 ㎡",
        sets: &[("sh.room.relaxed_min", 7.0), ("sh.room.relaxed_share", 1.0)],
        source: "豊島区「家族的な住まい方」(4人以上, 各室 7㎡ 以上)",
    },
    LocalOverride {
        id: "relax-7m2-third",
        name_ja: "居室 7㎡ 緩和 (1/3 まで)",
        name_en: "Rooms 7 ㎡ for up to 1/3",
        sets: &[
            ("sh.room.relaxed_min", 7.0),
            ("sh.room.relaxed_share", 1.0 / 3.0),
        ],
        source: "賃貸住宅供給促進計画の例: 7㎡ 以上の居室を 1/3 まで",
    },
    LocalOverride {
        id: "relax-7m2-half",
        name_ja: "居室 7㎡ 緩和 (1/2 まで)",
        name_en: "Rooms 7 ㎡ for up to 1/2",
        sets: &[("sh.room.relaxed_min", 7.0), ("sh.room.relaxed_share", 0.5)],
        source: "賃貸住宅供給促進計画の例: 7㎡ 以上の居室を 1/2 まで",
    },
    LocalOverride {
        id: "otsu-shared",
        name_ja: "大津市: 共同居住型 15A+7",
        name_en: "Otsu: shared 15A + 7",
        sets: &[("sh.area.base", 7.0)],
        source: "大津市 賃貸住宅供給促進計画",
    },
    LocalOverride {
        id: "otsu-unit",
        name_ja: "大津市: 住戸 22 / 17㎡",
        name_en: "Otsu: units 22 / 17 ㎡",
        sets: &[
            ("sn.existing.min", 22.0),
            ("sn.existing.shared_min", 17.0),
            ("sn.new.min", 22.0),
            ("sn.new.shared_min", 17.0),
        ],
        source: "大津市 賃貸住宅供給促進計画",
    },
    LocalOverride {
        id: "osaka-unit",
        name_ja: "大阪府: 住戸 18 / 13㎡",
        name_en: "Osaka: units 18 / 13 ㎡",
        sets: &[
            ("sn.existing.min", 18.0),
            ("sn.existing.shared_min", 13.0),
            ("sn.new.min", 18.0),
            ("sn.new.shared_min", 13.0),
        ],
        source: "大阪府 賃貸住宅供給促進計画",
    },
    LocalOverride {
        id: "saga-pre2006",
        name_ja: "佐賀県: 2006年以前の建物 18㎡",
        name_en: "Saga: pre-2006 buildings 18 ㎡",
        sets: &[("sn.existing.min", 18.0), ("sn.new.min", 18.0)],
        source: "佐賀県 賃貸住宅供給促進計画",
    },
    LocalOverride {
        id: "kanagawa-pre-h8",
        name_ja: "神奈川県: 建築確認 H7 以前 16㎡",
        name_en: "Kanagawa: permit up to 1995, 16 ㎡",
        sets: &[("sn.existing.min", 16.0), ("sn.existing.shared_min", 13.0)],
        source: "神奈川県 賃貸住宅供給促進計画 (建築確認年別)",
    },
    LocalOverride {
        id: "kanagawa-h8-h17",
        name_ja: "神奈川県: 建築確認 H8〜H17 18㎡",
        name_en: "Kanagawa: permit 1996-2005, 18 ㎡",
        sets: &[("sn.existing.min", 18.0), ("sn.existing.shared_min", 13.0)],
        source: "神奈川県 賃貸住宅供給促進計画 (建築確認年別)",
    },
];

/// The local override with this id.
pub fn local_override(id: &str) -> Option<&'static LocalOverride> {
    LOCAL_OVERRIDES.iter().find(|l| l.id == id)
}

/// What the sources leave unconfirmed (STANDARDS.md §8), shown beside the numbers so nobody
/// mistakes a default for a settled rule: `(Japanese, English)`.
pub const UNCONFIRMED: [(&str, &str); 5] = [
    (
        "施行規則63号の条番号と共同居住型の告示番号",
        "article numbers in ordinance 63 and the notice number for shared housing",
    ),
    (
        "地域の緩和に国としての下限があるか",
        "whether the nation limits how far local governments may relax",
    ),
    (
        "SN・居住サポート住宅の面積が壁芯か内法か (既定 壁芯: area.basis_interior で切替)",
        "whether SN and support-housing areas are wall-centre or interior (default wall centre: switch with area.basis_interior)",
    ),
    (
        "採光 1/10 の緩和が寄宿舎の寝室に及ぶか (既定 1/7)",
        "whether the 1/10 daylight relaxation applies to dormitory bedrooms (default 1/7)",
    ),
    (
        "2026年の住生活基本計画で居住面積水準が技術的助言に移ったか (数値は同じ)",
        "whether the 2026 national housing plan moved the floor area levels into technical advice (same numbers)",
    ),
];
