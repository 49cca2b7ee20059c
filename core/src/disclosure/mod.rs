//! Party-affairs disclosure (党务公开), RULES §6, after 《中国共产党党务公开条例（试行）》(2017, "the 条例").
//!
//! - Scope (第二条): within the Party — the whole Party or a defined range of organizations and members — or to
//!   society: [`Scope`], and [`visible`] / [`filter_visible`] for who sees what on a day; [`board()`](fn@board) for the
//!   board as it stood on a day (the version in force with its correction note, withdrawals from their day).
//! - Catalogue (第十四条): the [`DisclosureCategory`] of each item; periodic entries with due days, [`catalogue_status`].
//! - Procedure (第十五条): 提出 → 审核 (with 保密审查; Party and state secrets are not disclosed) → 审批 (within
//!   the organization's authority, otherwise reported to the superior organization) → 实施: [`create`], [`apply`]
//!   with an [`Action`], roles per organization in a [`DisclosureContext`].
//! - Time limits (the 条例 fixes none; local practice, UNCONFIRMED, in policy `disclosure.time_limits`):
//!   [`item_deadlines`]; public notices (公示) of N working days with objections: [`evaluate_notice`].
//! - Personal data masked in published text, however it is written: [`scan`], [`published_text`],
//!   [`redaction_preview`]; landline numbers and e-mail addresses as policy options ([`ScanOptions`]).
//! - Every action chained into a tamper-evident [`AuditLog`] (SHA-256), with checkpoints signed by the
//!   organization's SM2 key (GM/T 0003 with SM3): integrity without the key, authenticity with it.
//! - The annual dues disclosure from a [`crate::dues::BranchSummary`]: [`dues_disclosure`].
//!
//! Times of actions are RFC 3339 instants with their offset ([`Timestamp`]); working-day limits use the local
//! date of that offset on the official [`crate::Calendar`]. JSON entry points for bindings are in `json`.
//!
//! ```
//! use dangjian::disclosure::{apply, create, Action, DisclosureContext, NewItem, Status};
//! use dangjian::Policy;
//! let ctx = DisclosureContext::from_json(r#"{"orgs":[{"id":"C1","kind":"committee"},{"id":"B1","parent":"C1","kind":"branch"}],
//!   "roles":[{"person":"P1","org":"B1","role":"proposer"},{"person":"S1","org":"B1","role":"confidentiality_reviewer"},
//!            {"person":"R1","org":"B1","role":"reviewer"},{"person":"A1","org":"B1","role":"approver"}]}"#).unwrap();
//! let new: NewItem = serde_json::from_str(r#"{"id":"D1","org":"B1","title":"支部委员会换届结果","body":"…",
//!   "category":"organization","scope":{"kind":"members","org":"B1"}}"#).unwrap();
//! let mut item = create(&ctx, new, "P1", "2026-03-02T09:00:00+08:00".parse().unwrap()).unwrap().item;
//! for a in [
//!     r#"{"action":"propose","actor":"P1","at":"2026-03-02T10:00:00+08:00"}"#,
//!     r#"{"action":"confidentiality_review","actor":"S1","at":"2026-03-03T09:00:00+08:00","passed":true}"#,
//!     r#"{"action":"review","actor":"R1","at":"2026-03-03T10:00:00+08:00","necessity":true,"accuracy":true}"#,
//!     r#"{"action":"approve","actor":"A1","at":"2026-03-04T09:00:00+08:00"}"#,
//!     r#"{"action":"publish","actor":"P1","at":"2026-03-04T15:00:00+08:00"}"#,
//! ] {
//!     let action: Action = serde_json::from_str(a).unwrap();
//!     item = apply(&Policy::bundled(), &ctx, &item, &action).unwrap().item;
//! }
//! assert_eq!((item.status, item.version()), (Status::Published, 1));
//! ```

mod action;
mod action_kind;
mod audit;
mod board;
pub(crate) mod bundled;
mod context;
mod deadlines;
mod dues_report;
mod item;
mod item_meta;
mod item_on;
mod json;
mod notice;
mod org;
mod params;
mod pii;
pub(crate) mod redact;
mod visibility;
mod workflow;
mod workflow_steps;

pub use audit::{
    append_at_head, append_event_json, apply_at_head, apply_head_json, apply_to_log_json,
    audit_append_head_json, audit_append_json, audit_head_json, sign_audit_json,
    verify_audit_jsonl, verify_audit_signed_json, verify_lines, Appended, AuditEntry, AuditEvent,
    AuditHead, AuditLine, AuditLog, AuditSigningKey, AuditVerifyingKey, ChainVerifier, Checkpoint,
    Verification, AUDIT_SCHEMA_VERSION, CHECKPOINT_ALGORITHM, GENESIS_HASH,
};
pub use board::{board, BoardEntry, Correction, WithdrawalRecord};
pub use context::{DisclosureContext, Role, RoleAssignment};
pub use deadlines::{
    catalogue_status, item_deadlines, Catalogue, Deadline, DueStatus, PeriodicDue,
};
pub use dues_report::{dues_disclosure, DuesUse};
pub use item::{
    Attachment, CatalogueRef, Channel, DisclosureCategory, DisclosureItem, NewItem, Scope,
    ScopeKind, Status, Timestamp, Transition, Version, ITEM_SCHEMA_VERSION,
};
pub use json::{
    allowed_actions_json, apply_json, board_json, catalogue_status_json, create_json,
    dues_disclosure_json, evaluate_notice_json, filter_visible_json, item_deadlines_json,
    parse_time, redaction_preview_json, verify_audit_json, visible_json, AppliedToLog,
};
pub use notice::{
    earliest_close, evaluate_notice, NoticeReport, NoticeResult, Objection, ObjectionDecision,
    PublicNotice,
};
pub use org::{Org, OrgKind, OrgTree};
pub use params::{
    AuditViewer, CatalogueEntry, DisclosurePolicy, Frequency, RedactionRules, TimeLimits,
    WithdrawalRules, WorkflowRules,
};
pub use pii::ScanOptions;
pub use redact::{
    mask, mask_with, published_text, redaction_preview, scan, scan_with, PersonalKind,
    RedactionPreview, Sensitive,
};
pub use visibility::{filter_visible, visible, MemberStatus, Membership, Post, Viewer};
pub use workflow::{allowed_actions, apply, create, Action, ActionKind, Applied};

/// The old name of [`DisclosureCategory`]; it clashed with `dues::Category` on a glob import.
#[deprecated(note = "renamed DisclosureCategory (dues::Category has the same name)")]
pub type Category = DisclosureCategory;

/// The old name of [`DisclosureContext`]; it clashed with `membership::Context` on a glob import.
#[deprecated(note = "renamed DisclosureContext (membership::Context has the same name)")]
pub type Context = DisclosureContext;

use crate::Citation;

/// 《中国共产党党务公开条例（试行）》.
pub const REGULATION: &str = "中国共产党党务公开条例（试行）";

/// A citation of an article of the 条例.
pub(crate) fn article(article: &'static str) -> Citation {
    Citation::new(REGULATION, article)
}

/// A citation of local practice (the 条例 fixes no day counts).
pub(crate) fn local_practice(what: &'static str) -> Citation {
    Citation::new("地方党务公开实施办法（通行做法）", what)
}

#[cfg(test)]
mod tests;
