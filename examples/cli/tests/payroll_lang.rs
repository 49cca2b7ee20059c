//! `dangjian dues` in the party worker's language: the payroll reader's places (第 2 行, 第 7 列; a
//! workbook cell as `工作表!G5`), its hints and the summary in Chinese by default; with `--lang en` the
//! English lines exactly as before (the web page's CLI test parses them). Amounts always with two decimals.
//!
//! The amounts are worked out by hand from the 2008 Rules Art. 2 (employed, on the base after tax and
//! personal contributions: ≤3000 → 0.5%, ≤5000 → 1%): 岗位工资 4000.00 alone → 1% → 40.00.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{run, stderr, tmp_in};

fn write(name: &str, text: &str) -> PathBuf {
    let path = tmp_in("payroll-lang", name);
    std::fs::write(&path, text).unwrap();
    path
}

/// `dues FILE --month 2026-11`, once in Chinese (the default) and once with `--lang en`.
fn both(file: &Path) -> (Output, Output) {
    let file = file.to_str().unwrap();
    let zh = run(&["dues", file, "--month", "2026-11"]);
    let en = run(&["--lang", "en", "dues", file, "--month", "2026-11"]);
    (zh, en)
}

#[test]
fn header_problems_name_the_row_and_column_in_chinese() {
    // Line 1 is the header: column 5 misspells housing_fund, column 6 (扣款合计) is ambiguous and column 7
    // repeats column 4's 岗位工资.
    let file = write(
        "header.csv",
        "工号,党员类别,单位类型,岗位工资,housing_fnd,扣款合计,岗位工资\nD1,在职党员,企业,4000,100,5,1\n",
    );
    let (zh, en) = both(&file);
    assert_eq!(zh.status.code(), Some(2));
    let name = file.display();
    let err = stderr(&zh);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines.get(..4).unwrap_or_default(),
        [
            format!(
                "错误：{name}：UNKNOWN_COLUMN：第 1 行：未知的列“housing_fnd”（第 5 列）——是否应为“housing_fund”\
                 （住房公积金）？（请用 --map 'housing_fnd=字段' 指明，或用 --ignore 'housing_fnd' 略过）"
            ),
            "第 1 行：第 6 列“扣款合计”含义不明：“扣款合计”常与单列的养老、医疗、公积金等扣款重复，也可能含不应扣除\
             的项目；请用 --map '扣款合计=ignore' 指明（或 --ignore '扣款合计'）"
                .to_owned(),
            "第 1 行：第 7 列“岗位工资”与第 4 列“岗位工资”都是 post_salary".to_owned(),
            "未读取工资表：拼错的列名会悄悄漏掉一项收入或扣除。".to_owned(),
        ],
        "{err}"
    );
    assert!(!err.contains("line "), "{err}");
    assert!(!err.contains("did you mean"), "{err}");
    // English as it was.
    let err = stderr(&en);
    assert!(
        err.starts_with(&format!(
            "error: {name}: UNKNOWN_COLUMN: line 1: unknown column `housing_fnd` (column 5) — did you mean \
             `housing_fund` (住房公积金)? (map it with --map 'housing_fnd=FIELD' or leave it out with --ignore \
             'housing_fnd')\nline 1: column 6 `扣款合计` is ambiguous: "
        )),
        "{err}"
    );
    assert!(
        err.contains("\nline 1: columns 4 `岗位工资` and 7 `岗位工资` are both post_salary\n"),
        "{err}"
    );
}

#[test]
fn row_errors_and_the_totals_warning_in_chinese() {
    // Line 2: 4000.00 → 40.00. Line 3: `retiree` for a category. Line 4: no income at all. Line 5: the
    // totals row says 4100.00; the member rows' 岗位工资 cells (the rejected row's too) add up to 4000.00 +
    // 3000.00 = 7000.00.
    let file = write(
        "rows.csv",
        "工号,党员类别,单位类型,岗位工资\nD1,在职党员,企业,4000\nD2,retiree,企业,3000\nD3,在职党员,企业,\n\
         合计,,,4100\n",
    );
    let (zh, en) = both(&file);
    assert_eq!(zh.status.code(), Some(1));
    let err = stderr(&zh);
    for line in [
        "读取：{file}：CSV，UTF-8；表头在第 1 行",
        "跳过 1 行：合计（第 5 行）",
        "提示：TOTALS_MISMATCH（岗位工资）：第 5 行：合计行“岗位工资”列为 4100.00，而各成员之和为 7000.00",
        "错误：第 3 行（D2）：UNKNOWN_CATEGORY（category）：未知的党员类别：retiree——是否应为“retired”？（可用：",
        "错误：第 4 行（D3）：MISSING_INCOME（收入各列）：",
        "2026年11月：1 名党员已计算，应交合计 40.00 元，2 行有错误",
    ] {
        let line = line.replace("{file}", &file.display().to_string());
        assert!(
            err.lines().any(|l| l.starts_with(&line)),
            "{line}\n{err}"
        );
    }
    assert!(!err.contains("line "), "{err}");
    assert!(!err.contains("did you mean"), "{err}");
    let err = stderr(&en);
    for line in [
        "skipped 1 row: 合计 (line 5)",
        "warning: TOTALS_MISMATCH at 岗位工资: line 5: the totals row says 4100.00 for column `岗位工资`, the \
         members' sum is 7000.00",
        "error: line 3 (D2): UNKNOWN_CATEGORY at category: unknown category `retiree` — did you mean `retired`? \
         (valid: ",
        "error: line 4 (D3): MISSING_INCOME at income columns: ",
        "2026-11: 1 member assessed, total due 40.00 yuan, 2 rows with errors",
    ] {
        assert!(
            err.lines().any(|l| l.starts_with(line)),
            "{line}\n{err}"
        );
    }
}

#[test]
fn a_payroll_without_members_totals_zero_yuan_with_two_decimals() {
    let file = write("empty.csv", "工号,党员类别,单位类型,岗位工资\n");
    let (zh, en) = both(&file);
    assert_eq!(zh.status.code(), Some(0));
    assert!(
        stderr(&zh).ends_with("\n2026年11月：0 名党员已计算，应交合计 0.00 元，0 行有错误\n"),
        "{}",
        stderr(&zh)
    );
    assert!(
        stderr(&en)
            .ends_with("\n2026-11: 0 members assessed, total due 0.00 yuan, 0 rows with errors\n"),
        "{}",
        stderr(&en)
    );
}

#[test]
fn a_bad_map_option_hints_in_chinese() {
    let file = write("map.csv", "工号,党员类别,单位类型,岗位工资\n");
    let file = file.to_str().unwrap();
    let args = ["dues", file, "--month", "2026-11", "--map", "a=housing_fnd"];
    let zh = run(&args);
    assert_eq!(zh.status.code(), Some(2));
    assert!(
        stderr(&zh).contains("BAD_OPTION：--map a=housing_fnd：未知字段“housing_fnd”——是否应为“housing_fund”？（可用："),
        "{}",
        stderr(&zh)
    );
    let en: Vec<&str> = ["--lang", "en"].iter().chain(&args).copied().collect();
    assert!(
        stderr(&run(&en)).contains("BAD_OPTION: --map a=housing_fnd: unknown field `housing_fnd` — did you mean `housing_fund`? (fields: "),
        "{}",
        stderr(&run(&en))
    );
}
