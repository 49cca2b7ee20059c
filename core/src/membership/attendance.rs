//! Members' attendance at organizational life. A member is expected at the meetings held in the range by their
//! own organization and its superiors up to the branch (a group member: the group's and the branch's), of every
//! kind all members attend — everything but the 支委会 — on days they were a full or probationary member.
//! Someone neither present nor on leave counts as absent without leave, whether or not the minutes list them.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::org_index::DocIndex;
use super::params::MeetingKind;
use super::report::Stage;
use super::status::{settled_stage, stage_on};
use crate::disclosure::{OrgKind, OrgTree};
use crate::fx::FxMap;
use crate::{Policy, Result};

/// One member's attendance over the range.
///
/// ```
/// let a: dangjian::membership::Attendance = serde_json::from_str(r#"{"member":"M1","expected":4,"attended":3,
///   "with_leave":1,"without_leave":0,"rate":"0.75"}"#).unwrap();
/// assert_eq!(a.rate.unwrap().to_string(), "0.75");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Attendance {
    /// The member.
    pub member: String,
    /// Meetings the member was expected at.
    pub expected: u32,
    /// Of them, attended.
    pub attended: u32,
    /// Absent with leave (请假).
    pub with_leave: u32,
    /// Absent without leave (listed as such, or not listed at all).
    pub without_leave: u32,
    /// attended / expected, with two places (half away from zero: 2/3 → `0.67`, 1 → `1.00`); absent when nothing
    /// was expected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<Decimal>,
}

/// The organizations whose meetings a member of the organization at index `org` attends: it and its superiors
/// up to the branch.
fn own_orgs(tree: &OrgTree, org: usize) -> Vec<usize> {
    let mut out = vec![org];
    if tree.at(org).is_some_and(|o| o.kind == OrgKind::Group) {
        let mut at = tree.parent_index(org);
        while let Some(a) = at {
            out.push(a);
            if tree.at(a).is_none_or(|o| o.kind != OrgKind::Group) {
                break;
            }
            at = tree.parent_index(a);
        }
    }
    out
}

/// How a member was recorded at a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Present,
    Leave,
}

/// Who was present or on leave at each meeting (member id, meeting index) that any of `members` may be
/// expected at: the meetings of their own organizations.
fn marks<'d>(ix: &DocIndex<'d>, members: &[usize]) -> FxMap<(&'d str, usize), Mark> {
    let (doc, tree) = (ix.doc, ix.tree());
    // The meetings any of these members may be expected at, by organization.
    let mut orgs: Vec<usize> = members
        .iter()
        .filter_map(|&i| doc.members.get(i).and_then(|r| tree.index_of(&r.org)))
        .flat_map(|o| own_orgs(tree, o))
        .collect();
    orgs.sort_unstable();
    orgs.dedup();
    // Sized once: growing the table mark by mark, its rehashing was an eighth of the org check (perf, ×16).
    let marked: usize = orgs
        .iter()
        .flat_map(|&o| ix.meetings.of(o))
        .filter_map(|mi| doc.meetings.get(mi))
        .map(|m| m.attendees.len().saturating_add(m.absent_with_leave.len()))
        .fold(0, usize::saturating_add);
    let mut marks: FxMap<(&str, usize), Mark> = FxMap::default();
    marks.reserve(marked);
    for &o in &orgs {
        for mi in ix.meetings.of(o) {
            let Some(m) = doc.meetings.get(mi) else {
                continue;
            };
            for (who, mark) in m
                .attendees
                .iter()
                .map(|a| (a, Mark::Present))
                .chain(m.absent_with_leave.iter().map(|a| (a, Mark::Leave)))
            {
                marks.entry((who.as_str(), mi)).or_insert(mark);
            }
        }
    }
    marks
}

/// The attendance of the members of the subtree of the organization at index `org` at meetings from `from` to
/// `to`; members with nothing expected are listed when they are members on `to`. The meetings read are those of
/// the members' own organizations; who was present or on leave is looked up once per meeting.
pub(crate) fn attendance(
    policy: &Policy,
    ix: &DocIndex<'_>,
    org: usize,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Attendance>> {
    let (doc, tree) = (ix.doc, ix.tree());
    let is_member = |s: Stage| matches!(s, Stage::Full | Stage::Probationary);
    let members = ix.members_within(org);
    let marks = marks(ix, &members);
    let mut out = Vec::new();
    for &i in &members {
        let Some(r) = doc.members.get(i) else {
            continue;
        };
        let Some(own) = tree.index_of(&r.org) else {
            continue;
        };
        let settled = settled_stage(policy, r, from, to);
        let mut a = Attendance {
            member: r.id.clone(),
            expected: 0,
            attended: 0,
            with_leave: 0,
            without_leave: 0,
            rate: None,
        };
        let mut expected: Vec<usize> = own_orgs(tree, own)
            .into_iter()
            .flat_map(|o| ix.meetings.of(o))
            .collect();
        // In the order the document lists them, as an error (a record unreadable on a meeting's day) is the first.
        expected.sort_unstable();
        for mi in expected {
            let Some(m) = doc.meetings.get(mi) else {
                continue;
            };
            if m.kind == MeetingKind::BranchCommittee || m.date < from || m.date > to {
                continue;
            }
            let stage = match settled {
                Some(stage) => stage,
                None => {
                    stage_on(policy, r, m.date).map_err(|e| e.under(&format!("members[{i}]")))?
                }
            };
            if !is_member(stage) {
                continue;
            }
            a.expected = a.expected.saturating_add(1);
            let slot = match marks.get(&(r.id.as_str(), mi)) {
                Some(Mark::Present) => &mut a.attended,
                Some(Mark::Leave) => &mut a.with_leave,
                None => &mut a.without_leave,
            };
            *slot = slot.saturating_add(1);
        }
        let on_to = match settled {
            Some(stage) => stage,
            None => stage_on(policy, r, to)?,
        };
        if a.expected == 0 && !is_member(on_to) {
            continue;
        }
        a.rate = Decimal::from(a.attended)
            .checked_div(Decimal::from(a.expected))
            .map(|r| {
                let mut r = r.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
                r.rescale(2); // always two places: "1.00", not "1"
                r
            });
        out.push(a);
    }
    Ok(out)
}
