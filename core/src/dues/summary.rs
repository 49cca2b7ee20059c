//! The branch summary: the figures a branch discloses once a year (dues collected and remitted).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::assess::to_fen;
use super::ledger::LedgerReport;
use crate::YearMonth;

/// The period a summary covers.
///
/// ```
/// let p: dangjian::dues::Period = serde_json::from_str(r#"{"year":2026}"#).unwrap();
/// assert!(p.contains("2026-11".parse().unwrap()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// One month.
    Month(YearMonth),
    /// One calendar year.
    Year(i32),
}

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
/// let s = summarize(&[], Period::Year(2026));
/// assert_eq!(s.members, 0);
/// assert!(s.payment_rate.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
/// let s = dues::summarize(&[r], dues::Period::Year(2026));
/// assert_eq!(s.payment_rate.unwrap().to_string(), "0.5000");
/// ```
pub fn summarize(reports: &[LedgerReport], period: Period) -> BranchSummary {
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
    for report in reports {
        let lines: Vec<_> = report
            .months
            .iter()
            .filter(|l| period.contains(l.month))
            .collect();
        if !lines.is_empty() {
            summary.members += 1;
        }
        for line in &lines {
            summary.due += line.due;
            summary.collected += line.paid;
            summary.outstanding += line.outstanding;
        }
        if report.arrears.iter().any(|m| period.contains(*m)) {
            summary.members_in_arrears += 1;
        }
        for v in report
            .voluntary_payments
            .iter()
            .filter(|v| period.contains(YearMonth::of(v.paid_on)))
        {
            summary.voluntary += v.amount;
            if v.remitted {
                summary.remitted_to_centre += v.amount;
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
    summary
}
