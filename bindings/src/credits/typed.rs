//! The scorer's common calls with typed records instead of JSON documents: events in, entries, changes and
//! totals out, field for field the core's (`dangjian::credits::{Event, Entry, EventError, Total}`).
//!
//! Instants cross as RFC 3339 text (`2026-03-02T07:00:00+08:00`) and days as `YYYY-MM-DD`, read and written
//! exactly as the JSON entry points read and write them, so a typed call and its JSON twin
//! ([`CreditsScorer::ingest_json`] …) give the same answer for the same events. The conversions from the
//! core's types are all in this file (`From` impls below the records); nothing here scores.

use chrono::{DateTime, FixedOffset, SecondsFormat};
use dangjian::credits::{
    self as core, Entry, Event, EventError, PeriodKind, Reason, Scorer, Total,
};

use super::CreditsScorer;
use crate::error::{guarded, Result};

/// Something a member did that may score (`dangjian::credits::Event`), for [`CreditsScorer::ingest`].
///
/// `occurred_at` is RFC 3339 with an offset; the day, ISO week, month and year it counts in are China time
/// (UTC+8) whatever the offset written. The optional fields are the ones an activity's unit or dedup needs
/// (a quiz needs `correct_answers`, reading time `duration_seconds`, …); leave the others out.
///
/// ```kotlin
/// val login = CreditEvent("e1", "M1", "login", "2026-03-02T07:00:00+08:00")
/// val reading = CreditEvent("r1", "M1", "reading_time", "2026-03-02T07:10:00+08:00", durationSeconds = 300u)
/// ```
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CreditEvent {
    /// Unique across all events; a repeat with the same content is ignored (a duplicate).
    pub event_id: String,
    /// The member.
    pub member_id: String,
    /// The activity code of the scheme (`login`, `reading_time`, `daily_quiz`, …).
    pub activity: String,
    /// When it happened, RFC 3339 with an offset (`2026-03-02T07:00:00+08:00`, `2026-03-01T23:00:00Z`).
    pub occurred_at: String,
    /// The article, video, meeting or month concerned (needed by activities with dedup).
    #[uniffi(default)]
    pub content_id: Option<String>,
    /// Seconds spent (per-minutes activities and minimum durations).
    #[uniffi(default)]
    pub duration_seconds: Option<u32>,
    /// Correct answers (quizzes).
    #[uniffi(default)]
    pub correct_answers: Option<u32>,
    /// Place in a contest, 1-based.
    #[uniffi(default)]
    pub place: Option<u32>,
    /// Declared points (bonus and deduction items).
    #[uniffi(default)]
    pub points: Option<i64>,
}

/// Why an entry has the points it has (`dangjian::credits::Reason`); the names are the core's stable codes.
///
/// ```kotlin
/// if (entry.reason == CreditReason.CAP_REACHED) println("${entry.eventId}: the daily cap was reached")
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum CreditReason {
    /// `SCORED`: scored in full.
    Scored,
    /// `CAP_REACHED`: a cap cut the points (partly: the points left under the cap; wholly: 0).
    CapReached,
    /// `TOO_SHORT`: shorter than the activity's minimum effective duration: 0.
    TooShort,
    /// `DUPLICATE_CONTENT`: the same content already scored today / ever: 0.
    DuplicateContent,
    /// `DUPLICATE_EVENT`: the event id was already received with the same content (never in the ledger).
    DuplicateEvent,
    /// `NOT_AVAILABLE`: no rule set in force that day, the activity not in it, or not on that weekday: 0.
    NotAvailable,
    /// `VOIDED`: voided (clawed back): 0.
    Voided,
    /// `SUSPENDED`: the member was suspended, banned or the year's points zeroed by the penalty ladder: 0.
    Suspended,
}

