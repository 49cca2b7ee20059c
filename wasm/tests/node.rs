//! wasm-bindgen-test suite, run under Node by `cargo test --target wasm32-unknown-unknown -p dangjian-wasm`
//! (runner from .cargo/config.toml). Host builds compile this file to nothing.
#![cfg(target_arch = "wasm32")]
// clippy's allow-unwrap-in-tests knows `#[test]`, not `#[wasm_bindgen_test]`: allow it for this test crate.
#![allow(clippy::unwrap_used)]

use dangjian_wasm::{
    check_amount, core_version, describe_amount, is_dangjian_error, AmountInput, AmountOutput,
};
use tsify::Ts;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn prop(v: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(v, &JsValue::from_str(key))
        .ok()?
        .as_string()
}

#[wasm_bindgen_test]
fn core_version_is_the_core_crate_version() {
    assert_eq!(core_version(), dangjian::VERSION);
    assert!(!core_version().is_empty());
}

#[wasm_bindgen_test]
fn check_amount_normalizes() {
    assert_eq!(check_amount("12.5").unwrap(), "12.50");
    assert_eq!(check_amount("0").unwrap(), "0.00");
}

#[wasm_bindgen_test]
fn check_amount_error_is_a_coded_js_error() {
    let err: JsValue = check_amount("-1").unwrap_err().into();
    assert!(err.is_instance_of::<js_sys::Error>());
    assert!(is_dangjian_error(&err));
    assert_eq!(prop(&err, "code").as_deref(), Some("INVALID_AMOUNT"));
    assert_eq!(prop(&err, "field").as_deref(), Some("amount"));
    assert_eq!(prop(&err, "name").as_deref(), Some("DangjianError"));
    assert!(prop(&err, "messageZh").is_some_and(|m| !m.is_empty()));
    let plain: JsValue = js_sys::Error::new("plain").into();
    assert!(!is_dangjian_error(&plain));
    assert!(!is_dangjian_error(&JsValue::from_str("INVALID_AMOUNT")));
}

#[wasm_bindgen_test]
fn describe_amount_round_trips_through_tsify() {
    let input = Ts::from_rust(&AmountInput {
        amount: "3.4".into(),
        note: Some("张三".into()),
    })
    .unwrap();
    let out: AmountOutput = describe_amount(input).unwrap().to_rust().unwrap();
    assert_eq!(out.normalized, "3.40");
    assert_eq!(out.yuan, "3");
    assert_eq!(out.total_fen, "340");
    assert_eq!(out.note.as_deref(), Some("张三"));
}

#[wasm_bindgen_test]
fn describe_amount_refuses_a_wrong_shape() {
    let err = describe_amount(Ts::new_unchecked(JsValue::from(42))).unwrap_err();
    assert_eq!(err.code, "INVALID_INPUT");
    let js: JsValue = err.into();
    assert!(is_dangjian_error(&js));
}
