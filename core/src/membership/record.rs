//! The member record: who the person is and the dated events of their membership, in the order they happened.
//!
//! A record is plain data (JSON in, JSON out). The events say what happened on which day; the rules in
//! [`super::check`](fn@super::check) and [`super::apply`] say whether it was allowed and what is due next.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::disclosure::Objection;

/// One member (or applicant): identity, organization and the events of the pipeline, discipline and mobility.
///
/// ```
/// let r: dangjian::membership::MemberRecord = serde_json::from_str(r#"{"id":"M1","name":"张三",
///   "birth_date":"2000-03-01","org":"B1","events":[{"kind":"application","date":"2024-01-10"}]}"#).unwrap();
/// assert_eq!(r.events.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct MemberRecord {
    /// Stable id (sponsors and contacts refer to it).
    pub id: String,
    /// Name.
    pub name: String,
    /// Date of birth.
    pub birth_date: NaiveDate,
    /// The organization (党支部 or 党小组 id in the org tree) the member belongs to.
    pub org: String,
    /// 居民身份证号码 (18 characters, GB 11643); when given, its check character and birth date are verified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub id_number: Option<String>,
    /// The events, oldest first (events on the same day keep their order).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub events: Vec<MemberEvent>,
}

/// How an activist was put forward (2014 细则 第八条).
///
/// ```
/// assert_eq!(serde_json::to_string(&dangjian::membership::Recommendation::MassOrganization).unwrap(), "\"mass_organization\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Recommendation {
    /// 党员推荐.
    PartyMembers,
    /// 群团组织推优 (the Communist Youth League, trade union, women's federation).
    MassOrganization,
}

/// Which stage a public notice (公示) is for. The 发展对象 notice is required by the 细则; the others are local
/// practice and checked the same way when recorded.
///
/// ```
/// assert_eq!(serde_json::to_string(&dangjian::membership::NoticeStage::DevelopmentTarget).unwrap(), "\"development_target\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NoticeStage {
    /// 入党积极分子 (local practice).
    Activist,
    /// 发展对象 (required).
    #[default]
    DevelopmentTarget,
    /// 接收预备党员 (local practice).
    Admission,
    /// 预备党员转正 (local practice).
    Conversion,
}

/// The sanctions of 《中国共产党纪律处分条例》 第八条.
///
/// ```
/// assert_eq!(serde_json::to_string(&dangjian::membership::SanctionKind::ProbationWithinParty).unwrap(), "\"probation_within_party\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SanctionKind {
    /// 警告.
    Warning,
    /// 严重警告.
    SeriousWarning,
    /// 撤销党内职务.
    RemovalFromPost,
    /// 留党察看 (1 or 2 years).
    ProbationWithinParty,
    /// 开除党籍.
    Expulsion,
}

/// How a member left the Party other than by expulsion.
///
/// ```
/// assert_eq!(serde_json::to_string(&dangjian::membership::RemovalKind::StruckOff).unwrap(), "\"struck_off\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RemovalKind {
    /// 除名.
    StruckOff,
    /// 自行脱党 (党章 第九条; lost contact, 党员教育管理工作条例 第二十四条).
    LeftOfOwnAccord,
    /// 取消预备党员资格 recorded as a removal (normally a `probation_cancelled` event).
    ProbationCancelled,
}

/// The vote of a branch general meeting (支部党员大会) on an admission.
///
/// ```
/// let v: dangjian::membership::Vote = serde_json::from_str(r#"{"entitled":20,"present":15,"yes":12,"no":2,"abstain":1}"#).unwrap();
/// assert_eq!(v.written, 0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Vote {
    /// Full members entitled to attend and vote (应到会有表决权的正式党员).
    pub entitled: u32,
    /// Of them, present.
    pub present: u32,
    /// Votes for (written opinions submitted in advance included).
    pub yes: u32,
    /// Votes against.
    pub no: u32,
    /// Abstentions.
    pub abstain: u32,
    /// Written opinions from absent members with a vote, counted in the votes (细则: they count in the tally,
    /// not in the quorum).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = 0))]
    pub written: u32,
    /// Whether the vote was by secret ballot (required from the 2026 revision, UNCONFIRMED).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub secret_ballot: Option<bool>,
}

