//! Unit tests of the dues engine's mechanics: traces, validation paths, policy timelines, ledger allocation.
//! The regulation's numbers at their boundaries are covered by the shared vectors (tests/vectors/dues).

use super::*;
use crate::{Policy, YearMonth};
use rust_decimal::Decimal;

fn month(s: &str) -> YearMonth {
    s.parse().unwrap()
}

fn member(json: &str) -> DuesMember {
    serde_json::from_str(json).unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn trace_lists_every_item_with_its_treatment() {
    let m = member(
        r#"{"member_id":"T","category":"employed","employer_type":"public_institution","incomes":[{"items":[
        {"code":"post_salary","amount":"3000.00"},{"code":"reward_performance","amount":"2000.00"},
        {"code":"subsidy","amount":"500.00"},{"code":"housing_fund","amount":"400.00"}]}]}"#,
    );
    let a = assess(
        &Policy::bundled(),
        &m,
        month("2026-05"),
        AssessOptions::default(),
    )
    .unwrap();
    let items: Vec<&str> = a
        .trace
        .iter()
        .filter(|s| s.step == "item")
        .map(|s| s.detail.as_str())
        .collect();
    assert_eq!(items.len(), 4);
    assert!(items[0].contains("post_salary counted"));
    assert!(items[1].contains("reward_performance excluded"));
    assert!(items[2].contains("subsidy excluded"));
    assert!(items[3].contains("housing_fund deducted"));
    // 3000 − 400 = 2600 → 0.5% → 13.00
    assert_eq!(a.base, Some(dec("2600.00")));
    assert_eq!(a.amount, dec("13.00"));
    assert!(a
        .trace
        .iter()
        .all(|s| s.step != "item" || s.citation.is_some()));
}

#[test]
fn no_trace_means_no_steps_but_the_same_answer() {
    let m = member(
        r#"{"member_id":"T","category":"retired","incomes":[{"items":[{"code":"pension","amount":"6000.00"}]}]}"#,
    );
    let p = Policy::bundled();
    let with = assess(&p, &m, month("2026-05"), AssessOptions { trace: true }).unwrap();
    let without = assess(&p, &m, month("2026-05"), AssessOptions { trace: false }).unwrap();
    assert!(!with.trace.is_empty() && without.trace.is_empty());
    assert_eq!(
        (with.amount, with.findings),
        (without.amount, without.findings)
    );
}

#[test]
fn validation_errors_name_their_path() {
    let p = Policy::bundled();
    let cases = [
        (
            r#"{"member_id":"","category":"student"}"#,
            "MISSING_MEMBER_ID",
            "member_id",
        ),
        (
            r#"{"member_id":"X","category":"retired","incomes":[{"items":[]},{"items":[{"code":"pension","amount":"1.001"}]}]}"#,
            "INCOMES_NOT_ORDERED",
            "incomes[1].from",
        ),
        (
            r#"{"member_id":"X","category":"retired","incomes":[{"from":"2026-01","items":[{"code":"pension","amount":"1.001"}]}]}"#,
            "TOO_MANY_DECIMALS",
            "incomes[0].items[0].amount",
        ),
        (
            r#"{"member_id":"X","category":"student","hardship":[{"from":"2026-01","outcome":"reduced","branch_studied_on":"2026-01-02","approved_by":"党委","approved_on":"2026-01-03"}]}"#,
            "MISSING_REDUCED_AMOUNT",
            "hardship[0].reduced_amount",
        ),
        (
            r#"{"member_id":"X","category":"student","hardship":[{"from":"2026-01","outcome":"waived","branch_studied_on":"2026-01-05","approved_by":"党委","approved_on":"2026-01-03"}]}"#,
            "APPROVED_BEFORE_STUDY",
            "hardship[0].approved_on",
        ),
        (
            r#"{"member_id":"X","category":"student","hardship":[{"from":"2026-01","outcome":"waived","branch_studied_on":"2026-01-01","approved_by":" ","approved_on":"2026-01-03"}]}"#,
            "MISSING_APPROVER",
            "hardship[0].approved_by",
        ),
        (
            r#"{"member_id":"X","category":"retired","incomes":[{"items":[{"code":"pension","amount":"2000000000000"}]}]}"#,
            "AMOUNT_TOO_LARGE",
            "incomes[0].items[0].amount",
        ),
    ];
    for (json, code, field) in cases {
        let e = assess(
            &p,
            &member(json),
            month("2026-02"),
            AssessOptions::default(),
        )
        .unwrap_err();
        assert_eq!(
            (e.code(), e.detail().field.as_str()),
            (code, field),
            "{json}"
        );
    }
}

