//! The scanner's vocabulary: the kinds of personal data, a finding as the caller sees it, the options and a
//! finding before it is written out. A leaf, so the scanner's parts and the redaction rules share it without
//! importing each other.
#![deny(clippy::arithmetic_side_effects)]

use serde::{Deserialize, Serialize};

/// What kind of personal data was found.
///
/// ```
/// use dangjian::disclosure::PersonalKind;
/// assert_eq!(serde_json::to_string(&PersonalKind::IdNumber).unwrap(), "\"id_number\"");
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PersonalKind {
    /// 居民身份证号码: 18 characters (GB 11643-1999: region, birth date, check character) or a
    /// first-generation 15-digit number (region, birth date).
    IdNumber,
    /// Mainland mobile number (11 digits, 1[3-9]…), with its `+86`/`0086`/`86` prefix when written.
    Mobile,
    /// Bank card number (16–19 digits passing the Luhn check).
    BankCard,
    /// Landline number with its area code (only when the policy asks: `mask_landlines`).
    Landline,
    /// E-mail address (only when the policy asks: `mask_emails`).
    Email,
}

/// One finding of the scan: kind, position (character offsets, end excluded), the text as written and its
/// mask (separators, brackets and full-width digits kept as written, hidden digits as `*`).
///
/// ```
/// let f = &dangjian::disclosure::scan("电话13800138000")[0];
/// assert_eq!((f.start, f.end, f.masked.as_str()), (2, 13, "138****8000"));
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Sensitive {
    /// Kind.
    pub kind: PersonalKind,
    /// Offset of the first character, in characters (not bytes).
    pub start: usize,
    /// Offset after the last character.
    pub end: usize,
    /// The text found.
    pub text: String,
    /// What it becomes when masked.
    pub masked: String,
}

/// Which optional kinds a scan looks for. Identity, mobile and bank-card numbers are always looked for;
/// landline numbers and e-mail addresses only when asked, because a 公示 publishes the organization's own
/// contact number and mailbox for objections (policy `disclosure.redaction`: `mask_landlines`,
/// `mask_emails`).
///
/// ```
/// use dangjian::disclosure::{scan_with, ScanOptions};
/// let all = ScanOptions { landlines: true, emails: true };
/// assert_eq!(scan_with("电话010-62345678", all)[0].masked, "010-****5678");
/// assert!(scan_with("电话010-62345678", ScanOptions::default()).is_empty());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScanOptions {
    /// Also landline numbers (area code and local number, extension kept visible).
    pub landlines: bool,
    /// Also e-mail addresses (the local part masked but its first character).
    pub emails: bool,
}

/// A finding before it is written out: its range and how many significant characters stay visible at
/// each end (digits, with a country prefix or an area code counted in `head`; for an address, the local part).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hit {
    pub(super) kind: PersonalKind,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) head: usize,
    pub(super) tail: usize,
}
