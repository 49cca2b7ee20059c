//! The procedure of 条例 第十五条: 提出 (propose) → 审核 (review, with 保密审查) → 审批 (approve, or report to the
//! superior organization when beyond authority) → 实施 (publish); then correct, withdraw, archive.
//!
//! Every transition is checked (the status allows it, the actor holds the role at the organization, the time is
//! not before the item's creation nor before its last transition) and recorded on the item and as an
//! [`AuditEvent`] for the chained log. Matters involving Party or state secrets are not disclosed: a failed
//! confidentiality review blocks the item (`SECRET_CONTENT`) until it is rejected back to draft.
#![deny(clippy::arithmetic_side_effects)]

use crate::china_time::china_date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::audit::{content_digest, AuditEvent};
use super::context::{Context, Role};
use super::item::{
    check_text, Channel, DisclosureItem, NewItem, Scope, Status, Timestamp, Transition, Version,
    ITEM_SCHEMA_VERSION,
};
use super::{article, params::WorkflowRules};
use crate::policy::in_force;
use crate::{Error, Policy, Result};

/// One workflow action, with its actor, time and comment (`{"action":"approve","actor":"A1","at":"…"}`).
///
/// ```
/// let a: dangjian::disclosure::Action = serde_json::from_str(
///     r#"{"action":"review","actor":"R1","at":"2026-03-03T10:00:00+08:00","necessity":true,"accuracy":true}"#).unwrap();
/// assert_eq!(a.code(), "review");
/// assert_eq!(a.actor(), "R1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum Action {
    /// Changes a draft (proposer).
    Edit {
        /// Who.
        actor: String,
        /// When.
        at: Timestamp,
        /// New title.
        #[serde(default)]
        title: Option<String>,
        /// New body.
        #[serde(default)]
        body: Option<String>,
        /// New scope.
        #[serde(default)]
        scope: Option<Scope>,
        /// New channels.
        #[serde(default)]
        channels: Option<Vec<Channel>>,
        /// New planned date.
        #[serde(default)]
        planned_on: Option<NaiveDate>,
        /// Comment.
        #[serde(default)]
        comment: String,
    },
    /// 提出: draft → proposed (proposer).
    Propose {
        /// Who.
        actor: String,
        /// When.
        at: Timestamp,
        /// Comment.
        #[serde(default)]
        comment: String,
    },
    /// 保密审查: records the confidentiality review of a proposal (confidentiality reviewer).
    ConfidentialityReview {
        /// Who.
        actor: String,
        /// When.
        at: Timestamp,
        /// Whether the content is free of Party and state secrets.
        passed: bool,
        /// Comment.
        #[serde(default)]
        comment: String,
    },
    /// Extends the review time limit once (reviewer; a reason is required).
    ExtendReview {
        /// Who.
        actor: String,
        /// When.
        at: Timestamp,
        /// Why.
        #[serde(default)]
        comment: String,
    },
    /// 审核: proposed → reviewed, necessity and accuracy confirmed (reviewer).
    Review {
        /// Who.
        actor: String,
        /// When.
        at: Timestamp,
        /// The disclosure is necessary.
        necessity: bool,
        /// The content is accurate.
        accuracy: bool,
        /// Comment.
        #[serde(default)]
        comment: String,
    },
    /// Rejection: proposed or reviewed → draft, with a comment (reviewers, approver).
    Reject {
        /// Who.
        actor: String,
        /// When.
        at: Timestamp,
        /// Why (required).
        #[serde(default)]
        comment: String,
    },
    /// 报上级审批: the approving organization becomes the superior one (approver of the current approving org).
    Escalate {
        /// Who.
        actor: String,
        /// When.
        at: Timestamp,
        /// Comment.
        #[serde(default)]
        comment: String,
    },
    /// 审批: reviewed → approved (approver of the approving organization, within its authority).
    Approve {
        /// Who.
        actor: String,
        /// When.
        at: Timestamp,
        /// Comment.
        #[serde(default)]
        comment: String,
    },
    /// 实施: approved → published, version 1 (proposer or approver).
    Publish {
        /// Who.
        actor: String,
        /// When.
        at: Timestamp,
        /// Comment.
        #[serde(default)]
        comment: String,
    },
    /// Correction: a new version of a published item; the old one is kept (approver; a reason is required).
    Correct {
        /// Who.
        actor: String,
        /// When.
        at: Timestamp,
        /// New title (unchanged when absent).
        #[serde(default)]
        title: Option<String>,
        /// New body.
        body: String,
        /// Why (required).
        #[serde(default)]
        comment: String,
    },
    /// Withdrawal of an approved or published item (approver; a reason is required). Kept for audit.
    Withdraw {
        /// Who.
        actor: String,
        /// When.
        at: Timestamp,
        /// Why (required).
        #[serde(default)]
        comment: String,
    },
    /// Archiving of a published or withdrawn item (proposer or approver).
    Archive {
        /// Who.
        actor: String,
        /// When.
        at: Timestamp,
        /// Comment.
        #[serde(default)]
        comment: String,
    },
}

