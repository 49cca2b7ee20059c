//! The shared disclosure conformance vectors (`tests/vectors/disclosure/*.json`, format in
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

use dangjian::disclosure::{self, AuditLog};
use dangjian::{Calendar, Error, Policy};
use serde_json::{json, Value};

fn load_files() -> Vec<(String, Value)> {
    common::load_vector_files("disclosure")
}

fn s(v: &Value) -> String {
    v.to_string()
}

fn policy(case: &Value) -> Policy {
    match case.get("policy_overrides") {
        Some(o) => Policy::bundled()
            .with_overrides_json(&o.to_string())
            .unwrap(),
        None => Policy::bundled(),
    }
}

fn codes(findings: &Value) -> Value {
    Value::Array(
        findings
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].clone())
            .collect(),
    )
}

fn err(e: &Error) -> Value {
    json!({"code": e.code(), "field": e.detail().field})
}

/// What the library gives for a case, in the shape of its `expect`.
fn actual(case: &Value) -> Value {
    let p = policy(case);
    let cal = Calendar::official();
    let on = case["on"].as_str().unwrap_or("");
    match case["kind"].as_str().unwrap() {
        "notice" => {
            let r: Value = serde_json::from_str(
                &disclosure::evaluate_notice_json(&p, &cal, &s(&case["notice"]), on).unwrap(),
            )
            .unwrap();
            json!({"working_days": r["working_days"], "earliest_close": r["earliest_close"], "result": r["result"], "codes": codes(&r["findings"])})
        }
        "notice_error" => match disclosure::evaluate_notice_json(&p, &cal, &s(&case["notice"]), on)
        {
            Ok(out) => json!({"unexpected": out}),
            Err(e) => err(&e),
        },
        "redact" => redact(case, &p),
        "visible" => {
            let v = disclosure::visible_json(
                &s(&case["context"]),
                &s(&case["viewer"]),
                &s(&case["item"]),
                on,
            )
            .unwrap();
            json!({"visible": v})
        }
        "board" => {
            let (ctx, viewer, items) = (s(&case["context"]), s(&case["viewer"]), s(&case["items"]));
            let entries = disclosure::board_json(&p, &ctx, &viewer, &items, on).unwrap();
            let ids = disclosure::filter_visible_json(&ctx, &viewer, &items, on).unwrap();
            json!({"entries": serde_json::from_str::<Value>(&entries).unwrap(), "ids": serde_json::from_str::<Value>(&ids).unwrap()})
        }
        "catalogue" => {
            let r: Value = serde_json::from_str(
                &disclosure::catalogue_status_json(
                    &p,
                    &cal,
                    &s(&case["catalogue"]),
                    &s(&case["items"]),
                    on,
                )
                .unwrap(),
            )
            .unwrap();
            let dues: Vec<Value> = r["value"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| json!({"code": d["code"], "period": d["period"], "due_on": d["due_on"], "status": d["status"]}))
                .collect();
            json!({"dues": dues, "codes": codes(&r["findings"])})
        }
        "deadlines" => {
            let r: Value = serde_json::from_str(
                &disclosure::item_deadlines_json(&p, &cal, &s(&case["item"]), on).unwrap(),
            )
            .unwrap();
            let ds: Vec<Value> = r["value"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| json!({"kind": d["kind"], "due_on": d["due_on"], "overdue": d["overdue"]}))
                .collect();
            json!({"deadlines": ds, "codes": codes(&r["findings"])})
        }
        "workflow" => workflow(case, &p),
        "audit_verify" => {
            serde_json::from_str(&disclosure::verify_audit_json(&s(&case["log"])).unwrap()).unwrap()
        }
        "audit_verify_signed" => or_error(disclosure::verify_audit_signed_json(
            &s(&case["log"]),
            case["public_key"].as_str().unwrap(),
        )),
        "audit_verify_jsonl" => {
            let lines: Vec<&str> = case["lines"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l.as_str().unwrap())
                .collect();
            or_error(disclosure::verify_audit_jsonl(
                &lines.join("\n"),
                case["public_key"].as_str(),
            ))
        }
        "audit_append_head" => {
            match disclosure::audit_append_head_json(&s(&case["head"]), &s(&case["event"])) {
                Ok(out) => {
                    let out: Value = serde_json::from_str(&out).unwrap();
                    let e = &out["entries"][0];
                    json!({"seq": e["seq"], "prev_hash": e["prev_hash"], "hash": e["hash"],
                           "head_entries": out["head"]["entries"], "head_hash": out["head"]["hash"]})
                }
                Err(e) => json!({"error": err(&e)}),
            }
        }
        other => json!({"unknown kind": other}),
    }
}

