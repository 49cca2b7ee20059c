//! The language of what people read: Chinese by default, English with `--lang en`. Codes (stable
//! `SCREAMING_SNAKE` strings, category and item codes) stay as they are in both: they are data.

use dangjian::ErrorDetail;
use dangjian_payroll::FileError;

/// `--lang zh|en`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Lang {
    /// 中文 (the default: the party worker's language).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Reads `zh` or `en` (also `zh-CN`, `cn`, `english`).
    pub(crate) fn parse(text: &str) -> Option<Self> {
        match text.to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "cn" | "中文" => Some(Lang::Zh),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// The text in this language.
    pub(crate) fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// A core or reader error: `CODE at FIELD: message` / `CODE（FIELD）：消息`.
    pub(crate) fn detail(self, d: &ErrorDetail) -> String {
        match self {
            Lang::En => d.to_string(),
            Lang::Zh if d.field.is_empty() => format!("{}：{}", d.code, d.message_zh),
            Lang::Zh => format!("{}（{}）：{}", d.code, self.place(&d.field), d.message_zh),
        }
    }

    /// A file that cannot be read: `CODE: message` / `CODE：消息`.
    pub(crate) fn file_error(self, e: &FileError) -> String {
        match self {
            Lang::En => format!("{}: {}", e.code, e.message_en),
            Lang::Zh => format!("{}：{}", e.code, e.message_zh),
        }
    }

    /// The colon after a name (a file, an option): `: ` / `：`.
    pub(crate) fn colon(self) -> &'static str {
        self.pick("：", ": ")
    }

    /// `line 7` → `第 7 行`; `2026年11月 row 7` → `2026年11月 第 7 行`; a cell reference as it is (the
    /// payroll reader's own [`dangjian_payroll::place_zh`], so its messages and these lines agree).
    pub(crate) fn place(self, place: &str) -> String {
        match self {
            Lang::En => place.to_owned(),
            Lang::Zh => dangjian_payroll::place_zh(place),
        }
    }
}
