//! `dangjian dues PAYROLL --month YYYY-MM [options]`; its help lists the HR headers the payroll reader
//! understands, read from the reader's own alias table so the page never disagrees with the reader.

use std::path::PathBuf;

use clap::Args;
use dangjian::dues::{Category, EmployerType, ItemCode};
use dangjian::month::parse_month;
use dangjian::YearMonth;
use dangjian_payroll::aliases::{Alias, HEADERS};

use super::required;
use crate::dues_cmd::DuesArgs;
use crate::error::CliError;
use crate::lang::Lang;

pub(super) const USAGE: &str = "dangjian dues PAYROLL --month YYYY-MM [OPTIONS]";

/// `dues`' words as typed.
#[derive(Debug, Args)]
pub(super) struct Dues {
    /// The payroll export: CSV, .xlsx, .xls or .ods
    #[arg(value_name = "PAYROLL")]
    roster: Option<PathBuf>,
    /// The month owed (required)
    #[arg(long, value_name = "YYYY-MM", value_parser = month)]
    month: Option<YearMonth>,
    /// A JSON policy laid over the bundled rules (e.g. a province's figures)
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
    /// Add a `trace` column: how each amount was reached
    #[arg(long)]
    trace: bool,
    /// What a column holds (repeatable), e.g. 绩效工资=basic_performance
    #[arg(long = "map", value_name = "HEADER=FIELD")]
    maps: Vec<String>,
    /// One HEADER=FIELD a line (# comments); --map wins over it
    #[arg(long, value_name = "FILE")]
    map_file: Option<PathBuf>,
    /// A column read past (repeatable)
    #[arg(long, value_name = "HEADER")]
    ignore: Vec<String>,
    /// The category of rows without one (e.g. 在职党员, retired)
    #[arg(long, value_name = "VALUE")]
    category: Option<String>,
    /// The employer type of rows without one (机关, 事业单位, 企业)
    #[arg(long, value_name = "VALUE")]
    employer_type: Option<String>,
    /// The workbook's sheet (default: the first)
    #[arg(long, value_name = "NAME|N")]
    sheet: Option<String>,
    /// Write FILE.csv (UTF-8 with BOM) or FILE.xlsx (numbers, totals, citations)
    #[arg(short = 'o', long, value_name = "FILE")]
    output: Option<PathBuf>,
}

impl Dues {
    /// The arguments `dues_cmd::run` takes; a missing file or month is named.
    pub(super) fn check(self, lang: Lang) -> Result<DuesArgs, CliError> {
        Ok(DuesArgs {
            roster: required(self.roster, "`dues` needs a payroll file")?,
            month: required(self.month, "`dues` needs --month YYYY-MM")?,
            policy: self.policy,
            trace: self.trace,
            maps: self.maps,
            map_file: self.map_file,
            ignore: self.ignore,
            category: self.category,
            employer_type: self.employer_type,
            sheet: self.sheet,
            output: self.output,
            lang,
        })
    }
}

/// `--month`, checked by the core's parser with its code (INVALID_MONTH).
fn month(text: &str) -> Result<YearMonth, String> {
    parse_month(text, "--month").map_err(|e| e.detail().to_string())
}

