//! 三会一课 compliance: whole calendar periods inside the range, the meeting's day deciding its period, and which
//! obligations fall on which organization (支部工作条例 第十八条–第二十条).

use super::*;
use crate::membership::org_fixtures::{codes, d, doc, full, member, policy};
use crate::membership::OrgDocument;

fn meeting(id: &str, kind: &str, date: &str, org: &str) -> Meeting {
    serde_json::from_value(serde_json::json!({"id": id, "kind": kind, "date": date, "org": org}))
        .unwrap()
}

fn with_committee(mut doc: OrgDocument, org: &str) -> OrgDocument {
    doc.details.push(
        serde_json::from_value(
            serde_json::json!({"org": org, "committee": {"elected_on": "2025-01-10", "size": 3}}),
        )
        .unwrap(),
    );
    doc
}

fn run(doc: &OrgDocument, org: &str, from: &str, to: &str) -> LifeReport {
    compliance(&policy(), doc, org, d(from), d(to)).unwrap()
}

fn rule(r: &LifeReport, kind: MeetingKind) -> &RuleCompliance {
    r.rules.iter().find(|x| x.meeting == kind).unwrap()
}

#[test]
fn a_monthly_committee_meeting_counts_for_the_month_of_its_day() {
    let mut doc = with_committee(doc(vec![]), "B2");
    doc.meetings
        .push(meeting("A", "branch_committee", "2026-03-31", "B2"));
    doc.meetings
        .push(meeting("B", "branch_committee", "2026-04-01", "B2"));
    let r = run(&doc, "B2", "2026-03-01", "2026-04-30");
    let c = rule(&r, MeetingKind::BranchCommittee);
    assert_eq!(
        (c.held.clone(), c.missing.clone()),
        (vec!["2026-03".to_owned(), "2026-04".to_owned()], vec![])
    );
    assert_eq!(c.citation.article, "第十八条");
    doc.meetings.pop();
    let r = run(&doc, "B2", "2026-03-01", "2026-04-30");
    assert_eq!(rule(&r, MeetingKind::BranchCommittee).missing, ["2026-04"]);
    let f = r
        .findings
        .iter()
        .find(|f| f.code == "MEETING_MISSING" && f.message_en.contains("branch committee"))
        .unwrap();
    assert!(f.message_en.contains("2026-04") && f.message_zh.contains("支部委员会会议"));
    assert_eq!(f.severity, crate::Severity::Violation);
    assert_eq!(f.citation.as_ref().unwrap().article, "第十八条");
}

#[test]
fn a_quarterly_meeting_on_the_last_day_of_march_counts_for_the_first_quarter() {
    let mut doc = doc(vec![]);
    doc.meetings
        .push(meeting("A", "general_meeting", "2026-03-31", "B2"));
    let r = run(&doc, "B2", "2026-01-01", "2026-06-30");
    let g = rule(&r, MeetingKind::GeneralMeeting);
    assert_eq!(g.held, ["2026-Q1"]);
    assert_eq!(g.missing, ["2026-Q2"]);
    doc.meetings[0].date = d("2026-04-01");
    let r = run(&doc, "B2", "2026-01-01", "2026-06-30");
    assert_eq!(rule(&r, MeetingKind::GeneralMeeting).held, ["2026-Q2"]);
}

#[test]
fn only_whole_periods_ended_by_the_last_day_are_assessed() {
    let doc = doc(vec![]);
    let theme = |from, to| {
        rule(&run(&doc, "B2", from, to), MeetingKind::ThemeDay)
            .missing
            .clone()
    };
    assert_eq!(theme("2026-03-01", "2026-03-30"), Vec::<String>::new());
    assert_eq!(theme("2026-03-01", "2026-03-31"), ["2026-03"]);
    assert_eq!(theme("2026-03-02", "2026-04-30"), ["2026-04"]);
    let annual = run(&doc, "B2", "2025-01-01", "2026-03-31");
    assert_eq!(rule(&annual, MeetingKind::LifeMeeting).missing, ["2025"]);
    assert_eq!(
        rule(&annual, MeetingKind::PartyLecture).missing,
        ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"]
    );
}

#[test]
fn obligations_follow_the_kind_of_organization() {
    let doc = with_committee(doc(vec![]), "B1");
    let kinds = |org| {
        run(&doc, org, "2026-01-01", "2026-03-31")
            .rules
            .iter()
            .map(|r| r.meeting)
            .collect::<Vec<_>>()
    };
    use MeetingKind::*;
    assert_eq!(
        kinds("B1"),
        [
            GeneralMeeting,
            BranchCommittee,
            PartyLecture,
            ThemeDay,
            LifeMeeting,
            DemocraticReview
        ]
    );
    assert_eq!(
        kinds("B2"),
        [
            GeneralMeeting,
            PartyLecture,
            ThemeDay,
            LifeMeeting,
            DemocraticReview
        ]
    ); // a secretary only
    assert_eq!(kinds("P1"), [GroupMeeting]);
    assert!(kinds("G1").is_empty() && kinds("C1").is_empty());
}

