//! The header names and cell values Chinese HR and payroll systems write, and what each means — data, not
//! code, so the table can be read, reviewed and extended in one place (its rows are listed in `--help`).
//!
//! Names are matched after [`normalize`]: spaces removed, full-width brackets made half-width, a trailing
//! unit `(元)` dropped, Latin letters in lower case — `岗位工资（元）` and `岗位工资` are the same column.
//! Where one name is used for different things, it is [`Alias::Ambiguous`] and the run stops until the user
//! says which (`--map 绩效工资=basic_performance`): 绩效工资 may hold 奖励性绩效, which the 2017 Notice leaves
//! out of the base; 扣款合计 may repeat deductions listed in their own columns; 生活补贴 and 工作性补贴 are
//! counted by some units and not by others (RULES §1, "payroll exports as branches really have them").

use dangjian::dues::{Category, EmployerType, ItemCode};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The member's id (unique in the file).
    MemberId,
    /// The member's name, carried to the output.
    Name,
    /// The member category (在职党员, 离退休党员 …).
    Category,
    /// The employer type (机关, 事业单位, 企业).
    EmployerType,
    /// The day a probationary member was admitted.
    AdmittedOn,
    /// An income item or a deduction.
    Item(ItemCode),
    /// A column that carries no income for the dues (序号, 应发合计 …): read past.
    Ignore,
}

impl Target {
    /// The field's name as `--map` takes it (`member_id`, `post_salary`, `ignore` …).
    pub fn field(self) -> &'static str {
        match self {
            Target::MemberId => "member_id",
            Target::Name => "name",
            Target::Category => "category",
            Target::EmployerType => "employer_type",
            Target::AdmittedOn => "admitted_on",
            Target::Item(code) => code.as_str(),
            Target::Ignore => "ignore",
        }
    }

    /// The target a `--map` field name stands for.
    pub fn from_field(field: &str) -> Option<Self> {
        let field = field.trim();
        [
            Target::MemberId,
            Target::Name,
            Target::Category,
            Target::EmployerType,
            Target::AdmittedOn,
            Target::Ignore,
        ]
        .into_iter()
        .find(|t| t.field() == field)
        .or_else(|| ItemCode::from_code(field).map(Target::Item))
    }

    /// Every `--map` field name.
    pub fn fields() -> Vec<&'static str> {
        [
            "member_id",
            "name",
            "category",
            "employer_type",
            "admitted_on",
            "ignore",
        ]
        .into_iter()
        .chain(ItemCode::ALL.iter().map(|c| c.as_str()))
        .collect()
    }
}

/// What a header name means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alias {
    /// Always this.
    To(Target),
    /// Used for different things: the user must say which (`--map HEADER=FIELD`).
    Ambiguous {
        /// The fields it may be.
        choices: &'static [&'static str],
        /// Why it cannot be guessed, in Chinese.
        why_zh: &'static str,
        /// Why it cannot be guessed, in English.
        why_en: &'static str,
    },
}

use Alias::To;
use Target::{AdmittedOn, EmployerType as Employer, Ignore, Item, MemberId, Name};

const PERFORMANCE: Alias = Alias::Ambiguous {
    choices: &["basic_performance", "reward_performance"],
    why_zh: "“绩效工资”可能含奖励性绩效工资，按 2017 年通知不计入党费基数",
    why_en: "a bare 绩效工资 may hold reward performance pay, which the 2017 Notice leaves out of the base",
};
const DEDUCTIONS_TOTAL: Alias = Alias::Ambiguous {
    choices: &["ignore"],
    why_zh: "“扣款合计”常与单列的养老、医疗、公积金等扣款重复，也可能含不应扣除的项目",
    why_en: "扣款合计 usually repeats the deductions listed in their own columns and may hold items that are not deducted",
};
const LIVING_SUBSIDY: Alias = Alias::Ambiguous {
    choices: &["allowance", "subsidy", "basic_performance"],
    why_zh: "“生活补贴”“工作性补贴”有的单位计入（规范津贴补贴或绩效工资），有的不计入",
    why_en: "生活补贴 and 工作性补贴 are counted by some units (as 规范津贴补贴 or 绩效工资) and not by others",
};

