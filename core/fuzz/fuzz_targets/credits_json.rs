//! A credits input document scored under a scheme document (or a preset), then ranked and rated.
#![no_main]
use dangjian::credits::{self, Scheme};
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let parts = common::parts(data);
    let input = common::part(&parts, 0, "");
    let scheme = Scheme::from_json(common::part(&parts, 1, "")).unwrap_or_else(|_| Scheme::member_points());
    if let Ok(out) = credits::score_json(&scheme, input, true) {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&out) {
            let totals = v["totals"].to_string();
            let _ = credits::leaderboard_json(&totals, r#"{"member_org":{}}"#, "year", "2026", "");
        }
    }
    let _ = credits::leaderboard_json(input, common::part(&parts, 2, "{}"), "week", "2026-W10", "B1");
    let _ = credits::rate_json(input, common::part(&parts, 2, "null"));
});
