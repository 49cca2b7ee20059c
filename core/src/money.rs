//! The one number grammar: how a decimal or an amount of money is written wherever one is read (JSON documents,
//! the bindings' decimal strings, the CLI's roster cells).
//!
//! A decimal is `-?[0-9]+(\.[0-9]+)?`: ASCII digits, an optional leading minus, an optional point with digits
//! after it. No `+`, no `_` separators, no exponent, no spaces, at most [`MAX_DECIMAL_LEN`] characters, and
//! never rounded: a value `rust_decimal` cannot hold exactly (more than 28 decimals, beyond ±7.9 × 10²⁸) is
//! refused. An amount of money ([`parse_money`]) is a decimal with at most two decimals (digits after the
//! second must be zeros: `"1.500"` is 1.50, `"1.505"` is refused, never rounded), not negative and at most
//! [`MAX_AMOUNT_YUAN`].
//!
//! Codes: `INVALID_NUMBER` (not the grammar), `NUMBER_OUT_OF_RANGE` (not exactly representable),
//! `TOO_MANY_DECIMALS`, `NEGATIVE_AMOUNT`, `AMOUNT_TOO_LARGE`.
#![deny(clippy::arithmetic_side_effects)]

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer};

use crate::text::shown;
use crate::{Error, Result};

/// The longest decimal text read (a sign, 29 digits, a point and 28 decimals fit with room to spare).
pub const MAX_DECIMAL_LEN: usize = 64;

/// The largest amount accepted anywhere (one trillion yuan). On the ground floor with the number grammar that
/// enforces it, so money and the engines read it from here (`dues::MAX_AMOUNT_YUAN` re-exports it).
pub const MAX_AMOUNT_YUAN: i64 = 1_000_000_000_000;

/// Parses a decimal in the strict grammar (see the module docs); `field` names it in the error.
///
/// ```
/// use dangjian::money::parse_decimal;
/// assert_eq!(parse_decimal("0.015", "rate").unwrap().to_string(), "0.015");
/// for bad in ["1_000", "+100", "1e3", " 1", "1.", ".5", "", "0x10", "١٢"] {
///     assert_eq!(parse_decimal(bad, "rate").unwrap_err().code(), "INVALID_NUMBER", "{bad}");
/// }
/// // 30 decimals cannot be held exactly: refused, never rounded.
/// let e = parse_decimal("0.000000000000000000000000000001", "rate").unwrap_err();
/// assert_eq!((e.code(), e.detail().field.as_str()), ("NUMBER_OUT_OF_RANGE", "rate"));
/// ```
pub fn parse_decimal(text: &str, field: &str) -> Result<Decimal> {
    check_grammar(text).map_err(|()| invalid(text, field))?;
    Decimal::from_str_exact(text).map_err(|_| {
        Error::input(
            "NUMBER_OUT_OF_RANGE",
            field,
            format!(
                "数值无法精确表示（最多 28 位小数，绝对值小于 7.9×10²⁸）：{}",
                shown(text)
            ),
            format!(
                "the number cannot be held exactly (at most 28 decimals, below 7.9×10²⁸): {}",
                shown(text)
            ),
        )
    })
}

/// Parses an amount of money (yuan): the decimal grammar, at most two decimals, not negative, at most one
/// trillion yuan. The result keeps the decimals written (`"5400"` → `5400`, `"5400.50"` → `5400.50`).
///
/// ```
/// use dangjian::money::parse_money;
/// assert_eq!(parse_money("4000.50", "amount").unwrap().to_string(), "4000.50");
/// assert_eq!(parse_money("1.500", "amount").unwrap().to_string(), "1.50");
/// assert_eq!(parse_money("1.505", "amount").unwrap_err().code(), "TOO_MANY_DECIMALS");
/// assert_eq!(parse_money("0.100000000000000000000000000001", "amount").unwrap_err().code(), "TOO_MANY_DECIMALS");
/// assert_eq!(parse_money("-1", "amount").unwrap_err().code(), "NEGATIVE_AMOUNT");
/// assert_eq!(parse_money("1000000000000.01", "amount").unwrap_err().code(), "AMOUNT_TOO_LARGE");
/// assert_eq!(parse_money("100000000000000000000000000000", "amount").unwrap_err().code(), "AMOUNT_TOO_LARGE");
/// assert_eq!(parse_money("+100", "amount").unwrap_err().code(), "INVALID_NUMBER");
/// ```
pub fn parse_money(text: &str, field: &str) -> Result<Decimal> {
    check_grammar(text).map_err(|()| invalid(text, field))?;
    let trimmed = trim_zero_decimals(text);
    if decimals(trimmed) > 2 {
        return Err(too_many_decimals(text, field));
    }
    // With at most two decimals, only too many digits before the point can fail here.
    let d = Decimal::from_str_exact(trimmed).map_err(|_| too_large(text, field))?;
    if d.is_sign_negative() && !d.is_zero() {
        return Err(Error::input(
            "NEGATIVE_AMOUNT",
            field,
            format!("金额不能为负：{d}"),
            format!("an amount must not be negative: {d}"),
        ));
    }
    if d > Decimal::from(MAX_AMOUNT_YUAN) {
        return Err(too_large(text, field));
    }
    Ok(d)
}

