//! The working-day calendar of the People's Republic of China (RULES §8).
//!
//! Time limits in the regulations are often counted in working days (a 公示 of at least five
//! working days, a review within three). Which days are working days is fixed each year by the
//! State Council's notice: the holidays, and the make-up working days (调休) that fall on weekends.
//! The notices for 2020–2026 are built in. A year without a notice is answered *provisionally*: the
//! statutory holidays of the 全国年节及纪念日放假办法 in force that year are days off (the lunar ones from a
//! bundled table for 2027–2035, checked against the Hong Kong Observatory's conversion table), and so are the
//! make-up days off (补假, 第六条) of those falling on a weekend; weekends are rest days, every other weekday is a
//! working day,
//! and every answer that used such a year carries a `PROVISIONAL_CALENDAR` finding ("make-up working days (调休)
//! not yet published"), so a deadline is never silently wrong. Hosts load a new year
//! (e.g. 2027, announced each November) with [`Calendar::load_year_json`].

mod official;
mod statutory;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::{Citation, Error, Finding, Result, Severity};

/// The current version of the calendar-year JSON document.
pub const CALENDAR_SCHEMA_VERSION: u32 = 1;

/// The longest span, in days, that one call walks (100 years): a guard against runaway input.
const MAX_SPAN_DAYS: u64 = 36_600;

/// One year's official days, as announced: the JSON document hosts load.
///
/// ```
/// let json = r#"{"schema_version":1,"year":2027,"off":["2027-01-01"],"working":[],"source":"notice"}"#;
/// let year: dangjian::CalendarYear = serde_json::from_str(json).unwrap();
/// assert_eq!(year.year, 2027);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarYear {
    /// Document version; currently 1.
    pub schema_version: u32,
    /// The year the notice covers.
    pub year: i32,
    /// Days off inside holiday spans (weekend days inside a span may be listed too).
    pub off: Vec<NaiveDate>,
    /// Make-up working days (调休上班), normally weekend days (a weekday listed, as 2020-02-03 is, changes nothing).
    pub working: Vec<NaiveDate>,
    /// Where the notice was published.
    #[serde(default)]
    pub source: String,
}

/// What kind of day a date is.
///
/// ```
/// use dangjian::{Calendar, DayKind};
/// let cal = Calendar::official();
/// let d = chrono::NaiveDate::from_ymd_opt(2026, 2, 14).unwrap(); // a make-up Saturday
/// assert_eq!(cal.day(d).kind, DayKind::MakeUpWorkday);
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// A weekday with no holiday.
    Workday,
    /// A Saturday or Sunday with no make-up work.
    Weekend,
    /// A day off inside an official holiday span.
    Holiday,
    /// A weekend day worked in exchange for a holiday (调休).
    MakeUpWorkday,
}

/// One date's answer: its kind, whether it is a working day, and whether the year is provisional.
///
/// ```
/// let cal = dangjian::Calendar::official();
/// let info = cal.day(chrono::NaiveDate::from_ymd_opt(2027, 1, 4).unwrap());
/// assert!(info.working && info.provisional);
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayInfo {
    /// The date.
    pub date: NaiveDate,
    /// Its kind.
    pub kind: DayKind,
    /// Whether people work that day.
    pub working: bool,
    /// True when no notice is loaded for the year (statutory holidays, their 补假 and weekends, without the 调休).
    pub provisional: bool,
}

/// A value with the findings gathered while computing it (e.g. `PROVISIONAL_CALENDAR`).
///
/// ```
/// let cal = dangjian::Calendar::official();
/// let a = cal.is_working_day(chrono::NaiveDate::from_ymd_opt(2026, 10, 7).unwrap());
/// assert!(!a.value && a.findings.is_empty());
/// ```
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer<T> {
    /// The value.
    pub value: T,
    /// What the caller should know about it.
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct YearDays {
    off: BTreeSet<NaiveDate>,
    working: BTreeSet<NaiveDate>,
    source: String,
}

/// The working-day calendar: the official years built in, plus the years a host loaded.
///
/// ```
/// use chrono::NaiveDate;
/// let cal = dangjian::Calendar::official();
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // Spring Festival 2026: 15–23 February off, Saturday 14 and Saturday 28 worked.
/// assert!(!cal.is_working_day(d(2026, 2, 16)).value);
/// assert!(cal.is_working_day(d(2026, 2, 14)).value);
/// // A five-working-day window opening Friday 13 February 2026 closes Thursday 26 February
/// // (13, make-up Saturday 14, then 24, 25, 26).
/// assert_eq!(cal.add_working_days(d(2026, 2, 13), 4).unwrap().value, d(2026, 2, 26));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    years: BTreeMap<i32, YearDays>,
}

