//! Every "RULES §n" cited anywhere in the repository resolves to a section of `core/RULES.md`.
//!
//! The code, tests and vectors cite the regulation digest by section ("RULES §2", "RULES §2–§5"); the digest lives in
//! the repository so that a reader of the repository alone can follow each citation. This test reads every text file
//! of the repository's source folders, collects the cited sections and fails on any that has no `## n.` heading.
#![allow(clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The section numbers headed `## n.` in the digest.
fn digest_sections() -> BTreeSet<u32> {
    let digest =
        fs::read_to_string(repo_root().join("core/RULES.md")).expect("core/RULES.md exists");
    digest
        .lines()
        .filter_map(|line| line.strip_prefix("## "))
        .filter_map(|rest| rest.split('.').next()?.trim().parse().ok())
        .collect()
}

/// The section numbers one text cites: "RULES §n", "RULES §n–§m" (a range: every section in it) and "RULES §n, §m".
fn cited_sections(text: &str) -> Vec<u32> {
    let mut found = Vec::new();
    for (start, _) in text.match_indices("RULES §") {
        let rest = &text[start + "RULES ".len()..];
        let mut numbers = Vec::new();
        let mut range = false;
        let mut chars = rest.char_indices().peekable();
        while let Some((_, c)) = chars.next() {
            if c != '§' {
                break;
            }
            let digits: String =
                std::iter::from_fn(|| chars.next_if(|(_, d)| d.is_ascii_digit()).map(|(_, d)| d))
                    .collect();
            let Ok(n) = digits.parse::<u32>() else { break };
            if range {
                let from = numbers.last().copied().unwrap_or(n);
                numbers.extend(from + 1..=n);
            } else {
                numbers.push(n);
            }
            // A range "–§m" / "-§m", or a list ", §m"; anything else ends the citation.
            range = matches!(chars.peek(), Some((_, '–' | '-')));
            if range {
                chars.next();
            } else if matches!(chars.peek(), Some((_, ','))) {
                chars.next();
                if matches!(chars.peek(), Some((_, ' '))) {
                    chars.next();
                }
            }
        }
        found.extend(numbers);
    }
    found
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name == "target" || name == "node_modules" {
            continue;
        }
        if path.is_dir() {
            walk(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn every_rules_citation_resolves_to_a_section_of_the_digest() {
    let sections = digest_sections();
    assert!(
        sections.len() >= 8,
        "the digest's sections were not found: {sections:?}"
    );
    let root = repo_root();
    let mut files = Vec::new();
    for folder in ["core", "bindings", "wasm", "examples", "tests"] {
        walk(&root.join(folder), &mut files);
    }
    files.push(root.join("README.md"));
    let mut citing = 0;
    let mut unresolved = Vec::new();
    // This file's own examples of the citation grammar are not citations.
    for file in files
        .iter()
        .filter(|f| !f.ends_with("core/tests/rules_digest.rs"))
    {
        let Ok(text) = fs::read_to_string(file) else {
            continue;
        };
        let cited = cited_sections(&text);
        citing += usize::from(!cited.is_empty());
        for n in cited {
            if !sections.contains(&n) {
                unresolved.push(format!(
                    "{}: RULES §{n}",
                    file.strip_prefix(&root).unwrap_or(file).display()
                ));
            }
        }
    }
    assert!(
        citing >= 10,
        "only {citing} files cite the digest: the scan is not reading the repository"
    );
    assert!(
        unresolved.is_empty(),
        "citations with no section in core/RULES.md:\n{}",
        unresolved.join("\n")
    );
}

#[test]
fn citations_are_read_as_single_sections_ranges_and_lists() {
    assert_eq!(cited_sections("see RULES §1."), vec![1]);
    assert_eq!(cited_sections("RULES §2–§5; RULES §8"), vec![2, 3, 4, 5, 8]);
    assert_eq!(cited_sections("(RULES §1, §8)"), vec![1, 8]);
    assert_eq!(cited_sections("RULES §12 worked"), vec![12]);
    assert_eq!(cited_sections("no citation"), Vec::<u32>::new());
}
