//! Learning credits (学习积分) and member points (党员积分制): the scheme and the incremental scorer as
//! objects, and the core's JSON entry points (`dangjian::credits`).
//!
//! The scorer's calls, the leaderboard and the rating also come typed (`calls.rs`), with the core's own
//! records (`dangjian::credits::{Event, Offence, Changes, LedgerEntry, Total, Explanation, OrgMap, Tier, …}`,
//! feature `uniffi`, in the `dangjian_types` component), and as columns (`columns.rs`). The scheme document
//! crosses as JSON (`CreditsScheme::from_json`, `to_json`): large, nested and versioned.
//! Nothing here scores: every call goes to the core; this module only reads the documents into the core's
//! own types and writes the core's results back (`serde_json`).

use std::sync::{Arc, Mutex, MutexGuard};

use dangjian::credits::{self as core, Offence, Scheme, Scorer};
use dangjian::error::from_json;
use serde::Serialize;

use crate::error::{guarded, DangjianError, Result};

mod calls;
mod columns;
mod tally;
pub use calls::{credits_default_tiers, credits_leaderboard, credits_rate};
pub use columns::CreditsColumns;
pub use tally::{CreditsTally, TallyRows, TallyTotals};

/// Writes a core value as compact JSON (the core's own writer: `SERIALIZATION_FAILED`, never a panic).
pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    Ok(dangjian::error::to_json(value)?)
}

/// A credits scheme (`dangjian::credits::Scheme`): dated rule sets of activities with their units, caps,
/// dedup, time windows and the penalty ladder. Immutable; shared by every scorer built on it.
///
/// ```kotlin
/// val scheme = CreditsScheme.learningPlatform()
/// val out = creditsScoreJson(scheme, """{"events":[…]}""", false)
/// ```
#[derive(Debug, uniffi::Object)]
pub struct CreditsScheme {
    pub(crate) inner: Scheme,
}

#[uniffi::export]
impl CreditsScheme {
    /// The 学习强国-style learning platform preset (`Scheme::learning_platform`): the January 2019 and the
    /// 2022–23 daily rules, dated. Never fails.
    ///
    /// ```kotlin
    /// val scheme = CreditsScheme.learningPlatform()
    /// ```
    #[uniffi::constructor]
    pub fn learning_platform() -> Arc<Self> {
        Arc::new(Self {
            inner: Scheme::learning_platform(),
        })
    }

    /// The 党员积分制 preset (`Scheme::member_points`): base score, meetings, dues on time, bonus and
    /// deduction items, yearly floor. Never fails.
    ///
    /// ```kotlin
    /// val scheme = CreditsScheme.memberPoints()
    /// ```
    #[uniffi::constructor]
    pub fn member_points() -> Arc<Self> {
        Arc::new(Self {
            inner: Scheme::member_points(),
        })
    }

    /// Reads and validates a unit's own scheme document (`Scheme::from_json`; the format
    /// [`CreditsScheme::to_json`] writes).
    ///
    /// Errors: `DangjianException.InvalidInput` `INVALID_SCHEME_JSON` (unreadable, unknown or missing field;
    /// `field` is its path); `DangjianException.Policy` — `UNSUPPORTED_SCHEMA_VERSION`, the period checks and
    /// the activity checks (`INVALID_UNIT` at `rule_sets[0].value.activities[0].unit.minutes` …).
    ///
    /// ```kotlin
    /// val scheme = CreditsScheme.fromJson(File("scheme.json").readText())
    /// ```
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Self>> {
        guarded(|| {
            Ok(Arc::new(Self {
                inner: Scheme::from_json(&json)?,
            }))
        })
    }

    /// The scheme as a JSON document; [`CreditsScheme::from_json`] reads it back unchanged.
    ///
    /// Errors: `DangjianException.InvalidInput` `SERIALIZATION_FAILED` (never expected).
    ///
    /// ```kotlin
    /// File("scheme.json").writeText(CreditsScheme.memberPoints().toJson())
    /// ```
    pub fn to_json(&self) -> Result<String> {
        guarded(|| to_json(&self.inner))
    }

