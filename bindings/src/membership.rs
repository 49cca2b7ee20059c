//! Membership (党员发展与管理): the typed exports and the 公民身份号码 check; the core's JSON entry points
//! (`dangjian::membership::*_json`, JSON Lines included) are rendered from its table in [`crate::entry_points`].
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

use crate::error::{guarded, Result};

/// `dangjian::membership::validate_id_number_str`: a 公民身份号码 (GB 11643-1999) against a birth date.
///
/// ```kotlin
/// membershipValidateIdNumber("11010519491231002X", "1949-12-31")   // passes
/// ```
#[uniffi::export]
pub fn membership_validate_id_number(id: String, birth_date: String) -> Result<()> {
    guarded(|| Ok(core::validate_id_number_str(&id, &birth_date)?))
}
