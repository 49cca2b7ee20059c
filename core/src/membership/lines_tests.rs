//! The JSON Lines outcomes: the good lines' reports are the document forms' reports, each with its line number;
//! a bad line is named by number, code and field, and never loses the others.

use super::*;
use crate::membership::{check_members, check_orgs_json};
use crate::Error;

const MEMBERS: &str = include_str!("../../../examples/data/members.json");
const MEMBER_LINES: &str = include_str!("../../../examples/data/members-lines.jsonl");
const ORG: &str = include_str!("../../../examples/data/org.json");
const ORG_LINES: &str = include_str!("../../../examples/data/orgs-lines.jsonl");

fn on() -> NaiveDate {
    "2026-11-20".parse().unwrap()
}

#[test]
fn member_lines_give_the_document_reports_with_their_lines() {
    let (p, c) = (Policy::bundled(), Calendar::official());
    let batch = check_members(&p, &c, MEMBERS, on()).unwrap();
    let o = check_members_lines_outcome(&p, &c, MEMBER_LINES.lines(), on()).unwrap();
    let reports: Vec<&MemberReport> = o.reports.iter().map(|r| &r.report).collect();
    assert_eq!(reports, batch.reports.iter().collect::<Vec<_>>());
    // The bad record is line 7: the six before keep lines 1–6, the six after lines 8–13.
    let lines: Vec<usize> = o.reports.iter().map(|r| r.line).collect();
    assert_eq!(lines, [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13]);
    assert_eq!(o.errors.len(), 1);
    let e = &o.errors[0];
    assert_eq!(
        (e.line, e.member_id.as_deref(), e.kind.as_str()),
        (7, Some("M99"), "invalid_input")
    );
    assert_eq!(
        (e.code.as_str(), e.field.as_str()),
        ("INVALID_RECORD_JSON", "events[0].kind")
    );
}

#[test]
fn member_lines_name_bad_meetings_duplicates_and_count_blank_lines() {
    let (p, c) = (Policy::bundled(), Calendar::official());
    let text = [
        r#"{"id":"A","name":"甲","birth_date":"2000-01-01","org":"B1"}"#,
        "",
        r#"{"meeting":{"id":"X","kind":"tea_party","date":"2026-01-05","org":"B1"}}"#,
        r#"{"id":"A","name":"甲","birth_date":"2000-01-01","org":"B1"}"#,
        "not json",
        r#"{"id":"B","name":"乙","birth_date":"2000-01-01","org":"B1"}"#,
    ]
    .join("\n");
    let o = check_members_lines_outcome(&p, &c, text.lines(), on()).unwrap();
    let good: Vec<(usize, &str)> = o
        .reports
        .iter()
        .map(|r| (r.line, r.report.member_id.as_str()))
        .collect();
    assert_eq!(good, [(1, "A"), (6, "B")]);
    let bad: Vec<(usize, &str)> = o.errors.iter().map(|e| (e.line, e.code.as_str())).collect();
    assert_eq!(
        bad,
        [
            (3, "INVALID_MEETING_JSON"),
            (4, "DUPLICATE_MEMBER"),
            (5, "INVALID_RECORD_JSON")
        ]
    );
    assert!(
        o.errors[0].field.starts_with("meeting"),
        "{:?}",
        o.errors[0]
    );
    assert_eq!(o.errors[1].field, "id");
}

#[test]
fn org_lines_give_each_bundle_its_own_report() {
    let p = Policy::bundled();
    let on: NaiveDate = "2026-03-31".parse().unwrap();
    let o = check_orgs_lines_outcome(&p, ORG_LINES.lines(), on).unwrap();
    assert_eq!(o.reports.iter().map(|r| r.line).collect::<Vec<_>>(), [1, 3]);
    let first = to_json(&o.reports[0].report).unwrap();
    assert_eq!(first, check_orgs_json(&p, ORG, "2026-03-31").unwrap());
    // Line 3 is the same committee under fresh ids: the same findings, on its own organizations (sections by id).
    let (a, b) = (&o.reports[0].report, &o.reports[1].report);
    assert_eq!(a.findings.len(), b.findings.len());
    let ids: Vec<&str> = b.orgs.iter().map(|s| s.org.as_str()).collect();
    assert_eq!(ids, ["B03", "B04", "C02", "G31"]);
    assert_eq!(o.errors.len(), 1);
    let e = &o.errors[0];
    assert_eq!(
        (e.line, e.code.as_str(), e.field.as_str()),
        (2, "INVALID_ORG_JSON", "orgs[0].kind")
    );
}

#[test]
fn json_forms_round_trip_and_refuse_a_bad_date() {
    let (p, c) = (Policy::bundled(), Calendar::official());
    let out = check_members_lines_json(&p, &c, MEMBER_LINES, "2026-11-20").unwrap();
    let back: LinesOutcome<MemberReport> = serde_json::from_str(&out).unwrap();
    assert_eq!(
        back,
        check_members_lines_outcome(&p, &c, MEMBER_LINES.lines(), on()).unwrap()
    );
    let out = check_orgs_lines_json(&p, ORG_LINES, "2026-03-31").unwrap();
    let back: LinesOutcome<OrgReport> = serde_json::from_str(&out).unwrap();
    assert_eq!((back.reports.len(), back.errors.len()), (2, 1));
    for e in [
        check_members_lines_json(&p, &c, MEMBER_LINES, "2026-13-01").unwrap_err(),
        check_orgs_lines_json(&p, ORG_LINES, "soon").unwrap_err(),
    ] {
        assert!(matches!(e, Error::InvalidInput(_)));
        assert_eq!(
            (e.code(), e.detail().field.as_str()),
            ("INVALID_DATE", "on")
        );
    }
    // Empty input: nothing to answer, not an error.
    let empty = check_orgs_lines_json(&p, "", "2026-03-31").unwrap();
    assert_eq!(empty, r#"{"reports":[],"errors":[]}"#);
}
