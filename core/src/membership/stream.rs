//! JSON Lines for national rosters: `member check` and `org check` over one JSON value a line, each answer
//! handed to the caller as its own line as soon as it is ready — the core does no I/O, the caller writes.
//!
//! - Members: each line a member record, or `{"meeting":{…}}` (organizational life) or `{"ledger":{…}}` (dues),
//!   in any order. The records are the roster (sponsors and contacts are looked up in all of them), so they are
//!   read first and kept, typed; the reports then leave one a line, in input order, the same reports as
//!   [`super::check_members`] gives for the same records.
//! - Organizations: each line a whole [`super::OrgDocument`] (one organization's bundle: its tree, details,
//!   members, meetings, elections and rounds), checked on its own and forgotten before the next line is read,
//!   so a province streams in the memory of its largest bundle.
//!
//! An output line is a report, or `{"error":{…}}` (a [`crate::dues::BatchError`] whose `index` is the input
//! line's position, 0-based: line 1 is index 0). Blank lines are skipped (they still count as lines).
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::check::check;
use super::context::Context;
use super::life::Meeting;
use super::organization::{check_orgs, OrgDocument, OrgReport};
use super::read::{duplicate, record_line};
use super::record::MemberRecord;
use super::report::MemberReport;
use crate::dues::{BatchError, Ledger};
use crate::error::{from_json, to_json};
use crate::fx::FxSet;
use crate::month::parse_date;
use crate::{Calendar, Error, Policy, Result};

/// What a stream held: lines answered with a report, and lines answered with an error.
///
/// ```
/// let s = dangjian::membership::StreamSummary::default();
/// assert_eq!((s.reports, s.errors), (0, 0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StreamSummary {
    /// Reports written.
    pub reports: usize,
    /// Error lines written.
    pub errors: usize,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    error: &'a BatchError,
}

