//! The procedure of 条例 第十五条: 提出 (propose) → 审核 (review, with 保密审查) → 审批 (approve, or report to the
//! superior organization when beyond authority) → 实施 (publish); then correct, withdraw, archive.
//!
//! Every transition is checked (the status allows it, the actor holds the role at the organization, the time is
//! not before the item's creation nor before its last transition) and recorded on the item and as an
//! [`AuditEvent`] for the chained log. Matters involving Party or state secrets are not disclosed: a failed
//! confidentiality review blocks the item (`SECRET_CONTENT`) until it is rejected back to draft.
#![deny(clippy::arithmetic_side_effects)]

use serde::{Deserialize, Serialize};

pub use super::action::{Action, ActionKind};
use super::audit::{content_digest, AuditEvent};
use super::context::{DisclosureContext, Role};
use super::item::{
    check_text, DisclosureItem, NewItem, Status, Timestamp, Transition, ITEM_SCHEMA_VERSION,
};
use super::workflow_steps::{require_role, step};
use crate::{Error, Policy, Result};

/// The item after an action, and the event to append to the [`super::AuditLog`].
///
/// ```
/// use dangjian::disclosure::{create, AuditLog, DisclosureContext, NewItem};
/// let ctx = DisclosureContext::from_json(r#"{"orgs":[{"id":"B1","kind":"branch"}],"roles":[{"person":"P1","org":"B1","role":"proposer"}]}"#).unwrap();
/// let new: NewItem = serde_json::from_str(r#"{"id":"D1","org":"B1","title":"t","body":"b","category":"ideology","scope":{"kind":"whole_party"}}"#).unwrap();
/// let applied = create(&ctx, new, "P1", "2026-03-02T09:00:00+08:00".parse().unwrap()).unwrap();
/// let mut log = AuditLog::new();
/// log.append(applied.event);
/// assert_eq!(log.entries.len(), 1);
/// ```
///
/// In TypeScript it is `Created` (what `disclosureCreate` returns); TypeScript's `Applied` is
/// [`AppliedToLog`](super::AppliedToLog), what `disclosureApply` returns.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(rename = "Created"))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Applied {
    /// The item as it now is.
    pub item: DisclosureItem,
    /// What happened, for the audit log.
    pub event: AuditEvent,
}

/// Creates a draft (the proposer's first step). The actor must be a proposer at the item's organization; the
/// id, title and organization must be given and the scope must name known organizations.
///
/// ```
/// use dangjian::disclosure::{create, DisclosureContext, NewItem};
/// let ctx = DisclosureContext::from_json(r#"{"orgs":[{"id":"B1","kind":"branch"}],"roles":[]}"#).unwrap();
/// let new: NewItem = serde_json::from_str(r#"{"id":"D1","org":"B1","title":"t","body":"b","category":"ideology","scope":{"kind":"whole_party"}}"#).unwrap();
/// let e = create(&ctx, new, "P1", "2026-03-02T09:00:00+08:00".parse().unwrap()).unwrap_err();
/// assert_eq!((e.code(), e.detail().field.as_str()), ("ROLE_REQUIRED", "actor"));
/// ```
pub fn create(
    ctx: &DisclosureContext,
    new: NewItem,
    actor: &str,
    at: Timestamp,
) -> Result<Applied> {
    check_text(&new.id, "id")?;
    check_text(&new.title, "title")?;
    check_text(actor, "actor")?;
    ctx.orgs.require(&new.org, "org")?;
    new.scope.check(&ctx.orgs, "scope")?;
    require_role(ctx, actor, &new.org, &[Role::Proposer])?;
    let item = DisclosureItem {
        schema_version: ITEM_SCHEMA_VERSION,
        id: new.id,
        org: new.org,
        title: new.title,
        body: new.body,
        category: new.category,
        scope: new.scope,
        channels: new.channels,
        planned_on: new.planned_on,
        attachments: new.attachments,
        catalogue: new.catalogue,
        created_by: actor.to_owned(),
        created_at: at,
        status: Status::Draft,
        confidentiality_passed: None,
        review_extended: false,
        approval_org: None,
        published_at: None,
        withdrawal_reason: None,
        withdrawn_at: None,
        versions: Vec::new(),
        history: Vec::new(),
    };
    let event = event_for(&item, "create", actor, at, Status::Draft, "");
    Ok(Applied { item, event })
}

