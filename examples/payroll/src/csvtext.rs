//! CSV as payroll exports write it: the encoding found, then records split with their physical lines.
//!
//! The text is UTF-8 (with or without the byte-order mark Excel's "CSV UTF-8" writes) or, when it is not,
//! GB18030 — the superset of GBK that Excel's plain "CSV" writes on a Chinese system — when that decodes
//! without a single replacement. The records are split here rather than by the csv crate because its
//! `Position::line` is one too low after CRLF line ends and after blank lines, and because an unterminated
//! quote there silently swallows the rest of the file into one field; here every record knows the physical
//! line it starts on, an unterminated quote is reported at the line where it opened, and every record,
//! field and column count is bounded (see `limits.rs`).

use crate::grid::{Grid, GridRow};
use crate::limits::{MAX_CELL_CHARS, MAX_COLUMNS, MAX_RECORD_BYTES, MAX_ROWS};
use crate::FileError;
use dangjian::codes::Code;

/// Which encoding the file was read in (said on stderr).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with Excel's byte-order mark.
    Utf8Bom,
    /// GB18030 (GBK's superset).
    Gb18030,
}

impl Encoding {
    /// The name shown to the user.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Gb18030 => "GB18030/GBK",
        }
    }
}

/// Decodes the file's bytes.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, Encoding), FileError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(|t| (t.to_owned(), Encoding::Utf8Bom))
            .map_err(|e| not_text(rest, e.valid_up_to()));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_owned(), Encoding::Utf8)),
        Err(e) => {
            let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            if had_errors {
                Err(not_text(bytes, e.valid_up_to()))
            } else {
                Ok((text.into_owned(), Encoding::Gb18030))
            }
        }
    }
}

fn not_text(bytes: &[u8], valid_up_to: usize) -> FileError {
    let line = 1 + bytes
        .iter()
        .take(valid_up_to)
        .filter(|b| **b == b'\n')
        .count();
    FileError::new(
        Code::NotText,
        format!("line {line}"),
        format!("第 {line} 行：文件既不是 UTF-8 也不是 GBK/GB18030 文本；请另存为“CSV UTF-8（逗号分隔）”或 .xlsx"),
        format!("line {line}: the file is neither UTF-8 nor GBK/GB18030 text; save it as \"CSV UTF-8 (comma delimited)\" or as .xlsx"),
    )
}

/// Splits `text` into records (RFC 4180: `,` between fields, `"` quoting with `""` inside, LF, CRLF or CR
/// ending a record); each row keeps the physical line it starts on. Cells are trimmed.
pub(crate) fn parse(text: &str) -> Result<Grid, FileError> {
    let mut rows = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut line = 1usize;
    while chars.peek().is_some() {
        let start_line = line;
        let start_byte = chars.peek().map(|(i, _)| *i).unwrap_or(0);
        let mut cells: Vec<String> = Vec::new();
        let mut cell = String::new();
        let mut quoted_from: Option<usize> = None;
        let mut in_quotes = false;
        let mut ended = false;
        while let Some((at, c)) = chars.next() {
            if at.saturating_sub(start_byte) > MAX_RECORD_BYTES {
                return Err(limit("MAX_RECORD_BYTES", start_line, MAX_RECORD_BYTES));
            }
            if in_quotes {
                match c {
                    '"' if chars.peek().map(|(_, n)| *n) == Some('"') => {
                        chars.next();
                        cell.push('"');
                    }
                    '"' => in_quotes = false,
                    '\n' => {
                        line += 1;
                        cell.push(c);
                    }
                    '\r' => {
                        if chars.peek().map(|(_, n)| *n) != Some('\n') {
                            line += 1;
                        }
                        cell.push(c);
                    }
                    _ => cell.push(c),
                }
            } else {
                match c {
                    '"' if cell.trim().is_empty() => {
                        cell.clear();
                        in_quotes = true;
                        quoted_from = Some(line);
                    }
                    ',' => {
                        push_cell(&mut cells, &mut cell, start_line)?;
                    }
                    '\n' | '\r' => {
                        if c == '\r' && chars.peek().map(|(_, n)| *n) == Some('\n') {
                            chars.next();
                        }
                        line += 1;
                        ended = true;
                        break;
                    }
                    _ => cell.push(c),
                }
            }
            if cell.chars().count() > MAX_CELL_CHARS {
                return Err(limit("MAX_CELL_CHARS", start_line, MAX_CELL_CHARS));
            }
        }
        if in_quotes {
            let opened = quoted_from.unwrap_or(start_line);
            return Err(FileError::new(
                Code::UnterminatedQuote,
                format!("line {opened}"),
                format!("第 {opened} 行：引号未闭合（从这里起到文件末尾都在一个单元格里）；请检查这一行的双引号"),
                format!("line {opened}: a quote opened here is never closed (the rest of the file would be one cell); check this line's double quotes"),
            ));
        }
        let _ = ended;
        push_cell(&mut cells, &mut cell, start_line)?;
        // A blank line carries nothing: not a row (it still counts as a line).
        if cells.len() == 1 && cells.first().is_some_and(String::is_empty) {
            continue;
        }
        if rows.len() >= MAX_ROWS {
            return Err(limit("MAX_ROWS", start_line, MAX_ROWS));
        }
        rows.push(GridRow::plain(start_line, cells));
    }
    Ok(Grid::csv(rows))
}

