//! Reading a roster file into rows of text cells that remember their line number.
//!
//! Two formats, told apart by the file's extension: `.xlsx` (the first sheet) and CSV (anything else;
//! UTF-8, with or without the byte-order mark Excel writes). Both come out the same way — text cells,
//! trimmed — so everything after this module is format-blind and an `.xlsx` gives exactly what the same
//! roster saved as CSV gives. Judging the cells is not done here: see `rows.rs`.

use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveTime;
use rust_decimal::Decimal;

use crate::error::CliError;

/// One row of the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    /// Where the row is in the file, 1-based: the CSV line it starts on, or the sheet's row number —
    /// the number a user sees in a text editor or in Excel's margin.
    pub(crate) line: usize,
    /// The cells as trimmed text, in column order.
    pub(crate) cells: Vec<String>,
}

impl Row {
    /// Whether every cell is empty (such rows carry no member and are dropped).
    fn is_blank(&self) -> bool {
        self.cells.iter().all(String::is_empty)
    }
}

/// A roster as read: the header row and the data rows, blank rows dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sheet {
    /// The first non-blank row.
    pub(crate) header: Row,
    /// Every non-blank row after it.
    pub(crate) rows: Vec<Row>,
}

/// Reads the roster at `path`: `.xlsx` by its first sheet, anything else as CSV.
pub(crate) fn read(path: &Path) -> Result<Sheet, CliError> {
    let shown = path.display();
    let rows = match extension(path).as_str() {
        "xlsx" => read_xlsx(path)?,
        // calamine could open these too, but only .xlsx is tested: say so rather than half-support them.
        "xls" | "xlsm" | "xlsb" | "ods" | "numbers" => {
            return Err(CliError::input(format!(
                "{shown}: only .xlsx workbooks and CSV files are read; save the roster as .xlsx or as \"CSV UTF-8\""
            )))
        }
        _ => read_csv(path)?,
    };
    let mut rows = rows.into_iter().filter(|r| !r.is_blank());
    let header = rows.next().ok_or_else(|| {
        CliError::input(format!(
            "{shown}: the roster is empty: expected a header row (member_id, category, …)"
        ))
    })?;
    Ok(Sheet {
        header,
        rows: rows.collect(),
    })
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase()
}

fn read_csv(path: &Path) -> Result<Vec<Row>, CliError> {
    let shown = path.display();
    let bytes =
        std::fs::read(path).map_err(|e| CliError::input(format!("{shown}: cannot read: {e}")))?;
    // Excel's "CSV UTF-8" starts the file with a byte-order mark; it is not part of the first column's name.
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if let Err(e) = std::str::from_utf8(text) {
        let line = 1 + text
            .iter()
            .take(e.valid_up_to())
            .filter(|b| **b == b'\n')
            .count();
        // The usual cause in China: Excel's plain "CSV" is written in the system code page (GBK).
        return Err(CliError::input(format!(
            "{shown}: line {line}: the file is not UTF-8 text (Excel's plain \"CSV\" on a Chinese system is GBK); \
             save it as \"CSV UTF-8 (逗号分隔)\" or as .xlsx"
        )));
    }
    // `flexible`: a row with a different number of cells is the row's problem (reported with its line),
    // not a reason to stop reading the file.
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| CliError::input(format!("{shown}: {e}")))?;
        let line = record
            .position()
            .and_then(|p| usize::try_from(p.line()).ok())
            .unwrap_or(0);
        rows.push(Row {
            line,
            cells: record.iter().map(|c| c.trim().to_owned()).collect(),
        });
    }
    Ok(rows)
}

fn read_xlsx(path: &Path) -> Result<Vec<Row>, CliError> {
    let shown = path.display();
    let mut book: Xlsx<_> = calamine::open_workbook(path)
        .map_err(|e| CliError::input(format!("{shown}: cannot open the workbook: {e}")))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| CliError::input(format!("{shown}: the workbook has no sheet")))?
        .map_err(|e| CliError::input(format!("{shown}: cannot read the first sheet: {e}")))?;
    // The range starts at the first used cell: offset by it so lines are the sheet's own row numbers.
    let first_row = range
        .start()
        .and_then(|(row, _)| usize::try_from(row).ok())
        .unwrap_or(0);
    Ok(range
        .rows()
        .enumerate()
        .map(|(i, cells)| Row {
            line: first_row + i + 1,
            cells: cells.iter().map(cell_text).collect(),
        })
        .collect())
}

/// A cell as the text the same roster saved as CSV would hold.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_owned(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(dt) => match dt.as_datetime() {
            // A date cell (admitted_on) becomes YYYY-MM-DD; with a time of day it keeps it, and the date
            // parser then rejects it rather than silently dropping the time.
            Some(at) if dt.is_datetime() && at.time() == NaiveTime::MIN => {
                at.date().format("%Y-%m-%d").to_string()
            }
            Some(at) if dt.is_datetime() => at.format("%Y-%m-%d %H:%M:%S").to_string(),
            _ => number_text(dt.as_f64()),
        },
        Data::Error(e) => e.to_string(),
    }
}

/// A number cell as decimal text, to the 15 significant digits Excel itself keeps and shows.
///
/// Excel stores numbers as binary doubles; a sum such as `=1234.56+100.1` is written to the file as
/// `1334.6599999999999`. Rounding to 15 significant digits gives back `1334.66`, the value the user saw —
/// while a cell that really holds three decimals (`4200.555`) keeps them and is rejected later.
fn number_text(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    Decimal::from_scientific(&format!("{f:.14e}"))
        .map(|d| d.normalize().to_string())
        // Beyond Decimal's range: leave the digits to be rejected as an amount later.
        .unwrap_or_else(|_| f.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_excel_shows_them() {
        assert_eq!(number_text(1234.56 + 100.1), "1334.66");
        assert_eq!(number_text(5000.0), "5000");
        assert_eq!(number_text(5000.01), "5000.01");
        assert_eq!(number_text(4200.555), "4200.555");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(2026001.0), "2026001");
        assert_eq!(number_text(-120.5), "-120.5");
        assert_eq!(number_text(0.0), "0");
        assert_eq!(number_text(1e-5), "0.00001");
    }

    #[test]
    fn cells_as_text() {
        assert_eq!(cell_text(&Data::Empty), "");
        assert_eq!(cell_text(&Data::String("  DY2026001 ".into())), "DY2026001");
        assert_eq!(cell_text(&Data::Int(42)), "42");
        assert_eq!(cell_text(&Data::Bool(true)), "TRUE");
    }
}
