//! The [`Scorer`]: ingest batches of events (and voids and offences), get back the entries that changed.
//!
//! Determinism: a member's entries depend only on that member's events, taken in canonical order
//! (`occurred_at`, then `event_id`). Events arriving after later ones (late events), voids and offences
//! re-score the member from the China-time day they touch: the state at that day is rebuilt from the
//! entries already in the ledger (the week's, month's and year's points, the content ids used up for
//! good), and only the entries from that day on are scored again. Days before it are never re-scored.
//! So any arrival order and any batching give the same ledger as one replay of everything.

use std::cmp::Ordering;
use std::hash::{BuildHasher, BuildHasherDefault};

use serde::Serialize;

use super::close::{absorb_base, period_closed, ClosedPart};
use super::compiled::NO_RULE;
use super::compiled::{Compiled, Fx, FxMap};
use super::event::{Event, EventError, Offence};
use super::fold::{narrow, score, Fold, Rec, Scored, NO_CONTENT};
use super::id_table::IdTable;
use super::order::{bucket_sort, id_prefix, shared_prefix_len, Key};
use super::rules::{PenaltyStep, Scheme, Unit, MAX_EVENT_POINTS};
use super::time::{china_day_and_second_of, date_to_day, day_to_date, weekday0};
use crate::{Error, Result};
use chrono::Datelike;

/// A handle on one ledger entry of a [`Scorer`] (stable for the scorer's life).
///
/// ```
/// use dangjian::credits::{Scheme, Scorer};
/// let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
/// let r = s.ingest(vec![serde_json::from_str(r#"{"event_id":"e1","member_id":"M1","activity":"login",
///   "occurred_at":"2026-03-02T07:00:00+08:00"}"#).unwrap()]);
/// assert_eq!(s.get(r.changed[0]).unwrap().event_id, "e1");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct EntryId(pub(crate) u32);

/// What one call changed: the entries new or re-scored (canonical order), the repeats ignored and the
/// inputs refused.
///
/// ```
/// let r = dangjian::credits::Ingest::default();
/// assert!(r.changed.is_empty() && r.duplicates.is_empty() && r.errors.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ingest {
    /// Entries whose points or reason are new or changed.
    pub changed: Vec<EntryId>,
    /// Event ids received again with the same content (`DUPLICATE_EVENT`): ignored.
    pub duplicates: Vec<String>,
    /// Inputs refused, with their position.
    pub errors: Vec<EventError>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Restriction {
    /// From an instant (ns) to the end of a day (exclusive day number).
    Suspend {
        from_ts: i64,
        to_day: i64,
        start_day: i64,
    },
    /// Every day of a year (day numbers, inclusive).
    ZeroYear {
        from_day: i64,
        to_day: i64,
    },
    Ban {
        from_ts: i64,
        start_day: i64,
    },
}

impl Restriction {
    fn covers(&self, rec: &Rec) -> bool {
        match *self {
            Restriction::Suspend {
                from_ts, to_day, ..
            } => rec.ts >= from_ts && rec.day() < to_day,
            Restriction::ZeroYear { from_day, to_day } => (from_day..=to_day).contains(&rec.day()),
            Restriction::Ban { from_ts, .. } => rec.ts >= from_ts,
        }
    }

