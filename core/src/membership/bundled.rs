//! The bundled membership defaults. Article numbers the digest confirms carry no note; the others are marked
//! UNCONFIRMED in their entry's note so a host can correct them by an override.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;

use super::params::{
    DevelopmentArticles, DevelopmentRules, DisciplineRules, LifeRules, MeetingKind, MeetingRule,
    MembershipPolicy, MobilityRules, OrganizationRules,
};
use crate::dated::Dated;
use crate::disclosure::Frequency;
use crate::Citation;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

pub(crate) const RULES_2014: &str = "中国共产党发展党员工作细则";
pub(crate) const RULES_2026: &str = "中国共产党发展党员工作细则（2026年修订）";
pub(crate) const CONSTITUTION: &str = "中国共产党章程";
const BRANCH_RULES: &str = "中国共产党支部工作条例（试行）";
const ELECTION_RULES: &str = "中国共产党基层组织选举工作条例";
const DISCIPLINE: &str = "中国共产党纪律处分条例";
const EDUCATION: &str = "中国共产党党员教育管理工作条例";

/// The same article layout in both editions of the 细则 (the revision's own numbering was not obtained).
fn articles(regulation: &'static str) -> DevelopmentArticles {
    let a = |article: &'static str| Citation::new(regulation, article);
    DevelopmentArticles {
        age: a("第五条"),
        talk: a("第七条"),
        activist: a("第八条、第九条"),
        contacts: a("第十条"),
        review: a("第十二条"),
        activist_period: a("第十三条"),
        sponsors: a("第十四条"),
        political_review: a("第十五条"),
        training: a("第十六条"),
        notice: a("第十七条"),
        pre_review: a("第十八条"),
        vote: a("第二十一条、第二十二条"),
        interview: a("第二十三条"),
        approval: a("第二十四条"),
        oath: Citation::new(CONSTITUTION, "第六条"),
        probation: Citation::new(CONSTITUTION, "第七条"),
        conversion: Citation::new(CONSTITUTION, "第七条"),
    }
}

fn development() -> Vec<Dated<DevelopmentRules>> {
    let rules_2014 = DevelopmentRules {
        min_age_years: 18,
        talk_within_months: 1,
        max_contacts: 2,
        review_every_months: 6,
        activist_min_months: 12,
        target_needs_higher_consent: false,
        sponsors: 2,
        training_min_days: 3,
        training_min_class_hours: 24,
        secret_ballot: false,
        approval_within_months: 3,
        approval_max_months: 6,
        probation_months: 12,
        extension_min_months: 6,
        extension_max_months: 12,
        oath_within_months: None,
        articles: articles(RULES_2014),
    };
    let rules_2026 = DevelopmentRules {
        target_needs_higher_consent: true,
        secret_ballot: true,
        oath_within_months: Some(1),
        articles: articles(RULES_2026),
        ..rules_2014.clone()
    };
    vec![
        Dated::new(day(2014, 6, 10), Some(day(2026, 5, 17)), Citation::new(RULES_2014, ""), rules_2014)
            .with_note(
                "Articles 5, 7 and 13 from the digest; the other article numbers of the 细则 are UNCONFIRMED. \
                 In force from its issue (2014-06-10) until the revision",
            ),
        Dated::new(day(2026, 5, 18), None, Citation::new(RULES_2026, ""), rules_2026).with_note(
            "UNCONFIRMED: the revision's primary text was not obtained; its date of effect (issue reported \
             2026-05-18), article numbers, the higher committee's consent to development targets, the secret \
             ballot and the oath within 1 month of approval follow the 中组部 Q&A as reported",
        ),
    ]
}

fn organization() -> Vec<Dated<OrganizationRules>> {
    vec![Dated::new(
        day(2018, 10, 28),
        None,
        Citation::new(BRANCH_RULES, ""),
        OrganizationRules {
            branch_min_full_members: 3,
            committee_from_full_members: 7,
            committee_min_size: 3,
            committee_max_size: 7,
            branch_max_members: 50,
            general_branch_min_members: 50,
            general_branch_max_members: 100,
            committee_org_min_members: 100,
            joint_branch_max_units: 5,
            committee_term_years: 5,
            branch_term_years: 3,
            term_shift_max_months: 12,
            election_quorum: [4, 5],
            structure_article: Citation::new(BRANCH_RULES, "第五条、第八条"),
            term_article: Citation::new(CONSTITUTION, "第三十条"),
            election_article: Citation::new(ELECTION_RULES, "第二十五条、第二十六条"),
        },
    )
    .with_note(
        "Committee size: 3–5, generally at most 7 (the upper bound used is 7). The election quorum's article \
         (4/5 of those entitled) and the article numbers other than 党章 第三十条 are UNCONFIRMED",
    )]
}