#[test]
fn month_of_change_follows_income_and_annual_fixing_holds() {
    let m = member(
        r#"{"member_id":"F","category":"employed","incomes":[
        {"items":[{"code":"net_base","amount":"3000.00"}]},
        {"from":"2016-07","items":[{"code":"net_base","amount":"6000.00"}]},
        {"from":"2026-07","items":[{"code":"net_base","amount":"6000.00"}]}]}"#,
    );
    let p = Policy::bundled();
    let at = |m_: &str| assess(&p, &m, month(m_), AssessOptions::default()).unwrap();
    // 2016: 2008 Art. 10 — the change counts from July.
    assert_eq!(at("2016-06").amount, dec("15.00"));
    assert_eq!(at("2016-07").amount, dec("90.00"));
    // 2026: the record from 2016-07 holds in January; the July 2026 record is the same figure → no deferral.
    let a = at("2026-09");
    assert_eq!((a.amount, a.assessed_in), (dec("90.00"), month("2026-01")));
    assert!(a.codes().is_empty());
}

#[test]
fn hardship_with_a_higher_reduced_amount_has_no_effect() {
    let m = member(
        r#"{"member_id":"H","category":"student","hardship":[{"from":"2026-01","outcome":"reduced","reduced_amount":"0.50",
        "branch_studied_on":"2026-01-02","approved_by":"党委","approved_on":"2026-01-03"}]}"#,
    );
    let a = assess(
        &Policy::bundled(),
        &m,
        month("2026-03"),
        AssessOptions::default(),
    )
    .unwrap();
    assert_eq!(a.amount, dec("0.20"));
    assert_eq!(a.codes(), ["HARDSHIP_NO_EFFECT"]);
}

#[test]
fn policy_override_errors_name_the_override_field() {
    let p = Policy::bundled();
    let cases = [
        (
            r#"{"schema_version":1,"dues":{"farmer_monthly":[{"effective_from":"2024-01-01","citation":{"regulation":"r","article":"a"},"value":{"monthly":"1.5","min":"0.2","max":"1.0"}}]}}"#,
            "FARMER_FIGURE_OUT_OF_RANGE",
            "dues.farmer_monthly[0].value.monthly",
        ),
        (
            r#"{"schema_version":1,"dues":{"employed_brackets":[{"effective_from":"2024-01-01","citation":{"regulation":"r","article":"a"},"value":[{"up_to":"5000","rate":"0.01"},{"up_to":"3000","rate":"0.02"},{"rate":"0.03"}]}]}}"#,
            "BRACKETS_NOT_ASCENDING",
            "dues.employed_brackets[0].value[1].up_to",
        ),
        (
            r#"{"schema_version":1,"dues":{"rounding":[{"effective_from":"2024-01-01","citation":{"regulation":"r","article":"a"},"value":{"mode":"half_up","scale":0}},{"effective_from":"2025-01-01","citation":{"regulation":"r","article":"a"},"value":{"mode":"down","scale":0}}]}}"#,
            "OVERLAPPING_PERIODS",
            "dues.rounding[1].effective_from",
        ),
        (
            r#"{"schema_version":1,"dues":{"rounding":[{"effective_from":"2024-01-01","citation":{"regulation":"r","article":"a"},"value":{"mode":"sideways","scale":0}}]}}"#,
            "INVALID_POLICY_JSON",
            "dues.rounding[0].value.mode",
        ),
        (
            r#"{"schema_version":1,"dues":{"farmer":[]}}"#,
            "INVALID_POLICY_JSON",
            "dues.farmer",
        ),
    ];
    for (json, code, field) in cases {
        let e = p.with_overrides_json(json).unwrap_err();
        assert_eq!(
            (e.code(), e.detail().field.as_str()),
            (code, field),
            "{json}"
        );
        assert_eq!(e.kind(), "policy");
    }
}

#[test]
fn an_override_wins_only_inside_its_period() {
    let over = r#"{"schema_version":1,"dues":{"rounding":[{"effective_from":"2026-01-01","effective_to":"2026-12-31",
        "citation":{"regulation":"某单位","article":"第三条"},"value":{"mode":"half_up","scale":0}}]}}"#;
    let p = Policy::bundled().with_overrides_json(over).unwrap();
    // The bundled rounding is cut back around the override and resumes after it: three entries, no overlap.
    let periods: Vec<String> = p
        .dues
        .rounding
        .iter()
        .map(|d| format!("{}..{:?}", d.effective_from, d.effective_to))
        .collect();
    assert_eq!(
        periods,
        [
            "2008-04-01..Some(2025-12-31)",
            "2026-01-01..Some(2026-12-31)",
            "2027-01-01..None"
        ]
    );
    assert_eq!(Policy::from_json(&p.to_json()).unwrap(), p);
    let m = member(
        r#"{"member_id":"R","category":"employed","incomes":[{"items":[{"code":"net_base","amount":"5400.00"}]}]}"#,
    );
    let at = |m_: &str| {
        assess(&p, &m, month(m_), AssessOptions::default())
            .unwrap()
            .amount
            .to_string()
    };
    assert_eq!(at("2025-12"), "81.00");
    assert_eq!(at("2026-06"), "81");
    assert_eq!(at("2027-01"), "81.00");
}

