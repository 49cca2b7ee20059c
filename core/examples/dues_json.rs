//! The dues JSON batch readers on a generated batch, for measuring time and peak memory (`/usr/bin/time -v`):
//!
//! ```sh
//! cargo run --release -p dangjian --example dues_json -- gen 1000000 > members.json   # ≈ 260 MB
//! cargo run --release -p dangjian --example dues_json -- whole members.json   # assess_batch_from_json
//! cargo run --release -p dangjian --example dues_json -- stream members.json  # assess_batch_from_reader
//! ```
//!
//! Prints the members assessed, the errors, the total owed and the time taken (reading the file included): wall
//! time, and the time this thread spent on a core (Linux `schedstat`; on a shared machine wall time also counts
//! other processes' turns).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use dangjian::dues::{self, AssessOptions};
use dangjian::{Policy, YearMonth};
use rust_decimal::Decimal;

#[path = "../benches/support/dues_json.rs"]
mod gen;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mode, arg) = match args.as_slice() {
        [mode, arg] => (mode.as_str(), arg.as_str()),
        _ => {
            eprintln!("usage: dues_json gen N | whole FILE | stream FILE");
            std::process::exit(2);
        }
    };
    let policy = Policy::bundled();
    let month: YearMonth = "2026-11".parse().unwrap();
    let options = AssessOptions { trace: false };
    let start = std::time::Instant::now();
    let cpu_start = cpu_ns();
    let (mut members, mut errors, mut total) = (0_usize, 0_usize, Decimal::ZERO);
    match mode {
        "gen" => {
            print!("{}", gen::batch(arg.parse().expect("a member count")));
            return;
        }
        "whole" => {
            let json = std::fs::read_to_string(arg).unwrap();
            let out = dues::assess_batch_from_json(&policy, &json, month, options).unwrap();
            members = out.assessments.len();
            errors = out.errors.len();
            total = out.assessments.iter().map(|a| a.amount).sum();
        }
        "stream" => {
            let file = std::fs::File::open(arg).unwrap();
            dues::assess_batch_from_reader(&policy, file, month, options, |r| match r {
                Ok(a) => {
                    members += 1;
                    total += a.amount;
                }
                Err(_) => errors += 1,
            })
            .unwrap();
        }
        _ => panic!("unknown mode {mode}"),
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu = match (cpu_start, cpu_ns()) {
        (Some(a), Some(b)) => b.saturating_sub(a) as f64 / 1e9,
        _ => secs,
    };
    let count = (members + errors) as f64;
    println!(
        "{mode}: {members} assessed, {errors} errors, {total} yuan owed, {secs:.2} s ({:.2} M members/s), \
         {cpu:.2} s on its core ({:.2} M members/s)",
        count / secs / 1e6,
        count / cpu / 1e6
    );
}

/// The nanoseconds this thread has spent on a core (Linux), `None` elsewhere.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}
