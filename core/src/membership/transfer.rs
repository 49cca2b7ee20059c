//! Transfers and mobile members: 《中国共产党党员教育管理工作条例》(组织关系转接, 流动党员; policy
//! `membership.mobility`, article numbers UNCONFIRMED) and, for a probationary member transferred in, the
//! postponement of conversion (发展党员工作细则).
//!
//! - An introduction letter (`transfer_out`) is valid `letter_valid_days_same_city` (10) or
//!   `letter_valid_days_other` (30) days, counting the issue day as the first: issued 2026-03-01 with 30 days →
//!   last valid day 2026-03-30. Until then the next step is `TRANSFER_REPORT_IN` (the member reports in; the
//!   receiving organization accepts; the sending organization follows up); from the day after, with no
//!   `transfer_in`, `TRANSFER_LETTER_EXPIRED`. A `transfer_in` after the last valid day is `TRANSFER_REPORTED_LATE`.
//! - Away (`away`) without `returned` or a transfer for `mobile_after_months` (6) → `MOBILE_MEMBER`: away from
//!   2026-01-15 → mobile from 2026-07-15.
//! - A graduate's relationship stays with the school at most `graduate_keep_months` (24): graduated 2024-07-01 →
//!   the last day it may stay is 2026-06-30 (`TRANSFER_OUT` due), `GRADUATE_RELATIONSHIP_OVERDUE` from 2026-07-01.
//! - A probationary member transferred in during probation may have conversion postponed by at most
//!   `transferred_probation_postpone_months` (6) after probation ends (`TRANSFERRED_PROBATION`, while still
//!   probationary).
//!
//! Month periods are calendar months clamped to the month's end; the rules are those in force on the day the
//! period starts (the letter's issue, the first day away, the graduation).
#![deny(clippy::arithmetic_side_effects)]

use chrono::{Days, NaiveDate};

use super::context::Context;
use super::params::MobilityRules;
use super::record::{MemberEvent, MemberRecord};
use super::report::{NextStep, Review};
use super::stage::Stage;
use super::status::{development_rules, plus_months, probation, stage_on};
use crate::policy::in_force;
use crate::{Finding, Policy, Result, Severity};

fn mobility(policy: &Policy, on: NaiveDate) -> Result<&MobilityRules> {
    Ok(&in_force(&policy.membership.mobility, on, "membership.mobility")?.value)
}

/// The last day an introduction letter issued on `issued` is valid (the issue day counts as the first).
fn last_valid_day(rules: &MobilityRules, issued: NaiveDate, same_city: bool) -> NaiveDate {
    let days = if same_city {
        rules.letter_valid_days_same_city
    } else {
        rules.letter_valid_days_other
    };
    issued
        .checked_add_days(Days::new(u64::from(days.saturating_sub(1))))
        .unwrap_or(NaiveDate::MAX)
}

/// A letter issued and not yet reported in.
struct Letter<'a> {
    issued: NaiveDate,
    to_org: &'a str,
    same_city: bool,
}

/// Transfer findings and next steps of a check (see the module's rules for the codes and dates).
pub(crate) fn review(
    ctx: &Context,
    record: &MemberRecord,
    on: NaiveDate,
    out: &mut Review,
) -> Result<()> {
    let policy = ctx.policy;
    let mut letter: Option<Letter> = None;
    let mut away: Option<NaiveDate> = None;
    let mut graduated: Option<NaiveDate> = None;
    let mut transferred_in: Vec<NaiveDate> = Vec::new();
    for e in record.events.iter().take_while(|e| e.date() <= on) {
        match e {
            MemberEvent::TransferOut {
                date,
                to_org,
                same_city,
            } => {
                letter = Some(Letter {
                    issued: *date,
                    to_org,
                    same_city: *same_city,
                });
                away = None;
                graduated = None;
            }
            MemberEvent::TransferIn { date, from_org } => {
                if let Some(l) = letter.take() {
                    late(policy, &l, *date, from_org, out)?;
                }
                transferred_in.push(*date);
                away = None;
            }
            MemberEvent::Away { date, .. } => away = Some(*date),
            MemberEvent::Returned { .. } => away = None,
            MemberEvent::Graduated { date } => graduated = Some(*date),
            _ => {}
        }
    }
    if let Some(l) = letter {
        pending_letter(policy, &l, on, out)?;
    }
    if let Some(since) = away {
        mobile(policy, since, on, out)?;
    }
    if let Some(date) = graduated {
        graduate(policy, date, on, out)?;
    }
    transferred_probation(policy, record, &transferred_in, on, out)
}

fn late(
    policy: &Policy,
    l: &Letter,
    reported: NaiveDate,
    from_org: &str,
    out: &mut Review,
) -> Result<()> {
    let rules = mobility(policy, l.issued)?;
    let last = last_valid_day(rules, l.issued, l.same_city);
    if reported > last {
        out.findings.push(Finding::new(
            "TRANSFER_REPORTED_LATE",
            Severity::Warning,
            format!("{} 从 {from_org} 开具的介绍信有效期至 {last}，{reported} 才报到", l.issued),
            format!("the letter issued by {from_org} on {} was valid through {last}; reported in on {reported}", l.issued),
            Some(rules.transfer_article.clone()),
        ));
    }
    Ok(())
}

