//! What the `dues` command prints: the assessments as CSV on stdout; problems and the summary on stderr
//! (the progress bar is `progress.rs`) — so `dangjian dues … > dues.csv` leaves a clean file.

use std::collections::BTreeMap;
use std::io::{self, Write};

use dangjian::dues::{Assessment, Category};
use dangjian::{Citation, ErrorDetail, TraceStep, YearMonth};
use dangjian_payroll::MemberRow;
use rust_decimal::Decimal;

use crate::lang::Lang;
use crate::table::CsvOut;

/// The CSV columns on stdout, in order (`name` after `member_id` when the payroll has names; `trace` last
/// with `--trace`). Machine-readable: codes, whatever `--lang` says.
pub(crate) const HEADER: [&str; 7] = [
    "member_id",
    "category",
    "base",
    "rate",
    "amount",
    "citation",
    "findings",
];

/// The same columns in Chinese, for `-o FILE` with `--lang zh`.
const HEADER_ZH: [&str; 7] = [
    "党员编号",
    "党员类别",
    "计交基数",
    "比例",
    "党费金额",
    "依据",
    "提示",
];

/// The header of the table: codes on stdout, the language's words in a file written with `-o`.
pub(crate) fn header(names: bool, trace: bool, lang: Option<Lang>) -> Vec<&'static str> {
    let words = match lang {
        Some(Lang::Zh) => HEADER_ZH,
        _ => HEADER,
    };
    let mut header = words.to_vec();
    if names {
        header.insert(
            1,
            if lang == Some(Lang::Zh) {
                "姓名"
            } else {
                "name"
            },
        );
    }
    if trace {
        header.push(if lang == Some(Lang::Zh) {
            "计算过程"
        } else {
            "trace"
        });
    }
    header
}

/// One line of the dues table.
#[derive(Debug, Clone)]
pub(crate) struct OutRow {
    pub(crate) member_id: String,
    pub(crate) name: String,
    pub(crate) category: Category,
    pub(crate) base: Option<Decimal>,
    pub(crate) rate: Option<Decimal>,
    pub(crate) amount: Decimal,
    pub(crate) citation: String,
    /// The core's codes, then the reader's (a category the row contradicts).
    pub(crate) findings: Vec<String>,
    pub(crate) trace: String,
}

impl OutRow {
    /// The line of an assessed row.
    pub(crate) fn new(a: &Assessment, row: &MemberRow) -> Self {
        let mut findings: Vec<String> = a.codes().iter().map(|c| (*c).to_owned()).collect();
        findings.extend(row.findings.iter().map(|f| f.code.clone()));
        Self {
            member_id: a.member_id.clone(),
            name: row.name.clone(),
            category: a.category,
            base: a.base,
            rate: a.rate,
            amount: a.amount,
            // "regulation article"; some citations have no article (a whole notice), so no trailing space.
            citation: a.citation.to_string().trim_end().to_owned(),
            findings,
            trace: trace_text(&a.trace),
        }
    }

    /// The line as CSV cells.
    pub(crate) fn cells(&self, names: bool, trace: bool) -> Vec<String> {
        let text = |d: Option<Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
        let mut record = vec![
            self.member_id.clone(),
            self.category.as_str().to_owned(),
            text(self.base),
            text(self.rate),
            self.amount.to_string(),
            self.citation.clone(),
            self.findings.join(";"),
        ];
        if names {
            record.insert(1, self.name.clone());
        }
        if trace {
            record.push(self.trace.clone());
        }
        record
    }
}

/// Where the table goes: stdout as CSV, or `-o FILE.csv` (UTF-8 with BOM, for Excel on a Chinese system),
/// or `-o FILE.xlsx` (collected, then written as a workbook).
pub(crate) enum Sink {
    Csv {
        csv: Box<CsvOut<Box<dyn Write>>>,
        names: bool,
        trace: bool,
    },
    Xlsx {
        path: std::path::PathBuf,
        rows: Vec<OutRow>,
        names: bool,
        trace: bool,
        lang: Lang,
    },
}

