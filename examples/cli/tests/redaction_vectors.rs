//! The shared redaction vectors (`tests/vectors/disclosure/*.json`, kind `redact`) through `dangjian
//! disclosure board`: every vector's text becomes the body of a published item to society, the board is read
//! as the public sees it, and each item's `text` column must be the vector's `masked`. Cases with policy
//! overrides are left to the other surfaces: the board publishes under the bundled policy.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use std::collections::HashMap;
use std::path::Path;

use serde_json::{json, Value};

use common::{data, run, stderr, stdout};

/// The `redact` cases without policy overrides: (name, text, masked).
fn cases() -> Vec<(String, String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/disclosure");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the vectors")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for c in doc["cases"].as_array().unwrap() {
            if c["kind"] == "redact" && c.get("policy_overrides").is_none() {
                out.push((
                    c["name"].as_str().unwrap().to_owned(),
                    c["text"].as_str().unwrap().to_owned(),
                    c["expect"]["masked"].as_str().unwrap().to_owned(),
                ));
            }
        }
    }
    out
}

/// A published item to society with `body` (also its only version's body).
fn item(id: &str, body: &str) -> Value {
    json!({"schema_version": 1, "id": id, "org": "C01", "title": "redaction vector", "body": body,
        "category": "service", "scope": {"kind": "to_society"}, "created_by": "JW02",
        "created_at": "2026-03-03T14:00:00+08:00", "status": "published",
        "published_at": "2026-03-05T10:00:00+08:00",
        "versions": [{"number": 1, "title": "redaction vector", "body": body, "actor": "JW02",
            "at": "2026-03-05T10:00:00+08:00"}]})
}

#[test]
fn the_board_masks_every_vector_like_the_library() {
    let cases = cases();
    assert!(cases.len() >= 30, "only {} redact vectors", cases.len());
    let example: Value =
        serde_json::from_str(&std::fs::read_to_string(data("board.json")).unwrap()).unwrap();
    let items: Vec<Value> = cases
        .iter()
        .enumerate()
        .map(|(i, (_, text, _))| item(&format!("V{i:03}"), text))
        .collect();
    let bundle =
        json!({"context": example["context"], "viewers": example["viewers"], "items": items});
    let file = common::tmp_in("redaction-vectors", "board.json");
    std::fs::write(&file, bundle.to_string()).unwrap();
    let out = run(&[
        "--lang",
        "en",
        "disclosure",
        "board",
        file.to_str().unwrap(),
        "--viewer",
        "public",
        "--on",
        "2026-03-10",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table = stdout(&out);
    let mut reader = csv::Reader::from_reader(table.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let texts: HashMap<String, String> = reader
        .records()
        .map(|r| {
            let row: HashMap<&str, String> = header
                .iter()
                .map(String::as_str)
                .zip(r.unwrap().iter().map(str::to_owned))
                .collect();
            (row["id"].clone(), row["text"].clone())
        })
        .collect();
    let failures: Vec<String> = cases
        .iter()
        .enumerate()
        .filter_map(|(i, (name, _, masked))| {
            // The CLI writes a text cell that a spreadsheet would run as a formula (= + - @ first) with a
            // leading apostrophe (OWASP's CSV-injection rule): the published text is what follows it.
            let got = texts.get(&format!("V{i:03}")).map(|t| {
                let formula_like =
                    t.starts_with(['\'']) && t[1..].starts_with(['=', '+', '-', '@']);
                if formula_like {
                    t[1..].to_owned()
                } else {
                    t.clone()
                }
            });
            (got.as_ref() != Some(masked))
                .then(|| format!("{name}: expected {masked:?} got {got:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
