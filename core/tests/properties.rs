//! Property tests of the dues engine, the policy document and the calendar.
//!
//! - every valid member gets a non-negative amount (or `MISSING_INCOME` when no income applies);
//! - within one bracket the amount never decreases as the base grows, and equals the base times the
//!   bracket's rate rounded half-up to the fen;
//! - a batch gives exactly what assessing the members one by one gives;
//! - `DuesMember`, `Assessment` and `Policy` (with random overrides) survive a JSON round trip;
//! - nothing panics on arbitrary or mutated JSON fed to the JSON entry points;
//! - `add_working_days` and `count_working_days` agree.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::HashSet;

use chrono::{Datelike, Days, NaiveDate};
use dangjian::dues::{
    self, AdvisoryMax, AssessOptions, Bracket, Category, DuesMember, DuesPolicy, EmployerType,
    FarmerFigure, FixingRule, FlatAmounts, HardshipDecision, HardshipOutcome, IncomeItem,
    IncomeRecord, ItemCode, PaymentRules, Rounding, RoundingMode,
};
use dangjian::{Calendar, Citation, Dated, Policy, YearMonth};
use proptest::prelude::*;
use proptest::sample::{select, subsequence, Index};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{json, Value};

// ---------------------------------------------------------------- strategies

fn fen(max: i64) -> impl Strategy<Value = Decimal> {
    (0..=max).prop_map(|c| Decimal::new(c, 2))
}

/// A month the bundled policy answers for: 2008-04 .. 2030-12.
fn month() -> impl Strategy<Value = YearMonth> {
    (0i32..273).prop_map(|i| YearMonth::new(2008, 4).unwrap().plus_months(i))
}

fn date(from_year: i32, to_year: i32) -> impl Strategy<Value = NaiveDate> {
    let start = NaiveDate::from_ymd_opt(from_year, 1, 1).unwrap();
    let end = NaiveDate::from_ymd_opt(to_year, 12, 31).unwrap();
    let days = u64::try_from((end - start).num_days()).unwrap();
    (0..=days).prop_map(move |d| start.checked_add_days(Days::new(d)).unwrap())
}

fn item_codes() -> Vec<ItemCode> {
    ItemCode::ALL
        .iter()
        .copied()
        .filter(|c| *c != ItemCode::NetBase)
        .collect()
}

/// The items of one record: `net_base` alone, or distinct other items in any order.
fn items() -> impl Strategy<Value = Vec<IncomeItem>> {
    let net = fen(3_000_000).prop_map(|amount| {
        vec![IncomeItem {
            code: ItemCode::NetBase,
            amount,
        }]
    });
    let built = subsequence(item_codes(), 0..=8)
        .prop_flat_map(|codes| {
            let n = codes.len();
            (Just(codes), prop::collection::vec(fen(2_000_000), n))
        })
        .prop_map(|(codes, amounts)| {
            codes
                .into_iter()
                .zip(amounts)
                .map(|(code, amount)| IncomeItem { code, amount })
                .collect::<Vec<_>>()
        })
        .prop_shuffle();
    prop_oneof![net, built]
}

/// Income records in ascending `from` order, the first possibly without `from`.
fn incomes() -> impl Strategy<Value = Vec<IncomeRecord>> {
    (
        prop::collection::btree_set(0i32..300, 0..=3),
        any::<bool>(),
        prop::collection::vec(items(), 3),
    )
        .prop_map(|(offsets, first_open, item_lists)| {
            let base = YearMonth::new(2006, 1).unwrap();
            offsets
                .into_iter()
                .zip(item_lists)
                .enumerate()
                .map(|(i, (offset, items))| IncomeRecord {
                    from: if i == 0 && first_open {
                        None
                    } else {
                        Some(base.plus_months(offset))
                    },
                    items,
                })
                .collect()
        })
}

