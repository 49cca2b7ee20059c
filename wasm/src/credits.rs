//! Learning credits and member points (core [`dangjian::credits`]): the scheme, the stateful incremental
//! scorer, and `creditsRate`'s object form (its tiers may be `null`); the other batch functions are the core's
//! JSON entry points, exported by [`crate::entry_points`] in their object and JSON forms.
//!
//! Times cross as RFC 3339 strings with an offset (`"2026-03-02T07:00:00+08:00"`); days, weeks, months and
//! years are China time whatever the offset. Points and scores are JS numbers (whole numbers).

use dangjian::credits::{self, Event, EventError, Offence, Scheme, Scorer};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, parse_json, stringify, to_js};
use crate::error::{codes, ApiError};

mod columns;
mod tally;

pub use tally::CreditsTally;

/// The codes the core's credits JSON entry points give to a document they cannot read.
mod read_codes {
    /// The `{"events","voids","offences"}` input of `score_json` (and a list that is not an array).
    pub const EVENTS: &str = "INVALID_EVENTS_JSON";
    /// One event.
    pub const EVENT: &str = "INVALID_EVENT_JSON";
    /// One offence (the core reads offences inside the events document).
    pub const OFFENCE: &str = "INVALID_EVENTS_JSON";
    /// Scores (`rate_json`).
    pub const SCORES: &str = "INVALID_SCORES_JSON";
    /// Tiers (`rate_json`).
    pub const TIERS: &str = "INVALID_TIERS_JSON";
}

/// A points scheme: dated rule sets of activity rules (caps, minimum durations, dedup, windows, penalties).
///
/// ```js
/// const scheme = CreditsScheme.learningPlatform();       // 学习强国-style daily rules, 2019 and 2022 sets
/// const own = CreditsScheme.fromJson(unitSchemeJson);    // a unit's own, validated (field paths on error)
/// ```
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct CreditsScheme {
    pub(crate) inner: Scheme,
}

#[wasm_bindgen]
impl CreditsScheme {
    /// The learning-platform preset (the 2019 launch set and the 2022–23 set).
    ///
    /// ```js
    /// const scheme = CreditsScheme.learningPlatform(); // scheme.name === "learning_platform"
    /// ```
    #[wasm_bindgen(js_name = learningPlatform)]
    pub fn learning_platform() -> CreditsScheme {
        CreditsScheme {
            inner: Scheme::learning_platform(),
        }
    }

    /// The member-points preset (党员积分制: base score 60, floor 0, bonus and deduction items).
    ///
    /// ```js
    /// const scheme = CreditsScheme.memberPoints(); // scheme.name === "member_points"
    /// ```
    #[wasm_bindgen(js_name = memberPoints)]
    pub fn member_points() -> CreditsScheme {
        CreditsScheme {
            inner: Scheme::member_points(),
        }
    }

    /// Reads and validates a scheme document. Throws a `DangjianError` naming the field at fault
    /// (`INVALID_SCHEME_JSON`, `INVALID_UNIT` at `rule_sets[0].value.activities[0].unit.minutes`, …).
    ///
    /// ```js
    /// const copy = CreditsScheme.fromJson(CreditsScheme.memberPoints().toJson());
    /// ```
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(json: &str) -> Result<CreditsScheme, ApiError> {
        Ok(CreditsScheme {
            inner: Scheme::from_json(json)?,
        })
    }

    /// The scheme document as JSON; `CreditsScheme.fromJson` reads it back.
    ///
    /// ```js
    /// const doc = JSON.parse(CreditsScheme.learningPlatform().toJson()); // doc.rule_sets.length === 2
    /// ```
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> Result<String, ApiError> {
        stringify(&to_js(&self.inner)?, codes::SERIALIZATION_FAILED)
    }

    /// The scheme's short name (`learning_platform`, `member_points`, a unit's own).
    ///
    /// ```js
    /// CreditsScheme.memberPoints().name; // "member_points"
    /// ```
    #[wasm_bindgen(getter)]
    pub fn name(&self) -> String {
        self.inner.name.clone()
    }
}

/// The stateful, incremental scorer: feed it events in any order and any batches; `ledger()` is always what
/// one replay of everything received would give.
///
/// ```js
/// const scorer = new CreditsScorer(CreditsScheme.learningPlatform());
/// scorer.ingest([{ event_id: "e1", member_id: "M1", activity: "login", occurred_at: "2026-03-02T07:00:00+08:00" }]);
/// scorer.ledger()[0].points; // 1
/// ```
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct CreditsScorer {
    inner: Scorer,
}

/// The elements of a JS array read one by one: the values read, the index of each in the array, and an
/// error entry for each element that could not be read.
struct ReadEach<T> {
    values: Vec<T>,
    positions: Vec<usize>,
    errors: Vec<EventError>,
}