/// The masked text, kinds and ranges, as `{masked, kinds, found}`.
fn redaction(masked: &str, found: &[Value]) -> Value {
    let kinds: Vec<Value> = found.iter().map(|f| f["kind"].clone()).collect();
    let ranges: Vec<Value> = found
        .iter()
        .map(|f| json!({"kind": f["kind"], "start": f["start"], "end": f["end"]}))
        .collect();
    json!({"masked": masked, "kinds": kinds, "found": ranges})
}

/// `scan` and `mask` (default options: only for cases without policy overrides) and the reviewer's preview
/// of an item to society carrying the text, under the case's policy: both must give the expectation.
fn redact(case: &Value, p: &Policy) -> Value {
    let text = case["text"].as_str().unwrap();
    let item = json!({"schema_version": 1, "id": "V", "org": "B1", "title": "vector", "body": text,
        "category": "service", "scope": {"kind": "to_society"}, "created_by": "P1",
        "created_at": "2026-03-02T09:00:00+08:00", "status": "reviewed"});
    let preview: Value = serde_json::from_str(
        &disclosure::redaction_preview_json(p, &s(&item), "2026-03-03").unwrap(),
    )
    .unwrap();
    let from_preview = redaction(
        preview["text"].as_str().unwrap(),
        preview["found"].as_array().unwrap(),
    );
    if case.get("policy_overrides").is_some() {
        return from_preview;
    }
    let found = serde_json::to_value(disclosure::scan(text)).unwrap();
    let from_scan = redaction(&disclosure::mask(text), found.as_array().unwrap());
    if from_scan == from_preview {
        from_scan
    } else {
        json!({"scan": from_scan, "preview": from_preview})
    }
}

/// A document the library wrote, or `{"error":{code,field}}`.
fn or_error(r: dangjian::Result<String>) -> Value {
    match r {
        Ok(out) => serde_json::from_str(&out).unwrap(),
        Err(e) => json!({"error": err(&e)}),
    }
}

fn workflow(case: &Value, p: &Policy) -> Value {
    let ctx = s(&case["context"]);
    let created: Value = serde_json::from_str(
        &disclosure::create_json(
            &ctx,
            &s(&case["new_item"]),
            case["actor"].as_str().unwrap(),
            case["at"].as_str().unwrap(),
        )
        .unwrap(),
    )
    .unwrap();
    let mut item = created["item"].clone();
    let mut log = AuditLog::new();
    log.append(serde_json::from_value(created["event"].clone()).unwrap());
    let mut log_json = log.to_json();
    for (i, action) in case["actions"].as_array().unwrap().iter().enumerate() {
        match disclosure::apply_json(p, &ctx, &s(&item), &s(action), &log_json) {
            Ok(out) => {
                let out: Value = serde_json::from_str(&out).unwrap();
                item = out["item"].clone();
                log_json = out["log"].to_string();
            }
            Err(e) => {
                return json!({"error": {"step": i, "code": e.code(), "field": e.detail().field}})
            }
        }
    }
    let log = AuditLog::from_json(&log_json).unwrap();
    json!({"status": item["status"], "version": item["versions"].as_array().map_or(0, Vec::len), "log_entries": log.entries.len()})
}

#[test]
fn disclosure_vectors() {
    let mut failures = Vec::new();
    let mut names = std::collections::BTreeSet::new();
    let mut count = 0;
    for (file, doc) in load_files() {
        assert_eq!(doc["schema_version"], 1, "{file}");
        for case in doc["cases"].as_array().unwrap() {
            count += 1;
            let name = case["name"].as_str().unwrap().to_owned();
            assert!(
                names.insert(name.clone()),
                "{file}: duplicate case name {name}"
            );
            let got = actual(case);
            let expect = &case["expect"];
            for (key, want) in expect.as_object().unwrap() {
                if got.get(key) != Some(want) {
                    failures.push(format!(
                        "{file}: {name}: {key} expected {want} got {}",
                        got.get(key).unwrap_or(&Value::Null)
                    ));
                }
            }
        }
    }
    for f in &failures {
        eprintln!("{f}");
    }
    println!("{count} disclosure vectors, {} failed", failures.len());
    assert!(count >= 50, "only {count} vectors");
    assert!(failures.is_empty(), "{} failing vectors", failures.len());
}