/// The header names, each with what it means (matched after [`normalize`]).
pub const HEADERS: &[(&str, Alias)] = &[
    // Who.
    ("工号", To(MemberId)),
    ("人员编号", To(MemberId)),
    ("职工编号", To(MemberId)),
    ("职员代码", To(MemberId)),
    ("人员代码", To(MemberId)),
    ("员工编号", To(MemberId)),
    ("党员编号", To(MemberId)),
    ("姓名", To(Name)),
    ("职员姓名", To(Name)),
    ("党员姓名", To(Name)),
    ("党员类别", To(Target::Category)),
    ("党员类型", To(Target::Category)),
    ("单位类型", To(Employer)),
    ("单位性质", To(Employer)),
    ("入党日期", To(AdmittedOn)),
    ("入党时间", To(AdmittedOn)),
    ("接收预备党员日期", To(AdmittedOn)),
    // Pay counted toward the base, by the employer's composition (2008 Rules Art. 1, 2017 Notice).
    ("职务工资", To(Item(ItemCode::PostSalary))),
    ("岗位工资", To(Item(ItemCode::PostSalary))),
    ("职务(岗位)工资", To(Item(ItemCode::PostSalary))),
    ("级别工资", To(Item(ItemCode::GradeSalary))),
    ("薪级工资", To(Item(ItemCode::GradeSalary))),
    ("级别(薪级)工资", To(Item(ItemCode::GradeSalary))),
    ("基本工资", To(Item(ItemCode::BasicSalary))),
    ("基础性绩效工资", To(Item(ItemCode::BasicPerformance))),
    ("基础性绩效", To(Item(ItemCode::BasicPerformance))),
    ("基础绩效", To(Item(ItemCode::BasicPerformance))),
    ("基础绩效工资", To(Item(ItemCode::BasicPerformance))),
    ("奖励性绩效工资", To(Item(ItemCode::RewardPerformance))),
    ("奖励性绩效", To(Item(ItemCode::RewardPerformance))),
    ("奖励绩效", To(Item(ItemCode::RewardPerformance))),
    ("奖励绩效工资", To(Item(ItemCode::RewardPerformance))),
    ("津贴补贴", To(Item(ItemCode::Allowance))),
    ("规范津贴补贴", To(Item(ItemCode::Allowance))),
    ("规范性津贴补贴", To(Item(ItemCode::Allowance))),
    ("经常性奖金", To(Item(ItemCode::RegularBonus))),
    ("一次性奖金", To(Item(ItemCode::OneOffBonus))),
    ("一次性奖励", To(Item(ItemCode::OneOffBonus))),
    ("各类补贴", To(Item(ItemCode::Subsidy))),
    ("住房补贴", To(Item(ItemCode::Subsidy))),
    ("交通补贴", To(Item(ItemCode::Subsidy))),
    ("车改补贴", To(Item(ItemCode::Subsidy))),
    ("通讯补贴", To(Item(ItemCode::Subsidy))),
    ("加班费", To(Item(ItemCode::Subsidy))),
    ("误餐补贴", To(Item(ItemCode::Subsidy))),
    ("取暖费", To(Item(ItemCode::Subsidy))),
    ("取暖补贴", To(Item(ItemCode::Subsidy))),
    ("防暑降温费", To(Item(ItemCode::Subsidy))),
    ("物业费", To(Item(ItemCode::Subsidy))),
    ("物业补贴", To(Item(ItemCode::Subsidy))),
    ("基本离退休费", To(Item(ItemCode::Pension))),
    ("离退休费", To(Item(ItemCode::Pension))),
    ("离休费", To(Item(ItemCode::Pension))),
    ("退休费", To(Item(ItemCode::Pension))),
    ("基本养老金", To(Item(ItemCode::Pension))),
    ("当月实际领取薪酬", To(Item(ItemCode::MonthlyPay))),
    ("上季度纯收入", To(Item(ItemCode::QuarterNetIncome))),
    ("计交基数", To(Item(ItemCode::NetBase))),
    ("党费基数", To(Item(ItemCode::NetBase))),
    ("党费计交基数", To(Item(ItemCode::NetBase))),
    // Deducted (2017 Notice).
    ("个人所得税", To(Item(ItemCode::IncomeTax))),
    ("个税", To(Item(ItemCode::IncomeTax))),
    ("代扣个税", To(Item(ItemCode::IncomeTax))),
    ("代扣个人所得税", To(Item(ItemCode::IncomeTax))),
    ("养老保险", To(Item(ItemCode::PensionInsurance))),
    ("个人养老保险", To(Item(ItemCode::PensionInsurance))),
    ("基本养老保险", To(Item(ItemCode::PensionInsurance))),
    ("养老保险金", To(Item(ItemCode::PensionInsurance))),
    ("医疗保险", To(Item(ItemCode::MedicalInsurance))),
    ("个人医疗保险", To(Item(ItemCode::MedicalInsurance))),
    ("基本医疗保险", To(Item(ItemCode::MedicalInsurance))),
    ("失业保险", To(Item(ItemCode::UnemploymentInsurance))),
    ("个人失业保险", To(Item(ItemCode::UnemploymentInsurance))),
    ("工伤保险", To(Item(ItemCode::InjuryInsurance))),
    ("生育保险", To(Item(ItemCode::MaternityInsurance))),
    ("住房公积金", To(Item(ItemCode::HousingFund))),
    ("公积金", To(Item(ItemCode::HousingFund))),
    ("个人公积金", To(Item(ItemCode::HousingFund))),
    ("职业年金", To(Item(ItemCode::OccupationalAnnuity))),
    ("企业年金", To(Item(ItemCode::OccupationalAnnuity))),
    ("个人职业年金", To(Item(ItemCode::OccupationalAnnuity))),
    (
        "职业年金(企业年金)",
        To(Item(ItemCode::OccupationalAnnuity)),
    ),
    // No income for the dues: read past.
    ("序号", To(Ignore)),
    ("部门", To(Ignore)),
    ("科室", To(Ignore)),
    ("单位", To(Ignore)),
    ("单位名称", To(Ignore)),
    ("职务", To(Ignore)),
    ("职称", To(Ignore)),
    ("应发合计", To(Ignore)),
    ("应发工资", To(Ignore)),
    ("应发金额", To(Ignore)),
    ("实发合计", To(Ignore)),
    ("实发工资", To(Ignore)),
    ("实发金额", To(Ignore)),
    ("银行账号", To(Ignore)),
    ("银行卡号", To(Ignore)),
    ("账号", To(Ignore)),
    ("身份证号", To(Ignore)),
    ("身份证号码", To(Ignore)),
    ("备注", To(Ignore)),
    ("签名", To(Ignore)),
    ("签字", To(Ignore)),
    // Said which by the user.
    ("绩效工资", PERFORMANCE),
    ("扣款合计", DEDUCTIONS_TOTAL),
    ("生活补贴", LIVING_SUBSIDY),
    ("工作性补贴", LIVING_SUBSIDY),
    ("生活补贴(绩效工资)", LIVING_SUBSIDY),
    ("工作性补贴(其他补贴)", LIVING_SUBSIDY),
];

