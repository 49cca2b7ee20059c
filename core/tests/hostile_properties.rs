//! Invariants fuzzing cannot see (issue 16): totals equal the sum of their entries; a batch's good records give
//! exactly what the same records give alone, whatever bad records are mixed in.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use dangjian::credits::{score_jsonl, Scheme};
use dangjian::dues::{self, Period};
use dangjian::Policy;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// An amount in fen up to one trillion yuan, as the two-decimal string the grammar accepts.
fn amount() -> impl Strategy<Value = Decimal> {
    (0i64..=100_000_000_000_000).prop_map(|fen| Decimal::new(fen, 2))
}

fn ledger() -> impl Strategy<Value = Value> {
    (
        proptest::collection::btree_map(1u32..=12, amount(), 0..8),
        proptest::collection::vec((1u32..=12, amount(), amount()), 0..6),
    )
        .prop_map(|(obligations, payments)| {
            json!({
                "member_id": "M",
                "obligations": obligations.iter().map(|(m, a)| json!({"month": format!("2026-{m:02}"), "amount": a.to_string()})).collect::<Vec<_>>(),
                "payments": payments.iter().map(|(m, a, v)| json!({"paid_on": format!("2026-{m:02}-05"), "amount": a.to_string(), "months": [format!("2026-{m:02}")], "voluntary": v.to_string()})).collect::<Vec<_>>(),
            })
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A ledger's totals are the sums of its lines, and a summary's are the sums of the reports' lines in the
    /// period (the voluntary figures of the voluntary payments in it).
    #[test]
    fn totals_equal_the_sum_of_entries(ledgers in proptest::collection::vec(ledger(), 0..6), month in 1u32..=12) {
        let p = Policy::bundled();
        let reports: Vec<dues::LedgerReport> = ledgers.iter().map(|l| {
            let l: dues::Ledger = serde_json::from_value(l.clone()).unwrap();
            dues::evaluate_ledger(&p, &l, "2026-12-31".parse().unwrap()).unwrap()
        }).collect();
        for r in &reports {
            let sum = |f: fn(&dues::MonthLine) -> Decimal| r.months.iter().map(f).sum::<Decimal>();
            prop_assert_eq!(r.total_due, sum(|l| l.due));
            prop_assert_eq!(r.total_paid, sum(|l| l.paid));
            prop_assert_eq!(r.outstanding, sum(|l| l.outstanding));
            prop_assert_eq!(r.total_paid + r.outstanding, r.total_due);
            prop_assert_eq!(r.voluntary_total, r.voluntary_payments.iter().map(|v| v.amount).sum::<Decimal>());
        }
        for period in [Period::Year(2026), Period::Month(format!("2026-{month:02}").parse().unwrap())] {
            let s = dues::summarize(&reports, period).unwrap();
            let lines = || reports.iter().flat_map(|r| &r.months).filter(|l| period.contains(l.month));
            prop_assert_eq!(s.due, lines().map(|l| l.due).sum::<Decimal>());
            prop_assert_eq!(s.collected, lines().map(|l| l.paid).sum::<Decimal>());
            prop_assert_eq!(s.outstanding, lines().map(|l| l.outstanding).sum::<Decimal>());
            let vol = || reports.iter().flat_map(|r| &r.voluntary_payments)
                .filter(|v| period.contains(dangjian::YearMonth::of(v.paid_on)));
            prop_assert_eq!(s.voluntary, vol().map(|v| v.amount).sum::<Decimal>());
            prop_assert_eq!(s.remitted_to_centre, vol().filter(|v| v.remitted).map(|v| v.amount).sum::<Decimal>());
            let members = reports.iter().filter(|r| r.months.iter().any(|l| period.contains(l.month))).count();
            prop_assert_eq!(s.members as usize, members);
        }
    }
}

/// Lines no scheme accepts: not JSON, bad UTF-8 is not possible in a `&str`, so a broken event, an empty id,
/// a bad amount of points, a leap-second-free bad time, a huge line.
fn bad_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("not json".to_owned()),
        Just(r#"{"event_id":"","member_id":"M9","activity":"login","occurred_at":"2026-03-02T07:00:00+08:00"}"#.to_owned()),
        Just(r#"{"event_id":"x","member_id":"M9","activity":"nope","occurred_at":"2026-03-02T07:00:00+08:00"}"#.to_owned()),
        Just(r#"{"event_id":"y","member_id":"M9","activity":"login","occurred_at":"2026-02-30T07:00:00+08:00"}"#.to_owned()),
        Just(r#"{"event_id":"z","member_id":" M9","activity":"login","occurred_at":"2026-03-02T07:00:00+08:00"}"#.to_owned()),
        Just("x".repeat(70_000)),
    ]
}

fn good_line(i: usize, member: u8, day: u8, activity: &str) -> String {
    format!(
        r#"{{"event_id":"g{i}","member_id":"M{member}","activity":"{activity}","occurred_at":"2026-03-{day:02}T07:{:02}:00+08:00","content_id":"c{i}","duration_seconds":90}}"#,
        i % 60
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Credits JSON Lines: the good lines score exactly as they do alone (entries and totals), and every bad
    /// line is one error.
    #[test]
    fn credits_good_lines_score_as_they_do_alone(
        goods in proptest::collection::vec((0u8..4, 1u8..=9, prop_oneof![Just("login"), Just("article"), Just("video")]), 1..20),
        bads in proptest::collection::vec((any::<prop::sample::Index>(), bad_line()), 0..6),
    ) {
        let good: Vec<String> = goods.iter().enumerate().map(|(i, (m, d, a))| good_line(i, *m, *d, a)).collect();
        let mut mixed = good.clone();
        for (at, line) in &bads {
            let i = at.index(mixed.len() + 1);
            mixed.insert(i, line.clone());
        }
        let scheme = Scheme::learning_platform();
        let alone: Value = serde_json::from_str(&score_jsonl(&scheme, &good.join("\n"), false).unwrap()).unwrap();
        let with: Value = serde_json::from_str(&score_jsonl(&scheme, &mixed.join("\n"), false).unwrap()).unwrap();
        prop_assert_eq!(&alone["entries"], &with["entries"]);
        prop_assert_eq!(&alone["totals"], &with["totals"]);
        prop_assert_eq!(with["errors"].as_array().unwrap().len(), bads.len());
    }

    /// Dues batch: the good members' assessments are those of the good members alone.
    #[test]
    fn dues_batch_good_members_assess_as_they_do_alone(
        bases in proptest::collection::vec(0i64..5_000_000, 1..10),
        bads in proptest::collection::vec((any::<prop::sample::Index>(), prop_oneof![
            Just(json!({"member_id":"X","category":"astronaut"})),
            Just(json!({"member_id":"Y","category":"retired","incomes":[{"items":[{"code":"pension","amount":"1_000"}]}]})),
            Just(json!({"member_id":"Z","category":"retired","incomes":[{"items":[{"code":"pension","amount":"0.100000000000000000000000000001"}]}]})),
            Just(json!("not a member")),
        ]), 0..5),
    ) {
        let good: Vec<Value> = bases.iter().enumerate().map(|(i, b)| json!({"member_id": format!("G{i}"),
            "category":"employed","employer_type":"enterprise",
            "incomes":[{"items":[{"code":"net_base","amount": Decimal::new(*b, 2).to_string()}]}]})).collect();
        let mut mixed = good.clone();
        for (at, v) in &bads {
            let i = at.index(mixed.len() + 1);
            mixed.insert(i, v.clone());
        }
        let p = Policy::bundled();
        let run = |members: &[Value]| -> Value {
            serde_json::from_str(&dues::assess_batch_json(&p, &Value::from(members.to_vec()).to_string(), "2026-11", false).unwrap()).unwrap()
        };
        let (alone, with) = (run(&good), run(&mixed));
        prop_assert_eq!(&alone["assessments"], &with["assessments"]);
        prop_assert_eq!(with["errors"].as_array().unwrap().len(), bads.len());
    }
}
