//! Memory of a dues batch (issue 14, item 6: a 1M-member batch holds at most twice its input's size): the heap
//! the members take, the most the heap grows during `assess_batch` (its peak, the table of ids seen included),
//! and what the outcome holds after, for the realistic branch mix of the `dues` bench at 1 M members. Weighed
//! exactly by a counting allocator, so one run is the answer (no timing: the allocator's counting would show).
//!
//! Run with `cargo bench -p dangjian --bench dues_memory` (about ten seconds).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::cast_precision_loss
)]

use dangjian::dues::{self, AssessOptions};
use dangjian::{Policy, YearMonth};

mod common;
#[path = "support/counting.rs"]
mod counting;
#[path = "support/dues_population.rs"]
mod dues_population;

#[global_allocator]
static GLOBAL: counting::Counting = counting::Counting;

const MEMBERS: usize = 1_000_000;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn main() {
    let policy = Policy::bundled();
    let month: YearMonth = "2026-11".parse().unwrap();
    let before = counting::live();
    let members = dues_population::population(MEMBERS);
    let input = counting::live() - before;
    for trace in [false, true] {
        let base = counting::reset_peak();
        let out = dues::assess_batch(&policy, &members, month, AssessOptions { trace });
        let peak = counting::peak() - base;
        let held = counting::live() - base;
        assert!(out.errors.is_empty(), "{:?}", out.errors.first());
        let label = if trace { "traced" } else { "no trace" };
        println!(
            "dues_memory ({label}): input {:.1} MB ({:.0} B a member); the batch's peak {:.1} MB = {:.2}x the input; \
             the outcome holds {:.1} MB = {:.2}x ({:.0} B a member)",
            mb(input),
            input as f64 / MEMBERS as f64,
            mb(peak),
            peak as f64 / input as f64,
            mb(held),
            held as f64 / input as f64,
            held as f64 / MEMBERS as f64,
        );
        drop(out);
    }
}
