//! Lapse and lost contact: 党章 第九条 (a member who, without good reason, takes no part in organizational life,
//! pays no dues or does no assigned work for six consecutive months is regarded as having left the Party) and
//! 《中国共产党党员教育管理工作条例》第二十四条 (a member out of contact for six months and unreachable has membership
//! suspended; after two more years still unreachable, is removed as having left of their own accord).
//!
//! Grounds checked, for full and probationary members, over whole months (a month counts once it has ended):
//! - no organizational life: a month in which the member attended no meeting and was not absent with leave at
//!   one. Only when the meetings given hold any meeting of the member's organization, and only from the month of
//!   its first recorded meeting — without meetings there is no evidence either way;
//! - no dues: a month of the member's dues ledger with an amount due still outstanding on the day of the check
//!   (months with a recorded good reason in the ledger do not count);
//! - assigned work: no data source records it, so this ground is not checked.
//!
//! Months covered by an `excused` event (a good reason; any day of the month) never count and break a run. The line
//! is crossed on the first day after the sixth such month ends: 2026-01 to 2026-06 without life → a candidate from
//! 2026-07-01, not on 2026-06-30.
//!
//! Lost contact counts by calendar months from the first day without contact, clamped to the month's end: lost on
//! 2026-01-15 → suspension may be considered from 2026-07-15.
#![deny(clippy::arithmetic_side_effects)]

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::context::Context;
#[cfg(test)]
use super::life::Meeting;
use super::params::MobilityRules;
use super::record::{MemberEvent, MemberRecord};
use super::report::{NextStep, Review};
use super::stage::Stage;
use super::status::{history, plus_months};
use crate::dues::evaluate_ledger;
use crate::policy::in_force;
use crate::{Finding, Policy, Result, Severity, YearMonth};

/// The months from `from` to `to` (both included) in which the member attended no meeting and was not absent
/// with leave at one (absence with leave is not a lapse), given the months they did (`present`, from the
/// context's meeting index). Meetings of any organization count.
pub(crate) fn months_absent(
    present: Option<&[YearMonth]>,
    from: YearMonth,
    to: YearMonth,
) -> Vec<YearMonth> {
    from.through(to)
        .filter(|m| present.is_none_or(|p| p.binary_search(m).is_err()))
        .collect()
}

/// [`months_absent`] of `member_id` over a list of meetings.
#[cfg(test)]
pub(crate) fn months_without_life(
    meetings: &[Meeting],
    member_id: &str,
    from: YearMonth,
    to: YearMonth,
) -> Vec<YearMonth> {
    let present: BTreeSet<YearMonth> = meetings
        .iter()
        .filter(|m| {
            m.attendees.iter().any(|a| a == member_id)
                || m.absent_with_leave.iter().any(|a| a == member_id)
        })
        .map(|m| YearMonth::of(m.date))
        .collect();
    let present: Vec<YearMonth> = present.into_iter().collect();
    months_absent(Some(&present), from, to)
}

fn mobility(policy: &Policy, on: NaiveDate) -> Result<&MobilityRules> {
    Ok(&in_force(&policy.membership.mobility, on, "membership.mobility")?.value)
}

/// The first whole month of the current membership (probationary or full, without a break) and the last month
/// ended before `on`.
fn member_months(
    ctx: &Context,
    record: &MemberRecord,
    on: NaiveDate,
) -> Result<Option<(YearMonth, YearMonth)>> {
    let spans = history(ctx.policy, record, on)?;
    let start = spans
        .iter()
        .rev()
        .take_while(|s| matches!(s.stage, Stage::Full | Stage::Probationary))
        .last()
        .map(|s| s.since);
    let Some(start) = start else {
        return Ok(None);
    };
    let first = if start.day() == 1 {
        YearMonth::of(start)
    } else {
        YearMonth::of(start).plus_months(1)
    };
    Ok(Some((first, YearMonth::of(on).plus_months(-1))))
}

