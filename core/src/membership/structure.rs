//! The size rules of each kind of organization (支部工作条例 2018 第五条、第八条; the article is
//! `structure_article` of the organization rules in force on the day checked):
//! - a branch needs 3 full members, generally has at most 50 members, and as a joint branch covers at most 5 units;
//! - from 7 full members a branch has a committee (3 to 7 members), below that a secretary;
//! - a general branch has 50 to 100 members; a 基层党委 at least 100 unless the superior approved fewer.
//!
//! Members of a 党小组 count toward its branch; a general branch or committee counts its whole subtree.
#![deny(clippy::arithmetic_side_effects)]

use super::org_document::OrgDetails;
use super::params::OrganizationRules;
use super::standing::Counts;
use crate::disclosure::OrgKind;
use crate::{Finding, Severity};

/// The structure findings of organization `org` of `kind` with `counts` members.
pub(crate) fn structure_findings(
    rules: &OrganizationRules,
    org: &str,
    kind: OrgKind,
    details: Option<&OrgDetails>,
    c: Counts,
) -> Vec<Finding> {
    let cite = || Some(rules.structure_article.clone());
    let mut out = Vec::new();
    let mut push = |code: &str, severity, zh: String, en: String| {
        out.push(Finding::new(code, severity, zh, en, cite()));
    };
    let total = c.total();
    match kind {
        OrgKind::Branch => branch(rules, org, details, c, &mut push),
        OrgKind::GeneralBranch => {
            let (min, max) = (
                rules.general_branch_min_members,
                rules.general_branch_max_members,
            );
            if total < min || total > max {
                push(
                    "GENERAL_BRANCH_SIZE",
                    Severity::Warning,
                    format!("党总支 {org} 有党员 {total} 名，党总支一般为 {min} 至 {max} 名"),
                    format!("general branch {org} has {total} members; a general branch generally has {min} to {max}"),
                );
            }
        }
        OrgKind::Committee => {
            let approved = details.is_some_and(|d| d.approved_below_minimum);
            if total < rules.committee_org_min_members && !approved {
                push(
                    "COMMITTEE_ORG_TOO_SMALL",
                    Severity::Warning,
                    format!("基层党委 {org} 有党员 {total} 名，不足 {} 名且未记载上级党组织批准", rules.committee_org_min_members),
                    format!("committee {org} has {total} members, fewer than {}, and no approval by the superior is recorded", rules.committee_org_min_members),
                );
            }
        }
        OrgKind::Group => {}
    }
    out
}

/// A branch: at least the minimum of full members, at most the usual size, its committee, and a joint
/// branch's number of units.
fn branch(
    rules: &OrganizationRules,
    org: &str,
    details: Option<&OrgDetails>,
    c: Counts,
    push: &mut impl FnMut(&str, Severity, String, String),
) {
    let total = c.total();
    if c.full < rules.branch_min_full_members {
        push(
            "BRANCH_TOO_FEW_FULL_MEMBERS",
            Severity::Violation,
            format!(
                "党支部 {org} 只有 {} 名正式党员，成立党支部至少需要 {} 名",
                c.full, rules.branch_min_full_members
            ),
            format!(
                "branch {org} has {} full members; a branch needs at least {}",
                c.full, rules.branch_min_full_members
            ),
        );
    }
    if total > rules.branch_max_members {
        push(
            "BRANCH_TOO_LARGE",
            Severity::Warning,
            format!(
                "党支部 {org} 有党员 {total} 名，党支部党员人数一般不超过 {} 名",
                rules.branch_max_members
            ),
            format!(
                "branch {org} has {total} members; a branch generally has at most {}",
                rules.branch_max_members
            ),
        );
    }
    branch_committee(rules, org, details, c, push);
    let units = details.and_then(|d| d.units).unwrap_or(1);
    if units > rules.joint_branch_max_units {
        push(
            "JOINT_BRANCH_TOO_MANY_UNITS",
            Severity::Violation,
            format!(
                "联合党支部 {org} 覆盖 {units} 个单位，一般不超过 {} 个",
                rules.joint_branch_max_units
            ),
            format!(
                "joint branch {org} covers {units} units; at most {}",
                rules.joint_branch_max_units
            ),
        );
    }
}

/// A committee from 7 full members, a secretary below; the committee's size.
fn branch_committee(
    rules: &OrganizationRules,
    org: &str,
    details: Option<&OrgDetails>,
    c: Counts,
    push: &mut impl FnMut(&str, Severity, String, String),
) {
    let from = rules.committee_from_full_members;
    match details.and_then(|d| d.committee.as_ref()) {
        None if c.full >= from => push(
            "COMMITTEE_REQUIRED",
            Severity::Violation,
            format!("党支部 {org} 有正式党员 {} 名（不少于 {from} 名），应当成立支部委员会", c.full),
            format!("branch {org} has {} full members (at least {from}): it should have a branch committee", c.full),
        ),
        None => {}
        Some(committee) => {
            if c.full < from {
                push(
                    "COMMITTEE_NOT_EXPECTED",
                    Severity::Info,
                    format!("党支部 {org} 正式党员不足 {from} 名（{} 名），一般不设支部委员会，设书记（必要时设副书记）", c.full),
                    format!("branch {org} has fewer than {from} full members ({}): it normally has a secretary (and a deputy if needed) rather than a committee", c.full),
                );
            }
            let (min, max) = (rules.committee_min_size, rules.committee_max_size);
            if committee.size < min || committee.size > max {
                push(
                    "COMMITTEE_SIZE",
                    Severity::Warning,
                    format!("党支部 {org} 的支部委员会有 {} 名委员，一般为 {min} 至 {max} 名", committee.size),
                    format!("the committee of branch {org} has {} members; it generally has {min} to {max}", committee.size),
                );
            }
        }
    }
}
