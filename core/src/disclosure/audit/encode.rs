//! The canonical encodings the hashes and signatures are taken over, fixed byte for byte so every platform
//! computes the same digests: a version tag, then each field as `<byte length>:<bytes>\n` in a fixed order.
#![deny(clippy::arithmetic_side_effects)]

use sha2::{Digest, Sha256};

use super::AuditEntry;
use crate::disclosure::item::{Status, Timestamp};

/// The tag that starts an entry's encoding.
pub(super) const ENCODING_TAG: &str = "dangjian.disclosure.audit.v1";

/// Appends one length-prefixed field.
pub(super) fn field(buf: &mut Vec<u8>, bytes: &[u8]) {
    let mut digits = [0u8; 20];
    buf.extend_from_slice(decimal(bytes.len() as u64, &mut digits));
    buf.push(b':');
    buf.extend_from_slice(bytes);
    buf.push(b'\n');
}

/// `n` in decimal, written into `out` (20 digits hold any u64), without allocating.
pub(super) fn decimal(mut n: u64, out: &mut [u8; 20]) -> &[u8] {
    let mut at = out.len();
    loop {
        at = at.saturating_sub(1);
        if let Some(d) = out.get_mut(at) {
            *d = digit_char(n % 10);
        }
        n /= 10;
        if n == 0 || at == 0 {
            break;
        }
    }
    out.get(at..).unwrap_or_default()
}

/// Recomputes entry hashes with one reused buffer (the verifier's inner loop: no allocation per entry).
#[derive(Debug, Default)]
pub(super) struct EntryHasher {
    buf: Vec<u8>,
    time: String,
}

impl EntryHasher {
    /// The SHA-256 of the entry's canonical encoding, as 64 lower-case hex digits.
    pub(super) fn hash(&mut self, entry: &AuditEntry) -> [u8; 64] {
        self.hash_fields(&EntryFields::of(entry))
    }

    /// [`Self::hash`] of an entry's fields, wherever they are held (an entry line read in place).
    pub(super) fn hash_fields(&mut self, e: &EntryFields<'_>) -> [u8; 64] {
        self.buf.clear();
        self.time.clear();
        rfc3339(&mut self.time, e.at);
        let mut digits = [0u8; 20];
        let b = &mut self.buf;
        field(b, ENCODING_TAG.as_bytes());
        field(b, decimal(e.seq, &mut digits));
        field(b, e.prev_hash.as_bytes());
        field(b, e.item_id.as_bytes());
        field(b, e.action.as_bytes());
        field(b, e.actor.as_bytes());
        field(b, self.time.as_bytes());
        field(b, status_code(e.from).as_bytes());
        field(b, status_code(e.to).as_bytes());
        field(b, e.comment.as_bytes());
        field(b, decimal(u64::from(e.version), &mut digits));
        field(b, e.content_sha256.as_bytes());
        hex_array(&Sha256::digest(&self.buf))
    }
}

/// The fields of an entry that its hash covers, borrowed (from an [`AuditEntry`] or from a line's text).
pub(super) struct EntryFields<'a> {
    pub(super) seq: u64,
    pub(super) prev_hash: &'a str,
    pub(super) item_id: &'a str,
    pub(super) action: &'a str,
    pub(super) actor: &'a str,
    pub(super) at: &'a Timestamp,
    pub(super) from: Status,
    pub(super) to: Status,
    pub(super) comment: &'a str,
    pub(super) version: u32,
    pub(super) content_sha256: &'a str,
}

impl<'a> EntryFields<'a> {
    pub(super) fn of(entry: &'a AuditEntry) -> Self {
        let e = &entry.event;
        Self {
            seq: entry.seq,
            prev_hash: &entry.prev_hash,
            item_id: &e.item_id,
            action: &e.action,
            actor: &e.actor,
            at: &e.at,
            from: e.from,
            to: e.to,
            comment: &e.comment,
            version: e.version,
            content_sha256: &e.content_sha256,
        }
    }
}

