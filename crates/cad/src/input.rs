//! From bytes to a parsed [`dxf::Drawing`]: size limit, encoding, a pre-scan that bounds
//! the work and refuses the inputs known to make the `dxf` crate panic, then the parse.
//!
//! # How the `dxf` crate reads text (0.6.2, read in its source)
//! `Drawing::load_with_encoding` decodes every value line with the encoding it is given
//! (`load` uses Windows-1252) and switches to UTF-8 once `$ACADVER` says R2007 or later. It
//! stores `$DWGCODEPAGE` but never uses it, and a line that is not valid in the encoding is
//! an error (`MalformedString`). With Windows-1252 it also turns `\U+XXXX` escapes into
//! characters. Shift_JIS text would come out as Windows-1252 mojibake, so this module
//! transcodes the whole file to UTF-8 itself ([`crate::text::decode`]) and hands the crate
//! UTF-8 bytes with `encoding_rs::UTF_8`: the crate then decodes nothing twice, the header
//! switch to UTF-8 changes nothing, and `\U+XXXX` escapes are resolved by
//! [`crate::text::plain`].

use crate::text::{self, EncodingReport};
use crate::{ImportError, MAX_BYTES, MAX_FILE_ENTITIES};

/// A parsed drawing and how its text was read.
pub struct Parsed {
    /// The drawing.
    pub drawing: dxf::Drawing,
    /// The encoding used.
    pub encoding: EncodingReport,
}

/// Reads `bytes` as a DXF drawing within the limits, or says why not.
pub fn parse(bytes: &[u8]) -> Result<Parsed, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::new(
            crate::ErrorKind::TooLarge,
            format!(
                "ファイルが大きすぎます ({} バイト、上限 {} バイト)",
                bytes.len(),
                MAX_BYTES
            ),
            format!(
                "the file is too large ({} bytes, the limit is {} bytes)",
                bytes.len(),
                MAX_BYTES
            ),
        ));
    }
    let first_line = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(bytes)
        .split(|&b| b == b'\n')
        .next()
        .unwrap_or_default();
    let first_line = first_line.strip_suffix(b"\r").unwrap_or(first_line);
    if first_line.starts_with(b"AutoCAD Binary DXF") || first_line.starts_with(b"AutoCAD DXB") {
        return Err(ImportError::new(
            crate::ErrorKind::Unsupported,
            "バイナリ形式の DXF (または DXB) は読めません。CAD で ASCII 形式の DXF として保存し直してください",
            "binary DXF (or DXB) is not supported: save the drawing again as ASCII DXF",
        ));
    }
    let (text, encoding) = text::decode(bytes);
    prescan(&text)?;
    let drawing = dxf::Drawing::load_with_encoding(&mut text.as_bytes(), encoding_rs::UTF_8)
        .map_err(|e| {
            let detail: String = e.to_string().chars().take(200).collect();
            ImportError::new(
                crate::ErrorKind::Parse,
                format!("DXF として読めません: {detail}"),
                format!("not a readable DXF file: {detail}"),
            )
        })?;
    Ok(Parsed { drawing, encoding })
}

/// Walks the group-code pairs once, as the `dxf` crate will (lines split at `\n`, one
/// trailing `\r` dropped), counting entities so that the parse and everything after it stay
/// within memory, and refusing values that the crate cannot take without panicking.
///
/// Known panic of `dxf` 0.6.2: a colour (group code 62) of -32768 or below is read as
/// `i16::MIN` and then negated with `abs()`, which overflows (a panic where overflow checks
/// are on).
fn prescan(text: &str) -> Result<(), ImportError> {
    let mut lines = text.split('\n');
    let mut entities = 0usize;
    let mut pair = 0usize;
    while let Some(code_line) = lines.next() {
        let Some(value_line) = lines.next() else {
            break;
        };
        pair += 1;
        let code = code_line.trim();
        let value = value_line.strip_suffix('\r').unwrap_or(value_line).trim();
        if code == "0" {
            entities += 1;
            if entities > MAX_FILE_ENTITIES {
                return Err(ImportError::new(
                    crate::ErrorKind::TooMany,
                    format!("図形が多すぎます (上限 {MAX_FILE_ENTITIES} 個)"),
                    format!("the drawing has too many objects (the limit is {MAX_FILE_ENTITIES})"),
                ));
            }
        } else if code == "62" {
            if let Ok(v) = value.parse::<f64>() {
                if v <= -32768.0 {
                    return Err(ImportError::new(
                        crate::ErrorKind::Parse,
                        format!("{} 行目: 色番号 {value} が範囲外です", pair * 2),
                        format!("line {}: colour number {value} is out of range", pair * 2),
                    ));
                }
            }
        }
    }
    Ok(())
}
