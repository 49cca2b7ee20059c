//! Assessing one member's dues for one month (2008 Rules Arts. 1–10; 2017 Notice).
#![deny(clippy::arithmetic_side_effects)]

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::base::compose_base;
use super::items::Category;
use super::member::{DuesMember, HardshipOutcome};
use super::params::{bracket_for, FixingRule};
use super::tracer::{category_article, Tracer};
pub(crate) use crate::dues::bundled::rules_2008;
use crate::dues::bundled::NOTICE_2017;
use crate::policy::in_force;
use crate::{Citation, Error, Finding, Policy, Result, Severity, TraceStep, YearMonth};

/// What to compute besides the amount.
///
/// ```
/// let fast = dangjian::dues::AssessOptions { trace: false };
/// assert!(dangjian::dues::AssessOptions::default().trace && !fast.trace);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessOptions {
    /// Build the step-by-step trace (findings are always produced).
    pub trace: bool,
}

impl Default for AssessOptions {
    fn default() -> Self {
        Self { trace: true }
    }
}

/// One member's dues for one month, with the why.
///
/// ```
/// use dangjian::{dues, Policy, YearMonth};
/// let m: dues::DuesMember = serde_json::from_str(r#"{"member_id":"M1","category":"employed",
///   "incomes":[{"items":[{"code":"net_base","amount":"5400"}]}]}"#).unwrap();
/// let a = dues::assess(&Policy::bundled(), &m, "2026-03".parse().unwrap(), Default::default()).unwrap();
/// assert_eq!((a.rate.unwrap().to_string().as_str(), a.amount.to_string().as_str()), ("0.015", "81.00"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Assessment {
    /// The member.
    pub member_id: String,
    /// The month owed.
    pub month: YearMonth,
    /// The category used.
    pub category: Category,
    /// The monthly base (`None` for flat-amount categories and months not owed).
    pub base: Option<Decimal>,
    /// The rate applied to the whole base (`None` for flat amounts).
    pub rate: Option<Decimal>,
    /// The amount owed for the month.
    pub amount: Decimal,
    /// The month whose assessment holds for this one (annual fixing: the start of the year).
    pub assessed_in: YearMonth,
    /// The article that decided the amount.
    pub citation: Citation,
    /// What the caller should know (stable codes).
    pub findings: Vec<Finding>,
    /// How the amount was reached (empty when traces are off).
    pub trace: Vec<TraceStep>,
}

impl Assessment {
    /// The finding codes, in order.
    ///
    /// ```
    /// use dangjian::{dues, Policy};
    /// let m: dues::DuesMember = serde_json::from_str(r#"{"member_id":"S","category":"student"}"#).unwrap();
    /// let a = dues::assess(&Policy::bundled(), &m, "2026-01".parse().unwrap(), Default::default()).unwrap();
    /// assert!(a.codes().is_empty());
    /// ```
    pub fn codes(&self) -> Vec<&str> {
        self.findings.iter().map(|f| f.code.as_str()).collect()
    }
}

/// Money at the fen, written with two decimals. Inputs carry at most two decimals, so nothing is lost.
pub(crate) fn to_fen(amount: Decimal) -> Decimal {
    let mut fen = amount;
    fen.rescale(2);
    fen
}

