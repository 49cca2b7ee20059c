//! The command line, read by clap (derive): one module per command, each with its own `--help` (the
//! payroll's headers under `dues --help`, the presets under `credits --help` …), so a reader gets the page
//! of the command they run, not one page for everything.
//!
//! A usage error is two lines on stderr — the error, and which `--help` to read — and exit status 2: the
//! one line that says what is wrong is not buried under a usage page.

mod credits;
mod disclosure;
mod dues;
mod member;
mod org;

use std::ffi::OsString;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::error::ErrorKind;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use dangjian::month::parse_date;

use crate::credits_cmd::CreditsArgs;
use crate::disclosure_board::BoardArgs;
use crate::disclosure_cmd::{SignArgs, VerifyArgs};
use crate::dues_cmd::DuesArgs;
use crate::error::CliError;
use crate::lang::Lang;
use crate::member_cmd::{Format, MemberCheckArgs};
use crate::org_cmd::OrgCheckArgs;

/// The synopsis of every command, on the top page: what each takes, at a glance.
const SYNOPSIS: &str = "\
dangjian dues PAYROLL --month YYYY-MM [--policy FILE] [--trace] [--map HEADER=FIELD]…
                     [--map-file FILE] [--ignore HEADER]… [--category VALUE] [--employer-type VALUE]
                     [--sheet NAME|N] [-o FILE.csv|FILE.xlsx] [--lang zh|en]
       dangjian credits EVENTS.jsonl --rules PRESET|FILE [--on YYYY-MM-DD] [--rank-by PERIOD]
                        [--org-map FILE [--org ID]]
       dangjian disclosure verify LOG.json|LOG.jsonl [--public-key KEY.pem] [--receipt ENTRIES:HEAD]
       dangjian disclosure sign LOG.json|LOG.jsonl --private-key KEY.pem -o OUT
       dangjian disclosure board ITEMS.json --viewer ID --on YYYY-MM-DD [--context CONTEXT.json]
       dangjian member check MEMBERS.json|.jsonl --on YYYY-MM-DD [--format table|json|jsonl]
                             [--policy FILE]
       dangjian org check ORGS.json|.jsonl --on YYYY-MM-DD [--format table|json|jsonl]
       dangjian COMMAND --help | --version";

/// The top page's tail: examples and the exit status, which every command shares.
const TOP_AFTER: &str = "\
Each command's --help has its options, input formats and output columns.

Examples:
  dangjian dues examples/data/roster.csv --month 2026-11 > dues.csv
  dangjian credits examples/data/events.jsonl --rules learning-platform --rank-by week
  dangjian disclosure verify examples/data/audit-log.json --public-key examples/data/audit-log.pub.pem
  dangjian disclosure board examples/data/board.json --viewer DY2026005 --on 2026-03-10
  dangjian member check examples/data/members.json --on 2026-11-20
  dangjian org check examples/data/org.json --on 2026-04-01

Exit status:
  0 all done; 1 some rows, lines or records rejected (reported with their line or record; the others
  are printed), or (disclosure verify) the chain is broken or a signature forged, or (disclosure sign)
  the chain is broken (not signed), or (member, org check) a finding of severity violation; 2 usage
  error, unreadable file, unknown column or bad policy, scheme or document (nothing done)";

/// The `disclosure` page's tail: one example of each subcommand.
const DISCLOSURE_AFTER: &str = "\
Examples:
  dangjian disclosure verify examples/data/audit-log.json --public-key examples/data/audit-log.pub.pem
  dangjian disclosure sign examples/data/audit-log.json --private-key org-key.pem -o signed-log.json
  dangjian disclosure board examples/data/board.json --viewer DY2026005 --on 2026-03-10

Each subcommand's --help has its input, output and exit status.";

/// `dangjian [--lang zh|en] COMMAND …`.
#[derive(Debug, Parser)]
#[command(
    name = "dangjian",
    about = "The dangjian rules core on the command line: party dues (党费), learning credits and member\n\
             points (学习积分, 党员积分), party-affairs disclosure (党务公开), member and organization checks",
    override_usage = SYNOPSIS,
    after_help = TOP_AFTER,
)]
struct Cli {
    /// zh (default) or en: the language of what people read (codes, CSV and JSON stay as they are)
    #[arg(long, global = true, value_name = "zh|en", value_parser = lang)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Option<Commands>,
}

