//! Rust-side checks of the conversions: the typed exports agree with the core's JSON entry points, and
//! every conversion error names its path. The Kotlin and Python suites call the same exports through FFI.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use crate::dues::*;
use crate::money::Decimal;
use crate::{core_version, force_panic_for_tests, Calendar, DangjianError, Policy};

fn dec(s: &str) -> Decimal {
    Decimal::from(s.parse::<rust_decimal::Decimal>().unwrap())
}

fn raw(s: &str) -> Decimal {
    // A string as a foreign language could send it, unchecked.
    Decimal::unchecked(s)
}

fn code_field(e: DangjianError) -> (&'static str, String, String) {
    match e {
        DangjianError::InvalidInput { code, field, .. } => ("invalid_input", code, field),
        DangjianError::Policy { code, field, .. } => ("policy", code, field),
        DangjianError::Calendar { code, field, .. } => ("calendar", code, field),
        DangjianError::Internal { code, field, .. } => ("internal", code, field),
    }
}

fn employed(id: &str, amount: &str) -> DuesMember {
    DuesMember {
        schema_version: None,
        member_id: id.to_owned(),
        category: Category::Employed,
        employer_type: Some(EmployerType::PublicInstitution),
        incomes: vec![IncomeRecord {
            from: None,
            items: vec![
                IncomeItem {
                    code: ItemCode::PostSalary,
                    amount: dec(amount),
                },
                IncomeItem {
                    code: ItemCode::RewardPerformance,
                    amount: dec("3000.00"),
                },
            ],
        }],
        admitted_on: None,
        hardship: vec![],
    }
}

const EMPLOYED_JSON: &str = r#"{"member_id":"M1","category":"employed","employer_type":"public_institution",
  "incomes":[{"items":[{"code":"post_salary","amount":"6400.00"},{"code":"reward_performance","amount":"3000.00"}]}]}"#;

#[test]
fn version_is_the_core_version() {
    assert_eq!(core_version(), dangjian::VERSION);
}

