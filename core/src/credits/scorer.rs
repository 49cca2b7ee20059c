//! The [`Scorer`]: ingest batches of events (and voids and offences), get back the entries that changed.
//!
//! Determinism: a member's entries depend only on that member's events, taken in canonical order
//! (`occurred_at`, then `event_id`). Events arriving after later ones (late events), voids and offences
//! re-score the member from the China-time day they touch: the state at that day is rebuilt from the
//! entries already in the ledger (the week's, month's and year's points, the content ids used up for
//! good), and only the entries from that day on are scored again. Days before it are never re-scored.
//! So any arrival order and any batching give the same ledger as one replay of everything.
//!
//! The scorer's parts: this file holds its tables and the lookups on them; [`super::ingest`] takes
//! batches in, [`super::validate`] checks and packs each event, [`super::settle`] re-scores what changed,
//! [`super::clawback`] voids and offences, [`super::close`] closing days; [`super::packed`],
//! [`crate::id_arena`], [`super::restriction`] and [`super::closed_part`] are the leaves they share.
#![deny(clippy::arithmetic_side_effects)]

use serde::Serialize;

use super::closed_part::ClosedPart;
use super::compiled::Compiled;
use super::event::EventError;
use super::fold::{Fold, Rec, Scored, NO_CONTENT};
use super::packed::Meta;
use super::restriction::Restriction;
use super::rules::Scheme;
use crate::fx::FxMap;
use crate::id_arena::{hash_str, IdArena};
use crate::id_table::IdTable;
use crate::{Error, Result};

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

#[derive(Debug, Clone, Default)]
pub(crate) struct Member {
    pub(crate) id: String,
    /// Event indices in canonical order.
    pub(crate) events: Vec<u32>,
    /// New events not yet placed.
    pub(crate) pending: Vec<u32>,
    /// Earliest day to re-score from, set by voids, offences and late events.
    pub(crate) restart: Option<i64>,
    /// The state after the last event of `events`.
    pub(crate) fold: Fold,
    pub(crate) offences: Vec<(i64, String)>,
    pub(crate) restrictions: Vec<Restriction>,
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
    pub(crate) member_ids: FxMap<String, u32>,
    pub(crate) members: Vec<Member>,
    pub(crate) contents: FxMap<String, u32>,
    /// Content ids by interned index.
    pub(crate) content_names: Vec<String>,
    pub(crate) dirty: Vec<u32>,
    pub(crate) offence_ids: FxMap<String, ()>,
    /// The last closed China-time day (day number): no event, void or offence reaches it any more.
    pub(crate) horizon: Option<i64>,
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
    pub(crate) fn find_hashed(&self, h: u64, event_id: &str) -> Option<u32> {
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

    /// Members sorted by id.
    pub(crate) fn members_sorted(&self) -> Vec<&Member> {
        let mut v: Vec<&Member> = self.members.iter().collect();
        v.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        v
    }
}
