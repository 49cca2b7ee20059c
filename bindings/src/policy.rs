//! The dated policy (`dangjian::Policy`) as an immutable object.

use std::sync::Arc;

use crate::error::{guarded, Result};

/// The dated parameters every rule reads: the bundled official defaults, a whole document, or the defaults
/// with a local override laid on top (a province's farmer figure, a unit's rounding). Immutable: an
/// override gives a new `Policy`.
///
/// ```kotlin
/// val policy = Policy.bundled().withOverridesJson(provinceJson)
/// val a = assessDues(policy, member, "2026-11", true)
/// ```
#[derive(Debug, uniffi::Object)]
pub struct Policy {
    pub(crate) inner: dangjian::Policy,
}

#[uniffi::export]
impl Policy {
    /// The official defaults (the 2008 Rules and the 2017 Notice). Never fails.
    ///
    /// ```kotlin
    /// val policy = Policy.bundled()
    /// ```
    #[uniffi::constructor]
    pub fn bundled() -> Arc<Self> {
        Arc::new(Self {
            inner: dangjian::Policy::bundled(),
        })
    }

    /// Reads and validates a whole policy document (`schema_version` 1; the format [`Policy::to_json`]
    /// writes).
    ///
    /// Errors: `DangjianException.Policy` — `INVALID_POLICY_JSON` (unreadable, unknown or missing field;
    /// `field` is its path), `UNSUPPORTED_SCHEMA_VERSION`, `INVALID_PERIOD`, `OVERLAPPING_PERIODS` and the
    /// value checks (`ROUNDING_SCALE_OUT_OF_RANGE` …), each naming the path (`dues.rounding[0].value.scale`).
    ///
    /// ```kotlin
    /// val policy = Policy.fromJson(File("policy.json").readText())
    /// ```
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Self>> {
        guarded(|| {
            Ok(Arc::new(Self {
                inner: dangjian::Policy::from_json(&json)?,
            }))
        })
    }

    /// This policy with a local override laid on top: a policy document listing only the parameters it
    /// changes. Where periods overlap the override holds; the earlier entry is cut back around it.
    ///
    /// Errors: as [`Policy::from_json`], with paths naming the override's fields
    /// (`DangjianException.Policy`, e.g. `OVERLAPPING_PERIODS` at `dues.farmer_monthly[1].effective_from`).
    ///
    /// ```kotlin
    /// val province = Policy.bundled().withOverridesJson("""{"schema_version":1,"dues":{"farmer_monthly":[
    ///   {"effective_from":"2024-01-01","citation":{"regulation":"某省党费收缴办法","article":"第五条"},
    ///    "value":{"monthly":"1.0","min":"0.2","max":"1.0"}}]}}""")
    /// ```
    pub fn with_overrides_json(&self, json: String) -> Result<Arc<Policy>> {
        guarded(|| {
            Ok(Arc::new(Self {
                inner: self.inner.with_overrides_json(&json)?,
            }))
        })
    }

    /// The policy as a JSON document (decimals and dates as strings); [`Policy::from_json`] reads it back
    /// unchanged. Never fails.
    ///
    /// ```kotlin
    /// File("policy.json").writeText(Policy.bundled().toJson())
    /// ```
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }
}
