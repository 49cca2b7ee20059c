//! Adapters from other records into 党员积分制 events: 三会一课 attendance and on-time dues.
//!
//! Event ids are derived from the record (`meeting:{meeting}:{member}`, `dues:{member}:{month}`), so feeding
//! the same record twice is a `DUPLICATE_EVENT`, never a double count.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::event::Event;
use crate::dues::Payment;
use crate::YearMonth;

/// The kind of a 三会一课 meeting (支部工作条例 2018, RULES §3).
///
/// ```
/// let t: dangjian::credits::MeetingType = serde_json::from_str("\"party_lecture\"").unwrap();
/// assert_eq!(t, dangjian::credits::MeetingType::PartyLecture);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MeetingType {
    /// 支部党员大会.
    BranchAssembly,
    /// 支委会.
    BranchCommittee,
    /// 党小组会.
    GroupMeeting,
    /// 党课.
    PartyLecture,
    /// 主题党日.
    ThemeDay,
}

/// A minimal attendance record.
///
/// ```
/// let r: dangjian::credits::MeetingRecord = serde_json::from_str(r#"{"meeting_id":"m1",
///   "meeting_type":"branch_assembly","date":"2026-03-02","attendees":["M1","M2"]}"#).unwrap();
/// assert_eq!(r.attendees.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingRecord {
    /// Unique meeting id.
    pub meeting_id: String,
    /// The kind.
    pub meeting_type: MeetingType,
    /// The day it was held.
    pub date: NaiveDate,
    /// The members present.
    pub attendees: Vec<String>,
}

/// Midday China time of a date: the event counts on that China-time day.
fn china_noon(date: NaiveDate) -> Option<DateTime<FixedOffset>> {
    let offset = FixedOffset::east_opt(8 * 3600)?;
    date.and_hms_opt(12, 0, 0)?
        .and_local_timezone(offset)
        .single()
}

/// One event per attendee (activity `activity`, e.g. `meeting_attendance`; content the meeting id; points
/// left to the activity's default).
///
/// ```
/// use dangjian::credits::{meeting_events, MeetingRecord, Scheme, Scorer};
/// let r: MeetingRecord = serde_json::from_str(r#"{"meeting_id":"m1","meeting_type":"party_lecture",
///   "date":"2026-03-02","attendees":["M1"]}"#).unwrap();
/// let events = meeting_events(&[r], "meeting_attendance");
/// assert_eq!(events[0].event_id, "meeting:m1:M1");
/// let mut s = Scorer::new(Scheme::member_points()).unwrap();
/// s.ingest(events);
/// assert_eq!(s.entry("meeting:m1:M1").unwrap().points, 2);
/// ```
pub fn meeting_events(records: &[MeetingRecord], activity: &str) -> Vec<Event> {
    let mut out = Vec::new();
    for r in records {
        let Some(at) = china_noon(r.date) else {
            continue;
        };
        for member in &r.attendees {
            out.push(Event {
                event_id: format!("meeting:{}:{member}", r.meeting_id),
                member_id: member.clone(),
                activity: activity.to_owned(),
                occurred_at: at,
                content_id: Some(r.meeting_id.clone()),
                duration_seconds: None,
                correct_answers: None,
                place: None,
                points: None,
            });
        }
    }
    out
}

/// One event per month of `months` paid on time: a payment listing the month made on or before the month's
/// last day (prepayment counts; 2008 Rules: dues are paid monthly). The event is on the earliest such
/// payment's day, content the month. Months paid late or not at all give no event.
///
/// ```
/// use dangjian::credits::dues_events;
/// let p: Vec<dangjian::dues::Payment> = serde_json::from_str(r#"[
///   {"paid_on":"2026-01-20","amount":"10","months":["2026-01"]},
///   {"paid_on":"2026-03-02","amount":"10","months":["2026-02"]}]"#).unwrap();
/// let e = dues_events("M1", &p, &["2026-01".parse().unwrap(), "2026-02".parse().unwrap()], "dues_on_time");
/// assert_eq!(e.len(), 1); // February was paid in March: late
/// assert_eq!(e[0].event_id, "dues:M1:2026-01");
/// ```
pub fn dues_events(
    member_id: &str,
    payments: &[Payment],
    months: &[YearMonth],
    activity: &str,
) -> Vec<Event> {
    let mut out = Vec::new();
    for &month in months {
        let paid = payments
            .iter()
            .filter(|p| p.months.contains(&month) && p.paid_on <= month.last_day())
            .map(|p| p.paid_on)
            .min();
        let Some(at) = paid.and_then(china_noon) else {
            continue;
        };
        out.push(Event {
            event_id: format!("dues:{member_id}:{month}"),
            member_id: member_id.to_owned(),
            activity: activity.to_owned(),
            occurred_at: at,
            content_id: Some(month.to_string()),
            duration_seconds: None,
            correct_answers: None,
            place: None,
            points: None,
        });
    }
    out
}
