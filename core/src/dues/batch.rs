//! Batch assessment: many members in one call; a bad member becomes an error entry, the rest are computed.
#![deny(clippy::arithmetic_side_effects)]

use serde::{Deserialize, Serialize};

use super::assess::{assess, AssessOptions, Assessment};
use super::member::DuesMember;
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
    let mut seen = std::collections::HashSet::with_capacity(members.len());
    for (index, member) in members.iter().enumerate() {
        let id = Some(member.member_id.clone());
        if !seen.insert(member.member_id.as_str()) {
            out.errors
                .push(BatchError::new(index, id, &duplicate_id(&member.member_id)));
            progress(index.saturating_add(1), total);
            continue;
        }
        match assess(policy, member, month, options) {
            Ok(a) => out.assessments.push(a),
            Err(e) => out.errors.push(BatchError::new(index, id, &e)),
        }
        progress(index.saturating_add(1), total);
    }
    out
}

pub(super) fn duplicate_id(id: &str) -> Error {
    Error::input(
        "DUPLICATE_MEMBER_ID",
        "member_id",
        format!("党员编号重复：{id}"),
        format!("member_id appears twice: {id}"),
    )
}
