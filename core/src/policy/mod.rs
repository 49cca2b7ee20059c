//! Dated policy: every number a regulation fixes, with the period it is in force and its article.
//!
//! A [`Policy`] is a JSON document (`schema_version` 1) holding each engine's parameters as timelines
//! of [`Dated`] values. [`Policy::bundled`] ships the official defaults; a host loads its own
//! document with [`Policy::from_json`] or lays a local variant on top of the defaults with
//! [`Policy::with_overrides_json`] (a province's farmer figure, a unit's rounding). Errors name the
//! path of the field at fault (`dues.farmer_monthly[0].value.monthly`).
#![deny(clippy::arithmetic_side_effects)]

// The dated values are the ground floor every engine's parameters stand on (`crate::dated`); re-exported here, where
// hosts look for them beside the policy document.
pub use crate::dated::{in_force, Dated};

use serde::{Deserialize, Serialize};

use crate::disclosure::DisclosurePolicy;
use crate::dues::DuesPolicy;
use crate::membership::MembershipPolicy;
use crate::{Error, Result};

/// The current version of the policy document.
pub const POLICY_SCHEMA_VERSION: u32 = 1;

/// The policy document: every engine's dated parameters.
///
/// ```
/// use dangjian::Policy;
/// let p = Policy::bundled();
/// let json = p.to_json();
/// assert_eq!(Policy::from_json(&json).unwrap(), p); // lossless round trip
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Document version; currently 1.
    pub schema_version: u32,
    /// Party dues parameters.
    #[serde(default)]
    pub dues: DuesPolicy,
    /// Party-affairs disclosure parameters (time limits, approval authority, redaction, catalogue).
    #[serde(default)]
    pub disclosure: DisclosurePolicy,
    /// Membership parameters (development pipeline, organization, organizational life, discipline, mobility).
    #[serde(default)]
    pub membership: MembershipPolicy,
}

impl Default for Policy {
    fn default() -> Self {
        Self::bundled()
    }
}

impl Policy {
    /// The official defaults: the 2008 Rules and the 2017 Notice, with the UNCONFIRMED choices noted on
    /// their entries.
    ///
    /// ```
    /// assert!(dangjian::Policy::bundled().validate().is_ok());
    /// ```
    pub fn bundled() -> Self {
        Self {
            schema_version: POLICY_SCHEMA_VERSION,
            dues: crate::dues::bundled::dues(),
            disclosure: crate::disclosure::bundled::disclosure(),
            membership: crate::membership::bundled::membership(),
        }
    }

    /// Reads a whole policy document and validates it.
    ///
    /// ```
    /// let e = dangjian::Policy::from_json(r#"{"schema_version":1,"dues":{"rounding":[{"effective_from":"2020-01-01",
    ///   "citation":{"regulation":"r","article":"a"},"value":{"mode":"half_up","scale":5}}]}}"#).unwrap_err();
    /// assert_eq!(e.code(), "ROUNDING_SCALE_OUT_OF_RANGE");
    /// assert_eq!(e.detail().field, "dues.rounding[0].value.scale");
    /// ```
    pub fn from_json(json: &str) -> Result<Self> {
        let policy: Policy = crate::error::from_json(json, "INVALID_POLICY_JSON")
            .map_err(|e| Error::Policy(e.detail().clone()))?;
        policy.validate()?;
        Ok(policy)
    }

    /// The policy as JSON (decimals and dates as strings).
    ///
    /// ```
    /// assert!(dangjian::Policy::bundled().to_json().contains("\"schema_version\":1"));
    /// ```
    pub fn to_json(&self) -> String {
        // Cannot fail: every map key is a string and every value (decimals as strings, dates, enums)
        // serialises infallibly, so the empty default is unreachable.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Checks the version and every timeline.
    ///
    /// ```
    /// let mut p = dangjian::Policy::bundled();
    /// p.schema_version = 9;
    /// assert_eq!(p.validate().unwrap_err().code(), "UNSUPPORTED_SCHEMA_VERSION");
    /// ```
    pub fn validate(&self) -> Result<()> {
        if self.schema_version != POLICY_SCHEMA_VERSION {
            return Err(Error::policy(
                "UNSUPPORTED_SCHEMA_VERSION",
                "schema_version",
                format!("不支持的规定文档版本：{}", self.schema_version),
                format!("unsupported policy schema_version {}", self.schema_version),
            ));
        }
        self.dues.validate().map_err(|e| e.under("dues"))?;
        self.disclosure
            .validate()
            .map_err(|e| e.under("disclosure"))?;
        self.membership
            .validate()
            .map_err(|e| e.under("membership"))
    }

    /// This policy with a local override laid on top. The override is a policy document listing only the
    /// parameters it changes; its entries are validated on their own (paths name the override's fields),
    /// then laid over this policy's: where periods overlap, the override's value holds and the earlier entry
    /// is cut back to the days outside it. The result is again a valid document (it round-trips through
    /// [`Policy::to_json`] and [`Policy::from_json`]).
    ///
    /// ```
    /// use dangjian::Policy;
    /// let province = r#"{"schema_version":1,"dues":{"farmer_monthly":[{"effective_from":"2024-01-01",
    ///   "citation":{"regulation":"某省党费收缴办法","article":"第五条"},
    ///   "value":{"monthly":"1.0","min":"0.2","max":"1.0"}}]}}"#;
    /// let p = Policy::bundled().with_overrides_json(province).unwrap();
    /// assert_eq!(p.dues.farmer_monthly.last().unwrap().value.monthly.to_string(), "1.0");
    /// ```
    pub fn with_overrides_json(&self, json: &str) -> Result<Self> {
        let overrides = Self::from_json(json)?;
        let mut merged = self.clone();
        merged.dues.overlay(overrides.dues);
        merged.disclosure.overlay(overrides.disclosure);
        merged.membership.overlay(overrides.membership);
        Ok(merged)
    }
}
