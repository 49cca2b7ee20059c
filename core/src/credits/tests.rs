//! Unit tests at the boundaries, and properties: any arrival order and batching give the replay's ledger.

use proptest::prelude::*;

use super::*;
use crate::id_arena as arena;

pub(super) fn ev(id: &str, member: &str, activity: &str, at: &str) -> Event {
    Event {
        event_id: id.into(),
        member_id: member.into(),
        activity: activity.into(),
        occurred_at: chrono::DateTime::parse_from_rfc3339(at).unwrap(),
        content_id: None,
        duration_seconds: None,
        correct_answers: None,
        place: None,
        points: None,
    }
}

fn article(id: &str, content: &str, at: &str, secs: u32) -> Event {
    Event {
        content_id: Some(content.into()),
        duration_seconds: Some(secs),
        ..ev(id, "M1", "article", at)
    }
}

pub(super) fn learning() -> Scorer {
    Scorer::new(Scheme::learning_platform()).unwrap()
}

pub(super) fn reason(s: &Scorer, id: &str) -> (i64, &'static str) {
    let e = s.entry(id).unwrap();
    (e.points, e.reason.code())
}

#[test]
fn sixth_and_seventh_article_of_a_day_2022() {
    let mut s = learning();
    let events = (1..=7)
        .map(|i| {
            article(
                &format!("a{i}"),
                &format!("c{i}"),
                &format!("2023-05-10T09:0{i}:00+08:00"),
                60,
            )
        })
        .collect();
    s.ingest(events);
    assert_eq!(reason(&s, "a6"), (1, "SCORED"));
    assert_eq!(reason(&s, "a7"), (0, "CAP_REACHED"));
}

#[test]
fn effective_reading_threshold() {
    let mut s = learning();
    s.ingest(vec![
        article(
            "short",
            "c1",
            "2023-05-10T09:00:00+08:00",
            EFFECTIVE_READING_SECONDS - 1,
        ),
        article(
            "ok",
            "c2",
            "2023-05-10T09:01:00+08:00",
            EFFECTIVE_READING_SECONDS,
        ),
        article("again", "c2", "2023-05-10T10:01:00+08:00", 60),
        article("next_day", "c2", "2023-05-11T10:01:00+08:00", 60),
    ]);
    assert_eq!(reason(&s, "short"), (0, "TOO_SHORT"));
    assert_eq!(reason(&s, "ok"), (1, "SCORED"));
    assert_eq!(reason(&s, "again"), (0, "DUPLICATE_CONTENT"));
    assert_eq!(reason(&s, "next_day"), (1, "SCORED"));
}

#[test]
fn the_minute_that_crosses_the_cap() {
    let mut s = learning();
    let t = |id: &str, at: &str, secs| Event {
        duration_seconds: Some(secs),
        ..ev(id, "M1", "reading_time", at)
    };
    s.ingest(vec![
        t("r1", "2023-05-10T09:00:00+08:00", 330), // 5.5 min → 5
        t("r2", "2023-05-10T09:10:00+08:00", 29),  // 5 min 59 s → still 5
        t("r3", "2023-05-10T09:20:00+08:00", 1),   // 6 min → 6th point
        t("r4", "2023-05-10T09:30:00+08:00", 60),  // 7th minute: capped
    ]);
    assert_eq!(reason(&s, "r1"), (5, "SCORED"));
    assert_eq!(reason(&s, "r2"), (0, "SCORED"));
    assert_eq!(reason(&s, "r3"), (1, "SCORED"));
    assert_eq!(reason(&s, "r4"), (0, "CAP_REACHED"));
}

#[test]
fn midnight_in_china_time() {
    let mut s = learning();
    s.ingest(vec![
        ev("a", "M1", "login", "2023-05-10T23:59:59+08:00"),
        ev("b", "M1", "login", "2023-05-10T16:00:00Z"),
    ]);
    assert_eq!(s.entry("a").unwrap().day.to_string(), "2023-05-10");
    assert_eq!(s.entry("b").unwrap().day.to_string(), "2023-05-11");
    assert_eq!(
        (reason(&s, "a"), reason(&s, "b")),
        ((1, "SCORED"), (1, "SCORED"))
    );
}

