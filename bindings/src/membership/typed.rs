//! The typed membership exports: each a call of the core function it names, on the core's own records.

use dangjian::disclosure::OrgTree;
use dangjian::dues::Ledger;
use dangjian::membership::{
    self as core, CheckBatch, Context, Election, ElectionReport, LifeReport, Meeting, MemberEvent,
    MemberRecord, MemberReport, NextStep, OrgDocument, OrgReport, RatingReport, ReviewRound,
    Rights,
};
use dangjian::month::parse_date;

use crate::calendar::Calendar;
use crate::error::{guarded, Result};
use crate::policy::Policy;

/// Checks one member record on `on` (`membership::check`; RULES §2–§5, the 2014 细则 and its 2026 revision):
/// the stage and its history, the dates of the development pipeline, probation, 党龄, the rights on the day,
/// the findings (each with its article) and the next steps. Sponsors and contacts are looked up in `roster`
/// (the branch's records; empty: none is found, each is reported as not in the roster). A whole branch with
/// its meetings and ledgers is [`check_members`].
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_DATE` at `on`, the core's checks of the record (events
/// out of order, an invalid 身份证号 at `id_number` …) with the field at fault, a repeated id in the roster at
/// `roster[i].id`; a date the bindings cannot read (`INVALID_DATE`, field empty);
/// `DangjianException.Policy` when no membership rules are in force; `CALENDAR_UNAVAILABLE`.
///
/// ```kotlin
/// val r = MemberRecord("M1", "甲", "2000-01-01", "B1", events = listOf(MemberEvent.Application("2024-01-10")))
/// val report = checkMember(Policy.bundled(), Calendar.official(), r, listOf(), "2024-01-20")   // Stage.APPLICANT
/// ```
#[uniffi::export]
pub fn check_member(
    policy: &Policy,
    calendar: &Calendar,
    record: MemberRecord,
    roster: Vec<MemberRecord>,
    on: String,
) -> Result<MemberReport> {
    guarded(|| {
        let on = parse_date(&on, "on")?;
        let cal = calendar.read()?;
        let ctx = Context::new(&policy.inner, &cal, &roster).map_err(|e| e.under("roster"))?;
        Ok(core::check(&ctx, &record, on)?)
    })
}

/// What is due next for one member on `on`, soonest first (the `next_steps` of [`check_member`]): the talk
/// within a month of the application, the half-year reviews, the approval within three months of the vote,
/// the conversion at the end of probation, reporting in after a transfer … each with its earliest day, its
/// due day and its article.
///
/// Errors: as [`check_member`].
///
/// ```kotlin
/// val steps = memberNextSteps(Policy.bundled(), Calendar.official(), record, branch, "2024-01-20")
/// steps.first().code   // "TALK"
/// ```
#[uniffi::export]
pub fn member_next_steps(
    policy: &Policy,
    calendar: &Calendar,
    record: MemberRecord,
    roster: Vec<MemberRecord>,
    on: String,
) -> Result<Vec<NextStep>> {
    Ok(check_member(policy, calendar, record, roster, on)?.next_steps)
}