/// The last run of at least `line` consecutive months in `months` (ascending) that `counts`: its first and last
/// month.
/// Whether a month of `held` (sorted) falls in `start..=end`: the first month held from `start` on is at most
/// `end` (a binary search: the months held are a sorted list, not a tree).
pub(crate) fn held_within(held: &[YearMonth], start: YearMonth, end: YearMonth) -> bool {
    held.get(held.partition_point(|m| *m < start))
        .is_some_and(|m| *m <= end)
}

fn last_run(
    months: &[YearMonth],
    line: u32,
    counts: impl Fn(YearMonth, YearMonth) -> bool,
) -> Option<(YearMonth, YearMonth)> {
    let line = i32::try_from(line).unwrap_or(i32::MAX);
    let mut runs: Vec<(YearMonth, YearMonth)> = Vec::new();
    for &m in months {
        match runs.last_mut() {
            Some((_, end)) if end.plus_months(1) == m => *end = m,
            _ => runs.push((m, m)),
        }
    }
    runs.into_iter().rev().find(|(start, end)| {
        end.months_since(*start) >= line.saturating_sub(1) && counts(*start, *end)
    })
}

/// Lapse (党章 第九条) and lost contact (党员教育管理工作条例 第二十四条) findings of a check:
/// `LAPSE_CANDIDATE`, `SUSPENSION_CANDIDATE`, `REMOVAL_CANDIDATE` (Warnings) and the next steps
/// `SUSPEND_MEMBERSHIP` and `REMOVE_LEFT_OF_OWN_ACCORD` with the day each may first be decided.
pub(crate) fn review(
    ctx: &Context,
    record: &MemberRecord,
    on: NaiveDate,
    out: &mut Review,
) -> Result<()> {
    lapse(ctx, record, on, out)?;
    lost_contact(ctx.policy, record, on, out)
}

fn lapse(ctx: &Context, record: &MemberRecord, on: NaiveDate, out: &mut Review) -> Result<()> {
    let Some((first, last)) = member_months(ctx, record, on)? else {
        return Ok(());
    };
    if last < first {
        return Ok(());
    }
    let rules = mobility(ctx.policy, on)?;
    let excused: BTreeSet<YearMonth> = record
        .events
        .iter()
        .take_while(|e| e.date() <= on)
        .filter_map(|e| match e {
            MemberEvent::Excused { date, until, .. } => {
                Some(YearMonth::of(*date).through(YearMonth::of(*until)))
            }
            _ => None,
        })
        .flatten()
        .collect();
    // The months the member's organization held a meeting every member is expected at (all kinds but the
    // committee's own). A run of months without organizational life counts against the member only when the
    // organization held such a meeting in it and the member missed it: when none was held at all, the gap is
    // the organization's (`MEETING_MISSING` in the organization check), not the member's.
    let held = ctx.life().held(&record.org).unwrap_or(&[]);
    if let Some(evidence) = held.first().copied() {
        let present = ctx.present_of(record);
        let gaps: Vec<YearMonth> = months_absent(present, first.max(evidence), last)
            .into_iter()
            .filter(|m| !excused.contains(m))
            .collect();
        let missed_one = |start: YearMonth, end: YearMonth| held_within(held, start, end);
        if let Some(run) = last_run(&gaps, rules.lapse_months, missed_one) {
            out.findings.push(candidate(
                rules,
                run,
                "未参加党的组织生活",
                "no organizational life",
            ));
        }
    }
    if let Some(ledger) = ctx.ledger(&record.id) {
        let report = evaluate_ledger(ctx.policy, ledger, on)?;
        let unpaid: Vec<YearMonth> = report
            .months
            .iter()
            .filter(|l| l.due > Decimal::ZERO && l.outstanding > Decimal::ZERO)
            .map(|l| l.month)
            .filter(|m| (first..=last).contains(m) && !excused.contains(m))
            .filter(|m| {
                !ledger
                    .good_reasons
                    .iter()
                    .any(|g| g.from <= *m && *m <= g.to)
            })
            .collect();
        if let Some(run) = last_run(&unpaid, rules.lapse_months, |_, _| true) {
            out.findings
                .push(candidate(rules, run, "未交纳党费", "no dues paid"));
        }
    }
    Ok(())
}

