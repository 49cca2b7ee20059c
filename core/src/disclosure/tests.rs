//! Unit tests of the disclosure rules, at every boundary.

use chrono::NaiveDate;

use super::*;
use crate::{Calendar, Policy};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn ctx() -> DisclosureContext {
    DisclosureContext::from_json(
        r#"{"orgs":[{"id":"C1","kind":"committee"},{"id":"B1","parent":"C1","kind":"branch"},
        {"id":"B2","parent":"C1","kind":"branch"},{"id":"G1","parent":"B1","kind":"group"}],
        "roles":[{"person":"P1","org":"B1","role":"proposer"},{"person":"S1","org":"B1","role":"confidentiality_reviewer"},
        {"person":"R1","org":"B1","role":"reviewer"},{"person":"A1","org":"B1","role":"approver"},
        {"person":"P1","org":"B1","role":"approver"},{"person":"CA","org":"C1","role":"approver"}]}"#,
    )
    .unwrap()
}

fn new_item(scope: &str) -> NewItem {
    serde_json::from_str(&format!(
        r#"{{"id":"D1","org":"B1","title":"换届结果","body":"正文","category":"organization","scope":{scope}}}"#
    ))
    .unwrap()
}

fn act(json: &str) -> Action {
    serde_json::from_str(json).unwrap()
}

fn step(item: &DisclosureItem, json: &str) -> Result<Applied, crate::Error> {
    apply(&Policy::bundled(), &ctx(), item, &act(json))
}

const MEMBERS_B1: &str = r#"{"kind":"members","org":"B1"}"#;

/// Runs the actions in order, returning the item and the audit log.
fn run(scope: &str, actions: &[&str]) -> (DisclosureItem, AuditLog) {
    let created = create(
        &ctx(),
        new_item(scope),
        "P1",
        t("2026-03-02T09:00:00+08:00"),
    )
    .unwrap();
    let mut log = AuditLog::new();
    log.append(created.event);
    let mut item = created.item;
    for a in actions {
        let applied = step(&item, a).unwrap_or_else(|e| panic!("{a}: {e}"));
        log.append(applied.event);
        item = applied.item;
    }
    (item, log)
}

const PROPOSE: &str = r#"{"action":"propose","actor":"P1","at":"2026-03-02T10:00:00+08:00"}"#;
const SECRECY_OK: &str = r#"{"action":"confidentiality_review","actor":"S1","at":"2026-03-03T09:00:00+08:00","passed":true}"#;
const REVIEW: &str = r#"{"action":"review","actor":"R1","at":"2026-03-03T10:00:00+08:00","necessity":true,"accuracy":true}"#;
const APPROVE: &str = r#"{"action":"approve","actor":"A1","at":"2026-03-04T09:00:00+08:00"}"#;
const PUBLISH: &str = r#"{"action":"publish","actor":"P1","at":"2026-03-04T15:00:00+08:00"}"#;

fn published(scope: &str) -> DisclosureItem {
    run(scope, &[PROPOSE, SECRECY_OK, REVIEW, APPROVE, PUBLISH]).0
}

// ---------------------------------------------------------------- workflow

#[test]
fn happy_path_records_every_transition_and_chains_the_log() {
    let (item, log) = run(MEMBERS_B1, &[PROPOSE, SECRECY_OK, REVIEW, APPROVE, PUBLISH]);
    assert_eq!(item.status, Status::Published);
    assert_eq!(item.version(), 1);
    assert_eq!(item.history.len(), 5);
    assert_eq!(item.published_at, Some(t("2026-03-04T15:00:00+08:00")));
    assert_eq!(log.entries.len(), 6);
    assert!(log.verify().valid);
    let actions: Vec<&str> = log
        .entries
        .iter()
        .map(|e| e.event.action.as_str())
        .collect();
    assert_eq!(
        actions,
        [
            "create",
            "propose",
            "confidentiality_review",
            "review",
            "approve",
            "publish"
        ]
    );
}

#[test]
fn illegal_transitions_are_refused() {
    let (item, _) = run(MEMBERS_B1, &[]);
    for a in [APPROVE, PUBLISH, REVIEW, SECRECY_OK] {
        assert_eq!(
            step(&item, a).unwrap_err().code(),
            "ILLEGAL_TRANSITION",
            "{a}"
        );
    }
    let done = published(MEMBERS_B1);
    assert_eq!(
        step(&done, PROPOSE).unwrap_err().code(),
        "ILLEGAL_TRANSITION"
    );
}

