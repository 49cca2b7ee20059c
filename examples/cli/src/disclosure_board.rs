//! `dangjian disclosure board ITEMS.json --viewer ID --on DATE [--context CONTEXT.json]`: the disclosure
//! board (党务公开栏) one person saw on one day, as CSV.
//!
//! The rules are the core's: `board` decides who sees what on the day asked (条例 第二条) — as the board
//! stood that day: the version then in force with its correction note, an item withdrawn that day or
//! before only as a withdrawal record for the officers the policy names (条例 第四章) — and masks personal
//! data. This module reads the files and prints.
//!
//! **The board's input.** The core takes the organizations and roles (a `DisclosureContext`), a `Viewer` and the items
//! separately; the command reads them as one document:
//!
//! ```text
//! {"context": {"orgs": [...], "roles": [...]},          the core's DisclosureContext document
//!  "viewers": [{"person": "M101", "memberships": [...], "posts": [...]}, ...],   the core's Viewer documents
//!  "items":   [ ...disclosure items, as create/apply return them... ]}
//! ```
//!
//! or, with `--context CONTEXT.json` holding `{"context": …, "viewers": […]}`, ITEMS.json may be just the
//! array of items. `--viewer public` is the public (no person) unless a viewer of that id is listed.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use dangjian::disclosure::{board as board_on, DisclosureContext, DisclosureItem, Scope, Viewer};
use dangjian::Policy;
use serde::Deserialize;

use dangjian::codes::Code;

use crate::disclosure_cmd::{plural, read_text};
use crate::disclosure_words::day;
use crate::error::CliError;
use crate::lang::Lang;
use crate::output::code_of;
use crate::suggest::nearest;
use crate::table::CsvOut;

/// `disclosure board`'s arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BoardArgs {
    /// The items (a bundle, or an array with `--context`).
    pub(crate) items: PathBuf,
    /// The viewer's person id, or `public`.
    pub(crate) viewer: String,
    /// The day.
    pub(crate) on: NaiveDate,
    /// The context and viewers, when ITEMS.json holds only the items.
    pub(crate) context: Option<PathBuf>,
    /// The language of what stderr says (the CSV is the same in both).
    pub(crate) lang: Lang,
}

/// The CLI's board document (see the module docs).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Bundle {
    #[serde(default)]
    context: Option<serde_json::Value>,
    #[serde(default)]
    viewers: Option<Vec<Viewer>>,
    #[serde(default)]
    items: Option<Vec<DisclosureItem>>,
}

