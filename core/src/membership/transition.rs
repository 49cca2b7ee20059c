//! The transition API: record an event only when it breaks no rule (helper A fills this in).

use super::context::Context;
use super::record::{MemberEvent, MemberRecord};
use crate::Result;

/// The record with `event` appended, or the error of the first rule it breaks.
///
/// ```
/// use dangjian::membership::{apply, Context, MemberRecord, MemberEvent};
/// let r: MemberRecord = serde_json::from_str(r#"{"id":"M1","name":"甲","birth_date":"1990-01-01","org":"B1"}"#).unwrap();
/// let e: MemberEvent = serde_json::from_str(r#"{"kind":"application","date":"2024-01-10"}"#).unwrap();
/// let (p, c) = (dangjian::Policy::bundled(), dangjian::Calendar::official());
/// let ctx = Context::new(&p, &c, &[]).unwrap();
/// assert_eq!(apply(&ctx, &r, e).unwrap().events.len(), 1);
/// ```
pub fn apply(_ctx: &Context, record: &MemberRecord, event: MemberEvent) -> Result<MemberRecord> {
    let mut next = record.clone();
    next.events.push(event);
    Ok(next)
}
