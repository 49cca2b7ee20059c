//! The totals fast path ([`Tally`]): hand-worked days at the rules' boundaries, the refusals, and a
//! property: on generated batches (caps, dedup, windows, rule-set switch, penalties, voids, refusals) its
//! totals and errors are the reference scorer's.

use chrono::{DateTime, FixedOffset};
use proptest::prelude::*;

use super::*;

fn at(rfc3339: &str) -> i64 {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().timestamp()
}

fn learning() -> Tally {
    Tally::new(&Scheme::learning_platform()).unwrap()
}

/// (member, date, points) of each total.
fn days(d: &DayTotals) -> Vec<(u32, String, i64)> {
    (0..d.members.len())
        .map(|i| (d.members[i], d.date(i).unwrap().to_string(), d.points[i]))
        .collect()
}

/// 2022–23 rules, reading_time 1 a minute accumulated over the day, cap 6: 300 s give 5, the next 150 s
/// complete two more minutes but the cap leaves 1 (the module example of `credits`); the next day 59 s
/// complete no minute and 60 s more make 119 s, one minute: 1.
#[test]
fn reading_time_accumulates_and_caps() {
    let t0 = at("2026-03-02T07:00:00+08:00");
    let t1 = at("2026-03-03T07:00:00+08:00");
    let rows = Rows {
        members: &[3, 3, 3, 3],
        activity_codes: &["reading_time"],
        activities: &[0, 0, 0, 0],
        seconds: &[t0, t0 + 600, t1, t1 + 600],
        duration_seconds: &[300, 150, 59, 60],
        ..Rows::default()
    };
    let d = learning().day_totals(&rows, &[]).unwrap();
    assert_eq!(
        days(&d),
        [
            (3, "2026-03-02".to_owned(), 6),
            (3, "2026-03-03".to_owned(), 1)
        ]
    );
}

/// Articles (2022–23): 29 s is under the 30 s threshold, 30 s counts, the same content again that day
/// does not; the 2019 rules double an article read in the 06:00–08:30 window, not one at 08:30.
#[test]
fn threshold_dedup_and_windows() {
    let day = at("2023-05-10T09:00:00+08:00");
    let rows = Rows {
        members: &[0, 0, 0],
        activity_codes: &["article"],
        activities: &[0, 0, 0],
        seconds: &[day, day + 60, day + 120],
        contents: &[1, 2, 2],
        duration_seconds: &[29, 30, 60],
        ..Rows::default()
    };
    assert_eq!(learning().day_totals(&rows, &[]).unwrap().points, [1]);
    let (w1, w2) = (
        at("2020-05-11T08:29:59+08:00"),
        at("2020-05-12T08:30:00+08:00"),
    );
    let rows = Rows {
        members: &[0, 0],
        activity_codes: &["article"],
        activities: &[0, 0],
        seconds: &[w1, w2],
        contents: &[1, 1],
        ..Rows::default()
    };
    assert_eq!(learning().day_totals(&rows, &[]).unwrap().points, [2, 1]);
}

/// A first offence suspends for 7 days from its instant: a login one second before scores, one at the
/// instant does not, nor one 6 days later; the 8th day's does. A voided login scores nothing but its
/// day still has a total.
#[test]
fn penalties_and_voids() {
    let o = at("2026-03-02T12:00:00+08:00");
    let rows = Rows {
        members: &[1, 1, 1, 1, 2],
        activity_codes: &["login"],
        activities: &[0; 5],
        seconds: &[o - 1 - 86_400, o, o + 6 * 86_400, o + 7 * 86_400, o],
        voided: &[false, false, false, false, true],
        ..Rows::default()
    };
    let d = learning().day_totals(&rows, &[(1, o)]).unwrap();
    assert_eq!(d.members, [1, 1, 1, 1, 2]);
    assert_eq!(d.points, [1, 0, 0, 1, 0]);
}

