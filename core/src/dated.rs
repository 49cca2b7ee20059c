//! Dated values: a parameter's value together with the period it is in force and its article — the ground floor
//! every engine's parameters stand on (re-exported from [`crate::policy`]).
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{Citation, Error, Result};

/// A value in force from `effective_from` to `effective_to` (both included; open-ended when absent),
/// with the article it comes from.
///
/// ```
/// use chrono::NaiveDate;
/// use dangjian::{Citation, Dated};
/// let d = Dated::new(NaiveDate::from_ymd_opt(2008, 4, 1).unwrap(), None, Citation::new("2008规定", "第六条"), 0.5);
/// assert!(d.covers(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Dated<T> {
    /// First day in force.
    pub effective_from: NaiveDate,
    /// Last day in force; `None` while still in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_to: Option<NaiveDate>,
    /// Where the value comes from.
    pub citation: Citation,
    /// The value.
    pub value: T,
    /// Why this value was chosen, where the sources leave room (UNCONFIRMED defaults say so here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl<T> Dated<T> {
    /// A dated value without a note.
    ///
    /// ```
    /// use dangjian::{Citation, Dated};
    /// let d = Dated::new(chrono::NaiveDate::MIN, None, Citation::new("r", "a"), 1u32);
    /// assert_eq!(d.value, 1);
    /// ```
    pub fn new(
        effective_from: NaiveDate,
        effective_to: Option<NaiveDate>,
        citation: Citation,
        value: T,
    ) -> Self {
        Self {
            effective_from,
            effective_to,
            citation,
            value,
            note: None,
        }
    }

    /// The same value with a note.
    ///
    /// ```
    /// use dangjian::{Citation, Dated};
    /// let d = Dated::new(chrono::NaiveDate::MIN, None, Citation::new("r", "a"), 1u32).with_note("UNCONFIRMED");
    /// assert!(d.note.is_some());
    /// ```
    #[must_use]
    pub fn with_note(mut self, note: &str) -> Self {
        self.note = Some(note.to_owned());
        self
    }

    /// Whether the value is in force on `date`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use dangjian::{Citation, Dated};
    /// let to = NaiveDate::from_ymd_opt(2016, 12, 31);
    /// let d = Dated::new(NaiveDate::from_ymd_opt(2008, 4, 1).unwrap(), to, Citation::new("r", "a"), ());
    /// assert!(d.covers(NaiveDate::from_ymd_opt(2016, 12, 31).unwrap()));
    /// assert!(!d.covers(NaiveDate::from_ymd_opt(2017, 1, 1).unwrap()));
    /// ```
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.effective_from <= date && self.effective_to.is_none_or(|to| date <= to)
    }

    fn overlaps(&self, other: &Self) -> bool {
        let self_to = self.effective_to.unwrap_or(NaiveDate::MAX);
        let other_to = other.effective_to.unwrap_or(NaiveDate::MAX);
        self.effective_from <= other_to && other.effective_from <= self_to
    }
}

/// The entry of `timeline` in force on `date`. When several are (an override on top of a bundled value),
/// the one listed last wins: overrides are appended after the values they override.
///
/// ```
/// use chrono::NaiveDate;
/// use dangjian::{Citation, Dated, policy::in_force};
/// let c = Citation::new("r", "a");
/// let tl = vec![
///     Dated::new(NaiveDate::from_ymd_opt(2008, 4, 1).unwrap(), None, c.clone(), "bundled"),
///     Dated::new(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(), None, c, "province"),
/// ];
/// let on = |y| NaiveDate::from_ymd_opt(y, 6, 1).unwrap();
/// assert_eq!(in_force(&tl, on(2019), "farmer").unwrap().value, "bundled");
/// assert_eq!(in_force(&tl, on(2026), "farmer").unwrap().value, "province");
/// assert_eq!(in_force(&tl, on(2000), "farmer").unwrap_err().code(), "NO_POLICY_IN_FORCE");
/// ```
pub fn in_force<'a, T>(
    timeline: &'a [Dated<T>],
    date: NaiveDate,
    path: &str,
) -> Result<&'a Dated<T>> {
    timeline
        .iter()
        .rev()
        .find(|d| d.covers(date))
        .ok_or_else(|| {
            Error::policy(
                "NO_POLICY_IN_FORCE",
                path,
                format!("{date} 没有生效的规定：{path}"),
                format!("no rule in force on {date} for {path}"),
            )
        })
}

/// Lays `over` onto `timeline`: the entries it overlaps are cut back to the days outside its period, so the
/// timeline stays free of overlaps (a bundled value open-ended from 2008 keeps the days before the override
/// and, when the override ends, resumes the day after). Entries are kept in date order.
pub(crate) fn overlay<T: Clone>(timeline: &mut Vec<Dated<T>>, over: Dated<T>) {
    let mut out = Vec::with_capacity(timeline.len().saturating_add(2));
    for entry in timeline.drain(..) {
        if !entry.overlaps(&over) {
            out.push(entry);
            continue;
        }
        if entry.effective_from < over.effective_from {
            let mut before = entry.clone();
            before.effective_to = over.effective_from.pred_opt();
            out.push(before);
        }
        let resumes = over.effective_to.and_then(|to| to.succ_opt());
        if let Some(next) = resumes.filter(|next| entry.effective_to.is_none_or(|to| to >= *next)) {
            let mut after = entry;
            after.effective_from = next;
            out.push(after);
        }
    }
    out.push(over);
    out.sort_by_key(|d| d.effective_from);
    *timeline = out;
}

/// Checks one document's timeline: each period well formed, no two periods overlapping, each value valid.
pub(crate) fn check_timeline<T>(
    timeline: &[Dated<T>],
    path: &str,
    check_value: impl Fn(&T) -> Result<()>,
) -> Result<()> {
    for (i, entry) in timeline.iter().enumerate() {
        let here = format!("{path}[{i}]");
        if entry
            .effective_to
            .is_some_and(|to| to < entry.effective_from)
        {
            return Err(Error::policy(
                "INVALID_PERIOD",
                format!("{here}.effective_to"),
                "失效日期早于生效日期",
                "effective_to is before effective_from",
            ));
        }
        if let Some(j) = timeline
            .iter()
            .take(i)
            .position(|other| other.overlaps(entry))
        {
            return Err(Error::policy(
                "OVERLAPPING_PERIODS",
                format!("{here}.effective_from"),
                format!("与 {path}[{j}] 的有效期重叠"),
                format!("its period overlaps {path}[{j}]"),
            ));
        }
        check_value(&entry.value).map_err(|e| e.under(&format!("{here}.value")))?;
    }
    Ok(())
}
