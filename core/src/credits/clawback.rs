//! Clawbacks: voids (an event scores 0) and cheating offences (the penalty ladder), each re-scoring the
//! member from the day it touches.
#![deny(clippy::arithmetic_side_effects)]

use super::closed_part::period_closed;
use super::event::{EventError, Offence};
use super::restriction::{restrictions, Restriction};
use super::scorer::{Ingest, Scorer};
use super::time::china_day_and_second_of;
use crate::Error;

impl Scorer {
    /// Voids events (clawback): each scores 0 (`VOIDED`) and its member is re-scored from its day, so an
    /// event capped before may now count. Unknown ids are refused (`UNKNOWN_EVENT`); voiding twice is a no-op.
    ///
    /// ```
    /// use dangjian::credits::{Event, Scheme, Scorer};
    /// let ev = |id: &str, h: u32| -> Event { serde_json::from_str(&format!(r#"{{"event_id":"{id}",
    ///   "member_id":"M1","activity":"login","occurred_at":"2026-03-02T{h:02}:00:00+08:00"}}"#)).unwrap() };
    /// let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
    /// s.ingest(vec![ev("a", 8), ev("b", 9)]);
    /// let r = s.void(&["a"]);
    /// assert_eq!(r.changed.len(), 2);
    /// assert_eq!((s.entry("a").unwrap().reason.code(), s.entry("b").unwrap().points), ("VOIDED", 1));
    /// ```
    pub fn void<S: AsRef<str>>(&mut self, event_ids: &[S]) -> Ingest {
        let mut out = Ingest::default();
        for (index, id) in event_ids.iter().enumerate() {
            let id = id.as_ref();
            let Some(ix) = self.find(id) else {
                let e = Error::input(
                    "UNKNOWN_EVENT",
                    "event_id",
                    format!("没有该事件：{id}"),
                    format!("no such event: {id}"),
                );
                out.errors
                    .push(EventError::new(index, None, Some(id.to_owned()), &e));
                continue;
            };
            let Some(rec) = self.recs.get_mut(ix as usize) else {
                continue;
            };
            if rec.voided {
                continue;
            }
            rec.voided = true;
            let (member, day) = (rec.member, rec.day());
            self.mark_restart(member, day);
        }
        self.settle(&mut out, None);
        out
    }

    /// Re-scores a member from `day`, or from the first open day when `day` is closed (closed entries are
    /// final).
    pub(crate) fn mark_restart(&mut self, member: u32, day: i64) {
        let day = self.horizon.map_or(day, |h| day.max(h.saturating_add(1)));
        if let Some(m) = self.members.get_mut(member as usize) {
            if m.pending.is_empty() && m.restart.is_none() {
                self.dirty.push(member);
            }
            m.restart = Some(m.restart.map_or(day, |r| r.min(day)));
        }
    }

    /// Records cheating offences. Each member's offences are taken in (`decided_at`, `offence_id`) order; the
    /// n-th takes the n-th step of the penalty ladder of the rule set in force on its day (beyond the ladder,
    /// the last step). The member is re-scored from the first day the penalties change. A repeated offence id
    /// is ignored.
    ///
    /// ```
    /// use dangjian::credits::{Event, Offence, Scheme, Scorer};
    /// let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
    /// s.ingest(vec![serde_json::from_str(r#"{"event_id":"e1","member_id":"M1","activity":"login",
    ///   "occurred_at":"2026-03-03T07:00:00+08:00"}"#).unwrap()]);
    /// let o: Offence = serde_json::from_str(r#"{"offence_id":"o1","member_id":"M1",
    ///   "decided_at":"2026-03-02T12:00:00+08:00"}"#).unwrap();
    /// s.record_offences(vec![o]); // first offence: suspended for 7 days
    /// assert_eq!(s.entry("e1").unwrap().reason.code(), "SUSPENDED");
    /// ```
    pub fn record_offences(&mut self, offences: Vec<Offence>) -> Ingest {
        let mut out = Ingest::default();
        let mut touched = Vec::new();
        for (index, o) in offences.into_iter().enumerate() {
            if self.offence_ids.contains_key(&o.offence_id) {
                continue;
            }
            let ts = match super::time::instant_nanos(&o.decided_at) {
                Some(ts) => ts,
                None => {
                    let e = super::time::out_of_range("decided_at");
                    out.errors
                        .push(EventError::new(index, None, Some(o.offence_id), &e));
                    continue;
                }
            };
            let day = china_day_and_second_of(ts.div_euclid(1_000_000_000)).0;
            if self.horizon.is_some_and(|h| day <= h) {
                let e = period_closed("decided_at", day);
                out.errors
                    .push(EventError::new(index, None, Some(o.offence_id), &e));
                continue;
            }
            let member = match self.intern_member(&o.member_id) {
                Ok(m) => m,
                Err(e) => {
                    out.errors
                        .push(EventError::new(index, None, Some(o.offence_id), &e));
                    continue;
                }
            };
            self.offence_ids.insert(o.offence_id.clone(), ());
            if let Some(m) = self.members.get_mut(member as usize) {
                m.offences.push((ts, o.offence_id));
            }
            touched.push(member);
        }
        touched.sort_unstable();
        touched.dedup();
        for member in touched {
            let Some(m) = self.members.get_mut(member as usize) else {
                continue;
            };
            m.offences.sort();
            let new = restrictions(&self.compiled, &m.offences);
            let changed_from = new
                .iter()
                .filter(|r| !m.restrictions.contains(r))
                .chain(m.restrictions.iter().filter(|r| !new.contains(r)))
                .map(Restriction::start_day)
                .min();
            m.restrictions = new;
            if let Some(day) = changed_from {
                self.mark_restart(member, day);
            }
        }
        self.settle(&mut out, None);
        out
    }
}
