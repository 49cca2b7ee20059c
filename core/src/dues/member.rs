//! The dues input: a member, their income records and hardship decisions — and its validation.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::items::{Category, EmployerType, ItemCode};
use crate::money::MAX_AMOUNT_YUAN;
use crate::{Error, Result, YearMonth};

/// One payroll item and its monthly amount (non-negative, at most two decimals).
///
/// ```
/// let i: dangjian::dues::IncomeItem = serde_json::from_str(r#"{"code":"post_salary","amount":"3200.00"}"#).unwrap();
/// assert_eq!(i.amount.to_string(), "3200.00");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct IncomeItem {
    /// The item code.
    pub code: ItemCode,
    /// The monthly amount in yuan.
    #[serde(deserialize_with = "crate::money::de_money")]
    pub amount: Decimal,
}

/// The member's income items from a month on (`from` absent: from the start of the record).
///
/// ```
/// let r: dangjian::dues::IncomeRecord = serde_json::from_str(r#"{"items":[{"code":"net_base","amount":"5400"}]}"#).unwrap();
/// assert!(r.from.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct IncomeRecord {
    /// First month this income applies; `None` for an income that applies from the start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub from: Option<YearMonth>,
    /// The items.
    pub items: Vec<IncomeItem>,
}

/// A hardship decision (2008 Art. 7): the branch studied it, the next-level committee approved it.
///
/// ```
/// let h: dangjian::dues::HardshipDecision = serde_json::from_str(r#"{"from":"2026-01","outcome":"waived",
///   "branch_studied_on":"2025-12-10","approved_by":"某某党委","approved_on":"2025-12-20"}"#).unwrap();
/// assert!(h.to.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct HardshipDecision {
    /// First month the decision covers.
    pub from: YearMonth,
    /// Last month covered; open-ended when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub to: Option<YearMonth>,
    /// Reduced to an amount, or waived.
    pub outcome: HardshipOutcome,
    /// The monthly amount after reduction (required when `outcome` is `reduced`).
    #[serde(
        default,
        deserialize_with = "crate::money::de_money_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub reduced_amount: Option<Decimal>,
    /// When the branch studied the case (支部研究).
    pub branch_studied_on: NaiveDate,
    /// Who approved it (the next-level committee).
    pub approved_by: String,
    /// When it was approved.
    pub approved_on: NaiveDate,
}

/// What a hardship decision grants.
///
/// ```
/// assert_eq!(serde_json::to_string(&dangjian::dues::HardshipOutcome::Reduced).unwrap(), "\"reduced\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HardshipOutcome {
    /// 少交.
    Reduced,
    /// 免交.
    Waived,
}

/// A member as the dues engine sees them.
///
/// ```
/// let m: dangjian::dues::DuesMember = serde_json::from_str(r#"{"member_id":"M001","category":"employed",
///   "employer_type":"public_institution","incomes":[{"items":[{"code":"post_salary","amount":"3000"}]}]}"#).unwrap();
/// assert!(m.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DuesMember {
    /// The member's id (unique within a batch).
    pub member_id: String,
    /// The category.
    pub category: Category,
    /// The employer type; required for an employed member whose base is built from items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub employer_type: Option<EmployerType>,
    /// Income records, in ascending `from` order; at most the first may have no `from`.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub incomes: Vec<IncomeRecord>,
    /// For a probationary member: the date the branch general meeting admitted them (2008 Art. 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub admitted_on: Option<NaiveDate>,
    /// Hardship decisions (2008 Art. 7).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub hardship: Vec<HardshipDecision>,
    /// Version of the member document; absent means 1, the current version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub schema_version: Option<u32>,
}

/// The fast path's bound on the mantissa: at scale ≤ 2 such an amount is at most `MAX_AMOUNT_YUAN`.
const MAX_AMOUNT_FEN: i128 = 1_000_000_000_000;

/// Checks an amount of money: not negative, at most two decimals.
///
/// ```
/// use rust_decimal::Decimal;
/// assert!(dangjian::dues::check_amount(Decimal::new(1234, 2), "amount").is_ok());
/// assert_eq!(dangjian::dues::check_amount(Decimal::new(1234, 3), "amount").unwrap_err().code(), "TOO_MANY_DECIMALS");
/// ```
pub fn check_amount(amount: Decimal, field: &str) -> Result<()> {
    // The common case, checked on integers: not negative, at most two decimals, within the bound.
    if amount.scale() <= 2 && !amount.is_sign_negative() && amount.mantissa() <= MAX_AMOUNT_FEN {
        return Ok(());
    }
    // A bound far above any payroll keeps every sum of amounts far from Decimal's range.
    if amount.abs() > Decimal::new(MAX_AMOUNT_YUAN, 0) {
        return Err(Error::input(
            "AMOUNT_TOO_LARGE",
            field,
            format!("金额超过 {MAX_AMOUNT_YUAN} 元：{amount}"),
            format!("an amount above {MAX_AMOUNT_YUAN} yuan: {amount}"),
        ));
    }
    if amount.is_sign_negative() && !amount.is_zero() {
        return Err(Error::input(
            "NEGATIVE_AMOUNT",
            field,
            format!("金额不能为负：{amount}"),
            format!("an amount must not be negative: {amount}"),
        ));
    }
    if amount.normalize().scale() > 2 {
        return Err(Error::input(
            "TOO_MANY_DECIMALS",
            field,
            format!("金额最多两位小数：{amount}"),
            format!("an amount has at most two decimals: {amount}"),
        ));
    }
    Ok(())
}

