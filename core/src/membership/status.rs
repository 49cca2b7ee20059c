//! The stage a person is in, derived from the events (2014 细则 and 党章 第五条、第七条):
//! application → 申请人; activist → 积极分子; development_target → 发展对象; a passed branch vote followed by the
//! higher committee's approval → 预备党员 from the day of the vote (probation counts from the vote, 党章 第七条);
//! conversion → 正式党员 from the end of probation (党龄 counts from that day); suspension, reinstatement,
//! removal, expulsion and cancellation of probation as recorded.
//!
//! Probation lasts `probation_months` (12) from the vote, plus any extension; it ends on the same day of the month
//! (vote 2025-06-10 → full member from 2026-06-10; a vote on 29 February → 28 February of the next year).
#![deny(clippy::arithmetic_side_effects)]

use chrono::{Months, NaiveDate};

use super::params::DevelopmentRules;
use super::record::{MemberEvent, MemberRecord, SanctionKind, Vote};
use super::stage::{Stage, StageSpan};
use crate::policy::in_force;
use crate::{Policy, Result};

/// The probation of a record, when it has been admitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Probation {
    /// The day of the admission vote (probation starts).
    pub vote_date: NaiveDate,
    /// The day full membership begins: the vote day plus probation plus extension.
    pub ends: NaiveDate,
    /// Months of extension recorded.
    pub extended_months: u32,
}

/// Whether a vote admits: a quorum (present > half of those entitled) and yes > half of the full members entitled.
pub(crate) fn vote_passes(v: &Vote) -> bool {
    u64::from(v.present) * 2 > u64::from(v.entitled) && u64::from(v.yes) * 2 > u64::from(v.entitled)
}

pub(crate) fn development_rules(policy: &Policy, on: NaiveDate) -> Result<&DevelopmentRules> {
    Ok(&in_force(&policy.membership.development, on, "membership.development")?.value)
}

/// `date` plus `months`, clamped to the month's end; saturates at the calendar's end (never panics).
pub(crate) fn plus_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// The probation as of `on` (events after `on` ignored): the vote that admitted the member (an approved, passed
/// vote, or an import as probationary) and its end after extensions.
pub(crate) fn probation(
    policy: &Policy,
    record: &MemberRecord,
    on: NaiveDate,
) -> Result<Option<Probation>> {
    let mut passed_vote: Option<NaiveDate> = None;
    let mut admitted: Option<NaiveDate> = None;
    let mut extended = 0u32;
    for e in record.events.iter().take_while(|e| e.date() <= on) {
        match e {
            MemberEvent::BranchVote { date, vote } if vote_passes(vote) => {
                passed_vote = Some(*date)
            }
            MemberEvent::Approval { .. } => {
                if let Some(v) = passed_vote {
                    admitted = Some(v);
                }
            }
            MemberEvent::Imported {
                date,
                stage: Stage::Probationary,
            } => admitted = Some(*date),
            MemberEvent::ProbationExtended { months, .. } => {
                extended = extended.saturating_add(*months)
            }
            _ => {}
        }
    }
    let Some(vote_date) = admitted else {
        return Ok(None);
    };
    let rules = development_rules(policy, vote_date)?;
    Ok(Some(Probation {
        vote_date,
        ends: plus_months(vote_date, rules.probation_months.saturating_add(extended)),
        extended_months: extended,
    }))
}

