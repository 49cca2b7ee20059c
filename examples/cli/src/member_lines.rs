//! JSON Lines for `member check` (a `.jsonl` or `.ndjson` file: one record a line, meetings as
//! `{"meeting":…}` and ledgers as `{"ledger":…}` lines) and the `--format jsonl` output: one report, or
//! `{"error":…}` with the line's position, a line. The records are read once, typed, as the roster; the reports
//! leave as they are made, so memory is the roster, not the output.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::process::ExitCode;

use dangjian::codes::Code;
use dangjian::dues::BatchError;
use dangjian::membership::{check_members_lines, Answer, CheckBatch, MemberReport};
use dangjian::{Calendar, Policy, Severity};
use serde::de::IgnoredAny;
use serde::Deserialize;

use crate::error::CliError;
use crate::member_cmd::{block, check_summary, rejected_line, Counted, Format, MemberCheckArgs};
use crate::progress::{Progress, Work};

/// Whether the file is JSON Lines, by its name.
pub(crate) fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

#[derive(Deserialize)]
struct Shape {
    #[serde(default)]
    members: Option<IgnoredAny>,
}

/// Whether the text is one record (an object without `members`), read without building the tree.
pub(crate) fn lone_record(text: &str) -> Result<bool, dangjian::Error> {
    if text.trim_start().starts_with('{') {
        if let Ok(shape) = serde_json::from_str::<Shape>(text) {
            return Ok(shape.members.is_none());
        }
    }
    // Anything else: the whole reader says what is wrong, as before.
    let v: serde_json::Value = dangjian::error::from_json(text, Code::InvalidRecordJson.as_str())?;
    Ok(matches!(&v, serde_json::Value::Object(o) if !o.contains_key("members")))
}

/// A batch's reports as lines, then its errors.
pub(crate) fn batch_lines(batch: &CheckBatch) -> Result<String, CliError> {
    let mut out = String::new();
    let answers = batch
        .reports
        .iter()
        .map(Answer::Report)
        .chain(batch.errors.iter().map(Answer::Error));
    for a in answers {
        out.push_str(&line(&a)?);
    }
    Ok(out)
}

fn line(a: &Answer<'_, MemberReport>) -> Result<String, CliError> {
    let mut l = a
        .to_json_line()
        .map_err(|e| CliError::input(e.detail().to_string()))?;
    l.push('\n');
    Ok(l)
}

#[derive(Deserialize)]
struct Named {
    id: String,
    name: String,
}

/// `member check` of a JSON Lines file.
pub(crate) fn check(
    args: &MemberCheckArgs,
    policy: &Policy,
    calendar: &Calendar,
    text: &str,
) -> Result<ExitCode, CliError> {
    let shown = args.file.display().to_string();
    let names: HashMap<String, String> = match args.format {
        Format::Table => text
            .lines()
            .filter_map(|l| serde_json::from_str::<Named>(l).ok())
            .map(|n| (n.id, n.name))
            .collect(),
        _ => HashMap::new(),
    };
    let mut batch = CheckBatch::default();
    let (mut chunk, mut failed) = (String::new(), None);
    let (mut violations, mut errors) = (0usize, Vec::<BatchError>::new());
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let progress = Progress::bar(text.lines().count(), Work::CheckingMembers, args.lang);
    let summary = check_members_lines(policy, calendar, text.lines(), args.on, |a| {
        progress.tick();
        match a {
            Answer::Report(r) => {
                if r.findings.iter().any(|f| f.severity == Severity::Violation) {
                    violations += 1;
                }
                for f in &r.findings {
                    *counts.entry(f.code.clone()).or_default() += 1;
                }
            }
            Answer::Error(e) => errors.push(e.clone()),
        }
        match (args.format, a) {
            (Format::Jsonl, a) => match line(&a) {
                Ok(l) => chunk.push_str(&l),
                Err(e) => {
                    failed.get_or_insert(e);
                }
            },
            (Format::Json, Answer::Report(r)) => batch.reports.push(r.clone()),
            (Format::Json, Answer::Error(e)) => batch.errors.push(e.clone()),
            (Format::Table, Answer::Report(r)) => {
                chunk.push_str(&block(
                    r,
                    names.get(&r.member_id).map(String::as_str),
                    args.lang,
                ));
            }
            (Format::Table, Answer::Error(_)) => {}
        }
        // Out in pieces: the whole output is never held.
        if chunk.len() > 1 << 16 {
            progress.suspend(|| crate::say(&chunk));
            chunk.clear();
        }
    });
    progress.finish();
    let summary = summary.map_err(|e| CliError::input(format!("{shown}: {}", e.detail())))?;
    if let Some(e) = failed {
        return Err(e);
    }
    if args.format == Format::Json {
        chunk = dangjian::error::to_json(&batch)
            .map_err(|e| CliError::input(e.detail().to_string()))?
            + "\n";
    }
    crate::say(&chunk);
    for e in &errors {
        eprintln!("{}", rejected_line(e, Counted::Line, args.lang));
    }
    let tally: BTreeMap<&str, usize> = counts.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let numbers = (summary.reports, violations, summary.errors);
    eprintln!("{}", check_summary(args.on, numbers, &tally, args.lang));
    Ok(if violations > 0 || summary.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_shapes() {
        assert!(is_jsonl(Path::new("a/b.jsonl")) && is_jsonl(Path::new("x.NDJSON")));
        assert!(!is_jsonl(Path::new("x.json")));
        assert!(lone_record(r#"{"id":"A","members_x":1}"#).unwrap());
        assert!(!lone_record(r#" {"members":[{"id":"A"}]}"#).unwrap());
        assert!(!lone_record(r#"[{"id":"A"}]"#).unwrap());
        assert_eq!(lone_record("{").unwrap_err().code(), "INVALID_RECORD_JSON");
    }
}
