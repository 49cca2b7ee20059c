//! The numbered kinds of personal data and what a candidate must be to count as one. A candidate is a range
//! of whole groups of a [`Chain`] (so a number is never cut out of a longer run of digits, and never cut at a
//! tight gap); its digits are checked the way the number itself is built:
//!
//! - 居民身份证号码, 18 characters (GB 11643-1999): a province-level region code, a birth date that exists
//!   (years 1900–2099), three digits of sequence and the check character `"10X98765432"[Σ dᵢ·wᵢ mod 11]`.
//!   Any grouping: the check character, region and date leave a chance match near one in a hundred thousand.
//! - First-generation numbers, 15 digits (GB 11643-1989, no check character): region, `YYMMDD` of the 1900s,
//!   sequence. With no check character only the contiguous form and the groupings `6-6-3` and `6-9` count.
//! - Mainland mobile numbers: 11 digits `1[3-9]…`, written whole or as `3-4-4`, `3-8`, `7-4`, `4-4-3`; a
//!   `86`/`0086` prefix (with `+`, or in brackets before the number) belongs to the match.
//! - Bank cards: 16–19 digits passing Luhn. Written in groups, only groups of four (the last one to four
//!   long) starting with an issuer digit 3, 4, 5, 6 or 9 — a list of dates or times in groups of four is
//!   no card.
//! - Landline numbers (a policy option): an area code (`010`, `02x`, `0[3-9]xx`, alone or in brackets),
//!   seven or eight digits starting 2–9, in at most two groups, and an optional extension of up to five.
// The scanner's arithmetic is on positions in the text's `Vec<char>` (each step guarded by a bounds check
// before it: `k > 0` before `k - 1`, `i < len` before `i + 1`) and on digit values 0–9 over at most 20 digits,
// so nothing here can overflow; reviewed site by site (issue 16) rather than rewritten as dozens of
// saturating calls that would hide the scanner's index logic.
#![allow(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;

use super::kinds::{Hit, PersonalKind, ScanOptions};
use super::normalize::{bracket_before, digits_of, Chain};

/// Most digits a number can have: a 19-digit card, or `0086` and an 11-digit mobile.
pub(super) const MAX_DIGITS: usize = 19;

/// Province-level codes (the first two digits of GB/T 2260), with 81–83 of the residence permits of
/// Hong Kong, Macao and Taiwan residents. County codes are not checked: their table runs to thousands of
/// entries and changes every year, and an old number keeps its old code.
const PROVINCES: [u8; 35] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
];

/// The candidate made of groups `i..=j` of `chain`, if it is personal data of a kind `options` asks for.
pub(super) fn classify(
    norm: &[char],
    chain: &Chain,
    i: usize,
    j: usize,
    options: ScanOptions,
) -> Option<Hit> {
    let groups = chain.groups.get(i..=j)?;
    let (first, last) = (groups.first()?, groups.last()?);
    let shape: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    let mut d = digits_of(norm.get(first.start..last.end)?);
    let (start, end) = (first.start, last.end);
    let hit = |kind, start, end, head, tail| {
        Some(Hit {
            kind,
            start,
            end,
            head,
            tail,
        })
    };
    if d.len() == 17 && chain.x_after && j + 1 == chain.groups.len() {
        // Seventeen digits and an X: an identity number or nothing.
        d.push(10);
        return id18_ok(&d)
            .then_some(())
            .and_then(|()| hit(PersonalKind::IdNumber, start, end + 1, 6, 4));
    }
    if id18_ok(&d) {
        return hit(PersonalKind::IdNumber, start, end, 6, 4);
    }
    if matches!(shape.as_slice(), [15] | [6, 6, 3] | [6, 9]) && id15_ok(&d) {
        return hit(PersonalKind::IdNumber, start, end, 6, 3);
    }
    if let Some(prefix) = mobile_prefix(&d, &shape) {
        let (mut from, mut head) = (start, prefix + 3);
        if prefix > 0 {
            if from > 0 && norm.get(from - 1) == Some(&'+') {
                from -= 1;
            }
        } else if let Some((open, inside)) = bracket_before(norm, start) {
            if inside == [8, 6] || inside == [0, 0, 8, 6] {
                from = open;
                head += inside.len();
            }
        }
        return hit(PersonalKind::Mobile, from, end, head, 4);
    }
    if options.landlines {
        if let Some(found) = landline(norm, &d, &shape, start, end) {
            return Some(found);
        }
    }
    if (16..=MAX_DIGITS).contains(&d.len()) && card_shape(&d, &shape) && luhn_ok(&d) {
        return hit(PersonalKind::BankCard, start, end, 0, 4);
    }
    None
}

/// GB 11643-1999 in full: region, birth date, check character (`10` stands for X).
pub(super) fn id18_ok(d: &[u8]) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [u8; 11] = [1, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2];
    if d.len() != 18 || d.iter().take(17).any(|v| *v > 9) {
        return false;
    }
    let sum: u32 = d.iter().zip(WEIGHTS).map(|(v, w)| u32::from(*v) * w).sum();
    let check = usize::try_from(sum % 11).ok().and_then(|k| CHECK.get(k));
    region_ok(d)
        && date_ok(number(d, 6, 4), number(d, 10, 2), number(d, 12, 2))
        && check == d.get(17)
}

