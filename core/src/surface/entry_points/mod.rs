//! The JSON-document entry points, declared once for every surface.
//!
//! Each table below lists an engine's `*_json` functions with their arguments and, for every surface, the
//! name it is exported under. A table is a macro that hands each entry to a renderer macro named by the
//! caller; the UniFFI crate (`bindings/src/entry_points.rs`) and the wasm crate (`wasm/src/entry_points.rs`)
//! each write one renderer, so a new entry point is one entry here, not a function in each crate.
//!
//! An entry reads
//!
//! ```text
//! /// docs (the exported function's docs on every surface)
//! fn NAME = [CORE FUNCTION](ARG: KIND, …) -> String | bool, js FORMS, uniffi NAME | none;
//! ```
//!
//! - Every argument, the last too, ends with a comma.
//! - `NAME` is the wasm name in snake case: `disclosure_create` is `disclosureCreate` (the object form, JS
//!   values in and out) and `disclosureCreateJson` (the JSON form, text in and out).
//! - `KIND` says how an argument crosses:
//!   - `policy`, `calendar`, `scheme`: the surface's `Policy`, `Calendar` or `CreditsScheme` object;
//!   - `str`: a string given as is (a date, an id, a JSON Lines text);
//!   - `opt_str`: a string that may be absent;
//!   - `text("TsType")`: a string the wasm object form types more narrowly (`PeriodKind`);
//!   - `flag(default)`: a boolean, required on UniFFI, optional in JS (`default` when left out);
//!   - `doc(CODE, "TsType")`: a JSON document, `ARG_json` in the JSON forms; in the wasm object form a JS
//!     value of that TypeScript type, turned into JSON text by `JSON.stringify`, `CODE` when it cannot be.
//! - `js` forms: `(both "TsResult")`, `(json)` (the object form is written by hand), `(object "TsResult")`,
//!   `(none)`.
//!
//! The codes are the ones the core's JSON reader gives the same document, so a JS value of the wrong shape
//! fails with the code its JSON text would.

mod audit;
mod credits;
mod disclosure;
mod dues;
mod membership;
