//! The code registry (`dangjian::codes`) for Kotlin, Swift and Python: every stable code with its area, kind
//! and a generic message, so an app can switch on the codes it knows and show a sentence for any other.
//!
//! ```kotlin
//! try { assessDues(policy, member, "2026-11", false) }
//! catch (e: DangjianException.InvalidInput) {
//!     val info = describeCode(e.code)           // CodeInfo(code="MISSING_INCOME", area="dues", kind="error", …)
//!     show(info?.messageZh ?: e.messageZh)
//! }
//! ```

use dangjian::codes;

/// One code of the registry (`dangjian::codes::CodeInfo`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CodeInfo {
    /// The stable `SCREAMING_SNAKE` code, e.g. `MISSING_INCOME`.
    pub code: String,
    /// `common`, `policy`, `calendar`, `dues`, `credits`, `membership`, `disclosure` or `surface`.
    pub area: String,
    /// `error`, `finding`, `both`, `step` (a next step) or `outcome` (a credits reason, an audit break).
    pub kind: String,
    /// A generic sentence in Chinese (the error's or finding's own message says more).
    pub message_zh: String,
    /// A generic sentence in English.
    pub message_en: String,
}

impl From<&codes::CodeInfo> for CodeInfo {
    fn from(i: &codes::CodeInfo) -> Self {
        Self {
            code: i.code.as_str().to_owned(),
            area: i.area.as_str().to_owned(),
            kind: i.kind.as_str().to_owned(),
            message_zh: i.message_zh.to_owned(),
            message_en: i.message_en.to_owned(),
        }
    }
}

/// Every code of the registry (errors, findings, next steps, outcomes).
///
/// ```python
/// assert any(c.code == "MISSING_INCOME" for c in all_codes())
/// ```
#[uniffi::export]
pub fn all_codes() -> Vec<CodeInfo> {
    codes::all().map(CodeInfo::from).collect()
}

/// The registry's record of `code` (e.g. an exception's `code`), or null when it is not a known code.
///
/// ```kotlin
/// describeCode("DUES_LAPSE")?.messageEn // "the member has not paid dues for six months in a row"
/// ```
#[uniffi::export]
pub fn describe_code(code: String) -> Option<CodeInfo> {
    codes::describe(&code).map(CodeInfo::from)
}
