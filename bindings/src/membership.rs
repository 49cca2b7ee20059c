//! Membership (党员发展与管理): the typed exports, the core's JSON entry points
//! (`dangjian::membership::*_json`) and the 公民身份号码 check.
//!
//! The typed exports take and return the core's own records (`dangjian::membership`, UniFFI derives behind the
//! core's feature `uniffi`, in the `dangjian_types` component): `MemberRecord` and its `MemberEvent`s,
//! `MemberReport`, `CheckBatch`, `Rights`, `NextStep`, `OrgDocument`, `OrgReport`, `LifeReport`,
//! `RatingReport`, `ElectionReport`. The JSON entry points take the same records as JSON documents in the
//! core's contract, read strictly, naming the path of a bad field. Dates are `YYYY-MM-DD`. A member record is
//! `{"id","name","birth_date","org","events":[{"kind","date",…}]}`.

mod typed;

pub use dangjian::disclosure::{Objection, ObjectionDecision, Org, OrgKind};
pub use dangjian::membership::{
    Attendance, Candidate, CheckBatch, CommitteeInfo, DateRange, Election, ElectionReport,
    LifeReport, Meeting, MeetingKind, MemberEvent, MemberRating, MemberRecord, MemberReport,
    NextStep, NoticeStage, OrgDetails, OrgDocument, OrgReport, OrgSection, RatingCounts,
    RatingReport, Recommendation, RemovalKind, ReviewRating, ReviewRound, Rights, RuleCompliance,
    SanctionEffect, SanctionKind, Stage, StageSpan, Term, Vote,
};
pub use typed::*;

use dangjian::membership as core;

use crate::calendar::Calendar;
use crate::error::{guarded, Result};
use crate::policy::Policy;

/// Checks one member record on a date (`membership::check_member_json`): its stage, the dates of the
/// development pipeline, its findings and next steps. The record is its own roster, so a sponsor or contact
/// outside it is reported as not in the roster; check a whole branch with [`membership_check_members`].
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_RECORD_JSON` at the path of the field at fault
/// (`events[0].kind`), `INVALID_DATE` at `on`, and the core's checks of the record (events out of order, an
/// invalid 身份证号 …) with the field at fault; `DangjianException.Policy` when no membership rules are in
/// force; `CALENDAR_UNAVAILABLE`.
///
/// ```kotlin
/// val report = membershipCheckMember(Policy.bundled(), Calendar.official(),
///     """{"id":"M1","name":"甲","birth_date":"2000-01-01","org":"B1",
///       "events":[{"kind":"application","date":"2024-01-10"}]}""", "2024-01-20")   // …"stage":"applicant"…
/// ```
#[uniffi::export]
pub fn membership_check_member(
    policy: &Policy,
    calendar: &Calendar,
    record_json: String,
    on: String,
) -> Result<String> {
    guarded(|| {
        let cal = calendar.read()?;
        Ok(core::check_member_json(
            &policy.inner,
            &cal,
            &record_json,
            &on,
        )?)
    })
}

/// Checks a branch's members on a date (`membership::check_members_json`): a JSON array of records, or
/// `{"members":[…],"meetings":[…],"ledgers":[…]}` (the meetings for organizational life, the dues ledgers
/// for the lapse rule). Out: `{"reports":[…],"errors":[{"index","member_id","kind","code","field",…}]}` — a
/// record that cannot be read or checked is an entry of `errors` and the others are still checked; a
/// repeated id is `DUPLICATE_MEMBER` on the later one.
///
/// Errors (the whole call): `DangjianException.InvalidInput` — `INVALID_RECORD_JSON` when the document is
/// neither an array nor a members document, `INVALID_DATE` at `on`; `DangjianException.Policy` when no
/// membership rules are in force; `CALENDAR_UNAVAILABLE`.
///
/// ```kotlin
/// val batch = JSONObject(membershipCheckMembers(Policy.bundled(), Calendar.official(),
///     """{"members":[{"id":"A","name":"甲","birth_date":"2000-01-01","org":"B1"}]}""", "2026-01-01"))
/// val errors = batch.getJSONArray("errors")   // []
/// ```
#[uniffi::export]
pub fn membership_check_members(
    policy: &Policy,
    calendar: &Calendar,
    members_json: String,
    on: String,
) -> Result<String> {
    guarded(|| {
        let cal = calendar.read()?;
        Ok(core::check_members_json(
            &policy.inner,
            &cal,
            &members_json,
            &on,
        )?)
    })
}

