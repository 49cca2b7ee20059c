//! Elections: 4/5 quorum of those entitled, more than half of those present to be elected, no vote for
//! probationary members or members under 留党察看.

use super::*;
use crate::membership::org_fixtures::{
    codes, d, full, fulls, policy, probationary, tree, under_party_probation,
};
use crate::Severity;

fn election(json: serde_json::Value) -> Election {
    serde_json::from_value(json).unwrap()
}

fn run(records: &[MemberRecord], e: &Election) -> Result<ElectionReport> {
    evaluate_election(&policy(), &tree(), records, e)
}

fn given(entitled: u32, present: u32, votes: &[u32]) -> ElectionReport {
    let candidates: Vec<_> = votes
        .iter()
        .enumerate()
        .map(|(i, v)| serde_json::json!({"id": format!("C{i}"), "votes": v}))
        .collect();
    run(
        &[],
        &election(serde_json::json!({"id":"E1","org":"B2","date":"2026-03-05",
        "entitled":entitled,"present":present,"candidates":candidates})),
    )
    .unwrap()
}

#[test]
fn the_quorum_is_more_than_four_fifths_of_those_entitled() {
    let eight = given(10, 8, &[8]);
    assert!(!eight.valid);
    assert!(eight.elected.is_empty());
    let f = eight
        .findings
        .iter()
        .find(|f| f.code == "ELECTION_NO_QUORUM")
        .unwrap();
    assert_eq!(f.severity, Severity::Violation);
    assert_eq!(
        f.citation.as_ref().unwrap().regulation,
        "中国共产党基层组织选举工作条例"
    );
    let nine = given(10, 9, &[8]);
    assert!(nine.valid && nine.findings.is_empty());
    assert_eq!(nine.elected, ["C0"]);
    // 4 of 5 is exactly 4/5, not more.
    assert!(!given(5, 4, &[]).valid);
    assert!(given(5, 5, &[]).valid);
}

#[test]
fn a_candidate_needs_more_than_half_of_those_present() {
    let nine = given(10, 9, &[5, 4]);
    assert_eq!(
        (nine.elected.clone(), nine.not_elected.clone()),
        (vec!["C0".to_owned()], vec!["C1".to_owned()])
    );
    let ten = given(10, 10, &[6, 5]);
    assert_eq!(ten.elected, ["C0"]);
    assert_eq!(ten.not_elected, ["C1"]);
}

#[test]
fn inconsistent_counts_are_input_errors() {
    let e = run(&[], &election(serde_json::json!({"id":"E1","org":"B2","date":"2026-03-05","entitled":10,"present":11})))
        .unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("PRESENT_EXCEEDS_ENTITLED", "present")
    );
    let e = run(
        &[],
        &election(
            serde_json::json!({"id":"E1","org":"B2","date":"2026-03-05","entitled":10,"present":9,
        "candidates":[{"id":"A","votes":9},{"id":"B","votes":10}]}),
        ),
    )
    .unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("VOTES_EXCEED_PRESENT", "candidates[1].votes")
    );
    let e = run(
        &[],
        &election(serde_json::json!({"id":"E1","org":"X","date":"2026-03-05","present":0})),
    )
    .unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("UNKNOWN_ORG", "org")
    );
}

#[test]
fn those_entitled_are_the_full_members_of_the_subtree_on_the_day() {
    let mut records = fulls("M", "B1", 3);
    records.push(full("G", "P1")); // a group member elects the branch committee
    records.push(probationary("P", "B1")); // no vote
    records.push(full("O", "B2")); // another branch
    let r = run(
        &records,
        &election(serde_json::json!({"id":"E1","org":"B1","date":"2026-03-05","present":4})),
    )
    .unwrap();
    assert_eq!(r.entitled, 4);
    assert!(r.valid);
    // A member whose membership begins the day after the election is not yet entitled.
    records.push(crate::membership::org_fixtures::member(
        "N",
        "B1",
        "full",
        "2026-03-06",
    ));
    let r = run(
        &records,
        &election(serde_json::json!({"id":"E1","org":"B1","date":"2026-03-05","present":4})),
    )
    .unwrap();
    assert_eq!(r.entitled, 4);
}

#[test]
fn each_listed_voter_without_the_right_to_elect_is_a_finding() {
    let mut records = fulls("M", "B1", 3);
    records.push(probationary("P", "B1"));
    records.push(full("O", "B2"));
    let r = run(
        &records,
        &election(
            serde_json::json!({"id":"E1","org":"B1","date":"2026-03-05","present":3,
        "voters":["M1","M2","M3","P","O","Z"]}),
        ),
    )
    .unwrap();
    assert_eq!(codes(&r.findings), ["VOTER_NOT_ENTITLED"; 3]);
    assert!(r
        .findings
        .first()
        .unwrap()
        .message_en
        .starts_with("P voted"));
    assert!(r
        .findings
        .first()
        .unwrap()
        .message_en
        .contains("probationary"));
}

#[test]
fn members_under_party_probation_have_no_vote() {
    let mut records = fulls("M", "B1", 4);
    records.push(under_party_probation("S", "B1", "2026-01-10"));
    let r = run(
        &records,
        &election(
            serde_json::json!({"id":"E1","org":"B1","date":"2026-03-05","present":4,
        "voters":["M1","M2","M3","S"]}),
        ),
    )
    .unwrap();
    assert_eq!(r.entitled, 4);
    assert_eq!(codes(&r.findings), ["VOTER_NOT_ENTITLED"]);
    // Before the sanction the same member could elect.
    let r = run(
        &records,
        &election(serde_json::json!({"id":"E1","org":"B1","date":"2026-01-09","present":5})),
    )
    .unwrap();
    assert_eq!(r.entitled, 5);
}

#[test]
fn a_valid_election_restarts_the_term_an_invalid_one_does_not() {
    let mut doc = crate::membership::org_fixtures::doc(fulls("M", "B2", 10));
    doc.details.push(
        serde_json::from_value(
            serde_json::json!({"org":"B2","committee":{"elected_on":"2023-05-10","size":3}}),
        )
        .unwrap(),
    );
    doc.elections.push(election(
        serde_json::json!({"id":"E1","org":"B2","date":"2026-04-01","present":8}),
    ));
    let r = crate::membership::check_orgs(&policy(), &doc, d("2026-06-01")).unwrap();
    let b2 = r.orgs.iter().find(|s| s.org == "B2").unwrap();
    assert_eq!(b2.term.unwrap().elected_on, d("2023-05-10")); // 8 of 10 is no quorum
    assert!(codes(&b2.findings).contains(&"TERM_EXPIRED"));
    assert!(codes(&r.findings).contains(&"ELECTION_NO_QUORUM"));
    doc.elections[0].present = 9;
    let r = crate::membership::check_orgs(&policy(), &doc, d("2026-06-01")).unwrap();
    let b2 = r.orgs.iter().find(|s| s.org == "B2").unwrap();
    assert_eq!(b2.term.unwrap().term_expires, d("2029-04-01"));
    assert_eq!(b2.elections.len(), 1);
    doc.elections[0].present = 11;
    let e = crate::membership::check_orgs(&policy(), &doc, d("2026-06-01")).unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("PRESENT_EXCEEDS_ENTITLED", "elections[0].present")
    );
}
