//! Share links: a whole plan in a URL fragment, `#plan=<data>`, and back.
//!
//! A plan travels in the fragment (the part after `#`) because browsers never send the
//! fragment to the server: the plan goes from one person to another without being stored or
//! logged anywhere on the way, and the static host needs no storage of its own.
//!
//! # Layout
//!
//! `<data>` is a version character, [`VERSION`] (`1`), followed by the plan's JSON written
//! by [`format::to_json_compact`], compressed with raw deflate (RFC 1951, no zlib or gzip
//! wrapper: six bytes fewer) and written in base64url without padding (RFC 4648 §5: `A–Z`,
//! `a–z`, `0–9`, `-`, `_`, none of which a URL needs to escape). A later encoding gets another
//! version character; a link with a version this build does not know is refused with a
//! message saying it comes from a newer Madori.
//!
//! The compression is `miniz_oxide`: pure Rust without `unsafe`, no C to build for
//! WebAssembly, and a decompressor with a hard output limit. The base64url is the `base64`
//! crate rather than code of our own: it is widely used and kept up, its decoder is strict
//! (it refuses padding and non-zero trailing bits, so a link cut or mistyped at its end is
//! caught there), and version 0.22 is already in the app's dependency tree (through Leptos),
//! so it adds no code to the WebAssembly.
//!
//! # What a link leaves out
//!
//! Embedded images ([`Plan::images`]) are never put in a link: a photographed 間取り図 alone
//! is hundreds of kilobytes, far past [`MAX_LINK_CHARS`]. Every storey's underlay is kept
//! (its image id, placement, scale and opacity), so a person who opens the link sees the plan
//! with the underlay's image reported missing, as for a file saved without its underlays; to
//! pass the images on, save a file. Everything else in the plan (check settings, variants,
//! underlays) is in the link, and [`decode`] gives back a plan equal to the one encoded with
//! `images` empty.
//!
//! # Bounds
//!
//! [`decode`] accepts any text in bounded time and memory: it refuses data longer than
//! [`MAX_LINK_CHARS`] before decoding (so at most 48 000 bytes of deflate data), inflates with
//! a hard output limit of [`format::MAX_FILE_BYTES`] (a decompression bomb stops there: the
//! output buffer never grows past the limit), and then loads the JSON with
//! [`format::from_json`], so a plan from a link is checked exactly as a plan from a file and
//! every problem in it is reported with its path.
//!
//! There is no checksum: links travel as text, and text is cut short or re-encoded on the
//! way rather than changed a bit at a time. A cut link fails in the base64url or the
//! deflate stream (which must reach its final block); a changed character almost always
//! breaks the deflate stream or the JSON, and the loader checks whatever gets through.
//! Characters after the end of the deflate stream are ignored.

use crate::format::{self, MAX_FILE_BYTES};
use crate::model::Plan;
use crate::validate::Problem;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::{DecodeError, Engine};
use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

/// What comes after `#` before the link data: the fragment is `#plan=<data>`.
pub const FRAGMENT_PREFIX: &str = "plan=";

/// The first character of the link data, naming its encoding (see the module documentation).
pub const VERSION: char = '1';

/// The longest link data [`encode`] makes and [`decode`] reads: 64 000 characters, version
/// character included (the whole fragment is 6 characters more, `#plan=`).
///
/// Browsers open much longer URLs (Chromium up to 2 MiB), and the fragment never reaches a
/// server, so no server limit applies. What cuts links is what carries them: some address
/// bars and many chat apps and mail clients shorten or refuse very long text, and a QR code
/// holds at most 2 953 bytes. 64 000 keeps a whole URL with its origin under 65 536
/// characters, a limit some browsers and tools have had, and holds the plans people share:
/// every template takes 1 000 to 2 000 characters, and the 641-room test plan
/// (`templates::irregular(641, 2, 1)`) 61 293. A larger plan is passed on as a file. The
/// limit also bounds what [`decode`] reads.
pub const MAX_LINK_CHARS: usize = 64_000;

