//! `dangjian org check ORGS.json --on YYYY-MM-DD [--format table|json|jsonl]`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{required, Checking, Command};
use crate::error::CliError;
use crate::lang::Lang;
use crate::org_cmd::OrgCheckArgs;

#[derive(Debug, Subcommand)]
pub(super) enum Org {
    /// Audit the organizations of a document on a day
    #[command(
        override_usage = "dangjian org check ORGS.json|.jsonl --on YYYY-MM-DD [--format table|json|jsonl]",
        after_help = AFTER
    )]
    Check(Check),
}

impl Org {
    /// The command to run, or the usage error of `org check`.
    pub(super) fn check(self, lang: Lang) -> (&'static str, Result<Command, CliError>) {
        let Org::Check(c) = self;
        ("dangjian org check", c.check(lang).map(Command::OrgCheck))
    }
}

/// `org check`'s words as typed.
#[derive(Debug, Args)]
pub(super) struct Check {
    /// The organization document (.jsonl: one document a line)
    #[arg(value_name = "ORGS.json")]
    file: Option<PathBuf>,
    #[command(flatten)]
    checking: Checking,
}

impl Check {
    fn check(self, lang: Lang) -> Result<OrgCheckArgs, CliError> {
        Ok(OrgCheckArgs {
            file: required(self.file, "`org check` needs an organizations file (JSON)")?,
            on: self.checking.on("org check")?,
            format: self.checking.format(),
            lang,
        })
    }
}

/// The document and the output.
const AFTER: &str = "\
Orgs: the core's organization document
  {\"orgs\":[{\"id\":\"C01\",\"kind\":\"committee\"},{\"id\":\"B01\",\"parent\":\"C01\",\"kind\":\"branch\"}],
   \"details\":[{\"org\":\"B01\"}],
   \"members\":[…records as in member check…], \"meetings\":[{\"id\":…,\"kind\":\"general_meeting\",
     \"date\":…,\"org\":…,\"attendees\":[…],\"absent_with_leave\":[…],\"lecturer\":…}],
   \"elections\":[{\"id\":…,\"org\":…,\"date\":…,\"present\":N,\"candidates\":[{\"id\":…,\"votes\":N}]}],
   \"reviews\":[{\"org\":…,\"year\":2025,\"date\":…,\"ratings\":[{\"member\":…,\"rating\":\"excellent\"}]}],
   \"period\":{\"from\":…,\"to\":…}}
  details: {\"org\":…,\"name\":…,\"committee\":{\"elected_on\":…,\"size\":N},\"approved_below_minimum\":true}

Output (table): one block per organization — members, structure, terms, 三会一课 over the period,
attendance, elections and 民主评议, each finding with its article; in Chinese (the default) or, as
below, in English with --lang en
  ID NAME (KIND): N full, N probationary, N members; term ELECTED → EXPIRES
    [violation|warning|info] CODE  message — regulation article
    next: ELECTION due DATE / earliest DATE  message
    三会一课 MEETING FREQUENCY: held PERIODS; missing PERIODS
    attendance: MEMBER RATE, …   (lowest first)
    election ID DATE: valid, PRESENT/ENTITLED present, elected IDS
    民主评议 YEAR: N excellent of N graded (max N), …

Example:
  dangjian org check examples/data/org.json --on 2026-04-01

Exit status: 0 no violation; 1 a finding of severity violation; 2 usage error, unreadable file or bad
document (nothing done)";
