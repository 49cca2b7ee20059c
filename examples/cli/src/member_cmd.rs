//! `dangjian member check FILE.json --on DATE [--format table|json] [--policy FILE]`: every member record of
//! a file audited on one day (入党 pipeline, probation, discipline, mobility — RULES §2–§5).
//!
//! The records go whole to the core's batch entry point (`membership::check_members`), which reads and checks
//! each record on its own: a record it cannot read or check comes back as an error with its position, its id
//! and the field at fault, and the others are still checked against the readable roster (sponsors and
//! contacts are looked up there). This module only reads the file, hands it over and prints the answer.
//!
//! **Input.** One record `{"id":…,"name":…,"birth_date":…,"org":…,"events":[…]}`, a JSON array of records, or
//! the members document `{"members":[…],"meetings":[…],"ledgers":[…]}`.
//!
//! **Output.** `--format table` (the default): one block per member on stdout — a line
//! `ID NAME：正式党员（full），DATE 起（党龄 N 年）`, then each finding `  [违规] CODE  message — citation` and
//! each next step `  下一步：CODE 最迟 DATE / 最早 DATE  message`; with `--lang en` the same in English
//! (`ID NAME: STAGE since DATE (党龄 N年)`, `[violation]`, `next: CODE due DATE / earliest DATE`). `--format json`: the core's `CheckBatch`
//! (`{"reports":[…],"errors":[…]}`). Either way each record that failed is a line on stderr,
//! `error: record N (ID): CODE at FIELD: message` (N counts records from 1; the field path is the core's,
//! inside the record, events counted from 0 as in JSON), followed by a one-line summary.
//!
//! **Exit status.** 0: every record checked, no finding of severity `violation`; 1: a violation found or a
//! record rejected (the other records are still printed); 2: usage error, unreadable file, a file that is not
//! a record, an array or a members document, or a bad `--policy` (nothing checked).

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use dangjian::codes::Code;
use dangjian::dues::BatchError;
use dangjian::membership::{check_members, CheckBatch, MemberReport, NextStep};
use dangjian::{Calendar, ErrorDetail, Finding, Severity};

use crate::disclosure_cmd::read_text;
use crate::disclosure_words::day;
use crate::dues_cmd::load_policy;
use crate::error::CliError;
use crate::labels;
use crate::lang::Lang;
use crate::output::{code_of, findings_tally, plural};
use crate::progress::{Progress, Work};

/// The event kinds of a record, in the core's order (for `--help`; a test checks them against the core's
/// `MemberEvent`, which has no list of its own).
pub(crate) const EVENT_KINDS: [&str; 34] = [
    "imported",
    "application",
    "talk",
    "activist",
    "contacts",
    "half_year_review",
    "development_target",
    "sponsors",
    "political_review",
    "training",
    "public_notice",
    "committee_review",
    "pre_review",
    "branch_vote",
    "interview",
    "approval",
    "oath",
    "probation_extended",
    "probation_cancelled",
    "conversion",
    "sanction",
    "sanction_extended",
    "rights_restored",
    "suspended",
    "reinstated",
    "removed",
    "lost_contact",
    "contact_restored",
    "transfer_out",
    "transfer_in",
    "away",
    "returned",
    "graduated",
    "excused",
];

/// The stages a report names, in the core's order (for `--help`; checked against the core's `Stage` too).
pub(crate) const STAGES: [&str; 8] = [
    "none",
    "applicant",
    "activist",
    "development_target",
    "probationary",
    "full",
    "suspended",
    "removed",
];

/// How a report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Format {
    /// Readable blocks (the default).
    #[default]
    Table,
    /// The core's JSON document.
    Json,
    /// JSON Lines: one report (or `{"error":…}`) a line.
    Jsonl,
}

impl Format {
    /// `table` or `json`.
    pub(crate) fn parse(text: &str) -> Result<Self, CliError> {
        match text {
            "table" => Ok(Self::Table),
            "json" => Ok(Self::Json),
            "jsonl" => Ok(Self::Jsonl),
            _ => Err(CliError::usage(format!(
                "`--format {text}`: expected table, json or jsonl"
            ))),
        }
    }
}

/// `member check`'s arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MemberCheckArgs {
    /// One record, an array of records or a members document.
    pub(crate) file: PathBuf,
    /// The day of the check.
    pub(crate) on: NaiveDate,
    /// How to print.
    pub(crate) format: Format,
    /// A JSON policy override laid over the bundled rules.
    pub(crate) policy: Option<PathBuf>,
    /// The language of the table's words.
    pub(crate) lang: Lang,
}

