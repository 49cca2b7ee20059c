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
use crate::{Error, Policy, YearMonth};

const CODE: &str = "INVALID_MEMBER_JSON";

/// The batch being read: ids seen so far and the position of the next member.
struct Batch<'p> {
    policy: &'p Policy,
    month: YearMonth,
    options: AssessOptions,
    seen: FxSet<String>,
    index: usize,
}

impl<'p> Batch<'p> {
    fn new(policy: &'p Policy, month: YearMonth, options: AssessOptions) -> Self {
        Self {
            policy,
            month,
            options,
            seen: FxSet::default(),
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
        assess(self.policy, &member, self.month, self.options)
            .map_err(|e| Box::new(BatchError::new(index, Some(member.member_id.clone()), &e)))
    }

    /// The first entry carrying an id claims it, readable or not: a later one is `DUPLICATE_MEMBER_ID`.
    fn claim(&mut self, index: usize, id: &str) -> Result<(), Box<BatchError>> {
        if self.seen.contains(id) {
            let e = BatchError::new(index, Some(id.to_owned()), &duplicate_id(id));
            return Err(Box::new(e));
        }
        self.seen.insert(id.to_owned());
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
