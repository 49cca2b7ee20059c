//! Credits benchmark: full replays (learning-platform scheme, 2022–23 rules, events over 30 days),
//! reported as elements (events) per second. The input is built before timing; the timed part is
//! `Scorer::new` + one `ingest_columns` of 10 000 000 events over 100 000 members as `Columns` with ids
//! in tables (`replay_columns_10m_…`: validation, interning, canonical ordering, scoring), or one
//! `ingest` of the first 1 000 000 of the same events as `Vec<Event>` (`replay_1m_…`, a `String` per
//! field per event, kept at 1M to stay affordable). Before timing it prints, once, the resident memory
//! the scorer keeps after the 10M replay (Linux: `VmRSS` growth, an upper bound) per event and per
//! member-day (distinct member and China-time day pairs of the input, ≈ 2.89 million).
//!
//! The rolling replay (`rolling_10m_events_100_days_close_daily`) spreads the same kind of stream over
//! 100 China-time days (≈ 100 000 events a day, ≈ 6.32 million member-days) and feeds it a day at a time:
//! one `ingest_columns` per day (built before timing), then `close_through` that day. Before timing it
//! prints the resident memory after it and after the same days fed without closing, and the split of
//! the run between ingesting and closing.
//!
//! Run with `cargo bench -p dangjian --bench credits` (about eight minutes).
//!
//! 32-bit ledger points (`Scored` 24 → 12 bytes, `Meta` 16 → 12) and 32-bit id ends (8 → 4 bytes an
//! id), against the commit before, six runs each alternated on the shared 2-core machine (filter
//! `replay_columns_10m`, which still prints every memory figure): after the 10M replay 1300 → 1100 MB
//! resident (130 → 110 bytes/event, 449 → 380 bytes/member-day); the rolling replay 347 → 345 MB closed
//! daily, 1131–1197 → 964–996 MB unclosed. Speed unchanged within the noise: `ingest_columns` of 10M
//! 1.31–1.77 → 1.43–1.82 million events/s, the rolling replay 0.51–0.64 → 0.50–0.59 million/s (load
//! 0.5–5). The price: an event whose points before caps could pass ±1e9 is refused.
//!
//! Event-id table, the commit before and this one alternated (A/B/A/B, three sittings, same machine,
//! noisy): the scorer's id index keeps 8-byte slots (the hash's high 32 bits over index + 1, linear
//! probing, at most 7/8 full) instead of the standard map's 16-byte `(u64, u32)` slots plus a control
//! byte, and no side table for full 64-bit collisions (a lookup checks each tag match against the
//! stored id). Memory after the 10M replay: 1300 → 1149 MB (130.0 → 114.9 bytes/event, 449.3 → 397.1
//! bytes/member-day; 2^24 slots either way, 285 → 134 MB); after the unclosed rolling replay 1141 →
//! 985 MB (114.1 → 98.5 bytes/event, 180.5 → 155.8 bytes/member-day); the closed one unchanged (348 →
//! 346 MB: its table holds a day). Speed unchanged within the noise: `ingest_columns` of 10M 1.71 →
//! 1.70 million events/s (mean of six runs each; 1.68–1.84 → 1.83–1.91 in the quietest sitting), the
//! rolling replay 0.62 → 0.60 million/s (mean of eight; runs of either spread ±10 %).
//!
//! Both together (one run after the merge, memory is the same every run): 948 MB after the 10M replay
//! (94.8 bytes/event, 327.8 bytes/member-day; 1.68–1.88 million events/s); the rolling replay 343 MB
//! closed daily (34.3 bytes/event, 54.3 bytes/member-day), 850 MB unclosed (85.0, 134.5).
//!
//! Rolling replay, measured in one sitting (same machine, noisy): 0.51 → 0.65 million events/s with
//! `close_through` rolling each member's closed base forward in place instead of rebuilding it (close
//! 6.5 → 4.1 s of the run, 33 % → 27 %; ingesting ≈ 11–13 s either way). Criterion, before that change:
//! 18.4 s per replay (0.54 million/s). Memory: 342–350 MB resident after the rolling replay (34–35
//! bytes/event, 54–55 bytes/member-day) against 1.17–1.19 GB (117–119 bytes/event, 185–189
//! bytes/member-day) for the same days unclosed. Fed a day at a time, ingesting is ~2.3× slower per
//! event than one 10M batch even without closing: per batch each of ~63 000 members is interned again
//! from the batch's table (hash + compare of its id, ≈ 11 %), its pending list allocated and its state
//! fetched at random for ~1.6 events (settle ≈ 16 %), plus malloc churn (≈ 12 %). Left: the rest of
//! close (≈ 27 %: the per-entry week/month/year of `Fold::absorb`, the sweep of every member, a fresh
//! id arena per close) and those per-batch member costs.
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

use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, SamplingMode, Throughput};
use dangjian::credits::{Columns, Event, Scheme, Scorer};

