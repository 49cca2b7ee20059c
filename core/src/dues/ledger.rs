//! The dues ledger: what was owed, what was paid, arrears, and the six-month line
//! (2008 Rules Arts. 11–13; 党章 第九条).
//!
//! Amounts are validated (at most one trillion yuan each) before they add up, and the sums are still checked:
//! an overflow is the coded error `ARITHMETIC_OVERFLOW` naming the payment or total, never a panic.
#![deny(clippy::arithmetic_side_effects)]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::assess::{rules_2008, to_fen, Assessment};
use super::member::{check_amount, check_schema_version};
use super::params::PaymentRules;
use crate::policy::in_force;
use crate::{Citation, Error, Finding, Policy, Result, Severity, YearMonth};

/// The amount owed for one month.
///
/// ```
/// let o: dangjian::dues::Obligation = serde_json::from_str(r#"{"month":"2026-01","amount":"54.00"}"#).unwrap();
/// assert_eq!(o.amount.to_string(), "54.00");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Obligation {
    /// The month.
    pub month: YearMonth,
    /// The amount owed.
    #[serde(deserialize_with = "crate::money::de_money")]
    pub amount: Decimal,
}

impl From<&Assessment> for Obligation {
    fn from(a: &Assessment) -> Self {
        Self {
            month: a.month,
            amount: a.amount,
        }
    }
}

/// One payment: regular dues for the months listed (filled in month order) and any voluntary extra.
///
/// ```
/// let p: dangjian::dues::Payment = serde_json::from_str(r#"{"paid_on":"2026-03-05","amount":"108.00",
///   "months":["2026-02","2026-03"],"channel":"wechat"}"#).unwrap();
/// assert_eq!(p.voluntary.to_string(), "0");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Payment {
    /// The day it was paid.
    pub paid_on: NaiveDate,
    /// The regular dues paid.
    #[serde(default, deserialize_with = "crate::money::de_money")]
    pub amount: Decimal,
    /// The months the regular dues cover.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub months: Vec<YearMonth>,
    /// Voluntary extra dues (自愿多交) in the same payment.
    #[serde(default, deserialize_with = "crate::money::de_money")]
    pub voluntary: Decimal,
    /// How it was paid (cash, transfer, app …), free text.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub channel: String,
}

/// A recorded good reason for not paying (正当理由): these months never count toward the six-month line.
///
/// ```
/// let g: dangjian::dues::GoodReason = serde_json::from_str(r#"{"from":"2026-01","to":"2026-03","reason":"援藏"}"#).unwrap();
/// assert_eq!(g.reason, "援藏");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct GoodReason {
    /// First month covered.
    pub from: YearMonth,
    /// Last month covered.
    pub to: YearMonth,
    /// The reason as recorded by the branch.
    pub reason: String,
}

/// A member's dues ledger: obligations, payments and recorded good reasons.
///
/// ```
/// let l: dangjian::dues::Ledger = serde_json::from_str(r#"{"member_id":"M1","obligations":[],"payments":[]}"#).unwrap();
/// assert!(l.good_reasons.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Ledger {
    /// The member.
    pub member_id: String,
    /// What was owed, one entry per month.
    pub obligations: Vec<Obligation>,
    /// What was paid.
    pub payments: Vec<Payment>,
    /// Months with a recorded good reason.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub good_reasons: Vec<GoodReason>,
    /// Version of the ledger document; absent means 1, the current version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub schema_version: Option<u32>,
}

/// One month of the ledger as of the report date.
///
/// ```
/// use dangjian::dues::MonthLine;
/// let line: MonthLine = serde_json::from_str(r#"{"month":"2026-01","due":"54.00","paid":"0","outstanding":"54.00"}"#).unwrap();
/// assert!(line.paid_on.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct MonthLine {
    /// The month.
    pub month: YearMonth,
    /// Owed.
    #[serde(deserialize_with = "crate::money::de_decimal")]
    pub due: Decimal,
    /// Paid toward it by the report date.
    #[serde(deserialize_with = "crate::money::de_decimal")]
    pub paid: Decimal,
    /// Still owed.
    #[serde(deserialize_with = "crate::money::de_decimal")]
    pub outstanding: Decimal,
    /// The date of the last payment toward it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub paid_on: Option<NaiveDate>,
}

