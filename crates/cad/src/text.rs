//! Text: the file's encoding, DXF text codes, and room names.

use madori_plan::RoomKind;

/// How the file's bytes were read as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    /// Only ASCII bytes: every encoding reads them alike.
    Ascii,
    /// Valid UTF-8 holding non-ASCII text (what AutoCAD 2007 and later write, whatever
    /// `$DWGCODEPAGE` says).
    Utf8,
    /// Shift_JIS (code page 932), what Jw_cad and older AutoCAD write in Japan.
    ShiftJis,
}

impl TextEncoding {
    /// A short name for messages.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Ascii => "ASCII",
            Self::Utf8 => "UTF-8",
            Self::ShiftJis => "Shift_JIS",
        }
    }
}

/// The encoding chosen for a file, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EncodingReport {
    /// The encoding used to read the text.
    pub encoding: TextEncoding,
    /// What `$DWGCODEPAGE` declared, if the header has it (e.g. `ANSI_932`); only reported,
    /// never trusted: files from AutoCAD 2007 and later declare `ANSI_932` but hold UTF-8.
    pub declared_code_page: Option<String>,
    /// Bytes that were not valid in the chosen encoding and were replaced with U+FFFD.
    pub replaced_bytes: bool,
    /// Why, in Japanese.
    pub reason_ja: String,
    /// Why, in English.
    pub reason_en: String,
}

/// Reads `bytes` as text: valid UTF-8 with non-ASCII bytes is UTF-8, pure ASCII is ASCII,
/// anything else is Shift_JIS. A UTF-8 byte-order mark is skipped.
///
/// Shift_JIS text practically never forms valid UTF-8 (its lead bytes 0x81-0x9F and
/// 0xE0-0xEF would need continuation bytes 0x80-0xBF in a fixed pattern that Japanese text
/// breaks within a few characters), so the bytes decide and the header is not needed.
pub fn decode(bytes: &[u8]) -> (String, EncodingReport) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (text, encoding, replaced) = if bytes.is_ascii() {
        // ASCII is valid UTF-8.
        (
            String::from_utf8_lossy(bytes).into_owned(),
            TextEncoding::Ascii,
            false,
        )
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_owned(), TextEncoding::Utf8, false)
    } else {
        let (text, _, had_errors) = encoding_rs::SHIFT_JIS.decode(bytes);
        (text.into_owned(), TextEncoding::ShiftJis, had_errors)
    };
    let declared_code_page = declared_code_page(&text);
    let declared = declared_code_page
        .as_deref()
        .map_or_else(|| "none".to_owned(), str::to_owned);
    let (reason_ja, reason_en) = match encoding {
        TextEncoding::Ascii => (
            "ASCII 文字だけのファイルです".to_owned(),
            "the file holds ASCII characters only".to_owned(),
        ),
        TextEncoding::Utf8 => (
            format!("日本語を含む正しい UTF-8 です ($DWGCODEPAGE の宣言: {declared})"),
            format!("the bytes are valid UTF-8 with non-ASCII text ($DWGCODEPAGE declares {declared})"),
        ),
        TextEncoding::ShiftJis => (
            format!("UTF-8 ではないため Shift_JIS として読みました ($DWGCODEPAGE の宣言: {declared})"),
            format!("the bytes are not UTF-8, so they were read as Shift_JIS ($DWGCODEPAGE declares {declared})"),
        ),
    };
    (
        text,
        EncodingReport {
            encoding,
            declared_code_page,
            replaced_bytes: replaced,
            reason_ja,
            reason_en,
        },
    )
}

/// The value of `$DWGCODEPAGE` in the header, if present (looked up in the text, since the
/// `dxf` crate only keeps it and never uses it).
fn declared_code_page(text: &str) -> Option<String> {
    let mut lines = text.lines().map(str::trim).take(20_000);
    while let Some(line) = lines.next() {
        if line == "$DWGCODEPAGE" {
            let _code = lines.next()?;
            return lines.next().map(|v| v.chars().take(40).collect());
        }
        if line == "ENTITIES" {
            return None;
        }
    }
    None
}

