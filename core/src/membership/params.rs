//! The membership parameters: each area a timeline of dated values, so a step is judged by the rules in force on
//! the day it happened (the 2014 细则 before the May-2026 revision, the revision after). Numbers the regulations
//! fix carry their article; numbers the digest marks UNCONFIRMED carry a note saying so.
#![deny(clippy::arithmetic_side_effects)]

use serde::{Deserialize, Serialize};

use crate::dated::{check_timeline, overlay, Dated};
use crate::disclosure::Frequency;
use crate::{Citation, Error, Result};

/// The articles behind each development rule (they move between the 2014 细则 and its revision).
///
/// ```
/// let p = dangjian::Policy::bundled();
/// assert_eq!(p.membership.development[0].value.articles.activist_period.article, "第十三条");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DevelopmentArticles {
    /// Minimum age.
    pub age: Citation,
    /// The talk after the application.
    pub talk: Citation,
    /// Activists: recommendation, decision, filing.
    pub activist: Citation,
    /// 培养联系人.
    pub contacts: Citation,
    /// Half-year reviews.
    pub review: Citation,
    /// The year as an activist before becoming a development target.
    pub activist_period: Citation,
    /// Two full members as sponsors.
    pub sponsors: Citation,
    /// Political review.
    pub political_review: Citation,
    /// Centralized training.
    pub training: Citation,
    /// The branch committee's review and the public notice.
    pub notice: Citation,
    /// Pre-review by the committee with approval power.
    pub pre_review: Citation,
    /// Quorum and majority of the branch meeting.
    pub vote: Citation,
    /// The interview before approval.
    pub interview: Citation,
    /// Approval within 3 (at most 6) months.
    pub approval: Citation,
    /// The oath.
    pub oath: Citation,
    /// Probation, its extension and cancellation.
    pub probation: Citation,
    /// Conversion and party age.
    pub conversion: Citation,
}

/// The development pipeline's numbers (发展党员工作细则, 党章 第一条、第五条至第七条).
///
/// ```
/// let d = &dangjian::Policy::bundled().membership.development[0].value;
/// assert_eq!((d.min_age_years, d.activist_min_months, d.probation_months), (18, 12, 12));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DevelopmentRules {
    /// Minimum age on the day of the application.
    pub min_age_years: u32,
    /// The branch talks with the applicant within this many months of the application.
    pub talk_within_months: u32,
    /// At most this many 培养联系人.
    pub max_contacts: u32,
    /// Activists are reviewed at least every this many months.
    pub review_every_months: u32,
    /// Months as an activist before becoming a development target.
    pub activist_min_months: u32,
    /// Whether the higher committee must agree to the development target (2026 revision, UNCONFIRMED) rather than
    /// only have it filed.
    pub target_needs_higher_consent: bool,
    /// Number of sponsors, all full members.
    pub sponsors: u32,
    /// Minimum days of centralized training…
    pub training_min_days: u32,
    /// … or minimum class hours.
    pub training_min_class_hours: u32,
    /// Whether the admission vote must be a secret ballot (2026 revision, UNCONFIRMED).
    pub secret_ballot: bool,
    /// The higher committee approves within this many months of the vote…
    pub approval_within_months: u32,
    /// … or, with a recorded reason, within this many.
    pub approval_max_months: u32,
    /// Probation, in months from the vote.
    pub probation_months: u32,
    /// An extension is at least this many months…
    pub extension_min_months: u32,
    /// … and at most this many; once only.
    pub extension_max_months: u32,
    /// The oath within this many months of approval, when the rules say so (2026 revision, UNCONFIRMED).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oath_within_months: Option<u32>,
    /// The articles.
    pub articles: DevelopmentArticles,
}

/// Structure, terms and elections (支部工作条例 2018, 基层组织选举工作条例 2020, 党章 第三十条).
///
/// ```
/// let o = &dangjian::Policy::bundled().membership.organization[0].value;
/// assert_eq!((o.branch_min_full_members, o.committee_from_full_members, o.branch_max_members), (3, 7, 50));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganizationRules {
    /// A branch needs at least this many full members.
    pub branch_min_full_members: u32,
    /// From this many full members a branch has a committee (below: a secretary).
    pub committee_from_full_members: u32,
    /// A branch committee has at least…
    pub committee_min_size: u32,
    /// … and generally at most this many members.
    pub committee_max_size: u32,
    /// A branch generally has at most this many members.
    pub branch_max_members: u32,
    /// A general branch has from…
    pub general_branch_min_members: u32,
    /// … to this many members.
    pub general_branch_max_members: u32,
    /// A 基层党委 has at least this many members (fewer with approval).
    pub committee_org_min_members: u32,
    /// A joint branch covers at most this many units.
    pub joint_branch_max_units: u32,
    /// Term of a 基层党委, years.
    pub committee_term_years: u32,
    /// Term of a general branch or branch committee, years.
    pub branch_term_years: u32,
    /// An election may be advanced or postponed by at most this many months.
    pub term_shift_max_months: u32,
    /// An election is valid when voters present are more than this fraction of those entitled (numerator/denominator).
    pub election_quorum: [u32; 2],
    /// Articles: structure.
    pub structure_article: Citation,
    /// Articles: terms.
    pub term_article: Citation,
    /// Articles: elections.
    pub election_article: Citation,
}

