//! The totals fast path (RULES §7, issue 14): a whole replay of numbered events straight to each member's
//! points per China-time day, without a ledger, an event-id table or a `String` per row.
//!
//! The contract that makes it fast: members, activities and contents are numbers (a caller with string
//! ids numbers them once through an [`Interner`](super::Interner)); times are seconds since the epoch; rows at the same
//! second are taken in row order (the reference orders them by `event_id`, so row order stands for ids
//! that sort as the rows do). Every event is scored by the same rule steps as [`Scorer`](super::Scorer)
//! (`fold::score`: caps, dedup, windows, units, penalties, voids), so the totals are the reference's
//! [`Scorer::totals`](super::Scorer::totals) for days, and a refused row gets the reference's code and field.
//!
//! How: one pass checks and packs each row (32 bytes, written front to back) and counts the radix
//! digits; a row the rule in force accepts is checked with a few comparisons worked out once per
//! scheme (see `quick`), any other row by the full validation. A stable radix sort by member gathers
//! each member's rows (a few sequential passes: see `by_member`), then each member's rows are put in
//! time order (skipped when they already are) and folded.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;

use super::columns::bad;
use super::compiled::{Compiled, NO_RULE};
use super::event::EventError;
use super::fold::{score, Fold, Months, Rec, NO_CONTENT};
use super::packed::View;
use super::quick::{self, Quick, RuleCache};
use super::restriction::{restrictions, Restriction};
use super::rules::{Scheme, Unit};
use super::time::{self, china_day_and_second_of, day_to_date, CHINA_OFFSET_SECONDS};
use super::validate::{check_declared_bound, needs};
use crate::fx::FxMap;
use crate::{Error, Result};

/// A batch of numbered events for [`Tally::day_totals`], one entry per row in each column. An optional
/// column left empty means no row has the field; [`Rows::NONE`] in a row means that row has not.
///
/// ```
/// use dangjian::credits::Rows;
/// let r = Rows { members: &[0, 1], activities: &[0, 0], seconds: &[0, 60], ..Rows::default() };
/// assert_eq!(r.len(), 2);
/// ```
///
/// In TypeScript (`TallyRows`, `CreditsTally.dayTotals`) the numeric columns are typed arrays, `seconds` a
/// `BigInt64Array` or a `Float64Array` of whole seconds, `voided` a `Uint8Array` (not 0: voided), `NONE` is
/// 4294967295, and an optional column may be left out.
#[derive(Debug, Clone, Copy, Default)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(rename = "TallyRows"))]
pub struct Rows<'a> {
    /// Per row: the member's number (the caller's numbering; any `u32`).
    #[cfg_attr(feature = "wasm", tsify(type = "Uint32Array"))]
    pub members: &'a [u32],
    /// The activity codes the batch refers to.
    #[cfg_attr(feature = "wasm", tsify(type = "string[]"))]
    pub activity_codes: &'a [&'a str],
    /// Per row: index into `activity_codes`.
    #[cfg_attr(feature = "wasm", tsify(type = "Uint32Array"))]
    pub activities: &'a [u32],
    /// Per row: `occurred_at` in seconds since 1970-01-01T00:00:00Z.
    #[cfg_attr(feature = "wasm", tsify(type = "BigInt64Array | Float64Array"))]
    pub seconds: &'a [i64],
    /// Per row: the content's number, or [`Rows::NONE`]; empty: no row has one.
    #[cfg_attr(feature = "wasm", tsify(type = "Uint32Array", optional))]
    pub contents: &'a [u32],
    /// Per row or empty; [`Rows::NONE`]: absent.
    #[cfg_attr(feature = "wasm", tsify(type = "Uint32Array", optional))]
    pub duration_seconds: &'a [u32],
    /// Per row or empty; [`Rows::NONE`]: absent.
    #[cfg_attr(feature = "wasm", tsify(type = "Uint32Array", optional))]
    pub correct_answers: &'a [u32],
    /// Per row or empty; [`Rows::NONE`]: absent.
    #[cfg_attr(feature = "wasm", tsify(type = "Uint32Array", optional))]
    pub place: &'a [u32],
    /// Per row or empty: declared points.
    #[cfg_attr(
        feature = "wasm",
        tsify(type = "Int32Array | (number | null)[]", optional)
    )]
    pub points: &'a [Option<i64>],
    /// Per row or empty: the event was voided (clawed back).
    #[cfg_attr(feature = "wasm", tsify(type = "Uint8Array", optional))]
    pub voided: &'a [bool],
}

