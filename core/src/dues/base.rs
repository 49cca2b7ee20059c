//! Composing a member's monthly base from the payroll items (2008 Rules Arts. 2–5; the item lists of the
//! composition in force): counted items summed, deductions subtracted, a quarter's net income averaged per
//! month, a zero or negative net reported as a finding.
#![deny(clippy::arithmetic_side_effects)]

use rust_decimal::Decimal;

use super::bundled::rules_2008;
use super::items::{Category, EmployerType, ItemCode};
use super::member::{DuesMember, IncomeItem, IncomeRecord};
use super::params::Composition;
use super::step::{Step, Treatment};
use super::tracer::{category_article, Tracer};
use crate::policy::in_force;
use crate::{Citation, Dated, Error, Finding, Policy, Result, Severity, YearMonth};

fn counted_items(
    composition: &Composition,
    category: Category,
    employer: Option<EmployerType>,
) -> &[ItemCode] {
    match (category, employer) {
        (Category::AnnualSalary, _) => &composition.annual_salary,
        (Category::SelfEmployed, _) => &composition.self_employed,
        (Category::Retired, _) => &composition.retired,
        (_, Some(EmployerType::CivilService)) => &composition.civil_service,
        (_, Some(EmployerType::PublicInstitution)) => &composition.public_institution,
        (_, _) => &composition.enterprise,
    }
}

/// The base for `month` from `record`'s items, with a trace step per item and the base findings.
pub(super) fn compose_base<'p>(
    policy: &'p Policy,
    member: &DuesMember,
    record: &IncomeRecord,
    month: YearMonth,
    tracer: &mut Tracer<'_, 'p>,
    findings: &mut Vec<Finding>,
) -> Result<Decimal> {
    if let Some(given) = given_net_base(member, record, tracer, findings) {
        return Ok(given);
    }
    let composition = in_force(
        &policy.dues.composition,
        month.first_day(),
        "dues.composition",
    )?;
    let (total, deducted) = sum_items(composition, member, record, tracer)?;
    let net = total
        .checked_sub(deducted)
        .ok_or_else(|| Error::overflow("base"))?;
    let base = floor_at_zero(
        net,
        total,
        deducted,
        member.category,
        &composition.citation,
        findings,
    );
    tracer.push_cited(&composition.citation, |cite| Step::Base {
        total,
        deducted,
        base,
        cite,
    });
    Ok(base)
}

/// A record whose only item is `net_base` gives the base as it is, without composing it (a zero one raises
/// `BASE_ZERO`); any other record gives `None`.
fn given_net_base(
    member: &DuesMember,
    record: &IncomeRecord,
    tracer: &mut Tracer<'_, '_>,
    findings: &mut Vec<Finding>,
) -> Option<Decimal> {
    let [only] = record.items.as_slice() else {
        return None;
    };
    if only.code != ItemCode::NetBase {
        return None;
    }
    tracer.push(|| Step::GivenBase { base: only.amount });
    if only.amount.is_zero() {
        findings.push(base_zero(
            member.category,
            "计交基数（net_base）为 0.00",
            "net_base is 0.00",
        ));
    }
    Some(only.amount)
}

/// The counted and the deducted totals of the record's items under the composition in force (2008 Arts.
/// 2–5), with a trace step per item.
fn sum_items<'p>(
    composition: &'p Dated<Composition>,
    member: &DuesMember,
    record: &IncomeRecord,
    tracer: &mut Tracer<'_, 'p>,
) -> Result<(Decimal, Decimal)> {
    let counted = counted_items(&composition.value, member.category, member.employer_type);
    let deductions = if member.category == Category::Retired {
        &composition.value.retired_deducted
    } else {
        &composition.value.deducted
    };
    let mut total = Decimal::ZERO;
    let mut deducted = Decimal::ZERO;
    for item in &record.items {
        let treatment = if counted.contains(&item.code) {
            Treatment::Counted
        } else if deductions.contains(&item.code) {
            Treatment::Deducted
        } else {
            Treatment::Excluded
        };
        let amount = per_month(item.code, item.amount)?;
        match treatment {
            Treatment::Counted => {
                total = total
                    .checked_add(amount)
                    .ok_or_else(|| Error::overflow("items"))?;
            }
            Treatment::Deducted => {
                deducted = deducted
                    .checked_add(amount)
                    .ok_or_else(|| Error::overflow("items"))?;
            }
            Treatment::Excluded => {}
        }
        trace_item(tracer, item, treatment, amount, composition);
    }
    Ok((total, deducted))
}

/// An item's monthly amount: the self-employed base is the previous quarter's net income averaged per month
/// (2008 Art. 4), kept to the fen; every other item is monthly already.
fn per_month(code: ItemCode, amount: Decimal) -> Result<Decimal> {
    if code == ItemCode::QuarterNetIncome {
        let monthly = amount
            .checked_div(Decimal::from(3))
            .ok_or_else(|| Error::overflow("quarter_net_income"))?;
        return Ok(
            monthly.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        );
    }
    Ok(amount)
}

/// The trace step of one item: counted, deducted or excluded, and the monthly amount it stands for.
fn trace_item<'p>(
    tracer: &mut Tracer<'_, 'p>,
    item: &IncomeItem,
    treatment: Treatment,
    amount: Decimal,
    composition: &'p Dated<Composition>,
) {
    tracer.push_cited(&composition.citation, |cite| Step::Item {
        code: item.code,
        treatment,
        given: item.amount,
        monthly: amount,
        cite,
    });
}

/// The base from the net of the items: a negative net is taken as 0.00 and raises `BASE_BELOW_ZERO`, a zero
/// one raises `BASE_ZERO`.
fn floor_at_zero(
    net: Decimal,
    total: Decimal,
    deducted: Decimal,
    category: Category,
    citation: &Citation,
    findings: &mut Vec<Finding>,
) -> Decimal {
    if net < Decimal::ZERO {
        findings.push(Finding::new(
            "BASE_BELOW_ZERO",
            Severity::Warning,
            format!("扣除项合计 {deducted} 超过计入项合计 {total}，计交基数按 0 计"),
            format!("deductions {deducted} exceed counted items {total}: the base is taken as 0"),
            Some(citation.clone()),
        ));
        return Decimal::new(0, 2);
    }
    if net.is_zero() {
        findings.push(base_zero(
            category,
            format!("计入项合计 {total}，扣除项合计 {deducted}，计交基数为 0.00"),
            format!("counted {total} − deducted {deducted}: the base is 0.00"),
        ));
    }
    net
}

/// `BASE_ZERO`: a base of exactly 0.00 is an amount, not a missing income: the lowest bracket's rate applies to
/// it (2008 Rules Art. 2, Art. 5 for retirees), giving 0.00, and the finding says so, so that a zero wage is
/// looked at rather than hidden. A negative net has its own finding (`BASE_BELOW_ZERO`).
fn base_zero(category: Category, why_zh: impl Into<String>, why_en: impl Into<String>) -> Finding {
    let (why_zh, why_en) = (why_zh.into(), why_en.into());
    Finding::new(
        "BASE_ZERO",
        Severity::Warning,
        format!("{why_zh}：按最低档比例计算，应交 0.00 元；请核实收入"),
        format!("{why_en}: the lowest bracket's rate gives 0.00; check the income"),
        Some(rules_2008(category_article(category))),
    )
}
