//! One step of an assessment's trace as its kind and numbers ([`Step`]), and its text: each kind's words are
//! written by one function here, and only here, when the trace is read.
#![deny(clippy::arithmetic_side_effects)]

use rust_decimal::Decimal;

use super::bundled::rules_2008;
use super::items::{Category, ItemCode};
use super::member::HardshipOutcome;
use super::params::RoundingMode;
use crate::{Citation, TraceStep, YearMonth};

/// A policy citation of a step, by its place in the list of its trace's store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cited(pub(super) u8);

/// What happens to an income item for this member under the composition in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Treatment {
    Counted,
    Deducted,
    Excluded,
}

/// How the fixing rule in force chose the month whose income decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fixed {
    /// 2008 Art. 10: the month itself.
    MonthOfChange,
    /// Annual fixing, but the base is the month's (Art. 3) or the last quarter's (Art. 4).
    Periodic,
    /// 2017 Notice: the start of the year (or the later admission or first income).
    Annual,
}

/// One step, as its numbers (stored encoded, [`super::trace_codec`]). Each kind is written out by
/// [`Step::render`] alone.
#[derive(Debug, Clone, Copy)]
pub(super) enum Step {
    /// A month before admission as probationary member: nothing owed (2008 Art. 8).
    NotOwed {
        admitted: YearMonth,
        month: YearMonth,
    },
    /// Owed from the month of admission (2008 Art. 8).
    OwedFrom { admitted: YearMonth },
    /// The month whose income decides (`dues.fixing`).
    Fixing {
        how: Fixed,
        assessed_in: YearMonth,
        cite: Cited,
    },
    /// A base given as `net_base`.
    GivenBase { base: Decimal },
    /// One payroll item: `given` as written, `monthly` as it counts (a quarter's income ÷ 3).
    Item {
        code: ItemCode,
        treatment: Treatment,
        given: Decimal,
        monthly: Decimal,
        cite: Cited,
    },
    /// The composed base.
    Base {
        total: Decimal,
        deducted: Decimal,
        base: Decimal,
        cite: Cited,
    },
    /// A flat amount (2008 Art. 6) and the parameter it comes from.
    Flat {
        category: Category,
        amount: Decimal,
        parameter: &'static str,
        cite: Cited,
    },
    /// The bracket found for the base (2008 Arts. 2–5).
    Rate {
        base: Decimal,
        up_to: Option<Decimal>,
        rate: Decimal,
        parameter: &'static str,
        cite: Cited,
    },
    /// The product and its rounding (`dues.rounding`).
    Rounded {
        base: Decimal,
        rate: Decimal,
        exact: Decimal,
        amount: Decimal,
        mode: RoundingMode,
        scale: u32,
        cite: Cited,
    },
    /// A hardship decision lowering the amount (2008 Art. 7).
    Hardship {
        outcome: HardshipOutcome,
        before: Decimal,
        granted: Decimal,
    },
}

impl Step {
    /// The step's text: each kind's words are written by its own function below, and only there.
    pub(super) fn render(&self, cited: &[Citation]) -> TraceStep {
        let policy = |step: TraceStep, parameter: &str, cite: Cited| {
            with_citation(step.with_parameter(parameter), cited, cite)
        };
        match *self {
            Step::NotOwed { admitted, month } => not_owed(admitted, month),
            Step::OwedFrom { admitted } => owed_from(admitted),
            Step::Fixing {
                how,
                assessed_in,
                cite,
            } => policy(fixing(how, assessed_in), "dues.fixing", cite),
            Step::GivenBase { base } => given_base(base),
            Step::Item {
                code,
                treatment,
                given,
                monthly,
                cite,
            } => policy(
                item(code, treatment, given, monthly),
                "dues.composition",
                cite,
            ),
            Step::Base {
                total,
                deducted,
                base,
                cite,
            } => with_citation(composed_base(total, deducted, base), cited, cite),
            Step::Flat {
                category,
                amount,
                parameter,
                cite,
            } => policy(flat(category, amount), parameter, cite),
            Step::Rate {
                base,
                up_to,
                rate,
                parameter,
                cite,
            } => policy(bracket(base, up_to, rate), parameter, cite),
            Step::Rounded {
                base,
                rate,
                exact,
                amount,
                mode,
                scale,
                cite,
            } => {
                let step = rounded(base, rate, exact, amount, mode, scale);
                policy(step, "dues.rounding", cite)
            }
            Step::Hardship {
                outcome,
                before,
                granted,
            } => hardship(outcome, before, granted),
        }
    }
}