impl DuesMember {
    /// Checks the member: id present, amounts valid, no duplicate item, `net_base` alone, records ordered,
    /// an employer type where the base is built from items, hardship decisions complete.
    ///
    /// ```
    /// let m: dangjian::dues::DuesMember = serde_json::from_str(r#"{"member_id":"M1","category":"employed",
    ///   "incomes":[{"items":[{"code":"post_salary","amount":"3000"}]}]}"#).unwrap();
    /// assert_eq!(m.validate().unwrap_err().code(), "MISSING_EMPLOYER_TYPE");
    /// ```
    pub fn validate(&self) -> Result<()> {
        check_schema_version(self.schema_version)?;
        if self.member_id.trim().is_empty() {
            return Err(Error::input(
                "MISSING_MEMBER_ID",
                "member_id",
                "缺少党员编号",
                "member_id is empty",
            ));
        }
        let mut previous: Option<Option<YearMonth>> = None;
        // Paths are formatted only on the error path: validation runs on every assessment.
        for (r, record) in self.incomes.iter().enumerate() {
            if let Some(prev) = previous {
                if record.from.is_none() || prev.is_some_and(|p| record.from <= Some(p)) {
                    return Err(Error::input(
                        "INCOMES_NOT_ORDERED",
                        format!("incomes[{r}].from"),
                        "收入记录须按起始月份递增排列，且只有第一条可以不写起始月份",
                        "income records must ascend by `from`; only the first may omit it",
                    ));
                }
            }
            previous = Some(record.from);
            self.check_record(record)
                .map_err(|e| e.under(&format!("incomes[{r}]")))?;
        }
        let built_from_items = self
            .incomes
            .iter()
            .flat_map(|r| &r.items)
            .any(|i| i.code != ItemCode::NetBase);
        if self.category == Category::Employed && built_from_items && self.employer_type.is_none() {
            return Err(Error::input(
                "MISSING_EMPLOYER_TYPE",
                "employer_type",
                "在职党员按收入项目计算基数时须注明单位类型",
                "an employed member whose base is built from items needs employer_type",
            ));
        }
        for (h, decision) in self.hardship.iter().enumerate() {
            check_hardship(decision).map_err(|e| e.under(&format!("hardship[{h}]")))?;
        }
        Ok(())
    }

    fn check_record(&self, record: &IncomeRecord) -> Result<()> {
        for (i, item) in record.items.iter().enumerate() {
            check_amount(item.amount, "amount").map_err(|e| e.under(&format!("items[{i}]")))?;
            if record
                .items
                .iter()
                .take(i)
                .any(|other| other.code == item.code)
            {
                return Err(Error::input(
                    "DUPLICATE_ITEM",
                    format!("items[{i}].code"),
                    format!("收入项目重复：{}", item.code),
                    format!("item listed twice: {}", item.code),
                ));
            }
            if item.code == ItemCode::NetBase && record.items.len() > 1 {
                return Err(Error::input(
                    "NET_BASE_WITH_ITEMS",
                    format!("items[{i}].code"),
                    "给出 net_base 时不能再给其他收入项目",
                    "net_base must be the only item when given",
                ));
            }
        }
        Ok(())
    }

    /// The income record in force in `month`: the last whose `from` is not after it.
    pub(crate) fn income_in(&self, month: YearMonth) -> Option<&IncomeRecord> {
        self.incomes
            .iter()
            .rev()
            .find(|r| r.from.is_none_or(|from| from <= month))
    }

    /// The hardship decision covering `month`, the last listed winning.
    pub(crate) fn hardship_in(&self, month: YearMonth) -> Option<&HardshipDecision> {
        self.hardship
            .iter()
            .rev()
            .find(|h| h.from <= month && h.to.is_none_or(|to| month <= to))
    }
}

/// The member and ledger documents are at version 1; a later version is refused rather than misread.
pub(crate) fn check_schema_version(version: Option<u32>) -> Result<()> {
    match version {
        None | Some(1) => Ok(()),
        Some(v) => Err(Error::input(
            "UNSUPPORTED_SCHEMA_VERSION",
            "schema_version",
            format!("不支持的文档版本：{v}"),
            format!("unsupported schema_version {v}"),
        )),
    }
}

fn check_hardship(h: &HardshipDecision) -> Result<()> {
    if h.to.is_some_and(|to| to < h.from) {
        return Err(Error::input(
            "INVALID_PERIOD",
            "to",
            "结束月份早于开始月份",
            "`to` is before `from`",
        ));
    }
    if h.approved_by.trim().is_empty() {
        return Err(Error::input(
            "MISSING_APPROVER",
            "approved_by",
            "减免须经上一级党委批准，缺少批准机关",
            "a reduction or waiver needs the approving committee",
        ));
    }
    if h.approved_on < h.branch_studied_on {
        return Err(Error::input(
            "APPROVED_BEFORE_STUDY",
            "approved_on",
            "批准日期早于支部研究日期",
            "approved before the branch studied the case",
        ));
    }
    match (h.outcome, h.reduced_amount) {
        (HardshipOutcome::Reduced, None) => Err(Error::input(
            "MISSING_REDUCED_AMOUNT",
            "reduced_amount",
            "少交须写明减少后的数额",
            "a reduction needs reduced_amount",
        )),
        (HardshipOutcome::Waived, Some(_)) => Err(Error::input(
            "UNEXPECTED_REDUCED_AMOUNT",
            "reduced_amount",
            "免交不应有减少后的数额",
            "a waiver has no reduced_amount",
        )),
        (_, Some(amount)) => check_amount(amount, "reduced_amount"),
        (HardshipOutcome::Waived, None) => Ok(()),
    }
}
