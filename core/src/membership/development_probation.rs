//! From the passed vote to full membership: the interview (细则 第二十三条), approval within 3, at most 6 months
//! (第二十四条), the oath (党章 第六条; within a month of approval from the 2026 revision), the extension of
//! probation once only by 6 to 12 months and conversion at its end (党章 第七条).
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;

use super::development_pipeline::{violation, warning, Pipeline};
use super::record::MemberEvent;
use super::report::{NextStep, Review};
use super::stage::Stage;
use super::status::{plus_months, probation, stage_on, vote_passes};
use crate::Result;

pub(crate) fn review(p: &Pipeline, out: &mut Review) -> Result<()> {
    approval(p, out)?;
    oath(p, out)?;
    extensions(p, out)?;
    conversion(p, out)
}

/// `INTERVIEW_MISSING`, `APPROVAL_LATE_NO_REASON`, `APPROVAL_TOO_LATE`, and for a passed vote not yet approved the
/// next step `APPROVAL` (`APPROVAL_OVERDUE` once past due: a warning while a recorded reason may still justify it,
/// a violation past the maximum).
fn approval(p: &Pipeline, out: &mut Review) -> Result<()> {
    let mut vote: Option<(usize, NaiveDate)> = None;
    for (pos, (_, e)) in p.events.iter().enumerate() {
        match e {
            MemberEvent::BranchVote { date, vote: v } if vote_passes(v) => {
                vote = Some((pos, *date))
            }
            MemberEvent::Approval { date, reason } => {
                let Some((at, voted)) = vote.take() else {
                    continue;
                };
                check_interview(p, at, pos, *date, out)?;
                check_approval_delay(p, voted, *date, reason.as_deref(), out)?;
            }
            _ => {}
        }
    }
    let Some((_, voted)) = vote else {
        return Ok(());
    };
    if stage_on(p.ctx.policy, p.record, p.on)? != Stage::DevelopmentTarget {
        return Ok(());
    }
    pending_approval(p, voted, out)
}

/// 细则 第二十三条: `INTERVIEW_MISSING` when no interview lies between the vote (position `at`) and the approval
/// (position `pos`), judged by the rules in force on the approval day.
fn check_interview(
    p: &Pipeline,
    at: usize,
    pos: usize,
    date: NaiveDate,
    out: &mut Review,
) -> Result<()> {
    let interviewed = p
        .events
        .iter()
        .take(pos)
        .skip(at)
        .any(|(_, e)| matches!(e, MemberEvent::Interview { .. }));
    let approved_on = p.rules(date)?;
    if !interviewed {
        out.findings.push(violation(
            "INTERVIEW_MISSING",
            format!("{date} 审批前未由党委委员或组织员同发展对象谈话"),
            format!("approved on {date} without the interview before it"),
            &approved_on.articles.interview,
        ));
    }
    Ok(())
}

/// 细则 第二十四条: approval within the months after the vote, later only with a recorded reason
/// (`APPROVAL_LATE_NO_REASON`) and never past the maximum (`APPROVAL_TOO_LATE`), by the rules of the vote's day.
fn check_approval_delay(
    p: &Pipeline,
    voted: NaiveDate,
    date: NaiveDate,
    reason: Option<&str>,
    out: &mut Review,
) -> Result<()> {
    let rules = p.rules(voted)?;
    let cite = &rules.articles.approval;
    let (within, max) = (rules.approval_within_months, rules.approval_max_months);
    let (due, latest) = (plus_months(voted, within), plus_months(voted, max));
    let has_reason = reason.is_some_and(|r| !r.trim().is_empty());
    if date > latest {
        out.findings.push(violation(
            "APPROVAL_TOO_LATE",
            format!("{voted} 支部大会通过，{date} 才审批，超过 {max} 个月（最迟 {latest}）"),
            format!(
                "voted {voted}, approved {date}: later than {max} months (at the latest {latest})"
            ),
            cite,
        ));
    } else if date > due && !has_reason {
        out.findings.push(violation(
            "APPROVAL_LATE_NO_REASON",
            format!("{voted} 支部大会通过，{date} 审批，超过 {within} 个月（{due}）且未记录特殊情况"),
            format!(
                "voted {voted}, approved {date}: later than {within} months ({due}) without a recorded reason"
            ),
            cite,
        ));
    }
    Ok(())
}

