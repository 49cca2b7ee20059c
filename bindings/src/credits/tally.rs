//! The totals fast path (`dangjian::credits::Tally`, RULES §7) as packed columns: numbered members and
//! activities in, each member's points per China-time day out, with no record and no string per event
//! crossing the boundary.
//!
//! Every per-row column is little-endian bytes (Kotlin `ByteArray` from a `ByteBuffer` in
//! `ByteOrder.LITTLE_ENDIAN`, Python `bytes` from `array('I', …).tobytes()` or numpy's `.tobytes()`, Swift
//! `Data`): one bulk copy on the foreign side instead of one boxed element per row. The totals come back the
//! same way ([`LeI64s`]), read by the foreign side's bulk bytes converter.

use std::sync::Arc;

use dangjian::credits::{self as core, EventError, Rows};

use super::CreditsScheme;
use crate::dues::packed::LeI64s;
use crate::error::{guarded, Result};

/// A batch of numbered events for [`CreditsTally::day_totals`] (`dangjian::credits::Rows`, packed). Row `i`
/// is the event of member `members[i]` doing `activity_codes[activities[i]]` at `seconds[i]` (seconds since
/// 1970-01-01T00:00:00Z). Members and contents are the caller's own numbers (a data frame's category codes,
/// a database key): the totals come back with the same numbers.
///
/// A `u32` column holds 4 little-endian bytes per row, an `i64` column 8. An optional column left empty means
/// no row has the field; 4294967295 (`u32::MAX`) in a `u32` row means that row has not. A malformed batch (a
/// length that is not a whole number of values, a column of the wrong length, an activity index outside
/// `activity_codes`) is `DangjianException.InvalidInput` `INVALID_COLUMNS` naming the column, and nothing is
/// scored.
///
/// ```python
/// from array import array
/// rows = dangjian.TallyRows(members_le=array("I", [0, 0]).tobytes(), activity_codes=["login"],
///     activities_le=array("I", [0, 0]).tobytes(), seconds_le=array("q", [1772406000, 1772406060]).tobytes())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, uniffi::Record)]
pub struct TallyRows {
    /// Per row: the member's number (`u32`).
    pub members_le: Vec<u8>,
    /// The activity codes the batch refers to (`login`, `reading_time`, …).
    pub activity_codes: Vec<String>,
    /// Per row: index into `activity_codes` (`u32`).
    pub activities_le: Vec<u8>,
    /// Per row: `occurred_at` in seconds since the epoch (`i64`); days are China time.
    pub seconds_le: Vec<u8>,
    /// Per row: the content's number (`u32`, per-content dedup), or `u32::MAX` for none.
    #[uniffi(default)]
    pub contents_le: Vec<u8>,
    /// Per row: seconds spent (`u32`), or `u32::MAX` for none.
    #[uniffi(default)]
    pub duration_seconds_le: Vec<u8>,
    /// Per row: correct answers (`u32`), or `u32::MAX` for none.
    #[uniffi(default)]
    pub correct_answers_le: Vec<u8>,
    /// Per row: place in a contest, 1-based (`u32`), or `u32::MAX` for none.
    #[uniffi(default)]
    pub place_le: Vec<u8>,
    /// Per row: declared points (`i64`; bonus and deduction items), or `i64::MIN` for none.
    #[uniffi(default)]
    pub points_le: Vec<u8>,
    /// Per row: one byte, not 0 when the event was voided (clawed back).
    #[uniffi(default)]
    pub voided: Vec<u8>,
    /// Cheating decisions, by member (`u32`): the member's n-th takes the n-th step of the penalty ladder.
    #[uniffi(default)]
    pub offence_members_le: Vec<u8>,
    /// When each offence was decided, in seconds since the epoch (`i64`), one per `offence_members_le`.
    #[uniffi(default)]
    pub offence_seconds_le: Vec<u8>,
}

/// Each member's points per China-time day, in member then day order (`dangjian::credits::DayTotals`): one
/// entry per day a member has an accepted event (0 when none of them scored). Each column holds 8
/// little-endian bytes (`i64`) per entry.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TallyTotals {
    /// The member's number, as given.
    pub members_le: LeI64s,
    /// The China-time day, counted from 1970-01-01 (day 0).
    pub days_le: LeI64s,
    /// The member's points that day.
    pub points_le: LeI64s,
    /// The rows refused (`index`: the row), with the code and field the scorer gives the same event.
    pub errors: Vec<EventError>,
}

/// A scheme compiled once for the totals fast path (`dangjian::credits::Tally`): the same rule steps as
/// [`super::CreditsScorer`] (caps, dedup, windows, units, penalties, voids), so its day totals are the
/// scorer's `day` totals for the same events, without a ledger.
///
/// ```kotlin
/// fun le(vararg v: Int) = ByteBuffer.allocate(4 * v.size).order(ByteOrder.LITTLE_ENDIAN).apply { asIntBuffer().put(v) }.array()
/// val out = CreditsTally(CreditsScheme.learningPlatform()).dayTotals(TallyRows(
///     membersLe = le(0, 0), activityCodes = listOf("login"), activitiesLe = le(0, 0),
///     secondsLe = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1772406000L).putLong(1772406060L).array()))
/// // one entry: member 0, 2026-03-02, 1 point (a login is 1 point, once a day)
/// ```
#[derive(Debug, uniffi::Object)]
pub struct CreditsTally {
    inner: core::Tally,
}

