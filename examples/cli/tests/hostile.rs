//! Hostile input on the `credits` command (issue 16): a bad line never loses the file, errors are capped.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use common::{run, stderr, stdout, tmp_in};

const GOOD: &str = r#"{"event_id":"g1","member_id":"DY1","activity":"login","occurred_at":"2026-03-02T07:00:00+08:00"}"#;
const GOOD2: &str = r#"{"event_id":"g2","member_id":"DY2","activity":"login","occurred_at":"2026-03-02T08:00:00+08:00"}"#;

fn credits_on(name: &str, bytes: &[u8]) -> std::process::Output {
    let path = tmp_in("hostile", name);
    std::fs::write(&path, bytes).unwrap();
    run(&[
        "credits",
        path.to_str().unwrap(),
        "--rules",
        "learning-platform",
        "--lang",
        "en",
    ])
}

#[test]
fn a_line_of_bad_utf8_is_reported_by_number_and_the_others_are_scored() {
    let mut bytes = Vec::new();
    bytes.extend(GOOD.as_bytes());
    bytes.extend(b"\n{\"event_id\":\"x\xff\xfe\",\"member_id\":\"DY3\"}\n");
    bytes.extend(GOOD2.as_bytes());
    bytes.push(b'\n');
    let out = credits_on("bad-utf8.jsonl", &bytes);
    assert_eq!(out.status.code(), Some(1), "some records refused");
    let err = stderr(&out);
    assert!(err.contains("line 2: INVALID_UTF8"), "{err}");
    let csv = stdout(&out);
    assert!(csv.contains("DY1") && csv.contains("DY2"), "{csv}");
}

#[test]
fn empty_and_control_character_ids_are_refused_and_shown_escaped() {
    let bad_empty = r#"{"event_id":"","member_id":"DY3","activity":"login","occurred_at":"2026-03-02T07:00:00+08:00"}"#;
    let bad_nul = r#"{"event_id":"e\u0000\u001b[2J","member_id":"DY4","activity":"login","occurred_at":"2026-03-02T07:00:00+08:00"}"#;
    let bad_member = r#"{"event_id":"e5","member_id":" DY5","activity":"login","occurred_at":"2026-03-02T07:00:00+08:00"}"#;
    let text = [GOOD, bad_empty, bad_nul, bad_member, GOOD2].join("\n");
    let out = credits_on("bad-ids.jsonl", text.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("line 2: INVALID_ID at event_id"), "{err}");
    assert!(err.contains("line 3 (e\\0\\u{1b}[2J): INVALID_ID"), "{err}");
    assert!(
        err.contains("line 4 (e5): INVALID_ID at member_id"),
        "{err}"
    );
    assert!(!err.contains('\0') && !err.contains('\u{1b}'), "{err:?}");
    let csv = stdout(&out);
    assert!(csv.contains("DY1") && csv.contains("DY2") && !csv.contains("DY5"));
}

#[test]
fn a_leap_second_stays_in_its_year() {
    let leap = r#"{"event_id":"l1","member_id":"DY9","activity":"login","occurred_at":"2026-12-31T23:59:60+08:00"}"#;
    let out = credits_on("leap.jsonl", leap.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.starts_with("2026-12-31: "), "{err}");
}

#[test]
fn errors_are_capped_at_fifty_then_counted() {
    let mut text = String::from(GOOD);
    for _ in 0..1000 {
        text.push_str("\nnot json");
    }
    text.push('\n');
    text.push_str(&"x".repeat(100_000)); // one line over the 64 KiB bound
    let out = credits_on("many-bad.jsonl", text.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.matches("error: line").count(), 50, "{err}");
    assert!(err.contains("… and 951 more bad lines"), "{err}");
    assert!(err.len() < 20_000, "{} bytes of errors", err.len());
    assert!(stdout(&out).contains("DY1"));
}