    /// The scheme's short name (`learning_platform`, `member_points`, a unit's own). Never fails.
    ///
    /// ```kotlin
    /// CreditsScheme.memberPoints().name()   // "member_points"
    /// ```
    pub fn name(&self) -> String {
        self.inner.name.clone()
    }
}

/// The incremental scorer (`dangjian::credits::Scorer`): feed it events in any order and any batches; its
/// ledger is always what one replay of everything received would give. Voids (clawbacks) and offences
/// (the penalty ladder) re-score the members they touch.
///
/// Safe to share between threads: every call takes the scorer's lock. Every method returns the core's
/// documents as compact JSON. If a call ever panicked while holding the lock (a bug), the scorer is
/// unusable and every later call is `DangjianException.InvalidInput` `SCORER_UNAVAILABLE`.
///
/// ```kotlin
/// val scorer = CreditsScorer(CreditsScheme.learningPlatform())
/// scorer.ingestJson("""[{"event_id":"e1","member_id":"M1","activity":"login","occurred_at":"2026-03-02T07:00:00+08:00"}]""")
/// val totals = scorer.totalsJson()   // [{"member_id":"M1","kind":"day","period":"2026-03-02","points":1,"score":1},…]
/// ```
#[derive(Debug, uniffi::Object)]
pub struct CreditsScorer {
    pub(crate) inner: Mutex<Scorer>,
}

fn unavailable() -> DangjianError {
    DangjianError::InvalidInput {
        code: "SCORER_UNAVAILABLE".to_owned(),
        field: String::new(),
        message_zh: "积分计算器在一次失败的调用后不可用，请重新创建".to_owned(),
        message_en: "the scorer is unusable after a failed call; create it again".to_owned(),
    }
}

/// The result of a core call as the `{"changed","duplicates","errors"}` document (`Scorer::changes`).
fn changed_json(s: &Scorer, r: core::Ingest) -> Result<String> {
    to_json(&s.changes(r))
}

impl CreditsScorer {
    fn lock(&self) -> Result<MutexGuard<'_, Scorer>> {
        self.inner.lock().map_err(|_| unavailable())
    }
}

#[uniffi::export]
impl CreditsScorer {
    /// An empty scorer for `scheme` (`Scorer::new`).
    ///
    /// Errors: `DangjianException.Policy` if the scheme cannot be compiled (the presets and every scheme
    /// [`CreditsScheme::from_json`] accepts always can).
    ///
    /// ```kotlin
    /// val scorer = CreditsScorer(CreditsScheme.memberPoints())
    /// ```
    #[uniffi::constructor]
    pub fn new(scheme: &CreditsScheme) -> Result<Arc<Self>> {
        guarded(|| {
            Ok(Arc::new(Self {
                inner: Mutex::new(Scorer::new(scheme.inner.clone())?),
            }))
        })
    }

    /// Takes a batch of events, a JSON array of event documents (`Scorer::ingest`), and returns what
    /// changed: `{"changed":[entry…],"duplicates":["event id"…],"errors":[…]}` — the entries new or
    /// re-scored (canonical order; a late event can re-score later ones), the repeats ignored
    /// (`DUPLICATE_EVENT`) and the events refused. Each event is read on its own: an unreadable one is an
    /// error entry (`index` = its position in the array, `code` `INVALID_EVENT_JSON`, `field` inside the
    /// event) and the rest are scored, as in [`credits_score_json`]; so are the core's refusals
    /// (`UNKNOWN_ACTIVITY`, `MISSING_FIELD`, `CONFLICTING_EVENT_ID`).
    ///
    /// Errors (the whole call): `DangjianException.InvalidInput` `INVALID_EVENTS_JSON` when the document is
    /// not an array; `SCORER_UNAVAILABLE`.
    ///
    /// ```kotlin
    /// val out = scorer.ingestJson(File("events.json").readText())   // {"changed":[…],"duplicates":[],"errors":[]}
    /// ```
    pub fn ingest_json(&self, events_json: String) -> Result<String> {
        guarded(|| {
            let mut scorer = self.lock()?;
            let r = scorer.ingest_json(&events_json)?;
            changed_json(&scorer, r)
        })
    }