impl Sink {
    /// Opens the output.
    pub(crate) fn open(
        output: Option<&std::path::Path>,
        trace: bool,
        names: bool,
        lang: Lang,
    ) -> io::Result<Self> {
        let Some(path) = output else {
            let out: Box<dyn Write> = Box::new(io::stdout().lock());
            return Ok(Sink::Csv {
                csv: Box::new(CsvOut::new(out, &header(names, trace, None))?),
                names,
                trace,
            });
        };
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        if extension == "xlsx" {
            return Ok(Sink::Xlsx {
                path: path.to_owned(),
                rows: Vec::new(),
                names,
                trace,
                lang,
            });
        }
        let mut file = io::BufWriter::new(std::fs::File::create(path)?);
        file.write_all(b"\xEF\xBB\xBF")?;
        let out: Box<dyn Write> = Box::new(file);
        Ok(Sink::Csv {
            csv: Box::new(CsvOut::new(out, &header(names, trace, Some(lang)))?),
            names,
            trace,
        })
    }

    /// Writes (or keeps) one line.
    pub(crate) fn write(&mut self, row: OutRow) -> io::Result<()> {
        match self {
            Sink::Csv { csv, names, trace } => csv.record(&row.cells(*names, *trace)),
            Sink::Xlsx { rows, .. } => {
                rows.push(row);
                Ok(())
            }
        }
    }

    /// Flushes the CSV, or writes the workbook.
    pub(crate) fn finish(self) -> io::Result<()> {
        match self {
            Sink::Csv { csv, .. } => csv.finish(),
            Sink::Xlsx {
                path,
                rows,
                names,
                trace,
                lang,
            } => crate::xlsx_out::write(&path, &rows, names, trace, lang).map_err(io::Error::other),
        }
    }
}

