//! Scoring one member's events in canonical order: the per-member running counters (day, week, month, year
//! per activity; the day's accumulated seconds, items and total) and the content ids dedup needs.
//!
//! Only counters are kept, never per-event history: a member's state is bounded by the activities they
//! touched and the content ids that scored (per day: cleared at midnight China time; "ever": kept).

use super::compiled::{ActRule, Compiled};
use super::event::Reason;
use super::rules::{Dedup, Unit, MAX_EVENT_POINTS};
use super::time::{china_day_and_second_of, date_to_day, day_to_date, month_and_year, week_start};
use crate::fx::FxSet;
use chrono::{Datelike, NaiveDate};

pub(crate) const NO_CONTENT: u32 = u32::MAX;

/// An event in compact form, what the fold reads: 32 bytes, so fetching a member's records at random
/// costs one cache line each. The China-time day and second are worked out from `ts` when needed (two
/// multiplications) rather than stored; declared points stay in the event's `Meta` (only declared
/// items read them).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rec {
    /// Nanoseconds since the epoch (canonical order, then the event id).
    pub ts: i64,
    pub member: u32,
    pub content: u32,
    pub duration: u32,
    pub correct: u32,
    pub place: u32,
    /// Index into `Compiled::rules`, or `NO_RULE` (not available).
    pub rule: u16,
    pub voided: bool,
}

// The fold fetches records at random: one cache line each, no more.
const _: () = assert!(std::mem::size_of::<Rec>() == 32);

impl Rec {
    /// The China-time day number.
    pub(crate) fn day(&self) -> i64 {
        china_day_and_second_of(self.ts.div_euclid(1_000_000_000)).0
    }

    /// The second of the China-time day.
    pub(crate) fn sec(&self) -> u32 {
        china_day_and_second_of(self.ts.div_euclid(1_000_000_000)).1
    }
}

/// Which bound cut an entry's points.
pub(crate) const BOUND_NONE: u8 = 0;
/// 1..=4: day, week, month, year cap; 5: daily total cap; 6: items per day.
pub(crate) const BOUND_TOTAL: u8 = 5;
pub(crate) const BOUND_ITEMS: u8 = 6;

/// The outcome of scoring one event: 12 bytes, one kept per event. Points are 32-bit because no
/// event's raw points pass ±[`MAX_EVENT_POINTS`] (refused on ingest otherwise) and caps only shrink
/// them; the fold computes in `i64` and narrows when storing ([`narrow`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Scored {
    pub points: i32,
    pub raw: i32,
    pub reason: u8,
    pub bound: u8,
    /// 0 none, else window index + 1.
    pub window: u8,
    /// The content is used up (dedup) by this event.
    pub consumed: bool,
}

impl Scored {
    /// A value no real outcome has, so a newly ingested event always reports as changed.
    pub(crate) const UNSET: Scored = Scored {
        points: 0,
        raw: 0,
        reason: u8::MAX,
        bound: 0,
        window: 0,
        consumed: false,
    };

    fn zero(reason: Reason) -> Self {
        Scored {
            reason: reason.to_u8(),
            ..Scored::UNSET
        }
    }
}

// One per event: 12 bytes, not the 24 of `i64` points.
const _: () = assert!(std::mem::size_of::<Scored>() == 12);

/// Narrows points known to lie within ±[`MAX_EVENT_POINTS`] (checked on ingest: see
/// `ActRule::check_raw_bound`) to the ledger's 32 bits. For them the clamp changes nothing; it is there
/// so the cast is lossless whatever the input.
pub(crate) fn narrow(points: i64) -> i32 {
    debug_assert!(
        (-MAX_EVENT_POINTS..=MAX_EVENT_POINTS).contains(&points),
        "points {points} passed the bound checked on ingest"
    );
    // ±1e9 fits i32 (±2.1e9): the cast cannot truncate.
    points.clamp(-MAX_EVENT_POINTS, MAX_EVENT_POINTS) as i32
}

#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Counter {
    /// Points this day, week, month, year.
    pub sums: [i64; 4],
    /// Seconds accumulated this day (per-minutes activities).
    pub secs: u64,
    /// Events counted this day (`max_items_per_day`).
    pub items: u32,
}

/// A member's running state at some point of the canonical order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Fold {
    pub day: Option<i64>,
    pub week: i64,
    pub month: i64,
    pub year: i64,
    /// Only the activities touched: a linear scan over a handful beats a map.
    pub counters: Vec<(u16, Counter)>,
    pub day_total: i64,
    pub seen_day: FxSet<u64>,
    pub seen_ever: FxSet<u64>,
}

