//! Interview, approval, oath, extension, conversion.

use super::*;

/// A pipeline from an application on 2024-01-10 with the vote on 2025-06-10 and the approval on `approved`
/// (with `reason`), stopped there.
fn approved(date: &'static str, reason: Option<&str>) -> crate::membership::MemberRecord {
    let rest = vec![
        ("half_year_review", "2024-09-01", Value::Null),
        ("half_year_review", "2025-03-01", Value::Null),
        ("development_target", "2025-03-01", Value::Null),
        ("sponsors", "2025-03-05", json!({"sponsors": ["S1", "S2"]})),
        ("political_review", "2025-04-01", Value::Null),
        ("training", "2025-04-10", json!({"days": 3})),
        (
            "public_notice",
            "2025-04-14",
            json!({"closes_on": "2025-04-18"}),
        ),
        ("committee_review", "2025-04-24", Value::Null),
        ("pre_review", "2025-05-08", Value::Null),
        ("branch_vote", "2025-06-10", passed_vote()),
        ("interview", "2025-06-20", Value::Null),
        (
            "approval",
            date,
            reason.map_or(Value::Null, |r| json!({"reason": r})),
        ),
    ];
    member(&[activist_2024(), rest].concat())
}

fn approval_codes(date: &'static str, reason: Option<&str>) -> Vec<String> {
    codes(&approved(date, reason), date)
}

#[test]
fn approval_within_three_months_or_six_with_a_reason() {
    // Vote 2025-06-10: 3 months → 2025-09-10, 6 months → 2025-12-10 (细则 第二十四条).
    assert!(approval_codes("2025-09-10", None).is_empty());
    assert_eq!(
        approval_codes("2025-09-11", None),
        ["APPROVAL_LATE_NO_REASON"]
    );
    assert!(approval_codes("2025-09-11", Some("上级党委换届")).is_empty());
    assert!(approval_codes("2025-12-10", Some("上级党委换届")).is_empty());
    assert_eq!(
        approval_codes("2025-12-11", Some("上级党委换届")),
        ["APPROVAL_TOO_LATE"]
    );
    assert_eq!(
        approval_codes("2025-09-11", Some("  ")),
        ["APPROVAL_LATE_NO_REASON"]
    );
}

#[test]
fn the_interview_before_the_approval() {
    let r = approved("2025-07-01", None);
    let mut rows_without: Vec<_> = r.events.clone();
    rows_without.retain(|e| e.kind_name() != "interview");
    let r = crate::membership::MemberRecord {
        events: rows_without,
        ..r
    };
    assert_eq!(codes(&r, "2025-07-01"), ["INTERVIEW_MISSING"]);
}

#[test]
fn an_approval_not_yet_given() {
    let mut r = approved("2025-07-01", None);
    r.events.pop();
    assert_eq!(
        steps(&r, "2025-07-01"),
        vec![("APPROVAL".to_owned(), None, Some(d("2025-09-10")))]
    );
    assert!(codes(&r, "2025-09-10").is_empty());
    let late = run(&r, "2025-09-11").unwrap().findings;
    assert_eq!(
        (late[0].code.as_str(), late[0].severity),
        ("APPROVAL_OVERDUE", crate::Severity::Warning)
    );
    let too_late = run(&r, "2025-12-11").unwrap().findings;
    assert_eq!(
        (too_late[0].code.as_str(), too_late[0].severity),
        ("APPROVAL_OVERDUE", crate::Severity::Violation)
    );
}

/// The Spring Festival pipeline ([`spring`], the notice closing 2026-02-25) voted on `vote`, interviewed that day,
/// approved on `approval`, sworn in on `oath`.
fn sworn(
    vote: &'static str,
    approval: &'static str,
    oath: &'static str,
) -> crate::membership::MemberRecord {
    let rest = vec![
        ("interview", vote, Value::Null),
        ("approval", approval, Value::Null),
        ("oath", oath, Value::Null),
    ];
    member(&[spring("2026-02-25", vote, json!([])), rest].concat())
}

