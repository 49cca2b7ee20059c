//! `dangjian-payroll`: a branch's payroll export, as Chinese HR and payroll systems write it, read into
//! the dues members of the `dangjian` core.
//!
//! One implementation for every surface that reads payroll files: the CLI (`dangjian dues`) and the wasm
//! page (through the wasm package). It lives outside the core because the core is pure — no I/O, no file
//! formats, no calamine — and outside the CLI because the web page needs the same rules; it takes bytes,
//! never a path, so it builds for wasm32 as well. (The house's "io layer".)
//!
//! ```
//! use dangjian_payroll::{read, ReadOptions};
//! let csv = "某单位2026年11月工资表\n工号,姓名,党员类别,单位类型,岗位工资,薪级工资,住房公积金\n\
//!            D1,张三,在职党员,事业单位,\"4,000.00\",1200,600\n合计,,,,4000,1200,600\n制表人：李四\n";
//! let payroll = read(csv.as_bytes(), &ReadOptions::default()).unwrap();
//! assert_eq!(payroll.header_lines, [2]);
//! assert_eq!(payroll.rows.len(), 1);
//! let m = payroll.rows[0].member.as_ref().unwrap();
//! assert_eq!(m.incomes[0].items[0].amount.to_string(), "4000.00");
//! assert_eq!(payroll.skipped.iter().map(|s| s.reason.as_str()).collect::<Vec<_>>(), ["合计", "制表"]);
//! ```
//!
//! What is read:
//! - CSV in UTF-8 (with or without a BOM) or GB18030/GBK; .xlsx, .xls and .ods by their content (not their
//!   name), the first sheet or the one chosen. Workbooks are checked against the bounds of [`limits`]
//!   before calamine reads them (.xls: its declared dimensions only, found by a scan of the raw records).
//! - The header row under any title rows; the header names of [`aliases::HEADERS`], the field codes, and
//!   what `--map`/`--ignore` say; ambiguous and unknown names stop the read, all reported at once.
//! - Amounts with thousands separators, ¥/￥, spaces, full-width digits; at most two decimals.
//! - Not members, skipped and listed: empty rows, totals (合计/小计/总计) and signature or note rows.

#![forbid(unsafe_code)]

pub mod aliases;
mod amount;
pub mod codes;
mod csvtext;
mod grid;
mod header;
pub mod limits;
mod rows;
pub mod suggest;
mod workbook;
mod zipscan;

use dangjian::codes::Code;
use dangjian::dues::{Category, DuesMember, EmployerType};
use dangjian::ErrorDetail;

pub use aliases::Target;
pub use amount::parse_amount;
pub use csvtext::Encoding;
pub use grid::place_zh;
pub use header::{parse_map_file, parse_maps, Mapped};

/// How to read the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// `--map HEADER=FIELD`: what a column holds, whatever the table says.
    pub maps: Vec<(String, Target)>,
    /// `--ignore HEADER`: a column read past.
    pub ignore: Vec<String>,
    /// `--category`: the category of rows (or files) without one.
    pub category: Option<Category>,
    /// `--employer-type`: the employer type of rows (or files) without one.
    pub employer_type: Option<EmployerType>,
    /// `--sheet NAME|N`: the workbook's sheet (by default the first).
    pub sheet: Option<SheetChoice>,
}

/// A sheet, by name or by its position from 1 (a name that is a number is tried as a name first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetChoice {
    /// The text given.
    Name(String),
}

/// Where the rows came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A CSV file in this encoding.
    Csv(Encoding),
    /// A workbook's sheet.
    Workbook {
        /// The sheet read.
        sheet: String,
        /// Its position from 1.
        position: usize,
        /// Every sheet's name.
        sheets: Vec<String>,
    },
}

/// A payroll as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Payroll {
    /// The file's format and sheet.
    pub source: Source,
    /// The header row's line (CSV) or row number (sheet); two for a grouped heading.
    pub header_lines: Vec<usize>,
    /// The columns and what each holds.
    pub columns: Vec<Mapped>,
    /// Whether a name column (姓名) is present: it is then carried to the output.
    pub has_names: bool,
    /// The member rows, in file order.
    pub rows: Vec<MemberRow>,
    /// The rows that are not members, in file order.
    pub skipped: Vec<Skipped>,
    /// Warnings on the file (a totals row that differs from the members' sum).
    pub warnings: Vec<ErrorDetail>,
}

