//! Party-affairs disclosure (党务公开, core [`dangjian::disclosure`]): the procedure (create, apply an action,
//! the audit log), who sees what, deadlines and the catalogue, public notices, redaction and the annual dues
//! disclosure — object API (JS objects in and out) and JSON API (strings in and out, byte for byte the core's
//! JSON entry points).
//!
//! Each object function hands its arguments to the JSON entry point of the same name (through
//! `JSON.stringify`) and returns the document it writes as plain JS values, so both give the same values and
//! the same coded errors (`INVALID_CONTEXT_JSON`, `INVALID_ITEM_JSON`, … naming the field path). Times cross
//! as RFC 3339 strings with an offset (`"2026-03-02T09:00:00+08:00"`), dates as `YYYY-MM-DD`.

use dangjian::disclosure::{self as core, DisclosureContext, DisclosureItem, Viewer};
use dangjian::month::parse_date;
use wasm_bindgen::prelude::*;

use crate::calendar::Calendar;
use crate::convert::{from_js, parse_json, stringify, to_js};
use crate::error::ApiError;
use crate::policy::Policy;

// The codes the core's disclosure JSON entry points give to a document they cannot read: the object
// functions report the same code for the same wrong shape.
const CONTEXT: &str = "INVALID_CONTEXT_JSON";
const ITEM: &str = "INVALID_ITEM_JSON";
const ACTION: &str = "INVALID_ACTION_JSON";
const AUDIT: &str = "INVALID_AUDIT_JSON";
const EVENT: &str = "INVALID_AUDIT_EVENT_JSON";
const VIEWER: &str = "INVALID_VIEWER_JSON";
const CATALOGUE: &str = "INVALID_CATALOGUE_JSON";
const NOTICE: &str = "INVALID_NOTICE_JSON";
const SUMMARY: &str = "INVALID_SUMMARY_JSON";
const USES: &str = "INVALID_USES_JSON";

/// Creates a draft item (提出 starts from it): `{ item, event }` — the item in `draft` and the audit event to
/// start its log with (`disclosureAuditAppend`). The actor needs the `proposer` role in the item's
/// organization.
///
/// ```js
/// const ctx = { orgs: [{ id: "B1", kind: "branch" }], roles: [{ person: "P1", org: "B1", role: "proposer" }] };
/// const { item, event } = disclosureCreate(ctx, { id: "D1", org: "B1", title: "换届结果", body: "…",
///   category: "organization", scope: { kind: "members", org: "B1" } }, "P1", "2026-03-02T09:00:00+08:00");
/// item.status; // "draft"
/// ```
#[wasm_bindgen(js_name = disclosureCreate, unchecked_return_type = "Created")]
pub fn disclosure_create(
    #[wasm_bindgen(unchecked_param_type = "DisclosureContext")] context: &JsValue,
    #[wasm_bindgen(js_name = newItem, unchecked_param_type = "NewItem")] new_item: &JsValue,
    actor: &str,
    at: &str,
) -> Result<JsValue, ApiError> {
    let (context, new_item) = (stringify(context, CONTEXT)?, stringify(new_item, ITEM)?);
    parse_json(&core::create_json(&context, &new_item, actor, at)?)
}

/// `disclosureCreate` over JSON: `{"item":…,"event":…}`.
///
/// ```js
/// const { item } = JSON.parse(disclosureCreateJson(ctxJson, newItemJson, "P1", "2026-03-02T09:00:00+08:00"));
/// ```
#[wasm_bindgen(js_name = disclosureCreateJson)]
pub fn disclosure_create_json(
    #[wasm_bindgen(js_name = contextJson)] context_json: &str,
    #[wasm_bindgen(js_name = newItemJson)] new_item_json: &str,
    actor: &str,
    at: &str,
) -> Result<String, ApiError> {
    Ok(core::create_json(context_json, new_item_json, actor, at)?)
}

