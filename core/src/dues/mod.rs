//! Party dues (党费), RULES §1.
//!
//! Sources: 《关于中国共产党党费收缴、使用和管理的规定》(中组发〔2008〕3号, "2008 Rules"), its 2008 Q&A,
//! 《关于进一步规范党费工作的通知》(组电明字〔2017〕5号, "2017 Notice") and 党章 第九条.
//!
//! - [`assess`](fn@assess) one member for one month, [`assess_batch`] many; every result carries its base, rate,
//!   amount, the article, findings and (optionally) a step-by-step trace.
//! - [`evaluate_ledger`] a member's obligations and payments as of a date: arrears, payment windows,
//!   voluntary dues and the six-month line; [`summarize`] a branch's figures for a month or a year.
//!
//! Every number is a dated parameter of [`crate::Policy`]: the answer for a month uses the rules in force then.
//!
//! ```
//! use dangjian::{dues, Policy};
//! let member: dues::DuesMember = serde_json::from_str(r#"{
//!   "member_id": "M001", "category": "employed", "employer_type": "public_institution",
//!   "incomes": [{"items": [
//!     {"code": "post_salary", "amount": "4000.00"}, {"code": "grade_salary", "amount": "1500.00"},
//!     {"code": "basic_performance", "amount": "2000.00"}, {"code": "reward_performance", "amount": "3000.00"},
//!     {"code": "housing_fund", "amount": "900.00"}, {"code": "income_tax", "amount": "200.00"}]}]}"#).unwrap();
//! let a = dues::assess(&Policy::bundled(), &member, "2026-11".parse().unwrap(), Default::default()).unwrap();
//! // 4000 + 1500 + 2000 − 900 − 200 = 6400 (奖励性绩效 excluded) → 1.5% → 96.00
//! assert_eq!(a.base.unwrap().to_string(), "6400.00");
//! assert_eq!(a.amount.to_string(), "96.00");
//! ```

mod amount;
mod assess;
mod base;
mod batch;
mod batch_json;
mod build;
pub(crate) mod bundled;
mod items;
mod json;
mod ledger;
mod member;
mod month_rules;
mod params;
mod step;
mod summary;
mod trace;
mod trace_codec;
mod tracer;

pub use crate::money::MAX_AMOUNT_YUAN;
pub use assess::{assess, AssessOptions, Assessment};
pub use batch::{assess_batch, assess_batch_with_progress, BatchError, BatchOutcome};
pub use batch_json::{assess_batch_from_json, assess_batch_from_reader};
pub use items::{Category, EmployerType, ItemCode};
pub use json::{assess_batch_json, assess_json, evaluate_ledger_json, summarize_json};
pub use ledger::{
    evaluate_ledger, GoodReason, Ledger, LedgerReport, MonthLine, Obligation, Payment,
    VoluntaryLine,
};
pub use member::{
    check_amount, DuesMember, HardshipDecision, HardshipOutcome, IncomeItem, IncomeRecord,
};
pub use month_rules::MonthRules;
pub use params::{
    bracket_for, AdvisoryMax, Bracket, Brackets, Composition, DuesPolicy, FarmerFigure, FixingRule,
    FlatAmounts, PaymentRules, Rounding, RoundingMode,
};
pub use summary::{summarize, BranchSummary, Period};
pub use trace::Trace;

#[cfg(test)]
mod batch_json_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod trace_tests;
