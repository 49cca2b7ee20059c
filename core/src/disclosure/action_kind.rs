//! The workflow's action kinds (条例 第十五条) without their payloads: what a workflow UI lists
//! ([`super::allowed_actions`]) and what [`super::Action::new`] builds from. A leaf: the actions name their kinds here.
#![deny(clippy::arithmetic_side_effects)]

use serde::{Deserialize, Serialize};

/// The kind of a workflow action, as its code (`"propose"`, `"confidentiality_review"`, …).
///
/// ```
/// use dangjian::disclosure::ActionKind;
/// assert_eq!(serde_json::to_string(&ActionKind::ExtendReview).unwrap(), "\"extend_review\"");
/// assert_eq!(ActionKind::ALL.len(), 12);
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(rename = "DisclosureActionKind")
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", uniffi(name = "DisclosureActionKind"))]
#[non_exhaustive]
pub enum ActionKind {
    /// [`super::Action::Edit`].
    Edit,
    /// [`super::Action::Propose`] (提出).
    Propose,
    /// [`super::Action::ConfidentialityReview`] (保密审查).
    ConfidentialityReview,
    /// [`super::Action::ExtendReview`].
    ExtendReview,
    /// [`super::Action::Review`] (审核).
    Review,
    /// [`super::Action::Reject`].
    Reject,
    /// [`super::Action::Escalate`] (报上级审批).
    Escalate,
    /// [`super::Action::Approve`] (审批).
    Approve,
    /// [`super::Action::Publish`] (实施).
    Publish,
    /// [`super::Action::Correct`].
    Correct,
    /// [`super::Action::Withdraw`].
    Withdraw,
    /// [`super::Action::Archive`].
    Archive,
}

impl ActionKind {
    /// Every kind, in the order of the procedure.
    pub const ALL: [ActionKind; 12] = [
        ActionKind::Edit,
        ActionKind::Propose,
        ActionKind::ConfidentialityReview,
        ActionKind::ExtendReview,
        ActionKind::Review,
        ActionKind::Reject,
        ActionKind::Escalate,
        ActionKind::Approve,
        ActionKind::Publish,
        ActionKind::Correct,
        ActionKind::Withdraw,
        ActionKind::Archive,
    ];

    /// The code recorded in the history and the audit log.
    ///
    /// ```
    /// assert_eq!(dangjian::disclosure::ActionKind::ConfidentialityReview.code(), "confidentiality_review");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            ActionKind::Edit => "edit",
            ActionKind::Propose => "propose",
            ActionKind::ConfidentialityReview => "confidentiality_review",
            ActionKind::ExtendReview => "extend_review",
            ActionKind::Review => "review",
            ActionKind::Reject => "reject",
            ActionKind::Escalate => "escalate",
            ActionKind::Approve => "approve",
            ActionKind::Publish => "publish",
            ActionKind::Correct => "correct",
            ActionKind::Withdraw => "withdraw",
            ActionKind::Archive => "archive",
        }
    }
}
