//! Assessing one member's dues for one month (2008 Rules Arts. 1–10; 2017 Notice).
#![deny(clippy::arithmetic_side_effects)]

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub(crate) use super::amount::to_fen;
use super::amount::{amount_in, Computed};
use super::items::Category;
use super::member::{DuesMember, HardshipOutcome};
use super::params::FixingRule;
use super::step::{Fixed, Step};
use super::trace::Trace;
use super::tracer::{Recorder, Tracer};
pub(crate) use crate::dues::bundled::rules_2008;
use crate::dues::bundled::NOTICE_2017;
use crate::policy::in_force;
use crate::Dated;
use crate::{Citation, Error, Finding, Policy, Result, Severity, YearMonth};

/// What to compute besides the amount.
///
/// ```
/// let fast = dangjian::dues::AssessOptions { trace: false };
/// assert!(dangjian::dues::AssessOptions::default().trace && !fast.trace);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessOptions {
    /// Build the step-by-step trace (findings are always produced).
    pub trace: bool,
}

impl Default for AssessOptions {
    fn default() -> Self {
        Self { trace: true }
    }
}

/// One member's dues for one month, with the why.
///
/// ```
/// use dangjian::{dues, Policy, YearMonth};
/// let m: dues::DuesMember = serde_json::from_str(r#"{"member_id":"M1","category":"employed",
///   "incomes":[{"items":[{"code":"net_base","amount":"5400"}]}]}"#).unwrap();
/// let a = dues::assess(&Policy::bundled(), &m, "2026-03".parse().unwrap(), Default::default()).unwrap();
/// assert_eq!((a.rate.unwrap().to_string().as_str(), a.amount.to_string().as_str()), ("0.015", "81.00"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct Assessment {
    /// The member.
    pub member_id: String,
    /// The month owed.
    pub month: YearMonth,
    /// The category used.
    pub category: Category,
    /// The monthly base (`None` for flat-amount categories and months not owed).
    pub base: Option<Decimal>,
    /// The rate applied to the whole base (`None` for flat amounts).
    pub rate: Option<Decimal>,
    /// The amount owed for the month.
    pub amount: Decimal,
    /// The month whose assessment holds for this one (annual fixing: the start of the year).
    pub assessed_in: YearMonth,
    /// The article that decided the amount.
    pub citation: Citation,
    /// What the caller should know (stable codes).
    pub findings: Vec<Finding>,
    /// How the amount was reached (empty when traces are off): read as a list of [`crate::TraceStep`]s,
    /// written out only when read; the JSON array of steps (TypeScript `TraceStep[]`) on every surface.
    #[cfg_attr(feature = "wasm", tsify(type = "TraceStep[]"))]
    pub trace: Trace,
}

impl Assessment {
    /// The finding codes, in order.
    ///
    /// ```
    /// use dangjian::{dues, Policy};
    /// let m: dues::DuesMember = serde_json::from_str(r#"{"member_id":"S","category":"student"}"#).unwrap();
    /// let a = dues::assess(&Policy::bundled(), &m, "2026-01".parse().unwrap(), Default::default()).unwrap();
    /// assert!(a.codes().is_empty());
    /// ```
    pub fn codes(&self) -> Vec<&str> {
        self.findings.iter().map(|f| f.code.as_str()).collect()
    }
}

