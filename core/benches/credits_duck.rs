//! Credits totals side by side with DuckDB: the Rust half of `bash tests/bench/credits.sh` (see there;
//! a bench, not a test). For each size (`BENCH_EVENTS`, default 1 000 000 and 10 000 000 events over
//! 100 000 members and 30 days, learning-platform scheme, 2022–23 rules, the generator of the `credits`
//! bench) it:
//!
//! 1. generates the events deterministically and writes them as CSV for DuckDB (`events_N.csv`);
//! 2. scores them with the fast path ([`Tally::day_totals`], numbered rows) and with the reference
//!    ([`Scorer::ingest_columns`] then [`Scorer::totals`]) and checks the day totals member by member
//!    (any difference stops the bench); writes the fast path's totals for the DuckDB side to compare
//!    (`totals_N.csv`);
//! 3. times, best of `BENCH_ROUNDS` (default 3): the fast path; the fast path with string member ids
//!    numbered first through an [`Interner`]; the reference `ingest_columns`;
//! 4. measures memory with a counting allocator: the fast path's peak heap per event, and the heap the
//!    reference scorer holds per event after a rolling replay (a batch per China-time day, each day
//!    closed with `close_through` once it is in) and after one batch unclosed.
//!
//! Results go to `BENCH_OUT` (default `target/bench/credits`) as `rust_N.txt` (`key value` lines).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use std::fmt::Write as _;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};
use std::time::Instant;

use dangjian::credits::{Columns, Interner, PeriodKind, Rows, Scheme, Scorer, Tally};

mod common;
use common::Lcg;

#[path = "support/counting.rs"]
mod counting;
#[global_allocator]
static GLOBAL: counting::Counting = counting::Counting;

const MEMBERS: u64 = 100_000;
const DAYS: u64 = 30;
/// 2023-05-01T00:00:00+08:00: midnight China time, so generated day `d` is China-time day `d` after it.
const BASE: i64 = 1_682_870_400;
/// The activities, by the index the CSV and the SQL use.
const ACTS: [&str; 7] = [
    "login",
    "article",
    "reading_time",
    "video",
    "video_time",
    "daily_quiz",
    "four_player",
];

/// The generated events as numbered columns (the fast path's contract).
struct Data {
    members: Vec<u32>,
    acts: Vec<u32>,
    seconds: Vec<i64>,
    contents: Vec<u32>,
    dur: Vec<u32>,
    cor: Vec<u32>,
    place: Vec<u32>,
}

/// The `credits` bench's generator (same draws, same order).
fn generate(n: usize) -> Data {
    let mut rng = Lcg(42);
    let mut d = Data {
        members: Vec::with_capacity(n),
        acts: Vec::with_capacity(n),
        seconds: Vec::with_capacity(n),
        contents: Vec::with_capacity(n),
        dur: Vec::with_capacity(n),
        cor: Vec::with_capacity(n),
        place: Vec::with_capacity(n),
    };
    for _ in 0..n {
        d.members.push((rng.next() % MEMBERS) as u32);
        d.acts.push((rng.next() % ACTS.len() as u64) as u32);
        d.seconds.push(BASE + (rng.next() % (DAYS * 86_400)) as i64);
        d.contents.push((rng.next() % 5_000) as u32);
        d.dur.push((rng.next() % 600) as u32);
        d.cor.push((rng.next() % 6) as u32);
        d.place.push((rng.next() % 4) as u32 + 1);
    }
    d
}

impl Data {
    fn rows(&self) -> Rows<'_> {
        Rows {
            members: &self.members,
            activity_codes: &ACTS,
            activities: &self.acts,
            seconds: &self.seconds,
            contents: &self.contents,
            duration_seconds: &self.dur,
            correct_answers: &self.cor,
            place: &self.place,
            ..Rows::default()
        }
    }

    fn write_csv(&self, path: &Path) {
        let mut w = BufWriter::with_capacity(1 << 20, std::fs::File::create(path).unwrap());
        writeln!(w, "member,act,ts,content,duration,correct,place").unwrap();
        for i in 0..self.members.len() {
            writeln!(
                w,
                "{},{},{},{},{},{},{}",
                self.members[i],
                self.acts[i],
                self.seconds[i],
                self.contents[i],
                self.dur[i],
                self.cor[i],
                self.place[i]
            )
            .unwrap();
        }
        w.flush().unwrap();
    }
}

