//! Disclosure items (党务公开事项): what is disclosed, to whom (条例 第二条), under which catalogue category
//! (第十四条), through which channels, and every version and transition it went through.
#![deny(clippy::arithmetic_side_effects)]

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

pub use super::item_meta::{Attachment, CatalogueRef, Channel};
use super::org::OrgTree;
use crate::{Error, Result};

/// An instant with its UTC offset, written in RFC 3339 (`2026-02-12T09:30:00+08:00`).
///
/// Chosen over a naive date-time because an audit record must name one instant unambiguously wherever it is
/// read; the day that counts (working-day limits, visibility from the publication day) is the date in China
/// time (UTC+8), whatever offset the time was written in — as in the credits engine.
/// "Now" is always a parameter: the library never reads a clock.
pub type Timestamp = DateTime<FixedOffset>;

/// The current version of the disclosure item document.
pub const ITEM_SCHEMA_VERSION: u32 = 1;

/// The catalogue category (条例 第十四条 党务公开目录; the categories deployed portals use), or a local one.
///
/// ```
/// use dangjian::disclosure::DisclosureCategory;
/// assert_eq!(serde_json::to_string(&DisclosureCategory::Ideology).unwrap(), "\"ideology\"");
/// let c: DisclosureCategory = serde_json::from_str(r#"{"custom":"主题教育"}"#).unwrap();
/// assert_eq!(c, DisclosureCategory::Custom("主题教育".into()));
/// assert_eq!(DisclosureCategory::Integrity.label_zh(), "党风廉政建设");
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DisclosureCategory {
    /// 党组织决议决定及执行.
    Resolutions,
    /// 思想建设.
    Ideology,
    /// 组织管理 (including dues collection and use).
    Organization,
    /// 领导班子建设.
    Leadership,
    /// 干部选任和管理.
    Cadres,
    /// 联系服务党员群众.
    Service,
    /// 党风廉政建设.
    Integrity,
    /// 其他.
    Other,
    /// A local category, by its label.
    Custom(String),
}

impl DisclosureCategory {
    /// The Chinese label.
    ///
    /// ```
    /// assert_eq!(dangjian::disclosure::DisclosureCategory::Other.label_zh(), "其他");
    /// ```
    pub fn label_zh(&self) -> &str {
        match self {
            DisclosureCategory::Resolutions => "党组织决议决定及执行",
            DisclosureCategory::Ideology => "思想建设",
            DisclosureCategory::Organization => "组织管理",
            DisclosureCategory::Leadership => "领导班子建设",
            DisclosureCategory::Cadres => "干部选任和管理",
            DisclosureCategory::Service => "联系服务党员群众",
            DisclosureCategory::Integrity => "党风廉政建设",
            DisclosureCategory::Other => "其他",
            DisclosureCategory::Custom(label) => label,
        }
    }
}

/// To whom an item is disclosed (条例 第二条: within the Party — the whole Party or a defined range — or to society).
///
/// ```
/// use dangjian::disclosure::Scope;
/// let s: Scope = serde_json::from_str(r#"{"kind":"organizations","orgs":["B1"],"include_descendants":true}"#).unwrap();
/// assert!(matches!(s, Scope::Organizations { include_descendants: true, .. }));
/// let m: Scope = serde_json::from_str(r#"{"kind":"members","org":"B1"}"#).unwrap();
/// assert_eq!(m.kind(), dangjian::disclosure::ScopeKind::Members);
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Scope {
    /// To society: anyone.
    ToSociety,
    /// To the whole Party: every member in good standing.
    WholeParty,
    /// To the members of the listed organizations (and of their descendants when flagged).
    Organizations {
        /// The organizations.
        orgs: Vec<String>,
        /// Whether members of their descendant organizations are included.
        #[serde(default)]
        include_descendants: bool,
    },
    /// To the members of one organization.
    Members {
        /// The organization.
        org: String,
    },
}