#[test]
fn the_oath_within_a_month_from_the_2026_revision() {
    // Approved 2026-06-01 (2026 rules): oath by 2026-07-01.
    assert!(!has(
        &sworn("2026-04-01", "2026-06-01", "2026-07-01"),
        "2026-07-05",
        "OATH_LATE"
    ));
    assert!(has(
        &sworn("2026-04-01", "2026-06-01", "2026-07-02"),
        "2026-07-05",
        "OATH_LATE"
    ));
    // Approved 2026-05-17 under the 2014 细则: no limit.
    assert!(!has(
        &sworn("2026-04-01", "2026-05-17", "2026-09-01"),
        "2026-09-05",
        "OATH_LATE"
    ));
    // Not yet sworn: the next step, due a month after approval.
    let mut r = sworn("2026-04-01", "2026-06-01", "2026-07-01");
    r.events.pop();
    assert!(steps(&r, "2026-06-02").contains(&("OATH".to_owned(), None, Some(d("2026-07-01")))));
    assert!(has(&r, "2026-07-02", "OATH_OVERDUE"));
}

fn probation_rows(tail: &[(&'static str, &'static str, Value)]) -> crate::membership::MemberRecord {
    let mut rows = vec![("imported", "2025-06-10", json!({"stage": "probationary"}))];
    rows.extend_from_slice(tail);
    member(&rows)
}

#[test]
fn conversion_at_the_end_of_probation() {
    // Vote 2025-06-10 → probation ends (full membership begins) 2026-06-10.
    assert!(has(
        &probation_rows(&[("conversion", "2026-06-09", Value::Null)]),
        "2026-06-10",
        "CONVERSION_EARLY"
    ));
    assert!(!has(
        &probation_rows(&[("conversion", "2026-06-10", Value::Null)]),
        "2026-06-10",
        "CONVERSION_EARLY"
    ));
    let waiting = probation_rows(&[]);
    let report = run(&waiting, "2026-06-10").unwrap();
    assert_eq!(report.probation_ends, Some(d("2026-06-10")));
    assert_eq!(report.stage, Stage::Probationary);
    assert!(report.findings.is_empty());
    assert_eq!(
        steps(&waiting, "2026-06-10"),
        vec![(
            "CONVERSION".to_owned(),
            Some(d("2026-06-10")),
            Some(d("2026-06-10"))
        )]
    );
    let late = run(&waiting, "2026-06-11").unwrap().findings;
    assert_eq!(
        (late[0].code.as_str(), late[0].severity),
        ("CONVERSION_OVERDUE", crate::Severity::Warning)
    );
}

#[test]
fn extension_once_by_six_to_twelve_months_before_probation_ends() {
    let ext = |date: &'static str, months: u32| {
        probation_rows(&[("probation_extended", date, json!({"months": months}))])
    };
    assert!(codes(&ext("2026-06-10", 6), "2026-06-10").is_empty());
    assert!(codes(&ext("2026-06-10", 12), "2026-06-10").is_empty());
    assert_eq!(
        codes(&ext("2026-06-10", 5), "2026-06-10"),
        ["EXTENSION_OUT_OF_RANGE"]
    );
    assert_eq!(
        codes(&ext("2026-06-10", 13), "2026-06-10"),
        ["EXTENSION_OUT_OF_RANGE"]
    );
    assert!(codes(&ext("2026-06-09", 6), "2026-06-11").is_empty());
    assert_eq!(
        codes(&ext("2026-06-11", 6), "2026-06-11"),
        ["EXTENSION_AFTER_PROBATION"]
    );
    let twice = probation_rows(&[
        ("probation_extended", "2026-06-10", json!({"months": 6})),
        ("probation_extended", "2026-12-01", json!({"months": 6})),
    ]);
    assert_eq!(codes(&twice, "2026-12-01"), ["EXTENSION_REPEATED"]);
}

#[test]
fn an_extended_probation_moves_full_membership_and_party_age() {
    // Vote 2025-06-10 + 12 + 6 months: full member from 2026-12-10.
    let r = probation_rows(&[
        ("probation_extended", "2026-06-10", json!({"months": 6})),
        ("conversion", "2026-12-10", Value::Null),
    ]);
    let report = run(&r, "2026-12-09").unwrap();
    assert_eq!(
        (report.stage, report.probation_ends),
        (Stage::Probationary, Some(d("2026-12-10")))
    );
    let report = run(&r, "2027-12-09").unwrap();
    assert_eq!(report.stage, Stage::Full);
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert_eq!(
        (report.full_member_since, report.party_age_years),
        (Some(d("2026-12-10")), Some(0))
    );
    assert_eq!(run(&r, "2027-12-10").unwrap().party_age_years, Some(1));
    // A conversion meeting at the original end is early once probation is extended.
    let early = probation_rows(&[
        ("probation_extended", "2026-06-01", json!({"months": 6})),
        ("conversion", "2026-06-10", Value::Null),
    ]);
    assert!(has(&early, "2026-06-10", "CONVERSION_EARLY"));
}