/// One obligation of organizational life (三会一课 and the rest).
///
/// ```
/// let l = &dangjian::Policy::bundled().membership.life[0].value;
/// assert!(l.meetings.iter().any(|m| m.meeting == dangjian::membership::MeetingKind::BranchCommittee));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingRule {
    /// Which meeting.
    pub meeting: MeetingKind,
    /// How often, at least once per period.
    pub frequency: Frequency,
    /// The article.
    pub citation: Citation,
}

/// The kinds of meeting recorded.
///
/// ```
/// assert_eq!(serde_json::to_string(&dangjian::membership::MeetingKind::PartyLecture).unwrap(), "\"party_lecture\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MeetingKind {
    /// 支部党员大会.
    GeneralMeeting,
    /// 支部委员会会议.
    BranchCommittee,
    /// 党小组会.
    GroupMeeting,
    /// 党课.
    PartyLecture,
    /// 主题党日.
    ThemeDay,
    /// 组织生活会.
    LifeMeeting,
    /// 民主评议党员.
    DemocraticReview,
}

/// Organizational life (支部工作条例 2018 第十七条–第二十条, 党员教育管理工作条例 2019).
///
/// ```
/// let l = &dangjian::Policy::bundled().membership.life[0].value;
/// assert_eq!((l.excellent_quota, l.training_hours_per_year), ([1, 3], 32));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LifeRules {
    /// The meetings owed per period.
    pub meetings: Vec<MeetingRule>,
    /// 优秀 in a 民主评议 at most this fraction of those rated (numerator/denominator).
    pub excellent_quota: [u32; 2],
    /// The rating article.
    pub review_article: Citation,
    /// A member's training hours per year.
    pub training_hours_per_year: u32,
}

/// Discipline (纪律处分条例 第八条 and the articles after it).
///
/// ```
/// let d = &dangjian::Policy::bundled().membership.discipline[0].value;
/// assert_eq!((d.warning_bar_months, d.serious_warning_bar_months, d.readmission_bar_years), (12, 18, 5));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisciplineRules {
    /// No promotion for this many months after 警告.
    pub warning_bar_months: u32,
    /// … after 严重警告.
    pub serious_warning_bar_months: u32,
    /// No equal or higher post for this many months after 撤销党内职务.
    pub removal_bar_months: u32,
    /// 留党察看 lasts 1 or 2 years; a 1-year term may be extended by 1; never beyond this many years.
    pub probation_max_years: u32,
    /// No equal or higher post for this many months after rights are restored from 留党察看.
    pub after_probation_bar_months: u32,
    /// No readmission for this many years after 开除党籍.
    pub readmission_bar_years: u32,
    /// The sanctions.
    pub sanctions_article: Citation,
    /// Warning and serious warning.
    pub warning_article: Citation,
    /// Removal from post.
    pub removal_article: Citation,
    /// 留党察看.
    pub probation_article: Citation,
    /// 开除党籍.
    pub expulsion_article: Citation,
}

/// Lapse, lost contact and transfers (党章 第九条, 党员教育管理工作条例 2019).
///
/// ```
/// let m = &dangjian::Policy::bundled().membership.mobility[0].value;
/// assert_eq!((m.lapse_months, m.lost_contact_months, m.removal_after_suspension_months), (6, 6, 24));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MobilityRules {
    /// Consecutive months without organizational life, dues or assigned work before 自行脱党 is considered.
    pub lapse_months: u32,
    /// Months of lost contact before 停止党籍.
    pub lost_contact_months: u32,
    /// Months after suspension, still unreachable, before removal.
    pub removal_after_suspension_months: u32,
    /// Months away without a transfer before the member counts as mobile (流动党员).
    pub mobile_after_months: u32,
    /// A graduate's relationship stays with the school at most this many months.
    pub graduate_keep_months: u32,
    /// Validity of an introduction letter within the same city, days (UNCONFIRMED local practice).
    pub letter_valid_days_same_city: u32,
    /// … to another city, days (UNCONFIRMED local practice).
    pub letter_valid_days_other: u32,
    /// A probationary member transferred in during probation may have conversion postponed by at most this many
    /// months (发展党员工作细则). Absent in a policy document: 6.
    #[serde(default = "six")]
    pub transferred_probation_postpone_months: u32,
    /// Lapse.
    pub lapse_article: Citation,
    /// Lost contact.
    pub lost_contact_article: Citation,
    /// Transfers.
    pub transfer_article: Citation,
    /// Mobile members.
    pub mobile_article: Citation,
}

fn six() -> u32 {
    6
}

