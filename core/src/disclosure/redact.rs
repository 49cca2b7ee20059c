//! Redaction: personal data found in a body — resident identity numbers (18 characters with the GB 11643
//! check character, and first-generation 15-digit numbers), mainland mobile numbers and bank card numbers
//! (Luhn), and where the policy asks landline numbers and e-mail addresses — is masked in published text
//! unless the scope is one the policy lets through unmasked (个人信息保护法 第二十八条: an identity number is
//! sensitive personal information). The scanner ([`super::pii`]) sees through the way people write numbers
//! and is written by hand over characters: the rules are few, and it keeps the core free of a regex engine.
//!
//! A number is only ever a whole run of digits or whole groups of one, so a number inside a longer number is
//! never taken for one (an order number of 20 digits is not a card); dates, amounts and document numbers
//! fail the lengths and checks and stay as written.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::item::DisclosureItem;
use super::params::RedactionRules;
use super::pii::{self, ScanOptions};
pub use super::pii::{PersonalKind, Sensitive};
use crate::policy::in_force;
use crate::{Policy, Result};

/// What a reviewer sees before publication: whether masking applies, what will be masked and the result.
///
/// ```
/// let p: dangjian::disclosure::RedactionPreview =
///     serde_json::from_str(r#"{"masked":true,"found":[],"text":"t"}"#).unwrap();
/// assert!(p.found.is_empty());
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RedactionPreview {
    /// Whether the published text will be masked (false when the scope is allowed unmasked).
    pub masked: bool,
    /// Everything found.
    pub found: Vec<Sensitive>,
    /// The text as it will be published.
    pub text: String,
}

/// Finds the personal data in `text`: identity numbers (18 and 15 digits), mobile numbers and bank cards,
/// however they are written (full-width digits, spaces, `-`, `.`, `·` between groups, `+86`). Landline
/// numbers and e-mail addresses need [`scan_with`].
///
/// ```
/// use dangjian::disclosure::{scan, PersonalKind};
/// let f = scan("身份证11010519491231002X，卡号6222020200000000006。");
/// assert_eq!(f.len(), 2);
/// assert_eq!(f[0].kind, PersonalKind::IdNumber);
/// assert_eq!(f[0].masked, "110105********002X");
/// assert_eq!(f[1].kind, PersonalKind::BankCard);
/// assert!(scan("订单号 11010519491231002").is_empty()); // 17 digits: nothing
/// let f = &scan("电话 +86 138-0013-8000")[0];
/// assert_eq!((f.start, f.end, f.masked.as_str()), (3, 20, "+86 138-****-8000"));
/// ```
pub fn scan(text: &str) -> Vec<Sensitive> {
    scan_with(text, ScanOptions::default())
}

/// [`scan`], also for the optional kinds `options` asks for.
///
/// ```
/// use dangjian::disclosure::{scan_with, PersonalKind, ScanOptions};
/// let f = scan_with("邮箱 zhangsan@example.com", ScanOptions { landlines: false, emails: true });
/// assert_eq!((f[0].kind, f[0].masked.as_str()), (PersonalKind::Email, "z*******@example.com"));
/// ```
pub fn scan_with(text: &str, options: ScanOptions) -> Vec<Sensitive> {
    pii::find(text, options)
}

/// `text` with everything [`scan`] finds replaced by its mask.
///
/// ```
/// assert_eq!(dangjian::disclosure::mask("联系13800138000"), "联系138****8000");
/// assert_eq!(dangjian::disclosure::mask("联系１３８ ００１３ ８０００"), "联系１３８ **** ８０００");
/// ```
pub fn mask(text: &str) -> String {
    masked_text(text, &scan(text))
}

/// `text` with everything [`scan_with`] finds replaced by its mask.
///
/// ```
/// use dangjian::disclosure::{mask_with, ScanOptions};
/// let all = ScanOptions { landlines: true, emails: true };
/// assert_eq!(mask_with("电话（010）62345678", all), "电话（010）****5678");
/// ```
pub fn mask_with(text: &str, options: ScanOptions) -> String {
    masked_text(text, &scan_with(text, options))
}

/// `text` with each finding's range (in characters, in order, not overlapping) replaced by its mask.
fn masked_text(text: &str, found: &[Sensitive]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut next = found.iter().peekable();
    let mut skip_until = 0;
    for (i, c) in text.chars().enumerate() {
        if let Some(f) = next.next_if(|f| f.start == i) {
            out.push_str(&f.masked);
            skip_until = f.end;
        }
        if i >= skip_until {
            out.push(c);
        }
    }
    out
}

