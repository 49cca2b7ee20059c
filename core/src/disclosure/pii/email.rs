//! E-mail addresses (a policy option): a local part of letters, digits and `._%+-`, an `@` (full-width
//! `＠` too) and a domain of at least two labels whose last is two or more letters. The local part is
//! masked but its first character; the domain stays (it names the provider or the organization, not the
//! person).
// The scanner's arithmetic is on positions in the text's `Vec<char>` (each step guarded by a bounds check
// before it: `k > 0` before `k - 1`, `i < len` before `i + 1`) and on digit values 0–9 over at most 20 digits,
// so nothing here can overflow; reviewed site by site (issue 16) rather than rewritten as dozens of
// saturating calls that would hide the scanner's index logic.
#![allow(clippy::arithmetic_side_effects)]

use super::kinds::{Hit, PersonalKind};

/// Every address in the folded text, in order. Linear: the scans stop at the neighbouring `@`.
pub(super) fn emails(norm: &[char]) -> Vec<Hit> {
    let mut out = Vec::new();
    for (at, c) in norm.iter().enumerate() {
        if *c != '@' {
            continue;
        }
        let mut start = at;
        while start > 0 && norm.get(start - 1).is_some_and(|c| local_char(*c)) {
            start -= 1;
        }
        while start < at && norm.get(start).is_some_and(|c| !c.is_ascii_alphanumeric()) {
            start += 1;
        }
        let mut end = at + 1;
        while norm
            .get(end)
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        {
            end += 1;
        }
        while end > at + 1 && norm.get(end - 1).is_some_and(|c| matches!(c, '.' | '-')) {
            end -= 1;
        }
        let domain: String = norm.get(at + 1..end).unwrap_or_default().iter().collect();
        if start < at && domain_ok(&domain) && out.last().is_none_or(|h: &Hit| h.end <= start) {
            let local = at - start;
            out.push(Hit {
                kind: PersonalKind::Email,
                start,
                end,
                head: usize::from(local > 1),
                tail: 0,
            });
        }
    }
    out
}

fn local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

/// At least two labels, none empty or starting or ending with `-`, the last two or more letters.
fn domain_ok(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}
