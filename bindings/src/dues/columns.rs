//! The columnar dues entry (`dangjian::dues::MonthRules`): a month's rules resolved once, then a whole column
//! of bases in fen in and a column of amounts in fen out, with no record per member crossing the boundary.
//!
//! Three forms of the same call, because they cost very differently on each side of UniFFI (0.32), which moves
//! a `Vec<T>` element by element on both sides:
//! - [`MonthRules::amounts_fen`] takes and returns a `Vec<i64>` (Kotlin `List<Long>`, Python `list[int]`,
//!   Swift `[Int64]`): one conversion per element. About the speed of a plain `BigDecimal` loop on the JVM
//!   (`tests/bench/dues.sh kotlin`), and far the slowest form in Python, where each element is packed by
//!   interpreted code.
//! - [`MonthRules::amounts_fen_packed`] takes and returns the same column as packed little-endian `i64` bytes
//!   (`Vec<u8>`: Kotlin `ByteArray`, Python `bytes`, Swift `Data`): one bulk copy on the foreign side, eight
//!   byte conversions per row on the Rust side on the way in. The form for Python (`tests/bench/dues.sh
//!   python`: about 8× a plain `decimal` loop, the list form a fifth of it) and for columns already held as
//!   bytes (numpy, Arrow).
//! - [`MonthRules::amounts_fen_buffer`] is the packed form with the bases borrowed in place (`&[u8]`: a
//!   direct `ByteBuffer` on the JVM, `bytes` in Python), nothing converted per row on the way in: the JVM's
//!   fast form.
//!
//! Both packed forms return the amounts as [`LeI64s`], written into UniFFI's buffer in one pass and read by
//! the foreign side's bulk bytes converter (a plain `Vec<u8>` is lowered byte by byte).

use std::sync::Arc;

use dangjian::dues::{self as core, Category};
use dangjian::month::parse_month;

use super::packed::LeI64s;
use crate::error::{guarded, Result};
use crate::policy::Policy;

/// One refused base of a column: its row, its code (`NEGATIVE_AMOUNT`, `AMOUNT_TOO_LARGE`), the field
/// (`bases[7]`) and the messages. The other rows are computed; this row's amount is 0.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DuesColumnError {
    /// The row (0-based).
    pub index: u32,
    /// Stable code: `NEGATIVE_AMOUNT` or `AMOUNT_TOO_LARGE`.
    pub code: String,
    /// The row as a path: `bases[7]`.
    pub field: String,
    /// Message in Chinese.
    pub message_zh: String,
    /// Message in English.
    pub message_en: String,
}

/// The amounts of a column of bases, row for row (`amounts_fen[i]` is the amount of `bases_fen[i]`, in fen;
/// 0 where the row was refused), and the refused rows in order.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DuesAmounts {
    /// One amount in fen per base.
    pub amounts_fen: Vec<i64>,
    /// The refused rows, by rising index.
    pub errors: Vec<DuesColumnError>,
}

/// [`DuesAmounts`] with the amounts packed: 8 little-endian bytes (`i64`) per row.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DuesAmountsPacked {
    /// One little-endian `i64` amount in fen per base (Kotlin `ByteArray`, Python `bytes`, Swift `Data`):
    /// 8 × the rows bytes.
    pub amounts_le: LeI64s,
    /// The refused rows, by rising index.
    pub errors: Vec<DuesColumnError>,
}

/// The dues rules in force in one month (brackets, rounding, flat figures), resolved once for a column of
/// bases: `dangjian::dues::MonthRules`. Each amount equals what `assessDues` gives a member of that category
/// with that base (2008 Rules Arts. 2–6: the bracket's rate on the whole base, the policy's rounding; the
/// flat amounts), computed exactly in integer fen.
///
/// ```kotlin
/// val rules = MonthRules.bundled("2026-11")
/// val out = rules.amountsFen(Category.EMPLOYED, listOf(300_000L, 540_000L, -5L))
/// // out.amountsFen == [1500, 8100, 0]: 3000.00 × 0.5% = 15.00, 5400.00 × 1.5% = 81.00, refused
/// // out.errors[0]: index 2, NEGATIVE_AMOUNT at bases[2]
/// ```
#[derive(Debug, uniffi::Object)]
pub struct MonthRules {
    inner: core::MonthRules,
}

