//! The bounds that let the ledger keep 32-bit points and 32-bit id ends: events whose raw points could
//! pass a billion are refused, and so are ids past the arena's limit, each before anything is stored.

use super::tests::ev;
use super::*;
use crate::id_arena::IdArena;

/// A scheme from 2026 with the scaled units at 1000 points a step and no caps, so an accepted event's
/// points are its raw points.
fn scheme() -> Scheme {
    Scheme::from_json(
        r#"{"schema_version":1,"name":"bounds","rule_sets":[{"effective_from":"2026-01-01",
        "citation":{"regulation":"本单位办法","article":""},"value":{"activities":[
          {"code":"quiz","unit":{"kind":"per_correct","points":1000}},
          {"code":"penalty_quiz","unit":{"kind":"per_correct","points":-1000}},
          {"code":"reading","unit":{"kind":"per_minutes","minutes":2,"points":1000}},
          {"code":"rush","unit":{"kind":"per_correct","points":1000},
           "windows":[{"start":"20:00","end":"22:00","multiplier":2,"bonus":1000}]},
          {"code":"login","unit":{"kind":"per_item","points":1}},
          {"code":"award","unit":{"kind":"declared","min":1,"max":10},"weekdays":[1]}
        ]}}]}"#,
    )
    .unwrap()
}

fn with(id: &str, activity: &str, at: &str, f: impl FnOnce(&mut Event)) -> Event {
    let mut e = ev(id, "M1", activity, at);
    f(&mut e);
    e
}

/// (index, code, field) of each refusal.
fn refusals(r: &Ingest) -> Vec<(usize, &str, &str)> {
    r.errors
        .iter()
        .map(|e| (e.index, e.code.as_str(), e.field.as_str()))
        .collect()
}

#[test]
fn event_points_stop_at_one_billion() {
    let mut s = Scorer::new(scheme()).unwrap();
    let monday = "2026-03-02T09:00:00+08:00";
    let correct = |n: u32| move |e: &mut Event| e.correct_answers = Some(n);
    let seconds = |n: u32| move |e: &mut Event| e.duration_seconds = Some(n);
    let points = |p: i64| move |e: &mut Event| e.points = Some(p);
    // `award` is not available on a Tuesday (NOT_AVAILABLE), so its declared points are only kept.
    let award = |id: &str, p: i64| with(id, "award", "2026-03-03T09:00:00+08:00", points(p));
    let r = s.ingest(vec![
        // 1000 × 1 000 000 = 1e9 exactly: taken; one answer more could pass it.
        with("q1", "quiz", monday, correct(1_000_000)),
        with("q2", "quiz", monday, correct(1_000_001)),
        // Deductions: the same bound on the magnitude.
        with("p1", "penalty_quiz", monday, correct(1_000_000)),
        with("p2", "penalty_quiz", monday, correct(1_000_001)),
        // 120 000 000 s = 1 000 000 steps of 2 minutes = 1e9. One second more may complete one step more
        // with seconds carried from earlier in the day, so it is refused.
        with("r1", "reading", monday, seconds(120_000_000)),
        with("r2", "reading", monday, seconds(120_000_001)),
        // A window doubles and adds 1000: 499 999 × 1000 × 2 + 1000 = 999 999 000 is under the bound,
        // 500 000 gives 1 000 001 000 — refused even outside the window, as the rule can apply it.
        with("w1", "rush", "2026-03-02T21:00:00+08:00", correct(499_999)),
        with("w2", "rush", monday, correct(500_000)),
        // Declared points, whatever the activity.
        award("a1", 1_000_000_000),
        award("a2", 1_000_000_001),
        award("a3", -1_000_000_001),
        with("l1", "login", monday, points(1_000_000_001)),
    ]);
    assert_eq!(
        refusals(&r),
        [
            (1, "POINTS_OUT_OF_RANGE", "correct_answers"),
            (3, "POINTS_OUT_OF_RANGE", "correct_answers"),
            (5, "POINTS_OUT_OF_RANGE", "duration_seconds"),
            (7, "POINTS_OUT_OF_RANGE", "correct_answers"),
            (9, "POINTS_OUT_OF_RANGE", "points"),
            (10, "POINTS_OUT_OF_RANGE", "points"),
            (11, "POINTS_OUT_OF_RANGE", "points"),
        ]
    );
    assert!(r.errors[0].message_en.contains("1000000000"));
    assert_eq!(s.len(), 5);
    let entry = |id: &str| {
        let e = s.entry(id).unwrap();
        (e.points, e.raw_points, e.reason.code())
    };
    assert_eq!(entry("q1"), (1_000_000_000, 1_000_000_000, "SCORED"));
    assert_eq!(entry("p1"), (-1_000_000_000, -1_000_000_000, "SCORED"));
    assert_eq!(entry("r1"), (1_000_000_000, 1_000_000_000, "SCORED"));
    assert_eq!(entry("w1"), (999_999_000, 999_999_000, "SCORED"));
    assert_eq!(entry("a1"), (0, 0, "NOT_AVAILABLE"));
    // Each entry fits 32 bits; their sums need not: Monday's total is 1e9 − 1e9 + 1e9 + 999 999 000.
    let monday_total = s
        .totals()
        .into_iter()
        .find(|t| t.period == "2026-03-02")
        .unwrap();
    assert_eq!(monday_total.points, 1_999_999_000);
    let week = s.totals().into_iter().find(|t| t.period == "2026-W10");
    assert_eq!(week.unwrap().points, 1_999_999_000);
    // The declared billion is kept as given: a repeat is a duplicate, a different value a conflict.
    let again = s.ingest(vec![award("a1", 1_000_000_000), award("a1", 999_999_999)]);
    assert_eq!(again.duplicates, ["a1"]);
    assert_eq!(refusals(&again), [(1, "CONFLICTING_EVENT_ID", "event_id")]);
}