/// One answer of a stream, in input order: a report, or the error of a line that could not be read or checked.
///
/// ```
/// use dangjian::membership::{Answer, MemberReport};
/// let e = dangjian::dues::BatchError::new(2, None, &dangjian::Error::overflow("x"));
/// let a: Answer<'_, MemberReport> = Answer::Error(&e);
/// assert!(a.to_json_line().unwrap().starts_with(r#"{"error":{"index":2"#));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer<'a, R> {
    /// The report of a line.
    Report(&'a R),
    /// The error of a line (`index`: the line's position, 0-based).
    Error(&'a BatchError),
}

impl<R: Serialize> Answer<'_, R> {
    /// The answer as one JSON line (no line end): the report itself, or `{"error":{…}}`.
    ///
    /// ```
    /// let r = dangjian::membership::OrgReport::default();
    /// let a = dangjian::membership::Answer::Report(&r);
    /// assert!(a.to_json_line().unwrap().starts_with(r#"{"on":"#));
    /// ```
    pub fn to_json_line(&self) -> Result<String> {
        match self {
            Answer::Report(r) => to_json(r),
            Answer::Error(e) => to_json(&ErrorLine { error: e }),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MeetingLine {
    meeting: Meeting,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LedgerLine {
    ledger: Ledger,
}

/// The first key of a JSON object line, when it is `meeting` or `ledger`.
fn wrapper(line: &str) -> Option<&'static str> {
    let rest = line.trim_start().strip_prefix('{')?.trim_start();
    ["meeting", "ledger"]
        .into_iter()
        .find(|k| rest.starts_with(&format!("\"{k}\"")))
}

/// What line `index` held, in input order.
enum Slot {
    Record(usize),
    Failed(BatchError),
}

/// The lines read: the records (the roster) with their lines' indexes, the meetings and ledgers, and what each
/// line answers, in input order.
#[derive(Default)]
struct Lines {
    records: Vec<MemberRecord>,
    positions: Vec<usize>,
    meetings: Vec<Meeting>,
    ledgers: Vec<Ledger>,
    slots: Vec<Slot>,
    /// Ids seen so far (a later record with the same id is `DUPLICATE_MEMBER`).
    seen: FxSet<String>,
}

impl Lines {
    /// Reads line `index`: a meeting, a ledger or a record — straight into the type first, the path-tracking
    /// read only for a line that fails (its error).
    fn read(&mut self, index: usize, line: &str) {
        match wrapper(line) {
            Some("meeting") => match serde_json::from_str::<MeetingLine>(line)
                .or_else(|_| from_json::<MeetingLine>(line, "INVALID_MEETING_JSON"))
            {
                Ok(m) => self.meetings.push(m.meeting),
                Err(e) => self.fail(index, &e, None),
            },
            Some(_) => match serde_json::from_str::<LedgerLine>(line)
                .or_else(|_| from_json::<LedgerLine>(line, "INVALID_LEDGER_JSON"))
            {
                Ok(l) => self.ledgers.push(l.ledger),
                Err(e) => self.fail(index, &e, None),
            },
            None => self.record(index, line),
        }
    }

    /// A record line: read straight into the type when it reads as it stands; otherwise the tree read gives
    /// the error (and the id) exactly as before. A repeated id is the later line's error.
    fn record(&mut self, index: usize, line: &str) {
        if let Some(r) = record_line(line) {
            if self.seen.insert(r.id.clone()) {
                self.push(index, r);
            } else {
                self.fail(index, &duplicate(&r.id), Some(r.id));
            }
            return;
        }
        let value = match from_json::<serde_json::Value>(line, "INVALID_RECORD_JSON") {
            Ok(v) => v,
            Err(e) => return self.fail(index, &e, None),
        };
        let id = value.get("id").and_then(|v| v.as_str()).map(str::to_owned);
        if let Some(id) = &id {
            if !self.seen.insert(id.clone()) {
                return self.fail(index, &duplicate(id), Some(id.clone()));
            }
        }
        match MemberRecord::from_value(value) {
            Ok(r) => self.push(index, r),
            Err(e) => self.fail(index, &e, id),
        }
    }

    fn push(&mut self, index: usize, record: MemberRecord) {
        self.slots.push(Slot::Record(self.records.len()));
        self.records.push(record);
        self.positions.push(index);
    }

    fn fail(&mut self, index: usize, e: &Error, id: Option<String>) {
        self.slots.push(Slot::Failed(BatchError::new(index, id, e)));
    }
}

/// `member check` over JSON Lines: reads every line (records, meetings, ledgers), then calls `emit` with one
/// answer per record — its report, or the error of a record that cannot be read or checked (a repeated id is
/// `DUPLICATE_MEMBER` on the later one) — and for each unreadable meeting or ledger line, in input order.
///
/// ```
/// use dangjian::membership::check_members_lines;
/// let lines = [r#"{"id":"A","name":"甲","birth_date":"2000-01-01","org":"B1","events":[{"kind":"application","date":"2025-03-01"}]}"#,
///              r#"{"id":"B","name":"乙","birth_date":"2000-01-01","org":"B1","events":[{"kind":"talk","date":"x"}]}"#];
/// let mut out = Vec::new();
/// let s = check_members_lines(&dangjian::Policy::bundled(), &dangjian::Calendar::official(), lines,
///     "2026-01-01".parse().unwrap(), |a| out.push(a.to_json_line().unwrap())).unwrap();
/// assert_eq!((s.reports, s.errors), (1, 1));
/// assert!(out[0].starts_with(r#"{"member_id":"A""#));
/// assert!(out[1].starts_with(r#"{"error":{"index":1,"member_id":"B""#));
/// ```
pub fn check_members_lines<S: AsRef<str>>(
    policy: &Policy,
    calendar: &Calendar,
    lines: impl IntoIterator<Item = S>,
    on: NaiveDate,
    mut emit: impl FnMut(Answer<'_, MemberReport>),
) -> Result<StreamSummary> {
    members_at(policy, calendar, lines, on, |_, a| emit(a))
}

/// [`check_members_lines`], each answer with the index (0-based) of the line it answers.
pub(super) fn members_at<S: AsRef<str>>(
    policy: &Policy,
    calendar: &Calendar,
    lines: impl IntoIterator<Item = S>,
    on: NaiveDate,
    emit: impl FnMut(usize, Answer<'_, MemberReport>),
) -> Result<StreamSummary> {
    let mut read = Lines::default();
    for (index, line) in lines.into_iter().enumerate() {
        let line = line.as_ref();
        if !line.trim().is_empty() {
            read.read(index, line);
        }
    }
    let Lines {
        records,
        positions,
        meetings,
        ledgers,
        slots,
        seen,
    } = read;
    drop(seen);
    let ctx = Context::new(policy, calendar, &records)?
        .with_meetings(&meetings)
        .with_ledgers(&ledgers);
    Ok(answer(&ctx, &records, &positions, slots, on, emit))
}

/// Hands each line's answer to `emit`, in input order: a record's report (or the error of its check), or the
/// error of a line that could not be read.
fn answer(
    ctx: &Context<'_>,
    records: &[MemberRecord],
    positions: &[usize],
    slots: Vec<Slot>,
    on: NaiveDate,
    mut emit: impl FnMut(usize, Answer<'_, MemberReport>),
) -> StreamSummary {
    let mut summary = StreamSummary::default();
    for slot in slots {
        let error = match slot {
            Slot::Record(k) => {
                let (Some(record), Some(&index)) = (records.get(k), positions.get(k)) else {
                    continue;
                };
                match check(ctx, record, on) {
                    Ok(report) => {
                        emit(index, Answer::Report(&report));
                        summary.reports = summary.reports.saturating_add(1);
                        continue;
                    }
                    Err(e) => BatchError::new(index, Some(record.id.clone()), &e),
                }
            }
            Slot::Failed(e) => e,
        };
        emit(error.index, Answer::Error(&error));
        summary.errors = summary.errors.saturating_add(1);
    }
    summary
}

/// `org check` over JSON Lines: each line an organization document (a bundle), checked on `on` and handed to
/// `emit` — its [`super::OrgReport`], or the error when the bundle cannot be read or checked — before the next
/// line is read.
///
/// ```
/// use dangjian::membership::check_orgs_lines;
/// let lines = [r#"{"orgs":[{"id":"B1","kind":"branch"}]}"#, r#"{"orgs":[{"id":"B2","parent":"X","kind":"branch"}]}"#];
/// let mut out = Vec::new();
/// let s = check_orgs_lines(&dangjian::Policy::bundled(), lines, "2026-03-31".parse().unwrap(),
///     |a| out.push(a.to_json_line().unwrap())).unwrap();
/// assert_eq!((s.reports, s.errors), (1, 1));
/// // The bundle's tree is checked as it is read (as `check_orgs_json` does): the unknown parent is named in the message.
/// assert!(out[1].contains(r#""code":"INVALID_ORG_JSON","field":"orgs""#) && out[1].contains("UNKNOWN_ORG at [0].parent"));
/// ```
pub fn check_orgs_lines<S: AsRef<str>>(
    policy: &Policy,
    lines: impl IntoIterator<Item = S>,
    on: NaiveDate,
    mut emit: impl FnMut(Answer<'_, OrgReport>),
) -> Result<StreamSummary> {
    orgs_at(policy, lines, on, |_, a| emit(a))
}

/// [`check_orgs_lines`], each answer with the index (0-based) of the line it answers.
pub(super) fn orgs_at<S: AsRef<str>>(
    policy: &Policy,
    lines: impl IntoIterator<Item = S>,
    on: NaiveDate,
    mut emit: impl FnMut(usize, Answer<'_, OrgReport>),
) -> Result<StreamSummary> {
    let mut summary = StreamSummary::default();
    for (index, line) in lines.into_iter().enumerate() {
        let line = line.as_ref();
        if line.trim().is_empty() {
            continue;
        }
        let checked = OrgDocument::from_json(line).and_then(|doc| check_orgs(policy, &doc, on));
        match checked {
            Ok(report) => {
                emit(index, Answer::Report(&report));
                summary.reports = summary.reports.saturating_add(1);
            }
            Err(e) => {
                emit(index, Answer::Error(&BatchError::new(index, None, &e)));
                summary.errors = summary.errors.saturating_add(1);
            }
        }
    }
    Ok(summary)
}

/// [`check_members_lines`] over text: JSON Lines in, JSON Lines out (each line ended by `\n`).
///
/// ```
/// let out = dangjian::membership::check_members_jsonl(&dangjian::Policy::bundled(), &dangjian::Calendar::official(),
///     "{\"id\":\"A\",\"name\":\"甲\",\"birth_date\":\"2000-01-01\",\"org\":\"B1\"}\n", "2026-01-01").unwrap();
/// assert!(out.starts_with(r#"{"member_id":"A""#) && out.ends_with('\n'));
/// ```
pub fn check_members_jsonl(
    policy: &Policy,
    calendar: &Calendar,
    jsonl: &str,
    on: &str,
) -> Result<String> {
    let on = parse_date(on, "on")?;
    let (mut out, mut failed) = (String::new(), None);
    check_members_lines(policy, calendar, jsonl.lines(), on, |a| {
        push_line(&mut out, &mut failed, &a)
    })?;
    failed.map_or(Ok(out), Err)
}

/// [`check_orgs_lines`] over text: JSON Lines in, JSON Lines out (each line ended by `\n`).
///
/// ```
/// let out = dangjian::membership::check_orgs_jsonl(&dangjian::Policy::bundled(),
///     "{\"orgs\":[{\"id\":\"B1\",\"kind\":\"branch\"}]}\n", "2026-03-31").unwrap();
/// assert!(out.starts_with(r#"{"on":"2026-03-31""#) && out.ends_with('\n'));
/// ```
pub fn check_orgs_jsonl(policy: &Policy, jsonl: &str, on: &str) -> Result<String> {
    let on = parse_date(on, "on")?;
    let (mut out, mut failed) = (String::new(), None);
    check_orgs_lines(policy, jsonl.lines(), on, |a| {
        push_line(&mut out, &mut failed, &a)
    })?;
    failed.map_or(Ok(out), Err)
}

/// Appends the answer's line; keeps the first serialization error.
fn push_line<R: Serialize>(out: &mut String, failed: &mut Option<Error>, a: &Answer<'_, R>) {
    match a.to_json_line() {
        Ok(line) => {
            out.push_str(&line);
            out.push('\n');
        }
        Err(e) => {
            failed.get_or_insert(e);
        }
    }
}

#[cfg(test)]
#[path = "stream_tests.rs"]
mod tests;
