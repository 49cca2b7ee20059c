//! A trace's steps as bytes: a tag, then the step's fields, a decimal as its scale and sign in a byte and its
//! digits as a varint (`4000.00` in 4 bytes instead of 16), a month as its year and month, a code as its place
//! in its list. A payroll item takes about 9 bytes instead of the 72 of a [`Step`] value, a traced member of ten
//! steps about 130: a traced batch of a hundred thousand members holds 13 MB, and the pages the allocator gives
//! back to the system after each batch and takes again (zeroed) for the next were half of a batch's time.
#![deny(clippy::arithmetic_side_effects)]

use rust_decimal::Decimal;

use super::items::{Category, ItemCode};
use super::member::{DuesMember, HardshipOutcome};
use super::params::RoundingMode;
use super::step::{Cited, Fixed, Step, Treatment};
use crate::YearMonth;

const NOT_OWED: u8 = 0;
const OWED_FROM: u8 = 1;
const FIXING: u8 = 2;
const GIVEN_BASE: u8 = 3;
const ITEM: u8 = 4;
const BASE: u8 = 5;
const FLAT: u8 = 6;
const RATE: u8 = 7;
const ROUNDED: u8 = 8;
const HARDSHIP: u8 = 9;

/// The parameters a step names, by their place here.
const PARAMETERS: [&str; 4] = [
    "dues.farmer_monthly",
    "dues.flat_amounts",
    "dues.employed_brackets",
    "dues.retiree_brackets",
];

/// The most bytes a decimal takes: its scale and sign, and 96 bits of digits, 7 a byte.
const DECIMAL_MAX: usize = 15;
/// The most bytes an item step takes: 5 bytes and two decimals (a quarter's income keeps its monthly figure).
const ITEM_MAX: usize = 5 + 2 * DECIMAL_MAX;
/// The most bytes the other steps of one member take together: admission (11), fixing (8), base (2 + 3
/// decimals), rate (4 + 3), rounded amount (7 + 4), hardship (2 + 2); a flat amount takes less.
const REST_MAX: usize = 11 + 8 + 2 + 4 + 7 + 2 + 14 * DECIMAL_MAX;

/// The most bytes `member`'s steps take: a chunk with this room left holds them without growing.
pub(super) fn room_for(member: &DuesMember) -> usize {
    let items = member
        .incomes
        .iter()
        .map(|r| r.items.len())
        .max()
        .unwrap_or(0);
    items.saturating_mul(ITEM_MAX).saturating_add(REST_MAX)
}

/// Appends `step` to `out`.
pub(super) fn encode(step: &Step, out: &mut Vec<u8>) {
    let mut w = Writer(out);
    match *step {
        Step::NotOwed { admitted, month } => {
            w.byte(NOT_OWED);
            w.month(admitted);
            w.month(month);
        }
        Step::OwedFrom { admitted } => {
            w.byte(OWED_FROM);
            w.month(admitted);
        }
        Step::Fixing {
            how,
            assessed_in,
            cite,
        } => {
            w.bytes(&[FIXING, fixed_code(how), cite.0]);
            w.month(assessed_in);
        }
        Step::GivenBase { base } => {
            w.byte(GIVEN_BASE);
            w.decimal(base);
        }
        Step::Item {
            code,
            treatment,
            given,
            monthly,
            cite,
        } => {
            // An item counts as written except a quarter's income (÷ 3): the monthly figure is stored only then
            // (the same digits and scale, not only an equal value: `5400` and `5400.00` read differently).
            let same = given.serialize() == monthly.serialize();
            let item = place(ItemCode::ALL, code);
            w.bytes(&[
                ITEM,
                item,
                treatment_code(treatment),
                cite.0,
                u8::from(same),
            ]);
            w.decimal(given);
            if !same {
                w.decimal(monthly);
            }
        }
        Step::Base {
            total,
            deducted,
            base,
            cite,
        } => {
            w.bytes(&[BASE, cite.0]);
            w.decimals(&[total, deducted, base]);
        }
        Step::Flat { .. } | Step::Rate { .. } | Step::Rounded { .. } | Step::Hardship { .. } => {
            encode_amount(step, &mut w);
        }
    }
}

