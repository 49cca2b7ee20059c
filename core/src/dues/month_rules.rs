//! The month's dues rules resolved once, for amounts over many known bases (RULES §1).
//!
//! [`assess`](fn@super::assess) answers one member fully: admission, annual fixing, the base composed from
//! payroll items, hardship, findings and the trace. A host that already knows each member's monthly base (a
//! payroll system, a data frame, a column from another engine) needs only the last step — the bracket's rate
//! applied to the whole base and the policy's rounding (2008 Rules Arts. 2 and 5), or the flat amount of Art. 6 —
//! for millions of rows. [`MonthRules`] looks the month's parameters up once (brackets, rounding, flat figures)
//! and computes each amount in integer fen, exactly: the rate is an exact fraction, the product is formed in
//! 128 bits and rounded by the policy's mode at the policy's scale, so every amount equals the
//! [`rust_decimal::Decimal`] path's (a property test over the whole bracket range holds it to that).
#![deny(clippy::arithmetic_side_effects)]

use rust_decimal::Decimal;

use super::items::Category;
use super::params::{Bracket, Rounding, RoundingMode};
use super::MAX_AMOUNT_YUAN;
use crate::dated::in_force;
use crate::{Error, Policy, Result, YearMonth};

/// The largest base accepted, in fen (`MAX_AMOUNT_YUAN` yuan).
const MAX_BASE_FEN: i64 = MAX_AMOUNT_YUAN * 100;
/// A rate's mantissa and scale are kept within these so that `base × mantissa × 100` fits in 128 bits.
const MAX_RATE_MANTISSA: i128 = 1_000_000_000_000_000_000;
const MAX_RATE_SCALE: u32 = 18;

/// One bracket in integer form: the inclusive upper bound in fen and the rate as `mantissa / 10^scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FenBracket {
    /// `floor(up_to × 100)`: for a whole number of fen, `base ≤ up_to` exactly when `base_fen ≤ this`.
    up_to_fen: Option<i64>,
    rate_mantissa: i128,
    /// `10^(rate scale + 2 − rounding scale)`: `base_fen × mantissa / unit_divisor` is the amount in the kept
    /// units (fen, jiao or yuan) before rounding. At least 1: the rate scale is at least 0 and the rounding
    /// scale at most 2.
    unit_divisor: i128,
}

/// The dues rules in force in one month, resolved once for many amounts.
///
/// ```
/// use dangjian::dues::{Category, MonthRules};
/// use dangjian::Policy;
/// let rules = MonthRules::resolve(&Policy::bundled(), "2026-11".parse().unwrap()).unwrap();
/// // 5400.00 × 1.5% = 81.00 (2008 Rules Art. 2: the rate applies to the whole base)
/// assert_eq!(rules.amount_fen(Category::Employed, 540_000).unwrap(), 8_100);
/// // 3000.01 is above the first bracket: 3000.01 × 1% = 30.0001 → 30.00
/// assert_eq!(rules.amount_fen(Category::Employed, 300_001).unwrap(), 3_000);
/// // retirees (Art. 5): 5000.01 × 1% → 50.00; students pay the flat 0.20 (Art. 6) whatever the base
/// assert_eq!(rules.amount_fen(Category::Retired, 500_001).unwrap(), 5_000);
/// assert_eq!(rules.amount_fen(Category::Student, 0).unwrap(), 20);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthRules {
    month: YearMonth,
    employed: Vec<FenBracket>,
    retiree: Vec<FenBracket>,
    rounding: Rounding,
    /// Flat monthly amounts in fen: farmer, student, unemployed, relief, subsistence.
    flat_fen: [i64; 5],
}

