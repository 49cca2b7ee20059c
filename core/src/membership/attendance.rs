//! Members' attendance at organizational life. A member is expected at the meetings held in the range by their
//! own organization and its superiors up to the branch (a group member: the group's and the branch's), of every
//! kind all members attend — everything but the 支委会 — on days they were a full or probationary member.
//! Someone neither present nor on leave counts as absent without leave, whether or not the minutes list them.

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::organization::OrgDocument;
use super::params::MeetingKind;
use super::report::Stage;
use super::status::stage_on;
use crate::disclosure::OrgKind;
use crate::{Policy, Result};

/// One member's attendance over the range.
///
/// ```
/// let a: dangjian::membership::Attendance = serde_json::from_str(r#"{"member":"M1","expected":4,"attended":3,
///   "with_leave":1,"without_leave":0,"rate":"0.75"}"#).unwrap();
/// assert_eq!(a.rate.unwrap().to_string(), "0.75");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// The organizations whose meetings a member of `org` attends: `org` and its superiors up to the branch.
fn own_orgs<'a>(doc: &'a OrgDocument, org: &'a str) -> Vec<&'a str> {
    let mut out = vec![org];
    if doc.orgs.get(org).is_some_and(|o| o.kind == OrgKind::Group) {
        for a in doc.orgs.ancestors(org) {
            out.push(a);
            if doc.orgs.get(a).is_none_or(|o| o.kind != OrgKind::Group) {
                break;
            }
        }
    }
    out
}

/// The attendance of the members of `org`'s subtree at meetings from `from` to `to`; members with nothing
/// expected are listed when they are members on `to`.
pub(crate) fn attendance(
    policy: &Policy,
    doc: &OrgDocument,
    org: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Attendance>> {
    let is_member = |s: Stage| matches!(s, Stage::Full | Stage::Probationary);
    let mut out = Vec::new();
    for (i, r) in doc.members.iter().enumerate() {
        if !doc.orgs.is_within(&r.org, org) {
            continue;
        }
        let orgs = own_orgs(doc, &r.org);
        let mut a = Attendance {
            member: r.id.clone(),
            expected: 0,
            attended: 0,
            with_leave: 0,
            without_leave: 0,
            rate: None,
        };
        for m in doc.meetings.iter().filter(|m| {
            m.kind != MeetingKind::BranchCommittee
                && from <= m.date
                && m.date <= to
                && orgs.contains(&m.org.as_str())
        }) {
            let stage =
                stage_on(policy, r, m.date).map_err(|e| e.under(&format!("members[{i}]")))?;
            if !is_member(stage) {
                continue;
            }
            a.expected = a.expected.saturating_add(1);
            let slot = if m.attendees.contains(&r.id) {
                &mut a.attended
            } else if m.absent_with_leave.contains(&r.id) {
                &mut a.with_leave
            } else {
                &mut a.without_leave
            };
            *slot = slot.saturating_add(1);
        }
        if a.expected == 0 && !is_member(stage_on(policy, r, to)?) {
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
