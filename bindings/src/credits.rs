//! Learning credits (学习积分) and member points (党员积分制): the scheme and the incremental scorer as
//! objects (the core's JSON entry points, `dangjian::credits::*_json`, are in [`crate::entry_points`]).
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
    /// An empty scorer for `scheme` (`Scorer::new`; errors as there).
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

    /// `Scorer::ingest_json`, written as `{"changed","duplicates","errors"}` (`Scorer::changes`); also
    /// `SCORER_UNAVAILABLE`.
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

    /// `Scorer::void`, written as [`CreditsScorer::ingest_json`] writes its result.
    ///
    /// ```kotlin
    /// scorer.voidEvents(listOf("a2"))   // {"changed":[{"event_id":"a2",…,"reason":"VOIDED"},…],…}
    /// ```
    pub fn void_events(&self, event_ids: Vec<String>) -> Result<String> {
        guarded(|| {
            let mut scorer = self.lock()?;
            let r = scorer.void(&event_ids);
            changed_json(&scorer, r)
        })
    }

    /// `Scorer::record_offences` over a JSON array of offences (`INVALID_OFFENCES_JSON` at the path when it
    /// cannot be read), written as [`CreditsScorer::ingest_json`] writes its result.
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

    /// `Scorer::close_through_json`: `{"through","entries","open"}`.
    ///
    /// ```kotlin
    /// val closed = scorer.closeThrough("2026-03-31")   // {"through":"2026-03-31","entries":[…],"open":12}
    /// ```
    pub fn close_through(&self, through: String) -> Result<String> {
        guarded(|| Ok(self.lock()?.close_through_json(&through)?))
    }

    /// `Scorer::closed_through` (`YYYY-MM-DD`), null when no day was closed.
    ///
    /// ```kotlin
    /// scorer.closedThrough()   // "2026-03-31"
    /// ```
    pub fn closed_through(&self) -> Result<Option<String>> {
        guarded(|| Ok(self.lock()?.closed_through().map(|d| d.to_string())))
    }

    /// `Scorer::ledger` as a JSON array of entries.
    ///
    /// ```kotlin
    /// val ledger = scorer.ledgerJson()
    /// ```
    pub fn ledger_json(&self) -> Result<String> {
        guarded(|| to_json(&self.lock()?.ledger()))
    }

    /// `Scorer::totals` as a JSON array — the input of [`crate::entry_points::credits_leaderboard_json`].
    ///
    /// ```kotlin
    /// val board = creditsLeaderboardJson(scorer.totalsJson(), orgsJson, "year", "2026", "C1")
    /// ```
    pub fn totals_json(&self) -> Result<String> {
        guarded(|| to_json(&self.lock()?.totals()))
    }

    /// `Scorer::entry` as a JSON object, null for an unknown id.
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

    /// `Scorer::explain` as a JSON object, null for an unknown id.
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

    /// `Scorer::len`.
    ///
    /// ```kotlin
    /// scorer.len()   // 7uL
    /// ```
    pub fn len(&self) -> Result<u64> {
        guarded(|| Ok(self.lock()?.len() as u64))
    }

    /// `Scorer::is_empty`.
    ///
    /// ```kotlin
    /// CreditsScorer(CreditsScheme.memberPoints()).isEmpty()   // true
    /// ```
    pub fn is_empty(&self) -> Result<bool> {
        guarded(|| Ok(self.lock()?.is_empty()))
    }

    /// `Scorer::scheme`.
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

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
}