/// Runs the check: reports on stdout, rejected records and the summary on stderr.
pub(crate) fn check(args: &MemberCheckArgs) -> Result<ExitCode, CliError> {
    let policy = load_policy(args.policy.as_deref())?;
    let calendar = Calendar::official();
    let shown = args.file.display().to_string();
    let text = read_text(&args.file, args.lang)?;
    if crate::member_lines::is_jsonl(&args.file) {
        return crate::member_lines::check(args, &policy, &calendar, &text);
    }
    // The whole file as a JSON tree only for the table's names; the shape alone otherwise (a tree costs
    // several times the file).
    let (lone, input) = match args.format {
        Format::Table => {
            let input: serde_json::Value =
                dangjian::error::from_json(&text, Code::InvalidRecordJson.as_str())
                    .map_err(|e| CliError::input(format!("{shown}: {}", e.detail())))?;
            let lone = matches!(&input, serde_json::Value::Object(o) if !o.contains_key("members"));
            (lone, input)
        }
        _ => (
            crate::member_lines::lone_record(&text)
                .map_err(|e| CliError::input(format!("{shown}: {}", e.detail())))?,
            serde_json::Value::Null,
        ),
    };
    // The core's batch takes an array or the document; a lone record is a batch of one. Wrapped as text, so
    // a position the core reports is still the file's.
    let json = if lone { format!("[{text}]") } else { text };
    let progress = if crate::progress::stderr_is_terminal() {
        Progress::spinner(record_count(&json), Work::CheckingMembers, args.lang)
    } else {
        Progress::none()
    };
    let checked = check_members(&policy, &calendar, &json, args.on);
    progress.finish();
    let batch = checked.map_err(|e| CliError::input(format!("{shown}: {}", e.detail())))?;
    drop(json);

    let stdout = match args.format {
        Format::Table => table(&batch, &names(&input), args.lang),
        Format::Json => {
            let json = dangjian::error::to_json(&batch)
                .map_err(|e| CliError::input(e.detail().to_string()))?;
            json + "\n"
        }
        Format::Jsonl => crate::member_lines::batch_lines(&batch)?,
    };
    crate::say(&stdout);
    for e in &batch.errors {
        eprintln!("{}", rejected_line(e, Counted::Record, args.lang));
    }
    eprintln!("{}", summary(&batch, args.on, args.lang));
    let violations = batch
        .reports
        .iter()
        .any(|r| r.findings.iter().any(|f| f.severity == Severity::Violation));
    Ok(if violations || !batch.errors.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The number of records in a JSON array or a `{"members": […]}` document, counted without building them
/// (for the progress line only: 0 when the text is not one of those shapes, and the core then says why).
fn record_count(json: &str) -> usize {
    #[derive(serde::Deserialize)]
    struct Members {
        members: Vec<serde::de::IgnoredAny>,
    }
    serde_json::from_str::<Vec<serde::de::IgnoredAny>>(json)
        .map(|v| v.len())
        .or_else(|_| serde_json::from_str::<Members>(json).map(|m| m.members.len()))
        .unwrap_or(0)
}

/// What a rejected record's number counts: records of a JSON file, or lines of a JSON Lines file.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Counted {
    Record,
    Line,
}

/// `error: record 3 (M06): CODE at FIELD: message` for a record the core could not read or check, or
/// `错误：第 3 条记录（M06）：CODE（FIELD）：消息`; counted from 1, as lines are in the other commands.
pub(crate) fn rejected_line(e: &BatchError, counted: Counted, lang: Lang) -> String {
    let detail = ErrorDetail::new(
        &e.code,
        e.field.clone(),
        e.message_zh.clone(),
        e.message_en.clone(),
    );
    let n = e.index.saturating_add(1);
    let id = e.member_id.as_deref();
    match (lang, counted) {
        (Lang::En, counted) => {
            let place = match counted {
                Counted::Record => "record",
                Counted::Line => "line",
            };
            let id = id.map(|id| format!(" ({id})")).unwrap_or_default();
            format!("error: {place} {n}{id}: {detail}")
        }
        (Lang::Zh, counted) => {
            let place = match counted {
                Counted::Record => format!("第 {n} 条记录"),
                Counted::Line => format!("第 {n} 行"),
            };
            let id = id.map(|id| format!("（{id}）")).unwrap_or_default();
            format!("错误：{place}{id}：{}", lang.detail(&detail))
        }
    }
}

/// The summary line of a check on stderr: `2026-11-20: 12 records checked, 3 with violations, 0 rejected;
/// findings: TALK_OVERDUE ×1`, or `2026年11月20日：检查 12 条记录，3 条有违规，0 条被拒；问题：…`.
pub(crate) fn check_summary(
    on: NaiveDate,
    (records, with_violations, rejected): (usize, usize, usize),
    counts: &BTreeMap<&str, usize>,
    lang: Lang,
) -> String {
    let tally = findings_tally(counts, lang);
    match lang {
        Lang::En => format!(
            "{on}: {} checked, {with_violations} with violations, {rejected} rejected{tally}",
            plural(records, "record")
        ),
        Lang::Zh => format!(
            "{}：检查 {records} 条记录，{with_violations} 条有违规，{rejected} 条被拒{tally}",
            day(lang, on)
        ),
    }
}

/// Each record's name by id, for the block headers (the report carries only the id).
fn names(input: &serde_json::Value) -> HashMap<String, String> {
    let records = match input {
        serde_json::Value::Array(records) => records.as_slice(),
        serde_json::Value::Object(o) => match o.get("members") {
            Some(serde_json::Value::Array(records)) => records.as_slice(),
            _ => std::slice::from_ref(input),
        },
        _ => &[],
    };
    records
        .iter()
        .filter_map(|r| {
            let text = |key: &str| r.get(key).and_then(|v| v.as_str()).map(str::to_owned);
            Some((text("id")?, text("name")?))
        })
        .collect()
}

/// The reports as blocks, one per member, in input order.
fn table(batch: &CheckBatch, names: &HashMap<String, String>, lang: Lang) -> String {
    batch
        .reports
        .iter()
        .map(|r| block(r, names.get(&r.member_id).map(String::as_str), lang))
        .collect()
}

/// One member: the header line, the findings, the next steps.
pub(crate) fn block(report: &MemberReport, name: Option<&str>, lang: Lang) -> String {
    let mut text = report.member_id.clone();
    if let Some(name) = name {
        text.push(' ');
        text.push_str(name);
    }
    text.push_str(lang.pick("：", ": "));
    text.push_str(&labels::stage(lang, &code_of(&report.stage)));
    if let Some(since) = report.since {
        text.push_str(&match lang {
            Lang::Zh => format!("，{} 起", day(lang, since)),
            Lang::En => format!(" since {since}"),
        });
    }
    if let Some(age) = report.party_age_years {
        text.push_str(&match lang {
            Lang::Zh => format!("（党龄 {age} 年）"),
            Lang::En => format!(" (党龄 {age}年)"),
        });
    }
    text.push('\n');
    if let Some(line) = rights_line(report, lang) {
        text.push_str(&format!("  {line}\n"));
    }
    let rights = lang.pick("权利", "rights");
    for f in &report.rights.reasons {
        text.push_str(&format!("  {rights} {}\n", finding_line(f, lang)));
    }
    for f in &report.findings {
        text.push_str(&format!("  {}\n", finding_line(f, lang)));
    }
    for n in &report.next_steps {
        text.push_str(&format!("  {}\n", next_line(n, lang)));
    }
    text
}

/// `rights: 表决权 否 · 选举权 否 · 被选举权 否 · 入党介绍人 有` for a member (probationary, full or suspended)
/// with a right withheld; the restrictions' articles follow on their own `rights [...]` lines.
fn rights_line(report: &MemberReport, lang: Lang) -> Option<String> {
    use dangjian::membership::Stage;
    if !matches!(
        report.stage,
        Stage::Probationary | Stage::Full | Stage::Suspended
    ) {
        return None;
    }
    let r = &report.rights;
    // A member with every right needs no line: the table shows what is withheld.
    if r.may_vote && r.may_elect && r.may_be_elected && r.may_sponsor {
        return None;
    }
    let yes_no = |b: bool| if b { "有" } else { "否" };
    Some(format!(
        "{}表决权 {} · 选举权 {} · 被选举权 {} · 入党介绍人 {}",
        lang.pick("权利：", "rights: "),
        yes_no(r.may_vote),
        yes_no(r.may_elect),
        yes_no(r.may_be_elected),
        yes_no(r.may_sponsor)
    ))
}

/// `[violation] CODE  message — regulation article` (no dash when the finding cites nothing); `[违规] …` in
/// Chinese.
pub(crate) fn finding_line(f: &Finding, lang: Lang) -> String {
    let severity = labels::severity(lang, &code_of(&f.severity));
    let mut line = format!("{severity} {}  {}", f.code, f.message_zh);
    if let Some(c) = &f.citation {
        // Some citations name a whole regulation and no article: no trailing space then.
        line.push_str(&format!(" — {}", c.to_string().trim_end()));
    }
    line
}

/// `next: CODE due DATE / earliest DATE  message`, each date only when the core gives it;
/// `下一步：CODE 最迟 2026年9月1日 / 最早 …  message` in Chinese.
pub(crate) fn next_line(n: &NextStep, lang: Lang) -> String {
    let dates: Vec<String> = [
        (lang.pick("最迟", "due"), n.due),
        (lang.pick("最早", "earliest"), n.earliest),
    ]
    .into_iter()
    .filter_map(|(what, d)| d.map(|d| format!("{what} {}", day(lang, d))))
    .collect();
    let mut line = format!("{}{}", lang.pick("下一步：", "next: "), n.code);
    if !dates.is_empty() {
        line.push(' ');
        line.push_str(&dates.join(" / "));
    }
    line.push_str(&format!("  {}", n.message_zh));
    line
}

/// The batch's summary line (see [`check_summary`]).
fn summary(batch: &CheckBatch, on: NaiveDate, lang: Lang) -> String {
    let with_violations = batch
        .reports
        .iter()
        .filter(|r| r.findings.iter().any(|f| f.severity == Severity::Violation))
        .count();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for f in batch.reports.iter().flat_map(|r| &r.findings) {
        *counts.entry(f.code.as_str()).or_default() += 1;
    }
    let numbers = (batch.reports.len(), with_violations, batch.errors.len());
    check_summary(on, numbers, &counts, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dangjian::Citation;

    /// serde names every variant it knows when it meets one it does not.
    fn variants(error: &serde_json::Error) -> Vec<String> {
        let text = error.to_string();
        let (_, expected) = text.split_once("expected one of").unwrap();
        expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn event_kinds_and_stages_are_the_cores() {
        let e = serde_json::from_str::<dangjian::membership::MemberEvent>(r#"{"kind":"?"}"#)
            .unwrap_err();
        assert_eq!(variants(&e), EVENT_KINDS);
        let e = serde_json::from_str::<dangjian::membership::Stage>(r#""?""#).unwrap_err();
        assert_eq!(variants(&e), STAGES);
    }

    #[test]
    fn records_are_counted_for_the_progress_line() {
        assert_eq!(record_count(r#"[{"id":"A"},{"id":"B"}]"#), 2);
        assert_eq!(
            record_count(r#"{"members":[{"id":"A"}],"meetings":[{},{}]}"#),
            1
        );
        assert_eq!(record_count("{"), 0);
    }

    #[test]
    fn formats() {
        assert_eq!(Format::parse("json").unwrap(), Format::Json);
        assert_eq!(Format::parse("table").unwrap(), Format::Table);
        assert!(Format::parse("csv").is_err_and(|e| e.show_usage));
    }

    #[test]
    fn names_from_every_input_shape() {
        let record = serde_json::json!({"id":"M1","name":"甲"});
        assert_eq!(names(&record)["M1"], "甲");
        assert_eq!(names(&serde_json::json!([record.clone()]))["M1"], "甲");
        assert_eq!(
            names(&serde_json::json!({"members":[record], "meetings":[]}))["M1"],
            "甲"
        );
        assert!(names(&serde_json::json!(3)).is_empty());
    }

    #[test]
    fn lines() {
        let f = Finding::new(
            "TALK_OVERDUE",
            Severity::Violation,
            "未按时谈话",
            "talk overdue",
            Some(Citation::new("细则", "第七条")),
        );
        assert_eq!(
            finding_line(&f, Lang::En),
            "[violation] TALK_OVERDUE  未按时谈话 — 细则 第七条"
        );
        assert_eq!(
            finding_line(&f, Lang::Zh),
            "[违规] TALK_OVERDUE  未按时谈话 — 细则 第七条"
        );
        let day = |s: &str| s.parse::<NaiveDate>().ok();
        let n = NextStep::new(
            "TALK",
            "谈话",
            "talk",
            day("2026-09-01"),
            day("2026-10-01"),
            None,
        );
        assert_eq!(
            next_line(&n, Lang::En),
            "next: TALK due 2026-10-01 / earliest 2026-09-01  谈话"
        );
        assert_eq!(
            next_line(&n, Lang::Zh),
            "下一步：TALK 最迟 2026年10月1日 / 最早 2026年9月1日  谈话"
        );
        let n = NextStep::new("X", "某事", "x", None, None, None);
        assert_eq!(next_line(&n, Lang::En), "next: X  某事");
    }
}
