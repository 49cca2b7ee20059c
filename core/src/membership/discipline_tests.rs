//! Rights and sanctions at their boundaries. Expected dates come from the regulation's periods (警告 1 year, 严重警告
//! 1.5 years, 撤销党内职务 2 years, 留党察看 1–2 years then 2 years without an equal post, 开除党籍 5 years),
//! counted with the module's convention (the first free day is the decision day N months later).

use super::*;
use crate::membership::test_support::{d, finding_codes, full_since_2015 as member, review_alone};
use crate::membership::{MemberRecord, Review};

fn rights(r: &MemberRecord, on: &str) -> Rights {
    rights_on(&Policy::bundled(), r, d(on)).unwrap()
}

fn all_rights(r: &Rights) -> [bool; 4] {
    [r.may_vote, r.may_elect, r.may_be_elected, r.may_sponsor]
}

fn codes(r: &Rights) -> Vec<&str> {
    r.reasons.iter().map(|f| f.code.as_str()).collect()
}

fn review_of(r: &MemberRecord, on: &str) -> Review {
    review_alone(review, r, &[], &[], on)
}

#[test]
fn full_member_has_every_right_and_no_reason() {
    let r = rights(&member(""), "2026-01-01");
    assert_eq!(all_rights(&r), [true; 4]);
    assert_eq!(r.stage, Stage::Full);
    assert!(r.reasons.is_empty() && r.sanctions.is_empty());
}

#[test]
fn rights_by_stage() {
    let pipeline: MemberRecord = serde_json::from_str(
        r#"{"id":"M2","name":"乙","birth_date":"1990-01-01","org":"B1","events":[
        {"kind":"application","date":"2024-01-10"},
        {"kind":"activist","date":"2024-03-01","recommended_by":"party_members"},
        {"kind":"development_target","date":"2025-03-01"},
        {"kind":"branch_vote","date":"2025-06-10","vote":{"entitled":10,"present":9,"yes":8,"no":1,"abstain":0}},
        {"kind":"approval","date":"2025-07-01"}]}"#,
    )
    .unwrap();
    for (on, stage, code) in [
        ("2024-01-01", Stage::None, "RIGHTS_NOT_A_MEMBER"),
        ("2024-02-01", Stage::Applicant, "RIGHTS_NOT_A_MEMBER"),
        ("2024-06-01", Stage::Activist, "RIGHTS_NOT_A_MEMBER"),
        (
            "2025-04-01",
            Stage::DevelopmentTarget,
            "RIGHTS_NOT_A_MEMBER",
        ),
        ("2025-08-01", Stage::Probationary, "RIGHTS_PROBATIONARY"),
    ] {
        let r = rights(&pipeline, on);
        assert_eq!((r.stage, all_rights(&r)), (stage, [false; 4]), "{on}");
        assert_eq!(codes(&r), [code], "{on}");
    }
    let probationary = rights(&pipeline, "2025-08-01");
    let cite = probationary.reasons[0].citation.as_ref().unwrap();
    assert_eq!(
        (cite.regulation.as_ref(), cite.article.as_ref()),
        ("中国共产党章程", "第七条")
    );
}

