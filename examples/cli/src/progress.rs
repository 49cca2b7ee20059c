//! The progress line on stderr for large inputs (over 10,000 rows, records or lines), drawn only when stderr
//! is a terminal: redirected to a file or read by a script, stderr carries only the problems and the summary.
//!
//! Two shapes: a bar where the command sees each row go by (`dues`, `member check` and `org check` of JSON
//! Lines), and a spinner with the count where the core takes the whole input in one call (`credits`,
//! `member check` and `org check` of one JSON document), so a long run still shows it is alive.

use std::io::{self, IsTerminal};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::lang::Lang;

/// Above this many rows, records or lines a progress line is worth drawing.
pub(crate) const PROGRESS_MIN: usize = 10_000;

/// Whether to draw a progress line: more than [`PROGRESS_MIN`] items, and stderr a terminal (never in a
/// pipe, a file or a test).
///
/// ```text
/// wanted(10_001, true) == true; wanted(10_000, true) == false; wanted(1_000_000, false) == false
/// ```
pub(crate) fn wanted(items: usize, stderr_is_terminal: bool) -> bool {
    items > PROGRESS_MIN && stderr_is_terminal
}

/// Whether stderr is a terminal, asked once per command.
pub(crate) fn stderr_is_terminal() -> bool {
    io::stderr().is_terminal()
}

/// What is being done, in the words of the progress line.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Work {
    /// `dues`: members assessed.
    Assessing,
    /// `member check`: records checked.
    CheckingMembers,
    /// `org check`: organization documents checked.
    CheckingOrgs,
    /// `credits`: event lines scored.
    Scoring,
}

impl Work {
    /// The verb before the bar and the unit after the count.
    fn words(self, lang: Lang) -> (&'static str, &'static str) {
        match (self, lang) {
            (Work::Assessing, Lang::Zh) => ("计算党费", "人"),
            (Work::Assessing, Lang::En) => ("assessing", "members"),
            (Work::CheckingMembers, Lang::Zh) => ("检查党员", "条"),
            (Work::CheckingMembers, Lang::En) => ("checking", "records"),
            (Work::CheckingOrgs, Lang::Zh) => ("检查组织", "行"),
            (Work::CheckingOrgs, Lang::En) => ("checking", "lines"),
            (Work::Scoring, Lang::Zh) => ("计分", "行"),
            (Work::Scoring, Lang::En) => ("scoring", "lines"),
        }
    }

    /// The bar's template: `计算党费 [████  ] 5000/20000 人，约剩 3s`.
    fn bar_template(self, lang: Lang) -> String {
        let (verb, unit) = self.words(lang);
        // `wide_bar` fits the terminal's width, so the line never wraps.
        match lang {
            Lang::Zh => format!("{verb} {{wide_bar}} {{pos}}/{{len}} {unit}，约剩 {{eta}}"),
            Lang::En => format!("{verb} {{wide_bar}} {{pos}}/{{len}} {unit}, {{eta}} left"),
        }
    }

    /// The spinner's text: `计分 120000 行……` / `scoring 120000 lines…`.
    fn spinner_text(self, items: usize, lang: Lang) -> String {
        let (verb, unit) = self.words(lang);
        match lang {
            Lang::Zh => format!("{verb} {items} {unit}……"),
            Lang::En => format!("{verb} {items} {unit}…"),
        }
    }
}

/// A progress line on stderr, or nothing.
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// No progress line (a small input, or stderr not a terminal).
    pub(crate) fn none() -> Self {
        Self { bar: None }
    }

    /// A bar for `items` rows, ticked by [`Progress::tick`]; drawn only when [`wanted`].
    pub(crate) fn bar(items: usize, work: Work, lang: Lang) -> Self {
        if !wanted(items, stderr_is_terminal()) {
            return Self::none();
        }
        let style = ProgressStyle::with_template(&work.bar_template(lang))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        let len = u64::try_from(items).unwrap_or(u64::MAX);
        Self {
            bar: Some(ProgressBar::new(len).with_style(style)),
        }
    }

    /// A spinner for work the core does in one call over `items` rows; drawn only when [`wanted`].
    pub(crate) fn spinner(items: usize, work: Work, lang: Lang) -> Self {
        if !wanted(items, stderr_is_terminal()) {
            return Self::none();
        }
        let style = ProgressStyle::with_template("{spinner} {msg} {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        let bar = ProgressBar::new_spinner()
            .with_style(style)
            .with_message(work.spinner_text(items, lang));
        // Ticked by indicatif's own thread: the core's call gives no chance to tick in between.
        bar.enable_steady_tick(Duration::from_millis(120));
        Self { bar: Some(bar) }
    }

    /// Prints a line on stderr without tearing the bar.
    pub(crate) fn report(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Runs `f` (which writes on stdout, the same terminal) with the bar hidden.
    pub(crate) fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// One row done.
    pub(crate) fn tick(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Removes the line before the summary is printed.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drawn_only_over_ten_thousand_on_a_terminal() {
        assert!(!wanted(10_000, true));
        assert!(wanted(10_001, true));
        assert!(!wanted(10_001, false));
        assert!(!wanted(usize::MAX, false));
        assert!(!wanted(0, true));
    }

    #[test]
    fn the_words_are_the_reader_s() {
        assert_eq!(
            Work::Assessing.bar_template(Lang::Zh),
            "计算党费 {wide_bar} {pos}/{len} 人，约剩 {eta}"
        );
        assert_eq!(
            Work::Assessing.bar_template(Lang::En),
            "assessing {wide_bar} {pos}/{len} members, {eta} left"
        );
        assert_eq!(
            Work::Scoring.spinner_text(120_000, Lang::Zh),
            "计分 120000 行……"
        );
        assert_eq!(
            Work::CheckingMembers.spinner_text(20_000, Lang::En),
            "checking 20000 records…"
        );
        // Every template is one indicatif accepts.
        for work in [
            Work::Assessing,
            Work::CheckingMembers,
            Work::CheckingOrgs,
            Work::Scoring,
        ] {
            for lang in [Lang::Zh, Lang::En] {
                assert!(ProgressStyle::with_template(&work.bar_template(lang)).is_ok());
            }
        }
    }

    #[test]
    fn without_a_terminal_nothing_is_drawn() {
        // The tests run with stderr captured: not a terminal, so even a huge input gets no bar.
        if !stderr_is_terminal() {
            assert!(Progress::bar(1_000_000, Work::Assessing, Lang::Zh)
                .bar
                .is_none());
            assert!(Progress::spinner(1_000_000, Work::Scoring, Lang::En)
                .bar
                .is_none());
        }
    }
}