/// A TEXT or MTEXT value as plain text: MTEXT formatting codes (`\P`, `\f…;`, `{…}`,
/// stacked fractions), the `%%` codes of TEXT and `\U+XXXX` / `\M+NXXXX` escapes resolved.
/// Runs of white space become one space; the result is trimmed and at most 200 characters.
pub fn plain(value: &str) -> String {
    let chars: Vec<char> = value.chars().take(4_000).collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() => {
                let code = chars[i + 1];
                i += 2;
                match code {
                    'P' => out.push(' '),
                    '~' => out.push(' '),
                    '\\' | '{' | '}' => out.push(code),
                    'U' if chars.get(i) == Some(&'+') => {
                        let hex: String = chars.iter().skip(i + 1).take(4).collect();
                        match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                            Some(ch) if hex.len() == 4 => {
                                out.push(ch);
                                i += 5;
                            }
                            _ => out.push_str("\\U"),
                        }
                    }
                    'M' if chars.get(i) == Some(&'+') => {
                        // \M+NXXXX: a double-byte character of code page N (1 = Shift_JIS).
                        let hex: String = chars.iter().skip(i + 2).take(4).collect();
                        let decoded = (hex.len() == 4)
                            .then(|| u16::from_str_radix(&hex, 16).ok())
                            .flatten()
                            .map(|v| {
                                let bytes = v.to_be_bytes();
                                let (s, _, bad) = encoding_rs::SHIFT_JIS.decode(&bytes);
                                (s.into_owned(), bad)
                            });
                        match decoded {
                            Some((s, false)) => {
                                out.push_str(&s);
                                i += 6;
                            }
                            _ => out.push_str("\\M"),
                        }
                    }
                    'S' => {
                        // Stacked text up to ';': "1^2" or "1/2" or "1#2" shows as 1/2.
                        while i < chars.len() && chars[i] != ';' {
                            out.push(match chars[i] {
                                '^' | '#' => '/',
                                ch => ch,
                            });
                            i += 1;
                        }
                        i += 1;
                    }
                    'f' | 'F' | 'H' | 'C' | 'c' | 'T' | 'Q' | 'W' | 'A' | 'p' => {
                        // A parameter up to ';'.
                        while i < chars.len() && chars[i] != ';' {
                            i += 1;
                        }
                        i += 1;
                    }
                    // Toggles without a parameter: underline, overline, strike, line break
                    // inside a word.
                    'L' | 'l' | 'O' | 'o' | 'K' | 'k' | 'N' | 'X' => {}
                    other => {
                        out.push('\\');
                        out.push(other);
                    }
                }
            }
            '{' | '}' => i += 1,
            '%' if chars.get(i + 1) == Some(&'%') && i + 2 < chars.len() => {
                match chars[i + 2].to_ascii_lowercase() {
                    'c' => out.push('⌀'),
                    'd' => out.push('°'),
                    'p' => out.push('±'),
                    '%' => out.push('%'),
                    'u' | 'o' | 'k' => {}
                    other => {
                        out.push_str("%%");
                        out.push(other);
                    }
                }
                i += 3;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    let collapsed = out.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.chars().take(200).collect()
}

/// Full-width ASCII (Ａ-Ｚ, ０-９, ・) as half-width, upper case: how labels are compared.
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFF01 + 0x21).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .flat_map(char::to_uppercase)
        .collect()
}

/// Words that name a room kind, most specific first. ASCII abbreviations must be a whole
/// word (`K` matches "K" or "K 4.5帖", never "KITCHEN"); Japanese words may appear anywhere
/// ("主寝室", "洋室(1)").
const KIND_WORDS: &[(&str, RoomKind)] = &[
    ("LDK", RoomKind::Ldk),
    ("L・D・K", RoomKind::Ldk),
    ("リビングダイニングキッチン", RoomKind::Ldk),
    ("DK", RoomKind::Dk),
    ("ダイニングキッチン", RoomKind::Dk),
    ("LD", RoomKind::Living),
    ("居間", RoomKind::Living),
    ("リビング", RoomKind::Living),
    ("L", RoomKind::Living),
    ("食堂", RoomKind::Dining),
    ("ダイニング", RoomKind::Dining),
    ("D", RoomKind::Dining),
    ("台所", RoomKind::Kitchen),
    ("キッチン", RoomKind::Kitchen),
    ("K", RoomKind::Kitchen),
    ("便所", RoomKind::Toilet),
    ("トイレ", RoomKind::Toilet),
    ("WC", RoomKind::Toilet),
    ("シャワー", RoomKind::ShowerRoom),
    ("浴室", RoomKind::Bath),
    ("風呂", RoomKind::Bath),
    ("UB", RoomKind::Bath),
    ("洗面", RoomKind::Washroom),
    ("脱衣", RoomKind::Washroom),
    ("洗濯", RoomKind::Laundry),
    ("玄関ホール", RoomKind::Corridor),
    ("玄関", RoomKind::Entrance),
    ("廊下", RoomKind::Corridor),
    ("ホール", RoomKind::Corridor),
    ("階段", RoomKind::Stairs),
    ("収納", RoomKind::Storage),
    ("押入", RoomKind::Storage),
    ("押し入れ", RoomKind::Storage),
    ("物入", RoomKind::Storage),
    ("クローゼット", RoomKind::Storage),
    ("納戸", RoomKind::Storage),
    ("WIC", RoomKind::Storage),
    ("SIC", RoomKind::Storage),
    ("CL", RoomKind::Storage),
    ("バルコニー", RoomKind::Balcony),
    ("ベランダ", RoomKind::Balcony),
    ("洋室", RoomKind::Private),
    ("和室", RoomKind::Private),
    ("寝室", RoomKind::Private),
    ("子供室", RoomKind::Private),
    ("子ども室", RoomKind::Private),
    ("個室", RoomKind::Private),
    ("書斎", RoomKind::Private),
];

