//! The rows under the header: members, and the rows that are not members.
//!
//! Skipped and reported: empty rows, totals rows (合计/小计/总计/共计 in one of the first cells) and
//! signature or note rows (制表人, 审核人, 备注 …) — when the member-id cell is empty or holds that word, so a
//! member is never taken for one. A totals row is checked against the sum of the members above it, column
//! by column. Every other row becomes a [`DuesMember`], each cell that cannot be read reported (not just
//! the first), with the cell or line it is in.

use std::collections::BTreeMap;

use dangjian::codes::Code;
use dangjian::dues::{Category, DuesMember, EmployerType, IncomeItem, IncomeRecord, ItemCode};
use dangjian::month::parse_date;
use dangjian::ErrorDetail;
use rust_decimal::Decimal;

use crate::aliases::{self, Target};
use crate::amount::parse_amount;
use crate::grid::{Grid, GridRow};
use crate::header::Mapped;
use crate::{suggest, MemberRow, ReadOptions, Skipped};

const TOTALS: &[&str] = &["合计", "总计", "共计"];
const SUBTOTALS: &[&str] = &["小计"];
const NOTES: &[&str] = &[
    "制表",
    "审核",
    "复核",
    "审批",
    "负责人",
    "经办人",
    "会计",
    "出纳",
    "备注",
    "注:",
    "注：",
    "说明",
    "盖章",
    "签字",
    "签名",
    "打印日期",
    "填报",
];

/// Salary items: an employed member's pay (a retiree's base is the pension alone).
const SALARY: &[ItemCode] = &[
    ItemCode::PostSalary,
    ItemCode::GradeSalary,
    ItemCode::BasicSalary,
    ItemCode::BasicPerformance,
    ItemCode::RewardPerformance,
    ItemCode::Allowance,
    ItemCode::RegularBonus,
    ItemCode::MonthlyPay,
];

/// What a row is.
enum Kind {
    Blank,
    Totals(String),
    Subtotal(String),
    Note(String),
    Member,
}

fn classify(row: &GridRow, columns: &[Mapped]) -> Kind {
    if row.is_blank() {
        return Kind::Blank;
    }
    let id = cell_of(row, columns, Target::MemberId);
    let words = |list: &[&str], cell: &str| {
        let cell = aliases::normalize(cell);
        list.iter()
            .find(|w| cell.contains(*w))
            .map(|w| (*w).to_owned())
    };
    let notes = |cell: &str| {
        let cell = aliases::normalize(cell);
        NOTES
            .iter()
            .find(|w| cell.starts_with(*w))
            .map(|w| (*w).to_owned())
    };
    let id_free = id.is_empty()
        || words(TOTALS, id).is_some()
        || words(SUBTOTALS, id).is_some()
        || notes(id).is_some();
    if !id_free {
        return Kind::Member;
    }
    let first: Vec<&String> = row.cells.iter().filter(|c| !c.is_empty()).take(3).collect();
    if let Some(w) = first.iter().find_map(|c| words(SUBTOTALS, c)) {
        return Kind::Subtotal(w);
    }
    if let Some(w) = first.iter().find_map(|c| words(TOTALS, c)) {
        return Kind::Totals(w);
    }
    if let Some(w) = row.cells.iter().find_map(|c| notes(c)) {
        return Kind::Note(w);
    }
    Kind::Member
}

fn cell_of<'a>(row: &'a GridRow, columns: &[Mapped], target: Target) -> &'a str {
    columns
        .iter()
        .position(|c| c.target == Some(target))
        .and_then(|i| row.cells.get(i))
        .map(String::as_str)
        .unwrap_or_default()
}

/// The rows after the header: members, skipped rows, and the totals warnings.
pub(crate) fn read(
    grid: &Grid,
    header_index: usize,
    columns: &[Mapped],
    options: &ReadOptions,
) -> (Vec<MemberRow>, Vec<Skipped>, Vec<ErrorDetail>) {
    let mut members = Vec::new();
    let mut skipped = Vec::new();
    let mut warnings = Vec::new();
    let mut since_totals = 0usize;
    for row in grid.rows.iter().skip(header_index + 1) {
        let reason = match classify(row, columns) {
            Kind::Member => {
                members.push(member(grid, row, columns, options));
                continue;
            }
            Kind::Blank => "空行".to_owned(),
            Kind::Subtotal(w) | Kind::Note(w) => w,
            Kind::Totals(w) => {
                let above = members.get(since_totals..).unwrap_or_default();
                let above_rows: Vec<&GridRow> = grid
                    .rows
                    .iter()
                    .filter(|r| above.iter().any(|m| m.line == r.line))
                    .collect();
                check_totals(grid, row, &above_rows, columns, &mut warnings);
                since_totals = members.len();
                w
            }
        };
        skipped.push(Skipped {
            line: row.line,
            place: grid.row_place(row.line),
            reason,
        });
    }
    (members, skipped, warnings)
}

