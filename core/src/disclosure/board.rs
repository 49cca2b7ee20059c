//! The board as of a day (条例 第二条 scope, 第十五条 publication; RULES §6): what an item showed on DAY, not
//! what it shows now.
//!
//! An item keeps every published version with its time ([`super::Version`]) and its withdrawal with its time
//! ([`DisclosureItem::withdrawn_at`]), so any day can be answered:
//! - before its publication day an item is not on the board;
//! - from the publication day, the version in force — the last one published on or before DAY — and, once a
//!   correction is in force, a note saying which version corrected it, when and why;
//! - from the withdrawal day the public and the members no longer see it; the withdrawal stays on record for
//!   audit and is shown, with the text withdrawn, to the viewers the policy names (`disclosure.withdrawal`).
//!
//! A day is a China-time date (UTC+8), as everywhere in the disclosure engine; an event counts from its own
//! day on (published at 15:00 on 4 March: on the board on 4 March; withdrawn on 8 March: gone on 8 March).
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::context::DisclosureContext;
use super::item::{DisclosureItem, Status, Timestamp};
use super::item_on::Phase;
use super::params::{AuditViewer, WithdrawalRules};
use super::redact::published_text;
use super::visibility::{officer_over, visible, Viewer};
use crate::china_time::china_date;
use crate::policy::in_force;
use crate::{Citation, Policy, Result};

/// The note on a corrected item: which version is in force, when it was published and why.
///
/// ```
/// let c: dangjian::disclosure::Correction = serde_json::from_str(
///     r#"{"version":2,"at":"2026-03-09T09:00:00+08:00","on":"2026-03-09","reason":"更正"}"#).unwrap();
/// assert_eq!(c.version, 2);
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// The version in force (2 or more).
    pub version: u32,
    /// When it was published.
    #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
    pub at: Timestamp,
    /// Its day (China time).
    pub on: NaiveDate,
    /// Why the item was corrected.
    pub reason: String,
}

/// The withdrawal as recorded, shown only to the viewers the policy names.
///
/// ```
/// let w: dangjian::disclosure::WithdrawalRecord = serde_json::from_str(r#"{"at":"2026-03-08T10:00:00+08:00",
///   "on":"2026-03-08","reason":"另行通知","citation":{"regulation":"r","article":"a"}}"#).unwrap();
/// assert_eq!(w.reason, "另行通知");
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WithdrawalRecord {
    /// When it was withdrawn (absent for an older document that kept no date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
    pub at: Option<Timestamp>,
    /// Its day (China time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<NaiveDate>,
    /// Why.
    pub reason: String,
    /// The rule that shows the record to this viewer.
    pub citation: Citation,
}

/// One item as a viewer sees it on the board on a day.
///
/// ```
/// let e: dangjian::disclosure::BoardEntry = serde_json::from_str(r#"{"id":"D1","status":"published","version":1,
///   "title":"t","text":"b","published_at":"2026-03-04T15:00:00+08:00"}"#).unwrap();
/// assert!(e.corrected.is_none() && e.withdrawn.is_none());
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct BoardEntry {
    /// The item's id.
    pub id: String,
    /// Its status on the day (`published`, `archived`, `withdrawn`, or a workflow status for participants).
    #[cfg_attr(feature = "wasm", tsify(type = "DisclosureStatus"))]
    pub status: Status,
    /// The version in force on the day (0 when none was published).
    pub version: u32,
    /// The title in force.
    pub title: String,
    /// The text in force, as published (personal data masked per the policy); for a withdrawal record, the
    /// text that was withdrawn.
    pub text: String,
    /// When it was first published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
    pub published_at: Option<Timestamp>,
    /// The correction in force, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrected: Option<Correction>,
    /// The withdrawal, for the viewers the policy shows it to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<WithdrawalRecord>,
}

