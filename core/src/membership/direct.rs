//! The direct reader of member records: each event read field by field into one flat struct (its `kind` a field
//! like the others), the variant built after — instead of serde's internally tagged read, which buffers every
//! event's fields in its `Content` tree to find the tag, then reads the variant from that buffer — and each date
//! through [`crate::month::iso_date`] instead of chrono's format-driven parser.
//!
//! It answers only "this text is this record" or "not read here": on any doubt (an unknown or missing kind, a
//! field the kind does not take, a repeated key, a date not written `YYYY-MM-DD`, a `null` where the variant's
//! field is not optional) it refuses, and the caller takes the serde read, whose error (code, field, messages)
//! is the answer. So the one property to keep is: a record read here is the record serde reads from the same
//! text (`direct_tests.rs` compares the two on generated records, bad dates and unknown kinds included).
//!
//! Measured (issue 19, `scale` bench, thread CPU time, one run each, figures in the bench's header): the member
//! check at 106,247 people 250k → 367k people/s, 111k → 258k with 36,382 meetings.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;
use serde::de::{self, IntoDeserializer};
use serde::{Deserialize, Deserializer};

use super::meeting::Meeting;
use super::params::MeetingKind;
use super::record::{
    MemberEvent, MemberRecord, NoticeStage, Recommendation, RemovalKind, SanctionKind, Vote,
};
use super::stage::Stage;
use crate::disclosure::Objection;
use crate::month::iso_date;

/// A date read by [`crate::month::iso_date`]; anything else is an error (the caller then takes the serde read).
#[derive(Debug)]
struct Date(NaiveDate);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl de::Visitor<'_> for Visit {
            type Value = Date;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a YYYY-MM-DD date")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Date, E> {
                iso_date(s)
                    .map(Date)
                    .ok_or_else(|| E::custom("not read here"))
            }
        }
        d.deserialize_str(Visit)
    }
}

/// A field of the flat event: absent, or given (then read as `T` itself — a `null` is given, and refused unless
/// `T` takes it, as serde refuses it for a field that is not an `Option`).
#[derive(Default)]
enum Slot<T> {
    #[default]
    Missing,
    Given(T),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Slot<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(d).map(Slot::Given)
    }
}

impl<T> Slot<T> {
    fn given(&self) -> bool {
        matches!(self, Self::Given(_))
    }
    /// The value of a required field.
    fn need(self) -> Option<T> {
        match self {
            Self::Given(t) => Some(t),
            Self::Missing => None,
        }
    }
    /// The value, or the field's default when absent.
    fn or(self, default: T) -> T {
        self.need().unwrap_or(default)
    }
}

impl<T> Slot<Option<T>> {
    /// An optional field: absent and `null` are both `None`.
    fn opt(self) -> Option<T> {
        self.need().flatten()
    }
}

impl Slot<Option<Date>> {
    fn day(self) -> Option<NaiveDate> {
        self.opt().map(|d| d.0)
    }
}

/// The event kinds, as JSON names them — read as serde reads the tag: an identifier (a string; serde's own
/// enum reading would also take `{"talk":null}`, which the tagged read refuses).
#[derive(Clone, Copy, Deserialize)]
#[serde(variant_identifier, rename_all = "snake_case")]
enum Kind {
    Imported,
    Application,
    Talk,
    Activist,
    Contacts,
    HalfYearReview,
    DevelopmentTarget,
    Sponsors,
    PoliticalReview,
    Training,
    PublicNotice,
    CommitteeReview,
    PreReview,
    BranchVote,
    Interview,
    Approval,
    Oath,
    ProbationExtended,
    ProbationCancelled,
    Conversion,
    Sanction,
    SanctionExtended,
    RightsRestored,
    Suspended,
    Reinstated,
    Removed,
    LostContact,
    ContactRestored,
    TransferOut,
    TransferIn,
    Away,
    Returned,
    Graduated,
    Excused,
}

