//! The `dangjian` binary run as a user runs it, on the example data in `examples/data/`.
//!
//! Expected amounts are worked out by hand from the rules (2008 Rules Arts. 2–6, 2017 Notice), not read
//! back from the program: employed brackets on the whole base after tax and personal contributions —
//! ≤3000 → 0.5%, ≤5000 → 1%, ≤10000 → 1.5%, above → 2%; retirees ≤5000 → 0.5%, above → 1%; students,
//! unemployed, relief and 低保 members 0.20; farmers 0.50 (1.00 under the example province policy);
//! public institutions leave 奖励性绩效 out; the self-employed base is the quarter's net income ÷ 3.
// A test that cannot run its binary or read its data should fail loudly, helpers included (clippy's
// allow-*-in-tests covers only the #[test] functions themselves); same as core/tests.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{data, run, stderr, stdout, usage_error};

fn dues(roster: &Path, extra: &[&str]) -> Output {
    let roster = roster.to_str().expect("UTF-8 path");
    let mut args = vec!["dues", roster, "--month", "2026-11", "--lang", "en"];
    args.extend_from_slice(extra);
    run(&args)
}

/// The output CSV as header + rows keyed by member id.
struct Table {
    header: Vec<String>,
    ids: Vec<String>,
    rows: HashMap<String, HashMap<String, String>>,
}

impl Table {
    fn parse(text: &str) -> Table {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .expect("a header")
            .iter()
            .map(str::to_owned)
            .collect();
        let mut ids = Vec::new();
        let mut rows = HashMap::new();
        for record in reader.records() {
            let record = record.expect("a CSV record");
            let row: HashMap<String, String> = header
                .iter()
                .cloned()
                .zip(record.iter().map(str::to_owned))
                .collect();
            ids.push(row["member_id"].clone());
            rows.insert(row["member_id"].clone(), row);
        }
        Table { header, ids, rows }
    }

    fn get(&self, id: &str, column: &str) -> &str {
        &self.rows[id][column]
    }
}

fn tmp(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(name)
}

