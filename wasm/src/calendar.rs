//! `Calendar`: the official working-day calendar (core [`dangjian::Calendar`]). Dates cross as `YYYY-MM-DD`;
//! a malformed date is `INVALID_DATE` naming the parameter (`date`, `from`, `to`).

use dangjian::month::parse_date;
use wasm_bindgen::prelude::*;

use crate::convert::{to_js, whole_u32};
use crate::error::ApiError;

/// The working-day calendar: the State Council's notices 2020–2026 built in, plus the years a host loads.
/// A year without a notice is answered provisionally (the statutory holidays of the 放假办法 and weekends, without the
/// 调休) with a `PROVISIONAL_CALENDAR` finding.
///
/// ```js
/// const cal = Calendar.official();
/// cal.addWorkingDays("2026-04-30", 1).value; // "2026-05-06" (1–5 May off)
/// ```
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct Calendar {
    pub(crate) inner: dangjian::Calendar,
}

#[wasm_bindgen]
impl Calendar {
    /// The calendar with the official notices built in.
    ///
    /// ```js
    /// const cal = Calendar.official();
    /// ```
    pub fn official() -> Calendar {
        Calendar {
            inner: dangjian::Calendar::official(),
        }
    }

    /// Loads one year's notice (`{"schema_version":1,"year":2027,"off":[…],"working":[…],"source":"…"}`) into
    /// this calendar. Throws a `DangjianError` of kind `calendar` (`DATE_OUTSIDE_YEAR`, `CONFLICTING_DATES`,
    /// `YEAR_ALREADY_LOADED`, `INVALID_CALENDAR_JSON`, …) naming the field; loading the same days again is fine.
    ///
    /// ```js
    /// cal.loadYearJson(JSON.stringify({ schema_version: 1, year: 2027, off: ["2027-01-01"], working: [] }));
    /// ```
    #[wasm_bindgen(js_name = loadYearJson)]
    pub fn load_year_json(&mut self, json: &str) -> Result<(), ApiError> {
        Ok(self.inner.load_year_json(json)?)
    }

    /// Whether `date` is a working day; findings carry `PROVISIONAL_CALENDAR` when its year has no notice.
    ///
    /// ```js
    /// cal.isWorkingDay("2026-02-14"); // { value: true, findings: [] } — a make-up Saturday
    /// ```
    #[wasm_bindgen(js_name = isWorkingDay, unchecked_return_type = "Answer<boolean>")]
    pub fn is_working_day(&self, date: &str) -> Result<JsValue, ApiError> {
        to_js(&self.inner.is_working_day(parse_date(date, "date")?))
    }

    /// The `n`-th working day after `date` (`date` itself not counted; `n = 0` gives `date`).
    /// `n` must be a whole number ≥ 0 (`INVALID_ARGUMENT`, field `n`).
    ///
    /// ```js
    /// cal.addWorkingDays("2026-02-13", 4).value; // "2026-02-26" (across the Spring Festival)
    /// ```
    #[wasm_bindgen(js_name = addWorkingDays, unchecked_return_type = "Answer<string>")]
    pub fn add_working_days(&self, date: &str, n: f64) -> Result<JsValue, ApiError> {
        let start = parse_date(date, "date")?;
        let n = whole_u32(n, "n")?;
        to_js(&self.inner.add_working_days(start, n)?)
    }

    /// How many working days lie in `from..=to` (0 when `to` is before `from`).
    ///
    /// ```js
    /// cal.countWorkingDays("2026-02-12", "2026-02-26").value; // 6
    /// ```
    #[wasm_bindgen(js_name = countWorkingDays, unchecked_return_type = "Answer<number>")]
    pub fn count_working_days(&self, from: &str, to: &str) -> Result<JsValue, ApiError> {
        let from = parse_date(from, "from")?;
        let to = parse_date(to, "to")?;
        to_js(&self.inner.count_working_days(from, to)?)
    }

    /// What kind of day `date` is.
    ///
    /// ```js
    /// cal.day("2026-10-01"); // { date: "2026-10-01", kind: "holiday", working: false, provisional: false }
    /// ```
    #[wasm_bindgen(unchecked_return_type = "DayInfo")]
    pub fn day(&self, date: &str) -> Result<JsValue, ApiError> {
        to_js(&self.inner.day(parse_date(date, "date")?))
    }

    /// The years with a loaded notice, ascending.
    ///
    /// ```js
    /// cal.officialYears(); // [2020, 2021, …, 2026]
    /// ```
    #[wasm_bindgen(js_name = officialYears, unchecked_return_type = "number[]")]
    pub fn official_years(&self) -> Result<JsValue, ApiError> {
        to_js(&self.inner.official_years())
    }
}
