//! Events in, ledger entries out: [`Event`], [`Offence`], [`Reason`], [`Entry`] and [`EventError`].

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::Error;

/// Something a member did that may score.
///
/// `occurred_at` is RFC 3339 with an offset; the day, ISO week, month and year it counts in are China
/// time (UTC+8) whatever the offset written. Two events are "the same content" when every field is equal
/// (instants compare as instants: `16:00:00Z` equals `00:00:00+08:00` the next day).
///
/// ```
/// let e: dangjian::credits::Event = serde_json::from_str(r#"{"event_id":"e1","member_id":"M1",
///   "activity":"article","occurred_at":"2026-03-02T07:00:00+08:00","content_id":"A1","duration_seconds":75}"#).unwrap();
/// assert_eq!(e.duration_seconds, Some(75));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(rename = "CreditEvent"))]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "CreditEvent")
)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Unique across all events; a repeat with the same content is ignored (`DUPLICATE_EVENT`).
    pub event_id: String,
    /// The member.
    pub member_id: String,
    /// The activity code of the scheme.
    pub activity: String,
    /// When it happened (RFC 3339 with offset).
    #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
    pub occurred_at: DateTime<FixedOffset>,
    /// The article, video, meeting or month concerned (needed by activities with dedup).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub content_id: Option<String>,
    /// How long (per-minutes activities and minimum durations). For a per-minutes activity, an event
    /// whose points before caps could pass ±1 000 000 000 (its steps, rounded up, × the points per step,
    /// in the rule's time window that gives most) is refused: `POINTS_OUT_OF_RANGE` at this field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub duration_seconds: Option<u32>,
    /// Correct answers (quizzes). For a per-correct activity, an event whose points before caps could
    /// pass ±1 000 000 000 (answers × points, in the rule's time window that gives most) is refused:
    /// `POINTS_OUT_OF_RANGE` at this field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub correct_answers: Option<u32>,
    /// Place in a contest, 1-based.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub place: Option<u32>,
    /// Declared points (bonus and deduction items). A declared item's own `[min, max]` applies; outside
    /// ±1 000 000 000 they are refused (`POINTS_OUT_OF_RANGE`) whatever the activity, even one not
    /// available that day or one that ignores them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub points: Option<i64>,
}

/// A recorded cheating offence: the n-th of a member (in `decided_at`, then `offence_id` order) takes the
/// n-th step of the penalty ladder in force on its day.
///
/// ```
/// let o: dangjian::credits::Offence = serde_json::from_str(r#"{"offence_id":"o1","member_id":"M1",
///   "decided_at":"2026-03-02T09:00:00+08:00"}"#).unwrap();
/// assert_eq!(o.member_id, "M1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Offence {
    /// Unique id.
    pub offence_id: String,
    /// The member.
    pub member_id: String,
    /// When it was decided; the penalty runs from then.
    #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
    pub decided_at: DateTime<FixedOffset>,
}

/// Why an entry has the points it has. Codes are stable.
///
/// ```
/// use dangjian::credits::Reason;
/// assert_eq!(serde_json::to_string(&Reason::CapReached).unwrap(), "\"CAP_REACHED\"");
/// assert_eq!(Reason::TooShort.code(), "TOO_SHORT");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(rename = "CreditReason"))]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Enum),
    uniffi(name = "CreditReason")
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum Reason {
    /// Scored in full.
    Scored,
    /// A cap cut the points (partly: the points left under the cap; wholly: 0).
    CapReached,
    /// Shorter than the activity's minimum effective duration: 0.
    TooShort,
    /// The same content already scored today / ever: 0.
    DuplicateContent,
    /// The event id was already ingested with the same content: ignored (not in the ledger).
    DuplicateEvent,
    /// No rule set in force that day, the activity is not in it, or not on that weekday: 0.
    NotAvailable,
    /// Voided (clawed back): 0.
    Voided,
    /// The member was suspended, banned, or the year's points zeroed by the penalty ladder: 0.
    Suspended,
}

impl Reason {
    /// The stable code.
    ///
    /// ```
    /// assert_eq!(dangjian::credits::Reason::Voided.code(), "VOIDED");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Reason::Scored => "SCORED",
            Reason::CapReached => "CAP_REACHED",
            Reason::TooShort => "TOO_SHORT",
            Reason::DuplicateContent => "DUPLICATE_CONTENT",
            Reason::DuplicateEvent => "DUPLICATE_EVENT",
            Reason::NotAvailable => "NOT_AVAILABLE",
            Reason::Voided => "VOIDED",
            Reason::Suspended => "SUSPENDED",
        }
    }

    pub(crate) fn to_u8(self) -> u8 {
        self as u8
    }

    pub(crate) fn from_u8(v: u8) -> Reason {
        match v {
            0 => Reason::Scored,
            1 => Reason::CapReached,
            2 => Reason::TooShort,
            3 => Reason::DuplicateContent,
            4 => Reason::DuplicateEvent,
            5 => Reason::NotAvailable,
            6 => Reason::Voided,
            _ => Reason::Suspended,
        }
    }
}

