//! The workflow's actions (条例 第十五条): what each carries, its code, and the statuses it may be taken
//! from. A leaf of the workflow: [`super::workflow`] applies them, the JSON layer and the audit read them.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use super::action_kind::ActionKind;
use super::item::{Channel, Scope, Status, Timestamp};

/// One workflow action, with its actor, time and comment (`{"action":"approve","actor":"A1","at":"…"}`).
///
/// Built in Rust without spelling every field: [`Action::new`] for any kind with the payload a UI starts from,
/// [`Action::with_comment`] for the reason, and [`Action::review`], [`Action::confidentiality_review`],
/// [`Action::correct`] for the actions whose payload is the decision itself.
///
/// ```
/// use dangjian::disclosure::{Action, ActionKind};
/// let at = "2026-03-03T10:00:00+08:00".parse().unwrap();
/// let reject = Action::new(ActionKind::Reject, "R1", at).with_comment("数据有误");
/// assert_eq!((reject.code(), reject.comment()), ("reject", "数据有误"));
/// ```
///
/// ```
/// let a: dangjian::disclosure::Action = serde_json::from_str(
///     r#"{"action":"review","actor":"R1","at":"2026-03-03T10:00:00+08:00","necessity":true,"accuracy":true}"#).unwrap();
/// assert_eq!(a.code(), "review");
/// assert_eq!(a.actor(), "R1");
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(rename = "DisclosureAction")
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", uniffi(name = "DisclosureAction"))]
#[non_exhaustive]
pub enum Action {
    /// Changes a draft (proposer).
    Edit {
        /// Who.
        actor: String,
        /// When.
        #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
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
        #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
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
        #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
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
        #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
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
        #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
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
        #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
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
        #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
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
        #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
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
        #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
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
        #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
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
        #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
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
        #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
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
        self.kind().code()
    }

    /// The action's kind, without its payload.
    ///
    /// ```
    /// use dangjian::disclosure::{Action, ActionKind};
    /// let a = Action::new(ActionKind::Publish, "P1", "2026-03-04T15:00:00+08:00".parse().unwrap());
    /// assert_eq!(a.kind(), ActionKind::Publish);
    /// ```
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::Edit { .. } => ActionKind::Edit,
            Action::Propose { .. } => ActionKind::Propose,
            Action::ConfidentialityReview { .. } => ActionKind::ConfidentialityReview,
            Action::ExtendReview { .. } => ActionKind::ExtendReview,
            Action::Review { .. } => ActionKind::Review,
            Action::Reject { .. } => ActionKind::Reject,
            Action::Escalate { .. } => ActionKind::Escalate,
            Action::Approve { .. } => ActionKind::Approve,
            Action::Publish { .. } => ActionKind::Publish,
            Action::Correct { .. } => ActionKind::Correct,
            Action::Withdraw { .. } => ActionKind::Withdraw,
            Action::Archive { .. } => ActionKind::Archive,
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