/// Writes `at` exactly as chrono's `to_rfc3339_opts(SecondsFormat::AutoSi, false)` does, without its
/// allocation and general formatter (the verifier's hot path); years outside 0–9999, leap seconds and
/// offsets with seconds (which RFC 3339 cannot write; chrono rounds them) take chrono's own path.
fn rfc3339(out: &mut String, at: &chrono::DateTime<chrono::FixedOffset>) {
    use chrono::{Datelike, Timelike};
    let local = at.naive_local();
    let nanos = local.nanosecond();
    let offset = at.offset().local_minus_utc();
    if !(0..=9999).contains(&local.year()) || nanos >= 1_000_000_000 || offset % 60 != 0 {
        out.push_str(&at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false));
        return;
    }
    // Fixed-width digits by hand: `write!` costs as much as the SHA-256 of the entry.
    let (sign, abs) = if offset < 0 {
        (b'-', offset.saturating_neg())
    } else {
        (b'+', offset)
    };
    let abs = abs.unsigned_abs();
    let mut b = [0u8; 40];
    let mut len = 0;
    // The year is 0..=9999 here.
    for (n, width, sep) in [
        (local.year().unsigned_abs(), 4, b'-'),
        (local.month(), 2, b'-'),
        (local.day(), 2, b'T'),
        (local.hour(), 2, b':'),
        (local.minute(), 2, b':'),
    ] {
        put_digits(&mut b, &mut len, n, width);
        put(&mut b, &mut len, sep);
    }
    put_digits(&mut b, &mut len, local.second(), 2);
    let fraction = match nanos {
        0 => None,
        n if n % 1_000_000 == 0 => Some((n / 1_000_000, 3)),
        n if n % 1_000 == 0 => Some((n / 1_000, 6)),
        n => Some((n, 9)),
    };
    if let Some((n, width)) = fraction {
        put(&mut b, &mut len, b'.');
        put_digits(&mut b, &mut len, n, width);
    }
    put(&mut b, &mut len, sign);
    put_digits(&mut b, &mut len, abs / 3600, 2);
    put(&mut b, &mut len, b':');
    put_digits(&mut b, &mut len, abs / 60 % 60, 2);
    out.push_str(std::str::from_utf8(b.get(..len).unwrap_or_default()).unwrap_or_default());
}

/// The ASCII digit of `d` (0–9; anything above is written as `9`, which no caller passes).
fn digit_char(d: u64) -> u8 {
    DIGITS
        .get(usize::try_from(d.min(9)).unwrap_or(9))
        .copied()
        .unwrap_or(b'9')
}

fn put(b: &mut [u8], len: &mut usize, c: u8) {
    if let Some(slot) = b.get_mut(*len) {
        *slot = c;
    }
    *len = len.saturating_add(1);
}

/// `n` in exactly `width` decimal digits (leading zeros), as `{:0width$}` for an `n` that fits.
fn put_digits(b: &mut [u8], len: &mut usize, n: u32, width: u32) {
    for i in (0..width).rev() {
        let place = n.checked_div(10u32.saturating_pow(i)).unwrap_or(0);
        put(b, len, digit_char(u64::from(place % 10)));
    }
}

/// SHA-256 (hex) of an item's title and body, length-prefixed so `("ab","c")` and `("a","bc")` differ.
pub(crate) fn content_digest(title: &str, body: &str) -> String {
    // Only a capacity hint: saturating, as the real length is checked by the allocator anyway.
    let mut buf = Vec::with_capacity(title.len().saturating_add(body.len()).saturating_add(24));
    field(&mut buf, title.as_bytes());
    field(&mut buf, body.as_bytes());
    // The historical encoding has no newline after the body: kept so existing logs keep their hashes.
    buf.pop();
    let digest = Sha256::digest(&buf);
    hex(&digest)
}

const DIGITS: &[u8; 16] = b"0123456789abcdef";