#[test]
fn group_meetings_are_reported_under_the_group() {
    let mut doc = doc(vec![]);
    doc.meetings
        .push(meeting("A", "group_meeting", "2026-01-15", "P1"));
    doc.meetings
        .push(meeting("B", "group_meeting", "2026-02-15", "B1")); // held by the branch: not the group's
    let r = run(&doc, "P1", "2026-01-01", "2026-03-31");
    let g = rule(&r, MeetingKind::GroupMeeting);
    assert_eq!(
        (g.held.clone(), g.missing.clone()),
        (
            vec!["2026-01".to_owned()],
            vec!["2026-02".to_owned(), "2026-03".to_owned()]
        )
    );
}

#[test]
fn a_review_round_counts_as_the_years_democratic_review() {
    let mut doc = doc(vec![]);
    doc.reviews.push(
        serde_json::from_value(serde_json::json!({"org":"B2","year":2025,"date":"2025-12-20"}))
            .unwrap(),
    );
    let r = run(&doc, "B2", "2025-01-01", "2025-12-31");
    assert_eq!(rule(&r, MeetingKind::DemocraticReview).held, ["2025"]);
}

#[test]
fn a_party_lecture_needs_a_lecturer() {
    let mut doc = doc(vec![]);
    doc.meetings
        .push(meeting("A", "party_lecture", "2026-02-10", "B2"));
    let r = run(&doc, "B2", "2026-01-01", "2026-03-31");
    assert_eq!(rule(&r, MeetingKind::PartyLecture).held, ["2026-Q1"]);
    let f = r
        .findings
        .iter()
        .find(|f| f.code == "LECTURER_MISSING")
        .unwrap();
    assert_eq!(f.severity, crate::Severity::Warning);
    assert!(f.citation.is_some());
    doc.meetings[0].lecturer = Some("书记 王五".into());
    assert!(
        !codes(&run(&doc, "B2", "2026-01-01", "2026-03-31").findings).contains(&"LECTURER_MISSING")
    );
}

#[test]
fn attendance_counts_the_meetings_of_the_members_org_and_its_branch() {
    let mut doc = with_committee(
        doc(vec![
            full("A", "P1"),
            full("B", "B1"),
            member("N", "B1", "probationary", "2026-02-01"),
        ]),
        "B1",
    );
    let mut m = |id: &str, kind: &str, date: &str, org: &str, present: &[&str], leave: &[&str]| {
        let mut x = meeting(id, kind, date, org);
        x.attendees = present.iter().map(|s| (*s).to_owned()).collect();
        x.absent_with_leave = leave.iter().map(|s| (*s).to_owned()).collect();
        doc.meetings.push(x);
    };
    m("G1", "group_meeting", "2026-01-10", "P1", &["A"], &[]);
    m("T1", "theme_day", "2026-01-20", "B1", &["B"], &["A"]);
    m("C1", "branch_committee", "2026-01-25", "B1", &["B"], &[]); // committee members only: nobody is expected
    m("T2", "theme_day", "2026-02-20", "B1", &["A", "B", "N"], &[]);
    m("T3", "theme_day", "2026-03-20", "B1", &["A"], &[]); // B and N not listed: without leave
    m("X", "theme_day", "2026-03-20", "B2", &["A"], &[]); // another branch
    let r = run(&doc, "B1", "2026-01-01", "2026-03-31");
    let a = |id: &str| {
        r.attendance
            .iter()
            .find(|a| a.member == id)
            .unwrap()
            .clone()
    };
    let a_ = a("A");
    assert_eq!(
        (a_.expected, a_.attended, a_.with_leave, a_.without_leave),
        (4, 3, 1, 0)
    );
    assert_eq!(a_.rate.unwrap().to_string(), "0.75");
    let b = a("B");
    assert_eq!(
        (b.expected, b.attended, b.with_leave, b.without_leave),
        (3, 2, 0, 1)
    );
    assert_eq!(b.rate.unwrap().to_string(), "0.67");
    let n = a("N"); // a member from 2026-02-01: January's meetings are not expected of them
    assert_eq!((n.expected, n.attended, n.without_leave), (2, 1, 1));
    // The group's report covers only its own member and its own and the branch's meetings.
    let g = run(&doc, "P1", "2026-01-01", "2026-03-31");
    assert_eq!(g.attendance.len(), 1);
    assert_eq!(g.attendance[0].expected, 4);
    assert_eq!(g.attendance[0].rate.unwrap().to_string(), "0.75");
    let all: Vec<String> = r
        .attendance
        .iter()
        .map(|a| a.rate.unwrap().to_string())
        .collect();
    assert_eq!(all, ["0.75", "0.67", "0.50"]);
    // A general branch or committee lists no attendance of its own.
    assert!(run(&doc, "G1", "2026-01-01", "2026-03-31")
        .attendance
        .is_empty());
}

#[test]
fn bad_arguments_are_input_errors() {
    let doc = doc(vec![]);
    let e = compliance(&policy(), &doc, "X", d("2026-01-01"), d("2026-03-31")).unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("UNKNOWN_ORG", "org")
    );
    let e = compliance(&policy(), &doc, "B1", d("2026-03-31"), d("2026-03-30")).unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("INVALID_PERIOD", "to")
    );
    let e = compliance(&policy(), &doc, "B1", d("2018-01-01"), d("2018-03-31")).unwrap_err();
    assert_eq!(e.code(), "NO_POLICY_IN_FORCE");
}
