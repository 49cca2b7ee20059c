//! The trace against a reference: for random members, months and policies, `assess` gives exactly the steps the
//! text builder of before the compact trace gave (its `format!`s are kept below, computed again from the
//! member and the policy), on every branch: admission, the three fixing texts, a given base, counted, quarter,
//! deducted and excluded items, a base floored at zero, flat amounts, the bracket's bound or top, rounding, and
//! hardship; with the bundled citations and with a province's own (owned) ones.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use rust_decimal::Decimal;

use super::assess::{assess, to_fen, AssessOptions};
use super::batch::assess_batch;
use super::bundled::rules_2008;
use super::items::{Category, EmployerType, ItemCode};
use super::member::{DuesMember, HardshipDecision, HardshipOutcome, IncomeItem, IncomeRecord};
use super::params::{bracket_for, Bracket, FixingRule, Rounding, RoundingMode};
use crate::policy::in_force;
use crate::{Citation, Dated, Policy, TraceStep, YearMonth};

/// The steps the text builder of before gave for `member` in `month` (`None` where `assess` fails).
fn reference(policy: &Policy, member: &DuesMember, month: YearMonth) -> Option<Vec<TraceStep>> {
    let mut steps = Vec::new();
    let admitted = member.admitted_on.map(YearMonth::of);
    if let Some(a) = admitted.filter(|a| month < *a) {
        let detail = format!("admitted in {a}: {month} is not owed");
        steps.push(TraceStep::new("admission", detail, "0.00").cite(rules_2008("第八条")));
        return Some(steps);
    }
    if let Some(a) = admitted {
        let detail = format!("probationary member admitted in {a}: dues owed from that month");
        steps.push(TraceStep::new("admission", detail, a.to_string()).cite(rules_2008("第八条")));
    }
    let on = month.first_day();
    let fixing = in_force(&policy.dues.fixing, on, "").ok()?;
    let periodic = matches!(
        member.category,
        Category::AnnualSalary | Category::SelfEmployed
    );
    let (assessed_in, how) = match fixing.value {
        FixingRule::MonthOfChange => (month, "dues follow the income of the month itself".to_owned()),
        FixingRule::AnnualFixed if periodic => (month, "annual fixing does not apply: this base is the month's (Art. 3) or the last quarter's (Art. 4)".to_owned()),
        FixingRule::AnnualFixed => {
            let first = member.incomes.first().and_then(|r| r.from);
            let start = [Some(month.january()), admitted, first].into_iter().flatten().max();
            let m = start.filter(|s| *s <= month).unwrap_or(month);
            (m, format!("annual fixing: the amount assessed in {m} holds for the year"))
        }
    };
    let cite = |s: TraceStep, p: &str, c: &Citation| s.with_parameter(p).cite(c.clone());
    steps.push(cite(
        TraceStep::new("fixing", how, assessed_in.to_string()),
        "dues.fixing",
        &fixing.citation,
    ));
    let on = assessed_in.first_day();
    let amount = if member.category.is_flat() {
        let (figure, path, c) = if member.category == Category::Farmer {
            let f = in_force(&policy.dues.farmer_monthly, on, "").ok()?;
            (f.value.monthly, "dues.farmer_monthly", &f.citation)
        } else {
            let f = in_force(&policy.dues.flat_amounts, on, "").ok()?;
            let v = &f.value;
            let a = match member.category {
                Category::Student => v.student,
                Category::Unemployed => v.unemployed,
                Category::Relief => v.relief,
                _ => v.subsistence,
            };
            (a, "dues.flat_amounts", &f.citation)
        };
        let detail = format!("flat monthly amount for {}", member.category);
        steps.push(cite(
            TraceStep::new("amount", detail, to_fen(figure).to_string()),
            path,
            c,
        ));
        to_fen(figure)
    } else {
        let record = member
            .income_in(assessed_in)
            .filter(|r| !r.items.is_empty())?;
        let base = to_fen(reference_base(policy, member, record, on, &mut steps)?);
        let retired = member.category == Category::Retired;
        let (table, path) = if retired {
            (&policy.dues.retiree_brackets, "dues.retiree_brackets")
        } else {
            (&policy.dues.employed_brackets, "dues.employed_brackets")
        };
        let brackets = in_force(table, on, "").ok()?;
        let bracket = bracket_for(&brackets.value, base)?;
        let band = match bracket.up_to {
            Some(bound) => format!("base {base} ≤ {bound}"),
            None => format!("base {base} is in the top bracket"),
        };
        let detail = format!("{band}: rate applies to the whole base");
        steps.push(cite(
            TraceStep::new("rate", detail, bracket.rate.to_string()),
            path,
            &brackets.citation,
        ));
        let rounding = in_force(&policy.dues.rounding, on, "").ok()?;
        let exact = base.checked_mul(bracket.rate)?;
        let amount = rounding.value.apply(exact);
        let (mode, scale) = (rounding.value.mode.as_str(), rounding.value.scale);
        let detail = format!(
            "{base} × {} = {exact}, rounded {mode} to {scale} decimals",
            bracket.rate
        );
        steps.push(cite(
            TraceStep::new("amount", detail, amount.to_string()),
            "dues.rounding",
            &rounding.citation,
        ));
        amount
    };
    if let Some(h) = member.hardship_in(month) {
        let (granted, en) = match h.outcome {
            HardshipOutcome::Waived => (to_fen(Decimal::ZERO), "waived"),
            HardshipOutcome::Reduced => (to_fen(h.reduced_amount.unwrap_or(amount)), "reduced"),
        };
        if granted < amount {
            let s = TraceStep::new(
                "hardship",
                format!("{en} from {amount}"),
                granted.to_string(),
            );
            steps.push(s.cite(rules_2008("第七条")));
        }
    }
    Some(steps)
}

