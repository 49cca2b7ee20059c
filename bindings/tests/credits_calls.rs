//! The typed credits calls: the values the rules give, worked by hand (learning platform, 2022 rules: login
//! 1 point, at most 1 a China-time day; reading time 1 a full minute, at most 6 a day), the same documents as
//! the JSON calls for the same input, and an instant that cannot cross refused as the library's coded error.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use dangjian::credits::{Event, Offence, OrgMap, PeriodKind, Reason, Total};
use dangjian_ffi::credits::*;
use dangjian_ffi::entry_points::*;
use dangjian_ffi::DangjianError;
use serde_json::Value;
use uniffi::{Lift, Lower, RustBuffer};

fn ev(id: &str, member: &str, activity: &str, at: &str) -> Event {
    Event {
        event_id: id.into(),
        member_id: member.into(),
        activity: activity.into(),
        occurred_at: at.parse().unwrap(),
        content_id: None,
        duration_seconds: None,
        correct_answers: None,
        place: None,
        points: None,
    }
}

/// Logins of M1 around the China-time midnight between 2 and 3 March 2026, an unknown activity and five
/// minutes of reading by M2.
fn events() -> Vec<Event> {
    vec![
        ev("a", "M1", "login", "2026-03-02T08:00:00+08:00"),
        // 23:59:59 in Beijing, still 2 March: the day's one login point is taken.
        ev("b", "M1", "login", "2026-03-02T15:59:59Z"),
        // 00:00:00 in Beijing on 3 March: a new day.
        ev("c", "M1", "login", "2026-03-02T16:00:00Z"),
        ev("n", "M1", "nap", "2026-03-02T09:00:00+08:00"),
        Event {
            duration_seconds: Some(300),
            content_id: Some("A1".into()),
            ..ev("r", "M2", "reading_time", "2026-03-02T07:00:00+08:00")
        },
    ]
}

fn scorer() -> Arc<CreditsScorer> {
    CreditsScorer::new(&CreditsScheme::learning_platform()).unwrap()
}