/// One voluntary payment (自愿多交).
///
/// ```
/// let v: dangjian::dues::VoluntaryLine = serde_json::from_str(r#"{"paid_on":"2026-07-01","amount":"1000","remitted":true}"#).unwrap();
/// assert!(v.remitted);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct VoluntaryLine {
    /// When it was paid.
    pub paid_on: NaiveDate,
    /// How much.
    #[serde(deserialize_with = "crate::money::de_decimal")]
    pub amount: Decimal,
    /// Whether it goes wholly to the Centre.
    pub remitted: bool,
}

/// The ledger as of a date: lines, totals, arrears, voluntary dues and findings.
///
/// ```
/// # use dangjian::{dues, Policy};
/// let l: dues::Ledger = serde_json::from_str(r#"{"member_id":"M1","obligations":[{"month":"2026-01","amount":"10.00"}],"payments":[]}"#).unwrap();
/// let r = dues::evaluate_ledger(&Policy::bundled(), &l, "2026-03-01".parse().unwrap()).unwrap();
/// assert_eq!(r.arrears.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct LedgerReport {
    /// The member.
    pub member_id: String,
    /// The report date.
    pub as_of: NaiveDate,
    /// Every month owed, ascending.
    pub months: Vec<MonthLine>,
    /// Total owed.
    #[serde(deserialize_with = "crate::money::de_decimal")]
    pub total_due: Decimal,
    /// Total regular dues paid toward owed months.
    #[serde(deserialize_with = "crate::money::de_decimal")]
    pub total_paid: Decimal,
    /// Total still owed (past, current and future months).
    #[serde(deserialize_with = "crate::money::de_decimal")]
    pub outstanding: Decimal,
    /// Past months (ended before the report date) still unpaid, ascending.
    pub arrears: Vec<YearMonth>,
    /// Voluntary extra dues paid by the report date.
    #[serde(deserialize_with = "crate::money::de_decimal")]
    pub voluntary_total: Decimal,
    /// Each voluntary payment, for per-period sums.
    pub voluntary_payments: Vec<VoluntaryLine>,
    /// Voluntary payments remitted wholly to the Centre (each single payment at or above the threshold).
    #[serde(deserialize_with = "crate::money::de_decimal")]
    pub remitted_to_centre: Decimal,
    /// Regular dues paid beyond what the listed months owed.
    #[serde(deserialize_with = "crate::money::de_decimal")]
    pub unallocated: Decimal,
    /// The day the six-month line was crossed, when it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub lapse_on: Option<NaiveDate>,
    /// Findings, in order.
    pub findings: Vec<Finding>,
}

/// `a + b`, or `ARITHMETIC_OVERFLOW` at the field `at` names.
fn plus(a: Decimal, b: Decimal, at: impl FnOnce() -> String) -> Result<Decimal> {
    a.checked_add(b).ok_or_else(|| Error::overflow(&at()))
}

/// `a - b`, or `ARITHMETIC_OVERFLOW` at the field `at` names.
fn minus(a: Decimal, b: Decimal, at: impl FnOnce() -> String) -> Result<Decimal> {
    a.checked_sub(b).ok_or_else(|| Error::overflow(&at()))
}

fn party_constitution_art9() -> Citation {
    Citation::new("中国共产党章程", "第九条")
}

