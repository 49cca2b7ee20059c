//! The code registry against the repository: `core/CODES.md` is the registry's table; every code that the
//! sources, the vectors, the docs or the TypeScript declarations name is registered; every registered code is
//! produced by some test (or its entry says why none can).
//!
//! Refresh the table after changing `core/src/codes/table.rs`:
//! `UPDATE_CODES=1 cargo test -p dangjian --test codes_registry`.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use dangjian::codes::{self, Code};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Tokens that look like codes but are not: each with why.
const NOT_CODES: &[(&str, &str)] = &[
    ("CARGO_PKG_VERSION", "an environment variable of cargo"),
    ("SCREAMING_SNAKE_CASE", "serde's name of a case style"),
    ("SCREAMING_SNAKE", "the name of the codes' style in prose"),
    (
        "POLICY_JSON",
        "a made-up code in error::from_json's doc example",
    ),
    ("ANDROID_HOME", "an environment variable in the README"),
    (
        "MAX_CELLS",
        "a limit's constant name in the payroll reader's docs",
    ),
    (
        "MAX_CELL_CHARS",
        "a limit's constant name in the payroll reader's docs",
    ),
    (
        "MAX_COLUMNS",
        "a limit's constant name in the payroll reader's docs",
    ),
    (
        "MAX_ENTRIES",
        "a limit's constant name in the payroll reader's docs",
    ),
    (
        "MAX_ENTRY_BYTES",
        "a limit's constant name in the payroll reader's docs",
    ),
    (
        "MAX_FILE_BYTES",
        "a limit's constant name in the payroll reader's docs",
    ),
    (
        "MAX_RECORD_BYTES",
        "a limit's constant name in the payroll reader's docs",
    ),
    (
        "MAX_ROWS",
        "a limit's constant name in the payroll reader's docs",
    ),
    (
        "MAX_SHARED_STRINGS",
        "a limit's constant name in the payroll reader's docs",
    ),
    (
        "MAX_TOTAL_BYTES",
        "a limit's constant name in the payroll reader's docs",
    ),
    ("ANDROID_NDK_HOME", "an environment variable in the README"),
    (
        "UPDATE_CODES",
        "the environment variable that refreshes core/CODES.md",
    ),
];

/// Where codes are named for hosts: each must be in the registry.
const NAMED_IN: &[&str] = &[
    "core/src",
    "bindings/src",
    "wasm/src",
    "examples/cli/src",
    "examples/payroll/src",
    "tests/vectors",
    "README.md",
    "core/README.md",
    "bindings/README.md",
    "wasm/README.npm.md",
];

/// Where tests live: each registered code must appear in one of them (besides the `*tests*.rs` files and
/// `*tests*` folders anywhere under the sources).
const TESTS_IN: &[&str] = &[
    "tests/vectors",
    "core/tests",
    "tests/kotlin",
    "tests/python",
    "tests/js",
    "tests/web",
    "examples/cli/tests",
    "wasm/tests",
];

const TEXT_FILES: &[&str] = &["rs", "md", "json", "ts", "mjs", "js", "kt", "py"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every text file under `rel` (a file or a folder), as (path relative to the root, contents).
fn files(rel: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![root().join(rel)];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if ["target", "node_modules", ".git"].contains(&name) {
                continue;
            }
            for e in fs::read_dir(&p).unwrap() {
                stack.push(e.unwrap().path());
            }
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| TEXT_FILES.contains(&e))
        {
            let text = fs::read_to_string(&p).unwrap();
            let shown = p
                .strip_prefix(root())
                .unwrap_or(&p)
                .to_string_lossy()
                .replace('\\', "/");
            out.push((shown, text));
        }
    }
    out.sort();
    out
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// `MISSING_INCOME`-shaped: upper case, digits and at least one inner underscore.
fn looks_like_code(t: &str) -> bool {
    t.starts_with(|c: char| c.is_ascii_uppercase())
        && t.contains('_')
        && !t.ends_with('_')
        && !t.contains("__")
        && t.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// Code-shaped tokens written as a whole string literal (`"CODE"`, `'CODE'`) or a whole code span (`` `CODE` ``),
/// with the line each is on and the quote it was written in.
fn quoted_tokens(text: &str) -> Vec<(String, usize, char)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let q = chars[i];
            if matches!(q, '"' | '\'' | '`') {
                let end = (i + 1..chars.len())
                    .find(|&j| !is_word(chars[j]))
                    .unwrap_or(chars.len());
                if end < chars.len() && chars[end] == q && end > i + 1 {
                    let token: String = chars[i + 1..end].iter().collect();
                    if looks_like_code(&token) {
                        out.push((token, n + 1, q));
                    }
                    i = end + 1;
                    continue;
                }
            }
            i += 1;
        }
    }
    out
}