impl RedactionRules {
    /// The scan these rules ask for (the optional kinds they turn on).
    ///
    /// ```
    /// let r: dangjian::disclosure::RedactionRules =
    ///     serde_json::from_str(r#"{"unmasked_scopes":[],"mask_emails":true}"#).unwrap();
    /// assert!(r.scan_options().emails && !r.scan_options().landlines);
    /// ```
    pub fn scan_options(&self) -> ScanOptions {
        ScanOptions {
            landlines: self.mask_landlines,
            emails: self.mask_emails,
        }
    }
}

/// Whether the policy in force on `on` lets `item`'s scope through unmasked, and what it scans for.
fn unmasked(policy: &Policy, item: &DisclosureItem, on: NaiveDate) -> Result<(bool, ScanOptions)> {
    let rules = in_force(&policy.disclosure.redaction, on, "disclosure.redaction")?;
    Ok((
        rules.value.unmasked_scopes.contains(&item.scope.kind()),
        rules.value.scan_options(),
    ))
}

/// The body as it is published on `on`: the version in force that day ([`DisclosureItem::version_on`]; the
/// current body before any version or for an older document without versions), masked unless the scope is
/// allowed unmasked by the policy.
///
/// ```
/// use dangjian::disclosure::{published_text, DisclosureItem};
/// let item: DisclosureItem = serde_json::from_str(r#"{"schema_version":1,"id":"D1","org":"B1","title":"t",
///   "body":"联系人电话13800138000","category":"service","scope":{"kind":"to_society"},"created_by":"P1",
///   "created_at":"2026-03-02T09:00:00+08:00","status":"published"}"#).unwrap();
/// assert_eq!(published_text(&dangjian::Policy::bundled(), &item, "2026-03-05".parse().unwrap()).unwrap(), "联系人电话138****8000");
/// ```
pub fn published_text(policy: &Policy, item: &DisclosureItem, on: NaiveDate) -> Result<String> {
    let body = item.version_on(on).map_or(&item.body, |v| &v.body);
    let (unmasked, options) = unmasked(policy, item, on)?;
    Ok(if unmasked {
        body.clone()
    } else {
        masked_text(body, &scan_with(body, options))
    })
}

/// The reviewer's preview: what will be masked in `item`'s body and the text that results.
///
/// ```
/// use dangjian::disclosure::{redaction_preview, DisclosureItem};
/// let item: DisclosureItem = serde_json::from_str(r#"{"schema_version":1,"id":"D1","org":"B1","title":"t",
///   "body":"卡号6222020200000000006","category":"service","scope":{"kind":"members","org":"B1"},"created_by":"P1",
///   "created_at":"2026-03-02T09:00:00+08:00","status":"reviewed"}"#).unwrap();
/// let p = redaction_preview(&dangjian::Policy::bundled(), &item, "2026-03-05".parse().unwrap()).unwrap();
/// assert!(p.masked);
/// assert_eq!(p.text, "卡号***************0006");
/// ```
pub fn redaction_preview(
    policy: &Policy,
    item: &DisclosureItem,
    on: NaiveDate,
) -> Result<RedactionPreview> {
    let (unmasked, options) = unmasked(policy, item, on)?;
    let masked = !unmasked;
    let found = scan_with(&item.body, options);
    let text = if masked {
        masked_text(&item.body, &found)
    } else {
        item.body.clone()
    };
    Ok(RedactionPreview {
        masked,
        found,
        text,
    })
}

fn value(c: char) -> u32 {
    c.to_digit(10).unwrap_or(0)
}

/// GB 11643-1999: Σ digit × weight mod 11 indexes the check character; the region code never starts with 0.
pub(crate) fn id_check_ok(id: &[char]) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    if id.len() != 18 || id.first() == Some(&'0') {
        return false;
    }
    // At most 17 × 9 × 10: saturating only states that nothing can wrap.
    let sum: u32 = id
        .iter()
        .zip(WEIGHTS)
        .fold(0, |s, (c, w)| s.saturating_add(value(*c).saturating_mul(w)));
    let expected = CHECK.get(usize::try_from(sum % 11).unwrap_or(0)).copied();
    let last = id.get(17).map(|c| c.to_ascii_uppercase());
    expected.is_some() && expected == last
}
