//! Transfers at their boundaries: letter validity counting the issue day (10 days in the city, 30 elsewhere),
//! six months away, two years for a graduate, six months' postponement for a transferred probationary member.

use chrono::NaiveDate;

use super::*;
use crate::membership::test_support::{
    d, finding_codes as codes, full_since_2015 as member, review_alone,
};

fn review_of(r: &MemberRecord, on: &str) -> Review {
    review_alone(review, r, &[], &[], on)
}

fn steps(r: &Review) -> Vec<(&str, Option<NaiveDate>)> {
    r.next_steps
        .iter()
        .map(|s| (s.code.as_str(), s.due))
        .collect()
}

const OUT_OTHER: &str = r#"{"kind":"transfer_out","date":"2026-03-01","to_org":"上海某支部"}"#;
const OUT_CITY: &str =
    r#"{"kind":"transfer_out","date":"2026-03-01","to_org":"B9","same_city":true}"#;

#[test]
fn letter_to_another_city_is_valid_thirty_days_counting_the_issue_day() {
    let r = member(OUT_OTHER);
    for on in ["2026-03-01", "2026-03-29", "2026-03-30"] {
        let x = review_of(&r, on);
        assert!(x.findings.is_empty(), "{on}");
        assert_eq!(
            steps(&x),
            [("TRANSFER_REPORT_IN", Some(d("2026-03-30")))],
            "{on}"
        );
    }
    let step = &review_of(&r, "2026-03-01").next_steps[0];
    assert!(step
        .message_en
        .contains("the member reports in at 上海某支部"));
    assert!(
        step.message_en.contains("receiving organization")
            && step.message_en.contains("sending organization")
    );
    for on in ["2026-03-31", "2026-04-01"] {
        let x = review_of(&r, on);
        assert_eq!(codes(&x), ["TRANSFER_LETTER_EXPIRED"], "{on}");
        assert_eq!(x.findings[0].severity, Severity::Warning);
        assert!(x.next_steps.is_empty());
    }
}

#[test]
fn letter_in_the_same_city_is_valid_ten_days() {
    let r = member(OUT_CITY);
    assert_eq!(
        steps(&review_of(&r, "2026-03-10")),
        [("TRANSFER_REPORT_IN", Some(d("2026-03-10")))]
    );
    assert_eq!(
        codes(&review_of(&r, "2026-03-11")),
        ["TRANSFER_LETTER_EXPIRED"]
    );
}

#[test]
fn reporting_in_on_the_last_day_is_on_time_and_the_day_after_is_late() {
    for (reported, expected) in [
        ("2026-03-29", vec![]),
        ("2026-03-30", vec![]),
        ("2026-03-31", vec!["TRANSFER_REPORTED_LATE"]),
    ] {
        let r = member(&format!(
            r#"{OUT_OTHER},{{"kind":"transfer_in","date":"{reported}","from_org":"B1"}}"#
        ));
        let x = review_of(&r, "2026-05-01");
        assert_eq!(codes(&x), expected, "{reported}");
        assert!(x.next_steps.is_empty());
    }
}

