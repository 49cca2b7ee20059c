//! From the application to the development target (党章 第一条 and 细则 第五条 age, 第七条 talk, 第十条 contacts, 第十二条
//! half-year reviews, 第十三条 the year as an activist and, from the 2026 revision, the higher committee's consent).
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;

use super::development_pipeline::{reaches_age, violation, warning, Pipeline};
use super::params::DevelopmentRules;
use super::record::MemberEvent;
use super::report::{NextStep, Review};
use super::stage::Stage;
use super::status::{plus_months, stage_on, vote_passes};
use crate::{Finding, Result};

pub(crate) fn review(p: &Pipeline, out: &mut Review) -> Result<()> {
    age(p, out)?;
    talk(p, out)?;
    contacts(p, out)?;
    half_year_reviews(p, out)?;
    development_target(p, out)
}

/// The stage the pipeline has reached on `on` (imports count).
fn stage(p: &Pipeline) -> Result<Stage> {
    stage_on(p.ctx.policy, p.record, p.on)
}

/// `AGE_BELOW_MINIMUM`: an application before the `min_age_years` birthday (see [`reaches_age`]).
fn age(p: &Pipeline, out: &mut Review) -> Result<()> {
    for (_, e) in &p.events {
        let MemberEvent::Application { date } = e else {
            continue;
        };
        let rules = p.rules(*date)?;
        let Some(of_age) = reaches_age(p.record.birth_date, rules.min_age_years) else {
            continue;
        };
        if *date < of_age {
            let n = rules.min_age_years;
            out.findings.push(violation(
                "AGE_BELOW_MINIMUM",
                format!("{date} 提出入党申请时未满 {n} 周岁（{of_age} 满 {n} 周岁）"),
                format!("applied on {date} before turning {n} (on {of_age})"),
                &rules.articles.age,
            ));
        }
    }
    Ok(())
}

/// `TALK_LATE` / `TALK_OVERDUE` and the next step `TALK`, for the latest application.
///
/// The month of 第七条 runs from the later of the application and the day the applicant reaches the minimum age
/// (党章 第一条, 细则 第五条: 年满十八岁): the branch cannot talk with someone who may not yet apply, so an
/// application recorded before the 18th birthday starts its month on that birthday. Until then the only next
/// step is the talk, with that birthday as its earliest day and the age article as its reason: the later
/// stages all follow the talk, so none is offered.
fn talk(p: &Pipeline, out: &mut Review) -> Result<()> {
    let Some(pos) = p
        .events
        .iter()
        .rposition(|(_, e)| matches!(e, MemberEvent::Application { .. }))
    else {
        return Ok(());
    };
    let Some((_, application)) = p.events.get(pos) else {
        return Ok(());
    };
    let window = TalkWindow::new(p, application.date())?;
    let talk = p
        .after(pos)
        .find(|(_, e)| matches!(e, MemberEvent::Talk { .. }))
        .map(|(_, e)| e.date());
    match talk {
        Some(t) if t > window.due => out.findings.push(window.late(t)),
        Some(_) => {}
        None => {
            if p.on > window.due {
                out.findings.push(window.overdue(p.on));
            }
            if stage(p)? == Stage::Applicant {
                out.next_steps.push(window.next_step(p.on));
            }
        }
    }
    Ok(())
}

/// The month of 第七条 for one application: from the later of the application and the minimum-age birthday.
struct TalkWindow<'a> {
    rules: &'a DevelopmentRules,
    /// The day the applicant reaches the minimum age, when known.
    of_age: Option<NaiveDate>,
    /// The last day of the month.
    due: NaiveDate,
    /// How the start of the month is said: the application, or the birthday when it came later.
    since_zh: String,
    since_en: String,
}

impl<'a> TalkWindow<'a> {
    fn new(p: &Pipeline<'a>, applied: NaiveDate) -> Result<Self> {
        let rules = p.rules(applied)?;
        let of_age = reaches_age(p.record.birth_date, rules.min_age_years);
        let from = of_age.map_or(applied, |a| a.max(applied));
        let (since_zh, since_en) = if from > applied {
            (
                format!(
                    "{applied} 提出申请、{from} 年满 {} 周岁",
                    rules.min_age_years
                ),
                format!("applied {applied}, of age on {from}"),
            )
        } else {
            (format!("{applied} 提出申请"), format!("applied {applied}"))
        };
        Ok(Self {
            rules,
            of_age,
            due: plus_months(from, rules.talk_within_months),
            since_zh,
            since_en,
        })
    }

