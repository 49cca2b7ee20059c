//! `dangjian member check MEMBERS.json --on YYYY-MM-DD [options]`; its help lists the event kinds and
//! stages, read from the core's enums (a test in `member_cmd` keeps the lists equal).

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{required, Checking, Command};
use crate::error::CliError;
use crate::lang::Lang;
use crate::member_cmd::{self, MemberCheckArgs};

#[derive(Debug, Subcommand)]
pub(super) enum Member {
    /// Audit member records on a day (发展党员 pipeline, probation, discipline, mobility)
    #[command(
        override_usage = "dangjian member check MEMBERS.json|.jsonl --on YYYY-MM-DD [--format table|json|jsonl]\n       \
                          [--policy FILE]",
        after_help = after_help()
    )]
    Check(Check),
}

impl Member {
    /// The command to run, or the usage error of `member check`.
    pub(super) fn check(self, lang: Lang) -> (&'static str, Result<Command, CliError>) {
        let Member::Check(c) = self;
        (
            "dangjian member check",
            c.check(lang).map(Command::MemberCheck),
        )
    }
}

/// `member check`'s words as typed.
#[derive(Debug, Args)]
pub(super) struct Check {
    /// One record, an array of records or a members document (.jsonl: one a line)
    #[arg(value_name = "MEMBERS.json")]
    file: Option<PathBuf>,
    #[command(flatten)]
    checking: Checking,
    /// A JSON policy override laid over the bundled rules
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
}

impl Check {
    fn check(self, lang: Lang) -> Result<MemberCheckArgs, CliError> {
        Ok(MemberCheckArgs {
            file: required(self.file, "`member check` needs a members file (JSON)")?,
            on: self.checking.on("member check")?,
            format: self.checking.format(),
            policy: self.policy,
            lang,
        })
    }
}

/// The page under the options: the record, the output and the exit status.
fn after_help() -> String {
    format!(
        "\
Members: one record, an array of records, or the members document
  {{\"members\":[records…],\"meetings\":[…],\"ledgers\":[…]}}
  (meetings: organizational life; ledgers: dues, for the lapse rule). A .jsonl input is read a line at
  a time: one record (or {{\"meeting\":…}}, {{\"ledger\":…}}) a line. A record:
  {{\"id\":\"M06\",\"name\":\"陈晓\",\"birth_date\":\"1998-06-12\",\"org\":\"B01\",\"id_number\":\"…\",
   \"events\":[{{\"kind\":\"application\",\"date\":\"2024-03-04\"}},
             {{\"kind\":\"branch_vote\",\"date\":\"2025-12-09\",
              \"vote\":{{\"entitled\":20,\"present\":16,\"yes\":14,\"no\":1,\"abstain\":1}}}}, …]}}
  events oldest first; kinds: {kinds}
  A member already in the Party before the record starts:
  {{\"kind\":\"imported\",\"date\":…,\"stage\":\"full\"}}. Sponsors and contacts are member ids of the same file.

Output (table): each member's stage, 党龄, findings with their articles and the next steps; in
Chinese (the default), or English with --lang en, the codes kept in both
  ID NAME：阶段（STAGE），DATE 起（党龄 N 年）            ID NAME: STAGE since DATE (党龄 N年)
    [违规|提醒|提示] CODE  message — regulation article     [violation|warning|info] CODE  …
    下一步：CODE 最迟 DATE / 最早 DATE  message             next: CODE due DATE / earliest DATE  …
  stages: {stages}
  A record that cannot be read or checked, on stderr (the others are still checked):
  `error: record N (ID): CODE at FIELD: message`, N from 1, FIELD inside the record, events from 0.

Example:
  dangjian member check examples/data/members.json --on 2026-11-20

Exit status: 0 no violation; 1 a finding of severity violation, or a record rejected; 2 usage error,
unreadable file or bad policy (nothing done)",
        kinds = event_kinds(),
        stages = member_cmd::STAGES.join(", "),
    )
}

/// The event kinds, wrapped to the page's width under its indentation.
fn event_kinds() -> String {
    let mut text = String::new();
    let mut width = 0;
    for kind in member_cmd::EVENT_KINDS {
        if width > 0 && width + kind.len() > 80 {
            text.push_str(",\n    ");
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
