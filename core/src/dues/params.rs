//! The dues parameters (RULES §1): each a timeline of dated values with its article.
//!
//! Nothing here is a literal in the engine: the bracket bounds, rates, flat amounts, the farmer figure,
//! the base composition, rounding, the annual-fixing rule, the 1000-yuan advisory figure and the
//! payment windows are all data, so a host can answer for any month under the rules then in force and
//! load a province's or a unit's own figures as JSON.
#![deny(clippy::arithmetic_side_effects)]

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::items::ItemCode;
use crate::dated::{check_timeline, overlay, Dated};
use crate::{Error, Result};

/// One bracket: bases up to and including `up_to` (no bound for the last) pay `rate` of the WHOLE base.
///
/// ```
/// let b: dangjian::dues::Bracket = serde_json::from_str(r#"{"up_to":"3000","rate":"0.005"}"#).unwrap();
/// assert_eq!(b.rate.to_string(), "0.005");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bracket {
    /// Inclusive upper bound of the base; `None` for the top bracket.
    #[serde(
        default,
        deserialize_with = "crate::money::de_decimal_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub up_to: Option<Decimal>,
    /// The rate applied to the whole base (0.005 = 0.5%).
    #[serde(deserialize_with = "crate::money::de_decimal")]
    pub rate: Decimal,
}

/// A bracket table: ascending bounds, the last one open.
pub type Brackets = Vec<Bracket>;

/// The bracket a base falls in: the first whose inclusive bound is not below it.
///
/// ```
/// use dangjian::dues::{bracket_for, Bracket};
/// use rust_decimal::Decimal;
/// let t = vec![Bracket { up_to: Some(Decimal::new(3000, 0)), rate: Decimal::new(5, 3) },
///              Bracket { up_to: None, rate: Decimal::new(1, 2) }];
/// assert_eq!(bracket_for(&t, Decimal::new(300000, 2)).unwrap().rate, Decimal::new(5, 3));
/// assert_eq!(bracket_for(&t, Decimal::new(300001, 2)).unwrap().rate, Decimal::new(1, 2));
/// ```
pub fn bracket_for(brackets: &[Bracket], base: Decimal) -> Option<&Bracket> {
    brackets
        .iter()
        .find(|b| b.up_to.is_none_or(|bound| base <= bound))
}

fn check_brackets(brackets: &Brackets) -> Result<()> {
    let last = brackets.len().checked_sub(1).ok_or_else(|| {
        Error::policy(
            "EMPTY_BRACKETS",
            "",
            "档次表为空",
            "the bracket table is empty",
        )
    })?;
    let mut previous: Option<Decimal> = None;
    for (i, b) in brackets.iter().enumerate() {
        check_rate(b.rate).map_err(|e| e.under(&format!("[{i}].rate")))?;
        match (b.up_to, i == last) {
            (None, false) => {
                return Err(Error::policy(
                    "OPEN_BRACKET_NOT_LAST",
                    format!("[{i}].up_to"),
                    "只有最后一档可以不设上限",
                    "only the last bracket may have no upper bound",
                ))
            }
            (Some(_), true) => {
                return Err(Error::policy(
                    "LAST_BRACKET_BOUNDED",
                    format!("[{i}].up_to"),
                    "最后一档不应设上限",
                    "the last bracket must have no upper bound",
                ))
            }
            (Some(bound), false)
                if previous.is_some_and(|p| bound <= p) || bound < Decimal::ZERO =>
            {
                return Err(Error::policy(
                    "BRACKETS_NOT_ASCENDING",
                    format!("[{i}].up_to"),
                    "档次上限须递增且不为负",
                    "bracket bounds must ascend and not be negative",
                ))
            }
            _ => previous = b.up_to,
        }
    }
    Ok(())
}

fn check_rate(rate: Decimal) -> Result<()> {
    if rate < Decimal::ZERO || rate > Decimal::ONE {
        return Err(Error::policy(
            "RATE_OUT_OF_RANGE",
            "",
            "比例须在 0 与 1 之间",
            "a rate must lie between 0 and 1",
        ));
    }
    Ok(())
}

