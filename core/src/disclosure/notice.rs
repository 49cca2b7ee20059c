//! Public notices (公示): a window of at least N working days (policy `disclosure.time_limits`, default 5,
//! UNCONFIRMED local practice), counted on the official calendar from the opening day — holidays do not count,
//! make-up Saturdays do — with the objections received and their handling.
#![deny(clippy::arithmetic_side_effects)]

use crate::china_time::china_date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::item::{check_text, Timestamp};
use super::{article, local_practice};
use crate::policy::in_force;
use crate::{Calendar, Error, Finding, Policy, Result, Severity};

/// How an objection was handled.
///
/// ```
/// let d: dangjian::disclosure::ObjectionDecision = serde_json::from_str(r#"{"upheld":false,"reason":"经核实不属实",
///   "by":"C1","at":"2026-02-26T10:00:00+08:00"}"#).unwrap();
/// assert!(!d.upheld);
/// ```
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct ObjectionDecision {
    /// Whether the objection was upheld (the notice then fails).
    pub upheld: bool,
    /// Why (required).
    pub reason: String,
    /// Who decided.
    pub by: String,
    /// When.
    #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
    pub at: Timestamp,
}

/// An objection raised during a notice.
///
/// ```
/// let o: dangjian::disclosure::Objection = serde_json::from_str(r#"{"by":"M9","at":"2026-02-13T15:00:00+08:00","content":"…"}"#).unwrap();
/// assert!(o.decision.is_none());
/// ```
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Objection {
    /// Who raised it (may be anonymous as the host decides; an id or a label).
    pub by: String,
    /// When.
    #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
    pub at: Timestamp,
    /// What was said.
    pub content: String,
    /// How it was handled; absent while pending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<ObjectionDecision>,
}

/// A public notice: what, from which day to which (both included), and the objections.
///
/// ```
/// let n: dangjian::disclosure::PublicNotice = serde_json::from_str(r#"{"id":"N1","subject":"拟发展对象公示",
///   "opens_on":"2026-02-12","closes_on":"2026-02-25"}"#).unwrap();
/// assert!(n.objections.is_empty());
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicNotice {
    /// Stable id.
    pub id: String,
    /// What is on notice.
    pub subject: String,
    /// The disclosure item that published it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub item_id: Option<String>,
    /// First day of the window.
    pub opens_on: NaiveDate,
    /// Last day of the window.
    pub closes_on: NaiveDate,
    /// Objections received.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub objections: Vec<Objection>,
}

/// The outcome of a notice.
///
/// ```
/// assert_eq!(serde_json::to_string(&dangjian::disclosure::NoticeResult::Pending).unwrap(), "\"pending\"");
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NoticeResult {
    /// Window long enough and over, every objection handled, none upheld.
    Passed,
    /// Window too short, or an objection upheld.
    Failed,
    /// Window still open, or an objection not yet handled.
    Pending,
}

/// The evaluation of a notice on a day.
///
/// ```
/// # use dangjian::disclosure::{evaluate_notice, PublicNotice, NoticeResult};
/// let n: PublicNotice = serde_json::from_str(r#"{"id":"N1","subject":"s","opens_on":"2026-02-12","closes_on":"2026-02-25"}"#).unwrap();
/// let r = evaluate_notice(&dangjian::Policy::bundled(), &dangjian::Calendar::official(), &n, "2026-02-26".parse().unwrap()).unwrap();
/// assert_eq!((r.working_days, r.result), (5, NoticeResult::Passed));
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NoticeReport {
    /// Working days in the window, both ends included.
    pub working_days: u32,
    /// The minimum the policy requires.
    pub required_working_days: u32,
    /// The earliest day the window may close (the N-th working day counted from the opening).
    pub earliest_close: NaiveDate,
    /// Whether the window is long enough.
    pub window_ok: bool,
    /// Objections not yet handled.
    pub pending_objections: u32,
    /// Objections upheld.
    pub upheld_objections: u32,
    /// The outcome on the day asked.
    pub result: NoticeResult,
    /// `NOTICE_WINDOW_TOO_SHORT`, `OBJECTION_UPHELD`, `OBJECTION_PENDING`, `LATE_OBJECTION`, `PROVISIONAL_CALENDAR`.
    pub findings: Vec<Finding>,
}

/// The earliest closing day of a notice opening on `opens_on`: the N-th working day counting the opening day
/// when it is a working day (a window opening on a holiday starts counting at the next working day).
///
/// ```
/// use chrono::NaiveDate;
/// let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let c = dangjian::disclosure::earliest_close(&dangjian::Policy::bundled(), &dangjian::Calendar::official(), d(2, 12)).unwrap();
/// assert_eq!(c.value, d(2, 25)); // 12, 13, 14 (make-up Saturday), [15–23 Spring Festival], 24, 25
/// ```
pub fn earliest_close(
    policy: &Policy,
    calendar: &Calendar,
    opens_on: NaiveDate,
) -> Result<crate::Answer<NaiveDate>> {
    let n = min_days(policy, opens_on)?;
    let first_counts = calendar.day(opens_on).working;
    calendar.add_working_days(opens_on, if first_counts { n.saturating_sub(1) } else { n })
}

fn min_days(policy: &Policy, on: NaiveDate) -> Result<u32> {
    Ok(
        in_force(&policy.disclosure.time_limits, on, "disclosure.time_limits")?
            .value
            .notice_min_working_days,
    )
}

