//! `dues -o FILE.xlsx`: the dues table as a workbook that opens in Excel as the branch expects it —
//! headers in the chosen language, bases and amounts as numbers shown with two decimals, rates as
//! percentages, the citation of each member, and a totals row.

use std::path::Path;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::lang::Lang;
use crate::output::{header, OutRow};
use crate::safe;

/// Writes `rows` to `path`.
pub(crate) fn write(
    path: &Path,
    rows: &[OutRow],
    names: bool,
    trace: bool,
    lang: Lang,
) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("0.00");
    let money_bold = Format::new().set_num_format("0.00").set_bold();
    let percent = Format::new().set_num_format("0.0%");
    let sheet = book.add_worksheet();
    sheet.set_name(lang.pick("党费", "dues"))?;
    let columns = header(names, trace, Some(lang));
    for (col, title) in (0u16..).zip(&columns) {
        sheet.write_string_with_format(0, col, *title, &bold)?;
    }
    let shift = u16::from(names);
    let number = |d: Decimal| d.to_f64().unwrap_or(0.0);
    let mut total = Decimal::ZERO;
    let mut last = 0u32;
    for (row, out) in (1u32..).zip(rows) {
        last = row;
        sheet.write_string(row, 0, safe::cell(&out.member_id))?;
        if names {
            sheet.write_string(row, 1, safe::cell(&out.name))?;
        }
        let category = match lang {
            Lang::Zh => out.category.name_zh(),
            Lang::En => out.category.as_str(),
        };
        sheet.write_string(row, 1 + shift, category)?;
        if let Some(base) = out.base {
            sheet.write_number_with_format(row, 2 + shift, number(base), &money)?;
        }
        if let Some(rate) = out.rate {
            sheet.write_number_with_format(row, 3 + shift, number(rate), &percent)?;
        }
        sheet.write_number_with_format(row, 4 + shift, number(out.amount), &money)?;
        sheet.write_string(row, 5 + shift, safe::cell(&out.citation))?;
        sheet.write_string(row, 6 + shift, safe::cell(&out.findings.join(";")))?;
        if trace {
            sheet.write_string(row, 7 + shift, safe::cell(&out.trace))?;
        }
        total = total.saturating_add(out.amount);
    }
    let totals = last + 1;
    sheet.write_string_with_format(totals, 0, lang.pick("合计", "Total"), &bold)?;
    let count = match lang {
        Lang::Zh => format!("{} 人", rows.len()),
        Lang::En => format!("{} members", rows.len()),
    };
    sheet.write_string(totals, 1 + shift, count)?;
    sheet.write_number_with_format(totals, 4 + shift, number(total), &money_bold)?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_column_width(0, 12)?;
    sheet.set_column_width(5 + shift, 48)?;
    book.save(path)
}
