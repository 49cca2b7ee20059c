//! Errors: one enum, a stable code, the field at fault and messages in two languages.
//!
//! Nothing in this crate panics on bad input; every fallible function returns [`Result`].
//! The variant says which part of the input is at fault (the data, the policy, the calendar);
//! [`ErrorDetail::code`] is the stable machine code hosts switch on.
#![deny(clippy::arithmetic_side_effects)]

use serde::{Deserialize, Serialize};

#[cfg(any(feature = "wasm", test))]
mod path;
mod reader;

/// The stable code, the path of the field at fault and the messages of an [`Error`].
///
/// ```
/// use dangjian::ErrorDetail;
/// let d = ErrorDetail::new("NEGATIVE_AMOUNT", "items[0].amount", "金额不能为负", "amount must not be negative");
/// assert_eq!(d.to_string(), "NEGATIVE_AMOUNT at items[0].amount: amount must not be negative");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail {
    /// Stable `SCREAMING_SNAKE` code.
    pub code: String,
    /// Path of the offending field (`items[2].amount`, `employed_brackets[1].rate`), empty when none.
    pub field: String,
    /// Message in Chinese.
    pub message_zh: String,
    /// Message in English.
    pub message_en: String,
}

impl ErrorDetail {
    /// Builds the detail.
    ///
    /// ```
    /// let d = dangjian::ErrorDetail::new("X", "f", "中", "en");
    /// assert_eq!(d.field, "f");
    /// ```
    pub fn new(
        code: &str,
        field: impl Into<String>,
        message_zh: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Self {
        Self {
            code: code.to_owned(),
            field: field.into(),
            message_zh: message_zh.into(),
            message_en: message_en.into(),
        }
    }

    /// The same detail with `prefix` put before the field path (`items[0]` + `amount`).
    ///
    /// ```
    /// let d = dangjian::ErrorDetail::new("X", "amount", "", "").under("items[3]");
    /// assert_eq!(d.field, "items[3].amount");
    /// ```
    #[must_use]
    pub fn under(mut self, prefix: &str) -> Self {
        self.field = join_path(prefix, &self.field);
        self
    }
}

fn join_path(prefix: &str, field: &str) -> String {
    match (prefix.is_empty(), field.is_empty()) {
        (true, _) => field.to_owned(),
        (false, true) => prefix.to_owned(),
        (false, false) if field.starts_with('[') => format!("{prefix}{field}"),
        (false, false) => format!("{prefix}.{field}"),
    }
}

impl std::fmt::Display for ErrorDetail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.code, self.message_en)
        } else {
            write!(f, "{} at {}: {}", self.code, self.field, self.message_en)
        }
    }
}

/// Every error of the library.
///
/// ```
/// use dangjian::{Error, ErrorDetail};
/// let e = Error::InvalidInput(ErrorDetail::new("UNKNOWN_CATEGORY", "category", "未知类别", "unknown category"));
/// assert_eq!(e.code(), "UNKNOWN_CATEGORY");
/// assert_eq!(e.kind(), "invalid_input");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Error {
    /// The data given (a member, a payment, a date) is wrong.
    #[error("{0}")]
    InvalidInput(ErrorDetail),
    /// A policy document is wrong or no rule is in force for the date asked.
    #[error("{0}")]
    Policy(ErrorDetail),
    /// A calendar year document is wrong or conflicts with what is loaded.
    #[error("{0}")]
    Calendar(ErrorDetail),
}

impl Error {
    /// The detail, whatever the variant.
    ///
    /// ```
    /// # use dangjian::{Error, ErrorDetail};
    /// let e = Error::Policy(ErrorDetail::new("NO_POLICY_IN_FORCE", "dues", "", ""));
    /// assert_eq!(e.detail().field, "dues");
    /// ```
    pub fn detail(&self) -> &ErrorDetail {
        match self {
            Error::InvalidInput(d) | Error::Policy(d) | Error::Calendar(d) => d,
        }
    }

    /// The detail, taken out of the error (a surface that copies its parts into its own error type).
    ///
    /// ```
    /// # use dangjian::{Error, ErrorDetail};
    /// let d = Error::input("MISSING_INCOME", "members[2].income", "缺少收入", "income missing").into_detail();
    /// assert_eq!(d.field, "members[2].income");
    /// ```
    pub fn into_detail(self) -> ErrorDetail {
        match self {
            Error::InvalidInput(d) | Error::Policy(d) | Error::Calendar(d) => d,
        }
    }

    /// The stable machine code.
    ///
    /// ```
    /// # use dangjian::{Error, ErrorDetail};
    /// assert_eq!(Error::Calendar(ErrorDetail::new("DATE_OUTSIDE_YEAR", "", "", "")).code(), "DATE_OUTSIDE_YEAR");
    /// ```
    pub fn code(&self) -> &str {
        &self.detail().code
    }