impl Default for Calendar {
    fn default() -> Self {
        Self::official()
    }
}

impl Calendar {
    /// The calendar with the official notices 2020–2026 built in.
    ///
    /// ```
    /// assert!(dangjian::Calendar::official().has_official_year(2026));
    /// ```
    pub fn official() -> Self {
        let mut years = BTreeMap::new();
        for (year, off, working, source) in official::OFFICIAL_YEARS {
            years.insert(
                year,
                YearDays {
                    off: month_days(year, off),
                    working: month_days(year, working),
                    source: source.to_owned(),
                },
            );
        }
        Self { years }
    }

    /// A calendar with no official year: every answer is provisional (statutory holidays and weekends).
    ///
    /// ```
    /// assert!(!dangjian::Calendar::weekends_only().has_official_year(2026));
    /// ```
    pub fn weekends_only() -> Self {
        Self {
            years: BTreeMap::new(),
        }
    }

    /// Whether a notice is loaded for `year`.
    ///
    /// ```
    /// assert!(!dangjian::Calendar::official().has_official_year(2027));
    /// ```
    pub fn has_official_year(&self, year: i32) -> bool {
        self.years.contains_key(&year)
    }

    /// The years with a loaded notice, ascending.
    ///
    /// ```
    /// assert_eq!(dangjian::Calendar::official().official_years().first(), Some(&2020));
    /// ```
    pub fn official_years(&self) -> Vec<i32> {
        self.years.keys().copied().collect()
    }

    /// Loads one year's notice from its JSON document (see [`CalendarYear`]).
    ///
    /// Rejected, with a coded error naming the field: a date outside the year (`DATE_OUTSIDE_YEAR`), a date both
    /// off and working (`CONFLICTING_DATES`), a year already loaded with different days (`YEAR_ALREADY_LOADED`; loading the same days again is fine),
    /// an unknown `schema_version` (`UNSUPPORTED_SCHEMA_VERSION`).
    ///
    /// ```
    /// let mut cal = dangjian::Calendar::official();
    /// cal.load_year_json(r#"{"schema_version":1,"year":2027,"off":["2027-01-01"],"working":[]}"#).unwrap();
    /// assert!(cal.has_official_year(2027));
    /// let bad = r#"{"schema_version":1,"year":2028,"off":["2027-12-31"],"working":[]}"#;
    /// assert_eq!(cal.load_year_json(bad).unwrap_err().code(), "DATE_OUTSIDE_YEAR");
    /// ```
    pub fn load_year_json(&mut self, json: &str) -> Result<()> {
        let year: CalendarYear = crate::error::from_json(json, "INVALID_CALENDAR_JSON")
            .map_err(|e| Error::Calendar(e.detail().clone()))?;
        self.add_year(year)
    }

    /// Loads one year's notice (see [`Calendar::load_year_json`] for what is rejected).
    ///
    /// ```
    /// use dangjian::{Calendar, CalendarYear};
    /// let mut cal = Calendar::official();
    /// let y = CalendarYear { schema_version: 1, year: 2027, off: vec![], working: vec![], source: String::new() };
    /// cal.add_year(y).unwrap();
    /// ```
    pub fn add_year(&mut self, doc: CalendarYear) -> Result<()> {
        if doc.schema_version != CALENDAR_SCHEMA_VERSION {
            return Err(Error::calendar(
                "UNSUPPORTED_SCHEMA_VERSION",
                "schema_version",
                format!("不支持的日历文档版本：{}", doc.schema_version),
                format!("unsupported calendar schema_version {}", doc.schema_version),
            ));
        }
        let year = doc.year;
        check_in_year(year, &doc.off, "off")?;
        check_in_year(year, &doc.working, "working")?;
        let off: BTreeSet<NaiveDate> = doc.off.iter().copied().collect();
        if let Some((i, d)) = doc
            .working
            .iter()
            .enumerate()
            .find(|(_, d)| off.contains(d))
        {
            return Err(Error::calendar(
                "CONFLICTING_DATES",
                format!("working[{i}]"),
                format!("{d} 同时被列为放假日和上班日"),
                format!("{d} is listed both as a day off and as a working day"),
            ));
        }
        let days = YearDays {
            off,
            working: doc.working.iter().copied().collect(),
            source: doc.source,
        };
        if let Some(existing) = self.years.get(&year) {
            if existing.off != days.off || existing.working != days.working {
                return Err(Error::calendar(
                    "YEAR_ALREADY_LOADED",
                    "year",
                    format!("{year} 年已有不同的官方安排"),
                    format!("{year} is already loaded with different days"),
                ));
            }
            return Ok(());
        }
        self.years.insert(year, days);
        Ok(())
    }