/// The room kind a label names, if any.
pub fn room_kind(label: &str) -> Option<RoomKind> {
    let folded = fold(label);
    // The leading word of ASCII letters (and '・'), for abbreviations like "LDK 16帖".
    let head: String = folded
        .chars()
        .take_while(|c| c.is_ascii_uppercase() || *c == '・')
        .collect();
    KIND_WORDS.iter().find_map(|&(word, kind)| {
        let matched = if word.is_ascii() {
            head == word
        } else {
            folded.contains(word)
        };
        matched.then_some(kind)
    })
}

/// A storey number from a label such as "1階平面図", "２階", "2F", "二階".
pub fn storey_number(label: &str) -> Option<u32> {
    let folded = fold(label);
    let chars: Vec<char> = folded.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        if next == Some('階')
            || (next == Some('F') && chars.get(i + 2).is_none_or(|c| !c.is_ascii_alphabetic()))
        {
            let digit = match c {
                '1'..='9' => c.to_digit(10),
                '一' => Some(1),
                '二' => Some(2),
                '三' => Some(3),
                '四' => Some(4),
                _ => None,
            };
            let preceded_by_digit = i > 0 && chars[i - 1].is_ascii_digit();
            if digit.is_some() && !preceded_by_digit {
                return digit;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_told_by_the_bytes() {
        let (text, report) = decode("0\nTEXT\n1\n洋室\n".as_bytes());
        assert_eq!(report.encoding, TextEncoding::Utf8);
        assert!(text.contains("洋室"));
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("0\nTEXT\n1\n洋室\n");
        let (text, report) = decode(&sjis);
        assert_eq!(report.encoding, TextEncoding::ShiftJis);
        assert!(text.contains("洋室"));
        assert!(!report.replaced_bytes);
        let (_, report) = decode(b"\xEF\xBB\xBF0\nEOF\n");
        assert_eq!(report.encoding, TextEncoding::Ascii);
    }

    #[test]
    fn mtext_codes_are_stripped() {
        assert_eq!(plain("{\\fMS Gothic|b0|i0;洋室}\\P6帖"), "洋室 6帖");
        assert_eq!(plain("\\H2.5;\\C1;LDK\\~16帖"), "LDK 16帖");
        assert_eq!(plain("\\S1^2;"), "1/2");
        assert_eq!(plain("\\U+6D0B\\U+5BA4"), "洋室");
        assert_eq!(plain("\\M+1976D"), "洋");
        assert_eq!(plain("%%c600 %%uWC"), "⌀600 WC");
        assert_eq!(plain("a\\\\b\\{c\\}"), "a\\b{c}");
    }

    #[test]
    fn labels_name_kinds() {
        for (label, kind) in [
            ("洋室 6帖", RoomKind::Private),
            ("和室", RoomKind::Private),
            ("LDK 16帖", RoomKind::Ldk),
            ("ＬＤＫ", RoomKind::Ldk),
            ("DK", RoomKind::Dk),
            ("K", RoomKind::Kitchen),
            ("台所", RoomKind::Kitchen),
            ("居間", RoomKind::Living),
            ("便所", RoomKind::Toilet),
            ("トイレ", RoomKind::Toilet),
            ("WC", RoomKind::Toilet),
            ("浴室", RoomKind::Bath),
            ("洗面脱衣", RoomKind::Washroom),
            ("脱衣所", RoomKind::Washroom),
            ("玄関", RoomKind::Entrance),
            ("玄関ホール", RoomKind::Corridor),
            ("廊下", RoomKind::Corridor),
            ("階段", RoomKind::Stairs),
            ("押入", RoomKind::Storage),
            ("物入", RoomKind::Storage),
            ("クローゼット", RoomKind::Storage),
            ("CL", RoomKind::Storage),
            ("バルコニー", RoomKind::Balcony),
        ] {
            assert_eq!(room_kind(label), Some(kind), "{label}");
        }
        assert_eq!(room_kind("KITCHEN2"), None);
        assert_eq!(room_kind("3640"), None);
    }

    #[test]
    fn storey_labels() {
        assert_eq!(storey_number("1階平面図"), Some(1));
        assert_eq!(storey_number("２階平面図"), Some(2));
        assert_eq!(storey_number("2F"), Some(2));
        assert_eq!(storey_number("二階"), Some(2));
        assert_eq!(storey_number("12階"), None);
        assert_eq!(storey_number("洋室"), None);
    }
}
