//! Membership benchmark: checking 100 000 member records of 2 000 branches on one day, the roster being the
//! records themselves (sponsors and contacts looked up in it).
//!
//! Run with `cargo bench -p dangjian --bench membership`; figures are records per second.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput};
use dangjian::membership::{check, check_all, Context, MemberRecord};
use dangjian::{Calendar, Policy};
use serde_json::json;

mod common;
use common::Lcg;

const RECORDS: usize = 100_000;

fn day(base: NaiveDate, offset: u64) -> String {
    (base + chrono::Days::new(offset)).to_string()
}

/// The whole pipeline from an application on `start`, in the 2014 细则's time limits (a few late on purpose).
fn pipeline(
    start: NaiveDate,
    sponsors: [&str; 2],
    rng: &mut Lcg,
    steps: usize,
) -> serde_json::Value {
    let late = rng.next() % 10 == 0;
    let events = vec![
        json!({"kind":"application","date":day(start, 0)}),
        json!({"kind":"talk","date":day(start, if late { 40 } else { 20 })}),
        json!({"kind":"activist","date":day(start, 45),"recommended_by":"party_members"}),
        json!({"kind":"contacts","date":day(start, 45),"contacts":[sponsors[0]]}),
        json!({"kind":"half_year_review","date":day(start, 200)}),
        json!({"kind":"half_year_review","date":day(start, 380)}),
        json!({"kind":"development_target","date":day(start, 420)}),
        json!({"kind":"sponsors","date":day(start, 420),"sponsors":sponsors}),
        json!({"kind":"political_review","date":day(start, 450)}),
        json!({"kind":"training","date":day(start, 460),"days":3}),
        json!({"kind":"public_notice","date":day(start, 470),"closes_on":day(start, 480)}),
        json!({"kind":"committee_review","date":day(start, 485)}),
        json!({"kind":"pre_review","date":day(start, 490)}),
        json!({"kind":"branch_vote","date":day(start, 500),"vote":{"entitled":30,"present":25,"yes":24,"no":1,"abstain":0}}),
        json!({"kind":"interview","date":day(start, 520)}),
        json!({"kind":"approval","date":day(start, 560)}),
        json!({"kind":"oath","date":day(start, 570)}),
        json!({"kind":"conversion","date":day(start, 870)}),
    ];
    json!(events.into_iter().take(steps).collect::<Vec<_>>())
}

/// 2 000 branches of 50: 40 imported full members (two of them sponsor everyone else), the rest at every
/// stage of the pipeline.
fn population() -> Vec<MemberRecord> {
    let mut rng = Lcg(2026);
    let base = NaiveDate::from_ymd_opt(2022, 1, 3).unwrap();
    (0..RECORDS)
        .map(|i| {
            let branch = i / 50;
            let seat = i % 50;
            let id = format!("M{i:06}");
            let sponsors = [
                format!("M{:06}", branch * 50),
                format!("M{:06}", branch * 50 + 1),
            ];
            let events = if seat < 40 {
                json!([{"kind":"imported","date":day(base, rng.next() % 3000),"stage":"full"}])
            } else {
                let start = base + chrono::Days::new(rng.next() % 1200);
                let steps = 1 + usize::try_from(rng.next() % 18).unwrap();
                pipeline(start, [&sponsors[0], &sponsors[1]], &mut rng, steps)
            };
            serde_json::from_value(json!({"id": id, "name": "党员", "birth_date": "1990-05-01",
                "org": format!("B{branch:04}"), "events": events}))
            .unwrap()
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let records = population();
    let (policy, calendar) = (Policy::bundled(), Calendar::official());
    let ctx = Context::new(&policy, &calendar, &records).unwrap();
    let on = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();

    let pipeline_record = records.iter().find(|r| r.events.len() == 18).unwrap();
    let mut one = c.benchmark_group("membership_one");
    one.throughput(Throughput::Elements(1));
    one.bench_function("check_full_pipeline_record", |b| {
        b.iter(|| check(&ctx, black_box(pipeline_record), on).unwrap())
    });
    one.bench_function("check_imported_full_member", |b| {
        b.iter(|| check(&ctx, black_box(&records[0]), on).unwrap())
    });
    one.finish();

    let mut all = c.benchmark_group("membership_100k");
    all.sample_size(10)
        .measurement_time(Duration::from_secs(20))
        .throughput(Throughput::Elements(RECORDS as u64));
    all.bench_function("check_all", |b| {
        b.iter(|| {
            let reports = check_all(&ctx, on);
            assert!(reports.iter().all(Result::is_ok));
            reports.len()
        })
    });
    all.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    benches(&mut c);
    c.final_summary();
}
