//! Dues benchmarks: one assessment (with and without the trace) and a batch of 100 000 members.
//!
//! Run with `cargo bench -p dangjian --bench dues`. The batch figures are reported as elements (members)
//! per second. `amounts_1m` sets the integer fast path (`MonthRules::amounts_fen`, the month's rules resolved
//! once) beside `assess` in a loop over the same bases, after checking the two agree member by member;
//! `national` streams 99 million generated bases (one category column at a time, 1 M per chunk, so memory stays
//! at two chunks) and prints the run's time once.
//!
//! The traced batch (`batch_100k/trace`, issue 14): the trace used to be written as text while assessing, three
//! or four `String`s and several formatted decimals a step, about ten steps a member. It is now kept as codes and
//! numbers (`dues::Trace`: steps encoded as bytes, decimals as varints, into 64 KiB chunks a batch's members
//! share) and written as text only when read. Same sitting, 2 shared cores, binaries alternated: traced batch
//! 0.17–0.18 M members/s before, 1.68–1.70 M/s after; the batch without trace 2.03–2.24 M/s before, 2.11–2.31
//! after (a first run of a sequence now and then at 1.65); the plain loop 3.0–3.4 before, 3.6–3.7 after.
//!
//! The repeated-id check (issue 14): it was a lookup beside each assessment, a read at a random place of a table
//! larger than the cache that nothing else could overlap; it is now one pass over the ids before assessing, their
//! slots touched a block of 32 at a time and each id filed in one scan (`IdTable::claim`). Old and new binaries
//! alternated twice, one sitting, machine otherwise idle: `batch_100k/no_trace` 2.17–2.30 → 2.42–2.49 M members/s;
//! `batch_1m_flat/no_trace` (a million students: the batch's own work at scale) 2.31–2.41 → 3.02–3.22 M/s, against
//! 1.20–1.27 M/s for the loop that keeps the same assessments (`loop_collect_no_trace`). The plain loop that keeps
//! only the sum (`batch_100k/loop_no_trace`, 3.7–3.8 M/s) stays ahead of the batch: it drops each assessment as it
//! goes, while the batch writes 240 bytes an assessment and frees the ids at the end.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use dangjian::dues::{
    self, AssessOptions, Category, DuesMember, IncomeRecord, ItemCode, MonthRules,
};
use dangjian::{Policy, YearMonth};
use rust_decimal::Decimal;

mod common;
use common::Lcg;
#[path = "support/dues_population.rs"]
mod dues_population;
#[path = "support/groups.rs"]
mod groups;
use dues_population::population;
use groups::batch_group;

const BATCH: usize = 100_000;

/// The public-institution member of the crate docs: six items, one excluded, two deducted.
fn composed_member() -> DuesMember {
    serde_json::from_str(
        r#"{"member_id":"M001","category":"employed","employer_type":"public_institution",
        "incomes":[{"items":[
          {"code":"post_salary","amount":"4000.00"},{"code":"grade_salary","amount":"1500.00"},
          {"code":"basic_performance","amount":"2000.00"},{"code":"reward_performance","amount":"3000.00"},
          {"code":"housing_fund","amount":"900.00"},{"code":"income_tax","amount":"200.00"}]}]}"#,
    )
    .unwrap()
}

fn net_base_member() -> DuesMember {
    serde_json::from_str(
        r#"{"member_id":"M002","category":"employed","incomes":[{"items":[{"code":"net_base","amount":"5400.00"}]}]}"#,
    )
    .unwrap()
}

/// What a user writes by hand: `assess` member by member, the amounts summed (no trace).
fn assess_loop(policy: &Policy, members: &[DuesMember], month: YearMonth) -> Decimal {
    members
        .iter()
        .filter_map(|m| {
            dues::assess(policy, black_box(m), month, AssessOptions { trace: false }).ok()
        })
        .map(|a| a.amount)
        .fold(Decimal::ZERO, |s, a| s + a)
}

fn single(c: &mut Criterion) {
    let policy = Policy::bundled();
    let month: YearMonth = "2026-11".parse().unwrap();
    let mut group = c.benchmark_group("assess");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .throughput(Throughput::Elements(1));
    for (label, member) in [
        ("items", composed_member()),
        ("net_base", net_base_member()),
    ] {
        for trace in [false, true] {
            let name = format!("{label}/{}", if trace { "trace" } else { "no_trace" });
            group.bench_function(name, |b| {
                b.iter(|| {
                    dues::assess(
                        black_box(&policy),
                        black_box(&member),
                        black_box(month),
                        AssessOptions { trace },
                    )
                })
            });
        }
    }
    group.finish();
}

