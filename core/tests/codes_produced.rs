//! Codes no other test produced when the registry came (see core/tests/codes_registry.rs): each made here by
//! the smallest input that breaks one rule, with the field it names.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use dangjian::credits::{self, Scheme};
use dangjian::disclosure::{self, Action, DisclosureContext, NewItem, PublicNotice};
use dangjian::{membership, Calendar, Error, Policy};
use serde_json::{json, Value};

/// (code, field) of an error.
fn coded(e: Error) -> (String, String) {
    (e.code().to_owned(), e.detail().field.clone())
}

/// The bundled policy as JSON, changed by `edit`, read back.
fn policy_with(edit: impl FnOnce(&mut Value)) -> Result<Policy, Error> {
    let mut v: Value = serde_json::from_str(&Policy::bundled().to_json()).unwrap();
    edit(&mut v);
    Policy::from_json(&v.to_string())
}

fn policy_error(edit: impl FnOnce(&mut Value)) -> (String, String) {
    coded(policy_with(edit).expect_err("the edited policy must be refused"))
}

// ---- dues policy: the bracket table, rates, composition, payment rules

#[test]
fn dues_bracket_tables_refuse_what_cannot_be_looked_up() {
    let b = "/dues/employed_brackets/0/value";
    assert_eq!(
        policy_error(|v| *v.pointer_mut(b).unwrap() = json!([])),
        (
            "EMPTY_BRACKETS".into(),
            "dues.employed_brackets[0].value".into()
        )
    );
    // An open bracket before the last: 3000.00 and above would never reach the later ones.
    assert_eq!(
        policy_error(|v| v.pointer_mut(b).unwrap()[0]["up_to"] = Value::Null),
        (
            "OPEN_BRACKET_NOT_LAST".into(),
            "dues.employed_brackets[0].value[0].up_to".into()
        )
    );
    // A bounded last bracket: a base above it would have no rate.
    assert_eq!(
        policy_error(|v| {
            let t = v.pointer_mut(b).unwrap().as_array_mut().unwrap();
            t.last_mut().unwrap()["up_to"] = json!("1000000");
        }),
        (
            "LAST_BRACKET_BOUNDED".into(),
            format!("dues.employed_brackets[0].value[{}].up_to", {
                let v: Value = serde_json::from_str(&Policy::bundled().to_json()).unwrap();
                v.pointer(b).unwrap().as_array().unwrap().len() - 1
            })
        )
    );
    // A rate of 1.01 (more than the whole base) and of -0.01 are refused; 1 and 0 are rates.
    for bad in ["1.01", "-0.01"] {
        assert_eq!(
            policy_error(|v| v.pointer_mut(b).unwrap()[0]["rate"] = json!(bad)),
            (
                "RATE_OUT_OF_RANGE".into(),
                "dues.employed_brackets[0].value[0].rate".into()
            ),
            "{bad}"
        );
    }
    for good in ["1", "0"] {
        assert!(
            policy_with(|v| v.pointer_mut(b).unwrap()[0]["rate"] = json!(good)).is_ok(),
            "{good}"
        );
    }
}

#[test]
fn dues_composition_and_payment_rules_refuse_contradictions() {
    // Income tax both deducted (bundled) and counted for an enterprise.
    let (code, field) = policy_error(|v| {
        v.pointer_mut("/dues/composition/0/value/enterprise")
            .unwrap()
            .as_array_mut()
            .unwrap()
            .push(json!("income_tax"));
    });
    assert_eq!(code, "ITEM_COUNTED_AND_DEDUCTED");
    assert!(
        field.starts_with("dues.composition[0].value.enterprise["),
        "{field}"
    );
    // Six months is the line of the Party Constitution; zero would make every member lapse at once.
    assert_eq!(
        policy_error(|v| *v
            .pointer_mut("/dues/payment_rules/0/value/lapse_months")
            .unwrap() = json!(0)),
        (
            "LAPSE_MONTHS_ZERO".into(),
            "dues.payment_rules[0].value.lapse_months".into()
        )
    );
    assert!(policy_with(|v| *v
        .pointer_mut("/dues/payment_rules/0/value/lapse_months")
        .unwrap() = json!(1))
    .is_ok());
}

