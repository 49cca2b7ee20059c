//! Property tests: a valid number of every kind, written in every way the scanner accepts (groupings,
//! separators, full-width digits, prefixes, in any combination, inside text), is found whole and masked, and
//! the masked text keeps none of its hidden digits; text made of dates, amounts, document numbers and digit
//! runs that fail every check comes back unchanged. The numbers are built here from GB 11643 and Luhn
//! directly, not with the scanner's own checks.

use proptest::prelude::*;

use super::ScanOptions;
use crate::disclosure::{mask, scan, scan_with, PersonalKind};

const SEPARATORS: &[&str] = &[" ", "\u{3000}", "-", ".", "·", " - ", "－", "．", "\u{a0}"];
const CONTEXTS: &[&str] = &[
    "",
    "电话：",
    "身份证号",
    "卡号 ",
    "联系人张三，",
    "（本人）",
    "。",
];
const PREFIXES: &[&str] = &[
    "",
    "+86",
    "+86 ",
    "＋８６",
    "0086",
    "0086-",
    "86",
    "86 ",
    "(+86)",
    "（+86）",
    "(+86) ",
    "[+86]",
    "(0086)",
    "（８６）",
];

/// A digit written half- or full-width.
fn write_digit(d: u8, full: bool) -> char {
    let base = if full { 0xFF10 } else { 0x30 };
    char::from_u32(base + u32::from(d)).unwrap_or('?')
}

/// GB 11643's check character for 17 digits (10 is X).
fn id_check(d: &[u8]) -> u8 {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = d.iter().zip(W).map(|(v, w)| u32::from(*v) * w).sum();
    [1, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2][(sum % 11) as usize]
}

/// The Luhn digit that completes `d`.
fn luhn_digit(d: &[u8]) -> u8 {
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, v)| {
            let v = u32::from(*v);
            if i % 2 == 0 {
                let t = v * 2;
                if t > 9 {
                    t - 9
                } else {
                    t
                }
            } else {
                v
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

fn digits_of(s: &str) -> Vec<u8> {
    s.bytes().map(|b| b - b'0').collect()
}

/// A valid number: its kind, digits (10 = X), the groupings it may be written in, visible head and tail.
#[derive(Debug, Clone)]
struct Number {
    kind: PersonalKind,
    digits: Vec<u8>,
    shapes: Vec<Vec<usize>>,
    head: usize,
    tail: usize,
}

fn region() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::sample::select(vec![11u8, 12, 31, 32, 37, 44, 46, 50, 51, 65, 71, 81, 83]),
        0u32..10_000,
    )
        .prop_map(|(p, rest)| digits_of(&format!("{p:02}{rest:04}")))
}

fn id18() -> impl Strategy<Value = Number> {
    (region(), 1920u32..2020, 1u32..13, 1u32..29, 0u32..1000).prop_map(|(r, y, m, d, seq)| {
        let mut digits = r;
        digits.extend(digits_of(&format!("{y:04}{m:02}{d:02}{seq:03}")));
        digits.push(id_check(&digits));
        Number {
            kind: PersonalKind::IdNumber,
            digits,
            shapes: vec![
                vec![18],
                vec![6, 8, 4],
                vec![6, 4, 4, 4],
                vec![6, 12],
                vec![3, 3, 4, 4, 4],
            ],
            head: 6,
            tail: 4,
        }
    })
}

fn id15() -> impl Strategy<Value = Number> {
    (region(), 0u32..100, 1u32..13, 1u32..29, 0u32..1000).prop_map(|(r, y, m, d, seq)| {
        let mut digits = r;
        digits.extend(digits_of(&format!("{y:02}{m:02}{d:02}{seq:03}")));
        Number {
            kind: PersonalKind::IdNumber,
            digits,
            shapes: vec![vec![15], vec![6, 6, 3], vec![6, 9]],
            head: 6,
            tail: 3,
        }
    })
}