/// Every membership parameter.
///
/// ```
/// let p = dangjian::Policy::bundled().membership;
/// assert!(p.validate().is_ok());
/// assert_eq!(p.development.len(), 2); // the 2014 细则 and the 2026 revision
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MembershipPolicy {
    /// The development pipeline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub development: Vec<Dated<DevelopmentRules>>,
    /// Structure, terms, elections.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organization: Vec<Dated<OrganizationRules>>,
    /// Organizational life and ratings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub life: Vec<Dated<LifeRules>>,
    /// Discipline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub discipline: Vec<Dated<DisciplineRules>>,
    /// Lapse, lost contact, transfers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mobility: Vec<Dated<MobilityRules>>,
}

impl MembershipPolicy {
    /// Checks every timeline; paths are relative to the section (`development[1].value.extension_max_months`).
    ///
    /// ```
    /// let mut p = dangjian::Policy::bundled().membership;
    /// p.development[0].value.extension_max_months = 3;
    /// let e = p.validate().unwrap_err();
    /// assert_eq!((e.code(), e.detail().field.as_str()), ("INVALID_RANGE", "development[0].value.extension_max_months"));
    /// ```
    pub fn validate(&self) -> Result<()> {
        check_timeline(&self.development, "development", |d| {
            for (n, field) in [
                (d.min_age_years, "min_age_years"),
                (d.talk_within_months, "talk_within_months"),
                (d.max_contacts, "max_contacts"),
                (d.review_every_months, "review_every_months"),
                (d.sponsors, "sponsors"),
                (d.approval_within_months, "approval_within_months"),
                (d.probation_months, "probation_months"),
                (d.extension_min_months, "extension_min_months"),
            ] {
                positive(n, field)?;
            }
            ordered(
                d.approval_within_months,
                d.approval_max_months,
                "approval_max_months",
            )?;
            ordered(
                d.extension_min_months,
                d.extension_max_months,
                "extension_max_months",
            )
        })?;
        check_timeline(&self.organization, "organization", |o| {
            for (n, field) in [
                (o.branch_min_full_members, "branch_min_full_members"),
                (o.committee_min_size, "committee_min_size"),
                (o.joint_branch_max_units, "joint_branch_max_units"),
                (o.committee_term_years, "committee_term_years"),
                (o.branch_term_years, "branch_term_years"),
            ] {
                positive(n, field)?;
            }
            ordered(
                o.committee_min_size,
                o.committee_max_size,
                "committee_max_size",
            )?;
            ordered(
                o.general_branch_min_members,
                o.general_branch_max_members,
                "general_branch_max_members",
            )?;
            fraction(o.election_quorum, "election_quorum")
        })?;
        check_timeline(&self.life, "life", |l| {
            fraction(l.excellent_quota, "excellent_quota")?;
            for (i, m) in l.meetings.iter().enumerate() {
                if l.meetings.iter().take(i).any(|o| o.meeting == m.meeting) {
                    return Err(Error::policy(
                        "DUPLICATE_CODE",
                        format!("meetings[{i}].meeting"),
                        "同一会议类型重复列出",
                        "the meeting kind is listed twice",
                    ));
                }
            }
            Ok(())
        })?;
        check_timeline(&self.discipline, "discipline", |d| {
            positive(d.probation_max_years, "probation_max_years")
        })?;
        check_timeline(&self.mobility, "mobility", |m| {
            for (n, field) in [
                (m.lapse_months, "lapse_months"),
                (m.lost_contact_months, "lost_contact_months"),
                (m.mobile_after_months, "mobile_after_months"),
                (m.letter_valid_days_same_city, "letter_valid_days_same_city"),
                (m.letter_valid_days_other, "letter_valid_days_other"),
            ] {
                positive(n, field)?;
            }
            Ok(())
        })
    }

    pub(crate) fn overlay(&mut self, other: MembershipPolicy) {
        fn each<T: Clone>(into: &mut Vec<Dated<T>>, from: Vec<Dated<T>>) {
            for entry in from {
                overlay(into, entry);
            }
        }
        each(&mut self.development, other.development);
        each(&mut self.organization, other.organization);
        each(&mut self.life, other.life);
        each(&mut self.discipline, other.discipline);
        each(&mut self.mobility, other.mobility);
    }
}

fn positive(n: u32, field: &str) -> Result<()> {
    if n == 0 {
        return Err(Error::policy(
            "OUT_OF_RANGE",
            field,
            "不能为 0",
            "must be at least 1",
        ));
    }
    Ok(())
}

fn ordered(low: u32, high: u32, field: &str) -> Result<()> {
    if high < low {
        return Err(Error::policy(
            "INVALID_RANGE",
            field,
            format!("上限 {high} 小于下限 {low}"),
            format!("the upper bound {high} is below the lower bound {low}"),
        ));
    }
    Ok(())
}

/// A fraction `[numerator, denominator]` strictly between 0 and 1.
fn fraction(f: [u32; 2], field: &str) -> Result<()> {
    let [n, d] = f;
    if n == 0 || d == 0 || n >= d {
        return Err(Error::policy(
            "INVALID_FRACTION",
            field,
            format!("比例应在 0 与 1 之间：{n}/{d}"),
            format!("the fraction must lie between 0 and 1: {n}/{d}"),
        ));
    }
    Ok(())
}
