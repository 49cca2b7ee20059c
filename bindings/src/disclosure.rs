//! Party-affairs disclosure (党务公开): the core's JSON entry points (`dangjian::disclosure::*_json`) and the
//! three core calls they do not cover (scan and mask of personal data, appending to the audit log).
//!
//! Documents cross as JSON strings in the core's contract (context, items, actions, audit log, notices,
//! catalogue): they are large, nested and versioned, and typed records for them are future work. Times are
//! RFC 3339 with an offset (`2026-03-02T09:00:00+08:00`), dates `YYYY-MM-DD`.

use dangjian::disclosure::{self as core};
pub use dangjian::disclosure::{
    Action, ActionKind, Applied, Attachment, AuditEvent, CatalogueRef, Channel, DisclosureCategory,
    DisclosureContext, DisclosureItem, NewItem, Org, OrgKind, Role, RoleAssignment, Scope,
    ScopeKind, Status, Transition, Version,
};

use crate::calendar::Calendar;
use crate::credits::to_json;
use crate::error::{guarded, Result};
use crate::policy::Policy;

/// Creates a draft item (`disclosure::create_json`): the organization context
/// (`{"orgs":[{"id","parent","kind"}],"roles":[{"person","org","role"}]}`), the new item
/// (`{"id","org","title","body","category","scope":{…}}`), the actor and the time (RFC 3339) in;
/// `{"item":…,"event":…}` out — the draft and the audit event to start its log with
/// ([`disclosure_audit_append`]).
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_CONTEXT_JSON` / `INVALID_ITEM_JSON` at the path of the
/// field at fault, `INVALID_TIME` at `at`, and the core's checks (an actor without the proposer role, an
/// unknown org …).
///
/// ```kotlin
/// val created = disclosureCreate(contextJson, """{"id":"D1","org":"B1","title":"…","body":"…",
///   "category":"organization","scope":{"kind":"members","org":"B1"}}""", "P1", "2026-03-02T09:00:00+08:00")
/// ```
#[uniffi::export]
pub fn disclosure_create(
    context_json: String,
    new_item_json: String,
    actor: String,
    at: String,
) -> Result<String> {
    guarded(|| {
        Ok(core::create_json(
            &context_json,
            &new_item_json,
            &actor,
            &at,
        )?)
    })
}

/// Applies one workflow action to an item (`disclosure::apply_json`): propose, confidentiality review,
/// review, approve, publish, withdraw, correct … (`{"action":"approve","actor":"A1","at":"…"}`), appending
/// the event to the audit log given (verified first). Out: `{"item":…,"log":…}`.
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_ITEM_JSON`, `INVALID_ACTION_JSON`,
/// `INVALID_AUDIT_JSON` at their paths, `AUDIT_CHAIN_BROKEN` at `entries[i]`, and the workflow's refusals
/// (a wrong status, a missing role, a secret not cleared …) with the field at fault.
/// `DangjianException.Policy` for a policy with no disclosure rules in force.
///
/// ```kotlin
/// val out = disclosureApply(Policy.bundled(), contextJson, itemJson,
///     """{"action":"propose","actor":"P1","at":"2026-03-02T10:00:00+08:00"}""", logJson)
/// ```
#[uniffi::export]
pub fn disclosure_apply(
    policy: &Policy,
    context_json: String,
    item_json: String,
    action_json: String,
    log_json: String,
) -> Result<String> {
    guarded(|| {
        Ok(core::apply_json(
            &policy.inner,
            &context_json,
            &item_json,
            &action_json,
            &log_json,
        )?)
    })
}

/// Whether a viewer sees an item on a date, as of that day (`disclosure::visible_json`): the item's scope,
/// publication, correction and withdrawal dates against the viewer (`{"person","memberships":[…],"posts":[…]}`; `{}` for the public).
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_CONTEXT_JSON`, `INVALID_VIEWER_JSON`,
/// `INVALID_ITEM_JSON` at their paths; `INVALID_DATE` at `on`.
///
/// ```kotlin
/// if (disclosureVisible(contextJson, viewerJson, itemJson, "2026-03-03")) show(item)
/// ```
#[uniffi::export]
pub fn disclosure_visible(
    context_json: String,
    viewer_json: String,
    item_json: String,
    on: String,
) -> Result<bool> {
    guarded(|| {
        Ok(core::visible_json(
            &context_json,
            &viewer_json,
            &item_json,
            &on,
        )?)
    })
}

