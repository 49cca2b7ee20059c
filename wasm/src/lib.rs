//! `dangjian-wasm`: the WebAssembly surface of the `dangjian` rules core, published to npm as `dangjian`.
//!
//! Round 1 exposes a placeholder API (`coreVersion`, `checkAmount`, `describeAmount`, `isDangjianError`)
//! that proves the pipeline: wasm-bindgen exports, tsify-typed objects (`Ts<T>`), and errors that reach
//! JS as real `Error` instances with `code`, `field`, `messageZh` and `messageEn`.
//!
//! Conventions for the real API: decimals and dates cross as strings; objects cross through `Ts<T>`;
//! every failure is an [`error::ApiError`].

// No `unsafe_code` allow is needed: wasm-bindgen 0.2.130 and tsify 0.5.8 mark their own generated glue.

pub mod amount;
pub mod error;

use error::ApiError;
use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// TypeScript for what the Rust signatures cannot express: the thrown error's shape and the type guard.
#[wasm_bindgen(typescript_custom_section)]
const TS_ERRORS: &str = r#"
/** Machine codes a `DangjianError` can carry. */
export type DangjianErrorCode = "INVALID_AMOUNT" | "INVALID_INPUT";

/** What every dangjian function throws: a real `Error` with a stable `code` and bilingual messages. */
export interface DangjianError extends Error {
  name: "DangjianError";
  code: DangjianErrorCode;
  /** The input field at fault, or "" when the error is not tied to one field. */
  field: string;
  messageZh: string;
  messageEn: string;
}

/** True when `e` was thrown by a dangjian function (an `Error` carrying a string `code`). */
export function isDangjianError(e: unknown): e is DangjianError;
"#;

/// The version of the `dangjian` core this package was built from.
#[wasm_bindgen(js_name = coreVersion)]
pub fn core_version() -> String {
    dangjian::VERSION.to_owned()
}

/// Checks a non-negative decimal amount with at most two decimals; returns it as `"12.50"`.
///
/// Placeholder until the dues engine lands. Throws `INVALID_AMOUNT` (field `amount`) otherwise.
#[wasm_bindgen(js_name = checkAmount)]
pub fn check_amount(amount: &str) -> Result<String, ApiError> {
    amount::parse_amount(amount)
        .map(|a| a.normalized())
        .map_err(|p| ApiError::invalid_amount("amount", p))
}

/// Input of `describeAmount`.
#[derive(Debug, Clone, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AmountInput {
    /// Decimal string, e.g. `"12.5"`.
    pub amount: String,
    /// Free-form note echoed back (e.g. a member's name); absent means none.
    #[tsify(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Output of `describeAmount`: the amount in its parts, all as strings.
#[derive(Debug, Clone, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AmountOutput {
    /// Canonical two-decimal form, `"12.50"`.
    pub normalized: String,
    /// Integer yuan, `"12"`.
    pub yuan: String,
    /// Total in fen (1/100 yuan), `"1250"`.
    pub total_fen: String,
    /// The input note, if any.
    #[tsify(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Describes an amount (tsify round trip: object in, object out). Throws like `checkAmount`.
#[wasm_bindgen(js_name = describeAmount)]
pub fn describe_amount(input: Ts<AmountInput>) -> Result<Ts<AmountOutput>, ApiError> {
    let input = input.to_rust()?;
    let a =
        amount::parse_amount(&input.amount).map_err(|p| ApiError::invalid_amount("amount", p))?;
    let out = AmountOutput {
        normalized: a.normalized(),
        total_fen: a.total_fen(),
        yuan: a.yuan,
        note: input.note,
    };
    Ok(Ts::from_rust(&out)?)
}

/// Runtime half of the `isDangjianError` type guard declared in `TS_ERRORS`.
#[wasm_bindgen(js_name = isDangjianError, skip_typescript)]
pub fn is_dangjian_error(e: &JsValue) -> bool {
    error::is_coded_error(e)
}
