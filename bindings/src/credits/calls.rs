//! The credits calls with the core's own records instead of JSON documents: events and offences in, the
//! scorer's changes, entries, totals and explanations out, and the leaderboard and the rating over totals.
//!
//! Every record is the core's (`dangjian::credits`, feature `uniffi`): `Event` (Kotlin/Swift/Python
//! `CreditEvent`), `Offence`, `Changes` (`ScorerChanges`), `LedgerEntry`, `EventError`, `Total`
//! (`CreditTotal`), `PeriodKind`, `Reason` (`CreditReason`), `Explanation`, `OrgMap`, `Standing`, `Tier`,
//! `Quota`, `Rating`. An instant crosses as RFC 3339 text (`Rfc3339`, `dangjian::surface`), read and written as
//! the JSON entry points read and write it, so a typed call and its JSON twin give the same answer.

use std::collections::HashMap;

use dangjian::credits::{
    self as core, Changes, Event, Explanation, LedgerEntry, Offence, OrgMap, PeriodKind, Rating,
    Standing, Tier, Total,
};

use super::CreditsScorer;
use crate::error::{guarded, Result};

#[uniffi::export]
impl CreditsScorer {
    /// Takes a batch of events (`Scorer::ingest`) and returns what changed — the typed twin of
    /// [`CreditsScorer::ingest_json`]: the entries new or re-scored (canonical order; a late event can
    /// re-score later ones), the repeats ignored and the events refused by position (`UNKNOWN_ACTIVITY`,
    /// `MISSING_FIELD`, `CONFLICTING_EVENT_ID`, `PERIOD_CLOSED`, …), the rest scored.
    ///
    /// Errors: `DangjianException.InvalidInput` `INVALID_TIME` (field empty) when an `occurredAt` is not
    /// RFC 3339 with an offset — the whole call is refused before anything is scored, as UniFFI lifts the
    /// list before the call; `SCORER_UNAVAILABLE`.
    ///
    /// ```kotlin
    /// val out = scorer.ingest(listOf(CreditEvent("e1", "M1", "login", "2026-03-02T07:00:00+08:00")))
    /// out.changed[0].points   // 1L
    /// out.changed[0].reason   // CreditReason.SCORED
    /// ```
    pub fn ingest(&self, events: Vec<Event>) -> Result<Changes> {
        guarded(|| {
            let mut scorer = self.lock()?;
            let r = scorer.ingest(events);
            Ok(scorer.changes(r))
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
    pub fn void(&self, event_ids: Vec<String>) -> Result<Changes> {
        guarded(|| {
            let mut scorer = self.lock()?;
            let r = scorer.void(&event_ids);
            Ok(scorer.changes(r))
        })
    }

    /// Records cheating offences (`Scorer::record_offences`) — the typed twin of
    /// [`CreditsScorer::record_offences_json`]: a member's n-th offence takes the n-th step of the penalty
    /// ladder in force on its day and the member is re-scored; a repeated offence id is ignored; an offence
    /// the core refuses is an error entry by position (`TIME_OUT_OF_RANGE` at `decided_at`, `PERIOD_CLOSED`).
    ///
    /// Errors: `DangjianException.InvalidInput` `INVALID_TIME` when a `decidedAt` is not RFC 3339 with an
    /// offset (the whole call); `SCORER_UNAVAILABLE`.
    ///
    /// ```kotlin
    /// scorer.recordOffences(listOf(Offence("o1", "M1", "2026-03-02T12:00:00+08:00")))
    /// ```
    pub fn record_offences(&self, offences: Vec<Offence>) -> Result<Changes> {
        guarded(|| {
            let mut scorer = self.lock()?;
            let r = scorer.record_offences(offences);
            Ok(scorer.changes(r))
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
    pub fn ledger(&self) -> Result<Vec<LedgerEntry>> {
        guarded(|| {
            Ok(self
                .lock()?
                .ledger()
                .into_iter()
                .map(LedgerEntry::from)
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
    pub fn entry(&self, event_id: String) -> Result<Option<LedgerEntry>> {
        guarded(|| Ok(self.lock()?.entry(&event_id).map(LedgerEntry::from)))
    }

    /// The totals per member (by id) per China-time day, ISO week, month and year, each kind in date order
    /// (`Scorer::totals`) — the typed twin of [`CreditsScorer::totals_json`] and the input of
    /// [`credits_leaderboard`].
    ///
    /// Errors: `DangjianException.InvalidInput` `SCORER_UNAVAILABLE` only.
    ///
    /// ```kotlin
    /// val year = scorer.totals().filter { it.kind == PeriodKind.YEAR && it.period == "2026" }
    /// ```
    pub fn totals(&self) -> Result<Vec<Total>> {
        guarded(|| Ok(self.lock()?.totals()))
    }

    /// Why an event has its points (`Scorer::explain`): the steps and the article, or null when no such
    /// event is open — the typed twin of [`CreditsScorer::explain`].
    ///
    /// Errors: `DangjianException.InvalidInput` `SCORER_UNAVAILABLE` only.
    ///
    /// ```kotlin
    /// scorer.explanation("a7")?.steps?.last()?.value   // "CAP_REACHED"
    /// ```
    pub fn explanation(&self, event_id: String) -> Result<Option<Explanation>> {
        guarded(|| Ok(self.lock()?.explain(&event_id)))
    }
}

/// The ranking of one organization's subtree for one period (`dangjian::credits::leaderboard`) — the typed
/// twin of [`crate::entry_points::credits_leaderboard_json`]: totals (as [`CreditsScorer::totals`] gives them), the org map,
/// the period kind and period (`2026`, `2026-03`, `2026-W10`, `2026-03-02`) and the org; equal scores share a
/// rank (1, 2, 2, 4) and are listed by member id.
///
/// Errors: `DangjianException.InvalidInput` `ORG_CYCLE` at `parent.<org>` when the parent map loops.
///
/// ```kotlin
/// val board = creditsLeaderboard(scorer.totals(), OrgMap(mapOf("A" to "B1"), mapOf()), PeriodKind.YEAR, "2026", "B1")
/// ```
#[uniffi::export]
pub fn credits_leaderboard(
    totals: Vec<Total>,
    orgs: OrgMap,
    kind: PeriodKind,
    period: String,
    org: String,
) -> Result<Vec<Standing>> {
    guarded(|| Ok(core::leaderboard(&totals, kind, &period, &org, &orgs)?))
}

/// Annual rating tiers with a quota (`dangjian::credits::rate`) — the typed twin of
/// [`crate::entry_points::credits_rate_json`]: each member's score (member id → score) and the tiers, highest first (null
/// for [`credits_default_tiers`]), in; each member's tier out, by score (highest first), then member id.
///
/// Errors: `DangjianException.InvalidInput` `NO_TIERS` at `tiers`, `TIERS_NOT_DESCENDING` at
/// `tiers[i].min_score`.
///
/// ```kotlin
/// creditsRate(mapOf("A" to 95L), null)[0].tier   // "合格": one rated, the 优秀 quota ⌊1/3⌋ is 0
/// ```
#[uniffi::export]
pub fn credits_rate(scores: HashMap<String, i64>, tiers: Option<Vec<Tier>>) -> Result<Vec<Rating>> {
    guarded(|| {
        let pairs: Vec<(String, i64)> = scores.into_iter().collect();
        let tiers = tiers.unwrap_or_else(core::default_tiers);
        Ok(core::rate(&pairs, &tiers)?)
    })
}

/// The default 民主评议 tiers (`dangjian::credits::default_tiers`): 优秀 from 90 (at most one third of those
/// rated), 合格 from 60, 基本合格 from 40, 不合格 below. Never fails.
///
/// ```kotlin
/// creditsDefaultTiers().map { it.name }   // [优秀, 合格, 基本合格, 不合格]
/// ```
#[uniffi::export]
pub fn credits_default_tiers() -> Vec<Tier> {
    core::default_tiers()
}
