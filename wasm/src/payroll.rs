//! `readPayroll` (cargo feature `payroll`): a branch's payroll export (CSV in UTF-8 or GBK, .xlsx, .xls,
//! .ods) read in the browser by `dangjian-payroll`, the reader the CLI's `dangjian dues` uses — one
//! implementation of the reading rules (header under title rows, Chinese HR headers and values, totals and
//! signature rows skipped), reached from both.
//!
//! Behind a feature because calamine and the zip reader more than the size budget of the main package allow;
//! `wasm/scripts/build-npm.sh --payroll` builds it as a package of its own (`target/npm/dangjian-payroll`),
//! with every export of the main package plus this one.
//!
//! The members come out as `DuesMember` objects for `assessDuesBatch`; rows that cannot be read carry their
//! problems with the line or cell each one is at, as the CLI reports them.

use dangjian::dues::DuesMember;
use dangjian::ErrorDetail;
use dangjian_payroll::{FileError, MemberRow, ReadOptions, SheetChoice, Skipped, Source};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, to_js};
use crate::error::ApiError;

#[wasm_bindgen(typescript_custom_section)]
const TS_PAYROLL: &str = r#"
/** How to read a payroll: the CLI's `--map`, `--ignore`, `--category`, `--employer-type` and `--sheet`. */
export interface PayrollOptions {
  /** `HEADER=field` pairs, e.g. `"绩效工资=basic_performance"`. */
  maps?: string[];
  ignore?: string[];
  /** The category of rows without one: a code (`employed`) or a Chinese name (在职党员). */
  category?: string;
  employer_type?: string;
  /** A sheet name, or its position from 1. */
  sheet?: string;
}
/** A problem of one row, with the line (CSV) or cell (workbook) it is at. */
export interface PayrollProblem { code: string; field: string; place: string; message_zh: string; message_en: string }
export interface PayrollRow {
  line: number;
  place: string;
  member_id: string;
  name: string;
  /** The member, when the row could be read (then `problems` is empty). */
  member?: DuesMember;
  problems: PayrollProblem[];
  /** Findings that do not stop the row (a category its items contradict). */
  findings: PayrollProblem[];
}
export interface Payroll {
  source: { format: "csv"; encoding: string } | { format: "workbook"; sheet: string; position: number; sheets: string[] };
  header_lines: number[];
  has_names: boolean;
  rows: PayrollRow[];
  skipped: { line: number; place: string; reason: string }[];
  warnings: { code: string; field: string; message_zh: string; message_en: string }[];
}
"#;

/// The options object, read by the core's JSON reader (a wrong shape names its field).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    #[serde(default)]
    maps: Vec<String>,
    #[serde(default)]
    ignore: Vec<String>,
    category: Option<String>,
    employer_type: Option<String>,
    sheet: Option<String>,
}

#[derive(Serialize)]
#[serde(tag = "format", rename_all = "snake_case")]
enum SourceOut<'a> {
    Csv {
        encoding: &'static str,
    },
    Workbook {
        sheet: &'a str,
        position: usize,
        sheets: &'a [String],
    },
}

#[derive(Serialize)]
struct Problem<'a> {
    code: &'a str,
    field: &'a str,
    place: &'a str,
    message_zh: &'a str,
    message_en: &'a str,
}

#[derive(Serialize)]
struct RowOut<'a> {
    line: usize,
    place: &'a str,
    member_id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    member: Option<&'a DuesMember>,
    problems: Vec<Problem<'a>>,
    findings: Vec<Problem<'a>>,
}

#[derive(Serialize)]
struct SkippedOut<'a> {
    line: usize,
    place: &'a str,
    reason: &'a str,
}

#[derive(Serialize)]
struct PayrollOut<'a> {
    source: SourceOut<'a>,
    header_lines: &'a [usize],
    has_names: bool,
    rows: Vec<RowOut<'a>>,
    skipped: Vec<SkippedOut<'a>>,
    warnings: &'a [ErrorDetail],
}

fn problem<'a>(row: &'a MemberRow, d: &'a ErrorDetail) -> Problem<'a> {
    Problem {
        code: &d.code,
        field: &d.field,
        place: row.place_of(&d.field),
        message_zh: &d.message_zh,
        message_en: &d.message_en,
    }
}

fn row_out(row: &MemberRow) -> RowOut<'_> {
    let (member, problems) = match &row.member {
        Ok(m) => (Some(m), Vec::new()),
        Err(details) => (None, details.iter().map(|d| problem(row, d)).collect()),
    };
    RowOut {
        line: row.line,
        place: &row.place,
        member_id: &row.member_id,
        name: &row.name,
        member,
        problems,
        findings: row.findings.iter().map(|d| problem(row, d)).collect(),
    }
}

fn skipped_out(s: &Skipped) -> SkippedOut<'_> {
    SkippedOut {
        line: s.line,
        place: &s.place,
        reason: &s.reason,
    }
}

fn file_error(e: FileError) -> ApiError {
    ApiError::invalid_input(&e.code, &e.field, e.message_zh, e.message_en)
}

fn read_options(o: Options) -> Result<ReadOptions, ApiError> {
    Ok(ReadOptions {
        maps: dangjian_payroll::parse_maps(&o.maps).map_err(file_error)?,
        ignore: o.ignore,
        category: o
            .category
            .as_deref()
            .map(dangjian_payroll::category_option)
            .transpose()
            .map_err(file_error)?,
        employer_type: o
            .employer_type
            .as_deref()
            .map(dangjian_payroll::employer_type_option)
            .transpose()
            .map_err(file_error)?,
        sheet: o.sheet.map(SheetChoice::Name),
    })
}

/// Reads a payroll file's bytes as the CLI does: the members (for `assessDuesBatch`), the rows that could not
/// be read with their line or cell, the skipped rows (合计, 制表人 …) and the warnings. Throws a
/// `DangjianError` only for a file that cannot be used at all (its code: `UNKNOWN_COLUMN`,
/// `AMBIGUOUS_COLUMN`, `NOT_TEXT`, `LIMIT_EXCEEDED` …) or bad options (`BAD_OPTION`).
///
/// ```js
/// const payroll = readPayroll(new Uint8Array(await file.arrayBuffer()), { category: "在职党员" });
/// const ok = payroll.rows.filter((r) => r.member);
/// const { assessments, errors } = assessDuesBatch(policy, ok.map((r) => r.member), "2026-11", false);
/// ```
#[wasm_bindgen(js_name = readPayroll, unchecked_return_type = "Payroll")]
pub fn read_payroll(
    bytes: &[u8],
    #[wasm_bindgen(unchecked_param_type = "PayrollOptions | undefined")] options: &JsValue,
) -> Result<JsValue, ApiError> {
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        from_js(options, dangjian_payroll::codes::BAD_OPTION)?
    };
    let payroll = dangjian_payroll::read(bytes, &read_options(options)?).map_err(file_error)?;
    let source = match &payroll.source {
        Source::Csv(encoding) => SourceOut::Csv {
            encoding: encoding.name(),
        },
        Source::Workbook {
            sheet,
            position,
            sheets,
        } => SourceOut::Workbook {
            sheet,
            position: *position,
            sheets,
        },
    };
    to_js(&PayrollOut {
        source,
        header_lines: &payroll.header_lines,
        has_names: payroll.has_names,
        rows: payroll.rows.iter().map(row_out).collect(),
        skipped: payroll.skipped.iter().map(skipped_out).collect(),
        warnings: &payroll.warnings,
    })
}
