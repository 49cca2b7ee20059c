//! Sanctions and rights: 《中国共产党纪律处分条例》(2023) 第八条 (the five sanctions) and the articles on each
//! sanction's consequences (policy `membership.discipline`); 党章 第五条、第七条 (only full members vote, elect, may
//! be elected and sponsor; the articles come from policy `membership.development`).
//!
//! - 警告: no promotion for `warning_bar_months` (12); 严重警告: `serious_warning_bar_months` (18);
//! - 撤销党内职务: no equal or higher post for `removal_bar_months` (24);
//! - 留党察看: 1 or 2 years (a 1-year term may be extended once by a year, never beyond 2); no vote, election or
//!   candidacy and no sponsoring while it lasts; then rights restored (no equal or higher post for
//!   `after_probation_bar_months`, 24) or expulsion;
//! - 开除党籍: no readmission for `readmission_bar_years` (5).
//!
//! Period convention: every bar runs from the decision day by calendar months, clamped to the month's end, and is
//! reported as `until`, the first day it no longer applies. A 警告 on 2025-03-10 bars promotion through 2026-03-09;
//! on 2026-03-10 the member is free. A decision on 29 February ends on 28 February (2024-02-29 + 12 months →
//! free from 2025-02-28). Each sanction is judged by the rules in force on the day it was decided.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::params::{DevelopmentArticles, MobilityRules};
use super::record::{MemberEvent, MemberRecord, SanctionKind};
use super::stage::Stage;
use super::status::{plus_months, stage_on};
use crate::policy::in_force;
use crate::{Citation, Finding, Policy, Result, Severity};
use walk::{citation, sanctions, PartyProbation, Sanctions};

pub(crate) use checks::review;

#[path = "discipline_review.rs"]
mod checks;
#[path = "discipline_walk.rs"]
mod walk;

/// A member's rights on a day, the restrictions in effect and why.
///
/// The four flags are what a meeting or an election needs; `reasons` explains each restriction with its article.
///
/// ```
/// use dangjian::membership::{rights_on, MemberRecord, Stage};
/// let r: MemberRecord = serde_json::from_str(r#"{"id":"M1","name":"甲","birth_date":"1990-01-01","org":"B1","events":[
///   {"kind":"imported","date":"2015-07-01","stage":"full"},
///   {"kind":"sanction","date":"2025-03-10","sanction":"warning"}]}"#).unwrap();
/// let rights = rights_on(&dangjian::Policy::bundled(), &r, "2025-06-01".parse().unwrap()).unwrap();
/// assert!(rights.may_vote && rights.may_sponsor);
/// assert_eq!((rights.stage, rights.promotion_barred_until.unwrap().to_string()), (Stage::Full, "2026-03-10".to_owned()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct Rights {
    /// May vote (表决权).
    pub may_vote: bool,
    /// May elect (选举权).
    pub may_elect: bool,
    /// May be elected (被选举权).
    pub may_be_elected: bool,
    /// May sponsor an applicant (入党介绍人).
    pub may_sponsor: bool,
    /// The stage on the day.
    #[serde(default = "no_stage")]
    pub stage: Stage,
    /// While barred from promotion or from an equal or higher post: the first day the bar no longer applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promotion_barred_until: Option<NaiveDate>,
    /// While under 留党察看: the first day after the period (decided term, extension, or earlier restoration).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probation_within_party_until: Option<NaiveDate>,
    /// After 开除党籍: the first day an application may be accepted again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub readmission_barred_until: Option<NaiveDate>,
    /// The sanctions whose consequences still apply on the day.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sanctions: Vec<SanctionEffect>,
    /// One finding per restriction, with its article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<Finding>,
}

fn no_stage() -> Stage {
    Stage::None
}

/// A sanction whose consequences still apply: its kind, the day decided, the first day none of them applies any
/// more, and the article.
///
/// ```
/// let s: dangjian::membership::SanctionEffect = serde_json::from_str(r#"{"kind":"warning","date":"2025-03-10",
///   "until":"2026-03-10","citation":{"regulation":"中国共产党纪律处分条例","article":"第十条"}}"#).unwrap();
/// assert_eq!(s.until.to_string(), "2026-03-10");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct SanctionEffect {
    /// Which sanction.
    pub kind: SanctionKind,
    /// The day decided.
    pub date: NaiveDate,
    /// The first day none of its consequences applies (for 留党察看 still running: counted from its scheduled end).
    pub until: NaiveDate,
    /// The article on its consequences.
    pub citation: Citation,
}