/// 32 bytes as 64 lower-case hex digits.
pub(super) fn hex_array(bytes: &[u8]) -> [u8; 64] {
    let mut out = [b'0'; 64];
    for (pair, b) in out.chunks_exact_mut(2).zip(bytes) {
        if let [hi, lo] = pair {
            *hi = DIGITS.get(usize::from(b >> 4)).copied().unwrap_or(b'0');
            *lo = DIGITS.get(usize::from(b & 0x0f)).copied().unwrap_or(b'0');
        }
    }
    out
}

/// Bytes as lower-case hex.
pub(super) fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len().saturating_mul(2));
    for b in bytes {
        for nibble in [b >> 4, b & 0x0f] {
            s.push(char::from(
                DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0'),
            ));
        }
    }
    s
}

/// Lower-case or upper-case hex to bytes; `None` for an odd length or a non-hex digit.
pub(super) fn unhex(text: &str) -> Option<Vec<u8>> {
    let digit = |c: u8| {
        char::from(c)
            .to_digit(16)
            .and_then(|d| u8::try_from(d).ok())
    };
    let bytes = text.as_bytes();
    if bytes.len() % 2 != 0 {
        return None;
    }
    bytes
        .chunks_exact(2)
        .map(|p| match p {
            [hi, lo] => Some(digit(*hi)? << 4 | digit(*lo)?),
            _ => None,
        })
        .collect()
}

/// Whether `s` is 64 lower-case hex digits (a SHA-256 or SM3 digest as the log writes them).
pub(super) fn is_digest_hex(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn status_code(s: Status) -> &'static str {
    match s {
        Status::Draft => "draft",
        Status::Proposed => "proposed",
        Status::Reviewed => "reviewed",
        Status::Approved => "approved",
        Status::Published => "published",
        Status::Withdrawn => "withdrawn",
        Status::Archived => "archived",
    }
}

#[cfg(test)]
mod tests {
    // The property test rounds generated nanoseconds (below 2e9) by constant divisors: nothing can overflow.
    #![allow(clippy::unwrap_used, clippy::arithmetic_side_effects)]
    use super::*;

    #[test]
    fn decimal_writes_the_edges() {
        let mut d = [0u8; 20];
        assert_eq!(decimal(0, &mut d), b"0");
        assert_eq!(decimal(10, &mut d), b"10");
        assert_eq!(decimal(u64::MAX, &mut d), u64::MAX.to_string().as_bytes());
    }

    #[test]
    fn content_digest_matches_the_historical_encoding() {
        // "2:ab\n1:c" by hand: the title length-prefixed with its newline, the body without.
        let by_hand = hex(&Sha256::digest(b"2:ab\n1:c"));
        assert_eq!(content_digest("ab", "c"), by_hand);
        assert_ne!(content_digest("ab", "c"), content_digest("a", "bc"));
    }

    proptest::proptest! {
        /// The fast time encoding is chrono's, byte for byte (the hashes of existing logs depend on it).
        #[test]
        fn time_encoding_is_chronos(secs in -70_000_000_000i64..260_000_000_000, nanos in 0u32..2_000_000_000,
                                    offset in -86_399i32..86_400, round in 0u32..4) {
            let nanos = match round { 0 => 0, 1 => nanos / 1_000_000 * 1_000_000, 2 => nanos / 1_000 * 1_000, _ => nanos };
            let Some(utc) = chrono::DateTime::from_timestamp(secs, nanos) else { return Ok(()) };
            let Some(tz) = chrono::FixedOffset::east_opt(offset) else { return Ok(()) };
            let at = utc.with_timezone(&tz);
            let mut fast = String::new();
            rfc3339(&mut fast, &at);
            proptest::prop_assert_eq!(fast, at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false));
        }
    }

    #[test]
    fn hex_round_trips() {
        assert_eq!(unhex(&hex(&[0, 15, 255])).unwrap(), vec![0, 15, 255]);
        assert_eq!(unhex("abc"), None);
        assert_eq!(unhex("zz"), None);
        assert!(is_digest_hex(&"a".repeat(64)) && !is_digest_hex(&"A".repeat(64)));
    }
}
