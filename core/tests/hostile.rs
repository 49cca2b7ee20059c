//! Hostile input (issue 16): each defect found by hand on the JSON and typed entry points, as a regression.
//! Every case ends in a coded error naming the field, or in the good records kept — never a panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use dangjian::credits::{Scheme, Scorer};
use dangjian::dues::{self, Period};
use dangjian::Policy;

/// A ledger report document with one month owing `due` and one voluntary payment of `voluntary`.
fn report(due: &str, voluntary: &str) -> String {
    format!(
        r#"{{"member_id":"M1","as_of":"2026-12-31","total_due":"0","total_paid":"0","outstanding":"0",
        "months":[{{"month":"2026-01","due":"{due}","paid":"0","outstanding":"{due}"}}],"arrears":[],
        "voluntary_total":"0","voluntary_payments":[{{"paid_on":"2026-02-01","amount":"{voluntary}","remitted":true}}],
        "remitted_to_centre":"0","unallocated":"0","findings":[]}}"#
    )
}

const MAX: &str = "79228162514264337593543950335"; // Decimal::MAX

#[test]
fn summarize_json_overflow_is_a_coded_error_naming_the_sum() {
    let big = report(MAX, "0");
    let e = dues::summarize_json(&format!("[{big},{big}]"), r#"{"year":2026}"#).unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("ARITHMETIC_OVERFLOW", "[1].months[0].due")
    );
    let vol = report("0", MAX);
    let e = dues::summarize_json(&format!("[{vol},{vol}]"), r#"{"year":2026}"#).unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("ARITHMETIC_OVERFLOW", "[1].voluntary_payments[0].amount")
    );
    // One below the edge: the same two reports whose sum fits are summed.
    let half = "39614081257132168796771975167"; // ⌊MAX / 2⌋
    let ok = report(half, "0");
    let out = dues::summarize_json(&format!("[{ok},{ok}]"), r#"{"year":2026}"#).unwrap();
    assert!(
        out.contains(r#""due":"79228162514264337593543950334""#),
        "{out}"
    );
}

#[test]
fn summarize_typed_overflow_and_a_month_outside_the_period_not_added() {
    let r: dues::LedgerReport = serde_json::from_str(&report(MAX, "0")).unwrap();
    let e = dues::summarize(&[r.clone(), r.clone()], Period::Year(2026)).unwrap_err();
    assert_eq!(e.code(), "ARITHMETIC_OVERFLOW");
    // The same reports for another year add nothing, so nothing overflows.
    let s = dues::summarize(&[r.clone(), r], Period::Year(2025)).unwrap();
    assert_eq!(s.members, 0);
}

#[test]
fn scorer_capacity_is_checked_before_allocating() {
    for (events, members, field) in [
        (usize::MAX, 0, "events"),
        (1usize << 40, 0, "events"), // 1 T events: beyond the id table's limit, never a 4 TB allocation
        (0, usize::MAX, "members"),
        (0, 1usize << 33, "members"),
    ] {
        let e = Scorer::with_capacity(Scheme::learning_platform(), events, members).unwrap_err();
        assert_eq!(
            (e.code(), e.detail().field.as_str()),
            ("CAPACITY_OUT_OF_RANGE", field),
            "{events} {members}"
        );
    }
    let s = Scorer::with_capacity(Scheme::learning_platform(), 10_000, 100).unwrap();
    assert!(s.is_empty());
}

fn assess_error(amount: &str) -> (String, String) {
    let json = format!(
        r#"{{"member_id":"X","category":"retired","incomes":[{{"items":[{{"code":"pension","amount":"{amount}"}}]}}]}}"#
    );
    let e = dues::assess_json(&Policy::bundled(), &json, "2026-01", false).unwrap_err();
    (e.code().to_owned(), e.detail().field.clone())
}

#[test]
fn amounts_follow_one_strict_grammar() {
    let at = "incomes[0].items[0].amount";
    for bad in [
        "1_000", "+100", "1e3", " 100", "100 ", "0x10", "1.", ".5", "",
    ] {
        assert_eq!(
            assess_error(bad),
            ("INVALID_MEMBER_JSON".into(), at.into()),
            "{bad:?}"
        );
    }
    // 30 decimals were rounded to 28 and then accepted: now refused, never rounded.
    for bad in [
        "1.000000000000000000000000000001",
        "0.100000000000000000000000000001",
        "1.001",
    ] {
        assert_eq!(
            assess_error(bad),
            ("TOO_MANY_DECIMALS".into(), at.into()),
            "{bad}"
        );
    }
    assert_eq!(
        assess_error("100000000000000000000000000000000"),
        ("AMOUNT_TOO_LARGE".into(), at.into())
    );
    // Trailing zeros change nothing and are not rounding: 3000.000 is 3000.00.
    let ok = r#"{"member_id":"X","category":"retired","incomes":[{"items":[{"code":"pension","amount":"3000.000"}]}]}"#;
    assert!(dues::assess_json(&Policy::bundled(), ok, "2026-01", false).is_ok());
}

#[test]
fn ledger_amounts_follow_the_grammar_too() {
    let ledger = |amount: &str| {
        format!(
            r#"{{"member_id":"L","obligations":[{{"month":"2026-01","amount":"{amount}"}}],"payments":[]}}"#
        )
    };
    let e =
        dues::evaluate_ledger_json(&Policy::bundled(), &ledger("+10"), "2026-03-31").unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("INVALID_LEDGER_JSON", "obligations[0].amount")
    );
    let e = dues::evaluate_ledger_json(
        &Policy::bundled(),
        &ledger("10.0000000000000000000000000000001"),
        "2026-03-31",
    )
    .unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("TOO_MANY_DECIMALS", "obligations[0].amount")
    );
}

