//! Elections of a committee or a secretary (基层组织选举工作条例 2020; the article is `election_article` of the
//! organization rules in force on the election day):
//! - who may elect: full members of the organization whose rights allow it — probationary members and members
//!   under 留党察看 have no vote;
//! - the election is valid only when those present are more than `election_quorum` (4/5) of those entitled
//!   (entitled 10: 8 present is not enough, 9 is);
//! - a candidate is elected with more than half of the votes of those present.
#![deny(clippy::arithmetic_side_effects)]

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::params::OrganizationRules;
use super::record::MemberRecord;
use super::standing::{standings, within, Standing};
use crate::disclosure::OrgTree;
use crate::policy::in_force;
use crate::{Citation, Error, Finding, Policy, Result, Severity};

/// One candidate and the votes cast for them.
///
/// ```
/// let c: dangjian::membership::Candidate = serde_json::from_str(r#"{"id":"M1","votes":7}"#).unwrap();
/// assert_eq!(c.votes, 7);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    /// The candidate's member id.
    pub id: String,
    /// Votes received.
    pub votes: u32,
}

/// One election (换届选举 or a by-election) of an organization.
///
/// ```
/// let e: dangjian::membership::Election = serde_json::from_str(r#"{"id":"E1","org":"B1","date":"2026-03-05",
///   "entitled":10,"present":9,"candidates":[{"id":"M1","votes":8}]}"#).unwrap();
/// assert!(e.voters.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Election {
    /// Stable id.
    pub id: String,
    /// The organization electing its committee (or secretary).
    pub org: String,
    /// Day held.
    pub date: NaiveDate,
    /// Members entitled to elect; when absent, the full members of the organization's subtree on the day whose
    /// rights allow electing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub entitled: Option<u32>,
    /// Members present and voting.
    pub present: u32,
    /// The ids of those who voted, when recorded (each is checked for the right to elect).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub voters: Option<Vec<String>>,
    /// The candidates and their votes.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub candidates: Vec<Candidate>,
}

/// What an election came to.
///
/// ```
/// let r = dangjian::membership::ElectionReport::default();
/// assert!(!r.valid && r.elected.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct ElectionReport {
    /// The election's id.
    pub id: String,
    /// The organization.
    pub org: String,
    /// Day held.
    pub date: NaiveDate,
    /// Members entitled to elect (given, or computed from the records).
    pub entitled: u32,
    /// Members present.
    pub present: u32,
    /// Whether the quorum was met (present > `election_quorum` of entitled).
    pub valid: bool,
    /// Candidates elected (votes > half of those present), in the order listed; empty when not valid.
    pub elected: Vec<String>,
    /// Candidates not elected.
    pub not_elected: Vec<String>,
    /// Findings (`ELECTION_NO_QUORUM`, `VOTER_NOT_ENTITLED`).
    pub findings: Vec<Finding>,
}

/// Evaluates one election over the member records: the entitled count (when not given), the voters' right to
/// elect, the quorum and the winners. Input errors: `UNKNOWN_ORG` (`org`), `PRESENT_EXCEEDS_ENTITLED`
/// (`present`), `VOTES_EXCEED_PRESENT` (`candidates[i].votes`).
///
/// ```
/// use dangjian::membership::{evaluate_election, Election};
/// let tree = serde_json::from_str(r#"[{"id":"B1","kind":"branch"}]"#).unwrap();
/// let e: Election = serde_json::from_str(r#"{"id":"E1","org":"B1","date":"2026-03-05","entitled":10,"present":9,
///   "candidates":[{"id":"M1","votes":5},{"id":"M2","votes":4}]}"#).unwrap();
/// let r = evaluate_election(&dangjian::Policy::bundled(), &tree, &[], &e).unwrap();
/// assert!(r.valid);
/// assert_eq!(r.elected, vec!["M1"]); // 5 of 9 is more than half; 4 is not
/// ```
pub fn evaluate_election(
    policy: &Policy,
    orgs: &OrgTree,
    records: &[MemberRecord],
    election: &Election,
) -> Result<ElectionReport> {
    orgs.require(&election.org, "org")?;
    let standings = standings(policy, records, election.date)?;
    evaluate(policy, orgs, &standings, election)
}

