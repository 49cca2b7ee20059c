//! `dangjian-wasm`: the WebAssembly surface of the `dangjian` rules core, published to npm as `dangjian`.
//!
//! A thin adapter: every export converts its arguments, calls the core and converts the result or the
//! [`dangjian::Error`]; no rule lives here.
//!
//! - Values cross in the core's serde JSON forms (snake_case fields; decimals, months and dates as strings).
//!   Objects in are read by `JSON.stringify` and the core's JSON reader, so a wrong shape is a coded error
//!   naming the field path; objects out are plain JS objects (the core's JSON text read by `JSON.parse`).
//! - The TypeScript types of those values come from the core itself where it derives them (feature `wasm`:
//!   the scalars, the explanations, the dues and credits records, see `dangjian::surface`); the rest are
//!   still written in `src/types.d.ts`. Both are emitted into the package's `.d.ts` and checked against real
//!   results by the JS suite.
//! - Every failure is a JS `Error` named `DangjianError` ([`error::ApiError`]).

// No `unsafe_code` allow is needed: wasm-bindgen 0.2.130 marks its own generated glue.

// The engines are features (wasm/Cargo.toml; default: all of them), so a per-engine package carries only
// what its exports reach. Policy, Calendar, the code registry, the errors and the panic guard are in every cut.
#[cfg(feature = "audit")]
pub mod audit;
pub mod calendar;
pub mod codes;
mod convert;
#[cfg(feature = "credits")]
pub mod credits;
#[cfg(feature = "disclosure")]
pub mod disclosure;
#[cfg(feature = "dues")]
pub mod dues;
#[cfg(feature = "dues")]
pub mod dues_columns;
#[cfg(any(
    feature = "dues",
    feature = "disclosure",
    feature = "membership",
    feature = "credits"
))]
pub mod entry_points;
pub mod error;
pub mod guard;
#[cfg(feature = "membership")]
pub mod membership;
#[cfg(feature = "dues")]
mod memory;
#[cfg(feature = "payroll")]
pub mod payroll;
pub mod policy;

#[cfg(feature = "audit")]
pub use audit::AuditTrail;
pub use calendar::Calendar;
#[cfg(feature = "credits")]
pub use credits::{CreditsScheme, CreditsScorer};
#[cfg(feature = "dues")]
pub use dues::{
    assess_dues, assess_dues_batch, assess_dues_batch_json, evaluate_dues_ledger, summarize_dues,
};
#[cfg(feature = "dues")]
pub use entry_points::{assess_dues_json, evaluate_dues_ledger_json, summarize_dues_json};
pub use policy::Policy;

use wasm_bindgen::prelude::*;

/// The error shape, the type guard and the value types the core does not derive yet, in TypeScript.
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("types.d.ts");

/// The version of the `dangjian` core this package was built from.
///
/// ```js
/// coreVersion(); // "0.1.0"
/// ```
#[wasm_bindgen(js_name = coreVersion)]
pub fn core_version() -> String {
    dangjian::VERSION.to_owned()
}

/// Runtime half of the `isDangjianError` type guard declared in `src/types.d.ts`.
///
/// ```js
/// try { assessDues(policy, member, "2026-11"); } catch (e) { if (isDangjianError(e)) show(e.code, e.field); }
/// ```
#[wasm_bindgen(js_name = isDangjianError, skip_typescript)]
pub fn is_dangjian_error(e: &JsValue) -> bool {
    error::is_coded_error(e)
}
