//! The shared dues conformance vectors (`tests/vectors/dues/*.json`, format in `tests/vectors/README.md`),
//! run through the JSON entry points and the typed API of the Rust library.
//!
//! Every case is run on each surface; one line per failing case is printed
//! (`file: name: field expected X got Y [surfaces]`) and the test fails listing them all.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use dangjian::dues::{
    self, AssessOptions, Assessment, BatchOutcome, DuesMember, Ledger, LedgerReport,
};
use dangjian::error::from_json;
use dangjian::month::{parse_date, parse_month};
use dangjian::{Error, Policy};
use serde_json::{json, Map, Value};

fn load_files() -> Vec<(String, Value)> {
    common::load_vector_files("dues")
}

fn cases(doc: &Value) -> &[Value] {
    doc.get("cases")
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn case_name(case: &Value) -> String {
    case.get("name")
        .and_then(Value::as_str)
        .unwrap_or("<unnamed>")
        .to_owned()
}

/// The fields a case of each kind may have, besides `name`, `kind`, `why`, `policy_overrides` and `expect`.
fn input_fields(kind: &str) -> Option<&'static [&'static str]> {
    match kind {
        "assess" | "assess_error" => Some(&["member", "month"]),
        "ledger" => Some(&["ledger", "as_of"]),
        "batch" => Some(&["members", "month"]),
        _ => None,
    }
}

/// The `expect` keys of each kind: (required, optional).
fn expect_fields(kind: &str) -> (&'static [&'static str], &'static [&'static str]) {
    match kind {
        "assess" => (&["amount", "base", "rate", "codes"], &[]),
        "assess_error" => (&["code", "field"], &[]),
        "ledger" => (
            &["codes"],
            &[
                "total_due",
                "total_paid",
                "outstanding",
                "arrears",
                "lapse_on",
                "remitted_to_centre",
                "voluntary_total",
            ],
        ),
        "batch" => (&["amounts", "errors"], &[]),
        _ => (&[], &[]),
    }
}

/// The shape of one case: problems found, empty when well formed.
fn shape_problems(case: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(obj) = case.as_object() else {
        return vec!["a case is not an object".to_owned()];
    };
    if !obj.get("name").is_some_and(Value::is_string) {
        problems.push("no string `name`".to_owned());
    }
    let kind = obj.get("kind").and_then(Value::as_str).unwrap_or("");
    let Some(inputs) = input_fields(kind) else {
        problems.push(format!("unknown kind {kind:?}"));
        return problems;
    };
    for key in obj.keys() {
        let known = ["name", "kind", "why", "policy_overrides", "expect"].contains(&key.as_str())
            || inputs.contains(&key.as_str());
        if !known {
            problems.push(format!("unknown field {key:?}"));
        }
    }
    for key in inputs {
        if !obj.contains_key(*key) {
            problems.push(format!("missing input {key:?}"));
        }
    }
    let (required, optional) = expect_fields(kind);
    match obj.get("expect").and_then(Value::as_object) {
        None => problems.push("no `expect` object".to_owned()),
        Some(expect) => {
            for key in required {
                if !expect.contains_key(*key) {
                    problems.push(format!("expect lacks {key:?}"));
                }
            }
            for key in expect.keys() {
                if !required.contains(&key.as_str()) && !optional.contains(&key.as_str()) {
                    problems.push(format!("unknown expect field {key:?}"));
                }
            }
        }
    }
    problems
}

