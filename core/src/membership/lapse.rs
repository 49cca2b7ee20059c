//! (helper C fills this in).

use chrono::NaiveDate;

use super::context::Context;
use super::record::MemberRecord;
use super::report::Review;
use crate::Result;

pub(crate) fn review(
    _ctx: &Context,
    _record: &MemberRecord,
    _on: NaiveDate,
    _out: &mut Review,
) -> Result<()> {
    Ok(())
}
