//! JSON entry points: the same functions over JSON documents, for bindings that speak JSON (mirrors
//! `dues::json`). Output is compact JSON, dates and times as strings; the same input gives the same bytes on
//! every platform. Errors are the library's coded errors; a malformed document names its field path.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    allowed_actions, apply, board, catalogue_status, create, dues_disclosure, evaluate_notice,
    filter_visible, item_deadlines, redaction_preview, visible, Action, AuditLog, Catalogue,
    DisclosureContext, DisclosureItem, DuesUse, NewItem, PublicNotice, Timestamp, Viewer,
};
use crate::dues::BranchSummary;
use crate::error::{from_json, to_json};
use crate::{Calendar, Error, Policy, Result};

/// Reads an RFC 3339 instant with its offset, or refuses it as `INVALID_TIME` at `field` (what the JSON entry
/// points and the bindings' typed exports read times with).
///
/// ```
/// let t = dangjian::disclosure::parse_time("2026-03-02T09:00:00+08:00", "at").unwrap();
/// assert_eq!(t.to_rfc3339(), "2026-03-02T09:00:00+08:00");
/// let e = dangjian::disclosure::parse_time("2026-03-02 09:00", "at").unwrap_err();
/// assert_eq!((e.code(), e.detail().field.as_str()), ("INVALID_TIME", "at"));
/// ```
pub fn parse_time(s: &str, field: &str) -> Result<Timestamp> {
    chrono::DateTime::parse_from_rfc3339(s).map_err(|_| {
        Error::input(
            "INVALID_TIME",
            field,
            format!("时间应写作带时区的 RFC 3339（2026-03-02T09:00:00+08:00）：{s}"),
            format!("a time is RFC 3339 with an offset (2026-03-02T09:00:00+08:00): {s}"),
        )
    })
}

fn date(s: &str, field: &str) -> Result<NaiveDate> {
    crate::month::parse_date(s, field)
}

/// [`create`] over JSON: `{"item":…,"event":…}`.
///
/// ```
/// let ctx = r#"{"orgs":[{"id":"B1","kind":"branch"}],"roles":[{"person":"P1","org":"B1","role":"proposer"}]}"#;
/// let new = r#"{"id":"D1","org":"B1","title":"t","body":"b","category":"ideology","scope":{"kind":"whole_party"}}"#;
/// let out = dangjian::disclosure::create_json(ctx, new, "P1", "2026-03-02T09:00:00+08:00").unwrap();
/// assert!(out.contains(r#""status":"draft""#));
/// ```
pub fn create_json(
    context_json: &str,
    new_item_json: &str,
    actor: &str,
    at: &str,
) -> Result<String> {
    let ctx = DisclosureContext::from_json(context_json)?;
    let new: NewItem = from_json(new_item_json, "INVALID_ITEM_JSON")?;
    to_json(&create(&ctx, new, actor, parse_time(at, "at")?)?)
}

/// [`allowed_actions`] over JSON: the codes of the actions `actor` may take at `at`, in the procedure's order
/// (`["edit","propose"]`).
///
/// ```
/// let ctx = r#"{"orgs":[{"id":"B1","kind":"branch"}],"roles":[{"person":"P1","org":"B1","role":"proposer"}]}"#;
/// let new = r#"{"id":"D1","org":"B1","title":"t","body":"b","category":"ideology","scope":{"kind":"whole_party"}}"#;
/// let created: serde_json::Value = serde_json::from_str(&dangjian::disclosure::create_json(ctx, new, "P1", "2026-03-02T09:00:00+08:00").unwrap()).unwrap();
/// let out = dangjian::disclosure::allowed_actions_json(&dangjian::Policy::bundled(), ctx, &created["item"].to_string(),
///     "P1", "2026-03-02T10:00:00+08:00").unwrap();
/// assert_eq!(out, r#"["edit","propose"]"#);
/// ```
pub fn allowed_actions_json(
    policy: &Policy,
    context_json: &str,
    item_json: &str,
    actor: &str,
    at: &str,
) -> Result<String> {
    let ctx = DisclosureContext::from_json(context_json)?;
    let item: DisclosureItem = from_json(item_json, "INVALID_ITEM_JSON")?;
    let at = parse_time(at, "at")?;
    to_json(&allowed_actions(policy, &ctx, &item, actor, at))
}