/// Every field any event kind has, each optional; which ones a kind takes is checked when the variant is built.
/// `stage` is text here: `imported` reads it as a [`Stage`], `public_notice` as a [`NoticeStage`].
#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct FlatEvent {
    kind: Slot<Kind>,
    date: Slot<Date>,
    stage: Slot<String>,
    recommended_by: Slot<Recommendation>,
    filed_on: Slot<Option<Date>>,
    contacts: Slot<Vec<String>>,
    higher_approval_on: Slot<Option<Date>>,
    sponsors: Slot<Vec<String>>,
    passed: Slot<bool>,
    days: Slot<u32>,
    class_hours: Slot<u32>,
    closes_on: Slot<Date>,
    objections: Slot<Vec<Objection>>,
    vote: Slot<Vote>,
    reason: Slot<Option<String>>,
    months: Slot<u32>,
    sanction: Slot<SanctionKind>,
    years: Slot<Option<u32>>,
    how: Slot<RemovalKind>,
    to_org: Slot<String>,
    same_city: Slot<bool>,
    from_org: Slot<String>,
    place: Slot<Option<String>>,
    until: Slot<Date>,
}

/// The fields beyond `kind` and `date`, one bit each (the order of [`FlatEvent::extras`]).
mod bit {
    pub(super) const STAGE: u32 = 1;
    pub(super) const RECOMMENDED_BY: u32 = 1 << 1;
    pub(super) const FILED_ON: u32 = 1 << 2;
    pub(super) const CONTACTS: u32 = 1 << 3;
    pub(super) const HIGHER_APPROVAL_ON: u32 = 1 << 4;
    pub(super) const SPONSORS: u32 = 1 << 5;
    pub(super) const PASSED: u32 = 1 << 6;
    pub(super) const DAYS: u32 = 1 << 7;
    pub(super) const CLASS_HOURS: u32 = 1 << 8;
    pub(super) const CLOSES_ON: u32 = 1 << 9;
    pub(super) const OBJECTIONS: u32 = 1 << 10;
    pub(super) const VOTE: u32 = 1 << 11;
    pub(super) const REASON: u32 = 1 << 12;
    pub(super) const MONTHS: u32 = 1 << 13;
    pub(super) const SANCTION: u32 = 1 << 14;
    pub(super) const YEARS: u32 = 1 << 15;
    pub(super) const HOW: u32 = 1 << 16;
    pub(super) const TO_ORG: u32 = 1 << 17;
    pub(super) const SAME_CITY: u32 = 1 << 18;
    pub(super) const FROM_ORG: u32 = 1 << 19;
    pub(super) const PLACE: u32 = 1 << 20;
    pub(super) const UNTIL: u32 = 1 << 21;
}

/// The fields beyond `kind` and `date` that `kind` takes (serde refuses any other: `deny_unknown_fields`).
fn takes(kind: Kind) -> u32 {
    use bit::*;
    match kind {
        Kind::Imported => STAGE,
        Kind::Activist => RECOMMENDED_BY | FILED_ON,
        Kind::Contacts => CONTACTS,
        Kind::DevelopmentTarget => HIGHER_APPROVAL_ON,
        Kind::Sponsors => SPONSORS,
        Kind::PoliticalReview => PASSED,
        Kind::Training => DAYS | CLASS_HOURS,
        Kind::PublicNotice => CLOSES_ON | STAGE | OBJECTIONS,
        Kind::BranchVote => VOTE,
        Kind::Approval => REASON,
        Kind::Excused => REASON | UNTIL,
        Kind::ProbationExtended => MONTHS,
        Kind::Sanction => SANCTION | YEARS,
        Kind::Removed => HOW,
        Kind::TransferOut => TO_ORG | SAME_CITY,
        Kind::TransferIn => FROM_ORG,
        Kind::Away => PLACE,
        _ => 0,
    }
}

impl FlatEvent {
    /// The fields given beyond `kind` and `date`, as [`bit`]s.
    fn extras(&self) -> u32 {
        let given = [
            self.stage.given(),
            self.recommended_by.given(),
            self.filed_on.given(),
            self.contacts.given(),
            self.higher_approval_on.given(),
            self.sponsors.given(),
            self.passed.given(),
            self.days.given(),
            self.class_hours.given(),
            self.closes_on.given(),
            self.objections.given(),
            self.vote.given(),
            self.reason.given(),
            self.months.given(),
            self.sanction.given(),
            self.years.given(),
            self.how.given(),
            self.to_org.given(),
            self.same_city.given(),
            self.from_org.given(),
            self.place.given(),
            self.until.given(),
        ];
        given
            .iter()
            .rev()
            .fold(0, |bits, &g| (bits << 1) | u32::from(g))
    }

