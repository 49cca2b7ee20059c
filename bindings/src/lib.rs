//! `dangjian-ffi`: UniFFI bindings of the `dangjian` rules core for Kotlin (Android / JVM), Swift (iOS)
//! and Python.
//!
//! A thin layer: every export calls the core function of the same name. No rule lives here.
//!
//! Two UniFFI components come out of the one library: this crate's (namespace `dangjian`: the functions and
//! objects; Kotlin `cn.dangjian`, Python `dangjian`) and the core's own types (namespace `dangjian_types`,
//! the core's feature `uniffi`: the dues and credits records and enums, the citations, findings and trace
//! steps, the error, and the scalars — money as Kotlin `BigDecimal`, Swift `Foundation.Decimal`, Python
//! `decimal.Decimal`; Kotlin `cn.dangjian.types`, Python `dangjian_types`; Swift compiles both into one
//! module). They are declared once, in the core (`dangjian::surface`), and re-exported here.
//!
//! - [`error`]: [`DangjianError`], the core's [`dangjian::Error`] variant for variant, and the panic guard.
//! - [`policy`]: the [`Policy`] object; [`calendar`]: the [`Calendar`] object.
//! - [`codes`]: the code registry — `all_codes`, `describe_code`.
//! - [`dues`]: the dues records and the exports `assess_dues`, `assess_dues_batch`, `evaluate_dues_ledger`,
//!   `summarize_dues` (their JSON twins are in [`entry_points`]).
//! - [`credits`]: the [`CreditsScheme`] and [`CreditsScorer`] objects, the typed credits calls over the core's
//!   records (scorer, voids, offences, leaderboard, rating); the credits JSON entry points are in [`entry_points`].
//! - [`entry_points`]: the JSON-document entry points of dues, disclosure, the audit trail, membership (JSON
//!   Lines included) and credits, rendered from the core's tables (`dangjian::surface`).
//! - [`disclosure`]: the typed disclosure exports; [`audit`]: the typed audit trail (append at the head, SM2
//!   signatures) and the [`AuditTrail`] object.
//! - [`membership`]: the membership records (the core's, re-exported) and the typed exports `check_member`,
//!   `member_next_steps`, `check_members` (lapse, transfers), `apply_member_event`, `member_rights`,
//!   `check_orgs`, `life_compliance` (三会一课), `rate_review` (民主评议), `evaluate_election`, and the
//!   公民身份号码 check.
//!
//! Dates cross as `YYYY-MM-DD` strings and months as `YYYY-MM` strings, read with
//! [`dangjian::month::parse_date`] / [`dangjian::month::parse_month`]: a malformed one is `InvalidInput`
//! `INVALID_DATE` / `INVALID_MONTH` naming its field.

uniffi::setup_scaffolding!("dangjian");

pub mod audit;
pub mod calendar;
pub mod codes;
pub mod credits;
pub mod disclosure;
pub mod dues;
pub mod entry_points;
pub mod error;
pub mod membership;
pub mod policy;

pub use audit::AuditTrail;
pub use calendar::Calendar;
pub use credits::{CreditsScheme, CreditsScorer};
pub use dangjian::{Citation, Finding, Severity, TraceStep};
pub use error::DangjianError;
pub use policy::Policy;

/// The version of the `dangjian` core these bindings were built from, e.g. `0.1.0`.
///
/// ```kotlin
/// println("dangjian ${coreVersion()}")
/// ```
#[uniffi::export]
pub fn core_version() -> String {
    dangjian::VERSION.to_owned()
}

/// Panics on purpose inside the panic guard: exists so the surfaces can prove the guard (a panic is thrown
/// as `DangjianException.Internal` / `DangjianError.Internal` with code `INTERNAL`, and the next call works).
/// No input reaches a panic in the library; never call this outside a test.
///
/// ```kotlin
/// try { forcePanicForTests() } catch (e: DangjianException.Internal) { check(e.code == "INTERNAL") }
/// ```
#[uniffi::export]
pub fn force_panic_for_tests() -> error::Result<()> {
    #[allow(clippy::panic)] // the one deliberate panic: what the guard's tests catch
    error::guarded(|| panic!("forced by force_panic_for_tests"))
}