    fn start_day(&self) -> i64 {
        match *self {
            Restriction::Suspend { start_day, .. } | Restriction::Ban { start_day, .. } => {
                start_day
            }
            Restriction::ZeroYear { from_day, .. } => from_day,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Member {
    pub(crate) id: String,
    /// Event indices in canonical order.
    pub(crate) events: Vec<u32>,
    /// New events not yet placed.
    pending: Vec<u32>,
    /// Earliest day to re-score from, set by voids, offences and late events.
    restart: Option<i64>,
    /// The state after the last event of `events`.
    fold: Fold,
    offences: Vec<(i64, String)>,
    restrictions: Vec<Restriction>,
    /// What closed days left behind (see [`Scorer::close_through`]); `None` until one of the member's
    /// entries is closed. Boxed: most scorers never close, and the member table stays small.
    pub(crate) closed: Option<Box<ClosedPart>>,
}

/// The incremental scorer. Feed it events in any order and any batches; [`Scorer::ledger`] is always what
/// one replay of everything received would give.
///
/// ```
/// use dangjian::credits::{Event, Scheme, Scorer};
/// let ev = |id: &str, at: &str| -> Event { serde_json::from_str(&format!(r#"{{"event_id":"{id}",
///   "member_id":"M1","activity":"login","occurred_at":"{at}"}}"#)).unwrap() };
/// let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
/// s.ingest(vec![ev("b", "2026-03-02T09:00:00+08:00")]);
/// let late = s.ingest(vec![ev("a", "2026-03-02T08:00:00+08:00")]); // earlier the same day: login cap 1
/// assert_eq!(late.changed.len(), 2); // "a" scores, "b" is now over the cap
/// assert_eq!(s.entry("b").unwrap().reason.code(), "CAP_REACHED");
/// ```
#[derive(Debug, Clone)]
pub struct Scorer {
    pub(crate) compiled: Compiled,
    pub(crate) scheme: Scheme,
    /// Event ids, end to end (by event index).
    pub(crate) event_ids: IdArena,
    /// What the ledger shows and duplicate detection compares that `recs` does not keep (by event index).
    pub(crate) meta: Vec<Meta>,
    pub(crate) recs: Vec<Rec>,
    pub(crate) scored: Vec<Scored>,
    /// Event id hash → index (candidates: a lookup confirms against `event_ids`).
    pub(crate) ids: IdTable,
    member_ids: FxMap<String, u32>,
    pub(crate) members: Vec<Member>,
    contents: FxMap<String, u32>,
    /// Content ids by interned index.
    pub(crate) content_names: Vec<String>,
    dirty: Vec<u32>,
    offence_ids: FxMap<String, ()>,
    /// The last closed China-time day (day number): no event, void or offence reaches it any more.
    pub(crate) horizon: Option<i64>,
}

/// Strings end to end in one buffer: one allocation for a million event ids instead of a million. The
/// ends are 32-bit (4 bytes an id, not 8), so the buffer holds at most 4 GiB of ids.
#[derive(Debug, Clone)]
pub(crate) struct IdArena {
    bytes: String,
    ends: Vec<u32>,
    /// The most bytes the buffer may hold: `u32::MAX`, so that every end fits. A field rather than a
    /// constant only so tests reach it with a few short ids.
    pub(crate) limit: u32,
}

impl Default for IdArena {
    fn default() -> Self {
        Self {
            bytes: String::new(),
            ends: Vec::new(),
            limit: u32::MAX,
        }
    }
}

impl IdArena {
    pub(crate) fn get(&self, ix: u32) -> Option<&str> {
        let ix = ix as usize;
        let end = *self.ends.get(ix)? as usize;
        let start = match ix.checked_sub(1) {
            Some(p) => self.ends.get(p).map_or(0, |&e| e as usize),
            None => 0,
        };
        self.bytes.get(start..end)
    }

    /// The end `s` would get if pushed now; `None` when the buffer would pass its limit.
    pub(crate) fn end_after(&self, s: &str) -> Option<u32> {
        let end = self.bytes.len().checked_add(s.len())?;
        u32::try_from(end).ok().filter(|&end| end <= self.limit)
    }

    /// Appends `s`; false, with nothing stored, when the buffer would pass its limit.
    pub(crate) fn push(&mut self, s: &str) -> bool {
        let Some(end) = self.end_after(s) else {
            return false;
        };
        self.bytes.push_str(s);
        self.ends.push(end);
        true
    }

    fn reserve(&mut self, ids: usize, bytes: usize) -> bool {
        self.ends.try_reserve(ids).is_ok() && self.bytes.try_reserve(bytes).is_ok()
    }
}

/// Which rows of a batch may repeat an id, the rows in the id table's bucket order (`(hash, row)`
/// sorted: the bucket is the hash's high bits), and the index each row left for bulk indexing got
/// (`u32::MAX`: none).
pub(crate) struct Triage {
    pub may_exist: Vec<bool>,
    order: Vec<(u64, u32)>,
    pub deferred: Vec<u32>,
}

/// Bits of `Meta::has`: which optional fields the event carried.
const HAS_DURATION: u8 = 1;
const HAS_CORRECT: u8 = 2;
const HAS_PLACE: u8 = 4;
const HAS_POINTS: u8 = 8;

/// The part of an event `Rec` does not keep: the offset it was written with, its activity, which optional
/// fields it carried and its declared points as given (32-bit: declared points beyond
/// ±[`MAX_EVENT_POINTS`] are refused on ingest).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Meta {
    pub offset: i32,
    pub act: u16,
    has: u8,
    points: i32,
}

// One per event: 12 bytes, not the 16 of `i64` points.
const _: () = assert!(std::mem::size_of::<Meta>() == 12);

impl Meta {
    /// The points the event declared, if it did.
    pub(crate) fn points(&self) -> Option<i64> {
        (self.has & HAS_POINTS != 0).then_some(i64::from(self.points))
    }
}

/// An event as the validation reads it, borrowed from an [`Event`] or from [`Columns`](super::Columns).
#[derive(Debug, Clone, Copy)]
pub(crate) struct View<'a> {
    pub id: &'a str,
    pub member_id: &'a str,
    pub activity: &'a str,
    /// Nanoseconds since the epoch; `None` when out of range.
    pub ts: Option<i64>,
    pub offset: i32,
    pub content_id: Option<&'a str>,
    /// `content_id` already interned, or `NO_CONTENT` (look it up).
    pub content_ix: u32,
    pub duration: Option<u32>,
    pub correct: Option<u32>,
    pub place: Option<u32>,
    pub points: Option<i64>,
}

impl<'a> View<'a> {
    fn of(e: &'a Event) -> Self {
        View {
            id: &e.event_id,
            member_id: &e.member_id,
            activity: &e.activity,
            ts: super::time::instant_nanos(&e.occurred_at),
            offset: e.occurred_at.offset().local_minus_utc(),
            content_id: e.content_id.as_deref(),
            content_ix: NO_CONTENT,
            duration: e.duration_seconds,
            correct: e.correct_answers,
            place: e.place,
            points: e.points,
        }
    }
}

/// What validation made of an event.
pub(crate) enum Step {
    /// The id is known with the same content.
    Duplicate,
    /// New: its id hash and packed forms (member not yet set).
    New(u64, Rec, Meta),
}

pub(crate) fn hash_str(s: &str) -> u64 {
    BuildHasherDefault::<Fx>::default().hash_one(s)
}

impl Scorer {
    /// A scorer for a scheme (validated).
    ///
    /// ```
    /// let s = dangjian::credits::Scorer::new(dangjian::credits::Scheme::member_points()).unwrap();
    /// assert!(s.ledger().is_empty());
    /// ```
    pub fn new(scheme: Scheme) -> Result<Self> {
        Ok(Self {
            compiled: Compiled::new(&scheme)?,
            scheme,
            event_ids: IdArena::default(),
            meta: Vec::new(),
            recs: Vec::new(),
            scored: Vec::new(),
            ids: IdTable::default(),
            member_ids: FxMap::default(),
            members: Vec::new(),
            contents: FxMap::default(),
            content_names: Vec::new(),
            dirty: Vec::new(),
            offence_ids: FxMap::default(),
            horizon: None,
        })
    }