#[uniffi::export]
impl CreditsTally {
    /// The fast path for a scheme.
    ///
    /// Errors as `CreditsScorer`'s constructor (the scheme is validated again).
    ///
    /// ```kotlin
    /// val tally = CreditsTally(CreditsScheme.memberPoints())
    /// ```
    #[uniffi::constructor]
    pub fn new(scheme: &CreditsScheme) -> Result<Arc<Self>> {
        guarded(|| {
            Ok(Arc::new(Self {
                inner: core::Tally::new(&scheme.inner)?,
            }))
        })
    }

    /// Scores the whole batch and returns each member's points per day (`Tally::day_totals`). A row the
    /// scheme cannot score (`UNKNOWN_ACTIVITY`, `MISSING_FIELD`, …) is an entry of `errors`; the others count.
    ///
    /// Errors: `DangjianException.InvalidInput` `INVALID_COLUMNS` (a malformed batch, see [`TallyRows`]),
    /// `TIME_OUT_OF_RANGE` (an offence's time).
    ///
    /// ```python
    /// out = dangjian.CreditsTally(dangjian.CreditsScheme.learning_platform()).day_totals(rows)
    /// assert list(array("q", out.points_le)) == [1]
    /// ```
    pub fn day_totals(&self, rows: TallyRows) -> Result<TallyTotals> {
        guarded(|| Ok(self.totals(&rows)?))
    }
}

impl CreditsTally {
    /// Unpacks the columns, scores, packs the totals.
    fn totals(&self, rows: &TallyRows) -> dangjian::Result<TallyTotals> {
        let none = |v: i64| (v != i64::MIN).then_some(v);
        let points: Vec<Option<i64>> = i64s(&rows.points_le, "points_le")?
            .into_iter()
            .map(none)
            .collect();
        let voided: Vec<bool> = rows.voided.iter().map(|&b| b != 0).collect();
        let codes: Vec<&str> = rows.activity_codes.iter().map(String::as_str).collect();
        let (members, activities) = (
            u32s(&rows.members_le, "members_le")?,
            u32s(&rows.activities_le, "activities_le")?,
        );
        let (contents, duration) = (
            u32s(&rows.contents_le, "contents_le")?,
            u32s(&rows.duration_seconds_le, "duration_seconds_le")?,
        );
        let (correct, place) = (
            u32s(&rows.correct_answers_le, "correct_answers_le")?,
            u32s(&rows.place_le, "place_le")?,
        );
        let seconds = i64s(&rows.seconds_le, "seconds_le")?;
        let offence_members = u32s(&rows.offence_members_le, "offence_members_le")?;
        let offence_seconds = i64s(&rows.offence_seconds_le, "offence_seconds_le")?;
        if offence_members.len() != offence_seconds.len() {
            return Err(bad(
                "offence_seconds_le",
                "长度须等于 offence_members_le",
                "needs one entry per offence",
            ));
        }
        let offences: Vec<(u32, i64)> = offence_members.into_iter().zip(offence_seconds).collect();
        let view = Rows {
            members: &members,
            activity_codes: &codes,
            activities: &activities,
            seconds: &seconds,
            contents: &contents,
            duration_seconds: &duration,
            correct_answers: &correct,
            place: &place,
            points: &points,
            voided: &voided,
        };
        let d = self.inner.day_totals(&view, &offences)?;
        Ok(TallyTotals {
            members_le: LeI64s(d.members.into_iter().map(i64::from).collect()),
            days_le: LeI64s(d.days),
            points_le: LeI64s(d.points),
            errors: d.errors,
        })
    }
}

/// `INVALID_COLUMNS` at `field`, worded as the core words its own.
fn bad(field: &str, zh: &str, en: &str) -> dangjian::Error {
    dangjian::Error::input(
        "INVALID_COLUMNS",
        field,
        format!("列 {field}：{zh}"),
        format!("column {field}: {en}"),
    )
}

/// Little-endian `u32`s; a length that is not a multiple of 4 is `INVALID_COLUMNS`.
fn u32s(bytes: &[u8], field: &str) -> dangjian::Result<Vec<u32>> {
    let chunks = bytes.chunks_exact(4);
    if !chunks.remainder().is_empty() {
        return Err(bad(field, "字节数须为 4 的倍数", "needs 4 bytes per row"));
    }
    Ok(chunks
        .map(|c| <[u8; 4]>::try_from(c).map_or(0, u32::from_le_bytes))
        .collect())
}

/// Little-endian `i64`s; a length that is not a multiple of 8 is `INVALID_COLUMNS`.
fn i64s(bytes: &[u8], field: &str) -> dangjian::Result<Vec<i64>> {
    LeI64s::from_le_bytes(bytes)
        .map(|v| v.0)
        .ok_or_else(|| bad(field, "字节数须为 8 的倍数", "needs 8 bytes per row"))
}