/// One dated event. JSON: `{"kind":"branch_vote","date":"2025-06-10", …}`; unknown kinds and unknown fields are
/// rejected with the path of the event (`events[4].kind`).
///
/// ```
/// use dangjian::membership::MemberEvent;
/// let e: MemberEvent = serde_json::from_str(r#"{"kind":"probation_extended","date":"2026-06-10","months":6}"#).unwrap();
/// assert_eq!(e.date().to_string(), "2026-06-10");
/// assert_eq!(e.kind_name(), "probation_extended");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum MemberEvent {
    /// The record starts here: a member whose earlier history is kept elsewhere (a legacy import). The pipeline
    /// rules are not checked before it.
    Imported {
        /// For `probationary`: the day of the admission vote; for `full`: the day full membership began.
        date: NaiveDate,
        /// `probationary` or `full`.
        stage: super::Stage,
    },
    /// 入党申请 handed in.
    Application {
        /// Day the written application was received.
        date: NaiveDate,
    },
    /// The branch's talk with the applicant (谈话).
    Talk {
        /// Day of the talk.
        date: NaiveDate,
    },
    /// Decided an activist (入党积极分子) by the branch committee.
    Activist {
        /// Day of the committee's decision.
        date: NaiveDate,
        /// How the person was put forward.
        recommended_by: Recommendation,
        /// Day it was filed with the higher committee (报上级党委备案).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        filed_on: Option<NaiveDate>,
    },
    /// 培养联系人 assigned (1 or 2 full members).
    Contacts {
        /// Day assigned.
        date: NaiveDate,
        /// Their member ids.
        contacts: Vec<String>,
    },
    /// A half-year review of the activist (每半年考察).
    HalfYearReview {
        /// Day of the review.
        date: NaiveDate,
    },
    /// Decided a development target (发展对象).
    DevelopmentTarget {
        /// Day of the branch committee's decision.
        date: NaiveDate,
        /// Day the higher committee agreed (2026 revision: its consent is required, UNCONFIRMED) or the filing.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        higher_approval_on: Option<NaiveDate>,
    },
    /// Sponsors (入党介绍人) designated.
    Sponsors {
        /// Day designated.
        date: NaiveDate,
        /// Their member ids.
        sponsors: Vec<String>,
    },
    /// Political review (政治审查) concluded.
    PoliticalReview {
        /// Day concluded.
        date: NaiveDate,
        /// Whether the conclusion was favourable.
        #[serde(default = "yes")]
        passed: bool,
    },
    /// Centralized training (集中培训) completed.
    Training {
        /// Last day of the training.
        date: NaiveDate,
        /// Days of training.
        #[serde(default)]
        days: u32,
        /// Class hours (学时).
        #[serde(default)]
        class_hours: u32,
    },
    /// A public notice (公示); evaluated with [`crate::disclosure::evaluate_notice`].
    PublicNotice {
        /// First day of the window.
        date: NaiveDate,
        /// Last day of the window.
        closes_on: NaiveDate,
        /// Which stage it is for.
        #[serde(default)]
        stage: NoticeStage,
        /// Objections received and their handling.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        objections: Vec<Objection>,
    },
    /// The branch committee's review (支委会审查).
    CommitteeReview {
        /// Day of the review.
        date: NaiveDate,
    },
    /// Pre-review (预审) by the 基层党委 with approval power; it issues the 入党志愿书.
    PreReview {
        /// Day of the pre-review.
        date: NaiveDate,
    },
    /// The branch general meeting's vote on admission.
    BranchVote {
        /// Day of the meeting.
        date: NaiveDate,
        /// The count.
        vote: Vote,
    },
    /// The interview by a member of the higher committee or an 组织员 before approval.
    Interview {
        /// Day of the interview.
        date: NaiveDate,
    },
    /// The higher committee's approval (审批).
    Approval {
        /// Day approved.
        date: NaiveDate,
        /// The recorded reason when approval comes more than 3 months after the vote (at most 6).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// 入党宣誓.
    Oath {
        /// Day of the oath.
        date: NaiveDate,
    },
    /// Probation extended (once only, 6 to 12 months).
    ProbationExtended {
        /// Day of the decision.
        date: NaiveDate,
        /// Months of extension.
        months: u32,
    },
    /// Probationary status cancelled (取消预备党员资格).
    ProbationCancelled {
        /// Day of the decision.
        date: NaiveDate,
    },
    /// The branch meeting that converted the member to full membership; full membership itself dates from the end
    /// of probation.
    Conversion {
        /// Day of the meeting.
        date: NaiveDate,
    },
    /// A sanction (纪律处分条例 第八条).
    Sanction {
        /// Day decided.
        date: NaiveDate,
        /// Which sanction.
        sanction: SanctionKind,
        /// For 留党察看: 1 or 2 years.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        years: Option<u32>,
    },
    /// A one-year 留党察看 extended by one year.
    SanctionExtended {
        /// Day decided.
        date: NaiveDate,
    },
    /// Rights restored after 留党察看.
    RightsRestored {
        /// Day restored.
        date: NaiveDate,
    },
    /// Membership suspended (停止党籍).
    Suspended {
        /// Day decided.
        date: NaiveDate,
    },
    /// Suspended membership restored (恢复党籍).
    Reinstated {
        /// Day decided.
        date: NaiveDate,
    },
    /// Removed (除名 / 自行脱党).
    Removed {
        /// Day decided.
        date: NaiveDate,
        /// How.
        how: RemovalKind,
    },
    /// Contact lost (失去联系).
    LostContact {
        /// First day without contact.
        date: NaiveDate,
    },
    /// Contact re-established.
    ContactRestored {
        /// Day.
        date: NaiveDate,
    },
    /// Introduction letter issued (组织关系转出).
    TransferOut {
        /// Day the letter was issued.
        date: NaiveDate,
        /// Receiving organization (id or name).
        to_org: String,
        /// Whether the receiving organization is in the same city (the letter's validity differs).
        #[serde(default)]
        same_city: bool,
    },
    /// Reported in at the receiving organization (组织关系转入).
    TransferIn {
        /// Day reported in.
        date: NaiveDate,
        /// Sending organization (id or name).
        from_org: String,
    },
    /// Went to live or work away from the organization's place.
    Away {
        /// First day away.
        date: NaiveDate,
        /// Where.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        place: Option<String>,
    },
    /// Came back.
    Returned {
        /// Day back.
        date: NaiveDate,
    },
    /// Graduated while the relationship stays with the school (kept at most 2 years).
    Graduated {
        /// Day of graduation.
        date: NaiveDate,
    },
    /// A recorded good reason (正当理由) for not taking part in organizational life, paying dues or doing assigned
    /// work over a period (illness, posting abroad…).
    Excused {
        /// First day.
        date: NaiveDate,
        /// Last day.
        until: NaiveDate,
        /// Why.
        reason: String,
    },
}