#[test]
fn the_example_roster_is_assessed_by_the_rules() {
    let out = dues(&data("roster.csv"), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let t = Table::parse(&stdout(&out));
    assert_eq!(
        t.header,
        [
            "member_id",
            "category",
            "base",
            "rate",
            "amount",
            "citation",
            "findings"
        ]
    );
    let expected_ids: Vec<String> = (1..=30).map(|i| format!("DY2026{i:03}")).collect();
    assert_eq!(t.ids, expected_ids, "every row, in roster order");

    // (member, base, rate, amount) — each worked out by hand:
    let cases = [
        // 机关: 3200 + 2100 + 2800 (subsidy 600 excluded) − 47.82 − 648 − 162 − 972 − 324 = 5946.18 → 1.5%.
        ("DY2026001", "5946.18", "0.015", "89.19"),
        // 机关: 5200 + 3400 + 4400 − (1040 + 260 + 520 + 872 + 308) = 10000.00 exactly → still 1.5%.
        ("DY2026004", "10000.00", "0.015", "150.00"),
        // 事业单位: 2800 + 1200 + 1800 + 600 (奖励性绩效 1500 excluded) − (512+128+32+256+427+45) = 5000.00 → 1%.
        ("DY2026005", "5000.00", "0.01", "50.00"),
        // 事业单位: 2400 + 900 + 1500 + 300 − (408 + 102 + 25.50 + 204 + 612) = 3748.50 → 37.485 → 37.49.
        ("DY2026007", "3748.50", "0.01", "37.49"),
        // 企业: 3600 − (288 + 72 + 18 + 222) = 3000.00 exactly → 0.5%, not 1%.
        ("DY2026009", "3000.00", "0.005", "15.00"),
        // 企业: 6000 + 3000 + 1500 (one-off bonus 5000 and subsidy 800 excluded) − 2857.25 = 7642.75 → 114.64.
        ("DY2026010", "7642.75", "0.015", "114.64"),
        // 企业: 15000 + 6000 + 3000 − 7478 = 16522 → 2% of the whole base.
        ("DY2026012", "16522.00", "0.02", "330.44"),
        // net_base alone: 10000.00 → 1.5%; 10000.01 → 2% → 200.0002 → 200.00.
        ("DY2026013", "10000.00", "0.015", "150.00"),
        ("DY2026014", "10000.01", "0.02", "200.00"),
        // 年薪制: 36000 − (6590 + 1200 + 300 + 2800) = 25110 → 2%.
        ("DY2026015", "25110.00", "0.02", "502.20"),
        // 个体: 15000 ÷ 3 = 5000.00 → 1%; 20000 ÷ 3 = 6666.67 → 1.5% → 100.00005 → 100.00.
        ("DY2026017", "5000.00", "0.01", "50.00"),
        ("DY2026018", "6666.67", "0.015", "100.00"),
        // 离退休: 5000.00 → 0.5%; 5000.01 → 1% → 50.0001 → 50.00; 7240 (subsidy 300 excluded) → 1%.
        ("DY2026020", "5000.00", "0.005", "25.00"),
        ("DY2026021", "5000.01", "0.01", "50.00"),
        ("DY2026023", "7240.00", "0.01", "72.40"),
    ];
    for (id, base, rate, amount) in cases {
        assert_eq!(
            (t.get(id, "base"), t.get(id, "rate"), t.get(id, "amount")),
            (base, rate, amount),
            "{id}"
        );
    }
    for (id, amount) in [
        ("DY2026024", "0.50"), // farmer
        ("DY2026026", "0.20"), // student
        ("DY2026028", "0.20"), // unemployed
        ("DY2026029", "0.20"), // relief
        ("DY2026030", "0.20"), // 低保
    ] {
        assert_eq!(
            (t.get(id, "base"), t.get(id, "amount")),
            ("", amount),
            "{id}"
        );
        assert!(t.get(id, "citation").ends_with("第六条"), "{id}");
    }
    // 年薪制: 85000 − 26350 = 58650 → 1173.00, above the 1000-yuan advisory figure: flagged, not capped.
    assert_eq!(t.get("DY2026016", "amount"), "1173.00");
    assert_eq!(t.get("DY2026016", "findings"), "DUES_ABOVE_ADVISORY_MAX");
    assert_eq!(
        t.get("DY2026001", "citation"),
        "关于中国共产党党费收缴、使用和管理的规定（中组发〔2008〕3号） 第二条"
    );
    assert!(t.get("DY2026020", "citation").ends_with("第五条"));
    assert!(
        stderr(&out).contains("30 members assessed, total due 3467.56 yuan, 0 rows with errors")
    );
}

#[test]
fn a_probationary_member_owes_from_the_month_of_admission() {
    // DY2026008, admitted 2026-06-18: 2200 + 600 + 1200 + 200 (奖励性绩效 excluded) − 1113 = 3087 → 1%.
    let t = Table::parse(&stdout(&dues(&data("roster.csv"), &[])));
    assert_eq!(t.get("DY2026008", "amount"), "30.87");
    let may = run(&[
        "dues",
        data("roster.csv").to_str().unwrap_or_default(),
        "--month",
        "2026-05",
    ]);
    let t = Table::parse(&stdout(&may));
    assert_eq!(t.get("DY2026008", "amount"), "0.00");
    assert_eq!(t.get("DY2026008", "findings"), "NOT_OWED_BEFORE_ADMISSION");
    assert!(t.get("DY2026008", "citation").ends_with("第八条"));
}

#[test]
fn the_xlsx_roster_gives_the_same_output_as_the_csv() {
    let csv = dues(&data("roster.csv"), &["--trace"]);
    let xlsx = dues(&data("roster.xlsx"), &["--trace"]);
    assert_eq!(xlsx.status.code(), Some(0), "{}", stderr(&xlsx));
    assert_eq!(stdout(&xlsx), stdout(&csv));
    // The same report but for the first line (which names the file and its sheet or encoding).
    let rest = |o: &Output| stderr(o).lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(rest(&xlsx), rest(&csv));
    assert!(stderr(&xlsx).contains("sheet `"), "{}", stderr(&xlsx));
}

#[test]
fn a_csv_saved_by_excel_with_bom_and_crlf_reads_the_same() {
    let plain = std::fs::read_to_string(data("roster.csv")).expect("roster");
    let excel = tmp("roster-excel-utf8.csv");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(plain.replace('\n', "\r\n").as_bytes());
    std::fs::write(&excel, bytes).expect("write");
    let out = dues(&excel, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), stdout(&dues(&data("roster.csv"), &[])));
}

