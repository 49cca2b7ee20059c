//! Settling: placing the members' new events in canonical order and re-scoring each touched member from the
//! day it changed, and the canonical order itself (`occurred_at`, then `event_id`).
#![deny(clippy::arithmetic_side_effects)]

use std::cmp::Ordering;

use super::closed_part::absorb_base;
use super::fold::{score, Rec, Scored};
use super::order::{bucket_sort, Key};
use super::packed::Meta;
use super::scorer::{EntryId, Ingest, Scorer};
use crate::id_arena::IdArena;

impl Scorer {
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
    pub(crate) fn sort_keyed(&self, keyed: Vec<Key>) -> Vec<Key> {
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