/// The kind of a [`Scope`], without its organizations (what policy parameters speak of).
///
/// ```
/// use dangjian::disclosure::{Scope, ScopeKind};
/// assert_eq!(Scope::ToSociety.kind(), ScopeKind::ToSociety);
/// ```
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ScopeKind {
    /// [`Scope::ToSociety`].
    ToSociety,
    /// [`Scope::WholeParty`].
    WholeParty,
    /// [`Scope::Organizations`].
    Organizations,
    /// [`Scope::Members`].
    Members,
}

impl Scope {
    /// The scope's kind.
    ///
    /// ```
    /// use dangjian::disclosure::{Scope, ScopeKind};
    /// assert_eq!(Scope::WholeParty.kind(), ScopeKind::WholeParty);
    /// ```
    pub fn kind(&self) -> ScopeKind {
        match self {
            Scope::ToSociety => ScopeKind::ToSociety,
            Scope::WholeParty => ScopeKind::WholeParty,
            Scope::Organizations { .. } => ScopeKind::Organizations,
            Scope::Members { .. } => ScopeKind::Members,
        }
    }

    /// The organizations the scope names (empty for society and the whole Party).
    ///
    /// ```
    /// use dangjian::disclosure::Scope;
    /// assert_eq!(Scope::Members { org: "B1".into() }.orgs(), vec!["B1"]);
    /// ```
    pub fn orgs(&self) -> Vec<&str> {
        match self {
            Scope::ToSociety | Scope::WholeParty => Vec::new(),
            Scope::Organizations { orgs, .. } => orgs.iter().map(String::as_str).collect(),
            Scope::Members { org } => vec![org.as_str()],
        }
    }

    /// Checks that every organization named exists and a list is not empty (`EMPTY_SCOPE`, `UNKNOWN_ORG`).
    ///
    /// ```
    /// use dangjian::disclosure::{OrgTree, Scope};
    /// let e = Scope::Organizations { orgs: vec![], include_descendants: false }.check(&OrgTree::default(), "scope");
    /// assert_eq!(e.unwrap_err().code(), "EMPTY_SCOPE");
    /// ```
    pub fn check(&self, tree: &OrgTree, field: &str) -> Result<()> {
        match self {
            Scope::Organizations { orgs, .. } if orgs.is_empty() => Err(Error::input(
                "EMPTY_SCOPE",
                format!("{field}.orgs"),
                "公开范围未列出任何组织",
                "the scope lists no organization",
            )),
            Scope::Organizations { orgs, .. } => orgs
                .iter()
                .enumerate()
                .try_for_each(|(i, o)| tree.require(o, &format!("{field}.orgs[{i}]")).map(|_| ())),
            Scope::Members { org } => tree.require(org, &format!("{field}.org")).map(|_| ()),
            Scope::ToSociety | Scope::WholeParty => Ok(()),
        }
    }
}

/// What a proposer writes: the content, scope, time and method of an item (条例 第十五条 提出).
///
/// ```
/// let n: dangjian::disclosure::NewItem = serde_json::from_str(r#"{"id":"D1","org":"B1","title":"t","body":"b",
///   "category":"ideology","scope":{"kind":"whole_party"}}"#).unwrap();
/// assert!(n.channels.is_empty() && n.planned_on.is_none());
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewItem {
    /// Stable id.
    pub id: String,
    /// The organization disclosing.
    pub org: String,
    /// Title.
    pub title: String,
    /// Body text.
    pub body: String,
    /// Catalogue category.
    pub category: DisclosureCategory,
    /// To whom.
    pub scope: Scope,
    /// Through which channels.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub channels: Vec<Channel>,
    /// The planned publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub planned_on: Option<NaiveDate>,
    /// Attachments.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub attachments: Vec<Attachment>,
    /// The catalogue entry it fulfils, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub catalogue: Option<CatalogueRef>,
}

/// Where an item is in the procedure of 条例 第十五条.
///
/// ```
/// use dangjian::disclosure::Status;
/// assert_eq!(serde_json::to_string(&Status::Proposed).unwrap(), "\"proposed\"");
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(rename = "DisclosureStatus")
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", uniffi(name = "DisclosureStatus"))]
#[non_exhaustive]
pub enum Status {
    /// Being written.
    Draft,
    /// Proposed (提出), awaiting review.
    Proposed,
    /// Reviewed (审核), awaiting approval.
    Reviewed,
    /// Approved (审批), awaiting publication.
    Approved,
    /// Published (实施); a correction keeps this status and adds a version.
    Published,
    /// Withdrawn, with a reason and a date; kept for audit. From the withdrawal day the public no longer sees
    /// it (before that day it is shown as it was); inspectors see the withdrawal where the policy says so.
    Withdrawn,
    /// Archived: the end of the life cycle.
    Archived,
}

