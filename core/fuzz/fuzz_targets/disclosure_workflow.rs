//! The disclosure workflow: create an item in a context, apply an action to it with an audit log.
#![no_main]
use dangjian::{disclosure, Policy};
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let parts = common::parts(data);
    let ctx = common::part(&parts, 0, "");
    let new = common::part(&parts, 1, "");
    let actor = common::part(&parts, 2, "P1");
    let at = common::part(&parts, 3, "2026-03-02T09:00:00+08:00");
    let action = common::part(&parts, 4, "");
    let log = common::part(&parts, 5, r#"{"schema_version":1,"entries":[]}"#);
    if let Ok(out) = disclosure::create_json(ctx, new, actor, at) {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&out) {
            let item = v["item"].to_string();
            let _ = disclosure::apply_json(&Policy::bundled(), ctx, &item, action, log);
        }
    }
    let _ = disclosure::apply_json(&Policy::bundled(), ctx, new, action, log);
});
