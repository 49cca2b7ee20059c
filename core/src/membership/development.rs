//! The development pipeline's rules (发展党员工作细则 2014 and its May-2026 revision; 党章 第五条至第七条).
//!
//! `review(ctx, record, on, out)` audits the events dated on or before `on` and adds findings and next steps:
//! - the applicant ([`super::development_applicant`]): age (细则 第五条), the talk within a month (第七条), the
//!   activist decision (第八条、第九条), 培养联系人 (第十条), half-year reviews (第十二条), a year as an activist
//!   before becoming a development target and, from the 2026 revision, the higher committee's consent (第十三条);
//! - the admission ([`super::development_admission`]): two full members as sponsors (第十四条), political review
//!   (第十五条), centralized training (第十六条), the branch committee's review and the public notice (第十七条), the
//!   pre-review (第十八条) and the branch meeting's vote (第二十一条、第二十二条);
//! - before the vote ([`super::development_vote`]): the vote is offered as a next step only when a trial of its
//!   prerequisites passes on its earliest day; otherwise the next steps say what must happen first;
//! - the probation ([`super::development_probation`]): the interview (第二十三条), approval within 3 (at most 6)
//!   months (第二十四条), the oath (党章 第六条; within a month from the 2026 revision), extension and conversion
//!   (党章 第七条).
//!
//! Which rules: a step is judged by the [`super::DevelopmentRules`] in force on the day of that step (a
//! development target decided on 2026-05-17 needs no higher consent, one decided on 2026-05-18 does); a time limit
//! counted from a step (the talk from the application, approval from the vote, the oath from the approval) uses the
//! rules in force on the day of the step it is counted from. Findings cite that entry's `articles`.
//!
//! Months are calendar months added with clamping to the month's end: 01-31 + 1 month = 02-28 (02-29 in a leap
//! year); a limit "within N months of D" is met on D + N months and missed the day after.
//!
//! Events before the last `imported` event are history kept elsewhere: the pipeline rules are not checked on them.
//! Input errors are checked on every event: order, dates before birth and the vote counts.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;

use super::context::Context;
use super::development_pipeline::{violation, Pipeline};
use super::params::DevelopmentArticles;
use super::record::{MemberEvent, MemberRecord, NoticeStage, Vote};
use super::report::Review;
use super::stage::Stage;
use super::status::vote_passes;
use crate::{Citation, Error, Result};

/// Adds the development pipeline's findings and next steps for `record` on `on` (see the module docs).
pub(crate) fn review(
    ctx: &Context,
    record: &MemberRecord,
    on: NaiveDate,
    out: &mut Review,
) -> Result<()> {
    validate(record, on)?;
    let p = Pipeline::new(ctx, record, on);
    sequence(&p, out)?;
    super::development_applicant::review(&p, out)?;
    super::development_admission::review(&p, out)?;
    super::development_trial::prerequisites_due(&p, out)?;
    super::development_probation::review(&p, out)
}

/// Input errors: events out of order, dates before birth, a birth date after `on`, impossible vote counts.
fn validate(record: &MemberRecord, on: NaiveDate) -> Result<()> {
    let born = record.birth_date;
    if born > on {
        return Err(Error::input(
            "IMPOSSIBLE_DATE",
            "birth_date",
            format!("出生日期 {born} 晚于核查日期 {on}"),
            format!("born {born}, after the day of the check {on}"),
        ));
    }
    let mut previous: Option<NaiveDate> = None;
    for (i, e) in record.events.iter().enumerate() {
        let date = e.date();
        if let Some(prev) = previous.filter(|p| date < *p) {
            return Err(Error::input(
                "EVENT_OUT_OF_ORDER",
                format!("events[{i}].date"),
                format!("事件（{}，{date}）早于前一事件（{prev}），应按时间顺序排列", e.kind_name()),
                format!(
                    "the event ({}, {date}) is dated before the previous one ({prev}); events go oldest first",
                    e.kind_name()
                ),
            ));
        }
        previous = Some(date);
        if date < born {
            return Err(Error::input(
                "IMPOSSIBLE_DATE",
                format!("events[{i}].date"),
                format!("事件（{}，{date}）早于出生日期 {born}", e.kind_name()),
                format!(
                    "the event ({}, {date}) is dated before birth ({born})",
                    e.kind_name()
                ),
            ));
        }
        if let MemberEvent::BranchVote { vote, .. } = e {
            validate_vote(vote, &format!("events[{i}].vote"))?;
        }
    }
    Ok(())
}

fn validate_vote(v: &Vote, here: &str) -> Result<()> {
    if v.present > v.entitled {
        return Err(Error::input(
            "VOTE_PRESENT_EXCEEDS_ENTITLED",
            format!("{here}.present"),
            format!(
                "到会 {} 人多于应到会有表决权的 {} 人",
                v.present, v.entitled
            ),
            format!(
                "{} present, more than the {} entitled",
                v.present, v.entitled
            ),
        ));
    }
    // u32 counts widened to u64: three of them cannot overflow, saturating only to satisfy the lint.
    let cast = u64::from(v.yes)
        .saturating_add(u64::from(v.no))
        .saturating_add(u64::from(v.abstain));
    let may_cast = u64::from(v.present).saturating_add(u64::from(v.written));
    if cast > may_cast {
        return Err(Error::input(
            "VOTE_COUNT_EXCEEDS_PRESENT",
            format!("{here}.yes"),
            format!("赞成、反对、弃权共 {cast} 票，多于到会人数加书面意见 {may_cast}"),
            format!(
                "{cast} votes cast, more than those present plus written opinions ({may_cast})"
            ),
        ));
    }
    let absent = v.entitled.saturating_sub(v.present);
    if v.written > absent {
        return Err(Error::input(
            "VOTE_WRITTEN_EXCEEDS_ABSENT",
            format!("{here}.written"),
            format!(
                "书面意见 {} 份，多于未到会的有表决权党员 {absent} 人",
                v.written
            ),
            format!(
                "{} written opinions, more than the {absent} absent members entitled",
                v.written
            ),
        ));
    }
    Ok(())
}