    /// The event serde reads from the same fields, or `None` where serde would refuse them (or might).
    fn build(mut self) -> Option<MemberEvent> {
        let kind = std::mem::take(&mut self.kind).need()?;
        if self.extras() & !takes(kind) != 0 {
            return None;
        }
        let date = std::mem::take(&mut self.date).need()?.0;
        match kind {
            Kind::Application => Some(MemberEvent::Application { date }),
            Kind::Talk => Some(MemberEvent::Talk { date }),
            Kind::HalfYearReview => Some(MemberEvent::HalfYearReview { date }),
            Kind::CommitteeReview => Some(MemberEvent::CommitteeReview { date }),
            Kind::PreReview => Some(MemberEvent::PreReview { date }),
            Kind::Interview => Some(MemberEvent::Interview { date }),
            Kind::Oath => Some(MemberEvent::Oath { date }),
            Kind::ProbationCancelled => Some(MemberEvent::ProbationCancelled { date }),
            Kind::Conversion => Some(MemberEvent::Conversion { date }),
            Kind::SanctionExtended => Some(MemberEvent::SanctionExtended { date }),
            Kind::RightsRestored => Some(MemberEvent::RightsRestored { date }),
            Kind::Suspended => Some(MemberEvent::Suspended { date }),
            Kind::Reinstated => Some(MemberEvent::Reinstated { date }),
            Kind::LostContact => Some(MemberEvent::LostContact { date }),
            Kind::ContactRestored => Some(MemberEvent::ContactRestored { date }),
            Kind::Returned => Some(MemberEvent::Returned { date }),
            Kind::Graduated => Some(MemberEvent::Graduated { date }),
            _ => self.pipeline(kind, date),
        }
    }

    /// The pipeline's events with fields beyond the date.
    fn pipeline(self, kind: Kind, date: NaiveDate) -> Option<MemberEvent> {
        Some(match kind {
            Kind::Imported => MemberEvent::Imported {
                date,
                stage: named::<Stage>(&self.stage.need()?)?,
            },
            Kind::Activist => MemberEvent::Activist {
                date,
                recommended_by: self.recommended_by.need()?,
                filed_on: self.filed_on.day(),
            },
            Kind::Contacts => MemberEvent::Contacts {
                date,
                contacts: self.contacts.need()?,
            },
            Kind::DevelopmentTarget => MemberEvent::DevelopmentTarget {
                date,
                higher_approval_on: self.higher_approval_on.day(),
            },
            Kind::Sponsors => MemberEvent::Sponsors {
                date,
                sponsors: self.sponsors.need()?,
            },
            Kind::PoliticalReview => MemberEvent::PoliticalReview {
                date,
                passed: self.passed.or(true),
            },
            Kind::Training => MemberEvent::Training {
                date,
                days: self.days.or(0),
                class_hours: self.class_hours.or(0),
            },
            Kind::BranchVote => MemberEvent::BranchVote {
                date,
                vote: self.vote.need()?,
            },
            Kind::Approval => MemberEvent::Approval {
                date,
                reason: self.reason.opt(),
            },
            Kind::ProbationExtended => MemberEvent::ProbationExtended {
                date,
                months: self.months.need()?,
            },
            _ => return self.later(kind, date),
        })
    }

    /// The notice, discipline and mobility events with fields beyond the date.
    fn later(self, kind: Kind, date: NaiveDate) -> Option<MemberEvent> {
        Some(match kind {
            Kind::PublicNotice => MemberEvent::PublicNotice {
                date,
                closes_on: self.closes_on.need()?.0,
                stage: match self.stage {
                    Slot::Given(s) => named::<NoticeStage>(&s)?,
                    Slot::Missing => NoticeStage::default(),
                },
                objections: self.objections.or(Vec::new()),
            },
            Kind::Sanction => MemberEvent::Sanction {
                date,
                sanction: self.sanction.need()?,
                years: self.years.opt(),
            },
            Kind::Removed => MemberEvent::Removed {
                date,
                how: self.how.need()?,
            },
            Kind::TransferOut => MemberEvent::TransferOut {
                date,
                to_org: self.to_org.need()?,
                same_city: self.same_city.or(false),
            },
            Kind::TransferIn => MemberEvent::TransferIn {
                date,
                from_org: self.from_org.need()?,
            },
            Kind::Away => MemberEvent::Away {
                date,
                place: self.place.opt(),
            },
            Kind::Excused => MemberEvent::Excused {
                date,
                until: self.until.need()?.0,
                // Required here: a `null` reason is refused, as serde refuses it for a `String`.
                reason: self.reason.need()??,
            },
            _ => return None,
        })
    }
}