fn life() -> Vec<Dated<LifeRules>> {
    let rule = |meeting, frequency, article: &'static str| MeetingRule {
        meeting,
        frequency,
        citation: Citation::new(BRANCH_RULES, article),
    };
    vec![Dated::new(
        day(2018, 10, 28),
        None,
        Citation::new(BRANCH_RULES, "第十八条"),
        LifeRules {
            meetings: vec![
                rule(MeetingKind::GeneralMeeting, Frequency::Quarterly, "第十八条"),
                rule(MeetingKind::BranchCommittee, Frequency::Monthly, "第十八条"),
                rule(MeetingKind::GroupMeeting, Frequency::Monthly, "第十八条"),
                rule(MeetingKind::PartyLecture, Frequency::Quarterly, "第十八条"),
                rule(MeetingKind::ThemeDay, Frequency::Monthly, "第十九条"),
                rule(MeetingKind::LifeMeeting, Frequency::Annual, "第二十条"),
                rule(MeetingKind::DemocraticReview, Frequency::Annual, "第二十条"),
            ],
            excellent_quota: [1, 3],
            review_article: Citation::new(EDUCATION, "第二十二条"),
            training_hours_per_year: 32,
        },
    )
    .with_note(
        "党课 quarterly is common local practice (the national minimum is UNCONFIRMED); the article numbers \
         other than the 三会一课 article are UNCONFIRMED; the 1/3 quota for 优秀 is local practice",
    )]
}

fn discipline() -> Vec<Dated<DisciplineRules>> {
    let rules = |cite: &dyn Fn(&'static str) -> Citation| DisciplineRules {
        warning_bar_months: 12,
        serious_warning_bar_months: 18,
        removal_bar_months: 24,
        probation_max_years: 2,
        after_probation_bar_months: 24,
        readmission_bar_years: 5,
        sanctions_article: cite("第八条"),
        warning_article: cite("第十条"),
        removal_article: cite("第十一条"),
        probation_article: cite("第十二条"),
        expulsion_article: cite("第十三条"),
    };
    let edition_2023 = |article: &'static str| Citation::new(DISCIPLINE, article);
    // The earlier editions number their articles differently; their citations name the regulation only.
    let earlier =
        |_: &'static str| Citation::new("中国共产党纪律处分条例（2003年、2015年、2018年）", "");
    vec![
        // Members sanctioned before 2024 still carry their bars: the earlier editions are bundled so that a
        // record with an old sanction can be checked.
        Dated::new(day(2004, 2, 17), Some(day(2023, 12, 31)), earlier(""), rules(&earlier)).with_note(
            "UNCONFIRMED: the 2003 (in force 2004-02-17), 2015 and 2018 editions are taken to fix the same periods \
             as the 2023 edition (1 year, 18 months, 2 years, 2 years after 留党察看, 5 years)",
        ),
        Dated::new(day(2024, 1, 1), None, edition_2023(""), rules(&edition_2023)).with_note(
            "The 2023 edition (in force 2024-01-01). Article 8 from the digest; the numbers of the articles on \
             each sanction's consequences are UNCONFIRMED",
        ),
    ]
}

fn mobility() -> Vec<Dated<MobilityRules>> {
    vec![Dated::new(
        day(2019, 5, 6),
        None,
        Citation::new(EDUCATION, ""),
        MobilityRules {
            lapse_months: 6,
            lost_contact_months: 6,
            removal_after_suspension_months: 24,
            mobile_after_months: 6,
            graduate_keep_months: 24,
            letter_valid_days_same_city: 10,
            letter_valid_days_other: 30,
            transferred_probation_postpone_months: 6,
            lapse_article: Citation::new(CONSTITUTION, "第九条"),
            lost_contact_article: Citation::new(EDUCATION, "第二十四条"),
            transfer_article: Citation::new(EDUCATION, "第二十六条"),
            mobile_article: Citation::new(EDUCATION, "第二十七条"),
        },
    )
    .with_note(
        "UNCONFIRMED: there is no national validity for an introduction letter (10 days within a city, 30 days \
         elsewhere is local practice); the transfer and mobile-member article numbers are UNCONFIRMED",
    )]
}

pub(crate) fn membership() -> MembershipPolicy {
    MembershipPolicy {
        development: development(),
        organization: organization(),
        life: life(),
        discipline: discipline(),
        mobility: mobility(),
    }
}
