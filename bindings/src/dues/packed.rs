//! A column of `i64` that crosses as packed little-endian bytes (Kotlin `ByteArray`, Python `bytes`, Swift
//! `Data`) in one bulk copy.
//!
//! Why a converter of its own: UniFFI 0.32 lowers a `Vec<u8>` as a sequence, one `u8` at a time (a push and a
//! capacity check per byte: 8 per amount), which made the packed column slower on the JVM than a `List<Long>`
//! (`tests/bench/dues.sh kotlin`). [`LeI64s`] writes the same wire form as `Vec<u8>` (an `i32` big-endian byte
//! count, then the bytes), so the foreign side reads it with its ordinary bulk bytes converter, but it builds
//! that form with one reservation and the amounts' little-endian bytes written straight into it.

use uniffi::{MetadataBuffer, RustBuffer};

/// The bytes of one `i64`.
const WIDTH: usize = 8;
/// The wire form's byte count: an `i32`, big-endian (UniFFI's length prefix of a byte sequence).
const COUNT: usize = 4;

/// A column of `i64` values, carried to the foreign side as their little-endian bytes (8 per value).
///
/// ```
/// use dangjian_ffi::dues::packed::LeI64s;
/// let column = LeI64s(vec![1_500, -1]);
/// assert_eq!(column.to_le_bytes(), [220, 5, 0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LeI64s(pub Vec<i64>);

impl LeI64s {
    /// The values as little-endian bytes, 8 per value: what the foreign side receives.
    ///
    /// ```
    /// assert_eq!(dangjian_ffi::dues::packed::LeI64s(vec![1]).to_le_bytes(), [1, 0, 0, 0, 0, 0, 0, 0]);
    /// ```
    pub fn to_le_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(self.0.len().saturating_mul(WIDTH));
        for v in &self.0 {
            bytes.extend_from_slice(&v.to_le_bytes());
        }
        bytes
    }

    /// The values of little-endian bytes; `None` when the length is not a whole number of values.
    ///
    /// ```
    /// use dangjian_ffi::dues::packed::LeI64s;
    /// assert_eq!(LeI64s::from_le_bytes(&[2, 0, 0, 0, 0, 0, 0, 0]), Some(LeI64s(vec![2])));
    /// assert_eq!(LeI64s::from_le_bytes(&[2, 0, 0]), None);
    /// ```
    pub fn from_le_bytes(bytes: &[u8]) -> Option<Self> {
        let chunks = bytes.chunks_exact(WIDTH);
        if !chunks.remainder().is_empty() {
            return None;
        }
        Some(Self(
            chunks
                .map(|c| {
                    let mut word = [0_u8; WIDTH];
                    word.copy_from_slice(c);
                    i64::from_le_bytes(word)
                })
                .collect(),
        ))
    }
}

// `unsafe impl` because UniFFI's converter traits are unsafe by contract (the FFI type and the metadata must
// match what the foreign side generates); nothing in it is an unsafe operation. The metadata is `Vec<u8>`'s,
// and the wire form below is exactly `Vec<u8>`'s, which the round-trip tests check.
#[allow(unsafe_code)]
unsafe impl uniffi::FfiConverter<crate::UniFfiTag> for LeI64s {
    type FfiType = RustBuffer;

    fn lower(obj: Self) -> RustBuffer {
        let mut buf = Vec::with_capacity(COUNT.saturating_add(obj.0.len().saturating_mul(WIDTH)));
        Self::write(obj, &mut buf);
        RustBuffer::from_vec(buf)
    }

    fn try_lift(buf: RustBuffer) -> uniffi::Result<Self> {
        let vec = buf.destroy_into_vec();
        let mut rest = vec.as_slice();
        let value = Self::try_read(&mut rest)?;
        if !rest.is_empty() {
            uniffi::deps::anyhow::bail!("{} bytes left after a packed column", rest.len());
        }
        Ok(value)
    }

    fn write(obj: Self, buf: &mut Vec<u8>) {
        // A column's bytes fit an i32: the packed entries refuse a larger input before computing
        // (`unpack` in columns.rs), and the amounts have as many bytes as the bases.
        let count = i32::try_from(obj.0.len().saturating_mul(WIDTH)).unwrap_or(i32::MAX);
        buf.extend_from_slice(&count.to_be_bytes());
        buf.reserve(obj.0.len().saturating_mul(WIDTH));
        for v in &obj.0 {
            buf.extend_from_slice(&v.to_le_bytes());
        }
    }

    fn try_read(buf: &mut &[u8]) -> uniffi::Result<Self> {
        let Some((count, rest)) = buf.split_first_chunk::<COUNT>() else {
            uniffi::deps::anyhow::bail!("a packed column without its byte count");
        };
        let count = usize::try_from(i32::from_be_bytes(*count))?;
        let Some((bytes, rest)) = rest.split_at_checked(count) else {
            uniffi::deps::anyhow::bail!("a packed column shorter than its byte count");
        };
        let Some(value) = Self::from_le_bytes(bytes) else {
            uniffi::deps::anyhow::bail!("{count} bytes is not a whole number of i64");
        };
        *buf = rest;
        Ok(value)
    }

    const TYPE_ID_META: MetadataBuffer =
        <Vec<u8> as uniffi::TypeId<crate::UniFfiTag>>::TYPE_ID_META;
}

uniffi::derive_ffi_traits!(local LeI64s);
