//! Writes generated national data (seeded, deterministic: the same arguments give the same bytes) for the
//! checks at scale — a province's 基层党委 units with their branches, groups, members, 2026-Q1 meetings with
//! attendance, elections and 民主评议:
//!
//! ```sh
//! cargo run --release -p dangjian --example national -- org 100 > org.json          # one org check document
//! cargo run --release -p dangjian --example national -- org-lines 3450 > prov.jsonl  # one unit a line
//! cargo run --release -p dangjian --example national -- members 100 > members.json   # member check document
//! cargo run --release -p dangjian --example national -- member-lines 100 > m.jsonl   # one record a line
//! ```
//!
//! An optional third argument is the seed (default 2026). Totals go to stderr.
#![allow(clippy::indexing_slicing)]

use std::io::Write;

#[path = "../benches/support/national.rs"]
mod national;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let what = args.first().map_or("org", String::as_str);
    let units: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(10);
    let seed: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(2026);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let totals = match what {
        "org" => {
            let (json, t) = national::org_document(seed, units);
            writeln!(out, "{json}")?;
            t
        }
        "org-lines" => {
            let mut all = national::Totals::default();
            for u in 0..units {
                let (line, t) = national::org_bundle(seed, u);
                writeln!(out, "{line}")?;
                all.orgs += t.orgs;
                all.people += t.people;
                all.members += t.members;
                all.meetings += t.meetings;
            }
            all
        }
        "members" => {
            let (json, t) = national::member_document(seed, units, true);
            writeln!(out, "{json}")?;
            t
        }
        "member-lines" => {
            let (lines, t) = national::member_lines(seed, units, true);
            out.write_all(lines.as_bytes())?;
            t
        }
        other => {
            eprintln!("unknown output `{other}`: org, org-lines, members or member-lines");
            std::process::exit(2);
        }
    };
    out.flush()?;
    eprintln!(
        "{units} units: {} organizations, {} people ({} full or probationary members), {} meetings",
        totals.orgs, totals.people, totals.members, totals.meetings
    );
    Ok(())
}
