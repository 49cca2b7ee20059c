//! A small fast hasher for the engines' id maps (credits' interning of members, contents and activities;
//! membership's roster and meeting indexes): the keys are ids the host gives, and SipHash's flood resistance
//! cost a third of a credits replay and a tenth of a `member check` for no gain in an embedded core. FxHash's
//! mixing step, then MurmurHash3's final avalanche so that ids differing only in their last characters spread
//! over the table. On the ground floor: both engines use it and it uses neither.
#![deny(clippy::arithmetic_side_effects)]

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash's mixing step with a final avalanche.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Fx(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        // The multiply leaves the low bits depending only on the low bytes, and the table indexes by the low
        // bits: the avalanche spreads every input bit over the word.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
    fn write(&mut self, bytes: &[u8]) {
        // The words are read as loads and shifts: copying each chunk into an array with `copy_from_slice`
        // was a call to `memmove` per 8 bytes of id, most of the hashing of a batch's member ids.
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.write_u64(<[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // Little-endian, zero-padded: the first byte lowest.
            let word = rest
                .iter()
                .rev()
                .fold(0_u64, |w, &b| w.wrapping_shl(8) | u64::from(b));
            self.write_u64(word);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        // usize is at most 64 bits on every target the core builds for.
        self.write_u64(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(SEED);
    }
}

/// A hash map with [`Fx`].
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;
/// A hash set with [`Fx`].
pub(crate) type FxSet<K> = HashSet<K, BuildHasherDefault<Fx>>;

#[cfg(test)]
mod tests {
    use std::hash::BuildHasher;

    use super::*;

    #[test]
    fn ids_differing_in_their_last_character_land_apart() {
        let b = BuildHasherDefault::<Fx>::default();
        let (a, c) = (b.hash_one("M12345"), b.hash_one("M12346"));
        assert_ne!(a & 0xff, c & 0xff);
        // A 9-byte key reads its last byte: it must count.
        assert_ne!(b.hash_one("ABCDEFGH1"), b.hash_one("ABCDEFGH2"));
    }

    /// The hash of a string is its definition's, whatever the reading code: FxHash's step over the bytes
    /// as little-endian words (the last zero-padded), then the `0xff` a `str` ends with, then the
    /// avalanche. Values worked out apart from this code (a few lines of Python over the same definition):
    /// a change of value would reorder every map keyed by ids.
    #[test]
    fn string_hashes_follow_the_definition() {
        let b = BuildHasherDefault::<Fx>::default();
        assert_eq!(b.hash_one(""), 0xb1e6_4737_24cb_ac6f);
        assert_eq!(b.hash_one("M12345"), 0x3cf5_366d_5b00_c3bd);
        assert_eq!(b.hash_one("ABCDEFGH"), 0xde24_321e_a86f_f655);
        assert_eq!(b.hash_one("ABCDEFGH1"), 0xdf0c_84ca_d49e_cfdb);
        assert_eq!(b.hash_one("党员1"), 0x466b_e424_eefc_f919);
    }
}