/// Applies one action (propose, confidentiality_review, review, approve, escalate, publish, correct,
/// withdraw, archive, …) to an item and appends its event to the audit log (verified first):
/// `{ item, log }`. A step out of order or by the wrong person is a coded error (`ILLEGAL_TRANSITION`,
/// `ROLE_REQUIRED`, …) naming the field.
///
/// ```js
/// const out = disclosureApply(Policy.bundled(), ctx, item, { action: "propose", actor: "P1", at: "2026-03-02T10:00:00+08:00" }, log);
/// out.item.status; // "proposed"; out.log.entries.length === log.entries.length + 1
/// ```
#[wasm_bindgen(js_name = disclosureApply, unchecked_return_type = "Applied")]
pub fn disclosure_apply(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "DisclosureContext")] context: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "DisclosureItem")] item: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "DisclosureAction")] action: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "AuditLog")] log: &JsValue,
) -> Result<JsValue, ApiError> {
    let (context, item) = (stringify(context, CONTEXT)?, stringify(item, ITEM)?);
    let (action, log) = (stringify(action, ACTION)?, stringify(log, AUDIT)?);
    let p = &policy.inner;
    parse_json(&core::apply_json(p, &context, &item, &action, &log)?)
}

/// `disclosureApply` over JSON: `{"item":…,"log":…}`.
///
/// ```js
/// const out = JSON.parse(disclosureApplyJson(Policy.bundled(), ctxJson, itemJson, actionJson, logJson));
/// ```
#[wasm_bindgen(js_name = disclosureApplyJson)]
pub fn disclosure_apply_json(
    policy: &Policy,
    #[wasm_bindgen(js_name = contextJson)] context_json: &str,
    #[wasm_bindgen(js_name = itemJson)] item_json: &str,
    #[wasm_bindgen(js_name = actionJson)] action_json: &str,
    #[wasm_bindgen(js_name = logJson)] log_json: &str,
) -> Result<String, ApiError> {
    let p = &policy.inner;
    let r = core::apply_json(p, context_json, item_json, action_json, log_json);
    Ok(r?)
}

/// The actions a person may take on an item at a time, in the order of the procedure (what a workflow screen
/// offers): decided by the workflow's own rules, so each listed action, sent with a reason (and a passed
/// review), is accepted by `disclosureApply` and each other one refused.
///
/// ```js
/// disclosureAllowedActions(Policy.bundled(), ctx, item, "P1", "2026-03-02T10:00:00+08:00"); // ["edit", "propose"]
/// ```
#[wasm_bindgen(js_name = disclosureAllowedActions, unchecked_return_type = "DisclosureActionKind[]")]
pub fn disclosure_allowed_actions(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "DisclosureContext")] context: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "DisclosureItem")] item: &JsValue,
    actor: &str,
    at: &str,
) -> Result<JsValue, ApiError> {
    let (context, item) = (stringify(context, CONTEXT)?, stringify(item, ITEM)?);
    let p = &policy.inner;
    parse_json(&core::allowed_actions_json(p, &context, &item, actor, at)?)
}

/// `disclosureAllowedActions` over JSON: `["edit","propose"]`.
///
/// ```js
/// const kinds = JSON.parse(disclosureAllowedActionsJson(Policy.bundled(), ctxJson, itemJson, "P1", at));
/// ```
#[wasm_bindgen(js_name = disclosureAllowedActionsJson)]
pub fn disclosure_allowed_actions_json(
    policy: &Policy,
    #[wasm_bindgen(js_name = contextJson)] context_json: &str,
    #[wasm_bindgen(js_name = itemJson)] item_json: &str,
    actor: &str,
    at: &str,
) -> Result<String, ApiError> {
    let p = &policy.inner;
    let r = core::allowed_actions_json(p, context_json, item_json, actor, at);
    Ok(r?)
}

/// Appends an audit event (from `disclosureCreate`) to a log, chaining its SHA-256 hash; the log is
/// verified first. `{ schema_version: 1, entries: [] }` is the empty log.
///
/// ```js
/// const log = disclosureAuditAppend({ schema_version: 1, entries: [] }, created.event);
/// log.entries[0].seq; // 0
/// ```
#[wasm_bindgen(js_name = disclosureAuditAppend, unchecked_return_type = "AuditLog")]
pub fn disclosure_audit_append(
    #[wasm_bindgen(unchecked_param_type = "AuditLog")] log: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "AuditEvent")] event: &JsValue,
) -> Result<JsValue, ApiError> {
    let (log, event) = (stringify(log, AUDIT)?, stringify(event, EVENT)?);
    parse_json(&core::audit_append_json(&log, &event)?)
}

