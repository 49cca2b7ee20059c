//! Party membership (党员发展与管理, core [`dangjian::membership`]): checking a member record (stage, 党龄,
//! findings, next steps), a roster, recording an event, rights on a day, the organizations, and the 居民身份证号
//! check — object API (JS objects in and out) and JSON API (strings in and out, byte for byte the core's JSON
//! entry points).
//!
//! Each object function hands its arguments to the JSON entry point of the same name (through
//! `JSON.stringify`) and returns the document it writes as plain JS values, so both give the same values and
//! the same coded errors (`INVALID_RECORD_JSON` naming `events[1].kind`, `EVENT_OUT_OF_ORDER`, …). Dates cross
//! as `YYYY-MM-DD`.

use dangjian::membership;
use wasm_bindgen::prelude::*;

use crate::calendar::Calendar;
use crate::convert::{parse_json, stringify};
use crate::error::ApiError;
use crate::policy::Policy;

/// The codes the core's membership JSON entry points give to a document they cannot read.
mod read_codes {
    pub const RECORD: &str = "INVALID_RECORD_JSON";
    pub const EVENT: &str = "INVALID_EVENT_JSON";
    pub const ORG: &str = "INVALID_ORG_JSON";
}

/// Checks one member record on `on`: the stage and since when, the stage history, 党龄, rights, every
/// finding (violations first, each with its article) and the next steps with their earliest and due days.
/// The record is its own roster (sponsors outside it are reported as not in the roster; use
/// `membershipCheckMembers` for a branch). A record that cannot be read is `INVALID_RECORD_JSON` naming the
/// field (`events[0].kind`).
///
/// ```js
/// const report = membershipCheckMember(Policy.bundled(), Calendar.official(), { id: "M1", name: "张三",
///   birth_date: "2000-03-01", org: "B1", events: [{ kind: "application", date: "2024-01-10" }] }, "2024-01-20");
/// report.stage; // "applicant"; report.next_steps[0].code === "TALK"
/// ```
#[wasm_bindgen(js_name = membershipCheckMember, unchecked_return_type = "MemberReport")]
pub fn membership_check_member(
    policy: &Policy,
    calendar: &Calendar,
    #[wasm_bindgen(unchecked_param_type = "MemberRecord")] record: &JsValue,
    on: &str,
) -> Result<JsValue, ApiError> {
    let record = stringify(record, read_codes::RECORD)?;
    parse_json(&membership_check_member_json(
        policy, calendar, &record, on,
    )?)
}

/// `membershipCheckMember` over JSON: the `MemberReport` document.
///
/// ```js
/// const report = JSON.parse(membershipCheckMemberJson(Policy.bundled(), Calendar.official(), recordJson, "2024-01-20"));
/// ```
#[wasm_bindgen(js_name = membershipCheckMemberJson)]
pub fn membership_check_member_json(
    policy: &Policy,
    calendar: &Calendar,
    #[wasm_bindgen(js_name = recordJson)] record_json: &str,
    on: &str,
) -> Result<String, ApiError> {
    Ok(membership::check_member_json(
        &policy.inner,
        &calendar.inner,
        record_json,
        on,
    )?)
}

/// Checks a roster on `on`: an array of records, or `{ members, meetings?, ledgers? }` (meetings for
/// organizational life, dues ledgers for the lapse rule). Sponsors and contacts are looked up among the
/// members. A batch keeps its good records: `{ reports, errors }` — a report per record checked, in input
/// order, and an error entry (`index`, `member_id`, `code`, `field`) per record that could not be read or
/// checked (a repeated id is `DUPLICATE_MEMBER`). Only a document that is not an array or a members document
/// at all throws.
///
/// ```js
/// const { reports, errors } = membershipCheckMembers(Policy.bundled(), Calendar.official(), { members: roster }, "2026-01-01");
/// errors.map((e) => `${e.member_id}: ${e.code} at ${e.field}`); // ["M2: INVALID_RECORD_JSON at events[1].kind"]
/// ```
#[wasm_bindgen(js_name = membershipCheckMembers, unchecked_return_type = "CheckBatch")]
pub fn membership_check_members(
    policy: &Policy,
    calendar: &Calendar,
    #[wasm_bindgen(unchecked_param_type = "MemberRecord[] | MembersDocument")] members: &JsValue,
    on: &str,
) -> Result<JsValue, ApiError> {
    let members = stringify(members, read_codes::RECORD)?;
    parse_json(&membership_check_members_json(
        policy, calendar, &members, on,
    )?)
}

/// `membershipCheckMembers` over JSON: `{"reports":[…],"errors":[…]}`.
///
/// ```js
/// const batch = JSON.parse(membershipCheckMembersJson(Policy.bundled(), Calendar.official(), '{"members":[]}', "2026-01-01"));
/// ```
#[wasm_bindgen(js_name = membershipCheckMembersJson)]
pub fn membership_check_members_json(
    policy: &Policy,
    calendar: &Calendar,
    #[wasm_bindgen(js_name = membersJson)] members_json: &str,
    on: &str,
) -> Result<String, ApiError> {
    Ok(membership::check_members_json(
        &policy.inner,
        &calendar.inner,
        members_json,
        on,
    )?)
}

