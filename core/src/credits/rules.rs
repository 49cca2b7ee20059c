//! Rules as data: a [`Scheme`] is a timeline of dated [`RuleSet`]s, each a list of [`Activity`] rules.
//!
//! A unit's own scheme is a JSON document read with [`Scheme::from_json`]; every fault names its field path
//! (`rule_sets[1].value.activities[3].caps.day`).

use serde::{Deserialize, Serialize};

use crate::dated::check_timeline;
use crate::{Citation, Dated, Error, Result};

/// The scheme document's version; documents of older versions keep loading.
pub const SCHEME_VERSION: u32 = 1;

/// A points scheme: dated rule sets, one in force on any day (the one listed last wins where they overlap
/// in an override; within one document periods must not overlap).
///
/// ```
/// let s = dangjian::credits::Scheme::learning_platform();
/// assert_eq!(s.rule_sets.len(), 2);
/// assert!(s.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(rename = "SchemeDocument")
)]
#[serde(deny_unknown_fields)]
pub struct Scheme {
    /// Always [`SCHEME_VERSION`].
    pub schema_version: u32,
    /// A short name (`learning_platform`, `member_points`, a unit's own).
    pub name: String,
    /// The rule sets with their periods, citations and notes.
    pub rule_sets: Vec<Dated<RuleSet>>,
}

/// The rules of one period: the activities, a total daily cap and (for 党员积分制) the base score and floor.
///
/// ```
/// let set = &dangjian::credits::Scheme::member_points().rule_sets[0].value;
/// assert_eq!((set.base_score, set.floor), (60, Some(0)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    /// The activities that score in this period.
    pub activities: Vec<Activity>,
    /// A cap on one member's positive points per day across all activities that count toward it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_total_cap: Option<i64>,
    /// Added to a member's yearly points to give the year's score (党员积分制 base score; 0 for learning credits).
    #[serde(default)]
    pub base_score: i64,
    /// The lowest a year's score can go (党员积分制: 0); `None` for no floor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<i64>,
    /// What the n-th offence (anti-cheating) brings; offences beyond the ladder take its last step.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub penalty_ladder: Vec<PenaltyStep>,
}

/// One activity's scoring rule.
///
/// ```
/// let a: dangjian::credits::Activity = serde_json::from_str(r#"{"code":"article",
///   "unit":{"kind":"per_item","points":1},"caps":{"day":6},"dedup":"per_day"}"#).unwrap();
/// assert_eq!(a.caps.day, Some(6));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// The code events name (`article`, `reading_time`, `meeting_attendance`).
    pub code: String,
    /// A display name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name_zh: String,
    /// How raw points are computed.
    #[cfg_attr(feature = "wasm", tsify(type = "CreditUnit"))]
    pub unit: Unit,
    /// Items shorter than this score 0 (`TOO_SHORT`); the event must then give `duration_seconds`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_duration_seconds: Option<u32>,
    /// Caps on this activity's points per day, week, month and year.
    #[serde(default)]
    pub caps: Caps,
    /// At most this many events of the activity count per day (专项答题: one set a day); later ones `CAP_REACHED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_items_per_day: Option<u32>,
    /// Same content scoring once per day or once ever; the event must then give `content_id`.
    #[serde(default)]
    pub dedup: Dedup,
    /// Times of day (China time) with a multiplier or bonus.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub windows: Vec<TimeWindow>,
    /// ISO weekdays (1 = Monday … 7 = Sunday) the activity is available; empty for every day.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weekdays: Vec<u8>,
    /// Whether its points count toward [`RuleSet::daily_total_cap`].
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub counts_toward_daily_total: bool,
    /// The article behind this rule, when it differs from the rule set's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<Citation>,
    /// Why these numbers (UNCONFIRMED values say so).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn yes() -> bool {
    true
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_true(b: &bool) -> bool {
    *b
}