/// One ledger entry: the event, the China-time day it counts in, its points and why.
///
/// ```
/// use dangjian::credits::{Scheme, Scorer};
/// let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
/// let e = serde_json::from_str(r#"{"event_id":"e1","member_id":"M1","activity":"login",
///   "occurred_at":"2026-03-02T07:00:00+08:00"}"#).unwrap();
/// s.ingest(vec![e]);
/// let entry = s.entry("e1").unwrap();
/// assert_eq!((entry.points, entry.reason.code(), entry.day.to_string().as_str()), (1, "SCORED", "2026-03-02"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(rename = "LedgerEntry"))]
pub struct Entry<'a> {
    /// The event id.
    pub event_id: &'a str,
    /// The member.
    pub member_id: &'a str,
    /// The activity.
    pub activity: &'a str,
    /// When.
    #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
    pub occurred_at: DateTime<FixedOffset>,
    /// The China-time day it counts in.
    pub day: NaiveDate,
    /// Points awarded (negative for deductions).
    pub points: i64,
    /// Points before caps.
    pub raw_points: i64,
    /// Why.
    #[cfg_attr(feature = "wasm", tsify(type = "CreditReason"))]
    pub reason: Reason,
}

impl Entry<'_> {
    /// The entry with its ids copied out of the scorer: a [`LedgerEntry`] outlives the scorer's borrow.
    ///
    /// ```
    /// use dangjian::credits::{Scheme, Scorer};
    /// let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
    /// s.ingest(vec![serde_json::from_str(r#"{"event_id":"e1","member_id":"M1","activity":"login",
    ///   "occurred_at":"2026-03-02T07:00:00+08:00"}"#).unwrap()]);
    /// let kept = s.entry("e1").unwrap().to_owned_entry();
    /// drop(s);
    /// assert_eq!((kept.event_id.as_str(), kept.points), ("e1", 1));
    /// ```
    pub fn to_owned_entry(&self) -> LedgerEntry {
        LedgerEntry {
            event_id: self.event_id.to_owned(),
            member_id: self.member_id.to_owned(),
            activity: self.activity.to_owned(),
            occurred_at: self.occurred_at,
            day: self.day,
            points: self.points,
            raw_points: self.raw_points,
            reason: self.reason,
        }
    }
}

/// One ledger entry that owns its ids: an [`Entry`] kept past the scorer's borrow (stored closed entries,
/// results handed to another thread or across the FFI). The same fields and the same JSON as [`Entry`], so a
/// ledger document written from either reads back into this type.
///
/// ```
/// let e: dangjian::credits::LedgerEntry = serde_json::from_str(r#"{"event_id":"e1","member_id":"M1",
///   "activity":"login","occurred_at":"2026-03-02T07:00:00+08:00","day":"2026-03-02","points":1,
///   "raw_points":1,"reason":"SCORED"}"#).unwrap();
/// assert_eq!(e.reason, dangjian::credits::Reason::Scored);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LedgerEntry {
    /// The event id.
    pub event_id: String,
    /// The member.
    pub member_id: String,
    /// The activity.
    pub activity: String,
    /// When, at the offset the event was given with (RFC 3339; `Z` for UTC).
    pub occurred_at: DateTime<FixedOffset>,
    /// The China-time day it counts in.
    pub day: NaiveDate,
    /// Points awarded (negative for deductions).
    pub points: i64,
    /// Points before caps.
    pub raw_points: i64,
    /// Why.
    pub reason: Reason,
}

impl From<Entry<'_>> for LedgerEntry {
    fn from(e: Entry<'_>) -> Self {
        e.to_owned_entry()
    }
}

/// An event (or a void, or an offence) that could not be taken: where it was, which id, which field and why.
///
/// ```
/// let e = dangjian::credits::EventError::new(3, None, Some("e9".into()), &dangjian::Error::input("X", "place", "", ""));
/// assert_eq!((e.index, e.field.as_str()), (3, "place"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct EventError {
    /// Position in the input (0-based).
    pub index: usize,
    /// Line number (1-based) for JSON Lines input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub line: Option<usize>,
    /// The event id, when it could be read.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub event_id: Option<String>,
    /// `invalid_input` or `policy`.
    #[cfg_attr(feature = "wasm", tsify(type = "DangjianErrorKind"))]
    pub kind: String,
    /// Stable code.
    pub code: String,
    /// Path of the field at fault, inside the event.
    pub field: String,
    /// Message in Chinese.
    pub message_zh: String,
    /// Message in English.
    pub message_en: String,
}

impl EventError {
    /// The entry for the input at `index` (and `line`).
    ///
    /// ```
    /// let e = dangjian::credits::EventError::new(0, Some(7), None, &dangjian::Error::overflow("points"));
    /// assert_eq!((e.line, e.code.as_str()), (Some(7), "ARITHMETIC_OVERFLOW"));
    /// ```
    pub fn new(index: usize, line: Option<usize>, event_id: Option<String>, error: &Error) -> Self {
        let d = error.detail();
        Self {
            index,
            line,
            event_id,
            kind: error.kind().to_owned(),
            code: d.code.clone(),
            field: d.field.clone(),
            message_zh: d.message_zh.clone(),
            message_en: d.message_en.clone(),
        }
    }
}
