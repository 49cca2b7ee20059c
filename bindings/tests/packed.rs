//! `LeI64s`: its wire form is exactly `Vec<u8>`'s, so the foreign side reads it with its bulk bytes converter.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use dangjian_ffi::dues::packed::LeI64s;
use uniffi::{FfiConverter, Lower, RustBuffer};

type Tag = dangjian_ffi::UniFfiTag;

#[test]
fn the_wire_form_is_that_of_vec_u8() {
    let values = vec![0, 1, -1, 1_500, i64::MAX, i64::MIN];
    let bytes = LeI64s(values.clone()).to_le_bytes();
    assert_eq!(bytes.len(), 48);
    let ours = <LeI64s as FfiConverter<Tag>>::lower(LeI64s(values.clone())).destroy_into_vec();
    let theirs = <Vec<u8> as Lower<Tag>>::lower(bytes).destroy_into_vec();
    assert_eq!(ours, theirs);
    let back = <LeI64s as FfiConverter<Tag>>::try_lift(RustBuffer::from_vec(ours)).unwrap();
    assert_eq!(back, LeI64s(values));
}

#[test]
fn an_empty_column_and_malformed_forms() {
    let empty = <LeI64s as FfiConverter<Tag>>::lower(LeI64s::default()).destroy_into_vec();
    assert_eq!(empty, vec![0, 0, 0, 0]);
    let lift = |v: Vec<u8>| <LeI64s as FfiConverter<Tag>>::try_lift(RustBuffer::from_vec(v));
    assert_eq!(lift(empty).unwrap(), LeI64s::default());
    // A count of 7 bytes (not a whole i64), a count beyond the bytes, no count, bytes left over.
    assert!(lift(vec![0, 0, 0, 7, 1, 2, 3, 4, 5, 6, 7]).is_err());
    assert!(lift(vec![0, 0, 0, 16, 1, 2, 3, 4, 5, 6, 7, 8]).is_err());
    assert!(lift(vec![0, 0]).is_err());
    assert!(lift(vec![0, 0, 0, 0, 9]).is_err());
}
