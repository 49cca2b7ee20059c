//! What each workflow action does to an item once it is legal and in time (条例 第十五条): the role it
//! needs, its own checks (保密审查 before review, the approving organization's authority, separation of
//! duties) and the fields it changes. [`super::workflow::apply`] calls [`step`] and records the transition.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;

use super::action::Action;
use super::article;
use super::context::{DisclosureContext, Role};
use super::item::{check_text, Channel, DisclosureItem, Scope, Status, Timestamp, Version};
use super::params::WorkflowRules;
use crate::china_time::china_date;
use crate::policy::in_force;
use crate::{Error, Policy, Result};

/// Applies `action` to `next` (a copy of `item`) and returns the status it brings the item to.
pub(crate) fn step(
    policy: &Policy,
    ctx: &DisclosureContext,
    item: &DisclosureItem,
    action: &Action,
    next: &mut DisclosureItem,
) -> Result<Status> {
    let (actor, at, org) = (action.actor(), action.at(), item.org.as_str());
    match action {
        Action::Edit {
            title,
            body,
            scope,
            channels,
            planned_on,
            ..
        } => {
            require_role(ctx, actor, org, &[Role::Proposer])?;
            let change = Edit {
                title,
                body,
                scope,
                channels,
                planned_on: *planned_on,
            };
            edit(ctx, next, change)
        }
        Action::Propose { .. } => {
            require_role(ctx, actor, org, &[Role::Proposer])?;
            reset_review(next);
            Ok(Status::Proposed)
        }
        Action::ConfidentialityReview { passed, .. } => {
            confidentiality_review(ctx, item, actor, *passed, next)
        }
        Action::ExtendReview { comment, .. } => extend_review(ctx, item, actor, comment, next),
        Action::Review {
            necessity,
            accuracy,
            ..
        } => review(ctx, item, actor, *necessity, *accuracy),
        Action::Reject { comment, .. } => reject(ctx, item, actor, comment, next),
        Action::Escalate { .. } => escalate(ctx, item, actor, next),
        Action::Approve { .. } => approve(policy, ctx, item, actor, at),
        Action::Publish { .. } => {
            require_role(ctx, actor, org, &[Role::Proposer, Role::Approver])?;
            push_version(next, actor, at, None);
            next.published_at = Some(at);
            Ok(Status::Published)
        }
        Action::Correct {
            title,
            body,
            comment,
            ..
        } => correct(ctx, actor, at, (title.as_deref(), body, comment), next),
        Action::Withdraw { comment, .. } => {
            require_role(ctx, actor, org, &[Role::Approver])?;
            require_comment(comment)?;
            next.withdrawal_reason = Some(comment.clone());
            // Dated, so the board can answer for any day: shown before it, not from it.
            next.withdrawn_at = Some(at);
            Ok(Status::Withdrawn)
        }
        Action::Archive { .. } => {
            require_role(ctx, actor, org, &[Role::Proposer, Role::Approver])?;
            Ok(Status::Archived)
        }
    }
}

/// The changes an edit carries (each optional).
struct Edit<'a> {
    title: &'a Option<String>,
    body: &'a Option<String>,
    scope: &'a Option<Scope>,
    channels: &'a Option<Vec<Channel>>,
    planned_on: Option<NaiveDate>,
}

/// A draft changed by its proposer; the scope must name known organizations.
fn edit(ctx: &DisclosureContext, next: &mut DisclosureItem, e: Edit<'_>) -> Result<Status> {
    if let Some(t) = e.title {
        check_text(t, "title")?;
        next.title.clone_from(t);
    }
    if let Some(b) = e.body {
        next.body.clone_from(b);
    }
    if let Some(s) = e.scope {
        s.check(&ctx.orgs, "scope")?;
        next.scope = s.clone();
    }
    if let Some(c) = e.channels {
        next.channels.clone_from(c);
    }
    if e.planned_on.is_some() {
        next.planned_on = e.planned_on;
    }
    Ok(Status::Draft)
}