#[test]
fn launch_2019_active_period_doubles_and_caps() {
    let mut s = learning();
    s.ingest(vec![
        article("w", "c1", "2019-03-01T07:00:00+08:00", 5),
        article("n", "c2", "2019-03-01T09:00:00+08:00", 5),
        article("edge", "c3", "2019-03-01T08:30:00+08:00", 5), // end excluded
    ]);
    assert_eq!(reason(&s, "w"), (2, "SCORED"));
    assert_eq!(reason(&s, "n"), (1, "SCORED"));
    assert_eq!(reason(&s, "edge"), (1, "SCORED"));
    // 2019 has no daily quiz: not available then.
    let mut q = ev("q", "M1", "daily_quiz", "2019-03-01T09:00:00+08:00");
    q.correct_answers = Some(5);
    s.ingest(vec![q]);
    assert_eq!(reason(&s, "q"), (0, "NOT_AVAILABLE"));
}

#[test]
fn duplicate_and_conflicting_event_ids() {
    let mut s = learning();
    let e = ev("a", "M1", "login", "2023-05-10T08:00:00+08:00");
    s.ingest(vec![e.clone()]);
    let r = s.ingest(vec![e.clone()]);
    assert_eq!(r.duplicates, ["a"]);
    assert!(r.changed.is_empty());
    let mut other = e;
    other.member_id = "M2".into();
    let r = s.ingest(vec![other]);
    assert_eq!(r.errors[0].code, "CONFLICTING_EVENT_ID");
    assert_eq!(s.len(), 1);
}

/// Two ids whose hashes differ but share their high 32 bits: the id table's tag, and so its bucket.
/// Found by a birthday search (≈ 5 such pairs expected among 200 000 ids; the hash is fixed).
fn ids_sharing_a_tag() -> (String, String) {
    let id = |i: u32| format!("t{i}");
    let mut tags: Vec<(u64, u32)> = (0..200_000)
        .map(|i| (arena::hash_str(&id(i)) >> 32, i))
        .collect();
    tags.sort_unstable();
    let w = tags.windows(2).find(|w| w[0].0 == w[1].0).unwrap();
    (id(w[0].1), id(w[1].1))
}

#[test]
fn ids_sharing_a_tag_stay_apart() {
    let (a, b) = ids_sharing_a_tag();
    assert_ne!(arena::hash_str(&a), arena::hash_str(&b));
    let ea = ev(&a, "M1", "login", "2023-05-10T08:00:00+08:00");
    let eb = ev(&b, "M2", "login", "2023-05-10T09:00:00+08:00");
    let early = ev("x", "M1", "login", "2023-05-09T08:00:00+08:00");
    // In one batch (indexed in bulk) and in two (the second probes past the first's slot).
    let mut one = learning();
    assert!(one
        .ingest(vec![ea.clone(), eb.clone(), early])
        .errors
        .is_empty());
    let mut two = learning();
    assert!(two.ingest(vec![ea.clone()]).errors.is_empty());
    let r = two.ingest(vec![eb.clone()]);
    assert!(r.errors.is_empty() && r.duplicates.is_empty() && r.changed.len() == 1);
    // Closing a day re-indexes the open events: still told apart.
    one.close_through(chrono::NaiveDate::from_ymd_opt(2023, 5, 9).unwrap());
    for s in [&mut one, &mut two] {
        assert_eq!(s.len(), 2);
        assert_eq!(s.entry(&a).unwrap().member_id, "M1");
        assert_eq!(s.entry(&b).unwrap().member_id, "M2");
        let r = s.ingest(vec![eb.clone(), ea.clone()]);
        assert_eq!(r.duplicates, [b.clone(), a.clone()]);
        let mut other = eb.clone();
        other.member_id = "M1".into();
        assert_eq!(s.ingest(vec![other]).errors[0].code, "CONFLICTING_EVENT_ID");
        s.void(&[&b]);
        assert_eq!(reason(s, &b), (0, "VOIDED"));
        assert_eq!(reason(s, &a), (1, "SCORED"));
    }
}

