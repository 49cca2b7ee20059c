//! The columnar entry point: a batch of events as columns, with member ids, activity codes and content ids
//! given once in tables and referenced by index, as a data frame or an Arrow table holds them.

use chrono::FixedOffset;

use super::event::EventError;
use super::fold::NO_CONTENT;
use super::packed::{Step, View};
use super::scorer::{Ingest, Scorer};
use crate::id_arena::hash_str;
use crate::{Error, Result};

/// A batch of events as columns (Arrow's layout: strings end to end with offsets, the repeated ids
/// dictionary-encoded). Row `i` is the event
/// `{event_id: event_id_bytes[event_id_offsets[i]..event_id_offsets[i + 1]], member_id:
/// member_ids[members[i]], activity: activity_codes[activities[i]], occurred_at: occurred_at_ns[i]
/// written at offset_seconds[i], content_id: content_ids[contents[i]], duration_seconds:
/// duration_seconds[i], …}`. An optional column left empty means the field is absent from every row
/// (`offset_seconds` empty: every time is written in China time, `+08:00`); [`Columns::NONE`] in
/// `contents` means that row has no content id.
///
/// [`Scorer::ingest_columns`] scores it exactly as [`Scorer::ingest`] scores the same events, without
/// a `String` per field per event.
///
/// ```
/// use dangjian::credits::Columns;
/// let c = Columns { occurred_at_ns: &[0, 1], ..Columns::default() };
/// assert_eq!(c.len(), 2);
/// ```
///
/// In TypeScript (`CreditColumns`, `CreditsScorer.ingestColumns`) the per-row columns are typed arrays, the
/// ids a string or its UTF-8 bytes, the tables plain string arrays, `NONE` is 4294967295, and an optional
/// column may be left out.
#[derive(Debug, Clone, Copy, Default)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(rename = "CreditColumns")
)]
pub struct Columns<'a> {
    /// The event ids end to end.
    #[cfg_attr(feature = "wasm", tsify(type = "string | Uint8Array"))]
    pub event_id_bytes: &'a str,
    /// `len + 1` byte offsets into `event_id_bytes`, from 0: row `i`'s id is `[offsets[i], offsets[i + 1])`.
    #[cfg_attr(feature = "wasm", tsify(type = "Uint32Array"))]
    pub event_id_offsets: &'a [u32],
    /// The member ids the batch refers to (each once).
    #[cfg_attr(feature = "wasm", tsify(type = "string[]"))]
    pub member_ids: &'a [&'a str],
    /// Per row: index into `member_ids`.
    #[cfg_attr(feature = "wasm", tsify(type = "Uint32Array"))]
    pub members: &'a [u32],
    /// The activity codes the batch refers to (each once).
    #[cfg_attr(feature = "wasm", tsify(type = "string[]"))]
    pub activity_codes: &'a [&'a str],
    /// Per row: index into `activity_codes`.
    #[cfg_attr(feature = "wasm", tsify(type = "Uint32Array"))]
    pub activities: &'a [u32],
    /// Per row: `occurred_at` in nanoseconds since 1970-01-01T00:00:00Z.
    #[cfg_attr(feature = "wasm", tsify(type = "BigInt64Array"))]
    pub occurred_at_ns: &'a [i64],
    /// Per row: the UTC offset (seconds east) `occurred_at` is written with; empty: `+08:00` for all.
    #[cfg_attr(feature = "wasm", tsify(type = "Int32Array", optional))]
    pub offset_seconds: &'a [i32],
    /// The content ids the batch refers to (each once).
    #[cfg_attr(feature = "wasm", tsify(type = "string[]", optional))]
    pub content_ids: &'a [&'a str],
    /// Per row: index into `content_ids`, or [`Columns::NONE`]; empty: no row has one.
    #[cfg_attr(feature = "wasm", tsify(type = "Uint32Array", optional))]
    pub contents: &'a [u32],
    /// Per row, or empty: none.
    #[cfg_attr(
        feature = "wasm",
        tsify(type = "Uint32Array | (number | null)[]", optional)
    )]
    pub duration_seconds: &'a [Option<u32>],
    /// Per row, or empty: none.
    #[cfg_attr(
        feature = "wasm",
        tsify(type = "Uint32Array | (number | null)[]", optional)
    )]
    pub correct_answers: &'a [Option<u32>],
    /// Per row, or empty: none.
    #[cfg_attr(
        feature = "wasm",
        tsify(type = "Uint32Array | (number | null)[]", optional)
    )]
    pub place: &'a [Option<u32>],
    /// Per row, or empty: none.
    #[cfg_attr(
        feature = "wasm",
        tsify(type = "Int32Array | (number | null)[]", optional)
    )]
    pub points: &'a [Option<i64>],
}

