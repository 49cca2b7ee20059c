//! `CreditsTally`: the totals fast path (core [`dangjian::credits::Tally`], RULES §7) over typed arrays —
//! numbered members and activities in, each member's points per China-time day out as typed arrays, no JS
//! object per event crossing the boundary. Malformed columns are `INVALID_COLUMNS` naming the column, as in
//! `CreditsScorer.ingestColumns`.

use dangjian::credits::{Rows, Tally};
use js_sys::{BigInt64Array, Float64Array, Int32Array, Object, Reflect, Uint32Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::columns::{bad, per_row, property, required, strings, typed, whole};
use super::CreditsScheme;
use crate::convert::to_js;
use crate::error::ApiError;

/// A scheme compiled once for the totals fast path: the scorer's rule steps (caps, dedup, windows, units,
/// penalties, voids), so `dayTotals` gives the scorer's `day` totals for the same events, without a ledger.
///
/// ```js
/// const tally = new CreditsTally(CreditsScheme.learningPlatform());
/// const out = tally.dayTotals({ members: new Uint32Array([0, 0]), activity_codes: ["login"],
///   activities: new Uint32Array([0, 0]), seconds: new Float64Array([1772406000, 1772406060]) });
/// [...out.points]; // [1]: a login is 1 point, once a day (2026-03-02, day 20514)
/// ```
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct CreditsTally {
    inner: Tally,
}

/// The columns of a `TallyRows` object, copied out of the JS heap once.
struct Owned {
    members: Vec<u32>,
    activity_codes: Vec<String>,
    activities: Vec<u32>,
    seconds: Vec<i64>,
    contents: Vec<u32>,
    duration_seconds: Vec<u32>,
    correct_answers: Vec<u32>,
    place: Vec<u32>,
    points: Vec<Option<i64>>,
    voided: Vec<bool>,
}

/// Seconds since the epoch: a `BigInt64Array`, or a `Float64Array` of whole numbers.
fn seconds(value: JsValue) -> Result<Vec<i64>, ApiError> {
    if let Some(a) = value.dyn_ref::<BigInt64Array>() {
        return Ok(a.to_vec());
    }
    let a = value.dyn_ref::<Float64Array>().ok_or_else(|| {
        bad(
            "seconds",
            "须为 BigInt64Array 或 Float64Array",
            "must be a BigInt64Array or a Float64Array",
        )
    })?;
    a.to_vec()
        .into_iter()
        .enumerate()
        .map(|(i, n)| {
            whole(n).ok_or_else(|| {
                bad(
                    &format!("seconds[{i}]"),
                    "须为整数",
                    "must be a whole number",
                )
            })
        })
        .collect()
}

impl Owned {
    fn read(r: &JsValue) -> Result<Self, ApiError> {
        if !r.is_object() {
            return Err(ApiError::invalid_input(
                "INVALID_COLUMNS",
                "",
                "列须为对象",
                "the columns must be an object",
            ));
        }
        let u32s = |key: &str, value| typed(value, key, "Uint32Array", Uint32Array::to_vec);
        let voided = typed(
            property(r, "voided"),
            "voided",
            "Uint8Array",
            Uint8Array::to_vec,
        )?;
        Ok(Self {
            members: u32s("members", Some(required(r, "members")?))?,
            activity_codes: strings(Some(required(r, "activity_codes")?), "activity_codes")?,
            activities: u32s("activities", Some(required(r, "activities")?))?,
            seconds: seconds(required(r, "seconds")?)?,
            contents: u32s("contents", property(r, "contents"))?,
            duration_seconds: u32s("duration_seconds", property(r, "duration_seconds"))?,
            correct_answers: u32s("correct_answers", property(r, "correct_answers"))?,
            place: u32s("place", property(r, "place"))?,
            points: per_row(
                property(r, "points"),
                "points",
                "Int32Array",
                |a: &Int32Array| a.to_vec().into_iter().map(i64::from).collect(),
            )?,
            voided: voided.into_iter().map(|b| b != 0).collect(),
        })
    }
}

/// The offences `{ members, seconds }`: the member's n-th takes the n-th step of the penalty ladder.
fn read_offences(value: Option<JsValue>) -> Result<Vec<(u32, i64)>, ApiError> {
    let Some(o) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(Vec::new());
    };
    let members = typed(
        Some(required(&o, "members")?),
        "members",
        "Uint32Array",
        Uint32Array::to_vec,
    )?;
    let at = seconds(required(&o, "seconds")?)?;
    if members.len() != at.len() {
        return Err(bad(
            "seconds",
            "长度须等于 members",
            "needs one entry per offence",
        ));
    }
    Ok(members.into_iter().zip(at).collect())
}