#[test]
fn void_releases_a_capped_event() {
    let mut s = learning();
    let events = (1..=7)
        .map(|i| {
            article(
                &format!("a{i}"),
                &format!("c{i}"),
                &format!("2023-05-10T09:0{i}:00+08:00"),
                60,
            )
        })
        .collect();
    s.ingest(events);
    let r = s.void(&["a2"]);
    assert_eq!(reason(&s, "a2"), (0, "VOIDED"));
    assert_eq!(reason(&s, "a7"), (1, "SCORED"));
    assert_eq!(r.changed.len(), 2);
    assert_eq!(s.void(&["nope"]).errors[0].code, "UNKNOWN_EVENT");
}

#[test]
fn penalty_ladder() {
    let mut s = learning();
    let day = |d: u32| format!("2023-05-{d:02}T08:00:00+08:00");
    s.ingest(
        (1..=28)
            .map(|d| ev(&format!("l{d}"), "M1", "login", &day(d)))
            .collect(),
    );
    let off = |id: &str, d: u32| Offence {
        offence_id: id.into(),
        member_id: "M1".into(),
        decided_at: chrono::DateTime::parse_from_rfc3339(&format!("2023-05-{d:02}T07:00:00+08:00"))
            .unwrap(),
    };
    s.record_offences(vec![off("o1", 3)]);
    assert_eq!(reason(&s, "l2"), (1, "SCORED"));
    assert_eq!(reason(&s, "l3"), (0, "SUSPENDED"));
    assert_eq!(reason(&s, "l9"), (0, "SUSPENDED"));
    assert_eq!(reason(&s, "l10"), (1, "SCORED"));
    s.record_offences(vec![off("o2", 20)]);
    assert_eq!(reason(&s, "l2"), (0, "SUSPENDED")); // the year zeroed
    s.record_offences(vec![off("o3", 25)]);
    assert_eq!(reason(&s, "l28"), (0, "SUSPENDED"));
}

#[test]
fn member_points_year_floor_and_caps() {
    let mut s = Scorer::new(Scheme::member_points()).unwrap();
    let mut events = Vec::new();
    for i in 0..8 {
        let mut e = ev(
            &format!("m{i}"),
            "M1",
            "meeting_attendance",
            &format!("2026-0{}-05T12:00:00+08:00", i + 1),
        );
        e.content_id = Some(format!("mt{i}"));
        events.push(e);
    }
    let mut big = ev("x", "M2", "misconduct", "2026-03-01T12:00:00+08:00");
    big.points = Some(-60);
    events.push(big);
    let mut big2 = ev("y", "M2", "misconduct", "2026-04-01T12:00:00+08:00");
    big2.points = Some(-30);
    events.push(big2);
    s.ingest(events);
    assert_eq!(reason(&s, "m5"), (2, "SCORED"));
    assert_eq!(reason(&s, "m6"), (0, "CAP_REACHED")); // 12 a year
    assert_eq!(reason(&s, "y"), (0, "CAP_REACHED")); // deductions capped at 60
    let year = |m: &str| {
        s.totals()
            .into_iter()
            .find(|t| t.member_id == m && t.kind == PeriodKind::Year)
            .unwrap()
    };
    assert_eq!(year("M1").score, 72);
    assert_eq!((year("M2").points, year("M2").score), (-60, 0));
}

#[test]
fn scheme_json_errors_have_paths() {
    let e = Scheme::from_json(r#"{"schema_version":1,"name":"x","rule_sets":[{"effective_from":"2026-01-01",
        "citation":{"regulation":"r","article":""},"value":{"activities":[{"code":"a","unit":{"kind":"per_item","points":1},
        "windows":[{"start":"25:00","end":"26:00"}]}]}}]}"#)
    .unwrap_err();
    assert_eq!(
        e.detail().field,
        "rule_sets[0].value.activities[0].windows[0].start"
    );
    let round = serde_json::to_string(&Scheme::learning_platform()).unwrap();
    assert_eq!(
        Scheme::from_json(&round).unwrap(),
        Scheme::learning_platform()
    );
}

