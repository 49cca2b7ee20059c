//! The statutory holidays of a provisional year: each holiday of 2027 on the day before, of and after; the
//! dated versions of the 办法; the lunar table's consistency; a 公示 across 2027-10-01.

use super::*;
use crate::{Calendar, DayKind};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The kind of each day from `from` for `n` days, on the built-in calendar (2027 and later not loaded).
fn kinds(from: NaiveDate, n: u64) -> Vec<DayKind> {
    let cal = Calendar::official();
    from.iter_days()
        .take(usize::try_from(n).unwrap())
        .map(|day| {
            let info = cal.day(day);
            assert_eq!(info.provisional, day.year() >= 2027, "{day}");
            info.kind
        })
        .collect()
}

use DayKind::{Holiday as H, Weekend as E, Workday as W};

#[test]
fn each_holiday_of_2027_the_day_before_of_and_after() {
    // 元旦: Thursday 2026-12-31 (official 2026: a working day), Friday 1 January (a weekday: no 补假), then the
    // weekend, and Monday 4th works.
    assert_eq!(kinds(d(2026, 12, 31), 5), [W, H, E, E, W]);
    // 春节 (初一 Saturday 6 February, from the table): Thursday 4th works, the eve Friday 5th and 初一–初三
    // (Sat 6th, Sun 7th, Mon 8th) are holidays; two of them fall on the weekend, so Tuesday 9th and Wednesday
    // 10th are their make-up days off (第六条); Thursday 11th works.
    assert_eq!(kinds(d(2027, 2, 4), 8), [W, H, H, H, H, H, H, W]);
    // 清明 Monday 5 April: Sunday 4th a rest day, Tuesday 6th works.
    assert_eq!(kinds(d(2027, 4, 4), 3), [E, H, W]);
    // 劳动节 1–2 May (since 2025) on Saturday and Sunday: Friday 30 April works, Monday 3rd and Tuesday 4th are
    // made up, Wednesday 5th works.
    assert_eq!(kinds(d(2027, 4, 30), 6), [W, H, H, H, H, W]);
    // 端午 Wednesday 9 June.
    assert_eq!(kinds(d(2027, 6, 8), 3), [W, H, W]);
    // 中秋 Wednesday 15 September.
    assert_eq!(kinds(d(2027, 9, 14), 3), [W, H, W]);
    // 国庆 1–3 October (Fri–Sun): Thursday 30 September works; Saturday 2nd and Sunday 3rd are made up on
    // Monday 4th and Tuesday 5th; Wednesday 6th works.
    assert_eq!(kinds(d(2027, 9, 30), 7), [W, H, H, H, H, H, W]);
}

#[test]
fn make_up_days_off_in_2028() {
    // 元旦 Saturday 2028-01-01 → Monday 3rd; 端午 Sunday 28 May → Monday 29th; 国庆 Sun 1 – Tue 3 October (中秋
    // on the 3rd, the same day) → Wednesday 4th; 春节 (eve Tuesday 25 January – 初三 Friday 28th), 清明 (Tuesday
    // 4 April) and 劳动节 (Monday–Tuesday) fall on weekdays: nothing to make up.
    assert_eq!(kinds(d(2028, 1, 1), 4), [H, E, H, W]);
    assert_eq!(kinds(d(2028, 5, 28), 3), [H, H, W]);
    assert_eq!(kinds(d(2028, 10, 1), 5), [H, H, H, H, W]);
    assert_eq!(
        make_up_days(2028, lunar(2028)),
        [d(2028, 1, 3), d(2028, 5, 29), d(2028, 10, 4)]
    );
}

