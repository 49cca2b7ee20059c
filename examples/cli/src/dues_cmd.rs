//! `dangjian dues PAYROLL --month YYYY-MM [options]`: every member of a branch's payroll export assessed for
//! one month.
//!
//! The file is read by `dangjian-payroll` (the same reader the wasm page uses): CSV in UTF-8 or GBK, .xlsx,
//! .xls or .ods, the header found under title rows, Chinese HR headers and values understood, totals and
//! signature rows skipped. stderr says which sheet, header row and mapping were used, the skipped rows, the
//! warnings, each bad row with its line or cell (the first 50, then how many more), and a summary; stdout
//! (or `-o FILE`) has the dues table.
//!
//! A bad row is reported and the others go on (exit status 1); a file that cannot be used at all —
//! unreadable, over a limit, an unknown or ambiguous column, a bad policy — stops everything (exit 2).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dangjian::codes::Code;
use dangjian::dues::{assess, AssessOptions, Assessment, DuesMember};
use dangjian::{ErrorDetail, Policy, YearMonth};
use dangjian_payroll::{MemberRow, ReadOptions, SheetChoice};

use crate::dues_report::{self, Reporter};
use crate::error::CliError;
use crate::lang::Lang;
use crate::output::{OutRow, Sink, Tally};
use crate::progress::{Progress, Work};

/// The `dues` command's arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DuesArgs {
    /// The payroll file (CSV, .xlsx, .xls, .ods).
    pub(crate) roster: PathBuf,
    /// The month owed.
    pub(crate) month: YearMonth,
    /// A JSON policy override laid over the bundled rules.
    pub(crate) policy: Option<PathBuf>,
    /// Add the `trace` column.
    pub(crate) trace: bool,
    /// `--map HEADER=FIELD`, in order.
    pub(crate) maps: Vec<String>,
    /// `--map-file FILE`.
    pub(crate) map_file: Option<PathBuf>,
    /// `--ignore HEADER`, in order.
    pub(crate) ignore: Vec<String>,
    /// `--category VALUE`.
    pub(crate) category: Option<String>,
    /// `--employer-type VALUE`.
    pub(crate) employer_type: Option<String>,
    /// `--sheet NAME|N`.
    pub(crate) sheet: Option<String>,
    /// `-o FILE.csv|FILE.xlsx`.
    pub(crate) output: Option<PathBuf>,
    /// The language of what people read.
    pub(crate) lang: Lang,
}