fn not_owed(admitted: YearMonth, month: YearMonth) -> TraceStep {
    let how = format!("admitted in {admitted}: {month} is not owed");
    TraceStep::new("admission", how, "0.00").cite(rules_2008("第八条"))
}

fn owed_from(admitted: YearMonth) -> TraceStep {
    let how = format!("probationary member admitted in {admitted}: dues owed from that month");
    TraceStep::new("admission", how, admitted.to_string()).cite(rules_2008("第八条"))
}

fn fixing(how: Fixed, assessed_in: YearMonth) -> TraceStep {
    let how = match how {
        Fixed::MonthOfChange => "dues follow the income of the month itself".to_owned(),
        Fixed::Periodic => "annual fixing does not apply: this base is the month's (Art. 3) or the last quarter's (Art. 4)".to_owned(),
        Fixed::Annual => format!("annual fixing: the amount assessed in {assessed_in} holds for the year"),
    };
    TraceStep::new("fixing", how, assessed_in.to_string())
}

fn given_base(base: Decimal) -> TraceStep {
    TraceStep::new(
        "base",
        "net_base given: the base is already known",
        base.to_string(),
    )
}

/// An item: counted (a quarter's income with its division), deducted or excluded, and its monthly figure.
fn item(code: ItemCode, treatment: Treatment, given: Decimal, monthly: Decimal) -> TraceStep {
    let what = match treatment {
        Treatment::Counted if code == ItemCode::QuarterNetIncome => {
            format!("quarter_net_income {given} ÷ 3 counted")
        }
        Treatment::Counted => format!("{code} counted"),
        Treatment::Deducted => format!("{code} deducted"),
        Treatment::Excluded => format!("{code} excluded: not part of this member's base"),
    };
    TraceStep::new("item", what, monthly.to_string())
}

fn composed_base(total: Decimal, deducted: Decimal, base: Decimal) -> TraceStep {
    let how = format!("counted {total} − deducted {deducted}");
    TraceStep::new("base", how, base.to_string())
}

fn flat(category: Category, amount: Decimal) -> TraceStep {
    let how = format!("flat monthly amount for {category}");
    TraceStep::new("amount", how, amount.to_string())
}

fn bracket(base: Decimal, up_to: Option<Decimal>, rate: Decimal) -> TraceStep {
    let band = match up_to {
        Some(bound) => format!("base {base} ≤ {bound}"),
        None => format!("base {base} is in the top bracket"),
    };
    let how = format!("{band}: rate applies to the whole base");
    TraceStep::new("rate", how, rate.to_string())
}

fn rounded(
    base: Decimal,
    rate: Decimal,
    exact: Decimal,
    amount: Decimal,
    mode: RoundingMode,
    scale: u32,
) -> TraceStep {
    let mode = mode.as_str();
    let how = format!("{base} × {rate} = {exact}, rounded {mode} to {scale} decimals");
    TraceStep::new("amount", how, amount.to_string())
}

fn hardship(outcome: HardshipOutcome, before: Decimal, granted: Decimal) -> TraceStep {
    let en = match outcome {
        HardshipOutcome::Waived => "waived",
        HardshipOutcome::Reduced => "reduced",
    };
    let how = format!("{en} from {before}");
    TraceStep::new("hardship", how, granted.to_string()).cite(rules_2008("第七条"))
}

/// The step with the policy citation it names.
fn with_citation(step: TraceStep, cited: &[Citation], cite: Cited) -> TraceStep {
    match cited.get(usize::from(cite.0)) {
        Some(c) => step.cite(c.clone()),
        None => step,
    }
}
