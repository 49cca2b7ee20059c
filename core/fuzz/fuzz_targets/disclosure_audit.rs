//! Verifying an audit log document (malformed, tampered, truncated): a report or a coded error.
#![no_main]
use dangjian::disclosure;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = disclosure::verify_audit_json(&String::from_utf8_lossy(data));
});
