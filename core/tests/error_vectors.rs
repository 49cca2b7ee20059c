//! The error vectors (`tests/vectors/errors-*.json`, format in `tests/vectors/README.md`): one bad input per
//! case, given to a JSON-document entry point; the call must fail with the case's code and field path (or, for
//! a batch, succeed and report each bad item with its index, code and field), and every message must read as
//! a sentence (no serde wording). Kotlin, Python and JS run the same files through their surface
//! (tests/kotlin/ErrorVectors.kt, tests/python/test_error_vectors.py, tests/js/error-vectors.test.mjs).
//!
//! One line per failing case is printed (`file: name: what`), then the test fails with the count.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::{Path, PathBuf};

use dangjian::disclosure;
use dangjian::disclosure as audit;
use dangjian::{credits, dues, membership};
use dangjian::{Calendar, Error, Policy};
use serde_json::Value;

/// Words of serde's own messages ("invalid type: string \"x\", expected a Decimal at line 1 column 9"): a
/// message that carries one was written for a programmer, not for the party worker who reads it.
const SERDE_WORDING: [&str; 8] = [
    "expected",
    "invalid type",
    "invalid value",
    "variant",
    "at line",
    "missing field",
    "unknown field",
    "EOF while",
];

/// Every engine with JSON-document entry points has its file of error vectors.
const ENGINES: [&str; 7] = [
    "audit",
    "calendar",
    "credits",
    "disclosure",
    "dues",
    "membership",
    "policy",
];

/// The argument `name` as the surfaces receive it: a string as it is, any other value as its JSON text.
fn arg(args: &Value, name: &str) -> String {
    match args.get(name) {
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => panic!("missing argument `{name}`"),
    }
}

fn scheme(name: &str) -> credits::Scheme {
    match name {
        "learning_platform" => credits::Scheme::learning_platform(),
        "member_points" => credits::Scheme::member_points(),
        other => panic!("unknown scheme preset `{other}`"),
    }
}

/// Calls the entry point `entry` (`engine.function`, the core's name) with the case's arguments.
fn call(entry: &str, a: &Value) -> Result<String, Error> {
    let p = Policy::bundled();
    let c = Calendar::official();
    let s = |name: &str| arg(a, name);
    let ok = |_: ()| "ok".to_owned();
    match entry {
        "dues.assess_json" => dues::assess_json(&p, &s("member"), &s("month"), false),
        "dues.assess_batch_json" => dues::assess_batch_json(&p, &s("members"), &s("month"), false),
        "dues.evaluate_ledger_json" => dues::evaluate_ledger_json(&p, &s("ledger"), &s("as_of")),
        "dues.summarize_json" => dues::summarize_json(&s("reports"), &s("period")),
        "membership.check_member_json" => {
            membership::check_member_json(&p, &c, &s("record"), &s("on"))
        }
        "membership.check_members_json" => {
            membership::check_members_json(&p, &c, &s("members"), &s("on"))
        }
        "membership.apply_event_json" => {
            membership::apply_event_json(&p, &c, &s("record"), &s("event"), &s("roster"))
        }
        "membership.rights_json" => membership::rights_json(&p, &s("record"), &s("on")),
        "membership.check_orgs_json" => membership::check_orgs_json(&p, &s("doc"), &s("on")),
        "membership.check_members_lines_json" => {
            membership::check_members_lines_json(&p, &c, &s("jsonl"), &s("on"))
        }
        "membership.check_orgs_lines_json" => {
            membership::check_orgs_lines_json(&p, &s("jsonl"), &s("on"))
        }
        "credits.scheme_from_json" => credits::Scheme::from_json(&s("json")).map(|_| "ok".into()),
        "credits.score_json" => credits::score_json(&scheme(&s("scheme")), &s("input"), false),
        "credits.score_jsonl" => credits::score_jsonl(&scheme(&s("scheme")), &s("jsonl"), false),
        "credits.leaderboard_json" => credits::leaderboard_json(
            &s("totals"),
            &s("orgs"),
            &s("kind"),
            &s("period"),
            &s("org"),
        ),
        "credits.rate_json" => credits::rate_json(&s("scores"), &s("tiers")),
        "credits.meeting_events_json" => {
            credits::meeting_events_json(&s("records"), &s("activity"))
        }
        "credits.dues_events_json" => credits::dues_events_json(&s("ledger"), &s("activity")),
        "disclosure.create_json" => {
            disclosure::create_json(&s("context"), &s("new_item"), &s("actor"), &s("at"))
        }
        "disclosure.apply_json" => {
            disclosure::apply_json(&p, &s("context"), &s("item"), &s("action"), &s("log"))
        }
        "disclosure.visible_json" => {
            disclosure::visible_json(&s("context"), &s("viewer"), &s("item"), &s("on"))
                .map(|v| v.to_string())
        }
        "disclosure.filter_visible_json" => {
            disclosure::filter_visible_json(&s("context"), &s("viewer"), &s("items"), &s("on"))
        }
        "disclosure.board_json" => {
            disclosure::board_json(&p, &s("context"), &s("viewer"), &s("items"), &s("on"))
        }
        "disclosure.item_deadlines_json" => {
            disclosure::item_deadlines_json(&p, &c, &s("item"), &s("on"))
        }
        "disclosure.catalogue_status_json" => {
            disclosure::catalogue_status_json(&p, &c, &s("catalogue"), &s("items"), &s("on"))
        }
        "disclosure.evaluate_notice_json" => {
            disclosure::evaluate_notice_json(&p, &c, &s("notice"), &s("on"))
        }
        "disclosure.redaction_preview_json" => {
            disclosure::redaction_preview_json(&p, &s("item"), &s("on"))
        }
        "disclosure.dues_disclosure_json" => {
            disclosure::dues_disclosure_json(&s("summary"), &s("org"), &s("id"), &s("uses"))
        }
        "audit.verify_audit_json" => disclosure::verify_audit_json(&s("log")),
        "audit.audit_append_json" => audit::audit_append_json(&s("log"), &s("event")),
        "audit.audit_append_head_json" => audit::audit_append_head_json(&s("head"), &s("event")),
        "audit.apply_head_json" => {
            audit::apply_head_json(&p, &s("context"), &s("item"), &s("action"), &s("head"))
        }
        "audit.verify_audit_signed_json" => {
            audit::verify_audit_signed_json(&s("log"), &s("public_key"))
        }
        "audit.verify_audit_jsonl" => audit::verify_audit_jsonl(&s("jsonl"), None),
        "policy.from_json" => Policy::from_json(&s("json")).map(|_| "ok".into()),
        "policy.with_overrides_json" => p.with_overrides_json(&s("json")).map(|_| "ok".into()),
        "calendar.load_year_json" => {
            let mut cal = Calendar::official();
            cal.load_year_json(&s("json")).map(ok)
        }
        other => panic!("unknown entry `{other}`"),
    }
}

