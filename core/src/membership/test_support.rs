//! Short builders for the membership tests: records from `(kind, date, extra json)` rows, pipelines shared
//! by several files, a roster of full members to sponsor and to contact, and the runners of `check` and of
//! the review passes (the organization fixtures are in `org_fixtures`).

use chrono::NaiveDate;
use serde_json::{json, Value};

use super::{check, Context, Meeting, MemberEvent, MemberRecord, MemberReport, Review};
use crate::dues::Ledger;
use crate::{Calendar, Policy, Result};

/// An event row: `(kind, date, extra fields)`, `extra` an object or null.
pub(crate) type Row = (&'static str, &'static str, Value);

pub(crate) fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The JSON of an event `kind` on `date` with the fields of `extra` (an object, or null for none).
fn event_json(kind: &str, date: &str, extra: &Value) -> Value {
    let mut e = json!({"kind": kind, "date": date});
    if let (Some(e), Some(extra)) = (e.as_object_mut(), extra.as_object()) {
        e.extend(extra.clone());
    }
    e
}

/// An event `kind` on `date` with the fields of `extra`, read as the records read it.
pub(crate) fn event(kind: &str, date: &str, extra: Value) -> MemberEvent {
    serde_json::from_value(event_json(kind, date, &extra)).unwrap()
}

/// A record `id` of B1 born on `born` with the events `(kind, date, extra fields)`.
pub(crate) fn rec(id: &str, born: &str, events: &[(&str, &str, Value)]) -> MemberRecord {
    rec_in(id, "B1", born, events)
}

/// A record `id` of `org` born on `born` with the events `(kind, date, extra fields)`.
pub(crate) fn rec_in(
    id: &str,
    org: &str,
    born: &str,
    events: &[(&str, &str, Value)],
) -> MemberRecord {
    let events: Vec<Value> = events
        .iter()
        .map(|(kind, date, extra)| event_json(kind, date, extra))
        .collect();
    serde_json::from_value(
        json!({"id": id, "name": id, "birth_date": born, "org": org, "events": events}),
    )
    .unwrap()
}

/// M1 甲 of B1, born 1980-01-01, imported as a full member on 2015-07-01, then `events`: JSON objects
/// separated by commas, or nothing.
pub(crate) fn full_since_2015(events: &str) -> MemberRecord {
    let sep = if events.is_empty() { "" } else { "," };
    serde_json::from_str(&format!(
        r#"{{"id":"M1","name":"甲","birth_date":"1980-01-01","org":"B1","events":[
        {{"kind":"imported","date":"2015-07-01","stage":"full"}}{sep}{events}]}}"#
    ))
    .unwrap()
}

/// The signature the review passes of a check share (discipline, lapse, transfer).
pub(crate) type ReviewFn = fn(&Context, &MemberRecord, NaiveDate, &mut Review) -> Result<()>;

/// `review` of `record` on `on` under the bundled policy, the roster being the record alone, with the
/// meetings and ledgers given.
pub(crate) fn review_alone(
    review: ReviewFn,
    record: &MemberRecord,
    meetings: &[Meeting],
    ledgers: &[Ledger],
    on: &str,
) -> Review {
    let (policy, calendar) = (Policy::bundled(), Calendar::official());
    let ctx = Context::new(&policy, &calendar, std::slice::from_ref(record))
        .unwrap()
        .with_meetings(meetings)
        .with_ledgers(ledgers);
    let mut out = Review::default();
    review(&ctx, record, d(on), &mut out).unwrap();
    out
}

/// The codes of a review's findings.
pub(crate) fn finding_codes(r: &Review) -> Vec<&str> {
    r.findings.iter().map(|f| f.code.as_str()).collect()
}

/// An error's `(code, field)`.
pub(crate) fn fault(e: &crate::Error) -> (String, String) {
    (e.code().to_owned(), e.detail().field.clone())
}

