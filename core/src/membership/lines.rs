//! JSON Lines in, one outcome out: `member check` and `org check` over a JSON Lines text (one member record,
//! meeting or ledger a line; one organization's bundle a line), answered as a document that names every line —
//! the reports of the good lines, each with its line number, and the bad lines with their line number, code
//! and field path. A bad line never loses the others.
//!
//! These are the forms the bindings and the npm package call (a host hands over a text and gets one value
//! back). A Rust caller streaming a province in bounded memory uses [`super::check_members_lines`] /
//! [`super::check_orgs_lines`], which hand each answer over as it is made.
//!
//! Line numbers are 1-based, as an editor shows them; blank lines are skipped but counted.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::organization::OrgReport;
use super::report::MemberReport;
use super::stream::{members_at, orgs_at, Answer};
use crate::dues::BatchError;
use crate::error::to_json;
use crate::month::parse_date;
use crate::{Calendar, Policy, Result};

/// The report of one line, with the line's number (1-based).
///
/// ```
/// let r = dangjian::membership::LineReport { line: 3, report: dangjian::membership::OrgReport::default() };
/// assert!(dangjian::error::to_json(&r).unwrap().starts_with(r#"{"line":3,"report":{"on":"#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct LineReport<R> {
    /// The line's number, 1-based, as an editor counts (blank lines count).
    pub line: usize,
    /// Its report.
    pub report: R,
}

/// A line that could not be read or checked: its number, the code and the path of the field at fault.
///
/// ```
/// let e = dangjian::dues::BatchError::new(1, None, &dangjian::Error::overflow("events[0].date"));
/// let l = dangjian::membership::LineError::from(e);
/// assert_eq!((l.line, l.code.as_str(), l.field.as_str()), (2, "ARITHMETIC_OVERFLOW", "events[0].date"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct LineError {
    /// The line's number, 1-based, as an editor counts (blank lines count).
    pub line: usize,
    /// The member's id, when the line is a member record whose id could be read.
    pub member_id: Option<String>,
    /// `invalid_input`, `policy` or `calendar`.
    #[cfg_attr(feature = "wasm", tsify(type = "DangjianErrorKind"))]
    pub kind: String,
    /// Stable code (the registry's).
    pub code: String,
    /// Path of the field at fault, inside the line's value (`events[0].date`, `orgs[1].parent`).
    pub field: String,
    /// Message in Chinese.
    pub message_zh: String,
    /// Message in English.
    pub message_en: String,
}

impl From<BatchError> for LineError {
    fn from(e: BatchError) -> Self {
        Self {
            line: e.index.saturating_add(1),
            member_id: e.member_id,
            kind: e.kind,
            code: e.code,
            field: e.field,
            message_zh: e.message_zh,
            message_en: e.message_en,
        }
    }
}

/// What a JSON Lines check answered: a report per good line and an error per bad line, each in line order.
///
/// ```
/// let o = dangjian::membership::LinesOutcome::<dangjian::membership::MemberReport>::default();
/// assert!(o.reports.is_empty() && o.errors.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct LinesOutcome<R> {
    /// The reports, in line order.
    pub reports: Vec<LineReport<R>>,
    /// The lines that could not be read or checked, in line order.
    pub errors: Vec<LineError>,
}

impl<R> Default for LinesOutcome<R> {
    fn default() -> Self {
        Self {
            reports: Vec::new(),
            errors: Vec::new(),
        }
    }
}

impl<R: Clone> LinesOutcome<R> {
    fn take(&mut self, index: usize, answer: Answer<'_, R>) {
        match answer {
            Answer::Report(r) => self.reports.push(LineReport {
                line: index.saturating_add(1),
                report: r.clone(),
            }),
            Answer::Error(e) => self.errors.push(e.clone().into()),
        }
    }
}