/// A policy's amount: not negative, at most two decimals and at most [`super::MAX_AMOUNT_YUAN`] (the bound on
/// every member amount too), so no figure a policy sets can carry a sum out of `Decimal`'s range.
fn check_money(amount: Decimal, field: &str) -> Result<()> {
    if amount < Decimal::ZERO {
        return Err(Error::policy(
            "NEGATIVE_AMOUNT",
            field,
            "金额不能为负",
            "an amount must not be negative",
        ));
    }
    if amount > Decimal::from(super::MAX_AMOUNT_YUAN) {
        return Err(Error::policy(
            "AMOUNT_TOO_LARGE",
            field,
            format!("金额超过 {} 元：{amount}", super::MAX_AMOUNT_YUAN),
            format!("an amount above {} yuan: {amount}", super::MAX_AMOUNT_YUAN),
        ));
    }
    if amount.normalize().scale() > 2 {
        return Err(Error::policy(
            "TOO_MANY_DECIMALS",
            field,
            format!("金额最多两位小数：{amount}"),
            format!("an amount has at most two decimals: {amount}"),
        ));
    }
    Ok(())
}

/// The flat monthly amounts of 2008 Art. 6 for members without a wage base.
///
/// ```
/// let f = dangjian::Policy::bundled().dues.flat_amounts[0].value.clone();
/// assert_eq!(f.student.to_string(), "0.2");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlatAmounts {
    /// Students (学生党员).
    #[serde(deserialize_with = "crate::money::de_decimal")]
    pub student: Decimal,
    /// Laid-off or unemployed members (下岗失业).
    #[serde(deserialize_with = "crate::money::de_decimal")]
    pub unemployed: Decimal,
    /// Members living on 抚恤 or 救济.
    #[serde(deserialize_with = "crate::money::de_decimal")]
    pub relief: Decimal,
    /// 低保 recipients.
    #[serde(deserialize_with = "crate::money::de_decimal")]
    pub subsistence: Decimal,
}

/// The farmer figure: the province sets `monthly` within `min..=max` (2008 Art. 6: 0.2–1.0 yuan).
///
/// ```
/// let f = dangjian::Policy::bundled().dues.farmer_monthly[0].value.clone();
/// assert!(f.min <= f.monthly && f.monthly <= f.max);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FarmerFigure {
    /// The monthly amount a farmer member pays.
    #[serde(deserialize_with = "crate::money::de_decimal")]
    pub monthly: Decimal,
    /// The lowest figure the rule allows.
    #[serde(deserialize_with = "crate::money::de_decimal")]
    pub min: Decimal,
    /// The highest figure the rule allows.
    #[serde(deserialize_with = "crate::money::de_decimal")]
    pub max: Decimal,
}

fn check_farmer(f: &FarmerFigure) -> Result<()> {
    check_money(f.min, "min")?;
    check_money(f.max, "max")?;
    check_money(f.monthly, "monthly")?;
    if f.min > f.max || f.monthly < f.min || f.monthly > f.max {
        return Err(Error::policy(
            "FARMER_FIGURE_OUT_OF_RANGE",
            "monthly",
            format!("农民党员交纳数额须在 {} 至 {} 元之间", f.min, f.max),
            format!("the farmer figure must lie within {}–{} yuan", f.min, f.max),
        ));
    }
    Ok(())
}

/// Which income items count toward the base, per kind of member, and which are deducted.
/// Items that are neither counted nor deducted for a member are excluded (and say so in the trace).
///
/// ```
/// use dangjian::dues::ItemCode;
/// let c = dangjian::Policy::bundled().dues.composition.last().unwrap().value.clone();
/// assert!(c.public_institution.contains(&ItemCode::BasicPerformance));
/// assert!(!c.public_institution.contains(&ItemCode::RewardPerformance));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Composition {
    /// 机关: counted items.
    pub civil_service: Vec<ItemCode>,
    /// 事业单位: counted items.
    pub public_institution: Vec<ItemCode>,
    /// 企业: counted items.
    pub enterprise: Vec<ItemCode>,
    /// 年薪制: counted items.
    pub annual_salary: Vec<ItemCode>,
    /// 个体/灵活就业: counted items (the quarter's net income, averaged per month).
    pub self_employed: Vec<ItemCode>,
    /// 离退休: counted items.
    pub retired: Vec<ItemCode>,
    /// Items subtracted from the counted total (tax, personal insurance, housing fund, annuity).
    pub deducted: Vec<ItemCode>,
    /// Items subtracted from a retiree's pension: none by default, since 2008 Art. 5 takes the 基本离退休费 itself.
    #[serde(default)]
    pub retired_deducted: Vec<ItemCode>,
}