/// The ids of the items a viewer sees on a date, in order (`disclosure::filter_visible_json`): a JSON array
/// of item documents in, a JSON array of ids out.
///
/// Errors: as [`disclosure_visible`].
///
/// ```kotlin
/// val ids = disclosureFilterVisible(contextJson, viewerJson, itemsJson, "2026-03-03")   // ["D1","D3"]
/// ```
#[uniffi::export]
pub fn disclosure_filter_visible(
    context_json: String,
    viewer_json: String,
    items_json: String,
    on: String,
) -> Result<String> {
    guarded(|| {
        Ok(core::filter_visible_json(
            &context_json,
            &viewer_json,
            &items_json,
            &on,
        )?)
    })
}

/// The board a viewer sees on a date, as it stood that day (`disclosure::board_json`): a JSON array of
/// `{"id","status","version","title","text","published_at"?,"corrected"?,"withdrawn"?}` — the version in
/// force (the last published on or before the day) with its correction note; a withdrawn item only from
/// before its withdrawal day, and after it only as a withdrawal record for the viewers the policy names
/// (`disclosure.withdrawal`).
///
/// Errors: as [`disclosure_visible`]; `DangjianException.Policy` when no redaction or withdrawal rule is in
/// force on the day.
///
/// ```kotlin
/// val entries = disclosureBoard(Policy.bundled(), contextJson, viewerJson, itemsJson, "2026-03-09")
/// ```
#[uniffi::export]
pub fn disclosure_board(
    policy: &Policy,
    context_json: String,
    viewer_json: String,
    items_json: String,
    on: String,
) -> Result<String> {
    guarded(|| {
        Ok(core::board_json(
            &policy.inner,
            &context_json,
            &viewer_json,
            &items_json,
            &on,
        )?)
    })
}

/// The time limits running on an item on a date, counted in working days on the calendar
/// (`disclosure::item_deadlines_json`): `{"value":[{"kind","due_on","overdue",…}],"findings":[…]}`.
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_ITEM_JSON` at its path, `INVALID_DATE` at `on`;
/// `DangjianException.Policy` when no disclosure time limits are in force; `CALENDAR_UNAVAILABLE`.
///
/// ```kotlin
/// val d = disclosureItemDeadlines(Policy.bundled(), Calendar.official(), itemJson, "2026-03-10")
/// ```
#[uniffi::export]
pub fn disclosure_item_deadlines(
    policy: &Policy,
    calendar: &Calendar,
    item_json: String,
    on: String,
) -> Result<String> {
    guarded(|| {
        let cal = calendar.read()?;
        Ok(core::item_deadlines_json(
            &policy.inner,
            &cal,
            &item_json,
            &on,
        )?)
    })
}

/// The periodic disclosures of a catalogue and whether each is done, due or overdue on a date
/// (`disclosure::catalogue_status_json`): the catalogue (`{"org","since",…}`) and the org's items in,
/// `{"value":[{"code","period","due_on","status",…}],"findings":[…]}` out.
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_CATALOGUE_JSON`, `INVALID_ITEM_JSON` at their paths,
/// `INVALID_DATE` at `on`; `DangjianException.Policy` when no catalogue is in force; `CALENDAR_UNAVAILABLE`.
///
/// ```kotlin
/// val s = disclosureCatalogueStatus(Policy.bundled(), Calendar.official(), """{"org":"B1","since":"2026-01-01"}""", "[]", "2026-04-20")
/// ```
#[uniffi::export]
pub fn disclosure_catalogue_status(
    policy: &Policy,
    calendar: &Calendar,
    catalogue_json: String,
    items_json: String,
    on: String,
) -> Result<String> {
    guarded(|| {
        let cal = calendar.read()?;
        Ok(core::catalogue_status_json(
            &policy.inner,
            &cal,
            &catalogue_json,
            &items_json,
            &on,
        )?)
    })
}

/// Evaluates a public notice (公示) on a date (`disclosure::evaluate_notice_json`): its working days, the
/// earliest close, objections, and `result` `passed` / `failed` / `pending` with findings.
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_NOTICE_JSON` at its path, `INVALID_DATE` at `on`,
/// the core's checks of the notice (`closes_on` before `opens_on` …); `CALENDAR_UNAVAILABLE`.
///
/// ```kotlin
/// val r = disclosureEvaluateNotice(Policy.bundled(), Calendar.official(),
///     """{"id":"N1","subject":"s","opens_on":"2026-02-12","closes_on":"2026-02-25"}""", "2026-02-26")   // "result":"passed"
/// ```
#[uniffi::export]
pub fn disclosure_evaluate_notice(
    policy: &Policy,
    calendar: &Calendar,
    notice_json: String,
    on: String,
) -> Result<String> {
    guarded(|| {
        let cal = calendar.read()?;
        Ok(core::evaluate_notice_json(
            &policy.inner,
            &cal,
            &notice_json,
            &on,
        )?)
    })
}

