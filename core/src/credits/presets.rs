//! The shipped schemes (RULES §7). Every number the sources leave open is a documented parameter: the
//! rule's `note` says UNCONFIRMED and a unit overrides it with its own scheme JSON.
//!
//! - [`Scheme::learning_platform`]: the 学习强国-style daily rules — the January 2019 launch set (in force
//!   2019-01-01 to 2021-12-31) and the 2022–23 set (from 2022-01-01). Both switch dates are UNCONFIRMED.
//! - [`Scheme::member_points`]: a common 党员积分制 scheme — base 60, bonus and deduction items with per-year
//!   caps, floor 0, yearly reset. There is no national standard; every number is local practice.

use chrono::NaiveDate;

use super::rules::{
    Activity, Caps, Dedup, PenaltyStep, RuleSet, Scheme, TimeWindow, Unit, SCHEME_VERSION,
};
use crate::{Citation, Dated};

/// The effective-reading threshold of the 2022–23 set (seconds an article or video must be open to count):
/// not published, so a parameter (UNCONFIRMED default 30 s).
///
/// ```
/// assert_eq!(dangjian::credits::EFFECTIVE_READING_SECONDS, 30);
/// ```
pub const EFFECTIVE_READING_SECONDS: u32 = 30;

/// Days of suspension on a first offence in the shipped ladders (UNCONFIRMED default 7).
///
/// ```
/// assert_eq!(dangjian::credits::FIRST_OFFENCE_SUSPENSION_DAYS, 7);
/// ```
pub const FIRST_OFFENCE_SUSPENSION_DAYS: u32 = 7;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn act(code: &str, name: &str, unit: Unit, day_cap: i64) -> Activity {
    Activity {
        code: code.to_owned(),
        name_zh: name.to_owned(),
        unit,
        min_duration_seconds: None,
        caps: Caps {
            day: Some(day_cap),
            ..Caps::default()
        },
        max_items_per_day: None,
        dedup: Dedup::None,
        windows: Vec::new(),
        weekdays: Vec::new(),
        counts_toward_daily_total: true,
        citation: None,
        note: None,
    }
}

fn item(points: i64) -> Unit {
    Unit::PerItem { points }
}

fn minutes(minutes: u32, points: i64) -> Unit {
    Unit::PerMinutes { minutes, points }
}

fn noted(mut a: Activity, note: &str) -> Activity {
    a.note = Some(note.to_owned());
    a
}

fn ladder() -> Vec<PenaltyStep> {
    vec![
        PenaltyStep::Suspend {
            days: FIRST_OFFENCE_SUSPENSION_DAYS,
        },
        PenaltyStep::ZeroYear,
        PenaltyStep::Ban,
    ]
}

fn window(start: &str, end: &str) -> TimeWindow {
    TimeWindow {
        start: start.to_owned(),
        end: end.to_owned(),
        multiplier: 2,
        bonus: 0,
    }
}

/// The January 2019 launch rules.
fn launch_2019() -> RuleSet {
    let mut article = act("article", "阅读文章", item(1), 6);
    article.windows = vec![
        window("06:00", "08:30"),
        window("12:00", "14:00"),
        window("20:00", "22:30"),
    ];
    article.dedup = Dedup::PerDay;
    let article = noted(
        article,
        "2 per article in the active periods; same article once a day UNCONFIRMED",
    );
    let mut subscribe = act("subscribe", "订阅", item(1), 2);
    subscribe.dedup = Dedup::Ever;
    RuleSet {
        activities: vec![
            act("login", "登录", item(1), 1),
            article,
            act("reading_time", "文章学习时长", minutes(4, 1), 8),
            act("video_time", "视听学习时长", minutes(5, 1), 10),
            noted(subscribe, "a channel once ever UNCONFIRMED"),
            act("share", "分享", item(1), 3),
            act("comment", "发表观点", item(1), 5),
        ],
        daily_total_cap: None,
        base_score: 0,
        floor: None,
        penalty_ladder: ladder(),
    }
}