    /// What kind of day `date` is.
    ///
    /// ```
    /// use dangjian::{Calendar, DayKind};
    /// let d = chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    /// assert_eq!(Calendar::official().day(d).kind, DayKind::Holiday);
    /// ```
    pub fn day(&self, date: NaiveDate) -> DayInfo {
        let (kind, provisional) = match self.years.get(&date.year()) {
            Some(y) if y.off.contains(&date) => (DayKind::Holiday, false),
            Some(y) if y.working.contains(&date) => (DayKind::MakeUpWorkday, false),
            Some(_) => (plain_kind(date), false),
            // The statutory holidays and their make-up days off (补假), both fixed by the 办法 itself.
            None if statutory::is_statutory_holiday(date)
                || statutory::is_make_up_day_off(date) =>
            {
                (DayKind::Holiday, true)
            }
            None => (plain_kind(date), true),
        };
        DayInfo {
            date,
            kind,
            working: matches!(kind, DayKind::Workday | DayKind::MakeUpWorkday),
            provisional,
        }
    }

    /// Whether `date` is a working day, with `PROVISIONAL_CALENDAR` when its year has no notice.
    ///
    /// ```
    /// let d = chrono::NaiveDate::from_ymd_opt(2026, 2, 28).unwrap(); // make-up Saturday
    /// assert!(dangjian::Calendar::official().is_working_day(d).value);
    /// ```
    pub fn is_working_day(&self, date: NaiveDate) -> Answer<bool> {
        let info = self.day(date);
        Answer {
            value: info.working,
            findings: self.provisional_findings([date.year()]),
        }
    }

    /// The `n`-th working day after `start` (`start` itself not counted; `n = 0` gives `start`).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// // Thursday 30 April 2026 + 1 working day: 1–5 May are off, Saturday 9 May is worked → Wednesday 6 May.
    /// assert_eq!(dangjian::Calendar::official().add_working_days(d(4, 30), 1).unwrap().value, d(5, 6));
    /// ```
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> Result<Answer<NaiveDate>> {
        let mut date = start;
        let mut left = n;
        let mut years = BTreeSet::new();
        let mut walked: u64 = 0;
        while left > 0 {
            date = next_day(date)?;
            walked += 1;
            if walked > MAX_SPAN_DAYS {
                return Err(span_too_long("n"));
            }
            let info = self.day(date);
            if info.provisional {
                years.insert(date.year());
            }
            if info.working {
                left -= 1;
            }
        }
        Ok(Answer {
            value: date,
            findings: self.provisional_findings(years),
        })
    }

    /// How many working days lie in `from..=to` (0 when `to` is before `from`).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// // 12–26 February 2026 across the Spring Festival: 12, 13, 14 (make-up Sat), 24, 25, 26.
    /// assert_eq!(dangjian::Calendar::official().count_working_days(d(2, 12), d(2, 26)).unwrap().value, 6);
    /// ```
    pub fn count_working_days(&self, from: NaiveDate, to: NaiveDate) -> Result<Answer<u32>> {
        if to < from {
            return Ok(Answer {
                value: 0,
                findings: Vec::new(),
            });
        }
        let span = u64::try_from((to - from).num_days()).unwrap_or(u64::MAX);
        if span > MAX_SPAN_DAYS {
            return Err(span_too_long("to"));
        }
        let mut count = 0u32;
        let mut years = BTreeSet::new();
        let mut date = from;
        loop {
            let info = self.day(date);
            if info.provisional {
                years.insert(date.year());
            }
            if info.working {
                count += 1;
            }
            if date >= to {
                break;
            }
            date = next_day(date)?;
        }
        Ok(Answer {
            value: count,
            findings: self.provisional_findings(years),
        })
    }

