//! Who may do what where: the organization tree and the workflow roles held at each organization
//! (条例 第十五条: the organization proposes, reviews and approves its own disclosure).
#![deny(clippy::arithmetic_side_effects)]

use serde::{Deserialize, Serialize};

use super::org::OrgTree;
use crate::{Error, Result};

/// A workflow role at one organization.
///
/// ```
/// use dangjian::disclosure::Role;
/// assert_eq!(serde_json::to_string(&Role::ConfidentialityReviewer).unwrap(), "\"confidentiality_reviewer\"");
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(rename = "DisclosureRole")
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", uniffi(name = "DisclosureRole"))]
#[non_exhaustive]
pub enum Role {
    /// Writes and proposes items (提出), publishes approved ones.
    Proposer,
    /// Reviews necessity and accuracy (审核), may extend the review time limit.
    Reviewer,
    /// Reviews for Party and state secrets (保密审查).
    ConfidentialityReviewer,
    /// Approves (审批), escalates, corrects, withdraws.
    Approver,
}

/// One person holding one role at one organization.
///
/// ```
/// let r: dangjian::disclosure::RoleAssignment = serde_json::from_str(r#"{"person":"P1","org":"B1","role":"approver"}"#).unwrap();
/// assert_eq!(r.role, dangjian::disclosure::Role::Approver);
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleAssignment {
    /// The person's id.
    pub person: String,
    /// The organization.
    pub org: String,
    /// The role.
    #[cfg_attr(feature = "wasm", tsify(type = "DisclosureRole"))]
    pub role: Role,
}

/// The organizations and the roles held in them: everything the workflow and visibility need to know
/// about the people, as one JSON document (`{"orgs":[…],"roles":[…]}`).
///
/// ```
/// use dangjian::disclosure::{DisclosureContext, Role};
/// let ctx = DisclosureContext::from_json(r#"{"orgs":[{"id":"B1","kind":"branch"}],"roles":[{"person":"P1","org":"B1","role":"proposer"}]}"#).unwrap();
/// assert!(ctx.has_role("P1", "B1", Role::Proposer));
/// assert!(!ctx.has_role("P1", "B1", Role::Approver));
/// ```
// Read through `ContextDoc` so a context embedded in a larger document (the CLI's board input, a host's
// own JSON) gets the same checks as `DisclosureContext::from_json`; only the error's path is less precise there.
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, try_from = "ContextDoc")]
pub struct DisclosureContext {
    /// The organization tree.
    #[cfg_attr(feature = "wasm", tsify(type = "Org[]"))]
    pub orgs: OrgTree,
    /// The roles.
    #[serde(default)]
    pub roles: Vec<RoleAssignment>,
}

impl DisclosureContext {
    /// Builds a context, checking that every role names a known organization (`UNKNOWN_ORG` at `roles[i].org`).
    ///
    /// ```
    /// use dangjian::disclosure::{DisclosureContext, OrgTree, Role, RoleAssignment};
    /// let r = RoleAssignment { person: "P".into(), org: "X".into(), role: Role::Reviewer };
    /// assert_eq!(DisclosureContext::new(OrgTree::default(), vec![r]).unwrap_err().detail().field, "roles[0].org");
    /// ```
    pub fn new(orgs: OrgTree, roles: Vec<RoleAssignment>) -> Result<Self> {
        let ctx = Self { orgs, roles };
        ctx.validate()?;
        Ok(ctx)
    }

    /// Reads a context document; errors name the field (`orgs[1].parent`, `roles[0].role`).
    ///
    /// ```
    /// let e = dangjian::disclosure::DisclosureContext::from_json(r#"{"orgs":[],"roles":[{"person":"P","org":"B","role":"boss"}]}"#).unwrap_err();
    /// assert_eq!((e.code(), e.detail().field.as_str()), ("INVALID_CONTEXT_JSON", "roles[0].role"));
    /// ```
    pub fn from_json(json: &str) -> Result<Self> {
        // Errors raised inside serde's `try_from` come out as text; reading the document as `ContextDoc`
        // first keeps their code and path (`orgs[1].parent`, `UNKNOWN_ORG`).
        let doc: ContextDoc = crate::error::from_json(json, "INVALID_CONTEXT_JSON")?;
        Self::try_from(doc)
    }

    fn validate(&self) -> Result<()> {
        for (i, r) in self.roles.iter().enumerate() {
            self.orgs.require(&r.org, &format!("roles[{i}].org"))?;
            if r.person.trim().is_empty() {
                return Err(Error::input(
                    "EMPTY_TEXT",
                    format!("roles[{i}].person"),
                    "不能为空",
                    "must not be empty",
                ));
            }
        }
        Ok(())
    }

    /// Whether `person` holds `role` at `org`.
    ///
    /// ```
    /// assert!(!dangjian::disclosure::DisclosureContext::default().has_role("P", "B", dangjian::disclosure::Role::Reviewer));
    /// ```
    pub fn has_role(&self, person: &str, org: &str, role: Role) -> bool {
        self.roles
            .iter()
            .any(|r| r.person == person && r.org == org && r.role == role)
    }

    /// Whether `person` holds any workflow role at `org` (a participant sees the org's unpublished items).
    ///
    /// ```
    /// assert!(!dangjian::disclosure::DisclosureContext::default().is_participant("P", "B"));
    /// ```
    pub fn is_participant(&self, person: &str, org: &str) -> bool {
        self.roles
            .iter()
            .any(|r| r.person == person && r.org == org)
    }
}

/// A context document as written, before its tree is built and its roles checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContextDoc {
    orgs: Vec<super::org::Org>,
    #[serde(default)]
    roles: Vec<RoleAssignment>,
}

impl TryFrom<ContextDoc> for DisclosureContext {
    type Error = Error;
    fn try_from(doc: ContextDoc) -> Result<Self> {
        let orgs = OrgTree::new(doc.orgs).map_err(|e| e.under("orgs"))?;
        DisclosureContext::new(orgs, doc.roles)
    }
}
