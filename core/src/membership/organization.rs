//! Organizations: structure, terms, elections, organizational life and 民主评议 in one document checked on a day
//! (`dangjian org check FILE.json --on DATE`). The rules are in [`super::structure`] (支部工作条例 2018 第五条、
//! 第八条), [`super::term`] (党章 第三十条), [`super::election`] (基层组织选举工作条例 2020), [`super::life`]
//! (支部工作条例 第十八条–第二十条) and [`super::rating`] (党员教育管理工作条例 2019); each finding cites the
//! article of the policy entry in force on the day of its step.
#![deny(clippy::arithmetic_side_effects)]

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::discipline::rights_on;
use super::election::{evaluate, ElectionReport};
use super::life::{compliance_in, LifeReport};
pub use super::org_document::{CommitteeInfo, DateRange, OrgDetails, OrgDocument};
use super::org_index::{DocIndex, Groups};
use super::rating::{rate, RatingReport};
use super::report::NextStep;
use super::standing::{standings, Counts, Standing};
use super::structure::structure_findings;
use super::term::{review_terms, Term};
use crate::disclosure::{OrgKind, OrgTree};
use crate::policy::in_force;
use crate::{Error, Finding, Policy, Result};

/// One organization on the day checked.
///
/// ```
/// let s: dangjian::membership::OrgSection = serde_json::from_str(r#"{"org":"B1","kind":"branch",
///   "full_members":5,"probationary_members":1,"members":6,"findings":[],"next_steps":[],
///   "life":{"org":"B1","period":{"from":"2026-01-01","to":"2026-03-31"},"rules":[],"attendance":[],"findings":[]},
///   "elections":[],"reviews":[]}"#).unwrap();
/// assert_eq!(s.members, 6);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct OrgSection {
    /// The organization's id.
    pub org: String,
    /// Its name, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its kind.
    pub kind: OrgKind,
    /// Full members of its subtree on the day (a group's members count toward its branch).
    pub full_members: u32,
    /// Probationary members of its subtree on the day.
    pub probationary_members: u32,
    /// Both.
    pub members: u32,
    /// The current term, when an election day is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<Term>,
    /// Structure and term findings.
    pub findings: Vec<Finding>,
    /// `ELECTION`: the next election's window.
    pub next_steps: Vec<NextStep>,
    /// 三会一课 compliance over the period.
    pub life: LifeReport,
    /// Its elections in the document.
    pub elections: Vec<ElectionReport>,
    /// Its 民主评议 rounds in the document.
    pub reviews: Vec<RatingReport>,
}

/// The check of a whole document on a day.
///
/// ```
/// assert!(dangjian::membership::OrgReport::default().findings.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct OrgReport {
    /// The day checked.
    pub on: NaiveDate,
    /// The range of 三会一课 compliance.
    pub period: DateRange,
    /// One section per organization, by id.
    pub orgs: Vec<OrgSection>,
    /// Every finding of every section (structure, terms, life, elections, reviews), in section order.
    pub findings: Vec<Finding>,
}

/// Checks the organizations of `doc` on `on`: member counts, structure, terms, elections, 三会一课 compliance over
/// the document's period and the review rounds. Errors: those of [`OrgDocument::validate`]; an election's or a
/// round's input error under `elections[i]` / `reviews[i]`; `NO_POLICY_IN_FORCE` for a day without rules.
///
/// ```
/// use dangjian::membership::{check_orgs, OrgDocument};
/// let doc = OrgDocument::from_json(r#"{"orgs":[{"id":"B1","kind":"branch"}],"members":[
///   {"id":"M1","name":"甲","birth_date":"1980-01-01","org":"B1","events":[{"kind":"imported","date":"2010-07-01","stage":"full"}]},
///   {"id":"M2","name":"乙","birth_date":"1981-01-01","org":"B1","events":[{"kind":"imported","date":"2010-07-01","stage":"full"}]}]}"#).unwrap();
/// let r = check_orgs(&dangjian::Policy::bundled(), &doc, "2026-01-15".parse().unwrap()).unwrap();
/// assert_eq!(r.orgs[0].full_members, 2);
/// assert!(r.findings.iter().any(|f| f.code == "BRANCH_TOO_FEW_FULL_MEMBERS"));
/// ```
pub fn check_orgs(policy: &Policy, doc: &OrgDocument, on: NaiveDate) -> Result<OrgReport> {
    doc.validate()?;
    let rules = &in_force(
        &policy.membership.organization,
        on,
        "membership.organization",
    )?
    .value;
    let period = match doc.period {
        Some(p) => p,
        None => DateRange {
            from: NaiveDate::from_ymd_opt(on.year(), 1, 1).unwrap_or(on),
            to: on,
        },
    };
    let ix = DocIndex::new(doc);
    let (elections, reviews) = elections_and_reviews(policy, &ix, on)?;
    let today = standings(policy, &doc.members, on)?;
    let counts = subtree_counts(&doc.orgs, &today);
    let tree = &doc.orgs;
    let by_org = |org: &str| tree.index_of(org);
    let elections_of = Groups::new(tree.len(), elections.iter().map(|e| by_org(&e.org)));
    let reviews_of = Groups::new(tree.len(), reviews.iter().map(|r| by_org(&r.org)));
    let mut report = OrgReport {
        on,
        period,
        ..OrgReport::default()
    };
    for (i, o) in tree.orgs().iter().enumerate() {
        let (id, kind) = (o.id.as_str(), o.kind);
        let details = ix.details(i);
        let c = counts.get(i).copied().unwrap_or_default();
        let mut findings = structure_findings(rules, id, kind, details, c);
        let own_elections: Vec<&ElectionReport> = elections_of
            .of(i)
            .filter_map(|k| elections.get(k))
            .collect();
        // A term starts at the recorded committee's election and at every valid election of the document.
        let starts: Vec<NaiveDate> = details
            .and_then(|d| d.committee.map(|c| c.elected_on))
            .into_iter()
            .chain(own_elections.iter().filter(|e| e.valid).map(|e| e.date))
            .collect();
        let terms = review_terms(policy, id, kind, &starts, on)?;
        findings.extend(terms.findings);
        let section = OrgSection {
            org: id.to_owned(),
            name: details.and_then(|d| d.name.clone()),
            kind,
            full_members: c.full,
            probationary_members: c.probationary,
            members: c.total(),
            term: terms.term,
            findings,
            next_steps: terms.next_steps,
            life: compliance_in(policy, &ix, i, period.from, period.to)?,
            elections: own_elections.into_iter().cloned().collect(),
            reviews: reviews_of
                .of(i)
                .filter_map(|k| reviews.get(k))
                .cloned()
                .collect(),
        };
        report.findings.extend(section.findings.iter().cloned());
        report
            .findings
            .extend(section.life.findings.iter().cloned());
        for e in &section.elections {
            report.findings.extend(e.findings.iter().cloned());
        }
        for r in &section.reviews {
            report.findings.extend(r.findings.iter().cloned());
        }
        report.orgs.push(section);
    }
    Ok(report)
}

