//! Cells that cannot attack the spreadsheet that opens them (OWASP's CSV-injection rule).
//!
//! A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel and
//! LibreOffice (`=HYPERLINK(…)` from a name typed into the HR system): such a cell is written with a
//! leading `'`, which spreadsheets show as text. A number (`-120.00`) is left as it is. NUL is never
//! written. Every CSV and workbook cell the CLI writes goes through [`cell`].

/// The cell as it may be written.
///
/// ```ignore
/// assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(cell("-120.00"), "-120.00");
/// ```
pub(crate) fn cell(text: &str) -> std::borrow::Cow<'_, str> {
    let text: std::borrow::Cow<'_, str> = if text.contains('\0') {
        text.replace('\0', "").into()
    } else {
        text.into()
    };
    let risky = text
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    if risky && !is_number(&text) {
        format!("'{text}").into()
    } else {
        text
    }
}

/// A plain decimal number (`-120.00`, `+3`, `0.015`): safe to leave as written.
fn is_number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, decimals) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && decimals.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text_numbers_stay() {
        for (input, written) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+cmd", "'+cmd"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("-120.00", "-120.00"),
            ("+3", "+3"),
            ("0.015", "0.015"),
            ("张三", "张三"),
            ("a\0b", "ab"),
            ("=\0", "'="),
            ("", ""),
        ] {
            assert_eq!(cell(input), written, "{input:?}");
        }
    }
}