/// Appends a step of the amount (flat, rate, rounding, hardship) to `w`.
fn encode_amount(step: &Step, w: &mut Writer<'_>) {
    match *step {
        Step::Flat {
            category,
            amount,
            parameter,
            cite,
        } => {
            let category = place(Category::ALL, category);
            w.bytes(&[FLAT, category, place(&PARAMETERS, parameter), cite.0]);
            w.decimal(amount);
        }
        Step::Rate {
            base,
            up_to,
            rate,
            parameter,
            cite,
        } => {
            let parameter = place(&PARAMETERS, parameter);
            w.bytes(&[RATE, parameter, cite.0, u8::from(up_to.is_some())]);
            w.decimals(&[base, rate]);
            if let Some(bound) = up_to {
                w.decimal(bound);
            }
        }
        Step::Rounded {
            base,
            rate,
            exact,
            amount,
            mode,
            scale,
            cite,
        } => {
            w.bytes(&[ROUNDED, mode_code(mode), cite.0]);
            w.bytes(&scale.to_le_bytes());
            w.decimals(&[base, rate, exact, amount]);
        }
        Step::Hardship {
            outcome,
            before,
            granted,
        } => {
            w.bytes(&[HARDSHIP, outcome_code(outcome)]);
            w.decimals(&[before, granted]);
        }
        // Written by `encode`.
        Step::NotOwed { .. }
        | Step::OwedFrom { .. }
        | Step::Fixing { .. }
        | Step::GivenBase { .. }
        | Step::Item { .. }
        | Step::Base { .. } => {}
    }
}

/// The steps written by [`encode`], in order. Reading stops at bytes it cannot read, which `encode` never writes.
pub(super) struct Steps<'a>(Reader<'a>);

impl<'a> Steps<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Steps(Reader(bytes))
    }
}

impl Iterator for Steps<'_> {
    type Item = Step;

    fn next(&mut self) -> Option<Step> {
        let r = &mut self.0;
        let tag = r.byte()?;
        Some(match tag {
            NOT_OWED => Step::NotOwed {
                admitted: r.month()?,
                month: r.month()?,
            },
            OWED_FROM => Step::OwedFrom {
                admitted: r.month()?,
            },
            FIXING => {
                let (how, cite) = (fixed_of(r.byte()?)?, Cited(r.byte()?));
                Step::Fixing {
                    how,
                    assessed_in: r.month()?,
                    cite,
                }
            }
            GIVEN_BASE => Step::GivenBase { base: r.decimal()? },
            ITEM => {
                let [code, treatment, cite, same] = r.array()?;
                let given = r.decimal()?;
                Step::Item {
                    code: *ItemCode::ALL.get(usize::from(code))?,
                    treatment: treatment_of(treatment)?,
                    given,
                    monthly: if same == 1 { given } else { r.decimal()? },
                    cite: Cited(cite),
                }
            }
            BASE => {
                let cite = Cited(r.byte()?);
                let [total, deducted, base] = r.decimals()?;
                Step::Base {
                    total,
                    deducted,
                    base,
                    cite,
                }
            }
            _ => return read_amount(tag, r),
        })
    }
}

/// A step of the amount (flat, rate, rounding, hardship) after its tag.
fn read_amount(tag: u8, r: &mut Reader<'_>) -> Option<Step> {
    Some(match tag {
        FLAT => {
            let [category, parameter, cite] = r.array()?;
            Step::Flat {
                category: *Category::ALL.get(usize::from(category))?,
                parameter: PARAMETERS.get(usize::from(parameter))?,
                cite: Cited(cite),
                amount: r.decimal()?,
            }
        }
        RATE => {
            let [parameter, cite, bounded] = r.array()?;
            let [base, rate] = r.decimals()?;
            let up_to = if bounded == 1 {
                Some(r.decimal()?)
            } else {
                None
            };
            let parameter = PARAMETERS.get(usize::from(parameter))?;
            Step::Rate {
                base,
                up_to,
                rate,
                parameter,
                cite: Cited(cite),
            }
        }
        ROUNDED => {
            let [mode, cite] = r.array()?;
            let scale = u32::from_le_bytes(r.array()?);
            let [base, rate, exact, amount] = r.decimals()?;
            let (mode, cite) = (mode_of(mode)?, Cited(cite));
            Step::Rounded {
                base,
                rate,
                exact,
                amount,
                mode,
                scale,
                cite,
            }
        }
        HARDSHIP => {
            let outcome = outcome_of(r.byte()?)?;
            let [before, granted] = r.decimals()?;
            Step::Hardship {
                outcome,
                before,
                granted,
            }
        }
        _ => return None,
    })
}

struct Writer<'a>(&'a mut Vec<u8>);

