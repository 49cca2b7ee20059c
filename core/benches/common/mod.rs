//! What the benchmarks share: a small deterministic generator, so that each run measures the same input
//! without an external RNG.

/// A 64-bit linear congruential generator (Knuth's MMIX constants); `next` gives the high 31 bits, the
/// better-distributed ones.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}
