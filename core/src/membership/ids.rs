//! The roster's ids interned once per call (issue 19): each member id hashed once, into a table of record
//! indexes, which the repeated-id check, the roster lookups (sponsors, contacts) and the meetings index all
//! share — where three hash tables keyed by the id's text were built one after the other before, each out of
//! cache at a province's size.
//!
//! The table holds no text: each slot is 32 bits of the id's hash and the record's position, and a lookup
//! compares the text of the record whose hash bits match. So it borrows nothing, travels with the records it
//! indexes (a members document's read keeps it for the check), and costs 8 bytes a slot at most half full — at
//! a province's 106,247 people 2 MB, where a map of (text, record) pairs was 3 MB and its control bytes.
#![deny(clippy::arithmetic_side_effects)]

use std::hash::{BuildHasher, BuildHasherDefault};

use super::record::MemberRecord;
use crate::fx::Fx;

/// Member ids → positions in a slice of records (the first record of each id), by open addressing with
/// linear probing. Every call takes the slice the table was built over.
///
/// ```ignore
/// let (table, repeats) = IdTable::build(&records);
/// assert_eq!(table.get(&records, &records[0].id), Some(0));
/// ```
#[derive(Debug, Clone, Default)]
pub(crate) struct IdTable {
    slots: Vec<Slot>,
    /// More records than a slot can number (over four thousand million, beyond any memory that could hold
    /// them): no slots, and every lookup scans — slow, never wrong.
    wide: bool,
}

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
    /// An empty table with room for `n` ids at most half full (a power of two, so a slot is a mask away).
    fn with_room(n: usize) -> Self {
        let size = n.saturating_mul(2).max(8).next_power_of_two();
        Self {
            slots: vec![Slot::default(); size],
            wide: false,
        }
    }

    /// The table over `records` and the repeats, in input order: `(later, earlier)` for each record whose id an
    /// earlier record has (the table keeps the earlier).
    pub(crate) fn build(records: &[MemberRecord]) -> (Self, Vec<(usize, usize)>) {
        Self::build_within(records, u32::MAX)
    }

    /// [`Self::build`] with slots for fewer than `limit` records (the tests lower it to reach the scan).
    fn build_within(records: &[MemberRecord], limit: u32) -> (Self, Vec<(usize, usize)>) {
        let mut repeats = Vec::new();
        if u32::try_from(records.len()).map_or(true, |n| n >= limit) {
            for (i, r) in records.iter().enumerate() {
                if let Some(earlier) = records.iter().take(i).position(|e| e.id == r.id) {
                    repeats.push((i, earlier));
                }
            }
            let table = Self {
                slots: Vec::new(),
                wide: true,
            };
            return (table, repeats);
        }
        let mut table = Self::with_room(records.len());
        for (i, r) in records.iter().enumerate() {
            if let Err(earlier) = table.insert(records, &r.id, i) {
                repeats.push((i, earlier));
            }
        }
        (table, repeats)
    }

    /// The slot `id` (of hash `h`) is in, or the empty slot where it would go.
    fn find(&self, records: &[MemberRecord], id: &str, h: u64) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        // Truncation is the point: the low bits pick the slot.
        #[allow(clippy::cast_possible_truncation)]
        let mut s = (h as usize) & mask;
        // At most half full, so an empty slot ends every probe; the bound only guards the loop.
        for _ in 0..self.slots.len() {
            let slot = self.slots.get(s)?;
            if slot.at == 0 || (slot.tag == tag(h) && text_at(records, slot.at) == Some(id)) {
                return Some(s);
            }
            s = s.wrapping_add(1) & mask;
        }
        None
    }

    /// Adds record `index` (whose id is `id`), or gives the position of the earlier record with the same id.
    fn insert(&mut self, records: &[MemberRecord], id: &str, index: usize) -> Result<(), usize> {
        let h = hash(id);
        let Some(s) = self.find(records, id, h) else {
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
    pub(crate) fn get(&self, records: &[MemberRecord], id: &str) -> Option<usize> {
        if self.wide {
            return records.iter().position(|r| r.id == id);
        }
        let s = self.find(records, id, hash(id))?;
        usize::try_from(self.slots.get(s)?.at.checked_sub(1)?).ok()
    }
}

/// The id of the record at position `at - 1`.
fn text_at(records: &[MemberRecord], at: u32) -> Option<&str> {
    records
        .get(usize::try_from(at.checked_sub(1)?).ok()?)
        .map(|r| r.id.as_str())
}

#[cfg(test)]
#[path = "ids_tests.rs"]
mod tests;
