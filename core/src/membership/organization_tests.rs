//! Structure, counts and document validation; the expected numbers are those of 支部工作条例 第五条、第八条.

use super::*;
use crate::membership::org_fixtures::{codes, d, doc, full, fulls, member, policy, probationary};
use crate::Severity;

fn section<'a>(r: &'a OrgReport, org: &str) -> &'a OrgSection {
    r.orgs.iter().find(|s| s.org == org).unwrap()
}

fn check(doc: &OrgDocument, on: &str) -> OrgReport {
    check_orgs(&policy(), doc, d(on)).unwrap()
}

fn with_details(mut doc: OrgDocument, details: serde_json::Value) -> OrgDocument {
    doc.details.push(serde_json::from_value(details).unwrap());
    doc
}

#[test]
fn a_branch_needs_three_full_members_probationary_ones_do_not_count() {
    let mut members = fulls("M", "B2", 2);
    members.push(probationary("P", "B2"));
    let r = check(&doc(members.clone()), "2026-03-01");
    let b2 = section(&r, "B2");
    assert_eq!(
        (b2.full_members, b2.probationary_members, b2.members),
        (2, 1, 3)
    );
    let f = b2
        .findings
        .iter()
        .find(|f| f.code == "BRANCH_TOO_FEW_FULL_MEMBERS")
        .unwrap();
    assert_eq!(f.severity, Severity::Violation);
    assert_eq!(f.citation.as_ref().unwrap().article, "第五条、第八条");
    members.push(full("M3", "B2"));
    assert!(
        !codes(&section(&check(&doc(members), "2026-03-01"), "B2").findings)
            .contains(&"BRANCH_TOO_FEW_FULL_MEMBERS")
    );
}

#[test]
fn members_are_counted_on_the_day_checked() {
    let mut members = fulls("M", "B2", 2);
    members.push(member("N", "B2", "full", "2026-02-01"));
    let before = check(&doc(members.clone()), "2026-01-31");
    assert_eq!(section(&before, "B2").full_members, 2);
    let on = check(&doc(members), "2026-02-01");
    assert_eq!(section(&on, "B2").full_members, 3);
}

#[test]
fn group_members_count_toward_the_branch_and_subtrees_toward_their_superiors() {
    let mut members = fulls("P", "P1", 3);
    members.push(probationary("Q", "B1"));
    members.extend(fulls("X", "B2", 4));
    let r = check(&doc(members), "2026-03-01");
    let count = |org| {
        let s = section(&r, org);
        (s.full_members, s.probationary_members)
    };
    assert_eq!(count("P1"), (3, 0));
    assert_eq!(count("B1"), (3, 1));
    assert_eq!(count("G1"), (3, 1));
    assert_eq!(count("C1"), (7, 1));
    assert!(!codes(&section(&r, "B1").findings).contains(&"BRANCH_TOO_FEW_FULL_MEMBERS"));
    // A group has no size rule of its own.
    assert!(section(&r, "P1").findings.is_empty());
}

#[test]
fn a_branch_generally_has_at_most_fifty_members() {
    let with = |n| {
        let mut m = fulls("M", "B2", n);
        m.push(probationary("P", "B2"));
        let r = check(&doc(m), "2026-03-01");
        section(&r, "B2").findings.clone()
    };
    assert!(!codes(&with(49)).contains(&"BRANCH_TOO_LARGE")); // 50 members
    let f = with(50); // 51 members
    let large = f.iter().find(|f| f.code == "BRANCH_TOO_LARGE").unwrap();
    assert_eq!(large.severity, Severity::Warning);
}

#[test]
fn seven_full_members_need_a_committee_fewer_have_a_secretary() {
    let six = check(&doc(fulls("M", "B2", 6)), "2026-03-01");
    assert!(!codes(&section(&six, "B2").findings).contains(&"COMMITTEE_REQUIRED"));
    let seven = check(&doc(fulls("M", "B2", 7)), "2026-03-01");
    assert!(codes(&section(&seven, "B2").findings).contains(&"COMMITTEE_REQUIRED"));
    let committee =
        serde_json::json!({"org":"B2","committee":{"elected_on":"2025-01-10","size":3}});
    let seven = check(
        &with_details(doc(fulls("M", "B2", 7)), committee.clone()),
        "2026-03-01",
    );
    assert!(section(&seven, "B2").findings.is_empty());
    let six = check(
        &with_details(doc(fulls("M", "B2", 6)), committee),
        "2026-03-01",
    );
    let f = section(&six, "B2")
        .findings
        .iter()
        .find(|f| f.code == "COMMITTEE_NOT_EXPECTED")
        .unwrap();
    assert_eq!(f.severity, Severity::Info);
}

#[test]
fn a_committee_has_three_to_seven_members() {
    let size = |n: u32| {
        let det = serde_json::json!({"org":"B2","committee":{"elected_on":"2025-01-10","size":n}});
        let r = check(&with_details(doc(fulls("M", "B2", 20)), det), "2026-03-01");
        codes(&section(&r, "B2").findings).contains(&"COMMITTEE_SIZE")
    };
    assert_eq!(
        (size(2), size(3), size(7), size(8)),
        (true, false, false, true)
    );
}