/// How an event's raw points are computed.
///
/// ```
/// use dangjian::credits::Unit;
/// let u: Unit = serde_json::from_str(r#"{"kind":"per_place","table":[3,2],"otherwise":1}"#).unwrap();
/// assert_eq!(u, Unit::PerPlace { table: vec![3, 2], otherwise: 1 });
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(rename = "CreditUnit"))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum), uniffi(name = "CreditUnit"))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Unit {
    /// `points` per event.
    PerItem {
        /// Points per item.
        points: i64,
    },
    /// `points` per full `minutes` of duration accumulated over the China-time day (the event's
    /// `duration_seconds` adds to the day's total; points are awarded as each boundary is crossed).
    PerMinutes {
        /// Minutes per step (at least 1).
        minutes: u32,
        /// Points per step.
        points: i64,
    },
    /// `points` per correct answer (`correct_answers`).
    PerCorrect {
        /// Points per correct answer.
        points: i64,
    },
    /// Points by place (`place`, 1-based): `table[0]` for first, and so on; `otherwise` below the table.
    PerPlace {
        /// Points for first, second, … place.
        table: Vec<i64>,
        /// Points for any lower place.
        #[serde(default)]
        otherwise: i64,
    },
    /// `points` per completed set; `full_points` when `correct_answers` reaches `set_size`.
    PerSet {
        /// Points for a completed set.
        points: i64,
        /// Points for a set answered in full.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        full_points: Option<i64>,
        /// Questions in a set (needed with `full_points`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        set_size: Option<u32>,
    },
    /// The event's own `points` (bonus and deduction items of 党员积分制), `default` when it gives none;
    /// values outside `[min, max]` are an input error. `min..=max` must not straddle 0: an item either adds or deducts.
    Declared {
        /// Lowest allowed.
        min: i64,
        /// Highest allowed.
        max: i64,
        /// Used when the event gives no points.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        default: Option<i64>,
    },
}

/// Caps on an activity's points (magnitude, for deductions) per China-time day, ISO week, month and year.
///
/// ```
/// let c = dangjian::credits::Caps { day: Some(6), ..Default::default() };
/// assert!(c.year.is_none());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Caps {
    /// Per day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<i64>,
    /// Per ISO week (Monday to Sunday).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub week: Option<i64>,
    /// Per calendar month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<i64>,
    /// Per calendar year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i64>,
}

/// Whether the same `content_id` may score again.
///
/// ```
/// assert_eq!(serde_json::to_string(&dangjian::credits::Dedup::PerDay).unwrap(), "\"per_day\"");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Dedup {
    /// Every event scores.
    #[default]
    None,
    /// A content scores once per China-time day.
    PerDay,
    /// A content scores once ever.
    Ever,
}

/// A time of day (China time, `start` included, `end` excluded, `"HH:MM"`) in which points are multiplied
/// and/or a bonus is added (2019 active periods 6:00–8:30, 12:00–14:00, 20:00–22:30).
///
/// ```
/// let w: dangjian::credits::TimeWindow = serde_json::from_str(r#"{"start":"06:00","end":"08:30","multiplier":2}"#).unwrap();
/// assert_eq!(w.start_minute().unwrap(), 360);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct TimeWindow {
    /// `"HH:MM"`, included.
    pub start: String,
    /// `"HH:MM"` (`"24:00"` allowed), excluded.
    pub end: String,
    /// Raw points are multiplied by this (default 1).
    #[serde(default = "one")]
    pub multiplier: i64,
    /// Then this is added (default 0).
    #[serde(default)]
    pub bonus: i64,
}

fn one() -> i64 {
    1
}

impl TimeWindow {
    /// The start as minutes after midnight.
    ///
    /// ```
    /// let w = dangjian::credits::TimeWindow { start: "20:00".into(), end: "22:30".into(), multiplier: 2, bonus: 0 };
    /// assert_eq!(w.start_minute().unwrap(), 1200);
    /// ```
    pub fn start_minute(&self) -> Result<u32> {
        hhmm(&self.start, "start")
    }

    /// The end as minutes after midnight.
    ///
    /// ```
    /// let w = dangjian::credits::TimeWindow { start: "20:00".into(), end: "24:00".into(), multiplier: 2, bonus: 0 };
    /// assert_eq!(w.end_minute().unwrap(), 1440);
    /// ```
    pub fn end_minute(&self) -> Result<u32> {
        hhmm(&self.end, "end")
    }
}

fn hhmm(s: &str, field: &str) -> Result<u32> {
    let bad = || {
        Error::policy(
            "INVALID_TIME_OF_DAY",
            field,
            format!("时刻须为 HH:MM：{s}"),
            format!("a time of day must be HH:MM: {s}"),
        )
    };
    let (h, m) = s.split_once(':').ok_or_else(bad)?;
    if h.len() != 2 || m.len() != 2 {
        return Err(bad());
    }
    let h: u32 = h.parse().map_err(|_| bad())?;
    let m: u32 = m.parse().map_err(|_| bad())?;
    if m >= 60 || h > 24 || (h == 24 && m != 0) {
        return Err(bad());
    }
    Ok(h.saturating_mul(60).saturating_add(m))
}

