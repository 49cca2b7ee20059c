//! `dangjian` — the command-line example of the dangjian rules core.
//!
//! ```text
//! dangjian dues examples/data/roster.csv --month 2026-11 > dues.csv
//! dangjian credits examples/data/events.jsonl --rules learning-platform > credits.csv
//! dangjian disclosure verify examples/data/audit-log.json
//! dangjian disclosure board examples/data/board.json --viewer DY2026005 --on 2026-03-10
//! dangjian member check examples/data/members.json --on 2026-11-20
//! dangjian org check examples/data/org.json --on 2026-04-01
//! ```
//!
//! Each subcommand lives in its own module (`dues_cmd.rs`, `credits_cmd.rs`, `disclosure_cmd.rs`,
//! `member_cmd.rs`, `org_cmd.rs`); this
//! file only reads the command line. The arguments are parsed by hand: a handful of options per command
//! does not need a parser crate.

mod credits_cmd;
mod disclosure_cmd;
mod dues_cmd;
mod dues_report;
mod error;
mod lang;
mod member_cmd;
mod member_lines;
mod org_cmd;
mod output;
mod safe;
mod suggest;
mod table;
mod xlsx_out;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use dangjian::credits::PeriodKind;
use dangjian::dues::{Category, EmployerType, ItemCode};
use dangjian::month::{parse_date, parse_month};

use crate::credits_cmd::{CreditsArgs, Rules};
use crate::disclosure_cmd::{BoardArgs, SignArgs, VerifyArgs};
use crate::dues_cmd::DuesArgs;
use crate::error::CliError;
use crate::lang::Lang;
use crate::member_cmd::{Format, MemberCheckArgs};
use crate::org_cmd::OrgCheckArgs;

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Command {
    /// `dangjian dues …`.
    Dues(DuesArgs),
    /// `dangjian credits …`.
    Credits(CreditsArgs),
    /// `dangjian disclosure verify …`.
    DisclosureVerify(VerifyArgs),
    /// `dangjian disclosure sign …`.
    DisclosureSign(SignArgs),
    /// `dangjian disclosure board …`.
    DisclosureBoard(BoardArgs),
    /// `dangjian member check …`.
    MemberCheck(MemberCheckArgs),
    /// `dangjian org check …`.
    OrgCheck(OrgCheckArgs),
    /// `--help`, `help`, or `<command> --help`: the usage on stdout, exit 0.
    Help,
    /// `--version`.
    Version,
}