#[test]
fn refused_rows_and_batches() {
    let t = at("2026-03-02T07:00:00+08:00");
    let rows = Rows {
        members: &[0, 0, 0, 0],
        activity_codes: &["login", "nope", "four_player"],
        activities: &[1, 2, 2, 0],
        seconds: &[t, t, t, i64::MAX / 1_000_000_000 + 1],
        place: &[1, Rows::NONE, 0, 1],
        ..Rows::default()
    };
    let d = learning().day_totals(&rows, &[]).unwrap();
    let e: Vec<(usize, &str, &str)> = d
        .errors
        .iter()
        .map(|e| (e.index, e.code.as_str(), e.field.as_str()))
        .collect();
    assert_eq!(
        e,
        [
            (0, "UNKNOWN_ACTIVITY", "activity"),
            (1, "MISSING_FIELD", "place"),
            (2, "INVALID_PLACE", "place"),
            (3, "TIME_OUT_OF_RANGE", "occurred_at"),
        ]
    );
    assert!(d.members.is_empty());
    // The last second nanoseconds can hold is accepted.
    let last = Rows {
        seconds: &[i64::MAX / 1_000_000_000],
        members: &[0],
        activities: &[0],
        activity_codes: &["login"],
        ..Rows::default()
    };
    assert!(learning().day_totals(&last, &[]).unwrap().errors.is_empty());
    let whole = |r: Rows<'_>| {
        let e = learning().day_totals(&r, &[]).unwrap_err();
        (e.code().to_owned(), e.detail().field.clone())
    };
    let one = Rows {
        members: &[0],
        activities: &[0],
        seconds: &[t],
        activity_codes: &["login"],
        ..Rows::default()
    };
    let short = Rows {
        seconds: &[],
        ..one
    };
    assert_eq!(whole(short), ("INVALID_COLUMNS".into(), "seconds".into()));
    let outside = Rows {
        activities: &[1],
        ..one
    };
    assert_eq!(
        whole(outside),
        ("INVALID_COLUMNS".into(), "activities".into())
    );
    let durations = Rows {
        duration_seconds: &[1, 2],
        ..one
    };
    assert_eq!(
        whole(durations),
        ("INVALID_COLUMNS".into(), "duration_seconds".into())
    );
}

/// The quick check's limits are the full check's: a quiz of 1e9 correct answers scores (capped at 5),
/// one more is refused with the reference's code and field, and so is a place of 0.
#[test]
fn quick_check_limits_are_the_full_checks() {
    let t = at("2026-03-02T07:00:00+08:00");
    let rows = Rows {
        members: &[0, 0, 0],
        activity_codes: &["daily_quiz", "four_player"],
        activities: &[0, 0, 1],
        seconds: &[t, t, t],
        correct_answers: &[1_000_000_000, 1_000_000_001, Rows::NONE],
        place: &[Rows::NONE, Rows::NONE, 0],
        ..Rows::default()
    };
    let d = learning().day_totals(&rows, &[]).unwrap();
    let e: Vec<(usize, &str, &str)> = d
        .errors
        .iter()
        .map(|e| (e.index, e.code.as_str(), e.field.as_str()))
        .collect();
    assert_eq!(
        e,
        [
            (1, "POINTS_OUT_OF_RANGE", "correct_answers"),
            (2, "INVALID_PLACE", "place")
        ]
    );
    assert_eq!(d.points, [5]);
}

/// The interning layer: one number per id, the first seen first.
#[test]
fn interner_numbers_once() {
    let mut ids = Interner::default();
    assert!(ids.is_empty());
    assert_eq!(ids.intern("M1"), Some(0));
    assert_eq!(ids.intern("M2"), Some(1));
    assert_eq!(ids.intern("M1"), Some(0));
    assert_eq!((ids.len(), ids.name(0), ids.name(2)), (2, Some("M1"), None));
}

/// One generated row: member, activity (index into `CODES`), second offset, content, duration,
/// correct answers, place, declared points, voided.
type Gen = (
    u32,
    usize,
    i64,
    Option<u32>,
    Option<u32>,
    Option<u32>,
    Option<u32>,
    Option<i64>,
    bool,
);

const CODES: [&str; 12] = [
    "login",
    "article",
    "reading_time",
    "video",
    "video_time",
    "daily_quiz",
    "four_player",
    "subscribe",
    "volunteer",
    "misconduct",
    "meeting_attendance",
    "unknown",
];

fn gen_row() -> impl Strategy<Value = Gen> {
    (
        // Numbers a radix pass apart (1023/1024) and up to the last `u32`: one to four passes.
        prop::sample::select(vec![0u32, 1, 1023, 1024, 1 << 20, u32::MAX]),
        0usize..CODES.len(),
        0i64..10 * 86_400,
        prop::option::weighted(0.9, 0u32..4),
        // Now and then at the raw-points bound (±1e9) and past it: the quick check's limits.
        prop::option::weighted(0.9, prop_oneof![19 => 0u32..500, 1 => edge()]),
        prop::option::weighted(0.9, prop_oneof![19 => 0u32..8, 1 => edge()]),
        prop::option::weighted(0.9, 0u32..5),
        prop::option::weighted(0.3, -12i64..12),
        prop::bool::weighted(0.1),
    )
}

/// Counts at the raw-points bound: a per-correct point a count gives 1e9 at most; a per-minutes
/// unit needs 60 s a point, so no `u32` duration passes it at 1 point a minute. The largest is one
/// below `Rows::NONE` (which the fast path reads as absent).
fn edge() -> impl Strategy<Value = u32> {
    prop::sample::select(vec![
        999_999_999u32,
        1_000_000_000,
        1_000_000_001,
        u32::MAX - 1,
    ])
}

