//! The organization tree: just enough of it (id, parent, kind) to resolve disclosure scopes and the
//! authority to approve (条例 第二条, 第十五条). The membership rules will extend it.
#![deny(clippy::arithmetic_side_effects)]

use std::collections::BTreeSet;

use crate::fx::FxMap;

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// The level of a party organization; the approval authority in policy is written per kind.
///
/// ```
/// use dangjian::disclosure::OrgKind;
/// assert_eq!(serde_json::to_string(&OrgKind::GeneralBranch).unwrap(), "\"general_branch\"");
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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
/// Built once, indexed: ids are interned (each organization has a dense index, its position in id order), parents
/// and children are held by index, and each organization's subtree is an interval of a depth-first numbering
/// (an Euler tour), so "is A within B" is two comparisons and "the ancestors of A" walks A's depth only.
///
/// ```
/// use dangjian::disclosure::{Org, OrgKind, OrgTree};
/// let org = |id: &str, parent: Option<&str>, kind| Org { id: id.into(), parent: parent.map(Into::into), kind };
/// let t = OrgTree::new(vec![org("C", None, OrgKind::Committee), org("B", Some("C"), OrgKind::Branch)]).unwrap();
/// assert!(t.is_within("B", "C"));
/// assert!(!t.is_within("C", "B"));
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(try_from = "Vec<Org>", into = "Vec<Org>")]
pub struct OrgTree {
    /// The organizations in id order; an organization's index is its position here.
    orgs: Vec<Org>,
    /// id → index.
    index: FxMap<String, u32>,
    /// The parent's index; `NONE` for a root.
    parent: Vec<u32>,
    /// Depth-first numbering: `enter[i]` is the organization's own number, `leave[i]` one past its subtree's last.
    enter: Vec<u32>,
    leave: Vec<u32>,
    /// The organizations in depth-first order (children by id): a subtree is `dfs[enter[i]..leave[i]]`.
    dfs: Vec<u32>,
}

/// No parent.
const NONE: u32 = u32::MAX;

/// Two trees are equal when they hold the same organizations (the index is derived from them).
impl PartialEq for OrgTree {
    fn eq(&self, other: &Self) -> bool {
        self.orgs == other.orgs
    }
}

impl Eq for OrgTree {}

impl TryFrom<Vec<Org>> for OrgTree {
    type Error = Error;
    fn try_from(orgs: Vec<Org>) -> Result<Self> {
        Self::new(orgs)
    }
}

impl From<OrgTree> for Vec<Org> {
    fn from(t: OrgTree) -> Self {
        t.orgs
    }
}

fn to_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(NONE)
}