/// Every stage up to `on`, oldest first; the days are non-decreasing. Events dated after `on` are ignored; a stage whose first day is after
/// `on` (full membership before probation ends) is not yet listed.
///
/// ```
/// use dangjian::membership::{history, MemberRecord, Stage};
/// let r: MemberRecord = serde_json::from_str(r#"{"id":"M1","name":"甲","birth_date":"1990-01-01","org":"B1","events":[
///   {"kind":"application","date":"2023-01-10"},{"kind":"activist","date":"2023-03-01","recommended_by":"party_members"}]}"#).unwrap();
/// let h = history(&dangjian::Policy::bundled(), &r, "2026-01-01".parse().unwrap()).unwrap();
/// assert_eq!(h.iter().map(|s| s.stage).collect::<Vec<_>>(), vec![Stage::Applicant, Stage::Activist]);
/// ```
pub fn history(policy: &Policy, record: &MemberRecord, on: NaiveDate) -> Result<Vec<StageSpan>> {
    let mut out: Vec<StageSpan> = Vec::new();
    let mut before_suspension: Option<Stage> = None;
    // A stage never begins before the one it follows: after an early conversion, full membership dates from the
    // end of probation, and an event recorded before that day (a suspension, say) takes effect from it too.
    let push = |out: &mut Vec<StageSpan>, stage: Stage, since: NaiveDate| {
        if let Some(last) = out.last().copied() {
            if last.stage != stage {
                out.push(StageSpan {
                    stage,
                    since: since.max(last.since),
                });
            }
        } else {
            out.push(StageSpan { stage, since });
        }
    };
    let mut passed_vote: Option<NaiveDate> = None;
    for e in record.events.iter().take_while(|e| e.date() <= on) {
        let current = out.last().map(|s| s.stage);
        match e {
            MemberEvent::Imported { date, stage } => push(&mut out, *stage, *date),
            MemberEvent::Application { date } => push(&mut out, Stage::Applicant, *date),
            MemberEvent::Activist { date, .. } => push(&mut out, Stage::Activist, *date),
            MemberEvent::DevelopmentTarget { date, .. } => {
                push(&mut out, Stage::DevelopmentTarget, *date)
            }
            MemberEvent::BranchVote { date, vote } if vote_passes(vote) => {
                passed_vote = Some(*date)
            }
            MemberEvent::Approval { .. } => {
                if let Some(v) = passed_vote {
                    push(&mut out, Stage::Probationary, v);
                }
            }
            MemberEvent::Conversion { .. } => {
                if let Some(p) = probation(policy, record, e.date())? {
                    if p.ends <= on {
                        push(&mut out, Stage::Full, p.ends);
                    }
                }
            }
            MemberEvent::ProbationCancelled { date } => push(&mut out, Stage::Removed, *date),
            MemberEvent::Sanction {
                date,
                sanction: SanctionKind::Expulsion,
                ..
            } => push(&mut out, Stage::Removed, *date),
            MemberEvent::Removed { date, .. } => push(&mut out, Stage::Removed, *date),
            MemberEvent::Suspended { date } => {
                before_suspension = current;
                push(&mut out, Stage::Suspended, *date);
            }
            MemberEvent::Reinstated { date } if current == Some(Stage::Suspended) => {
                if let Some(s) = before_suspension.take() {
                    push(&mut out, s, *date);
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// The stage on every day from `from` to `to` when it cannot change between them, else `None` (ask [`stage_on`]
/// day by day). [`history`] reads a day only through the events dated up to it and the probations ending by it,
/// so when nothing is recorded after `from` up to `to` and no probation ends in that range, every day reads the
/// same events the same way. A check over a quarter asks once a member instead of once a meeting.
pub(crate) fn settled_stage(
    policy: &Policy,
    record: &MemberRecord,
    from: NaiveDate,
    to: NaiveDate,
) -> Option<Stage> {
    let within = |d: NaiveDate| from < d && d <= to;
    if record.events.iter().any(|e| within(e.date())) {
        return None;
    }
    for e in record.events.iter().filter(|e| e.date() <= to) {
        if let MemberEvent::Conversion { .. } = e {
            match probation(policy, record, e.date()) {
                Ok(Some(p)) if within(p.ends) => return None,
                Ok(_) => {}
                Err(_) => return None,
            }
        }
    }
    stage_on(policy, record, to).ok()
}

/// The stage on `on`.
///
/// ```
/// use dangjian::membership::{stage_on, MemberRecord, Stage};
/// let r: MemberRecord = serde_json::from_str(r#"{"id":"M1","name":"甲","birth_date":"1990-01-01","org":"B1","events":[
///   {"kind":"imported","date":"2015-07-01","stage":"full"}]}"#).unwrap();
/// let p = dangjian::Policy::bundled();
/// assert_eq!(stage_on(&p, &r, "2015-06-30".parse().unwrap()).unwrap(), Stage::None);
/// assert_eq!(stage_on(&p, &r, "2015-07-01".parse().unwrap()).unwrap(), Stage::Full);
/// ```
pub fn stage_on(policy: &Policy, record: &MemberRecord, on: NaiveDate) -> Result<Stage> {
    Ok(history(policy, record, on)?
        .last()
        .map_or(Stage::None, |s| s.stage))
}

#[cfg(test)]
#[path = "status_tests.rs"]
mod tests;
