//! `dangjian org check FILE.json --on DATE [--format table|json]`: the organizations of a document checked on
//! one day (structure, terms, elections, 三会一课 and 民主评议 — RULES §3), as a 组织委员 reads them.
//!
//! The file is the core's `membership::OrgDocument`, read as it is; the rules are the core's `check_orgs`. This
//! module only reads the file, hands it over and prints the answer.
//!
//! **Output.** `--format table` (the default): one block per organization, in the core's order (by id):
//!
//! ```text
//! B01 第一党支部 (branch): 8 full, 1 probationary, 9 members; term 2026-03-10 → 2029-03-10
//!   [violation] CODE  message — regulation article        (structure, term, 三会一课, elections, reviews)
//!   next: ELECTION due 2029-03-10 / earliest 2028-03-10  message
//!   三会一课 branch_committee monthly: held 2026-01, 2026-02; missing 2026-03
//!                            (zh: 三会一课 支部委员会会议 每月（branch_committee monthly）：已开 …；缺 …)
//!   attendance: M06 0.40, M07 0.71, M01 1.00 …           (lowest rate first: the absentees lead)
//!   election E1 2026-03-10: valid, 6/7 present, elected M01 M02; not elected M06
//!   民主评议 2025: 3 excellent of 8 graded (max 2), 4 qualified, 1 basically_qualified, 0 unqualified, 1 not graded
//! ```
//!
//! A rule none of whose periods lies wholly inside the range checked (an annual meeting over one quarter) says so
//! instead of listing held and missing periods. `--format json`: the core's `OrgReport`. A summary goes to stderr.
//!
//! **Exit status.** 0: no finding of severity `violation`; 1: at least one; 2: usage error, unreadable file, or a
//! file that is not a valid organization document (`INVALID_ORG_JSON`, `UNKNOWN_ORG`, … with the field's path).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use dangjian::membership::{
    check_orgs, check_orgs_lines, Answer, Attendance, ElectionReport, OrgDocument, OrgReport,
    OrgSection, RatingReport, RuleCompliance,
};
use dangjian::{Finding, Policy, Severity};

use crate::disclosure_cmd::read_text;
use crate::disclosure_words::{day, period, range};
use crate::error::CliError;
use crate::labels::meeting_rule;
use crate::lang::Lang;
use crate::member_cmd::{finding_line, next_line, Format};
use crate::output::{code_of, code_zh};
use crate::progress::{Progress, Work};

/// `org check`'s arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OrgCheckArgs {
    /// The organization document.
    pub(crate) file: PathBuf,
    /// The day of the check.
    pub(crate) on: NaiveDate,
    /// How to print.
    pub(crate) format: Format,
    /// The language of the table's words.
    pub(crate) lang: Lang,
}

