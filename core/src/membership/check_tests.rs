use serde_json::{json, Value};

use crate::membership::test_support::{d, member, run};
use crate::membership::Stage;
use crate::Severity;

#[test]
fn findings_violations_first_and_next_steps_soonest_first() {
    // An under-age applicant (violation) never talked to (violation), an activist with a contact outside the
    // roster (warning), now past the review due.
    let r = crate::membership::test_support::rec(
        "Y1",
        "2006-05-10",
        &[
            ("application", "2024-05-09", Value::Null),
            (
                "activist",
                "2024-07-01",
                json!({"recommended_by": "mass_organization"}),
            ),
            ("contacts", "2024-07-02", json!({"contacts": ["NOBODY"]})),
        ],
    );
    let report = run(&r, "2025-02-01").unwrap();
    let got: Vec<(&str, Severity)> = report
        .findings
        .iter()
        .map(|f| (f.code.as_str(), f.severity))
        .collect();
    assert_eq!(
        got,
        [
            ("AGE_BELOW_MINIMUM", Severity::Violation),
            ("TALK_OVERDUE", Severity::Violation),
            ("CONTACT_NOT_IN_ROSTER", Severity::Warning),
            ("REVIEW_OVERDUE", Severity::Warning),
        ]
    );
    let steps: Vec<(&str, Option<chrono::NaiveDate>, Option<chrono::NaiveDate>)> = report
        .next_steps
        .iter()
        .map(|n| (n.code.as_str(), n.earliest, n.due))
        .collect();
    // Activist 2024-07-01: review due 2025-01-01; development target from 2025-07-01 (no due day: last).
    assert_eq!(
        steps,
        [
            ("HALF_YEAR_REVIEW", None, Some(d("2025-01-01"))),
            ("BECOME_DEVELOPMENT_TARGET", Some(d("2025-07-01")), None),
        ]
    );
    assert_eq!(
        (report.stage, report.since),
        (Stage::Activist, Some(d("2024-07-01")))
    );
    // An activist is not yet a member: no vote (党章 第七条 gives it only to full members).
    assert!(!report.rights.may_vote);
}

#[test]
fn probationary_members_have_an_end_and_no_party_age() {
    let r = member(&[("imported", "2025-06-10", json!({"stage": "probationary"}))]);
    let report = run(&r, "2025-12-01").unwrap();
    assert_eq!(report.stage, Stage::Probationary);
    assert_eq!(report.probation_ends, Some(d("2026-06-10")));
    assert_eq!(
        (report.full_member_since, report.party_age_years),
        (None, None)
    );
}
