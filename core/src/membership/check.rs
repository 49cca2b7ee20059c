//! `check(record, on)`: the stage and its history, the dates of membership, the rights, every finding of the
//! development pipeline, discipline, lapse and transfers, and the next steps.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;

use super::context::Context;
use super::development_pipeline::whole_years;
use super::discipline::rights_in;
use super::idcard::validate_id_number;
use super::record::MemberRecord;
use super::report::{MemberReport, Review};
use super::stage::Stage;
use super::status::{history, probation};
use crate::dues::BatchError;
use crate::Result;

/// Audits one record on `on` (events dated after `on` are ignored).
///
/// - `full_member_since`: the first day of full membership (the end of probation, after any extension; the
///   import day for a member imported as full);
/// - `probation_ends`: for a probationary member, the day probation ends and full membership begins;
/// - `party_age_years` (党龄, 党章 第七条): for a full member, whole years from `full_member_since` to `on`
///   (the anniversary counts; a 29 February start reaches its anniversary on 1 March in a common year);
/// - findings sorted violations first, then warnings, then information (the order found otherwise); next steps
///   soonest due first, then by earliest day, those without a date last.
///
/// Errors: an invalid `id_number` (`INVALID_ID_NUMBER`, `ID_BIRTH_DATE_MISMATCH`), events out of order
/// (`EVENT_OUT_OF_ORDER`), impossible dates (`IMPOSSIBLE_DATE`), impossible vote counts (`VOTE_…`).
///
/// ```
/// use dangjian::membership::{check, Context, MemberRecord, Stage};
/// let r: MemberRecord = serde_json::from_str(r#"{"id":"M1","name":"甲","birth_date":"1990-01-01","org":"B1",
///   "events":[{"kind":"imported","date":"2015-07-01","stage":"full"}]}"#).unwrap();
/// let (p, c) = (dangjian::Policy::bundled(), dangjian::Calendar::official());
/// let ctx = Context::new(&p, &c, std::slice::from_ref(&r)).unwrap();
/// let report = check(&ctx, &r, "2025-06-30".parse().unwrap()).unwrap();
/// assert_eq!((report.stage, report.party_age_years), (Stage::Full, Some(9)));
/// assert_eq!(check(&ctx, &r, "2025-07-01".parse().unwrap()).unwrap().party_age_years, Some(10));
/// ```
pub fn check(ctx: &Context, record: &MemberRecord, on: NaiveDate) -> Result<MemberReport> {
    let mut review = audit(ctx, record, on)?;
    let history = history(ctx.policy, record, on)?;
    let last = history.last().copied();
    let stage = last.map_or(Stage::None, |s| s.stage);
    let full_member_since = history
        .iter()
        .find(|s| s.stage == Stage::Full)
        .map(|s| s.since);
    let probation_ends = if stage == Stage::Probationary {
        probation(ctx.policy, record, on)?.map(|p| p.ends)
    } else {
        None
    };
    let party_age_years = full_member_since
        .filter(|_| stage == Stage::Full)
        .map(|since| whole_years(since, on));
    // Stable sorts: equal keys keep the order the rules found them in.
    review
        .findings
        .sort_by_key(|f| std::cmp::Reverse(f.severity));
    review
        .next_steps
        .sort_by_key(|n| (n.due.is_none(), n.due, n.earliest.is_none(), n.earliest));
    Ok(MemberReport {
        member_id: record.id.clone(),
        on,
        stage,
        since: last.map(|s| s.since),
        history,
        full_member_since,
        probation_ends,
        party_age_years,
        rights: rights_in(ctx.policy, record, on, stage)?,
        findings: review.findings,
        next_steps: review.next_steps,
    })
}

/// The identity number and every rule area's findings and next steps, unsorted.
pub(crate) fn audit(ctx: &Context, record: &MemberRecord, on: NaiveDate) -> Result<Review> {
    if let Some(id) = &record.id_number {
        validate_id_number(id, record.birth_date, "id_number")?;
    }
    let mut review = Review::default();
    super::development::review(ctx, record, on, &mut review)?;
    super::discipline::review(ctx, record, on, &mut review)?;
    super::lapse::review(ctx, record, on, &mut review)?;
    super::transfer::review(ctx, record, on, &mut review)?;
    Ok(review)
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

/// The batch check shared by the JSON document and the records in hand: each record of `records` (which stood
/// at `positions[i]` of the input) checked on `on`, its report kept or its error added to `errors` at its
/// position; the errors come back in input order.
pub(crate) fn check_placed(
    ctx: &Context,
    records: &[MemberRecord],
    positions: Vec<usize>,
    mut errors: Vec<BatchError>,
    on: NaiveDate,
) -> (Vec<MemberReport>, Vec<BatchError>) {
    let mut reports = Vec::with_capacity(records.len());
    for (record, index) in records.iter().zip(positions) {
        match check(ctx, record, on) {
            Ok(r) => reports.push(r),
            Err(e) => errors.push(BatchError::new(index, Some(record.id.clone()), &e)),
        }
    }
    errors.sort_by_key(|e| e.index);
    (reports, errors)
}

#[cfg(test)]
#[path = "check_tests.rs"]
mod tests;
