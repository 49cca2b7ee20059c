//! The code registry (`dangjian::codes`) in JS: `allCodes()`, `describeCode(code)` and the TypeScript union
//! `DangjianCode` of every code, emitted from the registry itself (no hand-written list).

use crate::convert::to_js;
use crate::error::ApiError;
use wasm_bindgen::prelude::*;

/// `DangjianCode` (made from the registry when this crate compiles) and the record type of the lookups.
#[wasm_bindgen(typescript_custom_section)]
const TS_CODES: &str = dangjian::codes::TYPESCRIPT;

#[wasm_bindgen(typescript_custom_section)]
const TS_CODE_INFO: &str = r#"
/** One code of the registry, with a generic message (the error's or finding's own message says more). */
export interface DangjianCodeInfo {
  code: DangjianCode;
  area: "common" | "policy" | "calendar" | "dues" | "credits" | "membership" | "disclosure" | "surface";
  /** `error`, `finding`, `both`, `step` (a next step) or `outcome` (a credits reason, an audit break). */
  kind: "error" | "finding" | "both" | "step" | "outcome";
  message_zh: string;
  message_en: string;
  /** Why no test produces the code, for the few no input can provoke. */
  untested?: string;
}
"#;

/// Every code of the registry.
///
/// ```js
/// allCodes().filter((c) => c.area === "dues" && c.kind === "error").map((c) => c.code);
/// ```
#[wasm_bindgen(js_name = allCodes, unchecked_return_type = "DangjianCodeInfo[]")]
pub fn all_codes() -> Result<JsValue, ApiError> {
    to_js(&dangjian::codes::all().collect::<Vec<_>>())
}

/// The registry's record of `code` (e.g. a `DangjianError`'s `code`), or `undefined` for an unknown code.
///
/// ```js
/// catch (e) { if (isDangjianError(e)) show(describeCode(e.code)?.message_zh ?? e.messageZh); }
/// ```
#[wasm_bindgen(js_name = describeCode, unchecked_return_type = "DangjianCodeInfo | undefined")]
pub fn describe_code(code: &str) -> Result<JsValue, ApiError> {
    match dangjian::codes::describe(code) {
        Some(info) => to_js(info),
        None => Ok(JsValue::UNDEFINED),
    }
}
