//! What a check returns: the stage, its history, every finding and the next steps with their dates.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::discipline::Rights;
// The stage types live in a leaf module (the discipline rules read them too); the organization files still
// name them from here.
pub(crate) use super::stage::{Stage, StageSpan};
use crate::{Citation, Finding};

/// Something due: what, the earliest day it may happen and the day it is due by (either may be absent).
///
/// ```
/// let n: dangjian::membership::NextStep = serde_json::from_str(r#"{"code":"TALK","message_zh":"谈话","message_en":"talk",
///   "due":"2024-02-10"}"#).unwrap();
/// assert!(n.earliest.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct NextStep {
    /// Stable code (`TALK`, `BECOME_DEVELOPMENT_TARGET`, `APPROVAL`, `CONVERSION`, `TRANSFER_REPORT_IN` …).
    pub code: String,
    /// Message in Chinese.
    pub message_zh: String,
    /// Message in English.
    pub message_en: String,
    /// The earliest day it may happen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest: Option<NaiveDate>,
    /// The day it is due by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// The article behind it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<Citation>,
}

impl NextStep {
    /// Builds a next step.
    ///
    /// ```
    /// let n = dangjian::membership::NextStep::new("TALK", "谈话", "talk", None, None, None);
    /// assert_eq!(n.code, "TALK");
    /// ```
    pub fn new(
        code: &str,
        message_zh: impl Into<String>,
        message_en: impl Into<String>,
        earliest: Option<NaiveDate>,
        due: Option<NaiveDate>,
        citation: Option<Citation>,
    ) -> Self {
        Self {
            code: code.to_owned(),
            message_zh: message_zh.into(),
            message_en: message_en.into(),
            earliest,
            due,
            citation,
        }
    }
}

/// Findings and next steps collected by the rule areas of a check.
///
/// ```
/// let r = dangjian::membership::Review::default();
/// assert!(r.findings.is_empty() && r.next_steps.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Review {
    /// Findings, in the order found.
    pub findings: Vec<Finding>,
    /// Next steps, in the order found.
    pub next_steps: Vec<NextStep>,
}

/// The audit of one record on a day: `check(record, on)`.
///
/// ```
/// use dangjian::membership::{check, Context, MemberRecord, Stage};
/// let r: MemberRecord = serde_json::from_str(r#"{"id":"M1","name":"张三","birth_date":"2000-03-01","org":"B1",
///   "events":[{"kind":"application","date":"2024-01-10"}]}"#).unwrap();
/// let (policy, calendar) = (dangjian::Policy::bundled(), dangjian::Calendar::official());
/// let ctx = Context::new(&policy, &calendar, std::slice::from_ref(&r)).unwrap();
/// let report = check(&ctx, &r, "2024-01-20".parse().unwrap()).unwrap();
/// assert_eq!(report.stage, Stage::Applicant);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct MemberReport {
    /// The member.
    pub member_id: String,
    /// The day of the check.
    pub on: NaiveDate,
    /// The stage on that day.
    pub stage: Stage,
    /// The day that stage began (absent for `none`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<NaiveDate>,
    /// Every stage so far, oldest first.
    pub history: Vec<StageSpan>,
    /// The day full membership began (the end of probation), when it has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_member_since: Option<NaiveDate>,
    /// For a probationary member, the day probation is complete (预备期满之日, after any extension): the
    /// anniversary of the vote, which is also the day full membership begins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probation_ends: Option<NaiveDate>,
    /// 党龄 in whole years on the day, counted from `full_member_since` (党章 第七条).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party_age_years: Option<u32>,
    /// Rights on the day (discipline).
    pub rights: Rights,
    /// Every finding, violations first.
    pub findings: Vec<Finding>,
    /// What is due next, soonest first.
    pub next_steps: Vec<NextStep>,
}
