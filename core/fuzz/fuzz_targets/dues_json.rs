//! The dues JSON entry points: one member, a batch, a ledger. Any input: a coded error or an answer.
#![no_main]
use dangjian::{dues, Policy};
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let parts = common::parts(data);
    let doc = common::part(&parts, 0, "");
    let month = common::part(&parts, 1, "2026-11");
    let policy = Policy::bundled();
    let _ = dues::assess_json(&policy, doc, month, true);
    let _ = dues::assess_batch_json(&policy, doc, month, false);
    let _ = dues::evaluate_ledger_json(&policy, doc, common::part(&parts, 2, "2026-12-31"));
});