/// `member check` over JSON Lines, answered whole: each line a member record, `{"meeting":{…}}` or
/// `{"ledger":{…}}`, in any order (the records are the roster sponsors and contacts are looked up in). A
/// record's report is the one [`super::check_members`] gives; a line that cannot be read or checked is an
/// entry of `errors` (a repeated id is `DUPLICATE_MEMBER` on the later line) and the others are still checked.
/// Errors (the whole call): no membership rules in force, the calendar.
///
/// ```
/// use dangjian::membership::check_members_lines_outcome;
/// let lines = [r#"{"id":"A","name":"甲","birth_date":"2000-01-01","org":"B1"}"#, "",
///              r#"{"id":"B","name":"乙","birth_date":"2000-01-01","org":"B1","events":[{"kind":"talk","date":"x"}]}"#];
/// let o = check_members_lines_outcome(&dangjian::Policy::bundled(), &dangjian::Calendar::official(), lines,
///     "2026-01-01".parse().unwrap()).unwrap();
/// assert_eq!((o.reports[0].line, o.reports[0].report.member_id.as_str()), (1, "A"));
/// assert_eq!((o.errors[0].line, o.errors[0].code.as_str()), (3, "INVALID_RECORD_JSON"));
/// assert_eq!(o.errors[0].field, "events[0].date");
/// ```
pub fn check_members_lines_outcome<S: AsRef<str>>(
    policy: &Policy,
    calendar: &Calendar,
    lines: impl IntoIterator<Item = S>,
    on: NaiveDate,
) -> Result<LinesOutcome<MemberReport>> {
    let mut outcome = LinesOutcome::default();
    members_at(policy, calendar, lines, on, |i, a| outcome.take(i, a))?;
    Ok(outcome)
}

/// `org check` over JSON Lines, answered whole: each line one organization's bundle (an
/// [`super::OrgDocument`]), checked on its own as [`super::check_orgs_json`] checks it; a bundle that cannot be
/// read or checked is an entry of `errors` and the other lines are still checked.
///
/// ```
/// use dangjian::membership::check_orgs_lines_outcome;
/// let lines = [r#"{"orgs":[{"id":"B1","kind":"branch"}]}"#, r#"{"orgs":[{"id":"B2","kind":"club"}]}"#];
/// let o = check_orgs_lines_outcome(&dangjian::Policy::bundled(), lines, "2026-03-31".parse().unwrap()).unwrap();
/// assert_eq!((o.reports.len(), o.reports[0].line, o.reports[0].report.orgs[0].org.as_str()), (1, 1, "B1"));
/// assert_eq!((o.errors[0].line, o.errors[0].code.as_str(), o.errors[0].field.as_str()), (2, "INVALID_ORG_JSON", "orgs[0].kind"));
/// ```
pub fn check_orgs_lines_outcome<S: AsRef<str>>(
    policy: &Policy,
    lines: impl IntoIterator<Item = S>,
    on: NaiveDate,
) -> Result<LinesOutcome<OrgReport>> {
    let mut outcome = LinesOutcome::default();
    orgs_at(policy, lines, on, |i, a| outcome.take(i, a))?;
    Ok(outcome)
}

/// [`check_members_lines_outcome`] over text: JSON Lines in, `{"reports":[{"line","report"}],"errors":[{"line",
/// "member_id","kind","code","field",…}]}` out. Errors (the whole call): `INVALID_DATE` at `on`, no membership
/// rules in force, the calendar.
///
/// ```
/// let out = dangjian::membership::check_members_lines_json(&dangjian::Policy::bundled(),
///     &dangjian::Calendar::official(), "{\"id\":\"A\",\"name\":\"甲\",\"birth_date\":\"2000-01-01\",\"org\":\"B1\"}\n{\n",
///     "2026-01-01").unwrap();
/// assert!(out.starts_with(r#"{"reports":[{"line":1,"report":{"member_id":"A""#));
/// assert!(out.contains(r#""errors":[{"line":2,"member_id":null,"kind":"invalid_input","code":"INVALID_RECORD_JSON""#));
/// ```
pub fn check_members_lines_json(
    policy: &Policy,
    calendar: &Calendar,
    jsonl: &str,
    on: &str,
) -> Result<String> {
    let on = parse_date(on, "on")?;
    to_json(&check_members_lines_outcome(
        policy,
        calendar,
        jsonl.lines(),
        on,
    )?)
}

/// [`check_orgs_lines_outcome`] over text: JSON Lines in, `{"reports":[{"line","report"}],"errors":[…]}` out.
/// Errors (the whole call): `INVALID_DATE` at `on`.
///
/// ```
/// let out = dangjian::membership::check_orgs_lines_json(&dangjian::Policy::bundled(),
///     "{\"orgs\":[{\"id\":\"B1\",\"kind\":\"branch\"}]}\n", "2026-03-31").unwrap();
/// assert!(out.starts_with(r#"{"reports":[{"line":1,"report":{"on":"2026-03-31""#));
/// assert!(out.ends_with(r#""errors":[]}"#));
/// ```
pub fn check_orgs_lines_json(policy: &Policy, jsonl: &str, on: &str) -> Result<String> {
    let on = parse_date(on, "on")?;
    to_json(&check_orgs_lines_outcome(policy, jsonl.lines(), on)?)
}

#[cfg(test)]
#[path = "lines_tests.rs"]
mod tests;