fn candidate(
    rules: &MobilityRules,
    (start, end): (YearMonth, YearMonth),
    zh: &str,
    en: &str,
) -> Finding {
    let crossed = start
        .plus_months(i32::try_from(rules.lapse_months).unwrap_or(i32::MAX))
        .first_day();
    let n = end.months_since(start).saturating_add(1);
    Finding::new(
        "LAPSE_CANDIDATE",
        Severity::Warning,
        format!("{start} 至 {end} 连续 {n} 个月{zh}且无正当理由：自 {crossed} 起可视为自行脱党，由支部大会讨论除名，报上级党组织批准"),
        format!("{en} for {n} consecutive months ({start} to {end}) without good reason: from {crossed} the member may be regarded as having left the Party; the branch meeting decides removal, for the higher committee's approval"),
        Some(rules.lapse_article.clone()),
    )
}

fn lost_contact(
    policy: &Policy,
    record: &MemberRecord,
    on: NaiveDate,
    out: &mut Review,
) -> Result<()> {
    let mut lost: Option<NaiveDate> = None;
    let mut suspended: Option<NaiveDate> = None;
    for e in record.events.iter().take_while(|e| e.date() <= on) {
        match e {
            MemberEvent::LostContact { date } if lost.is_none() => lost = Some(*date),
            MemberEvent::ContactRestored { .. } => {
                lost = None;
                suspended = None;
            }
            MemberEvent::Suspended { date } if lost.is_some() => suspended = Some(*date),
            MemberEvent::Reinstated { .. } => suspended = None,
            _ => {}
        }
    }
    let Some(lost) = lost else {
        return Ok(());
    };
    let stage = history(policy, record, on)?.last().map(|s| s.stage);
    match (stage, suspended) {
        (Some(Stage::Full | Stage::Probationary), _) => {
            let rules = mobility(policy, lost)?;
            let line = plus_months(lost, rules.lost_contact_months);
            if on >= line {
                out.findings.push(Finding::new(
                    "SUSPENSION_CANDIDATE",
                    Severity::Warning,
                    format!("自 {lost} 起失去联系已满 {} 个月（{line}）：经多方查找仍无音讯的，应停止其党籍", rules.lost_contact_months),
                    format!("out of contact since {lost}, {} months on {line}: if still unreachable after searching, membership is suspended (停止党籍)", rules.lost_contact_months),
                    Some(rules.lost_contact_article.clone()),
                ));
            }
            out.next_steps.push(NextStep::new(
                "SUSPEND_MEMBERSHIP",
                format!("多方查找；自 {line} 起仍无音讯的，可停止党籍"),
                format!("search for the member; from {line}, if still unreachable, membership may be suspended"),
                Some(line),
                None,
                Some(rules.lost_contact_article.clone()),
            ));
        }
        (Some(Stage::Suspended), Some(since)) => {
            let rules = mobility(policy, since)?;
            let line = plus_months(since, rules.removal_after_suspension_months);
            if on >= line {
                out.findings.push(Finding::new(
                    "REMOVAL_CANDIDATE",
                    Severity::Warning,
                    format!("{since} 停止党籍后已满 {} 个月（{line}）仍无联系：按自行脱党予以除名", rules.removal_after_suspension_months),
                    format!("suspended on {since} and still unreachable {} months later ({line}): removal as having left the Party (自行脱党)", rules.removal_after_suspension_months),
                    Some(rules.lost_contact_article.clone()),
                ));
            }
            out.next_steps.push(NextStep::new(
                "REMOVE_LEFT_OF_OWN_ACCORD",
                format!("自 {line} 起仍无联系的，按自行脱党除名"),
                format!("from {line}, if still unreachable, remove as having left the Party"),
                Some(line),
                None,
                Some(rules.lost_contact_article.clone()),
            ));
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
#[path = "lapse_tests.rs"]
mod tests;
