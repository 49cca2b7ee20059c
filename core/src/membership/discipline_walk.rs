//! The sanctions of a record as of a day: one pass over the events that checks their order and keeps, for each
//! 留党察看, its period and how it was closed.
//!
//! Convention for every period here: a period is kept as its first day and the first day it no longer applies
//! (`until`, exclusive). It runs `N` months from the decision day by calendar months, clamped to the month's end
//! (纪律处分条例: 1 year after a 警告 decided on 2025-03-10 → barred through 2026-03-09, free from 2026-03-10; a
//! decision on 2024-02-29 → free from 2025-02-28).
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;

use crate::membership::params::DisciplineRules;
use crate::membership::record::{MemberEvent, MemberRecord, SanctionKind};
use crate::membership::status::plus_months;
use crate::policy::in_force;
use crate::{Citation, Error, Policy, Result};

/// One 留党察看 and how it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PartyProbation {
    /// The day decided.
    pub date: NaiveDate,
    /// Years decided (1 or 2).
    pub years: u32,
    /// Whether a 1-year term was extended by a year.
    pub extended: bool,
    /// The first day after the period as decided (and extended).
    pub scheduled_end: NaiveDate,
    /// The day rights were restored, when recorded.
    pub restored: Option<NaiveDate>,
    /// The day membership ended (开除党籍 or a removal), when recorded.
    pub ended: Option<NaiveDate>,
    /// The rules in force on the day decided.
    pub rules: DisciplineRules,
}

impl PartyProbation {
    /// Whether a decision closed it (restoration, expulsion, removal).
    pub fn closed(&self) -> Option<NaiveDate> {
        match (self.restored, self.ended) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// The first day the restrictions no longer apply: the end of the period, or the day it was closed when earlier.
    pub fn until(&self) -> NaiveDate {
        self.closed()
            .map_or(self.scheduled_end, |c| c.min(self.scheduled_end))
    }

    /// Whether the restrictions apply on `on`.
    pub fn in_effect(&self, on: NaiveDate) -> bool {
        self.date <= on && on < self.until()
    }
}

/// A sanction other than 留党察看 (their effect is a bar of a fixed length).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decided {
    /// Which.
    pub kind: SanctionKind,
    /// The day decided.
    pub date: NaiveDate,
    /// The rules in force on that day.
    pub rules: DisciplineRules,
}

/// Every sanction recorded up to a day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Sanctions {
    /// 警告, 严重警告, 撤销党内职务 and 开除党籍, in order.
    pub decided: Vec<Decided>,
    /// Each 留党察看, in order.
    pub probations: Vec<PartyProbation>,
}

impl Sanctions {
    /// The 开除党籍 decisions.
    pub fn expulsions(&self) -> impl Iterator<Item = &Decided> {
        self.decided
            .iter()
            .filter(|d| d.kind == SanctionKind::Expulsion)
    }
}

fn rules_on(policy: &Policy, date: NaiveDate) -> Result<&DisciplineRules> {
    Ok(&in_force(&policy.membership.discipline, date, "membership.discipline")?.value)
}

fn invalid_years(i: usize, sanction: SanctionKind, years: Option<u32>, max: u32) -> Error {
    let given = years.map_or_else(|| "未填写".to_owned(), |y| y.to_string());
    let given_en = years.map_or_else(|| "none".to_owned(), |y| y.to_string());
    if sanction == SanctionKind::ProbationWithinParty {
        Error::input(
            "INVALID_SANCTION_YEARS",
            format!("events[{i}].years"),
            format!("留党察看的期限应为 1 至 {max} 年，记录为：{given}"),
            format!("留党察看 lasts 1 to {max} years; the record says: {given_en}"),
        )
    } else {
        Error::input(
            "INVALID_SANCTION_YEARS",
            format!("events[{i}].years"),
            "只有留党察看有期限（年）",
            "only 留党察看 (probation within the Party) has a term in years",
        )
    }
}

/// The open 留党察看 on `date`: decided on or before it and not yet closed. A decision on the end day or later
/// (the usual decision when the period expires) still concerns it.
fn open_probation(
    probations: &mut [PartyProbation],
    date: NaiveDate,
) -> Option<&mut PartyProbation> {
    probations
        .iter_mut()
        .rev()
        .find(|p| p.date <= date && p.closed().is_none())
}