/// Evaluates a ledger as of `as_of`: payments dated after it are ignored.
///
/// Findings: `BACK_PAYMENT_BEYOND_WINDOW` (paid more than the allowed months after the month, 2008 Art. 12),
/// `PREPAYMENT_BEYOND_WINDOW` (paid more than the allowed months ahead), `PAYMENT_FOR_UNOWED_MONTH`,
/// `PAYMENT_EXCEEDS_DUES`, `VOLUNTARY_REMITTED_TO_CENTRE` (a single voluntary payment at or above 1000 yuan goes
/// wholly to the Centre, 2008 Art. 11), `DUES_ARREARS` (unpaid months, with the date the line will be crossed) and
/// `DUES_LAPSE` (six consecutive months unpaid without a recorded good reason: 党章 第九条 and 2008 Art. 13; the
/// line is crossed on the first day after the sixth such month ends).
///
/// ```
/// use dangjian::{dues, Policy};
/// let months: Vec<String> = (1..=6).map(|m| format!(r#"{{"month":"2026-{m:02}","amount":"54.00"}}"#)).collect();
/// let json = format!(r#"{{"member_id":"M1","obligations":[{}],"payments":[]}}"#, months.join(","));
/// let ledger: dues::Ledger = serde_json::from_str(&json).unwrap();
/// let p = Policy::bundled();
/// let before = dues::evaluate_ledger(&p, &ledger, "2026-06-30".parse().unwrap()).unwrap();
/// assert!(before.lapse_on.is_none());
/// let after = dues::evaluate_ledger(&p, &ledger, "2026-07-01".parse().unwrap()).unwrap();
/// assert_eq!(after.lapse_on.unwrap().to_string(), "2026-07-01");
/// ```
pub fn evaluate_ledger(policy: &Policy, ledger: &Ledger, as_of: NaiveDate) -> Result<LedgerReport> {
    validate(ledger)?;
    let rules = in_force(&policy.dues.payment_rules, as_of, "dues.payment_rules")?;
    let mut lines = month_lines(ledger);
    let mut tally = Tally {
        findings: Vec::new(),
        voluntary_total: to_fen(Decimal::ZERO),
        voluntary_payments: Vec::new(),
        remitted: to_fen(Decimal::ZERO),
        unallocated: to_fen(Decimal::ZERO),
    };
    let mut payments: Vec<(usize, &Payment)> = ledger.payments.iter().enumerate().collect();
    payments.sort_by_key(|(i, p)| (p.paid_on, *i));
    for (index, payment) in payments.into_iter().filter(|(_, p)| p.paid_on <= as_of) {
        check_windows(
            payment,
            index,
            &rules.value,
            &rules.citation,
            &mut tally.findings,
        );
        let left = allocate(payment, index, &mut lines, &mut tally.findings)?;
        note_excess(index, left, &mut tally)?;
        record_voluntary(payment, index, &rules.value, &mut tally)?;
    }
    report(ledger, as_of, lines, &rules.value, tally)
}

/// What the payments add up to besides the month lines, gathered payment by payment.
struct Tally {
    findings: Vec<Finding>,
    voluntary_total: Decimal,
    voluntary_payments: Vec<VoluntaryLine>,
    remitted: Decimal,
    unallocated: Decimal,
}

/// One line per obligation, nothing paid yet.
fn month_lines(ledger: &Ledger) -> BTreeMap<YearMonth, MonthLine> {
    ledger
        .obligations
        .iter()
        .map(|o| {
            (
                o.month,
                MonthLine {
                    month: o.month,
                    due: o.amount,
                    paid: to_fen(Decimal::ZERO),
                    outstanding: o.amount,
                    paid_on: None,
                },
            )
        })
        .collect()
}

/// Spreads a payment over the months it lists, earliest first, each up to what it still owes; returns what
/// is left. A listed month with no obligation raises `PAYMENT_FOR_UNOWED_MONTH`.
fn allocate(
    payment: &Payment,
    index: usize,
    lines: &mut BTreeMap<YearMonth, MonthLine>,
    findings: &mut Vec<Finding>,
) -> Result<Decimal> {
    let mut left = payment.amount;
    let mut months = payment.months.clone();
    months.sort();
    for month in months {
        let Some(line) = lines.get_mut(&month) else {
            findings.push(Finding::new(
                "PAYMENT_FOR_UNOWED_MONTH",
                Severity::Warning,
                format!(
                    "第 {} 笔交费列明的 {month} 没有应交记录",
                    index.saturating_add(1)
                ),
                format!(
                    "payment {} lists {month}, which has no obligation",
                    index.saturating_add(1)
                ),
                None,
            ));
            continue;
        };
        let take = left.min(line.outstanding);
        if take > Decimal::ZERO {
            let at = || format!("payments[{index}].amount");
            line.paid = plus(line.paid, take, at)?;
            line.outstanding = minus(line.outstanding, take, at)?;
            line.paid_on = Some(payment.paid_on);
            left = minus(left, take, at)?;
        }
    }
    Ok(left)
}

/// What a payment pays beyond the dues of its months is kept unallocated and raises `PAYMENT_EXCEEDS_DUES`:
/// voluntary dues are recorded as such, not guessed from an overpayment.
fn note_excess(index: usize, left: Decimal, tally: &mut Tally) -> Result<()> {
    if left > Decimal::ZERO {
        tally.unallocated = plus(tally.unallocated, left, || "unallocated".into())?;
        tally.findings.push(Finding::new(
            "PAYMENT_EXCEEDS_DUES",
            Severity::Warning,
            format!("第 {} 笔交费比所列月份应交多 {left} 元；如为自愿多交，请记为 voluntary", index.saturating_add(1)),
            format!("payment {} exceeds the dues of its months by {left}; record voluntary dues as `voluntary`", index.saturating_add(1)),
            None,
        ));
    }
    Ok(())
}