    /// Voids events by id (clawback, `Scorer::void`): each scores 0 (`VOIDED`) and its member is re-scored
    /// from its day, so an event capped before may now count. Returns the same document as
    /// [`CreditsScorer::ingest_json`]; an unknown id is an error entry `UNKNOWN_EVENT` at `event_id` (its
    /// `index` in `event_ids`); voiding twice changes nothing.
    ///
    /// Errors: `SCORER_UNAVAILABLE` only.
    ///
    /// ```kotlin
    /// scorer.voidEvents(listOf("a2"))   // {"changed":[{"event_id":"a2",…,"reason":"VOIDED"},{"event_id":"a7",…}],…}
    /// ```
    pub fn void_events(&self, event_ids: Vec<String>) -> Result<String> {
        guarded(|| {
            let mut scorer = self.lock()?;
            let r = scorer.void(&event_ids);
            changed_json(&scorer, r)
        })
    }

    /// Records cheating offences (`Scorer::record_offences`), a JSON array of
    /// `{"offence_id","member_id","decided_at"}`: a member's n-th offence takes the n-th step of the penalty
    /// ladder in force on its day (suspension, a zeroed year, a ban) and the member is re-scored. A repeated
    /// offence id is ignored. Returns the same document as [`CreditsScorer::ingest_json`]; an offence the
    /// core refuses is an error entry (`TIME_OUT_OF_RANGE` at `decided_at` …).
    ///
    /// Errors: `DangjianException.InvalidInput` `INVALID_OFFENCES_JSON` at the path of the field at fault
    /// (`[0].decided_at`); `SCORER_UNAVAILABLE`.
    ///
    /// ```kotlin
    /// scorer.recordOffencesJson("""[{"offence_id":"o1","member_id":"M1","decided_at":"2026-03-02T12:00:00+08:00"}]""")
    /// ```
    pub fn record_offences_json(&self, offences_json: String) -> Result<String> {
        guarded(|| {
            let offences: Vec<Offence> = from_json(&offences_json, "INVALID_OFFENCES_JSON")?;
            let mut scorer = self.lock()?;
            let r = scorer.record_offences(offences);
            changed_json(&scorer, r)
        })
    }

    /// Closes every China-time day up to `through` (`YYYY-MM-DD`; `Scorer::close_through`): their entries
    /// become final and leave the scorer's memory, the totals keep them, and an event or offence dated on
    /// a closed day is an error entry `PERIOD_CLOSED` from then on. Returns
    /// `{"through","entries","open"}`: the last closed day, the entries this call closed (as in
    /// [`CreditsScorer::ledger_json`]; store them, the scorer no longer shows them) and how many stay
    /// open. Closing an already closed day returns no entries.
    ///
    /// Errors: `DangjianException.InvalidInput` `INVALID_DATE` at `through`; `SCORER_UNAVAILABLE`.
    ///
    /// ```kotlin
    /// val closed = scorer.closeThrough("2026-03-31")   // {"through":"2026-03-31","entries":[…],"open":12}
    /// ```
    pub fn close_through(&self, through: String) -> Result<String> {
        guarded(|| Ok(self.lock()?.close_through_json(&through)?))
    }

    /// The last closed day (`YYYY-MM-DD`), or null when no day was closed (`Scorer::closed_through`).
    ///
    /// Errors: `SCORER_UNAVAILABLE` only.
    ///
    /// ```kotlin
    /// scorer.closedThrough()   // "2026-03-31"
    /// ```
    pub fn closed_through(&self) -> Result<Option<String>> {
        guarded(|| Ok(self.lock()?.closed_through().map(|d| d.to_string())))
    }

