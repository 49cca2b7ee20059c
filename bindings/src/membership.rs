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

/// `dangjian::membership::check_member_json` (the record is its own roster; the rules, the documents and the
/// errors in its rustdoc).
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
        Ok(core::check_member_json(
            &policy.inner,
            &*calendar.read()?,
            &record_json,
            &on,
        )?)
    })
}

/// `dangjian::membership::check_members_json`: an array of records or `{"members","meetings","ledgers"}`.
///
/// ```kotlin
/// val batch = membershipCheckMembers(Policy.bundled(), Calendar.official(), File("branch.json").readText(), "2026-01-01")
/// ```
#[uniffi::export]
pub fn membership_check_members(
    policy: &Policy,
    calendar: &Calendar,
    members_json: String,
    on: String,
) -> Result<String> {
    guarded(|| {
        Ok(core::check_members_json(
            &policy.inner,
            &*calendar.read()?,
            &members_json,
            &on,
        )?)
    })
}

/// `dangjian::membership::apply_event_json`: the record with the event appended, or the error of the first
/// rule the event breaks.
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

/// `dangjian::membership::rights_json`.
///
/// ```kotlin
/// val rights = membershipRights(Policy.bundled(), recordJson, "2026-01-01")   // …"may_vote":true…
/// ```
#[uniffi::export]
pub fn membership_rights(policy: &Policy, record_json: String, on: String) -> Result<String> {
    guarded(|| Ok(core::rights_json(&policy.inner, &record_json, &on)?))
}

/// `dangjian::membership::check_orgs_json`.
///
/// ```kotlin
/// val report = membershipCheckOrgs(Policy.bundled(), """{"orgs":[{"id":"B1","kind":"branch"}]}""", "2026-01-01")
/// ```
#[uniffi::export]
pub fn membership_check_orgs(policy: &Policy, doc_json: String, on: String) -> Result<String> {
    guarded(|| Ok(core::check_orgs_json(&policy.inner, &doc_json, &on)?))
}

/// `dangjian::membership::validate_id_number_str`: a 公民身份号码 (GB 11643-1999) against a birth date.
///
/// ```kotlin
/// membershipValidateIdNumber("11010519491231002X", "1949-12-31")   // passes
/// ```
#[uniffi::export]
pub fn membership_validate_id_number(id: String, birth_date: String) -> Result<()> {
    guarded(|| Ok(core::validate_id_number_str(&id, &birth_date)?))
}
