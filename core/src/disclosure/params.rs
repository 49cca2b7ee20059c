//! The disclosure parameters: each a timeline of dated values with its article or, where the 条例 fixes no
//! number (it fixes no day counts at all), the local practice it follows, marked UNCONFIRMED in its note.
#![deny(clippy::arithmetic_side_effects)]

use serde::{Deserialize, Serialize};

use super::item::{DisclosureCategory, ScopeKind};
use super::org::OrgKind;
use crate::dated::{check_timeline, overlay, Dated};
use crate::{Error, Result};

/// Time limits, in working days on the official calendar.
///
/// ```
/// let t: dangjian::disclosure::TimeLimits = serde_json::from_str(
///     r#"{"review_working_days":3,"review_extended_working_days":10,"notice_min_working_days":5}"#).unwrap();
/// assert_eq!(t.notice_min_working_days, 5);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeLimits {
    /// A proposal is reviewed within this many working days after the day it was proposed.
    pub review_working_days: u32,
    /// … or within this many when the reviewer extended the limit.
    pub review_extended_working_days: u32,
    /// A public notice (公示) lasts at least this many working days, its first day included.
    pub notice_min_working_days: u32,
}

/// Who may approve what, and the separation of duties.
///
/// An organization approves within its authority (条例 第十五条): scoped items naming only itself or its
/// descendants; items to the whole Party or to society only when its kind is listed here. Beyond that the
/// item is reported to the superior organization (`ESCALATION_REQUIRED`).
///
/// ```
/// let w: dangjian::disclosure::WorkflowRules = serde_json::from_str(
///     r#"{"separation_of_duties":true,"society_approvers":["committee"],"whole_party_approvers":["committee"]}"#).unwrap();
/// assert!(w.separation_of_duties);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkflowRules {
    /// Whether the person who proposed an item may not approve it.
    pub separation_of_duties: bool,
    /// Organization kinds that may approve disclosure to society.
    pub society_approvers: Vec<OrgKind>,
    /// Organization kinds that may approve disclosure to the whole Party.
    pub whole_party_approvers: Vec<OrgKind>,
}

/// Which personal data may stay unmasked, by scope.
///
/// ```
/// let r: dangjian::disclosure::RedactionRules = serde_json::from_str(r#"{"unmasked_scopes":["members"]}"#).unwrap();
/// assert_eq!(r.unmasked_scopes.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedactionRules {
    /// Scopes in which identity numbers, mobile numbers and bank cards are published unmasked
    /// (never `to_society`: validation rejects it).
    pub unmasked_scopes: Vec<ScopeKind>,
    /// Whether landline numbers are masked too. Off by default: a 公示 publishes the organization's own
    /// contact number for objections.
    #[serde(default, skip_serializing_if = "is_false")]
    pub mask_landlines: bool,
    /// Whether e-mail addresses are masked too. Off by default: a 公示 publishes the organization's mailbox.
    #[serde(default, skip_serializing_if = "is_false")]
    pub mask_emails: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Who, besides nobody, still sees a withdrawn item on the board: the withdrawal is recorded for audit, and
/// the organizations that supervise disclosure work (条例 第四章 监督与追责: the superior organizations check
/// it) may read what was withdrawn, when and why. The public and the members never see it after the day.
///
/// ```
/// use dangjian::disclosure::{AuditViewer, WithdrawalRules};
/// let w: WithdrawalRules = serde_json::from_str(r#"{"shown_to":["officers"]}"#).unwrap();
/// assert_eq!(w.shown_to, vec![AuditViewer::Officers]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WithdrawalRules {
    /// Who sees the withdrawal record (empty: nobody).
    pub shown_to: Vec<AuditViewer>,
}

/// Who may read a withdrawal record on the board.
///
/// ```
/// use dangjian::disclosure::AuditViewer;
/// assert_eq!(serde_json::to_string(&AuditViewer::Participants).unwrap(), "\"participants\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AuditViewer {
    /// Officers (书记, 委员) on the day of the item's organization or of any organization above it.
    Officers,
    /// The workflow participants (any role) of the item's organization or of the one it was escalated to.
    Participants,
}

/// How often a catalogue entry falls due.
///
/// ```
/// use dangjian::disclosure::Frequency;
/// assert_eq!(serde_json::to_string(&Frequency::Quarterly).unwrap(), "\"quarterly\"");
/// ```
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Frequency {
    /// Once a calendar year (period label `2025`).
    Annual,
    /// Once a quarter (period label `2026-Q1`).
    Quarterly,
    /// Once a month (period label `2026-03`).
    Monthly,
}