fn invalid(text: &str, field: &str) -> Error {
    Error::input(
        "INVALID_NUMBER",
        field,
        format!(
            "数值格式应为 -?数字(.数字)?，不含 +、_、指数或空格：{}",
            shown(text)
        ),
        format!(
            "a number is written -?digits(.digits)?, without +, _, exponent or spaces: {}",
            shown(text)
        ),
    )
}

fn too_many_decimals(text: &str, field: &str) -> Error {
    Error::input(
        "TOO_MANY_DECIMALS",
        field,
        format!("金额最多两位小数：{}", shown(text)),
        format!("an amount has at most two decimals: {}", shown(text)),
    )
}

fn too_large(text: &str, field: &str) -> Error {
    let max = MAX_AMOUNT_YUAN;
    Error::input(
        "AMOUNT_TOO_LARGE",
        field,
        format!("金额超过 {max} 元：{}", shown(text)),
        format!("an amount above {max} yuan: {}", shown(text)),
    )
}

/// `-?[0-9]+(\.[0-9]+)?`, at most [`MAX_DECIMAL_LEN`] bytes.
fn check_grammar(text: &str) -> std::result::Result<(), ()> {
    if text.len() > MAX_DECIMAL_LEN {
        return Err(());
    }
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (int, frac) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(int) && frac.is_none_or(digits) {
        Ok(())
    } else {
        Err(())
    }
}

/// The digits after the point.
fn decimals(text: &str) -> usize {
    text.split_once('.').map_or(0, |(_, f)| f.len())
}

/// `text` without the zeros after a second decimal (`1.500` → `1.50`); any other text unchanged.
fn trim_zero_decimals(text: &str) -> &str {
    let Some(point) = text.find('.') else {
        return text;
    };
    let keep = point.saturating_add(3);
    match text.get(keep..) {
        Some(rest) if rest.bytes().all(|b| b == b'0') => text.get(..keep).unwrap_or(text),
        _ => text,
    }
}

/// Marks a coded error inside a serde message, so [`crate::error::from_json`] reports the code (not the
/// document's generic one) at the field's path.
pub(crate) const CODE_MARK: char = '\u{1f}';

/// A grammar failure keeps the document's own code (`INVALID_MEMBER_JSON` …, as any unreadable value); a
/// value read but refused (`TOO_MANY_DECIMALS`, `AMOUNT_TOO_LARGE`, `NUMBER_OUT_OF_RANGE`) keeps its code.
fn to_serde<E: serde::de::Error>(e: &Error) -> E {
    let d = e.detail();
    if d.code == "INVALID_NUMBER" {
        // No code: the document's own (`INVALID_MEMBER_JSON` …), with this sentence in both languages.
        return E::custom(format!(
            "{CODE_MARK}{}{CODE_MARK}{}",
            d.message_zh, d.message_en
        ));
    }
    E::custom(format!(
        "{}{CODE_MARK}{}{CODE_MARK}{}",
        d.code, d.message_zh, d.message_en
    ))
}

/// `#[serde(deserialize_with)]` for a decimal in the strict grammar.
pub(crate) fn de_decimal<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Decimal, D::Error> {
    let text = String::deserialize(d)?;
    parse_decimal(&text, "").map_err(|e| to_serde(&e))
}

/// `#[serde(deserialize_with)]` for an optional decimal in the strict grammar.
pub(crate) fn de_decimal_opt<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Decimal>, D::Error> {
    let text = Option::<String>::deserialize(d)?;
    text.map(|t| parse_decimal(&t, "").map_err(|e| to_serde(&e)))
        .transpose()
}