/// Reads each element of the JS array `list` on its own, so one bad element is an error entry (its index,
/// its id when `id_key` can be read, the field at fault) and the others are taken.
fn read_each<T: DeserializeOwned>(
    list: &JsValue,
    code: &str,
    id_key: &str,
) -> Result<ReadEach<T>, ApiError> {
    if !js_sys::Array::is_array(list) {
        return Err(ApiError::invalid_input(
            code,
            "",
            "须为数组",
            "expected an array",
        ));
    }
    let mut values = Vec::new();
    let mut positions = Vec::new();
    let mut errors = Vec::new();
    for (index, element) in js_sys::Array::from(list).iter().enumerate() {
        match from_js::<T>(&element, code) {
            Ok(v) => {
                values.push(v);
                positions.push(index);
            }
            Err(e) => {
                let id = js_sys::Reflect::get(&element, &JsValue::from_str(id_key))
                    .ok()
                    .and_then(|v| v.as_string());
                let core = dangjian::Error::input(&e.code, e.field, e.message_zh, e.message_en);
                let mut entry = EventError::new(index, None, id, &core);
                entry.kind = e.kind.to_owned();
                errors.push(entry);
            }
        }
    }
    Ok(ReadEach {
        values,
        positions,
        errors,
    })
}

impl CreditsScorer {
    /// The call's result as a JS object; the core's error indices (into the values read) are mapped back to
    /// positions in the caller's array and merged with the read errors, by position.
    fn changes(
        &self,
        mut r: credits::Ingest,
        positions: &[usize],
        mut errors: Vec<EventError>,
    ) -> Result<JsValue, ApiError> {
        errors.extend(r.errors.drain(..).map(|mut e| {
            e.index = positions.get(e.index).copied().unwrap_or(e.index);
            e
        }));
        errors.sort_by_key(|e| e.index);
        r.errors = errors;
        to_js(&self.inner.changes(r))
    }
}

#[wasm_bindgen]
impl CreditsScorer {
    /// An empty scorer for a scheme.
    ///
    /// ```js
    /// const scorer = new CreditsScorer(CreditsScheme.memberPoints());
    /// ```
    #[wasm_bindgen(constructor)]
    pub fn new(scheme: &CreditsScheme) -> Result<CreditsScorer, ApiError> {
        Ok(CreditsScorer {
            inner: Scorer::new(scheme.inner.clone())?,
        })
    }

