//! Two CLI codes no other test produced when the code registry came (core/tests/codes_registry.rs): a value
//! in a column without a header, and an items file that is not JSON.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use common::{run, stderr, tmp_in};

#[test]
fn a_value_under_no_header_is_value_without_column() {
    let roster = tmp_in("codes", "headless-value.csv");
    // The third column has no name, yet DY2 has a value in it (DY1 leaves it empty, which is fine).
    std::fs::write(
        &roster,
        "member_id,category,,net_base\nDY1,employed,,5400.00\nDY2,employed,x,5400.00\n",
    )
    .unwrap();
    let o = run(&["dues", roster.to_str().unwrap(), "--month", "2026-11"]);
    let err = stderr(&o);
    assert!(err.contains("VALUE_WITHOUT_COLUMN"), "{err}");
    assert!(!err.contains("DY1"), "DY1's row is good: {err}");
}

#[test]
fn an_items_file_that_is_not_json_is_invalid_board_json() {
    let items = tmp_in("codes", "items-not-json.json");
    std::fs::write(&items, "[{").unwrap();
    let o = run(&[
        "--lang",
        "en",
        "disclosure",
        "board",
        items.to_str().unwrap(),
        "--viewer",
        "M1",
        "--on",
        "2026-03-02",
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("INVALID_BOARD_JSON"), "{}", stderr(&o));
}

#[test]
fn a_row_without_a_category_and_a_row_with_an_extra_cell_are_named_and_the_rest_assessed() {
    let roster = tmp_in("codes", "category-and-cells.csv");
    // DY1 is good (5400.00 × 1.5% = 81.00); DY2 has no category and no --category default; DY3 has a fourth
    // value under a three-column header.
    std::fs::write(
        &roster,
        "member_id,category,net_base\nDY1,employed,5400.00\nDY2,,5400.00\nDY3,employed,5400.00,9\n",
    )
    .unwrap();
    let o = run(&["dues", roster.to_str().unwrap(), "--month", "2026-11"]);
    let err = stderr(&o);
    assert!(err.contains("MISSING_CATEGORY"), "{err}");
    assert!(err.contains("TOO_MANY_CELLS"), "{err}");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("DY1") && out.contains("81.00"), "{out}");
}

/// The code `dangjian dues` reports for one file.
fn dues_code(name: &str, content: &[u8], extra: &[&str]) -> String {
    let roster = tmp_in("codes", name);
    std::fs::write(&roster, content).unwrap();
    let mut args = vec!["dues", roster.to_str().unwrap(), "--month", "2026-11"];
    args.extend_from_slice(extra);
    let o = run(&args);
    assert!(!o.status.success(), "{name} was accepted");
    stderr(&o)
}

#[test]
fn the_reader_names_each_kind_of_unreadable_file_or_header() {
    let good = b"member_id,category,net_base\nDY1,employed,5400.00\n";
    let cases: [(&str, &[u8], &[&str], &str); 6] = [
        ("empty.csv", b"", &[], "EMPTY_FILE"),
        (
            "two-bases.csv",
            b"member_id,category,net_base,net_base\nDY1,employed,1,1\n",
            &[],
            "DUPLICATE_COLUMN",
        ),
        (
            "no-id.csv",
            b"category,net_base\nemployed,5400.00\n",
            &[],
            "MISSING_COLUMN",
        ),
        (
            "unknown.csv",
            b"member_id,category,net_base,foo\nDY1,employed,5400.00,1\n",
            &[],
            "UNKNOWN_COLUMN",
        ),
        (
            "bad-map.csv",
            good,
            &["--map", "no-equals-sign"],
            "BAD_OPTION",
        ),
        (
            "torn.xlsx",
            b"PK\x03\x04 not a zip archive at all",
            &[],
            "NOT_A_WORKBOOK",
        ),
    ];
    for (name, content, extra, code) in cases {
        let err = dues_code(name, content, extra);
        assert!(err.contains(code), "{name}: expected {code} in {err}");
    }
}
