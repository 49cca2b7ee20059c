//! What stands between a development target and the branch meeting's vote (细则 第十四条至第十八条, 第二十一条、
//! 第二十二条): an unmet prerequisite ([`Unmet`]) and what meets it ([`Fix`], a next step), and the notices
//! judged as the vote needs them (the development-target notice, 第十七条; the notices of local practice). The
//! prerequisites themselves are judged in [`super::development_admission`], the trial before a vote in
//! [`super::development_trial`].
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;

use super::development_pipeline::{violation, warning, Pipeline};
use super::params::DevelopmentArticles;
use super::report::{NextStep, Review};
use crate::codes::Code;
use crate::disclosure::{evaluate_notice, NoticeReport, Objection, PublicNotice};
use crate::{Citation, Finding, Result, Severity};

/// What must happen before the vote for a prerequisite to be met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Fix {
    /// No sponsors designated (第十四条).
    Sponsors,
    /// The sponsor is not a full member, or has no right to sponsor, on the day of the vote (第十四条).
    ReplaceSponsor(String),
    /// No political review (第十五条).
    PoliticalReview,
    /// The political review was unfavourable (第十五条): the vote may not be held on it.
    PoliticalReviewFailed,
    /// No centralized training (第十六条).
    Training,
    /// The training was shorter than the minimum days and class hours (第十六条).
    MoreTraining { days: u32, class_hours: u32 },
    /// No development-target notice (第十七条).
    Notice,
    /// The notice lasted fewer working days than the minimum (第十七条): it must be held again.
    NoticeAgain(u32),
    /// The notice is still open on the day (第十七条): the vote comes after its last day.
    NoticeOpen(NaiveDate),
    /// An objection to the notice is not yet handled (第十七条).
    ObjectionPending,
    /// An objection to the notice was upheld (第十七条).
    ObjectionUpheld,
    /// No review by the branch committee (第十七条).
    CommitteeReview,
    /// No pre-review by the committee with approval power (第十八条).
    PreReview,
}

impl Fix {
    /// The next step that meets the prerequisite, with the article behind it; `today` is the earliest day of a
    /// step that may start at once.
    pub fn step(&self, a: &DevelopmentArticles, today: NaiveDate) -> NextStep {
        let (code, zh, en, earliest, cite) = match self {
            Self::Sponsors => missing(
                Code::Sponsors,
                "确定两名正式党员作入党介绍人",
                "designate two full members as sponsors",
                &a.sponsors,
            ),
            Self::ReplaceSponsor(id) => replace_sponsor(id, a, today),
            Self::PoliticalReview => missing(
                Code::PoliticalReview,
                "政治审查",
                "political review",
                &a.political_review,
            ),
            Self::PoliticalReviewFailed => review_failed(a),
            Self::Training => missing(
                Code::Training,
                "集中培训",
                "centralized training",
                &a.training,
            ),
            Self::MoreTraining { days, class_hours } => {
                more_training(*days, *class_hours, a, today)
            }
            Self::Notice => missing(
                Code::PublicNotice,
                "支委会审查并公示",
                "the committee's review and the public notice",
                &a.notice,
            ),
            Self::NoticeAgain(_)
            | Self::NoticeOpen(_)
            | Self::ObjectionPending
            | Self::ObjectionUpheld => self.notice_unmet(a, today),
            Self::CommitteeReview => missing(
                Code::CommitteeReview,
                "支委会审查",
                "the branch committee's review",
                &a.notice,
            ),
            Self::PreReview => missing(
                Code::PreReview,
                "基层党委预审",
                "pre-review by the committee with approval power",
                &a.pre_review,
            ),
        };
        NextStep::new(code.as_str(), zh, en, earliest, None, Some(cite.clone()))
    }

    /// 细则 第十七条: what the notice still needs before the vote (held again, closed, its objections
    /// handled). Asked by [`Self::step`] of the notice's own fixes only; the last arm is the upheld objection.
    fn notice_unmet<'a>(&self, a: &'a DevelopmentArticles, today: NaiveDate) -> StepParts<'a> {
        let (zh, en, earliest) = match self {
            Self::NoticeAgain(n) => (
                format!("{FIRST}公示期不足，重新公示 {n} 个工作日后方可提交支部大会表决"),
                format!(
                    "before the vote: the notice was too short; hold it again for {n} working days"
                ),
                Some(today),
            ),
            Self::NoticeOpen(closes) => (
                format!("{FIRST}公示期至 {closes} 结束"),
                format!("before the vote: the notice runs until {closes}"),
                closes.succ_opt(),
            ),
            Self::ObjectionPending => (
                format!("{FIRST}处理公示期间的异议"),
                "before the vote: handle the objection to the notice".to_owned(),
                Some(today),
            ),
            _ => (
                format!("{FIRST}公示期间的异议经核实成立，不能提交支部大会表决"),
                "before the vote: an objection to the notice was upheld; the vote may not be held"
                    .to_owned(),
                None,
            ),
        };
        (Code::PublicNotice, zh, en, earliest, &a.notice)
    }
}

