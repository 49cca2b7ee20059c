//! A meeting held (三会一课 and the rest): an input of the organization document, of a member's record
//! context and of the 三会一课 checks. A leaf: those read it, it reads only the meeting kinds.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::params::MeetingKind;

/// One meeting.
///
/// ```
/// let m: dangjian::membership::Meeting = serde_json::from_str(r#"{"id":"MT1","kind":"general_meeting","date":"2026-03-05","org":"B1"}"#).unwrap();
/// assert!(m.attendees.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub attendees: Vec<String>,
    /// Members absent with leave (请假).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub absent_with_leave: Vec<String>,
    /// Members absent without leave.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub absent_without_leave: Vec<String>,
    /// The lecturer of a 党课.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub lecturer: Option<String>,
}