/// `disclosureAuditAppend` over JSON: the log document with the event appended.
///
/// ```js
/// const logJson = disclosureAuditAppendJson('{"schema_version":1,"entries":[]}', JSON.stringify(created.event));
/// ```
#[wasm_bindgen(js_name = disclosureAuditAppendJson)]
pub fn disclosure_audit_append_json(
    #[wasm_bindgen(js_name = logJson)] log_json: &str,
    #[wasm_bindgen(js_name = eventJson)] event_json: &str,
) -> Result<String, ApiError> {
    Ok(core::audit_append_json(log_json, event_json)?)
}

/// Verifies an audit log's hash chain: `{ valid, entries, first_broken?, code?, head? }`. A broken chain is a
/// report (`valid: false`), not an error; a malformed document is `INVALID_AUDIT_JSON` naming the field.
///
/// ```js
/// disclosureVerifyAudit(out.log); // { valid: true, entries: 2, head: "…" }
/// ```
#[wasm_bindgen(js_name = disclosureVerifyAudit, unchecked_return_type = "Verification")]
pub fn disclosure_verify_audit(
    #[wasm_bindgen(unchecked_param_type = "AuditLog")] log: &JsValue,
) -> Result<JsValue, ApiError> {
    parse_json(&core::verify_audit_json(&stringify(log, AUDIT)?)?)
}

/// `disclosureVerifyAudit` over JSON.
///
/// ```js
/// disclosureVerifyAuditJson('{"schema_version":1,"entries":[]}'); // '{"valid":true,"entries":0}'
/// ```
#[wasm_bindgen(js_name = disclosureVerifyAuditJson)]
pub fn disclosure_verify_audit_json(
    #[wasm_bindgen(js_name = logJson)] log_json: &str,
) -> Result<String, ApiError> {
    Ok(core::verify_audit_json(log_json)?)
}

/// Whether `viewer` may see `item` on the day `on`, as of that day (条例 第二条): published to society —
/// everyone; to the whole Party — members in good standing; to organizations — their members (and
/// descendants' when flagged) and the officers over them; unpublished — the workflow participants; before its
/// publication day or from its withdrawal day — nobody.
///
/// ```js
/// disclosureVisible(ctx, {}, item, "2026-03-05"); // the public: true only for items published to society
/// ```
#[wasm_bindgen(js_name = disclosureVisible)]
pub fn disclosure_visible(
    #[wasm_bindgen(unchecked_param_type = "DisclosureContext")] context: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Viewer")] viewer: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "DisclosureItem")] item: &JsValue,
    on: &str,
) -> Result<bool, ApiError> {
    let (context, viewer) = (stringify(context, CONTEXT)?, stringify(viewer, VIEWER)?);
    let r = core::visible_json(&context, &viewer, &stringify(item, ITEM)?, on);
    Ok(r?)
}

/// `disclosureVisible` over JSON.
///
/// ```js
/// disclosureVisibleJson(ctxJson, '{"person":"M1","memberships":[{"org":"B1","status":"full","from":"2020-01-01"}]}', itemJson, "2026-03-05");
/// ```
#[wasm_bindgen(js_name = disclosureVisibleJson)]
pub fn disclosure_visible_json(
    #[wasm_bindgen(js_name = contextJson)] context_json: &str,
    #[wasm_bindgen(js_name = viewerJson)] viewer_json: &str,
    #[wasm_bindgen(js_name = itemJson)] item_json: &str,
    on: &str,
) -> Result<bool, ApiError> {
    let r = core::visible_json(context_json, viewer_json, item_json, on);
    Ok(r?)
}

/// The items `viewer` may see on `on`, in the order given — the item objects themselves (the JSON variant
/// gives their ids). Same rules as `disclosureVisible`.
///
/// ```js
/// const shown = disclosureFilterVisible(ctx, viewer, items, "2026-03-16"); // DisclosureItem[]
/// ```
#[wasm_bindgen(js_name = disclosureFilterVisible, unchecked_return_type = "DisclosureItem[]")]
pub fn disclosure_filter_visible(
    #[wasm_bindgen(unchecked_param_type = "DisclosureContext")] context: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Viewer")] viewer: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "DisclosureItem[]")] items: &JsValue,
    on: &str,
) -> Result<JsValue, ApiError> {
    // Read in the order the JSON entry point reads them, so the same bad input gives the same error.
    let context = DisclosureContext::from_json(&stringify(context, CONTEXT)?)?;
    let viewer: Viewer = from_js(viewer, VIEWER)?;
    let items: Vec<DisclosureItem> = from_js(items, ITEM)?;
    let on = parse_date(on, "on")?;
    to_js(&core::filter_visible(&context, &viewer, &items, on))
}

