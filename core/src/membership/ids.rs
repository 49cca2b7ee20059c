//! The roster's ids interned once per call (issue 19): each member id hashed once, into a table of record
//! indexes, which the repeated-id check, the roster lookups (sponsors, contacts) and the meetings index all
//! share — where three hash tables keyed by the id's text were built one after the other before, each out of
//! cache at a province's size.
//!
//! Each slot is 32 bits of the id's hash and the record's position; a lookup compares the text of the one
//! record whose hash bits match, in the table's own copy of the ids (end to end, in record order). So it
//! borrows nothing, travels with the records it indexes (a members document's read keeps it for the check),
//! and costs 8 bytes a slot at most half full plus the ids once — at a province's 106,247 people 2 MB of
//! slots, where a map of (text, record) pairs was 3 MB and its control bytes.
#![deny(clippy::arithmetic_side_effects)]

use std::hash::{BuildHasher, BuildHasherDefault};

use super::record::MemberRecord;
use crate::fx::Fx;

/// Member ids → positions in a slice of records (the first record of each id), by open addressing with
/// linear probing.
///
/// ```ignore
/// let (table, repeats) = IdTable::build(&records);
/// assert_eq!(table.get(&records[0].id), Some(0));
/// ```
#[derive(Debug, Clone, Default)]
pub(crate) struct IdTable {
    slots: Vec<Slot>,
    /// Every record's id, in record order, end to end: a lookup's text compare reads here, a few cache lines
    /// of its own, rather than the record and then its id's allocation (two more misses an attendance).
    text: String,
    /// Record `k`'s id is `text[bounds[k]..bounds[k + 1]]`.
    bounds: Vec<usize>,
    /// More records than a slot can number (over four thousand million, beyond any memory that could hold
    /// them): no slots, and every lookup scans — slow, never wrong.
    wide: bool,
}

/// Slots in a region of a partitioned build: 4,096 of 8 bytes, 32 KB, in a core's L1 and L2.
const REGION_LOG2: u32 = 12;

/// One slot: the high half of the id's hash and the record's position plus one (0: the slot is empty).
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    tag: u32,
    at: u32,
}

/// The slot's check bits: the high half of the hash (the low bits chose the slot).
// Truncation is the point: the high half.
#[allow(clippy::cast_possible_truncation)]
fn tag(h: u64) -> u32 {
    (h >> 32) as u32
}

/// The id's hash (FxHash with an avalanche: the low bits pick the slot).
fn hash(id: &str) -> u64 {
    BuildHasherDefault::<Fx>::default().hash_one(id)
}

impl IdTable {
    /// The table over `records` and the repeats, in input order: `(later, earlier)` for each record whose id an
    /// earlier record has (the table keeps the earlier).
    pub(crate) fn build(records: &[MemberRecord]) -> (Self, Vec<(usize, usize)>) {
        Self::build_within(records, u32::MAX, REGION_LOG2)
    }

    /// [`Self::build`] with slots for fewer than `limit` records and regions of `2^region_log2` slots (the tests
    /// lower the first to reach the scan, the second to cut a small table into many regions).
    fn build_within(
        records: &[MemberRecord],
        limit: u32,
        region_log2: u32,
    ) -> (Self, Vec<(usize, usize)>) {
        let mut table = Self::default();
        table.bounds.reserve(records.len().saturating_add(1));
        table.bounds.push(0);
        for r in records {
            table.text.push_str(&r.id);
            table.bounds.push(table.text.len());
        }
        let mut repeats = Vec::new();
        if u32::try_from(records.len()).map_or(true, |n| n >= limit) {
            table.wide = true;
            for (i, r) in records.iter().enumerate() {
                if let Some(earlier) = (0..i).find(|&e| table.text_at(e) == Some(&r.id)) {
                    repeats.push((i, earlier));
                }
            }
            return (table, repeats);
        }
        // At most half full (a power of two, so a slot is a mask away).
        let size = records.len().saturating_mul(2).max(8).next_power_of_two();
        table.slots = vec![Slot::default(); size];
        let repeats = table.insert_all(records, region_log2);
        (table, repeats)
    }

