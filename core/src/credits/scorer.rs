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

use super::compiled::{Compiled, Fx, FxMap};
use super::event::{Event, EventError, Offence};
use super::fold::{score, Fold, Rec, Scored, NO_CONTENT, NO_RULE};
use super::rules::{PenaltyStep, Scheme, Unit};
use super::time::{china_day_and_second, date_to_day, day_to_date, weekday0};
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
            } => rec.ts >= from_ts && rec.day < to_day,
            Restriction::ZeroYear { from_day, to_day } => from_day <= rec.day && rec.day <= to_day,
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
struct Member {
    id: String,
    /// Event indices in canonical order.
    events: Vec<u32>,
    /// New events not yet placed.
    pending: Vec<u32>,
    /// Earliest day to re-score from, set by voids, offences and late events.
    restart: Option<i64>,
    /// The state after the last event of `events`.
    fold: Fold,
    offences: Vec<(i64, String)>,
    restrictions: Vec<Restriction>,
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
    pub(crate) events: Vec<Event>,
    pub(crate) recs: Vec<Rec>,
    pub(crate) scored: Vec<Scored>,
    /// Event id hash → index; real collisions go to `ids_extra`.
    ids: FxMap<u64, u32>,
    ids_extra: FxMap<String, u32>,
    member_ids: FxMap<String, u32>,
    members: Vec<Member>,
    contents: FxMap<String, u32>,
    dirty: Vec<u32>,
    offence_ids: FxMap<String, ()>,
}

