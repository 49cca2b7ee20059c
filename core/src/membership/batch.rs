//! The batch check over records already in hand (the typed surfaces, a Rust roster): the same answers as
//! [`super::check_members`] gives for the same records in a JSON document, without reading anything.
#![deny(clippy::arithmetic_side_effects)]

use std::borrow::Cow;

use chrono::NaiveDate;

use super::check::check_placed;
use super::context::Context;
use super::ids::IdTable;
use super::json::CheckBatch;
use super::life::Meeting;
use super::read::duplicate;
use super::record::MemberRecord;
use crate::dues::{BatchError, Ledger};
use crate::{Calendar, Policy, Result};

/// Checks a branch's records on `on` (RULES §2–§5: the development pipeline, probation, discipline, lapse,
/// transfers), with the meetings held (organizational life, the lapse rule's six months without it) and
/// the dues ledgers (the lapse rule's six months unpaid, 党章 第九条). A record whose check fails is an entry
/// of `errors` (its index in `records`, its id, the code and field inside it) and the others are still
/// checked; a repeated id is `DUPLICATE_MEMBER` at `id` on the later record, which is not checked.
///
/// ```
/// use dangjian::membership::{check_records, MemberEvent, MemberRecord, Stage};
/// let day = |s: &str| s.parse().unwrap();
/// let a = MemberRecord::new("A", "甲", day("2000-01-01"), "B1")
///     .with_event(MemberEvent::Application { date: day("2024-01-10") });
/// let (p, c) = (dangjian::Policy::bundled(), dangjian::Calendar::official());
/// let b = check_records(&p, &c, &[a.clone(), a], &[], &[], day("2024-01-20")).unwrap();
/// assert_eq!(b.reports[0].stage, Stage::Applicant);
/// assert_eq!((b.errors[0].index, b.errors[0].code.as_str()), (1, "DUPLICATE_MEMBER"));
/// ```
pub fn check_records(
    policy: &Policy,
    calendar: &Calendar,
    records: &[MemberRecord],
    meetings: &[Meeting],
    ledgers: &[Ledger],
    on: NaiveDate,
) -> Result<CheckBatch> {
    let (ids, repeats) = IdTable::build(records);
    let (roster, ids, positions, errors) = first_of_each_id(records, ids, &repeats);
    let ctx = Context::indexed(policy, calendar, &roster, ids)
        .with_meetings(meetings)
        .with_ledgers(ledgers);
    let (reports, errors) = check_placed(&ctx, &roster, positions, errors, on);
    Ok(CheckBatch { reports, errors })
}

/// The records with a first-seen id, their id table and positions, and a `DUPLICATE_MEMBER` entry per repeat
/// (`repeats`, from the table over `records`). The roster and its table are kept as given unless a repeat has
/// to be left out of them.
fn first_of_each_id<'a>(
    records: &'a [MemberRecord],
    ids: IdTable,
    repeats: &[(usize, usize)],
) -> (
    Cow<'a, [MemberRecord]>,
    IdTable,
    Vec<usize>,
    Vec<BatchError>,
) {
    let mut later = repeats.iter().map(|&(i, _)| i).peekable();
    let mut positions = Vec::with_capacity(records.len());
    let mut errors = Vec::new();
    for (i, r) in records.iter().enumerate() {
        if later.next_if_eq(&i).is_some() {
            errors.push(BatchError::new(i, Some(r.id.clone()), &duplicate(&r.id)));
        } else {
            positions.push(i);
        }
    }
    if errors.is_empty() {
        return (Cow::Borrowed(records), ids, positions, errors);
    }
    let kept: Vec<MemberRecord> = positions
        .iter()
        .filter_map(|&i| records.get(i).cloned())
        .collect();
    let ids = IdTable::build(&kept).0;
    (Cow::Owned(kept), ids, positions, errors)
}