impl Rows<'_> {
    /// "Absent" in a numeric column.
    pub const NONE: u32 = u32::MAX;

    /// The number of rows.
    ///
    /// ```
    /// assert_eq!(dangjian::credits::Rows::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether there are no rows.
    ///
    /// ```
    /// assert!(dangjian::credits::Rows::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Every column as long as the batch (or empty where allowed), indexes inside their bounds.
    fn validate(&self) -> Result<()> {
        let n = self.len();
        if u32::try_from(n).is_err() {
            return bad("members", "行数须少于 2^32", "needs fewer than 2^32 rows");
        }
        for (field, len) in [
            ("activities", self.activities.len()),
            ("seconds", self.seconds.len()),
        ] {
            if len != n {
                return bad(field, "长度须等于行数", "needs one entry per row");
            }
        }
        for (field, len) in [
            ("contents", self.contents.len()),
            ("duration_seconds", self.duration_seconds.len()),
            ("correct_answers", self.correct_answers.len()),
            ("place", self.place.len()),
            ("points", self.points.len()),
            ("voided", self.voided.len()),
        ] {
            if len != 0 && len != n {
                return bad(
                    field,
                    "长度须等于行数或为空",
                    "needs one entry per row or none",
                );
            }
        }
        let codes = self.activity_codes.len();
        if self.activities.iter().any(|&a| a as usize >= codes) {
            return bad(
                "activities",
                "索引超出 activity_codes",
                "index outside activity_codes",
            );
        }
        Ok(())
    }

    /// Row `i`'s value in an optional numeric column.
    fn opt(column: &[u32], i: usize) -> Option<u32> {
        column.get(i).copied().filter(|&v| v != Self::NONE)
    }
}

/// Points per member per China-time day, as columns in member then day order: one entry for each day a
/// member has an accepted event (zero when none of them scored), and the rows refused.
///
/// ```
/// let t = dangjian::credits::DayTotals::default();
/// assert!(t.members.is_empty() && t.date(0).is_none());
/// ```
///
/// In TypeScript (`TallyTotals`) the columns are typed arrays: `members` a `Uint32Array`, `days` an
/// `Int32Array`, `points` a `Float64Array` (JS numbers, as in the scorer's totals).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(rename = "TallyTotals"))]
pub struct DayTotals {
    /// The member's index.
    #[cfg_attr(feature = "wasm", tsify(type = "Uint32Array"))]
    pub members: Vec<u32>,
    /// The China-time day, numbered from 1970-01-01 (see [`DayTotals::date`]).
    #[cfg_attr(feature = "wasm", tsify(type = "Int32Array"))]
    pub days: Vec<i64>,
    /// The points of that member on that day.
    #[cfg_attr(feature = "wasm", tsify(type = "Float64Array"))]
    pub points: Vec<i64>,
    /// Rows refused (`index`: the row), as [`Scorer::ingest`](super::Scorer::ingest) refuses them.
    pub errors: Vec<EventError>,
}

impl DayTotals {
    /// The calendar date of entry `i`.
    ///
    /// ```
    /// let t = dangjian::credits::DayTotals { members: vec![0], days: vec![0], points: vec![1], errors: vec![] };
    /// assert_eq!(t.date(0).unwrap().to_string(), "1970-01-01");
    /// ```
    pub fn date(&self, i: usize) -> Option<NaiveDate> {
        self.days.get(i).map(|&d| day_to_date(d))
    }
}

/// The fast path's scorer: a scheme compiled once, then [`Tally::day_totals`] per batch.
///
/// ```
/// use dangjian::credits::{Rows, Scheme, Tally};
/// let t = Tally::new(&Scheme::learning_platform()).unwrap();
/// let at = chrono::DateTime::parse_from_rfc3339("2026-03-02T07:00:00+08:00").unwrap().timestamp();
/// let rows = Rows {
///     members: &[7, 7, 7],
///     activity_codes: &["login"],
///     activities: &[0, 0, 0],
///     seconds: &[at, at + 60, at + 86_400],
///     ..Rows::default()
/// };
/// let d = t.day_totals(&rows, &[]).unwrap();
/// // Login: 1 a day, cap 1: the second login the same day scores nothing.
/// assert_eq!((&d.members[..], &d.points[..]), (&[7, 7][..], &[1, 1][..]));
/// assert_eq!(d.date(1).unwrap().to_string(), "2026-03-03");
/// ```
#[derive(Debug, Clone)]
pub struct Tally {
    compiled: Compiled,
    /// Per rule of `compiled`: the row check as comparisons (see `quick`).
    quick: Vec<Quick>,
}

