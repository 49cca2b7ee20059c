//! The columnar dues exports (`MonthRules`): the worked examples in every form, refused rows by index,
//! malformed packed columns.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use dangjian_ffi::dues::columns::*;
use dangjian_ffi::dues::packed::LeI64s;
use dangjian_ffi::dues::Category;
use dangjian_ffi::DangjianError;

fn rules() -> Arc<MonthRules> {
    MonthRules::bundled("2026-11".into()).unwrap()
}

fn bytes(values: &[i64]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

#[test]
fn the_worked_examples_in_both_forms() {
    // RULES §1 (2008 Arts. 2, 5): 3000.00 → 15.00; 5400.00 × 1.5% = 81.00; 11500.00 × 2% = 230.00;
    // 3000.01 × 1% = 30.0001 → 30.00.
    let bases = vec![300_000, 540_000, 1_150_000, 300_001];
    let want = vec![1_500, 8_100, 23_000, 3_000];
    let plain = rules()
        .amounts_fen(Category::Employed, bases.clone())
        .unwrap();
    assert_eq!((plain.amounts_fen, plain.errors), (want.clone(), vec![]));
    let packed = rules()
        .amounts_fen_packed(Category::Employed, bytes(&bases))
        .unwrap();
    assert_eq!(packed.amounts_le.to_le_bytes(), bytes(&want));
    assert!(packed.errors.is_empty());
    let lent = rules()
        .amounts_fen_buffer(Category::Employed, &bytes(&bases))
        .unwrap();
    assert_eq!(lent, packed);
}

#[test]
fn refused_rows_are_named_and_the_rest_computed() {
    // One trillion yuan is the largest base; one fen more is refused.
    let bases = [-1, 500_000, 100_000_000_000_001, 500_001];
    let out = rules()
        .amounts_fen_packed(Category::Retired, bytes(&bases))
        .unwrap();
    // Retirees (Art. 5): 5000.00 × 0.5% = 25.00; 5000.01 × 1% = 50.0001 → 50.00.
    assert_eq!(out.amounts_le, LeI64s(vec![0, 2_500, 0, 5_000]));
    let found: Vec<_> = out
        .errors
        .iter()
        .map(|e| (e.index, e.code.as_str(), e.field.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![
            (0, "NEGATIVE_AMOUNT", "bases[0]"),
            (2, "AMOUNT_TOO_LARGE", "bases[2]")
        ]
    );
    assert!(out.errors.iter().all(|e| !e.message_zh.is_empty()));
}

#[test]
fn a_partial_base_in_the_bytes_is_invalid_amount() {
    for len in [1, 7, 9, 15] {
        assert_eq!(
            rules().amounts_fen_buffer(Category::Employed, &vec![0; len]),
            rules().amounts_fen_packed(Category::Employed, vec![0; len])
        );
        match rules().amounts_fen_packed(Category::Employed, vec![0; len]) {
            Err(DangjianError::InvalidInput { code, field, .. }) => {
                assert_eq!(
                    (code.as_str(), field.as_str()),
                    ("INVALID_AMOUNT", "bases_le")
                );
            }
            other => panic!("{len} bytes: expected INVALID_AMOUNT, got {other:?}"),
        }
    }
    let empty = rules()
        .amounts_fen_packed(Category::Employed, vec![])
        .unwrap();
    assert!(empty.amounts_le.0.is_empty() && empty.errors.is_empty());
    let sixteen = rules()
        .amounts_fen_packed(Category::Employed, vec![0; 16])
        .unwrap();
    assert_eq!(sixteen.amounts_le.to_le_bytes(), vec![0; 16]);
}

#[test]
fn resolve_reads_the_month_and_the_policy() {
    let province = dangjian_ffi::Policy::bundled()
        .with_overrides_json(
            r#"{"schema_version":1,"dues":{"farmer_monthly":[{"effective_from":"2024-01-01",
            "citation":{"regulation":"某省党费收缴办法","article":"第五条"},
            "value":{"monthly":"1.0","min":"0.2","max":"1.0"}}]}}"#
                .into(),
        )
        .unwrap();
    let local = MonthRules::resolve(&province, "2026-11".into()).unwrap();
    // Art. 6: the province's 1.00 from 2024, the bundled 0.50 before it; a flat figure ignores the base.
    assert_eq!(local.amount_fen(Category::Farmer, 123).unwrap(), 100);
    let before = MonthRules::resolve(&province, "2023-12".into()).unwrap();
    assert_eq!(before.amount_fen(Category::Farmer, 0).unwrap(), 50);
    assert_eq!(local.month(), "2026-11");
    match MonthRules::bundled("2026-13".into()) {
        Err(DangjianError::InvalidInput { code, field, .. }) => {
            assert_eq!((code.as_str(), field.as_str()), ("INVALID_MONTH", "month"));
        }
        other => panic!("expected INVALID_MONTH, got {other:?}"),
    }
    match MonthRules::bundled("2008-03".into()) {
        Err(DangjianError::Policy { code, .. }) => assert_eq!(code, "NO_POLICY_IN_FORCE"),
        other => panic!("expected NO_POLICY_IN_FORCE, got {other:?}"),
    }
    match rules().amount_fen(Category::Employed, -1) {
        Err(DangjianError::InvalidInput { code, field, .. }) => {
            assert_eq!((code.as_str(), field.as_str()), ("NEGATIVE_AMOUNT", "base"));
        }
        other => panic!("expected NEGATIVE_AMOUNT, got {other:?}"),
    }
}
