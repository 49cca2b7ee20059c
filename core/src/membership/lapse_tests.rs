//! Lapse (党章 第九条: six consecutive months) and lost contact (教育管理条例 第二十四条: six months, then two years)
//! at their boundaries.
// Test fixtures: amounts of a few dozen months at 54 yuan; the parent's lint is for the rules' code.
#![allow(clippy::arithmetic_side_effects)]

use super::*;
use crate::dues::Ledger;
use crate::membership::test_support::{
    d, finding_codes as codes, full_since_2015 as member, review_alone,
};
use crate::membership::MemberRecord;

fn ym(s: &str) -> YearMonth {
    s.parse().unwrap()
}

fn meeting(id: &str, date: &str, attendees: &[&str], with_leave: &[&str]) -> Meeting {
    Meeting {
        id: id.to_owned(),
        kind: crate::membership::MeetingKind::ThemeDay,
        date: d(date),
        org: "B1".to_owned(),
        attendees: attendees.iter().map(|s| (*s).to_owned()).collect(),
        absent_with_leave: with_leave.iter().map(|s| (*s).to_owned()).collect(),
        absent_without_leave: Vec::new(),
        lecturer: None,
    }
}

/// Monthly meetings of B1 from 2025-07 to 2026-12; M1 attends through 2025-12 only, M2 every time.
fn meetings() -> Vec<Meeting> {
    ym("2025-07")
        .through(ym("2026-12"))
        .map(|m| {
            let attendees: &[&str] = if m <= ym("2025-12") {
                &["M1", "M2"]
            } else {
                &["M2"]
            };
            meeting(&format!("MT{m}"), &format!("{m}-15"), attendees, &[])
        })
        .collect()
}

fn review_with(r: &MemberRecord, meetings: &[Meeting], ledgers: &[Ledger], on: &str) -> Review {
    review_alone(review, r, meetings, ledgers, on)
}

#[test]
fn months_without_life_counts_leave_as_present() {
    let ms = [
        meeting("A", "2026-01-10", &["M1"], &[]),
        meeting("B", "2026-02-10", &[], &["M1"]),
        meeting("C", "2026-03-10", &["M2"], &[]),
    ];
    assert_eq!(
        months_without_life(&ms, "M1", ym("2026-01"), ym("2026-04")),
        [ym("2026-03"), ym("2026-04")]
    );
    assert!(months_without_life(&ms, "M1", ym("2026-05"), ym("2026-04")).is_empty());
}

#[test]
fn months_in_which_the_organization_held_no_meeting_are_not_the_members_lapse() {
    let r = member("");
    // B1 met in 2025-12 (M1 present) and then not until 2026-08, a meeting M1 missed: M1 had no organizational
    // life from January to August, but the only meeting held in that run was in August.
    let held_then_silent = [
        meeting("A", "2025-12-15", &["M1"], &[]),
        meeting("B", "2026-08-15", &["M2"], &[]),
    ];
    assert_eq!(
        codes(&review_with(&r, &held_then_silent, &[], "2026-09-01")),
        ["LAPSE_CANDIDATE"]
    );
    // With no meeting at all in the eight months, the gap is the branch's (三会一课), not the member's.
    let silent = [meeting("A", "2025-12-15", &["M1"], &[])];
    assert!(review_with(&r, &silent, &[], "2026-09-01")
        .findings
        .is_empty());
}

#[test]
fn six_months_without_life_crosses_the_line_on_the_first_of_the_seventh() {
    let (r, ms) = (member(""), meetings());
    assert!(review_with(&r, &ms, &[], "2026-06-30").findings.is_empty());
    for on in ["2026-07-01", "2026-07-02"] {
        let x = review_with(&r, &ms, &[], on);
        assert_eq!(codes(&x), ["LAPSE_CANDIDATE"], "{on}");
        let f = &x.findings[0];
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(f.citation.as_ref().unwrap().article, "第九条");
        assert!(f.message_en.contains("no organizational life"));
        assert!(
            f.message_en.contains("2026-01 to 2026-06"),
            "{}",
            f.message_en
        );
        assert!(f.message_zh.contains("2026-07-01"));
    }
}

#[test]
fn no_meetings_of_the_org_means_no_evidence() {
    let r = member("");
    let elsewhere: Vec<Meeting> = meetings()
        .into_iter()
        .map(|mut m| {
            m.org = "B2".to_owned();
            m
        })
        .collect();
    assert!(review_with(&r, &elsewhere, &[], "2026-12-01")
        .findings
        .is_empty());
    assert!(review_with(&r, &[], &[], "2026-12-01").findings.is_empty());
}

#[test]
fn months_before_the_first_recorded_meeting_are_not_counted() {
    // The org's first recorded meeting is in 2026-03; M1 never attends.
    let ms: Vec<Meeting> = ["2026-03-05", "2026-09-05"]
        .iter()
        .map(|day| meeting(day, day, &["M2"], &[]))
        .collect();
    let r = member("");
    assert!(review_with(&r, &ms, &[], "2026-08-31").findings.is_empty());
    assert_eq!(
        codes(&review_with(&r, &ms, &[], "2026-09-01")),
        ["LAPSE_CANDIDATE"]
    );
}