/// One ledger entry (`dangjian::credits::Entry`): the event, the China-time day it counts in, its points and
/// why. The same fields as an entry of [`CreditsScorer::ledger_json`], written the same way.
///
/// ```kotlin
/// val e = scorer.entry("e1")!!
/// println("${e.day}: ${e.points} (${e.reason})")   // 2026-03-02: 1 (SCORED)
/// ```
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CreditEntry {
    /// The event id.
    pub event_id: String,
    /// The member.
    pub member_id: String,
    /// The activity.
    pub activity: String,
    /// When, RFC 3339 at the offset the event was given with (`Z` for UTC, whole seconds unless the event
    /// had a fraction), as the ledger writes it.
    pub occurred_at: String,
    /// The China-time day it counts in, `YYYY-MM-DD`.
    pub day: String,
    /// Points awarded (negative for deductions).
    pub points: i64,
    /// Points before caps.
    pub raw_points: i64,
    /// Why.
    pub reason: CreditReason,
}

/// An input the scorer could not take (`dangjian::credits::EventError`): where it was, which id, which field
/// and why. Not the dues `BatchError`: that one names a member and has no line.
///
/// ```kotlin
/// for (e in out.errors) println("#${e.index} ${e.eventId}: ${e.code} at ${e.field} — ${e.messageZh}")
/// ```
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CreditEventError {
    /// Position in the input list (0-based).
    pub index: u32,
    /// Line number (1-based) for JSON Lines input; null from the typed calls.
    #[uniffi(default)]
    pub line: Option<u32>,
    /// The event id, when there is one.
    #[uniffi(default)]
    pub event_id: Option<String>,
    /// `invalid_input` or `policy`, as the core's error kind.
    pub kind: String,
    /// Stable code (`UNKNOWN_ACTIVITY`, `MISSING_FIELD`, `UNKNOWN_EVENT`, `INVALID_EVENT_JSON`, …).
    pub code: String,
    /// Path of the field at fault, inside the event (`activity`, `occurred_at`, `event_id`).
    pub field: String,
    /// Message in Chinese.
    pub message_zh: String,
    /// Message in English.
    pub message_en: String,
}

/// What one scorer call changed (`dangjian::credits::Ingest` with its entries): the entries new or
/// re-scored (canonical order; a late event or a void can re-score later ones), the event ids received again
/// and ignored, and the inputs refused.
///
/// ```kotlin
/// val out = scorer.ingest(events)
/// out.changed.forEach { println("${it.eventId} → ${it.points}") }
/// check(out.errors.isEmpty()) { out.errors.toString() }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CreditChanges {
    /// The entries new or re-scored, in canonical order (`occurred_at`, then `event_id`).
    pub changed: Vec<CreditEntry>,
    /// Event ids received again with the same content: ignored.
    pub duplicates: Vec<String>,
    /// The inputs refused, by position.
    pub errors: Vec<CreditEventError>,
}

/// The kind of period a total covers (`dangjian::credits::PeriodKind`), China time.
///
/// ```kotlin
/// val years = scorer.totals().filter { it.kind == CreditPeriodKind.YEAR }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum CreditPeriodKind {
    /// A China-time day, period `2026-01-05`.
    Day,
    /// An ISO week (Monday first), period `2026-W02`.
    Week,
    /// A calendar month, period `2026-01`.
    Month,
    /// A calendar year, period `2026`.
    Year,
}

/// A member's points in one period (`dangjian::credits::Total`). `score` is `points` except for a year
/// under a scheme with a base score or a floor (党员积分制).
///
/// ```kotlin
/// val t = scorer.totals().first { it.memberId == "M1" && it.kind == CreditPeriodKind.DAY }
/// println("${t.period}: ${t.points}")   // 2026-03-02: 1
/// ```
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CreditTotal {
    /// The member.
    pub member_id: String,
    /// Day, week, month or year.
    pub kind: CreditPeriodKind,
    /// `2026-01-05`, `2026-W02`, `2026-01` or `2026`.
    pub period: String,
    /// Sum of the entries' points.
    pub points: i64,
    /// The score (see above).
    pub score: i64,
}

// ---- conversions (the only place the core's credit types become records) ----

/// An event's `occurred_at`, read as the JSON reader reads it (chrono's `FromStr`, so both accept exactly
/// the same texts). The code is the one the JSON path gives the same event (`INVALID_EVENT_JSON` at
/// `occurred_at`), so hosts switch on one code whichever call they use; the messages name the field, not
/// JSON.
fn occurred_at(text: &str) -> dangjian::Result<DateTime<FixedOffset>> {
    text.parse().map_err(|e| {
        dangjian::Error::input(
            "INVALID_EVENT_JSON",
            "occurred_at",
            format!("occurred_at 不是带时区偏移的 RFC 3339 时间：{e}"),
            format!("occurred_at is not an RFC 3339 time with an offset: {e}"),
        )
    })
}

