//! An id index: 64-bit id hash → entry index, in 8-byte slots (the credits scorer's event and member ids,
//! the dues batches' ids seen).
//!
//! A general hash map stores a `(u64, u32)` pair in a 16-byte padded slot plus a control byte; at ten
//! million events that was the largest per-event item after the records themselves (≈ 28 bytes an
//! event). Here a slot is one `u64`: the hash's high 32 bits (the *tag*) over `index + 1`, 0 meaning
//! empty. The bucket is the hash's top `bits` bits, so it is also the tag's top bits: growing rehashes
//! from the slots alone, and a batch sorted by plain hash visits the table front to back.
//!
//! The tag is not the whole hash, so a lookup only yields *candidates* (every index whose tag matches,
//! in probe order); the caller confirms each against the stored id. Tag collisions therefore cost a
//! comparison, never a wrong answer, and full 64-bit hash collisions need no side table.
//!
//! Linear probing, a power-of-two size, at most 7/8 full. The limits: at most 2^32 slots (the bucket
//! must fit in the tag), so at most [`IdTable::MAX_LEN`] entries, and indices below `u32::MAX` (the
//! slot keeps `index + 1`).

/// The part of a hash (and of a slot) that is the tag.
const TAG: u64 = 0xFFFF_FFFF_0000_0000;
/// The smallest table allocated: one cache line.
const MIN_SLOTS: usize = 8;
/// Bucket bits at most: beyond 32 the bucket would need hash bits the slot does not keep.
const MAX_BITS: u32 = 32;

/// Event-id hash → event index (see the module documentation).
#[derive(Debug, Clone, Default)]
pub(crate) struct IdTable {
    /// A power of two in length (or empty); each slot 0 or `(hash & TAG) | (index + 1)`.
    slots: Vec<u64>,
    len: usize,
}

/// How many entries `slots` slots hold at most: 7/8, as the general map this replaced, so the tables are
/// the same sizes and only the slot shrinks. A miss at that load scans ≈ 32 slots (four cache lines, in
/// a row); the scorer probes a batch in bucket order, so those lines are read front to back anyway.
fn capacity(slots: usize) -> usize {
    (slots / 8).saturating_mul(7)
}

impl IdTable {
    /// The most entries a table can hold: 7/8 of 2^32 slots (3 758 096 384).
    pub(crate) const MAX_LEN: u64 = (1 << MAX_BITS) / 8 * 7;

    /// How many entries the table holds.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Whether the table holds no entry.
    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether a table may hold `total` entries at all ([`Self::MAX_LEN`]), whatever its size now.
    pub(crate) fn can_hold(total: usize) -> bool {
        u64::try_from(total).is_ok_and(|t| t <= Self::MAX_LEN)
    }

    /// The bucket bits (log2 of the slot count; 0 before the first allocation).
    #[cfg(test)]
    pub(crate) fn bits(&self) -> u32 {
        match self.slots.len() {
            0 => 0,
            n => n.trailing_zeros(),
        }
    }

    /// The home slot of a hash (or of a stored slot: its tag is the hash's high bits).
    fn bucket(&self, h: u64) -> usize {
        match self.slots.len() {
            0 => 0,
            // `bits` ≤ 32, so the shift is at least 32 and the result below the slot count.
            n => (h >> u64::BITS.saturating_sub(n.trailing_zeros())) as usize,
        }
    }

    /// Room for `total` entries in all without growing again; grows (once, to the power of two
    /// needed) when there is not. False when the table cannot hold that many: over [`Self::MAX_LEN`],
    /// or the allocation failed (the table is then unchanged).
    pub(crate) fn reserve(&mut self, total: usize) -> bool {
        if total <= capacity(self.slots.len()) {
            return true;
        }
        if !Self::can_hold(total) {
            return false;
        }
        let mut size = self.slots.len().max(MIN_SLOTS);
        while capacity(size) < total {
            match size.checked_mul(2) {
                Some(s) if s.trailing_zeros() <= MAX_BITS => size = s,
                _ => return false,
            }
        }
        self.rehash(size)
    }

