//! `dangjian disclosure verify|sign|board …`: the audit log's chain and signatures, and the board a
//! viewer saw on a day.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::{date, required, Command};
use crate::disclosure_board::BoardArgs;
use crate::disclosure_cmd::{self, SignArgs, VerifyArgs};
use crate::error::CliError;
use crate::lang::Lang;

#[derive(Debug, Subcommand)]
pub(super) enum Disclosure {
    /// Check an audit log's hash chain and, with --public-key, its SM2 signatures
    #[command(
        override_usage = "dangjian disclosure verify LOG.json|LOG.jsonl [--public-key KEY.pem] [--receipt ENTRIES:HEAD]",
        after_help = VERIFY_AFTER
    )]
    Verify(Verify),
    /// Sign an audit log's head with the organization's SM2 key (a checkpoint), written to OUT
    #[command(
        override_usage = "dangjian disclosure sign LOG.json|LOG.jsonl --private-key KEY.pem -o OUT",
        after_help = SIGN_AFTER
    )]
    Sign(Sign),
    /// The disclosure board a viewer saw on a day, as CSV
    #[command(
        override_usage = "dangjian disclosure board ITEMS.json --viewer ID --on YYYY-MM-DD [--context CONTEXT.json]",
        after_help = BOARD_AFTER
    )]
    Board(Board),
}

impl Disclosure {
    /// The command to run, or the usage error of the subcommand named.
    pub(super) fn check(self, lang: Lang) -> (&'static str, Result<Command, CliError>) {
        match self {
            Disclosure::Verify(v) => (
                "dangjian disclosure verify",
                v.check(lang).map(Command::DisclosureVerify),
            ),
            Disclosure::Sign(s) => (
                "dangjian disclosure sign",
                s.check(lang).map(Command::DisclosureSign),
            ),
            Disclosure::Board(b) => (
                "dangjian disclosure board",
                b.check(lang).map(Command::DisclosureBoard),
            ),
        }
    }
}

/// `disclosure verify`'s words as typed.
#[derive(Debug, Args)]
pub(super) struct Verify {
    /// The audit log (JSON, or JSON Lines for .jsonl)
    #[arg(value_name = "LOG.json|LOG.jsonl")]
    log: Option<PathBuf>,
    /// The organization's SM2 public key (SPKI PEM): checks who wrote it
    #[arg(long, value_name = "KEY.pem")]
    public_key: Option<PathBuf>,
    /// Check the log still has ENTRIES entries ending in HEAD
    #[arg(long, value_name = "ENTRIES:HEAD", value_parser = receipt)]
    receipt: Option<(u64, String)>,
}

impl Verify {
    fn check(self, lang: Lang) -> Result<VerifyArgs, CliError> {
        Ok(VerifyArgs {
            log: required(self.log, "`disclosure verify` needs an audit log file")?,
            public_key: self.public_key,
            receipt: self.receipt,
            lang,
        })
    }
}

/// `--receipt ENTRIES:HEAD`, as `verify` prints them.
fn receipt(text: &str) -> Result<(u64, String), String> {
    disclosure_cmd::parse_receipt(text).map_err(|e| e.message)
}

/// `disclosure sign`'s words as typed.
#[derive(Debug, Args)]
pub(super) struct Sign {
    /// The audit log (JSON, or JSON Lines for .jsonl)
    #[arg(value_name = "LOG.json|LOG.jsonl")]
    log: Option<PathBuf>,
    /// The organization's SM2 private key (PKCS#8 PEM)
    #[arg(long, value_name = "KEY.pem")]
    private_key: Option<PathBuf>,
    /// Where the signed log goes (.jsonl: JSON Lines, otherwise JSON)
    #[arg(short = 'o', value_name = "OUT")]
    out: Option<PathBuf>,
}