/// Category values as payrolls write them (the codes and the core's Chinese names are taken too).
pub const CATEGORY_VALUES: &[(&str, Category)] = &[
    ("在职", Category::Employed),
    ("在职党员", Category::Employed),
    ("在岗", Category::Employed),
    ("在岗党员", Category::Employed),
    ("年薪制", Category::AnnualSalary),
    ("年薪制党员", Category::AnnualSalary),
    ("个体", Category::SelfEmployed),
    ("灵活就业", Category::SelfEmployed),
    ("个体经营", Category::SelfEmployed),
    ("灵活就业党员", Category::SelfEmployed),
    ("离退休", Category::Retired),
    ("离休", Category::Retired),
    ("退休", Category::Retired),
    ("离退休党员", Category::Retired),
    ("退休党员", Category::Retired),
    ("离休党员", Category::Retired),
    ("农民", Category::Farmer),
    ("农民党员", Category::Farmer),
    ("学生", Category::Student),
    ("学生党员", Category::Student),
    ("下岗", Category::Unemployed),
    ("失业", Category::Unemployed),
    ("下岗失业", Category::Unemployed),
    ("下岗失业党员", Category::Unemployed),
    ("抚恤", Category::Relief),
    ("救济", Category::Relief),
    ("低保", Category::Subsistence),
    ("低保党员", Category::Subsistence),
];

/// Employer types as payrolls write them. 社会组织 and other non-public employers are read as
/// enterprises: the 2017 Notice names 机关, 事业单位 and 企业, and an employer outside the first two pays
/// fixed wages and regular bonuses like an enterprise (RULES §1); a branch that sees it otherwise maps the
/// value in its own file.
pub const EMPLOYER_VALUES: &[(&str, EmployerType)] = &[
    ("机关", EmployerType::CivilService),
    ("党政机关", EmployerType::CivilService),
    ("行政机关", EmployerType::CivilService),
    ("参公", EmployerType::CivilService),
    ("参照公务员法管理单位", EmployerType::CivilService),
    ("事业", EmployerType::PublicInstitution),
    ("事业单位", EmployerType::PublicInstitution),
    ("企业", EmployerType::Enterprise),
    ("国有企业", EmployerType::Enterprise),
    ("国企", EmployerType::Enterprise),
    ("民营企业", EmployerType::Enterprise),
    ("非公企业", EmployerType::Enterprise),
    ("社会组织", EmployerType::Enterprise),
];

/// A header or value as compared: spaces gone, full-width brackets half-width, a trailing `(元)` or `元`
/// unit dropped, Latin letters in lower case.
pub fn normalize(text: &str) -> String {
    let mut s: String = text
        .chars()
        .filter(|c| !crate::csvtext::is_space(*c))
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    for unit in ["(元)", "(元/月)", "元"] {
        if s.len() > unit.len() {
            if let Some(stripped) = s.strip_suffix(unit) {
                s = stripped.to_owned();
                break;
            }
        }
    }
    s
}