mod common;
use common::Lcg;

/// Events of the `Vec<Event>` replay (a `String` per field per event: kept affordable).
const EVENTS: usize = 1_000_000;
/// Events of the columnar replays (issue 4's size).
const COLUMN_EVENTS: usize = 10_000_000;
const MEMBERS: u64 = 100_000;
/// The one-batch replays span this many days from `BASE`.
const DAYS: u64 = 30;
/// The rolling replay spans this many days, one batch and one close per day.
const ROLLING_DAYS: u64 = 100;
/// Midnight China time, so that day `d` of the generator is China-time day `d` after it.
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

/// The generated events over `days` days, in order; replays of the same span take a prefix of the
/// same sequence.
fn rows(n: usize, days: u64) -> impl Iterator<Item = Row> {
    let mut rng = Lcg(42);
    (0..n).map(move |_| Row {
        member: rng.next() % MEMBERS,
        act: (rng.next() % ACTS.len() as u64) as usize,
        offset: (rng.next() % (days * 86_400)) as i64,
        content: rng.next() % 5_000,
        duration: (rng.next() % 600) as u32,
        correct: (rng.next() % 6) as u32,
        place: (rng.next() % 4) as u32 + 1,
    })
}

fn events() -> Vec<Event> {
    let base = chrono::DateTime::parse_from_rfc3339(BASE).unwrap();
    rows(EVENTS, DAYS)
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

/// The id tables the batches share (in order of first appearance, as a binding or a data frame hands
/// them over). A batch's table may name members it has no row for.
#[derive(Default)]
struct Tables {
    member_ids: Vec<String>,
    codes: Vec<String>,
    content_ids: Vec<String>,
}

/// One batch of the events as columns, built straight from the generator: ten million `Event`s would
/// not fit the bench.
#[derive(Default)]
struct Batch {
    bytes: String,
    offsets: Vec<u32>,
    members: Vec<u32>,
    acts: Vec<u32>,
    ts: Vec<i64>,
    contents: Vec<u32>,
    dur: Vec<Option<u32>>,
    cor: Vec<Option<u32>>,
    place: Vec<Option<u32>>,
}

/// `n` events over `days` days as columns: one batch, or (`by_day`) one batch per China-time day.
fn columns(n: usize, days: u64, by_day: bool) -> (Tables, Vec<Batch>) {
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
    let batches = if by_day { days as usize } else { 1 };
    let per = n / batches + n / batches / 8;
    let mut t = Tables::default();
    let mut out: Vec<Batch> = (0..batches)
        .map(|_| Batch {
            bytes: String::with_capacity(per * 8),
            offsets: Vec::with_capacity(per + 1),
            members: Vec::with_capacity(per),
            acts: Vec::with_capacity(per),
            ts: Vec::with_capacity(per),
            contents: Vec::with_capacity(per),
            dur: Vec::with_capacity(per),
            cor: Vec::with_capacity(per),
            place: Vec::with_capacity(per),
        })
        .collect();
    for b in &mut out {
        b.offsets.push(0);
    }
    for (i, r) in rows(n, days).enumerate() {
        let o = if by_day {
            &mut out[(r.offset / 86_400) as usize]
        } else {
            &mut out[0]
        };
        write!(o.bytes, "e{i}").unwrap();
        o.offsets.push(o.bytes.len() as u32);
        o.members
            .push(ix(&mut m, &mut t.member_ids, r.member as usize, || {
                format!("M{}", r.member)
            }));
        o.acts
            .push(ix(&mut a, &mut t.codes, r.act, || ACTS[r.act].to_owned()));
        o.ts.push(base_ns + r.offset * 1_000_000_000);
        o.contents
            .push(ix(&mut c, &mut t.content_ids, r.content as usize, || {
                format!("c{}", r.content)
            }));
        o.dur.push(Some(r.duration));
        o.cor.push(Some(r.correct));
        o.place.push(Some(r.place));
    }
    (t, out)
}

/// The shared tables as the `&str` slices `Columns` borrows.
struct Refs<'a> {
    member_ids: Vec<&'a str>,
    codes: Vec<&'a str>,
    content_ids: Vec<&'a str>,
}

impl<'a> Refs<'a> {
    fn of(t: &'a Tables) -> Self {
        let strs = |v: &'a [String]| v.iter().map(String::as_str).collect();
        Refs {
            member_ids: strs(&t.member_ids),
            codes: strs(&t.codes),
            content_ids: strs(&t.content_ids),
        }
    }

    fn columns(&'a self, b: &'a Batch) -> Columns<'a> {
        Columns {
            event_id_bytes: &b.bytes,
            event_id_offsets: &b.offsets,
            member_ids: &self.member_ids,
            members: &b.members,
            activity_codes: &self.codes,
            activities: &b.acts,
            occurred_at_ns: &b.ts,
            content_ids: &self.content_ids,
            contents: &b.contents,
            duration_seconds: &b.dur,
            correct_answers: &b.cor,
            place: &b.place,
            ..Columns::default()
        }
    }
}