#[test]
fn months_before_the_2008_rules_have_no_policy() {
    let m = member(r#"{"member_id":"O","category":"student"}"#);
    let e = assess(
        &Policy::bundled(),
        &m,
        month("2008-03"),
        AssessOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("NO_POLICY_IN_FORCE", "dues.fixing")
    );
}

fn ledger(json: &str) -> Ledger {
    serde_json::from_str(json).unwrap()
}

#[test]
fn partial_and_excess_payments_are_allocated_in_month_order() {
    let l = ledger(
        r#"{"member_id":"L","obligations":[{"month":"2026-01","amount":"50.00"},{"month":"2026-02","amount":"50.00"}],
        "payments":[{"paid_on":"2026-02-10","amount":"70.00","months":["2026-02","2026-01"]},
                    {"paid_on":"2026-03-01","amount":"40.00","months":["2026-02"]},
                    {"paid_on":"2026-12-01","amount":"50.00","months":["2026-01"]}]}"#,
    );
    let r = evaluate_ledger(&Policy::bundled(), &l, "2026-03-31".parse().unwrap()).unwrap();
    let months: Vec<(String, String)> = r
        .months
        .iter()
        .map(|l| (l.paid.to_string(), l.outstanding.to_string()))
        .collect();
    assert_eq!(
        months,
        [
            ("50.00".into(), "0.00".into()),
            ("50.00".into(), "0.00".into())
        ]
    );
    assert_eq!(r.unallocated, dec("10.00"));
    assert!(r.findings.iter().any(|f| f.code == "PAYMENT_EXCEEDS_DUES"));
    // The December payment lies after the report date and is ignored.
    assert_eq!(r.total_paid, dec("100.00"));
}

#[test]
fn ledger_input_errors() {
    let p = Policy::bundled();
    let on = "2026-03-31".parse().unwrap();
    let cases = [
        (
            r#"{"member_id":"L","obligations":[{"month":"2026-01","amount":"1"},{"month":"2026-01","amount":"1"}],"payments":[]}"#,
            "DUPLICATE_MONTH",
            "obligations[1].month",
        ),
        (
            r#"{"member_id":"L","obligations":[],"payments":[{"paid_on":"2026-01-01","amount":"5"}]}"#,
            "PAYMENT_WITHOUT_MONTHS",
            "payments[0].months",
        ),
        (
            r#"{"member_id":"L","obligations":[],"payments":[{"paid_on":"2026-01-01","voluntary":"-5"}]}"#,
            "NEGATIVE_AMOUNT",
            "payments[0].voluntary",
        ),
        (
            r#"{"member_id":"L","obligations":[],"payments":[],"good_reasons":[{"from":"2026-03","to":"2026-01","reason":"x"}]}"#,
            "INVALID_PERIOD",
            "good_reasons[0].to",
        ),
    ];
    for (json, code, field) in cases {
        let e = evaluate_ledger(&p, &ledger(json), on).unwrap_err();
        assert_eq!(
            (e.code(), e.detail().field.as_str()),
            (code, field),
            "{json}"
        );
    }
}

