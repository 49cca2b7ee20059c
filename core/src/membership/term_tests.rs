//! Terms: 党章 第三十条 — 3 years for a branch or general branch, 5 for a 基层党委, advanced or postponed by at most
//! a year. Expected days are counted by hand from the election day.

use super::*;
use crate::membership::org_fixtures::{codes, d, policy};

fn terms(kind: OrgKind, starts: &[&str], on: &str) -> TermReview {
    let starts: Vec<NaiveDate> = starts.iter().map(|s| d(s)).collect();
    review_terms(&policy(), "B1", kind, &starts, d(on)).unwrap()
}

#[test]
fn a_branch_term_of_three_years_is_due_on_its_anniversary() {
    let r = terms(OrgKind::Branch, &["2023-05-10"], "2026-05-09");
    assert_eq!(
        r.term,
        Some(Term {
            elected_on: d("2023-05-10"),
            term_expires: d("2026-05-10")
        })
    );
    let step = r.next_steps.first().unwrap();
    assert_eq!(
        (step.code.as_str(), step.due, step.earliest),
        ("ELECTION", Some(d("2026-05-10")), Some(d("2025-05-10")))
    );
    assert_eq!(step.citation.as_ref().unwrap().article, "第三十条");
    assert!(r.findings.is_empty());
}

#[test]
fn after_the_expiry_a_postponement_needs_approval_and_beyond_a_year_it_is_overdue() {
    let at = |on| {
        codes(&terms(OrgKind::Branch, &["2023-05-10"], on).findings)
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert!(at("2026-05-10").is_empty());
    assert_eq!(at("2026-05-11"), ["TERM_EXPIRED"]);
    assert_eq!(at("2027-05-10"), ["TERM_EXPIRED"]);
    assert_eq!(at("2027-05-11"), ["TERM_OVERDUE"]);
    let r = terms(OrgKind::GeneralBranch, &["2023-05-10"], "2026-05-11");
    assert_eq!(
        r.findings.first().unwrap().severity,
        crate::Severity::Warning
    );
    let r = terms(OrgKind::Branch, &["2023-05-10"], "2027-05-11");
    assert_eq!(
        r.findings.first().unwrap().severity,
        crate::Severity::Violation
    );
}

#[test]
fn a_committee_serves_five_years_and_a_group_has_no_term() {
    let r = terms(OrgKind::Committee, &["2021-06-30"], "2026-06-30");
    assert_eq!(r.term.unwrap().term_expires, d("2026-06-30"));
    assert!(r.findings.is_empty());
    assert_eq!(
        codes(&terms(OrgKind::Committee, &["2021-06-30"], "2026-07-01").findings),
        ["TERM_EXPIRED"]
    );
    let g = terms(OrgKind::Group, &["2021-06-30"], "2026-07-01");
    assert!(g.term.is_none() && g.findings.is_empty() && g.next_steps.is_empty());
}

#[test]
fn a_term_from_29_february_expires_at_the_end_of_february() {
    let r = terms(OrgKind::Branch, &["2024-02-29"], "2026-01-01");
    assert_eq!(r.term.unwrap().term_expires, d("2027-02-28"));
}

#[test]
fn an_election_may_be_advanced_or_postponed_by_at_most_a_year() {
    // The term elected 2023-05-10 expires 2026-05-10.
    let next = |on: &str| {
        codes(&terms(OrgKind::Branch, &["2023-05-10", on], "2027-12-31").findings)
            .into_iter()
            .filter(|c| c.starts_with("ELECTION_"))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(next("2025-05-09"), ["ELECTION_ADVANCED_TOO_FAR"]);
    assert!(next("2025-05-10").is_empty());
    assert!(next("2025-05-11").is_empty());
    assert!(next("2027-05-09").is_empty());
    assert!(next("2027-05-10").is_empty());
    assert_eq!(next("2027-05-11"), ["ELECTION_POSTPONED_TOO_FAR"]);
}

#[test]
fn the_latest_election_on_or_before_the_day_starts_the_current_term() {
    let r = terms(OrgKind::Branch, &["2026-04-01", "2023-05-10"], "2026-03-31");
    assert_eq!(r.term.unwrap().elected_on, d("2023-05-10"));
    let r = terms(OrgKind::Branch, &["2026-04-01", "2023-05-10"], "2026-04-01");
    assert_eq!(r.term.unwrap().term_expires, d("2029-04-01"));
    assert!(terms(OrgKind::Branch, &[], "2026-04-01").term.is_none());
}
