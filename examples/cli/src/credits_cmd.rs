//! `dangjian credits EVENTS.jsonl --rules PRESET|FILE [--on DATE] [--rank-by PERIOD] [--org-map FILE [--org ID]]`:
//! learning credits or member points per member around one day, ranked.
//!
//! The events go whole to the core's JSON Lines entry point (`credits::score_jsonl`), which scores the good
//! lines and reports each bad one with its line number; the ranking is the core's `leaderboard` (standard
//! competition ranking, 1, 2, 2, 4). This module only chooses the scheme, reads the core's answer and
//! prints it: a bad line (not JSON, not an event, not UTF-8, longer than 64 KiB) is reported on stderr (the first
//! 50, then a count), the others are scored, and the exit status is 1.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use dangjian::codes::Code;
use dangjian::credits::{
    leaderboard, period_key, score_jsonl_bytes, EventError, OrgMap, PeriodKind, Scheme, Total,
};
use serde::Deserialize;

use crate::credits_report::{self, Summary};
use crate::error::CliError;
use crate::lang::Lang;
use crate::progress::{Progress, Work};
use crate::suggest::nearest;
use crate::table::CsvOut;

/// A shipped scheme, by the name given to `--rules`.
pub(crate) struct Preset {
    /// The name on the command line.
    pub(crate) name: &'static str,
    /// The core's constructor.
    pub(crate) scheme: fn() -> Scheme,
    /// One line for `--help`.
    pub(crate) about: &'static str,
}

/// The schemes the core ships (`credits::Scheme::learning_platform`, `credits::Scheme::member_points`).
pub(crate) const PRESETS: [Preset; 2] = [
    Preset {
        name: "learning-platform",
        scheme: Scheme::learning_platform,
        about: "学习强国-style daily learning credits",
    },
    Preset {
        name: "member-points",
        scheme: Scheme::member_points,
        about: "党员积分制: base 60, bonus and deduction items, floor 0",
    },
];

/// The periods a total is given for, in column order.
const PERIODS: [PeriodKind; 4] = [
    PeriodKind::Day,
    PeriodKind::Week,
    PeriodKind::Month,
    PeriodKind::Year,
];

/// The organization every member belongs to when no `--org-map` is given: one leaderboard of everyone.
const EVERYONE: &str = "";

/// Where the scheme comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Rules {
    /// A shipped scheme (an index into [`PRESETS`]).
    Preset(usize),
    /// A scheme JSON file.
    File(PathBuf),
}

impl Rules {
    /// `--rules` names a preset, else a file; a word that is neither gets a suggestion.
    pub(crate) fn parse(text: &str) -> Result<Self, CliError> {
        let wanted = text.replace('_', "-");
        if let Some(i) = PRESETS.iter().position(|p| p.name == wanted) {
            return Ok(Rules::Preset(i));
        }
        let path = PathBuf::from(text);
        let looks_like_a_word = !text.contains(['/', '\\', '.']);
        if looks_like_a_word && !path.exists() {
            let names: Vec<&str> = PRESETS.iter().map(|p| p.name).collect();
            let hint = nearest(text, &names)
                .map(|n| format!(" — did you mean `{n}`?"))
                .unwrap_or_default();
            return Err(CliError::usage(format!(
                "`--rules {text}` is neither a preset ({}) nor a file{hint}",
                names.join(", ")
            )));
        }
        Ok(Rules::File(path))
    }
}

/// The `credits` command's arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CreditsArgs {
    /// The events, JSON Lines (`-` for stdin).
    pub(crate) events: PathBuf,
    /// The scheme.
    pub(crate) rules: Rules,
    /// The day the periods are taken around; default the latest scored event's China-time day.
    pub(crate) on: Option<NaiveDate>,
    /// The period the leaderboard ranks.
    pub(crate) rank_by: PeriodKind,
    /// Member → organization, organization → parent.
    pub(crate) org_map: Option<PathBuf>,
    /// The organization whose subtree is ranked (default: the map's root).
    pub(crate) org: Option<String>,
    /// The language of what stderr says.
    pub(crate) lang: Lang,
}

