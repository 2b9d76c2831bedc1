//! Standard profiles: which rules apply, with which numbers, from which source.
//!
//! Every number a rule uses is a [`Param`] that a profile carries with its source, so a
//! local government's relaxation or strengthening is a data change ([`Profile::set`] or a
//! [`LocalOverride`]), and every report lists the values it used.

use crate::report::num;
use madori_plan::{HouseholdTarget, Plan};
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
    /// SN ordinary new unit ≥ 25 ㎡ (18 ㎡ with shared facilities), chosen by the profile.
    SnAreaNew,
    /// SN ordinary existing unit ≥ 18 ㎡ (13 ㎡ with shared facilities), chosen by the profile.
    SnAreaExisting,
    /// SN ordinary unit area, new or existing as the plan's `dwelling.status` says. Its
    /// findings carry the id of the rule applied (`SN-AREA-NEW` or `SN-AREA-EXISTING`).
    SnArea,
    /// 居住サポート住宅 unit area: the SN numbers, new or existing as the plan says.
    SupportArea,
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
    /// 豊島区「家族的な住まい方」: the certification conditions behind its 7 ㎡ rooms.
    ToshimaFamily,
    /// 東京都建築安全条例: 寄宿舎 bedrooms ≥ 7 ㎡ (information).
    TokyoRoom7,
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
            Self::SnArea => "SN-AREA",
            Self::SupportArea => "SUPPORT-AREA",
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
            Self::ToshimaFamily => "TOSHIMA-FAMILY",
            Self::TokyoRoom7 => "TOKYO-ROOM-7",
        }
    }

    /// Where the rule comes from, as shown in every finding.
    pub const fn citation(self) -> &'static str {
        match self {
            Self::ShArea | Self::ShRoom | Self::ShOcc | Self::ShCommon | Self::ShSanitary => {
                "住宅セーフティネット法10条・施行規則 (平成29年国土交通省令第63号), 共同居住型住宅の基準 (国土交通大臣告示 2017); 居住サポート住宅 (令和6年法律第43号) も同じ数値"
            }
            Self::ShRoomRelax => {
                "一部の居室 7㎡: 国土交通省 参考編の提案 (地域計画での採用例なし); 地域の緩和は賃貸住宅供給促進計画 (住宅セーフティネット法5条・6条), 例: 豊島区「家族的な住まい方」"
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
            Self::SnAreaNew
            | Self::SnAreaExisting
            | Self::SnArea
            | Self::SnEquip
            | Self::SnSeismic => {
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
            Self::SupportArea => {
                "居住安定援助賃貸住宅 (居住サポート住宅, 令和6年法律第43号, 2025-10-01 施行): 面積は住宅セーフティネット法施行規則の登録基準と同じ (新築 25 / 18㎡, 既存 18 / 13㎡)"
            }
            Self::ToshimaFamily => {
                "豊島区空家活用条例 (平成29年条例第46号)「家族的な住まい方」の区認定"
            }
            Self::TokyoRoom7 => "東京都建築安全条例 (寄宿舎の寝室 7㎡ 以上; 条番号 未確認)",
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
            Self::SnArea | Self::SupportArea => &[
                SnNewMinM2,
                SnNewSharedMinM2,
                SnExistingMinM2,
                SnExistingSharedMinM2,
                SnSharedFacilities,
                AreaBasisInterior,
            ],
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
            Self::ToshimaFamily => &[
                ToshimaMinResidents,
                ShRoomRelaxedMinM2,
                ToshimaAllAdults,
                ToshimaUnrelated,
                ToshimaJointLease,
                ToshimaNobodyElse,
                AreaBasisInterior,
            ],
            Self::TokyoRoom7 => &[TokyoRoomMinM2, AreaBasisInterior],
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
    ToshimaMinResidents,
    ToshimaAllAdults,
    ToshimaUnrelated,
    ToshimaJointLease,
    ToshimaNobodyElse,
    KanagawaUntil1995M2,
    Kanagawa1996To2005M2,
    KanagawaFrom2006M2,
    KanagawaSharedM2,
    TokyoRoomMinM2,
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
    /// Smallest accepted value (included).
    pub min: f64,
    /// Largest accepted value (included).
    pub max: f64,
    /// Whether only whole numbers are accepted (counts, yes/no values, choices).
    pub integer: bool,
}

const SH_SRC: &str = "共同居住型住宅の基準 (国土交通大臣告示 2017)";
const SP_SRC: &str = "共同居住型住宅の基準 ひとり親世帯向け (2021)";
const GUIDE_SRC: &str = "国土交通省 共同居住型賃貸住宅 参考編";
const SN_SRC: &str = "住宅セーフティネット法施行規則 登録基準";
const LA_SRC: &str = "住生活基本計画 別紙 居住面積水準";
const TOSHIMA_SRC: &str = "豊島区空家活用条例 (平成29年条例第46号)「家族的な住まい方」";
const DECLARATION_SRC: &str = "未申告 (既定 0: 申告は利用者が 1 にします)";
const KANAGAWA_SRC: &str =
    "神奈川県賃貸住宅供給促進計画: 建築確認の年で区分 (H7 以前 16㎡, H8〜H17 18㎡, H18 以降 25㎡, 台所等共用 13㎡)";

impl ParamKey {
    /// Every key, in display order.
    pub const ALL: [ParamKey; 49] = {
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
            ToshimaMinResidents,
            ToshimaAllAdults,
            ToshimaUnrelated,
            ToshimaJointLease,
            ToshimaNobodyElse,
            KanagawaUntil1995M2,
            Kanagawa1996To2005M2,
            KanagawaFrom2006M2,
            KanagawaSharedM2,
            TokyoRoomMinM2,
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
            ToshimaMinResidents => (
                "toshima.min_residents",
                "人",
                4.0,
                "豊島区: 入居者の最少人数",
                "Toshima: fewest residents",
                TOSHIMA_SRC,
            ),
            ToshimaAllAdults => (
                "toshima.all_adults",
                "0/1",
                0.0,
                "豊島区 申告: 全員 18 歳以上",
                "Toshima declaration: everyone is 18 or over",
                DECLARATION_SRC,
            ),
            ToshimaUnrelated => (
                "toshima.unrelated",
                "0/1",
                0.0,
                "豊島区 申告: 入居者どうしに親族関係がない",
                "Toshima declaration: no resident is related to another",
                DECLARATION_SRC,
            ),
            ToshimaJointLease => (
                "toshima.joint_lease",
                "0/1",
                0.0,
                "豊島区 申告: 全員が連名で 1 つの賃貸借契約",
                "Toshima declaration: one joint lease signed by all",
                DECLARATION_SRC,
            ),
            ToshimaNobodyElse => (
                "toshima.nobody_else",
                "0/1",
                0.0,
                "豊島区 申告: 入居者以外は住まない",
                "Toshima declaration: nobody else lives there",
                DECLARATION_SRC,
            ),
            KanagawaUntil1995M2 => (
                "kanagawa.sn.until_1995",
                "㎡",
                16.0,
                "神奈川県: 建築確認 H7 (1995) 以前の住戸",
                "Kanagawa: unit with permit up to 1995",
                KANAGAWA_SRC,
            ),
            Kanagawa1996To2005M2 => (
                "kanagawa.sn.1996_2005",
                "㎡",
                18.0,
                "神奈川県: 建築確認 H8〜H17 (1996〜2005) の住戸",
                "Kanagawa: unit with permit 1996-2005",
                KANAGAWA_SRC,
            ),
            KanagawaFrom2006M2 => (
                "kanagawa.sn.from_2006",
                "㎡",
                25.0,
                "神奈川県: 建築確認 H18 (2006) 以降の住戸",
                "Kanagawa: unit with permit from 2006",
                KANAGAWA_SRC,
            ),
            KanagawaSharedM2 => (
                "kanagawa.sn.shared_min",
                "㎡",
                13.0,
                "神奈川県: 共用の台所等がある住戸",
                "Kanagawa: unit with shared kitchen etc.",
                KANAGAWA_SRC,
            ),
            TokyoRoomMinM2 => (
                "tokyo.room.min",
                "㎡",
                7.0,
                "東京都: 寄宿舎の寝室",
                "Tokyo: dormitory bedroom",
                "東京都建築安全条例 (条番号 未確認)",
            ),
        };
        let (min, max, integer) = self.range();
        ParamInfo {
            key,
            unit,
            default,
            label_ja,
            label_en,
            source,
            min,
            max,
            integer,
        }
    }

    /// The values a parameter accepts, `(min, max, whole numbers only)`, both ends included.
    /// The bounds keep every computation finite and meaningful: areas 0-1000 ㎡ (rates per
    /// person at least 0.01 ㎡, since capacity divides by them), ratios 1/50-1, counts 1-100
    /// whole numbers (a larger count would overflow capacity), ceilings 1000-5000 mm,
    /// yes/no values 0 or 1.
    pub const fn range(self) -> (f64, f64, bool) {
        use ParamKey::*;
        match self {
            ShAreaPerPersonM2
            | SpAreaPerSingleM2
            | SpAreaPerHouseholdM2
            | SpAreaPerHouseholdLargeM2
            | LaMinPerPersonM2
            | LaUrbanPerPersonM2
            | LaGeneralPerPersonM2 => (0.01, 1000.0, false),
            ShAreaBaseM2
            | ShRoomMinM2
            | ShRoomRelaxedMinM2
            | SpAreaBaseM2
            | SpRoomMinM2
            | SpRoomReducedMinM2
            | SnNewMinM2
            | SnNewSharedMinM2
            | SnExistingMinM2
            | SnExistingSharedMinM2
            | LaMinSingleM2
            | LaMinBaseM2
            | LaUrbanSingleM2
            | LaUrbanBaseM2
            | LaGeneralSingleM2
            | LaGeneralBaseM2
            | BsChangeOfUseM2
            | BsTwoStairsM2
            | BsTwoStairsFireResistantM2
            | KanagawaUntil1995M2
            | Kanagawa1996To2005M2
            | KanagawaFrom2006M2
            | KanagawaSharedM2
            | TokyoRoomMinM2 => (0.0, 1000.0, false),
            ShRoomRelaxedShare => (0.0, 1.0, false),
            ShOccMaxPersons
            | ShSanitaryResidentsPerItem
            | ShKitchenResidentsPerUnit
            | ShElderlyResidentsPerToilet
            | SpHouseholdsPerItem
            | SpHouseholdsPerKitchen
            | ToshimaMinResidents => (1.0, 100.0, true),
            BsDaylightRatio | BsVentRatio => (1.0 / 50.0, 1.0, false),
            BsCeilingMinMm => (1000.0, 5000.0, true),
            SnSharedFacilities | AreaBasisInterior | ToshimaAllAdults | ToshimaUnrelated
            | ToshimaJointLease | ToshimaNobodyElse => (0.0, 1.0, true),
            ReportRounding => (0.0, 2.0, true),
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
        // In declaration order, which is the order `Ord` derives.
        madori_plan::order::sort_by_i64_key(&mut keys, |&k| k as i64);
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
    /// profile does not use, and values outside the parameter's range ([`ParamKey::range`]:
    /// not finite, below its minimum, above its maximum, or a fraction where a whole number
    /// is needed), naming the range. Nothing changes on error.
    pub fn set(&mut self, key: &str, value: f64, source: &str) -> Result<(), SetError> {
        let param_key = ParamKey::from_key(key).ok_or_else(|| {
            SetError(format!("unknown parameter \"{key}\"; `madori profiles --params` lists them / 不明な項目です"))
        })?;
        let info = param_key.describe();
        let in_range = value.is_finite()
            && value >= info.min
            && value <= info.max
            && (!info.integer || value.fract() == 0.0);
        if !in_range {
            let (min, max) = (num(info.min, 4), num(info.max, 4));
            let unit = if info.unit.is_empty() || info.unit.contains('/') {
                String::new()
            } else {
                format!(" {}", info.unit)
            };
            return Err(SetError(if info.integer {
                format!(
                    "{key} = {value}: needs a whole number from {min} to {max}{unit} / {min}〜{max}{unit} の整数が必要です"
                )
            } else {
                format!(
                    "{key} = {value}: needs a number from {min} to {max}{unit} / {min}〜{max}{unit} の数値が必要です"
                )
            }));
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

    /// Whether the profile carries a parameter (a local override may add some, e.g. the
    /// 豊島区 declarations or the 神奈川県 tiers).
    pub fn has_param(&self, key: ParamKey) -> bool {
        self.params.iter().any(|p| p.key == key)
    }

    /// Applies a local override: adds its rules (with their parameters at their defaults)
    /// and parameters, and sets those of its values this profile uses. Refuses, changing
    /// nothing, when [`LocalOverride::applies_to`] says it cannot apply.
    pub fn apply_local(&mut self, local: &LocalOverride) -> Result<(), SetError> {
        local.applies_to(self)?;
        let mut changed = self.clone();
        // Added rules follow the first rule the override applies with, so a local rule is
        // reported next to the national one it qualifies.
        let mut at = changed
            .rules
            .iter()
            .position(|r| local.applies_with.contains(&r.rule))
            .map_or(changed.rules.len(), |i| i + 1);
        for &(rule, advisory) in local.adds_rules {
            if !changed.has_rule(rule) {
                changed.rules.insert(at, RuleUse { rule, advisory });
                at += 1;
            }
        }
        let added = local
            .adds_rules
            .iter()
            .flat_map(|(rule, _)| rule.params().iter().copied())
            .chain(local.adds_params.iter().copied());
        for key in added {
            if !changed.has_param(key) {
                let info = key.describe();
                changed.params.push(Param {
                    key,
                    name: info.key,
                    value: info.default,
                    unit: info.unit,
                    source: info.source.to_owned(),
                });
            }
        }
        madori_plan::order::sort_by_i64_key(&mut changed.params, |p| p.key as i64);
        for &(key, value) in local.sets {
            if ParamKey::from_key(key).is_some_and(|k| changed.has_param(k)) {
                changed.set(key, value, local.source)?;
            }
        }
        changed.local_overrides.push(local.id);
        *self = changed;
        Ok(())
    }
}

/// The profile a plan is checked against unless the user picks another, from its
/// `dwelling.target_household`: a shared house for single people, single-parent households
/// or older people gets its 共同居住型 profile; a self-contained household unit gets `sn-unit`
/// (the セーフティネット住宅 registration standard, new or existing as the plan says, which is
/// what a conversion for 要配慮者 must meet; 居住面積水準 needs the household entered and
/// stays a choice); a plan without a target gets `sh-single`.
pub fn default_profile_id(plan: &Plan) -> &'static str {
    match plan.dwelling.target_household {
        Some(HouseholdTarget::SharedSingle) | None => "sh-single",
        Some(HouseholdTarget::SharedSingleParent) => "sh-single-parent",
        Some(HouseholdTarget::SharedElderly) => "sh-elderly",
        Some(HouseholdTarget::Household) => "sn-unit",
    }
}

/// The profile a plan is checked with, from its saved check settings ([`Plan::check`]),
/// and what of those settings could not be applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    /// The catalogue profile, with the local override and the changed values applied.
    pub profile: Profile,
    /// One entry per setting that was not applied and why, `(ja, en)`: an unknown profile
    /// or local override id, an override that does not apply to the profile, a value whose
    /// key the profile does not use or that lies outside its range. Shown to the user; a
    /// setting is never silently replaced.
    pub notes: Vec<(String, String)>,
}

/// Resolves check settings (`None`: the target household's profile, nothing changed).
/// Settings are applied in order: profile, local override, then each value (a later value
/// of the same key wins); whatever cannot be applied is skipped and noted.
pub fn resolve(settings: Option<&madori_plan::CheckSettings>, plan: &Plan) -> Resolved {
    let mut notes = Vec::new();
    let fallback = default_profile_id(plan);
    let Some(settings) = settings else {
        return Resolved {
            profile: profile(fallback).unwrap_or_else(|| catalogue().remove(0)),
            notes,
        };
    };
    let mut chosen = match profile(&settings.profile) {
        Some(p) => p,
        None => {
            let shown: String = settings.profile.chars().take(40).collect();
            notes.push((
                format!("基準 \"{shown}\" はこの版にありません。「{fallback}」で判定しています"),
                format!("profile \"{shown}\" is not in this version; checked with \"{fallback}\""),
            ));
            profile(fallback).unwrap_or_else(|| catalogue().remove(0))
        }
    };
    if let Some(id) = &settings.local_override {
        match local_override(id) {
            Some(local) => {
                if let Err(e) = chosen.apply_local(local) {
                    notes.push((
                        format!("「{}」は適用していません: {e}", local.name_ja),
                        format!("\"{}\" is not applied: {e}", local.name_en),
                    ));
                }
            }
            None => {
                let shown: String = id.chars().take(40).collect();
                notes.push((
                    format!("地域の設定 \"{shown}\" はこの版にありません"),
                    format!("local override \"{shown}\" is not in this version"),
                ));
            }
        }
    }
    for value in &settings.values {
        if let Err(e) = chosen.set(&value.key, value.value, &value.source) {
            notes.push((
                format!("保存された値を適用していません: {e}"),
                format!("a saved value is not applied: {e}"),
            ));
        }
    }
    Resolved {
        profile: chosen,
        notes,
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
    // A shared house must be 新耐震 or assessed like any SN or 居住サポート dwelling.
    let seismic = [(SnSeismic, false)];
    vec![
        Profile::new(
            "sh-single",
            "共同居住型 (単身者)",
            "Shared house (single residents)",
            &with(&with(&shared_core, &seismic), &building_shared),
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
                    (SnSeismic, false),
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
                    &[
                        (ShGuideElderlyToilets, true),
                        (ShGuideElderlyFloors, true),
                        (SnSeismic, false),
                    ],
                ),
                &building_shared,
            ),
        ),
        Profile::new(
            "sn-new",
            "セーフティネット住宅 (新築住戸として確認)",
            "Safety-net housing unit (checked as new)",
            &with(
                &[(SnAreaNew, false), (SnEquip, false), (SnSeismic, false)],
                &building_unit,
            ),
        ),
        Profile::new(
            "sn-existing",
            "セーフティネット住宅 (既存住戸として確認)",
            "Safety-net housing unit (checked as existing)",
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
            "sn-unit",
            "セーフティネット住宅 (住戸: 計画の新築・既存に従う)",
            "Safety-net housing unit (new or existing as the plan says)",
            &with(
                &[(SnArea, false), (SnEquip, false), (SnSeismic, false)],
                &building_unit,
            ),
        ),
        Profile::new(
            "support-unit",
            "居住サポート住宅 (住戸)",
            "Residential support housing (unit)",
            &with(
                &[(SupportArea, false), (SnEquip, false), (SnSeismic, false)],
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

/// A local government's relaxation or strengthening (STANDARDS.md §6), or the national
/// study's suggestion, applied on top of a profile.
///
/// It applies to a profile that checks at least one of `applies_with`; there it adds
/// `adds_rules` (each with its parameters at their defaults) and `adds_params`, and sets the
/// values of `sets` that the profile uses (a unit override on `sn-new` sets only the `sn.new.*`
/// values). Overrides combine only within one jurisdiction or its parent (東京都 with
/// 東京都豊島区; the study's suggestion, with no jurisdiction, with any) and only when they
/// touch different parameters.
#[derive(Clone, Copy, Debug)]
pub struct LocalOverride {
    /// Stable id.
    pub id: &'static str,
    /// Japanese name.
    pub name_ja: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// The government whose plan or ordinance it is (`東京都豊島区`); empty for the national
    /// study's suggestion, which no local plan adopted.
    pub jurisdiction: &'static str,
    /// It applies to profiles that check one of these rules.
    pub applies_with: &'static [RuleId],
    /// Parameters it sets (those the profile uses).
    pub sets: &'static [(&'static str, f64)],
    /// Rules it adds, each with whether a failure is advisory.
    pub adds_rules: &'static [(RuleId, bool)],
    /// Parameters it adds besides those of its rules, at their defaults.
    pub adds_params: &'static [ParamKey],
    /// Citation recorded as each value's source.
    pub source: &'static str,
}

impl LocalOverride {
    /// Every parameter the override sets or adds.
    fn touches(&self) -> impl Iterator<Item = ParamKey> + '_ {
        self.sets
            .iter()
            .filter_map(|(key, _)| ParamKey::from_key(key))
            .chain(
                self.adds_rules
                    .iter()
                    .flat_map(|(rule, _)| rule.params().iter().copied()),
            )
            .chain(self.adds_params.iter().copied())
            .filter(|key| *key != ParamKey::AreaBasisInterior)
    }

    /// Whether the override can apply to `profile`; the error says why not, in English and
    /// Japanese: the profile checks none of the rules it qualifies, it is already applied, or
    /// an override already applied is another jurisdiction's or sets the same parameter.
    pub fn applies_to(&self, profile: &Profile) -> Result<(), SetError> {
        if profile.local_overrides.contains(&self.id) {
            return Err(SetError(format!(
                "{} is already applied / 適用済みです",
                self.id
            )));
        }
        if !profile
            .rules
            .iter()
            .any(|r| self.applies_with.contains(&r.rule))
        {
            let rules: Vec<&str> = self.applies_with.iter().map(|r| r.as_str()).collect();
            return Err(SetError(format!(
                "{} applies to profiles that check {}; {} checks none of them / {} は {} を確認する基準にだけ適用できます ({} には該当する規定がありません)",
                self.id,
                rules.join(", "),
                profile.id,
                self.id,
                rules.join("・"),
                profile.id
            )));
        }
        for applied in profile
            .local_overrides
            .iter()
            .filter_map(|id| local_override(id))
        {
            let (a, b) = (self.jurisdiction, applied.jurisdiction);
            if !(a.starts_with(b) || b.starts_with(a)) {
                return Err(SetError(format!(
                    "{} ({a}) cannot combine with {} ({b}) / {} ({a}) と {} ({b}) は併用できません",
                    self.id, applied.id, self.id, applied.id
                )));
            }
            if let Some(key) = self.touches().find(|k| applied.touches().any(|o| o == *k)) {
                let key = key.describe().key;
                return Err(SetError(format!(
                    "{} and {} both set {key} / {} と {} はどちらも {key} を定めるため併用できません",
                    self.id, applied.id, self.id, applied.id
                )));
            }
        }
        Ok(())
    }
}

/// Rules that a unit area override qualifies.
const UNIT_AREA_RULES: &[RuleId] = &[
    RuleId::SnAreaNew,
    RuleId::SnAreaExisting,
    RuleId::SnArea,
    RuleId::SupportArea,
];

/// The local overrides of STANDARDS.md §6, and the 参考編 study's suggestion.
pub const LOCAL_OVERRIDES: [LocalOverride; 10] = [
    LocalOverride {
        id: "toshima-7m2",
        name_ja: "豊島区「家族的な住まい方」: 各室 7㎡ (認定の条件つき)",
        name_en: "Toshima \"family-like living\": rooms 7 ㎡ (with its certification conditions)",
        jurisdiction: "東京都豊島区",
        applies_with: &[RuleId::ShRoom],
        sets: &[("sh.room.relaxed_min", 7.0), ("sh.room.relaxed_share", 1.0)],
        adds_rules: &[(RuleId::ToshimaFamily, false)],
        adds_params: &[],
        source: "豊島区空家活用条例 (平成29年条例第46号)「家族的な住まい方」: 入居者 4 人以上かつ居室数以下, 全員 18 歳以上で親族関係なし, 各室 7㎡ 以上, 全員連名の 1 契約, ほかに住む者なし",
    },
    LocalOverride {
        id: "relax-7m2-third",
        name_ja: "参考編の提案: 居室 7㎡ を 1/3 まで (地域計画での採用例なし)",
        name_en: "The study's suggestion: rooms 7 ㎡ for up to 1/3 (no local plan adopted it)",
        jurisdiction: "",
        applies_with: &[RuleId::ShRoom],
        sets: &[
            ("sh.room.relaxed_min", 7.0),
            ("sh.room.relaxed_share", 1.0 / 3.0),
        ],
        adds_rules: &[],
        adds_params: &[],
        source: "参考編の提案 (地域計画での採用例なし): 国土交通省「既存ストックの活用による共同居住型賃貸住宅の居住水準」参考編「一部(1/3、1/2以内)の居室は7㎡以上でも良い」",
    },
    LocalOverride {
        id: "relax-7m2-half",
        name_ja: "参考編の提案: 居室 7㎡ を 1/2 まで (地域計画での採用例なし)",
        name_en: "The study's suggestion: rooms 7 ㎡ for up to 1/2 (no local plan adopted it)",
        jurisdiction: "",
        applies_with: &[RuleId::ShRoom],
        sets: &[("sh.room.relaxed_min", 7.0), ("sh.room.relaxed_share", 0.5)],
        adds_rules: &[],
        adds_params: &[],
        source: "参考編の提案 (地域計画での採用例なし): 国土交通省「既存ストックの活用による共同居住型賃貸住宅の居住水準」参考編「一部(1/3、1/2以内)の居室は7㎡以上でも良い」",
    },
    LocalOverride {
        id: "otsu-shared",
        name_ja: "大津市: 共同居住型 15A+7",
        name_en: "Otsu: shared 15A + 7",
        jurisdiction: "滋賀県大津市",
        applies_with: &[RuleId::ShArea],
        sets: &[("sh.area.base", 7.0)],
        adds_rules: &[],
        adds_params: &[],
        source: "大津市 賃貸住宅供給促進計画",
    },
    LocalOverride {
        id: "otsu-unit",
        name_ja: "大津市: 住戸 22 / 17㎡",
        name_en: "Otsu: units 22 / 17 ㎡",
        jurisdiction: "滋賀県大津市",
        applies_with: UNIT_AREA_RULES,
        sets: &[
            ("sn.existing.min", 22.0),
            ("sn.existing.shared_min", 17.0),
            ("sn.new.min", 22.0),
            ("sn.new.shared_min", 17.0),
        ],
        adds_rules: &[],
        adds_params: &[],
        source: "大津市 賃貸住宅供給促進計画",
    },
    LocalOverride {
        id: "osaka-unit",
        name_ja: "大阪府: 住戸 18 / 13㎡",
        name_en: "Osaka: units 18 / 13 ㎡",
        jurisdiction: "大阪府",
        applies_with: UNIT_AREA_RULES,
        sets: &[
            ("sn.existing.min", 18.0),
            ("sn.existing.shared_min", 13.0),
            ("sn.new.min", 18.0),
            ("sn.new.shared_min", 13.0),
        ],
        adds_rules: &[],
        adds_params: &[],
        source: "大阪府 賃貸住宅供給促進計画",
    },
    LocalOverride {
        id: "saga-pre2006",
        name_ja: "佐賀県: 2006年以前の建物 18㎡",
        name_en: "Saga: pre-2006 buildings 18 ㎡",
        jurisdiction: "佐賀県",
        applies_with: UNIT_AREA_RULES,
        sets: &[("sn.existing.min", 18.0), ("sn.new.min", 18.0)],
        adds_rules: &[],
        adds_params: &[],
        source: "佐賀県 賃貸住宅供給促進計画 (2006年以前の建物)",
    },
    LocalOverride {
        id: "kanagawa",
        name_ja: "神奈川県: 建築確認の年で 16 / 18 / 25㎡ (共用 13㎡)",
        name_en: "Kanagawa: 16 / 18 / 25 ㎡ by permit year (13 ㎡ shared)",
        jurisdiction: "神奈川県",
        applies_with: UNIT_AREA_RULES,
        sets: &[],
        adds_rules: &[],
        adds_params: &[
            ParamKey::KanagawaUntil1995M2,
            ParamKey::Kanagawa1996To2005M2,
            ParamKey::KanagawaFrom2006M2,
            ParamKey::KanagawaSharedM2,
        ],
        source: KANAGAWA_SRC,
    },
    LocalOverride {
        id: "tokyo",
        name_ja: "東京都: 建築安全条例 (寄宿舎の寝室 7㎡)",
        name_en: "Tokyo: building safety ordinance (dormitory bedrooms 7 ㎡)",
        jurisdiction: "東京都",
        applies_with: &[RuleId::ShRoom],
        sets: &[],
        adds_rules: &[(RuleId::TokyoRoom7, true)],
        adds_params: &[],
        source: "東京都建築安全条例 (条番号 未確認)",
    },
    LocalOverride {
        id: "nerima-12m2",
        name_ja: "練馬区: 専用居室 12㎡",
        name_en: "Nerima: private rooms 12 ㎡",
        jurisdiction: "東京都練馬区",
        applies_with: &[RuleId::ShRoom],
        sets: &[("sh.room.min", 12.0)],
        adds_rules: &[],
        adds_params: &[],
        source: "練馬区 条例改正 (2019〜2020年): 1人あたりの居室 12㎡ 以上 (条例名・条番号 未確認)",
    },
];

/// The local override with this id.
pub fn local_override(id: &str) -> Option<&'static LocalOverride> {
    LOCAL_OVERRIDES.iter().find(|l| l.id == id)
}

/// The local overrides that can apply to the profile with this id, for a picker (none for an
/// unknown id).
pub fn local_overrides_for(profile_id: &str) -> Vec<&'static LocalOverride> {
    let Some(profile) = profile(profile_id) else {
        return Vec::new();
    };
    LOCAL_OVERRIDES
        .iter()
        .filter(|l| l.applies_to(&profile).is_ok())
        .collect()
}

/// Unconfirmed (STANDARDS.md §8): the article numbers inside 規則63号 and the 告示 number for
/// 共同居住型.
pub const UNCONFIRMED_ARTICLES: (&str, &str) = (
    "施行規則63号の条番号と共同居住型の告示番号",
    "article numbers in ordinance 63 and the notice number for shared housing",
);
/// Unconfirmed (§8): an official count of sanitary items per single-parent household.
pub const UNCONFIRMED_SP_SANITARY: (&str, &str) = (
    "ひとり親世帯向けの便所・洗面・浴室・洗濯機の公式な必要数 (SP-SANITARY は参考編の提案を推奨として示します)",
    "an official count of toilets, basins, baths and washing machines for single-parent households (SP-SANITARY shows the study's proposal as a recommendation)",
);
/// Unconfirmed (§8): national limits on local relaxation.
pub const UNCONFIRMED_LOCAL_LIMITS: (&str, &str) = (
    "地域の緩和に国としての下限があるか",
    "whether the nation limits how far local governments may relax",
);
/// Unconfirmed (§8): whether SN and 居住サポート areas are 壁芯 or 内法.
pub const UNCONFIRMED_AREA_BASIS: (&str, &str) = (
    "SN・居住サポート住宅の面積が壁芯か内法か (既定 壁芯: area.basis_interior で切替)",
    "whether SN and support-housing areas are wall-centre or interior (default wall centre: switch with area.basis_interior)",
);
/// Unconfirmed (§8): whether the 1/10 daylight relaxation reaches 寄宿舎 bedrooms.
pub const UNCONFIRMED_DAYLIGHT_DORMITORY: (&str, &str) = (
    "採光 1/10 の緩和が寄宿舎の寝室に及ぶか (既定 1/7)",
    "whether the 1/10 daylight relaxation applies to dormitory bedrooms (default 1/7)",
);
/// Unconfirmed (§8): whether the 2026 住生活基本計画 moved 居住面積水準 into technical advice.
pub const UNCONFIRMED_LEVELS_2026: (&str, &str) = (
    "2026年の住生活基本計画で居住面積水準が技術的助言に移ったか (数値は同じ)",
    "whether the 2026 national housing plan moved the floor area levels into technical advice (same numbers)",
);
/// Unconfirmed: how the 神奈川県 tiers read a permit date (STANDARDS.md §6 gives the tiers only).
pub const UNCONFIRMED_KANAGAWA: (&str, &str) = (
    "神奈川県の区分が建築確認の暦年か年度か (既定: 暦年), 共用 13㎡ が H18 以降の区分にも及ぶか (既定: 及ぶ)",
    "whether Kanagawa's tiers follow the calendar or the fiscal year of the permit (default calendar), and whether 13 ㎡ with shared facilities also covers permits from 2006 (default yes)",
);
/// Unconfirmed (STANDARDS.md §1 TOKYO-ROOM-7): the article of the 東京都建築安全条例.
pub const UNCONFIRMED_TOKYO_ARTICLE: (&str, &str) = (
    "東京都建築安全条例で寄宿舎の寝室 7㎡ を定める条番号",
    "the article of the Tokyo building safety ordinance that sets 7 ㎡ dormitory bedrooms",
);
/// Unconfirmed: the name and article of 練馬区's ordinance (STANDARDS.md §6 gives no name).
pub const UNCONFIRMED_NERIMA: (&str, &str) = (
    "練馬区の 12㎡ を定める条例名と条番号",
    "the name and article of Nerima's ordinance that sets 12 ㎡",
);

/// What the sources leave unconfirmed (STANDARDS.md §8), shown beside the numbers so nobody
/// mistakes a default for a settled rule: `(Japanese, English)`. Each entry is also a named
/// constant, so a rule's explanation ([`crate::explain`]) cites the same words.
pub const UNCONFIRMED: [(&str, &str); 9] = [
    UNCONFIRMED_ARTICLES,
    UNCONFIRMED_SP_SANITARY,
    UNCONFIRMED_LOCAL_LIMITS,
    UNCONFIRMED_AREA_BASIS,
    UNCONFIRMED_DAYLIGHT_DORMITORY,
    UNCONFIRMED_LEVELS_2026,
    UNCONFIRMED_KANAGAWA,
    UNCONFIRMED_TOKYO_ARTICLE,
    UNCONFIRMED_NERIMA,
];
