//! The penalty ladder's restrictions (suspension, a year zeroed, a ban) that a member's offences bring, and
//! which events they cover. A leaf of the scorer: [`Scorer::record_offences`](super::Scorer::record_offences)
//! computes them, the settling reads them.
#![deny(clippy::arithmetic_side_effects)]

use chrono::Datelike;

use super::compiled::Compiled;
use super::fold::Rec;
use super::rules::PenaltyStep;
use super::time::{date_to_day, day_to_date};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Restriction {
    /// From an instant (ns) to the end of a day (exclusive day number).
    Suspend {
        from_ts: i64,
        to_day: i64,
        start_day: i64,
    },
    /// Every day of a year (day numbers, inclusive).
    ZeroYear {
        from_day: i64,
        to_day: i64,
    },
    Ban {
        from_ts: i64,
        start_day: i64,
    },
}

impl Restriction {
    pub(crate) fn covers(&self, rec: &Rec) -> bool {
        match *self {
            Restriction::Suspend {
                from_ts, to_day, ..
            } => rec.ts >= from_ts && rec.day() < to_day,
            Restriction::ZeroYear { from_day, to_day } => (from_day..=to_day).contains(&rec.day()),
            Restriction::Ban { from_ts, .. } => rec.ts >= from_ts,
        }
    }

    pub(crate) fn start_day(&self) -> i64 {
        match *self {
            Restriction::Suspend { start_day, .. } | Restriction::Ban { start_day, .. } => {
                start_day
            }
            Restriction::ZeroYear { from_day, .. } => from_day,
        }
    }
}

/// The restrictions a member's offences (sorted) bring.
pub(crate) fn restrictions(compiled: &Compiled, offences: &[(i64, String)]) -> Vec<Restriction> {
    let mut out = Vec::new();
    for (n, (ts, _)) in offences.iter().enumerate() {
        let day = ts
            .div_euclid(1_000_000_000)
            .saturating_add(super::time::CHINA_OFFSET_SECONDS)
            .div_euclid(86_400);
        let Some((_, set)) = compiled.set_on(day) else {
            continue;
        };
        let Some(step) = set.ladder.get(n).or(set.ladder.last()) else {
            continue;
        };
        out.push(match *step {
            PenaltyStep::Suspend { days } => Restriction::Suspend {
                from_ts: *ts,
                to_day: day.saturating_add(i64::from(days)),
                start_day: day,
            },
            PenaltyStep::ZeroYear => {
                let year = day_to_date(day).year();
                let first = chrono::NaiveDate::from_ymd_opt(year, 1, 1).map_or(day, date_to_day);
                let last = chrono::NaiveDate::from_ymd_opt(year, 12, 31).map_or(day, date_to_day);
                Restriction::ZeroYear {
                    from_day: first,
                    to_day: last,
                }
            }
            PenaltyStep::Ban => Restriction::Ban {
                from_ts: *ts,
                start_day: day,
            },
        });
    }
    out
}