impl Status {
    /// The status as the workflow names it in Chinese (草稿, 已提出, 已审核, 已审批, 已公开, 已撤回, 已归档): one
    /// name for the core's messages and every surface that shows a status to a party worker.
    ///
    /// ```
    /// use dangjian::disclosure::Status;
    /// assert_eq!(Status::Reviewed.name_zh(), "已审核");
    /// assert_eq!(Status::Published.name_zh(), "已公开");
    /// ```
    pub fn name_zh(self) -> &'static str {
        match self {
            Status::Draft => "草稿",
            Status::Proposed => "已提出",
            Status::Reviewed => "已审核",
            Status::Approved => "已审批",
            Status::Published => "已公开",
            Status::Withdrawn => "已撤回",
            Status::Archived => "已归档",
        }
    }
}

/// One published version of the content; a correction adds one and keeps the old.
///
/// ```
/// let v: dangjian::disclosure::Version = serde_json::from_str(r#"{"number":1,"title":"t","body":"b",
///   "at":"2026-03-02T09:00:00+08:00","actor":"P1"}"#).unwrap();
/// assert_eq!(v.number, 1);
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(rename = "ItemVersion"))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", uniffi(name = "ItemVersion"))]
pub struct Version {
    /// 1 for the first publication, then 2, 3 … per correction.
    pub number: u32,
    /// Title of this version.
    pub title: String,
    /// Body of this version.
    pub body: String,
    /// When it was published.
    #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
    pub at: Timestamp,
    /// Who published it.
    pub actor: String,
    /// Why it was corrected (absent for the first version).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// One recorded transition: who, when, from which status to which, and the comment.
///
/// ```
/// let t: dangjian::disclosure::Transition = serde_json::from_str(r#"{"action":"propose","from":"draft","to":"proposed",
///   "actor":"P1","at":"2026-03-02T09:00:00+08:00"}"#).unwrap();
/// assert_eq!(t.comment, "");
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transition {
    /// The action's code (`propose`, `review`, `approve` …).
    pub action: String,
    /// Status before.
    #[cfg_attr(feature = "wasm", tsify(type = "DisclosureStatus"))]
    pub from: Status,
    /// Status after.
    #[cfg_attr(feature = "wasm", tsify(type = "DisclosureStatus"))]
    pub to: Status,
    /// Who acted.
    pub actor: String,
    /// When.
    #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
    pub at: Timestamp,
    /// The comment or reason.
    #[serde(default)]
    pub comment: String,
}

/// A disclosure item with its whole life: current content, status, versions and transitions.
///
/// Build one with [`super::create`]; move it on with [`super::apply`]. `title` and `body` are the current
/// content; `versions` keeps every published version.
///
/// ```
/// use dangjian::disclosure::{create, DisclosureContext, NewItem, Status};
/// let ctx = DisclosureContext::from_json(r#"{"orgs":[{"id":"B1","kind":"branch"}],"roles":[{"person":"P1","org":"B1","role":"proposer"}]}"#).unwrap();
/// let new: NewItem = serde_json::from_str(r#"{"id":"D1","org":"B1","title":"t","body":"b","category":"ideology","scope":{"kind":"whole_party"}}"#).unwrap();
/// let item = create(&ctx, new, "P1", "2026-03-02T09:00:00+08:00".parse().unwrap()).unwrap().item;
/// assert_eq!(item.status, Status::Draft);
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisclosureItem {
    /// Document version; currently 1.
    pub schema_version: u32,
    /// Stable id.
    pub id: String,
    /// The organization disclosing.
    pub org: String,
    /// Current title.
    pub title: String,
    /// Current body.
    pub body: String,
    /// Catalogue category.
    pub category: DisclosureCategory,
    /// To whom.
    pub scope: Scope,
    /// Channels.
    #[serde(default)]
    pub channels: Vec<Channel>,
    /// Planned publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_on: Option<NaiveDate>,
    /// Attachments.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// The catalogue entry it fulfils.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalogue: Option<CatalogueRef>,
    /// Who created it.
    pub created_by: String,
    /// When it was created.
    #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
    pub created_at: Timestamp,
    /// Where it is.
    #[cfg_attr(feature = "wasm", tsify(type = "DisclosureStatus"))]
    pub status: Status,
    /// The confidentiality review (保密审查) of the current proposal: `Some(true)` passed, `Some(false)` failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidentiality_passed: Option<bool>,
    /// Whether the review time limit was extended.
    #[serde(default)]
    pub review_extended: bool,
    /// The organization that must approve, when escalated above the item's own (条例 第十五条 报上级审批).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_org: Option<String>,
    /// When it was first published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
    pub published_at: Option<Timestamp>,
    /// Why it was withdrawn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawal_reason: Option<String>,
    /// When it was withdrawn: from this day (China time) the public no longer sees it. Added in 2026 and
    /// optional: an older document without it is dated by its `withdraw` transition, and one without either
    /// counts as withdrawn on every day (see [`DisclosureItem::withdrawal`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "Rfc3339"))]
    pub withdrawn_at: Option<Timestamp>,
    /// Every published version, oldest first.
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(type = "ItemVersion[]"))]
    pub versions: Vec<Version>,
    /// Every transition, oldest first.
    #[serde(default)]
    pub history: Vec<Transition>,
}

