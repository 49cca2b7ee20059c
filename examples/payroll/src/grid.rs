//! The file as rows of trimmed text cells, format-blind: a CSV and the same payroll saved as .xlsx give
//! the same grid. Each row remembers where it is, so every message can name the CSV line or the cell.

use crate::zipscan::column_name;

/// A place as a Chinese reader says it: `line 7` → `第 7 行`, `2026年11月 row 7` → `2026年11月 第 7 行`; a
/// cell reference (`2026年11月!G5`) and any other text as they are. The places themselves (an error's
/// field, [`crate::MemberRow::place`]) stay in the English form: they are data, what a script matches;
/// only the Chinese messages (and the CLI's Chinese output) say them this way.
///
/// ```
/// use dangjian_payroll::place_zh;
/// assert_eq!(place_zh("line 7"), "第 7 行");
/// assert_eq!(place_zh("2026年11月 row 7"), "2026年11月 第 7 行");
/// assert_eq!(place_zh("2026年11月!G5"), "2026年11月!G5");
/// ```
pub fn place_zh(place: &str) -> String {
    if let Some(n) = place.strip_prefix("line ") {
        return format!("第 {n} 行");
    }
    match place.rsplit_once(" row ") {
        Some((sheet, n)) => format!("{sheet} 第 {n} 行"),
        None => place.to_owned(),
    }
}

/// A file's rows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Grid {
    /// The sheet's name, for workbooks (`None` for CSV).
    pub(crate) sheet: Option<String>,
    /// The 1-based column of the first cell of each row (workbooks start at their first used column).
    pub(crate) first_column: u64,
    /// The rows, blank CSV lines left out.
    pub(crate) rows: Vec<GridRow>,
}

/// One row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GridRow {
    /// The CSV line the record starts on, or the sheet's row number (1-based).
    pub(crate) line: usize,
    /// The cells, trimmed.
    pub(crate) cells: Vec<String>,
    /// Positions (0-based, within `cells`) of formula cells saved without a value.
    pub(crate) uncached: Vec<usize>,
}

impl GridRow {
    /// A row without formulas.
    pub(crate) fn plain(line: usize, cells: Vec<String>) -> Self {
        Self {
            line,
            cells,
            uncached: Vec::new(),
        }
    }

    /// Whether every cell is empty.
    pub(crate) fn is_blank(&self) -> bool {
        self.cells.iter().all(String::is_empty) && self.uncached.is_empty()
    }
}

impl Grid {
    /// A CSV file's grid.
    pub(crate) fn csv(rows: Vec<GridRow>) -> Self {
        Self {
            sheet: None,
            first_column: 1,
            rows,
        }
    }

    /// Where a row is: `line 7` in a CSV, `2026年11月!7` … written as `2026年11月 row 7` in a workbook.
    pub(crate) fn row_place(&self, line: usize) -> String {
        match &self.sheet {
            None => format!("line {line}"),
            Some(sheet) => format!("{sheet} row {line}"),
        }
    }

    /// Where a cell is: the CSV line, or the cell reference `2026年11月!G5`.
    pub(crate) fn cell_place(&self, line: usize, position: usize) -> String {
        match &self.sheet {
            None => format!("line {line}"),
            Some(sheet) => format!(
                "{sheet}!{}{line}",
                column_name(self.first_column.saturating_add(position as u64))
            ),
        }
    }
}
