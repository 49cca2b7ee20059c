//! Time limits on the official calendar: the review of a proposal (policy `disclosure.time_limits`, default 3
//! working days extendable to 10, UNCONFIRMED local practice), the planned publication date, and the periodic
//! entries of an organization's catalogue (条例 第十四条) with their due dates and `DISCLOSURE_OVERDUE` findings.
#![deny(clippy::arithmetic_side_effects)]

use crate::china_time::china_date;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::item::{DisclosureItem, Status};
use super::params::{CatalogueEntry, Frequency};
use super::{article, local_practice};
use crate::policy::in_force;
use crate::{Answer, Calendar, Error, Finding, Policy, Result, Severity};

/// One time limit of an item: what, when due, whether and when met.
///
/// ```
/// let d: dangjian::disclosure::Deadline = serde_json::from_str(r#"{"kind":"review","due_on":"2026-03-05","overdue":false}"#).unwrap();
/// assert!(d.met_on.is_none());
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Deadline {
    /// `review` or `publication`.
    pub kind: String,
    /// The last day allowed.
    pub due_on: NaiveDate,
    /// The day it was met.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub met_on: Option<NaiveDate>,
    /// Whether it was missed (met late, or unmet after the due day).
    pub overdue: bool,
}

/// An item's deadlines as of `on`, with `REVIEW_OVERDUE`, `PUBLICATION_OVERDUE` and `PROVISIONAL_CALENDAR`.
///
/// The review is due the N-th working day after the (local) day of the last proposal; it is met by the review,
/// or by a rejection. Publication is due on the planned date.
///
/// ```
/// use dangjian::disclosure::{item_deadlines, DisclosureItem};
/// let item: DisclosureItem = serde_json::from_str(r#"{"schema_version":1,"id":"D1","org":"B1","title":"t","body":"b",
///   "category":"ideology","scope":{"kind":"whole_party"},"created_by":"P1","created_at":"2026-02-12T09:00:00+08:00",
///   "status":"proposed","history":[{"action":"propose","from":"draft","to":"proposed","actor":"P1","at":"2026-02-12T10:00:00+08:00"}]}"#).unwrap();
/// let a = item_deadlines(&dangjian::Policy::bundled(), &dangjian::Calendar::official(), &item, "2026-02-25".parse().unwrap()).unwrap();
/// assert_eq!(a.value[0].due_on.to_string(), "2026-02-24"); // 13, 14 (make-up Saturday), 24
/// assert_eq!(a.findings[0].code, "REVIEW_OVERDUE");
/// ```
pub fn item_deadlines(
    policy: &Policy,
    calendar: &Calendar,
    item: &DisclosureItem,
    on: NaiveDate,
) -> Result<Answer<Vec<Deadline>>> {
    let mut out = Vec::new();
    let mut findings = Vec::new();
    out.extend(review_deadline(policy, calendar, item, on, &mut findings)?);
    if let Some(planned) = item.planned_on {
        let met_on = item.published_at.map(|p| china_date(&p));
        let withdrawn =
            matches!(item.status, Status::Withdrawn) || item.withdrawal_reason.is_some();
        let overdue = !withdrawn && met_on.map_or(on > planned, |m| m > planned);
        if overdue {
            findings.push(Finding::new(
                "PUBLICATION_OVERDUE",
                Severity::Warning,
                format!("计划于 {planned} 公开，未按时公开"),
                format!("planned for {planned}, not published on time"),
                Some(article("第十五条")),
            ));
        }
        out.push(Deadline {
            kind: "publication".to_owned(),
            due_on: planned,
            met_on,
            overdue,
        });
    }
    Ok(Answer {
        value: out,
        findings,
    })
}

