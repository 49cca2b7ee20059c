//! The stage a person is in, derived from the events (helper A fills this in).

use chrono::NaiveDate;

use super::record::MemberRecord;
use super::report::{Stage, StageSpan};
use crate::{Policy, Result};

/// Every stage up to `on`, oldest first.
///
/// ```
/// let r: dangjian::membership::MemberRecord = serde_json::from_str(r#"{"id":"M1","name":"甲","birth_date":"1990-01-01","org":"B1"}"#).unwrap();
/// assert!(dangjian::membership::history(&dangjian::Policy::bundled(), &r, "2026-01-01".parse().unwrap()).unwrap().is_empty());
/// ```
pub fn history(_policy: &Policy, _record: &MemberRecord, _on: NaiveDate) -> Result<Vec<StageSpan>> {
    Ok(Vec::new())
}

/// The stage on `on`.
///
/// ```
/// use dangjian::membership::{stage_on, MemberRecord, Stage};
/// let r: MemberRecord = serde_json::from_str(r#"{"id":"M1","name":"甲","birth_date":"1990-01-01","org":"B1"}"#).unwrap();
/// assert_eq!(stage_on(&dangjian::Policy::bundled(), &r, "2026-01-01".parse().unwrap()).unwrap(), Stage::None);
/// ```
pub fn stage_on(policy: &Policy, record: &MemberRecord, on: NaiveDate) -> Result<Stage> {
    Ok(history(policy, record, on)?
        .last()
        .map_or(Stage::None, |s| s.stage))
}
