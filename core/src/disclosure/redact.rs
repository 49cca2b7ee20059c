//! Redaction: personal data found in a body — resident identity numbers (18 characters, GB 11643 check
//! digit), mainland mobile numbers and bank card numbers (Luhn) — is masked in published text unless the
//! scope is one the policy lets through unmasked. Scanning is written by hand over characters: the rules are
//! few, and a hand-written scanner keeps the core free of a regex engine.
//!
//! Only maximal runs of ASCII digits are considered, so a number inside a longer number is never taken for
//! one (an order number of 20 digits is not a card).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::item::DisclosureItem;
use crate::policy::in_force;
use crate::{Policy, Result};

/// What kind of personal data was found.
///
/// ```
/// use dangjian::disclosure::PersonalKind;
/// assert_eq!(serde_json::to_string(&PersonalKind::IdNumber).unwrap(), "\"id_number\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonalKind {
    /// 居民身份证号码 (GB 11643, 18 characters with a valid check character).
    IdNumber,
    /// Mainland mobile number (11 digits, 1[3-9]…, optionally +86).
    Mobile,
    /// Bank card number (16–19 digits passing the Luhn check).
    BankCard,
}

/// One finding of the scan: kind, position (character offsets, end excluded), the text and its mask.
///
/// ```
/// let f = &dangjian::disclosure::scan("电话13800138000")[0];
/// assert_eq!((f.start, f.end, f.masked.as_str()), (2, 13, "138****8000"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// What a reviewer sees before publication: whether masking applies, what will be masked and the result.
///
/// ```
/// let p = dangjian::disclosure::RedactionPreview { masked: true, found: vec![], text: "t".into() };
/// assert!(p.found.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedactionPreview {
    /// Whether the published text will be masked (false when the scope is allowed unmasked).
    pub masked: bool,
    /// Everything found.
    pub found: Vec<Sensitive>,
    /// The text as it will be published.
    pub text: String,
}

/// Finds the personal data in `text`.
///
/// ```
/// use dangjian::disclosure::{scan, PersonalKind};
/// let f = scan("身份证11010519491231002X，卡号6222020200000000006。");
/// assert_eq!(f.len(), 2);
/// assert_eq!(f[0].kind, PersonalKind::IdNumber);
/// assert_eq!(f[0].masked, "110105********002X");
/// assert_eq!(f[1].kind, PersonalKind::BankCard);
/// assert!(scan("订单号 11010519491231002").is_empty()); // 17 digits: nothing
/// ```
pub fn scan(text: &str) -> Vec<Sensitive> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_digit(chars.get(i)) {
            i += 1;
            continue;
        }
        let start = i;
        while is_digit(chars.get(i)) {
            i += 1;
        }
        let digits: Vec<char> = chars
            .get(start..i)
            .map(<[char]>::to_vec)
            .unwrap_or_default();
        // An identity number may end in X; the run of digits then has 17 and the X follows it.
        let x_follows = matches!(chars.get(i), Some('X' | 'x'));
        if digits.len() == 17 && x_follows && !is_digit(chars.get(i + 1)) {
            let mut id = digits.clone();
            id.push('X');
            if id_check_ok(&id) {
                out.push(found(PersonalKind::IdNumber, start, &chars, i + 1));
                i += 1;
                continue;
            }
        }
        if x_follows && digits.len() == 17 {
            continue;
        }
        if digits.len() == 18 && id_check_ok(&digits) {
            out.push(found(PersonalKind::IdNumber, start, &chars, i));
        } else if digits.len() == 11 && is_mobile(&digits) {
            out.push(found(PersonalKind::Mobile, start, &chars, i));
        } else if digits.len() == 13
            && digits.starts_with(&['8', '6'])
            && start > 0
            && chars.get(start - 1) == Some(&'+')
            && digits.get(2..).is_some_and(is_mobile)
        {
            out.push(found(PersonalKind::Mobile, start + 2, &chars, i));
        } else if (16..=19).contains(&digits.len()) && luhn_ok(&digits) {
            out.push(found(PersonalKind::BankCard, start, &chars, i));
        }
    }
    out
}

/// `text` with everything [`scan`] finds replaced by its mask.
///
/// ```
/// assert_eq!(dangjian::disclosure::mask("联系13800138000"), "联系138****8000");
/// ```
pub fn mask(text: &str) -> String {
    let found = scan(text);
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

/// Whether the policy in force on `on` lets `item`'s scope through unmasked.
fn unmasked(policy: &Policy, item: &DisclosureItem, on: NaiveDate) -> Result<bool> {
    let rules = in_force(&policy.disclosure.redaction, on, "disclosure.redaction")?;
    Ok(rules.value.unmasked_scopes.contains(&item.scope.kind()))
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
    Ok(if unmasked(policy, item, on)? {
        body.clone()
    } else {
        mask(body)
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
    let masked = !unmasked(policy, item, on)?;
    let found = scan(&item.body);
    let text = if masked {
        mask(&item.body)
    } else {
        item.body.clone()
    };
    Ok(RedactionPreview {
        masked,
        found,
        text,
    })
}

fn is_digit(c: Option<&char>) -> bool {
    c.is_some_and(char::is_ascii_digit)
}

fn value(c: char) -> u32 {
    c.to_digit(10).unwrap_or(0)
}

fn found(kind: PersonalKind, start: usize, chars: &[char], end: usize) -> Sensitive {
    let text: String = chars
        .get(start..end)
        .map(|s| s.iter().collect())
        .unwrap_or_default();
    let len = end.saturating_sub(start);
    // Kept visible: the region code and the sequence of an identity number (the birth date is hidden), the
    // prefix and the last four of a mobile number, the last four of a card — the usual published forms.
    let (keep_head, keep_tail) = match kind {
        PersonalKind::IdNumber => (6, 4),
        PersonalKind::Mobile => (3, 4),
        PersonalKind::BankCard => (0, 4),
    };
    let masked = text
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if i < keep_head || i + keep_tail >= len {
                c
            } else {
                '*'
            }
        })
        .collect();
    Sensitive {
        kind,
        start,
        end,
        text,
        masked,
    }
}

/// GB 11643-1999: Σ digit × weight mod 11 indexes the check character; the region code never starts with 0.
pub(crate) fn id_check_ok(id: &[char]) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    if id.len() != 18 || id.first() == Some(&'0') {
        return false;
    }
    let sum: u32 = id.iter().zip(WEIGHTS).map(|(c, w)| value(*c) * w).sum();
    let expected = CHECK.get(usize::try_from(sum % 11).unwrap_or(0)).copied();
    let last = id.get(17).map(|c| c.to_ascii_uppercase());
    expected.is_some() && expected == last
}

fn is_mobile(d: &[char]) -> bool {
    d.len() == 11 && d.first() == Some(&'1') && matches!(d.get(1), Some('3'..='9'))
}

/// Luhn: from the right, every second digit doubled (minus 9 above 9); the sum ends in 0.
fn luhn_ok(d: &[char]) -> bool {
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, c)| {
            let v = value(*c);
            if i % 2 == 1 {
                let twice = v * 2;
                if twice > 9 {
                    twice - 9
                } else {
                    twice
                }
            } else {
                v
            }
        })
        .sum();
    sum % 10 == 0
}