/// The review's deadline of the last proposal, if any: so many working days from the day it was proposed
/// (more when extended), met by its review or rejection (`REVIEW_OVERDUE` when late or missing).
fn review_deadline(
    policy: &Policy,
    calendar: &Calendar,
    item: &DisclosureItem,
    on: NaiveDate,
    findings: &mut Vec<Finding>,
) -> Result<Option<Deadline>> {
    let propose = item.history.iter().rposition(|t| t.action == "propose");
    let Some((i, proposed)) = propose.and_then(|i| item.history.get(i).map(|t| (i, t))) else {
        return Ok(None);
    };
    let proposed_on = china_date(&proposed.at);
    let limits = &in_force(
        &policy.disclosure.time_limits,
        proposed_on,
        "disclosure.time_limits",
    )?
    .value;
    let days = if item.review_extended {
        limits.review_extended_working_days
    } else {
        limits.review_working_days
    };
    let due = calendar.add_working_days(proposed_on, days)?;
    merge(findings, due.findings);
    let met_on = item
        .history
        .iter()
        .skip(i.saturating_add(1))
        .find(|t| t.action == "review" || t.action == "reject")
        .map(|t| china_date(&t.at));
    let overdue = met_on.map_or(on > due.value, |m| m > due.value);
    if overdue {
        let (zh, en) = match met_on {
            Some(m) => (
                format!("审核于 {m} 完成，超过期限 {}", due.value),
                format!("reviewed on {m}, after the limit {}", due.value),
            ),
            None => (
                format!("审核期限 {} 已过，尚未审核", due.value),
                format!("the review was due by {} and is not done", due.value),
            ),
        };
        findings.push(
            Finding::new(
                "REVIEW_OVERDUE",
                Severity::Warning,
                zh,
                en,
                Some(local_practice("审核时限")),
            )
            .also(article("第十五条")),
        );
    }
    Ok(Some(Deadline {
        kind: "review".to_owned(),
        due_on: due.value,
        met_on,
        overdue,
    }))
}

/// An organization's catalogue: the periodic entries in force in the policy (unless `without_defaults`) plus
/// its own (an own entry replaces a policy entry with the same code), counted from `since`.
///
/// ```
/// let c: dangjian::disclosure::Catalogue = serde_json::from_str(r#"{"org":"B1","since":"2025-01-01"}"#).unwrap();
/// assert!(c.entries.is_empty() && !c.without_defaults);
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// The organization.
    pub org: String,
    /// The first day whose periods count (periods ending before it are ignored).
    pub since: NaiveDate,
    /// Own entries.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub entries: Vec<CatalogueEntry>,
    /// Whether the policy's entries are left out.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub without_defaults: bool,
}

/// One period of one catalogue entry.
///
/// ```
/// let d: dangjian::disclosure::PeriodicDue = serde_json::from_str(r#"{"code":"dues_annual","title":"t","period":"2025",
///   "period_end":"2025-12-31","due_on":"2026-01-30","status":"overdue"}"#).unwrap();
/// assert_eq!(d.status, dangjian::disclosure::DueStatus::Overdue);
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PeriodicDue {
    /// The entry's code.
    pub code: String,
    /// The entry's title.
    pub title: String,
    /// The period label (`2025`, `2026-Q1`, `2026-03`).
    pub period: String,
    /// Its last day.
    pub period_end: NaiveDate,
    /// The last day to publish.
    pub due_on: NaiveDate,
    /// The item that fulfils it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// When that item was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_on: Option<NaiveDate>,
    /// Where it stands.
    pub status: DueStatus,
}

/// Where a periodic disclosure stands.
///
/// ```
/// assert_eq!(serde_json::to_string(&dangjian::disclosure::DueStatus::Late).unwrap(), "\"late\"");
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DueStatus {
    /// Published by the due day.
    Met,
    /// Published after the due day.
    Late,
    /// Not published, due day passed.
    Overdue,
    /// Not published, not yet due.
    Open,
}

