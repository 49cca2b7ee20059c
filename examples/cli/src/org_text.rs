//! The words of `dangjian org check`'s table: one block per organization (header, findings, next steps, 三会一课
//! rules, attendance, elections, 民主评议) and the summary on stderr, in Chinese or English. `org_cmd` reads the
//! file and runs the core's check; this module only says what the report holds.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use dangjian::membership::{
    Attendance, ElectionReport, OrgReport, OrgSection, RatingReport, RuleCompliance,
};
use dangjian::{Finding, Severity};

use crate::disclosure_words::{day, period, range};
use crate::labels::meeting_rule;
use crate::lang::Lang;
use crate::member_cmd::{finding_line, next_line};
use crate::output::{code_of, code_zh};

/// One organization: header, findings, next steps, 三会一课, attendance, elections, reviews.
pub(crate) fn block(s: &OrgSection, lang: Lang) -> String {
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
pub(crate) fn header(s: &OrgSection, lang: Lang) -> String {
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
pub(crate) fn rule_line(
    r: &RuleCompliance,
    (from, to): (NaiveDate, NaiveDate),
    lang: Lang,
) -> String {
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
pub(crate) fn attendance_line(attendance: &[Attendance], lang: Lang) -> String {
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
pub(crate) fn election_line(e: &ElectionReport, lang: Lang) -> String {
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
pub(crate) fn review_line(r: &RatingReport, lang: Lang) -> String {
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

pub(crate) fn violations(findings: &[Finding]) -> usize {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Violation)
        .count()
}

/// `2026-04-01: 4 organizations checked over 2026-01-01..2026-03-31, 5 findings (4 violations): CODE ×n, …`;
/// `2026年4月1日：检查 4 个组织（2026年1月1日至2026年3月31日），问题 5 个（违规 4 个）：句子（CODE）×n；…` in
/// Chinese (each code with its registry sentence, as `member check` says it).
pub(crate) fn summary(report: &OrgReport, lang: Lang) -> String {
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
    use crate::member_cmd::Format;
    use crate::org_cmd::render;
    use dangjian::membership::{MeetingKind, NextStep, Term};
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
        s.life.rules = vec![serde_json::from_str(
            r#"{"meeting":"general_meeting","frequency":"quarterly",
                "citation":{"regulation":"r","article":"a"},"held":["2026-Q1"],"missing":[]}"#,
        )
        .unwrap()];
        s.life.attendance = serde_json::from_str(
                r#"[{"member":"M1","expected":3,"attended":3,"with_leave":0,"without_leave":0,"rate":"1.00"},
                {"member":"M9","expected":0,"attended":0,"with_leave":0,"without_leave":0},
                {"member":"M4","expected":3,"attended":2,"with_leave":0,"without_leave":1,"rate":"0.67"}]"#,
        )
        .unwrap();
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
        let mut e = ElectionReport::default();
        (e.id, e.date, e.entitled, e.present) = ("E1".to_owned(), day("2026-03-10"), 5, 4);
        (e.valid, e.not_elected) = (false, vec!["M1".to_owned()]);
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
        let mut r = RatingReport::default();
        (r.year, r.graded, r.excellent_max) = (2025, 4, 1);
        (r.counts.excellent, r.counts.qualified, r.counts.not_graded) = (2, 2, 1);
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
        let mut report = OrgReport::default();
        report.on = day("2026-04-01");
        report.period = dangjian::membership::DateRange {
            from: day("2026-01-01"),
            to: day("2026-03-31"),
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
