//! Credits benchmark: a full replay of 1 000 000 events over 100 000 members (learning-platform scheme,
//! 2022–23 rules), reported as elements (events) per second. The input is built before timing; the timed
//! part is `Scorer::new` + one `ingest` of `Vec<Event>` (`replay_1m_…`), or one `ingest_columns` of the
//! same events as `Columns` with ids in tables (`replay_columns_1m_…`): validation, interning, canonical
//! ordering, scoring.
//!
//! Run with `cargo bench -p dangjian --bench credits`.
//!
//! Measured on the shared 2-core build machine (load average ~1.5, noisy: ±10 % between runs), the
//! same session before and after the issue-4 work: `ingest` 0.83 → 0.96 million events/s (×1.16),
//! `ingest_columns` 1.33 → 2.19 million/s (×1.65; 2.2–2.5 in other runs of the final code). The aim is
//! 10 million/s. Where the columnar replay's time goes now (≈ 0.43 s): interning the tables and hashing
//! the ids ≈ 3 %, the id triage (a bucket sort by table bucket) ≈ 6 %, validating and storing rows
//! ≈ 26 %, indexing the ids in that same bucket order ≈ 7 %, the canonical-order sort and the hand-out
//! to members (a counting sort by member) ≈ 16 %, and scoring ≈ 40 %: about half of it still the
//! fetching of each member's records from arrival order (now gathered in a tight loop, one member ahead
//! of the fold), half the fold itself. Under all of it, a fifth or so of the run is the kernel faulting
//! in the ~300 MB the replay touches for the first time. `ingest` pays on top for a `String` per field
//! per event (hashing, interning, freeing four million of them).
//! Tried and dropped: copying the batch's records into a member-contiguous buffer before the fold (the
//! scatter and the fresh 64 MB buffer's page faults cost what the fold saved), and caching the month's
//! bounds in the fold (no measurable change).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput};
use dangjian::credits::{Columns, Event, Scheme, Scorer};

mod common;
use common::Lcg;

const EVENTS: usize = 1_000_000;
const MEMBERS: u64 = 100_000;

fn events() -> Vec<Event> {
    let mut rng = Lcg(42);
    let base = chrono::DateTime::parse_from_rfc3339("2023-05-01T00:00:00+08:00").unwrap();
    let acts = [
        "login",
        "article",
        "reading_time",
        "video",
        "video_time",
        "daily_quiz",
        "four_player",
    ];
    (0..EVENTS)
        .map(|i| {
            let member = rng.next() % MEMBERS;
            let act = acts[(rng.next() % acts.len() as u64) as usize];
            let at = base + chrono::Duration::seconds((rng.next() % (30 * 86_400)) as i64);
            Event {
                event_id: format!("e{i}"),
                member_id: format!("M{member}"),
                activity: act.to_owned(),
                occurred_at: at,
                content_id: Some(format!("c{}", rng.next() % 5_000)),
                duration_seconds: Some((rng.next() % 600) as u32),
                correct_answers: Some((rng.next() % 6) as u32),
                place: Some((rng.next() % 4) as u32 + 1),
                points: None,
            }
        })
        .collect()
}

/// The same events as columns (ids in tables, as a binding or a data frame hands them over).
struct Owned {
    bytes: String,
    offsets: Vec<u32>,
    member_ids: Vec<String>,
    members: Vec<u32>,
    codes: Vec<String>,
    acts: Vec<u32>,
    ts: Vec<i64>,
    content_ids: Vec<String>,
    contents: Vec<u32>,
    dur: Vec<Option<u32>>,
    cor: Vec<Option<u32>>,
    place: Vec<Option<u32>>,
}

fn columns(events: &[Event]) -> Owned {
    use std::collections::HashMap;
    fn ix(map: &mut HashMap<String, u32>, table: &mut Vec<String>, s: &str) -> u32 {
        *map.entry(s.to_owned()).or_insert_with(|| {
            table.push(s.to_owned());
            (table.len() - 1) as u32
        })
    }
    let (mut m, mut a, mut c) = (HashMap::new(), HashMap::new(), HashMap::new());
    let mut o = Owned {
        bytes: String::new(),
        offsets: vec![0],
        member_ids: Vec::new(),
        members: Vec::new(),
        codes: Vec::new(),
        acts: Vec::new(),
        ts: Vec::new(),
        content_ids: Vec::new(),
        contents: Vec::new(),
        dur: Vec::new(),
        cor: Vec::new(),
        place: Vec::new(),
    };
    for e in events {
        o.bytes.push_str(&e.event_id);
        o.offsets.push(o.bytes.len() as u32);
        o.members.push(ix(&mut m, &mut o.member_ids, &e.member_id));
        o.acts.push(ix(&mut a, &mut o.codes, &e.activity));
        o.ts.push(e.occurred_at.timestamp_nanos_opt().unwrap());
        o.contents.push(ix(
            &mut c,
            &mut o.content_ids,
            e.content_id.as_deref().unwrap(),
        ));
        o.dur.push(e.duration_seconds);
        o.cor.push(e.correct_answers);
        o.place.push(e.place);
    }
    o
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(15))
        .configure_from_args();
    let all = events();
    let mut g = c.benchmark_group("credits");
    g.throughput(Throughput::Elements(EVENTS as u64));
    g.bench_function("replay_1m_events_100k_members", |b| {
        b.iter_batched(
            || all.clone(),
            |evs| {
                let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
                let r = s.ingest(evs);
                assert!(r.errors.is_empty());
                s
            },
            BatchSize::PerIteration,
        )
    });
    let o = columns(&all);
    let member_ids: Vec<&str> = o.member_ids.iter().map(String::as_str).collect();
    let codes: Vec<&str> = o.codes.iter().map(String::as_str).collect();
    let content_ids: Vec<&str> = o.content_ids.iter().map(String::as_str).collect();
    let cols = Columns {
        event_id_bytes: &o.bytes,
        event_id_offsets: &o.offsets,
        member_ids: &member_ids,
        members: &o.members,
        activity_codes: &codes,
        activities: &o.acts,
        occurred_at_ns: &o.ts,
        content_ids: &content_ids,
        contents: &o.contents,
        duration_seconds: &o.dur,
        correct_answers: &o.cor,
        place: &o.place,
        ..Columns::default()
    };
    g.bench_function("replay_columns_1m_events_100k_members", |b| {
        b.iter_batched(
            || (),
            |()| {
                let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
                let r = s.ingest_columns(&cols).unwrap();
                assert!(r.errors.is_empty());
                s
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
    c.final_summary();
}
