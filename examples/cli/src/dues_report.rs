//! What `dues` says on stderr about the file it read: the sheet, the header row, the mapping, the skipped
//! rows and the warnings; then each bad row (the first [`MAX_ERRORS`], then how many more) and findings.

use dangjian::ErrorDetail;
use dangjian_payroll::{MemberRow, Payroll, Source, Target};

use crate::lang::Lang;

/// How many error lines are printed before the rest are only counted.
pub(crate) const MAX_ERRORS: usize = 50;
/// How many skipped rows are listed by line.
const MAX_LISTED: usize = 20;

/// Prints the report lines, counting the errors.
pub(crate) struct Reporter {
    lang: Lang,
    errors: usize,
}

impl Reporter {
    /// A reporter in `lang`.
    pub(crate) fn new(lang: Lang) -> Self {
        Self { lang, errors: 0 }
    }

    /// A row's problem, or `None` past the first [`MAX_ERRORS`].
    pub(crate) fn problem(&mut self, row: &MemberRow, detail: &ErrorDetail) -> Option<String> {
        self.errors += 1;
        (self.errors <= MAX_ERRORS).then(|| self.line("error", "错误", row, detail))
    }

    /// A finding on a row that was still assessed.
    pub(crate) fn finding(&self, row: &MemberRow, detail: &ErrorDetail) -> String {
        self.line("warning", "提示", row, detail)
    }

    fn line(&self, en: &str, zh: &str, row: &MemberRow, detail: &ErrorDetail) -> String {
        let place = self.lang.place(row.place_of(&detail.field));
        let who = match (row.member_id.is_empty(), self.lang) {
            (true, _) => String::new(),
            (false, Lang::En) => format!(" ({})", row.member_id),
            (false, Lang::Zh) => format!("（{}）", row.member_id),
        };
        match self.lang {
            Lang::En => format!("{en}: {place}{who}: {detail}"),
            Lang::Zh => {
                let mut detail = detail.clone();
                detail.field = field_zh(&detail.field);
                format!("{zh}：{place}{who}：{}", self.lang.detail(&detail))
            }
        }
    }

    /// "… and N more errors", when some were not printed.
    pub(crate) fn more(&self) -> Option<String> {
        let more = self.errors.checked_sub(MAX_ERRORS).filter(|n| *n > 0)?;
        Some(match self.lang {
            Lang::En => format!("… and {more} more errors (the first {MAX_ERRORS} are shown: fix them and run again)"),
            Lang::Zh => format!("…… 另有 {more} 个错误（只列出前 {MAX_ERRORS} 个：改正后再运行）"),
        })
    }
}

/// A field as a Chinese reader reads it: the dues command's `income columns` (no income column filled in)
/// as 收入各列; a column's field code (`housing_fund`) as it is: it is data.
fn field_zh(field: &str) -> String {
    match field {
        crate::dues_cmd::INCOME_COLUMNS => "收入各列".to_owned(),
        other => other.to_owned(),
    }
}

/// The lines about the file: source, header and mapping, skipped rows, warnings.
pub(crate) fn describe(report: &mut Reporter, file: &str, payroll: &Payroll) {
    let lang = report.lang;
    let source = match (&payroll.source, lang) {
        (Source::Csv(e), Lang::En) => format!("CSV, {}", e.name()),
        (Source::Csv(e), Lang::Zh) => format!("CSV，{}", e.name()),
        (
            Source::Workbook {
                sheet,
                position,
                sheets,
            },
            Lang::En,
        ) => format!(
            "sheet `{sheet}` ({position} of {}: {})",
            sheets.len(),
            sheets.join(", ")
        ),
        (
            Source::Workbook {
                sheet,
                position,
                sheets,
            },
            Lang::Zh,
        ) => format!(
            "工作表“{sheet}”（第 {position} 个，共 {} 个：{}）",
            sheets.len(),
            sheets.join("、")
        ),
    };
    let header_place = |line: usize| match &payroll.source {
        Source::Csv(_) => lang.place(&format!("line {line}")),
        Source::Workbook { sheet, .. } => lang.place(&format!("{sheet} row {line}")),
    };
    let header = payroll
        .header_lines
        .iter()
        .map(|l| header_place(*l))
        .collect::<Vec<_>>()
        .join(" + ");
    let mut mapped = Vec::new();
    let mut ignored = Vec::new();
    for column in &payroll.columns {
        match column.target {
            Some(Target::Ignore) => ignored.push(column.header.clone()),
            Some(target) if column.header == target.field() => mapped.push(column.header.clone()),
            Some(target) => mapped.push(format!(
                "{}→{}{}",
                column.header,
                target.field(),
                if column.by_option { " (--map)" } else { "" }
            )),
            None => {}
        }
    }
    match lang {
        Lang::En => {
            eprintln!("read: {file}: {source}; header on {header}");
            eprintln!("columns: {}", mapped.join(", "));
            if !ignored.is_empty() {
                eprintln!("ignored columns: {}", ignored.join(", "));
            }
        }
        Lang::Zh => {
            eprintln!("读取：{file}：{source}；表头在{header}");
            eprintln!("列：{}", mapped.join("，"));
            if !ignored.is_empty() {
                eprintln!("略过的列：{}", ignored.join("，"));
            }
        }
    }
    if !payroll.skipped.is_empty() {
        let mut listed: Vec<String> = payroll
            .skipped
            .iter()
            .take(MAX_LISTED)
            .map(|s| {
                let reason = match (s.reason.as_str(), lang) {
                    ("空行", Lang::En) => "empty".to_owned(),
                    (r, _) => r.to_owned(),
                };
                match lang {
                    Lang::En => format!("{reason} ({})", s.place),
                    Lang::Zh => format!("{reason}（{}）", lang.place(&s.place)),
                }
            })
            .collect();
        if payroll.skipped.len() > MAX_LISTED {
            listed.push("…".to_owned());
        }
        let n = payroll.skipped.len();
        match lang {
            Lang::En => eprintln!(
                "skipped {n} row{}: {}",
                if n == 1 { "" } else { "s" },
                listed.join(", ")
            ),
            Lang::Zh => eprintln!("跳过 {n} 行：{}", listed.join("，")),
        }
    }
    for warning in &payroll.warnings {
        match lang {
            Lang::En => eprintln!("warning: {warning}"),
            Lang::Zh => eprintln!("提示：{}", lang.detail(warning)),
        }
    }
}