#[test]
fn actor_without_the_role_is_refused() {
    let (item, _) = run(MEMBERS_B1, &[]);
    let e = step(
        &item,
        r#"{"action":"propose","actor":"R1","at":"2026-03-02T10:00:00+08:00"}"#,
    )
    .unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("ROLE_REQUIRED", "actor")
    );
    let (item, _) = run(MEMBERS_B1, &[PROPOSE]);
    // The reviewer may not do the confidentiality review.
    let e = step(
        &item,
        r#"{"action":"confidentiality_review","actor":"R1","at":"2026-03-03T09:00:00+08:00","passed":true}"#,
    );
    assert_eq!(e.unwrap_err().code(), "ROLE_REQUIRED");
}

#[test]
fn times_before_creation_or_the_last_transition_are_refused() {
    let (item, _) = run(MEMBERS_B1, &[]);
    let e = step(
        &item,
        r#"{"action":"propose","actor":"P1","at":"2026-03-02T08:59:59+08:00"}"#,
    )
    .unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("TIME_BEFORE_CREATION", "at")
    );
    // The same instant written in UTC is not before creation.
    assert!(step(
        &item,
        r#"{"action":"propose","actor":"P1","at":"2026-03-02T01:00:00Z"}"#
    )
    .is_ok());
    let (item, _) = run(MEMBERS_B1, &[PROPOSE]);
    let e = step(
        &item,
        r#"{"action":"confidentiality_review","actor":"S1","at":"2026-03-02T09:30:00+08:00","passed":true}"#,
    );
    assert_eq!(e.unwrap_err().code(), "TIME_OUT_OF_ORDER");
}

#[test]
fn failed_confidentiality_review_blocks_until_rejected() {
    let (item, _) = run(
        MEMBERS_B1,
        &[
            PROPOSE,
            r#"{"action":"confidentiality_review","actor":"S1","at":"2026-03-03T09:00:00+08:00","passed":false}"#,
        ],
    );
    assert_eq!(item.confidentiality_passed, Some(false));
    assert_eq!(step(&item, REVIEW).unwrap_err().code(), "SECRET_CONTENT");
    assert_eq!(
        step(&item, SECRECY_OK).unwrap_err().code(),
        "ALREADY_REVIEWED"
    );
    let e = step(
        &item,
        r#"{"action":"reject","actor":"S1","at":"2026-03-03T11:00:00+08:00"}"#,
    )
    .unwrap_err();
    assert_eq!(e.code(), "COMMENT_REQUIRED");
    let back = step(&item, r#"{"action":"reject","actor":"S1","at":"2026-03-03T11:00:00+08:00","comment":"涉密，删去第三段"}"#)
        .unwrap()
        .item;
    assert_eq!(
        (back.status, back.confidentiality_passed),
        (Status::Draft, None)
    );
    assert_eq!(back.history.last().unwrap().comment, "涉密，删去第三段");
}

#[test]
fn review_needs_the_confidentiality_review_and_both_criteria() {
    let (item, _) = run(MEMBERS_B1, &[PROPOSE]);
    assert_eq!(
        step(&item, REVIEW).unwrap_err().code(),
        "CONFIDENTIALITY_REVIEW_REQUIRED"
    );
    let (item, _) = run(MEMBERS_B1, &[PROPOSE, SECRECY_OK]);
    let e = step(
        &item,
        r#"{"action":"review","actor":"R1","at":"2026-03-03T10:00:00+08:00","necessity":false,"accuracy":true}"#,
    );
    assert_eq!(e.unwrap_err().detail().field, "necessity");
}

#[test]
fn beyond_authority_must_be_escalated() {
    let (item, _) = run(r#"{"kind":"to_society"}"#, &[PROPOSE, SECRECY_OK, REVIEW]);
    let e = step(&item, APPROVE).unwrap_err();
    assert_eq!(e.code(), "ESCALATION_REQUIRED");
    assert!(e.detail().message_en.contains("C1"));
    // A branch cannot approve disclosure to a sibling branch either.
    let (sib, _) = run(
        r#"{"kind":"members","org":"B2"}"#,
        &[PROPOSE, SECRECY_OK, REVIEW],
    );
    assert_eq!(
        step(&sib, APPROVE).unwrap_err().code(),
        "ESCALATION_REQUIRED"
    );
    let up = step(
        &item,
        r#"{"action":"escalate","actor":"A1","at":"2026-03-04T08:00:00+08:00"}"#,
    )
    .unwrap()
    .item;
    assert_eq!(up.approving_org(), "C1");
    // Now only the committee's approver may approve.
    assert_eq!(step(&up, APPROVE).unwrap_err().code(), "ROLE_REQUIRED");
    let ok = step(
        &up,
        r#"{"action":"approve","actor":"CA","at":"2026-03-05T09:00:00+08:00"}"#,
    )
    .unwrap()
    .item;
    assert_eq!(ok.status, Status::Approved);
    // The committee has no superior in this tree.
    assert_eq!(
        step(
            &up,
            r#"{"action":"escalate","actor":"CA","at":"2026-03-05T09:00:00+08:00"}"#
        )
        .unwrap_err()
        .code(),
        "NO_SUPERIOR_ORG"
    );
}

#[test]
fn separation_of_duties_is_a_policy_parameter() {
    let (item, _) = run(MEMBERS_B1, &[PROPOSE, SECRECY_OK, REVIEW]);
    let self_approve = r#"{"action":"approve","actor":"P1","at":"2026-03-04T09:00:00+08:00"}"#;
    assert_eq!(
        step(&item, self_approve).unwrap_err().code(),
        "SEPARATION_OF_DUTIES"
    );
    let relaxed = Policy::bundled()
        .with_overrides_json(
            r#"{"schema_version":1,"disclosure":{"workflow":[{"effective_from":"2026-01-01",
            "citation":{"regulation":"某单位办法","article":"第三条"},
            "value":{"separation_of_duties":false,"society_approvers":["committee"],"whole_party_approvers":["committee"]}}]}}"#,
        )
        .unwrap();
    assert!(apply(&relaxed, &ctx(), &item, &act(self_approve)).is_ok());
}