impl DisclosureItem {
    /// The organization whose approver must approve: the escalated one, else the item's own.
    ///
    /// ```
    /// # use dangjian::disclosure::{create, DisclosureContext, NewItem};
    /// # let ctx = DisclosureContext::from_json(r#"{"orgs":[{"id":"B1","kind":"branch"}],"roles":[{"person":"P1","org":"B1","role":"proposer"}]}"#).unwrap();
    /// # let new: NewItem = serde_json::from_str(r#"{"id":"D1","org":"B1","title":"t","body":"b","category":"ideology","scope":{"kind":"whole_party"}}"#).unwrap();
    /// let item = create(&ctx, new, "P1", "2026-03-02T09:00:00+08:00".parse().unwrap()).unwrap().item;
    /// assert_eq!(item.approving_org(), "B1");
    /// ```
    pub fn approving_org(&self) -> &str {
        self.approval_org.as_deref().unwrap_or(&self.org)
    }

    /// The version number of the current content (0 before publication).
    ///
    /// ```
    /// # use dangjian::disclosure::{create, DisclosureContext, NewItem};
    /// # let ctx = DisclosureContext::from_json(r#"{"orgs":[{"id":"B1","kind":"branch"}],"roles":[{"person":"P1","org":"B1","role":"proposer"}]}"#).unwrap();
    /// # let new: NewItem = serde_json::from_str(r#"{"id":"D1","org":"B1","title":"t","body":"b","category":"ideology","scope":{"kind":"whole_party"}}"#).unwrap();
    /// let item = create(&ctx, new, "P1", "2026-03-02T09:00:00+08:00".parse().unwrap()).unwrap().item;
    /// assert_eq!(item.version(), 0);
    /// ```
    pub fn version(&self) -> u32 {
        u32::try_from(self.versions.len()).unwrap_or(u32::MAX)
    }

    /// The person who proposed the current proposal (the last `propose` transition).
    ///
    /// ```
    /// # use dangjian::disclosure::{create, DisclosureContext, NewItem};
    /// # let ctx = DisclosureContext::from_json(r#"{"orgs":[{"id":"B1","kind":"branch"}],"roles":[{"person":"P1","org":"B1","role":"proposer"}]}"#).unwrap();
    /// # let new: NewItem = serde_json::from_str(r#"{"id":"D1","org":"B1","title":"t","body":"b","category":"ideology","scope":{"kind":"whole_party"}}"#).unwrap();
    /// let item = create(&ctx, new, "P1", "2026-03-02T09:00:00+08:00".parse().unwrap()).unwrap().item;
    /// assert!(item.proposer().is_none());
    /// ```
    pub fn proposer(&self) -> Option<&str> {
        self.last_transition("propose").map(|t| t.actor.as_str())
    }

