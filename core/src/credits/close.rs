//! Closing days (账期关闭): entries up to a day become final and leave memory, so a scorer fed for years
//! keeps what is still open plus a few counters per member, not every event ever received.
//!
//! Why it is needed: late events, voids and offences re-score a member from the day they touch, which
//! means every entry must stay at hand as long as anything may still reach back to it. A unit settles
//! its points at a period end (the month's points are published, the year's rating is made); from then
//! on nothing may change them. [`Scorer::close_through`] makes that explicit: the closed entries are
//! dropped, and per member the scorer keeps only
//! - the closed days' totals (one `(day, points)` pair per member-day with entries: the totals and the
//!   year's score stay whole),
//! - the closed points that still count toward the caps of the open week, month and year, and the
//!   content ids used up for good (the "once ever" dedup), as a running state at the first open day.
//!
//! After closing, an event or an offence dated on a closed day is refused (`PERIOD_CLOSED`), and a
//! penalty that reaches back (a year zeroed) changes only open days. The ledger of the open days is what
//! a replay of everything would give, as long as every event of the closed days had arrived before they
//! were closed.

use chrono::NaiveDate;
use serde::Serialize;

use super::scorer::Scorer;
use super::time::{date_to_day, day_to_date};
use crate::error::to_json;
use crate::id_arena::{hash_str, IdArena};
use crate::{Error, Result};

/// What [`Scorer::close_through`] did.
///
/// ```
/// let c = dangjian::credits::Closed::default();
/// assert_eq!((c.entries, c.open), (0, 0));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Closed {
    /// The last closed day (China time): the horizon after the call.
    pub through: Option<NaiveDate>,
    /// Entries closed (dropped) by this call.
    pub entries: usize,
    /// Entries still open.
    pub open: usize,
}

/// The document [`Scorer::close_through_json`] writes (`ClosedDays` in TypeScript).
#[derive(Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
struct ClosedDays<'a> {
    /// The last closed day (China time).
    through: NaiveDate,
    /// The entries this call closed, canonical order: final, no longer shown by the scorer.
    #[cfg_attr(feature = "wasm", tsify(type = "LedgerEntry[]"))]
    entries: Vec<super::Entry<'a>>,
    /// Entries still open.
    open: usize,
}

impl Scorer {
    /// Closes every day up to and including `through` (China time): their entries become final and are
    /// dropped from the ledger, the members' totals keep them, and from then on an event or an offence
    /// dated on a closed day is refused with `PERIOD_CLOSED`. Read or store the entries first
    /// ([`Scorer::ledger_through`]): [`Scorer::entry`], [`Scorer::ledger`] and [`Scorer::explain`] no
    /// longer see them, a void of one is `UNKNOWN_EVENT`, and ids are checked for repeats among open
    /// events only. Entry handles ([`super::EntryId`]) from before the call are no longer valid. Closing
    /// an earlier day than the horizon changes nothing.
    ///
    /// Memory then holds the open entries, one `(day, points)` pair per closed member-day, the counters
    /// of the open periods and the content ids used up for good; closing each day (or month) after it is
    /// settled keeps a scorer of a whole year's stream at the size of one day's (or month's).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use dangjian::credits::{Event, PeriodKind, Scheme, Scorer};
    /// let ev = |id: &str, at: &str| -> Event { serde_json::from_str(&format!(r#"{{"event_id":"{id}",
    ///   "member_id":"M1","activity":"login","occurred_at":"{at}"}}"#)).unwrap() };
    /// let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
    /// s.ingest(vec![ev("d1", "2026-03-02T08:00:00+08:00"), ev("d2", "2026-03-03T08:00:00+08:00")]);
    /// let c = s.close_through(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
    /// assert_eq!((c.entries, c.open), (1, 1));
    /// assert!(s.entry("d1").is_none());
    /// let late = s.ingest(vec![ev("d0", "2026-03-02T23:59:59+08:00")]);
    /// assert_eq!(late.errors[0].code, "PERIOD_CLOSED");
    /// // The month's total still counts the closed day.
    /// let month = s.totals().into_iter().find(|t| t.kind == PeriodKind::Month).unwrap();
    /// assert_eq!(month.points, 2);
    /// ```
    pub fn close_through(&mut self, through: NaiveDate) -> Closed {
        let h = date_to_day(through);
        if self.horizon.is_some_and(|old| old >= h) {
            return Closed {
                through: self.closed_through(),
                entries: 0,
                open: self.len(),
            };
        }
        self.horizon = Some(h);
        let first_open = h.saturating_add(1);
        let (recs, scored, compiled) = (&self.recs, &self.scored, &self.compiled);
        // A member's closed entries are a prefix of its canonical order (days follow instants).
        for m in &mut self.members {
            let split = m
                .events
                .partition_point(|&ix| recs.get(ix as usize).is_some_and(|r| r.day() <= h));
            if split == 0 {
                continue;
            }
            let closed = m.closed.get_or_insert_with(Box::default);
            // The base moves forward in place (no new state, no copy of the used-up content ids): a
            // base is the state at the start of its day, so rolling it to the first open day keeps
            // exactly the points of the periods the two days share, as `absorb_base` into a fresh
            // state would.
            closed.base.roll(first_open);
            for &ix in m.events.iter().take(split) {
                let (Some(r), Some(s)) = (recs.get(ix as usize), scored.get(ix as usize)) else {
                    continue;
                };
                closed
                    .base
                    .absorb(r, s, compiled.rules.get(r.rule as usize));
                match closed.days.last_mut() {
                    Some((day, points)) if *day == r.day() => {
                        *points = points.saturating_add(i64::from(s.points));
                    }
                    _ => closed.days.push((r.day(), i64::from(s.points))),
                }
            }
            m.events.drain(..split);
        }
        let before = self.len();
        self.compact(h);
        Closed {
            through: Some(through),
            entries: before.saturating_sub(self.len()),
            open: self.len(),
        }
    }