/// Runs the check: the report on stdout, a summary on stderr.
pub(crate) fn check(args: &OrgCheckArgs) -> Result<ExitCode, CliError> {
    if crate::member_lines::is_jsonl(&args.file) {
        return check_lines(args);
    }
    let shown = args.file.display().to_string();
    let doc = OrgDocument::from_json(&read_text(&args.file, args.lang)?)
        .map_err(|e| CliError::input(format!("{shown}: {}", e.detail())))?;
    let progress = Progress::spinner(doc.members.len(), Work::CheckingOrgs, args.lang);
    let checked = check_orgs(&Policy::bundled(), &doc, args.on);
    progress.finish();
    let report = checked.map_err(|e| CliError::input(format!("{shown}: {}", e.detail())))?;
    crate::say(&render(&report, args.format, args.lang)?);
    eprintln!("{}", summary(&report, args.lang));
    Ok(if violations(&report.findings) > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The report as the format asks.
fn render(report: &OrgReport, format: Format, lang: Lang) -> Result<String, CliError> {
    Ok(match format {
        Format::Json | Format::Jsonl => {
            dangjian::error::to_json(report).map_err(|e| CliError::input(e.detail().to_string()))?
                + "\n"
        }
        Format::Table if report.orgs.is_empty() => {
            lang.pick("无组织\n", "no organizations\n").to_owned()
        }
        Format::Table => report.orgs.iter().map(|s| block(s, lang)).collect(),
    })
}

/// `org check` of a JSON Lines file, one bundle (a whole organization document) a line: each bundle is read,
/// checked and printed before the next line is read, so memory is the largest bundle, not the file. A bundle
/// that cannot be read or checked is `{"error":…}` in JSON Lines output and `error: line N: …` on stderr; the
/// others are still checked.
fn check_lines(args: &OrgCheckArgs) -> Result<ExitCode, CliError> {
    use std::io::BufRead;
    let shown = args.file.display().to_string();
    let file = std::fs::File::open(&args.file)
        .map_err(|e| CliError::input(format!("{shown}: cannot read: {e}")))?;
    let mut io_error = None;
    let lines = std::io::BufReader::new(file)
        .lines()
        .map_while(|l| l.map_err(|e| io_error = Some(e)).ok());
    let (mut orgs, mut findings, mut violating) = (0usize, 0usize, 0usize);
    let mut failed = None;
    // The file is streamed, so its lines are counted beforehand, and only when a bar may be drawn.
    let progress = if crate::progress::stderr_is_terminal() {
        Progress::bar(count_lines(&args.file), Work::CheckingOrgs, args.lang)
    } else {
        Progress::none()
    };
    let summary = check_orgs_lines(&Policy::bundled(), lines, args.on, |a| {
        progress.tick();
        let text = match a {
            Answer::Report(r) => {
                orgs += r.orgs.len();
                findings += r.findings.len();
                violating += violations(&r.findings);
                match args.format {
                    Format::Table => render(r, Format::Table, args.lang),
                    _ => a
                        .to_json_line()
                        .map(|l| l + "\n")
                        .map_err(|e| CliError::input(e.detail().to_string())),
                }
            }
            Answer::Error(e) => {
                let n = e.index.saturating_add(1);
                let (code, field) = (&e.code, &e.field);
                progress.report(&match args.lang {
                    Lang::Zh => format!(
                        "错误：{shown}：第 {n} 行：{code}（{field}）：{}",
                        e.message_zh
                    ),
                    Lang::En => format!(
                        "error: {shown}: line {n}: {code} at {field}: {}",
                        e.message_en
                    ),
                });
                match args.format {
                    Format::Table => Ok(String::new()),
                    _ => a
                        .to_json_line()
                        .map(|l| l + "\n")
                        .map_err(|e| CliError::input(e.detail().to_string())),
                }
            }
        };
        match text {
            Ok(t) => {
                progress.suspend(|| crate::say(&t));
            }
            Err(e) => {
                failed.get_or_insert(e);
            }
        }
    });
    progress.finish();
    let summary = summary.map_err(|e| CliError::input(format!("{shown}: {}", e.detail())))?;
    if let Some(e) = io_error {
        return Err(CliError::input(args.lang.pick(
            &format!("{shown}：无法读取：{e}"),
            &format!("{shown}: cannot read: {e}"),
        )));
    }
    if let Some(e) = failed {
        return Err(e);
    }
    let (on, bundles, rejected) = (args.on, summary.reports, summary.errors);
    eprintln!(
        "{}",
        match args.lang {
            Lang::Zh => format!(
                "{}：检查 {bundles} 份文档，{rejected} 份被拒；组织 {orgs} 个，问题 {findings} 个（违规 {violating} 个）",
                day(Lang::Zh, on)
            ),
            Lang::En => format!(
                "{on}: {bundles} bundle(s) checked, {rejected} rejected; {orgs} organization(s), {findings} finding(s) ({violating} violation(s))"
            ),
        }
    );
    Ok(if violating > 0 || summary.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The lines of a file, for the progress bar (0 when it cannot be read: the reading proper reports that).
fn count_lines(path: &std::path::Path) -> usize {
    use std::io::BufRead;
    std::fs::File::open(path)
        .map(|f| std::io::BufReader::new(f).split(b'\n').count())
        .unwrap_or(0)
}

/// One organization: header, findings, next steps, 三会一课, attendance, elections, reviews.
fn block(s: &OrgSection, lang: Lang) -> String {
    let mut lines = vec![header(s, lang)];
    let findings = s
        .findings
        .iter()
        .chain(&s.life.findings)
        .chain(s.elections.iter().flat_map(|e| &e.findings))
        .chain(s.reviews.iter().flat_map(|r| &r.findings));
    lines.extend(findings.map(|f| finding_line(f, lang)));
    lines.extend(s.next_steps.iter().map(|n| next_line(n, lang)));
    let range = (s.life.period.from, s.life.period.to);
    lines.extend(s.life.rules.iter().map(|r| rule_line(r, range, lang)));
    if !s.life.attendance.is_empty() {
        lines.push(attendance_line(&s.life.attendance, lang));
    }
    lines.extend(s.elections.iter().map(|e| election_line(e, lang)));
    lines.extend(s.reviews.iter().map(|r| review_line(r, lang)));
    let mut text = String::new();
    for (i, line) in lines.iter().enumerate() {
        // The header at the margin, everything under it indented, as in `member check`.
        text.push_str(if i == 0 { "" } else { "  " });
        text.push_str(line);
        text.push('\n');
    }
    text
}

/// `B01 第一党支部 (branch): 8 full, 1 probationary, 9 members; term 2026-03-10 → 2029-03-10`;
/// `B01 第一党支部（branch）：正式党员 8 名，预备党员 1 名，共 9 名；任期 2026年3月10日 → 2029年3月10日` in Chinese.
fn header(s: &OrgSection, lang: Lang) -> String {
    let mut line = s.org.clone();
    if let Some(name) = &s.name {
        line.push(' ');
        line.push_str(name);
    }
    let (kind, full, prob, all) = (
        code_of(&s.kind),
        s.full_members,
        s.probationary_members,
        s.members,
    );
    line.push_str(&match lang {
        Lang::Zh => format!("（{kind}）：正式党员 {full} 名，预备党员 {prob} 名，共 {all} 名"),
        Lang::En => format!(" ({kind}): {full} full, {prob} probationary, {all} members"),
    });
    if let Some(t) = &s.term {
        let term = lang.pick("；任期", "; term");
        line.push_str(&format!(
            "{term} {} → {}",
            day(lang, t.elected_on),
            day(lang, t.term_expires)
        ));
    }
    line
}

/// `三会一课 general_meeting quarterly: held 2026-Q1; missing —`; a rule with no whole period in the range
/// (an annual meeting over one quarter) is not assessed yet, and says so rather than show two dashes.
fn rule_line(r: &RuleCompliance, (from, to): (NaiveDate, NaiveDate), lang: Lang) -> String {
    let rule = meeting_rule(lang, &code_of(&r.meeting), &code_of(&r.frequency));
    let head = format!("三会一课 {rule}");
    if r.held.is_empty() && r.missing.is_empty() {
        return match lang {
            Lang::Zh => format!("{head}：{} 内无完整周期", range(Lang::Zh, from, to)),
            Lang::En => format!("{head}: no whole period in {from}..{to}"),
        };
    }
    let list = |labels: &[String]| {
        if labels.is_empty() {
            "—".to_owned()
        } else {
            let shown: Vec<String> = labels.iter().map(|l| period(lang, l)).collect();
            shown.join(lang.pick("、", ", "))
        }
    };
    let (held, missing) = (list(&r.held), list(&r.missing));
    match lang {
        Lang::Zh => format!("{head}：已开 {held}；缺 {missing}"),
        Lang::En => format!("{head}: held {held}; missing {missing}"),
    }
}

/// `attendance: M06 0.40, M07 0.71, M01 1.00`: lowest rate first, so the absentees lead; a member with nothing
/// expected (no rate) comes last as `—`. Equal rates keep the core's order (the document's).
fn attendance_line(attendance: &[Attendance], lang: Lang) -> String {
    let mut sorted: Vec<&Attendance> = attendance.iter().collect();
    sorted.sort_by_key(|a| (a.rate.is_none(), a.rate));
    let items: Vec<String> = sorted
        .iter()
        .map(|a| match a.rate {
            Some(rate) => format!("{} {rate}", a.member),
            None => format!("{} —", a.member),
        })
        .collect();
    format!(
        "{}{}",
        lang.pick("出勤率：", "attendance: "),
        items.join(", ")
    )
}

/// `election E1 2026-03-10: valid, 6/7 present, elected M01 M02; not elected M06`.
fn election_line(e: &ElectionReport, lang: Lang) -> String {
    let ids = |v: &[String]| {
        if v.is_empty() {
            "—".to_owned()
        } else {
            v.join(" ")
        }
    };
    let (id, date, present, entitled, elected) =
        (&e.id, e.date, e.present, e.entitled, ids(&e.elected));
    let mut line = match lang {
        Lang::Zh => format!(
            "选举 {id} {}：{}，应到 {entitled} 实到 {present}，当选 {elected}",
            day(lang, date),
            if e.valid { "有效" } else { "无效" }
        ),
        Lang::En => format!(
            "election {id} {date}: {}, {present}/{entitled} present, elected {elected}",
            if e.valid { "valid" } else { "not valid" }
        ),
    };
    if !e.not_elected.is_empty() {
        let not = lang.pick("；未当选", "; not elected");
        line.push_str(&format!("{not} {}", ids(&e.not_elected)));
    }
    line
}

/// `民主评议 2025: 3 excellent of 8 graded (max 2), 4 qualified, 1 basically_qualified, 0 unqualified, 1 not graded`.
fn review_line(r: &RatingReport, lang: Lang) -> String {
    let c = &r.counts;
    if lang == Lang::Zh {
        return format!(
            "民主评议 {}：优秀 {} 名（已评 {} 名，上限 {}），合格 {}，基本合格 {}，不合格 {}，未评 {}",
            r.year, c.excellent, r.graded, r.excellent_max, c.qualified, c.basically_qualified,
            c.unqualified, c.not_graded
        );
    }
    format!(
        "民主评议 {}: {} excellent of {} graded (max {}), {} qualified, {} basically_qualified, {} unqualified, {} not graded",
        r.year, c.excellent, r.graded, r.excellent_max, c.qualified, c.basically_qualified, c.unqualified,
        c.not_graded
    )
}

fn violations(findings: &[Finding]) -> usize {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Violation)
        .count()
}

/// `2026-04-01: 4 organizations checked over 2026-01-01..2026-03-31, 5 findings (4 violations): CODE ×n, …`;
/// `2026年4月1日：检查 4 个组织（2026年1月1日至2026年3月31日），问题 5 个（违规 4 个）：句子（CODE）×n；…` in
/// Chinese (each code with its registry sentence, as `member check` says it).
fn summary(report: &OrgReport, lang: Lang) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &report.findings {
        *counts.entry(f.code.as_str()).or_default() += 1;
    }
    let (on, orgs, from, to) = (
        report.on,
        report.orgs.len(),
        report.period.from,
        report.period.to,
    );
    let (findings, violating) = (report.findings.len(), violations(&report.findings));
    let mut s = match lang {
        Lang::Zh => format!(
            "{}：检查 {orgs} 个组织（{}），问题 {findings} 个（违规 {violating} 个）",
            day(lang, on),
            range(Lang::Zh, from, to)
        ),
        Lang::En => format!(
            "{on}: {orgs} organization(s) checked over {from}..{to}, {findings} finding(s) ({violating} violation(s))"
        ),
    };
    if !counts.is_empty() {
        let codes: Vec<String> = counts
            .iter()
            .map(|(c, n)| match lang {
                Lang::Zh => format!("{} ×{n}", code_zh(c)),
                Lang::En => format!("{c} ×{n}"),
            })
            .collect();
        s.push_str(&format!(
            "{}{}",
            lang.pick("：", ": "),
            codes.join(lang.pick("；", ", "))
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use dangjian::membership::{LifeReport, MeetingKind, NextStep, RatingCounts, Term};
    use dangjian::Citation;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn section() -> OrgSection {
        serde_json::from_str(
            r#"{"org":"B1","kind":"branch","full_members":3,"probationary_members":0,"members":3,
            "findings":[],"next_steps":[],"life":{"org":"B1","period":{"from":"2026-01-01","to":"2026-03-31"},
            "rules":[],"attendance":[],"findings":[]},"elections":[],"reviews":[]}"#,
        )
        .unwrap()
    }

    #[test]
    fn an_empty_report_and_json() {
        let mut report = OrgReport::default();
        assert_eq!(
            render(&report, Format::Table, Lang::En).unwrap(),
            "no organizations\n"
        );
        report
            .findings
            .push(Finding::new("X", Severity::Warning, "某事", "x", None));
        assert!(render(&report, Format::Json, Lang::En)
            .unwrap()
            .starts_with(r#"{"on":"#));
        assert_eq!(violations(&report.findings), 0);
    }

    #[test]
    fn a_bare_section_is_its_header_only() {
        let s = section();
        assert_eq!(
            block(&s, Lang::En),
            "B1 (branch): 3 full, 0 probationary, 3 members\n"
        );
    }

    #[test]
    fn a_full_section() {
        let mut s = section();
        s.name = Some("一支部".to_owned());
        s.term = Some(Term {
            elected_on: day("2023-03-15"),
            term_expires: day("2026-03-15"),
        });
        s.findings.push(Finding::new(
            "TERM_EXPIRED",
            Severity::Warning,
            "届满",
            "expired",
            Some(Citation::new("党章", "第三十条")),
        ));
        s.next_steps.push(NextStep::new(
            "ELECTION",
            "换届",
            "election",
            Some(day("2025-03-15")),
            Some(day("2026-03-15")),
            None,
        ));
        s.life = LifeReport {
            rules: vec![serde_json::from_str(r#"{"meeting":"general_meeting","frequency":"quarterly",
                "citation":{"regulation":"r","article":"a"},"held":["2026-Q1"],"missing":[]}"#).unwrap()],
            attendance: serde_json::from_str(
                r#"[{"member":"M1","expected":3,"attended":3,"with_leave":0,"without_leave":0,"rate":"1.00"},
                {"member":"M9","expected":0,"attended":0,"with_leave":0,"without_leave":0},
                {"member":"M4","expected":3,"attended":2,"with_leave":0,"without_leave":1,"rate":"0.67"}]"#,
            )
            .unwrap(),
            ..s.life
        };
        let text = block(&s, Lang::En);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "B1 一支部 (branch): 3 full, 0 probationary, 3 members; term 2023-03-15 → 2026-03-15",
                "  [warning] TERM_EXPIRED  届满 — 党章 第三十条",
                "  next: ELECTION due 2026-03-15 / earliest 2025-03-15  换届",
                "  三会一课 general_meeting quarterly: held 2026-Q1; missing —",
                "  attendance: M4 0.67, M1 1.00, M9 —",
            ]
        );
        let zh = block(&s, Lang::Zh);
        let lines: Vec<&str> = zh.lines().collect();
        assert_eq!(
            lines,
            [
                "B1 一支部（branch）：正式党员 3 名，预备党员 0 名，共 3 名；任期 2023年3月15日 → 2026年3月15日",
                "  [提醒] TERM_EXPIRED  届满 — 党章 第三十条",
                "  下一步：ELECTION 最迟 2026年3月15日 / 最早 2025年3月15日  换届",
                "  三会一课 支部党员大会 每季度（general_meeting quarterly）：已开 2026年第1季度；缺 —",
                "  出勤率：M4 0.67, M1 1.00, M9 —",
            ]
        );
    }

    #[test]
    fn rule_lines() {
        let range = (day("2026-01-01"), day("2026-03-31"));
        let mut r: RuleCompliance = serde_json::from_str(
            r#"{"meeting":"theme_day","frequency":"monthly","citation":{"regulation":"r","article":"a"},
            "held":["2026-01","2026-03"],"missing":["2026-02"]}"#,
        )
        .unwrap();
        assert_eq!(
            rule_line(&r, range, Lang::En),
            "三会一课 theme_day monthly: held 2026-01, 2026-03; missing 2026-02"
        );
        assert_eq!(
            rule_line(&r, range, Lang::Zh),
            "三会一课 主题党日 每月（theme_day monthly）：已开 2026年1月、2026年3月；缺 2026年2月"
        );
        r.held.clear();
        r.missing.clear();
        r.meeting = MeetingKind::LifeMeeting;
        assert_eq!(
            rule_line(&r, range, Lang::En),
            "三会一课 life_meeting monthly: no whole period in 2026-01-01..2026-03-31"
        );
        assert_eq!(
            rule_line(&r, range, Lang::Zh),
            "三会一课 组织生活会 每月（life_meeting monthly）：2026年1月1日至2026年3月31日 内无完整周期"
        );
    }

    #[test]
    fn election_and_review_lines() {
        let mut e = ElectionReport {
            id: "E1".to_owned(),
            date: day("2026-03-10"),
            entitled: 5,
            present: 4,
            valid: false,
            not_elected: vec!["M1".to_owned()],
            ..ElectionReport::default()
        };
        assert_eq!(
            election_line(&e, Lang::En),
            "election E1 2026-03-10: not valid, 4/5 present, elected —; not elected M1"
        );
        e.valid = true;
        e.elected = vec!["M1".to_owned(), "M2".to_owned()];
        e.not_elected.clear();
        assert_eq!(
            election_line(&e, Lang::En),
            "election E1 2026-03-10: valid, 4/5 present, elected M1 M2"
        );
        assert_eq!(
            election_line(&e, Lang::Zh),
            "选举 E1 2026年3月10日：有效，应到 5 实到 4，当选 M1 M2"
        );
        let r = RatingReport {
            year: 2025,
            graded: 4,
            excellent_max: 1,
            counts: RatingCounts {
                excellent: 2,
                qualified: 2,
                not_graded: 1,
                ..RatingCounts::default()
            },
            ..RatingReport::default()
        };
        assert_eq!(
            review_line(&r, Lang::En),
            "民主评议 2025: 2 excellent of 4 graded (max 1), 2 qualified, 0 basically_qualified, 0 unqualified, 1 not graded"
        );
        assert_eq!(
            review_line(&r, Lang::Zh),
            "民主评议 2025：优秀 2 名（已评 4 名，上限 1），合格 2，基本合格 0，不合格 0，未评 1"
        );
    }

    #[test]
    fn the_summary_counts_codes() {
        let mut report = OrgReport {
            on: day("2026-04-01"),
            period: dangjian::membership::DateRange {
                from: day("2026-01-01"),
                to: day("2026-03-31"),
            },
            ..OrgReport::default()
        };
        for code in ["TERM_EXPIRED", "A", "TERM_EXPIRED"] {
            report
                .findings
                .push(Finding::new(code, Severity::Violation, "x", "x", None));
        }
        assert_eq!(
            summary(&report, Lang::En),
            "2026-04-01: 0 organization(s) checked over 2026-01-01..2026-03-31, 3 finding(s) (3 violation(s)): \
             A ×1, TERM_EXPIRED ×2"
        );
        // In Chinese each code with its registry sentence (table.rs), an unregistered one as it is.
        assert_eq!(
            summary(&report, Lang::Zh),
            "2026年4月1日：检查 0 个组织（2026年1月1日至2026年3月31日），问题 3 个（违规 3 个）：\
             A ×1；届期已满，延期换届须经上级批准（TERM_EXPIRED） ×2"
        );
    }
}