/// The base steps of the builder of before: a given `net_base`, or one step per item and the base.
fn reference_base(
    policy: &Policy,
    member: &DuesMember,
    record: &IncomeRecord,
    on: NaiveDate,
    steps: &mut Vec<TraceStep>,
) -> Option<Decimal> {
    if let [only] = record.items.as_slice() {
        if only.code == ItemCode::NetBase {
            let detail = "net_base given: the base is already known";
            steps.push(TraceStep::new("base", detail, only.amount.to_string()));
            return Some(only.amount);
        }
    }
    let composition = in_force(&policy.dues.composition, on, "").ok()?;
    let c = &composition.value;
    let counted = match (member.category, member.employer_type) {
        (Category::AnnualSalary, _) => &c.annual_salary,
        (Category::SelfEmployed, _) => &c.self_employed,
        (Category::Retired, _) => &c.retired,
        (_, Some(EmployerType::CivilService)) => &c.civil_service,
        (_, Some(EmployerType::PublicInstitution)) => &c.public_institution,
        (_, _) => &c.enterprise,
    };
    let deductions = if member.category == Category::Retired {
        &c.retired_deducted
    } else {
        &c.deducted
    };
    let (mut total, mut deducted) = (Decimal::ZERO, Decimal::ZERO);
    for item in &record.items {
        let quarter = item.code == ItemCode::QuarterNetIncome;
        let amount = if quarter {
            let m = item.amount.checked_div(Decimal::from(3))?;
            m.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        } else {
            item.amount
        };
        let what = if counted.contains(&item.code) {
            total = total.checked_add(amount)?;
            if quarter {
                format!("quarter_net_income {} ÷ 3 counted", item.amount)
            } else {
                format!("{} counted", item.code)
            }
        } else if deductions.contains(&item.code) {
            deducted = deducted.checked_add(amount)?;
            format!("{} deducted", item.code)
        } else {
            format!("{} excluded: not part of this member's base", item.code)
        };
        let step = TraceStep::new("item", what, amount.to_string());
        steps.push(
            step.with_parameter("dues.composition")
                .cite(composition.citation.clone()),
        );
    }
    let net = total.checked_sub(deducted)?;
    let base = if net < Decimal::ZERO {
        Decimal::new(0, 2)
    } else {
        net
    };
    let detail = format!("counted {total} − deducted {deducted}");
    steps.push(TraceStep::new("base", detail, base.to_string()).cite(composition.citation.clone()));
    Some(base)
}