/// What a reviewer sees before publication (`disclosure::redaction_preview_json`): whether masking applies
/// to the item's scope, the personal data found (each with its kind and range in the body's characters) and
/// the text as it will be published: `{"masked":true,"found":[{"kind","start","end","text","masked"}],"text":"…"}`.
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_ITEM_JSON` at its path, `INVALID_DATE` at `on`;
/// `DangjianException.Policy` when no redaction rules are in force.
///
/// ```kotlin
/// val p = disclosureRedactionPreview(Policy.bundled(), itemJson, "2026-03-03")   // …"138****8000"…
/// ```
#[uniffi::export]
pub fn disclosure_redaction_preview(
    policy: &Policy,
    item_json: String,
    on: String,
) -> Result<String> {
    guarded(|| {
        Ok(core::redaction_preview_json(
            &policy.inner,
            &item_json,
            &on,
        )?)
    })
}

/// Verifies an audit log's hash chain (`disclosure::verify_audit_json`): `{"valid":true,"entries":3,
/// "head":"…"}`, or `{"valid":false,"first_broken":1,"code":"HASH_MISMATCH",…}` — a broken chain is a
/// report, not an error.
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_AUDIT_JSON` at its path,
/// `UNSUPPORTED_SCHEMA_VERSION` at `schema_version`.
///
/// ```kotlin
/// disclosureVerifyAudit("""{"schema_version":1,"entries":[]}""")   // {"valid":true,"entries":0}
/// ```
#[uniffi::export]
pub fn disclosure_verify_audit(log_json: String) -> Result<String> {
    guarded(|| Ok(core::verify_audit_json(&log_json)?))
}

/// The annual dues disclosure (`disclosure::dues_disclosure_json`): a year's `BranchSummary` document (as
/// `summarizeDuesJson` writes it), the org, the new item's id and the uses of the dues
/// (`[{"purpose","amount",…}]`) in; a new-item document out, ready for [`disclosure_create`].
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_SUMMARY_JSON`, `INVALID_USES_JSON` at their paths,
/// `NOT_ANNUAL_PERIOD` for a month's summary, and the core's checks of the uses.
///
/// ```kotlin
/// val newItem = disclosureDuesReport(summarizeDuesJson(reports, """{"year":2025}"""), "B1", "DUES-2025", "[]")
/// ```
#[uniffi::export]
pub fn disclosure_dues_report(
    summary_json: String,
    org: String,
    id: String,
    uses_json: String,
) -> Result<String> {
    guarded(|| {
        Ok(core::dues_disclosure_json(
            &summary_json,
            &org,
            &id,
            &uses_json,
        )?)
    })
}

/// The personal data found in a text (`disclosure::scan`), however it is written (full-width digits, spaces,
/// `-`, `.`, `·` between groups, `+86`): a JSON array of
/// `{"kind":"id_number"|"mobile"|"bank_card","start","end","text","masked"}`, offsets in characters, the
/// mask keeping separators as written. Landline numbers (`landline`) and e-mail addresses (`email`) are
/// found only through [`disclosure_redaction_preview`] under a policy with `mask_landlines`/`mask_emails`.
/// Never fails (`SERIALIZATION_FAILED` is never expected).
///
/// ```kotlin
/// disclosureScan("电话13800138000")   // [{"kind":"mobile","start":2,"end":13,"text":"13800138000","masked":"138****8000"}]
/// ```
#[uniffi::export]
pub fn disclosure_scan(text: String) -> Result<String> {
    guarded(|| to_json(&core::scan(&text)))
}

/// The text with every personal datum masked (`disclosure::mask`), as it would be published. Never fails.
///
/// ```kotlin
/// disclosureMask("电话13800138000")   // "电话138****8000"
/// ```
#[uniffi::export]
pub fn disclosure_mask(text: String) -> String {
    core::mask(&text)
}

