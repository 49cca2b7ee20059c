//! `dangjian` — the command-line example of the dangjian rules core.
//!
//! ```text
//! dangjian dues examples/data/roster.csv --month 2026-11 > dues.csv
//! ```
//!
//! Each subcommand lives in its own module (`dues_cmd.rs`); this file only reads the command line.
//! The arguments are parsed by hand: one subcommand with three options does not need a parser crate.

mod columns;
mod dues_cmd;
mod error;
mod output;
mod roster;
mod rows;
mod suggest;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use dangjian::dues::{Category, EmployerType, ItemCode};
use dangjian::month::parse_month;

use crate::dues_cmd::DuesArgs;
use crate::error::CliError;

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Command {
    /// `dangjian dues …`.
    Dues(DuesArgs),
    /// `--help`, `help`, or `dues --help`: the usage on stdout, exit 0.
    Help,
    /// `--version`.
    Version,
    // Planned: `member` (membership pipeline), `credits` (learning credits), `disclosure` (党务公开) —
    // each a variant here, a `parse_*` below and a `*_cmd.rs` module. Until then they are unknown
    // subcommands: usage, exit 2.
}

fn main() -> ExitCode {
    let result = parse(std::env::args_os().skip(1).collect()).and_then(|command| match command {
        Command::Dues(args) => dues_cmd::run(&args),
        Command::Help => Ok(say(&usage())),
        Command::Version => Ok(say(&format!(
            "dangjian {} (rules core {})\n",
            env!("CARGO_PKG_VERSION"),
            dangjian::VERSION
        ))),
    });
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            if e.show_usage {
                // The short part only: the column list is for `--help`, not for a typo in an option.
                eprint!(
                    "\n{}\nRun `dangjian --help` for the roster's columns and codes.\n",
                    short_usage()
                );
            }
            ExitCode::from(2)
        }
    }
}

/// Prints `text` on stdout. Unlike `print!`, a closed pipe (`dangjian --help | head -3`) is not a panic:
/// the reader has what it wanted.
fn say(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => ExitCode::from(2),
        _ => ExitCode::SUCCESS,
    }
}

/// Reads the command line (without the program name).
fn parse(args: Vec<OsString>) -> Result<Command, CliError> {
    let mut args = args.into_iter();
    let Some(first) = args.next() else {
        return Err(CliError::usage("no command given"));
    };
    match first.to_str() {
        Some("dues") => parse_dues(args),
        Some("help" | "--help" | "-h") => Ok(Command::Help),
        Some("--version" | "-V") => Ok(Command::Version),
        _ => Err(CliError::usage(format!(
            "unknown command `{}`",
            first.to_string_lossy()
        ))),
    }
}

fn parse_dues(args: impl Iterator<Item = OsString>) -> Result<Command, CliError> {
    let mut roster: Option<PathBuf> = None;
    let mut month: Option<String> = None;
    let mut policy: Option<PathBuf> = None;
    let mut trace = false;
    let mut only_files = false;
    let mut args = args;
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy().into_owned();
        if only_files || !text.starts_with('-') || text == "-" {
            if roster.replace(PathBuf::from(arg)).is_some() {
                return Err(CliError::usage("`dues` takes one roster file"));
            }
            continue;
        }
        // `--month 2026-11` and `--month=2026-11` alike.
        let (name, inline) = match text.split_once('=') {
            Some((name, value)) => (name.to_owned(), Some(OsString::from(value))),
            None => (text.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| CliError::usage(format!("`{name}` needs a value")))
        };
        match name.as_str() {
            "--month" => month = Some(value("--month")?.to_string_lossy().into_owned()),
            "--policy" => policy = Some(PathBuf::from(value("--policy")?)),
            "--trace" if inline.is_none() => trace = true,
            "--help" | "-h" => return Ok(Command::Help),
            "--" => only_files = true,
            _ => return Err(CliError::usage(format!("unknown option `{text}`"))),
        }
    }
    let roster = roster.ok_or_else(|| CliError::usage("`dues` needs a roster file"))?;
    let month = month.ok_or_else(|| CliError::usage("`dues` needs --month YYYY-MM"))?;
    // The month is checked by the core's parser, with its code (INVALID_MONTH).
    let month =
        parse_month(&month, "--month").map_err(|e| CliError::usage(e.detail().to_string()))?;
    Ok(Command::Dues(DuesArgs {
        roster,
        month,
        policy,
        trace,
    }))
}