    /// Every entry, in canonical order (`occurred_at`, then `event_id`; `Scorer::ledger`), as a JSON array of
    /// `{"event_id","member_id","activity","occurred_at","day","points","raw_points","reason"}`.
    ///
    /// Errors: `SCORER_UNAVAILABLE`; `SERIALIZATION_FAILED` (never expected).
    ///
    /// ```kotlin
    /// val ledger = scorer.ledgerJson()
    /// ```
    pub fn ledger_json(&self) -> Result<String> {
        guarded(|| to_json(&self.lock()?.ledger()))
    }

    /// The totals per member per China-time day, ISO week, month and year (`Scorer::totals`), as a JSON array
    /// of `{"member_id","kind","period","points","score"}` — the input of [`credits_leaderboard_json`].
    ///
    /// Errors: `SCORER_UNAVAILABLE`; `SERIALIZATION_FAILED` (never expected).
    ///
    /// ```kotlin
    /// val board = creditsLeaderboardJson(scorer.totalsJson(), orgsJson, "year", "2026", "C1")
    /// ```
    pub fn totals_json(&self) -> Result<String> {
        guarded(|| to_json(&self.lock()?.totals()))
    }

    /// The entry of one event (`Scorer::entry`) as a JSON object, or null when no such event was received.
    ///
    /// Errors: `SCORER_UNAVAILABLE`; `SERIALIZATION_FAILED` (never expected).
    ///
    /// ```kotlin
    /// scorer.entryJson("e1")   // {"event_id":"e1",…,"points":1,"raw_points":1,"reason":"SCORED"}
    /// ```
    pub fn entry_json(&self, event_id: String) -> Result<Option<String>> {
        guarded(|| {
            self.lock()?
                .entry(&event_id)
                .map(|e| to_json(&e))
                .transpose()
        })
    }

    /// Why an event has its points (`Scorer::explain`): `{"steps":[{"step","value",…}],"citation":{…}}`, or
    /// null when no such event was received.
    ///
    /// Errors: `SCORER_UNAVAILABLE`; `SERIALIZATION_FAILED` (never expected).
    ///
    /// ```kotlin
    /// scorer.explain("a7")   // {"steps":[…,{"step":"result","value":"CAP_REACHED"}],"citation":{…}}
    /// ```
    pub fn explain(&self, event_id: String) -> Result<Option<String>> {
        guarded(|| {
            self.lock()?
                .explain(&event_id)
                .map(|x| to_json(&x))
                .transpose()
        })
    }

    /// How many distinct events the ledger holds (`Scorer::len`).
    ///
    /// Errors: `SCORER_UNAVAILABLE` only.
    ///
    /// ```kotlin
    /// scorer.len()   // 7uL
    /// ```
    pub fn len(&self) -> Result<u64> {
        guarded(|| Ok(self.lock()?.len() as u64))
    }

    /// Whether the ledger is empty (`Scorer::is_empty`).
    ///
    /// Errors: `SCORER_UNAVAILABLE` only.
    ///
    /// ```kotlin
    /// CreditsScorer(CreditsScheme.memberPoints()).isEmpty()   // true
    /// ```
    pub fn is_empty(&self) -> Result<bool> {
        guarded(|| Ok(self.lock()?.is_empty()))
    }

    /// The scheme the scorer scores against (`Scorer::scheme`).
    ///
    /// Errors: `SCORER_UNAVAILABLE` only.
    ///
    /// ```kotlin
    /// scorer.scheme().name()   // "learning_platform"
    /// ```
    pub fn scheme(&self) -> Result<Arc<CreditsScheme>> {
        guarded(|| {
            Ok(Arc::new(CreditsScheme {
                inner: self.lock()?.scheme().clone(),
            }))
        })
    }
}

