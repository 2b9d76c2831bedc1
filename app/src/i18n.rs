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
    ToolSelect,
    ToolRoom,
    ToolPolygon,
    ToolSplit,
    ToolDoor,
    ToolWindow,
    Fixtures,
    FixtureToilet,
    FixtureWashBasin,
    FixtureBath,
    FixtureShower,
    FixtureWashingMachine,
    FixtureKitchen,
    FixtureStairs,
    Grid,
    GridOff,
    Undo,
    Redo,
    ZoomIn,
    ZoomOut,
    ZoomFit,
    Rotate,
    Mirror,
    NewPlan,
    AddStorey,
    RenameStorey,
    Inspector,
    NothingSelected,
    Kind,
    Name,
    Occupancy,
    Vacant,
    SingleParent,
    ChildrenAges,
    Lockable,
    WallThickness,
    Width,
    Depth,
    EdgeLength,
    Delete,
    Duplicate,
    MergeAcross,
    Bowls,
    Tub,
    Exterior,
    Height,
    Overrides,
    Reset,
    Door,
    Window,
    Vertex,
    Apply,
    InteriorShort,
    OneMore,
    ShowMore,
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
    (Key::ToolSelect, "選択", "Select"),
    (Key::ToolRoom, "部屋", "Room"),
    (Key::ToolPolygon, "多角形", "Polygon"),
    (Key::ToolSplit, "分割", "Split"),
    (Key::ToolDoor, "扉", "Door"),
    (Key::ToolWindow, "窓", "Window"),
    (Key::Fixtures, "設備", "Fixtures"),
    (Key::FixtureToilet, "便器", "Toilet"),
    (Key::FixtureWashBasin, "洗面台", "Wash basin"),
    (Key::FixtureBath, "浴槽", "Bath"),
    (Key::FixtureShower, "シャワー", "Shower"),
    (Key::FixtureWashingMachine, "洗濯機置場", "Washer space"),
    (Key::FixtureKitchen, "キッチン", "Kitchen"),
    (Key::FixtureStairs, "階段", "Stairs"),
    (Key::Grid, "グリッド", "Grid"),
    (Key::GridOff, "なし", "off"),
    (Key::Undo, "元に戻す", "Undo"),
    (Key::Redo, "やり直す", "Redo"),
    (Key::ZoomIn, "拡大", "Zoom in"),
    (Key::ZoomOut, "縮小", "Zoom out"),
    (Key::ZoomFit, "全体", "Fit"),
    (Key::Rotate, "90°回転", "Rotate 90°"),
    (Key::Mirror, "左右反転", "Mirror"),
    (Key::NewPlan, "新規", "New"),
    (Key::AddStorey, "+ 階", "+ Storey"),
    (Key::RenameStorey, "階名", "Storey name"),
    (Key::Inspector, "検査", "Inspector"),
    (
        Key::NothingSelected,
        "部屋・壁・設備をクリックして選択",
        "Click a room, wall or fixture to select it",
    ),
    (Key::Kind, "種類", "Kind"),
    (Key::Name, "名前", "Name"),
    (Key::Occupancy, "入居者", "Occupancy"),
    (Key::Vacant, "未入力", "not set"),
    (Key::SingleParent, "ひとり親世帯", "single-parent household"),
    (
        Key::ChildrenAges,
        "子の年齢 (例 3,8)",
        "children's ages (e.g. 3,8)",
    ),
    (Key::Lockable, "施錠可", "Lockable"),
    (Key::WallThickness, "壁厚 mm", "Wall thickness mm"),
    (Key::Width, "幅 mm", "Width mm"),
    (Key::Depth, "奥行 mm", "Depth mm"),
    (Key::EdgeLength, "辺の長さ mm", "Edge length mm"),
    (Key::Delete, "削除", "Delete"),
    (Key::Duplicate, "複製", "Duplicate"),
    (
        Key::MergeAcross,
        "この壁を取り除いて結合",
        "Remove this wall (merge)",
    ),
    (Key::Bowls, "ボウル数", "Bowls"),
    (Key::Tub, "浴槽あり", "With tub"),
    (Key::Exterior, "外気に面する", "Exterior"),
    (Key::Height, "高さ mm", "Height mm"),
    (
        Key::Overrides,
        "基準値 (地域の緩和・強化)",
        "Values (local overrides)",
    ),
    (Key::Reset, "国の基準に戻す", "Reset to national"),
    (Key::Door, "扉", "Door"),
    (Key::Window, "窓", "Window"),
    (Key::Vertex, "頂点", "Vertex"),
    (Key::Apply, "適用", "Apply"),
    (Key::InteriorShort, "内法", "interior"),
    (Key::OneMore, "あと1人には", "one more needs"),
    (Key::ShowMore, "さらに表示", "show more"),
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

/// The Japanese and English name of a room kind.
pub fn room_kind(lang: Lang, kind: madori_plan::RoomKind) -> &'static str {
    use madori_plan::RoomKind::*;
    let (ja, en) = match kind {
        Private => ("専用居室", "private room"),
        Ldk => ("LDK", "LDK"),
        Dk => ("DK", "DK"),
        Living => ("居間", "living"),
        Dining => ("食堂", "dining"),
        Kitchen => ("台所", "kitchen"),
        Toilet => ("便所", "toilet"),
        Washroom => ("洗面所", "washroom"),
        Bath => ("浴室", "bath"),
        ShowerRoom => ("シャワー室", "shower room"),
        Laundry => ("洗濯室", "laundry"),
        Entrance => ("玄関", "entrance"),
        Corridor => ("廊下", "corridor"),
        Stairs => ("階段", "stairs"),
        Storage => ("収納", "storage"),
        Balcony => ("バルコニー", "balcony"),
        Other => ("その他", "other"),
    };
    pick(lang, ja, en)
}
