//! The integer fast path (`dues::MonthRules`) against the Decimal path (`dues::assess`): the same amount for every
//! base, category, rounding mode and scale, and on every `assess` vector whose member it can express.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use dangjian::dues::{self, Category, DuesMember, IncomeItem, IncomeRecord, ItemCode, MonthRules};
use dangjian::{Policy, YearMonth};
use proptest::prelude::*;
use rust_decimal::Decimal;

const CATEGORIES: [Category; 10] = [
    Category::Employed,
    Category::AnnualSalary,
    Category::SelfEmployed,
    Category::Retired,
    Category::Farmer,
    Category::Student,
    Category::Unemployed,
    Category::Relief,
    Category::Subsistence,
    Category::Employed,
];

fn member(category: Category, base_fen: i64) -> DuesMember {
    let items = if category.is_flat() {
        Vec::new()
    } else {
        vec![IncomeItem {
            code: ItemCode::NetBase,
            amount: Decimal::new(base_fen, 2),
        }]
    };
    let mut m: DuesMember =
        serde_json::from_str(r#"{"member_id":"P1","category":"employed"}"#).unwrap();
    m.category = category;
    m.incomes = vec![IncomeRecord { from: None, items }];
    m
}

/// The Decimal path's amount in fen.
fn decimal_path(policy: &Policy, month: YearMonth, category: Category, base_fen: i64) -> i64 {
    let a = dues::assess(
        policy,
        &member(category, base_fen),
        month,
        Default::default(),
    )
    .unwrap();
    let fen = a.amount * Decimal::ONE_HUNDRED;
    assert!(
        fen.fract().is_zero(),
        "{} is not a whole number of fen",
        a.amount
    );
    i64::try_from(fen.trunc().mantissa() / 10_i128.pow(fen.trunc().scale())).unwrap()
}

fn policy_with_rounding(mode: &str, scale: u32) -> Policy {
    Policy::bundled()
        .with_overrides_json(&format!(
            r#"{{"schema_version":1,"dues":{{"rounding":[{{"effective_from":"2000-01-01",
            "citation":{{"regulation":"test","article":""}},"value":{{"mode":"{mode}","scale":{scale}}}}}]}}}}"#
        ))
        .unwrap()
}

/// Bases near every bracket bound (3000, 5000, 10000 for the employed, 5000 for retirees), on both sides,
/// and bases that land on half a fen under each rate.
fn boundary_bases() -> Vec<i64> {
    let mut bases = vec![0, 1, 2, 50, 99, 100, 101, 199, 1_000_000_000];
    for bound in [300_000, 500_000, 1_000_000] {
        bases.extend([bound - 100, bound - 1, bound, bound + 1, bound + 100]);
    }
    bases
}

#[test]
fn equals_the_decimal_path_at_every_bracket_boundary_for_every_rounding() {
    let month: YearMonth = "2026-11".parse().unwrap();
    for mode in ["half_up", "half_even", "down", "up"] {
        for scale in 0..=2 {
            let policy = policy_with_rounding(mode, scale);
            let rules = MonthRules::resolve(&policy, month).unwrap();
            for category in CATEGORIES {
                for base in boundary_bases() {
                    assert_eq!(
                        rules.amount_fen(category, base).unwrap(),
                        decimal_path(&policy, month, category, base),
                        "{mode}/{scale} {category:?} base {base} fen"
                    );
                }
            }
        }
    }
}

#[test]
fn the_worked_examples_of_the_2008_rules() {
    // RULES §1: 3000 → 15.00; 5400 → 81.00; 10000 → 150.00; 11500 → 230.00 (employed, whole base).
    let rules = MonthRules::resolve(&Policy::bundled(), "2026-11".parse().unwrap()).unwrap();
    let mut out = Vec::new();
    let errors = rules.amounts_fen(
        Category::Employed,
        &[300_000, 540_000, 1_000_000, 1_150_000],
        &mut out,
    );
    assert!(errors.is_empty());
    assert_eq!(out, vec![1_500, 8_100, 15_000, 23_000]);
}

#[test]
fn bad_bases_are_named_and_the_rest_computed() {
    let rules = MonthRules::resolve(&Policy::bundled(), "2026-11".parse().unwrap()).unwrap();
    let mut out = Vec::new();
    let too_large = 100_000_000_000_001; // one trillion yuan and one fen
    let errors = rules.amounts_fen(
        Category::Retired,
        &[-1, 500_000, too_large, 500_001],
        &mut out,
    );
    assert_eq!(out, vec![0, 2_500, 0, 5_000]); // 5000.00 × 0.5%; 5000.01 × 1% = 50.0001 → 50.00
    let found: Vec<_> = errors
        .iter()
        .map(|(i, e)| (*i, e.code(), e.detail().field.clone()))
        .collect();
    assert_eq!(
        found,
        vec![
            (0, "NEGATIVE_AMOUNT", "bases[0]".to_owned()),
            (2, "AMOUNT_TOO_LARGE", "bases[2]".to_owned())
        ]
    );
    // one trillion yuan exactly is accepted: × 2% = 20 000 000 000.00
    assert_eq!(
        rules
            .amount_fen(Category::Employed, 100_000_000_000_000)
            .unwrap(),
        2_000_000_000_000
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]
    #[test]
    fn equals_the_decimal_path_over_the_whole_bracket_range(
        base in 0_i64..3_000_000, // up to 30 000 yuan: every bracket and well past the top bound
        category in 0_usize..10,
        mode in 0_usize..4,
        scale in 0_u32..=2,
        year in 2009_i32..=2026, // the bundled rules start in April 2008
        month in 1_u32..=12,
    ) {
        let mode = ["half_up", "half_even", "down", "up"][mode];
        let policy = policy_with_rounding(mode, scale);
        let month: YearMonth = format!("{year}-{month:02}").parse().unwrap();
        let rules = MonthRules::resolve(&policy, month).unwrap();
        let category = CATEGORIES[category];
        prop_assert_eq!(rules.amount_fen(category, base).unwrap(), decimal_path(&policy, month, category, base));
    }
}
