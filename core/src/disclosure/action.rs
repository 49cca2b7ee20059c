//! The workflow's actions (条例 第十五条): what each carries, its code, and the statuses it may be taken
//! from. A leaf of the workflow: [`super::workflow`] applies them, the JSON layer and the audit read them.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::item::{Channel, Scope, Status, Timestamp};

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

    /// The statuses the action may be taken from (条例 第十五条's order: propose → review → approve →
    /// publish; then correct, withdraw, archive).
    pub(crate) fn allowed_from(&self) -> &'static [Status] {
        match self {
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
        }
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
