//! `dangjian org check` run as a 组织委员 runs it, on `examples/data/org.json`, checked on 2026-04-01 over the
//! document's period 2026-01-01..2026-03-31 (the first quarter of 2026). The numbers are the bundled rules'
//! (RULES §3; `core/src/membership/bundled.rs`). Worked out by hand:
//!
//! **The tree.** 基层党委 C01 某机械制造公司党委 (committee elected 2021-06-25, 7 members, fewer than 100 members
//! set up with the superior's approval) › branch B01 第一党支部 (committee elected 2023-03-15, 5 members) › group
//! G11 第一党小组; and branch B02 第二党支部 (a secretary only, no committee recorded).
//!
//! **Members on 2026-04-01** (all imported). B01 directly: M01–M06, full. G11: M07 and M08 full (M08 under a
//! one-year 留党察看 decided 2025-11-20, still a full member), M09 probationary (admission vote 2025-10-01, so
//! probation runs to 2026-10-01). B02: M10–M14 full, M15 probationary (vote 2025-07-01, to 2026-07-01). A
//! group's members count toward its branch, a committee counts its whole subtree:
//! - B01: 8 full (M01–M08), 1 probationary → 9; G11: 2 full, 1 probationary → 3; B02: 5 full, 1 probationary → 6;
//!   C01: 13 full, 2 probationary → 15.
//!
//! **Structure** (支部工作条例 第五条、第八条). B01: 8 full ≥ 3, 9 ≤ 50, 8 full ≥ 7 so a committee is required and
//! it has one, of 5 (within 3–7) → nothing. B02: 5 full ≥ 3, fewer than 7 so a secretary is right → nothing. C01:
//! 15 < 100 but approved → no `COMMITTEE_ORG_TOO_SMALL`. G11: a group has no size rule. No structure findings.
//!
//! **Terms** (党章 第三十条; a branch 3 years, a 基层党委 5, shift at most 12 months). B01: the committee of
//! 2023-03-15 expires 2026-03-15; the valid election of 2026-03-10 is 5 days early, well inside the 12 months
//! allowed (earliest 2025-03-15) → no finding; the current term runs 2026-03-10 → 2029-03-10, next `ELECTION`
//! due 2029-03-10, earliest 2028-03-10. C01: 2021-06-25 + 5 years = 2026-06-25, not yet expired on 2026-04-01 →
//! next `ELECTION` due 2026-06-25, earliest 2025-06-25 (the 换届 window is already open). B02 has no recorded
//! election, G11 no elected term: no term line.
//!
//! **Election E1** of B01 on 2026-03-10 (选举工作条例). Entitled (not given): the full members of B01's subtree
//! with the right to elect on the day = M01–M08 less M08 (under 留党察看) = 7; M09 is probationary, no vote.
//! Present 6: 6 × 5 = 30 > 7 × 4 = 28, more than 4/5 → valid (5 would not be: 25 ≤ 28). The voters M01–M06 are
//! all entitled. Elected with more than half of the 6 present, i.e. at least 4 votes: M01 6, M02 6, M03 5, M04
//! 4, M05 4 elected; M06 with 3 (exactly half) not elected. No findings.
//!
//! **三会一课** over 2026-01..03 (支部工作条例 第十八条、第十九条; every whole period inside the range):
//! - B01 (a branch with a committee): 支部党员大会 quarterly — 2026-03-10 → Q1 held; 支委会 monthly — 01-08,
//!   02-05, none in March → `MEETING_MISSING` 2026-03 (violation); 党课 quarterly — 03-24 with a lecturer → Q1
//!   held; 主题党日 monthly — 01-15, 02-26, 03-26 → all held. 组织生活会 and 民主评议 are annual: no whole year
//!   lies inside the quarter, so they are listed but not assessed (the 2025 round dated 2026-01-20 would count
//!   for 2026 only).
//! - G11: 党小组会 monthly — 01-12, 03-16, none in February (Spring Festival) → `MEETING_MISSING` 2026-02.
//! - B02 (no committee, so no 支委会 obligation): 党员大会 01-20 → Q1; 党课 02-10 → Q1 held, but no lecturer
//!   recorded → `LECTURER_MISSING` (warning); 主题党日 01-22 and 03-19, none in February → `MEETING_MISSING`
//!   2026-02.
//! - C01: a committee owes none of these.
//!
//! **Attendance** (every meeting of the member's own organization up to the branch except the 支委会; anyone
//! neither present nor on leave is absent without leave; rate to two places, half away from zero).
//! - B01's own meetings in the range: 党员大会 03-10, 党课 03-24, 主题党日 01-15, 02-26, 03-26 = 5; a G11
//!   member also has the group's 01-12 and 03-16 = 7.
//! - M01–M05: 5/5 = 1.00. M06: absent (unlisted) 01-15, without leave 02-26 and 03-24, present 03-10 and 03-26
//!   → 2/5 = 0.40. M07: on leave 02-26 and 03-10, present at the other 5 → 5/7 = 0.714… → 0.71. M08: 7/7 = 1.00.
//!   M09: on leave 03-16 → 6/7 = 0.857… → 0.86.
//! - B02's 4 meetings: M13 absent without leave 01-22 (listed) and 03-19 (unlisted) → 2/4 = 0.50; M14 on leave
//!   02-10 → 3/4 = 0.75; M10 M11 M12 M15 4/4 = 1.00.
//! - Lowest first: B01 `M06 0.40, M07 0.71, M09 0.86`, then the 1.00s in document order; G11 `M07 0.71, M09
//!   0.86, M08 1.00`; B02 `M13 0.50, M14 0.75, M10 1.00, …`.
//!
//! **民主评议 2025** of B01 on 2026-01-20 (党员教育管理工作条例; 优秀 at most 1/3 of those graded). Members on
//! the day: M01–M08 full, M09 probationary (takes part ungraded). Graded 8: 3 excellent (M01–M03), 4 qualified
//! (M04–M07), 1 basically qualified (M08); 1 not graded (M09). The quota: 8 × 1/3 = 2.67 → at most 2 (3 × 3 = 9
//! > 8) → `EXCELLENT_QUOTA_EXCEEDED` (violation). Every full member is in the round → no `MEMBER_NOT_RATED`.
//!
//! **In all**: 5 findings, 4 violations (MEETING_MISSING × 3, EXCELLENT_QUOTA_EXCEEDED) and 1 warning
//! (LECTURER_MISSING) → exit status 1. Sections come in the core's order, by id: B01, B02, C01, G11.
// A test that cannot run its binary or read its data should fail loudly, helpers included; as in cli.rs.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::path::PathBuf;
use std::process::Output;

