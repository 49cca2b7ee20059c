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

// The JSON-document entry points of every surface, one table per engine (`disclosure_entry_points!`, …).
mod entry_points;

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

#[cfg(feature = "uniffi")]
pub use ffi::{DangjianError, IdMap, ListIndex, Rfc3339, Text};

/// The UniFFI half (feature `uniffi`): the scalars as custom types, each crossing as its string, and the one
/// error every fallible export throws.
///
/// | Rust                       | Kotlin                 | Swift                | Python            |
/// |----------------------------|------------------------|----------------------|-------------------|
/// | [`rust_decimal::Decimal`]  | `java.math.BigDecimal` | `Foundation.Decimal` | `decimal.Decimal` |
/// | [`crate::YearMonth`]       | `YearMonth` = String   | `YearMonth` = String | `str`             |
/// | [`chrono::NaiveDate`]      | `NaiveDate` = String   | `NaiveDate` = String | `str`             |
/// | [`Text`] (a citation's text) | `Text` = String      | `Text` = String      | `str`             |
/// | [`ListIndex`] (`usize`)    | `ListIndex` = UInt     | `ListIndex` = UInt32 | `int`             |
/// | [`Rfc3339`] (an instant)   | `Rfc3339` = String     | `Rfc3339` = String   | `str`             |
/// | [`crate::disclosure::OrgTree`] | `OrgTree` = `List<Org>` | `OrgTree` = `[Org]` | `list[Org]`   |
/// | [`IdMap`] (id → id)        | `Map<String, String>`  | `[String: String]`   | `dict`            |
///
/// An instant (`DateTime<FixedOffset>`: credits' `occurred_at`, `decided_at`) crosses as the RFC 3339 text
/// the JSON contract and TypeScript use, read and written exactly as the core's serde reads and writes it, so
/// a typed call and its JSON twin agree. An id → id map (`BTreeMap<String, String>`, the credits org map)
/// crosses as the languages' own map; the core keeps it sorted.
///
/// The languages' names are set in `core/uniffi.toml` (the types' component, namespace `dangjian_types`).
///
/// A value the core cannot hold (a Python `Decimal("NaN")`, a Swift `Decimal.nan`, a `BigDecimal` of 29
/// integer digits, `"2026-02-30"`, `"2026-13"`) fails while UniFFI lifts the argument, before the export runs.
/// The failure is [`DangjianError::InvalidInput`] with the core's code (`INVALID_AMOUNT`, `INVALID_DATE`,
/// `INVALID_MONTH`, `INVALID_TIME`; an organization list that is no tree: `DUPLICATE_ORG`, `UNKNOWN_ORG`,
/// …) and the value in its messages, thrown by the export as its own error (UniFFI hands a
/// lift error of the export's error type to the caller as that error). Its `field` is empty (for a tree, the
/// organization's position in the list given): UniFFI lifts a record field by field without telling the custom
/// type where it sits, so no path can be named.
#[cfg(feature = "uniffi")]
mod ffi {
    use std::borrow::Cow;
    use std::collections::{BTreeMap, HashMap};

