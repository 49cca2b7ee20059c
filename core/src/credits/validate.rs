//! Checking one event before it is stored: a repeat of a known id, room in the tables, and the fields the
//! rule in force on its day needs; then packing it ([`Rec`] and [`Meta`]).
#![deny(clippy::arithmetic_side_effects)]

use super::closed_part::period_closed;
use super::compiled::{ActRule, NO_RULE};
use super::fold::{narrow, Rec, NO_CONTENT};
use super::packed::{Meta, Step, View, HAS_CORRECT, HAS_DURATION, HAS_PLACE, HAS_POINTS};
use super::rules::{Unit, MAX_EVENT_POINTS};
use super::scorer::Scorer;
use super::time::china_day_and_second_of;
use crate::id_table::IdTable;
use crate::{Error, Result};

impl Scorer {
    /// Whether the stored event `ix` has the same content as `v` (instants compare as instants).
    pub(crate) fn same(&self, ix: u32, v: &View<'_>) -> bool {
        let (Some(r), Some(m)) = (self.recs.get(ix as usize), self.meta.get(ix as usize)) else {
            return false;
        };
        let opt = |bit: u8, x: u32| (m.has & bit != 0).then_some(x);
        let content = match r.content {
            NO_CONTENT => None,
            c => self.content_names.get(c as usize).map(String::as_str),
        };
        v.ts == Some(r.ts)
            && self.member_id(r.member) == v.member_id
            && self
                .compiled
                .names
                .get(usize::from(m.act))
                .map(String::as_str)
                == Some(v.activity)
            && content == v.content_id
            && opt(HAS_DURATION, r.duration) == v.duration
            && opt(HAS_CORRECT, r.correct) == v.correct
            && opt(HAS_PLACE, r.place) == v.place
            && m.points() == v.points
    }

    /// Checks an event: a repeat of a known id, or new and valid against the rule in force on its day
    /// (`h` is its id's hash; `act` its activity's index, `None` when the scheme has no such activity).
    /// `may_exist` false (from [`Scorer::triage`]) skips the id lookup.
    pub(crate) fn check(
        &mut self,
        h: u64,
        v: &View<'_>,
        act: Option<u16>,
        may_exist: bool,
    ) -> Result<Step> {
        if let Some(ix) = may_exist.then(|| self.find_hashed(h, v.id)).flatten() {
            if self.same(ix, v) {
                return Ok(Step::Duplicate);
            }
            let id = v.id;
            return Err(Error::input(
                "CONFLICTING_EVENT_ID",
                "event_id",
                format!("事件编号 {id} 已用于内容不同的事件"),
                format!("event_id {id} was already used by an event with different content"),
            ));
        }
        // Before anything is stored or interned: a row refused here leaves no trace.
        // (The member id is checked where a member is first created: `intern_member`.)
        crate::text::check_id(v.id, "event_id")?;
        if let Some(c) = v.content_id {
            crate::text::check_id(c, "content_id")?;
        }
        self.room_for(v.id)?;
        let (rec, meta) = self.compile_event(v, act)?;
        Ok(Step::New(h, rec, meta))
    }

    /// The index the next new event gets. `u32::MAX` is never one: the batch's bookkeeping reads it as
    /// "none" (`Triage::deferred`).
    pub(crate) fn next_index(&self) -> Result<u32> {
        u32::try_from(self.recs.len())
            .ok()
            .filter(|&ix| ix != u32::MAX)
            .ok_or_else(too_many_events)
    }

    /// Refuses a new event the tables have no room for: its index must fit 32 bits, the id table
    /// ([`IdTable::MAX_LEN`] events) and its id the arena (the ids of all events held pass 4 GiB
    /// otherwise).
    pub(crate) fn room_for(&self, id: &str) -> Result<()> {
        self.next_index()?;
        if !self
            .recs
            .len()
            .checked_add(1)
            .is_some_and(IdTable::can_hold)
        {
            return Err(too_many_events());
        }
        match self.event_ids.end_after(id) {
            Some(_) => Ok(()),
            None => Err(ids_too_long()),
        }
    }

