//! From the development target to the branch meeting's vote (细则 第十四条 sponsors, 第十五条 political review,
//! 第十六条 training, 第十七条 the committee's review and the public notice, 第十八条 pre-review, 第二十一条、
//! 第二十二条 the vote). Every prerequisite is looked for before the vote, and the vote is judged by the rules in
//! force on its day.

use chrono::NaiveDate;

use super::development::{violation, warning, Pipeline};
use super::discipline::rights_on;
use super::params::DevelopmentRules;
use super::record::{MemberEvent, NoticeStage, Vote};
use super::report::{NextStep, Review, Stage};
use super::status::stage_on;
use crate::disclosure::{evaluate_notice, Objection, PublicNotice};
use crate::{Citation, Finding, Result, Severity};

pub(crate) fn review(p: &Pipeline, out: &mut Review) -> Result<()> {
    for (pos, (index, e)) in p.events.iter().enumerate() {
        match e {
            MemberEvent::Sponsors { date, sponsors } => {
                let rules = p.rules(*date)?;
                let (n, want) = (sponsors.len(), rules.sponsors);
                if u32::try_from(n).ok() != Some(want) {
                    out.findings.push(violation(
                        "SPONSOR_COUNT",
                        format!("{date} 确定了 {n} 名入党介绍人，应为 {want} 名"),
                        format!("{n} sponsor(s) designated on {date}; {want} required"),
                        &rules.articles.sponsors,
                    ));
                }
                check_sponsors(p, sponsors, *date, &rules.articles.sponsors, out)?;
            }
            MemberEvent::BranchVote { date, vote } => {
                let has_target = p
                    .before(pos)
                    .any(|(_, e)| matches!(e, MemberEvent::DevelopmentTarget { .. }));
                // Without a development target `MISSING_STEP` says it all; the prerequisites would only repeat it.
                if has_target {
                    before_vote(p, pos, *date, out)?;
                }
                judge_vote(p.rules(*date)?, *date, vote, out);
            }
            MemberEvent::PublicNotice {
                date,
                closes_on,
                stage,
                objections,
            } if *stage != NoticeStage::DevelopmentTarget => {
                local_notice(p, *index, *date, *closes_on, objections, out)?;
            }
            _ => {}
        }
    }
    prerequisites_due(p, out)
}

