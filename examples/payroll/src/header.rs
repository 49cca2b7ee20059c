//! Finding the header row under the title rows, and what each column holds.
//!
//! The header is the first row (of the first 30) where at least two cells, and at least half of its
//! non-empty cells, are names the alias table, `--map` or `--ignore` know: a title row (单位名称 … 年 月份
//! 工资明细表) has one cell, and a data row has numbers. A second header row right under it (a merged
//! group heading 应发项目 over 岗位工资, 薪级工资 …) fills the cells the first leaves empty.
//!
//! An unknown column is never skipped — a misspelled deduction would silently leave the amount out of
//! every member's base — and an ambiguous one (绩效工资) is never guessed: both stop the run, every problem
//! of the header at once, each with the way to resolve it.

use crate::aliases::{self, Alias, Target};
use crate::grid::Grid;
use crate::{suggest, FileError, ReadOptions};
use dangjian::codes::Code;

/// How many rows from the top are searched for the header.
const HEADER_SEARCH_ROWS: usize = 30;

/// One column of the header and what was decided for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapped {
    /// The header cell as written.
    pub header: String,
    /// What it holds (`None`: an empty header cell).
    pub target: Option<Target>,
    /// Whether a `--map` or `--ignore` decided it (rather than the alias table or a field code).
    pub by_option: bool,
}

/// The header found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    /// Index in the grid's rows of the (last) header row.
    pub(crate) index: usize,
    /// The lines of the header rows (one, or two for a grouped heading).
    pub(crate) lines: Vec<usize>,
    /// The columns, in order.
    pub(crate) columns: Vec<Mapped>,
}

enum Meaning {
    Known(Target, bool),
    Unnamed,
    Ambiguous(Alias),
    Unknown,
}

fn meaning(name: &str, options: &ReadOptions) -> Meaning {
    let key = aliases::normalize(name);
    if key.is_empty() {
        return Meaning::Unnamed;
    }
    if options.ignore.iter().any(|i| aliases::normalize(i) == key) {
        return Meaning::Known(Target::Ignore, true);
    }
    if let Some((_, target)) = options
        .maps
        .iter()
        .find(|(h, _)| aliases::normalize(h) == key)
    {
        return Meaning::Known(*target, true);
    }
    match aliases::header(name) {
        Some(Alias::To(target)) => Meaning::Known(target, false),
        Some(ambiguous) => Meaning::Ambiguous(ambiguous),
        None => Meaning::Unknown,
    }
}

/// How many cells of a row are names; and how many are not empty.
fn score(cells: &[String], options: &ReadOptions) -> (usize, usize) {
    let mut known = 0;
    let mut filled = 0;
    for cell in cells {
        match meaning(cell, options) {
            Meaning::Unnamed => continue,
            Meaning::Known(..) | Meaning::Ambiguous(_) => known += 1,
            Meaning::Unknown => {}
        }
        filled += 1;
    }
    (known, filled)
}

/// Finds the header and maps its columns.
pub(crate) fn find(grid: &Grid, options: &ReadOptions) -> Result<Header, FileError> {
    let candidates = grid
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_blank())
        .take(HEADER_SEARCH_ROWS);
    let mut first_filled = None;
    let mut found = None;
    for (index, row) in candidates {
        first_filled.get_or_insert(index);
        let (known, filled) = score(&row.cells, options);
        if known >= 2 && known * 2 >= filled {
            found = Some(index);
            break;
        }
    }
    // No row looks like a header: judge the first one, so its unknown names are reported.
    let index = found.or(first_filled).ok_or_else(|| {
        FileError::new(
            Code::EmptyFile,
            "",
            "文件是空的：应有表头行（工号、姓名、党员类别 …）",
            "the file is empty: expected a header row (工号, 姓名, 党员类别 … or member_id, category, …)",
        )
    })?;
    let row = grid
        .rows
        .get(index)
        .map(|r| r.cells.clone())
        .unwrap_or_default();
    let mut cells = row;
    let mut lines = vec![grid.rows.get(index).map(|r| r.line).unwrap_or(0)];
    let mut last = index;
    if let Some(next) = grid.rows.get(index + 1) {
        let (known, filled) = score(&next.cells, options);
        if known >= 2 && known == filled {
            for (position, sub) in next.cells.iter().enumerate() {
                if sub.is_empty() {
                    continue;
                }
                match cells.get_mut(position) {
                    Some(cell) => *cell = sub.clone(),
                    None => cells.push(sub.clone()),
                }
            }
            lines.push(next.line);
            last = index + 1;
        }
    }
    let place = match &grid.sheet {
        Some(sheet) => format!("{sheet} row {}", lines.last().copied().unwrap_or(0)),
        None => format!("line {}", lines.last().copied().unwrap_or(0)),
    };
    let columns = map_columns(&cells, options, &place)?;
    Ok(Header {
        index: last,
        lines,
        columns,
    })
}

