//! Party dues (党费): the exports (`dangjian::dues`). The records and enums are the core's own, re-exported:
//! they cross through the core's UniFFI component (`dangjian_types`; see `dangjian::surface`).

mod api;
pub mod columns;
pub mod packed;

pub use api::*;
pub use dangjian::dues::{
    Assessment, BatchError, BatchOutcome, BranchSummary, Category, DuesMember, EmployerType,
    GoodReason, HardshipDecision, HardshipOutcome, IncomeItem, IncomeRecord, ItemCode, Ledger,
    LedgerReport, MonthLine, Obligation, Payment, Period, VoluntaryLine,
};