fn hardship() -> impl Strategy<Value = HardshipDecision> {
    (
        month(),
        prop::option::of(0i32..24),
        any::<bool>(),
        fen(200_000),
        date(2005, 2030),
        0u64..60,
    )
        .prop_map(
            |(from, len, waived, reduced, studied, wait)| HardshipDecision {
                from,
                to: len.map(|l| from.plus_months(l)),
                outcome: if waived {
                    HardshipOutcome::Waived
                } else {
                    HardshipOutcome::Reduced
                },
                reduced_amount: if waived { None } else { Some(reduced) },
                branch_studied_on: studied,
                approved_by: "某某党委".to_owned(),
                approved_on: studied.checked_add_days(Days::new(wait)).unwrap(),
            },
        )
}

/// A member that passes `validate`.
fn member() -> impl Strategy<Value = DuesMember> {
    (
        0u32..10,
        select(Category::ALL.to_vec()),
        prop::option::of(select(EmployerType::ALL.to_vec())),
        incomes(),
        prop::option::of(date(2005, 2030)),
        prop::collection::vec(hardship(), 0..=2),
    )
        .prop_map(
            |(id, category, employer_type, incomes, admitted_on, hardship)| {
                let built = incomes
                    .iter()
                    .any(|r| r.items.iter().any(|i| i.code != ItemCode::NetBase));
                let employer_type = if category == Category::Employed && built {
                    employer_type.or(Some(EmployerType::Enterprise))
                } else {
                    employer_type
                };
                let mut m = DuesMember::new(format!("M{id}"), category);
                (m.employer_type, m.incomes) = (employer_type, incomes);
                (m.admitted_on, m.hardship) = (admitted_on, hardship);
                m
            },
        )
}

/// A member, or (one time in four) the same member with a negative item amount.
fn maybe_invalid_member() -> impl Strategy<Value = DuesMember> {
    (member(), 0u8..4).prop_map(|(mut m, roll)| {
        if roll == 0 {
            if let Some(item) = m.incomes.iter_mut().flat_map(|r| r.items.iter_mut()).next() {
                item.amount = Decimal::new(-1, 2);
            }
        }
        m
    })
}

fn citation() -> Citation {
    Citation::new("某省党费收缴办法", "第三条")
}

fn dated<T: std::fmt::Debug + Clone>(
    value: impl Strategy<Value = T>,
) -> impl Strategy<Value = Vec<Dated<T>>> {
    prop::option::of((date(2009, 2030), prop::option::of(0u64..4000), value)).prop_map(|entry| {
        entry
            .map(|(from, len, value)| {
                let to = len.map(|l| from.checked_add_days(Days::new(l)).unwrap());
                Dated::new(from, to, citation(), value)
            })
            .into_iter()
            .collect()
    })
}

fn brackets() -> impl Strategy<Value = Vec<Bracket>> {
    prop::collection::vec((1i64..2_000_000, 0i64..=1000), 1..=5).prop_map(|steps| {
        let mut bound = 0i64;
        let last = steps.len() - 1;
        steps
            .into_iter()
            .enumerate()
            .map(|(i, (step, rate))| {
                bound += step;
                Bracket {
                    up_to: (i != last).then(|| Decimal::new(bound, 2)),
                    rate: Decimal::new(rate, 3),
                }
            })
            .collect()
    })
}

fn rounding() -> impl Strategy<Value = Rounding> {
    (
        select(vec![
            RoundingMode::HalfUp,
            RoundingMode::HalfEven,
            RoundingMode::Down,
            RoundingMode::Up,
        ]),
        0u32..=2,
    )
        .prop_map(|(mode, scale)| Rounding { mode, scale })
}

fn farmer() -> impl Strategy<Value = FarmerFigure> {
    (2i64..=10, 2i64..=10).prop_map(|(a, b)| {
        let (min, max) = (a.min(b), a.max(b));
        FarmerFigure {
            monthly: Decimal::new((min + max) / 2, 1),
            min: Decimal::new(min, 1),
            max: Decimal::new(max, 1),
        }
    })
}