fn pending_letter(policy: &Policy, l: &Letter, on: NaiveDate, out: &mut Review) -> Result<()> {
    let rules = mobility(policy, l.issued)?;
    let last = last_valid_day(rules, l.issued, l.same_city);
    let to = l.to_org;
    if on <= last {
        out.next_steps.push(NextStep::new(
            "TRANSFER_REPORT_IN",
            format!("党员持 {} 开具的介绍信于 {last} 前（含）到 {to} 报到；接收党组织办理接收，转出党组织跟踪了解", l.issued),
            format!("the member reports in at {to} with the letter of {} by {last}; the receiving organization accepts it; the sending organization follows up", l.issued),
            None,
            Some(last),
            Some(rules.transfer_article.clone()),
        ));
    } else {
        out.findings.push(Finding::new(
            "TRANSFER_LETTER_EXPIRED",
            Severity::Warning,
            format!("{} 开具的转往 {to} 的介绍信已于 {last} 过期，尚无报到记录：转出党组织应联系党员和接收党组织，必要时重新开具", l.issued),
            format!("the letter of {} to {to} expired after {last} with no report-in recorded: the sending organization contacts the member and the receiving organization and reissues it if needed", l.issued),
            Some(rules.transfer_article.clone()),
        ));
    }
    Ok(())
}

fn mobile(policy: &Policy, since: NaiveDate, on: NaiveDate, out: &mut Review) -> Result<()> {
    let rules = mobility(policy, since)?;
    let line = plus_months(since, rules.mobile_after_months);
    if on < line {
        return Ok(());
    }
    out.findings.push(Finding::new(
        "MOBILE_MEMBER",
        Severity::Info,
        format!("自 {since} 外出，{line} 起已满 {} 个月且未转移组织关系：为流动党员，党支部应与其保持经常联系", rules.mobile_after_months),
        format!("away since {since} without a transfer, {} months from {line}: a mobile member (流动党员); the branch keeps in regular contact", rules.mobile_after_months),
        Some(rules.mobile_article.clone()),
    ));
    out.next_steps.push(NextStep::new(
        "TRANSFER_OR_CONTACT",
        "外出地点固定的，转移组织关系；否则党支部保持联系，可开具流动党员活动证",
        "where the member is settled, transfer the relationship; otherwise the branch keeps in contact",
        None,
        None,
        Some(rules.mobile_article.clone()),
    ));
    Ok(())
}

fn graduate(policy: &Policy, date: NaiveDate, on: NaiveDate, out: &mut Review) -> Result<()> {
    let rules = mobility(policy, date)?;
    let line = plus_months(date, rules.graduate_keep_months);
    let last = line.pred_opt().unwrap_or(line);
    if on >= line {
        out.findings.push(Finding::new(
            "GRADUATE_RELATIONSHIP_OVERDUE",
            Severity::Violation,
            format!("{date} 毕业，组织关系在学校保留不超过 {} 个月（至 {last}），尚未转出", rules.graduate_keep_months),
            format!("graduated on {date}: the relationship may stay with the school at most {} months (through {last}) and has not been transferred", rules.graduate_keep_months),
            Some(rules.transfer_article.clone()),
        ));
    }
    out.next_steps.push(NextStep::new(
        "TRANSFER_OUT",
        format!("毕业生党员的组织关系应于 {last} 前（含）转出"),
        format!("transfer the graduate's relationship out by {last}"),
        None,
        Some(last),
        Some(rules.transfer_article.clone()),
    ));
    Ok(())
}

fn transferred_probation(
    policy: &Policy,
    record: &MemberRecord,
    transferred_in: &[NaiveDate],
    on: NaiveDate,
    out: &mut Review,
) -> Result<()> {
    if transferred_in.is_empty() || stage_on(policy, record, on)? != Stage::Probationary {
        return Ok(());
    }
    let Some(p) = probation(policy, record, on)? else {
        return Ok(());
    };
    let Some(&date) = transferred_in
        .iter()
        .rev()
        .find(|t| p.vote_date <= **t && **t < p.ends)
    else {
        return Ok(());
    };
    let rules = mobility(policy, date)?;
    let latest = plus_months(p.ends, rules.transferred_probation_postpone_months);
    let mut f = Finding::new(
        "TRANSFERRED_PROBATION",
        Severity::Info,
        format!("预备期内于 {date} 转入：预备期 {} 届满，接收党组织对其不够了解的，转正可推迟，最迟 {latest}", p.ends),
        format!("transferred in during probation on {date}: probation ends on {}; the receiving organization may postpone conversion, at the latest to {latest}", p.ends),
        Some(rules.transfer_article.clone()),
    );
    if let Ok(dev) = development_rules(policy, p.vote_date) {
        f = f.also(dev.articles.probation.clone());
    }
    out.findings.push(f);
    Ok(())
}

#[cfg(test)]
#[path = "transfer_tests.rs"]
mod tests;
