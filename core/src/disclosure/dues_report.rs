//! The annual dues disclosure: a branch's [`BranchSummary`] for a year turned into the item its members see
//! (dues collection and use are disclosed to members at least once a year — branch practice, RULES §6; the
//! figures are those of 中组发〔2008〕3号).
#![deny(clippy::arithmetic_side_effects)]

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::item::{CatalogueRef, Channel, DisclosureCategory, NewItem, Scope};
use crate::dues::{BranchSummary, Period};
use crate::{Error, Result};

/// One use of dues in the year (党费使用), for the report's second part.
///
/// ```
/// let u: dangjian::disclosure::DuesUse = serde_json::from_str(r#"{"purpose":"订阅学习资料","amount":"320.00"}"#).unwrap();
/// assert_eq!(u.amount.to_string(), "320.00");
/// ```
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DuesUse {
    /// What for.
    pub purpose: String,
    /// How much, in yuan.
    pub amount: Decimal,
}

/// The draft of the annual dues disclosure for `org`, to its members, fulfilling catalogue entry `dues_annual`
/// for the year. The body lists the figures in Chinese; amounts in yuan with two decimals.
///
/// Errors: `NOT_ANNUAL_PERIOD` (the summary covers a month), `NEGATIVE_AMOUNT` (a use).
///
/// ```
/// use dangjian::dues::{summarize, Period};
/// let s = summarize(&[], Period::Year(2025)).unwrap();
/// let item = dangjian::disclosure::dues_disclosure(&s, "B1", "DUES-2025", &[]).unwrap();
/// assert_eq!(item.title, "2025年度党费收缴、使用和管理情况");
/// assert!(item.body.contains("应交党费 0.00 元"));
/// ```
pub fn dues_disclosure(
    summary: &BranchSummary,
    org: &str,
    id: &str,
    uses: &[DuesUse],
) -> Result<NewItem> {
    let Period::Year(year) = summary.period else {
        return Err(Error::input(
            "NOT_ANNUAL_PERIOD",
            "period",
            "党费年度公开须使用全年汇总",
            "the annual dues disclosure needs a summary for a year",
        ));
    };
    let yuan = |d: Decimal| format!("{:.2}", d);
    let rate = summary.payment_rate.map_or_else(
        || "—".to_owned(),
        // A rate past what a decimal holds (a report from outside) is written as it is, not as a percentage.
        |r| match r.checked_mul(Decimal::ONE_HUNDRED) {
            Some(pct) => format!("{pct:.2}%"),
            None => r.to_string(),
        },
    );
    let mut body = format!(
        "一、党费收缴情况\n{year}年度本支部应交党费党员 {} 名，应交党费 {} 元，实交 {} 元，未交 {} 元，交纳率 {rate}；\
         有欠交月份的党员 {} 名。\n自愿多交党费 {} 元，其中全额上缴中央 {} 元（中组发〔2008〕3号 第十一条）。\n",
        summary.members,
        yuan(summary.due),
        yuan(summary.collected),
        yuan(summary.outstanding),
        summary.members_in_arrears,
        yuan(summary.voluntary),
        yuan(summary.remitted_to_centre),
    );
    body.push_str("二、党费使用情况\n");
    if uses.is_empty() {
        body.push_str("本年度本支部未使用党费。\n");
    }
    let mut total = Decimal::ZERO;
    for (i, u) in uses.iter().enumerate() {
        if u.amount < Decimal::ZERO {
            return Err(Error::input(
                "NEGATIVE_AMOUNT",
                format!("uses[{i}].amount"),
                "金额不能为负",
                "amount must not be negative",
            ));
        }
        total = total
            .checked_add(u.amount)
            .ok_or_else(|| Error::overflow("uses"))?;
        body.push_str(&format!(
            "{}. {}：{} 元\n",
            i.saturating_add(1),
            u.purpose,
            yuan(u.amount)
        ));
    }
    if !uses.is_empty() {
        body.push_str(&format!("合计使用 {} 元。\n", yuan(total)));
    }
    Ok(NewItem {
        id: id.to_owned(),
        org: org.to_owned(),
        title: format!("{year}年度党费收缴、使用和管理情况"),
        body,
        category: DisclosureCategory::Organization,
        scope: Scope::Members {
            org: org.to_owned(),
        },
        channels: vec![Channel::Meeting, Channel::BulletinBoard],
        planned_on: None,
        attachments: Vec::new(),
        catalogue: Some(CatalogueRef {
            code: "dues_annual".to_owned(),
            period: year.to_string(),
        }),
    })
}
