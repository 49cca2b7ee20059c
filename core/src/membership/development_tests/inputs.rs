//! Input errors: order, impossible dates, vote counts, the identity number.

use super::*;

fn error(r: &crate::membership::MemberRecord, on: &str) -> (String, String) {
    fault(&run(r, on).unwrap_err())
}

#[test]
fn events_in_order_and_after_birth() {
    let r = member(&[
        ("application", "2024-02-01", Value::Null),
        ("talk", "2024-01-31", Value::Null),
    ]);
    assert_eq!(
        error(&r, "2024-03-01"),
        pair("EVENT_OUT_OF_ORDER", "events[1].date")
    );
    // The same day keeps its order.
    let r = member(&[
        ("application", "2024-02-01", Value::Null),
        ("talk", "2024-02-01", Value::Null),
    ]);
    assert!(run(&r, "2024-03-01").is_ok());
    let r = member(&[("application", "2000-02-29", Value::Null)]); // born 2000-03-01
    assert_eq!(
        error(&r, "2024-03-01"),
        pair("IMPOSSIBLE_DATE", "events[0].date")
    );
    assert_eq!(
        error(&member(&[]), "2000-02-29"),
        pair("IMPOSSIBLE_DATE", "birth_date")
    );
    assert!(run(&member(&[]), "2000-03-01").is_ok());
}

fn vote(v: Value) -> crate::membership::MemberRecord {
    let rows = with(&happy(), "branch_vote", "2023-06-10", json!({"vote": v}));
    member(&until(&rows, "branch_vote"))
}

#[test]
fn impossible_vote_counts() {
    let e = |v| error(&vote(v), "2023-06-10");
    let at = |f: &str| format!("events[13].vote.{f}");
    assert_eq!(
        e(json!({"entitled": 20, "present": 21, "yes": 14, "no": 0, "abstain": 0})),
        pair("VOTE_PRESENT_EXCEEDS_ENTITLED", &at("present"))
    );
    assert_eq!(
        e(json!({"entitled": 20, "present": 15, "yes": 14, "no": 1, "abstain": 1})),
        pair("VOTE_COUNT_EXCEEDS_PRESENT", &at("yes"))
    );
    assert_eq!(
        e(json!({"entitled": 20, "present": 15, "yes": 15, "no": 1, "abstain": 0, "written": 6})),
        pair("VOTE_WRITTEN_EXCEEDS_ABSENT", &at("written"))
    );
    // At the limits: all present; all absent members writing in.
    assert!(run(
        &vote(json!({"entitled": 20, "present": 20, "yes": 20, "no": 0, "abstain": 0})),
        "2023-06-10"
    )
    .is_ok());
    assert!(run(
        &vote(
            json!({"entitled": 20, "present": 15, "yes": 20, "no": 0, "abstain": 0, "written": 5})
        ),
        "2023-06-10"
    )
    .is_ok());
}

#[test]
fn the_identity_number_is_checked() {
    // 110105200003010012: 7+9+0+5+0+20 + 2·2 + 0 + 0 + 0 + 0·7 + 3·9 + 0 + 1·5 + 0 + 0 + 1·2 = 79; 79 mod 11 = 2 → 'X'.
    let mut r = member(&[]);
    r.id_number = Some("11010520000301001X".to_owned());
    assert!(run(&r, "2024-01-01").is_ok());
    r.id_number = Some("110105200003010012".to_owned());
    assert_eq!(
        error(&r, "2024-01-01"),
        pair("INVALID_ID_NUMBER", "id_number")
    );
    r.id_number = Some("11010519491231002X".to_owned());
    assert_eq!(
        error(&r, "2024-01-01"),
        pair("ID_BIRTH_DATE_MISMATCH", "id_number")
    );
}

#[test]
fn events_after_the_day_asked_are_ignored() {
    let r = member(&happy());
    let report = run(&r, "2023-03-01").unwrap();
    assert_eq!(report.stage, Stage::DevelopmentTarget);
    assert!(report.findings.is_empty());
}
