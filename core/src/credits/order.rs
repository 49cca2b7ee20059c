//! Sorting a batch's compact keys: a bucket pass on the high bits of a monotone `u64` key, then a sort of
//! each small bucket in cache. A million keys take one scattering pass and a million tiny sorts instead of
//! a comparison sort over the whole array (the scorer's batch sorts were a sixth of a replay).
//!
//! The canonical order's key, [`Key`], carries the first bytes of the event id, so events at the same
//! instant (several a second in a large replay) are ordered without reading their ids at random.

/// A sort key of the canonical order (`occurred_at`, then `event_id`): the time, then 8 bytes of the
/// event id (from `skip`, the length of the part every id sorted together shares; big-endian,
/// zero-padded; see [`id_prefix`]), then the event index, with the member riding along. Keys in `Ord`
/// order are in canonical order except among equal (`ts`, `prefix`), which need the full ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Key {
    pub ts: i64,
    pub prefix: u64,
    pub ix: u32,
    pub member: u32,
}

/// Bytes `skip..skip + 8` of `id`, big-endian, zero-padded. For ids that agree on their first `skip`
/// bytes, a smaller prefix means a smaller id (a shorter id pads with zeros, and is smaller unless the
/// longer one continues with zero bytes, which only makes the prefixes equal); equal prefixes decide
/// nothing.
pub(crate) fn id_prefix(id: &str, skip: usize) -> u64 {
    let mut word = [0u8; 8];
    for (d, s) in word.iter_mut().zip(id.as_bytes().iter().skip(skip)) {
        *d = *s;
    }
    u64::from_be_bytes(word)
}

/// The length in bytes of the part all `ids` begin with (0 for none).
pub(crate) fn shared_prefix_len<'a>(mut ids: impl Iterator<Item = &'a str>) -> usize {
    let Some(first) = ids.next() else { return 0 };
    let first = first.as_bytes();
    let mut len = first.len();
    for id in ids {
        if len == 0 {
            break;
        }
        len = first
            .iter()
            .take(len)
            .zip(id.as_bytes())
            .take_while(|(a, b)| a == b)
            .count();
    }
    len
}

/// Sorts `items` into their `Ord` order, as `sort_unstable` would. `key` must be monotone with that
/// order (`a < b` implies `key(a) <= key(b)`); it only picks the bucket, the order inside a bucket is
/// `Ord`'s, so the result is exactly the comparison sort's whatever the keys' spread (a skewed spread
/// only makes some buckets larger).
pub(crate) fn bucket_sort<T: Copy + Ord>(mut items: Vec<T>, key: impl Fn(&T) -> u64) -> Vec<T> {
    // Below a few thousand items the plain sort is as fast and needs no second buffer.
    if items.len() < 4096 {
        items.sort_unstable();
        return items;
    }
    let (min, max) = items.iter().fold((u64::MAX, 0u64), |(lo, hi), t| {
        let k = key(t);
        (lo.min(k), hi.max(k))
    });
    // About 8 items a bucket, at most 2^16 buckets (their counters stay in cache).
    let bits = usize::BITS
        .saturating_sub(items.len().leading_zeros())
        .saturating_sub(4)
        .clamp(1, 16);
    let span_bits = u64::BITS.saturating_sub(max.wrapping_sub(min).leading_zeros());
    let shift = span_bits.saturating_sub(bits);
    let bucket = |t: &T| (key(t).wrapping_sub(min) >> shift) as usize;
    // `bits` is at most 16 (clamped above): 2^16 + 1 counters.
    let mut starts = vec![0usize; (1usize << bits).saturating_add(1)];
    for t in &items {
        if let Some(c) = starts.get_mut(bucket(t).saturating_add(1)) {
            *c = c.saturating_add(1);
        }
    }
    for i in 1..starts.len() {
        let prev = starts.get(i.wrapping_sub(1)).copied().unwrap_or(0);
        if let Some(c) = starts.get_mut(i) {
            *c = c.saturating_add(prev);
        }
    }
    let Some(&first) = items.first() else {
        return items;
    };
    let mut out = vec![first; items.len()];
    let mut next = starts.clone();
    for t in &items {
        if let Some(at) = next.get_mut(bucket(t)) {
            if let Some(slot) = out.get_mut(*at) {
                *slot = *t;
            }
            *at = at.saturating_add(1);
        }
    }
    for w in starts.windows(2) {
        if let [from, to] = *w {
            if to.saturating_sub(from) > 1 {
                if let Some(run) = out.get_mut(from..to) {
                    run.sort_unstable();
                }
            }
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::{bucket_sort, id_prefix, shared_prefix_len};
    use proptest::prelude::*;

    proptest! {
        /// A strictly smaller prefix means a strictly smaller id, whatever the ids (NUL bytes,
        /// multi-byte characters, one a prefix of the other).
        #[test]
        fn prefix_order_agrees_with_id_order(
            shared in "[a-c]{0,3}",
            a in "[a-c\\x00é]{0,10}",
            b in "[a-c\\x00é]{0,10}",
        ) {
            let (a, b) = (format!("{shared}{a}"), format!("{shared}{b}"));
            let skip = shared_prefix_len([a.as_str(), b.as_str()].into_iter());
            prop_assert!(skip >= shared.len());
            let (pa, pb) = (id_prefix(&a, skip), id_prefix(&b, skip));
            if pa < pb {
                prop_assert!(a < b);
            }
            if pa > pb {
                prop_assert!(a > b);
            }
        }

        #[test]
        fn same_as_the_comparison_sort(
            v in proptest::collection::vec((any::<i64>(), any::<u32>()), 0..20_000),
            narrow in any::<bool>(),
        ) {
            // Narrow: times within a few seconds (many equal keys and ties), as a day's events are.
            let v: Vec<(i64, u32)> = v.into_iter().map(|(t, i)| (if narrow { t % 5_000 } else { t }, i)).collect();
            let mut expected = v.clone();
            expected.sort_unstable();
            let got = bucket_sort(v, |&(t, _)| (t as u64) ^ (1 << 63));
            prop_assert_eq!(got, expected);
        }
    }

    #[test]
    fn shared_prefixes() {
        assert_eq!(shared_prefix_len(["e10", "e1", "e2"].into_iter()), 1);
        assert_eq!(shared_prefix_len(["abc"].into_iter()), 3);
        assert_eq!(shared_prefix_len(["abc", ""].into_iter()), 0);
        assert_eq!(shared_prefix_len(std::iter::empty()), 0);
        // "e1" < "e10" < "e2": the prefixes after the shared "e" keep that order.
        let p = |id| id_prefix(id, 1);
        assert!(p("e1") < p("e10") && p("e10") < p("e2"));
        assert_eq!(p("e123456789"), p("e12345678")); // beyond 8 bytes: a tie for the full ids
    }

    #[test]
    fn one_key_and_extremes() {
        let v: Vec<(u64, u32)> = (0..10_000u32).rev().map(|i| (7, i)).collect();
        let got = bucket_sort(v, |&(k, _)| k);
        assert!(got.windows(2).all(|w| w[0] < w[1]));
        let v: Vec<(u64, u32)> = (0..10_000u32)
            .map(|i| {
                (
                    if i % 2 == 0 {
                        0
                    } else {
                        u64::MAX - u64::from(i)
                    },
                    i,
                )
            })
            .collect();
        let mut expected = v.clone();
        expected.sort_unstable();
        assert_eq!(bucket_sort(v, |&(k, _)| k), expected);
    }
}