impl MonthRules {
    /// Looks up the parameters in force on the first day of `month`: both bracket tables, the rounding, the
    /// farmer figure and the other flat amounts.
    ///
    /// Errors: `NO_POLICY_IN_FORCE` (a parameter has no entry for the month), `EMPTY_BRACKETS`, and
    /// `RATE_OUT_OF_RANGE` for a rate with more than 18 decimals or a mantissa above 10^18 (no regulation's rate
    /// comes near; the bound keeps the exact product within 128 bits).
    ///
    /// ```
    /// let rules = dangjian::dues::MonthRules::resolve(&dangjian::Policy::bundled(), "2026-01".parse().unwrap());
    /// assert_eq!(rules.unwrap().month().to_string(), "2026-01");
    /// ```
    pub fn resolve(policy: &Policy, month: YearMonth) -> Result<Self> {
        let dues = &policy.dues;
        let on = month.first_day();
        let employed = in_force(&dues.employed_brackets, on, "dues.employed_brackets")?;
        let retiree = in_force(&dues.retiree_brackets, on, "dues.retiree_brackets")?;
        let rounding = in_force(&dues.rounding, on, "dues.rounding")?;
        let farmer = in_force(&dues.farmer_monthly, on, "dues.farmer_monthly")?;
        let flat = in_force(&dues.flat_amounts, on, "dues.flat_amounts")?;
        let flat = &flat.value;
        Ok(Self {
            month,
            employed: fen_brackets(&employed.value, rounding.value, "dues.employed_brackets")?,
            retiree: fen_brackets(&retiree.value, rounding.value, "dues.retiree_brackets")?,
            rounding: rounding.value,
            flat_fen: [
                fen_of(farmer.value.monthly, "dues.farmer_monthly")?,
                fen_of(flat.student, "dues.flat_amounts.student")?,
                fen_of(flat.unemployed, "dues.flat_amounts.unemployed")?,
                fen_of(flat.relief, "dues.flat_amounts.relief")?,
                fen_of(flat.subsistence, "dues.flat_amounts.subsistence")?,
            ],
        })
    }

    /// The month these rules were resolved for.
    ///
    /// ```
    /// # let rules = dangjian::dues::MonthRules::resolve(&dangjian::Policy::bundled(), "2026-03".parse().unwrap()).unwrap();
    /// assert_eq!(rules.month().to_string(), "2026-03");
    /// ```
    pub fn month(&self) -> YearMonth {
        self.month
    }

    /// The month's amount in fen for a member of `category` whose monthly base is `base_fen` fen.
    ///
    /// Employed, annual-salary and self-employed members: the employed brackets (2008 Arts. 2–4); retirees: the
    /// retiree brackets (Art. 5) — the rate on the whole base, rounded by the policy. Flat categories (Art. 6):
    /// the stated figure, never rounded, whatever the base. A base of 0 is an amount of 0 under the lowest rate.
    ///
    /// Errors: `NEGATIVE_AMOUNT` and `AMOUNT_TOO_LARGE` (above one trillion yuan), at field `base`.
    ///
    /// ```
    /// use dangjian::dues::{Category, MonthRules};
    /// let rules = MonthRules::resolve(&dangjian::Policy::bundled(), "2026-11".parse().unwrap()).unwrap();
    /// assert_eq!(rules.amount_fen(Category::Employed, 300_000).unwrap(), 1_500); // 3000.00 × 0.5%
    /// assert_eq!(rules.amount_fen(Category::Employed, -1).unwrap_err().code(), "NEGATIVE_AMOUNT");
    /// ```
    pub fn amount_fen(&self, category: Category, base_fen: i64) -> Result<i64> {
        if let Some(flat) = self.flat_for(category) {
            return Ok(flat);
        }
        check_base(base_fen, "base")?;
        let bracket = bracket_of(self.table(category), base_fen).ok_or_else(empty_brackets)?;
        Ok(self.rounded(base_fen, bracket))
    }

    fn table(&self, category: Category) -> &[FenBracket] {
        if category == Category::Retired {
            &self.retiree
        } else {
            &self.employed
        }
    }