/// What [`apply_json`] returns: the item after the action, and the audit log with the action's event
/// appended (TypeScript `Applied`, what `disclosureApply` returns).
///
/// ```
/// let out: dangjian::disclosure::AppliedToLog = serde_json::from_str(r#"{"item":{"schema_version":1,"id":"D1",
///   "org":"B1","title":"t","body":"b","category":"ideology","scope":{"kind":"whole_party"},"created_by":"P1",
///   "created_at":"2026-03-02T09:00:00+08:00","status":"draft"},"log":{"schema_version":1,"entries":[]}}"#).unwrap();
/// assert!(out.log.entries.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(rename = "Applied"))]
#[non_exhaustive]
pub struct AppliedToLog {
    /// The item as it now is.
    pub item: DisclosureItem,
    /// The log given, with the action's event appended.
    pub log: AuditLog,
}

/// [`apply`] over JSON, appending the event to the given audit log (verified first, so the cost grows with
/// the log: a convenience; [`super::apply_head_json`] appends at the head in constant time):
/// `{"item":…,"log":…}`.
///
/// ```
/// let ctx = r#"{"orgs":[{"id":"B1","kind":"branch"}],"roles":[{"person":"P1","org":"B1","role":"proposer"}]}"#;
/// let new = r#"{"id":"D1","org":"B1","title":"t","body":"b","category":"ideology","scope":{"kind":"whole_party"}}"#;
/// let created: serde_json::Value = serde_json::from_str(&dangjian::disclosure::create_json(ctx, new, "P1", "2026-03-02T09:00:00+08:00").unwrap()).unwrap();
/// let out = dangjian::disclosure::apply_json(&dangjian::Policy::bundled(), ctx, &created["item"].to_string(),
///     r#"{"action":"propose","actor":"P1","at":"2026-03-02T10:00:00+08:00"}"#, r#"{"schema_version":1,"entries":[]}"#).unwrap();
/// assert!(out.contains(r#""status":"proposed""#) && out.contains(r#""seq":0"#));
/// ```
pub fn apply_json(
    policy: &Policy,
    context_json: &str,
    item_json: &str,
    action_json: &str,
    log_json: &str,
) -> Result<String> {
    let ctx = DisclosureContext::from_json(context_json)?;
    let item: DisclosureItem = from_json(item_json, "INVALID_ITEM_JSON")?;
    let action: Action = from_json(action_json, "INVALID_ACTION_JSON")?;
    let mut log = AuditLog::from_json(log_json)?;
    let applied = apply(policy, &ctx, &item, &action)?;
    log.append(applied.event);
    to_json(&AppliedToLog {
        item: applied.item,
        log,
    })
}

/// [`visible`] over JSON.
///
/// ```
/// let item = r#"{"schema_version":1,"id":"D1","org":"B1","title":"t","body":"b","category":"ideology",
///   "scope":{"kind":"whole_party"},"created_by":"P1","created_at":"2026-03-02T09:00:00+08:00","status":"published",
///   "published_at":"2026-03-02T10:00:00+08:00"}"#;
/// let ctx = r#"{"orgs":[{"id":"B1","kind":"branch"}]}"#;
/// assert!(!dangjian::disclosure::visible_json(ctx, "{}", item, "2026-03-03").unwrap());
/// ```
pub fn visible_json(
    context_json: &str,
    viewer_json: &str,
    item_json: &str,
    on: &str,
) -> Result<bool> {
    let ctx = DisclosureContext::from_json(context_json)?;
    let viewer: Viewer = from_json(viewer_json, "INVALID_VIEWER_JSON")?;
    let item: DisclosureItem = from_json(item_json, "INVALID_ITEM_JSON")?;
    Ok(visible(&ctx, &viewer, &item, date(on, "on")?))
}

