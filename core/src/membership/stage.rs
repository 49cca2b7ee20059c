//! Where a person stands: the stage and the day it began. A leaf module: the stage history (`status`), the
//! rights (`discipline`) and the report all read these types, and it reads none of them.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a person stands (derived from the events).
///
/// ```
/// assert_eq!(serde_json::to_string(&dangjian::membership::Stage::DevelopmentTarget).unwrap(), "\"development_target\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// No application on record yet (on the day asked).
    None,
    /// 入党申请人.
    Applicant,
    /// 入党积极分子.
    Activist,
    /// 发展对象.
    DevelopmentTarget,
    /// 预备党员.
    Probationary,
    /// 正式党员.
    Full,
    /// 停止党籍.
    Suspended,
    /// 除名 / 自行脱党 / 开除 / 取消预备党员资格.
    Removed,
}

/// A stage and the day it began.
///
/// ```
/// let s: dangjian::membership::StageSpan = serde_json::from_str(r#"{"stage":"activist","since":"2024-03-01"}"#).unwrap();
/// assert_eq!(s.since.to_string(), "2024-03-01");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[non_exhaustive]
pub struct StageSpan {
    /// The stage.
    pub stage: Stage,
    /// The day it began.
    pub since: NaiveDate,
}
