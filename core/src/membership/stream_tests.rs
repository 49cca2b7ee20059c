//! The JSON Lines forms answer exactly as the document forms do, line by line.

use super::*;
use crate::membership::{check_members, check_orgs_json};

const MEMBERS: &str = include_str!("../../../examples/data/members.json");
const ORG: &str = include_str!("../../../examples/data/org.json");

fn on() -> NaiveDate {
    "2026-11-20".parse().unwrap()
}

/// The members document as lines: records, then meetings and ledgers wrapped.
fn as_lines(doc: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(doc).unwrap();
    let (members, meetings, ledgers) = match &v {
        serde_json::Value::Array(a) => (a.clone(), vec![], vec![]),
        o => (
            o["members"].as_array().unwrap().clone(),
            o.get("meetings")
                .and_then(|m| m.as_array())
                .cloned()
                .unwrap_or_default(),
            o.get("ledgers")
                .and_then(|m| m.as_array())
                .cloned()
                .unwrap_or_default(),
        ),
    };
    let mut out: Vec<String> = members.iter().map(|m| m.to_string()).collect();
    // Meetings and ledgers may come first: the roster is read whole before any check.
    let mut front: Vec<String> = meetings
        .iter()
        .map(|m| serde_json::json!({ "meeting": m }).to_string())
        .collect();
    front.extend(
        ledgers
            .iter()
            .map(|l| serde_json::json!({ "ledger": l }).to_string()),
    );
    front.append(&mut out);
    front
}

#[test]
fn member_lines_give_the_document_reports() {
    let (p, c) = (Policy::bundled(), Calendar::official());
    let batch = check_members(&p, &c, MEMBERS, on()).unwrap();
    let lines = as_lines(MEMBERS);
    let mut out = Vec::new();
    let s = check_members_lines(&p, &c, lines.iter().map(String::as_str), on(), |a| {
        out.push(a.to_json_line().unwrap())
    })
    .unwrap();
    assert_eq!(s.reports, batch.reports.len());
    let reports: Vec<String> = batch.reports.iter().map(|r| to_json(r).unwrap()).collect();
    let got: Vec<&String> = out
        .iter()
        .filter(|l| !l.starts_with(r#"{"error""#))
        .collect();
    assert_eq!(got.len(), reports.len());
    for (g, r) in got.iter().zip(&reports) {
        assert_eq!(*g, r);
    }
}

#[test]
fn bad_lines_are_errors_in_place_and_the_rest_is_checked() {
    let (p, c) = (Policy::bundled(), Calendar::official());
    let good = r#"{"id":"A","name":"甲","birth_date":"2000-01-01","org":"B1"}"#;
    let lines = [
        "not json",
        good,
        "",
        good,
        r#"{"meeting":{"id":"MT1","kind":"picnic","date":"2026-01-05","org":"B1"}}"#,
        r#"{"ledger":{"member_id":"A"}}"#,
    ];
    let mut out = Vec::new();
    let s =
        check_members_lines(&p, &c, lines, on(), |a| out.push(a.to_json_line().unwrap())).unwrap();
    assert_eq!((s.reports, s.errors), (1, 4));
    let codes: Vec<(u64, String)> = out
        .iter()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let e = v.get("error")?;
            Some((
                e["index"].as_u64().unwrap(),
                e["code"].as_str().unwrap().to_owned(),
            ))
        })
        .collect();
    assert_eq!(
        codes,
        [
            (0, "INVALID_RECORD_JSON".to_owned()),
            (3, "DUPLICATE_MEMBER".to_owned()),
            (4, "INVALID_MEETING_JSON".to_owned()),
            (5, "INVALID_LEDGER_JSON".to_owned()),
        ]
    );
    assert!(out[1].starts_with(r#"{"member_id":"A""#));
}

#[test]
fn org_lines_give_the_document_report_per_bundle() {
    let p = Policy::bundled();
    let one: String = serde_json::from_str::<serde_json::Value>(ORG)
        .unwrap()
        .to_string();
    let expect = check_orgs_json(&p, ORG, "2026-03-31").unwrap();
    let text = format!("{one}\n\n{{\"orgs\":[]}}\n{one}\n");
    let out = check_orgs_jsonl(&p, &text, "2026-03-31").unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0], expect);
    assert_eq!(lines[2], expect);
    assert!(lines[1].starts_with(r#"{"on":"2026-03-31""#));
    let bad = check_orgs_jsonl(
        &p,
        "{\"orgs\":[{\"id\":\"B1\",\"kind\":\"branch\"}],\"x\":1}\n",
        "2026-03-31",
    )
    .unwrap();
    assert!(bad.starts_with(r#"{"error":{"index":0"#) && bad.contains("INVALID_ORG_JSON"));
    assert_eq!(
        check_orgs_jsonl(&p, "", "2026-02-30").unwrap_err().code(),
        "INVALID_DATE"
    );
}