#[test]
fn weekly_cap_spans_the_year_end() {
    let scheme = Scheme::from_json(r#"{"schema_version":1,"name":"w","rule_sets":[{"effective_from":"2020-01-01",
        "citation":{"regulation":"r","article":""},"value":{"activities":[{"code":"a","unit":{"kind":"per_item","points":1},
        "caps":{"week":2}}]}}]}"#)
    .unwrap();
    let mut s = Scorer::new(scheme).unwrap();
    // 2026-12-28 is a Monday; 2027-01-01 a Friday of the same ISO week (2026-W53).
    s.ingest(vec![
        ev("a", "M1", "a", "2026-12-28T08:00:00+08:00"),
        ev("b", "M1", "a", "2026-12-31T08:00:00+08:00"),
        ev("c", "M1", "a", "2027-01-01T08:00:00+08:00"),
        ev("d", "M1", "a", "2027-01-04T08:00:00+08:00"),
    ]);
    assert_eq!(reason(&s, "c"), (0, "CAP_REACHED"));
    assert_eq!(reason(&s, "d"), (1, "SCORED"));
    assert!(s
        .totals()
        .iter()
        .any(|t| t.period == "2026-W53" && t.points == 2));
}

/// A small random stream over few members and contents, over three days (Saturday 2023-05-13 to Monday
/// 05-15: a week and a day boundary), to make caps, dedup and late events collide.
pub(super) fn stream() -> impl Strategy<Value = Vec<Event>> {
    let one = (0u8..3, 0u8..6, 0u32..3 * 86400, 0u8..4, 0u32..400, 0u32..6);
    proptest::collection::vec(one, 0..60).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (m, a, secs, c, dur, n))| {
                let acts = [
                    "login",
                    "article",
                    "reading_time",
                    "daily_quiz",
                    "four_player",
                    "special_quiz",
                ];
                let at = chrono::DateTime::parse_from_rfc3339("2023-05-13T00:00:00+08:00").unwrap()
                    + chrono::Duration::seconds(i64::from(secs));
                let mut e = ev(
                    &format!("e{i}"),
                    &format!("M{m}"),
                    acts[usize::from(a)],
                    &at.to_rfc3339(),
                );
                e.content_id = Some(format!("c{c}"));
                e.duration_seconds = Some(dur);
                e.correct_answers = Some(n);
                e.place = Some(n + 1);
                e
            })
            .collect()
    })
}