impl Fold {
    /// Moves the state to `day`, resetting the counters of every period left behind.
    pub(crate) fn roll(&mut self, day: i64) {
        self.roll_with(day, &mut Months::default());
    }

    /// [`Fold::roll`] with the month looked up through `months` (the fast path keeps one for a whole
    /// batch; a scorer's states keep none, so a member's state does not grow).
    #[inline]
    pub(crate) fn roll_with(&mut self, day: i64, months: &mut Months) {
        if self.day == Some(day) {
            return;
        }
        let week = week_start(day);
        let (month, year) = months.of(day);
        let fresh = self.day.is_none();
        let keep = [
            false,
            !fresh && week == self.week,
            !fresh && month == self.month,
            !fresh && year == self.year,
        ];
        for (_, c) in &mut self.counters {
            for (sum, keep) in c.sums.iter_mut().zip(keep) {
                if !keep {
                    *sum = 0;
                }
            }
            c.secs = 0;
            c.items = 0;
        }
        self.counters
            .retain(|(_, c)| c.sums.iter().any(|s| *s != 0));
        self.day_total = 0;
        self.seen_day.clear();
        self.day = Some(day);
        (self.week, self.month, self.year) = (week, month, year);
    }

    /// A fresh state at the start of `day`.
    pub(crate) fn reset_to(&mut self, day: i64) {
        self.reset_with(day, &mut Months::default());
    }

    /// [`Fold::reset_to`] with the month looked up through `months`, as [`Fold::roll_with`] (with a
    /// fresh cache per member the fast path worked out a calendar month per member).
    pub(crate) fn reset_with(&mut self, day: i64, months: &mut Months) {
        self.counters.clear();
        self.seen_day.clear();
        self.seen_ever.clear();
        self.day = None;
        self.roll_with(day, months);
    }

    /// The activity's counter, created on first use (always `Some`; an `Option` only because the
    /// lints forbid indexing).
    /// Marks a content id used up for the day or for good, as the rule's dedup says.
    #[inline]
    fn consume(&mut self, dedup: Dedup, key: u64) {
        match dedup {
            Dedup::PerDay => {
                self.seen_day.insert(key);
            }
            Dedup::Ever => {
                self.seen_ever.insert(key);
            }
            Dedup::None => {}
        }
    }

    fn counter(&mut self, act: u16) -> Option<&mut Counter> {
        let at = match self.counters.iter().position(|(a, _)| *a == act) {
            Some(at) => at,
            None => {
                self.counters.push((act, Counter::default()));
                self.counters.len().saturating_sub(1)
            }
        };
        self.counters.get_mut(at).map(|(_, c)| c)
    }

    /// Adds an earlier entry's points to the counters of the periods the state's day shares with it (used
    /// when re-scoring starts mid-stream from the entries already in the ledger).
    pub(crate) fn absorb(&mut self, rec: &Rec, scored: &Scored, rule: Option<&ActRule>) {
        let Some(rule) = rule else { return };
        if scored.points != 0 {
            let day = rec.day();
            let week = week_start(day);
            let (month, year) = month_and_year(day);
            let same = [
                false,
                week == self.week,
                month == self.month,
                year == self.year,
            ];
            if let Some(c) = self.counter(rule.act) {
                for (sum, same) in c.sums.iter_mut().zip(same) {
                    if same {
                        *sum = sum.saturating_add(i64::from(scored.points));
                    }
                }
            }
        }
        if scored.consumed && rule.dedup == Dedup::Ever && rec.content != NO_CONTENT {
            self.seen_ever.insert(content_key(rule.act, rec.content));
        }
    }
}

/// The last month looked up: `(month, year)` (see `month_and_year`) and the days it holds, first and one
/// past the last. A roll within them skips the calendar (a date conversion per member-day was a few per
/// cent of a replay).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Months {
    month: (i64, i64),
    days: (i64, i64),
}

impl Months {
    /// `(month, year)` of `day`, from the cached month when `day` is in it.
    pub(crate) fn of(&mut self, day: i64) -> (i64, i64) {
        let (from, to) = self.days;
        if from <= day && day < to {
            return self.month;
        }
        self.days = month_days(day);
        self.month = month_and_year(day);
        self.month
    }
}