/// For a development target not yet admitted by a vote: what is still to be done before the branch meeting, in
/// the 细则's order, as next steps (no deadline applies to them; the vote may come the day after the notice
/// closes).
fn prerequisites_due(p: &Pipeline, out: &mut Review) -> Result<()> {
    let Some(target_pos) = p
        .events
        .iter()
        .rposition(|(_, e)| matches!(e, MemberEvent::DevelopmentTarget { .. }))
    else {
        return Ok(());
    };
    let after: Vec<&MemberEvent> = p.after(target_pos).map(|(_, e)| *e).collect();
    if after.iter().any(
        |e| matches!(e, MemberEvent::BranchVote { vote, .. } if super::status::vote_passes(vote)),
    ) {
        return Ok(());
    }
    let a = &p.rules(p.on)?.articles;
    let has = |f: &dyn Fn(&MemberEvent) -> bool| after.iter().any(|e| f(e));
    let notice_closes = after.iter().find_map(|e| match e {
        MemberEvent::PublicNotice {
            closes_on,
            stage: NoticeStage::DevelopmentTarget,
            ..
        } => Some(*closes_on),
        _ => None,
    });
    let steps: [(&str, bool, &str, &str, &Citation); 6] = [
        (
            "SPONSORS",
            has(&|e| matches!(e, MemberEvent::Sponsors { .. })),
            "确定两名正式党员作入党介绍人",
            "designate two full members as sponsors",
            &a.sponsors,
        ),
        (
            "POLITICAL_REVIEW",
            has(&|e| matches!(e, MemberEvent::PoliticalReview { passed: true, .. })),
            "政治审查",
            "political review",
            &a.political_review,
        ),
        (
            "TRAINING",
            has(&|e| matches!(e, MemberEvent::Training { .. })),
            "集中培训",
            "centralized training",
            &a.training,
        ),
        (
            "PUBLIC_NOTICE",
            notice_closes.is_some(),
            "支委会审查并公示",
            "the committee's review and the public notice",
            &a.notice,
        ),
        (
            "COMMITTEE_REVIEW",
            has(&|e| matches!(e, MemberEvent::CommitteeReview { .. })),
            "支委会审查",
            "the branch committee's review",
            &a.notice,
        ),
        (
            "PRE_REVIEW",
            has(&|e| matches!(e, MemberEvent::PreReview { .. })),
            "基层党委预审",
            "pre-review by the committee with approval power",
            &a.pre_review,
        ),
    ];
    for (code, done, zh, en, cite) in steps {
        if !done {
            out.next_steps
                .push(NextStep::new(code, zh, en, None, None, Some(cite.clone())));
        }
    }
    if let Some(n) = ended_short(p, target_pos, out)? {
        // The vote would be refused on any day: the notice must be held again first.
        out.next_steps.push(NextStep::new(
            "PUBLIC_NOTICE",
            format!("公示期不足，须重新公示 {n} 个工作日后方可提交支部大会表决"),
            format!("the notice was too short: hold it again for {n} working days before the branch vote"),
            Some(p.on),
            None,
            Some(a.notice.clone()),
        ));
        return Ok(());
    }
    let earliest = notice_closes.and_then(|d| d.succ_opt());
    out.next_steps.push(NextStep::new(
        "BRANCH_VOTE",
        "支部党员大会讨论接收预备党员",
        "the branch general meeting's vote on admission",
        earliest,
        None,
        Some(a.vote.clone()),
    ));
    Ok(())
}

/// `NOTICE_WINDOW_TOO_SHORT` as soon as it is knowable: the latest development-target notice after the decision
/// at `target_pos` has ended (`on` is its last day or later), no vote has followed it, and its window is shorter
/// than the minimum (细则 第十七条). Returns the minimum when so. (A vote after it is judged at the vote.)
fn ended_short(p: &Pipeline, target_pos: usize, out: &mut Review) -> Result<Option<u32>> {
    let mut last: Option<(usize, NaiveDate, NaiveDate, &[Objection])> = None;
    for (index, e) in p.after(target_pos).map(|(i, e)| (*i, *e)) {
        match e {
            MemberEvent::PublicNotice {
                date,
                closes_on,
                stage: NoticeStage::DevelopmentTarget,
                objections,
            } => last = Some((index, *date, *closes_on, objections)),
            MemberEvent::BranchVote { .. } => last = None,
            _ => {}
        }
    }
    let Some((index, opens_on, closes_on, objections)) = last else {
        return Ok(None);
    };
    if p.on < closes_on {
        return Ok(None);
    }
    let report = evaluate(p, index, opens_on, closes_on, objections, p.on)?;
    if report.window_ok {
        return Ok(None);
    }
    let cite = &p.rules(opens_on)?.articles.notice;
    for f in report.findings {
        if f.code == "NOTICE_WINDOW_TOO_SHORT" {
            let mut g = violation(
                "NOTICE_WINDOW_TOO_SHORT",
                format!("公示已于 {closes_on} 结束：{}", f.message_zh),
                format!("the notice ended on {closes_on}: {}", f.message_en),
                cite,
            );
            g.also_cited = f.citation.into_iter().chain(f.also_cited).collect();
            out.findings.push(g);
        } else if f.code == "PROVISIONAL_CALENDAR" && !out.findings.contains(&f) {
            out.findings.push(f);
        }
    }
    Ok(Some(report.required_working_days))
}

