//! Workbooks (.xlsx, .xls, .ods) through calamine, after the bound checks, into a [`Grid`].
//!
//! The format is told by the file's first bytes, not its name: HR systems often save an .xlsx under a
//! `.xls` name. A formula cell saved without its value (openpyxl and some exporters write such files) reads
//! as empty in calamine; it is found from the sheet's formulas and marked, so the row is refused naming the
//! cell instead of being assessed on a smaller base.

use dangjian::codes::Code;
use std::io::Cursor;

use calamine::{Data, Ods, Range, Reader, Xls, Xlsx};
use chrono::NaiveTime;
use rust_decimal::Decimal;

use crate::grid::{Grid, GridRow};
use crate::limits::{MAX_CELLS, MAX_COLUMNS, MAX_ROWS};
use crate::{zipscan, FileError, SheetChoice};

/// The workbook formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Office Open XML (.xlsx, .xlsm).
    Xlsx,
    /// OpenDocument (.ods).
    Ods,
    /// Excel 97–2003 (.xls).
    Xls,
}

/// The workbook kind by the file's first bytes, or `None` for text.
pub(crate) fn kind(bytes: &[u8]) -> Option<Kind> {
    if bytes.starts_with(b"PK\x03\x04") {
        // An OpenDocument file names its type in its first entry, stored uncompressed.
        let head = bytes.get(..200).unwrap_or(bytes);
        let ods = head
            .windows(b"opendocument.spreadsheet".len())
            .any(|w| w == b"opendocument.spreadsheet");
        Some(if ods { Kind::Ods } else { Kind::Xlsx })
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Some(Kind::Xls)
    } else {
        None
    }
}

/// What a workbook read gives: the chosen sheet's grid, and the sheet names (said on stderr).
pub(crate) struct Sheet {
    pub(crate) grid: Grid,
    pub(crate) index: usize,
    pub(crate) names: Vec<String>,
}

/// Reads the chosen sheet (by default the first) of the workbook in `bytes`.
pub(crate) fn read(
    bytes: &[u8],
    kind: Kind,
    choice: Option<&SheetChoice>,
) -> Result<Sheet, FileError> {
    match kind {
        Kind::Xlsx => {
            zipscan::check(bytes)?;
            let book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(cannot_open)?;
            read_book(book, choice)
        }
        Kind::Ods => {
            zipscan::check(bytes)?;
            zipscan::check_ods(bytes)?;
            let book: Ods<_> = Ods::new(Cursor::new(bytes)).map_err(cannot_open)?;
            read_book(book, choice)
        }
        Kind::Xls => {
            check_xls_dimensions(bytes)?;
            let book: Xls<_> = Xls::new(Cursor::new(bytes)).map_err(cannot_open)?;
            read_book(book, choice)
        }
    }
}

fn read_book<R, B>(mut book: B, choice: Option<&SheetChoice>) -> Result<Sheet, FileError>
where
    R: std::io::Read + std::io::Seek,
    B: Reader<R>,
    B::Error: std::fmt::Display,
{
    let names = book.sheet_names();
    let index = pick(&names, choice)?;
    let name = names.get(index).cloned().unwrap_or_default();
    let values = book.worksheet_range(&name).map_err(|e| {
        FileError::new(
            Code::NotAWorkbook,
            name.as_str(),
            format!("无法读取工作表“{name}”：{e}"),
            format!("cannot read the sheet `{name}`: {e}"),
        )
    })?;
    // A sheet whose formulas cannot be read is read without that check (an .xls without formulas).
    let formulas = book.worksheet_formula(&name).ok();
    let grid = to_grid(&name, &values, formulas.as_ref())?;
    Ok(Sheet { grid, index, names })
}

/// The sheet asked for: by name first, then (a number) by its position from 1.
fn pick(names: &[String], choice: Option<&SheetChoice>) -> Result<usize, FileError> {
    let found = match choice {
        None => (!names.is_empty()).then_some(0),
        Some(SheetChoice::Name(name)) => names.iter().position(|n| n == name).or_else(|| {
            name.parse::<usize>()
                .ok()
                .filter(|n| (1..=names.len()).contains(n))
                .map(|n| n - 1)
        }),
    };
    found.ok_or_else(|| {
        let asked = match choice {
            Some(SheetChoice::Name(name)) => name.clone(),
            None => "1".to_owned(),
        };
        FileError::new(
            Code::NoSuchSheet,
            "--sheet",
            format!("没有工作表“{asked}”；工作簿中有：{}", names.join("、")),
            format!(
                "no sheet `{asked}`; the workbook has: {} (choose with --sheet NAME or --sheet N)",
                names.join(", ")
            ),
        )
    })
}

fn to_grid(
    name: &str,
    values: &Range<Data>,
    formulas: Option<&Range<String>>,
) -> Result<Grid, FileError> {
    let (first_row, first_column) = values.start().unwrap_or((0, 0));
    let (width, height) = (values.width(), values.height());
    if width.saturating_mul(height) as u64 > MAX_CELLS || width > MAX_COLUMNS || height > MAX_ROWS {
        return Err(FileError::new(
            Code::LimitExceeded,
            name,
            format!("工作表“{name}”超出读取上限（{height} 行 × {width} 列）"),
            format!("the sheet `{name}` exceeds the limits ({height} rows × {width} columns)"),
        ));
    }
    let mut rows = Vec::with_capacity(height);
    for (i, cells) in values.rows().enumerate() {
        let row = first_row.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
        let mut uncached = Vec::new();
        if let Some(formulas) = formulas {
            for (position, cell) in cells.iter().enumerate() {
                let column =
                    first_column.saturating_add(u32::try_from(position).unwrap_or(u32::MAX));
                let has_formula = formulas
                    .get_value((row, column))
                    .is_some_and(|f| !f.is_empty());
                if has_formula && matches!(cell, Data::Empty) {
                    uncached.push(position);
                }
            }
        }
        rows.push(GridRow {
            line: usize::try_from(row).unwrap_or(usize::MAX).saturating_add(1),
            cells: cells.iter().map(cell_text).collect(),
            uncached,
        });
    }
    Ok(Grid {
        sheet: Some(name.to_owned()),
        first_column: u64::from(first_column) + 1,
        rows,
    })
}

