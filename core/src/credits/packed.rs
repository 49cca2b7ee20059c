//! The forms an event takes inside the scorer: the [`Meta`] kept beside its packed record, the [`View`]
//! validation reads (from an [`Event`] or from columns), what validation made of it ([`Step`]) and a
//! batch's bookkeeping ([`Triage`]). A leaf: the intake paths use it, it uses none of them.
#![deny(clippy::arithmetic_side_effects)]

use super::event::Event;
use super::fold::{Rec, NO_CONTENT};

/// Which rows of a batch may repeat an id, the rows in the id table's bucket order (`(hash, row)`
/// sorted: the bucket is the hash's high bits), and the index each row left for bulk indexing got
/// (`u32::MAX`: none).
pub(crate) struct Triage {
    pub may_exist: Vec<bool>,
    pub order: Vec<(u64, u32)>,
    pub deferred: Vec<u32>,
}

/// Bits of `Meta::has`: which optional fields the event carried.
pub(crate) const HAS_DURATION: u8 = 1;
pub(crate) const HAS_CORRECT: u8 = 2;
pub(crate) const HAS_PLACE: u8 = 4;
pub(crate) const HAS_POINTS: u8 = 8;

/// The part of an event `Rec` does not keep: the offset it was written with, its activity, which optional
/// fields it carried and its declared points as given (32-bit: declared points beyond
/// ±[`MAX_EVENT_POINTS`](super::rules::MAX_EVENT_POINTS) are refused on ingest).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Meta {
    pub offset: i32,
    pub act: u16,
    pub has: u8,
    pub points: i32,
}

// One per event: 12 bytes, not the 16 of `i64` points.
const _: () = assert!(std::mem::size_of::<Meta>() == 12);

impl Meta {
    /// The points the event declared, if it did.
    pub(crate) fn points(&self) -> Option<i64> {
        (self.has & HAS_POINTS != 0).then_some(i64::from(self.points))
    }
}

/// An event as the validation reads it, borrowed from an [`Event`] or from [`Columns`](super::Columns).
#[derive(Debug, Clone, Copy)]
pub(crate) struct View<'a> {
    pub id: &'a str,
    pub member_id: &'a str,
    pub activity: &'a str,
    /// Nanoseconds since the epoch; `None` when out of range.
    pub ts: Option<i64>,
    pub offset: i32,
    pub content_id: Option<&'a str>,
    /// `content_id` already interned, or `NO_CONTENT` (look it up).
    pub content_ix: u32,
    pub duration: Option<u32>,
    pub correct: Option<u32>,
    pub place: Option<u32>,
    pub points: Option<i64>,
}

impl<'a> View<'a> {
    pub(crate) fn of(e: &'a Event) -> Self {
        View {
            id: &e.event_id,
            member_id: &e.member_id,
            activity: &e.activity,
            ts: super::time::instant_nanos(&e.occurred_at),
            offset: e.occurred_at.offset().local_minus_utc(),
            content_id: e.content_id.as_deref(),
            content_ix: NO_CONTENT,
            duration: e.duration_seconds,
            correct: e.correct_answers,
            place: e.place,
            points: e.points,
        }
    }
}

/// What validation made of an event.
pub(crate) enum Step {
    /// The id is known with the same content.
    Duplicate,
    /// New: its id hash and packed forms (member not yet set).
    New(u64, Rec, Meta),
}
