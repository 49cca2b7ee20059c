//! `dangjian credits EVENTS.jsonl --rules PRESET|FILE [options]`; its help lists the presets with their
//! dated rule sets, read from the core.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;
use dangjian::credits::PeriodKind;

use super::{date, required};
use crate::credits_cmd::{self, CreditsArgs, Rules};
use crate::error::CliError;
use crate::lang::Lang;

pub(super) const USAGE: &str =
    "dangjian credits EVENTS.jsonl --rules PRESET|FILE [--on YYYY-MM-DD] [--rank-by PERIOD]
                        [--org-map FILE [--org ID]]";

/// `credits`' words as typed.
#[derive(Debug, Args)]
pub(super) struct Credits {
    /// The events, one JSON object a line (`-` for stdin)
    #[arg(value_name = "EVENTS.jsonl")]
    events: Option<PathBuf>,
    /// A preset (see below) or a scheme JSON file (required)
    #[arg(long, value_name = "PRESET|FILE", value_parser = rules)]
    rules: Option<Rules>,
    /// The day totalled around (default: the latest event's day, China time)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date)]
    on: Option<NaiveDate>,
    /// day, week, month or year (default year: the year's score)
    #[arg(long, value_name = "PERIOD", value_parser = period)]
    rank_by: Option<PeriodKind>,
    /// Members' organizations: an `org` column, one organization ranked
    #[arg(long, value_name = "FILE")]
    org_map: Option<PathBuf>,
    /// That organization (default: the map's single top organization)
    #[arg(long, value_name = "ID")]
    org: Option<String>,
}

impl Credits {
    /// The arguments `credits_cmd::run` takes.
    pub(super) fn check(self, lang: Lang) -> Result<CreditsArgs, CliError> {
        let events = required(self.events, "`credits` needs an events file (JSON Lines)")?;
        let rules = required(
            self.rules,
            "`credits` needs --rules PRESET|FILE (presets: learning-platform, member-points)",
        )?;
        if self.org.is_some() && self.org_map.is_none() {
            return Err(CliError::usage("`--org` needs an --org-map"));
        }
        Ok(CreditsArgs {
            events,
            rules,
            on: self.on,
            rank_by: self.rank_by.unwrap_or(PeriodKind::Year),
            org_map: self.org_map,
            org: self.org,
            lang,
        })
    }
}

/// `--rules`: a preset's name, else a file; a word that is neither gets a suggestion.
fn rules(text: &str) -> Result<Rules, String> {
    Rules::parse(text).map_err(|e| e.message)
}

/// `--rank-by day|week|month|year`.
fn period(text: &str) -> Result<PeriodKind, String> {
    credits_cmd::parse_period(text).map_err(|e| e.message)
}

/// The page under the options: the presets, the events and the output.
pub(super) fn after_help() -> String {
    format!(
        "\
Presets (--rules), each event scored by the rule set in force on its China-time day:
{presets}
Events: one JSON object a line, blank lines skipped:
  {{\"event_id\":\"e1\",\"member_id\":\"DY2026001\",\"activity\":\"article\",
   \"occurred_at\":\"2026-03-02T07:30:00+08:00\",\"content_id\":\"A1\",\"duration_seconds\":75}}
  optional: content_id, duration_seconds, correct_answers, place, points (as the activity needs).
  Days, ISO weeks (Monday first), months and years are China time whatever the offset written.
  A line repeated with the same content is ignored (noted on stderr).

Org map (--org-map): {{\"member_org\":{{member: org}},\"parent\":{{org: parent}}}}; only the members
within --org and the organizations under it are ranked.

Output:
  rank,member_id[,org],day,week,month,year,score
  points in the day, ISO week, month and year around --on (default: the China-time day of the latest
  scored event), and the year's score (base and floor applied:
  member-points); standard competition ranking (1, 2, 2, 4), equal scores by member id; rank empty for
  a member with no event in the ranked period. The periods are named in the summary on stderr.

Example:
  dangjian credits examples/data/events.jsonl --rules learning-platform --rank-by week

Exit status: 0 all scored; 1 some lines rejected (each reported with its line, the others scored);
2 usage error, unreadable file or bad scheme (nothing done)",
        presets = credits_cmd::presets_help(),
    )
}