/// Applies one action to an item under the policy in force on the action's (local) date.
///
/// Errors: `ILLEGAL_TRANSITION` (the status does not allow the action), `ROLE_REQUIRED` (the actor lacks the role
/// at the organization), `TIME_BEFORE_CREATION`, `TIME_OUT_OF_ORDER`, `COMMENT_REQUIRED` (reject, withdraw,
/// correct, extend), `SECRET_CONTENT` (the confidentiality review failed), `CONFIDENTIALITY_REVIEW_REQUIRED`,
/// `ALREADY_REVIEWED`, `ALREADY_EXTENDED`, `REVIEW_CRITERIA_NOT_MET` (reject instead), `ESCALATION_REQUIRED`
/// (beyond the approving organization's authority), `NO_SUPERIOR_ORG`, `SEPARATION_OF_DUTIES`.
///
/// ```
/// use dangjian::disclosure::{apply, create, Action, DisclosureContext, NewItem, Status};
/// use dangjian::Policy;
/// let ctx = DisclosureContext::from_json(r#"{"orgs":[{"id":"B1","kind":"branch"}],"roles":[{"person":"P1","org":"B1","role":"proposer"}]}"#).unwrap();
/// let new: NewItem = serde_json::from_str(r#"{"id":"D1","org":"B1","title":"t","body":"b","category":"ideology","scope":{"kind":"members","org":"B1"}}"#).unwrap();
/// let item = create(&ctx, new, "P1", "2026-03-02T09:00:00+08:00".parse().unwrap()).unwrap().item;
/// let propose: Action = serde_json::from_str(r#"{"action":"propose","actor":"P1","at":"2026-03-02T10:00:00+08:00"}"#).unwrap();
/// let next = apply(&Policy::bundled(), &ctx, &item, &propose).unwrap();
/// assert_eq!(next.item.status, Status::Proposed);
/// let approve: Action = serde_json::from_str(r#"{"action":"approve","actor":"P1","at":"2026-03-02T11:00:00+08:00"}"#).unwrap();
/// assert_eq!(apply(&Policy::bundled(), &ctx, &next.item, &approve).unwrap_err().code(), "ILLEGAL_TRANSITION");
/// ```
pub fn apply(
    policy: &Policy,
    ctx: &DisclosureContext,
    item: &DisclosureItem,
    action: &Action,
) -> Result<Applied> {
    item.validate().map_err(|e| e.under("item"))?;
    let actor = action.actor();
    let at = action.at();
    check_text(actor, "actor")?;
    let from = item.status;
    check_legal(action, from)?;
    // Time is checked after legality: an action that is not allowed at all says so first.
    check_time(item, at)?;
    let mut next = item.clone();
    let to = step(policy, ctx, item, action, &mut next)?;
    next.status = to;
    next.history.push(Transition {
        action: action.code().to_owned(),
        from,
        to,
        actor: actor.to_owned(),
        at,
        comment: action.comment().to_owned(),
    });
    let event = event_for(&next, action.code(), actor, at, from, action.comment());
    Ok(Applied { item: next, event })
}

