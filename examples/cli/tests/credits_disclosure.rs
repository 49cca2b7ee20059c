//! `dangjian credits` and `dangjian disclosure` run as a user runs them, on the example data in
//! `examples/data/`.
//!
//! **Credits.** `events.jsonl` is one week of 学习强国-style events, Thursday 2026-02-26 to Wednesday
//! 2026-03-04, for members DY2026001–DY2026010, under the 2022–23 rule set of the `learning-platform` preset
//! (RULES §7): login 1 (day cap 1); article and video 1 each when open ≥ 30 s, the same content once a day
//! (cap 6); reading_time and video_time 1 per accumulated minute (cap 6); daily_quiz 1 per correct (cap 5);
//! challenge_quiz 1 per correct (cap 6); special_quiz 5 a set, 10 with all 10 correct, one set a day;
//! four_player 3/2/1 by place (cap 5); two_player 1 a win (cap 1); post_view and local_channel 1 (cap 1).
//! Line 89 is bad (a daily_quiz without correct_answers) and line 48 repeats line 20 (a client's retry).
//! Without `--on` the periods are taken around the latest event's China-time day, Wednesday 2026-03-04:
//! day = Wed; ISO week 2026-W10 = Mon–Wed; month 2026-03 = Sun–Wed; year = the whole week.
//!
//! Worked out by hand, per member (days Thu Fri Sat Sun Mon Tue Wed):
//! - DY2026001 every day: login 1 + 3 articles 3 + reading 240 s 4 + daily quiz 5 + four-player 1st 3 and 2nd
//!   2 = 18; Monday a special quiz with 10 correct, 10. Day 18, week 3×18+10 = 64, month 82, year 136.
//! - DY2026002 weekdays: login 1 + 2 articles 2 + quiz 4 correct 4 = 7. Day 7, week 21, month 21, year 35.
//! - DY2026003 a login every day; Wednesday 8 articles (6, cap), reading 300 s + 150 s (5 + 1), the same video
//!   twice (1 + 0), video time 400 s (6): day 1+19 = 20, week 22, month 23, year 26.
//! - DY2026004 logins Thu Fri Mon; Friday articles of 20 s (too short, 0) and 35 s (1), videos of 29 s (0) and
//!   30 s (1); Monday challenge quiz 8 correct (6, cap) and daily quiz 3 (3). Day 0, week 10, month 10, year 14.
//! - DY2026005 Saturday: login, four-player 2nd 3rd 1st = 2+1+3 capped at 5, two-player two wins (1, cap);
//!   Sunday: login, two views (1, cap), local channel 1. Day 0, week 0, month 3, year 10.
//! - DY2026006 logins written in UTC: 2026-02-28T15:30Z is Saturday 23:30 in Beijing, 2026-02-28T16:30Z is
//!   already Sunday 1 March 00:30, so both score and the second counts in March; Sunday also quiz 5 and two
//!   articles 2. Day 0, week 0, month 8, year 9.
//! - DY2026007 weekdays: login 1 + reading 600 s 6 (cap) + video time 180 s 3 = 10. Day 10, week 30, month 30,
//!   year 50.
//! - DY2026008 every day: login 1 + quiz 4 = 5. Day 5, week 15, month 20, year 35.
//! - DY2026009 Thu–Sat: login 1 + quiz 5 = 6 (the Sunday quiz is the bad line; the repeat is ignored). Year 18.
//! - DY2026010 Friday login 1; Tuesday login 1 + special quiz 6 correct 5 + a second set the same day 0. Day 0,
//!   week 6, month 6, year 7.
//!
//! Year ranking: 136, 50, 35, 35, 26, 18, 14, 10, 9, 7 → ranks 1, 2, 3, 3, 5, 6, 7, 8, 9, 10.
//!
//! **Disclosure.** `board.json` holds the organizations (committee C01; branches B01, B02; group G11 under
//! B01), the workflow roles, ten viewers and the eight items of a full workflow walk (create → propose →
//! 保密审查 → review → approve or escalate → publish; a rejection and re-proposal, a correction, a
//! withdrawal); `audit-log.json` is the 53-entry chain of that walk (seq 0–52), signed at its head with the
//! example's SM2 key (public key `audit-log.pub.pem`; the signing tests are in `audit.rs`), and
//! `audit-log-tampered.json` the same with entry seq 38's actor (the committee's approval of GK-2026-007)
//! rewritten.
// A test that cannot run its binary or read its data should fail loudly, helpers included; as in cli.rs.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Output;