/// 细则 第二十四条 for a passed vote not yet approved: `APPROVAL_OVERDUE` once past due (a warning while a
/// recorded reason may still justify it, a violation past the maximum), and the next step `APPROVAL`.
fn pending_approval(p: &Pipeline, voted: NaiveDate, out: &mut Review) -> Result<()> {
    let rules = p.rules(voted)?;
    let cite = &rules.articles.approval;
    let (within, max) = (rules.approval_within_months, rules.approval_max_months);
    let (due, latest) = (plus_months(voted, within), plus_months(voted, max));
    if p.on > latest {
        out.findings.push(violation(
            "APPROVAL_OVERDUE",
            format!(
                "{voted} 支部大会通过，至 {} 仍未审批，已超过 {max} 个月（最迟 {latest}）",
                p.on
            ),
            format!(
                "voted {voted}, not approved by {}: past {max} months (at the latest {latest})",
                p.on
            ),
            cite,
        ));
    } else if p.on > due {
        out.findings.push(warning(
            "APPROVAL_OVERDUE",
            format!("{voted} 支部大会通过，至 {} 仍未审批，超过 {within} 个月须记录特殊情况（最迟 {latest}）", p.on),
            format!(
                "voted {voted}, not approved by {}: past {within} months a reason must be recorded (at the latest {latest})",
                p.on
            ),
            cite,
        ));
    }
    out.next_steps.push(NextStep::new(
        "APPROVAL",
        format!("上级党委审批，不晚于 {due}（特殊情况不晚于 {latest}）"),
        format!("approval by the higher committee by {due} ({latest} with a recorded reason)"),
        None,
        Some(due),
        Some(cite.clone()),
    ));
    Ok(())
}

/// `OATH_LATE` (when the rules in force on the approval day set a limit) and the next step `OATH`
/// (`OATH_OVERDUE`, a warning, past its due day).
fn oath(p: &Pipeline, out: &mut Review) -> Result<()> {
    let Some(pos) = p
        .events
        .iter()
        .position(|(_, e)| matches!(e, MemberEvent::Approval { .. }))
    else {
        return Ok(());
    };
    let Some(approved) = p.events.get(pos).map(|(_, e)| e.date()) else {
        return Ok(());
    };
    let rules = p.rules(approved)?;
    let cite = &rules.articles.oath;
    let due = rules
        .oath_within_months
        .map(|n| (n, plus_months(approved, n)));
    let sworn = p
        .after(pos)
        .find(|(_, e)| matches!(e, MemberEvent::Oath { .. }))
        .map(|(_, e)| e.date());
    match (sworn, due) {
        (Some(s), Some((n, due))) if s > due => out.findings.push(violation(
            "OATH_LATE",
            format!("{approved} 批准，{s} 才入党宣誓，超过 {n} 个月（应不晚于 {due}）"),
            format!("approved {approved}, oath on {s}: later than {n} month(s) (due by {due})"),
            cite,
        )),
        (Some(_), _) => {}
        (None, due) => {
            if stage_on(p.ctx.policy, p.record, p.on)? != Stage::Probationary {
                return Ok(());
            }
            if let Some((n, due)) = due.filter(|(_, due)| p.on > *due) {
                out.findings.push(warning(
                    "OATH_OVERDUE",
                    format!(
                        "{approved} 批准，至 {} 仍未入党宣誓（{n} 个月内，应不晚于 {due}）",
                        p.on
                    ),
                    format!(
                        "approved {approved}, no oath by {} (within {n} month(s), due by {due})",
                        p.on
                    ),
                    cite,
                ));
            }
            out.next_steps.push(NextStep::new(
                "OATH",
                "组织入党宣誓",
                "take the oath",
                None,
                due.map(|(_, d)| d),
                Some(cite.clone()),
            ));
        }
    }
    Ok(())
}

