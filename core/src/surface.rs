//! How the core's own types cross to the other surfaces, declared once here instead of once per surface.
//!
//! The public records and enums of the engines carry their surface form themselves, behind cargo features,
//! so an adapter crate re-exports them instead of restating them:
//!
//! - feature `wasm`: `#[derive(tsify::Tsify)]` on each record and enum writes its TypeScript declaration
//!   from the same serde attributes that shape its JSON (field names, `snake_case` variants, an optional
//!   field as `field?: T` when omitted and `T | null` when written as `null`), doc comments included. The npm package's `.d.ts` gets them through
//!   wasm-bindgen's custom sections; `wasm/src/types.d.ts` keeps only what is truly JS-specific.
//!
//! These values have no serde form of their own that TypeScript could name, so each is mapped once, below:
//! the scalars as string types named after the Rust type (the name tsify writes for a field of that type).
//!
//! | Rust                       | JSON / TypeScript          | example                |
//! |----------------------------|----------------------------|------------------------|
//! | [`rust_decimal::Decimal`]  | `Decimal` = string         | `"5400.00"`, `"0.015"` |
//! | [`crate::YearMonth`]       | `YearMonth` = string       | `"2026-11"`            |
//! | [`chrono::NaiveDate`]      | `NaiveDate` = string       | `"2026-11-21"`         |
//! | [`crate::Error::kind`]     | `DangjianErrorKind`        | `"invalid_input"`      |
//!
//! An instant (`chrono::DateTime<FixedOffset>`, credits' event times) is the string type `Rfc3339`, declared
//! here too; tsify would name it `DateTime<FixedOffset>`, so its two fields say `#[tsify(type = "Rfc3339")]`.
//!
//! A number never carries money: a JS number cannot hold every amount exactly, so decimals stay strings on
//! every surface (the UniFFI side is to map the same scalars to its own custom types).
#![deny(clippy::arithmetic_side_effects)]

/// The TypeScript half of the table above (`IsoDate` is the name the hand-written declarations of the
/// engines not yet derived still use; it is the same type).
#[cfg(feature = "wasm")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const SCALARS_TS: &str = r#"
/** A decimal amount of money or a rate, as a string: `"5400.00"`, `"0.015"`. Never a JS number. */
export type Decimal = string;
/** A calendar month, `"YYYY-MM"`. */
export type YearMonth = string;
/** A calendar date, `"YYYY-MM-DD"`. */
export type NaiveDate = string;
/** A calendar date, `"YYYY-MM-DD"` (the same as `NaiveDate`). */
export type IsoDate = NaiveDate;
/** An instant, RFC 3339 with its offset: `"2026-03-02T09:00:00+08:00"` (or `Z`). */
export type Rfc3339 = string;
/** Which part of the input is at fault (`internal`: a defect of the library, code `INTERNAL`). */
export type DangjianErrorKind = "invalid_input" | "policy" | "calendar" | "internal";
"#;