/// Assesses `member`'s dues for `month` under the rules in force then.
///
/// The steps: the month must be owed (a probationary member owes from the month the branch general meeting
/// admitted them, 2008 Art. 8); the fixing rule in force picks the month whose income decides (2017 Notice:
/// the start of the year; before it, 2008 Art. 10: the month itself); the base is composed from the items
/// (counted, excluded, deducted, per the composition in force); the bracket's rate applies to the whole
/// base (2008 Arts. 2–5) or the flat amount applies (Art. 6); the amount is rounded per policy; a hardship
/// decision reduces or waives it (Art. 7); an amount above the advisory figure raises
/// `DUES_ABOVE_ADVISORY_MAX` (2017 Notice) — never a cap.
///
/// Findings: `NOT_OWED_BEFORE_ADMISSION`, `BASE_ZERO`, `BASE_BELOW_ZERO`, `INCOME_CHANGE_DEFERRED`, `HARDSHIP_REDUCED`,
/// `HARDSHIP_WAIVED`, `HARDSHIP_NO_EFFECT`, `DUES_ABOVE_ADVISORY_MAX`, `ITEMS_IGNORED_FOR_FLAT_AMOUNT`.
///
/// ```
/// use dangjian::{dues, Policy};
/// let m: dues::DuesMember = serde_json::from_str(r#"{"member_id":"R1","category":"retired",
///   "incomes":[{"items":[{"code":"pension","amount":"5000.01"}]}]}"#).unwrap();
/// let a = dues::assess(&Policy::bundled(), &m, "2026-06".parse().unwrap(), Default::default()).unwrap();
/// assert_eq!(a.amount.to_string(), "50.00"); // 5000.01 × 1% = 50.0001 → 50.00
/// ```
pub fn assess(
    policy: &Policy,
    member: &DuesMember,
    month: YearMonth,
    options: AssessOptions,
) -> Result<Assessment> {
    member.validate()?;
    let mut tracer = Tracer::new(options.trace);
    let mut findings = Vec::new();
    let admitted = member.admitted_on.map(YearMonth::of);
    if let Some(admitted_month) = admitted.filter(|a| month < *a) {
        findings.push(Finding::new(
            "NOT_OWED_BEFORE_ADMISSION",
            Severity::Info,
            format!("{admitted_month} 支部大会接收为预备党员，此前月份无需交纳党费"),
            format!(
                "admitted as a probationary member in {admitted_month}: nothing is owed before"
            ),
            Some(rules_2008("第八条")),
        ));
        tracer.push(|| {
            TraceStep::new(
                "admission",
                format!("admitted in {admitted_month}: {month} is not owed"),
                "0.00",
            )
            .cite(rules_2008("第八条"))
        });
        return Ok(Assessment {
            member_id: member.member_id.clone(),
            month,
            category: member.category,
            base: None,
            rate: None,
            amount: to_fen(Decimal::ZERO),
            assessed_in: month,
            citation: rules_2008("第八条"),
            findings,
            trace: tracer.into_steps(),
        });
    }
    if let Some(admitted_month) = admitted {
        tracer.push(|| {
            TraceStep::new(
                "admission",
                format!(
                    "probationary member admitted in {admitted_month}: dues owed from that month"
                ),
                admitted_month.to_string(),
            )
            .cite(rules_2008("第八条"))
        });
    }

    let dues = &policy.dues;
    let fixing = in_force(&dues.fixing, month.first_day(), "dues.fixing")?;
    // Annual fixing re-bases wages and pensions once a year. An annual-salary member pays on the pay received
    // that month (2008 Art. 3) and a self-employed member on the last quarter's income (Art. 4): their bases
    // are periodic by definition, so they follow the month whatever the fixing rule.
    let periodic_base = matches!(
        member.category,
        Category::AnnualSalary | Category::SelfEmployed
    );
    let assessed_in = match fixing.value {
        FixingRule::MonthOfChange => month,
        FixingRule::AnnualFixed if periodic_base => month,
        FixingRule::AnnualFixed => {
            let first_income = member.incomes.first().and_then(|r| r.from);
            [Some(month.january()), admitted, first_income]
                .into_iter()
                .flatten()
                .max()
                .filter(|start| *start <= month)
                .unwrap_or(month)
        }
    };
    tracer.push(|| {
        let how = match fixing.value {
            FixingRule::MonthOfChange => "dues follow the income of the month itself".to_owned(),
                        FixingRule::AnnualFixed if periodic_base => {
                "annual fixing does not apply: this base is the month's (Art. 3) or the last quarter's (Art. 4)"
                    .to_owned()
            }
            FixingRule::AnnualFixed => {
                format!("annual fixing: the amount assessed in {assessed_in} holds for the year")
            }
        };
        TraceStep::new("fixing", how, assessed_in.to_string())
            .with_parameter("dues.fixing")
            .cite(fixing.citation.clone())
    });

    let mut computed = amount_in(policy, member, assessed_in, &mut tracer, &mut findings).map_err(|e| {
        // No income record in the month the dues are fixed on (the only error of a non-flat `amount_in`
        // before its base): said with both months. Asked of the input, not of the error's code.
        if assessed_in != month && !member.category.is_flat() && member.income_in(assessed_in).is_none() {
            Error::input(
                "MISSING_INCOME",
                "incomes",
                format!("{month} 的党费按 {assessed_in} 的收入核定，但该月没有可用的收入记录"),
                format!("dues for {month} are fixed on the income of {assessed_in}, and no income record applies to {assessed_in}"),
            )
        } else {
            e
        }
    })?;
    if assessed_in != month && !member.category.is_flat() {
        let fixed = member.income_in(assessed_in).map(|r| &r.items);
        let current_record = member.income_in(month);
        if fixed != current_record.map(|r| &r.items) {
            let current = current_record;
            let changed = current.and_then(|r| r.from).unwrap_or(month);
            findings.push(Finding::new(
                "INCOME_CHANGE_DEFERRED",
                Severity::Info,
                format!("{changed} 收入变化，按年度核定，党费数额于下一年度调整"),
                format!(
                    "income changed in {changed}: under annual fixing the dues change next year"
                ),
                Some(fixing.citation.clone()),
            ));
        }
    }

    if let Some(decision) = member.hardship_in(month) {
        apply_hardship(&mut computed, decision, &mut tracer, &mut findings);
    }

    let advisory = in_force(
        &dues.advisory_monthly_max,
        month.first_day(),
        "dues.advisory_monthly_max",
    );
    if let Ok(advisory) = advisory {
        if advisory.value.enabled && computed.amount > advisory.value.amount {
            findings.push(Finding::new(
                "DUES_ABOVE_ADVISORY_MAX",
                Severity::Info,
                format!(
                    "月交党费 {} 元，超过“一般不超过 {} 元”的参考数额；按规定比例照收，不设上限",
                    computed.amount, advisory.value.amount
                ),
                format!(
                    "monthly dues of {} exceed the advisory figure of {}: the amount is not capped",
                    computed.amount, advisory.value.amount
                ),
                Some(Citation::new(NOTICE_2017, "")),
            ));
        }
    }

    Ok(Assessment {
        member_id: member.member_id.clone(),
        month,
        category: member.category,
        base: computed.base,
        rate: computed.rate,
        amount: computed.amount,
        assessed_in,
        citation: computed.citation,
        findings,
        trace: tracer.into_steps(),
    })
}