impl Action {
    /// The action's code, as recorded in the history and the audit log.
    ///
    /// ```
    /// let a: dangjian::disclosure::Action = serde_json::from_str(r#"{"action":"propose","actor":"P","at":"2026-03-02T09:00:00+08:00"}"#).unwrap();
    /// assert_eq!(a.code(), "propose");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Action::Edit { .. } => "edit",
            Action::Propose { .. } => "propose",
            Action::ConfidentialityReview { .. } => "confidentiality_review",
            Action::ExtendReview { .. } => "extend_review",
            Action::Review { .. } => "review",
            Action::Reject { .. } => "reject",
            Action::Escalate { .. } => "escalate",
            Action::Approve { .. } => "approve",
            Action::Publish { .. } => "publish",
            Action::Correct { .. } => "correct",
            Action::Withdraw { .. } => "withdraw",
            Action::Archive { .. } => "archive",
        }
    }

    /// Who acts.
    ///
    /// ```
    /// let a: dangjian::disclosure::Action = serde_json::from_str(r#"{"action":"approve","actor":"A","at":"2026-03-02T09:00:00+08:00"}"#).unwrap();
    /// assert_eq!(a.actor(), "A");
    /// ```
    pub fn actor(&self) -> &str {
        let (actor, _, _) = self.parts();
        actor
    }

    /// When.
    ///
    /// ```
    /// let a: dangjian::disclosure::Action = serde_json::from_str(r#"{"action":"approve","actor":"A","at":"2026-03-02T09:00:00+08:00"}"#).unwrap();
    /// assert_eq!(a.at().to_rfc3339(), "2026-03-02T09:00:00+08:00");
    /// ```
    pub fn at(&self) -> Timestamp {
        let (_, at, _) = self.parts();
        at
    }

    /// The comment or reason.
    ///
    /// ```
    /// let a: dangjian::disclosure::Action = serde_json::from_str(r#"{"action":"reject","actor":"R","at":"2026-03-02T09:00:00+08:00","comment":"数据有误"}"#).unwrap();
    /// assert_eq!(a.comment(), "数据有误");
    /// ```
    pub fn comment(&self) -> &str {
        let (_, _, comment) = self.parts();
        comment
    }

    fn parts(&self) -> (&str, Timestamp, &str) {
        match self {
            Action::Edit {
                actor, at, comment, ..
            }
            | Action::Propose { actor, at, comment }
            | Action::ConfidentialityReview {
                actor, at, comment, ..
            }
            | Action::ExtendReview { actor, at, comment }
            | Action::Review {
                actor, at, comment, ..
            }
            | Action::Reject { actor, at, comment }
            | Action::Escalate { actor, at, comment }
            | Action::Approve { actor, at, comment }
            | Action::Publish { actor, at, comment }
            | Action::Correct {
                actor, at, comment, ..
            }
            | Action::Withdraw { actor, at, comment }
            | Action::Archive { actor, at, comment } => (actor, *at, comment),
        }
    }
}