impl Columns<'_> {
    /// "No content id" in `contents`.
    pub const NONE: u32 = u32::MAX;

    /// The number of rows (events).
    ///
    /// ```
    /// assert_eq!(dangjian::credits::Columns::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.occurred_at_ns.len()
    }

    /// Whether there are no rows.
    ///
    /// ```
    /// assert!(dangjian::credits::Columns::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.occurred_at_ns.is_empty()
    }

    /// Checks the shape: every column as long as the batch (or empty where allowed), every index inside
    /// its table, offsets rising and on character boundaries, UTC offsets under a day.
    fn validate(&self) -> Result<()> {
        self.validate_ids()?;
        self.validate_tables()?;
        self.validate_optional()
    }

    /// The event id offsets: one more than the rows, from 0, rising on character boundaries.
    fn validate_ids(&self) -> Result<()> {
        let n = self.len();
        if !(n.checked_add(1) == Some(self.event_id_offsets.len())
            || (n == 0 && self.event_id_offsets.is_empty()))
        {
            return bad(
                "event_id_offsets",
                "长度须为行数加一",
                "needs one more entry than rows",
            );
        }
        if self.event_id_offsets.first().is_some_and(|&o| o != 0) {
            return bad("event_id_offsets", "须从 0 开始", "must start at 0");
        }
        for w in self.event_id_offsets.windows(2) {
            if let [a, b] = *w {
                if self.event_id_bytes.get(a as usize..b as usize).is_none() {
                    return bad(
                        "event_id_offsets",
                        "偏移须递增且落在字符边界上",
                        "offsets must rise and fall on character boundaries",
                    );
                }
            }
        }
        Ok(())
    }

    /// Members and activities: one per row, each inside its table.
    fn validate_tables(&self) -> Result<()> {
        let n = self.len();
        if self.members.len() != n {
            return bad("members", "长度须等于行数", "needs one entry per row");
        }
        if self.activities.len() != n {
            return bad("activities", "长度须等于行数", "needs one entry per row");
        }
        let (n_members, n_acts) = (self.member_ids.len(), self.activity_codes.len());
        if self.members.iter().any(|&m| m as usize >= n_members) {
            return bad("members", "索引超出 member_ids", "index outside member_ids");
        }
        if self.activities.iter().any(|&a| a as usize >= n_acts) {
            return bad(
                "activities",
                "索引超出 activity_codes",
                "index outside activity_codes",
            );
        }
        Ok(())
    }

    /// The optional columns: one per row or none; offsets under a day, contents inside their table.
    fn validate_optional(&self) -> Result<()> {
        let n = self.len();
        let optional = |len: usize| len == 0 || len == n;
        let per_row = |field: &str, len: usize| {
            if optional(len) {
                Ok(())
            } else {
                bad(
                    field,
                    "长度须等于行数或为空",
                    "needs one entry per row or none",
                )
            }
        };
        per_row("offset_seconds", self.offset_seconds.len())?;
        if self
            .offset_seconds
            .iter()
            .any(|&o| FixedOffset::east_opt(o).is_none())
        {
            return bad(
                "offset_seconds",
                "时区偏移须小于一天",
                "offsets must be under a day",
            );
        }
        per_row("contents", self.contents.len())?;
        let n_contents = self.content_ids.len();
        if self
            .contents
            .iter()
            .any(|&c| c != Self::NONE && c as usize >= n_contents)
        {
            return bad(
                "contents",
                "索引超出 content_ids",
                "index outside content_ids",
            );
        }
        per_row("duration_seconds", self.duration_seconds.len())?;
        per_row("correct_answers", self.correct_answers.len())?;
        per_row("place", self.place.len())?;
        per_row("points", self.points.len())
    }

    /// The event ids, row by row (after [`Columns::validate`]).
    fn ids(&self) -> impl Iterator<Item = &str> + '_ {
        let bytes = self.event_id_bytes;
        self.event_id_offsets.windows(2).map(move |w| match *w {
            [a, b] => bytes.get(a as usize..b as usize).unwrap_or(""),
            _ => "",
        })
    }

    /// Row `r` as the validation reads it. `contents` are the content table's interned indices; the
    /// member id is read only for a possible repeat (a new row needs it only to create its member).
    fn view<'c>(&'c self, r: &Row<'c>, contents: &[u32]) -> View<'c> {
        let i = r.index;
        let (content_id, content_ix) = match self.contents.get(i) {
            Some(&ci) if ci != Columns::NONE => (
                self.content_ids.get(ci as usize).copied(),
                contents.get(ci as usize).copied().unwrap_or(NO_CONTENT),
            ),
            _ => (None, NO_CONTENT),
        };
        let china = i32::try_from(super::CHINA_OFFSET_SECONDS).unwrap_or(0);
        View {
            id: r.id,
            member_id: if r.may_exist {
                self.member_id(r.member)
            } else {
                ""
            },
            activity: self
                .activity_codes
                .get(r.activity as usize)
                .copied()
                .unwrap_or(""),
            ts: Some(r.ts),
            offset: self.offset_seconds.get(i).copied().unwrap_or(china),
            content_id,
            content_ix,
            duration: self.duration_seconds.get(i).copied().flatten(),
            correct: self.correct_answers.get(i).copied().flatten(),
            place: self.place.get(i).copied().flatten(),
            points: self.points.get(i).copied().flatten(),
        }
    }

    fn member_id(&self, mi: u32) -> &str {
        self.member_ids.get(mi as usize).copied().unwrap_or("")
    }
}