/// What [`Fix::step`] builds a next step from: the code, the texts, the earliest day and the article.
type StepParts<'a> = (Code, String, String, Option<NaiveDate>, &'a Citation);

/// The prefix of a step that must come before the vote.
const FIRST: &str = "表决前须先解决：";

/// A prerequisite not yet taken at all: the step itself, with no earliest day.
fn missing<'a>(code: Code, zh: &str, en: &str, cite: &'a Citation) -> StepParts<'a> {
    (code, zh.to_owned(), en.to_owned(), None, cite)
}

/// 细则 第十四条: a sponsor who is not a full member, or may not sponsor, on the day is replaced.
fn replace_sponsor<'a>(id: &str, a: &'a DevelopmentArticles, today: NaiveDate) -> StepParts<'a> {
    (
        Code::Sponsors,
        format!("{FIRST}另行确定入党介绍人（{id} 不是正式党员或无权担任入党介绍人）"),
        format!("before the vote: designate another sponsor ({id} is not a full member or may not sponsor)"),
        Some(today),
        &a.sponsors,
    )
}

/// 细则 第十五条: an unfavourable political review bars the vote.
fn review_failed(a: &DevelopmentArticles) -> StepParts<'_> {
    (
        Code::PoliticalReview,
        format!("{FIRST}政治审查结论不合格，不能提交支部大会表决"),
        "before the vote: the political review was unfavourable; the vote may not be held on it"
            .to_owned(),
        None,
        &a.political_review,
    )
}

/// 细则 第十六条: training shorter than the minimum is completed before the vote.
fn more_training(
    days: u32,
    class_hours: u32,
    a: &DevelopmentArticles,
    today: NaiveDate,
) -> StepParts<'_> {
    (
        Code::Training,
        format!("{FIRST}集中培训不少于 {days} 天或 {class_hours} 学时"),
        format!("before the vote: centralized training of at least {days} days or {class_hours} class hours"),
        Some(today),
        &a.training,
    )
}

/// A prerequisite of the vote as judged on a day: the finding, and what meets it (`None` for a finding that
/// does not stand in the way, e.g. a warning or a provisional calendar).
pub(crate) struct Unmet {
    pub fix: Option<Fix>,
    pub finding: Finding,
}

impl Unmet {
    pub fn new(fix: Fix, finding: Finding) -> Self {
        Self {
            fix: Some(fix),
            finding,
        }
    }
}

/// The development-target notice judged on the vote day `on` with [`evaluate_notice`]: a window too short, an
/// objection pending or upheld, or a vote before the notice closed stand in the way of the vote.
pub(crate) fn notice(
    p: &Pipeline,
    index: usize,
    opens_on: NaiveDate,
    closes_on: NaiveDate,
    objections: &[Objection],
    on: NaiveDate,
) -> Result<Vec<Unmet>> {
    let cite = &p.rules(on)?.articles.notice;
    let report = evaluate(p, index, opens_on, closes_on, objections, on)?;
    let mut unmet = Vec::new();
    for f in report.findings {
        // The disclosure rule's codes, said again under the 细则 (the vote went ahead on them).
        let (code, fix) = match f.code.parse::<Code>() {
            Ok(Code::NoticeWindowTooShort) => (
                Code::NoticeWindowTooShort,
                Fix::NoticeAgain(report.required_working_days),
            ),
            Ok(Code::ObjectionUpheld) => (Code::NoticeObjectionUpheld, Fix::ObjectionUpheld),
            Ok(Code::ObjectionPending) => (Code::NoticeObjectionPending, Fix::ObjectionPending),
            _ => {
                unmet.push(Unmet {
                    fix: None,
                    finding: f,
                });
                continue;
            }
        };
        let mut g = Finding::new(
            code.as_str(),
            Severity::Violation,
            f.message_zh,
            f.message_en,
            Some(cite.clone()),
        );
        g.also_cited = f.citation.into_iter().chain(f.also_cited).collect();
        unmet.push(Unmet::new(fix, g));
    }
    if on <= closes_on {
        unmet.push(Unmet::new(
            Fix::NoticeOpen(closes_on),
            violation(
                "NOTICE_NOT_CLOSED",
                format!("公示期至 {closes_on} 结束，支部大会却在 {on} 表决"),
                format!(
                    "the branch voted on {on}, before the notice closed (last day {closes_on})"
                ),
                cite,
            ),
        ));
    }
    Ok(unmet)
}

pub(crate) fn evaluate(
    p: &Pipeline,
    index: usize,
    opens_on: NaiveDate,
    closes_on: NaiveDate,
    objections: &[Objection],
    on: NaiveDate,
) -> Result<NoticeReport> {
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
pub(crate) fn local_notice(
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
        let code = match f.code.parse::<Code>() {
            Ok(Code::NoticeWindowTooShort) => Code::NoticeWindowTooShort,
            Ok(Code::ObjectionUpheld) => Code::NoticeObjectionUpheld,
            _ => continue,
        };
        let mut g = warning(
            code.as_str(),
            f.message_zh,
            f.message_en,
            &rules.articles.notice,
        );
        g.also_cited = f.citation.into_iter().chain(f.also_cited).collect();
        out.findings.push(g);
    }
    Ok(())
}