impl CreditEvent {
    /// The core event, with its `occurred_at` already read.
    fn into_core(self, occurred_at: DateTime<FixedOffset>) -> Event {
        Event {
            event_id: self.event_id,
            member_id: self.member_id,
            activity: self.activity,
            occurred_at,
            content_id: self.content_id,
            duration_seconds: self.duration_seconds,
            correct_answers: self.correct_answers,
            place: self.place,
            points: self.points,
        }
    }
}

impl From<Reason> for CreditReason {
    fn from(r: Reason) -> Self {
        match r {
            Reason::Scored => Self::Scored,
            Reason::CapReached => Self::CapReached,
            Reason::TooShort => Self::TooShort,
            Reason::DuplicateContent => Self::DuplicateContent,
            Reason::DuplicateEvent => Self::DuplicateEvent,
            Reason::NotAvailable => Self::NotAvailable,
            Reason::Voided => Self::Voided,
            Reason::Suspended => Self::Suspended,
        }
    }
}

impl From<PeriodKind> for CreditPeriodKind {
    fn from(k: PeriodKind) -> Self {
        match k {
            PeriodKind::Day => Self::Day,
            PeriodKind::Week => Self::Week,
            PeriodKind::Month => Self::Month,
            PeriodKind::Year => Self::Year,
        }
    }
}

impl From<Entry<'_>> for CreditEntry {
    fn from(e: Entry<'_>) -> Self {
        Self {
            event_id: e.event_id.to_owned(),
            member_id: e.member_id.to_owned(),
            activity: e.activity.to_owned(),
            // chrono's serde writer is exactly this (AutoSi, `Z` for UTC): the text the ledger JSON holds.
            occurred_at: e.occurred_at.to_rfc3339_opts(SecondsFormat::AutoSi, true),
            day: e.day.to_string(),
            points: e.points,
            raw_points: e.raw_points,
            reason: e.reason.into(),
        }
    }
}

/// A position as a record index: no list of more than 4 294 967 295 inputs can cross the FFI boundary on
/// any device, so the saturation never happens.
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl From<EventError> for CreditEventError {
    fn from(e: EventError) -> Self {
        Self {
            index: index(e.index),
            line: e.line.map(index),
            event_id: e.event_id,
            kind: e.kind,
            code: e.code,
            field: e.field,
            message_zh: e.message_zh,
            message_en: e.message_en,
        }
    }
}

impl From<Total> for CreditTotal {
    fn from(t: Total) -> Self {
        Self {
            member_id: t.member_id,
            kind: t.kind.into(),
            period: t.period,
            points: t.points,
            score: t.score,
        }
    }
}

/// A core call's result with its entries read from the scorer (what `changed_json` writes as JSON).
fn changes(s: &Scorer, r: core::Ingest) -> CreditChanges {
    CreditChanges {
        changed: r
            .changed
            .iter()
            .filter_map(|id| s.get(*id))
            .map(CreditEntry::from)
            .collect(),
        duplicates: r.duplicates,
        errors: r.errors.into_iter().map(CreditEventError::from).collect(),
    }
}

