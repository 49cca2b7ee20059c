//! From the development target to the branch meeting's vote (细则 第十四条 sponsors, 第十五条 political review,
//! 第十六条 training, 第十七条 the committee's review and the public notice, 第十八条 pre-review, 第二十一条、
//! 第二十二条 the vote). Every prerequisite is looked for before the vote, and the vote is judged by the rules in
//! force on its day.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;

use super::development_pipeline::{violation, warning, Pipeline};
use super::development_vote::{local_notice, notice, Fix, Unmet};
use super::discipline::rights_on;
use super::params::{DevelopmentArticles, DevelopmentRules};
use super::record::{MemberEvent, NoticeStage, Vote};
use super::report::Review;
use super::stage::Stage;
use super::status::stage_on;
use crate::codes::Code;
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
                let unmet =
                    check_sponsors(p, sponsors, *date, &rules.articles.sponsors, &out.findings)?;
                out.findings.extend(unmet.into_iter().map(|u| u.finding));
            }
            MemberEvent::BranchVote { date, vote } => {
                let has_target = p
                    .before(pos)
                    .any(|(_, e)| matches!(e, MemberEvent::DevelopmentTarget { .. }));
                // Without a development target `MISSING_STEP` says it all; the prerequisites would only repeat it.
                if has_target {
                    let unmet = before_vote(p, pos, *date, &out.findings)?;
                    out.findings.extend(unmet.into_iter().map(|u| u.finding));
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
    Ok(())
}

/// Each sponsor on `on`: in the roster, a full member, with the right to sponsor. A finding already in `seen`
/// is not repeated (a sponsor is checked on the day designated and again at the vote: one finding per sponsor and
/// rule, the first day it fails).
fn check_sponsors(
    p: &Pipeline,
    sponsors: &[String],
    on: NaiveDate,
    cite: &Citation,
    seen: &[Finding],
) -> Result<Vec<Unmet>> {
    let mut unmet = Vec::new();
    for id in sponsors {
        let Some(m) = p.ctx.member(id) else {
            let f = warning(
                Code::SponsorNotInRoster.as_str(),
                format!("入党介绍人 {id} 不在党员名册中，无法核实是否为正式党员"),
                format!("sponsor {id} is not in the roster: cannot verify full membership"),
                cite,
            );
            // Unverifiable is not unmet: the branch may know the sponsor; the warning says to check.
            if !seen.contains(&f) {
                unmet.push(Unmet {
                    fix: None,
                    finding: f,
                });
            }
            continue;
        };
        let reported = |code: Code| {
            let who = format!("sponsor {id} ");
            seen.iter()
                .any(|f| f.code == code.as_str() && f.message_en.starts_with(&who))
        };
        let fix = Fix::ReplaceSponsor(id.clone());
        if stage_on(p.ctx.policy, m, on)? != Stage::Full {
            if !reported(Code::SponsorNotFullMember) {
                unmet.push(Unmet::new(
                    fix,
                    violation(
                        Code::SponsorNotFullMember.as_str(),
                        format!("入党介绍人 {id} 在 {on} 不是正式党员"),
                        format!("sponsor {id} was not a full member on {on}"),
                        cite,
                    ),
                ));
            }
        } else if !rights_on(p.ctx.policy, m, on)?.may_sponsor
            && !reported(Code::SponsorRightsSuspended)
        {
            unmet.push(Unmet::new(
                fix,
                violation(
                    Code::SponsorRightsSuspended.as_str(),
                    format!("入党介绍人 {id} 在 {on} 无权担任入党介绍人（如留党察看期间）"),
                    format!("sponsor {id} had no right to sponsor on {on} (e.g. under 留党察看)"),
                    cite,
                ),
            ));
        }
    }
    Ok(unmet)
}

/// The prerequisites of a vote dated `on` held after the pipeline events before position `pos` (all of them
/// for the trial of [`super::development_trial::prerequisites_due`]), in the 细则's order; `seen` as for [`check_sponsors`].
pub(crate) fn before_vote(
    p: &Pipeline,
    pos: usize,
    on: NaiveDate,
    seen: &[Finding],
) -> Result<Vec<Unmet>> {
    let a = &p.rules(on)?.articles;
    let mut unmet = Vec::new();
    require_sponsors(p, pos, on, a, seen, &mut unmet)?;
    require_political_review(p, pos, on, a, &mut unmet);
    unmet.extend(training(p, pos, on)?);
    require_notice(p, pos, on, a, &mut unmet)?;
    require_committee_and_pre_review(p, pos, on, a, &mut unmet);
    Ok(unmet)
}

/// The newest pipeline event before position `pos` that `pred` picks, with its index in the record.
fn last_before<'a>(
    p: &Pipeline<'a>,
    pos: usize,
    pred: fn(&MemberEvent) -> bool,
) -> Option<(usize, &'a MemberEvent)> {
    p.before(pos).find(|(_, e)| pred(e)).copied()
}

