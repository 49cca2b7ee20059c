//! Member standings on a day: the one list the organization rules read (who belongs where, full or probationary,
//! and whether they may elect). Built from [`super::stage_on`] and [`super::rights_on`], so the structure, election
//! and rating rules never interpret events themselves.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;

use super::discipline::rights_on;
use super::record::MemberRecord;
use super::stage::Stage;
use super::status::stage_on;
use crate::disclosure::OrgTree;
use crate::{Policy, Result};

/// One member on a day: only full and probationary members have a standing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Standing<'a> {
    /// The member's id.
    pub id: &'a str,
    /// The organization the member belongs to (a branch or a group).
    pub org: &'a str,
    /// Full or probationary.
    pub stage: Stage,
    /// A full member whose rights allow electing (not under 留党察看).
    pub may_elect: bool,
}

impl Standing<'_> {
    /// Whether this is a full member.
    pub fn is_full(&self) -> bool {
        self.stage == Stage::Full
    }
}

/// The standings of every member of `records` on `on` (applicants, suspended and removed persons have none).
pub(crate) fn standings<'a>(
    policy: &Policy,
    records: &'a [MemberRecord],
    on: NaiveDate,
) -> Result<Vec<Standing<'a>>> {
    let mut out = Vec::new();
    for (i, r) in records.iter().enumerate() {
        let stage = stage_on(policy, r, on).map_err(|e| e.under(&format!("members[{i}]")))?;
        if !matches!(stage, Stage::Full | Stage::Probationary) {
            continue;
        }
        // A probationary member has no vote (党章 第七条) whatever the record says about sanctions.
        let may_elect = stage == Stage::Full && rights_on(policy, r, on)?.may_elect;
        out.push(Standing {
            id: &r.id,
            org: &r.org,
            stage,
            may_elect,
        });
    }
    Ok(out)
}

/// Full and probationary members of an organization's whole subtree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Counts {
    /// Full members.
    pub full: u32,
    /// Probationary members.
    pub probationary: u32,
}

impl Counts {
    /// Full plus probationary.
    pub fn total(self) -> u32 {
        self.full.saturating_add(self.probationary)
    }
}

/// The members of `org` and its descendants (a group's members count toward its branch, a branch's toward its
/// general branch and committee).
pub(crate) fn within<'s, 'a>(
    tree: &'s OrgTree,
    standings: &'s [Standing<'a>],
    org: &'s str,
) -> impl Iterator<Item = &'s Standing<'a>> + 's {
    standings.iter().filter(move |s| tree.is_within(s.org, org))
}