fn mobile() -> impl Strategy<Value = Number> {
    (3u8..10, 0u64..1_000_000_000).prop_map(|(second, rest)| {
        let digits = digits_of(&format!("1{second}{rest:09}"));
        Number {
            kind: PersonalKind::Mobile,
            digits,
            shapes: vec![
                vec![11],
                vec![3, 4, 4],
                vec![3, 8],
                vec![7, 4],
                vec![4, 4, 3],
            ],
            head: 3,
            tail: 4,
        }
    })
}

fn card() -> impl Strategy<Value = Number> {
    let prefixes = vec!["62", "4", "5", "9558", "6228", "3"];
    (
        prop::sample::select(prefixes),
        16usize..20,
        prop::collection::vec(0u8..10, 19),
    )
        .prop_map(|(prefix, len, random)| {
            let mut digits = digits_of(prefix);
            digits.extend(random.iter().take(len - 1 - digits.len()));
            digits.push(luhn_digit(&digits));
            let mut fours = vec![4; len / 4];
            if len % 4 > 0 {
                fours.push(len % 4);
            }
            Number {
                kind: PersonalKind::BankCard,
                digits,
                shapes: vec![vec![len], fours],
                head: 0,
                tail: 4,
            }
        })
}

/// How one number is written: grouping, a separator for each gap, which digits are full-width, the
/// check character's case and width, the mobile prefix and the text around it.
#[derive(Debug, Clone)]
struct Writing {
    shape: usize,
    separators: Vec<usize>,
    full: Vec<bool>,
    x_form: usize,
    prefix: usize,
    before: usize,
    after: usize,
}

fn writing() -> impl Strategy<Value = Writing> {
    (
        0usize..8,
        prop::collection::vec(0..SEPARATORS.len(), 8),
        prop::collection::vec(any::<bool>(), 19),
        0usize..4,
        0..PREFIXES.len(),
        0..CONTEXTS.len(),
        0..CONTEXTS.len(),
    )
        .prop_map(
            |(shape, separators, full, x_form, prefix, before, after)| Writing {
                shape,
                separators,
                full,
                x_form,
                prefix,
                before,
                after,
            },
        )
}

/// The number as written, and the digits the masked text must show (`*` for a hidden one).
fn write(n: &Number, w: &Writing) -> (String, String) {
    let shape = &n.shapes[w.shape % n.shapes.len()];
    let mut written = String::new();
    let mut expected = String::new();
    let prefix = if n.kind == PersonalKind::Mobile {
        PREFIXES[w.prefix]
    } else {
        ""
    };
    written.push_str(prefix);
    expected.extend(prefix.chars().filter_map(|c| {
        let c = super::normalize::fold(c);
        c.is_ascii_digit().then_some(c)
    }));
    let mut k = 0;
    for (g, len) in shape.iter().enumerate() {
        if g > 0 {
            written.push_str(SEPARATORS[w.separators[g % w.separators.len()]]);
        }
        for _ in 0..*len {
            let d = n.digits[k];
            let c = if d == 10 {
                ['X', 'x', 'Ｘ', 'ｘ'][w.x_form]
            } else {
                write_digit(d, w.full[k])
            };
            written.push(c);
            let shown = k < n.head || k + n.tail >= n.digits.len();
            expected.push(if !shown {
                '*'
            } else if d == 10 {
                'X'
            } else {
                char::from(b'0' + d)
            });
            k += 1;
        }
    }
    (written, expected)
}

/// The digits, X and `*` of a text, folded to half-width.
fn significant(text: &str) -> String {
    text.chars()
        .map(super::normalize::fold)
        .filter(|c| c.is_ascii_digit() || *c == '*')
        .chain(
            text.chars()
                .map(super::normalize::fold)
                .filter(|c| matches!(c, 'X' | 'x'))
                .map(|_| 'X'),
        )
        .collect()
}

