//! The dues contract as UniFFI records and enums, field for field the core's (`dangjian::dues`).
//!
//! Money and rates are [`Decimal`] (`BigDecimal` / `Foundation.Decimal` / `decimal.Decimal`); dates are
//! `YYYY-MM-DD` strings and months `YYYY-MM` strings. Enums are the core's own, exposed as they are.

pub use dangjian::dues::{Category, EmployerType, HardshipOutcome, ItemCode};

use crate::explain::{Citation, Finding, TraceStep};
use crate::money::Decimal;

/// What kind of member pays: decides the base or the flat amount (2008 Rules Arts. 2–6).
#[uniffi::remote(Enum)]
pub enum Category {
    /// 在职党员 paid a monthly wage (Art. 2).
    Employed,
    /// 实行年薪制党员: the pay received that month (Art. 3).
    AnnualSalary,
    /// 个体/灵活就业: the previous quarter's net income, averaged per month (Art. 4).
    SelfEmployed,
    /// 离退休党员 (Art. 5).
    Retired,
    /// 农民党员: the province's figure (Art. 6).
    Farmer,
    /// 学生党员 (Art. 6).
    Student,
    /// 下岗失业党员 (Art. 6).
    Unemployed,
    /// Living on 抚恤 or 救济 (Art. 6).
    Relief,
    /// 低保 recipients (Art. 6).
    Subsistence,
}

/// The employer, which decides what counts toward an employed member's base.
#[uniffi::remote(Enum)]
pub enum EmployerType {
    /// 机关.
    CivilService,
    /// 事业单位.
    PublicInstitution,
    /// 企业.
    Enterprise,
}

/// An income item of the payroll, or a deduction from it.
#[uniffi::remote(Enum)]
pub enum ItemCode {
    /// 职务（岗位）工资.
    PostSalary,
    /// 级别（薪级）工资.
    GradeSalary,
    /// 基本工资.
    BasicSalary,
    /// 基础性绩效工资.
    BasicPerformance,
    /// 奖励性绩效工资.
    RewardPerformance,
    /// 津贴补贴.
    Allowance,
    /// 经常性奖金.
    RegularBonus,
    /// 一次性奖金.
    OneOffBonus,
    /// 各类补贴 (housing, transport, phone, overtime, meal …).
    Subsidy,
    /// 基本离退休费 / 基本养老金.
    Pension,
    /// Annual-salary members: the pay received this month.
    MonthlyPay,
    /// Self-employed: the previous quarter's net income.
    QuarterNetIncome,
    /// 个人所得税.
    IncomeTax,
    /// 养老保险.
    PensionInsurance,
    /// 医疗保险.
    MedicalInsurance,
    /// 失业保险.
    UnemploymentInsurance,
    /// 工伤保险.
    InjuryInsurance,
    /// 生育保险.
    MaternityInsurance,
    /// 住房公积金.
    HousingFund,
    /// 职业年金（企业年金）.
    OccupationalAnnuity,
    /// The base itself, when already known (then no other item).
    NetBase,
}

/// What a hardship decision grants.
#[uniffi::remote(Enum)]
pub enum HardshipOutcome {
    /// 少交.
    Reduced,
    /// 免交.
    Waived,
}

/// One payroll item and its monthly amount (`dangjian::dues::IncomeItem`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct IncomeItem {
    /// The item code.
    pub code: ItemCode,
    /// The monthly amount in yuan (not negative, at most two decimals).
    pub amount: Decimal,
}

/// The member's income items from a month on (`dangjian::dues::IncomeRecord`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct IncomeRecord {
    /// First month (`YYYY-MM`) this income applies; null for an income that applies from the start.
    #[uniffi(default)]
    pub from: Option<String>,
    /// The items.
    pub items: Vec<IncomeItem>,
}

