//! The dues exports: typed and JSON, each a call of the core function of the same name. The typed ones take
//! and return the core's own records (`dangjian::dues`, UniFFI derives behind the core's feature `uniffi`).

use dangjian::dues::{
    self as core, AssessOptions, Assessment, BatchOutcome, BranchSummary, DuesMember, Ledger,
    LedgerReport, Period,
};
use dangjian::month::{parse_date, parse_month};

use crate::error::{guarded, Result};
use crate::policy::Policy;

/// Assesses one member's dues for `month` (`YYYY-MM`) under the rules in force then
/// (`dangjian::dues::assess`): base, rate, amount, the article, findings and, when `trace` is true, the
/// step-by-step trace.
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_MONTH` at `month`; `INVALID_DATE` / `INVALID_MONTH` /
/// `INVALID_AMOUNT` for a string or number the bindings cannot read, at its path (`admitted_on`,
/// `incomes[1].from`); the core's checks at their paths: `NEGATIVE_AMOUNT` / `TOO_MANY_DECIMALS` /
/// `AMOUNT_TOO_LARGE` (`incomes[0].items[0].amount`), `DUPLICATE_ITEM`, `NET_BASE_WITH_ITEMS`,
/// `MISSING_EMPLOYER_TYPE`, `MISSING_INCOME`, `MISSING_MEMBER_ID`, `INCOMES_NOT_ORDERED`, the hardship
/// checks (`hardship[0].reduced_amount` …). `DangjianException.Policy` `NO_POLICY_IN_FORCE` (e.g. at
/// `dues.fixing`) for a month no rule covers.
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

/// Assesses every member for `month` (`dangjian::dues::assess_batch`): a member the core rejects becomes a
/// `BatchError` (its index, id, code and path inside the member) and the others are still assessed;
/// a repeated `member_id` is a `DUPLICATE_MEMBER_ID` entry on the later one.
///
/// Errors (the whole call): `DangjianException.InvalidInput` — `INVALID_MONTH` at `month`; a string or
/// number the bindings cannot read (`INVALID_DATE`, `INVALID_MONTH`, `INVALID_AMOUNT`) at
/// `members[i].<path>`. Everything the core checks is a `BatchError` entry instead.
///
/// ```kotlin
/// val out = assessDuesBatch(Policy.bundled(), branch, "2026-11", false)
/// out.assessments.forEach { println("${it.memberId} ${it.amount}") }
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

/// Evaluates a member's ledger as of `as_of` (`YYYY-MM-DD`; payments after it are ignored;
/// `dangjian::dues::evaluate_ledger`): month lines, totals, arrears, voluntary dues and the six-month line
/// (`lapse_on`, finding `DUES_LAPSE`), with findings such as `DUES_ARREARS`, `BACK_PAYMENT_BEYOND_WINDOW`,
/// `VOLUNTARY_REMITTED_TO_CENTRE`.
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_DATE` at `as_of`; unreadable strings or numbers at
/// their path in the ledger (`payments[0].paid_on`, `obligations[2].amount`); the core's checks
/// (`NEGATIVE_AMOUNT`, `TOO_MANY_DECIMALS` … at their paths). `DangjianException.Policy`
/// `NO_POLICY_IN_FORCE`.
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

/// Sums ledger reports into the branch's figures for a period (`dangjian::dues::summarize`): members, due,
/// collected, outstanding, payment rate, members in arrears, voluntary dues and what was remitted to the
/// Centre.
///
/// Errors: `DangjianException.InvalidInput` only for a report string or number the bindings cannot read
/// (`INVALID_DATE`, `INVALID_MONTH`, `INVALID_AMOUNT` at `reports[i].<path>`) or a bad period month
/// (`INVALID_MONTH` at `month`). The reports of [`evaluate_dues_ledger`] always read back.
///
/// ```kotlin
/// val year = summarizeDues(reports, Period.Year(2026))
/// println("${year.collected} of ${year.due}, rate ${year.paymentRate}")
/// ```
#[uniffi::export]
pub fn summarize_dues(reports: Vec<LedgerReport>, period: Period) -> Result<BranchSummary> {
    guarded(|| Ok(core::summarize(&reports, period)?))
}

/// [`assess_dues`] over JSON (`dangjian::dues::assess_json`): a `DuesMember` document in (the contract's
/// snake_case fields and codes, decimals as strings), the assessment document out (compact JSON, the same
/// bytes on every platform).
///
/// Errors: as [`assess_dues`]; a document the core cannot read is `DangjianException.InvalidInput`
/// `INVALID_MEMBER_JSON` at the path of the field at fault (`category`, `incomes[0].items[0].code`).
///
/// ```kotlin
/// val json = assessDuesJson(Policy.bundled(), """{"member_id":"S1","category":"student"}""", "2026-11", false)
/// // {"member_id":"S1","month":"2026-11","category":"student","base":null,"rate":null,"amount":"0.20",…}
/// ```
#[uniffi::export]
pub fn assess_dues_json(
    policy: &Policy,
    member_json: String,
    month: String,
    trace: bool,
) -> Result<String> {
    guarded(|| {
        Ok(core::assess_json(
            &policy.inner,
            &member_json,
            &month,
            trace,
        )?)
    })
}

/// [`assess_dues_batch`] over JSON (`dangjian::dues::assess_batch_json`): an array of member documents
/// in, `{"assessments":[…],"errors":[…]}` out. Each member is read on its own, so an unreadable member is an
/// `INVALID_MEMBER_JSON` entry naming its field and the others are still assessed.
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_MONTH` at `month`; `INVALID_MEMBER_JSON` when the
/// document is not an array at all.
///
/// ```kotlin
/// val out = assessDuesBatchJson(Policy.bundled(), File("branch.json").readText(), "2026-11", false)
/// ```
#[uniffi::export]
pub fn assess_dues_batch_json(
    policy: &Policy,
    members_json: String,
    month: String,
    trace: bool,
) -> Result<String> {
    guarded(|| {
        Ok(core::assess_batch_json(
            &policy.inner,
            &members_json,
            &month,
            trace,
        )?)
    })
}

/// [`evaluate_dues_ledger`] over JSON (`dangjian::dues::evaluate_ledger_json`): a `Ledger` document in,
/// the `LedgerReport` document out.
///
/// Errors: as [`evaluate_dues_ledger`]; an unreadable document is `INVALID_LEDGER_JSON` at its path.
///
/// ```kotlin
/// val report = evaluateDuesLedgerJson(Policy.bundled(), ledgerJson, "2026-11-21")
/// ```
#[uniffi::export]
pub fn evaluate_dues_ledger_json(
    policy: &Policy,
    ledger_json: String,
    as_of: String,
) -> Result<String> {
    guarded(|| {
        Ok(core::evaluate_ledger_json(
            &policy.inner,
            &ledger_json,
            &as_of,
        )?)
    })
}

/// [`summarize_dues`] over JSON (`dangjian::dues::summarize_json`): an array of `LedgerReport` documents
/// and a period document (`{"year":2026}` or `{"month":"2026-11"}`) in, the `BranchSummary` document out.
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_REPORT_JSON` or `INVALID_PERIOD_JSON` at the path of
/// the field at fault.
///
/// ```kotlin
/// val summary = summarizeDuesJson("[$reportJson]", """{"month":"2026-11"}""")
/// ```
#[uniffi::export]
pub fn summarize_dues_json(reports_json: String, period_json: String) -> Result<String> {
    guarded(|| Ok(core::summarize_json(&reports_json, &period_json)?))
}