    /// Drops the entries on days up to `h` from the event tables, renumbers the rest (arrival order
    /// kept) and rebuilds the id index.
    fn compact(&mut self, h: i64) {
        let mut renumber = vec![u32::MAX; self.recs.len()];
        let mut ids = IdArena::default();
        let mut open = 0u32;
        for ((ix, r), slot) in (0u32..).zip(&self.recs).zip(&mut renumber) {
            if r.day() > h {
                *slot = open;
                open = open.saturating_add(1);
                // Some of the ids the old arena held: they fit.
                let fits = ids.push(self.event_ids.get(ix).unwrap_or(""));
                debug_assert!(fits);
            }
        }
        let kept =
            |mask: &mut std::slice::Iter<'_, u32>| mask.next().is_some_and(|&n| n != u32::MAX);
        let mut mask = renumber.iter();
        self.recs.retain(|_| kept(&mut mask));
        let mut mask = renumber.iter();
        self.meta.retain(|_| kept(&mut mask));
        let mut mask = renumber.iter();
        self.scored.retain(|_| kept(&mut mask));
        self.event_ids = ids;
        self.ids.clear();
        for ix in 0..open {
            let hash = hash_str(self.event_ids.get(ix).unwrap_or(""));
            self.index_one(hash, ix);
        }
        for m in &mut self.members {
            for ix in &mut m.events {
                *ix = renumber.get(*ix as usize).copied().unwrap_or(u32::MAX);
            }
        }
    }

    /// The last closed day, if any ([`Scorer::close_through`]).
    ///
    /// ```
    /// let s = dangjian::credits::Scorer::new(dangjian::credits::Scheme::member_points()).unwrap();
    /// assert_eq!(s.closed_through(), None);
    /// ```
    pub fn closed_through(&self) -> Option<NaiveDate> {
        self.horizon.map(day_to_date)
    }

    /// The entries on days up to and including `through`, in canonical order: what
    /// [`Scorer::close_through`] would drop, to store before closing.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use dangjian::credits::{Scheme, Scorer};
    /// let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
    /// s.ingest(vec![serde_json::from_str(r#"{"event_id":"e1","member_id":"M1","activity":"login",
    ///   "occurred_at":"2026-03-02T07:00:00+08:00"}"#).unwrap()]);
    /// assert_eq!(s.ledger_through(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()).len(), 0);
    /// assert_eq!(s.ledger_through(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()).len(), 1);
    /// ```
    pub fn ledger_through(&self, through: NaiveDate) -> Vec<super::Entry<'_>> {
        let mut v = self.ledger();
        v.retain(|e| e.day <= through);
        v
    }

    /// [`Scorer::close_through`] for the surfaces: the date as `YYYY-MM-DD`, and back a JSON object
    /// `{"through","entries","open"}` where `entries` are the entries this call closed (canonical
    /// order, as in [`Scorer::ledger`]) so the host can store them in the same step.
    ///
    /// Errors: `INVALID_DATE` (field `through`) when the date cannot be read.
    ///
    /// ```
    /// use dangjian::credits::{Scheme, Scorer};
    /// let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
    /// s.ingest(vec![serde_json::from_str(r#"{"event_id":"e1","member_id":"M1","activity":"login",
    ///   "occurred_at":"2026-03-02T07:00:00+08:00"}"#).unwrap()]);
    /// let out = s.close_through_json("2026-03-02").unwrap();
    /// assert!(out.starts_with(r#"{"through":"2026-03-02","entries":[{"event_id":"e1""#));
    /// assert!(out.ends_with(r#""open":0}"#));
    /// assert_eq!(s.close_through_json("2026/03/02").unwrap_err().code(), "INVALID_DATE");
    /// ```
    pub fn close_through_json(&mut self, through: &str) -> Result<String> {
        let day = NaiveDate::parse_from_str(through, "%Y-%m-%d").map_err(|_| {
            Error::input(
                "INVALID_DATE",
                "through",
                format!("日期格式应为 YYYY-MM-DD：{through}"),
                format!("expected a date as YYYY-MM-DD: {through}"),
            )
        })?;
        // Serialized before closing (the entries borrow the tables closing rewrites). Already closed
        // days hold no entries, so none is returned twice.
        let through = self.closed_through().map_or(day, |h| h.max(day));
        let entries = self.ledger_through(day);
        let open = self.len().saturating_sub(entries.len());
        let json = to_json(&ClosedDays {
            through,
            entries,
            open,
        })?;
        self.close_through(day);
        Ok(json)
    }
}