/// A hardship decision (2008 Art. 7; `dangjian::dues::HardshipDecision`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct HardshipDecision {
    /// First month covered, `YYYY-MM`.
    pub from: String,
    /// Last month covered, `YYYY-MM`; open-ended when null.
    #[uniffi(default)]
    pub to: Option<String>,
    /// Reduced to an amount, or waived.
    pub outcome: HardshipOutcome,
    /// The monthly amount after reduction (required when `outcome` is `REDUCED`).
    #[uniffi(default)]
    pub reduced_amount: Option<Decimal>,
    /// When the branch studied the case (支部研究), `YYYY-MM-DD`.
    pub branch_studied_on: String,
    /// Who approved it (the next-level committee).
    pub approved_by: String,
    /// When it was approved, `YYYY-MM-DD`.
    pub approved_on: String,
}

/// A member as the dues engine sees them (`dangjian::dues::DuesMember`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DuesMember {
    /// The member's id (unique within a batch).
    pub member_id: String,
    /// The category.
    pub category: Category,
    /// The employer type; required for an employed member whose base is built from items.
    #[uniffi(default)]
    pub employer_type: Option<EmployerType>,
    /// Income records, ascending by `from`; only the first may have no `from`.
    #[uniffi(default)]
    pub incomes: Vec<IncomeRecord>,
    /// For a probationary member: the day the branch general meeting admitted them, `YYYY-MM-DD`.
    #[uniffi(default)]
    pub admitted_on: Option<String>,
    /// Hardship decisions.
    #[uniffi(default)]
    pub hardship: Vec<HardshipDecision>,
    /// Version of the member document; `None` means 1, the current version.
    #[uniffi(default)]
    pub schema_version: Option<u32>,
}

/// One member's dues for one month, with the why (`dangjian::dues::Assessment`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Assessment {
    /// The member.
    pub member_id: String,
    /// The month owed, `YYYY-MM`.
    pub month: String,
    /// The category used.
    pub category: Category,
    /// The monthly base (null for flat amounts and months not owed).
    pub base: Option<Decimal>,
    /// The rate applied to the whole base (null for flat amounts).
    pub rate: Option<Decimal>,
    /// The amount owed for the month.
    pub amount: Decimal,
    /// The month whose assessment holds for this one (annual fixing: the start of the year), `YYYY-MM`.
    pub assessed_in: String,
    /// The article that decided the amount.
    pub citation: Citation,
    /// What the caller should know (stable codes).
    pub findings: Vec<Finding>,
    /// How the amount was reached (empty when traces are off).
    pub trace: Vec<TraceStep>,
}

/// A member the batch could not assess (`dangjian::dues::BatchError`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BatchError {
    /// Position in the input (0-based).
    pub index: u32,
    /// The member's id, when it could be read.
    pub member_id: Option<String>,
    /// `invalid_input`, `policy` or `calendar`.
    pub kind: String,
    /// Stable code.
    pub code: String,
    /// Path of the field at fault, inside the member.
    pub field: String,
    /// Message in Chinese.
    pub message_zh: String,
    /// Message in English.
    pub message_en: String,
}

/// The batch result: assessments in input order, and the members that failed
/// (`dangjian::dues::BatchOutcome`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BatchOutcome {
    /// One per member that could be assessed, in input order.
    pub assessments: Vec<Assessment>,
    /// One per member that could not.
    pub errors: Vec<BatchError>,
}

/// The amount owed for one month (`dangjian::dues::Obligation`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Obligation {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// The amount owed.
    pub amount: Decimal,
}

/// One payment (`dangjian::dues::Payment`): regular dues for the months listed (filled in month order) and
/// any voluntary extra. Give `amount` and `voluntary` as zero when there is none.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Payment {
    /// The day it was paid, `YYYY-MM-DD`.
    pub paid_on: String,
    /// The regular dues paid.
    pub amount: Decimal,
    /// The months (`YYYY-MM`) the regular dues cover.
    #[uniffi(default)]
    pub months: Vec<String>,
    /// Voluntary extra dues (自愿多交) in the same payment.
    pub voluntary: Decimal,
    /// How it was paid (cash, transfer, app …), free text.
    #[uniffi(default)]
    pub channel: String,
}