/// 细则 第十四条: the sponsors were designated before the vote, each of them checked on its day.
fn require_sponsors(
    p: &Pipeline,
    pos: usize,
    on: NaiveDate,
    a: &DevelopmentArticles,
    seen: &[Finding],
    unmet: &mut Vec<Unmet>,
) -> Result<()> {
    match last_before(p, pos, |e| matches!(e, MemberEvent::Sponsors { .. })) {
        Some((_, MemberEvent::Sponsors { sponsors, .. })) => {
            unmet.extend(check_sponsors(p, sponsors, on, &a.sponsors, seen)?);
        }
        _ => unmet.push(Unmet::new(
            Fix::Sponsors,
            missing(on, "确定入党介绍人", "the sponsors", &a.sponsors),
        )),
    }
    Ok(())
}

/// 细则 第十五条: a political review was made before the vote, and its latest conclusion was favourable.
fn require_political_review(
    p: &Pipeline,
    pos: usize,
    on: NaiveDate,
    a: &DevelopmentArticles,
    unmet: &mut Vec<Unmet>,
) {
    match last_before(p, pos, |e| matches!(e, MemberEvent::PoliticalReview { .. })) {
        Some((
            _,
            MemberEvent::PoliticalReview {
                date,
                passed: false,
            },
        )) => unmet.push(Unmet::new(
            Fix::PoliticalReviewFailed,
            violation(
                Code::PoliticalReviewFailed.as_str(),
                format!("{date} 政治审查结论为不合格，{on} 仍提交支部大会表决"),
                format!(
                    "the political review of {date} was unfavourable, yet the branch voted on {on}"
                ),
                &a.political_review,
            ),
        )),
        Some(_) => {}
        None => unmet.push(Unmet::new(
            Fix::PoliticalReview,
            violation(
                Code::PoliticalReviewMissing.as_str(),
                format!("{on} 支部大会表决前未进行政治审查"),
                format!("no political review before the branch vote of {on}"),
                &a.political_review,
            ),
        )),
    }
}

/// 细则 第十七条: the development target was publicly noticed before the vote, and the notice itself held.
fn require_notice(
    p: &Pipeline,
    pos: usize,
    on: NaiveDate,
    a: &DevelopmentArticles,
    unmet: &mut Vec<Unmet>,
) -> Result<()> {
    match last_before(p, pos, |e| {
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
        )) => unmet.extend(notice(p, i, *date, *closes_on, objections, on)?),
        _ => unmet.push(Unmet::new(
            Fix::Notice,
            violation(
                Code::NoticeMissing.as_str(),
                format!("{on} 支部大会表决前未对发展对象进行公示"),
                format!(
                    "no public notice of the development target before the branch vote of {on}"
                ),
                &a.notice,
            ),
        )),
    }
    Ok(())
}

/// 细则 第十七条 (the branch committee's review) and 第十八条 (the approving committee's pre-review): both
/// came before the vote.
fn require_committee_and_pre_review(
    p: &Pipeline,
    pos: usize,
    on: NaiveDate,
    a: &DevelopmentArticles,
    unmet: &mut Vec<Unmet>,
) {
    if last_before(p, pos, |e| matches!(e, MemberEvent::CommitteeReview { .. })).is_none() {
        unmet.push(Unmet::new(
            Fix::CommitteeReview,
            violation(
                Code::CommitteeReviewMissing.as_str(),
                format!("{on} 支部大会表决前支部委员会未进行审查"),
                format!("no branch committee review before the branch vote of {on}"),
                &a.notice,
            ),
        ));
    }
    if last_before(p, pos, |e| matches!(e, MemberEvent::PreReview { .. })).is_none() {
        unmet.push(Unmet::new(
            Fix::PreReview,
            violation(
                Code::PreReviewMissing.as_str(),
                format!("{on} 支部大会表决前未经具有审批权限的基层党委预审"),
                format!("no pre-review by the approving committee before the branch vote of {on}"),
                &a.pre_review,
            ),
        ));
    }
}

/// `MISSING_STEP` for a prerequisite of the vote.
fn missing(on: NaiveDate, zh: &str, en: &str, cite: &Citation) -> Finding {
    violation(
        Code::MissingStep.as_str(),
        format!("{on} 支部大会表决前缺少“{zh}”"),
        format!("the branch vote of {on} is recorded without {en} before it"),
        cite,
    )
}

/// `TRAINING_MISSING` / `TRAINING_TOO_SHORT`: one training of at least `training_min_days` days or
/// `training_min_class_hours` class hours (the rules in force on the training's last day).
fn training(p: &Pipeline, pos: usize, on: NaiveDate) -> Result<Option<Unmet>> {
    let mut short: Option<Unmet> = None;
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
            return Ok(None);
        }
        short.get_or_insert_with(|| {
            Unmet::new(
                Fix::MoreTraining {
                    days: min_days,
                    class_hours: min_hours,
                },
                violation(
                    Code::TrainingTooShort.as_str(),
                    format!("{date} 结束的集中培训 {days} 天、{class_hours} 学时，少于 {min_days} 天或 {min_hours} 学时"),
                    format!(
                        "the training ending {date} had {days} day(s) and {class_hours} class hour(s): less than {min_days} days or {min_hours} hours"
                    ),
                    &rules.articles.training,
                ),
            )
        });
    }
    if short.is_some() {
        return Ok(short);
    }
    let rules = p.rules(on)?;
    Ok(Some(Unmet::new(
        Fix::Training,
        violation(
            Code::TrainingMissing.as_str(),
            format!("{on} 支部大会表决前发展对象未参加集中培训"),
            format!("no centralized training before the branch vote of {on}"),
            &rules.articles.training,
        ),
    )))
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