#[test]
fn ids_past_the_arena_limit_are_refused_whole() {
    let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
    // Six bytes of ids instead of 4 GiB: the same guard, reached with three short ids.
    s.event_ids.limit = 6;
    let at = "2026-03-02T07:00:00+08:00";
    let mut e4 = ev("e4", "M4", "article", at);
    e4.content_id = Some("new".into());
    e4.duration_seconds = Some(60);
    let r = s.ingest(vec![
        ev("e1", "M1", "login", at),
        ev("e2", "M2", "login", at),
        ev("e3", "M3", "login", at),
        e4,
        // A repeat stores nothing, so it needs no room.
        ev("e1", "M1", "login", at),
    ]);
    assert_eq!(refusals(&r), [(3, "TOO_MANY_EVENTS", "event_id")]);
    assert_eq!(r.errors[0].event_id.as_deref(), Some("e4"));
    assert_eq!(r.duplicates, ["e1"]);
    assert_eq!((r.changed.len(), s.len()), (3, 3));
    // The refused row left no member and no content behind.
    assert_eq!(s.members.len(), 3);
    assert!(s.content_names.is_empty());
    assert_eq!(s.entry("e3").unwrap().reason.code(), "SCORED");
}

#[test]
fn the_arena_refuses_before_storing() {
    let mut ids = IdArena::default();
    assert_eq!(ids.limit, u32::MAX);
    ids.limit = 6;
    assert!(ids.push("e1"));
    assert_eq!(ids.end_after("abcd"), Some(6));
    assert_eq!(ids.end_after("abcde"), None);
    assert!(!ids.push("abcde"));
    assert!(ids.push("abcd"));
    assert_eq!(
        (ids.get(0), ids.get(1), ids.get(2)),
        (Some("e1"), Some("abcd"), None)
    );
    assert!(!ids.push("x"));
    // An empty id still fits at the limit.
    assert!(ids.push(""));
    assert_eq!(ids.get(2), Some(""));
}