fn hash_str(s: &str) -> u64 {
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
            events: Vec::new(),
            recs: Vec::new(),
            scored: Vec::new(),
            ids: FxMap::default(),
            ids_extra: FxMap::default(),
            member_ids: FxMap::default(),
            members: Vec::new(),
            contents: FxMap::default(),
            dirty: Vec::new(),
            offence_ids: FxMap::default(),
        })
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
        self.events.len()
    }

    /// Whether the ledger is empty.
    ///
    /// ```
    /// assert!(dangjian::credits::Scorer::new(dangjian::credits::Scheme::member_points()).unwrap().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    pub(crate) fn find(&self, event_id: &str) -> Option<u32> {
        let ix = *self.ids.get(&hash_str(event_id))?;
        if self
            .events
            .get(ix as usize)
            .is_some_and(|e| e.event_id == event_id)
        {
            Some(ix)
        } else {
            self.ids_extra.get(event_id).copied()
        }
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
        self.events.reserve(events.len());
        self.recs.reserve(events.len());
        self.scored.reserve(events.len());
        // One growth up front instead of repeated rehashing of a table of a million ids.
        self.ids.reserve(events.len());
        let first = self.events.len();
        for (index, event) in events.into_iter().enumerate() {
            if let Err(e) = self.add(event, &mut out) {
                out.errors.push(EventError::new(index, None, e.1, &e.0));
            }
        }
        self.distribute(first);
        self.settle(&mut out);
        out
    }

    /// Adds one event; `Err((error, event id))` when refused (the rare path, so not boxed).
    #[allow(clippy::result_large_err)]
    fn add(
        &mut self,
        event: Event,
        out: &mut Ingest,
    ) -> std::result::Result<(), (Error, Option<String>)> {
        let h = hash_str(&event.event_id);
        if let Some(ix) = self.find(&event.event_id) {
            if self.events.get(ix as usize) == Some(&event) {
                out.duplicates.push(event.event_id);
                return Ok(());
            }
            let id = event.event_id;
            return Err((
                Error::input(
                    "CONFLICTING_EVENT_ID",
                    "event_id",
                    format!("事件编号 {id} 已用于内容不同的事件"),
                    format!("event_id {id} was already used by an event with different content"),
                ),
                Some(id),
            ));
        }
        let rec = match self.compile_event(&event) {
            Ok(r) => r,
            Err(e) => return Err((e, Some(event.event_id))),
        };
        let ix = u32::try_from(self.events.len()).map_err(|_| {
            (
                Error::input("TOO_MANY_EVENTS", "", "事件过多", "too many events"),
                None,
            )
        })?;
        match self.ids.entry(h) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(ix);
            }
            std::collections::hash_map::Entry::Occupied(_) => {
                self.ids_extra.insert(event.event_id.clone(), ix);
            }
        }
        self.events.push(event);
        self.recs.push(rec);
        self.scored.push(Scored::UNSET);
        Ok(())
    }

    /// Hands the batch's new events (from `first`) to their members, in canonical order: one compact sort
    /// of the whole batch costs far less than a sort per member reading scattered records.
    fn distribute(&mut self, first: usize) {
        let new: Vec<u32> = (first..self.events.len())
            .filter_map(|ix| u32::try_from(ix).ok())
            .collect();
        for ix in self.in_canonical_order(new) {
            let Some(member) = self.recs.get(ix as usize).map(|r| r.member) else {
                continue;
            };
            if let Some(m) = self.members.get_mut(member as usize) {
                if m.pending.is_empty() && m.restart.is_none() {
                    self.dirty.push(member);
                }
                m.pending.push(ix);
            }
        }
    }

    fn intern_member(&mut self, id: &str) -> Result<u32> {
        if let Some(&m) = self.member_ids.get(id) {
            return Ok(m);
        }
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
    fn compile_event(&mut self, e: &Event) -> Result<Rec> {
        let Some(&act) = self.compiled.acts.get(e.activity.as_str()) else {
            return Err(Error::input(
                "UNKNOWN_ACTIVITY",
                "activity",
                format!("积分方案中没有该活动：{}", e.activity),
                format!("the scheme has no activity {}", e.activity),
            ));
        };
        let ts = e.occurred_at.timestamp_nanos_opt().ok_or_else(|| {
            Error::input(
                "TIME_OUT_OF_RANGE",
                "occurred_at",
                "时间超出范围（1678—2261 年）",
                "the time is out of range (years 1678–2261)",
            )
        })?;
        let (day, sec) = china_day_and_second(&e.occurred_at);
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
        let mut rec = Rec {
            ts,
            day,
            sec,
            member: 0,
            rule: rule.unwrap_or(NO_RULE),
            content: NO_CONTENT,
            duration: e.duration_seconds.unwrap_or(0),
            correct: e.correct_answers.unwrap_or(0),
            place: e.place.unwrap_or(0),
            points: 0,
            voided: false,
        };
        if let Some(r) = rule.and_then(|r| self.compiled.rules.get(r as usize)) {
            let needs_duration =
                r.min_duration.is_some() || matches!(r.unit, Unit::PerMinutes { .. });
            if needs_duration && e.duration_seconds.is_none() {
                return Err(missing("duration_seconds"));
            }
            if matches!(r.unit, Unit::PerCorrect { .. }) && e.correct_answers.is_none() {
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
                rec.points = p;
            }
            if r.dedup != super::rules::Dedup::None {
                let Some(c) = &e.content_id else {
                    return Err(missing("content_id"));
                };
                rec.content = self.intern_content(c)?;
            }
        }
        rec.member = self.intern_member(&e.member_id)?;
        Ok(rec)
    }

    fn intern_content(&mut self, c: &str) -> Result<u32> {
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
            let (member, day) = (rec.member, rec.day);
            self.mark_restart(member, day);
        }
        self.settle(&mut out);
        out
    }

    fn mark_restart(&mut self, member: u32, day: i64) {
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
            let ts = match o.decided_at.timestamp_nanos_opt() {
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
        self.settle(&mut out);
        out
    }

    /// Places pending events and re-scores what they, voids and offences touched.
    fn settle(&mut self, out: &mut Ingest) {
        let mut changed = Vec::new();
        let dirty = std::mem::take(&mut self.dirty);
        for member in dirty {
            let Some(m) = self.members.get_mut(member as usize) else {
                continue;
            };
            let (events, recs, scored, compiled) =
                (&self.events, &self.recs, &mut self.scored, &self.compiled);
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
                    let day = recs.get(first as usize).map_or(i64::MIN, |r| r.day);
                    m.restart = Some(m.restart.map_or(day, |r| r.min(day)));
                }
                if in_order {
                    m.events.extend_from_slice(&pending);
                } else {
                    m.events = merge(&m.events, &pending, key);
                }
            }
            if let Some(day) = m.restart.take() {
                start = m
                    .events
                    .partition_point(|&ix| recs.get(ix as usize).is_some_and(|r| r.day < day));
                m.fold.reset_to(day);
                for &ix in m.events.iter().take(start) {
                    if let (Some(r), Some(s)) = (recs.get(ix as usize), scored.get(ix as usize)) {
                        m.fold.absorb(r, s, compiled.rules.get(r.rule as usize));
                    }
                }
            }
            for &ix in m.events.iter().skip(start) {
                let Some(rec) = recs.get(ix as usize) else {
                    continue;
                };
                m.fold.roll(rec.day);
                let restricted = m.restrictions.iter().any(|r| r.covers(rec));
                let s = score(compiled, rec, restricted, &mut m.fold);
                if let Some(slot) = scored.get_mut(ix as usize) {
                    if *slot != s {
                        *slot = s;
                        changed.push(ix);
                    }
                }
            }
        }
        out.changed
            .extend(self.in_canonical_order(changed).into_iter().map(EntryId));
    }

    /// Sorts event indices into canonical order. The sort runs on compact (time, index) pairs, so it stays
    /// in cache; event ids are read only to break ties between equal times.
    fn in_canonical_order(&self, ixs: Vec<u32>) -> Vec<u32> {
        let mut keyed: Vec<(i64, u32)> = ixs
            .into_iter()
            .map(|ix| (self.recs.get(ix as usize).map_or(i64::MIN, |r| r.ts), ix))
            .collect();
        keyed.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| canonical(&self.recs, &self.events, a.1, b.1))
        });
        keyed.into_iter().map(|(_, ix)| ix).collect()
    }

    /// Indices of every event, in canonical order.
    pub(crate) fn canonical_order(&self) -> Vec<u32> {
        let all: Vec<u32> = (0..u32::try_from(self.events.len()).unwrap_or(u32::MAX)).collect();
        self.in_canonical_order(all)
    }

    /// Members (id and event indices in canonical order), sorted by id.
    pub(crate) fn members_sorted(&self) -> Vec<(&str, &[u32])> {
        let mut v: Vec<(&str, &[u32])> = self
            .members
            .iter()
            .map(|m| (m.id.as_str(), m.events.as_slice()))
            .collect();
        v.sort_unstable_by(|a, b| a.0.cmp(b.0));
        v
    }
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
fn canonical(recs: &[Rec], events: &[Event], a: u32, b: u32) -> Ordering {
    let ta = recs.get(a as usize).map_or(i64::MIN, |r| r.ts);
    let tb = recs.get(b as usize).map_or(i64::MIN, |r| r.ts);
    ta.cmp(&tb).then_with(|| {
        let ia = events.get(a as usize).map_or("", |e| e.event_id.as_str());
        let ib = events.get(b as usize).map_or("", |e| e.event_id.as_str());
        ia.cmp(ib)
    })
}

fn merge(a: &[u32], b: &[u32], key: impl Fn(&u32, &u32) -> Ordering) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
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