#[test]
fn correction_keeps_the_old_version_and_withdrawal_keeps_the_reason() {
    let item = published(MEMBERS_B1);
    let no_reason =
        r#"{"action":"correct","actor":"A1","at":"2026-03-05T09:00:00+08:00","body":"新正文"}"#;
    assert_eq!(
        step(&item, no_reason).unwrap_err().code(),
        "COMMENT_REQUIRED"
    );
    let fixed = step(&item, r#"{"action":"correct","actor":"A1","at":"2026-03-05T09:00:00+08:00","body":"新正文","comment":"更正日期"}"#)
        .unwrap()
        .item;
    assert_eq!(
        (fixed.status, fixed.version(), fixed.body.as_str()),
        (Status::Published, 2, "新正文")
    );
    assert_eq!(fixed.versions[0].body, "正文");
    assert_eq!(fixed.versions[1].reason.as_deref(), Some("更正日期"));
    let gone = step(&fixed, r#"{"action":"withdraw","actor":"A1","at":"2026-03-06T09:00:00+08:00","comment":"内容已过时"}"#)
        .unwrap()
        .item;
    assert_eq!(gone.withdrawal_reason.as_deref(), Some("内容已过时"));
    let archived = step(
        &gone,
        r#"{"action":"archive","actor":"P1","at":"2026-03-07T09:00:00+08:00"}"#,
    )
    .unwrap()
    .item;
    assert_eq!(archived.status, Status::Archived);
    assert_eq!(
        step(&archived, PUBLISH).unwrap_err().code(),
        "ILLEGAL_TRANSITION"
    );
}

#[test]
fn create_checks_its_input() {
    let e = create(
        &ctx(),
        new_item(r#"{"kind":"members","org":"X9"}"#),
        "P1",
        t("2026-03-02T09:00:00+08:00"),
    )
    .unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("UNKNOWN_ORG", "scope.org")
    );
    let mut n = new_item(MEMBERS_B1);
    n.title = "  ".into();
    assert_eq!(
        create(&ctx(), n, "P1", t("2026-03-02T09:00:00+08:00"))
            .unwrap_err()
            .code(),
        "EMPTY_TEXT"
    );
    let e = DisclosureContext::from_json(
        r#"{"orgs":[{"id":"A","parent":"B","kind":"branch"},{"id":"B","parent":"A","kind":"branch"}]}"#,
    );
    assert_eq!(e.unwrap_err().code(), "ORG_CYCLE");
}

// ---------------------------------------------------------------- deadlines

#[test]
fn review_deadline_across_the_spring_festival_and_its_extension() {
    let mut item = run(MEMBERS_B1, &[]).0;
    item.created_at = t("2026-02-12T09:00:00+08:00");
    let item = apply(
        &Policy::bundled(),
        &ctx(),
        &item,
        &act(r#"{"action":"propose","actor":"P1","at":"2026-02-12T10:00:00+08:00"}"#),
    )
    .unwrap()
    .item;
    let cal = Calendar::official();
    // 13, 14 (make-up Saturday), 24 → due 24 February; on the 24th it is not yet overdue.
    let a = item_deadlines(&Policy::bundled(), &cal, &item, d(2026, 2, 24)).unwrap();
    assert_eq!(a.value[0].due_on, d(2026, 2, 24));
    assert!(a.findings.is_empty());
    let a = item_deadlines(&Policy::bundled(), &cal, &item, d(2026, 2, 25)).unwrap();
    assert_eq!(a.findings[0].code, "REVIEW_OVERDUE");
    let ext = apply(&Policy::bundled(), &ctx(), &item, &act(r#"{"action":"extend_review","actor":"R1","at":"2026-02-13T10:00:00+08:00","comment":"需核实"}"#))
        .unwrap()
        .item;
    // 10 working days: 13, 14, 24, 25, 26, 27, 28 (make-up Saturday), 2, 3, 4 March.
    let a = item_deadlines(&Policy::bundled(), &cal, &ext, d(2026, 2, 25)).unwrap();
    assert_eq!(a.value[0].due_on, d(2026, 3, 4));
    assert!(a.findings.is_empty());
}

#[test]
fn catalogue_quarterly_and_annual_dues() {
    let cal = Calendar::official();
    let c: Catalogue = serde_json::from_str(r#"{"org":"B1","since":"2026-01-01"}"#).unwrap();
    // Q1 2026 ends 31 March; 10 working days: 1, 2, 3, 7, 8, 9, 10, 13, 14, 15 April (4–6 April off) → 15 April.
    let a = catalogue_status(&Policy::bundled(), &cal, &c, &[], d(2026, 4, 15)).unwrap();
    let q1 = a.value.iter().find(|p| p.period == "2026-Q1").unwrap();
    assert_eq!((q1.due_on, q1.status), (d(2026, 4, 15), DueStatus::Open));
    let a = catalogue_status(&Policy::bundled(), &cal, &c, &[], d(2026, 4, 16)).unwrap();
    assert_eq!(a.findings[0].code, "DISCLOSURE_OVERDUE");
    // A published item fulfils the period.
    let mut item = published(r#"{"kind":"members","org":"B1"}"#);
    item.catalogue = Some(CatalogueRef {
        code: "activity_quarterly".into(),
        period: "2026-Q1".into(),
    });
    let a = catalogue_status(&Policy::bundled(), &cal, &c, &[item], d(2026, 4, 16)).unwrap();
    let q1 = a.value.iter().find(|p| p.period == "2026-Q1").unwrap();
    assert_eq!(q1.status, DueStatus::Met);
}

// ---------------------------------------------------------------- notices

fn notice(opens: &str, closes: &str, objections: &str) -> PublicNotice {
    serde_json::from_str(&format!(
        r#"{{"id":"N1","subject":"拟发展对象公示","opens_on":"{opens}","closes_on":"{closes}","objections":{objections}}}"#
    ))
    .unwrap()
}

fn eval(n: &PublicNotice, on: NaiveDate) -> NoticeReport {
    evaluate_notice(&Policy::bundled(), &Calendar::official(), n, on).unwrap()
}

#[test]
fn notice_window_across_the_spring_festival() {
    let cal = Calendar::official();
    assert_eq!(
        earliest_close(&Policy::bundled(), &cal, d(2026, 2, 12))
            .unwrap()
            .value,
        d(2026, 2, 25)
    );
    let ok = eval(&notice("2026-02-12", "2026-02-25", "[]"), d(2026, 2, 26));
    assert_eq!(
        (ok.working_days, ok.window_ok, ok.result),
        (5, true, NoticeResult::Passed)
    );
    let pending = eval(&notice("2026-02-12", "2026-02-25", "[]"), d(2026, 2, 25));
    assert_eq!(pending.result, NoticeResult::Pending);
    let short = eval(&notice("2026-02-12", "2026-02-24", "[]"), d(2026, 2, 26));
    assert_eq!(
        (short.working_days, short.result),
        (4, NoticeResult::Failed)
    );
    assert_eq!(short.findings[0].code, "NOTICE_WINDOW_TOO_SHORT");
    // Opening on a holiday: counting starts on 24 February; the make-up Saturday 28th is the fifth day.
    assert_eq!(
        earliest_close(&Policy::bundled(), &cal, d(2026, 2, 16))
            .unwrap()
            .value,
        d(2026, 2, 28)
    );
}

#[test]
fn notice_objections() {
    let upheld = r#"[{"by":"M9","at":"2026-02-13T15:00:00+08:00","content":"有违纪问题",
        "decision":{"upheld":true,"reason":"经查属实","by":"C1","at":"2026-02-24T10:00:00+08:00"}}]"#;
    let r = eval(&notice("2026-02-12", "2026-02-25", upheld), d(2026, 2, 26));
    assert_eq!((r.upheld_objections, r.result), (1, NoticeResult::Failed));
    let open = r#"[{"by":"M9","at":"2026-02-13T15:00:00+08:00","content":"有疑问"}]"#;
    let r = eval(&notice("2026-02-12", "2026-02-25", open), d(2026, 2, 26));
    assert_eq!((r.pending_objections, r.result), (1, NoticeResult::Pending));
    let rejected = r#"[{"by":"M9","at":"2026-02-13T15:00:00+08:00","content":"有疑问",
        "decision":{"upheld":false,"reason":"经核实不属实","by":"C1","at":"2026-02-24T10:00:00+08:00"}}]"#;
    assert_eq!(
        eval(
            &notice("2026-02-12", "2026-02-25", rejected),
            d(2026, 2, 26)
        )
        .result,
        NoticeResult::Passed
    );
    let early = r#"[{"by":"M9","at":"2026-02-11T15:00:00+08:00","content":"x"}]"#;
    let e = evaluate_notice(
        &Policy::bundled(),
        &Calendar::official(),
        &notice("2026-02-12", "2026-02-25", early),
        d(2026, 2, 26),
    );
    assert_eq!(e.unwrap_err().detail().field, "objections[0].at");
    let e = evaluate_notice(
        &Policy::bundled(),
        &Calendar::official(),
        &notice("2026-02-12", "2026-02-11", "[]"),
        d(2026, 2, 26),
    );
    assert_eq!(e.unwrap_err().code(), "INVALID_PERIOD");
}

#[test]
fn provisional_years_are_flagged_in_notices() {
    let r = eval(&notice("2027-03-01", "2027-03-05", "[]"), d(2027, 3, 8));
    assert!(r.findings.iter().any(|f| f.code == "PROVISIONAL_CALENDAR"));
}

// ---------------------------------------------------------------- visibility

fn viewer(json: &str) -> Viewer {
    serde_json::from_str(json).unwrap()
}

#[test]
fn visibility_by_scope_status_and_standing() {
    let c = ctx();
    let on = d(2026, 3, 10);
    let member_b1 = viewer(
        r#"{"person":"M1","memberships":[{"org":"B1","status":"full","from":"2020-01-01"}]}"#,
    );
    let member_g1 = viewer(
        r#"{"person":"M3","memberships":[{"org":"G1","status":"probationary","from":"2025-01-01"}]}"#,
    );
    let member_b2 = viewer(
        r#"{"person":"M2","memberships":[{"org":"B2","status":"full","from":"2020-01-01"}]}"#,
    );
    let officer_c1 = viewer(
        r#"{"person":"O1","memberships":[{"org":"B2","status":"full","from":"2020-01-01"}],"posts":[{"org":"C1","from":"2024-01-01"}]}"#,
    );
    let suspended = viewer(
        r#"{"person":"M4","memberships":[{"org":"B1","status":"suspended","from":"2026-01-01"}]}"#,
    );

    let members = published(MEMBERS_B1);
    assert!(visible(&c, &member_b1, &members, on));
    assert!(!visible(&c, &member_g1, &members, on)); // one organization's members: not its groups
    assert!(!visible(&c, &member_b2, &members, on));
    assert!(visible(&c, &officer_c1, &members, on));
    assert!(!visible(&c, &suspended, &members, on));
    assert!(!visible(&c, &Viewer::public(), &members, on));
    assert!(!visible(&c, &member_b1, &members, d(2026, 3, 3))); // before publication

    let tree = published(r#"{"kind":"organizations","orgs":["B1"],"include_descendants":true}"#);
    assert!(visible(&c, &member_g1, &tree, on));
    let flat = published(r#"{"kind":"organizations","orgs":["B1"]}"#);
    assert!(!visible(&c, &member_g1, &flat, on));

    let mut open = published(MEMBERS_B1);
    open.scope = Scope::ToSociety;
    assert!(visible(&c, &Viewer::public(), &open, on));
    assert!(visible(&c, &suspended, &open, on));
    let mut party = open.clone();
    party.scope = Scope::WholeParty;
    assert!(visible(&c, &member_b2, &party, on));
    assert!(!visible(&c, &suspended, &party, on));

    // Drafts: participants of the organization only.
    let (draft, _) = run(MEMBERS_B1, &[PROPOSE]);
    let reviewer = viewer(
        r#"{"person":"R1","memberships":[{"org":"B1","status":"full","from":"2020-01-01"}]}"#,
    );
    assert!(visible(&c, &reviewer, &draft, on));
    assert!(!visible(&c, &member_b1, &draft, on));
    assert!(!visible(&c, &officer_c1, &draft, on));

    // Withdrawn: nobody.
    let gone = step(
        &open,
        r#"{"action":"withdraw","actor":"A1","at":"2026-03-06T09:00:00+08:00","comment":"撤回"}"#,
    )
    .unwrap()
    .item;
    assert!(!visible(&c, &Viewer::public(), &gone, on));
    assert!(!visible(&c, &reviewer, &gone, on));
    let items = vec![open, gone, members];
    let seen: Vec<&str> = filter_visible(&c, &member_b1, &items, on)
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(seen, ["D1", "D1"]);
}

// ---------------------------------------------------------------- redaction

#[test]
fn scanning_boundaries() {
    let kinds = |s: &str| scan(s).into_iter().map(|f| f.kind).collect::<Vec<_>>();
    assert_eq!(kinds("11010519491231002X"), [PersonalKind::IdNumber]);
    assert_eq!(kinds("11010519491231002x"), [PersonalKind::IdNumber]);
    assert!(kinds("110105194912310021").is_empty()); // wrong check digit, and not a Luhn number either
    assert_eq!(kinds("13800138000"), [PersonalKind::Mobile]);
    assert!(kinds("12800138000").is_empty()); // 12x is no mobile prefix
    assert!(kinds("138001380001").is_empty()); // 12 digits
    assert_eq!(scan("+8613800138000")[0].masked, "+86138****8000"); // the prefix is part of the match
    assert_eq!(kinds("6222020200000000006"), [PersonalKind::BankCard]);
    assert!(kinds("6222020200000000005").is_empty()); // Luhn fails
    assert!(kinds("62220202000000000061").is_empty()); // 20 digits: not a card
    assert_eq!(mask("甲13800138000乙"), "甲138****8000乙");
    assert_eq!(
        mask("身份证11010519491231002X。"),
        "身份证110105********002X。"
    );
    assert_eq!(mask(""), "");
}

#[test]
fn unmasked_scopes_follow_policy() {
    let mut item = published(MEMBERS_B1);
    item.body = "联系电话13800138000".into();
    // What is published on a day is the version in force: give it the same body.
    item.versions
        .iter_mut()
        .for_each(|v| v.body.clone_from(&item.body));
    let on = d(2026, 3, 10);
    assert_eq!(
        published_text(&Policy::bundled(), &item, on).unwrap(),
        "联系电话138****8000"
    );
    let p = Policy::bundled()
        .with_overrides_json(
            r#"{"schema_version":1,"disclosure":{"redaction":[{"effective_from":"2026-01-01",
            "citation":{"regulation":"某单位办法","article":"第五条"},"value":{"unmasked_scopes":["members"]}}]}}"#,
        )
        .unwrap();
    let preview = redaction_preview(&p, &item, on).unwrap();
    assert!(!preview.masked);
    assert_eq!(preview.found.len(), 1);
    assert_eq!(preview.text, "联系电话13800138000");
    let bad = Policy::bundled().with_overrides_json(
        r#"{"schema_version":1,"disclosure":{"redaction":[{"effective_from":"2026-01-01",
        "citation":{"regulation":"r","article":"a"},"value":{"unmasked_scopes":["to_society"]}}]}}"#,
    );
    let e = bad.unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        (
            "SOCIETY_UNMASKED",
            "disclosure.redaction[0].value.unmasked_scopes[0]"
        )
    );
}

