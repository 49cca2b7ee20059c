//! The shared membership conformance vectors (`tests/vectors/membership/*.json`, format in
//! `tests/vectors/README.md`), run through the JSON entry points of `dangjian::membership`, and the batch
//! check through its typed entry (`check_records`) as well.
//!
//! An `expect` is a subset: every key it lists must match (objects recursively, arrays and scalars exactly);
//! `codes` are compared as sorted lists. One line per failing case is printed.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use dangjian::dues::Ledger;
use dangjian::membership::{self, Meeting, MemberRecord};
use dangjian::{Calendar, Policy};
use serde_json::{json, Value};

fn policy(case: &Value) -> Policy {
    match case.get("policy_overrides") {
        Some(o) => Policy::bundled()
            .with_overrides_json(&o.to_string())
            .unwrap(),
        None => Policy::bundled(),
    }
}

/// Whether `got` has everything `want` lists.
fn contains(want: &Value, got: &Value) -> bool {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => w
            .iter()
            .all(|(k, v)| contains(v, g.get(k).unwrap_or(&Value::Null))),
        _ => want == got,
    }
}

fn sorted(v: &Value) -> Value {
    let mut items: Vec<String> = v
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    items.sort();
    json!(items)
}

/// A report in the shape of a `member_check` expectation.
fn report_shape(report: &Value) -> Value {
    let codes: Vec<Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].clone())
        .collect();
    let mut shape = report.clone();
    shape["codes"] = sorted(&Value::Array(codes));
    shape["next_steps"] = steps_shape(&report["next_steps"]);
    shape
}

/// Next steps as code → `{due, earliest}` of the first step with that code.
fn steps_shape(steps: &Value) -> Value {
    let mut out = serde_json::Map::new();
    for step in steps.as_array().unwrap() {
        let code = step["code"].as_str().unwrap().to_owned();
        // The first step of a code is the one compared (the soonest, as reports sort them).
        out.entry(code).or_insert_with(|| {
            json!({"due": step.get("due").cloned().unwrap_or(Value::Null),
                   "earliest": step.get("earliest").cloned().unwrap_or(Value::Null)})
        });
    }
    Value::Object(out)
}

/// An organizations report in the shape of an `org_check` expectation: `codes` (all findings, sorted) and per
/// organization its counts and term, `next_steps`, `missing` (meeting kind → periods), `attendance` (member →
/// rate), `elections` (id → report) and `reviews` (year → report).
fn org_shape(report: &Value) -> Value {
    let codes = |findings: &Value| {
        sorted(&Value::Array(
            findings
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["code"].clone())
                .collect(),
        ))
    };
    let keyed = |items: &Value, key: &str, value: &dyn Fn(&Value) -> Value| {
        Value::Object(
            items
                .as_array()
                .unwrap()
                .iter()
                .map(|i| {
                    let k = match &i[key] {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    (k, value(i))
                })
                .collect(),
        )
    };
    let mut orgs = serde_json::Map::new();
    for section in report["orgs"].as_array().unwrap() {
        let mut shape = section.clone();
        shape["next_steps"] = steps_shape(&section["next_steps"]);
        shape["missing"] = keyed(&section["life"]["rules"], "meeting", &|r| {
            r["missing"].clone()
        });
        shape["attendance"] = keyed(&section["life"]["attendance"], "member", &|a| {
            a["rate"].clone()
        });
        shape["elections"] = keyed(&section["elections"], "id", &|e| e.clone());
        shape["reviews"] = keyed(&section["reviews"], "year", &|r| r.clone());
        orgs.insert(section["org"].as_str().unwrap().to_owned(), shape);
    }
    json!({"codes": codes(&report["findings"]), "orgs": orgs})
}

fn members_document(case: &Value) -> String {
    json!({"members": case["members"],
           "meetings": case.get("meetings").cloned().unwrap_or(json!([])),
           "ledgers": case.get("ledgers").cloned().unwrap_or(json!([]))})
    .to_string()
}