/// A cell as the text the same payroll saved as CSV would hold.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
            s.trim_matches(crate::csvtext::is_space).to_owned()
        }
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
        Data::Error(e) => format!("#{e}"),
    }
}

/// A number cell as decimal text, to the 15 significant digits Excel itself keeps and shows.
///
/// Excel stores numbers as binary doubles; a sum such as `=1234.56+100.1` is written to the file as
/// `1334.6599999999999`. Rounding to 15 significant digits gives back `1334.66`, the value the user saw —
/// while a cell that really holds three decimals (`4200.555`) keeps them and is rejected later.
pub(crate) fn number_text(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    Decimal::from_scientific(&format!("{f:.14e}"))
        .map(|d| d.normalize().to_string())
        // Beyond Decimal's range: leave the digits to be rejected as an amount later.
        .unwrap_or_else(|_| f.to_string())
}

/// .xls: the DIMENSIONS records (BIFF 0x0200) found in the file's bytes, each checked against
/// [`MAX_CELLS`] — calamine reserves rows × columns cells from them. A scan of the raw bytes, not of the
/// compound file's streams: a record split across two sectors is not seen (see the crate's docs).
fn check_xls_dimensions(bytes: &[u8]) -> Result<(), FileError> {
    for (at, window) in bytes.windows(4).enumerate() {
        let len = match window {
            [0x00, 0x02, 0x0E | 0x10, 0x00] => 14,
            [0x00, 0x02, 0x0A, 0x00] => 10,
            _ => continue,
        };
        let Some(r) = bytes.get(at + 4..at + 4 + len) else {
            continue;
        };
        let u16_at = |i: usize| {
            u64::from(u16::from_le_bytes([
                r.get(i).copied().unwrap_or(0),
                r.get(i + 1).copied().unwrap_or(0),
            ]))
        };
        let u32_at = |i: usize| u16_at(i) | (u16_at(i + 2) << 16);
        let (first_row, last_row, first_col, last_col) = if len == 14 {
            (u32_at(0), u32_at(4), u16_at(8), u16_at(10))
        } else {
            (u16_at(0), u16_at(2), u16_at(4), u16_at(6))
        };
        let first_col = if first_col > 0xFF || last_col < first_col {
            0
        } else {
            first_col
        };
        let area = last_row
            .saturating_sub(first_row)
            .saturating_add(1)
            .saturating_mul(last_col.saturating_sub(first_col).saturating_add(1));
        if area > MAX_CELLS {
            return Err(FileError::new(
                Code::LimitExceeded,
                "MAX_CELLS (dimension)",
                format!("工作簿声明的表格区域超出读取上限 MAX_CELLS（上限 {MAX_CELLS}，声明 {area}）：不读取"),
                format!("the workbook declares a sheet area over the limit MAX_CELLS (at most {MAX_CELLS}; declared {area}): not read"),
            ));
        }
    }
    Ok(())
}

fn cannot_open(e: impl std::fmt::Display) -> FileError {
    FileError::new(
        Code::NotAWorkbook,
        "",
        format!("无法打开工作簿：{e}；请在 Excel 中打开并另存为 .xlsx"),
        format!("cannot open the workbook: {e}; open it in Excel and save it as .xlsx"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_excel_shows_them() {
        assert_eq!(number_text(1234.56 + 100.1), "1334.66");
        assert_eq!(number_text(5000.0), "5000");
        assert_eq!(number_text(4200.555), "4200.555");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(0.0), "0");
    }

    #[test]
    fn cells_as_text() {
        assert_eq!(cell_text(&Data::Empty), "");
        assert_eq!(cell_text(&Data::String("  DY2026001 ".into())), "DY2026001");
        assert_eq!(cell_text(&Data::Int(42)), "42");
    }

    #[test]
    fn kinds_by_content() {
        assert_eq!(kind(b"PK\x03\x04rest"), Some(Kind::Xlsx));
        assert_eq!(
            kind(b"PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.spreadsheet"),
            Some(Kind::Ods)
        );
        assert_eq!(kind(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), Some(Kind::Xls));
        assert_eq!(kind(b"a,b\n"), None);
    }

    #[test]
    fn a_huge_xls_dimension_is_refused() {
        let mut bytes = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        bytes.extend_from_slice(&[0x00, 0x02, 0x0E, 0x00]);
        bytes.extend_from_slice(&0u32.to_le_bytes());
        bytes.extend_from_slice(&0x00FF_FFFFu32.to_le_bytes());
        bytes.extend_from_slice(&[0, 0, 0xFF, 0, 0, 0]);
        assert_eq!(
            check_xls_dimensions(&bytes).err().map(|e| e.code),
            Some(Code::LimitExceeded.as_str().to_owned())
        );
    }
}