/// What a header name means, if the table knows it (field codes such as `post_salary` included).
pub fn header(name: &str) -> Option<Alias> {
    let name = normalize(name);
    if let Some(target) = Target::from_field(&name).filter(|t| *t != Ignore) {
        return Some(To(target));
    }
    if let Some(code) = ItemCode::ALL
        .iter()
        .find(|c| normalize(c.name_zh()) == name)
    {
        return Some(To(Item(*code)));
    }
    HEADERS
        .iter()
        .find(|(alias, _)| normalize(alias) == name)
        .map(|(_, meaning)| *meaning)
}

/// A category cell: a code, the core's Chinese name, or a usual value.
pub fn category(value: &str) -> Option<Category> {
    let value = normalize(value);
    Category::ALL
        .iter()
        .copied()
        .find(|c| c.as_str() == value || normalize(c.name_zh()) == value)
        .or_else(|| {
            CATEGORY_VALUES
                .iter()
                .find(|(v, _)| normalize(v) == value)
                .map(|(_, c)| *c)
        })
}

/// An employer-type cell: a code, the core's Chinese name, or a usual value.
pub fn employer_type(value: &str) -> Option<EmployerType> {
    let value = normalize(value);
    EmployerType::ALL
        .iter()
        .copied()
        .find(|c| c.as_str() == value || normalize(c.name_zh()) == value)
        .or_else(|| {
            EMPLOYER_VALUES
                .iter()
                .find(|(v, _)| normalize(v) == value)
                .map(|(_, c)| *c)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_is_unique_after_normalizing() {
        let mut seen = std::collections::HashSet::new();
        for (name, _) in HEADERS {
            assert!(seen.insert(normalize(name)), "{name} twice");
        }
        for (name, _) in CATEGORY_VALUES {
            assert!(seen.insert(normalize(name)), "{name} twice");
        }
    }

    #[test]
    fn the_issue_s_headers() {
        for (name, field) in [
            ("工号", "member_id"),
            ("人员编号", "member_id"),
            ("职工编号", "member_id"),
            ("姓名", "name"),
            ("党员类别", "category"),
            ("单位类型", "employer_type"),
            ("岗位工资", "post_salary"),
            ("薪级工资", "grade_salary"),
            ("基础性绩效工资", "basic_performance"),
            ("奖励性绩效工资", "reward_performance"),
            ("津贴补贴", "allowance"),
            ("职务工资", "post_salary"),
            ("级别工资", "grade_salary"),
            ("基本工资", "basic_salary"),
            ("离退休费", "pension"),
            ("养老保险", "pension_insurance"),
            ("医疗保险", "medical_insurance"),
            ("失业保险", "unemployment_insurance"),
            ("住房公积金", "housing_fund"),
            ("职业年金", "occupational_annuity"),
            ("个人所得税", "income_tax"),
            ("序号", "ignore"),
            ("部门", "ignore"),
            ("应发合计", "ignore"),
            ("实发合计", "ignore"),
            ("银行账号", "ignore"),
            ("备注", "ignore"),
            // Written with a unit and full-width brackets, or as the code itself.
            ("岗位工资（元）", "post_salary"),
            (" 住房 公积金 ", "housing_fund"),
            ("post_salary", "post_salary"),
            ("职务（岗位）工资", "post_salary"),
        ] {
            assert_eq!(
                header(name),
                Some(To(Target::from_field(field).unwrap_or(Ignore))),
                "{name}"
            );
        }
        assert!(matches!(header("绩效工资"), Some(Alias::Ambiguous { .. })));
        assert_eq!(header("绩效工资2"), None);
        assert_eq!(header("housing_fnd"), None);
    }

    #[test]
    fn chinese_values() {
        assert_eq!(category("在职党员"), Some(Category::Employed));
        assert_eq!(category("离退休党员"), Some(Category::Retired));
        assert_eq!(category("学生党员"), Some(Category::Student));
        assert_eq!(category("农民党员"), Some(Category::Farmer));
        assert_eq!(category("下岗失业"), Some(Category::Unemployed));
        assert_eq!(category("retired"), Some(Category::Retired));
        assert_eq!(category("retiree"), None);
        assert_eq!(employer_type("机关"), Some(EmployerType::CivilService));
        assert_eq!(
            employer_type("事业单位"),
            Some(EmployerType::PublicInstitution)
        );
        assert_eq!(employer_type("企业"), Some(EmployerType::Enterprise));
        assert_eq!(employer_type("社会组织"), Some(EmployerType::Enterprise));
        assert_eq!(employer_type("private_company"), None);
    }
}