#[test]
fn typed_assessment_agrees_with_the_json_entry_point() {
    let p = Policy::bundled();
    let a = assess_dues(&p, employed("M1", "6400.00"), "2026-11".into(), true).unwrap();
    assert_eq!(a.amount.as_str(), "96.00");
    assert_eq!(a.base.as_ref().map(Decimal::as_str), Some("6400.00"));
    assert_eq!(a.rate.as_ref().map(Decimal::as_str), Some("0.015"));
    assert!(!a.trace.is_empty());
    let json = assess_dues_json(&p, EMPLOYED_JSON.into(), "2026-11".into(), true).unwrap();
    assert!(json.contains(r#""amount":"96.00""#), "{json}");
    assert!(json.contains(&a.citation.article), "{json}");
}

#[test]
fn a_negative_amount_is_the_core_error_at_its_path() {
    let e = assess_dues(
        &Policy::bundled(),
        employed("M1", "-1"),
        "2026-11".into(),
        false,
    )
    .unwrap_err();
    assert_eq!(
        code_field(e),
        (
            "invalid_input",
            "NEGATIVE_AMOUNT".into(),
            "incomes[0].items[0].amount".into()
        )
    );
}

#[test]
fn unreadable_strings_name_their_paths() {
    let p = Policy::bundled();
    let mut m = employed("M1", "6400.00");
    m.admitted_on = Some("2026-02-30".into());
    assert_eq!(
        code_field(assess_dues(&p, m, "2026-11".into(), false).unwrap_err()),
        ("invalid_input", "INVALID_DATE".into(), "admitted_on".into())
    );

    let mut m = employed("M1", "6400.00");
    m.incomes.push(IncomeRecord {
        from: Some("2026-7".into()),
        items: vec![],
    });
    assert_eq!(
        code_field(assess_dues(&p, m, "2026-11".into(), false).unwrap_err()),
        (
            "invalid_input",
            "INVALID_MONTH".into(),
            "incomes[1].from".into()
        )
    );

    let mut m = employed("M1", "6400.00");
    if let Some(item) = m.incomes.get_mut(0).and_then(|r| r.items.get_mut(1)) {
        item.amount = raw("NaN");
    }
    assert_eq!(
        code_field(assess_dues(&p, m, "2026-11".into(), false).unwrap_err()),
        (
            "invalid_input",
            "INVALID_AMOUNT".into(),
            "incomes[0].items[1].amount".into()
        )
    );

    assert_eq!(
        code_field(assess_dues(&p, employed("M1", "1"), "2026-13".into(), false).unwrap_err()),
        ("invalid_input", "INVALID_MONTH".into(), "month".into())
    );
}

#[test]
fn a_batch_keeps_core_errors_as_entries_and_fails_only_on_unreadable_input() {
    let p = Policy::bundled();
    let members = vec![
        employed("A", "6400.00"),
        employed("B", "-5"),
        employed("A", "1.00"),
    ];
    let out = assess_dues_batch(&p, members, "2026-11".into(), false).unwrap();
    assert_eq!(out.assessments.len(), 1);
    let errors: Vec<_> = out
        .errors
        .iter()
        .map(|e| (e.index, e.code.as_str(), e.field.as_str()))
        .collect();
    assert_eq!(
        errors,
        [
            (1, "NEGATIVE_AMOUNT", "incomes[0].items[0].amount"),
            (2, "DUPLICATE_MEMBER_ID", "member_id")
        ]
    );

    let mut bad = employed("C", "1.00");
    bad.hardship.push(HardshipDecision {
        from: "2026-01".into(),
        to: None,
        outcome: HardshipOutcome::Waived,
        reduced_amount: None,
        branch_studied_on: "2025-12-10".into(),
        approved_by: "某某党委".into(),
        approved_on: "2025/12/20".into(),
    });
    let e =
        assess_dues_batch(&p, vec![employed("A", "1"), bad], "2026-11".into(), false).unwrap_err();
    assert_eq!(
        code_field(e),
        (
            "invalid_input",
            "INVALID_DATE".into(),
            "members[1].hardship[0].approved_on".into()
        )
    );
}

fn ledger() -> Ledger {
    Ledger {
        schema_version: None,
        member_id: "M1".into(),
        obligations: (1..=6)
            .map(|m| Obligation {
                month: format!("2026-{m:02}"),
                amount: dec("54.00"),
            })
            .collect(),
        payments: vec![Payment {
            paid_on: "2026-01-10".into(),
            amount: dec("54.00"),
            months: vec!["2026-01".into()],
            voluntary: dec("1000.00"),
            channel: "wechat".into(),
        }],
        good_reasons: vec![],
    }
}

#[test]
fn a_ledger_report_goes_back_in_for_the_summary() {
    let p = Policy::bundled();
    let report = evaluate_dues_ledger(&p, ledger(), "2026-11-21".into()).unwrap();
    assert_eq!(report.total_due.as_str(), "324.00");
    assert_eq!(report.remitted_to_centre.as_str(), "1000.00");
    let typed = summarize_dues(vec![report.clone()], Period::Year { year: 2026 }).unwrap();
    assert_eq!(typed.period, Period::Year { year: 2026 });
    assert_eq!(typed.due.as_str(), "324.00");
    assert_eq!(typed.collected.as_str(), "54.00");

    let ledger_json = r#"{"member_id":"M1","obligations":[{"month":"2026-01","amount":"54.00"},
      {"month":"2026-02","amount":"54.00"},{"month":"2026-03","amount":"54.00"},{"month":"2026-04","amount":"54.00"},
      {"month":"2026-05","amount":"54.00"},{"month":"2026-06","amount":"54.00"}],
      "payments":[{"paid_on":"2026-01-10","amount":"54.00","months":["2026-01"],"voluntary":"1000.00","channel":"wechat"}]}"#;
    let report_json =
        evaluate_dues_ledger_json(&p, ledger_json.into(), "2026-11-21".into()).unwrap();
    let summary_json =
        summarize_dues_json(format!("[{report_json}]"), r#"{"year":2026}"#.into()).unwrap();
    assert!(
        summary_json.contains(r#""payment_rate":"0.1667""#),
        "{summary_json}"
    );
    assert_eq!(
        typed.payment_rate.as_ref().map(Decimal::as_str),
        Some("0.1667")
    );

    let mut broken = report;
    if let Some(line) = broken.months.get_mut(2) {
        line.paid_on = Some("yesterday".into());
    }
    assert_eq!(
        code_field(
            summarize_dues(
                vec![broken],
                Period::Month {
                    month: "2026-03".into()
                }
            )
            .unwrap_err()
        ),
        (
            "invalid_input",
            "INVALID_DATE".into(),
            "reports[0].months[2].paid_on".into()
        )
    );
    assert_eq!(
        code_field(
            summarize_dues(
                vec![],
                Period::Month {
                    month: "March".into()
                }
            )
            .unwrap_err()
        ),
        ("invalid_input", "INVALID_MONTH".into(), "month".into())
    );

    let mut bad = ledger();
    if let Some(p) = bad.payments.get_mut(0) {
        p.months.push("2026-02-01".into());
    }
    assert_eq!(
        code_field(evaluate_dues_ledger(&p, bad, "2026-11-21".into()).unwrap_err()),
        (
            "invalid_input",
            "INVALID_MONTH".into(),
            "payments[0].months[1]".into()
        )
    );
}

#[test]
fn policy_round_trips_and_override_errors_are_policy_errors_with_paths() {
    let p = Policy::bundled();
    let again = Policy::from_json(p.to_json()).unwrap();
    assert_eq!(again.to_json(), p.to_json());
    let bad = r#"{"schema_version":1,"dues":{"rounding":[{"effective_from":"2020-01-01",
      "citation":{"regulation":"r","article":"a"},"value":{"mode":"half_up","scale":5}}]}}"#;
    let e = p.with_overrides_json(bad.into()).unwrap_err();
    assert_eq!(
        code_field(e),
        (
            "policy",
            "ROUNDING_SCALE_OUT_OF_RANGE".into(),
            "dues.rounding[0].value.scale".into()
        )
    );
}

