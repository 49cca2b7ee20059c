//! Sorting a batch's compact keys: a bucket pass on the high bits of a monotone `u64` key, then a sort of
//! each small bucket in cache. A million keys take one scattering pass and a million tiny sorts instead of
//! a comparison sort over the whole array (the scorer's batch sorts were a sixth of a replay).

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
    let bits = (usize::BITS - items.len().leading_zeros())
        .saturating_sub(4)
        .clamp(1, 16);
    let span_bits = u64::BITS - max.wrapping_sub(min).leading_zeros();
    let shift = span_bits.saturating_sub(bits);
    let bucket = |t: &T| (key(t).wrapping_sub(min) >> shift) as usize;
    let mut starts = vec![0usize; (1usize << bits) + 1];
    for t in &items {
        if let Some(c) = starts.get_mut(bucket(t) + 1) {
            *c += 1;
        }
    }
    for i in 1..starts.len() {
        let prev = starts.get(i - 1).copied().unwrap_or(0);
        if let Some(c) = starts.get_mut(i) {
            *c += prev;
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
            *at += 1;
        }
    }
    for w in starts.windows(2) {
        if let [from, to] = *w {
            if to - from > 1 {
                if let Some(run) = out.get_mut(from..to) {
                    run.sort_unstable();
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::bucket_sort;
    use proptest::prelude::*;

    proptest! {
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