/// Runs the command: the table on stdout (or `-o`), the report on stderr.
pub(crate) fn run(args: &DuesArgs) -> Result<ExitCode, CliError> {
    let lang = args.lang;
    let policy = load_policy(args.policy.as_deref())?;
    let options = read_options(args)?;
    let bytes = read_file(&args.roster, lang)?;
    let shown = args.roster.display().to_string();
    let payroll = dangjian_payroll::read(&bytes, &options)
        .map_err(|e| CliError::input(format!("{shown}{}{}", lang.colon(), lang.file_error(&e))))?;
    drop(bytes);
    let mut report = Reporter::new(lang);
    dues_report::describe(&mut report, &shown, &payroll);
    let mut sink = Sink::open(args.output.as_deref(), args.trace, payroll.has_names, lang)
        .map_err(|e| write_failed(&e, lang))?;
    let assess_options = AssessOptions { trace: args.trace };
    let progress = Progress::bar(payroll.rows.len(), Work::Assessing, lang);
    let mut first_line_of: HashMap<String, usize> = HashMap::with_capacity(payroll.rows.len());
    let mut tally = Tally::default();
    for row in &payroll.rows {
        match assess_row(&policy, args.month, assess_options, row, &mut first_line_of) {
            Ok(assessment) => {
                let out = OutRow::new(&assessment, row);
                tally.assessed(&assessment, &out.findings);
                for finding in &row.findings {
                    progress.report(&report.finding(row, finding));
                }
                sink.write(out).map_err(|e| write_failed(&e, lang))?;
            }
            Err(problems) => {
                for detail in &problems {
                    if let Some(line) = report.problem(row, detail) {
                        progress.report(&line);
                    }
                }
                tally.rejected();
            }
        }
        progress.tick();
    }
    progress.finish();
    if let Some(more) = report.more() {
        eprintln!("{more}");
    }
    sink.finish().map_err(|e| write_failed(&e, lang))?;
    eprintln!("{}", tally.summary(args.month, lang));
    Ok(if tally.any_rejected() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_failed(e: &std::io::Error, lang: Lang) -> CliError {
    CliError::input(lang.pick(
        &format!("无法写出结果：{e}"),
        &format!("cannot write the output: {e}"),
    ))
}

/// The file's bytes, its size checked before it is read.
fn read_file(path: &Path, lang: Lang) -> Result<Vec<u8>, CliError> {
    let shown = path.display();
    let cannot = |e: std::io::Error| {
        CliError::input(lang.pick(
            &format!("{shown}：无法读取：{e}"),
            &format!("{shown}: cannot read: {e}"),
        ))
    };
    let size = std::fs::metadata(path).map_err(cannot)?.len();
    if size > dangjian_payroll::limits::MAX_FILE_BYTES {
        return Err(CliError::input(format!(
            "{shown}: LIMIT_EXCEEDED: {}",
            lang.pick(
                &format!(
                    "文件超过 {} 字节的读取上限",
                    dangjian_payroll::limits::MAX_FILE_BYTES
                ),
                &format!(
                    "the file is over the limit MAX_FILE_BYTES ({} bytes)",
                    dangjian_payroll::limits::MAX_FILE_BYTES
                )
            )
        )));
    }
    std::fs::read(path).map_err(cannot)
}

/// The reader's options from the command line (and the map file).
fn read_options(args: &DuesArgs) -> Result<ReadOptions, CliError> {
    let lang = args.lang;
    let bad = |e: dangjian_payroll::FileError| CliError::usage(lang.file_error(&e));
    let mut maps = Vec::new();
    if let Some(path) = &args.map_file {
        let text = std::fs::read_to_string(path)
            .map_err(|e| CliError::input(format!("--map-file {}: {e}", path.display())))?;
        maps.extend(dangjian_payroll::parse_map_file(&text).map_err(|e| {
            CliError::input(format!(
                "--map-file {}{}{}",
                path.display(),
                lang.colon(),
                lang.file_error(&e)
            ))
        })?);
    }
    // The command line comes last: it wins over the file.
    maps.splice(0..0, dangjian_payroll::parse_maps(&args.maps).map_err(bad)?);
    Ok(ReadOptions {
        maps,
        ignore: args.ignore.clone(),
        category: args
            .category
            .as_deref()
            .map(dangjian_payroll::category_option)
            .transpose()
            .map_err(bad)?,
        employer_type: args
            .employer_type
            .as_deref()
            .map(dangjian_payroll::employer_type_option)
            .transpose()
            .map_err(bad)?,
        sheet: args.sheet.clone().map(SheetChoice::Name),
    })
}

/// Checks the row's id is new, and lets the core assess its member.
fn assess_row(
    policy: &Policy,
    month: YearMonth,
    options: AssessOptions,
    row: &MemberRow,
    first_line_of: &mut HashMap<String, usize>,
) -> Result<Assessment, Vec<ErrorDetail>> {
    // The core's assess_batch checks duplicates too, but knows positions, not lines; here the same rule (and
    // code) is kept with the line of the first occurrence. An id counts as taken even if its row is bad, as
    // in the core: the later row is the duplicate.
    let id = row.member_id.as_str();
    let mut problems = Vec::new();
    if !id.is_empty() {
        if let Some(first) = first_line_of.get(id) {
            problems.push(ErrorDetail::new(
                Code::DuplicateMemberId.as_str(),
                "member_id",
                format!("党员编号重复：{id}（第 {first} 行已有）"),
                format!("member_id appears twice: {id} (first on line {first})"),
            ));
        } else {
            first_line_of.insert(id.to_owned(), row.line);
        }
    }
    let member = match &row.member {
        Ok(member) if problems.is_empty() => member,
        Ok(_) => return Err(problems),
        Err(e) => {
            problems.extend(e.iter().cloned());
            return Err(problems);
        }
    };
    assess(policy, member, month, options).map_err(|e| {
        let mut detail = e.detail().clone();
        detail.field = column_of(&detail.field, member);
        vec![detail]
    })
}

/// The field of an error on the incomes as a whole (no income column filled in): English, as the other
/// fields are; `dues`' Chinese lines say it as 收入各列.
pub(crate) const INCOME_COLUMNS: &str = "income columns";

/// The core names fields by their path in the member (`incomes[0].items[2].code`); in a payroll the user
/// knows columns, so an item's path becomes its column's field.
fn column_of(field: &str, member: &DuesMember) -> String {
    let item = field
        .strip_prefix("incomes[0].items[")
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(index, _)| index.parse::<usize>().ok())
        .and_then(|i| member.incomes.first().and_then(|r| r.items.get(i)));
    match item {
        Some(item) => item.code.as_str().to_owned(),
        // `incomes` alone: no income column was filled in.
        None if field == "incomes" => INCOME_COLUMNS.to_owned(),
        None => field.to_owned(),
    }
}

/// The bundled policy, with the override file laid on top when one is given.
pub(crate) fn load_policy(path: Option<&Path>) -> Result<Policy, CliError> {
    let bundled = Policy::bundled();
    let Some(path) = path else {
        return Ok(bundled);
    };
    let shown = path.display();
    let json = std::fs::read_to_string(path)
        .map_err(|e| CliError::input(format!("policy {shown}: cannot read: {e}")))?;
    bundled
        .with_overrides_json(&json)
        .map_err(|e| CliError::input(format!("policy {shown}: {}", e.detail())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dangjian::dues::{Category, IncomeRecord, ItemCode};
    use rust_decimal::Decimal;

    #[test]
    fn item_paths_become_column_names() {
        let member = DuesMember::new("DY1", Category::Employed).income(
            IncomeRecord::new()
                .item(ItemCode::PostSalary, Decimal::ONE)
                .item(ItemCode::NetBase, Decimal::ONE),
        );
        assert_eq!(column_of("incomes[0].items[1].code", &member), "net_base");
        assert_eq!(
            column_of("incomes[0].items[9].code", &member),
            "incomes[0].items[9].code"
        );
        assert_eq!(column_of("incomes", &member), "income columns");
        assert_eq!(column_of("member_id", &member), "member_id");
    }
}
