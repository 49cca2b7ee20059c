//! Credits benchmark: full replays (learning-platform scheme, 2022–23 rules, events over 30 days),
//! reported as elements (events) per second. The input is built before timing; the timed part is
//! `Scorer::new` + one `ingest_columns` of 10 000 000 events over 100 000 members as `Columns` with ids
//! in tables (`replay_columns_10m_…`: validation, interning, canonical ordering, scoring), or one
//! `ingest` of the first 1 000 000 of the same events as `Vec<Event>` (`replay_1m_…`, a `String` per
//! field per event, kept at 1M to stay affordable). Before timing it prints, once, the resident memory
//! the scorer keeps after the 10M replay (Linux: `VmRSS` growth, an upper bound) per event and per
//! member-day (distinct member and China-time day pairs of the input, ≈ 2.89 million).
//!
//! Run with `cargo bench -p dangjian --bench credits` (about four minutes).
//!
//! Measured on the shared 2-core build machine (load average ~2, noisy: ±15 % between runs), main's
//! commit and this code in one sitting: `ingest_columns` of 10M 1.50 → 1.80 million events/s (×1.20);
//! `ingest` of 1M 0.75–0.88 → 0.76–0.97 million/s (unchanged within the noise); memory 154 → 130
//! bytes/event, 532 → 449 bytes/member-day (1.54 → 1.30 GB). The aim is 10 million/s. At 10M the
//! replay is slower per event than at 1M (2.2 million/s): nothing stays in cache. What changed: the
//! canonical sort key carries 8 bytes of the event id, so the ~4 events a second that share an instant
//! no longer read their ids at random (that was 15 % of the run), and `Rec` is 32 bytes instead of 56
//! (one cache line per record fetched). Where the time goes now (perf, ≈ 5.6 s): the kernel faulting in
//! and zeroing the ~1.3 GB touched ≈ 30 %; scoring ≈ 20 % (mostly fetching each member's records at
//! random, the fold itself ≈ 5 %); indexing the ids in the hash table ≈ 7 %; the batch sorts (bucket
//! pass, bucket sorts, hand-out) ≈ 10 %; validating and storing rows ≈ 8 %.
//! Tried and dropped earlier: copying the batch's records into a member-contiguous buffer before the
//! fold (the scatter and the fresh buffer's page faults cost what the fold saved), and caching the
//! month's bounds in the fold (no measurable change).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput};
use dangjian::credits::{Columns, Event, Scheme, Scorer};

mod common;
use common::Lcg;

/// Events of the `Vec<Event>` replay (a `String` per field per event: kept affordable).
const EVENTS: usize = 1_000_000;
/// Events of the columnar replay (issue 4's size).
const COLUMN_EVENTS: usize = 10_000_000;
const MEMBERS: u64 = 100_000;
/// The generator spans this many days from `BASE`.
const DAYS: u64 = 30;
const BASE: &str = "2023-05-01T00:00:00+08:00";
const ACTS: [&str; 7] = [
    "login",
    "article",
    "reading_time",
    "video",
    "video_time",
    "daily_quiz",
    "four_player",
];

/// One generated event, before it becomes an `Event` or a row of columns.
struct Row {
    member: u64,
    act: usize,
    /// Seconds after `BASE`.
    offset: i64,
    content: u64,
    duration: u32,
    correct: u32,
    place: u32,
}

/// The generated events, in order; both replays take a prefix of the same sequence.
fn rows(n: usize) -> impl Iterator<Item = Row> {
    let mut rng = Lcg(42);
    (0..n).map(move |_| Row {
        member: rng.next() % MEMBERS,
        act: (rng.next() % ACTS.len() as u64) as usize,
        offset: (rng.next() % (DAYS * 86_400)) as i64,
        content: rng.next() % 5_000,
        duration: (rng.next() % 600) as u32,
        correct: (rng.next() % 6) as u32,
        place: (rng.next() % 4) as u32 + 1,
    })
}

fn events() -> Vec<Event> {
    let base = chrono::DateTime::parse_from_rfc3339(BASE).unwrap();
    rows(EVENTS)
        .enumerate()
        .map(|(i, r)| Event {
            event_id: format!("e{i}"),
            member_id: format!("M{}", r.member),
            activity: ACTS[r.act].to_owned(),
            occurred_at: base + chrono::Duration::seconds(r.offset),
            content_id: Some(format!("c{}", r.content)),
            duration_seconds: Some(r.duration),
            correct_answers: Some(r.correct),
            place: Some(r.place),
            points: None,
        })
        .collect()
}

