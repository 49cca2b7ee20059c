//! The criterion group the dues benches time their batches in: ten samples of five seconds after one of warm-up
//! (a batch takes tens of milliseconds to a second), reported in elements (members) per second.

use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput};

/// A group named `name` for batches of `elements` members.
pub fn batch_group<'c>(
    c: &'c mut Criterion,
    name: &str,
    elements: usize,
) -> BenchmarkGroup<'c, WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Elements(elements as u64));
    group
}
