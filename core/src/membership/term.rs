//! Terms of office (党章 第三十条; the article is `term_article` of the organization rules in force): a 基层党委
//! serves `committee_term_years` (5), a general branch or branch committee `branch_term_years` (3), counted from
//! the election day. The term expires on the same day of the month `years` later (2023-05-10 + 3 years =
//! 2026-05-10; 2024-02-29 + 5 years = 2029-02-28, the month's end). The next election (换届) is due by that day
//! and may be advanced or postponed by at most `term_shift_max_months` (12): after the expiry a postponement needs
//! the superior's approval (`TERM_EXPIRED`); beyond the 12 months it is overdue (`TERM_OVERDUE`).
#![deny(clippy::arithmetic_side_effects)]

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::params::OrganizationRules;
use super::report::NextStep;
use crate::disclosure::OrgKind;
use crate::policy::in_force;
use crate::{Finding, Policy, Result, Severity};

/// The current term of an organization's committee (or secretary).
///
/// ```
/// let t: dangjian::membership::Term = serde_json::from_str(r#"{"elected_on":"2023-05-10","term_expires":"2026-05-10"}"#).unwrap();
/// assert!(t.elected_on < t.term_expires);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Term {
    /// The day the current committee (or secretary) was elected.
    pub elected_on: NaiveDate,
    /// The day the term expires: the election plus the term's years.
    pub term_expires: NaiveDate,
}

/// What the terms of one organization come to on a day.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct TermReview {
    pub term: Option<Term>,
    pub findings: Vec<Finding>,
    pub next_steps: Vec<NextStep>,
}

fn plus(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

fn minus(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN)
}

fn rules(policy: &Policy, on: NaiveDate) -> Result<&OrganizationRules> {
    Ok(&in_force(
        &policy.membership.organization,
        on,
        "membership.organization",
    )?
    .value)
}

/// The term's length in months for a kind of organization (a 党小组 has no elected term).
fn term_months(rules: &OrganizationRules, kind: OrgKind) -> Option<u32> {
    let years = match kind {
        OrgKind::Committee => rules.committee_term_years,
        OrgKind::GeneralBranch | OrgKind::Branch => rules.branch_term_years,
        OrgKind::Group => return None,
    };
    Some(years.saturating_mul(12))
}

/// The terms of `org` on `on`, from the days its committees were elected (`starts`, any order: the recorded
/// committee's election and the valid elections of the document).
pub(crate) fn review_terms(
    policy: &Policy,
    org: &str,
    kind: OrgKind,
    starts: &[NaiveDate],
    on: NaiveDate,
) -> Result<TermReview> {
    let mut starts = starts.to_vec();
    starts.sort_unstable();
    starts.dedup();
    let mut out = TermReview::default();
    election_shifts(policy, org, kind, &starts, &mut out.findings)?;
    let Some(&elected_on) = starts.iter().rev().find(|d| **d <= on) else {
        return Ok(out);
    };
    let Some(months) = term_months(rules(policy, elected_on)?, kind) else {
        return Ok(out);
    };
    let now = rules(policy, on)?;
    let (shift, cite) = (now.term_shift_max_months, Some(now.term_article.clone()));
    let expires = plus(elected_on, months);
    out.term = Some(Term {
        elected_on,
        term_expires: expires,
    });
    out.next_steps.push(NextStep::new(
        "ELECTION",
        format!(
            "{org} 届期至 {expires}，应按期换届（最早可提前至 {}）",
            minus(expires, shift)
        ),
        format!(
            "{org}'s term expires on {expires}: hold the election by then (at the earliest {})",
            minus(expires, shift)
        ),
        Some(minus(expires, shift)),
        Some(expires),
        cite.clone(),
    ));
    let last = plus(expires, shift);
    if on > last {
        out.findings.push(Finding::new(
            "TERM_OVERDUE",
            Severity::Violation,
            format!("{org} 届期已于 {expires} 届满，延期换届超过 {shift} 个月（至 {last}）仍未换届"),
            format!("{org}'s term expired on {expires}; the election is overdue beyond the {shift} months allowed (until {last})"),
            cite,
        ));
    } else if on > expires {
        out.findings.push(Finding::new(
            "TERM_EXPIRED",
            Severity::Warning,
            format!("{org} 届期已于 {expires} 届满，延期换届须经上级党组织批准，最迟不超过 {last}"),
            format!("{org}'s term expired on {expires}; postponing the election needs the superior's approval and may last until {last}"),
            cite,
        ));
    }
    Ok(out)
}

/// Each election (`starts`, sorted) against the expiry of the term before it: advanced or postponed by more
/// than the months the rules allow.
fn election_shifts(
    policy: &Policy,
    org: &str,
    kind: OrgKind,
    starts: &[NaiveDate],
    findings: &mut Vec<Finding>,
) -> Result<()> {
    // Each election against the expiry of the term before it.
    for pair in starts.windows(2) {
        let (Some(&previous), Some(&next)) = (pair.first(), pair.get(1)) else {
            continue;
        };
        let Some(months) = term_months(rules(policy, previous)?, kind) else {
            continue;
        };
        let now = rules(policy, next)?;
        let expires = plus(previous, months);
        let shift = now.term_shift_max_months;
        let cite = Some(now.term_article.clone());
        if next < minus(expires, shift) {
            findings.push(Finding::new(
                "ELECTION_ADVANCED_TOO_FAR",
                Severity::Violation,
                format!("{org} 于 {next} 换届，届期 {expires} 届满，提前超过 {shift} 个月"),
                format!("{org} held its election on {next}, more than {shift} months before the term expiring {expires}"),
                cite,
            ));
        } else if next > plus(expires, shift) {
            findings.push(Finding::new(
                "ELECTION_POSTPONED_TOO_FAR",
                Severity::Violation,
                format!("{org} 于 {next} 换届，届期 {expires} 届满，延期超过 {shift} 个月"),
                format!("{org} held its election on {next}, more than {shift} months after the term expiring {expires}"),
                cite,
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "term_tests.rs"]
mod tests;
