//! The benches' dues population: a realistic branch mix of a hundred thousand or a million members, generated
//! the same way every run (`dues` times batches of it, `dues_memory` weighs them).

use dangjian::dues::{Category, DuesMember, EmployerType, IncomeItem, IncomeRecord, ItemCode};
use dangjian::YearMonth;
use rust_decimal::Decimal;

use super::common::Lcg;

impl Lcg {
    /// An amount of fen below `max_yuan` yuan.
    fn fen(&mut self, max_yuan: u64) -> Decimal {
        Decimal::new(i64::try_from(self.next() % (max_yuan * 100)).unwrap(), 2)
    }
}

fn item(code: ItemCode, amount: Decimal) -> IncomeItem {
    IncomeItem { code, amount }
}

/// A realistic branch mix: mostly employed members with payroll items, some with a mid-year raise,
/// some probationary, retirees, annual-salary, self-employed and flat-amount members.
pub fn population(n: usize) -> Vec<DuesMember> {
    let mut rng = Lcg(2026);
    let employers = [
        EmployerType::CivilService,
        EmployerType::PublicInstitution,
        EmployerType::Enterprise,
    ];
    (0..n)
        .map(|i| {
            let roll = rng.next() % 100;
            let mut m = DuesMember::new(format!("M{i:06}"), Category::Employed);
            let record = |items| IncomeRecord { from: None, items };
            match roll {
                0..=59 => {
                    m.employer_type = Some(employers[usize::try_from(rng.next() % 3).unwrap()]);
                    let mut items = vec![
                        item(ItemCode::PostSalary, rng.fen(8000)),
                        item(ItemCode::GradeSalary, rng.fen(3000)),
                        item(ItemCode::Allowance, rng.fen(1500)),
                        item(ItemCode::BasicPerformance, rng.fen(2500)),
                        item(ItemCode::Subsidy, rng.fen(800)),
                        item(ItemCode::IncomeTax, rng.fen(300)),
                        item(ItemCode::PensionInsurance, rng.fen(600)),
                        item(ItemCode::MedicalInsurance, rng.fen(150)),
                        item(ItemCode::HousingFund, rng.fen(900)),
                    ];
                    items.truncate(5 + usize::try_from(rng.next() % 5).unwrap());
                    m.incomes.push(record(items));
                    if roll < 10 {
                        // A raise from July: deferred under annual fixing.
                        m.incomes.push(IncomeRecord {
                            from: Some(YearMonth::new(2026, 7).unwrap()),
                            items: vec![item(ItemCode::NetBase, rng.fen(15000))],
                        });
                    }
                    if roll < 3 {
                        m.admitted_on = chrono::NaiveDate::from_ymd_opt(2026, 3, 15);
                    }
                }
                60..=74 => m
                    .incomes
                    .push(record(vec![item(ItemCode::NetBase, rng.fen(20000))])),
                75..=84 => {
                    m.category = Category::Retired;
                    m.incomes
                        .push(record(vec![item(ItemCode::Pension, rng.fen(9000))]));
                }
                85..=87 => {
                    m.category = Category::AnnualSalary;
                    m.incomes
                        .push(record(vec![item(ItemCode::MonthlyPay, rng.fen(60000))]));
                }
                88..=92 => {
                    m.category = Category::SelfEmployed;
                    m.incomes.push(record(vec![item(
                        ItemCode::QuarterNetIncome,
                        rng.fen(40000),
                    )]));
                }
                _ => {
                    m.category = [
                        Category::Farmer,
                        Category::Student,
                        Category::Unemployed,
                        Category::Relief,
                        Category::Subsistence,
                    ][usize::try_from(rng.next() % 5).unwrap()];
                }
            }
            m
        })
        .collect()
}
