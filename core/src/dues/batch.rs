//! Batch assessment: many members in one call; a bad member becomes an error entry, the rest are computed.
#![deny(clippy::arithmetic_side_effects)]

use serde::{Deserialize, Serialize};

use super::assess::{assess_with, AssessOptions, Assessment};
use super::member::DuesMember;
use super::tracer::Recorder;
use crate::fx::FxSet;
use crate::id_arena::hash_str;
use crate::id_table::IdTable;
use crate::{Error, Policy, YearMonth};

/// A member the batch could not assess: where it was, who, which field and why.
///
/// ```
/// let e: dangjian::dues::BatchError = serde_json::from_str(r#"{"index":2,"member_id":"M3","kind":"invalid_input",
///   "code":"NEGATIVE_AMOUNT","field":"incomes[0].items[1].amount","message_zh":"","message_en":""}"#).unwrap();
/// assert_eq!(e.index, 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct BatchError {
    /// Position in the input (0-based).
    pub index: usize,
    /// The member's id, when it could be read.
    pub member_id: Option<String>,
    /// `invalid_input`, `policy` or `calendar`.
    #[cfg_attr(feature = "wasm", tsify(type = "DangjianErrorKind"))]
    pub kind: String,
    /// Stable code.
    pub code: String,
    /// Path of the field at fault, inside the member.
    pub field: String,
    /// Message in Chinese.
    pub message_zh: String,
    /// Message in English.
    pub message_en: String,
}

impl BatchError {
    /// The entry for the member at `index`.
    ///
    /// ```
    /// let e = dangjian::dues::BatchError::new(0, Some("M1".into()), &dangjian::Error::overflow("base"));
    /// assert_eq!(e.code, "ARITHMETIC_OVERFLOW");
    /// ```
    pub fn new(index: usize, member_id: Option<String>, error: &Error) -> Self {
        let d = error.detail();
        Self {
            index,
            member_id,
            kind: error.kind().to_owned(),
            code: d.code.clone(),
            field: d.field.clone(),
            message_zh: d.message_zh.clone(),
            message_en: d.message_en.clone(),
        }
    }
}

/// The batch result: assessments in input order, and the entries that failed.
///
/// ```
/// let r = dangjian::dues::BatchOutcome::default();
/// assert!(r.assessments.is_empty() && r.errors.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct BatchOutcome {
    /// One per member that could be assessed, in input order.
    pub assessments: Vec<Assessment>,
    /// One per member that could not.
    pub errors: Vec<BatchError>,
}

/// Assesses every member for `month`. Duplicate member ids are errors (`DUPLICATE_MEMBER_ID`) on the later entry.
///
/// ```
/// use dangjian::{dues, Policy};
/// let members: Vec<dues::DuesMember> = serde_json::from_str(r#"[
///   {"member_id":"A","category":"student"},
///   {"member_id":"B","category":"employed","incomes":[{"items":[{"code":"net_base","amount":"-1"}]}]}]"#).unwrap();
/// let out = dues::assess_batch(&Policy::bundled(), &members, "2026-01".parse().unwrap(), Default::default());
/// assert_eq!((out.assessments.len(), out.errors[0].code.as_str()), (1, "NEGATIVE_AMOUNT"));
/// ```
pub fn assess_batch(
    policy: &Policy,
    members: &[DuesMember],
    month: YearMonth,
    options: AssessOptions,
) -> BatchOutcome {
    assess_batch_with_progress(policy, members, month, options, |_, _| {})
}

/// [`assess_batch`] calling `progress(done, total)` after each member, for a progress bar.
///
/// ```
/// use dangjian::{dues, Policy};
/// let members: Vec<dues::DuesMember> = serde_json::from_str(r#"[{"member_id":"A","category":"student"}]"#).unwrap();
/// let mut seen = Vec::new();
/// dues::assess_batch_with_progress(&Policy::bundled(), &members, "2026-01".parse().unwrap(), Default::default(),
///     |done, total| seen.push((done, total)));
/// assert_eq!(seen, [(1, 1)]);
/// ```
pub fn assess_batch_with_progress(
    policy: &Policy,
    members: &[DuesMember],
    month: YearMonth,
    options: AssessOptions,
    mut progress: impl FnMut(usize, usize),
) -> BatchOutcome {
    let total = members.len();
    let mut out = BatchOutcome {
        assessments: Vec::with_capacity(members.len()),
        errors: Vec::new(),
    };
    let repeats = repeated_ids(members);
    let mut next_repeat = repeats.iter().copied().peekable();
    // The traces' steps go into chunks shared by the members in them: no allocation per traced member.
    let mut recorder = Recorder::for_batch();
    for (index, member) in members.iter().enumerate() {
        let result = if next_repeat.next_if_eq(&index).is_some() {
            Err(duplicate_id(&member.member_id))
        } else {
            assess_with(policy, member, month, options, &mut recorder)
        };
        match result {
            Ok(a) => out.assessments.push(a),
            // The id is copied only for an error entry: a batch of a million copied a million ids before.
            Err(e) => out
                .errors
                .push(BatchError::new(index, Some(member.member_id.clone()), &e)),
        }
        progress(index.saturating_add(1), total);
    }
    out
}