/// Records one event: the record with `event` appended, or the error of the first rule it breaks (an event
/// before the last one, a step out of the pipeline's order, a sponsor who may not sponsor, …) naming the
/// field (`event.date`, `event.sponsors[1]`). Sponsors and contacts are looked up in `roster` (may be `[]`).
///
/// ```js
/// const next = membershipApplyEvent(Policy.bundled(), Calendar.official(),
///   { id: "M1", name: "张三", birth_date: "2000-03-01", org: "B1" }, { kind: "application", date: "2024-01-10" }, []);
/// next.events.length; // 1
/// ```
#[wasm_bindgen(js_name = membershipApplyEvent, unchecked_return_type = "MemberRecord")]
pub fn membership_apply_event(
    policy: &Policy,
    calendar: &Calendar,
    #[wasm_bindgen(unchecked_param_type = "MemberRecord")] record: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "MemberEvent")] event: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "MemberRecord[]")] roster: &JsValue,
) -> Result<JsValue, ApiError> {
    let record = stringify(record, read_codes::RECORD)?;
    let event = stringify(event, read_codes::EVENT)?;
    let roster = stringify(roster, read_codes::RECORD)?;
    parse_json(&membership_apply_event_json(
        policy, calendar, &record, &event, &roster,
    )?)
}

/// `membershipApplyEvent` over JSON: the record document with the event appended.
///
/// ```js
/// const recordJson2 = membershipApplyEventJson(Policy.bundled(), Calendar.official(), recordJson,
///   '{"kind":"talk","date":"2024-02-01"}', "[]");
/// ```
#[wasm_bindgen(js_name = membershipApplyEventJson)]
pub fn membership_apply_event_json(
    policy: &Policy,
    calendar: &Calendar,
    #[wasm_bindgen(js_name = recordJson)] record_json: &str,
    #[wasm_bindgen(js_name = eventJson)] event_json: &str,
    #[wasm_bindgen(js_name = rosterJson)] roster_json: &str,
) -> Result<String, ApiError> {
    Ok(membership::apply_event_json(
        &policy.inner,
        &calendar.inner,
        record_json,
        event_json,
        roster_json,
    )?)
}

/// A member's rights on `on` (表决权, 选举权, 被选举权, acting as 入党介绍人): a probationary member has no
/// vote; 留党察看 suspends them; other sanctions bar promotion for a time.
///
/// ```js
/// membershipRights(Policy.bundled(), { id: "M1", name: "甲", birth_date: "1990-01-01", org: "B1",
///   events: [{ kind: "imported", date: "2015-07-01", stage: "full" }] }, "2026-01-01").may_vote; // true
/// ```
#[wasm_bindgen(js_name = membershipRights, unchecked_return_type = "Rights")]
pub fn membership_rights(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "MemberRecord")] record: &JsValue,
    on: &str,
) -> Result<JsValue, ApiError> {
    let record = stringify(record, read_codes::RECORD)?;
    parse_json(&membership_rights_json(policy, &record, on)?)
}

/// `membershipRights` over JSON: the `Rights` document.
///
/// ```js
/// JSON.parse(membershipRightsJson(Policy.bundled(), recordJson, "2026-01-01")).may_sponsor;
/// ```
#[wasm_bindgen(js_name = membershipRightsJson)]
pub fn membership_rights_json(
    policy: &Policy,
    #[wasm_bindgen(js_name = recordJson)] record_json: &str,
    on: &str,
) -> Result<String, ApiError> {
    Ok(membership::rights_json(&policy.inner, record_json, on)?)
}

/// Checks the organizations on `on`: the tree (`orgs`, as `Org[]`) and the details, members, meetings,
/// elections and 民主评议 rounds the document carries (member counts, structure, terms, elections, 三会一课
/// compliance over the document's period). The report lists every finding and a section per organization
/// (`OrgReport`). A document that cannot be read is `INVALID_ORG_JSON` naming the field; a reference to an
/// organization outside the tree is `UNKNOWN_ORG` (`members[2].org`).
///
/// ```js
/// membershipCheckOrgs(Policy.bundled(), { orgs: [{ id: "B1", kind: "branch" }] }, "2026-01-01").findings;
/// ```
#[wasm_bindgen(js_name = membershipCheckOrgs, unchecked_return_type = "OrgReport")]
pub fn membership_check_orgs(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "OrgDocument")] doc: &JsValue,
    on: &str,
) -> Result<JsValue, ApiError> {
    let doc = stringify(doc, read_codes::ORG)?;
    parse_json(&membership_check_orgs_json(policy, &doc, on)?)
}

/// `membershipCheckOrgs` over JSON: the `OrgReport` document.
///
/// ```js
/// JSON.parse(membershipCheckOrgsJson(Policy.bundled(), '{"orgs":[{"id":"B1","kind":"branch"}]}', "2026-01-01"));
/// ```
#[wasm_bindgen(js_name = membershipCheckOrgsJson)]
pub fn membership_check_orgs_json(
    policy: &Policy,
    #[wasm_bindgen(js_name = docJson)] doc_json: &str,
    on: &str,
) -> Result<String, ApiError> {
    Ok(membership::check_orgs_json(&policy.inner, doc_json, on)?)
}

/// Verifies an 18-character 居民身份证号码 (GB 11643): its check character and that it encodes `birthDate`
/// (`YYYY-MM-DD`). Returns nothing when valid; throws `INVALID_ID_NUMBER` or `ID_BIRTH_DATE_MISMATCH` (field
/// `id_number`), or `INVALID_DATE` (field `birth_date`). Strings in already, so there is no JSON variant.
///
/// ```js
/// membershipValidateIdNumber("11010519491231002X", "1949-12-31"); // ok
/// membershipValidateIdNumber("110105194912310021", "1949-12-31"); // throws INVALID_ID_NUMBER
/// ```
#[wasm_bindgen(js_name = membershipValidateIdNumber)]
pub fn membership_validate_id_number(
    id: &str,
    #[wasm_bindgen(js_name = birthDate)] birth_date: &str,
) -> Result<(), ApiError> {
    Ok(membership::validate_id_number_str(id, birth_date)?)
}