    /// Checks an event against the rule in force on its day and packs it.
    pub(crate) fn compile_event(&mut self, e: &View<'_>, act: Option<u16>) -> Result<(Rec, Meta)> {
        let Some(act) = act else {
            return Err(Error::input(
                "UNKNOWN_ACTIVITY",
                "activity",
                format!("积分方案中没有该活动：{}", e.activity),
                format!("the scheme has no activity {}", e.activity),
            ));
        };
        let ts =
            e.ts.ok_or_else(|| super::time::out_of_range("occurred_at"))?;
        let (day, _) = china_day_and_second_of(ts.div_euclid(1_000_000_000));
        if self.horizon.is_some_and(|h| day <= h) {
            return Err(period_closed("occurred_at", day));
        }
        let rule = self.compiled.rule_on(day, act);
        if let Some(r) = rule.and_then(|r| self.compiled.rules.get(r as usize)) {
            needs(r, e)?;
        }
        check_declared_bound(e.points)?;
        let mut rec = Rec {
            ts,
            member: 0,
            rule: rule.unwrap_or(NO_RULE),
            content: NO_CONTENT,
            duration: e.duration.unwrap_or(0),
            correct: e.correct.unwrap_or(0),
            place: e.place.unwrap_or(0),
            voided: false,
        };
        let meta = Meta {
            offset: e.offset,
            act,
            has: has_bits(e),
            points: narrow(e.points.unwrap_or(0)),
        };
        // Every content id is kept (the ledger compares repeats by content); only dedup reads it.
        if let Some(c) = e.content_id {
            rec.content = match e.content_ix {
                NO_CONTENT => self.intern_content(c)?,
                ix => ix,
            };
        }
        Ok((rec, meta))
    }
}

/// Which optional fields the event carried (`Meta::has`).
fn has_bits(e: &View<'_>) -> u8 {
    [
        (e.duration.is_some(), HAS_DURATION),
        (e.correct.is_some(), HAS_CORRECT),
        (e.place.is_some(), HAS_PLACE),
        (e.points.is_some(), HAS_POINTS),
    ]
    .iter()
    .fold(0u8, |h, &(on, bit)| if on { h | bit } else { h })
}

/// The fields the rule's unit, minimum duration and dedup need, and their bounds.
pub(crate) fn needs(r: &ActRule, e: &View<'_>) -> Result<()> {
    let needs_duration = r.min_duration.is_some() || matches!(r.unit, Unit::PerMinutes { .. });
    if needs_duration && e.duration.is_none() {
        return Err(missing("duration_seconds"));
    }
    if matches!(r.unit, Unit::PerCorrect { .. }) && e.correct.is_none() {
        return Err(missing("correct_answers"));
    }
    if matches!(r.unit, Unit::PerPlace { .. }) {
        match e.place {
            None => return Err(missing("place")),
            Some(0) => {
                return Err(Error::input(
                    "INVALID_PLACE",
                    "place",
                    "名次从 1 开始",
                    "place starts at 1",
                ))
            }
            Some(_) => {}
        }
    }
    if let Unit::Declared { min, max, default } = r.unit {
        let p = e.points.or(default).ok_or_else(|| missing("points"))?;
        if p < min || p > max {
            return Err(Error::input(
                "POINTS_OUT_OF_RANGE",
                "points",
                format!("分值须在 {min} 到 {max} 之间"),
                format!("points must be between {min} and {max}"),
            ));
        }
    }
    if r.dedup != super::rules::Dedup::None && e.content_id.is_none() {
        return Err(missing("content_id"));
    }
    r.check_raw_bound(e.duration, e.correct)
}

/// Whatever the rule (none, for an event not available that day), the declared points are kept in 32 bits:
/// bounded for every event.
pub(crate) fn check_declared_bound(points: Option<i64>) -> Result<()> {
    if points.is_some_and(|p| !(-MAX_EVENT_POINTS..=MAX_EVENT_POINTS).contains(&p)) {
        let m = MAX_EVENT_POINTS;
        return Err(Error::input(
            "POINTS_OUT_OF_RANGE",
            "points",
            format!("分值须在 -{m} 到 {m} 之间"),
            format!("points must be between -{m} and {m}"),
        ));
    }
    Ok(())
}

pub(crate) fn too_many_events() -> Error {
    Error::input("TOO_MANY_EVENTS", "event_id", "事件过多", "too many events")
}

pub(crate) fn ids_too_long() -> Error {
    Error::input(
        "TOO_MANY_EVENTS",
        "event_id",
        "事件过多：事件编号总长超过 4 GiB",
        "too many events: their ids pass 4 GiB in all",
    )
}

fn missing(field: &str) -> Error {
    Error::input(
        "MISSING_FIELD",
        field,
        format!("该活动需要字段 {field}"),
        format!("the activity needs {field}"),
    )
}