#[derive(Debug, Subcommand)]
enum Commands {
    /// Party dues (党费): every member of a payroll export assessed for one month
    #[command(override_usage = dues::USAGE, after_help = dues::after_help())]
    Dues(dues::Dues),
    /// Learning credits and member points (学习积分, 党员积分) from a file of events
    #[command(override_usage = credits::USAGE, after_help = credits::after_help())]
    Credits(credits::Credits),
    /// The party-affairs disclosure (党务公开): the audit log and the board
    #[command(subcommand, after_help = DISCLOSURE_AFTER)]
    Disclosure(disclosure::Disclosure),
    /// Member records (发展党员, probation, discipline, mobility)
    #[command(
        subcommand,
        after_help = "Example:\n  dangjian member check examples/data/members.json --on 2026-11-20\n\n\
                      Each subcommand's --help has its input, output and exit status."
    )]
    Member(member::Member),
    /// Organizations (structure, terms, 三会一课, elections, 民主评议)
    #[command(
        subcommand,
        after_help = "Example:\n  dangjian org check examples/data/org.json --on 2026-04-01\n\n\
                      Each subcommand's --help has its input, output and exit status."
    )]
    Org(org::Org),
}

/// A command to run, its arguments checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Command {
    Dues(DuesArgs),
    Credits(CreditsArgs),
    DisclosureVerify(VerifyArgs),
    DisclosureSign(SignArgs),
    DisclosureBoard(BoardArgs),
    MemberCheck(MemberCheckArgs),
    OrgCheck(OrgCheckArgs),
}

impl Command {
    /// Runs the command.
    pub(crate) fn run(&self) -> Result<ExitCode, CliError> {
        match self {
            Command::Dues(args) => crate::dues_cmd::run(args),
            Command::Credits(args) => crate::credits_cmd::run(args),
            Command::DisclosureVerify(args) => crate::disclosure_cmd::verify(args),
            Command::DisclosureSign(args) => crate::disclosure_cmd::sign(args),
            Command::DisclosureBoard(args) => crate::disclosure_board::board(args),
            Command::MemberCheck(args) => crate::member_cmd::check(args),
            Command::OrgCheck(args) => crate::org_cmd::check(args),
        }
    }

    /// The language the command prints in.
    pub(crate) fn lang(&self) -> Lang {
        match self {
            Command::Dues(a) => a.lang,
            Command::Credits(a) => a.lang,
            Command::DisclosureVerify(a) => a.lang,
            Command::DisclosureSign(a) => a.lang,
            Command::DisclosureBoard(a) => a.lang,
            Command::MemberCheck(a) => a.lang,
            Command::OrgCheck(a) => a.lang,
        }
    }

    /// The command as typed, for "run `dangjian dues --help`".
    pub(crate) fn path(&self) -> &'static str {
        match self {
            Command::Dues(_) => "dangjian dues",
            Command::Credits(_) => "dangjian credits",
            Command::DisclosureVerify(_) => "dangjian disclosure verify",
            Command::DisclosureSign(_) => "dangjian disclosure sign",
            Command::DisclosureBoard(_) => "dangjian disclosure board",
            Command::MemberCheck(_) => "dangjian member check",
            Command::OrgCheck(_) => "dangjian org check",
        }
    }
}

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Parsed {
    Run(Box<Command>),
    /// A help page or the version: printed on stdout, exit 0.
    Say(String),
}

/// A command line that cannot be run: the one-line error and the command whose help to read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Usage {
    pub(crate) message: String,
    pub(crate) path: String,
}

