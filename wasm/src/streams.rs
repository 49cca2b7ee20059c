//! JSON Lines for national rosters (core `membership::check_members_lines_json` / `check_orgs_lines_json`):
//! a JSON Lines text in — one member record (or `{"meeting":…}` / `{"ledger":…}`) a line, or one
//! organization's bundle a line — and one outcome out that names every line: `{ reports: [{ line, report }],
//! errors: [{ line, member_id, kind, code, field, message_zh, message_en }] }`. Line numbers are 1-based
//! (blank lines are skipped but counted); a bad line never loses the others.
//!
//! Object API (the outcome as plain JS values) and JSON API (the outcome document as a string, byte for byte
//! the core's), as for the other membership entry points.

use dangjian::membership;
use wasm_bindgen::prelude::*;

use crate::calendar::Calendar;
use crate::convert::parse_json;
use crate::error::ApiError;
use crate::policy::Policy;

/// Checks a roster given as JSON Lines on `on`: each line a member record, `{"meeting":{…}}` or
/// `{"ledger":{…}}`, in any order (the records are the roster sponsors are looked up in). Each good record's
/// report is the one `membershipCheckMembers` gives, with its line; each line that cannot be read or checked
/// is an entry of `errors` (a repeated id is `DUPLICATE_MEMBER` on the later line). Throws only for the whole
/// call: `INVALID_DATE` at `on`, no rules in force.
///
/// ```js
/// const { reports, errors } = membershipCheckMembersLines(Policy.bundled(), Calendar.official(),
///   readFileSync("members-lines.jsonl", "utf8"), "2026-11-20");
/// errors.map((e) => `line ${e.line}: ${e.code} at ${e.field}`); // ["line 7: INVALID_RECORD_JSON at events[0].kind"]
/// ```
#[wasm_bindgen(
    js_name = membershipCheckMembersLines,
    unchecked_return_type = "LinesOutcome<MemberReport>"
)]
pub fn membership_check_members_lines(
    policy: &Policy,
    calendar: &Calendar,
    jsonl: &str,
    on: &str,
) -> Result<JsValue, ApiError> {
    parse_json(&membership_check_members_lines_json(
        policy, calendar, jsonl, on,
    )?)
}

/// `membershipCheckMembersLines` with the outcome as a JSON string.
///
/// ```js
/// const outcome = JSON.parse(membershipCheckMembersLinesJson(Policy.bundled(), Calendar.official(), text, "2026-11-20"));
/// ```
#[wasm_bindgen(js_name = membershipCheckMembersLinesJson)]
pub fn membership_check_members_lines_json(
    policy: &Policy,
    calendar: &Calendar,
    jsonl: &str,
    on: &str,
) -> Result<String, ApiError> {
    Ok(membership::check_members_lines_json(
        &policy.inner,
        &calendar.inner,
        jsonl,
        on,
    )?)
}

/// Checks organizations given as JSON Lines on `on`: each line one organization's bundle (an `OrgDocument`),
/// checked on its own as `membershipCheckOrgs` checks it; a bundle that cannot be read or checked is an entry
/// of `errors` naming its line, code and field. Throws only for `INVALID_DATE` at `on`.
///
/// ```js
/// const { reports, errors } = membershipCheckOrgsLines(Policy.bundled(), readFileSync("orgs-lines.jsonl", "utf8"), "2026-03-31");
/// reports.map((r) => r.line); // [1, 3]; errors[0] is { line: 2, code: "INVALID_ORG_JSON", field: "orgs[0].kind", … }
/// ```
#[wasm_bindgen(
    js_name = membershipCheckOrgsLines,
    unchecked_return_type = "LinesOutcome<OrgReport>"
)]
pub fn membership_check_orgs_lines(
    policy: &Policy,
    jsonl: &str,
    on: &str,
) -> Result<JsValue, ApiError> {
    parse_json(&membership_check_orgs_lines_json(policy, jsonl, on)?)
}

/// `membershipCheckOrgsLines` with the outcome as a JSON string.
///
/// ```js
/// const outcome = JSON.parse(membershipCheckOrgsLinesJson(Policy.bundled(), text, "2026-03-31"));
/// ```
#[wasm_bindgen(js_name = membershipCheckOrgsLinesJson)]
pub fn membership_check_orgs_lines_json(
    policy: &Policy,
    jsonl: &str,
    on: &str,
) -> Result<String, ApiError> {
    Ok(membership::check_orgs_lines_json(&policy.inner, jsonl, on)?)
}
