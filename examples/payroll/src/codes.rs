//! The codes the reader gives, beside the core's own (NEGATIVE_AMOUNT, AMOUNT_TOO_LARGE, INVALID_DATE …,
//! which pass through unchanged). Stable `SCREAMING_SNAKE` strings, shown with a zh-CN and an English
//! message.

/// A file-level bound (`limits.rs`) is exceeded: the file is not read.
pub const LIMIT_EXCEEDED: &str = "LIMIT_EXCEEDED";
/// A workbook cell or dimension reference is malformed (`A0`, `XFE1`, `1A`).
pub const BAD_CELL_REFERENCE: &str = "BAD_CELL_REFERENCE";
/// The file is a zip or compound file that cannot be opened as a workbook.
pub const NOT_A_WORKBOOK: &str = "NOT_A_WORKBOOK";
/// The file is neither UTF-8 nor GB18030 text.
pub const NOT_TEXT: &str = "NOT_TEXT";
/// A CSV quote opened and never closed.
pub const UNTERMINATED_QUOTE: &str = "UNTERMINATED_QUOTE";
/// The file has no row at all, or no header row.
pub const EMPTY_FILE: &str = "EMPTY_FILE";
/// `--sheet` names no sheet of the workbook.
pub const NO_SUCH_SHEET: &str = "NO_SUCH_SHEET";
/// A header the table does not know, not mapped nor ignored.
pub const UNKNOWN_COLUMN: &str = "UNKNOWN_COLUMN";
/// A header used for different things (绩效工资): `--map` it.
pub const AMBIGUOUS_COLUMN: &str = "AMBIGUOUS_COLUMN";
/// Two columns for the same one-valued field (two id columns), or one header twice.
pub const DUPLICATE_COLUMN: &str = "DUPLICATE_COLUMN";
/// A required column (the member id; the category unless `--category`) is missing.
pub const MISSING_COLUMN: &str = "MISSING_COLUMN";
/// A `--map`, `--ignore` or `--category`/`--employer-type` value that cannot be used.
pub const BAD_OPTION: &str = "BAD_OPTION";
/// A cell is not an amount.
pub const NOT_A_NUMBER: &str = "NOT_A_NUMBER";
/// An amount with more than two decimals.
pub const TOO_MANY_DECIMALS: &str = "TOO_MANY_DECIMALS";
/// A formula saved without its value.
pub const UNCACHED_FORMULA: &str = "UNCACHED_FORMULA";
/// An unknown category value.
pub const UNKNOWN_CATEGORY: &str = "UNKNOWN_CATEGORY";
/// An unknown employer-type value.
pub const UNKNOWN_EMPLOYER_TYPE: &str = "UNKNOWN_EMPLOYER_TYPE";
/// No category in the row and no `--category`.
pub const MISSING_CATEGORY: &str = "MISSING_CATEGORY";
/// A value in a column past the header's last one.
pub const TOO_MANY_CELLS: &str = "TOO_MANY_CELLS";
/// A value under an empty header cell.
pub const VALUE_WITHOUT_COLUMN: &str = "VALUE_WITHOUT_COLUMN";
/// Finding: the category contradicts the row's items (retired with salary and no pension; employed with
/// only a pension).
pub const CATEGORY_CONTRADICTS_ITEMS: &str = "CATEGORY_CONTRADICTS_ITEMS";
/// Warning: a totals row differs from the sum of the members' cells of a column.
pub const TOTALS_MISMATCH: &str = "TOTALS_MISMATCH";