#[test]
fn a_historic_six_month_run_still_unpaid_is_a_lapse_even_after_later_payments() {
    let obligations: Vec<String> = (1..=9)
        .map(|m| format!(r#"{{"month":"2025-{m:02}","amount":"10.00"}}"#))
        .collect();
    let json = format!(
        r#"{{"member_id":"L","obligations":[{}],"payments":[{{"paid_on":"2025-08-05","amount":"20.00","months":["2025-07","2025-08"]}}]}}"#,
        obligations.join(",")
    );
    let r = evaluate_ledger(
        &Policy::bundled(),
        &ledger(&json),
        "2025-10-15".parse().unwrap(),
    )
    .unwrap();
    assert_eq!(r.lapse_on, Some("2025-07-01".parse().unwrap()));
    assert_eq!(r.arrears.len(), 7); // Jan–Jun and Sep
}

#[test]
fn summary_for_a_month_and_a_year() {
    let l = ledger(
        r#"{"member_id":"S","obligations":[{"month":"2026-01","amount":"30.00"},{"month":"2026-02","amount":"30.00"}],
        "payments":[{"paid_on":"2026-01-20","amount":"30.00","months":["2026-01"],"voluntary":"1000.00"},
                    {"paid_on":"2026-02-20","voluntary":"200.00"}]}"#,
    );
    let r = evaluate_ledger(&Policy::bundled(), &l, "2026-12-31".parse().unwrap()).unwrap();
    let jan = summarize(std::slice::from_ref(&r), Period::Month(month("2026-01"))).unwrap();
    assert_eq!(
        (jan.due, jan.collected, jan.payment_rate),
        (dec("30.00"), dec("30.00"), Some(dec("1.0000")))
    );
    assert_eq!(
        (jan.voluntary, jan.remitted_to_centre),
        (dec("1000.00"), dec("1000.00"))
    );
    let year = summarize(&[r.clone(), r], Period::Year(2026)).unwrap();
    assert_eq!((year.members, year.members_in_arrears), (2, 2));
    assert_eq!(year.payment_rate, Some(dec("0.5000")));
    assert_eq!(
        (year.voluntary, year.remitted_to_centre),
        (dec("2400.00"), dec("2000.00"))
    );
}

#[test]
fn a_zero_base_is_assessed_with_its_trace_and_article() {
    // Zero is an amount: the lowest bracket's rate (2008 Rules Art. 2) applies, 0.00 × 0.005 = 0.00.
    let m = member(
        r#"{"member_id":"Z","category":"employed","incomes":[{"items":[{"code":"net_base","amount":"0.00"}]}]}"#,
    );
    let a = assess(
        &Policy::bundled(),
        &m,
        month("2026-05"),
        AssessOptions::default(),
    )
    .unwrap();
    assert_eq!(
        (a.amount, a.base, a.rate),
        (dec("0.00"), Some(dec("0.00")), Some(dec("0.005")))
    );
    let steps: Vec<(&str, &str)> = a
        .trace
        .iter()
        .map(|s| (s.step.as_str(), s.value.as_str()))
        .collect();
    assert!(
        steps.contains(&("rate", "0.005")) && steps.contains(&("amount", "0.00")),
        "{steps:?}"
    );
    let f = &a.findings[0];
    assert_eq!(
        (f.code.as_str(), f.severity),
        ("BASE_ZERO", crate::Severity::Warning)
    );
    assert_eq!(f.citation.as_ref().unwrap().article, "第二条");
    // A retiree's zero pension cites Art. 5.
    let r = member(
        r#"{"member_id":"R","category":"retired","incomes":[{"items":[{"code":"pension","amount":"0.00"}]}]}"#,
    );
    let a = assess(
        &Policy::bundled(),
        &r,
        month("2026-05"),
        AssessOptions::default(),
    )
    .unwrap();
    assert_eq!(a.findings[0].citation.as_ref().unwrap().article, "第五条");
    // Missing means absent: a record with no item, in the second record's place.
    let gap = member(
        r#"{"member_id":"G","category":"employed","incomes":[{"items":[{"code":"net_base","amount":"10.00"}]},{"from":"2026-01","items":[]}]}"#,
    );
    let e = assess(
        &Policy::bundled(),
        &gap,
        month("2026-05"),
        AssessOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("MISSING_INCOME", "incomes[1].items")
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// The batch's repeat check is an input-order walk's: a member is `DUPLICATE_MEMBER_ID` exactly when an
    /// earlier member has its id (ids drawn from a few, so they repeat, in runs and far apart).
    #[test]
    fn a_batch_names_as_repeats_exactly_the_ids_an_earlier_member_has(
        ids in proptest::collection::vec(0u8..6, 0..300),
        spread in 1usize..3,
    ) {
        let members: Vec<DuesMember> = ids
            .iter()
            .map(|&i| member(&format!(r#"{{"member_id":"M{}","category":"student"}}"#, usize::from(i) * spread)))
            .collect();
        let out = assess_batch(&Policy::bundled(), &members, month("2026-01"), AssessOptions::default());
        let mut seen = std::collections::HashSet::new();
        let expected: Vec<usize> = ids.iter().enumerate().filter(|(_, i)| !seen.insert(**i)).map(|(k, _)| k).collect();
        let named: Vec<usize> = out
            .errors
            .iter()
            .filter(|e| e.code == "DUPLICATE_MEMBER_ID")
            .map(|e| e.index)
            .collect();
        proptest::prop_assert_eq!(named, expected);
        proptest::prop_assert_eq!(out.assessments.len() + out.errors.len(), ids.len());
    }
}