#[test]
fn vector_files_are_well_formed() {
    let files = load_files();
    assert!(
        !files.is_empty(),
        "no vector files under {}",
        common::vectors_dir("dues").display()
    );
    let mut problems = Vec::new();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for (file, doc) in &files {
        if doc.get("schema_version") != Some(&json!(1)) {
            problems.push(format!("{file}: schema_version is not 1"));
        }
        if !doc.get("description").is_some_and(Value::is_string) {
            problems.push(format!("{file}: no description"));
        }
        if cases(doc).is_empty() {
            problems.push(format!("{file}: no cases"));
        }
        for case in cases(doc) {
            let name = case_name(case);
            for p in shape_problems(case) {
                problems.push(format!("{file}: {name}: {p}"));
            }
            if let Some(first) = seen.insert(name.clone(), file.clone()) {
                problems.push(format!(
                    "{file}: {name}: name already used in {first} (names are unique across files)"
                ));
            }
        }
    }
    for p in &problems {
        eprintln!("{p}");
    }
    assert!(
        problems.is_empty(),
        "{} problem(s) in the vector files:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// One disagreement between a surface's result and the vector.
struct Mismatch {
    field: String,
    expected: String,
    got: String,
    surface: &'static str,
}

#[derive(Default)]
struct Outcome {
    mismatches: Vec<Mismatch>,
}

impl Outcome {
    fn push(&mut self, surface: &'static str, field: &str, expected: &Value, got: &Value) {
        self.mismatches.push(Mismatch {
            field: field.to_owned(),
            expected: expected.to_string(),
            got: got.to_string(),
            surface,
        });
    }

    /// Compares every expected key with the observed object.
    fn compare(&mut self, surface: &'static str, expect: &Map<String, Value>, got: &Value) {
        for (key, want) in expect {
            let have = got.get(key).unwrap_or(&Value::Null);
            if want != have {
                self.push(surface, key, want, have);
            }
        }
    }

    /// Compares what a JSON entry point gave, put in the shape of `expect` by `shape`; an error where a
    /// result (`what`) was expected is a mismatch.
    fn json_result(
        &mut self,
        surface: &'static str,
        expect: &Map<String, Value>,
        what: &str,
        result: Result<String, Error>,
        shape: fn(&Value) -> Value,
    ) {
        match result {
            Ok(text) => self.compare(
                surface,
                expect,
                &shape(&serde_json::from_str(&text).unwrap()),
            ),
            Err(e) => self.push(surface, "result", &json!(what), &error_value(&e)),
        }
    }

    /// The line for the case, merging identical mismatches seen on several surfaces.
    fn line(&self) -> Option<String> {
        if self.mismatches.is_empty() {
            return None;
        }
        let mut merged: Vec<(String, Vec<&'static str>)> = Vec::new();
        for m in &self.mismatches {
            let what = format!("{} expected {} got {}", m.field, m.expected, m.got);
            match merged.iter_mut().find(|(w, _)| *w == what) {
                Some((_, surfaces)) => {
                    if !surfaces.contains(&m.surface) {
                        surfaces.push(m.surface);
                    }
                }
                None => merged.push((what, vec![m.surface])),
            }
        }
        Some(
            merged
                .into_iter()
                .map(|(what, surfaces)| format!("{what} [{}]", surfaces.join(", ")))
                .collect::<Vec<_>>()
                .join("; "),
        )
    }
}

fn error_value(e: &Error) -> Value {
    json!({"code": e.code(), "field": e.detail().field})
}

fn codes_of(findings: Option<&Value>) -> Value {
    Value::Array(
        findings
            .and_then(Value::as_array)
            .map(|fs| fs.iter().map(|f| f["code"].clone()).collect())
            .unwrap_or_default(),
    )
}

fn opt_string<T: ToString>(v: Option<T>) -> Value {
    v.map_or(Value::Null, |x| Value::String(x.to_string()))
}

/// The comparable fields of an assessment document written by `assess_json`.
fn assessment_from_json(doc: &Value) -> Value {
    json!({
        "amount": doc.get("amount").cloned().unwrap_or(Value::Null),
        "base": doc.get("base").cloned().unwrap_or(Value::Null),
        "rate": doc.get("rate").cloned().unwrap_or(Value::Null),
        "codes": codes_of(doc.get("findings")),
    })
}

/// The comparable fields of a typed assessment.
fn assessment_from_typed(a: &Assessment) -> Value {
    json!({
        "amount": a.amount.to_string(),
        "base": opt_string(a.base),
        "rate": opt_string(a.rate),
        "codes": a.codes(),
    })
}

fn ledger_from_json(doc: &Value) -> Value {
    let mut out = Map::new();
    for key in [
        "total_due",
        "total_paid",
        "outstanding",
        "arrears",
        "remitted_to_centre",
        "voluntary_total",
    ] {
        out.insert(key.to_owned(), doc.get(key).cloned().unwrap_or(Value::Null));
    }
    out.insert(
        "lapse_on".to_owned(),
        doc.get("lapse_on").cloned().unwrap_or(Value::Null),
    );
    out.insert("codes".to_owned(), codes_of(doc.get("findings")));
    Value::Object(out)
}

fn ledger_from_typed(r: &LedgerReport) -> Value {
    json!({
        "total_due": r.total_due.to_string(),
        "total_paid": r.total_paid.to_string(),
        "outstanding": r.outstanding.to_string(),
        "arrears": r.arrears.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "remitted_to_centre": r.remitted_to_centre.to_string(),
        "voluntary_total": r.voluntary_total.to_string(),
        "lapse_on": opt_string(r.lapse_on),
        "codes": r.findings.iter().map(|f| f.code.clone()).collect::<Vec<_>>(),
    })
}

/// `amounts` (member id → amount) and `errors` (`{index, code, field}`) of a batch result document.
fn batch_from_json(doc: &Value) -> Value {
    let mut amounts = Map::new();
    let mut duplicates = Vec::new();
    for a in doc["assessments"].as_array().into_iter().flatten() {
        let id = a["member_id"].as_str().unwrap_or("").to_owned();
        if amounts.insert(id.clone(), a["amount"].clone()).is_some() {
            duplicates.push(id);
        }
    }
    let errors: Vec<Value> = doc["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| json!({"index": e["index"], "code": e["code"], "field": e["field"]}))
        .collect();
    let mut out = json!({"amounts": amounts, "errors": errors});
    if !duplicates.is_empty() {
        out["duplicate_assessments"] = json!(duplicates);
    }
    out
}

fn batch_from_typed(b: &BatchOutcome) -> Value {
    batch_from_json(&serde_json::to_value(b).unwrap())
}

fn policy_for(case: &Value) -> Result<Policy, String> {
    let bundled = Policy::bundled();
    match case.get("policy_overrides") {
        None | Some(Value::Null) => Ok(bundled),
        Some(o) => bundled
            .with_overrides_json(&o.to_string())
            .map_err(|e| format!("policy_overrides rejected: {e}")),
    }
}

fn str_field<'a>(case: &'a Value, key: &str) -> &'a str {
    case.get(key).and_then(Value::as_str).unwrap_or("")
}

fn run_assess(case: &Value, policy: &Policy, out: &mut Outcome) {
    let expect = case["expect"].as_object().cloned().unwrap_or_default();
    let member = case["member"].to_string();
    let month = str_field(case, "month");
    for (trace, surface) in [(true, "json trace"), (false, "json")] {
        let result = dues::assess_json(policy, &member, month, trace);
        out.json_result(
            surface,
            &expect,
            "an assessment",
            result,
            assessment_from_json,
        );
    }
    let typed = parse_month(month, "month").and_then(|m| {
        let member: DuesMember = from_json(&member, "INVALID_MEMBER_JSON")?;
        let with = dues::assess(policy, &member, m, AssessOptions { trace: true })?;
        let without = dues::assess(policy, &member, m, AssessOptions { trace: false })?;
        Ok((with, without))
    });
    match typed {
        Ok((with, without)) => {
            out.compare("typed", &expect, &assessment_from_typed(&with));
            if !without.trace.is_empty() {
                out.push(
                    "typed",
                    "trace (trace off)",
                    &json!([]),
                    &json!(without.trace.len()),
                );
            }
            let mut stripped = with.clone();
            stripped.trace.clear();
            if stripped != without {
                out.push(
                    "typed",
                    "assessment without trace",
                    &serde_json::to_value(&stripped).unwrap(),
                    &serde_json::to_value(&without).unwrap(),
                );
            }
        }
        Err(e) => out.push("typed", "result", &json!("an assessment"), &error_value(&e)),
    }
}

fn run_assess_error(case: &Value, policy: &Policy, out: &mut Outcome) {
    let expect = case["expect"].as_object().cloned().unwrap_or_default();
    let member = case["member"].to_string();
    let month = str_field(case, "month");
    for (trace, surface) in [(true, "json trace"), (false, "json")] {
        match dues::assess_json(policy, &member, month, trace) {
            Ok(text) => {
                let doc: Value = serde_json::from_str(&text).unwrap();
                out.push(
                    surface,
                    "result",
                    &json!(expect),
                    &json!({"amount": doc["amount"]}),
                );
            }
            Err(e) => out.compare(surface, &expect, &error_value(&e)),
        }
    }
    let typed = parse_month(month, "month").and_then(|m| {
        let member: DuesMember = from_json(&member, "INVALID_MEMBER_JSON")?;
        dues::assess(policy, &member, m, AssessOptions { trace: false })
    });
    match typed {
        Ok(a) => out.push(
            "typed",
            "result",
            &json!(expect),
            &json!({"amount": a.amount.to_string()}),
        ),
        Err(e) => out.compare("typed", &expect, &error_value(&e)),
    }
}

fn run_ledger(case: &Value, policy: &Policy, out: &mut Outcome) {
    let expect = case["expect"].as_object().cloned().unwrap_or_default();
    let ledger = case["ledger"].to_string();
    let as_of = str_field(case, "as_of");
    let result = dues::evaluate_ledger_json(policy, &ledger, as_of);
    out.json_result("json", &expect, "a ledger report", result, ledger_from_json);
    let typed = parse_date(as_of, "as_of").and_then(|d| {
        let ledger: Ledger = from_json(&ledger, "INVALID_LEDGER_JSON")?;
        dues::evaluate_ledger(policy, &ledger, d)
    });
    match typed {
        Ok(r) => out.compare("typed", &expect, &ledger_from_typed(&r)),
        Err(e) => out.push(
            "typed",
            "result",
            &json!("a ledger report"),
            &error_value(&e),
        ),
    }
}

fn run_batch(case: &Value, policy: &Policy, out: &mut Outcome) {
    let expect = case["expect"].as_object().cloned().unwrap_or_default();
    let members = case["members"].to_string();
    let month = str_field(case, "month");
    for (trace, surface) in [(true, "json trace"), (false, "json")] {
        let result = dues::assess_batch_json(policy, &members, month, trace);
        out.json_result(surface, &expect, "a batch result", result, batch_from_json);
    }
    let month = match parse_month(month, "month") {
        Ok(m) => m,
        Err(e) => {
            out.push("typed", "month", &json!(month), &error_value(&e));
            return;
        }
    };
    match dues::assess_batch_from_json(policy, &members, month, AssessOptions { trace: false }) {
        Ok(b) => out.compare("typed", &expect, &batch_from_typed(&b)),
        Err(e) => out.push(
            "typed",
            "result",
            &json!("a batch result"),
            &error_value(&e),
        ),
    }
    // When every member reads as a `DuesMember`, the typed batch over the parsed members agrees too.
    let parsed: Result<Vec<DuesMember>, _> = serde_json::from_str(&members);
    if let Ok(list) = parsed {
        let b = dues::assess_batch(policy, &list, month, AssessOptions { trace: false });
        out.compare("typed members", &expect, &batch_from_typed(&b));
    }
}

fn run_case(case: &Value) -> Outcome {
    let mut out = Outcome::default();
    let policy = match policy_for(case) {
        Ok(p) => p,
        Err(e) => {
            out.push("policy", "policy_overrides", &json!("accepted"), &json!(e));
            return out;
        }
    };
    match str_field(case, "kind") {
        "assess" => run_assess(case, &policy, &mut out),
        "assess_error" => run_assess_error(case, &policy, &mut out),
        "ledger" => run_ledger(case, &policy, &mut out),
        "batch" => run_batch(case, &policy, &mut out),
        other => out.push("harness", "kind", &json!("a known kind"), &json!(other)),
    }
    out
}

#[test]
fn dues_vectors_pass() {
    let files = load_files();
    assert!(!files.is_empty(), "no vector files");
    let mut failures = Vec::new();
    let mut total = 0usize;
    let mut per_file = Vec::new();
    let mut names = BTreeSet::new();
    for (file, doc) in &files {
        let list = cases(doc);
        per_file.push(format!("{file} {}", list.len()));
        for case in list {
            total += 1;
            let name = case_name(case);
            if !names.insert(name.clone()) {
                failures.push(format!("{file}: {name}: duplicate case name"));
            }
            if let Some(line) = run_case(case).line() {
                failures.push(format!("{file}: {name}: {line}"));
            }
        }
    }
    eprintln!(
        "dues vectors: {total} case(s) in {} file(s) ({}); {} failing",
        files.len(),
        per_file.join(", "),
        failures.len()
    );
    for line in &failures {
        eprintln!("{line}");
    }
    assert!(
        failures.is_empty(),
        "{} of {total} dues vector case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
