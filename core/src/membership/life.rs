//! Organizational life (支部工作条例 2018 第十八条–第二十条; each obligation cites the `citation` of its
//! [`super::MeetingRule`] in force): 三会一课 — the 支部党员大会 (quarterly), the 支委会 (monthly, branches with a
//! committee), the 党小组会 (monthly, each group), the 党课 (quarterly) — and the 主题党日 (monthly), the
//! 组织生活会 and the 民主评议党员 (once a year).
//!
//! Periods are calendar months (`2026-03`), quarters (`2026-Q1`) and years (`2025`). A period is assessed when it
//! lies wholly inside the range checked and has ended by its last day: a monthly 支委会 held 2026-03-31 counts for
//! March, one held 2026-04-01 for April; a quarterly meeting on 2026-03-31 counts for Q1.
#![deny(clippy::arithmetic_side_effects)]

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::attendance::{attendance, Attendance};
pub use super::meeting::Meeting;
use super::org_document::{DateRange, OrgDocument};
use super::org_index::DocIndex;
use super::params::{LifeRules, MeetingKind, MeetingRule};
use crate::disclosure::{Frequency, OrgKind};
use crate::policy::in_force;
use crate::{Citation, Dated, Error, Finding, Policy, Result, Severity};

/// One obligation over the range checked: the periods in which the meeting was held and those in which it was not.
///
/// ```
/// let r: dangjian::membership::RuleCompliance = serde_json::from_str(r#"{"meeting":"general_meeting",
///   "frequency":"quarterly","citation":{"regulation":"r","article":"a"},"held":["2026-Q1"],"missing":[]}"#).unwrap();
/// assert_eq!(r.held, ["2026-Q1"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct RuleCompliance {
    /// Which meeting.
    pub meeting: MeetingKind,
    /// How often.
    pub frequency: Frequency,
    /// The rule's article.
    pub citation: Citation,
    /// Labels of the periods with at least one such meeting (`2026-03`, `2026-Q1`, `2025`).
    pub held: Vec<String>,
    /// Labels of the periods without one.
    pub missing: Vec<String>,
}

/// 三会一课 compliance of one organization over a period, and its members' attendance.
///
/// ```
/// let r = dangjian::membership::LifeReport::default();
/// assert!(r.findings.is_empty() && r.rules.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct LifeReport {
    /// The organization.
    pub org: String,
    /// The range checked.
    pub period: DateRange,
    /// Per obligation that applies to this organization: the periods held and missing.
    pub rules: Vec<RuleCompliance>,
    /// Per member of a branch (with its groups' members) or of a group, attendance at the meetings they were
    /// expected at; empty for a general branch or committee.
    pub attendance: Vec<Attendance>,
    /// `MEETING_MISSING` (one per obligation and period), `LECTURER_MISSING`.
    pub findings: Vec<Finding>,
}

