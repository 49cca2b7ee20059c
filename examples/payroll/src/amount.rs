//! Amounts as HR exports write them, turned into the plain decimal the core checks.
//!
//! Accepted around the number: spaces (also full-width), a leading ¥ or ￥, a trailing 元; in it:
//! full-width digits and point, and thousands separators where they group by three (`4,000.00`,
//! `1,234,567.89`). What remains must be digits with at most two decimals, optionally after a `-` (which the
//! core then refuses as NEGATIVE_AMOUNT, naming the column). Everything else — `1,23`, `+100`, `1_000`,
//! `3千`, `1e3`, three decimals — is an error, never a guess or a rounding. The clean text goes to
//! `Decimal`'s parser and then to the core's [`check_amount`](dangjian::dues::check_amount).

use dangjian::codes::Code;
use std::str::FromStr;

use dangjian::dues::check_amount;
use dangjian::ErrorDetail;
use rust_decimal::Decimal;

/// The most digits before the point (the core's bound is a trillion yuan: 13 digits).
const MAX_WHOLE_DIGITS: usize = 15;

/// Reads an amount cell for the column `field`.
///
/// ```
/// use dangjian_payroll::parse_amount;
/// assert_eq!(parse_amount("￥4,000.00", "post_salary").unwrap().to_string(), "4000.00");
/// assert_eq!(parse_amount("４０００．５", "post_salary").unwrap().to_string(), "4000.5");
/// assert_eq!(parse_amount("4000.555", "post_salary").unwrap_err().code, "TOO_MANY_DECIMALS");
/// ```
pub fn parse_amount(cell: &str, field: &str) -> Result<Decimal, ErrorDetail> {
    let clean = normalize(cell).ok_or_else(|| not_a_number(cell, field))?;
    let decimals = clean.split_once('.').map(|(_, d)| d.len()).unwrap_or(0);
    if decimals > 2 {
        return Err(ErrorDetail::new(
            Code::TooManyDecimals.as_str(),
            field,
            format!("金额最多两位小数：{cell}"),
            format!("an amount has at most two decimals: {cell}"),
        ));
    }
    let amount = Decimal::from_str(&clean).map_err(|_| not_a_number(cell, field))?;
    check_amount(amount, field).map_err(|e| e.detail().clone())?;
    Ok(amount)
}

/// The cell as `-?digits(.digits)?`, or `None` when it is not a number as payrolls write them.
fn normalize(cell: &str) -> Option<String> {
    let half: String = cell
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(u32::from(c) - 0xFF10 + u32::from('0')).unwrap_or(c),
            '．' => '.',
            '，' => ',',
            '－' => '-',
            c => c,
        })
        .collect();
    let mut s = half.trim_matches(crate::csvtext::is_space);
    for sign in ['¥', '￥'] {
        if let Some(rest) = s.strip_prefix(sign) {
            s = rest.trim_matches(crate::csvtext::is_space);
        }
    }
    if let Some(rest) = s.strip_suffix('元') {
        s = rest.trim_matches(crate::csvtext::is_space);
    }
    let (negative, unsigned) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (whole, decimals) = match unsigned.split_once('.') {
        Some((w, d)) => (w, Some(d)),
        None => (unsigned, None),
    };
    let whole = ungroup(whole)?;
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(&whole) || whole.len() > MAX_WHOLE_DIGITS || decimals.is_some_and(|d| !digits(d)) {
        return None;
    }
    let mut out = String::with_capacity(unsigned.len() + 1);
    if negative {
        out.push('-');
    }
    out.push_str(&whole);
    if let Some(d) = decimals {
        out.push('.');
        out.push_str(d);
    }
    Some(out)
}

/// `4,000` → `4000`; `1,234,567` → `1234567`; a comma anywhere else (`1,23`, `12,34,567`) → `None`.
fn ungroup(whole: &str) -> Option<String> {
    if !whole.contains(',') {
        return Some(whole.to_owned());
    }
    let mut groups = whole.split(',');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 {
        return None;
    }
    let mut out = first.to_owned();
    for group in groups {
        if group.len() != 3 {
            return None;
        }
        out.push_str(group);
    }
    Some(out)
}

fn not_a_number(cell: &str, field: &str) -> ErrorDetail {
    ErrorDetail::new(
        Code::NotANumber.as_str(),
        field,
        format!("金额应为数字（如 3200.00 或 3,200.00，最多两位小数）：{cell}"),
        format!("not an amount (write e.g. 3200.00 or 3,200.00, at most two decimals): {cell}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(cell: &str) -> String {
        parse_amount(cell, "x")
            .map(|d| d.to_string())
            .unwrap_or_else(|e| e.code)
    }

    #[test]
    fn as_payrolls_write_them() {
        assert_eq!(ok("4,000.00"), "4000.00");
        assert_eq!(ok("¥4,000.00"), "4000.00");
        assert_eq!(ok("￥ 4000"), "4000");
        assert_eq!(ok(" 1,234,567.89 "), "1234567.89");
        assert_eq!(ok("４，０００．００"), "4000.00");
        assert_eq!(ok("\u{3000}300元"), "300");
        assert_eq!(ok("0"), "0");
        assert_eq!(ok("0.00"), "0.00");
        assert_eq!(ok("０"), "0");
        assert_eq!(ok(".5"), "NOT_A_NUMBER");
        assert_eq!(ok("3000.01"), "3000.01");
    }

    #[test]
    fn refused_not_guessed() {
        for bad in [
            "1,23",
            "12,34,567",
            "+100",
            "1_000",
            "3千",
            "1e3",
            "",
            "-",
            "1.2.3",
            "4 000",
            "(120.00)",
            ",100",
        ] {
            assert_eq!(ok(bad), "NOT_A_NUMBER", "{bad}");
        }
        assert_eq!(ok("4000.555"), "TOO_MANY_DECIMALS");
        assert_eq!(ok("4000.000"), "TOO_MANY_DECIMALS");
        assert_eq!(ok("-120.00"), "NEGATIVE_AMOUNT");
        assert_eq!(ok("99999999999999"), "AMOUNT_TOO_LARGE");
        assert_eq!(ok("9999999999999999999999"), "NOT_A_NUMBER");
    }
}
