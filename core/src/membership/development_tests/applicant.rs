//! Talk, sequence, contacts, half-year reviews, the activist year.

use super::*;

fn talk_after(application: &'static str, talk: &'static str) -> crate::membership::MemberRecord {
    member(&[
        ("application", application, Value::Null),
        ("talk", talk, Value::Null),
    ])
}

#[test]
fn the_talk_within_a_month_of_the_application() {
    // 2023-01-31 + 1 month = 2023-02-28 (clamped to the month's end).
    assert!(!has(
        &talk_after("2023-01-31", "2023-02-27"),
        "2023-03-10",
        "TALK_LATE"
    ));
    assert!(!has(
        &talk_after("2023-01-31", "2023-02-28"),
        "2023-03-10",
        "TALK_LATE"
    ));
    assert!(has(
        &talk_after("2023-01-31", "2023-03-01"),
        "2023-03-10",
        "TALK_LATE"
    ));
    // In a leap year: 2024-01-31 + 1 month = 2024-02-29.
    assert!(!has(
        &talk_after("2024-01-31", "2024-02-29"),
        "2024-03-10",
        "TALK_LATE"
    ));
    assert!(has(
        &talk_after("2024-01-31", "2024-03-01"),
        "2024-03-10",
        "TALK_LATE"
    ));
}

#[test]
fn a_talk_not_yet_held_is_due_then_overdue() {
    let r = member(&[("application", "2023-01-31", Value::Null)]);
    assert_eq!(
        steps(&r, "2023-02-28"),
        vec![("TALK".to_owned(), None, Some(d("2023-02-28")))]
    );
    assert!(!has(&r, "2023-02-28", "TALK_OVERDUE"));
    assert!(has(&r, "2023-03-01", "TALK_OVERDUE"));
    let report = run(&r, "2023-03-01").unwrap();
    assert_eq!(report.findings[0].severity, crate::Severity::Violation);
    assert_eq!(
        report.findings[0].citation.as_ref().unwrap().article,
        "第七条"
    );
}

#[test]
fn a_step_without_the_one_before_it() {
    let activist = json!({"recommended_by": "party_members"});
    let missing = |rows: &[(&'static str, &'static str, Value)], on| {
        let r = member(rows);
        run(&r, on)
            .unwrap()
            .findings
            .into_iter()
            .filter(|f| f.code == "MISSING_STEP")
            .collect::<Vec<_>>()
    };
    // An activist without an application.
    let f = missing(
        &[("activist", "2024-03-01", activist.clone())],
        "2024-03-01",
    );
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message_en.contains("an application"),
        "{}",
        f[0].message_en
    );
    // A development target without the activist decision.
    let f = missing(
        &[
            ("application", "2024-01-01", Value::Null),
            ("talk", "2024-01-10", Value::Null),
            ("development_target", "2025-03-01", Value::Null),
        ],
        "2025-03-01",
    );
    assert_eq!(f.len(), 1);
    assert!(f[0].message_en.contains("activist decision"));
    // A vote without a development target.
    let vote = passed_vote();
    let f = missing(
        &[
            ("application", "2024-01-01", Value::Null),
            ("talk", "2024-01-10", Value::Null),
            ("branch_vote", "2024-06-10", vote),
        ],
        "2024-06-10",
    );
    assert_eq!(f.len(), 1);
    assert!(f[0].message_en.contains("development-target"));
    // Approval without a passed vote: the happy path with a failed vote.
    let failed = json!({"vote": {"entitled": 20, "present": 15, "yes": 10, "no": 5, "abstain": 0}});
    let rows = with(&happy(), "branch_vote", "2023-06-10", failed);
    let f = missing(&until(&rows, "approval"), "2023-08-01");
    assert!(
        f.iter()
            .any(|f| f.message_en.contains("approval on 2023-08-01")
                && f.message_en.contains("passed branch vote")),
        "{f:?}"
    );
    // Conversion without probation, oath without approval.
    let f = missing(
        &[
            ("application", "2024-01-01", Value::Null),
            ("talk", "2024-01-10", Value::Null),
            ("oath", "2024-02-01", Value::Null),
            ("conversion", "2024-03-01", Value::Null),
        ],
        "2024-03-01",
    );
    assert_eq!(f.len(), 2);
    assert!(f[0].message_en.contains("approval"));
    assert!(f[1].message_en.contains("probation"));
}

fn with_contacts(contacts: Value) -> crate::membership::MemberRecord {
    let rows = with(
        &happy(),
        "contacts",
        "2022-03-05",
        json!({"contacts": contacts}),
    );
    member(&until(&rows, "contacts"))
}