/// [`filter_visible`] over JSON: the ids of the visible items, in order.
///
/// ```
/// let out = dangjian::disclosure::filter_visible_json(r#"{"orgs":[]}"#, "{}", "[]", "2026-03-03").unwrap();
/// assert_eq!(out, "[]");
/// ```
pub fn filter_visible_json(
    context_json: &str,
    viewer_json: &str,
    items_json: &str,
    on: &str,
) -> Result<String> {
    let ctx = DisclosureContext::from_json(context_json)?;
    let viewer: Viewer = from_json(viewer_json, "INVALID_VIEWER_JSON")?;
    let items: Vec<DisclosureItem> = from_json(items_json, "INVALID_ITEM_JSON")?;
    let ids: Vec<&str> = filter_visible(&ctx, &viewer, &items, date(on, "on")?)
        .into_iter()
        .map(|i| i.id.as_str())
        .collect();
    to_json(&ids)
}

/// [`board`](fn@super::board) over JSON: the board a viewer sees on a day, as of that day — an array of
/// `{"id","status","version","title","text","published_at"?,"corrected"?,"withdrawn"?}`.
///
/// ```
/// let item = r#"[{"schema_version":1,"id":"D1","org":"B1","title":"t","body":"b","category":"ideology",
///   "scope":{"kind":"to_society"},"created_by":"P1","created_at":"2026-03-02T09:00:00+08:00","status":"published",
///   "published_at":"2026-03-02T10:00:00+08:00"}]"#;
/// let ctx = r#"{"orgs":[{"id":"B1","kind":"branch"}]}"#;
/// let out = dangjian::disclosure::board_json(&dangjian::Policy::bundled(), ctx, "{}", item, "2026-03-03").unwrap();
/// assert_eq!(out, r#"[{"id":"D1","status":"published","version":0,"title":"t","text":"b","published_at":"2026-03-02T10:00:00+08:00"}]"#);
/// ```
pub fn board_json(
    policy: &Policy,
    context_json: &str,
    viewer_json: &str,
    items_json: &str,
    on: &str,
) -> Result<String> {
    let ctx = DisclosureContext::from_json(context_json)?;
    let viewer: Viewer = from_json(viewer_json, "INVALID_VIEWER_JSON")?;
    let items: Vec<DisclosureItem> = from_json(items_json, "INVALID_ITEM_JSON")?;
    to_json(&board(policy, &ctx, &viewer, &items, date(on, "on")?)?)
}

/// [`item_deadlines`] over JSON: `{"value":[…],"findings":[…]}`.
///
/// ```
/// let item = r#"{"schema_version":1,"id":"D1","org":"B1","title":"t","body":"b","category":"ideology",
///   "scope":{"kind":"whole_party"},"created_by":"P1","created_at":"2026-03-02T09:00:00+08:00","status":"draft"}"#;
/// let out = dangjian::disclosure::item_deadlines_json(&dangjian::Policy::bundled(), &dangjian::Calendar::official(), item, "2026-03-03").unwrap();
/// assert_eq!(out, r#"{"value":[],"findings":[]}"#);
/// ```
pub fn item_deadlines_json(
    policy: &Policy,
    calendar: &Calendar,
    item_json: &str,
    on: &str,
) -> Result<String> {
    let item: DisclosureItem = from_json(item_json, "INVALID_ITEM_JSON")?;
    to_json(&item_deadlines(policy, calendar, &item, date(on, "on")?)?)
}