/// A recorded good reason for not paying (正当理由; `dangjian::dues::GoodReason`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct GoodReason {
    /// First month covered, `YYYY-MM`.
    pub from: String,
    /// Last month covered, `YYYY-MM`.
    pub to: String,
    /// The reason as recorded by the branch.
    pub reason: String,
}

/// A member's dues ledger (`dangjian::dues::Ledger`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Ledger {
    /// The member.
    pub member_id: String,
    /// What was owed, one entry per month.
    pub obligations: Vec<Obligation>,
    /// What was paid.
    pub payments: Vec<Payment>,
    /// Months with a recorded good reason.
    #[uniffi(default)]
    pub good_reasons: Vec<GoodReason>,
    /// Version of the ledger document; `None` means 1, the current version.
    #[uniffi(default)]
    pub schema_version: Option<u32>,
}

/// One month of the ledger as of the report date (`dangjian::dues::MonthLine`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MonthLine {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// Owed.
    pub due: Decimal,
    /// Paid toward it by the report date.
    pub paid: Decimal,
    /// Still owed.
    pub outstanding: Decimal,
    /// The date of the last payment toward it, `YYYY-MM-DD`.
    #[uniffi(default)]
    pub paid_on: Option<String>,
}

/// One voluntary payment (自愿多交; `dangjian::dues::VoluntaryLine`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct VoluntaryLine {
    /// When it was paid, `YYYY-MM-DD`.
    pub paid_on: String,
    /// How much.
    pub amount: Decimal,
    /// Whether it goes wholly to the Centre.
    pub remitted: bool,
}

/// The ledger as of a date (`dangjian::dues::LedgerReport`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LedgerReport {
    /// The member.
    pub member_id: String,
    /// The report date, `YYYY-MM-DD`.
    pub as_of: String,
    /// Every month owed, ascending.
    pub months: Vec<MonthLine>,
    /// Total owed.
    pub total_due: Decimal,
    /// Total regular dues paid toward owed months.
    pub total_paid: Decimal,
    /// Total still owed (past, current and future months).
    pub outstanding: Decimal,
    /// Past months (`YYYY-MM`) still unpaid, ascending.
    pub arrears: Vec<String>,
    /// Voluntary extra dues paid by the report date.
    pub voluntary_total: Decimal,
    /// Each voluntary payment.
    pub voluntary_payments: Vec<VoluntaryLine>,
    /// Voluntary payments remitted wholly to the Centre.
    pub remitted_to_centre: Decimal,
    /// Regular dues paid beyond what the listed months owed.
    pub unallocated: Decimal,
    /// The day the six-month line was crossed, `YYYY-MM-DD`, when it was.
    #[uniffi(default)]
    pub lapse_on: Option<String>,
    /// Findings, in order.
    pub findings: Vec<Finding>,
}

/// The period a summary covers (`dangjian::dues::Period`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum Period {
    /// One month.
    Month {
        /// The month, `YYYY-MM`.
        month: String,
    },
    /// One calendar year.
    Year {
        /// The year.
        year: i32,
    },
}

/// A branch's dues figures for a period (`dangjian::dues::BranchSummary`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BranchSummary {
    /// The period.
    pub period: Period,
    /// Members with an obligation in the period.
    pub members: u32,
    /// Dues owed for the period's months.
    pub due: Decimal,
    /// Dues paid toward the period's months.
    pub collected: Decimal,
    /// Still owed for the period's months.
    pub outstanding: Decimal,
    /// collected ÷ due, to four decimals (null when nothing was due).
    pub payment_rate: Option<Decimal>,
    /// Members with a month of the period in arrears.
    pub members_in_arrears: u32,
    /// Voluntary extra dues paid within the period.
    pub voluntary: Decimal,
    /// Of which remitted wholly to the Centre (2008 Art. 11).
    pub remitted_to_centre: Decimal,
}
