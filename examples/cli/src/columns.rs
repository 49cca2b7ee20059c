//! The header row: which column holds what — and a hard stop on any name the tool does not know.
//!
//! An unknown column is never skipped: a misspelled deduction (`housing_fnd`) would silently leave the
//! amount out of every member's base and every dues figure would be wrong. So the whole roster is refused,
//! the column named, and the nearest valid name suggested.

use dangjian::dues::ItemCode;

use crate::error::CliError;
use crate::roster::Row;
use crate::suggest;

/// The member's id (unique within the roster).
pub(crate) const MEMBER_ID: &str = "member_id";
/// The category code (`employed`, `retired`, …).
pub(crate) const CATEGORY: &str = "category";
/// The employer type code (`civil_service`, `public_institution`, `enterprise`).
pub(crate) const EMPLOYER_TYPE: &str = "employer_type";
/// The date a probationary member was admitted (YYYY-MM-DD).
pub(crate) const ADMITTED_ON: &str = "admitted_on";

/// What one column of the roster holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    /// `member_id`.
    MemberId,
    /// `category`.
    Category,
    /// `employer_type`.
    EmployerType,
    /// `admitted_on`.
    AdmittedOn,
    /// An income item or deduction, named by its code.
    Item(ItemCode),
    /// A column with an empty header cell: allowed (spreadsheets leave trailing ones) as long as no row
    /// puts a value in it.
    Unnamed,
}

impl Column {
    fn from_name(name: &str) -> Option<Self> {
        match name {
            "" => Some(Column::Unnamed),
            MEMBER_ID => Some(Column::MemberId),
            CATEGORY => Some(Column::Category),
            EMPLOYER_TYPE => Some(Column::EmployerType),
            ADMITTED_ON => Some(Column::AdmittedOn),
            code => ItemCode::from_code(code).map(Column::Item),
        }
    }
}

/// Every valid header name: the member columns, then each income item code in contract order.
pub(crate) fn valid_names() -> Vec<&'static str> {
    [MEMBER_ID, CATEGORY, EMPLOYER_TYPE, ADMITTED_ON]
        .into_iter()
        .chain(ItemCode::ALL.iter().map(|c| c.as_str()))
        .collect()
}

/// The roster's columns, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Columns {
    columns: Vec<Column>,
}

impl Columns {
    /// Reads the header row. Unknown, repeated or missing columns are hard errors (exit 2), all reported
    /// at once so one round of fixes is enough.
    pub(crate) fn from_header(header: &Row) -> Result<Self, CliError> {
        let line = header.line;
        let mut columns = Vec::with_capacity(header.cells.len());
        let mut problems = Vec::new();
        for (position, name) in header.cells.iter().enumerate() {
            match Column::from_name(name) {
                Some(column) => {
                    if column != Column::Unnamed {
                        if let Some(first) = columns.iter().position(|c| *c == column) {
                            problems.push(format!(
                                "line {line}: column `{name}` appears twice (columns {} and {})",
                                first + 1,
                                position + 1
                            ));
                        }
                    }
                    columns.push(column);
                }
                None => problems.push(format!("line {line}: {}", unknown_column(name))),
            }
        }
        for required in [MEMBER_ID, CATEGORY] {
            if !header.cells.iter().any(|name| name == required) {
                problems.push(format!("line {line}: missing column `{required}`"));
            }
        }
        if problems.is_empty() {
            return Ok(Self { columns });
        }
        problems.push(format!(
            "the roster was not read: a misspelled column would silently drop an income or deduction.\n\
             valid columns: {}",
            valid_names().join(", ")
        ));
        Err(CliError::input(problems.join("\n")))
    }

    /// The column at `position` (0-based), or `None` past the header's last cell.
    pub(crate) fn get(&self, position: usize) -> Option<Column> {
        self.columns.get(position).copied()
    }

    /// How many columns the header names (empty header cells included).
    pub(crate) fn len(&self) -> usize {
        self.columns.len()
    }
}

/// "unknown column `housing_fnd` — did you mean `housing_fund` (住房公积金)?"
fn unknown_column(name: &str) -> String {
    // A header written in Chinese (住房公积金) points straight at its code.
    let by_chinese = ItemCode::ALL
        .iter()
        .find(|c| c.name_zh() == name)
        .map(|c| c.as_str());
    let guess = by_chinese.or_else(|| suggest::nearest(name, &valid_names()));
    match guess {
        Some(code) => {
            let zh = ItemCode::from_code(code)
                .map(|c| format!(" ({})", c.name_zh()))
                .unwrap_or_default();
            format!("unknown column `{name}` — did you mean `{code}`{zh}?")
        }
        None => format!("unknown column `{name}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cells: &[&str]) -> Row {
        Row {
            line: 1,
            cells: cells.iter().map(|c| (*c).to_owned()).collect(),
        }
    }

    #[test]
    fn known_columns() {
        let c = Columns::from_header(&header(&["member_id", "category", "net_base", ""]));
        let c = c.ok().unwrap_or(Columns { columns: vec![] });
        assert_eq!(c.len(), 4);
        assert_eq!(c.get(2), Some(Column::Item(ItemCode::NetBase)));
        assert_eq!(c.get(3), Some(Column::Unnamed));
        assert_eq!(c.get(4), None);
    }

    #[test]
    fn unknown_repeated_and_missing_columns_are_all_reported() {
        let e = Columns::from_header(&header(&[
            "member_id",
            "housing_fnd",
            "住房公积金",
            "member_id",
        ]))
        .err()
        .map(|e| e.message)
        .unwrap_or_default();
        assert!(
            e.contains("unknown column `housing_fnd` — did you mean `housing_fund` (住房公积金)?"),
            "{e}"
        );
        assert!(
            e.contains("unknown column `住房公积金` — did you mean `housing_fund`"),
            "{e}"
        );
        assert!(
            e.contains("column `member_id` appears twice (columns 1 and 4)"),
            "{e}"
        );
        assert!(e.contains("missing column `category`"), "{e}");
    }
}
