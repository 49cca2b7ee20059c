//! Placeholder amount check (pure Rust, no JS): a non-negative decimal with at most two decimals.
//!
//! Round 1 only: the real dues engine in `dangjian` replaces this with `rust_decimal` parsing.

/// Why an amount string was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountProblem {
    /// Empty after trimming.
    Empty,
    /// A leading `-`.
    Negative,
    /// Anything but ASCII digits with one optional `.`.
    NotADecimal,
    /// More than two digits after the `.`.
    TooManyDecimals,
    /// Longer than [`MAX_LEN`] characters.
    TooLong,
}

/// Longest amount string accepted (keeps the placeholder away from absurd inputs).
pub const MAX_LEN: usize = 32;

/// A checked amount, kept as digit strings (no floating point).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    /// Integer part without leading zeros (`"0"` for zero).
    pub yuan: String,
    /// Exactly two decimal digits.
    pub fen: String,
}

impl Amount {
    /// Canonical form, always two decimals: `"12.50"`.
    pub fn normalized(&self) -> String {
        format!("{}.{}", self.yuan, self.fen)
    }

    /// The amount in fen (hundredths of a yuan) as a digit string: `"1250"`.
    pub fn total_fen(&self) -> String {
        let all = format!("{}{}", self.yuan, self.fen);
        let trimmed = all.trim_start_matches('0');
        if trimmed.is_empty() {
            "0".to_owned()
        } else {
            trimmed.to_owned()
        }
    }
}

/// Parses `input` (surrounding whitespace ignored).
pub fn parse_amount(input: &str) -> Result<Amount, AmountProblem> {
    let s = input.trim();
    if s.is_empty() {
        return Err(AmountProblem::Empty);
    }
    if s.len() > MAX_LEN {
        return Err(AmountProblem::TooLong);
    }
    if s.starts_with('-') {
        return Err(AmountProblem::Negative);
    }
    let (int_part, frac_part) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int_part) {
        return Err(AmountProblem::NotADecimal);
    }
    let fen = match frac_part {
        None => "00".to_owned(),
        Some(f) if !all_digits(f) => return Err(AmountProblem::NotADecimal),
        Some(f) if f.len() > 2 => return Err(AmountProblem::TooManyDecimals),
        Some(f) => format!("{f:0<2}"),
    };
    let yuan = match int_part.trim_start_matches('0') {
        "" => "0".to_owned(),
        y => y.to_owned(),
    };
    Ok(Amount { yuan, fen })
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    // Run natively (`cargo test`) and under wasm-bindgen-test (`cargo test --target wasm32-unknown-unknown`).

    #[wasm_bindgen_test(unsupported = test)]
    fn accepts_and_normalizes() {
        let a = parse_amount(" 12.5 ").unwrap();
        assert_eq!(a.normalized(), "12.50");
        assert_eq!(a.total_fen(), "1250");
        assert_eq!(parse_amount("007").unwrap().normalized(), "7.00");
        assert_eq!(parse_amount("0.05").unwrap().total_fen(), "5");
        assert_eq!(parse_amount("0").unwrap().total_fen(), "0");
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn refuses() {
        assert_eq!(parse_amount(""), Err(AmountProblem::Empty));
        assert_eq!(parse_amount("-1"), Err(AmountProblem::Negative));
        assert_eq!(parse_amount("1.234"), Err(AmountProblem::TooManyDecimals));
        for bad in ["abc", "1.", ".5", "1.2.3", "1e3", "+1", "１２"] {
            assert_eq!(parse_amount(bad), Err(AmountProblem::NotADecimal), "{bad}");
        }
        assert_eq!(parse_amount(&"9".repeat(40)), Err(AmountProblem::TooLong));
    }
}
