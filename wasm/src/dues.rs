//! Party dues (core [`dangjian::dues`]): the object API (JS objects in and out) and the batch's JSON form, which
//! reserves memory first; the other JSON forms are rendered from the core's table in [`crate::entry_points`].
//!
//! Months cross as `YYYY-MM`, dates as `YYYY-MM-DD`, money as decimal strings (`"5400.00"`). `trace` defaults
//! to the core's default (on).

use dangjian::dues::{self, AssessOptions, DuesMember, Ledger, LedgerReport, Period};
use dangjian::month::{parse_date, parse_month};
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, read_codes, stringify, to_js};
use crate::error::ApiError;
use crate::memory;
use crate::policy::Policy;

/// The batch's working set over its members' JSON, measured: a 50 000-member batch of 5.4 MB of JSON peaked
/// at 100 MB of wasm memory (the parsed members, the assessments and the result's text), about 18×.
const BATCH_WORKING_SET: usize = 20;

fn options(trace: Option<bool>) -> AssessOptions {
    trace.map_or_else(AssessOptions::default, |trace| AssessOptions { trace })
}

/// One member's dues for one month: amount, base, rate, the article, findings and (unless `trace` is
/// `false`) the step-by-step trace. Throws a `DangjianError`: a wrong shape is `INVALID_MEMBER_JSON` naming
/// the field (`category`, `incomes[0].items[1].amount`); a bad value has its own code (`NEGATIVE_AMOUNT`, …).
///
/// ```js
/// const a = assessDues(Policy.bundled(), {
///   member_id: "M1", category: "employed", employer_type: "public_institution",
///   incomes: [{ items: [{ code: "post_salary", amount: "4000.00" }, { code: "basic_performance", amount: "2000.00" },
///                       { code: "housing_fund", amount: "600.00" }] }],
/// }, "2026-11");
/// a.amount; // "81.00" — 5400.00 × 1.5%, a.citation.article "第二条"
/// ```
#[wasm_bindgen(js_name = assessDues, unchecked_return_type = "Assessment")]
pub fn assess_dues(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "DuesMember")] member: &JsValue,
    month: &str,
    trace: Option<bool>,
) -> Result<JsValue, ApiError> {
    let month = parse_month(month, "month")?;
    let member: DuesMember = from_js(member, read_codes::MEMBER)?;
    to_js(&dues::assess(
        &policy.inner,
        &member,
        month,
        options(trace),
    )?)
}

/// Many members for one month. A member that cannot be read or assessed becomes an entry of `errors`
/// (its `index`, `member_id`, `code` and `field`); the others are assessed. Throws only when `members` is not
/// an array or `month` is malformed.
///
/// ```js
/// const { assessments, errors } = assessDuesBatch(Policy.bundled(), members, "2026-11", false);
/// ```
#[wasm_bindgen(js_name = assessDuesBatch, unchecked_return_type = "BatchOutcome")]
pub fn assess_dues_batch(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "DuesMember[]")] members: &JsValue,
    month: &str,
    trace: Option<bool>,
) -> Result<JsValue, ApiError> {
    let month = parse_month(month, "month")?;
    let json = stringify(members, read_codes::MEMBER)?;
    memory::reserve_for(json.len(), BATCH_WORKING_SET);
    to_js(&dues::assess_batch_from_json(
        &policy.inner,
        &json,
        month,
        options(trace),
    )?)
}

/// A member's ledger as of a date: month lines, totals, arrears, voluntary dues, the six-month line
/// (`lapse_on`) and findings. A wrong shape is `INVALID_LEDGER_JSON` naming the field.
///
/// ```js
/// const report = evaluateDuesLedger(Policy.bundled(), {
///   member_id: "M1", obligations: [{ month: "2026-01", amount: "54.00" }],
///   payments: [{ paid_on: "2026-01-10", amount: "54.00", months: ["2026-01"] }],
/// }, "2026-06-30");
/// report.outstanding; // "0.00"
/// ```
#[wasm_bindgen(js_name = evaluateDuesLedger, unchecked_return_type = "LedgerReport")]
pub fn evaluate_dues_ledger(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "Ledger")] ledger: &JsValue,
    #[wasm_bindgen(js_name = asOf)] as_of: &str,
) -> Result<JsValue, ApiError> {
    let as_of = parse_date(as_of, "as_of")?;
    let ledger: Ledger = from_js(ledger, read_codes::LEDGER)?;
    to_js(&dues::evaluate_ledger(&policy.inner, &ledger, as_of)?)
}

/// A branch's figures for a month (`{ month: "2026-11" }`) or a year (`{ year: 2026 }`) from its members'
/// ledger reports. A wrong shape is `INVALID_REPORT_JSON` or `INVALID_PERIOD_JSON` naming the field.
///
/// ```js
/// const summary = summarizeDues([report1, report2], { year: 2026 });
/// summary.payment_rate; // "0.9500", or null when nothing was due
/// ```
#[wasm_bindgen(js_name = summarizeDues, unchecked_return_type = "BranchSummary")]
pub fn summarize_dues(
    #[wasm_bindgen(unchecked_param_type = "LedgerReport[]")] reports: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Period")] period: &JsValue,
) -> Result<JsValue, ApiError> {
    let reports: Vec<LedgerReport> = from_js(reports, read_codes::REPORTS)?;
    let period: Period = from_js(period, read_codes::PERIOD)?;
    to_js(&dues::summarize(&reports, period)?)
}

/// `assessDuesBatch` over JSON: an array of members in, `{"assessments":[…],"errors":[…]}` out.
///
/// ```js
/// const out = JSON.parse(assessDuesBatchJson(Policy.bundled(), membersJson, "2026-11", false));
/// ```
#[wasm_bindgen(js_name = assessDuesBatchJson)]
pub fn assess_dues_batch_json(
    policy: &Policy,
    #[wasm_bindgen(js_name = membersJson)] members_json: &str,
    month: &str,
    trace: Option<bool>,
) -> Result<String, ApiError> {
    memory::reserve_for(members_json.len(), BATCH_WORKING_SET);
    Ok(dues::assess_batch_json(
        &policy.inner,
        members_json,
        month,
        options(trace).trace,
    )?)
}
