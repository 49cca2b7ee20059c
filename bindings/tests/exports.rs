//! Rust-side checks of the exports: the typed exports (the core's own records, crossing through its UniFFI
//! derives) agree with the core's JSON entry points, core errors keep their paths, and a value that cannot
//! cross (NaN, a 30th decimal, 2026-02-30) fails to lift as the library's own coded error, which UniFFI
//! throws as the export's error. The Kotlin and Python suites call the same exports through FFI. Only the
//! public exports are used: these are the crate's integration tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use rust_decimal::Decimal;
use uniffi::{Lift, Lower, RustBuffer};

use dangjian_ffi::dues::*;
use dangjian_ffi::entry_points::{
    assess_dues_json, evaluate_dues_ledger_json, summarize_dues_json,
};
use dangjian_ffi::{core_version, force_panic_for_tests, Calendar, DangjianError, Policy};

type CoreTag = dangjian::UniFfiTag;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
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
    dangjian::dues::DuesMember::new(id, Category::Employed)
        .employer(EmployerType::PublicInstitution)
        .income(
            dangjian::dues::IncomeRecord::new()
                .item(ItemCode::PostSalary, dec(amount))
                .item(ItemCode::RewardPerformance, dec("3000.00")),
        )
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
    assert_eq!(a.amount.to_string(), "96.00");
    assert_eq!(a.base.map(|d| d.to_string()).as_deref(), Some("6400.00"));
    assert_eq!(a.rate.map(|d| d.to_string()).as_deref(), Some("0.015"));
    assert!(!a.trace.is_empty());
    let json = assess_dues_json(&p, EMPLOYED_JSON.into(), "2026-11".into(), true).unwrap();
    assert!(json.contains(r#""amount":"96.00""#), "{json}");
    assert!(json.contains(a.citation.article.as_ref()), "{json}");
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

/// What a foreign language sends for a string-carried value, lifted as the scaffolding lifts an argument;
/// the failure is downcast exactly as UniFFI does before throwing it as the export's error.
fn lift_str<T: Lift<CoreTag, FfiType = RustBuffer>>(s: &str) -> Result<T, DangjianError> {
    let buf = <String as Lower<CoreTag>>::lower(s.to_owned());
    T::try_lift(buf).map_err(|e| {
        e.downcast::<DangjianError>()
            .expect("a lift failure is the library's own error")
    })
}

#[test]
fn values_the_core_cannot_hold_fail_to_lift_as_coded_errors() {
    for bad in [
        "NaN",
        "Infinity",
        "",
        "1e3",
        "+1",
        "1_000",
        &format!("1.{}1", "0".repeat(29)),
    ] {
        let e = lift_str::<Decimal>(bad).unwrap_err();
        assert_eq!(code_field(e.clone()).1, "INVALID_AMOUNT", "{bad}");
        assert_eq!(code_field(e).2, "", "{bad}: UniFFI gives no path");
    }
    assert_eq!(lift_str::<Decimal>("54.00").unwrap().to_string(), "54.00");
    assert_eq!(lift_str::<Decimal>("-1.00").unwrap().to_string(), "-1.00");
    // 79228162514264337593543950335 is the largest value the core holds; one more does not cross.
    assert!(lift_str::<Decimal>("79228162514264337593543950335").is_ok());
    assert_eq!(
        code_field(lift_str::<Decimal>("79228162514264337593543950336").unwrap_err()).1,
        "INVALID_AMOUNT"
    );
    for bad in ["2026-02-30", "2026-2-1", "tomorrow"] {
        let e = lift_str::<chrono::NaiveDate>(bad).unwrap_err();
        assert_eq!(
            code_field(e),
            ("invalid_input", "INVALID_DATE".into(), "".into()),
            "{bad}"
        );
    }
    assert_eq!(
        lift_str::<chrono::NaiveDate>("2024-02-29")
            .unwrap()
            .to_string(),
        "2024-02-29"
    );
    for bad in ["2026-13", "2026-7", "March"] {
        let e = lift_str::<dangjian::YearMonth>(bad).unwrap_err();
        assert_eq!(
            code_field(e),
            ("invalid_input", "INVALID_MONTH".into(), "".into()),
            "{bad}"
        );
    }
    assert_eq!(
        lift_str::<dangjian::YearMonth>("2026-12")
            .unwrap()
            .to_string(),
        "2026-12"
    );
}

#[test]
fn a_bad_value_inside_a_record_fails_the_whole_record_with_its_code() {
    // An income item as Python would write it with amount=Decimal("NaN"): the code, then the string.
    let mut buf = Vec::new();
    <ItemCode as Lower<CoreTag>>::write(ItemCode::Pension, &mut buf);
    <String as Lower<CoreTag>>::write("NaN".to_owned(), &mut buf);
    let e = <IncomeItem as Lift<CoreTag>>::try_read(&mut buf.as_slice()).unwrap_err();
    let e = e.downcast::<DangjianError>().unwrap();
    assert_eq!(code_field(e).1, "INVALID_AMOUNT");
    // The same item with a readable amount crosses as the core's record.
    let mut buf = Vec::new();
    <ItemCode as Lower<CoreTag>>::write(ItemCode::Pension, &mut buf);
    <String as Lower<CoreTag>>::write("5000.01".to_owned(), &mut buf);
    let item = <IncomeItem as Lift<CoreTag>>::try_read(&mut buf.as_slice()).unwrap();
    assert_eq!(
        item,
        IncomeItem {
            code: ItemCode::Pension,
            amount: dec("5000.01")
        }
    );
}

#[test]
fn month_and_date_arguments_name_themselves() {
    let p = Policy::bundled();
    assert_eq!(
        code_field(assess_dues(&p, employed("M1", "1"), "2026-13".into(), false).unwrap_err()),
        ("invalid_input", "INVALID_MONTH".into(), "month".into())
    );
    assert_eq!(
        code_field(evaluate_dues_ledger(&p, ledger(), "2026-11-31".into()).unwrap_err()),
        ("invalid_input", "INVALID_DATE".into(), "as_of".into())
    );
}

#[test]
fn a_batch_keeps_core_errors_as_entries() {
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
}

fn month(s: &str) -> dangjian::YearMonth {
    s.parse().unwrap()
}

fn ledger() -> Ledger {
    Ledger {
        schema_version: None,
        member_id: "M1".into(),
        obligations: (1..=6)
            .map(|m| Obligation {
                month: month(&format!("2026-{m:02}")),
                amount: dec("54.00"),
            })
            .collect(),
        payments: vec![Payment {
            paid_on: "2026-01-10".parse().unwrap(),
            amount: dec("54.00"),
            months: vec![month("2026-01")],
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
    assert_eq!(report.total_due.to_string(), "324.00");
    assert_eq!(report.remitted_to_centre.to_string(), "1000.00");
    let typed = summarize_dues(vec![report], Period::Year(2026)).unwrap();
    assert_eq!(typed.period, Period::Year(2026));
    assert_eq!(typed.due.to_string(), "324.00");
    assert_eq!(typed.collected.to_string(), "54.00");

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
        typed.payment_rate.map(|d| d.to_string()).as_deref(),
        Some("0.1667")
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
        dangjian_ffi::calendar::DayKind::Holiday
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
    use dangjian_ffi::{entry_points::*, membership::*};
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
    use dangjian_ffi::{entry_points::*, membership::*};
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
    use dangjian_ffi::entry_points::*;
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
