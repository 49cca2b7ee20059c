//! # dangjian — the rules core of 智慧党建 apps
//!
//! 党费、党员发展、学习积分、党务公开的规则核心：按日期选用当时有效的规定，每个结果都给出依据的条款。
//!
//! The rules core that party-building apps embed: the same answer on the phone, on the web and on the
//! server, each with the article of the regulation that produced it.
//!
//! - [`dues`]: party dues (党费) — assessment, ledger, six-month line, branch summary.
//! - [`credits`]: learning credits (学习积分) and member points (党员积分制) — dated schemes, incremental scoring.
//! - [`disclosure`]: party-affairs disclosure (党务公开) — workflow, notices, visibility, redaction, audit chain.
//! - [`membership`]: organizations, the development pipeline, probation, discipline, lapse, transfers, 三会一课.
//! - [`calendar`]: the official working-day calendar (holidays and make-up working days).
//! - [`policy`]: dated parameters with citations; bundled defaults; JSON overrides.
//! - [`explain`]: citations, trace steps and findings; [`error`]: coded errors; [`codes`]: the registry of every code.
//! - [`surface`]: how the public types cross to TypeScript (feature `wasm`) and to Kotlin, Swift and Python
//!   (feature `uniffi`), declared once.
//! - [`rules_digest`]: the regulation digest every "RULES §n" in the code refers to.
//!
//! Principles: pure (no I/O, no clock — "today" is a parameter), money as [`rust_decimal::Decimal`], dates as
//! [`chrono::NaiveDate`], nothing panics.
//!
//! ```
//! use dangjian::{dues, Policy};
//! let m: dues::DuesMember = serde_json::from_str(r#"{"member_id":"M1","category":"employed",
//!   "incomes":[{"items":[{"code":"net_base","amount":"11500"}]}]}"#).unwrap();
//! let a = dues::assess(&Policy::bundled(), &m, "2026-01".parse().unwrap(), Default::default()).unwrap();
//! assert_eq!(a.amount.to_string(), "230.00"); // 11500 × 2%, the whole base
//! ```
// `forbid` would refuse the `allow(unsafe_code)` that wasm-bindgen's generated glue (tsify's custom sections)
// and UniFFI's scaffolding carry; with feature `wasm` or `uniffi` the workspace's `deny` still holds for every
// line written here.
#![cfg_attr(not(any(feature = "wasm", feature = "uniffi")), forbid(unsafe_code))]

// Feature `uniffi`: the public types' own UniFFI component (namespace `dangjian_types`), which the bindings
// crate's component (namespace `dangjian`) uses as external types; see [`surface`].
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("dangjian_types");

pub mod calendar;
pub mod china_time;
pub mod codes;
pub mod credits;
pub mod dated;
pub mod disclosure;
pub mod dues;
pub mod error;
pub mod explain;
mod fx;
// Ids held end to end and an 8-byte-slot index over them: the ground floor's, shared by the credits scorer
// (event and member ids) and the dues JSON batch (ids seen).
mod id_arena;
mod id_table;
pub mod membership;
pub mod money;
pub mod month;
pub mod policy;
pub mod surface;
pub mod text;

pub use calendar::{Answer, Calendar, CalendarYear, DayInfo, DayKind};
pub use error::{Error, ErrorDetail, Result};
pub use explain::{Citation, Finding, Severity, TraceStep};
pub use month::YearMonth;
pub use policy::{Dated, Policy};

/// The calendar day every dated rule takes (re-exported so a Rust user needs no second dependency).
pub use chrono::NaiveDate;
/// The exact decimal every amount of money is (re-exported so a Rust user needs no second dependency).
pub use rust_decimal::Decimal;

// The README's Rust quick start is compiled and run as a doctest, so it cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

/// The crate version.
///
/// ```
/// assert!(!dangjian::VERSION.is_empty());
/// ```
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The regulation digest the code cites as "RULES §n" (`core/RULES.md`): the facts and numbers of each rule area
/// with their sources, §n being the section headed `n.` below.
#[doc = include_str!("../RULES.md")]
pub mod rules_digest {}