use common::{blocks, data_arg as data, run, stderr, stdout, usage_error};
use serde_json::Value;

const ON: &str = "2026-04-01";

fn tmp(name: &str) -> PathBuf {
    common::tmp_in("organizations", name)
}

fn org_check(file: &str, extra: &[&str]) -> Output {
    // English labels: the tests read the table's words (Chinese is the default; tests/help.rs has it).
    let mut args = vec!["org", "check", file, "--on", ON, "--lang", "en"];
    args.extend_from_slice(extra);
    run(&args)
}

/// The lines of a block that start with `prefix`.
fn lines_with<'a>(block: &'a (String, Vec<String>), prefix: &str) -> Vec<&'a str> {
    block
        .1
        .iter()
        .filter(|l| l.starts_with(prefix))
        .map(String::as_str)
        .collect()
}

/// The codes of the findings lines, `[severity] CODE`.
fn findings(block: &(String, Vec<String>)) -> Vec<String> {
    block
        .1
        .iter()
        .filter(|l| l.starts_with('['))
        .map(|l| l.split("  ").next().unwrap().to_owned())
        .collect()
}

#[test]
fn one_block_per_organization_with_its_counts_and_term() {
    let out = org_check(&data("org.json"), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let headers: Vec<String> = stdout(&out)
        .lines()
        .filter(|l| !l.starts_with(' '))
        .map(str::to_owned)
        .collect();
    assert_eq!(
        headers,
        [
            "B01 第一党支部 (branch): 8 full, 1 probationary, 9 members; term 2026-03-10 → 2029-03-10",
            "B02 第二党支部 (branch): 5 full, 1 probationary, 6 members",
            "C01 某机械制造公司党委 (committee): 13 full, 2 probationary, 15 members; term 2021-06-25 → 2026-06-25",
            "G11 第一党小组 (group): 2 full, 1 probationary, 3 members",
        ]
    );
    assert!(
        stderr(&out).contains(
            "2026-04-01: 4 organization(s) checked over 2026-01-01..2026-03-31, 5 finding(s) (4 violation(s))"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_findings_sit_under_their_organization_with_their_article() {
    let b = blocks(&org_check(&data("org.json"), &[]));
    assert_eq!(
        findings(&b["B01"]),
        [
            "[violation] MEETING_MISSING",
            "[violation] EXCELLENT_QUOTA_EXCEEDED"
        ]
    );
    assert_eq!(
        findings(&b["B02"]),
        ["[violation] MEETING_MISSING", "[warning] LECTURER_MISSING"]
    );
    assert!(findings(&b["C01"]).is_empty());
    assert_eq!(findings(&b["G11"]), ["[violation] MEETING_MISSING"]);
    assert_eq!(
        lines_with(&b["B01"], "[violation] MEETING_MISSING"),
        ["[violation] MEETING_MISSING  B01 在 2026-03 未召开支部委员会会议 — 中国共产党支部工作条例（试行） 第十八条"]
    );
    assert_eq!(
        lines_with(&b["B02"], "[violation] MEETING_MISSING"),
        ["[violation] MEETING_MISSING  B02 在 2026-02 未召开主题党日 — 中国共产党支部工作条例（试行） 第十九条"]
    );
    assert!(lines_with(&b["B02"], "[warning] LECTURER_MISSING")[0]
        .contains("2026-02-10 的党课（B02-PL-Q1）未记载讲课人"));
    assert!(
        lines_with(&b["G11"], "[violation] MEETING_MISSING")[0].contains("2026-02 未召开党小组会")
    );
    assert!(
        lines_with(&b["B01"], "[violation] EXCELLENT_QUOTA_EXCEEDED")[0]
            .contains("评定优秀 3 名，超过评定人数 8 的 1/3（至多 2 名）")
    );
}

#[test]
fn the_next_elections() {
    let b = blocks(&org_check(&data("org.json"), &[]));
    let next = |id: &str| -> Vec<String> {
        lines_with(&b[id], "next: ")
            .iter()
            .map(|l| l.split("  ").next().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        next("B01"),
        ["next: ELECTION due 2029-03-10 / earliest 2028-03-10"]
    );
    assert_eq!(
        next("C01"),
        ["next: ELECTION due 2026-06-25 / earliest 2025-06-25"]
    );
    assert!(next("B02").is_empty() && next("G11").is_empty());
}

#[test]
fn organizational_life_per_rule() {
    let b = blocks(&org_check(&data("org.json"), &[]));
    let not_assessed = ": no whole period in 2026-01-01..2026-03-31";
    assert_eq!(
        lines_with(&b["B01"], "三会一课 "),
        [
            "三会一课 general_meeting quarterly: held 2026-Q1; missing —".to_owned(),
            "三会一课 branch_committee monthly: held 2026-01, 2026-02; missing 2026-03".to_owned(),
            "三会一课 party_lecture quarterly: held 2026-Q1; missing —".to_owned(),
            "三会一课 theme_day monthly: held 2026-01, 2026-02, 2026-03; missing —".to_owned(),
            format!("三会一课 life_meeting annual{not_assessed}"),
            format!("三会一课 democratic_review annual{not_assessed}"),
        ]
    );
    // No committee at B02: no 支委会 line.
    assert_eq!(
        lines_with(&b["B02"], "三会一课 "),
        [
            "三会一课 general_meeting quarterly: held 2026-Q1; missing —".to_owned(),
            "三会一课 party_lecture quarterly: held 2026-Q1; missing —".to_owned(),
            "三会一课 theme_day monthly: held 2026-01, 2026-03; missing 2026-02".to_owned(),
            format!("三会一课 life_meeting annual{not_assessed}"),
            format!("三会一课 democratic_review annual{not_assessed}"),
        ]
    );
    assert_eq!(
        lines_with(&b["G11"], "三会一课 "),
        ["三会一课 group_meeting monthly: held 2026-01, 2026-03; missing 2026-02"]
    );
    assert!(lines_with(&b["C01"], "三会一课 ").is_empty());
}

#[test]
fn attendance_lowest_first() {
    let b = blocks(&org_check(&data("org.json"), &[]));
    assert_eq!(
        lines_with(&b["B01"], "attendance: "),
        ["attendance: M06 0.40, M07 0.71, M09 0.86, M01 1.00, M02 1.00, M03 1.00, M04 1.00, M05 1.00, M08 1.00"]
    );
    assert_eq!(
        lines_with(&b["G11"], "attendance: "),
        ["attendance: M07 0.71, M09 0.86, M08 1.00"]
    );
    assert_eq!(
        lines_with(&b["B02"], "attendance: "),
        ["attendance: M13 0.50, M14 0.75, M10 1.00, M11 1.00, M12 1.00, M15 1.00"]
    );
    assert!(lines_with(&b["C01"], "attendance: ").is_empty());
}

#[test]
fn the_election_and_the_review_round() {
    let b = blocks(&org_check(&data("org.json"), &[]));
    assert_eq!(
        lines_with(&b["B01"], "election "),
        ["election E1 2026-03-10: valid, 6/7 present, elected M01 M02 M03 M04 M05; not elected M06"]
    );
    assert_eq!(
        lines_with(&b["B01"], "民主评议 "),
        ["民主评议 2025: 3 excellent of 8 graded (max 2), 4 qualified, 1 basically_qualified, 0 unqualified, 1 not graded"]
    );
    for id in ["B02", "C01", "G11"] {
        assert!(lines_with(&b[id], "election ").is_empty());
        assert!(lines_with(&b[id], "民主评议 ").is_empty());
    }
}

#[test]
fn json_is_the_cores_report() {
    let out = org_check(&data("org.json"), &["--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["on"], "2026-04-01");
    assert_eq!(v["period"]["from"], "2026-01-01");
    let ids: Vec<&str> = v["orgs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["org"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["B01", "B02", "C01", "G11"]);
    let codes: Vec<(&str, &str)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["code"].as_str().unwrap(), f["severity"].as_str().unwrap()))
        .collect();
    assert_eq!(
        codes,
        [
            ("MEETING_MISSING", "violation"),
            ("EXCELLENT_QUOTA_EXCEEDED", "violation"),
            ("MEETING_MISSING", "violation"),
            ("LECTURER_MISSING", "warning"),
            ("MEETING_MISSING", "violation"),
        ]
    );
    let b01 = &v["orgs"][0];
    let e = &b01["elections"][0];
    assert_eq!(
        (e["entitled"].as_u64(), e["valid"].as_bool()),
        (Some(7), Some(true))
    );
    let m07 = b01["life"]["attendance"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["member"] == "M07")
        .unwrap();
    assert_eq!(
        (
            &m07["expected"],
            &m07["attended"],
            &m07["with_leave"],
            &m07["rate"]
        ),
        (
            &Value::from(7),
            &Value::from(5),
            &Value::from(2),
            &Value::from("0.71")
        )
    );
    assert_eq!(b01["reviews"][0]["excellent_max"], 2);
}

#[test]
fn a_clean_document_exits_0() {
    let file = tmp("clean.json");
    std::fs::write(
        &file,
        r#"{"orgs":[{"id":"B01","kind":"branch"}],"members":[
        {"id":"A","name":"甲","birth_date":"1980-01-01","org":"B01","events":[{"kind":"imported","date":"2010-07-01","stage":"full"}]},
        {"id":"B","name":"乙","birth_date":"1981-01-01","org":"B01","events":[{"kind":"imported","date":"2010-07-01","stage":"full"}]},
        {"id":"C","name":"丙","birth_date":"1982-01-01","org":"B01","events":[{"kind":"imported","date":"2010-07-01","stage":"full"}]}],
        "period":{"from":"2026-03-01","to":"2026-03-15"}}"#,
    )
    .unwrap();
    let out = org_check(file.to_str().unwrap(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("B01 (branch): 3 full, 0 probationary, 3 members\n"));
}

#[test]
fn a_bad_document_exits_2_with_the_code_and_the_field() {
    let unknown = tmp("unknown-org.json");
    std::fs::write(
        &unknown,
        r#"{"orgs":[{"id":"B01","kind":"branch"}],
        "meetings":[{"id":"X","kind":"theme_day","date":"2026-01-05","org":"B09"}]}"#,
    )
    .unwrap();
    let out = org_check(unknown.to_str().unwrap(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).contains("UNKNOWN_ORG at meetings[0].org"),
        "{}",
        stderr(&out)
    );

    let extra = tmp("extra-field.json");
    std::fs::write(
        &extra,
        r#"{"orgs":[{"id":"B01","kind":"branch"}],"details":[{"org":"B01","secretary":"x"}]}"#,
    )
    .unwrap();
    let out = org_check(extra.to_str().unwrap(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("INVALID_ORG_JSON at details[0].secretary"),
        "{}",
        stderr(&out)
    );

    let missing = tmp("does-not-exist.json");
    let out = org_check(missing.to_str().unwrap(), &[]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn usage_errors_exit_2() {
    let orgs = data("org.json");
    let no_on = run(&["org", "check", &orgs]);
    assert_eq!(no_on.status.code(), Some(2));
    assert!(
        stderr(&no_on).contains("`org check` needs --on"),
        "{}",
        stderr(&no_on)
    );
    usage_error(&no_on);
    let bad_format = org_check(&orgs, &["--format", "csv"]);
    assert_eq!(bad_format.status.code(), Some(2));
    let no_file = run(&["org", "check", "--on", ON]);
    assert_eq!(no_file.status.code(), Some(2));
}

#[test]
fn the_table_is_in_chinese_by_default_with_the_codes_kept() {
    let out = run(&["org", "check", &data("org.json"), "--on", ON]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    let b01: Vec<&str> = text.lines().take_while(|l| !l.starts_with("B02")).collect();
    for line in [
        "B01 第一党支部（branch）：正式党员 8 名，预备党员 1 名，共 9 名；任期 2026年3月10日 → 2029年3月10日",
        "  三会一课 支部委员会会议 每月（branch_committee monthly）：已开 2026年1月、2026年2月；缺 2026年3月",
        "  选举 E1 2026年3月10日：有效，应到 7 实到 6，当选 M01 M02 M03 M04 M05；未当选 M06",
    ] {
        assert!(b01.contains(&line), "{line} in {b01:?}");
    }
    // Severity in Chinese, the finding's code as data.
    assert!(
        b01.iter()
            .any(|l| l.starts_with("  [违规] MEETING_MISSING  ")),
        "{b01:?}"
    );
    assert!(b01
        .iter()
        .any(|l| l.starts_with("  下一步：ELECTION 最迟 2029年3月10日 / 最早 2028年3月10日")));
}
