//! "Did you mean …?" for a misspelled name or code: the payroll reader's, shared.

pub(crate) use dangjian_payroll::suggest::nearest;
