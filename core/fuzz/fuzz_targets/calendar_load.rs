//! Loading a calendar year, then counting and adding working days across it.
#![no_main]
use dangjian::Calendar;
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let parts = common::parts(data);
    let mut cal = Calendar::official();
    if cal.load_year_json(common::part(&parts, 0, "")).is_ok() {
        let _ = cal.load_year_json(common::part(&parts, 1, ""));
        for year in cal.official_years() {
            if let (Ok(a), Ok(b)) = (
                format!("{year}-01-01").parse(),
                format!("{year}-12-31").parse(),
            ) {
                let _ = cal.count_working_days(a, b);
                let _ = cal.add_working_days(a, 400);
            }
        }
    }
});
