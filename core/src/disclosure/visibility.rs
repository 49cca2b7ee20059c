//! Who sees an item (条例 第二条: within the Party — the whole Party or a defined range — or to society).
//!
//! Every answer is as of the day asked (the item's dated events, see [`super::board`](fn@super::board)):
//! - Published items to society: everyone, from the day of publication.
//! - To the whole Party: members in good standing on the day.
//! - To listed organizations: their members (and their descendants' members when flagged), and the officers of
//!   those organizations and of their superior organizations; to one organization's members: likewise.
//! - Unpublished items (draft, proposed, reviewed, approved): only the workflow participants of the item's
//!   organization (and of the organization it was escalated to), from the day it was created.
//! - Withdrawn items: as published until the day before the withdrawal; from its day, nobody (they stay on
//!   record for audit; [`super::board`](fn@super::board) shows the record to the viewers the policy names).
//!
//! A suspended or removed member sees what the public sees: membership status on the day counts.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::context::DisclosureContext;
use super::item::{DisclosureItem, Scope};
use super::item_on::Phase;

/// A member's standing in one organization over a period.
///
/// ```
/// use dangjian::disclosure::MemberStatus;
/// assert!(MemberStatus::Probationary.in_good_standing());
/// assert!(!MemberStatus::Suspended.in_good_standing());
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MemberStatus {
    /// Full member (正式党员).
    Full,
    /// Probationary member (预备党员).
    Probationary,
    /// Rights suspended (停止党籍 or the like): sees what the public sees.
    Suspended,
    /// No longer a member.
    Removed,
}

impl MemberStatus {
    /// Whether the status gives a member's view.
    ///
    /// ```
    /// assert!(dangjian::disclosure::MemberStatus::Full.in_good_standing());
    /// ```
    pub fn in_good_standing(self) -> bool {
        matches!(self, MemberStatus::Full | MemberStatus::Probationary)
    }
}

/// A membership: organization, status and period (both days included; open-ended without `to`).
///
/// ```
/// let m: dangjian::disclosure::Membership = serde_json::from_str(r#"{"org":"B1","status":"full","from":"2020-07-01"}"#).unwrap();
/// assert!(m.covers("2026-03-01".parse().unwrap()));
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    /// The organization.
    pub org: String,
    /// The status during the period.
    pub status: MemberStatus,
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub to: Option<NaiveDate>,
}

impl Membership {
    /// Whether the period covers `on`.
    ///
    /// ```
    /// let m: dangjian::disclosure::Membership = serde_json::from_str(r#"{"org":"B1","status":"full","from":"2020-07-01","to":"2020-12-31"}"#).unwrap();
    /// assert!(!m.covers("2021-01-01".parse().unwrap()));
    /// ```
    pub fn covers(&self, on: NaiveDate) -> bool {
        self.from <= on && self.to.is_none_or(|to| on <= to)
    }
}

/// An officer's post (书记, 委员) in an organization over a period.
///
/// ```
/// let p: dangjian::disclosure::Post = serde_json::from_str(r#"{"org":"C1","from":"2024-01-01"}"#).unwrap();
/// assert!(p.to.is_none());
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Post {
    /// The organization.
    pub org: String,
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub to: Option<NaiveDate>,
}

/// Who is looking: the public (no person) or a person with memberships and posts.
///
/// ```
/// let v = dangjian::disclosure::Viewer::public();
/// assert!(v.person.is_none());
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Viewer {
    /// The person's id; `None` for the public.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub person: Option<String>,
    /// Memberships over time.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub memberships: Vec<Membership>,
    /// Officer posts over time.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub posts: Vec<Post>,
}

impl Viewer {
    /// The public: sees items disclosed to society.
    ///
    /// ```
    /// assert!(dangjian::disclosure::Viewer::public().memberships.is_empty());
    /// ```
    pub fn public() -> Self {
        Self::default()
    }

    /// Whether the viewer is a member in good standing on `on`: some membership covers the day and none
    /// covering it is suspended or removed.
    ///
    /// ```
    /// let v: dangjian::disclosure::Viewer = serde_json::from_str(r#"{"person":"M1","memberships":[
    ///   {"org":"B1","status":"full","from":"2020-01-01","to":"2025-12-31"},
    ///   {"org":"B1","status":"suspended","from":"2026-01-01"}]}"#).unwrap();
    /// assert!(v.in_good_standing("2025-06-01".parse().unwrap()));
    /// assert!(!v.in_good_standing("2026-06-01".parse().unwrap()));
    /// ```
    pub fn in_good_standing(&self, on: NaiveDate) -> bool {
        let mut covering = self.memberships.iter().filter(|m| m.covers(on)).peekable();
        covering.peek().is_some() && covering.all(|m| m.status.in_good_standing())
    }

    fn member_orgs(&self, on: NaiveDate) -> impl Iterator<Item = &str> {
        self.memberships
            .iter()
            .filter(move |m| m.covers(on))
            .map(|m| m.org.as_str())
    }

