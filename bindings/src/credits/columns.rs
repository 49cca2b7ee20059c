//! The columnar entry point (`Scorer::ingest_columns`) as a record of owned columns: a batch held as a data
//! frame or an Arrow table holds it (ids end to end with offsets, repeated ids once in a table and referenced
//! by index) crosses as a few arrays instead of one JSON object per event.

use dangjian::credits::Columns;

use super::{changed_json, CreditsScorer};
use crate::error::{guarded, Result};

/// A batch of events as columns (`dangjian::credits::Columns`, owned). Row `i` is the event
/// `{event_id: event_id_bytes[event_id_offsets[i] until event_id_offsets[i + 1]], member_id:
/// member_ids[members[i]], activity: activity_codes[activities[i]], occurred_at: occurred_at_ns[i] written
/// at offset_seconds[i], content_id: content_ids[contents[i]], duration_seconds: duration_seconds[i], …}`.
///
/// Every per-row column has one entry per row; an optional column (the ones with a default) left empty means
/// the field is absent from every row. The shape is checked before anything is scored: a column of the wrong
/// length, an index outside its table or a bad offset is `DangjianException.InvalidInput` `INVALID_COLUMNS`
/// with `field` the column's name (`event_id_offsets`, `members`, …).
///
/// ```kotlin
/// val cols = CreditsColumns(
///     eventIdBytes = "r1r2", eventIdOffsets = listOf(0u, 2u, 4u),
///     memberIds = listOf("M1"), members = listOf(0u, 0u),
///     activityCodes = listOf("reading_time"), activities = listOf(0u, 0u),
///     occurredAtNs = listOf(1772406000000000000L, 1772406600000000000L),   // 2026-03-02T07:00 and 07:10 +08:00
///     durationSeconds = listOf(300u, 150u),
/// )
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, uniffi::Record)]
pub struct CreditsColumns {
    /// The event ids end to end (`"r1r2"`).
    pub event_id_bytes: String,
    /// One more entry than rows, from 0: row `i`'s id is the UTF-8 bytes `event_id_offsets[i]` up to
    /// `event_id_offsets[i + 1]` of `event_id_bytes` (rising, on character boundaries, the last one at most
    /// the blob's length in UTF-8 bytes). Empty for an empty batch.
    pub event_id_offsets: Vec<u32>,
    /// The member ids the batch refers to, each once.
    pub member_ids: Vec<String>,
    /// Per row: the index of its member in `member_ids`.
    pub members: Vec<u32>,
    /// The activity codes the batch refers to, each once (`login`, `reading_time`, …).
    pub activity_codes: Vec<String>,
    /// Per row: the index of its activity in `activity_codes`.
    pub activities: Vec<u32>,
    /// Per row: `occurred_at` in nanoseconds since 1970-01-01T00:00:00Z. Its length is the number of rows.
    pub occurred_at_ns: Vec<i64>,
    /// Per row: the UTC offset in seconds east (under a day) `occurred_at` is written with in the ledger;
    /// empty: `+08:00` (28800) for every row. Days are China time whatever the offset.
    #[uniffi(default)]
    pub offset_seconds: Vec<i32>,
    /// The content ids the batch refers to, each once (for per-content dedup).
    #[uniffi(default)]
    pub content_ids: Vec<String>,
    /// Per row: the index of its content in `content_ids`, or 4294967295 (`u32::MAX`,
    /// `dangjian::credits::Columns::NONE`) for none; empty: no row has one.
    #[uniffi(default)]
    pub contents: Vec<u32>,
    /// Per row: seconds spent (reading, viewing), null for none; empty: no row has one.
    #[uniffi(default)]
    pub duration_seconds: Vec<Option<u32>>,
    /// Per row: correct answers (quizzes), null for none; empty: no row has one.
    #[uniffi(default)]
    pub correct_answers: Vec<Option<u32>>,
    /// Per row: place in a contest (1-based), null for none; empty: no row has one.
    #[uniffi(default)]
    pub place: Vec<Option<u32>>,
    /// Per row: declared points (bonus and deduction items), null for none; empty: no row has one.
    #[uniffi(default)]
    pub points: Vec<Option<i64>>,
}

/// A table of owned strings as the borrowed table `Columns` takes.
fn strs(table: &[String]) -> Vec<&str> {
    table.iter().map(String::as_str).collect()
}

#[uniffi::export]
impl CreditsScorer {
    /// Takes a batch of events as columns (`Scorer::ingest_columns`) and returns the same
    /// `{"changed","duplicates","errors"}` document as [`CreditsScorer::ingest_json`] gives for the same
    /// events: same entries, same duplicates, the same refusals (`UNKNOWN_ACTIVITY`, `MISSING_FIELD`,
    /// `CONFLICTING_EVENT_ID`, …) with their row as `index` — without a JSON object per event.
    ///
    /// Errors (the whole batch is refused and nothing changes): `DangjianException.InvalidInput`
    /// `INVALID_COLUMNS` at the column at fault (offsets not rising, not from 0 or past the ids' end at
    /// `event_id_offsets`; an index outside its table at `members` / `activities` / `contents`; a column of
    /// the wrong length; an offset of a day or more at `offset_seconds`); `SCORER_UNAVAILABLE`.
    ///
    /// ```kotlin
    /// val out = scorer.ingestColumns(cols)   // {"changed":[{"event_id":"r1",…,"points":5},{"event_id":"r2",…,"points":1}],…}
    /// ```
    pub fn ingest_columns(&self, columns: CreditsColumns) -> Result<String> {
        guarded(|| {
            let (member_ids, activity_codes, content_ids) = (
                strs(&columns.member_ids),
                strs(&columns.activity_codes),
                strs(&columns.content_ids),
            );
            let view = Columns {
                event_id_bytes: &columns.event_id_bytes,
                event_id_offsets: &columns.event_id_offsets,
                member_ids: &member_ids,
                members: &columns.members,
                activity_codes: &activity_codes,
                activities: &columns.activities,
                occurred_at_ns: &columns.occurred_at_ns,
                offset_seconds: &columns.offset_seconds,
                content_ids: &content_ids,
                contents: &columns.contents,
                duration_seconds: &columns.duration_seconds,
                correct_answers: &columns.correct_answers,
                place: &columns.place,
                points: &columns.points,
            };
            let mut scorer = self.lock()?;
            let r = scorer.ingest_columns(&view)?;
            changed_json(&scorer, r)
        })
    }
}