/// The board `viewer` sees on `on`: the items [`super::visible`] on that day, in the order given, each with
/// the version in force and its correction note, plus the withdrawal records the policy in force on `on`
/// shows this viewer (`disclosure.withdrawal`; by default the officers of the item's organization and of those
/// above it — 条例 第四章, UNCONFIRMED).
///
/// Errors: `NO_POLICY_IN_FORCE` when no redaction or withdrawal rule is in force on `on`.
///
/// ```
/// use dangjian::disclosure::{board, DisclosureContext, DisclosureItem, Viewer};
/// let ctx = DisclosureContext::from_json(r#"{"orgs":[{"id":"B1","kind":"branch"}]}"#).unwrap();
/// let item: DisclosureItem = serde_json::from_str(r#"{"schema_version":1,"id":"D1","org":"B1","title":"t",
///   "body":"新","category":"other","scope":{"kind":"to_society"},"created_by":"P1",
///   "created_at":"2026-03-02T09:00:00+08:00","status":"withdrawn","published_at":"2026-03-04T15:00:00+08:00",
///   "withdrawal_reason":"有误","withdrawn_at":"2026-03-10T09:00:00+08:00",
///   "versions":[{"number":1,"title":"t","body":"旧","at":"2026-03-04T15:00:00+08:00","actor":"P1"},
///               {"number":2,"title":"t","body":"新","at":"2026-03-09T09:00:00+08:00","actor":"A1","reason":"更正"}]}"#).unwrap();
/// let p = dangjian::Policy::bundled();
/// let on = |d: &str| d.parse().unwrap();
/// let public = Viewer::public();
/// assert!(board(&p, &ctx, &public, std::slice::from_ref(&item), on("2026-03-03")).unwrap().is_empty());
/// assert_eq!(board(&p, &ctx, &public, std::slice::from_ref(&item), on("2026-03-08")).unwrap()[0].text, "旧");
/// let b = board(&p, &ctx, &public, std::slice::from_ref(&item), on("2026-03-09")).unwrap();
/// assert_eq!((b[0].text.as_str(), b[0].corrected.as_ref().unwrap().reason.as_str()), ("新", "更正"));
/// assert!(board(&p, &ctx, &public, std::slice::from_ref(&item), on("2026-03-10")).unwrap().is_empty());
/// ```
pub fn board(
    policy: &Policy,
    ctx: &DisclosureContext,
    viewer: &Viewer,
    items: &[DisclosureItem],
    on: NaiveDate,
) -> Result<Vec<BoardEntry>> {
    let mut out = Vec::new();
    for item in items {
        if visible(ctx, viewer, item, on) {
            out.push(entry(policy, item, on)?);
        } else if item.phase_on(on) == Phase::Withdrawn {
            let rule = in_force(&policy.disclosure.withdrawal, on, "disclosure.withdrawal")?;
            if shown_to(&rule.value, ctx, viewer, item, on) {
                let mut e = entry(policy, item, on)?;
                e.status = Status::Withdrawn;
                let at = item.withdrawal().flatten();
                e.withdrawn = Some(WithdrawalRecord {
                    at,
                    on: at.map(|t| china_date(&t)),
                    reason: item.withdrawal_reason.clone().unwrap_or_default(),
                    citation: rule.citation.clone(),
                });
                out.push(e);
            }
        }
    }
    Ok(out)
}

/// The entry of an item shown on `on`: the version in force (the current content for an unpublished item
/// or an older document without versions) and its correction note.
fn entry(policy: &Policy, item: &DisclosureItem, on: NaiveDate) -> Result<BoardEntry> {
    let version = item.version_on(on);
    let published = item.published_at.filter(|at| china_date(at) <= on);
    let status = match (item.phase_on(on), published) {
        (Phase::Workflow, _) | (_, None) => item.status,
        _ => item.published_status_on(on),
    };
    Ok(BoardEntry {
        id: item.id.clone(),
        status,
        version: version.map_or(0, |v| v.number),
        title: version.map_or(&item.title, |v| &v.title).clone(),
        text: published_text(policy, item, on)?,
        published_at: published,
        corrected: version.filter(|v| v.number > 1).map(|v| Correction {
            version: v.number,
            at: v.at,
            on: china_date(&v.at),
            reason: v.reason.clone().unwrap_or_default(),
        }),
        withdrawn: None,
    })
}

/// Whether the policy shows `item`'s withdrawal record to `viewer` on `on`.
fn shown_to(
    rules: &WithdrawalRules,
    ctx: &DisclosureContext,
    viewer: &Viewer,
    item: &DisclosureItem,
    on: NaiveDate,
) -> bool {
    viewer.in_good_standing(on)
        && rules.shown_to.iter().any(|who| match who {
            AuditViewer::Officers => officer_over(ctx, viewer, &item.org, on),
            AuditViewer::Participants => viewer.person.as_deref().is_some_and(|p| {
                ctx.is_participant(p, &item.org) || ctx.is_participant(p, item.approving_org())
            }),
        })
}