/// Each sponsor on `on`: in the roster, a full member, with the right to sponsor.
fn check_sponsors(
    p: &Pipeline,
    sponsors: &[String],
    on: NaiveDate,
    cite: &Citation,
    out: &mut Review,
) -> Result<()> {
    for id in sponsors {
        let Some(m) = p.ctx.member(id) else {
            let f = warning(
                "SPONSOR_NOT_IN_ROSTER",
                format!("入党介绍人 {id} 不在党员名册中，无法核实是否为正式党员"),
                format!("sponsor {id} is not in the roster: cannot verify full membership"),
                cite,
            );
            if !out.findings.contains(&f) {
                out.findings.push(f);
            }
            continue;
        };
        // A sponsor is checked on the day designated and again at the vote; one finding per sponsor and rule
        // is enough (the first day it fails).
        let reported = |code: &str| {
            let who = format!("sponsor {id} ");
            out.findings
                .iter()
                .any(|f| f.code == code && f.message_en.starts_with(&who))
        };
        if stage_on(p.ctx.policy, m, on)? != Stage::Full {
            if reported("SPONSOR_NOT_FULL_MEMBER") {
                continue;
            }
            out.findings.push(violation(
                "SPONSOR_NOT_FULL_MEMBER",
                format!("入党介绍人 {id} 在 {on} 不是正式党员"),
                format!("sponsor {id} was not a full member on {on}"),
                cite,
            ));
        } else if !rights_on(p.ctx.policy, m, on)?.may_sponsor
            && !reported("SPONSOR_RIGHTS_SUSPENDED")
        {
            out.findings.push(violation(
                "SPONSOR_RIGHTS_SUSPENDED",
                format!("入党介绍人 {id} 在 {on} 无权担任入党介绍人（如留党察看期间）"),
                format!("sponsor {id} had no right to sponsor on {on} (e.g. under 留党察看)"),
                cite,
            ));
        }
    }
    Ok(())
}

/// The prerequisites of the vote at position `pos` dated `on`.
fn before_vote(p: &Pipeline, pos: usize, on: NaiveDate, out: &mut Review) -> Result<()> {
    let rules = p.rules(on)?;
    let a = &rules.articles;
    let last = |pred: fn(&MemberEvent) -> bool| p.before(pos).find(|(_, e)| pred(e)).copied();

    match last(|e| matches!(e, MemberEvent::Sponsors { .. })) {
        Some((_, MemberEvent::Sponsors { sponsors, .. })) => {
            check_sponsors(p, sponsors, on, &a.sponsors, out)?;
        }
        _ => out
            .findings
            .push(missing(on, "确定入党介绍人", "the sponsors", &a.sponsors)),
    }

    match last(|e| matches!(e, MemberEvent::PoliticalReview { .. })) {
        Some((
            _,
            MemberEvent::PoliticalReview {
                date,
                passed: false,
            },
        )) => {
            out.findings.push(violation(
                "POLITICAL_REVIEW_FAILED",
                format!("{date} 政治审查结论为不合格，{on} 仍提交支部大会表决"),
                format!(
                    "the political review of {date} was unfavourable, yet the branch voted on {on}"
                ),
                &a.political_review,
            ));
        }
        Some(_) => {}
        None => out.findings.push(violation(
            "POLITICAL_REVIEW_MISSING",
            format!("{on} 支部大会表决前未进行政治审查"),
            format!("no political review before the branch vote of {on}"),
            &a.political_review,
        )),
    }

    training(p, pos, on, out)?;

    match last(|e| {
        matches!(
            e,
            MemberEvent::PublicNotice {
                stage: NoticeStage::DevelopmentTarget,
                ..
            }
        )
    }) {
        Some((
            i,
            MemberEvent::PublicNotice {
                date,
                closes_on,
                objections,
                ..
            },
        )) => notice(p, i, *date, *closes_on, objections, on, out)?,
        _ => out.findings.push(violation(
            "NOTICE_MISSING",
            format!("{on} 支部大会表决前未对发展对象进行公示"),
            format!("no public notice of the development target before the branch vote of {on}"),
            &a.notice,
        )),
    }

    if last(|e| matches!(e, MemberEvent::CommitteeReview { .. })).is_none() {
        out.findings.push(violation(
            "COMMITTEE_REVIEW_MISSING",
            format!("{on} 支部大会表决前支部委员会未进行审查"),
            format!("no branch committee review before the branch vote of {on}"),
            &a.notice,
        ));
    }
    if last(|e| matches!(e, MemberEvent::PreReview { .. })).is_none() {
        out.findings.push(violation(
            "PRE_REVIEW_MISSING",
            format!("{on} 支部大会表决前未经具有审批权限的基层党委预审"),
            format!("no pre-review by the approving committee before the branch vote of {on}"),
            &a.pre_review,
        ));
    }
    Ok(())
}

