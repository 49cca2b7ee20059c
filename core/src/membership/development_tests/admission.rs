//! Sponsors, the prerequisites of the vote, the public notice on the official calendar, the vote.

use super::*;

#[test]
fn a_notice_over_the_spring_festival() {
    // 12, 13, 14 (make-up Saturday), [15–23 off], 24, 25: five working days end on 2026-02-25.
    let ok = member(&spring("2026-02-25", "2026-02-26", json!([])));
    assert_eq!(codes(&ok, "2026-02-26"), Vec::<String>::new());
    // Closing on the 24th is four working days.
    let short = run(
        &member(&spring("2026-02-24", "2026-02-26", json!([]))),
        "2026-02-26",
    )
    .unwrap();
    let f = short
        .findings
        .iter()
        .find(|f| f.code == "NOTICE_WINDOW_TOO_SHORT")
        .unwrap();
    assert_eq!(f.severity, crate::Severity::Violation);
    let cite = f.citation.as_ref().unwrap();
    assert_eq!(
        (cite.regulation.as_ref(), cite.article.as_ref()),
        ("中国共产党发展党员工作细则", "第十七条")
    );
    assert_eq!(f.also_cited.len(), 1, "the disclosure rule's own citation");
    assert!(f.message_en.contains("2026-02-25"), "{}", f.message_en);
}

#[test]
fn the_vote_comes_after_the_notice_closes() {
    assert!(has(
        &member(&spring("2026-02-25", "2026-02-24", json!([]))),
        "2026-02-26",
        "NOTICE_NOT_CLOSED"
    ));
    assert!(has(
        &member(&spring("2026-02-25", "2026-02-25", json!([]))),
        "2026-02-26",
        "NOTICE_NOT_CLOSED"
    ));
    assert!(!has(
        &member(&spring("2026-02-25", "2026-02-26", json!([]))),
        "2026-02-26",
        "NOTICE_NOT_CLOSED"
    ));
}

