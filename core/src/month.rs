//! Calendar months (`YYYY-MM`), the unit in which dues are owed and paid.
#![deny(clippy::arithmetic_side_effects)]

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Error, Result};

/// A calendar month. Crosses every boundary as the string `"YYYY-MM"`.
///
/// ```
/// use dangjian::YearMonth;
/// let m: YearMonth = "2026-02".parse().unwrap();
/// assert_eq!(m.last_day().to_string(), "2026-02-28");
/// assert_eq!(m.plus_months(11).to_string(), "2027-01");
/// assert_eq!(YearMonth::new(2026, 7).unwrap().months_since(m), 5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u32,
}

impl YearMonth {
    /// A month from its year and number (1–12); years 1900–9999.
    ///
    /// ```
    /// assert!(dangjian::YearMonth::new(2026, 13).is_err());
    /// ```
    pub fn new(year: i32, month: u32) -> Result<Self> {
        if !(1..=12).contains(&month) || !(1900..=9999).contains(&year) {
            return Err(Error::input(
                "INVALID_MONTH",
                "",
                format!("无效的月份：{year}-{month:02}"),
                format!("not a valid month: {year}-{month:02}"),
            ));
        }
        Ok(Self { year, month })
    }

    /// The month a date falls in.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let d = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    /// assert_eq!(dangjian::YearMonth::of(d).to_string(), "2026-11");
    /// ```
    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The year.
    ///
    /// ```
    /// assert_eq!(dangjian::YearMonth::new(2026, 1).unwrap().year(), 2026);
    /// ```
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month number, 1–12.
    ///
    /// ```
    /// assert_eq!(dangjian::YearMonth::new(2026, 9).unwrap().month(), 9);
    /// ```
    pub fn month(self) -> u32 {
        self.month
    }

    /// January of the same year.
    ///
    /// ```
    /// assert_eq!(dangjian::YearMonth::new(2026, 9).unwrap().january().to_string(), "2026-01");
    /// ```
    pub fn january(self) -> Self {
        Self {
            year: self.year,
            month: 1,
        }
    }

    /// The first day of the month.
    ///
    /// ```
    /// assert_eq!(dangjian::YearMonth::new(2024, 2).unwrap().first_day().to_string(), "2024-02-01");
    /// ```
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The last day of the month.
    ///
    /// ```
    /// assert_eq!(dangjian::YearMonth::new(2024, 2).unwrap().last_day().to_string(), "2024-02-29");
    /// ```
    pub fn last_day(self) -> NaiveDate {
        self.plus_months(1)
            .first_day()
            .pred_opt()
            .unwrap_or(NaiveDate::MIN)
    }

    /// The month `n` months later (earlier when negative). Saturates at the ends of the supported range.
    ///
    /// ```
    /// let m = dangjian::YearMonth::new(2026, 1).unwrap();
    /// assert_eq!(m.plus_months(-1).to_string(), "2025-12");
    /// ```
    pub fn plus_months(self, n: i32) -> Self {
        let index = self.index().saturating_add(i64::from(n));
        Self::from_index(index.clamp(Self::MIN_INDEX, Self::MAX_INDEX))
    }

    /// How many months `self` is after `earlier` (negative when before).
    ///
    /// ```
    /// let a = dangjian::YearMonth::new(2025, 11).unwrap();
    /// let b = dangjian::YearMonth::new(2026, 5).unwrap();
    /// assert_eq!(b.months_since(a), 6);
    /// assert_eq!(a.months_since(b), -6);
    /// ```
    pub fn months_since(self, earlier: Self) -> i32 {
        i32::try_from(self.index().saturating_sub(earlier.index())).unwrap_or(0)
    }

    /// The months from `self` to `last`, both included (empty when `last` is earlier).
    ///
    /// ```
    /// let a = dangjian::YearMonth::new(2025, 11).unwrap();
    /// let v: Vec<String> = a.through(a.plus_months(2)).map(|m| m.to_string()).collect();
    /// assert_eq!(v, ["2025-11", "2025-12", "2026-01"]);
    /// ```
    pub fn through(self, last: Self) -> impl Iterator<Item = YearMonth> {
        (self.index()..=last.index()).map(Self::from_index)
    }