/// The same events as the reference's `Columns` (ids in tables; event ids `e0`, `e1`, … so that, at
/// the same second, the reference's id order and the fast path's row order can differ: the totals must
/// not depend on it for this scheme's day caps, and the check below shows they do not).
struct Strings {
    ids: String,
    offsets: Vec<u32>,
    member_ids: Vec<String>,
    content_ids: Vec<String>,
    ts: Vec<i64>,
    dur: Vec<Option<u32>>,
    cor: Vec<Option<u32>>,
    place: Vec<Option<u32>>,
}

impl Strings {
    fn of(d: &Data, rows: std::ops::Range<usize>) -> Self {
        let mut s = Strings {
            ids: String::new(),
            offsets: vec![0],
            member_ids: (0..MEMBERS).map(|m| format!("M{m}")).collect(),
            content_ids: (0..5_000).map(|c| format!("c{c}")).collect(),
            ts: Vec::new(),
            dur: Vec::new(),
            cor: Vec::new(),
            place: Vec::new(),
        };
        for i in rows {
            write!(s.ids, "e{i}").unwrap();
            s.offsets.push(s.ids.len() as u32);
            s.ts.push(d.seconds[i] * 1_000_000_000);
            s.dur.push(Some(d.dur[i]));
            s.cor.push(Some(d.cor[i]));
            s.place.push(Some(d.place[i]));
        }
        s
    }

    fn columns<'a>(
        &'a self,
        d: &'a Data,
        rows: std::ops::Range<usize>,
        m: &'a [&'a str],
        c: &'a [&'a str],
    ) -> Columns<'a> {
        Columns {
            event_id_bytes: &self.ids,
            event_id_offsets: &self.offsets,
            member_ids: m,
            members: &d.members[rows.clone()],
            activity_codes: &ACTS,
            activities: &d.acts[rows.clone()],
            occurred_at_ns: &self.ts,
            content_ids: c,
            contents: &d.contents[rows],
            duration_seconds: &self.dur,
            correct_answers: &self.cor,
            place: &self.place,
            ..Columns::default()
        }
    }
}

/// The nanoseconds this thread has spent on a core (Linux `schedstat`; as the scale bench): on a shared
/// machine wall time counts other processes' turns, the thread's own time does not.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Runs `f` `rounds` times: the best time on this thread's core (wall time where the system does not
/// say), the best wall time, and the last result.
fn best<T>(rounds: usize, mut f: impl FnMut() -> T) -> (f64, f64, T) {
    let (mut out, mut cpu, mut wall) = (None, f64::INFINITY, f64::INFINITY);
    for _ in 0..rounds {
        let (t, c0) = (Instant::now(), cpu_ns());
        let r = f();
        let w = t.elapsed().as_secs_f64();
        let c = match (c0, cpu_ns()) {
            (Some(a), Some(b)) => b.saturating_sub(a) as f64 / 1e9,
            _ => w,
        };
        (cpu, wall, out) = (cpu.min(c), wall.min(w), Some(r));
    }
    (cpu, wall, out.unwrap())
}

