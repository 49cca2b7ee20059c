//! The typed dues exports, each a call of the core function of the same name, whose rustdoc has the rules, the
//! documents and the errors (the JSON forms are rendered from the core's table in [`crate::entry_points`]). The typed ones take and return the core's own records
//! (`dangjian::dues`, UniFFI derives behind the core's feature `uniffi`); a month or a date argument that
//! cannot be read is `INVALID_MONTH` / `INVALID_DATE` naming the argument.

use dangjian::dues::{
    self as core, AssessOptions, Assessment, BatchOutcome, BranchSummary, DuesMember, Ledger,
    LedgerReport, Period,
};
use dangjian::month::{parse_date, parse_month};

use crate::error::{guarded, Result};
use crate::policy::Policy;

/// `dangjian::dues::assess`: one member's dues for `month` (`YYYY-MM`) under the rules in force then.
///
/// ```kotlin
/// val m = DuesMember("M001", Category.EMPLOYED, EmployerType.PUBLIC_INSTITUTION,
///     listOf(IncomeRecord(null, listOf(IncomeItem(ItemCode.POST_SALARY, BigDecimal("6400.00"))))), null, listOf())
/// val a = assessDues(Policy.bundled(), m, "2026-11", true)
/// println("${a.amount} ${a.citation.regulation} ${a.citation.article}")   // 96.00 … 第二条
/// ```
#[uniffi::export]
pub fn assess_dues(
    policy: &Policy,
    member: DuesMember,
    month: String,
    trace: bool,
) -> Result<Assessment> {
    guarded(|| {
        let month = parse_month(&month, "month")?;
        Ok(core::assess(
            &policy.inner,
            &member,
            month,
            AssessOptions { trace },
        )?)
    })
}

/// `dangjian::dues::assess_batch`: every member for `month`, a refused one a `BatchError` entry.
///
/// ```kotlin
/// val out = assessDuesBatch(Policy.bundled(), branch, "2026-11", false)
/// out.errors.forEach { println("#${it.index} ${it.code} at ${it.field}") }
/// ```
#[uniffi::export]
pub fn assess_dues_batch(
    policy: &Policy,
    members: Vec<DuesMember>,
    month: String,
    trace: bool,
) -> Result<BatchOutcome> {
    guarded(|| {
        let month = parse_month(&month, "month")?;
        Ok(core::assess_batch(
            &policy.inner,
            &members,
            month,
            AssessOptions { trace },
        ))
    })
}

/// `dangjian::dues::evaluate_ledger`: a member's ledger as of `as_of` (`YYYY-MM-DD`).
///
/// ```kotlin
/// val report = evaluateDuesLedger(Policy.bundled(), ledger, "2026-11-21")
/// report.lapseOn?.let { println("six-month line crossed on $it") }
/// ```
#[uniffi::export]
pub fn evaluate_dues_ledger(
    policy: &Policy,
    ledger: Ledger,
    as_of: String,
) -> Result<LedgerReport> {
    guarded(|| {
        let as_of = parse_date(&as_of, "as_of")?;
        Ok(core::evaluate_ledger(&policy.inner, &ledger, as_of)?)
    })
}

/// `dangjian::dues::summarize`: ledger reports summed into the branch's figures for a period.
///
/// ```kotlin
/// val year = summarizeDues(reports, Period.Year(2026))
/// ```
#[uniffi::export]
pub fn summarize_dues(reports: Vec<LedgerReport>, period: Period) -> Result<BranchSummary> {
    guarded(|| Ok(core::summarize(&reports, period)?))
}
