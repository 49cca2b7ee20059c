//! 民主评议: probationary members take part ungraded, 优秀 at most 1/3 of those graded, every full member rated.

use super::*;
use crate::membership::org_fixtures::{codes, full, fulls, policy, probationary, tree};

/// A round of B1 on 2026-01-20 with `(member, rating)` pairs ("" for no rating).
fn round(ratings: &[(&str, &str)]) -> ReviewRound {
    let ratings: Vec<_> = ratings
        .iter()
        .map(|(m, r)| {
            if r.is_empty() {
                serde_json::json!({"member": m})
            } else {
                serde_json::json!({"member": m, "rating": r})
            }
        })
        .collect();
    serde_json::from_value(
        serde_json::json!({"org":"B1","year":2025,"date":"2026-01-20","ratings":ratings}),
    )
    .unwrap()
}

/// `n` full members of B1 (M1…Mn) rated, the first `excellent` of them 优秀 and the rest 合格.
fn graded(n: usize, excellent: usize) -> RatingReport {
    let records = fulls("M", "B1", n);
    let ids: Vec<String> = (1..=n).map(|i| format!("M{i}")).collect();
    let pairs: Vec<(&str, &str)> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            (
                id.as_str(),
                if i < excellent {
                    "excellent"
                } else {
                    "qualified"
                },
            )
        })
        .collect();
    rate_review(&policy(), &tree(), &records, &round(&pairs)).unwrap()
}

#[test]
fn excellent_is_at_most_a_third_of_those_graded() {
    let ok = graded(9, 3);
    assert_eq!((ok.graded, ok.excellent_max), (9, 3));
    assert!(ok.findings.is_empty());
    let over = graded(9, 4);
    let f = over
        .findings
        .iter()
        .find(|f| f.code == "EXCELLENT_QUOTA_EXCEEDED")
        .unwrap();
    assert_eq!(f.severity, crate::Severity::Violation);
    assert_eq!(
        f.citation.as_ref().unwrap().regulation,
        "中国共产党党员教育管理工作条例"
    );
    assert!(graded(10, 3).findings.is_empty());
    assert_eq!(graded(10, 3).excellent_max, 3);
    assert_eq!(codes(&graded(10, 4).findings), ["EXCELLENT_QUOTA_EXCEEDED"]); // 4 × 3 = 12 > 10
    assert!(graded(12, 4).findings.is_empty());
}

#[test]
fn probationary_members_take_part_but_are_not_graded() {
    let mut records = fulls("M", "B1", 3);
    records.push(probationary("P", "B1"));
    let r = rate_review(
        &policy(),
        &tree(),
        &records,
        &round(&[
            ("M1", "excellent"),
            ("M2", "qualified"),
            ("M3", "qualified"),
            ("P", ""),
        ]),
    )
    .unwrap();
    assert!(r.findings.is_empty());
    assert_eq!(
        (
            r.graded,
            r.counts.not_graded,
            r.counts.excellent,
            r.counts.qualified
        ),
        (3, 1, 1, 2)
    );
    let r = rate_review(
        &policy(),
        &tree(),
        &records,
        &round(&[
            ("M1", "qualified"),
            ("M2", "qualified"),
            ("M3", "qualified"),
            ("P", "excellent"),
        ]),
    )
    .unwrap();
    assert_eq!(codes(&r.findings), ["PROBATIONARY_GRADED"]);
    // The grade given to the probationary member is neither counted nor held against the quota.
    assert_eq!((r.graded, r.counts.excellent), (3, 0));
}

#[test]
fn every_full_member_of_the_branch_and_its_groups_should_be_rated() {
    let mut records = fulls("M", "B1", 2);
    records.push(full("G", "P1"));
    records.push(probationary("P", "B1")); // not graded anyway: not missing
    let r = rate_review(
        &policy(),
        &tree(),
        &records,
        &round(&[("M1", "qualified"), ("G", "basically_qualified")]),
    )
    .unwrap();
    assert_eq!(codes(&r.findings), ["MEMBER_NOT_RATED"]);
    assert!(r.findings[0].message_en.contains("M2"));
    assert_eq!(r.findings[0].severity, crate::Severity::Warning);
    assert_eq!(
        (
            r.counts.qualified,
            r.counts.basically_qualified,
            r.counts.unqualified
        ),
        (1, 1, 0)
    );
    let r = rate_review(
        &policy(),
        &tree(),
        &records,
        &round(&[("M1", "qualified"), ("M2", ""), ("G", "unqualified")]),
    )
    .unwrap();
    assert_eq!(codes(&r.findings), ["MEMBER_NOT_GRADED"]);
}

#[test]
fn someone_not_a_member_of_the_organization_is_an_input_error() {
    let mut records = fulls("M", "B1", 2);
    records.push(full("O", "B2"));
    let refused = |ratings: &[(&str, &str)]| {
        rate_review(&policy(), &tree(), &records, &round(ratings)).unwrap_err()
    };
    let e = refused(&[("M1", "qualified"), ("O", "qualified")]);
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("UNKNOWN_MEMBER", "ratings[1].member")
    );
    assert_eq!(refused(&[("Z", "qualified")]).code(), "UNKNOWN_MEMBER");
    let e = refused(&[("M1", "qualified"), ("M1", "excellent")]);
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("DUPLICATE_MEMBER", "ratings[1].member")
    );
    let mut other = round(&[]);
    other.org = "X".into();
    assert_eq!(
        rate_review(&policy(), &tree(), &records, &other)
            .unwrap_err()
            .code(),
        "UNKNOWN_ORG"
    );
}

#[test]
fn check_orgs_reports_the_round_under_its_organization() {
    let mut doc = crate::membership::org_fixtures::doc(fulls("M", "B1", 3));
    doc.reviews.push(round(&[
        ("M1", "excellent"),
        ("M2", "excellent"),
        ("M3", "qualified"),
    ]));
    let r = crate::membership::check_orgs(
        &policy(),
        &doc,
        crate::membership::org_fixtures::d("2026-03-01"),
    )
    .unwrap();
    let b1 = r.orgs.iter().find(|s| s.org == "B1").unwrap();
    assert_eq!(b1.reviews.len(), 1);
    assert!(codes(&r.findings).contains(&"EXCELLENT_QUOTA_EXCEEDED"));
    doc.reviews[0].ratings[0].member = "Z".into();
    let e = crate::membership::check_orgs(
        &policy(),
        &doc,
        crate::membership::org_fixtures::d("2026-03-01"),
    )
    .unwrap_err();
    assert_eq!(e.detail().field, "reviews[0].ratings[0].member");
}
