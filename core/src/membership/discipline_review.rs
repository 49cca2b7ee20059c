//! The discipline part of a check: 留党察看 expiry and readmission within the bar after expulsion.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;

use super::walk::sanctions;
use crate::membership::context::Context;
use crate::membership::record::{MemberEvent, MemberRecord};
use crate::membership::report::{NextStep, Review};
use crate::membership::status::plus_months;
use crate::{Finding, Result, Severity};

/// Discipline findings of a check: a 留党察看 running (`PROBATION_WITHIN_PARTY_ENDING`, Info, with the next step
/// `PROBATION_WITHIN_PARTY_DECISION` due on the day the period expires — restore rights or expel), a period expired
/// with neither recorded (`PROBATION_WITHIN_PARTY_UNRESOLVED`, Warning, from the day after), and an application
/// within the readmission bar after expulsion (`READMISSION_BARRED`, Violation).
pub(crate) fn review(
    ctx: &Context,
    record: &MemberRecord,
    on: NaiveDate,
    out: &mut Review,
) -> Result<()> {
    let all = sanctions(ctx.policy, record, on)?;
    for p in all.probations.iter().filter(|p| p.closed().is_none()) {
        let due = p.scheduled_end;
        let last = due.pred_opt().unwrap_or(due);
        let cite = Some(p.rules.probation_article.clone());
        if on <= due {
            out.findings.push(Finding::new(
                "PROBATION_WITHIN_PARTY_ENDING",
                Severity::Info,
                format!("{} 起留党察看，期限至 {last}；{due} 期满，应作出恢复党员权利或开除党籍的决定", p.date),
                format!("留党察看 from {} runs through {last}; it expires on {due}, when rights are restored or the member is expelled", p.date),
                cite.clone(),
            ));
        } else {
            out.findings.push(Finding::new(
                "PROBATION_WITHIN_PARTY_UNRESOLVED",
                Severity::Warning,
                format!("留党察看已于 {due} 期满，尚无恢复党员权利或开除党籍的记录"),
                format!("留党察看 expired on {due} and neither restoration of rights nor expulsion is recorded"),
                cite.clone(),
            ));
        }
        out.next_steps.push(NextStep::new(
            "PROBATION_WITHIN_PARTY_DECISION",
            "留党察看期满：支部大会讨论，恢复党员权利或开除党籍，报上级党组织批准",
            "留党察看 expires: the branch meeting decides to restore rights or expel, for the higher committee's approval",
            None,
            Some(due),
            cite,
        ));
    }
    let applications = record
        .events
        .iter()
        .take_while(|e| e.date() <= on)
        .filter_map(|e| match e {
            MemberEvent::Application { date } => Some(*date),
            _ => None,
        });
    for date in applications {
        for d in all.expulsions().filter(|d| d.date <= date) {
            let until = plus_months(d.date, d.rules.readmission_bar_years.saturating_mul(12));
            if date < until {
                out.findings.push(Finding::new(
                    "READMISSION_BARRED",
                    Severity::Violation,
                    format!(
                        "{date} 的入党申请：{} 被开除党籍，{until} 前不得重新入党",
                        d.date
                    ),
                    format!(
                        "application on {date}: expelled on {}, not readmissible before {until}",
                        d.date
                    ),
                    Some(d.rules.expulsion_article.clone()),
                ));
            }
        }
    }
    Ok(())
}