// ---------------------------------------------------------------- audit

fn full_log() -> AuditLog {
    run(MEMBERS_B1, &[PROPOSE, SECRECY_OK, REVIEW, APPROVE, PUBLISH]).1
}

fn broken(log: &AuditLog) -> (Option<u64>, Option<String>) {
    let v = log.verify();
    (v.first_broken, v.code)
}

#[test]
fn every_kind_of_tampering_is_found() {
    let log = full_log();
    assert!(log.verify().valid);

    let mut edited = log.clone();
    edited.entries[2].event.actor = "X".into();
    assert_eq!(broken(&edited), (Some(2), Some("HASH_MISMATCH".into())));

    // Edited and re-hashed: the next entry's link breaks.
    let mut rehashed = log.clone();
    rehashed.entries[2].event.comment = "x".into();
    rehashed.entries[2].hash = rehashed.entries[2].compute_hash();
    assert_eq!(broken(&rehashed), (Some(3), Some("CHAIN_BROKEN".into())));

    let mut deleted = log.clone();
    deleted.entries.remove(1);
    assert_eq!(broken(&deleted), (Some(1), Some("SEQUENCE_BROKEN".into())));

    let mut inserted = log.clone();
    let copy = inserted.entries[1].clone();
    inserted.entries.insert(2, copy);
    assert_eq!(broken(&inserted), (Some(2), Some("SEQUENCE_BROKEN".into())));

    let mut swapped = log.clone();
    swapped.entries.swap(3, 4);
    assert_eq!(broken(&swapped), (Some(3), Some("SEQUENCE_BROKEN".into())));

    // Renumbered after a deletion: the chain still breaks.
    let mut renumbered = deleted.clone();
    for (i, e) in renumbered.entries.iter_mut().enumerate() {
        e.seq = i as u64;
    }
    assert_eq!(broken(&renumbered), (Some(1), Some("CHAIN_BROKEN".into())));

    let mut time = log.clone();
    time.entries[0].event.at = t("2026-03-02T09:00:01+08:00");
    assert_eq!(broken(&time).0, Some(0));

    let head = log.verify().head.unwrap();
    let mut cut = log.clone();
    cut.entries.pop();
    assert!(cut.verify().valid);
    assert_eq!(
        cut.verify_head(6, &head).code.as_deref(),
        Some("HEAD_MISMATCH")
    );
    assert!(log.verify_head(6, &head).valid);
}