/// Evaluates a notice on `on`: the window's working days against the minimum in force on the opening day, the
/// objections, and the result.
///
/// Errors: `INVALID_PERIOD` (closes before it opens), `EMPTY_TEXT`, `OBJECTION_BEFORE_OPENING`,
/// `COMMENT_REQUIRED` (a decision without a reason), `TIME_OUT_OF_ORDER` (decided before raised).
///
/// ```
/// use dangjian::disclosure::{evaluate_notice, PublicNotice, NoticeResult};
/// let n: PublicNotice = serde_json::from_str(r#"{"id":"N1","subject":"s","opens_on":"2026-02-12","closes_on":"2026-02-24"}"#).unwrap();
/// let r = evaluate_notice(&dangjian::Policy::bundled(), &dangjian::Calendar::official(), &n, "2026-03-02".parse().unwrap()).unwrap();
/// assert_eq!((r.working_days, r.result), (4, NoticeResult::Failed));
/// assert_eq!(r.findings[0].code, "NOTICE_WINDOW_TOO_SHORT");
/// ```
pub fn evaluate_notice(
    policy: &Policy,
    calendar: &Calendar,
    notice: &PublicNotice,
    on: NaiveDate,
) -> Result<NoticeReport> {
    check_text(&notice.id, "id")?;
    check_text(&notice.subject, "subject")?;
    if notice.closes_on < notice.opens_on {
        return Err(Error::input(
            "INVALID_PERIOD",
            "closes_on",
            "公示结束日期早于开始日期",
            "the notice closes before it opens",
        ));
    }
    let required = min_days(policy, notice.opens_on)?;
    let counted = calendar.count_working_days(notice.opens_on, notice.closes_on)?;
    let earliest = earliest_close(policy, calendar, notice.opens_on)?;
    let mut findings = counted.findings;
    for f in earliest.findings {
        if !findings.contains(&f) {
            findings.push(f);
        }
    }
    let window_ok = counted.value >= required;
    if !window_ok {
        findings.insert(0, too_short(counted.value, required, earliest.value));
    }
    let (pending, upheld) = objections(notice, &mut findings)?;
    if upheld > 0 {
        findings.push(Finding::new(
            "OBJECTION_UPHELD",
            Severity::Violation,
            format!("{upheld} 项异议成立，公示未通过"),
            format!("{upheld} objection(s) upheld: the notice fails"),
            Some(article("第十五条")),
        ));
    }
    if pending > 0 {
        findings.push(Finding::new(
            "OBJECTION_PENDING",
            Severity::Warning,
            format!("{pending} 项异议尚未处理"),
            format!("{pending} objection(s) not yet handled"),
            None,
        ));
    }
    let result = if !window_ok || upheld > 0 {
        NoticeResult::Failed
    } else if on <= notice.closes_on || pending > 0 {
        NoticeResult::Pending
    } else {
        NoticeResult::Passed
    };
    Ok(NoticeReport {
        working_days: counted.value,
        required_working_days: required,
        earliest_close: earliest.value,
        window_ok,
        pending_objections: pending,
        upheld_objections: upheld,
        result,
        findings,
    })
}

/// Checks each objection (raised by someone, not before the window opened; a decision has a reason and
/// follows the objection), notes the late ones (`LATE_OBJECTION`), and counts those pending and upheld.
fn objections(notice: &PublicNotice, findings: &mut Vec<Finding>) -> Result<(u32, u32)> {
    let (mut pending, mut upheld) = (0u32, 0u32);
    for (i, o) in notice.objections.iter().enumerate() {
        let here = format!("objections[{i}]");
        check_text(&o.by, &format!("{here}.by"))?;
        if china_date(&o.at) < notice.opens_on {
            return Err(Error::input(
                "OBJECTION_BEFORE_OPENING",
                format!("{here}.at"),
                "异议早于公示开始",
                "the objection is dated before the notice opened",
            ));
        }
        if china_date(&o.at) > notice.closes_on {
            findings.push(Finding::new(
                "LATE_OBJECTION",
                Severity::Info,
                format!("{} 在公示期结束后提出异议，仍予登记", o.by),
                format!(
                    "{} objected after the window closed; recorded all the same",
                    o.by
                ),
                None,
            ));
        }
        match &o.decision {
            None => pending = pending.saturating_add(1),
            Some(d) => {
                check_decision(&here, o, d)?;
                if d.upheld {
                    upheld = upheld.saturating_add(1);
                }
            }
        }
    }
    Ok((pending, upheld))
}

/// A decision on an objection gives a reason (`COMMENT_REQUIRED`) and is not dated before the objection
/// (`TIME_OUT_OF_ORDER`).
fn check_decision(here: &str, o: &Objection, d: &ObjectionDecision) -> Result<()> {
    check_text(&d.reason, &format!("{here}.decision.reason")).map_err(|_| {
        Error::input(
            "COMMENT_REQUIRED",
            format!("{here}.decision.reason"),
            "须写明处理理由",
            "a reason is required",
        )
    })?;
    if d.at < o.at {
        return Err(Error::input(
            "TIME_OUT_OF_ORDER",
            format!("{here}.decision.at"),
            "处理时间早于异议提出时间",
            "the decision is dated before the objection",
        ));
    }
    Ok(())
}

/// `NOTICE_WINDOW_TOO_SHORT`: fewer working days than the minimum, with the earliest closing day.
fn too_short(days: u32, required: u32, earliest: NaiveDate) -> Finding {
    Finding::new(
        "NOTICE_WINDOW_TOO_SHORT",
        Severity::Violation,
        format!("公示期只有 {days} 个工作日，少于 {required} 个工作日（最早 {earliest} 结束）"),
        format!(
            "the notice lasts {days} working days, fewer than {required} (earliest close {earliest})"
        ),
        Some(local_practice("公示期")),
    )
}
