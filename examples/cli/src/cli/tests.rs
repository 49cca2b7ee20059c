//! The command line read into commands: values, defaults, and which mistakes are usage errors.

use std::path::PathBuf;

use dangjian::credits::PeriodKind;

use super::*;
use crate::credits_cmd::Rules;

fn parse_strs(args: &[&str]) -> Result<Parsed, Usage> {
    parse(
        std::iter::once("dangjian")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect(),
    )
}

fn command(args: &[&str]) -> Command {
    match parse_strs(args) {
        Ok(Parsed::Run(c)) => *c,
        other => panic!("{args:?}: {other:?}"),
    }
}

fn usage(args: &[&str]) -> Usage {
    match parse_strs(args) {
        Err(u) => u,
        other => panic!("{args:?}: {other:?}"),
    }
}

#[test]
fn dues_arguments() {
    let c = command(&[
        "dues",
        "r.csv",
        "--month=2026-11",
        "--trace",
        "--policy",
        "p.json",
        "--map",
        "a=b",
        "--map=c=d",
    ]);
    let Command::Dues(a) = c else { panic!("{c:?}") };
    assert_eq!(a.roster, PathBuf::from("r.csv"));
    assert_eq!(a.month.to_string(), "2026-11");
    assert_eq!(a.policy, Some(PathBuf::from("p.json")));
    assert_eq!(a.maps, ["a=b", "c=d"]);
    assert!(a.trace);
    assert_eq!(a.lang, Lang::Zh);
}

#[test]
fn lang_is_global() {
    for args in [
        &["--lang", "en", "dues", "r.csv", "--month", "2026-11"][..],
        &["dues", "r.csv", "--month", "2026-11", "--lang=EN"],
    ] {
        let Command::Dues(a) = command(args) else {
            panic!("{args:?}")
        };
        assert_eq!(a.lang, Lang::En, "{args:?}");
    }
    let u = usage(&["dues", "r.csv", "--month", "2026-11", "--lang", "fr"]);
    assert!(u.message.contains("zh or en"), "{u:?}");
}