/// `(code, field)` owned, to compare with [`fault`].
pub(crate) fn pair(code: &str, field: &str) -> (String, String) {
    (code.to_owned(), field.to_owned())
}

/// The roster every test may consult: S1, S2, S3 full members since 2010; P1 probationary from 2025-01-10
/// (full from 2026-01-10); X1 removed on 2025-09-01; X2 removed on 2026-03-01.
pub(crate) fn roster() -> Vec<MemberRecord> {
    let full = |id| {
        rec(
            id,
            "1980-01-01",
            &[("imported", "2010-01-01", json!({"stage": "full"}))],
        )
    };
    vec![
        full("S1"),
        full("S2"),
        full("S3"),
        rec(
            "P1",
            "1990-01-01",
            &[
                ("imported", "2025-01-10", json!({"stage": "probationary"})),
                ("conversion", "2026-01-10", Value::Null),
            ],
        ),
        rec(
            "X1",
            "1980-01-01",
            &[
                ("imported", "2010-01-01", json!({"stage": "full"})),
                ("removed", "2025-09-01", json!({"how": "struck_off"})),
            ],
        ),
        rec(
            "X2",
            "1980-01-01",
            &[
                ("imported", "2010-01-01", json!({"stage": "full"})),
                (
                    "removed",
                    "2026-03-01",
                    json!({"how": "left_of_own_accord"}),
                ),
            ],
        ),
    ]
}

/// `check` of `record` on `on` against [`roster`] and the bundled policy.
pub(crate) fn run(record: &MemberRecord, on: &str) -> Result<MemberReport> {
    run_with(&Policy::bundled(), record, on)
}

pub(crate) fn run_with(policy: &Policy, record: &MemberRecord, on: &str) -> Result<MemberReport> {
    let calendar = Calendar::official();
    let members = roster();
    let ctx = Context::new(policy, &calendar, &members)?;
    check(&ctx, record, d(on))
}

/// The finding codes of `check` on `on`.
pub(crate) fn codes(record: &MemberRecord, on: &str) -> Vec<String> {
    run(record, on)
        .unwrap()
        .findings
        .into_iter()
        .map(|f| f.code)
        .collect()
}

/// Whether `check` on `on` reports `code`.
pub(crate) fn has(record: &MemberRecord, on: &str, code: &str) -> bool {
    codes(record, on).iter().any(|c| c == code)
}

/// The next-step codes with their (earliest, due).
pub(crate) fn steps(
    record: &MemberRecord,
    on: &str,
) -> Vec<(String, Option<NaiveDate>, Option<NaiveDate>)> {
    run(record, on)
        .unwrap()
        .next_steps
        .into_iter()
        .map(|n| (n.code, n.earliest, n.due))
        .collect()
}

/// A complete pipeline under the 2014 细则, with no finding: application 2022-01-10 … vote 2023-06-10
/// (probation to 2024-06-10), approval 2023-08-01, conversion 2024-06-10.
pub(crate) fn happy() -> Vec<Row> {
    vec![
        ("application", "2022-01-10", Value::Null),
        ("talk", "2022-02-01", Value::Null),
        (
            "activist",
            "2022-03-01",
            json!({"recommended_by": "party_members"}),
        ),
        ("contacts", "2022-03-05", json!({"contacts": ["S1", "S2"]})),
        ("half_year_review", "2022-09-01", Value::Null),
        ("half_year_review", "2023-03-01", Value::Null),
        ("development_target", "2023-03-01", Value::Null),
        ("sponsors", "2023-03-05", json!({"sponsors": ["S1", "S2"]})),
        ("political_review", "2023-04-01", Value::Null),
        ("training", "2023-04-10", json!({"days": 3})),
        // Mon 17 – Fri 21 April 2023: 5 working days.
        (
            "public_notice",
            "2023-04-17",
            json!({"closes_on": "2023-04-21"}),
        ),
        ("committee_review", "2023-04-24", Value::Null),
        ("pre_review", "2023-05-08", Value::Null),
        ("branch_vote", "2023-06-10", passed_vote()),
        ("interview", "2023-07-01", Value::Null),
        ("approval", "2023-08-01", Value::Null),
        ("oath", "2023-08-15", Value::Null),
        ("conversion", "2024-06-10", Value::Null),
    ]
}