/// [`evaluate_election`] over standings already derived for the election day.
pub(crate) fn evaluate(
    policy: &Policy,
    orgs: &OrgTree,
    standings: &[Standing<'_>],
    election: &Election,
) -> Result<ElectionReport> {
    let rules = &in_force(
        &policy.membership.organization,
        election.date,
        "membership.organization",
    )?
    .value;
    let cite = rules.election_article.clone();
    let electors: Vec<&Standing<'_>> = within(orgs, standings, &election.org)
        .filter(|s| s.may_elect)
        .collect();
    let computed = u32::try_from(electors.len()).map_err(|_| Error::overflow("entitled"))?;
    let entitled = election.entitled.unwrap_or(computed);
    check_counts(election, entitled)?;
    let mut findings = voter_findings(election, standings, &electors, &cite);
    let valid = quorum_met(rules, election.present, entitled);
    if !valid {
        let [n, d] = rules.election_quorum;
        findings.push(Finding::new(
            "ELECTION_NO_QUORUM",
            Severity::Violation,
            format!(
                "{} 的选举（{}）到会 {} 人，未超过应到会 {entitled} 人的 {n}/{d}，选举无效",
                election.org, election.date, election.present
            ),
            format!(
                "the election of {} on {} had {} present, not more than {n}/{d} of the {entitled} entitled: it is not valid",
                election.org, election.date, election.present
            ),
            Some(cite),
        ));
    }
    let (elected, not_elected) = election
        .candidates
        .iter()
        .partition::<Vec<&Candidate>, _>(|c| {
            valid && u64::from(c.votes) * 2 > u64::from(election.present)
        });
    Ok(ElectionReport {
        id: election.id.clone(),
        org: election.org.clone(),
        date: election.date,
        entitled,
        present: election.present,
        valid,
        elected: elected.into_iter().map(|c| c.id.clone()).collect(),
        not_elected: not_elected.into_iter().map(|c| c.id.clone()).collect(),
        findings,
    })
}

/// Those present are at most those entitled (`PRESENT_EXCEEDS_ENTITLED`); no candidate has more votes than
/// those present (`VOTES_EXCEED_PRESENT`).
fn check_counts(election: &Election, entitled: u32) -> Result<()> {
    if election.present > entitled {
        return Err(Error::input(
            "PRESENT_EXCEEDS_ENTITLED",
            "present",
            format!(
                "到会 {} 人多于应到会有选举权的 {entitled} 人",
                election.present
            ),
            format!(
                "{} present is more than the {entitled} entitled to elect",
                election.present
            ),
        ));
    }
    for (i, c) in election.candidates.iter().enumerate() {
        if c.votes > election.present {
            return Err(Error::input(
                "VOTES_EXCEED_PRESENT",
                format!("candidates[{i}].votes"),
                format!(
                    "候选人 {} 得票 {} 多于到会 {} 人",
                    c.id, c.votes, election.present
                ),
                format!(
                    "candidate {} has {} votes, more than the {} present",
                    c.id, c.votes, election.present
                ),
            ));
        }
    }
    Ok(())
}

/// present > numerator/denominator × entitled, in integers (no rounding).
pub(crate) fn quorum_met(rules: &OrganizationRules, present: u32, entitled: u32) -> bool {
    let [n, d] = rules.election_quorum;
    // A u32 times a u32 fits a u64: the saturating form cannot change a result.
    u64::from(present).saturating_mul(u64::from(d))
        > u64::from(entitled).saturating_mul(u64::from(n))
}

/// `VOTER_NOT_ENTITLED` for each listed voter who is not a full member of the organization with the right to elect.
fn voter_findings(
    election: &Election,
    standings: &[Standing<'_>],
    electors: &[&Standing<'_>],
    cite: &Citation,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let electors: HashSet<&str> = electors.iter().map(|s| s.id).collect();
    let by_id: HashMap<&str, &Standing<'_>> = standings.iter().rev().map(|s| (s.id, s)).collect();
    for voter in election.voters.iter().flatten() {
        if electors.contains(voter.as_str()) {
            continue;
        }
        let (why_zh, why_en) = match by_id.get(voter.as_str()) {
            Some(s) if !s.is_full() => ("预备党员没有选举权", "a probationary member has no vote"),
            Some(s) if s.may_elect => ("不是本组织的党员", "not a member of the organization"),
            Some(_) => (
                "受留党察看处分期间没有选举权",
                "no vote while under 留党察看",
            ),
            None => (
                "当日不是党员或不在名册中",
                "not a member on the day, or not on the roll",
            ),
        };
        out.push(Finding::new(
            "VOTER_NOT_ENTITLED",
            Severity::Violation,
            format!(
                "{voter} 参加了 {} 的选举（{}）：{why_zh}",
                election.org, election.date
            ),
            format!(
                "{voter} voted in the election of {} on {}: {why_en}",
                election.org, election.date
            ),
            Some(cite.clone()),
        ));
    }
    out
}

#[cfg(test)]
#[path = "election_tests.rs"]
mod tests;
