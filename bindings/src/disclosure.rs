//! Party-affairs disclosure (党务公开): typed exports over the core's own records (`dangjian_types`: Kotlin
//! `cn.dangjian.types`, Python `dangjian_types`); the JSON-document entry points are rendered from the core's
//! table in [`crate::entry_points`]. The rules and their docs are the core's: each export
//! names the core function it calls. Times are RFC 3339 with an offset (`2026-03-02T09:00:00+08:00`), dates
//! `YYYY-MM-DD`; a malformed one is `INVALID_TIME` / `INVALID_DATE` naming its argument.

use dangjian::disclosure::{self as core};
pub use dangjian::disclosure::{
    Action, ActionKind, Applied, Attachment, AuditEvent, BoardEntry, Catalogue, CatalogueEntry,
    CatalogueRef, Channel, Correction, Deadline, DisclosureCategory, DisclosureContext,
    DisclosureItem, DueStatus, DuesUse, MemberStatus, Membership, NewItem, NoticeReport,
    NoticeResult, Org, OrgKind, PeriodicDue, PersonalKind, Post, PublicNotice, RedactionPreview,
    Role, RoleAssignment, Scope, ScopeKind, Sensitive, Status, Transition, Version, Viewer,
    WithdrawalRecord,
};
use dangjian::dues::BranchSummary;
use dangjian::month::parse_date;
use dangjian::Finding;

use crate::calendar::Calendar;
use crate::error::{guarded, Result};
use crate::policy::Policy;

/// An item's deadlines with their findings (`dangjian::Answer<Vec<Deadline>>`: UniFFI has no generics).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DeadlinesAnswer {
    /// The time limits running on the item.
    pub value: Vec<Deadline>,
    /// `REVIEW_OVERDUE`, `PUBLICATION_OVERDUE`, `PROVISIONAL_CALENDAR`.
    pub findings: Vec<Finding>,
}

/// A catalogue's periodic disclosures with their findings (`dangjian::Answer<Vec<PeriodicDue>>`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CatalogueAnswer {
    /// One per period ended, each with its due day and status.
    pub value: Vec<PeriodicDue>,
    /// `DISCLOSURE_OVERDUE`, `DISCLOSURE_LATE`, `PROVISIONAL_CALENDAR`.
    pub findings: Vec<Finding>,
}

// ---- Typed: the workflow

/// Creates a draft item (`disclosure::create`): the draft and the audit event to start its log with.
/// Errors: `INVALID_TIME` at `at`, `UNKNOWN_ORG` at `roles[i].org`, `ROLE_REQUIRED` at `actor`, …
///
/// ```kotlin
/// val draft = disclosureCreateItem(context, NewItem("D1", "B1", "换届结果", "正文",
///     DisclosureCategory.Organization, Scope.Members("B1")), "P1", "2026-03-02T09:00:00+08:00").item
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

/// Applies one workflow action (`disclosure::apply`): the item as it now is and the event for its audit log
/// ([`crate::AuditTrail`]). Errors: the workflow's refusals (`ILLEGAL_TRANSITION`, `ROLE_REQUIRED`, …);
/// `Policy` when no disclosure rules are in force.
///
/// ```kotlin
/// val next = disclosureApplyAction(Policy.bundled(), context, draft,
///     DisclosureAction.Propose("P1", "2026-03-02T10:00:00+08:00", "")).item
/// ```
#[uniffi::export]
pub fn disclosure_apply_action(
    policy: &Policy,
    context: DisclosureContext,
    item: DisclosureItem,
    action: Action,
) -> Result<Applied> {
    call(|| core::apply(&policy.inner, &checked(context)?, &item, &action))
}

/// The actions a person may take on an item at a time (`disclosure::allowed_actions`), in the order of the
/// procedure. Errors: `INVALID_TIME` at `at`, `UNKNOWN_ORG` at `roles[i].org`.
///
/// ```kotlin
/// disclosureAllowedActions(Policy.bundled(), context, draft, "P1", "2026-03-02T10:00:00+08:00")   // [EDIT, PROPOSE]
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