fn check_composition(c: &Composition) -> Result<()> {
    let counted = [
        ("civil_service", &c.civil_service),
        ("public_institution", &c.public_institution),
        ("enterprise", &c.enterprise),
        ("annual_salary", &c.annual_salary),
        ("self_employed", &c.self_employed),
        ("retired", &c.retired),
    ];
    for (name, list) in counted {
        let deducted = if name == "retired" {
            &c.retired_deducted
        } else {
            &c.deducted
        };
        if let Some((i, code)) = list
            .iter()
            .enumerate()
            .find(|(_, code)| deducted.contains(code))
        {
            return Err(Error::policy(
                "ITEM_COUNTED_AND_DEDUCTED",
                format!("{name}[{i}]"),
                format!("{} 不能既计入又扣除", code.as_str()),
                format!("{} cannot be both counted and deducted", code.as_str()),
            ));
        }
    }
    Ok(())
}

/// How amounts are rounded.
///
/// ```
/// use dangjian::dues::{Rounding, RoundingMode};
/// use rust_decimal::Decimal;
/// let r = Rounding { mode: RoundingMode::HalfUp, scale: 2 };
/// assert_eq!(r.apply(Decimal::new(12345, 3)).to_string(), "12.35");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rounding {
    /// The rule at the midpoint and below the last kept digit.
    pub mode: RoundingMode,
    /// Digits kept after the point: 2 = to the fen, 1 = to the jiao, 0 = whole yuan.
    pub scale: u32,
}

/// Rounding rules a unit may choose.
///
/// ```
/// assert_eq!(serde_json::to_string(&dangjian::dues::RoundingMode::HalfUp).unwrap(), "\"half_up\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RoundingMode {
    /// 四舍五入: halves away from zero.
    HalfUp,
    /// Banker's rounding: halves to the even digit.
    HalfEven,
    /// Truncate (舍去).
    Down,
    /// Any remainder rounds up (进一).
    Up,
}

impl RoundingMode {
    /// The contract name (`half_up`, `half_even`, `down`, `up`).
    ///
    /// ```
    /// assert_eq!(dangjian::dues::RoundingMode::HalfEven.as_str(), "half_even");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            RoundingMode::HalfUp => "half_up",
            RoundingMode::HalfEven => "half_even",
            RoundingMode::Down => "down",
            RoundingMode::Up => "up",
        }
    }
}

impl Rounding {
    /// Rounds an amount and writes it with exactly `scale` decimals (`0.2` → `0.20`), so every surface prints
    /// the same string.
    ///
    /// ```
    /// use dangjian::dues::{Rounding, RoundingMode};
    /// use rust_decimal::Decimal;
    /// let whole = Rounding { mode: RoundingMode::HalfUp, scale: 0 };
    /// assert_eq!(whole.apply(Decimal::new(805, 1)).to_string(), "81");
    /// ```
    pub fn apply(self, amount: Decimal) -> Decimal {
        let strategy = match self.mode {
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::Down => RoundingStrategy::ToZero,
            RoundingMode::Up => RoundingStrategy::AwayFromZero,
        };
        let mut rounded = amount.round_dp_with_strategy(self.scale, strategy);
        rounded.rescale(self.scale);
        rounded
    }
}

fn check_rounding(r: &Rounding) -> Result<()> {
    if r.scale > 2 {
        return Err(Error::policy(
            "ROUNDING_SCALE_OUT_OF_RANGE",
            "scale",
            "党费最多精确到分（scale 0–2）",
            "dues are kept at most to the fen (scale 0–2)",
        ));
    }
    Ok(())
}

/// When a change of income changes the dues.
///
/// ```
/// assert_eq!(serde_json::to_string(&dangjian::dues::FixingRule::AnnualFixed).unwrap(), "\"annual_fixed\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FixingRule {
    /// 2008 Art. 10: the dues follow the income from the month it changes.
    MonthOfChange,
    /// 2017 Notice: the amount is fixed at the start of the year and holds all year.
    AnnualFixed,
}

/// The "generally not more than 1000 yuan a month" figure: an advisory finding, never a cap.
///
/// ```
/// let a = dangjian::Policy::bundled().dues.advisory_monthly_max[0].value;
/// assert!(a.enabled);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdvisoryMax {
    /// Whether amounts above `amount` raise `DUES_ABOVE_ADVISORY_MAX`.
    pub enabled: bool,
    /// The figure.
    #[serde(deserialize_with = "crate::money::de_decimal")]
    pub amount: Decimal,
}

