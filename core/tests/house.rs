//! The house rules of `core/src`, checked on the source itself (issue 13, "a house that shows the rules"):
//!
//! - **No import circle between files.** Every non-test file is a node; `A -> B` when A names something
//!   that B defines, through a `use` item or a path written in the code (`crate::…`, `super::…`,
//!   `self::…`, or a path that starts with one of A's own child modules). Comments and string literals
//!   are not read, so a doc link is no import.
//! - **No non-test file over [`MAX_LINES`] lines.**
//! - **No function over [`MAX_FN_LINES`] lines** (from its `fn` line to its closing brace, comments and
//!   string contents not read), so a rule reads as named steps.
//!
//! How a path is resolved to a file, as `farm-studio look` reads the house: the module tree is read from
//! `lib.rs` down through its `mod` declarations (a `#[path]` attribute is followed). A path walks that tree
//! as far as its segments are modules (a first segment bound by a `use` of the module, such as `time` after
//! `use crate::china_time as time`, is replaced by what it binds); the file of the module reached is the
//! one imported. So a name a folder's `mod.rs` re-exports (`super::Scorer`, `crate::Policy`) counts as an
//! import of that `mod.rs` — the folder's face — not of the file behind it. A file and the modules it
//! declares (a `mod.rs` or `lib.rs` and everything in its folder; a file and its own `#[path]` submodules)
//! are one room seen from outside: arrows between them are containment, not imports, so a face's
//! re-exports and its children's `super::` paths to it make no circle.
//!
//! Test files are not nodes and their lines are not counted: a module declared under `#[cfg(test)]` and
//! everything below it (the `tests.rs`, `*_tests.rs` and `*_tests/**` files, `test_support.rs`,
//! `org_fixtures.rs`), and inline `#[cfg(test)] mod … { … }` blocks, which are cut from their file.
//!
//! The reader is `house/reader.rs`. `HOUSE_DEBUG=1 cargo test -p dangjian --test house` prints every arrow
//! with the path that made it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

#[path = "house/reader.rs"]
mod reader;

use reader::{circles, expand, mod_decls, src, strip, ties, House};

/// The most lines a non-test file of `core/src` may have.
const MAX_LINES: usize = 600;

/// The most lines a function of a non-test file may have.
const MAX_FN_LINES: usize = 80;

/// Each function with a body in `code` (comments cut, strings blanked): its name and its lines, from the
/// `fn` line to the line of its closing brace.
fn functions(code: &str) -> Vec<(String, usize)> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(p) = code[at..].find("fn ").map(|p| p + at) {
        at = p + 3;
        let starts_word = p == 0 || !(bytes[p - 1].is_ascii_alphanumeric() || bytes[p - 1] == b'_');
        let name: String = code[at..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !starts_word || name.is_empty() {
            continue;
        }
        // A signature holds no brace: the first `{` or `;` ends it (`;`: a declaration without a body).
        let Some(open) = code[at..].find(['{', ';']).map(|o| o + at) else {
            break;
        };
        if bytes[open] == b';' {
            continue;
        }
        let mut depth = 0usize;
        let mut close = code.len();
        for (k, b) in bytes[open..].iter().enumerate() {
            match b {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = open + k;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.push((name, code[p..=close.min(code.len() - 1)].lines().count()));
    }
    out
}

#[test]
fn no_import_circle_between_core_files() {
    let house = House::read();
    let g = house.graph();
    let problems: Vec<String> = circles(&g)
        .iter()
        .map(|c| format!("import circle: {}{}", c.join(", "), ties(&g, c)))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_big_non_test_file() {
    let house = House::read();
    let mut problems = Vec::new();
    for m in house.modules.iter().filter(|m| !m.test) {
        let raw = fs::read_to_string(src().join(&m.file)).unwrap();
        let lines = raw.lines().count();
        if lines > MAX_LINES {
            problems.push(format!(
                "core/src/{} has {lines} lines (> {MAX_LINES})",
                m.file
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_long_function() {
    let house = House::read();
    let mut problems = Vec::new();
    for m in house.modules.iter().filter(|m| !m.test) {
        let code = strip(&fs::read_to_string(src().join(&m.file)).unwrap(), true);
        for (name, lines) in functions(&code) {
            if lines > MAX_FN_LINES {
                problems.push(format!(
                    "core/src/{}: fn {name} has {lines} lines (> {MAX_FN_LINES})",
                    m.file
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn functions_are_measured_from_fn_to_closing_brace() {
    let code = "trait T {\n    fn declared(&self);\n}\nfn two() {\n    let s = \"  \";\n}\npub fn outer() -> u8 {\n    fn inner() {}\n    if true {\n        1\n    } else {\n        2\n    }\n}\n";
    assert_eq!(
        functions(code),
        vec![
            ("two".to_string(), 3),
            ("outer".to_string(), 8),
            ("inner".to_string(), 1)
        ]
    );
}

/// The reader itself, on a small hand-made house: the resolution rules the checks above rely on.
#[test]
fn reader_cuts_comments_strings_and_test_blocks_and_expands_use_trees() {
    let text =
        "use super::a::{B, c::{D as E, self}};\n// use crate::x::Y;\nlet s = \"crate::z\";\n\
                #[cfg(test)]\nmod tests { use crate::q::R; }\npub use inner::F;\n";
    let code = strip(text, true);
    assert!(!code.contains("crate::x") && !code.contains("crate::z") && !code.contains("crate::q"));
    let mut out = Vec::new();
    expand(
        "super::a::{B, c::{D as E, self}}",
        &mut Vec::new(),
        &mut out,
    );
    let names: Vec<(&str, String)> = out
        .iter()
        .map(|(n, p)| (n.as_str(), p.join("::")))
        .collect();
    assert_eq!(
        names,
        [
            ("B", "super::a::B".to_owned()),
            ("E", "super::a::c::D".to_owned()),
            ("c", "super::a::c".to_owned())
        ]
    );
    let decls =
        mod_decls("#[cfg(test)]\n#[path = \"x_tests.rs\"]\nmod tests;\npub(crate) mod y;\n");
    assert_eq!(
        decls,
        [
            ("tests".to_owned(), Some("x_tests.rs".to_owned()), true),
            ("y".to_owned(), None, false)
        ]
    );
    // A two-file loop is a circle; a chain is not.
    let g: BTreeMap<String, BTreeSet<String>> =
        [("a", vec!["b"]), ("b", vec!["a", "c"]), ("c", vec![])]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
            .collect();
    assert_eq!(circles(&g), [vec!["a".to_owned(), "b".to_owned()]]);
}

/// The real house: `#[path]` submodules and test modules are read where they are declared, and a path
/// through the credits folder's face (`super::time::…`) is containment, no arrow.
#[test]
fn reader_reads_the_real_module_tree() {
    let house = House::read();
    let find = |f: &str| house.modules.iter().find(|m| m.file == f);
    assert!(find("membership/discipline_review.rs").is_some_and(|m| !m.test));
    assert!(find("membership/organization_tests.rs").is_some_and(|m| m.test));
    assert!(find("membership/development_tests/age.rs").is_some_and(|m| m.test));
    let g = house.graph();
    let close = &g["credits/close.rs"];
    assert!(close.contains("id_arena.rs"), "{close:?}");
    assert!(
        !close.contains("credits/mod.rs") && !close.contains("lib.rs"),
        "{close:?}"
    );
}