fn at(v: &[u32], i: usize) -> usize {
    v.get(i).map_or(usize::MAX, |&x| x as usize)
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
        let mut seen: FxMap<&str, usize> = FxMap::default();
        seen.reserve(orgs.len());
        for (i, o) in orgs.iter().enumerate() {
            if o.id.trim().is_empty() {
                return Err(Error::input(
                    "EMPTY_ID",
                    format!("[{i}].id"),
                    "组织编号为空",
                    "the organization id is empty",
                ));
            }
            if seen.insert(o.id.as_str(), i).is_some() {
                return Err(Error::input(
                    "DUPLICATE_ORG",
                    format!("[{i}].id"),
                    format!("组织编号重复：{}", o.id),
                    format!("organization {} is listed twice", o.id),
                ));
            }
        }
        // Parents by input position; an unknown parent ends a chain as a root would (it is reported on its own entry).
        let up: Vec<Option<usize>> = orgs
            .iter()
            .map(|o| o.parent.as_deref().and_then(|p| seen.get(p).copied()))
            .collect();
        let cyclic = on_or_above_cycle(&up);
        for (i, o) in orgs.iter().enumerate() {
            if let Some(p) = &o.parent {
                if !seen.contains_key(p.as_str()) {
                    return Err(unknown_org(p, &format!("[{i}].parent")));
                }
            }
            if cyclic.get(i).copied().unwrap_or(false) {
                return Err(Error::input(
                    "ORG_CYCLE",
                    format!("[{i}].parent"),
                    format!("组织 {} 的上级关系成环", o.id),
                    format!("the parents of {} form a cycle", o.id),
                ));
            }
        }
        drop(seen);
        Ok(Self::indexed(orgs))
    }

    /// The index of a validated list: sorted by id, parents by index, the depth-first numbering.
    fn indexed(mut orgs: Vec<Org>) -> Self {
        orgs.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        let index: FxMap<String, u32> = orgs
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.clone(), to_u32(i)))
            .collect();
        let parent: Vec<u32> = orgs
            .iter()
            .map(|o| {
                o.parent
                    .as_deref()
                    .and_then(|p| index.get(p).copied())
                    .unwrap_or(NONE)
            })
            .collect();
        // Children in id order, as one array sliced by offsets (counting sort by parent).
        let n = orgs.len();
        // Counts and offsets never exceed n (ids fit u32, see to_u32), so the saturating forms below only
        // state that no input can make them wrap.
        let mut start = vec![0u32; n.saturating_add(1)];
        for &p in &parent {
            if let Some(s) = start.get_mut((p as usize).saturating_add(1)) {
                *s = s.saturating_add(1);
            }
        }
        for i in 0..n {
            let prev = at(&start, i) as u32;
            if let Some(s) = start.get_mut(i.saturating_add(1)) {
                *s = s.saturating_add(prev);
            }
        }
        let mut fill = start.clone();
        let mut children = vec![0u32; n];
        for (i, &p) in parent.iter().enumerate() {
            if let Some(f) = fill.get_mut(p as usize) {
                if let Some(c) = children.get_mut(*f as usize) {
                    *c = to_u32(i);
                }
                *f = f.saturating_add(1);
            }
        }
        let (mut enter, mut leave, mut dfs) = (vec![0u32; n], vec![0u32; n], Vec::with_capacity(n));
        // Iterative depth-first walk from each root (in id order): (node, next child offset).
        let mut stack: Vec<(u32, u32)> = Vec::new();
        for root in (0..n).filter(|&i| at(&parent, i) == NONE as usize) {
            stack.push((to_u32(root), at(&start, root) as u32));
            if let Some(e) = enter.get_mut(root) {
                *e = to_u32(dfs.len());
            }
            dfs.push(to_u32(root));
            while let Some(top) = stack.last_mut() {
                let (node, next) = *top;
                if next < at(&start, (node as usize).saturating_add(1)) as u32 {
                    top.1 = top.1.saturating_add(1);
                    let child = at(&children, next as usize);
                    if let Some(e) = enter.get_mut(child) {
                        *e = to_u32(dfs.len());
                    }
                    dfs.push(to_u32(child));
                    stack.push((to_u32(child), at(&start, child) as u32));
                } else {
                    if let Some(l) = leave.get_mut(node as usize) {
                        *l = to_u32(dfs.len());
                    }
                    stack.pop();
                }
            }
        }
        Self {
            orgs,
            index,
            parent,
            enter,
            leave,
            dfs,
        }
    }

    /// The organization with `id`.
    ///
    /// ```
    /// let t = dangjian::disclosure::OrgTree::default();
    /// assert!(t.get("C").is_none());
    /// ```
    pub fn get(&self, id: &str) -> Option<&Org> {
        self.index_of(id).and_then(|i| self.orgs.get(i))
    }

    /// The organization with `id`, or `UNKNOWN_ORG` at `field`.
    ///
    /// ```
    /// let t = dangjian::disclosure::OrgTree::default();
    /// assert_eq!(t.require("C", "org").unwrap_err().code(), "UNKNOWN_ORG");
    /// ```
    pub fn require(&self, id: &str, field: &str) -> Result<&Org> {
        self.get(id).ok_or_else(|| unknown_org(id, field))
    }

    /// The parent's id.
    ///
    /// ```
    /// assert!(dangjian::disclosure::OrgTree::default().parent("B").is_none());
    /// ```
    pub fn parent(&self, id: &str) -> Option<&str> {
        self.get(id).and_then(|o| o.parent.as_deref())
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
        let mut at = self.index_of(id).and_then(|i| self.parent_index(i));
        while let Some(p) = at {
            if let Some(o) = self.orgs.get(p) {
                out.push(o.id.as_str());
            }
            at = self.parent_index(p);
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
        if id == root {
            return true;
        }
        match (self.index_of(id), self.index_of(root)) {
            (Some(i), Some(r)) => self.is_within_index(i, r),
            _ => false,
        }
    }

    /// The ids of every organization, sorted.
    ///
    /// ```
    /// assert!(dangjian::disclosure::OrgTree::default().ids().is_empty());
    /// ```
    pub fn ids(&self) -> BTreeSet<&str> {
        self.orgs.iter().map(|o| o.id.as_str()).collect()
    }

    /// The number of organizations.
    ///
    /// ```
    /// assert_eq!(dangjian::disclosure::OrgTree::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.orgs.len()
    }

    /// Whether the tree has no organization.
    ///
    /// ```
    /// assert!(dangjian::disclosure::OrgTree::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.orgs.is_empty()
    }

    /// The organizations in id order: the organization at index `i` is the `i`-th.
    ///
    /// ```
    /// let t: dangjian::disclosure::OrgTree = serde_json::from_str(r#"[{"id":"C2","kind":"committee"},
    ///   {"id":"C1","kind":"committee"}]"#).unwrap();
    /// assert_eq!(t.orgs().iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["C1", "C2"]);
    /// ```
    pub fn orgs(&self) -> &[Org] {
        &self.orgs
    }

    /// The index of `id` (its position in id order), in constant time.
    ///
    /// ```
    /// let t: dangjian::disclosure::OrgTree = serde_json::from_str(r#"[{"id":"C","kind":"committee"}]"#).unwrap();
    /// assert_eq!((t.index_of("C"), t.index_of("X")), (Some(0), None));
    /// ```
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.index.get(id).map(|&i| i as usize)
    }

    /// The organization at index `i`.
    ///
    /// ```
    /// let t: dangjian::disclosure::OrgTree = serde_json::from_str(r#"[{"id":"C","kind":"committee"}]"#).unwrap();
    /// assert_eq!(t.at(0).unwrap().id, "C");
    /// ```
    pub fn at(&self, i: usize) -> Option<&Org> {
        self.orgs.get(i)
    }

    /// The parent's index of the organization at index `i`.
    ///
    /// ```
    /// let t: dangjian::disclosure::OrgTree = serde_json::from_str(r#"[{"id":"C","kind":"committee"},
    ///   {"id":"B","parent":"C","kind":"branch"}]"#).unwrap();
    /// assert_eq!(t.parent_index(t.index_of("B").unwrap()), t.index_of("C"));
    /// ```
    pub fn parent_index(&self, i: usize) -> Option<usize> {
        self.parent
            .get(i)
            .filter(|&&p| p != NONE)
            .map(|&p| p as usize)
    }

    /// Whether the organization at index `i` is the one at `root` or one of its descendants: two comparisons.
    ///
    /// ```
    /// let t: dangjian::disclosure::OrgTree = serde_json::from_str(r#"[{"id":"C","kind":"committee"},
    ///   {"id":"B","parent":"C","kind":"branch"}]"#).unwrap();
    /// let (b, c) = (t.index_of("B").unwrap(), t.index_of("C").unwrap());
    /// assert!(t.is_within_index(b, c) && !t.is_within_index(c, b));
    /// ```
    pub fn is_within_index(&self, i: usize, root: usize) -> bool {
        match (
            self.enter.get(i),
            self.enter.get(root),
            self.leave.get(root),
        ) {
            (Some(&e), Some(&lo), Some(&hi)) => lo <= e && e < hi,
            _ => false,
        }
    }

    /// The depth-first position of the organization at index `i`: the subtree of `root` is the positions
    /// `subtree(root)`, so members sorted by their organization's position fall into one run per subtree.
    ///
    /// ```
    /// let t: dangjian::disclosure::OrgTree = serde_json::from_str(r#"[{"id":"C","kind":"committee"},
    ///   {"id":"B","parent":"C","kind":"branch"}]"#).unwrap();
    /// let (b, c) = (t.index_of("B").unwrap(), t.index_of("C").unwrap());
    /// assert!(t.subtree(c).contains(&t.position(b).unwrap()));
    /// ```
    pub fn position(&self, i: usize) -> Option<usize> {
        self.enter.get(i).map(|&e| e as usize)
    }

    /// The depth-first positions of the subtree of the organization at index `root` (itself included); empty
    /// for an index out of range.
    ///
    /// ```
    /// let t: dangjian::disclosure::OrgTree = serde_json::from_str(r#"[{"id":"C","kind":"committee"},
    ///   {"id":"B","parent":"C","kind":"branch"}]"#).unwrap();
    /// assert_eq!(t.subtree(t.index_of("C").unwrap()), 0..2);
    /// ```
    pub fn subtree(&self, root: usize) -> std::ops::Range<usize> {
        match (self.enter.get(root), self.leave.get(root)) {
            (Some(&lo), Some(&hi)) => lo as usize..hi as usize,
            _ => 0..0,
        }
    }

    /// The index of the organization at depth-first position `p`.
    ///
    /// ```
    /// let t: dangjian::disclosure::OrgTree = serde_json::from_str(r#"[{"id":"C","kind":"committee"}]"#).unwrap();
    /// assert_eq!(t.at_position(0), Some(0));
    /// ```
    pub fn at_position(&self, p: usize) -> Option<usize> {
        self.dfs.get(p).map(|&i| i as usize)
    }
}

