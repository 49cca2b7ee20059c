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
//! The command line is read in `cli/` (clap, one module per command); each command runs in its own
//! module (`dues_cmd.rs`, `credits_cmd.rs`, `disclosure_cmd.rs`, `disclosure_board.rs`, `member_cmd.rs`,
//! `org_cmd.rs`). This file only joins the two and turns a failure into its exit status.

mod cli;
mod credits_cmd;
mod credits_report;
mod disclosure_board;
mod disclosure_cmd;
mod disclosure_words;
mod dues_cmd;
mod dues_report;
mod error;
mod labels;
mod lang;
mod member_cmd;
mod member_lines;
mod org_cmd;
mod org_text;
mod output;
mod progress;
mod safe;
mod suggest;
mod table;
mod xlsx_out;

use std::io::Write;
use std::process::ExitCode;

use crate::cli::Parsed;

fn main() -> ExitCode {
    match cli::parse(std::env::args_os().collect()) {
        Ok(Parsed::Say(text)) => say(&text),
        Ok(Parsed::Run(command)) => match command.run() {
            Ok(code) => code,
            Err(e) if e.show_usage => fail(&e.message, Some(command.path())),
            Err(e) => fail_input(&e.message, command.lang()),
        },
        Err(usage) => fail(&usage.message, Some(&usage.path)),
    }
}

/// Prints the error; a command-line mistake gets one more line, the help that answers it (not the help
/// itself: the one line that says what is wrong stays in sight). Exit status 2.
fn fail(message: &str, help: Option<&str>) -> ExitCode {
    eprintln!("error: {message}");
    if let Some(path) = help {
        eprintln!("run `{path} --help`");
    }
    ExitCode::from(2)
}

/// A file that cannot be read or used: the message is already in the reader's language, and so is the
/// word in front of it (`错误：` / `error: `). Exit status 2.
fn fail_input(message: &str, lang: lang::Lang) -> ExitCode {
    eprintln!("{}{message}", lang.pick("错误：", "error: "));
    ExitCode::from(2)
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
