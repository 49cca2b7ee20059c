//! `dangjian-ffi`: UniFFI bindings of the `dangjian` rules core for Kotlin
//! (Android / JVM), Swift (iOS) and Python.
//!
//! Round 1 exports a placeholder API (`core_version`, `check_amount`) so the
//! generation / packaging / test pipeline can be exercised end to end; the real
//! API mirrors the core crate once it lands.

uniffi::setup_scaffolding!("dangjian");

/// The error every exported function returns.
///
/// Each variant is a flat record so that every binding exposes the same fields:
/// Kotlin `DangjianException.InvalidInput(code, field, messageZh, messageEn)`,
/// Swift `DangjianError.InvalidInput(code:field:messageZh:messageEn:)`,
/// Python `DangjianError.InvalidInput(code=…, field=…, message_zh=…, message_en=…)`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Error, thiserror::Error)]
pub enum DangjianError {
    /// An input value is malformed or out of range.
    #[error("{code} ({field}): {message_en}")]
    InvalidInput {
        /// Stable machine-readable code, e.g. `INVALID_AMOUNT`.
        code: String,
        /// The input field the error is about, e.g. `amount`.
        field: String,
        /// Message for the user, in Chinese.
        message_zh: String,
        /// Message for the user, in English.
        message_en: String,
    },
    /// No policy (rule set) applies, or a policy forbids the request.
    #[error("{code} ({field}): {message_en}")]
    Policy {
        /// Stable machine-readable code.
        code: String,
        /// The input field the error is about.
        field: String,
        /// Message for the user, in Chinese.
        message_zh: String,
        /// Message for the user, in English.
        message_en: String,
    },
    /// A date or period could not be resolved.
    #[error("{code} ({field}): {message_en}")]
    Calendar {
        /// Stable machine-readable code.
        code: String,
        /// The input field the error is about.
        field: String,
        /// Message for the user, in Chinese.
        message_zh: String,
        /// Message for the user, in English.
        message_en: String,
    },
    /// A bug or an unexpected state inside the library.
    #[error("{code} ({field}): {message_en}")]
    Internal {
        /// Stable machine-readable code.
        code: String,
        /// The input field the error is about (may be empty).
        field: String,
        /// Message for the user, in Chinese.
        message_zh: String,
        /// Message for the user, in English.
        message_en: String,
    },
}

/// The version of the `dangjian` core these bindings were built from.
#[uniffi::export]
pub fn core_version() -> String {
    dangjian::VERSION.to_owned()
}

/// Placeholder validation: accepts a non-negative decimal string with at most
/// two decimals (`"12"`, `"12.5"`, `"12.50"`) and returns it with exactly two
/// decimals (`"12.50"`); anything else is `DangjianError::InvalidInput` with
/// code `INVALID_AMOUNT` and field `amount`.
#[uniffi::export]
pub fn check_amount(amount: String) -> Result<String, DangjianError> {
    let invalid = || DangjianError::InvalidInput {
        code: "INVALID_AMOUNT".to_owned(),
        field: "amount".to_owned(),
        message_zh: format!("金额“{amount}”无效：须为非负数，最多两位小数"),
        message_en: format!(
            "invalid amount \"{amount}\": must be a non-negative number with at most 2 decimals"
        ),
    };
    let (int_part, frac_part) = match amount.split_once('.') {
        Some((i, f)) => (i, f),
        None => (amount.as_str(), ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let well_formed = !int_part.is_empty()
        && all_digits(int_part)
        && all_digits(frac_part)
        && frac_part.len() <= 2
        && (frac_part.len() == 2 || !amount.ends_with('.'));
    if !well_formed {
        return Err(invalid());
    }
    Ok(format!("{int_part}.{frac_part:0<2}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_is_the_core_version() {
        assert_eq!(core_version(), dangjian::VERSION);
        assert!(!core_version().is_empty());
    }

    #[test]
    fn accepts_and_normalises_amounts() {
        assert_eq!(check_amount("12.50".into()).unwrap(), "12.50");
        assert_eq!(check_amount("12.5".into()).unwrap(), "12.50");
        assert_eq!(check_amount("12".into()).unwrap(), "12.00");
        assert_eq!(check_amount("0".into()).unwrap(), "0.00");
    }

    #[test]
    fn rejects_bad_amounts() {
        for bad in [
            "-1", "", "1.234", "1.", ".5", "1.2.3", "abc", " 1", "+1", "1e3",
        ] {
            match check_amount(bad.into()) {
                Err(DangjianError::InvalidInput { code, field, .. }) => {
                    assert_eq!(code, "INVALID_AMOUNT", "{bad}");
                    assert_eq!(field, "amount", "{bad}");
                }
                other => panic!("{bad:?} gave {other:?}"),
            }
        }
    }
}
