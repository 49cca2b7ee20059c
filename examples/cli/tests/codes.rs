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
