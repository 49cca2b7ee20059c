//! What a check may look beyond the record itself: the other members (sponsors and contacts), the meetings
//! (organizational life) and the dues ledgers.
#![deny(clippy::arithmetic_side_effects)]

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::direct::MeetingIn;
use super::life::Meeting;
use super::params::MeetingKind;
use super::record::MemberRecord;
use crate::dues::Ledger;
use crate::fx::FxMap;
use crate::{Calendar, Error, Policy, Result, YearMonth};

/// The policy, the calendar and the records a check can consult.
///
/// ```
/// use dangjian::membership::Context;
/// let (p, c) = (dangjian::Policy::bundled(), dangjian::Calendar::official());
/// let ctx = Context::new(&p, &c, &[]).unwrap();
/// assert!(ctx.member("M1").is_none());
/// ```
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// The policy.
    pub policy: &'a Policy,
    /// The working-day calendar.
    pub calendar: &'a Calendar,
    /// By id, for the lookups of sponsors and contacts (a hash: a province's roster is looked up per sponsor).
    roster: FxMap<&'a str, &'a MemberRecord>,
    /// Meetings of the organizations (organizational life, 三会一课).
    pub meetings: &'a [Meeting],
    ledgers: BTreeMap<&'a str, &'a Ledger>,
    life: LifeIndex<'a>,
}

/// The meetings read once: the months each organization held a meeting every member attends (all kinds but the
/// 支委会), and the months each member was present or absent with leave — so that the lapse rule looks a member up
/// instead of scanning every meeting. Each list is sorted and without repeats (a member has a few months a
/// quarter: a short vector, where a tree set cost a node allocation per member).
#[derive(Debug, Clone, Default)]
pub(crate) struct LifeIndex<'a> {
    held: FxMap<&'a str, Vec<YearMonth>>,
    present: FxMap<&'a str, Vec<YearMonth>>,
}

impl<'a> LifeIndex<'a> {
    fn new(meetings: &'a [Meeting]) -> Self {
        let mut ix = Self::default();
        for m in meetings {
            let present = m.attendees.iter().chain(&m.absent_with_leave);
            ix.add(&m.org, m.kind, m.date, present.map(String::as_str));
        }
        ix.finish();
        ix
    }

    /// The index of a members document's meetings, owned or borrowed from its text; `members` (the roster's
    /// size) reserves the by-member table once, when there are meetings, instead of growing it step by step.
    fn of(meetings: &'a [MeetingIn<'a>], members: usize) -> Self {
        let mut ix = Self::default();
        if !meetings.is_empty() {
            ix.present.reserve(members);
        }
        for m in meetings {
            match m {
                MeetingIn::Owned(m) => {
                    let present = m.attendees.iter().chain(&m.absent_with_leave);
                    ix.add(&m.org, m.kind, m.date, present.map(String::as_str));
                }
                MeetingIn::Borrowed(v) => {
                    let present = v.attendees.iter().chain(&v.absent_with_leave);
                    ix.add(v.org, v.kind, v.date(), present.copied());
                }
            }
        }
        ix.finish();
        ix
    }

    /// One meeting: its month for the organization (unless a 支委会), and for each member there or on leave.
    fn add(
        &mut self,
        org: &'a str,
        kind: MeetingKind,
        date: NaiveDate,
        present: impl Iterator<Item = &'a str>,
    ) {
        let month = YearMonth::of(date);
        if kind != MeetingKind::BranchCommittee {
            add(&mut self.held, org, month);
        }
        for who in present {
            add(&mut self.present, who, month);
        }
    }

    /// Each list sorted and without repeats.
    fn finish(&mut self) {
        for months in self.held.values_mut().chain(self.present.values_mut()) {
            months.sort_unstable();
            months.dedup();
        }
    }

    /// The months `org` held a meeting all its members attend, sorted.
    pub(crate) fn held(&self, org: &str) -> Option<&[YearMonth]> {
        self.held.get(org).map(Vec::as_slice)
    }

    /// The months `member` attended a meeting or was absent from one with leave, sorted.
    pub(crate) fn present(&self, member: &str) -> Option<&[YearMonth]> {
        self.present.get(member).map(Vec::as_slice)
    }
}

/// Adds `month` to `key`'s list; meetings come roughly in date order, so a repeat is usually the last one.
fn add<'a>(map: &mut FxMap<&'a str, Vec<YearMonth>>, key: &'a str, month: YearMonth) {
    let months = map.entry(key).or_default();
    if months.last() != Some(&month) {
        months.push(month);
    }
}