/// Scores a whole document in one call (`dangjian::credits::score_json`):
/// `{"events":[…],"voids":["event id"…],"offences":[…]}` (voids and offences optional) in,
/// `{"entries":[…],"duplicates":[…],"errors":[…],"totals":[…]}` out — entries in canonical order, each
/// with its `explanation` when `explain` is true. A bad event, void or offence is an error entry (`index`,
/// `event_id`, `code`, `field`: `voids[0]`, `offences[1].decided_at`) and the rest are scored.
///
/// Errors: `DangjianException.InvalidInput` `INVALID_EVENTS_JSON` when the document itself cannot be read
/// (`field` is the path, e.g. `events`).
///
/// ```kotlin
/// val out = creditsScoreJson(CreditsScheme.learningPlatform(), """{"events":[{"event_id":"e1","member_id":"M1",
///   "activity":"login","occurred_at":"2026-03-02T07:00:00+08:00"}]}""", true)
/// ```
#[uniffi::export]
pub fn credits_score_json(
    scheme: &CreditsScheme,
    input_json: String,
    explain: bool,
) -> Result<String> {
    guarded(|| Ok(core::score_json(&scheme.inner, &input_json, explain)?))
}

/// Scores JSON Lines, one event per line, blank lines skipped (`dangjian::credits::score_jsonl`). A line that
/// is not a valid event is an error entry with its `line` (1-based) and field, and the rest are scored.
/// Output as [`credits_score_json`].
///
/// Errors: none in practice (every bad line is an entry); the core's coded errors pass through.
///
/// ```kotlin
/// val out = creditsScoreJsonl(CreditsScheme.learningPlatform(), File("events.jsonl").readText(), false)
/// ```
#[uniffi::export]
pub fn credits_score_jsonl(scheme: &CreditsScheme, jsonl: String, explain: bool) -> Result<String> {
    guarded(|| Ok(core::score_jsonl(&scheme.inner, &jsonl, explain)?))
}

/// The ranking of one organization's subtree for one period (`dangjian::credits::leaderboard_json`):
/// totals (as [`CreditsScorer::totals_json`] or [`credits_score_json`] write them), an org map
/// `{"member_org":{"member":"org"},"parent":{"org":"parent org"}}`, the period kind (`day`, `week`, `month`,
/// `year`), the period (`2026`, `2026-03`, `2026-W10`, `2026-03-02`) and the org; out
/// `[{"rank","member_id","score"}…]` (equal scores share a rank).
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_TOTALS_JSON`, `INVALID_ORGS_JSON` (at the path),
/// `INVALID_PERIOD_KIND` at `kind`; the core's checks of the org map.
///
/// ```kotlin
/// val board = creditsLeaderboardJson(totals, """{"member_org":{"A":"B1"}}""", "year", "2026", "B1")
/// ```
#[uniffi::export]
pub fn credits_leaderboard_json(
    totals_json: String,
    orgs_json: String,
    kind: String,
    period: String,
    org: String,
) -> Result<String> {
    guarded(|| {
        Ok(core::leaderboard_json(
            &totals_json,
            &orgs_json,
            &kind,
            &period,
            &org,
        )?)
    })
}

/// Annual rating tiers with a quota (`dangjian::credits::rate_json`): `[{"member_id","score"}…]` and the
/// tiers (`"null"` for the default tiers) in, each member's tier out.
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_SCORES_JSON`, `INVALID_TIERS_JSON` at the path of the
/// field at fault; the core's checks of the tiers.
///
/// ```kotlin
/// val tiers = creditsRateJson("""[{"member_id":"A","score":95}]""", "null")   // [{"member_id":"A",…,"tier":"合格"}]
/// ```
#[uniffi::export]
pub fn credits_rate_json(scores_json: String, tiers_json: String) -> Result<String> {
    guarded(|| Ok(core::rate_json(&scores_json, &tiers_json)?))
}