/// For parent links by position (`None`: a root, or a parent that is not listed), whether each entry's chain of
/// parents never ends — it is on a cycle or leads into one. Each entry is walked once.
fn on_or_above_cycle(up: &[Option<usize>]) -> Vec<bool> {
    // 0: not seen, 1: on the current walk, 2: ends, 3: never ends.
    let mut state = vec![0u8; up.len()];
    let mut walk = Vec::new();
    for start in 0..up.len() {
        let mut at = Some(start);
        let verdict = loop {
            let Some(i) = at else { break 2 };
            match state.get(i).copied().unwrap_or(2) {
                0 => {
                    if let Some(s) = state.get_mut(i) {
                        *s = 1;
                    }
                    walk.push(i);
                    at = up.get(i).copied().flatten();
                }
                1 => break 3,
                done => break done,
            }
        };
        for i in walk.drain(..) {
            if let Some(s) = state.get_mut(i) {
                *s = verdict;
            }
        }
    }
    state.into_iter().map(|s| s == 3).collect()
}

pub(crate) fn unknown_org(id: &str, field: &str) -> Error {
    Error::input(
        "UNKNOWN_ORG",
        field,
        format!("未知的组织：{id}"),
        format!("unknown organization {id}"),
    )
}

#[cfg(test)]
#[path = "org_tests.rs"]
mod tests;