/// `day`, `week`, `month`, `year`.
pub(crate) fn parse_period(text: &str) -> Result<PeriodKind, CliError> {
    PERIODS
        .into_iter()
        .find(|k| period_name(*k) == text)
        .ok_or_else(|| {
            CliError::usage(format!(
                "`--rank-by {text}`: expected day, week, month or year"
            ))
        })
}

fn period_name(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Day => "day",
        PeriodKind::Week => "week",
        PeriodKind::Month => "month",
        PeriodKind::Year => "year",
    }
}

/// The core's answer, as much of it as is printed (`score_jsonl`'s document).
#[derive(Deserialize)]
struct Scored {
    entries: Vec<ScoredEntry>,
    duplicates: Vec<String>,
    errors: Vec<EventError>,
    totals: Vec<Total>,
}

#[derive(Deserialize)]
struct ScoredEntry {
    /// The China-time day the entry counts in.
    day: NaiveDate,
}

/// Runs the command: CSV on stdout, bad lines and a summary on stderr.
pub(crate) fn run(args: &CreditsArgs) -> Result<ExitCode, CliError> {
    let lang = args.lang;
    let scheme = load_scheme(&args.rules, lang)?;
    let orgs = args
        .org_map
        .as_deref()
        .map(|p| load_org_map(p, lang))
        .transpose()?;
    let jsonl = read_events(&args.events, lang)?;
    let lines = jsonl.iter().filter(|b| **b == b'\n').count();
    let progress = Progress::spinner(lines, Work::Scoring, args.lang);
    let scored = score_jsonl_bytes(&scheme, &jsonl, false);
    progress.finish();
    let json = scored.map_err(|e| {
        CliError::input(format!(
            "{}{}",
            lang.pick("积分规则：", "scheme: "),
            lang.detail(e.detail())
        ))
    })?;
    let scored: Scored = serde_json::from_str(&json)
        .map_err(|e| CliError::input(format!("cannot read the core's answer: {e}")))?;

    for line in credits_report::problems(&scored.errors, &scored.duplicates, args.lang) {
        eprintln!("{line}");
    }

    // The day the periods are taken around: given, or the latest day any event counts in.
    let Some(on) = args
        .on
        .or_else(|| scored.entries.iter().map(|e| e.day).max())
    else {
        eprintln!(
            "{}",
            credits_report::nothing_scored(scored.errors.len(), args.lang)
        );
        print_rows(&[], orgs.is_some())?;
        return Ok(exit_status(&scored));
    };

    let members: BTreeSet<&str> = scored.totals.iter().map(|t| t.member_id.as_str()).collect();
    let (orgs, org) = match orgs {
        Some(map) => {
            let org = match &args.org {
                Some(org) => org.clone(),
                None => root_of(&map)?,
            };
            (map, org)
        }
        None => {
            let member_org = members
                .iter()
                .map(|m| ((*m).to_owned(), EVERYONE.to_owned()))
                .collect();
            (
                OrgMap {
                    member_org,
                    parent: BTreeMap::new(),
                },
                EVERYONE.to_owned(),
            )
        }
    };
    let ranked_period = period_key(args.rank_by, on);
    let board = leaderboard(&scored.totals, args.rank_by, &ranked_period, &org, &orgs)
        .map_err(|e| CliError::input(format!("org map: {}", e.detail())))?;

    // Each member's points in the four periods around `on` (absent = no event in it = 0).
    let keys: [String; 4] = PERIODS.map(|k| period_key(k, on));
    let mut totals: BTreeMap<&str, [i64; 5]> = BTreeMap::new();
    for t in &scored.totals {
        if let Some(i) = PERIODS
            .iter()
            .zip(&keys)
            .position(|(k, p)| *k == t.kind && *p == t.period)
        {
            let row = totals.entry(t.member_id.as_str()).or_default();
            if let Some(cell) = row.get_mut(i) {
                *cell = t.points;
            }
            if let (PeriodKind::Year, Some(cell)) = (t.kind, row.get_mut(4)) {
                *cell = t.score;
            }
        }
    }

    // Leaderboard order first, then the members without a total in the ranked period.
    let in_org = |m: &str| orgs.within(m, &org).unwrap_or(false);
    let mut rows: Vec<Row> = board
        .iter()
        .map(|s| Row::new(Some(s.rank), &s.member_id, &orgs, &totals))
        .collect();
    let ranked: BTreeSet<&str> = board.iter().map(|s| s.member_id.as_str()).collect();
    rows.extend(
        members
            .iter()
            .filter(|m| !ranked.contains(*m) && in_org(m))
            .map(|m| Row::new(None, m, &orgs, &totals)),
    );
    let left_out = members.iter().filter(|m| !in_org(m)).count();
    print_rows(&rows, args.org_map.is_some())?;

    let summary = Summary {
        on,
        periods: &keys,
        ranked: board.len(),
        rank_by: period_name(args.rank_by),
        org: args.org_map.is_some().then_some(org.as_str()),
        counts: (
            scored.entries.len(),
            scored.errors.len(),
            scored.duplicates.len(),
        ),
        left_out,
    };
    eprintln!("{}", summary.line(args.lang));
    Ok(exit_status(&scored))
}