    /// The citation for a year's days: its notice when loaded.
    ///
    /// ```
    /// let c = dangjian::Calendar::official().citation(2026).unwrap();
    /// assert!(c.regulation.contains("2026"));
    /// ```
    pub fn citation(&self, year: i32) -> Option<Citation> {
        self.years.get(&year).map(|y| {
            Citation::new(
                format!("国务院办公厅关于{year}年部分节假日安排的通知"),
                y.source.clone(),
            )
        })
    }

    fn provisional_findings(&self, years: impl IntoIterator<Item = i32>) -> Vec<Finding> {
        let missing: Vec<String> = years
            .into_iter()
            .filter(|y| !self.years.contains_key(y))
            .map(|y| y.to_string())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if missing.is_empty() {
            return Vec::new();
        }
        let lunar_unknown: Vec<&str> = missing
            .iter()
            .filter(|y| y.parse().is_ok_and(|y| !statutory::lunar_known(y)))
            .map(String::as_str)
            .collect();
        vec![provisional_calendar(
            &missing.join(", "),
            &lunar_unknown.join(", "),
        )]
    }
}

/// The `PROVISIONAL_CALENDAR` finding for the listed years; `lunar_unknown` lists those of them whose lunar
/// festivals are outside the bundled table (empty when none).
pub(crate) fn provisional_calendar(years: &str, lunar_unknown: &str) -> Finding {
    let (mut zh, mut en) = (
        format!("临时日历：{years} 年的调休安排尚未公布，按放假办法规定的法定节假日、适逢周末的补假和周末计算，结果为临时结果"),
        format!("provisional calendar: make-up working days (调休) not yet published for {years}; the statutory holidays, their make-up days off (补假) when they fall on a weekend, and weekends were used, the result is provisional"),
    );
    if !lunar_unknown.is_empty() {
        zh.push_str(&format!(
            "；{lunar_unknown} 年的春节、清明、端午、中秋日期未内置，未计入"
        ));
        en.push_str(&format!(
            "; the lunar festivals and 清明 of {lunar_unknown} are not bundled and were not counted"
        ));
    }
    let mut f = Finding::new(
        "PROVISIONAL_CALENDAR",
        Severity::Warning,
        zh,
        en,
        Some(Citation::new("全国年节及纪念日放假办法", "第二条")),
    );
    // The make-up days off come from the 办法's own rule on holidays falling on a weekend.
    f.also_cited = vec![Citation::new("全国年节及纪念日放假办法", "第六条")];
    f
}

fn span_too_long(field: &str) -> Error {
    Error::input(
        "SPAN_TOO_LONG",
        field,
        "日期跨度超过100年",
        "the span is longer than 100 years",
    )
}

fn next_day(date: NaiveDate) -> Result<NaiveDate> {
    date.checked_add_days(Days::new(1))
        .ok_or_else(|| Error::overflow("date"))
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

fn plain_kind(date: NaiveDate) -> DayKind {
    if is_weekend(date) {
        DayKind::Weekend
    } else {
        DayKind::Workday
    }
}

fn check_in_year(year: i32, dates: &[NaiveDate], list: &str) -> Result<()> {
    match dates.iter().enumerate().find(|(_, d)| d.year() != year) {
        Some((i, d)) => Err(Error::calendar(
            "DATE_OUTSIDE_YEAR",
            format!("{list}[{i}]"),
            format!("{d} 不在 {year} 年内"),
            format!("{d} is not in {year}"),
        )),
        None => Ok(()),
    }
}

/// Parses the built-in `MM-DD` lists; the data is fixed and checked by the tests below.
fn month_days(year: i32, list: &str) -> BTreeSet<NaiveDate> {
    list.split_whitespace()
        .filter_map(|md| NaiveDate::parse_from_str(&format!("{year}-{md}"), "%Y-%m-%d").ok())
        .collect()
}

#[cfg(test)]
mod tests;
