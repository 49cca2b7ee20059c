//! `dangjian disclosure board` as of a day, on `examples/data/board.json` (RULES §6; 条例 第二条, 第十五条,
//! 第四章): GK-2026-003 (B01's members) was published on 6 March 10:00 and corrected on 9 March 09:00 (赵某某
//! 宣传委员, not 纪检委员); GK-2026-008 (B01's members) was published on 5 March 08:00 and withdrawn on 8 March
//! 10:00 (会议时间再次调整，另行通知). DY2026005 is a member of B01 without a post; JW01 is the secretary of the
//! committee C01 above B01, an officer the bundled policy shows withdrawal records to.
// A test that cannot run its binary or read its data should fail loudly, helpers included; as in cli.rs.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::collections::HashMap;

use common::{data_arg as data, run, stderr, stdout};

/// The board's rows, by id, for a viewer on a day.
fn board(
    viewer: &str,
    on: &str,
) -> (
    Vec<String>,
    HashMap<String, HashMap<String, String>>,
    String,
) {
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
    let text = stdout(&out);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let mut ids = Vec::new();
    let mut rows = HashMap::new();
    for r in reader.records() {
        let row: HashMap<String, String> = header
            .iter()
            .cloned()
            .zip(r.unwrap().iter().map(str::to_owned))
            .collect();
        ids.push(row["id"].clone());
        rows.insert(row["id"].clone(), row);
    }
    (ids, rows, stderr(&out))
}

#[test]
fn a_correction_the_day_before_of_and_after() {
    let (_, rows, _) = board("DY2026005", "2026-03-08");
    let before = &rows["GK-2026-003"];
    assert_eq!(before["version"], "1");
    assert!(before["text"].contains("赵某某（纪检委员）"), "{before:?}");
    assert_eq!(
        (
            before["corrected_on"].as_str(),
            before["correction"].as_str()
        ),
        ("", "")
    );
    for on in ["2026-03-09", "2026-03-10"] {
        let (_, rows, _) = board("DY2026005", on);
        let after = &rows["GK-2026-003"];
        assert_eq!(after["version"], "2", "{on}");
        assert!(
            after["text"].contains("赵某某（宣传委员）"),
            "{on}: {after:?}"
        );
        assert_eq!(after["corrected_on"], "2026-03-09");
        assert_eq!(
            after["correction"],
            "更正：赵某某任宣传委员，原文误作纪检委员"
        );
        assert_eq!(after["status"], "published");
    }
}

#[test]
fn a_withdrawal_the_day_before_of_and_after() {
    let (ids, rows, said) = board("DY2026005", "2026-03-07");
    assert!(ids.contains(&"GK-2026-008".to_owned()), "{ids:?}");
    let standing = &rows["GK-2026-008"];
    assert_eq!(standing["status"], "published");
    assert_eq!(standing["withdrawn_on"], "");
    assert!(said.contains("5 of 8 items visible"), "{said}");
    for on in ["2026-03-08", "2026-03-09"] {
        let (ids, _, said) = board("DY2026005", on);
        assert!(!ids.contains(&"GK-2026-008".to_owned()), "{on}: {ids:?}");
        assert!(!said.contains("withdrawal record"), "{said}");
        // The officer above sees the record, with the day, the reason and the text withdrawn.
        let (_, rows, said) = board("JW01", on);
        let record = &rows["GK-2026-008"];
        assert_eq!(record["status"], "withdrawn");
        assert_eq!(record["withdrawn_on"], "2026-03-08");
        assert_eq!(record["withdrawal"], "会议时间再次调整，另行通知");
        assert!(record["text"].contains("调整至3月13日"), "{record:?}");
        assert!(said.ends_with("1 withdrawal record\n"), "{said}");
    }
}

#[test]
fn a_publication_the_day_before_of_and_after() {
    // GK-2026-003 was published on 6 March.
    assert!(!board("DY2026005", "2026-03-05")
        .0
        .contains(&"GK-2026-003".to_owned()));
    for on in ["2026-03-06", "2026-03-07"] {
        let (_, rows, _) = board("DY2026005", on);
        assert_eq!(rows["GK-2026-003"]["version"], "1", "{on}");
        assert_eq!(
            rows["GK-2026-003"]["published_at"],
            "2026-03-06T10:00:00+08:00"
        );
    }
}