#[test]
fn a_joint_branch_covers_at_most_five_units() {
    let units = |n: u32| {
        let r = check(
            &with_details(
                doc(fulls("M", "B2", 3)),
                serde_json::json!({"org":"B2","units":n}),
            ),
            "2026-03-01",
        );
        codes(&section(&r, "B2").findings).contains(&"JOINT_BRANCH_TOO_MANY_UNITS")
    };
    assert!(!units(5));
    assert!(units(6));
}

#[test]
fn a_general_branch_has_fifty_to_a_hundred_members() {
    let size = |n| {
        let r = check(&doc(fulls("M", "B1", n)), "2026-03-01");
        section(&r, "G1")
            .findings
            .iter()
            .any(|f| f.code == "GENERAL_BRANCH_SIZE" && f.severity == Severity::Warning)
    };
    assert_eq!(
        (size(49), size(50), size(100), size(101)),
        (true, false, false, true)
    );
}

#[test]
fn a_committee_below_a_hundred_members_needs_the_superiors_approval() {
    let small = |n, approved: bool| {
        let det = serde_json::json!({"org":"C1","approved_below_minimum":approved});
        let r = check(&with_details(doc(fulls("M", "B2", n)), det), "2026-03-01");
        codes(&section(&r, "C1").findings).contains(&"COMMITTEE_ORG_TOO_SMALL")
    };
    assert!(small(99, false));
    assert!(!small(99, true));
    assert!(!small(100, false));
}

#[test]
fn the_report_gathers_every_sections_findings() {
    let r = check(&doc(fulls("M", "B2", 2)), "2026-03-01");
    for s in &r.orgs {
        for f in s.findings.iter().chain(&s.life.findings) {
            assert!(r.findings.contains(f));
        }
    }
    // The default period: from 1 January of the day checked to that day.
    assert_eq!(
        (r.period.from, r.period.to),
        (d("2026-01-01"), d("2026-03-01"))
    );
}

#[test]
fn references_to_unknown_organizations_name_the_field() {
    let base = r#""orgs":[{"id":"B1","kind":"branch"}]"#;
    let cases = [
        (r#""details":[{"org":"B9"}]"#, "details[0].org"),
        (
            r#""members":[{"id":"M1","name":"甲","birth_date":"1980-01-01","org":"B9"}]"#,
            "members[0].org",
        ),
        (
            r#""meetings":[{"id":"X","kind":"theme_day","date":"2026-03-05","org":"B1"},{"id":"Y","kind":"theme_day","date":"2026-03-05","org":"B9"}]"#,
            "meetings[1].org",
        ),
        (
            r#""elections":[{"id":"E","org":"B9","date":"2026-03-05","present":1}]"#,
            "elections[0].org",
        ),
        (
            r#""reviews":[{"org":"B9","year":2025,"date":"2026-01-05"}]"#,
            "reviews[0].org",
        ),
    ];
    for (part, field) in cases {
        let e = OrgDocument::from_json(&format!("{{{base},{part}}}")).unwrap_err();
        assert_eq!(
            (e.code(), e.detail().field.as_str()),
            ("UNKNOWN_ORG", field),
            "{part}"
        );
    }
}

#[test]
fn malformed_documents_name_the_field() {
    let e = OrgDocument::from_json(
        r#"{"orgs":[{"id":"B1","kind":"branch"}],"details":[{"org":"B1","size":3}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("INVALID_ORG_JSON", "details[0].size")
    );
    let e = OrgDocument::from_json(
        r#"{"orgs":[{"id":"B1","kind":"branch"}],"details":[{"org":"B1","committee":{"size":3}}]}"#,
    )
    .unwrap_err();
    assert_eq!(e.detail().field, "details[0].committee.elected_on");
    let e = OrgDocument::from_json(r#"{"orgs":[{"id":"B1","kind":"branch"}],"period":{"from":"2026-03-01","to":"2026-02-28"}}"#)
        .unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("INVALID_PERIOD", "period.to")
    );
    let mut twice = doc(vec![full("M1", "B1"), full("M1", "B2")]);
    let e = check_orgs(&policy(), &twice, d("2026-03-01")).unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("DUPLICATE_MEMBER", "members[1].id")
    );
    twice.members.pop();
    assert!(check_orgs(&policy(), &twice, d("2026-03-01")).is_ok());
}

#[test]
fn the_document_round_trips_through_json() {
    let mut doc = doc(fulls("M", "B1", 3));
    doc.details.push(OrgDetails {
        org: "B1".into(),
        name: Some("一支部".into()),
        units: Some(2),
        committee: Some(CommitteeInfo {
            elected_on: d("2024-05-10"),
            size: 3,
        }),
        approved_below_minimum: false,
    });
    let json = serde_json::to_string(&doc).unwrap();
    assert_eq!(OrgDocument::from_json(&json).unwrap(), doc);
}