#[test]
fn letter_over_29_february() {
    // 2028 is a leap year: 30 days from 2028-02-01, counting that day, end on 2028-03-01.
    let r = member(r#"{"kind":"transfer_out","date":"2028-02-01","to_org":"X"}"#);
    assert!(review_of(&r, "2028-03-01").findings.is_empty());
    assert_eq!(
        codes(&review_of(&r, "2028-03-02")),
        ["TRANSFER_LETTER_EXPIRED"]
    );
}

#[test]
fn away_six_months_is_a_mobile_member() {
    let r = member(r#"{"kind":"away","date":"2026-01-15","place":"深圳"}"#);
    assert!(review_of(&r, "2026-07-14").findings.is_empty());
    for on in ["2026-07-15", "2026-07-16"] {
        let x = review_of(&r, on);
        assert_eq!(codes(&x), ["MOBILE_MEMBER"], "{on}");
        assert_eq!(x.findings[0].severity, Severity::Info);
        assert_eq!(steps(&x), [("TRANSFER_OR_CONTACT", None)]);
    }
}

#[test]
fn away_from_31_august_counts_to_28_february() {
    let r = member(r#"{"kind":"away","date":"2025-08-31"}"#);
    assert!(review_of(&r, "2026-02-27").findings.is_empty());
    assert_eq!(codes(&review_of(&r, "2026-02-28")), ["MOBILE_MEMBER"]);
}

#[test]
fn returning_or_transferring_ends_mobility() {
    for end in [
        r#"{"kind":"returned","date":"2026-05-01"}"#,
        r#"{"kind":"transfer_out","date":"2026-05-01","to_org":"X"},{"kind":"transfer_in","date":"2026-05-03","from_org":"B1"}"#,
    ] {
        let r = member(&format!(r#"{{"kind":"away","date":"2026-01-15"}},{end}"#));
        let x = review_of(&r, "2026-09-01");
        assert!(x.findings.is_empty() && x.next_steps.is_empty(), "{end}");
    }
}

#[test]
fn graduate_relationship_kept_at_most_two_years() {
    let r = member(r#"{"kind":"graduated","date":"2024-07-01"}"#);
    for on in ["2026-06-29", "2026-06-30"] {
        let x = review_of(&r, on);
        assert!(x.findings.is_empty(), "{on}");
        assert_eq!(steps(&x), [("TRANSFER_OUT", Some(d("2026-06-30")))]);
    }
    for on in ["2026-07-01", "2026-07-02"] {
        let x = review_of(&r, on);
        assert_eq!(codes(&x), ["GRADUATE_RELATIONSHIP_OVERDUE"], "{on}");
        assert_eq!(x.findings[0].severity, Severity::Violation);
    }
    let moved = member(
        r#"{"kind":"graduated","date":"2024-07-01"},{"kind":"transfer_out","date":"2025-01-10","to_org":"X"},
           {"kind":"transfer_in","date":"2025-01-20","from_org":"B1"}"#,
    );
    let x = review_of(&moved, "2026-07-01");
    assert!(x.findings.is_empty() && x.next_steps.is_empty());
}

#[test]
fn graduate_on_29_february() {
    let r = member(r#"{"kind":"graduated","date":"2024-02-29"}"#);
    assert_eq!(
        steps(&review_of(&r, "2025-01-01")),
        [("TRANSFER_OUT", Some(d("2026-02-27")))]
    );
    assert!(review_of(&r, "2026-02-27").findings.is_empty());
    assert_eq!(
        codes(&review_of(&r, "2026-02-28")),
        ["GRADUATE_RELATIONSHIP_OVERDUE"]
    );
}

fn probationary(transfer_in: &str) -> MemberRecord {
    serde_json::from_str(&format!(
        r#"{{"id":"M1","name":"甲","birth_date":"1990-01-01","org":"B1","events":[
        {{"kind":"imported","date":"2025-06-10","stage":"probationary"}},
        {{"kind":"transfer_out","date":"{transfer_in}","to_org":"B1","same_city":true}},
        {{"kind":"transfer_in","date":"{transfer_in}","from_org":"B0"}}]}}"#
    ))
    .unwrap()
}

#[test]
fn probationary_member_transferred_in_may_be_converted_up_to_six_months_late() {
    // Probation from 2025-06-10 ends 2026-06-10; conversion may be postponed to 2026-12-10 at the latest.
    let x = review_of(&probationary("2026-06-09"), "2026-06-09");
    assert_eq!(codes(&x), ["TRANSFERRED_PROBATION"]);
    assert!(x.findings[0].message_en.contains("2026-12-10"));
    assert_eq!(x.findings[0].also_cited[0].article, "第七条");
    // A transfer on the day probation ends is no longer during probation.
    assert!(review_of(&probationary("2026-06-10"), "2026-06-10")
        .findings
        .is_empty());
    assert_eq!(
        codes(&review_of(&probationary("2025-06-10"), "2025-07-01")),
        ["TRANSFERRED_PROBATION"]
    );
}