/// One row of a batch: its position, id, whether the id may repeat, and its member, activity and time.
struct Row<'c> {
    index: usize,
    id: &'c str,
    may_exist: bool,
    member: u32,
    activity: u32,
    ts: i64,
}

/// `INVALID_COLUMNS` at `field` (the columnar ingest's and [`super::Tally`]'s shape checks).
pub(super) fn bad(field: &str, zh: &str, en: &str) -> Result<()> {
    Err(Error::input(
        "INVALID_COLUMNS",
        field,
        format!("列 {field}：{zh}"),
        format!("column {field}: {en}"),
    ))
}

impl Scorer {
    /// Takes a batch of events as [`Columns`]; the same as [`Scorer::ingest`] of the same events (same
    /// entries, duplicates, refusals with their row as `index`), without building an [`Event`] per row: ids
    /// in the tables are interned once per batch, not once per row. A malformed batch (a column of the
    /// wrong length, an index outside its table, a bad offset) is refused whole (`INVALID_COLUMNS`, the
    /// column at fault) and changes nothing.
    ///
    /// [`Event`]: super::Event
    ///
    /// ```
    /// use dangjian::credits::{Columns, Scheme, Scorer};
    /// let t = chrono::DateTime::parse_from_rfc3339("2026-03-02T07:00:00+08:00").unwrap();
    /// let ns = t.timestamp_nanos_opt().unwrap();
    /// let cols = Columns {
    ///     event_id_bytes: "r1r2",
    ///     event_id_offsets: &[0, 2, 4],
    ///     member_ids: &["M1"],
    ///     members: &[0, 0],
    ///     activity_codes: &["reading_time"],
    ///     activities: &[0, 0],
    ///     occurred_at_ns: &[ns, ns + 600_000_000_000],
    ///     duration_seconds: &[Some(300), Some(150)],
    ///     ..Columns::default()
    /// };
    /// let mut s = Scorer::new(Scheme::learning_platform()).unwrap();
    /// let r = s.ingest_columns(&cols).unwrap();
    /// assert_eq!(r.changed.len(), 2);
    /// assert_eq!((s.entry("r1").unwrap().points, s.entry("r2").unwrap().points), (5, 1));
    /// assert_eq!(s.entry("r2").unwrap().occurred_at.to_rfc3339(), "2026-03-02T07:10:00+08:00");
    /// ```
    pub fn ingest_columns(&mut self, c: &Columns<'_>) -> Result<Ingest> {
        c.validate()?;
        let mut out = Ingest::default();
        self.reserve(c.len());
        // The batch's tables, resolved once: activity codes now, members and contents on first use (so a
        // member whose every event is refused is not created, as with `ingest`).
        let acts: Vec<Option<u16>> = c
            .activity_codes
            .iter()
            .map(|a| self.compiled.acts.get(*a).copied())
            .collect();
        let mut members = vec![u32::MAX; c.member_ids.len()];
        // At most every member of the table is new: the member list grows once, not by doubling copies.
        self.members.reserve(c.member_ids.len());
        // Content ids are only kept, never shown, so the whole table can be interned up front.
        let contents: Vec<u32> = c
            .content_ids
            .iter()
            .map(|id| self.intern_content(id).unwrap_or(NO_CONTENT))
            .collect();
        let first = self.len();
        let hashes: Vec<u64> = c.ids().map(hash_str).collect();
        let mut triage = self.triage(&hashes);
        let may_exist = std::mem::take(&mut triage.may_exist);
        let rows = c.ids().zip(hashes.iter().zip(&may_exist)).zip(
            c.members
                .iter()
                .zip(c.activities.iter().zip(c.occurred_at_ns)),
        );
        for (index, ((id, (&h, &may)), (&member, (&activity, &ts)))) in rows.enumerate() {
            let row = Row {
                index,
                id,
                may_exist: may,
                member,
                activity,
                ts,
            };
            let act = acts.get(activity as usize).copied().flatten();
            match self.check(h, &c.view(&row, &contents), act, may) {
                Ok(Step::Duplicate) => out.duplicates.push(id.to_owned()),
                Ok(Step::New(h, mut rec, meta)) => {
                    let member = match self.batch_member(c, &mut members, member) {
                        Ok(m) => m,
                        Err(e) => {
                            out.errors
                                .push(EventError::new(index, None, Some(id.to_owned()), &e));
                            continue;
                        }
                    };
                    rec.member = member;
                    if let Err(e) = self.push(h, id, rec, meta, may, triage.deferred.get_mut(index))
                    {
                        out.errors.push(EventError::new(index, None, None, &e));
                    }
                }
                Err(e) => out
                    .errors
                    .push(EventError::new(index, None, Some(id.to_owned()), &e)),
            }
        }
        self.index(triage);
        let sorted = self.distribute(first);
        self.settle(&mut out, Some((first, &sorted)));
        Ok(out)
    }

    /// The scorer's index of the batch's member `mi`, interned on its first new row and kept in
    /// `members` (`u32::MAX`: not yet).
    fn batch_member(&mut self, c: &Columns<'_>, members: &mut [u32], mi: u32) -> Result<u32> {
        let slot = members.get_mut(mi as usize);
        let member = match slot.as_deref().copied() {
            Some(m) if m != u32::MAX => return Ok(m),
            _ => self.intern_member(c.member_id(mi))?,
        };
        if let Some(slot) = slot {
            *slot = member;
        }
        Ok(member)
    }
}