/// Records one event on a member (`membership::apply_event_json`): the record, the event
/// (`{"kind":"activist","date":"2024-03-01",…}`) and the roster the sponsors and contacts are looked up in (a
/// JSON array of records, may be `[]`). Returns the record with the event appended, or throws the error of
/// the first rule the event breaks.
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_RECORD_JSON` at the record's field,
/// `INVALID_EVENT_JSON` at `event.…`, a roster record's fault at `roster[i].…`, and the transition's
/// refusals (an event out of order, too early, a sponsor who is not a full member …) with their code and
/// field; `DangjianException.Policy` when no membership rules are in force; `CALENDAR_UNAVAILABLE`.
///
/// ```kotlin
/// val record = membershipApplyEvent(Policy.bundled(), Calendar.official(),
///     """{"id":"M1","name":"甲","birth_date":"2000-01-01","org":"B1"}""",
///     """{"kind":"application","date":"2024-01-10"}""", "[]")   // …"kind":"application"…
/// ```
#[uniffi::export]
pub fn membership_apply_event(
    policy: &Policy,
    calendar: &Calendar,
    record_json: String,
    event_json: String,
    roster_json: String,
) -> Result<String> {
    guarded(|| {
        let cal = calendar.read()?;
        Ok(core::apply_event_json(
            &policy.inner,
            &cal,
            &record_json,
            &event_json,
            &roster_json,
        )?)
    })
}

/// A member's rights on a date (`membership::rights_json`): whether they may vote, stand for election,
/// be elected …, as limited by probation and by discipline (留党察看) in force on that date.
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_RECORD_JSON` at the record's field, `INVALID_DATE`
/// at `on`; `DangjianException.Policy` when no membership rules are in force.
///
/// ```kotlin
/// val rights = membershipRights(Policy.bundled(),
///     """{"id":"M1","name":"甲","birth_date":"1990-01-01","org":"B1",
///       "events":[{"kind":"imported","date":"2015-07-01","stage":"full"}]}""", "2026-01-01")   // …"may_vote":true…
/// ```
#[uniffi::export]
pub fn membership_rights(policy: &Policy, record_json: String, on: String) -> Result<String> {
    guarded(|| Ok(core::rights_json(&policy.inner, &record_json, &on)?))
}

/// Checks the party organizations on a date (`membership::check_orgs_json`): an organizations document
/// (`{"orgs":[{"id","kind","parent",…}],…}` with the details, members, meetings, elections and 民主评议
/// rounds) in, the report with its `findings` out.
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_ORG_JSON` at the path of the field at fault,
/// `INVALID_DATE` at `on`; `DangjianException.Policy` when no membership rules are in force.
///
/// ```kotlin
/// val report = membershipCheckOrgs(Policy.bundled(), """{"orgs":[{"id":"B1","kind":"branch"}]}""", "2026-01-01")
/// ```
#[uniffi::export]
pub fn membership_check_orgs(policy: &Policy, doc_json: String, on: String) -> Result<String> {
    guarded(|| Ok(core::check_orgs_json(&policy.inner, &doc_json, &on)?))
}

/// Checks a 公民身份号码 (GB 11643-1999) against a birth date (`membership::validate_id_number_str`):
/// returns nothing when the number is well formed, its check digit right and its birth date the one given.
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_ID_NUMBER` at `id_number` (wrong length, characters,
/// check digit or birth date), `INVALID_DATE` at `birth_date`.
///
/// ```kotlin
/// membershipValidateIdNumber("11010519491231002X", "1949-12-31")   // passes
/// membershipValidateIdNumber("110105194912310021", "1949-12-31")   // throws InvalidInput INVALID_ID_NUMBER
/// ```
#[uniffi::export]
pub fn membership_validate_id_number(id: String, birth_date: String) -> Result<()> {
    guarded(|| Ok(core::validate_id_number_str(&id, &birth_date)?))
}
