//! Test fixtures for the organization rules: trees, imported members, documents.

use serde_json::json;

use super::organization::OrgDocument;
use super::record::MemberRecord;
pub(crate) use super::test_support::d;
use super::test_support::rec_in;
use crate::disclosure::OrgTree;
use crate::{Finding, Policy};

pub(crate) fn policy() -> Policy {
    Policy::bundled()
}

/// A member imported at `stage` ("full" or "probationary") on `since`.
pub(crate) fn member(id: &str, org: &str, stage: &str, since: &str) -> MemberRecord {
    rec_in(
        id,
        org,
        "1980-01-01",
        &[("imported", since, json!({"stage": stage}))],
    )
}

/// A full member since 2010 (the bulk of most fixtures).
pub(crate) fn full(id: &str, org: &str) -> MemberRecord {
    member(id, org, "full", "2010-07-01")
}

/// A probationary member admitted on 2025-10-01 (still probationary through 2026-09-30).
pub(crate) fn probationary(id: &str, org: &str) -> MemberRecord {
    member(id, org, "probationary", "2025-10-01")
}

/// A full member under a one-year 留党察看 decided on `on`.
pub(crate) fn under_party_probation(id: &str, org: &str, on: &str) -> MemberRecord {
    rec_in(
        id,
        org,
        "1980-01-01",
        &[
            ("imported", "2010-07-01", json!({"stage": "full"})),
            (
                "sanction",
                on,
                json!({"sanction": "probation_within_party", "years": 1}),
            ),
        ],
    )
}

/// `n` full members `{prefix}1…` of `org`.
pub(crate) fn fulls(prefix: &str, org: &str, n: usize) -> Vec<MemberRecord> {
    (1..=n)
        .map(|i| full(&format!("{prefix}{i}"), org))
        .collect()
}

/// Committee C1 › general branch G1 › branch B1 › group P1, and branch B2 directly under C1.
pub(crate) fn tree() -> OrgTree {
    serde_json::from_str(
        r#"[{"id":"C1","kind":"committee"},{"id":"G1","parent":"C1","kind":"general_branch"},
        {"id":"B1","parent":"G1","kind":"branch"},{"id":"P1","parent":"B1","kind":"group"},
        {"id":"B2","parent":"C1","kind":"branch"}]"#,
    )
    .unwrap()
}

/// A document over [`tree`] with the members given.
pub(crate) fn doc(members: Vec<MemberRecord>) -> OrgDocument {
    OrgDocument {
        orgs: tree(),
        details: Vec::new(),
        members,
        meetings: Vec::new(),
        elections: Vec::new(),
        reviews: Vec::new(),
        period: None,
    }
}

pub(crate) fn codes(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.code.as_str()).collect()
}