    /// Inserts every record a region of the table at a time: the records ordered by the region their slot is
    /// in (a stable counting sort, so records of one id keep their input order and the first stays first),
    /// then inserted. Inserted in input order, a province's roster wrote its 2 MB of slots at random, a cache
    /// miss a record, and the build's time per person doubled from ×4 to ×16 (scale bench, perf). The repeats
    /// come back in input order.
    fn insert_all(&mut self, records: &[MemberRecord], region_log2: u32) -> Vec<(usize, usize)> {
        let mut repeats = Vec::new();
        let mask = self.slots.len().saturating_sub(1);
        let shift = region_log2.min(self.slots.len().trailing_zeros());
        let regions = (mask >> shift).saturating_add(1);
        let hashes: Vec<u64> = records.iter().map(|r| hash(&r.id)).collect();
        // Truncation is the point: the low bits pick the slot.
        #[allow(clippy::cast_possible_truncation)]
        let region = |h: u64| ((h as usize) & mask) >> shift;
        let mut start = vec![0usize; regions.saturating_add(1)];
        for &h in &hashes {
            if let Some(c) = start.get_mut(region(h).saturating_add(1)) {
                *c = c.saturating_add(1);
            }
        }
        for k in 1..start.len() {
            let before = start.get(k.saturating_sub(1)).copied().unwrap_or(0);
            if let Some(c) = start.get_mut(k) {
                *c = c.saturating_add(before);
            }
        }
        // Each record's hash travels with its position, so the insert loop below reads one array in order and
        // touches neither the records nor the hashes at random (a cache miss a record at a province's size).
        let mut order = vec![(0u64, 0usize); records.len()];
        for (i, &h) in hashes.iter().enumerate() {
            if let Some(at) = start.get_mut(region(h)) {
                if let Some(o) = order.get_mut(*at) {
                    *o = (h, i);
                }
                *at = at.saturating_add(1);
            }
        }
        drop(hashes);
        for (h, i) in order {
            if let Err(earlier) = self.insert(h, i) {
                repeats.push((i, earlier));
            }
        }
        repeats.sort_unstable();
        repeats
    }

    /// The id of record `k`, when there is one (also a lookup by position, for callers that can guess it).
    pub(crate) fn text_at(&self, k: usize) -> Option<&str> {
        let (from, to) = (*self.bounds.get(k)?, *self.bounds.get(k.checked_add(1)?)?);
        self.text.get(from..to)
    }

    /// The slot of the record of hash `h` for which `same` holds, or the empty slot where it would go; `same`
    /// is asked only of records whose slot has the hash's tag.
    fn find(&self, h: u64, same: impl Fn(usize) -> bool) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        // Truncation is the point: the low bits pick the slot.
        #[allow(clippy::cast_possible_truncation)]
        let mut s = (h as usize) & mask;
        // At most half full, so an empty slot ends every probe; the bound only guards the loop.
        for _ in 0..self.slots.len() {
            let slot = self.slots.get(s)?;
            let Some(k) = slot.at.checked_sub(1) else {
                return Some(s);
            };
            if slot.tag == tag(h) && same(usize::try_from(k).ok()?) {
                return Some(s);
            }
            s = s.wrapping_add(1) & mask;
        }
        None
    }

    /// Adds record `index` (of hash `h`), or gives the position of the earlier record with the same id.
    fn insert(&mut self, h: u64, index: usize) -> Result<(), usize> {
        let id = self.text_at(index);
        let Some(s) = self.find(h, |k| self.text_at(k) == id) else {
            return Ok(());
        };
        let Some(slot) = self.slots.get_mut(s) else {
            return Ok(());
        };
        if let Some(earlier) = slot.at.checked_sub(1) {
            return Err(usize::try_from(earlier).unwrap_or(usize::MAX));
        }
        // `build` numbers at most `u32::MAX - 1` records here.
        let Some(at) = index.checked_add(1).and_then(|a| u32::try_from(a).ok()) else {
            return Ok(());
        };
        *slot = Slot { tag: tag(h), at };
        Ok(())
    }

    /// The position of the record with id `id`.
    pub(crate) fn get(&self, id: &str) -> Option<usize> {
        if self.wide {
            let records = self.bounds.len().saturating_sub(1);
            return (0..records).find(|&k| self.text_at(k) == Some(id));
        }
        let s = self.find(hash(id), |k| self.text_at(k) == Some(id))?;
        usize::try_from(self.slots.get(s)?.at.checked_sub(1)?).ok()
    }
}

#[cfg(test)]
#[path = "ids_tests.rs"]
mod tests;