/// A JS object with the given properties.
fn object(props: &[(&str, JsValue)]) -> Result<JsValue, ApiError> {
    let o = Object::new();
    for (k, v) in props {
        Reflect::set(&o, &JsValue::from_str(k), v)
            .map_err(|_| ApiError::internal("could not build the totals object"))?;
    }
    Ok(o.into())
}

#[wasm_bindgen]
impl CreditsTally {
    /// The fast path for a scheme (validated as `new CreditsScorer(scheme)` does).
    ///
    /// ```js
    /// const tally = new CreditsTally(CreditsScheme.memberPoints());
    /// ```
    #[wasm_bindgen(constructor)]
    pub fn new(scheme: &CreditsScheme) -> Result<CreditsTally, ApiError> {
        Ok(CreditsTally {
            inner: Tally::new(&scheme.inner)?,
        })
    }

    /// Scores the whole batch: `{ members, days, points, errors }`, one entry per member and China-time day
    /// with an accepted event, in member then day order (`days` counted from 1970-01-01). A row the scheme
    /// cannot score is an entry of `errors` (its row as `index`). `offences`: cheating decisions by member.
    /// Throws `INVALID_COLUMNS` naming the column when the batch is malformed; then nothing is scored.
    ///
    /// ```js
    /// const out = tally.dayTotals(rows, { members: new Uint32Array([3]), seconds: new Float64Array([1772406000]) });
    /// ```
    #[wasm_bindgen(js_name = dayTotals, unchecked_return_type = "TallyTotals")]
    pub fn day_totals(
        &self,
        #[wasm_bindgen(unchecked_param_type = "TallyRows")] rows: &JsValue,
        #[wasm_bindgen(
            unchecked_optional_param_type = "{ members: Uint32Array; seconds: BigInt64Array | Float64Array } | null"
        )]
        offences: Option<JsValue>,
    ) -> Result<JsValue, ApiError> {
        let o = Owned::read(rows)?;
        let offences = read_offences(offences)?;
        let codes: Vec<&str> = o.activity_codes.iter().map(String::as_str).collect();
        let view = Rows {
            members: &o.members,
            activity_codes: &codes,
            activities: &o.activities,
            seconds: &o.seconds,
            contents: &o.contents,
            duration_seconds: &o.duration_seconds,
            correct_answers: &o.correct_answers,
            place: &o.place,
            points: &o.points,
            voided: &o.voided,
        };
        let d = self.inner.day_totals(&view, &offences)?;
        // Days fit an i32 (times are bounded to ±292 years); points are JS numbers as in the scorer's totals.
        let days: Vec<i32> = d
            .days
            .iter()
            .map(|&x| i32::try_from(x).unwrap_or(i32::MAX))
            .collect();
        #[allow(clippy::cast_precision_loss)]
        let points: Vec<f64> = d.points.iter().map(|&p| p as f64).collect();
        object(&[
            ("members", Uint32Array::from(d.members.as_slice()).into()),
            ("days", Int32Array::from(days.as_slice()).into()),
            ("points", Float64Array::from(points.as_slice()).into()),
            ("errors", to_js(&d.errors)?),
        ])
    }
}
