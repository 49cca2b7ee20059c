//! 居民身份证号码 validation (GB 11643-1999 公民身份号码): 6 digits of region (never starting with 0), 8 digits
//! of birth date `YYYYMMDD`, 3 digits of sequence and one check character. The check character is
//! `"10X98765432"[Σ digitᵢ × weightᵢ mod 11]` with the weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; a lowercase
//! `x` is accepted. The checksum itself is shared with the redaction scanner of [`crate::disclosure`].
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;

use crate::disclosure::redact::id_check_ok;
use crate::{Error, Result};

/// Validates an identity number and that its birth date (characters 7–14) is `birth_date`.
///
/// Errors, at `field`: `INVALID_ID_NUMBER` (not 18 characters, not 17 digits and a check character, a region
/// starting with 0, a wrong check character or an impossible birth date in it) and `ID_BIRTH_DATE_MISMATCH` (a
/// valid number whose birth date is not `birth_date`).
///
/// ```
/// use dangjian::membership::validate_id_number;
/// let born = "1949-12-31".parse().unwrap();
/// assert!(validate_id_number("11010519491231002X", born, "id_number").is_ok()); // GB 11643's own example
/// assert!(validate_id_number("11010519491231002x", born, "id_number").is_ok());
/// let e = validate_id_number("110105194912310021", born, "id_number").unwrap_err();
/// assert_eq!((e.code(), e.detail().field.as_str()), ("INVALID_ID_NUMBER", "id_number"));
/// let e = validate_id_number("11010519491231002X", "1949-12-30".parse().unwrap(), "id_number").unwrap_err();
/// assert_eq!(e.code(), "ID_BIRTH_DATE_MISMATCH");
/// ```
pub fn validate_id_number(id: &str, birth_date: NaiveDate, field: &str) -> Result<()> {
    let chars: Vec<char> = id.chars().collect();
    let digits_ok = chars.len() == 18
        && chars.iter().take(17).all(char::is_ascii_digit)
        && chars
            .get(17)
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, 'x' | 'X'));
    // `id_check_ok` reads a non-digit as 0, so the shape is checked first.
    if !digits_ok || !id_check_ok(&chars) {
        return Err(Error::input(
            "INVALID_ID_NUMBER",
            field,
            "身份证号码无效（应为 17 位数字加 1 位校验码，校验码须正确）",
            "not a valid identity number (17 digits and a correct check character)",
        ));
    }
    let embedded: String = chars.iter().skip(6).take(8).collect();
    let Ok(embedded) = NaiveDate::parse_from_str(&embedded, "%Y%m%d") else {
        return Err(Error::input(
            "INVALID_ID_NUMBER",
            field,
            format!("身份证号码中的出生日期 {embedded} 不存在"),
            format!("the birth date {embedded} in the identity number does not exist"),
        ));
    };
    if embedded != birth_date {
        return Err(Error::input(
            "ID_BIRTH_DATE_MISMATCH",
            field,
            format!("身份证号码中的出生日期 {embedded} 与出生日期 {birth_date} 不符"),
            format!("the identity number says born {embedded}, the record {birth_date}"),
        ));
    }
    Ok(())
}

#[cfg(test)]
#[path = "idcard_tests.rs"]
mod tests;
