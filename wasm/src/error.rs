//! The error every export throws: a real JS `Error` named `DangjianError` carrying `kind`, `code`, `field`,
//! `messageZh` and `messageEn` — a [`dangjian::Error`] as it is, or a conversion error of this surface.

use wasm_bindgen::{JsCast, JsValue};

/// Codes this surface adds to the core's (the TypeScript `DangjianError` documents them).
pub mod codes {
    /// A numeric argument that is not a whole number in range (e.g. `addWorkingDays(date, 1.5)`).
    pub const INVALID_ARGUMENT: &str = "INVALID_ARGUMENT";
    /// A result that could not be turned into a JS value (not expected to happen).
    pub const SERIALIZATION_FAILED: &str = "SERIALIZATION_FAILED";
    /// A defect of the library (a panic): see [`crate::guard`].
    pub const INTERNAL: &str = "INTERNAL";
}

/// A coded, bilingual error; `From<ApiError> for JsValue` builds the thrown JS `Error`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// `invalid_input`, `policy` or `calendar` ([`dangjian::Error::kind`]).
    pub kind: &'static str,
    /// Stable machine code, e.g. `NEGATIVE_AMOUNT`.
    pub code: String,
    /// Path of the input field at fault (`incomes[0].items[1].amount`), `""` when not tied to one field.
    pub field: String,
    /// Chinese message for people.
    pub message_zh: String,
    /// English message for people.
    pub message_en: String,
}

impl ApiError {
    /// An `invalid_input` error raised by this surface while converting an argument.
    pub fn invalid_input(
        code: &str,
        field: &str,
        message_zh: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Self {
        Self {
            kind: "invalid_input",
            code: code.to_owned(),
            field: field.to_owned(),
            message_zh: message_zh.into(),
            message_en: message_en.into(),
        }
    }

    /// The `internal` error of a panic (a defect of the library), with the panic's text.
    pub fn internal(what: &str) -> Self {
        Self {
            kind: "internal",
            code: codes::INTERNAL.to_owned(),
            field: String::new(),
            message_zh: format!("程序内部错误（已重新初始化，可继续调用）：{what}"),
            message_en: format!(
                "internal error (the module is re-initialised; later calls work): {what}"
            ),
        }
    }

    /// The JS `message`: the core's one-line form, `CODE at field: English message`.
    pub fn message(&self) -> String {
        if self.field.is_empty() {
            format!("{}: {}", self.code, self.message_en)
        } else {
            format!("{} at {}: {}", self.code, self.field, self.message_en)
        }
    }
}

impl From<dangjian::Error> for ApiError {
    fn from(e: dangjian::Error) -> Self {
        let kind = e.kind();
        let d = e.into_detail();
        Self {
            kind,
            code: d.code,
            field: d.field,
            message_zh: d.message_zh,
            message_en: d.message_en,
        }
    }
}

impl From<ApiError> for JsValue {
    fn from(e: ApiError) -> Self {
        let err = js_sys::Error::new(&e.message());
        err.set_name("DangjianError");
        let props = [
            ("kind", e.kind),
            ("code", e.code.as_str()),
            ("field", e.field.as_str()),
            ("messageZh", e.message_zh.as_str()),
            ("messageEn", e.message_en.as_str()),
        ];
        for (key, value) in props {
            // Setting a data property on a fresh, extensible Error object cannot fail;
            // if it ever did, the caller still gets an Error (without that property).
            let _ = js_sys::Reflect::set(&err, &JsValue::from_str(key), &JsValue::from_str(value));
        }
        err.into()
    }
}

/// `true` when `value` is what every export throws: an `Error` named `DangjianError` with a string `code`.
pub fn is_coded_error(value: &JsValue) -> bool {
    let string_prop = |key: &str| {
        js_sys::Reflect::get(value, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    value.is_instance_of::<js_sys::Error>()
        && string_prop("name").as_deref() == Some("DangjianError")
        && string_prop("code").is_some()
}
