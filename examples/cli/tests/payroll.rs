//! `dangjian dues` on payroll files shaped as Chinese HR and payroll systems export them: title rows,
//! Chinese headers and values, thousands separators, blank lines, CRLF, totals and signature rows, GBK,
//! UTF-8 with BOM, workbooks with a merged title and several sheets, formulas without values.
//!
//! Every expected amount is worked out by hand in the comments from the rules: 2008 Rules Art. 2 (employed,
//! on the whole base after tax and personal contributions: ≤3000 → 0.5%, ≤5000 → 1%, ≤10000 → 1.5%,
//! above → 2%), Art. 5 (retired: ≤5000 → 0.5%, above → 1%), Art. 6 (students 0.20), and the 2017 Notice's
//! composition (事业单位: 岗位 + 薪级 + 基础性绩效 + 津贴补贴, 奖励性绩效 excluded; 机关: 职务/岗位 + 级别/薪级 +
//! 津贴补贴), rounded half-up to the fen.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{run, stderr, stdout, tmp_in};

fn tmp(name: &str) -> PathBuf {
    tmp_in("payroll", name)
}

fn dues(file: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "dues",
        file.to_str().unwrap(),
        "--month",
        "2026-11",
        "--lang",
        "en",
    ];
    args.extend_from_slice(extra);
    run(&args)
}

