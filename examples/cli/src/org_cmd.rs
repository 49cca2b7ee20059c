//! `dangjian org check FILE.json --on DATE [--format table|json]`: the organizations of a document checked on
//! one day (structure, terms, elections, 三会一课 and 民主评议 — RULES §3), as a 组织委员 reads them.
//!
//! The file is the core's `membership::OrgDocument`, read as it is; the rules are the core's `check_orgs`. This
//! module only reads the file, hands it over and prints the answer.
//!
//! **Output.** `--format table` (the default): one block per organization, in the core's order (by id):
//!
//! ```text
//! B01 第一党支部 (branch): 8 full, 1 probationary, 9 members; term 2026-03-10 → 2029-03-10
//!   [violation] CODE  message — regulation article        (structure, term, 三会一课, elections, reviews)
//!   next: ELECTION due 2029-03-10 / earliest 2028-03-10  message
//!   三会一课 branch_committee monthly: held 2026-01, 2026-02; missing 2026-03
//!                            (zh: 三会一课 支部委员会会议 每月（branch_committee monthly）：已开 …；缺 …)
//!   attendance: M06 0.40, M07 0.71, M01 1.00 …           (lowest rate first: the absentees lead)
//!   election E1 2026-03-10: valid, 6/7 present, elected M01 M02; not elected M06
//!   民主评议 2025: 3 excellent of 8 graded (max 2), 4 qualified, 1 basically_qualified, 0 unqualified, 1 not graded
//! ```
//!
//! A rule none of whose periods lies wholly inside the range checked (an annual meeting over one quarter) says so
//! instead of listing held and missing periods. `--format json`: the core's `OrgReport`. A summary goes to stderr.
//!
//! **Exit status.** 0: no finding of severity `violation`; 1: at least one; 2: usage error, unreadable file, or a
//! file that is not a valid organization document (`INVALID_ORG_JSON`, `UNKNOWN_ORG`, … with the field's path).

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use dangjian::membership::{check_orgs, check_orgs_lines, Answer, OrgDocument, OrgReport};
use dangjian::Policy;

use crate::disclosure_cmd::read_text;
use crate::disclosure_words::day;
use crate::error::CliError;
use crate::lang::Lang;
use crate::member_cmd::Format;
use crate::org_text::{block, summary, violations};
use crate::progress::{Progress, Work};

/// `org check`'s arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OrgCheckArgs {
    /// The organization document.
    pub(crate) file: PathBuf,
    /// The day of the check.
    pub(crate) on: NaiveDate,
    /// How to print.
    pub(crate) format: Format,
    /// The language of the table's words.
    pub(crate) lang: Lang,
}

