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
    let mut seen = Repeats::new(members);
    // The traces' steps go into chunks shared by the members in them: no allocation per traced member.
    let mut recorder = Recorder::for_batch();
    for (index, member) in members.iter().enumerate() {
        let result = if seen.first(index, &member.member_id) {
            assess_with(policy, member, month, options, &mut recorder)
        } else {
            Err(duplicate_id(&member.member_id))
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

/// The ids of a batch claimed so far, indexed by hash in 8-byte slots that point back into the batch (the ids
/// are borrowed, not copied): a SipHash set of the ids and a copy of each was an eighth of a batch's time. An id
/// the table cannot take (past its billions of entries) goes to a plain set.
struct Repeats<'m> {
    members: &'m [DuesMember],
    index: IdTable,
    more: FxSet<&'m str>,
}

impl<'m> Repeats<'m> {
    fn new(members: &'m [DuesMember]) -> Self {
        let mut index = IdTable::default();
        // Room for all at once; when there cannot be, the table grows as it fills and the rest go to `more`.
        let _ = index.reserve(members.len());
        Self {
            members,
            index,
            more: FxSet::default(),
        }
    }

    /// Claims `id`, the id of member `at`: false when an earlier member has it.
    fn first(&mut self, at: usize, id: &'m str) -> bool {
        let members = self.members;
        let h = hash_str(id);
        let earlier = self
            .index
            .candidates(h)
            .any(|ix| members.get(ix as usize).is_some_and(|m| m.member_id == id));
        if earlier || self.more.contains(id) {
            return false;
        }
        let indexed = u32::try_from(at).is_ok_and(|ix| self.index.insert(h, ix));
        if !indexed {
            self.more.insert(id);
        }
        true
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
