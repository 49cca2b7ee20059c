//! Explanations: citations, trace steps and findings.
//!
//! Every answer the library gives carries the article that produced it. A [`Citation`] names a
//! regulation and an article; a [`TraceStep`] records one computation (what from what, with which
//! parameter); a [`Finding`] is something the caller should know or act on, with a stable
//! machine code and zh-CN / English messages.
#![deny(clippy::arithmetic_side_effects)]

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// A reference to the article of a regulation that a value or a rule comes from.
///
/// ```
/// use dangjian::Citation;
/// let c = Citation::new("党章", "第九条");
/// assert_eq!(c.to_string(), "党章 第九条");
/// assert_eq!(Citation::new("某通知", "").to_string(), "某通知");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Citation {
    /// The regulation, e.g. `关于中国共产党党费收缴、使用和管理的规定（中组发〔2008〕3号）`.
    /// (`Cow` so the bundled citations cost no allocation on the hot path.)
    pub regulation: Cow<'static, str>,
    /// The article or part, e.g. `第二条`.
    pub article: Cow<'static, str>,
}

impl Citation {
    /// Builds a citation from a regulation and an article.
    ///
    /// ```
    /// let c = dangjian::Citation::new("2008规定", "第二条");
    /// assert_eq!(c.article, "第二条");
    /// ```
    pub fn new(
        regulation: impl Into<Cow<'static, str>>,
        article: impl Into<Cow<'static, str>>,
    ) -> Self {
        Self {
            regulation: regulation.into(),
            article: article.into(),
        }
    }
}

impl std::fmt::Display for Citation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.article.is_empty() {
            f.write_str(&self.regulation)
        } else {
            write!(f, "{} {}", self.regulation, self.article)
        }
    }
}

/// How much a finding matters.
///
/// ```
/// use dangjian::Severity;
/// assert!(Severity::Violation > Severity::Warning);
/// assert_eq!(serde_json::to_string(&Severity::Info).unwrap(), "\"info\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Severity {
    /// Worth knowing; nothing to do.
    Info,
    /// Worth checking; may need action.
    Warning,
    /// A rule is broken.
    Violation,
}

/// Something the caller should know about a result: a stable code, two messages and the article.
///
/// Codes are `SCREAMING_SNAKE` strings and never change meaning once published.
///
/// ```
/// use dangjian::{Citation, Finding, Severity};
/// let f = Finding::new("DUES_LAPSE", Severity::Violation, "连续六个月未交纳党费", "six months unpaid",
///     Some(Citation::new("党章", "第九条")));
/// assert_eq!(f.code, "DUES_LAPSE");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct Finding {
    /// Stable machine code.
    pub code: String,
    /// How much it matters.
    pub severity: Severity,
    /// Message in Chinese.
    pub message_zh: String,
    /// Message in English.
    pub message_en: String,
    /// The article behind it, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub citation: Option<Citation>,
    /// Further citations (e.g. 党章 and the 2008 Rules both behind `DUES_LAPSE`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub also_cited: Vec<Citation>,
}

impl Finding {
    /// Builds a finding.
    ///
    /// ```
    /// use dangjian::{Finding, Severity};
    /// let f = Finding::new("X", Severity::Info, "中", "en", None);
    /// assert!(f.citation.is_none());
    /// ```
    pub fn new(
        code: &str,
        severity: Severity,
        message_zh: impl Into<String>,
        message_en: impl Into<String>,
        citation: Option<Citation>,
    ) -> Self {
        Self {
            code: code.to_owned(),
            severity,
            message_zh: message_zh.into(),
            message_en: message_en.into(),
            citation,
            also_cited: Vec::new(),
        }
    }

    /// Adds a further citation.
    ///
    /// ```
    /// use dangjian::{Citation, Finding, Severity};
    /// let f = Finding::new("X", Severity::Info, "中", "en", None).also(Citation::new("党章", "第九条"));
    /// assert_eq!(f.also_cited.len(), 1);
    /// ```
    #[must_use]
    pub fn also(mut self, citation: Citation) -> Self {
        self.also_cited.push(citation);
        self
    }
}

/// One step of a computation: what was computed, from what, with which parameter and article.
///
/// ```
/// use dangjian::TraceStep;
/// let s = TraceStep::new("rate", "base 5400.00 is in (5000, 10000]", "0.015");
/// assert_eq!(s.value, "0.015");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TraceStep {
    /// What this step computed (a stable lower-case key such as `base`, `rate`, `amount`, `item`).
    pub step: String,
    /// How, in words (English; stable enough to show, not to parse).
    pub detail: String,
    /// The value it produced, as a string (decimals as plain decimal strings).
    pub value: String,
    /// The parameter used, by its policy path (e.g. `dues.employed_brackets`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub parameter: Option<String>,
    /// The article behind the step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub citation: Option<Citation>,
}

impl TraceStep {
    /// Builds a step without parameter or citation.
    ///
    /// ```
    /// let s = dangjian::TraceStep::new("base", "sum of counted items", "3000.00");
    /// assert!(s.citation.is_none());
    /// ```
    pub fn new(step: &str, detail: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            step: step.to_owned(),
            detail: detail.into(),
            value: value.into(),
            parameter: None,
            citation: None,
        }
    }

    /// Names the policy parameter used.
    ///
    /// ```
    /// let s = dangjian::TraceStep::new("rate", "", "0.01").with_parameter("dues.employed_brackets");
    /// assert_eq!(s.parameter.as_deref(), Some("dues.employed_brackets"));
    /// ```
    #[must_use]
    pub fn with_parameter(mut self, path: &str) -> Self {
        self.parameter = Some(path.to_owned());
        self
    }

    /// Attaches the article.
    ///
    /// ```
    /// use dangjian::{Citation, TraceStep};
    /// let s = TraceStep::new("rate", "", "0.01").cite(Citation::new("2008规定", "第二条"));
    /// assert!(s.citation.is_some());
    /// ```
    #[must_use]
    pub fn cite(mut self, citation: Citation) -> Self {
        self.citation = Some(citation);
        self
    }
}