/// A valid override document: some parameters, each with at most one dated entry.
fn overrides() -> impl Strategy<Value = Policy> {
    (
        dated(brackets()),
        dated(brackets()),
        dated(fen(100).prop_map(|f| FlatAmounts {
            student: f,
            unemployed: f,
            relief: f,
            subsistence: f,
        })),
        dated(farmer()),
        dated(rounding()),
        dated(select(vec![
            FixingRule::MonthOfChange,
            FixingRule::AnnualFixed,
        ])),
        dated(
            (any::<bool>(), fen(500_000))
                .prop_map(|(enabled, amount)| AdvisoryMax { enabled, amount }),
        ),
        dated(
            (0u32..24, 0u32..24, 1u32..24, fen(500_000)).prop_map(|(b, p, l, v)| PaymentRules {
                back_payment_max_months: b,
                prepayment_max_months: p,
                lapse_months: l,
                voluntary_remit_threshold: v,
            }),
        ),
    )
        .prop_map(
            |(employed, retiree, flat, farmer, rounding, fixing, advisory, payment)| Policy {
                schema_version: 1,
                dues: DuesPolicy {
                    employed_brackets: employed,
                    retiree_brackets: retiree,
                    flat_amounts: flat,
                    farmer_monthly: farmer,
                    composition: Vec::new(),
                    rounding,
                    fixing,
                    advisory_monthly_max: advisory,
                    payment_rules: payment,
                },
                // Overrides list only dues parameters here; the other sections stay empty.
                disclosure: Default::default(),
                membership: Default::default(),
            },
        )
}

// ---------------------------------------------------------------- amounts

fn bundled_rounding_scale(policy: &Policy, month: YearMonth) -> u32 {
    dangjian::policy::in_force(&policy.dues.rounding, month.first_day(), "dues.rounding")
        .unwrap()
        .value
        .scale
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn amount_is_never_negative(m in member(), month in month(), trace in any::<bool>()) {
        prop_assert!(m.validate().is_ok(), "generated an invalid member: {:?}", m.validate());
        let policy = Policy::bundled();
        match dues::assess(&policy, &m, month, AssessOptions { trace }) {
            Ok(a) => {
                prop_assert!(a.amount >= Decimal::ZERO, "negative amount {}", a.amount);
                prop_assert_eq!(a.amount.scale(), bundled_rounding_scale(&policy, month));
                if let Some(base) = a.base {
                    prop_assert!(base >= Decimal::ZERO, "negative base {}", base);
                }
            }
            Err(e) => prop_assert_eq!(e.code(), "MISSING_INCOME", "unexpected error {}", e),
        }
    }
}

/// One bracket of a table as a closed range of fen: (lowest, highest, rate).
fn bracket_ranges(table: &[Bracket]) -> Vec<(i64, i64, Decimal)> {
    let mut low = 0i64;
    table
        .iter()
        .map(|b| {
            let high = b.up_to.map_or(low + 100_000_000, |u| {
                (u * Decimal::ONE_HUNDRED).trunc().to_i64().unwrap()
            });
            let range = (low, high, b.rate);
            low = high + 1;
            range
        })
        .collect()
}