// ---- membership policy: fractions and meeting kinds

#[test]
fn membership_policy_refuses_impossible_fractions_and_twice_listed_meetings() {
    // An election quorum of 5/4 (more than everyone) and 0/5 are not fractions of those entitled.
    for bad in [json!([5, 4]), json!([1, 0])] {
        let (code, field) = policy_error(|v| {
            *v.pointer_mut("/membership/organization/0/value/election_quorum")
                .unwrap() = bad.clone()
        });
        assert_eq!(code, "INVALID_FRACTION", "{bad}");
        assert!(field.ends_with("election_quorum"), "{field}");
    }
    let (code, field) = policy_error(|v| {
        let meetings = v
            .pointer_mut("/membership/life/0/value/meetings")
            .unwrap()
            .as_array_mut()
            .unwrap();
        let first = meetings[0].clone();
        meetings.push(first);
    });
    assert_eq!(code, "DUPLICATE_CODE");
    assert!(
        field.starts_with("membership.life[0].value.meetings[") && field.ends_with("].meeting"),
        "{field}"
    );
}

// ---- credits schemes and events

/// The learning-platform scheme with its 2022 rule set's first activity changed by `edit`.
fn scheme_error(edit: impl FnOnce(&mut Value)) -> (String, String) {
    let mut v = serde_json::to_value(Scheme::learning_platform()).unwrap();
    edit(v.pointer_mut("/rule_sets/1/value/activities").unwrap());
    coded(Scheme::from_json(&v.to_string()).expect_err("the edited scheme must be refused"))
}

#[test]
fn credits_schemes_refuse_broken_activities() {
    let (code, field) = scheme_error(|a| a[0]["code"] = json!(""));
    assert_eq!(code, "EMPTY_ACTIVITY_CODE");
    assert!(
        field.ends_with("activities[0].code") || field.ends_with("activities[0]"),
        "{field}"
    );
    let (code, field) = scheme_error(|a| a[1]["code"] = a[0]["code"].clone());
    assert_eq!(
        (code.as_str(), field.ends_with("activities[1].code")),
        ("DUPLICATE_ACTIVITY", true),
        "{field}"
    );
    let (code, _) = scheme_error(|a| a[0]["caps"] = json!({"day": -1}));
    assert_eq!(code, "INVALID_CAP");
    let (code, field) = scheme_error(|a| a[0]["weekdays"] = json!([1, 8]));
    assert_eq!(
        (code.as_str(), field.ends_with("weekdays[1]")),
        ("INVALID_WEEKDAY", true),
        "{field}"
    );
    let window =
        |start: &str, end: &str| json!([{"start": start, "end": end, "multiplier": 2, "bonus": 0}]);
    let (code, _) = scheme_error(|a| a[0]["windows"] = window("24:30", "25:00"));
    assert_eq!(code, "INVALID_TIME_OF_DAY");
    // A window that ends when it starts holds no minute.
    let (code, field) = scheme_error(|a| a[0]["windows"] = window("08:00", "08:00"));
    assert_eq!(
        (code.as_str(), field.ends_with("windows[0].end")),
        ("INVALID_WINDOW", true),
        "{field}"
    );
}

