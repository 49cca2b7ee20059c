//! Records ⇄ core types. In: strings and decimals parsed with a coded error naming the field's path, built
//! the way the core builds its own error paths ([`dangjian::Error::under`]). Out: plain conversions.

use dangjian::dues as core;
use dangjian::month::{parse_date, parse_month};
use dangjian::Result;

use super::records::*;
use crate::explain::{findings, TraceStep};

/// Converts each element with `f`, an error's path put under `name[i]`.
fn each<T, U>(list: &[T], name: &str, f: impl Fn(&T) -> Result<U>) -> Result<Vec<U>> {
    list.iter()
        .enumerate()
        .map(|(i, x)| f(x).map_err(|e| e.under(&format!("{name}[{i}]"))))
        .collect()
}

fn opt_month(m: Option<&String>, field: &str) -> Result<Option<dangjian::YearMonth>> {
    m.map(|m| parse_month(m, field)).transpose()
}

fn opt_date(d: Option<&String>, field: &str) -> Result<Option<chrono::NaiveDate>> {
    d.map(|d| parse_date(d, field)).transpose()
}

fn months(list: &[String], name: &str) -> Result<Vec<dangjian::YearMonth>> {
    list.iter()
        .enumerate()
        .map(|(i, m)| parse_month(m, &format!("{name}[{i}]")))
        .collect()
}

// ---- in ----

impl DuesMember {
    /// The core member; paths are relative to the member (`incomes[0].items[1].amount`).
    pub(crate) fn to_core(&self) -> Result<core::DuesMember> {
        Ok(core::DuesMember {
            schema_version: self.schema_version,
            member_id: self.member_id.clone(),
            category: self.category,
            employer_type: self.employer_type,
            incomes: each(&self.incomes, "incomes", IncomeRecord::to_core)?,
            admitted_on: opt_date(self.admitted_on.as_ref(), "admitted_on")?,
            hardship: each(&self.hardship, "hardship", HardshipDecision::to_core)?,
        })
    }
}

impl IncomeRecord {
    fn to_core(&self) -> Result<core::IncomeRecord> {
        Ok(core::IncomeRecord {
            from: opt_month(self.from.as_ref(), "from")?,
            items: each(&self.items, "items", |i| {
                Ok(core::IncomeItem {
                    code: i.code,
                    amount: i.amount.parse("amount")?,
                })
            })?,
        })
    }
}

impl HardshipDecision {
    fn to_core(&self) -> Result<core::HardshipDecision> {
        Ok(core::HardshipDecision {
            from: parse_month(&self.from, "from")?,
            to: opt_month(self.to.as_ref(), "to")?,
            outcome: self.outcome,
            reduced_amount: self
                .reduced_amount
                .as_ref()
                .map(|a| a.parse("reduced_amount"))
                .transpose()?,
            branch_studied_on: parse_date(&self.branch_studied_on, "branch_studied_on")?,
            approved_by: self.approved_by.clone(),
            approved_on: parse_date(&self.approved_on, "approved_on")?,
        })
    }
}

/// The core members; paths start with `members[i]`.
pub(crate) fn members_to_core(members: &[DuesMember]) -> Result<Vec<core::DuesMember>> {
    each(members, "members", DuesMember::to_core)
}

impl Ledger {
    /// The core ledger; paths are relative to the ledger (`payments[0].paid_on`).
    pub(crate) fn to_core(&self) -> Result<core::Ledger> {
        Ok(core::Ledger {
            schema_version: self.schema_version,
            member_id: self.member_id.clone(),
            obligations: each(&self.obligations, "obligations", |o| {
                Ok(core::Obligation {
                    month: parse_month(&o.month, "month")?,
                    amount: o.amount.parse("amount")?,
                })
            })?,
            payments: each(&self.payments, "payments", |p| {
                Ok(core::Payment {
                    paid_on: parse_date(&p.paid_on, "paid_on")?,
                    amount: p.amount.parse("amount")?,
                    months: months(&p.months, "months")?,
                    voluntary: p.voluntary.parse("voluntary")?,
                    channel: p.channel.clone(),
                })
            })?,
            good_reasons: each(&self.good_reasons, "good_reasons", |g| {
                Ok(core::GoodReason {
                    from: parse_month(&g.from, "from")?,
                    to: parse_month(&g.to, "to")?,
                    reason: g.reason.clone(),
                })
            })?,
        })
    }
}