use common::{data_arg as data, run, stderr, stdout, usage_error};

fn tmp(name: &str) -> PathBuf {
    common::tmp_in("credits-disclosure", name)
}

/// CSV rows as maps, in order.
fn rows(text: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    reader
        .records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.expect("a record").iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

fn credits(extra: &[&str]) -> Output {
    let events = data("events.jsonl");
    // English: the tests read stderr's words (Chinese is the default; see the test of it below).
    let mut args = vec![
        "credits",
        &events,
        "--rules",
        "learning-platform",
        "--lang",
        "en",
    ];
    args.extend_from_slice(extra);
    run(&args)
}

/// `member → [rank, day, week, month, year, score]` as printed.
fn table(o: &Output) -> Vec<(String, [String; 6])> {
    rows(&stdout(o))
        .into_iter()
        .map(|r| {
            let get = |c: &str| r[c].clone();
            (
                get("member_id"),
                [
                    get("rank"),
                    get("day"),
                    get("week"),
                    get("month"),
                    get("year"),
                    get("score"),
                ],
            )
        })
        .collect()
}

fn line(member: &str, cells: [&str; 6]) -> (String, [String; 6]) {
    (member.to_owned(), cells.map(str::to_owned))
}

#[test]
fn credits_totals_and_leaderboard_match_the_rules_worked_by_hand() {
    let out = credits(&[]);
    // One bad line: reported, the rest scored, exit 1.
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("error: line 89 (ev-0088): MISSING_FIELD at correct_answers"),
        "{err}"
    );
    assert!(err.contains("ev-0020 was given again"), "{err}");
    assert!(
        err.contains("2026-03-04: day 2026-03-04, week 2026-W10, month 2026-03, year 2026"),
        "{err}"
    );
    assert!(
        err.contains("161 events scored, 1 bad line, 1 repeat ignored"),
        "{err}"
    );
    assert!(stdout(&out).starts_with("rank,member_id,day,week,month,year,score\n"));
    assert_eq!(
        table(&out),
        vec![
            line("DY2026001", ["1", "18", "64", "82", "136", "136"]),
            line("DY2026007", ["2", "10", "30", "30", "50", "50"]),
            line("DY2026002", ["3", "7", "21", "21", "35", "35"]),
            line("DY2026008", ["3", "5", "15", "20", "35", "35"]),
            line("DY2026003", ["5", "20", "22", "23", "26", "26"]),
            line("DY2026009", ["6", "0", "0", "0", "18", "18"]),
            line("DY2026004", ["7", "0", "10", "10", "14", "14"]),
            line("DY2026005", ["8", "0", "0", "3", "10", "10"]),
            line("DY2026006", ["9", "0", "0", "8", "9", "9"]),
            line("DY2026010", ["10", "0", "6", "6", "7", "7"]),
        ]
    );
}

#[test]
fn credits_days_are_china_time_and_on_moves_the_periods() {
    // Saturday 28 February in Beijing: DY2026006's first login only (the second, 16:30Z, is 1 March).
    let out = credits(&["--on", "2026-02-28", "--rank-by", "day"]);
    let t: HashMap<_, _> = table(&out).into_iter().collect();
    assert_eq!(t["DY2026006"][1], "1");
    // Week 2026-W09 (Mon 23 Feb – Sun 1 Mar): both logins, the quiz and two articles; month February: 1.
    assert_eq!(t["DY2026006"][2], "9");
    assert_eq!(t["DY2026006"][3], "1");
    // Saturday: DY2026001 18, DY2026008 5, DY2026005 1 + 5 + 1 = 7, DY2026009 6, DY2026003 1, DY2026006 1.
    let ranked: Vec<String> = table(&out)
        .iter()
        .filter(|(_, c)| !c[0].is_empty())
        .map(|(m, c)| format!("{} {m} {}", c[0], c[1]))
        .collect();
    assert_eq!(
        ranked,
        [
            "1 DY2026001 18",
            "2 DY2026005 7",
            "3 DY2026009 6",
            "4 DY2026008 5",
            "5 DY2026003 1",
            "5 DY2026006 1",
        ]
    );
    // The members with no event that Saturday are listed unranked, after the board.
    assert_eq!(table(&out).len(), 10);
    assert!(table(&out)[6..].iter().all(|(_, c)| c[0].is_empty()));
}

