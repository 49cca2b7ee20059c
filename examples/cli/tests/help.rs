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

/// Every page a command has, by the words typed before `--help`.
const PAGES: [&[&str]; 10] = [
    &["dues"],
    &["credits"],
    &["disclosure"],
    &["disclosure", "verify"],
    &["disclosure", "sign"],
    &["disclosure", "board"],
    &["member"],
    &["member", "check"],
    &["org"],
    &["org", "check"],
];

/// The example command lines of a help page: the indented lines that start with `dangjian`.
fn examples(page: &str) -> Vec<String> {
    page.lines()
        .skip_while(|l| !l.starts_with("Example"))
        .filter_map(|l| l.strip_prefix("  dangjian "))
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_page_has_an_example_of_its_own_command() {
    for words in PAGES {
        let mut args = words.to_vec();
        args.push("--help");
        let page = help(&args);
        let own = words.join(" ");
        let found = examples(&page);
        assert!(!found.is_empty(), "`{own} --help` has no example:\n{page}");
        for example in &found {
            assert!(
                example.starts_with(&format!("{own} ")),
                "`{own} --help` shows another command's example: {example}"
            );
        }
    }
}

#[test]
fn the_examples_run_on_the_example_data() {
    // Each example whose files are all in the repository is run as printed, from the repository's root
    // (where its paths start): a usage error (exit 2) would mean the help teaches a command that does not
    // work. Examples naming the reader's own files (a key, a workbook) are left out.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut ran = 0;
    for words in PAGES {
        let mut args = words.to_vec();
        args.push("--help");
        for example in examples(&help(&args)) {
            let line = example.split(" > ").next().unwrap_or(&example);
            let argv: Vec<&str> = line.split_whitespace().collect();
            let files_exist = argv
                .iter()
                .filter(|a| a.contains('.') && !a.starts_with('-') && !a.contains('='))
                .all(|a| root.join(a).exists());
            if !files_exist || line.ends_with('\\') {
                continue;
            }
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_dangjian"))
                .args(&argv)
                .current_dir(&root)
                .output()
                .expect("the binary runs");
            // 0, or 1 where the example data holds a finding or a bad line on purpose; never 2.
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "`dangjian {line}` exits {:?}: {}",
                out.status.code(),
                common::stderr(&out)
            );
            ran += 1;
        }
    }
    // dues, credits, verify (twice), board (twice), member check (twice), org check (twice).
    assert!(ran >= 10, "only {ran} examples ran");
}
