//! The one error every fallible export throws, [`DangjianError`] (the core's [`dangjian::Error`], variant for
//! variant, declared with its UniFFI derive in `dangjian::surface` so that a value failing to cross is thrown
//! as the same error), and the panic guard every fallible export runs in.
//!
//! Kotlin: `DangjianException.InvalidInput(code, field, messageZh, messageEn)` (package `cn.dangjian.types`);
//! Swift: `DangjianError.InvalidInput(code:field:messageZh:messageEn:)`; Python:
//! `dangjian_types.DangjianError.InvalidInput` with `.code`, `.field`, `.message_zh`, `.message_en`.
//!
//! A panic inside the library (a bug, never an input's fault) is caught at the boundary by [`guarded`] and
//! thrown as [`DangjianError::Internal`] with code `INTERNAL`, never as UniFFI's own internal error
//! (Kotlin `InternalException`, Python `InternalError`), so one `catch` of the library's exception type
//! covers every failure.

pub use dangjian::surface::DangjianError;

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