/// `disclosureFilterVisible` over JSON: the ids of the visible items, in order (`'["D1","D3"]'`).
///
/// ```js
/// JSON.parse(disclosureFilterVisibleJson(ctxJson, "{}", itemsJson, "2026-03-16")); // ["D1"]
/// ```
#[wasm_bindgen(js_name = disclosureFilterVisibleJson)]
pub fn disclosure_filter_visible_json(
    #[wasm_bindgen(js_name = contextJson)] context_json: &str,
    #[wasm_bindgen(js_name = viewerJson)] viewer_json: &str,
    #[wasm_bindgen(js_name = itemsJson)] items_json: &str,
    on: &str,
) -> Result<String, ApiError> {
    let r = core::filter_visible_json(context_json, viewer_json, items_json, on);
    Ok(r?)
}

/// The board `viewer` sees on `on`, as it stood that day: `BoardEntry[]` — each visible item with the version
/// in force and its correction note (`corrected`), plus the withdrawal records (`withdrawn`) the policy shows
/// this viewer (`disclosure.withdrawal`: by default the officers of the item's organization and above).
///
/// ```js
/// const entries = disclosureBoard(Policy.bundled(), ctx, {}, items, "2026-03-09");
/// entries[0].corrected?.on; // "2026-03-09"
/// ```
#[wasm_bindgen(js_name = disclosureBoard, unchecked_return_type = "BoardEntry[]")]
pub fn disclosure_board(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "DisclosureContext")] context: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Viewer")] viewer: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "DisclosureItem[]")] items: &JsValue,
    on: &str,
) -> Result<JsValue, ApiError> {
    let (context, viewer) = (stringify(context, CONTEXT)?, stringify(viewer, VIEWER)?);
    let items = stringify(items, ITEM)?;
    let p = &policy.inner;
    parse_json(&core::board_json(p, &context, &viewer, &items, on)?)
}

/// `disclosureBoard` over JSON: the entries as a JSON array.
///
/// ```js
/// JSON.parse(disclosureBoardJson(Policy.bundled(), ctxJson, "{}", itemsJson, "2026-03-09"))[0].version; // 2
/// ```
#[wasm_bindgen(js_name = disclosureBoardJson)]
pub fn disclosure_board_json(
    policy: &Policy,
    #[wasm_bindgen(js_name = contextJson)] context_json: &str,
    #[wasm_bindgen(js_name = viewerJson)] viewer_json: &str,
    #[wasm_bindgen(js_name = itemsJson)] items_json: &str,
    on: &str,
) -> Result<String, ApiError> {
    let p = &policy.inner;
    let r = core::board_json(p, context_json, viewer_json, items_json, on);
    Ok(r?)
}

/// An item's working-day time limits on `on` (review after proposal, publication after approval):
/// `{ value: [{ kind, due_on, met_on?, overdue }], findings }` (`REVIEW_OVERDUE`, …).
///
/// ```js
/// disclosureItemDeadlines(Policy.bundled(), Calendar.official(), item, "2026-02-25").value[0].due_on; // "2026-02-24"
/// ```
#[wasm_bindgen(js_name = disclosureItemDeadlines, unchecked_return_type = "Answer<Deadline[]>")]
pub fn disclosure_item_deadlines(
    policy: &Policy,
    calendar: &Calendar,
    #[wasm_bindgen(unchecked_param_type = "DisclosureItem")] item: &JsValue,
    on: &str,
) -> Result<JsValue, ApiError> {
    let item = stringify(item, ITEM)?;
    let p = &policy.inner;
    parse_json(&core::item_deadlines_json(p, &calendar.inner, &item, on)?)
}

