//! Short builders for the membership tests: records from `(kind, date, extra json)` rows and a roster of
//! full members to sponsor and to contact.

use chrono::NaiveDate;
use serde_json::{json, Value};

use super::{check, Context, MemberRecord, MemberReport};
use crate::{Calendar, Policy, Result};

pub(crate) fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A record `id` born on `born` with the events `(kind, date, extra fields)`; `extra` is an object or null.
pub(crate) fn rec(id: &str, born: &str, events: &[(&str, &str, Value)]) -> MemberRecord {
    let events: Vec<Value> = events
        .iter()
        .map(|(kind, date, extra)| {
            let mut e = json!({"kind": kind, "date": date});
            if let (Some(e), Some(extra)) = (e.as_object_mut(), extra.as_object()) {
                e.extend(extra.clone());
            }
            e
        })
        .collect();
    serde_json::from_value(
        json!({"id": id, "name": id, "birth_date": born, "org": "B1", "events": events}),
    )
    .unwrap()
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
pub(crate) fn happy() -> Vec<(&'static str, &'static str, Value)> {
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
        (
            "branch_vote",
            "2023-06-10",
            json!({"vote": {"entitled": 20, "present": 15, "yes": 14, "no": 1, "abstain": 0}}),
        ),
        ("interview", "2023-07-01", Value::Null),
        ("approval", "2023-08-01", Value::Null),
        ("oath", "2023-08-15", Value::Null),
        ("conversion", "2024-06-10", Value::Null),
    ]
}

/// The rows of `rows` up to and including the first of kind `kind` (to stop a pipeline at a step).
pub(crate) fn until(
    rows: &[(&'static str, &'static str, Value)],
    kind: &str,
) -> Vec<(&'static str, &'static str, Value)> {
    let end = rows.iter().position(|r| r.0 == kind).unwrap();
    rows[..=end].to_vec()
}

/// `rows` with the first row of kind `kind` replaced by `(kind, date, extra)`; with `date` empty, removed.
pub(crate) fn with(
    rows: &[(&'static str, &'static str, Value)],
    kind: &'static str,
    date: &'static str,
    extra: Value,
) -> Vec<(&'static str, &'static str, Value)> {
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
pub(crate) fn member(rows: &[(&'static str, &'static str, Value)]) -> MemberRecord {
    rec("M1", "2000-03-01", rows)
}
