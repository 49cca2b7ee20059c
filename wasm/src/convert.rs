//! Crossing the boundary: JS values in through `JSON.stringify` and the core's JSON reader (so a wrong shape
//! is a coded error naming the field path, exactly as the JSON entry points report it); core values out as
//! plain JSON-compatible objects (decimals and dates stay strings) through the core's JSON form and `JSON.parse`.

use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::error::{codes, ApiError};

/// The codes the core's JSON entry points (`dangjian::dues::*_json`) give to a document they cannot read;
/// the object API reports the same code for the same wrong shape.
#[cfg(feature = "dues")]
pub(crate) mod read_codes {
    /// A member (`dues::assess_json`, `dues::assess_batch_from_json`).
    pub const MEMBER: &str = "INVALID_MEMBER_JSON";
    /// A ledger (`dues::evaluate_ledger_json`).
    pub const LEDGER: &str = "INVALID_LEDGER_JSON";
    /// An array of ledger reports (`dues::summarize_json`).
    pub const REPORTS: &str = "INVALID_REPORT_JSON";
    /// A period (`dues::summarize_json`).
    pub const PERIOD: &str = "INVALID_PERIOD_JSON";
}

/// `JSON.stringify(value)`. `undefined` (and anything else JSON cannot hold) becomes `null`, which the core
/// then refuses with its own message; a value `JSON.stringify` throws on (a `BigInt`, a cycle) is an error
/// coded `code`.
pub(crate) fn stringify(value: &JsValue, code: &str) -> Result<String, ApiError> {
    match js_sys::JSON::stringify(value) {
        Ok(s) => Ok(s.as_string().unwrap_or_else(|| "null".to_owned())),
        Err(thrown) => {
            let why = js_sys::Reflect::get(&thrown, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
                .or_else(|| thrown.as_string())
                .unwrap_or_default();
            Err(ApiError::invalid_input(
                code,
                "",
                format!("无法转换为 JSON：{why}"),
                format!("cannot convert to JSON: {why}"),
            ))
        }
    }
}

/// A JS value read as the core type `T` by the core's JSON reader (`dangjian::error::from_json`).
#[cfg(any(feature = "dues", feature = "credits", feature = "disclosure"))]
pub(crate) fn from_js<T: serde::de::DeserializeOwned>(
    value: &JsValue,
    code: &str,
) -> Result<T, ApiError> {
    let json = stringify(value, code)?;
    Ok(dangjian::error::from_json(&json, code)?)
}

/// A core value as a plain JS value: objects, arrays, strings, numbers, booleans and `null`.
///
/// Written as JSON by serde_json and read by `JSON.parse` rather than built field by field
/// (serde-wasm-bindgen): every value type already has its serde_json serializer for the JSON entry points,
/// so this adds no code per type (a second serializer per type was a large share of the module), and the
/// result is the same plain object (`None` as `null`, maps as objects, numbers as numbers).
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, ApiError> {
    let json = serde_json::to_string(value).map_err(|e| {
        ApiError::invalid_input(
            codes::SERIALIZATION_FAILED,
            "",
            format!("无法转换为 JS 值：{e}"),
            format!("cannot convert the result to a JS value: {e}"),
        )
    })?;
    parse_json(&json)
}

/// A JSON document written by one of the core's JSON entry points, as a plain JS value (`JSON.parse`): the
/// object variant of an entry point gives exactly the document its JSON variant returns.
pub(crate) fn parse_json(json: &str) -> Result<JsValue, ApiError> {
    js_sys::JSON::parse(json).map_err(|_| {
        ApiError::invalid_input(
            codes::SERIALIZATION_FAILED,
            "",
            "无法读取核心输出的 JSON",
            "cannot read the JSON the core wrote",
        )
    })
}

/// A JS number that must be a whole number in `0..=u32::MAX`, named `field` in the error.
pub(crate) fn whole_u32(n: f64, field: &str) -> Result<u32, ApiError> {
    if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) {
        // Exact: a whole number within u32's range.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        return Ok(n as u32);
    }
    Err(ApiError::invalid_input(
        codes::INVALID_ARGUMENT,
        field,
        format!("{field} 须为 0 到 {} 之间的整数：{n}", u32::MAX),
        format!("{field} must be a whole number from 0 to {}: {n}", u32::MAX),
    ))
}
