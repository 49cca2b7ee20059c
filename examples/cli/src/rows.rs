//! One roster row → one [`DuesMember`].
//!
//! Reading a cell (is it a number? which code is it?) is the tool's job; judging a value is the core's:
//! amounts go through [`check_amount`], dates through [`parse_date`], codes through `from_code`, and the
//! rules themselves (a missing employer type, `net_base` with other items, …) are left to the core's
//! own validation when the member is assessed.

use std::str::FromStr;

use dangjian::dues::{check_amount, Category, DuesMember, EmployerType, IncomeItem, IncomeRecord};
use dangjian::month::parse_date;
use dangjian::ErrorDetail;
use rust_decimal::Decimal;

use crate::columns::{Column, Columns, ADMITTED_ON, CATEGORY, EMPLOYER_TYPE};
use crate::roster::Row;
use crate::suggest;

/// The member's id as written in the row, trimmed (empty when the cell is).
pub(crate) fn member_id(columns: &Columns, row: &Row) -> String {
    row.cells
        .iter()
        .enumerate()
        .find(|(i, _)| columns.get(*i) == Some(Column::MemberId))
        .map(|(_, cell)| cell.clone())
        .unwrap_or_default()
}

/// Builds the member of `row`: every cell that cannot be read is reported (not just the first), so the
/// user fixes a row once.
pub(crate) fn member_from_row(
    columns: &Columns,
    row: &Row,
) -> Result<DuesMember, Vec<ErrorDetail>> {
    let mut problems = Vec::new();
    let mut category = None;
    let mut category_written = false;
    let mut employer_type = None;
    let mut admitted_on = None;
    let mut items = Vec::new();
    for (position, cell) in row.cells.iter().enumerate() {
        if cell.is_empty() {
            continue;
        }
        let Some(column) = columns.get(position) else {
            problems.push(ErrorDetail::new(
                "TOO_MANY_CELLS",
                format!("column {}", position + 1),
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
            continue;
        };
        match column {
            // The id is passed to the core as written: an empty one is the core's MISSING_MEMBER_ID.
            Column::MemberId => {}
            Column::Category => {
                category_written = true;
                category = Category::from_code(cell);
                if category.is_none() {
                    let codes: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
                    problems.push(unknown_code("UNKNOWN_CATEGORY", CATEGORY, cell, &codes));
                }
            }
            Column::EmployerType => {
                employer_type = EmployerType::from_code(cell);
                if employer_type.is_none() {
                    let codes: Vec<&str> = EmployerType::ALL.iter().map(|c| c.as_str()).collect();
                    problems.push(unknown_code(
                        "UNKNOWN_EMPLOYER_TYPE",
                        EMPLOYER_TYPE,
                        cell,
                        &codes,
                    ));
                }
            }
            Column::AdmittedOn => match parse_date(cell, ADMITTED_ON) {
                Ok(date) => admitted_on = Some(date),
                Err(e) => problems.push(e.detail().clone()),
            },
            Column::Item(code) => {
                let column = code.as_str();
                match parse_amount(cell) {
                    None => problems.push(ErrorDetail::new(
                        "NOT_A_NUMBER",
                        column,
                        format!("金额应为数字（如 3200.00，不带千分位和货币符号）：{cell}"),
                        format!("not a number (write e.g. 3200.00, without thousands separators or currency signs): {cell}"),
                    )),
                    Some(amount) => match check_amount(amount, column) {
                        Err(e) => problems.push(e.detail().clone()),
                        // Payroll exports fill every column, 0 where nothing is paid: a zero item changes no
                        // base, and leaving it out keeps a `net_base` row "net_base alone" for the core.
                        Ok(()) if amount.is_zero() => {}
                        Ok(()) => {
                            // Written to the fen (`4625` → `4625.00`; lossless after check_amount), so the
                            // base prints the same however the cell was typed — Excel drops trailing zeros.
                            let mut amount = amount;
                            amount.rescale(2);
                            items.push(IncomeItem { code, amount });
                        }
                    },
                }
            }
            Column::Unnamed => problems.push(ErrorDetail::new(
                "VALUE_WITHOUT_COLUMN",
                format!("column {}", position + 1),
                format!("第 {} 列没有列名，却填了值：{cell}", position + 1),
                format!(
                    "a value in column {}, which has no header: {cell}",
                    position + 1
                ),
            )),
        }
    }
    if !category_written {
        problems.push(ErrorDetail::new(
            "MISSING_CATEGORY",
            CATEGORY,
            "缺少党员类别",
            "category is empty",
        ));
    }
    match category {
        Some(category) if problems.is_empty() => Ok(DuesMember {
            schema_version: None,
            member_id: member_id(columns, row),
            category,
            employer_type,
            // No record at all when no item was given, so the core reports a missing income for a member
            // whose base needs one, instead of computing dues on a base of zero.
            incomes: if items.is_empty() {
                Vec::new()
            } else {
                vec![IncomeRecord { from: None, items }]
            },
            admitted_on,
            hardship: Vec::new(),
        }),
        _ => Err(problems),
    }
}

/// A plain decimal number: an optional sign, digits, an optional point and decimals.
///
/// Stricter than `Decimal::from_str` on purpose (it also takes `1_000`): `1,234.56`, `¥300` or `3千` are
/// reported rather than guessed at.
fn parse_amount(text: &str) -> Option<Decimal> {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (whole, decimals) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && decimals.is_empty() || !digits(whole) || !digits(decimals) {
        return None;
    }
    Decimal::from_str(text.strip_prefix('+').unwrap_or(text)).ok()
}

fn unknown_code(code: &str, field: &str, value: &str, valid: &[&str]) -> ErrorDetail {
    let hint = suggest::nearest(value, valid)
        .map(|guess| format!(" — did you mean `{guess}`?"))
        .unwrap_or_default();
    ErrorDetail::new(
        code,
        field,
        format!("未知的{field}：{value}{hint}（可用：{}）", valid.join("、")),
        format!(
            "unknown {field} `{value}`{hint} (valid: {})",
            valid.join(", ")
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use dangjian::dues::ItemCode;

    fn columns(names: &[&str]) -> Columns {
        let header = Row {
            line: 1,
            cells: names.iter().map(|c| (*c).to_owned()).collect(),
        };
        match Columns::from_header(&header) {
            Ok(c) => c,
            Err(e) => panic!("{e}"),
        }
    }

    fn row(cells: &[&str]) -> Row {
        Row {
            line: 2,
            cells: cells.iter().map(|c| (*c).to_owned()).collect(),
        }
    }

    fn codes(r: Result<DuesMember, Vec<ErrorDetail>>) -> Vec<String> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|d| d.code)
            .collect()
    }

    #[test]
    fn amounts() {
        assert_eq!(parse_amount("3200.00"), Some(Decimal::new(320000, 2)));
        assert_eq!(parse_amount("+5"), Some(Decimal::new(5, 0)));
        assert_eq!(parse_amount("-0.5"), Some(Decimal::new(-5, 1)));
        assert_eq!(parse_amount(".5"), Some(Decimal::new(5, 1)));
        for bad in [
            "", ".", "1,234.56", "¥300", "1_000", "1e3", "三千", "1.2.3", "- 5", "n/a",
        ] {
            assert_eq!(parse_amount(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_good_row() {
        let c = columns(&[
            "member_id",
            "category",
            "employer_type",
            "admitted_on",
            "post_salary",
            "housing_fund",
            "subsidy",
        ]);
        let m = member_from_row(
            &c,
            &row(&[
                "DY1",
                "employed",
                "enterprise",
                "2026-06-18",
                "4000",
                "0",
                "",
            ]),
        );
        let m = m.unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(m.member_id, "DY1");
        assert_eq!(m.employer_type, Some(EmployerType::Enterprise));
        assert_eq!(
            m.admitted_on.map(|d| d.to_string()).as_deref(),
            Some("2026-06-18")
        );
        let items: Vec<ItemCode> = m
            .incomes
            .iter()
            .flat_map(|r| r.items.iter().map(|i| i.code))
            .collect();
        assert_eq!(items, [ItemCode::PostSalary]); // zero and empty cells are not items
    }

    #[test]
    fn every_bad_cell_of_a_row_is_reported() {
        let c = columns(&[
            "member_id",
            "category",
            "employer_type",
            "admitted_on",
            "post_salary",
            "housing_fund",
            "income_tax",
        ]);
        let r = row(&[
            "DY1",
            "retiree",
            "private",
            "2026-02-30",
            "4,000",
            "-1.00",
            "3.005",
            "x",
        ]);
        assert_eq!(
            codes(member_from_row(&c, &r)),
            [
                "UNKNOWN_CATEGORY",
                "UNKNOWN_EMPLOYER_TYPE",
                "INVALID_DATE",
                "NOT_A_NUMBER",
                "NEGATIVE_AMOUNT",
                "TOO_MANY_DECIMALS",
                "TOO_MANY_CELLS"
            ]
        );
        assert_eq!(
            codes(member_from_row(&c, &row(&["DY1", ""]))),
            ["MISSING_CATEGORY"]
        );
    }

    #[test]
    fn suggestions_for_codes() {
        let d = unknown_code(
            "UNKNOWN_CATEGORY",
            "category",
            "retiree",
            &["employed", "retired"],
        );
        assert!(
            d.message_en.contains("did you mean `retired`?"),
            "{}",
            d.message_en
        );
    }
}