/// The item after an action, and the event to append to the [`super::AuditLog`].
///
/// ```
/// use dangjian::disclosure::{create, AuditLog, Context, NewItem};
/// let ctx = Context::from_json(r#"{"orgs":[{"id":"B1","kind":"branch"}],"roles":[{"person":"P1","org":"B1","role":"proposer"}]}"#).unwrap();
/// let new: NewItem = serde_json::from_str(r#"{"id":"D1","org":"B1","title":"t","body":"b","category":"ideology","scope":{"kind":"whole_party"}}"#).unwrap();
/// let applied = create(&ctx, new, "P1", "2026-03-02T09:00:00+08:00".parse().unwrap()).unwrap();
/// let mut log = AuditLog::new();
/// log.append(applied.event);
/// assert_eq!(log.entries.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
/// use dangjian::disclosure::{create, Context, NewItem};
/// let ctx = Context::from_json(r#"{"orgs":[{"id":"B1","kind":"branch"}],"roles":[]}"#).unwrap();
/// let new: NewItem = serde_json::from_str(r#"{"id":"D1","org":"B1","title":"t","body":"b","category":"ideology","scope":{"kind":"whole_party"}}"#).unwrap();
/// let e = create(&ctx, new, "P1", "2026-03-02T09:00:00+08:00".parse().unwrap()).unwrap_err();
/// assert_eq!((e.code(), e.detail().field.as_str()), ("ROLE_REQUIRED", "actor"));
/// ```
pub fn create(ctx: &Context, new: NewItem, actor: &str, at: Timestamp) -> Result<Applied> {
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
/// use dangjian::disclosure::{apply, create, Action, Context, NewItem, Status};
/// use dangjian::Policy;
/// let ctx = Context::from_json(r#"{"orgs":[{"id":"B1","kind":"branch"}],"roles":[{"person":"P1","org":"B1","role":"proposer"}]}"#).unwrap();
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
    ctx: &Context,
    item: &DisclosureItem,
    action: &Action,
) -> Result<Applied> {
    item.validate().map_err(|e| e.under("item"))?;
    let actor = action.actor();
    let at = action.at();
    check_text(actor, "actor")?;
    let from = item.status;
    let allowed: &[Status] = match action {
        Action::Edit { .. } | Action::Propose { .. } => &[Status::Draft],
        Action::ConfidentialityReview { .. }
        | Action::ExtendReview { .. }
        | Action::Review { .. } => &[Status::Proposed],
        Action::Reject { .. } => &[Status::Proposed, Status::Reviewed],
        Action::Escalate { .. } | Action::Approve { .. } => &[Status::Reviewed],
        Action::Publish { .. } => &[Status::Approved],
        Action::Correct { .. } => &[Status::Published],
        Action::Withdraw { .. } => &[Status::Approved, Status::Published],
        Action::Archive { .. } => &[Status::Published, Status::Withdrawn],
    };
    if !allowed.contains(&from) {
        return Err(Error::input(
            "ILLEGAL_TRANSITION",
            "action",
            format!(
                "事项处于“{}”状态，不能执行“{}”",
                status_zh(from),
                action.code()
            ),
            format!(
                "an item in status {from:?} cannot take the action {}",
                action.code()
            ),
        ));
    }
    // Time is checked after legality: an action that is not allowed at all says so first.
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
    let mut next = item.clone();
    let org = item.org.clone();
    let to = match action {
        Action::Edit {
            title,
            body,
            scope,
            channels,
            planned_on,
            ..
        } => {
            require_role(ctx, actor, &org, &[Role::Proposer])?;
            if let Some(t) = title {
                check_text(t, "title")?;
                next.title.clone_from(t);
            }
            if let Some(b) = body {
                next.body.clone_from(b);
            }
            if let Some(s) = scope {
                s.check(&ctx.orgs, "scope")?;
                next.scope = s.clone();
            }
            if let Some(c) = channels {
                next.channels.clone_from(c);
            }
            if planned_on.is_some() {
                next.planned_on = *planned_on;
            }
            Status::Draft
        }
        Action::Propose { .. } => {
            require_role(ctx, actor, &org, &[Role::Proposer])?;
            reset_review(&mut next);
            Status::Proposed
        }
        Action::ConfidentialityReview { passed, .. } => {
            require_role(ctx, actor, &org, &[Role::ConfidentialityReviewer])?;
            if item.confidentiality_passed.is_some() {
                return Err(Error::input(
                    "ALREADY_REVIEWED",
                    "action",
                    "本次提出已完成保密审查；如需修改请退回",
                    "this proposal's confidentiality review is done; reject it to change anything",
                ));
            }
            next.confidentiality_passed = Some(*passed);
            Status::Proposed
        }
        Action::ExtendReview { comment, .. } => {
            require_role(ctx, actor, &org, &[Role::Reviewer])?;
            require_comment(comment)?;
            if item.review_extended {
                return Err(Error::input(
                    "ALREADY_EXTENDED",
                    "action",
                    "审核期限已延长过",
                    "the review time limit was already extended",
                ));
            }
            next.review_extended = true;
            Status::Proposed
        }
        Action::Review {
            necessity,
            accuracy,
            ..
        } => {
            require_role(ctx, actor, &org, &[Role::Reviewer])?;
            match item.confidentiality_passed {
                Some(true) => {}
                Some(false) => return Err(secret_content()),
                None => {
                    return Err(Error::input(
                        "CONFIDENTIALITY_REVIEW_REQUIRED",
                        "action",
                        "须先通过保密审查",
                        "the confidentiality review must pass first",
                    ))
                }
            }
            if !(*necessity && *accuracy) {
                return Err(Error::input(
                    "REVIEW_CRITERIA_NOT_MET",
                    if *necessity { "accuracy" } else { "necessity" },
                    "必要性或准确性未通过审核，应退回",
                    "necessity or accuracy not confirmed: reject the proposal instead",
                ));
            }
            Status::Reviewed
        }
        Action::Reject { comment, .. } => {
            require_comment(comment)?;
            let reviewer = [
                Role::Reviewer,
                Role::ConfidentialityReviewer,
                Role::Approver,
            ];
            let ok_here = reviewer.iter().any(|r| ctx.has_role(actor, &org, *r));
            if !ok_here && !ctx.has_role(actor, item.approving_org(), Role::Approver) {
                return Err(role_required(actor, &org, &reviewer));
            }
            reset_review(&mut next);
            Status::Draft
        }
        Action::Escalate { .. } => {
            let approving = item.approving_org().to_owned();
            require_role(ctx, actor, &approving, &[Role::Approver])?;
            let parent = ctx.orgs.parent(&approving).ok_or_else(|| {
                Error::input(
                    "NO_SUPERIOR_ORG",
                    "action",
                    format!("{approving} 没有上级党组织可报"),
                    format!("{approving} has no superior organization to report to"),
                )
            })?;
            next.approval_org = Some(parent.to_owned());
            Status::Reviewed
        }
        Action::Approve { .. } => {
            let approving = item.approving_org().to_owned();
            require_role(ctx, actor, &approving, &[Role::Approver])?;
            let rules = workflow_rules(policy, china_date(&at))?;
            if rules.separation_of_duties && item.proposer() == Some(actor) {
                return Err(Error::input(
                    "SEPARATION_OF_DUTIES",
                    "actor",
                    "提出人不得审批本人提出的事项",
                    "the person who proposed the item may not approve it",
                ));
            }
            check_authority(ctx, &rules, item, &approving)?;
            Status::Approved
        }
        Action::Publish { .. } => {
            require_role(ctx, actor, &org, &[Role::Proposer, Role::Approver])?;
            push_version(&mut next, actor, at, None);
            next.published_at = Some(at);
            Status::Published
        }
        Action::Correct {
            title,
            body,
            comment,
            ..
        } => {
            require_role(ctx, actor, &org, &[Role::Approver])?;
            require_comment(comment)?;
            if let Some(t) = title {
                check_text(t, "title")?;
                next.title.clone_from(t);
            }
            next.body.clone_from(body);
            push_version(&mut next, actor, at, Some(comment.clone()));
            Status::Published
        }
        Action::Withdraw { comment, .. } => {
            require_role(ctx, actor, &org, &[Role::Approver])?;
            require_comment(comment)?;
            next.withdrawal_reason = Some(comment.clone());
            // Dated, so the board can answer for any day: shown before it, not from it.
            next.withdrawn_at = Some(at);
            Status::Withdrawn
        }
        Action::Archive { .. } => {
            require_role(ctx, actor, &org, &[Role::Proposer, Role::Approver])?;
            Status::Archived
        }
    };
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

/// The authority rule of 第十五条: an organization approves within its own range; society and whole-Party
/// disclosure only at the levels the policy names.
fn check_authority(
    ctx: &Context,
    rules: &WorkflowRules,
    item: &DisclosureItem,
    approving: &str,
) -> Result<()> {
    let kind = ctx.orgs.require(approving, "approval_org")?.kind;
    let within = match &item.scope {
        Scope::ToSociety => rules.society_approvers.contains(&kind),
        Scope::WholeParty => rules.whole_party_approvers.contains(&kind),
        scoped => scoped
            .orgs()
            .iter()
            .all(|o| ctx.orgs.is_within(o, approving)),
    };
    if within {
        return Ok(());
    }
    let (zh, en) = match ctx.orgs.parent(approving) {
        Some(p) => (
            format!("超出 {approving} 的审批权限，应报上级党组织 {p} 审批"),
            format!("beyond the authority of {approving}: escalate to {p}"),
        ),
        None => (
            format!("超出 {approving} 的审批权限，且无上级党组织"),
            format!("beyond the authority of {approving}, which has no superior"),
        ),
    };
    Err(Error::input("ESCALATION_REQUIRED", "action", zh, en))
}

fn workflow_rules(policy: &Policy, on: NaiveDate) -> Result<WorkflowRules> {
    Ok(
        in_force(&policy.disclosure.workflow, on, "disclosure.workflow")?
            .value
            .clone(),
    )
}

fn reset_review(item: &mut DisclosureItem) {
    item.confidentiality_passed = None;
    item.review_extended = false;
    item.approval_org = None;
}

fn push_version(item: &mut DisclosureItem, actor: &str, at: Timestamp, reason: Option<String>) {
    let number = item.version().saturating_add(1);
    item.versions.push(Version {
        number,
        title: item.title.clone(),
        body: item.body.clone(),
        at,
        actor: actor.to_owned(),
        reason,
    });
}

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

fn require_role(ctx: &Context, actor: &str, org: &str, roles: &[Role]) -> Result<()> {
    if roles.iter().any(|r| ctx.has_role(actor, org, *r)) {
        Ok(())
    } else {
        Err(role_required(actor, org, roles))
    }
}

fn role_required(actor: &str, org: &str, roles: &[Role]) -> Error {
    let names: Vec<String> = roles.iter().map(|r| format!("{r:?}")).collect();
    Error::input(
        "ROLE_REQUIRED",
        "actor",
        format!("{actor} 在 {org} 没有所需的职责（{}）", names.join("/")),
        format!(
            "{actor} holds none of the roles {} at {org}",
            names.join("/")
        ),
    )
}

fn require_comment(comment: &str) -> Result<()> {
    check_text(comment, "comment").map_err(|_| {
        Error::input(
            "COMMENT_REQUIRED",
            "comment",
            "须写明理由",
            "a reason is required",
        )
    })
}

fn secret_content() -> Error {
    Error::input(
        "SECRET_CONTENT",
        "action",
        format!(
            "保密审查未通过：涉及党和国家秘密的不得公开（{}）",
            article("第十五条")
        ),
        "the confidentiality review failed: Party and state secrets are not disclosed",
    )
}

/// The Chinese name of a status, for messages.
pub(crate) fn status_zh(s: Status) -> &'static str {
    match s {
        Status::Draft => "草稿",
        Status::Proposed => "已提出",
        Status::Reviewed => "已审核",
        Status::Approved => "已审批",
        Status::Published => "已公开",
        Status::Withdrawn => "已撤回",
        Status::Archived => "已归档",
    }
}