fn map_columns(
    cells: &[String],
    options: &ReadOptions,
    place: &str,
) -> Result<Vec<Mapped>, FileError> {
    let mut columns: Vec<Mapped> = Vec::with_capacity(cells.len());
    // The Chinese messages name the row in Chinese (第 2 行); the English ones and the field keep `line 2`.
    let place_zh = crate::place_zh(place);
    let mut problems: Vec<(Code, String, String)> = Vec::new();
    for (position, name) in cells.iter().enumerate() {
        let target = match meaning(name, options) {
            Meaning::Known(target, by_option) => {
                columns.push(Mapped {
                    header: name.clone(),
                    target: Some(target),
                    by_option,
                });
                continue;
            }
            Meaning::Unnamed => None,
            Meaning::Ambiguous(Alias::Ambiguous {
                choices,
                why_zh,
                why_en,
            }) => {
                let maps: Vec<String> = choices
                    .iter()
                    .map(|c| format!("--map '{name}={c}'"))
                    .collect();
                problems.push((
                    Code::AmbiguousColumn,
                    format!("{place_zh}：第 {} 列“{name}”含义不明：{why_zh}；请用 {} 指明（或 --ignore '{name}'）", position + 1, maps.join(" 或 ")),
                    format!("{place}: column {} `{name}` is ambiguous: {why_en}; say which with {} (or --ignore '{name}')", position + 1, maps.join(" or ")),
                ));
                None
            }
            Meaning::Ambiguous(Alias::To(_)) => None,
            Meaning::Unknown => {
                let (zh, en) = unknown(name, position + 1);
                problems.push((
                    Code::UnknownColumn,
                    format!("{place_zh}：{zh}"),
                    format!("{place}: {en}"),
                ));
                None
            }
        };
        columns.push(Mapped {
            header: name.clone(),
            target,
            by_option: false,
        });
    }
    duplicates(&columns, place, &mut problems);
    let has = |t: Target| columns.iter().any(|c| c.target == Some(t));
    if !has(Target::MemberId) {
        problems.push((
            Code::MissingColumn,
            format!("{place_zh}：缺少党员编号列（工号、人员编号、职工编号或 member_id）；可用 --map '列名=member_id' 指定"),
            format!("{place}: no member id column (工号, 人员编号, 职工编号 or member_id); name one with --map 'HEADER=member_id'"),
        ));
    }
    if !has(Target::Category) && options.category.is_none() {
        problems.push((
            Code::MissingColumn,
            format!("{place_zh}：缺少党员类别列（党员类别 或 category）；若全部为同一类别，可加 --category 在职党员"),
            format!("{place}: no category column (党员类别 or category); if every row is of one category, give --category VALUE (e.g. --category 在职党员)"),
        ));
    }
    if problems.is_empty() {
        return Ok(columns);
    }
    let code = problems.first().map(|p| p.0).unwrap_or(Code::UnknownColumn);
    let (mut zh, mut en): (Vec<String>, Vec<String>) =
        problems.into_iter().map(|(_, z, e)| (z, e)).unzip();
    zh.push("未读取工资表：拼错的列名会悄悄漏掉一项收入或扣除。".to_owned());
    en.push(format!(
        "the payroll was not read: a misspelled column would silently drop an income or deduction.\nvalid fields: {}",
        Target::fields().join(", ")
    ));
    Err(FileError::new(code, place, zh.join("\n"), en.join("\n")))
}

