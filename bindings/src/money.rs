//! Decimals (money, rates) across the boundary: a UniFFI custom type carried as its string.
//!
//! Each language maps it to its own exact decimal through `uniffi.toml` (`custom_types.Decimal`):
//! Kotlin `java.math.BigDecimal`, Swift `Foundation.Decimal`, Python `decimal.Decimal`. On the wire it is the
//! plain decimal string (`"54.00"`, `"0.015"`; never exponent notation). Lifting it into Rust never fails:
//! the string is kept as given and parsed (the core's one grammar, `dangjian::money::parse_decimal`: no `+`,
//! `_` or exponent, never rounded) where the conversion knows the field, so an unreadable number is
//! `InvalidInput` `INVALID_AMOUNT` naming its path
//! (`incomes[1].items[0].amount`), not an anonymous failure.

/// A decimal number as it crosses the FFI: its plain string form (`"54.00"`).
///
/// The FFI face of [`rust_decimal::Decimal`]: values out of the core are written with
/// [`rust_decimal::Decimal`]'s `Display` (the scale kept: `"54.00"`, not `"54"`); values in are read by
/// `Decimal::parse` (where the conversion knows the field).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Decimal(String);

uniffi::custom_type!(Decimal, String, {
    lower: |d| d.0,
    try_lift: |s| Ok(Decimal(s)),
});

impl Decimal {
    /// Reads the number with [`dangjian::money::parse_decimal`]; `INVALID_AMOUNT` naming `field` when it is
    /// not a decimal the core can hold exactly (`NaN`, `Infinity`, an empty string, `1_000`, `+1`, more than
    /// 28 decimals or integer digits …): refused, never rounded.
    pub(crate) fn parse(&self, field: &str) -> dangjian::Result<rust_decimal::Decimal> {
        dangjian::money::parse_decimal(&self.0, field).map_err(|e| {
            let d = e.detail();
            dangjian::Error::input(
                "INVALID_AMOUNT",
                field,
                format!("无法读取的数值（{}）", d.message_zh),
                format!("not a readable decimal ({})", d.message_en),
            )
        })
    }

    /// A value as a foreign language could send it, unread (for tests).
    #[cfg(test)]
    pub(crate) fn unchecked(s: &str) -> Self {
        Decimal(s.to_owned())
    }

    /// The string as it crossed the boundary.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<rust_decimal::Decimal> for Decimal {
    fn from(d: rust_decimal::Decimal) -> Self {
        Decimal(d.to_string())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn out_keeps_the_scale_and_in_reads_it_back() {
        let d = Decimal::from(rust_decimal::Decimal::new(5400, 2));
        assert_eq!(d.as_str(), "54.00");
        assert_eq!(d.parse("amount").unwrap().to_string(), "54.00");
    }

    #[test]
    fn unreadable_numbers_name_the_field() {
        for bad in [
            "NaN",
            "Infinity",
            "",
            "abc",
            "12,5",
            "123456789012345678901234567890",
            "1_000",
            "+100",
            "0.000000000000000000000000000001",
        ] {
            let e = Decimal(bad.to_owned())
                .parse("incomes[0].items[0].amount")
                .unwrap_err();
            assert_eq!(e.code(), "INVALID_AMOUNT", "{bad}");
            assert_eq!(e.detail().field, "incomes[0].items[0].amount", "{bad}");
            assert_eq!(e.kind(), "invalid_input");
        }
    }

    #[test]
    fn a_negative_amount_is_read_and_left_to_the_core() {
        assert_eq!(
            Decimal("-1.00".to_owned())
                .parse("amount")
                .unwrap()
                .to_string(),
            "-1.00"
        );
    }
}