/// The catalogue's periods that have ended by `on`, each with its due day and whether a published item of the
/// organization fulfils it (`catalogue: {code, period}`); `DISCLOSURE_OVERDUE` for each missed one,
/// `DISCLOSURE_LATE` for each published late.
///
/// ```
/// use dangjian::disclosure::{catalogue_status, Catalogue, DueStatus};
/// let c: Catalogue = serde_json::from_str(r#"{"org":"B1","since":"2025-01-01","without_defaults":true,"entries":[
///   {"code":"dues_annual","title":"党费收缴使用情况","category":"organization","scope":"members","frequency":"annual","due_working_days":20}]}"#).unwrap();
/// let a = catalogue_status(&dangjian::Policy::bundled(), &dangjian::Calendar::official(), &c, &[], "2026-02-02".parse().unwrap()).unwrap();
/// // 20 working days after 2025-12-31 (1–3 January off): 4 (make-up Sunday), 5–9, 12–16, 19–23, 26–29 → 29 January.
/// assert_eq!(a.value[0].due_on.to_string(), "2026-01-29");
/// assert_eq!(a.value[0].status, DueStatus::Overdue);
/// assert_eq!(a.findings[0].code, "DISCLOSURE_OVERDUE");
/// ```
pub fn catalogue_status(
    policy: &Policy,
    calendar: &Calendar,
    catalogue: &Catalogue,
    items: &[DisclosureItem],
    on: NaiveDate,
) -> Result<Answer<Vec<PeriodicDue>>> {
    let entries = entries_of(policy, catalogue, on)?;
    if on.year().saturating_sub(catalogue.since.year()) > 100 {
        return Err(Error::input(
            "SPAN_TOO_LONG",
            "since",
            "日期跨度超过100年",
            "the span is longer than 100 years",
        ));
    }
    let mut out = Vec::new();
    let mut findings = Vec::new();
    for entry in &entries {
        for (label, end) in periods(entry.frequency, catalogue.since, on) {
            let due = calendar.add_working_days(end, entry.due_working_days)?;
            merge(&mut findings, due.findings);
            let fulfilling = items.iter().find(|i| {
                i.org == catalogue.org
                    && i.withdrawal_reason.is_none()
                    && matches!(i.status, Status::Published | Status::Archived)
                    && i.catalogue
                        .as_ref()
                        .is_some_and(|c| c.code == entry.code && c.period == label)
                    && i.published_at.is_some_and(|p| china_date(&p) <= on)
            });
            let published_on = fulfilling
                .and_then(|i| i.published_at)
                .map(|p| china_date(&p));
            let status = match published_on {
                Some(p) if p <= due.value => DueStatus::Met,
                Some(_) => DueStatus::Late,
                None if on > due.value => DueStatus::Overdue,
                None => DueStatus::Open,
            };
            findings.extend(due_finding(entry, &label, due.value, status));
            out.push(PeriodicDue {
                code: entry.code.clone(),
                title: entry.title.clone(),
                period: label,
                period_end: end,
                due_on: due.value,
                item_id: fulfilling.map(|i| i.id.clone()),
                published_on,
                status,
            });
        }
    }
    Ok(Answer {
        value: out,
        findings,
    })
}

/// The catalogue's entries: those in force in the policy on `on` (unless `without_defaults`), each replaced
/// by the organization's own entry of the same code, then its other own entries.
fn entries_of(
    policy: &Policy,
    catalogue: &Catalogue,
    on: NaiveDate,
) -> Result<Vec<CatalogueEntry>> {
    let mut entries: Vec<CatalogueEntry> = if catalogue.without_defaults {
        Vec::new()
    } else {
        in_force(&policy.disclosure.catalogue, on, "disclosure.catalogue")?
            .value
            .clone()
    };
    for own in &catalogue.entries {
        entries.retain(|e| e.code != own.code);
        entries.push(own.clone());
    }
    Ok(entries)
}

/// `DISCLOSURE_OVERDUE` (nothing published after the day due) or `DISCLOSURE_LATE` (published after it).
fn due_finding(
    entry: &CatalogueEntry,
    label: &str,
    due_on: NaiveDate,
    status: DueStatus,
) -> Option<Finding> {
    match status {
        DueStatus::Overdue => Some(Finding::new(
            "DISCLOSURE_OVERDUE",
            Severity::Violation,
            format!("{}（{label}）应于 {} 前公开，尚未公开", entry.title, due_on),
            format!(
                "{} ({label}) was due by {} and is not published",
                entry.code, due_on
            ),
            Some(article("第十四条")),
        )),
        DueStatus::Late => Some(Finding::new(
            "DISCLOSURE_LATE",
            Severity::Warning,
            format!("{}（{label}）逾期公开", entry.title),
            format!("{} ({label}) was published after {}", entry.code, due_on),
            Some(article("第十四条")),
        )),
        DueStatus::Met | DueStatus::Open => None,
    }
}
/// The periods of a frequency that end on or after `since` and before `on`, with their labels.
fn periods(frequency: Frequency, since: NaiveDate, on: NaiveDate) -> Vec<(String, NaiveDate)> {
    let mut out = Vec::new();
    for year in since.year()..=on.year() {
        let spans: Vec<(String, u32)> = match frequency {
            Frequency::Annual => vec![(year.to_string(), 12)],
            Frequency::Quarterly => [3, 6, 9, 12]
                .into_iter()
                .zip(1..)
                .map(|(last, q)| (format!("{year}-Q{q}"), last))
                .collect(),
            Frequency::Monthly => (1..=12).map(|m| (format!("{year}-{m:02}"), m)).collect(),
        };
        for (label, last_month) in spans {
            let Some(end) = month_end(year, last_month) else {
                continue;
            };
            if end >= since && end < on {
                out.push((label, end));
            }
        }
    }
    out
}

fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year.checked_add(1)?, 1)
    } else {
        (year, month.checked_add(1)?)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

fn merge(into: &mut Vec<Finding>, more: Vec<Finding>) {
    for f in more {
        if !into.contains(&f) {
            into.push(f);
        }
    }
}
