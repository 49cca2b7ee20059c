//! Membership rules (RULES §2–§5): the development pipeline, probation, discipline, lapse, transfers, the
//! organization's structure and terms, and organizational life (三会一课, 民主评议).
//!
//! Two questions a 组织委员 asks, answered on the rules in force on the day of each step:
//! - "is this record compliant, and if not, which article does it break?" and "what is due next, by which date?" —
//!   [`check`](fn@check) returns the [`Stage`], every [`crate::Finding`] and the [`NextStep`]s;
//! - "may I record this event?" — [`apply`] refuses an event that breaks a rule, with the same codes.
//!
//! Rules are dated policy data ([`MembershipPolicy`]): the 2014 细则 and its May-2026 revision are both bundled
//! and chosen by the date of the step. Working days (the 公示) come from the official [`crate::Calendar`] through
//! [`crate::disclosure::evaluate_notice`], the same notice rules disclosure uses.
//!
//! ```
//! use dangjian::membership::{check, Context, MemberRecord, Stage};
//! let r: MemberRecord = serde_json::from_str(r#"{"id":"M1","name":"张三","birth_date":"2000-03-01","org":"B1",
//!   "events":[{"kind":"application","date":"2024-01-10"}]}"#).unwrap();
//! let (policy, calendar) = (dangjian::Policy::bundled(), dangjian::Calendar::official());
//! let ctx = Context::new(&policy, &calendar, std::slice::from_ref(&r)).unwrap();
//! let report = check(&ctx, &r, "2024-03-01".parse().unwrap()).unwrap();
//! assert_eq!(report.stage, Stage::Applicant);
//! ```

mod attendance;
mod batch;
pub(crate) mod bundled;
mod check;
mod context;
mod development;
mod development_admission;
mod development_applicant;
mod development_pipeline;
mod development_probation;
mod development_trial;
mod development_vote;
mod direct;
mod discipline;
mod election;
mod idcard;
mod ids;
mod json;
mod lapse;
mod life;
mod life_index;
mod lines;
mod meeting;
mod org_document;
#[cfg(test)]
mod org_fixtures;
mod org_index;
mod organization;
mod params;
mod rating;
mod read;
mod record;
mod record_build;
mod report;
mod stage;
mod standing;
mod status;
mod stream;
mod structure;
mod term;
mod transfer;
mod transition;

#[cfg(test)]
mod test_support;

pub use attendance::Attendance;
pub use batch::check_records;
pub use check::{check, check_all};
pub use context::Context;
pub use discipline::{rights_on, Rights, SanctionEffect};
pub use election::{evaluate_election, Candidate, Election, ElectionReport};
pub use idcard::validate_id_number;
pub use json::{
    apply_event_json, check_member_json, check_members, check_members_json, check_members_tree,
    check_orgs_json, rights_json, validate_id_number_str, CheckBatch, MembersDocument,
};
pub use life::{compliance, LifeReport, Meeting, RuleCompliance};
pub use lines::{
    check_members_lines_json, check_members_lines_outcome, check_orgs_lines_json,
    check_orgs_lines_outcome, LineError, LineReport, LinesOutcome,
};
pub use organization::{
    check_orgs, CommitteeInfo, DateRange, OrgDetails, OrgDocument, OrgReport, OrgSection,
};

/// The range of days of the organization checks, under its former name.
#[deprecated(
    since = "0.1.0",
    note = "renamed `DateRange`: one name per type across the engines (dues has its own `Period`)"
)]
pub type Period = DateRange;
pub use params::{
    DevelopmentArticles, DevelopmentRules, DisciplineRules, LifeRules, MeetingKind, MeetingRule,
    MembershipPolicy, MobilityRules, OrganizationRules,
};
pub use rating::{
    rate_review, MemberRating, RatingCounts, RatingReport, ReviewRating, ReviewRound,
};
pub use record::{
    MemberEvent, MemberRecord, NoticeStage, Recommendation, RemovalKind, SanctionKind, Vote,
};
pub use report::{MemberReport, NextStep, Review};
pub use stage::{Stage, StageSpan};
pub use status::{history, stage_on};
pub use stream::{
    check_members_jsonl, check_members_lines, check_orgs_jsonl, check_orgs_lines, Answer,
    StreamSummary,
};
pub use term::Term;
pub use transition::apply;
