//! JSON entry points: the membership functions over JSON documents, for the bindings, the wasm package and the
//! CLI. Output is compact JSON with dates as `YYYY-MM-DD`.
//!
//! A batch keeps its good records: each record that cannot be read (an unknown event kind, an impossible date)
//! or checked (events out of order, a vote with more votes than voters, an invalid 身份证号) becomes an entry of
//! `errors` with its index, id and the field at fault; the others are checked against the readable roster.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::check::check;
use super::context::Context;
use super::discipline::rights_on;
use super::life::Meeting;
use super::record::{MemberEvent, MemberRecord};
use super::report::MemberReport;
use super::transition::apply;
use crate::dues::{BatchError, Ledger};
use crate::error::{from_json, path_error, to_json};
use crate::month::parse_date;
use crate::{Calendar, Error, Policy, Result};

/// The members document of a batch check: the records (also the roster sponsors and contacts are looked up
/// in), and optionally the meetings (organizational life) and the dues ledgers (the lapse rule). A bare array
/// of records is accepted too. Every element is read on its own, so one bad record, meeting or ledger is an
/// error entry and the rest are still read.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct MembersDocument {
    members: Vec<serde_json::Value>,
    #[serde(default)]
    meetings: Vec<serde_json::Value>,
    #[serde(default)]
    ledgers: Vec<serde_json::Value>,
}

impl MembersDocument {
    /// An array of records, or the document; anything else is the whole input's error.
    fn read(json: &str) -> Result<Self> {
        let value: serde_json::Value = from_json(json, "INVALID_RECORD_JSON")?;
        match value {
            serde_json::Value::Array(members) => Ok(Self {
                members,
                meetings: Vec::new(),
                ledgers: Vec::new(),
            }),
            other => serde_path_to_error::deserialize(other)
                .map_err(|e| path_error(e, "INVALID_RECORD_JSON")),
        }
    }
}

/// Reads each element of `values` as a `T`; a bad one is an error entry (its index, the field path under
/// `list[i]`, and `id` of the element if it has one), the others are kept.
fn read_each<T: serde::de::DeserializeOwned>(
    values: Vec<serde_json::Value>,
    list: &str,
    code: &str,
    id_key: &str,
    errors: &mut Vec<BatchError>,
) -> Vec<T> {
    let mut out = Vec::with_capacity(values.len());
    for (i, v) in values.into_iter().enumerate() {
        let id = v.get(id_key).and_then(|v| v.as_str()).map(str::to_owned);
        match serde_path_to_error::deserialize(v) {
            Ok(t) => out.push(t),
            Err(e) => {
                let e = path_error(e, code).under(&format!("{list}[{i}]"));
                errors.push(BatchError::new(i, id, &e));
            }
        }
    }
    out
}

/// The batch result: a report per readable record in input order, and an error entry per record that failed.
///
/// ```
/// let b = dangjian::membership::CheckBatch::default();
/// assert!(b.reports.is_empty() && b.errors.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CheckBatch {
    /// Reports, in input order.
    pub reports: Vec<MemberReport>,
    /// Records that could not be read or checked (`index` is the position in the input).
    pub errors: Vec<BatchError>,
}

/// [`check`] over JSON: one record in, its report out (the record is its own roster: sponsors outside it are
/// reported as not in the roster).
///
/// ```
/// let out = dangjian::membership::check_member_json(&dangjian::Policy::bundled(), &dangjian::Calendar::official(),
///     r#"{"id":"M1","name":"甲","birth_date":"2000-01-01","org":"B1","events":[{"kind":"application","date":"2024-01-10"}]}"#,
///     "2024-01-20").unwrap();
/// assert!(out.contains(r#""stage":"applicant""#));
/// let e = dangjian::membership::check_member_json(&dangjian::Policy::bundled(), &dangjian::Calendar::official(),
///     r#"{"id":"M1","name":"甲","birth_date":"2000-01-01","org":"B1","events":[{"kind":"joined","date":"2024-01-10"}]}"#,
///     "2024-01-20").unwrap_err();
/// assert_eq!((e.code(), e.detail().field.as_str()), ("INVALID_RECORD_JSON", "events[0].kind"));
/// ```
pub fn check_member_json(
    policy: &Policy,
    calendar: &Calendar,
    record_json: &str,
    on: &str,
) -> Result<String> {
    let on = parse_date(on, "on")?;
    let record = MemberRecord::from_json(record_json)?;
    let roster = std::slice::from_ref(&record);
    let ctx = Context::new(policy, calendar, roster)?;
    to_json(&check(&ctx, &record, on)?)
}