/// Checks a branch's members on `on` (`membership::check_records`): every record against the others (the
/// roster sponsors and contacts are looked up in), the meetings held (organizational life; the lapse rule's
/// six months without it) and the dues ledgers (the lapse rule's six months unpaid, 党章 第九条) — so the
/// lapse findings (`LAPSE_*`) and the transfer and mobility findings (`TRANSFER_*`, letters, reporting in,
/// 流动党员) come out here. A record whose check fails is a `BatchError` (its index in `members`, its id,
/// code and field) and the others are still checked; a repeated id is `DUPLICATE_MEMBER` on the later one.
///
/// Errors (the whole call): `DangjianException.InvalidInput` — `INVALID_DATE` at `on`;
/// `DangjianException.Policy` when no membership rules are in force; `CALENDAR_UNAVAILABLE`.
///
/// ```kotlin
/// val batch = checkMembers(Policy.bundled(), Calendar.official(), branch, meetings, ledgers, "2026-01-01")
/// batch.reports.forEach { println("${it.memberId} ${it.stage}") }
/// batch.errors.forEach { println("#${it.index} ${it.code} at ${it.field}") }
/// ```
#[uniffi::export]
pub fn check_members(
    policy: &Policy,
    calendar: &Calendar,
    members: Vec<MemberRecord>,
    meetings: Vec<Meeting>,
    ledgers: Vec<Ledger>,
    on: String,
) -> Result<CheckBatch> {
    guarded(|| {
        let on = parse_date(&on, "on")?;
        let cal = calendar.read()?;
        Ok(core::check_records(
            &policy.inner,
            &cal,
            &members,
            &meetings,
            &ledgers,
            on,
        )?)
    })
}

/// Records one event on a member (`membership::apply`): returns the record with the event appended, or
/// throws the error of the first rule the event breaks (an event out of order, too early, a sponsor who is
/// not a full member …). Sponsors and contacts are looked up in `roster` (may be empty).
///
/// Errors: `DangjianException.InvalidInput` — the transition's refusals with their code and field
/// (`AGE_BELOW_MINIMUM`, `SPONSOR_NOT_FULL_MEMBER` …), a repeated id in the roster at `roster[i].id`;
/// `DangjianException.Policy` when no membership rules are in force; `CALENDAR_UNAVAILABLE`.
///
/// ```kotlin
/// val r = applyMemberEvent(Policy.bundled(), Calendar.official(),
///     MemberRecord("M1", "甲", "2000-01-01", "B1"), MemberEvent.Application("2024-01-10"), listOf())
/// ```
#[uniffi::export]
pub fn apply_member_event(
    policy: &Policy,
    calendar: &Calendar,
    record: MemberRecord,
    event: MemberEvent,
    roster: Vec<MemberRecord>,
) -> Result<MemberRecord> {
    guarded(|| {
        let cal = calendar.read()?;
        let ctx = Context::new(&policy.inner, &cal, &roster).map_err(|e| e.under("roster"))?;
        Ok(core::apply(&ctx, &record, event)?)
    })
}

/// A member's rights on `on` (`membership::rights_on`; 党章 第七条, 纪律处分条例 第八条–第十三条): whether they may
/// vote, elect, be elected and act as a sponsor, as limited by probation and by the sanctions in force, each
/// limit a finding with its article.
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_DATE` at `on`; `DangjianException.Policy` when no
/// membership rules are in force.
///
/// ```kotlin
/// val rights = memberRights(Policy.bundled(), record, "2026-01-01")   // rights.mayVote
/// ```
#[uniffi::export]
pub fn member_rights(policy: &Policy, record: MemberRecord, on: String) -> Result<Rights> {
    guarded(|| {
        let on = parse_date(&on, "on")?;
        Ok(core::rights_on(&policy.inner, &record, on)?)
    })
}

/// Checks the party organizations of a document on `on` (`membership::check_orgs`): member counts and
/// structure (支部工作条例 第五条、第八条), committee terms (党章 第三十条) and the next election's window,
/// elections (quorum, majority), 三会一课 compliance and attendance over the document's period, and the
/// 民主评议 rounds (the 优秀 quota).
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_DATE` at `on`; the document's references
/// (`UNKNOWN_ORG` at `members[2].org`, `DUPLICATE_ORG`, `DUPLICATE_MEMBER`, `INVALID_PERIOD` at `period.to`);
/// an election's or a round's input error under `elections[i]` / `reviews[i]`; a tree that cannot be lifted
/// (`DUPLICATE_ORG`, `UNKNOWN_ORG`, `ORG_CYCLE`, field inside the list of organizations);
/// `DangjianException.Policy` when no membership rules are in force.
///
/// ```kotlin
/// val doc = OrgDocument(listOf(Org("B1", null, OrgKind.BRANCH)))
/// val report = checkOrgs(Policy.bundled(), doc, "2026-01-01")   // report.orgs[0].fullMembers
/// ```
#[uniffi::export]
pub fn check_orgs(policy: &Policy, document: OrgDocument, on: String) -> Result<OrgReport> {
    guarded(|| {
        let on = parse_date(&on, "on")?;
        Ok(core::check_orgs(&policy.inner, &document, on)?)
    })
}

