//! JSON entry points: the membership functions over JSON documents, for the bindings, the wasm package and the
//! CLI. Output is compact JSON with dates as `YYYY-MM-DD`.
//!
//! A batch keeps its good records: each record that cannot be read (an unknown event kind, an impossible date)
//! or checked (events out of order, a vote with more votes than voters, an invalid 身份证号) becomes an entry of
//! `errors` with its index, id and the field at fault; the others are checked against the readable roster.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::check::{check, check_placed};
use super::context::Context;
use super::discipline::rights_on;
use super::life::Meeting;
use super::read::{read_members, read_tree, Roster};
use super::record::{MemberEvent, MemberRecord};
use super::report::MemberReport;
use super::transition::apply;
use crate::dues::{BatchError, Ledger};
use crate::error::{from_json, to_json};
use crate::month::parse_date;
use crate::{Calendar, Policy, Result};

/// The batch result: a report per readable record in input order, and an error entry per record that failed.
///
/// ```
/// let b = dangjian::membership::CheckBatch::default();
/// assert!(b.reports.is_empty() && b.errors.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CheckBatch {
    /// Reports, in input order.
    pub reports: Vec<MemberReport>,
    /// Records that could not be read or checked (`index` is the position in the input).
    pub errors: Vec<BatchError>,
}

/// The members document [`check_members_json`] reads besides a bare array of records: the records with the
/// roster's meetings (organizational life) and dues ledgers (the lapse rule). Build one in Rust and write it
/// with serde_json; TypeScript gets it as `MembersDocument`.
///
/// ```
/// use dangjian::membership::{check_members_json, MembersDocument};
/// let doc: MembersDocument = serde_json::from_str(r#"{"members":[{"id":"M1","name":"甲",
///   "birth_date":"2000-01-01","org":"B1","events":[{"kind":"application","date":"2024-01-10"}]}]}"#).unwrap();
/// assert!(doc.meetings.is_empty() && doc.ledgers.is_empty());
/// let json = serde_json::to_string(&doc).unwrap();
/// let out = check_members_json(&dangjian::Policy::bundled(), &dangjian::Calendar::official(), &json, "2024-01-20").unwrap();
/// assert!(out.contains(r#""stage":"applicant""#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct MembersDocument {
    /// The records (also the roster that sponsors and contacts are looked up in).
    pub members: Vec<MemberRecord>,
    /// Meetings held (organizational life).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meetings: Vec<Meeting>,
    /// Dues ledgers (the lapse rule).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ledgers: Vec<Ledger>,
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
    check_roster(policy, calendar, read_members(json)?, on)
}

/// [`check_members`] through the tree read alone: the whole document as a `serde_json::Value` tree, every
/// element converted with path tracking — the reader `check_members` used before it read records straight from
/// their text. Same answers, two to five times slower; kept as the fast read's oracle in the tests and as the
/// baseline the `scale` bench measures against in the same run.
///
/// ```
/// use dangjian::membership::{check_members, check_members_tree};
/// let (p, c) = (dangjian::Policy::bundled(), dangjian::Calendar::official());
/// let json = r#"[{"id":"A","name":"甲","birth_date":"2000-01-01","org":"B1","events":[{"kind":"talk","date":"x"}]}]"#;
/// let on = "2026-01-01".parse().unwrap();
/// assert_eq!(check_members_tree(&p, &c, json, on).unwrap(), check_members(&p, &c, json, on).unwrap());
/// ```
#[doc(hidden)]
pub fn check_members_tree(
    policy: &Policy,
    calendar: &Calendar,
    json: &str,
    on: NaiveDate,
) -> Result<CheckBatch> {
    check_roster(policy, calendar, read_tree(json)?, on)
}

/// Checks every readable record of a roster against the others, its meetings and ledgers.
fn check_roster(
    policy: &Policy,
    calendar: &Calendar,
    roster: Roster<'_>,
    on: NaiveDate,
) -> Result<CheckBatch> {
    // Meetings' and ledgers' errors follow the records' (`field` starts with `meetings[i]` / `ledgers[i]`,
    // `index` is the meeting's or ledger's).
    let Roster {
        records,
        positions,
        errors,
        meetings,
        ledgers,
        side_errors,
        ids,
    } = roster;
    let ctx = Context::indexed(policy, calendar, &records, ids)
        .with_life(&meetings)
        .with_ledgers(&ledgers);
    let (reports, mut errors) = check_placed(&ctx, &records, positions, errors, on);
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