    /// The comment or reason replaced (a reason is required to reject, withdraw, correct and extend).
    ///
    /// ```
    /// use dangjian::disclosure::{Action, ActionKind};
    /// let a = Action::new(ActionKind::Withdraw, "A1", "2026-03-05T09:00:00+08:00".parse().unwrap());
    /// assert_eq!(a.with_comment("信息有误").comment(), "信息有误");
    /// ```
    #[must_use]
    pub fn with_comment(mut self, text: impl Into<String>) -> Self {
        *self.comment_mut() = text.into();
        self
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

    fn comment_mut(&mut self) -> &mut String {
        match self {
            Action::Edit { comment, .. }
            | Action::Propose { comment, .. }
            | Action::ConfidentialityReview { comment, .. }
            | Action::ExtendReview { comment, .. }
            | Action::Review { comment, .. }
            | Action::Reject { comment, .. }
            | Action::Escalate { comment, .. }
            | Action::Approve { comment, .. }
            | Action::Publish { comment, .. }
            | Action::Correct { comment, .. }
            | Action::Withdraw { comment, .. }
            | Action::Archive { comment, .. } => comment,
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

/// Rust constructors, so an action needs no `comment: String::new()`.
impl Action {
    /// An action of `kind` by `actor` at `at`, with an empty comment and the payload a UI starts from: an edit
    /// that changes nothing, a passed confidentiality review, a review confirming necessity and accuracy, a
    /// correction to an empty body (give the body with [`Action::correct`]).
    ///
    /// ```
    /// use dangjian::disclosure::{Action, ActionKind};
    /// let at = "2026-03-02T10:00:00+08:00".parse().unwrap();
    /// let a = Action::new(ActionKind::Propose, "P1", at);
    /// assert_eq!((a.code(), a.actor(), a.comment()), ("propose", "P1", ""));
    /// ```
    pub fn new(kind: ActionKind, actor: impl Into<String>, at: Timestamp) -> Self {
        let (actor, comment) = (actor.into(), String::new());
        match kind {
            ActionKind::Edit => Action::Edit {
                actor,
                at,
                title: None,
                body: None,
                scope: None,
                channels: None,
                planned_on: None,
                comment,
            },
            ActionKind::Propose => Action::Propose { actor, at, comment },
            ActionKind::ConfidentialityReview => Action::confidentiality_review(actor, at, true),
            ActionKind::ExtendReview => Action::ExtendReview { actor, at, comment },
            ActionKind::Review => Action::review(actor, at, true, true),
            ActionKind::Reject => Action::Reject { actor, at, comment },
            ActionKind::Escalate => Action::Escalate { actor, at, comment },
            ActionKind::Approve => Action::Approve { actor, at, comment },
            ActionKind::Publish => Action::Publish { actor, at, comment },
            ActionKind::Correct => Action::correct(actor, at, String::new(), String::new()),
            ActionKind::Withdraw => Action::Withdraw { actor, at, comment },
            ActionKind::Archive => Action::Archive { actor, at, comment },
        }
    }

    /// 保密审查 with its outcome: `passed` when the content holds no Party or state secret.
    ///
    /// ```
    /// let a = dangjian::disclosure::Action::confidentiality_review("S1", "2026-03-03T09:00:00+08:00".parse().unwrap(), false);
    /// assert!(matches!(a, dangjian::disclosure::Action::ConfidentialityReview { passed: false, .. }));
    /// ```
    pub fn confidentiality_review(actor: impl Into<String>, at: Timestamp, passed: bool) -> Self {
        let (actor, comment) = (actor.into(), String::new());
        Action::ConfidentialityReview {
            actor,
            at,
            passed,
            comment,
        }
    }

    /// 审核 with its two findings (both must hold for the review to pass; otherwise reject).
    ///
    /// ```
    /// let a = dangjian::disclosure::Action::review("R1", "2026-03-03T10:00:00+08:00".parse().unwrap(), true, false);
    /// assert!(matches!(a, dangjian::disclosure::Action::Review { necessity: true, accuracy: false, .. }));
    /// ```
    pub fn review(
        actor: impl Into<String>,
        at: Timestamp,
        necessity: bool,
        accuracy: bool,
    ) -> Self {
        let (actor, comment) = (actor.into(), String::new());
        Action::Review {
            actor,
            at,
            necessity,
            accuracy,
            comment,
        }
    }

    /// A correction: the new body and the reason (required); the title stays unless set on the variant.
    ///
    /// ```
    /// let a = dangjian::disclosure::Action::correct("A1", "2026-03-05T09:00:00+08:00".parse().unwrap(), "新正文", "金额更正");
    /// assert_eq!((a.code(), a.comment()), ("correct", "金额更正"));
    /// ```
    pub fn correct(
        actor: impl Into<String>,
        at: Timestamp,
        body: impl Into<String>,
        reason: impl Into<String>,
    ) -> Self {
        Action::Correct {
            actor: actor.into(),
            at,
            title: None,
            body: body.into(),
            comment: reason.into(),
        }
    }
}