/// The trace as one cell: `step=value (how)` for each step, joined by ` | `.
///
/// A step's article is shown in brackets where it changes from the step before: each item of a payroll
/// cites the same composition rule, and repeating it would bury the steps; shown once, it still says
/// which rule — the bundled one or a `--policy` override — decided each part.
fn trace_text(steps: &[TraceStep]) -> String {
    let mut previous: Option<&Citation> = None;
    steps
        .iter()
        .map(|s| {
            let mut text = format!("{}={} ({})", s.step, s.value, s.detail);
            if let Some(citation) = s.citation.as_ref().filter(|c| Some(*c) != previous) {
                text.push_str(&format!(" [{}]", citation.to_string().trim_end()));
                previous = Some(citation);
            }
            text
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// A row's problem as one stderr line: `line 7 (DY2026031): NEGATIVE_AMOUNT at housing_fund: …`.
pub(crate) fn problem_line(line: usize, member_id: &str, detail: &ErrorDetail) -> String {
    if member_id.is_empty() {
        format!("error: line {line}: {detail}")
    } else {
        format!("error: line {line} ({member_id}): {detail}")
    }
}

/// Running totals for the summary.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    members: usize,
    total: Decimal,
    bad_rows: usize,
    findings: BTreeMap<String, usize>,
}

impl Tally {
    /// Counts an assessed member and its findings (the core's and the reader's).
    pub(crate) fn assessed(&mut self, a: &Assessment, findings: &[String]) {
        self.members += 1;
        // Far below Decimal's range: the core caps every amount at a trillion yuan.
        self.total = self.total.saturating_add(a.amount);
        for code in findings {
            *self.findings.entry(code.clone()).or_default() += 1;
        }
    }

    /// Counts a row that could not be assessed.
    pub(crate) fn rejected(&mut self) {
        self.bad_rows += 1;
    }

    /// Whether any row was rejected.
    pub(crate) fn any_rejected(&self) -> bool {
        self.bad_rows > 0
    }

    /// The summary for stderr: members, total due, rows with errors, and the findings raised.
    pub(crate) fn summary(&self, month: YearMonth, lang: Lang) -> String {
        let mut s = match lang {
            Lang::En => format!(
                "{month}: {} assessed, total due {} yuan, {} with errors",
                plural(self.members, "member"),
                yuan(self.total),
                plural(self.bad_rows, "row")
            ),
            Lang::Zh => format!(
                "{}：{} 名党员已计算，应交合计 {} 元，{} 行有错误",
                crate::disclosure_words::period(lang, &month.to_string()),
                self.members,
                yuan(self.total),
                self.bad_rows
            ),
        };
        s.push_str(&findings_tally(&self.findings, lang));
        s
    }
}

/// An amount of yuan as money is written: always two decimals (`0.00`, `1234.50`).
fn yuan(amount: Decimal) -> String {
    format!("{:.2}", amount.round_dp(2))
}

/// The end of a summary line: `; findings: CODE ×n, …` by code in English; in Chinese each code's sentence
/// from the registry with the code in brackets (`；问题：收到入党申请后逾期仍未谈话（TALK_OVERDUE） ×1；…`),
/// a code the registry lacks as it is; nothing when no finding was raised.
pub(crate) fn findings_tally<K: std::fmt::Display>(
    counts: &BTreeMap<K, usize>,
    lang: Lang,
) -> String {
    if counts.is_empty() {
        return String::new();
    }
    let findings: Vec<String> = counts
        .iter()
        .map(|(code, n)| match lang {
            Lang::En => format!("{code} ×{n}"),
            Lang::Zh => format!("{} ×{n}", code_zh(&code.to_string())),
        })
        .collect();
    format!(
        "{}{}",
        lang.pick("；问题：", "; findings: "),
        findings.join(lang.pick("；", ", "))
    )
}

/// A code as a Chinese reader reads it: the registry's sentence, the code in brackets
/// (`收到入党申请后逾期仍未谈话（TALK_OVERDUE）`); a code the registry does not know as it is.
pub(crate) fn code_zh(code: &str) -> String {
    match dangjian::codes::describe(code) {
        Some(info) => format!(
            "{}（{code}）",
            info.message_zh.trim_end_matches(['。', '.'])
        ),
        None => code.to_owned(),
    }
}

/// `1 row`, `2 rows`: a count with its noun, plural by an added `s`.
pub(crate) fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A unit enum's code as the core writes it in JSON (`probationary`, `violation`, `general_meeting`).
pub(crate) fn code_of<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_always_has_two_decimals() {
        assert_eq!(yuan(Decimal::ZERO), "0.00");
        assert_eq!(yuan(Decimal::new(40, 0)), "40.00");
        assert_eq!(yuan(Decimal::new(2, 1)), "0.20");
        assert_eq!(yuan(Decimal::new(346_756, 2)), "3467.56");
    }

    #[test]
    fn a_code_in_chinese_is_its_registry_sentence() {
        // core/src/codes/table.rs registers TALK_OVERDUE as 收到入党申请后逾期仍未谈话.
        assert_eq!(
            code_zh("TALK_OVERDUE"),
            "收到入党申请后逾期仍未谈话（TALK_OVERDUE）"
        );
        assert_eq!(code_zh("X"), "X");
        let mut counts = BTreeMap::new();
        counts.insert("TALK_OVERDUE", 2);
        counts.insert("X", 1);
        assert_eq!(
            findings_tally(&counts, Lang::Zh),
            "；问题：收到入党申请后逾期仍未谈话（TALK_OVERDUE） ×2；X ×1"
        );
        assert_eq!(
            findings_tally(&counts, Lang::En),
            "; findings: TALK_OVERDUE ×2, X ×1"
        );
        assert_eq!(
            findings_tally(&BTreeMap::<&str, usize>::new(), Lang::Zh),
            ""
        );
    }
}