/// Compares a totals row with the sum of the members' cells above it, for each amount column.
fn check_totals(
    grid: &Grid,
    totals: &GridRow,
    members: &[&GridRow],
    columns: &[Mapped],
    warnings: &mut Vec<ErrorDetail>,
) {
    for (position, column) in columns.iter().enumerate() {
        let Some(Target::Item(code)) = column.target else {
            continue;
        };
        let Some(Ok(stated)) = totals
            .cells
            .get(position)
            .filter(|c| !c.is_empty())
            .map(|c| parse_amount(c, code.as_str()))
        else {
            continue;
        };
        let sum = members
            .iter()
            .filter_map(|r| r.cells.get(position))
            .filter(|c| !c.is_empty())
            .filter_map(|c| parse_amount(c, code.as_str()).ok())
            .try_fold(Decimal::ZERO, |a, b| a.checked_add(b));
        let Some(sum) = sum else { continue };
        if sum != stated {
            let place = grid.cell_place(totals.line, position);
            let header = &column.header;
            warnings.push(ErrorDetail::new(
                Code::TotalsMismatch.as_str(),
                header.as_str(),
                format!("{}：合计行“{header}”列为 {stated:.2}，而各成员之和为 {sum:.2}", crate::place_zh(&place)),
                format!("{place}: the totals row says {stated:.2} for column `{header}`, the members' sum is {sum:.2}"),
            ));
        }
    }
}

/// One member row.
fn member(grid: &Grid, row: &GridRow, columns: &[Mapped], options: &ReadOptions) -> MemberRow {
    let mut problems = Vec::new();
    let mut category: Option<Category> = None;
    let mut category_bad = false;
    let mut employer_type: Option<EmployerType> = None;
    let mut admitted_on = None;
    let mut items: BTreeMap<usize, (ItemCode, Decimal)> = BTreeMap::new();
    let mut places = Vec::new();
    for (position, cell) in row.cells.iter().enumerate() {
        let place = grid.cell_place(row.line, position);
        let Some(column) = columns.get(position) else {
            if !cell.is_empty() {
                problems.push(ErrorDetail::new(
                    Code::TooManyCells.as_str(),
                    place.as_str(),
                    format!(
                        "第 {} 列超出了表头的 {} 列：{cell}",
                        position + 1,
                        columns.len()
                    ),
                    format!(
                        "a value in column {} but the header has only {} columns: {cell}",
                        position + 1,
                        columns.len()
                    ),
                ));
            }
            continue;
        };
        let Some(target) = column.target else {
            if !cell.is_empty() {
                problems.push(ErrorDetail::new(
                    Code::ValueWithoutColumn.as_str(),
                    place.as_str(),
                    format!("第 {} 列没有列名，却填了值：{cell}", position + 1),
                    format!(
                        "a value in column {}, which has no header: {cell}",
                        position + 1
                    ),
                ));
            }
            continue;
        };
        if target == Target::Ignore || target == Target::Name {
            continue;
        }
        places.push((target.field().to_owned(), place.clone()));
        if row.uncached.contains(&position) {
            problems.push(ErrorDetail::new(Code::UncachedFormula.as_str(), place.as_str(),
                format!("{}：公式没有保存计算结果；请用 Excel 打开并保存此文件后再读", crate::place_zh(&place)),
                format!("{place}: a formula saved without its value; open and save the file in Excel, then read it again")));
            continue;
        }
        if cell.is_empty() {
            continue;
        }
        match target {
            Target::Category => match aliases::category(cell) {
                Some(c) => category = Some(c),
                None => {
                    category_bad = true;
                    problems.push(unknown_value(
                        Code::UnknownCategory,
                        "category",
                        cell,
                        &category_names(),
                    ));
                }
            },
            Target::EmployerType => match aliases::employer_type(cell) {
                Some(e) => employer_type = Some(e),
                None => problems.push(unknown_value(
                    Code::UnknownEmployerType,
                    "employer_type",
                    cell,
                    &employer_names(),
                )),
            },
            Target::AdmittedOn => match parse_date(cell, "admitted_on") {
                Ok(d) => admitted_on = Some(d),
                Err(e) => problems.push(e.detail().clone()),
            },
            Target::Item(code) => match parse_amount(cell, code.as_str()) {
                Ok(amount) => add_item(&mut items, code, amount, &mut problems),
                Err(e) => problems.push(e),
            },
            Target::MemberId | Target::Name | Target::Ignore => {}
        }
    }
    let category = category.or(if category_bad { None } else { options.category });
    if category.is_none() && !category_bad {
        problems.push(ErrorDetail::new(
            Code::MissingCategory.as_str(),
            "category",
            "缺少党员类别",
            "category is empty",
        ));
    }
    let employer_type = employer_type.or(options.employer_type);
    let items = finish_items(items);
    let mut findings = Vec::new();
    if let Some(category) = category {
        contradiction(category, &items, &mut findings);
    }
    let member_id = cell_of(row, columns, Target::MemberId).to_owned();
    let name = cell_of(row, columns, Target::Name).to_owned();
    let member = match category {
        Some(category) if problems.is_empty() => {
            let mut member = DuesMember::new(member_id.clone(), category);
            member.employer_type = employer_type;
            // No record at all when no cell was filled in: the core then reports a missing income for a
            // member whose base needs one. A cell holding 0 is a value, not a missing one.
            if !items.is_empty() {
                member.incomes = vec![IncomeRecord { from: None, items }];
            }
            member.admitted_on = admitted_on;
            Ok(member)
        }
        _ => Err(problems),
    };
    MemberRow {
        line: row.line,
        place: grid.row_place(row.line),
        member_id,
        name,
        member,
        findings,
        places,
    }
}