fn push_cell(cells: &mut Vec<String>, cell: &mut String, line: usize) -> Result<(), FileError> {
    if cells.len() >= MAX_COLUMNS {
        return Err(limit("MAX_COLUMNS", line, MAX_COLUMNS));
    }
    cells.push(cell.trim_matches(is_space).to_owned());
    cell.clear();
    Ok(())
}

/// Spaces a payroll cell may carry around its value: ASCII ones, the no-break space and the ideographic
/// (full-width) space.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}'
}

fn limit(which: &str, line: usize, max: usize) -> FileError {
    FileError::new(
        Code::LimitExceeded,
        format!("line {line}"),
        format!("第 {line} 行：超出读取上限 {which}（上限 {max}）：文件不读取"),
        format!("line {line}: exceeds the limit {which} (at most {max}): the file is not read"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<(usize, Vec<String>)> {
        parse(text)
            .map(|g| g.rows.into_iter().map(|r| (r.line, r.cells)).collect())
            .unwrap_or_default()
    }

    #[test]
    fn physical_lines_with_crlf_blank_lines_and_quoted_breaks() {
        let t = "a,b\r\n\r\n1,\"x\r\ny\"\r\n2,3\r\n";
        let got = lines(t);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].0, 1);
        assert_eq!(got[1], (3, vec!["1".to_owned(), "x\r\ny".to_owned()]));
        // The quoted break moved the next record to line 5.
        assert_eq!(got[2].0, 5);
        assert_eq!(lines("a\n\n\nb")[1].0, 4);
        assert_eq!(lines("a\rb\r")[1].0, 2);
        assert_eq!(lines("\"he said \"\"hi\"\"\",2")[0].1[0], "he said \"hi\"");
    }

    #[test]
    fn an_unterminated_quote_is_reported_where_it_opened() {
        let e = parse("a,b\n1,2\n3,\"oops\n4,5\n6,7\n").err();
        assert_eq!(
            e.map(|e| (e.code, e.field)),
            Some((
                Code::UnterminatedQuote.as_str().to_owned(),
                "line 3".to_owned()
            ))
        );
    }

    #[test]
    fn bounds() {
        let wide = vec!["x"; MAX_COLUMNS + 1].join(",");
        assert_eq!(
            parse(&wide).err().map(|e| e.code),
            Some(Code::LimitExceeded.as_str().to_owned())
        );
        let long = "y".repeat(MAX_CELL_CHARS + 1);
        assert_eq!(
            parse(&long).err().map(|e| e.code),
            Some(Code::LimitExceeded.as_str().to_owned())
        );
        assert!(parse(&"y".repeat(MAX_CELL_CHARS)).is_ok());
    }

    #[test]
    fn encodings() {
        // "农民" in GBK.
        let gbk = b"member_id,category\nDY1,\xC5\xA9\xC3\xF1\n";
        let (text, enc) = decode(gbk).unwrap_or_default_pair();
        assert_eq!(
            (text.as_str(), enc),
            ("member_id,category\nDY1,农民\n", Encoding::Gb18030)
        );
        let (_, enc) = decode(b"\xEF\xBB\xBFa,b").unwrap_or_default_pair();
        assert_eq!(enc, Encoding::Utf8Bom);
        // Not text at all: line 2 named.
        let e = decode(b"a\n\xFF\xFF\xFF\n").err();
        assert_eq!(e.map(|e| e.field), Some("line 2".to_owned()));
    }

    trait Pair {
        fn unwrap_or_default_pair(self) -> (String, Encoding);
    }
    impl Pair for Result<(String, Encoding), FileError> {
        fn unwrap_or_default_pair(self) -> (String, Encoding) {
            self.unwrap_or((String::new(), Encoding::Utf8))
        }
    }
}
