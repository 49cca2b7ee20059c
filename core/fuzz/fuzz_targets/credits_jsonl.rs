//! Credits JSON Lines as raw bytes (bad UTF-8, long lines, any JSON), under both shipped schemes.
#![no_main]
use dangjian::credits::{score_jsonl_bytes, Scheme};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = score_jsonl_bytes(&Scheme::learning_platform(), data, true);
    let _ = score_jsonl_bytes(&Scheme::member_points(), data, false);
});
