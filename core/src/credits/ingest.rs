//! Taking a batch of events in: triage of the ids that may repeat, storing each checked event, indexing the
//! new ids in bulk and handing the batch to its members in canonical order.
#![deny(clippy::arithmetic_side_effects)]

use super::event::{Event, EventError};
use super::fold::{Rec, Scored};
use super::order::{bucket_sort, id_prefix, shared_prefix_len, Key};
use super::packed::{Meta, Step, Triage, View};
use super::scorer::{Ingest, Scorer};
use super::validate::{ids_too_long, too_many_events};
use crate::id_arena::hash_str;
use crate::Result;

impl Scorer {
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
}
