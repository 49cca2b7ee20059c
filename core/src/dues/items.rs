//! The public codes of the dues contract: member categories, employer types and income items.
//!
//! These strings are used in every format (JSON, CSV headers, bindings) and never change meaning.
#![deny(clippy::arithmetic_side_effects)]

use serde::{Deserialize, Serialize};

macro_rules! codes {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal / $zh:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in contract order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The contract code (`snake_case`).
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            /// The Chinese name.
            pub fn name_zh(self) -> &'static str {
                match self { $($name::$variant => $zh,)+ }
            }

            /// The value for a contract code.
            pub fn from_code(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == code)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

codes! {
    /// What kind of member pays: decides the base or the flat amount (2008 Arts. 2–6).
    ///
    /// ```
    /// use dangjian::dues::Category;
    /// assert_eq!(Category::from_code("annual_salary"), Some(Category::AnnualSalary));
    /// assert_eq!(Category::Retired.name_zh(), "离退休党员");
    /// ```
    Category {
        /// 在职党员 paid a monthly wage (2008 Art. 2).
        Employed = "employed" / "在职党员",
        /// 年薪制 members: the pay received that month (2008 Art. 3).
        AnnualSalary = "annual_salary" / "实行年薪制党员",
        /// 个体/灵活就业: the previous quarter's net income, averaged per month (2008 Art. 4).
        SelfEmployed = "self_employed" / "个体经营或灵活就业党员",
        /// 离退休党员 (2008 Art. 5).
        Retired = "retired" / "离退休党员",
        /// 农民党员: the province's figure (2008 Art. 6).
        Farmer = "farmer" / "农民党员",
        /// 学生党员 (2008 Art. 6).
        Student = "student" / "学生党员",
        /// 下岗失业党员 (2008 Art. 6).
        Unemployed = "unemployed" / "下岗失业党员",
        /// Living on 抚恤 or 救济 (2008 Art. 6).
        Relief = "relief" / "依靠抚恤或救济生活的党员",
        /// 低保 recipients (2008 Art. 6).
        Subsistence = "subsistence" / "领取最低生活保障金的党员",
    }
}

codes! {
    /// The employer, which decides what counts toward an employed member's base (2008 Art. 1; 2017 Notice).
    ///
    /// ```
    /// assert_eq!(dangjian::dues::EmployerType::CivilService.as_str(), "civil_service");
    /// ```
    EmployerType {
        /// 机关.
        CivilService = "civil_service" / "机关",
        /// 事业单位.
        PublicInstitution = "public_institution" / "事业单位",
        /// 企业.
        Enterprise = "enterprise" / "企业",
    }
}

codes! {
    /// An income item of the payroll, or a deduction from it.
    ///
    /// ```
    /// use dangjian::dues::ItemCode;
    /// assert_eq!(ItemCode::from_code("housing_fund"), Some(ItemCode::HousingFund));
    /// assert_eq!(ItemCode::from_code("housing_fnd"), None);
    /// ```
    ItemCode {
        /// 职务工资 / 岗位工资.
        PostSalary = "post_salary" / "职务（岗位）工资",
        /// 级别工资 / 薪级工资.
        GradeSalary = "grade_salary" / "级别（薪级）工资",
        /// 基本工资.
        BasicSalary = "basic_salary" / "基本工资",
        /// 基础性绩效工资.
        BasicPerformance = "basic_performance" / "基础性绩效工资",
        /// 奖励性绩效工资.
        RewardPerformance = "reward_performance" / "奖励性绩效工资",
        /// 规范津贴补贴.
        Allowance = "allowance" / "津贴补贴",
        /// Regular, universally paid bonus.
        RegularBonus = "regular_bonus" / "经常性奖金",
        /// Irregular or one-off award.
        OneOffBonus = "one_off_bonus" / "一次性奖金",
        /// 住房/交通/通讯/加班/误餐 subsidies, 取暖费, 防暑降温费, 物业费 and the like.
        Subsidy = "subsidy" / "各类补贴",
        /// A retiree's 基本离退休费 / 基本养老金.
        Pension = "pension" / "基本离退休费",
        /// Annual-salary members: the pay received this month.
        MonthlyPay = "monthly_pay" / "当月实际领取薪酬",
        /// Self-employed: the previous quarter's net income (averaged per month by the engine).
        QuarterNetIncome = "quarter_net_income" / "上季度纯收入",
        /// 个人所得税.
        IncomeTax = "income_tax" / "个人所得税",
        /// 个人养老保险.
        PensionInsurance = "pension_insurance" / "养老保险",
        /// 个人医疗保险.
        MedicalInsurance = "medical_insurance" / "医疗保险",
        /// 个人失业保险.
        UnemploymentInsurance = "unemployment_insurance" / "失业保险",
        /// 工伤保险.
        InjuryInsurance = "injury_insurance" / "工伤保险",
        /// 生育保险.
        MaternityInsurance = "maternity_insurance" / "生育保险",
        /// 住房公积金.
        HousingFund = "housing_fund" / "住房公积金",
        /// 职业年金 / 企业年金.
        OccupationalAnnuity = "occupational_annuity" / "职业年金（企业年金）",
        /// The base itself, when already known (then no other item).
        NetBase = "net_base" / "计交基数",
    }
}