/// The schemes the property runs: the learning platform (its 2019 and 2022 sets meet in the span), the
/// same with a daily total and a weekly cap, and member points (declared, yearly caps, deductions).
fn scheme(which: u8) -> Scheme {
    match which {
        0 => Scheme::learning_platform(),
        1 => {
            let mut s = Scheme::learning_platform();
            for set in &mut s.rule_sets {
                set.value.daily_total_cap = Some(7);
                for a in &mut set.value.activities {
                    a.caps.week = Some(9);
                }
            }
            s
        }
        _ => Scheme::member_points(),
    }
}

/// Day totals (member, date, points) and refusals (row, code, field).
type Outcome = (Vec<(u32, String, i64)>, Vec<(usize, String, String)>);

fn reference(scheme: Scheme, base: i64, rows: &[Gen], offences: &[(u32, i64)]) -> Outcome {
    let china = FixedOffset::east_opt(8 * 3600).unwrap();
    let time = |s: i64| {
        DateTime::from_timestamp(base + s, 0)
            .unwrap()
            .with_timezone(&china)
    };
    let events: Vec<Event> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| Event {
            event_id: format!("e{i:06}"),
            member_id: format!("M{}", r.0),
            activity: CODES[r.1].to_owned(),
            occurred_at: time(r.2),
            content_id: r.3.map(|c| format!("c{c}")),
            duration_seconds: r.4,
            correct_answers: r.5,
            place: r.6,
            points: r.7,
        })
        .collect();
    let mut s = Scorer::new(scheme).unwrap();
    let ingest = s.ingest(events);
    let voids: Vec<String> = (0..rows.len())
        .filter(|&i| rows[i].8)
        .map(|i| format!("e{i:06}"))
        .collect();
    s.void(&voids);
    let offences: Vec<Offence> = offences
        .iter()
        .enumerate()
        .map(|(i, &(m, sec))| Offence {
            offence_id: format!("o{i}"),
            member_id: format!("M{m}"),
            decided_at: time(sec),
        })
        .collect();
    assert!(s.record_offences(offences).errors.is_empty());
    // The reference lists members by id (`M1024` before `M2`); the fast path by number.
    let mut totals: Vec<(u32, String, i64)> = s
        .totals()
        .into_iter()
        .filter(|t| t.kind == PeriodKind::Day)
        .map(|t| (t.member_id[1..].parse().unwrap(), t.period, t.points))
        .collect();
    totals.sort();
    let errors = ingest
        .errors
        .into_iter()
        .map(|e| (e.index, e.code, e.field))
        .collect();
    (totals, errors)
}

fn fast(scheme: &Scheme, base: i64, rows: &[Gen], offences: &[(u32, i64)]) -> Outcome {
    let col = |f: &dyn Fn(&Gen) -> Option<u32>| -> Vec<u32> {
        rows.iter().map(|r| f(r).unwrap_or(Rows::NONE)).collect()
    };
    let members: Vec<u32> = rows.iter().map(|r| r.0).collect();
    let activities: Vec<u32> = rows.iter().map(|r| r.1 as u32).collect();
    let seconds: Vec<i64> = rows.iter().map(|r| base + r.2).collect();
    let (contents, duration, correct, place) =
        (col(&|r| r.3), col(&|r| r.4), col(&|r| r.5), col(&|r| r.6));
    let points: Vec<Option<i64>> = rows.iter().map(|r| r.7).collect();
    let voided: Vec<bool> = rows.iter().map(|r| r.8).collect();
    let offences: Vec<(u32, i64)> = offences.iter().map(|&(m, s)| (m, base + s)).collect();
    let r = Rows {
        members: &members,
        activity_codes: &CODES,
        activities: &activities,
        seconds: &seconds,
        contents: &contents,
        duration_seconds: &duration,
        correct_answers: &correct,
        place: &place,
        points: &points,
        voided: &voided,
    };
    let d = Tally::new(scheme)
        .unwrap()
        .day_totals(&r, &offences)
        .unwrap();
    let errors = d
        .errors
        .iter()
        .map(|e| (e.index, e.code.clone(), e.field.clone()))
        .collect();
    (days(&d), errors)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn fast_path_gives_the_reference_totals_and_errors(
        rows in prop::collection::vec(gen_row(), 0..60),
        offences in prop::collection::vec((prop::sample::select(vec![0u32, 1024, u32::MAX]), 0i64..10 * 86_400), 0..3),
        which in 0u8..3,
        // Either side of the 2019 → 2022 switch, or inside one set.
        start in prop::sample::select(vec!["2021-12-27T00:00:00+08:00", "2023-05-01T05:30:00+08:00"]),
    ) {
        let base = at(start);
        let scheme = scheme(which);
        let want = reference(scheme.clone(), base, &rows, &offences);
        prop_assert_eq!(fast(&scheme, base, &rows, &offences), want);
    }
}
