//! The statutory holidays of the 《全国年节及纪念日放假办法》 (RULES §8), for years whose State Council notice is
//! not loaded yet.
//!
//! The 办法's 第二条 names the holidays of all citizens; the notice of each year only places the make-up working
//! days (调休) and the bridging days around them. So for a year without a notice the holidays themselves are
//! known by law, and only the 调休 are not. The versions, by the year they took effect (whole years):
//!
//! | from | decree | 元旦 | 春节 | 清明 | 劳动节 | 端午 | 中秋 | 国庆 |
//! |---|---|---|---|---|---|---|---|---|
//! | 2000 | 国务院令第270号 (1999) | 1 Jan | 初一–初三 | — | 1–3 May | — | — | 1–3 Oct |
//! | 2008 | 国务院令第513号 (2007) | 1 Jan | 除夕–初二 | the solar term | 1 May | 5/5 | 8/15 | 1–3 Oct |
//! | 2014 | 国务院令第644号 (2013) | 1 Jan | 初一–初三 | the solar term | 1 May | 5/5 | 8/15 | 1–3 Oct |
//! | 2025 | 国务院令第795号 (2024) | 1 Jan | 除夕–初三 | the solar term | 1–2 May | 5/5 | 8/15 | 1–3 Oct |
//!
//! Before 2000 no statutory day is applied (weekends only). The lunar festivals and 清明 come from
//! [`LUNAR_DATES`] (2027–2035); for a provisional year outside it only the fixed-date holidays are known, and
//! the `PROVISIONAL_CALENDAR` finding says so.
//!
//! The 办法's 第六条: a holiday of all citizens that falls on a Saturday or Sunday is made up (补假) on a working
//! day. The text does not say which; the practice of every notice 2020–2026 is the working days right after
//! the holiday (元旦 on Saturday 2022-01-01 → Monday 3 January; 国庆 Saturday–Monday 2022 → Tuesday 4 and
//! Wednesday 5 October), and [`is_make_up_day_off`] gives those, one for each weekend day of the holiday. What
//! no law fixes and only the notice can say — the 调休 swaps that turn a weekend into a working day and join the
//! days into a long holiday — stays unknown, and the `PROVISIONAL_CALENDAR` finding says so. Two festivals on
//! one day (中秋 on 1–3 October, as in 2028 and 2031) are one day off here: the 办法 gives no extra day for it.
#![deny(clippy::arithmetic_side_effects)]

use chrono::{Datelike, NaiveDate};

/// The Gregorian dates of 春节 (lunar 1/1), 清明 (the solar term), 端午 (lunar 5/5) and 中秋 (lunar 8/15),
/// as `(year, [春节, 清明, 端午, 中秋])` with each date as `(month, day)`.
///
/// Source: the Hong Kong Observatory's Gregorian–Lunar Calendar Conversion Table
/// (<https://www.hko.gov.hk/en/gts/time/conversion.htm>, 1901–2100), whose almanac agrees with the mainland's
/// official one (Purple Mountain Observatory) for these years. Every date here was computed with the
/// astronomical conversion of the `lunar-python` library (version 1.4.8) and cross-checked: the 春节 dates of
/// 2027–2030 against a published list of 春节 dates 2021–2030 (06 Feb 2027, 26 Jan 2028, 13 Feb 2029,
/// 03 Feb 2030), and the same computation against the State Council notices 2020–2026 built into this crate
/// (each computed 春节, 清明, 端午 and 中秋 falls on an official day off of its year). The HKO's own note on
/// 2030: some folk calendars put 春节 a day later; the official almanac gives 3 February.
pub(super) const LUNAR_DATES: [(i32, [(u32, u32); 4]); 9] = [
    (2027, [(2, 6), (4, 5), (6, 9), (9, 15)]),
    (2028, [(1, 26), (4, 4), (5, 28), (10, 3)]),
    (2029, [(2, 13), (4, 4), (6, 16), (9, 22)]),
    (2030, [(2, 3), (4, 5), (6, 5), (9, 12)]),
    (2031, [(1, 23), (4, 5), (6, 24), (10, 1)]),
    (2032, [(2, 11), (4, 4), (6, 12), (9, 19)]),
    (2033, [(1, 31), (4, 4), (6, 1), (9, 8)]),
    (2034, [(2, 19), (4, 5), (6, 20), (9, 27)]),
    (2035, [(2, 8), (4, 5), (6, 10), (9, 16)]),
];