#[test]
fn credits_arguments() {
    let c = command(&[
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
    let Command::Credits(a) = c else {
        panic!("{c:?}")
    };
    assert_eq!(a.events, PathBuf::from("e.jsonl"));
    assert_eq!(a.rules, Rules::Preset(1));
    assert_eq!(a.on.map(|d| d.to_string()).as_deref(), Some("2026-03-04"));
    assert_eq!(a.rank_by, PeriodKind::Week);
    assert_eq!(a.org.as_deref(), Some("B01"));
    let Command::Credits(d) = command(&["credits", "e.jsonl", "--rules", "s.json"]) else {
        panic!("defaults")
    };
    assert_eq!(
        (d.rules, d.on, d.rank_by),
        (Rules::File(PathBuf::from("s.json")), None, PeriodKind::Year)
    );
}

#[test]
fn disclosure_arguments() {
    let c = command(&["disclosure", "verify", "log.json"]);
    assert!(matches!(
        c,
        Command::DisclosureVerify(VerifyArgs { receipt: None, .. })
    ));
    let c = command(&[
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
    let Command::DisclosureBoard(b) = c else {
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
    let c = command(&[
        "member",
        "check",
        "m.json",
        "--on=2026-11-20",
        "--format",
        "json",
        "--policy",
        "p.json",
    ]);
    let Command::MemberCheck(a) = c else {
        panic!("{c:?}")
    };
    assert_eq!(a.file, PathBuf::from("m.json"));
    assert_eq!(a.on.to_string(), "2026-11-20");
    assert_eq!(a.format, Format::Json);
    assert_eq!(a.policy, Some(PathBuf::from("p.json")));
    let c = command(&["org", "check", "o.json", "--on", "2026-11-20"]);
    let Command::OrgCheck(o) = c else {
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
}

#[test]
fn help_is_the_command_s_own() {
    let Ok(Parsed::Say(dues)) = parse_strs(&["dues", "--help"]) else {
        panic!("dues --help")
    };
    assert!(dues.contains("--month <YYYY-MM>") && dues.contains("养老保险"));
    assert!(!dues.contains("--rank-by"), "{dues}");
    let Ok(Parsed::Say(member)) = parse_strs(&["member", "check", "-h"]) else {
        panic!("member check -h")
    };
    assert!(member.contains("branch_vote") && !member.contains("养老保险"));
    let Ok(Parsed::Say(version)) = parse_strs(&["--version"]) else {
        panic!("--version")
    };
    assert_eq!(
        version,
        format!(
            "dangjian {} (rules core {})\n",
            env!("CARGO_PKG_VERSION"),
            dangjian::VERSION
        )
    );
}

#[test]
fn usage_errors_name_the_help_to_read() {
    for (args, path) in [
        (&[][..], "dangjian"),
        (&["member"], "dangjian member"),
        (&["frobnicate"], "dangjian"),
        (&["dues"], "dangjian dues"),
        (&["dues", "r.csv"], "dangjian dues"),
        (&["dues", "r.csv", "--month", "2026-13"], "dangjian dues"),
        (&["dues", "r.csv", "--month"], "dangjian dues"),
        (
            &["dues", "r.csv", "s.csv", "--month", "2026-11"],
            "dangjian dues",
        ),
        (
            &["dues", "r.csv", "--month", "2026-11", "--fast"],
            "dangjian dues",
        ),
        (
            &["dues", "r.csv", "--month=2026-11", "--trace=yes"],
            "dangjian dues",
        ),
        (&["credits", "e.jsonl"], "dangjian credits"),
        (
            &[
                "credits",
                "e.jsonl",
                "--rules",
                "member-points",
                "--on",
                "2026-02-30",
            ],
            "dangjian credits",
        ),
        (
            &["credits", "e.jsonl", "--rules", "member-points", "--on"],
            "dangjian credits",
        ),
        (
            &["disclosure", "board", "b.json", "--on", "2026-03-10"],
            "dangjian disclosure board",
        ),
        (
            &["disclosure", "verify", "a.json", "b.json"],
            "dangjian disclosure verify",
        ),
        (&["disclosure", "publish"], "dangjian disclosure"),
        (&["member", "check", "m.json"], "dangjian member check"),
        (
            &["member", "check", "--on", "2026-11-20"],
            "dangjian member check",
        ),
        (
            &["member", "check", "m.json", "--on", "2026-11-31"],
            "dangjian member check",
        ),
        (
            &[
                "member",
                "check",
                "m.json",
                "--on",
                "2026-11-20",
                "--format",
                "csv",
            ],
            "dangjian member check",
        ),
        (
            &["member", "audit", "m.json", "--on", "2026-11-20"],
            "dangjian member",
        ),
        (&["org"], "dangjian org"),
        (&["org", "check", "o.json"], "dangjian org check"),
        (
            &[
                "org",
                "check",
                "o.json",
                "--on",
                "2026-11-20",
                "--policy",
                "p.json",
            ],
            "dangjian org check",
        ),
    ] {
        let u = usage(args);
        assert_eq!(u.path, path, "{args:?}");
        assert!(
            !u.message.is_empty() && !u.message.contains('\n'),
            "{args:?}: {u:?}"
        );
    }
    assert_eq!(
        usage(&["member"]).message,
        "`dangjian member` needs a command: check"
    );
    assert_eq!(usage(&[]).message, "no command given");
}

#[test]
fn the_month_error_is_the_core_s() {
    let u = usage(&["dues", "r.csv", "--month", "2026/11"]);
    assert!(u.message.contains("INVALID_MONTH"), "{u:?}");
    assert!(u.message.contains("--month"), "{u:?}");
}

#[test]
fn dues_help_lists_every_code_and_alias() {
    let help = dues::after_help();
    for code in dangjian::dues::ItemCode::ALL {
        assert!(help.contains(code.as_str()), "{code}");
    }
    for (name, _) in dangjian_payroll::aliases::HEADERS {
        assert!(help.contains(name), "{name}");
    }
}