#[test]
fn an_excused_month_breaks_the_run() {
    let r =
        member(r#"{"kind":"excused","date":"2026-03-20","until":"2026-04-02","reason":"住院"}"#);
    let ms = meetings();
    // 2026-01, 02 | 03, 04 excused | 05..10 — six again only after 2026-10 ends.
    assert!(review_with(&r, &ms, &[], "2026-10-31").findings.is_empty());
    let x = review_with(&r, &ms, &[], "2026-11-01");
    assert!(x.findings[0].message_en.contains("2026-05 to 2026-10"));
}

#[test]
fn a_member_who_joined_mid_month_counts_from_the_next_month() {
    let r: MemberRecord = serde_json::from_str(
        r#"{"id":"M1","name":"甲","birth_date":"1980-01-01","org":"B1","events":[
        {"kind":"imported","date":"2025-12-20","stage":"probationary"}]}"#,
    )
    .unwrap();
    let ms = meetings();
    // 2025-12 is not a whole month of membership (and M1 attended); 2026-01..06 is the run.
    assert!(review_with(&r, &ms, &[], "2026-06-30").findings.is_empty());
    assert_eq!(
        codes(&review_with(&r, &ms, &[], "2026-07-01")),
        ["LAPSE_CANDIDATE"]
    );
}

#[test]
fn not_for_applicants() {
    let r: MemberRecord = serde_json::from_str(
        r#"{"id":"M1","name":"甲","birth_date":"1980-01-01","org":"B1","events":[
        {"kind":"application","date":"2024-01-10"}]}"#,
    )
    .unwrap();
    assert!(review_with(&r, &meetings(), &[], "2026-12-01")
        .findings
        .is_empty());
}