    /// The amounts of many bases of one category, in order: `out[i]` is the amount of `bases_fen[i]`.
    ///
    /// A bad base does not stop the batch: its slot holds 0 and its index and error are returned, the rest are
    /// computed (the error's field is `bases[i]`).
    ///
    /// ```
    /// use dangjian::dues::{Category, MonthRules};
    /// let rules = MonthRules::resolve(&dangjian::Policy::bundled(), "2026-11".parse().unwrap()).unwrap();
    /// let mut out = Vec::new();
    /// let errors = rules.amounts_fen(Category::Employed, &[300_000, -5, 1_150_000], &mut out);
    /// assert_eq!(out, vec![1_500, 0, 23_000]); // 15.00, refused, 11500.00 × 2% = 230.00
    /// assert_eq!(errors.len(), 1);
    /// assert_eq!((errors[0].0, errors[0].1.detail().field.as_str()), (1, "bases[1]"));
    /// ```
    pub fn amounts_fen(
        &self,
        category: Category,
        bases_fen: &[i64],
        out: &mut Vec<i64>,
    ) -> Vec<(usize, Error)> {
        out.clear();
        out.reserve(bases_fen.len());
        // A flat category's figure does not depend on the base (Art. 6).
        if let Some(flat) = self.flat_for(category) {
            out.resize(bases_fen.len(), flat);
            return Vec::new();
        }
        // The table is chosen once for the column; each row is a bracket scan and one integer division.
        let table = self.table(category);
        let mut errors = Vec::new();
        for (i, &base) in bases_fen.iter().enumerate() {
            // The field is the row itself (`bases[i]`), so the check names none of its own.
            let amount = check_base(base, "")
                .and_then(|()| bracket_of(table, base).ok_or_else(empty_brackets))
                .map(|bracket| self.rounded(base, bracket));
            match amount {
                Ok(amount) => out.push(amount),
                Err(e) => {
                    out.push(0);
                    errors.push((i, e.under(&format!("bases[{i}]"))));
                }
            }
        }
        errors
    }

    fn flat_for(&self, category: Category) -> Option<i64> {
        let slot = match category {
            Category::Farmer => 0,
            Category::Student => 1,
            Category::Unemployed => 2,
            Category::Relief => 3,
            Category::Subsistence => 4,
            _ => return None,
        };
        self.flat_fen.get(slot).copied()
    }

    /// The amount of a checked base (0 ≤ base ≤ one trillion yuan) under `bracket`, rounded by the policy at its
    /// scale, in fen.
    fn rounded(&self, base_fen: i64, bracket: &FenBracket) -> i64 {
        let fen_per_unit: i128 = match self.rounding.scale {
            0 => 100,
            1 => 10,
            _ => 1,
        };
        let mode = self.rounding.mode;
        // The common case in 64 bits (a real rate's mantissa is a few digits); the exact 128-bit form otherwise.
        let narrow = (
            u64::try_from(base_fen),
            u64::try_from(bracket.rate_mantissa),
            u64::try_from(bracket.unit_divisor),
        );
        let units = match narrow {
            (Ok(base), Ok(rate), Ok(divisor)) => match base.checked_mul(rate) {
                Some(numerator) => i128::from(round_units(numerator, divisor, mode)),
                None => round_units_wide(i128::from(base_fen), bracket, mode),
            },
            _ => round_units_wide(i128::from(base_fen), bracket, mode),
        };
        // A base within one trillion yuan times a rate bounded by `resolve` stays inside i64 for any sane rate;
        // a larger product saturates rather than wraps.
        i64::try_from(units.saturating_mul(fen_per_unit)).unwrap_or(i64::MAX)
    }
}

/// The first bracket whose inclusive bound is not below the base (as `bracket_for`).
fn bracket_of(table: &[FenBracket], base_fen: i64) -> Option<&FenBracket> {
    table
        .iter()
        .find(|b| b.up_to_fen.is_none_or(|up| base_fen <= up))
}

/// Whether a quotient with this remainder rounds up to the next unit under `mode`; halves are compared as
/// `remainder` against `divisor − remainder`, so nothing is doubled and nothing can overflow.
fn rounds_up(
    remainder_vs_rest: std::cmp::Ordering,
    any_remainder: bool,
    odd: bool,
    mode: RoundingMode,
) -> bool {
    use std::cmp::Ordering::{Equal, Greater};
    match mode {
        RoundingMode::HalfUp => matches!(remainder_vs_rest, Greater | Equal),
        RoundingMode::HalfEven => {
            remainder_vs_rest == Greater || (remainder_vs_rest == Equal && odd)
        }
        RoundingMode::Down => false,
        RoundingMode::Up => any_remainder,
    }
}

