//! `MonthRules`: the dues rules of one month resolved once (core [`dangjian::dues::MonthRules`]), then a
//! column of bases in fen in and a column of amounts in fen out as typed arrays — one copy each way, no JS
//! object per member and no `JSON.stringify`.
//!
//! A `BigInt64Array` gives back a `BigInt64Array`; a `Float64Array` (exact for whole numbers up to 2^53 fen,
//! far above the largest base, one trillion yuan) gives back a `Float64Array`. A refused row is an entry of
//! `errors` and 0 in its slot; the other rows are computed.

use dangjian::dues::{self, Category};
use dangjian::month::parse_month;
use js_sys::{BigInt64Array, Float64Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::convert::to_js;
use crate::error::ApiError;
use crate::memory;
use crate::policy::Policy;

/// The bytes of one base or amount in wasm memory.
const WIDTH: usize = 8;
/// The column's copies in wasm memory, in columns: the bases, the amounts (and, for a `Float64Array`, the
/// whole fen and the numbers out).
const COLUMN_COPIES: usize = 4;

#[wasm_bindgen(typescript_custom_section)]
const TS_DUES_COLUMNS: &str = r#"
/** A refused row of a column of bases: its index, the code and the row as a path (`bases[7]`). */
export interface DuesColumnError {
  index: number;
  kind: "invalid_input";
  /** `NEGATIVE_AMOUNT`, `AMOUNT_TOO_LARGE`, or `INVALID_AMOUNT` (a `Float64Array` value that is not a whole number). */
  code: DangjianCode;
  field: string;
  message_zh: string;
  message_en: string;
}
/** The amounts in fen, row for row, in the array type of the bases (0 where refused), and the refused rows. */
export interface DuesAmounts<A extends BigInt64Array | Float64Array> {
  amounts: A;
  errors: DuesColumnError[];
}
export interface MonthRules {
  /**
   * The amounts of a column of bases in fen of one category (2008 Rules Arts. 2–6), exactly as `assessDues`
   * gives each: `BigInt64Array` in, `BigInt64Array` out; `Float64Array` in, `Float64Array` out.
   * Throws `UNKNOWN_CATEGORY` at `category`, `INVALID_ARGUMENT` at `bases` when it is neither array type.
   */
  amountsFen<A extends BigInt64Array | Float64Array>(category: Category, bases: A): DuesAmounts<A>;
}
"#;

/// The dues rules in force in one month, resolved once for many amounts in fen.
///
/// ```js
/// const rules = MonthRules.bundled("2026-11");
/// const { amounts, errors } = rules.amountsFen("employed", new BigInt64Array([300000n, 540000n, -5n]));
/// // amounts: [1500n, 8100n, 0n] — 3000.00 × 0.5% = 15.00, 5400.00 × 1.5% = 81.00; errors[0]: 2, NEGATIVE_AMOUNT
/// ```
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct MonthRules {
    inner: dues::MonthRules,
}

/// One refused row, as JS sees it.
#[derive(Serialize)]
struct ColumnError {
    index: usize,
    kind: &'static str,
    code: String,
    field: String,
    message_zh: String,
    message_en: String,
}

#[wasm_bindgen]
impl MonthRules {
    /// The rules of `policy` in force in `month` (`YYYY-MM`). Throws `INVALID_MONTH` at `month`, or a
    /// `policy` error (`NO_POLICY_IN_FORCE` before April 2008, `EMPTY_BRACKETS`, `RATE_OUT_OF_RANGE`).
    ///
    /// ```js
    /// const rules = MonthRules.resolve(Policy.bundled().withOverridesJson(provinceJson), "2026-11");
    /// ```
    pub fn resolve(policy: &Policy, month: &str) -> Result<MonthRules, ApiError> {
        let month = parse_month(month, "month")?;
        Ok(MonthRules {
            inner: dues::MonthRules::resolve(&policy.inner, month)?,
        })
    }

    /// The bundled policy's rules in force in `month`; throws as `MonthRules.resolve`.
    ///
    /// ```js
    /// const rules = MonthRules.bundled("2026-11");
    /// ```
    pub fn bundled(month: &str) -> Result<MonthRules, ApiError> {
        let month = parse_month(month, "month")?;
        Ok(MonthRules {
            inner: dues::MonthRules::resolve(&dangjian::Policy::bundled(), month)?,
        })
    }

    /// The month these rules were resolved for, `YYYY-MM`.
    ///
    /// ```js
    /// MonthRules.bundled("2026-11").month; // "2026-11"
    /// ```
    #[wasm_bindgen(getter)]
    pub fn month(&self) -> String {
        self.inner.month().to_string()
    }

    /// The amounts of a column of bases (declared in the TypeScript section above, generic in the array
    /// type).
    ///
    /// ```js
    /// const { amounts } = MonthRules.bundled("2026-11").amountsFen("retired", new Float64Array([500001]));
    /// // amounts: Float64Array [5000] — 5000.01 × 1% = 50.0001 → 50.00
    /// ```
    #[wasm_bindgen(js_name = amountsFen, skip_typescript)]
    pub fn amounts_fen(&self, category: &str, bases: &JsValue) -> Result<JsValue, ApiError> {
        let category = category_of(category)?;
        if let Some(column) = bases.dyn_ref::<BigInt64Array>() {
            reserve_columns(column.length());
            let mut out = Vec::new();
            let errors = self.inner.amounts_fen(category, &column.to_vec(), &mut out);
            return outcome(
                BigInt64Array::from(out.as_slice()).into(),
                column_errors(errors),
            );
        }
        if let Some(column) = bases.dyn_ref::<Float64Array>() {
            reserve_columns(column.length());
            return self.amounts_of_numbers(category, &column.to_vec());
        }
        Err(ApiError::invalid_input(
            crate::error::codes::INVALID_ARGUMENT,
            "bases",
            "基数列须为 BigInt64Array 或 Float64Array（单位：分）",
            "bases must be a BigInt64Array or a Float64Array (in fen)",
        ))
    }
}

impl MonthRules {
    /// The `Float64Array` form: each number read as a whole number of fen (a fraction or NaN is refused as
    /// `INVALID_AMOUNT`), computed as `i64`, written back as numbers (exact: every amount is below 2^53).
    fn amounts_of_numbers(&self, category: Category, bases: &[f64]) -> Result<JsValue, ApiError> {
        let mut unreadable = Vec::new();
        let whole: Vec<i64> = bases
            .iter()
            .enumerate()
            .map(|(i, &n)| {
                fen_of_number(n).unwrap_or_else(|| {
                    unreadable.push(i);
                    0
                })
            })
            .collect();
        let mut out = Vec::new();
        let mut errors = column_errors(self.inner.amounts_fen(category, &whole, &mut out));
        for &i in &unreadable {
            if let Some(slot) = out.get_mut(i) {
                *slot = 0;
            }
            errors.push(not_a_whole_number(i));
        }
        errors.sort_by_key(|e| e.index);
        // Exact: an amount is at most the largest base times a rate below 1, far under 2^53.
        #[allow(clippy::cast_precision_loss)]
        let numbers: Vec<f64> = out.iter().map(|&a| a as f64).collect();
        outcome(Float64Array::from(numbers.as_slice()).into(), errors)
    }
}

/// The memory of a column of `rows` and its results, grown once (see `memory`).
fn reserve_columns(rows: u32) {
    let rows = usize::try_from(rows).unwrap_or(usize::MAX);
    memory::reserve_for(rows.saturating_mul(WIDTH), COLUMN_COPIES);
}

/// A category code (`employed`, `retired`, …); anything else is `UNKNOWN_CATEGORY` at `category`.
fn category_of(code: &str) -> Result<Category, ApiError> {
    Category::from_code(code).ok_or_else(|| {
        ApiError::invalid_input(
            "UNKNOWN_CATEGORY",
            "category",
            format!("未知的党员类别：{code}"),
            format!("unknown member category: {code}"),
        )
    })
}

/// A number as whole fen: `None` for NaN or a fraction. Whole numbers beyond ±2^63 saturate, which the core
/// then refuses as `NEGATIVE_AMOUNT` or `AMOUNT_TOO_LARGE` like any base out of range.
fn fen_of_number(n: f64) -> Option<i64> {
    // `as` saturates at i64's bounds (and ±infinity), and is exact for a whole number within them.
    #[allow(clippy::cast_possible_truncation)]
    (n.is_infinite() || n.fract() == 0.0).then_some(n as i64)
}

fn not_a_whole_number(index: usize) -> ColumnError {
    ColumnError {
        index,
        kind: "invalid_input",
        code: "INVALID_AMOUNT".to_owned(),
        field: format!("bases[{index}]"),
        message_zh: "基数须为整数分".to_owned(),
        message_en: "a base must be a whole number of fen".to_owned(),
    }
}

fn column_errors(errors: Vec<(usize, dangjian::Error)>) -> Vec<ColumnError> {
    errors
        .into_iter()
        .map(|(index, e)| {
            let kind = e.kind();
            let d = e.detail().clone();
            ColumnError {
                index,
                kind,
                code: d.code,
                field: d.field,
                message_zh: d.message_zh,
                message_en: d.message_en,
            }
        })
        .collect()
}

/// `{ amounts, errors }`.
fn outcome(amounts: JsValue, errors: Vec<ColumnError>) -> Result<JsValue, ApiError> {
    let object = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&object, &key.into(), value);
    let errors = to_js(&errors)?;
    set("amounts", &amounts)
        .and_then(|_| set("errors", &errors))
        .map_err(|_| {
            ApiError::invalid_input(
                crate::error::codes::SERIALIZATION_FAILED,
                "",
                "无法生成结果对象",
                "cannot build the result object",
            )
        })?;
    Ok(object.into())
}
