//! The bound checks of a zipped workbook (.xlsx, .ods), run before calamine opens it.
//!
//! Every entry is decompressed through a counting reader that stops at [`MAX_ENTRY_BYTES`] (whatever size
//! the entry declares), and its XML is streamed — nothing is kept but a few counters — to find what calamine
//! would allocate from: the sheet's declared `dimension`, the area spanned by its cell references (a stray
//! cell at ZZ200000 makes a grid of 140 million cells), the number of cells, the shared-string count the
//! workbook declares (`uniqueCount`, reserved up front) and holds, and for .ods the repeated rows and
//! columns. Malformed references (`A0`, `XFE1`, `1A`) are refused too: calamine's arithmetic on them is
//! where the other huge allocations came from.

use dangjian::codes::Code;
use std::io::{BufReader, Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::limits::{
    MAX_CELLS, MAX_COLUMN, MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_ROW, MAX_SHARED_STRINGS,
    MAX_TOTAL_BYTES,
};
use crate::FileError;

/// Checks the workbook's zip entries against the limits.
pub(crate) fn check(bytes: &[u8]) -> Result<(), FileError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        FileError::new(
            Code::NotAWorkbook,
            "",
            format!("无法打开工作簿（不是有效的 zip 文件）：{e}"),
            format!("cannot open the workbook (not a valid zip file): {e}"),
        )
    })?;
    if archive.len() > MAX_ENTRIES {
        return Err(limit(
            "MAX_ENTRIES",
            "",
            MAX_ENTRIES as u64,
            archive.len() as u64,
        ));
    }
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let entry = archive.by_index(index).map_err(|e| {
            FileError::new(
                Code::NotAWorkbook,
                "",
                format!("工作簿的第 {index} 个条目无法读取：{e}"),
                format!("entry {index} of the workbook cannot be read: {e}"),
            )
        })?;
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let budget = MAX_ENTRY_BYTES.min(MAX_TOTAL_BYTES.saturating_sub(total));
        let mut counted = Counted {
            inner: entry,
            read: 0,
            budget,
        };
        if name.ends_with(".xml") {
            let mut scan = Scan::new(&name);
            scan.run(&mut counted)?;
        } else {
            std::io::copy(&mut counted, &mut std::io::sink()).map_err(|e| io_problem(&name, &e))?;
        }
        if counted.read > budget {
            let (which, max) = if budget == MAX_ENTRY_BYTES {
                ("MAX_ENTRY_BYTES", MAX_ENTRY_BYTES)
            } else {
                ("MAX_TOTAL_BYTES", MAX_TOTAL_BYTES)
            };
            return Err(limit(which, &name, max, counted.read));
        }
        total = total.saturating_add(counted.read);
    }
    Ok(())
}

/// A reader that counts and stops one byte past its budget (so "over" is seen without reading on).
struct Counted<R> {
    inner: R,
    read: u64,
    budget: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.read > self.budget {
            return Ok(0);
        }
        let room = usize::try_from(self.budget.saturating_sub(self.read).saturating_add(1))
            .unwrap_or(usize::MAX)
            .min(buf.len());
        let n = self.inner.read(buf.get_mut(..room).unwrap_or_default())?;
        self.read = self.read.saturating_add(n as u64);
        Ok(n)
    }
}

/// What one XML entry declares and holds, counted as it streams by.
struct Scan<'a> {
    entry: &'a str,
    /// The span of the cells seen so far: (min row, max row, min column, max column), 1-based.
    span: Option<(u64, u64, u64, u64)>,
    cells: u64,
    strings: u64,
    /// The row and column of the last cell, for cells written without a reference.
    row: u64,
    column: u64,
}

impl<'a> Scan<'a> {
    fn new(entry: &'a str) -> Self {
        Self {
            entry,
            span: None,
            cells: 0,
            strings: 0,
            row: 0,
            column: 0,
        }
    }

    fn run<R: Read>(&mut self, input: &mut Counted<R>) -> Result<(), FileError> {
        let mut reader = Reader::from_reader(BufReader::new(input));
        let mut buf = Vec::new();
        loop {
            let event = match reader.read_event_into(&mut buf) {
                Ok(event) => event,
                // Malformed XML, or the counting reader's stop: calamine reports the former itself, and the
                // latter is seen by the caller from the count.
                Err(_) => return Ok(()),
            };
            match event {
                Event::Eof => return Ok(()),
                Event::Start(e) | Event::Empty(e) => self.element(&e)?,
                _ => {}
            }
            buf.clear();
        }
    }

