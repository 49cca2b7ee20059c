//! The one id and text grammar: what an id (`event_id`, `member_id`, `meeting_id` …) or a free-text field may
//! hold wherever one is read (JSON documents, columns, the bindings, the CLI's roster cells).
//!
//! - An id is non-empty, has no leading or trailing white space, at most [`MAX_ID_LEN`] bytes and no control
//!   character (`INVALID_ID` naming the field).
//! - A text field has at most [`MAX_TEXT_LEN`] bytes and no control character other than tab and line breaks
//!   (`INVALID_TEXT`); NUL in particular never passes.
#![deny(clippy::arithmetic_side_effects)]

use crate::{Error, Result};

/// The longest id, in bytes (UTF-8): room for a UUID, a 身份证号 with a prefix, or a composed id
/// (`meeting:2026-03-02:DY2026001`) many times over.
pub const MAX_ID_LEN: usize = 256;

/// The longest free-text field, in bytes (a disclosure body, a reason): 1 MiB.
pub const MAX_TEXT_LEN: usize = 1 << 20;

/// Checks an id (see the module docs); `field` names it in the error.
///
/// ```
/// use dangjian::text::check_id;
/// assert!(check_id("DY2026001", "member_id").is_ok());
/// for bad in ["", " DY1", "DY1 ", "DY\u{0}1", "DY\n1"] {
///     let e = check_id(bad, "member_id").unwrap_err();
///     assert_eq!((e.code(), e.detail().field.as_str()), ("INVALID_ID", "member_id"), "{bad:?}");
/// }
/// assert!(check_id(&"x".repeat(256), "event_id").is_ok());
/// assert!(check_id(&"x".repeat(257), "event_id").is_err());
/// ```
pub fn check_id(id: &str, field: &str) -> Result<()> {
    let why = if id.is_empty() {
        Some(("为空", "is empty"))
    } else if id.len() > MAX_ID_LEN {
        Some(("超过 256 字节", "is longer than 256 bytes"))
    } else if id.chars().any(char::is_control) {
        Some(("含控制字符", "contains a control character"))
    } else if id.trim() != id {
        Some(("首尾有空白", "has leading or trailing white space"))
    } else {
        None
    };
    match why {
        None => Ok(()),
        Some((zh, en)) => Err(Error::input(
            "INVALID_ID",
            field,
            format!("编号{zh}：{}", shown(id)),
            format!("the id {en}: {}", shown(id)),
        )),
    }
}

/// Checks a free-text field (see the module docs).
///
/// ```
/// use dangjian::text::check_text;
/// assert!(check_text("第一行\n第二行\t完", "body").is_ok());
/// assert_eq!(check_text("a\u{0}b", "body").unwrap_err().code(), "INVALID_TEXT");
/// assert_eq!(check_text("a\u{1b}[2J", "body").unwrap_err().code(), "INVALID_TEXT");
/// ```
pub fn check_text(text: &str, field: &str) -> Result<()> {
    let bad_char = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    let why = if text.len() > MAX_TEXT_LEN {
        Some(("超过 1 MiB", "is longer than 1 MiB"))
    } else if text.chars().any(bad_char) {
        Some(("含控制字符", "contains a control character"))
    } else {
        None
    };
    match why {
        None => Ok(()),
        Some((zh, en)) => Err(Error::input(
            "INVALID_TEXT",
            field,
            format!("文本{zh}：{}", shown(text)),
            format!("the text {en}: {}", shown(text)),
        )),
    }
}

/// A value as shown in a message: at most 40 characters, control characters escaped.
pub(crate) fn shown(text: &str) -> String {
    let mut s: String = text.chars().take(40).flat_map(char::escape_debug).collect();
    if text.chars().nth(40).is_some() {
        s.push('…');
    }
    s
}
