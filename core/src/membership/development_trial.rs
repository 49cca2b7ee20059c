//! The next steps before the vote are a trial (细则 第十七条、第二十一条): the prerequisites the vote is judged by
//! ([`super::development_admission::before_vote`]) are run on the earliest day the vote could be held (the day
//! after the notice closes, or today when that is later). When none is unmet the next step is `BRANCH_VOTE`;
//! otherwise each unmet prerequisite is a next step saying what must happen first ("表决前须先解决：重新公示 5
//! 个工作日"), with its article, and the vote is not offered: a next step must never invite a breach.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;

use super::development_admission::before_vote;
use super::development_pipeline::{violation, Pipeline};
use super::development_vote::{evaluate, Fix};
use super::record::{MemberEvent, NoticeStage};
use super::report::{NextStep, Review};
use super::status::vote_passes;
use crate::codes::Code;
use crate::disclosure::Objection;
use crate::Result;

/// For a development target not yet admitted by a vote: the trial of the vote's prerequisites (module docs).
pub(crate) fn prerequisites_due(p: &Pipeline, out: &mut Review) -> Result<()> {
    let Some(target_pos) = p
        .events
        .iter()
        .rposition(|(_, e)| matches!(e, MemberEvent::DevelopmentTarget { .. }))
    else {
        return Ok(());
    };
    if p.after(target_pos)
        .any(|(_, e)| matches!(e, MemberEvent::BranchVote { vote, .. } if vote_passes(vote)))
    {
        return Ok(());
    }
    ended_short(p, target_pos, out)?;
    // The vote may come the day after the latest notice closes; the trial is on that day, or today if later.
    let closes = p
        .after(target_pos)
        .filter_map(|(_, e)| match e {
            MemberEvent::PublicNotice {
                closes_on,
                stage: NoticeStage::DevelopmentTarget,
                ..
            } => Some(*closes_on),
            _ => None,
        })
        .last();
    let earliest = closes.and_then(|d| d.succ_opt());
    let trial_on = earliest.map_or(p.on, |e| e.max(p.on));
    let a = &p.rules(trial_on)?.articles;
    let fixes: Vec<Fix> = before_vote(p, p.events.len(), trial_on, &[])?
        .into_iter()
        .filter_map(|u| u.fix)
        .collect();
    if fixes.is_empty() {
        out.next_steps.push(NextStep::new(
            Code::BranchVote.as_str(),
            "支部党员大会讨论接收预备党员",
            "the branch general meeting's vote on admission",
            earliest,
            None,
            Some(a.vote.clone()),
        ));
    }
    for fix in fixes {
        out.next_steps.push(fix.step(a, p.on));
    }
    Ok(())
}

/// `NOTICE_WINDOW_TOO_SHORT` as soon as it is knowable: the latest development-target notice after the decision
/// at `target_pos` has ended (`on` is its last day or later), no vote has followed it, and its window is shorter
/// than the minimum (细则 第十七条). (A vote after it is judged at the vote.)
fn ended_short(p: &Pipeline, target_pos: usize, out: &mut Review) -> Result<()> {
    let mut last: Option<(usize, NaiveDate, NaiveDate, &[Objection])> = None;
    for (index, e) in p.after(target_pos).map(|(i, e)| (*i, *e)) {
        match e {
            MemberEvent::PublicNotice {
                date,
                closes_on,
                stage: NoticeStage::DevelopmentTarget,
                objections,
            } => last = Some((index, *date, *closes_on, objections)),
            MemberEvent::BranchVote { .. } => last = None,
            _ => {}
        }
    }
    let Some((index, opens_on, closes_on, objections)) = last else {
        return Ok(());
    };
    if p.on < closes_on {
        return Ok(());
    }
    let report = evaluate(p, index, opens_on, closes_on, objections, p.on)?;
    if report.window_ok {
        return Ok(());
    }
    let cite = &p.rules(opens_on)?.articles.notice;
    for f in report.findings {
        match f.code.parse::<Code>() {
            Ok(Code::NoticeWindowTooShort) => {
                let mut g = violation(
                    Code::NoticeWindowTooShort.as_str(),
                    format!("公示已于 {closes_on} 结束：{}", f.message_zh),
                    format!("the notice ended on {closes_on}: {}", f.message_en),
                    cite,
                );
                g.also_cited = f.citation.into_iter().chain(f.also_cited).collect();
                out.findings.push(g);
            }
            Ok(Code::ProvisionalCalendar) if !out.findings.contains(&f) => out.findings.push(f),
            _ => {}
        }
    }
    Ok(())
}