/// What a step needs before it, in both languages.
struct Needs {
    zh: &'static str,
    en: &'static str,
}

const APPLICATION: Needs = Needs {
    zh: "入党申请",
    en: "an application",
};
const ACTIVIST: Needs = Needs {
    zh: "确定为入党积极分子",
    en: "the activist decision",
};
const TARGET: Needs = Needs {
    zh: "确定为发展对象",
    en: "the development-target decision",
};
const PASSED_VOTE: Needs = Needs {
    zh: "支部大会表决通过",
    en: "a passed branch vote",
};
const APPROVAL: Needs = Needs {
    zh: "上级党委审批",
    en: "the higher committee's approval",
};
const PROBATION: Needs = Needs {
    zh: "预备期（已批准的预备党员）",
    en: "a probation (an approved admission)",
};

/// Picks the article of a step.
type Pick = fn(&DevelopmentArticles) -> &Citation;

/// `MISSING_STEP`: a step recorded without the one the 细则 puts before it.
fn sequence(p: &Pipeline, out: &mut Review) -> Result<()> {
    let imported = p.imported.filter(|s| *s >= Stage::Probationary);
    let (mut applied, mut activist, mut target, mut passed, mut approved) =
        (false, false, false, false, false);
    if imported.is_some() {
        (applied, activist, target, passed, approved) = (true, true, true, true, true);
    }
    let mut probation = imported.is_some();
    for (i, e) in &p.events {
        let (ok, needs, cite): (bool, &Needs, Pick) = match e {
            MemberEvent::Application { .. } => {
                applied = true;
                (true, &APPLICATION, |a| &a.talk)
            }
            MemberEvent::Talk { .. } => (applied, &APPLICATION, |a| &a.talk),
            MemberEvent::Activist { .. } => {
                let ok = applied;
                activist = true;
                (ok, &APPLICATION, |a| &a.activist)
            }
            MemberEvent::Contacts { .. } => (activist, &ACTIVIST, |a| &a.contacts),
            MemberEvent::HalfYearReview { .. } => (activist, &ACTIVIST, |a| &a.review),
            MemberEvent::DevelopmentTarget { .. } => {
                let ok = activist;
                target = true;
                (ok, &ACTIVIST, |a| &a.activist_period)
            }
            MemberEvent::Sponsors { .. } => (target, &TARGET, |a| &a.sponsors),
            MemberEvent::PoliticalReview { .. } => (target, &TARGET, |a| &a.political_review),
            MemberEvent::Training { .. } => (target, &TARGET, |a| &a.training),
            MemberEvent::CommitteeReview { .. } => (target, &TARGET, |a| &a.notice),
            MemberEvent::PreReview { .. } => (target, &TARGET, |a| &a.pre_review),
            MemberEvent::PublicNotice { stage, .. } => match stage {
                NoticeStage::Activist => (activist, &ACTIVIST, |a| &a.notice),
                NoticeStage::DevelopmentTarget => (target, &TARGET, |a| &a.notice),
                NoticeStage::Admission => (passed, &PASSED_VOTE, |a| &a.notice),
                NoticeStage::Conversion => (probation, &PROBATION, |a| &a.notice),
            },
            MemberEvent::BranchVote { vote, .. } => {
                let ok = target;
                passed |= vote_passes(vote);
                (ok, &TARGET, |a| &a.vote)
            }
            MemberEvent::Interview { .. } => (passed, &PASSED_VOTE, |a| &a.interview),
            MemberEvent::Approval { .. } => {
                let ok = passed;
                approved |= passed;
                probation |= passed;
                (ok, &PASSED_VOTE, |a| &a.approval)
            }
            MemberEvent::Oath { .. } => (approved, &APPROVAL, |a| &a.oath),
            MemberEvent::ProbationExtended { .. }
            | MemberEvent::ProbationCancelled { .. }
            | MemberEvent::Conversion { .. } => (probation, &PROBATION, |a| &a.probation),
            // Discipline, mobility and the rest are not steps of the pipeline.
            _ => continue,
        };
        if !ok {
            let (date, kind) = (e.date(), e.kind_name());
            // The rules are looked up only here: events of members admitted before the 细则 need none.
            let articles = &p.rules(date)?.articles;
            out.findings.push(violation(
                "MISSING_STEP",
                format!("{date} 记录了 {kind}，但此前缺少“{}”", needs.zh),
                format!(
                    "{kind} on {date} is recorded without {} before it (events[{i}])",
                    needs.en
                ),
                cite(articles),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "development_tests.rs"]
mod tests;
