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

/// A committee with one branch and its group: the example document of `dangjian org check`.
const EXAMPLE: &str = r#"{
  "orgs": [
    {"id": "C1", "kind": "committee"},
    {"id": "B1", "parent": "C1", "kind": "branch"},
    {"id": "P1", "parent": "B1", "kind": "group"}
  ],
  "details": [
    {"org": "C1", "name": "某公司党委", "approved_below_minimum": true, "committee": {"elected_on": "2022-06-30", "size": 7}},
    {"org": "B1", "name": "第一党支部", "units": 2, "committee": {"elected_on": "2023-03-15", "size": 3}}
  ],
  "members": [
    {"id": "M1", "name": "张一", "birth_date": "1980-01-01", "org": "B1", "events": [{"kind": "imported", "date": "2010-07-01", "stage": "full"}]},
    {"id": "M2", "name": "张二", "birth_date": "1981-01-01", "org": "B1", "events": [{"kind": "imported", "date": "2011-07-01", "stage": "full"}]},
    {"id": "M3", "name": "张三", "birth_date": "1982-01-01", "org": "P1", "events": [{"kind": "imported", "date": "2012-07-01", "stage": "full"}]},
    {"id": "M4", "name": "张四", "birth_date": "1983-01-01", "org": "P1", "events": [{"kind": "imported", "date": "2013-07-01", "stage": "full"}]},
    {"id": "M5", "name": "张五", "birth_date": "1995-01-01", "org": "P1", "events": [{"kind": "imported", "date": "2025-10-01", "stage": "probationary"}]}
  ],
  "meetings": [
    {"id": "MT1", "kind": "general_meeting", "date": "2026-03-31", "org": "B1", "attendees": ["M1", "M2", "M3", "M5"], "absent_with_leave": ["M4"]},
    {"id": "MT2", "kind": "branch_committee", "date": "2026-01-08", "org": "B1", "attendees": ["M1", "M2", "M3"]},
    {"id": "MT3", "kind": "branch_committee", "date": "2026-02-05", "org": "B1", "attendees": ["M1", "M2", "M3"]},
    {"id": "MT4", "kind": "party_lecture", "date": "2026-03-20", "org": "B1", "attendees": ["M1", "M2", "M3", "M4", "M5"]},
    {"id": "MT5", "kind": "group_meeting", "date": "2026-01-12", "org": "P1", "attendees": ["M3", "M4", "M5"]}
  ],
  "elections": [
    {"id": "E1", "org": "B1", "date": "2026-03-10", "present": 4, "voters": ["M1", "M2", "M3", "M4"],
     "candidates": [{"id": "M1", "votes": 4}, {"id": "M2", "votes": 3}, {"id": "M3", "votes": 2}]}
  ],
  "reviews": [
    {"org": "B1", "year": 2025, "date": "2026-01-20",
     "ratings": [{"member": "M1", "rating": "excellent"}, {"member": "M2", "rating": "excellent"},
                 {"member": "M3", "rating": "qualified"}, {"member": "M4", "rating": "qualified"}, {"member": "M5"}]}
  ],
  "period": {"from": "2026-01-01", "to": "2026-03-31"}
}"#;

#[test]
fn a_whole_document() {
    let doc = OrgDocument::from_json(EXAMPLE).unwrap();
    let r = check_orgs(&policy(), &doc, d("2026-03-31")).unwrap();
    let b1 = section(&r, "B1");
    assert_eq!((b1.full_members, b1.probationary_members), (4, 1));
    // 4 full members, a committee: a secretary would do (Info). The election of 2026-03-10 (4 of 4 entitled
    // present, M1 with 4 and M2 with 3 of 4 elected) starts a new term to 2029-03-10; it was held within a year
    // before the old term's expiry (2026-03-15).
    assert_eq!(codes(&b1.findings), ["COMMITTEE_NOT_EXPECTED"]);
    assert_eq!(b1.elections[0].elected, ["M1", "M2"]);
    assert_eq!(b1.term.unwrap().term_expires, d("2029-03-10"));
    // 支委会 missing in March, 主题党日 every month, 党课 without a lecturer.
    let missing: Vec<&str> = b1
        .life
        .findings
        .iter()
        .map(|f| f.message_en.as_str())
        .collect();
    assert_eq!(missing.len(), 5, "{missing:?}");
    assert!(missing.contains(&"B1 held no branch committee meeting in 2026-03"));
    assert!(codes(&b1.life.findings).contains(&"LECTURER_MISSING"));
    // 2 excellent of 4 graded is more than 1/3.
    assert_eq!(codes(&b1.reviews[0].findings), ["EXCELLENT_QUOTA_EXCEEDED"]);
    // The group owes a meeting each month; it held January's.
    let p1 = section(&r, "P1");
    assert_eq!(
        codes(&p1.life.findings),
        ["MEETING_MISSING", "MEETING_MISSING"]
    );
    // The committee: 5 members but approved; its term (2022-06-30, 5 years) runs to 2027-06-30.
    let c1 = section(&r, "C1");
    assert!(c1.findings.is_empty());
    assert_eq!(c1.next_steps[0].due, Some(d("2027-06-30")));
}
