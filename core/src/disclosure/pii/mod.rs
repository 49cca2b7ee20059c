//! The personal-data scanner behind [`crate::disclosure::scan`]: it sees through the way people write numbers
//! in a notice — full-width digits, spaces (also U+3000), `-`, `.` and `·` inside a number, `+86`/`0086`/`86`
//! and brackets before a mobile number — and reports every finding as a range of the caller's own
//! characters, so a mask covers exactly what was written, separators included.
//!
//! How: every character is folded on its own ([`normalize`]), so offsets need no mapping; the digits are read
//! as chains of groups; a candidate is a range of whole groups, checked like the number it claims to be
//! ([`numbers`]). At each group the longest valid candidate wins, then the scan goes on after it.
//! E-mail addresses ([`email`]) are looked for first, when asked for, and a number inside one is part of it.

mod email;
mod kinds;
mod normalize;
mod numbers;
#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;

use kinds::Hit;
pub use kinds::{PersonalKind, ScanOptions, Sensitive};

/// Every finding in `text`, in order, none overlapping.
pub(super) fn find(text: &str, options: ScanOptions) -> Vec<Sensitive> {
    let chars: Vec<char> = text.chars().collect();
    let norm: Vec<char> = chars.iter().map(|c| normalize::fold(*c)).collect();
    let addresses = if options.emails {
        email::emails(&norm)
    } else {
        Vec::new()
    };
    let mut numbers = Vec::new();
    for chain in normalize::chains(&norm) {
        let mut i = 0;
        while i < chain.groups.len() {
            match longest_at(&norm, &chain, i, options) {
                Some((j, hit)) => {
                    if !addresses
                        .iter()
                        .any(|a| a.start < hit.end && hit.start < a.end)
                    {
                        numbers.push(hit);
                    }
                    i = j + 1;
                }
                None => i += 1,
            }
        }
    }
    // Both lists are in order and do not overlap each other: merged, not sorted (a sort would add its
    // code to the wasm package for nothing).
    let mut out = Vec::with_capacity(addresses.len() + numbers.len());
    let (mut a, mut n) = (addresses.iter().peekable(), numbers.iter().peekable());
    while let Some(h) = match (a.peek(), n.peek()) {
        (Some(x), Some(y)) if y.start < x.start => n.next(),
        (Some(_), _) => a.next(),
        (None, _) => n.next(),
    } {
        out.push(written(&chars, &norm, h));
    }
    out
}

/// The longest candidate starting at group `i` that is personal data, with the index of its last group.
fn longest_at(
    norm: &[char],
    chain: &normalize::Chain,
    i: usize,
    options: ScanOptions,
) -> Option<(usize, Hit)> {
    if !chain.may_start(i) {
        return None;
    }
    // The groups within reach: no number has more than MAX_DIGITS digits after a 4-digit prefix.
    let mut last = i;
    let mut digits = 0;
    for (k, g) in chain.groups.iter().enumerate().skip(i) {
        digits += g.len();
        if digits > numbers::MAX_DIGITS + 4 {
            break;
        }
        last = k;
    }
    (i..=last)
        .rev()
        .filter(|j| chain.may_end(*j))
        .find_map(|j| numbers::classify(norm, chain, i, j, options).map(|h| (j, h)))
}

/// The finding as the caller sees it: the original characters and their mask. Separators, brackets, `+`,
/// `@` and the domain are kept; significant characters are kept `head` from the front and `tail` from the
/// back, the rest become `*`.
fn written(chars: &[char], norm: &[char], hit: &Hit) -> Sensitive {
    let range = hit.start..hit.end;
    let at = norm
        .get(range.clone())
        .and_then(|r| r.iter().position(|c| *c == '@'))
        .map_or(hit.end, |p| hit.start + p);
    let significant = |k: usize| match hit.kind {
        PersonalKind::Email => k < at,
        _ => norm
            .get(k)
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, 'X' | 'x')),
    };
    let total = range.clone().filter(|k| significant(*k)).count();
    let mut seen = 0;
    let mut masked = String::new();
    let mut text = String::new();
    for k in range {
        let Some(&c) = chars.get(k) else { break };
        text.push(c);
        if significant(k) {
            let shown = seen < hit.head || seen + hit.tail >= total;
            masked.push(if shown { c } else { '*' });
            seen += 1;
        } else {
            masked.push(c);
        }
    }
    Sensitive {
        kind: hit.kind,
        start: hit.start,
        end: hit.end,
        text,
        masked,
    }
}