/// The rights of `record` on `on` (events after `on` are ignored).
///
/// Full members have every right; probationary members none of the four (党章 第七条); applicants, activists and
/// development targets none; suspended or removed members none. Under 留党察看 a full member loses the four from the
/// decision day until the period ends or rights are restored. Bars on promotion and readmission are reported with
/// the first day they no longer apply (see the module's period convention).
///
/// Errors (`Error::InvalidInput`): `INVALID_SANCTION_YEARS` at `events[i].years` (留党察看 without 1 or 2 years, or
/// years given for another sanction); `INVALID_SANCTION_EXTENSION` at `events[i]` (no open 1-year 留党察看, or a
/// second extension); `NO_PROBATION_WITHIN_PARTY` at `events[i]` (rights restored with no open 留党察看).
/// `NO_POLICY_IN_FORCE` when a sanction predates every bundled discipline rule.
///
/// ```
/// use dangjian::membership::{rights_on, MemberRecord};
/// let r: MemberRecord = serde_json::from_str(r#"{"id":"M1","name":"甲","birth_date":"1990-01-01","org":"B1","events":[
///   {"kind":"imported","date":"2015-07-01","stage":"full"},
///   {"kind":"sanction","date":"2025-03-10","sanction":"probation_within_party","years":1}]}"#).unwrap();
/// let p = dangjian::Policy::bundled();
/// let during = rights_on(&p, &r, "2026-03-09".parse().unwrap()).unwrap();
/// assert!(!during.may_vote && !during.may_sponsor);
/// assert_eq!(during.probation_within_party_until.unwrap().to_string(), "2026-03-10");
/// assert!(rights_on(&p, &r, "2026-03-10".parse().unwrap()).unwrap().may_vote);
/// ```
pub fn rights_on(policy: &Policy, record: &MemberRecord, on: NaiveDate) -> Result<Rights> {
    rights_in(policy, record, on, stage_on(policy, record, on)?)
}

/// [`rights_on`] for a caller that has the stage on `on` already (a check derives it from the history it
/// reports: the stage history is not built twice).
pub(crate) fn rights_in(
    policy: &Policy,
    record: &MemberRecord,
    on: NaiveDate,
    stage: Stage,
) -> Result<Rights> {
    let all = sanctions(policy, record, on)?;
    let member = matches!(stage, Stage::Full | Stage::Probationary);
    let full = stage == Stage::Full;
    let mut rights = Rights {
        may_vote: full,
        may_elect: full,
        may_be_elected: full,
        may_sponsor: full,
        stage,
        promotion_barred_until: None,
        probation_within_party_until: None,
        readmission_barred_until: None,
        sanctions: Vec::new(),
        reasons: Vec::new(),
    };
    if let Some(reason) = stage_reason(policy, record, &all, stage, on) {
        rights.reasons.push(reason);
    }
    for p in all.probations.iter().filter(|p| p.in_effect(on)) {
        rights.may_vote = false;
        rights.may_elect = false;
        rights.may_be_elected = false;
        rights.may_sponsor = false;
        let until = p.until();
        rights.probation_within_party_until = Some(until);
        let last = until.pred_opt().unwrap_or(until);
        let mut f = Finding::new(
            "RIGHTS_PROBATION_WITHIN_PARTY",
            Severity::Info,
            format!("{} 起留党察看（至 {last}）：察看期间没有表决权、选举权和被选举权，不能作入党介绍人", p.date),
            format!("under 留党察看 from {} through {last}: no vote, no right to elect or be elected, may not sponsor", p.date),
            Some(p.rules.probation_article.clone()),
        );
        if let Some(a) = development_articles(policy, on) {
            f = f.also(a.sponsors);
        }
        rights.reasons.push(f);
    }
    for effect in effects(&all, on) {
        let text = describe(&effect);
        if effect.kind == SanctionKind::Expulsion {
            rights.readmission_barred_until = max(rights.readmission_barred_until, effect.until);
        } else if member {
            rights.promotion_barred_until = max(rights.promotion_barred_until, effect.until);
        }
        if effect.kind == SanctionKind::Expulsion || member {
            rights.reasons.push(Finding::new(
                if effect.kind == SanctionKind::Expulsion {
                    "READMISSION_BAR"
                } else {
                    "PROMOTION_BARRED"
                },
                Severity::Info,
                text.0,
                text.1,
                Some(effect.citation.clone()),
            ));
        }
        rights.sanctions.push(effect);
    }
    Ok(rights)
}

fn max(a: Option<NaiveDate>, b: NaiveDate) -> Option<NaiveDate> {
    Some(a.map_or(b, |a| a.max(b)))
}

fn development_articles(policy: &Policy, on: NaiveDate) -> Option<DevelopmentArticles> {
    // A reason's article only; a day before every bundled 细则 leaves the reason without one rather than failing.
    in_force(&policy.membership.development, on, "membership.development")
        .ok()
        .map(|d| d.value.articles.clone())
}

fn mobility_rules(policy: &Policy, on: NaiveDate) -> Option<&MobilityRules> {
    in_force(&policy.membership.mobility, on, "membership.mobility")
        .ok()
        .map(|d| &d.value)
}

