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
/// A panic inside the library (a bug, never an input's fault) is caught at the boundary by [`guarded`] and
/// thrown as [`DangjianError::Internal`] with code `INTERNAL`, never as UniFFI's own internal error
/// (Kotlin `InternalException`, Python `InternalError`), so one `catch` of the library's exception type
/// covers every failure.
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
    /// A defect of the library: a panic caught by [`guarded`] (code `INTERNAL`, `field` empty, the panic's
    /// text in the messages). The call did not complete; later calls work. An object whose lock the panic
    /// held says so on its next call with its own code (`CALENDAR_UNAVAILABLE`, `SCORER_UNAVAILABLE`,
    /// `AUDIT_TRAIL_UNAVAILABLE`): make it again.
    #[error("{code} ({field}): {message_en}")]
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

/// The code of [`DangjianError::Internal`], registered in the core's registry (`dangjian::codes`) as the
/// wasm package's panic guard uses it.
const INTERNAL: &str = dangjian::codes::Code::Internal.as_str();

impl DangjianError {
    /// The `INTERNAL` error of a caught panic, `what` being the panic's message.
    fn internal(what: &str) -> Self {
        DangjianError::Internal {
            code: INTERNAL.to_owned(),
            field: String::new(),
            message_zh: format!("程序内部错误（本次调用未完成，可继续调用）：{what}"),
            message_en: format!(
                "internal error (this call did not complete; later calls work): {what}"
            ),
        }
    }
}

/// Runs an export's body, turning a panic into [`DangjianError::Internal`] (code `INTERNAL`) instead of
/// letting it reach UniFFI's scaffolding, which would throw its own `InternalException` / `InternalError`.
///
/// The release profile is `panic = "unwind"`, so the panic unwinds to here. `AssertUnwindSafe` is sound
/// because nothing the body borrowed is observed half-updated afterwards: the arguments are the call's own
/// (dropped with it), and the shared objects (`Calendar`, `CreditsScorer`, `AuditTrail`) sit behind locks
/// that the panic poisons, which their next call reports as `*_UNAVAILABLE`.
pub(crate) fn guarded<T>(body: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)).unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(DangjianError::internal(&what))
    })
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
                DangjianError::Internal { .. } => panic!("no core error is internal"),
            };
            assert_eq!(got_kind, kind);
            assert_eq!(
                (code, field, zh, en),
                (d.code, d.field, d.message_zh, d.message_en)
            );
        }
    }

    #[test]
    fn guarded_passes_results_through_and_turns_a_panic_into_internal() {
        assert_eq!(guarded(|| Ok(7)), Ok(7));
        let refused: Result<()> = Err(dangjian::Error::input("A", "f", "甲", "a").into());
        assert_eq!(guarded(|| refused.clone()), refused);
        for caught in [
            guarded::<()>(|| panic!("static text")),
            guarded::<()>(|| panic!("formatted {}", 42)),
        ] {
            match caught {
                Err(DangjianError::Internal {
                    code,
                    field,
                    message_zh,
                    message_en,
                }) => {
                    assert_eq!((code.as_str(), field.as_str()), ("INTERNAL", ""));
                    assert!(message_en.starts_with("internal error"), "{message_en}");
                    assert!(
                        message_en.ends_with("static text") || message_en.ends_with("formatted 42"),
                        "the panic's own text is kept: {message_en}"
                    );
                    assert!(message_zh.contains("程序内部错误"), "{message_zh}");
                }
                other => panic!("expected Internal, got {other:?}"),
            }
        }
    }
}