/// Assesses `member`'s dues for `month` under the rules in force then.
///
/// The steps: the month must be owed (a probationary member owes from the month the branch general meeting
/// admitted them, 2008 Art. 8); the fixing rule in force picks the month whose income decides (2017 Notice:
/// the start of the year; before it, 2008 Art. 10: the month itself); the base is composed from the items
/// (counted, excluded, deducted, per the composition in force); the bracket's rate applies to the whole
/// base (2008 Arts. 2–5) or the flat amount applies (Art. 6); the amount is rounded per policy; a hardship
/// decision reduces or waives it (Art. 7); an amount above the advisory figure raises
/// `DUES_ABOVE_ADVISORY_MAX` (2017 Notice) — never a cap.
///
/// Findings: `NOT_OWED_BEFORE_ADMISSION`, `BASE_ZERO`, `BASE_BELOW_ZERO`, `INCOME_CHANGE_DEFERRED`, `HARDSHIP_REDUCED`,
/// `HARDSHIP_WAIVED`, `HARDSHIP_NO_EFFECT`, `DUES_ABOVE_ADVISORY_MAX`, `ITEMS_IGNORED_FOR_FLAT_AMOUNT`.
///
/// ```
/// use dangjian::{dues, Policy};
/// let m: dues::DuesMember = serde_json::from_str(r#"{"member_id":"R1","category":"retired",
///   "incomes":[{"items":[{"code":"pension","amount":"5000.01"}]}]}"#).unwrap();
/// let a = dues::assess(&Policy::bundled(), &m, "2026-06".parse().unwrap(), Default::default()).unwrap();
/// assert_eq!(a.amount.to_string(), "50.00"); // 5000.01 × 1% = 50.0001 → 50.00
/// ```
pub fn assess(
    policy: &Policy,
    member: &DuesMember,
    month: YearMonth,
    options: AssessOptions,
) -> Result<Assessment> {
    assess_with(policy, member, month, options, &mut Recorder::for_one())
}

/// [`assess`] writing the trace's steps into `recorder`, which a batch shares between its members.
pub(super) fn assess_with<'p>(
    policy: &'p Policy,
    member: &DuesMember,
    month: YearMonth,
    options: AssessOptions,
    recorder: &mut Recorder<'p>,
) -> Result<Assessment> {
    member.validate()?;
    let mut tracer = Tracer::new(options.trace, member, recorder);
    let mut findings = Vec::new();
    let admitted = member.admitted_on.map(YearMonth::of);
    if let Some(admitted_month) = admitted.filter(|a| month < *a) {
        return Ok(not_owed_before_admission(
            member,
            month,
            admitted_month,
            tracer,
            findings,
        ));
    }
    if let Some(admitted_month) = admitted {
        trace_owed_from_admission(&mut tracer, admitted_month);
    }

    let fixing = in_force(&policy.dues.fixing, month.first_day(), "dues.fixing")?;
    let assessed_in = assessed_month(fixing, member, month, admitted, &mut tracer);
    let mut computed = amount_in(policy, member, assessed_in, &mut tracer, &mut findings)
        .map_err(|e| fixed_on_missing_income(e, member, month, assessed_in))?;
    note_deferred_change(member, month, assessed_in, fixing, &mut findings);
    if let Some(decision) = member.hardship_in(month) {
        apply_hardship(&mut computed, decision, &mut tracer, &mut findings);
    }
    note_above_advisory(policy, month, computed.amount, &mut findings);

    Ok(Assessment {
        member_id: member.member_id.clone(),
        month,
        category: member.category,
        base: computed.base,
        rate: computed.rate,
        amount: computed.amount,
        assessed_in,
        citation: computed.citation,
        findings,
        trace: tracer.into_trace(),
    })
}

/// A month before the branch general meeting admitted the member as probationary: nothing is owed
/// (2008 Art. 8), said by `NOT_OWED_BEFORE_ADMISSION` and a zero assessment.
fn not_owed_before_admission(
    member: &DuesMember,
    month: YearMonth,
    admitted_month: YearMonth,
    mut tracer: Tracer<'_, '_>,
    mut findings: Vec<Finding>,
) -> Assessment {
    findings.push(Finding::new(
        "NOT_OWED_BEFORE_ADMISSION",
        Severity::Info,
        format!("{admitted_month} 支部大会接收为预备党员，此前月份无需交纳党费"),
        format!("admitted as a probationary member in {admitted_month}: nothing is owed before"),
        Some(rules_2008("第八条")),
    ));
    tracer.push(|| Step::NotOwed {
        admitted: admitted_month,
        month,
    });
    Assessment {
        member_id: member.member_id.clone(),
        month,
        category: member.category,
        base: None,
        rate: None,
        amount: to_fen(Decimal::ZERO),
        assessed_in: month,
        citation: rules_2008("第八条"),
        findings,
        trace: tracer.into_trace(),
    }
}