/// `MISSING_STEP` for a prerequisite of the vote.
fn missing(on: NaiveDate, zh: &str, en: &str, cite: &Citation) -> Finding {
    violation(
        "MISSING_STEP",
        format!("{on} 支部大会表决前缺少“{zh}”"),
        format!("the branch vote of {on} is recorded without {en} before it"),
        cite,
    )
}

/// `TRAINING_MISSING` / `TRAINING_TOO_SHORT`: one training of at least `training_min_days` days or
/// `training_min_class_hours` class hours (the rules in force on the training's last day).
fn training(p: &Pipeline, pos: usize, on: NaiveDate, out: &mut Review) -> Result<()> {
    let mut short: Option<Finding> = None;
    for (_, e) in p.before(pos) {
        let MemberEvent::Training {
            date,
            days,
            class_hours,
        } = e
        else {
            continue;
        };
        let rules = p.rules(*date)?;
        let (min_days, min_hours) = (rules.training_min_days, rules.training_min_class_hours);
        if *days >= min_days || *class_hours >= min_hours {
            return Ok(());
        }
        short.get_or_insert_with(|| {
            violation(
                "TRAINING_TOO_SHORT",
                format!("{date} 结束的集中培训 {days} 天、{class_hours} 学时，少于 {min_days} 天或 {min_hours} 学时"),
                format!(
                    "the training ending {date} had {days} day(s) and {class_hours} class hour(s): less than {min_days} days or {min_hours} hours"
                ),
                &rules.articles.training,
            )
        });
    }
    let rules = p.rules(on)?;
    out.findings.push(short.unwrap_or_else(|| {
        violation(
            "TRAINING_MISSING",
            format!("{on} 支部大会表决前发展对象未参加集中培训"),
            format!("no centralized training before the branch vote of {on}"),
            &rules.articles.training,
        )
    }));
    Ok(())
}

/// The development-target notice judged on the vote day `on` with [`evaluate_notice`].
fn notice(
    p: &Pipeline,
    index: usize,
    opens_on: NaiveDate,
    closes_on: NaiveDate,
    objections: &[Objection],
    on: NaiveDate,
    out: &mut Review,
) -> Result<()> {
    let cite = &p.rules(on)?.articles.notice;
    let report = evaluate(p, index, opens_on, closes_on, objections, on)?;
    for f in report.findings {
        let again = |code: &str, severity: Severity| {
            let mut g = Finding::new(
                code,
                severity,
                f.message_zh.clone(),
                f.message_en.clone(),
                Some(cite.clone()),
            );
            g.also_cited = f.citation.iter().chain(&f.also_cited).cloned().collect();
            g
        };
        match f.code.as_str() {
            "NOTICE_WINDOW_TOO_SHORT" => out
                .findings
                .push(again("NOTICE_WINDOW_TOO_SHORT", Severity::Violation)),
            "OBJECTION_UPHELD" => out
                .findings
                .push(again("NOTICE_OBJECTION_UPHELD", Severity::Violation)),
            // Voting while an objection is unanswered is not a pending matter any more: the vote went ahead.
            "OBJECTION_PENDING" => out
                .findings
                .push(again("NOTICE_OBJECTION_PENDING", Severity::Violation)),
            _ => out.findings.push(f),
        }
    }
    if on <= closes_on {
        out.findings.push(violation(
            "NOTICE_NOT_CLOSED",
            format!("公示期至 {closes_on} 结束，支部大会却在 {on} 表决"),
            format!("the branch voted on {on}, before the notice closed (last day {closes_on})"),
            cite,
        ));
    }
    Ok(())
}