/// Prints the items the viewer may see on the day: CSV on stdout, a count on stderr.
pub(crate) fn board(args: &BoardArgs) -> Result<ExitCode, CliError> {
    let lang = args.lang;
    let shown = args.items.display().to_string();
    let items_json = read_text(&args.items, lang)?;
    let mut bundle = if items_json.trim_start().starts_with('[') {
        let items = from_json(&items_json, &shown, lang)?;
        Bundle {
            context: None,
            viewers: None,
            items: Some(items),
        }
    } else {
        from_json::<Bundle>(&items_json, &shown, lang)?
    };
    let mut context_from = shown.clone();
    if let Some(path) = &args.context {
        let c_shown = path.display().to_string();
        let given: Bundle = from_json(&read_text(path, lang)?, &c_shown, lang)?;
        if given.items.is_some() {
            return Err(CliError::input(lang.pick(
                &format!("{c_shown}：事项应放在 {shown} 里，不放在 --context 文件里"),
                &format!("{c_shown}: the items belong in {shown}, not in the --context file"),
            )));
        }
        if bundle.context.is_some() || bundle.viewers.is_some() {
            return Err(CliError::input(lang.pick(
                &format!("{shown} 已有自己的 context 或 viewers：只在一个文件里给出"),
                &format!("{shown} has its own context or viewers: give them in one file only"),
            )));
        }
        bundle.context = given.context;
        bundle.viewers = given.viewers;
        context_from = c_shown;
    }
    let context = bundle.context.ok_or_else(|| {
        CliError::input(lang.pick(
            &format!("{context_from}：没有 `context`（组织和角色）：补上，或用 --context FILE 给出"),
            &format!(
                "{context_from}: no `context` (the organizations and roles): add it, or give --context FILE"
            ),
        ))
    })?;
    let ctx = DisclosureContext::from_json(&context.to_string()).map_err(|e| {
        CliError::input(format!(
            "{context_from}: {}",
            lang.detail(&e.detail().clone().under("context"))
        ))
    })?;
    let viewers = bundle.viewers.unwrap_or_default();
    let items = bundle.items.unwrap_or_default();
    for (i, item) in items.iter().enumerate() {
        item.validate()
            .and_then(|()| item.scope.check(&ctx.orgs, "scope"))
            .map_err(|e| {
                CliError::input(format!(
                    "{shown}: {}",
                    lang.detail(&e.detail().clone().under(&format!("items[{i}]")))
                ))
            })?;
    }
    let viewer = find_viewer(&viewers, &args.viewer, lang)?;

    let policy = Policy::bundled();
    let entries = board_on(&policy, &ctx, &viewer, &items, args.on)
        .map_err(|e| CliError::input(format!("{shown}: {}", lang.detail(e.detail()))))?;
    let write_failed = |e: std::io::Error| {
        CliError::input(lang.pick(
            &format!("无法写出结果：{e}"),
            &format!("cannot write the output: {e}"),
        ))
    };
    let stdout = std::io::stdout();
    let mut out = CsvOut::new(stdout.lock(), &BOARD_COLUMNS).map_err(write_failed)?;
    let mut records = 0;
    for entry in &entries {
        let Some(item) = items.iter().find(|i| i.id == entry.id) else {
            continue;
        };
        let corrected = entry.corrected.as_ref();
        let withdrawn = entry.withdrawn.as_ref();
        records += usize::from(withdrawn.is_some());
        out.record(&[
            entry.id.clone(),
            entry.title.clone(),
            item.category.label_zh().to_owned(),
            scope_text(&item.scope),
            code_of(&entry.status),
            entry
                .published_at
                .map(|t| t.to_rfc3339())
                .unwrap_or_default(),
            entry.version.to_string(),
            entry.text.clone(),
            corrected.map(|c| c.on.to_string()).unwrap_or_default(),
            corrected.map(|c| c.reason.clone()).unwrap_or_default(),
            withdrawn
                .and_then(|w| w.on)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            withdrawn.map(|w| w.reason.clone()).unwrap_or_default(),
        ])
        .map_err(write_failed)?;
    }
    out.finish().map_err(write_failed)?;
    let seen = Seen {
        viewer: viewer.person.is_some().then_some(args.viewer.as_str()),
        on: args.on,
        visible: entries.len().saturating_sub(records),
        items: items.len(),
        records,
    };
    eprintln!("{}", seen.line(lang));
    Ok(ExitCode::SUCCESS)
}

/// The board's CSV columns: the entry as of the day, then its correction note and, for the viewers the
/// policy shows it to, the withdrawal.
const BOARD_COLUMNS: [&str; 12] = [
    "id",
    "title",
    "category",
    "scope",
    "status",
    "published_at",
    "version",
    "text",
    "corrected_on",
    "correction",
    "withdrawn_on",
    "withdrawal",
];

/// What the summary on stderr tells: who looked, on which day, and how much they saw.
struct Seen<'a> {
    /// The viewer's id; `None` for the public.
    viewer: Option<&'a str>,
    on: NaiveDate,
    /// Items shown as published (or as they would be, to those in the workflow).
    visible: usize,
    /// Items in the input.
    items: usize,
    /// Withdrawal records shown to the officers the policy names.
    records: usize,
}

impl Seen<'_> {
    /// `查看人 DY2026005 在 2026年3月10日 可见 3 条事项（共 7 条）`, or `viewer DY2026005 on 2026-03-10: 3 of 7
    /// items visible`, with the withdrawal records when there are any.
    fn line(&self, lang: Lang) -> String {
        let (on, visible, items, records) =
            (day(lang, self.on), self.visible, self.items, self.records);
        match lang {
            Lang::Zh => {
                let who = self
                    .viewer
                    .map_or_else(|| "社会公众".to_owned(), |v| format!("查看人 {v}"));
                let more = if records > 0 {
                    format!("，另有撤回记录 {records} 条")
                } else {
                    String::new()
                };
                format!("{who} 在 {on} 可见 {visible} 条事项（共 {items} 条）{more}")
            }
            Lang::En => {
                let who = self
                    .viewer
                    .map_or_else(|| "the public".to_owned(), |v| format!("viewer {v}"));
                let more = if records > 0 {
                    format!(
                        ", {}",
                        plural(records as u64, "withdrawal record", "withdrawal records")
                    )
                } else {
                    String::new()
                };
                format!(
                    "{who} on {on}: {visible} of {} visible{more}",
                    plural(items as u64, "item", "items")
                )
            }
        }
    }
}