fn fen(max: i64) -> impl Strategy<Value = Decimal> {
    (0..=max).prop_map(|c| Decimal::new(c, 2))
}

fn month() -> impl Strategy<Value = YearMonth> {
    (0i32..240).prop_map(|i| YearMonth::new(2009, 1).unwrap().plus_months(i))
}

/// Items of one record: `net_base` alone (sometimes without decimals), or distinct other items.
fn items() -> impl Strategy<Value = Vec<IncomeItem>> {
    let net = (0i64..3_000_000, 0u32..3).prop_map(|(c, scale)| {
        let amount = Decimal::new(c, 2).round_dp(scale);
        vec![IncomeItem {
            code: ItemCode::NetBase,
            amount,
        }]
    });
    let codes: Vec<ItemCode> = ItemCode::ALL
        .iter()
        .copied()
        .filter(|c| *c != ItemCode::NetBase)
        .collect();
    let built = subsequence(codes, 1..=8)
        .prop_flat_map(|codes| {
            let n = codes.len();
            (Just(codes), prop::collection::vec(fen(1_500_000), n))
        })
        .prop_map(|(codes, amounts)| {
            let items = codes.into_iter().zip(amounts);
            items
                .map(|(code, amount)| IncomeItem { code, amount })
                .collect()
        });
    prop_oneof![net, built]
}

fn hardship() -> impl Strategy<Value = HardshipDecision> {
    (month(), any::<bool>(), fen(20_000)).prop_map(|(from, waived, reduced)| HardshipDecision {
        from,
        to: None,
        outcome: if waived {
            HardshipOutcome::Waived
        } else {
            HardshipOutcome::Reduced
        },
        reduced_amount: (!waived).then_some(reduced),
        branch_studied_on: from.first_day(),
        approved_by: "某某党委".to_owned(),
        approved_on: from.first_day(),
    })
}

fn member() -> impl Strategy<Value = DuesMember> {
    let records = (items(), prop::option::of((0i32..240, items())));
    (
        select(Category::ALL.to_vec()),
        prop::option::of(select(EmployerType::ALL.to_vec())),
        records,
    )
        .prop_flat_map(|(category, employer, (first, later))| {
            let mut m = DuesMember::new("M", category);
            m.employer_type = employer;
            m.incomes.push(IncomeRecord {
                from: None,
                items: first,
            });
            if let Some((offset, items)) = later {
                let from = YearMonth::new(2009, 1).unwrap().plus_months(offset);
                m.incomes.push(IncomeRecord {
                    from: Some(from),
                    items,
                });
            }
            (
                Just(m),
                prop::option::of(month()),
                prop::option::of(hardship()),
            )
        })
        .prop_map(|(mut m, admitted, hardship)| {
            m.admitted_on = admitted.map(|a| a.first_day());
            m.hardship.extend(hardship);
            m
        })
}