/// The page under the options: how the file is read, the headers and codes, the output, examples.
pub(super) fn after_help() -> String {
    let codes = |all: &mut dyn Iterator<Item = (&'static str, &'static str)>| {
        all.map(|(code, zh)| format!("    {code:<24}{zh}\n"))
            .collect::<String>()
    };
    format!(
        "\
Payroll: CSV (UTF-8 with or without BOM, or GBK/GB18030), .xlsx, .xls or .ods (first sheet or --sheet).
  Title rows above the header are passed over; 合计/小计/总计, 制表人/审核人/备注 and empty rows are
  skipped and listed on stderr, and a totals row is checked against the members' sums. Amounts may
  carry thousands separators, ¥/￥ and full-width digits; at most two decimals.
  HR headers understood (an unknown or ambiguous header stops the run until --map or --ignore):
{aliases}  The header (and --map's FIELD) may also use the field codes, or ignore:
  member_id, category       required (category: or --category)
  employer_type             for employed members whose base is built from items
  admitted_on               YYYY-MM-DD, probationary members (dues owed from that month)
  income items and deductions, one column each, monthly yuan, empty = none:
{items}  categories:
{categories}  employer types:
{employers}
Output: stdout, or -o FILE.csv (UTF-8 with BOM) or FILE.xlsx (a workbook with the amounts as
numbers, a totals row and the citations; headers in --lang); the file's reading, problems and a
summary on stderr
  member_id,category,base,rate,amount,citation,findings[,trace] (name after member_id when the file
  has names)

Examples:
  dangjian dues examples/data/roster.csv --month 2026-11 > dues.csv
  dangjian dues 11月工资表.xlsx --month 2026-11 --sheet 2026年11月 --map 绩效工资=basic_performance \\
      --category 在职党员 --employer-type 事业单位 -o 11月党费.xlsx

Exit status: 0 all assessed; 1 some rows rejected (each reported with its line or cell, the others
printed); 2 usage error, unreadable file, unknown or ambiguous column, or bad policy (nothing done)",
        aliases = aliases(),
        items = codes(&mut ItemCode::ALL.iter().map(|c| (c.as_str(), c.name_zh()))),
        categories = codes(&mut Category::ALL.iter().map(|c| (c.as_str(), c.name_zh()))),
        employers = codes(&mut EmployerType::ALL.iter().map(|c| (c.as_str(), c.name_zh()))),
    )
}

/// The header names the payroll reader knows, grouped by field in the reader's table order; then the
/// ambiguous ones, each with the fields `--map` may give it.
fn aliases() -> String {
    let mut fields: Vec<(&str, Vec<&str>)> = Vec::new();
    let mut ambiguous: Vec<(&[&str], Vec<&str>)> = Vec::new();
    for (name, alias) in HEADERS {
        match alias {
            Alias::To(target) => push_to(&mut fields, target.field(), name),
            Alias::Ambiguous { choices, .. } => push_to(&mut ambiguous, *choices, name),
        }
    }
    let mut text: String = fields
        .iter()
        .map(|(field, names)| columns(field, names))
        .collect();
    text.push_str("  ambiguous, until --map HEADER=FIELD says which:\n");
    for (choices, names) in &ambiguous {
        text.push_str(&columns(&choices.join("|"), names));
    }
    text
}

/// Adds `name` to `key`'s list, the first time `key` is seen at the end.
fn push_to<'a, K: PartialEq>(lists: &mut Vec<(K, Vec<&'a str>)>, key: K, name: &'a str) {
    match lists.iter_mut().find(|(k, _)| *k == key) {
        Some((_, names)) => names.push(name),
        None => lists.push((key, vec![name])),
    }
}

/// `    field                   name、name、…`, wrapped at 100 columns under the names' column.
fn columns(field: &str, names: &[&str]) -> String {
    const INDENT: usize = 28;
    let width = |s: &str| {
        s.chars()
            .map(|c| if c.is_ascii() { 1 } else { 2 })
            .sum::<usize>()
    };
    let mut text = format!("    {field:<22}");
    let mut line = width(&text);
    if line > INDENT - 2 {
        text.push('\n');
        line = 0;
    }
    for (i, name) in names.iter().enumerate() {
        let item = if i + 1 < names.len() {
            format!("{name}、")
        } else {
            (*name).to_owned()
        };
        if line == 0 || line + width(&item) > 100 {
            text.push_str(&format!(
                "{}{:w$}",
                if line == 0 { "" } else { "\n" },
                "",
                w = INDENT
            ));
            line = INDENT;
        } else if i == 0 {
            text.push_str("  ");
            line += 2;
        }
        text.push_str(&item);
        line += width(&item);
    }
    text.push('\n');
    text
}
