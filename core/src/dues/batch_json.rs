//! Dues batches read from JSON: member after member, each read straight into its record, checked for a repeated
//! id and assessed as it is read, with no document tree. A member that cannot be read is read again the slow
//! way (as a JSON value, its field path rebuilt) only to name its fault.
#![deny(clippy::arithmetic_side_effects)]

use std::fmt;
use std::io::Read;
use std::marker::PhantomData;
use std::ops::Deref;

use serde::de::{DeserializeSeed, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::assess::{assess, AssessOptions, Assessment};
use super::batch::{duplicate_id, BatchError, BatchOutcome};
use super::member::DuesMember;
use crate::fx::FxSet;
use crate::id_arena::{hash_str, IdArena};
use crate::id_table::IdTable;
use crate::{Error, Policy, YearMonth};

const CODE: &str = "INVALID_MEMBER_JSON";

/// The batch being read: ids seen so far and the position of the next member.
struct Batch<'p> {
    policy: &'p Policy,
    month: YearMonth,
    options: AssessOptions,
    seen: Seen,
    index: usize,
}

/// The member ids claimed so far, end to end in one buffer and indexed by hash in 8-byte slots (the
/// credits scorer's event-id index). A set of `String`s held each id in its own allocation plus a 24-byte
/// slot at up to 7/8 load: ≈ 130 MB for a million ids, half the size of a million members' JSON text, so a
/// whole batch held more than twice its input (issue 14). Here a million ids take ≈ 30 MB. Ids past the
/// buffer's 4 GiB go to a plain set.
#[derive(Default)]
struct Seen {
    ids: IdArena,
    index: IdTable,
    count: u32,
    more: FxSet<String>,
}

impl Seen {
    /// Claims `id`: false when it was claimed before.
    fn claim(&mut self, id: &str) -> bool {
        let h = hash_str(id);
        let ids = &self.ids;
        let same = |ix: u32| ids.get(ix) == Some(id);
        let room = self.count != u32::MAX && ids.end_after(id).is_some();
        let filed = if room {
            self.index.claim(h, self.count, same)
        } else {
            None
        };
        match filed {
            Some(first) => {
                // The buffer has room for it (`end_after` above).
                if first && self.ids.push(id) {
                    self.count = self.count.saturating_add(1);
                }
                first
            }
            // Not looked for in the table: the ids it took before it filled are still there.
            None => {
                !self.index.candidates(h).any(same)
                    && !self.more.contains(id)
                    && self.more.insert(id.to_owned())
            }
        }
    }
}

impl<'p> Batch<'p> {
    fn new(policy: &'p Policy, month: YearMonth, options: AssessOptions) -> Self {
        Self {
            policy,
            month,
            options,
            seen: Seen::default(),
            index: 0,
        }
    }

    /// The next member's text, assessed.
    fn member(&mut self, raw: &str) -> Result<Assessment, Box<BatchError>> {
        let index = self.index;
        self.index = index.saturating_add(1);
        let member = match crate::error::fast_read::<DuesMember>(raw) {
            Some(m) => {
                self.claim(index, &m.member_id)?;
                m
            }
            None => self.reread(index, raw)?,
        };
        self.assess(index, &member)
    }

    /// The next member, read already: its id claimed, then assessed.
    #[cfg(not(feature = "wasm"))]
    fn read(&mut self, member: &DuesMember) -> Result<Assessment, Box<BatchError>> {
        let index = self.index;
        self.index = index.saturating_add(1);
        self.claim(index, &member.member_id)?;
        self.assess(index, member)
    }

    fn assess(&self, index: usize, member: &DuesMember) -> Result<Assessment, Box<BatchError>> {
        assess(self.policy, member, self.month, self.options)
            .map_err(|e| Box::new(BatchError::new(index, Some(member.member_id.clone()), &e)))
    }

    /// The first entry carrying an id claims it, readable or not: a later one is `DUPLICATE_MEMBER_ID`.
    fn claim(&mut self, index: usize, id: &str) -> Result<(), Box<BatchError>> {
        if !self.seen.claim(id) {
            let e = BatchError::new(index, Some(id.to_owned()), &duplicate_id(id));
            return Err(Box::new(e));
        }
        Ok(())
    }