/// Records a payment's voluntary dues; a single one at or above the threshold is remitted wholly to the
/// Centre (2008 Art. 11) and raises `VOLUNTARY_REMITTED_TO_CENTRE`.
fn record_voluntary(
    payment: &Payment,
    index: usize,
    rules: &PaymentRules,
    tally: &mut Tally,
) -> Result<()> {
    if payment.voluntary <= Decimal::ZERO {
        return Ok(());
    }
    let at = || format!("payments[{index}].voluntary");
    tally.voluntary_total = plus(tally.voluntary_total, payment.voluntary, at)?;
    let remit = payment.voluntary >= rules.voluntary_remit_threshold;
    tally.voluntary_payments.push(VoluntaryLine {
        paid_on: payment.paid_on,
        amount: payment.voluntary,
        remitted: remit,
    });
    if remit {
        tally.remitted = plus(tally.remitted, payment.voluntary, at)?;
        tally.findings.push(Finding::new(
            "VOLUNTARY_REMITTED_TO_CENTRE",
            Severity::Info,
            format!(
                "{} 一次自愿多交党费 {} 元（≥{} 元），全部上缴中央",
                payment.paid_on, payment.voluntary, rules.voluntary_remit_threshold
            ),
            format!(
                "a single voluntary payment of {} on {} (≥ {}) is remitted wholly to the Centre",
                payment.voluntary, payment.paid_on, rules.voluntary_remit_threshold
            ),
            Some(rules_2008("第十一条")),
        ));
    }
    Ok(())
}

/// The report: the months in arrears and the lapse check (党章 第九条; 2008 Arts. 12–13), then the totals.
fn report(
    ledger: &Ledger,
    as_of: NaiveDate,
    lines: BTreeMap<YearMonth, MonthLine>,
    rules: &PaymentRules,
    mut tally: Tally,
) -> Result<LedgerReport> {
    let months: Vec<MonthLine> = lines.into_values().collect();
    let reasons = &ledger.good_reasons;
    let excused = |m: YearMonth| reasons.iter().any(|g| g.from <= m && m <= g.to);
    // A month is in arrears once it has ended unpaid; the report date's own month can still be paid on time.
    let arrears: Vec<YearMonth> = months
        .iter()
        .filter(|l| l.outstanding > Decimal::ZERO && l.month.last_day() < as_of)
        .map(|l| l.month)
        .collect();
    let lapse_on = lapse_check(&arrears, &excused, as_of, rules, &mut tally.findings);
    let sum = |f: fn(&MonthLine) -> Decimal, total: &str| {
        months
            .iter()
            .map(f)
            .try_fold(to_fen(Decimal::ZERO), |a, b| plus(a, b, || total.into()))
    };
    Ok(LedgerReport {
        member_id: ledger.member_id.clone(),
        as_of,
        total_due: sum(|l| l.due, "total_due")?,
        total_paid: sum(|l| l.paid, "total_paid")?,
        outstanding: sum(|l| l.outstanding, "outstanding")?,
        months,
        arrears,
        voluntary_total: tally.voluntary_total,
        voluntary_payments: tally.voluntary_payments,
        remitted_to_centre: tally.remitted,
        unallocated: tally.unallocated,
        lapse_on,
        findings: tally.findings,
    })
}

fn check_windows(
    payment: &Payment,
    index: usize,
    rules: &PaymentRules,
    citation: &Citation,
    findings: &mut Vec<Finding>,
) {
    let paid_in = YearMonth::of(payment.paid_on);
    let back = i64::from(rules.back_payment_max_months);
    let ahead = i64::from(rules.prepayment_max_months);
    for month in &payment.months {
        let lag = i64::from(paid_in.months_since(*month));
        if lag > back {
            findings.push(Finding::new(
                "BACK_PAYMENT_BEYOND_WINDOW",
                Severity::Warning,
                format!(
                    "第 {} 笔：{} 补交 {month} 的党费，超过补交期限 {back} 个月",
                    index.saturating_add(1),
                    payment.paid_on
                ),
                format!(
                    "payment {}: {month} back-paid on {}, beyond the {back}-month window",
                    index.saturating_add(1),
                    payment.paid_on
                ),
                Some(citation.clone()),
            ));
        } else if lag.saturating_neg() > ahead {
            findings.push(Finding::new(
                "PREPAYMENT_BEYOND_WINDOW",
                Severity::Warning,
                format!(
                    "第 {} 笔：{} 预交 {month} 的党费，超过预交期限 {ahead} 个月",
                    index.saturating_add(1),
                    payment.paid_on
                ),
                format!(
                    "payment {}: {month} prepaid on {}, beyond the {ahead}-month window",
                    index.saturating_add(1),
                    payment.paid_on
                ),
                Some(citation.clone()),
            ));
        }
    }
}