fn yes() -> bool {
    true
}

impl MemberEvent {
    /// The day of the event.
    ///
    /// ```
    /// use dangjian::membership::MemberEvent;
    /// let e: MemberEvent = serde_json::from_str(r#"{"kind":"oath","date":"2025-07-01"}"#).unwrap();
    /// assert_eq!(e.date(), chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap());
    /// ```
    pub fn date(&self) -> NaiveDate {
        match self {
            Self::Imported { date, .. }
            | Self::Application { date }
            | Self::Talk { date }
            | Self::Activist { date, .. }
            | Self::Contacts { date, .. }
            | Self::HalfYearReview { date }
            | Self::DevelopmentTarget { date, .. }
            | Self::Sponsors { date, .. }
            | Self::PoliticalReview { date, .. }
            | Self::Training { date, .. }
            | Self::PublicNotice { date, .. }
            | Self::CommitteeReview { date }
            | Self::PreReview { date }
            | Self::BranchVote { date, .. }
            | Self::Interview { date }
            | Self::Approval { date, .. }
            | Self::Oath { date }
            | Self::ProbationExtended { date, .. }
            | Self::ProbationCancelled { date }
            | Self::Conversion { date }
            | Self::Sanction { date, .. }
            | Self::SanctionExtended { date }
            | Self::RightsRestored { date }
            | Self::Suspended { date }
            | Self::Reinstated { date }
            | Self::Removed { date, .. }
            | Self::LostContact { date }
            | Self::ContactRestored { date }
            | Self::TransferOut { date, .. }
            | Self::TransferIn { date, .. }
            | Self::Away { date, .. }
            | Self::Returned { date }
            | Self::Graduated { date }
            | Self::Excused { date, .. } => *date,
        }
    }

    /// The JSON `kind` of the event.
    ///
    /// ```
    /// use dangjian::membership::MemberEvent;
    /// let e: MemberEvent = serde_json::from_str(r#"{"kind":"talk","date":"2025-07-01"}"#).unwrap();
    /// assert_eq!(e.kind_name(), "talk");
    /// ```
    pub fn kind_name(&self) -> &'static str {
        match self {
            Self::Imported { .. } => "imported",
            Self::Application { .. } => "application",
            Self::Talk { .. } => "talk",
            Self::Activist { .. } => "activist",
            Self::Contacts { .. } => "contacts",
            Self::HalfYearReview { .. } => "half_year_review",
            Self::DevelopmentTarget { .. } => "development_target",
            Self::Sponsors { .. } => "sponsors",
            Self::PoliticalReview { .. } => "political_review",
            Self::Training { .. } => "training",
            Self::PublicNotice { .. } => "public_notice",
            Self::CommitteeReview { .. } => "committee_review",
            Self::PreReview { .. } => "pre_review",
            Self::BranchVote { .. } => "branch_vote",
            Self::Interview { .. } => "interview",
            Self::Approval { .. } => "approval",
            Self::Oath { .. } => "oath",
            Self::ProbationExtended { .. } => "probation_extended",
            Self::ProbationCancelled { .. } => "probation_cancelled",
            Self::Conversion { .. } => "conversion",
            Self::Sanction { .. } => "sanction",
            Self::SanctionExtended { .. } => "sanction_extended",
            Self::RightsRestored { .. } => "rights_restored",
            Self::Suspended { .. } => "suspended",
            Self::Reinstated { .. } => "reinstated",
            Self::Removed { .. } => "removed",
            Self::LostContact { .. } => "lost_contact",
            Self::ContactRestored { .. } => "contact_restored",
            Self::TransferOut { .. } => "transfer_out",
            Self::TransferIn { .. } => "transfer_in",
            Self::Away { .. } => "away",
            Self::Returned { .. } => "returned",
            Self::Graduated { .. } => "graduated",
            Self::Excused { .. } => "excused",
        }
    }
}

