//! `settled_stage` answers only when every day of the range has that stage: checked against `stage_on` day by
//! day on random pipelines (votes, approvals, early and extended probations, suspensions) and random ranges.
#![allow(clippy::arithmetic_side_effects)] // test data

use chrono::Days;
use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn record(events: Vec<Value>) -> MemberRecord {
    serde_json::from_value(
        json!({"id": "M1", "name": "甲", "birth_date": "1990-01-01", "org": "B1",
        "events": events}),
    )
    .unwrap()
}

/// The pipeline's events in order of their stage; a kind's extra fields are added to its date.
const KINDS: [&str; 9] = [
    "application",
    "activist",
    "development_target",
    "branch_vote",
    "approval",
    "probation_extended",
    "conversion",
    "suspended",
    "reinstated",
];

fn event(kind: u8, date: NaiveDate, n: u32) -> Value {
    let name = KINDS[usize::from(kind) % KINDS.len()];
    let mut e = json!({"kind": name, "date": date.to_string()});
    match name {
        "activist" => e["recommended_by"] = json!("party_members"),
        "branch_vote" => {
            let yes = 8 + n % 8; // 8 to 15 of 20 entitled: passing from 11 (a majority), failing below
            e["vote"] = json!({"entitled": 20, "present": 15, "yes": yes, "no": 0, "abstain": 0});
        }
        "probation_extended" => e["months"] = json!(6 + n % 7),
        _ => {}
    }
    e
}

#[test]
fn a_member_long_settled_is_answered_once_and_a_change_inside_the_range_is_not() {
    let policy = Policy::bundled();
    let full = record(vec![
        json!({"kind": "imported", "date": "2015-07-01", "stage": "full"}),
    ]);
    let (from, to) = (day("2026-01-01"), day("2026-03-31"));
    assert_eq!(settled_stage(&policy, &full, from, to), Some(Stage::Full));
    // Suspended on 1 February: the quarter holds two stages.
    let mut suspended = full.clone();
    suspended
        .events
        .push(serde_json::from_value(json!({"kind": "suspended", "date": "2026-02-01"})).unwrap());
    assert_eq!(settled_stage(&policy, &suspended, from, to), None);
    // Suspended on the range's first day: the whole range is suspended (the day itself is read the same way).
    let mut from_first = full;
    from_first
        .events
        .push(serde_json::from_value(json!({"kind": "suspended", "date": "2026-01-01"})).unwrap());
    assert_eq!(
        settled_stage(&policy, &from_first, from, to),
        Some(Stage::Suspended)
    );
}

/// A pipeline in order — application to conversion, an extension and a suspension now and then — with gaps of
/// up to a year, so that probations end and suspensions begin inside the ranges the test asks about.
fn pipeline(gaps: &[u64], extend: bool, suspend: bool) -> Vec<(NaiveDate, Value)> {
    let kinds: &[u8] = &[0, 1, 2, 3, 4, 5, 6, 7, 8];
    let mut date = day("2018-01-01");
    let mut out = Vec::new();
    for (&kind, &gap) in kinds.iter().zip(gaps) {
        date = date.checked_add_days(Days::new(gap)).unwrap();
        if (kind == 5 && !extend) || (kind >= 7 && !suspend) {
            continue;
        }
        out.push((date, event(kind, date, 15)));
    }
    out
}

proptest! {
    #[test]
    fn a_settled_stage_is_the_stage_of_every_day_of_a_range_around_the_pipeline(
        gaps in prop::collection::vec(0u64..400, 9),
        extend in any::<bool>(),
        suspend in any::<bool>(),
        anchor in 0usize..9,
        offset in 0u64..60,
        length in 0u64..120,
    ) {
        let events = pipeline(&gaps, extend, suspend);
        let near = events.get(anchor % events.len().max(1)).map_or(day("2018-01-01"), |e| e.0);
        let from = near.checked_sub_days(Days::new(30)).unwrap().checked_add_days(Days::new(offset)).unwrap();
        let to = from.checked_add_days(Days::new(length)).unwrap();
        let r = record(events.into_iter().map(|e| e.1).collect());
        let policy = Policy::bundled();
        if let Some(settled) = settled_stage(&policy, &r, from, to) {
            let mut d = from;
            while d <= to {
                prop_assert_eq!(stage_on(&policy, &r, d).unwrap(), settled, "on {}", d);
                d = d.succ_opt().unwrap();
            }
        }
    }

    #[test]
    fn a_settled_stage_is_the_stage_of_every_day_of_the_range(
        steps in prop::collection::vec((0u8..9, 0u64..300, 0u32..100), 0..12),
        start in 0u64..3000,
        length in 0u64..200,
    ) {
        let mut date = day("2018-01-01");
        let mut events = Vec::new();
        for (kind, gap, n) in steps {
            date = date.checked_add_days(Days::new(gap)).unwrap();
            events.push(event(kind, date, n));
        }
        let r = record(events);
        let policy = Policy::bundled();
        let from = day("2018-01-01").checked_add_days(Days::new(start)).unwrap();
        let to = from.checked_add_days(Days::new(length)).unwrap();
        if let Some(settled) = settled_stage(&policy, &r, from, to) {
            let mut d = from;
            while d <= to {
                prop_assert_eq!(stage_on(&policy, &r, d).unwrap(), settled, "on {}", d);
                d = d.succ_opt().unwrap();
            }
        }
    }
}