fn check(n: &Number, w: &Writing) -> Result<(), TestCaseError> {
    let (written, expected) = write(n, w);
    let (before, after) = (CONTEXTS[w.before], CONTEXTS[w.after]);
    let text = format!("{before}{written}{after}");
    let found = scan(&text);
    prop_assert_eq!(found.len(), 1, "{} → {:?}", text, found);
    let f = &found[0];
    prop_assert_eq!(f.kind, n.kind);
    let start = before.chars().count();
    prop_assert_eq!(
        (f.start, f.end),
        (start, start + written.chars().count()),
        "{}",
        text
    );
    let masked = mask(&text);
    prop_assert_eq!(&masked, &format!("{before}{}{after}", f.masked));
    // The masked text shows exactly the visible digits; the hidden ones are stars.
    prop_assert_eq!(
        significant(&masked),
        significant(&expected),
        "{} → {}",
        text,
        masked
    );
    Ok(())
}

proptest! {
    #[test]
    fn id18_written_any_way_is_masked(n in id18(), w in writing()) { check(&n, &w)?; }

    #[test]
    fn id15_written_any_way_is_masked(n in id15(), w in writing()) { check(&n, &w)?; }

    #[test]
    fn mobiles_written_any_way_are_masked(n in mobile(), w in writing()) { check(&n, &w)?; }

    #[test]
    fn cards_written_any_way_are_masked(n in card(), w in writing()) { check(&n, &w)?; }

    #[test]
    fn non_personal_text_is_unchanged(pieces in prop::collection::vec(piece(), 1..8), glue in 0usize..4) {
        let text = pieces.join(["，", "；", "、", "和"][glue]);
        let all = ScanOptions { landlines: false, emails: true };
        prop_assert!(scan_with(&text, all).is_empty(), "{} → {:?}", text, scan_with(&text, all));
        prop_assert_eq!(mask(&text), text);
    }
}

/// A piece of non-personal text: a date, an amount, a document or order number, or a digit run that fails
/// every check by construction.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        (1990u32..2031, 1u32..13, 1u32..29, 0usize..5).prop_map(|(y, m, d, f)| match f {
            0 => format!("{y}-{m:02}-{d:02}"),
            1 => format!("{y}.{m:02}.{d:02}"),
            2 => format!("{y}年{m}月{d}日"),
            3 => format!("{y}{m:02}{d:02}"),
            _ => format!("{y}-{m:02}-{d:02} {:02}:{:02}", m + 7, d + 10),
        }),
        (0u64..100_000_000, 0u32..100, any::<bool>()).prop_map(|(n, c, space)| {
            let int = n.to_string();
            let mut grouped = String::new();
            for (i, ch) in int.chars().enumerate() {
                if i > 0 && (int.len() - i) % 3 == 0 {
                    grouped.push(if space { ' ' } else { ',' });
                }
                grouped.push(ch);
            }
            format!("{grouped}.{c:02}元")
        }),
        (1978u32..2031, 1u32..300).prop_map(|(y, n)| format!("〔{y}〕{n}号")),
        (0u32..10, 1u32..1000).prop_map(|(a, b)| format!("{a}.{b}")),
        prop::collection::vec(0u8..10, 1..26).prop_map(failing_run),
    ]
}

/// A digit run that is none of the kinds: an 11-digit run with no mobile prefix, 13 and 15 digits with no
/// country prefix or region, 16–19 digits failing Luhn, 18 digits also starting 0 (no region).
fn failing_run(mut d: Vec<u8>) -> String {
    let n = d.len();
    if matches!(n, 11 | 13 | 15 | 18) || (16..=19).contains(&n) {
        d[0] = 0;
        d[1] = 1 + d[1] % 9; // no 0086 prefix
    }
    if n == 11 {
        d[0] = 2;
    }
    if (16..=19).contains(&n) {
        let good = luhn_digit(&d[..n - 1]);
        d[n - 1] = (good + 1) % 10;
    }
    d.iter().map(|v| char::from(b'0' + v)).collect()
}