struct Computed {
    base: Option<Decimal>,
    rate: Option<Decimal>,
    amount: Decimal,
    citation: Citation,
}

impl Category {
    /// Whether the category pays a flat amount rather than a rate of a base (2008 Art. 6).
    ///
    /// ```
    /// assert!(dangjian::dues::Category::Farmer.is_flat());
    /// assert!(!dangjian::dues::Category::Retired.is_flat());
    /// ```
    pub fn is_flat(self) -> bool {
        matches!(
            self,
            Category::Farmer
                | Category::Student
                | Category::Unemployed
                | Category::Relief
                | Category::Subsistence
        )
    }
}

/// The amount the rules in force in `month` give for the member's income then.
fn amount_in(
    policy: &Policy,
    member: &DuesMember,
    month: YearMonth,
    tracer: &mut Tracer,
    findings: &mut Vec<Finding>,
) -> Result<Computed> {
    let on = month.first_day();
    let dues = &policy.dues;
    let citation = rules_2008(category_article(member.category));
    if member.category.is_flat() {
        let (amount, parameter, dated_citation) = if member.category == Category::Farmer {
            let figure = in_force(&dues.farmer_monthly, on, "dues.farmer_monthly")?;
            (
                figure.value.monthly,
                "dues.farmer_monthly",
                &figure.citation,
            )
        } else {
            let flat = in_force(&dues.flat_amounts, on, "dues.flat_amounts")?;
            let amount = match member.category {
                Category::Student => flat.value.student,
                Category::Unemployed => flat.value.unemployed,
                Category::Relief => flat.value.relief,
                _ => flat.value.subsistence,
            };
            (amount, "dues.flat_amounts", &flat.citation)
        };
        // A flat amount is a stated figure, not a computed one: it is written to the fen and never rounded
        // (a unit that rounds to whole yuan must not turn 0.20 into 0).
        let amount = to_fen(amount);
        if member.income_in(month).is_some_and(|r| !r.items.is_empty()) {
            findings.push(Finding::new(
                "ITEMS_IGNORED_FOR_FLAT_AMOUNT",
                Severity::Info,
                format!(
                    "{}按固定数额交纳，收入项目不参与计算",
                    member.category.name_zh()
                ),
                format!(
                    "{} members pay a flat amount: income items are not used",
                    member.category
                ),
                Some(citation.clone()),
            ));
        }
        tracer.push(|| {
            TraceStep::new(
                "amount",
                format!("flat monthly amount for {}", member.category),
                amount.to_string(),
            )
            .with_parameter(parameter)
            .cite(dated_citation.clone())
        });
        return Ok(Computed {
            base: None,
            rate: None,
            amount,
            // A province's own figure cites the province's rule, not only the 2008 Rules.
            citation: dated_citation.clone(),
        });
    }

    let record = member.income_in(month).ok_or_else(|| {
        Error::input(
            "MISSING_INCOME",
            "incomes",
            format!("{month} 没有可用的收入记录"),
            format!("no income record applies to {month}"),
        )
    })?;
    // Missing means absent: a record with no item gives no value at all, while an item of 0.00 is an amount.
    if record.items.is_empty() {
        let i = member
            .incomes
            .iter()
            .position(|r| std::ptr::eq(r, record))
            .unwrap_or(0);
        return Err(Error::input(
            "MISSING_INCOME",
            format!("incomes[{i}].items"),
            format!("{month} 适用的收入记录没有任何收入项目"),
            format!("the income record for {month} has no item"),
        ));
    }
    // The base is money: written to the fen whatever the input's notation ("5400" → "5400.00").
    let base = to_fen(compose_base(
        policy, member, record, month, tracer, findings,
    )?);
    let (table, parameter) = if member.category == Category::Retired {
        (&dues.retiree_brackets, "dues.retiree_brackets")
    } else {
        (&dues.employed_brackets, "dues.employed_brackets")
    };
    let brackets = in_force(table, on, parameter)?;
    let bracket = bracket_for(&brackets.value, base).ok_or_else(|| {
        Error::policy(
            "EMPTY_BRACKETS",
            parameter,
            "档次表为空",
            "the bracket table is empty",
        )
    })?;
    let rounding = in_force(&dues.rounding, on, "dues.rounding")?;
    let exact = base
        .checked_mul(bracket.rate)
        .ok_or_else(|| Error::overflow("amount"))?;
    let amount = rounding.value.apply(exact);
    tracer.push(|| {
        let band = match bracket.up_to {
            Some(bound) => format!("base {base} ≤ {bound}"),
            None => format!("base {base} is in the top bracket"),
        };
        TraceStep::new(
            "rate",
            format!("{band}: rate applies to the whole base"),
            bracket.rate.to_string(),
        )
        .with_parameter(parameter)
        .cite(brackets.citation.clone())
    });
    tracer.push(|| {
        TraceStep::new(
            "amount",
            format!(
                "{base} × {} = {exact}, rounded {} to {} decimals",
                bracket.rate,
                rounding.value.mode.as_str(),
                rounding.value.scale
            ),
            amount.to_string(),
        )
        .with_parameter("dues.rounding")
        .cite(rounding.citation.clone())
    });
    Ok(Computed {
        base: Some(base),
        rate: Some(bracket.rate),
        amount,
        citation,
    })
}

