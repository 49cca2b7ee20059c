//! The amount the rules in force give for one month's income (2008 Rules Arts. 2–6): a flat amount for the
//! categories that pay one, otherwise the bracket's rate of the composed base, rounded per policy.
//!
//! A leaf below `assess.rs`: it imports the base composition and the shared tracer, never the assessment.
#![deny(clippy::arithmetic_side_effects)]

use rust_decimal::Decimal;

use super::base::compose_base;
use super::bundled::rules_2008;
use super::items::Category;
use super::member::{DuesMember, IncomeRecord};
use super::params::{bracket_for, Bracket, Rounding};
use super::step::Step;
use super::tracer::{category_article, Tracer};
use crate::policy::in_force;
use crate::Dated;
use crate::{Citation, Error, Finding, Policy, Result, Severity, YearMonth};

/// Money at the fen, written with two decimals. Inputs carry at most two decimals, so nothing is lost.
pub(crate) fn to_fen(amount: Decimal) -> Decimal {
    let mut fen = amount;
    fen.rescale(2);
    fen
}

/// What one month's rules give, before hardship: the base and rate (none for a flat amount), the amount and
/// the article that decided it.
pub(super) struct Computed {
    pub(super) base: Option<Decimal>,
    pub(super) rate: Option<Decimal>,
    pub(super) amount: Decimal,
    pub(super) citation: Citation,
}

/// The amount the rules in force in `month` give for the member's income then.
pub(super) fn amount_in<'p>(
    policy: &'p Policy,
    member: &DuesMember,
    month: YearMonth,
    tracer: &mut Tracer<'_, 'p>,
    findings: &mut Vec<Finding>,
) -> Result<Computed> {
    if member.category.is_flat() {
        return flat_amount(policy, member, month, tracer, findings);
    }
    let record = income_record(member, month)?;
    // The base is money: written to the fen whatever the input's notation ("5400" → "5400.00").
    let base = to_fen(compose_base(
        policy, member, record, month, tracer, findings,
    )?);
    rated_amount(policy, member, month, base, tracer)
}

/// The flat monthly amount of a farmer, student, unemployed, relief or subsistence member (2008 Art. 6).
///
/// Income items given for such a member raise `ITEMS_IGNORED_FOR_FLAT_AMOUNT`: they play no part.
fn flat_amount<'p>(
    policy: &'p Policy,
    member: &DuesMember,
    month: YearMonth,
    tracer: &mut Tracer<'_, 'p>,
    findings: &mut Vec<Finding>,
) -> Result<Computed> {
    let citation = rules_2008(category_article(member.category));
    let (amount, parameter, dated_citation) = flat_figure(policy, member.category, month)?;
    // A flat amount is a stated figure, not a computed one: it is written to the fen and never rounded
    // (a unit that rounds to whole yuan must not turn 0.20 into 0).
    let amount = to_fen(amount);
    if member.income_in(month).is_some_and(|r| !r.items.is_empty()) {
        findings.push(Finding::new(
            "ITEMS_IGNORED_FOR_FLAT_AMOUNT",
            Severity::Info,
            format!(
                "{}按固定数额交纳，收入项目不参与计算",
                member.category.name_zh()
            ),
            format!(
                "{} members pay a flat amount: income items are not used",
                member.category
            ),
            Some(citation),
        ));
    }
    tracer.push_cited(dated_citation, |cite| Step::Flat {
        category: member.category,
        amount,
        parameter,
        cite,
    });
    Ok(Computed {
        base: None,
        rate: None,
        amount,
        // A province's own figure cites the province's rule, not only the 2008 Rules.
        citation: dated_citation.clone(),
    })
}