/// Distinct (member, China-time day) pairs of the batches.
fn member_days(batches: &[Batch]) -> usize {
    let mut keys: Vec<u64> = batches
        .iter()
        .flat_map(|b| b.members.iter().zip(&b.ts))
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

/// The rolling replay: one `ingest_columns` per day, then (`close`) `close_through` that day. Returns
/// the scorer and the time spent ingesting and closing.
fn rolling(refs: &Refs<'_>, days: &[Batch], close: bool) -> (Scorer, Duration, Duration) {
    let first = chrono::DateTime::parse_from_rfc3339(BASE)
        .unwrap()
        .date_naive();
    let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
    let (mut ingesting, mut closing) = (Duration::ZERO, Duration::ZERO);
    for (d, b) in days.iter().enumerate() {
        let t0 = Instant::now();
        let r = s.ingest_columns(&refs.columns(b)).unwrap();
        let t1 = Instant::now();
        assert!(r.errors.is_empty());
        if close {
            s.close_through(first + chrono::Days::new(d as u64));
        }
        let t2 = Instant::now();
        ingesting += t1 - t0;
        closing += t2 - t1;
    }
    (s, ingesting, closing)
}

/// Prints the resident memory `run` leaves behind (its result kept alive) per event and per
/// member-day, and returns the result.
fn kept<T>(what: &str, member_days: usize, run: impl FnOnce() -> T) -> Option<T> {
    let before = resident()?;
    let out = run();
    let kept = resident()?.saturating_sub(before);
    println!(
        "credits: {what}: {:.0} MB resident, {:.1} bytes/event, {:.1} bytes/member-day",
        kept as f64 / 1e6,
        kept as f64 / COLUMN_EVENTS as f64,
        kept as f64 / member_days as f64,
    );
    Some(out)
}

fn main() {
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(15))
        .configure_from_args();
    one_batch(&mut c);
    rolling_by_day(&mut c);
    events_1m(&mut c);
    c.final_summary();
}

/// The 10M events in one `ingest_columns`.
fn one_batch(c: &mut Criterion) {
    let (tables, one) = columns(COLUMN_EVENTS, DAYS, false);
    let refs = Refs::of(&tables);
    let cols = refs.columns(&one[0]);
    // What the scorer keeps after the 10M replay, once, before the timed runs (which would leave freed
    // pages in the allocator): the resident set's growth while the scorer is alive. Temporaries of the
    // replay the allocator keeps count too, so this is an upper bound.
    let days = member_days(&one);
    let what = format!(
        "scorer after {COLUMN_EVENTS} events ({} members, {days} member-days)",
        refs.member_ids.len()
    );
    drop(kept(&what, days, || replay(&cols)));
    let mut g = c.benchmark_group("credits");
    g.throughput(Throughput::Elements(COLUMN_EVENTS as u64));
    g.bench_function("replay_columns_10m_events_100k_members", |b| {
        b.iter_batched(|| (), |()| replay(&cols), BatchSize::PerIteration)
    });
    g.finish();
}

/// The rolling replay: 100 days of ~100 000 events, each day closed once it is in.
fn rolling_by_day(c: &mut Criterion) {
    let (tables, by_day) = columns(COLUMN_EVENTS, ROLLING_DAYS, true);
    let refs = Refs::of(&tables);
    let days = member_days(&by_day);
    for close in [true, false] {
        let what = format!(
            "scorer after {COLUMN_EVENTS} events over {ROLLING_DAYS} days, a batch a day, {} \
             ({days} member-days)",
            if close { "each closed" } else { "none closed" }
        );
        if let Some((s, ingesting, closing)) = kept(&what, days, || rolling(&refs, &by_day, close))
        {
            let total = (ingesting + closing).as_secs_f64();
            println!(
                "credits:   ingest {:.2} s, close_through {:.2} s ({:.1} % of the run), {:.2} million events/s",
                ingesting.as_secs_f64(),
                closing.as_secs_f64(),
                100.0 * closing.as_secs_f64() / total,
                COLUMN_EVENTS as f64 / total / 1e6,
            );
            drop(s);
        }
    }
    let mut g = c.benchmark_group("credits");
    g.throughput(Throughput::Elements(COLUMN_EVENTS as u64));
    g.sampling_mode(SamplingMode::Flat);
    g.bench_function("rolling_10m_events_100_days_close_daily", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let (s, ingesting, closing) = rolling(&refs, &by_day, true);
                total += ingesting + closing;
                drop(s);
            }
            total
        })
    });
    g.finish();
}

/// The first 1M events as `Vec<Event>` in one `ingest`.
fn events_1m(c: &mut Criterion) {
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
    g.finish();
}