impl Tally {
    /// The fast path for a scheme (validated as [`Scorer::new`](super::Scorer::new) does).
    ///
    /// ```
    /// assert!(dangjian::credits::Tally::new(&dangjian::credits::Scheme::member_points()).is_ok());
    /// ```
    pub fn new(scheme: &Scheme) -> Result<Self> {
        let compiled = Compiled::new(scheme)?;
        let quick = compiled.rules.iter().map(Quick::of).collect();
        Ok(Self { compiled, quick })
    }

    /// Scores a whole batch and returns each member's points per day. `offences` are `(member, seconds)`
    /// of cheating decisions: the n-th of a member takes the n-th step of the penalty ladder, as
    /// [`Scorer::record_offences`](super::Scorer::record_offences). A malformed batch (a column of the
    /// wrong length, an index out of bounds) is refused whole (`INVALID_COLUMNS`); a row the scheme
    /// cannot score is refused alone, with the reference's code and field.
    ///
    /// ```
    /// use dangjian::credits::{Rows, Scheme, Tally};
    /// let t = Tally::new(&Scheme::learning_platform()).unwrap();
    /// let rows = Rows { members: &[0], activity_codes: &["daily_quiz"], activities: &[0],
    ///     seconds: &[1_772_406_000], ..Rows::default() };
    /// let d = t.day_totals(&rows, &[]).unwrap();
    /// assert_eq!((d.errors[0].code.as_str(), d.errors[0].field.as_str()), ("MISSING_FIELD", "correct_answers"));
    /// assert!(d.members.is_empty());
    /// ```
    pub fn day_totals(&self, rows: &Rows<'_>, offences: &[(u32, i64)]) -> Result<DayTotals> {
        rows.validate()?;
        let penalties = self.penalties(offences)?;
        let mut out = DayTotals::default();
        let radix = Radix::for_members(rows.members.iter().max().copied().unwrap_or(0));
        let (recs, counts) = self.pack(rows, &radix, &mut out.errors);
        let mut recs = by_member(recs, &radix, counts);
        out.members.reserve(recs.len());
        out.days.reserve(recs.len());
        out.points.reserve(recs.len());
        let (mut fold, mut months) = (Fold::default(), Months::default());
        let no_penalty: Vec<Restriction> = Vec::new();
        for slice in recs.chunk_by_mut(|a, b| a.member == b.member) {
            let Some(member) = slice.first().map(|r| r.member) else {
                continue;
            };
            let restricted = penalties.get(&member).unwrap_or(&no_penalty);
            self.fold_member(member, slice, restricted, &mut fold, &mut months, &mut out);
        }
        // Reserved for a total per record (their most) and given back after: growing by doubling
        // copied the columns a few times over; shrinking does not copy.
        out.members.shrink_to_fit();
        out.days.shrink_to_fit();
        out.points.shrink_to_fit();
        Ok(out)
    }

    /// The restrictions each member's offences bring.
    fn penalties(&self, offences: &[(u32, i64)]) -> Result<FxMap<u32, Vec<Restriction>>> {
        let mut by_member: FxMap<u32, Vec<(i64, String)>> = FxMap::default();
        for &(member, seconds) in offences {
            let ts = seconds
                .checked_mul(1_000_000_000)
                .ok_or_else(|| time::out_of_range("decided_at"))?;
            by_member
                .entry(member)
                .or_default()
                .push((ts, String::new()));
        }
        Ok(by_member
            .into_iter()
            .map(|(m, mut list)| {
                list.sort();
                (m, restrictions(&self.compiled, &list))
            })
            .collect())
    }