fn find_viewer(viewers: &[Viewer], id: &str, lang: Lang) -> Result<Viewer, CliError> {
    if let Some(v) = viewers.iter().find(|v| v.person.as_deref() == Some(id)) {
        return Ok(v.clone());
    }
    if id == "public" {
        return Ok(Viewer::public());
    }
    let ids: Vec<&str> = viewers
        .iter()
        .filter_map(|v| v.person.as_deref())
        .chain(["public"])
        .collect();
    let listed = ids.join(", ");
    Err(CliError::input(match (lang, nearest(id, &ids)) {
        (Lang::Zh, Some(n)) => format!("没有查看人 `{id}`——是不是 `{n}`？（已列出：{listed}）"),
        (Lang::Zh, None) => format!("没有查看人 `{id}`（已列出：{listed}）"),
        (Lang::En, Some(n)) => format!("no viewer `{id}` — did you mean `{n}`? (listed: {listed})"),
        (Lang::En, None) => format!("no viewer `{id}` (listed: {listed})"),
    }))
}

/// `to_society`, `whole_party`, `organizations:B01;B02[+descendants]`, `members:B01`.
fn scope_text(scope: &Scope) -> String {
    match scope {
        Scope::ToSociety => "to_society".to_owned(),
        Scope::WholeParty => "whole_party".to_owned(),
        Scope::Organizations {
            orgs,
            include_descendants,
        } => format!(
            "organizations:{}{}",
            orgs.join(";"),
            if *include_descendants {
                "+descendants"
            } else {
                ""
            }
        ),
        Scope::Members { org } => format!("members:{org}"),
        // A scope added to the core after this CLI: its JSON form says what it is.
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

fn from_json<T: serde::de::DeserializeOwned>(
    json: &str,
    shown: &str,
    lang: Lang,
) -> Result<T, CliError> {
    dangjian::error::from_json(json, Code::InvalidBoardJson.as_str())
        .map_err(|e| CliError::input(format!("{shown}: {}", lang.detail(e.detail()))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_as_text() {
        let s: Scope = serde_json::from_str(
            r#"{"kind":"organizations","orgs":["B01","B02"],"include_descendants":true}"#,
        )
        .unwrap();
        assert_eq!(scope_text(&s), "organizations:B01;B02+descendants");
        assert_eq!(
            scope_text(&Scope::Members { org: "B01".into() }),
            "members:B01"
        );
    }

    #[test]
    fn unknown_viewers_get_a_suggestion() {
        let v: Viewer = serde_json::from_str(r#"{"person":"M101"}"#).unwrap();
        let e = find_viewer(std::slice::from_ref(&v), "M11", Lang::En).unwrap_err();
        assert!(e.message.contains("did you mean `M101`"), "{e}");
        let e = find_viewer(&[v], "M11", Lang::Zh).unwrap_err();
        assert!(
            e.message.contains("没有查看人 `M11`——是不是 `M101`？"),
            "{e}"
        );
        assert!(find_viewer(&[], "public", Lang::En)
            .unwrap()
            .person
            .is_none());
    }

    #[test]
    fn the_summary_in_both_languages() {
        let seen = Seen {
            viewer: Some("DY2026005"),
            on: NaiveDate::from_ymd_opt(2026, 3, 10).unwrap(),
            visible: 3,
            items: 7,
            records: 1,
        };
        assert_eq!(
            seen.line(Lang::Zh),
            "查看人 DY2026005 在 2026年3月10日 可见 3 条事项（共 7 条），另有撤回记录 1 条"
        );
        assert_eq!(
            seen.line(Lang::En),
            "viewer DY2026005 on 2026-03-10: 3 of 7 items visible, 1 withdrawal record"
        );
        let public = Seen {
            viewer: None,
            records: 0,
            ..seen
        };
        assert_eq!(
            public.line(Lang::Zh),
            "社会公众 在 2026年3月10日 可见 3 条事项（共 7 条）"
        );
        assert_eq!(
            public.line(Lang::En),
            "the public on 2026-03-10: 3 of 7 items visible"
        );
    }
}