/// The bundled policy, or the bundled one with a province's own fixing, brackets and rounding from 2012 on,
/// each citing the province's rule (owned text, not the bundled borrowed one).
fn policy() -> impl Strategy<Value = Policy> {
    let bracket =
        (1i64..1_000_000, 0i64..30).prop_map(|(b, r)| (Decimal::new(b, 2), Decimal::new(r, 3)));
    let modes = vec![
        RoundingMode::HalfUp,
        RoundingMode::HalfEven,
        RoundingMode::Down,
        RoundingMode::Up,
    ];
    let fixing = select(vec![FixingRule::MonthOfChange, FixingRule::AnnualFixed]);
    let own = (fixing, bracket, 0i64..30, select(modes), 0u32..=2);
    prop::option::of(own).prop_map(|own| {
        let mut p = Policy::bundled();
        if let Some((fixing, (bound, low), high, mode, scale)) = own {
            let from = NaiveDate::from_ymd_opt(2012, 1, 1).unwrap();
            let cite = || Citation::new(String::from("某省党费收缴办法"), String::from("第三条"));
            p.dues.fixing.push(Dated::new(from, None, cite(), fixing));
            let table = vec![
                Bracket {
                    up_to: Some(bound),
                    rate: low,
                },
                Bracket {
                    up_to: None,
                    rate: Decimal::new(high, 3),
                },
            ];
            p.dues
                .employed_brackets
                .push(Dated::new(from, None, cite(), table));
            p.dues
                .rounding
                .push(Dated::new(from, None, cite(), Rounding { mode, scale }));
        }
        p
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn the_trace_is_the_text_of_before(p in policy(), m in member(), month in month()) {
        prop_assume!(m.validate().is_ok());
        let Ok(a) = assess(&p, &m, month, AssessOptions { trace: true }) else {
            return Ok(());
        };
        let expected = reference(&p, &m, month).expect("assessed, so the reference builds");
        prop_assert_eq!(&a.trace[..], &expected[..]);
        let json = serde_json::to_value(&a.trace).unwrap();
        prop_assert_eq!(json, serde_json::to_value(&expected).unwrap());
    }

    #[test]
    fn a_batch_traces_each_member_as_alone(
        p in policy(),
        ms in prop::collection::vec(member(), 1..40),
        month in month(),
    ) {
        let mut ms: Vec<DuesMember> = ms.into_iter().filter(|m| m.validate().is_ok()).collect();
        for (i, m) in ms.iter_mut().enumerate() {
            m.member_id = format!("M{i}");
        }
        let out = assess_batch(&p, &ms, month, AssessOptions { trace: true });
        let alone = ms.iter().filter_map(|m| assess(&p, m, month, AssessOptions { trace: true }).ok());
        prop_assert_eq!(out.assessments.len(), alone.clone().count());
        for (a, b) in out.assessments.iter().zip(alone) {
            prop_assert_eq!(&a.trace, &b.trace);
        }
    }
}

/// Thousands of members fill many chunks of the batch's shared store: every trace reads its own steps.
#[test]
fn traces_across_chunks_read_their_own_steps() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let month: YearMonth = "2026-11".parse().unwrap();
    for p in [
        Policy::bundled(),
        policy().new_tree(&mut runner).unwrap().current(),
    ] {
        let members: Vec<DuesMember> = (0..3000)
            .map(|i| {
                let mut m = member().new_tree(&mut runner).unwrap().current();
                m.member_id = format!("M{i}");
                m
            })
            .filter(|m| m.validate().is_ok())
            .collect();
        let out = assess_batch(&p, &members, month, AssessOptions { trace: true });
        let bytes: usize = members.iter().map(super::trace_codec::room_for).sum();
        assert!(
            bytes > 4 * super::tracer::CHUNK,
            "only {bytes} bytes of room"
        );
        let mut at = 0;
        for a in &out.assessments {
            while members[at].member_id != a.member_id {
                at += 1;
            }
            let expected = reference(&p, &members[at], month).unwrap();
            assert_eq!(&a.trace[..], &expected[..], "{}", a.member_id);
        }
        assert!(out.assessments.len() > 2000);
    }
}

#[test]
fn the_reference_covers_every_branch() {
    // Members the random ones may miss: a quarter's income, a negative net, a bracket's top.
    let p = Policy::bundled();
    let m = |json: &str| serde_json::from_str::<DuesMember>(json).unwrap();
    let june: YearMonth = "2026-06".parse().unwrap();
    for member in [
        m(
            r#"{"member_id":"Q","category":"self_employed","incomes":[{"items":[{"code":"quarter_net_income","amount":"10000.00"}]}]}"#,
        ),
        m(
            r#"{"member_id":"N","category":"employed","employer_type":"enterprise","incomes":[{"items":[{"code":"post_salary","amount":"100.00"},{"code":"income_tax","amount":"300.00"}]}]}"#,
        ),
        m(
            r#"{"member_id":"T","category":"employed","incomes":[{"items":[{"code":"net_base","amount":"25000"}]}]}"#,
        ),
    ] {
        let a = assess(&p, &member, june, AssessOptions::default()).unwrap();
        assert_eq!(&a.trace[..], &reference(&p, &member, june).unwrap()[..]);
    }
}
