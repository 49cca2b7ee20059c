//! The organization tree: just enough of it (id, parent, kind) to resolve disclosure scopes and the
//! authority to approve (条例 第二条, 第十五条). The membership rules will extend it.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// The level of a party organization; the approval authority in policy is written per kind.
///
/// ```
/// use dangjian::disclosure::OrgKind;
/// assert_eq!(serde_json::to_string(&OrgKind::GeneralBranch).unwrap(), "\"general_branch\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    /// A party committee (基层党委 and above, 党组).
    Committee,
    /// A general branch (党总支).
    GeneralBranch,
    /// A branch (党支部).
    Branch,
    /// A party group (党小组).
    Group,
}

/// One organization: its id, its parent (none for the root of the tree given) and its kind.
///
/// ```
/// let o: dangjian::disclosure::Org = serde_json::from_str(r#"{"id":"B1","parent":"C1","kind":"branch"}"#).unwrap();
/// assert_eq!(o.parent.as_deref(), Some("C1"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Org {
    /// Stable id.
    pub id: String,
    /// The superior organization; `None` for a root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Its level.
    pub kind: OrgKind,
}

/// A validated forest of organizations: unique ids, known parents, no cycles.
///
/// ```
/// use dangjian::disclosure::{Org, OrgKind, OrgTree};
/// let org = |id: &str, parent: Option<&str>, kind| Org { id: id.into(), parent: parent.map(Into::into), kind };
/// let t = OrgTree::new(vec![org("C", None, OrgKind::Committee), org("B", Some("C"), OrgKind::Branch)]).unwrap();
/// assert!(t.is_within("B", "C"));
/// assert!(!t.is_within("C", "B"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "Vec<Org>", into = "Vec<Org>")]
pub struct OrgTree {
    orgs: BTreeMap<String, Org>,
}

impl TryFrom<Vec<Org>> for OrgTree {
    type Error = Error;
    fn try_from(orgs: Vec<Org>) -> Result<Self> {
        Self::new(orgs)
    }
}

impl From<OrgTree> for Vec<Org> {
    fn from(t: OrgTree) -> Self {
        t.orgs.into_values().collect()
    }
}

impl OrgTree {
    /// Builds the tree. Rejected: an empty id (`EMPTY_ID`), a repeated id (`DUPLICATE_ORG`), a parent not in
    /// the list (`UNKNOWN_ORG`), a cycle (`ORG_CYCLE`); the field names the entry (`[2].parent`).
    ///
    /// ```
    /// use dangjian::disclosure::{Org, OrgKind, OrgTree};
    /// let e = OrgTree::new(vec![Org { id: "B".into(), parent: Some("X".into()), kind: OrgKind::Branch }]).unwrap_err();
    /// assert_eq!((e.code(), e.detail().field.as_str()), ("UNKNOWN_ORG", "[0].parent"));
    /// ```
    pub fn new(orgs: Vec<Org>) -> Result<Self> {
        let mut map = BTreeMap::new();
        for (i, o) in orgs.iter().enumerate() {
            if o.id.trim().is_empty() {
                return Err(Error::input(
                    "EMPTY_ID",
                    format!("[{i}].id"),
                    "组织编号为空",
                    "the organization id is empty",
                ));
            }
            if map.insert(o.id.clone(), o.clone()).is_some() {
                return Err(Error::input(
                    "DUPLICATE_ORG",
                    format!("[{i}].id"),
                    format!("组织编号重复：{}", o.id),
                    format!("organization {} is listed twice", o.id),
                ));
            }
        }
        let tree = Self { orgs: map };
        for (i, o) in orgs.iter().enumerate() {
            if let Some(p) = &o.parent {
                if !tree.orgs.contains_key(p) {
                    return Err(unknown_org(p, &format!("[{i}].parent")));
                }
            }
            // Walking up more steps than there are organizations means the walk went round a cycle.
            let mut steps = 0usize;
            let mut at = o.parent.as_deref();
            while let Some(p) = at {
                steps += 1;
                if p == o.id || steps > tree.orgs.len() {
                    return Err(Error::input(
                        "ORG_CYCLE",
                        format!("[{i}].parent"),
                        format!("组织 {} 的上级关系成环", o.id),
                        format!("the parents of {} form a cycle", o.id),
                    ));
                }
                at = tree.parent(p);
            }
        }
        Ok(tree)
    }

    /// The organization with `id`.
    ///
    /// ```
    /// let t = dangjian::disclosure::OrgTree::default();
    /// assert!(t.get("C").is_none());
    /// ```
    pub fn get(&self, id: &str) -> Option<&Org> {
        self.orgs.get(id)
    }

    /// The organization with `id`, or `UNKNOWN_ORG` at `field`.
    ///
    /// ```
    /// let t = dangjian::disclosure::OrgTree::default();
    /// assert_eq!(t.require("C", "org").unwrap_err().code(), "UNKNOWN_ORG");
    /// ```
    pub fn require(&self, id: &str, field: &str) -> Result<&Org> {
        self.orgs.get(id).ok_or_else(|| unknown_org(id, field))
    }

    /// The parent's id.
    ///
    /// ```
    /// assert!(dangjian::disclosure::OrgTree::default().parent("B").is_none());
    /// ```
    pub fn parent(&self, id: &str) -> Option<&str> {
        self.orgs.get(id).and_then(|o| o.parent.as_deref())
    }

    /// The superior organizations of `id`, nearest first (not `id` itself).
    ///
    /// ```
    /// use dangjian::disclosure::{Org, OrgKind, OrgTree};
    /// let t: OrgTree = serde_json::from_str(r#"[{"id":"C","kind":"committee"},{"id":"G","parent":"C","kind":"general_branch"},
    ///   {"id":"B","parent":"G","kind":"branch"}]"#).unwrap();
    /// assert_eq!(t.ancestors("B"), vec!["G", "C"]);
    /// ```
    pub fn ancestors(&self, id: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut at = self.parent(id);
        // The tree has no cycles (checked in `new`); the bound is a second guard.
        while let Some(p) = at {
            if out.len() > self.orgs.len() {
                break;
            }
            out.push(p);
            at = self.parent(p);
        }
        out
    }

    /// Whether `id` is `root` or one of its descendants.
    ///
    /// ```
    /// let t: dangjian::disclosure::OrgTree = serde_json::from_str(r#"[{"id":"C","kind":"committee"},
    ///   {"id":"B","parent":"C","kind":"branch"}]"#).unwrap();
    /// assert!(t.is_within("B", "C") && t.is_within("C", "C") && !t.is_within("C", "B"));
    /// ```
    pub fn is_within(&self, id: &str, root: &str) -> bool {
        id == root || self.ancestors(id).contains(&root)
    }

    /// The ids of every organization, sorted.
    ///
    /// ```
    /// assert!(dangjian::disclosure::OrgTree::default().ids().is_empty());
    /// ```
    pub fn ids(&self) -> BTreeSet<&str> {
        self.orgs.keys().map(String::as_str).collect()
    }
}

pub(crate) fn unknown_org(id: &str, field: &str) -> Error {
    Error::input(
        "UNKNOWN_ORG",
        field,
        format!("未知的组织：{id}"),
        format!("unknown organization {id}"),
    )
}