#[test]
fn objections_to_the_notice() {
    let pending = json!([{"by": "M9", "at": "2026-02-13T15:00:00+08:00", "content": "有异议"}]);
    let r = member(&spring("2026-02-25", "2026-02-26", pending));
    assert!(has(&r, "2026-02-26", "NOTICE_OBJECTION_PENDING"));
    let upheld = json!([{"by": "M9", "at": "2026-02-13T15:00:00+08:00", "content": "有异议",
        "decision": {"upheld": true, "reason": "经核实属实", "by": "C1", "at": "2026-02-20T10:00:00+08:00"}}]);
    assert!(has(
        &member(&spring("2026-02-25", "2026-02-26", upheld)),
        "2026-02-26",
        "NOTICE_OBJECTION_UPHELD"
    ));
    let rejected = json!([{"by": "M9", "at": "2026-02-13T15:00:00+08:00", "content": "有异议",
        "decision": {"upheld": false, "reason": "经核实不属实", "by": "C1", "at": "2026-02-20T10:00:00+08:00"}}]);
    assert_eq!(
        codes(
            &member(&spring("2026-02-25", "2026-02-26", rejected)),
            "2026-02-26"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn a_notice_error_names_the_event() {
    let r = member(&spring("2026-02-11", "2026-02-26", json!([])));
    let e = run(&r, "2026-02-26").unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("INVALID_PERIOD", "events[11].closes_on")
    );
}

#[test]
fn a_notice_on_a_provisional_calendar_says_so() {
    // 2027's 调休 are not published yet: a notice then is counted provisionally (statutory holidays, weekends), and says so.
    let r = member(&[
        ("application", "2025-06-01", Value::Null),
        ("talk", "2025-06-10", Value::Null),
        (
            "activist",
            "2025-07-01",
            json!({"recommended_by": "party_members"}),
        ),
        ("half_year_review", "2026-01-01", Value::Null),
        ("half_year_review", "2026-07-01", Value::Null),
        (
            "development_target",
            "2026-07-01",
            json!({"higher_approval_on": "2026-07-01"}),
        ),
        ("half_year_review", "2027-01-01", Value::Null),
        ("sponsors", "2027-01-02", json!({"sponsors": ["S1", "S2"]})),
        ("political_review", "2027-01-03", Value::Null),
        ("training", "2027-01-04", json!({"days": 3})),
        ("committee_review", "2027-01-05", Value::Null),
        ("pre_review", "2027-01-06", Value::Null),
        (
            "public_notice",
            "2027-01-11",
            json!({"closes_on": "2027-01-15"}),
        ),
        (
            "branch_vote",
            "2027-01-20",
            json!({"vote": {"entitled": 20, "present": 15, "yes": 14, "no": 1, "abstain": 0, "secret_ballot": true}}),
        ),
    ]);
    assert_eq!(
        codes(&r, "2027-01-20"),
        vec!["PROVISIONAL_CALENDAR".to_owned()]
    );
}

#[test]
fn each_prerequisite_of_the_vote() {
    let vote_day = |kind: &'static str| {
        let rows = with(&happy(), kind, "", Value::Null);
        codes(&member(&until(&rows, "branch_vote")), "2023-06-10")
    };
    assert_eq!(vote_day("political_review"), ["POLITICAL_REVIEW_MISSING"]);
    assert_eq!(vote_day("training"), ["TRAINING_MISSING"]);
    assert_eq!(vote_day("public_notice"), ["NOTICE_MISSING"]);
    assert_eq!(vote_day("committee_review"), ["COMMITTEE_REVIEW_MISSING"]);
    assert_eq!(vote_day("pre_review"), ["PRE_REVIEW_MISSING"]);
    assert_eq!(vote_day("sponsors"), ["MISSING_STEP"]);
    let failed = with(
        &happy(),
        "political_review",
        "2023-04-01",
        json!({"passed": false}),
    );
    assert_eq!(
        codes(&member(&until(&failed, "branch_vote")), "2023-06-10"),
        ["POLITICAL_REVIEW_FAILED"]
    );
}

#[test]
fn training_of_three_days_or_twenty_four_class_hours() {
    let trained = |extra: Value| {
        let rows = with(&happy(), "training", "2023-04-10", extra);
        has(
            &member(&until(&rows, "branch_vote")),
            "2023-06-10",
            "TRAINING_TOO_SHORT",
        )
    };
    assert!(trained(json!({"days": 2, "class_hours": 23})));
    assert!(!trained(json!({"days": 3})));
    assert!(!trained(json!({"class_hours": 24})));
    assert!(!trained(json!({"days": 2, "class_hours": 24})));
}

fn sponsored(sponsors: Value) -> Vec<crate::Finding> {
    let rows = with(
        &spring("2026-02-25", "2026-03-10", json!([])),
        "sponsors",
        "2025-12-05",
        json!({"sponsors": sponsors}),
    );
    run(&member(&rows), "2026-03-10").unwrap().findings
}

#[test]
fn two_sponsors_full_members_on_both_days() {
    assert!(sponsored(json!(["S1", "S2"])).is_empty());
    assert_eq!(sponsored(json!(["S1"]))[0].code, "SPONSOR_COUNT");
    assert_eq!(
        sponsored(json!(["S1", "S2", "S3"]))[0].code,
        "SPONSOR_COUNT"
    );
    // P1 is probationary on 2025-12-05 and full from 2026-01-10: wrong on the designation day only.
    let f = sponsored(json!(["S1", "P1"]));
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].code, "SPONSOR_NOT_FULL_MEMBER");
    assert!(f[0].message_en.contains("2025-12-05"));
    // X2 is full on 2025-12-05 and gone on 2026-03-01: wrong on the vote day only.
    let f = sponsored(json!(["S1", "X2"]));
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message_en.contains("2026-03-10"),
        "{}",
        f[0].message_en
    );
    // Not in the roster: a warning, said once.
    let f = sponsored(json!(["S1", "NOBODY"]));
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].code.as_str(), f[0].severity),
        ("SPONSOR_NOT_IN_ROSTER", crate::Severity::Warning)
    );
}