fn farmer(monthly: &str, min: &str, max: &str) -> String {
    format!(
        r#"{{"schema_version":1,"dues":{{"farmer_monthly":[{{"effective_from":"2024-01-01",
        "citation":{{"regulation":"某省","article":"第五条"}},"value":{{"monthly":"{monthly}","min":"{min}","max":"{max}"}}}}]}}}}"#
    )
}

#[test]
fn policy_amounts_are_bounded() {
    let p = Policy::bundled();
    let e = p
        .with_overrides_json(&farmer("1e28", "0.2", "1e28"))
        .unwrap_err();
    assert_eq!(e.kind(), "policy");
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        (
            "INVALID_POLICY_JSON",
            "dues.farmer_monthly[0].value.monthly"
        )
    );
    let big = "10000000000000000000000000000";
    let e = p.with_overrides_json(&farmer(big, "0.2", big)).unwrap_err();
    assert_eq!(e.kind(), "policy");
    assert_eq!(e.code(), "AMOUNT_TOO_LARGE");
    assert!(e.detail().field.ends_with(".max"), "{}", e.detail().field);
    let e = p
        .with_overrides_json(&farmer("0.505", "0.2", "1.0"))
        .unwrap_err();
    assert_eq!(e.code(), "TOO_MANY_DECIMALS");
    // The edge itself: one trillion yuan is accepted, a fen more is not.
    assert!(p
        .with_overrides_json(&farmer("1.00", "0.2", "1000000000000"))
        .is_ok());
    assert_eq!(
        p.with_overrides_json(&farmer("1.00", "0.2", "1000000000000.01"))
            .unwrap_err()
            .code(),
        "AMOUNT_TOO_LARGE"
    );
}

