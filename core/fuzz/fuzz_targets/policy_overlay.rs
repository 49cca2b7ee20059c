//! A policy document read alone and laid over the bundled policy, then used for a farmer and a wage earner.
#![no_main]
use dangjian::{dues, Policy};
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

const MEMBERS: &str = r#"[{"member_id":"F","category":"farmer"},{"member_id":"S","category":"student"},
  {"member_id":"E","category":"employed","employer_type":"enterprise","incomes":[{"items":[{"code":"net_base","amount":"123456.78"}]}]},
  {"member_id":"R","category":"retired","incomes":[{"items":[{"code":"pension","amount":"5000"}]}]}]"#;

fuzz_target!(|data: &[u8]| {
    let parts = common::parts(data);
    let doc = common::part(&parts, 0, "");
    let _ = Policy::from_json(doc);
    if let Ok(p) = Policy::bundled().with_overrides_json(doc) {
        for month in ["2016-12", "2026-11", "2099-01"] {
            let _ = dues::assess_batch_json(&p, MEMBERS, month, true);
        }
        let _ = p.to_json();
    }
});