fn voted(vote: Value) -> Vec<String> {
    let rows = with(&happy(), "branch_vote", "2023-06-10", json!({"vote": vote}));
    codes(&member(&until(&rows, "branch_vote")), "2023-06-10")
}

#[test]
fn quorum_and_majority_of_the_full_members_entitled() {
    // 20 entitled: 10 present is no quorum, 11 is; 10 yes fail, 11 pass even with only 11 present.
    assert_eq!(
        voted(json!({"entitled": 20, "present": 10, "yes": 10, "no": 0, "abstain": 0})),
        ["VOTE_NO_QUORUM"]
    );
    assert!(
        voted(json!({"entitled": 20, "present": 11, "yes": 11, "no": 0, "abstain": 0})).is_empty()
    );
    assert_eq!(
        voted(json!({"entitled": 20, "present": 15, "yes": 10, "no": 5, "abstain": 0})),
        ["VOTE_NOT_PASSED"]
    );
    // Written opinions count in the tally, not in the quorum: 11 present + 1 written yes.
    assert!(voted(
        json!({"entitled": 20, "present": 11, "yes": 11, "no": 0, "abstain": 0, "written": 1})
    )
    .is_empty());
    let rows = with(
        &happy(),
        "branch_vote",
        "2023-06-10",
        json!({"vote": {"entitled": 20, "present": 15, "yes": 10, "no": 5, "abstain": 0}}),
    );
    let report = run(&member(&until(&rows, "branch_vote")), "2023-06-10").unwrap();
    assert_eq!(report.findings[0].severity, crate::Severity::Info);
    assert_eq!(report.stage, Stage::DevelopmentTarget);
}

#[test]
fn a_secret_ballot_from_the_2026_revision() {
    let on = |date: &'static str, vote: Value| {
        let rows = spring("2026-02-25", date, json!([]));
        let rows = with(&rows, "branch_vote", date, json!({"vote": vote}));
        has(&member(&rows), date, "SECRET_BALLOT_REQUIRED")
    };
    let open = json!({"entitled": 20, "present": 15, "yes": 14, "no": 1, "abstain": 0});
    let secret = json!({"entitled": 20, "present": 15, "yes": 14, "no": 1, "abstain": 0, "secret_ballot": true});
    assert!(!on("2026-05-17", open.clone()));
    assert!(on("2026-05-18", open));
    assert!(!on("2026-05-18", secret));
}

#[test]
fn a_short_notice_is_a_violation_the_day_it_ends_before_any_vote() {
    // 12 February to 24 February 2026 is four working days (12, 13, 14 make-up, [15–23 off], 24): the vote
    // of the 26th is ignored on the days before it, so the short window must be found on its own.
    let r = member(&spring("2026-02-24", "2026-02-26", json!([])));
    assert!(
        !has(&r, "2026-02-23", "NOTICE_WINDOW_TOO_SHORT"),
        "still running"
    );
    for on in ["2026-02-24", "2026-02-25"] {
        let report = run(&r, on).unwrap();
        assert!(
            report
                .findings
                .iter()
                .any(|f| f.code == "NOTICE_WINDOW_TOO_SHORT"
                    && f.severity == crate::Severity::Violation),
            "{on}"
        );
        let codes: Vec<&str> = report.next_steps.iter().map(|n| n.code.as_str()).collect();
        assert!(
            codes.contains(&"PUBLIC_NOTICE") && !codes.contains(&"BRANCH_VOTE"),
            "{on}: {codes:?}"
        );
    }
    // On the vote day the vote's own check reports it once.
    let at_vote = run(&r, "2026-02-26").unwrap();
    let n = at_vote
        .findings
        .iter()
        .filter(|f| f.code == "NOTICE_WINDOW_TOO_SHORT")
        .count();
    assert_eq!(n, 1);
}