    /// `TALK_LATE`: the talk held on `t`, after the month.
    fn late(&self, t: NaiveDate) -> Finding {
        let (since_zh, since_en, due) = (&self.since_zh, &self.since_en, self.due);
        let n = self.rules.talk_within_months;
        violation(
            "TALK_LATE",
            format!("{since_zh}，{t} 才谈话，超过 {n} 个月（应不晚于 {due}）"),
            format!("{since_en}, talked {t}: later than {n} month(s) (due by {due})"),
            &self.rules.articles.talk,
        )
    }

    /// `TALK_OVERDUE`: no talk by `on`, past the month.
    fn overdue(&self, on: NaiveDate) -> Finding {
        let (since_zh, since_en, due) = (&self.since_zh, &self.since_en, self.due);
        violation(
            "TALK_OVERDUE",
            format!("{since_zh}，至 {on} 仍未谈话（应不晚于 {due}）"),
            format!("{since_en}, no talk by {on} (due by {due})"),
            &self.rules.articles.talk,
        )
    }

    /// The next step `TALK`: from the birthday while the applicant is under age on `on`, by the month's end.
    fn next_step(&self, on: NaiveDate) -> NextStep {
        let (rules, due) = (self.rules, self.due);
        match self.of_age.filter(|a| on < *a) {
            Some(a) => {
                let m = rules.min_age_years;
                NextStep::new(
                    "TALK",
                    format!("年满{m}周岁后（{a}）方可谈话，不晚于 {due}"),
                    format!("the talk only once the applicant is {m} ({a}), by {due}"),
                    Some(a),
                    Some(due),
                    Some(rules.articles.age.clone()),
                )
            }
            None => NextStep::new(
                "TALK",
                format!("党组织派人与申请人谈话，不晚于 {due}"),
                format!("talk with the applicant by {due}"),
                None,
                Some(due),
                Some(rules.articles.talk.clone()),
            ),
        }
    }
}

/// `TOO_MANY_CONTACTS`, `CONTACT_NOT_FULL_MEMBER`, `CONTACT_NOT_IN_ROSTER`.
fn contacts(p: &Pipeline, out: &mut Review) -> Result<()> {
    for (_, e) in &p.events {
        let MemberEvent::Contacts { date, contacts } = e else {
            continue;
        };
        let rules = p.rules(*date)?;
        let cite = &rules.articles.contacts;
        let max = rules.max_contacts;
        if u32::try_from(contacts.len()).unwrap_or(u32::MAX) > max {
            out.findings.push(violation(
                "TOO_MANY_CONTACTS",
                format!(
                    "{date} 指定了 {} 名培养联系人，最多 {max} 名",
                    contacts.len()
                ),
                format!(
                    "{} contacts assigned on {date}; at most {max}",
                    contacts.len()
                ),
                cite,
            ));
        }
        for id in contacts {
            match p.ctx.member(id) {
                None => out.findings.push(warning(
                    "CONTACT_NOT_IN_ROSTER",
                    format!("培养联系人 {id} 不在党员名册中，无法核实是否为正式党员"),
                    format!("contact {id} is not in the roster: cannot verify full membership"),
                    cite,
                )),
                Some(m) => {
                    let s = stage_on(p.ctx.policy, m, *date)?;
                    if s != Stage::Full {
                        out.findings.push(violation(
                            "CONTACT_NOT_FULL_MEMBER",
                            format!("培养联系人 {id} 在 {date} 不是正式党员"),
                            format!("contact {id} was not a full member on {date}"),
                            cite,
                        ));
                    }
                }
            }
        }
    }
    Ok(())
}