fn apply_hardship(
    computed: &mut Computed,
    decision: &super::member::HardshipDecision,
    tracer: &mut Tracer,
    findings: &mut Vec<Finding>,
) {
    let citation = rules_2008("第七条");
    // The approved figure is stated by the committee: written to the fen, never re-rounded.
    let granted = to_fen(match decision.outcome {
        HardshipOutcome::Waived => Decimal::ZERO,
        HardshipOutcome::Reduced => decision.reduced_amount.unwrap_or(computed.amount),
    });
    if granted >= computed.amount {
        findings.push(Finding::new(
            "HARDSHIP_NO_EFFECT",
            Severity::Info,
            format!(
                "减交后数额 {granted} 不低于应交数额 {}，按应交数额",
                computed.amount
            ),
            format!(
                "the reduced amount {granted} is not below the amount owed {}: no effect",
                computed.amount
            ),
            Some(citation),
        ));
        return;
    }
    let (code, zh, en) = match decision.outcome {
        HardshipOutcome::Waived => ("HARDSHIP_WAIVED", "免交", "waived"),
        HardshipOutcome::Reduced => ("HARDSHIP_REDUCED", "少交", "reduced"),
    };
    findings.push(Finding::new(
        code,
        Severity::Info,
        format!(
            "经支部研究（{}）、{}批准（{}），{zh}党费：{} → {granted}",
            decision.branch_studied_on, decision.approved_by, decision.approved_on, computed.amount
        ),
        format!(
            "{en} after the branch studied it ({}) and {} approved it ({}): {} → {granted}",
            decision.branch_studied_on, decision.approved_by, decision.approved_on, computed.amount
        ),
        Some(citation.clone()),
    ));
    let before = computed.amount;
    tracer.push(|| {
        TraceStep::new(
            "hardship",
            format!("{en} from {before}"),
            granted.to_string(),
        )
        .cite(citation.clone())
    });
    computed.amount = granted;
    computed.citation = citation;
}
