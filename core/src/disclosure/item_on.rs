//! A disclosure item as it stood on a day (条例 第十五条: published versions are dated; a withdrawal is dated):
//! the version in force, whether and when it was withdrawn, and where it stands — what the board and the
//! visibility rules both ask, so neither imports the other.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;

use super::item::{DisclosureItem, Status, Timestamp, Version};
use crate::china_time::china_date;

/// Where an item stands on a day, for the board.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phase {
    /// Not yet created, or published later: on nobody's board.
    Absent,
    /// In the workflow (not yet published): the participants' business.
    Workflow,
    /// Published and not withdrawn.
    Public,
    /// Withdrawn on or before the day.
    Withdrawn,
}

impl DisclosureItem {
    /// The version in force at the end of `on` (China time): the last one published on or before that day;
    /// `None` before the first publication (or for an older document that kept no versions).
    ///
    /// ```
    /// use dangjian::disclosure::DisclosureItem;
    /// let item: DisclosureItem = serde_json::from_str(r#"{"schema_version":1,"id":"D1","org":"B1","title":"t",
    ///   "body":"新","category":"other","scope":{"kind":"to_society"},"created_by":"P1",
    ///   "created_at":"2026-03-02T09:00:00+08:00","status":"published","published_at":"2026-03-04T15:00:00+08:00",
    ///   "versions":[{"number":1,"title":"t","body":"旧","at":"2026-03-04T15:00:00+08:00","actor":"P1"},
    ///               {"number":2,"title":"t","body":"新","at":"2026-03-09T09:00:00+08:00","actor":"A1","reason":"更正"}]}"#).unwrap();
    /// assert!(item.version_on("2026-03-03".parse().unwrap()).is_none());
    /// assert_eq!(item.version_on("2026-03-08".parse().unwrap()).unwrap().body, "旧");
    /// assert_eq!(item.version_on("2026-03-09".parse().unwrap()).unwrap().body, "新");
    /// ```
    pub fn version_on(&self, on: NaiveDate) -> Option<&Version> {
        self.versions.iter().rev().find(|v| china_date(&v.at) <= on)
    }

    /// Whether the item is withdrawn, and when: `Some(Some(at))` dated (by `withdrawn_at`, else by its
    /// `withdraw` transition), `Some(None)` withdrawn at an unknown time (an older document that kept only the
    /// status or the reason: taken as withdrawn on every day), `None` not withdrawn.
    ///
    /// ```
    /// use dangjian::disclosure::DisclosureItem;
    /// let mut item: DisclosureItem = serde_json::from_str(r#"{"schema_version":1,"id":"D1","org":"B1","title":"t",
    ///   "body":"b","category":"other","scope":{"kind":"to_society"},"created_by":"P1",
    ///   "created_at":"2026-03-02T09:00:00+08:00","status":"withdrawn","withdrawal_reason":"有误"}"#).unwrap();
    /// assert_eq!(item.withdrawal(), Some(None));
    /// item.withdrawn_at = Some("2026-03-08T10:00:00+08:00".parse().unwrap());
    /// assert_eq!(item.withdrawal(), item.withdrawn_at.map(Some));
    /// ```
    pub fn withdrawal(&self) -> Option<Option<Timestamp>> {
        let withdrawn = self.status == Status::Withdrawn
            || self.withdrawn_at.is_some()
            || (self.status == Status::Archived && self.withdrawal_reason.is_some());
        withdrawn.then(|| {
            self.withdrawn_at
                .or_else(|| self.last_transition("withdraw").map(|t| t.at))
        })
    }

    /// Whether a withdrawal is in force at the end of `on`.
    fn withdrawn_by(&self, on: NaiveDate) -> bool {
        self.withdrawal()
            .is_some_and(|at| at.is_none_or(|at| china_date(&at) <= on))
    }

    /// Where the item stands at the end of `on`.
    pub(crate) fn phase_on(&self, on: NaiveDate) -> Phase {
        let unpublished = matches!(
            self.status,
            Status::Draft | Status::Proposed | Status::Reviewed | Status::Approved
        );
        if china_date(&self.created_at) > on {
            Phase::Absent
        } else if unpublished {
            // Its earlier drafts are not kept: the participants see it as it now stands.
            Phase::Workflow
        } else if self.withdrawn_by(on) {
            Phase::Withdrawn
        } else if let Some(at) = self.published_at {
            if china_date(&at) <= on {
                Phase::Public
            } else {
                Phase::Absent
            }
        } else if self.status == Status::Withdrawn {
            // Withdrawn after approval, before publication, on a later day: still in the workflow on `on`.
            Phase::Workflow
        } else {
            Phase::Absent
        }
    }

    /// The status at the end of `on` for a published item: archived once an archive is dated on or before it.
    pub(crate) fn published_status_on(&self, on: NaiveDate) -> Status {
        let archived = match self.last_transition("archive") {
            Some(t) => china_date(&t.at) <= on,
            None => self.status == Status::Archived,
        };
        if archived {
            Status::Archived
        } else {
            Status::Published
        }
    }
}