// ---- Typed: who sees what, deadlines, notices, redaction, the dues report

/// Whether `viewer` sees `item` on `on` (`disclosure::visible`; `Viewer()` is the public).
/// Errors: `INVALID_DATE` at `on`, `UNKNOWN_ORG` at `roles[i].org`.
///
/// ```kotlin
/// disclosureItemVisible(context, Viewer(), item, "2026-03-05")   // true only for items published to society
/// ```
#[uniffi::export]
pub fn disclosure_item_visible(
    context: DisclosureContext,
    viewer: Viewer,
    item: DisclosureItem,
    on: String,
) -> Result<bool> {
    guarded(|| {
        let on = parse_date(&on, "on")?;
        Ok(core::visible(&checked(context)?, &viewer, &item, on))
    })
}

/// The items `viewer` sees on `on`, in the order given (`disclosure::filter_visible`). Errors as
/// [`disclosure_item_visible`].
///
/// ```kotlin
/// val shown = disclosureVisibleItems(context, viewer, items, "2026-03-16")
/// ```
#[uniffi::export]
pub fn disclosure_visible_items(
    context: DisclosureContext,
    viewer: Viewer,
    items: Vec<DisclosureItem>,
    on: String,
) -> Result<Vec<DisclosureItem>> {
    guarded(|| {
        let on = parse_date(&on, "on")?;
        let ctx = checked(context)?;
        Ok(core::filter_visible(&ctx, &viewer, &items, on)
            .into_iter()
            .cloned()
            .collect())
    })
}

/// The board `viewer` sees on `on`, as it stood that day (`disclosure::board`). Errors as
/// [`disclosure_item_visible`]; `Policy` when no redaction or withdrawal rule is in force.
///
/// ```kotlin
/// disclosureBoardEntries(Policy.bundled(), context, Viewer(), items, "2026-03-09")[0].corrected?.on
/// ```
#[uniffi::export]
pub fn disclosure_board_entries(
    policy: &Policy,
    context: DisclosureContext,
    viewer: Viewer,
    items: Vec<DisclosureItem>,
    on: String,
) -> Result<Vec<BoardEntry>> {
    guarded(|| {
        let on = parse_date(&on, "on")?;
        Ok(core::board(
            &policy.inner,
            &checked(context)?,
            &viewer,
            &items,
            on,
        )?)
    })
}

/// An item's working-day time limits on `on` (`disclosure::item_deadlines`). Errors: `INVALID_DATE`;
/// `Policy` when no time limits are in force; `CALENDAR_UNAVAILABLE`.
///
/// ```kotlin
/// disclosureDeadlines(Policy.bundled(), Calendar.official(), item, "2026-02-25").value[0].dueOn   // "2026-02-24"
/// ```
#[uniffi::export]
pub fn disclosure_deadlines(
    policy: &Policy,
    calendar: &Calendar,
    item: DisclosureItem,
    on: String,
) -> Result<DeadlinesAnswer> {
    guarded(|| {
        let on = parse_date(&on, "on")?;
        let a = core::item_deadlines(&policy.inner, &*calendar.read()?, &item, on)?;
        Ok(DeadlinesAnswer {
            value: a.value,
            findings: a.findings,
        })
    })
}

