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
    let raw: Vec<serde_json::Value> = crate::error::from_json(json, "INVALID_MEMBER_JSON")?;
    let mut members = Vec::with_capacity(raw.len());
    let mut positions = Vec::with_capacity(raw.len());
    let mut errors = Vec::new();
    // The first entry carrying an id claims it, readable or not, as in `assess_batch`.
    let mut seen = std::collections::HashSet::with_capacity(raw.len());
    for (index, value) in raw.into_iter().enumerate() {
        let id = value
            .get("member_id")
            .and_then(|v| v.as_str())
            .map(str::to_owned);
        if let Some(id) = &id {
            if !seen.insert(id.clone()) {
                errors.push(BatchError::new(index, Some(id.clone()), &duplicate_id(id)));
                continue;
            }
        }
        match serde_path_to_error::deserialize::<_, DuesMember>(value) {
            Ok(m) => {
                members.push(m);
                positions.push(index);
            }
            Err(e) => {
                let err = crate::error::path_error(e, "INVALID_MEMBER_JSON");
                errors.push(BatchError::new(index, id, &err));
            }
        }
    }
    let mut out = assess_batch(policy, &members, month, options);
    for e in &mut out.errors {
        e.index = positions.get(e.index).copied().unwrap_or(e.index);
    }
    out.errors.extend(errors);
    out.errors.sort_by_key(|e| e.index);
    Ok(out)
}

fn duplicate_id(id: &str) -> Error {
    Error::input(
        "DUPLICATE_MEMBER_ID",
        "member_id",
        format!("党员编号重复：{id}"),
        format!("member_id appears twice: {id}"),
    )
}