/// One step of the penalty ladder (anti-cheating, RULES §7).
///
/// ```
/// let s: dangjian::credits::PenaltyStep = serde_json::from_str(r#"{"kind":"suspend","days":7}"#).unwrap();
/// assert_eq!(s, dangjian::credits::PenaltyStep::Suspend { days: 7 });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum PenaltyStep {
    /// No points for `days` China-time days from the offence (the offence's day counts as the first).
    Suspend {
        /// Length of the suspension.
        days: u32,
    },
    /// Every point of the offence's China-time year is zeroed (before and after the offence).
    ZeroYear,
    /// No points from the offence on.
    Ban,
}

/// Points and caps are kept well inside `i32` so the compact ledger never overflows.
pub(crate) const MAX_POINTS: i64 = 1_000_000;

/// The most (in magnitude) one event may score before caps, time-of-day windows included, and the most
/// it may declare: the compact ledger keeps an entry's points in 32 bits (12 bytes an entry instead of
/// 24), and no real learning or member-points event comes near a billion points. Scheme numbers are
/// bounded by [`MAX_POINTS`] and windows multiply by at most 100, so only the units scaled by the
/// event's own counts (per correct answer, per minutes) can reach it; such events are refused
/// (`POINTS_OUT_OF_RANGE`) rather than stored wrapped.
pub(crate) const MAX_EVENT_POINTS: i64 = 1_000_000_000;

impl Scheme {
    /// Reads and validates a scheme document, naming the field at fault.
    ///
    /// ```
    /// use dangjian::credits::Scheme;
    /// let e = Scheme::from_json(r#"{"schema_version":1,"name":"x","rule_sets":[{"effective_from":"2026-01-01",
    ///   "citation":{"regulation":"本单位办法","article":""},"value":{"activities":[
    ///   {"code":"a","unit":{"kind":"per_minutes","minutes":0,"points":1}}]}}]}"#).unwrap_err();
    /// assert_eq!((e.code(), e.detail().field.as_str()), ("INVALID_UNIT", "rule_sets[0].value.activities[0].unit.minutes"));
    /// ```
    pub fn from_json(json: &str) -> Result<Self> {
        let s: Scheme = crate::error::from_json(json, "INVALID_SCHEME_JSON")?;
        s.validate()?;
        Ok(s)
    }

    /// Checks the document: version, periods, and every activity's numbers.
    ///
    /// ```
    /// let mut s = dangjian::credits::Scheme::member_points();
    /// s.schema_version = 9;
    /// assert_eq!(s.validate().unwrap_err().code(), "UNSUPPORTED_SCHEMA_VERSION");
    /// ```
    pub fn validate(&self) -> Result<()> {
        if self.schema_version == 0 || self.schema_version > SCHEME_VERSION {
            return Err(Error::policy(
                "UNSUPPORTED_SCHEMA_VERSION",
                "schema_version",
                format!("不支持的版本：{}", self.schema_version),
                format!("unsupported schema_version {}", self.schema_version),
            ));
        }
        check_timeline(&self.rule_sets, "rule_sets", check_rule_set)
    }
}

fn policy_err(code: &str, field: &str, zh: &str, en: &str) -> Error {
    Error::policy(code, field, zh, en)
}

fn check_points(p: i64, field: &str) -> Result<()> {
    if p.abs() > MAX_POINTS {
        return Err(policy_err(
            "POINTS_OUT_OF_RANGE",
            field,
            "分值超出范围（±1000000）",
            "points out of range (±1000000)",
        ));
    }
    Ok(())
}

fn check_cap(c: Option<i64>, field: &str) -> Result<()> {
    match c {
        Some(c) if !(0..=MAX_POINTS).contains(&c) => Err(policy_err(
            "INVALID_CAP",
            field,
            "上限须在 0 到 1000000 之间",
            "a cap must be between 0 and 1000000",
        )),
        _ => Ok(()),
    }
}