/// The days of `day`'s month, first and one past the last (an empty span where the calendar ends:
/// nothing cached).
fn month_days(day: i64) -> (i64, i64) {
    let date = day_to_date(day);
    let first = day.saturating_sub(i64::from(date.day0()));
    let next = match date.month() {
        12 => NaiveDate::from_ymd_opt(date.year().saturating_add(1), 1, 1),
        m => NaiveDate::from_ymd_opt(date.year(), m.saturating_add(1), 1),
    };
    match next {
        Some(next) if date_to_day(date) == day => (first, date_to_day(next)),
        _ => (0, 0),
    }
}

pub(crate) fn content_key(act: u16, content: u32) -> u64 {
    (u64::from(act) << 32) | u64::from(content)
}

/// Scores one event against the state (already rolled to its day) and updates the state. `declared`
/// gives the points the event declared, if any (read only for declared items).
pub(crate) fn score(
    compiled: &Compiled,
    rec: &Rec,
    declared: impl FnOnce() -> Option<i64>,
    restricted: bool,
    fold: &mut Fold,
) -> Scored {
    if rec.voided {
        return Scored::zero(Reason::Voided);
    }
    let Some(rule) = compiled.rules.get(rec.rule as usize) else {
        return Scored::zero(Reason::NotAvailable);
    };
    let key = content_key(rule.act, rec.content);
    if let Some(reason) = refusal(rule, rec, restricted, fold, key) {
        return Scored::zero(reason);
    }
    let daily_total_cap = compiled
        .sets
        .get(usize::from(rule.set))
        .and_then(|s| s.daily_total_cap);
    let day_total = fold.day_total;
    let Some(c) = fold.counter(rule.act) else {
        return Scored::zero(Reason::NotAvailable);
    };
    // In i64 throughout; stored narrowed (`narrow`): ingest refused events whose raw points could pass
    // ±MAX_EVENT_POINTS, and caps only shrink them.
    let raw = raw_points(&rule.unit, rec, c, declared);
    let (raw, window) = in_window(rule, rec, raw);
    if let Some(max) = rule.max_items_day {
        if c.items >= max {
            return Scored {
                raw: narrow(raw),
                reason: Reason::CapReached.to_u8(),
                bound: BOUND_ITEMS,
                window,
                ..Scored::UNSET
            };
        }
        c.items = c.items.saturating_add(1);
    }
    let total_room = (raw > 0 && rule.counts_toward_total)
        .then(|| daily_total_cap.map(|cap| cap.saturating_sub(day_total).max(0)))
        .flatten();
    let (allowed, bound) = allowed_by_caps(rule, c, raw, total_room);
    let points = if raw < 0 {
        allowed.saturating_neg()
    } else {
        allowed
    };
    for sum in &mut c.sums {
        *sum = sum.saturating_add(points);
    }
    if points > 0 && rule.counts_toward_total {
        fold.day_total = fold.day_total.saturating_add(points);
    }
    let reason = if points == raw {
        Reason::Scored
    } else {
        Reason::CapReached
    };
    let consumed = rule.dedup != Dedup::None && (points != 0 || reason == Reason::Scored);
    if consumed {
        fold.consume(rule.dedup, key);
    }
    Scored {
        points: narrow(points),
        raw: narrow(raw),
        reason: reason.to_u8(),
        bound: if points == raw { BOUND_NONE } else { bound },
        window,
        consumed,
    }
}

/// Why an event with a rule scores nothing before its points are counted: a penalty covers it, it is
/// shorter than the minimum, or its content was used up (for the day or for good).
#[inline]
fn refusal(rule: &ActRule, rec: &Rec, restricted: bool, fold: &Fold, key: u64) -> Option<Reason> {
    if restricted {
        return Some(Reason::Suspended);
    }
    if rule.min_duration.is_some_and(|min| rec.duration < min) {
        return Some(Reason::TooShort);
    }
    let duplicate = match rule.dedup {
        Dedup::None => false,
        Dedup::PerDay => fold.seen_day.contains(&key),
        Dedup::Ever => fold.seen_ever.contains(&key),
    };
    duplicate.then_some(Reason::DuplicateContent)
}