fn actual(case: &Value) -> Value {
    let p = policy(case);
    let cal = Calendar::official();
    let on = case["on"].as_str().unwrap_or("");
    let member = case["member"].as_str().unwrap_or("");
    match case["kind"].as_str().unwrap() {
        "member_check" | "member_error" => {
            let out: Value = serde_json::from_str(
                &membership::check_members_json(&p, &cal, &members_document(case), on).unwrap(),
            )
            .unwrap();
            let report = out["reports"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["member_id"] == member);
            let error = out["errors"]
                .as_array()
                .unwrap()
                .iter()
                .find(|e| e["member_id"] == member);
            match (report, error) {
                (Some(r), _) => report_shape(r),
                (None, Some(e)) => json!({"code": e["code"], "field": e["field"]}),
                (None, None) => json!({"missing": member}),
            }
        }
        "apply" => match membership::apply_event_json(
            &p,
            &cal,
            &case["record"].to_string(),
            &case["event"].to_string(),
            &case["members"].to_string(),
        ) {
            Ok(_) => json!({"ok": true}),
            Err(e) => json!({"error": {"code": e.code(), "field": e.detail().field}}),
        },
        "rights" => serde_json::from_str(
            &membership::rights_json(&p, &case["record"].to_string(), on).unwrap(),
        )
        .unwrap(),
        "org_check" => match membership::check_orgs_json(&p, &case["document"].to_string(), on) {
            Ok(out) => org_shape(&serde_json::from_str(&out).unwrap()),
            Err(e) => json!({"error": {"code": e.code(), "field": e.detail().field}}),
        },
        other => panic!("unknown case kind {other}"),
    }
}

#[test]
fn membership_vectors() {
    let mut failures = Vec::new();
    let mut names = std::collections::BTreeSet::new();
    let mut count = 0;
    for (file, doc) in common::load_vector_files("membership") {
        assert_eq!(doc["schema_version"], 1, "{file}");
        for case in doc["cases"].as_array().unwrap() {
            count += 1;
            let name = case["name"].as_str().unwrap().to_owned();
            assert!(
                names.insert(name.clone()),
                "{file}: duplicate case name {name}"
            );
            let got = actual(case);
            for (key, want) in case["expect"].as_object().unwrap() {
                let want = if key == "codes" {
                    sorted(want)
                } else {
                    want.clone()
                };
                let have = got.get(key).unwrap_or(&Value::Null);
                if !contains(&want, have) {
                    failures.push(format!("{file}: {name}: {key} expected {want} got {have}"));
                }
            }
        }
    }
    for f in &failures {
        eprintln!("{f}");
    }
    println!("{count} membership vectors, {} failed", failures.len());
    assert!(count >= 90, "only {count} vectors");
    assert!(failures.is_empty(), "{} failing vectors", failures.len());
}

/// The typed batch check (`check_records`, what the bindings' typed `check_members` calls) answers every vector
/// whose records are readable exactly as the JSON document's check does: same reports, same errors.
#[test]
fn typed_batch_check_agrees_with_the_json_document() {
    let mut count = 0;
    for (file, doc) in common::load_vector_files("membership") {
        for case in doc["cases"].as_array().unwrap() {
            if !matches!(case["kind"].as_str(), Some("member_check" | "member_error")) {
                continue;
            }
            // A case whose records serde cannot read (an unknown event kind) has no typed form.
            let Ok(members) = serde_json::from_value::<Vec<MemberRecord>>(case["members"].clone())
            else {
                continue;
            };
            let list = |key: &str| case.get(key).cloned().unwrap_or(json!([]));
            let meetings: Vec<Meeting> = serde_json::from_value(list("meetings")).unwrap();
            let ledgers: Vec<Ledger> = serde_json::from_value(list("ledgers")).unwrap();
            let (p, cal) = (policy(case), Calendar::official());
            let on = case["on"].as_str().unwrap().parse().unwrap();
            let typed =
                membership::check_records(&p, &cal, &members, &meetings, &ledgers, on).unwrap();
            let read = membership::check_members(&p, &cal, &members_document(case), on).unwrap();
            assert_eq!(typed, read, "{file}: {}", case["name"]);
            count += 1;
        }
    }
    assert!(count >= 70, "only {count} typed vectors");
}