/// One member row.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberRow {
    /// The CSV line it starts on, or the sheet's row number.
    pub line: usize,
    /// `line 7`, or `2026年11月 row 7`.
    pub place: String,
    /// The id as written (empty when the cell is).
    pub member_id: String,
    /// The name, when the file has a name column.
    pub name: String,
    /// The member, or every problem of the row (each `field` the column's field code, or a cell reference).
    pub member: Result<DuesMember, Vec<ErrorDetail>>,
    /// Findings on the row that do not stop it (a category the items contradict).
    pub findings: Vec<ErrorDetail>,
    /// Where each field's cell is: (`post_salary`, `2026年11月!E5` or `line 5`).
    pub places: Vec<(String, String)>,
}

impl MemberRow {
    /// Where the error on `field` is: its cell in a workbook, its line in a CSV, else the row.
    pub fn place_of<'a>(&'a self, field: &'a str) -> &'a str {
        if field.contains('!') {
            return field;
        }
        self.places
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, p)| p.as_str())
            .unwrap_or(&self.place)
    }
}

/// A row that is not a member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Its line or row number.
    pub line: usize,
    /// `line 7` or `2026年11月 row 7`.
    pub place: String,
    /// Why: the word found (合计, 制表 …) or 空行.
    pub reason: String,
}

/// A file that cannot be read at all: nothing of it is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// Stable code (see [`codes`]).
    pub code: String,
    /// Where: a line, a sheet row, a zip entry, an option, or the limit's name.
    pub field: String,
    /// Message in Chinese (may span lines).
    pub message_zh: String,
    /// Message in English (may span lines).
    pub message_en: String,
}

impl FileError {
    /// Builds the error.
    pub fn new(
        code: Code,
        field: impl Into<String>,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> Self {
        Self {
            code: code.as_str().to_owned(),
            field: field.into(),
            message_zh: zh.into(),
            message_en: en.into(),
        }
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message_en)
    }
}

impl std::error::Error for FileError {}

/// Reads a payroll file's bytes (CSV or workbook, told apart by content).
///
/// Errors only for a file that cannot be used at all (unreadable, over a limit, a header with unknown or
/// ambiguous columns); a bad row is that row's [`MemberRow::member`] error, and the others are read.
pub fn read(bytes: &[u8], options: &ReadOptions) -> Result<Payroll, FileError> {
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        return Err(FileError::new(
            Code::LimitExceeded,
            "MAX_FILE_BYTES",
            format!("文件超过 {} 字节的读取上限", limits::MAX_FILE_BYTES),
            format!(
                "the file is over the limit MAX_FILE_BYTES ({} bytes)",
                limits::MAX_FILE_BYTES
            ),
        ));
    }
    let (grid, source) = match workbook::kind(bytes) {
        Some(kind) => {
            let sheet = workbook::read(bytes, kind, options.sheet.as_ref())?;
            let name = sheet.grid.sheet.clone().unwrap_or_default();
            (
                sheet.grid,
                Source::Workbook {
                    sheet: name,
                    position: sheet.index + 1,
                    sheets: sheet.names,
                },
            )
        }
        None => {
            let (text, encoding) = csvtext::decode(bytes)?;
            (csvtext::parse(&text)?, Source::Csv(encoding))
        }
    };
    let header = header::find(&grid, options)?;
    let (rows, skipped, warnings) = rows::read(&grid, header.index, &header.columns, options);
    Ok(Payroll {
        source,
        header_lines: header.lines,
        has_names: header
            .columns
            .iter()
            .any(|c| c.target == Some(Target::Name)),
        columns: header.columns,
        rows,
        skipped,
        warnings,
    })
}

/// A `--category` value: a code (`employed`), the core's Chinese name or a usual one (在职党员, 离退休).
///
/// ```
/// assert_eq!(dangjian_payroll::category_option("在职党员").unwrap(), dangjian::dues::Category::Employed);
/// ```
pub fn category_option(value: &str) -> Result<Category, FileError> {
    aliases::category(value).ok_or_else(|| {
        FileError::new(
            Code::BadOption,
            "--category",
            format!("--category：未知的党员类别“{value}”"),
            format!("--category: unknown category `{value}` (e.g. employed, 在职党员, retired, 离退休党员)"),
        )
    })
}

/// An `--employer-type` value: a code (`public_institution`) or a Chinese name (事业单位, 机关, 企业).
pub fn employer_type_option(value: &str) -> Result<EmployerType, FileError> {
    aliases::employer_type(value).ok_or_else(|| {
        FileError::new(
            Code::BadOption,
            "--employer-type",
            format!("--employer-type：未知的单位类型“{value}”"),
            format!("--employer-type: unknown employer type `{value}` (civil_service/机关, public_institution/事业单位, enterprise/企业)"),
        )
    })
}