/// [`catalogue_status`] over JSON.
///
/// ```
/// let out = dangjian::disclosure::catalogue_status_json(&dangjian::Policy::bundled(), &dangjian::Calendar::official(),
///     r#"{"org":"B1","since":"2026-01-01"}"#, "[]", "2026-02-01").unwrap();
/// assert!(out.contains(r#""period":"2026-Q1""#) == false);
/// ```
pub fn catalogue_status_json(
    policy: &Policy,
    calendar: &Calendar,
    catalogue_json: &str,
    items_json: &str,
    on: &str,
) -> Result<String> {
    let catalogue: Catalogue = from_json(catalogue_json, "INVALID_CATALOGUE_JSON")?;
    let items: Vec<DisclosureItem> = from_json(items_json, "INVALID_ITEM_JSON")?;
    to_json(&catalogue_status(
        policy,
        calendar,
        &catalogue,
        &items,
        date(on, "on")?,
    )?)
}

/// [`evaluate_notice`] over JSON.
///
/// ```
/// let out = dangjian::disclosure::evaluate_notice_json(&dangjian::Policy::bundled(), &dangjian::Calendar::official(),
///     r#"{"id":"N1","subject":"s","opens_on":"2026-02-12","closes_on":"2026-02-25"}"#, "2026-02-26").unwrap();
/// assert!(out.contains(r#""result":"passed""#));
/// ```
pub fn evaluate_notice_json(
    policy: &Policy,
    calendar: &Calendar,
    notice_json: &str,
    on: &str,
) -> Result<String> {
    let notice: PublicNotice = from_json(notice_json, "INVALID_NOTICE_JSON")?;
    to_json(&evaluate_notice(
        policy,
        calendar,
        &notice,
        date(on, "on")?,
    )?)
}

/// [`redaction_preview`] over JSON.
///
/// ```
/// let item = r#"{"schema_version":1,"id":"D1","org":"B1","title":"t","body":"电话13800138000","category":"service",
///   "scope":{"kind":"to_society"},"created_by":"P1","created_at":"2026-03-02T09:00:00+08:00","status":"reviewed"}"#;
/// let out = dangjian::disclosure::redaction_preview_json(&dangjian::Policy::bundled(), item, "2026-03-03").unwrap();
/// assert!(out.contains("138****8000"));
/// ```
pub fn redaction_preview_json(policy: &Policy, item_json: &str, on: &str) -> Result<String> {
    let item: DisclosureItem = from_json(item_json, "INVALID_ITEM_JSON")?;
    to_json(&redaction_preview(policy, &item, date(on, "on")?)?)
}

/// [`AuditLog::verify`] over JSON: integrity only, `"authenticated":false` (malformed documents are coded
/// errors; a broken chain is a report, not an error). With the organization's public key:
/// [`super::verify_audit_signed_json`].
///
/// ```
/// let out = dangjian::disclosure::verify_audit_json(r#"{"schema_version":1,"entries":[]}"#).unwrap();
/// assert_eq!(out, r#"{"valid":true,"entries":0,"authenticated":false}"#);
/// ```
pub fn verify_audit_json(log_json: &str) -> Result<String> {
    to_json(&AuditLog::from_json_unverified(log_json)?.verify())
}

/// [`dues_disclosure`] over JSON: a `BranchSummary` document and an array of uses in, a `NewItem` out.
///
/// ```
/// let s = dangjian::dues::summarize_json("[]", r#"{"year":2025}"#).unwrap();
/// let out = dangjian::disclosure::dues_disclosure_json(&s, "B1", "DUES-2025", "[]").unwrap();
/// assert!(out.contains("2025年度党费收缴"));
/// ```
pub fn dues_disclosure_json(
    summary_json: &str,
    org: &str,
    id: &str,
    uses_json: &str,
) -> Result<String> {
    let summary: BranchSummary = from_json(summary_json, "INVALID_SUMMARY_JSON")?;
    let uses: Vec<DuesUse> = from_json(uses_json, "INVALID_USES_JSON")?;
    to_json(&dues_disclosure(&summary, org, id, &uses)?)
}