    /// A member the fast read refused, read as a JSON value (an object naming a field twice keeps its last
    /// value, as it always did): its id claimed, then read again from the value (the member, if only a key
    /// was named twice) or its fault named by the path inside the member.
    fn reread(&mut self, index: usize, raw: &str) -> Result<DuesMember, Box<BatchError>> {
        let value: serde_json::Value = crate::error::from_json(raw, CODE)
            .map_err(|e| Box::new(BatchError::new(index, None, &e)))?;
        let id = value
            .get("member_id")
            .and_then(|v| v.as_str())
            .map(str::to_owned);
        if let Some(id) = &id {
            self.claim(index, id)?;
        }
        // The value's text (one key each) read again with its path: the fault the value has, named.
        crate::error::from_json::<DuesMember>(&value.to_string(), CODE)
            .map_err(|e| Box::new(BatchError::new(index, id, &e)))
    }
}

/// Reads a JSON array element by element (`E`: a borrowed or an owned raw value), handing each one's text on.
struct Each<'b, 'p, E> {
    batch: &'b mut Batch<'p>,
    out: &'b mut dyn FnMut(Result<Assessment, BatchError>),
    element: PhantomData<E>,
}

impl<'de, E: Deserialize<'de> + Deref<Target = RawValue>> Visitor<'de> for Each<'_, '_, E> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(raw) = seq.next_element::<E>()? {
            (self.out)(self.batch.member(raw.get()).map_err(|e| *e));
        }
        Ok(())
    }
}

impl<'de, E: Deserialize<'de> + Deref<Target = RawValue>> DeserializeSeed<'de> for Each<'_, '_, E> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

/// Reads a JSON array straight into members, in one pass over the text (no element scanned first as raw
/// text): a tenth or so of the whole read. Stops at the first element that is not a readable member; the
/// caller then reads the document element by element, which names each fault.
#[cfg(not(feature = "wasm"))]
struct Direct<'b, 'p> {
    batch: &'b mut Batch<'p>,
    out: &'b mut dyn FnMut(Result<Assessment, BatchError>),
}

#[cfg(not(feature = "wasm"))]
impl<'de> Visitor<'de> for Direct<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a sequence of members")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(member) = seq.next_element::<DuesMember>()? {
            (self.out)(self.batch.read(&member).map_err(|e| *e));
        }
        Ok(())
    }
}

/// The whole document in one pass when every element is a readable member (else `None`, and nothing of
/// this attempt is kept). Not in the wasm build, which keeps one reader for size (see `fast_read`).
#[cfg(not(feature = "wasm"))]
fn direct(
    policy: &Policy,
    json: &str,
    month: YearMonth,
    options: AssessOptions,
) -> Option<BatchOutcome> {
    use serde::Deserializer as _;
    let mut batch = Batch::new(policy, month, options);
    let mut out = BatchOutcome::default();
    let mut keep = |r: Result<Assessment, BatchError>| match r {
        Ok(a) => out.assessments.push(a),
        Err(e) => out.errors.push(e),
    };
    let visitor = Direct {
        batch: &mut batch,
        out: &mut keep,
    };
    let mut de = serde_json::Deserializer::from_str(json);
    (&mut de).deserialize_seq(visitor).ok()?;
    Some(out)
}

#[cfg(feature = "wasm")]
fn direct(_: &Policy, _: &str, _: YearMonth, _: AssessOptions) -> Option<BatchOutcome> {
    None
}

/// Assesses a JSON array of members. Each element is read on its own, so a malformed member becomes an
/// error entry (its field path named) and the others are still assessed. A document that is not an array
/// at all is an error.
///
/// ```
/// use dangjian::{dues, Policy};
/// let json = r#"[{"member_id":"A","category":"student"},{"member_id":"B","category":"astronaut"}]"#;
/// let out = dues::assess_batch_from_json(&Policy::bundled(), json, "2026-01".parse().unwrap(), Default::default()).unwrap();
/// assert_eq!(out.errors[0].field, "category");
/// assert_eq!(out.errors[0].member_id.as_deref(), Some("B"));
/// ```
pub fn assess_batch_from_json(
    policy: &Policy,
    json: &str,
    month: YearMonth,
    options: AssessOptions,
) -> Result<BatchOutcome, Error> {
    if let Some(out) = direct(policy, json, month, options) {
        return Ok(out);
    }
    let mut batch = Batch::new(policy, month, options);
    let mut out = BatchOutcome::default();
    let mut keep = |r: Result<Assessment, BatchError>| match r {
        Ok(a) => out.assessments.push(a),
        Err(e) => out.errors.push(e),
    };
    let each = Each::<&RawValue> {
        batch: &mut batch,
        out: &mut keep,
        element: PhantomData,
    };
    let mut de = serde_json::Deserializer::from_str(json);
    each.deserialize(&mut de)
        .map_err(|e| document_error(json, &e))?;
    Ok(out)
}