/// The actions `actor` may take on `item` at `at`, in the order of the procedure (条例 第十五条): what a workflow
/// UI offers this person now.
///
/// Decided by [`apply`] itself, so the list cannot drift from the rules: a kind is listed when its action, as
/// a UI submits it (with a reason; a passed confidentiality review; a review confirming necessity and
/// accuracy; a correction of the current body), is accepted — the status allows it, the actor holds the role at
/// the (approving) organization, the time is in order, and the step's own checks pass (保密审查 before review,
/// once each; the approving organization's authority; separation of duties under the policy in force on the
/// local date of `at`). A listed action can still be refused for what it carries (no reason, a review that
/// does not confirm both criteria).
///
/// ```
/// use dangjian::disclosure::{allowed_actions, create, ActionKind, DisclosureContext, NewItem};
/// use dangjian::Policy;
/// let ctx = DisclosureContext::from_json(r#"{"orgs":[{"id":"B1","kind":"branch"}],"roles":[
///   {"person":"P1","org":"B1","role":"proposer"},{"person":"R1","org":"B1","role":"reviewer"}]}"#).unwrap();
/// let new: NewItem = serde_json::from_str(r#"{"id":"D1","org":"B1","title":"t","body":"b","category":"ideology","scope":{"kind":"members","org":"B1"}}"#).unwrap();
/// let item = create(&ctx, new, "P1", "2026-03-02T09:00:00+08:00".parse().unwrap()).unwrap().item;
/// let at = "2026-03-02T10:00:00+08:00".parse().unwrap();
/// let policy = Policy::bundled();
/// assert_eq!(allowed_actions(&policy, &ctx, &item, "P1", at), [ActionKind::Edit, ActionKind::Propose]);
/// assert!(allowed_actions(&policy, &ctx, &item, "R1", at).is_empty());
/// ```
pub fn allowed_actions(
    policy: &Policy,
    ctx: &DisclosureContext,
    item: &DisclosureItem,
    actor: &str,
    at: Timestamp,
) -> Vec<ActionKind> {
    ActionKind::ALL
        .into_iter()
        .filter(|&kind| apply(policy, ctx, item, &probe(item, kind, actor, at)).is_ok())
        .collect()
}

/// The action of `kind` as a UI submits it (see [`allowed_actions`]).
fn probe(item: &DisclosureItem, kind: ActionKind, actor: &str, at: Timestamp) -> Action {
    let action = match kind {
        ActionKind::Correct => Action::correct(actor, at, item.body.clone(), ""),
        _ => Action::new(kind, actor, at),
    };
    // Any non-blank text stands for the reason the person will give.
    action.with_comment("理由")
}

/// `ILLEGAL_TRANSITION`: the item's status does not allow the action.
fn check_legal(action: &Action, from: Status) -> Result<()> {
    if action.allowed_from().contains(&from) {
        return Ok(());
    }
    Err(Error::input(
        "ILLEGAL_TRANSITION",
        "action",
        format!(
            "事项处于“{}”状态，不能执行“{}”",
            from.name_zh(),
            action.code()
        ),
        format!(
            "an item in status {from:?} cannot take the action {}",
            action.code()
        ),
    ))
}

/// An action is dated no earlier than the item's creation (`TIME_BEFORE_CREATION`) and its last transition
/// (`TIME_OUT_OF_ORDER`).
fn check_time(item: &DisclosureItem, at: Timestamp) -> Result<()> {
    if at < item.created_at {
        return Err(Error::input(
            "TIME_BEFORE_CREATION",
            "at",
            format!("操作时间早于事项创建时间 {}", item.created_at.to_rfc3339()),
            format!(
                "the action is dated before the item was created ({})",
                item.created_at.to_rfc3339()
            ),
        ));
    }
    if item.history.last().is_some_and(|t| at < t.at) {
        return Err(Error::input(
            "TIME_OUT_OF_ORDER",
            "at",
            "操作时间早于上一次流转",
            "the action is dated before the item's last transition",
        ));
    }
    Ok(())
}

/// The audit event of an action that brought `item` to its status.
fn event_for(
    item: &DisclosureItem,
    action: &str,
    actor: &str,
    at: Timestamp,
    from: Status,
    comment: &str,
) -> AuditEvent {
    AuditEvent {
        item_id: item.id.clone(),
        action: action.to_owned(),
        actor: actor.to_owned(),
        at,
        from,
        to: item.status,
        comment: comment.to_owned(),
        version: item.version(),
        content_sha256: content_digest(&item.title, &item.body),
    }
}