#[test]
fn calendar_spring_festival_2026_provisional_2027_and_loading() {
    let cal: Arc<Calendar> = Calendar::official();
    let close = cal.add_working_days("2026-02-12".into(), 4).unwrap();
    assert_eq!(close.value, "2026-02-25");
    assert!(close.findings.is_empty());
    assert_eq!(
        cal.count_working_days("2026-02-12".into(), "2026-02-25".into())
            .unwrap()
            .value,
        5
    );
    assert!(cal.is_working_day("2026-02-14".into()).unwrap().value);
    assert_eq!(
        cal.day("2026-02-16".into()).unwrap().kind,
        crate::calendar::DayKind::Holiday
    );
    let provisional = cal.is_working_day("2027-01-01".into()).unwrap();
    assert_eq!(
        provisional
            .findings
            .iter()
            .map(|f| f.code.as_str())
            .collect::<Vec<_>>(),
        ["PROVISIONAL_CALENDAR"]
    );
    cal.load_year_json(
        r#"{"schema_version":1,"year":2027,"off":["2027-01-01"],"working":[]}"#.into(),
    )
    .unwrap();
    assert!(cal.official_years().unwrap().contains(&2027));
    let now = cal.is_working_day("2027-01-01".into()).unwrap();
    assert!(!now.value && now.findings.is_empty());
    let e = cal
        .load_year_json(
            r#"{"schema_version":1,"year":2028,"off":["2027-12-31"],"working":[]}"#.into(),
        )
        .unwrap_err();
    assert_eq!(
        code_field(e),
        ("calendar", "DATE_OUTSIDE_YEAR".into(), "off[0]".into())
    );
    for bad in ["2026-02-30", "2026-2-1"] {
        assert_eq!(
            code_field(cal.day(bad.into()).unwrap_err()),
            ("invalid_input", "INVALID_DATE".into(), "date".into()),
            "{bad}"
        );
    }
}

const APPLICANT_JSON: &str = r#"{"id":"M1","name":"甲","birth_date":"2000-01-01","org":"B1",
  "events":[{"kind":"application","date":"2024-01-10"}]}"#;

