//! What the `dues` command prints: the assessments as CSV on stdout; problems, the summary and the
//! progress bar on stderr — so `dangjian dues … > dues.csv` leaves a clean file.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};

use dangjian::dues::Assessment;
use dangjian::{Citation, ErrorDetail, TraceStep, YearMonth};
use indicatif::{ProgressBar, ProgressStyle};
use rust_decimal::Decimal;

use crate::table::CsvOut;

/// The CSV columns, in order; `trace` is added with `--trace`.
pub(crate) const HEADER: [&str; 7] = [
    "member_id",
    "category",
    "base",
    "rate",
    "amount",
    "citation",
    "findings",
];

/// Writes assessments as CSV rows (a closed pipe ends the writing quietly: see [`CsvOut`]).
pub(crate) struct AssessmentWriter<W: Write> {
    csv: CsvOut<W>,
    trace: bool,
}

impl<W: Write> AssessmentWriter<W> {
    /// Starts the CSV with its header row.
    pub(crate) fn new(out: W, trace: bool) -> io::Result<Self> {
        let mut header = HEADER.to_vec();
        if trace {
            header.push("trace");
        }
        Ok(Self {
            csv: CsvOut::new(out, &header)?,
            trace,
        })
    }

    /// Writes one assessment.
    pub(crate) fn write(&mut self, a: &Assessment) -> io::Result<()> {
        let text = |d: Option<Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
        let mut record = vec![
            a.member_id.clone(),
            a.category.as_str().to_owned(),
            text(a.base),
            text(a.rate),
            a.amount.to_string(),
            // "regulation article"; some citations have no article (a whole notice), so no trailing space.
            a.citation.to_string().trim_end().to_owned(),
            a.codes().join(";"),
        ];
        if self.trace {
            record.push(trace_text(&a.trace));
        }
        self.csv.record(&record)
    }

    /// Flushes what is buffered.
    pub(crate) fn finish(self) -> io::Result<()> {
        self.csv.finish()
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
    /// Counts an assessed member.
    pub(crate) fn assessed(&mut self, a: &Assessment) {
        self.members += 1;
        // Far below Decimal's range: the core caps every amount at a trillion yuan.
        self.total = self.total.saturating_add(a.amount);
        for code in a.codes() {
            *self.findings.entry(code.to_owned()).or_default() += 1;
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
    pub(crate) fn summary(&self, month: YearMonth) -> String {
        let mut s = format!(
            "{month}: {} assessed, total due {} yuan, {} with errors",
            plural(self.members, "member"),
            self.total,
            plural(self.bad_rows, "row")
        );
        s.push_str(&findings_tally(&self.findings));
        s
    }
}

/// The end of a summary line: `; findings: CODE ×n, …` by code, or nothing when no finding was raised.
pub(crate) fn findings_tally<K: std::fmt::Display>(counts: &BTreeMap<K, usize>) -> String {
    if counts.is_empty() {
        return String::new();
    }
    let findings: Vec<String> = counts
        .iter()
        .map(|(code, n)| format!("{code} ×{n}"))
        .collect();
    format!("; findings: {}", findings.join(", "))
}

/// `1 row`, `2 rows`: a count with its noun, plural by an added `s`.
pub(crate) fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Above this many rows a progress bar is worth drawing.
const PROGRESS_MIN_ROWS: usize = 1000;

/// A progress bar on stderr for large rosters, drawn only when stderr is a terminal: redirected to a
/// file or read by a script, stderr carries only the problems and the summary.
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar for `rows` rows, or none.
    pub(crate) fn new(rows: usize) -> Self {
        let wanted = rows > PROGRESS_MIN_ROWS && io::stderr().is_terminal();
        let bar = wanted.then(|| {
            let style = ProgressStyle::with_template(
                // `wide_bar` fits the terminal's width, so the line never wraps.
                "assessing {wide_bar} {pos}/{len} members, {eta} left",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            ProgressBar::new(u64::try_from(rows).unwrap_or(u64::MAX)).with_style(style)
        });
        Self { bar }
    }

    /// Prints a line on stderr without tearing the bar.
    pub(crate) fn report(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// One row done.
    pub(crate) fn tick(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Removes the bar before the summary is printed.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// A unit enum's code as the core writes it in JSON (`probationary`, `violation`, `general_meeting`).
pub(crate) fn code_of<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
