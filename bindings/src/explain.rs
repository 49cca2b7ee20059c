//! Explanations across the boundary: citations, findings and trace steps (see [`dangjian::explain`]).

use std::borrow::Cow;

pub use dangjian::Severity;

/// How much a finding matters (`dangjian::Severity`).
#[uniffi::remote(Enum)]
pub enum Severity {
    /// Worth knowing; nothing to do.
    Info,
    /// Worth checking; may need action.
    Warning,
    /// A rule is broken.
    Violation,
}

/// The article of a regulation a value or a rule comes from (`dangjian::Citation`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct Citation {
    /// The regulation, e.g. `关于中国共产党党费收缴、使用和管理的规定（中组发〔2008〕3号）`.
    pub regulation: String,
    /// The article or part, e.g. `第二条` (may be empty).
    pub article: String,
}

/// Something the caller should know about a result: a stable code, two messages and the articles
/// (`dangjian::Finding`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Finding {
    /// Stable machine code, e.g. `DUES_LAPSE`, `PROVISIONAL_CALENDAR`.
    pub code: String,
    /// How much it matters.
    pub severity: Severity,
    /// Message in Chinese.
    pub message_zh: String,
    /// Message in English.
    pub message_en: String,
    /// The article behind it, when there is one.
    #[uniffi(default)]
    pub citation: Option<Citation>,
    /// Further articles behind it (e.g. 党章 and the 2008 Rules both behind `DUES_LAPSE`).
    #[uniffi(default)]
    pub also_cited: Vec<Citation>,
}

/// One step of a computation (`dangjian::TraceStep`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TraceStep {
    /// What the step computed (a stable lower-case key: `base`, `rate`, `amount`, `item` …).
    pub step: String,
    /// How, in words (English; to show, not to parse).
    pub detail: String,
    /// The value it produced, as a string.
    pub value: String,
    /// The policy parameter used, by its path (e.g. `dues.employed_brackets`).
    #[uniffi(default)]
    pub parameter: Option<String>,
    /// The article behind the step.
    #[uniffi(default)]
    pub citation: Option<Citation>,
}

impl From<dangjian::Citation> for Citation {
    fn from(c: dangjian::Citation) -> Self {
        Self {
            regulation: c.regulation.into_owned(),
            article: c.article.into_owned(),
        }
    }
}

impl From<Citation> for dangjian::Citation {
    fn from(c: Citation) -> Self {
        dangjian::Citation::new(Cow::Owned(c.regulation), Cow::Owned(c.article))
    }
}

impl From<dangjian::Finding> for Finding {
    fn from(f: dangjian::Finding) -> Self {
        Self {
            code: f.code,
            severity: f.severity,
            message_zh: f.message_zh,
            message_en: f.message_en,
            citation: f.citation.map(Citation::from),
            also_cited: f.also_cited.into_iter().map(Citation::from).collect(),
        }
    }
}

impl From<Finding> for dangjian::Finding {
    fn from(f: Finding) -> Self {
        dangjian::Finding {
            code: f.code,
            severity: f.severity,
            message_zh: f.message_zh,
            message_en: f.message_en,
            citation: f.citation.map(dangjian::Citation::from),
            also_cited: f
                .also_cited
                .into_iter()
                .map(dangjian::Citation::from)
                .collect(),
        }
    }
}

impl From<dangjian::TraceStep> for TraceStep {
    fn from(s: dangjian::TraceStep) -> Self {
        Self {
            step: s.step,
            detail: s.detail,
            value: s.value,
            parameter: s.parameter,
            citation: s.citation.map(Citation::from),
        }
    }
}

/// The findings of a core answer, converted.
pub(crate) fn findings(list: Vec<dangjian::Finding>) -> Vec<Finding> {
    list.into_iter().map(Finding::from).collect()
}