/// 三会一课 attendance as `member_points` events (`dangjian::credits::meeting_events_json`): an array of meeting
/// records in, one event per attendee out (activity `activity`, content the meeting id).
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_MEETING_JSON` at the path of the field at fault.
///
/// ```kotlin
/// val events = creditsMeetingEventsJson(meetingsJson, "meeting_attendance")  // feed to CreditsScorer.ingestJson
/// ```
#[uniffi::export]
pub fn credits_meeting_events_json(records_json: String, activity: String) -> Result<String> {
    guarded(|| Ok(core::meeting_events_json(&records_json, &activity)?))
}

/// On-time dues as `member_points` events (`dangjian::credits::dues_events_json`): a dues ledger document in,
/// one event per owed month paid by the month's last day out.
///
/// Errors: `DangjianException.InvalidInput` — `INVALID_LEDGER_JSON` at the path of the field at fault.
///
/// ```kotlin
/// val events = creditsDuesEventsJson(ledgerJson, "dues_on_time")
/// ```
#[uniffi::export]
pub fn credits_dues_events_json(ledger_json: String, activity: String) -> Result<String> {
    guarded(|| Ok(core::dues_events_json(&ledger_json, &activity)?))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    const LOGIN: &str = r#"[{"event_id":"b","member_id":"M1","activity":"login","occurred_at":"2026-03-02T09:00:00+08:00"},
        {"event_id":"x","member_id":"M1"},
        {"event_id":"n","member_id":"M1","activity":"nap","occurred_at":"2026-03-02T09:00:00+08:00"}]"#;

    #[test]
    fn ingest_reads_each_event_on_its_own_and_keeps_positions() {
        let s = CreditsScorer::new(&CreditsScheme::learning_platform()).unwrap();
        let out: serde_json::Value =
            serde_json::from_str(&s.ingest_json(LOGIN.into()).unwrap()).unwrap();
        assert_eq!(out["changed"][0]["event_id"], "b");
        assert_eq!(out["errors"][0]["index"], 1);
        assert_eq!(out["errors"][0]["code"], "INVALID_EVENT_JSON");
        assert_eq!(out["errors"][0]["field"], "activity");
        assert_eq!(out["errors"][1]["index"], 2);
        assert_eq!(out["errors"][1]["code"], "UNKNOWN_ACTIVITY");
    }

    #[test]
    fn the_scorer_agrees_with_score_json() {
        let scheme = CreditsScheme::learning_platform();
        let s = CreditsScorer::new(&scheme).unwrap();
        s.ingest_json(LOGIN.into()).unwrap();
        let whole: serde_json::Value = serde_json::from_str(
            &credits_score_json(&scheme, format!(r#"{{"events":{LOGIN}}}"#), false).unwrap(),
        )
        .unwrap();
        let ledger: serde_json::Value = serde_json::from_str(&s.ledger_json().unwrap()).unwrap();
        let totals: serde_json::Value = serde_json::from_str(&s.totals_json().unwrap()).unwrap();
        assert_eq!(ledger, whole["entries"]);
        assert_eq!(totals, whole["totals"]);
    }

    #[test]
    fn a_poisoned_scorer_is_scorer_unavailable() {
        let s = CreditsScorer::new(&CreditsScheme::member_points()).unwrap();
        let _ = std::thread::scope(|t| {
            t.spawn(|| {
                let _guard = s.inner.lock().unwrap();
                panic!("poison the lock");
            })
            .join()
        });
        match s.ledger_json() {
            Err(DangjianError::InvalidInput { code, .. }) => assert_eq!(code, "SCORER_UNAVAILABLE"),
            other => panic!("expected SCORER_UNAVAILABLE, got {other:?}"),
        }
    }

    #[test]
    fn a_scheme_round_trips() {
        let json = CreditsScheme::member_points().to_json().unwrap();
        assert_eq!(
            CreditsScheme::from_json(json.clone())
                .unwrap()
                .to_json()
                .unwrap(),
            json
        );
    }
}
