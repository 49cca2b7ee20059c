//! `check(record, on)`: the stage, every finding and the next steps (helper A fills this in).

use chrono::NaiveDate;

use super::context::Context;
use super::discipline::rights_on;
use super::record::MemberRecord;
use super::report::{MemberReport, Review};
use super::status::history;
use crate::Result;

/// Audits one record on `on`.
///
/// ```
/// use dangjian::membership::{check, Context, MemberRecord};
/// let r: MemberRecord = serde_json::from_str(r#"{"id":"M1","name":"甲","birth_date":"1990-01-01","org":"B1"}"#).unwrap();
/// let (p, c) = (dangjian::Policy::bundled(), dangjian::Calendar::official());
/// let ctx = Context::new(&p, &c, std::slice::from_ref(&r)).unwrap();
/// assert_eq!(check(&ctx, &r, "2026-01-01".parse().unwrap()).unwrap().member_id, "M1");
/// ```
pub fn check(ctx: &Context, record: &MemberRecord, on: NaiveDate) -> Result<MemberReport> {
    let history = history(ctx.policy, record, on)?;
    let mut review = Review::default();
    super::development::review(ctx, record, on, &mut review)?;
    super::discipline::review(ctx, record, on, &mut review)?;
    super::lapse::review(ctx, record, on, &mut review)?;
    super::transfer::review(ctx, record, on, &mut review)?;
    let last = history.last().copied();
    Ok(MemberReport {
        member_id: record.id.clone(),
        on,
        stage: last.map_or(super::Stage::None, |s| s.stage),
        since: last.map(|s| s.since),
        history,
        full_member_since: None,
        probation_ends: None,
        party_age_years: None,
        rights: rights_on(ctx.policy, record, on)?,
        findings: review.findings,
        next_steps: review.next_steps,
    })
}

/// Audits every record of the context; one record's error does not stop the others.
///
/// ```
/// let (p, c) = (dangjian::Policy::bundled(), dangjian::Calendar::official());
/// let ctx = dangjian::membership::Context::new(&p, &c, &[]).unwrap();
/// assert!(dangjian::membership::check_all(&ctx, "2026-01-01".parse().unwrap()).is_empty());
/// ```
pub fn check_all(ctx: &Context, on: NaiveDate) -> Vec<Result<MemberReport>> {
    ctx.members().map(|r| check(ctx, r, on)).collect()
}