fn assess_base(
    policy: &Policy,
    retired: bool,
    base: Decimal,
    month: YearMonth,
) -> dues::Assessment {
    let (category, code) = if retired {
        (Category::Retired, ItemCode::Pension)
    } else {
        (Category::Employed, ItemCode::NetBase)
    };
    let m = DuesMember::new("B", category).income(IncomeRecord::new().item(code, base));
    dues::assess(policy, &m, month, AssessOptions { trace: false }).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn amount_is_monotone_within_a_bracket(
        retired in any::<bool>(),
        which in any::<Index>(),
        a in any::<Index>(),
        b in any::<Index>(),
        month in month(),
    ) {
        let policy = Policy::bundled();
        let on = month.first_day();
        let table = if retired { &policy.dues.retiree_brackets } else { &policy.dues.employed_brackets };
        let table = &dangjian::policy::in_force(table, on, "brackets").unwrap().value;
        let ranges = bracket_ranges(table);
        let (low, high, rate) = ranges[which.index(ranges.len())];
        let span = usize::try_from(high - low + 1).unwrap();
        let x = low + i64::try_from(a.index(span)).unwrap();
        let y = low + i64::try_from(b.index(span)).unwrap();
        let (x, y) = (x.min(y), x.max(y));
        let ax = assess_base(&policy, retired, Decimal::new(x, 2), month);
        let ay = assess_base(&policy, retired, Decimal::new(y, 2), month);
        prop_assert_eq!(ax.rate, Some(rate));
        prop_assert_eq!(ay.rate, Some(rate));
        prop_assert!(ax.amount <= ay.amount, "{} → {} but {} → {}", x, ax.amount, y, ay.amount);
        // The whole base times the bracket's rate, half-up to the fen.
        let expected = (Decimal::new(y, 2) * rate)
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        prop_assert_eq!(ay.amount, expected);
        prop_assert_eq!(ay.amount.to_string(), format!("{expected:.2}"));
    }
}

// ---------------------------------------------------------------- batch

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn batch_equals_one_by_one(
        members in prop::collection::vec(maybe_invalid_member(), 0..16),
        month in month(),
        trace in any::<bool>(),
    ) {
        let policy = Policy::bundled();
        let options = AssessOptions { trace };
        let batch = dues::assess_batch(&policy, &members, month, options);

        let mut seen = HashSet::new();
        let mut assessments = Vec::new();
        let mut errors = Vec::new();
        for (index, m) in members.iter().enumerate() {
            if !seen.insert(m.member_id.clone()) {
                errors.push((index, m.member_id.clone(), "DUPLICATE_MEMBER_ID".to_owned(), "member_id".to_owned()));
                continue;
            }
            match dues::assess(&policy, m, month, options) {
                Ok(a) => assessments.push(a),
                Err(e) => errors.push((index, m.member_id.clone(), e.code().to_owned(), e.detail().field.clone())),
            }
        }
        prop_assert_eq!(&batch.assessments, &assessments);
        let got: Vec<_> = batch
            .errors
            .iter()
            .map(|e| (e.index, e.member_id.clone().unwrap_or_default(), e.code.clone(), e.field.clone()))
            .collect();
        prop_assert_eq!(got, errors);

        // The JSON batch over the same members gives the same outcome.
        let json = serde_json::to_string(&members).unwrap();
        let from_json = dues::assess_batch_from_json(&policy, &json, month, options).unwrap();
        prop_assert_eq!(&from_json, &batch);
    }
}

// ---------------------------------------------------------------- round trips

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn member_json_round_trip(m in member()) {
        let text = serde_json::to_string(&m).unwrap();
        let back: DuesMember = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&back, &m);
        prop_assert_eq!(serde_json::to_string(&back).unwrap(), text);
    }

    #[test]
    fn assessment_json_round_trip(m in member(), month in month(), trace in any::<bool>()) {
        if let Ok(a) = dues::assess(&Policy::bundled(), &m, month, AssessOptions { trace }) {
            let text = serde_json::to_string(&a).unwrap();
            let back: dues::Assessment = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(&back, &a);
            prop_assert_eq!(serde_json::to_string(&back).unwrap(), text);
        }
    }

    #[test]
    fn policy_json_round_trip(doc in overrides()) {
        // The override document alone is a valid policy document and reloads unchanged.
        let text = doc.to_json();
        let reread = Policy::from_json(&text).unwrap();
        prop_assert_eq!(&reread, &doc);
        prop_assert_eq!(reread.to_json(), text.clone());
        // Laid on the bundled policy, the merged document survives serde unchanged.
        let merged = Policy::bundled().with_overrides_json(&text).unwrap();
        let merged_text = merged.to_json();
        let back: Policy = serde_json::from_str(&merged_text).unwrap();
        prop_assert_eq!(&back, &merged);
        prop_assert_eq!(back.to_json(), merged_text);
    }
}

