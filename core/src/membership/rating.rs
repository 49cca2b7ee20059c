//! 民主评议 ratings (helper B fills this in).

use serde::{Deserialize, Serialize};

use crate::{Policy, Result};

/// A rating.
///
/// ```
/// assert_eq!(serde_json::to_string(&dangjian::membership::ReviewRating::Excellent).unwrap(), "\"excellent\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewRating {
    /// 优秀.
    Excellent,
    /// 合格.
    Qualified,
    /// 基本合格.
    BasicallyQualified,
    /// 不合格.
    Unqualified,
}

/// Checks a round of ratings.
///
/// ```
/// assert!(dangjian::membership::rate_review(&dangjian::Policy::bundled()).is_ok());
/// ```
pub fn rate_review(_policy: &Policy) -> Result<()> {
    Ok(())
}