/// Why the stage itself limits the rights (none for a full member).
fn stage_reason(
    policy: &Policy,
    record: &MemberRecord,
    all: &Sanctions,
    stage: Stage,
    on: NaiveDate,
) -> Option<Finding> {
    let (code, zh, en, citation) = match stage {
        Stage::Full => return None,
        Stage::Probationary => {
            let a = development_articles(policy, on);
            let f = Finding::new(
                "RIGHTS_PROBATIONARY",
                Severity::Info,
                "预备党员没有表决权、选举权和被选举权，不能作入党介绍人（入党介绍人须为正式党员）",
                "a probationary member has no vote and no right to elect or be elected, and may not sponsor (sponsors are full members)",
                a.as_ref().map(|a| a.probation.clone()),
            );
            return Some(match a {
                Some(a) => f.also(a.sponsors),
                None => f,
            });
        }
        Stage::Suspended => (
            "RIGHTS_SUSPENDED",
            "停止党籍期间不享有党员权利",
            "membership is suspended: no member's rights",
            mobility_rules(policy, on).map(|m| m.lost_contact_article.clone()),
        ),
        Stage::Removed => {
            let expelled = all
                .expulsions()
                .last()
                .map(|d| d.rules.expulsion_article.clone());
            let left = record
                .events
                .iter()
                .take_while(|e| e.date() <= on)
                .any(|e| {
                    matches!(
                        e,
                        MemberEvent::Removed {
                            how: super::RemovalKind::LeftOfOwnAccord,
                            ..
                        }
                    )
                });
            let cite = expelled.or_else(|| {
                left.then(|| mobility_rules(policy, on).map(|m| m.lapse_article.clone()))
                    .flatten()
            });
            (
                "RIGHTS_REMOVED",
                "已不是党员，不享有党员权利",
                "no longer a member: no member's rights",
                cite,
            )
        }
        Stage::None | Stage::Applicant | Stage::Activist | Stage::DevelopmentTarget => (
            "RIGHTS_NOT_A_MEMBER",
            "尚未入党，不享有党员权利",
            "not yet a member: no member's rights",
            None,
        ),
    };
    Some(Finding::new(code, Severity::Info, zh, en, citation))
}

/// Every sanction whose consequences still apply on `on`.
fn effects(all: &Sanctions, on: NaiveDate) -> Vec<SanctionEffect> {
    let mut out: Vec<SanctionEffect> = all
        .decided
        .iter()
        .map(|d| {
            let months = match d.kind {
                SanctionKind::Warning => d.rules.warning_bar_months,
                SanctionKind::SeriousWarning => d.rules.serious_warning_bar_months,
                SanctionKind::RemovalFromPost => d.rules.removal_bar_months,
                SanctionKind::ProbationWithinParty | SanctionKind::Expulsion => {
                    d.rules.readmission_bar_years.saturating_mul(12)
                }
            };
            SanctionEffect {
                kind: d.kind,
                date: d.date,
                until: plus_months(d.date, months),
                citation: citation(d.kind, &d.rules),
            }
        })
        .chain(all.probations.iter().filter_map(probation_effect))
        .filter(|e| e.date <= on && on < e.until)
        .collect();
    out.sort_by_key(|e| (e.date, e.kind));
    out
}

/// A 留党察看's consequences end `after_probation_bar_months` after rights come back: the recorded restoration, or
/// — while none is recorded — the end of the period (provisional while the period runs). Ended by expulsion or
/// removal, it leaves no post bar (readmission is the expulsion's bar).
fn probation_effect(p: &PartyProbation) -> Option<SanctionEffect> {
    if p.ended.is_some() {
        return None;
    }
    let back = p.restored.unwrap_or(p.scheduled_end);
    Some(SanctionEffect {
        kind: SanctionKind::ProbationWithinParty,
        date: p.date,
        until: plus_months(back, p.rules.after_probation_bar_months),
        citation: p.rules.probation_article.clone(),
    })
}

fn describe(e: &SanctionEffect) -> (String, String) {
    let (date, until) = (e.date, e.until);
    let last = until.pred_opt().unwrap_or(until);
    match e.kind {
        SanctionKind::Warning | SanctionKind::SeriousWarning => {
            let (zh, en) = if e.kind == SanctionKind::Warning { ("警告", "a warning") } else { ("严重警告", "a serious warning") };
            (
                format!("{date} 受{zh}处分：{last} 前（含）不得在党内提升职务，不得向党外组织推荐担任高于其原任职务的党外职务"),
                format!("{en} on {date}: no promotion in the Party and no recommendation to a higher post outside it through {last}"),
            )
        }
        SanctionKind::RemovalFromPost => (
            format!("{date} 受撤销党内职务处分：{last} 前（含）不得在党内担任与其原任职务相当或者高于其原任职务的职务"),
            format!("removal from post on {date}: no equal or higher post in the Party through {last}"),
        ),
        SanctionKind::ProbationWithinParty => (
            format!("{date} 受留党察看处分：恢复党员权利后的规定期限内不得担任与原任职务相当或者高于其原任职务的职务；按现有记录（尚未恢复的按期满日计）至 {last}（含）"),
            format!("留党察看 on {date}: no equal or higher post for the bar period after rights are restored; on the record so far (counted from the end of the period while rights are not yet restored), through {last}"),
        ),
        SanctionKind::Expulsion => (
            format!("{date} 被开除党籍：{last} 前（含）不得重新入党"),
            format!("expelled on {date}: may not be readmitted through {last}"),
        ),
    }
}

#[cfg(test)]
#[path = "discipline_tests.rs"]
mod tests;