/// The sanctions of `record` as of `on` (events after `on` are ignored), or the input error of the first event out
/// of order: `INVALID_SANCTION_YEARS` (`events[i].years`), `INVALID_SANCTION_EXTENSION` and
/// `NO_PROBATION_WITHIN_PARTY` (`events[i]`).
pub(crate) fn sanctions(
    policy: &Policy,
    record: &MemberRecord,
    on: NaiveDate,
) -> Result<Sanctions> {
    let mut out = Sanctions::default();
    for (i, e) in record.events.iter().enumerate() {
        if e.date() > on {
            break;
        }
        match e {
            MemberEvent::Sanction {
                date,
                sanction,
                years,
            } => record_sanction(policy, &mut out, i, *date, *sanction, *years)?,
            MemberEvent::SanctionExtended { date } => extend_probation(&mut out, i, *date)?,
            MemberEvent::RightsRestored { date } => restore_rights(&mut out, i, *date)?,
            MemberEvent::Removed { date, .. } | MemberEvent::ProbationCancelled { date } => {
                close_by_ending(&mut out.probations, *date)
            }
            _ => {}
        }
    }
    Ok(out)
}

/// A sanction decided on `date` (event `i`), under the rules in force that day: a 留党察看 opens a probation of
/// its term in years (党章 第四十条: at most two), any other sanction has no term, and an expulsion ends an
/// open 留党察看.
fn record_sanction(
    policy: &Policy,
    out: &mut Sanctions,
    i: usize,
    date: NaiveDate,
    sanction: SanctionKind,
    years: Option<u32>,
) -> Result<()> {
    let rules = rules_on(policy, date)?.clone();
    if sanction == SanctionKind::ProbationWithinParty {
        let y = years
            .filter(|y| (1..=rules.probation_max_years).contains(y))
            .ok_or_else(|| invalid_years(i, sanction, years, rules.probation_max_years))?;
        out.probations.push(PartyProbation {
            date,
            years: y,
            extended: false,
            scheduled_end: plus_months(date, y.saturating_mul(12)),
            restored: None,
            ended: None,
            rules,
        });
        return Ok(());
    }
    if years.is_some() {
        return Err(invalid_years(i, sanction, years, rules.probation_max_years));
    }
    if sanction == SanctionKind::Expulsion {
        close_by_ending(&mut out.probations, date);
    }
    out.decided.push(Decided {
        kind: sanction,
        date,
        rules,
    });
    Ok(())
}

/// The extension on `date` (event `i`) of the open 留党察看: once only, by one year, within the maximum term
/// (党章 第四十条: at most two years), else `INVALID_SANCTION_EXTENSION`.
fn extend_probation(out: &mut Sanctions, i: usize, date: NaiveDate) -> Result<()> {
    let p = open_probation(&mut out.probations, date)
        .filter(|p| !p.extended && p.years.saturating_add(1) <= p.rules.probation_max_years)
        .ok_or_else(|| {
            Error::input(
                "INVALID_SANCTION_EXTENSION",
                format!("events[{i}]"),
                format!("{date} 延长留党察看期：只有未结束的一年期留党察看可以延长一次，延长一年"),
                format!(
                    "extension on {date}: only a 1-year 留党察看 still open may be extended, once, by one year"
                ),
            )
        })?;
    p.extended = true;
    p.scheduled_end = plus_months(p.date, p.years.saturating_add(1).saturating_mul(12));
    Ok(())
}

/// Rights restored on `date` (event `i`) at the end of the open 留党察看 (党章 第四十条), else
/// `NO_PROBATION_WITHIN_PARTY`.
fn restore_rights(out: &mut Sanctions, i: usize, date: NaiveDate) -> Result<()> {
    let p = open_probation(&mut out.probations, date).ok_or_else(|| {
        Error::input(
            "NO_PROBATION_WITHIN_PARTY",
            format!("events[{i}]"),
            format!("{date} 恢复党员权利：此前没有未结束的留党察看"),
            format!("rights restored on {date}, but no 留党察看 is open"),
        )
    })?;
    p.restored = Some(date);
    Ok(())
}

fn close_by_ending(probations: &mut [PartyProbation], date: NaiveDate) {
    if let Some(p) = open_probation(probations, date) {
        p.ended = Some(date);
    }
}

/// The citation of a sanction's consequences.
pub(crate) fn citation(kind: SanctionKind, rules: &DisciplineRules) -> Citation {
    match kind {
        SanctionKind::Warning | SanctionKind::SeriousWarning => rules.warning_article.clone(),
        SanctionKind::RemovalFromPost => rules.removal_article.clone(),
        SanctionKind::ProbationWithinParty => rules.probation_article.clone(),
        SanctionKind::Expulsion => rules.expulsion_article.clone(),
    }
}
