//! Sanctions and rights (helper C fills this in).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::context::Context;
use super::record::MemberRecord;
use super::report::Review;
use crate::{Policy, Result};

/// A member's rights on a day.
///
/// ```
/// let r: dangjian::membership::Rights = serde_json::from_str(r#"{"may_vote":true,"may_elect":true,"may_be_elected":true,"may_sponsor":true}"#).unwrap();
/// assert!(r.may_vote);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rights {
    /// May vote (表决权).
    pub may_vote: bool,
    /// May elect (选举权).
    pub may_elect: bool,
    /// May be elected (被选举权).
    pub may_be_elected: bool,
    /// May sponsor an applicant (入党介绍人).
    pub may_sponsor: bool,
}

/// The rights of `record` on `on`.
///
/// ```
/// let r: dangjian::membership::MemberRecord = serde_json::from_str(r#"{"id":"M1","name":"甲","birth_date":"1990-01-01","org":"B1"}"#).unwrap();
/// assert!(dangjian::membership::rights_on(&dangjian::Policy::bundled(), &r, "2026-01-01".parse().unwrap()).is_ok());
/// ```
pub fn rights_on(_policy: &Policy, _record: &MemberRecord, _on: NaiveDate) -> Result<Rights> {
    Ok(Rights {
        may_vote: true,
        may_elect: true,
        may_be_elected: true,
        may_sponsor: true,
    })
}

pub(crate) fn review(
    _ctx: &Context,
    _record: &MemberRecord,
    _on: NaiveDate,
    _out: &mut Review,
) -> Result<()> {
    Ok(())
}
