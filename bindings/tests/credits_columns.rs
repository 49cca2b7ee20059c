//! `CreditsScorer.ingest_columns`: the same answers as the same events as JSON, malformed batches refused whole.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use dangjian_ffi::credits::*;
use dangjian_ffi::DangjianError;

/// 2026-03-02T07:00:00+08:00 in ns since the epoch (23:00 UTC the day before).
const T0: i64 = 1_772_406_000_000_000_000;

fn batch() -> CreditsColumns {
    CreditsColumns {
        event_id_bytes: "r1r2".into(),
        event_id_offsets: vec![0, 2, 4],
        member_ids: vec!["M1".into()],
        members: vec![0, 0],
        activity_codes: vec!["reading_time".into()],
        activities: vec![0, 0],
        occurred_at_ns: vec![T0, T0 + 600_000_000_000],
        duration_seconds: vec![Some(300), Some(150)],
        ..CreditsColumns::default()
    }
}

const SAME_AS_JSON: &str = r#"[
    {"event_id":"r1","member_id":"M1","activity":"reading_time","occurred_at":"2026-03-02T07:00:00+08:00","duration_seconds":300},
    {"event_id":"r2","member_id":"M1","activity":"reading_time","occurred_at":"2026-03-02T07:10:00+08:00","duration_seconds":150}]"#;

fn scorer() -> std::sync::Arc<CreditsScorer> {
    CreditsScorer::new(&CreditsScheme::learning_platform()).unwrap()
}

#[test]
fn columns_give_what_the_same_events_as_json_give() {
    let (by_cols, by_json) = (scorer(), scorer());
    let cols = by_cols.ingest_columns(batch()).unwrap();
    assert_eq!(cols, by_json.ingest_json(SAME_AS_JSON.into()).unwrap());
    let out: serde_json::Value = serde_json::from_str(&cols).unwrap();
    // Reading time (2022 rules): 1 point a full minute, at most 6 a day; 5 minutes → 5, then 2½
    // minutes → 2, of which 1 is left under the cap.
    assert_eq!(out["changed"][0]["points"], 5);
    assert_eq!(out["changed"][1]["points"], 1);
    assert_eq!(out["changed"][1]["raw_points"], 2);
    assert_eq!(
        by_cols.ledger_json().unwrap(),
        by_json.ledger_json().unwrap()
    );
    // Sent again: duplicates, as with ingest_json.
    let again: serde_json::Value =
        serde_json::from_str(&by_cols.ingest_columns(batch()).unwrap()).unwrap();
    assert_eq!(again["duplicates"], serde_json::json!(["r1", "r2"]));
}

#[test]
fn offsets_not_ending_at_the_blob_are_invalid_columns_and_change_nothing() {
    let s = scorer();
    let bad = CreditsColumns {
        event_id_offsets: vec![0, 2, 5],
        ..batch()
    };
    match s.ingest_columns(bad) {
        Err(DangjianError::InvalidInput { code, field, .. }) => {
            assert_eq!(
                (code.as_str(), field.as_str()),
                ("INVALID_COLUMNS", "event_id_offsets")
            );
        }
        other => panic!("expected INVALID_COLUMNS, got {other:?}"),
    }
    assert!(s.is_empty().unwrap());
}