#[uniffi::export]
impl MonthRules {
    /// The rules of `policy` in force in `month` (`YYYY-MM`).
    ///
    /// Errors: `DangjianException.InvalidInput` `INVALID_MONTH` at `month`; `DangjianException.Policy`
    /// `NO_POLICY_IN_FORCE` (a month before the 2008 Rules), `EMPTY_BRACKETS`, `RATE_OUT_OF_RANGE`.
    ///
    /// ```kotlin
    /// val rules = MonthRules.resolve(Policy.bundled().withOverridesJson(provinceJson), "2026-11")
    /// ```
    #[uniffi::constructor]
    pub fn resolve(policy: &Policy, month: String) -> Result<Arc<Self>> {
        guarded(|| {
            let month = parse_month(&month, "month")?;
            Ok(Arc::new(Self {
                inner: core::MonthRules::resolve(&policy.inner, month)?,
            }))
        })
    }

    /// The bundled policy's rules in force in `month` (`YYYY-MM`); errors as [`MonthRules::resolve`].
    ///
    /// ```kotlin
    /// val rules = MonthRules.bundled("2026-11")
    /// ```
    #[uniffi::constructor]
    pub fn bundled(month: String) -> Result<Arc<Self>> {
        guarded(|| {
            let month = parse_month(&month, "month")?;
            Ok(Arc::new(Self {
                inner: core::MonthRules::resolve(&dangjian::Policy::bundled(), month)?,
            }))
        })
    }

    /// The month these rules were resolved for, `YYYY-MM`.
    ///
    /// ```kotlin
    /// check(MonthRules.bundled("2026-11").month() == "2026-11")
    /// ```
    pub fn month(&self) -> String {
        self.inner.month().to_string()
    }

    /// One member's amount in fen from a base in fen.
    ///
    /// Errors: `DangjianException.InvalidInput` `NEGATIVE_AMOUNT` / `AMOUNT_TOO_LARGE` (above one trillion
    /// yuan) at `base`.
    ///
    /// ```kotlin
    /// check(MonthRules.bundled("2026-11").amountFen(Category.RETIRED, 500_001L) == 5_000L) // 5000.01 × 1%
    /// ```
    pub fn amount_fen(&self, category: Category, base_fen: i64) -> Result<i64> {
        guarded(|| Ok(self.inner.amount_fen(category, base_fen)?))
    }

    /// The amounts of a column of bases of one category, row for row. A refused base (`NEGATIVE_AMOUNT`,
    /// `AMOUNT_TOO_LARGE`) is an entry of `errors` at `bases[i]` and 0 in its slot; the others are computed.
    ///
    /// Each element crosses one by one: convenient, slow in Python (there use
    /// [`MonthRules::amounts_fen_packed`]); on the JVM [`MonthRules::amounts_fen_buffer`] is faster.
    ///
    /// ```python
    /// out = dangjian.MonthRules.bundled("2026-11").amounts_fen(dangjian.Category.EMPLOYED, [300_000, 300_001])
    /// assert out.amounts_fen == [1500, 3000]  # 3000.00 × 0.5%; 3000.01 × 1% = 30.0001 → 30.00
    /// ```
    pub fn amounts_fen(&self, category: Category, bases_fen: Vec<i64>) -> Result<DuesAmounts> {
        guarded(|| {
            let mut amounts_fen = Vec::new();
            let errors = self
                .inner
                .amounts_fen(category, &bases_fen, &mut amounts_fen);
            Ok(DuesAmounts {
                amounts_fen,
                errors: column_errors(errors),
            })
        })
    }

    /// [`MonthRules::amounts_fen`] over a packed column: `bases_le` is 8 little-endian bytes (`i64`) per base
    /// and `amounts_le` the same per amount. Kotlin: a `ByteBuffer` in `ByteOrder.LITTLE_ENDIAN` and its
    /// `asLongBuffer()`; Python: `array('q', bases).tobytes()` or numpy's `.astype('<i8').tobytes()` in, and
    /// `numpy.frombuffer(out.amounts_le, '<i8')` (no copy) or `array('q', out.amounts_le)` out (native order
    /// is little-endian on every platform the bindings ship for).
    ///
    /// The bases cross as an owned `Vec<u8>`, which UniFFI 0.32 copies into Rust byte by byte:
    /// [`MonthRules::amounts_fen_buffer`] is the same call with the bases borrowed in place.
    ///
    /// Errors: `DangjianException.InvalidInput` `INVALID_AMOUNT` at `bases_le` when its length is not a
    /// multiple of 8. Refused bases are entries of `errors`, as in [`MonthRules::amounts_fen`].
    ///
    /// ```python
    /// from array import array
    /// out = rules.amounts_fen_packed(dangjian.Category.RETIRED, array("q", [500_000, -1]).tobytes())
    /// assert list(array("q", out.amounts_le)) == [2500, 0] and out.errors[0].code == "NEGATIVE_AMOUNT"
    /// ```
    pub fn amounts_fen_packed(
        &self,
        category: Category,
        bases_le: Vec<u8>,
    ) -> Result<DuesAmountsPacked> {
        guarded(|| Ok(self.packed(category, &bases_le)?))
    }

