//! An audit event's time read from its text: the form the library writes (`2026-03-02T09:00:00+08:00`, 25
//! bytes) digit by digit, every other form by chrono's own reader — the same instant either way. chrono's
//! general reader was a tenth of verifying a JSON Lines log (issue 19: ≥ 1 million entries/s).
#![deny(clippy::arithmetic_side_effects)]

use chrono::{FixedOffset, TimeZone};
use serde::Deserializer;

use super::super::item::Timestamp;
use crate::month::{iso_date, number};

/// The serde reader of [`super::AuditEvent::at`]: chrono's own visitor's words and errors, the text read where
/// it lies (no copy).
pub(super) fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
    struct Visit;
    impl serde::de::Visitor<'_> for Visit {
        type Value = Timestamp;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an RFC 3339 formatted date and time string")
        }
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Timestamp, E> {
            match written(text) {
                Some(t) => Ok(t),
                None => text.parse().map_err(E::custom),
            }
        }
    }
    d.deserialize_str(Visit)
}

/// `YYYY-MM-DDTHH:MM:SS±HH:MM` exactly, as a valid instant; `None` for anything else (then chrono decides,
/// including a leap second, a fraction, `Z` and the forms it also takes). The date is the ground floor's
/// [`iso_date`], the other fields its [`number`].
fn written(s: &str) -> Option<Timestamp> {
    let b = s.as_bytes();
    if b.len() != 25 {
        return None;
    }
    let punct = [(10, b'T'), (13, b':'), (16, b':'), (22, b':')];
    if punct.iter().any(|&(i, c)| b.get(i) != Some(&c)) {
        return None;
    }
    let sign: i32 = match b.get(19)? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let n = |from: usize, to: usize| number(b.get(from..to)?);
    let (hh, mm) = (n(20, 22)?, n(23, 25)?);
    if mm >= 60 {
        return None;
    }
    let seconds = i32::try_from(hh.checked_mul(3600)?.checked_add(mm.checked_mul(60)?)?).ok()?;
    let offset = FixedOffset::east_opt(sign.checked_mul(seconds)?)?;
    let date = iso_date(s.get(..10)?)?;
    let time = date.and_hms_opt(n(11, 13)?, n(14, 16)?, n(17, 19)?)?;
    offset.from_local_datetime(&time).single()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::arithmetic_side_effects)]
    use super::*;
    use proptest::prelude::*;

    fn chrono(s: &str) -> Option<Timestamp> {
        s.parse().ok()
    }

    #[test]
    fn the_written_form_is_chronos_instant_and_the_rest_goes_to_chrono() {
        for s in [
            "2026-03-02T09:00:00+08:00",
            "2024-02-29T23:59:59-05:30",
            "1999-12-31T00:00:00+00:00",
            "2026-03-02T09:00:00-00:00",
        ] {
            assert_eq!(written(s), chrono(s), "{s}");
            assert!(written(s).is_some(), "{s}");
        }
        // Not the written form: chrono answers (fraction, Z, leap second, a space, a day that does not exist).
        for s in [
            "2026-03-02T09:00:00.5+08:00",
            "2026-03-02T09:00:00Z",
            "2026-06-30T23:59:60+00:00",
            "2026-03-02 09:00:00+08:00",
            "2025-02-29T09:00:00+08:00",
            "2026-03-02T24:00:00+08:00",
            "2026-03-02T09:00:00+08:60",
            "2026-03-02T09:00:00+0800",
            "2026-03-0２T09:00:00+08:00",
        ] {
            assert_eq!(written(s), None, "{s}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn any_25_bytes_of_that_shape_read_as_chrono_reads_them(
            y in 0u32..10000, mo in 0u32..14, d in 0u32..33, h in 0u32..26, mi in 0u32..62, s in 0u32..62,
            plus in any::<bool>(), oh in 0u32..30, om in 0u32..62,
        ) {
            let text = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{}{oh:02}:{om:02}",
                if plus { '+' } else { '-' });
            if let Some(t) = written(&text) {
                prop_assert_eq!(Some(t), chrono(&text), "{}", text);
            } else {
                // Declined: chrono's own reader answers, so the only difference allowed is speed. A form it
                // refuses too is the usual case; one it takes must be one `written` leaves to it on purpose.
                if let Some(t) = chrono(&text) {
                    prop_assert!(s == 60, "{} read by chrono as {}", text, t);
                }
            }
        }
    }
}
