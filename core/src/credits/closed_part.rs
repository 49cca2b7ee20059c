//! What closed days leave behind for a member ([`ClosedPart`]), how it joins a state being rebuilt
//! ([`absorb_base`]) and the refusal of anything dated on a closed day ([`period_closed`]). A leaf: the
//! scorer's tables hold it, closing fills it, settling reads it; it uses none of them.
#![deny(clippy::arithmetic_side_effects)]

use super::fold::Fold;
use super::time::day_to_date;
use crate::Error;

/// What closed days left behind for one member.
#[derive(Debug, Clone, Default)]
pub(crate) struct ClosedPart {
    /// Closed days with entries, in order: (day number, points).
    pub days: Vec<(i64, i64)>,
    /// The state at the start of the day after the horizon, from the closed entries alone: their points
    /// in that day's week, month and year, and the content ids they used up for good.
    pub base: Fold,
}

/// `PERIOD_CLOSED`: `field` names a day that is closed already.
pub(crate) fn period_closed(field: &str, day: i64) -> Error {
    let d = day_to_date(day);
    Error::input(
        "PERIOD_CLOSED",
        field,
        format!("{d} 所在账期已关闭，不再计分"),
        format!("{d} is in a closed period: it is no longer scored"),
    )
}

/// Adds a closed base (a state at the start of some day) to a state being rebuilt at a later or equal
/// day: its points count where the two days share the week, month or year; its used-up content ids
/// always. A base from an earlier close stays exact for later days as long as the member had no entries
/// between the two horizons, which is when it is kept as it is.
pub(crate) fn absorb_base(fold: &mut Fold, base: &Fold) {
    let same = [
        false,
        base.week == fold.week,
        base.month == fold.month,
        base.year == fold.year,
    ];
    for (act, add) in &base.counters {
        let at = match fold.counters.iter().position(|(a, _)| a == act) {
            Some(at) => at,
            None => {
                fold.counters.push((*act, Default::default()));
                fold.counters.len().saturating_sub(1)
            }
        };
        if let Some((_, c)) = fold.counters.get_mut(at) {
            for ((sum, add), same) in c.sums.iter_mut().zip(add.sums).zip(same) {
                if same {
                    *sum = sum.saturating_add(add);
                }
            }
        }
    }
    fold.seen_ever.extend(base.seen_ever.iter().copied());
}