#[test]
fn member_check_keeps_the_roster_when_one_meeting_has_a_bad_date() {
    use dangjian::{membership, Calendar};
    let doc = r#"{"members":[
        {"id":"A","name":"甲","birth_date":"2000-01-01","org":"B1"},
        {"id":"B","name":"乙","birth_date":"2000-01-01","org":"B1","events":[{"kind":"application","date":"2026-01-10"}]}],
      "meetings":[
        {"id":"MT1","kind":"branch_committee","date":"2026-01-07","org":"B1","attendees":["A"]},
        {"id":"MT2","kind":"branch_committee","date":"2026-02-30","org":"B1","attendees":["A"]}],
      "ledgers":[{"member_id":"A","obligations":[{"month":"2026-01","amount":"+1"}],"payments":[]}]}"#;
    let b = membership::check_members(
        &Policy::bundled(),
        &Calendar::official(),
        doc,
        "2026-03-01".parse().unwrap(),
    )
    .unwrap();
    let ids: Vec<&str> = b.reports.iter().map(|r| r.member_id.as_str()).collect();
    assert_eq!(ids, ["A", "B"], "every member checked");
    let errs: Vec<(usize, &str, &str, Option<&str>)> = b
        .errors
        .iter()
        .map(|e| {
            (
                e.index,
                e.code.as_str(),
                e.field.as_str(),
                e.member_id.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        errs,
        [
            (1, "INVALID_MEETING_JSON", "meetings[1].date", Some("MT2")),
            (
                0,
                "INVALID_LEDGER_JSON",
                "ledgers[0].obligations[0].amount",
                Some("A")
            ),
        ]
    );
    // A document that is neither an array nor the members document is still the whole input's error.
    let e = membership::check_members(
        &Policy::bundled(),
        &Calendar::official(),
        r#"{"people":[]}"#,
        "2026-03-01".parse().unwrap(),
    )
    .unwrap_err();
    assert_eq!(e.code(), "INVALID_RECORD_JSON");
}

#[test]
fn credits_ids_are_non_empty_trimmed_and_bounded() {
    use dangjian::credits::score_json;
    let event = |id: &str, member: &str| {
        format!(
            r#"{{"event_id":{},"member_id":{},"activity":"login","occurred_at":"2026-03-02T07:00:00+08:00"}}"#,
            serde_json::to_string(id).unwrap(),
            serde_json::to_string(member).unwrap()
        )
    };
    let long = "e".repeat(257);
    let input = format!(
        r#"{{"events":[{},{},{},{},{},{}]}}"#,
        event("ok1", "M1"),
        event("", "M2"),
        event("e3", ""),
        event(" e4", "M4"),
        event(&long, "M5"),
        event("e\u{0}6", "M6"),
    );
    let out: serde_json::Value =
        serde_json::from_str(&score_json(&Scheme::learning_platform(), &input, false).unwrap())
            .unwrap();
    let errs: Vec<(u64, &str, &str)> = out["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["index"].as_u64().unwrap(),
                e["code"].as_str().unwrap(),
                e["field"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        errs,
        [
            (1, "INVALID_ID", "event_id"),
            (2, "INVALID_ID", "member_id"),
            (3, "INVALID_ID", "event_id"),
            (4, "INVALID_ID", "event_id"),
            (5, "INVALID_ID", "event_id"),
        ]
    );
    assert_eq!(out["entries"].as_array().unwrap().len(), 1);
}

#[test]
fn a_leap_second_is_held_within_its_day_and_year() {
    use dangjian::credits::score_json;
    let input = r#"{"events":[{"event_id":"l1","member_id":"M1","activity":"login","occurred_at":"2026-12-31T23:59:60+08:00"}]}"#;
    let out: serde_json::Value =
        serde_json::from_str(&score_json(&Scheme::learning_platform(), input, false).unwrap())
            .unwrap();
    assert_eq!(out["entries"][0]["day"], "2026-12-31", "{out}");
    let periods: Vec<&str> = out["totals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["period"].as_str().unwrap())
        .collect();
    assert!(
        periods.contains(&"2026") && !periods.contains(&"2027"),
        "{periods:?}"
    );
}

#[test]
fn a_jsonl_line_past_the_bound_is_refused_alone_with_its_line_number() {
    use dangjian::credits::{score_jsonl_bytes, Scheme, MAX_LINE_LEN};
    let login = |id: &str| {
        format!(
            r#"{{"event_id":"{id}","member_id":"M1","activity":"login","occurred_at":"2026-03-02T07:00:00+08:00"}}"#
        )
    };
    // A line of exactly MAX_LINE_LEN bytes is read (and is a bad event: its id is too long); one byte more is
    // refused unread. The good line after each is scored.
    let pad = |len: usize| {
        let head = r#"{"event_id":""#;
        let tail =
            r#"","member_id":"M1","activity":"login","occurred_at":"2026-03-02T07:00:00+08:00"}"#;
        format!("{head}{}{tail}", "x".repeat(len - head.len() - tail.len()))
    };
    let at_bound = format!("{}\n{}\n", pad(MAX_LINE_LEN), login("e1"));
    let out = score_jsonl_bytes(&Scheme::learning_platform(), at_bound.as_bytes(), false).unwrap();
    assert!(
        !out.contains("LINE_TOO_LONG"),
        "{}",
        &out[..out.len().min(400)]
    );
    assert!(out.contains(r#""event_id":"e1""#));
    let past = format!("{}\n{}\n", pad(MAX_LINE_LEN + 1), login("e2"));
    let out = score_jsonl_bytes(&Scheme::learning_platform(), past.as_bytes(), false).unwrap();
    assert!(
        out.contains("LINE_TOO_LONG") && out.contains(r#""line":1"#),
        "{}",
        &out[..out.len().min(400)]
    );
    assert!(out.contains(r#""event_id":"e2""#));
}
