//! The one translation table: every label the app shows, Japanese first, English second.

/// Display language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// 日本語 (default).
    #[default]
    Ja,
    /// English.
    En,
}

/// Keys of every translated label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)] // Each key is documented by its row in `TABLE`.
pub enum Key {
    AppTitle,
    Template,
    Standard,
    LocalOverride,
    NoLocalOverride,
    Findings,
    Totals,
    TotalFloorArea,
    InteriorArea,
    Residents,
    Capacity,
    Storey,
    Pass,
    Fail,
    Warning,
    Info,
    Unavailable,
    Formula,
    Hint,
    Source,
    Persons,
    Households,
    NotApplicable,
    Language,
    ValuesUsed,
    LimitedBy,
    ShowInterior,
}

const TABLE: &[(Key, &str, &str)] = &[
    (Key::AppTitle, "Madori 間取り", "Madori floor plans"),
    (Key::Template, "ひな形", "Template"),
    (Key::Standard, "基準", "Standard"),
    (Key::LocalOverride, "地域の緩和・強化", "Local override"),
    (Key::NoLocalOverride, "なし (国の基準)", "none (national)"),
    (Key::Findings, "判定", "Findings"),
    (Key::Totals, "面積", "Areas"),
    (
        Key::TotalFloorArea,
        "延床面積 (壁芯)",
        "Total floor area (wall centre)",
    ),
    (Key::InteriorArea, "内法面積", "Interior area"),
    (Key::Residents, "入居者数", "Residents"),
    (Key::Capacity, "定員上限", "Capacity"),
    (Key::Storey, "階", "Storey"),
    (Key::Pass, "適合", "Pass"),
    (Key::Fail, "不適合", "Fail"),
    (Key::Warning, "注意", "Warning"),
    (Key::Info, "参考", "Info"),
    (Key::Unavailable, "判定不能", "Unavailable"),
    (Key::Formula, "計算", "Formula"),
    (Key::Hint, "対策", "Hint"),
    (Key::Source, "出典", "Source"),
    (Key::Persons, "人", "persons"),
    (Key::Households, "世帯", "households"),
    (Key::NotApplicable, "対象外", "n/a"),
    (Key::Language, "English", "日本語"),
    (Key::ValuesUsed, "使用した値", "Values used"),
    (Key::LimitedBy, "制約", "limited by"),
    (Key::ShowInterior, "内法も表示", "Show interior areas"),
];

/// The label for `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    TABLE
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or("?", |(_, ja, en)| if lang == Lang::Ja { ja } else { en })
}

/// Picks the Japanese or English of a pair the rules crate provides.
pub fn pick<'a>(lang: Lang, ja: &'a str, en: &'a str) -> &'a str {
    if lang == Lang::Ja {
        ja
    } else {
        en
    }
}

/// The status word with an icon, so status reads without colour.
pub fn status_label(lang: Lang, status: madori_rules::Status) -> String {
    use madori_rules::Status;
    let (icon, key) = match status {
        Status::Pass => ("✓", Key::Pass),
        Status::Fail => ("✗", Key::Fail),
        Status::Warning => ("⚠", Key::Warning),
        Status::Info => ("ℹ", Key::Info),
        Status::Unavailable => ("?", Key::Unavailable),
    };
    format!("{icon} {}", t(lang, key))
}