/// Checks every record of a batch: a JSON array of records, or `{"members":[…],"meetings":[…],"ledgers":[…]}`.
/// Records that cannot be read or checked become `errors`; a repeated id is `DUPLICATE_MEMBER` on the later one.
/// A meeting or ledger that cannot be read is an error too (`INVALID_MEETING_JSON` / `INVALID_LEDGER_JSON`,
/// its field under `meetings[i]` / `ledgers[i]`), and every member is still checked with the others.
///
/// ```
/// use dangjian::membership::check_members;
/// let json = r#"[{"id":"A","name":"甲","birth_date":"2000-01-01","org":"B1"},
///                {"id":"B","name":"乙","birth_date":"2000-01-01","org":"B1","events":[{"kind":"talk","date":"x"}]}]"#;
/// let b = check_members(&dangjian::Policy::bundled(), &dangjian::Calendar::official(), json, "2026-01-01".parse().unwrap()).unwrap();
/// assert_eq!(b.reports.len(), 1);
/// assert_eq!((b.errors[0].index, b.errors[0].field.as_str()), (1, "events[0].date"));
/// ```
pub fn check_members(
    policy: &Policy,
    calendar: &Calendar,
    json: &str,
    on: NaiveDate,
) -> Result<CheckBatch> {
    let doc = MembersDocument::read(json)?;
    // Meetings and ledgers are read first, each on its own: their errors follow the records' (`field` starts
    // with `meetings[i]` / `ledgers[i]`, `index` is the meeting's or ledger's).
    let mut side_errors = Vec::new();
    let meetings: Vec<Meeting> = read_each(
        doc.meetings,
        "meetings",
        "INVALID_MEETING_JSON",
        "id",
        &mut side_errors,
    );
    let ledgers: Vec<Ledger> = read_each(
        doc.ledgers,
        "ledgers",
        "INVALID_LEDGER_JSON",
        "member_id",
        &mut side_errors,
    );
    let values = doc.members;
    let mut errors = Vec::new();
    let mut records = Vec::with_capacity(values.len());
    let mut positions = Vec::with_capacity(values.len());
    let mut seen = std::collections::HashSet::with_capacity(values.len());
    for (index, value) in values.into_iter().enumerate() {
        let id = value.get("id").and_then(|v| v.as_str()).map(str::to_owned);
        if let Some(id) = &id {
            if !seen.insert(id.clone()) {
                let e = Error::input(
                    "DUPLICATE_MEMBER",
                    "id",
                    format!("党员编号重复：{id}"),
                    format!("member {id} is listed twice"),
                );
                errors.push(BatchError::new(index, Some(id.clone()), &e));
                continue;
            }
        }
        match MemberRecord::from_value(value) {
            Ok(r) => {
                records.push(r);
                positions.push(index);
            }
            Err(e) => errors.push(BatchError::new(index, id, &e)),
        }
    }
    let ctx = Context::new(policy, calendar, &records)?
        .with_meetings(&meetings)
        .with_ledgers(&ledgers);
    let mut reports = Vec::with_capacity(records.len());
    for (record, index) in records.iter().zip(positions) {
        match check(&ctx, record, on) {
            Ok(r) => reports.push(r),
            Err(e) => errors.push(BatchError::new(index, Some(record.id.clone()), &e)),
        }
    }
    errors.sort_by_key(|e| e.index);
    errors.extend(side_errors);
    Ok(CheckBatch { reports, errors })
}