    fn officer_orgs(&self, on: NaiveDate) -> impl Iterator<Item = &str> {
        self.posts
            .iter()
            .filter(move |p| p.from <= on && p.to.is_none_or(|to| on <= to))
            .map(|p| p.org.as_str())
    }
}

/// Whether `viewer` may see `item` on `on` (rules in the module docs): as of that day — before publication
/// no, after a withdrawal no, in between as its scope says.
///
/// ```
/// use dangjian::disclosure::{visible, DisclosureContext, DisclosureItem, Viewer};
/// let ctx = DisclosureContext::from_json(r#"{"orgs":[{"id":"B1","kind":"branch"}]}"#).unwrap();
/// let item: DisclosureItem = serde_json::from_str(r#"{"schema_version":1,"id":"D1","org":"B1","title":"t","body":"b",
///   "category":"ideology","scope":{"kind":"to_society"},"created_by":"P1","created_at":"2026-03-02T09:00:00+08:00",
///   "status":"published","published_at":"2026-03-05T09:00:00+08:00"}"#).unwrap();
/// assert!(visible(&ctx, &Viewer::public(), &item, "2026-03-05".parse().unwrap()));
/// assert!(!visible(&ctx, &Viewer::public(), &item, "2026-03-04".parse().unwrap()));
/// // Published at 17:00 UTC on 4 March = 01:00 on 5 March in Beijing: the day that counts is China time.
/// let mut late = item.clone();
/// late.published_at = Some(chrono::DateTime::parse_from_rfc3339("2026-03-04T17:00:00Z").unwrap());
/// assert!(!visible(&ctx, &Viewer::public(), &late, "2026-03-04".parse().unwrap()));
/// assert!(visible(&ctx, &Viewer::public(), &late, "2026-03-05".parse().unwrap()));
/// // Withdrawn on 9 March: shown on the 8th, not from the 9th.
/// let mut gone = item.clone();
/// gone.status = dangjian::disclosure::Status::Withdrawn;
/// gone.withdrawn_at = Some("2026-03-09T10:00:00+08:00".parse().unwrap());
/// assert!(visible(&ctx, &Viewer::public(), &gone, "2026-03-08".parse().unwrap()));
/// assert!(!visible(&ctx, &Viewer::public(), &gone, "2026-03-09".parse().unwrap()));
/// ```
pub fn visible(
    ctx: &DisclosureContext,
    viewer: &Viewer,
    item: &DisclosureItem,
    on: NaiveDate,
) -> bool {
    let standing = viewer.in_good_standing(on);
    match item.phase_on(on) {
        Phase::Workflow => {
            standing
                && viewer.person.as_deref().is_some_and(|p| {
                    ctx.is_participant(p, &item.org) || ctx.is_participant(p, item.approving_org())
                })
        }
        Phase::Public => in_scope(ctx, viewer, &item.scope, on, standing),
        Phase::Absent | Phase::Withdrawn => false,
    }
}

/// Whether `viewer` holds a post on `on` at `target` or at an organization above it.
pub(crate) fn officer_over(
    ctx: &DisclosureContext,
    viewer: &Viewer,
    target: &str,
    on: NaiveDate,
) -> bool {
    viewer
        .officer_orgs(on)
        .any(|p| ctx.orgs.is_within(target, p))
}

fn in_scope(
    ctx: &DisclosureContext,
    viewer: &Viewer,
    scope: &Scope,
    on: NaiveDate,
    standing: bool,
) -> bool {
    if matches!(scope, Scope::ToSociety) {
        return true;
    }
    if !standing {
        return false;
    }
    let officer_over = |target: &str| officer_over(ctx, viewer, target, on);
    match scope {
        Scope::ToSociety | Scope::WholeParty => true,
        Scope::Organizations {
            orgs,
            include_descendants,
        } => orgs.iter().any(|o| {
            viewer
                .member_orgs(on)
                .any(|m| m == o || (*include_descendants && ctx.orgs.is_within(m, o)))
                || officer_over(o)
        }),
        Scope::Members { org } => viewer.member_orgs(on).any(|m| m == org) || officer_over(org),
    }
}

/// The items `viewer` may see on `on`, in the order given (as of that day, like [`visible`]).
///
/// ```
/// use dangjian::disclosure::{filter_visible, DisclosureContext, Viewer};
/// let ctx = DisclosureContext::default();
/// assert!(filter_visible(&ctx, &Viewer::public(), &[], "2026-03-05".parse().unwrap()).is_empty());
/// ```
pub fn filter_visible<'a>(
    ctx: &DisclosureContext,
    viewer: &Viewer,
    items: &'a [DisclosureItem],
    on: NaiveDate,
) -> Vec<&'a DisclosureItem> {
    items
        .iter()
        .filter(|i| visible(ctx, viewer, i, on))
        .collect()
}
