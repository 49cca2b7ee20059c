//! Organizations: structure, terms, elections (helper B fills this in).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::context::Context;
use crate::disclosure::OrgTree;
use crate::Result;

/// Details of one organization beyond the tree.
///
/// ```
/// let d: dangjian::membership::OrgDetails = serde_json::from_str(r#"{"org":"B1"}"#).unwrap();
/// assert_eq!(d.org, "B1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgDetails {
    /// The organization's id in the tree.
    pub org: String,
}

/// The organizations and their details.
///
/// ```
/// let d: dangjian::membership::OrgDocument = serde_json::from_str(r#"{"orgs":[{"id":"B1","kind":"branch"}]}"#).unwrap();
/// assert!(d.details.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgDocument {
    /// The tree.
    pub orgs: OrgTree,
    /// Details.
    #[serde(default)]
    pub details: Vec<OrgDetails>,
}

/// The report.
///
/// ```
/// assert!(dangjian::membership::OrgReport::default().findings.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OrgReport {
    /// Findings.
    pub findings: Vec<crate::Finding>,
}

/// Checks the organizations on `on`.
///
/// ```
/// let d: dangjian::membership::OrgDocument = serde_json::from_str(r#"{"orgs":[{"id":"B1","kind":"branch"}]}"#).unwrap();
/// let (p, c) = (dangjian::Policy::bundled(), dangjian::Calendar::official());
/// let ctx = dangjian::membership::Context::new(&p, &c, &[]).unwrap();
/// assert!(dangjian::membership::check_orgs(&ctx, &d, "2026-01-01".parse().unwrap()).is_ok());
/// ```
pub fn check_orgs(_ctx: &Context, _doc: &OrgDocument, _on: NaiveDate) -> Result<OrgReport> {
    Ok(OrgReport::default())
}