/// The deflate level: miniz_oxide's best (10). Encoding the largest plan a link can hold
/// takes milliseconds, and every byte saved is a character fewer in the link.
const LEVEL: u8 = 10;

/// Where link problems are reported: the whole link, as a file's size and syntax problems
/// are reported for the whole file.
const PATH: &str = "";

/// A plan too large for a link: its link data would have `chars` characters, more than
/// `max` ([`MAX_LINK_CHARS`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooLarge {
    /// Characters the link data would have.
    pub chars: usize,
    /// The most a link may have.
    pub max: usize,
}

impl TooLarge {
    /// What happened and what to do, in Japanese.
    pub fn message_ja(&self) -> String {
        format!(
            "この間取りはリンクにするには大きすぎます ({} 文字、上限 {} 文字)。ファイルに保存して、そのファイルを渡してください",
            self.chars, self.max
        )
    }

    /// What happened and what to do, in English.
    pub fn message_en(&self) -> String {
        format!(
            "this plan is too large for a link ({} characters; at most {}). Save it as a file and send the file instead",
            self.chars, self.max
        )
    }
}

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} / {}", self.message_en(), self.message_ja())
    }
}

impl std::error::Error for TooLarge {}

/// The link data for a plan (without `#plan=`: the fragment is
/// `format!("#{FRAGMENT_PREFIX}{data}")`), its embedded images left out (see the module
/// documentation), or [`TooLarge`] when the data would be longer than [`MAX_LINK_CHARS`].
///
/// The plan is not validated here: a plan [`format::from_json`] refuses makes a link that
/// [`decode`] refuses with the same problems.
pub fn encode(plan: &Plan) -> Result<String, TooLarge> {
    let deflated = miniz_oxide::deflate::compress_to_vec(
        format::to_json_compact(&shared(plan)).as_bytes(),
        LEVEL,
    );
    let chars = base64::encoded_len(deflated.len(), false)
        .and_then(|n| n.checked_add(VERSION.len_utf8()))
        .unwrap_or(usize::MAX);
    if chars > MAX_LINK_CHARS {
        return Err(TooLarge {
            chars,
            max: MAX_LINK_CHARS,
        });
    }
    let mut data = String::with_capacity(chars);
    data.push(VERSION);
    URL_SAFE_NO_PAD.encode_string(&deflated, &mut data);
    Ok(data)
}

/// The plan as a link carries it: every field but the embedded images. Listing each field
/// makes a field added to [`Plan`] a compile error here, so its place in links is decided.
fn shared(plan: &Plan) -> Plan {
    Plan {
        format_version: format::FORMAT_VERSION,
        name: plan.name.clone(),
        dwelling: plan.dwelling.clone(),
        storeys: plan.storeys.clone(),
        check: plan.check.clone(),
        variants: plan.variants.clone(),
        images: Vec::new(),
    }
}