impl Writer<'_> {
    fn byte(&mut self, b: u8) {
        self.0.push(b);
    }

    fn bytes(&mut self, b: &[u8]) {
        self.0.extend_from_slice(b);
    }

    /// Scale and sign in a byte, then the digits (the mantissa's magnitude), 7 bits a byte, low first.
    fn decimal(&mut self, d: Decimal) {
        let sign = if d.is_sign_negative() { 0x80 } else { 0 };
        // A scale is at most 28.
        self.byte(u8::try_from(d.scale()).unwrap_or(0x7f) | sign);
        let mut digits = d.mantissa().unsigned_abs();
        while digits >= 0x80 {
            self.byte(u8::try_from(digits & 0x7f).unwrap_or(0) | 0x80);
            digits >>= 7;
        }
        self.byte(u8::try_from(digits).unwrap_or(0));
    }

    fn decimals(&mut self, ds: &[Decimal]) {
        for d in ds {
            self.decimal(*d);
        }
    }

    fn month(&mut self, m: YearMonth) {
        self.bytes(&m.year().to_le_bytes());
        // A month is 1–12.
        self.byte(u8::try_from(m.month()).unwrap_or(0));
    }
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let [b] = self.array()?;
        Some(b)
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (head, rest) = self.0.split_first_chunk::<N>()?;
        self.0 = rest;
        Some(*head)
    }

    fn decimal(&mut self) -> Option<Decimal> {
        let head = self.byte()?;
        let mut digits: u128 = 0;
        let mut shift = 0u32;
        loop {
            let b = self.byte()?;
            digits |= u128::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                break;
            }
            shift = shift.checked_add(7).filter(|s| *s < 98)?;
        }
        let mantissa = i128::try_from(digits).ok()?;
        let mut d = Decimal::try_from_i128_with_scale(mantissa, u32::from(head & 0x7f)).ok()?;
        // The sign as written, a negative zero included.
        d.set_sign_negative(head & 0x80 != 0);
        Some(d)
    }

    fn decimals<const N: usize>(&mut self) -> Option<[Decimal; N]> {
        let mut out = [Decimal::ZERO; N];
        for d in &mut out {
            *d = self.decimal()?;
        }
        Some(out)
    }

    fn month(&mut self) -> Option<YearMonth> {
        let year = i32::from_le_bytes(self.array()?);
        YearMonth::new(year, u32::from(self.byte()?)).ok()
    }
}

/// `value`'s place in `all` (every list here is shorter than 255 and holds every value written).
fn place<T: PartialEq>(all: &[T], value: T) -> u8 {
    let at = all.iter().position(|v| *v == value);
    at.and_then(|i| u8::try_from(i).ok()).unwrap_or(u8::MAX)
}

// The crate's own enums by an exhaustive match each way, so a new variant cannot go unwritten.

/// The value of `all` whose code is `b`: each enum's reading is its writing's inverse, found by one search.
fn of_code<T: Copy, const N: usize>(all: [T; N], code: fn(T) -> u8, b: u8) -> Option<T> {
    all.into_iter().find(|v| code(*v) == b)
}

fn fixed_code(f: Fixed) -> u8 {
    match f {
        Fixed::MonthOfChange => 0,
        Fixed::Periodic => 1,
        Fixed::Annual => 2,
    }
}

fn fixed_of(b: u8) -> Option<Fixed> {
    of_code(
        [Fixed::MonthOfChange, Fixed::Periodic, Fixed::Annual],
        fixed_code,
        b,
    )
}

fn treatment_code(t: Treatment) -> u8 {
    match t {
        Treatment::Counted => 0,
        Treatment::Deducted => 1,
        Treatment::Excluded => 2,
    }
}

fn treatment_of(b: u8) -> Option<Treatment> {
    of_code(
        [Treatment::Counted, Treatment::Deducted, Treatment::Excluded],
        treatment_code,
        b,
    )
}

fn mode_code(m: RoundingMode) -> u8 {
    match m {
        RoundingMode::HalfUp => 0,
        RoundingMode::HalfEven => 1,
        RoundingMode::Down => 2,
        RoundingMode::Up => 3,
    }
}

fn mode_of(b: u8) -> Option<RoundingMode> {
    let modes = [
        RoundingMode::HalfUp,
        RoundingMode::HalfEven,
        RoundingMode::Down,
        RoundingMode::Up,
    ];
    of_code(modes, mode_code, b)
}

fn outcome_code(o: HardshipOutcome) -> u8 {
    match o {
        HardshipOutcome::Waived => 0,
        HardshipOutcome::Reduced => 1,
    }
}

fn outcome_of(b: u8) -> Option<HardshipOutcome> {
    of_code(
        [HardshipOutcome::Waived, HardshipOutcome::Reduced],
        outcome_code,
        b,
    )
}