#[test]
fn bad_rows_are_reported_by_line_and_the_good_ones_still_printed() {
    let out = dues(&data("bad-roster.csv"), &[]);
    assert_eq!(out.status.code(), Some(1));
    let t = Table::parse(&stdout(&out));
    assert_eq!(t.ids, ["DY2026101", "DY2026104", "DY2026111"]);
    // 事业单位: 2600 + 800 + 1400 + 400 (奖励性绩效 900 excluded) − (416 + 104 + 624) = 4056 → 1%.
    assert_eq!(t.get("DY2026101", "amount"), "40.56");
    assert_eq!(t.get("DY2026104", "amount"), "61.00"); // pension 6100 → 1%
    assert_eq!(t.get("DY2026111", "amount"), "0.20");
    let err = stderr(&out);
    for expected in [
        "line 3 (DY2026102): NEGATIVE_AMOUNT at housing_fund",
        "line 4 (DY2026103): UNKNOWN_CATEGORY at category: unknown category `retiree` — did you mean `retired`?",
        "line 6 (DY2026105): UNKNOWN_EMPLOYER_TYPE at employer_type",
        "line 7 (DY2026106): TOO_MANY_DECIMALS at post_salary",
        "line 8 (DY2026107): NOT_A_NUMBER at pension",
        "line 9 (DY2026104): DUPLICATE_MEMBER_ID at member_id: member_id appears twice: DY2026104 (first on line 5)",
        // What the core itself rejects, with its code, the field named as the roster's column:
        "line 10 (DY2026108): MISSING_EMPLOYER_TYPE at employer_type",
        "line 11 (DY2026109): NET_BASE_WITH_ITEMS at net_base",
        "line 12 (DY2026110): INVALID_DATE at admitted_on",
        "line 13: MISSING_MEMBER_ID at member_id",
        "line 15 (DY2026112): MISSING_INCOME at income columns",
    ] {
        assert!(err.contains(expected), "missing `{expected}` in:\n{err}");
    }
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error: line")).count(),
        11,
        "{err}"
    );
    assert!(
        err.contains("3 members assessed, total due 101.76 yuan, 11 rows with errors"),
        "{err}"
    );
}

#[test]
fn an_unknown_column_stops_everything_and_suggests_the_right_name() {
    let roster = std::fs::read_to_string(data("roster.csv")).expect("roster");
    let misspelled = tmp("roster-misspelled.csv");
    std::fs::write(
        &misspelled,
        roster.replacen("housing_fund", "housing_fnd", 1),
    )
    .expect("write");
    let out = dues(&misspelled, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "", "nothing printed");
    let err = stderr(&out);
    assert!(
        err.contains(
            "line 1: unknown column `housing_fnd` (column 21) — did you mean `housing_fund` (住房公积金)?"
        ),
        "{err}"
    );
}

