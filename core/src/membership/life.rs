//! Organizational life: meetings and 三会一课 compliance (helper B fills this in).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::params::MeetingKind;
use crate::{Policy, Result};

/// One meeting.
///
/// ```
/// let m: dangjian::membership::Meeting = serde_json::from_str(r#"{"id":"MT1","kind":"general_meeting","date":"2026-03-05","org":"B1"}"#).unwrap();
/// assert!(m.attendees.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Stable id.
    pub id: String,
    /// Which meeting.
    pub kind: MeetingKind,
    /// Day held.
    pub date: NaiveDate,
    /// The organization that held it.
    pub org: String,
    /// Members present.
    #[serde(default)]
    pub attendees: Vec<String>,
    /// Members absent with leave (请假).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent_with_leave: Vec<String>,
    /// Members absent without leave.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent_without_leave: Vec<String>,
    /// The lecturer of a 党课.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lecturer: Option<String>,
}

/// Compliance of one organization over a period.
///
/// ```
/// let r = dangjian::membership::LifeReport::default();
/// assert!(r.findings.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LifeReport {
    /// Findings.
    pub findings: Vec<crate::Finding>,
}

/// 三会一课 compliance of `org` from `from` to `to`.
///
/// ```
/// let r = dangjian::membership::compliance(&dangjian::Policy::bundled(), &[], "B1", "2026-01-01".parse().unwrap(), "2026-03-31".parse().unwrap()).unwrap();
/// assert!(r.findings.is_empty());
/// ```
pub fn compliance(
    _policy: &Policy,
    _meetings: &[Meeting],
    _org: &str,
    _from: NaiveDate,
    _to: NaiveDate,
) -> Result<LifeReport> {
    Ok(LifeReport::default())
}
