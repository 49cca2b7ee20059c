//! The one error every fallible export throws: the core's [`dangjian::Error`], variant for variant.

/// The error every fallible export throws.
///
/// The variants are the core's ([`dangjian::Error`]): which part of the input is at fault. Each is a flat
/// record so every language exposes the same fields:
///
/// - `code`: the stable `SCREAMING_SNAKE` code hosts switch on (`NEGATIVE_AMOUNT`, `INVALID_DATE`, …);
/// - `field`: the path of the field at fault, relative to the argument that carries it
///   (`incomes[0].items[0].amount` inside a member, `dues.farmer_monthly[0].value.monthly` inside a policy
///   document, `month` for a month argument), empty when no field is to blame;
/// - `message_zh`, `message_en`: messages to show.
///
/// Kotlin: `DangjianException.InvalidInput(code, field, messageZh, messageEn)`;
/// Swift: `DangjianError.InvalidInput(code:field:messageZh:messageEn:)`;
/// Python: `DangjianError.InvalidInput` with `.code`, `.field`, `.message_zh`, `.message_en`.
///
/// ```kotlin
/// try {
///     assessDues(Policy.bundled(), member, "2026-11", false)
/// } catch (e: DangjianException.InvalidInput) {
///     println("${e.code} at ${e.field}: ${e.messageZh}")   // NEGATIVE_AMOUNT at incomes[0].items[0].amount: …
/// }
/// ```
///
/// A panic inside the library (a bug) surfaces as UniFFI's own internal error (Kotlin
/// `InternalException`), never as one of these variants.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Error, thiserror::Error)]
pub enum DangjianError {
    /// The data given (a member, a ledger, a date, an amount) is wrong.
    #[error("{code} ({field}): {message_en}")]
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
    #[error("{code} ({field}): {message_en}")]
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
    #[error("{code} ({field}): {message_en}")]
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
}

impl From<dangjian::Error> for DangjianError {
    fn from(e: dangjian::Error) -> Self {
        match e {
            dangjian::Error::InvalidInput(d) => DangjianError::InvalidInput {
                code: d.code,
                field: d.field,
                message_zh: d.message_zh,
                message_en: d.message_en,
            },
            dangjian::Error::Policy(d) => DangjianError::Policy {
                code: d.code,
                field: d.field,
                message_zh: d.message_zh,
                message_en: d.message_en,
            },
            dangjian::Error::Calendar(d) => DangjianError::Calendar {
                code: d.code,
                field: d.field,
                message_zh: d.message_zh,
                message_en: d.message_en,
            },
        }
    }
}

/// The result of every fallible export.
pub type Result<T, E = DangjianError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_core_variant_keeps_its_kind_and_detail() {
        let cases = [
            (
                dangjian::Error::input("A", "f.a", "甲", "a"),
                "invalid_input",
            ),
            (dangjian::Error::policy("B", "f.b", "乙", "b"), "policy"),
            (dangjian::Error::calendar("C", "f.c", "丙", "c"), "calendar"),
        ];
        for (core, kind) in cases {
            let d = core.detail().clone();
            let (got_kind, code, field, zh, en) = match DangjianError::from(core) {
                DangjianError::InvalidInput {
                    code,
                    field,
                    message_zh,
                    message_en,
                } => ("invalid_input", code, field, message_zh, message_en),
                DangjianError::Policy {
                    code,
                    field,
                    message_zh,
                    message_en,
                } => ("policy", code, field, message_zh, message_en),
                DangjianError::Calendar {
                    code,
                    field,
                    message_zh,
                    message_en,
                } => ("calendar", code, field, message_zh, message_en),
            };
            assert_eq!(got_kind, kind);
            assert_eq!(
                (code, field, zh, en),
                (d.code, d.field, d.message_zh, d.message_en)
            );
        }
    }
}