/// `REVIEW_OVERDUE` and the next step `HALF_YEAR_REVIEW`: from the activist decision to the passed vote, no gap
/// longer than `review_every_months` between the decision and a review or between two reviews.
fn half_year_reviews(p: &Pipeline, out: &mut Review) -> Result<()> {
    let Some(start) = p
        .events
        .iter()
        .position(|(_, e)| matches!(e, MemberEvent::Activist { .. }))
    else {
        return Ok(());
    };
    let mut anchor = p.events.get(start).map_or(p.on, |(_, e)| e.date());
    for (_, e) in p.after(start) {
        let date = e.date();
        let rules = p.rules(anchor)?;
        let due = plus_months(anchor, rules.review_every_months);
        let n = rules.review_every_months;
        let ends = match e {
            MemberEvent::HalfYearReview { .. } => false,
            MemberEvent::BranchVote { vote, .. } if vote_passes(vote) => true,
            MemberEvent::ProbationCancelled { .. } | MemberEvent::Removed { .. } => return Ok(()),
            _ => continue,
        };
        if date > due {
            out.findings.push(warning(
                "REVIEW_OVERDUE",
                format!("自 {anchor} 至 {date} 超过 {n} 个月未进行考察（应不晚于 {due}）"),
                format!("no review from {anchor} to {date}: more than {n} months (due by {due})"),
                &rules.articles.review,
            ));
        }
        if ends {
            return Ok(());
        }
        anchor = date;
    }
    let stage = stage(p)?;
    if !matches!(stage, Stage::Activist | Stage::DevelopmentTarget) {
        return Ok(());
    }
    let rules = p.rules(anchor)?;
    let due = plus_months(anchor, rules.review_every_months);
    let n = rules.review_every_months;
    if p.on > due {
        out.findings.push(warning(
            "REVIEW_OVERDUE",
            format!("自 {anchor} 起超过 {n} 个月未进行考察（应不晚于 {due}）"),
            format!("no review since {anchor}: more than {n} months (due by {due})"),
            &rules.articles.review,
        ));
    }
    out.next_steps.push(NextStep::new(
        "HALF_YEAR_REVIEW",
        format!("对入党积极分子进行半年考察，不晚于 {due}"),
        format!("half-year review of the activist by {due}"),
        None,
        Some(due),
        Some(rules.articles.review.clone()),
    ));
    Ok(())
}

/// `ACTIVIST_PERIOD_TOO_SHORT`, `HIGHER_CONSENT_MISSING` and the next step `BECOME_DEVELOPMENT_TARGET`.
fn development_target(p: &Pipeline, out: &mut Review) -> Result<()> {
    let mut activist: Option<NaiveDate> = None;
    for (_, e) in &p.events {
        match e {
            MemberEvent::Activist { date, .. } => activist = Some(*date),
            MemberEvent::DevelopmentTarget {
                date,
                higher_approval_on,
            } => {
                if let Some(a) = activist {
                    let rules = p.rules(a)?;
                    let earliest = plus_months(a, rules.activist_min_months);
                    if *date < earliest {
                        let n = rules.activist_min_months;
                        out.findings.push(violation(
                            "ACTIVIST_PERIOD_TOO_SHORT",
                            format!(
                                "{a} 确定为入党积极分子，{date} 即确定为发展对象，不满 {n} 个月（最早 {earliest}）"
                            ),
                            format!(
                                "activist from {a}, development target on {date}: less than {n} months (earliest {earliest})"
                            ),
                            &rules.articles.activist_period,
                        ));
                    }
                }
                let rules = p.rules(*date)?;
                if rules.target_needs_higher_consent && higher_approval_on.is_none() {
                    out.findings.push(violation(
                        "HIGHER_CONSENT_MISSING",
                        format!("{date} 确定发展对象，未记录上级党委同意的日期"),
                        format!(
                            "development target decided on {date} without the higher committee's consent on record"
                        ),
                        &rules.articles.activist_period,
                    ));
                }
            }
            _ => {}
        }
    }
    if let Some(a) = activist {
        if stage(p)? == Stage::Activist {
            let rules = p.rules(a)?;
            let earliest = plus_months(a, rules.activist_min_months);
            out.next_steps.push(NextStep::new(
                "BECOME_DEVELOPMENT_TARGET",
                format!("经过一年以上培养教育和考察，最早 {earliest} 可确定为发展对象"),
                format!(
                    "may become a development target from {earliest}, after a year as an activist"
                ),
                Some(earliest),
                None,
                Some(rules.articles.activist_period.clone()),
            ));
        }
    }
    Ok(())
}