#[test]
fn a_province_policy_overrides_the_farmer_figure() {
    let policy = data("province-policy.json");
    let out = dues(
        &data("roster.csv"),
        &["--policy", policy.to_str().unwrap_or_default(), "--trace"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let t = Table::parse(&stdout(&out));
    assert_eq!(t.get("DY2026024", "amount"), "1.00");
    assert_eq!(t.get("DY2026025", "amount"), "1.00");
    assert!(t
        .get("DY2026024", "trace")
        .contains("某省党费收缴使用和管理实施细则"));
    // Nothing else changes: two farmers × 0.50 more.
    assert_eq!(t.get("DY2026026", "amount"), "0.20");
    assert!(stderr(&out).contains("total due 3468.56 yuan"));

    let bad = tmp("bad-policy.json");
    let text = std::fs::read_to_string(&policy)
        .expect("policy")
        .replace("\"monthly\": \"1.0\"", "\"monthly\": \"1.5\"");
    std::fs::write(&bad, text).expect("write");
    let out = dues(
        &data("roster.csv"),
        &["--policy", bad.to_str().unwrap_or_default()],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).contains("FARMER_FIGURE_OUT_OF_RANGE at dues.farmer_monthly[0].value.monthly"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_trace_column_says_how_each_amount_was_reached() {
    let out = dues(&data("roster.csv"), &["--trace"]);
    let t = Table::parse(&stdout(&out));
    assert_eq!(t.header.last().map(String::as_str), Some("trace"));
    let trace = t.get("DY2026005", "trace");
    let steps: Vec<&str> = trace.split(" | ").collect();
    assert!(
        steps.contains(
            &"item=1500.00 (reward_performance excluded: not part of this member's base)"
        ),
        "{trace}"
    );
    assert!(
        steps
            .iter()
            .any(|s| s.starts_with("base=5000.00 (counted 6400.00 − deducted 1400.00)")),
        "{trace}"
    );
    assert!(
        steps
            .iter()
            .any(|s| s.starts_with("rate=0.01 (base 5000.00 ≤ 5000")),
        "{trace}"
    );
    assert!(
        steps.last().is_some_and(|s| s.starts_with("amount=50.00")),
        "{trace}"
    );
    let without = Table::parse(&stdout(&dues(&data("roster.csv"), &[])));
    assert!(!without.header.contains(&"trace".to_owned()));
}

#[test]
fn large_rosters_draw_no_progress_bar_when_stderr_is_not_a_terminal() {
    let mut text = String::from("member_id,category,pension\n");
    for i in 0..1500 {
        text.push_str(&format!("LT{i:05},retired,{}.00\n", 3000 + i));
    }
    let big = tmp("big-roster.csv");
    std::fs::write(&big, text).expect("write");
    let out = dues(&big, &[]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out).lines().count(), 1501);
    // stderr is a pipe here: the file's description and the summary, no bar drawing.
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 3, "{err}");
    assert!(!err.contains('\r') && !err.contains('\u{1b}'), "{err}");
    assert!(err.contains("1500 members assessed"), "{err}");
}

#[test]
fn usage_errors_and_unreadable_files_exit_2() {
    for args in [
        &[][..],
        &["member", "list"],
        &["credits"],
        &["dues", "roster.csv"],
        &["dues", "roster.csv", "--month", "2026/11"],
    ] {
        // The error and where to read more: no usage page burying the one line that matters.
        usage_error(&run(args));
    }
    let help = run(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("dangjian dues PAYROLL --month YYYY-MM"));

    let missing = dues(&tmp("no-such-roster.csv"), &[]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("cannot read"));

    // Neither UTF-8 nor GBK (0xFF never starts a GB18030 character): refused with the line and the way out.
    let binary = tmp("roster-binary.csv");
    std::fs::write(&binary, b"member_id,category\nDY1,\xFF\xFE\n").expect("write");
    let out = dues(&binary, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("NOT_TEXT: line 2: the file is neither UTF-8 nor GBK/GB18030"),
        "{}",
        stderr(&out)
    );
}