fn value<T: serde::Serialize>(t: &T) -> Value {
    serde_json::to_value(t).unwrap()
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn ingest_scores_by_china_day_and_reports_refusals_in_place() {
    let s = scorer();
    let out = s.ingest(events()).unwrap();
    let got: Vec<_> = out
        .changed
        .iter()
        .map(|e| {
            (
                e.event_id.as_str(),
                e.day.to_string(),
                e.points,
                e.raw_points,
                e.reason,
            )
        })
        .collect();
    // Canonical order is by instant: r (23:00Z on 1 March), a (00:00Z), b (15:59:59Z), c (16:00Z).
    let want = [
        ("r", "2026-03-02", 5, 5, Reason::Scored),
        ("a", "2026-03-02", 1, 1, Reason::Scored),
        ("b", "2026-03-02", 0, 1, Reason::CapReached),
        ("c", "2026-03-03", 1, 1, Reason::Scored),
    ]
    .map(|(id, day, p, raw, r)| (id, day.to_owned(), p, raw, r));
    assert_eq!(got, want);
    let errors: Vec<_> = out
        .errors
        .iter()
        .map(|e| {
            (
                e.index,
                e.event_id.as_deref(),
                e.code.as_str(),
                e.field.as_str(),
            )
        })
        .collect();
    assert_eq!(errors, [(3, Some("n"), "UNKNOWN_ACTIVITY", "activity")]);
    assert!(out.duplicates.is_empty());
    assert_eq!(s.len().unwrap(), 4);
}

#[test]
fn typed_calls_give_the_json_calls_documents() {
    let (typed, by_json) = (scorer(), scorer());
    let doc = serde_json::to_string(&events()).unwrap();
    assert_eq!(
        value(&typed.ingest(events()).unwrap()),
        parse(&by_json.ingest_json(doc.clone()).unwrap())
    );
    // The same batch again: duplicates (the refused event stays an error).
    let again = typed.ingest(events()).unwrap();
    assert_eq!(again.duplicates, ["a", "b", "c", "r"]);
    assert_eq!(value(&again), parse(&by_json.ingest_json(doc).unwrap()));
    let ids = vec!["a".to_owned(), "nope".to_owned()];
    assert_eq!(
        value(&typed.void(ids.clone()).unwrap()),
        parse(&by_json.void_events(ids).unwrap())
    );
    let offence =
        r#"[{"offence_id":"o1","member_id":"M1","decided_at":"2026-03-03T07:00:00+08:00"}]"#;
    let offences: Vec<Offence> = serde_json::from_str(offence).unwrap();
    assert_eq!(
        value(&typed.record_offences(offences).unwrap()),
        parse(&by_json.record_offences_json(offence.into()).unwrap())
    );
    assert_eq!(
        value(&typed.ledger().unwrap()),
        parse(&by_json.ledger_json().unwrap())
    );
    assert_eq!(
        value(&typed.totals().unwrap()),
        parse(&by_json.totals_json().unwrap())
    );
    for id in ["a", "b", "c", "r", "zzz"] {
        let want = by_json
            .entry_json(id.into())
            .unwrap()
            .map_or(Value::Null, |t| parse(&t));
        assert_eq!(value(&typed.entry(id.into()).unwrap()), want, "entry {id}");
        let want = by_json
            .explain(id.into())
            .unwrap()
            .map_or(Value::Null, |t| parse(&t));
        assert_eq!(
            value(&typed.explanation(id.into()).unwrap()),
            want,
            "explanation {id}"
        );
    }
}

#[test]
fn a_void_frees_the_cap_and_an_offence_suspends() {
    let s = scorer();
    s.ingest(events()).unwrap();
    let out = s.void(vec!["a".into(), "nope".into()]).unwrap();
    let got: Vec<_> = out
        .changed
        .iter()
        .map(|e| (e.event_id.as_str(), e.points, e.reason))
        .collect();
    // a voided: b, the next login of 2 March in Beijing, now takes the day's point.
    assert_eq!(got, [("a", 0, Reason::Voided), ("b", 1, Reason::Scored)]);
    let e = out.errors.first().unwrap();
    assert_eq!(
        (e.index, e.code.as_str(), e.field.as_str()),
        (1, "UNKNOWN_EVENT", "event_id")
    );
    // A first offence on 3 March suspends M1 from that day (the 2022 ladder's first step): c scores 0.
    let o: Offence = serde_json::from_str(
        r#"{"offence_id":"o1","member_id":"M1","decided_at":"2026-03-03T00:00:00+08:00"}"#,
    )
    .unwrap();
    let out = s.record_offences(vec![o]).unwrap();
    let got: Vec<_> = out
        .changed
        .iter()
        .map(|e| (e.event_id.as_str(), e.points, e.reason))
        .collect();
    assert_eq!(got, [("c", 0, Reason::Suspended)]);
}

#[test]
fn the_typed_leaderboard_and_rating_match_their_json_twins() {
    let t = |m: &str, score| Total {
        member_id: m.into(),
        kind: PeriodKind::Year,
        period: "2026".into(),
        points: score,
        score,
    };
    let totals = vec![t("A", 95), t("B", 80), t("C", 80), t("D", 50)];
    let orgs: OrgMap =
        serde_json::from_str(r#"{"member_org":{"A":"b1","B":"b1","C":"b2","D":"b3"},"parent":{"b1":"root","b2":"root"}}"#)
            .unwrap();
    let board = credits_leaderboard(
        totals.clone(),
        orgs.clone(),
        PeriodKind::Year,
        "2026".into(),
        "root".into(),
    )
    .unwrap();
    // D's branch is not under root; B and C share second place, listed by id.
    let ranks: Vec<_> = board
        .iter()
        .map(|s| (s.rank, s.member_id.as_str(), s.score))
        .collect();
    assert_eq!(ranks, [(1, "A", 95), (2, "B", 80), (2, "C", 80)]);
    let json = credits_leaderboard_json(
        serde_json::to_string(&totals).unwrap(),
        serde_json::to_string(&orgs).unwrap(),
        "year".into(),
        "2026".into(),
        "root".into(),
    )
    .unwrap();
    assert_eq!(value(&board), parse(&json));
    let scores = totals
        .iter()
        .map(|t| (t.member_id.clone(), t.score))
        .collect();
    let rated = credits_rate(scores, None).unwrap();
    // Four rated: the 优秀 quota is ⌊4/3⌋ = 1 (A); 80 and 80 are 合格, 50 is 基本合格.
    let tiers: Vec<_> = rated
        .iter()
        .map(|r| (r.member_id.as_str(), r.tier.as_str()))
        .collect();
    assert_eq!(
        tiers,
        [
            ("A", "优秀"),
            ("B", "合格"),
            ("C", "合格"),
            ("D", "基本合格")
        ]
    );
    let json = credits_rate_json(
        r#"[{"member_id":"D","score":50},{"member_id":"C","score":80},{"member_id":"B","score":80},{"member_id":"A","score":95}]"#.into(),
        "null".into(),
    )
    .unwrap();
    assert_eq!(value(&rated), parse(&json));
    assert_eq!(credits_default_tiers().len(), 4);
    let e = credits_rate(HashMap::new(), Some(vec![])).unwrap_err();
    assert!(
        matches!(e, DangjianError::InvalidInput { ref code, .. } if code == "NO_TIERS"),
        "{e:?}"
    );
}

/// What Kotlin, Swift or Python sends for an instant, lifted as the scaffolding lifts an argument.
fn lift_instant(s: &str) -> Result<DateTime<FixedOffset>, DangjianError> {
    let buf: RustBuffer = <String as Lower<dangjian::UniFfiTag>>::lower(s.to_owned());
    <DateTime<FixedOffset> as Lift<dangjian::UniFfiTag>>::try_lift(buf).map_err(|e| {
        e.downcast::<DangjianError>()
            .expect("the library's own error")
    })
}

#[test]
fn an_instant_crosses_as_the_json_contract_writes_it_and_a_bad_one_is_invalid_time() {
    for bad in [
        "yesterday",
        "2026-03-02T08:00:00",
        "2026-03-02",
        "2026-02-30T08:00:00+08:00",
    ] {
        match lift_instant(bad) {
            Err(DangjianError::InvalidInput { code, field, .. }) => {
                assert_eq!(
                    (code.as_str(), field.as_str()),
                    ("INVALID_TIME", ""),
                    "{bad}"
                );
            }
            other => panic!("{bad}: expected INVALID_TIME, got {other:?}"),
        }
    }
    // The JSON reader takes a space for the T (chrono's serde form); so does the typed path.
    let at = lift_instant("2026-03-02 08:00:00+08:00").unwrap();
    assert_eq!(at, lift_instant("2026-03-02T00:00:00Z").unwrap());
    // Written back as the ledger JSON writes it: at its own offset, `Z` for UTC, a fraction only when given.
    for text in [
        "2026-03-02T08:00:00+08:00",
        "2026-03-02T15:59:59Z",
        "2026-03-02T15:59:59.250-05:00",
    ] {
        let lowered = <DateTime<FixedOffset> as Lower<dangjian::UniFfiTag>>::lower(
            lift_instant(text).unwrap(),
        );
        let back = <String as Lift<dangjian::UniFfiTag>>::try_lift(lowered).unwrap();
        assert_eq!(back, text);
        assert_eq!(Value::from(back), value(&lift_instant(text).unwrap()));
    }
}

// The JSON methods of the scorer and the scheme.

const LOGIN: &str = r#"[{"event_id":"b","member_id":"M1","activity":"login","occurred_at":"2026-03-02T09:00:00+08:00"},
    {"event_id":"x","member_id":"M1"},
    {"event_id":"n","member_id":"M1","activity":"nap","occurred_at":"2026-03-02T09:00:00+08:00"}]"#;

#[test]
fn ingest_reads_each_event_on_its_own_and_keeps_positions() {
    let s = CreditsScorer::new(&CreditsScheme::learning_platform()).unwrap();
    let out: serde_json::Value =
        serde_json::from_str(&s.ingest_json(LOGIN.into()).unwrap()).unwrap();
    assert_eq!(out["changed"][0]["event_id"], "b");
    assert_eq!(out["errors"][0]["index"], 1);
    assert_eq!(out["errors"][0]["code"], "INVALID_EVENT_JSON");
    assert_eq!(out["errors"][0]["field"], "activity");
    assert_eq!(out["errors"][1]["index"], 2);
    assert_eq!(out["errors"][1]["code"], "UNKNOWN_ACTIVITY");
}

#[test]
fn the_scorer_agrees_with_score_json() {
    let scheme = CreditsScheme::learning_platform();
    let s = CreditsScorer::new(&scheme).unwrap();
    s.ingest_json(LOGIN.into()).unwrap();
    let whole: serde_json::Value = serde_json::from_str(
        &credits_score_json(&scheme, format!(r#"{{"events":{LOGIN}}}"#), false).unwrap(),
    )
    .unwrap();
    let ledger: serde_json::Value = serde_json::from_str(&s.ledger_json().unwrap()).unwrap();
    let totals: serde_json::Value = serde_json::from_str(&s.totals_json().unwrap()).unwrap();
    assert_eq!(ledger, whole["entries"]);
    assert_eq!(totals, whole["totals"]);
}

#[test]
fn a_scheme_round_trips() {
    let json = CreditsScheme::member_points().to_json().unwrap();
    assert_eq!(
        CreditsScheme::from_json(json.clone())
            .unwrap()
            .to_json()
            .unwrap(),
        json
    );
}
