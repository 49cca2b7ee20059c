//! `dues::summarize_json` over arbitrary reports and periods: sums never panic (ARITHMETIC_OVERFLOW instead).
#![no_main]
use dangjian::dues;
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let parts = common::parts(data);
    let reports = common::part(&parts, 0, "[]");
    let _ = dues::summarize_json(reports, common::part(&parts, 1, r#"{"year":2026}"#));
    let _ = dues::summarize_json(reports, r#"{"month":"2026-01"}"#);
});