fn main() -> ExitCode {
    let result = parse(std::env::args_os().skip(1).collect()).and_then(|command| match command {
        Command::Dues(args) => dues_cmd::run(&args),
        Command::Credits(args) => credits_cmd::run(&args),
        Command::DisclosureVerify(args) => disclosure_cmd::verify(&args),
        Command::DisclosureSign(args) => disclosure_cmd::sign(&args),
        Command::DisclosureBoard(args) => disclosure_cmd::board(&args),
        Command::MemberCheck(args) => member_cmd::check(&args),
        Command::OrgCheck(args) => org_cmd::check(&args),
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
                    "\n{}\nRun `dangjian --help` for the roster's columns, the presets and the input formats.\n",
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
        Some("credits") => parse_credits(args),
        Some("disclosure") => parse_disclosure(args),
        Some("member") => parse_member(args),
        Some("org") => parse_org(args),
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
    let mut dues = DuesArgs {
        roster: PathBuf::new(),
        month: "2000-01".parse().map_err(|_| CliError::usage("internal"))?,
        policy: None,
        trace: false,
        maps: Vec::new(),
        map_file: None,
        ignore: Vec::new(),
        category: None,
        employer_type: None,
        sheet: None,
        output: None,
        lang: Lang::default(),
    };
    let mut only_files = false;
    let mut args = args;
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy().into_owned();
        if only_files || !text.starts_with('-') || text == "-" {
            if roster.replace(PathBuf::from(arg)).is_some() {
                return Err(CliError::usage("`dues` takes one payroll file"));
            }
            continue;
        }
        // `--month 2026-11` and `--month=2026-11` alike.
        let (name, inline) = match text.split_once('=') {
            Some((name, value)) if name.starts_with("--") => {
                (name.to_owned(), Some(OsString::from(value)))
            }
            _ => (text.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .map(|v| v.to_string_lossy().into_owned())
                .ok_or_else(|| CliError::usage(format!("`{name}` needs a value")))
        };
        match name.as_str() {
            "--month" => month = Some(value("--month")?),
            "--policy" => dues.policy = Some(PathBuf::from(value("--policy")?)),
            "--map" => dues.maps.push(value("--map")?),
            "--map-file" => dues.map_file = Some(PathBuf::from(value("--map-file")?)),
            "--ignore" => dues.ignore.push(value("--ignore")?),
            "--category" => dues.category = Some(value("--category")?),
            "--employer-type" => dues.employer_type = Some(value("--employer-type")?),
            "--sheet" => dues.sheet = Some(value("--sheet")?),
            "-o" | "--output" => dues.output = Some(PathBuf::from(value("--output")?)),
            "--lang" => {
                let v = value("--lang")?;
                dues.lang = Lang::parse(&v)
                    .ok_or_else(|| CliError::usage(format!("--lang {v}: zh or en")))?;
            }
            "--trace" if inline.is_none() => dues.trace = true,
            "--help" | "-h" => return Ok(Command::Help),
            "--" => only_files = true,
            _ => return Err(CliError::usage(format!("unknown option `{text}`"))),
        }
    }
    dues.roster = roster.ok_or_else(|| CliError::usage("`dues` needs a payroll file"))?;
    let month = month.ok_or_else(|| CliError::usage("`dues` needs --month YYYY-MM"))?;
    // The month is checked by the core's parser, with its code (INVALID_MONTH).
    dues.month =
        parse_month(&month, "--month").map_err(|e| CliError::usage(e.detail().to_string()))?;
    Ok(Command::Dues(dues))
}

/// A subcommand's words: its files, and the values of its options (`--on 2026-03-08` or `--on=2026-03-08`).
#[derive(Debug, Default)]
struct Words {
    files: Vec<OsString>,
    values: Vec<(&'static str, OsString)>,
    help: bool,
}

impl Words {
    /// Reads `args`; `options` are the option names that take a value.
    fn read(
        args: impl Iterator<Item = OsString>,
        options: &[&'static str],
    ) -> Result<Self, CliError> {
        let mut words = Words::default();
        let mut only_files = false;
        let mut args = args;
        while let Some(arg) = args.next() {
            let text = arg.to_string_lossy().into_owned();
            if only_files || !text.starts_with('-') || text == "-" {
                words.files.push(arg);
                continue;
            }
            let (name, inline) = match text.split_once('=') {
                Some((name, value)) => (name.to_owned(), Some(OsString::from(value))),
                None => (text.clone(), None),
            };
            match name.as_str() {
                "--help" | "-h" => words.help = true,
                "--" => only_files = true,
                _ => {
                    let Some(option) = options.iter().find(|o| **o == name) else {
                        return Err(CliError::usage(format!("unknown option `{text}`")));
                    };
                    let value = inline
                        .or_else(|| args.next())
                        .ok_or_else(|| CliError::usage(format!("`{name}` needs a value")))?;
                    if words.values.iter().any(|(o, _)| o == option) {
                        return Err(CliError::usage(format!("`{name}` is given twice")));
                    }
                    words.values.push((option, value));
                }
            }
        }
        Ok(words)
    }

    /// The one file the command takes.
    fn one_file(&self, command: &str, what: &str) -> Result<PathBuf, CliError> {
        match self.files.as_slice() {
            [one] => Ok(PathBuf::from(one)),
            [] => Err(CliError::usage(format!("`{command}` needs {what}"))),
            _ => Err(CliError::usage(format!("`{command}` takes one {what}"))),
        }
    }

    fn value(&self, option: &str) -> Option<String> {
        self.values
            .iter()
            .find(|(o, _)| *o == option)
            .map(|(_, v)| v.to_string_lossy().into_owned())
    }

    fn path(&self, option: &str) -> Option<PathBuf> {
        self.values
            .iter()
            .find(|(o, _)| *o == option)
            .map(|(_, v)| PathBuf::from(v))
    }
}

/// A date option, checked by the core's parser (exactly YYYY-MM-DD).
fn date_option(words: &Words, option: &str) -> Result<Option<NaiveDate>, CliError> {
    words
        .value(option)
        .map(|d| parse_date(&d, option).map_err(|e| CliError::usage(e.detail().to_string())))
        .transpose()
}

fn parse_credits(args: impl Iterator<Item = OsString>) -> Result<Command, CliError> {
    let words = Words::read(
        args,
        &["--rules", "--on", "--rank-by", "--org-map", "--org"],
    )?;
    if words.help {
        return Ok(Command::Help);
    }
    let events = words.one_file("credits", "an events file (JSON Lines)")?;
    let rules = words.value("--rules").ok_or_else(|| {
        CliError::usage(
            "`credits` needs --rules PRESET|FILE (presets: learning-platform, member-points)",
        )
    })?;
    let org = words.value("--org");
    let org_map = words.path("--org-map");
    if org.is_some() && org_map.is_none() {
        return Err(CliError::usage("`--org` needs an --org-map"));
    }
    Ok(Command::Credits(CreditsArgs {
        events,
        rules: Rules::parse(&rules)?,
        on: date_option(&words, "--on")?,
        rank_by: match words.value("--rank-by") {
            Some(p) => credits_cmd::parse_period(&p)?,
            None => PeriodKind::Year,
        },
        org_map,
        org,
    }))
}

fn parse_disclosure(args: impl Iterator<Item = OsString>) -> Result<Command, CliError> {
    let mut args = args.peekable();
    let sub = args.next().map(|a| a.to_string_lossy().into_owned());
    match sub.as_deref() {
        Some("verify") => {
            let words = Words::read(args, &["--receipt", "--public-key"])?;
            if words.help {
                return Ok(Command::Help);
            }
            Ok(Command::DisclosureVerify(VerifyArgs {
                log: words.one_file("disclosure verify", "an audit log file")?,
                public_key: words.path("--public-key"),
                receipt: words
                    .value("--receipt")
                    .map(|r| disclosure_cmd::parse_receipt(&r))
                    .transpose()?,
            }))
        }
        Some("sign") => {
            let words = Words::read(args, &["--private-key", "-o"])?;
            if words.help {
                return Ok(Command::Help);
            }
            Ok(Command::DisclosureSign(SignArgs {
                log: words.one_file("disclosure sign", "an audit log file")?,
                private_key: words.path("--private-key").ok_or_else(|| {
                    CliError::usage("`disclosure sign` needs --private-key KEY.pem")
                })?,
                out: words
                    .path("-o")
                    .ok_or_else(|| CliError::usage("`disclosure sign` needs -o OUT"))?,
            }))
        }
        Some("board") => {
            let words = Words::read(args, &["--viewer", "--on", "--context"])?;
            if words.help {
                return Ok(Command::Help);
            }
            let items = words.one_file("disclosure board", "an items file")?;
            let viewer = words.value("--viewer").ok_or_else(|| {
                CliError::usage("`disclosure board` needs --viewer ID (or public)")
            })?;
            let on = date_option(&words, "--on")?
                .ok_or_else(|| CliError::usage("`disclosure board` needs --on YYYY-MM-DD"))?;
            Ok(Command::DisclosureBoard(BoardArgs {
                items,
                viewer,
                on,
                context: words.path("--context"),
            }))
        }
        Some("--help" | "-h" | "help") => Ok(Command::Help),
        Some(other) => Err(CliError::usage(format!(
            "unknown `disclosure` command `{other}`: verify or board"
        ))),
        None => Err(CliError::usage(
            "`disclosure` needs a command: verify or board",
        )),
    }
}

/// `member check FILE --on DATE [--format table|json] [--policy FILE]`.
fn parse_member(args: impl Iterator<Item = OsString>) -> Result<Command, CliError> {
    let mut args = args.peekable();
    let sub = args.next().map(|a| a.to_string_lossy().into_owned());
    match sub.as_deref() {
        Some("check") => {
            let words = Words::read(args, &["--on", "--format", "--policy"])?;
            if words.help {
                return Ok(Command::Help);
            }
            Ok(Command::MemberCheck(MemberCheckArgs {
                file: words.one_file("member check", "a members file (JSON)")?,
                on: required_date(&words, "member check")?,
                format: format_option(&words)?,
                policy: words.path("--policy"),
            }))
        }
        Some("--help" | "-h" | "help") => Ok(Command::Help),
        Some(other) => Err(CliError::usage(format!(
            "unknown `member` command `{other}`: check"
        ))),
        None => Err(CliError::usage("`member` needs a command: check")),
    }
}

/// `org check FILE --on DATE [--format table|json]`.
fn parse_org(args: impl Iterator<Item = OsString>) -> Result<Command, CliError> {
    let mut args = args.peekable();
    let sub = args.next().map(|a| a.to_string_lossy().into_owned());
    match sub.as_deref() {
        Some("check") => {
            let words = Words::read(args, &["--on", "--format"])?;
            if words.help {
                return Ok(Command::Help);
            }
            Ok(Command::OrgCheck(OrgCheckArgs {
                file: words.one_file("org check", "an organizations file (JSON)")?,
                on: required_date(&words, "org check")?,
                format: format_option(&words)?,
            }))
        }
        Some("--help" | "-h" | "help") => Ok(Command::Help),
        Some(other) => Err(CliError::usage(format!(
            "unknown `org` command `{other}`: check"
        ))),
        None => Err(CliError::usage("`org` needs a command: check")),
    }
}

/// `--on`, which the checks need: a record is judged on a day, and no default day is safe to guess.
fn required_date(words: &Words, command: &str) -> Result<NaiveDate, CliError> {
    date_option(words, "--on")?
        .ok_or_else(|| CliError::usage(format!("`{command}` needs --on YYYY-MM-DD")))
}

fn format_option(words: &Words) -> Result<Format, CliError> {
    words
        .value("--format")
        .map_or(Ok(Format::Table), |f| Format::parse(&f))
}

/// The commands and options.
fn short_usage() -> String {
    format!(
        "dangjian {version} — the dangjian rules core on the command line: party dues (党费), learning
credits and member points (学习积分, 党员积分), party-affairs disclosure (党务公开)

USAGE:
    dangjian dues PAYROLL --month YYYY-MM [--policy FILE] [--trace] [--map HEADER=FIELD]…
                  [--map-file FILE] [--ignore HEADER]… [--category VALUE] [--employer-type VALUE]
                  [--sheet NAME|N] [-o FILE.csv|FILE.xlsx] [--lang zh|en]
    dangjian credits EVENTS.jsonl --rules PRESET|FILE [--on YYYY-MM-DD] [--rank-by PERIOD]
                     [--org-map FILE [--org ID]]
    dangjian disclosure verify LOG.json|LOG.jsonl [--public-key KEY.pem] [--receipt ENTRIES:HEAD]
    dangjian disclosure sign LOG.json|LOG.jsonl --private-key KEY.pem -o OUT
    dangjian disclosure board ITEMS.json --viewer ID --on YYYY-MM-DD [--context CONTEXT.json]
    dangjian member check MEMBERS.json|.jsonl --on YYYY-MM-DD [--format table|json|jsonl] [--policy FILE]
    dangjian org check ORGS.json|.jsonl --on YYYY-MM-DD [--format table|json|jsonl]
    dangjian --help | --version

COMMANDS:
    dues               assess every member of a payroll export for one month; CSV on stdout (or -o),
                       the file's reading, problems and a summary on stderr
    credits            score a file of events (one JSON object a line) under a scheme; each member's
                       totals and the leaderboard as CSV on stdout, bad lines and a summary on stderr
    disclosure verify  check an audit log's hash chain and, with --public-key, the organization's SM2
                       signatures: OK with the entry count and head hash and what was checked, or the
                       first broken entry (by its seq and item) and why
    disclosure sign    sign an audit log's head with the organization's SM2 key (a checkpoint), written
                       to OUT
    disclosure board   the disclosure board a viewer saw on a day, as it stood that day (the version in
                       force, corrections noted, withdrawals gone; their records to officers), as CSV
    member check       audit member records on a day (发展党员 pipeline, probation, discipline, mobility):
                       each member's stage, 党龄, findings with their articles and the next steps
    org check          audit the organizations of a document on a day: members, structure, terms,
                       三会一课 over the period, attendance, elections and 民主评议, each finding with
                       its article

OPTIONS (dues):
    --month YYYY-MM   the month owed (required)
    --policy FILE     a JSON policy override laid over the bundled rules (e.g. a province's farmer figure)
    --trace           add a `trace` column: how each amount was reached
    --map HEADER=FIELD    what a column holds (repeatable), e.g. --map 绩效工资=basic_performance;
                          FIELD: member_id, name, category, employer_type, admitted_on, ignore or an item
    --map-file FILE       one HEADER=FIELD a line (# comments); --map wins over it
    --ignore HEADER       a column read past (repeatable)
    --category VALUE      the category of rows without one (e.g. 在职党员, retired)
    --employer-type VALUE the employer type of rows without one (机关, 事业单位, 企业)
    --sheet NAME|N        the workbook's sheet (default: the first)
    -o FILE.csv|FILE.xlsx write the table to a file: CSV in UTF-8 with BOM, or a workbook with numbers,
                          a totals row and the citations (headers in --lang)
    --lang zh|en          the language of the report and of the file's headers (default zh)

OPTIONS (credits):
    --rules PRESET|FILE  a shipped scheme (see PRESETS) or a scheme JSON file (required)
    --on YYYY-MM-DD      the day whose day, ISO week, month and year are totalled; default: the China-time
                         (UTC+8) day of the latest scored event
    --rank-by PERIOD     day, week, month or year (default year: the year's score, base included)
    --org-map FILE       {{\"member_org\":{{member: org}},\"parent\":{{org: parent}}}}: adds an `org` column and
                         ranks only the members within one organization and those under it
    --org ID             that organization (default: the map's single top organization)

OPTIONS (disclosure):
    --public-key KEY.pem    verify: the organization's SM2 public key (SubjectPublicKeyInfo PEM); then
                            every entry must be covered by a checkpoint signed with it — without it only
                            integrity is checked, not who wrote the log
    --receipt ENTRIES:HEAD  verify: also check the log still has ENTRIES entries ending in HEAD, as a
                            receipt kept elsewhere says (finds entries cut off the end, even back to an
                            earlier signed checkpoint, which neither chain nor signatures can show)
    --private-key KEY.pem   sign: the organization's SM2 private key (PKCS#8 PEM)
    -o OUT                  sign: where the signed log goes (.jsonl: JSON Lines, otherwise JSON)
    --viewer ID             board: a viewer listed in the input, or `public`
    --on YYYY-MM-DD         board: the day of viewing
    --context FILE          board: {{\"context\":…,\"viewers\":[…]}}, when ITEMS.json holds only the items

OPTIONS (member, org):
    --on YYYY-MM-DD         the day of the check (required); each step is judged by the rules in force on
                            its own day
    --format table|json|jsonl
                            table (default): readable blocks; json: the core's report document; jsonl: one
                            report (or {{\"error\":…}}) a line. A .jsonl input is read a line at a time: member,
                            one record (or {{\"meeting\":…}}, {{\"ledger\":…}}) a line; org, one document a line
    --policy FILE           member: a JSON policy override laid over the bundled rules
",
        version = env!("CARGO_PKG_VERSION"),
    )
}

/// The event kinds, wrapped to the usage's width under its indentation.
fn event_kinds() -> String {
    let mut text = String::new();
    let mut width = 0;
    for kind in member_cmd::EVENT_KINDS {
        if width > 0 && width + kind.len() > 80 {
            text.push_str(",\n        ");
            width = 0;
        } else if width > 0 {
            text.push_str(", ");
            width += 2;
        }
        text.push_str(kind);
        width += kind.len();
    }
    text
}

/// The header names the payroll reader knows, grouped by field, wrapped to the usage's width.
fn aliases_help() -> String {
    use dangjian_payroll::aliases::{Alias, HEADERS};
    let mut fields: Vec<(String, Vec<&str>)> = Vec::new();
    for (name, alias) in HEADERS {
        let field = match alias {
            Alias::To(target) => target.field().to_owned(),
            Alias::Ambiguous { choices, .. } => {
                format!("ambiguous: --map to {}", choices.join("|"))
            }
        };
        match fields.iter_mut().find(|(f, _)| *f == field) {
            Some((_, names)) => names.push(name),
            None => fields.push((field, vec![name])),
        }
    }
    fields
        .iter()
        .map(|(field, names)| format!("      {field:<24}{}\n", names.join("、")))
        .collect()
}

/// The full usage, with the roster's columns and codes taken from the core so it never goes stale.
fn usage() -> String {
    let codes = |all: &mut dyn Iterator<Item = (&'static str, &'static str)>| {
        all.map(|(code, zh)| format!("      {code:<24}{zh}\n"))
            .collect::<String>()
    };
    format!(
        "{short}
PAYROLL:
    CSV (UTF-8 with or without BOM, or GBK/GB18030), .xlsx, .xls or .ods (first sheet, or --sheet).
    Title rows above the header are passed over; 合计/小计/总计, 制表人/审核人/备注 and empty rows are
    skipped and listed on stderr, and a totals row is checked against the members' sums. Amounts may
    carry thousands separators, ¥/￥ and full-width digits; at most two decimals.
    HR headers understood (an unknown or ambiguous header stops the run until --map or --ignore):
{aliases}    The header may also use the field codes:
    member_id, category       required (category: or --category)
    employer_type             for employed members whose base is built from items
    admitted_on               YYYY-MM-DD, probationary members (dues owed from that month)
    income items and deductions, one column each, monthly yuan, empty = none:
{items}    categories:
{categories}    employer types:
{employers}
OUTPUT (dues):
    member_id,category,base,rate,amount,citation,findings[,trace]

PRESETS (credits --rules), each event scored by the rule set in force on its China-time day:
{presets}
EVENTS (credits): one JSON object a line, blank lines skipped:
    {{\"event_id\":\"e1\",\"member_id\":\"DY2026001\",\"activity\":\"article\",
     \"occurred_at\":\"2026-03-02T07:30:00+08:00\",\"content_id\":\"A1\",\"duration_seconds\":75}}
    optional: content_id, duration_seconds, correct_answers, place, points (as the activity needs).
    Days, ISO weeks (Monday first), months and years are China time whatever the offset written.
    A line repeated with the same content is ignored (noted on stderr).

OUTPUT (credits):
    rank,member_id[,org],day,week,month,year,score
    points in the day, week, month and year around --on, and the year's score (base and floor applied:
    member-points); standard competition ranking (1, 2, 2, 4), equal scores by member id; rank empty for
    a member with no event in the ranked period. The periods are named in the summary on stderr.

BOARD INPUT (disclosure board): one JSON document
    {{\"context\": {{\"orgs\":[{{\"id\":\"B01\",\"parent\":\"C01\",\"kind\":\"branch\"}}, …],
                 \"roles\":[{{\"person\":\"DY2026002\",\"org\":\"B01\",\"role\":\"proposer\"}}, …]}},
     \"viewers\": [{{\"person\":\"DY2026005\",\"memberships\":[{{\"org\":\"B01\",\"status\":\"full\",\"from\":\"2015-07-01\"}}],
                  \"posts\":[{{\"org\":\"B01\",\"from\":\"2024-01-01\"}}]}}, …],
     \"items\": [disclosure items as the core's create/apply write them]}}
    `public` is the public (no person); roles: proposer, confidentiality_reviewer, reviewer, approver.

OUTPUT (disclosure board):
    id,title,category,scope,status,published_at,version,text
    scope: to_society, whole_party, organizations:B01;B02[+descendants] or members:B01; text: the body as
    published that day, ID numbers, mobiles and bank cards masked (unpublished items, shown to those
    taking part in the workflow, as they would be published)

MEMBERS (member check): one record, an array of records, or the members document
    {{\"members\":[records…],\"meetings\":[…],\"ledgers\":[…]}}
    (meetings: organizational life; ledgers: dues, for the lapse rule). A record:
    {{\"id\":\"M06\",\"name\":\"陈晓\",\"birth_date\":\"1998-06-12\",\"org\":\"B01\",\"id_number\":\"…\",
     \"events\":[{{\"kind\":\"application\",\"date\":\"2024-03-04\"}},
               {{\"kind\":\"branch_vote\",\"date\":\"2025-12-09\",
                \"vote\":{{\"entitled\":20,\"present\":16,\"yes\":14,\"no\":1,\"abstain\":1}}}}, …]}}
    events oldest first; kinds: {kinds}
    A member already in the Party before the record starts:
    {{\"kind\":\"imported\",\"date\":…,\"stage\":\"full\"}}. Sponsors and contacts are member ids of the same file.

OUTPUT (member check):
    ID NAME: STAGE since DATE (党龄 N年)
      [violation|warning|info] CODE  message — regulation article
      next: CODE due DATE / earliest DATE  message
    stages: {stages}
    A record that cannot be read or checked, on stderr (the others are still checked):
    `error: record N (ID): CODE at FIELD: message`, N from 1, FIELD inside the record, events from 0.

ORGS (org check): the core's organization document
    {{\"orgs\":[{{\"id\":\"C01\",\"kind\":\"committee\"}},{{\"id\":\"B01\",\"parent\":\"C01\",\"kind\":\"branch\"}}],
     \"details\":[{{\"org\":\"B01\"}}],
     \"members\":[…records as in member check…], \"meetings\":[{{\"id\":…,\"kind\":\"general_meeting\",
       \"date\":…,\"org\":…,\"attendees\":[…],\"absent_with_leave\":[…],\"lecturer\":…}}],
     \"elections\":[{{\"id\":…,\"org\":…,\"date\":…,\"present\":N,\"candidates\":[{{\"id\":…,\"votes\":N}}]}}],
     \"reviews\":[{{\"org\":…,\"year\":2025,\"date\":…,\"ratings\":[{{\"member\":…,\"rating\":\"excellent\"}}]}}],
     \"period\":{{\"from\":…,\"to\":…}}}}
    details: {{\"org\":…,\"name\":…,\"committee\":{{\"elected_on\":…,\"size\":N}},\"approved_below_minimum\":true}}

OUTPUT (org check): one block per organization
    ID NAME (KIND): N full, N probationary, N members; term ELECTED → EXPIRES
      [violation|warning|info] CODE  message — regulation article
      next: ELECTION due DATE / earliest DATE  message
      三会一课 MEETING FREQUENCY: held PERIODS; missing PERIODS
      attendance: MEMBER RATE, …   (lowest first)
      election ID DATE: valid, PRESENT/ENTITLED present, elected IDS
      民主评议 YEAR: N excellent of N graded (max N), …

EXAMPLES:
    dangjian dues examples/data/roster.csv --month 2026-11 > dues.csv
    dangjian dues 11月工资表.xlsx --month 2026-11 --sheet 2026年11月 --map 绩效工资=basic_performance \\
        --category 在职党员 --employer-type 事业单位 -o 11月党费.xlsx
    dangjian credits examples/data/events.jsonl --rules learning-platform --rank-by week
    dangjian disclosure verify examples/data/audit-log.json --public-key examples/data/audit-log.pub.pem
    dangjian disclosure board examples/data/board.json --viewer DY2026005 --on 2026-03-10
    dangjian member check examples/data/members.json --on 2026-11-20
    dangjian org check examples/data/org.json --on 2026-04-01

EXIT STATUS:
    0 all done; 1 some rows, lines or records rejected (reported with their line or record; the
    others are printed), or (disclosure verify) the chain is broken or a signature forged, or
    (disclosure sign) the chain is broken (not signed), or (member, org check) a
    finding of severity violation; 2 usage error, unreadable file, unknown column or bad policy,
    scheme or document (nothing done)
",
        short = short_usage(),
        presets = credits_cmd::presets_help(),
        kinds = event_kinds(),
        stages = member_cmd::STAGES.join(", "),
        items = codes(&mut ItemCode::ALL.iter().map(|c| (c.as_str(), c.name_zh()))),
        aliases = aliases_help(),
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
    fn credits_arguments() {
        let c = parse_strs(&[
            "credits",
            "e.jsonl",
            "--rules=member-points",
            "--on",
            "2026-03-04",
            "--rank-by",
            "week",
            "--org-map",
            "o.json",
            "--org",
            "B01",
        ]);
        let Ok(Command::Credits(a)) = c else {
            panic!("{c:?}")
        };
        assert_eq!(a.events, PathBuf::from("e.jsonl"));
        assert_eq!(a.rules, Rules::Preset(1));
        assert_eq!(a.on.map(|d| d.to_string()).as_deref(), Some("2026-03-04"));
        assert_eq!(a.rank_by, PeriodKind::Week);
        assert_eq!(a.org.as_deref(), Some("B01"));
        let Ok(Command::Credits(d)) = parse_strs(&["credits", "e.jsonl", "--rules", "s.json"])
        else {
            panic!("defaults")
        };
        assert_eq!(
            (d.rules, d.on, d.rank_by),
            (Rules::File(PathBuf::from("s.json")), None, PeriodKind::Year)
        );
    }

    #[test]
    fn disclosure_arguments() {
        let c = parse_strs(&["disclosure", "verify", "log.json"]);
        assert!(matches!(
            c,
            Ok(Command::DisclosureVerify(VerifyArgs { receipt: None, .. }))
        ));
        let c = parse_strs(&[
            "disclosure",
            "board",
            "b.json",
            "--viewer",
            "public",
            "--on",
            "2026-03-10",
            "--context",
            "c.json",
        ]);
        let Ok(Command::DisclosureBoard(b)) = c else {
            panic!("{c:?}")
        };
        assert_eq!(
            (b.viewer.as_str(), b.on.to_string().as_str()),
            ("public", "2026-03-10")
        );
        assert_eq!(b.context, Some(PathBuf::from("c.json")));
    }

    #[test]
    fn member_and_org_arguments() {
        let c = parse_strs(&[
            "member",
            "check",
            "m.json",
            "--on=2026-11-20",
            "--format",
            "json",
            "--policy",
            "p.json",
        ]);
        let Ok(Command::MemberCheck(a)) = c else {
            panic!("{c:?}")
        };
        assert_eq!(a.file, PathBuf::from("m.json"));
        assert_eq!(a.on.to_string(), "2026-11-20");
        assert_eq!(a.format, Format::Json);
        assert_eq!(a.policy, Some(PathBuf::from("p.json")));
        let c = parse_strs(&["org", "check", "o.json", "--on", "2026-11-20"]);
        let Ok(Command::OrgCheck(o)) = c else {
            panic!("{c:?}")
        };
        assert_eq!(
            (o.file, o.on.to_string(), o.format),
            (
                PathBuf::from("o.json"),
                "2026-11-20".to_owned(),
                Format::Table
            )
        );
        assert_eq!(
            parse_strs(&["member", "check", "--help"]),
            Ok(Command::Help)
        );
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
            &["credits", "e.jsonl"],
            &["credits", "e.jsonl", "f.jsonl", "--rules", "member-points"],
            &[
                "credits",
                "e.jsonl",
                "--rules",
                "member-points",
                "--on",
                "2026-02-30",
            ],
            &["credits", "e.jsonl", "--rules", "member-points", "--on"],
            &["credits", "e.jsonl", "--rules", "member-points", "--fast"],
            &["disclosure", "board", "b.json", "--on", "2026-03-10"],
            &["disclosure", "verify", "a.json", "b.json"],
            &["member", "check", "m.json"],
            &["member", "check", "--on", "2026-11-20"],
            &["member", "check", "m.json", "--on", "2026-11-31"],
            &[
                "member",
                "check",
                "m.json",
                "--on",
                "2026-11-20",
                "--format",
                "csv",
            ],
            &["member", "audit", "m.json", "--on", "2026-11-20"],
            &["org"],
            &["org", "check", "o.json"],
            &[
                "org",
                "check",
                "o.json",
                "--on",
                "2026-11-20",
                "--policy",
                "p.json",
            ],
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
