//! JSON entry points, mirroring `dues::json`: documents in, compact JSON out, the same bytes on every
//! platform. Batches never lose their good events because of a bad one: each bad event is an error entry
//! with its position (and line number, for JSON Lines) and the field at fault.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::board::{leaderboard, rate, OrgMap, Tier};
use super::event::{Entry, Event, EventError, Offence};
use super::report::{Explanation, Total};
use super::rules::Scheme;
use super::scorer::{Ingest, Scorer};
use super::time::PeriodKind;
use crate::error::{from_json, to_json};
use crate::{Error, Result};

/// A [`score_json`] entry: the ledger entry, with its explanation when asked for.
#[derive(Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(rename = "ScoredEntry"))]
struct EntryOut<'a> {
    #[serde(flatten)]
    #[cfg_attr(feature = "wasm", tsify(type = "LedgerEntry"))]
    entry: Entry<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<Explanation>,
}

/// What [`score_json`] and [`score_jsonl`] write.
#[derive(Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(rename = "ScoreResult"))]
struct Scored<'a> {
    /// Canonical order: `occurred_at`, then `event_id`.
    #[cfg_attr(feature = "wasm", tsify(type = "ScoredEntry[]"))]
    entries: Vec<EntryOut<'a>>,
    /// Event ids received again with the same content, sorted.
    duplicates: Vec<String>,
    errors: Vec<EventError>,
    #[cfg_attr(feature = "wasm", tsify(type = "CreditTotal[]"))]
    totals: Vec<Total>,
}

/// The document [`score_json`] reads (the events read one by one: `E` is each event's text).
#[derive(Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(rename = "ScoreInput", type_params = "E = CreditEvent")
)]
#[serde(deny_unknown_fields)]
struct Input<E> {
    events: Vec<E>,
    /// Event ids to void (clawback).
    #[serde(default)]
    voids: Vec<String>,
    #[serde(default)]
    offences: Vec<Offence>,
}

/// One event's text, read straight into the event; one the fast read refuses is read again as a JSON value
/// (as it always was: trailing text ignored, a key named twice keeping its last value) to name its fault.
fn read_event(raw: &str) -> std::result::Result<Event, Box<(Option<String>, Error)>> {
    if let Some(event) = crate::error::fast_read::<Event>(raw) {
        return Ok(event);
    }
    let value: serde_json::Value = from_json(raw, "INVALID_EVENT_JSON").map_err(|e| (None, e))?;
    let id = value
        .get("event_id")
        .and_then(|v| v.as_str())
        .map(str::to_owned);
    from_json::<Event>(&value.to_string(), "INVALID_EVENT_JSON").map_err(|e| Box::new((id, e)))
}

/// Applies voids and offences after the events, and writes the document.
fn finish(
    scorer: &mut Scorer,
    mut duplicates: Vec<String>,
    voids: &[String],
    offences: Vec<Offence>,
    mut errors: Vec<EventError>,
    explain: bool,
) -> Result<String> {
    let v = scorer.void(voids);
    errors.extend(v.errors.into_iter().map(|mut e| {
        e.field = format!("voids[{}]", e.index);
        e
    }));
    let o = scorer.record_offences(offences);
    errors.extend(o.errors.into_iter().map(|mut e| {
        e.field = format!("offences[{}].{}", e.index, e.field);
        e
    }));
    duplicates.sort();
    let entries = scorer
        .ledger()
        .into_iter()
        .map(|entry| {
            let explanation = if explain {
                scorer.explain(entry.event_id)
            } else {
                None
            };
            EntryOut { entry, explanation }
        })
        .collect();
    to_json(&Scored {
        entries,
        duplicates,
        errors,
        totals: scorer.totals(),
    })
}