/// The 春节, 清明, 端午 and 中秋 of `year`, when the table has it.
fn lunar(year: i32) -> Option<[NaiveDate; 4]> {
    let (_, dates) = LUNAR_DATES.iter().find(|(y, _)| *y == year)?;
    let mut out = [NaiveDate::MIN; 4];
    for (slot, (m, d)) in out.iter_mut().zip(dates) {
        *slot = NaiveDate::from_ymd_opt(year, *m, *d)?;
    }
    Some(out)
}

/// Whether the lunar festivals of `year` are known (see [`LUNAR_DATES`]).
pub(super) fn lunar_known(year: i32) -> bool {
    lunar(year).is_some()
}

/// Whether `date` is a statutory holiday of all citizens under the 办法 in force in its year.
pub(super) fn is_statutory_holiday(date: NaiveDate) -> bool {
    holiday_with(date, lunar(date.year()))
}

/// Whether `date` is a make-up day off (补假, 第六条) of a statutory holiday of its year that fell on a weekend.
pub(super) fn is_make_up_day_off(date: NaiveDate) -> bool {
    make_up_days(date.year(), lunar(date.year())).contains(&date)
}

/// The make-up days off of `year` (see the module docs): for each run of consecutive statutory days, as many
/// of the following weekdays that are not themselves statutory as the run has days on a Saturday or Sunday.
fn make_up_days(year: i32, lunar: Option<[NaiveDate; 4]>) -> Vec<NaiveDate> {
    let day = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    // Every day that may be statutory in some version: the fixed dates, and 春节's eve to 初三 and the others.
    let mut candidates: Vec<NaiveDate> =
        [(1, 1), (5, 1), (5, 2), (5, 3), (10, 1), (10, 2), (10, 3)]
            .iter()
            .filter_map(|(m, d)| day(*m, *d))
            .collect();
    if let Some([spring, qingming, duanwu, zhongqiu]) = lunar {
        candidates
            .extend((-1..=2).filter_map(|k| spring.checked_add_signed(chrono::Duration::days(k))));
        candidates.extend([qingming, duanwu, zhongqiu]);
    }
    let mut holidays: Vec<NaiveDate> = candidates
        .into_iter()
        .filter(|d| holiday_with(*d, lunar))
        .collect();
    holidays.sort_unstable();
    holidays.dedup();
    let mut given: Vec<NaiveDate> = Vec::new();
    let mut i = 0;
    while let Some(first) = holidays.get(i) {
        // The run starting at `first`: consecutive calendar days.
        let mut end = *first;
        let mut weekend: usize = 0;
        while let Some(d) = holidays
            .get(i)
            .filter(|d| **d == end || end.succ_opt() == Some(**d))
        {
            end = *d;
            weekend = weekend.saturating_add(usize::from(is_weekend(*d)));
            i = i.saturating_add(1);
        }
        let mut next = end;
        while weekend > 0 {
            let Some(d) = next.succ_opt() else { break };
            next = d;
            if !is_weekend(d) && !holidays.contains(&d) && !given.contains(&d) {
                given.push(d);
                weekend = weekend.saturating_sub(1);
            }
        }
    }
    given
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun)
}

/// [`is_statutory_holiday`] with the year's 春节, 清明, 端午 and 中秋 given (`None`: unknown).
fn holiday_with(date: NaiveDate, lunar: Option<[NaiveDate; 4]>) -> bool {
    let year = date.year();
    if year < 2000 {
        return false;
    }
    let (m, d) = (date.month(), date.day());
    let fixed = match (m, d) {
        (1, 1) | (10, 1..=3) | (5, 1) => true,
        (5, 2) => !(2008..2025).contains(&year),
        (5, 3) => year < 2008,
        _ => false,
    };
    if fixed {
        return true;
    }
    let Some([spring, qingming, duanwu, zhongqiu]) = lunar else {
        return false;
    };
    if year >= 2008 && (date == qingming || date == duanwu || date == zhongqiu) {
        return true;
    }
    // 春节: the eve (the day before 初一, whether the 12th month has 29 or 30 days) from 2008 to 2013 and from
    // 2025; the first three days except from 2008 to 2013, when 初一 and 初二 only.
    let offset = date.signed_duration_since(spring).num_days();
    let with_eve = (2008..2014).contains(&year) || year >= 2025;
    let last = if (2008..2014).contains(&year) { 1 } else { 2 };
    (if with_eve { -1 } else { 0 }..=last).contains(&offset)
}

#[cfg(test)]
#[path = "statutory_tests.rs"]
mod tests;