#[test]
fn contacts_one_or_two_full_members() {
    assert!(!has(
        &with_contacts(json!(["S1"])),
        "2022-03-05",
        "TOO_MANY_CONTACTS"
    ));
    assert!(!has(
        &with_contacts(json!(["S1", "S2"])),
        "2022-03-05",
        "TOO_MANY_CONTACTS"
    ));
    assert!(has(
        &with_contacts(json!(["S1", "S2", "S3"])),
        "2022-03-05",
        "TOO_MANY_CONTACTS"
    ));
    // X1 was a full member in 2022 (removed in 2025); P1 was not yet a member.
    assert!(!has(
        &with_contacts(json!(["X1"])),
        "2022-03-05",
        "CONTACT_NOT_FULL_MEMBER"
    ));
    assert!(has(
        &with_contacts(json!(["P1"])),
        "2022-03-05",
        "CONTACT_NOT_FULL_MEMBER"
    ));
    let report = run(&with_contacts(json!(["NOBODY"])), "2022-03-05").unwrap();
    assert_eq!(report.findings.len(), 1);
    assert_eq!(
        (
            report.findings[0].code.as_str(),
            report.findings[0].severity
        ),
        ("CONTACT_NOT_IN_ROSTER", crate::Severity::Warning)
    );
}

/// An activist of 2024-03-01 reviewed on `review`.
fn reviewed(review: &'static str) -> crate::membership::MemberRecord {
    member(
        &[
            activist_2024(),
            vec![("half_year_review", review, Value::Null)],
        ]
        .concat(),
    )
}

#[test]
fn half_year_reviews_at_most_six_months_apart() {
    // Activist 2024-03-01: the first review is due by 2024-09-01.
    assert!(!has(
        &reviewed("2024-08-31"),
        "2024-10-01",
        "REVIEW_OVERDUE"
    ));
    assert!(!has(
        &reviewed("2024-09-01"),
        "2024-10-01",
        "REVIEW_OVERDUE"
    ));
    assert!(has(&reviewed("2024-09-02"), "2024-10-01", "REVIEW_OVERDUE"));
    // The next one from the review: 2024-09-01 → 2025-03-01.
    assert_eq!(
        steps(&reviewed("2024-09-01"), "2024-10-01"),
        vec![
            ("HALF_YEAR_REVIEW".to_owned(), None, Some(d("2025-03-01"))),
            (
                "BECOME_DEVELOPMENT_TARGET".to_owned(),
                Some(d("2025-03-01")),
                None
            ),
        ]
    );
    assert!(!has(
        &reviewed("2024-09-01"),
        "2025-03-01",
        "REVIEW_OVERDUE"
    ));
    let late = run(&reviewed("2024-09-01"), "2025-03-02").unwrap();
    let f = late
        .findings
        .iter()
        .find(|f| f.code == "REVIEW_OVERDUE")
        .unwrap();
    assert_eq!(f.severity, crate::Severity::Warning);
    assert_eq!(f.citation.as_ref().unwrap().article, "第十二条");
}

#[test]
fn reviews_stop_at_the_passed_vote() {
    // The happy path's last review is 2023-03-01 and the vote 2023-06-10: nothing due afterwards.
    assert!(!has(&member(&happy()), "2024-01-01", "REVIEW_OVERDUE"));
    assert!(!steps(&member(&happy()), "2023-06-10")
        .iter()
        .any(|s| s.0 == "HALF_YEAR_REVIEW"));
}

/// An activist of 2024-03-01, reviewed on 2024-09-01, made a development target on `date`.
fn target_on(date: &'static str) -> crate::membership::MemberRecord {
    let rest = vec![
        ("half_year_review", "2024-09-01", Value::Null),
        ("development_target", date, Value::Null),
    ];
    member(&[activist_2024(), rest].concat())
}

#[test]
fn a_year_as_an_activist_before_the_development_target() {
    // 细则 第十三条: activist 2024-03-01 → earliest development target 2025-03-01.
    assert!(has(
        &target_on("2025-02-28"),
        "2025-03-05",
        "ACTIVIST_PERIOD_TOO_SHORT"
    ));
    assert!(!has(
        &target_on("2025-03-01"),
        "2025-03-05",
        "ACTIVIST_PERIOD_TOO_SHORT"
    ));
    assert!(!has(
        &target_on("2025-03-02"),
        "2025-03-05",
        "ACTIVIST_PERIOD_TOO_SHORT"
    ));
    let f = run(&target_on("2025-02-28"), "2025-03-05")
        .unwrap()
        .findings;
    assert_eq!(f[0].citation.as_ref().unwrap().article, "第十三条");
    let activist = member(&until(&happy(), "contacts"));
    assert!(steps(&activist, "2022-06-01").contains(&(
        "BECOME_DEVELOPMENT_TARGET".to_owned(),
        Some(d("2023-03-01")),
        None
    )));
}