/// Two columns for a one-valued field, or one item header written twice.
fn duplicates(columns: &[Mapped], place: &str, problems: &mut Vec<(Code, String, String)>) {
    for (position, column) in columns.iter().enumerate() {
        let Some(target) = column.target else {
            continue;
        };
        if target == Target::Ignore {
            continue;
        }
        let first = columns.iter().position(|c| {
            c.target == Some(target)
                && (!matches!(target, Target::Item(_))
                    || aliases::normalize(&c.header) == aliases::normalize(&column.header))
        });
        if let Some(first) = first.filter(|f| *f < position) {
            let other = columns
                .get(first)
                .map(|c| c.header.as_str())
                .unwrap_or_default();
            problems.push((
                Code::DuplicateColumn,
                format!(
                    "{}：第 {} 列“{}”与第 {} 列“{other}”都是 {}",
                    crate::place_zh(place),
                    position + 1,
                    column.header,
                    first + 1,
                    target.field()
                ),
                format!(
                    "{place}: columns {} `{other}` and {} `{}` are both {}",
                    first + 1,
                    position + 1,
                    column.header,
                    target.field()
                ),
            ));
        }
    }
}

/// "unknown column `housing_fnd` — did you mean `housing_fund`?" with the ways out.
fn unknown(name: &str, column: usize) -> (String, String) {
    let mut names: Vec<&str> = Target::fields();
    names.extend(aliases::HEADERS.iter().map(|(n, _)| *n));
    let guess = suggest::nearest(name, &names);
    // The item's Chinese name helps both readers when the guess is a field code (`housing_fund`).
    let item_zh = |guess: &str| {
        aliases::header(guess).and_then(|a| match a {
            Alias::To(Target::Item(code)) => Some(code.name_zh()),
            _ => None,
        })
    };
    let hint = guess
        .map(|g| match item_zh(g) {
            Some(zh) => format!(" — did you mean `{g}` ({zh})?"),
            None => format!(" — did you mean `{g}`?"),
        })
        .unwrap_or_default();
    let hint_zh = guess
        .map(|g| match item_zh(g) {
            Some(zh) => format!("——是否应为“{g}”（{zh}）？"),
            None => format!("——是否应为“{g}”？"),
        })
        .unwrap_or_default();
    (
        format!("未知的列“{name}”（第 {column} 列）{hint_zh}（请用 --map '{name}=字段' 指明，或用 --ignore '{name}' 略过）"),
        format!("unknown column `{name}` (column {column}){hint} (map it with --map '{name}=FIELD' or leave it out with --ignore '{name}')"),
    )
}

/// Reads `--map HEADER=FIELD` values (from the command line or a map file) into targets.
///
/// ```
/// let maps = dangjian_payroll::parse_maps(&["绩效工资=basic_performance".to_owned()]).unwrap();
/// assert_eq!(maps[0].1, dangjian_payroll::Target::Item(dangjian::dues::ItemCode::BasicPerformance));
/// ```
pub fn parse_maps(values: &[String]) -> Result<Vec<(String, Target)>, FileError> {
    let mut out = Vec::with_capacity(values.len());
    for value in values {
        let Some((header, field)) = value.rsplit_once('=') else {
            return Err(bad_option(
                &format!(
                    "--map {value}: expected HEADER=FIELD, e.g. --map 绩效工资=basic_performance"
                ),
                &format!("--map {value}：应写成 列名=字段，如 --map 绩效工资=basic_performance"),
            ));
        };
        let Some(target) = Target::from_field(field) else {
            let guess = suggest::nearest(field, &Target::fields());
            let hint = guess
                .map(|g| format!(" — did you mean `{g}`?"))
                .unwrap_or_default();
            let hint_zh = guess
                .map(|g| format!("——是否应为“{g}”？"))
                .unwrap_or_default();
            return Err(bad_option(
                &format!(
                    "--map {value}: unknown field `{}`{hint} (fields: {})",
                    field.trim(),
                    Target::fields().join(", ")
                ),
                &format!(
                    "--map {value}：未知字段“{}”{hint_zh}（可用：{}）",
                    field.trim(),
                    Target::fields().join("、")
                ),
            ));
        };
        out.push((header.trim().to_owned(), target));
    }
    Ok(out)
}

/// Reads a map file: one `HEADER=FIELD` a line; blank lines and lines starting with `#` skipped.
pub fn parse_map_file(text: &str) -> Result<Vec<(String, Target)>, FileError> {
    let lines: Vec<String> = text
        .lines()
        .map(|l| l.trim_start_matches('\u{feff}').trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    parse_maps(&lines)
}

fn bad_option(en: &str, zh: &str) -> FileError {
    FileError::new(Code::BadOption, "--map", zh, en)
}