/// The same events as columns (ids in tables in order of first appearance, as a binding or a data frame
/// hands them over), built straight from the generator: ten million `Event`s would not fit the bench.
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

fn columns(n: usize) -> Owned {
    use std::fmt::Write;
    /// Index of `key` in its table, adding `name()` on first appearance.
    fn ix(
        slots: &mut [u32],
        table: &mut Vec<String>,
        key: usize,
        name: impl Fn() -> String,
    ) -> u32 {
        if slots[key] == u32::MAX {
            slots[key] = table.len() as u32;
            table.push(name());
        }
        slots[key]
    }
    let base_ns = chrono::DateTime::parse_from_rfc3339(BASE)
        .unwrap()
        .timestamp_nanos_opt()
        .unwrap();
    let (mut m, mut a, mut c) = (
        vec![u32::MAX; MEMBERS as usize],
        vec![u32::MAX; ACTS.len()],
        vec![u32::MAX; 5_000],
    );
    let mut o = Owned {
        bytes: String::with_capacity(n * 8),
        offsets: Vec::with_capacity(n + 1),
        member_ids: Vec::new(),
        members: Vec::with_capacity(n),
        codes: Vec::new(),
        acts: Vec::with_capacity(n),
        ts: Vec::with_capacity(n),
        content_ids: Vec::new(),
        contents: Vec::with_capacity(n),
        dur: Vec::with_capacity(n),
        cor: Vec::with_capacity(n),
        place: Vec::with_capacity(n),
    };
    o.offsets.push(0);
    for (i, r) in rows(n).enumerate() {
        write!(o.bytes, "e{i}").unwrap();
        o.offsets.push(o.bytes.len() as u32);
        o.members
            .push(ix(&mut m, &mut o.member_ids, r.member as usize, || {
                format!("M{}", r.member)
            }));
        o.acts
            .push(ix(&mut a, &mut o.codes, r.act, || ACTS[r.act].to_owned()));
        o.ts.push(base_ns + r.offset * 1_000_000_000);
        o.contents
            .push(ix(&mut c, &mut o.content_ids, r.content as usize, || {
                format!("c{}", r.content)
            }));
        o.dur.push(Some(r.duration));
        o.cor.push(Some(r.correct));
        o.place.push(Some(r.place));
    }
    o
}

/// Distinct (member, China-time day) pairs of the columns.
fn member_days(o: &Owned) -> usize {
    let mut keys: Vec<u64> = o
        .members
        .iter()
        .zip(&o.ts)
        .map(|(&m, &ts)| {
            let day = (ts.div_euclid(1_000_000_000) + 8 * 3600).div_euclid(86_400);
            (u64::from(m) << 32) | day as u64
        })
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys.len()
}

/// The process's resident set in bytes (Linux: `VmRSS` of `/proc/self/status`); `None` elsewhere.
fn resident() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn replay(cols: &Columns<'_>) -> Scorer {
    let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
    let r = s.ingest_columns(cols).unwrap();
    assert!(r.errors.is_empty());
    s
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(15))
        .configure_from_args();
    let o = columns(COLUMN_EVENTS);
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
    // What the scorer keeps after the 10M replay, once, before the timed runs (which would leave freed
    // pages in the allocator): the resident set's growth while the scorer is alive. Temporaries of the
    // replay the allocator keeps count too, so this is an upper bound.
    if let Some(before) = resident() {
        let s = replay(&cols);
        if let Some(after) = resident() {
            let kept = after.saturating_sub(before);
            let days = member_days(&o);
            println!(
                "credits: scorer after {COLUMN_EVENTS} events ({} members, {days} member-days): \
                 {:.0} MB resident, {:.1} bytes/event, {:.1} bytes/member-day",
                member_ids.len(),
                kept as f64 / 1e6,
                kept as f64 / COLUMN_EVENTS as f64,
                kept as f64 / days as f64,
            );
        }
        drop(s);
    }
    let mut g = c.benchmark_group("credits");
    g.throughput(Throughput::Elements(COLUMN_EVENTS as u64));
    g.bench_function("replay_columns_10m_events_100k_members", |b| {
        b.iter_batched(|| (), |()| replay(&cols), BatchSize::PerIteration)
    });
    drop(o);
    let all = events();
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
    g.finish();
    c.final_summary();
}