/// Scores a document `{"events":[…],"voids":["event id",…],"offences":[…]}` (voids and offences optional)
/// and returns `{"entries":[…],"duplicates":[…],"errors":[…],"totals":[…]}`: entries in canonical order,
/// each with its `explanation` when `explain`.
///
/// ```
/// use dangjian::credits::{score_json, Scheme};
/// let out = score_json(&Scheme::learning_platform(), r#"{"events":[
///   {"event_id":"e1","member_id":"M1","activity":"login","occurred_at":"2026-03-02T07:00:00+08:00"},
///   {"event_id":"e2","member_id":"M1","activity":"nap","occurred_at":"2026-03-02T07:00:00+08:00"}]}"#, false).unwrap();
/// assert!(out.contains(r#""points":1,"raw_points":1,"reason":"SCORED""#));
/// assert!(out.contains(r#""index":1,"event_id":"e2","kind":"invalid_input","code":"UNKNOWN_ACTIVITY""#));
/// ```
pub fn score_json(scheme: &Scheme, input_json: &str, explain: bool) -> Result<String> {
    let input: Input<&RawValue> = crate::error::from_json_raw::<_, Input<serde_json::Value>>(
        input_json,
        "INVALID_EVENTS_JSON",
    )?;
    let mut scorer = Scorer::new(scheme.clone())?;
    let r = scorer.ingest_raw(&input.events);
    finish(
        &mut scorer,
        r.duplicates,
        &input.voids,
        input.offences,
        r.errors,
        explain,
    )
}

impl Scorer {
    /// [`Scorer::ingest`] over a JSON array of event documents. Each event is read on its own: one that cannot
    /// be read is an error entry (`INVALID_EVENT_JSON`, its `index` in the array, the field inside the event)
    /// and the others are scored; the core's refusals carry their position in the array too.
    ///
    /// Errors (the whole call): `INVALID_EVENTS_JSON` when the document is not an array.
    ///
    /// ```
    /// use dangjian::credits::{Scheme, Scorer};
    /// let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
    /// let r = s.ingest_json(r#"[{"event_id":"e1","member_id":"M1","activity":"login",
    ///   "occurred_at":"2026-03-02T07:00:00+08:00"},{"event_id":"e2","member_id":"M1"}]"#).unwrap();
    /// assert_eq!(r.changed.len(), 1);
    /// assert_eq!((r.errors[0].index, r.errors[0].field.as_str()), (1, "activity"));
    /// ```
    pub fn ingest_json(&mut self, events_json: &str) -> Result<Ingest> {
        let raw: Vec<&RawValue> = crate::error::from_json_raw::<_, Vec<serde_json::Value>>(
            events_json,
            "INVALID_EVENTS_JSON",
        )?;
        Ok(self.ingest_raw(&raw))
    }

    /// [`Scorer::ingest_json`] over the array's elements as text (also what [`score_json`] feeds).
    fn ingest_raw(&mut self, raw: &[&RawValue]) -> Ingest {
        let mut events = Vec::with_capacity(raw.len());
        let mut positions = Vec::with_capacity(raw.len());
        let mut errors = Vec::new();
        for (index, value) in raw.iter().enumerate() {
            match read_event(value.get()) {
                Ok(e) => {
                    events.push(e);
                    positions.push(index);
                }
                Err(bad) => errors.push(EventError::new(index, None, bad.0, &bad.1)),
            }
        }
        let mut r = self.ingest(events);
        for e in &mut r.errors {
            e.index = positions.get(e.index).copied().unwrap_or(e.index);
        }
        r.errors.extend(errors);
        r.errors.sort_by_key(|e| e.index);
        r
    }
}

/// Scores JSON Lines: one event per line (blank lines skipped). A line that is not a valid event is reported
/// with its `line` number (1-based) and the field at fault, and the rest are scored. Output as [`score_json`].
///
/// ```
/// use dangjian::credits::{score_jsonl, Scheme};
/// let lines = "{\"event_id\":\"e1\",\"member_id\":\"M1\",\"activity\":\"login\",\"occurred_at\":\"2026-03-02T07:00:00+08:00\"}\n\
///              {\"event_id\":\"e2\",\"member_id\":\"M1\"}\n\nnot json\n";
/// let out = score_jsonl(&Scheme::learning_platform(), lines, false).unwrap();
/// assert!(out.contains(r#""line":2"#) && out.contains(r#""field":"activity""#));
/// assert!(out.contains(r#""line":4"#));
/// assert!(out.contains(r#""event_id":"e1""#));
/// ```
pub fn score_jsonl(scheme: &Scheme, jsonl: &str, explain: bool) -> Result<String> {
    score_lines(scheme, jsonl.as_bytes(), explain)
}