/// A first-generation number: region and a `YYMMDD` birth date in the 1900s.
pub(super) fn id15_ok(d: &[u8]) -> bool {
    d.len() == 15
        && region_ok(d)
        && date_ok(1900 + number(d, 6, 2), number(d, 8, 2), number(d, 10, 2))
}

fn region_ok(d: &[u8]) -> bool {
    let code = number(d, 0, 2);
    PROVINCES.iter().any(|p| u32::from(*p) == code)
}

fn date_ok(year: u32, month: u32, day: u32) -> bool {
    (1900..=2099).contains(&year)
        && i32::try_from(year)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, month, day))
            .is_some()
}

/// The decimal number written by `len` digits of `d` from `at` (0 past the end).
fn number(d: &[u8], at: usize, len: usize) -> u32 {
    d.iter()
        .skip(at)
        .take(len)
        .fold(0, |n, v| n * 10 + u32::from(*v))
}

fn is_mobile(d: &[u8]) -> bool {
    d.len() == 11 && d.first() == Some(&1) && matches!(d.get(1), Some(3..=9))
}

/// The length of the country prefix (0, 2 for `86`, 4 for `0086`) when `d` is a mobile number written in one
/// of the accepted groupings.
fn mobile_prefix(d: &[u8], shape: &[usize]) -> Option<usize> {
    [0usize, 2, 4].into_iter().find(|&prefix| {
        let written = match prefix {
            2 => d.starts_with(&[8, 6]),
            4 => d.starts_with(&[0, 0, 8, 6]),
            _ => true,
        };
        written
            && d.get(prefix..).is_some_and(is_mobile)
            && mobile_shape(&without_prefix(shape, prefix))
    })
}

/// The shape once the prefix's digits are taken off the front (a prefix glued to the number shortens its
/// first group; a prefix written apart drops it).
fn without_prefix(shape: &[usize], prefix: usize) -> Vec<usize> {
    let mut rest = shape.to_vec();
    match rest.first().copied() {
        Some(n) if n == prefix => {
            rest.remove(0);
        }
        Some(n) if n > prefix => {
            if let Some(first) = rest.first_mut() {
                *first = n - prefix;
            }
        }
        _ => rest.clear(),
    }
    rest
}

fn mobile_shape(shape: &[usize]) -> bool {
    matches!(shape, [11] | [3, 4, 4] | [3, 8] | [7, 4] | [4, 4, 3])
}

fn card_shape(d: &[u8], shape: &[usize]) -> bool {
    match shape {
        [_] => true,
        [fours @ .., last] => {
            fours.iter().all(|n| *n == 4)
                && (1..=4).contains(last)
                && matches!(d.first(), Some(3..=6 | 9))
        }
        [] => false,
    }
}

/// Luhn: from the right, every second digit doubled (minus 9 above 9); the sum ends in 0.
pub(super) fn luhn_ok(d: &[u8]) -> bool {
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, v)| {
            let v = u32::from(*v);
            match (i % 2, v * 2) {
                (1, twice) if twice > 9 => twice - 9,
                (1, twice) => twice,
                _ => v,
            }
        })
        .sum();
    sum % 10 == 0
}

/// The length of the area code `d` starts with: `010`, `02x`, `0[3-9]xx` — where no four-digit code has a
/// 0 in third place but those of 07 and 09 (so `0302`, a month and day, is no area code).
fn area_len(d: &[u8]) -> Option<usize> {
    match d {
        [0, 1, 0, ..] | [0, 2, _, ..] => Some(3),
        [0, 7 | 9, _, _, ..] | [0, 3..=9, 1..=9, _, ..] => Some(4),
        _ => None,
    }
}

/// A landline number: an area code (as the first digits, or in brackets before them), a local number of seven
/// or eight digits starting 2–9 in one or two groups, and an optional extension group of up to five digits.
fn landline(norm: &[char], d: &[u8], shape: &[usize], start: usize, end: usize) -> Option<Hit> {
    let (from, area, local_shape) = match area_len(d) {
        Some(area) if shape.len() == 1 => (start, area, vec![d.len() - area]),
        Some(area) if shape.first() == Some(&area) => (start, area, shape.get(1..)?.to_vec()),
        Some(_) => return None,
        None => {
            let (open, inside) = bracket_before(norm, start)?;
            (area_len(&inside) == Some(inside.len())).then_some(())?;
            (open, inside.len(), shape.to_vec())
        }
    };
    let local = d.get(if from == start { area } else { 0 }..)?;
    let (number_groups, extension) = match local_shape.as_slice() {
        [n] => (vec![*n], 0),
        [a, b] if (7..=8).contains(&(a + b)) => (vec![*a, *b], 0),
        [n, ext] if (1..=5).contains(ext) => (vec![*n], *ext),
        [a, b, ext] if (1..=5).contains(ext) => (vec![*a, *b], *ext),
        _ => return None,
    };
    let digits: usize = number_groups.iter().sum();
    let local_ok = (7..=8).contains(&digits)
        && number_groups.iter().all(|n| *n >= 3)
        && matches!(local.first(), Some(2..=9));
    local_ok.then_some(Hit {
        kind: PersonalKind::Landline,
        start: from,
        end,
        head: area,
        tail: 4 + extension,
    })
}
