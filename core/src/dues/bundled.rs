//! The dues engine's bundled defaults, written as the regulations state them (RULES §1).
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::dated::Dated;
use crate::dues::{
    AdvisoryMax, Bracket, Composition, DuesPolicy, FarmerFigure, FixingRule, FlatAmounts,
    ItemCode as I, PaymentRules, Rounding, RoundingMode,
};
use crate::Citation;

/// 《关于中国共产党党费收缴、使用和管理的规定》.
pub(crate) const RULES_2008: &str = "关于中国共产党党费收缴、使用和管理的规定（中组发〔2008〕3号）";
/// 《关于进一步规范党费工作的通知》.
pub(crate) const NOTICE_2017: &str = "关于进一步规范党费工作的通知（组电明字〔2017〕5号）";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// The 2008 Rules were published on 1 April 2008.
fn from_2008() -> NaiveDate {
    day(2008, 4, 1)
}

/// UNCONFIRMED: the 2017 Notice's exact date of effect was not obtained; it is applied from the 2017 dues year.
fn from_2017() -> NaiveDate {
    day(2017, 1, 1)
}

const NOTE_2017_DATE: &str =
    "UNCONFIRMED: the 2017 Notice's date of effect was not obtained; applied from 2017-01-01";

fn yuan(units: i64, scale: u32) -> Decimal {
    Decimal::new(units, scale)
}

/// A citation of an article of the 2008 Rules.
pub(crate) fn rules_2008(article: &'static str) -> Citation {
    Citation::new(RULES_2008, article)
}

fn notice() -> Citation {
    Citation::new(NOTICE_2017, "")
}

/// The employed members' brackets (2008 Rules Art. 2): 0.5% up to 3000, 1% up to 5000, 1.5% up to 10000, 2% above.
fn employed_brackets() -> Vec<Bracket> {
    vec![
        Bracket {
            up_to: Some(yuan(3000, 0)),
            rate: yuan(5, 3),
        },
        Bracket {
            up_to: Some(yuan(5000, 0)),
            rate: yuan(1, 2),
        },
        Bracket {
            up_to: Some(yuan(10000, 0)),
            rate: yuan(15, 3),
        },
        Bracket {
            up_to: None,
            rate: yuan(2, 2),
        },
    ]
}

/// The retirees' brackets (2008 Rules Art. 5): 0.5% up to 5000, 1% above.
fn retiree_brackets() -> Vec<Bracket> {
    vec![
        Bracket {
            up_to: Some(yuan(5000, 0)),
            rate: yuan(5, 3),
        },
        Bracket {
            up_to: None,
            rate: yuan(1, 2),
        },
    ]
}

/// 职务（岗位）工资 + 级别（薪级）工资 and the employer type's other items.
fn wage_items(extra: &[I]) -> Vec<I> {
    let mut v = vec![I::PostSalary, I::GradeSalary];
    v.extend_from_slice(extra);
    v
}

/// The items that make the base for each employer type, less `deducted` (2008 Rules Art. 1; 2017 Notice).
fn composition(deducted: Vec<I>) -> Composition {
    Composition {
        // 机关: 职务工资 + 级别工资 + 规范津贴补贴 (基本工资 = 职务 + 级别, when reported as one figure).
        civil_service: wage_items(&[I::BasicSalary, I::Allowance]),
        // 事业单位: 岗位工资 + 薪级工资 + 基础性绩效 + 津贴补贴; 奖励性绩效 excluded.
        public_institution: wage_items(&[I::BasicSalary, I::BasicPerformance, I::Allowance]),
        // 企业: fixed pay (基本/岗位工资) + regular, universally paid bonuses; one-off awards excluded.
        enterprise: wage_items(&[
            I::BasicSalary,
            I::BasicPerformance,
            I::Allowance,
            I::RegularBonus,
        ]),
        annual_salary: vec![I::MonthlyPay],
        self_employed: vec![I::QuarterNetIncome],
        // 基本离退休费 / 基本养老金, without allowances.
        retired: vec![I::Pension],
        deducted,
        retired_deducted: Vec::new(),
    }
}

/// The deductions the 2017 Notice names: tax, the individual's social insurance, housing fund, occupational annuity.
fn deductions_2017() -> Vec<I> {
    vec![
        I::IncomeTax,
        I::PensionInsurance,
        I::MedicalInsurance,
        I::UnemploymentInsurance,
        I::InjuryInsurance,
        I::MaternityInsurance,
        I::HousingFund,
        I::OccupationalAnnuity,
    ]
}

/// The bundled national dues policy: each figure dated and cited.
pub(crate) fn dues() -> DuesPolicy {
    let until_2017 = from_2017().pred_opt();
    DuesPolicy {
        employed_brackets: vec![Dated::new(from_2008(), None, rules_2008("第二条"), employed_brackets())],
        retiree_brackets: vec![Dated::new(from_2008(), None, rules_2008("第五条"), retiree_brackets())
            .with_note("base = 基本离退休费/基本养老金 without allowances (2017 Notice)")],
        flat_amounts: vec![Dated::new(
            from_2008(),
            None,
            rules_2008("第六条"),
            FlatAmounts {
                student: yuan(2, 1),
                unemployed: yuan(2, 1),
                relief: yuan(2, 1),
                subsistence: yuan(2, 1),
            },
        )],
        farmer_monthly: vec![Dated::new(
            from_2008(),
            None,
            rules_2008("第六条"),
            FarmerFigure { monthly: yuan(5, 1), min: yuan(2, 1), max: yuan(10, 1) },
        )
        .with_note("the province sets the figure within 0.2–1.0; 0.5 is a common local figure, override it")],
        composition: vec![
            Dated::new(from_2008(), until_2017, rules_2008("第一条"), composition(vec![I::IncomeTax]))
                .with_note("2008 Art. 1 names the base after tax; the other deductions are the 2017 Notice's"),
            Dated::new(from_2017(), None, notice(), composition(deductions_2017())).with_note(NOTE_2017_DATE),
        ],
        rounding: vec![Dated::new(
            from_2008(),
            None,
            Citation::new("无全国统一规定", "本库默认"),
            Rounding { mode: RoundingMode::HalfUp, scale: 2 },
        )
        .with_note("UNCONFIRMED: no national rounding rule; default half-up to the fen, a unit may override")],
        fixing: vec![
            Dated::new(from_2008(), until_2017, rules_2008("第十条"), FixingRule::MonthOfChange),
            Dated::new(from_2017(), None, notice(), FixingRule::AnnualFixed).with_note(NOTE_2017_DATE),
        ],
        advisory_monthly_max: vec![Dated::new(
            from_2017(),
            None,
            notice(),
            AdvisoryMax { enabled: true, amount: yuan(1000, 0) },
        )
        .with_note("UNCONFIRMED which wins against 2008 Art. 3's example: an advisory finding, never a cap")],
        payment_rules: vec![Dated::new(
            from_2008(),
            None,
            rules_2008("第十二条"),
            PaymentRules {
                back_payment_max_months: 6,
                prepayment_max_months: 6,
                lapse_months: 6,
                voluntary_remit_threshold: yuan(1000, 0),
            },
        )
        .with_note("lapse: 2008 Art. 13 and 党章 第九条; voluntary remittance: 2008 Art. 11")],
    }
}