/// Reads a plan from a link: the link data, the fragment (with or without `#` and
/// `plan=`), or a whole URL (everything up to its first `#` is ignored); whitespace around it
/// is ignored, so a pasted link works.
///
/// Refuses, each with one problem in Japanese and English at the path `""` (the whole
/// link): no data, an unknown version, a character outside base64url, data longer than
/// [`MAX_LINK_CHARS`], base64url cut short, deflate data that is cut short or damaged, data
/// that inflates to more than [`format::MAX_FILE_BYTES`], and data that is not UTF-8 text.
/// The text is then loaded by [`format::from_json`], whose problems are returned as they
/// are, so a plan in a link is refused or accepted exactly as the same plan in a file.
pub fn decode(link: &str) -> Result<Plan, Vec<Problem>> {
    let data = link_data(link);
    let mut chars = data.chars();
    let version = chars.next().ok_or_else(|| {
        vec![Problem::new(
            PATH,
            "共有リンクに間取りのデータがありません (リンクの # 以降が欠けています)",
            "the share link holds no plan (the part of the link after # is missing)",
        )]
    })?;
    if version != VERSION {
        return Err(vec![if version.is_ascii_alphanumeric() {
            Problem::new(
                PATH,
                format!("共有リンクの形式 \"{version}\" は読めません (このアプリは \"{VERSION}\")。新しい Madori で作られたリンクかもしれません"),
                format!("share link format \"{version}\" is not readable here (this build reads \"{VERSION}\"); the link may come from a newer Madori"),
            )
        } else {
            bad_character(1, version)
        }]);
    }
    if let Some((i, c)) = chars.enumerate().find(|(_, c)| !is_base64url(*c)) {
        // `i` counts from the character after the version, the link's second.
        return Err(vec![bad_character(i.saturating_add(2), c)]);
    }
    // Every character is ASCII now, so bytes are characters.
    if data.len() > MAX_LINK_CHARS {
        return Err(vec![Problem::new(
            PATH,
            format!(
                "共有リンクが長すぎます ({} 文字、上限 {MAX_LINK_CHARS} 文字)",
                data.len()
            ),
            format!(
                "the share link is too long ({} characters; at most {MAX_LINK_CHARS} are read)",
                data.len()
            ),
        )]);
    }
    let deflated = URL_SAFE_NO_PAD
        .decode(&data[VERSION.len_utf8()..])
        .map_err(|e| vec![base64_problem(&e)])?;
    let json = decompress_to_vec_with_limit(&deflated, MAX_FILE_BYTES)
        .map_err(|e| vec![inflate_problem(e.status)])?;
    let text = String::from_utf8(json).map_err(|_| {
        vec![Problem::new(
            PATH,
            "共有リンクのデータが文字になりません (リンクが壊れています)",
            "the share link's data is not text (the link is damaged)",
        )]
    })?;
    format::from_json(&text)
}

/// The link data in a link, fragment or URL.
fn link_data(link: &str) -> &str {
    let link = link.trim();
    let fragment = link.split_once('#').map_or(link, |(_, fragment)| fragment);
    fragment.strip_prefix(FRAGMENT_PREFIX).unwrap_or(fragment)
}

fn is_base64url(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// A character outside base64url at `position` (1 for the first character of the data).
fn bad_character(position: usize, c: char) -> Problem {
    Problem::new(
        PATH,
        format!("共有リンクの {position} 文字目 {c:?} は使えない文字です (リンクのデータは A–Z a–z 0–9 - _ だけです)。リンクを全部そのまま貼り付けてください"),
        format!("character {position} of the share link, {c:?}, cannot be in a link (its data is only A–Z a–z 0–9 - _); paste the whole link unchanged"),
    )
}

fn base64_problem(error: &DecodeError) -> Problem {
    match error {
        DecodeError::InvalidLength(_) | DecodeError::InvalidLastSymbol(..) => Problem::new(
            PATH,
            "共有リンクの終わりが欠けているか、余分な文字があります。リンクを全部そのまま貼り付けてください",
            "the end of the share link is cut off or has a character too many; paste the whole link unchanged",
        ),
        // Padding and characters outside base64url were refused before decoding.
        DecodeError::InvalidByte(..) | DecodeError::InvalidPadding => Problem::new(
            PATH,
            format!("共有リンクのデータが base64url として読めません: {error}"),
            format!("the share link's data is not base64url: {error}"),
        ),
    }
}

fn inflate_problem(status: TINFLStatus) -> Problem {
    let limit_mib = MAX_FILE_BYTES / (1024 * 1024);
    match status {
        TINFLStatus::HasMoreOutput => Problem::new(
            PATH,
            format!("共有リンクの間取りを展開すると {limit_mib} MiB (読める間取りの上限) を超えます"),
            format!("the share link's plan expands to more than {limit_mib} MiB, the largest plan read"),
        ),
        TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => Problem::new(
            PATH,
            "共有リンクのデータが途中で切れています。リンクを全部そのまま貼り付けてください",
            "the share link's data ends too early (the link was cut off); paste the whole link unchanged",
        ),
        _ => Problem::new(
            PATH,
            "共有リンクのデータが壊れています (圧縮データとして読めません)",
            "the share link's data is damaged (it is not valid compressed data)",
        ),
    }
}