/// Every election and review round of the document evaluated on its day, in document order. Each reads the
/// standings of its organization's subtree (and of the voters listed from outside it) only; when some record
/// cannot be read on the last of those days, every standing is derived as the rules first did, so the error
/// reported is the same one.
fn elections_and_reviews(
    policy: &Policy,
    ix: &DocIndex<'_>,
    on: NaiveDate,
) -> Result<(Vec<ElectionReport>, Vec<RatingReport>)> {
    let doc = ix.doc;
    let last = doc
        .elections
        .iter()
        .map(|e| e.date)
        .chain(doc.reviews.iter().map(|r| r.date))
        .fold(on, NaiveDate::max);
    // Errors only grow with the day (events are read in order up to it): none on the last day, none before.
    let whole = doc
        .members
        .iter()
        .any(|r| rights_on(policy, r, last).is_err());
    let tree = &doc.orgs;
    let subtree = |org: &str, date, also: &[&str]| match tree.index_of(org) {
        Some(o) if !whole => ix.standings_within(policy, o, date, also),
        _ => standings(policy, &doc.members, date),
    };
    let mut elections = Vec::with_capacity(doc.elections.len());
    for (i, e) in doc.elections.iter().enumerate() {
        let under = |err: Error| err.under(&format!("elections[{i}]"));
        let voters: Vec<&str> = e.voters.iter().flatten().map(String::as_str).collect();
        let on_day = subtree(&e.org, e.date, &voters)?;
        elections.push(evaluate(policy, tree, &on_day, e).map_err(under)?);
    }
    let mut reviews = Vec::with_capacity(doc.reviews.len());
    for (i, r) in doc.reviews.iter().enumerate() {
        let under = |err: Error| err.under(&format!("reviews[{i}]"));
        let on_day = subtree(&r.org, r.date, &[])?;
        reviews.push(rate(policy, tree, &on_day, r).map_err(under)?);
    }
    Ok((elections, reviews))
}

/// The full and probationary members of each organization's subtree (by the tree's index): each standing is
/// counted at its organization, then the counts are added up from the leaves (reverse depth-first order).
fn subtree_counts(tree: &OrgTree, today: &[Standing<'_>]) -> Vec<Counts> {
    let mut counts = vec![Counts::default(); tree.len()];
    for s in today {
        if let Some(c) = tree.index_of(s.org).and_then(|i| counts.get_mut(i)) {
            if s.is_full() {
                c.full = c.full.saturating_add(1);
            } else {
                c.probationary = c.probationary.saturating_add(1);
            }
        }
    }
    for p in (0..tree.len()).rev() {
        let Some(i) = tree.at_position(p) else {
            continue;
        };
        let (Some(parent), Some(c)) = (tree.parent_index(i), counts.get(i).copied()) else {
            continue;
        };
        if let Some(up) = counts.get_mut(parent) {
            up.full = up.full.saturating_add(c.full);
            up.probationary = up.probationary.saturating_add(c.probationary);
        }
    }
    counts
}

#[cfg(test)]
#[path = "organization_tests.rs"]
mod tests;
