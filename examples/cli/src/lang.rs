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
            Lang::Zh => format!("{}（{}）：{}", d.code, d.field, d.message_zh),
        }
    }

    /// A file that cannot be read.
    pub(crate) fn file_error(self, e: &FileError) -> String {
        format!("{}: {}", e.code, self.pick(&e.message_zh, &e.message_en))
    }

    /// `line 7` → `第 7 行`; `2026年11月 row 7` → `2026年11月 第 7 行`; a cell reference as it is.
    pub(crate) fn place(self, place: &str) -> String {
        if self == Lang::En {
            return place.to_owned();
        }
        if let Some(n) = place.strip_prefix("line ") {
            return format!("第 {n} 行");
        }
        match place.rsplit_once(" row ") {
            Some((sheet, n)) => format!("{sheet} 第 {n} 行"),
            None => place.to_owned(),
        }
    }
}