/// Checks the fast path's day totals against the reference's, member by member (the reference lists
/// members by id, `M10` before `M2`: both sides are put in member-number then day order); returns how many.
fn check(tally: &dangjian::credits::DayTotals, scorer: &Scorer) -> usize {
    let mut want: Vec<(u32, String, i64)> = scorer
        .totals()
        .into_iter()
        .filter(|t| t.kind == PeriodKind::Day)
        .map(|t| (t.member_id[1..].parse().unwrap(), t.period, t.points))
        .collect();
    want.sort();
    let got: Vec<(u32, String, i64)> = (0..tally.members.len())
        .map(|i| {
            let day = tally.date(i).unwrap().format("%Y-%m-%d").to_string();
            (tally.members[i], day, tally.points[i])
        })
        .collect();
    assert_eq!(want.len(), got.len(), "number of day totals");
    if let Some(i) = (0..got.len()).find(|&i| got[i] != want[i]) {
        panic!(
            "day total {i}: fast path {:?}, reference {:?}",
            got[i], want[i]
        );
    }
    want.len()
}

fn main() {
    let sizes: Vec<usize> = std::env::var("BENCH_EVENTS")
        .unwrap_or_else(|_| "1000000,10000000".into())
        .split(',')
        .map(|s| s.trim().parse().expect("BENCH_EVENTS: numbers"))
        .collect();
    let rounds: usize = std::env::var("BENCH_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let out = PathBuf::from(std::env::var("BENCH_OUT").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../target/bench/credits").into()
    }));
    std::fs::create_dir_all(&out).unwrap();
    // `BENCH_PROFILE=1`: only the fast path, `BENCH_ROUNDS` times, for a profiler (`perf record`).
    if std::env::var_os("BENCH_PROFILE").is_some() {
        let tally = Tally::new(&Scheme::learning_platform()).unwrap();
        for n in sizes {
            let d = generate(n);
            let (t, _, _) = best(rounds, || tally.day_totals(&d.rows(), &[]).unwrap());
            eprintln!(
                "credits_duck: {n} events, fast path {:.2} M events/s (CPU time)",
                n as f64 / t / 1e6
            );
        }
        return;
    }
    for n in sizes {
        run(n, rounds, &out);
    }
}

fn run(n: usize, rounds: usize, out: &Path) {
    let mut report = String::new();
    let d = generate(n);
    d.write_csv(&out.join(format!("events_{n}.csv")));
    let tally = Tally::new(&Scheme::learning_platform()).unwrap();
    // Exactness first: the fast path against the reference, every member-day.
    let strings = Strings::of(&d, 0..n);
    let m: Vec<&str> = strings.member_ids.iter().map(String::as_str).collect();
    let c: Vec<&str> = strings.content_ids.iter().map(String::as_str).collect();
    let reference = || {
        let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
        let r = s
            .ingest_columns(&strings.columns(&d, 0..n, &m, &c))
            .unwrap();
        assert!(r.errors.is_empty());
        s
    };
    let fast = tally.day_totals(&d.rows(), &[]).unwrap();
    assert!(fast.errors.is_empty());
    let scorer = reference();
    let checked = check(&fast, &scorer);
    drop(scorer);
    eprintln!("credits_duck: {n} events: fast path = reference on all {checked} member-days");
    write_totals(&fast, &out.join(format!("totals_{n}.csv")));
    let _ = writeln!(report, "events {n}\nmember_days {checked}");

    let mut timed = |key: &str, what: &str, (cpu, wall): (f64, f64)| {
        let _ = writeln!(report, "{key}_cpu_s {cpu:.4}\n{key}_wall_s {wall:.4}");
        eprintln!(
            "credits_duck: {what}: {:.2} M events/s on its core ({:.2} M/s wall)",
            n as f64 / cpu / 1e6,
            n as f64 / wall / 1e6
        );
    };
    let (cpu, wall, _) = best(rounds, || tally.day_totals(&d.rows(), &[]).unwrap());
    timed("tally", "fast path", (cpu, wall));
    // String member ids, as a caller without numbers has them (a string column end to end with offsets,
    // as Arrow holds it): numbered through the interner, then scored.
    let (mut names, mut ends) = (String::new(), vec![0usize]);
    for m in &d.members {
        write!(names, "M{m}").unwrap();
        ends.push(names.len());
    }
    let (cpu, wall, _) = best(rounds, || {
        let mut ids = Interner::default();
        let members: Vec<u32> = ends
            .windows(2)
            .map(|w| ids.intern(&names[w[0]..w[1]]).unwrap())
            .collect();
        let rows = Rows {
            members: &members,
            ..d.rows()
        };
        tally.day_totals(&rows, &[]).unwrap()
    });
    drop((names, ends));
    timed(
        "tally_interned",
        "fast path, string member ids interned",
        (cpu, wall),
    );
    let (cpu, wall, _) = best(rounds, reference);
    timed("scorer", "Scorer::ingest_columns", (cpu, wall));
    drop(strings);
    memory(&d, &tally, &mut report);
    std::fs::write(out.join(format!("rust_{n}.txt")), report).unwrap();
}