impl MemberRecord {
    /// Reads a record from JSON; errors name the field at fault, down to the field of an event
    /// (`events[3].date`), with the code `INVALID_RECORD_JSON`.
    ///
    /// ```
    /// use dangjian::membership::MemberRecord;
    /// let e = MemberRecord::from_json(r#"{"id":"M1","name":"甲","birth_date":"2000-01-01","org":"B1",
    ///   "events":[{"kind":"talk","date":"2024-02-30"}]}"#).unwrap_err();
    /// assert_eq!((e.code(), e.detail().field.as_str()), ("INVALID_RECORD_JSON", "events[0].date"));
    /// ```
    pub fn from_json(json: &str) -> crate::Result<Self> {
        let value: serde_json::Value = crate::error::from_json(json, "INVALID_RECORD_JSON")?;
        Self::from_value(value)
    }

    /// Reads a record from a JSON value (see [`MemberRecord::from_json`]).
    ///
    /// ```
    /// let v = serde_json::json!({"id":"M1","name":"甲","birth_date":"2000-01-01","org":"B1"});
    /// assert_eq!(dangjian::membership::MemberRecord::from_value(v).unwrap().id, "M1");
    /// ```
    pub fn from_value(value: serde_json::Value) -> crate::Result<Self> {
        let events = value.get("events").cloned();
        crate::error::from_value::<Self>(value, "INVALID_RECORD_JSON").map_err(|mut err| {
            if let Some(field) = refine_event_field(&err.detail().field, events.as_ref()) {
                err = crate::Error::input(
                    "INVALID_RECORD_JSON",
                    field,
                    err.detail().message_zh.clone(),
                    err.detail().message_en.clone(),
                );
            }
            err
        })
    }
}

/// serde reads a tagged event through a buffer and reports a bad field at the event (`events[3]`), not at the
/// field. To name the field, each key of the event is taken out in turn: the key whose removal makes the event
/// readable (an optional field) or turns the fault into "missing field" (a required one) is the one at fault.
fn refine_event_field(field: &str, events: Option<&serde_json::Value>) -> Option<String> {
    let index: usize = field
        .strip_prefix("events[")?
        .strip_suffix(']')?
        .parse()
        .ok()?;
    let key = faulty_key(events?.get(index)?)?;
    Some(format!("{field}.{key}"))
}

/// The key of an event document at fault (see [`refine_event_field`]).
fn faulty_key(event: &serde_json::Value) -> Option<String> {
    let event = event.as_object()?;
    event
        .keys()
        .filter(|k| k.as_str() != "kind")
        .find(|key| {
            let mut without = event.clone();
            without.remove(key.as_str());
            // Read from its text, not the value: the text reader of events is the one every build has.
            let text = serde_json::Value::Object(without).to_string();
            match serde_json::from_str::<MemberEvent>(&text) {
                Ok(_) => true,
                Err(e) => e.to_string().starts_with(&format!("missing field `{key}`")),
            }
        })
        .cloned()
}

impl MemberEvent {
    /// Reads one event from JSON; errors (`INVALID_EVENT_JSON`) name the field at fault (`date`, `kind`).
    ///
    /// ```
    /// use dangjian::membership::MemberEvent;
    /// let e = MemberEvent::from_json(r#"{"kind":"talk","date":"2024-02-30"}"#).unwrap_err();
    /// assert_eq!((e.code(), e.detail().field.as_str()), ("INVALID_EVENT_JSON", "date"));
    /// ```
    pub fn from_json(json: &str) -> crate::Result<Self> {
        let value: serde_json::Value = crate::error::from_json(json, "INVALID_EVENT_JSON")?;
        crate::error::from_value::<Self>(value.clone(), "INVALID_EVENT_JSON").map_err(|err| {
            match faulty_key(&value) {
                Some(key) if err.detail().field.is_empty() => crate::Error::input(
                    "INVALID_EVENT_JSON",
                    key,
                    err.detail().message_zh.clone(),
                    err.detail().message_en.clone(),
                ),
                _ => err,
            }
        })
    }
}