#[test]
fn suspended_and_removed_have_no_rights() {
    let suspended = member(r#"{"kind":"suspended","date":"2025-01-01"}"#);
    let r = rights(&suspended, "2025-01-01");
    assert_eq!((r.stage, all_rights(&r)), (Stage::Suspended, [false; 4]));
    assert_eq!(codes(&r), ["RIGHTS_SUSPENDED"]);
    assert_eq!(all_rights(&rights(&suspended, "2024-12-31")), [true; 4]);

    let removed = member(r#"{"kind":"removed","date":"2025-01-01","how":"left_of_own_accord"}"#);
    let r = rights(&removed, "2025-02-01");
    assert_eq!((r.stage, all_rights(&r)), (Stage::Removed, [false; 4]));
    assert_eq!(r.reasons[0].citation.as_ref().unwrap().article, "第九条");
}

#[test]
fn warning_bars_promotion_for_one_year() {
    let r = member(r#"{"kind":"sanction","date":"2025-03-10","sanction":"warning"}"#);
    assert_eq!(rights(&r, "2025-03-09").promotion_barred_until, None);
    let on_day = rights(&r, "2025-03-10");
    assert_eq!(on_day.promotion_barred_until, Some(d("2026-03-10")));
    assert_eq!(all_rights(&on_day), [true; 4]);
    assert_eq!(codes(&on_day), ["PROMOTION_BARRED"]);
    assert_eq!(on_day.sanctions[0].citation.article, "第十条");
    assert_eq!(
        rights(&r, "2026-03-09").promotion_barred_until,
        Some(d("2026-03-10"))
    );
    let free = rights(&r, "2026-03-10");
    assert_eq!(free.promotion_barred_until, None);
    assert!(free.sanctions.is_empty() && free.reasons.is_empty());
}

#[test]
fn warning_on_29_february_ends_on_28_february() {
    let r = member(r#"{"kind":"sanction","date":"2024-02-29","sanction":"warning"}"#);
    assert_eq!(
        rights(&r, "2025-02-27").promotion_barred_until,
        Some(d("2025-02-28"))
    );
    assert_eq!(rights(&r, "2025-02-28").promotion_barred_until, None);
}

#[test]
fn serious_warning_bars_promotion_for_eighteen_months() {
    let r = member(r#"{"kind":"sanction","date":"2025-03-10","sanction":"serious_warning"}"#);
    assert_eq!(
        rights(&r, "2026-09-09").promotion_barred_until,
        Some(d("2026-09-10"))
    );
    assert_eq!(rights(&r, "2026-09-10").promotion_barred_until, None);
}

#[test]
fn removal_from_post_bars_an_equal_post_for_two_years() {
    let r = member(r#"{"kind":"sanction","date":"2025-03-10","sanction":"removal_from_post"}"#);
    let on = rights(&r, "2027-03-09");
    assert_eq!(on.promotion_barred_until, Some(d("2027-03-10")));
    assert_eq!(on.sanctions[0].citation.article, "第十一条");
    assert_eq!(rights(&r, "2027-03-10").promotion_barred_until, None);
}

#[test]
fn the_longest_bar_wins() {
    let r = member(
        r#"{"kind":"sanction","date":"2025-03-10","sanction":"removal_from_post"},
           {"kind":"sanction","date":"2025-06-01","sanction":"warning"}"#,
    );
    let on = rights(&r, "2025-07-01");
    assert_eq!(on.promotion_barred_until, Some(d("2027-03-10")));
    assert_eq!(on.sanctions.len(), 2);
}

#[test]
fn probation_within_party_one_year() {
    let r = member(PROBATION_2025);
    assert_eq!(all_rights(&rights(&r, "2025-03-09")), [true; 4]);
    for on in ["2025-03-10", "2026-03-09"] {
        let x = rights(&r, on);
        assert_eq!(all_rights(&x), [false; 4], "{on}");
        assert_eq!(x.probation_within_party_until, Some(d("2026-03-10")));
        assert_eq!(x.stage, Stage::Full);
        assert!(codes(&x).contains(&"RIGHTS_PROBATION_WITHIN_PARTY"));
        // Provisional: two years after the scheduled end.
        assert_eq!(x.promotion_barred_until, Some(d("2028-03-10")));
    }
    let after = rights(&r, "2026-03-10");
    assert_eq!(all_rights(&after), [true; 4]);
    assert_eq!(after.probation_within_party_until, None);
}

#[test]
fn probation_within_party_two_years_and_29_february() {
    let r = member(
        r#"{"kind":"sanction","date":"2024-02-29","sanction":"probation_within_party","years":2}"#,
    );
    assert_eq!(
        rights(&r, "2026-02-27").probation_within_party_until,
        Some(d("2026-02-28"))
    );
    assert_eq!(all_rights(&rights(&r, "2026-02-28")), [true; 4]);
}

#[test]
fn extension_adds_one_year() {
    let r = member(
        r#"{"kind":"sanction","date":"2025-03-10","sanction":"probation_within_party","years":1},
           {"kind":"sanction_extended","date":"2026-03-10"}"#,
    );
    // Before the extension is recorded the period ends on 2026-03-10; with it, on 2027-03-10.
    assert_eq!(
        rights(&r, "2026-03-09").probation_within_party_until,
        Some(d("2026-03-10"))
    );
    let extended = rights(&r, "2026-03-10");
    assert_eq!(all_rights(&extended), [false; 4]);
    assert_eq!(extended.probation_within_party_until, Some(d("2027-03-10")));
    assert_eq!(all_rights(&rights(&r, "2027-03-09")), [false; 4]);
    assert_eq!(all_rights(&rights(&r, "2027-03-10")), [true; 4]);
}

#[test]
fn restoration_ends_the_period_and_starts_the_two_year_bar() {
    let r = member(
        r#"{"kind":"sanction","date":"2025-03-10","sanction":"probation_within_party","years":1},
           {"kind":"rights_restored","date":"2026-03-12"}"#,
    );
    let restored = rights(&r, "2026-03-12");
    assert_eq!(all_rights(&restored), [true; 4]);
    assert_eq!(restored.probation_within_party_until, None);
    assert_eq!(restored.promotion_barred_until, Some(d("2028-03-12")));
    assert_eq!(
        rights(&r, "2028-03-11").promotion_barred_until,
        Some(d("2028-03-12"))
    );
    assert_eq!(rights(&r, "2028-03-12").promotion_barred_until, None);
}

#[test]
fn early_restoration_ends_the_restrictions_that_day() {
    let r = member(
        r#"{"kind":"sanction","date":"2025-03-10","sanction":"probation_within_party","years":2},
           {"kind":"rights_restored","date":"2026-03-10"}"#,
    );
    assert_eq!(
        rights(&r, "2026-03-09").probation_within_party_until,
        Some(d("2027-03-10"))
    );
    assert_eq!(all_rights(&rights(&r, "2026-03-10")), [true; 4]);
}

#[test]
fn expulsion_bars_readmission_for_five_years() {
    let r = member(
        r#"{"kind":"sanction","date":"2025-03-10","sanction":"probation_within_party","years":1},
           {"kind":"sanction","date":"2025-09-01","sanction":"expulsion"}"#,
    );
    let x = rights(&r, "2025-09-01");
    assert_eq!((x.stage, all_rights(&x)), (Stage::Removed, [false; 4]));
    assert_eq!(x.probation_within_party_until, None);
    assert_eq!(x.promotion_barred_until, None);
    assert_eq!(x.readmission_barred_until, Some(d("2030-09-01")));
    assert_eq!(codes(&x), ["RIGHTS_REMOVED", "READMISSION_BAR"]);
    assert_eq!(x.reasons[0].citation.as_ref().unwrap().article, "第十三条");
    assert_eq!(
        rights(&r, "2030-08-31").readmission_barred_until,
        Some(d("2030-09-01"))
    );
    assert_eq!(rights(&r, "2030-09-01").readmission_barred_until, None);
}

#[test]
fn expulsion_on_29_february() {
    let r = member(r#"{"kind":"sanction","date":"2024-02-29","sanction":"expulsion"}"#);
    assert_eq!(
        rights(&r, "2029-02-27").readmission_barred_until,
        Some(d("2029-02-28"))
    );
    assert_eq!(rights(&r, "2029-02-28").readmission_barred_until, None);
}

fn error(events: &str) -> crate::Error {
    rights_on(&Policy::bundled(), &member(events), d("2030-01-01")).unwrap_err()
}

fn code_and_field(e: &crate::Error) -> (&str, &str) {
    (e.code(), e.detail().field.as_str())
}

#[test]
fn probation_within_party_needs_one_or_two_years() {
    for years in ["", r#","years":0"#, r#","years":3"#] {
        let e = error(&format!(
            r#"{{"kind":"sanction","date":"2025-03-10","sanction":"probation_within_party"{years}}}"#
        ));
        assert_eq!(
            code_and_field(&e),
            ("INVALID_SANCTION_YEARS", "events[1].years"),
            "{years}"
        );
        assert_eq!(e.kind(), "invalid_input");
    }
}

#[test]
fn years_on_another_sanction_is_an_error() {
    let e = error(r#"{"kind":"sanction","date":"2025-03-10","sanction":"warning","years":1}"#);
    assert_eq!(
        code_and_field(&e),
        ("INVALID_SANCTION_YEARS", "events[1].years")
    );
}

/// 留党察看 for one year from 2025-03-10.
const PROBATION_2025: &str =
    r#"{"kind":"sanction","date":"2025-03-10","sanction":"probation_within_party","years":1}"#;
/// 留党察看 for two years from 2025-03-10 (which cannot be extended).
const PROBATION_2025_TWO_YEARS: &str =
    r#"{"kind":"sanction","date":"2025-03-10","sanction":"probation_within_party","years":2}"#;

/// Each of `cases` (the events after the import, and the field at fault) is refused with `code`.
fn refused_with(code: &str, cases: &[(String, &str)]) {
    for (events, field) in cases {
        assert_eq!(code_and_field(&error(events)), (code, *field), "{events}");
    }
}

#[test]
fn extension_needs_an_open_one_year_term() {
    let extended = |on: &str| format!(r#"{{"kind":"sanction_extended","date":"{on}"}}"#);
    let restored = r#"{"kind":"rights_restored","date":"2026-03-10"}"#;
    refused_with(
        "INVALID_SANCTION_EXTENSION",
        &[
            (extended("2026-03-10"), "events[1]"),
            (
                format!("{PROBATION_2025_TWO_YEARS},{}", extended("2026-03-10")),
                "events[2]",
            ),
            (
                format!(
                    "{PROBATION_2025},{},{}",
                    extended("2026-03-01"),
                    extended("2026-04-01")
                ),
                "events[3]",
            ),
            (
                format!("{PROBATION_2025},{restored},{}", extended("2026-03-11")),
                "events[3]",
            ),
        ],
    );
}

#[test]
fn restoration_needs_an_open_term() {
    let restored = |on: &str| format!(r#"{{"kind":"rights_restored","date":"{on}"}}"#);
    refused_with(
        "NO_PROBATION_WITHIN_PARTY",
        &[
            (restored("2026-03-10"), "events[1]"),
            (
                format!(
                    "{PROBATION_2025},{},{}",
                    restored("2026-03-10"),
                    restored("2026-04-10")
                ),
                "events[3]",
            ),
        ],
    );
}

#[test]
fn events_after_the_day_are_not_checked() {
    let r = member(r#"{"kind":"rights_restored","date":"2026-03-10"}"#);
    assert!(rights_on(&Policy::bundled(), &r, d("2026-03-09")).is_ok());
}

#[test]
fn review_of_a_running_term_and_its_expiry() {
    let r = member(PROBATION_2025);
    for on in ["2026-03-09", "2026-03-10"] {
        let x = review_of(&r, on);
        assert_eq!(finding_codes(&x), ["PROBATION_WITHIN_PARTY_ENDING"], "{on}");
        assert_eq!(x.next_steps[0].code, "PROBATION_WITHIN_PARTY_DECISION");
        assert_eq!(x.next_steps[0].due, Some(d("2026-03-10")));
    }
    let late = review_of(&r, "2026-03-11");
    assert_eq!(finding_codes(&late), ["PROBATION_WITHIN_PARTY_UNRESOLVED"]);
    assert_eq!(late.findings[0].severity, Severity::Warning);
    assert_eq!(
        late.findings[0].citation.as_ref().unwrap().article,
        "第十二条"
    );
}

#[test]
fn review_is_quiet_once_resolved() {
    for closing in [
        r#"{"kind":"rights_restored","date":"2026-03-10"}"#,
        r#"{"kind":"sanction","date":"2026-03-10","sanction":"expulsion"}"#,
    ] {
        let r = member(&format!("{PROBATION_2025},{closing}"));
        let x = review_of(&r, "2026-04-01");
        assert!(
            x.findings.is_empty() && x.next_steps.is_empty(),
            "{closing}"
        );
    }
}

#[test]
fn readmission_within_five_years_is_a_violation() {
    let r = |application: &str| {
        member(&format!(
            r#"{{"kind":"sanction","date":"2025-03-10","sanction":"expulsion"}},
               {{"kind":"application","date":"{application}"}}"#
        ))
    };
    let early = review_of(&r("2030-03-09"), "2030-03-09");
    assert_eq!(finding_codes(&early), ["READMISSION_BARRED"]);
    assert_eq!(early.findings[0].severity, Severity::Violation);
    assert!(review_of(&r("2030-03-10"), "2030-03-10")
        .findings
        .is_empty());
    assert!(review_of(&r("2030-03-11"), "2030-03-11")
        .findings
        .is_empty());
}
