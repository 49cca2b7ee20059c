//! The organization document (`dangjian org check FILE.json`): the tree, each organization's details, the
//! members, meetings, elections and review rounds, and the period checked — read and validated here, checked
//! in [`super::organization`]. A leaf of the organization part: the index, the structure, term and life checks
//! read these types, and nothing here reads them.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::election::Election;
use super::ids::IdTable;
use super::meeting::Meeting;
use super::rating::ReviewRound;
use super::record::MemberRecord;
use crate::disclosure::OrgTree;
use crate::error::from_json;
use crate::fx::FxSet;
use crate::{Error, Result};

/// The elected committee of an organization (absent: a secretary only).
///
/// ```
/// let c: dangjian::membership::CommitteeInfo = serde_json::from_str(r#"{"elected_on":"2023-05-10","size":5}"#).unwrap();
/// assert_eq!(c.size, 5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct CommitteeInfo {
    /// The day the current committee was elected (its term counts from it).
    pub elected_on: NaiveDate,
    /// Number of committee members.
    pub size: u32,
}

/// Details of one organization beyond the tree.
///
/// ```
/// let d: dangjian::membership::OrgDetails = serde_json::from_str(r#"{"org":"B1","units":3,
///   "committee":{"elected_on":"2023-05-10","size":5}}"#).unwrap();
/// assert_eq!((d.org.as_str(), d.units), ("B1", Some(3)));
/// assert!(!d.approved_below_minimum);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct OrgDetails {
    /// The organization's id in the tree.
    pub org: String,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// A joint branch (联合党支部): the number of units it covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub units: Option<u32>,
    /// The elected committee; absent when the organization has a secretary only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub committee: Option<CommitteeInfo>,
    /// A 基层党委 with fewer than 100 members set up with the superior's approval.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub approved_below_minimum: bool,
}

/// A range of days, both ends included. Named `DateRange`, not `Period`: every surface holds the types of all
/// engines in one namespace, and the dues engine's `Period` (a month or a year) has that name.
///
/// ```
/// let p: dangjian::membership::DateRange = serde_json::from_str(r#"{"from":"2026-01-01","to":"2026-06-30"}"#).unwrap();
/// assert!(p.from < p.to);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct DateRange {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

/// The organizations, their members, meetings, elections and review rounds: the input of [`check_orgs`](super::check_orgs).
///
/// ```
/// let d = dangjian::membership::OrgDocument::from_json(r#"{"orgs":[{"id":"B1","kind":"branch"}]}"#).unwrap();
/// assert!(d.details.is_empty() && d.period.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct OrgDocument {
    /// The tree (committee / general_branch / branch / group).
    #[cfg_attr(feature = "wasm", tsify(type = "Org[]"))]
    pub orgs: OrgTree,
    /// Details per organization (at most one entry each).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub details: Vec<OrgDetails>,
    /// The member records; each belongs to a branch or a group of the tree.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub members: Vec<MemberRecord>,
    /// Meetings held (三会一课 and the rest).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub meetings: Vec<Meeting>,
    /// Elections held.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub elections: Vec<Election>,
    /// 民主评议 rounds.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub reviews: Vec<ReviewRound>,
    /// The range for 三会一课 compliance; default: from 1 January of the day checked to that day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub period: Option<DateRange>,
}

impl OrgDocument {
    /// Reads and validates a document. A malformed document is `INVALID_ORG_JSON` at the field's path (unknown
    /// fields are rejected); then [`OrgDocument::validate`].
    ///
    /// ```
    /// let e = dangjian::membership::OrgDocument::from_json(r#"{"orgs":[],"extra":1}"#).unwrap_err();
    /// assert_eq!(e.code(), "INVALID_ORG_JSON");
    /// let e = dangjian::membership::OrgDocument::from_json(r#"{"orgs":[{"id":"B1","kind":"branch"}],
    ///   "meetings":[{"id":"MT1","kind":"theme_day","date":"2026-03-05","org":"B9"}]}"#).unwrap_err();
    /// assert_eq!((e.code(), e.detail().field.as_str()), ("UNKNOWN_ORG", "meetings[0].org"));
    /// ```
    pub fn from_json(json: &str) -> Result<Self> {
        let doc: Self = from_json(json, "INVALID_ORG_JSON")?;
        doc.validate()?;
        Ok(doc)
    }

    /// Checks the references: every `org` named by details, members, meetings, elections and reviews is in the
    /// tree (`UNKNOWN_ORG` at e.g. `members[2].org`); an organization has at most one details entry
    /// (`DUPLICATE_ORG`); member ids are unique (`DUPLICATE_MEMBER`); the period does not end before it starts
    /// (`INVALID_PERIOD` at `period.to`).
    ///
    /// ```
    /// let d: dangjian::membership::OrgDocument = serde_json::from_str(r#"{"orgs":[{"id":"B1","kind":"branch"}],
    ///   "details":[{"org":"B1"},{"org":"B1"}]}"#).unwrap();
    /// let e = d.validate().unwrap_err();
    /// assert_eq!((e.code(), e.detail().field.as_str()), ("DUPLICATE_ORG", "details[1].org"));
    /// ```
    pub fn validate(&self) -> Result<()> {
        // The field path is written only for an error: a province's document names millions of references.
        let known = |org: &str, list: &str, i: usize| match self.orgs.get(org) {
            Some(_) => Ok(()),
            None => self
                .orgs
                .require(org, &format!("{list}[{i}].org"))
                .map(|_| ()),
        };
        let mut seen = FxSet::default();
        for (i, d) in self.details.iter().enumerate() {
            known(&d.org, "details", i)?;
            if !seen.insert(d.org.as_str()) {
                return Err(Error::input(
                    "DUPLICATE_ORG",
                    format!("details[{i}].org"),
                    format!("组织 {} 的详情重复", d.org),
                    format!("the details of {} are given twice", d.org),
                ));
            }
        }
        // The repeats come in input order: the first is reported unless an unknown organization comes before it.
        let (_, repeats) = IdTable::build(&self.members);
        let first_repeat = repeats.first().map(|&(later, _)| later);
        for (i, m) in self.members.iter().enumerate() {
            known(&m.org, "members", i)?;
            if first_repeat == Some(i) {
                return Err(Error::input(
                    "DUPLICATE_MEMBER",
                    format!("members[{i}].id"),
                    format!("党员编号重复：{}", m.id),
                    format!("member {} is listed twice", m.id),
                ));
            }
        }
        for (i, m) in self.meetings.iter().enumerate() {
            known(&m.org, "meetings", i)?;
        }
        for (i, e) in self.elections.iter().enumerate() {
            known(&e.org, "elections", i)?;
        }
        for (i, r) in self.reviews.iter().enumerate() {
            known(&r.org, "reviews", i)?;
        }
        if let Some(p) = self.period {
            if p.to < p.from {
                return Err(Error::input(
                    "INVALID_PERIOD",
                    "period.to",
                    format!("结束日 {} 早于开始日 {}", p.to, p.from),
                    format!("the end {} is before the start {}", p.to, p.from),
                ));
            }
        }
        Ok(())
    }

    /// The details of `org`, when given.
    ///
    /// ```
    /// let d: dangjian::membership::OrgDocument = serde_json::from_str(r#"{"orgs":[{"id":"B1","kind":"branch"}],
    ///   "details":[{"org":"B1","name":"一支部"}]}"#).unwrap();
    /// assert_eq!(d.details_of("B1").unwrap().name.as_deref(), Some("一支部"));
    /// ```
    pub fn details_of(&self, org: &str) -> Option<&OrgDetails> {
        self.details.iter().find(|d| d.org == org)
    }
}
