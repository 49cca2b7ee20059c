//! China time (UTC+8, no daylight saving since 1991): the day, ISO week, month and year an instant falls in.
//! On the ground floor: the credits engine keys its counters by these days, disclosure and membership date
//! events by them (re-exported as `dangjian::credits::china_date` and friends).
//!
//! Days are numbered from 1970-01-01 (China time), so the engine keys counters by plain integers and
//! only turns them into dates for output.
#![deny(clippy::arithmetic_side_effects)]

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// Seconds China time is ahead of UTC.
pub const CHINA_OFFSET_SECONDS: i64 = 8 * 3600;
const DAY: i64 = 86_400;
/// `NaiveDate::num_days_from_ce` of 1970-01-01.
const EPOCH_CE: i32 = 719_163;

/// The China-time day number (days since 1970-01-01 China time) and second of that day of an instant.
pub(crate) fn china_day_and_second(at: &DateTime<FixedOffset>) -> (i64, u32) {
    china_day_and_second_of(at.timestamp())
}

/// As [`china_day_and_second`], from seconds since the epoch (UTC).
pub(crate) fn china_day_and_second_of(timestamp: i64) -> (i64, u32) {
    let local = timestamp.saturating_add(CHINA_OFFSET_SECONDS);
    let second = u32::try_from(local.rem_euclid(DAY)).unwrap_or(0);
    (local.div_euclid(DAY), second)
}

/// Nanoseconds since the epoch (UTC) of an instant; `None` outside `i64` (years 1678–2261). A leap second
/// (`23:59:60`, kept by chrono as second 59 with a nanosecond count of 10⁹ or more) is held within the
/// minute's last second (`23:59:59.999999999`), so it never moves an event into the next day, month or year.
pub(crate) fn instant_nanos(at: &DateTime<FixedOffset>) -> Option<i64> {
    let nanos = i64::from(at.timestamp_subsec_nanos().min(999_999_999));
    at.timestamp()
        .checked_mul(1_000_000_000)?
        .checked_add(nanos)
}

/// The error of an instant [`instant_nanos`] cannot hold (outside the years 1678–2261), at `field`.
pub(crate) fn out_of_range(field: &str) -> crate::Error {
    crate::Error::input(
        "TIME_OUT_OF_RANGE",
        field,
        "时间超出范围（1678—2261 年）",
        "the time is out of range (years 1678–2261)",
    )
}

/// The China-time calendar date of an instant.
///
/// ```
/// use dangjian::credits::china_date;
/// let a = chrono::DateTime::parse_from_rfc3339("2026-01-01T23:59:59+08:00").unwrap();
/// let b = chrono::DateTime::parse_from_rfc3339("2026-01-01T16:00:00Z").unwrap();
/// assert_eq!(china_date(&a).to_string(), "2026-01-01");
/// assert_eq!(china_date(&b).to_string(), "2026-01-02"); // midnight in Beijing
/// ```
pub fn china_date(at: &DateTime<FixedOffset>) -> NaiveDate {
    day_to_date(china_day_and_second(at).0)
}

pub(crate) fn day_to_date(day: i64) -> NaiveDate {
    i32::try_from(day)
        .ok()
        .and_then(|d| d.checked_add(EPOCH_CE))
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .unwrap_or(NaiveDate::MIN)
}

pub(crate) fn date_to_day(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()).saturating_sub(i64::from(EPOCH_CE))
}

/// ISO weekday of a day number: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
pub(crate) fn weekday0(day: i64) -> u8 {
    u8::try_from(day.saturating_add(3).rem_euclid(7)).unwrap_or(0)
}

/// The day number of the Monday starting the ISO week of `day`.
pub(crate) fn week_start(day: i64) -> i64 {
    day.saturating_sub(i64::from(weekday0(day)))
}

/// `(year × 12 + month − 1, year)` of a day number.
pub(crate) fn month_and_year(day: i64) -> (i64, i64) {
    let d = day_to_date(day);
    let y = i64::from(d.year());
    (
        y.saturating_mul(12).saturating_add(i64::from(d.month0())),
        y,
    )
}

/// The kind of a period totals are given for.
///
/// ```
/// assert_eq!(serde_json::to_string(&dangjian::credits::PeriodKind::Week).unwrap(), "\"week\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// A China-time day, `2026-01-05`.
    Day,
    /// An ISO week (Monday first; week 1 holds the year's first Thursday), `2026-W02`.
    Week,
    /// A calendar month, `2026-01`.
    Month,
    /// A calendar year, `2026`.
    Year,
}

/// The period key (as written in totals) of a kind containing a China-time date.
///
/// ```
/// use dangjian::credits::{period_key, PeriodKind};
/// let d = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
/// assert_eq!(period_key(PeriodKind::Week, d), "2026-W53"); // a Friday in the last ISO week of 2026
/// assert_eq!(period_key(PeriodKind::Month, d), "2027-01");
/// ```
pub fn period_key(kind: PeriodKind, date: NaiveDate) -> String {
    match kind {
        PeriodKind::Day => date.format("%Y-%m-%d").to_string(),
        PeriodKind::Week => {
            let w = date.iso_week();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        PeriodKind::Month => format!("{:04}-{:02}", date.year(), date.month()),
        PeriodKind::Year => format!("{:04}", date.year()),
    }
}
