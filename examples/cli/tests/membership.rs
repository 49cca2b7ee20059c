//! `dangjian member check` run as a user runs it, on the example data in `examples/data/` (`org check`:
//! `organizations.rs`).
//!
//! **The branch.** `members.json` holds 12 records of branch B01 (the branch has more members than these;
//! the vote counts are the branch's) and three of its meetings, checked on Friday 2026-11-20. Each step is
//! judged by the rules in force on its own day: the 2014 细则 before 2026-05-18, its revision from then
//! (RULES §2); working days from the State Council's notices (RULES §8). Worked out by hand:
//! - M01 王建国, imported as a full member from 2012-07-01: full since 2012-07-01, 党龄 14 (the 14th
//!   anniversary was 2026-07-01). 身份证号 110105197503141230: the birth date 19750314 matches; the weighted sum
//!   of the first 17 digits (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) is 188, 188 mod 11 = 1 → check
//!   character `0`, as written.
//! - M02 李红梅, full from 2015-07-01: 党龄 11. M03 张伟, full from 2019-11-21: 党龄 6 on 2026-11-20, the day
//!   before the 7th anniversary, 7 from 2026-11-21. M01–M03 are the sponsors and contacts of the others.
//! - M04 赵磊, application 2026-09-01 and no talk: the talk is due within 1 month (细则 第七条), by
//!   2026-10-01 → `TALK_OVERDUE` (violation). Applicant since 2026-09-01.
//! - M05 孙悦: application 2025-10-15, talk 2025-11-05 (due by 2025-11-15), activist 2025-12-01 (put forward by
//!   party members, filed 2025-12-10), contact M03, half-year review 2026-05-29 (due by 2026-06-01; the next by
//!   2026-11-29). Activist since 2025-12-01; at least one year as an activist (第十三条) → the next step
//!   `BECOME_DEVELOPMENT_TARGET`, earliest 2026-12-01.
//! - M06 陈晓, the whole pipeline 2024→2026: application 2024-03-04, talk 2024-03-20 (by 2024-04-04),
//!   activist 2024-04-15, contacts M01 M02, development target 2025-05-06 (earliest 2025-04-15), sponsors M01
//!   M02 (full members), political review 2025-06-20, training 3 days / 24 class hours to 2025-07-04,
//!   committee review 2025-07-07, notice Tue 2025-07-08 – Mon 2025-07-14 = Tue Wed Thu Fri + Mon = 5 working
//!   days (no July holiday in 2025), exactly the minimum; pre-review 2025-07-21; reviews every half year up
//!   to the vote (2024-10-11, 2025-04-11, 2025-10-10: each within 6 months of the one before, 细则 第十二条);
//!   branch vote 2025-12-09: 20 entitled, 16 present
//!   (> 10, quorum), 14 yes (> 10, half of those entitled), 14 + 1 no + 1 abstention = 16 present; interview
//!   2025-12-23; approval 2026-01-13 (within 3 months: by 2026-03-09); oath 2026-01-20. Probation counts from
//!   the vote (党章 第七条): probationary since 2025-12-09 on 2026-11-20, probation complete 2026-12-09
//!   (`probation_ends`), so no 党龄 yet; the next step is the conversion.
//! - M07 刘洋, the same pipeline 2022→2025: activist 2022-10-17, reviews 2023-04-14, 2023-10-13 and
//!   2024-04-10, target 2023-11-06, sponsors M01 M03, notice Tue 2024-05-14 – Mon 2024-05-20 = 5 working days (the May Day
//!   holiday ended 05-05), vote 2024-06-18 (18 entitled, 15 present, 13 yes), approval 2024-07-16, conversion
//!   meeting 2025-06-24. Full membership dates from the end of probation, 2025-06-18: probationary on
//!   2025-06-23 (the day before the conversion meeting), full since 2025-06-18 from 2025-06-24; 党龄 1 on
//!   2026-11-20.
//! - M08 周敏, development target 2025-09-15 (activist 2024-09-02, reviews 2025-02-24, 2025-08-22 and
//!   2026-02-09); notice Thu 2026-02-12 – Tue 2026-02-24 across the Spring Festival: Thu 12, Fri 13, Sat 14 (a
//!   make-up working day), 15–23 off, Tue 24 = 4 working days < 5; the branch still voted on 2026-03-10 (20
//!   entitled, 17 present, 16 yes) → `NOTICE_WINDOW_TOO_SHORT` (the 5th working day would have been Wed
//!   2026-02-25). Approved 2026-04-14, so probationary since the vote, 2026-03-10.
//! - M09 吴静 (reviews up to the vote: 2023-09-11, 2024-03-08, 2024-09-06, 2025-03-04): vote 2025-03-11 (19 entitled, 17 present, 15 yes), approval 2025-07-15 with no reason: more
//!   than 3 months after the vote (2025-06-11), within 6 (2025-09-11) → `APPROVAL_LATE_NO_REASON`. Still
//!   admitted from the vote: conversion meeting 2026-03-17 → full since 2026-03-11, 党龄 0 on 2026-11-20.
//! - M10 郑强, full from 2010-07-01, lost contact 2025-01-06, suspended 2025-08-15 (6 months after losing
//!   contact: 2025-07-06): suspended since 2025-08-15.
//! - M11 冯丽, imported as probationary (admitted by the vote of 2026-06-16): probationary since 2026-06-16.
//! - M12 何平, application 2026-10-26, talk 2026-11-09 (by 2026-11-26): applicant since 2026-10-26.
//!
//! So the violations are M04's, M08's and M09's, one each, and the exit status is 1.
//!
//! **Bad records.** `members-bad.json` is an array of 8 records (N counts from 1): 1 X01 good (full since
//! 2016-07-01); 2 X02 an event of kind `joined` → `INVALID_RECORD_JSON` at `events[1].kind`; 3 X03 a vote with
//! 7 yes of 6 present → `VOTE_COUNT_EXCEEDS_PRESENT` at `events[3].vote…`; 4 X04 a talk (2026-02-20) before
//! the application (2026-03-02) → `EVENT_OUT_OF_ORDER` at `events[1]…`; 5 X05 身份证号 110105199806122045:
//! the weighted sum is 228, 228 mod 11 = 8 → check character `4`, not `5` → `INVALID_ID_NUMBER` at
//! `id_number`; 6 X06 2026-02-30 → `INVALID_RECORD_JSON` at `events[0].date`; 7 X07 good (applicant since
//! 2026-11-02); 8 X01 again → `DUPLICATE_MEMBER` at `id`.
// A test that cannot run its binary or read its data should fail loudly, helpers included; as in cli.rs.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Output;

