//! JSON entry points: the same functions over JSON documents, for hosts and bindings that speak JSON.
//!
//! Output is compact JSON with decimals and dates as strings; the same input gives the same bytes on
//! every platform.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;

use super::{
    assess, assess_batch_from_json, evaluate_ledger, summarize, AssessOptions, DuesMember, Ledger,
    LedgerReport, Period,
};
use crate::error::{from_json, to_json};
use crate::{Policy, Result, YearMonth};

/// [`assess`](fn@super::assess) over JSON: a member document in, an assessment document out.
///
/// ```
/// let out = dangjian::dues::assess_json(&dangjian::Policy::bundled(),
///     r#"{"member_id":"M1","category":"farmer"}"#, "2026-01", true).unwrap();
/// assert!(out.contains(r#""amount":"0.50""#));
/// ```
pub fn assess_json(policy: &Policy, member_json: &str, month: &str, trace: bool) -> Result<String> {
    let month: YearMonth = crate::month::parse_month(month, "month")?;
    let member: DuesMember = from_json(member_json, "INVALID_MEMBER_JSON")?;
    to_json(&assess(policy, &member, month, AssessOptions { trace })?)
}

/// [`super::assess_batch_from_json`] with JSON out: `{"assessments":[…],"errors":[…]}`.
///
/// ```
/// let out = dangjian::dues::assess_batch_json(&dangjian::Policy::bundled(),
///     r#"[{"member_id":"A","category":"student"}]"#, "2026-01", false).unwrap();
/// assert!(out.starts_with(r#"{"assessments":[{"member_id":"A""#));
/// ```
pub fn assess_batch_json(
    policy: &Policy,
    members_json: &str,
    month: &str,
    trace: bool,
) -> Result<String> {
    let month: YearMonth = crate::month::parse_month(month, "month")?;
    to_json(&assess_batch_from_json(
        policy,
        members_json,
        month,
        AssessOptions { trace },
    )?)
}

/// [`evaluate_ledger`] over JSON.
///
/// ```
/// let out = dangjian::dues::evaluate_ledger_json(&dangjian::Policy::bundled(),
///     r#"{"member_id":"M1","obligations":[],"payments":[]}"#, "2026-07-01").unwrap();
/// assert!(out.contains(r#""outstanding":"0.00""#));
/// ```
pub fn evaluate_ledger_json(policy: &Policy, ledger_json: &str, as_of: &str) -> Result<String> {
    let as_of: NaiveDate = crate::month::parse_date(as_of, "as_of")?;
    let ledger: Ledger = from_json(ledger_json, "INVALID_LEDGER_JSON")?;
    to_json(&evaluate_ledger(policy, &ledger, as_of)?)
}

/// [`summarize`] over JSON: an array of ledger reports and a period (`{"year":2026}` or `{"month":"2026-11"}`).
///
/// ```
/// let out = dangjian::dues::summarize_json("[]", r#"{"year":2026}"#).unwrap();
/// assert!(out.contains(r#""members":0"#));
/// ```
pub fn summarize_json(reports_json: &str, period_json: &str) -> Result<String> {
    let reports: Vec<LedgerReport> = from_json(reports_json, "INVALID_REPORT_JSON")?;
    let period: Period = from_json(period_json, "INVALID_PERIOD_JSON")?;
    to_json(&summarize(&reports, period)?)
}