/// The trace step saying a probationary member owes dues from the month of admission (2008 Art. 8).
fn trace_owed_from_admission(tracer: &mut Tracer<'_, '_>, admitted_month: YearMonth) {
    tracer.push(|| Step::OwedFrom {
        admitted: admitted_month,
    });
}

/// The month whose income decides `month`'s dues under the fixing rule in force, traced.
///
/// 2017 Notice: annual fixing, the start of the year (or the later month of admission or of the first
/// income record, never after `month`); before it, 2008 Art. 10: the month itself.
fn assessed_month<'p>(
    fixing: &'p Dated<FixingRule>,
    member: &DuesMember,
    month: YearMonth,
    admitted: Option<YearMonth>,
    tracer: &mut Tracer<'_, 'p>,
) -> YearMonth {
    // Annual fixing re-bases wages and pensions once a year. An annual-salary member pays on the pay received
    // that month (2008 Art. 3) and a self-employed member on the last quarter's income (Art. 4): their bases
    // are periodic by definition, so they follow the month whatever the fixing rule.
    let periodic_base = matches!(
        member.category,
        Category::AnnualSalary | Category::SelfEmployed
    );
    let assessed_in = match fixing.value {
        FixingRule::MonthOfChange => month,
        FixingRule::AnnualFixed if periodic_base => month,
        FixingRule::AnnualFixed => {
            let first_income = member.incomes.first().and_then(|r| r.from);
            [Some(month.january()), admitted, first_income]
                .into_iter()
                .flatten()
                .max()
                .filter(|start| *start <= month)
                .unwrap_or(month)
        }
    };
    let how = match fixing.value {
        FixingRule::MonthOfChange => Fixed::MonthOfChange,
        FixingRule::AnnualFixed if periodic_base => Fixed::Periodic,
        FixingRule::AnnualFixed => Fixed::Annual,
    };
    tracer.push_cited(&fixing.citation, |cite| Step::Fixing {
        how,
        assessed_in,
        cite,
    });
    assessed_in
}

/// `MISSING_INCOME` said with both months when the dues are fixed on another month's income (2017 Notice)
/// and that month has no income record; any other error passes unchanged.
fn fixed_on_missing_income(
    e: Error,
    member: &DuesMember,
    month: YearMonth,
    assessed_in: YearMonth,
) -> Error {
    // No income record in the month the dues are fixed on (the only error of a non-flat `amount_in`
    // before its base). Asked of the input, not of the error's code.
    if assessed_in != month && !member.category.is_flat() && member.income_in(assessed_in).is_none()
    {
        Error::input(
            "MISSING_INCOME",
            "incomes",
            format!("{month} 的党费按 {assessed_in} 的收入核定，但该月没有可用的收入记录"),
            format!("dues for {month} are fixed on the income of {assessed_in}, and no income record applies to {assessed_in}"),
        )
    } else {
        e
    }
}

/// `INCOME_CHANGE_DEFERRED` when the income of `month` differs from the one the dues are fixed on: under
/// annual fixing the change takes effect next year (2017 Notice).
fn note_deferred_change(
    member: &DuesMember,
    month: YearMonth,
    assessed_in: YearMonth,
    fixing: &Dated<FixingRule>,
    findings: &mut Vec<Finding>,
) {
    if assessed_in == month || member.category.is_flat() {
        return;
    }
    let fixed = member.income_in(assessed_in);
    let current = member.income_in(month);
    // Most members have one record for the whole year: the same record, so nothing to compare item by item.
    let same_record = match (fixed, current) {
        (Some(f), Some(c)) => std::ptr::eq(f, c),
        (f, c) => f.is_none() && c.is_none(),
    };
    if !same_record && fixed.map(|r| &r.items) != current.map(|r| &r.items) {
        let changed = current.and_then(|r| r.from).unwrap_or(month);
        findings.push(Finding::new(
            "INCOME_CHANGE_DEFERRED",
            Severity::Info,
            format!("{changed} 收入变化，按年度核定，党费数额于下一年度调整"),
            format!("income changed in {changed}: under annual fixing the dues change next year"),
            Some(fixing.citation.clone()),
        ));
    }
}