/// The longest JSON Lines line read, in bytes (an event is a few hundred): a longer one is refused whole
/// (`LINE_TOO_LONG` with its line number) without being parsed.
pub const MAX_LINE_LEN: usize = 64 * 1024;

/// [`score_jsonl`] over raw bytes, as read from a file: a line that is not UTF-8 is reported
/// (`INVALID_UTF8` with its line number) and the other lines are scored; a byte-order mark at the start is
/// skipped; lines end with `\n` or `\r\n`; a line longer than [`MAX_LINE_LEN`] is `LINE_TOO_LONG`.
///
/// ```
/// use dangjian::credits::{score_jsonl_bytes, Scheme};
/// let mut bytes = b"{\"event_id\":\"e1\",\"member_id\":\"M1\",\"activity\":\"login\",\"occurred_at\":\"2026-03-02T07:00:00+08:00\"}\r\n".to_vec();
/// bytes.extend(b"{\"event_id\":\"e2\",\"member_id\":\"M\xff\"}\n");
/// let out = score_jsonl_bytes(&Scheme::learning_platform(), &bytes, false).unwrap();
/// assert!(out.contains(r#""line":2"#) && out.contains("INVALID_UTF8"));
/// assert!(out.contains(r#""event_id":"e1""#));
/// ```
pub fn score_jsonl_bytes(scheme: &Scheme, jsonl: &[u8], explain: bool) -> Result<String> {
    score_lines(scheme, jsonl, explain)
}

