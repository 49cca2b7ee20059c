//! `dangjian dues ROSTER --month YYYY-MM [--policy FILE] [--trace]`: every member of a branch roster
//! assessed for one month.
//!
//! A bad row is reported on stderr with its line number and the others go on (exit status 1); a file that
//! cannot be used at all — unreadable roster, unknown column, bad policy — stops everything (exit 2).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dangjian::dues::{assess, AssessOptions, Assessment, DuesMember};
use dangjian::{ErrorDetail, Policy, YearMonth};

use crate::columns::Columns;
use crate::error::CliError;
use crate::output::{problem_line, AssessmentWriter, Progress, Tally};
use crate::roster::{self, Row};
use crate::rows::{member_from_row, member_id};

/// The `dues` command's arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DuesArgs {
    /// The roster file (CSV or .xlsx).
    pub(crate) roster: PathBuf,
    /// The month owed.
    pub(crate) month: YearMonth,
    /// A JSON policy override laid over the bundled rules.
    pub(crate) policy: Option<PathBuf>,
    /// Add the `trace` column.
    pub(crate) trace: bool,
}

/// Runs the command: CSV on stdout, problems and summary on stderr.
pub(crate) fn run(args: &DuesArgs) -> Result<ExitCode, CliError> {
    let policy = load_policy(args.policy.as_deref())?;
    let sheet = roster::read(&args.roster)?;
    // The header is judged before anything is printed: an unknown column means no output at all.
    let columns = Columns::from_header(&sheet.header)?;
    let stdout = std::io::stdout();
    let write_failed = |e: std::io::Error| CliError::input(format!("cannot write the output: {e}"));
    let mut out = AssessmentWriter::new(stdout.lock(), args.trace).map_err(write_failed)?;
    let options = AssessOptions { trace: args.trace };
    let progress = Progress::new(sheet.rows.len());
    let mut first_line_of: HashMap<String, usize> = HashMap::with_capacity(sheet.rows.len());
    let mut tally = Tally::default();
    for row in &sheet.rows {
        let id = member_id(&columns, row);
        match assess_row(
            &policy,
            args.month,
            options,
            &columns,
            row,
            &id,
            &mut first_line_of,
        ) {
            Ok(assessment) => {
                out.write(&assessment).map_err(write_failed)?;
                tally.assessed(&assessment);
            }
            Err(problems) => {
                for detail in &problems {
                    progress.report(&problem_line(row.line, &id, detail));
                }
                tally.rejected();
            }
        }
        progress.tick();
    }
    progress.finish();
    out.finish().map_err(write_failed)?;
    eprintln!("{}", tally.summary(args.month));
    Ok(if tally.any_rejected() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads the row, checks its id is new, and lets the core assess it.
fn assess_row(
    policy: &Policy,
    month: YearMonth,
    options: AssessOptions,
    columns: &Columns,
    row: &Row,
    id: &str,
    first_line_of: &mut HashMap<String, usize>,
) -> Result<Assessment, Vec<ErrorDetail>> {
    // The core's assess_batch checks duplicates too, but knows positions, not lines, and offers no progress;
    // here each member goes through `assess` and the same rule (and code) is kept with the line of the
    // first occurrence. An id counts as taken even if its row is bad, as in the core: the later row is the
    // duplicate.
    if !id.is_empty() {
        if let Some(first) = first_line_of.get(id) {
            return Err(vec![ErrorDetail::new(
                "DUPLICATE_MEMBER_ID",
                "member_id",
                format!("党员编号重复：{id}（第 {first} 行已有）"),
                format!("member_id appears twice: {id} (first on line {first})"),
            )]);
        }
        first_line_of.insert(id.to_owned(), row.line);
    }
    let member = member_from_row(columns, row)?;
    assess(policy, &member, month, options).map_err(|e| {
        let mut detail = e.detail().clone();
        detail.field = column_of(&detail.field, &member);
        vec![detail]
    })
}

/// The core names fields by their path in the member (`incomes[0].items[2].code`); in a roster the user
/// knows columns, so an item's path becomes its column name.
fn column_of(field: &str, member: &DuesMember) -> String {
    let item = field
        .strip_prefix("incomes[0].items[")
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(index, _)| index.parse::<usize>().ok())
        .and_then(|i| member.incomes.first().and_then(|r| r.items.get(i)));
    match item {
        Some(item) => item.code.as_str().to_owned(),
        // `incomes` alone: no income column was filled in.
        None if field == "incomes" => "income columns".to_owned(),
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
    use dangjian::dues::{Category, IncomeItem, IncomeRecord, ItemCode};
    use rust_decimal::Decimal;

    #[test]
    fn item_paths_become_column_names() {
        let member = DuesMember {
            schema_version: None,
            member_id: "DY1".into(),
            category: Category::Employed,
            employer_type: None,
            incomes: vec![IncomeRecord {
                from: None,
                items: vec![
                    IncomeItem {
                        code: ItemCode::PostSalary,
                        amount: Decimal::ONE,
                    },
                    IncomeItem {
                        code: ItemCode::NetBase,
                        amount: Decimal::ONE,
                    },
                ],
            }],
            admitted_on: None,
            hardship: Vec::new(),
        };
        assert_eq!(column_of("incomes[0].items[1].code", &member), "net_base");
        assert_eq!(
            column_of("incomes[0].items[9].code", &member),
            "incomes[0].items[9].code"
        );
        assert_eq!(column_of("incomes", &member), "income columns");
        assert_eq!(column_of("member_id", &member), "member_id");
    }
}