/// The positions of the members whose id an earlier member has, in order: the entries `DUPLICATE_MEMBER_ID`
/// goes to.
///
/// One pass over the ids before any member is assessed, not a lookup beside each assessment: a lookup is a
/// read at a random place of a table larger than the cache, and between two assessments nothing else can
/// wait on it, while in a loop of lookups alone the processor has many of them in flight at once (in a
/// 100 000-member batch's profile the check went from a sixth of the samples to an eighth, then to a
/// thirteenth once the ids' bytes were read a block ahead and the slots' touch became a real load). The ids are
/// indexed by hash in 8-byte slots that point back into the batch (borrowed, not copied); an id the table
/// cannot take (past its billions of entries) goes to a plain set.
fn repeated_ids(members: &[DuesMember]) -> Vec<usize> {
    /// Ids hashed and their slots touched together (see [`IdTable::touch`]).
    const BLOCK: usize = 32;
    let mut index = IdTable::default();
    // Room for all at once; when there cannot be, the table grows as it fills and the rest go to `more`.
    let _ = index.reserve(members.len());
    let mut more = FxSet::default();
    let mut repeats = Vec::new();
    for (block, chunk) in members.chunks(BLOCK).enumerate() {
        let first = block.saturating_mul(BLOCK);
        let next = first.saturating_add(BLOCK);
        touch_ids(members.get(next..).unwrap_or_default().iter().take(BLOCK));
        let mut hashes = [0_u64; BLOCK];
        for (h, member) in hashes.iter_mut().zip(chunk) {
            *h = hash_str(&member.member_id);
            index.touch(*h);
        }
        for ((at, member), &h) in (first..).zip(chunk).zip(&hashes) {
            let id = member.member_id.as_str();
            let same = |ix: u32| members.get(ix as usize).is_some_and(|m| m.member_id == id);
            let filed = u32::try_from(at)
                .ok()
                .and_then(|ix| index.claim(h, ix, same));
            let first_seen = match filed {
                Some(first) => first,
                // Not looked for in the table: the ids it took before it filled are still there.
                None => !index.candidates(h).any(same) && more.insert(id),
            };
            if !first_seen {
                repeats.push(at);
            }
        }
    }
    repeats
}

/// Reads the first byte of each member's id and discards it, a block ahead of their hashing: a batch larger
/// than the cache has each member and each id's bytes on lines of their own, and these loads put them in
/// flight together while the block before is hashed and filed.
fn touch_ids<'m>(members: impl Iterator<Item = &'m DuesMember>) {
    for m in members {
        std::hint::black_box(m.member_id.as_bytes().first().copied());
    }
}

pub(super) fn duplicate_id(id: &str) -> Error {
    Error::input(
        "DUPLICATE_MEMBER_ID",
        "member_id",
        format!("党员编号重复：{id}"),
        format!("member_id appears twice: {id}"),
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::arithmetic_side_effects)]

    use super::repeated_ids;
    use crate::dues::{Category, DuesMember};

    /// Ids that come back across the lookup blocks (every 40th, three rounds, 130 members): every later
    /// occurrence is a repeat, the first never is, whatever block it falls in.
    #[test]
    fn every_later_occurrence_is_a_repeat_across_blocks() {
        let members: Vec<DuesMember> = (0..130)
            .map(|i| DuesMember::new(format!("M{}", i % 40), Category::Student))
            .collect();
        assert_eq!(repeated_ids(&members), (40..130).collect::<Vec<_>>());
        assert!(repeated_ids(&members[..40]).is_empty());
        assert!(repeated_ids(&[]).is_empty());
    }
}