/// `Policy::to_json` documents a lossless round trip through `Policy::from_json`; a policy built with
/// `with_overrides_json` is the one a host would store and reload.
#[test]
fn merged_policy_reloads_with_from_json() {
    let province = r#"{"schema_version":1,"dues":{"farmer_monthly":[{"effective_from":"2024-01-01",
      "citation":{"regulation":"某省党费收缴办法","article":"第五条"},
      "value":{"monthly":"1.00","min":"0.20","max":"1.00"}}]}}"#;
    let merged = Policy::bundled().with_overrides_json(province).unwrap();
    match Policy::from_json(&merged.to_json()) {
        Ok(reloaded) => assert_eq!(reloaded, merged),
        Err(e) => panic!("a policy built with with_overrides_json does not reload: {e}"),
    }
}

// ---------------------------------------------------------------- no panics

const MEMBER_DOC: &str = r#"{"member_id":"M001","category":"employed","employer_type":"public_institution",
  "admitted_on":"2026-03-15","incomes":[{"items":[{"code":"post_salary","amount":"4000.00"},
  {"code":"reward_performance","amount":"3000.00"},{"code":"housing_fund","amount":"900.00"}]},
  {"from":"2026-07","items":[{"code":"net_base","amount":"12000.00"}]}],
  "hardship":[{"from":"2026-01","to":"2026-06","outcome":"reduced","reduced_amount":"10.00",
  "branch_studied_on":"2025-12-10","approved_by":"某某党委","approved_on":"2025-12-20"}]}"#;

const LEDGER_DOC: &str = r#"{"member_id":"M1","obligations":[{"month":"2026-01","amount":"81.00"},
  {"month":"2026-02","amount":"81.00"},{"month":"2026-03","amount":"81.00"}],
  "payments":[{"paid_on":"2026-03-20","amount":"162.00","months":["2026-01","2026-02"],"voluntary":"1000.00","channel":"wechat"}],
  "good_reasons":[{"from":"2026-03","to":"2026-03","reason":"援藏"}]}"#;

const CALENDAR_DOC: &str = r#"{"schema_version":1,"year":2027,"off":["2027-01-01","2027-02-06"],
  "working":["2027-02-14"],"source":"notice"}"#;

const MONTHS: [&str; 8] = [
    "2026-03",
    "2008-03",
    "1900-01",
    "9999-12",
    "2026-13",
    "",
    "2026-3",
    "２０２６-03",
];
const DATES: [&str; 7] = [
    "2026-07-01",
    "1900-01-01",
    "9999-12-31",
    "2026-02-30",
    "",
    "+262143-12-31",
    "0000-01-01",
];

fn weird_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        select(vec![
            json!(null),
            json!(true),
            json!(0),
            json!(-1),
            json!(4_294_967_295u64),
            json!(4_294_967_296u64),
            json!(1.5),
            json!(1e300),
            json!(u64::MAX),
            json!(i64::MIN),
            json!(""),
            json!("0"),
            json!("-0"),
            json!("-1"),
            json!("0.001"),
            json!("1e30"),
            json!("79228162514264337593543950335"),
            json!("-79228162514264337593543950335"),
            json!("0.0000000000000000000000000001"),
            json!("999999999999.99"),
            json!("1000000000000.01"),
            json!("1900-01"),
            json!("9999-12"),
            json!("0000-00"),
            json!("2026-00"),
            json!("9999-12-31"),
            json!("1900-01-01"),
            json!("2024-02-29"),
            json!("2026-02-29"),
            json!("half_even"),
            json!("annual_fixed"),
            json!("employed"),
            json!("net_base"),
            json!([]),
            json!({}),
            json!([null]),
            json!({"a": 1}),
        ]),
        any::<String>().prop_map(Value::String),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
    ]
}

