//! `dangjian`: the rules core (stub while the engine is written).
#![forbid(unsafe_code)]

/// The crate version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