/// The 2022–23 rules.
fn rules_2022() -> RuleSet {
    let effective = |code: &str, name: &str| {
        let mut a = act(code, name, item(1), 6);
        a.min_duration_seconds = Some(EFFECTIVE_READING_SECONDS);
        a.dedup = Dedup::PerDay;
        noted(
            a,
            "effective threshold EFFECTIVE_READING_SECONDS (30 s) and once-a-day dedup UNCONFIRMED",
        )
    };
    let mut special = act(
        "special_quiz",
        "专项答题",
        Unit::PerSet {
            points: 5,
            full_points: Some(10),
            set_size: Some(10),
        },
        10,
    );
    special.max_items_per_day = Some(1);
    let special = noted(
        special,
        "5 per completed set, 10 when all 10 correct UNCONFIRMED; one set a day",
    );
    RuleSet {
        activities: vec![
            act("login", "登录", item(1), 1),
            effective("article", "我要选读文章"),
            act("reading_time", "文章学习时长", minutes(1, 1), 6),
            effective("video", "视听学习"),
            act("video_time", "视听学习时长", minutes(1, 1), 6),
            act("daily_quiz", "每日答题", Unit::PerCorrect { points: 1 }, 5),
            special,
            noted(
                act(
                    "challenge_quiz",
                    "挑战答题",
                    Unit::PerCorrect { points: 1 },
                    6,
                ),
                "1 per correct answer UNCONFIRMED",
            ),
            noted(
                act(
                    "four_player",
                    "四人赛",
                    Unit::PerPlace {
                        table: vec![3, 2],
                        otherwise: 1,
                    },
                    5,
                ),
                "first 3, second 2, others 1, day cap 5 UNCONFIRMED (RULES §7: at least 3)",
            ),
            noted(
                act(
                    "two_player",
                    "双人对战",
                    Unit::PerPlace {
                        table: vec![1],
                        otherwise: 0,
                    },
                    1,
                ),
                "1 for a win UNCONFIRMED",
            ),
            act("post_view", "发表观点", item(1), 1),
            act("local_channel", "本地频道", item(1), 1),
        ],
        daily_total_cap: None,
        base_score: 0,
        floor: None,
        penalty_ladder: ladder(),
    }
}

fn declared(code: &str, name: &str, min: i64, max: i64, default: i64, year_cap: i64) -> Activity {
    let mut a = act(
        code,
        name,
        Unit::Declared {
            min,
            max,
            default: Some(default),
        },
        0,
    );
    a.caps = Caps {
        year: Some(year_cap),
        ..Caps::default()
    };
    a
}

impl Scheme {
    /// The learning-platform scheme: the 2019 launch set and the 2022–23 set (RULES §7).
    ///
    /// ```
    /// let s = dangjian::credits::Scheme::learning_platform();
    /// assert_eq!(s.rule_sets[1].effective_from.to_string(), "2022-01-01");
    /// assert_eq!(s.rule_sets[1].value.activities.len(), 12);
    /// ```
    pub fn learning_platform() -> Self {
        let c = Citation::new("学习强国积分规则", "");
        Scheme {
            schema_version: SCHEME_VERSION,
            name: "learning_platform".to_owned(),
            rule_sets: vec![
                Dated::new(date(2019, 1, 1), Some(date(2021, 12, 31)), Citation::new("学习强国积分规则（2019年1月）", ""), launch_2019())
                    .with_note("launch rules; in force until the 2022 revision — end date UNCONFIRMED"),
                Dated::new(date(2022, 1, 1), None, c, rules_2022())
                    .with_note("2022–23 rules; start date UNCONFIRMED; no total daily cap beyond the per-activity caps"),
            ],
        }
    }

    /// A common 党员积分制管理 scheme: base 60, floor 0, yearly reset, per-year caps (no national standard).
    ///
    /// ```
    /// let s = dangjian::credits::Scheme::member_points();
    /// let meeting = &s.rule_sets[0].value.activities[0];
    /// assert_eq!((meeting.code.as_str(), meeting.caps.year), ("meeting_attendance", Some(12)));
    /// ```
    pub fn member_points() -> Self {
        let mut meeting = declared("meeting_attendance", "参加三会一课", 0, 2, 2, 12);
        meeting.dedup = Dedup::Ever;
        let mut dues = declared("dues_on_time", "按时交纳党费", 0, 1, 1, 12);
        dues.dedup = Dedup::Ever;
        Scheme {
            schema_version: SCHEME_VERSION,
            name: "member_points".to_owned(),
            rule_sets: vec![Dated::new(
                date(2000, 1, 1),
                None,
                Citation::new("党员积分制管理（地方实践）", ""),
                RuleSet {
                    activities: vec![
                        meeting,
                        dues,
                        declared("volunteer", "志愿服务", 0, 5, 2, 20),
                        declared("honour", "受到表彰", 0, 10, 5, 20),
                        declared("absence", "无故缺席组织生活", -5, 0, -2, 20),
                        declared("misconduct", "违规违纪扣分", -60, 0, -10, 60),
                    ],
                    daily_total_cap: None,
                    base_score: 60,
                    floor: Some(0),
                    penalty_ladder: Vec::new(),
                },
            )
            .with_note("UNCONFIRMED local practice: base 60 (70 and 100 also common), 2 per session at most 12 a year")],
        }
    }
}
