//! The scheme compiled for the hot path: activity codes interned to small integers, each rule set's
//! activities in a flat table, windows in seconds of the day, weekdays as a bit mask.

use super::rules::{Dedup, PenaltyStep, Scheme, Unit, MAX_EVENT_POINTS};
use super::time::{date_to_day, weekday0};
use crate::fx::FxMap;
use crate::{Error, Result};

// Declared with the rule table it numbers (fold reads it), so the two files do not import each other.
pub(crate) const NO_RULE: u16 = u16::MAX;

/// One activity of one rule set, ready to score.
#[derive(Debug, Clone)]
pub(crate) struct ActRule {
    /// Global activity index (counters are kept per code across rule sets).
    pub act: u16,
    pub set: u16,
    /// Position in the rule set's `activities` (for explanations).
    pub position: u16,
    pub unit: Unit,
    pub min_duration: Option<u32>,
    /// Day, week, month, year.
    pub caps: [Option<i64>; 4],
    pub max_items_day: Option<u32>,
    pub dedup: Dedup,
    /// (start second, end second, multiplier, bonus).
    pub windows: Vec<(u32, u32, i64, i64)>,
    /// Bit `d` set when ISO weekday `d` (0 = Monday) is available; 0x7f for all.
    pub weekdays: u8,
    pub counts_toward_total: bool,
}

impl ActRule {
    /// Refuses an event whose raw points (before caps) could pass ±[`MAX_EVENT_POINTS`] in whatever
    /// time-of-day window it falls, so the ledger's 32-bit points always hold them (`duration` and
    /// `correct` as the event gives them). Only the units scaled by the event's own counts are checked:
    /// every other unit's raw points come from the scheme (at most 1 000 000, × 100 + 1 000 000 in a
    /// window).
    pub(crate) fn check_raw_bound(
        &self,
        duration: Option<u32>,
        correct: Option<u32>,
    ) -> Result<()> {
        let (field, base, zh, en) = match self.unit {
            Unit::PerCorrect { points } => (
                "correct_answers",
                i64::from(correct.unwrap_or(0)).saturating_mul(points.saturating_abs()),
                "答对题数过多",
                "too many correct answers",
            ),
            Unit::PerMinutes { minutes, points } => {
                // Seconds carried over from the day's earlier events can complete one step more than
                // the event's own duration holds: the bound rounds up.
                let step = minutes.saturating_mul(60).max(1);
                let steps = duration.unwrap_or(0).div_ceil(step);
                (
                    "duration_seconds",
                    i64::from(steps).saturating_mul(points.saturating_abs()),
                    "时长过长",
                    "the duration is too long",
                )
            }
            _ => return Ok(()),
        };
        // A window gives `raw × multiplier + bonus`: bounded by |raw| × |multiplier| + |bonus|.
        let most = self
            .windows
            .iter()
            .fold(base, |most, &(_, _, mult, bonus)| {
                most.max(
                    base.saturating_mul(mult.saturating_abs())
                        .saturating_add(bonus.saturating_abs()),
                )
            });
        if most > MAX_EVENT_POINTS {
            return Err(Error::input(
                "POINTS_OUT_OF_RANGE",
                field,
                format!("{zh}：本事件的分值可能超出 ±{MAX_EVENT_POINTS}"),
                format!("{en}: the event's points could pass ±{MAX_EVENT_POINTS}"),
            ));
        }
        Ok(())
    }
}

#[derive(Debug, Clone)]
pub(crate) struct SetRule {
    pub from: i64,
    pub to: i64,
    /// By global activity index: index into `Compiled::rules`.
    pub by_act: Vec<Option<u16>>,
    pub daily_total_cap: Option<i64>,
    pub base_score: i64,
    pub floor: Option<i64>,
    pub ladder: Vec<PenaltyStep>,
}

#[derive(Debug, Clone)]
pub(crate) struct Compiled {
    pub acts: FxMap<String, u16>,
    /// Activity codes by global index.
    pub names: Vec<String>,
    pub sets: Vec<SetRule>,
    pub rules: Vec<ActRule>,
}

