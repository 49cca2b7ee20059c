//! What `credits` says on stderr — the bad lines (the first 50, then a count), the repeats and the
//! summary — in Chinese by default, in English with `--lang en`. Codes, field paths, event and member ids
//! stay as they are in both: they are data.

use chrono::NaiveDate;
use dangjian::credits::EventError;
use dangjian::ErrorDetail;

use crate::disclosure_words as words;
use crate::lang::Lang;
use crate::output::{plural, problem_line};

/// Bad lines printed before the rest are only counted: a file of a million bad lines is reported in a few
/// kilobytes.
const MAX_ERRORS_SHOWN: usize = 50;

/// The lines about the input: each bad line (the first [`MAX_ERRORS_SHOWN`], then a count), each repeat.
pub(crate) fn problems(errors: &[EventError], duplicates: &[String], lang: Lang) -> Vec<String> {
    let mut lines: Vec<String> = errors
        .iter()
        .take(MAX_ERRORS_SHOWN)
        .map(|e| bad_line(e, lang))
        .collect();
    let more = errors.len().saturating_sub(MAX_ERRORS_SHOWN);
    if more > 0 {
        lines.push(match lang {
            Lang::Zh => format!("…… 另有 {more} 行错误"),
            Lang::En => format!(
                "… and {more} more bad line{}",
                if more == 1 { "" } else { "s" }
            ),
        });
    }
    lines.extend(duplicates.iter().map(|id| match lang {
        Lang::Zh => format!("注意：事件 {id} 再次出现且内容相同，已忽略（DUPLICATE_EVENT）"),
        Lang::En => format!(
            "note: event {id} was given again with the same content; the repeat is ignored (DUPLICATE_EVENT)"
        ),
    }));
    lines
}

/// `error: line 89 (ev-0088): CODE at FIELD: message` / `错误：第 89 行（ev-0088）：CODE（FIELD）：消息`.
fn bad_line(e: &EventError, lang: Lang) -> String {
    let detail = ErrorDetail::new(
        &e.code,
        e.field.clone(),
        e.message_zh.clone(),
        e.message_en.clone(),
    );
    let line = e.line.unwrap_or(e.index.saturating_add(1));
    // The id as written may be the very fault (a NUL, an escape sequence): shown escaped.
    let id: String = e.event_id.as_deref().unwrap_or("").escape_debug().collect();
    match lang {
        Lang::En => problem_line(line, &id, &detail),
        Lang::Zh if id.is_empty() => format!("错误：第 {line} 行：{}", lang.detail(&detail)),
        Lang::Zh => format!("错误：第 {line} 行（{id}）：{}", lang.detail(&detail)),
    }
}

/// When no event was scored there is no day to total around.
pub(crate) fn nothing_scored(bad_lines: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("没有计分的事件，无可合计（错误行 {bad_lines} 行）"),
        Lang::En => format!(
            "no event scored: nothing to total ({})",
            plural(bad_lines, "bad line")
        ),
    }
}

/// What the summary line tells.
pub(crate) struct Summary<'a> {
    /// The day the periods are taken around.
    pub(crate) on: NaiveDate,
    /// The day's, ISO week's, month's and year's keys.
    pub(crate) periods: &'a [String; 4],
    /// The members on the leaderboard.
    pub(crate) ranked: usize,
    /// The ranked period: day, week, month or year.
    pub(crate) rank_by: &'a str,
    /// The organization ranked, with an org map.
    pub(crate) org: Option<&'a str>,
    /// Events scored, bad lines, repeats ignored.
    pub(crate) counts: (usize, usize, usize),
    /// Members outside the ranked organization.
    pub(crate) left_out: usize,
}

impl Summary<'_> {
    /// `2026-03-08: day …, week …, month …, year …; 9 members ranked by year score; 120 events scored, …`.
    pub(crate) fn line(&self, lang: Lang) -> String {
        let [day, week, month, year] = self.periods;
        let (on, ranked, by) = (self.on, self.ranked, self.rank_by);
        let (events, bad, repeats) = self.counts;
        let mut s = match lang {
            Lang::Zh => format!(
                "{}：日 {}，周 {}，月 {}，年 {}；{ranked} 名党员按{}积分排名",
                words::day(lang, on),
                words::period(Lang::Zh, day),
                words::period(Lang::Zh, week),
                words::period(Lang::Zh, month),
                words::period(Lang::Zh, year),
                period_zh(by)
            ),
            Lang::En => format!(
                "{on}: day {day}, week {week}, month {month}, year {year}; {} ranked by {by} score",
                plural(ranked, "member")
            ),
        };
        if let Some(org) = self.org {
            s.push_str(&match lang {
                Lang::Zh => format!("（{org} 及其下级组织）"),
                Lang::En => format!(" within {org}"),
            });
        }
        s.push_str(&match lang {
            Lang::Zh => format!("；计分事件 {events} 个，错误行 {bad} 行，重复 {repeats} 个已忽略"),
            Lang::En => format!(
                "; {} scored, {}, {} ignored",
                plural(events, "event"),
                plural(bad, "bad line"),
                plural(repeats, "repeat")
            ),
        });
        if self.left_out > 0 {
            let (org, n) = (self.org.unwrap_or_default(), self.left_out);
            s.push_str(&match lang {
                Lang::Zh => format!("；{org} 以外的 {n} 名党员未列入"),
                Lang::En => format!("; {} outside {org} left out", plural(n, "member")),
            });
        }
        s
    }
}

/// 日, 周, 月, 年 for the ranked period.
fn period_zh(period: &str) -> &str {
    match period {
        "day" => "日",
        "week" => "周",
        "month" => "月",
        "year" => "年",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_in_both_languages() {
        let periods = ["2026-03-08", "2026-W10", "2026-03", "2026"].map(str::to_owned);
        let s = Summary {
            on: "2026-03-08".parse().unwrap(),
            periods: &periods,
            ranked: 1,
            rank_by: "week",
            org: Some("B02"),
            counts: (1, 2, 0),
            left_out: 5,
        };
        assert_eq!(
            s.line(Lang::En),
            "2026-03-08: day 2026-03-08, week 2026-W10, month 2026-03, year 2026; 1 member ranked by week \
             score within B02; 1 event scored, 2 bad lines, 0 repeats ignored; 5 members outside B02 left out"
        );
        assert_eq!(
            s.line(Lang::Zh),
            "2026年3月8日：日 2026年3月8日，周 2026年第10周，月 2026年3月，年 2026年；1 名党员按周积分排名（B02 及其下级组织）\
             ；计分事件 1 个，错误行 2 行，重复 0 个已忽略；B02 以外的 5 名党员未列入"
        );
    }

    #[test]
    fn bad_lines_are_capped() {
        let e: EventError = serde_json::from_str(
            r#"{"index":0,"kind":"event","code":"X","field":"f","message_zh":"坏","message_en":"bad"}"#,
        )
        .unwrap();
        let lines = problems(&vec![e; 52], &["d1".to_owned()], Lang::Zh);
        assert_eq!(lines.len(), 52);
        assert_eq!(lines[0], "错误：第 1 行：X（f）：坏");
        assert_eq!(lines[50], "…… 另有 2 行错误");
        assert!(lines[51].starts_with("注意：事件 d1 "));
    }
}