/// [`check_members`] with JSON out: `{"reports":[…],"errors":[…]}`.
///
/// ```
/// let out = dangjian::membership::check_members_json(&dangjian::Policy::bundled(), &dangjian::Calendar::official(),
///     r#"{"members":[{"id":"A","name":"甲","birth_date":"2000-01-01","org":"B1"}]}"#, "2026-01-01").unwrap();
/// assert!(out.starts_with(r#"{"reports":[{"member_id":"A""#));
/// ```
pub fn check_members_json(
    policy: &Policy,
    calendar: &Calendar,
    json: &str,
    on: &str,
) -> Result<String> {
    let on = parse_date(on, "on")?;
    to_json(&check_members(policy, calendar, json, on)?)
}

/// [`apply`] over JSON: the record, the event to record, and the roster (a JSON array of records, may be
/// `[]`) in which sponsors and contacts are looked up. Returns the record with the event appended, or the error
/// of the first rule it breaks.
///
/// ```
/// let out = dangjian::membership::apply_event_json(&dangjian::Policy::bundled(), &dangjian::Calendar::official(),
///     r#"{"id":"M1","name":"甲","birth_date":"2000-01-01","org":"B1"}"#,
///     r#"{"kind":"application","date":"2024-01-10"}"#, "[]").unwrap();
/// assert!(out.contains(r#""kind":"application""#));
/// ```
pub fn apply_event_json(
    policy: &Policy,
    calendar: &Calendar,
    record_json: &str,
    event_json: &str,
    roster_json: &str,
) -> Result<String> {
    let record = MemberRecord::from_json(record_json)?;
    let event = MemberEvent::from_json(event_json).map_err(|e| e.under("event"))?;
    let values: Vec<serde_json::Value> =
        from_json(roster_json, "INVALID_RECORD_JSON").map_err(|e| e.under("roster"))?;
    let roster = values
        .into_iter()
        .enumerate()
        .map(|(i, v)| MemberRecord::from_value(v).map_err(|e| e.under(&format!("roster[{i}]"))))
        .collect::<Result<Vec<_>>>()?;
    let ctx = Context::new(policy, calendar, &roster).map_err(|e| e.under("roster"))?;
    to_json(&apply(&ctx, &record, event)?)
}

/// [`rights_on`] over JSON.
///
/// ```
/// let out = dangjian::membership::rights_json(&dangjian::Policy::bundled(),
///     r#"{"id":"M1","name":"甲","birth_date":"1990-01-01","org":"B1","events":[{"kind":"imported","date":"2015-07-01","stage":"full"}]}"#,
///     "2026-01-01").unwrap();
/// assert!(out.contains(r#""may_vote":true"#));
/// ```
pub fn rights_json(policy: &Policy, record_json: &str, on: &str) -> Result<String> {
    let on = parse_date(on, "on")?;
    let record = MemberRecord::from_json(record_json)?;
    to_json(&rights_on(policy, &record, on)?)
}

/// [`super::check_orgs`] over JSON: an organizations document in (the tree, details, members, meetings,
/// elections, 民主评议 rounds), the report out.
///
/// ```
/// let out = dangjian::membership::check_orgs_json(&dangjian::Policy::bundled(),
///     r#"{"orgs":[{"id":"B1","kind":"branch"}]}"#, "2026-01-01").unwrap();
/// assert!(out.starts_with('{'));
/// ```
pub fn check_orgs_json(policy: &Policy, doc_json: &str, on: &str) -> Result<String> {
    let on = parse_date(on, "on")?;
    let doc = super::OrgDocument::from_json(doc_json)?;
    to_json(&super::check_orgs(policy, &doc, on)?)
}

/// [`super::validate_id_number`] with the birth date as text (`YYYY-MM-DD`).
///
/// ```
/// assert!(dangjian::membership::validate_id_number_str("11010519491231002X", "1949-12-31").is_ok());
/// ```
pub fn validate_id_number_str(id: &str, birth_date: &str) -> Result<()> {
    let birth = parse_date(birth_date, "birth_date")?;
    super::validate_id_number(id, birth, "id_number")
}