/// Every leaf (and every container) of a document, as JSON pointers.
fn pointers(v: &Value, here: String, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                pointers(
                    child,
                    format!("{here}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(list) => {
            for (i, child) in list.iter().enumerate() {
                pointers(child, format!("{here}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(here);
}

#[derive(Debug, Clone)]
enum Mutation {
    Replace(Index, Value),
    Remove(Index),
    Duplicate(Index),
    Text(Index, Index, String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<Index>(), weird_value()).prop_map(|(i, v)| Mutation::Replace(i, v)),
        1 => any::<Index>().prop_map(Mutation::Remove),
        1 => any::<Index>().prop_map(Mutation::Duplicate),
        1 => (any::<Index>(), any::<Index>(), select(vec![
            "", "\"", "{", "}", "[", "]", ",", ":", "null", "-", "0", "\\u0000", "\u{FEFF}", "\"2026-13\"", "1e400",
        ]).prop_map(str::to_owned)).prop_map(|(a, b, s)| Mutation::Text(a, b, s)),
    ]
}

fn apply(doc: &str, mutations: &[Mutation]) -> String {
    let mut text = doc.to_owned();
    for m in mutations {
        if let Mutation::Text(a, b, insert) = m {
            let chars: Vec<char> = text.chars().collect();
            let x = a.index(chars.len() + 1);
            let y = b.index(chars.len() + 1);
            let (from, to) = (x.min(y), x.max(y).min(x.min(y) + 8));
            text = chars[..from]
                .iter()
                .chain(insert.chars().collect::<Vec<_>>().iter())
                .chain(chars[to..].iter())
                .collect();
            continue;
        }
        let Ok(mut value) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let mut all = Vec::new();
        pointers(&value, String::new(), &mut all);
        match m {
            Mutation::Replace(i, new) => {
                let p = &all[i.index(all.len())];
                if let Some(slot) = value.pointer_mut(p) {
                    *slot = new.clone();
                }
            }
            Mutation::Remove(i) | Mutation::Duplicate(i) => {
                let p = all[i.index(all.len())].clone();
                let Some((parent, last)) = p.rsplit_once('/') else {
                    continue;
                };
                let copy = value.pointer(&p).cloned();
                match (value.pointer_mut(parent), copy) {
                    (Some(Value::Object(map)), _) if matches!(m, Mutation::Remove(_)) => {
                        map.remove(&last.replace("~1", "/").replace("~0", "~"));
                    }
                    (Some(Value::Array(list)), Some(copy)) => {
                        let at = last.parse::<usize>().unwrap_or(0).min(list.len());
                        if matches!(m, Mutation::Remove(_)) {
                            if at < list.len() {
                                list.remove(at);
                            }
                        } else {
                            list.insert(at, copy);
                        }
                    }
                    _ => {}
                }
            }
            Mutation::Text(..) => {}
        }
        text = value.to_string();
    }
    text
}

/// Runs every JSON entry point on `text` in every role; only panics matter.
fn feed_everything(text: &str, month: &str, as_of: &str) {
    let policy = Policy::bundled();
    for trace in [false, true] {
        let _ = dues::assess_json(&policy, text, month, trace);
        let _ = dues::assess_json(&policy, MEMBER_DOC, text, trace);
        let _ = dues::assess_batch_json(&policy, text, month, trace);
        let _ = dues::assess_batch_json(&policy, &format!("[{text},{MEMBER_DOC}]"), month, trace);
    }
    let _ = dues::evaluate_ledger_json(&policy, text, as_of);
    let _ = dues::evaluate_ledger_json(&policy, LEDGER_DOC, text);
    let _ = dues::summarize_json(text, r#"{"year":2026}"#);
    let _ = dues::summarize_json("[]", text);
    let _ = Policy::from_json(text);
    let _ = policy.with_overrides_json(text);
    let _ = Calendar::official().load_year_json(text);
}

/// A policy that reads and validates is then used for real: assessments and a ledger.
fn exercise_policy(text: &str, month: &str, as_of: &str) {
    if let Ok(p) = Policy::from_json(text) {
        let _ = dues::assess_json(&p, MEMBER_DOC, month, true);
        let _ = dues::evaluate_ledger_json(&p, LEDGER_DOC, as_of);
    }
    if let Ok(p) = Policy::bundled().with_overrides_json(text) {
        for m in MONTHS {
            let _ = dues::assess_json(&p, MEMBER_DOC, m, true);
            let _ = dues::assess_json(&p, r#"{"member_id":"S","category":"farmer"}"#, m, false);
        }
        for d in DATES {
            let _ = dues::evaluate_ledger_json(&p, LEDGER_DOC, d);
        }
    }
}

fn exercise_calendar(text: &str) {
    let mut cal = Calendar::official();
    if cal.load_year_json(text).is_ok() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 20).unwrap();
        let _ = cal.add_working_days(d, 400);
        let _ = cal.count_working_days(d, NaiveDate::from_ymd_opt(2028, 1, 10).unwrap());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_panic_on_arbitrary_strings(s in any::<String>(), m in select(MONTHS.to_vec()), d in select(DATES.to_vec())) {
        feed_everything(&s, m, d);
    }

    #[test]
    fn no_panic_on_random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let s = String::from_utf8_lossy(&bytes);
        feed_everything(&s, "2026-03", "2026-07-01");
    }

    #[test]
    fn no_panic_on_mutated_members(ms in prop::collection::vec(mutation(), 1..4), m in select(MONTHS.to_vec())) {
        let text = apply(MEMBER_DOC, &ms);
        let policy = Policy::bundled();
        let _ = dues::assess_json(&policy, &text, m, true);
        let _ = dues::assess_json(&policy, &text, "2026-09", false);
        let _ = dues::assess_batch_json(&policy, &format!("[{text},{text}]"), "2026-09", true);
    }

    #[test]
    fn no_panic_on_mutated_ledgers(ms in prop::collection::vec(mutation(), 1..4), d in select(DATES.to_vec())) {
        let text = apply(LEDGER_DOC, &ms);
        let policy = Policy::bundled();
        let _ = dues::evaluate_ledger_json(&policy, &text, d);
        if let Ok(report) = dues::evaluate_ledger_json(&policy, &text, "2026-12-31") {
            let _ = dues::summarize_json(&format!("[{report}]"), r#"{"year":2026}"#);
            let _ = dues::summarize_json(&format!("[{report}]"), r#"{"month":"2026-03"}"#);
        }
    }

    #[test]
    fn no_panic_on_mutated_policies(ms in prop::collection::vec(mutation(), 1..4), m in select(MONTHS.to_vec()), d in select(DATES.to_vec())) {
        let text = apply(&Policy::bundled().to_json(), &ms);
        let _ = Policy::from_json(&text);
        exercise_policy(&text, m, d);
    }

    #[test]
    fn no_panic_on_mutated_overrides(doc in overrides(), ms in prop::collection::vec(mutation(), 1..4), m in select(MONTHS.to_vec()), d in select(DATES.to_vec())) {
        let text = apply(&doc.to_json(), &ms);
        exercise_policy(&text, m, d);
    }

    #[test]
    fn no_panic_on_mutated_calendars(ms in prop::collection::vec(mutation(), 1..4)) {
        let text = apply(CALENDAR_DOC, &ms);
        exercise_calendar(&text);
    }
}

// ---------------------------------------------------------------- calendar

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn add_then_count_working_days(d in date(2019, 2028), n in 1u32..400) {
        let cal = Calendar::official();
        let end = cal.add_working_days(d, n).unwrap().value;
        prop_assert!(end > d);
        prop_assert!(cal.day(end).working, "{} is not a working day", end);
        let next = d.succ_opt().unwrap();
        prop_assert_eq!(cal.count_working_days(next, end).unwrap().value, n);
        // One day earlier there is one working day fewer.
        prop_assert_eq!(cal.count_working_days(next, end.pred_opt().unwrap()).unwrap().value, n - 1);
        prop_assert!(end.year() >= d.year());
    }
}