/// `DUES_ABOVE_ADVISORY_MAX` when the amount exceeds the advisory figure in force (2017 Notice): a note,
/// never a cap. Without an advisory figure in force nothing is said.
fn note_above_advisory(
    policy: &Policy,
    month: YearMonth,
    amount: Decimal,
    findings: &mut Vec<Finding>,
) {
    let advisory = in_force(
        &policy.dues.advisory_monthly_max,
        month.first_day(),
        "dues.advisory_monthly_max",
    );
    let Ok(advisory) = advisory else {
        return;
    };
    if advisory.value.enabled && amount > advisory.value.amount {
        findings.push(Finding::new(
            "DUES_ABOVE_ADVISORY_MAX",
            Severity::Info,
            format!(
                "月交党费 {} 元，超过“一般不超过 {} 元”的参考数额；按规定比例照收，不设上限",
                amount, advisory.value.amount
            ),
            format!(
                "monthly dues of {} exceed the advisory figure of {}: the amount is not capped",
                amount, advisory.value.amount
            ),
            Some(Citation::new(NOTICE_2017, "")),
        ));
    }
}

impl Category {
    /// Whether the category pays a flat amount rather than a rate of a base (2008 Art. 6).
    ///
    /// ```
    /// assert!(dangjian::dues::Category::Farmer.is_flat());
    /// assert!(!dangjian::dues::Category::Retired.is_flat());
    /// ```
    pub fn is_flat(self) -> bool {
        matches!(
            self,
            Category::Farmer
                | Category::Student
                | Category::Unemployed
                | Category::Relief
                | Category::Subsistence
        )
    }
}

fn apply_hardship(
    computed: &mut Computed,
    decision: &super::member::HardshipDecision,
    tracer: &mut Tracer<'_, '_>,
    findings: &mut Vec<Finding>,
) {
    let citation = rules_2008("第七条");
    // The approved figure is stated by the committee: written to the fen, never re-rounded.
    let granted = to_fen(match decision.outcome {
        HardshipOutcome::Waived => Decimal::ZERO,
        HardshipOutcome::Reduced => decision.reduced_amount.unwrap_or(computed.amount),
    });
    if granted >= computed.amount {
        findings.push(Finding::new(
            "HARDSHIP_NO_EFFECT",
            Severity::Info,
            format!(
                "减交后数额 {granted} 不低于应交数额 {}，按应交数额",
                computed.amount
            ),
            format!(
                "the reduced amount {granted} is not below the amount owed {}: no effect",
                computed.amount
            ),
            Some(citation),
        ));
        return;
    }
    let (code, zh, en) = match decision.outcome {
        HardshipOutcome::Waived => ("HARDSHIP_WAIVED", "免交", "waived"),
        HardshipOutcome::Reduced => ("HARDSHIP_REDUCED", "少交", "reduced"),
    };
    findings.push(Finding::new(
        code,
        Severity::Info,
        format!(
            "经支部研究（{}）、{}批准（{}），{zh}党费：{} → {granted}",
            decision.branch_studied_on, decision.approved_by, decision.approved_on, computed.amount
        ),
        format!(
            "{en} after the branch studied it ({}) and {} approved it ({}): {} → {granted}",
            decision.branch_studied_on, decision.approved_by, decision.approved_on, computed.amount
        ),
        Some(citation.clone()),
    ));
    let before = computed.amount;
    tracer.push(|| Step::Hardship {
        outcome: decision.outcome,
        before,
        granted,
    });
    computed.amount = granted;
    computed.citation = citation;
}
