//! The shared credits conformance vectors (`tests/vectors/credits/*.json`, format in
//! `tests/vectors/README.md`), run through the JSON entry points of the Rust library.
//!
//! One line per failing case is printed (`file: name: field expected X got Y`) and the test fails listing them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use dangjian::credits::{self, Scheme, Scorer};
use serde_json::{json, Value};

fn load_files() -> Vec<(String, Value)> {
    common::load_vector_files("credits")
}

fn scheme(v: &Value) -> Result<Scheme, dangjian::Error> {
    match v.as_str() {
        Some("learning_platform") => Ok(Scheme::learning_platform()),
        Some("member_points") => Ok(Scheme::member_points()),
        Some(other) => panic!("unknown preset {other}"),
        None => Scheme::from_json(&v.to_string()),
    }
}

/// Compares the scored document with `expect`: entries (id → [points, reason]), totals (each listed total
/// present with that score), duplicates and errors (the listed keys of each, in order).
fn check_scored(out: &Value, expect: &Value, fail: &mut Vec<String>) {
    let entries = out["entries"].as_array().unwrap();
    for (id, want) in expect["entries"].as_object().unwrap() {
        let got = entries
            .iter()
            .find(|e| e["event_id"] == *id)
            .map(|e| json!([e["points"], e["reason"]]));
        if got.as_ref() != Some(want) {
            fail.push(format!("entries.{id} expected {want} got {got:?}"));
        }
    }
    for want in expect
        .get("totals")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let found = out["totals"].as_array().unwrap().iter().find(|t| {
            ["member_id", "kind", "period"]
                .iter()
                .all(|k| t[k] == want[k])
        });
        if found.map(|t| &t["score"]) != Some(&want["score"]) {
            fail.push(format!("totals expected {want} got {found:?}"));
        }
    }
    if let Some(want) = expect.get("duplicates") {
        if out["duplicates"] != *want {
            fail.push(format!(
                "duplicates expected {want} got {}",
                out["duplicates"]
            ));
        }
    }
    let want_errors = expect["errors"].as_array().unwrap();
    let got_errors = out["errors"].as_array().unwrap();
    let got: Vec<Value> = got_errors
        .iter()
        .zip(want_errors)
        .map(|(g, w)| {
            let keys = w.as_object().unwrap().keys();
            Value::Object(keys.map(|k| (k.clone(), g[k].clone())).collect())
        })
        .collect();
    if got_errors.len() != want_errors.len() || got != *want_errors {
        fail.push(format!(
            "errors expected {} got {}",
            Value::from(want_errors.clone()),
            out["errors"]
        ));
    }
}

fn run_case(case: &Value) -> Vec<String> {
    let mut fail = Vec::new();
    let expect = &case["expect"];
    match case["kind"].as_str().unwrap() {
        "score" => {
            let s = scheme(&case["scheme"]).unwrap();
            let out = credits::score_json(&s, &case["input"].to_string(), true).unwrap();
            check_scored(&serde_json::from_str(&out).unwrap(), expect, &mut fail);
        }
        "score_jsonl" => {
            let s = scheme(&case["scheme"]).unwrap();
            let lines: Vec<&str> = case["lines"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l.as_str().unwrap())
                .collect();
            let out = credits::score_jsonl(&s, &lines.join("\n"), false).unwrap();
            check_scored(&serde_json::from_str(&out).unwrap(), expect, &mut fail);
        }
        "scheme_error" => match scheme(&case["scheme"]) {
            Ok(_) => fail.push("expected an error, got a scheme".to_owned()),
            Err(e) => {
                let got = json!({"code": e.code(), "field": e.detail().field});
                if got != *expect {
                    fail.push(format!("error expected {expect} got {got}"));
                }
            }
        },
        "leaderboard" => {
            let out = credits::leaderboard_json(
                &case["totals"].to_string(),
                &case["orgs"].to_string(),
                case["period_kind"].as_str().unwrap(),
                case["period"].as_str().unwrap(),
                case["org"].as_str().unwrap(),
            )
            .unwrap();
            let rows: Vec<Value> = serde_json::from_str::<Vec<Value>>(&out)
                .unwrap()
                .into_iter()
                .map(|r| json!([r["member_id"], r["rank"], r["score"]]))
                .collect();
            if Value::from(rows.clone()) != expect["ranks"] {
                fail.push(format!(
                    "ranks expected {} got {}",
                    expect["ranks"],
                    Value::from(rows)
                ));
            }
        }
        "rate" => {
            let out = credits::rate_json(&case["scores"].to_string(), &case["tiers"].to_string())
                .unwrap();
            let got: serde_json::Map<String, Value> = serde_json::from_str::<Vec<Value>>(&out)
                .unwrap()
                .into_iter()
                .map(|r| {
                    (
                        r["member_id"].as_str().unwrap().to_owned(),
                        r["tier"].clone(),
                    )
                })
                .collect();
            if Value::Object(got.clone()) != expect["tiers"] {
                fail.push(format!(
                    "tiers expected {} got {}",
                    expect["tiers"],
                    Value::Object(got)
                ));
            }
        }
        "close" => {
            let mut scorer = Scorer::new(scheme(&case["scheme"]).unwrap()).unwrap();
            scorer
                .ingest_json(&case["input"]["events"].to_string())
                .unwrap();
            let closed: Value = serde_json::from_str(
                &scorer
                    .close_through_json(case["close_through"].as_str().unwrap())
                    .unwrap(),
            )
            .unwrap();
            let ids: Vec<&Value> = closed["entries"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| &e["event_id"])
                .collect();
            if Value::from(ids.iter().copied().cloned().collect::<Vec<_>>()) != expect["closed"] {
                fail.push(format!("closed expected {} got {ids:?}", expect["closed"]));
            }
            let after = &case["after"];
            let ingested = scorer.ingest_json(&after["events"].to_string()).unwrap();
            let voids: Vec<String> =
                serde_json::from_value(after.get("voids").cloned().unwrap_or(json!([]))).unwrap();
            let voided = scorer.void(&voids);
            let offences =
                serde_json::from_value(after.get("offences").cloned().unwrap_or(json!([])))
                    .unwrap();
            let penalised = scorer.record_offences(offences);
            let mut duplicates = ingested.duplicates.clone();
            duplicates.sort();
            let errors: Vec<_> = [ingested.errors, voided.errors, penalised.errors].concat();
            let out = json!({
                "entries": scorer.ledger(),
                "totals": scorer.totals(),
                "duplicates": duplicates,
                "errors": errors,
            });
            check_scored(&out, expect, &mut fail);
        }
        other => fail.push(format!("unknown kind {other}")),
    }
    fail
}

#[test]
fn credits_vectors() {
    let mut failures = Vec::new();
    let mut names = std::collections::BTreeSet::new();
    let mut count = 0;
    for (file, doc) in load_files() {
        assert_eq!(doc["schema_version"], 1, "{file}: schema_version");
        for case in doc["cases"].as_array().unwrap() {
            let name = case["name"].as_str().unwrap().to_owned();
            assert!(
                names.insert(name.clone()),
                "{file}: duplicate case name {name}"
            );
            count += 1;
            for f in run_case(case) {
                failures.push(format!("{file}: {name}: {f}"));
            }
        }
    }
    for f in &failures {
        eprintln!("{f}");
    }
    assert!(count >= 16, "only {count} cases found");
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