/// The names of Rust constants and statics: a code span naming one (`` `MAX_POINTS` ``) is not a code.
fn rust_constants(sources: &[(String, String)]) -> HashSet<String> {
    let mut out = HashSet::new();
    for (_, text) in sources.iter().filter(|(p, _)| p.ends_with(".rs")) {
        for w in text
            .split(|c: char| !is_word(c))
            .collect::<Vec<_>>()
            .windows(2)
        {
            if (w[0] == "const" || w[0] == "static") && looks_like_code(w[1]) {
                out.insert(w[1].to_owned());
            }
        }
    }
    out
}

fn registered() -> HashSet<&'static str> {
    codes::all().map(|i| i.code.as_str()).collect()
}

#[test]
fn codes_table_is_current() {
    let path = root().join("core/CODES.md");
    let want = format!(
        "## Every code\n\nGenerated from the registry (`core/src/codes/table.rs`) by the test `codes_table_is_current`; do not \
         edit by hand. *Kind*: `error` — the call failed; `finding` — a result carries it; `step` — a next step; `outcome` — \
         a credits entry's reason or an audit log's break. The messages here are generic; each call site says more.\n\n{}",
        codes::markdown_table()
    );
    let have = fs::read_to_string(&path).unwrap_or_default();
    if have == want {
        return;
    }
    if std::env::var_os("UPDATE_CODES").is_some() {
        fs::write(&path, &want).unwrap();
        return;
    }
    panic!(
        "core/CODES.md is not the registry's table ({} codes). Refresh it with:\n\n    \
         UPDATE_CODES=1 cargo test -p dangjian --test codes_registry\n",
        codes::all().count()
    );
}

#[test]
fn every_code_named_anywhere_is_registered() {
    let known = registered();
    let ignored: HashSet<&str> = NOT_CODES.iter().map(|(t, _)| *t).collect();
    let sources: Vec<(String, String)> = NAMED_IN.iter().flat_map(|r| files(r)).collect();
    let constants = rust_constants(&sources);
    let mut missing: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (path, text) in &sources {
        for (token, line, quote) in quoted_tokens(text) {
            let a_constant = quote == '`' && constants.contains(&token);
            if known.contains(token.as_str()) || ignored.contains(token.as_str()) || a_constant {
                continue;
            }
            missing
                .entry(token)
                .or_default()
                .push(format!("{path}:{line}"));
        }
    }
    if missing.is_empty() {
        return;
    }
    let mut msg = format!(
        "{} code(s) are named but not in the registry:\n",
        missing.len()
    );
    for (code, seen) in &missing {
        let more = if seen.len() > 3 {
            format!(" and {} more", seen.len() - 3)
        } else {
            String::new()
        };
        msg += &format!(
            "  {code}  seen at {}{more}\n",
            seen[..seen.len().min(3)].join(", ")
        );
    }
    msg += "Add each to core/src/codes/table.rs, one line a code:\n    Variant = \"CODE\", Area, Kind, \"中文\", \"English\";\n\
            then refresh core/CODES.md (UPDATE_CODES=1 cargo test -p dangjian --test codes_registry). A token that is \
            not a code goes into NOT_CODES in core/tests/codes_registry.rs with why.";
    panic!("{msg}");
}

