//! Help and usage errors as a user meets them: each command's own `--help` page, and a mistake answered in
//! two lines on stderr (the error, and which help to read) with exit status 2.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{run, stdout, usage_error};

fn help(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}");
    assert!(out.stderr.is_empty(), "{args:?}");
    stdout(&out)
}

#[test]
fn dues_help_lists_the_payroll_reader_s_headers() {
    let page = help(&["dues", "--help"]);
    // Every header name of the reader's alias table, and the field it maps to: the page is the table.
    for (name, alias) in dangjian_payroll::aliases::HEADERS {
        assert!(page.contains(name), "{name}");
        if let dangjian_payroll::aliases::Alias::To(target) = alias {
            assert!(page.contains(target.field()), "{}", target.field());
        }
    }
    for text in [
        "--month <YYYY-MM>",
        "--map <HEADER=FIELD>",
        "--sheet",
        "Examples:",
    ] {
        assert!(page.contains(text), "{text}");
    }
    // Only dues: no other command's options or formats.
    for other in ["--rank-by", "learning-platform", "--viewer", "branch_vote"] {
        assert!(!page.contains(other), "{other}");
    }
    assert_eq!(help(&["dues", "-h"]), page);
    assert_eq!(help(&["help", "dues"]), page);
}

#[test]
fn each_command_has_its_own_page() {
    for (args, has, lacks) in [
        (&["credits", "--help"][..], "member-points", "养老保险"),
        (&["disclosure", "verify", "--help"], "--receipt", "--viewer"),
        (
            &["disclosure", "sign", "--help"],
            "--private-key",
            "--receipt",
        ),
        (
            &["disclosure", "board", "--help"],
            "confidentiality_reviewer",
            "--rules",
        ),
        (
            &["member", "check", "--help"],
            "branch_vote",
            "三会一课 MEETING",
        ),
        (
            &["org", "check", "--help"],
            "三会一课 MEETING",
            "branch_vote",
        ),
    ] {
        let page = help(args);
        assert!(page.contains(has), "{args:?} lacks {has}");
        assert!(!page.contains(lacks), "{args:?} has {lacks}");
    }
    // The top page: every command and its synopsis, not every command's reference.
    let top = help(&["--help"]);
    for command in ["dues", "credits", "disclosure", "member", "org"] {
        assert!(top.contains(&format!("\n  {command} ")), "{command}");
    }
    assert!(
        !top.contains("养老保险") && top.lines().count() < 60,
        "{top}"
    );
}

#[test]
fn a_bad_month_is_one_line_and_exit_2() {
    let out = run(&["dues", "roster.csv", "--month", "2026-13"]);
    let error = usage_error(&out);
    assert!(
        error.contains("INVALID_MONTH") && error.contains("2026-13"),
        "{error}"
    );
    assert!(common::stderr(&out).ends_with("run `dangjian dues --help`\n"));
}

#[test]
fn an_unknown_flag_is_one_line_and_exit_2() {
    for (args, help) in [
        (
            &["dues", "r.csv", "--month", "2026-11", "--fast"][..],
            "dangjian dues",
        ),
        (
            &["member", "check", "m.json", "--on", "2026-11-20", "--fast"],
            "dangjian member check",
        ),
        (&["--fast"], "dangjian"),
    ] {
        let out = run(args);
        let error = usage_error(&out);
        assert!(error.contains("--fast"), "{error}");
        let stderr = common::stderr(&out);
        assert!(
            stderr.ends_with(&format!("run `{help} --help`\n")),
            "{stderr}"
        );
    }
    // A near miss is named.
    let error = usage_error(&run(&["dues", "r.csv", "--mnth", "2026-11"]));
    assert!(error.contains("--month"), "{error}");
}

#[test]
fn lang_is_accepted_before_or_after_the_command() {
    for args in [
        &["--lang", "en", "dues", "no-such.csv", "--month", "2026-11"][..],
        &["dues", "no-such.csv", "--month", "2026-11", "--lang", "en"],
    ] {
        let out = run(args);
        // Past the command line: the file is what fails (exit 2, no usage hint), in English.
        assert_eq!(out.status.code(), Some(2));
        let err = common::stderr(&out);
        assert!(
            err.contains("cannot read") && !err.contains("--help"),
            "{err}"
        );
    }
    let error = usage_error(&run(&[
        "--lang", "fr", "dues", "r.csv", "--month", "2026-11",
    ]));
    assert!(error.contains("zh or en"), "{error}");
}

#[test]
fn version_is_the_cli_s_and_the_core_s() {
    let v = help(&["--version"]);
    assert!(
        v.starts_with("dangjian ") && v.contains("(rules core "),
        "{v}"
    );
}