/// 三会一课 compliance of `org` from `from` to `to` (both included), over the meetings of the document (a review
/// round of the organization counts as its 民主评议). Which obligations apply: the 支委会 to a branch with a
/// committee (`details[].committee`); the 党小组会 to each group; the others to branches; none to a general
/// branch or committee. Errors: `UNKNOWN_ORG` (`org`), `INVALID_PERIOD` (`to` before `from`), and
/// `NO_POLICY_IN_FORCE` when no life rules are in force on `to`.
///
/// ```
/// use dangjian::membership::{compliance, OrgDocument};
/// let doc: OrgDocument = serde_json::from_str(r#"{"orgs":[{"id":"B1","kind":"branch"}],"meetings":[
///   {"id":"MT1","kind":"general_meeting","date":"2026-03-31","org":"B1"}]}"#).unwrap();
/// let r = compliance(&dangjian::Policy::bundled(), &doc, "B1", "2026-01-01".parse().unwrap(), "2026-04-30".parse().unwrap()).unwrap();
/// let general = r.rules.iter().find(|x| x.meeting == dangjian::membership::MeetingKind::GeneralMeeting).unwrap();
/// assert_eq!(general.held, ["2026-Q1"]); // Q2 has not ended by 2026-04-30
/// assert!(r.findings.iter().any(|f| f.code == "MEETING_MISSING" && f.message_en.contains("2026-04")));
/// ```
pub fn compliance(
    policy: &Policy,
    doc: &OrgDocument,
    org: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<LifeReport> {
    doc.orgs.require(org, "org")?;
    let ix = DocIndex::new(doc);
    let at = doc.orgs.index_of(org).unwrap_or(usize::MAX);
    compliance_in(policy, &ix, at, from, to)
}

/// [`compliance`] of the organization at index `at` over an indexed document: the organization's own meetings
/// and rounds only.
pub(crate) fn compliance_in(
    policy: &Policy,
    ix: &DocIndex<'_>,
    at: usize,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<LifeReport> {
    let o = ix
        .tree()
        .at(at)
        .ok_or_else(|| Error::input("UNKNOWN_ORG", "org", "未知的组织", "unknown organization"))?;
    let (org, kind) = (o.id.as_str(), o.kind);
    check_period(from, to)?;
    let timeline = &policy.membership.life;
    in_force(timeline, to, "membership.life")?;
    let has_committee = ix.details(at).is_some_and(|d| d.committee.is_some());
    let doc = ix.doc;
    let meetings: Vec<&Meeting> = ix
        .meetings
        .of(at)
        .filter_map(|i| doc.meetings.get(i))
        .collect();
    let reviews: Vec<NaiveDate> = ix
        .reviews
        .of(at)
        .filter_map(|i| doc.reviews.get(i).map(|r| r.date))
        .collect();
    let mut report = LifeReport {
        org: org.to_owned(),
        period: DateRange { from, to },
        ..LifeReport::default()
    };
    for (meeting, frequency) in obligations(timeline, from, to) {
        if !applies(meeting, kind, has_committee) {
            continue;
        }
        // Listed when the rule is in force on the last day, even before any of its periods has ended.
        let mut rc = rule_on(timeline, to, meeting, frequency).map(|rule| RuleCompliance {
            meeting,
            frequency,
            citation: rule.citation.clone(),
            held: Vec::new(),
            missing: Vec::new(),
        });
        for (label, start, end) in periods(frequency, from, to) {
            // The rule in force on the period's last day decides whether the period owes the meeting.
            let Some(rule) = rule_on(timeline, end, meeting, frequency) else {
                continue;
            };
            let entry = rc.get_or_insert_with(|| RuleCompliance {
                meeting,
                frequency,
                citation: rule.citation.clone(),
                held: Vec::new(),
                missing: Vec::new(),
            });
            entry.citation = rule.citation.clone();
            if held(&meetings, &reviews, meeting, start, end) {
                entry.held.push(label);
            } else {
                report.findings.push(missing(org, meeting, &label, rule));
                entry.missing.push(label);
            }
        }
        report.rules.extend(rc);
    }
    let lectures = meetings
        .iter()
        .filter(|m| m.kind == MeetingKind::PartyLecture && from <= m.date && m.date <= to);
    for m in lectures.filter(|m| m.lecturer.as_deref().is_none_or(|l| l.trim().is_empty())) {
        report.findings.push(no_lecturer(timeline, org, m));
    }
    // Attendance is a branch's (and a group's) record; a general branch or committee would only repeat it.
    if matches!(kind, OrgKind::Branch | OrgKind::Group) {
        report.attendance = attendance(policy, ix, at, from, to)?;
    }
    Ok(report)
}

/// `INVALID_PERIOD`: the range checked ends before it starts.
fn check_period(from: NaiveDate, to: NaiveDate) -> Result<()> {
    if to < from {
        return Err(Error::input(
            "INVALID_PERIOD",
            "to",
            format!("结束日 {to} 早于开始日 {from}"),
            format!("the end {to} is before the start {from}"),
        ));
    }
    Ok(())
}

/// `LECTURER_MISSING` for a 党课 without a lecturer.
fn no_lecturer(timeline: &[Dated<LifeRules>], org: &str, m: &Meeting) -> Finding {
    let cite = in_force(timeline, m.date, "membership.life").ok().map(|e| {
        e.value
            .meetings
            .iter()
            .find(|r| r.meeting == MeetingKind::PartyLecture)
            .map_or_else(|| e.citation.clone(), |r| r.citation.clone())
    });
    Finding::new(
        "LECTURER_MISSING",
        Severity::Warning,
        format!("{org} 于 {} 的党课（{}）未记载讲课人", m.date, m.id),
        format!(
            "the party lecture {} of {org} on {} records no lecturer",
            m.id, m.date
        ),
        cite,
    )
}

/// Every (meeting, frequency) of the life rules in force at some time in the range, in the order first listed.
fn obligations(
    timeline: &[Dated<LifeRules>],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<(MeetingKind, Frequency)> {
    let mut out: Vec<(MeetingKind, Frequency)> = Vec::new();
    for entry in timeline
        .iter()
        .filter(|e| e.effective_from <= to && e.effective_to.is_none_or(|t| t >= from))
    {
        for r in &entry.value.meetings {
            if !out.contains(&(r.meeting, r.frequency)) {
                out.push((r.meeting, r.frequency));
            }
        }
    }
    out
}

fn rule_on(
    timeline: &[Dated<LifeRules>],
    on: NaiveDate,
    meeting: MeetingKind,
    frequency: Frequency,
) -> Option<&MeetingRule> {
    in_force(timeline, on, "membership.life")
        .ok()?
        .value
        .meetings
        .iter()
        .find(|r| r.meeting == meeting && r.frequency == frequency)
}

/// Which obligations fall on which kind of organization.
fn applies(meeting: MeetingKind, kind: OrgKind, has_committee: bool) -> bool {
    match (meeting, kind) {
        (MeetingKind::GroupMeeting, k) => k == OrgKind::Group,
        (MeetingKind::BranchCommittee, OrgKind::Branch) => has_committee,
        (_, k) => k == OrgKind::Branch,
    }
}

/// Whether the organization held `meeting` between `start` and `end` (its review rounds count as 民主评议).
fn held(
    meetings: &[&Meeting],
    reviews: &[NaiveDate],
    meeting: MeetingKind,
    start: NaiveDate,
    end: NaiveDate,
) -> bool {
    let inside = |d: NaiveDate| start <= d && d <= end;
    meetings.iter().any(|m| m.kind == meeting && inside(m.date))
        || (meeting == MeetingKind::DemocraticReview && reviews.iter().any(|d| inside(*d)))
}

fn missing(org: &str, meeting: MeetingKind, label: &str, rule: &MeetingRule) -> Finding {
    let (zh, en) = meeting_names(meeting);
    Finding::new(
        "MEETING_MISSING",
        Severity::Violation,
        format!("{org} 在 {label} 未召开{zh}"),
        format!("{org} held no {en} in {label}"),
        Some(rule.citation.clone()),
    )
}

/// The names of a kind of meeting, in Chinese and English.
pub(crate) fn meeting_names(meeting: MeetingKind) -> (&'static str, &'static str) {
    match meeting {
        MeetingKind::GeneralMeeting => ("支部党员大会", "branch general meeting"),
        MeetingKind::BranchCommittee => ("支部委员会会议", "branch committee meeting"),
        MeetingKind::GroupMeeting => ("党小组会", "party group meeting"),
        MeetingKind::PartyLecture => ("党课", "party lecture"),
        MeetingKind::ThemeDay => ("主题党日", "theme party day"),
        MeetingKind::LifeMeeting => ("组织生活会", "organizational life meeting"),
        MeetingKind::DemocraticReview => ("民主评议党员", "democratic review of members"),
    }
}

/// The whole periods of `frequency` inside `[from, to]`: label, first day, last day.
fn periods(
    frequency: Frequency,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<(String, NaiveDate, NaiveDate)> {
    let mut out = Vec::new();
    for year in from.year()..=to.year() {
        let spans: Vec<(String, u32, u32)> = match frequency {
            Frequency::Annual => vec![(year.to_string(), 1, 12)],
            Frequency::Quarterly => [(1, 3), (4, 6), (7, 9), (10, 12)]
                .into_iter()
                .zip(1..)
                .map(|((first, last), q)| (format!("{year}-Q{q}"), first, last))
                .collect(),
            Frequency::Monthly => (1..=12u32)
                .map(|m| (format!("{year}-{m:02}"), m, m))
                .collect(),
        };
        for (label, first, last) in spans {
            let (Ok(a), Ok(b)) = (
                crate::YearMonth::new(year, first),
                crate::YearMonth::new(year, last),
            ) else {
                continue;
            };
            let (start, end) = (a.first_day(), b.last_day());
            if from <= start && end <= to {
                out.push((label, start, end));
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "life_tests.rs"]
mod tests;
