//! Reading a members document: the fast typed read and the tree read it falls back to.
//!
//! The tree read is the reference: the whole document becomes a `serde_json::Value` tree, and each element is
//! converted with path tracking, so an error names the field at fault (`members[3].events[2].date`). It costs
//! a tree node per JSON value and a second pass over every element — most of `member check`'s time before.
//!
//! The fast read deserializes each element straight from its own text (kept borrowed as a
//! [`serde_json::value::RawValue`]) into the typed record, meeting or ledger — a record by the direct reader
//! ([`super::direct`]) first, then serde's typed read; a meeting borrowed from the text where it can be. Only an
//! element that fails is re-read through the tree path, so its error (code, field, messages) is the tree
//! read's, byte for byte. Repeated ids are found once after the read (both reads share that step).
//!
//! Why the answers are the same: a typed read from text accepts no more than the tree read does (every
//! reachable type denies unknown fields, so every byte of an element is parsed, not skipped; a repeated key is
//! an error in the typed read, while the tree keeps the last one — such an element simply takes the tree path).
//! The skipping pass that delimits the elements is laxer than a tree parse (it checks neither number range, nor
//! `\u` surrogates, nor depth), so a failing element is re-parsed at its own depth in the document, and when
//! that parse fails, or the document's shape is not the expected one, the whole document takes the tree path.
//!
//! Before any of that, the whole document is tried in one pass with the direct readers ([`read_whole`]): when
//! every element is one they take — the usual case — the elements are never delimited separately, a second
//! pass over every byte saved. At the first element they do not take, the document goes the way above.
//!
//! Measured (issue 19; same run, before/after): the `scale` bench's member check 2.2–5.2× as fast (see its header);
//! `dangjian member check` on a generated 41,579-person document with 14,241 meetings, `--format json`, 0.87 s
//! → 0.33 s of CPU (paired runs, median ratio 0.39) and peak memory 160 → 91 MiB; on the same data as JSON
//! Lines, 0.42 s → 0.33 s (0.75).
#![deny(clippy::arithmetic_side_effects)]

use serde::Deserialize;
use serde_json::value::RawValue;

use super::direct::{direct_record, meeting_in, DirectRecord, MeetingIn, MeetingView};
use super::ids::IdTable;
use super::record::MemberRecord;
use crate::dues::{BatchError, Ledger};
use crate::error::{from_json, from_value};
use crate::fx::FxSet;
use crate::{Error, Result};

/// A members document once read: the readable records with their input positions, the errors of those that are
/// not (by index), and the meetings and ledgers with their own errors.
#[derive(Debug, Default)]
pub(crate) struct Roster<'a> {
    /// Readable records, in input order.
    pub(crate) records: Vec<MemberRecord>,
    /// Each record's position in `members`.
    pub(crate) positions: Vec<usize>,
    /// Records that could not be read, and repeated ids, in input order.
    pub(crate) errors: Vec<BatchError>,
    /// Readable meetings, in input order (borrowed from the document where the fast read could).
    pub(crate) meetings: Vec<MeetingIn<'a>>,
    /// Readable ledgers.
    pub(crate) ledgers: Vec<Ledger>,
    /// Unreadable meetings, then unreadable ledgers.
    pub(crate) side_errors: Vec<BatchError>,
    /// The ids of `records` (built with the repeat check, kept for the check's lookups).
    pub(crate) ids: IdTable,
}