/// The unit variant named `name` (a [`Stage`] or [`NoticeStage`], as serde names it).
fn named<'de, T: Deserialize<'de>>(name: &str) -> Option<T> {
    let d: de::value::StrDeserializer<'_, de::value::Error> = name.into_deserializer();
    T::deserialize(d).ok()
}

/// One event, read directly; any doubt is an error. Transparent, so that the record's events become
/// [`MemberEvent`]s in place.
#[repr(transparent)]
struct DirectEvent(MemberEvent);

impl<'de> Deserialize<'de> for DirectEvent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        FlatEvent::deserialize(d)?
            .build()
            .map(DirectEvent)
            .ok_or_else(|| de::Error::custom("not read here"))
    }
}

/// The record as serde reads it, but with direct events and dates.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DirectRecord {
    id: String,
    name: String,
    birth_date: Date,
    org: String,
    #[serde(default)]
    id_number: Option<String>,
    #[serde(default)]
    events: Vec<DirectEvent>,
}

/// The record in `json`, read directly, or `None` when it is not read here (the serde read then answers: the
/// record, or its error).
pub(crate) fn direct_record(json: &str) -> Option<MemberRecord> {
    serde_json::from_str::<DirectRecord>(json)
        .ok()
        .map(DirectRecord::into_record)
}

impl DirectRecord {
    /// The record (the events become [`MemberEvent`]s in place: the vector is reused).
    pub(crate) fn into_record(self) -> MemberRecord {
        MemberRecord {
            id: self.id,
            name: self.name,
            birth_date: self.birth_date.0,
            org: self.org,
            id_number: self.id_number,
            events: self.events.into_iter().map(|e| e.0).collect(),
        }
    }
}

/// A meeting read for the member check's index without copying its text: the organization, kind, day and
/// who was there are borrowed from the input. It reads the fields `Meeting` reads, and refuses what `Meeting`
/// refuses (and more: a string with an escape, which cannot be borrowed; a date otherwise written), so a
/// meeting read here is the meeting serde reads.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
// The id, the absent without leave and the lecturer are read to be checked as `Meeting` checks them; the index
// does not need them (the tests compare them).
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct MeetingView<'a> {
    #[serde(borrow)]
    id: &'a str,
    pub(crate) kind: MeetingKind,
    date: Date,
    #[serde(borrow)]
    pub(crate) org: &'a str,
    #[serde(default, borrow)]
    pub(crate) attendees: Vec<&'a str>,
    #[serde(default, borrow)]
    pub(crate) absent_with_leave: Vec<&'a str>,
    #[serde(default, borrow)]
    absent_without_leave: Vec<&'a str>,
    #[serde(default, borrow)]
    lecturer: Option<&'a str>,
}

impl MeetingView<'_> {
    /// The day held.
    pub(crate) fn date(&self) -> NaiveDate {
        self.date.0
    }

    /// The meeting as serde reads it (the tests compare it with serde's).
    #[cfg(test)]
    pub(crate) fn to_meeting(&self) -> Meeting {
        let owned = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect();
        Meeting {
            id: self.id.to_owned(),
            kind: self.kind,
            date: self.date.0,
            org: self.org.to_owned(),
            attendees: owned(&self.attendees),
            absent_with_leave: owned(&self.absent_with_leave),
            absent_without_leave: owned(&self.absent_without_leave),
            lecturer: self.lecturer.map(str::to_owned),
        }
    }
}

/// A meeting of a members document, in input order: read into the type, or borrowed from the input.
#[derive(Debug)]
pub(crate) enum MeetingIn<'a> {
    Owned(Meeting),
    Borrowed(MeetingView<'a>),
}

impl MeetingIn<'_> {
    /// How many people the meeting lists as present or absent with leave.
    pub(crate) fn present_count(&self) -> usize {
        match self {
            MeetingIn::Owned(m) => m.attendees.len().saturating_add(m.absent_with_leave.len()),
            MeetingIn::Borrowed(v) => v.attendees.len().saturating_add(v.absent_with_leave.len()),
        }
    }
}

/// The meeting in `json`, borrowed where it can be, owned where serde reads it and the view does not, or
/// `None` (the path-tracking read then gives its error).
pub(crate) fn meeting_in(json: &str) -> Option<MeetingIn<'_>> {
    match serde_json::from_str::<MeetingView<'_>>(json) {
        Ok(v) => Some(MeetingIn::Borrowed(v)),
        Err(_) => serde_json::from_str(json).ok().map(MeetingIn::Owned),
    }
}

#[cfg(test)]
#[path = "direct_tests.rs"]
mod tests;
