//! The error every export throws: a real JS `Error` carrying `code`, `field`, `messageZh`, `messageEn`.

use crate::amount::AmountProblem;
use wasm_bindgen::{JsCast, JsValue};

/// Error codes shared with the TypeScript `DangjianErrorCode` union (keep the two in sync).
pub mod codes {
    /// An amount that is not a non-negative decimal with at most two decimals.
    pub const INVALID_AMOUNT: &str = "INVALID_AMOUNT";
    /// An argument of the wrong shape (tsify/serde could not convert it).
    pub const INVALID_INPUT: &str = "INVALID_INPUT";
}

/// A coded, bilingual error; `From<ApiError> for JsValue` builds the thrown JS `Error`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// Stable machine code, e.g. `INVALID_AMOUNT`.
    pub code: &'static str,
    /// The input field at fault (`""` when not tied to one field).
    pub field: String,
    /// Chinese message for people.
    pub message_zh: String,
    /// English message for people; also the JS `message`.
    pub message_en: String,
}

impl ApiError {
    /// The error for a refused amount in `field`.
    pub fn invalid_amount(field: &str, problem: AmountProblem) -> Self {
        let (zh, en) = match problem {
            AmountProblem::Empty => ("金额不能为空", "amount is empty"),
            AmountProblem::Negative => ("金额不能为负数", "amount must not be negative"),
            AmountProblem::NotADecimal => {
                ("金额必须是十进制数字", "amount must be a decimal number")
            }
            AmountProblem::TooManyDecimals => {
                ("金额最多保留两位小数", "amount has more than two decimals")
            }
            AmountProblem::TooLong => ("金额过长", "amount is too long"),
        };
        Self {
            code: codes::INVALID_AMOUNT,
            field: field.to_owned(),
            message_zh: zh.to_owned(),
            message_en: en.to_owned(),
        }
    }

    /// The error for an argument tsify could not convert.
    pub fn invalid_input(detail: &dyn std::fmt::Display) -> Self {
        Self {
            code: codes::INVALID_INPUT,
            field: String::new(),
            message_zh: format!("输入格式无效：{detail}"),
            message_en: format!("invalid input: {detail}"),
        }
    }
}

impl From<tsify::Error> for ApiError {
    fn from(e: tsify::Error) -> Self {
        Self::invalid_input(&e)
    }
}

impl From<ApiError> for JsValue {
    fn from(e: ApiError) -> Self {
        let err = js_sys::Error::new(&e.message_en);
        err.set_name("DangjianError");
        let props = [
            ("code", e.code),
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

/// `true` when `value` is an `Error` with a string `code` (what every export throws).
pub fn is_coded_error(value: &JsValue) -> bool {
    value.is_instance_of::<js_sys::Error>()
        && js_sys::Reflect::get(value, &JsValue::from_str("code"))
            .map(|c| c.is_string())
            .unwrap_or(false)
}