impl Roster<'_> {
    /// Admits a record read straight from its text (a repeated id is found after the read, [`Self::drop_repeats`]).
    fn admit_typed(&mut self, index: usize, record: MemberRecord) {
        self.records.push(record);
        self.positions.push(index);
    }

    /// The tree path for one record: the record converted with path tracking, or its error (with its id).
    fn admit_value(&mut self, index: usize, value: serde_json::Value) {
        let id = value.get("id").and_then(|v| v.as_str()).map(str::to_owned);
        match MemberRecord::from_value(value) {
            Ok(r) => self.admit_typed(index, r),
            Err(e) => self.errors.push(BatchError::new(index, id, &e)),
        }
    }

    /// Every id given before, in input order (readable or not), makes the later entry `DUPLICATE_MEMBER`: a
    /// readable record leaves the roster, an unreadable one's error becomes the repeat's. Found once after the
    /// read, by the roster's id table — the one the check then looks members up in (rebuilt only when a repeat
    /// left the roster).
    fn drop_repeats(&mut self) {
        let (ids, repeats) = IdTable::build(&self.records);
        let (later_records, later_errors) = self.repeats(&ids, repeats);
        if later_records.is_empty() && later_errors.is_empty() {
            self.ids = ids;
            return;
        }
        for &k in &later_errors {
            if let Some(e) = self.errors.get_mut(k) {
                let id = e.member_id.clone().unwrap_or_default();
                *e = BatchError::new(e.index, Some(id.clone()), &duplicate(&id));
            }
        }
        let mut later = later_records.iter().peekable();
        let (records, positions) = (
            std::mem::take(&mut self.records),
            std::mem::take(&mut self.positions),
        );
        for (k, (record, index)) in records.into_iter().zip(positions).enumerate() {
            if later.next_if_eq(&&k).is_some() {
                let e = BatchError::new(index, Some(record.id.clone()), &duplicate(&record.id));
                self.errors.push(e);
            } else {
                self.admit_typed(index, record);
            }
        }
        self.errors.sort_by_key(|e| e.index);
        self.ids = IdTable::build(&self.records).0;
    }

    /// The records (by position in `records`, ascending) and the errors (by position in `errors`) whose id an
    /// earlier entry has, given the records' table and their repeats among themselves. An error is a repeat
    /// when an earlier error or the id's first record came before it; the first record is a repeat when an
    /// error came before it (errors are few: their ids get a set of their own).
    fn repeats(&self, ids: &IdTable, repeats: Vec<(usize, usize)>) -> (Vec<usize>, Vec<usize>) {
        let mut later_records: Vec<usize> = repeats.into_iter().map(|(later, _)| later).collect();
        let mut later_errors = Vec::new();
        let mut seen: FxSet<&str> = FxSet::default();
        for (k, e) in self.errors.iter().enumerate() {
            let Some(id) = e.member_id.as_deref() else {
                continue;
            };
            let first = ids.get(id);
            let record_at = first.and_then(|r| self.positions.get(r).copied());
            if !seen.insert(id) || record_at.is_some_and(|at| at < e.index) {
                later_errors.push(k);
            } else if let Some(r) = first {
                later_records.push(r);
            }
        }
        later_records.sort_unstable();
        later_records.dedup();
        (later_records, later_errors)
    }
}

/// The error of a record whose id an earlier record has.
pub(crate) fn duplicate(id: &str) -> Error {
    Error::input(
        "DUPLICATE_MEMBER",
        "id",
        format!("党员编号重复：{id}"),
        format!("member {id} is listed twice"),
    )
}

/// The members document as the tree read sees it (a bare array of records is accepted too).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct TreeDocument {
    members: Vec<serde_json::Value>,
    #[serde(default)]
    meetings: Vec<serde_json::Value>,
    #[serde(default)]
    ledgers: Vec<serde_json::Value>,
}

/// The reference read: the whole document as a tree, each element converted with path tracking. A bad
/// element is an error entry (`index`, the field under `meetings[i]` / `ledgers[i]` for the side lists); an
/// input that is neither an array nor the document is the whole input's error.
pub(crate) fn read_tree(json: &str) -> Result<Roster<'static>> {
    let value: serde_json::Value = from_json(json, "INVALID_RECORD_JSON")?;
    let doc = match value {
        serde_json::Value::Array(members) => TreeDocument {
            members,
            meetings: Vec::new(),
            ledgers: Vec::new(),
        },
        other => from_value(other, "INVALID_RECORD_JSON")?,
    };
    let mut roster = Roster::default();
    for (i, v) in doc.meetings.into_iter().enumerate() {
        if let Some(m) = side_value(v, i, &MEETINGS, &mut roster.side_errors) {
            roster.meetings.push(MeetingIn::Owned(m));
        }
    }
    for (i, v) in doc.ledgers.into_iter().enumerate() {
        if let Some(l) = side_value(v, i, &LEDGERS, &mut roster.side_errors) {
            roster.ledgers.push(l);
        }
    }
    for (index, value) in doc.members.into_iter().enumerate() {
        roster.admit_value(index, value);
    }
    roster.drop_repeats();
    Ok(roster)
}

/// A side list of the document: its name, its error code and the key naming an element.
struct Side {
    list: &'static str,
    code: &'static str,
    id_key: &'static str,
}

const MEETINGS: Side = Side {
    list: "meetings",
    code: "INVALID_MEETING_JSON",
    id_key: "id",
};

const LEDGERS: Side = Side {
    list: "ledgers",
    code: "INVALID_LEDGER_JSON",
    id_key: "member_id",
};

/// The tree path for one meeting or ledger: the element, or its error entry (field under `list[i]`).
fn side_value<T: serde::de::DeserializeOwned>(
    v: serde_json::Value,
    i: usize,
    side: &Side,
    errors: &mut Vec<BatchError>,
) -> Option<T> {
    let id = v
        .get(side.id_key)
        .and_then(|v| v.as_str())
        .map(str::to_owned);
    match from_value(v, side.code) {
        Ok(t) => Some(t),
        Err(e) => {
            let e = e.under(&format!("{}[{i}]", side.list));
            errors.push(BatchError::new(i, id, &e));
            None
        }
    }
}

/// The members document as the fast read sees it: each element's text, not yet read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument<'a> {
    #[serde(borrow)]
    members: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    meetings: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    ledgers: Vec<&'a RawValue>,
}