/// Why the document is not an array of JSON values: the document read again as one, with the path.
#[cold]
fn document_error(json: &str, first: &serde_json::Error) -> Error {
    match crate::error::from_json::<Vec<serde_json::Value>>(json, CODE) {
        Err(e) => e,
        Ok(_) => crate::error::coded(String::new(), first.to_string(), CODE),
    }
}

/// [`assess_batch_from_json`] over a reader, for batches larger than memory: the array is read one member at
/// a time and each result handed to `sink` in input order (an assessment, or the error entry of a member that
/// could not be assessed), so memory holds one member and the ids seen, whatever the input's size. Returns
/// the number of members read.
///
/// Errors (the whole call): `INVALID_MEMBER_JSON` when the input is not a JSON array (field empty) or stops
/// being JSON inside element `i` (field `[i]`; the elements before it were handed to `sink`), or cannot be read.
///
/// ```
/// use dangjian::{dues, Policy};
/// let json = r#"[{"member_id":"A","category":"student"},{"member_id":"A","category":"farmer"}]"#;
/// let mut codes = Vec::new();
/// let n = dues::assess_batch_from_reader(&Policy::bundled(), json.as_bytes(), "2026-01".parse().unwrap(),
///     Default::default(), |r| codes.push(r.map(|a| a.amount.to_string()).unwrap_or_else(|e| e.code))).unwrap();
/// assert_eq!((n, codes), (2, vec!["0.20".to_owned(), "DUPLICATE_MEMBER_ID".to_owned()]));
/// ```
pub fn assess_batch_from_reader(
    policy: &Policy,
    reader: impl Read,
    month: YearMonth,
    options: AssessOptions,
    mut sink: impl FnMut(Result<Assessment, BatchError>),
) -> Result<usize, Error> {
    let mut batch = Batch::new(policy, month, options);
    let each = Each::<Box<RawValue>> {
        batch: &mut batch,
        out: &mut sink,
        element: PhantomData,
    };
    let reader = std::io::BufReader::with_capacity(1 << 16, reader);
    let mut de = serde_json::Deserializer::from_reader(reader);
    let read = each.deserialize(&mut de);
    let count = batch.index;
    read.map_err(|e| {
        let field = match e.classify() {
            serde_json::error::Category::Data => String::new(),
            _ => format!("[{count}]"),
        };
        crate::error::coded(field, e.to_string(), CODE)
    })?;
    Ok(count)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::arithmetic_side_effects)]
mod tests {
    use super::Seen;

    /// Each id is claimed once, whatever its neighbours: ids sharing a prefix, the empty id, ids with
    /// escapes' characters; a hundred thousand of them (the index grows many times).
    #[test]
    fn claims_each_id_once() {
        let mut seen = Seen::default();
        for id in ["M1", "M10", "", "M1\"", "党员1"] {
            assert!(seen.claim(id), "{id} first");
        }
        for id in ["M1", "M10", "", "M1\"", "党员1"] {
            assert!(!seen.claim(id), "{id} again");
        }
        for i in 0..100_000 {
            assert!(seen.claim(&format!("N{i}")));
        }
        assert!((0..100_000).all(|i| !seen.claim(&format!("N{i}"))));
        assert!(seen.claim("N100000"));
    }

    /// Past the buffer's limit, ids go to the plain set and are still claimed once.
    #[test]
    fn ids_past_the_buffer_still_claimed_once() {
        let mut seen = Seen::default();
        seen.ids.limit = 4;
        assert!(seen.claim("abc") && seen.claim("def") && seen.claim("g"));
        assert_eq!((seen.count, seen.more.len()), (2, 1));
        assert!(!seen.claim("abc") && !seen.claim("def") && !seen.claim("g"));
    }
}