    /// A scorer with room for `events` events of `members` members, so a large replay grows no table
    /// while it runs (the result is the same as [`Scorer::new`]'s).
    ///
    /// ```
    /// use dangjian::credits::{Scheme, Scorer};
    /// let s = Scorer::with_capacity(Scheme::learning_platform(), 1_000, 10).unwrap();
    /// assert!(s.is_empty());
    /// ```
    ///
    /// A capacity beyond what a ledger can hold (more events than the id table's limit, more members than
    /// a 32-bit index), or memory the system will not give, is the coded error `CAPACITY_OUT_OF_RANGE`
    /// naming `events` or `members` — checked before anything is allocated, never a panic or an abort:
    ///
    /// ```
    /// use dangjian::credits::{Scheme, Scorer};
    /// let e = Scorer::with_capacity(Scheme::learning_platform(), usize::MAX, 0).unwrap_err();
    /// assert_eq!((e.code(), e.detail().field.as_str()), ("CAPACITY_OUT_OF_RANGE", "events"));
    /// ```
    pub fn with_capacity(scheme: Scheme, events: usize, members: usize) -> Result<Self> {
        let refuse = |field: &str| {
            Error::input(
                "CAPACITY_OUT_OF_RANGE",
                field,
                "预留容量超出可分配范围",
                "the capacity asked for is beyond what can be allocated",
            )
        };
        if !IdTable::can_hold(events) {
            return Err(refuse("events"));
        }
        if u32::try_from(members).is_err() {
            return Err(refuse("members"));
        }
        let mut s = Self::new(scheme)?;
        if !s.reserve(events) {
            return Err(refuse("events"));
        }
        if s.member_ids.try_reserve(members).is_err() || s.members.try_reserve(members).is_err() {
            return Err(refuse("members"));
        }
        Ok(s)
    }

    /// Room for `n` more events (ids of about 8 bytes). Fallible allocation throughout: false when memory
    /// was refused (then `push` grows as it goes, and refuses what does not fit), never an abort.
    pub(crate) fn reserve(&mut self, n: usize) -> bool {
        self.event_ids.reserve(n, n.saturating_mul(8))
            && self.meta.try_reserve(n).is_ok()
            && self.recs.try_reserve(n).is_ok()
            && self.scored.try_reserve(n).is_ok()
            // One growth up front instead of repeated rehashing of a table of a million ids. Should it fail
            // (the table's limit), `push` refuses the events that do not fit.
            && self.ids.reserve(self.ids.len().saturating_add(n))
    }

    /// The scheme scored against.
    ///
    /// ```
    /// let s = dangjian::credits::Scorer::new(dangjian::credits::Scheme::member_points()).unwrap();
    /// assert_eq!(s.scheme().name, "member_points");
    /// ```
    pub fn scheme(&self) -> &Scheme {
        &self.scheme
    }

    /// How many distinct events the ledger holds.
    ///
    /// ```
    /// let s = dangjian::credits::Scorer::new(dangjian::credits::Scheme::member_points()).unwrap();
    /// assert_eq!(s.len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.recs.len()
    }