/// Reads the command line (the program name first, as `std::env::args_os` gives it).
pub(crate) fn parse(args: Vec<OsString>) -> Result<Parsed, Usage> {
    // The core's version is known only at run time (another crate's constant), hence not in the derive.
    let version = format!(
        "{} (rules core {})",
        env!("CARGO_PKG_VERSION"),
        dangjian::VERSION
    );
    let command = Cli::command().version(version);
    let matches = match command.clone().try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => return clap_error(&e, &command, &args),
    };
    let cli = Cli::from_arg_matches(&matches).map_err(|e| Usage {
        message: one_line(&e),
        path: "dangjian".to_owned(),
    })?;
    let Some(command) = cli.command else {
        return Err(Usage {
            message: "no command given".to_owned(),
            path: "dangjian".to_owned(),
        });
    };
    let lang = cli.lang.unwrap_or_default();
    let (path, checked) = match command {
        Commands::Dues(d) => ("dangjian dues", d.check(lang).map(Command::Dues)),
        Commands::Credits(c) => ("dangjian credits", c.check(lang).map(Command::Credits)),
        Commands::Disclosure(d) => d.check(lang),
        Commands::Member(m) => m.check(lang),
        Commands::Org(o) => o.check(lang),
    };
    checked
        .map(|c| Parsed::Run(Box::new(c)))
        .map_err(|e| Usage {
            message: e.message,
            path: path.to_owned(),
        })
}

/// Help and version go to stdout; anything else is a usage error in one line.
fn clap_error(e: &clap::Error, root: &clap::Command, args: &[OsString]) -> Result<Parsed, Usage> {
    let path = help_path(root, args);
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => Ok(Parsed::Say(e.to_string())),
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => Err(Usage {
            message: format!("`{path}` needs a command: {}", subcommands(root, &path)),
            path,
        }),
        _ => Err(Usage {
            message: one_line(e),
            path,
        }),
    }
}

/// The command whose help answers a mistake: the subcommands named on the line, as far as they go.
fn help_path(root: &clap::Command, args: &[OsString]) -> String {
    let mut path = vec![root.get_name().to_owned()];
    let mut command = root;
    for arg in args.iter().skip(1).filter_map(|a| a.to_str()) {
        if let Some(sub) = command.find_subcommand(arg) {
            path.push(sub.get_name().to_owned());
            command = sub;
        }
    }
    path.join(" ")
}

/// The subcommands of the command at `path`, `help` left out.
fn subcommands(root: &clap::Command, path: &str) -> String {
    let command = path
        .split(' ')
        .skip(1)
        .fold(root, |c, name| c.find_subcommand(name).unwrap_or(c));
    let names: Vec<&str> = command
        .get_subcommands()
        .map(clap::Command::get_name)
        .filter(|n| *n != "help")
        .collect();
    names.join(", ")
}

/// clap's error without its usage and "for more information" paragraphs, on one line.
fn one_line(e: &clap::Error) -> String {
    let text = e.to_string();
    let text = text.strip_prefix("error: ").unwrap_or(&text);
    text.split("\n\n")
        .take_while(|p| !p.starts_with("Usage:") && !p.starts_with("For more information"))
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The day and the format, which `member check` and `org check` both take.
#[derive(Debug, Args)]
struct Checking {
    /// The day of the check (required)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date)]
    on: Option<NaiveDate>,
    /// table (default), json (the core's report) or jsonl (a line each)
    #[arg(long, value_name = "table|json|jsonl", value_parser = format)]
    format: Option<Format>,
}

impl Checking {
    /// `--on`, which a check needs: a record is judged on a day, and no default day is safe to guess.
    fn on(&self, command: &str) -> Result<NaiveDate, CliError> {
        required(self.on, &format!("`{command}` needs --on YYYY-MM-DD"))
    }

    fn format(&self) -> Format {
        self.format.unwrap_or_default()
    }
}

/// `--lang`: `zh` or `en` (also `zh-CN`, `cn`, `english`).
fn lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| "zh or en".to_owned())
}

/// A date option, checked by the core's parser (exactly YYYY-MM-DD, with its code INVALID_DATE).
fn date(text: &str) -> Result<NaiveDate, String> {
    parse_date(text, "--on").map_err(|e| e.detail().to_string())
}

/// `--format table|json|jsonl`.
fn format(text: &str) -> Result<Format, String> {
    Format::parse(text).map_err(|e| e.message)
}

/// An option the command cannot do without, named in the error when it is missing.
fn required<T>(value: Option<T>, missing: &str) -> Result<T, CliError> {
    value.ok_or_else(|| CliError::usage(missing))
}

#[cfg(test)]
mod tests;