/// The payment windows and the lapse line of 2008 Arts. 11–13.
///
/// ```
/// let w = dangjian::Policy::bundled().dues.payment_rules[0].value;
/// assert_eq!((w.back_payment_max_months, w.prepayment_max_months, w.lapse_months), (6, 6, 6));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaymentRules {
    /// 补交: how many months back a payment may reach without a finding.
    pub back_payment_max_months: u32,
    /// 预交: how many months ahead a payment may reach without a finding.
    pub prepayment_max_months: u32,
    /// Consecutive unpaid months, without good reason, after which the member is treated as having left (自行脱党).
    pub lapse_months: u32,
    /// A single voluntary payment at or above this goes wholly to the Centre.
    #[serde(deserialize_with = "crate::money::de_decimal")]
    pub voluntary_remit_threshold: Decimal,
}

fn check_payment_rules(p: &PaymentRules) -> Result<()> {
    if p.lapse_months == 0 {
        return Err(Error::policy(
            "LAPSE_MONTHS_ZERO",
            "lapse_months",
            "脱党月数须至少为 1",
            "lapse_months must be at least 1",
        ));
    }
    check_money(p.voluntary_remit_threshold, "voluntary_remit_threshold")
}

/// Every dues parameter, each a timeline of dated values (see [`crate::Policy`]).
///
/// A parameter listed several times answers with the entry in force on the date; when an override
/// overlaps a bundled entry, the entry listed last wins.
///
/// ```
/// let p = dangjian::Policy::bundled();
/// assert_eq!(p.dues.employed_brackets.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DuesPolicy {
    /// 在职党员 brackets (2008 Art. 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub employed_brackets: Vec<Dated<Brackets>>,
    /// 离退休党员 brackets (2008 Art. 5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retiree_brackets: Vec<Dated<Brackets>>,
    /// Flat amounts for students, unemployed, relief and 低保 members (2008 Art. 6).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flat_amounts: Vec<Dated<FlatAmounts>>,
    /// The farmer figure, set by the province (2008 Art. 6).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub farmer_monthly: Vec<Dated<FarmerFigure>>,
    /// What counts toward the base (2008 Art. 1; 2017 Notice).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub composition: Vec<Dated<Composition>>,
    /// Rounding of the monthly amount (no national rule: UNCONFIRMED default half-up to the fen).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rounding: Vec<Dated<Rounding>>,
    /// Month-of-change (2008 Art. 10) or annual fixing (2017 Notice).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixing: Vec<Dated<FixingRule>>,
    /// The 1000-yuan advisory figure (2017 Notice).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub advisory_monthly_max: Vec<Dated<AdvisoryMax>>,
    /// Payment windows, the lapse line and the voluntary remittance threshold (2008 Arts. 11–13).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub payment_rules: Vec<Dated<PaymentRules>>,
}

impl DuesPolicy {
    /// Checks every timeline: periods well formed and not overlapping, values valid.
    ///
    /// ```
    /// assert!(dangjian::Policy::bundled().dues.validate().is_ok());
    /// ```
    pub fn validate(&self) -> Result<()> {
        check_timeline(&self.employed_brackets, "employed_brackets", check_brackets)?;
        check_timeline(&self.retiree_brackets, "retiree_brackets", check_brackets)?;
        check_timeline(&self.flat_amounts, "flat_amounts", |f| {
            check_money(f.student, "student")?;
            check_money(f.unemployed, "unemployed")?;
            check_money(f.relief, "relief")?;
            check_money(f.subsistence, "subsistence")
        })?;
        check_timeline(&self.farmer_monthly, "farmer_monthly", check_farmer)?;
        check_timeline(&self.composition, "composition", check_composition)?;
        check_timeline(&self.rounding, "rounding", check_rounding)?;
        check_timeline(&self.fixing, "fixing", |_| Ok(()))?;
        check_timeline(&self.advisory_monthly_max, "advisory_monthly_max", |a| {
            check_money(a.amount, "amount")
        })?;
        check_timeline(&self.payment_rules, "payment_rules", check_payment_rules)
    }

    /// Lays an override's entries over this policy's (see [`crate::Policy::with_overrides_json`]).
    pub(crate) fn overlay(&mut self, other: DuesPolicy) {
        fn each<T: Clone>(into: &mut Vec<Dated<T>>, from: Vec<Dated<T>>) {
            for entry in from {
                overlay(into, entry);
            }
        }
        each(&mut self.employed_brackets, other.employed_brackets);
        each(&mut self.retiree_brackets, other.retiree_brackets);
        each(&mut self.flat_amounts, other.flat_amounts);
        each(&mut self.farmer_monthly, other.farmer_monthly);
        each(&mut self.composition, other.composition);
        each(&mut self.rounding, other.rounding);
        each(&mut self.fixing, other.fixing);
        each(&mut self.advisory_monthly_max, other.advisory_monthly_max);
        each(&mut self.payment_rules, other.payment_rules);
    }
}
