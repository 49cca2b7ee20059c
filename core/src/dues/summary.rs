//! The branch summary: the figures a branch discloses once a year (dues collected and remitted).
//!
//! Reports come from outside (JSON, bindings) and are not re-validated, so every sum is checked: a total beyond
//! what a decimal holds is the coded error `ARITHMETIC_OVERFLOW` naming the report and field, never a panic.
#![deny(clippy::arithmetic_side_effects)]

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::assess::to_fen;
use super::ledger::LedgerReport;
use crate::{Error, Result, YearMonth};

/// The period a summary covers.
///
/// ```
/// let p: dangjian::dues::Period = serde_json::from_str(r#"{"year":2026}"#).unwrap();
/// assert!(p.contains("2026-11".parse().unwrap()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// One month.
    Month(YearMonth),
    /// One calendar year.
    Year(i32),
}

/// `Period` in TypeScript, written here rather than derived: the derived `{ month } | { year }` would let
/// `{ month, year }` through (TypeScript checks excess properties against the whole union), which the core
/// refuses; `never` on the other key makes the type refuse it too.
#[cfg(feature = "wasm")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const PERIOD_TS: &str = r#"
/** The period a summary covers: one month or one calendar year. */
export type Period = { month: YearMonth; year?: never } | { year: number; month?: never };
"#;

impl Period {
    /// Whether `month` falls in the period.
    ///
    /// ```
    /// use dangjian::dues::Period;
    /// assert!(!Period::Month("2026-01".parse().unwrap()).contains("2026-02".parse().unwrap()));
    /// ```
    pub fn contains(self, month: YearMonth) -> bool {
        match self {
            Period::Month(m) => m == month,
            Period::Year(y) => month.year() == y,
        }
    }
}

/// A branch's dues figures for a period.
///
/// ```
/// use dangjian::dues::{summarize, Period};
/// let s = summarize(&[], Period::Year(2026)).unwrap();
/// assert_eq!(s.members, 0);
/// assert!(s.payment_rate.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct BranchSummary {
    /// The period.
    pub period: Period,
    /// Members with an obligation in the period.
    pub members: u32,
    /// Dues owed for the period's months.
    pub due: Decimal,
    /// Dues paid toward the period's months (as of each report's date).
    pub collected: Decimal,
    /// Still owed for the period's months.
    pub outstanding: Decimal,
    /// collected ÷ due, to four decimals (`None` when nothing was due).
    pub payment_rate: Option<Decimal>,
    /// Members with a month of the period in arrears.
    pub members_in_arrears: u32,
    /// Voluntary extra dues paid within the period.
    pub voluntary: Decimal,
    /// Of which remitted wholly to the Centre (2008 Art. 11).
    pub remitted_to_centre: Decimal,
}

/// Sums ledger reports into the branch's figures for `period`.
///
/// ```
/// use dangjian::{dues, Policy};
/// let l: dues::Ledger = serde_json::from_str(r#"{"member_id":"M1","obligations":[{"month":"2026-01","amount":"10.00"},
///   {"month":"2026-02","amount":"10.00"}],"payments":[{"paid_on":"2026-01-10","amount":"10.00","months":["2026-01"]}]}"#).unwrap();
/// let r = dues::evaluate_ledger(&Policy::bundled(), &l, "2026-12-31".parse().unwrap()).unwrap();
/// let s = dues::summarize(&[r], dues::Period::Year(2026)).unwrap();
/// assert_eq!(s.payment_rate.unwrap().to_string(), "0.5000");
/// ```
///
/// A total no decimal can hold is refused, naming the first amount that overflowed:
///
/// ```
/// use dangjian::dues;
/// let big = r#"{"member_id":"M1","as_of":"2026-12-31","total_due":"0","total_paid":"0","outstanding":"0",
///   "months":[{"month":"2026-01","due":"79228162514264337593543950335","paid":"0","outstanding":"0"}],
///   "arrears":[],"voluntary_total":"0","voluntary_payments":[],"remitted_to_centre":"0","unallocated":"0",
///   "lapse_on":null,"findings":[]}"#;
/// let r: dues::LedgerReport = serde_json::from_str(big).unwrap();
/// let e = dues::summarize(&[r.clone(), r], dues::Period::Year(2026)).unwrap_err();
/// assert_eq!((e.code(), e.detail().field.as_str()), ("ARITHMETIC_OVERFLOW", "[1].months[0].due"));
/// ```
pub fn summarize(reports: &[LedgerReport], period: Period) -> Result<BranchSummary> {
    let mut summary = BranchSummary {
        period,
        members: 0,
        due: to_fen(Decimal::ZERO),
        collected: to_fen(Decimal::ZERO),
        outstanding: to_fen(Decimal::ZERO),
        payment_rate: None,
        members_in_arrears: 0,
        voluntary: to_fen(Decimal::ZERO),
        remitted_to_centre: to_fen(Decimal::ZERO),
    };
    for (r, report) in reports.iter().enumerate() {
        let mut counted = false;
        for (m, line) in report.months.iter().enumerate() {
            if !period.contains(line.month) {
                continue;
            }
            counted = true;
            let at = |f: &str| format!("[{r}].months[{m}].{f}");
            add(&mut summary.due, line.due, || at("due"))?;
            add(&mut summary.collected, line.paid, || at("paid"))?;
            add(&mut summary.outstanding, line.outstanding, || {
                at("outstanding")
            })?;
        }
        if counted {
            count(&mut summary.members, r)?;
        }
        if report.arrears.iter().any(|m| period.contains(*m)) {
            count(&mut summary.members_in_arrears, r)?;
        }
        for (v, pay) in report.voluntary_payments.iter().enumerate() {
            if !period.contains(YearMonth::of(pay.paid_on)) {
                continue;
            }
            let at = || format!("[{r}].voluntary_payments[{v}].amount");
            add(&mut summary.voluntary, pay.amount, at)?;
            if pay.remitted {
                add(&mut summary.remitted_to_centre, pay.amount, at)?;
            }
        }
    }
    if summary.due > Decimal::ZERO {
        summary.payment_rate = summary.collected.checked_div(summary.due).map(|r| {
            let mut rate =
                r.round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            rate.rescale(4);
            rate
        });
    }
    Ok(summary)
}

/// `total += amount`, or `ARITHMETIC_OVERFLOW` at the field `at` names.
fn add(total: &mut Decimal, amount: Decimal, at: impl FnOnce() -> String) -> Result<()> {
    *total = total
        .checked_add(amount)
        .ok_or_else(|| Error::overflow(&at()))?;
    Ok(())
}

/// One more member counted (report `r`); more than `u32::MAX` members is an overflow, not a wrap.
fn count(n: &mut u32, r: usize) -> Result<()> {
    *n = n
        .checked_add(1)
        .ok_or_else(|| Error::overflow(&format!("[{r}]")))?;
    Ok(())
}
