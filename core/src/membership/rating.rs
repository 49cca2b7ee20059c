//! 民主评议党员 (党员教育管理工作条例 2019; the article is `review_article` of the life rules in force on the round's
//! day): once a year each member is rated 优秀 / 合格 / 基本合格 / 不合格. Probationary members take part but are
//! not graded; 优秀 is at most `excellent_quota` (1/3) of those graded (9 graded: 3 may be excellent, not 4;
//! 10 graded: 3, not 4, since 4 × 3 = 12 > 10); every full member of the organization should be in the round.
#![deny(clippy::arithmetic_side_effects)]

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::params::LifeRules;
use super::record::MemberRecord;
use super::standing::{standings, within, Standing};
use crate::disclosure::OrgTree;
use crate::policy::in_force;
use crate::{Error, Finding, Policy, Result, Severity};

/// A rating.
///
/// ```
/// assert_eq!(serde_json::to_string(&dangjian::membership::ReviewRating::Excellent).unwrap(), "\"excellent\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ReviewRating {
    /// 优秀.
    Excellent,
    /// 合格.
    Qualified,
    /// 基本合格.
    BasicallyQualified,
    /// 不合格.
    Unqualified,
}

/// One member's part in a round: the rating, or none (a probationary member takes part ungraded).
///
/// ```
/// let r: dangjian::membership::MemberRating = serde_json::from_str(r#"{"member":"M1"}"#).unwrap();
/// assert!(r.rating.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct MemberRating {
    /// The member's id.
    pub member: String,
    /// The rating; absent when not graded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub rating: Option<ReviewRating>,
}

/// One 民主评议 round of an organization.
///
/// ```
/// let r: dangjian::membership::ReviewRound = serde_json::from_str(r#"{"org":"B1","year":2025,"date":"2026-01-20",
///   "ratings":[{"member":"M1","rating":"qualified"}]}"#).unwrap();
/// assert_eq!(r.year, 2025);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct ReviewRound {
    /// The organization (a branch; its groups' members belong to it).
    pub org: String,
    /// The year reviewed.
    pub year: i32,
    /// The day of the rating.
    pub date: NaiveDate,
    /// The members taking part.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub ratings: Vec<MemberRating>,
}

/// Members per tier.
///
/// ```
/// assert_eq!(dangjian::membership::RatingCounts::default().excellent, 0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct RatingCounts {
    /// 优秀.
    pub excellent: u32,
    /// 合格.
    pub qualified: u32,
    /// 基本合格.
    pub basically_qualified: u32,
    /// 不合格.
    pub unqualified: u32,
    /// Taking part without a grade (probationary members).
    pub not_graded: u32,
}

/// What a round comes to.
///
/// ```
/// let r = dangjian::membership::RatingReport::default();
/// assert_eq!(r.graded, 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct RatingReport {
    /// The organization.
    pub org: String,
    /// The year reviewed.
    pub year: i32,
    /// The day of the rating.
    pub date: NaiveDate,
    /// Members per tier (grades given to probationary members are not counted in the tiers).
    pub counts: RatingCounts,
    /// Full members graded.
    pub graded: u32,
    /// The most 优秀 the quota allows among those graded.
    pub excellent_max: u32,
    /// `PROBATIONARY_GRADED`, `EXCELLENT_QUOTA_EXCEEDED`, `MEMBER_NOT_GRADED`, `MEMBER_NOT_RATED`.
    pub findings: Vec<Finding>,
}

/// Checks a round of ratings against the members of the organization on the round's day. Input errors:
/// `UNKNOWN_ORG` (`org`); `UNKNOWN_MEMBER` (`ratings[i].member`) for someone who is not a full or probationary
/// member of the organization (or of one of its groups) on the day; `DUPLICATE_MEMBER` for a member rated twice.
///
/// ```
/// use dangjian::membership::{rate_review, MemberRecord, ReviewRound};
/// let tree = serde_json::from_str(r#"[{"id":"B1","kind":"branch"}]"#).unwrap();
/// let m: MemberRecord = serde_json::from_str(r#"{"id":"M1","name":"甲","birth_date":"1980-01-01","org":"B1",
///   "events":[{"kind":"imported","date":"2010-07-01","stage":"full"}]}"#).unwrap();
/// let round: ReviewRound = serde_json::from_str(r#"{"org":"B1","year":2025,"date":"2026-01-20",
///   "ratings":[{"member":"M1","rating":"excellent"}]}"#).unwrap();
/// let r = rate_review(&dangjian::Policy::bundled(), &tree, &[m], &round).unwrap();
/// assert_eq!((r.graded, r.excellent_max), (1, 0)); // 1 × 1/3 rounds down to 0
/// assert_eq!(r.findings[0].code, "EXCELLENT_QUOTA_EXCEEDED");
/// ```
pub fn rate_review(
    policy: &Policy,
    orgs: &OrgTree,
    records: &[MemberRecord],
    round: &ReviewRound,
) -> Result<RatingReport> {
    orgs.require(&round.org, "org")?;
    let standings = standings(policy, records, round.date)?;
    rate(policy, orgs, &standings, round)
}

