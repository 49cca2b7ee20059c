//! `dangjian org check FILE.json --on DATE [--format table|json]`: the organizations of a document checked on
//! one day (structure, terms and elections — RULES §3).
//!
//! The file is the core's `membership::OrgDocument`, read as it is; the rules are the core's `check_orgs`.
//! `--format table` (the default) prints one line per finding, `[SEVERITY] CODE  message — citation` (or
//! `no findings`), `--format json` the core's report. Exit status 1 when a finding is a violation, 2 when the
//! file cannot be read or is not an organization document.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use dangjian::membership::{check_orgs, OrgDocument, OrgReport};
use dangjian::{Policy, Severity};

use crate::disclosure_cmd::read_text;
use crate::error::CliError;
use crate::member_cmd::{finding_line, Format};

/// `org check`'s arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OrgCheckArgs {
    /// The organization document.
    pub(crate) file: PathBuf,
    /// The day of the check.
    pub(crate) on: NaiveDate,
    /// How to print.
    pub(crate) format: Format,
}

/// Runs the check: the report on stdout, a count on stderr.
pub(crate) fn check(args: &OrgCheckArgs) -> Result<ExitCode, CliError> {
    let shown = args.file.display().to_string();
    let doc = OrgDocument::from_json(&read_text(&args.file)?)
        .map_err(|e| CliError::input(format!("{shown}: {}", e.detail())))?;
    let report = check_orgs(&Policy::bundled(), &doc, args.on)
        .map_err(|e| CliError::input(format!("{shown}: {}", e.detail())))?;
    crate::say(&render(&report, args.format)?);
    eprintln!("{}: {} finding(s)", args.on, report.findings.len());
    let violation = report
        .findings
        .iter()
        .any(|f| f.severity == Severity::Violation);
    Ok(if violation {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The one place that knows how the core's organization check is called (its signature is still settling).
/// The report as the format asks.
fn render(report: &OrgReport, format: Format) -> Result<String, CliError> {
    Ok(match format {
        Format::Json => {
            dangjian::error::to_json(report).map_err(|e| CliError::input(e.detail().to_string()))?
                + "\n"
        }
        Format::Table if report.findings.is_empty() => "no findings\n".to_owned(),
        Format::Table => report
            .findings
            .iter()
            .map(|f| finding_line(f) + "\n")
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dangjian::Finding;

    #[test]
    fn tables_and_json() {
        let mut report = OrgReport::default();
        assert_eq!(render(&report, Format::Table).unwrap(), "no findings\n");
        report
            .findings
            .push(Finding::new("X", Severity::Warning, "某事", "x", None));
        assert_eq!(
            render(&report, Format::Table).unwrap(),
            "[warning] X  某事\n"
        );
        assert!(render(&report, Format::Json)
            .unwrap()
            .starts_with(r#"{"findings":[{"code":"X""#));
    }
}
