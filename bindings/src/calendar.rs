//! The working-day calendar (`dangjian::Calendar`) as a shared object that hosts may load years into. `DayInfo`
//! and `DayKind` are the core's (`dangjian_types`); the answers are records here because UniFFI has no generics.

use std::sync::{Arc, RwLock, RwLockReadGuard};

use dangjian::month::parse_date;
pub use dangjian::{DayInfo, DayKind};

use crate::error::{guarded, DangjianError, Result};
use dangjian::Finding;

/// A yes/no answer with its findings (`PROVISIONAL_CALENDAR` when the year has no notice loaded).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BoolAnswer {
    /// The answer.
    pub value: bool,
    /// What the caller should know about it.
    pub findings: Vec<Finding>,
}

/// A date answer (`YYYY-MM-DD`) with its findings.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DateAnswer {
    /// The date, `YYYY-MM-DD`.
    pub value: String,
    /// What the caller should know about it.
    pub findings: Vec<Finding>,
}

/// A count with its findings.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CountAnswer {
    /// The count.
    pub value: u32,
    /// What the caller should know about it.
    pub findings: Vec<Finding>,
}

/// The official working-day calendar of the PRC: the State Council notices 2020–2026 built in, plus the
/// years a host loads (2027 is announced each November). A year without a notice is answered
/// provisionally (the statutory holidays of the 放假办法, their 补假 and weekends off, the 调休 unknown) and the
/// answer carries a `PROVISIONAL_CALENDAR` finding.
///
/// Safe to share between threads: loading a year takes a write lock, answers a read lock. Dates cross as
/// `YYYY-MM-DD` strings; a malformed one is `DangjianException.InvalidInput` `INVALID_DATE` naming the
/// argument (`date`, `from`, `to`).
///
/// ```kotlin
/// val cal = Calendar.official()
/// val close = cal.addWorkingDays("2026-02-12", 4u)   // value "2026-02-25": 15–23 Feb are off, Sat 14 worked
/// ```
#[derive(Debug, uniffi::Object)]
pub struct Calendar {
    inner: RwLock<dangjian::Calendar>,
}

fn unavailable() -> DangjianError {
    DangjianError::Calendar {
        code: "CALENDAR_UNAVAILABLE".to_owned(),
        field: String::new(),
        message_zh: "日历在一次失败的载入后不可用，请重新创建".to_owned(),
        message_en: "the calendar is unusable after a failed load; create it again".to_owned(),
    }
}

impl Calendar {
    /// The loaded calendar, for exports of other modules that read it (disclosure deadlines, notices).
    pub(crate) fn read(&self) -> Result<RwLockReadGuard<'_, dangjian::Calendar>> {
        self.inner.read().map_err(|_| unavailable())
    }
}

#[uniffi::export]
impl Calendar {
    /// The calendar with the official notices 2020–2026 built in. Never fails.
    ///
    /// ```kotlin
    /// val cal = Calendar.official()
    /// ```
    #[uniffi::constructor]
    pub fn official() -> Arc<Self> {
        Arc::new(Self {
            inner: RwLock::new(dangjian::Calendar::official()),
        })
    }

    /// Loads one year's notice from its JSON document
    /// (`{"schema_version":1,"year":2027,"off":["2027-01-01",…],"working":[…],"source":"…"}`).
    /// Loading the same days again is fine.
    ///
    /// Errors: `DangjianException.Calendar` — `INVALID_CALENDAR_JSON` (unreadable; `field` is the path),
    /// `UNSUPPORTED_SCHEMA_VERSION`, `DATE_OUTSIDE_YEAR` (`off[0]`), `CONFLICTING_DATES` (`working[2]`),
    /// `YEAR_ALREADY_LOADED` (`year`, different days for a loaded year); `CALENDAR_UNAVAILABLE` if the
    /// calendar's lock was poisoned.
    ///
    /// ```kotlin
    /// cal.loadYearJson(File("calendar-2027.json").readText())
    /// ```
    pub fn load_year_json(&self, json: String) -> Result<()> {
        guarded(|| {
            let mut cal = self.inner.write().map_err(|_| unavailable())?;
            Ok(cal.load_year_json(&json)?)
        })
    }

    /// Whether `date` is a working day.
    ///
    /// Errors: `DangjianException.InvalidInput` `INVALID_DATE` at `date`; `CALENDAR_UNAVAILABLE`.
    ///
    /// ```kotlin
    /// cal.isWorkingDay("2026-02-14").value   // true: a make-up Saturday
    /// ```
    pub fn is_working_day(&self, date: String) -> Result<BoolAnswer> {
        guarded(|| {
            let date = parse_date(&date, "date")?;
            let a = self.read()?.is_working_day(date);
            Ok(BoolAnswer {
                value: a.value,
                findings: a.findings,
            })
        })
    }

    /// The `n`-th working day after `date` (`date` itself not counted; `n = 0` gives `date`).
    ///
    /// Errors: `DangjianException.InvalidInput` — `INVALID_DATE` at `date`, `SPAN_TOO_LONG` at `n` (more than
    /// 100 years walked); `CALENDAR_UNAVAILABLE`.
    ///
    /// ```kotlin
    /// cal.addWorkingDays("2026-04-30", 1u).value   // "2026-05-06"
    /// ```
    pub fn add_working_days(&self, date: String, n: u32) -> Result<DateAnswer> {
        guarded(|| {
            let date = parse_date(&date, "date")?;
            let a = self.read()?.add_working_days(date, n)?;
            Ok(DateAnswer {
                value: a.value.to_string(),
                findings: a.findings,
            })
        })
    }

    /// How many working days lie in `from..=to` (0 when `to` is before `from`).
    ///
    /// Errors: `DangjianException.InvalidInput` — `INVALID_DATE` at `from` or `to`, `SPAN_TOO_LONG` at `to`;
    /// `CALENDAR_UNAVAILABLE`.
    ///
    /// ```kotlin
    /// cal.countWorkingDays("2026-02-12", "2026-02-26").value   // 6u
    /// ```
    pub fn count_working_days(&self, from: String, to: String) -> Result<CountAnswer> {
        guarded(|| {
            let from = parse_date(&from, "from")?;
            let to = parse_date(&to, "to")?;
            let a = self.read()?.count_working_days(from, to)?;
            Ok(CountAnswer {
                value: a.value,
                findings: a.findings,
            })
        })
    }

    /// What kind of day `date` is, and whether its year is provisional.
    ///
    /// Errors: `DangjianException.InvalidInput` `INVALID_DATE` at `date`; `CALENDAR_UNAVAILABLE`.
    ///
    /// ```kotlin
    /// cal.day("2026-10-01").kind   // DayKind.HOLIDAY
    /// ```
    pub fn day(&self, date: String) -> Result<DayInfo> {
        guarded(|| {
            let date = parse_date(&date, "date")?;
            Ok(self.read()?.day(date))
        })
    }

    /// The years with a loaded notice, ascending (2020–2026 built in, plus those loaded).
    ///
    /// Errors: `CALENDAR_UNAVAILABLE` only.
    ///
    /// ```kotlin
    /// cal.officialYears()   // [2020, …, 2026]
    /// ```
    pub fn official_years(&self) -> Result<Vec<i32>> {
        guarded(|| Ok(self.read()?.official_years()))
    }
}
