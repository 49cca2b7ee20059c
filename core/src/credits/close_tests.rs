//! Closing days: the horizon's boundary, caps and dedup carried across it, voids and offences after it,
//! bounded memory, and the property that closing changes nothing of the open days' ledger.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::tests::{ev, learning, reason, stream};
use super::*;

fn login(id: &str, at: &str) -> Event {
    ev(id, "M1", "login", at)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn total(s: &Scorer, kind: PeriodKind, period: &str) -> i64 {
    s.totals()
        .into_iter()
        .find(|t| t.kind == kind && t.period == period)
        .map_or(0, |t| t.points)
}

/// 1 point per item: `a` capped at 2 a week, `once` once ever per content, `m` 2 a day and 3 a month.
fn weekly_and_once() -> Scorer {
    let scheme = Scheme::from_json(
        r#"{"schema_version":1,"name":"w","rule_sets":[{"effective_from":"2020-01-01",
        "citation":{"regulation":"r","article":""},"value":{"activities":[
        {"code":"a","unit":{"kind":"per_item","points":1},"caps":{"week":2}},
        {"code":"once","unit":{"kind":"per_item","points":1},"dedup":"ever"},
        {"code":"m","unit":{"kind":"per_item","points":1},"caps":{"day":2,"month":3}}]}}]}"#,
    )
    .unwrap();
    Scorer::new(scheme).unwrap()
}

#[test]
fn the_horizon_is_the_end_of_the_day_in_china_time() {
    let mut s = learning();
    s.ingest(vec![login("seed", "2026-03-01T08:00:00+08:00")]);
    s.close_through(day(2026, 3, 2));
    let r = s.ingest(vec![
        login("last_second", "2026-03-02T23:59:59+08:00"),
        login("utc_before", "2026-03-02T15:59:59Z"),
        login("utc_midnight", "2026-03-02T16:00:00Z"),
    ]);
    let refused: Vec<(&str, &str, &str)> = r
        .errors
        .iter()
        .map(|e| {
            (
                e.event_id.as_deref().unwrap(),
                e.code.as_str(),
                e.field.as_str(),
            )
        })
        .collect();
    assert_eq!(
        refused,
        vec![
            ("last_second", "PERIOD_CLOSED", "occurred_at"),
            ("utc_before", "PERIOD_CLOSED", "occurred_at"),
        ]
    );
    // 16:00Z is 00:00 on 3 March in China: open.
    assert_eq!(reason(&s, "utc_midnight"), (1, "SCORED"));
    assert_eq!(s.closed_through(), Some(day(2026, 3, 2)));
}

#[test]
fn a_weekly_cap_counts_the_closed_days_of_the_open_week() {
    let mut s = weekly_and_once();
    // 2026-03-02 is a Monday.
    s.ingest(vec![ev("mon", "M1", "a", "2026-03-02T08:00:00+08:00")]);
    let c = s.close_through(day(2026, 3, 2));
    assert_eq!((c.entries, c.open), (1, 0));
    s.ingest(vec![ev("wed_late", "M1", "a", "2026-03-04T10:00:00+08:00")]);
    assert_eq!(reason(&s, "wed_late"), (1, "SCORED"));
    // Earlier the same Wednesday: Wednesday is re-scored from its state, which must hold Monday's point.
    s.ingest(vec![ev(
        "wed_early",
        "M1",
        "a",
        "2026-03-04T08:00:00+08:00",
    )]);
    assert_eq!(reason(&s, "wed_early"), (1, "SCORED"));
    assert_eq!(reason(&s, "wed_late"), (0, "CAP_REACHED"));
    // The next Monday starts a new week.
    s.ingest(vec![ev("next_mon", "M1", "a", "2026-03-09T08:00:00+08:00")]);
    assert_eq!(reason(&s, "next_mon"), (1, "SCORED"));
    assert_eq!(total(&s, PeriodKind::Week, "2026-W10"), 2);
}

#[test]
fn a_closed_base_does_not_leak_into_a_later_week() {
    let mut s = weekly_and_once();
    s.ingest(vec![
        ev("mon", "M1", "a", "2026-03-02T08:00:00+08:00"),
        ev("tue", "M1", "a", "2026-03-03T08:00:00+08:00"),
    ]);
    s.close_through(day(2026, 3, 3));
    // Two closes in a row, the member has nothing in between: its base stays right for the next week.
    s.close_through(day(2026, 3, 8));
    s.ingest(vec![ev("next_wed", "M1", "a", "2026-03-11T10:00:00+08:00")]);
    s.ingest(vec![ev("next_tue", "M1", "a", "2026-03-10T10:00:00+08:00")]);
    assert_eq!(reason(&s, "next_tue"), (1, "SCORED"));
    assert_eq!(reason(&s, "next_wed"), (1, "SCORED"));
}

