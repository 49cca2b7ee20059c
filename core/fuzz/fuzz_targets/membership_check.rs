//! A member batch (array or document with meetings and ledgers) checked on a day; one record alone too.
#![no_main]
use dangjian::{membership, Calendar, Policy};
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let parts = common::parts(data);
    let doc = common::part(&parts, 0, "");
    let on = common::part(&parts, 1, "2026-11-20");
    let (p, c) = (Policy::bundled(), Calendar::official());
    let _ = membership::check_members_json(&p, &c, doc, on);
    let _ = membership::check_member_json(&p, &c, doc, on);
    let _ = membership::rights_json(&p, doc, on);
    let _ = membership::check_orgs_json(&p, doc, on);
});