fn exit_status(scored: &Scored) -> ExitCode {
    if scored.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// One output row.
struct Row {
    rank: Option<u32>,
    member_id: String,
    org: String,
    /// Day, week, month and year points, then the year's score.
    totals: [i64; 5],
}

impl Row {
    fn new(
        rank: Option<u32>,
        member_id: &str,
        orgs: &OrgMap,
        totals: &BTreeMap<&str, [i64; 5]>,
    ) -> Self {
        Self {
            rank,
            member_id: member_id.to_owned(),
            org: orgs.member_org.get(member_id).cloned().unwrap_or_default(),
            totals: totals.get(member_id).copied().unwrap_or_default(),
        }
    }
}

/// The CSV columns: `rank,member_id[,org],day,week,month,year,score`.
fn print_rows(rows: &[Row], with_org: bool) -> Result<(), CliError> {
    let write_failed = |e: std::io::Error| CliError::input(format!("cannot write the output: {e}"));
    let mut header = vec!["rank", "member_id"];
    if with_org {
        header.push("org");
    }
    header.extend(["day", "week", "month", "year", "score"]);
    let stdout = std::io::stdout();
    let mut out = CsvOut::new(stdout.lock(), &header).map_err(write_failed)?;
    for r in rows {
        let mut record = vec![
            r.rank.map(|n| n.to_string()).unwrap_or_default(),
            r.member_id.clone(),
        ];
        if with_org {
            record.push(r.org.clone());
        }
        record.extend(r.totals.iter().map(i64::to_string));
        out.record(&record).map_err(write_failed)?;
    }
    out.finish().map_err(write_failed)
}

fn load_scheme(rules: &Rules, lang: Lang) -> Result<Scheme, CliError> {
    match rules {
        Rules::Preset(i) => PRESETS
            .get(*i)
            .map(|p| (p.scheme)())
            .ok_or_else(|| CliError::usage("unknown preset")),
        Rules::File(path) => {
            let what = lang.pick("积分规则", "scheme");
            let shown = format!("{what} {}", path.display());
            let json = std::fs::read_to_string(path).map_err(|e| cannot_read(&shown, &e, lang))?;
            Scheme::from_json(&json)
                .map_err(|e| CliError::input(format!("{shown}: {}", lang.detail(e.detail()))))
        }
    }
}

fn load_org_map(path: &Path, lang: Lang) -> Result<OrgMap, CliError> {
    let shown = format!("{} {}", lang.pick("组织对照表", "org map"), path.display());
    let json = std::fs::read_to_string(path).map_err(|e| cannot_read(&shown, &e, lang))?;
    dangjian::error::from_json(&json, Code::InvalidOrgsJson.as_str())
        .map_err(|e| CliError::input(format!("{shown}: {}", lang.detail(e.detail()))))
}

/// `FILE：无法读取：…` / `FILE: cannot read: …`.
fn cannot_read(shown: &str, e: &std::io::Error, lang: Lang) -> CliError {
    CliError::input(lang.pick(
        &format!("{shown}：无法读取：{e}"),
        &format!("{shown}: cannot read: {e}"),
    ))
}

/// The one organization of the map with no parent; several roots need `--org`.
fn root_of(map: &OrgMap) -> Result<String, CliError> {
    let all: BTreeSet<&String> = map
        .member_org
        .values()
        .chain(map.parent.keys())
        .chain(map.parent.values())
        .collect();
    let roots: Vec<&str> = all
        .into_iter()
        .filter(|o| !map.parent.contains_key(*o))
        .map(String::as_str)
        .collect();
    match roots.as_slice() {
        [only] => Ok((*only).to_owned()),
        _ => Err(CliError::usage(format!(
            "the org map has {} top organizations ({}): choose the one to rank with --org",
            roots.len(),
            roots.join(", ")
        ))),
    }
}

/// The file's bytes as they are: the core reads them line by line, so a line that is not UTF-8 is reported
/// with its number and the others are scored.
fn read_events(path: &Path, lang: Lang) -> Result<Vec<u8>, CliError> {
    if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| cannot_read("stdin", &e, lang))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| cannot_read(&path.display().to_string(), &e, lang))
    }
}