impl LedgerReport {
    /// The core report (a report handed back for [`core::summarize`]).
    fn to_core(&self) -> Result<core::LedgerReport> {
        Ok(core::LedgerReport {
            member_id: self.member_id.clone(),
            as_of: parse_date(&self.as_of, "as_of")?,
            months: each(&self.months, "months", |l| {
                Ok(core::MonthLine {
                    month: parse_month(&l.month, "month")?,
                    due: l.due.parse("due")?,
                    paid: l.paid.parse("paid")?,
                    outstanding: l.outstanding.parse("outstanding")?,
                    paid_on: opt_date(l.paid_on.as_ref(), "paid_on")?,
                })
            })?,
            total_due: self.total_due.parse("total_due")?,
            total_paid: self.total_paid.parse("total_paid")?,
            outstanding: self.outstanding.parse("outstanding")?,
            arrears: months(&self.arrears, "arrears")?,
            voluntary_total: self.voluntary_total.parse("voluntary_total")?,
            voluntary_payments: each(&self.voluntary_payments, "voluntary_payments", |v| {
                Ok(core::VoluntaryLine {
                    paid_on: parse_date(&v.paid_on, "paid_on")?,
                    amount: v.amount.parse("amount")?,
                    remitted: v.remitted,
                })
            })?,
            remitted_to_centre: self.remitted_to_centre.parse("remitted_to_centre")?,
            unallocated: self.unallocated.parse("unallocated")?,
            lapse_on: opt_date(self.lapse_on.as_ref(), "lapse_on")?,
            findings: self.findings.iter().cloned().map(Into::into).collect(),
        })
    }
}

/// The core reports; paths start with `reports[i]`.
pub(crate) fn reports_to_core(reports: &[LedgerReport]) -> Result<Vec<core::LedgerReport>> {
    each(reports, "reports", LedgerReport::to_core)
}

impl Period {
    /// The core period; a bad month is named `month`, as in the period's JSON document.
    pub(crate) fn to_core(&self) -> Result<core::Period> {
        Ok(match self {
            Period::Month { month } => core::Period::Month(parse_month(month, "month")?),
            Period::Year { year } => core::Period::Year(*year),
        })
    }
}

// ---- out ----

impl From<core::Assessment> for Assessment {
    fn from(a: core::Assessment) -> Self {
        Self {
            member_id: a.member_id,
            month: a.month.to_string(),
            category: a.category,
            base: a.base.map(Into::into),
            rate: a.rate.map(Into::into),
            amount: a.amount.into(),
            assessed_in: a.assessed_in.to_string(),
            citation: a.citation.into(),
            findings: findings(a.findings),
            trace: a.trace.into_iter().map(TraceStep::from).collect(),
        }
    }
}

impl From<core::BatchError> for BatchError {
    fn from(e: core::BatchError) -> Self {
        Self {
            // A batch of more than 4 294 967 295 members cannot be built on any device.
            index: u32::try_from(e.index).unwrap_or(u32::MAX),
            member_id: e.member_id,
            kind: e.kind,
            code: e.code,
            field: e.field,
            message_zh: e.message_zh,
            message_en: e.message_en,
        }
    }
}

impl From<core::BatchOutcome> for BatchOutcome {
    fn from(b: core::BatchOutcome) -> Self {
        Self {
            assessments: b.assessments.into_iter().map(Into::into).collect(),
            errors: b.errors.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<core::LedgerReport> for LedgerReport {
    fn from(r: core::LedgerReport) -> Self {
        Self {
            member_id: r.member_id,
            as_of: r.as_of.to_string(),
            months: r
                .months
                .into_iter()
                .map(|l| MonthLine {
                    month: l.month.to_string(),
                    due: l.due.into(),
                    paid: l.paid.into(),
                    outstanding: l.outstanding.into(),
                    paid_on: l.paid_on.map(|d| d.to_string()),
                })
                .collect(),
            total_due: r.total_due.into(),
            total_paid: r.total_paid.into(),
            outstanding: r.outstanding.into(),
            arrears: r.arrears.iter().map(ToString::to_string).collect(),
            voluntary_total: r.voluntary_total.into(),
            voluntary_payments: r
                .voluntary_payments
                .into_iter()
                .map(|v| VoluntaryLine {
                    paid_on: v.paid_on.to_string(),
                    amount: v.amount.into(),
                    remitted: v.remitted,
                })
                .collect(),
            remitted_to_centre: r.remitted_to_centre.into(),
            unallocated: r.unallocated.into(),
            lapse_on: r.lapse_on.map(|d| d.to_string()),
            findings: findings(r.findings),
        }
    }
}

impl From<core::Period> for Period {
    fn from(p: core::Period) -> Self {
        match p {
            core::Period::Month(m) => Period::Month {
                month: m.to_string(),
            },
            core::Period::Year(year) => Period::Year { year },
        }
    }
}

impl From<core::BranchSummary> for BranchSummary {
    fn from(s: core::BranchSummary) -> Self {
        Self {
            period: s.period.into(),
            members: s.members,
            due: s.due.into(),
            collected: s.collected.into(),
            outstanding: s.outstanding.into(),
            payment_rate: s.payment_rate.map(Into::into),
            members_in_arrears: s.members_in_arrears,
            voluntary: s.voluntary.into(),
            remitted_to_centre: s.remitted_to_centre.into(),
        }
    }
}