/// Reads an amount exactly without judging its value: the grammar (`INVALID_NUMBER`), then `TOO_MANY_DECIMALS`
/// for decimals no `Decimal` holds (which would otherwise be rounded) and `AMOUNT_TOO_LARGE` for too many
/// digits. Sign, scale and bound are the validation's ([`crate::dues::check_amount`]), which reports them in
/// the document's order with the same codes.
pub(crate) fn read_amount(text: &str, field: &str) -> Result<Decimal> {
    plain_amount(text).map_or_else(|| general_amount(text, field), Ok)
}

/// [`read_amount`] for every text the plain path declines: the grammar, then the exact read.
fn general_amount(text: &str, field: &str) -> Result<Decimal> {
    check_grammar(text).map_err(|()| invalid(text, field))?;
    let trimmed = trim_zero_decimals(text);
    Decimal::from_str_exact(trimmed).map_err(|_| {
        if decimals(trimmed) > 2 {
            too_many_decimals(text, field)
        } else {
            too_large(text, field)
        }
    })
}

/// An amount as a payroll writes it — digits, then at most two decimals, unsigned, at most 18 bytes — read
/// without the general reader: the same `Decimal` (mantissa and scale as written, `5400` scale 0, `5400.00`
/// scale 2) that [`general_amount`] gives; `None` for any other text (it then decides). A tenth of
/// reading a dues batch from JSON went to the general path (issue 14).
fn plain_amount(text: &str) -> Option<Decimal> {
    if text.len() > 18 {
        return None;
    }
    let (int, frac) = match text.split_once('.') {
        Some((int, frac)) if !frac.is_empty() && frac.len() <= 2 => (int, frac),
        Some(_) => return None,
        None => (text, ""),
    };
    if int.is_empty() {
        return None;
    }
    // At most 18 digits: below 10^18, so the mantissa fits an i64 and nothing overflows.
    let mut mantissa = 0i64;
    for b in int.bytes().chain(frac.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        mantissa = mantissa
            .checked_mul(10)?
            .checked_add(i64::from(b.wrapping_sub(b'0')))?;
    }
    Some(Decimal::new(mantissa, u32::try_from(frac.len()).ok()?))
}

/// The serde visitor of an amount: the text read where it lies (no copy), `expecting` worded as a string's
/// own, so a wrong type reads as it did when the text was first read into a `String`.
struct Money;

impl serde::de::Visitor<'_> for Money {
    type Value = Decimal;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: serde::de::Error>(self, text: &str) -> std::result::Result<Decimal, E> {
        read_amount(text, "").map_err(|e| to_serde(&e))
    }
}

/// `#[serde(deserialize_with)]` for an amount of money ([`read_amount`]).
pub(crate) fn de_money<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Decimal, D::Error> {
    d.deserialize_str(Money)
}

/// `#[serde(deserialize_with)]` for an optional amount of money.
pub(crate) fn de_money_opt<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Decimal>, D::Error> {
    struct Maybe;
    impl<'de> serde::de::Visitor<'de> for Maybe {
        type Value = Option<Decimal>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("option")
        }
        fn visit_none<E: serde::de::Error>(self) -> std::result::Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> std::result::Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(
            self,
            d: D,
        ) -> std::result::Result<Self::Value, D::Error> {
            de_money(d).map(Some)
        }
    }
    d.deserialize_option(Maybe)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_plain_path_takes_a_payrolls_amounts_and_declines_the_rest() {
        for (text, written) in [
            ("5400", "5400"),
            ("5400.00", "5400.00"),
            ("0.5", "0.5"),
            ("007.10", "7.10"),
        ] {
            let d = plain_amount(text).unwrap();
            assert_eq!(
                (d.to_string().as_str(), d),
                (written, general_amount(text, "").unwrap())
            );
        }
        for text in [
            "",
            ".5",
            "5.",
            "-1.00",
            "1.500",
            "1e3",
            " 1",
            "1,000",
            "1234567890123456789",
            "１",
        ] {
            assert_eq!(plain_amount(text), None, "{text}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// Wherever the plain path answers, the general reader gives the same decimal, scale included.
        #[test]
        fn the_plain_path_is_the_general_readers_answer(text in "-?[0-9]{0,19}(\\.[0-9]{0,4})?") {
            if let Some(d) = plain_amount(&text) {
                let g = general_amount(&text, "").unwrap();
                prop_assert_eq!(d, g);
                prop_assert_eq!(d.to_string(), g.to_string());
                prop_assert_eq!(d.scale(), g.scale());
            }
        }
    }
}