#[test]
fn credits_rank_by_week_leaves_out_members_without_a_week() {
    let out = credits(&["--rank-by", "week"]);
    let order: Vec<String> = table(&out)
        .iter()
        .map(|(m, c)| format!("{}:{m}", c[0]))
        .collect();
    assert_eq!(
        order,
        [
            "1:DY2026001",
            "2:DY2026007",
            "3:DY2026003",
            "4:DY2026002",
            "5:DY2026008",
            "6:DY2026004",
            "7:DY2026010",
            ":DY2026005",
            ":DY2026006",
            ":DY2026009",
        ]
    );
    assert!(stderr(&out).contains("7 members ranked by week score"));
}

#[test]
fn credits_org_map_ranks_one_subtree() {
    let map = data("org-map.json");
    // Without --org: the map's only top organization, C01, so everyone, with their branch.
    let all = credits(&["--org-map", &map]);
    let rows_all = rows(&stdout(&all));
    assert_eq!(rows_all.len(), 10);
    assert_eq!(rows_all[0]["org"], "B01");
    // B02: DY2026006–010 only; 50, 35, 18, 9, 7.
    let b02 = credits(&["--org-map", &map, "--org", "B02"]);
    let order: Vec<String> = table(&b02)
        .iter()
        .map(|(m, c)| format!("{}:{m}:{}", c[0], c[5]))
        .collect();
    assert_eq!(
        order,
        [
            "1:DY2026007:50",
            "2:DY2026008:35",
            "3:DY2026009:18",
            "4:DY2026006:9",
            "5:DY2026010:7",
        ]
    );
    assert!(stderr(&b02).contains("5 members outside B02 left out"));
}