    /// `invalid_input`, `policy` or `calendar`.
    ///
    /// ```
    /// # use dangjian::{Error, ErrorDetail};
    /// assert_eq!(Error::Policy(ErrorDetail::new("X", "", "", "")).kind(), "policy");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Error::InvalidInput(_) => "invalid_input",
            Error::Policy(_) => "policy",
            Error::Calendar(_) => "calendar",
        }
    }

    /// The same error with `prefix` put before its field path.
    ///
    /// ```
    /// # use dangjian::{Error, ErrorDetail};
    /// let e = Error::InvalidInput(ErrorDetail::new("X", "amount", "", "")).under("payments[1]");
    /// assert_eq!(e.detail().field, "payments[1].amount");
    /// ```
    #[must_use]
    pub fn under(self, prefix: &str) -> Self {
        match self {
            Error::InvalidInput(d) => Error::InvalidInput(d.under(prefix)),
            Error::Policy(d) => Error::Policy(d.under(prefix)),
            Error::Calendar(d) => Error::Calendar(d.under(prefix)),
        }
    }

    /// Shorthand for an [`Error::InvalidInput`].
    ///
    /// ```
    /// let e = dangjian::Error::input("NEGATIVE_AMOUNT", "amount", "金额为负", "negative amount");
    /// assert_eq!(e.kind(), "invalid_input");
    /// ```
    pub fn input(
        code: &str,
        field: impl Into<String>,
        message_zh: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Self {
        Error::InvalidInput(ErrorDetail::new(code, field, message_zh, message_en))
    }

    /// Shorthand for an [`Error::Policy`].
    ///
    /// ```
    /// let e = dangjian::Error::policy("OVERLAPPING_PERIODS", "farmer_monthly[1]", "有效期重叠", "periods overlap");
    /// assert_eq!(e.kind(), "policy");
    /// ```
    pub fn policy(
        code: &str,
        field: impl Into<String>,
        message_zh: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Self {
        Error::Policy(ErrorDetail::new(code, field, message_zh, message_en))
    }

    /// Shorthand for an [`Error::Calendar`].
    ///
    /// ```
    /// let e = dangjian::Error::calendar("DATE_OUTSIDE_YEAR", "off[0]", "日期不在该年", "date outside the year");
    /// assert_eq!(e.kind(), "calendar");
    /// ```
    pub fn calendar(
        code: &str,
        field: impl Into<String>,
        message_zh: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Self {
        Error::Calendar(ErrorDetail::new(code, field, message_zh, message_en))
    }

    /// An arithmetic overflow at `field` (amounts far beyond any payroll).
    ///
    /// ```
    /// assert_eq!(dangjian::Error::overflow("base").code(), "ARITHMETIC_OVERFLOW");
    /// ```
    pub fn overflow(field: &str) -> Self {
        Error::input(
            "ARITHMETIC_OVERFLOW",
            field,
            "数值超出可计算范围",
            "the value is out of the computable range",
        )
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Parses JSON into `T`, naming the path of the field at fault on error (`brackets[1].rate`).
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct P { rate: rust_decimal::Decimal }
/// let e = dangjian::error::from_json::<P>(r#"{"rate": "x"}"#, "POLICY_JSON").err().unwrap();
/// assert_eq!(e.detail().field, "rate");
/// let missing = dangjian::error::from_json::<P>("{}", "POLICY_JSON").err().unwrap();
/// assert_eq!(missing.detail().field, "rate");
/// ```
pub fn from_json<T: serde::de::DeserializeOwned>(json: &str, code: &str) -> Result<T> {
    let mut de = serde_json::Deserializer::from_str(json);
    T::deserialize(&mut de).map_err(|e| reread_owned::<T>(json, &e, code))
}

/// A record read plainly from its text, or `None` when that fails.
pub(crate) fn fast_read<'a, T: serde::Deserialize<'a>>(json: &'a str) -> Option<T> {
    serde_json::from_str(json).ok()
}

/// `T` read from a JSON value (a document read as a tree first), its fault named by the field path.
#[cfg(not(feature = "wasm"))]
pub(crate) fn from_value<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
    code: &str,
) -> Result<T> {
    serde_path_to_error::deserialize(value).map_err(|e| path_error(e, code))
}

/// The wasm build reads the value's text instead (its keys in the value's order, so the same member fails
/// first): the text reader is the module's one reader of each type, where reading values would be a second.
#[cfg(feature = "wasm")]
pub(crate) fn from_value<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
    code: &str,
) -> Result<T> {
    from_json(&value.to_string(), code)
}

/// [`from_json`] for a document whose elements `T` keeps as raw text: a failure is reported as reading
/// the document as `Tree` (the same shape with JSON values) reports it, so a fault inside an element is named
/// down to its field (`events[0].x[0]`), not at the element.
pub(crate) fn from_json_raw<'a, T: serde::Deserialize<'a>, Tree: serde::de::DeserializeOwned>(
    json: &'a str,
    code: &str,
) -> Result<T> {
    let mut de = serde_json::Deserializer::from_str(json);
    T::deserialize(&mut de).map_err(|e| match from_json::<Tree>(json, code) {
        Err(err) => err,
        Ok(_) => reread::<T>(json, &e, code),
    })
}

/// The coded error of a read of `json` as `T` that failed with `first`: the same read again, tracking the
/// field path (the same failure, now with its path).
#[cfg(not(feature = "wasm"))]
#[cold]
fn reread<'a, T: serde::Deserialize<'a>>(
    json: &'a str,
    first: &serde_json::Error,
    code: &str,
) -> Error {
    let de = &mut serde_json::Deserializer::from_str(json);
    match serde_path_to_error::deserialize::<_, T>(de) {
        Err(e) => path_error(e, code),
        Ok(_) => coded(String::new(), first.to_string(), code),
    }
}

/// [`reread`] of a type that owns its data.
#[cfg(not(feature = "wasm"))]
fn reread_owned<T: serde::de::DeserializeOwned>(
    json: &str,
    first: &serde_json::Error,
    code: &str,
) -> Error {
    reread::<T>(json, first, code)
}

/// The wasm build finds the path without a second reader of `T` (a path-tracking one compiles every type's
/// reader again through its wrappers: the full package measured 805 KB gzip with it, 682 KB without): from
/// the text and the place the read stopped at (`path.rs`). A borrowing `T` cannot read the one changed text
/// that path finding may try. (`T` stays in the signature the callers share with the other build.)
#[cfg(feature = "wasm")]
#[cold]
#[allow(clippy::extra_unused_type_parameters)]
fn reread<'a, T: serde::Deserialize<'a>>(
    json: &'a str,
    first: &serde_json::Error,
    code: &str,
) -> Error {
    coded(path::path_of(json, first, None), first.to_string(), code)
}

/// [`reread`] of a type that owns its data: the path finding may read a changed text as `T`.
#[cfg(feature = "wasm")]
#[cold]
fn reread_owned<T: serde::de::DeserializeOwned>(
    json: &str,
    first: &serde_json::Error,
    code: &str,
) -> Error {
    let read = |text: &str| {
        let mut de = serde_json::Deserializer::from_str(text);
        T::deserialize(&mut de).err()
    };
    coded(
        path::path_of(json, first, Some(&read)),
        first.to_string(),
        code,
    )
}

/// Writes a value as compact JSON. The library's types always serialise (string keys, infallible values); a
/// failure would still be the coded error `SERIALIZATION_FAILED`, never a panic.
///
/// ```
/// assert_eq!(dangjian::error::to_json(&vec!["a"]).unwrap(), r#"["a"]"#);
/// ```
pub fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| {
        Error::input(
            "SERIALIZATION_FAILED",
            "",
            format!("无法输出 JSON：{e}"),
            format!("cannot write JSON: {e}"),
        )
    })
}