    /// Whether the ledger is empty.
    ///
    /// ```
    /// assert!(dangjian::credits::Scorer::new(dangjian::credits::Scheme::member_points()).unwrap().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.recs.is_empty()
    }

    pub(crate) fn find(&self, event_id: &str) -> Option<u32> {
        self.find_hashed(hash_str(event_id), event_id)
    }

    /// The index of `event_id` (`h` its hash): the table gives the indices under the hash's tag, the
    /// stored ids tell which (if any) is this one.
    fn find_hashed(&self, h: u64, event_id: &str) -> Option<u32> {
        self.ids
            .candidates(h)
            .find(|&ix| self.event_ids.get(ix) == Some(event_id))
    }

    /// The member id of a member index.
    pub(crate) fn member_id(&self, member: u32) -> &str {
        self.members
            .get(member as usize)
            .map_or("", |m| m.id.as_str())
    }

    /// Whether the stored event `ix` has the same content as `v` (instants compare as instants).
    fn same(&self, ix: u32, v: &View<'_>) -> bool {
        let (Some(r), Some(m)) = (self.recs.get(ix as usize), self.meta.get(ix as usize)) else {
            return false;
        };
        let opt = |bit: u8, x: u32| (m.has & bit != 0).then_some(x);
        let content = match r.content {
            NO_CONTENT => None,
            c => self.content_names.get(c as usize).map(String::as_str),
        };
        v.ts == Some(r.ts)
            && self.member_id(r.member) == v.member_id
            && self
                .compiled
                .names
                .get(usize::from(m.act))
                .map(String::as_str)
                == Some(v.activity)
            && content == v.content_id
            && opt(HAS_DURATION, r.duration) == v.duration
            && opt(HAS_CORRECT, r.correct) == v.correct
            && opt(HAS_PLACE, r.place) == v.place
            && m.points() == v.points
    }

    /// Takes a batch of events; returns the entries that changed. A repeated event id with the same content
    /// is ignored (`duplicates`); with different content it is refused (`CONFLICTING_EVENT_ID`, the first
    /// stays). An event the scheme cannot score (unknown activity, a field its unit needs missing) is refused
    /// with the field at fault; the rest of the batch is scored.
    ///
    /// ```
    /// use dangjian::credits::{Event, Scheme, Scorer};
    /// let e: Event = serde_json::from_str(r#"{"event_id":"e1","member_id":"M1","activity":"daily_quiz",
    ///   "occurred_at":"2026-03-02T07:00:00+08:00"}"#).unwrap();
    /// let r = Scorer::new(Scheme::learning_platform()).unwrap().ingest(vec![e]);
    /// assert_eq!((r.errors[0].code.as_str(), r.errors[0].field.as_str()), ("MISSING_FIELD", "correct_answers"));
    /// ```
    pub fn ingest(&mut self, events: Vec<Event>) -> Ingest {
        let mut out = Ingest::default();
        self.reserve(events.len());
        let first = self.recs.len();
        let hashes: Vec<u64> = events.iter().map(|e| hash_str(&e.event_id)).collect();
        let mut triage = self.triage(&hashes);
        let may_exist = std::mem::take(&mut triage.may_exist);
        for (index, (event, (&h, &may))) in events
            .into_iter()
            .zip(hashes.iter().zip(&may_exist))
            .enumerate()
        {
            let v = View::of(&event);
            let act = self.compiled.acts.get(event.activity.as_str()).copied();
            match self.check(h, &v, act, may) {
                Ok(Step::Duplicate) => out.duplicates.push(event.event_id),
                Ok(Step::New(h, mut rec, meta)) => {
                    let member = match self.intern_member(&event.member_id) {
                        Ok(m) => m,
                        Err(e) => {
                            out.errors
                                .push(EventError::new(index, None, Some(event.event_id), &e));
                            continue;
                        }
                    };
                    rec.member = member;
                    if let Err(e) = self.push(
                        h,
                        &event.event_id,
                        rec,
                        meta,
                        may,
                        triage.deferred.get_mut(index),
                    ) {
                        out.errors.push(EventError::new(index, None, None, &e));
                    }
                }
                Err(e) => out
                    .errors
                    .push(EventError::new(index, None, Some(event.event_id), &e)),
            }
        }
        self.index(triage);
        let sorted = self.distribute(first);
        self.settle(&mut out, Some((first, &sorted)));
        out
    }

    /// Checks an event: a repeat of a known id, or new and valid against the rule in force on its day
    /// (`h` is its id's hash; `act` its activity's index, `None` when the scheme has no such activity).
    /// `may_exist` false (from [`Scorer::triage`]) skips the id lookup.
    pub(crate) fn check(
        &mut self,
        h: u64,
        v: &View<'_>,
        act: Option<u16>,
        may_exist: bool,
    ) -> Result<Step> {
        if let Some(ix) = may_exist.then(|| self.find_hashed(h, v.id)).flatten() {
            if self.same(ix, v) {
                return Ok(Step::Duplicate);
            }
            let id = v.id;
            return Err(Error::input(
                "CONFLICTING_EVENT_ID",
                "event_id",
                format!("事件编号 {id} 已用于内容不同的事件"),
                format!("event_id {id} was already used by an event with different content"),
            ));
        }
        // Before anything is stored or interned: a row refused here leaves no trace.
        // (The member id is checked where a member is first created: `intern_member`.)
        crate::text::check_id(v.id, "event_id")?;
        if let Some(c) = v.content_id {
            crate::text::check_id(c, "content_id")?;
        }
        self.room_for(v.id)?;
        let (rec, meta) = self.compile_event(v, act)?;
        Ok(Step::New(h, rec, meta))
    }

    /// Which rows of a batch (by id hash) may repeat an id: those whose hash's tag is in the table
    /// already, or whose hash is twice in the batch. The others are new for sure and skip the lookup (a
    /// tag shared with another id only costs that lookup). The table is probed in its bucket order (the
    /// high bits of the hash, so plain hash order), so a million probes sweep it once instead of missing
    /// the cache a million times; [`Scorer::index`] inserts the new ones the same way.
    pub(crate) fn triage(&self, hashes: &[u64]) -> Triage {
        let keyed: Vec<(u64, u32)> = hashes.iter().copied().zip(0u32..).collect();
        let order = bucket_sort(keyed, |&(h, _)| h);
        let mut may_exist = vec![false; hashes.len()];
        let mut prev = None;
        for (i, &(h, row)) in order.iter().enumerate() {
            let twice = prev == Some(h) || order.get(i.saturating_add(1)).is_some_and(|n| n.0 == h);
            prev = Some(h);
            if twice || self.ids.contains_tag(h) {
                if let Some(m) = may_exist.get_mut(row as usize) {
                    *m = true;
                }
            }
        }
        Triage {
            deferred: vec![u32::MAX; hashes.len()],
            may_exist,
            order,
        }
    }

    /// Indexes the new events left for later (`deferred`, by row), in the table's bucket order: the
    /// order `triage` sorted the rows in, so no second sort.
    pub(crate) fn index(&mut self, t: Triage) {
        for (h, row) in t.order {
            match t.deferred.get(row as usize) {
                Some(&ix) if ix != u32::MAX => self.index_one(h, ix),
                _ => {}
            }
        }
    }

    /// Indexes event `ix` under its id's hash `h`. It cannot be refused: `push` made room for every
    /// stored event before storing it, and a stored index is below `u32::MAX`.
    pub(crate) fn index_one(&mut self, h: u64, ix: u32) {
        self.ids.insert(h, ix);
    }

    /// Stores a checked new event; indexes its id now when it may repeat in the batch, else later in
    /// bulk (its row's `deferred` slot, for [`Scorer::index`]).
    pub(crate) fn push(
        &mut self,
        h: u64,
        id: &str,
        rec: Rec,
        meta: Meta,
        may_exist: bool,
        deferred: Option<&mut u32>,
    ) -> Result<()> {
        // Checked in `check` already (`room_for`); kept so nothing is stored half if it were not. The id
        // table grows here if it must, not when the event is indexed later in bulk, so that indexing
        // cannot fail.
        let ix = self.next_index()?;
        let room = self
            .recs
            .len()
            .checked_add(1)
            .is_some_and(|n| self.ids.reserve(n));
        if !room {
            return Err(too_many_events());
        }
        if !self.event_ids.push(id) {
            return Err(ids_too_long());
        }
        match deferred {
            Some(slot) if !may_exist => *slot = ix,
            _ => self.index_one(h, ix),
        }
        self.meta.push(meta);
        self.recs.push(rec);
        self.scored.push(Scored::UNSET);
        Ok(())
    }

    /// The index the next new event gets. `u32::MAX` is never one: the batch's bookkeeping reads it as
    /// "none" (`Triage::deferred`).
    fn next_index(&self) -> Result<u32> {
        u32::try_from(self.recs.len())
            .ok()
            .filter(|&ix| ix != u32::MAX)
            .ok_or_else(too_many_events)
    }

    /// Refuses a new event the tables have no room for: its index must fit 32 bits, the id table
    /// ([`IdTable::MAX_LEN`] events) and its id the arena (the ids of all events held pass 4 GiB
    /// otherwise).
    fn room_for(&self, id: &str) -> Result<()> {
        self.next_index()?;
        if !self
            .recs
            .len()
            .checked_add(1)
            .is_some_and(IdTable::can_hold)
        {
            return Err(too_many_events());
        }
        match self.event_ids.end_after(id) {
            Some(_) => Ok(()),
            None => Err(ids_too_long()),
        }
    }

    /// Hands the batch's new events (from `first`) to their members, in canonical order: one compact sort
    /// of the whole batch costs far less than a sort per member reading scattered records. The sort keys
    /// carry the member, so the hand-out is a counting sort by member that never reads a record at random.
    /// Returns the batch in canonical order.
    pub(crate) fn distribute(&mut self, first: usize) -> Vec<u32> {
        // The ids are read here in arrival order (a sweep of the arena), never at random in the sort.
        let ids = &self.event_ids;
        let batch = || (first..self.recs.len()).filter_map(|ix| ids.get(u32::try_from(ix).ok()?));
        let skip = shared_prefix_len(batch());
        let keyed: Vec<Key> = self
            .recs
            .iter()
            .skip(first)
            .zip(first..)
            .filter_map(|(r, ix)| {
                let ix = u32::try_from(ix).ok()?;
                Some(Key {
                    ts: r.ts,
                    prefix: id_prefix(ids.get(ix).unwrap_or(""), skip),
                    ix,
                    member: r.member,
                })
            })
            .collect();
        let keyed = self.sort_keyed(keyed);
        // Counting sort by member, stable: each member's slice keeps the canonical order.
        let mut starts = vec![0u32; self.members.len().saturating_add(1)];
        for &Key { member: m, .. } in &keyed {
            if let Some(c) = starts.get_mut((m as usize).saturating_add(1)) {
                *c = c.saturating_add(1);
            }
        }
        for i in 1..starts.len() {
            let prev = starts.get(i.wrapping_sub(1)).copied().unwrap_or(0);
            if let Some(c) = starts.get_mut(i) {
                *c = c.saturating_add(prev);
            }
        }
        let mut flat = vec![0u32; keyed.len()];
        let mut next = starts.clone();
        for &Key { ix, member: m, .. } in &keyed {
            if let Some(at) = next.get_mut(m as usize) {
                if let Some(slot) = flat.get_mut(*at as usize) {
                    *slot = ix;
                }
                *at = at.saturating_add(1);
            }
        }
        for ((member, m), w) in (0u32..).zip(self.members.iter_mut()).zip(starts.windows(2)) {
            let [from, to] = *w else { continue };
            if from == to {
                continue;
            }
            if m.pending.is_empty() && m.restart.is_none() {
                self.dirty.push(member);
            }
            m.pending
                .extend_from_slice(flat.get(from as usize..to as usize).unwrap_or(&[]));
        }
        keyed.into_iter().map(|k| k.ix).collect()
    }

    pub(crate) fn intern_member(&mut self, id: &str) -> Result<u32> {
        if let Some(&m) = self.member_ids.get(id) {
            return Ok(m);
        }
        crate::text::check_id(id, "member_id")?;
        let m = u32::try_from(self.members.len()).map_err(|_| {
            Error::input(
                "TOO_MANY_MEMBERS",
                "member_id",
                "党员过多",
                "too many members",
            )
        })?;
        self.member_ids.insert(id.to_owned(), m);
        self.members.push(Member {
            id: id.to_owned(),
            ..Member::default()
        });
        Ok(m)
    }

    /// Checks an event against the rule in force on its day and packs it.
    fn compile_event(&mut self, e: &View<'_>, act: Option<u16>) -> Result<(Rec, Meta)> {
        let Some(act) = act else {
            return Err(Error::input(
                "UNKNOWN_ACTIVITY",
                "activity",
                format!("积分方案中没有该活动：{}", e.activity),
                format!("the scheme has no activity {}", e.activity),
            ));
        };
        let ts = e.ts.ok_or_else(|| {
            Error::input(
                "TIME_OUT_OF_RANGE",
                "occurred_at",
                "时间超出范围（1678—2261 年）",
                "the time is out of range (years 1678–2261)",
            )
        })?;
        let (day, _) = china_day_and_second_of(ts.div_euclid(1_000_000_000));
        if self.horizon.is_some_and(|h| day <= h) {
            return Err(period_closed("occurred_at", day));
        }
        let rule = self
            .compiled
            .set_on(day)
            .and_then(|(_, s)| s.by_act.get(usize::from(act)).copied().flatten())
            .filter(|&r| {
                self.compiled
                    .rules
                    .get(r as usize)
                    .is_some_and(|r| r.weekdays & (1 << weekday0(day)) != 0)
            });
        let has = [
            (e.duration.is_some(), HAS_DURATION),
            (e.correct.is_some(), HAS_CORRECT),
            (e.place.is_some(), HAS_PLACE),
            (e.points.is_some(), HAS_POINTS),
        ]
        .iter()
        .fold(0u8, |h, &(on, bit)| if on { h | bit } else { h });
        let mut rec = Rec {
            ts,
            member: 0,
            rule: rule.unwrap_or(NO_RULE),
            content: NO_CONTENT,
            duration: e.duration.unwrap_or(0),
            correct: e.correct.unwrap_or(0),
            place: e.place.unwrap_or(0),
            voided: false,
        };
        if let Some(r) = rule.and_then(|r| self.compiled.rules.get(r as usize)) {
            let needs_duration =
                r.min_duration.is_some() || matches!(r.unit, Unit::PerMinutes { .. });
            if needs_duration && e.duration.is_none() {
                return Err(missing("duration_seconds"));
            }
            if matches!(r.unit, Unit::PerCorrect { .. }) && e.correct.is_none() {
                return Err(missing("correct_answers"));
            }
            if matches!(r.unit, Unit::PerPlace { .. }) {
                match e.place {
                    None => return Err(missing("place")),
                    Some(0) => {
                        return Err(Error::input(
                            "INVALID_PLACE",
                            "place",
                            "名次从 1 开始",
                            "place starts at 1",
                        ))
                    }
                    Some(_) => {}
                }
            }
            if let Unit::Declared { min, max, default } = r.unit {
                let p = e.points.or(default).ok_or_else(|| missing("points"))?;
                if p < min || p > max {
                    return Err(Error::input(
                        "POINTS_OUT_OF_RANGE",
                        "points",
                        format!("分值须在 {min} 到 {max} 之间"),
                        format!("points must be between {min} and {max}"),
                    ));
                }
            }
            if r.dedup != super::rules::Dedup::None && e.content_id.is_none() {
                return Err(missing("content_id"));
            }
            r.check_raw_bound(e.duration, e.correct)?;
        }
        // Whatever the rule (none, for an event not available that day), the declared points are kept
        // in 32 bits: bounded for every event.
        if e.points
            .is_some_and(|p| !(-MAX_EVENT_POINTS..=MAX_EVENT_POINTS).contains(&p))
        {
            let m = MAX_EVENT_POINTS;
            return Err(Error::input(
                "POINTS_OUT_OF_RANGE",
                "points",
                format!("分值须在 -{m} 到 {m} 之间"),
                format!("points must be between -{m} and {m}"),
            ));
        }
        let meta = Meta {
            offset: e.offset,
            act,
            has,
            points: narrow(e.points.unwrap_or(0)),
        };
        // Every content id is kept (the ledger compares repeats by content); only dedup reads it.
        if let Some(c) = e.content_id {
            rec.content = match e.content_ix {
                NO_CONTENT => self.intern_content(c)?,
                ix => ix,
            };
        }
        Ok((rec, meta))
    }

    pub(crate) fn intern_content(&mut self, c: &str) -> Result<u32> {
        if let Some(&ix) = self.contents.get(c) {
            return Ok(ix);
        }
        let ix = u32::try_from(self.contents.len())
            .ok()
            .filter(|&ix| ix != NO_CONTENT)
            .ok_or_else(|| {
                Error::input(
                    "TOO_MANY_CONTENTS",
                    "content_id",
                    "内容过多",
                    "too many content ids",
                )
            })?;
        self.contents.insert(c.to_owned(), ix);
        self.content_names.push(c.to_owned());
        Ok(ix)
    }

    /// Voids events (clawback): each scores 0 (`VOIDED`) and its member is re-scored from its day, so an
    /// event capped before may now count. Unknown ids are refused (`UNKNOWN_EVENT`); voiding twice is a no-op.
    ///
    /// ```
    /// use dangjian::credits::{Event, Scheme, Scorer};
    /// let ev = |id: &str, h: u32| -> Event { serde_json::from_str(&format!(r#"{{"event_id":"{id}",
    ///   "member_id":"M1","activity":"login","occurred_at":"2026-03-02T{h:02}:00:00+08:00"}}"#)).unwrap() };
    /// let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
    /// s.ingest(vec![ev("a", 8), ev("b", 9)]);
    /// let r = s.void(&["a"]);
    /// assert_eq!(r.changed.len(), 2);
    /// assert_eq!((s.entry("a").unwrap().reason.code(), s.entry("b").unwrap().points), ("VOIDED", 1));
    /// ```
    pub fn void<S: AsRef<str>>(&mut self, event_ids: &[S]) -> Ingest {
        let mut out = Ingest::default();
        for (index, id) in event_ids.iter().enumerate() {
            let id = id.as_ref();
            let Some(ix) = self.find(id) else {
                let e = Error::input(
                    "UNKNOWN_EVENT",
                    "event_id",
                    format!("没有该事件：{id}"),
                    format!("no such event: {id}"),
                );
                out.errors
                    .push(EventError::new(index, None, Some(id.to_owned()), &e));
                continue;
            };
            let Some(rec) = self.recs.get_mut(ix as usize) else {
                continue;
            };
            if rec.voided {
                continue;
            }
            rec.voided = true;
            let (member, day) = (rec.member, rec.day());
            self.mark_restart(member, day);
        }
        self.settle(&mut out, None);
        out
    }

    /// Re-scores a member from `day`, or from the first open day when `day` is closed (closed entries are
    /// final).
    fn mark_restart(&mut self, member: u32, day: i64) {
        let day = self.horizon.map_or(day, |h| day.max(h.saturating_add(1)));
        if let Some(m) = self.members.get_mut(member as usize) {
            if m.pending.is_empty() && m.restart.is_none() {
                self.dirty.push(member);
            }
            m.restart = Some(m.restart.map_or(day, |r| r.min(day)));
        }
    }

    /// Records cheating offences. Each member's offences are taken in (`decided_at`, `offence_id`) order; the
    /// n-th takes the n-th step of the penalty ladder of the rule set in force on its day (beyond the ladder,
    /// the last step). The member is re-scored from the first day the penalties change. A repeated offence id
    /// is ignored.
    ///
    /// ```
    /// use dangjian::credits::{Event, Offence, Scheme, Scorer};
    /// let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
    /// s.ingest(vec![serde_json::from_str(r#"{"event_id":"e1","member_id":"M1","activity":"login",
    ///   "occurred_at":"2026-03-03T07:00:00+08:00"}"#).unwrap()]);
    /// let o: Offence = serde_json::from_str(r#"{"offence_id":"o1","member_id":"M1",
    ///   "decided_at":"2026-03-02T12:00:00+08:00"}"#).unwrap();
    /// s.record_offences(vec![o]); // first offence: suspended for 7 days
    /// assert_eq!(s.entry("e1").unwrap().reason.code(), "SUSPENDED");
    /// ```
    pub fn record_offences(&mut self, offences: Vec<Offence>) -> Ingest {
        let mut out = Ingest::default();
        let mut touched = Vec::new();
        for (index, o) in offences.into_iter().enumerate() {
            if self.offence_ids.contains_key(&o.offence_id) {
                continue;
            }
            let ts = match super::time::instant_nanos(&o.decided_at) {
                Some(ts) => ts,
                None => {
                    let e = Error::input(
                        "TIME_OUT_OF_RANGE",
                        "decided_at",
                        "时间超出范围",
                        "the time is out of range",
                    );
                    out.errors
                        .push(EventError::new(index, None, Some(o.offence_id), &e));
                    continue;
                }
            };
            let day = china_day_and_second_of(ts.div_euclid(1_000_000_000)).0;
            if self.horizon.is_some_and(|h| day <= h) {
                let e = period_closed("decided_at", day);
                out.errors
                    .push(EventError::new(index, None, Some(o.offence_id), &e));
                continue;
            }
            let member = match self.intern_member(&o.member_id) {
                Ok(m) => m,
                Err(e) => {
                    out.errors
                        .push(EventError::new(index, None, Some(o.offence_id), &e));
                    continue;
                }
            };
            self.offence_ids.insert(o.offence_id.clone(), ());
            if let Some(m) = self.members.get_mut(member as usize) {
                m.offences.push((ts, o.offence_id));
            }
            touched.push(member);
        }
        touched.sort_unstable();
        touched.dedup();
        for member in touched {
            let Some(m) = self.members.get_mut(member as usize) else {
                continue;
            };
            m.offences.sort();
            let new = restrictions(&self.compiled, &m.offences);
            let changed_from = new
                .iter()
                .filter(|r| !m.restrictions.contains(r))
                .chain(m.restrictions.iter().filter(|r| !new.contains(r)))
                .map(Restriction::start_day)
                .min();
            m.restrictions = new;
            if let Some(day) = changed_from {
                self.mark_restart(member, day);
            }
        }
        self.settle(&mut out, None);
        out
    }

    /// Places pending events and re-scores what they, voids and offences touched. `batch` is the first
    /// index and the canonical order of the events just distributed: when exactly those changed (a batch
    /// that re-scores nothing older), their order is already known and the sort is skipped.
    pub(crate) fn settle(&mut self, out: &mut Ingest, batch: Option<(usize, &[u32])>) {
        let mut changed = Vec::new();
        let mut local: Vec<(u32, Rec)> = Vec::new();
        let mut outcomes: Vec<(u32, Scored)> = Vec::new();
        let fresh = batch.map_or(usize::MAX, |(first, _)| first);
        let mut dirty = std::mem::take(&mut self.dirty);
        // Members in index order: the member table is read front to back, not at random.
        dirty.sort_unstable();
        // Software pipelining: the next member is prepared and its records gathered (the loads issued)
        // before the previous member is folded, so the cache misses resolve while the fold computes.
        let mut next: Vec<(u32, Rec)> = Vec::new();
        let mut ready: Option<u32> = None;
        for member in dirty.into_iter().map(Some).chain([None]) {
            next.clear();
            let prepared = member.filter(|&member| self.prepare(member, &mut next));
            if let Some(prev) = ready.take() {
                let (scored, compiled, meta) = (&mut self.scored, &self.compiled, &self.meta);
                if let Some(m) = self.members.get_mut(prev as usize) {
                    outcomes.clear();
                    for (ix, rec) in &local {
                        m.fold.roll(rec.day());
                        let restricted = m.restrictions.iter().any(|r| r.covers(rec));
                        let declared = || meta.get(*ix as usize).and_then(Meta::points);
                        let s = score(compiled, rec, declared, restricted, &mut m.fold);
                        outcomes.push((*ix, s));
                    }
                    for &(ix, s) in &outcomes {
                        if let Some(slot) = scored.get_mut(ix as usize) {
                            // A new event's slot is unset, which no outcome equals: store without
                            // reading it.
                            if ix as usize >= fresh || *slot != s {
                                *slot = s;
                                changed.push(ix);
                            }
                        }
                    }
                }
            }
            std::mem::swap(&mut local, &mut next);
            ready = prepared;
        }
        let known = batch.filter(|&(first, sorted)| {
            changed.len() == sorted.len() && changed.iter().all(|&ix| ix as usize >= first)
        });
        match known {
            Some((_, sorted)) => out.changed.extend(sorted.iter().map(|&ix| EntryId(ix))),
            None => out
                .changed
                .extend(self.in_canonical_order(changed).into_iter().map(EntryId)),
        }
    }

    /// Places a member's pending events, rebuilds its state where re-scoring starts, and copies the
    /// records to (re)score into `into` (a tight loop of independent loads: the misses overlap). False
    /// when there is no such member.
    fn prepare(&mut self, member: u32, into: &mut Vec<(u32, Rec)>) -> bool {
        let Some(m) = self.members.get_mut(member as usize) else {
            return false;
        };
        let (events, recs, scored, compiled) =
            (&self.event_ids, &self.recs, &self.scored, &self.compiled);
        let key = |a: &u32, b: &u32| canonical(recs, events, *a, *b);
        // Already in canonical order (`distribute`).
        let pending = std::mem::take(&mut m.pending);
        let mut start = m.events.len();
        if let Some(&first) = pending.first() {
            let in_order = m
                .events
                .last()
                .is_none_or(|&last| key(&last, &first) == Ordering::Less);
            if !in_order {
                let day = recs.get(first as usize).map_or(i64::MIN, Rec::day);
                m.restart = Some(m.restart.map_or(day, |r| r.min(day)));
            }
            if in_order && m.events.is_empty() {
                m.events = pending;
            } else if in_order {
                m.events.extend_from_slice(&pending);
            } else {
                m.events = merge(&m.events, &pending, key);
            }
        }
        if let Some(day) = m.restart.take() {
            start = m
                .events
                .partition_point(|&ix| recs.get(ix as usize).is_some_and(|r| r.day() < day));
            m.fold.reset_to(day);
            if let Some(closed) = &m.closed {
                absorb_base(&mut m.fold, &closed.base);
            }
            for &ix in m.events.iter().take(start) {
                if let (Some(r), Some(s)) = (recs.get(ix as usize), scored.get(ix as usize)) {
                    m.fold.absorb(r, s, compiled.rules.get(r.rule as usize));
                }
            }
        }
        into.extend(
            m.events
                .iter()
                .skip(start)
                .filter_map(|&ix| Some((ix, *recs.get(ix as usize)?))),
        );
        true
    }

    /// Sorts event indices into canonical order. The sort runs on compact (time, index) keys, so it stays
    /// in cache; event ids are read only to break ties between equal times.
    fn in_canonical_order(&self, ixs: Vec<u32>) -> Vec<u32> {
        // No id prefixes: reading them would be a random read per index, ties are rarer.
        let keyed: Vec<Key> = ixs
            .into_iter()
            .map(|ix| Key {
                ts: self.recs.get(ix as usize).map_or(i64::MIN, |r| r.ts),
                prefix: 0,
                ix,
                member: 0,
            })
            .collect();
        self.sort_keyed(keyed).into_iter().map(|k| k.ix).collect()
    }

    /// Sorts keys into canonical order of their indices.
    fn sort_keyed(&self, keyed: Vec<Key>) -> Vec<Key> {
        // Plain key order first (no closure, no id reads; indices are unique so the member never
        // decides), then the rare runs of equal times and id prefixes by the full event id.
        let mut keyed = bucket_sort(keyed, |k| (k.ts as u64) ^ (1 << 63));
        for run in keyed.chunk_by_mut(|a, b| a.ts == b.ts && a.prefix == b.prefix) {
            if run.len() > 1 {
                run.sort_unstable_by(|a, b| {
                    let ia = self.event_ids.get(a.ix).unwrap_or("");
                    let ib = self.event_ids.get(b.ix).unwrap_or("");
                    ia.cmp(ib)
                });
            }
        }
        keyed
    }

    /// Indices of every event, in canonical order.
    pub(crate) fn canonical_order(&self) -> Vec<u32> {
        let all: Vec<u32> = (0..u32::try_from(self.recs.len()).unwrap_or(u32::MAX)).collect();
        self.in_canonical_order(all)
    }

    /// Members sorted by id.
    pub(crate) fn members_sorted(&self) -> Vec<&Member> {
        let mut v: Vec<&Member> = self.members.iter().collect();
        v.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        v
    }
}