    /// [`MonthRules::amounts_fen_packed`] with the bases borrowed where they lie, not copied: Kotlin passes a
    /// direct `java.nio.ByteBuffer` (`ByteBuffer.allocateDirect`, its bytes from position 0 to the limit),
    /// Python a `bytes` object (numpy's `.tobytes()`, pyarrow's `buffer.to_pybytes()`), Swift `Data`. The
    /// amounts come back packed as in `amounts_fen_packed`. The JVM's fast form: no element and no byte
    /// converted one by one on the way in (`tests/bench/dues.sh kotlin`).
    ///
    /// Errors as [`MonthRules::amounts_fen_packed`]; Kotlin throws `IllegalArgumentException` for a heap
    /// (non-direct) buffer.
    ///
    /// ```kotlin
    /// val bases = ByteBuffer.allocateDirect(8 * 2).order(ByteOrder.LITTLE_ENDIAN)
    /// bases.asLongBuffer().put(longArrayOf(300_000L, 300_001L))
    /// val out = MonthRules.bundled("2026-11").amountsFenBuffer(Category.EMPLOYED, bases)
    /// val amounts = LongArray(2)
    /// ByteBuffer.wrap(out.amountsLe).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(amounts)
    /// // amounts == [1500, 3000]: 3000.00 × 0.5%; 3000.01 × 1% = 30.0001 → 30.00
    /// ```
    pub fn amounts_fen_buffer(
        &self,
        category: Category,
        bases_le: &[u8],
    ) -> Result<DuesAmountsPacked> {
        guarded(|| Ok(self.packed(category, bases_le)?))
    }
}

impl MonthRules {
    /// The packed forms' one body: unpack, compute, pack.
    fn packed(
        &self,
        category: Category,
        bases_le: &[u8],
    ) -> std::result::Result<DuesAmountsPacked, dangjian::Error> {
        let bases = unpack(bases_le)?;
        let mut amounts = Vec::new();
        let errors = self.inner.amounts_fen(category, &bases, &mut amounts);
        Ok(DuesAmountsPacked {
            amounts_le: LeI64s(amounts),
            errors: column_errors(errors),
        })
    }
}

/// Little-endian `i64`s from their bytes; a length that is not a whole number of them is `INVALID_AMOUNT`,
/// and so is a column whose amounts could not cross back (more bytes than UniFFI's `i32` length prefix holds).
fn unpack(bytes: &[u8]) -> std::result::Result<Vec<i64>, dangjian::Error> {
    if i32::try_from(bytes.len()).is_err() {
        return Err(dangjian::Error::input(
            "INVALID_AMOUNT",
            "bases_le",
            format!(
                "字节数 {} 超过单次调用上限（2^31 − 1 字节），请分批",
                bytes.len()
            ),
            format!(
                "{} bytes is more than one call can return (2^31 − 1 bytes): split the column",
                bytes.len()
            ),
        ));
    }
    LeI64s::from_le_bytes(bytes).map(|c| c.0).ok_or_else(|| {
        dangjian::Error::input(
            "INVALID_AMOUNT",
            "bases_le",
            format!("字节数 {} 不是 8 的整数倍（每个基数 8 字节）", bytes.len()),
            format!(
                "{} bytes is not a whole number of 8-byte bases",
                bytes.len()
            ),
        )
    })
}

/// The core's refused rows as records; the index saturates (a column of 4 billion rows does not fit in memory
/// as bytes on any platform the bindings ship for).
fn column_errors(errors: Vec<(usize, dangjian::Error)>) -> Vec<DuesColumnError> {
    errors
        .into_iter()
        .map(|(i, e)| {
            let d = e.detail().clone();
            DuesColumnError {
                index: u32::try_from(i).unwrap_or(u32::MAX),
                code: d.code,
                field: d.field,
                message_zh: d.message_zh,
                message_en: d.message_en,
            }
        })
        .collect()
}