/// What is wrong with a message pair, if anything: empty, or serde's wording.
fn message_fault(zh: &str, en: &str) -> Option<String> {
    if zh.trim().is_empty() || en.trim().is_empty() {
        return Some(format!("empty message (zh {zh:?}, en {en:?})"));
    }
    SERDE_WORDING
        .iter()
        .find(|w| zh.contains(*w) || en.contains(*w))
        .map(|w| format!("message carries serde's wording {w:?}: zh {zh:?} en {en:?}"))
}

/// Whether `got` has every key `want` lists, with the same value.
fn has_all(want: &Value, got: &Value) -> bool {
    want.as_object()
        .unwrap()
        .iter()
        .all(|(k, v)| got.get(k) == Some(v))
}

/// The faults of one case (empty when it passes).
fn check_case(case: &Value) -> Vec<String> {
    let entry = case["entry"].as_str().unwrap();
    let expect = &case["expect"];
    let got = call(entry, &case["args"]);
    if std::env::var_os("ERRVEC_SHOW").is_some() {
        eprintln!("{}: {got:?}", case["name"]);
    }
    match (expect.get("errors"), got) {
        (None, Err(e)) => {
            let d = e.detail();
            let mut faults = Vec::new();
            if d.code != expect["code"] || d.field != expect["field"] {
                faults.push(format!(
                    "expected {} at {:?}, got {} at {:?}",
                    expect["code"], expect["field"], d.code, d.field
                ));
            }
            faults.extend(message_fault(&d.message_zh, &d.message_en));
            faults
        }
        (None, Ok(out)) => vec![format!("expected an error, got {}", cut(&out))],
        (Some(want), Ok(out)) => batch_faults(want, &out),
        (Some(_), Err(e)) => vec![format!("expected a batch result, got the error {e}")],
    }
}

/// A batch's per-item errors against the expected ones: the same count, each listed key equal, in order.
fn batch_faults(want: &Value, out: &str) -> Vec<String> {
    let doc: Value = serde_json::from_str(out).unwrap();
    let got = doc["errors"].as_array().cloned().unwrap_or_default();
    let want = want.as_array().unwrap();
    let mut faults = Vec::new();
    if got.len() != want.len() {
        faults.push(format!(
            "expected {} item error(s), got {}: {}",
            want.len(),
            got.len(),
            cut(&Value::Array(got.clone()).to_string())
        ));
    }
    for (w, g) in want.iter().zip(&got) {
        if !has_all(w, g) {
            faults.push(format!("expected {w}, got {g}"));
        }
        let text = |k: &str| {
            g.get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        faults.extend(message_fault(&text("message_zh"), &text("message_en")));
    }
    faults
}

fn cut(s: &str) -> String {
    s.chars().take(300).collect()
}

fn error_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("errors-") && name.ends_with(".json")
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_error_vector_gives_its_code_path_and_a_sentence() {
    let files = error_files();
    for engine in ENGINES {
        let want = format!("errors-{engine}.json");
        assert!(
            files.iter().any(|p| p.ends_with(&want)),
            "tests/vectors/{want} is missing"
        );
    }
    let (mut cases, mut failed) = (0, 0);
    let mut names = std::collections::HashSet::new();
    for path in files {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let doc: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{file}: not valid JSON: {e}"));
        for case in doc["cases"].as_array().unwrap() {
            let name = case["name"].as_str().unwrap();
            assert!(
                names.insert(name.to_owned()),
                "{file}: duplicate case name {name}"
            );
            cases += 1;
            let faults = check_case(case);
            if !faults.is_empty() {
                failed += 1;
                println!("{file}: {name}: {}", faults.join("; "));
            }
        }
    }
    assert!(cases > 0, "no error vectors read");
    assert_eq!(failed, 0, "{failed} of {cases} error vectors failed");
}