    /// Moves the entries to a table of `size` slots (a power of two, at least `MIN_SLOTS`).
    fn rehash(&mut self, size: usize) -> bool {
        let mut slots = Vec::new();
        if slots.try_reserve_exact(size).is_err() {
            return false;
        }
        slots.resize(size, 0);
        let old = std::mem::replace(&mut self.slots, slots);
        for slot in old.into_iter().filter(|&s| s != 0) {
            self.place(slot);
        }
        true
    }

    /// Writes a slot at the first empty one from its bucket on; false when the table is full.
    fn place(&mut self, slot: u64) -> bool {
        let start = self.bucket(slot);
        let Some((front, back)) = self.slots.split_at_mut_checked(start) else {
            return false;
        };
        match back.iter_mut().chain(front).find(|s| **s == 0) {
            Some(s) => {
                *s = slot;
                true
            }
            None => false,
        }
    }

    /// Indexes event `ix` under hash `h` (growing by doubling when full). An index already there
    /// under the same tag is not looked for: the scorer inserts each event once. False, with nothing
    /// stored, when `ix` is `u32::MAX` or the table cannot grow (see [`IdTable::reserve`]).
    pub(crate) fn insert(&mut self, h: u64, ix: u32) -> bool {
        let Some(stored) = ix.checked_add(1) else {
            return false;
        };
        let Some(total) = self.len.checked_add(1) else {
            return false;
        };
        if !self.reserve(total) || !self.place((h & TAG) | u64::from(stored)) {
            return false;
        }
        self.len = total;
        true
    }

    /// Files index `ix` under `h` unless an entry of the same id is there, in one scan of the run: each
    /// tag match is put to `same` (is the id at that index the one being filed?). `Some(true)`: filed;
    /// `Some(false)`: `same` said yes, nothing filed; `None`: `ix` is `u32::MAX` or the table cannot grow
    /// (see [`IdTable::reserve`]), nothing filed and nothing looked for — the caller keeps such ids aside.
    ///
    /// A lookup then an insert scanned the run twice, through an iterator over two slices; this walks
    /// the slots with a mask, which a batch's duplicate check spends most of its time in.
    pub(crate) fn claim(&mut self, h: u64, ix: u32, same: impl Fn(u32) -> bool) -> Option<bool> {
        let stored = ix.checked_add(1)?;
        let total = self.len.checked_add(1)?;
        if !self.reserve(total) {
            return None;
        }
        // At most 7/8 full after `reserve`, so the walk meets an empty slot before it comes round.
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = self.bucket(h);
        for _ in 0..self.slots.len() {
            let slot = self.slots.get_mut(at)?;
            if *slot == 0 {
                *slot = (h & TAG) | u64::from(stored);
                self.len = total;
                return Some(true);
            }
            if (*slot ^ h) & TAG == 0 && same(((*slot & !TAG) as u32).wrapping_sub(1)) {
                return Some(false);
            }
            at = at.wrapping_add(1) & mask;
        }
        None
    }