fn evaluate(
    p: &Pipeline,
    index: usize,
    opens_on: NaiveDate,
    closes_on: NaiveDate,
    objections: &[Objection],
    on: NaiveDate,
) -> Result<crate::disclosure::NoticeReport> {
    let notice = PublicNotice {
        id: format!("{}#events[{index}]", p.record.id),
        subject: format!("{} 公示", p.record.name),
        item_id: None,
        opens_on,
        closes_on,
        objections: objections.to_vec(),
    };
    evaluate_notice(p.ctx.policy, p.ctx.calendar, &notice, on)
        .map_err(|e| e.under(&format!("events[{index}]")))
}

/// A notice the 细则 does not require (activist, admission, conversion: local practice), checked as recorded on
/// `on`: a window too short or an objection upheld is a warning.
fn local_notice(
    p: &Pipeline,
    index: usize,
    opens_on: NaiveDate,
    closes_on: NaiveDate,
    objections: &[Objection],
    out: &mut Review,
) -> Result<()> {
    let rules = p.rules(opens_on)?;
    let report = evaluate(p, index, opens_on, closes_on, objections, p.on)?;
    for f in report.findings {
        let code = match f.code.as_str() {
            "NOTICE_WINDOW_TOO_SHORT" => "NOTICE_WINDOW_TOO_SHORT",
            "OBJECTION_UPHELD" => "NOTICE_OBJECTION_UPHELD",
            _ => continue,
        };
        let mut g = warning(
            code,
            f.message_zh.clone(),
            f.message_en.clone(),
            &rules.articles.notice,
        );
        g.also_cited = f.citation.into_iter().chain(f.also_cited).collect();
        out.findings.push(g);
    }
    Ok(())
}

/// `VOTE_NO_QUORUM`, `VOTE_NOT_PASSED` (a legitimate outcome: the person stays a development target) and
/// `SECRET_BALLOT_REQUIRED`.
fn judge_vote(rules: &DevelopmentRules, on: NaiveDate, v: &Vote, out: &mut Review) {
    let cite = &rules.articles.vote;
    let (entitled, present, yes) = (v.entitled, v.present, v.yes);
    if u64::from(present) * 2 <= u64::from(entitled) {
        out.findings.push(violation(
            "VOTE_NO_QUORUM",
            format!(
                "{on} 支部大会到会有表决权的党员 {present} 人，未超过应到会 {entitled} 人的半数"
            ),
            format!(
                "branch vote of {on}: {present} of {entitled} entitled present, not more than half"
            ),
            cite,
        ));
    } else if u64::from(yes) * 2 <= u64::from(entitled) {
        out.findings.push(Finding::new(
            "VOTE_NOT_PASSED",
            Severity::Info,
            format!("{on} 支部大会赞成票 {yes} 票，未超过应到会有表决权正式党员 {entitled} 人的半数，未通过；仍为发展对象"),
            format!(
                "branch vote of {on}: {yes} yes of {entitled} entitled, not more than half: not admitted, still a development target"
            ),
            Some(cite.clone()),
        ));
    }
    if rules.secret_ballot && v.secret_ballot != Some(true) {
        out.findings.push(violation(
            "SECRET_BALLOT_REQUIRED",
            format!("{on} 支部大会表决应采取无记名投票方式"),
            format!("the branch vote of {on} must be by secret ballot"),
            cite,
        ));
    }
}