fn ledger(paid_through: &str) -> Ledger {
    let obligations: Vec<String> = ym("2025-07")
        .through(ym("2026-12"))
        .map(|m| format!(r#"{{"month":"{m}","amount":"54.00"}}"#))
        .collect();
    let paid: Vec<String> = ym("2025-07")
        .through(ym(paid_through))
        .map(|m| format!(r#""{m}""#))
        .collect();
    let amount = 54 * paid.len();
    serde_json::from_str(&format!(
        r#"{{"member_id":"M1","obligations":[{}],"payments":[
        {{"paid_on":"2025-07-05","amount":"{amount}.00","months":[{}]}}]}}"#,
        obligations.join(","),
        paid.join(",")
    ))
    .unwrap()
}

#[test]
fn six_months_without_dues() {
    let r = member("");
    let ls = [ledger("2025-12")];
    assert!(review_with(&r, &[], &ls, "2026-06-30").findings.is_empty());
    let x = review_with(&r, &[], &ls, "2026-07-01");
    assert_eq!(codes(&x), ["LAPSE_CANDIDATE"]);
    assert!(x.findings[0].message_en.contains("no dues paid"));
    assert!(x.findings[0].message_en.contains("2026-01 to 2026-06"));
}

#[test]
fn dues_good_reasons_of_the_ledger_count_as_excused() {
    let r = member("");
    let mut l = ledger("2025-12");
    l.good_reasons =
        serde_json::from_str(r#"[{"from":"2026-02","to":"2026-02","reason":"援藏"}]"#).unwrap();
    assert!(review_with(&r, &[], &[l.clone()], "2026-08-31")
        .findings
        .is_empty());
    assert_eq!(
        codes(&review_with(&r, &[], &[l], "2026-09-01")),
        ["LAPSE_CANDIDATE"]
    );
}

#[test]
fn both_grounds_are_reported() {
    let x = review_with(&member(""), &meetings(), &[ledger("2025-12")], "2026-07-01");
    assert_eq!(codes(&x), ["LAPSE_CANDIDATE", "LAPSE_CANDIDATE"]);
}

#[test]
fn lost_contact_six_months_then_suspension() {
    let r = member(r#"{"kind":"lost_contact","date":"2026-01-15"}"#);
    let before = review_with(&r, &[], &[], "2026-07-14");
    assert!(before.findings.is_empty());
    assert_eq!(before.next_steps[0].code, "SUSPEND_MEMBERSHIP");
    assert_eq!(before.next_steps[0].earliest, Some(d("2026-07-15")));
    for on in ["2026-07-15", "2026-07-16"] {
        let x = review_with(&r, &[], &[], on);
        assert_eq!(codes(&x), ["SUSPENSION_CANDIDATE"], "{on}");
        assert_eq!(
            x.findings[0].citation.as_ref().unwrap().article,
            "第二十四条"
        );
    }
}

#[test]
fn lost_contact_on_31_august_reaches_the_line_on_28_february() {
    let r = member(r#"{"kind":"lost_contact","date":"2025-08-31"}"#);
    assert!(review_with(&r, &[], &[], "2026-02-27").findings.is_empty());
    assert_eq!(
        codes(&review_with(&r, &[], &[], "2026-02-28")),
        ["SUSPENSION_CANDIDATE"]
    );
}

#[test]
fn contact_restored_clears_it() {
    let r = member(
        r#"{"kind":"lost_contact","date":"2026-01-15"},{"kind":"contact_restored","date":"2026-05-01"}"#,
    );
    let x = review_with(&r, &[], &[], "2026-08-01");
    assert!(x.findings.is_empty() && x.next_steps.is_empty());
}

#[test]
fn suspended_two_years_then_removal() {
    let r = member(
        r#"{"kind":"lost_contact","date":"2026-01-15"},{"kind":"suspended","date":"2026-08-01"}"#,
    );
    let before = review_with(&r, &[], &[], "2028-07-31");
    assert!(before.findings.is_empty());
    assert_eq!(before.next_steps[0].code, "REMOVE_LEFT_OF_OWN_ACCORD");
    assert_eq!(before.next_steps[0].earliest, Some(d("2028-08-01")));
    for on in ["2028-08-01", "2028-08-02"] {
        assert_eq!(
            codes(&review_with(&r, &[], &[], on)),
            ["REMOVAL_CANDIDATE"],
            "{on}"
        );
    }
    let reinstated = member(
        r#"{"kind":"lost_contact","date":"2026-01-15"},{"kind":"suspended","date":"2026-08-01"},
           {"kind":"contact_restored","date":"2027-01-01"},{"kind":"reinstated","date":"2027-01-02"}"#,
    );
    assert!(review_with(&reinstated, &[], &[], "2028-08-01")
        .findings
        .is_empty());
}

/// The meetings index (sorted month lists looked up by binary search) against a plain scan of the meetings into
/// tree sets, on random meetings: the months each member was present, the months each organization held a
/// meeting every member attends, and whether one was held in a range.
mod index_against_scan {
    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::*;
    use crate::membership::{Context, MeetingKind};
    use crate::{Calendar, Policy};

    const KINDS: [MeetingKind; 2] = [MeetingKind::ThemeDay, MeetingKind::BranchCommittee];

    fn meeting_at(
        (org, kind, month, day, people): (usize, usize, i32, u32, Vec<(usize, bool)>),
    ) -> Meeting {
        let mut m = meeting(
            "MT",
            &format!("{}-{:02}", ym("2025-01").plus_months(month), day),
            &[],
            &[],
        );
        m.org = format!("B{org}");
        m.kind = KINDS[kind];
        for (who, leave) in people {
            let list = if leave {
                &mut m.absent_with_leave
            } else {
                &mut m.attendees
            };
            list.push(format!("M{who}"));
        }
        m
    }

    proptest! {
        /// The roster holds some of M0–M4 in any order (the others are at meetings without being in it): each
        /// is answered through the flat by-member index, by id and by the record itself, the others by id.
        #[test]
        fn answers_as_a_scan(raw in proptest::collection::vec(
            (0usize..3, 0usize..2, 0i32..24, 1u32..28, proptest::collection::vec((0usize..5, any::<bool>()), 0..4)),
            0..40,
        ), from in 0i32..24, len in 0i32..8,
           roster in proptest::sample::subsequence((0..6).collect::<Vec<usize>>(), 0..=6).prop_shuffle()) {
            let ms: Vec<Meeting> = raw.into_iter().map(meeting_at).collect();
            let (p, c) = (Policy::bundled(), Calendar::official());
            let records: Vec<MemberRecord> = roster.iter().map(|i| {
                let mut r = member("");
                r.id = format!("M{i}");
                r
            }).collect();
            let ctx = Context::new(&p, &c, &records).unwrap().with_meetings(&ms);
            let (start, end) = (ym("2025-01").plus_months(from), ym("2025-01").plus_months(from + len));
            for who in (0..6).map(|i| format!("M{i}")) {
                let scan: BTreeSet<YearMonth> = ms.iter()
                    .filter(|m| m.attendees.contains(&who) || m.absent_with_leave.contains(&who))
                    .map(|m| YearMonth::of(m.date)).collect();
                let expected = (!scan.is_empty()).then(|| scan.into_iter().collect::<Vec<_>>());
                let ix = ctx.present(&who).map(<[YearMonth]>::to_vec);
                prop_assert_eq!(&ix, &expected);
                // A record of the roster, and a copy of it outside the roster (found by id), answer the same.
                if let Some(r) = records.iter().find(|r| r.id == who) {
                    prop_assert_eq!(ctx.present_of(r).map(<[YearMonth]>::to_vec), expected.clone());
                    prop_assert_eq!(ctx.present_of(&r.clone()).map(<[YearMonth]>::to_vec), expected);
                }
            }
            for org in (0..3).map(|i| format!("B{i}")) {
                let scan: BTreeSet<YearMonth> = ms.iter()
                    .filter(|m| m.org == org && m.kind != MeetingKind::BranchCommittee)
                    .map(|m| YearMonth::of(m.date)).collect();
                let held = ctx.life().held(&org).unwrap_or(&[]);
                prop_assert_eq!(held.to_vec(), scan.iter().copied().collect::<Vec<_>>());
                prop_assert_eq!(held_within(held, start, end), scan.range(start..=end).next().is_some());
            }
        }
    }
}