    /// The slots from `h`'s bucket to the first empty one, wrapping at the end of the table.
    fn run(&self, h: u64) -> impl Iterator<Item = u64> + '_ {
        let (front, back) = self
            .slots
            .split_at_checked(self.bucket(h))
            .unwrap_or((&[], &[]));
        back.iter().chain(front).copied().take_while(|&s| s != 0)
    }

    /// The indices stored under `h`'s tag, in probe order: every one that may be `h`'s event. The
    /// caller compares the ids; an entry of another id with the same tag is among them.
    pub(crate) fn candidates(&self, h: u64) -> impl Iterator<Item = u32> + '_ {
        self.run(h)
            .filter(move |&s| (s ^ h) & TAG == 0)
            .map(|s| ((s & !TAG) as u32).wrapping_sub(1))
    }

    /// Reads `h`'s home slot and discards it: called for a block of hashes before they are looked up, so
    /// that the block's cache misses are in flight together instead of one after another (a lookup's
    /// branches on what it reads keep the processor from running ahead to the next one).
    pub(crate) fn touch(&self, h: u64) {
        // The slot's value, not a reference to it: only a load puts the line in flight.
        std::hint::black_box(self.slots.get(self.bucket(h)).copied());
    }

    /// Whether any index is stored under `h`'s tag (a yes may be another id's: look it up).
    pub(crate) fn contains_tag(&self, h: u64) -> bool {
        !self.is_empty() && self.candidates(h).next().is_some()
    }

    /// Removes every entry, keeping the allocation (the scorer refills it at once).
    pub(crate) fn clear(&mut self) {
        self.slots.fill(0);
        self.len = 0;
    }
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::{IdTable, MIN_SLOTS};
    use proptest::prelude::*;
    use std::collections::HashMap;

    /// A well-spread hash of `i` (splitmix64's finalizer).
    fn mix(i: u64) -> u64 {
        let mut z = i.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn found(t: &IdTable, h: u64) -> Vec<u32> {
        let mut v: Vec<u32> = t.candidates(h).collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn round_trip_across_growth() {
        let mut t = IdTable::default();
        assert!(t.is_empty() && t.bits() == 0 && !t.contains_tag(mix(0)));
        assert_eq!(t.candidates(mix(0)).count(), 0);
        for i in 0..10_000u32 {
            assert!(t.insert(mix(u64::from(i)), i));
        }
        // 10 000 at ≤ 7/8 need 2^14 slots: grown by doubling from 8.
        assert_eq!((t.len(), t.bits()), (10_000, 14));
        for i in 0..10_000u32 {
            assert!(t.candidates(mix(u64::from(i))).any(|ix| ix == i), "{i}");
        }
        assert!(!(10_000..11_000u64).any(|i| t.contains_tag(mix(i))));
    }

    #[test]
    fn reserve_grows_once_to_the_power_of_two_needed() {
        let mut t = IdTable::default();
        assert!(t.reserve(0) && t.bits() == 0);
        assert!(t.reserve(7));
        assert_eq!(t.bits(), 3);
        assert!(t.reserve(8));
        assert_eq!(t.bits(), 4);
        assert!(t.reserve(14_337)); // 14 336 = 7/8 of 2^14
        assert_eq!(t.bits(), 15);
        assert!(t.reserve(14_000) && t.bits() == 15); // never shrinks
    }

    #[test]
    fn limits_are_refused_not_stored() {
        let mut t = IdTable::default();
        assert!(!t.insert(1, u32::MAX));
        assert!(t.is_empty());
        // Past 2^32 slots the bucket would outgrow the tag: refused before any allocation.
        assert!(!t.reserve(usize::MAX));
        assert_eq!(t.bits(), 0);
        assert_eq!(IdTable::MAX_LEN, 3_758_096_384);
        assert!(IdTable::can_hold(3_758_096_384) && !IdTable::can_hold(3_758_096_385));
        assert!(t.insert(1, u32::MAX - 1));
        assert_eq!(t.candidates(1).collect::<Vec<_>>(), [u32::MAX - 1]);
    }

    #[test]
    fn colliding_tags_are_all_candidates() {
        let mut t = IdTable::default();
        let tag = 0x1234_5678u64 << 32;
        // Same tag (so same bucket), different low bits; and one full 64-bit repeat.
        let hashes = [tag | 1, tag | 2, tag | 0xFFFF_FFFF, tag | 1];
        for (ix, &h) in (0u32..).zip(&hashes) {
            assert!(t.insert(h, ix));
        }
        // Any hash with that tag yields all four, in insertion (probe) order.
        assert_eq!(t.candidates(tag | 7).collect::<Vec<_>>(), [0, 1, 2, 3]);
        assert!(t.contains_tag(tag));
        // A neighbouring tag (the same bucket at this size) probes the same run and matches none.
        assert_eq!(t.bucket(tag), t.bucket(tag + (1 << 32)));
        assert!(!t.contains_tag(tag + (1 << 32)));
    }

    /// `claim` files each id once, confirms a repeat only through `same` (a tag match of another id is
    /// filed beside it), wraps at the end of the table, and refuses `u32::MAX` without filing.
    #[test]
    fn claim_files_once_and_asks_on_tag_matches() {
        let mut t = IdTable::default();
        let ids: Vec<u64> = (0..10_000u64).map(mix).collect();
        for (ix, &h) in (0u32..).zip(&ids) {
            assert_eq!(t.claim(h, ix, |_| unreachable!()), Some(true));
        }
        assert_eq!(t.len(), 10_000);
        for (ix, &h) in (0u32..).zip(&ids) {
            assert_eq!(t.claim(h, 20_000, |at| at == ix), Some(false), "{ix}");
        }
        // Same tag, another id: asked, told no, filed.
        assert_eq!(t.claim(ids[7], 10_000, |_| false), Some(true));
        assert_eq!(t.len(), 10_001);
        assert!(t.candidates(ids[7]).eq([7, 10_000]));
        assert_eq!(t.claim(1, u32::MAX, |_| true), None);
        // Two hashes homed in the last bucket of an 8-slot table: the second wraps to slot 0.
        let mut w = IdTable::default();
        assert_eq!(w.claim(u64::MAX, 0, |_| false), Some(true));
        assert_eq!(w.claim(u64::MAX - (1 << 32), 1, |_| false), Some(true));
        assert_eq!(w.slots[0] & !super::TAG, 2);
    }

    #[test]
    fn probes_wrap_around_the_end() {
        let mut t = IdTable::default();
        assert!(t.reserve(1));
        assert_eq!(t.slots.len(), MIN_SLOTS);
        // The top 3 bits all ones: the last bucket. The second and third wrap to slots 0 and 1.
        let last = u64::MAX;
        for ix in 0..3 {
            assert!(t.insert(last - u64::from(ix), ix));
        }
        assert_eq!(t.slots[7] >> 32, 0xFFFF_FFFF);
        assert_eq!((t.slots[0] & 0xFFFF_FFFF, t.slots[1] & 0xFFFF_FFFF), (2, 3));
        assert_eq!(t.candidates(last).collect::<Vec<_>>(), [0, 1, 2]);
        // Bucket 0's probe walks the wrapped entries (other tags) and finds its own after them.
        assert!(!t.contains_tag(5));
        assert!(t.insert(5, 9));
        assert_eq!(t.slots[2] & 0xFFFF_FFFF, 10);
        assert_eq!(t.candidates(5).collect::<Vec<_>>(), [9]);
        // A full wrap-around run survives growth (rehash from the slots alone).
        assert!(t.reserve(100));
        assert_eq!(found(&t, last), [0, 1, 2]);
        assert_eq!(found(&t, 5), [9]);
    }

    #[test]
    fn clear_keeps_the_allocation() {
        let mut t = IdTable::default();
        for i in 0..100u32 {
            t.insert(mix(u64::from(i)), i);
        }
        let bits = t.bits();
        t.clear();
        assert!(t.is_empty() && t.bits() == bits);
        assert!(!(0..100u64).any(|i| t.contains_tag(mix(i))));
        assert!(t.insert(mix(3), 0));
        assert_eq!(found(&t, mix(3)), [0]);
    }

    proptest! {
        /// Against a map of full hashes: the candidates of a hash are exactly the indices inserted
        /// under any hash with its tag. Hashes use a few high and low bits only, so tags, buckets and
        /// whole hashes collide, runs wrap, and the table grows from empty or from a reserve.
        #[test]
        fn same_as_a_map(
            ops in proptest::collection::vec((0u64..16, 0u64..4, 0u64..4, 0u8..10), 0..400),
            reserve in 0usize..64,
        ) {
            let mut t = IdTable::default();
            prop_assert!(t.reserve(reserve));
            let mut model: HashMap<u64, Vec<u32>> = HashMap::new();
            let mut next = 0u32;
            for (hi, mid, lo, op) in ops {
                // Top 4 bits pick the bucket at small sizes; bits 32–33 split tags within a bucket.
                let h = (hi << 60) | (mid << 32) | lo;
                if op == 0 {
                    t.clear();
                    model.clear();
                    continue;
                }
                if op < 6 {
                    prop_assert!(t.insert(h, next));
                    model.entry(h).or_default().push(next);
                    next += 1;
                }
                let mut expected: Vec<u32> = model
                    .iter()
                    .filter(|(k, _)| *k >> 32 == h >> 32)
                    .flat_map(|(_, v)| v.iter().copied())
                    .collect();
                expected.sort_unstable();
                prop_assert_eq!(t.contains_tag(h), !expected.is_empty());
                prop_assert_eq!(found(&t, h), expected);
                prop_assert_eq!(t.len(), model.values().map(Vec::len).sum::<usize>());
                prop_assert!(t.len() <= t.slots.len() / 8 * 7);
            }
        }
    }
}