fn check_rule_set(set: &RuleSet) -> Result<()> {
    check_cap(set.daily_total_cap, "daily_total_cap")?;
    check_points(set.base_score, "base_score")?;
    if let Some(f) = set.floor {
        check_points(f, "floor")?;
    }
    if set.activities.len() > 1000 {
        return Err(policy_err(
            "TOO_MANY_ACTIVITIES",
            "activities",
            "活动不能超过 1000 项",
            "at most 1000 activities",
        ));
    }
    for (i, a) in set.activities.iter().enumerate() {
        let here = format!("activities[{i}]");
        if set.activities.iter().take(i).any(|b| b.code == a.code) {
            return Err(policy_err(
                "DUPLICATE_ACTIVITY",
                &format!("{here}.code"),
                "活动代码重复",
                "the activity code appears twice",
            ));
        }
        check_activity(a).map_err(|e| e.under(&here))?;
    }
    Ok(())
}

fn check_activity(a: &Activity) -> Result<()> {
    if a.code.is_empty() {
        return Err(policy_err(
            "EMPTY_ACTIVITY_CODE",
            "code",
            "活动代码为空",
            "the activity code is empty",
        ));
    }
    check_unit(&a.unit).map_err(|e| e.under("unit"))?;
    check_cap(a.caps.day, "caps.day")?;
    check_cap(a.caps.week, "caps.week")?;
    check_cap(a.caps.month, "caps.month")?;
    check_cap(a.caps.year, "caps.year")?;
    for (i, w) in a.windows.iter().enumerate() {
        let here = format!("windows[{i}]");
        let (s, e) = (
            w.start_minute().map_err(|e| e.under(&here))?,
            w.end_minute().map_err(|e| e.under(&here))?,
        );
        if s >= e {
            return Err(policy_err(
                "INVALID_WINDOW",
                &format!("{here}.end"),
                "时段结束须晚于开始",
                "a window must end after it starts",
            ));
        }
        if !(0..=100).contains(&w.multiplier) {
            return Err(policy_err(
                "INVALID_WINDOW",
                &format!("{here}.multiplier"),
                "倍数须在 0 到 100 之间",
                "the multiplier must be between 0 and 100",
            ));
        }
        check_points(w.bonus, &format!("{here}.bonus"))?;
    }
    if let Some(i) = a.weekdays.iter().position(|d| !(1..=7).contains(d)) {
        return Err(policy_err(
            "INVALID_WEEKDAY",
            &format!("weekdays[{i}]"),
            "星期须为 1（周一）到 7（周日）",
            "a weekday must be 1 (Monday) to 7 (Sunday)",
        ));
    }
    Ok(())
}

fn check_unit(u: &Unit) -> Result<()> {
    match u {
        Unit::PerItem { points } | Unit::PerCorrect { points } => check_points(*points, "points"),
        Unit::PerMinutes { minutes, points } => {
            if *minutes == 0 || *minutes > 1440 {
                return Err(policy_err(
                    "INVALID_UNIT",
                    "minutes",
                    "分钟数须在 1 到 1440 之间",
                    "minutes must be between 1 and 1440",
                ));
            }
            check_points(*points, "points")
        }
        Unit::PerPlace { table, otherwise } => {
            if table.len() > 100 {
                return Err(policy_err(
                    "INVALID_UNIT",
                    "table",
                    "名次表过长",
                    "the place table is too long",
                ));
            }
            for (i, p) in table.iter().enumerate() {
                check_points(*p, &format!("table[{i}]"))?;
            }
            check_points(*otherwise, "otherwise")
        }
        Unit::PerSet {
            points,
            full_points,
            set_size,
        } => {
            check_points(*points, "points")?;
            if let Some(f) = full_points {
                check_points(*f, "full_points")?;
                if set_size.is_none_or(|n| n == 0) {
                    return Err(policy_err(
                        "INVALID_UNIT",
                        "set_size",
                        "有满分奖励时须给出每组题数",
                        "set_size is needed with full_points",
                    ));
                }
            }
            Ok(())
        }
        Unit::Declared { min, max, default } => {
            check_points(*min, "min")?;
            check_points(*max, "max")?;
            if min > max || (*min < 0 && *max > 0) {
                return Err(policy_err(
                    "INVALID_UNIT",
                    "max",
                    "须 min ≤ max，且不能跨过 0（加分项与扣分项分开）",
                    "min must be <= max and not straddle 0 (bonus and deduction items are separate)",
                ));
            }
            match default {
                Some(d) if d < min || d > max => Err(policy_err(
                    "INVALID_UNIT",
                    "default",
                    "默认分值不在范围内",
                    "default is outside [min, max]",
                )),
                _ => Ok(()),
            }
        }
    }
}
