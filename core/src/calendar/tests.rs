use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn built_in_data_parses_whole_and_is_consistent() {
    for (year, off, working, _) in official::OFFICIAL_YEARS {
        assert_eq!(
            month_days(year, off).len(),
            off.split_whitespace().count(),
            "{year} off"
        );
        assert_eq!(
            month_days(year, working).len(),
            working.split_whitespace().count(),
            "{year} working"
        );
        let doc = CalendarYear {
            schema_version: 1,
            year,
            off: month_days(year, off).into_iter().collect(),
            working: month_days(year, working).into_iter().collect(),
            source: String::new(),
        };
        // Every built-in year passes the same validation a loaded year does.
        Calendar::weekends_only().add_year(doc).unwrap();
    }
}

#[test]
fn spring_festival_2026_edges() {
    let cal = Calendar::official();
    assert!(cal.is_working_day(d(2026, 2, 13)).value); // Friday before
    assert_eq!(cal.day(d(2026, 2, 14)).kind, DayKind::MakeUpWorkday);
    assert_eq!(cal.day(d(2026, 2, 15)).kind, DayKind::Holiday);
    assert_eq!(cal.day(d(2026, 2, 23)).kind, DayKind::Holiday); // Monday, last day off
    assert_eq!(cal.day(d(2026, 2, 24)).kind, DayKind::Workday);
    assert_eq!(cal.day(d(2026, 2, 28)).kind, DayKind::MakeUpWorkday);
    assert_eq!(cal.day(d(2026, 3, 1)).kind, DayKind::Weekend);
}

#[test]
fn national_day_2025_and_make_up_saturday() {
    let cal = Calendar::official();
    assert!(!cal.is_working_day(d(2025, 10, 8)).value);
    assert!(cal.is_working_day(d(2025, 10, 9)).value);
    assert!(cal.is_working_day(d(2025, 10, 11)).value); // Saturday worked
    assert!(!cal.is_working_day(d(2025, 10, 12)).value); // Sunday
}

#[test]
fn five_working_day_window_across_spring_festival() {
    let cal = Calendar::official();
    // Window opens Thursday 12 Feb 2026: 12, 13, 14 (make-up), 24, 25 → closes Wednesday 25 Feb.
    assert_eq!(
        cal.add_working_days(d(2026, 2, 12), 4).unwrap().value,
        d(2026, 2, 25)
    );
    assert_eq!(
        cal.count_working_days(d(2026, 2, 12), d(2026, 2, 24))
            .unwrap()
            .value,
        4
    );
    assert_eq!(
        cal.count_working_days(d(2026, 2, 12), d(2026, 2, 25))
            .unwrap()
            .value,
        5
    );
    // The same window with weekends only would close on Wednesday 18 Feb.
    let plain = Calendar::weekends_only();
    let a = plain.add_working_days(d(2026, 2, 12), 4).unwrap();
    assert_eq!(a.value, d(2026, 2, 18));
    assert_eq!(a.findings[0].code, "PROVISIONAL_CALENDAR");
}

#[test]
fn zero_and_reversed_spans() {
    let cal = Calendar::official();
    assert_eq!(
        cal.add_working_days(d(2026, 10, 1), 0).unwrap().value,
        d(2026, 10, 1)
    );
    assert_eq!(
        cal.count_working_days(d(2026, 3, 2), d(2026, 3, 1))
            .unwrap()
            .value,
        0
    );
    assert_eq!(
        cal.count_working_days(d(2026, 3, 2), d(2026, 3, 2))
            .unwrap()
            .value,
        1
    );
}

#[test]
fn provisional_year_is_flagged_only_when_used() {
    let cal = Calendar::official();
    assert!(cal.is_working_day(d(2026, 12, 31)).findings.is_empty());
    let a = cal.add_working_days(d(2026, 12, 31), 1).unwrap();
    // Provisional: no notice for 2027 yet; Friday 1 January is 元旦 by law, then the weekend.
    assert_eq!(a.value, d(2027, 1, 4));
    assert_eq!(a.findings.len(), 1);
    assert!(a.findings[0].message_en.contains("2027"));
}

#[test]
fn loading_2027_removes_the_provisional_finding() {
    let mut cal = Calendar::official();
    cal.load_year_json(r#"{"schema_version":1,"year":2027,"off":["2027-01-01","2027-01-02","2027-01-03"],"working":[],"source":"test"}"#)
        .unwrap();
    let a = cal.add_working_days(d(2026, 12, 31), 1).unwrap();
    assert_eq!(a.value, d(2027, 1, 4));
    assert!(a.findings.is_empty());
}

#[test]
fn bad_year_documents_are_rejected_with_their_field() {
    let mut cal = Calendar::official();
    let cases = [
        (
            r#"{"schema_version":1,"year":2027,"off":["2027-01-01"],"working":["2027-01-01"]}"#,
            "CONFLICTING_DATES",
            "working[0]",
        ),
        (
            r#"{"schema_version":1,"year":2027,"off":["2027-01-01","2028-01-01"],"working":[]}"#,
            "DATE_OUTSIDE_YEAR",
            "off[1]",
        ),
        (
            r#"{"schema_version":2,"year":2027,"off":[],"working":[]}"#,
            "UNSUPPORTED_SCHEMA_VERSION",
            "schema_version",
        ),
        (
            r#"{"schema_version":1,"year":2026,"off":[],"working":[]}"#,
            "YEAR_ALREADY_LOADED",
            "year",
        ),
        (
            r#"{"schema_version":1,"year":2027,"off":["2027-02-30"],"working":[]}"#,
            "INVALID_CALENDAR_JSON",
            "off[0]",
        ),
        (
            r#"{"schema_version":1,"year":2027,"of":[],"working":[]}"#,
            "INVALID_CALENDAR_JSON",
            "of",
        ),
    ];
    for (json, code, field) in cases {
        let e = cal.load_year_json(json).unwrap_err();
        assert_eq!(
            (e.code(), e.detail().field.as_str()),
            (code, field),
            "{json}"
        );
        assert_eq!(e.kind(), "calendar");
    }
    assert!(!cal.has_official_year(2027));
}

#[test]
fn reloading_identical_days_is_accepted() {
    let mut cal = Calendar::official();
    let (year, off, working, _) = official::OFFICIAL_YEARS[6];
    let doc = CalendarYear {
        schema_version: 1,
        year,
        off: month_days(year, off).into_iter().collect(),
        working: month_days(year, working).into_iter().collect(),
        source: "again".into(),
    };
    cal.add_year(doc).unwrap();
}

#[test]
fn runaway_spans_are_errors_not_hangs() {
    let cal = Calendar::official();
    assert_eq!(
        cal.add_working_days(d(2026, 1, 1), u32::MAX)
            .unwrap_err()
            .code(),
        "SPAN_TOO_LONG"
    );
    assert_eq!(
        cal.count_working_days(d(1900, 1, 1), d(2100, 1, 1))
            .unwrap_err()
            .code(),
        "SPAN_TOO_LONG"
    );
}

#[test]
fn year_totals_match_the_notices() {
    // 2026 by hand from the notice: 365 days, 104 of them Saturdays or Sundays. Weekday holidays (19):
    // Jan 1–2; Feb 16–20, 23; Apr 6; May 1, 4, 5; Jun 19; Sep 25; Oct 1, 2, 5, 6, 7.
    // Make-up weekend working days: 6. Working days = 365 − 104 − 19 + 6 = 248.
    let cal = Calendar::official();
    assert_eq!(
        cal.count_working_days(d(2026, 1, 1), d(2026, 12, 31))
            .unwrap()
            .value,
        248
    );
}
