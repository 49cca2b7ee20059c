//! Party membership (党员发展与管理, core [`dangjian::membership`]): the 居民身份证号 check. Checking a member
//! record, a roster (also as JSON Lines), recording an event, rights on a day and the organizations are the
//! core's JSON entry points, exported by [`crate::entry_points`] in their object and JSON forms.

use dangjian::membership;
use wasm_bindgen::prelude::*;

use crate::error::ApiError;

/// Verifies an 18-character 居民身份证号码 (GB 11643): its check character and that it encodes `birthDate`
/// (`YYYY-MM-DD`). Returns nothing when valid; throws `INVALID_ID_NUMBER` or `ID_BIRTH_DATE_MISMATCH` (field
/// `id_number`), or `INVALID_DATE` (field `birth_date`). Strings in already, so there is no JSON variant.
///
/// ```js
/// membershipValidateIdNumber("11010519491231002X", "1949-12-31"); // ok
/// membershipValidateIdNumber("110105194912310021", "1949-12-31"); // throws INVALID_ID_NUMBER
/// ```
#[wasm_bindgen(js_name = membershipValidateIdNumber)]
pub fn membership_validate_id_number(
    id: &str,
    #[wasm_bindgen(js_name = birthDate)] birth_date: &str,
) -> Result<(), ApiError> {
    Ok(membership::validate_id_number_str(id, birth_date)?)
}