/// `disclosureItemDeadlines` over JSON: `{"value":[…],"findings":[…]}`.
///
/// ```js
/// disclosureItemDeadlinesJson(Policy.bundled(), Calendar.official(), draftJson, "2026-03-03"); // '{"value":[],"findings":[]}'
/// ```
#[wasm_bindgen(js_name = disclosureItemDeadlinesJson)]
pub fn disclosure_item_deadlines_json(
    policy: &Policy,
    calendar: &Calendar,
    #[wasm_bindgen(js_name = itemJson)] item_json: &str,
    on: &str,
) -> Result<String, ApiError> {
    let p = &policy.inner;
    let r = core::item_deadlines_json(p, &calendar.inner, item_json, on);
    Ok(r?)
}

/// The periodic entries of a disclosure catalogue (条例 第十四条) due since `catalogue.since`, each with its
/// due day and status (`met`, `late`, `overdue`, `open`), against the items published.
///
/// ```js
/// disclosureCatalogueStatus(Policy.bundled(), Calendar.official(), { org: "B1", since: "2025-01-01" }, items, "2026-02-02");
/// ```
#[wasm_bindgen(js_name = disclosureCatalogueStatus, unchecked_return_type = "Answer<PeriodicDue[]>")]
pub fn disclosure_catalogue_status(
    policy: &Policy,
    calendar: &Calendar,
    #[wasm_bindgen(unchecked_param_type = "Catalogue")] catalogue: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "DisclosureItem[]")] items: &JsValue,
    on: &str,
) -> Result<JsValue, ApiError> {
    let (catalogue, items) = (stringify(catalogue, CATALOGUE)?, stringify(items, ITEM)?);
    let (policy, calendar) = (&policy.inner, &calendar.inner);
    let json = core::catalogue_status_json(policy, calendar, &catalogue, &items, on)?;
    parse_json(&json)
}

/// `disclosureCatalogueStatus` over JSON.
///
/// ```js
/// disclosureCatalogueStatusJson(Policy.bundled(), Calendar.official(), '{"org":"B1","since":"2026-01-01"}', "[]", "2026-02-01");
/// ```
#[wasm_bindgen(js_name = disclosureCatalogueStatusJson)]
pub fn disclosure_catalogue_status_json(
    policy: &Policy,
    calendar: &Calendar,
    #[wasm_bindgen(js_name = catalogueJson)] catalogue_json: &str,
    #[wasm_bindgen(js_name = itemsJson)] items_json: &str,
    on: &str,
) -> Result<String, ApiError> {
    let p = &policy.inner;
    let r = core::catalogue_status_json(p, &calendar.inner, catalogue_json, items_json, on);
    Ok(r?)
}

/// A public notice (公示) on `on`: working days counted on the official calendar, the earliest lawful close,
/// objections, and the result (`passed`, `failed`, `pending`) with findings.
///
/// ```js
/// disclosureEvaluateNotice(Policy.bundled(), Calendar.official(),
///   { id: "N1", subject: "发展对象公示", opens_on: "2026-02-12", closes_on: "2026-02-25" }, "2026-02-26").result; // "passed"
/// ```
#[wasm_bindgen(js_name = disclosureEvaluateNotice, unchecked_return_type = "NoticeReport")]
pub fn disclosure_evaluate_notice(
    policy: &Policy,
    calendar: &Calendar,
    #[wasm_bindgen(unchecked_param_type = "PublicNotice")] notice: &JsValue,
    on: &str,
) -> Result<JsValue, ApiError> {
    let notice = stringify(notice, NOTICE)?;
    let p = &policy.inner;
    let json = core::evaluate_notice_json(p, &calendar.inner, &notice, on)?;
    parse_json(&json)
}

/// `disclosureEvaluateNotice` over JSON.
///
/// ```js
/// JSON.parse(disclosureEvaluateNoticeJson(Policy.bundled(), Calendar.official(), noticeJson, "2026-02-26")).working_days;
/// ```
#[wasm_bindgen(js_name = disclosureEvaluateNoticeJson)]
pub fn disclosure_evaluate_notice_json(
    policy: &Policy,
    calendar: &Calendar,
    #[wasm_bindgen(js_name = noticeJson)] notice_json: &str,
    on: &str,
) -> Result<String, ApiError> {
    let p = &policy.inner;
    let r = core::evaluate_notice_json(p, &calendar.inner, notice_json, on);
    Ok(r?)
}