impl Sign {
    fn check(self, lang: Lang) -> Result<SignArgs, CliError> {
        Ok(SignArgs {
            log: required(self.log, "`disclosure sign` needs an audit log file")?,
            private_key: required(
                self.private_key,
                "`disclosure sign` needs --private-key KEY.pem",
            )?,
            out: required(self.out, "`disclosure sign` needs -o OUT")?,
            lang,
        })
    }
}

/// `disclosure board`'s words as typed.
#[derive(Debug, Args)]
pub(super) struct Board {
    /// The items, or the whole board document (see below)
    #[arg(value_name = "ITEMS.json")]
    items: Option<PathBuf>,
    /// A viewer listed in the input, or `public`
    #[arg(long, value_name = "ID")]
    viewer: Option<String>,
    /// The day of viewing (required)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date)]
    on: Option<NaiveDate>,
    /// {"context":…,"viewers":[…]}, when ITEMS.json holds only the items
    #[arg(long, value_name = "FILE")]
    context: Option<PathBuf>,
}

impl Board {
    fn check(self, lang: Lang) -> Result<BoardArgs, CliError> {
        Ok(BoardArgs {
            items: required(self.items, "`disclosure board` needs an items file")?,
            viewer: required(
                self.viewer,
                "`disclosure board` needs --viewer ID (or public)",
            )?,
            on: required(self.on, "`disclosure board` needs --on YYYY-MM-DD")?,
            context: self.context,
            lang,
        })
    }
}

/// What `verify` prints and what its options prove.
const VERIFY_AFTER: &str = "\
Output: OK with the entry count, the head hash and what was checked, or the first broken entry (by
its seq and item) and why.
  --public-key: every entry must then be covered by a checkpoint signed with the key; without it only
  integrity is checked, not who wrote the log.
  --receipt: finds entries cut off the end, even back to an earlier signed checkpoint, which neither
  the chain nor the signatures can show.

Example:
  dangjian disclosure verify examples/data/audit-log.json --public-key examples/data/audit-log.pub.pem

Exit status: 0 the chain (and signatures) hold; 1 the chain is broken or a signature forged; 2 usage
error, unreadable file, not an audit log or not an SM2 key";

/// What `sign` writes, an example and the exit status.
const SIGN_AFTER: &str = "\
Output: the log with a checkpoint over its head signed by KEY.pem (SM2 with SM3), written to OUT (.jsonl:
JSON Lines, otherwise JSON); a broken chain is never signed. Keep the printed entry count and head
elsewhere: they are the receipt `disclosure verify` can check the log against later.

Example:
  dangjian disclosure sign examples/data/audit-log.json --private-key org-key.pem -o signed-log.json

Exit status: 0 signed; 1 the chain is broken (not signed); 2 usage error, unreadable file or key";

/// The board's input document and output columns.
const BOARD_AFTER: &str = "\
Input: one JSON document
  {\"context\": {\"orgs\":[{\"id\":\"B01\",\"parent\":\"C01\",\"kind\":\"branch\"}, …],
               \"roles\":[{\"person\":\"DY2026002\",\"org\":\"B01\",\"role\":\"proposer\"}, …]},
   \"viewers\": [{\"person\":\"DY2026005\",\"memberships\":[{\"org\":\"B01\",\"status\":\"full\",\"from\":\"2015-07-01\"}],
                \"posts\":[{\"org\":\"B01\",\"from\":\"2024-01-01\"}]}, …],
   \"items\": [disclosure items as the core's create/apply write them]}
  `public` is the public (no person); roles: proposer, confidentiality_reviewer, reviewer, approver.

Output: the board as it stood that day (the version in force, corrections noted, withdrawals gone;
their records to officers)
  id,title,category,scope,status,published_at,version,text
  scope: to_society, whole_party, organizations:B01;B02[+descendants] or members:B01; text: the body as
  published that day, ID numbers, mobiles and bank cards masked (unpublished items, shown to those
  taking part in the workflow, as they would be published)

Example:
  dangjian disclosure board examples/data/board.json --viewer DY2026005 --on 2026-03-10

Exit status: 0 shown; 2 usage error, unreadable file, unknown viewer or bad document";