/// A year, its 春节, 清明, 端午 and 中秋, and the make-up days off worked out by hand, as `(month, day)`.
type Given = (i32, [(u32, u32); 4], &'static [(u32, u32)]);

#[test]
fn the_make_up_days_agree_with_the_notices_2020_to_2026() {
    // The rule "the weekend days of a holiday are made up on the working days right after it", applied to the
    // statutory days of 2020–2026 (春节, 清明, 端午, 中秋 of those years as given), must give only days the
    // State Council's notice gave off; and it gives, by hand: 2020 01-28 01-29 04-06 10-05; 2021 02-15 02-16
    // 04-05 05-03 10-04 10-05; 2022 01-03 05-02 09-12 10-04 10-05; 2023 01-02 01-25 10-04; 2024 02-13 02-14;
    // 2025 06-02; 2026 04-06 05-04 10-05.
    let years: [Given; 7] = [
        (
            2020,
            [(1, 25), (4, 4), (6, 25), (10, 1)],
            &[(1, 28), (1, 29), (4, 6), (10, 5)],
        ),
        (
            2021,
            [(2, 12), (4, 4), (6, 14), (9, 21)],
            &[(2, 15), (2, 16), (4, 5), (5, 3), (10, 4), (10, 5)],
        ),
        (
            2022,
            [(2, 1), (4, 5), (6, 3), (9, 10)],
            &[(1, 3), (5, 2), (9, 12), (10, 4), (10, 5)],
        ),
        (
            2023,
            [(1, 22), (4, 5), (6, 22), (9, 29)],
            &[(1, 2), (1, 25), (10, 4)],
        ),
        (
            2024,
            [(2, 10), (4, 4), (6, 10), (9, 17)],
            &[(2, 13), (2, 14)],
        ),
        (2025, [(1, 29), (4, 4), (5, 31), (10, 6)], &[(6, 2)]),
        (
            2026,
            [(2, 17), (4, 5), (6, 19), (9, 25)],
            &[(4, 6), (5, 4), (10, 5)],
        ),
    ];
    let cal = Calendar::official();
    for (year, festivals, want) in years {
        let given = make_up_days(year, Some(festivals.map(|(m, day)| d(year, m, day))));
        let want: Vec<NaiveDate> = want.iter().map(|(m, day)| d(year, *m, *day)).collect();
        assert_eq!(given, want, "{year}");
        for day in given {
            let info = cal.day(day);
            assert!(
                !info.provisional && info.kind == H,
                "{day}: {:?}",
                info.kind
            );
        }
    }
}

#[test]
fn a_notice_across_national_day_2027_counts_the_holidays() {
    // Opening Monday 2027-09-27, five working days: 27, 28, 29, 30 September are four; 1–3 October are
    // holidays (Fri–Sun), Monday 4th and Tuesday 5th their make-up days off (第六条); Wednesday 6 October is
    // the fifth. Weekends only would have closed on Friday 1 October, the holidays alone on Monday 4th.
    let cal = Calendar::official();
    let close = cal.add_working_days(d(2027, 9, 27), 4).unwrap();
    assert_eq!(close.value, d(2027, 10, 6));
    assert_eq!(close.findings[0].code, "PROVISIONAL_CALENDAR");
    assert!(close.findings[0]
        .message_en
        .contains("make-up working days (调休) not yet published"));
    assert_eq!(close.findings[0].also_cited[0].article, "第六条");
    let count = |to| cal.count_working_days(d(2027, 9, 27), to).unwrap().value;
    assert_eq!(count(d(2027, 10, 1)), 4);
    assert_eq!(count(d(2027, 10, 5)), 4);
    assert_eq!(count(d(2027, 10, 6)), 5);
}

#[test]
fn loading_the_official_year_replaces_the_provisional_one() {
    // A notice as the State Council might publish it: 1–7 October off, Sunday 26 September and Saturday
    // 9 October worked. Then 4 October is a holiday by the notice, and nothing is provisional.
    let mut cal = Calendar::official();
    cal.load_year_json(
        r#"{"schema_version":1,"year":2027,"off":["2027-10-01","2027-10-02","2027-10-03","2027-10-04","2027-10-05","2027-10-06","2027-10-07"],"working":["2027-09-26","2027-10-09"]}"#,
    )
    .unwrap();
    let info = cal.day(d(2027, 10, 4));
    assert_eq!((info.kind, info.provisional), (H, false));
    // The notice is the whole truth for its year: a statutory day it does not list is not added.
    assert_eq!(cal.day(d(2027, 1, 1)).kind, W);
    let a = cal.add_working_days(d(2027, 9, 27), 4).unwrap();
    assert_eq!((a.value, a.findings.len()), (d(2027, 10, 8), 0));
}

#[test]
fn the_dated_versions_of_the_law() {
    let cal = Calendar::weekends_only();
    let kind = |y, m, day| cal.day(d(y, m, day)).kind;
    // 劳动节: 1–3 May under the 1999 decree, 1 May from 2008, 1–2 May from 2025.
    assert_eq!(
        [kind(2007, 5, 2), kind(2007, 5, 3), kind(2007, 5, 4)],
        [H, H, W]
    );
    assert_eq!([kind(2008, 5, 1), kind(2008, 5, 2)], [H, W]);
    assert_eq!([kind(2024, 5, 1), kind(2024, 5, 2)], [H, W]);
    assert_eq!(
        [kind(2025, 5, 1), kind(2025, 5, 2), kind(2025, 5, 5)],
        [H, H, W]
    );
    // Before the 1999 decree's first whole year nothing statutory is applied: 1 January 1999 was a Friday.
    // 1 January 2000 was a Saturday: made up on Monday 3rd (第六条), Tuesday 4th works.
    assert_eq!(kind(1999, 1, 1), W);
    assert_eq!([kind(2000, 1, 3), kind(2000, 1, 4)], [H, W]);
}

#[test]
fn the_spring_festival_by_version() {
    // 2019 had 春节 on Tuesday 5 February, 清明 5 April, 端午 7 June, 中秋 13 September (given, not bundled).
    let l = Some([d(2019, 2, 5), d(2019, 4, 5), d(2019, 6, 7), d(2019, 9, 13)]);
    let days = |y: i32| {
        let shift = |m, day| d(y, m, day);
        (3..=9)
            .map(|day| holiday_with(shift(2, day), l.map(|a| a.map(|x| x.with_year(y).unwrap()))))
            .collect::<Vec<_>>()
    };
    // 2014–2024: 初一–初三 (5–7), no eve.
    assert_eq!(days(2019), [false, false, true, true, true, false, false]);
    // 2008–2013: the eve and 初一, 初二 (4–6).
    assert_eq!(days(2012), [false, true, true, true, false, false, false]);
    // From 2025: the eve and 初一–初三 (4–7).
    assert_eq!(days(2028), [false, true, true, true, true, false, false]);
    // 2000–2007: 初一–初三, and no 清明/端午/中秋 yet.
    assert_eq!(days(2005), [false, false, true, true, true, false, false]);
    assert!(!holiday_with(
        d(2005, 4, 5),
        l.map(|a| a.map(|x| x.with_year(2005).unwrap()))
    ));
    assert!(holiday_with(
        d(2008, 4, 5),
        l.map(|a| a.map(|x| x.with_year(2008).unwrap()))
    ));
    // Unknown lunar dates: only the fixed-date holidays.
    assert!(!holiday_with(d(2019, 2, 5), None) && holiday_with(d(2019, 10, 2), None));
}

#[test]
fn the_lunar_table_is_plausible_and_complete() {
    // 春节 between 21 January and 20 February, 清明 on 4 or 5 April, 端午 in late May or June, 中秋 between
    // 7 September and 8 October; the years 2027–2035 in order.
    for (i, (year, _)) in LUNAR_DATES.iter().enumerate() {
        assert_eq!(*year, 2027 + i32::try_from(i).unwrap());
        let [spring, qingming, duanwu, zhongqiu] = lunar(*year).unwrap();
        assert!(
            d(*year, 1, 21) <= spring && spring <= d(*year, 2, 20),
            "{spring}"
        );
        assert!(
            qingming == d(*year, 4, 4) || qingming == d(*year, 4, 5),
            "{qingming}"
        );
        assert!(
            d(*year, 5, 28) <= duanwu && duanwu <= d(*year, 6, 25),
            "{duanwu}"
        );
        assert!(
            d(*year, 9, 7) <= zhongqiu && zhongqiu <= d(*year, 10, 8),
            "{zhongqiu}"
        );
        // 端午 is 4 lunar months and 4 days after 初一: 122 to 152 days (with or without a leap month).
        let gap = (duanwu - spring).num_days();
        assert!((120..=152).contains(&gap), "{year}: {gap}");
    }
    assert!(lunar_known(2035) && !lunar_known(2036) && !lunar_known(2026));
}

#[test]
fn a_provisional_year_outside_the_table_says_its_lunar_holidays_are_missing() {
    let cal = Calendar::official();
    let a = cal.is_working_day(d(2036, 1, 28)).value;
    assert!(a, "a Monday, 春节 2036 is not bundled");
    let f = &cal.is_working_day(d(2036, 1, 28)).findings[0];
    assert!(
        f.message_en.contains("not bundled") && f.message_zh.contains("2036"),
        "{}",
        f.message_en
    );
    let g = &cal.is_working_day(d(2027, 1, 4)).findings[0];
    assert!(!g.message_en.contains("not bundled"));
    assert_eq!(g.citation.as_ref().unwrap().article, "第二条");
}
