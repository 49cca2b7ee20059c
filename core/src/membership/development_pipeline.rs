//! What every review of the development pipeline shares: the [`Pipeline`] (the events the rules look at), the
//! findings' constructors and the age arithmetic. A leaf of the development modules: they all read it, it reads
//! none of them (the top, [`super::development`], runs the reviews in the 细则's order).
#![deny(clippy::arithmetic_side_effects)]

use chrono::{Datelike, NaiveDate};

use super::context::Context;
use super::params::DevelopmentRules;
use super::record::{MemberEvent, MemberRecord};
use super::stage::Stage;
use super::status::development_rules;
use crate::{Citation, Finding, Result, Severity};

/// The events the pipeline rules look at: after the last import, dated on or before `on`.
pub(crate) struct Pipeline<'a> {
    pub ctx: &'a Context<'a>,
    pub record: &'a MemberRecord,
    pub on: NaiveDate,
    /// `(index in record.events, event)`, oldest first.
    pub events: Vec<(usize, &'a MemberEvent)>,
    /// The stage the record was imported in, if it was.
    pub imported: Option<Stage>,
}

impl<'a> Pipeline<'a> {
    pub fn new(ctx: &'a Context<'a>, record: &'a MemberRecord, on: NaiveDate) -> Self {
        let dated: Vec<(usize, &MemberEvent)> = record
            .events
            .iter()
            .enumerate()
            .take_while(|(_, e)| e.date() <= on)
            .collect();
        let last_import = dated
            .iter()
            .rposition(|(_, e)| matches!(e, MemberEvent::Imported { .. }));
        let imported = last_import
            .and_then(|i| dated.get(i))
            .and_then(|(_, e)| match e {
                MemberEvent::Imported { stage, .. } => Some(*stage),
                _ => None,
            });
        let events = dated
            .into_iter()
            .skip(last_import.map_or(0, |i| i.saturating_add(1)))
            .collect();
        Self {
            ctx,
            record,
            on,
            events,
            imported,
        }
    }

    /// The development rules in force on `date`.
    pub fn rules(&self, date: NaiveDate) -> Result<&'a DevelopmentRules> {
        development_rules(self.ctx.policy, date)
    }

    /// The pipeline events before position `pos` (of [`Self::events`]), newest first.
    pub fn before(&self, pos: usize) -> impl Iterator<Item = &(usize, &'a MemberEvent)> + '_ {
        self.events.iter().take(pos).rev()
    }

    /// The pipeline events after position `pos`, oldest first.
    pub fn after(&self, pos: usize) -> impl Iterator<Item = &(usize, &'a MemberEvent)> + '_ {
        self.events.iter().skip(pos.saturating_add(1))
    }
}

/// The day a person born on `birth` reaches `years` years of age: the anniversary of the birth; someone born on
/// 29 February reaches it on 1 March of a common year (the day after 28 February, when a full year has not yet
/// passed): born 2008-02-29 → 18 on 2026-03-01. `None` past the calendar's end.
pub(crate) fn reaches_age(birth: NaiveDate, years: u32) -> Option<NaiveDate> {
    let year = birth.year().checked_add(i32::try_from(years).ok()?)?;
    NaiveDate::from_ymd_opt(year, birth.month(), birth.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
}

/// Whole years from `since` to `on` with the convention of [`reaches_age`] (0 before the first anniversary).
pub(crate) fn whole_years(since: NaiveDate, on: NaiveDate) -> u32 {
    let mut years = u32::try_from(on.year().saturating_sub(since.year())).unwrap_or(0);
    while years > 0 && reaches_age(since, years).is_none_or(|d| d > on) {
        years = years.saturating_sub(1);
    }
    years
}

/// A violation of the rules.
pub(crate) fn violation(
    code: &str,
    zh: impl Into<String>,
    en: impl Into<String>,
    citation: &Citation,
) -> Finding {
    Finding::new(code, Severity::Violation, zh, en, Some(citation.clone()))
}

/// A warning.
pub(crate) fn warning(
    code: &str,
    zh: impl Into<String>,
    en: impl Into<String>,
    citation: &Citation,
) -> Finding {
    Finding::new(code, Severity::Warning, zh, en, Some(citation.clone()))
}
