//! The fast path's row check (issue 14): what each rule asks of a row, worked out once per scheme, so
//! that a row its rule accepts is checked with a few comparisons, and the rule in force on a day is
//! looked up once per (day, activity) rather than once per row.
//!
//! The quick check only ever accepts: a row that fails any of its comparisons is checked again by the
//! full validation (`Tally::check_row`, the reference's `needs` and bounds, in the reference's order),
//! which refuses it with the reference's code and field, or accepts it. So the quick check changes how
//! fast a row is accepted, never whether it is, nor which error a refused row gets.
#![deny(clippy::arithmetic_side_effects)]

use super::compiled::{ActRule, Compiled, NO_RULE};
use super::rules::{Dedup, Unit, MAX_EVENT_POINTS};

/// Bits of what a rule needs and what a row has.
pub(crate) const DURATION: u8 = 1;
pub(crate) const CORRECT: u8 = 2;
pub(crate) const PLACE: u8 = 4;
pub(crate) const CONTENT: u8 = 8;

/// What one rule asks of a row, as comparisons.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Quick {
    /// The columns the rule needs (`DURATION` …); a place, when needed, also starts at 1.
    needs: u8,
    /// Every row of the rule goes to the full check: a declared item (its points are checked against
    /// the item's range) or a rule whose raw-points bound fails even with nothing counted.
    full: bool,
    /// The largest duration and correct-answer count whose raw points stay within
    /// ±`MAX_EVENT_POINTS` in any window (`ActRule::check_raw_bound` is monotone in each).
    max_duration: u32,
    max_correct: u32,
}

impl Quick {
    /// For a row that has no rule that day (not available): nothing is asked.
    pub(crate) const ANY: Quick = Quick {
        needs: 0,
        full: false,
        max_duration: u32::MAX,
        max_correct: u32::MAX,
    };

    /// The comparisons equivalent to `validate::needs` passing for `rule`.
    pub(crate) fn of(rule: &ActRule) -> Self {
        let mut needs = 0;
        if rule.min_duration.is_some() || matches!(rule.unit, Unit::PerMinutes { .. }) {
            needs |= DURATION;
        }
        if matches!(rule.unit, Unit::PerCorrect { .. }) {
            needs |= CORRECT;
        }
        if matches!(rule.unit, Unit::PerPlace { .. }) {
            needs |= PLACE;
        }
        if rule.dedup != Dedup::None {
            needs |= CONTENT;
        }
        // The bound reads the duration only for per-minutes units and the count only for per-correct
        // ones (an absent field counts as 0), so each is searched with the other absent.
        let max_duration = largest(|d| rule.check_raw_bound(Some(d), None).is_ok());
        let max_correct = largest(|c| rule.check_raw_bound(None, Some(c)).is_ok());
        Quick {
            needs,
            full: matches!(rule.unit, Unit::Declared { .. })
                || max_duration.is_none()
                || max_correct.is_none(),
            max_duration: max_duration.unwrap_or(0),
            max_correct: max_correct.unwrap_or(0),
        }
    }

    /// Whether the row passes every check of the rule (`has`: the row's `DURATION` … bits; absent
    /// counts are 0). `false` sends the row to the full check.
    #[inline]
    pub(crate) fn accepts(&self, has: u8, duration: u32, correct: u32, place: u32) -> bool {
        !self.full
            && self.needs & !has == 0
            && (self.needs & PLACE == 0 || place != 0)
            && duration <= self.max_duration
            && correct <= self.max_correct
    }
}

/// Declared points within the bound every row is held to (`validate::check_declared_bound`).
#[inline]
pub(crate) fn declared_in_bound(points: Option<i64>) -> bool {
    points.is_none_or(|p| (-MAX_EVENT_POINTS..=MAX_EVENT_POINTS).contains(&p))
}

/// The largest `v` with `ok(v)`, for an `ok` that holds up to some value and not past it; `None` when
/// it does not hold at 0.
fn largest(ok: impl Fn(u32) -> bool) -> Option<u32> {
    if !ok(0) {
        return None;
    }
    if ok(u32::MAX) {
        return Some(u32::MAX);
    }
    // Invariant: ok(good), !ok(hi).
    let (mut good, mut hi) = (0u32, u32::MAX);
    while hi.saturating_sub(good) > 1 {
        let mid = good.saturating_add(hi.saturating_sub(good) / 2);
        if ok(mid) {
            good = mid;
        } else {
            hi = mid;
        }
    }
    Some(good)
}

/// The rule in force for (day, activity), remembered in a small direct-mapped table: a batch spans
/// few days and activities, and `Compiled::rule_on` (rule sets by date, then the weekday) per row was
/// a tenth of the fast path.
pub(crate) struct RuleCache {
    /// (day, activity, rule or `NO_RULE`); activity `u32::MAX`: empty.
    slots: Vec<(i64, u32, u16)>,
}

const SLOTS: usize = 1024;

impl RuleCache {
    pub(crate) fn new() -> Self {
        RuleCache {
            slots: vec![(0, u32::MAX, NO_RULE); SLOTS],
        }
    }

    /// `compiled.rule_on(day, act)`, `NO_RULE` for none.
    #[inline]
    pub(crate) fn rule(&mut self, compiled: &Compiled, day: i64, act: u16) -> u16 {
        // Consecutive days and the first 16 activities take distinct slots.
        let at = ((day as u64).wrapping_mul(16) ^ u64::from(act)) as usize % SLOTS;
        if let Some(slot) = self.slots.get_mut(at) {
            if slot.0 == day && slot.1 == u32::from(act) {
                return slot.2;
            }
            let rule = compiled.rule_on(day, act).unwrap_or(NO_RULE);
            *slot = (day, u32::from(act), rule);
            return rule;
        }
        compiled.rule_on(day, act).unwrap_or(NO_RULE)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::arithmetic_side_effects)]
mod tests {
    use super::largest;

    /// The search finds the last value that holds, at the ends too.
    #[test]
    fn largest_holding_value() {
        assert_eq!(largest(|v| v <= 1234), Some(1234));
        assert_eq!(largest(|_| true), Some(u32::MAX));
        assert_eq!(largest(|v| v == 0), Some(0));
        assert_eq!(largest(|_| false), None);
        assert_eq!(largest(|v| v < u32::MAX), Some(u32::MAX - 1));
    }
}