/// 保密审查: once per proposal (`ALREADY_REVIEWED`).
fn confidentiality_review(
    ctx: &DisclosureContext,
    item: &DisclosureItem,
    actor: &str,
    passed: bool,
    next: &mut DisclosureItem,
) -> Result<Status> {
    require_role(ctx, actor, &item.org, &[Role::ConfidentialityReviewer])?;
    if item.confidentiality_passed.is_some() {
        return Err(Error::input(
            "ALREADY_REVIEWED",
            "action",
            "本次提出已完成保密审查；如需修改请退回",
            "this proposal's confidentiality review is done; reject it to change anything",
        ));
    }
    next.confidentiality_passed = Some(passed);
    Ok(Status::Proposed)
}

/// The review's time limit extended once, with a reason (`ALREADY_EXTENDED`).
fn extend_review(
    ctx: &DisclosureContext,
    item: &DisclosureItem,
    actor: &str,
    comment: &str,
    next: &mut DisclosureItem,
) -> Result<Status> {
    require_role(ctx, actor, &item.org, &[Role::Reviewer])?;
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
    Ok(Status::Proposed)
}

/// 审核: after a passed confidentiality review, necessity and accuracy both confirmed.
fn review(
    ctx: &DisclosureContext,
    item: &DisclosureItem,
    actor: &str,
    necessity: bool,
    accuracy: bool,
) -> Result<Status> {
    require_role(ctx, actor, &item.org, &[Role::Reviewer])?;
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
    if !(necessity && accuracy) {
        return Err(Error::input(
            "REVIEW_CRITERIA_NOT_MET",
            if necessity { "accuracy" } else { "necessity" },
            "必要性或准确性未通过审核，应退回",
            "necessity or accuracy not confirmed: reject the proposal instead",
        ));
    }
    Ok(Status::Reviewed)
}

/// Back to draft, with a reason: by a reviewer at the organization or an approver at the approving one.
fn reject(
    ctx: &DisclosureContext,
    item: &DisclosureItem,
    actor: &str,
    comment: &str,
    next: &mut DisclosureItem,
) -> Result<Status> {
    require_comment(comment)?;
    let org = item.org.as_str();
    let reviewer = [
        Role::Reviewer,
        Role::ConfidentialityReviewer,
        Role::Approver,
    ];
    let ok_here = reviewer.iter().any(|r| ctx.has_role(actor, org, *r));
    if !ok_here && !ctx.has_role(actor, item.approving_org(), Role::Approver) {
        return Err(role_required(actor, org, &reviewer));
    }
    reset_review(next);
    Ok(Status::Draft)
}

/// Reported to the superior organization, which approves from then on (`NO_SUPERIOR_ORG` at the top).
fn escalate(
    ctx: &DisclosureContext,
    item: &DisclosureItem,
    actor: &str,
    next: &mut DisclosureItem,
) -> Result<Status> {
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
    Ok(Status::Reviewed)
}

/// 审批: by an approver of the approving organization, not the proposer when the policy separates duties,
/// within that organization's authority.
fn approve(
    policy: &Policy,
    ctx: &DisclosureContext,
    item: &DisclosureItem,
    actor: &str,
    at: Timestamp,
) -> Result<Status> {
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
    Ok(Status::Approved)
}

/// A published item corrected by an approver, with a reason: a new version.
fn correct(
    ctx: &DisclosureContext,
    actor: &str,
    at: Timestamp,
    (title, body, comment): (Option<&str>, &str, &str),
    next: &mut DisclosureItem,
) -> Result<Status> {
    let org = next.org.clone();
    require_role(ctx, actor, &org, &[Role::Approver])?;
    require_comment(comment)?;
    if let Some(t) = title {
        check_text(t, "title")?;
        next.title = t.to_owned();
    }
    next.body = body.to_owned();
    push_version(next, actor, at, Some(comment.to_owned()));
    Ok(Status::Published)
}

/// The authority rule of 第十五条: an organization approves within its own range; society and whole-Party
/// disclosure only at the levels the policy names.
fn check_authority(
    ctx: &DisclosureContext,
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

pub(crate) fn require_role(
    ctx: &DisclosureContext,
    actor: &str,
    org: &str,
    roles: &[Role],
) -> Result<()> {
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