/// Runs the check: the report on stdout, a summary on stderr.
pub(crate) fn check(args: &OrgCheckArgs) -> Result<ExitCode, CliError> {
    if crate::member_lines::is_jsonl(&args.file) {
        return check_lines(args);
    }
    let shown = args.file.display().to_string();
    let doc = OrgDocument::from_json(&read_text(&args.file, args.lang)?)
        .map_err(|e| CliError::input(format!("{shown}: {}", e.detail())))?;
    let progress = Progress::spinner(doc.members.len(), Work::CheckingOrgs, args.lang);
    let checked = check_orgs(&Policy::bundled(), &doc, args.on);
    progress.finish();
    let report = checked.map_err(|e| CliError::input(format!("{shown}: {}", e.detail())))?;
    crate::say(&render(&report, args.format, args.lang)?);
    eprintln!("{}", summary(&report, args.lang));
    Ok(if violations(&report.findings) > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The report as the format asks.
pub(crate) fn render(report: &OrgReport, format: Format, lang: Lang) -> Result<String, CliError> {
    Ok(match format {
        Format::Json | Format::Jsonl => {
            dangjian::error::to_json(report).map_err(|e| CliError::input(e.detail().to_string()))?
                + "\n"
        }
        Format::Table if report.orgs.is_empty() => {
            lang.pick("无组织\n", "no organizations\n").to_owned()
        }
        Format::Table => report.orgs.iter().map(|s| block(s, lang)).collect(),
    })
}

/// `org check` of a JSON Lines file, one bundle (a whole organization document) a line: each bundle is read,
/// checked and printed before the next line is read, so memory is the largest bundle, not the file. A bundle
/// that cannot be read or checked is `{"error":…}` in JSON Lines output and `error: line N: …` on stderr; the
/// others are still checked.
fn check_lines(args: &OrgCheckArgs) -> Result<ExitCode, CliError> {
    use std::io::BufRead;
    let shown = args.file.display().to_string();
    let file = std::fs::File::open(&args.file)
        .map_err(|e| CliError::input(format!("{shown}: cannot read: {e}")))?;
    let mut io_error = None;
    let lines = std::io::BufReader::new(file)
        .lines()
        .map_while(|l| l.map_err(|e| io_error = Some(e)).ok());
    let (mut orgs, mut findings, mut violating) = (0usize, 0usize, 0usize);
    let mut failed = None;
    // The file is streamed, so its lines are counted beforehand, and only when a bar may be drawn.
    let progress = if crate::progress::stderr_is_terminal() {
        Progress::bar(count_lines(&args.file), Work::CheckingOrgs, args.lang)
    } else {
        Progress::none()
    };
    let summary = check_orgs_lines(&Policy::bundled(), lines, args.on, |a| {
        progress.tick();
        let text = match a {
            Answer::Report(r) => {
                orgs += r.orgs.len();
                findings += r.findings.len();
                violating += violations(&r.findings);
                match args.format {
                    Format::Table => render(r, Format::Table, args.lang),
                    _ => a
                        .to_json_line()
                        .map(|l| l + "\n")
                        .map_err(|e| CliError::input(e.detail().to_string())),
                }
            }
            Answer::Error(e) => {
                let n = e.index.saturating_add(1);
                let (code, field) = (&e.code, &e.field);
                progress.report(&match args.lang {
                    Lang::Zh => format!(
                        "错误：{shown}：第 {n} 行：{code}（{field}）：{}",
                        e.message_zh
                    ),
                    Lang::En => format!(
                        "error: {shown}: line {n}: {code} at {field}: {}",
                        e.message_en
                    ),
                });
                match args.format {
                    Format::Table => Ok(String::new()),
                    _ => a
                        .to_json_line()
                        .map(|l| l + "\n")
                        .map_err(|e| CliError::input(e.detail().to_string())),
                }
            }
        };
        match text {
            Ok(t) => {
                progress.suspend(|| crate::say(&t));
            }
            Err(e) => {
                failed.get_or_insert(e);
            }
        }
    });
    progress.finish();
    let summary = summary.map_err(|e| CliError::input(format!("{shown}: {}", e.detail())))?;
    if let Some(e) = io_error {
        return Err(CliError::input(args.lang.pick(
            &format!("{shown}：无法读取：{e}"),
            &format!("{shown}: cannot read: {e}"),
        )));
    }
    if let Some(e) = failed {
        return Err(e);
    }
    let (on, bundles, rejected) = (args.on, summary.reports, summary.errors);
    eprintln!(
        "{}",
        match args.lang {
            Lang::Zh => format!(
                "{}：检查 {bundles} 份文档，{rejected} 份被拒；组织 {orgs} 个，问题 {findings} 个（违规 {violating} 个）",
                day(Lang::Zh, on)
            ),
            Lang::En => format!(
                "{on}: {bundles} bundle(s) checked, {rejected} rejected; {orgs} organization(s), {findings} finding(s) ({violating} violation(s))"
            ),
        }
    );
    Ok(if violating > 0 || summary.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The lines of a file, for the progress bar (0 when it cannot be read: the reading proper reports that).
fn count_lines(path: &std::path::Path) -> usize {
    use std::io::BufRead;
    std::fs::File::open(path)
        .map(|f| std::io::BufReader::new(f).split(b'\n').count())
        .unwrap_or(0)
}
