//! `apply`: a record, an event and a roster; the event is refused with a code or appended.
#![no_main]
use dangjian::{membership, Calendar, Policy};
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let parts = common::parts(data);
    let _ = membership::apply_event_json(
        &Policy::bundled(),
        &Calendar::official(),
        common::part(&parts, 0, ""),
        common::part(&parts, 1, ""),
        common::part(&parts, 2, "[]"),
    );
});