/// The rows of `rows` up to and including the first of kind `kind` (to stop a pipeline at a step).
pub(crate) fn until(rows: &[Row], kind: &str) -> Vec<Row> {
    let end = rows.iter().position(|r| r.0 == kind).unwrap();
    rows[..=end].to_vec()
}

/// `rows` with the first row of kind `kind` replaced by `(kind, date, extra)`; with `date` empty, removed.
pub(crate) fn with(rows: &[Row], kind: &'static str, date: &'static str, extra: Value) -> Vec<Row> {
    let mut out = rows.to_vec();
    let i = out.iter().position(|r| r.0 == kind).unwrap();
    if date.is_empty() {
        out.remove(i);
    } else {
        out[i] = (kind, date, extra);
    }
    out
}

/// The subject of the tests: M1, born 2000-03-01.
pub(crate) fn member(rows: &[Row]) -> MemberRecord {
    rec("M1", "2000-03-01", rows)
}

/// A vote of the branch: 20 entitled, 15 present, 14 yes, 1 no (a quorum and a majority).
pub(crate) fn passed_vote() -> Value {
    json!({"vote": {"entitled": 20, "present": 15, "yes": 14, "no": 1, "abstain": 0}})
}

/// An application on 2024-01-10, the talk on 2024-01-20, an activist put forward by party members on
/// 2024-03-01.
pub(crate) fn activist_2024() -> Vec<Row> {
    vec![
        ("application", "2024-01-10", Value::Null),
        ("talk", "2024-01-20", Value::Null),
        (
            "activist",
            "2024-03-01",
            json!({"recommended_by": "party_members"}),
        ),
    ]
}

/// An application on 2025-03-01, the talk on 2025-03-10, an activist on 2025-05-01 put forward by
/// `recommended_by`, reviewed on 2025-11-01 and 2026-05-01: a development target from 2026-05-01, in the
/// weeks around the 2026 revision (in force from 2026-05-18).
pub(crate) fn activist_2025(recommended_by: &str) -> Vec<Row> {
    vec![
        ("application", "2025-03-01", Value::Null),
        ("talk", "2025-03-10", Value::Null),
        (
            "activist",
            "2025-05-01",
            json!({"recommended_by": recommended_by}),
        ),
        ("half_year_review", "2025-11-01", Value::Null),
        ("half_year_review", "2026-05-01", Value::Null),
    ]
}

/// A pipeline voted in 2026 after a development-target notice over the Spring Festival: opening Thursday
/// 2026-02-12 and closing on `closes` (with `objections`), the vote on `vote`.
pub(crate) fn spring(closes: &'static str, vote: &'static str, objections: Value) -> Vec<Row> {
    vec![
        ("application", "2024-10-08", Value::Null),
        ("talk", "2024-10-20", Value::Null),
        (
            "activist",
            "2024-12-01",
            json!({"recommended_by": "party_members"}),
        ),
        ("half_year_review", "2025-06-01", Value::Null),
        ("half_year_review", "2025-12-01", Value::Null),
        ("development_target", "2025-12-01", Value::Null),
        ("sponsors", "2025-12-05", json!({"sponsors": ["S1", "S2"]})),
        ("political_review", "2026-01-10", Value::Null),
        ("training", "2026-01-20", json!({"class_hours": 24})),
        ("committee_review", "2026-02-10", Value::Null),
        ("pre_review", "2026-02-11", Value::Null),
        (
            "public_notice",
            "2026-02-12",
            json!({"closes_on": closes, "objections": objections}),
        ),
        ("branch_vote", vote, passed_vote()),
    ]
}
