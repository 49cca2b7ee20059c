//! The transition API: record an event only when it breaks no rule.
//!
//! The record is audited twice on the day of the new event, before and after appending it, with the same rules
//! as [`super::check`](fn@super::check); the event is refused with the first violation it introduces. Violations already present
//! before (an overdue talk, say) do not block recording a later event.
#![deny(clippy::arithmetic_side_effects)]

use super::check::audit;
use super::context::Context;
use super::record::{MemberEvent, MemberRecord};
use crate::{Error, Result, Severity};

/// The record with `event` appended, or the error of the first rule it breaks.
///
/// Errors (field `event` or below it): `EVENT_OUT_OF_ORDER` (dated before the last event), `IMPOSSIBLE_DATE`
/// (before birth), the input errors of the event itself (`VOTE_…`, notice errors), and any violation code the
/// event introduces (`ACTIVIST_PERIOD_TOO_SHORT`, `APPROVAL_TOO_LATE`, `MISSING_STEP` …). Errors of the record
/// as it stands are returned unchanged.
///
/// ```
/// use dangjian::membership::{apply, Context, MemberRecord, MemberEvent};
/// let r: MemberRecord = serde_json::from_str(r#"{"id":"M1","name":"甲","birth_date":"1990-01-01","org":"B1"}"#).unwrap();
/// let (p, c) = (dangjian::Policy::bundled(), dangjian::Calendar::official());
/// let ctx = Context::new(&p, &c, &[]).unwrap();
/// let e: MemberEvent = serde_json::from_str(r#"{"kind":"application","date":"2024-01-10"}"#).unwrap();
/// let r = apply(&ctx, &r, e).unwrap();
/// assert_eq!(r.events.len(), 1);
/// let e: MemberEvent = serde_json::from_str(r#"{"kind":"talk","date":"2024-01-05"}"#).unwrap();
/// let err = apply(&ctx, &r, e).unwrap_err();
/// assert_eq!((err.code(), err.detail().field.as_str()), ("EVENT_OUT_OF_ORDER", "event.date"));
/// ```
pub fn apply(ctx: &Context, record: &MemberRecord, event: MemberEvent) -> Result<MemberRecord> {
    let date = event.date();
    if let Some(last) = record
        .events
        .last()
        .map(MemberEvent::date)
        .filter(|l| date < *l)
    {
        return Err(Error::input(
            "EVENT_OUT_OF_ORDER",
            "event.date",
            format!("新事件日期 {date} 早于最后一个事件的日期 {last}"),
            format!("the event is dated {date}, before the last event ({last})"),
        ));
    }
    if date < record.birth_date {
        return Err(Error::input(
            "IMPOSSIBLE_DATE",
            "event.date",
            format!("新事件日期 {date} 早于出生日期 {}", record.birth_date),
            format!(
                "the event is dated {date}, before birth ({})",
                record.birth_date
            ),
        ));
    }
    let before = audit(ctx, record, date)?;
    let mut next = record.clone();
    next.events.push(event);
    let here = format!("events[{}]", record.events.len());
    let after = audit(ctx, &next, date).map_err(|e| reroot(e, &here))?;
    if let Some(f) = after
        .findings
        .iter()
        .find(|f| f.severity == Severity::Violation && !before.findings.contains(f))
    {
        return Err(Error::input(
            &f.code,
            "event",
            f.message_zh.clone(),
            f.message_en.clone(),
        ));
    }
    Ok(next)
}

/// An input error about the new event (`events[n]…`) said of `event…`; any other error unchanged.
fn reroot(e: Error, here: &str) -> Error {
    match e {
        Error::InvalidInput(mut d) => {
            if let Some(rest) = d.field.strip_prefix(here) {
                if rest.is_empty() || rest.starts_with(['.', '[']) {
                    d.field = format!("event{rest}");
                }
            }
            Error::InvalidInput(d)
        }
        other => other,
    }
}

#[cfg(test)]
#[path = "transition_tests.rs"]
mod tests;