    /// Takes a batch of events; returns `{ changed, duplicates, errors }`. An event that cannot be read
    /// (`INVALID_EVENT_JSON` naming the field) or scored (`UNKNOWN_ACTIVITY`, `MISSING_FIELD`,
    /// `CONFLICTING_EVENT_ID`, …) is an entry of `errors` with its `index` in `events`; the rest are scored.
    /// Throws only when `events` is not an array.
    ///
    /// ```js
    /// const r = scorer.ingest([{ event_id: "e1", member_id: "M1", activity: "login", occurred_at: "2026-03-02T07:00:00+08:00" }]);
    /// r.changed[0].reason; // "SCORED"
    /// ```
    #[wasm_bindgen(unchecked_return_type = "ScorerChanges")]
    pub fn ingest(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "CreditEvent[]")] events: &JsValue,
    ) -> Result<JsValue, ApiError> {
        let read = read_each::<Event>(events, read_codes::EVENT, "event_id")?;
        let r = self.inner.ingest(read.values);
        self.changes(r, &read.positions, read.errors)
    }

    /// Voids events (clawback): each scores 0 (`VOIDED`) and its member is re-scored from its day. An unknown
    /// id is an entry of `errors` (`UNKNOWN_EVENT`, field `event_id`); voiding twice changes nothing.
    ///
    /// ```js
    /// scorer.voidEvents(["e1"]).changed.map((e) => e.reason); // ["VOIDED", …entries it released]
    /// ```
    #[wasm_bindgen(js_name = voidEvents, unchecked_return_type = "ScorerChanges")]
    pub fn void_events(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] ids: &JsValue,
    ) -> Result<JsValue, ApiError> {
        let ids: Vec<String> = from_js(ids, read_codes::EVENTS)?;
        let r = self.inner.void(&ids);
        self.changes(r, &[], Vec::new())
    }

    /// Records cheating offences: the member's n-th takes the n-th step of the penalty ladder (suspension,
    /// a zeroed year, a ban) and the member is re-scored. An offence that cannot be read is an entry of
    /// `errors`; a repeated offence id is ignored.
    ///
    /// ```js
    /// scorer.recordOffences([{ offence_id: "o1", member_id: "M1", decided_at: "2026-03-02T12:00:00+08:00" }]);
    /// ```
    #[wasm_bindgen(js_name = recordOffences, unchecked_return_type = "ScorerChanges")]
    pub fn record_offences(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Offence[]")] offences: &JsValue,
    ) -> Result<JsValue, ApiError> {
        let read = read_each::<Offence>(offences, read_codes::OFFENCE, "offence_id")?;
        let r = self.inner.record_offences(read.values);
        self.changes(r, &read.positions, read.errors)
    }

    /// Every entry, in canonical order (`occurred_at`, then `event_id`).
    ///
    /// ```js
    /// for (const e of scorer.ledger()) console.log(e.event_id, e.day, e.points, e.reason);
    /// ```
    #[wasm_bindgen(unchecked_return_type = "LedgerEntry[]")]
    pub fn ledger(&self) -> Result<JsValue, ApiError> {
        to_js(&self.inner.ledger())
    }

    /// The entry of one event id, or `null`.
    ///
    /// ```js
    /// scorer.entry("e1")?.points; // 1
    /// ```
    #[wasm_bindgen(unchecked_return_type = "LedgerEntry | null")]
    pub fn entry(
        &self,
        #[wasm_bindgen(js_name = eventId)] event_id: &str,
    ) -> Result<JsValue, ApiError> {
        to_js(&self.inner.entry(event_id))
    }

    /// Totals per member per day, ISO week, month and year (a year's `score` adds the base score, not below
    /// the floor, under 党员积分制).
    ///
    /// ```js
    /// scorer.totals().filter((t) => t.kind === "year"); // [{ member_id, kind: "year", period: "2026", points, score }]
    /// ```
    #[wasm_bindgen(unchecked_return_type = "CreditTotal[]")]
    pub fn totals(&self) -> Result<JsValue, ApiError> {
        to_js(&self.inner.totals())
    }

    /// Why an event's entry has its points, step by step with the article; `null` for an unknown id.
    ///
    /// ```js
    /// scorer.explain("e1").steps.at(-1).value; // "SCORED"
    /// ```
    #[wasm_bindgen(unchecked_return_type = "Explanation | null")]
    pub fn explain(
        &self,
        #[wasm_bindgen(js_name = eventId)] event_id: &str,
    ) -> Result<JsValue, ApiError> {
        to_js(&self.inner.explain(event_id))
    }

    /// Closes every China-time day up to `through` (`YYYY-MM-DD`): their entries become final and leave
    /// memory, the totals keep them, and an event or offence dated on a closed day is an entry of `errors`
    /// (`PERIOD_CLOSED`) from then on. Returns `{ through, entries, open }`: the last closed day, the
    /// entries this call closed (store them: the scorer no longer shows them) and how many stay open.
    /// Throws `INVALID_DATE` (field `through`).
    ///
    /// ```js
    /// const { entries } = scorer.closeThrough("2026-03-31"); // March is final
    /// ```
    #[wasm_bindgen(js_name = closeThrough, unchecked_return_type = "ClosedDays")]
    pub fn close_through(&mut self, through: &str) -> Result<JsValue, ApiError> {
        parse_json(&self.inner.close_through_json(through)?)
    }

    /// The last closed day (`YYYY-MM-DD`), or `undefined` when none was closed.
    ///
    /// ```js
    /// scorer.closedThrough; // "2026-03-31"
    /// ```
    #[wasm_bindgen(getter, js_name = closedThrough)]
    pub fn closed_through(&self) -> Option<String> {
        self.inner.closed_through().map(|d| d.to_string())
    }

    /// How many distinct events the ledger holds.
    ///
    /// ```js
    /// scorer.length; // 1
    /// ```
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.inner.len()
    }
}

/// The annual rating: members into tiers, highest first, each within its quota (equal scores at a quota
/// line all fall to the next tier). `tiers` absent or `null`: 优秀 ≥ 90 (at most 1/3), 合格 ≥ 60,
/// 基本合格 ≥ 40, 不合格.
///
/// ```js
/// creditsRate([{ member_id: "A", score: 95 }]); // [{ member_id: "A", score: 95, tier: "合格" }] — quota ⌊1/3⌋ = 0
/// ```
#[wasm_bindgen(js_name = creditsRate, unchecked_return_type = "Rating[]")]
pub fn credits_rate(
    #[wasm_bindgen(unchecked_param_type = "MemberScore[]")] scores: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Tier[] | null")] tiers: Option<js_sys::Array>,
) -> Result<JsValue, ApiError> {
    let scores = stringify(scores, read_codes::SCORES)?;
    let tiers = match tiers {
        Some(t) => stringify(&t, read_codes::TIERS)?,
        None => "null".to_owned(),
    };
    parse_json(&credits::rate_json(&scores, &tiers)?)
}