#[test]
fn audit_json_round_trip_and_malformed_logs() {
    let log = full_log();
    let back = AuditLog::from_json(&log.to_json()).unwrap();
    assert_eq!(back, log);
    assert!(back.verify().valid);
    let mut bad = log.clone();
    bad.entries[4].event.comment = "改".into();
    let e = AuditLog::from_json(&bad.to_json()).unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        ("AUDIT_CHAIN_BROKEN", "entries[4]")
    );
    // Nothing lost: the broken log still loads for inspection.
    assert_eq!(AuditLog::from_json_unverified(&bad.to_json()).unwrap(), bad);
    for (json, code) in [
        ("", "INVALID_AUDIT_JSON"),
        ("[]", "INVALID_AUDIT_JSON"),
        (
            r#"{"schema_version":2,"entries":[]}"#,
            "UNSUPPORTED_SCHEMA_VERSION",
        ),
        (
            r#"{"schema_version":1,"entries":[{"seq":"0"}]}"#,
            "INVALID_AUDIT_JSON",
        ),
    ] {
        assert_eq!(
            AuditLog::from_json(json).unwrap_err().code(),
            code,
            "{json}"
        );
    }
}

#[test]
fn apply_json_appends_to_a_verified_log() {
    let c = r#"{"orgs":[{"id":"B1","kind":"branch"}],"roles":[{"person":"P1","org":"B1","role":"proposer"}]}"#;
    let created: serde_json::Value = serde_json::from_str(
        &create_json(
            c,
            &serde_json::to_string(&new_item(MEMBERS_B1)).unwrap(),
            "P1",
            "2026-03-02T09:00:00+08:00",
        )
        .unwrap(),
    )
    .unwrap();
    let mut log = AuditLog::new();
    log.append(serde_json::from_value(created["event"].clone()).unwrap());
    let out: serde_json::Value = serde_json::from_str(
        &apply_json(
            &Policy::bundled(),
            c,
            &created["item"].to_string(),
            PROPOSE,
            &log.to_json(),
        )
        .unwrap(),
    )
    .unwrap();
    let log: AuditLog = serde_json::from_value(out["log"].clone()).unwrap();
    assert_eq!(log.entries.len(), 2);
    assert!(log.verify().valid);
    let e = create_json(c, "{}", "P1", "2026-03-02 09:00").unwrap_err();
    assert_eq!(e.detail().field, "id");
    let e = create_json(
        c,
        &serde_json::to_string(&new_item(MEMBERS_B1)).unwrap(),
        "P1",
        "2026-03-02 09:00",
    )
    .unwrap_err();
    assert_eq!(e.code(), "INVALID_TIME");
}