fn score_lines(scheme: &Scheme, jsonl: &[u8], explain: bool) -> Result<String> {
    let mut scorer = Scorer::new(scheme.clone())?;
    let mut events = Vec::new();
    let mut lines = Vec::new();
    let mut errors = Vec::new();
    let jsonl = jsonl.strip_prefix("\u{feff}".as_bytes()).unwrap_or(jsonl);
    for (i, raw) in jsonl.split(|&b| b == b'\n').enumerate() {
        let number = i.saturating_add(1);
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let line = match read_line(raw) {
            Ok(line) => line,
            Err(e) => {
                errors.push(EventError::new(i, Some(number), None, &e));
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        match read_event(line) {
            Ok(e) => {
                events.push(e);
                lines.push(i);
            }
            Err(bad) => errors.push(EventError::new(i, Some(number), bad.0, &bad.1)),
        }
    }
    let r = scorer.ingest(events);
    errors.extend(r.errors.into_iter().map(|mut e| {
        let line = lines.get(e.index).copied().unwrap_or(e.index);
        e.index = line;
        e.line = Some(line.saturating_add(1));
        e
    }));
    errors.sort_by_key(|e| e.index);
    finish(&mut scorer, r.duplicates, &[], Vec::new(), errors, explain)
}

/// One line's text: bounded, then UTF-8.
fn read_line(raw: &[u8]) -> Result<&str> {
    if raw.len() > MAX_LINE_LEN {
        return Err(Error::input(
            "LINE_TOO_LONG",
            "",
            format!("行长超过 {MAX_LINE_LEN} 字节（{} 字节）", raw.len()),
            format!(
                "the line is longer than {MAX_LINE_LEN} bytes ({})",
                raw.len()
            ),
        ));
    }
    std::str::from_utf8(raw).map_err(|e| {
        Error::input(
            "INVALID_UTF8",
            "",
            format!("该行不是 UTF-8 文本（第 {} 字节起）", e.valid_up_to()),
            format!("the line is not UTF-8 (from byte {})", e.valid_up_to()),
        )
    })
}

/// [`leaderboard`] over JSON: totals (as output by [`score_json`]) and an [`OrgMap`] document.
///
/// ```
/// let totals = r#"[{"member_id":"A","kind":"year","period":"2026","points":5,"score":5}]"#;
/// let out = dangjian::credits::leaderboard_json(totals, r#"{"member_org":{"A":"b"}}"#, "year", "2026", "b").unwrap();
/// assert_eq!(out, r#"[{"rank":1,"member_id":"A","score":5}]"#);
/// ```
pub fn leaderboard_json(
    totals_json: &str,
    orgs_json: &str,
    kind: &str,
    period: &str,
    org: &str,
) -> Result<String> {
    let totals: Vec<Total> = from_json(totals_json, "INVALID_TOTALS_JSON")?;
    let orgs: OrgMap = from_json(orgs_json, "INVALID_ORGS_JSON")?;
    let kind: PeriodKind = from_json(
        &format!("\"{}\"", kind.escape_default()),
        "INVALID_PERIOD_KIND",
    )
    .map_err(|e| e.under("kind"))?;
    to_json(&leaderboard(&totals, kind, period, org, &orgs)?)
}

/// [`rate`] over JSON: `[{"member_id":…,"score":…}]` and the tiers (`null` for [`super::default_tiers`]).
///
/// ```
/// let out = dangjian::credits::rate_json(r#"[{"member_id":"A","score":95}]"#, "null").unwrap();
/// assert!(out.contains(r#""tier":"合格""#)); // one rated: quota ⌊1/3⌋ = 0
/// ```
pub fn rate_json(scores_json: &str, tiers_json: &str) -> Result<String> {
    let scores: Vec<MemberScore> = from_json(scores_json, "INVALID_SCORES_JSON")?;
    let tiers: Option<Vec<Tier>> = from_json(tiers_json, "INVALID_TIERS_JSON")?;
    let tiers = tiers.unwrap_or_else(super::default_tiers);
    let pairs: Vec<(String, i64)> = scores.into_iter().map(|s| (s.member_id, s.score)).collect();
    to_json(&rate(&pairs, &tiers)?)
}

/// A member's score, as [`rate_json`] reads it.
#[derive(Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
struct MemberScore {
    member_id: String,
    score: i64,
}

/// [`super::meeting_events`] over JSON: an array of 三会一课 attendance records in, an array of events out,
/// ready for a unit's `member_points` scheme.
///
/// ```
/// let out = dangjian::credits::meeting_events_json(r#"[{"meeting_id":"m1","meeting_type":"party_lecture",
///   "date":"2026-03-02","attendees":["M1","M2"]}]"#, "meeting_attendance").unwrap();
/// assert!(out.contains(r#""event_id":"meeting:m1:M2""#));
/// ```
pub fn meeting_events_json(records_json: &str, activity: &str) -> Result<String> {
    let records: Vec<super::MeetingRecord> = from_json(records_json, "INVALID_MEETING_JSON")?;
    to_json(&super::meeting_events(&records, activity))
}

/// [`super::dues_events`] over JSON: a dues ledger document (the months owed are its obligations' months) in,
/// one event per month paid on time out.
///
/// ```
/// let out = dangjian::credits::dues_events_json(r#"{"member_id":"M1","obligations":[{"month":"2026-01","amount":"10.00"},
///   {"month":"2026-02","amount":"10.00"}],"payments":[{"paid_on":"2026-01-20","amount":"10.00","months":["2026-01"]}]}"#,
///   "dues_on_time").unwrap();
/// assert!(out.contains(r#""event_id":"dues:M1:2026-01""#) && !out.contains("2026-02"));
/// ```
pub fn dues_events_json(ledger_json: &str, activity: &str) -> Result<String> {
    let ledger: crate::dues::Ledger = from_json(ledger_json, "INVALID_LEDGER_JSON")?;
    let months: Vec<crate::YearMonth> = ledger.obligations.iter().map(|o| o.month).collect();
    to_json(&super::dues_events(
        &ledger.member_id,
        &ledger.payments,
        &months,
        activity,
    ))
}

#[cfg(test)]
#[path = "json_tests.rs"]
mod tests;
