//! Building a dues input in Rust without spelling every empty field or going through JSON.
//!
//! The builders only fill the records; [`DuesMember::validate`] (run by every assessment) still decides what
//! the rules accept, so a built member and the same member read from JSON are judged alike.
#![deny(clippy::arithmetic_side_effects)]

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::items::{Category, EmployerType, ItemCode};
use super::member::{DuesMember, HardshipDecision, IncomeItem, IncomeRecord};
use crate::YearMonth;

impl DuesMember {
    /// A member with an id and a category, no income yet.
    ///
    /// ```
    /// use dangjian::dues::{Category, DuesMember, EmployerType, IncomeRecord, ItemCode};
    /// let m = DuesMember::new("DY2026001", Category::Employed)
    ///     .employer(EmployerType::PublicInstitution)
    ///     .income(IncomeRecord::new().item(ItemCode::PostSalary, "4000.00".parse().unwrap()));
    /// assert!(m.validate().is_ok());
    /// ```
    pub fn new(member_id: impl Into<String>, category: Category) -> Self {
        DuesMember {
            member_id: member_id.into(),
            category,
            employer_type: None,
            incomes: Vec::new(),
            admitted_on: None,
            hardship: Vec::new(),
            schema_version: None,
        }
    }

    /// The employer type (2008 Rules Art. 2 counts items by it).
    ///
    /// ```
    /// use dangjian::dues::{Category, DuesMember, EmployerType};
    /// let m = DuesMember::new("M1", Category::Employed).employer(EmployerType::Enterprise);
    /// assert_eq!(m.employer_type, Some(EmployerType::Enterprise));
    /// ```
    pub fn employer(mut self, employer_type: EmployerType) -> Self {
        self.employer_type = Some(employer_type);
        self
    }

    /// Adds an income record after the ones already there (records must ascend by `from`).
    ///
    /// ```
    /// use dangjian::dues::{Category, DuesMember, IncomeRecord, ItemCode};
    /// let m = DuesMember::new("M1", Category::Retired)
    ///     .income(IncomeRecord::new().item(ItemCode::NetBase, "3000".parse().unwrap()));
    /// assert_eq!(m.incomes.len(), 1);
    /// ```
    pub fn income(mut self, record: IncomeRecord) -> Self {
        self.incomes.push(record);
        self
    }

    /// The day a probationary member was admitted by the branch general meeting (2008 Rules Art. 8).
    ///
    /// ```
    /// use dangjian::dues::{Category, DuesMember};
    /// let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
    /// assert_eq!(DuesMember::new("M1", Category::Employed).admitted(day).admitted_on, Some(day));
    /// ```
    pub fn admitted(mut self, on: NaiveDate) -> Self {
        self.admitted_on = Some(on);
        self
    }

    /// Adds a hardship decision (2008 Rules Art. 7).
    ///
    /// ```
    /// use dangjian::dues::{Category, DuesMember, HardshipDecision};
    /// let h: HardshipDecision = serde_json::from_str(r#"{"from":"2026-01","outcome":"waived",
    ///   "branch_studied_on":"2025-12-10","approved_by":"某某党委","approved_on":"2025-12-20"}"#).unwrap();
    /// assert_eq!(DuesMember::new("M1", Category::Unemployed).hardship(h).hardship.len(), 1);
    /// ```
    pub fn hardship(mut self, decision: HardshipDecision) -> Self {
        self.hardship.push(decision);
        self
    }
}

impl IncomeRecord {
    /// An income record that applies from the start of the member's record, no items yet.
    ///
    /// ```
    /// assert!(dangjian::dues::IncomeRecord::new().from.is_none());
    /// ```
    pub fn new() -> Self {
        IncomeRecord {
            from: None,
            items: Vec::new(),
        }
    }

    /// An income record that applies from `month` on.
    ///
    /// ```
    /// let r = dangjian::dues::IncomeRecord::from_month("2026-07".parse().unwrap());
    /// assert_eq!(r.from.unwrap().to_string(), "2026-07");
    /// ```
    pub fn from_month(month: YearMonth) -> Self {
        IncomeRecord {
            from: Some(month),
            items: Vec::new(),
        }
    }

    /// Adds a payroll item with its monthly amount in yuan.
    ///
    /// ```
    /// use dangjian::dues::{IncomeRecord, ItemCode};
    /// let r = IncomeRecord::new().item(ItemCode::PostSalary, "3200.00".parse().unwrap());
    /// assert_eq!(r.items[0].amount.to_string(), "3200.00");
    /// ```
    pub fn item(mut self, code: ItemCode, amount: Decimal) -> Self {
        self.items.push(IncomeItem { code, amount });
        self
    }
}

impl Default for IncomeRecord {
    fn default() -> Self {
        IncomeRecord::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{dues, Policy};

    fn yuan(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn a_built_member_is_assessed_like_the_same_member_read_from_json() {
        let built = DuesMember::new("DY2026001", Category::Employed)
            .employer(EmployerType::PublicInstitution)
            .income(
                IncomeRecord::new()
                    .item(ItemCode::PostSalary, yuan("4000.00"))
                    .item(ItemCode::BasicPerformance, yuan("2000.00"))
                    .item(ItemCode::HousingFund, yuan("600.00")),
            );
        let read: DuesMember = crate::error::from_json(
            r#"{"member_id":"DY2026001","category":"employed","employer_type":"public_institution",
                "incomes":[{"items":[{"code":"post_salary","amount":"4000.00"},
                {"code":"basic_performance","amount":"2000.00"},{"code":"housing_fund","amount":"600.00"}]}]}"#,
            "INVALID_MEMBER_JSON",
        )
        .unwrap();
        assert_eq!(built, read);
        let month: YearMonth = "2026-11".parse().unwrap();
        let a = dues::assess(&Policy::bundled(), &built, month, Default::default()).unwrap();
        // 4000 + 2000 − 600 = 5400.00 in (5000, 10000] → 1.5% = 81.00 (2008 Rules Art. 2).
        assert_eq!(a.amount, yuan("81.00"));
    }

    #[test]
    fn a_built_member_still_meets_validation() {
        // Built from items without an employer type: the same refusal as from JSON.
        let m = DuesMember::new("M1", Category::Employed)
            .income(IncomeRecord::new().item(ItemCode::PostSalary, yuan("3000")));
        assert_eq!(
            m.validate().map_err(|e| e.code().to_string()),
            Err("MISSING_EMPLOYER_TYPE".to_string())
        );
    }
}