fn batch(c: &mut Criterion) {
    let policy = Policy::bundled();
    let month: YearMonth = "2026-11".parse().unwrap();
    let members = population(BATCH);
    let check = dues::assess_batch(&policy, &members, month, AssessOptions { trace: false });
    assert!(check.errors.is_empty(), "{:?}", check.errors.first());
    let mut group = batch_group(c, "batch_100k", BATCH);
    for trace in [false, true] {
        let name = if trace { "trace" } else { "no_trace" };
        group.bench_function(name, |b| {
            b.iter(|| {
                dues::assess_batch(
                    black_box(&policy),
                    black_box(&members),
                    month,
                    AssessOptions { trace },
                )
            })
        });
    }
    // The same members assessed one by one, keeping only the sum: the lower bound of the batch's work.
    group.bench_function("loop_no_trace", |b| {
        b.iter(|| assess_loop(&policy, &members, month))
    });
    // What a user writes to get what the batch returns: every assessment kept, failures beside them. The batch
    // adds the repeated-id check and the error entries on top of this.
    group.bench_function("loop_collect_no_trace", |b| {
        b.iter(|| {
            let mut kept = Vec::with_capacity(members.len());
            let mut failed = Vec::new();
            for (i, m) in members.iter().enumerate() {
                match dues::assess(&policy, black_box(m), month, AssessOptions { trace: false }) {
                    Ok(a) => kept.push(a),
                    Err(e) => failed.push((i, e)),
                }
            }
            (kept, failed)
        })
    });
    group.finish();
}

/// A million flat-amount members (students, no income items): the batch's own work at scale — the repeated-id
/// check over a table larger than the cache, one assessment kept per member — beside the loop that keeps the
/// same assessments.
fn batch_1m_flat(c: &mut Criterion) {
    const N: usize = 1_000_000;
    let policy = Policy::bundled();
    let month: YearMonth = "2026-11".parse().unwrap();
    let members: Vec<DuesMember> = (0..N)
        .map(|i| DuesMember::new(format!("S{i:07}"), Category::Student))
        .collect();
    let mut group = batch_group(c, "batch_1m_flat", N);
    group.bench_function("no_trace", |b| {
        b.iter(|| {
            dues::assess_batch(
                &policy,
                black_box(&members),
                month,
                AssessOptions::default(),
            )
        })
    });
    group.bench_function("loop_collect_no_trace", |b| {
        b.iter(|| {
            members
                .iter()
                .filter_map(|m| {
                    dues::assess(&policy, black_box(m), month, AssessOptions::default()).ok()
                })
                .collect::<Vec<_>>()
        })
    });
    group.finish();
}

/// `n` employed bases in fen, below 20 000 yuan: every bracket.
fn bases(n: usize, seed: u64) -> Vec<i64> {
    let mut rng = Lcg(seed);
    (0..n)
        .map(|_| i64::try_from(rng.next() % 2_000_000).unwrap())
        .collect()
}

fn net_base(category: Category, base_fen: i64) -> DuesMember {
    DuesMember::new("M", category)
        .income(IncomeRecord::new().item(ItemCode::NetBase, Decimal::new(base_fen, 2)))
}

fn amounts(c: &mut Criterion) {
    const N: usize = 1_000_000;
    let policy = Policy::bundled();
    let month: YearMonth = "2026-11".parse().unwrap();
    let bases = bases(N, 7);
    let members: Vec<DuesMember> = bases
        .iter()
        .map(|&b| net_base(Category::Employed, b))
        .collect();
    let rules = MonthRules::resolve(&policy, month).unwrap();
    let mut out = Vec::new();
    assert!(rules
        .amounts_fen(Category::Employed, &bases, &mut out)
        .is_empty());
    for (m, fen) in members.iter().zip(&out) {
        let a = dues::assess(&policy, m, month, AssessOptions { trace: false }).unwrap();
        assert_eq!(
            a.amount,
            Decimal::new(*fen, 2),
            "the paths disagree on {m:?}"
        );
    }
    let mut group = batch_group(c, "amounts_1m", N);
    group.bench_function("month_rules_fen", |b| {
        b.iter(|| {
            let rules = MonthRules::resolve(&policy, month).unwrap();
            rules.amounts_fen(Category::Employed, black_box(&bases), &mut out)
        })
    });
    group.bench_function("assess_loop", |b| {
        b.iter(|| assess_loop(&policy, &members, month))
    });
    group.finish();
}

/// A national month: 99 million members' bases, generated and assessed a million at a time, the amounts summed.
fn national() {
    const MEMBERS: usize = 99_000_000;
    const CHUNK: usize = 1_000_000;
    let rules = MonthRules::resolve(&Policy::bundled(), "2026-11".parse().unwrap()).unwrap();
    let mut rng = Lcg(99);
    let (mut chunk, mut out) = (Vec::with_capacity(CHUNK), Vec::with_capacity(CHUNK));
    let start = std::time::Instant::now();
    let (mut total_fen, mut done) = (0_i64, 0);
    while done < MEMBERS {
        chunk.clear();
        chunk.extend((0..CHUNK).map(|_| i64::try_from(rng.next() % 2_000_000).unwrap()));
        let category = if done % (10 * CHUNK) == 0 {
            Category::Retired
        } else {
            Category::Employed
        };
        assert!(rules.amounts_fen(category, &chunk, &mut out).is_empty());
        total_fen += out.iter().sum::<i64>();
        done += CHUNK;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "national: {done} members in {secs:.2} s ({:.1} M members/s, generation included), total {} yuan",
        done as f64 / secs / 1e6,
        Decimal::new(total_fen, 2)
    );
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    single(&mut c);
    batch(&mut c);
    batch_1m_flat(&mut c);
    amounts(&mut c);
    national();
    c.final_summary();
}