impl Compiled {
    pub(crate) fn new(scheme: &Scheme) -> Result<Self> {
        scheme.validate()?;
        let mut acts: FxMap<String, u16> = FxMap::default();
        let mut act_names = Vec::new();
        for set in &scheme.rule_sets {
            for a in &set.value.activities {
                if !acts.contains_key(&a.code) {
                    let ix = u16::try_from(act_names.len()).map_err(|_| too_many())?;
                    acts.insert(a.code.clone(), ix);
                    act_names.push(a.code.clone());
                }
            }
        }
        let mut sets = Vec::with_capacity(scheme.rule_sets.len());
        let mut rules = Vec::new();
        for (si, set) in scheme.rule_sets.iter().enumerate() {
            let mut by_act = vec![None; act_names.len()];
            for (pos, a) in set.value.activities.iter().enumerate() {
                let act = acts.get(&a.code).copied().unwrap_or(0);
                let mut windows = Vec::with_capacity(a.windows.len());
                for w in &a.windows {
                    windows.push((
                        w.start_minute()?.saturating_mul(60),
                        w.end_minute()?.saturating_mul(60),
                        w.multiplier,
                        w.bonus,
                    ));
                }
                let weekdays = if a.weekdays.is_empty() {
                    0x7f
                } else {
                    a.weekdays
                        .iter()
                        .fold(0u8, |m, d| m | (1u8 << (d.saturating_sub(1) % 7)))
                };
                if let Some(slot) = by_act.get_mut(usize::from(act)) {
                    // Rules are numbered in 16 bits (`Rec::rule`), `NO_RULE` excluded.
                    let rule = u16::try_from(rules.len())
                        .ok()
                        .filter(|&r| r != NO_RULE)
                        .ok_or_else(too_many)?;
                    *slot = Some(rule);
                }
                rules.push(ActRule {
                    act,
                    set: u16::try_from(si).map_err(|_| too_many())?,
                    position: u16::try_from(pos).map_err(|_| too_many())?,
                    unit: a.unit.clone(),
                    min_duration: a.min_duration_seconds,
                    caps: [a.caps.day, a.caps.week, a.caps.month, a.caps.year],
                    max_items_day: a.max_items_per_day,
                    dedup: a.dedup,
                    windows,
                    weekdays,
                    counts_toward_total: a.counts_toward_daily_total,
                });
            }
            sets.push(SetRule {
                from: date_to_day(set.effective_from),
                to: set.effective_to.map_or(i64::MAX, date_to_day),
                by_act,
                daily_total_cap: set.value.daily_total_cap,
                base_score: set.value.base_score,
                floor: set.value.floor,
                ladder: set.value.penalty_ladder.clone(),
            });
        }
        Ok(Self {
            acts,
            names: act_names,
            sets,
            rules,
        })
    }

    /// The rule set in force on China-time day `day` (the one listed last wins, as in [`crate::policy::in_force`]).
    pub(crate) fn set_on(&self, day: i64) -> Option<(usize, &SetRule)> {
        self.sets
            .iter()
            .enumerate()
            .rev()
            .find(|(_, s)| s.from <= day && day <= s.to)
    }

    /// The rule of activity `act` in force on `day`, when the activity is available on that weekday.
    pub(crate) fn rule_on(&self, day: i64, act: u16) -> Option<u16> {
        self.set_on(day)
            .and_then(|(_, s)| s.by_act.get(usize::from(act)).copied().flatten())
            .filter(|&r| {
                self.rules
                    .get(r as usize)
                    .is_some_and(|r| r.weekdays & (1 << weekday0(day)) != 0)
            })
    }
}

fn too_many() -> crate::Error {
    crate::Error::policy(
        "TOO_MANY_ACTIVITIES",
        "rule_sets",
        "活动或规则集过多",
        "too many activities or rule sets",
    )
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::{Compiled, NO_RULE};
    use crate::credits::Scheme;

    /// Rules (one per activity per rule set) are numbered in 16 bits: 65 535 and more are refused with
    /// the code the scheme's size already gives, never wrapped onto another rule.
    #[test]
    fn rule_numbers_fit_sixteen_bits() {
        let base = Scheme::learning_platform();
        let mut set = base.rule_sets[0].clone();
        let template = set.value.activities[0].clone();
        set.value.activities = (0..1000)
            .map(|i| {
                let mut a = template.clone();
                a.code = format!("a{i}");
                a
            })
            .collect();
        let scheme = |sets: i32| {
            let mut s = base.clone();
            s.rule_sets = (0..sets)
                .map(|y| {
                    let mut d = set.clone();
                    d.effective_from = chrono::NaiveDate::from_ymd_opt(2000 + y, 1, 1).unwrap();
                    d.effective_to = chrono::NaiveDate::from_ymd_opt(2000 + y, 12, 31);
                    d
                })
                .collect();
            s
        };
        // 65 000 rules: numbered 0..=64 999, all below `NO_RULE`.
        let c = Compiled::new(&scheme(65)).unwrap();
        assert_eq!(c.rules.len(), 65_000);
        assert!(c.rules.len() < usize::from(NO_RULE));
        // 66 000 rules: the 65 536th would not fit.
        let e = Compiled::new(&scheme(66)).unwrap_err();
        assert_eq!(e.code(), "TOO_MANY_ACTIVITIES");
    }
}
