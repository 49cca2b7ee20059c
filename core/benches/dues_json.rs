//! The dues JSON entry points: a 100 000-member batch document read and assessed (no trace), as members per
//! second. Run with `cargo bench -p dangjian --bench dues_json`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::hint::black_box;

use criterion::Criterion;
use dangjian::dues::{self, AssessOptions};
use dangjian::{Policy, YearMonth};

#[path = "support/dues_json.rs"]
mod gen;
#[path = "support/groups.rs"]
mod groups;
use groups::batch_group;

const BATCH: usize = 100_000;

fn json(c: &mut Criterion) {
    let policy = Policy::bundled();
    let month: YearMonth = "2026-11".parse().unwrap();
    let doc = gen::batch(BATCH);
    let options = AssessOptions { trace: false };
    let check = dues::assess_batch_from_json(&policy, &doc, month, options).unwrap();
    assert!(check.errors.is_empty(), "{:?}", check.errors.first());
    assert_eq!(check.assessments.len(), BATCH);
    let mut group = batch_group(c, "json_100k", BATCH);
    group.bench_function("assess_batch_from_json", |b| {
        b.iter(|| dues::assess_batch_from_json(black_box(&policy), black_box(&doc), month, options))
    });
    // The reader before the streaming one, step for step: the document as JSON values (with paths), each member
    // read from its value with its path, ids checked, then `assess_batch` (which checks them again).
    group.bench_function("before_value_tree", |b| {
        b.iter(|| before(black_box(&policy), black_box(&doc), month, options))
    });
    group.bench_function("assess_batch_json", |b| {
        b.iter(|| dues::assess_batch_json(black_box(&policy), black_box(&doc), "2026-11", false))
    });
    group.finish();
}

fn before(policy: &Policy, json: &str, month: YearMonth, options: AssessOptions) -> usize {
    let de = &mut serde_json::Deserializer::from_str(json);
    let raw: Vec<serde_json::Value> = serde_path_to_error::deserialize(de).unwrap();
    let mut members = Vec::with_capacity(raw.len());
    let mut seen = std::collections::HashSet::with_capacity(raw.len());
    for value in raw {
        let id = value
            .get("member_id")
            .and_then(|v| v.as_str())
            .map(str::to_owned);
        if let Some(id) = id {
            assert!(seen.insert(id));
        }
        members.push(serde_path_to_error::deserialize::<_, dues::DuesMember>(value).unwrap());
    }
    dues::assess_batch(policy, &members, month, options)
        .assessments
        .len()
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    json(&mut c);
    c.final_summary();
}