#[test]
fn membership_exports_return_the_core_documents() {
    use crate::membership::*;
    let (p, cal) = (Policy::bundled(), Calendar::official());
    let (core_p, core_cal) = (dangjian::Policy::bundled(), dangjian::Calendar::official());
    let m =
        dangjian::membership::check_member_json(&core_p, &core_cal, APPLICANT_JSON, "2024-01-20");
    assert_eq!(
        membership_check_member(&p, &cal, APPLICANT_JSON.into(), "2024-01-20".into()).unwrap(),
        m.unwrap()
    );
    let batch = format!(r#"{{"members":[{APPLICANT_JSON}]}}"#);
    assert_eq!(
        membership_check_members(&p, &cal, batch.clone(), "2024-01-20".into()).unwrap(),
        dangjian::membership::check_members_json(&core_p, &core_cal, &batch, "2024-01-20").unwrap()
    );
    let event = r#"{"kind":"talk","date":"2024-01-20"}"#;
    assert_eq!(
        membership_apply_event(&p, &cal, APPLICANT_JSON.into(), event.into(), "[]".into()).unwrap(),
        dangjian::membership::apply_event_json(&core_p, &core_cal, APPLICANT_JSON, event, "[]")
            .unwrap()
    );
    assert_eq!(
        membership_rights(&p, APPLICANT_JSON.into(), "2024-01-20".into()).unwrap(),
        dangjian::membership::rights_json(&core_p, APPLICANT_JSON, "2024-01-20").unwrap()
    );
    let orgs = r#"{"orgs":[{"id":"B1","kind":"branch"}]}"#;
    assert_eq!(
        membership_check_orgs(&p, orgs.into(), "2026-01-01".into()).unwrap(),
        dangjian::membership::check_orgs_json(&core_p, orgs, "2026-01-01").unwrap()
    );
    membership_validate_id_number("11010519491231002X".into(), "1949-12-31".into()).unwrap();
}

#[test]
fn membership_errors_keep_their_codes_and_paths() {
    use crate::membership::*;
    let (p, cal) = (Policy::bundled(), Calendar::official());
    let unknown = APPLICANT_JSON.replace("application", "joined");
    assert_eq!(
        code_field(membership_check_member(&p, &cal, unknown, "2024-01-20".into()).unwrap_err()),
        (
            "invalid_input",
            "INVALID_RECORD_JSON".into(),
            "events[0].kind".into()
        )
    );
    let e = membership_apply_event(
        &p,
        &cal,
        APPLICANT_JSON.into(),
        r#"{"kind":"nap","date":"2024-01-20"}"#.into(),
        "[]".into(),
    )
    .unwrap_err();
    assert_eq!(
        code_field(e),
        (
            "invalid_input",
            "INVALID_EVENT_JSON".into(),
            "event.kind".into()
        )
    );
    let e = membership_check_orgs(
        &p,
        r#"{"orgs":[{"id":"B1","kind":"castle"}]}"#.into(),
        "2026-01-01".into(),
    )
    .unwrap_err();
    assert_eq!(
        code_field(e),
        (
            "invalid_input",
            "INVALID_ORG_JSON".into(),
            "orgs[0].kind".into()
        )
    );
    let e = membership_rights(&p, APPLICANT_JSON.into(), "2024-02-30".into()).unwrap_err();
    assert_eq!(
        code_field(e),
        ("invalid_input", "INVALID_DATE".into(), "on".into())
    );
    let e = membership_validate_id_number("11010519491231002X".into(), "1949-13-31".into())
        .unwrap_err();
    assert_eq!(
        code_field(e),
        ("invalid_input", "INVALID_DATE".into(), "birth_date".into())
    );
}

#[test]
fn a_panic_inside_an_export_is_internal_and_the_next_call_works() {
    let e = force_panic_for_tests().unwrap_err();
    assert_eq!(
        code_field(e),
        ("internal", "INTERNAL".to_owned(), String::new())
    );
    let a = assess_dues(
        &Policy::bundled(),
        employed("M1", "6400.00"),
        "2026-11".to_owned(),
        false,
    )
    .unwrap();
    assert_eq!(a.member_id, "M1");
}

#[test]
fn line_exports_return_the_core_outcomes() {
    use crate::streams::*;
    let (p, cal) = (Policy::bundled(), Calendar::official());
    let (core_p, core_cal) = (dangjian::Policy::bundled(), dangjian::Calendar::official());
    let members = include_str!("../../examples/data/members-lines.jsonl");
    assert_eq!(
        membership_check_members_lines(&p, &cal, members.into(), "2026-11-20".into()).unwrap(),
        dangjian::membership::check_members_lines_json(&core_p, &core_cal, members, "2026-11-20")
            .unwrap()
    );
    let orgs = include_str!("../../examples/data/orgs-lines.jsonl");
    let out = membership_check_orgs_lines(&p, orgs.into(), "2026-03-31".into()).unwrap();
    assert_eq!(
        out,
        dangjian::membership::check_orgs_lines_json(&core_p, orgs, "2026-03-31").unwrap()
    );
    assert!(out.contains(r#""errors":[{"line":2,"member_id":null,"kind":"invalid_input","code":"INVALID_ORG_JSON","field":"orgs[0].kind""#));
    let e = membership_check_orgs_lines(&p, orgs.into(), "2026-02-30".into()).unwrap_err();
    assert_eq!(
        code_field(e),
        ("invalid_input", "INVALID_DATE".into(), "on".into())
    );
}
