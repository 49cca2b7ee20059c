//! A seeded generator of dues batches as JSON text (the document `dues::assess_batch_from_json` reads): a
//! realistic branch mix of employed members with five to nine payroll items, retirees, annual-salary,
//! self-employed and flat-amount members. Shared by `benches/dues_json.rs` and `examples/dues_json.rs`.
#![allow(dead_code, clippy::indexing_slicing)]

use std::fmt::Write as _;

/// The generator's state: a 64-bit LCG (Knuth's MMIX constants), the high 31 bits drawn.
pub struct Gen(pub u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// An amount below `max_yuan`, in yuan with two decimals, as a JSON string.
    fn amount(&mut self, max_yuan: u64) -> String {
        let fen = self.next() % (max_yuan * 100);
        format!("\"{}.{:02}\"", fen / 100, fen % 100)
    }

    /// One member document, `index` naming its id.
    pub fn member(&mut self, index: usize, out: &mut String) {
        const EMPLOYED: [(&str, u64); 9] = [
            ("post_salary", 8000),
            ("grade_salary", 3000),
            ("allowance", 1500),
            ("basic_performance", 2500),
            ("subsidy", 800),
            ("income_tax", 300),
            ("pension_insurance", 600),
            ("medical_insurance", 150),
            ("housing_fund", 900),
        ];
        const FLAT: [&str; 5] = ["farmer", "student", "unemployed", "relief", "subsistence"];
        let roll = self.next() % 100;
        let _ = write!(out, "{{\"member_id\":\"M{index:07}\",");
        let one = |g: &mut Self, cat: &str, code: &str, max: u64, out: &mut String| {
            let a = g.amount(max);
            let _ = write!(out, "\"category\":\"{cat}\",\"incomes\":[{{\"items\":[{{\"code\":\"{code}\",\"amount\":{a}}}]}}]}}");
        };
        match roll {
            0..=59 => {
                let employer = ["civil_service", "public_institution", "enterprise"]
                    [(self.next() % 3) as usize];
                let _ = write!(out, "\"category\":\"employed\",\"employer_type\":\"{employer}\",\"incomes\":[{{\"items\":[");
                let n = 5 + (self.next() % 5) as usize;
                for (i, (code, max)) in EMPLOYED.iter().take(n).enumerate() {
                    let sep = if i == 0 { "" } else { "," };
                    let a = self.amount(*max);
                    let _ = write!(out, "{sep}{{\"code\":\"{code}\",\"amount\":{a}}}");
                }
                out.push_str("]}]}");
            }
            60..=74 => one(self, "employed", "net_base", 20000, out),
            75..=84 => one(self, "retired", "pension", 9000, out),
            85..=87 => one(self, "annual_salary", "monthly_pay", 60000, out),
            88..=92 => one(self, "self_employed", "quarter_net_income", 40000, out),
            _ => {
                let cat = FLAT[(self.next() % 5) as usize];
                let _ = write!(out, "\"category\":\"{cat}\"}}");
            }
        }
    }
}

/// A JSON array of `n` members (seed 2026).
pub fn batch(n: usize) -> String {
    let mut g = Gen(2026);
    let mut out = String::with_capacity(n * 330);
    out.push('[');
    for i in 0..n {
        if i > 0 {
            out.push(',');
        }
        g.member(i, &mut out);
    }
    out.push(']');
    out
}
