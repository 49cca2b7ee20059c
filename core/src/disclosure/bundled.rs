//! The bundled disclosure defaults. The 条例 fixes procedure and scope but no day counts; every count here is
//! local practice, marked UNCONFIRMED, for a host to override.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;

use super::article;
use super::item::{DisclosureCategory, ScopeKind};
use super::org::OrgKind;
use super::params::{
    AuditViewer, CatalogueEntry, DisclosurePolicy, Frequency, RedactionRules, TimeLimits,
    WithdrawalRules, WorkflowRules,
};
use crate::dated::Dated;
use crate::Citation;

/// The 条例 was issued on 16 December 2017 (in force on issue).
fn from_2017() -> NaiveDate {
    NaiveDate::from_ymd_opt(2017, 12, 16).unwrap_or(NaiveDate::MIN)
}

pub(crate) fn disclosure() -> DisclosurePolicy {
    let local = |what: &'static str| Citation::new("地方党务公开实施办法（通行做法）", what);
    DisclosurePolicy {
        time_limits: vec![Dated::new(
            from_2017(),
            None,
            local("审核时限与公示期"),
            TimeLimits {
                review_working_days: 3,
                review_extended_working_days: 10,
                notice_min_working_days: 5,
            },
        )
        .with_note(
            "UNCONFIRMED: the 条例 fixes no day counts; review in 3 working days (extendable to 10) and a \
             5-working-day notice are common local practice",
        )],
        workflow: vec![Dated::new(
            from_2017(),
            None,
            article("第十五条"),
            WorkflowRules {
                separation_of_duties: true,
                society_approvers: vec![OrgKind::Committee],
                whole_party_approvers: vec![OrgKind::Committee],
            },
        )
        .with_note(
            "UNCONFIRMED: which level may approve disclosure to society or the whole Party is set locally; \
             default a party committee. Separation of proposer and approver is a local control",
        )],
        redaction: vec![Dated::new(
            from_2017(),
            None,
            Citation::new("中华人民共和国个人信息保护法", "第二十八条"),
            RedactionRules {
                unmasked_scopes: Vec::new(),
                mask_landlines: false,
                mask_emails: false,
            },
        )
        .with_note("UNCONFIRMED: masking everywhere by default; a unit may unmask within its own members")],
        catalogue: catalogue(),
        withdrawal: vec![Dated::new(
            from_2017(),
            None,
            article("第四章（监督与追责）"),
            WithdrawalRules {
                shown_to: vec![AuditViewer::Officers],
            },
        )
        .with_note(
            "UNCONFIRMED: the 条例 has the superior organizations supervise disclosure work (Ch. 4) but says \
             nothing of withdrawn items; showing the withdrawal record to the officers of the organization and \
             of those above it is local practice",
        )],
    }
}

/// The periodic disclosures every organization owes (条例 第十四条), with the days they are due.
fn catalogue() -> Vec<Dated<Vec<CatalogueEntry>>> {
    vec![Dated::new(
        from_2017(),
        None,
        article("第十四条"),
        vec![
            CatalogueEntry {
                code: "dues_annual".to_owned(),
                title: "党费收缴、使用和管理情况".to_owned(),
                category: DisclosureCategory::Organization,
                scope: ScopeKind::Members,
                frequency: Frequency::Annual,
                due_working_days: 20,
            },
            CatalogueEntry {
                code: "activity_quarterly".to_owned(),
                title: "党组织活动开展情况".to_owned(),
                category: DisclosureCategory::Resolutions,
                scope: ScopeKind::Organizations,
                frequency: Frequency::Quarterly,
                due_working_days: 10,
            },
        ],
    )
    .with_note(
        "UNCONFIRMED: dues are disclosed to members at least once a year (branch practice); the due days \
         (20 working days after the year, 10 after the quarter) are local practice.",
    )]
}