/// The fast read, or `None` when the document must take the tree path whole (it is not well-formed, not of
/// the expected shape, or an element's text would not parse as a tree at its depth in the document).
pub(crate) fn read_fast(json: &str) -> Option<Roster<'_>> {
    // Elements of a bare array sit one level deep, those of the document two: serde_json's depth limit counts
    // from the document's start, and the tree read met them there.
    let (doc, depth) = if json.trim_start().starts_with('[') {
        let members: Vec<&RawValue> = serde_json::from_str(json).ok()?;
        let doc = RawDocument {
            members,
            meetings: Vec::new(),
            ledgers: Vec::new(),
        };
        (doc, 1)
    } else {
        (serde_json::from_str::<RawDocument<'_>>(json).ok()?, 2)
    };
    let mut roster = Roster::default();
    roster.meetings.reserve(doc.meetings.len());
    roster.ledgers.reserve(doc.ledgers.len());
    for (i, raw) in doc.meetings.into_iter().enumerate() {
        let m = match meeting_in(raw.get()) {
            Some(m) => Some(m),
            None => side_value(reparse(raw, depth)?, i, &MEETINGS, &mut roster.side_errors)
                .map(MeetingIn::Owned),
        };
        roster.meetings.extend(m);
    }
    for (i, raw) in doc.ledgers.into_iter().enumerate() {
        let l = match serde_json::from_str::<Ledger>(raw.get()) {
            Ok(l) => Some(l),
            Err(_) => side_value(reparse(raw, depth)?, i, &LEDGERS, &mut roster.side_errors),
        };
        roster.ledgers.extend(l);
    }
    roster.records.reserve(doc.members.len());
    roster.positions.reserve(doc.members.len());
    for (index, raw) in doc.members.into_iter().enumerate() {
        match record_line(raw.get()) {
            Some(r) => roster.admit_typed(index, r),
            None => roster.admit_value(index, reparse(raw, depth)?),
        }
    }
    roster.drop_repeats();
    Some(roster)
}

/// The element's tree as the whole document's parse would have built it, or `None` when that parse would have
/// failed (a number out of range, a lone surrogate, nesting past the limit): nested in `depth` arrays, so the
/// depth limit counts as it did in the document.
fn reparse(raw: &RawValue, depth: usize) -> Option<serde_json::Value> {
    let text = format!("{}{}{}", "[".repeat(depth), raw.get(), "]".repeat(depth));
    let mut value: serde_json::Value = serde_json::from_str(&text).ok()?;
    for _ in 0..depth {
        value = match value {
            serde_json::Value::Array(mut a) => a.pop()?,
            _ => return None,
        };
    }
    Some(value)
}

/// The members document read fast, or through the tree when it must be (see the module's description).
pub(crate) fn read_members(json: &str) -> Result<Roster<'_>> {
    match read_whole(json).or_else(|| read_fast(json)) {
        Some(roster) => Ok(roster),
        None => read_tree(json),
    }
}

/// The members document when every element is read by the direct readers: one pass over the text.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DirectDocument<'a> {
    members: Vec<DirectRecord>,
    #[serde(default, borrow)]
    meetings: Vec<MeetingView<'a>>,
    #[serde(default)]
    ledgers: Vec<Ledger>,
}

/// The whole document in one pass, when every record and meeting is one the direct readers take and every
/// ledger reads; `None` at the first that is not (the elements are then delimited first and read one by one,
/// [`read_fast`]). The answers are [`read_fast`]'s: each element meets the reader it would meet there, and the
/// parse counts depth from the document's start as the tree read does, so it accepts no more. Delimiting the
/// elements was a second pass over every byte (an eighth of `member check` at ×16 in the scale bench).
fn read_whole(json: &str) -> Option<Roster<'_>> {
    let doc = if json.trim_start().starts_with('[') {
        DirectDocument {
            members: serde_json::from_str(json).ok()?,
            meetings: Vec::new(),
            ledgers: Vec::new(),
        }
    } else {
        serde_json::from_str::<DirectDocument<'_>>(json).ok()?
    };
    let records: Vec<MemberRecord> = doc
        .members
        .into_iter()
        .map(DirectRecord::into_record)
        .collect();
    let mut roster = Roster {
        positions: (0..records.len()).collect(),
        records,
        meetings: doc.meetings.into_iter().map(MeetingIn::Borrowed).collect(),
        ledgers: doc.ledgers,
        ..Roster::default()
    };
    roster.drop_repeats();
    Some(roster)
}

/// A record read straight from its text — by the direct reader, or by serde's typed read where the direct one
/// declines (a date written otherwise than `YYYY-MM-DD`, say) — or `None` when it must take the tree path (the
/// text is not a readable record as it stands: its error, and its id, come from the tree read).
pub(crate) fn record_line(line: &str) -> Option<MemberRecord> {
    direct_record(line).or_else(|| serde_json::from_str(line).ok())
}

#[cfg(test)]
#[path = "read_tests.rs"]
mod tests;
