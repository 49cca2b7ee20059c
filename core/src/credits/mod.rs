//! Learning credits (学习积分) and member points (党员积分制), RULES §7.
//!
//! Sources: the 学习强国 platform's published daily rules (the January 2019 launch set and the 2022–23
//! set), the platforms' anti-cheating practice (suspension, zeroing, ban) and local 党员积分制管理
//! schemes (no national standard). Numbers the sources leave open are parameters marked UNCONFIRMED in
//! the rule's `note` (see [`EFFECTIVE_READING_SECONDS`]).
//!
//! - Rules as data: a [`Scheme`] of dated [`RuleSet`]s of [`Activity`] rules (unit, minimum duration, caps
//!   per day/week/month/year and a daily total, dedup, time windows, weekdays); presets
//!   [`Scheme::learning_platform`] and [`Scheme::member_points`]; a unit's own from JSON ([`Scheme::from_json`]).
//! - Scoring: [`Scorer`] takes [`Event`]s in any order and batches and keeps a ledger of one [`Entry`] per
//!   event with a [`Reason`]; [`Scorer::explain`] says why; [`Scorer::totals`] per day, week, month, year.
//!   [`Scorer::ingest_columns`] takes a batch as [`Columns`] (ids in tables, for bindings and bulk replays).
//! - The totals fast path: [`Tally::day_totals`] scores numbered [`Rows`] straight to points per member per
//!   day, as the scorer would, without a ledger ([`Interner`] numbers string ids once).
//! - Clawbacks: [`Scorer::void`], and [`Scorer::record_offences`] with the penalty ladder.
//! - Closing days: [`Scorer::close_through`] makes a settled period final and drops its entries, keeping
//!   per member one total per closed day and the counters the open periods' caps need, so memory stays
//!   at the size of the open days however long the stream runs.
//! - [`leaderboard`] per organization subtree; [`rate`] annual tiers with a quota.
//! - Adapters: [`meeting_events`] (三会一课 attendance) and [`dues_events`] (on-time dues) into member points.
//!
//! **Time.** Days, weeks, months and years are China time (UTC+8) whatever offset an event is written
//! with: `2026-01-01T23:59:59+08:00` is 1 January, `2026-01-01T16:00:00Z` is already 2 January. Weeks are
//! ISO weeks, Monday first (week 1 holds the year's first Thursday), so a week's cap runs Monday 00:00 to
//! Sunday 24:00 Beijing time, across a year end when the week does.
//!
//! **Order.** A member's events are scored in canonical order, `occurred_at` then `event_id`, so the ledger
//! is the same whatever the arrival order or batching.
//!
//! ```
//! use dangjian::credits::{Event, Scheme, Scorer};
//! let events: Vec<Event> = serde_json::from_str(r#"[
//!   {"event_id":"r1","member_id":"M1","activity":"reading_time","occurred_at":"2026-03-02T07:00:00+08:00","duration_seconds":300},
//!   {"event_id":"r2","member_id":"M1","activity":"reading_time","occurred_at":"2026-03-02T07:10:00+08:00","duration_seconds":150}]"#).unwrap();
//! let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
//! s.ingest(events);
//! // 1 per minute, cap 6: 5 minutes give 5; the next 2.5 minutes cross the cap and give 1.
//! assert_eq!((s.entry("r1").unwrap().points, s.entry("r2").unwrap().points), (5, 1));
//! assert_eq!(s.entry("r2").unwrap().reason.code(), "CAP_REACHED");
//! ```
// Every sum, count and index step of the engine is checked or saturating (points per event are bounded by
// MAX_EVENT_POINTS and events by the id table, so the i64 sums cannot reach a bound in practice).
#![deny(clippy::arithmetic_side_effects)]

mod adapters;
mod board;
mod clawback;
mod close;
mod closed_part;
mod columns;
mod compiled;
mod event;
mod fold;
mod ingest;
mod interner;
mod json;
mod order;
mod packed;
mod presets;
mod quick;
mod report;
mod restriction;
mod rules;
mod scorer;
mod settle;
mod tally;
mod validate;
// China time lives on the ground floor (disclosure and membership count days in it too).
use crate::china_time as time;

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod bounds_tests;
#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod close_tests;
#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tally_tests;
#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests;

pub use adapters::{dues_events, meeting_events, MeetingRecord, MeetingType};
pub use board::{default_tiers, leaderboard, rate, OrgMap, Quota, Rating, Standing, Tier};
pub use close::Closed;
pub use columns::Columns;
pub use event::{Entry, Event, EventError, LedgerEntry, Offence, Reason};
pub use interner::Interner;
pub use json::{
    dues_events_json, leaderboard_json, meeting_events_json, rate_json, score_json, score_jsonl,
    score_jsonl_bytes, MAX_LINE_LEN,
};
pub use presets::{EFFECTIVE_READING_SECONDS, FIRST_OFFENCE_SUSPENSION_DAYS};
pub use report::{Changes, Explanation, Total};
pub use rules::{
    Activity, Caps, Dedup, PenaltyStep, RuleSet, Scheme, TimeWindow, Unit, SCHEME_VERSION,
};
pub use scorer::{EntryId, Ingest, Scorer};
pub use tally::{DayTotals, Rows, Tally};
pub use time::{china_date, period_key, PeriodKind, CHINA_OFFSET_SECONDS};