impl<'a> Context<'a> {
    /// A context over `records` (sponsors and contacts are looked up among them). A repeated id is
    /// `DUPLICATE_MEMBER` at `[i].id`.
    ///
    /// ```
    /// use dangjian::membership::{Context, MemberRecord};
    /// let r: MemberRecord = serde_json::from_str(r#"{"id":"M1","name":"甲","birth_date":"1990-01-01","org":"B1"}"#).unwrap();
    /// let (p, c) = (dangjian::Policy::bundled(), dangjian::Calendar::official());
    /// let e = Context::new(&p, &c, &[r.clone(), r]).unwrap_err();
    /// assert_eq!((e.code(), e.detail().field.as_str()), ("DUPLICATE_MEMBER", "[1].id"));
    /// ```
    pub fn new(
        policy: &'a Policy,
        calendar: &'a Calendar,
        records: &'a [MemberRecord],
    ) -> Result<Self> {
        let mut roster = FxMap::default();
        roster.reserve(records.len());
        for (i, r) in records.iter().enumerate() {
            if roster.insert(r.id.as_str(), r).is_some() {
                return Err(Error::input(
                    "DUPLICATE_MEMBER",
                    format!("[{i}].id"),
                    format!("党员编号重复：{}", r.id),
                    format!("member {} is listed twice", r.id),
                ));
            }
        }
        Ok(Self {
            policy,
            calendar,
            roster,
            meetings: &[],
            ledgers: BTreeMap::new(),
            life: LifeIndex::default(),
        })
    }

    /// The same context with the meetings to consult.
    ///
    /// ```
    /// let (p, c) = (dangjian::Policy::bundled(), dangjian::Calendar::official());
    /// let ctx = dangjian::membership::Context::new(&p, &c, &[]).unwrap().with_meetings(&[]);
    /// assert!(ctx.meetings.is_empty());
    /// ```
    #[must_use]
    pub fn with_meetings(mut self, meetings: &'a [Meeting]) -> Self {
        self.meetings = meetings;
        self.life = LifeIndex::new(meetings);
        self
    }

    /// The same context with dues ledgers (one per member; a later ledger for the same member replaces an earlier).
    ///
    /// ```
    /// let l: dangjian::dues::Ledger = serde_json::from_str(r#"{"member_id":"M1","obligations":[],"payments":[]}"#).unwrap();
    /// let (p, c) = (dangjian::Policy::bundled(), dangjian::Calendar::official());
    /// let ls = [l];
    /// let ctx = dangjian::membership::Context::new(&p, &c, &[]).unwrap().with_ledgers(&ls);
    /// assert!(ctx.ledger("M1").is_some());
    /// ```
    #[must_use]
    pub fn with_ledgers(mut self, ledgers: &'a [Ledger]) -> Self {
        self.ledgers = ledgers.iter().map(|l| (l.member_id.as_str(), l)).collect();
        self
    }

    /// The same context with a members document's meetings indexed (owned or borrowed from its text); the
    /// public `meetings` stays empty — the member check reads the index alone.
    #[must_use]
    pub(crate) fn with_life(mut self, meetings: &'a [MeetingIn<'a>]) -> Self {
        self.life = LifeIndex::of(meetings, self.roster.len());
        self
    }

    /// The meetings, indexed by organization and by member.
    pub(crate) fn life(&self) -> &LifeIndex<'a> {
        &self.life
    }

    /// The record of member `id`, when it is in the roster.
    ///
    /// ```
    /// let (p, c) = (dangjian::Policy::bundled(), dangjian::Calendar::official());
    /// assert!(dangjian::membership::Context::new(&p, &c, &[]).unwrap().member("X").is_none());
    /// ```
    pub fn member(&self, id: &str) -> Option<&'a MemberRecord> {
        self.roster.get(id).copied()
    }

    /// Every record, by id.
    ///
    /// ```
    /// let (p, c) = (dangjian::Policy::bundled(), dangjian::Calendar::official());
    /// assert_eq!(dangjian::membership::Context::new(&p, &c, &[]).unwrap().members().count(), 0);
    /// ```
    pub fn members(&self) -> impl Iterator<Item = &'a MemberRecord> + '_ {
        // Sorted here, on the rare call, rather than kept in a tree every lookup pays for.
        let mut all: Vec<&'a MemberRecord> = self.roster.values().copied().collect();
        all.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        all.into_iter()
    }

    /// The dues ledger of member `id`, when given.
    ///
    /// ```
    /// let (p, c) = (dangjian::Policy::bundled(), dangjian::Calendar::official());
    /// assert!(dangjian::membership::Context::new(&p, &c, &[]).unwrap().ledger("M1").is_none());
    /// ```
    pub fn ledger(&self, id: &str) -> Option<&'a Ledger> {
        self.ledgers.get(id).copied()
    }
}