    fn element(&mut self, e: &BytesStart<'_>) -> Result<(), FileError> {
        match e.local_name().as_ref() {
            "dimension" => {
                if let Some(reference) = attr(e, "ref") {
                    let (first, last) = reference
                        .split_once(':')
                        .unwrap_or((&reference, &reference));
                    let (r1, c1) = self.cell_ref(first)?;
                    let (r2, c2) = self.cell_ref(last)?;
                    let area = area(r1, r2, c1, c2);
                    if area > MAX_CELLS {
                        return Err(limit("MAX_CELLS (dimension)", self.entry, MAX_CELLS, area));
                    }
                }
            }
            "row" => {
                if let Some(r) = attr(e, "r") {
                    self.row = parse_row(&r).ok_or_else(|| self.bad_reference(&r))?;
                } else {
                    self.row = self.row.saturating_add(1);
                }
                self.column = 0;
            }
            "c" => self.xlsx_cell(e)?,
            "sst" => {
                for key in ["uniqueCount", "count"] {
                    let declared = attr(e, key)
                        .and_then(|v| v.parse::<u64>().ok())
                        .unwrap_or(0);
                    if declared > MAX_SHARED_STRINGS {
                        return Err(limit(
                            "MAX_SHARED_STRINGS",
                            self.entry,
                            MAX_SHARED_STRINGS,
                            declared,
                        ));
                    }
                }
            }
            "si" => {
                self.strings = self.strings.saturating_add(1);
                if self.strings > MAX_SHARED_STRINGS {
                    return Err(limit(
                        "MAX_SHARED_STRINGS",
                        self.entry,
                        MAX_SHARED_STRINGS,
                        self.strings,
                    ));
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn xlsx_cell(&mut self, e: &BytesStart<'_>) -> Result<(), FileError> {
        let (row, column) = match attr(e, "r") {
            Some(r) => self.cell_ref(&r)?,
            None => (self.row.max(1), self.column.saturating_add(1)),
        };
        if column > MAX_COLUMN || row > MAX_ROW {
            return Err(self.bad_reference(&format!("row {row}, column {column}")));
        }
        self.row = row;
        self.column = column;
        self.cells = self.cells.saturating_add(1);
        if self.cells > MAX_CELLS {
            return Err(limit("MAX_CELLS", self.entry, MAX_CELLS, self.cells));
        }
        let span = match self.span {
            None => (row, row, column, column),
            Some((r1, r2, c1, c2)) => (r1.min(row), r2.max(row), c1.min(column), c2.max(column)),
        };
        self.span = Some(span);
        let (r1, r2, c1, c2) = span;
        let area = area(r1, r2, c1, c2);
        if area > MAX_CELLS {
            let far = column_name(column);
            return Err(limit(
                &format!("MAX_CELLS (cells span to {far}{row})"),
                self.entry,
                MAX_CELLS,
                area,
            ));
        }
        Ok(())
    }

    fn cell_ref(&self, text: &str) -> Result<(u64, u64), FileError> {
        parse_cell(text).ok_or_else(|| self.bad_reference(text))
    }

    fn bad_reference(&self, text: &str) -> FileError {
        FileError::new(
            Code::BadCellReference,
            self.entry,
            format!(
                "{}：单元格引用无效：{text}（行 1–{MAX_ROW}，列 A–XFD）",
                self.entry
            ),
            format!(
                "{}: a malformed cell reference: {text} (rows 1–{MAX_ROW}, columns A–XFD)",
                self.entry
            ),
        )
    }
}

/// The cells of an .ods file are checked by [`check_ods`]; .xlsx cells one by one in [`Scan`].
pub(crate) fn check_ods(bytes: &[u8]) -> Result<(), FileError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        FileError::new(
            Code::NotAWorkbook,
            "",
            format!("无法打开工作簿：{e}"),
            format!("cannot open the workbook: {e}"),
        )
    })?;
    let Ok(entry) = archive.by_name("content.xml") else {
        return Ok(());
    };
    let mut counted = Counted {
        inner: entry,
        read: 0,
        budget: MAX_ENTRY_BYTES,
    };
    let mut reader = Reader::from_reader(BufReader::new(&mut counted));
    let mut buf = Vec::new();
    let mut grid = OdsGrid::default();
    // Malformed XML ends the scan: calamine reports it itself.
    while let Ok(event) = reader.read_event_into(&mut buf) {
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => grid.element(&e)?,
            Event::End(e) if e.local_name().as_ref() == "table-row" => grid.end_row()?,
            Event::End(e) if e.local_name().as_ref() == "table" => grid = OdsGrid::default(),
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

/// One .ods table as calamine will lay it out: the first and last rows and the widest column holding a
/// value, repeats expanded.
#[derive(Default)]
struct OdsGrid {
    row: u64,
    row_repeats: u64,
    column: u64,
    row_width: u64,
    first: Option<u64>,
    last: u64,
    width: u64,
}

impl OdsGrid {
    fn element(&mut self, e: &BytesStart<'_>) -> Result<(), FileError> {
        match e.local_name().as_ref() {
            "table-row" => {
                self.row_repeats = repeat(e, "table:number-rows-repeated")?;
                self.column = 0;
                self.row_width = 0;
            }
            "table-cell" | "covered-table-cell" => {
                let repeats = repeat(e, "table:number-columns-repeated")?;
                self.column = self.column.saturating_add(repeats);
                let has_value = e.attributes().flatten().any(|a| {
                    let key = a.key.as_ref();
                    key == "office:value-type" || key == "table:formula"
                });
                if has_value {
                    self.row_width = self.column.min(MAX_COLUMN);
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn end_row(&mut self) -> Result<(), FileError> {
        let repeats = self.row_repeats.max(1);
        if self.row_width > 0 {
            self.first.get_or_insert(self.row.saturating_add(1));
            self.last = self.row.saturating_add(repeats);
            self.width = self.width.max(self.row_width);
            let rows = self
                .last
                .saturating_sub(self.first.unwrap_or(1))
                .saturating_add(1);
            let area = rows.saturating_mul(self.width);
            if area > MAX_CELLS {
                return Err(limit("MAX_CELLS", "content.xml", MAX_CELLS, area));
            }
        }
        self.row = self.row.saturating_add(repeats);
        Ok(())
    }
}

fn repeat(e: &BytesStart<'_>, key: &str) -> Result<u64, FileError> {
    match attr(e, key) {
        None => Ok(1),
        Some(v) => v.parse::<u64>().ok().filter(|n| *n >= 1).ok_or_else(|| {
            FileError::new(
                Code::BadCellReference,
                "content.xml",
                format!("content.xml：重复次数无效：{v}"),
                format!("content.xml: a malformed repeat count: {v}"),
            )
        }),
    }
}

fn area(r1: u64, r2: u64, c1: u64, c2: u64) -> u64 {
    (r2.saturating_sub(r1).saturating_add(1))
        .saturating_mul(c2.saturating_sub(c1).saturating_add(1))
}

fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| a.value.into_owned())
}

/// `G5` → (5, 7); `$G$5` too. Rows 1..=1 048 576, columns A..=XFD; anything else is `None`.
pub(crate) fn parse_cell(text: &str) -> Option<(u64, u64)> {
    let text = text.replace('$', "");
    let split = text.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = text.split_at(split);
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut column: u64 = 0;
    for b in letters.bytes() {
        if !b.is_ascii_alphabetic() {
            return None;
        }
        column = column * 26 + u64::from(b.to_ascii_uppercase() - b'A') + 1;
    }
    let row = parse_row(digits)?;
    (column <= MAX_COLUMN).then_some((row, column))
}

fn parse_row(digits: &str) -> Option<u64> {
    if digits.is_empty() || digits.len() > 7 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits
        .parse::<u64>()
        .ok()
        .filter(|r| (1..=MAX_ROW).contains(r))
}

/// 1 → `A`, 27 → `AA`, 702 → `ZZ`.
pub(crate) fn column_name(mut column: u64) -> String {
    let mut letters = Vec::new();
    while column > 0 {
        let rem = (column - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        column = (column - 1) / 26;
    }
    letters.iter().rev().collect()
}

fn limit(which: &str, entry: &str, max: u64, found: u64) -> FileError {
    let (place, place_zh) = if entry.is_empty() {
        (String::new(), String::new())
    } else {
        (format!("{entry}: "), format!("{entry}："))
    };
    FileError::new(
        Code::LimitExceeded,
        which,
        format!("{place_zh}工作簿超出读取上限 {which}（上限 {max}，文件声明或含有 {found}）：不读取；如确为工资表，请删去多余的行列后另存"),
        format!("{place}the workbook exceeds the limit {which} (at most {max}; the file declares or holds {found}): not read; if it is a real payroll, delete the stray rows and columns and save it again"),
    )
}

fn io_problem(entry: &str, e: &std::io::Error) -> FileError {
    FileError::new(
        Code::NotAWorkbook,
        entry,
        format!("{entry}：无法解压：{e}"),
        format!("{entry}: cannot be decompressed: {e}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references() {
        assert_eq!(parse_cell("A1"), Some((1, 1)));
        assert_eq!(parse_cell("$G$5"), Some((5, 7)));
        assert_eq!(parse_cell("ZZ200000"), Some((200_000, 702)));
        assert_eq!(parse_cell("XFD1048576"), Some((1_048_576, 16_384)));
        for bad in [
            "A0", "XFE1", "1A", "A", "", "AAAA1", "A1048577", "A-1", "中1",
        ] {
            assert_eq!(parse_cell(bad), None, "{bad}");
        }
        assert_eq!(column_name(1), "A");
        assert_eq!(column_name(27), "AA");
        assert_eq!(column_name(702), "ZZ");
        assert_eq!(column_name(16_384), "XFD");
    }

    #[test]
    fn the_counting_reader_stops_one_byte_past_its_budget() {
        // A highly compressed entry is bounded by what it decompresses to, not by what it declares.
        let source = std::io::repeat(b' ');
        let mut counted = Counted {
            inner: source,
            read: 0,
            budget: 1000,
        };
        let n = std::io::copy(&mut counted, &mut std::io::sink()).unwrap_or_default();
        assert_eq!((n, counted.read), (1001, 1001));
    }
}