#[uniffi::export]
impl CreditsScorer {
    /// Takes a batch of events (`Scorer::ingest`) and returns what changed — the typed twin of
    /// [`CreditsScorer::ingest_json`], with the same entries, duplicates and refusals for the same events.
    /// An event whose `occurred_at` cannot be read is an error entry (`index` = its position, `code`
    /// `INVALID_EVENT_JSON`, `field` `occurred_at`, as the JSON path reports it); so are the core's refusals
    /// (`UNKNOWN_ACTIVITY`, `MISSING_FIELD`, `CONFLICTING_EVENT_ID`, `PERIOD_CLOSED`, …), and the rest are
    /// scored.
    ///
    /// Errors: `DangjianException.InvalidInput` `SCORER_UNAVAILABLE` only.
    ///
    /// ```kotlin
    /// val out = scorer.ingest(listOf(CreditEvent("e1", "M1", "login", "2026-03-02T07:00:00+08:00")))
    /// out.changed[0].points   // 1L
    /// out.changed[0].reason   // CreditReason.SCORED
    /// ```
    pub fn ingest(&self, events: Vec<CreditEvent>) -> Result<CreditChanges> {
        guarded(|| {
            // Read every event before taking the lock: other threads wait only for the scoring.
            let mut read = Vec::with_capacity(events.len());
            let mut positions = Vec::with_capacity(events.len());
            let mut unread = Vec::new();
            for (i, event) in events.into_iter().enumerate() {
                match occurred_at(&event.occurred_at) {
                    Ok(at) => {
                        read.push(event.into_core(at));
                        positions.push(i);
                    }
                    Err(e) => unread.push(EventError::new(i, None, Some(event.event_id), &e)),
                }
            }
            let mut scorer = self.lock()?;
            let mut r = scorer.ingest(read);
            // The core numbers its refusals within the events it was given; put them back at their place in
            // the caller's list, then merge in input order as the JSON path does.
            for e in &mut r.errors {
                e.index = positions.get(e.index).copied().unwrap_or(e.index);
            }
            r.errors.extend(unread);
            r.errors.sort_by_key(|e| e.index);
            Ok(changes(&scorer, r))
        })
    }

    /// Voids events by id (clawback, `Scorer::void`) — the typed twin of [`CreditsScorer::void_events`]: each
    /// scores 0 (`VOIDED`) and its member is re-scored from its day, so an event capped before may now
    /// count. An unknown id is an error entry `UNKNOWN_EVENT` at `event_id` (`index` = its position in
    /// `event_ids`); voiding twice changes nothing.
    ///
    /// Errors: `DangjianException.InvalidInput` `SCORER_UNAVAILABLE` only.
    ///
    /// ```kotlin
    /// val out = scorer.void(listOf("a"))   // changed: a (0, VOIDED), b (1, SCORED) once a's cap is freed
    /// ```
    pub fn void(&self, event_ids: Vec<String>) -> Result<CreditChanges> {
        guarded(|| {
            let mut scorer = self.lock()?;
            let r = scorer.void(&event_ids);
            Ok(changes(&scorer, r))
        })
    }

    /// Every open entry in canonical order (`occurred_at`, then `event_id`; `Scorer::ledger`) — the typed
    /// twin of [`CreditsScorer::ledger_json`].
    ///
    /// Errors: `DangjianException.InvalidInput` `SCORER_UNAVAILABLE` only.
    ///
    /// ```kotlin
    /// val points = scorer.ledger().sumOf { it.points }
    /// ```
    pub fn ledger(&self) -> Result<Vec<CreditEntry>> {
        guarded(|| {
            Ok(self
                .lock()?
                .ledger()
                .into_iter()
                .map(CreditEntry::from)
                .collect())
        })
    }

    /// The entry of one event (`Scorer::entry`), or null when no such event is open in the scorer — the
    /// typed twin of [`CreditsScorer::entry_json`].
    ///
    /// Errors: `DangjianException.InvalidInput` `SCORER_UNAVAILABLE` only.
    ///
    /// ```kotlin
    /// scorer.entry("e1")?.reason   // CreditReason.SCORED
    /// ```
    pub fn entry(&self, event_id: String) -> Result<Option<CreditEntry>> {
        guarded(|| Ok(self.lock()?.entry(&event_id).map(CreditEntry::from)))
    }

