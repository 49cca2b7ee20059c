//! `CreditsScorer.ingestColumns`: a batch of events as columns of typed arrays (the core's
//! [`dangjian::credits::Columns`]), so a batch held as an Arrow table or a data frame crosses as a few arrays,
//! copied once, instead of one JS object per event read through `JSON.stringify`.
//!
//! A column of the wrong JS type is refused here with the core's own code for a malformed batch,
//! `INVALID_COLUMNS`, naming the column (and the element, `member_ids[2]`, when one element is at fault); the
//! core then checks the shape (lengths, indexes, offsets) under the same code.

use dangjian::credits::Columns;
use js_sys::{Array, BigInt64Array, Int32Array, Reflect, Uint32Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::CreditsScorer;
use crate::error::ApiError;

/// The core's code for a malformed batch of columns.
const INVALID_COLUMNS: &str = "INVALID_COLUMNS";

/// An `INVALID_COLUMNS` error at `field`, worded as the core words its own.
pub(super) fn bad(field: &str, zh: &str, en: &str) -> ApiError {
    ApiError::invalid_input(
        INVALID_COLUMNS,
        field,
        format!("列 {field}：{zh}"),
        format!("column {field}: {en}"),
    )
}

/// The property `key` of `obj`; `None` when it is absent, `undefined` or `null`.
pub(super) fn property(obj: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(obj, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// The property `key`, which the batch cannot do without.
pub(super) fn required(obj: &JsValue, key: &str) -> Result<JsValue, ApiError> {
    property(obj, key).ok_or_else(|| bad(key, "缺失", "is missing"))
}

/// A typed-array column: `A` (named `js_type` in the error) copied out; an optional column left out is empty.
pub(super) fn typed<A: JsCast, T>(
    value: Option<JsValue>,
    key: &str,
    js_type: &str,
    copy: impl Fn(&A) -> Vec<T>,
) -> Result<Vec<T>, ApiError> {
    match value {
        None => Ok(Vec::new()),
        Some(v) => v.dyn_ref::<A>().map(copy).ok_or_else(|| {
            bad(
                key,
                &format!("须为 {js_type}"),
                &format!("must be a {js_type}"),
            )
        }),
    }
}

/// A table of strings (a plain array); an optional table left out is empty.
pub(super) fn strings(value: Option<JsValue>, key: &str) -> Result<Vec<String>, ApiError> {
    let Some(v) = value else {
        return Ok(Vec::new());
    };
    if !Array::is_array(&v) {
        return Err(bad(key, "须为字符串数组", "must be an array of strings"));
    }
    Array::from(&v)
        .iter()
        .enumerate()
        .map(|(i, s)| {
            s.as_string()
                .ok_or_else(|| bad(&format!("{key}[{i}]"), "须为字符串", "must be a string"))
        })
        .collect()
}

/// An optional per-row number column: a typed array (`A`, every row has a value) or a plain array of
/// whole numbers in `T`'s range and `null` (that row has none).
pub(super) fn per_row<A: JsCast, T: TryFrom<i64>>(
    value: Option<JsValue>,
    key: &str,
    js_type: &str,
    copy: impl Fn(&A) -> Vec<T>,
) -> Result<Vec<Option<T>>, ApiError> {
    let Some(v) = value else {
        return Ok(Vec::new());
    };
    if let Some(a) = v.dyn_ref::<A>() {
        return Ok(copy(a).into_iter().map(Some).collect());
    }
    if !Array::is_array(&v) {
        return Err(bad(
            key,
            &format!("须为 {js_type} 或由整数与 null 组成的数组"),
            &format!("must be a {js_type} or an array of whole numbers and nulls"),
        ));
    }
    Array::from(&v)
        .iter()
        .enumerate()
        .map(|(i, x)| {
            if x.is_null() || x.is_undefined() {
                return Ok(None);
            }
            x.as_f64()
                .and_then(whole)
                .and_then(|n| T::try_from(n).ok())
                .map(Some)
                .ok_or_else(|| {
                    bad(
                        &format!("{key}[{i}]"),
                        "须为范围内的整数或 null",
                        "must be a whole number in range or null",
                    )
                })
        })
        .collect()
}

/// A JS number that is a safe whole number (no rounding happened on the way in), as an `i64`.
pub(super) fn whole(n: f64) -> Option<i64> {
    // 2^53 - 1: beyond it a JS number may already have been rounded.
    const SAFE: f64 = 9_007_199_254_740_991.0;
    // Exact: a whole number within ±(2^53 - 1).
    #[allow(clippy::cast_possible_truncation)]
    (n.fract() == 0.0 && n.abs() <= SAFE).then_some(n as i64)
}

/// The event ids end to end: a string (offsets count its UTF-8 bytes) or a `Uint8Array` of UTF-8 (Arrow's
/// value buffer).
fn id_bytes(value: JsValue) -> Result<String, ApiError> {
    const KEY: &str = "event_id_bytes";
    if let Some(s) = value.as_string() {
        return Ok(s);
    }
    let bytes = value
        .dyn_ref::<Uint8Array>()
        .map(Uint8Array::to_vec)
        .ok_or_else(|| {
            bad(
                KEY,
                "须为字符串或 UTF-8 的 Uint8Array",
                "must be a string or a Uint8Array of UTF-8",
            )
        })?;
    String::from_utf8(bytes).map_err(|_| bad(KEY, "不是有效的 UTF-8", "is not valid UTF-8"))
}

/// The columns of a `CreditColumns` object, owned (copied out of the JS heap once).
#[derive(Debug, Default)]
struct Owned {
    event_id_bytes: String,
    event_id_offsets: Vec<u32>,
    member_ids: Vec<String>,
    members: Vec<u32>,
    activity_codes: Vec<String>,
    activities: Vec<u32>,
    occurred_at_ns: Vec<i64>,
    offset_seconds: Vec<i32>,
    content_ids: Vec<String>,
    contents: Vec<u32>,
    duration_seconds: Vec<Option<u32>>,
    correct_answers: Vec<Option<u32>>,
    place: Vec<Option<u32>>,
    points: Vec<Option<i64>>,
}

impl Owned {
    /// Reads a `CreditColumns` object, column by column.
    fn read(c: &JsValue) -> Result<Self, ApiError> {
        if !c.is_object() {
            return Err(ApiError::invalid_input(
                INVALID_COLUMNS,
                "",
                "列须为对象",
                "the columns must be an object",
            ));
        }
        let u32s = |key: &str, value| typed(value, key, "Uint32Array", Uint32Array::to_vec);
        let u32_rows =
            |key: &str| per_row(property(c, key), key, "Uint32Array", Uint32Array::to_vec);
        Ok(Self {
            event_id_bytes: id_bytes(required(c, "event_id_bytes")?)?,
            event_id_offsets: u32s("event_id_offsets", Some(required(c, "event_id_offsets")?))?,
            member_ids: strings(Some(required(c, "member_ids")?), "member_ids")?,
            members: u32s("members", Some(required(c, "members")?))?,
            activity_codes: strings(Some(required(c, "activity_codes")?), "activity_codes")?,
            activities: u32s("activities", Some(required(c, "activities")?))?,
            occurred_at_ns: typed(
                Some(required(c, "occurred_at_ns")?),
                "occurred_at_ns",
                "BigInt64Array",
                BigInt64Array::to_vec,
            )?,
            offset_seconds: typed(
                property(c, "offset_seconds"),
                "offset_seconds",
                "Int32Array",
                Int32Array::to_vec,
            )?,
            content_ids: strings(property(c, "content_ids"), "content_ids")?,
            contents: u32s("contents", property(c, "contents"))?,
            duration_seconds: u32_rows("duration_seconds")?,
            correct_answers: u32_rows("correct_answers")?,
            place: u32_rows("place")?,
            points: per_row(
                property(c, "points"),
                "points",
                "Int32Array",
                |a: &Int32Array| a.to_vec().into_iter().map(i64::from).collect(),
            )?,
        })
    }
}

/// A table of owned strings as the borrowed table `Columns` takes.
fn strs(table: &[String]) -> Vec<&str> {
    table.iter().map(String::as_str).collect()
}

#[wasm_bindgen]
impl CreditsScorer {
    /// Takes a batch of events as columns and returns `{ changed, duplicates, errors }`, exactly what
    /// `ingest` returns for the same events (same entries and duplicates; a refused row is an entry of
    /// `errors` with the row as `index`). Row `i` is the event `{ event_id: the UTF-8 bytes
    /// event_id_offsets[i] up to event_id_offsets[i + 1] of event_id_bytes, member_id:
    /// member_ids[members[i]], activity: activity_codes[activities[i]], occurred_at: occurred_at_ns[i], … }`.
    ///
    /// Throws `INVALID_COLUMNS` naming the column at fault when the batch is malformed — a column of the
    /// wrong type, offsets that do not rise from 0 within the ids (`event_id_offsets`), an index outside its
    /// table, a column of the wrong length — and then nothing is scored.
    ///
    /// ```js
    /// const t = 1772406000000000000n; // 2026-03-02T07:00:00+08:00 in ns
    /// const r = scorer.ingestColumns({
    ///   event_id_bytes: "r1r2", event_id_offsets: new Uint32Array([0, 2, 4]),
    ///   member_ids: ["M1"], members: new Uint32Array([0, 0]),
    ///   activity_codes: ["reading_time"], activities: new Uint32Array([0, 0]),
    ///   occurred_at_ns: new BigInt64Array([t, t + 600_000_000_000n]),
    ///   duration_seconds: new Uint32Array([300, 150]),
    /// });
    /// r.changed.map((e) => e.points); // [5, 1]
    /// ```
    #[wasm_bindgen(js_name = ingestColumns, unchecked_return_type = "ScorerChanges")]
    pub fn ingest_columns(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "CreditColumns")] columns: &JsValue,
    ) -> Result<JsValue, ApiError> {
        let o = Owned::read(columns)?;
        let (member_ids, activity_codes, content_ids) = (
            strs(&o.member_ids),
            strs(&o.activity_codes),
            strs(&o.content_ids),
        );
        let view = Columns {
            event_id_bytes: &o.event_id_bytes,
            event_id_offsets: &o.event_id_offsets,
            member_ids: &member_ids,
            members: &o.members,
            activity_codes: &activity_codes,
            activities: &o.activities,
            occurred_at_ns: &o.occurred_at_ns,
            offset_seconds: &o.offset_seconds,
            content_ids: &content_ids,
            contents: &o.contents,
            duration_seconds: &o.duration_seconds,
            correct_answers: &o.correct_answers,
            place: &o.place,
            points: &o.points,
        };
        let r = self.inner.ingest_columns(&view)?;
        self.changes(r, &[], Vec::new())
    }
}