/// A `*tests*.rs` file or a file in a `*tests*` folder under the sources.
fn is_test_source(path: &str) -> bool {
    path.ends_with(".rs")
        && path
            .rsplit('/')
            .enumerate()
            .any(|(i, part)| part.contains("tests") && (i > 0 || part.ends_with(".rs")))
}

/// The parts of a source file that are tests: the examples of its rustdoc (doctests) and its `#[cfg(test)]` module
/// (from that line to the end of the file, where this project keeps it).
fn test_parts(text: &str) -> String {
    let mut out = String::new();
    let mut in_example = false;
    for (n, line) in text.lines().enumerate() {
        let t = line.trim_start();
        if t == "#[cfg(test)]" {
            out.extend(text.lines().skip(n).map(|l| format!("{l}\n")));
            break;
        }
        let Some(doc) = t.strip_prefix("///").or_else(|| t.strip_prefix("//!")) else {
            in_example = false;
            continue;
        };
        if doc.trim_start().starts_with("```") {
            in_example = !in_example;
        } else if in_example {
            out.push_str(doc);
            out.push('\n');
        }
    }
    out
}

#[test]
fn every_registered_code_is_produced_by_a_test() {
    let mut corpus: Vec<(String, String)> = TESTS_IN.iter().flat_map(|r| files(r)).collect();
    for r in [
        "core/src",
        "bindings/src",
        "wasm/src",
        "examples/cli/src",
        "examples/payroll/src",
    ] {
        for (path, text) in files(r) {
            if is_test_source(&path) {
                corpus.push((path, text));
            } else if path.ends_with(".rs") {
                corpus.push((path, test_parts(&text)));
            }
        }
    }
    corpus.retain(|(p, _)| !p.ends_with("core/tests/codes_registry.rs"));
    let mut words: HashSet<&str> = HashSet::new();
    for (_, text) in &corpus {
        words.extend(text.split(|c: char| !is_word(c)).filter(|w| !w.is_empty()));
    }
    let untested: Vec<String> = codes::all()
        .filter(|i| i.untested.is_none() && !words.contains(i.code.as_str()))
        .map(|i| format!("  {} ({}, {})", i.code, i.area.as_str(), i.kind.as_str()))
        .collect();
    assert!(
        untested.is_empty(),
        "{} registered code(s) appear in no test:\n{}\nAdd a test that produces each (a case in tests/vectors runs on every \
         surface; a Rust test will do for a finding), or, when no input can produce it, give its line in \
         core/src/codes/table.rs `untested = \"why\"`.",
        untested.len(),
        untested.join("\n")
    );
}

#[test]
fn the_scanner_sees_what_it_should() {
    let t = quoted_tokens(
        "x(\"MISSING_INCOME\", `DUES_LAPSE`) 'A_B' \"lower_case\" \"NOT_CLOSED x\" TALK_LATE",
    );
    let got: Vec<&str> = t.iter().map(|(s, _, _)| s.as_str()).collect();
    assert_eq!(got, ["MISSING_INCOME", "DUES_LAPSE", "A_B"]);
    assert!(is_test_source(
        "core/src/membership/development_tests/applicant.rs"
    ));
    assert!(is_test_source("core/src/dues/tests.rs"));
    assert!(!is_test_source("core/src/dues/assess.rs"));
    let src = "/// `A_B` in prose\n/// ```\n/// f(\"C_D\");\n/// ```\nfn x() { \"E_F\" }\n#[cfg(test)]\nmod tests { \"G_H\" }\n";
    let parts = test_parts(src);
    assert!(parts.contains("C_D") && parts.contains("G_H"));
    assert!(!parts.contains("A_B") && !parts.contains("E_F"));
    let known: BTreeSet<Code> = codes::all().map(|i| i.code).collect();
    assert_eq!(known.len(), codes::all().count());
}
