//! The codes the reader gives, beside the core's own (NEGATIVE_AMOUNT, AMOUNT_TOO_LARGE, INVALID_DATE …,
//! which pass through unchanged). Every one is declared in the core's registry (`dangjian::codes::Code`,
//! area `surface`), which the reader uses itself; these constants are its text, kept for callers that hand
//! a code on as a string (the wasm package's option reader), and made from the registry so they cannot
//! drift from it.
//!
//! ```
//! use dangjian::codes::Code;
//! assert_eq!(dangjian_payroll::codes::BAD_OPTION, Code::BadOption.as_str());
//! assert_eq!(dangjian_payroll::codes::BAD_OPTION, "BAD_OPTION");
//! ```

use dangjian::codes::Code;

/// A file-level bound (`limits.rs`) is exceeded: the file is not read.
pub const LIMIT_EXCEEDED: &str = Code::LimitExceeded.as_str();
/// A workbook cell or dimension reference is malformed (`A0`, `XFE1`, `1A`).
pub const BAD_CELL_REFERENCE: &str = Code::BadCellReference.as_str();
/// The file is a zip or compound file that cannot be opened as a workbook.
pub const NOT_A_WORKBOOK: &str = Code::NotAWorkbook.as_str();
/// The file is neither UTF-8 nor GB18030 text.
pub const NOT_TEXT: &str = Code::NotText.as_str();
/// A CSV quote opened and never closed.
pub const UNTERMINATED_QUOTE: &str = Code::UnterminatedQuote.as_str();
/// The file has no row at all, or no header row.
pub const EMPTY_FILE: &str = Code::EmptyFile.as_str();
/// `--sheet` names no sheet of the workbook.
pub const NO_SUCH_SHEET: &str = Code::NoSuchSheet.as_str();
/// A header the table does not know, not mapped nor ignored.
pub const UNKNOWN_COLUMN: &str = Code::UnknownColumn.as_str();
/// A header used for different things (绩效工资): `--map` it.
pub const AMBIGUOUS_COLUMN: &str = Code::AmbiguousColumn.as_str();
/// Two columns for the same one-valued field (two id columns), or one header twice.
pub const DUPLICATE_COLUMN: &str = Code::DuplicateColumn.as_str();
/// A required column (the member id; the category unless `--category`) is missing.
pub const MISSING_COLUMN: &str = Code::MissingColumn.as_str();
/// A `--map`, `--ignore` or `--category`/`--employer-type` value that cannot be used.
pub const BAD_OPTION: &str = Code::BadOption.as_str();
/// A cell is not an amount.
pub const NOT_A_NUMBER: &str = Code::NotANumber.as_str();
/// An amount with more than two decimals.
pub const TOO_MANY_DECIMALS: &str = Code::TooManyDecimals.as_str();
/// A formula saved without its value.
pub const UNCACHED_FORMULA: &str = Code::UncachedFormula.as_str();
/// An unknown category value.
pub const UNKNOWN_CATEGORY: &str = Code::UnknownCategory.as_str();
/// An unknown employer-type value.
pub const UNKNOWN_EMPLOYER_TYPE: &str = Code::UnknownEmployerType.as_str();
/// No category in the row and no `--category`.
pub const MISSING_CATEGORY: &str = Code::MissingCategory.as_str();
/// A value in a column past the header's last one.
pub const TOO_MANY_CELLS: &str = Code::TooManyCells.as_str();
/// A value under an empty header cell.
pub const VALUE_WITHOUT_COLUMN: &str = Code::ValueWithoutColumn.as_str();
/// Finding: the category contradicts the row's items (retired with salary and no pension; employed with
/// only a pension).
pub const CATEGORY_CONTRADICTS_ITEMS: &str = Code::CategoryContradictsItems.as_str();
/// Warning: a totals row differs from the sum of the members' cells of a column.
pub const TOTALS_MISMATCH: &str = Code::TotalsMismatch.as_str();