/// The points an event earns by its unit, before windows and caps (a per-minutes unit counts the steps
/// the event's seconds complete in the day's running total).
#[inline]
fn raw_points(
    unit: &Unit,
    rec: &Rec,
    c: &mut Counter,
    declared: impl FnOnce() -> Option<i64>,
) -> i64 {
    match unit {
        Unit::PerItem { points } => *points,
        Unit::PerMinutes { minutes, points } => {
            let step = u64::from(*minutes).saturating_mul(60);
            let before = c.secs;
            c.secs = before.saturating_add(u64::from(rec.duration));
            // A zero step is refused by the scheme's validation; were one here, no step is counted.
            let steps = c
                .secs
                .checked_div(step)
                .unwrap_or(0)
                .saturating_sub(before.checked_div(step).unwrap_or(0));
            i64::try_from(steps)
                .unwrap_or(i64::MAX)
                .saturating_mul(*points)
        }
        Unit::PerCorrect { points } => i64::from(rec.correct).saturating_mul(*points),
        Unit::PerPlace { table, otherwise } => rec
            .place
            .checked_sub(1)
            .and_then(|i| table.get(i as usize))
            .copied()
            .unwrap_or(*otherwise),
        Unit::PerSet {
            points,
            full_points,
            set_size,
        } => match (full_points, set_size) {
            (Some(full), Some(n)) if rec.correct >= *n => *full,
            _ => *points,
        },
        // Validated on ingest: the declared points or the default, within the item's range.
        Unit::Declared { default, .. } => declared().or(*default).unwrap_or(0),
    }
}

/// The raw points after the first time window the event falls in (multiplier, then bonus), and that
/// window's number (1-based; 0: none).
#[inline]
fn in_window(rule: &ActRule, rec: &Rec, raw: i64) -> (i64, u8) {
    if rule.windows.is_empty() {
        return (raw, 0);
    }
    let sec = rec.sec();
    match rule
        .windows
        .iter()
        .enumerate()
        .find(|(_, w)| w.0 <= sec && sec < w.1)
    {
        Some((i, w)) => (
            raw.saturating_mul(w.2).saturating_add(w.3),
            u8::try_from(i.saturating_add(1)).unwrap_or(u8::MAX),
        ),
        None => (raw, 0),
    }
}

/// How much of `raw`'s magnitude the caps leave room for (a deduction item's caps limit how much it can
/// take away), and which cap bound it: day, week, month, year (1–4), the daily total (`total_room`, for
/// points that count toward it) or none.
#[inline]
fn allowed_by_caps(rule: &ActRule, c: &Counter, raw: i64, total_room: Option<i64>) -> (i64, u8) {
    let mut allowed = raw.abs();
    let mut bound = BOUND_NONE;
    for (k, (cap, sum)) in rule.caps.iter().zip(c.sums).enumerate() {
        if let Some(cap) = cap {
            let room = cap.saturating_sub(sum.saturating_abs()).max(0);
            if room < allowed {
                allowed = room;
                bound = u8::try_from(k.saturating_add(1)).unwrap_or(0);
            }
        }
    }
    if let Some(room) = total_room {
        if room < allowed {
            allowed = room;
            bound = BOUND_TOTAL;
        }
    }
    (allowed, bound)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::arithmetic_side_effects)]
mod tests {
    use super::{month_and_year, month_days, Fold, Months};
    use crate::china_time::date_to_day;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> i64 {
        date_to_day(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    fn span(from: i64, to: i64) -> (i64, i64) {
        (from, to)
    }

    /// A leap February, a December into January, a month's last day, the epoch's month; past the
    /// calendar's end, nothing.
    #[test]
    fn month_spans() {
        assert_eq!(
            month_days(day(2024, 2, 10)),
            span(day(2024, 2, 1), day(2024, 3, 1))
        );
        assert_eq!(
            month_days(day(2023, 12, 31)),
            span(day(2023, 12, 1), day(2024, 1, 1))
        );
        assert_eq!(
            month_days(day(2023, 4, 30)),
            span(day(2023, 4, 1), day(2023, 5, 1))
        );
        assert_eq!(month_days(day(1970, 1, 1)), (0, 31));
        assert_eq!(month_days(i64::MAX - 1), (0, 0));
    }

    proptest! {
        /// Rolled through any days in any order (some past the calendar) with one month cache, the
        /// month and year are the calendar's.
        #[test]
        fn cached_month_is_the_calendars(
            days in proptest::collection::vec(prop_oneof![9 => -1_000i64..30_000, 1 => any::<i64>()], 1..60),
        ) {
            let (mut f, mut months) = (Fold::default(), Months::default());
            for d in days {
                f.roll_with(d, &mut months);
                prop_assert_eq!((f.month, f.year), month_and_year(d));
            }
        }
    }
}