use common::{blocks, data_arg as data, run, stderr, stdout};
use serde_json::Value;

const ON: &str = "2026-11-20";

fn tmp(name: &str) -> PathBuf {
    common::tmp_in("membership", name)
}

fn member_check(file: &str, extra: &[&str]) -> Output {
    let file = data(file);
    // English labels: the tests read the table's words (Chinese is the default; tests/help.rs has it).
    let mut args = vec!["member", "check", &file, "--on", ON, "--lang", "en"];
    args.extend_from_slice(extra);
    run(&args)
}

/// The `--format json` answer's reports by member id.
fn reports(o: &Output) -> BTreeMap<String, Value> {
    let v: Value = serde_json::from_str(&stdout(o)).expect("JSON on stdout");
    v["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .map(|r| (r["member_id"].as_str().unwrap().to_owned(), r.clone()))
        .collect()
}

/// `(stage, since)` of a report.
fn stage(r: &Value) -> (String, String) {
    (
        r["stage"].as_str().unwrap().to_owned(),
        r["since"].as_str().unwrap_or("").to_owned(),
    )
}

fn history(r: &Value) -> Vec<(String, String)> {
    r["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["stage"].as_str().unwrap().to_owned(),
                s["since"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

fn codes(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn every_member_stands_where_the_events_put_them() {
    let out = member_check("members.json", &["--format", "json"]);
    let r = reports(&out);
    let expected = [
        ("M01", "full", "2012-07-01"),
        ("M02", "full", "2015-07-01"),
        ("M03", "full", "2019-11-21"),
        ("M04", "applicant", "2026-09-01"),
        ("M05", "activist", "2025-12-01"),
        ("M06", "probationary", "2025-12-09"),
        ("M07", "full", "2025-06-18"),
        ("M08", "probationary", "2026-03-10"),
        ("M09", "full", "2026-03-11"),
        ("M10", "suspended", "2025-08-15"),
        ("M11", "probationary", "2026-06-16"),
        ("M12", "applicant", "2026-10-26"),
    ];
    assert_eq!(r.len(), expected.len());
    for (id, s, since) in expected {
        assert_eq!(stage(&r[id]), (s.to_owned(), since.to_owned()), "{id}");
    }
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["errors"], serde_json::json!([]));
}

#[test]
fn the_pipelines_history_step_by_step() {
    let r = reports(&member_check("members.json", &["--format", "json"]));
    assert_eq!(
        history(&r["M06"]),
        pairs(&[
            ("applicant", "2024-03-04"),
            ("activist", "2024-04-15"),
            ("development_target", "2025-05-06"),
            ("probationary", "2025-12-09"),
        ])
    );
    assert_eq!(
        history(&r["M07"]),
        pairs(&[
            ("applicant", "2022-09-05"),
            ("activist", "2022-10-17"),
            ("development_target", "2023-11-06"),
            ("probationary", "2024-06-18"),
            ("full", "2025-06-18"),
        ])
    );
    // A late approval still admits from the day of the vote.
    assert_eq!(
        history(&r["M09"])[3..],
        pairs(&[("probationary", "2025-03-11"), ("full", "2026-03-11")])
    );
    assert_eq!(
        history(&r["M10"]),
        pairs(&[("full", "2010-07-01"), ("suspended", "2025-08-15")])
    );
}

#[test]
fn full_membership_dates_from_the_end_of_probation_once_the_conversion_is_held() {
    let on = |day: &str| {
        let file = data("members.json");
        reports(&run(&[
            "member", "check", &file, "--on", day, "--format", "json",
        ]))
    };
    // M07: probation 2024-06-18 → 2025-06-18; the conversion meeting on 2025-06-24.
    assert_eq!(
        stage(&on("2025-06-23")["M07"]),
        ("probationary".to_owned(), "2024-06-18".to_owned())
    );
    assert_eq!(
        stage(&on("2025-06-24")["M07"]),
        ("full".to_owned(), "2025-06-18".to_owned())
    );
    // Before any of M12's events: no stage, no since.
    let before = on("2026-10-25");
    assert_eq!(before["M12"]["stage"], "none");
    assert!(before["M12"].get("since").is_none());
}

#[test]
fn the_table_has_a_block_per_member() {
    let out = member_check("members.json", &[]);
    let b = blocks(&out);
    assert_eq!(
        b.keys().collect::<Vec<_>>(),
        ["M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09", "M10", "M11", "M12"]
    );
    // The party age follows in brackets once the rules fill it in; the start does not change.
    for (id, start) in [
        ("M01", "M01 王建国: full since 2012-07-01"),
        ("M04", "M04 赵磊: applicant since 2026-09-01"),
        ("M06", "M06 陈晓: probationary since 2025-12-09"),
        ("M08", "M08 周敏: probationary since 2026-03-10"),
        ("M10", "M10 郑强: suspended since 2025-08-15"),
    ] {
        assert!(b[id].0.starts_with(start), "{}", b[id].0);
    }
    assert!(
        stderr(&out).contains("2026-11-20: 12 records checked, "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn one_record_alone_is_checked_and_clean_means_exit_0() {
    let file = tmp("one-member.json");
    std::fs::write(
        &file,
        r#"{"id":"M01","name":"王建国","birth_date":"1975-03-14","org":"B01","id_number":"110105197503141230",
            "events":[{"kind":"imported","date":"2012-07-01","stage":"full"}]}"#,
    )
    .unwrap();
    // The table's words are Chinese by default, the stage code kept beside its name; `--lang en` English.
    let out = run(&["member", "check", file.to_str().unwrap(), "--on", ON]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "M01 王建国：正式党员（full），2012年7月1日 起（党龄 14 年）\n"
    );
    let en = run(&[
        "member",
        "check",
        file.to_str().unwrap(),
        "--on",
        ON,
        "--lang",
        "en",
    ]);
    assert_eq!(
        stdout(&en),
        "M01 王建国: full since 2012-07-01 (党龄 14年)\n"
    );
    assert_eq!(
        stderr(&out),
        "2026年11月20日：检查 1 条记录，0 条有违规，0 条被拒\n"
    );
    assert!(stderr(&en).contains("1 record checked, 0 with violations, 0 rejected"));
}

#[test]
fn bad_records_are_reported_with_their_field_and_the_good_ones_still_checked() {
    let out = member_check("members-bad.json", &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for line in [
        "error: record 2 (X02): INVALID_RECORD_JSON at events[1].kind: ",
        "error: record 6 (X06): INVALID_RECORD_JSON at events[0].date: ",
        "error: record 8 (X01): DUPLICATE_MEMBER at id: ",
    ] {
        assert!(err.contains(line), "{line}\n{err}");
    }
    let b = blocks(&out);
    assert!(b["X01"].0.starts_with("X01 钱进: full since 2016-07-01"));
    assert!(b["X07"]
        .0
        .starts_with("X07 魏然: applicant since 2026-11-02"));
    assert!(!b.contains_key("X02") && !b.contains_key("X06"));

    // The same errors in the JSON, positions counted from 0.
    let json = member_check("members-bad.json", &["--format", "json"]);
    assert_eq!(json.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&json)).unwrap();
    let errors: Vec<(u64, String, String)> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["index"].as_u64().unwrap(),
                e["code"].as_str().unwrap().to_owned(),
                e["field"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    for e in [
        (1, "INVALID_RECORD_JSON", "events[1].kind"),
        (5, "INVALID_RECORD_JSON", "events[0].date"),
        (7, "DUPLICATE_MEMBER", "id"),
    ] {
        assert!(
            errors.contains(&(e.0, e.1.to_owned(), e.2.to_owned())),
            "{e:?} in {errors:?}"
        );
    }
}

#[test]
fn usage_errors_and_unusable_files_exit_2() {
    let members = data("members.json");
    let no_on = run(&["member", "check", &members]);
    assert_eq!(no_on.status.code(), Some(2));
    assert!(stderr(&no_on).contains("`member check` needs --on YYYY-MM-DD"));
    assert!(stdout(&no_on).is_empty());

    let bad_format = run(&["member", "check", &members, "--on", ON, "--format", "csv"]);
    assert_eq!(bad_format.status.code(), Some(2));
    assert!(stderr(&bad_format).contains("expected table, json or jsonl"));

    let missing = run(&["member", "check", "no-such-file.json", "--on", ON]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no-such-file.json：无法读取："));

    let not_json = tmp("not-json.json");
    std::fs::write(&not_json, "id,name\nM01,王建国\n").unwrap();
    let out = run(&["member", "check", not_json.to_str().unwrap(), "--on", ON]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("INVALID_RECORD_JSON"),
        "{}",
        stderr(&out)
    );

    let bad_policy = tmp("bad-policy.json");
    std::fs::write(
        &bad_policy,
        r#"{"schema_version":1,"membership":{"development":3}}"#,
    )
    .unwrap();
    let out = run(&[
        "member",
        "check",
        &members,
        "--on",
        ON,
        "--policy",
        bad_policy.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("policy "), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
}

/// A local rule: a public notice of 4 working days is enough from 2026 (fictional, for the test).
/// The policy in a file of the calling test's own (`name`): two tests writing one file at once race, and
/// the loser reads it half-written.
fn four_day_notice_policy(name: &str) -> PathBuf {
    let file = tmp(&format!("four-day-notice-{name}.json"));
    std::fs::write(
        &file,
        r#"{"schema_version":1,"disclosure":{"time_limits":[{"effective_from":"2026-01-01",
            "citation":{"regulation":"【示例·虚构】某地党务公开实施办法","article":"第九条"},
            "value":{"review_working_days":3,"review_extended_working_days":10,"notice_min_working_days":4}}]}}"#,
    )
    .unwrap();
    file
}

#[test]
fn a_policy_override_is_read_and_laid_over_the_bundled_rules() {
    let policy = four_day_notice_policy("override");
    let out = member_check("members.json", &["--policy", policy.to_str().unwrap()]);
    assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(blocks(&out).len(), 12);
}

// ----- Expectations that need the rule areas being merged into the core. -----

#[test]
fn the_violations_are_the_three_worked_out_by_hand() {
    let out = member_check("members.json", &["--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let r = reports(&out);
    let violations: BTreeMap<&str, Vec<String>> = r
        .iter()
        .map(|(id, rep)| {
            let v = rep["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["severity"] == "violation")
                .map(|f| f["code"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>();
            (id.as_str(), v)
        })
        .filter(|(_, v)| !v.is_empty())
        .collect();
    assert_eq!(
        violations,
        BTreeMap::from([
            ("M04", vec!["TALK_OVERDUE".to_owned()]),
            ("M08", vec!["NOTICE_WINDOW_TOO_SHORT".to_owned()]),
            ("M09", vec!["APPROVAL_LATE_NO_REASON".to_owned()]),
        ])
    );

    // The table: the finding under its member, with its article; the talk's due day is named.
    let table = member_check("members.json", &[]);
    assert_eq!(table.status.code(), Some(1));
    let b = blocks(&table);
    let has = |id: &str, prefix: &str| b[id].1.iter().any(|l| l.starts_with(prefix));
    assert!(has("M04", "[violation] TALK_OVERDUE  "), "{:?}", b["M04"]);
    assert!(
        b["M04"].1.iter().any(|l| l.contains("2026-10-01")),
        "{:?}",
        b["M04"]
    );
    assert!(
        b["M04"].1.iter().any(|l| l.contains(" — ")),
        "a citation: {:?}",
        b["M04"]
    );
    assert!(
        has("M08", "[violation] NOTICE_WINDOW_TOO_SHORT  "),
        "{:?}",
        b["M08"]
    );
    assert!(
        has("M09", "[violation] APPROVAL_LATE_NO_REASON  "),
        "{:?}",
        b["M09"]
    );
    assert!(
        stderr(&table).contains("12 records checked, 3 with violations, 0 rejected"),
        "{}",
        stderr(&table)
    );
}

#[test]
fn party_age_counts_whole_years_from_full_membership() {
    let b = blocks(&member_check("members.json", &[]));
    for (id, header) in [
        ("M01", "M01 王建国: full since 2012-07-01 (党龄 14年)"),
        ("M02", "M02 李红梅: full since 2015-07-01 (党龄 11年)"),
        ("M03", "M03 张伟: full since 2019-11-21 (党龄 6年)"),
        ("M07", "M07 刘洋: full since 2025-06-18 (党龄 1年)"),
        ("M09", "M09 吴静: full since 2026-03-11 (党龄 0年)"),
        // Probationary: no party age yet.
        ("M06", "M06 陈晓: probationary since 2025-12-09"),
    ] {
        assert_eq!(b[id].0, header);
    }
    let r = reports(&member_check("members.json", &["--format", "json"]));
    assert_eq!(r["M07"]["full_member_since"], "2025-06-18");
    assert_eq!(r["M09"]["full_member_since"], "2026-03-11");
    assert_eq!(r["M06"]["probation_ends"], "2026-12-09");
    assert!(r["M06"].get("party_age_years").is_none());
    // M03 on the 7th anniversary of full membership.
    let file = data("members.json");
    let next_day = reports(&run(&[
        "member",
        "check",
        &file,
        "--on",
        "2026-11-21",
        "--format",
        "json",
    ]));
    assert_eq!(next_day["M03"]["party_age_years"], 7);
}

#[test]
fn next_steps_with_their_dates() {
    let r = reports(&member_check("members.json", &["--format", "json"]));
    let step = |id: &str, code: &str| {
        r[id]["next_steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["code"] == code)
            .unwrap_or_else(|| panic!("{id} {code}: {}", r[id]["next_steps"]))
            .clone()
    };
    assert_eq!(
        step("M05", "BECOME_DEVELOPMENT_TARGET")["earliest"],
        "2026-12-01"
    );
    // Probation complete on the vote's anniversary: the conversion meeting from then.
    assert_eq!(step("M06", "CONVERSION")["earliest"], "2026-12-09");
    assert_eq!(step("M04", "TALK")["due"], "2026-10-01");
    let b = blocks(&member_check("members.json", &[]));
    assert!(
        b["M05"]
            .1
            .iter()
            .any(|l| l.starts_with("next: BECOME_DEVELOPMENT_TARGET ")
                && l.contains("earliest 2026-12-01")),
        "{:?}",
        b["M05"]
    );
}

#[test]
fn records_that_break_a_rule_are_rejected_with_the_field() {
    let out = member_check("members-bad.json", &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for line in [
        "error: record 3 (X03): VOTE_COUNT_EXCEEDS_PRESENT at events[3].vote",
        "error: record 4 (X04): EVENT_OUT_OF_ORDER at events[1]",
        "error: record 5 (X05): INVALID_ID_NUMBER at id_number: ",
    ] {
        assert!(err.contains(line), "{line}\n{err}");
    }
    assert!(
        err.contains("2 records checked, 0 with violations, 6 rejected"),
        "{err}"
    );
    assert_eq!(blocks(&out).keys().collect::<Vec<_>>(), ["X01", "X07"]);
}

#[test]
fn a_local_notice_minimum_changes_the_finding() {
    let policy = four_day_notice_policy("finding");
    let r = reports(&member_check(
        "members.json",
        &["--format", "json", "--policy", policy.to_str().unwrap()],
    ));
    // 4 working days now suffice for M08's notice; M04's talk is still overdue.
    assert!(!codes(&r["M08"]["findings"]).contains(&"NOTICE_WINDOW_TOO_SHORT".to_owned()));
    assert!(codes(&r["M04"]["findings"]).contains(&"TALK_OVERDUE".to_owned()));
}

#[test]
fn the_table_shows_a_members_rights_with_the_article() {
    // 留党察看 for one year from 2026-03-01: no vote, election or nomination rights until 2027-03-01
    // (纪律处分条例); a full member without sanction has them all, and the table shows no rights line.
    let file = tmp("rights.json");
    std::fs::write(
        &file,
        r#"[{"id":"R1","name":"甲","birth_date":"1980-01-01","org":"B01","events":[
             {"kind":"imported","date":"2010-07-01","stage":"full"},
             {"kind":"sanction","date":"2026-03-01","sanction":"probation_within_party","years":1}]},
            {"id":"R2","name":"乙","birth_date":"1980-01-01","org":"B01","events":[
             {"kind":"imported","date":"2010-07-01","stage":"full"}]}]"#,
    )
    .unwrap();
    let out = run(&[
        "member",
        "check",
        file.to_str().unwrap(),
        "--on",
        "2026-11-20",
        "--lang",
        "en",
    ]);
    let text = stdout(&out);
    let block = |id: &str| {
        text.split("\n")
            .skip_while(|l| !l.starts_with(id))
            .take_while(|l| l.starts_with(id) || l.starts_with("  "))
            .collect::<Vec<_>>()
    };
    let r1 = block("R1 ");
    assert!(
        r1.contains(&"  rights: 表决权 否 · 选举权 否 · 被选举权 否 · 入党介绍人 否"),
        "{r1:?}"
    );
    assert!(
        r1.iter()
            .any(|l| l.starts_with("  rights [") && l.contains("中国共产党纪律处分条例")),
        "{r1:?}"
    );
    let r2 = block("R2 ");
    assert_eq!(r2, ["R2 乙: full since 2010-07-01 (党龄 16年)"]);
}

#[test]
fn rejected_records_are_reported_in_chinese_by_default() {
    let out = run(&["member", "check", &data("members-bad.json"), "--on", ON]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    // The place and the member in Chinese, the code and the field path as data.
    assert!(
        err.contains("错误：第 8 条记录（X01）：DUPLICATE_MEMBER（id）：党员编号重复：X01\n"),
        "{err}"
    );
    assert!(
        err.ends_with("2026年11月20日：检查 2 条记录，0 条有违规，6 条被拒\n"),
        "{err}"
    );
}