#[test]
fn once_ever_content_stays_used_after_its_day_is_closed() {
    let mut s = weekly_and_once();
    let once = |id: &str, at: &str, content: &str| Event {
        content_id: Some(content.into()),
        ..ev(id, "M1", "once", at)
    };
    s.ingest(vec![once("first", "2026-03-02T08:00:00+08:00", "ch1")]);
    s.close_through(day(2026, 3, 2));
    s.ingest(vec![
        once("again", "2026-05-02T08:00:00+08:00", "ch1"),
        once("other", "2026-05-02T09:00:00+08:00", "ch2"),
    ]);
    assert_eq!(reason(&s, "again"), (0, "DUPLICATE_CONTENT"));
    // A late event re-scores from its day: the rebuilt state must still hold ch1.
    s.ingest(vec![once("late", "2026-04-01T08:00:00+08:00", "ch3")]);
    assert_eq!(reason(&s, "again"), (0, "DUPLICATE_CONTENT"));
    assert_eq!(reason(&s, "other"), (1, "SCORED"));
}

#[test]
fn voids_reach_open_entries_only() {
    let mut s = learning();
    s.ingest(vec![
        login("d1", "2026-03-02T08:00:00+08:00"),
        login("d2a", "2026-03-03T08:00:00+08:00"),
        login("d2b", "2026-03-03T09:00:00+08:00"),
    ]);
    s.close_through(day(2026, 3, 2));
    let r = s.void(&["d1", "d2a"]);
    assert_eq!(r.errors.len(), 1);
    assert_eq!(
        (r.errors[0].event_id.as_deref(), r.errors[0].code.as_str()),
        (Some("d1"), "UNKNOWN_EVENT")
    );
    // The login cap is 1 a day: with d2a voided, d2b counts.
    assert_eq!(reason(&s, "d2a"), (0, "VOIDED"));
    assert_eq!(reason(&s, "d2b"), (1, "SCORED"));
    assert_eq!(total(&s, PeriodKind::Month, "2026-03"), 2);
}

#[test]
fn offences_after_the_horizon_change_open_days_only() {
    let mut s = learning();
    let days: Vec<Event> = (1..=10)
        .map(|d| login(&format!("d{d}"), &format!("2026-03-{d:02}T08:00:00+08:00")))
        .collect();
    s.ingest(days);
    s.close_through(day(2026, 3, 5));
    let offence = |id: &str, at: &str| -> Offence {
        serde_json::from_value(
            serde_json::json!({"offence_id": id, "member_id": "M1", "decided_at": at}),
        )
        .unwrap()
    };
    let r = s.record_offences(vec![offence("o0", "2026-03-05T23:00:00+08:00")]);
    assert_eq!(
        (r.errors[0].code.as_str(), r.errors[0].field.as_str()),
        ("PERIOD_CLOSED", "decided_at")
    );
    // First offence: suspended from its instant for 7 days.
    s.record_offences(vec![offence("o1", "2026-03-06T12:00:00+08:00")]);
    assert_eq!(reason(&s, "d6"), (1, "SCORED"));
    assert_eq!(reason(&s, "d7"), (0, "SUSPENDED"));
    // Second: the year's points zeroed — the open days; the closed days are final.
    s.record_offences(vec![offence("o2", "2026-03-08T12:00:00+08:00")]);
    assert_eq!(reason(&s, "d6"), (0, "SUSPENDED"));
    assert_eq!(total(&s, PeriodKind::Year, "2026"), 5);
}

#[test]
fn closing_is_idempotent_and_returns_each_entry_once() {
    let mut s = learning();
    s.ingest(vec![
        login("d1", "2026-03-01T08:00:00+08:00"),
        login("d2", "2026-03-02T08:00:00+08:00"),
        login("d3", "2026-03-03T08:00:00+08:00"),
    ]);
    let first: serde_json::Value =
        serde_json::from_str(&s.close_through_json("2026-03-02").unwrap()).unwrap();
    assert_eq!(first["through"], "2026-03-02");
    assert_eq!(first["entries"].as_array().unwrap().len(), 2);
    assert_eq!(first["entries"][0]["event_id"], "d1");
    assert_eq!(first["open"], 1);
    let again: serde_json::Value =
        serde_json::from_str(&s.close_through_json("2026-03-01").unwrap()).unwrap();
    assert_eq!(
        again,
        serde_json::json!({"through": "2026-03-02", "entries": [], "open": 1})
    );
    let c = s.close_through(day(2026, 3, 2));
    assert_eq!((c.entries, c.open), (0, 1));
    for bad in ["", "2026-02-30", "2026/03/02", "tomorrow"] {
        let e = s.close_through_json(bad).unwrap_err();
        assert_eq!(
            (e.code(), e.detail().field.as_str()),
            ("INVALID_DATE", "through")
        );
    }
}

#[test]
fn entry_handles_after_closing_point_at_the_right_entries() {
    let mut s = learning();
    s.ingest(vec![
        ev("b1", "M2", "login", "2026-03-03T08:00:00+08:00"),
        ev("a1", "M1", "login", "2026-03-02T08:00:00+08:00"),
    ]);
    s.close_through(day(2026, 3, 2));
    let r = s.ingest(vec![ev("a2", "M1", "login", "2026-03-03T08:00:00+08:00")]);
    assert_eq!(s.get(r.changed[0]).unwrap().event_id, "a2");
    // The id index was rebuilt: repeats of open events are still recognized.
    let again = s.ingest(vec![ev("b1", "M2", "login", "2026-03-03T08:00:00+08:00")]);
    assert_eq!(again.duplicates, vec!["b1".to_owned()]);
    let conflict = s.ingest(vec![ev("b1", "M2", "login", "2026-03-03T09:00:00+08:00")]);
    assert_eq!(conflict.errors[0].code, "CONFLICTING_EVENT_ID");
}