/// Adds an amount to its item: several columns may feed one item (取暖费 and 物业费 are both subsidies).
fn add_item(
    items: &mut BTreeMap<usize, (ItemCode, Decimal)>,
    code: ItemCode,
    amount: Decimal,
    problems: &mut Vec<ErrorDetail>,
) {
    let key = ItemCode::ALL
        .iter()
        .position(|c| *c == code)
        .unwrap_or(usize::MAX);
    let entry = items.entry(key).or_insert((code, Decimal::ZERO));
    match entry.1.checked_add(amount) {
        Some(sum) => entry.1 = sum,
        None => problems.push(ErrorDetail::new(
            "AMOUNT_TOO_LARGE",
            code.as_str(),
            "金额之和过大",
            "the amounts add up beyond range",
        )),
    }
}

/// The items in contract order, written to the fen. With a `net_base`, the other zero cells are left out
/// (exports write 0 in every column, and the core takes `net_base` alone); zeros are otherwise kept —
/// a present 0.00 is an amount, not a missing one.
fn finish_items(items: BTreeMap<usize, (ItemCode, Decimal)>) -> Vec<IncomeItem> {
    let has_net_base = items.values().any(|(c, _)| *c == ItemCode::NetBase);
    items
        .into_values()
        .filter(|(code, amount)| !has_net_base || *code == ItemCode::NetBase || !amount.is_zero())
        .map(|(code, mut amount)| {
            amount.rescale(2);
            IncomeItem { code, amount }
        })
        .collect()
}

/// A category that the row's items contradict: a finding, so the amount is not a silent 0.00.
fn contradiction(category: Category, items: &[IncomeItem], findings: &mut Vec<ErrorDetail>) {
    let paid = |codes: &[ItemCode]| {
        items
            .iter()
            .filter(|i| codes.contains(&i.code) && !i.amount.is_zero())
            .map(|i| i.code.name_zh())
            .collect::<Vec<_>>()
    };
    let salary = paid(SALARY);
    let pension = paid(&[ItemCode::Pension]);
    let net_base = paid(&[ItemCode::NetBase]);
    match category {
        Category::Retired if !salary.is_empty() && pension.is_empty() => findings.push(ErrorDetail::new(
            Code::CategoryContradictsItems.as_str(),
            "category",
            format!("党员类别为离退休党员，但本行有工资项目（{}）而没有离退休费：请核对党员类别", salary.join("、")),
            format!("category retired, but the row has salary items ({}) and no pension: check the category", salary.join(", ")),
        )),
        Category::Employed if !pension.is_empty() && salary.is_empty() && net_base.is_empty() => findings.push(ErrorDetail::new(
            Code::CategoryContradictsItems.as_str(),
            "category",
            "党员类别为在职党员，但本行只有离退休费：请核对党员类别",
            "category employed, but the row has only a pension: check the category",
        )),
        _ => {}
    }
}

fn category_names() -> Vec<&'static str> {
    Category::ALL
        .iter()
        .map(|c| c.name_zh())
        .chain(Category::ALL.iter().map(|c| c.as_str()))
        .collect()
}

fn employer_names() -> Vec<&'static str> {
    EmployerType::ALL
        .iter()
        .map(|c| c.name_zh())
        .chain(EmployerType::ALL.iter().map(|c| c.as_str()))
        .collect()
}

fn unknown_value(code: Code, field: &str, value: &str, valid: &[&str]) -> ErrorDetail {
    let guess = suggest::nearest(value, valid);
    let hint = guess
        .map(|g| format!(" — did you mean `{g}`?"))
        .unwrap_or_default();
    let hint_zh = guess
        .map(|g| format!("——是否应为“{g}”？"))
        .unwrap_or_default();
    ErrorDetail::new(
        code.as_str(),
        field,
        format!(
            "未知的{}：{value}{hint_zh}（可用：{}）",
            if field == "category" {
                "党员类别"
            } else {
                "单位类型"
            },
            valid.join("、")
        ),
        format!(
            "unknown {field} `{value}`{hint} (valid: {})",
            valid.join(", ")
        ),
    )
}