/// stdout as (member_id → row as column → value).
fn table(o: &Output) -> Vec<std::collections::HashMap<String, String>> {
    let text = stdout(o);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    reader
        .records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

fn amounts(o: &Output) -> Vec<(String, String)> {
    table(o)
        .into_iter()
        .map(|r| (r["member_id"].clone(), r["amount"].clone()))
        .collect()
}

/// A university's November payroll as its HR system exports it (lines numbered as a text editor shows them).
const PAYROLL: &str = "\
XX大学2026年11月工资发放表
单位：元
序号,工号,姓名,部门,党员类别,单位类型,岗位工资,薪级工资,基础性绩效工资,奖励性绩效工资,津贴补贴,离退休费,养老保险,医疗保险,失业保险,住房公积金,职业年金,个人所得税,应发合计,实发合计,备注
1,G001,张三,教务处,在职党员,事业单位,\"4,000.00\",1200.00,1000.00,900.00,300.00,,320.00,80.00,20.00,600.00,160.00,50.00,7400.00,6170.00,
2,G002,李四,财务处,在职党员,事业单位,2600.00,800.00,700.00,500.00,200.00,,240.00,60.00,15.00,400.00,120.00,0.00,4800.00,3965.00,

3,G003,王五,离退休办,离退休党员,,,,,,,\"5,200.00\",,,,,,,5200.00,5200.00,
4,G004,赵六,机关党委,在职党员,机关,3000.00,2000.00,,,2500.00,,560.00,140.00,0.00,840.00,280.00,95.40,7500.00,5584.60,
5,G005,钱七,研究生院,学生党员,,,,,,,,,,,,,,,,
合计,,,,在职党员,事业单位,\"9,600.00\",4000.00,1700.00,1400.00,3000.00,5200.00,1120.00,280.00,35.00,1840.00,560.00,145.40,24900.00,20919.60,
制表人：孙八    审核人：周九
";

/// The amounts of [`PAYROLL`], by hand:
/// - G001 事业单位: 4000 + 1200 + 1000 + 300 (奖励性绩效 900 excluded) − (320 + 80 + 20 + 600 + 160 + 50 = 1230)
///   = 5270.00 → 1.5% → 79.05.
/// - G002 事业单位: 2600 + 800 + 700 + 200 − (240 + 60 + 15 + 400 + 120 + 0 = 835) = 3465.00 → 1% → 34.65.
/// - G003 离退休: 5200.00 > 5000 → 1% → 52.00.
/// - G004 机关: 3000 + 2000 + 2500 − (560 + 140 + 0 + 840 + 280 + 95.40 = 1915.40) = 5584.60 → 1.5% → 83.769
///   → 83.77.
/// - G005 学生: 0.20.
///
/// Total 79.05 + 34.65 + 52.00 + 83.77 + 0.20 = 249.67 — not the 合计 row assessed as a sixth member.
const EXPECTED: [(&str, &str); 5] = [
    ("G001", "79.05"),
    ("G002", "34.65"),
    ("G003", "52.00"),
    ("G004", "83.77"),
    ("G005", "0.20"),
];

fn expected() -> Vec<(String, String)> {
    EXPECTED
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let path = tmp(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn bom_crlf(text: &str) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    bytes
}

#[test]
fn a_utf8_bom_crlf_export_with_title_totals_and_signature_rows() {
    let file = write("payroll-bom.csv", &bom_crlf(PAYROLL));
    let out = dues(&file, &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(amounts(&out), expected(), "{err}");
    let t = table(&out);
    assert_eq!(t[0]["name"], "张三", "the name is carried to the output");
    assert_eq!(t[0]["base"], "5270.00");
    assert_eq!(t[2]["category"], "retired");
    assert!(
        err.contains("CSV, UTF-8 with BOM; header on line 3"),
        "{err}"
    );
    assert!(err.contains("工号→member_id"), "{err}");
    assert!(
        err.contains("ignored columns: 序号, 部门, 应发合计, 实发合计, 备注"),
        "{err}"
    );
    // The blank line 6 is not a row; the totals row is line 10 and the signature line 11.
    assert!(
        err.contains("skipped 2 rows: 合计 (line 10), 制表 (line 11)"),
        "{err}"
    );
    assert!(!err.contains("TOTALS_MISMATCH"), "the totals agree: {err}");
    assert!(
        err.contains("5 members assessed, total due 249.67 yuan, 0 rows with errors"),
        "{err}"
    );
}

#[test]
fn a_gbk_export_reads_as_the_same_payroll() {
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(PAYROLL);
    assert!(!unmappable);
    let file = write("payroll-gbk.csv", &gbk);
    let out = dues(&file, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(amounts(&out), expected());
    assert!(stderr(&out).contains("GB18030/GBK"));
}

#[test]
fn a_totals_row_that_differs_from_the_members_is_a_warning_naming_column_and_sums() {
    // The 岗位工资 total says 9,700.00; the members' cells add up to 4000 + 2600 + 3000 = 9600.00.
    let file = write(
        "payroll-totals.csv",
        PAYROLL.replace("\"9,600.00\"", "9700.00").as_bytes(),
    );
    let out = dues(&file, &[]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.contains("warning: TOTALS_MISMATCH at 岗位工资: line 10: the totals row says 9700.00 for column `岗位工资`, the members' sum is 9600.00"),
        "{err}"
    );
    assert_eq!(amounts(&out), expected(), "a warning, not a change");
}

#[test]
fn errors_name_the_physical_line_after_crlf_and_blank_lines() {
    // G004's 岗位工资 with three decimals; the file has CRLF ends and a blank line 6, so G004 is on line 8.
    let text = PAYROLL.replace("机关,3000.00", "机关,3000.005");
    let out = dues(&write("payroll-bad-line.csv", &bom_crlf(&text)), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("error: line 8 (G004): TOO_MANY_DECIMALS at post_salary"),
        "{err}"
    );
    assert_eq!(
        amounts(&out).len(),
        4,
        "the other members are still assessed"
    );
}

#[test]
fn an_unterminated_quote_is_reported_where_it_opened() {
    // The other quoted cells written plainly, so no later quote closes the one opened on line 4.
    let text = PAYROLL
        .replace("\"5,200.00\"", "5200.00")
        .replace("\"9,600.00\"", "9600.00")
        .replace("\"4,000.00\",1200.00", "\"4,000.00,1200.00");
    let out = dues(&write("payroll-quote.csv", &bom_crlf(&text)), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).contains("UNTERMINATED_QUOTE: line 4: a quote opened here is never closed"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_ambiguous_performance_column_refuses_until_mapped() {
    let text = PAYROLL.replace("基础性绩效工资", "绩效工资");
    let file = write("payroll-ambiguous.csv", text.as_bytes());
    let out = dues(&file, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    let err = stderr(&out);
    assert!(err.contains("AMBIGUOUS_COLUMN"), "{err}");
    assert!(err.contains("--map '绩效工资=basic_performance'"), "{err}");
    let mapped = dues(&file, &["--map", "绩效工资=basic_performance"]);
    assert_eq!(mapped.status.code(), Some(0), "{}", stderr(&mapped));
    assert_eq!(amounts(&mapped), expected());
    // Mapped the other way, G001's 1000.00 is reward pay, out of the base: 5270 − 1000 = 4270.00 → 1% → 42.70;
    // G002: 3465 − 700 = 2765.00 → 0.5% → 13.825 → 13.83.
    let reward = dues(&file, &["--map", "绩效工资=reward_performance"]);
    let a = amounts(&reward);
    assert_eq!((a[0].1.as_str(), a[1].1.as_str()), ("42.70", "13.83"));
    // A map file says the same.
    let map_file = write(
        "maps.txt",
        "# 本单位的绩效工资为基础性绩效\n绩效工资=basic_performance\n".as_bytes(),
    );
    let from_file = dues(&file, &["--map-file", map_file.to_str().unwrap()]);
    assert_eq!(amounts(&from_file), expected());
}

#[test]
fn an_unknown_column_refuses_unless_ignored_or_mapped() {
    let text = PAYROLL.replace("备注", "工会会费");
    let file = write("payroll-unknown.csv", text.as_bytes());
    let out = dues(&file, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("line 3: unknown column `工会会费` (column 21)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(amounts(&dues(&file, &["--ignore", "工会会费"])), expected());
    assert_eq!(
        amounts(&dues(&file, &["--map", "工会会费=ignore"])),
        expected()
    );
}

#[test]
fn defaults_for_files_without_category_or_employer_columns() {
    // No 党员类别 nor 单位类型 column: every row an employed member of a public institution.
    let text = "工号,姓名,岗位工资,薪级工资,住房公积金\nP1,甲,3000.00,500.00,500.00\nP2,乙,3000.00,2500.00,400.00\n";
    let file = write("payroll-defaults.csv", text.as_bytes());
    let out = dues(&file, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--category"), "{}", stderr(&out));
    let out = dues(
        &file,
        &["--category", "在职党员", "--employer-type", "事业单位"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // P1: 3000 + 500 − 500 = 3000.00 → 0.5% → 15.00 (the upper bound of the lowest bracket);
    // P2: 3000 + 2500 − 400 = 5100.00 → 1.5% → 76.50.
    assert_eq!(
        amounts(&out),
        [
            ("P1".to_owned(), "15.00".to_owned()),
            ("P2".to_owned(), "76.50".to_owned())
        ]
    );
}

#[test]
fn a_category_that_contradicts_the_row_is_a_finding() {
    // G003 written as 离退休 but paid a salary and no pension; a new G006 written as 在职 with only a pension.
    let text = PAYROLL
        .replace(
            "3,G003,王五,离退休办,离退休党员,,,,,,,\"5,200.00\"",
            "3,G003,王五,离退休办,离退休党员,,3200.00,,,,,",
        )
        .replace(
            "5,G005,",
            "6,G006,吴十,离退休办,在职党员,事业单位,,,,,,4100.00,,,,,,,,,\n5,G005,",
        );
    let out = dues(&write("payroll-contradiction.csv", text.as_bytes()), &[]);
    let err = stderr(&out);
    let t = table(&out);
    let g003 = t.iter().find(|r| r["member_id"] == "G003").unwrap();
    assert!(
        g003["findings"].contains("CATEGORY_CONTRADICTS_ITEMS"),
        "{err}"
    );
    let g006 = t.iter().find(|r| r["member_id"] == "G006").unwrap();
    assert!(
        g006["findings"].contains("CATEGORY_CONTRADICTS_ITEMS"),
        "{err}"
    );
    assert!(
        err.contains("warning: line 7 (G003): CATEGORY_CONTRADICTS_ITEMS"),
        "{err}"
    );
}

#[test]
fn zero_cells_are_values_and_empty_cells_are_missing() {
    // The reader passes a present 0, 0.00 or ０ to the core as an amount (the core decides what a zero base
    // owes); an empty cell is no item at all.
    let text = "工号,党员类别,单位类型,岗位工资,薪级工资,住房公积金\nZ1,在职党员,企业,0,0.00,０\nZ2,在职党员,企业,,,\n";
    let payroll = dangjian_payroll::read(text.as_bytes(), &Default::default()).unwrap();
    let z1 = payroll.rows[0].member.as_ref().unwrap();
    let items: Vec<String> = z1.incomes[0]
        .items
        .iter()
        .map(|i| format!("{}={}", i.code, i.amount))
        .collect();
    assert_eq!(
        items,
        ["post_salary=0.00", "grade_salary=0.00", "housing_fund=0.00"]
    );
    let z2 = payroll.rows[1].member.as_ref().unwrap();
    assert!(z2.incomes.is_empty());
}

#[test]
fn cells_that_would_be_formulas_in_excel_are_written_as_text() {
    let text = "工号,姓名,党员类别\nS1,\"=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",学生党员\nS2,@SUM(A1),学生党员\nS3,-1+2,学生党员\nS4,a\0b,学生党员\n";
    let out = dues(&write("payroll-injection.csv", text.as_bytes()), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let names: Vec<String> = table(&out).into_iter().map(|r| r["name"].clone()).collect();
    assert_eq!(
        names,
        [
            "'=HYPERLINK(\"http://x\",\"点我\")",
            "'@SUM(A1)",
            "'-1+2",
            "ab"
        ]
    );
    assert!(!out.stdout.contains(&0), "no NUL written");
}

#[test]
fn errors_are_capped_at_fifty_then_counted() {
    let mut text = String::from("工号,党员类别\n");
    for i in 0..60 {
        text.push_str(&format!("E{i},宇航员\n"));
    }
    let out = dues(&write("payroll-many-errors.csv", text.as_bytes()), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error: ")).count(),
        50,
        "{err}"
    );
    assert!(err.contains("… and 10 more errors"), "{err}");
    assert!(err.contains("60 rows with errors"), "{err}");
}

#[test]
fn chinese_is_the_default_language_of_the_report() {
    let file = write("payroll-zh.csv", &bom_crlf(PAYROLL));
    let out = run(&["dues", file.to_str().unwrap(), "--month", "2026-11"]);
    let err = stderr(&out);
    assert!(err.contains("表头在第 3 行"), "{err}");
    assert!(
        err.contains("跳过 2 行：合计（第 10 行），制表（第 11 行）"),
        "{err}"
    );
    assert!(err.contains("5 名党员已计算，应交合计 249.67 元"), "{err}");
    // stdout stays machine-readable: codes, not words.
    assert!(stdout(&out).starts_with("member_id,name,category,base"));
}

// ---------------------------------------------------------------- workbooks

/// The payroll as a workbook: a merged title over the header, G001's 岗位工资 as the text "4,000.00", and an
/// October sheet before the November one.
fn payroll_xlsx(name: &str) -> PathBuf {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let october = book.add_worksheet();
    october.set_name("2026年10月").unwrap();
    for (c, h) in ["工号", "姓名", "党员类别", "离退休费"].iter().enumerate() {
        october.write_string(0, c as u16, *h).unwrap();
    }
    october.write_string(1, 0, "G003").unwrap();
    october.write_string(1, 1, "王五").unwrap();
    october.write_string(1, 2, "离退休党员").unwrap();
    // 4,800.00 ≤ 5000 → 0.5% → 24.00.
    october.write_number(1, 3, 4800.0).unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("2026年11月").unwrap();
    let lines: Vec<Vec<&str>> = PAYROLL
        .lines()
        .skip(2)
        .filter(|l| !l.is_empty())
        .map(|l| split_csv(l))
        .collect();
    sheet
        .merge_range(0, 0, 0, 10, "XX大学2026年11月工资发放表", &Format::new())
        .unwrap();
    for (r, cells) in lines.iter().enumerate() {
        let row = r as u32 + 2; // the header on row 3, as in the CSV
        for (c, cell) in cells.iter().enumerate() {
            let number = cell
                .parse::<f64>()
                .ok()
                .filter(|_| r > 0 && c != 1 && c != 0);
            match number {
                Some(n) => sheet.write_number(row, c as u16, n).unwrap(),
                None if cell.is_empty() => sheet,
                None => sheet.write_string(row, c as u16, *cell).unwrap(),
            };
        }
    }
    let path = tmp(name);
    book.save(&path).unwrap();
    path
}

/// A line of [`PAYROLL`] as cells (its quoted cells hold no quotes).
fn split_csv(line: &str) -> Vec<&str> {
    let mut cells = Vec::new();
    let mut rest = line;
    loop {
        if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"').unwrap();
            cells.push(&quoted[..end]);
            rest = &quoted[end + 1..];
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            cells.push(&rest[..end]);
            rest = &rest[end..];
        }
        match rest.strip_prefix(',') {
            Some(r) => rest = r,
            None => return cells,
        }
    }
}

#[test]
fn a_workbook_with_a_merged_title_and_a_text_amount_chosen_by_sheet() {
    let file = payroll_xlsx("payroll.xlsx");
    let by_name = dues(&file, &["--sheet", "2026年11月"]);
    let err = stderr(&by_name);
    assert_eq!(by_name.status.code(), Some(0), "{err}");
    assert_eq!(amounts(&by_name), expected(), "{err}");
    assert!(
        err.contains(
            "sheet `2026年11月` (2 of 2: 2026年10月, 2026年11月); header on 2026年11月 row 3"
        ),
        "{err}"
    );
    assert!(err.contains("合计 (2026年11月 row 9)"), "{err}");
    let by_number = dues(&file, &["--sheet", "2"]);
    assert_eq!(stdout(&by_number), stdout(&by_name));
    // The first sheet by default: October's pension 4800.00 → 0.5% → 24.00.
    let first = dues(&file, &[]);
    assert_eq!(amounts(&first), [("G003".to_owned(), "24.00".to_owned())]);
    let missing = dues(&file, &["--sheet", "2026年12月"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("NO_SUCH_SHEET"),
        "{}",
        stderr(&missing)
    );
}

/// A minimal .xlsx written entry by entry, so a test controls every byte calamine will see.
fn raw_xlsx(
    name: &str,
    sheet_name: &str,
    sheet_xml: &str,
    shared_strings: Option<&str>,
) -> PathBuf {
    let path = tmp(name);
    let file = std::fs::File::create(&path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut put = |entry: &str, text: &str| {
        zip.start_file(entry, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    };
    let sst_type = if shared_strings.is_some() {
        r#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
    } else {
        ""
    };
    put(
        "[Content_Types].xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>{sst_type}</Types>"#
        ),
    );
    put(
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    );
    put(
        "xl/workbook.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{sheet_name}" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        ),
    );
    let sst_rel = if shared_strings.is_some() {
        r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
    } else {
        ""
    };
    put(
        "xl/_rels/workbook.xml.rels",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>{sst_rel}</Relationships>"#
        ),
    );
    put(
        "xl/worksheets/sheet1.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{sheet_xml}</worksheet>"#
        ),
    );
    if let Some(sst) = shared_strings {
        put("xl/sharedStrings.xml", sst);
    }
    zip.finish().unwrap();
    path
}

fn text_cell(r: &str, text: &str) -> String {
    format!(r#"<c r="{r}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// Three members; on row 5, G5 (岗位工资) is `=E5+F5` saved without its value, as openpyxl writes it.
fn uncached_formula_sheet() -> String {
    let mut xml = String::from("<sheetData>");
    let header = [
        "工号",
        "姓名",
        "党员类别",
        "单位类型",
        "薪级工资",
        "津贴补贴",
        "岗位工资",
    ];
    xml.push_str(r#"<row r="4">"#);
    for (c, h) in header.iter().enumerate() {
        xml.push_str(&text_cell(&format!("{}4", (b'A' + c as u8) as char), h));
    }
    xml.push_str("</row>");
    for (row, id, post) in [
        (5, "F1", None),
        (6, "F2", Some("4000")),
        (7, "F3", Some("2000")),
    ] {
        xml.push_str(&format!(r#"<row r="{row}">"#));
        xml.push_str(&text_cell(&format!("A{row}"), id));
        xml.push_str(&text_cell(&format!("B{row}"), "某人"));
        xml.push_str(&text_cell(&format!("C{row}"), "在职党员"));
        xml.push_str(&text_cell(&format!("D{row}"), "事业单位"));
        xml.push_str(&format!(
            r#"<c r="E{row}"><v>1400</v></c><c r="F{row}"><v>0</v></c>"#
        ));
        match post {
            Some(v) => xml.push_str(&format!(r#"<c r="G{row}"><v>{v}</v></c>"#)),
            None => xml.push_str(&format!(r#"<c r="G{row}"><f>E{row}+F{row}</f></c>"#)),
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData>");
    xml
}

#[test]
fn a_formula_without_a_cached_value_is_that_row_s_error_naming_the_cell() {
    let file = raw_xlsx(
        "payroll-formula.xlsx",
        "2026年11月",
        &uncached_formula_sheet(),
        None,
    );
    let out = dues(&file, &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error: 2026年11月!G5 (F1): UNCACHED_FORMULA at 2026年11月!G5: 2026年11月!G5: a formula saved without its value; open and save the file in Excel"),
        "{err}"
    );
    // F2: 4000 + 1400 + 0 = 5400.00 → 1.5% → 81.00; F3: 2000 + 1400 = 3400.00 → 1% → 34.00 (the zero
    // 津贴补贴 is an amount, and changes nothing).
    assert_eq!(
        amounts(&out),
        [
            ("F2".to_owned(), "81.00".to_owned()),
            ("F3".to_owned(), "34.00".to_owned())
        ]
    );
}

// ---------------------------------------------------------------- bounds (issue 16 part 2)

fn refused(file: &Path, code: &str) -> String {
    let out = dues(file, &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(stdout(&out), "");
    assert!(err.contains(code), "{err}");
    err
}

#[test]
fn a_stray_far_cell_is_refused_before_calamine_allocates_its_grid() {
    // A1 and ZZ200000: a grid of 200 000 × 702 = 140 400 000 cells (4.5 GB in calamine), over MAX_CELLS.
    let sheet = format!(
        r#"<sheetData><row r="1">{}</row><row r="200000"><c r="ZZ200000"><v>1</v></c></row></sheetData>"#,
        text_cell("A1", "工号")
    );
    let file = raw_xlsx("bomb-far-cell.xlsx", "S", &sheet, None);
    let size = std::fs::metadata(&file).unwrap().len();
    assert!(size < 2048, "a small file: {size} bytes");
    let err = refused(&file, "LIMIT_EXCEEDED");
    assert!(err.contains("MAX_CELLS (cells span to ZZ200000)"), "{err}");
    assert!(err.contains("140400000"), "{err}");
}

#[test]
fn a_shared_string_count_of_billions_is_refused() {
    let sst = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4000000000" uniqueCount="4000000000"><si><t>工号</t></si></sst>"#;
    let sheet = r#"<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>"#;
    let file = raw_xlsx("bomb-sst.xlsx", "S", sheet, Some(sst));
    let err = refused(&file, "LIMIT_EXCEEDED");
    assert!(err.contains("MAX_SHARED_STRINGS"), "{err}");
}

#[test]
fn a_huge_declared_dimension_is_refused() {
    let sheet = format!(
        r#"<dimension ref="A1:XFD1048576"/><sheetData><row r="1">{}</row></sheetData>"#,
        text_cell("A1", "工号")
    );
    let err = refused(
        &raw_xlsx("bomb-dimension.xlsx", "S", &sheet, None),
        "LIMIT_EXCEEDED",
    );
    assert!(err.contains("MAX_CELLS (dimension)"), "{err}");
}

#[test]
fn malformed_row_and_column_references_are_refused() {
    for (name, sheet) in [
        (
            "bomb-row0.xlsx",
            r#"<sheetData><row r="1"><c r="A0"><v>1</v></c></row></sheetData>"#,
        ),
        (
            "bomb-col.xlsx",
            r#"<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>"#,
        ),
        (
            "bomb-rowref.xlsx",
            r#"<sheetData><row r="4294967295"><c><v>1</v></c></row></sheetData>"#,
        ),
        ("bomb-dim.xlsx", r#"<dimension ref="A1:1A"/><sheetData/>"#),
    ] {
        let err = refused(&raw_xlsx(name, "S", sheet, None), "BAD_CELL_REFERENCE");
        assert!(err.contains("malformed cell reference"), "{name}: {err}");
    }
}

// ---------------------------------------------------------------- what Excel opens

#[test]
fn the_bom_csv_and_the_workbook_written_with_o_hold_stdout_s_amounts() {
    use calamine::{Data, Reader, Xlsx};
    let file = write("payroll-out.csv", &bom_crlf(PAYROLL));
    let stdout_rows = amounts(&dues(&file, &[]));
    // -o FILE.csv: UTF-8 with a BOM, Chinese headers by default.
    let csv_out = tmp("dues-out.csv");
    let out = run(&[
        "dues",
        file.to_str().unwrap(),
        "--month",
        "2026-11",
        "-o",
        csv_out.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "", "the table went to the file");
    let bytes = std::fs::read(&csv_out).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a BOM for Excel");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(&header[..3], ["党员编号", "姓名", "党员类别"]);
    let from_csv: Vec<(String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_owned(), r[5].to_owned())
        })
        .collect();
    assert_eq!(from_csv, stdout_rows);
    // -o FILE.xlsx: amounts as numbers shown with two decimals, the citation per member, a totals row.
    let xlsx_out = tmp("dues-out.xlsx");
    let out = run(&[
        "dues",
        file.to_str().unwrap(),
        "--month",
        "2026-11",
        "-o",
        xlsx_out.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut book: Xlsx<_> = calamine::open_workbook(&xlsx_out).unwrap();
    let range = book.worksheet_range("党费").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows[0][5].to_string(), "党费金额");
    let from_xlsx: Vec<(String, String)> = rows[1..=5]
        .iter()
        .map(|r| {
            let Data::Float(amount) = r[5] else {
                panic!("{:?}", r[5])
            };
            (r[0].to_string(), format!("{amount:.2}"))
        })
        .collect();
    assert_eq!(from_xlsx, stdout_rows);
    assert!(
        rows[1][6].to_string().ends_with("第二条"),
        "the citation: {:?}",
        rows[1][6]
    );
    assert_eq!(rows[3][2].to_string(), "离退休党员");
    assert_eq!(rows[6][0].to_string(), "合计");
    let Data::Float(total) = rows[6][5] else {
        panic!("{:?}", rows[6][5])
    };
    assert_eq!(format!("{total:.2}"), "249.67");
    // English headers on request.
    let out = run(&[
        "dues",
        file.to_str().unwrap(),
        "--month",
        "2026-11",
        "--lang",
        "en",
        "-o",
        csv_out.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(&csv_out).unwrap();
    assert!(
        text.starts_with("\u{feff}member_id,name,category,base"),
        "{text}"
    );
}