    /// The totals per member (by id) per China-time day, ISO week, month and year, each kind in date order
    /// (`Scorer::totals`) — the typed twin of [`CreditsScorer::totals_json`].
    ///
    /// Errors: `DangjianException.InvalidInput` `SCORER_UNAVAILABLE` only.
    ///
    /// ```kotlin
    /// val year = scorer.totals().filter { it.kind == CreditPeriodKind.YEAR && it.period == "2026" }
    /// ```
    pub fn totals(&self) -> Result<Vec<CreditTotal>> {
        guarded(|| {
            Ok(self
                .lock()?
                .totals()
                .into_iter()
                .map(CreditTotal::from)
                .collect())
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use std::sync::Arc;

    use serde_json::{json, Value};

    use super::*;
    use crate::credits::CreditsScheme;

    fn ev(id: &str, member: &str, activity: &str, at: &str) -> CreditEvent {
        CreditEvent {
            event_id: id.into(),
            member_id: member.into(),
            activity: activity.into(),
            occurred_at: at.into(),
            content_id: None,
            duration_seconds: None,
            correct_answers: None,
            place: None,
            points: None,
        }
    }

    /// Logins of M1 around the China-time midnight between 2 and 3 March 2026, one reading-time event of
    /// M2, an unreadable instant and an unknown activity.
    fn events() -> Vec<CreditEvent> {
        vec![
            ev("a", "M1", "login", "2026-03-02T08:00:00+08:00"),
            // 23:59:59 in Beijing, still 2 March: the day's one login point is taken.
            ev("b", "M1", "login", "2026-03-02T15:59:59Z"),
            // 00:00:00 in Beijing on 3 March: a new day.
            ev("c", "M1", "login", "2026-03-02T16:00:00Z"),
            ev("bad", "M1", "login", "yesterday"),
            ev("n", "M1", "nap", "2026-03-02T09:00:00+08:00"),
            CreditEvent {
                duration_seconds: Some(300),
                content_id: Some("A1".into()),
                ..ev("r", "M2", "reading_time", "2026-03-02T07:00:00+08:00")
            },
        ]
    }

    /// The events as the JSON document `ingest_json` reads (absent options left out).
    fn as_json(events: &[CreditEvent]) -> String {
        let docs: Vec<Value> = events
            .iter()
            .map(|e| {
                let mut d = json!({"event_id": e.event_id, "member_id": e.member_id,
                    "activity": e.activity, "occurred_at": e.occurred_at});
                let m = d.as_object_mut().unwrap();
                if let Some(c) = &e.content_id {
                    m.insert("content_id".into(), json!(c));
                }
                for (k, v) in [
                    ("duration_seconds", e.duration_seconds),
                    ("correct_answers", e.correct_answers),
                    ("place", e.place),
                ] {
                    if let Some(v) = v {
                        m.insert(k.into(), json!(v));
                    }
                }
                if let Some(p) = e.points {
                    m.insert("points".into(), json!(p));
                }
                d
            })
            .collect();
        serde_json::to_string(&docs).unwrap()
    }

    fn reason_code(r: CreditReason) -> &'static str {
        match r {
            CreditReason::Scored => "SCORED",
            CreditReason::CapReached => "CAP_REACHED",
            CreditReason::TooShort => "TOO_SHORT",
            CreditReason::DuplicateContent => "DUPLICATE_CONTENT",
            CreditReason::DuplicateEvent => "DUPLICATE_EVENT",
            CreditReason::NotAvailable => "NOT_AVAILABLE",
            CreditReason::Voided => "VOIDED",
            CreditReason::Suspended => "SUSPENDED",
        }
    }

    fn entry_doc(e: &CreditEntry) -> Value {
        json!({"event_id": e.event_id, "member_id": e.member_id, "activity": e.activity,
            "occurred_at": e.occurred_at, "day": e.day, "points": e.points,
            "raw_points": e.raw_points, "reason": reason_code(e.reason)})
    }

    fn total_doc(t: &CreditTotal) -> Value {
        let kind = match t.kind {
            CreditPeriodKind::Day => "day",
            CreditPeriodKind::Week => "week",
            CreditPeriodKind::Month => "month",
            CreditPeriodKind::Year => "year",
        };
        json!({"member_id": t.member_id, "kind": kind, "period": t.period, "points": t.points,
            "score": t.score})
    }

    /// An error entry without its messages (the typed reader words its own; both must be there).
    fn error_doc(e: &CreditEventError) -> Value {
        assert!(
            !e.message_zh.is_empty() && !e.message_en.is_empty(),
            "{e:?}"
        );
        let mut d = json!({"index": e.index, "event_id": e.event_id, "kind": e.kind, "code": e.code,
            "field": e.field});
        if let Some(line) = e.line {
            d["line"] = json!(line);
        }
        d
    }

    /// The typed changes as the `{"changed","duplicates","errors"}` document, errors without messages.
    fn changes_doc(c: &CreditChanges) -> Value {
        json!({"changed": c.changed.iter().map(entry_doc).collect::<Vec<_>>(),
            "duplicates": c.duplicates,
            "errors": c.errors.iter().map(error_doc).collect::<Vec<_>>()})
    }

    /// A JSON method's document with the errors' messages dropped.
    fn json_doc(text: &str) -> Value {
        let mut d: Value = serde_json::from_str(text).unwrap();
        for e in d["errors"].as_array_mut().unwrap() {
            let m = e.as_object_mut().unwrap();
            assert!(m.remove("message_zh").is_some() && m.remove("message_en").is_some());
        }
        d
    }

    fn scorer() -> Arc<CreditsScorer> {
        CreditsScorer::new(&CreditsScheme::learning_platform()).unwrap()
    }

    #[test]
    fn ingest_scores_by_china_day_and_reports_bad_events_in_place() {
        let s = scorer();
        let out = s.ingest(events()).unwrap();
        let got: Vec<_> = out
            .changed
            .iter()
            .map(|e| {
                (
                    e.event_id.as_str(),
                    e.day.as_str(),
                    e.points,
                    e.raw_points,
                    e.reason,
                )
            })
            .collect();
        // Login: 1 point, at most 1 a China-time day. Reading time: 1 a full minute (5 minutes → 5).
        // Canonical order is by instant: r (23:00Z on 1 March), a (00:00Z), b (15:59:59Z), c (16:00Z).
        assert_eq!(
            got,
            [
                ("r", "2026-03-02", 5, 5, CreditReason::Scored),
                ("a", "2026-03-02", 1, 1, CreditReason::Scored),
                ("b", "2026-03-02", 0, 1, CreditReason::CapReached),
                ("c", "2026-03-03", 1, 1, CreditReason::Scored),
            ]
        );
        // The instant is written as given: at its own offset, `Z` for UTC.
        assert_eq!(out.changed[0].occurred_at, "2026-03-02T07:00:00+08:00");
        assert_eq!(out.changed[2].occurred_at, "2026-03-02T15:59:59Z");
        let errors: Vec<_> = out
            .errors
            .iter()
            .map(|e| {
                (
                    e.index,
                    e.event_id.as_deref(),
                    e.code.as_str(),
                    e.field.as_str(),
                )
            })
            .collect();
        assert_eq!(
            errors,
            [
                (3, Some("bad"), "INVALID_EVENT_JSON", "occurred_at"),
                (4, Some("n"), "UNKNOWN_ACTIVITY", "activity"),
            ]
        );
        assert_eq!(out.errors[0].kind, "invalid_input");
        assert!(out.duplicates.is_empty());
        assert_eq!(s.len().unwrap(), 4);
    }

    #[test]
    fn typed_calls_give_the_json_calls_documents() {
        let (typed, by_json) = (scorer(), scorer());
        let events = events();
        let first = typed.ingest(events.clone()).unwrap();
        assert_eq!(
            changes_doc(&first),
            json_doc(&by_json.ingest_json(as_json(&events)).unwrap())
        );
        // The same batch again: duplicates (the unread and refused events stay errors).
        let again = typed.ingest(events.clone()).unwrap();
        assert_eq!(again.duplicates, ["a", "b", "c", "r"]);
        assert_eq!(
            changes_doc(&again),
            json_doc(&by_json.ingest_json(as_json(&events)).unwrap())
        );
        let ids = vec!["a".to_owned(), "nope".to_owned()];
        assert_eq!(
            changes_doc(&typed.void(ids.clone()).unwrap()),
            json_doc(&by_json.void_events(ids).unwrap())
        );
        let ledger: Value = serde_json::from_str(&by_json.ledger_json().unwrap()).unwrap();
        let typed_ledger: Vec<_> = typed.ledger().unwrap().iter().map(entry_doc).collect();
        assert_eq!(Value::from(typed_ledger), ledger);
        let totals: Value = serde_json::from_str(&by_json.totals_json().unwrap()).unwrap();
        let typed_totals: Vec<_> = typed.totals().unwrap().iter().map(total_doc).collect();
        assert_eq!(Value::from(typed_totals), totals);
        for id in ["a", "b", "c", "r", "zzz"] {
            let want: Value = by_json
                .entry_json(id.into())
                .unwrap()
                .map_or(Value::Null, |t| serde_json::from_str(&t).unwrap());
            let got = typed
                .entry(id.into())
                .unwrap()
                .map_or(Value::Null, |e| entry_doc(&e));
            assert_eq!(got, want, "entry {id}");
        }
    }

    #[test]
    fn a_void_frees_the_cap_and_an_unknown_id_is_an_error_entry() {
        let s = scorer();
        s.ingest(events()).unwrap();
        let out = s.void(vec!["a".into(), "nope".into()]).unwrap();
        let got: Vec<_> = out
            .changed
            .iter()
            .map(|e| (e.event_id.as_str(), e.points, e.reason))
            .collect();
        // a voided: b, the next login of 2 March in Beijing, now takes the day's point.
        assert_eq!(
            got,
            [
                ("a", 0, CreditReason::Voided),
                ("b", 1, CreditReason::Scored)
            ]
        );
        let e = out.errors.first().unwrap();
        assert_eq!(
            (
                e.index,
                e.event_id.as_deref(),
                e.code.as_str(),
                e.field.as_str()
            ),
            (1, Some("nope"), "UNKNOWN_EVENT", "event_id")
        );
        assert!(s.void(vec!["a".into()]).unwrap().changed.is_empty());
        assert_eq!(
            s.entry("a".into()).unwrap().unwrap().reason,
            CreditReason::Voided
        );
        assert_eq!(s.entry("zzz".into()).unwrap(), None);
    }

    #[test]
    fn totals_per_china_day_week_month_and_year() {
        let s = scorer();
        s.ingest(events()).unwrap();
        let m1: Vec<_> = s
            .totals()
            .unwrap()
            .into_iter()
            .filter(|t| t.member_id == "M1")
            .map(|t| (t.kind, t.period, t.points, t.score))
            .collect();
        // 2 March 2026 is the Monday of ISO week 10; the learning platform has no base score.
        let want = [
            (CreditPeriodKind::Day, "2026-03-02", 1, 1),
            (CreditPeriodKind::Day, "2026-03-03", 1, 1),
            (CreditPeriodKind::Week, "2026-W10", 2, 2),
            (CreditPeriodKind::Month, "2026-03", 2, 2),
            (CreditPeriodKind::Year, "2026", 2, 2),
        ]
        .map(|(k, p, pts, sc)| (k, p.to_owned(), pts, sc));
        assert_eq!(m1, want);
    }

    #[test]
    fn every_core_reason_and_period_kind_keeps_its_code() {
        let reasons = [
            Reason::Scored,
            Reason::CapReached,
            Reason::TooShort,
            Reason::DuplicateContent,
            Reason::DuplicateEvent,
            Reason::NotAvailable,
            Reason::Voided,
            Reason::Suspended,
        ];
        for r in reasons {
            assert_eq!(reason_code(r.into()), r.code());
        }
        for k in [
            PeriodKind::Day,
            PeriodKind::Week,
            PeriodKind::Month,
            PeriodKind::Year,
        ] {
            let core = serde_json::to_value(k).unwrap();
            assert_eq!(
                total_doc(&CreditTotal {
                    member_id: String::new(),
                    kind: k.into(),
                    period: String::new(),
                    points: 0,
                    score: 0,
                })["kind"],
                core
            );
        }
    }

    #[test]
    fn an_instant_without_an_offset_is_refused_as_the_json_path_refuses_it() {
        let (typed, by_json) = (scorer(), scorer());
        let events = vec![
            ev("x", "M1", "login", "2026-03-02T08:00:00"),
            ev("y", "M1", "login", "2026-03-02 08:00:00+08:00"),
        ];
        let out = typed.ingest(events.clone()).unwrap();
        assert_eq!(
            changes_doc(&out),
            json_doc(&by_json.ingest_json(as_json(&events)).unwrap())
        );
        assert_eq!(out.errors.len(), 1);
    }
}