fn snapshot(s: &Scorer) -> Vec<(String, i64, &'static str)> {
    s.ledger()
        .into_iter()
        .map(|e| (e.event_id.to_owned(), e.points, e.reason.code()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_order_and_batching_gives_the_replay(
        events in stream(),
        seed in any::<u64>(),
        chunk in 1usize..7,
        void_every in 2usize..9,
    ) {
        let voids: Vec<String> = events.iter().step_by(void_every).map(|e| e.event_id.clone()).collect();
        let mut replay = learning();
        replay.ingest(events.clone());
        replay.void(&voids);

        // Shuffle deterministically, ingest in chunks with the voids and some repeats interleaved.
        let mut shuffled = events.clone();
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let mut inc = learning();
        let mut changed = 0;
        for (k, part) in shuffled.chunks(chunk).enumerate() {
            changed += inc.ingest(part.to_vec()).changed.len();
            let r = inc.ingest(part.iter().take(1).cloned().collect());
            prop_assert!(r.changed.is_empty());
            let ids: Vec<&str> = part.iter().map(|e| e.event_id.as_str()).filter(|id| voids.iter().any(|v| v == id)).collect();
            if k % 2 == 0 { inc.void(&ids); } else { prop_assert!(inc.void(&[] as &[&str]).changed.is_empty()); inc.void(&ids); }
        }
        prop_assert!(changed >= events.len());
        prop_assert_eq!(snapshot(&inc), snapshot(&replay));
        prop_assert_eq!(inc.totals(), replay.totals());
    }

    #[test]
    fn arbitrary_json_never_panics(s in ".{0,200}") {
        let _ = Scheme::from_json(&s);
        let _ = score_json(&Scheme::learning_platform(), &s, true);
        let _ = score_jsonl(&Scheme::learning_platform(), &s, true);
        let _ = leaderboard_json(&s, &s, "year", "2026", "x");
        let _ = rate_json(&s, "null");
    }

    #[test]
    fn arbitrary_events_never_panic(events in proptest::collection::vec(
        (any::<i64>(), any::<u32>(), any::<u32>(), any::<u32>(), any::<i64>(), 0u8..8), 0..30)) {
        let json: Vec<serde_json::Value> = events.iter().enumerate().map(|(i, (t, d, c, p, pts, a))| {
            let acts = ["login", "article", "reading_time", "daily_quiz", "four_player", "special_quiz", "x", "video"];
            let at = chrono::DateTime::from_timestamp(t.rem_euclid(20_000_000_000), 0).unwrap().to_rfc3339();
            serde_json::json!({"event_id": format!("e{}", i % 7), "member_id": "M", "activity": acts[usize::from(*a)],
                "occurred_at": at, "duration_seconds": d, "correct_answers": c, "place": p, "points": pts, "content_id": "c"})
        }).collect();
        let doc = serde_json::json!({"events": json, "voids": ["e1", "zz"]}).to_string();
        prop_assert!(score_json(&Scheme::learning_platform(), &doc, true).is_ok());
        prop_assert!(score_json(&Scheme::member_points(), &doc, true).is_ok());
    }
}

/// Owned columns of a batch of events (tables in first-seen order), for [`Scorer::ingest_columns`].
#[derive(Default)]
struct Cols {
    bytes: String,
    offsets: Vec<u32>,
    member_ids: Vec<String>,
    members: Vec<u32>,
    codes: Vec<String>,
    acts: Vec<u32>,
    ts: Vec<i64>,
    offs: Vec<i32>,
    content_ids: Vec<String>,
    contents: Vec<u32>,
    dur: Vec<Option<u32>>,
    cor: Vec<Option<u32>>,
    place: Vec<Option<u32>>,
    points: Vec<Option<i64>>,
}

fn index_of(table: &mut Vec<String>, s: &str) -> u32 {
    match table.iter().position(|t| t == s) {
        Some(i) => i as u32,
        None => {
            table.push(s.to_owned());
            (table.len() - 1) as u32
        }
    }
}

impl Cols {
    fn of(events: &[Event]) -> Self {
        let mut c = Cols {
            offsets: vec![0],
            ..Cols::default()
        };
        for e in events {
            c.bytes.push_str(&e.event_id);
            c.offsets.push(c.bytes.len() as u32);
            c.members.push(index_of(&mut c.member_ids, &e.member_id));
            c.acts.push(index_of(&mut c.codes, &e.activity));
            c.ts.push(e.occurred_at.timestamp_nanos_opt().unwrap());
            c.offs.push(e.occurred_at.offset().local_minus_utc());
            c.contents.push(match &e.content_id {
                Some(x) => index_of(&mut c.content_ids, x),
                None => Columns::NONE,
            });
            c.dur.push(e.duration_seconds);
            c.cor.push(e.correct_answers);
            c.place.push(e.place);
            c.points.push(e.points);
        }
        c
    }

    fn ingest(&self, s: &mut Scorer) -> Ingest {
        let member_ids: Vec<&str> = self.member_ids.iter().map(String::as_str).collect();
        let codes: Vec<&str> = self.codes.iter().map(String::as_str).collect();
        let content_ids: Vec<&str> = self.content_ids.iter().map(String::as_str).collect();
        s.ingest_columns(&Columns {
            event_id_bytes: &self.bytes,
            event_id_offsets: &self.offsets,
            member_ids: &member_ids,
            members: &self.members,
            activity_codes: &codes,
            activities: &self.acts,
            occurred_at_ns: &self.ts,
            offset_seconds: &self.offs,
            content_ids: &content_ids,
            contents: &self.contents,
            duration_seconds: &self.dur,
            correct_answers: &self.cor,
            place: &self.place,
            points: &self.points,
        })
        .unwrap()
    }
}

#[test]
fn columns_refuse_a_malformed_batch_whole() {
    let mut s = learning();
    let bad = Columns {
        event_id_bytes: "a",
        event_id_offsets: &[0, 1],
        member_ids: &["M1"],
        members: &[1],
        activity_codes: &["login"],
        activities: &[0],
        occurred_at_ns: &[0],
        ..Columns::default()
    };
    let e = s.ingest_columns(&bad).unwrap_err();
    assert_eq!(e.detail().field, "members");
    assert!(s.is_empty());
    let short = Columns {
        members: &[0],
        duration_seconds: &[None, None],
        ..bad
    };
    assert_eq!(
        s.ingest_columns(&short).unwrap_err().detail().field,
        "duration_seconds"
    );
    let split = Columns {
        event_id_bytes: "é",
        members: &[0],
        ..bad
    };
    assert_eq!(
        s.ingest_columns(&split).unwrap_err().detail().field,
        "event_id_offsets"
    );
    assert!(s
        .ingest_columns(&Columns::default())
        .unwrap()
        .changed
        .is_empty());
}

#[test]
fn columns_keep_offsets_repeats_and_refusals_as_events_do() {
    let mut a = ev("a", "M1", "login", "2026-03-02T07:00:00+08:00");
    a.occurred_at = chrono::DateTime::parse_from_rfc3339("2026-03-01T23:00:00Z").unwrap();
    let same_instant = Event {
        occurred_at: chrono::DateTime::parse_from_rfc3339("2026-03-02T07:00:00+08:00").unwrap(),
        ..a.clone()
    };
    let conflicting = Event {
        member_id: "M2".into(),
        ..a.clone()
    };
    let unknown = ev("u", "M9", "nope", "2026-03-02T07:00:00+08:00");
    let quiz = ev("q", "M9", "daily_quiz", "2026-03-02T07:00:00+08:00");
    let batch = vec![a, same_instant, conflicting, unknown, quiz];
    let mut by_events = learning();
    let mut by_columns = learning();
    let r1 = by_events.ingest(batch.clone());
    let r2 = Cols::of(&batch).ingest(&mut by_columns);
    assert_eq!(r1, r2);
    assert_eq!(r2.duplicates, vec!["a".to_owned()]);
    assert_eq!(r2.errors.len(), 3);
    assert_eq!(by_columns.ledger(), by_events.ledger());
    assert_eq!(
        by_columns.entry("a").unwrap().occurred_at.to_rfc3339(),
        "2026-03-01T23:00:00+00:00"
    );
    // M9 had only refused events: no member, no totals.
    assert_eq!(by_columns.totals(), by_events.totals());
    // The rows again, as events: all repeats.
    assert_eq!(by_columns.ingest(batch[..2].to_vec()).duplicates.len(), 2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn columns_give_what_events_give(events in stream(), chunk in 1usize..9) {
        let mut by_events = learning();
        by_events.ingest(events.clone());
        let mut by_columns = learning();
        for part in events.chunks(chunk) {
            let r = Cols::of(part).ingest(&mut by_columns);
            prop_assert!(r.errors.is_empty());
            // Again: every row a repeat, nothing changes.
            let again = Cols::of(part).ingest(&mut by_columns);
            prop_assert!(again.changed.is_empty());
            prop_assert_eq!(again.duplicates.len(), part.len());
        }
        prop_assert_eq!(by_columns.ledger(), by_events.ledger());
        prop_assert_eq!(by_columns.totals(), by_events.totals());
    }
}