    const MIN_INDEX: i64 = 1900 * 12;
    const MAX_INDEX: i64 = 9999 * 12 + 11;

    fn index(self) -> i64 {
        // The year is within 1900..=9999 (checked where a YearMonth is made): nothing saturates.
        i64::from(self.year)
            .saturating_mul(12)
            .saturating_add(i64::from(self.month))
            .saturating_sub(1)
    }

    fn from_index(index: i64) -> Self {
        let year = i32::try_from(index.div_euclid(12)).unwrap_or(9999);
        let month = u32::try_from(index.rem_euclid(12).saturating_add(1)).unwrap_or(1);
        Self { year, month }
    }
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl std::str::FromStr for YearMonth {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let bad = || {
            Error::input(
                "INVALID_MONTH",
                "",
                format!("月份应写作 YYYY-MM：{s}"),
                format!("a month is written YYYY-MM: {s}"),
            )
        };
        let (y, m) = s.split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year = y.parse().map_err(|_| bad())?;
        let month = m.parse().map_err(|_| bad())?;
        Self::new(year, month).map_err(|_| bad())
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        // No code: the document's own, with the month grammar's sentence in both languages.
        s.parse().map_err(|e: Error| {
            let d = e.detail();
            let mark = crate::money::CODE_MARK;
            serde::de::Error::custom(format!("{mark}{}{mark}{}", d.message_zh, d.message_en))
        })
    }
}

/// A `YYYY-MM-DD` date: exactly four digits, a dash, two, a dash, two, naming a day of the proleptic Gregorian
/// calendar — `None` otherwise. Where it answers, chrono's `NaiveDate::from_str` gives the same day; what
/// chrono refuses it refuses too (it also refuses forms chrono takes, such as `2024-1-05` or `+2024-01-05`).
///
/// ```ignore
/// assert_eq!(iso_date("2024-02-29"), chrono::NaiveDate::from_ymd_opt(2024, 2, 29));
/// assert_eq!(iso_date("2023-02-29"), None);
/// ```
pub(crate) fn iso_date(s: &str) -> Option<NaiveDate> {
    let b: &[u8; 10] = s.as_bytes().try_into().ok()?;
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *b else {
        return None;
    };
    let year = number(&[y0, y1, y2, y3])?;
    let month = number(&[m0, m1])?;
    let day = number(&[d0, d1])?;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// The value of a run of ASCII digits; `None` for any other byte, or past `u32`.
pub(crate) fn number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |n, &c| {
        let d = c.checked_sub(b'0').filter(|d| *d <= 9)?;
        n.checked_mul(10)?.checked_add(u32::from(d))
    })
}

/// Parses an ISO date (`YYYY-MM-DD`) with a coded error naming `field`.
///
/// ```
/// assert!(dangjian::month::parse_date("2026-02-30", "on").is_err());
/// assert!(dangjian::month::parse_date("2026-2-3", "on").is_err());
/// assert_eq!(dangjian::month::parse_date("2026-02-28", "on").unwrap().to_string(), "2026-02-28");
/// ```
pub fn parse_date(s: &str, field: &str) -> Result<NaiveDate> {
    // Exactly YYYY-MM-DD: chrono alone would also take "2026-1-5" or a two-digit year.
    let shaped = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let parsed = if shaped {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    } else {
        None
    };
    parsed.ok_or_else(|| {
        Error::input(
            "INVALID_DATE",
            field,
            format!("日期应写作 YYYY-MM-DD 且须真实存在：{s}"),
            format!("a date is written YYYY-MM-DD and must exist: {s}"),
        )
    })
}

/// Parses a month (`YYYY-MM`) with a coded error naming `field`.
///
/// ```
/// assert_eq!(dangjian::month::parse_month("2026-11", "month").unwrap().to_string(), "2026-11");
/// assert_eq!(dangjian::month::parse_month("2026-1", "month").unwrap_err().detail().field, "month");
/// ```
pub fn parse_month(s: &str, field: &str) -> Result<YearMonth> {
    s.parse::<YearMonth>().map_err(|e| e.under(field))
}
