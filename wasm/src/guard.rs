//! What a panic that slips through does to the module: the call throws a `DangjianError` with code
//! `INTERNAL`, and the next call works.
//!
//! The package is built `panic = "abort"` (`panic = "unwind"` needs a nightly `-Z build-std` on wasm32), so a
//! panic would trap (`RuntimeError: unreachable`) and leave the instance in whatever state the panic found it.
//! Instead the panic hook, installed when the module starts:
//! 1. asks wasm-bindgen to re-instantiate the module before the next export call
//!    (`wasm_bindgen::handler::schedule_reinit`: a fresh `WebAssembly.Instance` from the same compiled module,
//!    fresh memory, this hook installed again by the start function), and
//! 2. throws the `INTERNAL` error as a JS exception, which leaves the Rust frames without running them further
//!    (their state is dropped with the instance).
//!
//! Objects made by the old instance (`Policy`, `Calendar`, `CreditsScorer` …) cannot move into the new one:
//! using one throws "Invalid stale object from previous Wasm instance"; make them again. The core validates so
//! that no input reaches a panic (clippy denies `unwrap`/`expect`/`panic`/indexing, sums are checked, allocations
//! bounded): this guard is for a defect, not for bad input.

use wasm_bindgen::prelude::*;

use crate::error::ApiError;

/// Installs the panic hook (runs when the module is instantiated, and again after each re-instantiation).
///
/// ```js
/// // Nothing to call: it runs by itself when the module is instantiated (`await init()` in a page, on import
/// // in Node). After a defect, the failing call throws a DangjianError with code "INTERNAL" and the next call works.
/// ```
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        wasm_bindgen::handler::schedule_reinit();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        wasm_bindgen::throw_val(ApiError::internal(&format!("{what}{at}")).into());
    }));
}

/// Panics on purpose, so the tests can show the guard at work (a panic that no input can reach).
///
/// ```js
/// try { dangjianForcePanicForTests(); } catch (e) { e.code === "INTERNAL"; } // and the next call works
/// ```
#[wasm_bindgen(js_name = dangjianForcePanicForTests, skip_typescript)]
#[allow(clippy::panic)] // the one deliberate panic: the guard's test
pub fn force_panic_for_tests() {
    panic!("forced by dangjianForcePanicForTests");
}