/// The commands and options.
fn short_usage() -> String {
    format!(
        "dangjian {version} — party dues (党费) for a branch roster, computed by the dangjian rules core

USAGE:
    dangjian dues ROSTER --month YYYY-MM [--policy FILE] [--trace]
    dangjian --help | --version

COMMANDS:
    dues    assess every member of ROSTER for one month; CSV on stdout, problems and a summary on stderr

OPTIONS (dues):
    --month YYYY-MM   the month owed (required)
    --policy FILE     a JSON policy override laid over the bundled rules (e.g. a province's farmer figure)
    --trace           add a `trace` column: how each amount was reached
",
        version = env!("CARGO_PKG_VERSION"),
    )
}

/// The full usage, with the roster's columns and codes taken from the core so it never goes stale.
fn usage() -> String {
    let codes = |all: &mut dyn Iterator<Item = (&'static str, &'static str)>| {
        all.map(|(code, zh)| format!("      {code:<24}{zh}\n"))
            .collect::<String>()
    };
    format!(
        "{short}
ROSTER:
    CSV (UTF-8, Excel's BOM allowed) or .xlsx (first sheet). Header row, then one member per row:
    member_id, category       required
    employer_type             for employed members whose base is built from items
    admitted_on               YYYY-MM-DD, probationary members (dues owed from that month)
    income items and deductions, one column each, monthly yuan, empty = none:
{items}    categories:
{categories}    employer types:
{employers}
OUTPUT:
    member_id,category,base,rate,amount,citation,findings[,trace]

EXIT STATUS:
    0 every row assessed; 1 some rows rejected (reported with their line; the others are printed);
    2 usage error, unreadable file, unknown column or bad policy (nothing assessed)
",
        short = short_usage(),
        items = codes(&mut ItemCode::ALL.iter().map(|c| (c.as_str(), c.name_zh()))),
        categories = codes(&mut Category::ALL.iter().map(|c| (c.as_str(), c.name_zh()))),
        employers = codes(&mut EmployerType::ALL.iter().map(|c| (c.as_str(), c.name_zh()))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(args: &[&str]) -> Result<Command, CliError> {
        parse(args.iter().map(OsString::from).collect())
    }

    #[test]
    fn dues_arguments() {
        let c = parse_strs(&[
            "dues",
            "r.csv",
            "--month=2026-11",
            "--trace",
            "--policy",
            "p.json",
        ]);
        let Ok(Command::Dues(a)) = c else {
            panic!("{c:?}")
        };
        assert_eq!(a.roster, PathBuf::from("r.csv"));
        assert_eq!(a.month.to_string(), "2026-11");
        assert_eq!(a.policy, Some(PathBuf::from("p.json")));
        assert!(a.trace);
    }

    #[test]
    fn usage_errors() {
        for args in [
            &[][..],
            &["member"],
            &["dues"],
            &["dues", "r.csv"],
            &["dues", "r.csv", "--month", "2026-13"],
            &["dues", "r.csv", "--month"],
            &["dues", "r.csv", "s.csv", "--month", "2026-11"],
            &["dues", "r.csv", "--month", "2026-11", "--fast"],
        ] {
            assert!(parse_strs(args).is_err_and(|e| e.show_usage), "{args:?}");
        }
    }

    #[test]
    fn usage_lists_every_code() {
        let u = usage();
        for code in ItemCode::ALL {
            assert!(u.contains(code.as_str()), "{code}");
        }
    }
}