/// The flat figure in force for a flat-amount category (2008 Art. 6), the parameter it comes from and that
/// parameter's citation: farmers have their own figure, the other categories share one table.
fn flat_figure(
    policy: &Policy,
    category: Category,
    month: YearMonth,
) -> Result<(Decimal, &'static str, &Citation)> {
    let on = month.first_day();
    let dues = &policy.dues;
    if category == Category::Farmer {
        let figure = in_force(&dues.farmer_monthly, on, "dues.farmer_monthly")?;
        return Ok((
            figure.value.monthly,
            "dues.farmer_monthly",
            &figure.citation,
        ));
    }
    let flat = in_force(&dues.flat_amounts, on, "dues.flat_amounts")?;
    let amount = match category {
        Category::Student => flat.value.student,
        Category::Unemployed => flat.value.unemployed,
        Category::Relief => flat.value.relief,
        _ => flat.value.subsistence,
    };
    Ok((amount, "dues.flat_amounts", &flat.citation))
}

/// The income record that applies to `month`, which must exist and hold at least one item.
///
/// Missing means absent: a record with no item gives no value at all, while an item of 0.00 is an amount.
fn income_record(member: &DuesMember, month: YearMonth) -> Result<&IncomeRecord> {
    let record = member.income_in(month).ok_or_else(|| {
        Error::input(
            "MISSING_INCOME",
            "incomes",
            format!("{month} 没有可用的收入记录"),
            format!("no income record applies to {month}"),
        )
    })?;
    if record.items.is_empty() {
        let i = member
            .incomes
            .iter()
            .position(|r| std::ptr::eq(r, record))
            .unwrap_or(0);
        return Err(Error::input(
            "MISSING_INCOME",
            format!("incomes[{i}].items"),
            format!("{month} 适用的收入记录没有任何收入项目"),
            format!("the income record for {month} has no item"),
        ));
    }
    Ok(record)
}

/// The bracket's rate applied to the whole base, rounded per policy (2008 Arts. 2–5): retirees have their
/// own table (Art. 5), every other rated category the employed one.
fn rated_amount<'p>(
    policy: &'p Policy,
    member: &DuesMember,
    month: YearMonth,
    base: Decimal,
    tracer: &mut Tracer<'_, 'p>,
) -> Result<Computed> {
    let on = month.first_day();
    let dues = &policy.dues;
    let (table, parameter) = if member.category == Category::Retired {
        (&dues.retiree_brackets, "dues.retiree_brackets")
    } else {
        (&dues.employed_brackets, "dues.employed_brackets")
    };
    let brackets = in_force(table, on, parameter)?;
    let bracket = bracket_for(&brackets.value, base).ok_or_else(|| {
        Error::policy(
            "EMPTY_BRACKETS",
            parameter,
            "档次表为空",
            "the bracket table is empty",
        )
    })?;
    let rounding = in_force(&dues.rounding, on, "dues.rounding")?;
    let exact = base
        .checked_mul(bracket.rate)
        .ok_or_else(|| Error::overflow("amount"))?;
    let amount = rounding.value.apply(exact);
    trace_rate(tracer, base, bracket, parameter, &brackets.citation);
    trace_rounding(tracer, base, bracket.rate, exact, amount, rounding);
    Ok(Computed {
        base: Some(base),
        rate: Some(bracket.rate),
        amount,
        citation: rules_2008(category_article(member.category)),
    })
}

/// The trace step of the bracket found for the base (2008 Arts. 2–5: the rate applies to the whole base).
fn trace_rate<'p>(
    tracer: &mut Tracer<'_, 'p>,
    base: Decimal,
    bracket: &Bracket,
    parameter: &'static str,
    citation: &'p Citation,
) {
    tracer.push_cited(citation, |cite| Step::Rate {
        base,
        up_to: bracket.up_to,
        rate: bracket.rate,
        parameter,
        cite,
    });
}

/// The trace step of the product and its rounding under the policy's rule.
fn trace_rounding<'p>(
    tracer: &mut Tracer<'_, 'p>,
    base: Decimal,
    rate: Decimal,
    exact: Decimal,
    amount: Decimal,
    rounding: &'p Dated<Rounding>,
) {
    tracer.push_cited(&rounding.citation, |cite| Step::Rounded {
        base,
        rate,
        exact,
        amount,
        mode: rounding.value.mode,
        scale: rounding.value.scale,
        cite,
    });
}
