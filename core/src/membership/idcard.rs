//! 居民身份证号码 (GB 11643) validation (helper A fills this in).

use chrono::NaiveDate;

use crate::Result;

/// Validates an identity number against the birth date.
///
/// ```
/// assert!(dangjian::membership::validate_id_number("x", "2000-01-01".parse().unwrap(), "id_number").is_ok());
/// ```
pub fn validate_id_number(_id: &str, _birth_date: NaiveDate, _field: &str) -> Result<()> {
    Ok(())
}