#[test]
fn credits_member_points_score_has_the_base_and_the_floor() {
    // 党员积分制 preset: base 60, floor 0. A: two meetings 2 + 2, volunteering 3, one absence −2 → 5 points,
    // score 65. B: misconduct −10 (its default) → −10 points, score 50. C: −60 and −30 → the deduction cap is
    // 60 a year: −60, score 60 − 60 = 0. Line 6 declares 9 points for volunteering (at most 5): bad.
    let events = [
        r#"{"event_id":"p1","member_id":"A","activity":"meeting_attendance","occurred_at":"2026-03-03T19:00:00+08:00","content_id":"2026-03 支部党员大会"}"#,
        r#"{"event_id":"p2","member_id":"A","activity":"meeting_attendance","occurred_at":"2026-03-10T19:00:00+08:00","content_id":"2026-03 党课"}"#,
        r#"{"event_id":"p3","member_id":"A","activity":"volunteer","occurred_at":"2026-03-14T09:00:00+08:00","points":3}"#,
        r#"{"event_id":"p4","member_id":"A","activity":"absence","occurred_at":"2026-03-17T19:00:00+08:00"}"#,
        r#"{"event_id":"p5","member_id":"B","activity":"misconduct","occurred_at":"2026-03-05T10:00:00+08:00"}"#,
        r#"{"event_id":"p6","member_id":"B","activity":"volunteer","occurred_at":"2026-03-14T09:00:00+08:00","points":9}"#,
        r#"{"event_id":"p7","member_id":"C","activity":"misconduct","occurred_at":"2026-03-05T10:00:00+08:00","points":-60}"#,
        r#"{"event_id":"p8","member_id":"C","activity":"misconduct","occurred_at":"2026-03-06T10:00:00+08:00","points":-30}"#,
    ];
    let file = tmp("member-points.jsonl");
    std::fs::write(&file, events.join("\n") + "\n").expect("write");
    let out = run(&[
        "credits",
        file.to_str().expect("UTF-8 path"),
        "--rules",
        "member-points",
    ]);
    assert_eq!(out.status.code(), Some(1));
    // stderr in Chinese by default: the line and event in Chinese, the code and field as data.
    assert!(
        stderr(&out)
            .contains("错误：第 6 行（p6）：POINTS_OUT_OF_RANGE（points）：分值须在 0 到 5 之间"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("3 名党员按年积分排名；计分事件 7 个，错误行 1 行，重复 0 个已忽略"),
        "{}",
        stderr(&out)
    );
    let order: Vec<String> = table(&out)
        .iter()
        .map(|(m, c)| format!("{}:{m}:{}:{}", c[0], c[4], c[5]))
        .collect();
    assert_eq!(order, ["1:A:5:65", "2:B:-10:50", "3:C:-60:0"]);
}

#[test]
fn credits_a_scheme_file_is_the_unit_s_own_rules() {
    // A branch's own scheme: 2 points a login, at most 2 a day; nothing else is an activity.
    let scheme = r#"{"schema_version":1,"name":"branch","rule_sets":[{"effective_from":"2026-01-01",
      "citation":{"regulation":"第一党支部学习积分办法","article":"第三条"},
      "value":{"activities":[{"code":"login","unit":{"kind":"per_item","points":2},"caps":{"day":2}}]}}]}"#;
    let file = tmp("branch-scheme.json");
    std::fs::write(&file, scheme).expect("write");
    let out = credits(&["--rules", file.to_str().expect("UTF-8 path")]);
    let err = stderr(&out);
    // `credits()` passes --rules learning-platform first; a second --rules is a usage error (clap's words).
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("'--rules <PRESET|FILE>' cannot be used multiple times"),
        "{err}"
    );

    let events = data("events.jsonl");
    let out = run(&[
        "credits",
        &events,
        "--rules",
        file.to_str().expect("UTF-8 path"),
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("UNKNOWN_ACTIVITY at activity: the scheme has no activity article")
    );
    let t: HashMap<_, _> = table(&out).into_iter().collect();
    // DY2026006: two logins on two China-time days, 2 each.
    assert_eq!(t["DY2026006"][4], "4");
    // DY2026008 logged in on each of the 7 days.
    assert_eq!(t["DY2026008"][4], "14");

    let broken = tmp("broken-scheme.json");
    std::fs::write(
        &broken,
        scheme.replace("\"points\":2", "\"points\":\"two\""),
    )
    .expect("write");
    let out = run(&[
        "credits",
        &events,
        "--rules",
        broken.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        // Chinese by default: the code and the field path stay as they are.
        stderr(&out).contains(
            "INVALID_SCHEME_JSON（rule_sets[0].value.activities[0].unit）：JSON 无法读取"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn credits_usage_errors_exit_2() {
    let events = data("events.jsonl");
    for (args, says) in [
        (vec!["credits", &events], "needs --rules"),
        (
            vec!["credits", &events, "--rules", "member-point"],
            "did you mean `member-points`",
        ),
        (
            vec![
                "credits",
                &events,
                "--rules",
                "member-points",
                "--on",
                "2026-3-4",
            ],
            "--on",
        ),
        (
            vec![
                "credits",
                &events,
                "--rules",
                "member-points",
                "--rank-by",
                "quarter",
            ],
            "expected day, week, month or year",
        ),
        (
            vec![
                "credits",
                &events,
                "--rules",
                "member-points",
                "--org",
                "B01",
            ],
            "`--org` needs an --org-map",
        ),
        (
            vec!["credits", "--rules", "member-points"],
            "needs an events file",
        ),
    ] {
        let error = usage_error(&run(&args));
        assert!(error.contains(says), "{args:?}: {error}");
    }
    let out = run(&["credits", "no-such.jsonl", "--rules", "member-points"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no-such.jsonl：无法读取："),
        "{}",
        stderr(&out)
    );
    let out = run(&[
        "--lang",
        "en",
        "credits",
        "no-such.jsonl",
        "--rules",
        "member-points",
    ]);
    assert!(
        stderr(&out).contains("no-such.jsonl: cannot read: "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn help_lists_the_presets_and_the_new_commands() {
    let out = run(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    for text in [
        "dangjian credits EVENTS.jsonl --rules PRESET|FILE",
        "dangjian disclosure verify LOG.json",
        "dangjian disclosure board ITEMS.json --viewer ID --on YYYY-MM-DD",
    ] {
        assert!(help.contains(text), "{text}");
    }
    // The presets and the columns are on the command's own page (since the CLI moved to clap).
    let out = run(&["credits", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    for text in [
        "learning-platform",
        "from 2022-01-01 on: login, article",
        "member-points",
        "rank,member_id[,org],day,week,month,year,score",
    ] {
        assert!(help.contains(text), "{text}");
    }
    assert_eq!(
        run(&["--lang", "en", "disclosure", "board", "--help"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn verify_accepts_the_walked_log_and_finds_the_tampered_entry() {
    let good = run(&[
        "--lang",
        "en",
        "disclosure",
        "verify",
        &data("audit-log.json"),
    ]);
    assert_eq!(good.status.code(), Some(0), "{}", stderr(&good));
    let text = stdout(&good);
    let (first, rest) = text.split_once('\n').unwrap_or_else(|| panic!("{text}"));
    let head = first
        .strip_prefix("OK: 53 entries, head ")
        .unwrap_or_else(|| panic!("{text}"));
    // Without a key the output says plainly what was not checked.
    assert!(
        rest.starts_with("integrity only: the hash chain holds, but who wrote it was NOT checked"),
        "{text}"
    );
    assert_eq!(head.len(), 64);
    assert!(head.bytes().all(|b| b.is_ascii_hexdigit()));

    let bad = run(&[
        "--lang",
        "en",
        "disclosure",
        "verify",
        &data("audit-log-tampered.json"),
    ]);
    assert_eq!(bad.status.code(), Some(1));
    let text = stdout(&bad);
    // Named as the log names it: seq 38 (its 39th entry), and its item.
    assert!(
        text.starts_with(
            "BROKEN: entry seq 38 (item GK-2026-007; the 39th of 53 entries): HASH_MISMATCH"
        ),
        "{text}"
    );
    assert!(
        text.contains("entry seq 38 as it stands: item GK-2026-007, approve by DY2026001 at 2026-03-06T09:30:00+08:00 (reviewed → approved)"),
        "{text}"
    );

    // Entries cut off the end leave a valid chain; only the receipt shows it.
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data("audit-log.json")).expect("read"))
            .expect("JSON");
    let mut cut = log.clone();
    cut["entries"].as_array_mut().expect("entries").pop();
    cut.as_object_mut().expect("a log").remove("checkpoints");
    let cut_file = tmp("audit-log-cut.json");
    std::fs::write(&cut_file, cut.to_string()).expect("write");
    let cut_file = cut_file.to_str().expect("UTF-8 path");
    assert_eq!(
        run(&["--lang", "en", "disclosure", "verify", cut_file])
            .status
            .code(),
        Some(0)
    );
    let receipt = format!("53:{head}");
    let out = run(&[
        "--lang",
        "en",
        "disclosure",
        "verify",
        cut_file,
        "--receipt",
        &receipt,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).starts_with("BROKEN: after the last of 52 entries: HEAD_MISMATCH"),
        "{}",
        stdout(&out)
    );
    let out = run(&[
        "--lang",
        "en",
        "disclosure",
        "verify",
        &data("audit-log.json"),
        "--receipt",
        &receipt,
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("(matches the receipt)"));

    // Not an audit log at all: exit 2 with the core's error.
    let out = run(&["--lang", "en", "disclosure", "verify", &data("board.json")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("INVALID_AUDIT_JSON"),
        "{}",
        stderr(&out)
    );
}

fn board(viewer: &str, on: &str) -> Vec<HashMap<String, String>> {
    let out = run(&[
        "--lang",
        "en",
        "disclosure",
        "board",
        &data("board.json"),
        "--viewer",
        viewer,
        "--on",
        on,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    rows(&stdout(&out))
}

fn ids(rows: &[HashMap<String, String>]) -> Vec<String> {
    rows.iter().map(|r| r["id"].clone()).collect()
}

#[test]
fn the_board_shows_each_viewer_what_the_scope_allows() {
    let on = "2026-03-10";
    // 001 and 007 are to society; GK-2026-008 was withdrawn on 8 March (only its record, to officers);
    // GK-2026-006 awaits approval.
    let cases: [(&str, &[&str]); 7] = [
        ("public", &["001", "007"]),
        // Suspended since January: sees what the public sees.
        ("DY2026009", &["001", "007"]),
        // A member of B01: the whole Party's, B01's members', B01's with descendants.
        ("DY2026005", &["001", "002", "003", "004", "007"]),
        // A probationary member of group G11 under B01: B01-with-descendants, not B01's members only.
        ("DY2026006", &["001", "002", "004", "007"]),
        // A member of B02: the item scoped to B02.
        ("DY2026007", &["001", "002", "005", "007"]),
        // B01's secretary and approver: also the unpublished GK-2026-006 of his branch, and (an officer of
        // B01) the record of GK-2026-008's withdrawal.
        (
            "DY2026001",
            &["001", "002", "003", "004", "006", "007", "008"],
        ),
        // The committee's secretary: an officer above B01 and B02; the withdrawal record too.
        ("JW01", &["001", "002", "003", "004", "005", "007", "008"]),
    ];
    for (viewer, expected) in cases {
        let expected: Vec<String> = expected.iter().map(|n| format!("GK-2026-{n}")).collect();
        assert_eq!(ids(&board(viewer, on)), expected, "{viewer}");
    }

    let member = board("DY2026005", on);
    let by_id = |id: &str| member.iter().find(|r| r["id"] == id).expect("listed");
    // Personal data masked in what is published.
    let society = by_id("GK-2026-001");
    assert!(society["text"].contains("电话139****5678"), "{society:?}");
    assert!(!society["text"].contains("13912345678"));
    assert_eq!(society["scope"], "to_society");
    assert_eq!(society["published_at"], "2026-03-05T10:00:00+08:00");
    let notice = by_id("GK-2026-004");
    assert!(notice["text"].contains("110105********002X"), "{notice:?}");
    assert_eq!(notice["scope"], "organizations:B01+descendants");
    // The corrected item shows its second version.
    let corrected = by_id("GK-2026-003");
    assert_eq!(corrected["version"], "2");
    assert!(corrected["text"].contains("赵某某（宣传委员）"));
    assert_eq!(corrected["category"], "领导班子建设");
    let secretary = board("DY2026001", on);
    let draft = secretary
        .iter()
        .find(|r| r["id"] == "GK-2026-006")
        .expect("listed");
    assert_eq!(
        (draft["status"].as_str(), draft["published_at"].as_str()),
        ("reviewed", "")
    );
}

#[test]
fn the_board_follows_the_publication_day() {
    // GK-2026-001 was published on 5 March, GK-2026-007 on the 6th.
    assert!(board("public", "2026-03-04").is_empty());
    assert_eq!(ids(&board("public", "2026-03-05")), ["GK-2026-001"]);
    assert_eq!(
        ids(&board("public", "2026-03-06")),
        ["GK-2026-001", "GK-2026-007"]
    );
}

#[test]
fn the_board_reads_the_context_from_its_own_file_too() {
    let bundle: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data("board.json")).expect("read"))
            .expect("JSON");
    let context = tmp("context.json");
    let items = tmp("items.json");
    std::fs::write(
        &context,
        serde_json::json!({"context": bundle["context"], "viewers": bundle["viewers"]}).to_string(),
    )
    .expect("write");
    std::fs::write(&items, bundle["items"].to_string()).expect("write");
    let out = run(&[
        "--lang",
        "en",
        "disclosure",
        "board",
        items.to_str().expect("UTF-8 path"),
        "--context",
        context.to_str().expect("UTF-8 path"),
        "--viewer",
        "DY2026006",
        "--on",
        "2026-03-10",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        ids(&rows(&stdout(&out))),
        ["GK-2026-001", "GK-2026-002", "GK-2026-004", "GK-2026-007"]
    );

    // Without a context anywhere, or with an unknown viewer: exit 2, saying why.
    let out = run(&[
        "--lang",
        "en",
        "disclosure",
        "board",
        items.to_str().expect("UTF-8 path"),
        "--viewer",
        "public",
        "--on",
        "2026-03-10",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no `context`"), "{}", stderr(&out));
    let out = run(&[
        "--lang",
        "en",
        "disclosure",
        "board",
        &data("board.json"),
        "--viewer",
        "DY202605",
        "--on",
        "2026-03-10",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("did you mean"), "{}", stderr(&out));
    for args in [
        &["disclosure"][..],
        &["disclosure", "publish"],
        &["disclosure", "board", "board.json", "--viewer", "public"],
        &["disclosure", "verify"],
        &["disclosure", "verify", "log.json", "--receipt", "53"],
    ] {
        usage_error(&run(args));
    }
}