// ---------------------------------------------------------------- policy and dues

#[test]
fn policy_round_trips_with_the_disclosure_section() {
    let p = Policy::bundled();
    assert_eq!(Policy::from_json(&p.to_json()).unwrap(), p);
    // An older document without the section still loads.
    let old = Policy::from_json(r#"{"schema_version":1}"#).unwrap();
    assert!(old.disclosure.time_limits.is_empty());
    let e = Policy::from_json(
        r#"{"schema_version":1,"disclosure":{"time_limits":[{"effective_from":"2020-01-01","citation":{"regulation":"r","article":"a"},
        "value":{"review_working_days":5,"review_extended_working_days":3,"notice_min_working_days":5}}]}}"#,
    )
    .unwrap_err();
    assert_eq!(
        (e.code(), e.detail().field.as_str()),
        (
            "EXTENSION_SHORTER",
            "disclosure.time_limits[0].value.review_extended_working_days"
        )
    );
}

#[test]
fn annual_dues_disclosure_body() {
    use crate::dues::{evaluate_ledger, summarize, Ledger, Period};
    let l: Ledger = serde_json::from_str(
        r#"{"member_id":"M1","obligations":[{"month":"2025-01","amount":"81.00"},{"month":"2025-02","amount":"81.00"}],
        "payments":[{"paid_on":"2025-01-10","amount":"81.00","months":["2025-01"]}]}"#,
    )
    .unwrap();
    let r = evaluate_ledger(&Policy::bundled(), &l, d(2025, 12, 31)).unwrap();
    let s = summarize(&[r], Period::Year(2025)).unwrap();
    let uses = [DuesUse {
        purpose: "订阅学习资料".into(),
        amount: "30.5".parse().unwrap(),
    }];
    let item = dues_disclosure(&s, "B1", "DUES-2025", &uses).unwrap();
    assert!(
        item.body.contains(
            "应交党费党员 1 名，应交党费 162.00 元，实交 81.00 元，未交 81.00 元，交纳率 50.00%"
        ),
        "{}",
        item.body
    );
    assert!(item.body.contains("1. 订阅学习资料：30.50 元"));
    assert_eq!(item.scope, Scope::Members { org: "B1".into() });
    assert_eq!(item.catalogue.as_ref().unwrap().period, "2025");
    let month = summarize(&[], Period::Month("2025-01".parse().unwrap())).unwrap();
    assert_eq!(
        dues_disclosure(&month, "B1", "X", &[]).unwrap_err().code(),
        "NOT_ANNUAL_PERIOD"
    );
}