#[test]
fn closing_each_day_keeps_the_ledger_at_one_days_size() {
    let mut s = learning();
    let members = 50;
    let mut most_open = 0;
    for d in 0..60i64 {
        let date = day(2026, 1, 1) + chrono::Duration::days(d);
        let events: Vec<Event> = (0..members)
            .flat_map(|m| {
                (0..3).map(move |k| {
                    ev(
                        &format!("{date}-{m}-{k}"),
                        &format!("M{m}"),
                        "login",
                        &format!("{date}T0{k}:00:00+08:00"),
                    )
                })
            })
            .collect();
        s.ingest(events);
        most_open = most_open.max(s.len());
        s.close_through(date);
        assert!(s.is_empty());
    }
    assert_eq!(most_open, members * 3);
    // Totals are whole: one login point a day (cap 1) for 60 days.
    let year = s
        .totals()
        .into_iter()
        .filter(|t| t.kind == PeriodKind::Year)
        .map(|t| t.points)
        .collect::<Vec<_>>();
    assert_eq!(year, vec![60; members]);
}

#[test]
fn columns_are_refused_on_closed_days_too() {
    let mut s = learning();
    s.close_through(day(2026, 3, 2));
    let ids = ["x", "y"];
    let ts = [
        chrono::DateTime::parse_from_rfc3339("2026-03-02T23:00:00+08:00")
            .unwrap()
            .timestamp_nanos_opt()
            .unwrap(),
        chrono::DateTime::parse_from_rfc3339("2026-03-03T01:00:00+08:00")
            .unwrap()
            .timestamp_nanos_opt()
            .unwrap(),
    ];
    let cols = Columns {
        event_id_bytes: "xy",
        event_id_offsets: &[0, 1, 2],
        member_ids: &["M1"],
        members: &[0, 0],
        activity_codes: &["login"],
        activities: &[0, 0],
        occurred_at_ns: &ts,
        ..Columns::default()
    };
    let r = s.ingest_columns(&cols).unwrap();
    assert_eq!(r.errors.len(), 1);
    assert_eq!(
        (r.errors[0].index, r.errors[0].code.as_str()),
        (0, "PERIOD_CLOSED")
    );
    assert_eq!(s.entry(ids[1]).unwrap().points, 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Closed days arrive first (in any order and chunks), the rest after the close: the open days'
    /// ledger and every total are the replay's; events of closed days sent again are refused.
    #[test]
    fn closing_keeps_the_replays_open_ledger_and_totals(
        events in stream(),
        own_scheme in any::<bool>(),
        closed_days in 0i64..3,
        chunk in 1usize..7,
        void_every in 2usize..9,
    ) {
        // The learning platform's caps are daily; the own scheme's reach across days (week, month,
        // once ever), so the state carried over the horizon decides its entries.
        let scorer = || if own_scheme { weekly_and_once() } else { learning() };
        let events: Vec<Event> = if own_scheme {
            events.into_iter().map(|e| {
                let code = match e.activity.as_str() {
                    "login" | "daily_quiz" => "a",
                    "article" | "four_player" => "once",
                    _ => "m",
                };
                Event { activity: code.into(), ..e }
            }).collect()
        } else {
            events
        };
        let horizon = day(2023, 5, 12) + chrono::Duration::days(closed_days);
        let is_closed = |e: &Event| china_date(&e.occurred_at) <= horizon;
        let voids: Vec<String> = events.iter().filter(|e| !is_closed(e)).step_by(void_every)
            .map(|e| e.event_id.clone()).collect();
        let mut replay = scorer();
        replay.ingest(events.clone());
        replay.void(&voids);

        let (early, late): (Vec<Event>, Vec<Event>) = events.iter().cloned().partition(is_closed);
        let mut inc = scorer();
        for part in early.rchunks(chunk) {
            inc.ingest(part.to_vec());
        }
        let closed = inc.close_through(horizon);
        prop_assert_eq!(closed.entries, early.len());
        for part in late.rchunks(chunk) {
            inc.ingest(part.to_vec());
            inc.void(&voids);
        }
        let refused = inc.ingest(early.clone());
        prop_assert_eq!(refused.errors.len(), early.len());
        prop_assert!(refused.errors.iter().all(|e| e.code == "PERIOD_CLOSED"));

        let open = |s: &Scorer| -> Vec<(String, i64, &'static str)> {
            s.ledger().into_iter().filter(|e| e.day > horizon)
                .map(|e| (e.event_id.to_owned(), e.points, e.reason.code())).collect()
        };
        prop_assert_eq!(inc.len(), late.len());
        prop_assert_eq!(open(&inc), open(&replay));
        prop_assert_eq!(inc.totals(), replay.totals());
    }
}