/// `--help`'s list of presets, with each scheme's dated rule sets and activities read from the core.
pub(crate) fn presets_help() -> String {
    let mut s = String::new();
    for p in &PRESETS {
        let scheme = (p.scheme)();
        s.push_str(&format!("    {:<20}{}\n", p.name, p.about));
        for set in &scheme.rule_sets {
            let until = set
                .effective_to
                .map(|d| format!(" to {d}"))
                .unwrap_or_else(|| " on".to_owned());
            let codes: Vec<&str> = set
                .value
                .activities
                .iter()
                .map(|a| a.code.as_str())
                .collect();
            s.push_str(&wrap(
                &format!("from {}{until}: {}", set.effective_from, codes.join(", ")),
                "      ",
                "        ",
            ));
        }
    }
    s
}

/// `text` in lines of at most 100 columns, the first indented by `first`, the others by `rest`.
fn wrap(text: &str, first: &str, rest: &str) -> String {
    let mut out = String::new();
    let mut line = first.to_owned();
    let mut empty = true;
    for word in text.split(' ') {
        if !empty && line.chars().count() + 1 + word.chars().count() > 100 {
            out.push_str(&line);
            out.push('\n');
            line = rest.to_owned();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(&line);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_name_a_preset_or_a_file() {
        assert_eq!(Rules::parse("member-points").unwrap(), Rules::Preset(1));
        assert_eq!(Rules::parse("learning_platform").unwrap(), Rules::Preset(0));
        assert_eq!(
            Rules::parse("my-scheme.json").unwrap(),
            Rules::File(PathBuf::from("my-scheme.json"))
        );
        let e = Rules::parse("member-point").unwrap_err();
        assert!(e.message.contains("did you mean `member-points`"), "{e}");
    }

    #[test]
    fn a_single_root_is_ranked_by_default() {
        let map: OrgMap = serde_json::from_str(
            r#"{"member_org":{"A":"b1","B":"b2"},"parent":{"b1":"c","b2":"c"}}"#,
        )
        .unwrap();
        assert_eq!(root_of(&map).unwrap(), "c");
        let two: OrgMap = serde_json::from_str(r#"{"member_org":{"A":"b1","B":"b2"}}"#).unwrap();
        assert!(root_of(&two).unwrap_err().message.contains("b1, b2"));
    }

    #[test]
    fn presets_help_reads_the_core() {
        let h = presets_help();
        assert!(h.contains("from 2019-01-01 to 2021-12-31"), "{h}");
        assert!(h.contains("from 2022-01-01 on"), "{h}");
        assert!(
            h.contains("special_quiz") && h.contains("meeting_attendance"),
            "{h}"
        );
    }
}
