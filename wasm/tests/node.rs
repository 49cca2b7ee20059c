//! wasm-bindgen-test suite, run under Node by `cargo test --target wasm32-unknown-unknown -p dangjian-wasm`
//! (runner from .cargo/config.toml): real calls through the exported Rust functions, with JS values.
//! Host builds compile this file to nothing.
#![cfg(target_arch = "wasm32")]
// clippy's allow-unwrap-in-tests knows `#[test]`, not `#[wasm_bindgen_test]`: allow it for this test crate.
#![allow(clippy::unwrap_used)]

use dangjian_wasm::{
    assess_dues, assess_dues_batch, assess_dues_json, core_version, evaluate_dues_ledger,
    is_dangjian_error, summarize_dues, Calendar, Policy,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(v.clone(), |v, key| {
        js_sys::Reflect::get(&v, &JsValue::from_str(key)).unwrap()
    })
}

fn text(v: &JsValue, path: &str) -> Option<String> {
    get(v, path).as_string()
}

const PUBLIC_INSTITUTION: &str = r#"{"member_id":"M1","category":"employed","employer_type":"public_institution",
  "incomes":[{"items":[{"code":"post_salary","amount":"4000.00"},{"code":"basic_performance","amount":"2000.00"},
  {"code":"housing_fund","amount":"600.00"}]}]}"#;

#[wasm_bindgen_test]
fn core_version_is_the_core_crate_version() {
    assert_eq!(core_version(), dangjian::VERSION);
}

#[wasm_bindgen_test]
fn assess_dues_returns_a_plain_object_with_string_decimals() {
    let a = assess_dues(&Policy::bundled(), &js(PUBLIC_INSTITUTION), "2026-11", None).unwrap();
    assert_eq!(text(&a, "amount").as_deref(), Some("81.00"));
    assert_eq!(text(&a, "base").as_deref(), Some("5400.00"));
    assert_eq!(text(&a, "rate").as_deref(), Some("0.015"));
    assert_eq!(text(&a, "citation.article").as_deref(), Some("第二条"));
    assert!(get(&a, "trace").is_instance_of::<js_sys::Array>());
    assert!(js_sys::Array::from(&get(&a, "trace")).length() > 0);
    // The object is exactly the JSON entry point's document.
    let json = assess_dues_json(&Policy::bundled(), PUBLIC_INSTITUTION, "2026-11", None).unwrap();
    assert_eq!(
        js_sys::JSON::stringify(&a).unwrap().as_string().unwrap(),
        json
    );
    let student = assess_dues(
        &Policy::bundled(),
        &js(r#"{"member_id":"S","category":"student"}"#),
        "2026-11",
        Some(false),
    )
    .unwrap();
    assert!(get(&student, "base").is_null());
    assert_eq!(text(&student, "amount").as_deref(), Some("0.20"));
}

#[wasm_bindgen_test]
fn errors_are_coded_js_errors_naming_the_field() {
    let member = js(r#"{"member_id":"M1","category":"astronaut"}"#);
    let err: JsValue = assess_dues(&Policy::bundled(), &member, "2026-11", None)
        .unwrap_err()
        .into();
    assert!(err.is_instance_of::<js_sys::Error>());
    assert!(is_dangjian_error(&err));
    assert_eq!(text(&err, "name").as_deref(), Some("DangjianError"));
    assert_eq!(text(&err, "kind").as_deref(), Some("invalid_input"));
    assert_eq!(text(&err, "code").as_deref(), Some("INVALID_MEMBER_JSON"));
    assert_eq!(text(&err, "field").as_deref(), Some("category"));
    assert!(text(&err, "messageZh").is_some_and(|m| !m.is_empty()));

    let negative = js(
        r#"{"member_id":"M1","category":"employed","incomes":[{"items":[{"code":"net_base","amount":"-1.00"}]}]}"#,
    );
    let e = assess_dues(&Policy::bundled(), &negative, "2026-11", None).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_str(), e.kind),
        (
            "NEGATIVE_AMOUNT",
            "incomes[0].items[0].amount",
            "invalid_input"
        )
    );
    let e = Policy::from_json("{}").unwrap_err();
    assert_eq!((e.kind, e.field.as_str()), ("policy", "schema_version"));
    assert!(!is_dangjian_error(&js_sys::Error::new("plain").into()));
}

#[wasm_bindgen_test]
fn batch_ledger_and_summary() {
    let members =
        js(r#"[{"member_id":"A","category":"student"},{"member_id":"B","category":"astronaut"}]"#);
    let out = assess_dues_batch(&Policy::bundled(), &members, "2026-11", Some(false)).unwrap();
    assert_eq!(js_sys::Array::from(&get(&out, "assessments")).length(), 1);
    let first_error = js_sys::Array::from(&get(&out, "errors")).get(0);
    assert_eq!(text(&first_error, "field").as_deref(), Some("category"));

    let ledger = js(
        r#"{"member_id":"G1","obligations":[{"month":"2026-01","amount":"81.00"}],"payments":[]}"#,
    );
    let report = evaluate_dues_ledger(&Policy::bundled(), &ledger, "2026-03-01").unwrap();
    assert_eq!(text(&report, "outstanding").as_deref(), Some("81.00"));
    let reports = js_sys::Array::of1(&report);
    let summary = summarize_dues(&reports, &js(r#"{"year":2026}"#)).unwrap();
    assert_eq!(text(&summary, "due").as_deref(), Some("81.00"));
    assert_eq!(get(&summary, "members").as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
fn calendar_answers_and_loads_a_year() {
    let mut cal = Calendar::official();
    let next = cal.add_working_days("2026-04-30", 1.0).unwrap();
    assert_eq!(text(&next, "value").as_deref(), Some("2026-05-06"));
    assert_eq!(
        get(&cal.is_working_day("2026-02-14").unwrap(), "value").as_bool(),
        Some(true)
    );
    // Provisional 2027: 元旦 is a holiday by law (放假办法 第二条), Monday 4 January a workday.
    assert_eq!(
        text(&cal.day("2027-01-01").unwrap(), "kind").as_deref(),
        Some("holiday")
    );
    assert_eq!(
        text(&cal.day("2027-01-04").unwrap(), "kind").as_deref(),
        Some("workday")
    );
    cal.load_year_json(r#"{"schema_version":1,"year":2027,"off":["2027-01-01"],"working":[]}"#)
        .unwrap();
    assert_eq!(
        text(&cal.day("2027-01-01").unwrap(), "kind").as_deref(),
        Some("holiday")
    );
    assert_eq!(
        cal.add_working_days("2026-04-30", -1.0).unwrap_err().code,
        "INVALID_ARGUMENT"
    );
    let years = js_sys::Array::from(&cal.official_years().unwrap());
    assert_eq!(years.length(), 8);
}