/// [`rate_review`] over standings already derived for the round's day.
pub(crate) fn rate(
    policy: &Policy,
    orgs: &OrgTree,
    standings: &[Standing<'_>],
    round: &ReviewRound,
) -> Result<RatingReport> {
    let life = &in_force(&policy.membership.life, round.date, "membership.life")?.value;
    let cite = || Some(life.review_article.clone());
    let list: Vec<&Standing<'_>> = within(orgs, standings, &round.org).collect();
    // The first standing of an id answers, as a search from the front would.
    let members: HashMap<&str, &Standing<'_>> = list.iter().rev().map(|s| (s.id, *s)).collect();
    let mut report = RatingReport {
        org: round.org.clone(),
        year: round.year,
        date: round.date,
        ..RatingReport::default()
    };
    let mut seen = BTreeSet::new();
    let (org, date) = (&round.org, round.date);
    for (i, r) in round.ratings.iter().enumerate() {
        let Some(s) = members.get(r.member.as_str()) else {
            return Err(Error::input(
                "UNKNOWN_MEMBER",
                format!("ratings[{i}].member"),
                format!("{} 在 {date} 不是 {org} 的党员", r.member),
                format!("{} is not a member of {org} on {date}", r.member),
            ));
        };
        if !seen.insert(s.id) {
            return Err(Error::input(
                "DUPLICATE_MEMBER",
                format!("ratings[{i}].member"),
                format!("{} 被评议两次", r.member),
                format!("{} is rated twice", r.member),
            ));
        }
        grade(&mut report, s.is_full(), r, round, life);
    }
    check_quota(&mut report, round, life);
    for s in list.iter().filter(|s| s.is_full() && !seen.contains(s.id)) {
        report.findings.push(Finding::new(
            "MEMBER_NOT_RATED",
            Severity::Warning,
            format!("正式党员 {} 未参加 {org} {}年度民主评议", s.id, round.year),
            format!(
                "full member {} is not in {org}'s review of {}",
                s.id, round.year
            ),
            cite(),
        ));
    }
    Ok(report)
}

/// Counts one member's rating: a full member's grade, or a finding for a probationary member graded
/// (`PROBATIONARY_GRADED`) or a full member without a grade (`MEMBER_NOT_GRADED`).
fn grade(
    report: &mut RatingReport,
    full: bool,
    r: &MemberRating,
    round: &ReviewRound,
    life: &LifeRules,
) {
    let org = &round.org;
    let cite = || Some(life.review_article.clone());
    match (full, r.rating) {
        (false, Some(_)) => {
            report.counts.not_graded = report.counts.not_graded.saturating_add(1);
            report.findings.push(Finding::new(
                "PROBATIONARY_GRADED",
                Severity::Violation,
                format!("预备党员 {} 参加民主评议但不评定等次", r.member),
                format!(
                    "probationary member {} takes part in the review but is not graded",
                    r.member
                ),
                cite(),
            ));
        }
        (_, None) => {
            report.counts.not_graded = report.counts.not_graded.saturating_add(1);
            if full {
                report.findings.push(Finding::new(
                    "MEMBER_NOT_GRADED",
                    Severity::Warning,
                    format!(
                        "正式党员 {} 参加了 {org} 的民主评议（{}年度）但未评定等次",
                        r.member, round.year
                    ),
                    format!(
                        "full member {} took part in {org}'s review of {} without a grade",
                        r.member, round.year
                    ),
                    cite(),
                ));
            }
        }
        (true, Some(rating)) => {
            report.graded = report.graded.saturating_add(1);
            let c = &mut report.counts;
            let slot = match rating {
                ReviewRating::Excellent => &mut c.excellent,
                ReviewRating::Qualified => &mut c.qualified,
                ReviewRating::BasicallyQualified => &mut c.basically_qualified,
                ReviewRating::Unqualified => &mut c.unqualified,
            };
            *slot = slot.saturating_add(1);
        }
    }
}

/// The quota of 优秀: at most n/d of those graded (`EXCELLENT_QUOTA_EXCEEDED`), and `excellent_max`.
fn check_quota(report: &mut RatingReport, round: &ReviewRound, life: &LifeRules) {
    let org = &round.org;
    let cite = || Some(life.review_article.clone());
    let [n, d] = life.excellent_quota;
    // The largest count whose share of those graded is at most n/d, in integers (no rounding up).
    report.excellent_max = u32::try_from(
        // A u32 times a u32 fits a u64: the saturating form cannot change a result.
        u64::from(report.graded)
            .saturating_mul(u64::from(n))
            .checked_div(u64::from(d))
            .unwrap_or(0),
    )
    .unwrap_or(u32::MAX);
    let excellent = report.counts.excellent;
    if u64::from(excellent).saturating_mul(u64::from(d))
        > u64::from(report.graded).saturating_mul(u64::from(n))
    {
        report.findings.push(Finding::new(
            "EXCELLENT_QUOTA_EXCEEDED",
            Severity::Violation,
            format!("{org} {}年度民主评议评定优秀 {excellent} 名，超过评定人数 {} 的 {n}/{d}（至多 {} 名）", round.year, report.graded, report.excellent_max),
            format!("{org}'s review of {} rates {excellent} excellent, more than {n}/{d} of the {} graded (at most {})", round.year, report.graded, report.excellent_max),
            cite(),
        ));
    }
}

#[cfg(test)]
#[path = "rating_tests.rs"]
mod tests;