/// 三会一课 compliance of organization `org` from `from` to `to`, both included (`membership::compliance`;
/// 支部工作条例 第十八条): which meetings each period needed and had, the members' attendance, and a
/// `MEETING_MISSING` / `LECTURER_MISSING` finding per gap.
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_DATE` at `from` / `to`, `UNKNOWN_ORG` at `org`,
/// `INVALID_PERIOD` when `to` is before `from`; `DangjianException.Policy` when no life rules are in force.
///
/// ```kotlin
/// val life = lifeCompliance(Policy.bundled(), doc, "B1", "2026-01-01", "2026-06-30")
/// life.rules.forEach { println("${it.meeting} missing ${it.missing}") }
/// ```
#[uniffi::export]
pub fn life_compliance(
    policy: &Policy,
    document: OrgDocument,
    org: String,
    from: String,
    to: String,
) -> Result<LifeReport> {
    guarded(|| {
        let from = parse_date(&from, "from")?;
        let to = parse_date(&to, "to")?;
        Ok(core::compliance(&policy.inner, &document, &org, from, to)?)
    })
}

/// A 民主评议 round checked (`membership::rate_review`; 党员教育管理工作条例 第二十二条): the members per tier,
/// the 优秀 quota (at most a third of those graded, rounded down) and `EXCELLENT_QUOTA_EXCEEDED`,
/// `PROBATIONARY_GRADED`, `MEMBER_NOT_GRADED`, `MEMBER_NOT_RATED`.
///
/// Errors: `DangjianException.InvalidInput` — `UNKNOWN_ORG` at `org`, `UNKNOWN_MEMBER` / `DUPLICATE_MEMBER`
/// at `ratings[i].member`; `DangjianException.Policy` when no life rules are in force.
///
/// ```kotlin
/// val r = rateReview(Policy.bundled(), listOf(Org("B1", null, OrgKind.BRANCH)), members,
///     ReviewRound("B1", 2025, "2026-01-20", ratings))   // r.excellentMax
/// ```
#[uniffi::export]
pub fn rate_review(
    policy: &Policy,
    orgs: OrgTree,
    members: Vec<MemberRecord>,
    round: ReviewRound,
) -> Result<RatingReport> {
    guarded(|| Ok(core::rate_review(&policy.inner, &orgs, &members, &round)?))
}

/// One election evaluated (`membership::evaluate_election`; 选举工作条例 第二十五条、第二十六条): the entitled count
/// (computed from the records when not given), the quorum (more than four fifths present), the winners (more
/// than half of the votes of those present) and `ELECTION_NO_QUORUM`, `VOTER_NOT_ENTITLED`.
///
/// Errors: `DangjianException.InvalidInput` — `UNKNOWN_ORG` at `org`, `PRESENT_EXCEEDS_ENTITLED` at
/// `present`, `VOTES_EXCEED_PRESENT` at `candidates[i].votes`.
///
/// ```kotlin
/// val r = evaluateElection(Policy.bundled(), orgs, members, election)   // r.valid, r.elected
/// ```
#[uniffi::export]
pub fn evaluate_election(
    policy: &Policy,
    orgs: OrgTree,
    members: Vec<MemberRecord>,
    election: Election,
) -> Result<ElectionReport> {
    guarded(|| {
        Ok(core::evaluate_election(
            &policy.inner,
            &orgs,
            &members,
            &election,
        )?)
    })
}