/// A catalogue's periodic disclosures on `on` (`disclosure::catalogue_status`). Errors: `INVALID_DATE`;
/// `Policy` when no catalogue is in force; `CALENDAR_UNAVAILABLE`.
///
/// ```kotlin
/// disclosurePeriodicDues(Policy.bundled(), Calendar.official(), Catalogue("B1", "2025-01-01"), items, "2026-02-02")
/// ```
#[uniffi::export]
pub fn disclosure_periodic_dues(
    policy: &Policy,
    calendar: &Calendar,
    catalogue: Catalogue,
    items: Vec<DisclosureItem>,
    on: String,
) -> Result<CatalogueAnswer> {
    guarded(|| {
        let on = parse_date(&on, "on")?;
        let cal = calendar.read()?;
        let a = core::catalogue_status(&policy.inner, &cal, &catalogue, &items, on)?;
        Ok(CatalogueAnswer {
            value: a.value,
            findings: a.findings,
        })
    })
}

/// A public notice (公示) on `on` (`disclosure::evaluate_notice`). Errors: `INVALID_DATE`, the notice's
/// checks (`closes_on` before `opens_on` …); `CALENDAR_UNAVAILABLE`.
///
/// ```kotlin
/// disclosureNoticeReport(Policy.bundled(), Calendar.official(),
///     PublicNotice("N1", "发展对象公示", null, "2026-02-12", "2026-02-25"), "2026-02-26").result   // PASSED
/// ```
#[uniffi::export]
pub fn disclosure_notice_report(
    policy: &Policy,
    calendar: &Calendar,
    notice: PublicNotice,
    on: String,
) -> Result<NoticeReport> {
    guarded(|| {
        let on = parse_date(&on, "on")?;
        Ok(core::evaluate_notice(
            &policy.inner,
            &*calendar.read()?,
            &notice,
            on,
        )?)
    })
}

/// The reviewer's preview of an item's body as published on `on` (`disclosure::redaction_preview`).
/// Errors: `INVALID_DATE`; `Policy` when no redaction rules are in force.
///
/// ```kotlin
/// disclosurePreviewRedaction(Policy.bundled(), item, "2026-03-03").text   // "电话138****8000"
/// ```
#[uniffi::export]
pub fn disclosure_preview_redaction(
    policy: &Policy,
    item: DisclosureItem,
    on: String,
) -> Result<RedactionPreview> {
    guarded(|| {
        let on = parse_date(&on, "on")?;
        Ok(core::redaction_preview(&policy.inner, &item, on)?)
    })
}

/// The personal data in a text (`disclosure::scan`), character offsets. Never fails.
///
/// ```kotlin
/// disclosureScan("电话13800138000")[0].masked   // "138****8000"
/// ```
#[uniffi::export]
pub fn disclosure_scan(text: String) -> Vec<Sensitive> {
    core::scan(&text)
}

/// The text with every personal datum masked (`disclosure::mask`). Never fails.
///
/// ```kotlin
/// disclosureMask("电话13800138000")   // "电话138****8000"
/// ```
#[uniffi::export]
pub fn disclosure_mask(text: String) -> String {
    core::mask(&text)
}

/// The annual dues disclosure as a new item (`disclosure::dues_disclosure`), from a year's summary.
/// Errors: `NOT_ANNUAL_PERIOD`, `NEGATIVE_AMOUNT` at `uses[i].amount`.
///
/// ```kotlin
/// val newItem = disclosureDuesItem(summarizeDues(reports, Period.Year(2025)), "B1", "DUES-2025", listOf())
/// ```
#[uniffi::export]
pub fn disclosure_dues_item(
    summary: BranchSummary,
    org: String,
    id: String,
    uses: Vec<DuesUse>,
) -> Result<NewItem> {
    call(|| core::dues_disclosure(&summary, &org, &id, &uses))
}

/// Runs a core call in the panic guard, its error thrown as the bindings' error.
pub(crate) fn call<T>(f: impl FnOnce() -> dangjian::Result<T>) -> Result<T> {
    guarded(|| Ok(f()?))
}

/// A context as a host built it, checked as the core builds one (every role at a known organization; the
/// tree itself was checked when it crossed).
pub(crate) fn checked(context: DisclosureContext) -> dangjian::Result<DisclosureContext> {
    DisclosureContext::new(context.orgs, context.roles)
}