/// The path as the field paths are written (`incomes[0].items`, `[2].id`), without the segments the reader
/// could not name: a key it never got to (the text ends after a comma) is serde_path_to_error's `?`, which
/// names no place.
#[cfg(any(not(feature = "wasm"), test))]
fn known_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out = format!("{out}[{index}]"),
            Segment::Map { key } | Segment::Enum { variant: key } => out = join_path(&out, key),
            Segment::Unknown => {}
        }
    }
    out
}

/// The coded error for a deserialisation failure at a path. serde reports a missing field at its parent's
/// path, so the field's own name is appended: the path then names what is missing (`incomes[0].items`).
#[cfg(any(not(feature = "wasm"), test))]
pub(crate) fn path_error<E: std::fmt::Display>(
    e: serde_path_to_error::Error<E>,
    code: &str,
) -> Error {
    let path = known_path(e.path());
    coded(path, e.into_inner().to_string(), code)
}

/// [`path_error`]'s wording of serde's message `inner` at `path`.
pub(crate) fn coded(path: String, mut inner: String, code: &str) -> Error {
    // serde_json ends with "at line 1 column 57": a position in a document the caller may never have seen
    // (a converted object); the field path says where the fault is.
    if let Some(at) = inner.find(" at line ") {
        inner.truncate(at);
    }
    // serde quotes the value it could not read ("invalid type: string \"…\""): a megabyte field would make a
    // megabyte message. Messages keep their first 200 characters.
    if let Some((cut, _)) = inner.char_indices().nth(200) {
        inner.truncate(cut);
        inner.push('…');
    }
    let parent = path;
    let missing = inner
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(name, _)| name);
    let field = match missing {
        Some(name) => join_path(&parent, name),
        None => parent,
    };
    // A field's own coded check (the number grammar) travels through serde as `CODE<mark>zh<mark>en`; with
    // no code (`<mark>zh<mark>en`), the value is unreadable: the document's code with the field's own words.
    let mut own = inner.split(crate::money::CODE_MARK);
    let (zh, en) = match (own.next(), own.next(), own.next()) {
        (Some(""), Some(zh), Some(en)) => (zh.to_owned(), en.to_owned()),
        (Some(own), Some(zh), Some(en)) => return Error::input(own, field, zh, en),
        _ => reader::sentence(&inner),
    };
    Error::input(
        code,
        field,
        format!("JSON 无法读取：{zh}"),
        format!("cannot read the JSON: {en}"),
    )
}