/// Finds runs of consecutive unpaid, unexcused past months. A run of `lapse_months` crosses the line on the
/// first day after its last month; a shorter run that reaches the last ended month is reported as arrears
/// with the day the line will be crossed.
fn lapse_check(
    arrears: &[YearMonth],
    excused: &dyn Fn(YearMonth) -> bool,
    as_of: NaiveDate,
    rules: &PaymentRules,
    findings: &mut Vec<Finding>,
) -> Option<NaiveDate> {
    let unpaid = |m: YearMonth| arrears.binary_search(&m).is_ok() && !excused(m);
    let line = i32::try_from(rules.lapse_months).unwrap_or(i32::MAX);
    let last_ended = YearMonth::of(as_of).plus_months(-1);
    let mut runs: Vec<(YearMonth, i32)> = Vec::new();
    for &m in arrears {
        if !unpaid(m) {
            continue;
        }
        match runs.last_mut() {
            Some((start, len)) if start.plus_months(*len) == m => *len = len.saturating_add(1),
            _ => runs.push((m, 1)),
        }
    }
    let cites = |f: Finding| f.also(rules_2008("第十三条"));
    if let Some((start, _)) = runs.iter().find(|(_, len)| *len >= line) {
        let crossed = start.plus_months(line).first_day();
        let last = start.plus_months(line.saturating_sub(1));
        findings.push(cites(Finding::new(
            "DUES_LAPSE",
            Severity::Violation,
            format!("自 {start} 起连续 {line} 个月（至 {last}）未交纳党费且无正当理由，{crossed} 起视为自行脱党，由支部大会讨论除名"),
            format!("no dues paid for {line} consecutive months from {start} to {last} without good reason: from {crossed} treated as having left the Party; the branch general meeting decides removal"),
            Some(party_constitution_art9()),
        )));
        return Some(crossed);
    }
    if let Some((start, len)) = runs
        .last()
        .filter(|(s, len)| s.plus_months(len.saturating_sub(1)) == last_ended)
    {
        let crossing = start.plus_months(line).first_day();
        findings.push(cites(Finding::new(
            "DUES_ARREARS",
            Severity::Warning,
            format!("已连续 {len} 个月未交纳党费（自 {start} 起）；如 {crossing} 前仍未交纳，将满 {line} 个月"),
            format!("{len} consecutive months unpaid since {start}; the {line}-month line is crossed on {crossing} unless paid"),
            Some(party_constitution_art9()),
        )));
    } else if !arrears.is_empty() {
        findings.push(Finding::new(
            "DUES_ARREARS",
            Severity::Warning,
            format!("有 {} 个月的党费尚未交清", arrears.len()),
            format!("{} month(s) of dues are still unpaid", arrears.len()),
            Some(rules_2008("第十二条")),
        ));
    }
    None
}

fn validate(ledger: &Ledger) -> Result<()> {
    check_schema_version(ledger.schema_version)?;
    let mut seen = std::collections::BTreeSet::new();
    for (i, o) in ledger.obligations.iter().enumerate() {
        let here = format!("obligations[{i}]");
        check_amount(o.amount, "amount").map_err(|e| e.under(&here))?;
        if !seen.insert(o.month) {
            return Err(Error::input(
                "DUPLICATE_MONTH",
                format!("{here}.month"),
                format!("{} 重复列出", o.month),
                format!("{} is listed twice", o.month),
            ));
        }
    }
    for (i, p) in ledger.payments.iter().enumerate() {
        let here = format!("payments[{i}]");
        check_amount(p.amount, "amount").map_err(|e| e.under(&here))?;
        check_amount(p.voluntary, "voluntary").map_err(|e| e.under(&here))?;
        if p.amount > Decimal::ZERO && p.months.is_empty() {
            return Err(Error::input(
                "PAYMENT_WITHOUT_MONTHS",
                format!("{here}.months"),
                "交纳党费须写明所交月份",
                "a dues payment must list the months it covers",
            ));
        }
    }
    for (i, g) in ledger.good_reasons.iter().enumerate() {
        if g.to < g.from {
            return Err(Error::input(
                "INVALID_PERIOD",
                format!("good_reasons[{i}].to"),
                "结束月份早于开始月份",
                "`to` is before `from`",
            ));
        }
    }
    Ok(())
}