/// `numerator / divisor` rounded to a whole unit by `mode`.
fn round_units(numerator: u64, divisor: u64, mode: RoundingMode) -> u64 {
    // The divisor is at least 1, so the checked forms never fail; `remainder < divisor`, and the quotient plus
    // one cannot pass `numerator` (rounding up only happens with a remainder, so divisor ≥ 2).
    let divisor = divisor.max(1);
    let quotient = numerator.checked_div(divisor).unwrap_or(0);
    let remainder = numerator.checked_rem(divisor).unwrap_or(0);
    let up = rounds_up(
        remainder.cmp(&divisor.saturating_sub(remainder)),
        remainder > 0,
        quotient % 2 == 1,
        mode,
    );
    quotient.saturating_add(u64::from(up))
}

/// The same in 128 bits, for rates whose product with the base passes 64 bits.
fn round_units_wide(base_fen: i128, bracket: &FenBracket, mode: RoundingMode) -> i128 {
    let numerator = base_fen.saturating_mul(bracket.rate_mantissa);
    // As above: the divisor is at least 1 and the base is never negative (`check_base`).
    let divisor = bracket.unit_divisor.max(1);
    let quotient = numerator.checked_div(divisor).unwrap_or(0);
    let remainder = numerator.checked_rem(divisor).unwrap_or(0);
    let up = rounds_up(
        remainder.cmp(&divisor.saturating_sub(remainder)),
        remainder > 0,
        quotient % 2 == 1,
        mode,
    );
    quotient.saturating_add(i128::from(up))
}

fn check_base(base_fen: i64, field: &str) -> Result<()> {
    if base_fen < 0 {
        return Err(Error::input(
            "NEGATIVE_AMOUNT",
            field,
            "计交基数不能为负",
            "the base must not be negative",
        ));
    }
    if base_fen > MAX_BASE_FEN {
        return Err(Error::input(
            "AMOUNT_TOO_LARGE",
            field,
            format!("计交基数超过 {MAX_AMOUNT_YUAN} 元"),
            format!("the base is above {MAX_AMOUNT_YUAN} yuan"),
        ));
    }
    Ok(())
}

fn empty_brackets() -> Error {
    Error::policy(
        "EMPTY_BRACKETS",
        "dues",
        "档次表为空",
        "the bracket table is empty",
    )
}

fn fen_brackets(
    brackets: &[Bracket],
    rounding: Rounding,
    parameter: &str,
) -> Result<Vec<FenBracket>> {
    if brackets.is_empty() {
        return Err(empty_brackets());
    }
    brackets
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let field = format!("{parameter}[{i}]");
            let rate_mantissa = b.rate.mantissa();
            let scale = b.rate.scale();
            if b.rate.is_sign_negative()
                || rate_mantissa > MAX_RATE_MANTISSA
                || scale > MAX_RATE_SCALE
            {
                return Err(Error::policy(
                    "RATE_OUT_OF_RANGE",
                    format!("{field}.rate"),
                    "费率须为不超过 18 位小数的非负数",
                    "a rate must be non-negative with at most 18 decimals",
                ));
            }
            let up_to_fen = match b.up_to {
                None => None,
                Some(bound) => Some(floor_fen(bound).ok_or_else(|| {
                    Error::policy(
                        "AMOUNT_TOO_LARGE",
                        format!("{field}.up_to"),
                        "档次上限超出范围",
                        "the bracket bound is out of range",
                    )
                })?),
            };
            Ok(FenBracket {
                up_to_fen,
                rate_mantissa,
                // Rounding scales are 0–2 (validated), so the exponent is never below the rate's scale.
                unit_divisor: 10_i128.pow(
                    scale
                        .saturating_add(2)
                        .saturating_sub(rounding.scale.min(2)),
                ),
            })
        })
        .collect()
}

/// `floor(amount × 100)` as a whole number of fen, if it fits.
fn floor_fen(amount: Decimal) -> Option<i64> {
    let fen = amount.checked_mul(Decimal::ONE_HUNDRED)?.floor();
    i64::try_from(fen.mantissa().checked_div(10_i128.pow(fen.scale()))?).ok()
}

/// A flat figure in fen: the policy states it to the fen (validated), so this is exact.
fn fen_of(amount: Decimal, field: &str) -> Result<i64> {
    floor_fen(amount).ok_or_else(|| {
        Error::policy(
            "AMOUNT_TOO_LARGE",
            field,
            "数额超出范围",
            "the amount is out of range",
        )
    })
}