fn too_many_events() -> Error {
    Error::input("TOO_MANY_EVENTS", "event_id", "事件过多", "too many events")
}

fn ids_too_long() -> Error {
    Error::input(
        "TOO_MANY_EVENTS",
        "event_id",
        "事件过多：事件编号总长超过 4 GiB",
        "too many events: their ids pass 4 GiB in all",
    )
}

fn missing(field: &str) -> Error {
    Error::input(
        "MISSING_FIELD",
        field,
        format!("该活动需要字段 {field}"),
        format!("the activity needs {field}"),
    )
}

/// Canonical order: `occurred_at`, then `event_id`.
fn canonical(recs: &[Rec], ids: &IdArena, a: u32, b: u32) -> Ordering {
    let ta = recs.get(a as usize).map_or(i64::MIN, |r| r.ts);
    let tb = recs.get(b as usize).map_or(i64::MIN, |r| r.ts);
    ta.cmp(&tb).then_with(|| {
        let ia = ids.get(a).unwrap_or("");
        let ib = ids.get(b).unwrap_or("");
        ia.cmp(ib)
    })
}

fn merge(a: &[u32], b: &[u32], key: impl Fn(&u32, &u32) -> Ordering) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len().saturating_add(b.len()));
    let (mut i, mut j) = (a.iter().peekable(), b.iter().peekable());
    loop {
        match (i.peek(), j.peek()) {
            (Some(x), Some(y)) => {
                if key(x, y) == Ordering::Greater {
                    out.extend(j.next());
                } else {
                    out.extend(i.next());
                }
            }
            (Some(_), None) => out.extend(i.by_ref()),
            (None, Some(_)) => out.extend(j.by_ref()),
            (None, None) => break,
        }
    }
    out
}

