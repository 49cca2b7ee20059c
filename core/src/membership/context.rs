//! What a check may look beyond the record itself: the other members (sponsors and contacts), the meetings
//! (organizational life) and the dues ledgers.
#![deny(clippy::arithmetic_side_effects)]

use std::collections::BTreeMap;

use super::direct::MeetingIn;
use super::ids::IdTable;
use super::life::Meeting;
use super::life_index::{Builder, Held, LifeIndex};
use super::record::MemberRecord;
use crate::dues::Ledger;
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
    /// The roster, without repeated ids.
    records: &'a [MemberRecord],
    /// The roster's ids, for the lookups of sponsors, contacts and attendances (a hash: a province's roster is
    /// looked up per sponsor).
    ids: IdTable,
    /// Meetings of the organizations (organizational life, 三会一课).
    pub meetings: &'a [Meeting],
    ledgers: BTreeMap<&'a str, &'a Ledger>,
    life: LifeIndex<'a>,
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
        let (ids, repeats) = IdTable::build(records);
        if let Some((i, _)) = repeats.first() {
            let id = records.get(*i).map_or("", |r| r.id.as_str());
            return Err(Error::input(
                "DUPLICATE_MEMBER",
                format!("[{i}].id"),
                format!("党员编号重复：{id}"),
                format!("member {id} is listed twice"),
            ));
        }
        Ok(Self::indexed(policy, calendar, records, ids))
    }

    /// A context over `records` whose ids are already in `ids` (built over the same records, without repeats).
    pub(crate) fn indexed(
        policy: &'a Policy,
        calendar: &'a Calendar,
        records: &'a [MemberRecord],
        ids: IdTable,
    ) -> Self {
        Self {
            policy,
            calendar,
            records,
            ids,
            meetings: &[],
            ledgers: BTreeMap::new(),
            life: LifeIndex::default(),
        }
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
        let attendances = meetings
            .iter()
            .map(|m| m.attendees.len().saturating_add(m.absent_with_leave.len()))
            .fold(0, usize::saturating_add);
        let mut ix = Builder::new(self.records.len(), &self.ids, attendances);
        for m in meetings {
            let present = m.attendees.iter().chain(&m.absent_with_leave);
            ix.add(Held {
                org: &m.org,
                kind: m.kind,
                date: m.date,
                present: present.map(String::as_str),
            });
        }
        self.life = ix.finish();
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
        let attendances = meetings
            .iter()
            .map(MeetingIn::present_count)
            .fold(0, usize::saturating_add);
        let mut ix = Builder::new(self.records.len(), &self.ids, attendances);
        for m in meetings {
            match m {
                MeetingIn::Owned(m) => ix.add(Held {
                    org: &m.org,
                    kind: m.kind,
                    date: m.date,
                    present: m
                        .attendees
                        .iter()
                        .chain(&m.absent_with_leave)
                        .map(String::as_str),
                }),
                MeetingIn::Borrowed(v) => ix.add(Held {
                    org: v.org,
                    kind: v.kind,
                    date: v.date(),
                    present: v.attendees.iter().chain(&v.absent_with_leave).copied(),
                }),
            }
        }
        self.life = ix.finish();
        self
    }

    /// The meetings, indexed by organization and by member.
    pub(crate) fn life(&self) -> &LifeIndex<'a> {
        &self.life
    }

    /// The months member `id` attended a meeting or was absent from one with leave, sorted.
    pub(crate) fn present(&self, id: &str) -> Option<&[YearMonth]> {
        match self.ids.get(id) {
            Some(k) => self.life.present_at(k),
            None => self.life.present_other(id),
        }
    }

    /// [`Self::present`] of `record`'s id. A record of this context's roster is found by its place in it,
    /// without hashing its id again (the batch check asks this once per member).
    pub(crate) fn present_of(&self, record: &MemberRecord) -> Option<&[YearMonth]> {
        match self.position(record) {
            Some(k) => self.life.present_at(k),
            None => self.present(&record.id),
        }
    }

    /// The position of `record` in the roster when it is one of the roster's records (the same place in
    /// memory, not merely the same id).
    fn position(&self, record: &MemberRecord) -> Option<usize> {
        let base = self.records.as_ptr() as usize;
        let offset = (record as *const MemberRecord as usize).checked_sub(base)?;
        let k = offset.checked_div(std::mem::size_of::<MemberRecord>())?;
        self.records.get(k).filter(|r| std::ptr::eq(*r, record))?;
        Some(k)
    }

    /// The record of member `id`, when it is in the roster.
    ///
    /// ```
    /// let (p, c) = (dangjian::Policy::bundled(), dangjian::Calendar::official());
    /// assert!(dangjian::membership::Context::new(&p, &c, &[]).unwrap().member("X").is_none());
    /// ```
    pub fn member(&self, id: &str) -> Option<&'a MemberRecord> {
        self.records.get(self.ids.get(id)?)
    }

    /// Every record, by id.
    ///
    /// ```
    /// let (p, c) = (dangjian::Policy::bundled(), dangjian::Calendar::official());
    /// assert_eq!(dangjian::membership::Context::new(&p, &c, &[]).unwrap().members().count(), 0);
    /// ```
    pub fn members(&self) -> impl Iterator<Item = &'a MemberRecord> + '_ {
        // Sorted here, on the rare call, rather than kept in a tree every lookup pays for.
        let mut all: Vec<&'a MemberRecord> = self.records.iter().collect();
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
