//! The pipeline's rules at their boundaries. Expected dates come from the 细则 (e.g. "a year as an activist":
//! activist 2024-03-01 → earliest development target 2025-03-01), never from the code's output.

use serde_json::{json, Value};

use super::super::development_pipeline::{reaches_age, whole_years};
use super::super::test_support::{
    activist_2024, activist_2025, codes, d, fault, happy, has, member, pair, passed_vote, rec, run,
    spring, steps, until, with,
};
use crate::membership::Stage;

#[path = "development_tests/admission.rs"]
mod admission;
#[path = "development_tests/age.rs"]
mod age;
#[path = "development_tests/applicant.rs"]
mod applicant;
#[path = "development_tests/inputs.rs"]
mod inputs;
#[path = "development_tests/probation.rs"]
mod probation;
#[path = "development_tests/vote_steps.rs"]
mod vote_steps;

#[test]
fn the_happy_path_reaches_full_membership_without_findings() {
    let r = member(&happy());
    let report = run(&r, "2026-06-10").unwrap();
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert!(report.next_steps.is_empty(), "{:?}", report.next_steps);
    assert_eq!(report.stage, Stage::Full);
    // Probation from the vote (2023-06-10) for a year: full member from 2024-06-10 (党章 第七条).
    assert_eq!(report.full_member_since, Some(d("2024-06-10")));
    assert_eq!(report.since, Some(d("2024-06-10")));
    assert_eq!(report.party_age_years, Some(2));
    assert_eq!(run(&r, "2026-06-09").unwrap().party_age_years, Some(1));
    let stages: Vec<Stage> = report.history.iter().map(|s| s.stage).collect();
    assert_eq!(
        stages,
        [
            Stage::Applicant,
            Stage::Activist,
            Stage::DevelopmentTarget,
            Stage::Probationary,
            Stage::Full
        ]
    );
}

#[test]
fn each_stage_of_the_happy_path_has_no_finding_on_its_day() {
    let rows = happy();
    for (kind, date, _) in &rows {
        let r = member(&until(&rows, kind));
        assert_eq!(
            codes(&r, date),
            Vec::<String>::new(),
            "after {kind} on {date}"
        );
    }
}

#[test]
fn age_is_reached_on_the_anniversary() {
    assert_eq!(reaches_age(d("2006-05-10"), 18), Some(d("2024-05-10")));
    // 29 February: 1 March in a common year, 29 February in a leap year.
    assert_eq!(reaches_age(d("2008-02-29"), 18), Some(d("2026-03-01")));
    assert_eq!(reaches_age(d("2008-02-29"), 16), Some(d("2024-02-29")));
    assert_eq!(whole_years(d("2024-06-10"), d("2025-06-09")), 0);
    assert_eq!(whole_years(d("2024-06-10"), d("2025-06-10")), 1);
    assert_eq!(whole_years(d("2024-02-29"), d("2025-02-28")), 0);
    assert_eq!(whole_years(d("2024-02-29"), d("2025-03-01")), 1);
    assert_eq!(whole_years(d("2024-02-29"), d("2028-02-29")), 4);
}

/// Rows with an application on `date` by someone born on `born`.
fn applies(born: &str, date: &'static str) -> crate::membership::MemberRecord {
    rec("A1", born, &[("application", date, Value::Null)])
}

#[test]
fn the_minimum_age_on_the_day_of_the_application() {
    // 18 on 2024-05-10 (细则 第五条).
    assert!(has(
        &applies("2006-05-10", "2024-05-09"),
        "2024-05-09",
        "AGE_BELOW_MINIMUM"
    ));
    assert!(!has(
        &applies("2006-05-10", "2024-05-10"),
        "2024-05-10",
        "AGE_BELOW_MINIMUM"
    ));
    assert!(!has(
        &applies("2006-05-10", "2024-05-11"),
        "2024-05-11",
        "AGE_BELOW_MINIMUM"
    ));
    // Born 29 February 2008: 18 on 1 March 2026 (2026 is a common year).
    assert!(has(
        &applies("2008-02-29", "2026-02-28"),
        "2026-02-28",
        "AGE_BELOW_MINIMUM"
    ));
    assert!(!has(
        &applies("2008-02-29", "2026-03-01"),
        "2026-03-01",
        "AGE_BELOW_MINIMUM"
    ));
    let f = run(&applies("2006-05-10", "2024-05-09"), "2024-05-09")
        .unwrap()
        .findings;
    assert_eq!(f[0].citation.as_ref().unwrap().article, "第五条");
}

#[test]
fn a_29_february_birth_reaching_the_age_in_a_leap_year() {
    // 18 is not a multiple of 4, so a 29-February birth's 18th birthday is always in a common year; a policy
    // with a minimum age of 16 puts it in a leap year: born 2008-02-29, 16 on 2024-02-29.
    let mut policy = crate::Policy::bundled();
    for e in &mut policy.membership.development {
        e.value.min_age_years = 16;
    }
    let code = |date| {
        super::super::test_support::run_with(&policy, &applies("2008-02-29", date), date)
            .unwrap()
            .findings
            .iter()
            .any(|f| f.code == "AGE_BELOW_MINIMUM")
    };
    assert!(code("2024-02-28"));
    assert!(!code("2024-02-29"));
    assert!(!code("2024-03-01"));
}

#[test]
fn the_2014_or_2026_rules_by_the_day_of_the_step() {
    // The revision is in force from 2026-05-18: a development target decided the day before needs no consent.
    let rows = |target: &'static str, extra: Value| {
        let mut rows = activist_2025("mass_organization");
        rows.push(("development_target", target, extra));
        rows
    };
    assert!(!has(
        &member(&rows("2026-05-17", Value::Null)),
        "2026-05-18",
        "HIGHER_CONSENT_MISSING"
    ));
    assert!(has(
        &member(&rows("2026-05-18", Value::Null)),
        "2026-05-18",
        "HIGHER_CONSENT_MISSING"
    ));
    let consented = json!({"higher_approval_on": "2026-05-18"});
    assert!(!has(
        &member(&rows("2026-05-18", consented)),
        "2026-05-18",
        "HIGHER_CONSENT_MISSING"
    ));
    let f = run(&member(&rows("2026-05-18", Value::Null)), "2026-05-18")
        .unwrap()
        .findings;
    let cite = f
        .iter()
        .find(|f| f.code == "HIGHER_CONSENT_MISSING")
        .unwrap()
        .citation
        .clone()
        .unwrap();
    assert!(cite.regulation.contains("2026"), "{cite}");
}

#[test]
fn events_before_an_import_are_not_checked() {
    // An activist without application, then imported as probationary: nothing to say about the pipeline.
    let r = member(&[
        (
            "activist",
            "2020-01-01",
            json!({"recommended_by": "party_members"}),
        ),
        ("imported", "2025-06-10", json!({"stage": "probationary"})),
    ]);
    assert_eq!(codes(&r, "2025-07-01"), Vec::<String>::new());
    assert_eq!(
        steps(&r, "2025-07-01"),
        vec![(
            "CONVERSION".to_owned(),
            Some(d("2026-06-10")),
            Some(d("2026-06-10"))
        )]
    );
}