/// The restrictions a member's offences (sorted) bring.
fn restrictions(compiled: &Compiled, offences: &[(i64, String)]) -> Vec<Restriction> {
    let mut out = Vec::new();
    for (n, (ts, _)) in offences.iter().enumerate() {
        let day = ts
            .div_euclid(1_000_000_000)
            .saturating_add(super::time::CHINA_OFFSET_SECONDS)
            .div_euclid(86_400);
        let Some((_, set)) = compiled.set_on(day) else {
            continue;
        };
        let Some(step) = set.ladder.get(n).or(set.ladder.last()) else {
            continue;
        };
        out.push(match *step {
            PenaltyStep::Suspend { days } => Restriction::Suspend {
                from_ts: *ts,
                to_day: day.saturating_add(i64::from(days)),
                start_day: day,
            },
            PenaltyStep::ZeroYear => {
                let year = day_to_date(day).year();
                let first = chrono::NaiveDate::from_ymd_opt(year, 1, 1).map_or(day, date_to_day);
                let last = chrono::NaiveDate::from_ymd_opt(year, 12, 31).map_or(day, date_to_day);
                Restriction::ZeroYear {
                    from_day: first,
                    to_day: last,
                }
            }
            PenaltyStep::Ban => Restriction::Ban {
                from_ts: *ts,
                start_day: day,
            },
        });
    }
    out
}