/// One periodic entry of a disclosure catalogue (条例 第十四条 党务公开目录).
///
/// ```
/// let e: dangjian::disclosure::CatalogueEntry = serde_json::from_str(r#"{"code":"dues_annual","title":"党费收缴使用情况",
///   "category":"organization","scope":"members","frequency":"annual","due_working_days":20}"#).unwrap();
/// assert_eq!(e.due_working_days, 20);
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueEntry {
    /// Stable code (`dues_annual`, `activity_quarterly`).
    pub code: String,
    /// Title.
    pub title: String,
    /// DisclosureCategory.
    pub category: DisclosureCategory,
    /// The usual scope: `members` means the catalogue's own organization's members, `organizations` its
    /// members and those of its descendants.
    pub scope: ScopeKind,
    /// How often.
    pub frequency: Frequency,
    /// Due this many working days after the period ends.
    pub due_working_days: u32,
}

/// The `disclosure` section of [`crate::Policy`].
///
/// ```
/// let p = dangjian::Policy::bundled();
/// assert_eq!(p.disclosure.time_limits[0].value.review_working_days, 3);
/// assert!(p.disclosure.time_limits[0].note.as_deref().unwrap().starts_with("UNCONFIRMED"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisclosurePolicy {
    /// Review and notice time limits.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub time_limits: Vec<Dated<TimeLimits>>,
    /// Approval authority and separation of duties.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub workflow: Vec<Dated<WorkflowRules>>,
    /// Masking of personal data in published text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub redaction: Vec<Dated<RedactionRules>>,
    /// The periodic entries every organization's catalogue starts from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub catalogue: Vec<Dated<Vec<CatalogueEntry>>>,
    /// Who sees a withdrawn item's record on the board.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub withdrawal: Vec<Dated<WithdrawalRules>>,
}

impl DisclosurePolicy {
    /// Checks every timeline; paths are relative to the section (`time_limits[0].value.notice_min_working_days`).
    ///
    /// ```
    /// let mut p = dangjian::Policy::bundled().disclosure;
    /// p.time_limits[0].value.notice_min_working_days = 0;
    /// let e = p.validate().unwrap_err();
    /// assert_eq!((e.code(), e.detail().field.as_str()), ("OUT_OF_RANGE", "time_limits[0].value.notice_min_working_days"));
    /// ```
    pub fn validate(&self) -> Result<()> {
        check_timeline(&self.time_limits, "time_limits", |t| {
            in_range(t.review_working_days, "review_working_days")?;
            in_range(t.notice_min_working_days, "notice_min_working_days")?;
            in_range(
                t.review_extended_working_days,
                "review_extended_working_days",
            )?;
            if t.review_extended_working_days < t.review_working_days {
                return Err(Error::policy(
                    "EXTENSION_SHORTER",
                    "review_extended_working_days",
                    "延长后的期限短于原期限",
                    "the extended limit is shorter than the ordinary one",
                ));
            }
            Ok(())
        })?;
        check_timeline(&self.workflow, "workflow", |_| Ok(()))?;
        check_timeline(&self.redaction, "redaction", |r| {
            match r
                .unmasked_scopes
                .iter()
                .position(|s| *s == ScopeKind::ToSociety)
            {
                Some(i) => Err(Error::policy(
                    "SOCIETY_UNMASKED",
                    format!("unmasked_scopes[{i}]"),
                    "向社会公开的内容必须遮蔽个人信息",
                    "personal data must be masked in what is disclosed to society",
                )),
                None => Ok(()),
            }
        })?;
        check_timeline(&self.withdrawal, "withdrawal", |_| Ok(()))?;
        check_timeline(&self.catalogue, "catalogue", |entries| {
            for (i, e) in entries.iter().enumerate() {
                let here = format!("[{i}]");
                if e.code.trim().is_empty() {
                    return Err(Error::policy(
                        "EMPTY_TEXT",
                        format!("{here}.code"),
                        "不能为空",
                        "must not be empty",
                    ));
                }
                if entries.iter().take(i).any(|o| o.code == e.code) {
                    return Err(Error::policy(
                        "DUPLICATE_CODE",
                        format!("{here}.code"),
                        format!("目录条目编码重复：{}", e.code),
                        format!("catalogue code {} is listed twice", e.code),
                    ));
                }
                in_range(e.due_working_days, "due_working_days").map_err(|x| x.under(&here))?;
            }
            Ok(())
        })
    }

    pub(crate) fn overlay(&mut self, other: DisclosurePolicy) {
        fn each<T: Clone>(into: &mut Vec<Dated<T>>, from: Vec<Dated<T>>) {
            for entry in from {
                overlay(into, entry);
            }
        }
        each(&mut self.time_limits, other.time_limits);
        each(&mut self.workflow, other.workflow);
        each(&mut self.redaction, other.redaction);
        each(&mut self.catalogue, other.catalogue);
        each(&mut self.withdrawal, other.withdrawal);
    }
}

/// Working-day counts are between 1 and 250 (a working year): 0 would make a limit meaningless and a
/// larger number is surely a typing error.
fn in_range(n: u32, field: &str) -> Result<()> {
    if (1..=250).contains(&n) {
        Ok(())
    } else {
        Err(Error::policy(
            "OUT_OF_RANGE",
            field,
            format!("工作日数应在 1–250 之间：{n}"),
            format!("a working-day count is between 1 and 250: {n}"),
        ))
    }
}