/// The error codes of a scored batch.
fn event_errors(scheme: &Scheme, events: Value) -> Vec<(String, String)> {
    let out: Value = serde_json::from_str(
        &credits::score_json(scheme, &json!({ "events": events }).to_string(), false).unwrap(),
    )
    .unwrap();
    out["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["code"].as_str().unwrap().to_owned(),
                e["field"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

#[test]
fn credits_events_refuse_place_zero_and_times_beyond_the_range() {
    let mut v = serde_json::to_value(Scheme::learning_platform()).unwrap();
    v["rule_sets"] = json!([v["rule_sets"][1].clone()]);
    v["rule_sets"][0]["value"]["activities"] = json!([{
        "code": "contest", "name_zh": "知识竞赛", "dedup": "none",
        "unit": {"kind": "per_place", "table": [3, 2], "otherwise": 1}
    }]);
    let scheme = Scheme::from_json(&v.to_string()).unwrap();
    let event = |id: &str, at: &str, place: u32| json!({"event_id": id, "member_id": "A", "activity": "contest", "occurred_at": at, "place": place});
    // Place 1 is first; place 0 is no place at all.
    let errors = event_errors(
        &scheme,
        json!([
            event("p1", "2026-03-02T10:00:00+08:00", 1),
            event("p0", "2026-03-02T11:00:00+08:00", 0)
        ]),
    );
    assert_eq!(errors, [("INVALID_PLACE".to_owned(), "place".to_owned())]);
    // Nanoseconds since 1970 in 64 bits end on 11 April 2262: the 12th is out of range.
    let errors = event_errors(
        &scheme,
        json!([event("far", "2262-04-12T10:00:00+08:00", 1)]),
    );
    assert_eq!(
        errors.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(),
        ["TIME_OUT_OF_RANGE"]
    );
}

// ---- disclosure: the workflow, the organization tree, notices

fn ctx() -> DisclosureContext {
    DisclosureContext::from_json(
        r#"{"orgs":[{"id":"C1","kind":"committee"},{"id":"B1","parent":"C1","kind":"branch"}],
        "roles":[{"person":"P1","org":"B1","role":"proposer"},{"person":"S1","org":"B1","role":"confidentiality_reviewer"},
        {"person":"R1","org":"B1","role":"reviewer"},{"person":"A1","org":"B1","role":"approver"}]}"#,
    )
    .unwrap()
}

fn item_after(actions: &[&str]) -> disclosure::DisclosureItem {
    let new: NewItem = serde_json::from_str(
        r#"{"id":"D1","org":"B1","title":"换届结果","body":"正文","category":"organization","scope":{"kind":"members","org":"B1"}}"#,
    )
    .unwrap();
    let mut item = disclosure::create(
        &ctx(),
        new,
        "P1",
        "2026-03-02T09:00:00+08:00".parse().unwrap(),
    )
    .unwrap()
    .item;
    for a in actions {
        item = disclosure::apply(&Policy::bundled(), &ctx(), &item, &act(a))
            .unwrap()
            .item;
    }
    item
}

fn act(json: &str) -> Action {
    serde_json::from_str(json).unwrap()
}

const PROPOSE: &str = r#"{"action":"propose","actor":"P1","at":"2026-03-02T10:00:00+08:00"}"#;
const SECRECY_OK: &str = r#"{"action":"confidentiality_review","actor":"S1","at":"2026-03-03T09:00:00+08:00","passed":true}"#;
const EXTEND: &str = r#"{"action":"extend_review","actor":"R1","at":"2026-03-03T10:00:00+08:00","comment":"需核实"}"#;

#[test]
fn disclosure_review_is_extended_once_and_refused_when_unnecessary_or_inaccurate() {
    let item = item_after(&[PROPOSE, SECRECY_OK, EXTEND]);
    let again = disclosure::apply(&Policy::bundled(), &ctx(), &item, &act(EXTEND)).unwrap_err();
    assert_eq!(coded(again), ("ALREADY_EXTENDED".into(), "action".into()));
    for (necessity, accuracy) in [(false, true), (true, false)] {
        let review = format!(
            r#"{{"action":"review","actor":"R1","at":"2026-03-03T11:00:00+08:00","necessity":{necessity},"accuracy":{accuracy}}}"#
        );
        let e = disclosure::apply(&Policy::bundled(), &ctx(), &item, &act(&review)).unwrap_err();
        assert_eq!(e.code(), "REVIEW_CRITERIA_NOT_MET", "{review}");
    }
    let passed = r#"{"action":"review","actor":"R1","at":"2026-03-03T11:00:00+08:00","necessity":true,"accuracy":true}"#;
    assert!(disclosure::apply(&Policy::bundled(), &ctx(), &item, &act(passed)).is_ok());
}

#[test]
fn disclosure_org_ids_are_not_empty() {
    let e = DisclosureContext::from_json(r#"{"orgs":[{"id":"C1","kind":"committee"},{"id":" ","parent":"C1","kind":"branch"}],"roles":[]}"#)
        .unwrap_err();
    let (code, field) = coded(e);
    assert_eq!(code, "EMPTY_ID");
    assert!(field.ends_with("[1].id"), "{field}");
}

#[test]
fn disclosure_an_objection_after_the_window_is_recorded_late() {
    // Open 12–25 February 2026 (5 working days around the Spring Festival); one objection on the last day,
    // one the day after it closed.
    let notice = |at: &str| -> PublicNotice {
        serde_json::from_value(
            json!({"id": "N1", "subject": "拟发展对象公示", "opens_on": "2026-02-12",
            "closes_on": "2026-02-25", "objections": [{"by": "M9", "at": at, "content": "意见"}]}),
        )
        .unwrap()
    };
    let codes = |at: &str| -> Vec<String> {
        let r = disclosure::evaluate_notice(
            &Policy::bundled(),
            &Calendar::official(),
            &notice(at),
            "2026-03-02".parse().unwrap(),
        )
        .unwrap();
        r.findings.into_iter().map(|f| f.code).collect()
    };
    assert!(!codes("2026-02-25T17:00:00+08:00").contains(&"LATE_OBJECTION".to_owned()));
    assert!(codes("2026-02-26T09:00:00+08:00").contains(&"LATE_OBJECTION".to_owned()));
}

// ---- membership: the political review as a next step

#[test]
fn membership_a_development_target_without_political_review_has_it_as_a_next_step() {
    let full = |id: &str| {
        json!({"id": id, "name": id, "birth_date": "1975-02-01", "org": "B01",
        "events": [{"kind": "imported", "date": "2005-07-01", "stage": "full"}]})
    };
    let events = |political_review: bool| {
        let mut e = vec![
            json!({"kind": "application", "date": "2024-09-02"}),
            json!({"kind": "talk", "date": "2024-09-20"}),
            json!({"kind": "activist", "date": "2024-10-08", "recommended_by": "mass_organization"}),
            json!({"kind": "contacts", "date": "2024-10-08", "contacts": ["S1", "S2"]}),
            json!({"kind": "half_year_review", "date": "2025-04-01"}),
            json!({"kind": "half_year_review", "date": "2025-09-30"}),
            json!({"kind": "development_target", "date": "2025-12-01"}),
            json!({"kind": "sponsors", "date": "2025-12-01", "sponsors": ["S1", "S2"]}),
        ];
        if political_review {
            e.push(json!({"kind": "political_review", "date": "2026-01-15"}));
        }
        e
    };
    let steps = |political_review: bool| -> Vec<String> {
        let doc = json!({"members": [full("S1"), full("S2"), {"id": "P2", "name": "李明", "birth_date": "2001-06-01",
            "org": "B01", "events": events(political_review)}], "meetings": [], "ledgers": []});
        let out: Value = serde_json::from_str(
            &membership::check_members_json(
                &Policy::bundled(),
                &Calendar::official(),
                &doc.to_string(),
                "2026-02-01",
            )
            .unwrap(),
        )
        .unwrap();
        let report = out["reports"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["member_id"] == "P2")
            .unwrap();
        report["next_steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["code"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(steps(false).contains(&"POLITICAL_REVIEW".to_owned()));
    assert!(!steps(true).contains(&"POLITICAL_REVIEW".to_owned()));
}