#[test]
fn a_context_inside_another_document_gets_the_role_checks() {
    // A host's own document that embeds the context (as the CLI's board input does).
    #[derive(serde::Deserialize)]
    struct Board {
        context: DisclosureContext,
    }
    let read = |roles: &str| {
        serde_json::from_str::<Board>(&format!(
            r#"{{"context":{{"orgs":[{{"id":"B1","kind":"branch"}}],"roles":[{roles}]}}}}"#
        ))
    };
    let ok = read(r#"{"person":"P1","org":"B1","role":"proposer"}"#).unwrap();
    assert!(ok.context.has_role("P1", "B1", Role::Proposer));
    let unknown = read(r#"{"person":"P1","org":"B9","role":"proposer"}"#)
        .err()
        .unwrap();
    assert!(
        unknown.to_string().contains("UNKNOWN_ORG at roles[0].org"),
        "{unknown}"
    );
    let blank = read(r#"{"person":" ","org":"B1","role":"proposer"}"#)
        .err()
        .unwrap();
    assert!(
        blank.to_string().contains("EMPTY_TEXT at roles[0].person"),
        "{blank}"
    );
    let cycle = serde_json::from_str::<Board>(
        r#"{"context":{"orgs":[{"id":"A","parent":"B","kind":"branch"},{"id":"B","parent":"A","kind":"branch"}]}}"#,
    )
    .err()
    .unwrap();
    assert!(cycle.to_string().contains("ORG_CYCLE at orgs"), "{cycle}");
}