/// The fast path's peak heap during a run, and what the reference scorer holds after the events fed a
/// China-time day at a time, each day closed once it is in (`close_through`), and fed in one batch.
fn memory(d: &Data, tally: &Tally, report: &mut String) {
    let n = d.members.len();
    let base = counting::reset_peak();
    let totals = tally.day_totals(&d.rows(), &[]).unwrap();
    let peak = counting::peak() - base;
    drop(totals);
    let _ = writeln!(
        report,
        "tally_peak_bytes_per_event {:.1}",
        peak as f64 / n as f64
    );
    // Rows in day order: each day's batch is a contiguous range.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| d.seconds[i]);
    let sorted = Data {
        members: order.iter().map(|&i| d.members[i]).collect(),
        acts: order.iter().map(|&i| d.acts[i]).collect(),
        seconds: order.iter().map(|&i| d.seconds[i]).collect(),
        contents: order.iter().map(|&i| d.contents[i]).collect(),
        dur: order.iter().map(|&i| d.dur[i]).collect(),
        cor: order.iter().map(|&i| d.cor[i]).collect(),
        place: order.iter().map(|&i| d.place[i]).collect(),
    };
    drop(order);
    for close in [true, false] {
        let held = held_after(&sorted, close);
        let what = if close { "closed_daily" } else { "unclosed" };
        let _ = writeln!(
            report,
            "scorer_{what}_bytes_per_event {:.1}",
            held as f64 / n as f64
        );
        eprintln!(
            "credits_duck: Scorer holds {:.1} bytes/event ({what})",
            held as f64 / n as f64
        );
    }
}

/// Heap the scorer holds after the (day-ordered) events fed a day at a time, closing each (`close`).
fn held_after(d: &Data, close: bool) -> usize {
    let n = d.members.len();
    let before = counting::live();
    let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
    let mut from = 0;
    while from < n {
        let day = (d.seconds[from] + 8 * 3600).div_euclid(86_400);
        let to =
            from + d.seconds[from..].partition_point(|&t| (t + 8 * 3600).div_euclid(86_400) == day);
        let strings = Strings::of(d, from..to);
        let m: Vec<&str> = strings.member_ids.iter().map(String::as_str).collect();
        let c: Vec<&str> = strings.content_ids.iter().map(String::as_str).collect();
        // Event ids are the row numbers (`Strings::of`), so unique across the batches.
        let r = s
            .ingest_columns(&strings.columns(d, from..to, &m, &c))
            .unwrap();
        assert!(r.errors.is_empty() && r.duplicates.is_empty());
        if close {
            let date = chrono::DateTime::from_timestamp(d.seconds[from] + 8 * 3600, 0)
                .unwrap()
                .date_naive();
            s.close_through(date);
        }
        from = to;
    }
    let held = counting::live() - before;
    drop(s);
    held
}

fn write_totals(t: &dangjian::credits::DayTotals, path: &Path) {
    let mut w = BufWriter::with_capacity(1 << 20, std::fs::File::create(path).unwrap());
    writeln!(w, "member,day,points").unwrap();
    for i in 0..t.members.len() {
        writeln!(w, "{},{},{}", t.members[i], t.days[i], t.points[i]).unwrap();
    }
    w.flush().unwrap();
}