/// The reviewer's preview of an item's body as published on `on`: `{ masked, found, text }` — identity
/// numbers, mobile numbers and bank cards masked unless the policy lets the item's scope through unmasked.
///
/// ```js
/// disclosureRedactionPreview(Policy.bundled(), item, "2026-03-03").text; // "电话138****8000"
/// ```
#[wasm_bindgen(js_name = disclosureRedactionPreview, unchecked_return_type = "RedactionPreview")]
pub fn disclosure_redaction_preview(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "DisclosureItem")] item: &JsValue,
    on: &str,
) -> Result<JsValue, ApiError> {
    let p = &policy.inner;
    let json = core::redaction_preview_json(p, &stringify(item, ITEM)?, on)?;
    parse_json(&json)
}

/// `disclosureRedactionPreview` over JSON.
///
/// ```js
/// JSON.parse(disclosureRedactionPreviewJson(Policy.bundled(), itemJson, "2026-03-03")).found.length;
/// ```
#[wasm_bindgen(js_name = disclosureRedactionPreviewJson)]
pub fn disclosure_redaction_preview_json(
    policy: &Policy,
    #[wasm_bindgen(js_name = itemJson)] item_json: &str,
    on: &str,
) -> Result<String, ApiError> {
    let p = &policy.inner;
    Ok(core::redaction_preview_json(p, item_json, on)?)
}

/// The personal data in a text, however it is written (full-width digits, spaces, `-`, `.`, `·` between
/// groups, `+86`): `[{ kind, start, end, text, masked }]` (character offsets), kinds `id_number`, `mobile`,
/// `bank_card` (`landline` and `email` only through `disclosureRedactionPreview` under a policy that asks).
///
/// ```js
/// disclosureScan("电话13800138000")[0].masked; // "138****8000"
/// ```
#[wasm_bindgen(js_name = disclosureScan, unchecked_return_type = "Sensitive[]")]
pub fn disclosure_scan(text: &str) -> Result<JsValue, ApiError> {
    to_js(&core::scan(text))
}

/// A text with every piece of personal data `disclosureScan` finds replaced by its mask.
///
/// ```js
/// disclosureMask("联系13800138000"); // "联系138****8000"
/// ```
#[wasm_bindgen(js_name = disclosureMask)]
pub fn disclosure_mask(text: &str) -> String {
    core::mask(text)
}

/// The annual dues disclosure (党费收缴、使用和管理情况) of a branch as a `NewItem` to create, from the
/// year's `BranchSummary` and the uses of the dues kept. `NOT_ANNUAL_PERIOD` for a month's summary.
///
/// ```js
/// const newItem = disclosureDuesReport(summarizeDues(reports, { year: 2025 }), "B1", "DUES-2025", [{ purpose: "订阅党报党刊", amount: "300.00" }]);
/// newItem.title; // "2025年度党费收缴、使用和管理情况"
/// ```
#[wasm_bindgen(js_name = disclosureDuesReport, unchecked_return_type = "NewItem")]
pub fn disclosure_dues_report(
    #[wasm_bindgen(unchecked_param_type = "BranchSummary")] summary: &JsValue,
    org: &str,
    id: &str,
    #[wasm_bindgen(unchecked_param_type = "DuesUse[]")] uses: &JsValue,
) -> Result<JsValue, ApiError> {
    let (summary, uses) = (stringify(summary, SUMMARY)?, stringify(uses, USES)?);
    parse_json(&core::dues_disclosure_json(&summary, org, id, &uses)?)
}

/// `disclosureDuesReport` over JSON: a `BranchSummary` document and an array of uses in, a `NewItem` out.
///
/// ```js
/// disclosureDuesReportJson(summarizeDuesJson("[]", '{"year":2025}'), "B1", "DUES-2025", "[]");
/// ```
#[wasm_bindgen(js_name = disclosureDuesReportJson)]
pub fn disclosure_dues_report_json(
    #[wasm_bindgen(js_name = summaryJson)] summary_json: &str,
    org: &str,
    id: &str,
    #[wasm_bindgen(js_name = usesJson)] uses_json: &str,
) -> Result<String, ApiError> {
    let r = core::dues_disclosure_json(summary_json, org, id, uses_json);
    Ok(r?)
}