    /// Every row checked and the accepted ones packed, in row order (written front to back: no random
    /// stores), with the radix sort's digit counts taken on the way (no second read of the records);
    /// the refused ones go to `errors`. A row the quick check accepts is packed as the full check
    /// would pack it; any other row takes the full check.
    fn pack(
        &self,
        rows: &Rows<'_>,
        radix: &Radix,
        errors: &mut Vec<EventError>,
    ) -> (Vec<Rec>, Vec<Vec<usize>>) {
        let acts: Vec<Option<u16>> = rows
            .activity_codes
            .iter()
            .map(|a| self.compiled.acts.get(*a).copied())
            .collect();
        let mut cache = RuleCache::new();
        let mut counts = radix.counts();
        let mut recs = Vec::with_capacity(rows.len());
        for i in 0..rows.len() {
            let rec = match self.quick_row(rows, i, &acts, &mut cache) {
                Some(rec) => rec,
                None => match self.check_row(rows, i, &acts) {
                    Ok(rec) => rec,
                    Err(e) => {
                        errors.push(EventError::new(i, None, None, &e));
                        continue;
                    }
                },
            };
            radix.count(&mut counts, rec.member);
            recs.push(rec);
        }
        (recs, counts)
    }

    /// Row `i` packed when it passes the quick check of the rule in force on its day (see `quick`),
    /// `None` to send it to the full check.
    #[inline]
    fn quick_row(
        &self,
        rows: &Rows<'_>,
        i: usize,
        acts: &[Option<u16>],
        cache: &mut RuleCache,
    ) -> Option<Rec> {
        let code = *rows.activities.get(i)? as usize;
        let act = (*acts.get(code)?)?;
        let seconds = *rows.seconds.get(i)?;
        let ts = seconds.checked_mul(1_000_000_000)?;
        let rule = cache.rule(&self.compiled, china_day_and_second_of(seconds).0, act);
        let check = self.quick.get(usize::from(rule)).unwrap_or(&Quick::ANY);
        let content = Rows::opt(rows.contents, i);
        let duration = Rows::opt(rows.duration_seconds, i);
        let correct = Rows::opt(rows.correct_answers, i);
        let place = Rows::opt(rows.place, i);
        let has = u8::from(duration.is_some())
            | u8::from(correct.is_some()) << 1
            | u8::from(place.is_some()) << 2
            | u8::from(content.is_some()) << 3;
        let (duration, correct, place) = (
            duration.unwrap_or(0),
            correct.unwrap_or(0),
            place.unwrap_or(0),
        );
        let ok = check.accepts(has, duration, correct, place)
            && quick::declared_in_bound(rows.points.get(i).copied().flatten());
        ok.then(|| Rec {
            ts,
            member: rows.members.get(i).copied().unwrap_or(0),
            content: content.unwrap_or(NO_CONTENT),
            duration,
            correct,
            place,
            rule,
            voided: rows.voided.get(i).copied().unwrap_or(false),
        })
    }

    /// Checks row `i` against the rule in force on its day, in the order the reference checks an event,
    /// and packs it. A declared item's points (given or the default: `needs` saw one) ride in `place`,
    /// which only place units read, so the fold never looks back at the row.
    fn check_row(&self, rows: &Rows<'_>, i: usize, acts: &[Option<u16>]) -> Result<Rec> {
        let code = rows.activities.get(i).copied().unwrap_or(0) as usize;
        let activity = rows.activity_codes.get(code).copied().unwrap_or("");
        let Some(act) = acts.get(code).copied().flatten() else {
            return Err(Error::input(
                "UNKNOWN_ACTIVITY",
                "activity",
                format!("积分方案中没有该活动：{activity}"),
                format!("the scheme has no activity {activity}"),
            ));
        };
        let seconds = rows.seconds.get(i).copied().unwrap_or(0);
        let ts = seconds
            .checked_mul(1_000_000_000)
            .ok_or_else(|| time::out_of_range("occurred_at"))?;
        let content = Rows::opt(rows.contents, i);
        let view = View {
            id: "",
            member_id: "",
            activity,
            ts: Some(ts),
            offset: i32::try_from(CHINA_OFFSET_SECONDS).unwrap_or(0),
            content_id: content.map(|_| ""),
            content_ix: content.unwrap_or(NO_CONTENT),
            duration: Rows::opt(rows.duration_seconds, i),
            correct: Rows::opt(rows.correct_answers, i),
            place: Rows::opt(rows.place, i),
            points: rows.points.get(i).copied().flatten(),
        };
        let rule = self
            .compiled
            .rule_on(china_day_and_second_of(seconds).0, act);
        let mut place = view.place.unwrap_or(0);
        if let Some(r) = rule.and_then(|r| self.compiled.rules.get(r as usize)) {
            needs(r, &view)?;
            if let Unit::Declared { default, .. } = r.unit {
                place = declared_bits(view.points.or(default).unwrap_or(0));
            }
        }
        check_declared_bound(view.points)?;
        Ok(Rec {
            ts,
            member: rows.members.get(i).copied().unwrap_or(0),
            content: view.content_ix,
            duration: view.duration.unwrap_or(0),
            correct: view.correct.unwrap_or(0),
            place,
            rule: rule.unwrap_or(NO_RULE),
            voided: rows.voided.get(i).copied().unwrap_or(false),
        })
    }

