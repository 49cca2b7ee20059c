//! JSON Lines for national rosters (`membership::check_members_lines_json` / `check_orgs_lines_json`): one
//! member record (or `{"meeting":{…}}` / `{"ledger":{…}}`) a line, or one organization's bundle a line, in;
//! one outcome document out, naming every line:
//!
//! `{"reports":[{"line":1,"report":{…}}],"errors":[{"line":7,"member_id","kind","code","field","message_zh","message_en"}]}`
//!
//! Line numbers are 1-based (blank lines are skipped but counted). A line that cannot be read or checked is an
//! entry of `errors` with its code and the path of the field at fault; the other lines are still checked.

use dangjian::membership as core;

use crate::calendar::Calendar;
use crate::error::{guarded, Result};
use crate::policy::Policy;

/// Checks a roster given as JSON Lines on a date (`membership::check_members_lines_json`): each line a member
/// record, `{"meeting":{…}}` (organizational life) or `{"ledger":{…}}` (dues, for the lapse rule), in any
/// order. Out: `{"reports":[{"line","report"}],"errors":[{"line","member_id","kind","code","field",…}]}` —
/// the reports [`crate::membership::membership_check_members`] gives for the same records, each with its line;
/// a repeated id is `DUPLICATE_MEMBER` on the later line.
///
/// Errors (the whole call): `DangjianException.InvalidInput` — `INVALID_DATE` at `on`;
/// `DangjianException.Policy` when no membership rules are in force; `CALENDAR_UNAVAILABLE`.
///
/// ```kotlin
/// val outcome = JSONObject(membershipCheckMembersLines(Policy.bundled(), Calendar.official(),
///     File("members-lines.jsonl").readText(), "2026-11-20"))
/// val bad = outcome.getJSONArray("errors")   // [{"line":7,"code":"INVALID_RECORD_JSON","field":"events[0].kind",…}]
/// ```
#[uniffi::export]
pub fn membership_check_members_lines(
    policy: &Policy,
    calendar: &Calendar,
    jsonl: String,
    on: String,
) -> Result<String> {
    guarded(|| {
        let cal = calendar.read()?;
        Ok(core::check_members_lines_json(
            &policy.inner,
            &cal,
            &jsonl,
            &on,
        )?)
    })
}

/// Checks organizations given as JSON Lines on a date (`membership::check_orgs_lines_json`): each line one
/// organization's bundle (the document [`crate::membership::membership_check_orgs`] takes), checked on its
/// own. Out: `{"reports":[{"line","report"}],"errors":[{"line","code","field",…}]}`.
///
/// Errors (the whole call): `DangjianException.InvalidInput` — `INVALID_DATE` at `on`.
///
/// ```kotlin
/// val outcome = JSONObject(membershipCheckOrgsLines(Policy.bundled(),
///     File("orgs-lines.jsonl").readText(), "2026-03-31"))
/// outcome.getJSONArray("reports").getJSONObject(0).getInt("line")   // 1
/// ```
#[uniffi::export]
pub fn membership_check_orgs_lines(policy: &Policy, jsonl: String, on: String) -> Result<String> {
    guarded(|| Ok(core::check_orgs_lines_json(&policy.inner, &jsonl, &on)?))
}