/// `EXTENSION_REPEATED`, `EXTENSION_OUT_OF_RANGE`, `EXTENSION_AFTER_PROBATION`.
fn extensions(p: &Pipeline, out: &mut Review) -> Result<()> {
    let Some(probation) = probation(p.ctx.policy, p.record, p.on)? else {
        return Ok(());
    };
    let voted = probation.vote_date;
    let mut ends = plus_months(voted, p.rules(voted)?.probation_months);
    let mut count = 0u32;
    let mut extended = 0u32;
    for (_, e) in &p.events {
        let MemberEvent::ProbationExtended { date, months } = e else {
            continue;
        };
        let rules = p.rules(*date)?;
        let cite = &rules.articles.probation;
        count = count.saturating_add(1);
        if count > 1 {
            out.findings.push(violation(
                "EXTENSION_REPEATED",
                format!("{date} 再次延长预备期；预备期只能延长一次"),
                format!("probation extended again on {date}: it may be extended once only"),
                cite,
            ));
        }
        let (min, max) = (rules.extension_min_months, rules.extension_max_months);
        if !(min..=max).contains(months) {
            out.findings.push(violation(
                "EXTENSION_OUT_OF_RANGE",
                format!("{date} 延长预备期 {months} 个月，应在 {min} 至 {max} 个月之间"),
                format!("probation extended on {date} by {months} months: must be {min} to {max}"),
                cite,
            ));
        }
        if *date > ends {
            out.findings.push(violation(
                "EXTENSION_AFTER_PROBATION",
                format!("预备期于 {ends} 届满，{date} 才决定延长"),
                format!("probation ended on {ends}; the extension was decided on {date}"),
                cite,
            ));
        }
        extended = extended.saturating_add(*months);
        ends = plus_months(
            voted,
            p.rules(voted)?.probation_months.saturating_add(extended),
        );
    }
    Ok(())
}

/// `CONVERSION_EARLY`, and for a probationary member the next step `CONVERSION` on the day probation ends
/// (`CONVERSION_OVERDUE`, a warning, after it).
fn conversion(p: &Pipeline, out: &mut Review) -> Result<()> {
    let converted = p
        .events
        .iter()
        .find(|(_, e)| matches!(e, MemberEvent::Conversion { .. }));
    if let Some((_, e)) = converted {
        let date = e.date();
        if let Some(pr) = probation(p.ctx.policy, p.record, date)? {
            if date < pr.ends {
                out.findings.push(violation(
                    "CONVERSION_EARLY",
                    format!("预备期至 {} 届满，{date} 即讨论转正", pr.ends),
                    format!(
                        "converted at a meeting on {date}, before probation ended on {}",
                        pr.ends
                    ),
                    &p.rules(date)?.articles.conversion,
                ));
            }
        }
        return Ok(());
    }
    let Some(pr) = probation(p.ctx.policy, p.record, p.on)? else {
        return Ok(());
    };
    if stage_on(p.ctx.policy, p.record, p.on)? != Stage::Probationary {
        return Ok(());
    }
    let cite = &p.rules(pr.ends.min(p.on))?.articles.conversion;
    if p.on > pr.ends {
        out.findings.push(warning(
            "CONVERSION_OVERDUE",
            format!("预备期已于 {} 届满，至 {} 仍未讨论转正", pr.ends, p.on),
            format!(
                "probation ended on {}; no conversion meeting by {}",
                pr.ends, p.on
            ),
            cite,
        ));
    }
    out.next_steps.push(NextStep::new(
        "CONVERSION",
        format!("预备期于 {} 届满，支部大会讨论转正", pr.ends),
        format!(
            "probation ends on {}: the branch meeting decides on conversion",
            pr.ends
        ),
        Some(pr.ends),
        Some(pr.ends),
        Some(cite.clone()),
    ));
    Ok(())
}