    /// The last transition with action `action`.
    ///
    /// ```
    /// # use dangjian::disclosure::{create, DisclosureContext, NewItem};
    /// # let ctx = DisclosureContext::from_json(r#"{"orgs":[{"id":"B1","kind":"branch"}],"roles":[{"person":"P1","org":"B1","role":"proposer"}]}"#).unwrap();
    /// # let new: NewItem = serde_json::from_str(r#"{"id":"D1","org":"B1","title":"t","body":"b","category":"ideology","scope":{"kind":"whole_party"}}"#).unwrap();
    /// let item = create(&ctx, new, "P1", "2026-03-02T09:00:00+08:00".parse().unwrap()).unwrap().item;
    /// assert!(item.last_transition("approve").is_none());
    /// ```
    pub fn last_transition(&self, action: &str) -> Option<&Transition> {
        self.history.iter().rev().find(|t| t.action == action)
    }

    /// Checks the document: version, ids, non-empty title, history in time order and not before creation.
    ///
    /// ```
    /// # use dangjian::disclosure::{create, DisclosureContext, NewItem};
    /// # let ctx = DisclosureContext::from_json(r#"{"orgs":[{"id":"B1","kind":"branch"}],"roles":[{"person":"P1","org":"B1","role":"proposer"}]}"#).unwrap();
    /// # let new: NewItem = serde_json::from_str(r#"{"id":"D1","org":"B1","title":"t","body":"b","category":"ideology","scope":{"kind":"whole_party"}}"#).unwrap();
    /// let mut item = create(&ctx, new, "P1", "2026-03-02T09:00:00+08:00".parse().unwrap()).unwrap().item;
    /// item.schema_version = 7;
    /// assert_eq!(item.validate().unwrap_err().code(), "UNSUPPORTED_SCHEMA_VERSION");
    /// ```
    pub fn validate(&self) -> Result<()> {
        if self.schema_version != ITEM_SCHEMA_VERSION {
            return Err(Error::input(
                "UNSUPPORTED_SCHEMA_VERSION",
                "schema_version",
                format!("不支持的公开事项文档版本：{}", self.schema_version),
                format!("unsupported item schema_version {}", self.schema_version),
            ));
        }
        check_text(&self.id, "id")?;
        check_text(&self.org, "org")?;
        check_text(&self.title, "title")?;
        let mut last = self.created_at;
        for (i, t) in self.history.iter().enumerate() {
            if t.at < last {
                return Err(Error::input(
                    "TIME_OUT_OF_ORDER",
                    format!("history[{i}].at"),
                    "流转记录的时间早于前一记录或创建时间",
                    "a transition is earlier than the one before it or than the creation",
                ));
            }
            last = t.at;
        }
        let mut last = self.created_at;
        for (i, v) in self.versions.iter().enumerate() {
            if v.at < last {
                return Err(out_of_order(
                    format!("versions[{i}].at"),
                    "版本的时间早于前一版本或创建时间",
                    "a version is earlier than the one before it or than the creation",
                ));
            }
            last = v.at;
        }
        let published = self.published_at.unwrap_or(self.created_at);
        if self.withdrawn_at.is_some_and(|w| w < published) {
            return Err(out_of_order(
                "withdrawn_at".to_owned(),
                "撤回时间早于发布时间或创建时间",
                "the withdrawal is earlier than the publication or the creation",
            ));
        }
        Ok(())
    }
}

/// `TIME_OUT_OF_ORDER` at `field`.
fn out_of_order(field: String, zh: &str, en: &str) -> Error {
    Error::input("TIME_OUT_OF_ORDER", field, zh, en)
}

/// `EMPTY_TEXT` when `s` is blank.
pub(crate) fn check_text(s: &str, field: &str) -> Result<()> {
    if s.trim().is_empty() {
        return Err(Error::input(
            "EMPTY_TEXT",
            field,
            "不能为空",
            "must not be empty",
        ));
    }
    Ok(())
}