/// Appends an audit event (the `event` of [`disclosure_create`]'s output) to a log, chaining its hash
/// (`AuditLog::from_json` + `AuditLog::append`); returns the log. Start a log with
/// `{"schema_version":1,"entries":[]}`. [`disclosure_apply`] appends its own events.
///
/// Errors: `DangjianException.InvalidInput` — for the log as [`disclosure_apply`] (`INVALID_AUDIT_JSON`,
/// `AUDIT_CHAIN_BROKEN` at `entries[i]`, `UNSUPPORTED_SCHEMA_VERSION`); `INVALID_AUDIT_EVENT_JSON` at the
/// path of the event's field at fault.
///
/// ```kotlin
/// val created = JSONObject(disclosureCreate(ctx, newItem, "P1", at))
/// var log = disclosureAuditAppend("""{"schema_version":1,"entries":[]}""", created.getJSONObject("event").toString())
/// ```
#[uniffi::export]
pub fn disclosure_audit_append(log_json: String, event_json: String) -> Result<String> {
    guarded(|| Ok(core::audit_append_json(&log_json, &event_json)?))
}

// The typed workflow: the core's own records (`dangjian_types`: Kotlin `cn.dangjian.types`, Python
// `dangjian_types`), the same rules as the JSON entries above.

/// Creates a draft item (`disclosure::create`) from typed records: the context (organizations and roles), the
/// new item, the actor and the time (RFC 3339 with its offset). Out: the draft and the audit event to start
/// its log with.
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_TIME` at `at`, `UNKNOWN_ORG` at `roles[i].org` for a
/// role at an organization the context lacks, and the core's checks (`ROLE_REQUIRED` at `actor`, an unknown
/// org, an empty title …).
///
/// ```kotlin
/// val draft = disclosureCreateItem(context, NewItem("D1", "B1", "换届结果", "正文",
///     DisclosureCategory.Organization, Scope.Members("B1"), listOf(), null, listOf(), null),
///     "P1", "2026-03-02T09:00:00+08:00").item
/// ```
#[uniffi::export]
pub fn disclosure_create_item(
    context: DisclosureContext,
    new_item: NewItem,
    actor: String,
    at: String,
) -> Result<Applied> {
    guarded(|| {
        let at = core::parse_time(&at, "at")?;
        Ok(core::create(&checked(context)?, new_item, &actor, at)?)
    })
}

/// Applies one workflow action to an item (`disclosure::apply`) under the policy in force on the action's
/// local date. Out: the item as it now is and the event to append to its audit log
/// ([`crate::AuditTrail`] or [`disclosure_audit_append`]).
///
/// Errors: `DangjianException.InvalidInput` — the workflow's refusals with the field at fault
/// (`ILLEGAL_TRANSITION`, `ROLE_REQUIRED`, `COMMENT_REQUIRED`, `SEPARATION_OF_DUTIES` …);
/// `DangjianException.Policy` for a policy with no disclosure rules in force.
///
/// ```kotlin
/// val next = disclosureApplyAction(Policy.bundled(), context, draft,
///     Action.Propose("P1", "2026-03-02T10:00:00+08:00", "")).item
/// ```
#[uniffi::export]
pub fn disclosure_apply_action(
    policy: &Policy,
    context: DisclosureContext,
    item: DisclosureItem,
    action: Action,
) -> Result<Applied> {
    guarded(|| {
        Ok(core::apply(
            &policy.inner,
            &checked(context)?,
            &item,
            &action,
        )?)
    })
}

/// The actions a person may take on an item at a time (`disclosure::allowed_actions`), in the order of the
/// procedure: what a workflow screen offers. Decided by the workflow's own `apply`, so each listed action,
/// submitted with a reason (and a passed review), is accepted and each other one refused.
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_TIME` at `at`, `UNKNOWN_ORG` at `roles[i].org`.
///
/// ```kotlin
/// val kinds = disclosureAllowedActions(Policy.bundled(), context, draft, "P1", "2026-03-02T10:00:00+08:00")
/// // [ActionKind.EDIT, ActionKind.PROPOSE]
/// ```
#[uniffi::export]
pub fn disclosure_allowed_actions(
    policy: &Policy,
    context: DisclosureContext,
    item: DisclosureItem,
    actor: String,
    at: String,
) -> Result<Vec<ActionKind>> {
    guarded(|| {
        let at = core::parse_time(&at, "at")?;
        let ctx = checked(context)?;
        Ok(core::allowed_actions(
            &policy.inner,
            &ctx,
            &item,
            &actor,
            at,
        ))
    })
}

/// A context as a host built it, checked as the core builds one (every role at a known organization; the
/// tree itself was checked when it crossed).
fn checked(context: DisclosureContext) -> dangjian::Result<DisclosureContext> {
    DisclosureContext::new(context.orgs, context.roles)
}