    /// Puts one member's slice in canonical order (time, then row: the slice is in row order and the
    /// sort is stable) and folds it, adding a total per day.
    fn fold_member(
        &self,
        member: u32,
        recs: &mut [Rec],
        restricted: &[Restriction],
        fold: &mut Fold,
        months: &mut Months,
        out: &mut DayTotals,
    ) {
        if !recs.is_sorted_by_key(|r| r.ts) {
            recs.sort_by_key(|r| r.ts);
        }
        let Some(first) = recs.first() else {
            return;
        };
        fold.reset_with(first.day(), months);
        let mut day = first.day();
        let mut sum = 0i64;
        for rec in recs.iter() {
            let d = rec.day();
            if d != day {
                push(out, member, day, sum);
                (day, sum) = (d, 0);
            }
            fold.roll_with(d, months);
            let covered = restricted.iter().any(|r| r.covers(rec));
            let declared = || Some(i64::from(rec.place as i32));
            let s = score(&self.compiled, rec, declared, covered, fold);
            sum = sum.saturating_add(i64::from(s.points));
        }
        push(out, member, day, sum);
    }
}

/// A declared item's points (within ±`MAX_EVENT_POINTS`, checked by `needs` against the item's range)
/// as the bits of `Rec::place`.
fn declared_bits(points: i64) -> u32 {
    i32::try_from(points).unwrap_or(0) as u32
}

/// The digits of the radix sort by member: at most 2^10 buckets a pass (their write cursors stay in
/// cache), as few passes as the largest member needs (two for up to a million members). One scattering
/// pass to 100 000 members' own slices would miss the cache on nearly every store; this costs a few
/// sequential passes instead.
struct Radix {
    passes: u32,
    digit: u32,
    mask: u32,
}

impl Radix {
    fn for_members(most: u32) -> Self {
        let bits = u32::BITS.saturating_sub(most.leading_zeros());
        let passes = bits.div_ceil(10);
        let digit = if passes == 0 {
            0
        } else {
            bits.div_ceil(passes)
        };
        Radix {
            passes,
            digit,
            mask: (1u32 << digit).saturating_sub(1),
        }
    }

    /// Empty counts, one table a pass.
    fn counts(&self) -> Vec<Vec<usize>> {
        vec![vec![0usize; (self.mask as usize).saturating_add(1)]; self.passes as usize]
    }

    #[inline]
    fn bucket(&self, member: u32, pass: u32) -> usize {
        ((member >> self.digit.saturating_mul(pass)) & self.mask) as usize
    }

    /// Counts `member` in every pass's table.
    #[inline]
    fn count(&self, counts: &mut [Vec<usize>], member: u32) {
        for (pass, c) in (0..).zip(counts) {
            if let Some(c) = c.get_mut(self.bucket(member, pass)) {
                *c = c.saturating_add(1);
            }
        }
    }
}

/// Stable radix sort of the records by member, least significant digit first, from the counts `pack`
/// took. The second buffer is written once rather than copied from the first (at ten million records
/// each read saved is 320 MB).
fn by_member(mut recs: Vec<Rec>, radix: &Radix, counts: Vec<Vec<usize>>) -> Vec<Rec> {
    let Some(&first) = recs.first() else {
        return recs;
    };
    if radix.passes == 0 || recs.len() < 2 {
        return recs;
    }
    let mut other = vec![first; recs.len()];
    for (pass, mut next) in (0..).zip(counts) {
        let mut at = 0usize;
        for c in &mut next {
            (at, *c) = (at.saturating_add(*c), at);
        }
        for r in &recs {
            if let Some(c) = next.get_mut(radix.bucket(r.member, pass)) {
                if let Some(slot) = other.get_mut(*c) {
                    *slot = *r;
                }
                *c = c.saturating_add(1);
            }
        }
        std::mem::swap(&mut recs, &mut other);
    }
    recs
}

fn push(out: &mut DayTotals, member: u32, day: i64, points: i64) {
    out.members.push(member);
    out.days.push(day);
    out.points.push(points);
}