    use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};
    use rust_decimal::Decimal;

    use crate::disclosure::{Org, OrgTree};
    use crate::{Error, YearMonth};

    /// A citation's text ([`crate::Citation`]: `Cow<'static, str>`, borrowed for the bundled articles).
    pub type Text = Cow<'static, str>;

    /// A position in an input list (`usize` in Rust, at most `u32::MAX` across the FFI).
    pub type ListIndex = usize;

    /// An instant with its offset (credits' event and offence times, the disclosure workflow's times, an
    /// objection's time), as its RFC 3339 text (`2026-03-02T09:00:00+08:00`), the string TypeScript names `Rfc3339`.
    pub type Rfc3339 = DateTime<FixedOffset>;

    /// A map of ids to ids, sorted (the credits org map's `member_org` and `parent`).
    pub type IdMap = BTreeMap<String, String>;

    /// The error of a value that could not be lifted, as the export's own error type.
    fn refused(e: Error) -> uniffi::deps::anyhow::Error {
        DangjianError::from(e).into()
    }

    /// The core's one decimal grammar ([`crate::money::parse_decimal`]), refused as `INVALID_AMOUNT`.
    fn lift_decimal(s: &str) -> uniffi::Result<Decimal> {
        crate::money::parse_decimal(s, "").map_err(|e| {
            let d = e.detail();
            refused(Error::input(
                "INVALID_AMOUNT",
                "",
                format!("无法读取的数值（{}）", d.message_zh),
                format!("not a readable decimal ({})", d.message_en),
            ))
        })
    }

    uniffi::custom_type!(Decimal, String, {
        remote,
        lower: |d| d.to_string(),
        try_lift: |s| lift_decimal(&s),
    });

    uniffi::custom_type!(NaiveDate, String, {
        remote,
        lower: |d| d.to_string(),
        try_lift: |s| crate::month::parse_date(&s, "").map_err(refused),
    });

    uniffi::custom_type!(YearMonth, String, {
        lower: |m| m.to_string(),
        try_lift: |s| crate::month::parse_month(&s, "").map_err(refused),
    });

    uniffi::custom_type!(Text, String, {
        remote,
        lower: |t| t.into_owned(),
        try_lift: |s| Ok(Cow::Owned(s)),
    });

    /// An instant as the JSON reader reads it (chrono's `FromStr`, the parser of its serde form), refused as
    /// `INVALID_TIME`.
    fn lift_instant(s: &str) -> uniffi::Result<Rfc3339> {
        s.parse().map_err(|e| {
            refused(Error::input(
                "INVALID_TIME",
                "",
                format!("不是带时区偏移的 RFC 3339 时间（{s}：{e}）"),
                format!("not an RFC 3339 time with an offset ({s}: {e})"),
            ))
        })
    }

    uniffi::custom_type!(Rfc3339, String, {
        remote,
        // chrono's serde writer exactly: whole seconds unless there is a fraction, `Z` for UTC.
        lower: |t| t.to_rfc3339_opts(SecondsFormat::AutoSi, true),
        try_lift: |s| lift_instant(&s),
    });

    uniffi::custom_type!(IdMap, HashMap<String, String>, {
        remote,
        lower: |m| m.into_iter().collect(),
        try_lift: |m| Ok(m.into_iter().collect()),
    });

    // The organization tree crosses as its list of organizations and is validated (unique ids, known
    // parents, no loops) while it is lifted, as serde does when it reads one.
    uniffi::custom_type!(OrgTree, Vec<Org>, {
        lower: |t| t.into(),
        try_lift: |v| OrgTree::new(v).map_err(refused),
    });

    uniffi::custom_type!(ListIndex, u32, {
        remote,
        // A list of more than 4 294 967 295 entries cannot be built on any device.
        lower: |i| u32::try_from(i).unwrap_or(u32::MAX),
        try_lift: |v| Ok(usize::try_from(v)?),
    });

    /// The error every fallible export of the bindings throws: the core's [`Error`], variant for variant, each a
    /// flat record so every language exposes the same fields.
    ///
    /// - `code`: the stable `SCREAMING_SNAKE` code hosts switch on (`NEGATIVE_AMOUNT`, `INVALID_DATE`, …);
    /// - `field`: the path of the field at fault, relative to the argument that carries it
    ///   (`incomes[0].items[0].amount` inside a member, `month` for a month argument), empty when no field is
    ///   to blame or the value failed to cross (see the table above);
    /// - `message_zh`, `message_en`: messages to show.
    ///
    /// Kotlin `DangjianException.InvalidInput(code, field, messageZh, messageEn)`; Swift
    /// `DangjianError.InvalidInput(code:field:messageZh:messageEn:)`; Python `DangjianError.InvalidInput`.
    ///
    /// ```
    /// use dangjian::surface::DangjianError;
    /// let e = DangjianError::from(dangjian::Error::input("NEGATIVE_AMOUNT", "amount", "金额为负", "negative"));
    /// assert!(matches!(e, DangjianError::InvalidInput { ref code, .. } if code == "NEGATIVE_AMOUNT"));
    /// assert_eq!(e.to_string(), "amount：金额为负 [NEGATIVE_AMOUNT]");
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
    // Display reaches Kotlin as the exception's `toString()` and Swift as its `description`: the sentence a
    // log or a stack trace shows is `field：中文说明 [CODE]`, not a dump of the four fields.
    #[uniffi::export(Display)]
    pub enum DangjianError {
        /// The data given (a member, a ledger, a date, an amount) is wrong.
        #[error("{}{message_zh} [{code}]", place(.field))]
        InvalidInput {
            /// Stable machine-readable code, e.g. `NEGATIVE_AMOUNT`.
            code: String,
            /// Path of the field at fault, e.g. `incomes[0].items[0].amount`.
            field: String,
            /// Message in Chinese.
            message_zh: String,
            /// Message in English.
            message_en: String,
        },
        /// A policy document or override is wrong, or no rule is in force for the date asked.
        #[error("{}{message_zh} [{code}]", place(.field))]
        Policy {
            /// Stable machine-readable code, e.g. `OVERLAPPING_PERIODS`, `NO_POLICY_IN_FORCE`.
            code: String,
            /// Path of the field at fault, e.g. `dues.rounding[0].value.scale`.
            field: String,
            /// Message in Chinese.
            message_zh: String,
            /// Message in English.
            message_en: String,
        },
        /// A calendar year document is wrong or conflicts with what is loaded (or the calendar is unusable).
        #[error("{}{message_zh} [{code}]", place(.field))]
        Calendar {
            /// Stable machine-readable code, e.g. `DATE_OUTSIDE_YEAR`.
            code: String,
            /// Path of the field at fault, e.g. `off[0]`.
            field: String,
            /// Message in Chinese.
            message_zh: String,
            /// Message in English.
            message_en: String,
        },
        /// A defect of the library: a panic caught by the bindings' guard (code `INTERNAL`, `field` empty, the
        /// panic's text in the messages). The call did not complete; later calls work. An object whose lock
        /// the panic held says so on its next call with its own code (`CALENDAR_UNAVAILABLE`,
        /// `SCORER_UNAVAILABLE`, `AUDIT_TRAIL_UNAVAILABLE`): make it again.
        #[error("{}{message_zh} [{code}]", place(.field))]
        Internal {
            /// Always `INTERNAL`.
            code: String,
            /// Always empty: no field of the input is to blame.
            field: String,
            /// Message in Chinese.
            message_zh: String,
            /// Message in English.
            message_en: String,
        },
    }

    /// The field's path and a full-width colon, or nothing when no field is to blame.
    fn place(field: &str) -> String {
        if field.is_empty() {
            String::new()
        } else {
            format!("{field}：")
        }
    }

    impl DangjianError {
        /// The `INTERNAL` error of a caught panic, `what` being the panic's message.
        ///
        /// ```
        /// let e = dangjian::surface::DangjianError::internal("boom");
        /// assert!(matches!(e, dangjian::surface::DangjianError::Internal { ref code, .. } if code == "INTERNAL"));
        /// ```
        pub fn internal(what: &str) -> Self {
            DangjianError::Internal {
                code: crate::codes::Code::Internal.as_str().to_owned(),
                field: String::new(),
                message_zh: format!("程序内部错误（本次调用未完成，可继续调用）：{what}"),
                message_en: format!(
                    "internal error (this call did not complete; later calls work): {what}"
                ),
            }
        }
    }

    impl From<Error> for DangjianError {
        fn from(e: Error) -> Self {
            match e {
                Error::InvalidInput(d) => DangjianError::InvalidInput {
                    code: d.code,
                    field: d.field,
                    message_zh: d.message_zh,
                    message_en: d.message_en,
                },
                Error::Policy(d) => DangjianError::Policy {
                    code: d.code,
                    field: d.field,
                    message_zh: d.message_zh,
                    message_en: d.message_en,
                },
                Error::Calendar(d) => DangjianError::Calendar {
                    code: d.code,
                    field: d.field,
                    message_zh: d.message_zh,
                    message_en: d.message_en,
                },
            }
        }
    }
}
