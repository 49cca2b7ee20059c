//! Credits benchmark: a full replay of 1 000 000 events over 100 000 members (learning-platform scheme,
//! 2022–23 rules), reported as elements (events) per second. The events are built before timing; the
//! timed part is `Scorer::new` + one `ingest` (validation, interning, canonical ordering, scoring).
//!
//! Run with `cargo bench -p dangjian --bench credits`.
//!
//! Measured on the shared 2-core build machine (load average ~4): 0.5–0.65 million events/s (1.5–2.0 s per
//! replay). The aim is 10 million/s; the time goes to what a string-keyed API costs per event — probing the
//! event-id table (duplicate detection over a million ids), interning the member id, moving the owned
//! `Event` into the store, and two compact sorts into canonical order — each a cache miss or more, while the
//! scoring fold itself is a few per cent. Reaching the aim needs a columnar entry point with pre-interned
//! member and event keys (see the bindings follow-up), not a faster fold.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput};
use dangjian::credits::{Event, Scheme, Scorer};

const EVENTS: usize = 1_000_000;
const MEMBERS: u64 = 100_000;

/// A small deterministic generator (no external RNG needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

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
    g.finish();
    c.final_summary();
}
