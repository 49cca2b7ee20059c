//! Seeing through formatting. Every character is folded on its own to the form the scanner matches on
//! (full-width digits, letters and punctuation to half-width, the ideographic and no-break spaces to a space,
//! the hyphens and middle dots people use inside numbers to `-` and `·`): one character for one, so an
//! offset in the folded text is the same offset in the caller's text.
//!
//! The digits are then read as *chains*: runs of digits (groups) joined by short runs of separators. A
//! separator is only ever taken between two groups, never before or after a number. A gap made only of
//! `-`, `.` or `·` is *tight*: it binds its two groups into one written number (`2026-03-02`, `3.5`,
//! `138-0013-8000`), so nothing may start or end there. A gap holding a space is *loose*: it may join the
//! groups of one number (`138 0013 8000`) or stand between two numbers (`13800138000 2026-03-02`), and the
//! scanner decides by what the groups make.
// The scanner's arithmetic is on positions in the text's `Vec<char>` (each step guarded by a bounds check
// before it: `k > 0` before `k - 1`, `i < len` before `i + 1`) and on digit values 0–9 over at most 20 digits,
// so nothing here can overflow; reviewed site by site (issue 16) rather than rewritten as dozens of
// saturating calls that would hide the scanner's index logic.
#![allow(clippy::arithmetic_side_effects)]

/// Longest run of separators taken as one gap inside a number (` - ` is three characters).
const MAX_GAP: usize = 3;

/// Folds one character (see the module documentation).
pub(super) fn fold(c: char) -> char {
    match c {
        // The full-width forms of ASCII 0x21–0x7E sit at a fixed distance from them.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{202F}' => ' ',
        '\u{2010}'..='\u{2013}' | '\u{2212}' | '\u{FE63}' => '-',
        '\u{30FB}' | '\u{FF65}' | '\u{2027}' => '·',
        _ => c,
    }
}

/// Whether a folded character may stand inside a number between two groups of digits.
pub(super) fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '·')
}

/// Whether a folded character is a digit.
pub(super) fn is_digit(c: Option<&char>) -> bool {
    c.is_some_and(char::is_ascii_digit)
}

/// One run of digits: `start..end` in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Group {
    pub start: usize,
    pub end: usize,
}

impl Group {
    pub fn len(&self) -> usize {
        self.end - self.start
    }
}

/// Groups joined by separators; `loose[k]` says whether the gap after group `k` holds a space.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Chain {
    pub groups: Vec<Group>,
    pub loose: Vec<bool>,
    /// The last group is followed at once by `X`/`x` and then by no digit: the check character of an
    /// identity number may close the chain.
    pub x_after: bool,
}

impl Chain {
    /// Whether a number may start at group `k`: the chain's first group, or after a loose gap.
    pub fn may_start(&self, k: usize) -> bool {
        k == 0 || self.loose.get(k - 1).copied().unwrap_or(false)
    }

    /// Whether a number may end at group `k`: the chain's last group, or before a loose gap.
    pub fn may_end(&self, k: usize) -> bool {
        k + 1 >= self.groups.len() || self.loose.get(k).copied().unwrap_or(false)
    }
}

/// The chains of a folded text, in order. Every digit belongs to exactly one chain.
///
/// Linear in the text: each character is looked at a bounded number of times.
pub(super) fn chains(norm: &[char]) -> Vec<Chain> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < norm.len() {
        if !is_digit(norm.get(i)) {
            i += 1;
            continue;
        }
        let mut chain = Chain::default();
        loop {
            let start = i;
            while is_digit(norm.get(i)) {
                i += 1;
            }
            chain.groups.push(Group { start, end: i });
            let mut j = i;
            while j - i < MAX_GAP && norm.get(j).is_some_and(|c| is_separator(*c)) {
                j += 1;
            }
            if j > i && is_digit(norm.get(j)) {
                chain
                    .loose
                    .push(norm.get(i..j).is_some_and(|gap| gap.contains(&' ')));
                i = j;
            } else {
                break;
            }
        }
        chain.x_after = matches!(norm.get(i), Some('X' | 'x')) && !is_digit(norm.get(i + 1));
        out.push(chain);
    }
    out
}

/// Looks back from `pos` (the first digit of a number) for a bracketed prefix: up to [`MAX_GAP`]
/// separators, a closing bracket, digits, an optional `+` and the matching opening bracket — `(+86)`,
/// `（0086）`, `(010)`. Returns where the opening bracket is and the digits inside.
pub(super) fn bracket_before(norm: &[char], pos: usize) -> Option<(usize, Vec<u8>)> {
    let mut k = pos;
    while k > 0 && pos - k < MAX_GAP && norm.get(k - 1).is_some_and(|c| is_separator(*c)) {
        k -= 1;
    }
    let open = match norm.get(k.checked_sub(1)?)? {
        ')' => '(',
        ']' => '[',
        '】' => '【',
        _ => return None,
    };
    k -= 1;
    let end = k;
    while k > 0 && is_digit(norm.get(k - 1)) {
        k -= 1;
    }
    let digits = digits_of(norm.get(k..end)?);
    if digits.is_empty() {
        return None;
    }
    if k > 0 && norm.get(k - 1) == Some(&'+') {
        k -= 1;
    }
    (norm.get(k.checked_sub(1)?) == Some(&open)).then(|| (k - 1, digits))
}

/// The values of the digits among `chars` (separators skipped).
pub(super) fn digits_of(chars: &[char]) -> Vec<u8> {
    chars
        .iter()
        .filter_map(|c| c.to_digit(10))
        .filter_map(|d| u8::try_from(d).ok())
        .collect()
}
