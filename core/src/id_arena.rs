//! Ids end to end in one buffer, and the hash the id table files them under. On the ground floor, a leaf:
//! the credits scorer (its closing and column intake) and the dues JSON batch use it; it uses no engine.
#![deny(clippy::arithmetic_side_effects)]

use std::hash::{BuildHasher, BuildHasherDefault};

use crate::fx::Fx;

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

    pub(crate) fn reserve(&mut self, ids: usize, bytes: usize) -> bool {
        self.ends.try_reserve(ids).is_ok() && self.bytes.try_reserve(bytes).is_ok()
    }
}

/// The hash of an event id (the id table's key).
pub(crate) fn hash_str(s: &str) -> u64 {
    BuildHasherDefault::<Fx>::default().hash_one(s)
}
